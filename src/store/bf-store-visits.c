/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-dates.h"
#include "bf-store-plans-private.h"

/* Sort keys; the indexes of migration 0002 use the same expressions. */
#define DEADLINE_KEY "ifnull(v.deadline, '9999-12-31')"
#define OPEN_PROBLEM "v.problems IS NOT NULL AND v.rectified_on IS NULL"

static const BfColumn visit_columns[] = {
  { "household_id", BF_COLUMN_REF, G_STRUCT_OFFSET (BfVisit, household_id), N_ ("Household") },
  { "helper_id", BF_COLUMN_REF, G_STRUCT_OFFSET (BfVisit, helper_id), N_ ("Helper") },
  { "visited_on", BF_COLUMN_DATE, G_STRUCT_OFFSET (BfVisit, visited_on), N_ ("Visit date"),
    .required = TRUE },
  { "visitor", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfVisit, visitor), N_ ("Visitor"),
    .required = TRUE },
  { "mode", BF_COLUMN_CODE, G_STRUCT_OFFSET (BfVisit, mode), N_ ("Mode"), BF_CODES_VISIT_MODE,
    TRUE },
  { "findings", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfVisit, findings), N_ ("Findings") },
  { "problems", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfVisit, problems), N_ ("Problems found") },
  { "rectification", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfVisit, rectification),
    N_ ("Rectification") },
  { "deadline", BF_COLUMN_DATE, G_STRUCT_OFFSET (BfVisit, deadline),
    N_ ("Rectification deadline") },
  { "rectified_on", BF_COLUMN_DATE, G_STRUCT_OFFSET (BfVisit, rectified_on), N_ ("Rectified on") },
  { "satisfaction", BF_COLUMN_CODE, G_STRUCT_OFFSET (BfVisit, satisfaction), N_ ("Satisfaction"),
    BF_CODES_SATISFACTION },
  { "notes", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfVisit, notes), N_ ("Notes") },
};

static const BfTable visit_table = { "visits", visit_columns, G_N_ELEMENTS (visit_columns) };

/* "SELECT " VISIT_COLUMNS " FROM visits v [INDEXED BY …]" VISIT_JOINS */
#define VISIT_COLUMNS                                                                              \
  "v.id, v.uuid, v.household_id, v.helper_id, v.visited_on, v.visitor, v.mode, v.findings, "       \
  "v.problems, v.rectification, v.deadline, v.rectified_on, v.satisfaction, v.notes, hp.name, "    \
  "h.number, h.head_name, vl.name"
#define VISIT_JOINS                                                                                \
  " JOIN households h ON h.id = v.household_id JOIN villages vl ON vl.id = h.village_id LEFT "     \
  "JOIN helpers hp ON hp.id = v.helper_id "
#define VISIT_SELECT "SELECT " VISIT_COLUMNS " FROM visits v" VISIT_JOINS

BfVisit *
bf_visit_new (void)
{
  return g_new0 (BfVisit, 1);
}

BfVisit *
bf_visit_copy (const BfVisit *visit)
{
  BfVisit *copy = g_memdup2 (visit, sizeof *visit);

  copy->uuid = g_strdup (visit->uuid);
  copy->visited_on = g_strdup (visit->visited_on);
  copy->visitor = g_strdup (visit->visitor);
  copy->mode = g_strdup (visit->mode);
  copy->findings = g_strdup (visit->findings);
  copy->problems = g_strdup (visit->problems);
  copy->rectification = g_strdup (visit->rectification);
  copy->deadline = g_strdup (visit->deadline);
  copy->rectified_on = g_strdup (visit->rectified_on);
  copy->satisfaction = g_strdup (visit->satisfaction);
  copy->notes = g_strdup (visit->notes);
  copy->helper_name = g_strdup (visit->helper_name);
  copy->household_number = g_strdup (visit->household_number);
  copy->head_name = g_strdup (visit->head_name);
  copy->village_name = g_strdup (visit->village_name);
  return copy;
}

void
bf_visit_free (BfVisit *visit)
{
  if (visit == NULL)
    return;
  g_free (visit->uuid);
  g_free (visit->visited_on);
  g_free (visit->visitor);
  g_free (visit->mode);
  g_free (visit->findings);
  g_free (visit->problems);
  g_free (visit->rectification);
  g_free (visit->deadline);
  g_free (visit->rectified_on);
  g_free (visit->satisfaction);
  g_free (visit->notes);
  g_free (visit->helper_name);
  g_free (visit->household_number);
  g_free (visit->head_name);
  g_free (visit->village_name);
  g_free (visit);
}

static gboolean
visit_is_late (const BfVisit *visit, const char *today)
{
  return _bf_has_text (visit->problems) && visit->rectified_on == NULL && visit->deadline != NULL &&
         strcmp (visit->deadline, today) < 0;
}

static BfVisit *
read_visit (sqlite3_stmt *stmt)
{
  BfVisit *visit = bf_visit_new ();
  int column;

  visit->id = sqlite3_column_int64 (stmt, 0);
  visit->uuid = _bf_column_dup (stmt, 1);
  column = _bf_table_read (&visit_table, stmt, 2, visit);
  visit->helper_name = _bf_column_dup (stmt, column);
  visit->household_number = _bf_column_dup (stmt, column + 1);
  visit->head_name = _bf_column_dup (stmt, column + 2);
  visit->village_name = _bf_column_dup (stmt, column + 3);
  return visit;
}

static void
mark_late (GPtrArray *visits, const char *today)
{
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      BfVisit *visit = g_ptr_array_index (visits, i);
      visit->late = visit_is_late (visit, today);
    }
}

BfVisit *
bf_store_visit_get (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *today = NULL;
  BfVisit *visit;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self, VISIT_SELECT "WHERE v.id = ? AND v.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_bf_step_row (self, stmt, _ ("The visit does not exist or was deleted."), error))
    return NULL;
  visit = read_visit (stmt);
  today = _bf_query_today (NULL);
  visit->late = visit_is_late (visit, today);
  return visit;
}

GPtrArray *
bf_store_visits_for (BfStore *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *today = _bf_query_today (NULL);
  GPtrArray *visits;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            VISIT_SELECT "WHERE v.household_id = ? AND v.deleted_at IS NULL ORDER "
                                         "BY v.visited_on DESC, v.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  visits =
    _bf_rows_read (self, stmt, (BfRowRead) read_visit, (GDestroyNotify) bf_visit_free, error);
  mark_late (visits, today);
  return visits;
}

static gboolean
validate_visit (const BfVisit *visit, GError **error)
{
  g_autofree char *today = _bf_query_today (NULL);

  if (!_bf_table_validate (&visit_table, visit, error))
    return FALSE;
  if (strcmp (visit->visited_on, today) > 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s cannot be in the future."),
                   _ ("Visit date"));
      return FALSE;
    }
  if (_bf_has_text (visit->deadline) && strcmp (visit->deadline, visit->visited_on) < 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The rectification deadline %s is before the visit on %s."), visit->deadline,
                   visit->visited_on);
      return FALSE;
    }
  if (_bf_has_text (visit->rectified_on))
    {
      if (!_bf_has_text (visit->problems))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("A visit without problems has nothing to rectify."));
          return FALSE;
        }
      if (strcmp (visit->rectified_on, visit->visited_on) < 0)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("The problems cannot be rectified on %s, before the visit on %s."),
                       visit->rectified_on, visit->visited_on);
          return FALSE;
        }
      if (strcmp (visit->rectified_on, today) > 0)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("%s cannot be in the future."), _ ("Rectified on"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks @visit against the register and writes it, inside a write. */
static gboolean
write_visit (BfStore *self, BfVisit *visit, GError **error)
{
  g_autoptr (BfVisit) before = NULL;

  if (visit->id != 0)
    {
      before = bf_store_visit_get (self, visit->id, error);
      if (before == NULL)
        return FALSE;
      /* A visit stays with its household. */
      visit->household_id = before->household_id;
      g_free (visit->uuid);
      visit->uuid = g_strdup (before->uuid);
    }
  if (!validate_visit (visit, error) ||
      !_bf_plans_check_household (self, visit->household_id, error) ||
      (visit->helper_id != 0 &&
       !_bf_plans_check_helper (self, visit->helper_id,
                                before == NULL || before->helper_id != visit->helper_id, error)))
    return FALSE;
  return _bf_table_write (self, &visit_table, before, visit, NULL, error);
}

/* Writes a copy of @visit and, once committed, makes @visit what the register holds. */
static gboolean
save_visit (BfStore *self, BfVisit *visit, GError **error)
{
  g_autoptr (BfVisit) work = bf_visit_copy (visit);
  g_autoptr (BfVisit) saved = NULL;

  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!write_visit (self, work, error) || !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  saved = bf_store_visit_get (self, work->id, error);
  if (saved == NULL)
    return FALSE;
  {
    BfVisit tmp = *visit;
    *visit = *saved;
    *saved = tmp;
  }
  return TRUE;
}

gboolean
bf_store_visit_save (BfStore *self, BfVisit *visit, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (visit != NULL, FALSE);

  return save_visit (self, visit, error);
}

gboolean
bf_store_visit_rectify (BfStore *self,
                        gint64 id,
                        const char *on,
                        const char *rectification,
                        GError **error)
{
  g_autoptr (BfVisit) visit = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  date = _bf_plans_date (on, _ ("Rectified on"), error);
  if (date == NULL)
    return FALSE;
  visit = bf_store_visit_get (self, id, error);
  if (visit == NULL)
    return FALSE;
  g_free (visit->rectified_on);
  visit->rectified_on = g_steal_pointer (&date);
  if (rectification != NULL)
    {
      g_free (visit->rectification);
      visit->rectification = g_strdup (rectification);
    }
  return save_visit (self, visit, error);
}

gboolean
bf_store_visit_delete (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfVisit) visit = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  visit = bf_store_visit_get (self, id, error);
  if (visit == NULL || !_bf_soft_delete (self, visit_table.table, id, visit->uuid, NULL, error) ||
      !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* {{{ Lists */

/* Counts the rows of "FROM @from WHERE @f". */
static gboolean
count_into (BfStore *self, const char *from, const BfFilter *f, gint64 *total, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", from, f->where->str);
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _bf_filter_bind (f, stmt);
  return _bf_query_count (self, stmt, total, error);
}

static BfHouseholdCursor *
visit_cursor (gconstpointer row, gboolean by_deadline)
{
  const BfVisit *visit = row;
  BfHouseholdCursor *cursor = g_new0 (BfHouseholdCursor, 1);

  if (by_deadline)
    cursor->key = g_strdup (visit->deadline != NULL ? visit->deadline : "9999-12-31");
  else
    cursor->key = g_strdup (visit->visited_on);
  cursor->id = visit->id;
  return cursor;
}

static BfHouseholdCursor *
visit_cursor_deadline (gconstpointer row)
{
  return visit_cursor (row, TRUE);
}

static BfHouseholdCursor *
visit_cursor_date (gconstpointer row)
{
  return visit_cursor (row, FALSE);
}

/* The WHERE clause of a visit query for a page or for the count, and the index it must use (see
 * migration 0002), or "". */
static const char *
visit_filter (const BfVisitQuery *q, const char *today, gboolean count, BfFilter *f)
{
  _bf_filter_init (f, "v.deleted_at IS NULL AND " BF_SQL_LIVE_HOUSEHOLD ("v.household_id"));
  if (q->open_problems)
    g_string_append (f->where, " AND " OPEN_PROBLEM);
  /* The same days either way: a page walks the sort key, the count the plain column. */
  if (q->open_problems && q->past_deadline)
    _bf_filter_text (f, count ? "v.deadline < ?" : DEADLINE_KEY " < ?", today);
  if (q->helper_id != 0)
    _bf_filter_int (f, "v.helper_id = ?", q->helper_id);
  if (q->village_id != 0)
    _bf_filter_int (f,
                    "v.household_id IN (SELECT id FROM households WHERE village_id = ? AND "
                    "deleted_at IS NULL)",
                    q->village_id);
  if (q->open_problems)
    return count ? " INDEXED BY visits_open_count" : " INDEXED BY visits_open_problems";
  if (q->helper_id != 0)
    return " INDEXED BY visits_helper";
  return " INDEXED BY visits_live_date";
}

BfListPage *
bf_store_visit_search (BfStore *self,
                       const BfVisitQuery *query,
                       const BfHouseholdCursor *after,
                       guint limit,
                       GError **error)
{
  static const BfVisitQuery all = { 0 };
  g_auto (BfFilter) f = { 0 };
  g_autofree char *today = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (BfListPage) page = NULL;
  const char *index;
  gboolean by_deadline;
  gint64 total = -1;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all;
  limit = BF_PAGE_LIMIT (limit);
  today = _bf_query_today (query->today);
  by_deadline = query->open_problems;
  if (after == NULL)
    {
      g_auto (BfFilter) c = { 0 };
      g_autofree char *from = g_strdup_printf ("visits v%s", visit_filter (query, today, TRUE, &c));

      if (!count_into (self, from, &c, &total, error))
        return NULL;
    }
  index = visit_filter (query, today, FALSE, &f);
  if (after != NULL)
    _bf_filter_after (&f, by_deadline ? DEADLINE_KEY : "v.visited_on", "v.id", after, !by_deadline);
  sql = g_strdup_printf (
    "SELECT " VISIT_COLUMNS " FROM visits v%s" VISIT_JOINS "WHERE %s ORDER BY %s LIMIT ?", index,
    f.where->str, by_deadline ? DEADLINE_KEY ", v.id" : "v.visited_on DESC, v.id DESC");
  stmt = _bf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, _bf_filter_bind (&f, stmt), limit + 1);
  page =
    _bf_list_page_read (self, stmt, limit, (BfRowRead) read_visit, (GDestroyNotify) bf_visit_free,
                        by_deadline ? visit_cursor_deadline : visit_cursor_date, error);
  if (page == NULL)
    return NULL;
  page->total = total;
  mark_late (page->rows, today);
  return g_steal_pointer (&page);
}

static BfHouseholdCursor *
line_cursor_last_visit (gconstpointer row)
{
  const BfHouseholdLine *line = row;
  BfHouseholdCursor *cursor = g_new0 (BfHouseholdCursor, 1);

  cursor->key = g_strdup (line->last_visit_on != NULL ? line->last_visit_on : "");
  cursor->id = line->id;
  return cursor;
}

static BfHouseholdCursor *
line_cursor_number (gconstpointer row)
{
  const BfHouseholdLine *line = row;
  BfHouseholdCursor *cursor = g_new0 (BfHouseholdCursor, 1);

  cursor->key = g_strdup (line->number);
  cursor->id = line->id;
  return cursor;
}

/* A page of households matching the filter @make builds (on the households table), in @key order
 * then id; the count reads @count_index, the page walks @page_index. */
typedef void (*LineFilter) (BfFilter *f, gconstpointer data);

static BfListPage *
household_lines (BfStore *self,
                 LineFilter make,
                 gconstpointer data,
                 const char *count_index,
                 const char *page_index,
                 const char *key,
                 BfRowCursor cursor_of,
                 const BfHouseholdCursor *after,
                 guint limit,
                 GError **error)
{
  g_auto (BfFilter) f = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (BfListPage) page = NULL;
  gint64 total = -1;

  limit = BF_PAGE_LIMIT (limit);
  make (&f, data);
  if (after == NULL)
    {
      g_autofree char *from = g_strdup_printf ("households INDEXED BY %s", count_index);

      if (!count_into (self, from, &f, &total, error))
        return NULL;
    }
  else
    {
      _bf_filter_after (&f, key, "households.id", after, FALSE);
    }
  sql = g_strdup_printf ("SELECT " BF_SQL_HOUSEHOLD_LINE
                         " FROM households INDEXED BY %s" BF_SQL_HOUSEHOLD_LINE_JOINS
                         " WHERE %s ORDER BY %s, households.id LIMIT ?",
                         page_index, f.where->str, key);
  stmt = _bf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, _bf_filter_bind (&f, stmt), limit + 1);
  page = _bf_list_page_read (self, stmt, limit, (BfRowRead) _bf_household_line_read,
                             (GDestroyNotify) bf_household_line_free, cursor_of, error);
  if (page != NULL)
    page->total = total;
  return g_steal_pointer (&page);
}

typedef struct
{
  const char *cutoff;
  const char *since;
  gint64 village_id;
  int year;
} LineQuery;

static void
not_visited_filter (BfFilter *f, gconstpointer data)
{
  const LineQuery *q = data;

  _bf_filter_init (f, "households.deleted_at IS NULL");
  _bf_filter_text (f, "households.last_visit_on <= ?", q->cutoff);
  _bf_filter_text (f, BF_SQL_ASSISTED, q->since);
  if (q->village_id != 0)
    _bf_filter_int (f, "households.village_id = ?", q->village_id);
}

BfListPage *
bf_store_households_not_visited (BfStore *self,
                                 guint days,
                                 const char *today,
                                 gint64 village_id,
                                 const BfHouseholdCursor *after,
                                 guint limit,
                                 GError **error)
{
  g_autofree char *day = NULL;
  g_autofree char *since = NULL;
  g_autofree char *cutoff = NULL;
  LineQuery q = { 0 };
  GDate date;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  day = _bf_query_today (today);
  since = _bf_plans_followup_since (self, day);
  bf_date_parse (day, &date, NULL);
  g_date_subtract_days (&date, days);
  cutoff = bf_date_format (&date);
  q.cutoff = cutoff;
  q.since = since;
  q.village_id = village_id;
  return household_lines (self, not_visited_filter, &q, "households_visit_status",
                          "households_last_visit", "households.last_visit_on",
                          line_cursor_last_visit, after, limit, error);
}

static void
without_helper_filter (BfFilter *f, gconstpointer data)
{
  const LineQuery *q = data;

  _bf_filter_init (f, "households.deleted_at IS NULL AND households.helper_id IS NULL");
  _bf_filter_text (f, BF_SQL_ASSISTED, q->since);
}

BfListPage *
bf_store_households_without_helper (BfStore *self,
                                    const BfHouseholdCursor *after,
                                    guint limit,
                                    GError **error)
{
  g_autofree char *since = NULL;
  LineQuery q = { 0 };

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  since = _bf_plans_followup_since (self, NULL);
  q.since = since;
  return household_lines (self, without_helper_filter, &q, "households_helper_status",
                          "households_helper_status", "households.number", line_cursor_number,
                          after, limit, error);
}

static void
without_plan_filter (BfFilter *f, gconstpointer data)
{
  const LineQuery *q = data;

  _bf_filter_init (
    f, "households.deleted_at IS NULL AND households.status IN " BF_SQL_PLANNED_STATUSES);
  _bf_filter_int (f,
                  "NOT EXISTS (SELECT 1 FROM plans p WHERE p.household_id = households.id AND "
                  "p.year = ? AND p.deleted_at IS NULL)",
                  q->year);
}

BfListPage *
bf_store_households_without_plan (BfStore *self,
                                  int year,
                                  const BfHouseholdCursor *after,
                                  guint limit,
                                  GError **error)
{
  LineQuery q = { .year = year };

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  return household_lines (self, without_plan_filter, &q, "households_status", "households_status",
                          "households.number", line_cursor_number, after, limit, error);
}

/* }}} */
