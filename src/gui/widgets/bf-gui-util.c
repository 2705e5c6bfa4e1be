/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

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

GParamSpec *
bf_gui_param_spec_store (void)
{
  return g_param_spec_object ("store", NULL, NULL, BF_TYPE_STORE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

void
bf_gui_toast (GtkWidget *widget, const char *text)
{
  gtk_widget_activate_action (widget, "win.toast", "s", text);
}

void
bf_gui_show_error (GtkWidget *widget, const char *heading, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bf_gui_plain_flow_boxes (GtkWidget *root)
{
  if (GTK_IS_FLOW_BOX (root) &&
      gtk_flow_box_get_selection_mode (GTK_FLOW_BOX (root)) == GTK_SELECTION_NONE)
    for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      gtk_widget_set_focusable (child, FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bf_gui_plain_flow_boxes (child);
}

static gpointer
free_items_thread (gpointer items)
{
  g_ptr_array_unref (items);
  return NULL;
}

void
bf_gui_list_store_replace (GListStore *store, GPtrArray *items)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *old = g_ptr_array_new_full (n_old, g_object_unref);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (store), i));
  g_list_store_splice (store, 0, n_old, items != NULL ? items->pdata : NULL,
                       items != NULL ? items->len : 0);
  g_debug ("list filled: %u items for %u in %.1f ms", items != NULL ? items->len : 0, n_old,
           (g_get_monotonic_time () - start) / 1000.0);
  if (n_old > 1000)
    g_thread_unref (g_thread_new ("bf-list-free", free_items_thread, old));
  else
    g_ptr_array_unref (old);
}
