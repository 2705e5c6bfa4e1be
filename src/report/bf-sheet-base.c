/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the readers of every format share: the error domain, the reader's fields and its freeing,
 * the row being built, the message of a damaged file, serial dates. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bf-sheet-reader-private.h"

G_DEFINE_QUARK (bf - sheet - error - quark, bf_sheet_error)

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
_bf_sheet_reader_clear (BfSheetReader *self)
{
  g_free (self->display_name);
  g_ptr_array_unref (self->sheet_names);
  g_ptr_array_unref (self->builder.texts);
  g_ptr_array_unref (self->builder.raws);
  g_array_unref (self->builder.cells);
}

void
bf_sheet_reader_free (BfSheetReader *reader)
{
  if (reader == NULL)
    return;
  reader->klass->finalize (reader);
  _bf_sheet_reader_clear (reader);
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
