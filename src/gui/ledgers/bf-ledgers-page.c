/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-gui-util.h"
#include "bf-ledger.h"
#include "bf-ledgers-page.h"
#include "bf-store-regions.h"

/* The quarterly ledger export: choose quarter, scope, masking and file; the workbook is written in
 * a thread on its own read-only connection while the page shows progress and can cancel. */

/* How many past quarters the quarter list offers. */
#define N_PAST_QUARTERS 12
/* How many past exports the list shows. */
#define N_EXPORTS_SHOWN 50

typedef struct
{
  int year;
  int quarter;
} Quarter;

struct _BfLedgersPage
{
  AdwBin parent_instance;

  BfStore *store;
  char *destination;
  gboolean custom_name; /* chosen by the caseworker: quarter and scope no longer rename it */
  gboolean confirmed;   /* replacing an existing file was already agreed to */
  GtkFileChooserNative *chooser;
  GCancellable *cancellable; /* set while an export runs */
  GArray *quarters;          /* Quarter, in the quarter row's order */
  GArray *village_ids;       /* gint64, in the scope row's order; 0 is the township */

  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *export_group;
  AdwComboRow *quarter_row;
  AdwComboRow *scope_row;
  GtkSwitch *mask_switch;
  AdwActionRow *file_row;
  GtkStack *action_stack;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkListBox *exports_list;
};

G_DEFINE_FINAL_TYPE (BfLedgersPage, bf_ledgers_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_DESTINATION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one export needs, copied so that the thread shares nothing with the page. */
typedef struct
{
  BfLedgerOptions options;
  char *register_path;
  char *operator_name;
  char *path;
  BfOutput *output; /* written in the thread, put in place by export_done_cb */
  BfLedgerResult result;
  GApplication *application; /* held while the export runs */
  GThread *indicators_thread;
  BfIndicatorReport *indicators;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->register_path);
  g_free (job->operator_name);
  g_free (job->path);
  g_clear_pointer (&job->output, bf_output_free);
  g_clear_object (&job->application);
  g_clear_pointer (&job->indicators, bf_indicator_report_free);
  g_free (job);
}

static char *
quarter_label (int year, int quarter)
{
  /* TRANSLATORS: a quarter: year and quarter number, e.g. "2026 Q3" */
  return g_strdup_printf (_ ("%d Q%d"), year, quarter);
}

static GtkWindow *
page_window (BfLedgersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (BfLedgersPage *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (page_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const Quarter *
selected_quarter (BfLedgersPage *self)
{
  guint i = adw_combo_row_get_selected (self->quarter_row);

  return i < self->quarters->len ? &g_array_index (self->quarters, Quarter, i) : NULL;
}

static gint64
selected_village (BfLedgersPage *self)
{
  guint i = adw_combo_row_get_selected (self->scope_row);

  return i < self->village_ids->len ? g_array_index (self->village_ids, gint64, i) : 0;
}

static void
update_file_row (BfLedgersPage *self)
{
  g_autofree char *shown = NULL;

  shown = self->destination != NULL ? g_filename_display_name (self->destination) : NULL;
  adw_action_row_set_subtitle (self->file_row, shown != NULL ? shown : "");
}

static void
set_destination (BfLedgersPage *self, const char *path)
{
  if (g_strcmp0 (self->destination, path) == 0)
    return;
  g_free (self->destination);
  self->destination = g_strdup (path);
  self->confirmed = FALSE;
  update_file_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION]);
}

/* The default file: "某乡_2026Q3_台账.xlsx" in the folder of the current destination, else in
 * Documents. */
static void
update_default_destination (BfLedgersPage *self)
{
  const Quarter *quarter = selected_quarter (self);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  const char *village = NULL;
  guint scope;

  if (self->custom_name || self->store == NULL || quarter == NULL)
    return;
  scope = adw_combo_row_get_selected (self->scope_row);
  if (scope > 0 && scope != GTK_INVALID_LIST_POSITION)
    village = gtk_string_list_get_string (
      GTK_STRING_LIST (adw_combo_row_get_model (self->scope_row)), scope);

  if (self->destination != NULL)
    dir = g_path_get_dirname (self->destination);
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL &&
           g_file_test (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), G_FILE_TEST_IS_DIR))
    dir = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  else
    dir = g_strdup (g_get_home_dir ());
  name = bf_ledger_default_filename (bf_store_get_township (self->store), village, quarter->year,
                                     quarter->quarter);
  path = g_build_filename (dir, name, NULL);
  set_destination (self, path);
}

static void
choice_changed_cb (BfLedgersPage *self)
{
  update_default_destination (self);
}

static void
fill_quarters (BfLedgersPage *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GDate today;
  int year, quarter, i;

  g_array_set_size (self->quarters, 0);
  bf_date_today (&today);
  /* The quarter under way first (for an interim copy), then the complete ones, newest first. */
  year = g_date_get_year (&today);
  quarter = (g_date_get_month (&today) - 1) / 3 + 1;
  {
    g_autofree char *label = NULL;
    g_autofree char *current = quarter_label (year, quarter);
    Quarter q = { year, quarter };

    /* TRANSLATORS: the quarter that has not ended yet, e.g. "2026 Q4 (in progress)" */
    label = g_strdup_printf (_ ("%s (in progress)"), current);
    gtk_string_list_append (labels, label);
    g_array_append_val (self->quarters, q);
  }
  bf_quarter_last_complete (&today, &year, &quarter);
  for (i = 0; i < N_PAST_QUARTERS; i++)
    {
      g_autofree char *label = quarter_label (year, quarter);
      Quarter q = { year, quarter };

      gtk_string_list_append (labels, label);
      g_array_append_val (self->quarters, q);
      if (--quarter == 0)
        {
          quarter = 4;
          year--;
        }
    }
  adw_combo_row_set_model (self->quarter_row, G_LIST_MODEL (labels));
  /* The last complete quarter: what the county asks for. */
  adw_combo_row_set_selected (self->quarter_row, 1);
}

static void
fill_villages (BfLedgersPage *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GError) error = NULL;
  gint64 selected = selected_village (self);
  guint i, select = 0;
  gint64 township = 0;

  g_array_set_size (self->village_ids, 0);
  gtk_string_list_append (labels, _ ("Whole township"));
  g_array_append_val (self->village_ids, township);
  if (self->store != NULL)
    {
      villages = bf_store_list_villages (self->store, &error);
      if (villages == NULL)
        g_warning ("Cannot list the villages: %s", error->message);
      for (i = 0; villages != NULL && i < villages->len; i++)
        {
          BfVillage *village = g_ptr_array_index (villages, i);

          gtk_string_list_append (labels, village->name);
          g_array_append_val (self->village_ids, village->id);
          if (village->id == selected)
            select = i + 1;
        }
    }
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->scope_row, select);
}

/* Past exports */

static char *
local_time (const char *iso)
{
  g_autoptr (GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
file_button (const char *icon, const char *label, const char *action, const char *path)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (path));
  return button;
}

static GtkWidget *
export_row (const BfLedgerExport *record)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = local_time (record->exported_at);
  g_autofree char *shown = g_filename_display_name (record->path);
  g_autofree char *subtitle = NULL;
  g_autofree char *quarter = NULL;
  gboolean exists = g_file_test (record->path, G_FILE_TEST_IS_REGULAR);
  const char *scope = record->village_name != NULL ? record->village_name : _ ("Whole township");
  GtkWidget *button;
  int year, q;

  quarter = bf_quarter_parse (record->quarter, &year, &q, NULL) ? quarter_label (year, q)
                                                                : g_strdup (record->quarter);
  /* TRANSLATORS: a past export: quarter, scope, and "masked" when it was */
  title = record->masked ? g_strdup_printf (_ ("%s · %s · masked"), quarter, scope)
                         : g_strdup_printf (_ ("%s · %s"), quarter, scope);
  /* TRANSLATORS: when a ledger was exported, and its file (noted when it is gone) */
  subtitle = exists ? g_strdup_printf (_ ("%s — %s"), when, shown)
                    : g_strdup_printf (_ ("%s — %s (moved or deleted)"), when, shown);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  button = file_button ("x-office-spreadsheet-symbolic", _ ("Open"), "ledger.open", record->path);
  gtk_widget_set_sensitive (button, exists);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button =
    file_button ("folder-symbolic", _ ("Show in Folder"), "ledger.show-in-folder", record->path);
  gtk_widget_set_sensitive (button, exists);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_exports (BfLedgersPage *self)
{
  g_autoptr (GPtrArray) exports = NULL;
  g_autoptr (GError) error = NULL;
  GtkListBoxRow *row;
  guint i;

  /* GtkListBox of GTK 4.8 has no remove_all. */
  while ((row = gtk_list_box_get_row_at_index (self->exports_list, 0)) != NULL)
    gtk_list_box_remove (self->exports_list, GTK_WIDGET (row));
  if (self->store == NULL)
    return;
  exports = bf_store_ledger_export_list (self->store, N_EXPORTS_SHOWN, &error);
  if (exports == NULL)
    {
      g_warning ("Cannot list the past exports: %s", error->message);
      return;
    }
  for (i = 0; i < exports->len; i++)
    gtk_list_box_append (self->exports_list, export_row (g_ptr_array_index (exports, i)));
}

static void
refresh (BfLedgersPage *self)
{
  fill_villages (self);
  fill_exports (self);
  update_default_destination (self);
}

/* Exporting */

typedef struct
{
  BfLedgersPage *page;
  double fraction;
  char *text;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->page);
  g_free (progress->text);
  g_free (progress);
}

static gboolean
apply_progress (gpointer data)
{
  Progress *progress = data;
  BfLedgersPage *self = progress->page;

  /* A report that arrives after the export ended, or after the page went away, is stale. */
  if (self->cancellable != NULL && self->toast_overlay != NULL)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
      gtk_label_set_text (self->progress_label, progress->text);
    }
  return G_SOURCE_REMOVE;
}

/* In the export thread: the writer reports at most every 100 ms, each report goes to the main
 * loop as it is. */
static void
export_progress_cb (double fraction, const char *text, gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->page = g_object_ref (user_data);
  progress->fraction = fraction;
  progress->text = g_strdup (text);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, apply_progress, progress,
                              (GDestroyNotify) progress_free);
}

/* The indicators of the quarter, in a thread of their own with a read-only store of their own: on
 * a large register they take seconds, which run beside the writing of the detail sheets (the
 * summary, written last, asks for them). NULL when they cannot be had: the ledger is then written
 * without them. */
static gpointer
indicators_thread (gpointer data)
{
  ExportJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autofree char *period = bf_quarter_format (job->options.year, job->options.quarter);
  BfIndicatorReport *report = NULL;

  store = bf_store_open (job->register_path, BF_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    report = bf_store_indicators (store, period, job->options.village_id, &error);
  if (report == NULL)
    g_message ("The ledger is written without the indicators: %s", error->message);
  if (store != NULL)
    bf_store_close (store, NULL);
  return report;
}

static const BfIndicatorSet *
join_indicators (gpointer data)
{
  ExportJob *job = data;

  if (job->indicators_thread != NULL)
    job->indicators = g_thread_join (g_steal_pointer (&job->indicators_thread));
  return job->indicators != NULL ? job->indicators->scope : NULL;
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  job->indicators_thread = g_thread_new ("bf-ledger-indicators", indicators_thread, job);
  job->options.indicators = join_indicators;
  job->options.indicators_data = job;
  job->output = bf_output_new (job->path, &error);
  if (job->output != NULL && bf_ledger_write_output (&job->options, job->output, export_progress_cb,
                                                     source, cancellable, &job->result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  /* A failed or cancelled export never asked for them. */
  join_indicators (job);
}

static void
set_busy (BfLedgersPage *self, gboolean busy)
{
  gtk_stack_set_visible_child_name (self->action_stack, busy ? "running" : "idle");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.cancel", busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_done_toast (BfLedgersPage *self, const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = g_strdup_printf (_ ("Ledger exported: %s"), name);
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *folder = gtk_button_new_with_mnemonic (_ ("Show in _Folder"));

  /* A toast has one button: the folder gets its own, beside the title. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (folder, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "ledger.show-in-folder");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (folder), g_variant_new_string (path));
  gtk_box_append (GTK_BOX (box), folder);
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_button_label (toast, _ ("_Open"));
  adw_toast_set_action_name (toast, "ledger.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (path));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (job->application != NULL)
    g_application_release (job->application);
  /* The page was disposed while its export ran (the window closed): the workbook is put in
   * place, with nothing left to show or record it in. */
  if (self->toast_overlay == NULL)
    {
      if (job->output != NULL && g_task_propagate_boolean (G_TASK (result), NULL) &&
          !bf_output_commit (job->output, NULL, NULL, &error))
        g_message ("%s", error->message);
      return;
    }
  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_ ("Export cancelled: no file was written")));
      else
        show_error (self, _ ("Could Not Export the Ledger"), error->message);
      return;
    }

  /* The register may have been closed or replaced meanwhile: the record belongs to the one that
   * was exported, and a failure to record it puts the old workbook back. */
  if (self->store != NULL && g_strcmp0 (bf_store_get_path (self->store), job->register_path) == 0)
    {
      g_autoptr (BfLedgerExport) record = bf_ledger_export_new ();
      g_autofree char *quarter = bf_quarter_format (job->options.year, job->options.quarter);

      record->quarter = g_steal_pointer (&quarter);
      record->village_id = job->options.village_id;
      record->masked = job->options.mask;
      record->path = g_strdup (job->path);
      record->rows = job->result.total_rows;
      if (!bf_ledger_commit (job->output, self->store, record, &error))
        {
          show_error (self, _ ("Could Not Export the Ledger"), error->message);
          return;
        }
      fill_exports (self);
    }
  else if (!bf_output_commit (job->output, NULL, NULL, &error))
    {
      show_error (self, _ ("Could Not Export the Ledger"), error->message);
      return;
    }
  self->confirmed = FALSE;
  show_done_toast (self, job->path);
}

static void
start_export (BfLedgersPage *self)
{
  const Quarter *quarter = selected_quarter (self);
  g_autoptr (GTask) task = NULL;
  ExportJob *job;

  if (self->store == NULL || quarter == NULL || self->destination == NULL ||
      self->cancellable != NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->register_path = g_strdup (bf_store_get_path (self->store));
  job->operator_name = g_strdup (bf_store_get_operator (self->store));
  job->path = g_strdup (self->destination);
  job->options.register_path = job->register_path;
  job->options.operator_name = job->operator_name;
  job->options.year = quarter->year;
  job->options.quarter = quarter->quarter;
  job->options.village_id = selected_village (self);
  job->options.mask = gtk_switch_get_active (self->mask_switch);

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _ ("Reading the register…"));
  set_busy (self, TRUE);

  /* Bangfu keeps running until the export has ended and removed what it must, even when its
   * window closes meanwhile. */
  job->application = g_application_get_default ();
  if (job->application != NULL)
    g_application_hold (g_object_ref (job->application));
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
replace_response_cb (AdwMessageDialog *dialog, const char *response, BfLedgersPage *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    {
      self->confirmed = TRUE;
      start_export (self);
    }
}

static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->destination == NULL)
    return;
  if (self->confirmed || !g_file_test (self->destination, G_FILE_TEST_EXISTS))
    {
      start_export (self);
      return;
    }
  name = g_filename_display_basename (self->destination);
  body = g_strdup_printf (_ ("“%s” already exists. Exporting replaces it."), name);
  dialog = adw_message_dialog_new (page_window (self), _ ("Replace the Existing File?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "replace",
                                    _ ("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (widget);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_text (self->progress_label, _ ("Cancelling…"));
    }
}

/* Choosing the file */

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, BfLedgersPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      /* The chooser asked before replacing a file of the exact name it returned. */
      gboolean confirmed = g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX");

      if (!confirmed)
        {
          char *with_suffix = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = with_suffix;
        }
      self->custom_name = TRUE;
      set_destination (self, path);
      self->confirmed = confirmed;
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (widget);
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    return;
  self->chooser =
    gtk_file_chooser_native_new (_ ("Save the Ledger"), page_window (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _ ("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  if (self->destination != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (self->destination);
      g_autoptr (GFile) dir = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      if (dir != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), dir, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Opening the result */

static void
open_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (page_window (BF_LEDGERS_PAGE (widget)), uri, GDK_CURRENT_TIME);
}

typedef struct
{
  BfLedgersPage *page;
  char *folder_uri;
} ShowFolder;

static void
show_items_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ShowFolder *show = user_data;
  g_autoptr (GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  /* Without a file manager that selects files, open the folder itself. */
  if (reply == NULL)
    gtk_show_uri (page_window (show->page), show->folder_uri, GDK_CURRENT_TIME);
  g_object_unref (show->page);
  g_free (show->folder_uri);
  g_free (show);
}

static void
show_in_folder_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (widget);
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };
  ShowFolder *show;

  if (folder == NULL)
    return;
  show = g_new0 (ShowFolder, 1);
  show->page = g_object_ref (self);
  show->folder_uri = g_file_get_uri (folder);
  if (bus == NULL)
    {
      gtk_show_uri (page_window (self), show->folder_uri, GDK_CURRENT_TIME);
      g_object_unref (show->page);
      g_free (show->folder_uri);
      g_free (show);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, show_items_cb, show);
}

/* GObject */

BfStore *
bf_ledgers_page_get_store (BfLedgersPage *self)
{
  g_return_val_if_fail (BF_IS_LEDGERS_PAGE (self), NULL);
  return self->store;
}

void
bf_ledgers_page_set_store (BfLedgersPage *self, BfStore *store)
{
  g_return_if_fail (BF_IS_LEDGERS_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  self->custom_name = FALSE;
  set_destination (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export",
                                 store != NULL && self->cancellable == NULL);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
bf_ledgers_page_get_destination (BfLedgersPage *self)
{
  g_return_val_if_fail (BF_IS_LEDGERS_PAGE (self), NULL);
  return self->destination;
}

void
bf_ledgers_page_set_destination (BfLedgersPage *self, const char *path)
{
  g_return_if_fail (BF_IS_LEDGERS_PAGE (self));

  self->custom_name = path != NULL;
  set_destination (self, path);
  if (path == NULL)
    update_default_destination (self);
}

gboolean
bf_ledgers_page_get_busy (BfLedgersPage *self)
{
  g_return_val_if_fail (BF_IS_LEDGERS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

static void
bf_ledgers_page_unroot (GtkWidget *widget)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (widget);

  /* The page left its window (which closed, with its register): the export stops. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (bf_ledgers_page_parent_class)->unroot (widget);
}

static void
bf_ledgers_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bf_ledgers_page_parent_class)->map (widget);
  /* Villages and exports may have changed while the page was hidden. */
  refresh (BF_LEDGERS_PAGE (widget));
}

static void
bf_ledgers_page_dispose (GObject *object)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  self->toast_overlay = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_LEDGERS_PAGE);
  G_OBJECT_CLASS (bf_ledgers_page_parent_class)->dispose (object);
}

static void
bf_ledgers_page_finalize (GObject *object)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->destination);
  g_array_unref (self->quarters);
  g_array_unref (self->village_ids);
  G_OBJECT_CLASS (bf_ledgers_page_parent_class)->finalize (object);
}

static void
bf_ledgers_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      case PROP_DESTINATION:
        g_value_set_string (value, self->destination);
        break;
      case PROP_BUSY:
        g_value_set_boolean (value, self->cancellable != NULL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_ledgers_page_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  BfLedgersPage *self = BF_LEDGERS_PAGE (object);

  switch (prop_id)
    {
      case PROP_STORE:
        bf_ledgers_page_set_store (self, g_value_get_object (value));
        break;
      case PROP_DESTINATION:
        bf_ledgers_page_set_destination (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_ledgers_page_class_init (BfLedgersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_ledgers_page_dispose;
  object_class->finalize = bf_ledgers_page_finalize;
  object_class->get_property = bf_ledgers_page_get_property;
  object_class->set_property = bf_ledgers_page_set_property;
  widget_class->unroot = bf_ledgers_page_unroot;
  widget_class->map = bf_ledgers_page_map;

  properties[PROP_STORE] = bf_gui_param_spec_store ();
  properties[PROP_DESTINATION] =
    g_param_spec_string ("destination", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean (
    "busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/ledgers/bf-ledgers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, export_group);
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, scope_row);
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, file_row);
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, action_stack);
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BfLedgersPage, exports_list);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);

  gtk_widget_class_install_action (widget_class, "ledger.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "ledger.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "ledger.choose-file", NULL, choose_file_activated);
  gtk_widget_class_install_action (widget_class, "ledger.open", "s", open_activated);
  gtk_widget_class_install_action (widget_class, "ledger.show-in-folder", "s",
                                   show_in_folder_activated);
}

static void
bf_ledgers_page_init (BfLedgersPage *self)
{
  GtkWidget *placeholder;

  self->quarters = g_array_new (FALSE, FALSE, sizeof (Quarter));
  self->village_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a bound template child, which dispose_template would unparent behind
   * AdwBin's back. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  bf_describe_by_row (GTK_WIDGET (self->mask_switch));
  placeholder = gtk_label_new (_ ("No ledger exported yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->exports_list, placeholder);

  fill_quarters (self);
  fill_villages (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.cancel", FALSE);
}

GtkWidget *
bf_ledgers_page_new (void)
{
  return g_object_new (BF_TYPE_LEDGERS_PAGE, NULL);
}
