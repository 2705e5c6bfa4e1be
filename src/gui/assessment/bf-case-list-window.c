/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-case-list-window.h"
#include "bf-exit-ui.h"

struct _BfCaseListWindow
{
  AdwWindow parent_instance;

  BfIndicator indicator;
  GHashTable *short_of; /* household ids outside the numerator */
  GListStore *rows;
  GtkFilterListModel *filtered;
  gboolean loaded;

  AdwWindowTitle *window_title;
  GtkLabel *definition_label;
  GtkLabel *counts_label;
  GtkCheckButton *short_check;
  GtkColumnView *list_view;
};

G_DEFINE_FINAL_TYPE (BfCaseListWindow, bf_case_list_window, ADW_TYPE_WINDOW)

static gboolean
filter_row (gpointer item, gpointer user_data)
{
  BfCaseListWindow *self = user_data;
  gint64 id = bf_exit_row_get_household_id (item);

  return !gtk_check_button_get_active (self->short_check) ||
         g_hash_table_contains (self->short_of, &id);
}

static void
short_toggled_cb (BfCaseListWindow *self)
{
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered),
                      gtk_check_button_get_active (self->short_check)
                        ? GTK_FILTER_CHANGE_MORE_STRICT
                        : GTK_FILTER_CHANGE_LESS_STRICT);
}

static gpointer
rows_work (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  GArray *ids = data;

  return bf_exit_list_read_new (
    BF_EXIT_LIST_CASES,
    bf_store_case_rows (reader, (const gint64 *) (gconstpointer) ids->data, ids->len, error));
}

static void
rows_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfCaseListWindow *self = BF_CASE_LIST_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfExitListRead) read = bf_gui_read_finish (result, &error);

  self->loaded = TRUE;
  if (read == NULL)
    {
      gtk_label_set_text (self->counts_label, error->message);
      return;
    }
  bf_exit_list_replace (self->rows, read->items);
}

static void
bf_case_list_window_dispose (GObject *object)
{
  BfCaseListWindow *self = BF_CASE_LIST_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_CASE_LIST_WINDOW);
  bf_indicator_clear (&self->indicator);
  g_clear_pointer (&self->short_of, g_hash_table_unref);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (bf_case_list_window_parent_class)->dispose (object);
}

static void
bf_case_list_window_class_init (BfCaseListWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bf_case_list_window_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/assessment/bf-case-list-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BfCaseListWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BfCaseListWindow, definition_label);
  gtk_widget_class_bind_template_child (widget_class, BfCaseListWindow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, BfCaseListWindow, short_check);
  gtk_widget_class_bind_template_child (widget_class, BfCaseListWindow, list_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bf_case_list_window_init (BfCaseListWindow *self)
{
  GtkFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->short_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows = g_list_store_new (BF_TYPE_EXIT_ROW);
  filter = GTK_FILTER (gtk_custom_filter_new (filter_row, self, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), filter);
  bf_exit_list_setup (self->list_view, BF_EXIT_LIST_CASES, _ ("Households behind the figure"));
  bf_exit_list_attach (self->list_view, G_LIST_MODEL (self->filtered));
  g_object_unref (self->filtered); /* the view's selection holds it */
  g_signal_connect_swapped (self->short_check, "toggled", G_CALLBACK (short_toggled_cb), self);
}

GtkWidget *
bf_case_list_window_new (GtkWindow *parent,
                         BfGuiReader *worker,
                         const BfIndicator *indicator,
                         const char *scope)
{
  BfCaseListWindow *self = g_object_new (BF_TYPE_CASE_LIST_WINDOW, "transient-for", parent, NULL);
  g_autofree char *value = bf_indicator_format_value (indicator);
  g_autofree char *counts = NULL;
  g_autofree char *numerator = NULL;
  g_autofree char *denominator = NULL;
  GArray *ids;

  bf_indicator_copy (indicator, &self->indicator);
  for (guint i = 0; i < indicator->short_of->len; i++)
    g_hash_table_add (self->short_of,
                      g_memdup2 (&g_array_index (indicator->short_of, gint64, i), sizeof (gint64)));
  gtk_window_set_title (GTK_WINDOW (self), bf_indicator_title (indicator->id));
  adw_window_title_set_title (self->window_title, bf_indicator_title (indicator->id));
  adw_window_title_set_subtitle (self->window_title, scope);
  gtk_label_set_text (self->definition_label, bf_indicator_definition (indicator->id));
  numerator = g_strdup_printf ("%" G_GINT64_FORMAT, indicator->numerator);
  denominator = g_strdup_printf ("%" G_GINT64_FORMAT, indicator->denominator);
  counts = g_strdup_printf (
    /* TRANSLATORS: "98.5% — Accurately identified: 197; Approved households: 200; households short
       of it: 3" */
    _ ("%s — %s: %s; %s: %s; households short of it: %u"), value,
    bf_indicator_numerator_label (indicator->id), numerator,
    bf_indicator_denominator_label (indicator->id), denominator, indicator->short_of->len);
  gtk_label_set_text (self->counts_label, counts);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), indicator->households->len);
  g_array_append_vals (ids, indicator->households->data, indicator->households->len);
  bf_gui_reader_run (worker, self, rows_work, ids, (GDestroyNotify) g_array_unref,
                     (GDestroyNotify) bf_exit_list_read_free, NULL, rows_done_cb, NULL);
  return GTK_WIDGET (self);
}

GListModel *
bf_case_list_window_get_rows (BfCaseListWindow *self)
{
  g_return_val_if_fail (BF_IS_CASE_LIST_WINDOW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

gboolean
bf_case_list_window_get_loaded (BfCaseListWindow *self)
{
  g_return_val_if_fail (BF_IS_CASE_LIST_WINDOW (self), FALSE);
  return self->loaded;
}
