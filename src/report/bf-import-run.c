/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A whole import: the file's checksum, the reading's batches met with the register one
 * household at a time, the rows not imported gathered into the report, and the end — committed,
 * stopped or cancelled. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bf-import-report.h"
#include "bf-import-run.h"

#define PROGRESS_INTERVAL (100 * G_TIME_SPAN_MILLISECOND)

static const char *const on_duplicate_keys[] = { "skip", "update", "stop" };

const char *
bf_import_on_duplicate_key (BfImportOnDuplicate choice)
{
  g_return_val_if_fail ((guint) choice < G_N_ELEMENTS (on_duplicate_keys), NULL);
  return on_duplicate_keys[choice];
}

gboolean
bf_import_on_duplicate_from_key (const char *key, BfImportOnDuplicate *choice)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (on_duplicate_keys); i++)
    if (strcmp (key, on_duplicate_keys[i]) == 0)
      {
        *choice = i;
        return TRUE;
      }
  return FALSE;
}

static void
duplicate_free (BfImportDuplicate *duplicate)
{
  g_free (duplicate->name);
  g_free (duplicate->id_number);
  g_free (duplicate->household_number);
  g_free (duplicate->head_name);
  g_free (duplicate->message);
  g_free (duplicate);
}

void
bf_import_result_clear (BfImportResult *result)
{
  bf_import_summary_clear (&result->read);
  g_free (result->sha256);
  bf_store_import_free (result->already);
  bf_store_import_free (result->record);
  g_clear_pointer (&result->duplicates, g_ptr_array_unref);
  g_clear_pointer (&result->new_regions, g_ptr_array_unref);
  g_free (result->report_path);
  memset (result, 0, sizeof *result);
}

char *
bf_import_file_sha256 (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (64 * 1024);
  gssize n;

  if (in == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 64 * 1024, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* ---- One run ---- */

typedef struct
{
  BfStore *store;
  const char *path;
  const BfImportRunOptions *options;
  BfImportResult *result;
  BfImportProgressFunc progress;
  gpointer user_data;
  GCancellable *cancellable;
  BfStoreImporter *importer;
  BfImportReport *report;
  char **headers; /* the sheet's, for the report's mapping */
  guint n_headers;
  gint64 last_progress;
} Run;

static BfImportOnDuplicate
choice_for (Run *run, guint64 household_row)
{
  gpointer value;

  if (run->options->choices != NULL &&
      g_hash_table_lookup_extended (run->options->choices, GUINT_TO_POINTER ((guint) household_row),
                                    NULL, &value))
    return GPOINTER_TO_INT (value);
  return run->options->on_duplicate;
}

/* A duplicate that stops the import: nothing of it is written, and the reading goes on as a dry
 * run to find the others. */
static void
stop (Run *run)
{
  BfImportResult *result = run->result;

  if (result->stopped)
    return;
  result->stopped = TRUE;
  bf_store_importer_abandon (run->importer);
  result->households_created = result->households_updated = result->households_unchanged = 0;
  result->people_created = result->people_updated = 0;
  g_ptr_array_set_size (result->new_regions, 0);
}

static BfImportProblem *
problem_new (guint64 row, BfImportReason reason, guint64 other_row, const char *sentence)
{
  BfImportProblem *problem = g_new0 (BfImportProblem, 1);

  problem->row = row;
  problem->column = -1;
  problem->reason = reason;
  problem->other_row = other_row;
  /* TRANSLATORS: "Row 12: <what is wrong on it>" */
  problem->message = g_strdup_printf (_ ("Row %lu: %s"), (unsigned long) row, sentence);
  return problem;
}

static void
count_row (BfImportResult *result, const BfImportRefusedRow *row)
{
  gboolean seen[BF_IMPORT_N_REASONS] = { FALSE };

  for (guint i = 0; i < row->problems->len; i++)
    {
      const BfImportProblem *problem = g_ptr_array_index (row->problems, i);

      if (!seen[problem->reason])
        result->rows_by_reason[problem->reason]++;
      seen[problem->reason] = TRUE;
    }
  result->refused_rows++;
}

static BfImportReason
reason_of (BfStoreImportRefusal refusal)
{
  switch (refusal)
    {
      case BF_STORE_IMPORT_REFUSAL_CONFLICT:
        return BF_IMPORT_REASON_CONFLICT;
      case BF_STORE_IMPORT_REFUSAL_NUMBER_TAKEN:
        return BF_IMPORT_REASON_NUMBER_TAKEN;
      case BF_STORE_IMPORT_REFUSAL_OTHER_TOWNSHIP:
        return BF_IMPORT_REASON_OTHER_TOWNSHIP;
      case BF_STORE_IMPORT_REFUSAL_STATUS:
        return BF_IMPORT_REASON_STATUS;
      case BF_STORE_IMPORT_REFUSAL_NONE:
      case BF_STORE_IMPORT_REFUSAL_INVALID:
      default:
        return BF_IMPORT_REASON_REGISTER;
    }
}

/* The rows of household @h that the register did not take, into @pending: each duplicate person
 * (or the number) on its own row, the household's reason on its first row, the others "another
 * row of the household". */
static void
refuse_household (Run *run,
                  BfImportHousehold *h,
                  const BfStoreImportOutcome *outcome,
                  GPtrArray *pending)
{
  guint n = h->member_rows->len;
  guint64 first = g_array_index (h->member_rows, guint64, 0);
  g_autofree BfImportReason *reasons = g_new0 (BfImportReason, n);
  g_autofree const char **sentences = g_new0 (const char *, n);
  g_autofree char *skipped = NULL;
  guint64 bad = first;

  if (outcome->result == BF_STORE_IMPORT_SKIPPED)
    {
      skipped = g_strdup (_ ("Skipped: import it again with “update” to update the register from "
                             "the sheet."));
      for (guint i = 0; i < outcome->places->len; i++)
        {
          const BfStoreImportPlace *place = g_ptr_array_index (outcome->places, i);
          guint at = place->member >= 0 ? (guint) place->member : 0;

          if (sentences[at] == NULL)
            {
              sentences[at] = place->message;
              reasons[at] = BF_IMPORT_REASON_IN_REGISTER;
            }
        }
    }
  else
    {
      sentences[0] = outcome->message;
      reasons[0] = reason_of (outcome->refusal);
    }
  for (guint i = 0; i < n; i++)
    if (sentences[i] != NULL)
      {
        bad = g_array_index (h->member_rows, guint64, i);
        break;
      }

  for (guint i = 0; i < n; i++)
    {
      BfImportRefusedRow *row = g_new0 (BfImportRefusedRow, 1);
      guint64 number = g_array_index (h->member_rows, guint64, i);

      row->row = number;
      row->cells = g_steal_pointer ((char ***) &g_ptr_array_index (h->member_cells, i));
      row->n_cells = g_strv_length (row->cells);
      row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_problem_free);
      if (sentences[i] != NULL)
        {
          g_autofree char *text =
            skipped != NULL ? g_strconcat (sentences[i], " ", skipped, NULL) : NULL;

          g_ptr_array_add (row->problems,
                           problem_new (number, reasons[i], 0, text != NULL ? text : sentences[i]));
        }
      else
        {
          g_autofree char *text = g_strdup_printf (
            _ ("not imported because row %lu of the same household has a problem."),
            (unsigned long) bad);

          g_ptr_array_add (row->problems,
                           problem_new (number, BF_IMPORT_REASON_HOUSEHOLD_REFUSED, bad, text));
        }
      count_row (run->result, row);
      g_ptr_array_add (pending, row);
    }
  run->result->refused_households++;
}

static void
add_duplicates (Run *run, BfImportHousehold *h, const BfStoreImportOutcome *outcome)
{
  guint64 first = g_array_index (h->member_rows, guint64, 0);

  for (guint i = 0; i < outcome->places->len; i++)
    {
      const BfStoreImportPlace *place = g_ptr_array_index (outcome->places, i);
      BfImportDuplicate *duplicate = g_new0 (BfImportDuplicate, 1);

      duplicate->household_row = first;
      duplicate->row =
        place->member >= 0 ? g_array_index (h->member_rows, guint64, place->member) : first;
      if (place->member >= 0)
        {
          const BfMember *member = g_ptr_array_index (h->household->members, place->member);

          duplicate->name = g_strdup (member->name);
          duplicate->id_number = g_strdup (member->id_number);
        }
      duplicate->household_id = place->household_id;
      duplicate->household_number = g_strdup (place->household_number);
      duplicate->head_name = g_strdup (place->head_name);
      duplicate->message =
        g_strdup_printf (_ ("Row %lu: %s"), (unsigned long) duplicate->row, place->message);
      g_ptr_array_add (run->result->duplicates, duplicate);
    }
}

/* The reading's own refusals: kept for the report; a person twice in the file is a duplicate. */
static void
take_refused (Run *run, GPtrArray *refused, GPtrArray *pending)
{
  while (refused->len > 0)
    {
      BfImportRefusedRow *row = g_ptr_array_steal_index (refused, 0);

      for (guint i = 0; i < row->problems->len; i++)
        {
          const BfImportProblem *problem = g_ptr_array_index (row->problems, i);
          BfImportDuplicate *duplicate;

          if (problem->reason != BF_IMPORT_REASON_DUPLICATE)
            continue;
          duplicate = g_new0 (BfImportDuplicate, 1);
          duplicate->row = duplicate->household_row = problem->row;
          duplicate->other_row = problem->other_row;
          duplicate->message = g_strdup (problem->message);
          g_ptr_array_add (run->result->duplicates, duplicate);
          if (choice_for (run, problem->row) == BF_IMPORT_ON_DUPLICATE_STOP)
            stop (run);
        }
      g_ptr_array_add (pending, row);
    }
}

static gboolean
add_household (Run *run, BfImportHousehold *h, GPtrArray *pending, GError **error)
{
  BfImportResult *result = run->result;
  guint64 first = g_array_index (h->member_rows, guint64, 0);
  BfImportOnDuplicate choice = choice_for (run, first);
  BfStoreImportItem item = { h->household, h->county, h->township, h->status, first };
  BfStoreImportOutcome outcome;
  gboolean counted = !result->stopped;

  if (!bf_store_importer_add (run->importer, &item,
                              choice == BF_IMPORT_ON_DUPLICATE_UPDATE ? BF_STORE_IMPORT_UPDATE
                                                                      : BF_STORE_IMPORT_SKIP,
                              &outcome, error))
    return FALSE;
  switch (outcome.result)
    {
      case BF_STORE_IMPORT_CREATED:
      case BF_STORE_IMPORT_UPDATED:
        if (counted)
          {
            if (outcome.result == BF_STORE_IMPORT_CREATED)
              result->households_created++;
            else
              result->households_updated++;
            result->people_created += outcome.people_created;
            result->people_updated += outcome.people_updated;
            for (guint i = 0; outcome.new_regions != NULL && i < outcome.new_regions->len; i++)
              g_ptr_array_add (result->new_regions,
                               g_strdup (g_ptr_array_index (outcome.new_regions, i)));
          }
        break;
      case BF_STORE_IMPORT_UNCHANGED:
        if (counted)
          result->households_unchanged++;
        break;
      case BF_STORE_IMPORT_SKIPPED:
        add_duplicates (run, h, &outcome);
        if (choice == BF_IMPORT_ON_DUPLICATE_STOP)
          stop (run);
        else
          result->households_skipped++;
        refuse_household (run, h, &outcome, pending);
        break;
      case BF_STORE_IMPORT_REFUSED:
        refuse_household (run, h, &outcome, pending);
        break;
    }
  bf_store_import_outcome_clear (&outcome);
  return TRUE;
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const BfImportRefusedRow *ra = *(BfImportRefusedRow **) a;
  const BfImportRefusedRow *rb = *(BfImportRefusedRow **) b;

  return ra->row < rb->row ? -1 : ra->row > rb->row;
}

static gboolean
start (Run *run, BfImportBatch *batch, GError **error)
{
  const BfImportSummary *read = &run->result->read;
  g_autofree char *mapping_json = NULL;
  BfStoreImportSpec spec = { 0 };

  if (run->options->mapping != NULL)
    mapping_json = bf_import_mapping_to_json (run->options->mapping);
  spec.file_name = run->path;
  spec.sha256 = run->result->sha256;
  spec.sheet = read->sheet;
  spec.signature = read->signature;
  spec.mapping_json = mapping_json;
  spec.on_duplicate = bf_import_on_duplicate_key (run->options->on_duplicate);
  run->importer = bf_store_importer_new (run->store, &spec, !run->options->dry_run, error);
  if (run->importer == NULL)
    return FALSE;
  run->headers = g_new0 (char *, batch->n_headers + 1);
  for (guint i = 0; i < batch->n_headers; i++)
    run->headers[i] = g_strdup (batch->headers[i]);
  run->n_headers = batch->n_headers;
  if (run->options->report_path != NULL)
    run->report =
      bf_import_report_new (run->options->report_path, batch->headers, batch->n_headers, error);
  return run->options->report_path == NULL || run->report != NULL;
}

static gboolean
write_batch (BfImportBatch *batch, gpointer user_data, GError **error)
{
  Run *run = user_data;
  g_autoptr (GPtrArray) pending =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_refused_row_free);

  if (run->importer == NULL && !start (run, batch, error))
    return FALSE;
  take_refused (run, batch->refused, pending);
  for (guint i = 0; i < batch->households->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error) ||
          !add_household (run, g_ptr_array_index (batch->households, i), pending, error))
        return FALSE;
    }
  /* The register's refusals come after the reading's of the same batch: back in row order. */
  g_ptr_array_sort (pending, compare_rows);
  for (guint i = 0; run->report != NULL && i < pending->len; i++)
    if (!bf_import_report_add (run->report, g_ptr_array_index (pending, i), error))
      return FALSE;
  return TRUE;
}

static void
forward_progress (double fraction, const char *text, gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *ours = NULL;

  if (run->progress == NULL)
    return;
  if (run->importer != NULL && !run->options->dry_run && !run->result->stopped)
    /* TRANSLATORS: progress of an import */
    text = ours = g_strdup_printf (
      g_dngettext (
        GETTEXT_PACKAGE, "%lu household imported", "%lu households imported",
        (unsigned long) (run->result->households_created + run->result->households_updated)),
      (unsigned long) (run->result->households_created + run->result->households_updated));
  run->progress (fraction, text, run->user_data);
}

/* The report's own columns before the sheet's: a mapping of the report, kept, lets the fixed
 * report be imported as it is. */
static void
keep_report_mapping (Run *run)
{
  g_auto (GStrv) headers = NULL;
  g_autoptr (BfImportMapping) mapping = NULL;
  g_autoptr (GError) error = NULL;

  if (run->options->mapping == NULL || run->report == NULL)
    return;
  headers = bf_import_report_headers ((const char *const *) run->headers, run->n_headers);
  mapping = bf_import_mapping_new ((const char *const *) headers, g_strv_length (headers), 1);
  for (guint i = 0; i < run->n_headers; i++)
    bf_import_mapping_set_field (mapping, i + BF_IMPORT_REPORT_EXTRA_COLUMNS,
                                 bf_import_mapping_get_field (run->options->mapping, i));
  if (!bf_import_mapping_keep (run->store, mapping, &error))
    g_warning ("cannot keep the mapping of the report: %s", error->message);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->importer, bf_store_importer_free);
  g_clear_pointer (&run->report, bf_import_report_free);
  g_strfreev (run->headers);
}

/* The reading is over: the report in place first, then the import committed (or recorded as
 * cancelled when stopped), so that a failed report leaves nothing imported. */
static gboolean
complete (Run *run, GError **error)
{
  BfImportResult *result = run->result;
  guint64 rows = result->read.rows;

  result->refused_rows += result->read.refused_rows;
  result->refused_households += result->read.refused_households;
  for (guint i = 0; i < BF_IMPORT_N_REASONS; i++)
    result->rows_by_reason[i] += result->read.rows_by_reason[i];
  if (run->report != NULL)
    {
      result->report_rows = bf_import_report_get_rows (run->report);
      if (!bf_import_report_finish (run->report, error))
        return FALSE;
      result->report_path = g_strdup (run->options->report_path);
    }
  if (!bf_store_importer_finish (run->importer, !result->stopped, rows, result->refused_rows,
                                 &result->record, error))
    return FALSE;
  if (!result->stopped && !run->options->dry_run)
    keep_report_mapping (run);
  return TRUE;
}

gboolean
bf_import_run (BfStore *store,
               const char *path,
               const BfImportRunOptions *options,
               BfImportProgressFunc progress,
               gpointer user_data,
               GCancellable *cancellable,
               BfImportResult *result,
               GError **error)
{
  BfImportOptions read_options = { 0 };
  Run run = { store, path, options, result, progress, user_data, cancellable };
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (BF_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) duplicate_free);
  result->new_regions = g_ptr_array_new_with_free_func (g_free);
  result->sha256 = bf_import_file_sha256 (path, error);
  if (result->sha256 == NULL)
    return FALSE;
  result->already = bf_store_import_find_done (store, result->sha256, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (result->already != NULL)
    return TRUE;

  read_options.sheet = options->sheet;
  read_options.mapping = options->mapping;
  read_options.batch_size = options->batch_size;
  read_options.today = options->today;
  ok = bf_import_read (path, &read_options, write_batch, forward_progress, &run, cancellable,
                       &result->read, &local) &&
       complete (&run, &local);
  if (!ok && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) && run.importer != NULL)
    {
      g_autoptr (GError) record_error = NULL;

      result->cancelled = TRUE;
      g_clear_pointer (&run.report, bf_import_report_free);
      if (!bf_store_importer_finish (run.importer, FALSE, result->read.rows, 0, &result->record,
                                     &record_error))
        g_warning ("cannot record the cancelled import: %s", record_error->message);
    }
  run_clear (&run);
  if (!ok)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

/* ---- Mappings kept in the register ---- */

BfImportMapping *
bf_import_mapping_offer (BfStore *store,
                         const BfImportPreview *preview,
                         gboolean *kept,
                         GError **error)
{
  const char *signature = bf_import_mapping_get_signature (preview->mapping);
  g_autofree char *json = NULL;
  GError *local = NULL;
  BfImportMapping *mapping;

  if (kept != NULL)
    *kept = FALSE;
  if (bf_import_mapping_is_national (preview->mapping))
    return bf_import_mapping_copy (preview->mapping);
  json = bf_store_import_mapping_get (store, signature, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  mapping = json != NULL ? bf_import_mapping_new_from_json (json, NULL) : NULL;
  if (mapping == NULL)
    return bf_import_mapping_copy (preview->mapping);
  /* The header may be on another row of this file. */
  bf_import_mapping_set_header_row (mapping, bf_import_mapping_get_header_row (preview->mapping));
  if (kept != NULL)
    *kept = TRUE;
  return mapping;
}

gboolean
bf_import_mapping_keep (BfStore *store, const BfImportMapping *mapping, GError **error)
{
  g_autofree char *json = bf_import_mapping_to_json (mapping);

  return bf_store_import_mapping_save (store, bf_import_mapping_get_signature (mapping), json,
                                       error);
}
