/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "bf-cli-ledger.h"
#include "bf-cli.h"
#include "bf-dates.h"
#include "bf-ledger.h"

typedef struct
{
  BfLedgerOptions options;
  BfOutput *output;
  BfLedgerResult result;
  GMainLoop *loop;
  GError *error;
  gboolean ok;
  gboolean tty;
  int last_percent;
  /* The indicators, computed on the main thread while the export thread writes the rows. */
  GMutex lock;
  GCond computed;
  gboolean ready;
  BfIndicatorReport *indicators;
} Export;

/* In the export thread, before the summary. */
static const BfIndicatorSet *
wait_for_indicators (gpointer data)
{
  Export *export = data;

  g_mutex_lock (&export->lock);
  while (!export->ready)
    g_cond_wait (&export->computed, &export->lock);
  g_mutex_unlock (&export->lock);
  return export->indicators != NULL ? export->indicators->scope : NULL;
}

static void
compute_indicators (Export *export, BfStore *store, const char *period)
{
  g_autoptr (GError) error = NULL;
  BfIndicatorReport *indicators =
    bf_store_indicators (store, period, export->options.village_id, &error);

  if (indicators == NULL)
    /* TRANSLATORS: the reason follows */
    bf_cli_message (_ ("The indicators are left out of the summary: %s"), error->message);
  g_mutex_lock (&export->lock);
  export->indicators = indicators;
  export->ready = TRUE;
  g_cond_broadcast (&export->computed);
  g_mutex_unlock (&export->lock);
}

/* Called in the export thread; stderr is line-buffered by stdio, a line at a time is safe. */
static void
progress_cb (double fraction, const char *text, gpointer user_data)
{
  Export *export = user_data;
  int percent = (int) (fraction * 100);

  if (export->tty)
    fprintf (stderr, "\r\033[K%3d%%  %s", percent, text);
  else if (percent / 10 != export->last_percent / 10 || percent == 100)
    fprintf (stderr, "%3d%%  %s\n", percent, text);
  else
    return;
  export->last_percent = percent;
  fflush (stderr);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Export *export = task_data;

  export->ok = bf_ledger_write_output (&export->options, export->output, progress_cb, export,
                                       cancellable, &export->result, &export->error);
  g_task_return_boolean (task, export->ok);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_main_loop_quit (user_data);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

int
bf_cli_export_ledger (int argc, char **argv)
{
  g_autofree char *quarter_text = NULL;
  g_autofree char *village_name = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *operator_option = NULL;
  g_autofree char *operator_setting = NULL;
  g_autofree char *tmpdir = NULL;
  gboolean mask = FALSE;
  int max_rows = 0;
  const GOptionEntry entries[] = {
    { "quarter", 'q', 0, G_OPTION_ARG_STRING, &quarter_text,
      N_ ("The quarter, e.g. 2026Q3 (default: the last complete one)"), N_ ("QUARTER") },
    { "village", 0, 0, G_OPTION_ARG_STRING, &village_name,
      N_ ("Only this village (default: the whole township)"), N_ ("VILLAGE") },
    { "mask", 0, 0, G_OPTION_ARG_NONE, &mask, N_ ("Mask ID numbers and phone numbers"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_ ("The workbook to write"),
      N_ ("FILE.xlsx") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_option,
      N_ ("The name written as the ledger’s author (default: the register’s last operator)"),
      N_ ("NAME") },
    { "tmpdir", 0, 0, G_OPTION_ARG_FILENAME, &tmpdir,
      N_ ("Folder for scratch files (default: the workbook’s folder)"), N_ ("DIR") },
    /* For tests: a small sheet size shows the continuation sheets. */
    { "max-sheet-rows", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &max_rows, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GTask) task = NULL;
  g_autoptr (BfLedgerExport) record = NULL;
  g_autoptr (BfOutput) output = NULL;
  g_autofree char *period = NULL;
  g_autofree char *absolute = NULL;
  Export export = { 0 };
  const char *operator_name;
  BfStore *store;
  guint sigint_id, sigterm_id;
  int year, quarter, status = BF_CLI_OK;

  if (!bf_cli_parse (NULL, _ ("Export the quarterly ledger as an Excel workbook"), entries, &argc,
                     &argv))
    return BF_CLI_USAGE;
  if (argc != 1)
    return bf_cli_unexpected (argv[1]);
  if (output_path == NULL)
    return bf_cli_usage_error (_ ("give the workbook to write with -o FILE.xlsx"));
  if (quarter_text != NULL)
    {
      if (!bf_quarter_parse (quarter_text, &year, &quarter, &error))
        return bf_cli_usage_error ("%s", error->message);
    }
  else
    {
      GDate today;

      bf_date_today (&today);
      bf_quarter_last_complete (&today, &year, &quarter);
    }

  store = bf_cli_open (BF_STORE_OPEN_DEFAULT, &status);
  if (store == NULL)
    return status;

  export.options.register_path = bf_store_get_path (store);
  export.options.year = year;
  export.options.quarter = quarter;
  export.options.mask = mask;
  export.options.tmpdir = tmpdir;
  export.options.max_sheet_rows = (guint) MAX (max_rows, 0);
  if (village_name != NULL &&
      !bf_cli_find_village (store, village_name, &export.options.village_id, &status))
    return bf_cli_close (store, status);
  period = bf_quarter_format (year, quarter);
  g_mutex_init (&export.lock);
  g_cond_init (&export.computed);
  export.options.indicators = wait_for_indicators;
  export.options.indicators_data = &export;
  operator_setting = bf_store_setting_get (store, BF_SETTING_OPERATOR);
  operator_name = operator_option != NULL                                 ? operator_option
                  : operator_setting != NULL && *operator_setting != '\0' ? operator_setting
                                                                          : g_get_real_name ();
  export.options.operator_name = operator_name;
  bf_store_set_operator (store, operator_name);
  if ((export.output = output = bf_output_new (output_path, &error)) == NULL)
    {
      g_mutex_clear (&export.lock);
      g_cond_clear (&export.computed);
      return bf_cli_close (store, bf_cli_fail (error));
    }
  export.tty = isatty (STDERR_FILENO);
  export.last_percent = -100;

  /* The export runs in a thread so that Ctrl+C cancels it cleanly: no file is left behind. */
  export.loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, interrupt_cb, cancellable);
  sigterm_id = g_unix_signal_add (SIGTERM, interrupt_cb, cancellable);
  task = g_task_new (NULL, cancellable, export_done_cb, export.loop);
  g_task_set_task_data (task, &export, NULL);
  g_task_run_in_thread (task, export_thread);
  compute_indicators (&export, store, period);
  g_main_loop_run (export.loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  g_main_loop_unref (export.loop);
  if (export.tty)
    fputc ('\n', stderr);
  g_clear_pointer (&export.indicators, bf_indicator_report_free);
  g_mutex_clear (&export.lock);
  g_cond_clear (&export.computed);

  if (!export.ok)
    {
      status = bf_cli_fail (export.error);
      g_clear_error (&export.error);
      return bf_cli_close (store, status);
    }

  absolute = g_canonicalize_filename (output_path, NULL);
  record = bf_ledger_export_new ();
  record->quarter = g_steal_pointer (&period);
  record->village_id = export.options.village_id;
  record->masked = mask;
  record->path = g_strdup (absolute);
  record->rows = export.result.total_rows;
  if (!bf_ledger_commit (output, store, record, &error))
    return bf_cli_close (store, bf_cli_fail (error));

  g_print (_ ("Wrote %s: %lu households, %lu people, %lu measures, %lu visits, %lu adjustments, "
              "%lu notice lines on %u sheets\n"),
           absolute, (unsigned long) export.result.rows[BF_LEDGER_HOUSEHOLDS],
           (unsigned long) export.result.rows[BF_LEDGER_PERSONS],
           (unsigned long) export.result.rows[BF_LEDGER_MEASURES],
           (unsigned long) export.result.rows[BF_LEDGER_VISITS],
           (unsigned long) export.result.rows[BF_LEDGER_ADJUSTMENTS],
           (unsigned long) export.result.rows[BF_LEDGER_NOTICES], export.result.n_sheets);
  return bf_cli_close (store, BF_CLI_OK);
}
