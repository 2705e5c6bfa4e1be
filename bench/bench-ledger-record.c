/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the ledger export once and logs every libxlsxwriter call that makes the workbook's cells
 * and settings (bench-ledger-log.h), for bench-ledger-raw to replay:
 *   bench-ledger-record REGISTER YEAR QUARTER OUT.xlsx LOG
 * The program is linked with --wrap for each call logged (bench/meson.build), so the export is
 * the product's code unchanged; its time here is not measured. */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include "bench-ledger-log.h"
#include "bf-ledger.h"

static FILE *log_file;
static GHashTable *sheets;  /* lxw_worksheet * -> index + 1 */
static GHashTable *formats; /* lxw_format * -> index + 1 */

static void
put (const void *data, size_t size)
{
  if (fwrite (data, 1, size, log_file) != size)
    g_error ("bench-ledger-record: cannot write the log");
}

static void
put_op (LogOp op)
{
  guint8 byte = op;

  put (&byte, 1);
}

static void
put_string (const char *text)
{
  guint32 length = text != NULL ? (guint32) strlen (text) : 0;

  put (&length, sizeof length);
  put (text, length);
}

static gint32
index_of (GHashTable *table, gconstpointer key)
{
  return key != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (table, key)) - 1 : -1;
}

static gint32
add_index (GHashTable *table, gpointer key)
{
  gint32 index = (gint32) g_hash_table_size (table);

  g_hash_table_insert (table, key, GINT_TO_POINTER (index + 1));
  return index;
}

static void
put_i32 (gint32 value)
{
  put (&value, sizeof value);
}

static void
put_double (double value)
{
  put (&value, sizeof value);
}

static void
put_cell (LogOp op, lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, lxw_format *format)
{
  guint32 r = row;
  guint16 c = col;

  put_op (op);
  put_i32 (index_of (sheets, sheet));
  put (&r, sizeof r);
  put (&c, sizeof c);
  put_i32 (index_of (formats, format));
}

/* ---- The wrapped calls ---- */

lxw_workbook *__real_workbook_new_opt (const char *filename, lxw_workbook_options *options);
lxw_worksheet *__real_workbook_add_worksheet (lxw_workbook *workbook, const char *name);
lxw_format *__real_workbook_add_format (lxw_workbook *workbook);
int __real_setvbuf (FILE *stream, char *buffer, int mode, size_t size);
void __real_format_set_bold (lxw_format *format);
void __real_format_set_font_size (lxw_format *format, double size);
void __real_format_set_align (lxw_format *format, uint8_t align);
void __real_format_set_text_wrap (lxw_format *format);
void __real_format_set_border (lxw_format *format, uint8_t style);
void __real_format_set_bg_color (lxw_format *format, lxw_color_t color);
void __real_format_set_num_format (lxw_format *format, const char *num_format);
lxw_error __real_worksheet_write_string (lxw_worksheet *sheet,
                                         lxw_row_t row,
                                         lxw_col_t col,
                                         const char *text,
                                         lxw_format *format);
lxw_error __real_worksheet_write_number (lxw_worksheet *sheet,
                                         lxw_row_t row,
                                         lxw_col_t col,
                                         double number,
                                         lxw_format *format);
lxw_error __real_worksheet_write_datetime (lxw_worksheet *sheet,
                                           lxw_row_t row,
                                           lxw_col_t col,
                                           lxw_datetime *datetime,
                                           lxw_format *format);
lxw_error __real_worksheet_write_formula_num (lxw_worksheet *sheet,
                                              lxw_row_t row,
                                              lxw_col_t col,
                                              const char *formula,
                                              lxw_format *format,
                                              double result);
lxw_error __real_worksheet_merge_range (lxw_worksheet *sheet,
                                        lxw_row_t first_row,
                                        lxw_col_t first_col,
                                        lxw_row_t last_row,
                                        lxw_col_t last_col,
                                        const char *text,
                                        lxw_format *format);
lxw_error __real_worksheet_set_column (lxw_worksheet *sheet,
                                       lxw_col_t first,
                                       lxw_col_t last,
                                       double width,
                                       lxw_format *format);
lxw_error
__real_worksheet_set_row (lxw_worksheet *sheet, lxw_row_t row, double height, lxw_format *format);
lxw_error __real_workbook_close (lxw_workbook *workbook);

lxw_workbook *
__wrap_workbook_new_opt (const char *filename, lxw_workbook_options *options)
{
  guint8 flags[2] = { options->constant_memory, options->use_zip64 };

  put_op (LOG_WORKBOOK);
  put (flags, sizeof flags);
  return __real_workbook_new_opt (filename, options);
}

lxw_worksheet *
__wrap_workbook_add_worksheet (lxw_workbook *workbook, const char *name)
{
  lxw_worksheet *sheet = __real_workbook_add_worksheet (workbook, name);

  add_index (sheets, sheet);
  put_op (LOG_SHEET);
  put_string (name);
  return sheet;
}

lxw_format *
__wrap_workbook_add_format (lxw_workbook *workbook)
{
  lxw_format *format = __real_workbook_add_format (workbook);

  add_index (formats, format);
  put_op (LOG_FORMAT);
  return format;
}

/* The export enlarges the buffer of each sheet's scratch file: found by its FILE. */
int
__wrap_setvbuf (FILE *stream, char *buffer, int mode, size_t size)
{
  GHashTableIter iter;
  gpointer sheet, index;

  g_hash_table_iter_init (&iter, sheets);
  while (g_hash_table_iter_next (&iter, &sheet, &index))
    if (((lxw_worksheet *) sheet)->optimize_tmpfile == stream)
      {
        guint32 n = (guint32) size;

        put_op (LOG_BUFFER);
        put_i32 (GPOINTER_TO_INT (index) - 1);
        put (&n, sizeof n);
      }
  return __real_setvbuf (stream, buffer, mode, size);
}

#define WRAP_FORMAT(name, op)                                                                      \
  void __wrap_format_set_##name (lxw_format *format)                                               \
  {                                                                                                \
    put_op (op);                                                                                   \
    put_i32 (index_of (formats, format));                                                          \
    __real_format_set_##name (format);                                                             \
  }
WRAP_FORMAT (bold, LOG_FORMAT_BOLD)
WRAP_FORMAT (text_wrap, LOG_FORMAT_WRAP)
#undef WRAP_FORMAT

void
__wrap_format_set_font_size (lxw_format *format, double size)
{
  put_op (LOG_FORMAT_SIZE);
  put_i32 (index_of (formats, format));
  put_double (size);
  __real_format_set_font_size (format, size);
}

void
__wrap_format_set_align (lxw_format *format, uint8_t align)
{
  put_op (LOG_FORMAT_ALIGN);
  put_i32 (index_of (formats, format));
  put (&align, 1);
  __real_format_set_align (format, align);
}

void
__wrap_format_set_border (lxw_format *format, uint8_t style)
{
  put_op (LOG_FORMAT_BORDER);
  put_i32 (index_of (formats, format));
  put (&style, 1);
  __real_format_set_border (format, style);
}

void
__wrap_format_set_bg_color (lxw_format *format, lxw_color_t color)
{
  put_op (LOG_FORMAT_COLOR);
  put_i32 (index_of (formats, format));
  put_i32 ((gint32) color);
  __real_format_set_bg_color (format, color);
}

void
__wrap_format_set_num_format (lxw_format *format, const char *num_format)
{
  put_op (LOG_FORMAT_NUMBER);
  put_i32 (index_of (formats, format));
  put_string (num_format);
  __real_format_set_num_format (format, num_format);
}

lxw_error
__wrap_worksheet_write_string (lxw_worksheet *sheet,
                               lxw_row_t row,
                               lxw_col_t col,
                               const char *text,
                               lxw_format *format)
{
  put_cell (LOG_STRING, sheet, row, col, format);
  put_string (text);
  return __real_worksheet_write_string (sheet, row, col, text, format);
}

lxw_error
__wrap_worksheet_write_number (lxw_worksheet *sheet,
                               lxw_row_t row,
                               lxw_col_t col,
                               double number,
                               lxw_format *format)
{
  put_cell (LOG_NUMBER, sheet, row, col, format);
  put_double (number);
  return __real_worksheet_write_number (sheet, row, col, number, format);
}

lxw_error
__wrap_worksheet_write_datetime (lxw_worksheet *sheet,
                                 lxw_row_t row,
                                 lxw_col_t col,
                                 lxw_datetime *datetime,
                                 lxw_format *format)
{
  put_cell (LOG_DATETIME, sheet, row, col, format);
  put_i32 (datetime->year);
  put_i32 (datetime->month);
  put_i32 (datetime->day);
  put_i32 (datetime->hour);
  put_i32 (datetime->min);
  put_double (datetime->sec);
  return __real_worksheet_write_datetime (sheet, row, col, datetime, format);
}

lxw_error
__wrap_worksheet_write_formula_num (lxw_worksheet *sheet,
                                    lxw_row_t row,
                                    lxw_col_t col,
                                    const char *formula,
                                    lxw_format *format,
                                    double result)
{
  put_cell (LOG_FORMULA, sheet, row, col, format);
  put_string (formula);
  put_double (result);
  return __real_worksheet_write_formula_num (sheet, row, col, formula, format, result);
}

lxw_error
__wrap_worksheet_merge_range (lxw_worksheet *sheet,
                              lxw_row_t first_row,
                              lxw_col_t first_col,
                              lxw_row_t last_row,
                              lxw_col_t last_col,
                              const char *text,
                              lxw_format *format)
{
  guint32 r = last_row;
  guint16 c = last_col;

  put_cell (LOG_MERGE, sheet, first_row, first_col, format);
  put (&r, sizeof r);
  put (&c, sizeof c);
  put_string (text);
  return __real_worksheet_merge_range (sheet, first_row, first_col, last_row, last_col, text,
                                       format);
}

lxw_error
__wrap_worksheet_set_column (lxw_worksheet *sheet,
                             lxw_col_t first,
                             lxw_col_t last,
                             double width,
                             lxw_format *format)
{
  guint16 cols[2] = { first, last };

  put_op (LOG_COLUMN);
  put_i32 (index_of (sheets, sheet));
  put (cols, sizeof cols);
  put_double (width);
  put_i32 (index_of (formats, format));
  return __real_worksheet_set_column (sheet, first, last, width, format);
}

lxw_error
__wrap_worksheet_set_row (lxw_worksheet *sheet, lxw_row_t row, double height, lxw_format *format)
{
  guint32 r = row;

  put_op (LOG_ROW);
  put_i32 (index_of (sheets, sheet));
  put (&r, sizeof r);
  put_double (height);
  put_i32 (index_of (formats, format));
  return __real_worksheet_set_row (sheet, row, height, format);
}

lxw_error
__wrap_workbook_close (lxw_workbook *workbook)
{
  put_op (LOG_CLOSE);
  return __real_workbook_close (workbook);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  BfLedgerOptions options = { 0 };
  BfLedgerResult result;

  if (argc != 6)
    {
      fprintf (stderr, "usage: bench-ledger-record REGISTER YEAR QUARTER OUT.xlsx LOG\n");
      return 2;
    }
  log_file = fopen (argv[5], "wb");
  if (log_file == NULL)
    g_error ("bench-ledger-record: cannot create %s", argv[5]);
  sheets = g_hash_table_new (NULL, NULL);
  formats = g_hash_table_new (NULL, NULL);
  setvbuf (log_file, NULL, _IOFBF, 1 << 20);
  options.register_path = argv[1];
  options.year = atoi (argv[2]);
  options.quarter = atoi (argv[3]);
  options.operator_name = "bench";
  if (!bf_ledger_write (&options, argv[4], NULL, NULL, NULL, &result, &error))
    {
      fprintf (stderr, "bench-ledger-record: %s\n", error->message);
      return 1;
    }
  if (fclose (log_file) != 0)
    g_error ("bench-ledger-record: cannot write %s", argv[5]);
  printf ("%" G_GINT64_FORMAT " rows on %u sheets logged\n", result.total_rows, result.n_sheets);
  return 0;
}
