/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-pages-private.h"

/* Printed documents are Chinese administrative forms: their wording is the form's, whatever
 * language the caseworker's desktop runs in, so it does not go through gettext.
 *
 * The face is WenQuanYi Micro Hei (fonts-wqy-microhei), a Simplified Chinese sans with TrueType
 * outlines. Noto Sans CJK SC, the desktop's face, has CFF outlines, and cairo 1.16's (Debian 12)
 * CFF subsetter writes some of its glyphs into a PDF blank, depending on the other characters in
 * the subset (it appears to lose the subroutines they call): 如 printed blank alone, on 7 of 100
 * random 40-character sheets, and among the notice's wording and names. cairo's TrueType subsetter
 * has no such step: every GB 2312 hanzi (6,763) and 100 random sheets printed with Micro Hei, each
 * glyph with the ink cairo draws on screen, and pdffonts and pdftotext read the face and the text
 * back. Micro Hei has no bold: fontconfig emboldens it and cairo then embeds the emboldened
 * outlines as a font of its own (CairoFont-N-N), which is sound. Noto Sans CJK SC (fonts-noto-cjk)
 * stays as the fallback where Micro Hei is not installed. */
#define FONT_FAMILY "WenQuanYi Micro Hei, Noto Sans CJK SC"

PangoContext *
_bf_page_context_new (cairo_t *cr)
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

PangoLayout *
_bf_page_layout_new (PangoContext *context, double size, gboolean bold)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

BfText *
_bf_text_new (PangoLayout *layout, gboolean placed)
{
  BfText *text = g_new0 (BfText, 1);
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (BfTextRun));
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (BfTextLine));
  PangoLayoutIter *iter;
  PangoLayoutLine *current = NULL;
  int width, height;

  text->text = g_strdup (pango_layout_get_text (layout));
  text->placed = placed;
  pango_layout_get_size (layout, &width, &height);
  text->width = (double) width / PANGO_SCALE;
  text->height = (double) height / PANGO_SCALE;

  /* The iterator places each run as Pango's renderer would draw it (indent, alignment). Every
   * line ends with a NULL run, so an empty line is a line too. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);

      if (line != current)
        {
          BfTextLine record = { 0 };
          int first, last;

          pango_layout_iter_get_line_yrange (iter, &first, &last);
          record.top = (double) first / PANGO_SCALE;
          record.height = (double) (last - first) / PANGO_SCALE;
          record.first_run = runs->len;
          g_array_append_val (lines, record);
          current = line;
        }
      if (run != NULL)
        {
          BfTextRun record;
          PangoRectangle logical;

          pango_layout_iter_get_run_extents (iter, NULL, &logical);
          record.item = pango_glyph_item_copy (run);
          record.x = (double) logical.x / PANGO_SCALE;
          record.baseline =
            (double) (pango_layout_iter_get_baseline (iter) - run->y_offset) / PANGO_SCALE;
          g_array_append_val (runs, record);
          g_array_index (lines, BfTextLine, lines->len - 1).n_runs++;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  text->n_runs = runs->len;
  text->n_lines = lines->len;
  text->runs = (BfTextRun *) (void *) g_array_free (g_steal_pointer (&runs), FALSE);
  text->lines = (BfTextLine *) (void *) g_array_free (g_steal_pointer (&lines), FALSE);
  return text;
}

void
_bf_text_free (BfText *text)
{
  if (text == NULL)
    return;
  for (guint i = 0; i < text->n_runs; i++)
    pango_glyph_item_free (text->runs[i].item);
  g_free (text->runs);
  g_free (text->lines);
  g_free (text->text);
  g_free (text);
}

static void
draw_runs (const BfText *text, cairo_t *cr, guint first, guint n, double x, double y)
{
  for (guint i = first; i < first + n; i++)
    {
      const BfTextRun *run = &text->runs[i];

      cairo_move_to (cr, x + run->x, y + run->baseline);
      pango_cairo_show_glyph_item (cr, text->text, run->item);
    }
  cairo_new_path (cr);
}

void
_bf_text_draw (const BfText *text, cairo_t *cr, double x, double y)
{
  draw_runs (text, cr, 0, text->n_runs, x, y);
}

void
_bf_text_draw_line (const BfText *text, cairo_t *cr, guint line, double x, double y)
{
  const BfTextLine *l;

  g_return_if_fail (line < text->n_lines);
  l = &text->lines[line];
  draw_runs (text, cr, l->first_run, l->n_runs, x, y - l->top);
}

/* ---- The cache ---------------------------------------------------------------------------- */

typedef struct
{
  char *text;
  double size;
  gboolean bold;
  double width;
  BfAlign align;
} Key;

struct _BfTextCache
{
  PangoContext *context;
  GHashTable *texts;   /* Key → BfText */
  GHashTable *layouts; /* "size/bold" → PangoLayout, reused for every text in the style */
  guint n_laid;
};

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;

  return g_str_hash (key->text) ^ ((guint) (key->size * 64) << 8) ^ (guint) key->bold ^
         ((guint) (key->width * 8) << 16) ^ ((guint) key->align << 4);
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->size == y->size && x->bold == y->bold && x->width == y->width && x->align == y->align &&
         g_str_equal (x->text, y->text);
}

static void
key_free (Key *key)
{
  g_free (key->text);
  g_free (key);
}

BfTextCache *
_bf_text_cache_new (PangoContext *context)
{
  BfTextCache *cache = g_new0 (BfTextCache, 1);

  cache->context = g_object_ref (context);
  cache->texts = g_hash_table_new_full (key_hash, key_equal, (GDestroyNotify) key_free,
                                        (GDestroyNotify) _bf_text_free);
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return cache;
}

void
_bf_text_cache_free (BfTextCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->texts);
  g_hash_table_unref (cache->layouts);
  g_object_unref (cache->context);
  g_free (cache);
}

static PangoAlignment
pango_alignment (BfAlign align)
{
  switch (align)
    {
      case BF_ALIGN_CENTER:
        return PANGO_ALIGN_CENTER;
      case BF_ALIGN_RIGHT:
        return PANGO_ALIGN_RIGHT;
      case BF_ALIGN_LEFT:
      default:
        return PANGO_ALIGN_LEFT;
    }
}

static PangoLayout *
style_layout (BfTextCache *cache, double size, gboolean bold)
{
  char name[48];
  PangoLayout *layout;

  g_snprintf (name, sizeof name, "%.4f/%d", size, bold);
  layout = g_hash_table_lookup (cache->layouts, name);
  if (layout == NULL)
    {
      layout = _bf_page_layout_new (cache->context, size, bold);
      g_hash_table_insert (cache->layouts, g_strdup (name), layout);
    }
  return layout;
}

const BfText *
_bf_text_cache_get (BfTextCache *cache,
                    const char *text,
                    double size,
                    gboolean bold,
                    double width,
                    BfAlign align)
{
  Key key = { (char *) (text != NULL ? text : ""), size, bold, width < 0 ? -1 : width,
              width < 0 ? BF_ALIGN_LEFT : align };
  BfText *laid = g_hash_table_lookup (cache->texts, &key);
  PangoLayout *layout;

  if (laid != NULL)
    return laid;
  layout = style_layout (cache, size, bold);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, pango_alignment (key.align));
  pango_layout_set_text (layout, key.text, -1);
  laid = _bf_text_new (layout, width >= 0);
  cache->n_laid++;
  key.text = g_strdup (key.text);
  g_hash_table_insert (cache->texts, g_memdup2 (&key, sizeof key), laid);
  return laid;
}

BfText *
_bf_text_cache_lay_out (BfTextCache *cache,
                        const char *text,
                        const BfTextStyle *style,
                        double width)
{
  g_autoptr (PangoLayout) layout = _bf_page_layout_new (cache->context, style->size, style->bold);

  if (width >= 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, pango_alignment (style->align));
  if (style->indent != 0)
    pango_layout_set_indent (layout, (int) (style->indent * PANGO_SCALE));
  if (style->spacing != 0)
    pango_layout_set_spacing (layout, (int) (style->spacing * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  cache->n_laid++;
  return _bf_text_new (layout, width >= 0);
}

guint
_bf_text_cache_get_n_laid (BfTextCache *cache)
{
  return cache->n_laid;
}
