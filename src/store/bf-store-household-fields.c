/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The field tables of households, members and surveys, and what is done with a whole table:
 * bind, read, diff for the audit, build the INSERT and UPDATE. */
#include <glib/gi18n-lib.h>
#include <stddef.h>
#include <string.h>

#include "bf-store-household-fields-private.h"

#define TEXT(s, c, m, l)                                                                           \
  {                                                                                                \
    c, FIELD_TEXT, offsetof (s, m), l                                                              \
  }
#define REQUIRED_TEXT(s, c, m, l)                                                                  \
  {                                                                                                \
    c, FIELD_TEXT, offsetof (s, m), l, .required = TRUE                                            \
  }
#define DATE(s, c, m, l)                                                                           \
  {                                                                                                \
    c, FIELD_DATE, offsetof (s, m), l                                                              \
  }
#define CODE(s, c, m, l, cl)                                                                       \
  {                                                                                                \
    c, FIELD_CODE, offsetof (s, m), l, cl                                                          \
  }
#define TRI(s, c, m, l)                                                                            \
  {                                                                                                \
    c, FIELD_TRI, offsetof (s, m), l                                                               \
  }
#define FEN(s, c, m, l)                                                                            \
  {                                                                                                \
    c, FIELD_FEN, offsetof (s, m), l                                                               \
  }
#define REAL(s, c, m, l)                                                                           \
  {                                                                                                \
    c, FIELD_REAL, offsetof (s, m), l                                                              \
  }

static const Field household_fields[] = {
  REQUIRED_TEXT (BfHousehold, "number", number, N_ ("Household number")),
  { "village_id", FIELD_REF, offsetof (BfHousehold, village_id), N_ ("Village") },
  { "group_id", FIELD_REF, offsetof (BfHousehold, group_id), N_ ("Group") },
  TEXT (BfHousehold, "address", address, N_ ("Address")),
  TEXT (BfHousehold, "phone", phone, N_ ("Phone")),
  TEXT (BfHousehold, "bank_name", bank_name, N_ ("Bank")),
  TEXT (BfHousehold, "bank_account", bank_account, N_ ("Bank account")),
  CODE (BfHousehold, "attribute", attribute, N_ ("Household attribute"), BF_CODES_ATTRIBUTE),
  CODE (BfHousehold,
        "monitoring_type",
        monitoring_type,
        N_ ("Monitoring type"),
        BF_CODES_MONITORING_TYPE),
  CODE (BfHousehold, "standard", standard, N_ ("Identification standard"), BF_CODES_STANDARD),
  CODE (BfHousehold, "primary_cause", primary_cause, N_ ("Primary cause"), BF_CODES_CAUSE),
  CODE (BfHousehold, "other_cause_1", other_causes[0], N_ ("Other causes"), BF_CODES_CAUSE),
  CODE (BfHousehold, "other_cause_2", other_causes[1], N_ ("Other causes"), BF_CODES_CAUSE),
  TEXT (BfHousehold, "cause_note", cause_note, N_ ("Cause description")),
  REAL (BfHousehold, "house_area_m2", house_area_m2, N_ ("Housing area")),
  TRI (BfHousehold, "dangerous_house", dangerous_house, N_ ("Dangerous house")),
  TRI (BfHousehold, "relocated", relocated, N_ ("Relocated")),
  REAL (BfHousehold, "farmland_mu", farmland_mu, N_ ("Farmland")),
  REAL (BfHousehold, "forest_mu", forest_mu, N_ ("Forest land")),
  TEXT (BfHousehold, "livestock", livestock, N_ ("Livestock")),
  TEXT (BfHousehold, "industry", industry, N_ ("Industry development")),
  DATE (BfHousehold, "first_identified_on", first_identified_on, N_ ("First identification date")),
  { "helper_id", FIELD_REF, offsetof (BfHousehold, helper_id), N_ ("Helper") },
};

static const Field member_fields[] = {
  TEXT (BfMember, "person_number", person_number, N_ ("Person number")),
  REQUIRED_TEXT (BfMember, "name", name, N_ ("Name")),
  REQUIRED_TEXT (BfMember, "id_number", id_number, N_ ("ID number")),
  { "relation", FIELD_CODE, offsetof (BfMember, relation), N_ ("Relation to head"),
    BF_CODES_RELATION, .required = TRUE },
  CODE (BfMember, "sex", sex, N_ ("Sex"), BF_CODES_SEX),
  DATE (BfMember, "birth_date", birth_date, N_ ("Birth date")),
  CODE (BfMember, "ethnicity", ethnicity, N_ ("Ethnicity"), BF_CODES_ETHNICITY),
  CODE (BfMember, "education", education, N_ ("Education level"), BF_CODES_EDUCATION),
  CODE (BfMember, "school_status", school_status, N_ ("School status"), BF_CODES_SCHOOL_STATUS),
  CODE (BfMember, "health", health, N_ ("Health status"), BF_CODES_HEALTH),
  { "disability_grade", FIELD_GRADE, offsetof (BfMember, disability_grade), N_ ("Disability grade"),
    .max = 4 },
  CODE (BfMember, "labour", labour, N_ ("Labour ability"), BF_CODES_LABOUR),
  CODE (BfMember, "work_status", work_status, N_ ("Work status"), BF_CODES_WORK_STATUS),
  { "work_months", FIELD_COUNT, offsetof (BfMember, work_months), N_ ("Months of work"),
    .max = 12 },
  TRI (BfMember, "medical_insurance", medical_insurance, N_ ("Basic medical insurance")),
  TRI (BfMember,
       "serious_illness_insurance",
       serious_illness_insurance,
       N_ ("Serious illness insurance")),
  TRI (BfMember, "pension_insurance", pension_insurance, N_ ("Pension insurance")),
  TEXT (BfMember, "phone", phone, N_ ("Phone")),
};

static const Field survey_fields[] = {
  { "year", FIELD_INT, offsetof (BfSurvey, year), N_ ("Survey year") },
  DATE (BfSurvey, "surveyed_on", surveyed_on, N_ ("Survey date")),
  TEXT (BfSurvey, "surveyor", surveyor, N_ ("Surveyor")),
  TEXT (BfSurvey, "verifier", verifier, N_ ("Verifier")),
  DATE (BfSurvey, "verified_on", verified_on, N_ ("Verification date")),
  FEN (BfSurvey, "wage_fen", wage_fen, N_ ("Wage income")),
  FEN (BfSurvey, "business_fen", business_fen, N_ ("Business income")),
  FEN (BfSurvey, "property_fen", property_fen, N_ ("Property income")),
  FEN (BfSurvey, "transfer_fen", transfer_fen, N_ ("Transfer income")),
  FEN (BfSurvey, "business_expense_fen", business_expense_fen, N_ ("Business expenses")),
  FEN (BfSurvey, "education_expense_fen", education_expense_fen, N_ ("Education expenses")),
  FEN (BfSurvey, "medical_expense_fen", medical_expense_fen, N_ ("Medical expenses")),
  FEN (BfSurvey, "housing_expense_fen", housing_expense_fen, N_ ("Housing expenses")),
  FEN (BfSurvey, "pension_expense_fen", pension_expense_fen, N_ ("Pension expenses")),
  FEN (BfSurvey, "rigid_expense_fen", rigid_expense_fen, N_ ("Large unavoidable expenses")),
  FEN (BfSurvey, "debt_fen", debt_fen, N_ ("Household debt")),
  { "per_capita_fen", FIELD_FEN, offsetof (BfSurvey, per_capita_fen), N_ ("Per-capita net income"),
    .signed_fen = TRUE },
  TRI (BfSurvey, "food_secured", secured[BF_GUARANTEE_FOOD], N_ ("Enough food")),
  TEXT (BfSurvey, "food_note", secured_note[BF_GUARANTEE_FOOD], N_ ("Enough food")),
  TRI (BfSurvey, "clothing_secured", secured[BF_GUARANTEE_CLOTHING], N_ ("Enough clothing")),
  TEXT (BfSurvey, "clothing_note", secured_note[BF_GUARANTEE_CLOTHING], N_ ("Enough clothing")),
  TRI (BfSurvey,
       "education_secured",
       secured[BF_GUARANTEE_EDUCATION],
       N_ ("Compulsory education secured")),
  TEXT (BfSurvey,
        "education_note",
        secured_note[BF_GUARANTEE_EDUCATION],
        N_ ("Compulsory education secured")),
  TRI (BfSurvey,
       "medical_secured",
       secured[BF_GUARANTEE_MEDICAL],
       N_ ("Basic medical care secured")),
  TEXT (BfSurvey,
        "medical_note",
        secured_note[BF_GUARANTEE_MEDICAL],
        N_ ("Basic medical care secured")),
  TRI (BfSurvey, "housing_secured", secured[BF_GUARANTEE_HOUSING], N_ ("Safe housing secured")),
  TEXT (BfSurvey, "housing_note", secured_note[BF_GUARANTEE_HOUSING], N_ ("Safe housing secured")),
  TRI (BfSurvey, "water_secured", secured[BF_GUARANTEE_WATER], N_ ("Safe drinking water secured")),
  TEXT (BfSurvey,
        "water_note",
        secured_note[BF_GUARANTEE_WATER],
        N_ ("Safe drinking water secured")),
};

const Table _bf_households_table = { "households", household_fields,
                                     G_N_ELEMENTS (household_fields) };
const Table _bf_members_table = { "members", member_fields, G_N_ELEMENTS (member_fields) };
const Table _bf_surveys_table = { "surveys", survey_fields, G_N_ELEMENTS (survey_fields) };

Value
_bf_field_get (const Field *field, gconstpointer record)
{
  const char *p = FIELD_PTR (record, field);
  Value v = { VALUE_NULL };

  switch (field->kind)
    {
      case FIELD_TEXT:
      case FIELD_DATE:
      case FIELD_CODE:
        {
          const char *s = *(char *const *) p;
          if (s != NULL && *s != '\0')
            v = (Value){ VALUE_TEXT, .s = s };
          break;
        }
      case FIELD_REF:
      case FIELD_FEN:
        {
          gint64 i = *(const gint64 *) p;
          if (field->kind == FIELD_FEN || i != 0)
            v = (Value){ VALUE_INT, .i = i };
          break;
        }
      case FIELD_INT:
      case FIELD_TRI:
      case FIELD_COUNT:
      case FIELD_GRADE:
        {
          int i = *(const int *) p;
          if (field->kind == FIELD_INT || (field->kind == FIELD_GRADE ? i != 0 : i >= 0))
            v = (Value){ VALUE_INT, .i = i };
          break;
        }
      case FIELD_REAL:
        {
          double d = *(const double *) p;
          if (d >= 0)
            v = (Value){ VALUE_REAL, .d = d };
          break;
        }
    }
  return v;
}

void
_bf_field_set (const Field *field, gpointer record, const Value *v)
{
  char *p = FIELD_PTR (record, field);
  gboolean null = v->type == VALUE_NULL;

  switch (field->kind)
    {
      case FIELD_TEXT:
      case FIELD_DATE:
      case FIELD_CODE:
        g_free (*(char **) p);
        *(char **) p = null ? NULL : g_strdup (v->s);
        break;
      case FIELD_REF:
      case FIELD_FEN:
        *(gint64 *) p = null ? 0 : v->i;
        break;
      case FIELD_INT:
      case FIELD_GRADE:
        *(int *) p = null ? 0 : (int) v->i;
        break;
      case FIELD_TRI:
      case FIELD_COUNT:
        *(int *) p = null ? -1 : (int) v->i;
        break;
      case FIELD_REAL:
        *(double *) p = null ? -1 : v->d;
        break;
    }
}

static void
field_set_column (const Field *field, gpointer record, sqlite3_stmt *stmt, int col)
{
  Value v = { VALUE_NULL };

  if (sqlite3_column_type (stmt, col) != SQLITE_NULL)
    {
      if (field->kind == FIELD_TEXT || field->kind == FIELD_DATE || field->kind == FIELD_CODE)
        v = (Value){ VALUE_TEXT, .s = (const char *) sqlite3_column_text (stmt, col) };
      else if (field->kind == FIELD_REAL)
        v = (Value){ VALUE_REAL, .d = sqlite3_column_double (stmt, col) };
      else
        v = (Value){ VALUE_INT, .i = sqlite3_column_int64 (stmt, col) };
    }
  _bf_field_set (field, record, &v);
}

static gboolean
value_equal (const Value *a, const Value *b)
{
  if (a->type != b->type)
    return FALSE;
  switch (a->type)
    {
      case VALUE_NULL:
        return TRUE;
      case VALUE_INT:
        return a->i == b->i;
      case VALUE_REAL:
        return a->d == b->d;
      case VALUE_TEXT:
        return strcmp (a->s, b->s) == 0;
    }
  return FALSE;
}

void
_bf_value_bind (sqlite3_stmt *stmt, int idx, const Value *v)
{
  switch (v->type)
    {
      case VALUE_NULL:
        sqlite3_bind_null (stmt, idx);
        break;
      case VALUE_INT:
        sqlite3_bind_int64 (stmt, idx, v->i);
        break;
      case VALUE_REAL:
        sqlite3_bind_double (stmt, idx, v->d);
        break;
      case VALUE_TEXT:
        sqlite3_bind_text (stmt, idx, v->s, -1, SQLITE_TRANSIENT);
        break;
    }
}

static void
json_array_add_value (JsonArray *array, const Value *v)
{
  switch (v->type)
    {
      case VALUE_NULL:
        json_array_add_null_element (array);
        break;
      case VALUE_INT:
        json_array_add_int_element (array, v->i);
        break;
      case VALUE_REAL:
        json_array_add_double_element (array, v->d);
        break;
      case VALUE_TEXT:
        json_array_add_string_element (array, v->s);
        break;
    }
}

void
_bf_value_changes_add (JsonObject *changes,
                       const char *column,
                       const Value *before,
                       const Value *after)
{
  JsonArray *pair = json_array_sized_new (2);

  json_array_add_value (pair, before);
  json_array_add_value (pair, after);
  json_object_set_array_member (changes, column, pair);
}

JsonObject *
_bf_fields_diff (const Table *table, gconstpointer before, gconstpointer after)
{
  JsonObject *changes = json_object_new ();
  static const Value null_value = { VALUE_NULL };

  for (guint i = 0; i < table->n_fields; i++)
    {
      const Field *field = &table->fields[i];
      Value b = before != NULL ? _bf_field_get (field, before) : null_value;
      Value a = _bf_field_get (field, after);

      if (!value_equal (&b, &a))
        _bf_value_changes_add (changes, field->column, &b, &a);
    }
  return changes;
}

int
_bf_fields_bind (const Table *table, sqlite3_stmt *stmt, int idx, gconstpointer record)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      Value v = _bf_field_get (&table->fields[i], record);
      _bf_value_bind (stmt, idx++, &v);
    }
  return idx;
}

int
_bf_fields_read (const Table *table, sqlite3_stmt *stmt, int col, gpointer record)
{
  for (guint i = 0; i < table->n_fields; i++)
    field_set_column (&table->fields[i], record, stmt, col++);
  return col;
}

char *
_bf_fields_columns (const Table *table)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < table->n_fields; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, table->fields[i].column);
    }
  return g_string_free (s, FALSE);
}

char *
_bf_fields_insert_sql (const Table *table, const Extra *extras, guint n_extras)
{
  g_autofree char *columns = _bf_fields_columns (table);
  GString *cols = g_string_new ("uuid, created_at, updated_at, ");
  GString *values = g_string_new ("?, ?, ?");
  char *sql;

  g_string_append (cols, columns);
  for (guint i = 0; i < table->n_fields; i++)
    g_string_append (values, ", ?");
  for (guint i = 0; i < n_extras; i++)
    {
      g_string_append_printf (cols, ", %s", extras[i].column);
      g_string_append (values, ", ?");
    }
  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table->table, cols->str, values->str);
  g_string_free (cols, TRUE);
  g_string_free (values, TRUE);
  return sql;
}

char *
_bf_fields_update_sql (const Table *table, const Extra *extras, guint n_extras)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "UPDATE %s SET updated_at = ?", table->table);
  for (guint i = 0; i < table->n_fields; i++)
    g_string_append_printf (s, ", %s = ?", table->fields[i].column);
  for (guint i = 0; i < n_extras; i++)
    g_string_append_printf (s, ", %s = ?", extras[i].column);
  g_string_append (s, " WHERE id = ?");
  return g_string_free (s, FALSE);
}

int
_bf_step_one (BfStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc != SQLITE_DONE)
    _bf_store_set_sqlite_error (self, error, what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? 0 : -1;
}
