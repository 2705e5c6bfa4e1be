/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-dates.h"
#include "bf-measures.h"
#include "bf-store-plans-private.h"

#define MIN_YEAR 2000
#define MAX_YEAR 2100

/* The sort key of measures; the indexes of migration 0002 use the same expression. */
#define DUE_KEY "ifnull(m.due_on, '9999-12-31')"
#define OPEN    "m.status IN ('planned', 'in_progress')"

static const BfColumn measure_columns[] = {
  { "plan_id", BF_COLUMN_REF, G_STRUCT_OFFSET (BfMeasure, plan_id), N_ ("Plan") },
  { "household_id", BF_COLUMN_REF, G_STRUCT_OFFSET (BfMeasure, household_id), N_ ("Household") },
  { "category", BF_COLUMN_CODE, G_STRUCT_OFFSET (BfMeasure, category), N_ ("Category"),
    BF_CODES_MEASURE_CATEGORY, TRUE },
  { "subtype", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfMeasure, subtype), N_ ("Type") },
  { "description", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfMeasure, description), N_ ("Description"),
    .required = TRUE },
  { "department", BF_COLUMN_CODE, G_STRUCT_OFFSET (BfMeasure, department), N_ ("Department"),
    BF_CODES_DEPARTMENT },
  { "helper_id", BF_COLUMN_REF, G_STRUCT_OFFSET (BfMeasure, helper_id), N_ ("Responsible helper") },
  { "starts_on", BF_COLUMN_DATE, G_STRUCT_OFFSET (BfMeasure, starts_on), N_ ("Start date") },
  { "due_on", BF_COLUMN_DATE, G_STRUCT_OFFSET (BfMeasure, due_on), N_ ("Due date") },
  { "budget_fen", BF_COLUMN_FEN, G_STRUCT_OFFSET (BfMeasure, budget_fen), N_ ("Budget") },
  { "spent_fen", BF_COLUMN_FEN, G_STRUCT_OFFSET (BfMeasure, spent_fen), N_ ("Spent") },
  { "status", BF_COLUMN_CODE, G_STRUCT_OFFSET (BfMeasure, status), N_ ("Status"),
    BF_CODES_MEASURE_STATUS, TRUE },
  { "completed_on", BF_COLUMN_DATE, G_STRUCT_OFFSET (BfMeasure, completed_on),
    N_ ("Completion date") },
  { "effect", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfMeasure, effect), N_ ("Effect") },
  { "household_confirmed", BF_COLUMN_TRI, G_STRUCT_OFFSET (BfMeasure, household_confirmed),
    N_ ("Confirmed by the household") },
};

static const BfTable measure_table = { "measures", measure_columns,
                                       G_N_ELEMENTS (measure_columns) };

static const BfColumn plan_columns[] = {
  { "household_id", BF_COLUMN_REF, G_STRUCT_OFFSET (BfPlan, household_id), N_ ("Household") },
  { "year", BF_COLUMN_INT, G_STRUCT_OFFSET (BfPlan, year), N_ ("Year") },
  { "goal", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfPlan, goal), N_ ("Goal") },
};

static const BfTable plan_table = { "plans", plan_columns, G_N_ELEMENTS (plan_columns) };

/* The measure's columns, then what a list shows with it: "SELECT " MEASURE_COLUMNS " FROM
 * measures m [INDEXED BY …]" MEASURE_JOINS. */
#define MEASURE_COLUMNS                                                                            \
  "m.id, m.uuid, m.plan_id, m.household_id, m.category, m.subtype, m.description, "                \
  "m.department, m.helper_id, m.starts_on, m.due_on, m.budget_fen, m.spent_fen, m.status, "        \
  "m.completed_on, m.effect, m.household_confirmed, p.year, hp.name, h.number, h.head_name, "      \
  "v.name"
#define MEASURE_JOINS                                                                              \
  " JOIN plans p ON p.id = m.plan_id JOIN households h ON h.id = m.household_id JOIN villages v "  \
  "ON v.id = h.village_id LEFT JOIN helpers hp ON hp.id = m.helper_id "
#define MEASURE_SELECT "SELECT " MEASURE_COLUMNS " FROM measures m" MEASURE_JOINS

/* {{{ Records */

BfMeasure *
bf_measure_new (void)
{
  BfMeasure *measure = g_new0 (BfMeasure, 1);

  measure->household_confirmed = -1;
  return measure;
}

BfMeasure *
bf_measure_copy (const BfMeasure *measure)
{
  BfMeasure *copy = g_memdup2 (measure, sizeof *measure);

  copy->uuid = g_strdup (measure->uuid);
  copy->category = g_strdup (measure->category);
  copy->subtype = g_strdup (measure->subtype);
  copy->description = g_strdup (measure->description);
  copy->department = g_strdup (measure->department);
  copy->starts_on = g_strdup (measure->starts_on);
  copy->due_on = g_strdup (measure->due_on);
  copy->status = g_strdup (measure->status);
  copy->completed_on = g_strdup (measure->completed_on);
  copy->effect = g_strdup (measure->effect);
  copy->helper_name = g_strdup (measure->helper_name);
  copy->household_number = g_strdup (measure->household_number);
  copy->head_name = g_strdup (measure->head_name);
  copy->village_name = g_strdup (measure->village_name);
  return copy;
}

void
bf_measure_free (BfMeasure *measure)
{
  if (measure == NULL)
    return;
  g_free (measure->uuid);
  g_free (measure->category);
  g_free (measure->subtype);
  g_free (measure->description);
  g_free (measure->department);
  g_free (measure->starts_on);
  g_free (measure->due_on);
  g_free (measure->status);
  g_free (measure->completed_on);
  g_free (measure->effect);
  g_free (measure->helper_name);
  g_free (measure->household_number);
  g_free (measure->head_name);
  g_free (measure->village_name);
  g_free (measure);
}

BfPlan *
bf_plan_new (void)
{
  BfPlan *plan = g_new0 (BfPlan, 1);

  plan->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_measure_free);
  return plan;
}

BfPlan *
bf_plan_copy (const BfPlan *plan)
{
  BfPlan *copy = bf_plan_new ();

  copy->id = plan->id;
  copy->uuid = g_strdup (plan->uuid);
  copy->household_id = plan->household_id;
  copy->year = plan->year;
  copy->goal = g_strdup (plan->goal);
  copy->updated_at = g_strdup (plan->updated_at);
  for (guint i = 0; plan->measures != NULL && i < plan->measures->len; i++)
    g_ptr_array_add (copy->measures, bf_measure_copy (g_ptr_array_index (plan->measures, i)));
  return copy;
}

static void
plan_clear (BfPlan *plan)
{
  g_free (plan->uuid);
  g_free (plan->goal);
  g_free (plan->updated_at);
  g_clear_pointer (&plan->measures, g_ptr_array_unref);
}

void
bf_plan_free (BfPlan *plan)
{
  if (plan == NULL)
    return;
  plan_clear (plan);
  g_free (plan);
}

/* }}} */
/* {{{ Reading */

static BfMeasure *
read_measure_at (sqlite3_stmt *stmt, const GDate *today)
{
  BfMeasure *measure = bf_measure_new ();
  int column;

  measure->id = sqlite3_column_int64 (stmt, 0);
  measure->uuid = _bf_column_dup (stmt, 1);
  column = _bf_table_read (&measure_table, stmt, 2, measure);
  measure->year = sqlite3_column_int (stmt, column);
  measure->helper_name = _bf_column_dup (stmt, column + 1);
  measure->household_number = _bf_column_dup (stmt, column + 2);
  measure->head_name = _bf_column_dup (stmt, column + 3);
  measure->village_name = _bf_column_dup (stmt, column + 4);
  measure->overdue = bf_measure_is_overdue (measure->status, measure->due_on, today);
  return measure;
}

static BfMeasure *
read_measure (sqlite3_stmt *stmt)
{
  GDate today;

  bf_date_today (&today);
  return read_measure_at (stmt, &today);
}

BfMeasure *
bf_store_measure_get (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self, MEASURE_SELECT "WHERE m.id = ? AND m.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return _bf_row_read_one (self, stmt, (BfRowRead) read_measure,
                           _ ("The measure does not exist or was deleted."), error);
}

/* The plan of @sql (bound to @a and @b) with its measures; NOT_FOUND without one. */
static BfPlan *
load_plan (BfStore *self, const char *sql, gint64 a, gint64 b, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self, sql, error);
  g_autoptr (BfCachedStmt) measures = NULL;
  g_autoptr (BfPlan) plan = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND, _ ("There is no such plan."));
      else
        _bf_store_set_sqlite_error (self, error, _ ("Cannot read the plan"));
      return NULL;
    }
  plan = bf_plan_new ();
  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->uuid = _bf_column_dup (stmt, 1);
  plan->updated_at = _bf_column_dup (stmt, 2);
  _bf_table_read (&plan_table, stmt, 3, plan);
  sqlite3_reset (stmt);

  measures = _bf_store_prepare (
    self, MEASURE_SELECT "WHERE m.plan_id = ? AND m.deleted_at IS NULL ORDER BY " DUE_KEY ", m.id",
    error);
  if (measures == NULL)
    return NULL;
  sqlite3_bind_int64 (measures, 1, plan->id);
  g_ptr_array_unref (plan->measures);
  plan->measures = _bf_rows_read (self, measures, (BfRowRead) read_measure,
                                  (GDestroyNotify) bf_measure_free, error);
  return plan->measures != NULL ? g_steal_pointer (&plan) : NULL;
}

#define PLAN_SELECT "SELECT id, uuid, updated_at, household_id, year, goal FROM plans "

static BfPlan *
load_plan_by_id (BfStore *self, gint64 id, GError **error)
{
  return load_plan (self, PLAN_SELECT "WHERE id = ?1 AND ?2 = 0 AND deleted_at IS NULL", id, 0,
                    error);
}

BfPlan *
bf_store_plan_get (BfStore *self, gint64 household_id, int year, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  return load_plan (self, PLAN_SELECT "WHERE household_id = ? AND year = ? AND deleted_at IS NULL",
                    household_id, year, error);
}

GArray *
bf_store_plan_years (BfStore *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (
    self, "SELECT year FROM plans WHERE household_id = ? AND deleted_at IS NULL ORDER BY year DESC",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the plans"));
      return NULL;
    }
  return g_steal_pointer (&years);
}

/* @date moved on by @years, the last of February kept in common years. */
static char *
shift_date (const char *date, int years)
{
  GDate d;

  if (date == NULL || !bf_date_parse (date, &d, NULL))
    return NULL;
  if (years > 0)
    g_date_add_years (&d, years);
  else if (years < 0)
    g_date_subtract_years (&d, -years);
  return bf_date_format (&d);
}

BfPlan *
bf_store_plan_copy (BfStore *self, gint64 household_id, int from_year, int to_year, GError **error)
{
  g_autoptr (BfPlan) from = NULL;
  g_autoptr (BfPlan) plan = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  from = bf_store_plan_get (self, household_id, from_year, error);
  if (from == NULL)
    return NULL;
  plan = bf_plan_new ();
  plan->household_id = household_id;
  plan->year = to_year;
  plan->goal = g_strdup (from->goal);
  for (guint i = 0; i < from->measures->len; i++)
    {
      const BfMeasure *old = g_ptr_array_index (from->measures, i);
      BfMeasure *m;

      if (g_strcmp0 (old->status, "cancelled") == 0)
        continue;
      m = bf_measure_new ();
      m->household_id = household_id;
      m->category = g_strdup (old->category);
      m->subtype = g_strdup (old->subtype);
      m->description = g_strdup (old->description);
      m->department = g_strdup (old->department);
      m->helper_id = old->helper_id;
      m->helper_name = g_strdup (old->helper_name);
      m->starts_on = shift_date (old->starts_on, to_year - from_year);
      m->due_on = shift_date (old->due_on, to_year - from_year);
      m->budget_fen = old->budget_fen;
      m->status = g_strdup ("planned");
      m->year = to_year;
      g_ptr_array_add (plan->measures, m);
    }
  return g_steal_pointer (&plan);
}

/* }}} */
/* {{{ Writing */

static gboolean
validate_measure (BfMeasure *measure, GError **error)
{
  GDate today, completed;

  if (!_bf_has_text (measure->status))
    {
      g_free (measure->status);
      measure->status = g_strdup ("planned");
    }
  if (!_bf_table_validate (&measure_table, measure, error))
    return FALSE;
  if (_bf_has_text (measure->subtype) &&
      !bf_measure_subtype_is_valid (measure->category, measure->subtype))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Type: “%s” is not a type of %s measures."), measure->subtype,
                   bf_code_label (BF_CODES_MEASURE_CATEGORY, measure->category));
      return FALSE;
    }
  if (_bf_has_text (measure->starts_on) && _bf_has_text (measure->due_on) &&
      strcmp (measure->due_on, measure->starts_on) < 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The due date %s is before the start date %s."), measure->due_on,
                   measure->starts_on);
      return FALSE;
    }
  if (g_strcmp0 (measure->status, "completed") == 0)
    {
      if (!_bf_has_text (measure->completed_on))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("A completed measure needs its completion date."));
          return FALSE;
        }
      bf_date_today (&today);
      bf_date_parse (measure->completed_on, &completed, NULL);
      if (g_date_compare (&completed, &today) > 0)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("%s cannot be in the future."), _ ("Completion date"));
          return FALSE;
        }
    }
  else if (_bf_has_text (measure->completed_on))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Only a completed measure has a completion date."));
      return FALSE;
    }
  return TRUE;
}

/* The plan's household, when the plan exists and is not deleted. */
static gint64
plan_household (BfStore *self, gint64 plan_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  stmt = _bf_store_prepare (self,
                            "SELECT p.household_id FROM plans p JOIN households h ON h.id = "
                            "p.household_id WHERE p.id = ? AND p.deleted_at IS NULL AND "
                            "h.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!_bf_step_row (self, stmt, _ ("The plan does not exist or was deleted."), error))
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
_bf_plans_measure_write (BfStore *self, BfMeasure *measure, GError **error)
{
  g_autoptr (BfMeasure) before = NULL;

  if (measure->id != 0)
    {
      before = bf_store_measure_get (self, measure->id, error);
      if (before == NULL)
        return FALSE;
      /* A measure stays in its plan. */
      measure->plan_id = before->plan_id;
      g_free (measure->uuid);
      measure->uuid = g_strdup (before->uuid);
    }
  measure->household_id = plan_household (self, measure->plan_id, error);
  if (measure->household_id == 0 || !validate_measure (measure, error))
    return FALSE;
  /* A retired helper keeps the measures they had, but takes on no new ones. */
  if (measure->helper_id != 0 &&
      !_bf_plans_check_helper (self, measure->helper_id,
                               before == NULL || before->helper_id != measure->helper_id, error))
    return FALSE;
  return _bf_table_write (self, &measure_table, before, measure, NULL, error);
}

gboolean
bf_store_measure_save (BfStore *self, BfMeasure *measure, GError **error)
{
  g_autoptr (BfMeasure) work = NULL;
  g_autoptr (BfMeasure) saved = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  work = bf_measure_copy (measure);
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!_bf_plans_measure_write (self, work, error) || !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  saved = bf_store_measure_get (self, work->id, error);
  if (saved == NULL)
    return FALSE;
  /* The caller's record becomes what the register holds. */
  {
    BfMeasure tmp = *measure;
    *measure = *saved;
    *saved = tmp;
  }
  return TRUE;
}

gboolean
bf_store_measure_delete (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfMeasure) measure = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  measure = bf_store_measure_get (self, id, error);
  if (measure == NULL ||
      !_bf_soft_delete (self, measure_table.table, id, measure->uuid, NULL, error) ||
      !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_measures_set_status (BfStore *self,
                              const gint64 *ids,
                              guint n_ids,
                              const char *status,
                              const char *on,
                              GError **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!bf_code_is_valid (BF_CODES_MEASURE_STATUS, status))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("%s: “%s” is not one of the choices."), _ ("Status"), status ? status : "");
      return FALSE;
    }
  date = _bf_plans_date (on, _ ("Completion date"), error);
  if (date == NULL)
    return FALSE;
  if (!_bf_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr (BfMeasure) measure = bf_store_measure_get (self, ids[i], error);
      gboolean completed;

      if (measure == NULL)
        goto fail;
      if (g_strcmp0 (measure->status, status) == 0)
        continue;
      completed = g_str_equal (status, "completed");
      g_free (measure->status);
      measure->status = g_strdup (status);
      g_free (measure->completed_on);
      measure->completed_on = completed ? g_strdup (date) : NULL;
      if (!_bf_plans_measure_write (self, measure, error))
        {
          g_prefix_error (error, _ ("Measure “%s” of household %s: "), measure->description,
                          measure->household_number);
          goto fail;
        }
    }
  if (!_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

static gboolean
check_plan_year_free (BfStore *self, const BfPlan *plan, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  int rc;

  stmt = _bf_store_prepare (self,
                            "SELECT 1 FROM plans WHERE household_id = ? AND year = ? AND id <> ? "
                            "AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->household_id);
  sqlite3_bind_int (stmt, 2, plan->year);
  sqlite3_bind_int64 (stmt, 3, plan->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The household already has a plan for %d."), plan->year);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the plans"));
      return FALSE;
    }
  return TRUE;
}

/* Soft-deletes the measures of @before that @plan no longer has. */
static gboolean
delete_dropped_measures (BfStore *self, const BfPlan *before, const BfPlan *plan, GError **error)
{
  for (guint i = 0; before != NULL && i < before->measures->len; i++)
    {
      const BfMeasure *old = g_ptr_array_index (before->measures, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < plan->measures->len && !kept; j++)
        kept = ((BfMeasure *) g_ptr_array_index (plan->measures, j))->id == old->id;
      if (!kept && !_bf_soft_delete (self, measure_table.table, old->id, old->uuid, NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_plan_save (BfStore *self, BfPlan *plan, GError **error)
{
  g_autoptr (BfPlan) work = NULL;
  g_autoptr (BfPlan) before = NULL;
  g_autoptr (BfPlan) saved = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (plan->year < MIN_YEAR || plan->year > MAX_YEAR)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Year must be between %d and %d."), MIN_YEAR, MAX_YEAR);
      return FALSE;
    }
  work = bf_plan_copy (plan);
  if (!_bf_table_validate (&plan_table, work, error) || !_bf_store_begin (self, error))
    return FALSE;
  if (work->id != 0)
    {
      before = load_plan_by_id (self, work->id, error);
      if (before == NULL)
        goto fail;
      /* A plan stays with its household. */
      work->household_id = before->household_id;
      g_free (work->uuid);
      work->uuid = g_strdup (before->uuid);
    }
  if (!_bf_plans_check_household (self, work->household_id, error) ||
      !check_plan_year_free (self, work, error) ||
      !_bf_table_write (self, &plan_table, before, work, NULL, error))
    goto fail;
  for (guint i = 0; i < work->measures->len; i++)
    {
      BfMeasure *m = g_ptr_array_index (work->measures, i);

      if (m->id != 0)
        {
          gboolean ours = FALSE;

          for (guint j = 0; before != NULL && j < before->measures->len && !ours; j++)
            ours = ((BfMeasure *) g_ptr_array_index (before->measures, j))->id == m->id;
          if (!ours)
            {
              g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                           _ ("Measure %d belongs to another plan."), i + 1);
              goto fail;
            }
        }
      m->plan_id = work->id;
      if (!_bf_plans_measure_write (self, m, error))
        {
          g_prefix_error (error, _ ("Measure %u: "), i + 1);
          goto fail;
        }
    }
  if (!delete_dropped_measures (self, before, work, error) || !_bf_store_commit (self, error))
    goto fail;

  saved = load_plan_by_id (self, work->id, error);
  if (saved == NULL)
    return FALSE;
  plan_clear (plan);
  *plan = *saved;
  memset (saved, 0, sizeof *saved);
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

gboolean
bf_store_plan_delete (BfStore *self, gint64 plan_id, GError **error)
{
  g_autoptr (BfPlan) plan = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  plan = load_plan_by_id (self, plan_id, error);
  if (plan == NULL)
    goto fail;
  for (guint i = 0; i < plan->measures->len; i++)
    {
      const BfMeasure *m = g_ptr_array_index (plan->measures, i);
      if (!_bf_soft_delete (self, measure_table.table, m->id, m->uuid, NULL, error))
        goto fail;
    }
  if (!_bf_soft_delete (self, plan_table.table, plan->id, plan->uuid, NULL, error) ||
      !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

/* }}} */
/* {{{ Lists */

/* The WHERE clause of a measure query (after "WHERE"), for a page or for the totals, and the
 * index it must use (see migration 0002), or "". Filters on households and plans are
 * subqueries: the measures index drives, and only a page's rows are joined. */
static const char *
measure_filter (const BfMeasureQuery *q, const char *today, gboolean totals, BfFilter *f)
{
  gboolean open = q->overdue || q->open_only;

  _bf_filter_init (f, "m.deleted_at IS NULL AND " BF_SQL_LIVE_HOUSEHOLD ("m.household_id"));
  if (open)
    g_string_append (f->where, " AND " OPEN);
  /* The same days either way: a page walks the sort key, the totals the plain column. */
  if (q->overdue)
    _bf_filter_text (f, totals ? "m.due_on < ?" : DUE_KEY " < ?", today);
  if (q->status != NULL)
    _bf_filter_text (f, "m.status = ?", q->status);
  if (q->category != NULL)
    _bf_filter_text (f, "m.category = ?", q->category);
  if (q->department != NULL)
    _bf_filter_text (f, "m.department = ?", q->department);
  if (q->village_id != 0)
    _bf_filter_int (f,
                    "m.household_id IN (SELECT id FROM households WHERE village_id = ? AND "
                    "deleted_at IS NULL)",
                    q->village_id);
  if (q->helper_id != 0)
    _bf_filter_int (f, "m.helper_id = ?", q->helper_id);
  if (q->household_id != 0)
    _bf_filter_int (f, "m.household_id = ?", q->household_id);
  if (q->year != 0)
    _bf_filter_int (f, "m.plan_id IN (SELECT id FROM plans WHERE year = ? AND deleted_at IS NULL)",
                    q->year);
  if (totals)
    return open ? " INDEXED BY measures_open_money" : " INDEXED BY measures_plan";
  return open ? " INDEXED BY measures_open_due" : "";
}

static BfHouseholdCursor *
measure_cursor (gconstpointer row)
{
  const BfMeasure *m = row;
  BfHouseholdCursor *cursor = g_new0 (BfHouseholdCursor, 1);

  cursor->key = g_strdup (m->due_on != NULL ? m->due_on : "9999-12-31");
  cursor->id = m->id;
  return cursor;
}

BfListPage *
bf_store_measure_search (BfStore *self,
                         const BfMeasureQuery *query,
                         const BfHouseholdCursor *after,
                         guint limit,
                         GError **error)
{
  static const BfMeasureQuery all = { 0 };
  g_auto (BfFilter) f = { 0 };
  g_autofree char *today = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;
  BfListPage *page;
  const char *index;
  GDate today_date;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all;
  limit = BF_PAGE_LIMIT (limit);
  today = _bf_query_today (query->today);
  index = measure_filter (query, today, FALSE, &f);
  if (after != NULL)
    _bf_filter_after (&f, DUE_KEY, "m.id", after, FALSE);
  sql = g_strdup_printf ("SELECT " MEASURE_COLUMNS " FROM measures m%s" MEASURE_JOINS
                         "WHERE %s ORDER BY " DUE_KEY ", m.id LIMIT ?",
                         index, f.where->str);
  stmt = _bf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, _bf_filter_bind (&f, stmt), limit + 1);
  page = _bf_list_page_read (self, stmt, limit, (BfRowRead) read_measure,
                             (GDestroyNotify) bf_measure_free, measure_cursor, error);
  /* Overdue on the query's day, which a test or a report may set. */
  bf_date_parse (today, &today_date, NULL);
  for (guint i = 0; page != NULL && i < page->rows->len; i++)
    {
      BfMeasure *m = g_ptr_array_index (page->rows, i);
      m->overdue = bf_measure_is_overdue (m->status, m->due_on, &today_date);
    }
  return page;
}

gboolean
bf_store_measure_totals (BfStore *self,
                         const BfMeasureQuery *query,
                         BfMeasureTotals *totals,
                         GError **error)
{
  static const BfMeasureQuery all = { 0 };
  g_auto (BfFilter) f = { 0 };
  g_autofree char *today = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;
  const char *index;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  if (query == NULL)
    query = &all;
  today = _bf_query_today (query->today);
  index = measure_filter (query, today, TRUE, &f);
  sql = g_strdup_printf ("SELECT count(*), ifnull(sum(m.budget_fen), 0), ifnull(sum(m.spent_fen), "
                         "0) FROM measures m%s WHERE %s",
                         index, f.where->str);
  stmt = _bf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  _bf_filter_bind (&f, stmt);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the measures"));
      return FALSE;
    }
  totals->count = sqlite3_column_int64 (stmt, 0);
  totals->budget_fen = sqlite3_column_int64 (stmt, 1);
  totals->spent_fen = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* }}} */
