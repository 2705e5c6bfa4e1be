/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The page layer every printed document of the register is drawn with (the notice list, the
 * 帮扶明白卡, the household registration form): text in a Simplified Chinese face, tables whose
 * rows go onto the next page whole with their header row repeated, a header with the register's
 * county and township, a footer with "第 N 页 共 M 页".
 *
 * A document adds its blocks top to bottom, then bf_pages_paginate() lays every text out once
 * (with the cairo context's font options) and places it on pages; bf_pages_draw() draws a page
 * from those layouts. The same pages print through GtkPrintOperation or onto a PDF surface. */

#define BF_A4_WIDTH_PT  595.2756
#define BF_A4_HEIGHT_PT 841.8898
#define BF_A5_WIDTH_PT  419.5276
#define BF_A5_HEIGHT_PT 595.2756
#define BF_PT_PER_MM    (72.0 / 25.4)

/* ---- Paper -------------------------------------------------------------------------------- */

typedef enum
{
  BF_PAPER_A4,
  BF_PAPER_A5,
  BF_PAPER_A4_TWO_A5, /* two A5 pages side by side on a landscape A4 sheet, to be cut apart */
} BfPaper;

typedef struct
{
  double sheet_width; /* the sheet as it goes through the printer, points */
  double sheet_height;
  double margin; /* around the printable area of the sheet */
  guint n_slots; /* pages side by side on one sheet: 1, or 2 */
  double gutter; /* between two pages of a sheet (the cut runs down its middle) */
} BfPaperSpec;

/* "a4", "a5", "a4-2up". */
gboolean bf_paper_parse (const char *text, BfPaper *paper);
const char *bf_paper_name (BfPaper paper);
void bf_paper_get_spec (BfPaper paper, BfPaperSpec *spec);
/* Where page @slot of a sheet goes inside a printable area of @area_width × @area_height (the
 * sheet less its margins, or what GtkPrintContext gives), and the page's size. */
void bf_paper_slot (const BfPaperSpec *spec,
                    double area_width,
                    double area_height,
                    guint slot,
                    double *x,
                    double *width,
                    double *height);
/* The dashed line to cut a two-page sheet apart, down the middle of its gutter. */
void bf_paper_draw_cut_line (const BfPaperSpec *spec,
                             cairo_t *cr,
                             double area_width,
                             double area_height);

/* ---- Text --------------------------------------------------------------------------------- */

typedef enum
{
  BF_ALIGN_LEFT,
  BF_ALIGN_CENTER,
  BF_ALIGN_RIGHT,
} BfAlign;

typedef struct
{
  double size; /* points */
  gboolean bold;
  BfAlign align;
  double indent;  /* of the first line of each paragraph, points */
  double spacing; /* added between lines, points */
} BfTextStyle;

/* ---- Pages -------------------------------------------------------------------------------- */

typedef struct _BfPages BfPages;
typedef struct _BfTable BfTable;

typedef enum
{
  BF_BLOCK_DEFAULT = 0,
  /* Goes onto the page of the next block's first line or row (a heading and its table). */
  BF_BLOCK_KEEP_WITH_NEXT = 1 << 0,
  /* Its lines may go onto the next pages one by one (a long paragraph). */
  BF_BLOCK_SPLIT_LINES = 1 << 1,
} BfBlockFlags;

/* Pages of @width × @height points: the drawable area, margins are the caller's. */
BfPages *bf_pages_new (double width, double height);
void bf_pages_free (BfPages *pages);

/* A header on every page: @left (the register's county and township) and @right, with a rule
 * under them. None when never set. */
void bf_pages_set_header (BfPages *pages, const char *left, const char *right);
/* The footer's first line, above "第 N 页 共 M 页" (NULL: an empty line). */
void bf_pages_set_footer (BfPages *pages, const char *text);
/* The size of the header's and footer's type (default 9 points). */
void bf_pages_set_margin_size (BfPages *pages, double size);
/* A double rule around each page, everything else @inset points inside it (a card for a wall).
 * Set before adding blocks. */
void bf_pages_set_frame (BfPages *pages, double inset);

/* A text block; "\n" separates paragraphs. @pad_top is space above the text that moves with it
 * onto a new page; bf_pages_add_space() is space that a page break swallows. */
void bf_pages_add_text (BfPages *pages,
                        const char *text,
                        const BfTextStyle *style,
                        double pad_top,
                        BfBlockFlags flags);
void bf_pages_add_space (BfPages *pages, double height);
void bf_pages_add_page_break (BfPages *pages);
/* A table of @n_columns as wide as the page, its cells set in @style (header rows in bold); owned
 * by @pages. Fill it with bf_table_add_row() and bf_table_add_cell() before paginating. */
BfTable *bf_pages_add_table (BfPages *pages, guint n_columns, const BfTextStyle *style);

/* Lays everything out with @cr's font options and places it on pages; returns the number of
 * pages. Lays out again only when called again. */
guint bf_pages_paginate (BfPages *pages, cairo_t *cr);
guint bf_pages_get_n_pages (BfPages *pages);
/* Draws page @page_nr (0-based) at @cr's origin. Paginate first. */
void bf_pages_draw (BfPages *pages, cairo_t *cr, guint page_nr);

/* Where blocks go on every page: from @top (below the header) to @bottom (above the footer). */
void bf_pages_get_body (BfPages *pages, double *top, double *bottom);
guint bf_pages_get_n_tables (BfPages *pages);
/* How many texts were laid out since the last pagination began: each text once (one that recurs
 * in the same style and width shares its layout), and one footer per page drawn. */
guint bf_pages_get_n_layouts (BfPages *pages);
BfTable *bf_pages_get_table (BfPages *pages, guint index);

/* ---- Tables ------------------------------------------------------------------------------- */

typedef enum
{
  BF_ROW_DEFAULT = 0,
  /* Bold on a grey ground, and repeated at the top of every page the table goes on to. */
  BF_ROW_HEADER = 1 << 0,
  /* On the same page as the next row, or as the next block's start after the last row. */
  BF_ROW_KEEP_WITH_NEXT = 1 << 1,
} BfRowFlags;

typedef enum
{
  BF_CELL_DEFAULT = 0,
  BF_CELL_BOLD = 1 << 0,
  BF_CELL_LABEL = 1 << 1, /* a field's name: bold on a light grey ground */
  /* Instead of the column's alignment. */
  BF_CELL_LEFT = 1 << 2,
  BF_CELL_CENTER = 1 << 3,
  BF_CELL_RIGHT = 1 << 4,
  BF_CELL_UNDERLINE = 1 << 5, /* a line to write on (a signature) along the cell's foot */
} BfCellFlags;

/* @fill 0: the column is as wide as its widest cell; > 0: the columns with a fill share what the
 * others leave in proportion (they keep at least a third of the width, the others shrinking and
 * wrapping). Without fill columns the columns stretch or shrink to the table's width. Every
 * column is "as wide as its widest cell", left aligned, until set. */
void bf_table_set_column (BfTable *table, guint column, double fill, BfAlign align);
/* Cell borders (default TRUE); without them a table lays fields out in a grid (signatures). */
void bf_table_set_borders (BfTable *table, gboolean borders);
/* Whether the table goes whole onto the next page rather than break (when it fits on one): a
 * grid of a few fields. Default FALSE: rows flow. */
void bf_table_set_keep_together (BfTable *table, gboolean keep);
/* Space inside each cell, all sides (default 4 points). */
void bf_table_set_padding (BfTable *table, double padding);

/* Starts a row; returns its index (header rows count). */
guint bf_table_add_row (BfTable *table, BfRowFlags flags);
/* Adds a cell of @span columns (at least 1) to the last row; @text NULL is an empty cell. A row
 * with fewer cells than columns leaves the rest empty. */
void bf_table_add_cell (BfTable *table, const char *text, guint span, BfCellFlags flags);
guint bf_table_get_n_rows (BfTable *table);
/* After paginating: where row @row went (a header row: its first time). FALSE when the row was
 * not placed (a table without body rows places nothing). A row is never split: @top and @bottom
 * are on one page, inside the body unless the row is taller than a whole page. */
gboolean
bf_table_get_row_place (BfTable *table, guint row, guint *page, double *top, double *bottom);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfPages, bf_pages_free)

G_END_DECLS
