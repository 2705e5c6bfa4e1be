/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-gui-util.h"
#include "bf-helper-assign.h"
#include "bf-household-assistance.h"
#include "bf-measures.h"
#include "bf-plans-util.h"

struct _BfHouseholdAssistance
{
  AdwPreferencesGroup parent_instance;

  AdwExpanderRow *helper_row;
  AdwActionRow *plan_row;
  AdwExpanderRow *visits_row;

  BfStore *store;
  BfHousehold *household; /* borrowed */
  GPtrArray *helper_rows;
  GPtrArray *visit_rows;
};

G_DEFINE_FINAL_TYPE (BfHouseholdAssistance, bf_household_assistance, ADW_TYPE_PREFERENCES_GROUP)

static char *
title (BfHouseholdAssistance *self)
{
  const BfMember *head = bf_household_get_head (self->household);

  return bf_plans_household_title (self->household->number, head != NULL ? head->name : NULL,
                                   self->household->village_name);
}

static void
clear_rows (AdwExpanderRow *expander, GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
text_row (const char *row_title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
refresh_helper (BfHouseholdAssistance *self)
{
  g_autoptr (GPtrArray) history = bf_store_assignments_for (self->store, self->household->id, NULL);
  g_autofree char *subtitle = NULL;

  clear_rows (self->helper_row, self->helper_rows);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      const BfAssignment *a = g_ptr_array_index (history, i);
      /* TRANSLATORS: a helper's time with the household: "2025-01-10 to 2026-03-01" */
      g_autofree char *when = a->ended_on != NULL
                                ? g_strdup_printf (_ ("%s to %s"), a->assigned_on, a->ended_on)
                                : g_strdup_printf (_ ("since %s"), a->assigned_on);
      GtkWidget *row = text_row (a->helper_name, when);

      adw_expander_row_add_row (self->helper_row, row);
      g_ptr_array_add (self->helper_rows, row);
    }
  if (history != NULL && history->len > 0 &&
      ((BfAssignment *) g_ptr_array_index (history, 0))->ended_on == NULL)
    {
      const BfAssignment *a = g_ptr_array_index (history, 0);
      /* TRANSLATORS: the current helper: "周帮扶, since 2025-01-10" */
      subtitle = g_strdup_printf (_ ("%s, since %s"), a->helper_name, a->assigned_on);
    }
  else if (self->household->helper_name != NULL)
    subtitle = g_strdup (self->household->helper_name);
  else
    subtitle = g_strdup (_ ("No helper yet"));
  adw_expander_row_set_subtitle (self->helper_row, subtitle);
}

static void
refresh_plan (BfHouseholdAssistance *self)
{
  GDate today;
  int year;
  g_autoptr (BfPlan) plan = NULL;
  g_autofree char *subtitle = NULL;

  bf_date_today (&today);
  year = g_date_get_year (&today);
  plan = bf_store_plan_get (self->store, self->household->id, year, NULL);
  if (plan == NULL)
    {
      subtitle = g_strdup_printf (_ ("No plan for %d yet"), year);
    }
  else
    {
      guint completed = 0, overdue = 0;

      for (guint i = 0; i < plan->measures->len; i++)
        {
          const BfMeasure *m = g_ptr_array_index (plan->measures, i);
          completed += g_strcmp0 (m->status, "completed") == 0;
          overdue += m->overdue;
        }
      /* TRANSLATORS: "2026: 3 measures, 1 completed, 1 overdue" */
      subtitle = g_strdup_printf (ngettext ("%d: %u measure, %u completed, %u overdue",
                                            "%d: %u measures, %u completed, %u overdue",
                                            plan->measures->len),
                                  year, plan->measures->len, completed, overdue);
    }
  adw_action_row_set_subtitle (self->plan_row, subtitle);
}

static void edit_visit (BfHouseholdAssistance *self, const BfVisit *visit);

static void
visit_row_activated_cb (AdwActionRow *row, BfHouseholdAssistance *self)
{
  edit_visit (self, g_object_get_data (G_OBJECT (row), "visit"));
}

static void
rectify_clicked_cb (GtkButton *button, BfHouseholdAssistance *self)
{
  const BfVisit *visit = g_object_get_data (G_OBJECT (button), "visit");
  g_autoptr (GError) error = NULL;

  if (!bf_store_visit_rectify (self->store, visit->id, NULL, NULL, &error))
    bf_gui_show_error (GTK_WIDGET (self), _ ("Could Not Record the Rectification"), error);
  else
    bf_gui_toast (GTK_WIDGET (self), _ ("Problem rectified"));
  bf_household_assistance_refresh (self);
}

static void
refresh_visits (BfHouseholdAssistance *self)
{
  g_autoptr (GPtrArray) visits = bf_store_visits_for (self->store, self->household->id, NULL);
  g_autofree char *subtitle = NULL;
  guint open = 0;

  clear_rows (self->visits_row, self->visit_rows);
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      BfVisit *v = bf_visit_copy (g_ptr_array_index (visits, i));
      g_autofree char *row_title = bf_plans_visit_title (v);
      const char *detail = v->problems != NULL ? v->problems : v->findings;
      GtkWidget *row = text_row (row_title, detail);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "visit", v, (GDestroyNotify) bf_visit_free);
      g_signal_connect (row, "activated", G_CALLBACK (visit_row_activated_cb), self);
      if (v->problems != NULL && v->rectified_on == NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_ ("Rectified"));

          open++;
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _ ("The problem was rectified today"));
          g_object_set_data (G_OBJECT (button), "visit", v);
          g_signal_connect (button, "clicked", G_CALLBACK (rectify_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          if (v->late)
            gtk_widget_add_css_class (row, "bf-overdue");
        }
      adw_expander_row_add_row (self->visits_row, row);
      g_ptr_array_add (self->visit_rows, row);
    }
  if (visits == NULL || visits->len == 0)
    subtitle = g_strdup (_ ("Not visited yet"));
  else
    /* TRANSLATORS: "Last visit 2026-05-02; 1 problem not rectified" */
    subtitle = g_strdup_printf (ngettext ("Last visit %s; %u problem not rectified",
                                          "Last visit %s; %u problems not rectified", open),
                                ((BfVisit *) g_ptr_array_index (visits, 0))->visited_on, open);
  adw_expander_row_set_subtitle (self->visits_row, subtitle);
}

void
bf_household_assistance_refresh (BfHouseholdAssistance *self)
{
  gboolean saved;

  g_return_if_fail (BF_IS_HOUSEHOLD_ASSISTANCE (self));

  saved = self->store != NULL && self->household != NULL && self->household->id != 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self), saved);
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self),
    saved ? NULL : _ ("Save the household first to plan its assistance."));
  if (!saved)
    {
      clear_rows (self->helper_row, self->helper_rows);
      clear_rows (self->visits_row, self->visit_rows);
      adw_expander_row_set_subtitle (self->helper_row, "");
      adw_action_row_set_subtitle (self->plan_row, "");
      adw_expander_row_set_subtitle (self->visits_row, "");
      return;
    }
  refresh_helper (self);
  refresh_plan (self);
  refresh_visits (self);
}

void
bf_household_assistance_set_household (BfHouseholdAssistance *self,
                                       BfStore *store,
                                       BfHousehold *household)
{
  g_return_if_fail (BF_IS_HOUSEHOLD_ASSISTANCE (self));

  g_set_object (&self->store, store);
  self->household = household;
  bf_household_assistance_refresh (self);
}

static void
helper_assigned_cb (gint64 helper_id, gpointer data)
{
  BfHouseholdAssistance *self = data;
  g_autoptr (BfHelper) helper =
    helper_id != 0 ? bf_store_helper_get (self->store, helper_id, NULL) : NULL;

  /* The form saves households.helper_id too: it must not bring the old helper back. */
  if (self->household != NULL)
    {
      self->household->helper_id = helper_id;
      g_free (self->household->helper_name);
      self->household->helper_name = helper != NULL ? g_strdup (helper->name) : NULL;
    }
  bf_household_assistance_refresh (self);
}

static void
saved_cb (BfHouseholdAssistance *self)
{
  bf_household_assistance_refresh (self);
}

static gboolean plan_window_close_cb (GtkWindow *window, BfPlanEditor *editor);

static void
plan_may_close_cb (gboolean may_close, gpointer data)
{
  GtkWindow *window = data;

  if (may_close)
    {
      g_signal_handlers_disconnect_matched (window, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            plan_window_close_cb, NULL);
      gtk_window_destroy (window);
    }
  g_object_unref (window);
}

static gboolean
plan_window_close_cb (GtkWindow *window, BfPlanEditor *editor)
{
  bf_plan_editor_request_close (editor, plan_may_close_cb, g_object_ref (window));
  return TRUE;
}

BfPlanEditor *
bf_household_assistance_open_plan (BfHouseholdAssistance *self)
{
  BfPlanEditor *editor;
  GtkWindow *window;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_ASSISTANCE (self), NULL);
  g_return_val_if_fail (self->household != NULL && self->household->id != 0, NULL);

  editor = BF_PLAN_EDITOR (bf_plan_editor_new ());
  bf_plan_editor_set_household (editor, self->store, self->household);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  window =
    bf_plans_present (GTK_WIDGET (self), GTK_WIDGET (editor), _ ("Assistance plan"), 760, 820);
  g_signal_connect (window, "close-request", G_CALLBACK (plan_window_close_cb), editor);
  return editor;
}

static void
edit_visit (BfHouseholdAssistance *self, const BfVisit *visit)
{
  g_autofree char *household_title = title (self);
  BfVisitForm *form = bf_visit_form_present (GTK_WIDGET (self), self->store, self->household->id,
                                             household_title, visit, self->household->helper_id);

  g_signal_connect_object (form, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
}

BfVisitForm *
bf_household_assistance_record_visit (BfHouseholdAssistance *self)
{
  g_autofree char *household_title = NULL;
  BfVisitForm *form;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_ASSISTANCE (self), NULL);
  g_return_val_if_fail (self->household != NULL && self->household->id != 0, NULL);

  household_title = title (self);
  form = bf_visit_form_present (GTK_WIDGET (self), self->store, self->household->id,
                                household_title, NULL, self->household->helper_id);
  g_signal_connect_object (form, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  return form;
}

static void
action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdAssistance *self = BF_HOUSEHOLD_ASSISTANCE (widget);

  if (self->household == NULL || self->household->id == 0 || self->store == NULL)
    return;
  if (g_str_equal (action_name, "assistance.open-plan"))
    bf_household_assistance_open_plan (self);
  else if (g_str_equal (action_name, "assistance.record-visit"))
    bf_household_assistance_record_visit (self);
  else
    bf_helper_assign_present (widget, self->store, &self->household->id, 1,
                              self->household->helper_id, helper_assigned_cb, self);
}

static void
bf_household_assistance_dispose (GObject *object)
{
  BfHouseholdAssistance *self = BF_HOUSEHOLD_ASSISTANCE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_HOUSEHOLD_ASSISTANCE);
  g_clear_object (&self->store);
  self->household = NULL;
  G_OBJECT_CLASS (bf_household_assistance_parent_class)->dispose (object);
}

static void
bf_household_assistance_finalize (GObject *object)
{
  BfHouseholdAssistance *self = BF_HOUSEHOLD_ASSISTANCE (object);

  g_ptr_array_unref (self->helper_rows);
  g_ptr_array_unref (self->visit_rows);
  G_OBJECT_CLASS (bf_household_assistance_parent_class)->finalize (object);
}

static void
bf_household_assistance_class_init (BfHouseholdAssistanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_household_assistance_dispose;
  object_class->finalize = bf_household_assistance_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/plans/bf-household-assistance.ui");
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdAssistance, helper_row);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdAssistance, plan_row);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdAssistance, visits_row);
  gtk_widget_class_install_action (widget_class, "assistance.open-plan", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "assistance.record-visit", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "assistance.change-helper", NULL, action_cb);
}

static void
bf_household_assistance_init (BfHouseholdAssistance *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->helper_rows = g_ptr_array_new ();
  self->visit_rows = g_ptr_array_new ();
  bf_household_assistance_refresh (self);
}

GtkWidget *
bf_household_assistance_new (void)
{
  return g_object_new (BF_TYPE_HOUSEHOLD_ASSISTANCE, NULL);
}
