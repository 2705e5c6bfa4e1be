/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bf-store-audit.h"
#include "bf-store-check.h"
#include "bf-store-household.h"
#include "bf-store-private.h"
#include "bf-test-exit.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfStore *store;
  gint64 a, b, c, d, e, f;
} Fixture;

static gint64
save (BfStore *store, gint64 village, const char *number, guint seq, gint64 wage, gboolean two)
{
  return bf_test_exit_household (store, village, number, number, seq, wage, TRUE, two);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *f_id = bf_test_id_number ("19800808", 7);

  g_setenv ("BANGFU_TODAY", "2026-06-30", TRUE);
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "a.bangfu", 2);
  g_assert_true (bf_store_poverty_line_set (f->store, 2026, 460000, 780000, "省定", &error));
  g_assert_no_error (error);
  /* per person: A 4,000 (below), B 10,000 (near), C 15,000 (above), D 5,000 (near, village 2) */
  f->a = save (f->store, 1, "001-00001", 11, 400000, FALSE);
  f->b = save (f->store, 1, "001-00002", 13, 1000000, FALSE);
  f->c = save (f->store, 1, "001-00003", 15, 3000000, TRUE);
  f->d = save (f->store, 2, "002-00001", 17, 500000, FALSE);
  f->e = save (f->store, 1, "001-00004", 19, 100000, FALSE);            /* still being identified */
  f->f = bf_test_add_household (f->store, "001-00005", "无调查", f_id); /* no survey */
  bf_test_exit_register (f->store, f->a, "2025-01-10");
  bf_test_exit_register (f->store, f->b, "2025-01-10");
  bf_test_exit_register (f->store, f->c, "2025-01-10");
  bf_test_exit_register (f->store, f->d, "2025-01-10");
  bf_test_exit_register (f->store, f->f, "2025-01-10");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_assert_true (bf_store_check (f->store, &problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (bf_store_audit_verify (f->store, NULL, NULL));
  g_assert_true (bf_store_close (f->store, NULL));
  g_clear_object (&f->store);
  bf_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static void
assess (Fixture *f,
        const char *period,
        gint64 village,
        const char *on,
        const BfAssessmentSummary *expected)
{
  g_autoptr (GError) error = NULL;
  BfAssessmentSummary summary;

  g_assert_true (
    bf_store_assess (f->store, period, village, on, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.assessed, ==, expected->assessed);
  g_assert_cmpuint (summary.below, ==, expected->below);
  g_assert_cmpuint (summary.near, ==, expected->near);
  g_assert_cmpuint (summary.above, ==, expected->above);
  g_assert_cmpuint (summary.skipped, ==, expected->skipped);
}

static void
set_wage (Fixture *f, gint64 id, gint64 wage)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHousehold) household = bf_store_household_get (f->store, id, &error);

  g_assert_no_error (error);
  household->survey->wage_fen = wage;
  g_assert_true (bf_store_household_save (f->store, household, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list (Fixture *f,
      const char *period,
      gint64 village,
      const char *result,
      const char *text,
      gboolean falling)
{
  g_autoptr (GError) error = NULL;
  BfAssessmentQuery query = { period, village, result, text, falling };
  GPtrArray *rows = bf_store_assessment_list (f->store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
assert_numbers (GPtrArray *rows, const char *const *numbers)
{
  guint n = g_strv_length ((char **) numbers);

  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (((BfAssessment *) g_ptr_array_index (rows, i))->number, ==, numbers[i]);
}

static void
progress_cb (guint done, guint total, gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, <=, total);
  *last = done;
}

static void
test_assess (Fixture *f, gconstpointer data)
{
  const BfAssessmentSummary q1 = { 4, 1, 2, 1, 1 };
  const BfAssessmentSummary q2 = { 4, 0, 4, 0, 1 };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  const BfAssessment *a;
  BfAssessmentSummary summary;
  guint last = 0;
  gint64 audit;

  assess (f, "2026Q1", 0, "2026-04-10", &q1);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM assessments WHERE "
                                                "change_fen IS NULL AND period = '2026Q1'"),
                   ==, 4);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE entity = "
                                                "'assessments' AND action = 'create'"),
                   ==, 4);

  /* A earns more, C less: the second quarter shows the changes. */
  set_wage (f, f->a, 500000);
  set_wage (f, f->c, 2000000);
  assess (f, "2026Q2", 0, NULL, &q2);
  rows = list (f, "2026Q2", 0, NULL, NULL, FALSE);
  {
    const char *numbers[] = { "001-00001", "002-00001", "001-00002", "001-00003", NULL };

    assert_numbers (rows, numbers);
  }
  a = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (a->assessed_on, ==, "2026-06-30");
  g_assert_cmpint (a->per_capita_fen, ==, 500000);
  g_assert_cmpint (a->poverty_line_fen, ==, 460000);
  g_assert_cmpint (a->monitoring_line_fen, ==, 780000);
  g_assert_cmpstr (a->result, ==, "near");
  g_assert_true (a->has_change);
  g_assert_cmpint (a->change_fen, ==, 100000);
  g_assert_cmpstr (a->village_name, ==, "村1");
  g_assert_cmpstr (a->status, ==, "registered");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = list (f, "2026Q2", 0, NULL, NULL, TRUE);
  {
    const char *numbers[] = { "001-00003", NULL };

    assert_numbers (rows, numbers);
    g_assert_cmpint (((BfAssessment *) g_ptr_array_index (rows, 0))->change_fen, ==, -500000);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (f, "2026Q1", 0, "above", NULL, FALSE);
  {
    const char *numbers[] = { "001-00003", NULL };

    assert_numbers (rows, numbers);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (f, "2026Q1", 0, "below", NULL, FALSE);
  {
    const char *numbers[] = { "001-00001", NULL };

    assert_numbers (rows, numbers);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (f, "2026q2", 2, NULL, NULL, FALSE);
  {
    const char *numbers[] = { "002-00001", NULL };

    assert_numbers (rows, numbers);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (f, "2026Q2", 0, NULL, " 00002 ", FALSE);
  {
    const char *numbers[] = { "001-00002", NULL };

    assert_numbers (rows, numbers);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Running a period again replaces its records: one per household, audited as updates. */
  audit = bf_test_exit_audit_count (f->store);
  g_assert_true (
    bf_store_assess (f->store, "2026Q2", 0, NULL, progress_cb, &last, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 5);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM assessments WHERE period = "
                                                "'2026Q2' AND deleted_at IS NULL"),
                   ==, 4);
  g_assert_cmpint (bf_test_exit_audit_count (f->store), ==, audit + 4);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE entity = "
                                                "'assessments' AND action = 'update'"),
                   ==, 4);

  /* One village only. */
  {
    const BfAssessmentSummary v2 = { 1, 0, 1, 0, 0 };

    assess (f, "2026", 2, NULL, &v2);
  }

  history = bf_store_assessments_for (f->store, f->d, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((BfAssessment *) g_ptr_array_index (history, 0))->period, ==, "2026");
  g_assert_cmpstr (((BfAssessment *) g_ptr_array_index (history, 2))->period, ==, "2026Q1");
}

/* Bad input: a clear error and nothing written. */
static void
test_assess_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  gint64 audit = bf_test_exit_audit_count (f->store);
  const struct
  {
    const char *period;
    gint64 village;
    const char *on;
    int code;
    const char *fragment;
  } cases[] = {
    { "2026Q5", 0, NULL, BF_STORE_ERROR_INVALID, "2026Q5" },
    { NULL, 0, NULL, BF_STORE_ERROR_INVALID, "period" },
    { "2030", 0, NULL, BF_STORE_ERROR_NOT_FOUND, "2030" },
    { "2026Q2", 0, "2026-07-01", BF_STORE_ERROR_INVALID, "future" },
    { "2026Q2", 0, "2026-02-30", BF_STORE_ERROR_INVALID, "2026-02-30" },
    { "2026Q2", 99, NULL, BF_STORE_ERROR_NOT_FOUND, "village" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (bf_store_assess (f->store, cases[i].period, cases[i].village, cases[i].on,
                                       NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, BF_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }

  {
    g_autoptr (GError) error = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_false (
      bf_store_assess (f->store, "2026Q2", 0, NULL, NULL, NULL, cancellable, NULL, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED);
  }
  {
    g_autoptr (GError) error = NULL;
    BfAssessmentQuery query = { "2026Q2", 0, "middling" };

    g_assert_null (bf_store_assessment_list (f->store, &query, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  }
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM assessments"), ==, 0);
  g_assert_cmpint (bf_test_exit_audit_count (f->store), ==, audit);
}

static void
assert_years (BfStore *store, const int *years)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = bf_store_poverty_lines_list (store, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (; years[n] != 0; n++)
    g_assert_cmpint (((BfPovertyLine *) g_ptr_array_index (lines, n))->year, ==, years[n]);
  g_assert_cmpuint (lines->len, ==, n);
}

static void
test_lines (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  const BfPovertyLine *line;
  gint64 poverty = 0, monitoring = 0, audit;

  {
    const int years[] = { 2026, 2025, 2024, 2015, 0 };

    assert_years (f->store, years);
  }
  lines = bf_store_poverty_lines_list (f->store, &error);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpint (line->poverty_line_fen, ==, 460000);
  g_assert_cmpint (line->monitoring_line_fen, ==, 780000);
  g_assert_cmpstr (line->note, ==, "省定");
  g_assert_nonnull (line->uuid);
  line = g_ptr_array_index (lines, 3);
  g_assert_cmpint (line->poverty_line_fen, ==, 285500);

  audit = bf_test_exit_audit_count (f->store);
  g_assert_true (bf_store_poverty_line_delete (f->store, 2024, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bf_test_exit_audit_count (f->store), ==, audit + 1);
  {
    const int years[] = { 2026, 2025, 2015, 0 };

    assert_years (f->store, years);
  }
  g_assert_false (bf_store_poverty_line_get (f->store, 2024, &poverty, &monitoring, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Deleting again: not found, nothing written. */
  g_assert_false (bf_store_poverty_line_delete (f->store, 2024, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (bf_test_exit_audit_count (f->store), ==, audit + 1);

  /* Set again: back in the table. */
  g_assert_true (bf_store_poverty_line_set (f->store, 2024, 450000, 700000, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_poverty_line_get (f->store, 2024, &poverty, &monitoring, &error));
  g_assert_cmpint (monitoring, ==, 700000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-assessment/assess", Fixture, NULL, fixture_set_up, test_assess,
              fixture_tear_down);
  g_test_add ("/store-assessment/refused", Fixture, NULL, fixture_set_up, test_assess_refused,
              fixture_tear_down);
  g_test_add ("/store-assessment/lines", Fixture, NULL, fixture_set_up, test_lines,
              fixture_tear_down);
  return g_test_run ();
}
