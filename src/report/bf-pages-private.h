/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to the page layer (bf-pages.c, bf-page-text.c, bf-page-table.c). */

#include <pango/pangocairo.h>

#include "bf-pages.h"

G_BEGIN_DECLS

#define BF_PAGE_LINE_WIDTH 0.6
#define BF_PAGE_GAP        10.0

/* A text laid out once: the shaped runs of its PangoLayout with their places, kept after the
 * layout is gone, and drawn from them any number of times. Much smaller than the layout (no
 * attributes, log attributes or line objects), which matters on a 1,000-page notice. */
typedef struct
{
  PangoGlyphItem *item;
  double x;        /* of the run's start, from the text's left */
  double baseline; /* from the text's top */
} BfTextRun;

typedef struct
{
  double top; /* from the text's top, the line's spacing included */
  double height;
  guint first_run;
  guint n_runs;
} BfTextLine;

typedef struct
{
  char *text; /* what the runs' offsets index */
  double width;
  double height;
  gboolean placed; /* laid out at a width: its runs are already aligned within it */
  guint n_runs;
  guint n_lines;
  BfTextRun *runs;
  BfTextLine *lines;
} BfText;

/* Simplified Chinese glyph forms (not the Japanese ones Pango picks for CJK otherwise), unhinted
 * metrics so that the pages laid out are the pages drawn on any surface, points as units. */
PangoContext *_bf_page_context_new (cairo_t *cr);
/* A layout in the document face at @size, bold or not, wrapping words and characters. */
PangoLayout *_bf_page_layout_new (PangoContext *context, double size, gboolean bold);
/* The text of @layout as laid out now (@placed: it was laid out at a width). */
BfText *_bf_text_new (PangoLayout *layout, gboolean placed);
void _bf_text_free (BfText *text);
/* Draws the whole text with its top left at (@x, @y). */
void _bf_text_draw (const BfText *text, cairo_t *cr, double x, double y);
/* Draws line @line with its top at (@x, @y). */
void _bf_text_draw_line (const BfText *text, cairo_t *cr, guint line, double x, double y);

/* Texts laid out once per document: a text that recurs in the same style and width (a group's
 * name, a member count, a status) is laid out the first time and shared. */
typedef struct _BfTextCache BfTextCache;

BfTextCache *_bf_text_cache_new (PangoContext *context);
void _bf_text_cache_free (BfTextCache *cache);
/* @text in @size/@bold; @width < 0: on one line per paragraph, as wide as it is; otherwise
 * wrapped at @width and aligned in it by @align. Owned by the cache. */
const BfText *_bf_text_cache_get (BfTextCache *cache,
                                  const char *text,
                                  double size,
                                  gboolean bold,
                                  double width,
                                  BfAlign align);
/* A style's layout: @text set in @style at @width (< 0: unwrapped); not cached. */
BfText *_bf_text_cache_lay_out (BfTextCache *cache,
                                const char *text,
                                const BfTextStyle *style,
                                double width);

/* How many texts the cache laid out (each of its own, and its style's), for tests. */
guint _bf_text_cache_get_n_laid (BfTextCache *cache);

/* Tables, for bf-pages.c. */
BfTable *_bf_table_new (guint n_columns, const BfTextStyle *style);
void _bf_table_free (BfTable *table);
/* Measures the columns for @width and lays out every cell once. */
void _bf_table_lay_out (BfTable *table, BfTextCache *cache, double width);
gboolean _bf_table_row_is_header (BfTable *table, guint row);
gboolean _bf_table_row_keeps_with_next (BfTable *table, guint row);
double _bf_table_row_height (BfTable *table, guint row);
gboolean _bf_table_keeps_together (BfTable *table);
/* Of every row, headers included. */
double _bf_table_height (BfTable *table);
void _bf_table_forget_places (BfTable *table);
void _bf_table_record_place (BfTable *table, guint row, guint page, double top, double bottom);
/* Row @row with its top at @y: its grey grounds, its texts. */
void _bf_table_draw_ground (BfTable *table, cairo_t *cr, guint row, double y);
void _bf_table_draw_text (BfTable *table, cairo_t *cr, guint row, double y);
/* Adds to @cr's path the rules of @n consecutive rows @rows at @ys (a run of the table on one
 * page): borders and underlines, for the caller to stroke. */
void
_bf_table_add_rules (BfTable *table, cairo_t *cr, const guint *rows, const double *ys, guint n);
/* How far row @row at @y runs past @bottom (<= 0: it does not). */
double _bf_table_row_overflow (BfTable *table, guint row, double y, double bottom);

G_END_DECLS
