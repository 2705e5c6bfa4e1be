/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-store-plans.h"
#include "bf-store-private.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

/* Every test runs on 2026-06-15 (BANGFU_TODAY). */
#define TODAY "2026-06-15"

typedef struct
{
  char *dir;
  BfStore *store;
  gint64 h1, h2, h3, h4, h5, h6; /* see fixture_set_up */
} Fixture;

static gint64 sql_int (BfStore *store, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gint64
sql_int (BfStore *store, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (sqlite3_prepare_v2 (_bf_store_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
sql_text (BfStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_bf_store_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
audit_count (BfStore *store)
{
  return sql_int (store, "SELECT count(*) FROM audit_log");
}

/* A household written straight into the table: what the lists need, nothing more. */
static gint64
add_household (BfStore *store,
               const char *number,
               const char *head,
               gint64 village,
               const char *status,
               const char *since)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO households (uuid, number, village_id, status, status_since, head_name, "
    "member_count, created_at, updated_at) VALUES ('%s', '%s', %" G_GINT64_FORMAT ", '%s', '%s', "
    "'%s', 3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    uuid, number, village, status, since, head);

  g_assert_cmpint (sqlite3_exec (_bf_store_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return sqlite3_last_insert_rowid (_bf_store_db (store));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "plans.bangfu", 2);
  f->h1 = add_household (f->store, "001-00001", "张一", 1, "registered", "2025-01-10");
  f->h2 = add_household (f->store, "002-00001", "李二", 2, "registered", "2025-02-10");
  f->h3 = add_household (f->store, "001-00002", "王三", 1, "surveyed", "2026-05-01");
  /* Exited a year ago: in follow-up (five years by default). */
  f->h4 = add_household (f->store, "001-00003", "赵四", 1, "exited", "2025-06-01");
  /* Exited long ago: follow-up over. */
  f->h5 = add_household (f->store, "002-00002", "钱五", 2, "exited", "2019-01-01");
  f->h6 = add_household (f->store, "001-00004", "孙六", 1, "registered", "2025-01-10");
  bf_test_exec (f->store, "UPDATE households SET deleted_at = '2026-02-01T00:00:00Z' WHERE "
                          "number = '001-00004'");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bf_store_close (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (f->store);
  bf_test_tmpdir_free (f->dir);
}

static gint64
add_helper (BfStore *store, const char *name)
{
  g_autoptr (BfHelper) helper = bf_helper_new ();
  g_autoptr (GError) error = NULL;

  helper->name = g_strdup (name);
  helper->unit = g_strdup ("县农业农村局");
  helper->level = g_strdup ("county");
  g_assert_true (bf_store_helper_save (store, helper, &error));
  g_assert_no_error (error);
  return helper->id;
}

static BfMeasure *
new_measure (const char *category, const char *description, const char *due, gint64 budget_fen)
{
  BfMeasure *m = bf_measure_new ();

  m->category = g_strdup (category);
  m->description = g_strdup (description);
  m->due_on = g_strdup (due);
  m->budget_fen = budget_fen;
  return m;
}

static BfPlan *
save_plan (BfStore *store, gint64 household_id, int year, ...) G_GNUC_NULL_TERMINATED;

/* Saves a plan with the measures given (BfMeasure*, taken), NULL-terminated. */
static BfPlan *
save_plan (BfStore *store, gint64 household_id, int year, ...)
{
  BfPlan *plan = bf_plan_new ();
  g_autoptr (GError) error = NULL;
  va_list args;
  BfMeasure *m;

  plan->household_id = household_id;
  plan->year = year;
  plan->goal = g_strdup ("稳定增收");
  va_start (args, year);
  while ((m = va_arg (args, BfMeasure *)) != NULL)
    g_ptr_array_add (plan->measures, m);
  va_end (args);
  g_assert_true (bf_store_plan_save (store, plan, &error));
  g_assert_no_error (error);
  return plan;
}

static BfMeasure *
plan_measure (BfPlan *plan, guint index)
{
  return g_ptr_array_index (plan->measures, index);
}

/* {{{ Helpers */

static void
test_helper_crud (Fixture *f, gconstpointer data)
{
  g_autoptr (BfHelper) helper = bf_helper_new ();
  g_autoptr (BfHelper) read = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audits;

  helper->name = g_strdup ("周帮扶");
  helper->unit = g_strdup ("县教育局");
  helper->level = g_strdup ("county");
  helper->position = g_strdup ("科员");
  helper->phone = g_strdup ("138 0000 1111");
  g_assert_true (bf_store_helper_save (f->store, helper, &error));
  g_assert_no_error (error);
  g_assert_cmpint (helper->id, >, 0);
  g_assert_nonnull (helper->uuid);

  read = bf_store_helper_get (f->store, helper->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "周帮扶");
  g_assert_cmpstr (read->unit, ==, "县教育局");
  g_assert_cmpstr (read->level, ==, "county");
  g_assert_cmpstr (read->position, ==, "科员");
  g_assert_cmpstr (read->phone, ==, "138 0000 1111");
  g_assert_null (read->retired_on);
  g_assert_cmpuint (read->n_households, ==, 0);

  /* An edit is audited with what changed. */
  g_free (read->unit);
  read->unit = g_strdup ("县卫健局");
  g_assert_true (bf_store_helper_save (f->store, read, &error));
  g_assert_no_error (error);
  {
    g_autofree char *changes = NULL;
    g_autofree char *sql = g_strdup_printf (
      "SELECT changes FROM audit_log WHERE uuid = '%s' ORDER BY seq DESC LIMIT 1", helper->uuid);
    changes = sql_text (f->store, sql);
    g_assert_cmpstr (changes, ==, "{\"unit\":[\"县教育局\",\"县卫健局\"]}");
  }
  /* Saving without a change writes nothing. */
  audits = audit_count (f->store);
  g_assert_true (bf_store_helper_save (f->store, read, &error));
  g_assert_cmpint (audit_count (f->store), ==, audits);

  add_helper (f->store, "安另一");
  list = bf_store_helper_list (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_helper_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (BfHelper) helper = bf_helper_new ();
  gint64 audits = audit_count (f->store);
  struct
  {
    const char *name, *level, *phone;
  } bad[] = {
    { NULL, NULL, NULL },    { "  ", NULL, NULL },           { "周", "minister", NULL },
    { "周", NULL, "12345" }, { "周", NULL, "138-abc-1234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_free (helper->name);
      g_free (helper->level);
      g_free (helper->phone);
      helper->name = g_strdup (bad[i].name);
      helper->level = g_strdup (bad[i].level);
      helper->phone = g_strdup (bad[i].phone);
      g_assert_false (bf_store_helper_save (f->store, helper, &error));
      g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
      g_assert_cmpint (helper->id, ==, 0);
    }
  {
    g_autoptr (GError) error = NULL;

    helper->id = 4242;
    g_free (helper->name);
    helper->name = g_strdup ("周");
    g_clear_pointer (&helper->level, g_free);
    g_clear_pointer (&helper->phone, g_free);
    g_assert_false (bf_store_helper_save (f->store, helper, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (bf_store_helper_get (f->store, 4242, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  }
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM helpers"), ==, 0);
  g_assert_cmpint (audit_count (f->store), ==, audits);
}

static void
test_assign (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  gint64 a = add_helper (f->store, "甲");
  gint64 b = add_helper (f->store, "乙");
  gint64 audits;

  g_assert_true (bf_store_helper_assign (f->store, f->h1, a, "2026-01-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (
    sql_int (f->store, "SELECT helper_id FROM households WHERE id = %" G_GINT64_FORMAT, f->h1), ==,
    a);
  /* The same helper again changes nothing. */
  audits = audit_count (f->store);
  g_assert_true (bf_store_helper_assign (f->store, f->h1, a, "2026-02-01", &error));
  g_assert_cmpint (audit_count (f->store), ==, audits);
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM helper_assignments"), ==, 1);

  g_assert_true (bf_store_helper_assign (f->store, f->h1, b, "2026-03-01", &error));
  g_assert_no_error (error);
  history = bf_store_assignments_for (f->store, f->h1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  {
    BfAssignment *current = g_ptr_array_index (history, 0);
    BfAssignment *past = g_ptr_array_index (history, 1);

    g_assert_cmpint (current->helper_id, ==, b);
    g_assert_cmpstr (current->helper_name, ==, "乙");
    g_assert_cmpstr (current->assigned_on, ==, "2026-03-01");
    g_assert_null (current->ended_on);
    g_assert_cmpint (past->helper_id, ==, a);
    g_assert_cmpstr (past->assigned_on, ==, "2026-01-01");
    g_assert_cmpstr (past->ended_on, ==, "2026-03-01");
  }
  {
    g_autoptr (GPtrArray) mine = bf_store_helper_households (f->store, b, &error);
    g_autoptr (BfHelper) helper_b = bf_store_helper_get (f->store, b, &error);

    g_assert_cmpuint (mine->len, ==, 1);
    g_assert_cmpstr (((BfHouseholdLine *) g_ptr_array_index (mine, 0))->number, ==, "001-00001");
    g_assert_cmpuint (helper_b->n_households, ==, 1);
  }

  /* Refused, with nothing written: before the current helper began, in the future, a household
   * that was deleted or does not exist, a helper that does not exist. */
  audits = audit_count (f->store);
  g_assert_false (bf_store_helper_assign (f->store, f->h1, a, "2026-02-01", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_helper_assign (f->store, f->h1, a, "2026-07-01", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_helper_assign (f->store, f->h1, a, "2026-13-01", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_helper_assign (f->store, f->h6, a, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bf_store_helper_assign (f->store, 9999, a, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bf_store_helper_assign (f->store, f->h2, 9999, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f->store), ==, audits);

  /* No helper: the assignment ends, the household shows in supervision. */
  g_assert_true (bf_store_helper_assign (f->store, f->h1, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->store,
                            "SELECT count(*) FROM households WHERE helper_id IS NULL AND "
                            "id = %" G_GINT64_FORMAT,
                            f->h1),
                   ==, 1);
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM helper_assignments WHERE ended_on IS "
                                      "NULL"),
                   ==, 0);
}

static void
test_assign_many (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 a = add_helper (f->store, "甲");
  gint64 ids[] = { f->h1, f->h2, f->h4 };
  gint64 with_bad[] = { f->h3, 4711 };
  gint64 audits;

  g_assert_true (bf_store_helper_assign_many (f->store, ids, G_N_ELEMENTS (ids), a, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
    sql_int (f->store, "SELECT count(*) FROM households WHERE helper_id = %" G_GINT64_FORMAT, a),
    ==, 3);
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM helper_assignments WHERE assigned_on = "
                                      "'" TODAY "'"),
                   ==, 3);

  /* One bad household: none is assigned. */
  audits = audit_count (f->store);
  g_assert_false (bf_store_helper_assign_many (f->store, with_bad, 2, a, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (sql_int (f->store,
                            "SELECT count(*) FROM households WHERE helper_id IS NULL AND "
                            "id = %" G_GINT64_FORMAT,
                            f->h3),
                   ==, 1);
  g_assert_cmpint (audit_count (f->store), ==, audits);
}

static void
test_retire (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 a = add_helper (f->store, "甲");
  gint64 b = add_helper (f->store, "乙");
  gint64 c = add_helper (f->store, "丙");
  gint64 ids[] = { f->h1, f->h2 };
  g_autoptr (BfPlan) plan = NULL;
  g_autoptr (GPtrArray) active = NULL;
  g_autoptr (GPtrArray) everyone = NULL;

  g_assert_true (bf_store_helper_assign_many (f->store, ids, 2, a, "2026-01-01", &error));
  plan = save_plan (f->store, f->h1, 2026, new_measure ("finance", "小额信贷", "2026-12-31", 0),
                    new_measure ("health", "医保资助", "2026-03-31", 0), NULL);
  plan_measure (plan, 0)->helper_id = a;
  plan_measure (plan, 1)->helper_id = a;
  g_free (plan_measure (plan, 1)->status);
  plan_measure (plan, 1)->status = g_strdup ("completed");
  plan_measure (plan, 1)->completed_on = g_strdup ("2026-03-30");
  g_assert_true (bf_store_plan_save (f->store, plan, &error));
  g_assert_no_error (error);

  /* Refused: to themselves, to a helper that does not exist. */
  g_assert_false (bf_store_helper_retire (f->store, a, NULL, a, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_helper_retire (f->store, a, NULL, 999, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (bf_store_helper_retire (f->store, a, "2026-06-01", b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
    sql_int (f->store, "SELECT count(*) FROM households WHERE helper_id = %" G_GINT64_FORMAT, b),
    ==, 2);
  /* The open measure goes to the successor; the completed one keeps who did it. */
  g_assert_cmpint (sql_int (f->store, "SELECT helper_id FROM measures WHERE status = 'planned'"),
                   ==, b);
  g_assert_cmpint (sql_int (f->store, "SELECT helper_id FROM measures WHERE status = 'completed'"),
                   ==, a);

  active = bf_store_helper_list (f->store, FALSE, &error);
  everyone = bf_store_helper_list (f->store, TRUE, &error);
  g_assert_cmpuint (active->len, ==, 2);
  g_assert_cmpuint (everyone->len, ==, 3);
  g_assert_cmpstr (((BfHelper *) g_ptr_array_index (everyone, 2))->retired_on, ==, "2026-06-01");

  /* A retired helper takes on nothing new. */
  g_assert_false (bf_store_helper_assign (f->store, f->h3, a, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_helper_retire (f->store, a, NULL, 0, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_helper_retire (f->store, c, NULL, a, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (bf_store_helper_reinstate (f->store, a, &error));
  g_assert_no_error (error);
  g_assert_false (bf_store_helper_reinstate (f->store, a, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Without a successor the households are left without a helper. */
  g_assert_true (bf_store_helper_retire (f->store, b, NULL, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr (BfListPage) page = bf_store_households_without_helper (f->store, NULL, 0, &error);
    g_assert_no_error (error);
    /* h1 and h2 (registered) and h4 (in follow-up); not h3 (surveyed) nor h5 (follow-up over).
     */
    g_assert_cmpint (page->total, ==, 3);
  }
}

/* }}} */
/* {{{ Plans and measures */

static void
test_plan_crud (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfPlan) plan = NULL;
  g_autoptr (BfPlan) read = NULL;
  g_autoptr (GArray) years = NULL;
  gint64 helper = add_helper (f->store, "甲");
  BfMeasure *m;
  gint64 dropped;

  m = new_measure ("employment", "技能培训", "2026-09-30", 150000);
  m->subtype = g_strdup ("training");
  m->department = g_strdup ("hrss");
  m->helper_id = helper;
  m->starts_on = g_strdup ("2026-03-01");
  plan =
    save_plan (f->store, f->h1, 2026, m, new_measure ("finance", "小额信贷", NULL, 5000000), NULL);
  g_assert_cmpint (plan->id, >, 0);
  g_assert_cmpuint (plan->measures->len, ==, 2);

  read = bf_store_plan_get (f->store, f->h1, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->goal, ==, "稳定增收");
  g_assert_cmpuint (read->measures->len, ==, 2);
  m = plan_measure (read, 0);
  g_assert_cmpstr (m->category, ==, "employment");
  g_assert_cmpstr (m->subtype, ==, "training");
  g_assert_cmpstr (m->department, ==, "hrss");
  g_assert_cmpstr (m->status, ==, "planned");
  g_assert_cmpint (m->budget_fen, ==, 150000);
  g_assert_cmpint (m->helper_id, ==, helper);
  g_assert_cmpstr (m->helper_name, ==, "甲");
  g_assert_cmpstr (m->household_number, ==, "001-00001");
  g_assert_cmpstr (m->head_name, ==, "张一");
  g_assert_cmpstr (m->village_name, ==, "村1");
  g_assert_cmpint (m->year, ==, 2026);
  g_assert_cmpint (m->household_confirmed, ==, -1);
  /* No due date sorts last. */
  g_assert_null (plan_measure (read, 1)->due_on);

  /* Edit one, drop one, add one: one transaction. */
  g_free (m->effect);
  m->effect = g_strdup ("已就业");
  m->household_confirmed = 1;
  m->spent_fen = 120000;
  dropped = plan_measure (read, 1)->id;
  g_ptr_array_remove_index (read->measures, 1);
  g_ptr_array_add (read->measures, new_measure ("education", "雨露计划", "2026-08-31", 300000));
  g_assert_true (bf_store_plan_save (f->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (read->measures->len, ==, 2);
  g_assert_cmpint (
    sql_int (
      f->store,
      "SELECT count(*) FROM measures WHERE deleted_at IS NOT NULL AND id = %" G_GINT64_FORMAT,
      dropped),
    ==, 1);
  g_assert_cmpint (sql_int (f->store,
                            "SELECT household_confirmed FROM measures WHERE description = "
                            "'技能培训'"),
                   ==, 1);
  g_assert_cmpint (sql_int (f->store,
                            "SELECT count(*) FROM audit_log WHERE entity = 'measures' AND "
                            "action = 'delete'"),
                   ==, 1);

  years = bf_store_plan_years (f->store, f->h1, &error);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2026);

  /* Deleting the plan deletes its measures. */
  g_assert_true (bf_store_plan_delete (f->store, read->id, &error));
  g_assert_no_error (error);
  g_assert_null (bf_store_plan_get (f->store, f->h1, 2026, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM measures WHERE deleted_at IS NULL"), ==,
                   0);
}

static void
test_plan_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (BfPlan) plan = save_plan (f->store, f->h1, 2026, NULL);
  gint64 audits = audit_count (f->store);
  gint64 retired = add_helper (f->store, "退");
  struct
  {
    const char *category, *subtype, *description, *starts, *due, *status, *completed;
    gint64 budget;
    gint64 helper;
  } bad[] = {
    { NULL, NULL, "无类别", NULL, NULL, NULL, NULL, 0, 0 },
    { "finance", NULL, "  ", NULL, NULL, NULL, NULL, 0, 0 },
    { "banking", NULL, "错误类别", NULL, NULL, NULL, NULL, 0, 0 },
    { "finance", "road", "错误类型", NULL, NULL, NULL, NULL, 0, 0 },
    { "finance", NULL, "负预算", NULL, NULL, NULL, NULL, -1, 0 },
    { "finance", NULL, "日期倒置", "2026-05-01", "2026-04-01", NULL, NULL, 0, 0 },
    { "finance", NULL, "错误日期", "2026-02-30", NULL, NULL, NULL, 0, 0 },
    { "finance", NULL, "错误状态", NULL, NULL, "done", NULL, 0, 0 },
    { "finance", NULL, "完成无日期", NULL, NULL, "completed", NULL, 0, 0 },
    { "finance", NULL, "完成在未来", NULL, NULL, "completed", "2026-07-01", 0, 0 },
    { "finance", NULL, "计划有完成日期", NULL, NULL, "planned", "2026-06-01", 0, 0 },
    { "finance", NULL, "退休责任人", NULL, NULL, NULL, NULL, 0, -1 },
  };

  g_assert_true (bf_store_helper_retire (f->store, retired, NULL, 0, NULL));
  audits = audit_count (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (BfPlan) work = bf_plan_copy (plan);
      g_autoptr (GError) error = NULL;
      BfMeasure *good = new_measure ("health", "好的措施", NULL, 100);
      BfMeasure *m = bf_measure_new ();

      g_test_message ("bad measure %u: %s", i, bad[i].description);
      m->category = g_strdup (bad[i].category);
      m->subtype = g_strdup (bad[i].subtype);
      m->description = g_strdup (bad[i].description);
      m->starts_on = g_strdup (bad[i].starts);
      m->due_on = g_strdup (bad[i].due);
      m->status = g_strdup (bad[i].status);
      m->completed_on = g_strdup (bad[i].completed);
      m->budget_fen = bad[i].budget;
      m->helper_id = bad[i].helper < 0 ? retired : bad[i].helper;
      g_ptr_array_add (work->measures, good);
      g_ptr_array_add (work->measures, m);
      g_assert_false (bf_store_plan_save (f->store, work, &error));
      g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
      /* The message names the measure; the record is unchanged. */
      g_assert_true (g_str_has_prefix (error->message, "Measure 2: "));
      g_assert_cmpint (good->id, ==, 0);
    }
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM measures"), ==, 0);
  g_assert_cmpint (audit_count (f->store), ==, audits);

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (BfPlan) twin = bf_plan_new ();

    twin->household_id = f->h1;
    twin->year = 2026;
    g_assert_false (bf_store_plan_save (f->store, twin, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
    g_clear_error (&error);
    twin->year = 1999;
    g_assert_false (bf_store_plan_save (f->store, twin, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
    g_clear_error (&error);
    twin->year = 2027;
    twin->household_id = f->h6;
    g_assert_false (bf_store_plan_save (f->store, twin, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* Another plan's measure cannot be moved in. */
    twin->household_id = f->h2;
    {
      g_autoptr (BfPlan) other =
        save_plan (f->store, f->h1, 2025, new_measure ("other", "修路", NULL, 0), NULL);
      g_ptr_array_add (twin->measures, bf_measure_copy (plan_measure (other, 0)));
      g_assert_false (bf_store_plan_save (f->store, twin, &error));
      g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
    }
  }
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM plans"), ==, 2);
}

static void
test_plan_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfPlan) last = NULL;
  g_autoptr (BfPlan) copy = NULL;
  BfMeasure *done = new_measure ("finance", "贷款", "2024-02-29", 10000);
  BfMeasure *dropped = new_measure ("other", "取消的", NULL, 0);

  g_free (done->status);
  done->status = g_strdup ("completed");
  done->completed_on = g_strdup ("2024-02-20");
  done->starts_on = g_strdup ("2024-01-15");
  done->spent_fen = 9000;
  done->effect = g_strdup ("已还款");
  done->household_confirmed = 1;
  dropped->status = g_strdup ("cancelled");
  last = save_plan (f->store, f->h1, 2024, done, dropped, NULL);

  copy = bf_store_plan_copy (f->store, f->h1, 2024, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->id, ==, 0);
  g_assert_cmpint (copy->year, ==, 2025);
  g_assert_cmpstr (copy->goal, ==, "稳定增收");
  g_assert_cmpuint (copy->measures->len, ==, 1);
  {
    BfMeasure *m = plan_measure (copy, 0);
    g_assert_cmpint (m->id, ==, 0);
    g_assert_cmpstr (m->status, ==, "planned");
    g_assert_null (m->completed_on);
    g_assert_null (m->effect);
    g_assert_cmpint (m->spent_fen, ==, 0);
    g_assert_cmpint (m->budget_fen, ==, 10000);
    g_assert_cmpint (m->household_confirmed, ==, -1);
    g_assert_cmpstr (m->starts_on, ==, "2025-01-15");
    /* 29 February moves to the last day of February. */
    g_assert_cmpstr (m->due_on, ==, "2025-02-28");
  }
  g_assert_true (bf_store_plan_save (f->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM measures WHERE deleted_at IS NULL"), ==,
                   3);

  g_assert_null (bf_store_plan_copy (f->store, f->h1, 2023, 2024, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
}

static guint
count_rows (BfStore *store, const BfMeasureQuery *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfListPage) page = bf_store_measure_search (store, query, NULL, 1000, &error);

  g_assert_no_error (error);
  g_assert_null (page->next);
  return page->rows->len;
}

/* Measures across households: a mix to filter (four overdue on TODAY, one due that day). */
static void
add_measure_mix (Fixture *f, gint64 helper)
{
  g_autoptr (BfPlan) p1 = NULL;
  g_autoptr (BfPlan) p2 = NULL;
  g_autoptr (BfPlan) p3 = NULL;
  g_autoptr (BfPlan) p6 = NULL;
  BfMeasure *completed = new_measure ("health", "已完成", "2026-01-31", 1000);
  BfMeasure *cancelled = new_measure ("health", "已取消", "2026-01-31", 2000);
  BfMeasure *in_progress = new_measure ("finance", "实施中逾期", "2026-06-14", 4000);
  BfMeasure *due_today = new_measure ("finance", "今天到期", TODAY, 8000);

  completed->status = g_strdup ("completed");
  completed->completed_on = g_strdup ("2026-01-20");
  completed->spent_fen = 900;
  cancelled->status = g_strdup ("cancelled");
  in_progress->status = g_strdup ("in_progress");
  in_progress->spent_fen = 1000;
  in_progress->helper_id = helper;
  in_progress->department = g_strdup ("poverty");
  p1 = save_plan (f->store, f->h1, 2026, completed, cancelled, in_progress, due_today,
                  new_measure ("education", "逾期一", "2026-03-01", 16000), NULL);
  p2 = save_plan (f->store, f->h2, 2026, new_measure ("education", "逾期二", "2026-03-01", 32000),
                  new_measure ("employment", "未到期", "2026-12-31", 64000), NULL);
  p3 = save_plan (f->store, f->h2, 2025, new_measure ("housing", "去年逾期", "2025-10-01", 128000),
                  NULL);
  p6 = save_plan (f->store, f->h3, 2026, new_measure ("other", "无期限", NULL, 256000), NULL);
  /* A deleted household's measures are not listed. */
  sql_int (f->store,
           "UPDATE households SET deleted_at = '2026-06-01T00:00:00Z' WHERE id = %" G_GINT64_FORMAT
           " RETURNING id",
           f->h3);
}

static void
test_measure_search (Fixture *f, gconstpointer data)
{
  gint64 helper = add_helper (f->store, "甲");
  BfMeasureQuery q = { 0 };
  BfMeasureTotals totals;
  g_autoptr (GError) error = NULL;

  add_measure_mix (f, helper);
  g_assert_cmpuint (count_rows (f->store, &q), ==, 8);

  q.overdue = TRUE;
  q.today = TODAY;
  g_assert_cmpuint (count_rows (f->store, &q), ==, 4);
  g_assert_true (bf_store_measure_totals (f->store, &q, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals.count, ==, 4);
  g_assert_cmpint (totals.budget_fen, ==, 4000 + 16000 + 32000 + 128000);
  g_assert_cmpint (totals.spent_fen, ==, 1000);
  {
    g_autoptr (BfListPage) page = bf_store_measure_search (f->store, &q, NULL, 10, &error);

    /* By due date; every row overdue. */
    g_assert_cmpstr (((BfMeasure *) g_ptr_array_index (page->rows, 0))->description, ==,
                     "去年逾期");
    for (guint i = 0; i < page->rows->len; i++)
      g_assert_true (((BfMeasure *) g_ptr_array_index (page->rows, i))->overdue);
  }
  /* A day later the one due today is overdue too. */
  q.today = "2026-06-16";
  g_assert_cmpuint (count_rows (f->store, &q), ==, 5);
  q.today = TODAY;

  q.village_id = 2;
  g_assert_cmpuint (count_rows (f->store, &q), ==, 2);
  q.year = 2026;
  g_assert_cmpuint (count_rows (f->store, &q), ==, 1);
  g_assert_true (bf_store_measure_totals (f->store, &q, &totals, &error));
  g_assert_cmpint (totals.budget_fen, ==, 32000);

  memset (&q, 0, sizeof q);
  q.category = "health";
  g_assert_cmpuint (count_rows (f->store, &q), ==, 2);
  q.status = "cancelled";
  g_assert_cmpuint (count_rows (f->store, &q), ==, 1);
  memset (&q, 0, sizeof q);
  q.department = "poverty";
  g_assert_cmpuint (count_rows (f->store, &q), ==, 1);
  memset (&q, 0, sizeof q);
  q.helper_id = helper;
  g_assert_cmpuint (count_rows (f->store, &q), ==, 1);
  memset (&q, 0, sizeof q);
  q.open_only = TRUE;
  g_assert_cmpuint (count_rows (f->store, &q), ==, 6);
  q.household_id = f->h1;
  g_assert_cmpuint (count_rows (f->store, &q), ==, 3);
  memset (&q, 0, sizeof q);
  q.year = 2025;
  g_assert_cmpuint (count_rows (f->store, &q), ==, 1);
  g_assert_true (bf_store_measure_totals (f->store, NULL, &totals, &error));
  g_assert_cmpint (totals.count, ==, 8);
  g_assert_cmpint (totals.budget_fen, ==, 255000);
  g_assert_cmpint (totals.spent_fen, ==, 1900);
}

/* Pages of every size give every row once, in order, across equal due dates. */
static void
test_measure_paging (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;

  add_measure_mix (f, add_helper (f->store, "甲"));
  {
    g_autoptr (BfListPage) page = bf_store_measure_search (f->store, NULL, NULL, 100, &error);
    all = g_ptr_array_ref (page->rows);
  }
  g_assert_cmpuint (all->len, ==, 8);
  for (guint size = 1; size <= 4; size++)
    {
      g_autoptr (BfHouseholdCursor) cursor = NULL;
      guint seen = 0;

      do
        {
          g_autoptr (BfListPage) page =
            bf_store_measure_search (f->store, NULL, cursor, size, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (page->rows->len, <=, size);
          for (guint i = 0; i < page->rows->len; i++, seen++)
            g_assert_cmpint (((BfMeasure *) g_ptr_array_index (page->rows, i))->id, ==,
                             ((BfMeasure *) g_ptr_array_index (all, seen))->id);
          g_clear_pointer (&cursor, bf_household_cursor_free);
          cursor = bf_household_cursor_copy (page->next);
        }
      while (cursor != NULL);
      g_assert_cmpuint (seen, ==, all->len);
    }
}

static void
test_measure_status (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfPlan) plan =
    save_plan (f->store, f->h1, 2026, new_measure ("finance", "一", "2026-03-01", 0),
               new_measure ("health", "二", "2026-04-01", 0), NULL);
  gint64 ids[] = { plan_measure (plan, 0)->id, plan_measure (plan, 1)->id };
  gint64 with_bad[] = { ids[0], 999 };
  gint64 audits;

  g_assert_true (
    bf_store_measures_set_status (f->store, ids, 2, "completed", "2026-06-10", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->store,
                            "SELECT count(*) FROM measures WHERE status = 'completed' AND "
                            "completed_on = '2026-06-10'"),
                   ==, 2);
  g_assert_cmpint (sql_int (f->store,
                            "SELECT count(*) FROM audit_log WHERE entity = 'measures' AND "
                            "action = 'update'"),
                   ==, 2);

  /* Refused, nothing changed: an unknown status, a date in the future, a missing measure. */
  audits = audit_count (f->store);
  g_assert_false (bf_store_measures_set_status (f->store, ids, 2, "done", NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
    bf_store_measures_set_status (f->store, ids, 2, "completed", "2026-06-16", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
    bf_store_measures_set_status (f->store, with_bad, 2, "in_progress", NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f->store), ==, audits);
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM measures WHERE status = 'completed'"),
                   ==, 2);

  /* Back to in progress: the completion date goes. */
  g_assert_true (bf_store_measures_set_status (f->store, ids, 1, "in_progress", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM measures WHERE status = 'in_progress' "
                                      "AND completed_on IS NULL"),
                   ==, 1);

  /* One measure on its own. */
  {
    g_autoptr (BfMeasure) m = bf_store_measure_get (f->store, ids[1], &error);

    g_free (m->description);
    m->description = g_strdup ("二（改）");
    g_assert_true (bf_store_measure_save (f->store, m, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (m->household_number, ==, "001-00001");
    g_assert_true (bf_store_measure_delete (f->store, ids[1], &error));
    g_assert_no_error (error);
    g_assert_null (bf_store_measure_get (f->store, ids[1], &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  }
}

/* }}} */
/* {{{ Visits and supervision */

static BfVisit *
new_visit (gint64 household, const char *on, const char *problems, const char *deadline)
{
  BfVisit *v = bf_visit_new ();

  v->household_id = household;
  v->visited_on = g_strdup (on);
  v->visitor = g_strdup ("周帮扶");
  v->mode = g_strdup ("home");
  v->findings = g_strdup ("生活稳定");
  v->problems = g_strdup (problems);
  v->rectification = problems != NULL ? g_strdup ("协调解决") : NULL;
  v->deadline = g_strdup (deadline);
  v->satisfaction = g_strdup ("satisfied");
  return v;
}

static gint64
save_visit (BfStore *store, BfVisit *visit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfVisit) owned = visit;

  g_assert_true (bf_store_visit_save (store, visit, &error));
  g_assert_no_error (error);
  return visit->id;
}

static void
test_visit_crud (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) visits = NULL;
  g_autoptr (BfVisit) read = NULL;
  gint64 helper = add_helper (f->store, "甲");
  gint64 id;

  save_visit (f->store, new_visit (f->h1, "2026-01-10", NULL, NULL));
  {
    BfVisit *v = new_visit (f->h1, "2026-05-10", "饮水管破裂", "2026-05-31");
    v->helper_id = helper;
    v->mode = (g_free (v->mode), g_strdup ("phone"));
    id = save_visit (f->store, v);
  }
  visits = bf_store_visits_for (f->store, f->h1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 2);
  read = bf_visit_copy (g_ptr_array_index (visits, 0));
  g_assert_cmpint (read->id, ==, id);
  g_assert_cmpstr (read->mode, ==, "phone");
  g_assert_cmpstr (read->helper_name, ==, "甲");
  g_assert_cmpstr (read->household_number, ==, "001-00001");
  g_assert_true (read->late);
  {
    g_autofree char *last =
      sql_text (f->store, "SELECT last_visit_on FROM households WHERE id = 1");
    g_assert_cmpstr (last, ==, "2026-05-10");
  }

  /* A helper's visits. */
  {
    BfVisitQuery q = { .helper_id = helper };
    g_autoptr (BfListPage) page = bf_store_visit_search (f->store, &q, NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpint (page->total, ==, 1);
    g_assert_cmpint (((BfVisit *) g_ptr_array_index (page->rows, 0))->id, ==, id);
  }

  /* Rectified: no longer late. */
  g_assert_true (bf_store_visit_rectify (f->store, id, "2026-06-01", "已更换水管", &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, bf_visit_free);
  read = bf_store_visit_get (f->store, id, &error);
  g_assert_cmpstr (read->rectified_on, ==, "2026-06-01");
  g_assert_cmpstr (read->rectification, ==, "已更换水管");
  g_assert_false (read->late);

  /* Deleting the latest visit moves the household's last visit back. */
  g_assert_true (bf_store_visit_delete (f->store, id, &error));
  g_assert_no_error (error);
  {
    g_autofree char *last =
      sql_text (f->store, "SELECT last_visit_on FROM households WHERE id = 1");
    g_assert_cmpstr (last, ==, "2026-01-10");
  }
  g_assert_null (bf_store_visit_get (f->store, id, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
}

static void
test_visit_bad_input (Fixture *f, gconstpointer data)
{
  gint64 audits;
  gint64 ok = save_visit (f->store, new_visit (f->h1, "2026-05-10", NULL, NULL));
  struct
  {
    gint64 household;
    const char *on, *visitor, *mode, *problems, *deadline, *rectified, *satisfaction;
    int code;
  } bad[] = {
    { 1, NULL, "周", "home", NULL, NULL, NULL, NULL, BF_STORE_ERROR_INVALID },
    { 1, "2026-06-16", "周", "home", NULL, NULL, NULL, NULL, BF_STORE_ERROR_INVALID },
    { 1, "2026-06-01", " ", "home", NULL, NULL, NULL, NULL, BF_STORE_ERROR_INVALID },
    { 1, "2026-06-01", "周", "letter", NULL, NULL, NULL, NULL, BF_STORE_ERROR_INVALID },
    { 1, "2026-06-01", "周", "home", "漏雨", "2026-05-01", NULL, NULL, BF_STORE_ERROR_INVALID },
    { 1, "2026-06-01", "周", "home", NULL, NULL, "2026-06-02", NULL, BF_STORE_ERROR_INVALID },
    { 1, "2026-06-01", "周", "home", "漏雨", NULL, "2026-05-30", NULL, BF_STORE_ERROR_INVALID },
    { 1, "2026-06-01", "周", "home", "漏雨", NULL, "2026-06-20", NULL, BF_STORE_ERROR_INVALID },
    { 1, "2026-06-01", "周", "home", NULL, NULL, NULL, "happy", BF_STORE_ERROR_INVALID },
    { 6, "2026-06-01", "周", "home", NULL, NULL, NULL, NULL, BF_STORE_ERROR_NOT_FOUND },
    { 99, "2026-06-01", "周", "home", NULL, NULL, NULL, NULL, BF_STORE_ERROR_NOT_FOUND },
  };

  audits = audit_count (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (BfVisit) v = bf_visit_new ();
      g_autoptr (GError) error = NULL;

      g_test_message ("bad visit %u", i);
      v->household_id = bad[i].household;
      v->visited_on = g_strdup (bad[i].on);
      v->visitor = g_strdup (bad[i].visitor);
      v->mode = g_strdup (bad[i].mode);
      v->problems = g_strdup (bad[i].problems);
      v->deadline = g_strdup (bad[i].deadline);
      v->rectified_on = g_strdup (bad[i].rectified);
      v->satisfaction = g_strdup (bad[i].satisfaction);
      g_assert_false (bf_store_visit_save (f->store, v, &error));
      g_assert_error (error, BF_STORE_ERROR, bad[i].code);
      g_assert_cmpint (v->id, ==, 0);
    }
  {
    g_autoptr (GError) error = NULL;

    /* Nothing to rectify on a visit without problems. */
    g_assert_false (bf_store_visit_rectify (f->store, ok, NULL, NULL, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  }
  g_assert_cmpint (sql_int (f->store, "SELECT count(*) FROM visits"), ==, 1);
  g_assert_cmpint (audit_count (f->store), ==, audits);
}

static void
test_open_problems (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BfVisitQuery q = { .open_problems = TRUE, .today = TODAY };
  gint64 late, open;

  save_visit (f->store, new_visit (f->h1, "2026-05-01", NULL, NULL));
  late = save_visit (f->store, new_visit (f->h1, "2026-05-02", "房屋漏雨", "2026-06-01"));
  open = save_visit (f->store, new_visit (f->h2, "2026-06-01", "缺少化肥", "2026-06-30"));
  save_visit (f->store, new_visit (f->h2, "2026-06-02", "没有期限", NULL));
  save_visit (f->store, new_visit (f->h4, "2026-06-03", "   ", NULL));

  {
    g_autoptr (BfListPage) page = bf_store_visit_search (f->store, &q, NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpint (page->total, ==, 3);
    g_assert_cmpuint (page->rows->len, ==, 3);
    /* By deadline, none last. */
    g_assert_cmpint (((BfVisit *) g_ptr_array_index (page->rows, 0))->id, ==, late);
    g_assert_true (((BfVisit *) g_ptr_array_index (page->rows, 0))->late);
    g_assert_cmpint (((BfVisit *) g_ptr_array_index (page->rows, 1))->id, ==, open);
    g_assert_false (((BfVisit *) g_ptr_array_index (page->rows, 1))->late);
    g_assert_null (((BfVisit *) g_ptr_array_index (page->rows, 2))->deadline);
  }
  q.past_deadline = TRUE;
  {
    g_autoptr (BfListPage) page = bf_store_visit_search (f->store, &q, NULL, 0, &error);
    g_assert_cmpint (page->total, ==, 1);
  }
  g_assert_true (bf_store_visit_rectify (f->store, late, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (BfListPage) page = bf_store_visit_search (f->store, &q, NULL, 0, &error);
    g_assert_cmpint (page->total, ==, 0);
  }
  /* All visits, newest first, paged. */
  {
    g_autoptr (BfListPage) first = bf_store_visit_search (f->store, NULL, NULL, 2, &error);
    g_autoptr (BfListPage) second = NULL;

    g_assert_cmpint (first->total, ==, 5);
    g_assert_cmpstr (((BfVisit *) g_ptr_array_index (first->rows, 0))->visited_on, ==,
                     "2026-06-03");
    second = bf_store_visit_search (f->store, NULL, first->next, 2, &error);
    g_assert_cmpint (second->total, ==, -1);
    g_assert_cmpstr (((BfVisit *) g_ptr_array_index (second->rows, 0))->visited_on, ==,
                     "2026-06-01");
  }
}

static void
test_not_visited (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfListPage) page = NULL;
  gint64 first;

  save_visit (f->store, new_visit (f->h1, "2026-06-01", NULL, NULL));
  first = save_visit (f->store, new_visit (f->h2, "2026-01-01", NULL, NULL));
  save_visit (f->store, new_visit (f->h2, "2026-03-17", NULL, NULL));
  save_visit (f->store, new_visit (f->h3, "2025-01-01", NULL, NULL));

  /* 90 days before 2026-06-15 is 2026-03-17: a visit that day is 90 days ago. */
  page = bf_store_households_not_visited (f->store, 90, TODAY, 0, NULL, 0, &error);
  g_assert_no_error (error);
  /* h4 (in follow-up, never visited) first, then h2; not h1 (recent), h3 (not under assistance),
   * h5 (follow-up over) nor h6 (deleted). */
  g_assert_cmpint (page->total, ==, 2);
  g_assert_cmpuint (page->rows->len, ==, 2);
  g_assert_cmpint (((BfHouseholdLine *) g_ptr_array_index (page->rows, 0))->id, ==, f->h4);
  g_assert_null (((BfHouseholdLine *) g_ptr_array_index (page->rows, 0))->last_visit_on);
  g_assert_cmpint (((BfHouseholdLine *) g_ptr_array_index (page->rows, 1))->id, ==, f->h2);
  g_assert_cmpstr (((BfHouseholdLine *) g_ptr_array_index (page->rows, 1))->last_visit_on, ==,
                   "2026-03-17");
  g_clear_pointer (&page, bf_list_page_free);

  page = bf_store_households_not_visited (f->store, 91, TODAY, 0, NULL, 0, &error);
  g_assert_cmpint (page->total, ==, 1);
  g_clear_pointer (&page, bf_list_page_free);
  page = bf_store_households_not_visited (f->store, 90, TODAY, 2, NULL, 0, &error);
  g_assert_cmpint (page->total, ==, 1);
  g_clear_pointer (&page, bf_list_page_free);

  /* Paging: one a page. */
  page = bf_store_households_not_visited (f->store, 90, TODAY, 0, NULL, 1, &error);
  g_assert_nonnull (page->next);
  {
    g_autoptr (BfListPage) next =
      bf_store_households_not_visited (f->store, 90, TODAY, 0, page->next, 1, &error);
    g_assert_cmpuint (next->rows->len, ==, 1);
    g_assert_null (next->next);
    g_assert_cmpint (((BfHouseholdLine *) g_ptr_array_index (next->rows, 0))->id, ==, f->h2);
  }

  /* Moving a visit's date moves the household's last visit (the triggers). */
  bf_test_exec (f->store, "UPDATE visits SET visited_on = '2026-06-10' WHERE id = 2");
  g_assert_cmpint (sql_int (f->store,
                            "SELECT count(*) FROM households WHERE last_visit_on = "
                            "'2026-06-10' AND id = %" G_GINT64_FORMAT,
                            f->h2),
                   ==, 1);
  (void) first;
}

static void
test_without_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfListPage) page = NULL;
  g_autoptr (BfPlan) plan = save_plan (f->store, f->h1, 2026, NULL);
  g_autoptr (BfPlan) old = save_plan (f->store, f->h2, 2025, NULL);

  page = bf_store_households_without_plan (f->store, 2026, NULL, 0, &error);
  g_assert_no_error (error);
  /* h2 (only last year's plan); not h1, h3 (surveyed), h4 and h5 (exited) nor h6 (deleted). */
  g_assert_cmpint (page->total, ==, 1);
  g_assert_cmpint (((BfHouseholdLine *) g_ptr_array_index (page->rows, 0))->id, ==, f->h2);
  g_clear_pointer (&page, bf_list_page_free);
  page = bf_store_households_without_plan (f->store, 2025, NULL, 0, &error);
  g_assert_cmpint (page->total, ==, 1);
  g_assert_cmpint (((BfHouseholdLine *) g_ptr_array_index (page->rows, 0))->id, ==, f->h1);
}

/* }}} */

int
main (int argc, char *argv[])
{
  g_setenv ("BANGFU_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plans/helpers/crud", test_helper_crud);
  ADD ("/plans/helpers/bad-input", test_helper_bad_input);
  ADD ("/plans/helpers/assign", test_assign);
  ADD ("/plans/helpers/assign-many", test_assign_many);
  ADD ("/plans/helpers/retire", test_retire);
  ADD ("/plans/plans/crud", test_plan_crud);
  ADD ("/plans/plans/bad-input", test_plan_bad_input);
  ADD ("/plans/plans/copy", test_plan_copy);
  ADD ("/plans/measures/search", test_measure_search);
  ADD ("/plans/measures/paging", test_measure_paging);
  ADD ("/plans/measures/status", test_measure_status);
  ADD ("/plans/visits/crud", test_visit_crud);
  ADD ("/plans/visits/bad-input", test_visit_bad_input);
  ADD ("/plans/visits/open-problems", test_open_problems);
  ADD ("/plans/supervision/not-visited", test_not_visited);
  ADD ("/plans/supervision/without-plan", test_without_plan);
#undef ADD

  return g_test_run ();
}
