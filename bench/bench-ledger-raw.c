/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for the ledger export: a plain libxlsxwriter loop that writes the cells of a
 * ledger logged by bench-ledger-record, with the same workbook options, formats, sheet scratch
 * buffers, column widths and deflate level, and nothing else (no register, no formatting of
 * values). What the export costs beyond this is its own work.
 *   bench-ledger-raw LOG OUT.xlsx
 * The log is mapped, so reading it costs next to nothing against writing the workbook. */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "bench-ledger-log.h"
#include "bf-ledger-deflate-private.h"

typedef struct
{
  const guint8 *p;
  const guint8 *end;
} Reader;

static void
take (Reader *r, void *out, size_t size)
{
  if ((size_t) (r->end - r->p) < size)
    g_error ("bench-ledger-raw: the log is cut short");
  memcpy (out, r->p, size);
  r->p += size;
}

static gint32
take_i32 (Reader *r)
{
  gint32 value;

  take (r, &value, sizeof value);
  return value;
}

static guint32
take_u32 (Reader *r)
{
  guint32 value;

  take (r, &value, sizeof value);
  return value;
}

static guint16
take_u16 (Reader *r)
{
  guint16 value;

  take (r, &value, sizeof value);
  return value;
}

static guint8
take_u8 (Reader *r)
{
  guint8 value;

  take (r, &value, sizeof value);
  return value;
}

static double
take_double (Reader *r)
{
  double value;

  take (r, &value, sizeof value);
  return value;
}

/* Valid until the next call: one buffer, grown as needed. */
static const char *
take_string (Reader *r)
{
  static GString *buffer;
  guint32 length = take_u32 (r);

  if (buffer == NULL)
    buffer = g_string_new (NULL);
  if ((size_t) (r->end - r->p) < length)
    g_error ("bench-ledger-raw: the log is cut short");
  g_string_truncate (buffer, 0);
  g_string_append_len (buffer, (const char *) r->p, length);
  r->p += length;
  return buffer->str;
}

typedef struct
{
  GPtrArray *sheets;
  GPtrArray *formats;
} Objects;

static lxw_worksheet *
sheet_at (Objects *o, gint32 index)
{
  if (index < 0 || (guint) index >= o->sheets->len)
    g_error ("bench-ledger-raw: no sheet %d", index);
  return g_ptr_array_index (o->sheets, index);
}

static lxw_format *
format_at (Objects *o, gint32 index)
{
  if (index < 0)
    return NULL;
  if ((guint) index >= o->formats->len)
    g_error ("bench-ledger-raw: no format %d", index);
  return g_ptr_array_index (o->formats, index);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autofree char *tmpdir = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook = NULL;
  Objects o = { g_ptr_array_new (), g_ptr_array_new () };
  Reader r;
  gint64 start, cells = 0;
  gboolean closed = FALSE;
  lxw_error status = LXW_NO_ERROR;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-ledger-raw LOG OUT.xlsx\n");
      return 2;
    }
  mapped = g_mapped_file_new (argv[1], FALSE, &error);
  if (mapped == NULL)
    g_error ("bench-ledger-raw: %s", error->message);
  r.p = (const guint8 *) g_mapped_file_get_contents (mapped);
  r.end = r.p + g_mapped_file_get_length (mapped);
  /* The export's scratch files go beside the destination. */
  tmpdir = g_path_get_dirname (argv[2]);

  start = g_get_monotonic_time ();
  while (r.p < r.end && !closed)
    {
      LogOp op = take_u8 (&r);
      gint32 sheet, format;
      guint32 row;
      guint16 col;

      switch (op)
        {
          case LOG_WORKBOOK:
            options.constant_memory = take_u8 (&r);
            options.use_zip64 = take_u8 (&r);
            options.tmpdir = tmpdir;
            workbook = workbook_new_opt (argv[2], &options);
            if (workbook == NULL)
              g_error ("bench-ledger-raw: cannot start %s", argv[2]);
            break;
          case LOG_SHEET:
            g_ptr_array_add (o.sheets, workbook_add_worksheet (workbook, take_string (&r)));
            break;
          case LOG_BUFFER:
            sheet = take_i32 (&r);
            setvbuf (sheet_at (&o, sheet)->optimize_tmpfile, NULL, _IOFBF, take_u32 (&r));
            break;
          case LOG_FORMAT:
            g_ptr_array_add (o.formats, workbook_add_format (workbook));
            break;
          case LOG_FORMAT_BOLD:
            format_set_bold (format_at (&o, take_i32 (&r)));
            break;
          case LOG_FORMAT_WRAP:
            format_set_text_wrap (format_at (&o, take_i32 (&r)));
            break;
          case LOG_FORMAT_SIZE:
            format = take_i32 (&r);
            format_set_font_size (format_at (&o, format), take_double (&r));
            break;
          case LOG_FORMAT_ALIGN:
            format = take_i32 (&r);
            format_set_align (format_at (&o, format), take_u8 (&r));
            break;
          case LOG_FORMAT_BORDER:
            format = take_i32 (&r);
            format_set_border (format_at (&o, format), take_u8 (&r));
            break;
          case LOG_FORMAT_COLOR:
            format = take_i32 (&r);
            format_set_bg_color (format_at (&o, format), (lxw_color_t) take_i32 (&r));
            break;
          case LOG_FORMAT_NUMBER:
            format = take_i32 (&r);
            format_set_num_format (format_at (&o, format), take_string (&r));
            break;
          case LOG_STRING:
          case LOG_NUMBER:
          case LOG_DATETIME:
          case LOG_FORMULA:
          case LOG_MERGE:
            sheet = take_i32 (&r);
            row = take_u32 (&r);
            col = take_u16 (&r);
            format = take_i32 (&r);
            cells++;
            if (op == LOG_STRING)
              worksheet_write_string (sheet_at (&o, sheet), row, col, take_string (&r),
                                      format_at (&o, format));
            else if (op == LOG_NUMBER)
              worksheet_write_number (sheet_at (&o, sheet), row, col, take_double (&r),
                                      format_at (&o, format));
            else if (op == LOG_DATETIME)
              {
                lxw_datetime datetime;

                datetime.year = take_i32 (&r);
                datetime.month = take_i32 (&r);
                datetime.day = take_i32 (&r);
                datetime.hour = take_i32 (&r);
                datetime.min = take_i32 (&r);
                datetime.sec = take_double (&r);
                worksheet_write_datetime (sheet_at (&o, sheet), row, col, &datetime,
                                          format_at (&o, format));
              }
            else if (op == LOG_FORMULA)
              {
                g_autofree char *formula = g_strdup (take_string (&r));

                worksheet_write_formula_num (sheet_at (&o, sheet), row, col, formula,
                                             format_at (&o, format), take_double (&r));
              }
            else
              {
                guint32 last_row = take_u32 (&r);
                guint16 last_col = take_u16 (&r);

                worksheet_merge_range (sheet_at (&o, sheet), row, col, last_row, last_col,
                                       take_string (&r), format_at (&o, format));
              }
            break;
          case LOG_COLUMN:
            {
              gint32 s = take_i32 (&r);
              guint16 first = take_u16 (&r), last = take_u16 (&r);
              double width = take_double (&r);

              worksheet_set_column (sheet_at (&o, s), first, last, width,
                                    format_at (&o, take_i32 (&r)));
            }
            break;
          case LOG_ROW:
            {
              gint32 s = take_i32 (&r);
              guint32 at = take_u32 (&r);
              double height = take_double (&r);

              worksheet_set_row (sheet_at (&o, s), at, height, format_at (&o, take_i32 (&r)));
            }
            break;
          case LOG_CLOSE:
            /* The export deflates at the same level. */
            _bf_ledger_deflate_fast (TRUE);
            status = workbook_close (workbook);
            _bf_ledger_deflate_fast (FALSE);
            closed = TRUE;
            break;
          default:
            g_error ("bench-ledger-raw: unknown record %d", op);
        }
    }
  if (!closed || status != LXW_NO_ERROR)
    {
      fprintf (stderr, "bench-ledger-raw: %s\n",
               closed ? lxw_strerror (status) : "the log has no end");
      return 1;
    }
  printf ("%" G_GINT64_FORMAT " cells on %u sheets in %.2f s\n", cells, o.sheets->len,
          (g_get_monotonic_time () - start) / 1e6);
  g_ptr_array_unref (o.sheets);
  g_ptr_array_unref (o.formats);
  return 0;
}
