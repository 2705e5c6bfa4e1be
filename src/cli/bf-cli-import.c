/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli import FILE, import undo IMPORT, import list. */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "bf-cli-import.h"
#include "bf-cli.h"
#include "bf-import-run.h"
#include "bf-store-import.h"

/* Lines of duplicates and refusals printed before "…and N more" (the report has them all). */
#define MAX_LINES 20

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "done") == 0)
    return _ ("done");
  if (g_strcmp0 (state, "cancelled") == 0)
    return _ ("cancelled");
  if (g_strcmp0 (state, "undone") == 0)
    return _ ("undone");
  return state;
}

static void
json_string (JsonObject *o, const char *key, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, key, value);
  else
    json_object_set_null_member (o, key);
}

static JsonNode *
record_to_json (const BfStoreImport *record)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (o, "id", record->id);
  json_string (o, "uuid", record->uuid);
  json_string (o, "file", record->file_name);
  json_string (o, "sha256", record->sha256);
  json_string (o, "sheet", record->sheet);
  json_string (o, "state", record->state);
  json_string (o, "on_duplicate", record->on_duplicate);
  json_string (o, "operator", record->operator_name);
  json_string (o, "started_at", record->started_at);
  json_string (o, "finished_at", record->finished_at);
  json_string (o, "undone_at", record->undone_at);
  json_object_set_int_member (o, "rows", record->rows);
  json_object_set_int_member (o, "households_created", record->households_created);
  json_object_set_int_member (o, "households_updated", record->households_updated);
  json_object_set_int_member (o, "people_created", record->people_created);
  json_object_set_int_member (o, "people_updated", record->people_updated);
  json_object_set_int_member (o, "rows_refused", record->rows_refused);
  json_node_take_object (node, o);
  return node;
}

static JsonNode *
result_to_json (const char *path, gboolean dry_run, const BfImportResult *result)
{
  JsonObject *o = json_object_new ();
  JsonObject *reasons = json_object_new ();
  JsonArray *duplicates = json_array_new ();
  JsonArray *regions = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_string (o, "file", path);
  json_string (o, "sha256", result->sha256);
  json_object_set_boolean_member (o, "dry_run", dry_run);
  if (result->already != NULL)
    json_object_set_member (o, "already_imported", record_to_json (result->already));
  else
    json_object_set_null_member (o, "already_imported");
  if (result->record != NULL)
    json_object_set_member (o, "import", record_to_json (result->record));
  else
    json_object_set_null_member (o, "import");
  json_string (o, "sheet", result->read.sheet);
  json_object_set_int_member (o, "header_row", (gint64) result->read.header_row);
  json_object_set_boolean_member (o, "national", result->read.national);
  json_object_set_int_member (o, "rows", (gint64) result->read.rows);
  json_object_set_int_member (o, "empty_rows", (gint64) result->read.empty_rows);
  json_object_set_boolean_member (o, "stopped", result->stopped);
  json_object_set_int_member (o, "households_created", (gint64) result->households_created);
  json_object_set_int_member (o, "households_updated", (gint64) result->households_updated);
  json_object_set_int_member (o, "households_unchanged", (gint64) result->households_unchanged);
  json_object_set_int_member (o, "households_skipped", (gint64) result->households_skipped);
  json_object_set_int_member (o, "people_created", (gint64) result->people_created);
  json_object_set_int_member (o, "people_updated", (gint64) result->people_updated);
  json_object_set_int_member (o, "refused_households", (gint64) result->refused_households);
  json_object_set_int_member (o, "refused_rows", (gint64) result->refused_rows);
  for (guint i = 0; i < BF_IMPORT_N_REASONS; i++)
    if (result->rows_by_reason[i] > 0)
      json_object_set_int_member (reasons, bf_import_reason_key (i),
                                  (gint64) result->rows_by_reason[i]);
  json_object_set_object_member (o, "rows_by_reason", reasons);
  for (guint i = 0; result->duplicates != NULL && i < result->duplicates->len; i++)
    {
      const BfImportDuplicate *d = g_ptr_array_index (result->duplicates, i);
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "row", (gint64) d->row);
      json_object_set_int_member (item, "household_row", (gint64) d->household_row);
      if (d->other_row > 0)
        json_object_set_int_member (item, "other_row", (gint64) d->other_row);
      else
        json_object_set_null_member (item, "other_row");
      json_string (item, "name", d->name);
      json_string (item, "id_number", d->id_number);
      json_string (item, "household_number", d->household_number);
      json_string (item, "head_name", d->head_name);
      json_string (item, "message", d->message);
      json_array_add_object_element (duplicates, item);
    }
  json_object_set_array_member (o, "duplicates", duplicates);
  for (guint i = 0; result->new_regions != NULL && i < result->new_regions->len; i++)
    json_array_add_string_element (regions, g_ptr_array_index (result->new_regions, i));
  json_object_set_array_member (o, "new_villages_and_groups", regions);
  json_string (o, "report", result->report_path);
  json_object_set_int_member (o, "report_rows", (gint64) result->report_rows);
  json_node_take_object (node, o);
  return node;
}

static void
print_result (const char *path, gboolean dry_run, const BfImportResult *result)
{
  if (result->already != NULL)
    {
      g_print (_ ("“%s” was imported already (import %ld, %s, by %s): nothing "
                  "was changed.\n"),
               path, (long) result->already->id, result->already->finished_at,
               result->already->operator_name);
      return;
    }
  g_print (_ ("Sheet “%s”, header on row %lu%s: %lu rows, %lu households, %lu people read.\n"),
           result->read.sheet, (unsigned long) result->read.header_row,
           result->read.national ? _ (" (the national person list)") : "",
           (unsigned long) result->read.rows,
           (unsigned long) (result->read.households + result->read.refused_households),
           (unsigned long) result->read.people);
  if (result->stopped)
    g_print (_ ("Stopped at a duplicate: nothing was imported.\n"));
  else
    {
      if (dry_run)
        g_print (_ ("Dry run: nothing was written. An import would do this:\n"));
      g_print (_ ("  households: %lu created, %lu updated, %lu already up to date\n"),
               (unsigned long) result->households_created,
               (unsigned long) result->households_updated,
               (unsigned long) result->households_unchanged);
      g_print (_ ("  people: %lu added, %lu changed\n"), (unsigned long) result->people_created,
               (unsigned long) result->people_updated);
      if (result->households_skipped > 0)
        g_print (_ ("  %lu households skipped: already in the register\n"),
                 (unsigned long) result->households_skipped);
    }
  if (result->new_regions->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (result->new_regions, NULL);
      joined = g_strjoinv (_ (", "), (char **) result->new_regions->pdata);
      g_ptr_array_set_size (result->new_regions, result->new_regions->len - 1);
      g_print (_ ("  New villages and groups: %s\n"), joined);
    }
  for (guint i = 0; i < result->duplicates->len && i < MAX_LINES; i++)
    g_print ("  %s\n",
             ((const BfImportDuplicate *) g_ptr_array_index (result->duplicates, i))->message);
  if (result->duplicates->len > MAX_LINES)
    g_print (_ ("  …and %u more duplicates\n"), result->duplicates->len - MAX_LINES);
  if (result->refused_rows > 0)
    {
      g_print (_ ("Not imported: %lu rows of %lu households.\n"),
               (unsigned long) result->refused_rows, (unsigned long) result->refused_households);
      for (guint i = 0; i < BF_IMPORT_N_REASONS; i++)
        if (result->rows_by_reason[i] > 0)
          g_print ("  %s: %lu\n", bf_import_reason_label (i),
                   (unsigned long) result->rows_by_reason[i]);
    }
  if (result->report_path != NULL)
    g_print (_ ("The rows not imported are in %s (%lu rows): correct them there and import that "
                "file.\n"),
             result->report_path, (unsigned long) result->report_rows);
  if (result->record != NULL && g_strcmp0 (result->record->state, "done") == 0)
    g_print (_ ("Recorded as import %ld; “bangfu-cli import undo %ld” takes all of it back.\n"),
             (long) result->record->id, (long) result->record->id);
}

/* The mapping of --mapping: "national" (NULL, with @national set) or a JSON file. */
static gboolean
load_mapping (const char *option, BfImportMapping **mapping, gboolean *national)
{
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;

  *mapping = NULL;
  *national = g_strcmp0 (option, "national") == 0;
  if (option == NULL || *national)
    return TRUE;
  if (!g_file_get_contents (option, &json, NULL, &error) ||
      (*mapping = bf_import_mapping_new_from_json (json, &error)) == NULL)
    {
      bf_cli_usage_error (_ ("--mapping %s: %s"), option, error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  BfStore *store;
  const char *path;
  BfImportRunOptions options;
  BfImportResult result;
  GError *error;
  gboolean ok;
  BfCliProgress progress;
  GMainLoop *loop;
} Import;

static void
progress_cb (double fraction, const char *text, gpointer user_data)
{
  Import *import = user_data;

  bf_cli_progress (&import->progress, fraction, text);
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Import *import = task_data;

  import->ok = bf_import_run (import->store, import->path, &import->options, progress_cb, import,
                              cancellable, &import->result, &import->error);
  g_task_return_boolean (task, import->ok);
}

static void
import_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_main_loop_quit (user_data);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

/* Runs the import in a thread, so that Ctrl+C cancels it cleanly: nothing is left half-done. */
static void
run_import (Import *import)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GTask) task = NULL;
  guint sigint_id, sigterm_id;

  import->loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, interrupt_cb, cancellable);
  sigterm_id = g_unix_signal_add (SIGTERM, interrupt_cb, cancellable);
  task = g_task_new (NULL, cancellable, import_done_cb, import->loop);
  g_task_set_task_data (task, import, NULL);
  g_task_run_in_thread (task, import_thread);
  g_main_loop_run (import->loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  g_main_loop_unref (import->loop);
  bf_cli_progress_end (&import->progress);
}

/* Without --mapping: the national list, or the mapping the register keeps for the header. */
static gboolean
offer_mapping (BfStore *store,
               const char *path,
               const char *sheet,
               gboolean print,
               BfImportMapping **mapping,
               int *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfImportPreview) preview = bf_import_preview (path, sheet, 0, &error);
  gboolean kept = FALSE;

  if (preview == NULL ||
      (*mapping = bf_import_mapping_offer (store, preview, &kept, &error)) == NULL)
    {
      *status = bf_cli_fail (error);
      return FALSE;
    }
  if (print)
    {
      g_autofree char *json = bf_import_mapping_to_json (*mapping);

      g_print ("%s\n", json);
      g_clear_pointer (mapping, bf_import_mapping_free);
      *status = BF_CLI_OK;
      return FALSE;
    }
  if (bf_import_mapping_is_national (*mapping))
    g_clear_pointer (mapping, bf_import_mapping_free);
  else if (kept)
    bf_cli_message (_ ("using the column mapping the register keeps for this header"));
  else
    {
      g_clear_pointer (mapping, bf_import_mapping_free);
      *status = bf_cli_usage_error (
        _ ("sheet “%s” is not the national person list, and the register keeps no column mapping "
           "for its header: write the proposed one with --print-mapping > FILE.json, correct it, "
           "and give it with --mapping FILE.json"),
        preview->sheet);
      return FALSE;
    }
  return TRUE;
}

int
bf_cli_import (int argc, char **argv)
{
  g_autofree char *sheet = NULL;
  g_autofree char *mapping_option = NULL;
  g_autofree char *on_duplicate = NULL;
  g_autofree char *report = NULL;
  g_autofree char *operator_option = NULL;
  gboolean dry_run = FALSE, json = FALSE, print_mapping = FALSE, national = FALSE;
  const GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_ ("The sheet to import (default: the first with the columns)"), N_ ("NAME") },
    { "mapping", 0, 0, G_OPTION_ARG_FILENAME, &mapping_option,
      N_ ("“national” for the national person list, or a column mapping (default: the national "
          "list, or the mapping the register keeps for the sheet’s header)"),
      N_ ("national|FILE.json") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Check the sheet against the register and write nothing"), NULL },
    { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &on_duplicate,
      N_ ("A household whose people or number the register has: skip it (the default), update "
          "the register from the sheet, or stop and import nothing"),
      N_ ("skip|update|stop") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report,
      N_ ("Write the rows not imported, with their reasons, to this workbook"), N_ ("OUT.xlsx") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_option,
      N_ ("The name written into the audit trail (default: the register’s last operator)"),
      N_ ("NAME") },
    { "print-mapping", 0, 0, G_OPTION_ARG_NONE, &print_mapping,
      N_ ("Print the column mapping that would be used, as JSON, and import nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the result as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (BfImportMapping) mapping = NULL;
  Import import = { 0 };
  int status = BF_CLI_OK;

  if (!bf_cli_parse (_ ("FILE"),
                     _ ("Import households from a spreadsheet (.xlsx or .csv): the national "
                        "person list, or another sheet with a column mapping."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc < 2)
    return bf_cli_usage_error (_ ("no file given"));
  if (argc > 2)
    return bf_cli_usage_error (_ ("unexpected argument “%s”"), argv[2]);
  if (on_duplicate != NULL &&
      !bf_import_on_duplicate_from_key (on_duplicate, &import.options.on_duplicate))
    return bf_cli_usage_error (_ ("--on-duplicate must be skip, update or stop"));
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return bf_cli_usage_error (_ ("“%s” is not a file"), argv[1]);
  if (!load_mapping (mapping_option, &mapping, &national))
    return BF_CLI_USAGE;

  import.store = bf_cli_open (
    dry_run || print_mapping ? BF_STORE_OPEN_READ_ONLY : BF_STORE_OPEN_DEFAULT, &status);
  if (import.store == NULL)
    return status;
  bf_cli_set_operator (import.store, operator_option);
  if (mapping == NULL && !national &&
      !offer_mapping (import.store, argv[1], sheet, print_mapping, &mapping, &status))
    return bf_cli_close (import.store, status);
  if (print_mapping)
    {
      if (mapping == NULL)
        g_print ("\"national\"\n");
      else
        {
          g_autofree char *text = bf_import_mapping_to_json (mapping);

          g_print ("%s\n", text);
        }
      return bf_cli_close (import.store, BF_CLI_OK);
    }

  import.path = argv[1];
  import.options.sheet = sheet;
  import.options.mapping = mapping;
  import.options.dry_run = dry_run;
  import.options.report_path = report;
  import.progress.tty = isatty (STDERR_FILENO);
  import.progress.quiet = json;
  run_import (&import);

  if (!import.ok)
    {
      if (import.result.cancelled)
        bf_cli_message (_ ("cancelled: nothing was imported"));
      status = bf_cli_fail (import.error);
      g_clear_error (&import.error);
    }
  else
    {
      if (json)
        {
          g_autoptr (JsonNode) node = result_to_json (import.path, dry_run, &import.result);

          bf_cli_print_json (node);
        }
      else
        print_result (import.path, dry_run, &import.result);
      status = import.result.stopped || import.result.refused_rows > 0 ? BF_CLI_FAILED : BF_CLI_OK;
    }
  bf_import_result_clear (&import.result);
  return bf_cli_close (import.store, status);
}

int
bf_cli_import_undo (int argc, char **argv)
{
  g_autofree char *operator_option = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_option,
      N_ ("The name written into the audit trail (default: the register’s last operator)"),
      N_ ("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the undone import as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStoreImport) record = NULL;
  g_autoptr (BfStoreImport) undone = NULL;
  BfStore *store;
  int status = BF_CLI_OK;

  if (!bf_cli_parse (_ ("IMPORT"),
                     _ ("Undo an import as a whole: the households it created are deleted, those "
                        "it updated put back as they were."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc != 2)
    return bf_cli_usage_error (argc < 2 ? _ ("no import given: its number or uuid (see “import "
                                             "list”)")
                                        : _ ("give one import"));
  if ((store = bf_cli_open (BF_STORE_OPEN_DEFAULT, &status)) == NULL)
    return status;
  bf_cli_set_operator (store, operator_option);
  record = bf_store_import_get (store, argv[1], &error);
  if (record == NULL || !bf_store_import_undo (store, record->id, &error) ||
      (undone = bf_store_import_get (store, record->uuid, &error)) == NULL)
    return bf_cli_close (store, bf_cli_fail (error));
  if (json)
    {
      g_autoptr (JsonNode) node = record_to_json (undone);

      bf_cli_print_json (node);
    }
  else
    g_print (
      _ (
        "Import %ld (“%s”) is undone: its %ld new households are deleted and the %ld households it updated are as they were before.\n"),
      (long) undone->id, undone->file_name, (long) undone->households_created,
      (long) undone->households_updated);
  return bf_cli_close (store, status);
}

int
bf_cli_import_list (int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json,
                                     N_ ("Print the imports as JSON"), NULL },
                                   G_OPTION_ENTRY_NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) imports = NULL;
  BfStore *store;
  int status = BF_CLI_OK;

  if (!bf_cli_parse (NULL, _ ("List the imports of the register, the newest first."), entries,
                     &argc, &argv))
    return BF_CLI_USAGE;
  if (argc > 1)
    return bf_cli_usage_error (_ ("unexpected argument “%s”"), argv[1]);
  if ((store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  imports = bf_store_import_list (store, &error);
  if (imports == NULL)
    return bf_cli_close (store, bf_cli_fail (error));
  if (json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < imports->len; i++)
        json_array_add_element (array, record_to_json (g_ptr_array_index (imports, i)));
      json_node_take_array (node, array);
      bf_cli_print_json (node);
    }
  else if (imports->len == 0)
    g_print (_ ("No imports yet.\n"));
  for (guint i = 0; !json && i < imports->len; i++)
    {
      const BfStoreImport *r = g_ptr_array_index (imports, i);

      /* TRANSLATORS: one import: number, state, date, operator, file, then what it did */
      g_print (_ ("%ld  %s  %s  %s  %s: %ld households created, %ld updated, %ld rows not "
                  "imported\n"),
               (long) r->id, state_label (r->state), r->finished_at, r->operator_name, r->file_name,
               (long) r->households_created, (long) r->households_updated, (long) r->rows_refused);
    }
  return bf_cli_close (store, status);
}
