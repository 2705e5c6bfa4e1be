/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "bf-notice-page.h"
#include "bf-report-output-private.h"

/* The notice list on the page layer (bf-pages.h): its title, its text flowing line by line, the
 * table with its header on every page, the signature kept with the last row, and the footer with
 * the issuing body, supervision phone and date. The wording is the form's (see bf-page-text.c). */

#define TITLE_SIZE 18.0
#define TEXT_SIZE  11.5
#define TABLE_SIZE 10.5
#define GAP        10.0
#define PDF_MARGIN (20.0 / 25.4 * 72.0) /* 2 cm */

struct _BfNoticePages
{
  BfNoticeSheet *sheet; /* a reference: the caller keeps the sheet alive */
  double width;
  double height;
  BfPages *pages; /* rebuilt by every pagination */
};

BfNoticeRow *
bf_notice_row_new (void)
{
  return g_new0 (BfNoticeRow, 1);
}

void
bf_notice_row_free (BfNoticeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->village);
  g_free (row->group);
  g_free (row->head_name);
  g_free (row->masked_id);
  g_free (row->reason);
  g_free (row);
}

BfNoticeSheet *
bf_notice_sheet_new (void)
{
  BfNoticeSheet *sheet = g_new0 (BfNoticeSheet, 1);

  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_notice_row_free);
  return sheet;
}

void
bf_notice_sheet_free (BfNoticeSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->title);
  g_free (sheet->text);
  g_free (sheet->reason_heading);
  g_free (sheet->issuing_body);
  g_free (sheet->supervision_phone);
  g_free (sheet->date);
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
  g_free (sheet);
}

BfNoticePages *
bf_notice_pages_new (const BfNoticeSheet *sheet, double width, double height)
{
  BfNoticePages *pages;

  g_return_val_if_fail (sheet != NULL && sheet->rows != NULL, NULL);

  pages = g_new0 (BfNoticePages, 1);
  pages->sheet = (BfNoticeSheet *) sheet;
  pages->width = width;
  pages->height = height;
  return pages;
}

void
bf_notice_pages_free (BfNoticePages *pages)
{
  if (pages == NULL)
    return;
  bf_pages_free (pages->pages);
  g_free (pages);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
footer_text (const BfNoticeSheet *sheet)
{
  GString *text = g_string_new (NULL);

  if (has_text (sheet->issuing_body))
    g_string_append_printf (text, "发布单位：%s", sheet->issuing_body);
  if (has_text (sheet->supervision_phone))
    g_string_append_printf (text, "%s监督电话：%s", text->len > 0 ? "　　" : "",
                            sheet->supervision_phone);
  if (has_text (sheet->date))
    g_string_append_printf (text, "%s日期：%s", text->len > 0 ? "　　" : "", sheet->date);
  return g_string_free (text, FALSE);
}

static void
add_table (BfPages *pages, const BfNoticeSheet *sheet)
{
  static const BfTextStyle table_style = { TABLE_SIZE, FALSE, BF_ALIGN_CENTER, 0, 0 };
  gboolean id = sheet->show_masked_id;
  gboolean village = sheet->show_village;
  guint n_cols = 5 + (village ? 1 : 0) + (id ? 1 : 0);
  guint reason = n_cols - 1;
  BfTable *table = bf_pages_add_table (pages, n_cols, &table_style);

  /* Every column but the reason is as wide as its widest cell; the reason takes what is left. */
  for (guint c = 0; c < reason; c++)
    bf_table_set_column (table, c, 0, BF_ALIGN_CENTER);
  bf_table_set_column (table, reason, 1, BF_ALIGN_LEFT);

  bf_table_add_row (table, BF_ROW_HEADER);
  bf_table_add_cell (table, "序号", 1, 0);
  if (village)
    bf_table_add_cell (table, "行政村", 1, 0);
  bf_table_add_cell (table, "村民小组", 1, 0);
  bf_table_add_cell (table, "户主姓名", 1, 0);
  bf_table_add_cell (table, "家庭人口数", 1, 0);
  if (id)
    bf_table_add_cell (table, "身份证号", 1, 0);
  bf_table_add_cell (table, sheet->reason_heading != NULL ? sheet->reason_heading : "备注", 1, 0);

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      const BfNoticeRow *row = g_ptr_array_index (sheet->rows, r);
      char number[16], members[16];

      g_snprintf (number, sizeof number, "%u", r + 1);
      g_snprintf (members, sizeof members, "%d", row->member_count);
      /* The last row keeps the signature company. */
      bf_table_add_row (table, r + 1 == sheet->rows->len ? BF_ROW_KEEP_WITH_NEXT : 0);
      bf_table_add_cell (table, number, 1, 0);
      if (village)
        bf_table_add_cell (table, row->village, 1, 0);
      bf_table_add_cell (table, row->group, 1, 0);
      bf_table_add_cell (table, row->head_name, 1, 0);
      bf_table_add_cell (table, members, 1, 0);
      if (id)
        bf_table_add_cell (table, row->masked_id, 1, 0);
      bf_table_add_cell (table, row->reason, 1, 0);
    }
}

static BfPages *
build_pages (const BfNoticePages *notice)
{
  static const BfTextStyle title_style = { TITLE_SIZE, TRUE, BF_ALIGN_CENTER, 0, 0 };
  /* Chinese paragraphs start two characters in. */
  static const BfTextStyle text_style = { TEXT_SIZE, FALSE, BF_ALIGN_LEFT, 2 * TEXT_SIZE,
                                          TEXT_SIZE * 0.4 };
  static const BfTextStyle signature_style = { TEXT_SIZE, FALSE, BF_ALIGN_RIGHT, 0, 0 };
  const BfNoticeSheet *sheet = notice->sheet;
  BfPages *pages = bf_pages_new (notice->width, notice->height);
  g_autofree char *footer = footer_text (sheet);
  g_autofree char *signature = g_strdup_printf (
    "%s\n%s", sheet->issuing_body ? sheet->issuing_body : "", sheet->date ? sheet->date : "");

  bf_pages_set_footer (pages, footer);
  bf_pages_add_text (pages, sheet->title, &title_style, 0, 0);
  bf_pages_add_space (pages, GAP * 1.5);
  /* The text flows line by line, so that even a long paragraph breaks across pages. */
  bf_pages_add_text (pages, sheet->text, &text_style, 0, BF_BLOCK_SPLIT_LINES);
  bf_pages_add_space (pages, GAP);
  add_table (pages, sheet);
  bf_pages_add_text (pages, signature, &signature_style, GAP * 2, 0);
  return pages;
}

guint
bf_notice_pages_paginate (BfNoticePages *pages, cairo_t *cr)
{
  g_return_val_if_fail (pages != NULL && cr != NULL, 0);

  bf_pages_free (pages->pages);
  pages->pages = build_pages (pages);
  return bf_pages_paginate (pages->pages, cr);
}

void
bf_notice_pages_draw (BfNoticePages *pages, cairo_t *cr, guint page_nr)
{
  g_return_if_fail (pages != NULL && pages->pages != NULL);
  bf_pages_draw (pages->pages, cr, page_nr);
}

gboolean
bf_notice_sheet_write_pdf (const BfNoticeSheet *sheet,
                           const char *path,
                           guint *n_pages,
                           GError **error)
{
  g_autoptr (BfOutput) output = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (BfNoticePages) pages = NULL;
  guint count;

  g_return_val_if_fail (sheet != NULL && path != NULL, FALSE);

  if ((output = bf_output_new (path, error)) == NULL)
    return FALSE;
  surface = _bf_pdf_surface_new (output, BF_A4_WIDTH_PT, BF_A4_HEIGHT_PT);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  sheet->title ? sheet->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Bangfu " PACKAGE_VERSION);
  cairo_translate (cr, PDF_MARGIN, PDF_MARGIN);

  pages =
    bf_notice_pages_new (sheet, BF_A4_WIDTH_PT - 2 * PDF_MARGIN, BF_A4_HEIGHT_PT - 2 * PDF_MARGIN);
  count = bf_notice_pages_paginate (pages, cr);
  g_debug ("rendering %u notice rows on %u pages to %s", sheet->rows->len, count, path);
  for (guint p = 0; p < count; p++)
    {
      bf_notice_pages_draw (pages, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  if (!_bf_pdf_surface_finish (surface, output, error) ||
      !bf_output_commit (output, NULL, NULL, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = count;
  return TRUE;
}
