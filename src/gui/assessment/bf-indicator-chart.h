/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A horizontal bar chart of one indicator by village, drawn with cairo. A bar is chosen with the
 * mouse or with Up/Down and Enter, which emits "bar-activated" with its index. */
#define BF_TYPE_INDICATOR_CHART (bf_indicator_chart_get_type ())
G_DECLARE_FINAL_TYPE (BfIndicatorChart, bf_indicator_chart, BF, INDICATOR_CHART, GtkDrawingArea)

GtkWidget *bf_indicator_chart_new (void);

/* @names, @values and @texts have @n entries. A value is a share (0–1) when @ratio, else an
 * amount drawn from zero either way; NAN: no data (no bar, the text says so). @title names the
 * chart for screen readers. */
void bf_indicator_chart_set_data (BfIndicatorChart *self,
                                  const char *title,
                                  const char *const *names,
                                  const double *values,
                                  const char *const *texts,
                                  guint n,
                                  gboolean ratio);
guint bf_indicator_chart_get_n_bars (BfIndicatorChart *self);
/* The bar under the keyboard, or G_MAXUINT. */
guint bf_indicator_chart_get_selected (BfIndicatorChart *self);
void bf_indicator_chart_select (BfIndicatorChart *self, guint index);

G_END_DECLS
