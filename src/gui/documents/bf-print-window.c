/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bf-dates.h"
#include "bf-gui-read.h"
#include "bf-gui-util.h"
#include "bf-print-window.h"
#include "bf-store-documents.h"
#include "bf-store-regions.h"

/* How long one paginate call may lay out documents: the print operation calls it from an idle
 * until it is done, and the main loop must never wait more than 100 ms (HACKING.md). A card
 * takes about a millisecond, a registration form a few. */
#define PAGINATE_SLICE_US (30 * G_TIME_SPAN_MILLISECOND)
/* The reading thread reports at most this often. */
#define PROGRESS_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

typedef enum
{
  STEP_IDLE,
  STEP_READING,  /* in the thread */
  STEP_DIALOG,   /* the print dialog is up */
  STEP_PRINTING, /* laying out and drawing, on the main loop */
} Step;

struct _BfPrintWindow
{
  AdwWindow parent_instance;

  BfStore *store;
  GArray *household_ids; /* gint64: the selection, or the one household */
  gboolean offer_selection;
  GArray *village_ids; /* gint64, the villages of households_row after the selection */
  char *export_path;   /* this run writes a PDF here instead of showing the dialog */

  Step step;
  gboolean close_when_done;
  gboolean cancelled;
  GCancellable *cancellable; /* while reading */
  BfDocumentOptions options; /* of the run under way */
  GtkPrintOperation *operation;
  BfDocumentJob *job;
  guint n_documents;
  guint n_sheets;
  char *status;

  AdwPreferencesGroup *choices_group;
  AdwComboRow *document_row;
  AdwComboRow *paper_row;
  AdwActionRow *year_row;
  GtkSpinButton *year_spin;
  AdwPreferencesGroup *households_group;
  AdwComboRow *households_row;
  AdwActionRow *household_row;
  GtkLabel *status_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (BfPrintWindow, bf_print_window, ADW_TYPE_WINDOW)

/* The printer and its options of the last print, offered again (for this run of Bangfu). */
static GtkPrintSettings *last_settings;

static BfDocumentKind
chosen_kind (BfPrintWindow *self)
{
  return adw_combo_row_get_selected (self->document_row) == 1 ? BF_DOCUMENT_FORM : BF_DOCUMENT_CARD;
}

/* The village chosen in households_row; 0: the selection (or the one household). */
static gint64
chosen_village (BfPrintWindow *self)
{
  guint i = adw_combo_row_get_selected (self->households_row);

  if (self->village_ids->len == 0 || i == GTK_INVALID_LIST_POSITION)
    return 0;
  if (self->offer_selection)
    {
      if (i == 0)
        return 0;
      i--;
    }
  return i < self->village_ids->len ? g_array_index (self->village_ids, gint64, i) : 0;
}

static const char *
chosen_village_name (BfPrintWindow *self)
{
  GListModel *model = adw_combo_row_get_model (self->households_row);
  guint i = adw_combo_row_get_selected (self->households_row);

  if (model == NULL || chosen_village (self) == 0)
    return "";
  return gtk_string_list_get_string (GTK_STRING_LIST (model), i);
}

static void
set_status (BfPrintWindow *self, const char *text, gboolean problem)
{
  g_free (self->status);
  self->status = g_strdup (text);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text != '\0');
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_progress (BfPrintWindow *self, const char *text, double fraction)
{
  set_status (self, text, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
update_choices (BfPrintWindow *self)
{
  gboolean card = chosen_kind (self) == BF_DOCUMENT_CARD;
  gboolean idle = self->step == STEP_IDLE;
  const char *households;

  /* The form is an A4 document for the file; only the card comes in other sizes. */
  if (!card && adw_combo_row_get_selected (self->paper_row) != BF_PAPER_A4)
    adw_combo_row_set_selected (self->paper_row, BF_PAPER_A4);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), card);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->paper_row),
                               card ? "" : _ ("The registration form prints on A4 only"));
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), card);

  if (chosen_village (self) != 0)
    households = card ? _ ("The village’s households under assistance, by group and number")
                      : _ ("Every household of the village, by group and number");
  else
    households = _ ("In the order of the list");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->households_row), households);

  gtk_widget_set_sensitive (GTK_WIDGET (self->choices_group), idle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->households_group), idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "print.start",
                                 idle && self->store != NULL &&
                                   (self->household_ids->len > 0 || chosen_village (self) != 0));
}

static void
choice_changed_cb (BfPrintWindow *self)
{
  update_choices (self);
}

/* ---------------------------------------------------------------------------------------------
 * The end of a run
 */

static void
finish (BfPrintWindow *self, const char *text, gboolean problem)
{
  self->step = STEP_IDLE;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->operation);
  g_clear_pointer (&self->job, bf_document_job_free);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  set_status (self, text, problem);
  update_choices (self);
  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
finish_cancelled (BfPrintWindow *self)
{
  finish (self, _ ("Cancelled: nothing was printed."), FALSE);
}

static void
printed (BfPrintWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *text = NULL;

  if (self->export_path != NULL)
    /* TRANSLATORS: %u documents were written to the PDF file %s */
    text = g_strdup_printf (
      ngettext ("Saved %u document to “%s”", "Saved %u documents to “%s”", self->n_documents),
      self->n_documents, self->export_path);
  else
    text = g_strdup_printf (ngettext ("Sent %u document to the printer",
                                      "Sent %u documents to the printer", self->n_documents),
                            self->n_documents);
  if (parent != NULL)
    bf_gui_toast (GTK_WIDGET (parent), text);
  self->close_when_done = TRUE;
  finish (self, text, FALSE);
}

/* ---------------------------------------------------------------------------------------------
 * Laying out and drawing, for the print operation
 */

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, BfPrintWindow *self)
{
  self->step = STEP_PRINTING;
  bf_document_job_begin (self->job, gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
  set_progress (self, _ ("Laying out the pages…"), 0);
}

static gboolean
paginate_cb (GtkPrintOperation *operation, GtkPrintContext *context, BfPrintWindow *self)
{
  gint64 end = g_get_monotonic_time () + PAGINATE_SLICE_US;
  gboolean done;

  do
    done = bf_document_job_paginate (self->job, 1);
  while (!done && g_get_monotonic_time () < end);
  if (!done)
    {
      g_autofree char *text = g_strdup_printf (_ ("Laying out the pages: %.0f %%"),
                                               100 * bf_document_job_get_fraction (self->job));

      set_progress (self, text, bf_document_job_get_fraction (self->job));
      return FALSE;
    }
  self->n_sheets = bf_document_job_get_n_sheets (self->job);
  gtk_print_operation_set_n_pages (operation, (int) MAX (self->n_sheets, 1));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext *context,
              int page_nr,
              BfPrintWindow *self)
{
  g_autofree char *text = NULL;

  if ((guint) page_nr < self->n_sheets)
    bf_document_job_draw_sheet (self->job, gtk_print_context_get_cairo_context (context),
                                (guint) page_nr);
  /* TRANSLATORS: progress of printing: sheet %u of %u */
  text = g_strdup_printf (_ ("Printing sheet %u of %u…"), (guint) page_nr + 1, self->n_sheets);
  set_progress (self, text, (double) (page_nr + 1) / MAX (self->n_sheets, 1));
}

static void
done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, BfPrintWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (operation != self->operation)
    return;
  switch (result)
    {
      case GTK_PRINT_OPERATION_RESULT_APPLY:
        if (self->export_path == NULL)
          g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
        printed (self);
        break;
      case GTK_PRINT_OPERATION_RESULT_ERROR:
        gtk_print_operation_get_error (operation, &error);
        if (self->export_path != NULL)
          g_unlink (self->export_path);
        finish (self, error != NULL ? error->message : _ ("The documents could not be printed."),
                TRUE);
        break;
      case GTK_PRINT_OPERATION_RESULT_CANCEL:
      case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
      default:
        /* A half-written export is no document. */
        if (self->export_path != NULL)
          g_unlink (self->export_path);
        if (self->cancelled)
          finish_cancelled (self);
        else
          finish (self, _ ("Not printed."), FALSE);
        break;
    }
}

/* The sheet of @paper as the print dialog should start with: its size, orientation and margins. */
static GtkPageSetup *
page_setup_for (BfPaper paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) size =
    gtk_paper_size_new (paper == BF_PAPER_A5 ? GTK_PAPER_NAME_A5 : GTK_PAPER_NAME_A4);
  BfPaperSpec spec;

  bf_paper_get_spec (paper, &spec);
  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, spec.sheet_width > spec.sheet_height
                                           ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                           : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, spec.margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, spec.margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, spec.margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, spec.margin, GTK_UNIT_POINTS);
  return setup;
}

static char *
job_name (BfPrintWindow *self)
{
  const char *title = self->options.kind == BF_DOCUMENT_CARD ? "帮扶明白卡" : "贫困户登记表";
  const char *village = chosen_village_name (self);

  return *village != '\0' ? g_strdup_printf ("%s %s", village, title) : g_strdup (title);
}

static void
start_print (BfPrintWindow *self, GPtrArray *documents)
{
  g_autoptr (GtkPageSetup) setup = page_setup_for (self->options.paper);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = job_name (self);
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  GtkPrintOperation *operation;

  self->job = bf_document_job_new (&self->options, documents);
  self->n_documents = documents->len;
  self->n_sheets = 0;
  self->operation = operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  /* Pages are laid out and drawn from idles, so the window keeps answering, and "done" ends it. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), self);
  if (self->export_path != NULL)
    {
      /* GTK's export runs its idles in a main loop of its own until the PDF is written: the
       * window still answers (Cancel), but gtk_print_operation_run() returns only then. */
      gtk_print_operation_set_export_filename (operation, self->export_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
      self->step = STEP_PRINTING;
    }
  else
    {
      self->step = STEP_DIALOG;
      set_progress (self, _ ("Choose the printer, or Preview, in the print dialog."), 1);
    }
  g_object_ref (operation);
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error) ==
        GTK_PRINT_OPERATION_RESULT_ERROR &&
      self->operation == operation)
    finish (self, error->message, TRUE);
  g_object_unref (operation);
}

/* ---------------------------------------------------------------------------------------------
 * Reading the documents, in a thread
 */

typedef struct
{
  BfDocumentOptions options;
  GArray *ids; /* NULL: the village's */
  gint64 village_id;
  char *village_name;
  BfPrintWindow *window; /* kept alive by the task while the read runs */
  gint64 last_report;
} Load;

static void
load_free (Load *load)
{
  g_clear_pointer (&load->ids, g_array_unref);
  g_free (load->village_name);
  g_free (load);
}

typedef struct
{
  BfPrintWindow *window;
  guint done;
  guint total;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->window);
  g_free (progress);
}

static gboolean
apply_progress (gpointer data)
{
  Progress *progress = data;
  BfPrintWindow *self = progress->window;
  g_autofree char *text = NULL;

  /* A report that arrives after the reading ended is stale. */
  if (self->step != STEP_READING || self->cancellable == NULL)
    return G_SOURCE_REMOVE;
  /* TRANSLATORS: progress of reading the households' documents: %u of %u households */
  text = g_strdup_printf (_ ("Reading the households: %u of %u…"), progress->done, progress->total);
  set_progress (self, text, (double) progress->done / MAX (progress->total, 1));
  return G_SOURCE_REMOVE;
}

/* In the thread. */
static void
report (Load *load, guint done, guint total)
{
  Progress *progress;
  gint64 now = g_get_monotonic_time ();

  if (done < total && now - load->last_report < PROGRESS_INTERVAL_US)
    return;
  load->last_report = now;
  progress = g_new0 (Progress, 1);
  progress->window = g_object_ref (load->window);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, apply_progress, progress,
                              (GDestroyNotify) progress_free);
}

static void
load_progress (guint done, guint total, gpointer data)
{
  report (data, done, total);
}

/* In the thread, on a reader connection of its own. */
static gpointer
load_documents (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Load *load = data;
  g_autoptr (GArray) village = NULL;
  GArray *ids = load->ids;

  if (ids == NULL)
    {
      village = bf_store_village_household_ids (reader, load->village_id,
                                                load->options.kind == BF_DOCUMENT_CARD, error);
      if (village == NULL)
        return NULL;
      ids = village;
    }
  if (ids->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   load->options.kind == BF_DOCUMENT_CARD
                     ? _ ("Village “%s” has no households under assistance: there are no cards "
                          "to print.")
                     : _ ("Village “%s” has no households."),
                   load->village_name);
      return NULL;
    }
  report (load, 0, ids->len);
  return bf_documents_load (reader, &load->options, (const gint64 *) (gpointer) ids->data, ids->len,
                            load_progress, load, cancellable, error);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfPrintWindow *self = BF_PRINT_WINDOW (source);
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;

  documents = bf_gui_read_finish (result, &error);
  if (self->step != STEP_READING)
    return;
  g_clear_object (&self->cancellable);
  if (documents == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        finish_cancelled (self);
      else
        finish (self, error->message, TRUE);
      return;
    }
  if (self->close_when_done)
    {
      finish_cancelled (self);
      return;
    }
  start_print (self, documents);
}

static void
start (BfPrintWindow *self)
{
  Load *load;
  gint64 village_id = chosen_village (self);

  if (self->step != STEP_IDLE || self->store == NULL)
    return;
  self->options.kind = chosen_kind (self);
  self->options.paper = (BfPaper) adw_combo_row_get_selected (self->paper_row);
  self->options.year =
    self->options.kind == BF_DOCUMENT_CARD ? gtk_spin_button_get_value_as_int (self->year_spin) : 0;
  if (village_id == 0 && self->household_ids->len == 0)
    return;

  load = g_new0 (Load, 1);
  load->options = self->options;
  load->village_id = village_id;
  load->village_name = g_strdup (chosen_village_name (self));
  load->window = self;
  if (village_id == 0)
    load->ids = g_array_ref (self->household_ids);

  self->step = STEP_READING;
  self->cancelled = FALSE;
  set_progress (self, _ ("Reading the households…"), 0);
  update_choices (self);
  bf_gui_read_async (self, self->store, &self->cancellable, load_documents, load,
                     (GDestroyNotify) load_free, (GDestroyNotify) g_ptr_array_unref, loaded_cb,
                     NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Actions
 */

static void
start_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfPrintWindow *self = BF_PRINT_WINDOW (widget);

  g_clear_pointer (&self->export_path, g_free);
  start (self);
}

/* Stops the run under way; FALSE when there was none. */
static gboolean
cancel_run (BfPrintWindow *self)
{
  switch (self->step)
    {
      case STEP_READING:
        self->cancelled = TRUE;
        g_cancellable_cancel (self->cancellable);
        set_status (self, _ ("Cancelling…"), FALSE);
        return TRUE;
      case STEP_DIALOG:
      case STEP_PRINTING:
        self->cancelled = TRUE;
        gtk_print_operation_cancel (self->operation);
        set_status (self, _ ("Cancelling…"), FALSE);
        return TRUE;
      case STEP_IDLE:
      default:
        return FALSE;
    }
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfPrintWindow *self = BF_PRINT_WINDOW (widget);

  if (!cancel_run (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
bf_print_window_close_request (GtkWindow *window)
{
  BfPrintWindow *self = BF_PRINT_WINDOW (window);

  /* A run under way is stopped first; the window goes when it has ended. */
  if (cancel_run (self))
    {
      self->close_when_done = TRUE;
      return TRUE;
    }
  return GTK_WINDOW_CLASS (bf_print_window_parent_class)->close_request (window);
}

/* ---------------------------------------------------------------------------------------------
 * GObject
 */

static void
bf_print_window_dispose (GObject *object)
{
  BfPrintWindow *self = BF_PRINT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->operation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->operation, self);
      gtk_print_operation_cancel (self->operation);
    }
  g_clear_object (&self->operation);
  g_clear_pointer (&self->job, bf_document_job_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_PRINT_WINDOW);
  G_OBJECT_CLASS (bf_print_window_parent_class)->dispose (object);
}

static void
bf_print_window_finalize (GObject *object)
{
  BfPrintWindow *self = BF_PRINT_WINDOW (object);

  g_array_unref (self->household_ids);
  g_array_unref (self->village_ids);
  g_free (self->export_path);
  g_free (self->status);
  G_OBJECT_CLASS (bf_print_window_parent_class)->finalize (object);
}

static void
bf_print_window_class_init (BfPrintWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bf_print_window_dispose;
  object_class->finalize = bf_print_window_finalize;
  window_class->close_request = bf_print_window_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/documents/bf-print-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, choices_group);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, document_row);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, year_row);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, households_group);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, households_row);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, household_row);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, BfPrintWindow, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);

  gtk_widget_class_install_action (widget_class, "print.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "print.cancel", NULL, cancel_activated);
}

static void
bf_print_window_init (BfPrintWindow *self)
{
  GDate today;

  self->household_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->village_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  bf_date_today (&today);
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
  bf_describe_by_row (GTK_WIDGET (self->year_spin));
  set_status (self, NULL, FALSE);
}

/* The choices of households_row: the selection first (when there is one), then the villages. */
static void
fill_households (BfPrintWindow *self, gboolean offer_villages, gint64 village_id)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GError) error = NULL;
  guint select = 0;

  self->offer_selection = self->household_ids->len > 0;
  if (self->offer_selection)
    {
      g_autofree char *label = g_strdup_printf (
        ngettext ("%u selected household", "%u selected households", self->household_ids->len),
        self->household_ids->len);

      gtk_string_list_append (labels, label);
    }
  if (offer_villages)
    {
      villages = bf_store_list_villages (self->store, &error);
      if (villages == NULL)
        set_status (self, error->message, TRUE);
      for (guint i = 0; villages != NULL && i < villages->len; i++)
        {
          BfVillage *village = g_ptr_array_index (villages, i);

          gtk_string_list_append (labels, village->name);
          g_array_append_val (self->village_ids, village->id);
          /* With nothing selected, the village the list shows (or the first) is the choice. */
          if (village->id == village_id && !self->offer_selection)
            select = i;
        }
    }
  adw_combo_row_set_model (self->households_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->households_row, select);
}

static BfPrintWindow *
print_window_new (GtkWidget *parent, BfStore *store)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  BfPrintWindow *self = g_object_new (BF_TYPE_PRINT_WINDOW, NULL);

  self->store = g_object_ref (store);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      /* Printing goes on, and Bangfu with it, if the register's window closes meanwhile: the
       * documents read hold no connection to it. */
      gtk_window_set_application (GTK_WINDOW (self),
                                  gtk_window_get_application (GTK_WINDOW (root)));
    }
  return self;
}

BfPrintWindow *
bf_print_window_present (GtkWidget *parent,
                         BfStore *store,
                         const gint64 *household_ids,
                         guint n_households,
                         gboolean offer_villages,
                         gint64 village_id)
{
  BfPrintWindow *self;

  g_return_val_if_fail (GTK_IS_WIDGET (parent) && BF_IS_STORE (store), NULL);

  self = print_window_new (parent, store);
  g_array_append_vals (self->household_ids, household_ids, n_households);
  fill_households (self, offer_villages, village_id);
  update_choices (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

BfPrintWindow *
bf_print_window_present_household (GtkWidget *parent,
                                   BfStore *store,
                                   gint64 household_id,
                                   const char *label)
{
  BfPrintWindow *self;

  g_return_val_if_fail (GTK_IS_WIDGET (parent) && BF_IS_STORE (store), NULL);

  self = print_window_new (parent, store);
  g_array_append_val (self->household_ids, household_id);
  fill_households (self, FALSE, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->households_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->household_row), TRUE);
  adw_action_row_set_subtitle (self->household_row, label);
  update_choices (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
bf_print_window_choose (BfPrintWindow *self, BfDocumentKind kind, BfPaper paper, gint64 village_id)
{
  g_return_if_fail (BF_IS_PRINT_WINDOW (self));

  adw_combo_row_set_selected (self->document_row, kind == BF_DOCUMENT_FORM ? 1 : 0);
  adw_combo_row_set_selected (self->paper_row, (guint) paper);
  if (village_id == 0)
    adw_combo_row_set_selected (self->households_row, 0);
  for (guint i = 0; i < self->village_ids->len; i++)
    if (g_array_index (self->village_ids, gint64, i) == village_id)
      adw_combo_row_set_selected (self->households_row, i + (self->offer_selection ? 1 : 0));
}

void
bf_print_window_export (BfPrintWindow *self, const char *path)
{
  g_return_if_fail (BF_IS_PRINT_WINDOW (self) && path != NULL);

  if (self->step != STEP_IDLE)
    return;
  g_free (self->export_path);
  self->export_path = g_strdup (path);
  start (self);
}

gboolean
bf_print_window_get_busy (BfPrintWindow *self)
{
  g_return_val_if_fail (BF_IS_PRINT_WINDOW (self), FALSE);
  return self->step != STEP_IDLE;
}

const char *
bf_print_window_get_status (BfPrintWindow *self)
{
  g_return_val_if_fail (BF_IS_PRINT_WINDOW (self), NULL);
  return self->status;
}
