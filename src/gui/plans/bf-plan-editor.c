/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-gui-util.h"
#include "bf-measures.h"
#include "bf-money.h"
#include "bf-plan-editor.h"
#include "bf-plans-util.h"

static const BfFieldSpec measure_fields[] = {
  { "category", BF_FIELD_CODES, N_ ("Category"), BF_CODES_MEASURE_CATEGORY },
  { "subtype", BF_FIELD_CHOICE, N_ ("Type") },
  { "description", BF_FIELD_TEXT, N_ ("Description") },
  { "department", BF_FIELD_CODES, N_ ("Department"), BF_CODES_DEPARTMENT, N_ ("Not set") },
  { "helper", BF_FIELD_CHOICE, N_ ("Responsible helper") },
};

static const BfFieldSpec money_fields[] = {
  { "starts_on", BF_FIELD_DATE, N_ ("Start date") },
  { "due_on", BF_FIELD_DATE, N_ ("Due date") },
  { "budget", BF_FIELD_NUMBER, N_ ("Budget") },
  { "spent", BF_FIELD_NUMBER, N_ ("Spent") },
};

static const BfFieldSpec result_fields[] = {
  { "status", BF_FIELD_CODES, N_ ("Status"), BF_CODES_MEASURE_STATUS },
  { "completed_on", BF_FIELD_DATE, N_ ("Completion date") },
  { "effect", BF_FIELD_TEXT, N_ ("Effect") },
  { "household_confirmed", BF_FIELD_SWITCH, N_ ("Confirmed by the household") },
};

struct _BfPlanEditor
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwWindowTitle *window_title;
  GtkRevealer *problem_revealer;
  GtkLabel *problem_label;
  AdwPreferencesPage *page;
  AdwComboRow *year_row;
  AdwEntryRow *goal_row;
  GtkWidget *copy_row;
  AdwPreferencesGroup *measures_group;
  GtkWidget *no_measures_row;
  AdwPreferencesGroup *suggestions_group;
  AdwWindowTitle *measure_title;
  AdwPreferencesPage *measure_page;
  AdwPreferencesGroup *measure_group;
  AdwPreferencesGroup *measure_money_group;
  AdwPreferencesGroup *measure_result_group;
  GtkWidget *remove_button;

  BfForm *form;
  BfStore *store;
  gint64 household_id;
  char *household_title;
  GPtrArray *suggestions; /* const BfMeasureSuggestion*: for the household's causes */
  GHashTable *ignored;    /* "category/subtype" */
  GArray *years;          /* int, newest first: the choices of the year row */
  BfPlan *plan;           /* as edited */
  gboolean dirty;
  gboolean setting_year;
  int editing; /* measure index, -1 new, -2 none */
  char *problem;
  GPtrArray *rows; /* the measure rows shown */
  GPtrArray *suggestion_rows;
};

G_DEFINE_FINAL_TYPE (BfPlanEditor, bf_plan_editor, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (BfPlanEditor *self);

static void
set_problem (BfPlanEditor *self, const char *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
}

static void
set_dirty (BfPlanEditor *self, gboolean dirty)
{
  self->dirty = dirty;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", self->store != NULL);
}

static char *
suggestion_key (const char *category, const char *subtype)
{
  return g_strdup_printf ("%s/%s", category, subtype != NULL ? subtype : "");
}

static gboolean
plan_has (BfPlanEditor *self, const BfMeasureSuggestion *s)
{
  for (guint i = 0; self->plan != NULL && i < self->plan->measures->len; i++)
    {
      const BfMeasure *m = g_ptr_array_index (self->plan->measures, i);
      if (g_strcmp0 (m->category, s->category) == 0 && g_strcmp0 (m->subtype, s->subtype) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The suggestions on offer now, in order. */
static GPtrArray *
offered (BfPlanEditor *self)
{
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      const BfMeasureSuggestion *s = g_ptr_array_index (self->suggestions, i);
      g_autofree char *key = suggestion_key (s->category, s->subtype);

      if (!plan_has (self, s) && !g_hash_table_contains (self->ignored, key))
        g_ptr_array_add (shown, (gpointer) s);
    }
  return shown;
}

/* {{{ The measure rows */

static void
measure_row_activated_cb (AdwActionRow *row, BfPlanEditor *self)
{
  bf_plan_editor_edit_measure (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "index")));
}

static GtkWidget *
measure_row_new (BfPlanEditor *self, const BfMeasure *m, guint index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *kind = bf_plans_measure_kind (m->category, m->subtype);
  g_autofree char *summary = bf_plans_measure_summary (m);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", kind, summary);
  GDate today;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 m->description != NULL ? m->description : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  bf_date_today (&today);
  if (bf_measure_is_overdue (m->status, m->due_on, &today))
    {
      GtkWidget *tag = gtk_label_new (_ ("Overdue"));

      gtk_widget_add_css_class (tag, "bf-overdue-tag");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      gtk_widget_add_css_class (row, "bf-overdue");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "index", GINT_TO_POINTER (index));
  g_signal_connect (row, "activated", G_CALLBACK (measure_row_activated_cb), self);
  return row;
}

static void
suggestion_add_cb (GtkButton *button, BfPlanEditor *self)
{
  bf_plan_editor_accept_suggestion (
    self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
suggestion_ignore_cb (GtkButton *button, BfPlanEditor *self)
{
  bf_plan_editor_ignore_suggestion (
    self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static GtkWidget *
suggestion_row_new (BfPlanEditor *self, const BfMeasureSuggestion *s, guint index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_ ("_Add"));
  GtkWidget *ignore = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *kind = bf_plans_measure_kind (s->category, s->subtype);
  g_autofree char *subtitle =
    g_strdup_printf ("%s · %s", kind, bf_code_label (BF_CODES_DEPARTMENT, s->department));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (s->description));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (ignore, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (ignore, "flat");
  gtk_widget_set_tooltip_text (add, _ ("Add this measure to the plan"));
  gtk_widget_set_tooltip_text (ignore, _ ("Ignore this suggestion"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ignore), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Ignore this suggestion"), -1);
  g_object_set_data (G_OBJECT (add), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (ignore), "index", GUINT_TO_POINTER (index));
  g_signal_connect (add, "clicked", G_CALLBACK (suggestion_add_cb), self);
  g_signal_connect (ignore, "clicked", G_CALLBACK (suggestion_ignore_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), ignore);
  return row;
}

static void
clear_rows (AdwPreferencesGroup *group, GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
refresh (BfPlanEditor *self)
{
  g_autoptr (GPtrArray) shown = offered (self);
  guint n = self->plan != NULL ? self->plan->measures->len : 0;
  g_autofree char *subtitle = NULL;

  clear_rows (self->measures_group, self->rows);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = measure_row_new (self, g_ptr_array_index (self->plan->measures, i), i);
      adw_preferences_group_add (self->measures_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->no_measures_row, n == 0);

  clear_rows (self->suggestions_group, self->suggestion_rows);
  for (guint i = 0; i < shown->len; i++)
    {
      GtkWidget *row = suggestion_row_new (self, g_ptr_array_index (shown, i), i);
      adw_preferences_group_add (self->suggestions_group, row);
      g_ptr_array_add (self->suggestion_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), shown->len > 0);

  /* Last year's plan is a start for a new plan only. */
  gtk_widget_set_visible (self->copy_row, self->plan != NULL && self->plan->id == 0);
  if (self->plan != NULL)
    {
      /* TRANSLATORS: the plan editor's subtitle: household, year */
      subtitle = g_strdup_printf (_ ("%s — %d"), self->household_title, self->plan->year);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
}

/* }}} */
/* {{{ Loading */

static void
fill_years (BfPlanEditor *self, int selected)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr (GArray) saved = NULL;
  GDate today;
  int current;
  guint index = 0;

  bf_date_today (&today);
  current = g_date_get_year (&today);
  g_array_set_size (self->years, 0);
  saved = self->store != NULL ? bf_store_plan_years (self->store, self->household_id, NULL) : NULL;
  /* Next year, this year and the selected one always; then the years with plans, newest first. */
  for (int y = current + 1; y >= current - 1; y--)
    g_array_append_val (self->years, y);
  for (guint i = 0; saved != NULL && i < saved->len; i++)
    {
      int y = g_array_index (saved, int, i);
      if (y < current - 1)
        g_array_append_val (self->years, y);
    }
  if (selected < g_array_index (self->years, int, self->years->len - 1))
    g_array_append_val (self->years, selected);
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (self->years, int, i));
      gtk_string_list_append (list, label);
      if (g_array_index (self->years, int, i) == selected)
        index = i;
    }
  self->setting_year = TRUE;
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->year_row, index);
  self->setting_year = FALSE;
}

void
bf_plan_editor_show_year (BfPlanEditor *self, int year)
{
  g_autoptr (GError) error = NULL;
  BfPlan *plan = NULL;

  g_return_if_fail (BF_IS_PLAN_EDITOR (self));

  if (self->store != NULL && self->household_id != 0)
    plan = bf_store_plan_get (self->store, self->household_id, year, &error);
  if (plan == NULL)
    {
      plan = bf_plan_new ();
      plan->household_id = self->household_id;
      plan->year = year;
    }
  g_clear_pointer (&self->plan, bf_plan_free);
  self->plan = plan;
  set_problem (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->goal_row), plan->goal != NULL ? plan->goal : "");
  fill_years (self, year);
  gtk_stack_set_visible_child_name (self->stack, "plan");
  self->editing = -2;
  set_dirty (self, FALSE);
  refresh (self);
}

void
bf_plan_editor_set_household (BfPlanEditor *self, BfStore *store, const BfHousehold *household)
{
  const char *causes[3];
  const BfMember *head;
  GDate today;

  g_return_if_fail (BF_IS_PLAN_EDITOR (self));
  g_return_if_fail (household != NULL);

  g_set_object (&self->store, store);
  self->household_id = household->id;
  head = bf_household_get_head (household);
  g_free (self->household_title);
  self->household_title = bf_plans_household_title (
    household->number, head != NULL ? head->name : NULL, household->village_name);
  causes[0] = household->primary_cause;
  causes[1] = household->other_causes[0];
  causes[2] = household->other_causes[1];
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = bf_measure_suggest (causes, G_N_ELEMENTS (causes));
  g_hash_table_remove_all (self->ignored);

  {
    g_auto (GStrv) values = NULL;
    g_auto (GStrv) labels = NULL;

    bf_plans_helper_choices (store, _ ("None"), 0, &values, &labels);
    bf_form_set_choices (self->form, "helper", (const char *const *) values,
                         (const char *const *) labels);
  }
  bf_date_today (&today);
  bf_plan_editor_show_year (self, g_date_get_year (&today));
}

static void
year_changed_response (BfUnsavedResponse response, gpointer data)
{
  BfPlanEditor *self = data;
  guint selected = adw_combo_row_get_selected (self->year_row);
  int year = g_array_index (self->years, int, MIN (selected, self->years->len - 1));

  if (response == BF_UNSAVED_SAVE && !bf_plan_editor_save (self))
    response = BF_UNSAVED_CANCEL;
  if (response == BF_UNSAVED_CANCEL)
    fill_years (self, self->plan->year);
  else
    bf_plan_editor_show_year (self, year);
  g_object_unref (self);
}

static void
year_selected_cb (BfPlanEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);

  if (self->setting_year || self->plan == NULL || selected >= self->years->len ||
      g_array_index (self->years, int, selected) == self->plan->year)
    return;
  if (!self->dirty)
    {
      bf_plan_editor_show_year (self, g_array_index (self->years, int, selected));
      return;
    }
  bf_form_ask_unsaved (GTK_WIDGET (self), _ ("Save the Plan?"),
                       _ ("The plan shown has changes that are not saved."), _ ("_Save"),
                       year_changed_response, g_object_ref (self));
}

static void
goal_changed_cb (BfPlanEditor *self)
{
  const char *goal = gtk_editable_get_text (GTK_EDITABLE (self->goal_row));

  if (self->plan == NULL || g_strcmp0 (goal, self->plan->goal != NULL ? self->plan->goal : "") == 0)
    return;
  g_free (self->plan->goal);
  self->plan->goal = g_strdup (goal);
  set_dirty (self, TRUE);
}

/* }}} */
/* {{{ Saving */

gboolean
bf_plan_editor_save (BfPlanEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfPlan) work = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (BF_IS_PLAN_EDITOR (self), FALSE);

  if (self->store == NULL || self->plan == NULL)
    return FALSE;
  work = bf_plan_copy (self->plan);
  if (!bf_store_plan_save (self->store, work, &error))
    {
      set_problem (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->plan, bf_plan_free);
  self->plan = g_steal_pointer (&work);
  set_problem (self, NULL);
  set_dirty (self, FALSE);
  fill_years (self, self->plan->year);
  refresh (self);
  /* TRANSLATORS: a toast: the plan of year %d was saved */
  message = g_strdup_printf (_ ("Plan for %d saved"), self->plan->year);
  bf_gui_toast (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

gboolean
bf_plan_editor_copy_last_year (BfPlanEditor *self)
{
  g_autoptr (GError) error = NULL;
  BfPlan *copy;

  g_return_val_if_fail (BF_IS_PLAN_EDITOR (self), FALSE);

  if (self->store == NULL || self->plan == NULL || self->plan->id != 0)
    return FALSE;
  copy = bf_store_plan_copy (self->store, self->household_id, self->plan->year - 1,
                             self->plan->year, &error);
  if (copy == NULL)
    {
      g_autofree char *message =
        g_error_matches (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND)
          ? g_strdup_printf (_ ("There is no plan for %d to start from."), self->plan->year - 1)
          : g_strdup (error->message);
      set_problem (self, message);
      return FALSE;
    }
  g_clear_pointer (&self->plan, bf_plan_free);
  self->plan = copy;
  gtk_editable_set_text (GTK_EDITABLE (self->goal_row), copy->goal != NULL ? copy->goal : "");
  set_problem (self, NULL);
  set_dirty (self, TRUE);
  refresh (self);
  return TRUE;
}

/* }}} */
/* {{{ The measure form */

static void
load_subtypes (BfPlanEditor *self, const char *category)
{
  gsize n = 0;
  const BfCode *codes = bf_measure_subtypes (category, &n);
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  g_auto (GStrv) v = NULL;
  g_auto (GStrv) l = NULL;

  g_strv_builder_add (values, "");
  g_strv_builder_add (labels, _ ("Not set"));
  for (gsize i = 0; i < n; i++)
    {
      g_strv_builder_add (values, codes[i].code);
      g_strv_builder_add (labels, bf_measure_subtype_label (category, codes[i].code));
    }
  v = g_strv_builder_end (values);
  l = g_strv_builder_end (labels);
  bf_form_set_choices (self->form, "subtype", (const char *const *) v, (const char *const *) l);
}

static void
form_changed_cb (BfPlanEditor *self, const char *key)
{
  if (g_strcmp0 (key, "category") == 0)
    load_subtypes (self, bf_form_get (self->form, "category"));
  /* Completing a measure is done on a day: today, unless the caseworker says otherwise. */
  if (g_strcmp0 (key, "status") == 0)
    {
      gboolean completed = g_strcmp0 (bf_form_get (self->form, "status"), "completed") == 0;
      g_autofree char *date = bf_form_dup_stripped (self->form, "completed_on");

      if (completed && date == NULL)
        {
          g_autofree char *today = bf_plans_today ();
          bf_form_set (self->form, "completed_on", today);
        }
      else if (!completed && date != NULL)
        bf_form_set (self->form, "completed_on", "");
    }
  if (key != NULL)
    bf_form_set_error (self->form, key, NULL);
}

static JsonObject *
measure_to_fields (const BfMeasure *m)
{
  JsonObject *o = json_object_new ();
  g_autofree char *helper = bf_plans_id_text (m->helper_id);
  g_autofree char *budget = bf_plans_money_text (m->budget_fen, TRUE);
  g_autofree char *spent = bf_plans_money_text (m->spent_fen, TRUE);

#define SET(key, value) json_object_set_string_member (o, key, (value) != NULL ? (value) : "")
  SET ("category", m->category);
  SET ("subtype", m->subtype);
  SET ("description", m->description);
  SET ("department", m->department);
  SET ("helper", helper);
  SET ("starts_on", m->starts_on);
  SET ("due_on", m->due_on);
  SET ("budget", budget);
  SET ("spent", spent);
  SET ("status", m->status != NULL ? m->status : "planned");
  SET ("completed_on", m->completed_on);
  SET ("effect", m->effect);
  SET ("household_confirmed", m->household_confirmed < 0    ? ""
                              : m->household_confirmed == 1 ? "1"
                                                            : "0");
#undef SET
  return o;
}

void
bf_plan_editor_edit_measure (BfPlanEditor *self, int index)
{
  g_autoptr (BfMeasure) fresh = NULL;
  g_autoptr (JsonObject) fields = NULL;
  const BfMeasure *m;

  g_return_if_fail (BF_IS_PLAN_EDITOR (self));
  g_return_if_fail (self->plan != NULL);
  g_return_if_fail (index >= -1 && index < (int) self->plan->measures->len);

  if (index < 0)
    {
      fresh = bf_measure_new ();
      fresh->category = g_strdup ("industry");
      fresh->status = g_strdup ("planned");
      m = fresh;
    }
  else
    {
      m = g_ptr_array_index (self->plan->measures, index);
    }
  self->editing = index;
  /* A retired helper stays a choice for the measures that have them. */
  {
    g_auto (GStrv) values = NULL;
    g_auto (GStrv) labels = NULL;

    bf_plans_helper_choices (self->store, _ ("None"), m->helper_id, &values, &labels);
    bf_form_set_choices (self->form, "helper", (const char *const *) values,
                         (const char *const *) labels);
  }
  load_subtypes (self, m->category);
  fields = measure_to_fields (m);
  bf_form_clear_messages (self->form);
  bf_form_load (self->form, fields);
  adw_window_title_set_title (self->measure_title, index < 0 ? _ ("New Measure") : _ ("Measure"));
  gtk_widget_set_visible (self->remove_button, index >= 0);
  gtk_stack_set_visible_child_name (self->stack, "measure");
  bf_form_scroll_to_top (self->measure_page);
  gtk_widget_grab_focus (bf_form_get_widget (self->form, "description"));
}

/* The form as a measure, or NULL with the wrong fields marked. */
static BfMeasure *
form_to_measure (BfPlanEditor *self, const BfMeasure *base)
{
  g_autoptr (BfMeasure) m = base != NULL ? bf_measure_copy (base) : bf_measure_new ();
  gboolean ok = TRUE;
  const char *confirmed = bf_form_get (self->form, "household_confirmed");

  bf_form_clear_messages (self->form);
  bf_plans_form_take (self->form, "category", &m->category);
  bf_plans_form_take (self->form, "subtype", &m->subtype);
  bf_plans_form_take (self->form, "description", &m->description);
  bf_plans_form_take (self->form, "department", &m->department);
  bf_plans_form_take (self->form, "status", &m->status);
  bf_plans_form_take (self->form, "effect", &m->effect);
  m->helper_id = bf_plans_id_parse (bf_form_get (self->form, "helper"));
  g_clear_pointer (&m->helper_name, g_free);
  g_clear_pointer (&m->starts_on, g_free);
  g_clear_pointer (&m->due_on, g_free);
  g_clear_pointer (&m->completed_on, g_free);
  ok &= bf_plans_form_date (self->form, "starts_on", &m->starts_on);
  ok &= bf_plans_form_date (self->form, "due_on", &m->due_on);
  ok &= bf_plans_form_date (self->form, "completed_on", &m->completed_on);
  ok &= bf_plans_form_money (self->form, "budget", &m->budget_fen);
  ok &= bf_plans_form_money (self->form, "spent", &m->spent_fen);
  m->household_confirmed = g_strcmp0 (confirmed, "1") == 0   ? 1
                           : g_strcmp0 (confirmed, "0") == 0 ? 0
                                                             : -1;

  if (m->description == NULL)
    {
      bf_form_set_error (self->form, "description", _ ("Say what the measure is."));
      ok = FALSE;
    }
  if (m->starts_on != NULL && m->due_on != NULL && g_strcmp0 (m->due_on, m->starts_on) < 0)
    {
      bf_form_set_error (self->form, "due_on", _ ("The due date is before the start date."));
      ok = FALSE;
    }
  if (g_strcmp0 (m->status, "completed") == 0 && m->completed_on == NULL)
    {
      bf_form_set_error (self->form, "completed_on", _ ("A completed measure needs its date."));
      ok = FALSE;
    }
  if (m->spent_fen > m->budget_fen && m->budget_fen > 0)
    bf_form_set_warning (self->form, "spent", _ ("More was spent than the budget."));
  return ok ? g_steal_pointer (&m) : NULL;
}

static void
close_measure (BfPlanEditor *self)
{
  self->editing = -2;
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

gboolean
bf_plan_editor_measure_done (BfPlanEditor *self)
{
  BfMeasure *m;

  g_return_val_if_fail (BF_IS_PLAN_EDITOR (self), FALSE);

  if (self->editing == -2)
    return FALSE;
  m = form_to_measure (
    self, self->editing >= 0 ? g_ptr_array_index (self->plan->measures, self->editing) : NULL);
  if (m == NULL)
    {
      const char *first = bf_form_first_error (self->form);
      if (first != NULL)
        gtk_widget_grab_focus (bf_form_get_widget (self->form, first));
      return FALSE;
    }
  m->year = self->plan->year;
  if (self->editing >= 0)
    {
      bf_measure_free (g_ptr_array_index (self->plan->measures, self->editing));
      g_ptr_array_index (self->plan->measures, self->editing) = m;
    }
  else
    {
      g_ptr_array_add (self->plan->measures, m);
    }
  close_measure (self);
  set_dirty (self, TRUE);
  refresh (self);
  return TRUE;
}

void
bf_plan_editor_measure_cancel (BfPlanEditor *self)
{
  g_return_if_fail (BF_IS_PLAN_EDITOR (self));
  close_measure (self);
}

static void
measure_remove (BfPlanEditor *self)
{
  if (self->editing < 0)
    return;
  g_ptr_array_remove_index (self->plan->measures, self->editing);
  close_measure (self);
  set_dirty (self, TRUE);
  refresh (self);
}

BfForm *
bf_plan_editor_get_measure_form (BfPlanEditor *self)
{
  g_return_val_if_fail (BF_IS_PLAN_EDITOR (self), NULL);
  return self->form;
}

/* }}} */
/* {{{ Suggestions */

guint
bf_plan_editor_get_n_suggestions (BfPlanEditor *self)
{
  g_autoptr (GPtrArray) shown = offered (self);

  return shown->len;
}

void
bf_plan_editor_accept_suggestion (BfPlanEditor *self, guint index)
{
  g_autoptr (GPtrArray) shown = offered (self);
  const BfMeasureSuggestion *s;
  BfMeasure *m;

  g_return_if_fail (BF_IS_PLAN_EDITOR (self));
  g_return_if_fail (index < shown->len && self->plan != NULL);

  s = g_ptr_array_index (shown, index);
  m = bf_measure_new ();
  m->category = g_strdup (s->category);
  m->subtype = g_strdup (s->subtype);
  m->description = g_strdup (_ (s->description));
  m->department = g_strdup (s->department);
  m->status = g_strdup ("planned");
  m->year = self->plan->year;
  g_ptr_array_add (self->plan->measures, m);
  set_dirty (self, TRUE);
  refresh (self);
}

void
bf_plan_editor_ignore_suggestion (BfPlanEditor *self, guint index)
{
  g_autoptr (GPtrArray) shown = offered (self);
  const BfMeasureSuggestion *s;

  g_return_if_fail (BF_IS_PLAN_EDITOR (self));
  g_return_if_fail (index < shown->len);

  s = g_ptr_array_index (shown, index);
  g_hash_table_add (self->ignored, suggestion_key (s->category, s->subtype));
  refresh (self);
}

/* }}} */

typedef struct
{
  BfPlanEditor *self;
  void (*callback) (gboolean may_close, gpointer data);
  gpointer data;
} CloseRequest;

static void
close_response (BfUnsavedResponse response, gpointer data)
{
  CloseRequest *request = data;
  gboolean may_close = response == BF_UNSAVED_DISCARD ||
                       (response == BF_UNSAVED_SAVE && bf_plan_editor_save (request->self));

  if (may_close)
    set_dirty (request->self, FALSE);
  request->callback (may_close, request->data);
  g_object_unref (request->self);
  g_free (request);
}

void
bf_plan_editor_request_close (BfPlanEditor *self,
                              void (*callback) (gboolean may_close, gpointer data),
                              gpointer data)
{
  CloseRequest *request;

  g_return_if_fail (BF_IS_PLAN_EDITOR (self));

  if (!self->dirty)
    {
      callback (TRUE, data);
      return;
    }
  request = g_new0 (CloseRequest, 1);
  request->self = g_object_ref (self);
  request->callback = callback;
  request->data = data;
  bf_form_ask_unsaved (GTK_WIDGET (self), _ ("Save the Plan?"),
                       _ ("The plan has changes that are not saved."), _ ("_Save"), close_response,
                       request);
}

int
bf_plan_editor_get_year (BfPlanEditor *self)
{
  g_return_val_if_fail (BF_IS_PLAN_EDITOR (self), 0);
  return self->plan != NULL ? self->plan->year : 0;
}

const BfPlan *
bf_plan_editor_get_plan (BfPlanEditor *self)
{
  g_return_val_if_fail (BF_IS_PLAN_EDITOR (self), NULL);
  return self->plan;
}

gboolean
bf_plan_editor_get_dirty (BfPlanEditor *self)
{
  g_return_val_if_fail (BF_IS_PLAN_EDITOR (self), FALSE);
  return self->dirty;
}

const char *
bf_plan_editor_get_problem (BfPlanEditor *self)
{
  g_return_val_if_fail (BF_IS_PLAN_EDITOR (self), NULL);
  return self->problem;
}

static void
action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfPlanEditor *self = BF_PLAN_EDITOR (widget);

  if (g_str_equal (action_name, "plan.save"))
    bf_plan_editor_save (self);
  else if (g_str_equal (action_name, "plan.copy-last-year"))
    bf_plan_editor_copy_last_year (self);
  else if (g_str_equal (action_name, "plan.add-measure"))
    bf_plan_editor_edit_measure (self, -1);
  else if (g_str_equal (action_name, "plan.measure-done"))
    bf_plan_editor_measure_done (self);
  else if (g_str_equal (action_name, "plan.measure-cancel"))
    bf_plan_editor_measure_cancel (self);
  else if (g_str_equal (action_name, "plan.measure-remove"))
    measure_remove (self);
}

static void
bf_plan_editor_dispose (GObject *object)
{
  BfPlanEditor *self = BF_PLAN_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_PLAN_EDITOR);
  g_clear_object (&self->form);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bf_plan_editor_parent_class)->dispose (object);
}

static void
bf_plan_editor_finalize (GObject *object)
{
  BfPlanEditor *self = BF_PLAN_EDITOR (object);

  g_free (self->household_title);
  g_free (self->problem);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_hash_table_unref (self->ignored);
  g_array_unref (self->years);
  g_clear_pointer (&self->plan, bf_plan_free);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->suggestion_rows);
  G_OBJECT_CLASS (bf_plan_editor_parent_class)->finalize (object);
}

static void
bf_plan_editor_class_init (BfPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *const actions[] = {
    "plan.save",         "plan.copy-last-year", "plan.add-measure",
    "plan.measure-done", "plan.measure-cancel", "plan.measure-remove"
  };

  object_class->dispose = bf_plan_editor_dispose;
  object_class->finalize = bf_plan_editor_finalize;

  /* After the plan was saved. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangfu/Bangfu/plans/bf-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, goal_row);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, copy_row);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, measures_group);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, no_measures_row);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, measure_title);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, measure_page);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, measure_group);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, measure_money_group);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, measure_result_group);
  gtk_widget_class_bind_template_child (widget_class, BfPlanEditor, remove_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, action_cb);
}

static void
bf_plan_editor_init (BfPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_ptr_array_new ();
  self->suggestion_rows = g_ptr_array_new ();
  self->editing = -2;

  self->form = bf_form_new ();
  bf_form_build (self->form, self->measure_group, measure_fields, G_N_ELEMENTS (measure_fields));
  bf_form_build (self->form, self->measure_money_group, money_fields, G_N_ELEMENTS (money_fields));
  bf_form_build (self->form, self->measure_result_group, result_fields,
                 G_N_ELEMENTS (result_fields));
  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->year_row, "notify::selected", G_CALLBACK (year_selected_cb),
                            self);
  g_signal_connect_swapped (self->goal_row, "changed", G_CALLBACK (goal_changed_cb), self);
  set_dirty (self, FALSE);
}

GtkWidget *
bf_plan_editor_new (void)
{
  return g_object_new (BF_TYPE_PLAN_EDITOR, NULL);
}
