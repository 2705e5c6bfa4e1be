/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-pages-private.h"

/* A table of the page layer: columns measured from their cells, each cell laid out once (while
 * measuring, or at its column's width when it must wrap or fills a width) and drawn from that
 * layout. */

#define HEADER_GREY 0.9
#define LABEL_GREY  0.95

typedef struct
{
  char *text;
  guint column;
  guint span;
  BfCellFlags flags;
  const BfText *laid; /* owned by the document's text cache */
} Cell;

typedef struct
{
  BfRowFlags flags;
  guint first_cell;
  guint n_cells;
  double height;
  gboolean placed;
  guint page;
  double top;
  double bottom;
} Row;

struct _BfTable
{
  guint n_columns;
  BfTextStyle style;
  gboolean borders;
  gboolean keep_together;
  double padding;
  double *fill;
  BfAlign *align;
  double *x;     /* of each column, and the table's width after the last */
  GArray *rows;  /* Row */
  GArray *cells; /* Cell */
};

BfTable *
_bf_table_new (guint n_columns, const BfTextStyle *style)
{
  BfTable *table = g_new0 (BfTable, 1);

  table->n_columns = MAX (n_columns, 1);
  table->style = *style;
  table->borders = TRUE;
  table->padding = 4.0;
  table->fill = g_new0 (double, table->n_columns);
  table->align = g_new0 (BfAlign, table->n_columns);
  table->x = g_new0 (double, table->n_columns + 1);
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  table->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  return table;
}

void
_bf_table_free (BfTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->cells->len; i++)
    g_free (g_array_index (table->cells, Cell, i).text);
  g_array_unref (table->cells);
  g_array_unref (table->rows);
  g_free (table->fill);
  g_free (table->align);
  g_free (table->x);
  g_free (table);
}

void
bf_table_set_column (BfTable *table, guint column, double fill, BfAlign align)
{
  g_return_if_fail (table != NULL && column < table->n_columns);
  table->fill[column] = MAX (fill, 0);
  table->align[column] = align;
}

void
bf_table_set_borders (BfTable *table, gboolean borders)
{
  g_return_if_fail (table != NULL);
  table->borders = borders;
}

void
bf_table_set_keep_together (BfTable *table, gboolean keep)
{
  g_return_if_fail (table != NULL);
  table->keep_together = keep;
}

void
bf_table_set_padding (BfTable *table, double padding)
{
  g_return_if_fail (table != NULL);
  table->padding = MAX (padding, 0);
}

static Row *
row_at (BfTable *table, guint row)
{
  return &g_array_index (table->rows, Row, row);
}

static Cell *
cell_at (BfTable *table, guint cell)
{
  return &g_array_index (table->cells, Cell, cell);
}

gboolean
_bf_table_keeps_together (BfTable *table)
{
  return table->keep_together;
}

double
_bf_table_height (BfTable *table)
{
  double height = 0;

  for (guint r = 0; r < table->rows->len; r++)
    height += row_at (table, r)->height;
  return height;
}

/* The column after the last cell of @row. */
static guint
row_end (BfTable *table, const Row *row)
{
  if (row->n_cells == 0)
    return 0;
  {
    const Cell *last = cell_at (table, row->first_cell + row->n_cells - 1);

    return last->column + last->span;
  }
}

/* A row with fewer cells than columns ends with one empty cell over the rest, so that its
 * borders close. */
static void
complete_last_row (BfTable *table)
{
  Row *row;
  guint end;

  if (table->rows->len == 0)
    return;
  row = row_at (table, table->rows->len - 1);
  end = row_end (table, row);
  if (end < table->n_columns)
    bf_table_add_cell (table, NULL, table->n_columns - end, BF_CELL_DEFAULT);
}

guint
bf_table_add_row (BfTable *table, BfRowFlags flags)
{
  Row row = { 0 };

  g_return_val_if_fail (table != NULL, 0);
  complete_last_row (table);
  row.flags = flags;
  row.first_cell = table->cells->len;
  g_array_append_val (table->rows, row);
  return table->rows->len - 1;
}

void
bf_table_add_cell (BfTable *table, const char *text, guint span, BfCellFlags flags)
{
  Cell cell = { 0 };
  Row *row;
  guint column;

  g_return_if_fail (table != NULL && table->rows->len > 0);
  row = row_at (table, table->rows->len - 1);
  column = row_end (table, row);
  g_return_if_fail (column < table->n_columns);
  cell.text = g_strdup (text != NULL ? text : "");
  cell.column = column;
  cell.span = CLAMP (span, 1, table->n_columns - column);
  cell.flags = flags;
  g_array_append_val (table->cells, cell);
  row = row_at (table, table->rows->len - 1);
  row->n_cells++;
}

guint
bf_table_get_n_rows (BfTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

gboolean
_bf_table_row_is_header (BfTable *table, guint row)
{
  return (row_at (table, row)->flags & BF_ROW_HEADER) != 0;
}

gboolean
_bf_table_row_keeps_with_next (BfTable *table, guint row)
{
  return (row_at (table, row)->flags & BF_ROW_KEEP_WITH_NEXT) != 0;
}

double
_bf_table_row_height (BfTable *table, guint row)
{
  return row_at (table, row)->height;
}

void
_bf_table_forget_places (BfTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    row_at (table, r)->placed = FALSE;
}

void
_bf_table_record_place (BfTable *table, guint row, guint page, double top, double bottom)
{
  Row *r = row_at (table, row);

  if (r->placed)
    return;
  r->placed = TRUE;
  r->page = page;
  r->top = top;
  r->bottom = bottom;
}

gboolean
bf_table_get_row_place (BfTable *table, guint row, guint *page, double *top, double *bottom)
{
  const Row *r;

  g_return_val_if_fail (table != NULL && row < table->rows->len, FALSE);
  r = row_at (table, row);
  if (!r->placed)
    return FALSE;
  if (page != NULL)
    *page = r->page;
  if (top != NULL)
    *top = r->top;
  if (bottom != NULL)
    *bottom = r->bottom;
  return TRUE;
}

static gboolean
cell_is_bold (const Row *row, const Cell *cell)
{
  return (row->flags & BF_ROW_HEADER) || (cell->flags & (BF_CELL_BOLD | BF_CELL_LABEL));
}

static BfAlign
cell_align (BfTable *table, const Row *row, const Cell *cell)
{
  if (cell->flags & BF_CELL_LEFT)
    return BF_ALIGN_LEFT;
  if (cell->flags & BF_CELL_CENTER)
    return BF_ALIGN_CENTER;
  if (cell->flags & BF_CELL_RIGHT)
    return BF_ALIGN_RIGHT;
  if (row->flags & BF_ROW_HEADER)
    return BF_ALIGN_CENTER;
  return table->align[cell->column];
}

/* Widths of the columns of a table without fill columns, from what they want (their widest cell)
 * and what they need (their widest body cell: a header may wrap, a value should not): they stretch
 * to the table's width, or when it is too narrow give up what headers want first. */
static void
share_width (guint n, const double *want, const double *need, double width, double *out)
{
  double total_want = 0, total_need = 0;

  for (guint c = 0; c < n; c++)
    {
      total_want += want[c];
      total_need += need[c];
    }
  for (guint c = 0; c < n; c++)
    {
      if (total_want <= width)
        out[c] = want[c] * width / MAX (total_want, 1);
      else if (total_need <= width && total_want > total_need)
        out[c] = need[c] + (want[c] - need[c]) * (width - total_need) / (total_want - total_need);
      else
        out[c] = need[c] * width / MAX (total_need, 1);
    }
}

/* Column widths: the columns without a fill as wide as their widest single-column cell (laid out
 * here, once, on one line), the fill columns sharing the rest. */
static void
measure_columns (BfTable *table, BfTextCache *cache, double width)
{
  guint n = table->n_columns;
  g_autofree double *natural = g_new0 (double, n);
  g_autofree double *body = g_new0 (double, n);
  g_autofree double *widths = g_new0 (double, n);
  double fixed = 0, fill = 0, scale, x = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      const Row *row = row_at (table, r);

      for (guint i = row->first_cell; i < row->first_cell + row->n_cells; i++)
        {
          Cell *cell = cell_at (table, i);

          cell->laid = NULL;
          if (cell->span != 1 || table->fill[cell->column] > 0)
            continue;
          cell->laid = _bf_text_cache_get (cache, cell->text, table->style.size,
                                           cell_is_bold (row, cell), -1, BF_ALIGN_LEFT);
          natural[cell->column] = MAX (natural[cell->column], cell->laid->width);
          if (!(row->flags & BF_ROW_HEADER))
            body[cell->column] = MAX (body[cell->column], cell->laid->width);
        }
    }
  for (guint c = 0; c < n; c++)
    {
      if (table->fill[c] > 0)
        {
          fill += table->fill[c];
          continue;
        }
      natural[c] += 2 * table->padding + 1;
      /* A column of empty or one-character values still holds two characters of its header. */
      body[c] = MIN (MAX (body[c], 2 * table->style.size), natural[c] - 2 * table->padding - 1) +
                2 * table->padding + 1;
      fixed += natural[c];
    }
  if (fill == 0)
    share_width (n, natural, body, width, widths);
  else
    {
      /* Fill columns keep at least a third of the width: on narrow paper, or with very long
       * names, the other columns shrink in proportion and wrap. */
      scale = MIN (1.0, (width * 2.0 / 3.0) / MAX (fixed, 1));
      for (guint c = 0; c < n; c++)
        widths[c] =
          table->fill[c] > 0 ? (width - fixed * scale) * table->fill[c] / fill : natural[c] * scale;
    }
  for (guint c = 0; c < n; c++)
    {
      table->x[c] = x;
      x += widths[c];
    }
  table->x[n] = width;
}

void
_bf_table_lay_out (BfTable *table, BfTextCache *cache, double width)
{
  complete_last_row (table);
  measure_columns (table, cache, width);

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = row_at (table, r);
      double height = 0;

      for (guint i = row->first_cell; i < row->first_cell + row->n_cells; i++)
        {
          Cell *cell = cell_at (table, i);
          double avail =
            table->x[cell->column + cell->span] - table->x[cell->column] - 2 * table->padding;
          BfAlign align = cell_align (table, row, cell);

          /* The one-line layout from measuring serves when it fits (aligned by hand); a cell that
           * must wrap, spans columns or fills a width is laid out at its width. */
          if (cell->laid == NULL || cell->laid->width > avail + 0.001 ||
              (cell->laid->n_lines > 1 && align != BF_ALIGN_LEFT))
            cell->laid = _bf_text_cache_get (cache, cell->text, table->style.size,
                                             cell_is_bold (row, cell), MAX (avail, 1), align);
          height = MAX (height, cell->laid->height);
        }
      row->height = height + 2 * table->padding;
    }
}

/* Drawing goes in three passes over a page (grounds, texts, rules), so that the PDF holds one
 * text object and one path per page rather than one per cell: a thousand-page list is mostly the
 * numbers cairo writes for each operator. */

void
_bf_table_draw_ground (BfTable *table, cairo_t *cr, guint row_nr, double y)
{
  const Row *row = row_at (table, row_nr);

  if (row->flags & BF_ROW_HEADER)
    {
      cairo_set_source_rgb (cr, HEADER_GREY, HEADER_GREY, HEADER_GREY);
      cairo_rectangle (cr, 0, y, table->x[table->n_columns], row->height);
      cairo_fill (cr);
      return;
    }
  for (guint i = row->first_cell; i < row->first_cell + row->n_cells; i++)
    {
      const Cell *cell = cell_at (table, i);

      if (cell->flags & BF_CELL_LABEL)
        {
          double x = table->x[cell->column];

          cairo_set_source_rgb (cr, LABEL_GREY, LABEL_GREY, LABEL_GREY);
          cairo_rectangle (cr, x, y, table->x[cell->column + cell->span] - x, row->height);
          cairo_fill (cr);
        }
    }
}

void
_bf_table_draw_text (BfTable *table, cairo_t *cr, guint row_nr, double y)
{
  const Row *row = row_at (table, row_nr);
  double pad = table->padding;

  for (guint i = row->first_cell; i < row->first_cell + row->n_cells; i++)
    {
      const Cell *cell = cell_at (table, i);
      const BfText *laid = cell->laid;
      double x = table->x[cell->column];
      double avail = table->x[cell->column + cell->span] - x - 2 * pad;
      double dx = 0;

      if (!laid->placed)
        switch (cell_align (table, row, cell))
          {
            case BF_ALIGN_CENTER:
              dx = (avail - laid->width) / 2;
              break;
            case BF_ALIGN_RIGHT:
              dx = avail - laid->width;
              break;
            case BF_ALIGN_LEFT:
            default:
              break;
          }
      _bf_text_draw (laid, cr, x + pad + dx, y + MAX (pad, (row->height - laid->height) / 2));
    }
}

/* Whether a cell of @row begins at column @column (or the row ends there). */
static gboolean
row_has_edge (BfTable *table, const Row *row, guint column)
{
  if (column == 0 || column == table->n_columns)
    return TRUE;
  for (guint i = row->first_cell; i < row->first_cell + row->n_cells; i++)
    if (cell_at (table, i)->column == column)
      return TRUE;
  return FALSE;
}

void
_bf_table_add_rules (BfTable *table, cairo_t *cr, const guint *rows, const double *ys, guint n)
{
  double width = table->x[table->n_columns];

  /* Underlines to sign on, with or without borders. */
  for (guint r = 0; r < n; r++)
    {
      const Row *row = row_at (table, rows[r]);
      double foot = ys[r] + row->height - table->padding / 2;

      for (guint i = row->first_cell; i < row->first_cell + row->n_cells; i++)
        {
          const Cell *cell = cell_at (table, i);

          if (cell->flags & BF_CELL_UNDERLINE)
            {
              cairo_move_to (cr, table->x[cell->column], foot);
              cairo_line_to (cr, table->x[cell->column + cell->span], foot);
            }
        }
    }
  if (!table->borders || n == 0)
    return;

  /* The rows of a run on one page touch: a rule across the top, one under each row, and each
   * column's edge as one line for as many rows in a row as have a cell edge there. */
  cairo_move_to (cr, 0, ys[0]);
  cairo_line_to (cr, width, ys[0]);
  for (guint r = 0; r < n; r++)
    {
      double bottom = ys[r] + row_at (table, rows[r])->height;

      cairo_move_to (cr, 0, bottom);
      cairo_line_to (cr, width, bottom);
    }
  for (guint c = 0; c <= table->n_columns; c++)
    {
      guint r = 0;

      while (r < n)
        {
          guint end;

          if (!row_has_edge (table, row_at (table, rows[r]), c))
            {
              r++;
              continue;
            }
          for (end = r + 1; end < n && row_has_edge (table, row_at (table, rows[end]), c); end++)
            ;
          cairo_move_to (cr, table->x[c], ys[r]);
          cairo_line_to (cr, table->x[c], ys[end - 1] + row_at (table, rows[end - 1])->height);
          r = end;
        }
    }
}

double
_bf_table_row_overflow (BfTable *table, guint row, double y, double bottom)
{
  return y + row_at (table, row)->height - bottom;
}
