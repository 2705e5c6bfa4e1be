/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ledger workbook: one export from the store's cursors to an .xlsx file written aside and
 * moved into place (sheets in bf-ledger-sheets.c, the summary in bf-ledger-summary.c). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-ledger-deflate-private.h"
#include "bf-ledger-private.h"
#include "bf-lifecycle.h"
#include "bf-report-output-private.h"

/* ---- The workbook ---- */

static void
create_formats (Ledger *self)
{
  lxw_workbook *wb = self->workbook;

  self->title_format = workbook_add_format (wb);
  format_set_bold (self->title_format);
  format_set_font_size (self->title_format, 16);
  format_set_align (self->title_format, LXW_ALIGN_CENTER);
  format_set_align (self->title_format, LXW_ALIGN_VERTICAL_CENTER);

  self->header_format = workbook_add_format (wb);
  format_set_bold (self->header_format);
  format_set_text_wrap (self->header_format);
  format_set_border (self->header_format, LXW_BORDER_THIN);
  format_set_align (self->header_format, LXW_ALIGN_CENTER);
  format_set_align (self->header_format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (self->header_format, 0xDDEBF7);

  self->label_format = workbook_add_format (wb);
  format_set_bold (self->label_format);

  /* Text format: a cell typed over later stays text, so an ID number never becomes 4.3E+17. */
  self->text_format = workbook_add_format (wb);
  format_set_num_format (self->text_format, "@");

  self->wrap_format = workbook_add_format (wb);
  format_set_text_wrap (self->wrap_format);
  format_set_align (self->wrap_format, LXW_ALIGN_VERTICAL_TOP);

  self->date_format = workbook_add_format (wb);
  format_set_num_format (self->date_format, "yyyy-mm-dd");
  format_set_align (self->date_format, LXW_ALIGN_LEFT);

  self->datetime_format = workbook_add_format (wb);
  format_set_num_format (self->datetime_format, "yyyy-mm-dd hh:mm");
  format_set_align (self->datetime_format, LXW_ALIGN_LEFT);

  self->money_format = workbook_add_format (wb);
  format_set_num_format (self->money_format, "#,##0.00");

  self->percent_format = workbook_add_format (wb);
  format_set_num_format (self->percent_format, "0.0%");

  self->decimal_format = workbook_add_format (wb);
  format_set_num_format (self->decimal_format, "0.0#");
}

static gboolean
read_counts (Ledger *self, GError **error)
{
  self->households = bf_ledger_reader_count_households (self->reader, error);
  if (self->households < 0)
    return FALSE;
  bf_quarter_range (self->options->year, self->options->quarter, &self->first_day, &self->last_day);
  self->villages = bf_ledger_reader_breakdown (self->reader, BF_LEDGER_BY_VILLAGE, error);
  return self->villages != NULL;
}

/* Before the library assembles the workbook, whose copies of the scratch files it does not check:
 * the largest sheet is copied once more, then compressed into the destination. */
static gboolean
check_room (Ledger *self, const char *tmpdir, GError **error)
{
  struct statvfs fs;
  struct rlimit limit;
  guint64 largest = 0, total = 0;
  guint t, i;

  for (t = 0; t < BF_LEDGER_N_TABLES; t++)
    for (i = 0; i < self->parts[t]->len; i++)
      {
        Part *part = g_ptr_array_index (self->parts[t], i);
        FILE *scratch = part->sheet->optimize_tmpfile;
        off_t size;

        /* Written front to back: the position is the size (the files have no descriptor). */
        if (scratch != NULL && fflush (scratch) == 0 && (size = ftello (scratch)) > 0)
          {
            largest = MAX (largest, (guint64) size);
            total += size;
          }
      }
  /* Room for a copy of the largest sheet plus the compressed workbook (xlsx compresses ~8×). */
  if (statvfs (tmpdir, &fs) == 0 &&
      (guint64) fs.f_bavail * fs.f_frsize < largest + total / 4 + 1024 * 1024)
    {
      _bf_ledger_set_write_error (error, ENOSPC, self->path);
      return FALSE;
    }
  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      (guint64) limit.rlim_cur < largest + 64 * 1024)
    {
      _bf_ledger_set_write_error (error, EFBIG, self->path);
      return FALSE;
    }
  return TRUE;
}

static void
close_scratch_files (Ledger *self)
{
  lxw_worksheet *sheet;

  /* Abandoning a workbook: lxw_workbook_free() leaves the scratch files open. */
  LXW_FOREACH_WORKSHEET (sheet, self->workbook)
  {
    if (sheet->optimize_tmpfile != NULL)
      fclose (sheet->optimize_tmpfile);
    sheet->optimize_tmpfile = NULL;
    sheet->file = NULL;
  }
}

static void
ledger_clear (Ledger *self)
{
  guint i;

  if (self->workbook != NULL)
    {
      close_scratch_files (self);
      lxw_workbook_free (self->workbook);
    }
  g_clear_pointer (&self->reader, bf_ledger_reader_free);
  for (i = 0; i < BF_LEDGER_N_TABLES; i++)
    g_clear_pointer (&self->parts[i], g_ptr_array_unref);
  for (i = 0; i < BF_LEDGER_N_BREAKDOWNS; i++)
    g_clear_pointer (&self->tallies[i], g_hash_table_unref);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_free (self->region);
  g_free (self->quarter_text);
}

static gboolean
write_workbook (Ledger *self, const char *tmp_path, const char *tmpdir, GError **error)
{
  lxw_workbook_options workbook_options = {
    .constant_memory = LXW_TRUE,
    .tmpdir = (char *) tmpdir,
  };
  g_autofree char *title = NULL;
  lxw_doc_properties properties = { 0 };
  lxw_error lxw_status;
  const char *township;
  guint i;

  _bf_ledger_report (self, 0.0, _ ("Reading the register…"));
  self->reader = bf_ledger_reader_open (self->options->register_path, self->options->year,
                                        self->options->quarter, self->options->village_id, error);
  if (self->reader == NULL || !read_counts (self, error))
    return FALSE;

  township = bf_ledger_reader_get_township (self->reader);
  self->region = g_strconcat (bf_ledger_reader_get_county (self->reader), township,
                              bf_ledger_reader_get_village (self->reader), NULL);
  self->quarter_text =
    g_strdup_printf ("%d年第%d季度", self->options->year, self->options->quarter);

  /* A sheet's XML passes 4 GB only near a million rows of people (some four per household). */
  workbook_options.use_zip64 = self->households > 200000;
  _bf_ledger_scratch_reset ();
  self->workbook = workbook_new_opt (tmp_path, &workbook_options);
  if (self->workbook == NULL)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_FAILED,
                   _ ("Could not start the workbook “%s”"), self->path);
      return FALSE;
    }
  title = g_strconcat (self->region, self->quarter_text, "帮扶台账", NULL);
  properties.title = title;
  properties.subject = "季度台账";
  properties.author = (char *) self->options->operator_name;
  properties.company = (char *) township;
  properties.comments = "Bangfu " PACKAGE_VERSION;
  workbook_set_properties (self->workbook, &properties);
  create_formats (self);

  self->summary = workbook_add_worksheet (self->workbook, SUMMARY_NAME);
  if (self->summary == NULL)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_IO,
                   _ ("Could not create a temporary file for the sheet “%s” in “%s”"), SUMMARY_NAME,
                   tmpdir);
      return FALSE;
    }
  self->n_sheets = 1;
  _bf_ledger_use_large_buffer (self->summary);

  for (i = 0; i < BF_LEDGER_N_TABLES; i++)
    if (!_bf_ledger_write_table (self, &_bf_ledger_sheets[i], error))
      return FALSE;
  if (!_bf_ledger_write_summary (self, error) || !check_room (self, tmpdir, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  _bf_ledger_report (self, ROWS_SHARE, _ ("Compressing the workbook…"));
  errno = 0;
  _bf_ledger_deflate_fast (TRUE);
  lxw_status = workbook_close (self->workbook);
  _bf_ledger_deflate_fast (FALSE);
  /* workbook_close() frees the workbook whatever happens. */
  self->workbook = NULL;
  if (lxw_status == LXW_NO_ERROR && _bf_ledger_scratch_errno () != 0)
    {
      _bf_ledger_set_write_error (error, _bf_ledger_scratch_errno (), self->path);
      return FALSE;
    }
  if (_bf_ledger_scratch_count () == 0)
    g_debug ("libxlsxwriter made its scratch files itself: their writes were not checked");
  if (lxw_status != LXW_NO_ERROR)
    {
      int errsv = errno;

      if (errsv != 0)
        _bf_ledger_set_write_error (error, errsv, self->path);
      else
        g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_FAILED, _ ("Could not write “%s”: %s"),
                     self->path, lxw_strerror (lxw_status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_options (const BfLedgerOptions *options, const char *path, GError **error)
{
  if (options->quarter < 1 || options->quarter > 4)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_INVALID, _ ("%d Q%d is not a quarter"),
                   options->year, options->quarter);
      return FALSE;
    }
  if (options->max_sheet_rows != 0 && options->max_sheet_rows < FIRST_DATA_ROW + 1)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_INVALID,
                   _ ("A sheet must hold at least one row besides its title and header"));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_INVALID,
                   _ ("“%s” is a folder: choose a file name"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_ledger_write_output (const BfLedgerOptions *options,
                        BfOutput *output,
                        BfLedgerProgressFunc progress,
                        gpointer user_data,
                        GCancellable *cancellable,
                        BfLedgerResult *result,
                        GError **error)
{
  const char *path;
  g_autofree char *dir = NULL;
  Ledger self = { 0 };
  const char *tmpdir;
  gboolean ok;
  guint i;

  g_return_val_if_fail (options != NULL && options->register_path != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  path = bf_output_get_path (output);
  if (!check_options (options, path, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  tmpdir = options->tmpdir != NULL ? options->tmpdir : dir;
  self.options = options;
  self.path = path;
  self.tmpdir = tmpdir;
  self.progress = progress;
  self.user_data = user_data;
  self.cancellable = cancellable;
  self.rows_per_part =
    (options->max_sheet_rows != 0 ? options->max_sheet_rows : BF_LEDGER_EXCEL_MAX_ROWS) -
    FIRST_DATA_ROW;
  for (i = 0; i < BF_LEDGER_N_TABLES; i++)
    self.parts[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) _bf_ledger_part_free);
  for (i = 0; i < BF_LEDGER_N_BREAKDOWNS; i++)
    self.tallies[i] =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) bf_ledger_count_free);

  g_debug ("exporting the ledger of %s to %s", options->register_path, path);
  /* libxlsxwriter writes the workbook to the output's temporary itself; what it wrote is read
   * back before anything is put in place. */
  ok = write_workbook (&self, bf_output_get_temp_path (output), tmpdir, error) &&
       bf_output_finish (output, _bf_check_workbook, NULL, error);
  if (ok && result != NULL)
    {
      memset (result, 0, sizeof *result);
      for (i = 0; i < BF_LEDGER_N_TABLES; i++)
        {
          result->rows[i] = self.written[i];
          result->total_rows += self.written[i];
        }
      result->n_sheets = self.n_sheets;
    }
  g_debug ("ledger export %s: %u sheets", ok ? "done" : "failed", self.n_sheets);
  ledger_clear (&self);
  if (ok)
    _bf_ledger_report (&self, 1.0, _ ("Done"));
  return ok;
}

gboolean
bf_ledger_write (const BfLedgerOptions *options,
                 const char *path,
                 BfLedgerProgressFunc progress,
                 gpointer user_data,
                 GCancellable *cancellable,
                 BfLedgerResult *result,
                 GError **error)
{
  g_autoptr (BfOutput) output = NULL;

  g_return_val_if_fail (options != NULL && options->register_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_options (options, path, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  output = bf_output_new (path, error);
  return output != NULL &&
         bf_ledger_write_output (options, output, progress, user_data, cancellable, result,
                                 error) &&
         bf_output_commit (output, NULL, NULL, error);
}

typedef struct
{
  BfStore *store;
  BfLedgerExport *record;
} Record;

static gboolean
record_export (gpointer user_data, GError **error)
{
  Record *record = user_data;

  return bf_store_ledger_export_add (record->store, record->record, error);
}

gboolean
bf_ledger_commit (BfOutput *output, BfStore *store, BfLedgerExport *record, GError **error)
{
  Record confirm = { store, record };

  g_return_val_if_fail (output != NULL && BF_IS_STORE (store) && record != NULL, FALSE);
  return bf_output_commit (output, record_export, &confirm, error);
}

char *
bf_ledger_default_filename (const char *township, const char *village, int year, int quarter)
{
  g_autofree char *name = g_strdup_printf ("%s%s_%dQ%d_台账.xlsx", township != NULL ? township : "",
                                           village != NULL ? village : "", year, quarter);
  char *p;

  for (p = name; *p != '\0'; p++)
    if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
      *p = '_';
  return g_steal_pointer (&name);
}
