/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-gui-util.h"
#include "bf-lifecycle-panel.h"
#include "bf-store-household.h"
#include "bf-store-notices.h"
#include "bf-store-workflow.h"

struct _BfLifecyclePanel
{
  AdwPreferencesGroup parent_instance;

  BfStore *store;
  gint64 household_id;
  gint64 read_at; /* the store's change counter when last shown */

  GPtrArray *rows;     /* every row added, to take them away on refresh */
  GPtrArray *timeline; /* char *, as shown */
  char *problem;

  /* the open form */
  BfAction action;
  gboolean form_open;
  AdwEntryRow *date;
  AdwEntryRow *person;
  AdwEntryRow *reason;
  AdwEntryRow *document;
  AdwComboRow *decision;
};

G_DEFINE_FINAL_TYPE (BfLifecyclePanel, bf_lifecycle_panel, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_HOUSEHOLD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Steps taken elsewhere: the row says where. */
static const char *
taken_elsewhere (BfAction action)
{
  switch (action)
    {
      case BF_ACTION_APPRAISE:
        return N_ ("Recorded by an appraisal meeting: Identification & notices → Appraisal "
                   "Meetings.");
      case BF_ACTION_POST_VILLAGE_NOTICE:
      case BF_ACTION_POST_TOWNSHIP_NOTICE:
        return N_ ("Taken by posting a notice: Identification & notices → New Notice.");
      default:
        return NULL;
    }
}

/* Exit and 返贫 are taken on the Assessment & exit page only: there the exit checks are enforced
 * and the acceptance (team, checks, result, report to the county) and the adjustment are recorded
 * with the step; a plain transition here would skip them. */
static gboolean
is_exit_step (BfAction action)
{
  return action == BF_ACTION_ASSESS_EXIT || action == BF_ACTION_POST_EXIT_NOTICE ||
         action == BF_ACTION_ACCEPT_EXIT || action == BF_ACTION_APPROVE_EXIT ||
         action == BF_ACTION_RETURN_TO_POVERTY;
}

static gboolean
on_exit_path (BfStatus status)
{
  return status == BF_STATUS_REGISTERED || status == BF_STATUS_EXIT_ASSESSED ||
         status == BF_STATUS_EXIT_NOTICE || status == BF_STATUS_EXIT_ACCEPTED ||
         status == BF_STATUS_EXITED;
}

/* Which fields the form of @action has. */
static gboolean
has_person (BfAction action)
{
  return action == BF_ACTION_VERIFY || action == BF_ACTION_TOWNSHIP_REVIEW ||
         action == BF_ACTION_COUNTY_APPROVE || action == BF_ACTION_ASSESS_EXIT ||
         action == BF_ACTION_ACCEPT_EXIT || action == BF_ACTION_APPROVE_EXIT;
}

static gboolean
has_decision (BfAction action)
{
  return action == BF_ACTION_VERIFY || action == BF_ACTION_TOWNSHIP_REVIEW ||
         action == BF_ACTION_COUNTY_APPROVE;
}

/* Forms whose person decides a review (the store records it, with the decision and opinion). */
static gboolean
is_review (BfAction action)
{
  return action == BF_ACTION_VERIFY || action == BF_ACTION_TOWNSHIP_REVIEW ||
         action == BF_ACTION_COUNTY_APPROVE || action == BF_ACTION_APPROVE_EXIT;
}

static gboolean
has_document (BfAction action)
{
  return action == BF_ACTION_COUNTY_APPROVE || action == BF_ACTION_APPROVE_EXIT;
}

static const char *
person_title (BfAction action)
{
  switch (action)
    {
      case BF_ACTION_VERIFY:
        return _ ("Verifier");
      case BF_ACTION_TOWNSHIP_REVIEW:
        return _ ("Reviewer");
      case BF_ACTION_COUNTY_APPROVE:
      case BF_ACTION_APPROVE_EXIT:
        return _ ("Approver");
      default:
        return _ ("Responsible person");
    }
}

static void
clear_rows (BfLifecyclePanel *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->date = self->person = self->reason = self->document = NULL;
  self->decision = NULL;
}

static GtkWidget *
add_row (BfLifecyclePanel *self, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static GtkWidget *
add_action_row (BfLifecyclePanel *self, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return add_row (self, row);
}

static AdwEntryRow *
add_entry (BfLifecyclePanel *self, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  add_row (self, row);
  return ADW_ENTRY_ROW (row);
}

static char *
status_text (const char *code)
{
  BfStatus status;

  return g_strdup (code != NULL && bf_status_from_code (code, &status) ? bf_status_label (status)
                                                                       : code);
}

/* What justified the step: the meeting or the notice, named. */
static char *
record_text (BfLifecyclePanel *self, const BfEvent *event)
{
  if (g_strcmp0 (event->ref_kind, "meeting") == 0)
    {
      g_autoptr (BfMeeting) meeting = bf_store_meeting_get (self->store, event->ref_id, NULL);

      if (meeting != NULL)
        return g_strdup_printf (_ ("appraisal meeting of %s"), meeting->held_on);
    }
  if (g_strcmp0 (event->ref_kind, "notice") == 0)
    {
      g_autoptr (BfNotice) notice = bf_store_notice_get (self->store, event->ref_id, NULL);

      if (notice != NULL)
        return g_strdup_printf (_ ("notice “%s”"), notice->title);
    }
  return NULL;
}

/* "王核查: Confirmed · 情况属实" */
static void
append_review (GString *text, const BfReview *review)
{
  const char *decision;

  if (g_strcmp0 (review->decision, "reject") == 0)
    decision = _ ("Not included");
  else if (g_strcmp0 (review->decision, "return") == 0)
    decision = _ ("Sent back one step");
  else if (g_strcmp0 (review->level, "verification") == 0)
    decision = _ ("Confirmed");
  else
    decision = _ ("Approved");
  g_string_append (text, " · ");
  g_string_append_printf (text, _ ("%s: %s"), review->reviewer, decision);
  if (review->opinion != NULL)
    g_string_append_printf (text, " · %s", review->opinion);
}

static void
add_timeline (BfLifecyclePanel *self, const char *status_code)
{
  g_autoptr (GPtrArray) events = bf_store_events_for (self->store, self->household_id, NULL);

  g_ptr_array_set_size (self->timeline, 0);
  for (guint i = events != NULL ? events->len : 0; i > 0; i--)
    {
      const BfEvent *event = g_ptr_array_index (events, i - 1);
      BfAction action;
      g_autofree char *from = status_text (event->from_status);
      g_autofree char *to = status_text (event->to_status);
      g_autofree char *record = record_text (self, event);
      g_autoptr (BfReview) review = NULL;
      g_autoptr (GString) subtitle = g_string_new (event->operator_name);
      g_autofree char *title = g_strdup_printf (
        _ ("%s %s: %s → %s"), event->event_date,
        bf_action_from_code (event->action, &action) ? bf_action_label (action) : event->action,
        from, to);

      if (g_strcmp0 (event->ref_kind, "review") == 0)
        review = bf_store_review_get (self->store, event->ref_id, NULL);
      /* A refusal's reason is usually the review's opinion: said once. */
      if (event->reason != NULL &&
          (review == NULL || g_strcmp0 (event->reason, review->opinion) != 0))
        g_string_append_printf (subtitle, " · %s", event->reason);
      if (review != NULL)
        append_review (subtitle, review);
      if (event->document_number != NULL)
        g_string_append_printf (subtitle, _ (" · document %s"), event->document_number);
      if (record != NULL)
        g_string_append_printf (subtitle, " · %s", record);
      add_action_row (self, title, subtitle->str);
      g_ptr_array_add (self->timeline, g_strdup_printf ("%s\n%s", title, subtitle->str));
    }
  if (events == NULL || events->len == 0)
    {
      g_autofree char *status = status_text (status_code);
      char *title = g_strdup_printf (_ ("%s, no step recorded yet"), status);

      add_action_row (self, title, NULL);
      g_ptr_array_add (self->timeline, title);
    }
}

static gboolean
township_notice_enabled (BfLifecyclePanel *self)
{
  g_autofree char *value = bf_store_setting_get (self->store, BF_SETTING_TOWNSHIP_NOTICE);

  return g_strcmp0 (value, "0") != 0;
}

static void
add_form (BfLifecyclePanel *self)
{
  g_autofree char *today = NULL;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *apply = gtk_button_new_with_mnemonic (_ ("_Record Step"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *row;
  GDate date;

  bf_date_today (&date);
  today = bf_date_format (&date);
  add_action_row (self, bf_action_label (self->action), NULL);
  self->date = add_entry (self, _ ("Date (YYYY-MM-DD)"), today);
  /* The county approves in its own name unless the caseworker names the approver. */
  if (has_person (self->action))
    self->person =
      add_entry (self, person_title (self->action),
                 self->action == BF_ACTION_COUNTY_APPROVE || self->action == BF_ACTION_APPROVE_EXIT
                   ? bf_store_get_county (self->store)
                   : NULL);
  if (has_decision (self->action))
    {
      const char *choices[] = { self->action == BF_ACTION_VERIFY ? _ ("Confirmed") : _ ("Approved"),
                                _ ("Not included"), _ ("Sent back one step"), NULL };
      g_autoptr (GtkStringList) list = gtk_string_list_new (choices);

      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Decision"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
      add_row (self, row);
      self->decision = ADW_COMBO_ROW (row);
    }
  self->reason = add_entry (self,
                            self->action == BF_ACTION_REJECT || self->action == BF_ACTION_SEND_BACK
                              ? _ ("Reason")
                              : _ ("Opinion or reason"),
                            NULL);
  if (has_document (self->action))
    self->document = add_entry (self, _ ("Document number (文号)"), NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (apply), "lifecycle.apply");
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "lifecycle.cancel");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), apply);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  row = add_action_row (self, "", NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
}

/* The way to the exit steps, for a household under assistance or beyond. */
static void
add_exit_row (BfLifecyclePanel *self)
{
  GtkWidget *open = gtk_button_new_with_mnemonic (_ ("Assessment and _Exit…"));
  GtkWidget *row =
    add_action_row (self, _ ("Exit steps"),
                    _ ("The exit assessment, the exit notice, the township’s acceptance, the "
                       "county’s approval and a return to poverty are recorded under Assessment "
                       "and exit, with the exit checks and the acceptance record."));

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "lifecycle.open-exit");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
}

static void
refresh (BfLifecyclePanel *self)
{
  g_autoptr (BfHousehold) household = NULL;
  BfStatus status;
  gboolean township_notice;

  clear_rows (self);
  self->read_at = self->store != NULL ? bf_store_get_change_counter (self->store) : -1;
  if (self->store != NULL && self->household_id != 0)
    household = bf_store_household_get (self->store, self->household_id, NULL);
  if (household == NULL || !bf_status_from_code (household->status, &status))
    {
      add_action_row (self, _ ("Save the household first: its steps are recorded from then on."),
                      NULL);
      return;
    }

  add_timeline (self, household->status);
  if (self->problem != NULL)
    gtk_widget_add_css_class (add_action_row (self, self->problem, NULL), "error");
  if (self->form_open)
    {
      add_form (self);
      return;
    }

  if (on_exit_path (status))
    add_exit_row (self);
  township_notice = township_notice_enabled (self);
  for (int a = 0; a < BF_N_ACTIONS; a++)
    {
      const char *elsewhere = taken_elsewhere ((BfAction) a);
      GtkWidget *row;

      if (is_exit_step ((BfAction) a) ||
          !bf_lifecycle_action_applies (status, (BfAction) a, township_notice))
        continue;
      row = add_action_row (self, bf_action_label ((BfAction) a),
                            elsewhere != NULL ? _ (elsewhere) : NULL);
      if (elsewhere != NULL)
        continue;
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", a);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "lifecycle.begin");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
}

void
bf_lifecycle_panel_set_household (BfLifecyclePanel *self, BfStore *store, gint64 household_id)
{
  g_return_if_fail (BF_IS_LIFECYCLE_PANEL (self));

  if (store != self->store || household_id != self->household_id)
    {
      self->form_open = FALSE;
      g_clear_pointer (&self->problem, g_free);
    }
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

gboolean
bf_lifecycle_panel_begin (BfLifecyclePanel *self, BfAction action)
{
  g_autoptr (BfHousehold) household = NULL;
  BfStatus status;

  g_return_val_if_fail (BF_IS_LIFECYCLE_PANEL (self), FALSE);

  if (self->store == NULL ||
      (household = bf_store_household_get (self->store, self->household_id, NULL)) == NULL ||
      !bf_status_from_code (household->status, &status) || taken_elsewhere (action) != NULL ||
      is_exit_step (action) ||
      !bf_lifecycle_action_applies (status, action, township_notice_enabled (self)))
    return FALSE;
  self->action = action;
  self->form_open = TRUE;
  g_clear_pointer (&self->problem, g_free);
  refresh (self);
  return TRUE;
}

static void
begin_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  bf_lifecycle_panel_begin (BF_LIFECYCLE_PANEL (widget),
                            (BfAction) g_variant_get_int32 (parameter));
}

static void
cancel_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfLifecyclePanel *self = BF_LIFECYCLE_PANEL (widget);

  self->form_open = FALSE;
  g_clear_pointer (&self->problem, g_free);
  refresh (self);
}

static void
open_exit_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gtk_widget_activate_action (widget, "win.show-assessment", "x",
                              BF_LIFECYCLE_PANEL (widget)->household_id);
}

static char *
text_of (AdwEntryRow *row)
{
  g_autofree char *text = NULL;

  if (row == NULL)
    return NULL;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static const char *
missing_person (BfAction action)
{
  switch (action)
    {
      case BF_ACTION_VERIFY:
        return _ ("Give the verifier’s name.");
      case BF_ACTION_TOWNSHIP_REVIEW:
        return _ ("Give the reviewer’s name.");
      default:
        return _ ("Give the approver’s name.");
    }
}

static void
apply_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfLifecyclePanel *self = BF_LIFECYCLE_PANEL (widget);
  g_autofree char *date = text_of (self->date);
  g_autofree char *person = text_of (self->person);
  g_autofree char *opinion = text_of (self->reason);
  g_autofree char *document = text_of (self->document);
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;
  BfTransitionFacts facts = { 0 };
  BfAction action = self->action;
  guint decision = self->decision != NULL ? adw_combo_row_get_selected (self->decision) : 0;
  const char *problem = NULL;

  /* A verification, review or approval that does not approve rejects or sends back. */
  if (decision == 1)
    action = BF_ACTION_REJECT;
  else if (decision == 2)
    action = BF_ACTION_SEND_BACK;
  if (is_review (self->action))
    {
      /* The store records who decided and their opinion as the step's review; not including or
       * sending back also needs the opinion as the step's reason. */
      facts.reviewer = person;
      facts.opinion = opinion;
      if (action == BF_ACTION_REJECT || action == BF_ACTION_SEND_BACK)
        reason = g_strdup (opinion);
      if (person == NULL)
        problem = missing_person (self->action);
    }
  else if (person != NULL)
    reason = g_strdup_printf (_ ("%s: %s"), person,
                              opinion != NULL ? opinion : bf_action_label (self->action));
  else
    reason = g_strdup (opinion);

  facts.event_date = date;
  facts.reason = reason;
  facts.document_number = document;
  if (problem == NULL &&
      !bf_store_household_transition (self->store, self->household_id, action, &facts, &error))
    problem = error->message;
  if (problem != NULL)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      refresh (self);
      /* refresh() rebuilt the form empty: what was typed goes back. */
      if (self->date != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->date), date ? date : "");
      if (self->person != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->person), person ? person : "");
      if (self->reason != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->reason), opinion ? opinion : "");
      if (self->document != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->document), document ? document : "");
      if (self->decision != NULL)
        adw_combo_row_set_selected (self->decision, decision);
      return;
    }
  self->form_open = FALSE;
  g_clear_pointer (&self->problem, g_free);
  refresh (self);
}

GtkEditable *
bf_lifecycle_panel_get_entry (BfLifecyclePanel *self, const char *field)
{
  AdwEntryRow *row = NULL;

  g_return_val_if_fail (BF_IS_LIFECYCLE_PANEL (self), NULL);
  if (g_strcmp0 (field, "date") == 0)
    row = self->date;
  else if (g_strcmp0 (field, "person") == 0)
    row = self->person;
  else if (g_strcmp0 (field, "reason") == 0)
    row = self->reason;
  else if (g_strcmp0 (field, "document") == 0)
    row = self->document;
  return row != NULL ? GTK_EDITABLE (row) : NULL;
}

AdwComboRow *
bf_lifecycle_panel_get_decision (BfLifecyclePanel *self)
{
  g_return_val_if_fail (BF_IS_LIFECYCLE_PANEL (self), NULL);
  return self->decision;
}

const char *
bf_lifecycle_panel_get_problem (BfLifecyclePanel *self)
{
  g_return_val_if_fail (BF_IS_LIFECYCLE_PANEL (self), NULL);
  return self->problem;
}

GPtrArray *
bf_lifecycle_panel_get_timeline (BfLifecyclePanel *self)
{
  g_return_val_if_fail (BF_IS_LIFECYCLE_PANEL (self), NULL);
  return self->timeline;
}

static void
bf_lifecycle_panel_map (GtkWidget *widget)
{
  BfLifecyclePanel *self = BF_LIFECYCLE_PANEL (widget);

  GTK_WIDGET_CLASS (bf_lifecycle_panel_parent_class)->map (widget);
  /* What was done elsewhere meanwhile (an exit step, a meeting) shows when the form comes back. */
  if (self->store != NULL && bf_store_get_change_counter (self->store) != self->read_at)
    refresh (self);
}

static void
bf_lifecycle_panel_dispose (GObject *object)
{
  BfLifecyclePanel *self = BF_LIFECYCLE_PANEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_LIFECYCLE_PANEL);
  G_OBJECT_CLASS (bf_lifecycle_panel_parent_class)->dispose (object);
}

static void
bf_lifecycle_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BfLifecyclePanel *self = BF_LIFECYCLE_PANEL (object);

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
bf_lifecycle_panel_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  BfLifecyclePanel *self = BF_LIFECYCLE_PANEL (object);

  switch (prop_id)
    {
      case PROP_STORE:
        bf_lifecycle_panel_set_household (self, g_value_get_object (value), self->household_id);
        break;
      case PROP_HOUSEHOLD_ID:
        bf_lifecycle_panel_set_household (self, self->store, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_lifecycle_panel_class_init (BfLifecyclePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_lifecycle_panel_dispose;
  object_class->get_property = bf_lifecycle_panel_get_property;
  object_class->set_property = bf_lifecycle_panel_set_property;

  properties[PROP_STORE] = bf_gui_param_spec_store ();
  properties[PROP_HOUSEHOLD_ID] =
    g_param_spec_int64 ("household-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = bf_lifecycle_panel_map;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/identification/bf-lifecycle-panel.ui");
  gtk_widget_class_install_action (widget_class, "lifecycle.begin", "i", begin_activated);
  gtk_widget_class_install_action (widget_class, "lifecycle.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "lifecycle.apply", NULL, apply_activated);
  gtk_widget_class_install_action (widget_class, "lifecycle.open-exit", NULL, open_exit_activated);
}

static void
bf_lifecycle_panel_init (BfLifecyclePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->timeline = g_ptr_array_new_with_free_func (g_free);
  refresh (self);
}

GtkWidget *
bf_lifecycle_panel_new (void)
{
  return g_object_new (BF_TYPE_LIFECYCLE_PANEL, NULL);
}
