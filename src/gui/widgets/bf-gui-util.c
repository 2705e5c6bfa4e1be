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

  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (store), i));
  g_list_store_splice (store, 0, n_old, items != NULL ? items->pdata : NULL,
                       items != NULL ? items->len : 0);
  if (n_old > 1000)
    g_thread_unref (g_thread_new ("bf-list-free", free_items_thread, old));
  else
    g_ptr_array_unref (old);
}

typedef struct
{
  char *path;
  BfGuiReadFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Read;

static void
read_free (Read *read)
{
  g_free (read->path);
  if (read->data_free != NULL)
    read->data_free (read->data);
  g_free (read);
}

static void
read_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Read *read = task_data;
  g_autoptr (BfStore) reader = NULL;
  gpointer result;
  GError *error = NULL;

  reader = bf_store_open (read->path, BF_STORE_OPEN_READ_ONLY | BF_STORE_OPEN_READER, &error);
  if (reader == NULL || g_task_return_error_if_cancelled (task))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      return;
    }
  result = read->func (reader, read->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, read->result_free);
}

gboolean
bf_gui_read_cancel (GCancellable **slot)
{
  if (*slot == NULL)
    return FALSE;
  g_cancellable_cancel (*slot);
  g_clear_object (slot);
  return TRUE;
}

void
bf_gui_read_async (gpointer source,
                   BfStore *store,
                   GCancellable **slot,
                   BfGuiReadFunc func,
                   gpointer data,
                   GDestroyNotify data_free,
                   GDestroyNotify result_free,
                   GAsyncReadyCallback done,
                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Read *read;

  g_return_if_fail (BF_IS_STORE (store));
  g_return_if_fail (slot != NULL);

  bf_gui_read_cancel (slot);
  read = g_new0 (Read, 1);
  read->path = g_strdup (bf_store_get_path (store));
  read->func = func;
  read->data = data;
  read->data_free = data_free;
  read->result_free = result_free;
  *slot = g_cancellable_new ();
  task = g_task_new (source, *slot, done, user_data);
  g_task_set_source_tag (task, bf_gui_read_async);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);
  g_task_run_in_thread (task, read_thread);
}

gpointer
bf_gui_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bf_gui_read_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
