/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household form: its checks, and the household record it describes. */
#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-household-editor-private.h"
#include "bf-household-rules.h"
#include "bf-money.h"

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
check_money (Check *check, const BfHouseholdMoneyField *field, gboolean *present)
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

void
_bf_household_editor_set_members_problem (BfHouseholdEditor *self, const char *problem)
{
  gtk_label_set_text (self->members_message_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (self->members_message_row, problem != NULL && *problem != '\0');
}

/* The household the form describes, or NULL with the problems shown (only typed fields are judged
 * until saving was tried). */
BfHousehold *
_bf_household_editor_build_household (BfHouseholdEditor *self, BfFieldReport report)
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
  for (guint i = 0; i < BF_HOUSEHOLD_N_MONEY_FIELDS; i++)
    SURVEY_FEN (survey, &bf_household_money_fields[i]) =
      check_money (&check, &bf_household_money_fields[i], &survey_present);
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    {
      g_autofree char *secured_key = g_strconcat (bf_household_guarantee_keys[i], "_secured", NULL);
      g_autofree char *note_key = g_strconcat (bf_household_guarantee_keys[i], "_note", NULL);
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
    int max_year = _bf_household_editor_current_year () + 1;

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
  _bf_household_editor_set_members_problem (
    self, self->checked || self->members->len > 0 ? member_problems->str : NULL);
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

void
_bf_household_editor_report_to_form (gpointer data,
                                     const char *key,
                                     const char *message,
                                     gboolean is_error)
{
  BfHouseholdEditor *self = data;

  if (is_error)
    bf_form_set_error (self->form, key, message);
  else
    bf_form_set_warning (self->form, key, message);
}

void
_bf_household_editor_validate (BfHouseholdEditor *self)
{
  g_autoptr (BfHousehold) household = NULL;

  if (self->household == NULL)
    return;
  household = _bf_household_editor_build_household (self, _bf_household_editor_report_to_form);
}
