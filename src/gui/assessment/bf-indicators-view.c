/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bf-gui-util.h"
#include "bf-case-list-window.h"
#include "bf-exit-ui.h"
#include "bf-indicator-chart.h"
#include "bf-indicators-view.h"

/* The indicators of docs/domain.md §8 for a period and a scope: one card per figure with its
 * definition, a bar chart by village, and behind every figure the list of its households. */
struct _BfIndicatorsView
{
  AdwBin parent_instance;

  BfStore *store;
  BfGuiReader *worker;
  GCancellable *cancellable;
  GArray *scope_ids;
  BfIndicatorReport *report;
  char *scope_text; /* "2026, quarter 3 · 石门乡" */
  GtkWidget *cards[BF_N_INDICATORS];
  GtkLabel *values[BF_N_INDICATORS];
  GtkLabel *counts[BF_N_INDICATORS];
  gboolean computing;

  GtkEntry *period_entry;
  GtkDropDown *scope_dropdown;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkFlowBox *cards_box;
  GtkDropDown *chart_dropdown;
  BfIndicatorChart *chart;
};

G_DEFINE_FINAL_TYPE (BfIndicatorsView, bf_indicators_view, ADW_TYPE_BIN)

/* ---------------------------------------------------------------------------------------------
 * Showing a report
 */

static void
show_chart (BfIndicatorsView *self)
{
  BfIndicatorId id = gtk_drop_down_get_selected (self->chart_dropdown);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = NULL;

  if (id >= BF_N_INDICATORS)
    return;
  for (guint i = 0; self->report != NULL && i < self->report->villages->len; i++)
    {
      const BfIndicatorSet *set = g_ptr_array_index (self->report->villages, i);
      const BfIndicator *ind = &set->indicators[id];

      g_ptr_array_add (names, set->village_name);
      g_ptr_array_add (texts, bf_indicator_format_value (ind));
      g_array_append_val (values, ind->value);
    }
  /* TRANSLATORS: the chart's name for screen readers: "Satisfaction by village" */
  title = g_strdup_printf (_ ("%s by village"), bf_indicator_title (id));
  bf_indicator_chart_set_data (self->chart, title, (const char *const *) names->pdata,
                               (const double *) (gconstpointer) values->data,
                               (const char *const *) texts->pdata, names->len,
                               id != BF_INDICATOR_INCOME_GROWTH);
}

static void
show_report (BfIndicatorsView *self)
{
  for (int i = 0; i < BF_N_INDICATORS; i++)
    {
      const BfIndicator *ind = self->report != NULL ? &self->report->scope->indicators[i] : NULL;
      g_autofree char *value = ind != NULL ? bf_indicator_format_value (ind) : g_strdup ("—");
      g_autofree char *counts = NULL;
      g_autofree char *name = NULL;

      if (ind != NULL)
        counts = g_strdup_printf ("%s %" G_GINT64_FORMAT " / %s %" G_GINT64_FORMAT,
                                  bf_indicator_numerator_label (i), ind->numerator,
                                  bf_indicator_denominator_label (i), ind->denominator);
      gtk_label_set_text (self->values[i], value);
      gtk_label_set_text (self->counts[i], counts != NULL ? counts : "");
      /* the card is read as what it shows: title and figure */
      name = g_strdup_printf ("%s: %s", bf_indicator_title (i), value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cards[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_sensitive (self->cards[i], ind != NULL);
    }
  show_chart (self);
}

/* ---------------------------------------------------------------------------------------------
 * Computing
 */

typedef struct
{
  char *period;
  gint64 village_id;
} Query;

static void
query_free (Query *q)
{
  g_free (q->period);
  g_free (q);
}

static gpointer
compute_work (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;

  return bf_store_indicators (reader, q->period, q->village_id, error);
}

static void
compute_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfIndicatorsView *self = BF_INDICATORS_VIEW (source);
  g_autoptr (GError) error = NULL;
  BfIndicatorReport *report = bf_gui_read_finish (result, &error);
  g_autofree char *label = NULL;
  BfPeriod period;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->computing = FALSE;
  gtk_spinner_stop (self->spinner);
  g_clear_pointer (&self->report, bf_indicator_report_free);
  g_clear_pointer (&self->scope_text, g_free);
  if (report == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      show_report (self);
      return;
    }
  self->report = report;
  bf_period_parse (report->period, &period, NULL);
  label = bf_period_label (&period);
  self->scope_text =
    g_strdup_printf ("%s · %s", label,
                     report->scope->village_name != NULL ? report->scope->village_name
                                                         : bf_store_get_township (self->store));
  gtk_label_set_text (self->status_label, self->scope_text);
  show_report (self);
}

static void compute (BfIndicatorsView *self);

/* Computes only on screen: the assessment page computes when it shows the view. */
static void
scope_changed_cb (BfIndicatorsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->scope_dropdown)))
    compute (self);
}

static void
compute (BfIndicatorsView *self)
{
  Query *q;

  if (self->worker == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  q = g_new0 (Query, 1);
  q->period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_entry))));
  q->village_id = bf_exit_scope_get (self->scope_dropdown, self->scope_ids);
  self->computing = TRUE;
  gtk_spinner_start (self->spinner);
  gtk_label_set_text (self->status_label, _ ("Computing…"));
  bf_gui_reader_run (self->worker, self, compute_work, q, (GDestroyNotify) query_free,
                     (GDestroyNotify) bf_indicator_report_free, self->cancellable, compute_done_cb,
                     NULL);
}

static void
compute_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  compute (BF_INDICATORS_VIEW (widget));
}

/* ---------------------------------------------------------------------------------------------
 * The households behind a figure
 */

static void
open_list (BfIndicatorsView *self, const BfIndicatorSet *set, BfIndicatorId id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *scope = NULL;
  GtkWidget *window;

  if (self->report == NULL || self->worker == NULL)
    return;
  scope = set->village_name != NULL && set != self->report->scope
            ? g_strdup_printf ("%s · %s", self->scope_text, set->village_name)
            : g_strdup (self->scope_text);
  window = bf_case_list_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->worker,
                                    &set->indicators[id], scope);
  gtk_window_present (GTK_WINDOW (window));
}

static void
card_clicked_cb (GtkButton *button, BfIndicatorsView *self)
{
  BfIndicatorId id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "indicator"));

  if (self->report != NULL)
    open_list (self, self->report->scope, id);
}

static void
bar_activated_cb (BfIndicatorsView *self, guint index)
{
  BfIndicatorId id = gtk_drop_down_get_selected (self->chart_dropdown);

  if (self->report != NULL && index < self->report->villages->len && id < BF_N_INDICATORS)
    open_list (self, g_ptr_array_index (self->report->villages, index), id);
}

/* ---------------------------------------------------------------------------------------------
 * Object
 */

static GtkLabel *
card_label (GtkBox *box, const char *text, const char *style, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void
add_cards (BfIndicatorsView *self)
{
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);

  for (int i = 0; i < BF_N_INDICATORS; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkLabel *definition;

      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      card_label (GTK_BOX (box), bf_indicator_title (i), "heading", FALSE);
      self->values[i] = card_label (GTK_BOX (box), "—", "title-1", FALSE);
      self->counts[i] = card_label (GTK_BOX (box), "", "caption", TRUE);
      definition = card_label (GTK_BOX (box), bf_indicator_definition (i), "dim-label", TRUE);
      gtk_label_set_max_width_chars (definition, 40);
      gtk_widget_add_css_class (GTK_WIDGET (definition), "caption");
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_set_tooltip_text (button, _ ("Show the households behind this figure"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      bf_indicator_definition (i), -1);
      g_object_set_data (G_OBJECT (button), "indicator", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (card_clicked_cb), self);
      gtk_flow_box_append (self->cards_box, button);
      self->cards[i] = button;
      gtk_string_list_append (titles, bf_indicator_title (i));
    }
  gtk_drop_down_set_model (self->chart_dropdown, G_LIST_MODEL (titles));
}

static void
bf_indicators_view_dispose (GObject *object)
{
  BfIndicatorsView *self = BF_INDICATORS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_INDICATORS_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->scope_ids, g_array_unref);
  g_clear_pointer (&self->report, bf_indicator_report_free);
  g_clear_pointer (&self->scope_text, g_free);
  self->worker = NULL;
  G_OBJECT_CLASS (bf_indicators_view_parent_class)->dispose (object);
}

static void
bf_indicators_view_class_init (BfIndicatorsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bf_indicators_view_dispose;
  g_type_ensure (BF_TYPE_INDICATOR_CHART);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/assessment/bf-indicators-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BfIndicatorsView, period_entry);
  gtk_widget_class_bind_template_child (widget_class, BfIndicatorsView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BfIndicatorsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, BfIndicatorsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, BfIndicatorsView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, BfIndicatorsView, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BfIndicatorsView, chart);
  gtk_widget_class_install_action (widget_class, "indicators.compute", NULL, compute_activated);
}

static void
bf_indicators_view_init (BfIndicatorsView *self)
{
  g_autofree char *period = bf_exit_default_period ();

  gtk_widget_init_template (GTK_WIDGET (self));
  bf_gui_plain_flow_boxes (GTK_WIDGET (self));
  self->scope_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  add_cards (self);
  gtk_editable_set_text (GTK_EDITABLE (self->period_entry), period);
  show_report (self);
  g_signal_connect_swapped (self->period_entry, "activate", G_CALLBACK (compute), self);
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected", G_CALLBACK (scope_changed_cb),
                            self);
  g_signal_connect_swapped (self->chart_dropdown, "notify::selected", G_CALLBACK (show_chart),
                            self);
  g_signal_connect_swapped (self->chart, "bar-activated", G_CALLBACK (bar_activated_cb), self);
}

GtkWidget *
bf_indicators_view_new (void)
{
  return g_object_new (BF_TYPE_INDICATORS_VIEW, NULL);
}

void
bf_indicators_view_set_store (BfIndicatorsView *self, BfStore *store, BfGuiReader *worker)
{
  g_return_if_fail (BF_IS_INDICATORS_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->store, store);
  self->worker = worker;
  self->computing = FALSE;
  gtk_spinner_stop (self->spinner);
  bf_exit_scope_fill (self->scope_dropdown, store, self->scope_ids);
  g_clear_pointer (&self->report, bf_indicator_report_free);
  show_report (self);
}

void
bf_indicators_view_refresh (BfIndicatorsView *self)
{
  g_return_if_fail (BF_IS_INDICATORS_VIEW (self));
  compute (self);
}

const BfIndicatorReport *
bf_indicators_view_get_report (BfIndicatorsView *self)
{
  g_return_val_if_fail (BF_IS_INDICATORS_VIEW (self), NULL);
  return self->computing ? NULL : self->report;
}

void
bf_indicators_view_open_list (BfIndicatorsView *self, gint village_index, BfIndicatorId id)
{
  g_return_if_fail (BF_IS_INDICATORS_VIEW (self));

  if (self->report == NULL)
    return;
  if (village_index < 0)
    open_list (self, self->report->scope, id);
  else if ((guint) village_index < self->report->villages->len)
    open_list (self, g_ptr_array_index (self->report->villages, village_index), id);
}

BfIndicatorChart *
bf_indicators_view_get_chart (BfIndicatorsView *self)
{
  g_return_val_if_fail (BF_IS_INDICATORS_VIEW (self), NULL);
  return self->chart;
}
