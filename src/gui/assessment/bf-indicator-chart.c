/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "bf-indicator-chart.h"

#define ROW_HEIGHT 30
#define BAR_HEIGHT 18
#define MARGIN     12
#define GAP        10

typedef struct
{
  char *name;
  char *text;
  double value;
} Bar;

struct _BfIndicatorChart
{
  GtkDrawingArea parent_instance;

  GArray *bars; /* Bar */
  gboolean ratio;
  guint selected;
};

G_DEFINE_FINAL_TYPE (BfIndicatorChart, bf_indicator_chart, GTK_TYPE_DRAWING_AREA)

enum
{
  SIGNAL_BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->name);
  g_free (bar->text);
}

static PangoLayout *
text_layout (GtkWidget *widget, const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  /* Chinese names in Chinese glyph forms, whatever the locale says. */
  pango_context_set_language (pango_layout_get_context (layout),
                              pango_language_from_string ("zh-cn"));
  pango_layout_context_changed (layout);
  return layout;
}

static int
label_width (BfIndicatorChart *self)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autoptr (PangoLayout) layout =
        text_layout (GTK_WIDGET (self), g_array_index (self->bars, Bar, i).name);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  BfIndicatorChart *self = BF_INDICATOR_CHART (area);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double fg = dark ? 0.95 : 0.14;
  int labels = label_width (self);
  double x0 = MARGIN + labels + GAP;
  double span = MAX (40.0, width - x0 - MARGIN - 110);
  double scale = 1.0, zero = x0;

  if (!self->ratio)
    {
      double most = 0, least = 0;

      for (guint i = 0; i < self->bars->len; i++)
        {
          double v = g_array_index (self->bars, Bar, i).value;

          if (!isnan (v))
            {
              most = MAX (most, v);
              least = MIN (least, v);
            }
        }
      scale = MAX (most - least, 1.0);
      zero = x0 + span * (-least / scale);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      double y = MARGIN + i * ROW_HEIGHT;
      g_autoptr (PangoLayout) name = text_layout (GTK_WIDGET (self), bar->name);
      g_autoptr (PangoLayout) text = text_layout (GTK_WIDGET (self), bar->text);
      double end = zero;
      int w, h;

      if (i == self->selected && gtk_widget_has_focus (GTK_WIDGET (self)))
        {
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.18);
          cairo_rectangle (cr, MARGIN / 2.0, y, width - MARGIN, ROW_HEIGHT);
          cairo_fill (cr);
        }

      cairo_set_source_rgb (cr, fg, fg, fg);
      pango_layout_get_pixel_size (name, &w, &h);
      cairo_move_to (cr, MARGIN + labels - w, y + (ROW_HEIGHT - h) / 2.0);
      pango_cairo_show_layout (cr, name);

      if (!isnan (bar->value))
        {
          double length = span * (self->ratio ? CLAMP (bar->value, 0, 1) : bar->value / scale);

          end = zero + length;
          /* green for a share or a gain, orange for a loss */
          if (!self->ratio && bar->value < 0)
            cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);
          else
            cairo_set_source_rgb (cr, 0.15, 0.64, 0.41);
          cairo_rectangle (cr, MIN (zero, end), y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0,
                           MAX (fabs (length), 1.0), BAR_HEIGHT);
          cairo_fill (cr);
        }

      cairo_set_source_rgb (cr, fg, fg, fg);
      pango_layout_get_pixel_size (text, &w, &h);
      cairo_move_to (cr, MAX (end, zero) + 6, y + (ROW_HEIGHT - h) / 2.0);
      pango_cairo_show_layout (cr, text);
    }

  if (!self->ratio && self->bars->len > 0)
    {
      /* the zero line of amounts */
      cairo_set_source_rgba (cr, fg, fg, fg, 0.5);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, floor (zero) + 0.5, MARGIN);
      cairo_line_to (cr, floor (zero) + 0.5, MARGIN + self->bars->len * ROW_HEIGHT);
      cairo_stroke (cr);
    }
}

static void
activate_bar (BfIndicatorChart *self, guint index)
{
  if (index >= self->bars->len)
    return;
  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_BAR_ACTIVATED], 0, index);
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, BfIndicatorChart *self)
{
  int row = (int) floor ((y - MARGIN) / ROW_HEIGHT);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (row >= 0)
    activate_bar (self, (guint) row);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint keyval,
                guint keycode,
                GdkModifierType state,
                BfIndicatorChart *self)
{
  guint n = self->bars->len;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        bf_indicator_chart_select (
          self, self->selected == 0 || self->selected >= n ? n - 1 : self->selected - 1);
        return TRUE;
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        bf_indicator_chart_select (self, self->selected + 1 >= n ? 0 : self->selected + 1);
        return TRUE;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_space:
        activate_bar (self, self->selected < n ? self->selected : 0);
        return TRUE;
      default:
        return FALSE;
    }
}

static void
focus_changed_cb (BfIndicatorChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bf_indicator_chart_finalize (GObject *object)
{
  BfIndicatorChart *self = BF_INDICATOR_CHART (object);

  g_array_unref (self->bars);
  G_OBJECT_CLASS (bf_indicator_chart_parent_class)->finalize (object);
}

static void
bf_indicator_chart_class_init (BfIndicatorChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bf_indicator_chart_finalize;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "indicatorchart");

  signals[SIGNAL_BAR_ACTIVATED] =
    g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
bf_indicator_chart_init (BfIndicatorChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->selected = G_MAXUINT;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
bf_indicator_chart_new (void)
{
  return g_object_new (BF_TYPE_INDICATOR_CHART, NULL);
}

void
bf_indicator_chart_set_data (BfIndicatorChart *self,
                             const char *title,
                             const char *const *names,
                             const double *values,
                             const char *const *texts,
                             guint n,
                             gboolean ratio)
{
  g_autoptr (GString) description = g_string_new (NULL);

  g_return_if_fail (BF_IS_INDICATOR_CHART (self));

  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < n; i++)
    {
      Bar bar = { g_strdup (names[i]), g_strdup (texts[i]), values[i] };

      g_array_append_val (self->bars, bar);
      /* TRANSLATORS: one bar of the chart read out, "清水村: 98.5%" */
      g_string_append_printf (description, "%s%s: %s", i > 0 ? "; " : "", names[i], texts[i]);
    }
  self->ratio = ratio;
  if (self->selected >= n)
    self->selected = n > 0 ? 0 : G_MAXUINT;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 2 * MARGIN + n * ROW_HEIGHT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
bf_indicator_chart_get_n_bars (BfIndicatorChart *self)
{
  g_return_val_if_fail (BF_IS_INDICATOR_CHART (self), 0);
  return self->bars->len;
}

guint
bf_indicator_chart_get_selected (BfIndicatorChart *self)
{
  g_return_val_if_fail (BF_IS_INDICATOR_CHART (self), G_MAXUINT);
  return self->selected;
}

void
bf_indicator_chart_select (BfIndicatorChart *self, guint index)
{
  g_return_if_fail (BF_IS_INDICATOR_CHART (self));

  if (index < self->bars->len)
    self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
