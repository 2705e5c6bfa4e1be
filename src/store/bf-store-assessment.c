/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-income.h"
#include "bf-store-exit-private.h"

/* ---------------------------------------------------------------------------------------------
 * Shared helpers
 */

gboolean
_bf_exit_period (const char *text, BfPeriod *period, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (bf_period_parse (text, period, &local_error))
    return TRUE;
  g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, local_error->message);
  return FALSE;
}

BfCaseRow *
_bf_case_row_read (sqlite3_stmt *stmt, int col)
{
  BfCaseRow *row = g_new0 (BfCaseRow, 1);

  row->household_id = sqlite3_column_int64 (stmt, col);
  row->number = _bf_column_dup (stmt, col + 1);
  row->head_name = _bf_column_dup (stmt, col + 2);
  row->village_name = _bf_column_dup (stmt, col + 3);
  row->group_name = _bf_column_dup (stmt, col + 4);
  row->status = _bf_column_dup (stmt, col + 5);
  row->status_since = _bf_column_dup (stmt, col + 6);
  row->member_count = sqlite3_column_int (stmt, col + 7);
  row->per_capita_fen = sqlite3_column_type (stmt, col + 8) == SQLITE_NULL
                          ? G_MININT64
                          : sqlite3_column_int64 (stmt, col + 8);
  row->assessment_result = _bf_column_dup (stmt, col + 9);
  row->exited_on = _bf_column_dup (stmt, col + 10);
  row->last_visit_on = _bf_column_dup (stmt, col + 11);
  return row;
}

static BfCaseRow *
case_row_read (sqlite3_stmt *stmt)
{
  return _bf_case_row_read (stmt, 0);
}

GPtrArray *
_bf_case_rows_collect (BfStore *self, sqlite3_stmt *stmt, GError **error)
{
  return _bf_rows_read (self, stmt, (BfRowRead) case_row_read, (GDestroyNotify) bf_case_row_free,
                        error);
}

void
bf_case_row_free (BfCaseRow *row)
{
  if (row == NULL)
    return;
  g_free (row->number);
  g_free (row->head_name);
  g_free (row->village_name);
  g_free (row->group_name);
  g_free (row->status);
  g_free (row->status_since);
  g_free (row->assessment_result);
  g_free (row->exited_on);
  g_free (row->last_visit_on);
  g_free (row);
}

GPtrArray *
bf_store_case_rows (BfStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (JsonArray) array = json_array_sized_new (n_ids);
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *json = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  /* One statement whatever the number of ids: they go in as a JSON array. */
  for (guint i = 0; i < n_ids; i++)
    json_array_add_int_element (array, ids[i]);
  json_node_set_array (node, array);
  json = json_to_string (node, FALSE);
  stmt = _bf_store_prepare (self,
                            "SELECT " BF_CASE_ROW_COLUMNS " FROM json_each(?) j "
                            "JOIN households h ON h.id = j.value" BF_CASE_ROW_JOINS
                            " WHERE h.deleted_at IS NULL ORDER BY j.key",
                            error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, json);
  rows = _bf_case_rows_collect (self, stmt, error);
  return g_steal_pointer (&rows);
}

/* ---------------------------------------------------------------------------------------------
 * Poverty lines
 */

void
bf_poverty_line_free (BfPovertyLine *line)
{
  if (line == NULL)
    return;
  g_free (line->uuid);
  g_free (line->note);
  g_free (line);
}

GPtrArray *
bf_store_poverty_lines_list (BfStore *self, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT year, uuid, poverty_line_fen, monitoring_line_fen, note FROM "
                            "poverty_lines WHERE deleted_at IS NULL ORDER BY year DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_poverty_line_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfPovertyLine *line = g_new0 (BfPovertyLine, 1);

      line->year = sqlite3_column_int (stmt, 0);
      line->uuid = _bf_column_dup (stmt, 1);
      line->poverty_line_fen = sqlite3_column_int64 (stmt, 2);
      line->monitoring_line_fen = sqlite3_column_int64 (stmt, 3);
      line->note = _bf_column_dup (stmt, 4);
      g_ptr_array_add (lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the poverty lines"));
      return NULL;
    }
  return g_steal_pointer (&lines);
}

gboolean
bf_store_poverty_line_delete (BfStore *self, int year, GError **error)
{
  g_autoptr (BfCachedStmt) find = NULL;
  g_autofree char *uuid = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  find = _bf_store_prepare (
    self, "SELECT uuid FROM poverty_lines WHERE year = ? AND deleted_at IS NULL", error);
  if (find != NULL)
    {
      sqlite3_bind_int (find, 1, year);
      if (sqlite3_step (find) == SQLITE_ROW)
        uuid = _bf_column_dup (find, 0);
      else
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                     _ ("No poverty line is recorded for %d."), year);
      g_clear_pointer (&find, sqlite3_reset);
    }
  /* deleted_at takes the time of the write (a NULL value) */
  ok = uuid != NULL && _bf_set_column (self, "poverty_lines", "year", year, uuid, "deleted_at",
                                       NULL, NULL, NULL, "delete", error);
  return _bf_store_finish (self, ok, error);
}

/* ---------------------------------------------------------------------------------------------
 * Income assessment
 */

void
bf_assessment_free (BfAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_free (assessment->uuid);
  g_free (assessment->number);
  g_free (assessment->head_name);
  g_free (assessment->village_name);
  g_free (assessment->group_name);
  g_free (assessment->status);
  g_free (assessment->period);
  g_free (assessment->assessed_on);
  g_free (assessment->result);
  g_free (assessment);
}

/* Statuses of the households an income assessment covers: identified, not rejected. */
#define ASSESSED_STATUSES                                                                          \
  "('registered', 'exit_assessed', 'exit_notice', 'exit_accepted', 'exited', 'returned')"

typedef struct
{
  gint64 household_id;
  gboolean has_income;
  gint64 per_capita_fen;
  gboolean has_previous;
  gint64 previous_fen;
  gint64 existing_id; /* this period's assessment, 0: none */
  char *existing_uuid;
  char *existing_result;
  gint64 existing_fen;
} AssessTarget;

static void
assess_target_clear (gpointer data)
{
  AssessTarget *target = data;

  g_free (target->existing_uuid);
  g_free (target->existing_result);
}

static GArray *
assess_targets (BfStore *self,
                const char *period,
                gint64 village_id,
                const char *assessed_on,
                GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GArray) targets = g_array_new (FALSE, TRUE, sizeof (AssessTarget));
  int rc;

  g_array_set_clear_func (targets, assess_target_clear);
  stmt = _bf_store_prepare (
    self,
    "SELECT h.id, h.per_capita_fen, "
    " (SELECT p.per_capita_fen FROM assessments p WHERE p.household_id = h.id AND p.deleted_at IS "
    "  NULL AND p.period <> ?1 AND p.assessed_on <= ?3 ORDER BY p.assessed_on DESC, p.id DESC "
    "  LIMIT 1), "
    " c.id, c.uuid, c.result, c.per_capita_fen "
    "FROM households h LEFT JOIN assessments c ON c.household_id = h.id AND c.period = ?1 AND "
    " c.deleted_at IS NULL "
    "WHERE h.deleted_at IS NULL AND h.status IN " ASSESSED_STATUSES
    " AND (?2 = 0 OR h.village_id = ?2) ORDER BY h.id",
    error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, period);
  sqlite3_bind_int64 (stmt, 2, village_id);
  _bf_bind_text (stmt, 3, assessed_on);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AssessTarget target = { 0 };

      target.household_id = sqlite3_column_int64 (stmt, 0);
      target.has_income = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      target.per_capita_fen = sqlite3_column_int64 (stmt, 1);
      target.has_previous = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      target.previous_fen = sqlite3_column_int64 (stmt, 2);
      target.existing_id = sqlite3_column_int64 (stmt, 3);
      target.existing_uuid = _bf_column_dup (stmt, 4);
      target.existing_result = _bf_column_dup (stmt, 5);
      target.existing_fen = sqlite3_column_int64 (stmt, 6);
      g_array_append_val (targets, target);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the households"));
      return NULL;
    }
  return g_steal_pointer (&targets);
}

typedef struct
{
  const char *period;
  const char *assessed_on;
  const char *now;
  gint64 poverty_line_fen;
  gint64 monitoring_line_fen;
} AssessRun;

static gboolean
write_assessment (BfStore *self, const AssessRun *run, const AssessTarget *target, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *new_uuid = NULL;
  BfIncomeLevel level =
    bf_income_level (target->per_capita_fen, run->poverty_line_fen, run->monitoring_line_fen);
  const char *result = bf_income_level_code (level);
  const char *uuid;
  JsonObject *changes = json_object_new ();

  if (target->existing_id != 0)
    {
      stmt = _bf_store_prepare (self,
                                "UPDATE assessments SET assessed_on = ?1, per_capita_fen = ?2, "
                                "poverty_line_fen = ?3, monitoring_line_fen = ?4, result = ?5, "
                                "change_fen = ?6, updated_at = ?7 WHERE id = ?8",
                                error);
      uuid = target->existing_uuid;
      _bf_changes_add_int (changes, "per_capita_fen", target->existing_fen, target->per_capita_fen);
      _bf_changes_add (changes, "result", target->existing_result, result);
    }
  else
    {
      stmt = _bf_store_prepare (self,
                                "INSERT INTO assessments (assessed_on, per_capita_fen, "
                                "poverty_line_fen, monitoring_line_fen, result, change_fen, "
                                "updated_at, created_at, household_id, period, uuid) VALUES (?1, "
                                "?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10)",
                                error);
      uuid = new_uuid = _bf_uuid_new ();
      _bf_changes_add_int (changes, "household_id", 0, target->household_id);
      _bf_changes_add (changes, "period", NULL, run->period);
      _bf_changes_add_int (changes, "per_capita_fen", 0, target->per_capita_fen);
      _bf_changes_add (changes, "result", NULL, result);
    }
  if (stmt == NULL)
    {
      json_object_unref (changes);
      return FALSE;
    }
  _bf_bind_text (stmt, 1, run->assessed_on);
  sqlite3_bind_int64 (stmt, 2, target->per_capita_fen);
  sqlite3_bind_int64 (stmt, 3, run->poverty_line_fen);
  sqlite3_bind_int64 (stmt, 4, run->monitoring_line_fen);
  _bf_bind_text (stmt, 5, result);
  if (target->has_previous)
    sqlite3_bind_int64 (stmt, 6, target->per_capita_fen - target->previous_fen);
  _bf_bind_text (stmt, 7, run->now);
  if (target->existing_id != 0)
    sqlite3_bind_int64 (stmt, 8, target->existing_id);
  else
    {
      sqlite3_bind_int64 (stmt, 8, target->household_id);
      _bf_bind_text (stmt, 9, run->period);
      _bf_bind_text (stmt, 10, uuid);
    }
  _bf_changes_add (changes, "assessed_on", NULL, run->assessed_on);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the assessment"), error))
    {
      json_object_unref (changes);
      return FALSE;
    }
  return _bf_store_audit (self, target->existing_id != 0 ? "update" : "create", "assessments", uuid,
                          changes, error);
}

static void
count_result (BfAssessmentSummary *summary, const AssessRun *run, gint64 per_capita_fen)
{
  switch (bf_income_level (per_capita_fen, run->poverty_line_fen, run->monitoring_line_fen))
    {
      case BF_INCOME_BELOW:
        summary->below++;
        break;
      case BF_INCOME_NEAR:
        summary->near++;
        break;
      case BF_INCOME_ABOVE:
      default:
        summary->above++;
        break;
    }
}

gboolean
bf_store_assess (BfStore *self,
                 const char *period,
                 gint64 village_id,
                 const char *assessed_on,
                 BfStoreProgress progress,
                 gpointer user_data,
                 GCancellable *cancellable,
                 BfAssessmentSummary *summary,
                 GError **error)
{
  g_autoptr (GArray) targets = NULL;
  g_autofree char *normal_period = NULL;
  g_autofree char *date = NULL;
  g_autofree char *now = _bf_now_iso ();
  BfAssessmentSummary counts = { 0 };
  AssessRun run = { 0 };
  BfPeriod p;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_exit_period (period, &p, error) ||
      !_bf_past_date (assessed_on, _ ("Assessment date"), NULL, &date, error) ||
      (village_id != 0 && !_bf_village_exists (self, village_id, error)) ||
      !bf_store_poverty_line_get (self, p.year, &run.poverty_line_fen, &run.monitoring_line_fen,
                                  error))
    return FALSE;
  normal_period = bf_period_format (&p);
  run.period = normal_period;
  run.assessed_on = date;
  run.now = now;

  if (!_bf_store_begin (self, error))
    return FALSE;
  targets = assess_targets (self, normal_period, village_id, date, error);
  if (targets == NULL)
    goto fail;
  for (guint i = 0; i < targets->len; i++)
    {
      const AssessTarget *target = &g_array_index (targets, AssessTarget, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (progress != NULL && i % 250 == 0)
        progress (i, targets->len, user_data);
      if (!target->has_income)
        {
          counts.skipped++;
          continue;
        }
      if (!write_assessment (self, &run, target, error))
        goto fail;
      counts.assessed++;
      count_result (&counts, &run, target->per_capita_fen);
    }
  if (!_bf_store_commit (self, error))
    goto fail;
  if (progress != NULL)
    progress (targets->len, targets->len, user_data);
  if (summary != NULL)
    *summary = counts;
  return TRUE;

fail:
  _bf_store_rollback (self);
  if (error != NULL && *error != NULL && (*error)->domain == G_IO_ERROR &&
      (*error)->code == G_IO_ERROR_CANCELLED)
    {
      g_clear_error (error);
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED,
                   _ ("The assessment was cancelled; nothing was saved."));
    }
  return FALSE;
}

#define ASSESSMENT_COLUMNS                                                                         \
  "a.id, a.uuid, a.household_id, h.number, h.head_name, v.name, g.name, h.status, a.period, "      \
  "a.assessed_on, a.per_capita_fen, a.poverty_line_fen, a.monitoring_line_fen, a.result, "         \
  "a.change_fen FROM assessments a JOIN households h ON h.id = a.household_id "                    \
  "JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id "

static BfAssessment *
read_assessment (sqlite3_stmt *stmt)
{
  BfAssessment *a = g_new0 (BfAssessment, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->uuid = _bf_column_dup (stmt, 1);
  a->household_id = sqlite3_column_int64 (stmt, 2);
  a->number = _bf_column_dup (stmt, 3);
  a->head_name = _bf_column_dup (stmt, 4);
  a->village_name = _bf_column_dup (stmt, 5);
  a->group_name = _bf_column_dup (stmt, 6);
  a->status = _bf_column_dup (stmt, 7);
  a->period = _bf_column_dup (stmt, 8);
  a->assessed_on = _bf_column_dup (stmt, 9);
  a->per_capita_fen = sqlite3_column_int64 (stmt, 10);
  a->poverty_line_fen = sqlite3_column_int64 (stmt, 11);
  a->monitoring_line_fen = sqlite3_column_int64 (stmt, 12);
  a->result = _bf_column_dup (stmt, 13);
  a->has_change = sqlite3_column_type (stmt, 14) != SQLITE_NULL;
  a->change_fen = sqlite3_column_int64 (stmt, 14);
  return a;
}

static GPtrArray *
collect_assessments (BfStore *self, sqlite3_stmt *stmt, GError **error)
{
  return _bf_rows_read (self, stmt, (BfRowRead) read_assessment,
                        (GDestroyNotify) bf_assessment_free, error);
}

GPtrArray *
bf_store_assessment_list (BfStore *self, const BfAssessmentQuery *query, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *period = NULL;
  g_autofree char *pattern = NULL;
  BfPeriod p;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!_bf_exit_period (query->period, &p, error))
    return NULL;
  if (query->result != NULL && !bf_code_is_valid (BF_CODES_INCOME_LEVEL, query->result))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("“%s” is not an assessment result."), query->result);
      return NULL;
    }
  period = bf_period_format (&p);
  if (!_bf_is_blank (query->text))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (query->text));

      pattern = g_steal_pointer (&trimmed);
    }
  stmt = _bf_store_prepare (
    self,
    "SELECT " ASSESSMENT_COLUMNS
    "WHERE a.period = ?1 AND a.deleted_at IS NULL AND h.deleted_at IS NULL "
    "AND (?2 = 0 OR h.village_id = ?2) "
    "AND (CASE WHEN ?3 IS NULL THEN a.result IN ('below', 'near') ELSE a.result = ?3 END) "
    "AND (?4 IS NULL OR instr(h.number, ?4) > 0 OR instr(h.head_name, ?4) > 0) "
    "AND (NOT ?5 OR a.change_fen < 0) "
    "ORDER BY a.per_capita_fen, h.number",
    error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, period);
  sqlite3_bind_int64 (stmt, 2, query->village_id);
  _bf_bind_text (stmt, 3, query->result);
  _bf_bind_text (stmt, 4, pattern);
  sqlite3_bind_int (stmt, 5, query->falling);
  return collect_assessments (self, stmt, error);
}

GPtrArray *
bf_store_assessments_for (BfStore *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT " ASSESSMENT_COLUMNS
                            "WHERE a.household_id = ? AND a.deleted_at IS NULL "
                            "ORDER BY a.assessed_on DESC, a.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  return collect_assessments (self, stmt, error);
}
