/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <string.h>

#include "bf-pages.h"
#include "bf-test-pdf.h"
#include "bf-test-util.h"

/* The page layer under every printed document: rows flow whole onto the next page with their
 * header repeated, headings stay with what follows, every text is laid out once. */

#define WIDTH  (BF_A4_WIDTH_PT - 40 * BF_PT_PER_MM)
#define HEIGHT (BF_A4_HEIGHT_PT - 40 * BF_PT_PER_MM)

static const BfTextStyle body = { 10.5, FALSE, BF_ALIGN_LEFT, 0, 0 };
static const BfTextStyle title = { 18, TRUE, BF_ALIGN_CENTER, 0, 0 };

typedef struct
{
  cairo_surface_t *surface;
  cairo_t *cr;
  char *dir;
  char *pdf;
} Surface;

static void
surface_open (Surface *s)
{
  s->dir = bf_test_tmpdir_new ();
  s->pdf = g_build_filename (s->dir, "pages.pdf", NULL);
  s->surface = cairo_pdf_surface_create (s->pdf, BF_A4_WIDTH_PT, BF_A4_HEIGHT_PT);
  s->cr = cairo_create (s->surface);
}

static void
surface_close (Surface *s)
{
  cairo_destroy (s->cr);
  cairo_surface_finish (s->surface);
  g_assert_cmpint (cairo_surface_status (s->surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s->surface);
}

static void
surface_free (Surface *s)
{
  bf_test_tmpdir_free (s->dir);
  g_free (s->pdf);
}

static void
draw_all (BfPages *pages, cairo_t *cr)
{
  for (guint p = 0; p < bf_pages_get_n_pages (pages); p++)
    {
      bf_pages_draw (pages, cr, p);
      cairo_show_page (cr);
    }
}

static BfTable *
named_table (BfPages *pages, guint n_rows, const char *prefix)
{
  BfTable *table = bf_pages_add_table (pages, 3, &body);

  bf_table_set_column (table, 0, 0, BF_ALIGN_CENTER);
  bf_table_set_column (table, 1, 0, BF_ALIGN_LEFT);
  bf_table_set_column (table, 2, 1, BF_ALIGN_LEFT);
  bf_table_add_row (table, BF_ROW_HEADER);
  bf_table_add_cell (table, "序号", 1, 0);
  bf_table_add_cell (table, "姓名", 1, 0);
  bf_table_add_cell (table, "小组", 1, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s%u", prefix, i + 1);
      g_autofree char *group = g_strdup_printf ("%u组", i % 8 + 1);

      bf_table_add_row (table, 0);
      bf_table_add_cell (table, number, 1, 0);
      bf_table_add_cell (table, name, 1, 0);
      bf_table_add_cell (table, group, 1, 0);
    }
  return table;
}

static BfTable *
long_table (BfPages *pages, guint n_rows)
{
  return named_table (pages, n_rows, "名字");
}

static void
test_rows_flow (void)
{
  g_autoptr (BfPages) pages = bf_pages_new (WIDTH, HEIGHT);
  BfTable *table;
  Surface s;
  guint n_pages, placed_on_last = 0;
  double top, bottom;
  g_autofree char *text = NULL;

  bf_pages_set_header (pages, "测试县测试镇", "右");
  bf_pages_set_footer (pages, "脚注");
  bf_pages_add_text (pages, "标题", &title, 0, 0);
  table = long_table (pages, 200);
  surface_open (&s);
  n_pages = bf_pages_paginate (pages, s.cr);
  g_assert_cmpuint (n_pages, >=, 4);
  bf_pages_get_body (pages, &top, &bottom);
  g_assert_cmpfloat (top, >, 0);

  /* Every row on one page, whole and inside the body, in order. */
  for (guint r = 1; r <= 200; r++)
    {
      guint page;
      double row_top, row_bottom;

      g_assert_true (bf_table_get_row_place (table, r, &page, &row_top, &row_bottom));
      g_assert_cmpuint (page, >=, placed_on_last);
      g_assert_cmpfloat (row_top, >=, top);
      g_assert_cmpfloat (row_bottom, <=, bottom);
      placed_on_last = page;
    }
  g_assert_cmpuint (placed_on_last, ==, n_pages - 1);

  draw_all (pages, s.cr);
  surface_close (&s);
  text = bf_test_pdf_tool ("pdftotext", s.pdf, NULL);
  if (text != NULL)
    {
      /* The header row, the page header and the footer on every page. */
      g_assert_cmpuint (bf_test_count (text, "序号"), ==, n_pages);
      g_assert_cmpuint (bf_test_count (text, "测试县测试镇"), ==, n_pages);
      g_assert_cmpuint (bf_test_count (text, "脚注"), ==, n_pages);
      g_assert_nonnull (strstr (text, "名字200"));
    }
  surface_free (&s);
}

/* Each text laid out once: pagination lays out every distinct cell, the title and the footer's
 * measure; drawing adds only each page's own footer. */
static void
test_laid_out_once (void)
{
  g_autoptr (BfPages) pages = bf_pages_new (WIDTH, HEIGHT);
  Surface s;
  guint n_pages, after_paginate;

  bf_pages_add_text (pages, "标题", &title, 0, 0);
  long_table (pages, 200);
  surface_open (&s);
  n_pages = bf_pages_paginate (pages, s.cr);
  after_paginate = bf_pages_get_n_layouts (pages);
  /* Title 1, footer 1, header cells 3, numbers and names 200 each, groups 8 (recurring). */
  g_assert_cmpuint (after_paginate, ==, 1 + 1 + 3 + 400 + 8);
  draw_all (pages, s.cr);
  g_assert_cmpuint (bf_pages_get_n_layouts (pages), ==, after_paginate + n_pages);
  /* Drawing again lays nothing out again either. */
  draw_all (pages, s.cr);
  g_assert_cmpuint (bf_pages_get_n_layouts (pages), ==, after_paginate + 2 * n_pages);
  surface_close (&s);
  surface_free (&s);
}

/* The page of @pdf whose text has @needle (0: none). */
static guint
page_with (const char *pdf, const char *needle)
{
  for (guint p = 1; p <= bf_test_pdf_n_pages (pdf); p++)
    {
      g_autofree char *text = bf_test_pdf_text (pdf, p, FALSE);

      if (strstr (text, needle) != NULL)
        return p;
    }
  return 0;
}

/* A heading at the foot of a page goes over with its table's header and first row: tried with
 * the first table ending at every height around the page's foot. */
static void
test_keep_with_next (void)
{
  gboolean moved = FALSE;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  for (guint n = 30; n < 42; n++)
    {
      g_autoptr (BfPages) pages = bf_pages_new (WIDTH, HEIGHT);
      BfTable *first;
      guint last_page, heading_page;
      Surface s;

      first = long_table (pages, n);
      bf_pages_add_text (pages, "二、下一节", &body, 8, BF_BLOCK_KEEP_WITH_NEXT);
      named_table (pages, 2, "乙");
      surface_open (&s);
      bf_pages_paginate (pages, s.cr);
      g_assert_true (bf_table_get_row_place (first, n, &last_page, NULL, NULL));
      draw_all (pages, s.cr);
      surface_close (&s);
      heading_page = page_with (s.pdf, "二、下一节");
      g_assert_cmpuint (heading_page, ==, page_with (s.pdf, "乙1"));
      moved = moved || heading_page == last_page + 2; /* pdftotext counts from 1 */
      surface_free (&s);
    }
  g_assert_true (moved);
}

/* A row taller than a page starts a page of its own and is cut at its foot; a page break starts
 * a page, once. */
static void
test_tall_row_and_break (void)
{
  g_autoptr (BfPages) pages = bf_pages_new (WIDTH, HEIGHT);
  g_autoptr (GString) tall = g_string_new (NULL);
  BfTable *table;
  Surface s;
  guint page, next_page;
  double top, bottom, row_top, row_bottom;

  long_table (pages, 5);
  for (guint i = 0; i < 800; i++)
    g_string_append (tall, "很长的一格，");
  table = bf_pages_add_table (pages, 1, &body);
  bf_table_add_row (table, 0);
  bf_table_add_cell (table, tall->str, 1, 0);
  bf_table_add_row (table, 0);
  bf_table_add_cell (table, "其后", 1, 0);
  bf_pages_add_page_break (pages);
  bf_pages_add_page_break (pages);
  bf_pages_add_text (pages, "末页", &body, 0, 0);

  surface_open (&s);
  bf_pages_paginate (pages, s.cr);
  bf_pages_get_body (pages, &top, &bottom);
  g_assert_true (bf_table_get_row_place (table, 0, &page, &row_top, &row_bottom));
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpfloat (row_top, ==, top);
  g_assert_cmpfloat (row_bottom, >, bottom);
  g_assert_true (bf_table_get_row_place (table, 1, &next_page, NULL, NULL));
  g_assert_cmpuint (next_page, ==, 2);
  g_assert_cmpuint (bf_pages_get_n_pages (pages), ==, 4);
  draw_all (pages, s.cr);
  surface_close (&s);
  surface_free (&s);
}

static void
test_paper (void)
{
  BfPaper paper;
  BfPaperSpec spec;
  double x0, x1, w, h;

  g_assert_true (bf_paper_parse ("a4", &paper) && paper == BF_PAPER_A4);
  g_assert_true (bf_paper_parse ("A5", &paper) && paper == BF_PAPER_A5);
  g_assert_true (bf_paper_parse ("a4-2up", &paper) && paper == BF_PAPER_A4_TWO_A5);
  g_assert_false (bf_paper_parse ("letter", &paper));
  g_assert_cmpstr (bf_paper_name (BF_PAPER_A4_TWO_A5), ==, "a4-2up");

  /* Two A5 pages on a landscape A4: each half, cut down the gutter, is an A5 with margins (297 mm
   * is half a millimetre more than two A5 widths). */
  bf_paper_get_spec (BF_PAPER_A4_TWO_A5, &spec);
  g_assert_cmpfloat (spec.sheet_width, >, spec.sheet_height);
  g_assert_cmpuint (spec.n_slots, ==, 2);
  bf_paper_slot (&spec, spec.sheet_width - 2 * spec.margin, spec.sheet_height - 2 * spec.margin, 0,
                 &x0, &w, &h);
  bf_paper_slot (&spec, spec.sheet_width - 2 * spec.margin, spec.sheet_height - 2 * spec.margin, 1,
                 &x1, NULL, NULL);
  g_assert_cmpfloat (x0, ==, 0);
  g_assert_cmpfloat_with_epsilon (x1, w + spec.gutter, 0.001);
  g_assert_cmpfloat_with_epsilon (2 * w + spec.gutter + 2 * spec.margin, spec.sheet_width, 0.001);
  g_assert_cmpfloat_with_epsilon (w + 2 * spec.margin, BF_A5_WIDTH_PT, 0.75 * BF_PT_PER_MM);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/pages/rows-flow", test_rows_flow);
  g_test_add_func ("/report/pages/laid-out-once", test_laid_out_once);
  g_test_add_func ("/report/pages/keep-with-next", test_keep_with_next);
  g_test_add_func ("/report/pages/tall-row-and-break", test_tall_row_and_break);
  g_test_add_func ("/report/pages/paper", test_paper);
  return g_test_run ();
}
