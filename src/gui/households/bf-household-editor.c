/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-household-assistance.h"
#include "bf-household-editor.h"
#include "bf-household-rules.h"
#include "bf-exit-panel.h"
#include "bf-household-item.h"
#include "bf-id-number.h"
#include "bf-income.h"
#include "bf-lifecycle-panel.h"
#include "bf-lifecycle.h"
#include "bf-money.h"
#include "bf-store-audit.h"
#include "bf-store-drafts.h"
#include "bf-store-household.h"
#include "bf-store-lines.h"
#include "bf-store-regions.h"
#include "bf-store-workflow.h"

#define DEFAULT_DRAFT_INTERVAL_MS 3000

static const BfFieldSpec basic_fields[] = {
  { "number", BF_FIELD_TEXT, N_ ("Household number") },
  { "village", BF_FIELD_CHOICE, N_ ("Village") },
  { "group", BF_FIELD_CHOICE, N_ ("Group") },
  { "address", BF_FIELD_TEXT, N_ ("Address") },
  { "phone", BF_FIELD_PHONE, N_ ("Phone") },
  { "bank_name", BF_FIELD_TEXT, N_ ("Bank") },
  { "bank_account", BF_FIELD_SECRET, N_ ("Bank account") },
  { "attribute", BF_FIELD_CODES, N_ ("Attribute"), BF_CODES_ATTRIBUTE, N_ ("Not recorded") },
  { "monitoring_type", BF_FIELD_CODES, N_ ("Monitoring type"), BF_CODES_MONITORING_TYPE,
    N_ ("Not recorded") },
  { "standard", BF_FIELD_CODES, N_ ("Identification standard"), BF_CODES_STANDARD,
    N_ ("Not recorded") },
  { "first_identified_on", BF_FIELD_DATE, N_ ("First identified on") },
};

static const BfFieldSpec income_fields[] = {
  { "year", BF_FIELD_NUMBER, N_ ("Survey year") },
  { "wage", BF_FIELD_NUMBER, N_ ("Wage income") },
  { "business", BF_FIELD_NUMBER, N_ ("Business income") },
  { "property", BF_FIELD_NUMBER, N_ ("Property income") },
  { "transfer", BF_FIELD_NUMBER, N_ ("Transfer income") },
  { "business_expense", BF_FIELD_NUMBER, N_ ("Business expenses") },
};

static const BfFieldSpec expense_fields[] = {
  { "education_expense", BF_FIELD_NUMBER, N_ ("Education expenditure") },
  { "medical_expense", BF_FIELD_NUMBER, N_ ("Medical expenditure") },
  { "housing_expense", BF_FIELD_NUMBER, N_ ("Housing expenditure") },
  { "pension_expense", BF_FIELD_NUMBER, N_ ("Elderly care expenditure") },
  { "rigid_expense", BF_FIELD_NUMBER, N_ ("Large unavoidable expenditure") },
  { "debt", BF_FIELD_NUMBER, N_ ("Household debt") },
};

static const BfFieldSpec cause_fields[] = {
  { "primary_cause", BF_FIELD_CODES, N_ ("Primary cause"), BF_CODES_CAUSE, N_ ("Not recorded") },
  { "other_cause_1", BF_FIELD_CODES, N_ ("Other cause"), BF_CODES_CAUSE, N_ ("None") },
  { "other_cause_2", BF_FIELD_CODES, N_ ("Second other cause"), BF_CODES_CAUSE, N_ ("None") },
  { "cause_note", BF_FIELD_TEXT, N_ ("Description of the causes") },
};

/* In the order of BfGuarantee. */
static const BfFieldSpec guarantee_fields[] = {
  { "food_note", BF_FIELD_NOTE_SWITCH, N_ ("Enough to eat"), 0, NULL, "food_secured" },
  { "clothing_note", BF_FIELD_NOTE_SWITCH, N_ ("Enough to wear"), 0, NULL, "clothing_secured" },
  { "education_note", BF_FIELD_NOTE_SWITCH, N_ ("Compulsory education secured"), 0, NULL,
    "education_secured" },
  { "medical_note", BF_FIELD_NOTE_SWITCH, N_ ("Basic medical care secured"), 0, NULL,
    "medical_secured" },
  { "housing_note", BF_FIELD_NOTE_SWITCH, N_ ("Safe housing secured"), 0, NULL, "housing_secured" },
  { "water_note", BF_FIELD_NOTE_SWITCH, N_ ("Safe drinking water secured"), 0, NULL,
    "water_secured" },
};

static const BfFieldSpec housing_fields[] = {
  { "house_area", BF_FIELD_NUMBER, N_ ("House area (m²)") },
  { "dangerous_house", BF_FIELD_SWITCH, N_ ("Dangerous house") },
  { "relocated", BF_FIELD_SWITCH, N_ ("Relocated for poverty alleviation") },
  { "farmland", BF_FIELD_NUMBER, N_ ("Farmland (mu)") },
  { "forest", BF_FIELD_NUMBER, N_ ("Forest land (mu)") },
  { "livestock", BF_FIELD_TEXT, N_ ("Livestock") },
  { "industry", BF_FIELD_TEXT, N_ ("Industry development") },
};

static const BfFieldSpec survey_fields[] = {
  { "surveyed_on", BF_FIELD_DATE, N_ ("Survey date") },
  { "surveyor", BF_FIELD_TEXT, N_ ("Surveyor") },
  { "verifier", BF_FIELD_TEXT, N_ ("Verifier") },
  { "verified_on", BF_FIELD_DATE, N_ ("Verification date") },
};

typedef struct
{
  const char *key;
  goffset offset;
  gboolean allow_negative;
} MoneyField;

static const MoneyField money_fields[] = {
  { "wage", G_STRUCT_OFFSET (BfSurvey, wage_fen), FALSE },
  { "business", G_STRUCT_OFFSET (BfSurvey, business_fen), TRUE },
  { "property", G_STRUCT_OFFSET (BfSurvey, property_fen), FALSE },
  { "transfer", G_STRUCT_OFFSET (BfSurvey, transfer_fen), FALSE },
  { "business_expense", G_STRUCT_OFFSET (BfSurvey, business_expense_fen), FALSE },
  { "education_expense", G_STRUCT_OFFSET (BfSurvey, education_expense_fen), FALSE },
  { "medical_expense", G_STRUCT_OFFSET (BfSurvey, medical_expense_fen), FALSE },
  { "housing_expense", G_STRUCT_OFFSET (BfSurvey, housing_expense_fen), FALSE },
  { "pension_expense", G_STRUCT_OFFSET (BfSurvey, pension_expense_fen), FALSE },
  { "rigid_expense", G_STRUCT_OFFSET (BfSurvey, rigid_expense_fen), FALSE },
  { "debt", G_STRUCT_OFFSET (BfSurvey, debt_fen), FALSE },
};

#define SURVEY_FEN(survey, field) (*(gint64 *) G_STRUCT_MEMBER_P ((survey), (field)->offset))

static const char *const guarantee_keys[BF_N_GUARANTEES] = {
  "food", "clothing", "education", "medical", "housing", "water",
};

struct _BfHouseholdEditor
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkWidget *household_box;
  AdwWindowTitle *window_title;
  GtkWidget *menu_button;
  GtkRevealer *problem_revealer;
  GtkLabel *problem_label;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *basic_group;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *income_group;
  AdwPreferencesGroup *causes_group;
  AdwPreferencesGroup *guarantees_group;
  AdwPreferencesGroup *housing_group;
  AdwPreferencesGroup *survey_group;
  AdwPreferencesGroup *history_group;
  BfHouseholdAssistance *assistance;
  BfLifecyclePanel *lifecycle_panel;
  BfExitPanel *exit_panel;
  AdwActionRow *status_row;
  AdwActionRow *helper_row;
  GtkWidget *no_members_row;
  GtkWidget *members_message_row;
  GtkLabel *members_message_label;
  BfMemberEditor *member_editor;
  GtkWidget *per_capita_row;
  GtkLabel *per_capita_level;
  GtkWidget *income_message_row;
  GtkLabel *income_message_label;

  BfForm *form;
  BfStore *store;
  GPtrArray *villages;    /* BfVillage */
  BfHousehold *household; /* as loaded (id 0: new) */
  JsonObject *loaded;     /* the state as loaded: {"fields":…, "members":[…]} */
  GPtrArray *members;     /* JsonObject: the members as typed */
  GPtrArray *member_rows;
  GPtrArray *history_rows;
  int editing_member; /* index, -1 new, -2 none */
  gboolean checked;   /* saving was tried: every error shows from now on */
  gboolean open;
  gboolean setting_village;
  char *auto_number; /* the number we filled in for a new household */
  char *problem;
  char *income_summary;

  guint draft_interval;
  guint draft_source;
  char *last_draft; /* the payload last written */
};

G_DEFINE_FINAL_TYPE (BfHouseholdEditor, bf_household_editor, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CLOSE,
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  SIGNAL_OPEN_HOUSEHOLD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_members (BfHouseholdEditor *self);
static void update_income (BfHouseholdEditor *self);
static void validate (BfHouseholdEditor *self);

/* {{{ Record ⇄ fields */

static void
set_string (JsonObject *object, const char *key, const char *value)
{
  json_object_set_string_member (object, key, value != NULL ? value : "");
}

static void
set_tri_state (JsonObject *object, const char *key, int value)
{
  set_string (object, key, value < 0 ? "" : value > 0 ? "1" : "0");
}

static void
set_id (JsonObject *object, const char *key, gint64 id)
{
  g_autofree char *text = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");

  set_string (object, key, text);
}

static void
set_area (JsonObject *object, const char *key, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_string (object, key,
              value < 0 ? "" : g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static int
current_year (void)
{
  GDate today;

  bf_date_today (&today);
  return g_date_get_year (&today);
}

static JsonObject *
household_to_fields (const BfHousehold *household)
{
  JsonObject *object = json_object_new ();
  const BfSurvey *survey = household->survey;
  g_autofree char *year = g_strdup_printf ("%d", survey != NULL ? survey->year : current_year ());

  set_string (object, "number", household->number);
  set_id (object, "village", household->village_id);
  set_id (object, "group", household->group_id);
  set_string (object, "address", household->address);
  set_string (object, "phone", household->phone);
  set_string (object, "bank_name", household->bank_name);
  set_string (object, "bank_account", household->bank_account);
  set_string (object, "attribute", household->attribute);
  set_string (object, "monitoring_type", household->monitoring_type);
  set_string (object, "standard", household->standard);
  set_string (object, "first_identified_on", household->first_identified_on);
  set_string (object, "primary_cause", household->primary_cause);
  set_string (object, "other_cause_1", household->other_causes[0]);
  set_string (object, "other_cause_2", household->other_causes[1]);
  set_string (object, "cause_note", household->cause_note);
  set_area (object, "house_area", household->house_area_m2);
  set_tri_state (object, "dangerous_house", household->dangerous_house);
  set_tri_state (object, "relocated", household->relocated);
  set_area (object, "farmland", household->farmland_mu);
  set_area (object, "forest", household->forest_mu);
  set_string (object, "livestock", household->livestock);
  set_string (object, "industry", household->industry);

  set_string (object, "year", year);
  for (guint i = 0; i < G_N_ELEMENTS (money_fields); i++)
    {
      g_autofree char *amount = NULL;

      if (survey != NULL)
        amount = bf_money_format_plain (SURVEY_FEN (survey, &money_fields[i]));
      set_string (object, money_fields[i].key, amount);
    }
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    {
      g_autofree char *secured = g_strconcat (guarantee_keys[i], "_secured", NULL);
      g_autofree char *note = g_strconcat (guarantee_keys[i], "_note", NULL);

      set_tri_state (object, secured, survey != NULL ? survey->secured[i] : -1);
      set_string (object, note, survey != NULL ? survey->secured_note[i] : NULL);
    }
  set_string (object, "surveyed_on", survey != NULL ? survey->surveyed_on : NULL);
  set_string (object, "surveyor", survey != NULL ? survey->surveyor : NULL);
  set_string (object, "verifier", survey != NULL ? survey->verifier : NULL);
  set_string (object, "verified_on", survey != NULL ? survey->verified_on : NULL);
  return object;
}

/* }}} */
/* {{{ State, dirtiness and drafts */

static JsonArray *
members_to_array (BfHouseholdEditor *self)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < self->members->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (self->members, i)));
  return array;
}

static gboolean
member_editor_is_open (BfHouseholdEditor *self)
{
  return self->editing_member != -2 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "member") == 0;
}

/* Everything typed: the draft payload and what dirtiness compares. */
static JsonObject *
current_state (BfHouseholdEditor *self, gboolean with_member_form)
{
  JsonObject *state = json_object_new ();
  JsonObject *head = NULL;

  json_object_set_object_member (state, "fields", bf_form_to_json (self->form));
  json_object_set_array_member (state, "members", members_to_array (self));
  if (with_member_form && member_editor_is_open (self) &&
      bf_member_editor_get_dirty (self->member_editor))
    {
      JsonObject *member_form = json_object_new ();

      json_object_set_int_member (member_form, "index", self->editing_member);
      json_object_set_object_member (member_form, "fields",
                                     bf_member_editor_get_json (self->member_editor));
      json_object_set_object_member (state, "member_form", member_form);
    }

  json_object_set_int_member (state, "household_id",
                              self->household != NULL ? self->household->id : 0);
  for (guint i = 0; i < self->members->len && head == NULL; i++)
    {
      JsonObject *member = g_ptr_array_index (self->members, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (member, "relation", ""), "head") ==
          0)
        head = member;
    }
  json_object_set_string_member (state, "number", bf_form_get (self->form, "number"));
  json_object_set_string_member (
    state, "head",
    head != NULL ? json_object_get_string_member_with_default (head, "name", "") : "");
  return state;
}

static gboolean
state_equal (JsonObject *a, JsonObject *b)
{
  JsonNode *fa = json_object_get_member (a, "fields");
  JsonNode *fb = json_object_get_member (b, "fields");
  JsonNode *ma = json_object_get_member (a, "members");
  JsonNode *mb = json_object_get_member (b, "members");

  return json_node_equal (fa, fb) && json_node_equal (ma, mb);
}

gboolean
bf_household_editor_get_dirty (BfHouseholdEditor *self)
{
  g_autoptr (JsonObject) now = NULL;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), FALSE);

  if (!self->open || self->loaded == NULL)
    return FALSE;
  if (member_editor_is_open (self) && bf_member_editor_get_dirty (self->member_editor))
    return TRUE;
  now = current_state (self, FALSE);
  return !state_equal (now, self->loaded);
}

static char *
to_json_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static const char *
draft_target (BfHouseholdEditor *self)
{
  return self->household != NULL && self->household->id > 0 ? self->household->uuid : NULL;
}

void
bf_household_editor_save_draft (BfHouseholdEditor *self)
{
  g_autoptr (JsonObject) state = NULL;
  g_autofree char *payload = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  if (!self->open || self->store == NULL)
    return;

  if (!bf_household_editor_get_dirty (self))
    {
      /* Typed back to what was saved: nothing to recover any more. */
      if (self->last_draft != NULL)
        {
          bf_store_draft_discard (self->store, BF_HOUSEHOLD_DRAFT_FORM, draft_target (self), NULL);
          g_clear_pointer (&self->last_draft, g_free);
        }
      return;
    }

  state = current_state (self, TRUE);
  payload = to_json_text (state);
  if (g_strcmp0 (payload, self->last_draft) == 0)
    return;
  if (!bf_store_draft_save (self->store, BF_HOUSEHOLD_DRAFT_FORM, draft_target (self), payload,
                            &error))
    {
      g_warning ("Could not keep the draft: %s", error->message);
      return;
    }
  g_free (self->last_draft);
  self->last_draft = g_steal_pointer (&payload);
}

static gboolean
draft_tick (gpointer data)
{
  bf_household_editor_save_draft (BF_HOUSEHOLD_EDITOR (data));
  return G_SOURCE_CONTINUE;
}

static void
start_drafts (BfHouseholdEditor *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (self->draft_interval, draft_tick, self);
}

static void
discard_draft (BfHouseholdEditor *self)
{
  if (self->store != NULL && self->household != NULL)
    bf_store_draft_discard (self->store, BF_HOUSEHOLD_DRAFT_FORM, draft_target (self), NULL);
  g_clear_pointer (&self->last_draft, g_free);
}

/* }}} */
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
/* {{{ Validation and the record to save */

typedef struct
{
  BfHouseholdEditor *self;
  BfFieldReport report;
  gboolean ok;
} Check;

static void
check_report (Check *check, const char *key, const char *message, gboolean is_error)
{
  if (is_error)
    check->ok = FALSE;
  check->report (check->self, key, message, is_error);
}

static char *
dup_field (BfHouseholdEditor *self, const char *key)
{
  return bf_form_dup_stripped (self->form, key);
}

static gboolean
check_date (Check *check, const char *key, GDate *out)
{
  g_autofree char *text = dup_field (check->self, key);
  GDate today;

  g_date_clear (out, 1);
  if (text == NULL)
    return FALSE;
  bf_date_today (&today);
  if (!bf_date_parse (text, out, NULL))
    {
      check_report (check, key, _ ("Write the date as 2026-03-15"), TRUE);
      return FALSE;
    }
  if (g_date_compare (out, &today) > 0)
    {
      check_report (check, key, _ ("The date is in the future"), TRUE);
      g_date_clear (out, 1);
      return FALSE;
    }
  return TRUE;
}

static double
check_area (Check *check, const char *key)
{
  g_autofree char *text = dup_field (check->self, key);
  char *end = NULL;
  double value;

  if (text == NULL)
    return -1;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || value < 0 || value > 1e6)
    {
      check_report (check, key, _ ("Write a number such as 85.5"), TRUE);
      return -1;
    }
  return value;
}

static gint64
check_money (Check *check, const MoneyField *field, gboolean *present)
{
  g_autofree char *text = dup_field (check->self, field->key);
  g_autoptr (GError) error = NULL;
  gint64 fen = 0;

  if (text == NULL)
    return 0;
  *present = TRUE;
  if (!bf_money_parse (text, field->allow_negative ? BF_MONEY_PARSE_ALLOW_NEGATIVE : 0, &fen,
                       &error))
    {
      check_report (check, field->key, error->message, TRUE);
      return 0;
    }
  return fen;
}

static char *
dup_code (BfHouseholdEditor *self, const char *key)
{
  return dup_field (self, key);
}

static void
collect_member_problem (gpointer data, const char *key, const char *message, gboolean is_error)
{
  GString *problems = data;

  if (!is_error)
    return;
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, message);
}

/* The members as records; problems with them (none, no head, two heads, the same person twice, a
 * member that no longer passes) go to @problems. */
static GPtrArray *
check_members (BfHouseholdEditor *self, GString *problems)
{
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_member_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint heads = 0;

  if (self->members->len == 0)
    {
      g_string_append (problems, _ ("Add the members of the household, the head first"));
      return NULL;
    }
  for (guint i = 0; i < self->members->len; i++)
    {
      JsonObject *fields = g_ptr_array_index (self->members, i);
      g_autoptr (GString) member_problems = g_string_new (NULL);
      BfMember *member = bf_member_from_json (fields, collect_member_problem, member_problems);

      if (member == NULL)
        {
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append_printf (problems, _ ("%s: %s"),
                                  json_object_get_string_member_with_default (fields, "name", "?"),
                                  member_problems->str);
          continue;
        }
      if (g_strcmp0 (member->relation, "head") == 0)
        heads++;
      if (g_hash_table_contains (seen, member->id_number))
        {
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append_printf (problems, _ ("The ID number %s is entered twice"),
                                  member->id_number);
        }
      g_ptr_array_add (members, member);
      g_hash_table_add (seen, member->id_number);
    }
  if (heads != 1 && members->len == self->members->len)
    {
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      if (heads == 0)
        g_string_append (problems, _ ("One member must be the head of household"));
      else
        g_string_append_printf (problems, _ ("Exactly one member is the head of household, not %u"),
                                heads);
    }
  /* Put the head first, as the store and every list expects. */
  for (guint i = 1; i < members->len; i++)
    if (g_strcmp0 (((BfMember *) g_ptr_array_index (members, i))->relation, "head") == 0)
      {
        gpointer head = g_ptr_array_steal_index (members, i);
        g_ptr_array_insert (members, 0, head);
        break;
      }
  return problems->len == 0 ? g_steal_pointer (&members) : NULL;
}

static void
set_members_problem (BfHouseholdEditor *self, const char *problem)
{
  gtk_label_set_text (self->members_message_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (self->members_message_row, problem != NULL && *problem != '\0');
}

/* The household the form describes, or NULL with the problems shown (only typed fields are judged
 * until saving was tried). */
static BfHousehold *
build_household (BfHouseholdEditor *self, BfFieldReport report)
{
  g_autoptr (BfHousehold) household = bf_household_copy (self->household);
  g_autoptr (GString) member_problems = g_string_new (NULL);
  g_autoptr (GPtrArray) members = NULL;
  Check check = { self, report, TRUE };
  g_autofree char *village = dup_field (self, "village");
  g_autofree char *group = dup_field (self, "group");
  g_autofree char *year = dup_field (self, "year");
  gboolean survey_present = FALSE;
  BfSurvey *survey;
  GDate surveyed, verified, first;
  char *causes[3];

  bf_form_clear_messages (self->form);

  g_free (household->number);
  household->number = dup_field (self, "number");
  if (household->number == NULL && self->checked)
    check_report (&check, "number", _ ("Enter the household number"), TRUE);
  household->village_id = village != NULL ? g_ascii_strtoll (village, NULL, 10) : 0;
  if (village == NULL && self->checked)
    check_report (&check, "village", _ ("Choose the village"), TRUE);
  household->group_id = group != NULL ? g_ascii_strtoll (group, NULL, 10) : 0;

#define TAKE(field, key)                                                                           \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_free (household->field);                                                                     \
    household->field = dup_field (self, key);                                                      \
  }                                                                                                \
  G_STMT_END
  TAKE (address, "address");
  TAKE (phone, "phone");
  TAKE (bank_name, "bank_name");
  TAKE (bank_account, "bank_account");
  TAKE (attribute, "attribute");
  TAKE (monitoring_type, "monitoring_type");
  TAKE (standard, "standard");
  TAKE (cause_note, "cause_note");
  TAKE (livestock, "livestock");
  TAKE (industry, "industry");
  TAKE (first_identified_on, "first_identified_on");
#undef TAKE

  if (household->phone != NULL && !bf_phone_is_valid (household->phone))
    check_report (&check, "phone", _ ("A phone number has 7 to 20 digits"), TRUE);
  if (household->bank_account != NULL && !bf_bank_account_is_valid (household->bank_account))
    check_report (&check, "bank_account", _ ("A bank account number has digits only"), TRUE);
  if (household->first_identified_on != NULL && !check_date (&check, "first_identified_on", &first))
    g_clear_pointer (&household->first_identified_on, g_free);

  /* Causes: one primary, up to two others, all different. */
  causes[0] = dup_code (self, "primary_cause");
  causes[1] = dup_code (self, "other_cause_1");
  causes[2] = dup_code (self, "other_cause_2");
  switch (bf_causes_check (causes[0], causes[1], causes[2]))
    {
      case BF_CAUSES_NO_PRIMARY:
        check_report (&check, "primary_cause", _ ("Choose the primary cause before the others"),
                      TRUE);
        break;
      case BF_CAUSES_FIRST_REPEATS:
        check_report (&check, causes[1] != NULL ? "other_cause_1" : "other_cause_2",
                      _ ("This is already the primary cause"), TRUE);
        break;
      case BF_CAUSES_SECOND_REPEATS:
        check_report (&check, "other_cause_2", _ ("This cause is already chosen"), TRUE);
        break;
      case BF_CAUSES_OK:
        break;
    }
  if (causes[2] != NULL && causes[1] == NULL)
    {
      causes[1] = causes[2];
      causes[2] = NULL;
    }
  g_free (household->primary_cause);
  household->primary_cause = causes[0];
  g_free (household->other_causes[0]);
  household->other_causes[0] = causes[1];
  g_free (household->other_causes[1]);
  household->other_causes[1] = causes[2];

  household->house_area_m2 = check_area (&check, "house_area");
  household->farmland_mu = check_area (&check, "farmland");
  household->forest_mu = check_area (&check, "forest");
  household->dangerous_house = *bf_form_get (self->form, "dangerous_house")
                                 ? g_str_equal (bf_form_get (self->form, "dangerous_house"), "1")
                                 : -1;
  household->relocated = *bf_form_get (self->form, "relocated")
                           ? g_str_equal (bf_form_get (self->form, "relocated"), "1")
                           : -1;

  /* The survey: kept when the household had one or anything of it was typed. */
  survey = household->survey != NULL ? household->survey : bf_survey_new ();
  for (guint i = 0; i < G_N_ELEMENTS (money_fields); i++)
    SURVEY_FEN (survey, &money_fields[i]) = check_money (&check, &money_fields[i], &survey_present);
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    {
      g_autofree char *secured_key = g_strconcat (guarantee_keys[i], "_secured", NULL);
      g_autofree char *note_key = g_strconcat (guarantee_keys[i], "_note", NULL);
      const char *secured = bf_form_get (self->form, secured_key);

      survey->secured[i] = *secured ? g_str_equal (secured, "1") : -1;
      g_free (survey->secured_note[i]);
      survey->secured_note[i] = dup_field (self, note_key);
      survey_present |= survey->secured[i] >= 0 || survey->secured_note[i] != NULL;
    }
  g_free (survey->surveyed_on);
  survey->surveyed_on = dup_field (self, "surveyed_on");
  g_free (survey->surveyor);
  survey->surveyor = dup_field (self, "surveyor");
  g_free (survey->verifier);
  survey->verifier = dup_field (self, "verifier");
  g_free (survey->verified_on);
  survey->verified_on = dup_field (self, "verified_on");
  survey_present |= survey->surveyed_on != NULL || survey->surveyor != NULL ||
                    survey->verifier != NULL || survey->verified_on != NULL;
  if (survey->surveyed_on != NULL && !check_date (&check, "surveyed_on", &surveyed))
    g_clear_pointer (&survey->surveyed_on, g_free);
  if (survey->verified_on != NULL && check_date (&check, "verified_on", &verified) &&
      survey->surveyed_on != NULL && g_date_compare (&verified, &surveyed) < 0)
    check_report (&check, "verified_on", _ ("The verification cannot come before the survey"),
                  TRUE);
  {
    guint64 value = 0;
    int max_year = current_year () + 1;

    if (year == NULL)
      {
        if (survey_present || self->checked)
          check_report (&check, "year", _ ("Enter the year the survey is about"), TRUE);
      }
    else if (!g_ascii_string_to_unsigned (year, 10, 2000, max_year, &value, NULL))
      {
        g_autofree char *message = g_strdup_printf (_ ("Enter a year from 2000 to %d"), max_year);
        check_report (&check, "year", message, TRUE);
      }
    survey->year = (int) value;
  }
  if (household->survey == NULL)
    {
      if (survey_present)
        household->survey = survey;
      else
        bf_survey_free (survey);
    }

  members = check_members (self, member_problems);
  set_members_problem (self, self->checked || self->members->len > 0 ? member_problems->str : NULL);
  if (members == NULL)
    check.ok = FALSE;
  else
    {
      g_ptr_array_unref (household->members);
      household->members = g_steal_pointer (&members);
      if (household->survey != NULL)
        household->survey->per_capita_fen = 0; /* the store computes it */
    }

  return check.ok ? g_steal_pointer (&household) : NULL;
}

static void
report_to_form (gpointer data, const char *key, const char *message, gboolean is_error)
{
  BfHouseholdEditor *self = data;

  if (is_error)
    bf_form_set_error (self->form, key, message);
  else
    bf_form_set_warning (self->form, key, message);
}

static void
validate (BfHouseholdEditor *self)
{
  g_autoptr (BfHousehold) household = NULL;

  if (self->household == NULL)
    return;
  household = build_household (self, report_to_form);
}

/* }}} */
/* {{{ Per-capita income, live */

static void
show_income (BfHouseholdEditor *self,
             const char *summary,
             const char *level_text,
             const char *level_class,
             const char *message)
{
  g_free (self->income_summary);
  self->income_summary = g_strdup (summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->per_capita_row), summary);
  gtk_label_set_text (self->per_capita_level, level_text != NULL ? level_text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->per_capita_level), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->per_capita_level), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->per_capita_level), "success");
  if (level_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->per_capita_level), level_class);
  gtk_label_set_text (self->income_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->income_message_row, message != NULL);
}

static void
update_income (BfHouseholdEditor *self)
{
  BfIncome income = { 0 };
  gint64 per_capita = 0;
  gint64 poverty = 0, monitoring = 0;
  g_autofree char *amount = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *year_text = dup_field (self, "year");
  int year = year_text != NULL ? (int) g_ascii_strtoll (year_text, NULL, 10) : 0;
  gint64 *targets[] = { &income.wage_fen, &income.business_fen, &income.property_fen,
                        &income.transfer_fen, &income.business_expense_fen };
  BfIncomeLevel level;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *text = dup_field (self, money_fields[i].key);

      if (text != NULL &&
          !bf_money_parse (text, money_fields[i].allow_negative ? BF_MONEY_PARSE_ALLOW_NEGATIVE : 0,
                           targets[i], NULL))
        {
          show_income (self, _ ("Correct the amounts to see the per-capita income"), NULL, NULL,
                       NULL);
          return;
        }
    }
  if (!bf_income_per_capita (&income, self->members->len, &per_capita))
    {
      show_income (self, _ ("Add the members to see the per-capita income"), NULL, NULL, NULL);
      return;
    }

  amount = bf_money_format (per_capita);
  if (self->store == NULL || year == 0 ||
      !bf_store_poverty_line_get (self->store, year, &poverty, &monitoring, NULL))
    {
      summary = g_strdup_printf (_ ("%s yuan a person. No poverty line is recorded for the survey "
                                    "year: add it in Preferences."),
                                 amount);
      show_income (self, summary, NULL, NULL, NULL);
      return;
    }

  level = bf_income_level (per_capita, poverty, monitoring);
  {
    g_autofree char *poverty_text = bf_money_format (poverty);
    g_autofree char *monitoring_text = bf_money_format (monitoring);
    const char *level_label = bf_code_label (BF_CODES_INCOME_LEVEL, bf_income_level_code (level));

    summary = g_strdup_printf (_ ("%s yuan a person (%d: poverty line %s, monitoring line %s)"),
                               amount, year, poverty_text, monitoring_text);
    switch (level)
      {
        case BF_INCOME_BELOW:
          show_income (self, summary, level_label, "error", NULL);
          break;
        case BF_INCOME_NEAR:
          show_income (self, summary, level_label, "warning", NULL);
          break;
        case BF_INCOME_ABOVE:
        default:
          show_income (
            self, summary, level_label, "success",
            _ ("The income is above the lines: check that the household still qualifies. "
               "This does not stop saving."));
          break;
      }
  }
}

static gboolean
is_income_key (const char *key)
{
  if (key == NULL || g_str_equal (key, "year"))
    return TRUE;
  for (guint i = 0; i < 5; i++)
    if (g_str_equal (key, money_fields[i].key))
      return TRUE;
  return FALSE;
}

/* }}} */
/* {{{ Members list */

static void
on_edit_member_clicked (GtkButton *button, BfHouseholdEditor *self)
{
  bf_household_editor_edit_member (
    self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
on_remove_member_clicked (GtkButton *button, BfHouseholdEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autofree char *title = NULL;
  JsonObject *member;

  if (index >= self->members->len)
    return;
  member = g_ptr_array_index (self->members, index);
  title = g_strdup_printf (_ ("%s removed from the household: save to keep the change"),
                           json_object_get_string_member_with_default (member, "name", ""));
  g_ptr_array_remove_index (self->members, index);
  refresh_members (self);
  update_income (self);
  validate (self);
  bf_form_show_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
on_member_row_activated (AdwActionRow *row, BfHouseholdEditor *self)
{
  bf_household_editor_edit_member (self,
                                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "index")));
}

static GtkWidget *
member_button (const char *icon, const char *label, int index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "index", GINT_TO_POINTER (index));
  return button;
}

static char *
member_subtitle (JsonObject *member)
{
  const char *relation = json_object_get_string_member_with_default (member, "relation", "");
  const char *sex = json_object_get_string_member_with_default (member, "sex", "");
  const char *birth = json_object_get_string_member_with_default (member, "birth_date", "");
  const char *health = json_object_get_string_member_with_default (member, "health", "");
  g_autofree char *masked =
    bf_id_number_mask (json_object_get_string_member_with_default (member, "id_number", ""));
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (*relation)
    g_ptr_array_add (parts, (gpointer) (bf_code_label (BF_CODES_RELATION, relation) ?: relation));
  g_ptr_array_add (parts, masked);
  if (*sex)
    g_ptr_array_add (parts, (gpointer) (bf_code_label (BF_CODES_SEX, sex) ?: sex));
  if (*birth)
    g_ptr_array_add (parts, (gpointer) birth);
  if (*health)
    g_ptr_array_add (parts, (gpointer) (bf_code_label (BF_CODES_HEALTH, health) ?: health));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
refresh_members (BfHouseholdEditor *self)
{
  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);
  g_object_ref (self->members_message_row);
  adw_preferences_group_remove (self->members_group, self->members_message_row);

  for (guint i = 0; i < self->members->len; i++)
    {
      JsonObject *member = g_ptr_array_index (self->members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit, *remove;
      g_autofree char *subtitle = member_subtitle (member);
      const char *name = json_object_get_string_member_with_default (member, "name", "");
      g_autofree char *edit_label = g_strdup_printf (_ ("Edit %s"), name);
      g_autofree char *remove_label = g_strdup_printf (_ ("Remove %s"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "index", GINT_TO_POINTER (i));
      g_signal_connect (row, "activated", G_CALLBACK (on_member_row_activated), self);

      edit = member_button ("document-edit-symbolic", edit_label, i);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_member_clicked), self);
      remove = member_button ("user-trash-symbolic", remove_label, i);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_member_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
  gtk_widget_set_visible (self->no_members_row, self->members->len == 0);
  adw_preferences_group_add (self->members_group, self->members_message_row);
  g_object_unref (self->members_message_row);
}

static void
set_members (BfHouseholdEditor *self, JsonArray *members)
{
  g_ptr_array_set_size (self->members, 0);
  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      JsonObject *member = json_array_get_object_element (members, i);
      if (member != NULL)
        g_ptr_array_add (self->members, json_object_ref (member));
    }
  refresh_members (self);
}

static GStrv
other_id_numbers (BfHouseholdEditor *self, int except)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->members->len; i++)
    {
      JsonObject *member = g_ptr_array_index (self->members, i);
      g_autofree char *number = g_strstrip (
        g_strdup (json_object_get_string_member_with_default (member, "id_number", "")));
      BfIdNumber parsed;

      if ((int) i != except && bf_id_number_parse (number, NULL, &parsed, NULL))
        g_strv_builder_add (builder, parsed.number);
    }
  return g_strv_builder_end (builder);
}

void
bf_household_editor_edit_member (BfHouseholdEditor *self, int index)
{
  g_auto (GStrv) others = NULL;
  JsonObject *member = NULL;

  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));
  g_return_if_fail (index < (int) self->members->len);

  if (index >= 0)
    member = g_ptr_array_index (self->members, index);
  else
    index = -1;
  others = other_id_numbers (self, index);
  self->editing_member = index;
  bf_member_editor_edit (self->member_editor, self->store, member,
                         self->household != NULL ? self->household->id : 0,
                         (const char *const *) others, self->members->len == 0);
  gtk_stack_set_visible_child_name (self->stack, "member");
  gtk_widget_grab_focus (
    bf_form_get_widget (bf_member_editor_get_form (self->member_editor), "name"));
}

static void
close_member_editor (BfHouseholdEditor *self)
{
  self->editing_member = -2;
  gtk_stack_set_visible_child_name (self->stack, "household");
}

static void
on_member_done (BfMemberEditor *editor, BfHouseholdEditor *self)
{
  JsonObject *member = bf_member_editor_get_json (editor);
  g_autofree char *number =
    g_strstrip (g_strdup (json_object_get_string_member_with_default (member, "id_number", "")));
  BfIdNumber parsed;

  /* Keep the normalised number (upper-case X, no spaces). */
  if (bf_id_number_parse (number, NULL, &parsed, NULL))
    json_object_set_string_member (member, "id_number", parsed.number);
  if (self->editing_member >= 0 && self->editing_member < (int) self->members->len)
    {
      json_object_unref (self->members->pdata[self->editing_member]);
      self->members->pdata[self->editing_member] = member;
    }
  else
    g_ptr_array_add (self->members, member);
  close_member_editor (self);
  refresh_members (self);
  update_income (self);
  validate (self);
}

static void
on_member_cancelled (BfMemberEditor *editor, BfHouseholdEditor *self)
{
  close_member_editor (self);
}

static void
on_member_open_household (BfMemberEditor *editor, gint64 id, BfHouseholdEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_HOUSEHOLD], 0, id);
}

/* }}} */
/* {{{ History, in words */

typedef struct
{
  char *at; /* sort key: ISO time */
  char *title;
  char *subtitle;
} HistoryLine;

static void
history_line_free (HistoryLine *line)
{
  g_free (line->at);
  g_free (line->title);
  g_free (line->subtitle);
  g_free (line);
}

static const char *
field_title (const char *column)
{
  static const struct
  {
    const BfFieldSpec *specs;
    gsize n;
  } tables[] = {
    { basic_fields, G_N_ELEMENTS (basic_fields) },
    { income_fields, G_N_ELEMENTS (income_fields) },
    { expense_fields, G_N_ELEMENTS (expense_fields) },
    { cause_fields, G_N_ELEMENTS (cause_fields) },
    { guarantee_fields, G_N_ELEMENTS (guarantee_fields) },
    { housing_fields, G_N_ELEMENTS (housing_fields) },
    { survey_fields, G_N_ELEMENTS (survey_fields) },
  };
  static const char *const units[] = { "_fen", "_m2", "_mu", "_id" };
  g_autofree char *key = g_strdup (column);

  /* Columns carry their unit: wage_fen, house_area_m2, village_id… */
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (key, units[i]))
      {
        key[strlen (key) - strlen (units[i])] = '\0';
        break;
      }
  if (g_str_equal (key, "head_name"))
    return _ ("Head of household");
  if (g_str_equal (key, "member_count") || g_str_equal (key, "members"))
    return _ ("Members");
  if (g_str_equal (key, "status"))
    return _ ("Status");
  if (g_str_equal (key, "helper"))
    return _ ("Helper");
  if (g_str_equal (key, "per_capita"))
    return _ ("Per-capita net income");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (gsize i = 0; i < tables[t].n; i++)
      {
        const BfFieldSpec *spec = &tables[t].specs[i];

        if (g_str_equal (spec->key, key) || g_strcmp0 (spec->key2, key) == 0)
          return _ (spec->title);
      }
  return NULL;
}

static char *
describe_changes (const char *changes_json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  JsonObject *changes;
  GList *members;

  if (changes_json == NULL || !json_parser_load_from_data (parser, changes_json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  changes = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (changes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *title = field_title (l->data);
      if (title != NULL && !g_ptr_array_find_with_equal_func (names, title, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (title));
    }
  g_list_free (members);
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (_ (", "), (char **) names->pdata);
}

static HistoryLine *
audit_line (const BfAuditEntry *entry, const char *member_name)
{
  HistoryLine *line = g_new0 (HistoryLine, 1);
  g_autofree char *when = bf_format_timestamp (entry->at);
  g_autofree char *fields = describe_changes (entry->changes);
  const char *who = entry->operator_name != NULL ? entry->operator_name : "?";

  line->at = g_strdup (entry->at);
  line->subtitle = g_strdup_printf ("%s · %s", when, who);
  if (member_name != NULL)
    {
      if (g_strcmp0 (entry->action, "create") == 0)
        line->title = g_strdup_printf (_ ("%s added member %s"), who, member_name);
      else if (g_strcmp0 (entry->action, "delete") == 0)
        line->title = g_strdup_printf (_ ("%s removed member %s"), who, member_name);
      else if (fields != NULL)
        line->title = g_strdup_printf (_ ("%s changed %s of member %s"), who, fields, member_name);
      else
        line->title = g_strdup_printf (_ ("%s changed member %s"), who, member_name);
    }
  else if (g_strcmp0 (entry->action, "create") == 0)
    line->title = g_strdup_printf (_ ("%s recorded the household"), who);
  else if (g_strcmp0 (entry->action, "delete") == 0)
    line->title = g_strdup_printf (_ ("%s deleted the household"), who);
  else if (g_strcmp0 (entry->action, "restore") == 0)
    line->title = g_strdup_printf (_ ("%s restored the household"), who);
  else if (fields != NULL)
    line->title = g_strdup_printf (_ ("%s changed %s"), who, fields);
  else
    line->title = g_strdup_printf (_ ("%s changed the household (%s)"), who, entry->action);
  return line;
}

static const char *
status_text (const char *code)
{
  BfStatus status;

  return code != NULL && bf_status_from_code (code, &status) ? bf_status_label (status) : code;
}

static HistoryLine *
event_line (const BfEvent *event)
{
  HistoryLine *line = g_new0 (HistoryLine, 1);
  BfAction action;
  const char *action_text = event->action != NULL && bf_action_from_code (event->action, &action)
                              ? bf_action_label (action)
                              : event->action;
  g_autoptr (GString) subtitle = g_string_new (NULL);

  line->at = g_strdup (event->event_date);
  line->title = g_strdup_printf (_ ("%s: %s → %s"), action_text, status_text (event->from_status),
                                 status_text (event->to_status));
  g_string_append_printf (subtitle, "%s · %s", event->event_date,
                          event->operator_name != NULL ? event->operator_name : "?");
  if (event->reason != NULL && *event->reason)
    g_string_append_printf (subtitle, " · %s", event->reason);
  if (event->document_number != NULL && *event->document_number)
    g_string_append_printf (subtitle, " · %s", event->document_number);
  line->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);
  return line;
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  const HistoryLine *la = *(HistoryLine **) a;
  const HistoryLine *lb = *(HistoryLine **) b;

  return -g_strcmp0 (la->at, lb->at);
}

static void
refresh_history (BfHouseholdEditor *self)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) history_line_free);

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  if (self->store == NULL || self->household == NULL || self->household->id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), TRUE);

  {
    g_autoptr (GPtrArray) entries = bf_store_audit_for (self->store, self->household->uuid, NULL);
    g_autoptr (GPtrArray) events = bf_store_events_for (self->store, self->household->id, NULL);

    for (guint i = 0; entries != NULL && i < entries->len; i++)
      g_ptr_array_add (lines, audit_line (g_ptr_array_index (entries, i), NULL));
    for (guint i = 0; events != NULL && i < events->len; i++)
      g_ptr_array_add (lines, event_line (g_ptr_array_index (events, i)));
  }
  for (guint m = 0; self->household->members != NULL && m < self->household->members->len; m++)
    {
      const BfMember *member = g_ptr_array_index (self->household->members, m);
      g_autoptr (GPtrArray) entries = NULL;

      if (member->uuid == NULL)
        continue;
      entries = bf_store_audit_for (self->store, member->uuid, NULL);
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        g_ptr_array_add (lines, audit_line (g_ptr_array_index (entries, i), member->name));
    }
  g_ptr_array_sort (lines, compare_lines);

  for (guint i = 0; i < lines->len; i++)
    {
      HistoryLine *line = g_ptr_array_index (lines, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line->subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  if (lines->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No changes recorded yet"));
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

/* }}} */
/* {{{ Loading */

static void
set_problem (BfHouseholdEditor *self, const char *problem)
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
static void
apply_fields (BfHouseholdEditor *self, JsonObject *fields)
{
  self->setting_village = TRUE;
  bf_form_set (self->form, "village",
               json_object_get_string_member_with_default (fields, "village", ""));
  update_groups (self);
  self->setting_village = FALSE;
  bf_form_load (self->form, fields);
}

/* Shows @household (taken) as saved. */
static void
show_household (BfHouseholdEditor *self, BfHousehold *household)
{
  g_autoptr (JsonObject) fields = household_to_fields (household);
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
  set_problem (self, NULL);
  set_members_problem (self, NULL);
  bf_form_clear_messages (self->form);
  apply_fields (self, fields);
  set_members (self, members);
  close_member_editor (self);

  g_clear_pointer (&self->loaded, json_object_unref);
  self->loaded = current_state (self, FALSE);

  adw_action_row_set_subtitle (
    self->status_row, household->status != NULL && bf_status_from_code (household->status, &status)
                        ? bf_status_label (status)
                        : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), household->id != 0);
  adw_action_row_set_subtitle (self->helper_row,
                               household->helper_name != NULL ? household->helper_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->helper_row), household->helper_name != NULL);

  update_title (self);
  update_income (self);
  refresh_history (self);
  bf_household_assistance_set_household (self->assistance, self->store, household);
  bf_lifecycle_panel_set_household (self->lifecycle_panel, self->store, household->id);
  bf_exit_panel_set_household (self->exit_panel, self->store, household->id);
  bf_form_scroll_to_top (self->page);
  start_drafts (self);
}

void
bf_household_editor_new_household (BfHouseholdEditor *self)
{
  BfHousehold *household;

  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  household = bf_household_new ();
  g_clear_pointer (&self->last_draft, g_free);
  show_household (self, household);
  /* With one village there is nothing to choose. */
  if (self->villages != NULL && self->villages->len == 1)
    {
      g_autofree char *id = g_strdup_printf (
        "%" G_GINT64_FORMAT, ((BfVillage *) g_ptr_array_index (self->villages, 0))->id);
      bf_form_set (self->form, "village", id);
      g_clear_pointer (&self->loaded, json_object_unref);
      self->loaded = current_state (self, FALSE);
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
  show_household (self, household);
  return TRUE;
}

static JsonObject *
parse_payload (const char *payload, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, payload, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _ ("The draft is not a household form"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

char *
bf_household_editor_describe_draft (const char *payload)
{
  g_autoptr (JsonObject) state = parse_payload (payload, NULL);
  const char *number, *head;

  if (state == NULL)
    return g_strdup (_ ("a household"));
  number = json_object_get_string_member_with_default (state, "number", "");
  head = json_object_get_string_member_with_default (state, "head", "");
  if (*number && *head)
    return g_strdup_printf (_ ("%s (%s)"), number, head);
  if (*number || *head)
    return g_strdup (*number ? number : head);
  return g_strdup (_ ("a new household"));
}

gboolean
bf_household_editor_restore_draft (BfHouseholdEditor *self, const char *payload, GError **error)
{
  g_autoptr (JsonObject) state = NULL;
  gint64 id;
  JsonObject *fields;
  JsonObject *member_form;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), FALSE);

  state = parse_payload (payload, error);
  if (state == NULL)
    return FALSE;
  id = json_object_get_int_member_with_default (state, "household_id", 0);
  if (id > 0)
    {
      if (!bf_household_editor_load (self, id, error))
        return FALSE;
    }
  else
    bf_household_editor_new_household (self);

  fields = json_object_get_object_member (state, "fields");
  if (fields != NULL)
    apply_fields (self, fields);
  if (json_object_has_member (state, "members"))
    set_members (self, json_object_get_array_member (state, "members"));
  update_income (self);
  validate (self);

  member_form = json_object_has_member (state, "member_form")
                  ? json_object_get_object_member (state, "member_form")
                  : NULL;
  if (member_form != NULL && json_object_has_member (member_form, "fields"))
    {
      int index = (int) json_object_get_int_member_with_default (member_form, "index", -1);

      bf_household_editor_edit_member (self, index < (int) self->members->len ? index : -1);
      bf_member_editor_load_json (self->member_editor,
                                  json_object_get_object_member (member_form, "fields"));
    }
  /* What was recovered is what the draft now holds. */
  self->last_draft = g_strdup (payload);
  return TRUE;
}

/* }}} */
/* {{{ Saving, leaving, deleting */

gboolean
bf_household_editor_save (BfHouseholdEditor *self)
{
  g_autoptr (BfHousehold) household = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHousehold) saved = NULL;
  gboolean was_new;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), FALSE);

  if (!self->open || self->store == NULL)
    return FALSE;

  /* A member form left open is applied first, or saving waits for it. */
  if (member_editor_is_open (self))
    {
      if (!bf_member_editor_validate (self->member_editor))
        {
          set_problem (self, _ ("The member form has mistakes: correct them or go back"));
          return FALSE;
        }
      on_member_done (self->member_editor, self);
    }

  self->checked = TRUE;
  household = build_household (self, report_to_form);
  if (household == NULL)
    {
      const char *key = bf_form_first_error (self->form);
      guint n = bf_form_count_errors (self->form) +
                (gtk_widget_get_visible (self->members_message_row) ? 1 : 0);
      g_autofree char *problem =
        g_strdup_printf (ngettext ("Not saved: %u problem is marked below",
                                   "Not saved: %u problems are marked below", n),
                         n);

      set_problem (self, problem);
      if (key != NULL)
        gtk_widget_grab_focus (bf_form_get_widget (self->form, key));
      return FALSE;
    }

  was_new = household->id == 0;
  if (!bf_store_household_save (self->store, household, &error))
    {
      if (g_error_matches (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_NUMBER))
        bf_form_set_error (self->form, "number", error->message);
      else if (g_error_matches (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON))
        set_members_problem (self, error->message);
      set_problem (self, error->message);
      return FALSE;
    }

  /* Forget the draft of what was saved (a new household's draft has no target yet). */
  discard_draft (self);
  saved = bf_store_household_get (self->store, household->id, &error);
  if (saved == NULL)
    {
      set_problem (self, error->message);
      return FALSE;
    }
  show_household (self, g_steal_pointer (&saved));
  if (was_new)
    bf_store_draft_discard (self->store, BF_HOUSEHOLD_DRAFT_FORM, NULL, NULL);
  bf_form_show_toast (GTK_WIDGET (self), adw_toast_new (_ ("Saved")));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->household->id);
  return TRUE;
}

void
bf_household_editor_discard (BfHouseholdEditor *self)
{
  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  discard_draft (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->open = FALSE;
  close_member_editor (self);
}

typedef struct
{
  BfHouseholdEditor *self;
  BfEditorCloseCallback callback;
  gpointer data;
} CloseRequest;

static void
on_close_response (BfUnsavedResponse response, gpointer data)
{
  CloseRequest *request = data;
  BfHouseholdEditor *self = request->self;
  gboolean may_close = FALSE;

  switch (response)
    {
      case BF_UNSAVED_SAVE:
        may_close = bf_household_editor_save (self);
        break;
      case BF_UNSAVED_DISCARD:
        bf_household_editor_discard (self);
        may_close = TRUE;
        break;
      case BF_UNSAVED_CANCEL:
      default:
        break;
    }
  if (may_close)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      self->open = FALSE;
    }
  request->callback (may_close, request->data);
  g_object_unref (self);
  g_free (request);
}

void
bf_household_editor_request_close (BfHouseholdEditor *self,
                                   BfEditorCloseCallback callback,
                                   gpointer data)
{
  CloseRequest *request;

  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  if (!bf_household_editor_get_dirty (self))
    {
      /* Nothing unsaved: a leftover draft (typed, then typed back) goes too. */
      if (self->open)
        discard_draft (self);
      g_clear_handle_id (&self->draft_source, g_source_remove);
      self->open = FALSE;
      callback (TRUE, data);
      return;
    }
  request = g_new0 (CloseRequest, 1);
  request->self = g_object_ref (self);
  request->callback = callback;
  request->data = data;
  bf_form_ask_unsaved (GTK_WIDGET (self), _ ("Save the changes to this household?"),
                       _ ("If you leave without saving, what you typed is lost."), _ ("_Save"),
                       on_close_response, request);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  bf_household_editor_save (BF_HOUSEHOLD_EDITOR (widget));
}

static void
on_back_decided (gboolean may_close, gpointer data)
{
  BfHouseholdEditor *self = data;

  if (may_close)
    g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
  g_object_unref (self);
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdEditor *self = BF_HOUSEHOLD_EDITOR (widget);

  bf_household_editor_request_close (self, on_back_decided, g_object_ref (self));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdEditor *self = BF_HOUSEHOLD_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self->household == NULL || self->household->id == 0)
    return;
  id = self->household->id;
  if (!bf_store_household_delete (self->store, id, &error))
    {
      set_problem (self, error->message);
      return;
    }
  bf_household_editor_discard (self);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, id, self->household->number);
  g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
}

static void
add_member_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  bf_household_editor_edit_member (BF_HOUSEHOLD_EDITOR (widget), -1);
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
  if (is_income_key (key))
    update_income (self);
  if (key != NULL)
    validate (self);
  if (self->problem != NULL && self->checked && bf_form_count_errors (form) == 0 &&
      !gtk_widget_get_visible (self->members_message_row))
    set_problem (self, NULL);
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

  gtk_widget_class_install_action (widget_class, "household.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "household.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "household.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "household.add-member", NULL,
                                   add_member_activated);

  /* The user left the editor (after saving or discarding). */
  signals[SIGNAL_CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The household was saved: its id. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The household was deleted (softly): its id and number, for an Undo. */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /* Another household should be shown (the one a duplicate person belongs to). */
  signals[SIGNAL_OPEN_HOUSEHOLD] =
    g_signal_new ("open-household", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static GtkWidget *
message_row (GtkLabel **label_out, const char *css_class)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css_class);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  *label_out = GTK_LABEL (label);
  return row;
}

static void
build_income_group (BfHouseholdEditor *self)
{
  GtkWidget *level;

  /* The result first: the caseworker sees where the household stands as the figures change. */
  self->per_capita_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->per_capita_row),
                                 _ ("Per-capita net income"));
  gtk_widget_add_css_class (self->per_capita_row, "property");
  level = gtk_label_new (NULL);
  gtk_widget_add_css_class (level, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->per_capita_row), level);
  self->per_capita_level = GTK_LABEL (level);
  adw_preferences_group_add (self->income_group, self->per_capita_row);
  self->income_message_row = message_row (&self->income_message_label, "warning");
  adw_preferences_group_add (self->income_group, self->income_message_row);

  bf_form_build (self->form, self->income_group, income_fields, G_N_ELEMENTS (income_fields));
  bf_form_build (self->form, self->income_group, expense_fields, G_N_ELEMENTS (expense_fields));
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
  bf_form_build (self->form, self->basic_group, basic_fields, G_N_ELEMENTS (basic_fields));
  build_income_group (self);
  bf_form_build (self->form, self->causes_group, cause_fields, G_N_ELEMENTS (cause_fields));
  bf_form_build (self->form, self->guarantees_group, guarantee_fields,
                 G_N_ELEMENTS (guarantee_fields));
  bf_form_build (self->form, self->housing_group, housing_fields, G_N_ELEMENTS (housing_fields));
  bf_form_build (self->form, self->survey_group, survey_fields, G_N_ELEMENTS (survey_fields));
  update_villages (self);

  g_signal_connect (self->form, "changed", G_CALLBACK (on_form_changed), self);
  g_signal_connect (self->member_editor, "done", G_CALLBACK (on_member_done), self);
  g_signal_connect (self->member_editor, "cancelled", G_CALLBACK (on_member_cancelled), self);
  g_signal_connect (self->member_editor, "open-household", G_CALLBACK (on_member_open_household),
                    self);
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
    start_drafts (self);
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
