/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-member-editor.h"
#include "bf-household-rules.h"
#include "bf-store-search.h"

static const BfFieldSpec identity_fields[] = {
  { "name", BF_FIELD_TEXT, N_ ("Name") },
  { "id_number", BF_FIELD_TEXT, N_ ("ID number") },
  { "relation", BF_FIELD_CODES, N_ ("Relation to head"), BF_CODES_RELATION, N_ ("Not chosen") },
  { "sex", BF_FIELD_CODES, N_ ("Sex"), BF_CODES_SEX, N_ ("From the ID number") },
  { "birth_date", BF_FIELD_DATE, N_ ("Birth date") },
  { "ethnicity", BF_FIELD_CODES, N_ ("Ethnicity"), BF_CODES_ETHNICITY, N_ ("Not recorded") },
  { "phone", BF_FIELD_PHONE, N_ ("Phone") },
};

static const BfFieldSpec health_fields[] = {
  { "education", BF_FIELD_CODES, N_ ("Education"), BF_CODES_EDUCATION, N_ ("Not recorded") },
  { "school_status", BF_FIELD_CODES, N_ ("School status"), BF_CODES_SCHOOL_STATUS,
    N_ ("Not recorded") },
  { "health", BF_FIELD_CODES, N_ ("Health"), BF_CODES_HEALTH, N_ ("Not recorded") },
  { "disability_grade", BF_FIELD_CHOICE, N_ ("Disability grade") },
};

static const BfFieldSpec work_fields[] = {
  { "labour", BF_FIELD_CODES, N_ ("Labour ability"), BF_CODES_LABOUR, N_ ("Not recorded") },
  { "work_status", BF_FIELD_CODES, N_ ("Work away from home"), BF_CODES_WORK_STATUS,
    N_ ("Not recorded") },
  { "work_months", BF_FIELD_NUMBER, N_ ("Months of work away (0–12)") },
  { "medical_insurance", BF_FIELD_SWITCH, N_ ("Basic medical insurance") },
  { "serious_illness_insurance", BF_FIELD_SWITCH, N_ ("Serious illness insurance") },
  { "pension_insurance", BF_FIELD_SWITCH, N_ ("Basic pension insurance") },
};

/* Kept from the record, not typed. */
static const char *const record_keys[] = { "id", "uuid", "person_number" };

struct _BfMemberEditor
{
  GtkWidget parent_instance;

  GtkWidget *box;
  AdwPreferencesPage *page;
  AdwWindowTitle *window_title;
  AdwPreferencesGroup *identity_group;
  AdwPreferencesGroup *health_group;
  AdwPreferencesGroup *work_group;

  BfForm *form;
  GtkWidget *duplicate_row;
  GtkWidget *duplicate_button;

  BfStore *store;
  gint64 household_id;
  GStrv other_id_numbers;
  JsonObject *record; /* "id", "uuid", "person_number" */
  JsonObject *loaded; /* the fields as they were when editing started */
  gint64 duplicate_household_id;
  gboolean checked; /* Done was tried: show every error from now on */
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (BfMemberEditor, bf_member_editor, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_DONE,
  SIGNAL_CANCELLED,
  SIGNAL_OPEN_HOUSEHOLD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* {{{ Record ⇄ fields */

static char *
tri_state_text (int value)
{
  return g_strdup (value < 0 ? "" : value > 0 ? "1" : "0");
}

static void
set_string (JsonObject *object, const char *key, const char *value)
{
  json_object_set_string_member (object, key, value != NULL ? value : "");
}

JsonObject *
bf_member_to_json (const BfMember *member)
{
  JsonObject *object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member->id);
  g_autofree char *grade =
    member->disability_grade > 0 ? g_strdup_printf ("%d", member->disability_grade) : g_strdup ("");
  /* The store reads "not recorded" as -1. */
  g_autofree char *months =
    member->work_months >= 0 ? g_strdup_printf ("%d", member->work_months) : g_strdup ("");
  g_autofree char *medical = tri_state_text (member->medical_insurance);
  g_autofree char *serious = tri_state_text (member->serious_illness_insurance);
  g_autofree char *pension = tri_state_text (member->pension_insurance);

  set_string (object, "id", member->id > 0 ? id : "");
  set_string (object, "uuid", member->uuid);
  set_string (object, "person_number", member->person_number);
  set_string (object, "name", member->name);
  set_string (object, "id_number", member->id_number);
  set_string (object, "relation", member->relation);
  set_string (object, "sex", member->sex);
  set_string (object, "birth_date", member->birth_date);
  set_string (object, "ethnicity", member->ethnicity);
  set_string (object, "phone", member->phone);
  set_string (object, "education", member->education);
  set_string (object, "school_status", member->school_status);
  set_string (object, "health", member->health);
  set_string (object, "disability_grade", grade);
  set_string (object, "labour", member->labour);
  set_string (object, "work_status", member->work_status);
  set_string (object, "work_months", months);
  set_string (object, "medical_insurance", medical);
  set_string (object, "serious_illness_insurance", serious);
  set_string (object, "pension_insurance", pension);
  return object;
}

static char *
dup_field (JsonObject *fields, const char *key)
{
  char *value;

  if (!json_object_has_member (fields, key))
    return NULL;
  value = g_strstrip (g_strdup (json_object_get_string_member_with_default (fields, key, "")));
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static int
tri_state (JsonObject *fields, const char *key)
{
  g_autofree char *value = dup_field (fields, key);

  if (value == NULL)
    return -1;
  return g_strcmp0 (value, "1") == 0 ? 1 : 0;
}

BfMember *
bf_member_from_json (JsonObject *fields, BfFieldReport report, gpointer data)
{
  g_autoptr (BfMember) member = bf_member_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *id = dup_field (fields, "id");
  g_autofree char *grade = dup_field (fields, "disability_grade");
  g_autofree char *months = dup_field (fields, "work_months");
  BfIdNumber parsed;
  gboolean id_ok = FALSE;
  gboolean ok = TRUE;
  GDate today;

  bf_date_today (&today);

  member->id = id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
  member->uuid = dup_field (fields, "uuid");
  member->person_number = dup_field (fields, "person_number");
  member->name = dup_field (fields, "name");
  member->id_number = dup_field (fields, "id_number");
  member->relation = dup_field (fields, "relation");
  member->sex = dup_field (fields, "sex");
  member->birth_date = dup_field (fields, "birth_date");
  member->ethnicity = dup_field (fields, "ethnicity");
  member->phone = dup_field (fields, "phone");
  member->education = dup_field (fields, "education");
  member->school_status = dup_field (fields, "school_status");
  member->health = dup_field (fields, "health");
  member->labour = dup_field (fields, "labour");
  member->work_status = dup_field (fields, "work_status");
  member->medical_insurance = tri_state (fields, "medical_insurance");
  member->serious_illness_insurance = tri_state (fields, "serious_illness_insurance");
  member->pension_insurance = tri_state (fields, "pension_insurance");

  if (member->name == NULL)
    {
      report (data, "name", _ ("Enter the member's name"), TRUE);
      ok = FALSE;
    }

  if (member->id_number == NULL)
    {
      report (data, "id_number", _ ("Enter the member's ID number"), TRUE);
      ok = FALSE;
    }
  else if (!bf_id_number_parse (member->id_number, &today, &parsed, &error))
    {
      report (data, "id_number", error->message, TRUE);
      ok = FALSE;
    }
  else
    {
      id_ok = TRUE;
      g_free (member->id_number);
      member->id_number = g_strdup (parsed.number);
    }

  if (member->relation == NULL)
    {
      report (data, "relation", _ ("Choose how this person is related to the head of household"),
              TRUE);
      ok = FALSE;
    }

  if (id_ok)
    {
      const char *sex = parsed.male ? "male" : "female";
      g_autofree char *birth = bf_date_format (&parsed.birth_date);

      if (member->sex == NULL)
        member->sex = g_strdup (sex);
      else if (g_strcmp0 (member->sex, sex) != 0)
        {
          report (data, "sex",
                  parsed.male ? _ ("The ID number says this person is male")
                              : _ ("The ID number says this person is female"),
                  TRUE);
          ok = FALSE;
        }
      if (member->birth_date == NULL)
        member->birth_date = g_strdup (birth);
      else if (g_strcmp0 (member->birth_date, birth) != 0)
        {
          GDate date;

          if (!bf_date_parse (member->birth_date, &date, NULL))
            report (data, "birth_date", _ ("Write the date as 2026-03-15"), TRUE);
          else
            {
              g_autofree char *message =
                g_strdup_printf (_ ("The ID number gives %s as the birth date"), birth);
              report (data, "birth_date", message, TRUE);
            }
          ok = FALSE;
        }
    }
  else if (member->birth_date != NULL)
    {
      GDate date;

      if (!bf_date_parse (member->birth_date, &date, NULL))
        {
          report (data, "birth_date", _ ("Write the date as 2026-03-15"), TRUE);
          ok = FALSE;
        }
      else if (g_date_compare (&date, &today) > 0)
        {
          report (data, "birth_date", _ ("The birth date is in the future"), TRUE);
          ok = FALSE;
        }
    }

  if (grade != NULL)
    member->disability_grade = (int) g_ascii_strtoll (grade, NULL, 10);
  if (g_strcmp0 (member->health, "disabled") == 0 && member->disability_grade == 0)
    report (data, "disability_grade", _ ("Record the grade of the disability certificate"), FALSE);

  if (months != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (months, 10, 0, 12, &value, NULL))
        {
          report (data, "work_months", _ ("Months of work are a whole number from 0 to 12"), TRUE);
          ok = FALSE;
        }
      member->work_months = (int) value;
    }

  if (member->phone != NULL && !bf_phone_is_valid (member->phone))
    {
      report (data, "phone", _ ("A phone number has 7 to 20 digits"), TRUE);
      ok = FALSE;
    }

  return ok ? g_steal_pointer (&member) : NULL;
}

/* }}} */
/* {{{ Checking as the user types */

/* The active household other than ours that has @id_number, from the store's search (an ID
 * number matches only itself). */
static gboolean
find_other_household (BfMemberEditor *self, const char *id_number, BfHouseholdRow **found)
{
  BfHouseholdQuery query = { .text = id_number, .sort = BF_HOUSEHOLD_SORT_NUMBER };
  g_autoptr (BfHouseholdPage) page = NULL;

  page = bf_store_household_search (self->store, &query, NULL, 2, NULL);
  if (page == NULL)
    return FALSE;
  for (guint i = 0; i < page->rows->len; i++)
    {
      BfHouseholdRow *row = g_ptr_array_index (page->rows, i);

      if (row->id != self->household_id)
        {
          *found = g_ptr_array_steal_index (page->rows, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
report_to_form (gpointer data, const char *key, const char *message, gboolean is_error)
{
  BfMemberEditor *self = data;

  if (is_error)
    bf_form_set_error (self->form, key, message);
  else
    bf_form_set_warning (self->form, key, message);
}

/* Only what was typed is judged until Done is tried: an empty new form shows no errors. */
static void
report_typed (gpointer data, const char *key, const char *message, gboolean is_error)
{
  BfMemberEditor *self = data;
  const char *value = bf_form_get (self->form, key);

  if (self->checked || (value != NULL && *value != '\0') || g_str_equal (key, "sex") ||
      g_str_equal (key, "birth_date"))
    report_to_form (data, key, message, is_error);
}

static void
check_duplicate (BfMemberEditor *self, const char *id_number)
{
  g_autoptr (BfHouseholdRow) other = NULL;

  self->duplicate_household_id = 0;
  gtk_widget_set_visible (self->duplicate_row, FALSE);
  if (id_number == NULL || bf_form_get_error (self->form, "id_number") != NULL)
    return;

  if (self->other_id_numbers != NULL &&
      g_strv_contains ((const char *const *) self->other_id_numbers, id_number))
    {
      bf_form_set_error (self->form, "id_number",
                         _ ("This ID number is already a member of this household"));
      return;
    }

  if (self->store != NULL && find_other_household (self, id_number, &other))
    {
      g_autofree char *message = NULL;
      g_autofree char *button = NULL;

      message = g_strdup_printf (_ ("This person is already a member of household %s (head of "
                                    "household: %s). A person can belong to one household only."),
                                 other->number, other->head_name);
      bf_form_set_error (self->form, "id_number", message);
      button = g_strdup_printf (_ ("Open household %s"), other->number);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duplicate_row), button);
      self->duplicate_household_id = other->id;
      gtk_widget_set_visible (self->duplicate_row, TRUE);
    }
}

static BfMember *
validate (BfMemberEditor *self, BfFieldReport report)
{
  g_autoptr (JsonObject) fields = bf_form_to_json (self->form);
  BfMember *member;

  bf_form_clear_messages (self->form);
  member = bf_member_from_json (fields, report, self);
  check_duplicate (self, member != NULL ? member->id_number : NULL);
  if (member != NULL && self->duplicate_household_id != 0)
    g_clear_pointer (&member, bf_member_free);
  else if (member == NULL && bf_form_get_error (self->form, "id_number") == NULL)
    {
      /* Other fields are wrong, but a valid ID number is still checked for duplicates. */
      g_autofree char *number = bf_form_dup_stripped (self->form, "id_number");
      BfIdNumber parsed;

      if (number != NULL && bf_id_number_parse (number, NULL, &parsed, NULL))
        check_duplicate (self, parsed.number);
    }
  if (member != NULL && bf_form_count_errors (self->form) > 0)
    g_clear_pointer (&member, bf_member_free);
  return member;
}

static void
fill_from_id_number (BfMemberEditor *self)
{
  g_autofree char *number = bf_form_dup_stripped (self->form, "id_number");
  g_autofree char *birth = NULL;
  BfIdNumber parsed;

  if (number == NULL || !bf_id_number_parse (number, NULL, &parsed, NULL))
    return;
  birth = bf_date_format (&parsed.birth_date);
  self->filling = TRUE;
  bf_form_set (self->form, "sex", parsed.male ? "male" : "female");
  bf_form_set (self->form, "birth_date", birth);
  self->filling = FALSE;
}

static void
on_form_changed (BfForm *form, const char *key, BfMemberEditor *self)
{
  BfMember *member;

  if (self->filling)
    return;
  if (g_strcmp0 (key, "id_number") == 0)
    fill_from_id_number (self);
  member = validate (self, report_typed);
  g_clear_pointer (&member, bf_member_free);
}

/* }}} */
/* {{{ Actions */

static void
done_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfMemberEditor *self = BF_MEMBER_EDITOR (widget);

  if (!bf_member_editor_validate (self))
    {
      const char *key = bf_form_first_error (self->form);

      if (key != NULL)
        gtk_widget_grab_focus (bf_form_get_widget (self->form, key));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_DONE], 0);
}

static void
on_leave_response (BfUnsavedResponse response, gpointer data)
{
  g_autoptr (BfMemberEditor) self = data;

  if (response == BF_UNSAVED_SAVE)
    done_activated (GTK_WIDGET (self), NULL, NULL);
  else if (response == BF_UNSAVED_DISCARD)
    g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfMemberEditor *self = BF_MEMBER_EDITOR (widget);

  if (!bf_member_editor_get_dirty (self))
    {
      g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
      return;
    }
  bf_form_ask_unsaved (widget, _ ("Keep the changes to this member?"),
                       _ ("The member is saved with the household."), _ ("_Keep"),
                       on_leave_response, g_object_ref (self));
}

static void
open_duplicate_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfMemberEditor *self = BF_MEMBER_EDITOR (widget);

  if (self->duplicate_household_id != 0)
    g_signal_emit (self, signals[SIGNAL_OPEN_HOUSEHOLD], 0, self->duplicate_household_id);
}

/* }}} */

static void
bf_member_editor_dispose (GObject *object)
{
  BfMemberEditor *self = BF_MEMBER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_MEMBER_EDITOR);
  g_clear_object (&self->form);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bf_member_editor_parent_class)->dispose (object);
}

static void
bf_member_editor_finalize (GObject *object)
{
  BfMemberEditor *self = BF_MEMBER_EDITOR (object);

  g_strfreev (self->other_id_numbers);
  g_clear_pointer (&self->record, json_object_unref);
  g_clear_pointer (&self->loaded, json_object_unref);

  G_OBJECT_CLASS (bf_member_editor_parent_class)->finalize (object);
}

static void
bf_member_editor_class_init (BfMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_member_editor_dispose;
  object_class->finalize = bf_member_editor_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/households/bf-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BfMemberEditor, box);
  gtk_widget_class_bind_template_child (widget_class, BfMemberEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BfMemberEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BfMemberEditor, identity_group);
  gtk_widget_class_bind_template_child (widget_class, BfMemberEditor, health_group);
  gtk_widget_class_bind_template_child (widget_class, BfMemberEditor, work_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "member.done", NULL, done_activated);
  gtk_widget_class_install_action (widget_class, "member.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "member.open-duplicate", NULL,
                                   open_duplicate_activated);

  /* The member is valid: bf_member_editor_get_json() has it. */
  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Leave without keeping what was typed. */
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user wants to see the household the same person already belongs to. */
  signals[SIGNAL_OPEN_HOUSEHOLD] =
    g_signal_new ("open-household", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
build_duplicate_row (BfMemberEditor *self)
{
  GtkWidget *id_row = bf_form_get_widget (self->form, "id_number");
  GtkWidget *list = gtk_widget_get_parent (id_row);
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  self->duplicate_row = adw_action_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->duplicate_row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->duplicate_row), "member.open-duplicate");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->duplicate_row), icon);
  gtk_widget_set_visible (self->duplicate_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), self->duplicate_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (id_row)) + 1);
}

static void
bf_member_editor_init (BfMemberEditor *self)
{
  const char *grade_values[] = { "", "1", "2", "3", "4", NULL };
  const char *grade_labels[] = { _ ("None"),    _ ("Grade 1"), _ ("Grade 2"),
                                 _ ("Grade 3"), _ ("Grade 4"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = bf_form_new ();
  bf_form_build (self->form, self->identity_group, identity_fields, G_N_ELEMENTS (identity_fields));
  bf_form_build (self->form, self->health_group, health_fields, G_N_ELEMENTS (health_fields));
  bf_form_build (self->form, self->work_group, work_fields, G_N_ELEMENTS (work_fields));
  bf_form_set_choices (self->form, "disability_grade", grade_values, grade_labels);
  build_duplicate_row (self);
  self->record = json_object_new ();
  self->loaded = json_object_new ();

  g_signal_connect (self->form, "changed", G_CALLBACK (on_form_changed), self);
}

GtkWidget *
bf_member_editor_new (void)
{
  return g_object_new (BF_TYPE_MEMBER_EDITOR, NULL);
}

void
bf_member_editor_edit (BfMemberEditor *self,
                       BfStore *store,
                       JsonObject *member,
                       gint64 household_id,
                       const char *const *other_id_numbers,
                       gboolean first_member)
{
  g_autoptr (JsonObject) empty = NULL;

  g_return_if_fail (BF_IS_MEMBER_EDITOR (self));

  g_set_object (&self->store, store);
  self->household_id = household_id;
  g_strfreev (self->other_id_numbers);
  self->other_id_numbers = g_strdupv ((char **) other_id_numbers);
  self->checked = FALSE;
  self->duplicate_household_id = 0;

  if (member == NULL)
    {
      empty = json_object_new ();
      /* The first member of a new household is usually its head. */
      json_object_set_string_member (empty, "relation", first_member ? "head" : "");
      member = empty;
    }

  g_clear_pointer (&self->record, json_object_unref);
  self->record = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (record_keys); i++)
    json_object_set_string_member (
      self->record, record_keys[i],
      json_object_get_string_member_with_default (member, record_keys[i], ""));
  bf_form_clear_messages (self->form);
  gtk_widget_set_visible (self->duplicate_row, FALSE);
  bf_form_load (self->form, member);
  g_clear_pointer (&self->loaded, json_object_unref);
  self->loaded = bf_form_to_json (self->form);

  adw_window_title_set_title (self->window_title, empty != NULL ? _ ("New member") : _ ("Member"));
  adw_window_title_set_subtitle (self->window_title,
                                 json_object_get_string_member_with_default (member, "name", ""));
  bf_form_scroll_to_top (self->page);
}

JsonObject *
bf_member_editor_get_json (BfMemberEditor *self)
{
  JsonObject *object;

  g_return_val_if_fail (BF_IS_MEMBER_EDITOR (self), NULL);

  object = bf_form_to_json (self->form);
  for (guint i = 0; i < G_N_ELEMENTS (record_keys); i++)
    json_object_set_string_member (
      object, record_keys[i],
      json_object_get_string_member_with_default (self->record, record_keys[i], ""));
  return object;
}

void
bf_member_editor_load_json (BfMemberEditor *self, JsonObject *member)
{
  g_return_if_fail (BF_IS_MEMBER_EDITOR (self));

  bf_form_load (self->form, member);
}

gboolean
bf_member_editor_get_dirty (BfMemberEditor *self)
{
  g_autoptr (JsonObject) now = NULL;

  g_return_val_if_fail (BF_IS_MEMBER_EDITOR (self), FALSE);

  now = bf_form_to_json (self->form);
  return !bf_form_json_equal (now, self->loaded);
}

gboolean
bf_member_editor_validate (BfMemberEditor *self)
{
  g_autoptr (BfMember) member = NULL;

  g_return_val_if_fail (BF_IS_MEMBER_EDITOR (self), FALSE);

  self->checked = TRUE;
  member = validate (self, report_to_form);
  return member != NULL;
}

BfForm *
bf_member_editor_get_form (BfMemberEditor *self)
{
  g_return_val_if_fail (BF_IS_MEMBER_EDITOR (self), NULL);

  return self->form;
}
