/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-gui-util.h"

void
bf_label_by_row (GtkWidget *suffix)
{
  GtkWidget *row = gtk_widget_get_ancestor (suffix, ADW_TYPE_ACTION_ROW);
  const char *subtitle;

  g_return_if_fail (row != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  if (subtitle != NULL && *subtitle != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    subtitle, -1);
}
