/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-pages-private.h"

/* The flow of a document's blocks onto pages. Pagination lays every text out once and records
 * where each block, text line and table row goes; drawing a page only draws those layouts. */

#define MARGIN_SIZE 9.0 /* the header and the footer */
#define HEADER_RULE 3.0 /* below the header's text */

typedef enum
{
  BLOCK_TEXT,
  BLOCK_SPACE,
  BLOCK_BREAK,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind kind;
  char *text;
  BfTextStyle style;
  double pad_top;
  BfBlockFlags flags;
  double height; /* of a space */
  BfTable *table;
  BfText *laid;
} Block;

typedef enum
{
  PLACE_TEXT,
  PLACE_LINE, /* index: the line of the text */
  PLACE_ROW,  /* index: the table's row */
} PlaceKind;

typedef struct
{
  PlaceKind kind;
  guint block;
  guint index;
  double y; /* from the body's top */
} Place;

struct _BfPages
{
  double width; /* inside the frame */
  double height;
  double inset;       /* of the frame, 0: none */
  double margin_size; /* of the header's and footer's type */
  char *header_left;
  char *header_right;
  char *footer;
  GPtrArray *blocks; /* Block */
  GPtrArray *tables; /* BfTable, in the order added (owned by their blocks) */

  PangoContext *context;
  BfTextCache *cache;
  BfText *header_left_laid;
  BfText *header_right_laid;
  double header_height;
  double body_top;
  double body_bottom;
  GArray *places;     /* Place */
  GArray *page_start; /* guint: first place of each page, plus the end */
};

static void
block_free (Block *block)
{
  g_free (block->text);
  _bf_table_free (block->table);
  _bf_text_free (block->laid);
  g_free (block);
}

BfPages *
bf_pages_new (double width, double height)
{
  BfPages *pages = g_new0 (BfPages, 1);

  pages->width = width;
  pages->height = height;
  pages->margin_size = MARGIN_SIZE;
  pages->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  pages->tables = g_ptr_array_new ();
  pages->places = g_array_new (FALSE, FALSE, sizeof (Place));
  pages->page_start = g_array_new (FALSE, FALSE, sizeof (guint));
  return pages;
}

static void
forget_layout (BfPages *pages)
{
  for (guint i = 0; i < pages->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (pages->blocks, i);

      g_clear_pointer (&block->laid, _bf_text_free);
      if (block->table != NULL)
        _bf_table_forget_places (block->table);
    }
  g_clear_pointer (&pages->header_left_laid, _bf_text_free);
  g_clear_pointer (&pages->header_right_laid, _bf_text_free);
  g_clear_pointer (&pages->cache, _bf_text_cache_free);
  g_clear_object (&pages->context);
  g_array_set_size (pages->places, 0);
  g_array_set_size (pages->page_start, 0);
}

void
bf_pages_free (BfPages *pages)
{
  if (pages == NULL)
    return;
  forget_layout (pages);
  g_ptr_array_unref (pages->tables);
  g_ptr_array_unref (pages->blocks);
  g_array_unref (pages->places);
  g_array_unref (pages->page_start);
  g_free (pages->header_left);
  g_free (pages->header_right);
  g_free (pages->footer);
  g_free (pages);
}

void
bf_pages_set_header (BfPages *pages, const char *left, const char *right)
{
  g_return_if_fail (pages != NULL);
  g_free (pages->header_left);
  g_free (pages->header_right);
  pages->header_left = g_strdup (left != NULL ? left : "");
  pages->header_right = g_strdup (right != NULL ? right : "");
}

void
bf_pages_set_footer (BfPages *pages, const char *text)
{
  g_return_if_fail (pages != NULL);
  g_free (pages->footer);
  pages->footer = g_strdup (text);
}

void
bf_pages_set_margin_size (BfPages *pages, double size)
{
  g_return_if_fail (pages != NULL && size > 0);
  pages->margin_size = size;
}

void
bf_pages_set_frame (BfPages *pages, double inset)
{
  g_return_if_fail (pages != NULL && inset >= 0);
  pages->width += 2 * pages->inset - 2 * inset;
  pages->height += 2 * pages->inset - 2 * inset;
  pages->inset = inset;
}

static Block *
add_block (BfPages *pages, BlockKind kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (pages->blocks, block);
  return block;
}

void
bf_pages_add_text (BfPages *pages,
                   const char *text,
                   const BfTextStyle *style,
                   double pad_top,
                   BfBlockFlags flags)
{
  Block *block;

  g_return_if_fail (pages != NULL && style != NULL);
  block = add_block (pages, BLOCK_TEXT);
  block->text = g_strdup (text != NULL ? text : "");
  block->style = *style;
  block->pad_top = pad_top;
  block->flags = flags;
}

void
bf_pages_add_space (BfPages *pages, double height)
{
  g_return_if_fail (pages != NULL);
  add_block (pages, BLOCK_SPACE)->height = height;
}

void
bf_pages_add_page_break (BfPages *pages)
{
  g_return_if_fail (pages != NULL);
  add_block (pages, BLOCK_BREAK);
}

BfTable *
bf_pages_add_table (BfPages *pages, guint n_columns, const BfTextStyle *style)
{
  Block *block;

  g_return_val_if_fail (pages != NULL && style != NULL, NULL);
  block = add_block (pages, BLOCK_TABLE);
  block->table = _bf_table_new (n_columns, style);
  g_ptr_array_add (pages->tables, block->table);
  return block->table;
}

guint
bf_pages_get_n_tables (BfPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->tables->len;
}

guint
bf_pages_get_n_layouts (BfPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->cache != NULL ? _bf_text_cache_get_n_laid (pages->cache) : 0;
}

BfTable *
bf_pages_get_table (BfPages *pages, guint index)
{
  g_return_val_if_fail (pages != NULL && index < pages->tables->len, NULL);
  return g_ptr_array_index (pages->tables, index);
}

void
bf_pages_get_body (BfPages *pages, double *top, double *bottom)
{
  g_return_if_fail (pages != NULL);
  if (top != NULL)
    *top = pages->body_top;
  if (bottom != NULL)
    *bottom = pages->body_bottom;
}

/* ---- Pagination --------------------------------------------------------------------------- */

typedef struct
{
  BfPages *pages;
  double y;     /* from the body's top */
  double avail; /* the body's height */
} Flow;

static guint
current_page (const Flow *flow)
{
  return flow->pages->page_start->len - 1;
}

static void
new_page (Flow *flow)
{
  guint start = flow->pages->places->len;

  g_array_append_val (flow->pages->page_start, start);
  flow->y = 0;
}

static gboolean
page_is_empty (const Flow *flow)
{
  return flow->pages->places->len ==
         g_array_index (flow->pages->page_start, guint, current_page (flow));
}

static void
place (Flow *flow, PlaceKind kind, guint block, guint index)
{
  Place p = { kind, block, index, flow->y };

  g_array_append_val (flow->pages->places, p);
}

static Block *
block_at (BfPages *pages, guint i)
{
  return i < pages->blocks->len ? g_ptr_array_index (pages->blocks, i) : NULL;
}

static double
header_rows_height (BfTable *table)
{
  double height = 0;

  for (guint r = 0; r < bf_table_get_n_rows (table); r++)
    if (_bf_table_row_is_header (table, r))
      height += _bf_table_row_height (table, r);
  return height;
}

/* The height block @i needs at the top of a page before it can break: what a block kept with it
 * must find room for. */
static double
first_piece (BfPages *pages, guint i)
{
  Block *block = block_at (pages, i);

  if (block == NULL)
    return 0;
  switch (block->kind)
    {
      case BLOCK_TEXT:
        if ((block->flags & BF_BLOCK_SPLIT_LINES) && block->laid->n_lines > 0)
          return block->pad_top + block->laid->lines[0].height;
        return block->pad_top + block->laid->height;
      case BLOCK_SPACE:
        return block->height + first_piece (pages, i + 1);
      case BLOCK_TABLE:
        if (_bf_table_keeps_together (block->table) &&
            _bf_table_height (block->table) <= pages->body_bottom - pages->body_top)
          return _bf_table_height (block->table);
        for (guint r = 0; r < bf_table_get_n_rows (block->table); r++)
          if (!_bf_table_row_is_header (block->table, r))
            return header_rows_height (block->table) + _bf_table_row_height (block->table, r);
        return 0;
      case BLOCK_BREAK:
      default:
        return 0;
    }
}

static void
flow_text (Flow *flow, guint i, Block *block)
{
  double keep = (block->flags & BF_BLOCK_KEEP_WITH_NEXT) ? first_piece (flow->pages, i + 1) : 0;

  if (!(block->flags & BF_BLOCK_SPLIT_LINES))
    {
      double height = block->pad_top + block->laid->height;

      if (flow->y + height + keep > flow->avail && flow->y > 0)
        new_page (flow);
      place (flow, PLACE_TEXT, i, 0);
      flow->y += height;
      return;
    }
  flow->y += block->pad_top;
  for (guint l = 0; l < block->laid->n_lines; l++)
    {
      double height = block->laid->lines[l].height;
      double need = height + (l + 1 == block->laid->n_lines ? keep : 0);

      if (flow->y + need > flow->avail && flow->y > 0)
        new_page (flow);
      place (flow, PLACE_LINE, i, l);
      flow->y += height;
    }
}

static void
place_row (Flow *flow, guint i, BfTable *table, guint row)
{
  double height = _bf_table_row_height (table, row);

  _bf_table_record_place (table, row, current_page (flow), flow->pages->body_top + flow->y,
                          flow->pages->body_top + flow->y + height);
  place (flow, PLACE_ROW, i, row);
  flow->y += height;
}

/* Rows go whole onto the page they fit on; every page the table is on starts with its header
 * rows. */
static void
flow_table (Flow *flow, guint i, Block *block)
{
  BfTable *table = block->table;
  guint n_rows = bf_table_get_n_rows (table);
  double header = header_rows_height (table);
  double whole = _bf_table_height (table);
  gboolean first = TRUE;

  for (guint r = 0; r < n_rows; r++)
    {
      double need;

      if (_bf_table_row_is_header (table, r))
        continue;
      need = _bf_table_row_height (table, r);
      if (_bf_table_row_keeps_with_next (table, r))
        {
          guint next = r + 1;

          while (next < n_rows && _bf_table_row_is_header (table, next))
            next++;
          need +=
            next < n_rows ? _bf_table_row_height (table, next) : first_piece (flow->pages, i + 1);
        }
      /* A table kept together starts where all of it fits. */
      if (first && _bf_table_keeps_together (table) && whole <= flow->avail)
        need = MAX (need, whole - header);
      if (first || flow->y + need > flow->avail)
        {
          if (flow->y + header + need > flow->avail && flow->y > 0)
            new_page (flow);
          for (guint h = 0; h < n_rows; h++)
            if (_bf_table_row_is_header (table, h))
              place_row (flow, i, table, h);
          first = FALSE;
        }
      place_row (flow, i, table, r);
    }
}

static BfText *
footer_text (BfPages *pages, guint page_nr, guint n_pages)
{
  g_autofree char *text = g_strdup_printf (
    "%s\n第 %u 页 共 %u 页", pages->footer ? pages->footer : "", page_nr + 1, n_pages);
  BfTextStyle style = { pages->margin_size, FALSE, BF_ALIGN_CENTER, 0, 0 };

  return _bf_text_cache_lay_out (pages->cache, text, &style, pages->width);
}

guint
bf_pages_paginate (BfPages *pages, cairo_t *cr)
{
  Flow flow = { pages, 0, 0 };
  BfText *footer;
  guint end;

  g_return_val_if_fail (pages != NULL && cr != NULL, 0);

  forget_layout (pages);
  pages->context = _bf_page_context_new (cr);
  pages->cache = _bf_text_cache_new (pages->context);

  /* The footer's height does not depend on the page numbers' digits. */
  footer = footer_text (pages, 0, 1);
  pages->body_bottom = pages->height - footer->height - BF_PAGE_GAP;
  _bf_text_free (footer);
  pages->body_top = 0;
  if (pages->header_left != NULL)
    {
      BfTextStyle header_style = { pages->margin_size, FALSE, BF_ALIGN_LEFT, 0, 0 };

      pages->header_left_laid =
        _bf_text_cache_lay_out (pages->cache, pages->header_left, &header_style, -1);
      pages->header_right_laid =
        _bf_text_cache_lay_out (pages->cache, pages->header_right, &header_style, -1);
      pages->header_height =
        MAX (pages->header_left_laid->height, pages->header_right_laid->height);
      pages->body_top = pages->header_height + HEADER_RULE + BF_PAGE_GAP;
    }
  flow.avail = pages->body_bottom - pages->body_top;

  for (guint i = 0; i < pages->blocks->len; i++)
    {
      Block *block = block_at (pages, i);

      if (block->kind == BLOCK_TEXT)
        block->laid =
          _bf_text_cache_lay_out (pages->cache, block->text, &block->style, pages->width);
      else if (block->kind == BLOCK_TABLE)
        _bf_table_lay_out (block->table, pages->cache, pages->width);
    }

  new_page (&flow);
  for (guint i = 0; i < pages->blocks->len; i++)
    {
      Block *block = block_at (pages, i);

      switch (block->kind)
        {
          case BLOCK_TEXT:
            flow_text (&flow, i, block);
            break;
          case BLOCK_SPACE:
            flow.y += block->height;
            break;
          case BLOCK_BREAK:
            if (!page_is_empty (&flow))
              new_page (&flow);
            break;
          case BLOCK_TABLE:
            flow_table (&flow, i, block);
            break;
          default:
            g_assert_not_reached ();
        }
    }
  end = pages->places->len;
  g_array_append_val (pages->page_start, end);
  return pages->page_start->len - 1;
}

guint
bf_pages_get_n_pages (BfPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->page_start->len > 0 ? pages->page_start->len - 1 : 0;
}

/* ---- Drawing ------------------------------------------------------------------------------ */

static void
draw_frame (BfPages *pages, cairo_t *cr)
{
  double outer = pages->inset * 0.7;
  double gap = 2.5;

  cairo_set_line_width (cr, 1.6);
  cairo_rectangle (cr, -outer, -outer, pages->width + 2 * outer, pages->height + 2 * outer);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, -outer + gap, -outer + gap, pages->width + 2 * (outer - gap),
                   pages->height + 2 * (outer - gap));
  cairo_stroke (cr);
}

/* The rules of the rows placed from @first to @last (exclusive) on a page, run by run. */
static void
add_rules (BfPages *pages, cairo_t *cr, guint first, guint last)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint p = first; p <= last; p++)
    {
      const Place *place = p < last ? &g_array_index (pages->places, Place, p) : NULL;
      const Place *run = rows->len > 0 ? &g_array_index (pages->places, Place, p - 1) : NULL;

      if (rows->len > 0 &&
          (place == NULL || place->kind != PLACE_ROW || place->block != run->block))
        {
          _bf_table_add_rules (block_at (pages, run->block)->table, cr,
                               (const guint *) (void *) rows->data,
                               (const double *) (void *) ys->data, rows->len);
          g_array_set_size (rows, 0);
          g_array_set_size (ys, 0);
        }
      if (place != NULL && place->kind == PLACE_ROW)
        {
          g_array_append_val (rows, place->index);
          g_array_append_val (ys, place->y);
        }
    }
}

/* Grounds, then every text, then every rule: one text object and one path per page. */
void
bf_pages_draw (BfPages *pages, cairo_t *cr, guint page_nr)
{
  guint n_pages, first, last;
  double body_height;
  gboolean clip = FALSE;
  BfText *footer;

  g_return_if_fail (pages != NULL && pages->cache != NULL);
  n_pages = bf_pages_get_n_pages (pages);
  g_return_if_fail (page_nr < n_pages);

  first = g_array_index (pages->page_start, guint, page_nr);
  last = g_array_index (pages->page_start, guint, page_nr + 1);
  body_height = pages->body_bottom - pages->body_top;
  for (guint p = first; p < last && !clip; p++)
    {
      const Place *place = &g_array_index (pages->places, Place, p);

      clip = place->kind == PLACE_ROW &&
             _bf_table_row_overflow (block_at (pages, place->block)->table, place->index, place->y,
                                     body_height) > 0;
    }

  cairo_save (cr);
  if (pages->inset > 0)
    cairo_translate (cr, pages->inset, pages->inset);

  /* A row taller than a whole page is cut at the foot of the body, not drawn over the footer. */
  cairo_save (cr);
  cairo_translate (cr, 0, pages->body_top);
  if (clip)
    {
      cairo_rectangle (cr, 0, 0, pages->width, body_height);
      cairo_clip (cr);
    }
  for (guint p = first; p < last; p++)
    {
      const Place *place = &g_array_index (pages->places, Place, p);

      if (place->kind == PLACE_ROW)
        _bf_table_draw_ground (block_at (pages, place->block)->table, cr, place->index, place->y);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint p = first; p < last; p++)
    {
      const Place *place = &g_array_index (pages->places, Place, p);
      Block *block = block_at (pages, place->block);

      switch (place->kind)
        {
          case PLACE_TEXT:
            _bf_text_draw (block->laid, cr, 0, place->y + block->pad_top);
            break;
          case PLACE_LINE:
            _bf_text_draw_line (block->laid, cr, place->index, 0, place->y);
            break;
          case PLACE_ROW:
            _bf_table_draw_text (block->table, cr, place->index, place->y);
            break;
          default:
            g_assert_not_reached ();
        }
    }
  add_rules (pages, cr, first, last);
  cairo_set_line_width (cr, BF_PAGE_LINE_WIDTH);
  /* Square caps close the corners where the rules meet. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  footer = footer_text (pages, page_nr, n_pages);
  _bf_text_draw (footer, cr, 0, pages->height - footer->height);
  _bf_text_free (footer);
  if (pages->header_left_laid != NULL)
    {
      double rule = pages->header_height + HEADER_RULE;

      _bf_text_draw (pages->header_left_laid, cr, 0, 0);
      _bf_text_draw (pages->header_right_laid, cr, pages->width - pages->header_right_laid->width,
                     0);
      cairo_set_line_width (cr, BF_PAGE_LINE_WIDTH);
      cairo_move_to (cr, 0, rule);
      cairo_line_to (cr, pages->width, rule);
      cairo_stroke (cr);
    }
  if (pages->inset > 0)
    draw_frame (pages, cr);
  cairo_restore (cr);
}
