/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding the sheet and its header row, the preview for the mapping step, and the reading of a
 * whole sheet through the row parser. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bf-import-private.h"

/* Rows (with cells) looked at for the header: titles, notes and blank lines come before it. */
#define HEADER_SCAN_ROWS 30
/* A header row names at least this many fields. */
#define MIN_HEADER_SCORE  2
#define PROGRESS_INTERVAL (100 * G_TIME_SPAN_MILLISECOND)

static const struct
{
  const char *key;
  const char *label;
} reasons[BF_IMPORT_N_REASONS] = {
  [BF_IMPORT_REASON_DAMAGED_NUMBER] = { "damaged-number", N_ ("Long number stored as a number") },
  [BF_IMPORT_REASON_INVALID_ID] = { "invalid-id", N_ ("Invalid ID number") },
  [BF_IMPORT_REASON_DUPLICATE] = { "duplicate", N_ ("Person twice in the file") },
  [BF_IMPORT_REASON_MISSING] = { "missing", N_ ("Required value missing") },
  [BF_IMPORT_REASON_UNKNOWN_WORD] = { "unknown-word", N_ ("Unknown value") },
  [BF_IMPORT_REASON_INVALID_DATE] = { "invalid-date", N_ ("Invalid date") },
  [BF_IMPORT_REASON_INVALID_MONEY] = { "invalid-money", N_ ("Invalid amount of money") },
  [BF_IMPORT_REASON_INVALID_NUMBER] = { "invalid-number", N_ ("Invalid number") },
  [BF_IMPORT_REASON_INVALID_PHONE] = { "invalid-phone", N_ ("Invalid phone number") },
  [BF_IMPORT_REASON_CONTRADICTS_ID] = { "contradicts-id", N_ ("Contradicts the ID number") },
  [BF_IMPORT_REASON_NO_HEAD] = { "no-head", N_ ("No head of household") },
  [BF_IMPORT_REASON_SEVERAL_HEADS] = { "several-heads", N_ ("More than one head of household") },
  [BF_IMPORT_REASON_INCONSISTENT] = { "inconsistent",
                                      N_ ("Household columns differ between rows") },
  [BF_IMPORT_REASON_MEMBER_COUNT] = { "member-count", N_ ("Household size does not match") },
  [BF_IMPORT_REASON_SPLIT] = { "split", N_ ("Household rows not together") },
  [BF_IMPORT_REASON_CAUSES] = { "causes", N_ ("Causes of poverty") },
  [BF_IMPORT_REASON_HOUSEHOLD_REFUSED] = { "household-refused",
                                           N_ ("Another row of the household refused") },
  [BF_IMPORT_REASON_IN_REGISTER] = { "in-register", N_ ("Already in the register") },
  [BF_IMPORT_REASON_CONFLICT] = { "conflict", N_ ("In several households of the register") },
  [BF_IMPORT_REASON_NUMBER_TAKEN] = { "number-taken",
                                      N_ ("Household number of a deleted household") },
  [BF_IMPORT_REASON_OTHER_TOWNSHIP] = { "other-township", N_ ("Another township") },
  [BF_IMPORT_REASON_STATUS] = { "status", N_ ("Status that cannot be imported") },
  [BF_IMPORT_REASON_REGISTER] = { "register", N_ ("Refused by the register's checks") },
};

const char *
bf_import_reason_key (BfImportReason reason)
{
  g_return_val_if_fail ((guint) reason < BF_IMPORT_N_REASONS, NULL);
  return reasons[reason].key;
}

const char *
bf_import_reason_label (BfImportReason reason)
{
  g_return_val_if_fail ((guint) reason < BF_IMPORT_N_REASONS, NULL);
  return _ (reasons[reason].label);
}

void
bf_import_summary_clear (BfImportSummary *summary)
{
  g_free (summary->sheet);
  g_free (summary->signature);
  memset (summary, 0, sizeof *summary);
}

/* ---- The header ---- */

typedef struct
{
  guint64 row;
  char **headers;
  guint n_headers;
  guint score; /* fields its cells name */
} Header;

static void
header_clear (Header *header)
{
  g_strfreev (header->headers);
  memset (header, 0, sizeof *header);
}

static char **
row_texts (const BfSheetRow *row)
{
  char **texts = g_new0 (char *, row->n_cells + 1);

  for (guint i = 0; i < row->n_cells; i++)
    texts[i] = g_strstrip (g_strdup (row->cells[i].text));
  return texts;
}

static guint
score_row (const BfSheetRow *row)
{
  gboolean named[BF_IMPORT_N_FIELDS] = { FALSE };
  guint score = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      BfImportField field = bf_import_field_for_header (row->cells[i].text);

      if (field != BF_IMPORT_FIELD_NONE && !named[field])
        score++;
      named[field] = TRUE;
    }
  return score;
}

/* Reads sheet @index from the start up to its header row: the row with @signature when given,
 * else the row among the first ones that names the most fields. FALSE with @error when the sheet
 * cannot be read; a sheet without a header gives TRUE and a header of score 0. */
static gboolean
find_header (BfSheetReader *reader, guint index, const char *signature, Header *out, GError **error)
{
  const BfSheetRow *row;
  GError *local = NULL;
  guint seen = 0;

  memset (out, 0, sizeof *out);
  if (!bf_sheet_reader_select_sheet (reader, index, error))
    return FALSE;
  while (seen++ < HEADER_SCAN_ROWS && (row = bf_sheet_reader_next_row (reader, &local)) != NULL)
    {
      guint score = score_row (row);
      g_autofree char *found = NULL;

      if (signature != NULL)
        {
          g_auto (GStrv) texts = row_texts (row);

          found = bf_import_header_signature ((const char *const *) texts, row->n_cells);
          if (strcmp (found, signature) != 0)
            continue;
          score = G_MAXUINT;
        }
      if (score > out->score || (out->headers == NULL && signature == NULL && row->n_cells >= 2))
        {
          header_clear (out);
          out->row = row->number;
          out->headers = row_texts (row);
          out->n_headers = row->n_cells;
          out->score = score;
        }
      if (signature != NULL)
        return TRUE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      header_clear (out);
      return FALSE;
    }
  if (signature != NULL)
    header_clear (out);
  return TRUE;
}

/* Positions the reader just under the header row of the sheet it found. */
static gboolean
skip_to_data (BfSheetReader *reader, guint index, guint64 header_row, GError **error)
{
  const BfSheetRow *row;
  GError *local = NULL;

  if (!bf_sheet_reader_select_sheet (reader, index, error))
    return FALSE;
  while ((row = bf_sheet_reader_next_row (reader, &local)) != NULL)
    if (row->number == header_row)
      return TRUE;
  if (local != NULL)
    g_propagate_error (error, local);
  else
    g_set_error_literal (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_NO_HEADER,
                         _ ("The sheet changed while it was read."));
  return FALSE;
}

/* The sheet to read and its mapping: @name when given, else the first sheet whose header the
 * stored mapping (@wanted) finds, or the first of the national shape. */
static BfImportMapping *
choose_sheet (BfSheetReader *reader,
              const char *name,
              const BfImportMapping *wanted,
              guint *index,
              GError **error)
{
  guint n = bf_sheet_reader_get_n_sheets (reader);
  int named = -1;

  if (name != NULL)
    {
      named = bf_sheet_reader_find_sheet (reader, name);
      if (named < 0)
        {
          g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_NO_SHEET,
                       _ ("The workbook has no sheet called “%s”."), name);
          return NULL;
        }
    }
  for (guint i = named >= 0 ? (guint) named : 0; i < n; i++)
    {
      Header header;
      BfImportMapping *mapping;

      if (!find_header (reader, i, wanted != NULL ? bf_import_mapping_get_signature (wanted) : NULL,
                        &header, error))
        return NULL;
      if (header.headers != NULL && wanted != NULL)
        {
          mapping = bf_import_mapping_copy (wanted);
          bf_import_mapping_set_header_row (mapping, header.row);
        }
      else if (header.headers != NULL)
        {
          mapping = bf_import_mapping_propose ((const char *const *) header.headers,
                                               header.n_headers, header.row);
          if (!bf_import_mapping_is_national (mapping))
            g_clear_pointer (&mapping, bf_import_mapping_free);
        }
      else
        mapping = NULL;
      header_clear (&header);
      if (mapping != NULL)
        {
          *index = i;
          return mapping;
        }
      if (named >= 0)
        break;
    }
  if (wanted != NULL)
    g_set_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_NO_HEADER,
                 _ ("No sheet has the header row this column mapping was made for: choose the "
                    "columns again."));
  else
    g_set_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_NOT_NATIONAL,
                 _ ("No sheet has the columns of the national system's person list: choose which "
                    "column holds which field."));
  return NULL;
}

/* ---- Reading ---- */

static void
report_progress (BfImportProgressFunc progress,
                 gpointer user_data,
                 BfSheetReader *reader,
                 guint64 row)
{
  /* TRANSLATORS: progress of reading a sheet: "Reading row 12000" */
  g_autofree char *text = g_strdup_printf (_ ("Reading row %lu"), (unsigned long) row);

  progress (bf_sheet_reader_get_fraction (reader), text, user_data);
}

gboolean
bf_import_read_reader (BfSheetReader *reader,
                       const BfImportOptions *options,
                       BfImportBatchFunc batch,
                       BfImportProgressFunc progress,
                       gpointer user_data,
                       GCancellable *cancellable,
                       BfImportSummary *summary,
                       GError **error)
{
  g_autoptr (BfImportMapping) mapping = NULL;
  BfImportSummary local = { 0 };
  BfImportParser *parser;
  const BfSheetRow *row;
  GError *failure = NULL;
  gint64 last_report = 0;
  guint index = 0;
  gboolean ok = TRUE;

  if (summary == NULL)
    summary = &local;
  memset (summary, 0, sizeof *summary);
  summary->format = bf_sheet_reader_get_format (reader);
  summary->encoding = bf_sheet_reader_get_encoding (reader);
  if (options->mapping != NULL && !bf_import_mapping_check (options->mapping, error))
    return FALSE;
  mapping = choose_sheet (reader, options->sheet, options->mapping, &index, error);
  if (mapping == NULL)
    return FALSE;
  summary->sheet = g_strdup (bf_sheet_reader_get_sheet_name (reader, index));
  summary->header_row = bf_import_mapping_get_header_row (mapping);
  summary->national = options->mapping == NULL;
  summary->signature = g_strdup (bf_import_mapping_get_signature (mapping));
  if (!bf_import_mapping_check (mapping, error) ||
      !skip_to_data (reader, index, summary->header_row, error))
    {
      bf_import_summary_clear (&local);
      return FALSE;
    }

  parser = _bf_import_parser_new (mapping, bf_sheet_reader_get_date1904 (reader), options->today,
                                  options->batch_size, batch, user_data, summary);
  while (ok && (row = bf_sheet_reader_next_row (reader, &failure)) != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &failure))
        {
          ok = FALSE;
          break;
        }
      ok = _bf_import_parser_add_row (parser, row, &failure);
      if (progress != NULL && (summary->rows & 0xff) == 0)
        {
          gint64 now = g_get_monotonic_time ();

          if (now - last_report >= PROGRESS_INTERVAL)
            {
              last_report = now;
              report_progress (progress, user_data, reader, row->number);
            }
        }
    }
  if (ok && failure == NULL)
    ok = _bf_import_parser_finish (parser, &failure);
  _bf_import_parser_free (parser);
  if (failure != NULL)
    {
      g_propagate_error (error, failure);
      ok = FALSE;
    }
  if (ok && progress != NULL)
    progress (1.0, _ ("Read"), user_data);
  bf_import_summary_clear (&local);
  return ok;
}

gboolean
bf_import_read (const char *path,
                const BfImportOptions *options,
                BfImportBatchFunc batch,
                BfImportProgressFunc progress,
                gpointer user_data,
                GCancellable *cancellable,
                BfImportSummary *summary,
                GError **error)
{
  g_autoptr (BfSheetReader) reader = bf_sheet_reader_open (path, error);

  if (summary != NULL)
    memset (summary, 0, sizeof *summary);
  if (reader == NULL)
    return FALSE;
  return bf_import_read_reader (reader, options, batch, progress, user_data, cancellable, summary,
                                error);
}

/* ---- Preview ---- */

void
bf_import_preview_free (BfImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->sheets);
  g_free (preview->sheet);
  bf_import_mapping_free (preview->mapping);
  g_ptr_array_unref (preview->rows);
  g_array_unref (preview->row_numbers);
  g_free (preview);
}

BfImportPreview *
bf_import_preview_reader (BfSheetReader *reader, const char *sheet, guint n_rows, GError **error)
{
  g_autoptr (BfImportPreview) preview = g_new0 (BfImportPreview, 1);
  guint n = bf_sheet_reader_get_n_sheets (reader);
  Header best = { 0 };
  guint best_index = 0;
  const BfSheetRow *row;
  GError *local = NULL;
  int named = -1;

  preview->format = bf_sheet_reader_get_format (reader);
  preview->encoding = bf_sheet_reader_get_encoding (reader);
  preview->sheets = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    preview->sheets[i] = g_strdup (bf_sheet_reader_get_sheet_name (reader, i));
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint64));
  if (sheet != NULL && (named = bf_sheet_reader_find_sheet (reader, sheet)) < 0)
    {
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_NO_SHEET,
                   _ ("The workbook has no sheet called “%s”."), sheet);
      return NULL;
    }

  /* The national sheet, else the one whose header names the most fields. */
  for (guint i = named >= 0 ? (guint) named : 0; i < n; i++)
    {
      Header header;
      g_autoptr (BfImportMapping) mapping = NULL;
      gboolean national;

      if (!find_header (reader, i, NULL, &header, error))
        {
          header_clear (&best);
          return NULL;
        }
      if (header.headers != NULL)
        mapping = bf_import_mapping_propose ((const char *const *) header.headers, header.n_headers,
                                             header.row);
      national = mapping != NULL && bf_import_mapping_is_national (mapping);
      if (best.headers == NULL || header.score > best.score || national)
        {
          header_clear (&best);
          best = header;
          best_index = i;
        }
      else
        header_clear (&header);
      if (national || named >= 0)
        break;
    }
  preview->sheet = g_strdup (bf_sheet_reader_get_sheet_name (reader, best_index));
  if (best.headers == NULL)
    {
      /* An empty sheet: nothing to map, which the mapping step shows. */
      preview->mapping = bf_import_mapping_new (NULL, 0, 0);
      return g_steal_pointer (&preview);
    }
  preview->mapping =
    bf_import_mapping_propose ((const char *const *) best.headers, best.n_headers, best.row);
  header_clear (&best);
  if (!skip_to_data (reader, best_index, bf_import_mapping_get_header_row (preview->mapping),
                     error))
    return NULL;
  while (preview->rows->len < n_rows && (row = bf_sheet_reader_next_row (reader, &local)) != NULL)
    {
      g_ptr_array_add (preview->rows, row_texts (row));
      g_array_append_val (preview->row_numbers, row->number);
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&preview);
}

BfImportPreview *
bf_import_preview (const char *path, const char *sheet, guint n_rows, GError **error)
{
  g_autoptr (BfSheetReader) reader = bf_sheet_reader_open (path, error);

  if (reader == NULL)
    return NULL;
  return bf_import_preview_reader (reader, sheet, n_rows, error);
}
