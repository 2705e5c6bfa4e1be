/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-income.h"
#include "bf-store-household.h"
#include "bf-store-private.h"
#include "bf-test-exit.h"
#include "bf-test-store.h"

static BfMember *
member (const char *name, const char *relation, const char *id_number, const char *labour)
{
  BfMember *m = bf_member_new ();

  m->name = g_strdup (name);
  m->relation = g_strdup (relation);
  m->id_number = g_strdup (id_number);
  m->labour = g_strdup (labour);
  return m;
}

gint64
bf_test_exit_household (BfStore *store,
                        gint64 village_id,
                        const char *number,
                        const char *head_name,
                        guint seq,
                        gint64 wage_fen,
                        gboolean head_works,
                        gboolean two_members)
{
  g_autoptr (BfHousehold) household = bf_household_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *head_id = bf_test_id_number ("19700315", seq);
  g_autofree char *child_id = bf_test_id_number ("20100101", seq + 500);

  household->number = g_strdup (number);
  household->village_id = village_id;
  g_ptr_array_add (household->members,
                   member (head_name, "head", head_id, head_works ? "ordinary" : "none"));
  if (two_members)
    g_ptr_array_add (household->members, member ("小孩", "son", child_id, "none"));
  household->survey = bf_survey_new ();
  household->survey->year = 2026;
  household->survey->surveyed_on = g_strdup ("2026-03-01");
  household->survey->wage_fen = wage_fen;
  for (int i = 0; i < BF_N_GUARANTEES; i++)
    household->survey->secured[i] = 1;
  g_assert_true (bf_store_household_save (store, household, &error));
  g_assert_no_error (error);
  return household->id;
}

void
bf_test_exit_register (BfStore *store, gint64 household_id, const char *approved_on)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE households SET status = 'registered', status_since = '%s', first_identified_on = "
    "'%s' WHERE id = %" G_GINT64_FORMAT,
    approved_on, approved_on, household_id);

  bf_test_exec (store, sql);
}

void
bf_test_exit_measure (BfStore *store,
                      gint64 household_id,
                      const char *status,
                      const char *due_on,
                      const char *completed_on)
{
  g_autofree char *plan_uuid = g_uuid_string_random ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *completed =
    completed_on != NULL ? g_strdup_printf ("'%s'", completed_on) : g_strdup ("NULL");
  g_autofree char *plan = NULL;
  g_autofree char *sql = NULL;

  plan = g_strdup_printf (
    "INSERT OR IGNORE INTO plans (uuid, household_id, year, created_at, updated_at) VALUES ('%s', "
    "%" G_GINT64_FORMAT ", %.4s, 'now', 'now')",
    plan_uuid, household_id, due_on);
  bf_test_exec (store, plan);
  sql = g_strdup_printf (
    "INSERT INTO measures (uuid, plan_id, household_id, category, description, due_on, status, "
    "completed_on, created_at, updated_at) VALUES ('%s', (SELECT id FROM plans WHERE "
    "household_id = %" G_GINT64_FORMAT " AND year = %.4s), %" G_GINT64_FORMAT
    ", 'industry', '种植', '%s', '%s', %s, 'now', 'now')",
    uuid, household_id, due_on, household_id, due_on, status, completed);
  bf_test_exec (store, sql);
}

void
bf_test_exit_visit (BfStore *store, gint64 household_id, const char *on, const char *satisfaction)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *rating =
    satisfaction != NULL ? g_strdup_printf ("'%s'", satisfaction) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO visits (uuid, household_id, visited_on, visitor, mode, satisfaction, "
    "created_at, updated_at) VALUES ('%s', %" G_GINT64_FORMAT ", '%s', '李干部', 'home', %s, "
    "'now', 'now')",
    uuid, household_id, on, rating);

  bf_test_exec (store, sql);
}

void
bf_test_exit_assessment (BfStore *store,
                         gint64 household_id,
                         const char *period,
                         const char *assessed_on,
                         gint64 per_capita_fen,
                         gint64 poverty_line_fen)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 monitoring = poverty_line_fen * 3 / 2;
  const char *result =
    bf_income_level_code (bf_income_level (per_capita_fen, poverty_line_fen, monitoring));
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO assessments (uuid, household_id, period, assessed_on, per_capita_fen, "
    "poverty_line_fen, monitoring_line_fen, result, created_at, updated_at) VALUES ('%s', "
    "%" G_GINT64_FORMAT ", '%s', '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
    ", %" G_GINT64_FORMAT ", '%s', 'now', 'now')",
    uuid, household_id, period, assessed_on, per_capita_fen, poverty_line_fen, monitoring, result);

  bf_test_exec (store, sql);
}

gint64
bf_test_exit_audit_count (BfStore *store)
{
  return bf_test_query_int (store, "SELECT count(*) FROM audit_log");
}
