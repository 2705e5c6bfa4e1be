/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household form (入户调查): the object and its template, the village, group and number
 * choices, and showing a household. Its sections are the bf-household-editor-*.c files (see
 * bf-household-editor-private.h). */
#include <glib/gi18n-lib.h>

#include "bf-household-editor-private.h"
#include "bf-lifecycle.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"

#define DEFAULT_DRAFT_INTERVAL_MS 3000

G_DEFINE_FINAL_TYPE (BfHouseholdEditor, bf_household_editor, GTK_TYPE_WIDGET)

guint _bf_household_editor_signals[N_SIGNALS];

/* {{{ Villages, groups and the household number */

static BfVillage *
find_village (BfHouseholdEditor *self, gint64 id)
{
  for (guint i = 0; self->villages != NULL && i < self->villages->len; i++)
    {
      BfVillage *village = g_ptr_array_index (self->villages, i);
      if (village->id == id)
        return village;
    }
  return NULL;
}

static void
set_id_choices (BfForm *form,
                const char *key,
                const char *none_label,
                GPtrArray *items,
                gsize id_offset,
                gsize name_offset)
{
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  g_auto (GStrv) v = NULL;
  g_auto (GStrv) l = NULL;

  g_strv_builder_add (values, "");
  g_strv_builder_add (labels, none_label);
  bf_form_add_record_choices (values, labels, items, id_offset, name_offset);
  v = g_strv_builder_end (values);
  l = g_strv_builder_end (labels);
  bf_form_set_choices (form, key, (const char *const *) v, (const char *const *) l);
}

static void
update_groups (BfHouseholdEditor *self)
{
  const char *village_id = bf_form_get (self->form, "village");
  BfVillage *village =
    *village_id ? find_village (self, g_ascii_strtoll (village_id, NULL, 10)) : NULL;

  set_id_choices (self->form, "group", _ ("No group"), village != NULL ? village->groups : NULL,
                  G_STRUCT_OFFSET (BfGroup, id), G_STRUCT_OFFSET (BfGroup, name));
}

static void
update_villages (BfHouseholdEditor *self)
{
  set_id_choices (self->form, "village", _ ("Choose a village"), self->villages,
                  G_STRUCT_OFFSET (BfVillage, id), G_STRUCT_OFFSET (BfVillage, name));
  update_groups (self);
}

/* A new household gets the next number of its village until the user types one. */
static void
suggest_number (BfHouseholdEditor *self)
{
  const char *village_id = bf_form_get (self->form, "village");
  const char *number = bf_form_get (self->form, "number");
  g_autofree char *next = NULL;

  if (self->household == NULL || self->household->id != 0 || self->store == NULL ||
      *village_id == '\0')
    return;
  if (*number != '\0' && g_strcmp0 (number, self->auto_number) != 0)
    return;
  next = bf_store_household_next_number (self->store, g_ascii_strtoll (village_id, NULL, 10), NULL);
  if (next == NULL)
    return;
  g_free (self->auto_number);
  self->auto_number = g_strdup (next);
  bf_form_set (self->form, "number", next);
}

/* }}} */
/* {{{ Loading */

void
_bf_household_editor_set_problem (BfHouseholdEditor *self, const char *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
}

static void
update_title (BfHouseholdEditor *self)
{
  const char *number = self->household != NULL ? self->household->number : NULL;
  const BfMember *head = self->household != NULL ? bf_household_get_head (self->household) : NULL;

  if (self->household == NULL || self->household->id == 0)
    {
      adw_window_title_set_title (self->window_title, _ ("New household"));
      adw_window_title_set_subtitle (self->window_title, "");
    }
  else
    {
      adw_window_title_set_title (
        self->window_title, head != NULL && head->name != NULL ? head->name : _ ("Household"));
      adw_window_title_set_subtitle (self->window_title, number != NULL ? number : "");
    }
  gtk_widget_set_visible (self->menu_button, self->household != NULL && self->household->id != 0);
}

/* Puts @fields in the form: the village first, so that its groups are offered. */
void
_bf_household_editor_apply_fields (BfHouseholdEditor *self, JsonObject *fields)
{
  self->setting_village = TRUE;
  bf_form_set (self->form, "village",
               json_object_get_string_member_with_default (fields, "village", ""));
  update_groups (self);
  self->setting_village = FALSE;
  bf_form_load (self->form, fields);
}

/* Shows @household (taken) as saved. */
void
_bf_household_editor_show_household (BfHouseholdEditor *self, BfHousehold *household)
{
  g_autoptr (JsonObject) fields = _bf_household_editor_household_to_fields (household);
  g_autoptr (JsonArray) members = json_array_new ();
  BfStatus status;

  g_clear_pointer (&self->household, bf_household_free);
  self->household = household;
  g_clear_pointer (&self->auto_number, g_free);
  for (guint i = 0; household->members != NULL && i < household->members->len; i++)
    json_array_add_object_element (members,
                                   bf_member_to_json (g_ptr_array_index (household->members, i)));

  self->checked = FALSE;
  self->open = TRUE;
  _bf_household_editor_set_problem (self, NULL);
  _bf_household_editor_set_members_problem (self, NULL);
  bf_form_clear_messages (self->form);
  _bf_household_editor_apply_fields (self, fields);
  _bf_household_editor_set_members (self, members);
  _bf_household_editor_close_member_editor (self);

  g_clear_pointer (&self->loaded, json_object_unref);
  self->loaded = _bf_household_editor_current_state (self, FALSE);

  adw_action_row_set_subtitle (
    self->status_row, household->status != NULL && bf_status_from_code (household->status, &status)
                        ? bf_status_label (status)
                        : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), household->id != 0);
  adw_action_row_set_subtitle (self->helper_row,
                               household->helper_name != NULL ? household->helper_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->helper_row), household->helper_name != NULL);

  update_title (self);
  _bf_household_editor_update_income (self);
  _bf_household_editor_refresh_history (self);
  bf_household_assistance_set_household (self->assistance, self->store, household);
  bf_lifecycle_panel_set_household (self->lifecycle_panel, self->store, household->id);
  bf_exit_panel_set_household (self->exit_panel, self->store, household->id);
  bf_form_scroll_to_top (self->page);
  _bf_household_editor_start_drafts (self);
}

void
bf_household_editor_new_household (BfHouseholdEditor *self)
{
  BfHousehold *household;

  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  household = bf_household_new ();
  g_clear_pointer (&self->last_draft, g_free);
  _bf_household_editor_show_household (self, household);
  /* With one village there is nothing to choose. */
  if (self->villages != NULL && self->villages->len == 1)
    {
      g_autofree char *id = g_strdup_printf (
        "%" G_GINT64_FORMAT, ((BfVillage *) g_ptr_array_index (self->villages, 0))->id);
      bf_form_set (self->form, "village", id);
      g_clear_pointer (&self->loaded, json_object_unref);
      self->loaded = _bf_household_editor_current_state (self, FALSE);
    }
  gtk_widget_grab_focus (bf_form_get_widget (
    self->form, self->villages != NULL && self->villages->len == 1 ? "address" : "village"));
}

gboolean
bf_household_editor_load (BfHouseholdEditor *self, gint64 id, GError **error)
{
  BfHousehold *household;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  household = bf_store_household_get (self->store, id, error);
  if (household == NULL)
    return FALSE;
  g_clear_pointer (&self->last_draft, g_free);
  _bf_household_editor_show_household (self, household);
  return TRUE;
}

/* }}} */

static void
on_form_changed (BfForm *form, const char *key, BfHouseholdEditor *self)
{
  if (self->household == NULL || self->setting_village)
    return;
  if (g_strcmp0 (key, "village") == 0)
    {
      update_groups (self);
      suggest_number (self);
    }
  if (_bf_household_editor_is_income_key (key))
    _bf_household_editor_update_income (self);
  if (key != NULL)
    _bf_household_editor_validate (self);
  if (self->problem != NULL && self->checked && bf_form_count_errors (form) == 0 &&
      !gtk_widget_get_visible (self->members_message_row))
    _bf_household_editor_set_problem (self, NULL);
}

static void
bf_household_editor_dispose (GObject *object)
{
  BfHouseholdEditor *self = BF_HOUSEHOLD_EDITOR (object);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_HOUSEHOLD_EDITOR);
  g_clear_object (&self->form);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bf_household_editor_parent_class)->dispose (object);
}

static void
bf_household_editor_finalize (GObject *object)
{
  BfHouseholdEditor *self = BF_HOUSEHOLD_EDITOR (object);

  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_clear_pointer (&self->household, bf_household_free);
  g_clear_pointer (&self->loaded, json_object_unref);
  g_ptr_array_unref (self->members);
  g_ptr_array_unref (self->member_rows);
  g_ptr_array_unref (self->history_rows);
  g_free (self->auto_number);
  g_free (self->problem);
  g_free (self->income_summary);
  g_free (self->last_draft);

  G_OBJECT_CLASS (bf_household_editor_parent_class)->finalize (object);
}

static void
bf_household_editor_class_init (BfHouseholdEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_household_editor_dispose;
  object_class->finalize = bf_household_editor_finalize;

  g_type_ensure (BF_TYPE_MEMBER_EDITOR);
  g_type_ensure (BF_TYPE_HOUSEHOLD_ASSISTANCE);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/households/bf-household-editor.ui");
  g_type_ensure (BF_TYPE_LIFECYCLE_PANEL);
  g_type_ensure (BF_TYPE_EXIT_PANEL);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, household_box);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, basic_group);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, members_group);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, income_group);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, causes_group);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, guarantees_group);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, housing_group);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, survey_group);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, assistance);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, lifecycle_panel);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, exit_panel);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, helper_row);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, no_members_row);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, members_message_row);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, members_message_label);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdEditor, member_editor);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  _bf_household_editor_class_actions_init (widget_class);

  /* The user left the editor (after saving or discarding). */
  _bf_household_editor_signals[SIGNAL_CLOSE] = g_signal_new (
    "close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The household was saved: its id. */
  _bf_household_editor_signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The household was deleted (softly): its id and number, for an Undo. */
  _bf_household_editor_signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /* Another household should be shown (the one a duplicate person belongs to). */
  _bf_household_editor_signals[SIGNAL_OPEN_HOUSEHOLD] =
    g_signal_new ("open-household", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
bf_household_editor_init (BfHouseholdEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->member_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->editing_member = -2;
  self->draft_interval = DEFAULT_DRAFT_INTERVAL_MS;

  self->form = bf_form_new ();
  _bf_household_editor_build_fields (self, self->basic_group, &bf_household_basic_fields);
  _bf_household_editor_build_income_group (self);
  _bf_household_editor_build_fields (self, self->causes_group, &bf_household_cause_fields);
  _bf_household_editor_build_fields (self, self->guarantees_group, &bf_household_guarantee_fields);
  _bf_household_editor_build_fields (self, self->housing_group, &bf_household_housing_fields);
  _bf_household_editor_build_fields (self, self->survey_group, &bf_household_survey_fields);
  update_villages (self);

  g_signal_connect (self->form, "changed", G_CALLBACK (on_form_changed), self);
  _bf_household_editor_members_init (self);
}

GtkWidget *
bf_household_editor_new (void)
{
  return g_object_new (BF_TYPE_HOUSEHOLD_EDITOR, NULL);
}

void
bf_household_editor_set_store (BfHouseholdEditor *self, BfStore *store)
{
  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->open = FALSE;
  /* The panels let go of the register too: they show a household of this one only. */
  bf_lifecycle_panel_set_household (self->lifecycle_panel, NULL, 0);
  bf_exit_panel_set_household (self->exit_panel, NULL, 0);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  if (store != NULL)
    self->villages = bf_store_list_villages (store, NULL);
  update_villages (self);
}

BfStore *
bf_household_editor_get_store (BfHouseholdEditor *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), NULL);

  return self->store;
}

gint64
bf_household_editor_get_household_id (BfHouseholdEditor *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), 0);

  return self->household != NULL ? self->household->id : 0;
}

void
bf_household_editor_set_draft_interval (BfHouseholdEditor *self, guint interval_ms)
{
  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  self->draft_interval = MAX (interval_ms, 100);
  if (self->draft_source != 0)
    _bf_household_editor_start_drafts (self);
}

BfForm *
bf_household_editor_get_form (BfHouseholdEditor *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), NULL);

  return self->form;
}

BfMemberEditor *
bf_household_editor_get_member_editor (BfHouseholdEditor *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), NULL);

  return self->member_editor;
}

guint
bf_household_editor_get_n_members (BfHouseholdEditor *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), 0);

  return self->members->len;
}

JsonObject *
bf_household_editor_get_member (BfHouseholdEditor *self, guint index)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->members->len, NULL);

  return g_ptr_array_index (self->members, index);
}

const char *
bf_household_editor_get_problem (BfHouseholdEditor *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), NULL);

  return self->problem;
}

const char *
bf_household_editor_get_income_summary (BfHouseholdEditor *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), NULL);

  return self->income_summary;
}
