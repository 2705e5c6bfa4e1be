/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bf-store-audit.h"
#include "bf-store-check.h"
#include "bf-store-household.h"
#include "bf-store-notices.h"
#include "bf-store-private.h"
#include "bf-store-workflow.h"
#include "bf-test-exit.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfStore *store;
  gint64 household; /* registered 2025-06-01, 6,000.00 yuan per person, two members */
  gint64 other;     /* still being identified */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gboolean works = GPOINTER_TO_INT (data) == 0;

  g_setenv ("BANGFU_TODAY", "2026-06-30", TRUE);
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "e.bangfu", 2);
  g_assert_true (bf_store_poverty_line_set (f->store, 2026, 460000, 780000, NULL, &error));
  g_assert_no_error (error);
  f->household =
    bf_test_exit_household (f->store, 1, "001-00001", "张大山", 21, 1200000, works, works);
  f->other = bf_test_exit_household (f->store, 1, "001-00002", "李小河", 23, 300000, TRUE, FALSE);
  bf_test_exit_register (f->store, f->household, "2025-06-01");
  /* above the line since 2025-10-10: 8 months by 2026-06-30 */
  bf_test_exit_assessment (f->store, f->household, "2025Q4", "2025-10-10", 500000, 470000);
  bf_test_exit_assessment (f->store, f->household, "2026Q1", "2026-04-10", 550000, 460000);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_assert_true (bf_store_check (f->store, &problems, NULL));
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (bf_store_audit_verify (f->store, NULL, NULL));
  g_assert_true (bf_store_close (f->store, NULL));
  g_clear_object (&f->store);
  bf_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static gint64
count (Fixture *f, const char *sql)
{
  return bf_test_query_int (f->store, sql);
}

static void
assert_status (Fixture *f, gint64 id, const char *status)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT status FROM households WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *value = bf_test_query_text (f->store, sql);

  g_assert_cmpstr (value, ==, status);
}

/* A snapshot of what a refused step must leave as it was. */
typedef struct
{
  gint64 audit, events, notices, acceptances, adjustments, members;
} Snapshot;

static void
snapshot (Fixture *f, Snapshot *s)
{
  s->audit = bf_test_exit_audit_count (f->store);
  s->events = count (f, "SELECT count(*) FROM workflow_events");
  s->notices = count (f, "SELECT count(*) FROM notices");
  s->acceptances = count (f, "SELECT count(*) FROM exit_acceptances");
  s->adjustments = count (f, "SELECT count(*) FROM adjustments");
  s->members = count (f, "SELECT count(*) FROM members WHERE deleted_at IS NULL");
}

static void
assert_unchanged (Fixture *f, const Snapshot *before)
{
  Snapshot now;

  snapshot (f, &now);
  g_assert_cmpmem (&now, sizeof now, before, sizeof *before);
}

static void
test_facts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BfExitCheck checks[BF_N_EXIT_CHECKS];
  BfExitFacts facts;
  gboolean passed = TRUE;
  Snapshot before;

  g_assert_true (bf_store_exit_facts (f->store, f->household, NULL, &facts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (facts.per_capita_fen, ==, 550000);
  g_assert_cmpint (facts.poverty_line_fen, ==, 460000);
  g_assert_cmpuint (facts.months_above_line, ==, 8);
  for (int i = 0; i < BF_N_GUARANTEES; i++)
    g_assert_true (facts.secured[i]);
  g_assert_cmpuint (facts.measures_completed, ==, 0);
  g_assert_cmpuint (facts.months_monitored, ==, 12);
  g_assert_cmpuint (facts.members_with_labour, ==, 1);
  g_assert_false (facts.labour_exception);
  g_assert_cmpuint (facts.min_months_above_line, ==, 6);
  g_assert_cmpuint (facts.min_months_monitored, ==, 6);

  /* As of an earlier day: fewer months, and the later assessment not yet made. */
  g_assert_true (bf_store_exit_facts (f->store, f->household, "2026-01-15", &facts, &error));
  g_assert_cmpint (facts.per_capita_fen, ==, 500000);
  g_assert_cmpuint (facts.months_above_line, ==, 3);
  g_assert_cmpuint (facts.months_monitored, ==, 7);

  /* Never assessed: this year's line against the survey, no months. */
  g_assert_true (bf_store_exit_facts (f->store, f->other, NULL, &facts, &error));
  g_assert_cmpint (facts.per_capita_fen, ==, 300000);
  g_assert_cmpint (facts.poverty_line_fen, ==, 460000);
  g_assert_cmpuint (facts.months_above_line, ==, 0);
  g_assert_cmpuint (facts.months_monitored, ==, 0);

  g_assert_true (bf_store_exit_check (f->store, f->household, checks, &passed, &error));
  g_assert_false (passed);
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    g_assert_cmpint (checks[i].passed, ==, i != BF_EXIT_CHECK_MEASURE);
  g_assert_cmpstr (checks[BF_EXIT_CHECK_MEASURE].reason, ==,
                   "No assistance measure has been completed.");
  bf_exit_checks_clear (checks);

  /* Failing checks refuse the exit assessment, naming each; nothing is written. */
  snapshot (f, &before);
  g_assert_false (bf_store_exit_assess (f->store, f->household, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "Assistance measure completed: No assistance"));
  g_clear_error (&error);
  assert_unchanged (f, &before);
  assert_status (f, f->household, "registered");
  /* … and so is the plain lifecycle step, whoever takes it. */
  {
    BfTransitionFacts step = { 0 };

    g_assert_false (
      bf_store_household_transition (f->store, f->household, BF_ACTION_ASSESS_EXIT, &step, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "No assistance measure has been completed."));
    g_clear_error (&error);
    assert_unchanged (f, &before);
  }

  /* The register's settings can ask for more months. */
  g_assert_true (bf_store_setting_set (f->store, BF_SETTING_EXIT_STABLE_MONTHS, "9", &error));
  bf_test_exit_measure (f->store, f->household, "completed", "2026-03-01", "2026-02-20");
  g_assert_true (bf_store_exit_check (f->store, f->household, checks, &passed, &error));
  g_assert_false (passed);
  g_assert_false (checks[BF_EXIT_CHECK_INCOME].passed);
  g_assert_cmpstr (checks[BF_EXIT_CHECK_INCOME].reason, ==,
                   "5,500.00 yuan per person, above 4,600.00 for only 8 months; 9 are needed.");
  bf_exit_checks_clear (checks);
  g_assert_true (bf_store_setting_set (f->store, BF_SETTING_EXIT_STABLE_MONTHS, "6", &error));

  g_assert_true (bf_store_exit_check (f->store, f->household, checks, &passed, &error));
  g_assert_true (passed);
  bf_exit_checks_clear (checks);
  g_assert_true (bf_store_exit_assess (f->store, f->household, NULL, &error));
  g_assert_no_error (error);
  assert_status (f, f->household, "exit_assessed");

  /* Only a household under assistance is assessed for exit. */
  g_assert_false (bf_store_exit_assess (f->store, f->other, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (bf_store_exit_assess (f->store, 999, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bf_store_exit_facts (f->store, f->household, "2026/01/01", &facts, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
}

/* No member can work: the labour check passes only with a recorded exception. */
static void
test_exception (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL;
  BfExitCheck checks[BF_N_EXIT_CHECKS];
  gboolean passed;
  Snapshot before;

  bf_test_exit_measure (f->store, f->household, "completed", "2026-03-01", "2026-02-20");
  g_assert_true (bf_store_exit_check (f->store, f->household, checks, &passed, &error));
  g_assert_false (passed);
  g_assert_cmpstr (checks[BF_EXIT_CHECK_LABOUR].reason, ==,
                   "No member is able to work and no exception is recorded.");
  bf_exit_checks_clear (checks);

  snapshot (f, &before);
  g_assert_false (bf_store_exit_exception_record (f->store, f->household, "  ", NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_exit_exception_record (f->store, 999, "低保兜底", NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (
    bf_store_exit_exception_record (f->store, f->household, "低保兜底", "2026-07-01", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_unchanged (f, &before);

  g_assert_true (bf_store_exit_exception_record (f->store, f->household,
                                                 " 户主年老体弱，纳入低保兜底 ", NULL, &error));
  g_assert_no_error (error);
  note = bf_store_exit_exception_get (f->store, f->household, &error);
  g_assert_cmpstr (note, ==, "户主年老体弱，纳入低保兜底");
  g_assert_true (bf_store_exit_check (f->store, f->household, checks, &passed, &error));
  g_assert_true (passed);
  g_assert_cmpstr (checks[BF_EXIT_CHECK_LABOUR].reason, ==,
                   "No member is able to work; the recorded exception keeps the household under "
                   "social-security support.");
  bf_exit_checks_clear (checks);

  /* Recording again replaces the note: still one exception. */
  g_assert_true (
    bf_store_exit_exception_record (f->store, f->household, "特困供养", "2026-06-01", &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM exit_exceptions WHERE deleted_at IS NULL"), ==,
                   1);
  g_clear_pointer (&note, g_free);
  note = bf_store_exit_exception_get (f->store, f->household, &error);
  g_assert_cmpstr (note, ==, "特困供养");

  g_assert_true (bf_store_exit_exception_withdraw (f->store, f->household, &error));
  g_assert_no_error (error);
  g_clear_pointer (&note, g_free);
  note = bf_store_exit_exception_get (f->store, f->household, &error);
  g_assert_null (note);
  g_assert_no_error (error);
  g_assert_true (bf_store_exit_check (f->store, f->household, checks, &passed, &error));
  g_assert_false (passed);
  bf_exit_checks_clear (checks);
  g_assert_false (bf_store_exit_exception_withdraw (f->store, f->household, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
}

/* An exit notice of village 1 (through the notices' API) with the exit-assessed household,
 * posted on @starts_on for the default seven days. */
static gint64
post_notice (Fixture *f, const char *starts_on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfNotice) notice = bf_store_notice_prepare (f->store, "exit", 1, starts_on, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (notice->items->len, ==, 1);
  g_assert_true (bf_store_notice_save (f->store, notice, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_notice_post (f->store, notice->id, starts_on, &error));
  g_assert_no_error (error);
  return notice->id;
}

static void
test_exit_path (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfExitAcceptance) acceptance = NULL;
  g_autoptr (GPtrArray) follow = NULL;
  g_autoptr (GPtrArray) adjustments = NULL;
  const char *team[] = { " 张三 ", "", "李四", NULL };
  const char *nobody[] = { " ", NULL };
  const BfCaseRow *row;
  gint64 notice, acceptance_id, events;
  Snapshot before;

  bf_test_exit_measure (f->store, f->household, "completed", "2026-03-01", "2026-02-20");
  g_assert_true (bf_store_exit_assess (f->store, f->household, "2026-06-01", &error));

  notice = post_notice (f, "2026-06-10");
  assert_status (f, f->household, "exit_notice");
  g_assert_cmpint (count (f, "SELECT count(*) FROM notices WHERE kind = 'exit' AND state = "
                             "'posted' AND ends_on = '2026-06-16'"),
                   ==, 1);

  /* Acceptance: bad input and a notice still running are refused, nothing written. */
  snapshot (f, &before);
  {
    BfExitAcceptanceSpec cases[] = {
      { "2026-06-20", nobody, TRUE },
      { "2026-06-20", NULL, TRUE },
      { "2026-06-20", team, FALSE, NULL, NULL },
      { "2026-06-20", team, TRUE, "2026-06-19" },
      { "2026-07-20", team, TRUE },
      { "2026-06-16", team, TRUE }, /* the notice's last day */
    };
    const int codes[] = { BF_STORE_ERROR_INVALID, BF_STORE_ERROR_INVALID, BF_STORE_ERROR_INVALID,
                          BF_STORE_ERROR_INVALID, BF_STORE_ERROR_INVALID, BF_STORE_ERROR_REFUSED };

    for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_assert_cmpint (bf_store_exit_accept (f->store, f->household, &cases[i], &error), ==, 0);
        g_assert_error (error, BF_STORE_ERROR, codes[i]);
        g_clear_error (&error);
      }
    g_assert_cmpint (bf_store_exit_accept (f->store, f->other, &cases[0], &error), ==, 0);
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  assert_unchanged (f, &before);

  /* Not accepted: back to exit assessed, with the reason. */
  {
    BfExitAcceptanceSpec spec = { "2026-06-20", team, FALSE, NULL, "收入不稳定" };

    acceptance_id = bf_store_exit_accept (f->store, f->household, &spec, &error);
    g_assert_no_error (error);
    g_assert_cmpint (acceptance_id, >, 0);
  }
  assert_status (f, f->household, "exit_assessed");
  g_assert_cmpint (count (f, "SELECT count(*) FROM workflow_events WHERE action = 'send_back' "
                             "AND ref_kind = 'acceptance' AND reason = '收入不稳定'"),
                   ==, 1);

  /* Again, on a new notice once the first is closed: accepted. */
  g_assert_true (bf_store_notice_close (f->store, notice, "2026-06-20", &error));
  g_assert_no_error (error);
  notice = post_notice (f, "2026-06-20");
  {
    BfExitAcceptanceSpec spec = { "2026-06-27", team, TRUE };

    acceptance_id = bf_store_exit_accept (f->store, f->household, &spec, &error);
    g_assert_no_error (error);
  }
  assert_status (f, f->household, "exit_accepted");
  acceptance = bf_store_exit_acceptance_latest (f->store, f->household, &error);
  g_assert_nonnull (acceptance);
  g_assert_cmpint (acceptance->id, ==, acceptance_id);
  g_assert_cmpstr (acceptance->result, ==, "accepted");
  g_assert_cmpstr (acceptance->accepted_on, ==, "2026-06-27");
  g_assert_null (acceptance->reported_on);
  g_assert_cmpuint (g_strv_length (acceptance->team), ==, 2);
  g_assert_cmpstr (acceptance->team[0], ==, "张三");
  g_assert_cmpstr (acceptance->team[1], ==, "李四");
  g_assert_nonnull (strstr (acceptance->checks, "{\"check\":\"income\",\"passed\":true,"));
  g_assert_nonnull (strstr (acceptance->checks, "{\"check\":\"labour\",\"passed\":true,"));
  g_assert_cmpint (count (f, "SELECT json_array_length(checks) FROM exit_acceptances WHERE "
                             "result = 'accepted'"),
                   ==, BF_N_EXIT_CHECKS);

  /* County approval needs the report to the county and a document number. */
  snapshot (f, &before);
  g_assert_false (bf_store_exit_approve (f->store, f->household, "2026-06-29", " ", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_exit_approve (f->store, f->household, "2026-06-29", "县文12号", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (
    bf_store_exit_acceptance_set_reported (f->store, acceptance_id, "2026-06-26", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_exit_acceptance_set_reported (f->store, 999, "2026-06-28", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_unchanged (f, &before);
  g_assert_true (
    bf_store_exit_acceptance_set_reported (f->store, acceptance_id, "2026-06-28", &error));
  g_assert_no_error (error);
  g_assert_false (bf_store_exit_approve (f->store, f->household, "2026-06-27", "县文12号", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_exit_approve (f->store, f->other, "2026-06-29", "县文12号", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_true (
    bf_store_exit_approve (f->store, f->household, "2026-06-29", " 县文12号 ", &error));
  g_assert_no_error (error);
  assert_status (f, f->household, "exited");
  g_assert_cmpint (count (f, "SELECT count(*) FROM reviews WHERE level = 'county' AND purpose = "
                             "'exit' AND document_number = '县文12号' AND reviewer = '测试县'"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workflow_events WHERE action = 'approve_exit' "
                             "AND document_number = '县文12号' AND ref_kind = 'review'"),
                   ==, 1);
  adjustments = bf_store_adjustments_list (f->store, "2026Q2", 0, "exit", &error);
  g_assert_cmpuint (adjustments->len, ==, 1);
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (adjustments, 0))->document_number, ==,
                   "县文12号");

  /* Follow-up for the configured years, with the last visit. */
  follow = bf_store_follow_up_list (f->store, 0, 5, &error);
  g_assert_cmpuint (follow->len, ==, 1);
  row = g_ptr_array_index (follow, 0);
  g_assert_cmpint (row->household_id, ==, f->household);
  g_assert_cmpstr (row->exited_on, ==, "2026-06-29");
  g_assert_null (row->last_visit_on);
  g_assert_cmpint (row->per_capita_fen, ==, 550000);
  g_assert_cmpstr (row->assessment_result, ==, "near");
  g_clear_pointer (&follow, g_ptr_array_unref);
  bf_test_exit_visit (f->store, f->household, "2026-06-30", "satisfied");
  follow = bf_store_follow_up_list (f->store, 1, 5, &error);
  g_assert_cmpstr (((BfCaseRow *) g_ptr_array_index (follow, 0))->last_visit_on, ==, "2026-06-30");
  g_clear_pointer (&follow, g_ptr_array_unref);
  follow = bf_store_follow_up_list (f->store, 2, 5, &error);
  g_assert_cmpuint (follow->len, ==, 0);
  g_clear_pointer (&follow, g_ptr_array_unref);
  follow = bf_store_follow_up_list (f->store, 0, 0, &error);
  g_assert_cmpuint (follow->len, ==, 0);

  /* 返贫: back into identification, history kept. */
  events = count (f, "SELECT count(*) FROM workflow_events");
  {
    BfAdjustmentSpec spec = { f->other, "returned", NULL, NULL, "因病返贫" };

    snapshot (f, &before);
    g_assert_cmpint (bf_store_adjustment_record (f->store, &spec, &error), ==, 0);
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
    g_clear_error (&error);
    assert_unchanged (f, &before);
  }
  {
    BfAdjustmentSpec spec = { f->household, "returned",         NULL,
                              "2026-06-30", "户主患大病，返贫", "乡镇审核" };
    gint64 id = bf_store_adjustment_record (f->store, &spec, &error);

    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
  }
  assert_status (f, f->household, "surveyed");
  g_assert_cmpint (count (f, "SELECT count(*) FROM workflow_events"), ==, events + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workflow_events WHERE ref_kind = 'adjustment' "
                             "AND ((action = 'return_to_poverty' AND to_status = 'returned') OR "
                             "(action = 'reidentify' AND from_status = 'returned' AND to_status = "
                             "'surveyed'))"),
                   ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workflow_events WHERE action = 'approve_exit'"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM exit_acceptances"), ==, 2);
  g_clear_pointer (&adjustments, g_ptr_array_unref);
  adjustments = bf_store_adjustments_for (f->store, f->household, &error);
  g_assert_cmpuint (adjustments->len, ==, 2);
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (adjustments, 0))->kind, ==, "returned");
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (adjustments, 1))->kind, ==, "exit");
  (void) notice;
}

static gint64
record (Fixture *f, const BfAdjustmentSpec *spec)
{
  g_autoptr (GError) error = NULL;
  gint64 id = bf_store_adjustment_record (f->store, spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_adjustments (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (BfMember) baby = bf_member_new ();
  g_autoptr (BfMember) stranger = bf_member_new ();
  g_autoptr (BfHousehold) household = NULL;
  g_autofree char *baby_id = bf_test_id_number ("20260501", 31);
  g_autofree char *other_head = bf_test_id_number ("19700315", 23);
  gint64 child_id = 0, baby_member = 0;
  Snapshot before;

  baby->name = g_strdup ("张小宝");
  baby->relation = g_strdup ("son");
  baby->id_number = g_strdup (baby_id);
  stranger->name = g_strdup ("李小河");
  stranger->relation = g_strdup ("other");
  stranger->id_number = g_strdup (other_head);

  {
    BfAdjustmentSpec spec = { f->household, "natural", "birth", "2026-05-20",
                              "新生儿",     "村委会",  NULL,    baby };

    record (f, &spec);
  }
  household = bf_store_household_get (f->store, f->household, &error);
  g_assert_cmpuint (household->members->len, ==, 3);
  for (guint i = 0; i < household->members->len; i++)
    {
      BfMember *m = g_ptr_array_index (household->members, i);

      if (g_strcmp0 (m->name, "小孩") == 0)
        child_id = m->id;
      if (g_strcmp0 (m->name, "张小宝") == 0)
        baby_member = m->id;
    }
  g_assert_cmpint (child_id, >, 0);
  g_assert_cmpint (baby_member, >, 0);
  g_assert_cmpint (count (f, "SELECT member_count FROM households WHERE number = '001-00001'"), ==,
                   3);
  /* the survey's income is now shared by three */
  g_assert_cmpint (count (f, "SELECT per_capita_fen FROM households WHERE number = '001-00001'"),
                   ==, 400000);

  /* Refused, nothing written. */
  snapshot (f, &before);
  {
    BfMember *head = g_ptr_array_index (household->members, 0);
    BfAdjustmentSpec cases[] = {
      { f->household, "natural", "death", NULL, "去世" },
      { f->household, "natural", "death", NULL, "去世", NULL, NULL, NULL, head->id },
      { f->household, "natural", "death", NULL, "去世", NULL, NULL, NULL, 999999 },
      { f->household, "natural", "marriage", NULL, "婚嫁" },
      { f->household, "natural", "moving", NULL, "迁入", NULL, NULL, stranger },
      { f->household, "natural", "moving", NULL, "迁入", NULL, NULL, baby, child_id },
      { f->household, "natural", "aging", NULL, "变老" },
      { f->household, "bogus", NULL, NULL, "原因" },
      { f->household, "change", "birth", NULL, "原因" },
      { f->household, "change", NULL, NULL, "  " },
      { f->household, "change", NULL, "2026-07-01", "原因" },
      { f->household, "exit", NULL, NULL, "原因" },
      { f->other, "new", NULL, NULL, "原因" },
      { 999, "change", NULL, NULL, "原因" },
    };
    const int codes[] = {
      BF_STORE_ERROR_INVALID, BF_STORE_ERROR_INVALID,          BF_STORE_ERROR_NOT_FOUND,
      BF_STORE_ERROR_INVALID, BF_STORE_ERROR_DUPLICATE_PERSON, BF_STORE_ERROR_INVALID,
      BF_STORE_ERROR_INVALID, BF_STORE_ERROR_INVALID,          BF_STORE_ERROR_INVALID,
      BF_STORE_ERROR_INVALID, BF_STORE_ERROR_INVALID,          BF_STORE_ERROR_REFUSED,
      BF_STORE_ERROR_REFUSED, BF_STORE_ERROR_NOT_FOUND,
    };

    for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_test_message ("case %" G_GSIZE_FORMAT, i);
        g_assert_cmpint (bf_store_adjustment_record (f->store, &cases[i], &error), ==, 0);
        g_assert_error (error, BF_STORE_ERROR, codes[i]);
        g_clear_error (&error);
      }
  }
  assert_unchanged (f, &before);

  {
    BfAdjustmentSpec spec = { f->household, "natural", "death", "2026-06-01", "病故",
                              NULL,         NULL,      NULL,    baby_member };

    record (f, &spec);
  }
  g_assert_cmpint (count (f, "SELECT member_count FROM households WHERE number = '001-00001'"), ==,
                   2);
  {
    BfAdjustmentSpec change = { f->household, "change", NULL, "2026-04-02", "电话变更" };
    BfAdjustmentSpec correction = { f->household,   "correction", NULL,     "2026-03-03",
                                    "收入核实有误", "县级审批",   "县文1号" };
    BfAdjustmentSpec identified = { f->household, "new", NULL, "2025-06-01", "新识别" };

    record (f, &change);
    record (f, &correction);
    record (f, &identified);
  }

  list = bf_store_adjustments_list (f->store, "2026Q2", 1, NULL, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (list, 0))->kind, ==, "change");
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (list, 1))->subkind, ==, "birth");
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (list, 1))->approval, ==, "村委会");
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (list, 2))->subkind, ==, "death");
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (list, 2))->head_name, ==, "张大山");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bf_store_adjustments_list (f->store, "2026", 0, "natural", &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bf_store_adjustments_list (f->store, "2026Q1", 0, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BfAdjustment *) g_ptr_array_index (list, 0))->document_number, ==, "县文1号");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bf_store_adjustments_list (f->store, "2026Q2", 2, NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_null (bf_store_adjustments_list (f->store, "2026Q2", 0, "bogus", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bf_store_adjustments_list (f->store, "Q2", 0, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-exit/facts", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_facts,
              fixture_tear_down);
  g_test_add ("/store-exit/exception", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_exception,
              fixture_tear_down);
  g_test_add ("/store-exit/path", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_exit_path,
              fixture_tear_down);
  g_test_add ("/store-exit/adjustments", Fixture, GINT_TO_POINTER (0), fixture_set_up,
              test_adjustments, fixture_tear_down);
  return g_test_run ();
}
