/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The facts of a household that the exit checks (core/bf-exit-checks.c) judge, read from the
 * register, and the checks run on them. Below the workflow, which runs them before an exit
 * step, and below the exit file, which records their outcome with an acceptance. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-store-exit-checks-private.h"

gboolean
_bf_exit_load_household (BfStore *self,
                         gint64 household_id,
                         char **status,
                         char **first_identified_on,
                         gint64 *survey_fen,
                         GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  stmt = _bf_store_prepare (self,
                            "SELECT status, first_identified_on, per_capita_fen FROM households "
                            "WHERE id = ? AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (!_bf_step_row (self, stmt, _ ("The household does not exist or was deleted."), error))
    return FALSE;
  if (status != NULL)
    *status = _bf_column_dup (stmt, 0);
  if (first_identified_on != NULL)
    *first_identified_on = _bf_column_dup (stmt, 1);
  if (survey_fen != NULL)
    *survey_fen = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* Income, its line and the months above the line, from the household's assessments. */
static gboolean
income_facts (BfStore *self,
              gint64 household_id,
              const GDate *on,
              gint64 survey_fen,
              BfExitFacts *facts,
              GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (BfIncomePoint));
  g_autoptr (GStringChunk) dates = g_string_chunk_new (256);
  g_autofree char *on_text = bf_date_format (on);
  int rc;

  stmt = _bf_store_prepare (self,
                            "SELECT assessed_on, per_capita_fen, poverty_line_fen FROM "
                            "assessments WHERE household_id = ? AND deleted_at IS NULL AND "
                            "assessed_on <= ? ORDER BY assessed_on, id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  _bf_bind_text (stmt, 2, on_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfIncomePoint point = {
        g_string_chunk_insert (dates, (const char *) sqlite3_column_text (stmt, 0)),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (points, point);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the assessments"));
      return FALSE;
    }
  if (points->len > 0)
    {
      const BfIncomePoint *latest = &g_array_index (points, BfIncomePoint, points->len - 1);

      facts->per_capita_fen = latest->per_capita_fen;
      facts->poverty_line_fen = latest->poverty_line_fen;
      facts->months_above_line = bf_exit_months_above_line (
        (const BfIncomePoint *) (gconstpointer) points->data, points->len, on);
      return TRUE;
    }
  /* Never assessed: the survey's income against this year's line, and no months above it. */
  facts->per_capita_fen = survey_fen;
  facts->months_above_line = 0;
  return bf_store_poverty_line_get (self, g_date_get_year (on), &facts->poverty_line_fen, NULL,
                                    error);
}

static gboolean
query_count (BfStore *self, const char *sql, gint64 household_id, guint *out, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the household"));
      return FALSE;
    }
  *out = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
guarantee_facts (BfStore *self, gint64 household_id, BfExitFacts *facts, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  int rc;

  stmt = _bf_store_prepare (self,
                            "SELECT food_secured, clothing_secured, education_secured, "
                            "medical_secured, housing_secured, water_secured FROM surveys WHERE "
                            "household_id = ? AND deleted_at IS NULL ORDER BY year DESC, "
                            "ifnull(surveyed_on, '') DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  rc = sqlite3_step (stmt);
  for (int i = 0; i < BF_N_GUARANTEES; i++)
    facts->secured[i] = rc == SQLITE_ROW && sqlite3_column_int (stmt, i) == 1;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the survey"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
exit_facts (BfStore *self, gint64 household_id, const GDate *on, BfExitFacts *facts, GError **error)
{
  g_autofree char *first_identified = NULL;
  gint64 survey_fen = 0;
  guint exceptions = 0;
  GDate since;

  *facts = (BfExitFacts){ 0 };
  if (!_bf_exit_load_household (self, household_id, NULL, &first_identified, &survey_fen, error) ||
      !income_facts (self, household_id, on, survey_fen, facts, error) ||
      !guarantee_facts (self, household_id, facts, error) ||
      !query_count (self,
                    "SELECT count(*) FROM measures WHERE household_id = ? AND status = "
                    "'completed' AND deleted_at IS NULL",
                    household_id, &facts->measures_completed, error) ||
      !query_count (self,
                    "SELECT count(*) FROM members WHERE household_id = ? AND deleted_at IS NULL "
                    "AND labour IN ('ordinary', 'skilled')",
                    household_id, &facts->members_with_labour, error) ||
      !query_count (self,
                    "SELECT count(*) FROM exit_exceptions WHERE household_id = ? AND check_code = "
                    "'labour' AND deleted_at IS NULL",
                    household_id, &exceptions, error))
    return FALSE;
  facts->labour_exception = exceptions > 0;
  if (first_identified != NULL && bf_date_parse (first_identified, &since, NULL))
    facts->months_monitored = (guint) bf_months_between (&since, on);
  facts->min_months_above_line =
    _bf_setting_uint (self, BF_SETTING_EXIT_STABLE_MONTHS, 1200, BF_EXIT_MIN_MONTHS);
  facts->min_months_monitored =
    _bf_setting_uint (self, BF_SETTING_EXIT_MONITORED_MONTHS, 1200, BF_EXIT_MIN_MONTHS);
  return TRUE;
}

gboolean
bf_store_exit_facts (BfStore *self,
                     gint64 household_id,
                     const char *on,
                     BfExitFacts *facts,
                     GError **error)
{
  GDate date;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  if (on == NULL)
    bf_date_today (&date);
  else if (!bf_date_parse (on, &date, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The date “%s” is not a date (YYYY-MM-DD)."), on);
      return FALSE;
    }
  return exit_facts (self, household_id, &date, facts, error);
}

gboolean
bf_store_exit_check (BfStore *self,
                     gint64 household_id,
                     BfExitCheck checks[BF_N_EXIT_CHECKS],
                     gboolean *passed,
                     GError **error)
{
  BfExitFacts facts;
  gboolean all;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!bf_store_exit_facts (self, household_id, NULL, &facts, error))
    return FALSE;
  all = bf_exit_checks_run (&facts, checks);
  if (passed != NULL)
    *passed = all;
  return TRUE;
}

gboolean
_bf_exit_run_checks (BfStore *self,
                     gint64 household_id,
                     const char *date,
                     gboolean require_pass,
                     char **checks_json,
                     GError **error)
{
  BfExitCheck checks[BF_N_EXIT_CHECKS];
  g_autoptr (GString) failing = g_string_new (NULL);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  BfExitFacts facts;
  GDate on;

  bf_date_parse (date, &on, NULL);
  if (!exit_facts (self, household_id, &on, &facts, error))
    return FALSE;
  bf_exit_checks_run (&facts, checks);
  json_builder_begin_array (builder);
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "check");
      json_builder_add_string_value (builder, bf_exit_check_code (checks[i].id));
      json_builder_set_member_name (builder, "passed");
      json_builder_add_boolean_value (builder, checks[i].passed);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, checks[i].reason);
      json_builder_end_object (builder);
      if (!checks[i].passed)
        g_string_append_printf (failing, "\n%s: %s", bf_exit_check_title (checks[i].id),
                                checks[i].reason);
    }
  json_builder_end_array (builder);
  bf_exit_checks_clear (checks);

  if (require_pass && failing->len > 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("The household does not meet the exit standard:%s"), failing->str);
      return FALSE;
    }
  if (checks_json != NULL)
    {
      root = json_builder_get_root (builder);
      *checks_json = json_to_string (root, FALSE);
    }
  return TRUE;
}

gboolean
_bf_exit_require_checks (BfStore *self, gint64 household_id, const char *date, GError **error)
{
  return _bf_exit_run_checks (self, household_id, date, TRUE, NULL, error);
}
