/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bf-sheet-reader-private.h"

G_DEFINE_QUARK (bf - sheet - error - quark, bf_sheet_error)

#define SNIFF_BYTES 4096

static void
free_gstring (gpointer string)
{
  g_string_free (string, TRUE);
}

void
_bf_sheet_reader_init (BfSheetReader *self,
                       const BfSheetReaderClass *klass,
                       BfSheetFormat format,
                       const char *display_name)
{
  self->klass = klass;
  self->format = format;
  self->encoding = BF_SHEET_ENCODING_UTF8;
  self->display_name = g_strdup (display_name);
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  self->current = -1;
  self->builder.texts = g_ptr_array_new_with_free_func (free_gstring);
  self->builder.raws = g_ptr_array_new_with_free_func (free_gstring);
  self->builder.cells = g_array_new (FALSE, TRUE, sizeof (BfSheetCell));
}

void
bf_sheet_reader_free (BfSheetReader *reader)
{
  if (reader == NULL)
    return;
  reader->klass->finalize (reader);
  g_free (reader->display_name);
  g_ptr_array_unref (reader->sheet_names);
  g_ptr_array_unref (reader->builder.texts);
  g_ptr_array_unref (reader->builder.raws);
  g_array_unref (reader->builder.cells);
  g_free (reader);
}

/* ---- Rows ---- */

void
_bf_sheet_row_begin (BfSheetRowBuilder *builder, guint64 number)
{
  builder->n_cells = 0;
  builder->row.number = number;
}

void
_bf_sheet_row_set (BfSheetRowBuilder *builder,
                   guint col,
                   BfCellKind kind,
                   const char *text,
                   gssize text_len,
                   const char *raw)
{
  BfSheetCell *cell;
  GString *string;

  g_return_if_fail (col < BF_SHEET_MAX_COLUMNS);
  if (text_len < 0)
    text_len = strlen (text);
  if (kind == BF_CELL_EMPTY || text_len == 0)
    {
      /* A cell without text neither widens the row nor shifts the columns. A column given twice
       * (a damaged file) ends up empty. */
      if (col < builder->n_cells)
        g_array_index (builder->cells, BfSheetCell, col).kind = BF_CELL_EMPTY;
      return;
    }
  while (builder->texts->len <= col)
    {
      g_ptr_array_add (builder->texts, g_string_sized_new (16));
      g_ptr_array_add (builder->raws, g_string_sized_new (0));
    }
  if (builder->cells->len <= col)
    g_array_set_size (builder->cells, col + 1);
  /* Columns skipped since the last cell set are empty. */
  for (guint i = builder->n_cells; i < col; i++)
    g_array_index (builder->cells, BfSheetCell, i).kind = BF_CELL_EMPTY;
  if (col >= builder->n_cells)
    builder->n_cells = col + 1;

  cell = &g_array_index (builder->cells, BfSheetCell, col);
  cell->kind = kind;
  string = g_ptr_array_index (builder->texts, col);
  g_string_truncate (string, 0);
  g_string_append_len (string, text, text_len);
  string = g_ptr_array_index (builder->raws, col);
  g_string_truncate (string, 0);
  if (raw != NULL)
    g_string_append (string, raw);
}

const BfSheetRow *
_bf_sheet_row_end (BfSheetRowBuilder *builder)
{
  BfSheetCell *cells = (BfSheetCell *) (gpointer) builder->cells->data;

  /* Trailing cells that were set and then turned out empty do not count. */
  while (builder->n_cells > 0 &&
         (cells[builder->n_cells - 1].kind == BF_CELL_EMPTY ||
          ((GString *) g_ptr_array_index (builder->texts, builder->n_cells - 1))->len == 0))
    builder->n_cells--;
  if (builder->n_cells == 0)
    return NULL;
  for (guint i = 0; i < builder->n_cells; i++)
    {
      GString *text = g_ptr_array_index (builder->texts, i);
      GString *raw = g_ptr_array_index (builder->raws, i);

      if (cells[i].kind == BF_CELL_EMPTY || text->len == 0)
        {
          cells[i].kind = BF_CELL_EMPTY;
          cells[i].text = "";
          cells[i].raw = "";
          continue;
        }
      cells[i].text = text->str;
      cells[i].raw = cells[i].kind == BF_CELL_DATE && raw->len > 0 ? raw->str : text->str;
    }
  builder->row.n_cells = builder->n_cells;
  builder->row.cells = cells;
  return &builder->row;
}

void
_bf_sheet_set_damaged (BfSheetReader *self, GError **error, const char *detail)
{
  /* TRANSLATORS: "“名单.xlsx” is damaged (sheet “Sheet1”, row 12: not well-formed): open it …" */
  g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_DAMAGED,
               _ ("“%s” is damaged (%s): open it in Excel or WPS, save it again and import the "
                  "saved copy."),
               self->display_name, detail);
}

/* ---- Opening ---- */

static gboolean
has_prefix (const guint8 *data, gsize size, const char *prefix, gsize prefix_len)
{
  return size >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* Recognises the format from the first bytes; sets @error for what is no spreadsheet of ours. */
static gboolean
sniff (const guint8 *data, gsize size, const char *name, gboolean *xlsx, GError **error)
{
  *xlsx = FALSE;
  if (has_prefix (data, size, "PK\x03\x04", 4) || has_prefix (data, size, "PK\x05\x06", 4))
    {
      *xlsx = TRUE;
      return TRUE;
    }
  if (has_prefix (data, size, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    {
      g_set_error (
        error, BF_SHEET_ERROR, BF_SHEET_ERROR_UNSUPPORTED,
        _ ("“%s” is an Excel 97–2003 workbook (.xls) or a workbook protected by a password. Open "
           "it in Excel or WPS, remove any password and save it as an Excel workbook (.xlsx)."),
        name);
      return FALSE;
    }
  if (has_prefix (data, size, "%PDF", 4) || has_prefix (data, size, "\x1f\x8b", 2) ||
      has_prefix (data, size, "Rar!", 4) || has_prefix (data, size, "7z\xbc\xaf", 4) ||
      has_prefix (data, size, "{\\rtf", 5))
    goto unsupported;
  /* Text, unless it has NUL bytes where UTF-16 cannot explain them. */
  if (size > 0 && !has_prefix (data, size, "\xff\xfe", 2) &&
      !has_prefix (data, size, "\xfe\xff", 2) &&
      memchr (data, '\0', MIN (size, SNIFF_BYTES)) != NULL)
    goto unsupported;
  return TRUE;

unsupported:
  g_set_error (
    error, BF_SHEET_ERROR, BF_SHEET_ERROR_UNSUPPORTED,
    _ ("“%s” is not a spreadsheet that can be imported: choose an Excel workbook (.xlsx) "
       "or a CSV file."),
    name);
  return FALSE;
}

BfSheetReader *
bf_sheet_reader_open (const char *path, GError **error)
{
  g_autofree char *name = NULL;
  guint8 head[SNIFF_BYTES];
  gboolean xlsx;
  gssize got;
  int fd, errsv;

  g_return_val_if_fail (path != NULL, NULL);
  name = g_filename_display_basename (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      errsv = errno;
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_OPEN, _ ("Could not open “%s”: %s"), name,
                   g_strerror (errsv));
      return NULL;
    }
  do
    got = read (fd, head, sizeof head);
  while (got < 0 && errno == EINTR);
  errsv = errno;
  close (fd);
  if (got < 0)
    {
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_OPEN, _ ("Could not read “%s”: %s"), name,
                   g_strerror (errsv));
      return NULL;
    }
  if (!sniff (head, got, name, &xlsx, error))
    return NULL;
  return xlsx ? _bf_sheet_xlsx_open (NULL, path, name, error)
              : _bf_sheet_csv_open (NULL, path, name, error);
}

BfSheetReader *
bf_sheet_reader_open_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gboolean xlsx;

  g_return_val_if_fail (bytes != NULL && display_name != NULL, NULL);
  if (!sniff (data, size, display_name, &xlsx, error))
    return NULL;
  return xlsx ? _bf_sheet_xlsx_open (bytes, NULL, display_name, error)
              : _bf_sheet_csv_open (bytes, NULL, display_name, error);
}

/* ---- Accessors ---- */

BfSheetFormat
bf_sheet_reader_get_format (BfSheetReader *reader)
{
  return reader->format;
}

BfSheetEncoding
bf_sheet_reader_get_encoding (BfSheetReader *reader)
{
  return reader->encoding;
}

gboolean
bf_sheet_reader_get_date1904 (BfSheetReader *reader)
{
  return reader->date1904;
}

guint
bf_sheet_reader_get_n_sheets (BfSheetReader *reader)
{
  return reader->sheet_names->len;
}

const char *
bf_sheet_reader_get_sheet_name (BfSheetReader *reader, guint index)
{
  g_return_val_if_fail (index < reader->sheet_names->len, NULL);
  return g_ptr_array_index (reader->sheet_names, index);
}

int
bf_sheet_reader_find_sheet (BfSheetReader *reader, const char *name)
{
  for (guint i = 0; i < reader->sheet_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (reader->sheet_names, i), name) == 0)
      return (int) i;
  return -1;
}

gboolean
bf_sheet_reader_select_sheet (BfSheetReader *reader, guint index, GError **error)
{
  if (index >= reader->sheet_names->len)
    {
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_NO_SHEET,
                   _ ("“%s” has no sheet number %u."), reader->display_name, index + 1);
      return FALSE;
    }
  reader->current = -1;
  if (!reader->klass->select_sheet (reader, index, error))
    return FALSE;
  reader->current = (int) index;
  return TRUE;
}

const BfSheetRow *
bf_sheet_reader_next_row (BfSheetReader *reader, GError **error)
{
  if (reader->current < 0)
    return NULL;
  return reader->klass->next_row (reader, error);
}

double
bf_sheet_reader_get_fraction (BfSheetReader *reader)
{
  if (reader->current < 0)
    return 0.0;
  return CLAMP (reader->klass->get_fraction (reader), 0.0, 1.0);
}

/* ---- Serial dates ---- */

/* 9999-12-31 in the 1900 system: Excel's last date. */
#define MAX_SERIAL_1900 2958465.0

gboolean
bf_sheet_serial_to_date (double serial, gboolean date1904, GDate *date)
{
  double day = floor (serial);

  g_date_clear (date, 1);
  if (!isfinite (serial))
    return FALSE;
  if (date1904)
    {
      if (day < 0 || day > MAX_SERIAL_1900 - 1462)
        return FALSE;
      g_date_set_dmy (date, 1, G_DATE_JANUARY, 1904);
    }
  else
    {
      /* Lotus 1-2-3 counted 1900 as a leap year and Excel kept the bug: serial 60 is the 29th of
       * February 1900, which never was, and every later serial is one day ahead. */
      if (day < 1 || day == 60 || day > MAX_SERIAL_1900)
        return FALSE;
      g_date_set_dmy (date, 31, G_DATE_DECEMBER, 1899);
      if (day > 60)
        day -= 1;
    }
  g_date_add_days (date, (guint) day);
  return TRUE;
}

char *
bf_sheet_column_name (guint index)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  do
    {
      buffer[--i] = (char) ('A' + index % 26);
      index = index / 26;
    }
  while (index-- > 0 && i > 0);
  return g_strdup (buffer + i);
}
