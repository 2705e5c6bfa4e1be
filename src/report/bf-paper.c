/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-pages.h"

/* Paper sizes of the printed documents. Two A5 pages on one A4 sheet are how township offices
 * print wall cards on an A4-only printer: the sheet is landscape, the pages side by side, and
 * the gutter between them is as wide as two margins, so that each half cut off is an A5 page
 * with its own margins. */

static const struct
{
  const char *name;
  BfPaperSpec spec;
} papers[] = {
  [BF_PAPER_A4] = { "a4", { BF_A4_WIDTH_PT, BF_A4_HEIGHT_PT, 20 * BF_PT_PER_MM, 1, 0 } },
  [BF_PAPER_A5] = { "a5", { BF_A5_WIDTH_PT, BF_A5_HEIGHT_PT, 12 * BF_PT_PER_MM, 1, 0 } },
  [BF_PAPER_A4_TWO_A5] = { "a4-2up",
                           { BF_A4_HEIGHT_PT, BF_A4_WIDTH_PT, 12 * BF_PT_PER_MM, 2,
                             24 * BF_PT_PER_MM } },
};

gboolean
bf_paper_parse (const char *text, BfPaper *paper)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (text != NULL && g_ascii_strcasecmp (text, papers[i].name) == 0)
      {
        if (paper != NULL)
          *paper = (BfPaper) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bf_paper_name (BfPaper paper)
{
  g_return_val_if_fail ((guint) paper < G_N_ELEMENTS (papers), NULL);
  return papers[paper].name;
}

void
bf_paper_get_spec (BfPaper paper, BfPaperSpec *spec)
{
  g_return_if_fail ((guint) paper < G_N_ELEMENTS (papers) && spec != NULL);
  *spec = papers[paper].spec;
}

void
bf_paper_slot (const BfPaperSpec *spec,
               double area_width,
               double area_height,
               guint slot,
               double *x,
               double *width,
               double *height)
{
  guint n = MAX (spec->n_slots, 1);
  double w = (area_width - spec->gutter * (n - 1)) / n;

  if (x != NULL)
    *x = MIN (slot, n - 1) * (w + spec->gutter);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = area_height;
}

void
bf_paper_draw_cut_line (const BfPaperSpec *spec, cairo_t *cr, double area_width, double area_height)
{
  const double dash[] = { 4.0, 3.0 };
  double w;

  if (spec->n_slots < 2)
    return;
  bf_paper_slot (spec, area_width, area_height, 0, NULL, &w, NULL);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for (guint i = 1; i < spec->n_slots; i++)
    {
      double x = i * (w + spec->gutter) - spec->gutter / 2;

      /* Out to the sheet's edges, through the margins, where the cutter starts. */
      cairo_move_to (cr, x, -spec->margin);
      cairo_line_to (cr, x, area_height + spec->margin);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}
