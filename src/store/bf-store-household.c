/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Households, their members and their latest survey: validation, one-transaction saves with
 * audit entries of the changed fields, soft delete and restore, household numbers. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-household-rules.h"
#include "bf-id-number.h"
#include "bf-income.h"
#include "bf-store-household-private.h"

/* ------------------------------------------------------------------------------------------ */
/* Field tables: one description per column drives binding, reading, validation and the audit
 * diff, so that a column added to a record is handled everywhere at once. */

typedef enum
{
  FIELD_TEXT,  /* char *: NULL or "" is not recorded */
  FIELD_DATE,  /* char *: ISO date */
  FIELD_CODE,  /* char *: a code of @list */
  FIELD_REF,   /* gint64 row id: 0 is none */
  FIELD_INT,   /* int, always recorded */
  FIELD_TRI,   /* int: -1 not recorded, 0 no, 1 yes */
  FIELD_COUNT, /* int: < 0 not recorded, else 0..max */
  FIELD_GRADE, /* int: 0 none, else 1..max */
  FIELD_FEN,   /* gint64, always recorded; never negative unless @signed_fen */
  FIELD_REAL,  /* double: < 0 not recorded */
} FieldKind;

typedef struct
{
  const char *column;
  FieldKind kind;
  gsize offset;
  const char *label; /* N_(): names the field in messages */
  BfCodeList list;   /* FIELD_CODE */
  int max;           /* FIELD_COUNT, FIELD_GRADE */
  gboolean required; /* FIELD_TEXT, FIELD_CODE */
  gboolean signed_fen;
} Field;

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

typedef struct
{
  const char *table;
  const Field *fields;
  guint n_fields;
} Table;

static const Table households_table = { "households", household_fields,
                                        G_N_ELEMENTS (household_fields) };
static const Table members_table = { "members", member_fields, G_N_ELEMENTS (member_fields) };
static const Table surveys_table = { "surveys", survey_fields, G_N_ELEMENTS (survey_fields) };

typedef enum
{
  VALUE_NULL,
  VALUE_INT,
  VALUE_REAL,
  VALUE_TEXT,
} ValueType;

typedef struct
{
  ValueType type;
  gint64 i;
  double d;
  const char *s;
} Value;

#define FIELD_PTR(record, field) ((char *) (record) + (field)->offset)

static Value
field_get (const Field *field, gconstpointer record)
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

/* The record's value for a NULL column, as bf_*_new() would leave it. */
static void
field_set_column (const Field *field, gpointer record, sqlite3_stmt *stmt, int col)
{
  char *p = FIELD_PTR (record, field);
  gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

  switch (field->kind)
    {
      case FIELD_TEXT:
      case FIELD_DATE:
      case FIELD_CODE:
        g_free (*(char **) p);
        *(char **) p = null ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, col));
        break;
      case FIELD_REF:
      case FIELD_FEN:
        *(gint64 *) p = sqlite3_column_int64 (stmt, col);
        break;
      case FIELD_INT:
      case FIELD_GRADE:
        *(int *) p = sqlite3_column_int (stmt, col);
        break;
      case FIELD_TRI:
      case FIELD_COUNT:
        *(int *) p = null ? -1 : sqlite3_column_int (stmt, col);
        break;
      case FIELD_REAL:
        *(double *) p = null ? -1 : sqlite3_column_double (stmt, col);
        break;
    }
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

static void
value_bind (sqlite3_stmt *stmt, int idx, const Value *v)
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

static void
changes_add (JsonObject *changes, const char *column, const Value *before, const Value *after)
{
  JsonArray *pair = json_array_sized_new (2);

  json_array_add_value (pair, before);
  json_array_add_value (pair, after);
  json_object_set_array_member (changes, column, pair);
}

/* {"column": [before, after]} for every field that differs; @before NULL: a new record. */
static JsonObject *
table_diff (const Table *table, gconstpointer before, gconstpointer after)
{
  JsonObject *changes = json_object_new ();
  static const Value null_value = { VALUE_NULL };

  for (guint i = 0; i < table->n_fields; i++)
    {
      const Field *field = &table->fields[i];
      Value b = before != NULL ? field_get (field, before) : null_value;
      Value a = field_get (field, after);

      if (!value_equal (&b, &a))
        changes_add (changes, field->column, &b, &a);
    }
  return changes;
}

static int
table_bind (const Table *table, sqlite3_stmt *stmt, int idx, gconstpointer record)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      Value v = field_get (&table->fields[i], record);
      value_bind (stmt, idx++, &v);
    }
  return idx;
}

static int
table_read (const Table *table, sqlite3_stmt *stmt, int col, gpointer record)
{
  for (guint i = 0; i < table->n_fields; i++)
    field_set_column (&table->fields[i], record, stmt, col++);
  return col;
}

static char *
table_columns (const Table *table)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < table->n_fields; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", table->fields[i].column);
  return g_string_free (s, FALSE);
}

/* A column the caller computes (derived or fixed), written after the table's fields. */
typedef struct
{
  const char *column;
  Value value;
} Extra;

/* INSERT binding uuid, created_at, updated_at, the fields, then the extras. */
static char *
table_insert_sql (const Table *table, const Extra *extras, guint n_extras)
{
  g_autofree char *columns = table_columns (table);
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

/* UPDATE binding updated_at, the fields, the extras, then the id. */
static char *
table_update_sql (const Table *table, const Extra *extras, guint n_extras)
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

/* ------------------------------------------------------------------------------------------ */
/* Small SQLite helpers */

/* Steps a query expected to give at most one row: 1 a row (left for reading; reset it after),
 * 0 none, -1 an error. */
static int
step_row (BfStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc != SQLITE_DONE)
    _bf_store_set_sqlite_error (self, error, what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? 0 : -1;
}

static char *
today_iso (void)
{
  GDate today;

  bf_date_today (&today);
  return bf_date_format (&today);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading */

static BfSurvey *
load_survey (BfStore *self,
             const char *where,
             gint64 key1,
             gint64 key2,
             int *member_count,
             GError **error)
{
  g_autofree char *columns = table_columns (&surveys_table);
  g_autofree char *sql =
    g_strdup_printf ("SELECT id, uuid, member_count, %s FROM surveys WHERE %s", columns, where);
  sqlite3_stmt *stmt = _bf_store_prepare (self, sql, error);
  g_autoptr (BfSurvey) survey = NULL;
  int found;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key1);
  if (strstr (where, "?2") != NULL)
    sqlite3_bind_int64 (stmt, 2, key2);
  found = step_row (self, stmt, _ ("Could not read the survey"), error);
  if (found <= 0)
    return NULL;
  survey = bf_survey_new ();
  survey->id = sqlite3_column_int64 (stmt, 0);
  survey->uuid = _bf_column_dup (stmt, 1);
  if (member_count != NULL)
    *member_count = sqlite3_column_int (stmt, 2);
  table_read (&surveys_table, stmt, 3, survey);
  sqlite3_reset (stmt);
  return g_steal_pointer (&survey);
}

#define LATEST_SURVEY                                                                              \
  "household_id = ?1 AND deleted_at IS NULL ORDER BY year DESC, ifnull(surveyed_on, '') DESC, id DESC LIMIT 1"

static gboolean
load_members (BfStore *self, BfHousehold *household, GError **error)
{
  g_autofree char *columns = table_columns (&members_table);
  g_autofree char *sql = g_strdup_printf ("SELECT id, uuid, %s FROM members "
                                          "WHERE household_id = ? AND deleted_at IS NULL "
                                          "ORDER BY relation <> 'head', id",
                                          columns);
  sqlite3_stmt *stmt = _bf_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfMember *member = bf_member_new ();

      member->id = sqlite3_column_int64 (stmt, 0);
      member->uuid = _bf_column_dup (stmt, 1);
      table_read (&members_table, stmt, 2, member);
      g_ptr_array_add (household->members, member);
    }
  if (rc != SQLITE_DONE)
    _bf_store_set_sqlite_error (self, error, _ ("Could not read the household's members"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* The household with its active members and latest survey, deleted or not; NULL and no error
 * when there is none. */
static BfHousehold *
load_household (BfStore *self, gint64 id, GError **error)
{
  g_autofree char *columns = table_columns (&households_table);
  g_autofree char *sql =
    g_strdup_printf ("SELECT id, uuid, status, status_since, created_at, updated_at, deleted_at, "
                     "(SELECT name FROM villages WHERE id = households.village_id), "
                     "(SELECT name FROM village_groups WHERE id = households.group_id), "
                     "(SELECT name FROM helpers WHERE id = households.helper_id), %s "
                     "FROM households WHERE id = ?",
                     columns);
  sqlite3_stmt *stmt = _bf_store_prepare (self, sql, error);
  g_autoptr (BfHousehold) household = NULL;
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (step_row (self, stmt, _ ("Could not read the household"), error) <= 0)
    return NULL;
  household = bf_household_new ();
  household->id = sqlite3_column_int64 (stmt, 0);
  household->uuid = _bf_column_dup (stmt, 1);
  household->status = _bf_column_dup (stmt, 2);
  household->status_since = _bf_column_dup (stmt, 3);
  household->created_at = _bf_column_dup (stmt, 4);
  household->updated_at = _bf_column_dup (stmt, 5);
  household->deleted_at = _bf_column_dup (stmt, 6);
  household->village_name = _bf_column_dup (stmt, 7);
  household->group_name = _bf_column_dup (stmt, 8);
  household->helper_name = _bf_column_dup (stmt, 9);
  table_read (&households_table, stmt, 10, household);
  sqlite3_reset (stmt);

  if (!load_members (self, household, error))
    return NULL;
  household->survey = load_survey (self, LATEST_SURVEY, id, 0, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&household);
}

BfHousehold *
bf_store_household_get (BfStore *self, gint64 id, GError **error)
{
  GError *local_error = NULL;
  BfHousehold *household;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  household = load_household (self, id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (household == NULL)
    g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                         _ ("The household is not in the register."));
  return household;
}

static gint64
find_household_by_number (BfStore *self, const char *number, GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (self, "SELECT id FROM households WHERE number = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  _bf_bind_text (stmt, 1, number);
  switch (step_row (self, stmt, _ ("Could not look up the household number"), error))
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

BfHousehold *
bf_store_household_get_by_number (BfStore *self, const char *number, GError **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  trimmed = g_strstrip (g_strdup (number));
  id = find_household_by_number (self, trimmed, error);
  if (id < 0)
    return NULL;
  if (id == 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("There is no household numbered %s."), trimmed);
      return NULL;
    }
  return bf_store_household_get (self, id, error);
}

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

/* The active household (other than @except) that has @id_number as an active member. */
static gboolean
find_person (BfStore *self,
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
  if (step_row (self, stmt, _ ("Could not look up the ID number"), error) <= 0)
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
  return find_person (self, normalised, 0, household_id, household_number, error);
}

static void
set_duplicate_person (GError **error, const BfMember *member, const char *other_number)
{
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON,
               _ ("%s (ID number %s) already belongs to household %s. A person can be in only one "
                  "household: remove them from household %s first."),
               member->name, member->id_number, other_number, other_number);
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
      Value v = field_get (field, record);
      g_autofree char *name = field_name (field, who);
      GDate date;

      if (v.type == VALUE_TEXT && !g_utf8_validate (v.s, -1, NULL))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s is not valid text."),
                       name);
          return FALSE;
        }
      if (field->required && !has_visible_text (v.s))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s is required."), name);
          return FALSE;
        }
      switch (field->kind)
        {
          case FIELD_DATE:
            if (v.type == VALUE_TEXT && !bf_date_parse (v.s, &date, NULL))
              {
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s: “%s” is not a date (YYYY-MM-DD)."), name, v.s);
                return FALSE;
              }
            break;
          case FIELD_CODE:
            if (v.type == VALUE_TEXT && !bf_code_is_valid (field->list, v.s))
              {
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s: “%s” is not one of the choices."), name, v.s);
                return FALSE;
              }
            break;
          case FIELD_TRI:
            if (v.type == VALUE_INT && v.i > 1)
              {
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
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s must be between %d and %d."), name,
                             field->kind == FIELD_GRADE ? 1 : 0, field->max);
                return FALSE;
              }
            break;
          case FIELD_FEN:
            if (!field->signed_fen && v.i < 0)
              {
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s cannot be negative."), name);
                return FALSE;
              }
            break;
          case FIELD_REAL:
            if (isnan (*(const double *) p) || isinf (*(const double *) p))
              {
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s is not a number."), name);
                return FALSE;
              }
            break;
          case FIELD_REF:
            if (v.type == VALUE_INT && v.i < 0)
              {
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

  if (!table_validate (&members_table, member, who, error))
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
  return table_validate (&surveys_table, survey, NULL, error);
}

static gboolean
validate_household (BfHousehold *household, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GDate today;
  guint heads = 0;

  if (household->number != NULL)
    g_strstrip (household->number);
  if (!table_validate (&households_table, household, NULL, error))
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

/* Checks against the register, inside the write. */
static gboolean
check_references (BfStore *self, const BfHousehold *household, GError **error)
{
  sqlite3_stmt *stmt;
  int found;

  stmt =
    _bf_store_prepare (self, "SELECT 1 FROM villages WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household->village_id);
  found = step_row (self, stmt, _ ("Could not check the village"), error);
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
      found = step_row (self, stmt, _ ("Could not check the group"), error);
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
      found = step_row (self, stmt, _ ("Could not check the helper"), error);
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

static gboolean
check_number_free (BfStore *self, const BfHousehold *household, GError **error)
{
  gint64 other = find_household_by_number (self, household->number, error);

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

static gboolean
check_people_free (BfStore *self, const BfHousehold *household, GError **error)
{
  for (guint i = 0; i < household->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (household->members, i);
      g_autofree char *other_number = NULL;
      GError *local_error = NULL;

      if (find_person (self, member->id_number, household->id, NULL, &other_number, &local_error))
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

/* ------------------------------------------------------------------------------------------ */
/* Writing */

typedef struct
{
  BfStore *self;
  const char *now;
  BfHousehold *work;         /* what is being saved, normalised */
  const BfHousehold *before; /* as in the register, NULL for a new household */
  gboolean changed;          /* anything written */
} Save;

/* A unique-index failure that slipped past the checks made inside the same write cannot come
 * from this process; name the rule anyway rather than SQLite's words. */
static void
set_write_error (BfStore *self, GError **error, const char *what)
{
  sqlite3 *db = _bf_store_db (self);
  const char *message = sqlite3_errmsg (db);

  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
    {
      if (strstr (message, "members.id_number") != NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON,
                       _ ("A member already belongs to another household."));
          return;
        }
      if (strstr (message, "households.number") != NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_NUMBER,
                       _ ("The household number is already in use."));
          return;
        }
    }
  _bf_store_set_sqlite_error (self, error, what);
}

static gboolean
write_step (Save *save, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    set_write_error (save->self, error, what);
  sqlite3_reset (stmt);
  save->changed = TRUE;
  return rc == SQLITE_DONE;
}

/* Inserts @record under a new uuid (stored in *@uuid) and returns its row id, or 0. */
static gint64
insert_record (Save *save,
               const Table *table,
               const Extra *extras,
               guint n_extras,
               gconstpointer record,
               char **uuid,
               GError **error)
{
  g_autofree char *sql = table_insert_sql (table, extras, n_extras);
  sqlite3_stmt *stmt = _bf_store_prepare (save->self, sql, error);
  int idx;

  if (stmt == NULL)
    return 0;
  g_free (*uuid);
  *uuid = _bf_uuid_new ();
  sqlite3_bind_text (stmt, 1, *uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, save->now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, save->now, -1, SQLITE_TRANSIENT);
  idx = table_bind (table, stmt, 4, record);
  for (guint i = 0; i < n_extras; i++)
    value_bind (stmt, idx++, &extras[i].value);
  if (!write_step (save, stmt, _ ("Could not save the household"), error))
    return 0;
  return sqlite3_last_insert_rowid (_bf_store_db (save->self));
}

static gboolean
update_record (Save *save,
               const Table *table,
               const Extra *extras,
               guint n_extras,
               gint64 id,
               gconstpointer record,
               GError **error)
{
  g_autofree char *sql = table_update_sql (table, extras, n_extras);
  sqlite3_stmt *stmt = _bf_store_prepare (save->self, sql, error);
  int idx;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, save->now, -1, SQLITE_TRANSIENT);
  idx = table_bind (table, stmt, 2, record);
  for (guint i = 0; i < n_extras; i++)
    value_bind (stmt, idx++, &extras[i].value);
  sqlite3_bind_int64 (stmt, idx, id);
  return write_step (save, stmt, _ ("Could not save the household"), error);
}

/* Appends an audit entry unless @changes is empty (an unchanged record leaves no trace). */
static gboolean
audit (Save *save,
       const char *action,
       const char *entity,
       const char *uuid,
       JsonObject *changes,
       GError **error)
{
  if (json_object_get_size (changes) == 0)
    {
      json_object_unref (changes);
      return TRUE;
    }
  return _bf_store_audit (save->self, action, entity, uuid, changes, error);
}

static const BfMember *
find_member (const BfHousehold *household, gint64 id)
{
  for (guint i = 0; household != NULL && i < household->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (household->members, i);

      if (member->id == id)
        return member;
    }
  return NULL;
}

static gboolean
remove_member (Save *save, const BfMember *member, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (
    save->self, "UPDATE members SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", error);
  JsonObject *changes;
  Value before = { VALUE_NULL }, after = { VALUE_TEXT, .s = save->now };

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, save->now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, member->id);
  if (!write_step (save, stmt, _ ("Could not remove a member"), error))
    return FALSE;
  changes = json_object_new ();
  changes_add (changes, "deleted_at", &before, &after);
  return _bf_store_audit (save->self, "delete", "members", member->uuid, changes, error);
}

/* Moves a member whose ID number or relation changes out of the way of the unique indexes
 * (one person per household, one head), so that two members can swap them in one save. */
static gboolean
park_member (Save *save, const BfMember *member, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (
    save->self, "UPDATE members SET id_number = uuid, relation = 'other' WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  return write_step (save, stmt, _ ("Could not save a member"), error);
}

static gint64
count_member_rows (Save *save, GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (save->self, "SELECT count(*) FROM members WHERE household_id = ?", error);
  gint64 n;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, save->work->id);
  if (step_row (save->self, stmt, _ ("Could not count the members"), error) <= 0)
    return -1;
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
save_members (Save *save, GError **error)
{
  BfHousehold *work = save->work;
  const BfHousehold *before = save->before;
  gint64 next_person = 0;

  for (guint i = 0; i < work->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (work->members, i);

      if (member->id != 0 && find_member (before, member->id) == NULL)
        {
          g_set_error (
            error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
            _ (
              "%s is not a member of this household in the register any more: reload the household "
              "and edit it again."),
            member->name);
          return FALSE;
        }
    }

  /* Removals first, then members that change ID number or relation, then new members: each step
   * frees what the next one may take. */
  for (guint i = 0; before != NULL && i < before->members->len; i++)
    {
      const BfMember *old = g_ptr_array_index (before->members, i);

      if (find_member (work, old->id) == NULL && !remove_member (save, old, error))
        return FALSE;
    }
  for (guint i = 0; i < work->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (work->members, i);
      const BfMember *old = member->id != 0 ? find_member (before, member->id) : NULL;

      if (old != NULL &&
          (strcmp (old->id_number, member->id_number) != 0 ||
           strcmp (old->relation, member->relation) != 0) &&
          !park_member (save, member, error))
        return FALSE;
    }
  for (guint i = 0; i < work->members->len; i++)
    {
      BfMember *member = g_ptr_array_index (work->members, i);
      const BfMember *old = member->id != 0 ? find_member (before, member->id) : NULL;
      JsonObject *changes;

      if (old != NULL)
        {
          changes = table_diff (&members_table, old, member);
          if (json_object_get_size (changes) > 0 &&
              !update_record (save, &members_table, NULL, 0, member->id, member, error))
            {
              json_object_unref (changes);
              return FALSE;
            }
          if (!audit (save, "update", "members", member->uuid, changes, error))
            return FALSE;
          continue;
        }

      if (member->person_number == NULL || *member->person_number == '\0')
        {
          if (next_person == 0 && (next_person = count_member_rows (save, error) + 1) <= 0)
            return FALSE;
          g_free (member->person_number);
          member->person_number =
            g_strdup_printf ("%s-%02" G_GINT64_FORMAT, work->number, next_person++);
        }
      {
        Extra extras[] = { { "household_id", { VALUE_INT, .i = work->id } } };

        member->id = insert_record (save, &members_table, extras, G_N_ELEMENTS (extras), member,
                                    &member->uuid, error);
      }
      if (member->id == 0)
        return FALSE;
      if (!audit (save, "create", "members", member->uuid,
                  table_diff (&members_table, NULL, member), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_survey (Save *save, GError **error)
{
  BfSurvey *survey = save->work->survey;
  guint n_members = save->work->members->len;
  BfIncome income = {
    survey->wage_fen,     survey->business_fen,         survey->property_fen,
    survey->transfer_fen, survey->business_expense_fen,
  };
  Extra extras[] = {
    { "member_count", { VALUE_INT, .i = n_members } },
    { "household_id", { VALUE_INT, .i = save->work->id } },
  };
  g_autoptr (BfSurvey) old = NULL;
  GError *local_error = NULL;
  JsonObject *changes;
  int old_members = 0;

  if (!bf_income_per_capita (&income, n_members, &survey->per_capita_fen))
    g_return_val_if_reached (FALSE); /* validation guarantees a head */

  if (survey->id == 0)
    {
      survey->id = insert_record (save, &surveys_table, extras, G_N_ELEMENTS (extras), survey,
                                  &survey->uuid, error);
      if (survey->id == 0)
        return FALSE;
      return audit (save, "create", "surveys", survey->uuid,
                    table_diff (&surveys_table, NULL, survey), error);
    }

  old = load_survey (save->self, "id = ?1 AND household_id = ?2 AND deleted_at IS NULL", survey->id,
                     save->work->id, &old_members, &local_error);
  if (old == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (
          error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
          _ (
            "The survey being saved is not this household's any more: reload the household and edit "
            "it again."));
      return FALSE;
    }
  changes = table_diff (&surveys_table, old, survey);
  if ((json_object_get_size (changes) > 0 || old_members != (int) n_members) &&
      !update_record (save, &surveys_table, extras, 1, survey->id, survey, error))
    {
      json_object_unref (changes);
      return FALSE;
    }
  return audit (save, "update", "surveys", survey->uuid, changes, error);
}

static gboolean
save_household_row (Save *save, gboolean create, GError **error)
{
  BfHousehold *work = save->work;
  const BfHousehold *before = save->before;
  const BfMember *head = bf_household_get_head (work);
  const BfMember *old_head = before != NULL ? bf_household_get_head (before) : NULL;
  g_autofree char *status_since = today_iso ();
  Extra extras[] = {
    { "head_name", { VALUE_TEXT, .s = head->name } },
    { "member_count", { VALUE_INT, .i = work->members->len } },
    { "status", { VALUE_TEXT, .s = "surveyed" } },
    { "status_since", { VALUE_TEXT, .s = status_since } },
  };
  JsonObject *changes = table_diff (&households_table, before, work);

  if (create)
    {
      work->id = insert_record (save, &households_table, extras, G_N_ELEMENTS (extras), work,
                                &work->uuid, error);
      if (work->id == 0)
        {
          json_object_unref (changes);
          return FALSE;
        }
      changes_add (changes, "status", &(Value){ VALUE_NULL }, &extras[2].value);
      return _bf_store_audit (save->self, "create", "households", work->uuid, changes, error);
    }

  /* Members or survey written, or the row itself changed: the household's updated_at moves. */
  if (save->changed || json_object_get_size (changes) > 0 || old_head == NULL ||
      g_strcmp0 (old_head->name, head->name) != 0 || before->members->len != work->members->len)
    if (!update_record (save, &households_table, extras, 2, work->id, work, error))
      {
        json_object_unref (changes);
        return FALSE;
      }
  return audit (save, "update", "households", work->uuid, changes, error);
}

static gboolean
update_derived (Save *save, GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (save->self,
                       "UPDATE households SET per_capita_fen = "
                       "(SELECT per_capita_fen FROM surveys WHERE " LATEST_SURVEY ") "
                       "WHERE id = ?1",
                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, save->work->id);
  return write_step (save, stmt, _ ("Could not save the household"), error) &&
         _bf_store_search_index (save->self, save->work->id, save->work->number,
                                 save->work->members, error);
}

static gboolean
save_in_transaction (Save *save, GError **error)
{
  BfHousehold *work = save->work;
  g_autoptr (BfHousehold) before = NULL;
  gboolean create = work->id == 0;

  if (!create)
    {
      GError *local_error = NULL;

      before = load_household (save->self, work->id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (before == NULL || before->deleted_at != NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                       before == NULL
                         ? _ ("Household %s is not in the register.")
                         : _ ("Household %s has been deleted: restore it before editing it."),
                       work->number);
          return FALSE;
        }
      save->before = before;
      g_free (work->uuid);
      work->uuid = g_strdup (before->uuid);
    }

  if (!check_references (save->self, work, error) || !check_number_free (save->self, work, error) ||
      !check_people_free (save->self, work, error))
    return FALSE;

  if (create && !save_household_row (save, TRUE, error))
    return FALSE;
  if (!save_members (save, error))
    return FALSE;
  if (work->survey != NULL && !save_survey (save, error))
    return FALSE;
  if (!create && !save_household_row (save, FALSE, error))
    return FALSE;
  return !save->changed || update_derived (save, error);
}

gboolean
bf_store_household_save (BfStore *self, BfHousehold *household, GError **error)
{
  g_autoptr (BfHousehold) work = NULL;
  g_autoptr (BfHousehold) saved = NULL;
  g_autofree char *now = NULL;
  Save save = { self };

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (household != NULL && household->members != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The caller's record stays as it was until the write has committed. */
  work = bf_household_copy (household);
  if (!validate_household (work, error))
    return FALSE;

  now = _bf_now_iso ();
  save.now = now;
  save.work = work;
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!save_in_transaction (&save, error) || !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }

  /* Hand back what the register now holds: ids, uuids, derived fields, names of references. */
  saved = bf_store_household_get (self, work->id, error);
  if (saved == NULL)
    return FALSE;
  {
    BfHousehold swap = *household;

    *household = *saved;
    *saved = swap;
  }
  return TRUE;
}

gboolean
_bf_store_household_save_in_write (BfStore *self, BfHousehold *household, GError **error)
{
  g_autoptr (BfHousehold) work = bf_household_copy (household);
  g_autofree char *now = _bf_now_iso ();
  Save save = { self };

  if (!validate_household (work, error))
    return FALSE;
  save.now = now;
  save.work = work;
  return save_in_transaction (&save, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Delete and restore */

static gboolean
set_deleted (BfStore *self, gint64 id, gboolean delete, GError **error)
{
  g_autoptr (BfHousehold) household = NULL;
  g_autofree char *now = _bf_now_iso ();
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  JsonObject *changes;
  Value before, after;

  if (!_bf_store_begin (self, error))
    return FALSE;
  household = load_household (self, id, &local_error);
  if (household == NULL || (household->deleted_at == NULL) != delete)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else if (household == NULL)
        g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                             _ ("The household is not in the register."));
      else
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                     delete ? _ ("Household %s is already deleted.")
                            : _ ("Household %s is not deleted."),
                     household->number);
      goto fail;
    }

  /* A person of a deleted household may have joined another one since. */
  for (guint i = 0; !delete &&i < household->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (household->members, i);
      g_autofree char *other = NULL;

      if (find_person (self, member->id_number, id, NULL, &other, &local_error))
        {
          g_set_error (
            error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON,
            _ ("Household %s cannot be restored: %s (ID number %s) now belongs to household %s."),
            household->number, member->name, member->id_number, other);
          goto fail;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          goto fail;
        }
    }

  stmt = _bf_store_prepare (
    self, "UPDATE households SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    goto fail;
  _bf_bind_text (stmt, 1, delete ? now : NULL);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!_bf_store_step_done (self, stmt,
                            delete ? _ ("Could not delete the household")
                                   : _ ("Could not restore the household"),
                            error))
    goto fail;

  before = delete ? (Value){ VALUE_NULL } : (Value){ VALUE_TEXT, .s = household->deleted_at };
  after = delete ? (Value){ VALUE_TEXT, .s = now } : (Value){ VALUE_NULL };
  changes = json_object_new ();
  changes_add (changes, "deleted_at", &before, &after);
  if (!_bf_store_audit (self, delete ? "delete" : "restore", "households", household->uuid, changes,
                        error) ||
      !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

gboolean
bf_store_household_delete (BfStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
bf_store_household_restore (BfStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Household numbers: "VVV-NNNNN", the village's id in the register (three digits) and the
 * household's sequence in the village (five digits), e.g. "003-00157". Fixed widths keep the
 * text order of numbers equal to their numeric order; numbers of deleted households stay taken;
 * numbers not in this form (imported ones) are left out of the sequence. */

char *
bf_store_household_next_number (BfStore *self, gint64 village_id, GError **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt;
  gint64 last = 0;
  int found;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt =
    _bf_store_prepare (self, "SELECT 1 FROM villages WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, village_id);
  switch (step_row (self, stmt, _ ("Could not check the village"), error))
    {
      case 1:
        sqlite3_reset (stmt);
        break;
      case 0:
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                     _ ("Village: there is no such village."));
        return NULL;
      default:
        return NULL;
    }

  prefix = g_strdup_printf ("%03" G_GINT64_FORMAT "-", village_id);
  limit = g_strdup_printf ("%03" G_GINT64_FORMAT ".", village_id); /* '.' follows '-' */
  /* Five-digit sequences sort as numbers: the last one is found from the end of the index. Past
   * 99999 the sequence grows a digit and only a scan of the village's numbers finds its end. */
  for (guint pass = 0; pass < 2; pass++)
    {
      stmt = _bf_store_prepare (
        self,
        pass == 0 ? "SELECT CAST(substr(number, ?3) AS INTEGER) FROM households "
                    "WHERE number > ?1 AND number < ?2 AND length(number) = ?3 + 4 "
                    "AND substr(number, ?3) NOT GLOB '*[^0-9]*' ORDER BY number DESC LIMIT 1"
                  : "SELECT max(CAST(substr(number, ?3) AS INTEGER)) FROM households "
                    "WHERE number > ?1 AND number < ?2 AND length(number) > ?3 - 1 "
                    "AND substr(number, ?3) NOT GLOB '*[^0-9]*'",
        error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, limit, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int) strlen (prefix) + 1);
      found = step_row (self, stmt, _ ("Could not find the next household number"), error);
      if (found < 0)
        return NULL;
      last = found ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (last < 99999)
        break;
    }
  return g_strdup_printf ("%s%05" G_GINT64_FORMAT, prefix, last + 1);
}
