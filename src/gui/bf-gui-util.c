/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-gui-util.h"

void
bf_describe_by_row (GtkWidget *suffix)
{
  GtkWidget *row = gtk_widget_get_ancestor (suffix, ADW_TYPE_ACTION_ROW);
  const char *subtitle;

  g_return_if_fail (row != NULL);
  /* AdwActionRow labels its activatable widget with the title; a label of our own would be read
   * twice. */
  g_return_if_fail (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == suffix);

  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  if (subtitle != NULL && *subtitle != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    subtitle, -1);
}
