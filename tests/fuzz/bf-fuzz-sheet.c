/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-fuzz-sheet.h"

#include <string.h>

#include "bf-sheet-reader.h"

/* Whatever the bytes, a reader gives rows or a GError with a message, never a crash, a critical
 * or an unbounded allocation. */
void
bf_fuzz_sheet (const guint8 *data, gsize size, gboolean csv)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (BfSheetReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  gboolean zip = size >= 2 && memcmp (data, "PK", 2) == 0;

  if (zip == csv)
    return;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  bytes = g_bytes_new (data, size);
  reader = bf_sheet_reader_open_bytes (bytes, csv ? "fuzz.csv" : "fuzz.xlsx", &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return;
    }
  for (guint i = 0; i < bf_sheet_reader_get_n_sheets (reader); i++)
    {
      const BfSheetRow *row;
      guint64 last = 0;

      g_clear_error (&error);
      if (!bf_sheet_reader_select_sheet (reader, i, &error))
        continue;
      while ((row = bf_sheet_reader_next_row (reader, &error)) != NULL)
        {
          g_assert (row->n_cells > 0 && row->n_cells <= BF_SHEET_MAX_COLUMNS);
          g_assert (row->number >= 1 && row->number <= BF_SHEET_MAX_ROWS);
          for (guint c = 0; c < row->n_cells; c++)
            {
              g_assert (row->cells[c].text != NULL && row->cells[c].raw != NULL);
              g_assert (g_utf8_validate (row->cells[c].text, -1, NULL));
            }
          g_assert (row->cells[row->n_cells - 1].kind != BF_CELL_EMPTY);
          last = row->number;
        }
      (void) last;
      (void) bf_sheet_reader_get_fraction (reader);
    }
}
