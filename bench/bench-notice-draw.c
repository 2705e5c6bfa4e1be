/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draws a notice's list to a PDF, for bench-notice.sh, in one of two ways, and prints the seconds
 * the drawing took (the sheet is loaded from the register first, not timed):
 *
 *   render  bf_notice_sheet_write_pdf(): the page layer measures the columns, lays every cell out
 *           once, paginates and draws, as bangfu-cli notice-pdf and the window's Print do;
 *   raw     a plain Pango/cairo loop: the same rows and cells in the same face and sizes, the
 *           same header row on every page, grid, title, text and footer, with column widths
 *           given in advance and one layout per column reused for every row (each cell laid
 *           out once, measured, drawn), the rules stroked once a page as the page layer does;
 *           what drawing the list costs with nothing of the page layer around it.
 *
 * usage: bench-notice-draw render|raw REGISTER NOTICE_ID OUT.pdf [PAGES] (PAGES: for the raw
 * loop's "共 M 页"). */

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "bf-notice-page.h"

#define FONT       "WenQuanYi Micro Hei, Noto Sans CJK SC"
#define MARGIN     (20.0 / 25.4 * 72.0)
#define TABLE_SIZE 10.5
#define PAD        4.0

static PangoLayout *
layout_new (PangoContext *context, double size, gboolean bold, double width, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  return layout;
}

static double
height_of (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* One row in the columns' own layouts (made once, reused for every row): each cell laid out
 * once, the row's height taken from them, drawn. -1 when the row does not fit above @body: the
 * caller starts a page and draws it there. */
static double
draw_row (PangoLayout **layouts,
          cairo_t *cr,
          const char *const *cells,
          const double *widths,
          guint n,
          double y,
          gboolean header,
          double width,
          double body)
{
  double height = 0, x = 0;

  for (guint i = 0; i < n; i++)
    {
      pango_layout_set_text (layouts[i], cells[i] != NULL ? cells[i] : "", -1);
      height = MAX (height, height_of (layouts[i]));
    }
  height += 2 * PAD;
  if (y + height > body)
    return -1;
  if (header)
    {
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_rectangle (cr, 0, y, width, height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      cairo_move_to (cr, x + PAD, y + MAX (PAD, (height - height_of (layouts[i])) / 2));
      pango_cairo_show_layout (cr, layouts[i]);
      x += widths[i];
    }
  /* The rule under the row joins the page's path, stroked once with the columns' edges when the
   * page is done (end_page()). */
  cairo_new_path (cr);
  return height;
}

/* The page's rules: under every row (kept in @rules), the columns' edges from the table's top
 * to its foot; stroked in one go, then the footer, and the page is shown. */
static void
end_page (cairo_t *cr, GArray *rules, const double *widths, guint n, double width)
{
  double top = g_array_index (rules, double, 0), x = 0;

  for (guint i = 0; i < rules->len; i++)
    {
      cairo_move_to (cr, 0, g_array_index (rules, double, i));
      cairo_line_to (cr, width, g_array_index (rules, double, i));
    }
  for (guint i = 0; i <= n; i++)
    {
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, g_array_index (rules, double, rules->len - 1));
      x += i < n ? widths[i] : 0;
    }
  cairo_set_line_width (cr, 0.6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
  g_array_set_size (rules, 0);
}

static void
draw_footer (PangoContext *context,
             cairo_t *cr,
             const char *text,
             guint page,
             guint n_pages,
             double width,
             double height)
{
  g_autofree char *footer = g_strdup_printf ("%s\n第 %u 页 共 %u 页", text, page, n_pages);
  PangoLayout *layout = layout_new (context, 9.0, FALSE, width, PANGO_ALIGN_CENTER);

  pango_layout_set_text (layout, footer, -1);
  cairo_move_to (cr, 0, height - height_of (layout));
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  g_object_unref (layout);
}

static void
raw_loop (const BfNoticeSheet *sheet, const char *path, guint n_pages)
{
  static const char *const headings[] = { "序号",       "村民小组", "户主姓名",
                                          "家庭人口数", "身份证号", NULL };
  double width = BF_A4_WIDTH_PT - 2 * MARGIN, height = BF_A4_HEIGHT_PT - 2 * MARGIN;
  /* About the widths the page layer finds for these rows (a village notice, masked IDs). */
  double widths[6] = { 40.0, 51.0, 51.0, 61.5, 114.0, 0 };
  const char *header[6];
  g_autofree char *footer = g_strdup_printf (
    "发布单位：%s　　监督电话：%s　　日期：%s", sheet->issuing_body ? sheet->issuing_body : "",
    sheet->supervision_phone ? sheet->supervision_phone : "", sheet->date ? sheet->date : "");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, BF_A4_WIDTH_PT, BF_A4_HEIGHT_PT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoLayout *body_layouts[6], *header_layouts[6];
  g_autoptr (GArray) rules = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayout *layout;
  double y = 0, body, row;
  guint page = 1;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  widths[5] = width - (widths[0] + widths[1] + widths[2] + widths[3] + widths[4]);
  for (guint i = 0; i < 6; i++)
    {
      header[i] = i < 5 ? headings[i] : sheet->reason_heading;
      body_layouts[i] = layout_new (context, TABLE_SIZE, FALSE, widths[i] - 2 * PAD,
                                    i == 5 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
      header_layouts[i] =
        layout_new (context, TABLE_SIZE, TRUE, widths[i] - 2 * PAD, PANGO_ALIGN_CENTER);
    }
  /* The body ends above the footer, two lines of 9 points. */
  layout = layout_new (context, 9.0, FALSE, width, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, "日\n页", -1);
  body = height - height_of (layout) - 10;
  g_object_unref (layout);
  cairo_translate (cr, MARGIN, MARGIN);

  layout = layout_new (context, 18, TRUE, width, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, sheet->title, -1);
  pango_cairo_show_layout (cr, layout);
  y += height_of (layout) + 15;
  g_object_unref (layout);
  layout = layout_new (context, 11.5, FALSE, width, PANGO_ALIGN_LEFT);
  pango_layout_set_indent (layout, (int) (23 * PANGO_SCALE));
  pango_layout_set_spacing (layout, (int) (4.6 * PANGO_SCALE));
  pango_layout_set_text (layout, sheet->text, -1);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  y += height_of (layout) + 10;
  g_object_unref (layout);

  g_array_append_val (rules, y);
  y += draw_row (header_layouts, cr, header, widths, 6, y, TRUE, width, body);
  g_array_append_val (rules, y);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      const BfNoticeRow *nr = g_ptr_array_index (sheet->rows, r);
      g_autofree char *number = g_strdup_printf ("%u", r + 1);
      g_autofree char *members = g_strdup_printf ("%d", nr->member_count);
      const char *cells[] = {
        number, nr->group, nr->head_name, members, nr->masked_id, nr->reason
      };

      while ((row = draw_row (body_layouts, cr, cells, widths, 6, y, FALSE, width, body)) < 0)
        {
          end_page (cr, rules, widths, 6, width);
          draw_footer (context, cr, footer, page++, n_pages, width, height);
          cairo_show_page (cr);
          y = 0;
          g_array_append_val (rules, y);
          y = draw_row (header_layouts, cr, header, widths, 6, 0, TRUE, width, body);
          g_array_append_val (rules, y);
        }
      y += row;
      g_array_append_val (rules, y);
    }
  end_page (cr, rules, widths, 6, width);
  draw_footer (context, cr, footer, page, n_pages, width, height);
  cairo_show_page (cr);
  for (guint i = 0; i < 6; i++)
    {
      g_object_unref (body_layouts[i]);
      g_object_unref (header_layouts[i]);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("bench-notice-draw: %s\n",
                  cairo_status_to_string (cairo_surface_status (surface)));
      exit (1);
    }
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfNoticeSheet) sheet = NULL;
  BfStore *store;
  gint64 start;
  guint n_pages = 0;

  if (argc < 5)
    {
      g_printerr ("usage: bench-notice-draw render|raw REGISTER NOTICE_ID OUT.pdf [PAGES]\n");
      return 2;
    }
  store = bf_store_open (argv[2], BF_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    sheet = bf_notice_sheet_load (store, g_ascii_strtoll (argv[3], NULL, 10), &error);
  if (sheet == NULL)
    {
      g_printerr ("bench-notice-draw: %s\n", error->message);
      return 1;
    }
  bf_store_close (store, NULL);
  g_object_unref (store);

  start = g_get_monotonic_time ();
  if (g_str_equal (argv[1], "render"))
    {
      if (!bf_notice_sheet_write_pdf (sheet, argv[4], &n_pages, &error))
        {
          g_printerr ("bench-notice-draw: %s\n", error->message);
          return 1;
        }
    }
  else
    raw_loop (sheet, argv[4], argc > 5 ? (guint) atoi (argv[5]) : 0);
  g_print ("%.3f\n", (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  return 0;
}
