/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-exit-panel.h"
#include "bf-exit-ui.h"
#include "bf-gui-util.h"
#include "bf-money.h"
#include "bf-store-assessment.h"

struct _BfExitPanel
{
  AdwPreferencesGroup parent_instance;

  BfStore *store;
  gint64 household_id;
  gint64 read_at; /* the store's change counter when last shown */
  AdwActionRow *assessment_row;
  AdwActionRow *checks_row;
  AdwActionRow *exception_row;
  AdwActionRow *adjustments_row;
};

G_DEFINE_FINAL_TYPE (BfExitPanel, bf_exit_panel, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_HOUSEHOLD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AdwActionRow *
add_row (BfExitPanel *self, const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return ADW_ACTION_ROW (row);
}

static void
show_assessment (BfExitPanel *self)
{
  g_autoptr (GPtrArray) history = bf_store_assessments_for (self->store, self->household_id, NULL);
  g_autofree char *text = NULL;

  if (history != NULL && history->len > 0)
    {
      const BfAssessment *a = g_ptr_array_index (history, 0);
      g_autofree char *income = bf_money_format (a->per_capita_fen);
      g_autofree char *change = a->has_change ? bf_money_format (a->change_fen) : NULL;

      /* TRANSLATORS: "2026Q2: 5,500.00 yuan per person, Near the line (change +500.00)" */
      text = change != NULL ? g_strdup_printf (_ ("%s: %s yuan per person, %s (change %s%s)"),
                                               a->period, income, bf_exit_result_label (a->result),
                                               a->change_fen > 0 ? "+" : "", change)
                            : g_strdup_printf (_ ("%s: %s yuan per person, %s"), a->period, income,
                                               bf_exit_result_label (a->result));
    }
  adw_action_row_set_subtitle (self->assessment_row, text != NULL ? text : _ ("Not assessed yet"));
}

static void
show_checks (BfExitPanel *self)
{
  BfExitCheck checks[BF_N_EXIT_CHECKS];
  g_autoptr (GString) failing = g_string_new (NULL);
  g_autofree char *text = NULL;
  gboolean passed;
  guint n_passed = 0;

  if (!bf_store_exit_check (self->store, self->household_id, checks, &passed, NULL))
    {
      adw_action_row_set_subtitle (self->checks_row, "");
      return;
    }
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      if (checks[i].passed)
        n_passed++;
      else
        g_string_append_printf (failing, "%s%s", failing->len > 0 ? _ (", ") : "",
                                bf_exit_check_title (checks[i].id));
    }
  bf_exit_checks_clear (checks);
  /* TRANSLATORS: "3 of 5 pass; not passed: Assistance measure completed, Labour ability" */
  text = passed ? g_strdup (_ ("Every check passes."))
                : g_strdup_printf (_ ("%u of %d pass; not passed: %s"), n_passed, BF_N_EXIT_CHECKS,
                                   failing->str);
  adw_action_row_set_subtitle (self->checks_row, text);
}

static void
show_adjustments (BfExitPanel *self)
{
  g_autoptr (GPtrArray) list = bf_store_adjustments_for (self->store, self->household_id, NULL);
  g_autofree char *text = NULL;

  if (list != NULL && list->len > 0)
    {
      const BfAdjustment *latest = g_ptr_array_index (list, 0);

      /* TRANSLATORS: "2 recorded; the latest: 2026-05-20, Natural change — 新生儿" */
      text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recorded; the latest: %s, %s — %s",
                                      "%u recorded; the latest: %s, %s — %s", list->len),
                         list->len, latest->adjusted_on,
                         bf_code_label (BF_CODES_ADJUSTMENT_KIND, latest->kind), latest->reason);
    }
  adw_action_row_set_subtitle (self->adjustments_row, text != NULL ? text : _ ("None"));
}

static void
refresh (BfExitPanel *self)
{
  g_autofree char *exception = NULL;

  gboolean shown = self->store != NULL && self->household_id != 0;

  self->read_at = self->store != NULL ? bf_store_get_change_counter (self->store) : -1;
  /* A new household has nothing to assess yet. */
  gtk_widget_set_visible (GTK_WIDGET (self->assessment_row), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->checks_row), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->adjustments_row), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->exception_row), FALSE);
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self), shown ? NULL : _ ("Shown once the household has been saved."));
  gtk_widget_set_sensitive (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (self)),
                            shown);
  if (!shown)
    return;
  show_assessment (self);
  show_checks (self);
  exception = bf_store_exit_exception_get (self->store, self->household_id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->exception_row), exception != NULL);
  adw_action_row_set_subtitle (self->exception_row, exception != NULL ? exception : "");
  show_adjustments (self);
}

static void
open_clicked_cb (BfExitPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-assessment", "x", self->household_id);
}

static void
bf_exit_panel_map (GtkWidget *widget)
{
  BfExitPanel *self = BF_EXIT_PANEL (widget);

  GTK_WIDGET_CLASS (bf_exit_panel_parent_class)->map (widget);
  /* What was done elsewhere meanwhile (an exit step, a meeting) shows when the form comes back. */
  if (self->store != NULL && bf_store_get_change_counter (self->store) != self->read_at)
    refresh (self);
}

static void
bf_exit_panel_dispose (GObject *object)
{
  BfExitPanel *self = BF_EXIT_PANEL (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (bf_exit_panel_parent_class)->dispose (object);
}

static void
bf_exit_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BfExitPanel *self = BF_EXIT_PANEL (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      case PROP_HOUSEHOLD_ID:
        g_value_set_int64 (value, self->household_id);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_exit_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BfExitPanel *self = BF_EXIT_PANEL (object);

  switch (prop_id)
    {
      case PROP_STORE:
        bf_exit_panel_set_household (self, g_value_get_object (value), self->household_id);
        break;
      case PROP_HOUSEHOLD_ID:
        bf_exit_panel_set_household (self, self->store, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_exit_panel_class_init (BfExitPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bf_exit_panel_dispose;
  GTK_WIDGET_CLASS (klass)->map = bf_exit_panel_map;
  object_class->get_property = bf_exit_panel_get_property;
  object_class->set_property = bf_exit_panel_set_property;

  properties[PROP_STORE] = bf_gui_param_spec_store ();
  properties[PROP_HOUSEHOLD_ID] =
    g_param_spec_int64 ("household-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bf_exit_panel_init (BfExitPanel *self)
{
  GtkWidget *open = gtk_button_new_with_mnemonic (_ ("Assessment and _Exit…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Assessment and exit"));
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _ ("The household’s exit checks and steps"));
  g_signal_connect_swapped (open, "clicked", G_CALLBACK (open_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), open);
  self->assessment_row = add_row (self, _ ("Latest income assessment"));
  self->checks_row = add_row (self, _ ("Exit checks"));
  self->exception_row = add_row (self, _ ("Recorded exception"));
  self->adjustments_row = add_row (self, _ ("Dynamic adjustments"));
  refresh (self);
}

GtkWidget *
bf_exit_panel_new (void)
{
  return g_object_new (BF_TYPE_EXIT_PANEL, NULL);
}

void
bf_exit_panel_set_household (BfExitPanel *self, BfStore *store, gint64 household_id)
{
  g_return_if_fail (BF_IS_EXIT_PANEL (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (self->household_id != household_id)
    {
      self->household_id = household_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUSEHOLD_ID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  refresh (self);
}

const char *
bf_exit_panel_get_checks_text (BfExitPanel *self)
{
  g_return_val_if_fail (BF_IS_EXIT_PANEL (self), NULL);
  return adw_action_row_get_subtitle (self->checks_row);
}
