/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checks of a household before it is saved: its fields, members, causes and survey (nothing
 * written when one fails), then the register's rules inside the write (references, a free
 * household number, each person in one active household only). */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bf-text.h"
#include "bf-dates.h"
#include "bf-household-rules.h"
#include "bf-id-number.h"
#include "bf-income.h"
#include "bf-store-household-checks-private.h"
#include "bf-store-household.h"

/* ------------------------------------------------------------------------------------------ */
/* People */

static char *
normalise_id_number (const char *id_number)
{
  BfIdNumber parsed;
  GDate today;

  bf_date_today (&today);
  if (bf_id_number_parse (id_number, &today, &parsed, NULL))
    return g_strdup (parsed.number);
  return g_ascii_strup (g_strstrip (g_strdup (id_number)), -1);
}

gboolean
_bf_household_find_person (BfStore *self,
                           const char *id_number,
                           gint64 except,
                           gint64 *household_id,
                           char **household_number,
                           GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (self,
                       "SELECT h.id, h.number FROM members m "
                       "JOIN households h ON h.id = m.household_id "
                       "WHERE m.id_number = ? AND m.deleted_at IS NULL "
                       "AND m.household_active = 1 AND h.deleted_at IS NULL AND h.id <> ?",
                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id_number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except);
  if (_bf_step_one (self, stmt, _ ("Could not look up the ID number"), error) <= 0)
    return FALSE;
  if (household_id != NULL)
    *household_id = sqlite3_column_int64 (stmt, 0);
  if (household_number != NULL)
    *household_number = _bf_column_dup (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
bf_store_find_person (BfStore *self,
                      const char *id_number,
                      gint64 *household_id,
                      char **household_number,
                      GError **error)
{
  g_autofree char *normalised = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (id_number != NULL, FALSE);

  normalised = normalise_id_number (id_number);
  return _bf_household_find_person (self, normalised, 0, household_id, household_number, error);
}

static void
set_duplicate_person (GError **error, const BfMember *member, const char *other_number)
{
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON,
               _ ("%s (ID number %s) already belongs to household %s. A person can be in only one "
                  "household: remove them from household %s first."),
               member->name, member->id_number, other_number, other_number);
}

gint64
_bf_household_find_by_number (BfStore *self, const char *number, GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (self, "SELECT id FROM households WHERE number = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  _bf_bind_text (stmt, 1, number);
  switch (_bf_step_one (self, stmt, _ ("Could not look up the household number"), error))
    {
      case 1:
        id = sqlite3_column_int64 (stmt, 0);
        sqlite3_reset (stmt);
        return id;
      case 0:
        return 0;
      default:
        return -1;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Validation, before anything is written. Normalises @household in place: trimmed number, ID
 * numbers in upper case, sex and birth date from the ID number, causes packed to the front. */

static char *
field_name (const Field *field, const char *who)
{
  if (who == NULL)
    return g_strdup (_ (field->label));
  /* TRANSLATORS: "Birth date of 王小明" */
  return g_strdup_printf (_ ("%s of %s"), _ (field->label), who);
}

static gboolean
has_visible_text (const char *s)
{
  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

static gboolean
table_validate (const Table *table, gconstpointer record, const char *who, GError **error)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      const Field *field = &table->fields[i];
      const char *p = FIELD_PTR (record, field);
      Value v = _bf_field_get (field, record);
      /* Named only for a message: a bulk import validates hundreds of thousands of fields. */
      g_autofree char *name = NULL;
      GDate date;

      if (v.type == VALUE_TEXT && !g_utf8_validate (v.s, -1, NULL))
        {
          name = field_name (field, who);
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s is not valid text."),
                       name);
          return FALSE;
        }
      if (field->required && !has_visible_text (v.s))
        {
          name = field_name (field, who);
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s is required."), name);
          return FALSE;
        }
      if (v.type == VALUE_TEXT && g_str_equal (field->column, "name") && bf_text_has_control (v.s))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("%s holds a control character: type it again."), name);
          return FALSE;
        }
      switch (field->kind)
        {
          case FIELD_DATE:
            if (v.type == VALUE_TEXT && !bf_date_parse (v.s, &date, NULL))
              {
                g_autofree char *shown = bf_text_shown (v.s, BF_TEXT_SHOWN_CHARS);

                name = field_name (field, who);
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s: “%s” is not a date (YYYY-MM-DD)."), name, shown);
                return FALSE;
              }
            break;
          case FIELD_CODE:
            if (v.type == VALUE_TEXT && !bf_code_is_valid (field->list, v.s))
              {
                g_autofree char *shown = bf_text_shown (v.s, BF_TEXT_SHOWN_CHARS);

                name = field_name (field, who);
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s: “%s” is not one of the choices."), name, shown);
                return FALSE;
              }
            break;
          case FIELD_TRI:
            if (v.type == VALUE_INT && v.i > 1)
              {
                name = field_name (field, who);
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s must be yes, no or not recorded."), name);
                return FALSE;
              }
            break;
          case FIELD_COUNT:
          case FIELD_GRADE:
            if (v.type == VALUE_INT &&
                (v.i < (field->kind == FIELD_GRADE ? 1 : 0) || v.i > field->max))
              {
                name = field_name (field, who);
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s must be between %d and %d."), name,
                             field->kind == FIELD_GRADE ? 1 : 0, field->max);
                return FALSE;
              }
            break;
          case FIELD_FEN:
            if (!field->signed_fen && v.i < 0)
              {
                name = field_name (field, who);
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s cannot be negative."), name);
                return FALSE;
              }
            break;
          case FIELD_REAL:
            if (isnan (*(const double *) p) || isinf (*(const double *) p))
              {
                name = field_name (field, who);
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s is not a number."), name);
                return FALSE;
              }
            break;
          case FIELD_REF:
            if (v.type == VALUE_INT && v.i < 0)
              {
                name = field_name (field, who);
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s is not valid."),
                             name);
                return FALSE;
              }
            break;
          case FIELD_TEXT:
          case FIELD_INT:
            break;
        }
    }
  return TRUE;
}

static char *
member_who (const BfMember *member, guint index)
{
  if (has_visible_text (member->name))
    return g_strdup (member->name);
  /* TRANSLATORS: a member without a name yet, counted from 1 */
  return g_strdup_printf (_ ("member %u"), index + 1);
}

static gboolean
validate_member (BfMember *member, guint index, const GDate *today, GError **error)
{
  g_autofree char *who = member_who (member, index);
  g_autoptr (GError) id_error = NULL;
  g_autofree char *birth = NULL;
  const char *sex;
  BfIdNumber id;

  if (!table_validate (&_bf_members_table, member, who, error))
    return FALSE;
  if (!bf_id_number_parse (member->id_number, today, &id, &id_error))
    {
      /* TRANSLATORS: "ID number of 王小明: <the reason from the ID check>" */
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("ID number of %s: %s"), who,
                   id_error->message);
      return FALSE;
    }
  sex = id.male ? "male" : "female";
  birth = bf_date_format (&id.birth_date);
  if (member->sex != NULL && *member->sex != '\0' && strcmp (member->sex, sex) != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The sex of %s (%s) contradicts the ID number %s, which says %s."), who,
                   bf_code_label (BF_CODES_SEX, member->sex), id.number,
                   bf_code_label (BF_CODES_SEX, sex));
      return FALSE;
    }
  if (member->birth_date != NULL && *member->birth_date != '\0' &&
      strcmp (member->birth_date, birth) != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The birth date of %s (%s) contradicts the ID number %s, which says %s."),
                   who, member->birth_date, id.number, birth);
      return FALSE;
    }
  if (member->phone != NULL && *member->phone != '\0' && !bf_phone_is_valid (member->phone))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Phone of %s: “%s” is not a phone number (7 to 20 digits)."), who,
                   member->phone);
      return FALSE;
    }
  g_free (member->id_number);
  member->id_number = g_strdup (id.number);
  g_free (member->sex);
  member->sex = g_strdup (sex);
  g_free (member->birth_date);
  member->birth_date = g_steal_pointer (&birth);
  return TRUE;
}

static gboolean
validate_causes (BfHousehold *household, GError **error)
{
  char **others = household->other_causes;

  for (guint i = 0; i < 2; i++)
    if (others[i] != NULL && *others[i] == '\0')
      g_clear_pointer (&others[i], g_free);
  if (others[0] == NULL && others[1] != NULL)
    others[0] = g_steal_pointer (&others[1]);
  switch (bf_causes_check (household->primary_cause, others[0], others[1]))
    {
      case BF_CAUSES_OK:
        return TRUE;
      case BF_CAUSES_NO_PRIMARY:
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                     _ ("Other causes need a primary cause: choose the primary cause first."));
        return FALSE;
      case BF_CAUSES_FIRST_REPEATS:
      case BF_CAUSES_SECOND_REPEATS:
      default:
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                     _ ("Primary cause and other causes must all be different."));
        return FALSE;
    }
}

static gboolean
validate_survey (BfSurvey *survey, GError **error)
{
  GDate today;

  bf_date_today (&today);
  if (survey->year == 0)
    {
      GDate on;

      survey->year = survey->surveyed_on != NULL && bf_date_parse (survey->surveyed_on, &on, NULL)
                       ? g_date_get_year (&on)
                       : g_date_get_year (&today);
    }
  if (survey->year < 1949 || survey->year > g_date_get_year (&today) + 1)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Survey year %d is not a plausible year."), survey->year);
      return FALSE;
    }
  return table_validate (&_bf_surveys_table, survey, NULL, error);
}

gboolean
_bf_household_validate (BfHousehold *household, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GDate today;
  guint heads = 0;

  if (household->number != NULL)
    g_strstrip (household->number);
  if (!table_validate (&_bf_households_table, household, NULL, error))
    return FALSE;
  if (household->village_id <= 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("Village is required."));
      return FALSE;
    }
  if (!validate_causes (household, error))
    return FALSE;
  if (household->phone != NULL && *household->phone != '\0' &&
      !bf_phone_is_valid (household->phone))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Phone: “%s” is not a phone number (7 to 20 digits)."), household->phone);
      return FALSE;
    }
  if (household->bank_account != NULL && *household->bank_account != '\0' &&
      !bf_bank_account_is_valid (household->bank_account))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Bank account: an account number has digits only."));
      return FALSE;
    }

  bf_date_today (&today);
  for (guint i = 0; i < household->members->len; i++)
    {
      BfMember *member = g_ptr_array_index (household->members, i);

      if (!validate_member (member, i, &today, error))
        return FALSE;
      if (!g_hash_table_add (seen, member->id_number))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("ID number %s appears twice in this household."), member->id_number);
          return FALSE;
        }
      if (g_strcmp0 (member->relation, "head") == 0)
        heads++;
    }
  if (heads != 1)
    {
      if (heads == 0)
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                     _ ("Head of household is required: mark one member as the head."));
      else
        g_set_error (
          error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
          _ ("A household has exactly one head of household, but %u members are marked as head."),
          heads);
      return FALSE;
    }
  return household->survey == NULL || validate_survey (household->survey, error);
}

gboolean
_bf_household_check_references (BfStore *self, const BfHousehold *household, GError **error)
{
  sqlite3_stmt *stmt;
  int found;

  stmt =
    _bf_store_prepare (self, "SELECT 1 FROM villages WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household->village_id);
  found = _bf_step_one (self, stmt, _ ("Could not check the village"), error);
  sqlite3_reset (stmt);
  if (found < 0)
    return FALSE;
  if (found == 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Village: there is no such village."));
      return FALSE;
    }

  if (household->group_id != 0)
    {
      stmt = _bf_store_prepare (
        self, "SELECT 1 FROM village_groups WHERE id = ? AND village_id = ? AND deleted_at IS NULL",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, household->group_id);
      sqlite3_bind_int64 (stmt, 2, household->village_id);
      found = _bf_step_one (self, stmt, _ ("Could not check the group"), error);
      sqlite3_reset (stmt);
      if (found < 0)
        return FALSE;
      if (found == 0)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("Group: the group is not one of the village's groups."));
          return FALSE;
        }
    }

  if (household->helper_id != 0)
    {
      stmt = _bf_store_prepare (self, "SELECT 1 FROM helpers WHERE id = ? AND deleted_at IS NULL",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, household->helper_id);
      found = _bf_step_one (self, stmt, _ ("Could not check the helper"), error);
      sqlite3_reset (stmt);
      if (found < 0)
        return FALSE;
      if (found == 0)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("Helper: there is no such helper."));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_bf_household_check_number_free (BfStore *self, const BfHousehold *household, GError **error)
{
  gint64 other = _bf_household_find_by_number (self, household->number, error);

  if (other < 0)
    return FALSE;
  if (other != 0 && other != household->id)
    {
      g_set_error (
        error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_NUMBER,
        _ ("Household number %s is already used by another household (deleted households keep "
           "their numbers)."),
        household->number);
      return FALSE;
    }
  return TRUE;
}

gboolean
_bf_household_check_people_free (BfStore *self, const BfHousehold *household, GError **error)
{
  for (guint i = 0; i < household->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (household->members, i);
      g_autofree char *other_number = NULL;
      GError *local_error = NULL;

      if (_bf_household_find_person (self, member->id_number, household->id, NULL, &other_number,
                                     &local_error))
        {
          set_duplicate_person (error, member, other_number);
          return FALSE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  return TRUE;
}
