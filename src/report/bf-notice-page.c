/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "bf-notice-page.h"

/* The printed notice is a Chinese administrative form posted on village boards: its fixed wording
 * (column headings, footer) is the form's, whatever language the caseworker's desktop runs in, so
 * it does not go through gettext.
 *
 * The face is WenQuanYi Micro Hei (fonts-wqy-microhei), a Simplified Chinese sans with TrueType
 * outlines. Noto Sans CJK SC, the desktop's face, has CFF outlines, and cairo 1.16's (Debian 12)
 * CFF subsetter writes some of its glyphs into a PDF blank, depending on the other characters in
 * the subset (it appears to lose the subroutines they call): 如 printed blank alone, on 7 of 100
 * random 40-character sheets, and among the notice's wording and names. cairo's TrueType subsetter
 * has no such step: every GB 2312 hanzi (6,763) and 100 random sheets printed with Micro Hei, each
 * glyph with the ink cairo draws on screen, and pdffonts and pdftotext read the face and the text
 * back. (Until then the sheet drew glyph outlines through a cairo user font, Type 3.) Micro Hei has
 * no bold: fontconfig emboldens it and cairo then embeds the emboldened outlines as a font of its
 * own (CairoFont-N-N), which is sound. Noto Sans CJK SC stays as the fallback where Micro Hei is
 * not installed. */
#define FONT_FAMILY "WenQuanYi Micro Hei, Noto Sans CJK SC"

#define TITLE_SIZE  18.0
#define TEXT_SIZE   11.5
#define TABLE_SIZE  10.5
#define FOOTER_SIZE 9.0
#define CELL_PAD    4.0 /* inside each cell, all sides */
#define GAP         10.0
#define PDF_MARGIN  (20.0 / 25.4 * 72.0) /* 2 cm */

typedef enum
{
  COL_NUMBER,
  COL_VILLAGE,
  COL_GROUP,
  COL_HEAD,
  COL_MEMBERS,
  COL_ID,
  COL_REASON,
  N_COLS
} Col;

/* Every column but the reason is as wide as its widest cell; the reason takes what is left. */
static const char *const headings[N_COLS] = {
  [COL_NUMBER] = "序号",   [COL_VILLAGE] = "行政村",     [COL_GROUP] = "村民小组",
  [COL_HEAD] = "户主姓名", [COL_MEMBERS] = "家庭人口数", [COL_ID] = "身份证号",
  [COL_REASON] = NULL,
};

/* Where each block goes: pages are lists of blocks with their y offsets. */
typedef enum
{
  BLOCK_TITLE,
  BLOCK_TEXT_LINE, /* index: line of the text layout */
  BLOCK_HEADER,
  BLOCK_ROW, /* index: row */
  BLOCK_SIGNATURE,
} BlockKind;

typedef struct
{
  BlockKind kind;
  guint index;
  double y;
  double height;
} Block;

struct _BfNoticePages
{
  BfNoticeSheet *sheet; /* a reference: the caller keeps the sheet alive */
  double width;
  double height;
  double body_height; /* above the footer */
  guint n_cols;
  Col cols[N_COLS];
  double col_width[N_COLS];
  PangoContext *context;
  PangoLayout *title;
  PangoLayout *text;
  PangoLayout *cell; /* reused for every cell */
  double header_height;
  double *row_height;
  GArray *blocks;     /* Block */
  GArray *page_start; /* guint: first block of each page, plus the end */
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
  BfNoticePages *pages = g_new0 (BfNoticePages, 1);

  g_return_val_if_fail (sheet != NULL && sheet->rows != NULL, NULL);

  pages->sheet = (BfNoticeSheet *) sheet;
  pages->width = width;
  pages->height = height;
  pages->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  pages->page_start = g_array_new (FALSE, FALSE, sizeof (guint));

  for (Col c = 0; c < N_COLS; c++)
    {
      if ((c == COL_VILLAGE && !sheet->show_village) || (c == COL_ID && !sheet->show_masked_id))
        continue;
      pages->cols[pages->n_cols++] = c;
    }
  return pages;
}

void
bf_notice_pages_free (BfNoticePages *pages)
{
  if (pages == NULL)
    return;
  g_clear_object (&pages->title);
  g_clear_object (&pages->text);
  g_clear_object (&pages->cell);
  g_clear_object (&pages->context);
  g_free (pages->row_height);
  g_array_unref (pages->blocks);
  g_array_unref (pages->page_start);
  g_free (pages);
}

static PangoLayout *
new_layout (PangoContext *context, double size, gboolean bold, double width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Simplified Chinese glyph forms (not the Japanese ones Pango would pick for CJK otherwise), and
 * unhinted metrics so that the pages laid out are the pages drawn, on any surface. */
static PangoContext *
new_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  /* Coordinates are points, on a PDF surface as on GtkPrintOperation's pages (GTK_UNIT_POINTS). */
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

/* Draws @line, or @layout, with its origin (top left of the layout, or the line's baseline start)
 * at the current point. */
static void
show_text (cairo_t *cr, PangoLayout *layout, PangoLayoutLine *line)
{
  if (line != NULL)
    pango_cairo_show_layout_line (cr, line);
  else
    pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static const char *
cell_text (const BfNoticePages *pages, Col col, guint row_nr, char number[16])
{
  const BfNoticeRow *row;

  if (row_nr == G_MAXUINT)
    {
      if (col == COL_REASON)
        return pages->sheet->reason_heading != NULL ? pages->sheet->reason_heading : "备注";
      return headings[col];
    }
  row = g_ptr_array_index (pages->sheet->rows, row_nr);
  switch (col)
    {
      case COL_NUMBER:
        g_snprintf (number, 16, "%u", row_nr + 1);
        return number;
      case COL_VILLAGE:
        return row->village;
      case COL_GROUP:
        return row->group;
      case COL_HEAD:
        return row->head_name;
      case COL_MEMBERS:
        g_snprintf (number, 16, "%d", row->member_count);
        return number;
      case COL_ID:
        return row->masked_id;
      case COL_REASON:
        return row->reason;
      case N_COLS:
      default:
        g_assert_not_reached ();
    }
  return NULL;
}

/* Lays out one cell in the shared cell layout; @row_nr G_MAXUINT is the header row. */
static void
set_cell (BfNoticePages *pages, Col col, guint row_nr)
{
  char number[16];
  const char *text = cell_text (pages, col, row_nr, number);

  pango_layout_set_width (pages->cell,
                          (int) ((pages->col_width[col] - 2 * CELL_PAD) * PANGO_SCALE));
  pango_layout_set_alignment (
    pages->cell, col == COL_REASON && row_nr != G_MAXUINT ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
  pango_layout_set_text (pages->cell, text != NULL ? text : "", -1);
}

static void
set_cell_font (BfNoticePages *pages, gboolean bold)
{
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (TABLE_SIZE * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pages->cell, font);
}

/* Sets the columns' widths from their widest cells (the header row included). */
static void
measure_columns (BfNoticePages *pages)
{
  double natural[N_COLS] = { 0 };
  double fixed = 0, scale;
  guint n_rows = pages->sheet->rows->len;

  pango_layout_set_width (pages->cell, -1);
  for (guint i = 0; i < pages->n_cols; i++)
    {
      Col col = pages->cols[i];
      char number[16];
      int width;

      if (col == COL_REASON)
        continue;
      set_cell_font (pages, TRUE);
      for (guint r = 0; r <= n_rows; r++)
        {
          const char *text = cell_text (pages, col, r == 0 ? G_MAXUINT : r - 1, number);

          pango_layout_set_text (pages->cell, text != NULL ? text : "", -1);
          pango_layout_get_size (pages->cell, &width, NULL);
          natural[col] = MAX (natural[col], (double) width / PANGO_SCALE);
          if (r == 0)
            set_cell_font (pages, FALSE);
        }
      natural[col] += 2 * CELL_PAD + 1;
      fixed += natural[col];
    }
  /* The reason column keeps at least a third of the width: on narrow paper, or with very long
   * names, the other columns shrink in proportion and wrap. */
  scale = MIN (1.0, (pages->width * 2.0 / 3.0) / MAX (fixed, 1));
  for (guint i = 0; i < pages->n_cols; i++)
    {
      Col col = pages->cols[i];

      pages->col_width[col] =
        col == COL_REASON ? pages->width - fixed * scale : natural[col] * scale;
    }
}

static double
row_height (BfNoticePages *pages, guint row_nr)
{
  double height = 0;

  for (guint i = 0; i < pages->n_cols; i++)
    {
      set_cell (pages, pages->cols[i], row_nr);
      height = MAX (height, layout_height (pages->cell));
    }
  return height + 2 * CELL_PAD;
}

static PangoLayout *
footer_layout (BfNoticePages *pages, guint page_nr, guint n_pages)
{
  const BfNoticeSheet *sheet = pages->sheet;
  PangoLayout *layout = new_layout (pages->context, FOOTER_SIZE, FALSE, pages->width);
  g_autoptr (GString) text = g_string_new (NULL);

  if (sheet->issuing_body != NULL && *sheet->issuing_body != '\0')
    g_string_append_printf (text, "发布单位：%s", sheet->issuing_body);
  if (sheet->supervision_phone != NULL && *sheet->supervision_phone != '\0')
    g_string_append_printf (text, "%s监督电话：%s", text->len > 0 ? "　　" : "",
                            sheet->supervision_phone);
  if (sheet->date != NULL && *sheet->date != '\0')
    g_string_append_printf (text, "%s日期：%s", text->len > 0 ? "　　" : "", sheet->date);
  g_string_append_printf (text, "\n第 %u 页 共 %u 页", page_nr + 1, n_pages);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text->str, -1);
  return layout;
}

static PangoLayout *
signature_layout (BfNoticePages *pages)
{
  const BfNoticeSheet *sheet = pages->sheet;
  PangoLayout *layout = new_layout (pages->context, TEXT_SIZE, FALSE, pages->width);
  g_autofree char *text = g_strdup_printf ("%s\n%s", sheet->issuing_body ? sheet->issuing_body : "",
                                           sheet->date ? sheet->date : "");

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
add_block (BfNoticePages *pages, BlockKind kind, guint index, double y, double height)
{
  Block block = { kind, index, y, height };

  g_array_append_val (pages->blocks, block);
}

static void
new_page (BfNoticePages *pages, double *y)
{
  guint start = pages->blocks->len;

  g_array_append_val (pages->page_start, start);
  *y = 0;
}

guint
bf_notice_pages_paginate (BfNoticePages *pages, cairo_t *cr)
{
  const BfNoticeSheet *sheet = pages->sheet;
  guint n_rows = sheet->rows->len;
  g_autoptr (PangoLayout) footer = NULL;
  g_autoptr (PangoLayout) signature = NULL;
  PangoLayoutIter *iter;
  double y, signature_height;
  guint line = 0;
  guint end;

  g_return_val_if_fail (pages != NULL && cr != NULL, 0);

  g_clear_object (&pages->title);
  g_clear_object (&pages->text);
  g_clear_object (&pages->cell);
  g_clear_object (&pages->context);
  g_array_set_size (pages->blocks, 0);
  g_array_set_size (pages->page_start, 0);

  pages->context = new_context (cr);
  pages->title = new_layout (pages->context, TITLE_SIZE, TRUE, pages->width);
  pango_layout_set_alignment (pages->title, PANGO_ALIGN_CENTER);
  pango_layout_set_text (pages->title, sheet->title ? sheet->title : "", -1);
  pages->text = new_layout (pages->context, TEXT_SIZE, FALSE, pages->width);
  /* Chinese paragraphs start two characters in. */
  pango_layout_set_indent (pages->text, (int) (2 * TEXT_SIZE * PANGO_SCALE));
  pango_layout_set_spacing (pages->text, (int) (TEXT_SIZE * 0.4 * PANGO_SCALE));
  pango_layout_set_text (pages->text, sheet->text ? sheet->text : "", -1);
  pages->cell = new_layout (pages->context, TABLE_SIZE, FALSE, 0);

  /* The footer's height does not depend on the page numbers' digits. */
  footer = footer_layout (pages, 0, 1);
  pages->body_height = pages->height - layout_height (footer) - GAP;
  signature = signature_layout (pages);
  signature_height = layout_height (signature) + 2 * GAP;

  measure_columns (pages);
  set_cell_font (pages, TRUE);
  pages->header_height = row_height (pages, G_MAXUINT);
  set_cell_font (pages, FALSE);
  g_free (pages->row_height);
  pages->row_height = g_new (double, MAX (n_rows, 1));
  for (guint r = 0; r < n_rows; r++)
    pages->row_height[r] = row_height (pages, r);

  new_page (pages, &y);
  add_block (pages, BLOCK_TITLE, 0, y, layout_height (pages->title));
  y += layout_height (pages->title) + GAP * 1.5;

  /* The text flows line by line, so that even a long paragraph breaks across pages. */
  iter = pango_layout_get_iter (pages->text);
  do
    {
      int first, last;
      double height;

      pango_layout_iter_get_line_yrange (iter, &first, &last);
      height = (double) (last - first) / PANGO_SCALE;
      if (y + height > pages->body_height && y > 0)
        new_page (pages, &y);
      add_block (pages, BLOCK_TEXT_LINE, line++, y, height);
      y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  y += GAP;

  for (guint r = 0; r < n_rows; r++)
    {
      double need = pages->row_height[r];

      /* The last row keeps the signature company; every page's table starts with the header. */
      if (r + 1 == n_rows)
        need += signature_height;
      if (r == 0 || y + need > pages->body_height)
        {
          if (y + pages->header_height + need > pages->body_height && y > 0)
            new_page (pages, &y);
          add_block (pages, BLOCK_HEADER, 0, y, pages->header_height);
          y += pages->header_height;
        }
      add_block (pages, BLOCK_ROW, r, y, pages->row_height[r]);
      y += pages->row_height[r];
    }

  if (y + signature_height > pages->body_height && y > 0)
    new_page (pages, &y);
  add_block (pages, BLOCK_SIGNATURE, 0, y + GAP * 2, signature_height - 2 * GAP);

  end = pages->blocks->len;
  g_array_append_val (pages->page_start, end);
  return pages->page_start->len - 1;
}

static void
draw_row (BfNoticePages *pages, cairo_t *cr, guint row_nr, double y, double height)
{
  double x = 0;

  if (row_nr == G_MAXUINT)
    {
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_rectangle (cr, 0, y, pages->width, height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  for (guint i = 0; i < pages->n_cols; i++)
    {
      Col col = pages->cols[i];
      double w = pages->col_width[col];
      double text_height;

      set_cell (pages, col, row_nr);
      text_height = layout_height (pages->cell);
      cairo_save (cr);
      /* A cell taller than a page is cut at the page rather than drawn over the footer. */
      cairo_rectangle (cr, x, y, w, height);
      cairo_clip (cr);
      cairo_move_to (cr, x + CELL_PAD, y + MAX (CELL_PAD, (height - text_height) / 2));
      show_text (cr, pages->cell, NULL);
      cairo_restore (cr);
      cairo_rectangle (cr, x, y, w, height);
      cairo_stroke (cr);
      x += w;
    }
}

void
bf_notice_pages_draw (BfNoticePages *pages, cairo_t *cr, guint page_nr)
{
  guint n_pages;
  guint first, last;
  g_autoptr (PangoLayout) footer = NULL;

  g_return_if_fail (pages != NULL && pages->context != NULL);
  n_pages = pages->page_start->len - 1;
  g_return_if_fail (page_nr < n_pages);

  pango_cairo_update_context (cr, pages->context);
  first = g_array_index (pages->page_start, guint, page_nr);
  last = g_array_index (pages->page_start, guint, page_nr + 1);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint b = first; b < last; b++)
    {
      const Block *block = &g_array_index (pages->blocks, Block, b);

      switch (block->kind)
        {
          case BLOCK_TITLE:
            cairo_move_to (cr, 0, block->y);
            show_text (cr, pages->title, NULL);
            break;
          case BLOCK_TEXT_LINE:
            {
              PangoLayoutIter *iter = pango_layout_get_iter (pages->text);
              PangoLayoutLine *line;
              PangoRectangle logical, line_logical;
              int first_y;

              for (guint i = 0; i < block->index; i++)
                pango_layout_iter_next_line (iter);
              line = pango_layout_iter_get_line_readonly (iter);
              pango_layout_iter_get_line_yrange (iter, &first_y, NULL);
              /* The iterator places the line (indent, alignment); the line draws from its own
               * origin. */
              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              pango_layout_line_get_extents (line, NULL, &line_logical);
              cairo_move_to (cr, (double) (logical.x - line_logical.x) / PANGO_SCALE,
                             block->y + (double) (pango_layout_iter_get_baseline (iter) - first_y) /
                                          PANGO_SCALE);
              show_text (cr, NULL, line);
              pango_layout_iter_free (iter);
            }
            break;
          case BLOCK_HEADER:
            set_cell_font (pages, TRUE);
            draw_row (pages, cr, G_MAXUINT, block->y, block->height);
            set_cell_font (pages, FALSE);
            break;
          case BLOCK_ROW:
            draw_row (pages, cr, block->index, block->y, block->height);
            break;
          case BLOCK_SIGNATURE:
            {
              g_autoptr (PangoLayout) signature = signature_layout (pages);

              cairo_move_to (cr, 0, block->y);
              show_text (cr, signature, NULL);
            }
            break;
          default:
            g_assert_not_reached ();
        }
    }

  footer = footer_layout (pages, page_nr, n_pages);
  cairo_move_to (cr, 0, pages->height - layout_height (footer));
  show_text (cr, footer, NULL);
  cairo_restore (cr);
}

gboolean
bf_notice_sheet_write_pdf (const BfNoticeSheet *sheet,
                           const char *path,
                           guint *n_pages,
                           GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autoptr (BfNoticePages) pages = NULL;
  guint count;

  g_return_val_if_fail (sheet != NULL && path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, BF_A4_WIDTH_PT, BF_A4_HEIGHT_PT);
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
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Cannot write “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = count;
  return TRUE;
}
