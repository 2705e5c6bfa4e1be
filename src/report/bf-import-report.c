/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "bf-import-report.h"

#define SHEET_NAME "未导入"
/* Excel refuses longer cell text. */
#define MAX_CELL_CHARS 32767

struct _BfImportReport
{
  char *path;
  char *tmp_path;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header_format;
  lxw_format *text_format;
  lxw_format *wrap_format;
  guint n_columns;
  guint64 rows;
};

static void
set_write_error (GError **error, int errsv, const char *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _ ("Cannot write the report “%s”: %s"), name, g_strerror (errsv));
}

char **
bf_import_report_headers (const char *const *headers, guint n_headers)
{
  char **all = g_new0 (char *, n_headers + BF_IMPORT_REPORT_EXTRA_COLUMNS + 1);

  all[0] = g_strdup (BF_IMPORT_REPORT_ROW_HEADER);
  all[1] = g_strdup (BF_IMPORT_REPORT_REASON_HEADER);
  all[2] = g_strdup (BF_IMPORT_REPORT_KIND_HEADER);
  for (guint i = 0; i < n_headers; i++)
    all[BF_IMPORT_REPORT_EXTRA_COLUMNS + i] = g_strdup (headers[i] != NULL ? headers[i] : "");
  return all;
}

static void
put_text (BfImportReport *self, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (G_UNLIKELY (strlen (text) > MAX_CELL_CHARS && g_utf8_strlen (text, -1) > MAX_CELL_CHARS))
    text = cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
  worksheet_write_string (self->sheet, row, col, text, format);
}

BfImportReport *
bf_import_report_new (const char *path, const char *const *headers, guint n_headers, GError **error)
{
  g_autoptr (BfImportReport) self = g_new0 (BfImportReport, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_auto (GStrv) all = bf_import_report_headers (headers, n_headers);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _ ("“%s” is a folder: choose a file name for the report"), path);
      return NULL;
    }
  self->path = g_strdup (path);
  self->tmp_path = g_strdup_printf ("%s%s.~%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (self->tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_write_error (error, errno, path);
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }
  close (fd);
  options.tmpdir = dir;
  self->workbook = workbook_new_opt (self->tmp_path, &options);
  if (self->workbook == NULL ||
      (self->sheet = workbook_add_worksheet (self->workbook, SHEET_NAME)) == NULL)
    {
      set_write_error (error, errno != 0 ? errno : EIO, path);
      return NULL;
    }
  properties.title = "未导入的行";
  properties.comments = "Bangfu " PACKAGE_VERSION;
  workbook_set_properties (self->workbook, &properties);

  self->header_format = workbook_add_format (self->workbook);
  format_set_bold (self->header_format);
  format_set_bg_color (self->header_format, 0xFCE4D6);
  format_set_num_format (self->header_format, "@");
  /* Text format: a cell typed over later stays text, so an ID number never becomes 4.3E+17. */
  self->text_format = workbook_add_format (self->workbook);
  format_set_num_format (self->text_format, "@");
  self->wrap_format = workbook_add_format (self->workbook);
  format_set_num_format (self->wrap_format, "@");
  format_set_text_wrap (self->wrap_format);
  format_set_align (self->wrap_format, LXW_ALIGN_VERTICAL_TOP);

  self->n_columns = n_headers + BF_IMPORT_REPORT_EXTRA_COLUMNS;
  worksheet_set_column (self->sheet, 0, 0, 7, self->text_format);
  worksheet_set_column (self->sheet, 1, 1, 60, self->wrap_format);
  worksheet_set_column (self->sheet, 2, 2, 18, self->wrap_format);
  if (n_headers > 0)
    worksheet_set_column (self->sheet, BF_IMPORT_REPORT_EXTRA_COLUMNS, self->n_columns - 1, 14,
                          self->text_format);
  for (guint i = 0; i < self->n_columns; i++)
    put_text (self, 0, i, all[i], self->header_format);
  worksheet_freeze_panes (self->sheet, 1, BF_IMPORT_REPORT_EXTRA_COLUMNS);
  return g_steal_pointer (&self);
}

gboolean
bf_import_report_add (BfImportReport *self, const BfImportRefusedRow *row, GError **error)
{
  g_autoptr (GString) reasons = g_string_new (NULL);
  g_autoptr (GString) kinds = g_string_new (NULL);
  gboolean seen[BF_IMPORT_N_REASONS] = { FALSE };
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, row->row);
  lxw_row_t at;

  g_return_val_if_fail (self != NULL && self->workbook != NULL, FALSE);

  if (self->rows + 1 >= LXW_ROW_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _ ("The report “%s” would have more rows than a sheet can hold."), self->path);
      return FALSE;
    }
  for (guint i = 0; i < row->problems->len; i++)
    {
      const BfImportProblem *problem = g_ptr_array_index (row->problems, i);

      if (reasons->len > 0)
        g_string_append_c (reasons, '\n');
      g_string_append (reasons, problem->message);
      if (!seen[problem->reason])
        {
          if (kinds->len > 0)
            g_string_append (kinds, _ ("; "));
          g_string_append (kinds, bf_import_reason_label (problem->reason));
        }
      seen[problem->reason] = TRUE;
    }
  at = (lxw_row_t) ++self->rows;
  put_text (self, at, 0, number, self->text_format);
  put_text (self, at, 1, reasons->str, self->wrap_format);
  put_text (self, at, 2, kinds->str, self->wrap_format);
  for (guint i = 0; i < row->n_cells && i + BF_IMPORT_REPORT_EXTRA_COLUMNS < LXW_COL_MAX; i++)
    put_text (self, at, i + BF_IMPORT_REPORT_EXTRA_COLUMNS, row->cells[i], self->text_format);
  return TRUE;
}

guint64
bf_import_report_get_rows (BfImportReport *self)
{
  return self->rows;
}

gboolean
bf_import_report_finish (BfImportReport *self, GError **error)
{
  lxw_error status;
  int fd;

  g_return_val_if_fail (self != NULL && self->workbook != NULL, FALSE);

  worksheet_autofilter (self->sheet, 0, 0, MAX (self->rows, 1), self->n_columns - 1);
  errno = 0;
  status = workbook_close (self->workbook);
  /* workbook_close() frees the workbook whatever happens. */
  self->workbook = NULL;
  if (status != LXW_NO_ERROR)
    {
      if (errno != 0)
        set_write_error (error, errno, self->path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Cannot write the report “%s”: %s"),
                     self->path, lxw_strerror (status));
      return FALSE;
    }
  fd = g_open (self->tmp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0 || g_rename (self->tmp_path, self->path) != 0)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      set_write_error (error, errsv, self->path);
      return FALSE;
    }
  close (fd);
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

void
bf_import_report_free (BfImportReport *self)
{
  if (self == NULL)
    return;
  if (self->workbook != NULL)
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
      lxw_workbook_free (self->workbook);
    }
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}
