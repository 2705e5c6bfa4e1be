/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "bf-store-private.h"
#include "bf-test-exit.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

/* A small register whose figures for 2026Q3 are worked out by hand below. */
typedef struct
{
  char *dir;
  BfStore *store;
  gint64 h[7]; /* h[1]..h[4] in 村1, h[5], h[6] in 村2 */
} Fixture;

static void sql (Fixture *f, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
sql (Fixture *f, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  bf_test_exec (f->store, text);
}

static void
event (Fixture *f, int i, const char *action, const char *from, const char *to, const char *on)
{
  sql (f,
       "INSERT INTO workflow_events (uuid, household_id, action, from_status, to_status, "
       "event_date, operator, created_at, updated_at) VALUES ('ev-%d-%s', %" G_GINT64_FORMAT
       ", '%s', '%s', '%s', '%s', 'x', 'now', 'now')",
       i, action, f->h[i], action, from, to, on);
}

static void
objection (Fixture *f, int i, const char *kind, const char *decided_on)
{
  sql (f,
       "INSERT INTO notices (uuid, kind, village_id, title, starts_on, ends_on, state, "
       "created_at, updated_at) VALUES ('n-%d-%s', '%s', 1, 't', '2024-01-01', '2024-01-07', "
       "'closed', 'now', 'now')",
       i, kind, kind);
  sql (f,
       "INSERT INTO objections (uuid, notice_id, household_id, received_on, content, result, "
       "decided_on, created_at, updated_at) VALUES ('o-%d', (SELECT id FROM notices WHERE uuid = "
       "'n-%d-%s'), %" G_GINT64_FORMAT ", '%s', '不符合', 'upheld', '%s', 'now', 'now')",
       i, i, kind, f->h[i], decided_on, decided_on);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const gint64 villages[7] = { 0, 1, 1, 1, 1, 2, 2 };
  const char *approved[7] = { NULL,         "2025-01-10", "2025-01-10", "2026-10-01",
                              "2024-05-05", "2025-03-03", NULL };

  g_setenv ("BANGFU_TODAY", "2026-10-15", TRUE);
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "i.bangfu", 2);
  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *number = g_strdup_printf ("00%" G_GINT64_FORMAT "-0000%d", villages[i], i);

      f->h[i] =
        bf_test_exit_household (f->store, villages[i], number, number, 40 + i, 500000, TRUE, FALSE);
      if (approved[i] != NULL)
        bf_test_exit_register (f->store, f->h[i], approved[i]);
    }

  /* accuracy: h2 corrected in the quarter, h4 had an objection upheld on its identification;
   * h5's upheld objection was on an exit notice, which says nothing about identification */
  sql (f,
       "INSERT INTO adjustments (uuid, household_id, kind, adjusted_on, reason, created_at, "
       "updated_at) VALUES ('adj', %" G_GINT64_FORMAT ", 'correction', '2026-08-01', '错评', "
       "'now', 'now')",
       f->h[2]);
  objection (f, 4, "village_identification", "2024-04-20");
  objection (f, 5, "exit", "2024-04-20");
  /* h3 was approved after the quarter: at its end it was still being identified; h4 was in the
   * exit steps then and exited after */
  event (f, 3, "county_approve", "township_notice", "registered", "2026-10-01");
  event (f, 4, "county_approve", "township_notice", "registered", "2024-05-05");
  event (f, 4, "accept_exit", "exit_notice", "exit_accepted", "2026-09-01");
  event (f, 4, "approve_exit", "exit_accepted", "exited", "2026-10-05");
  sql (f, "UPDATE households SET status = 'exited' WHERE id = %" G_GINT64_FORMAT, f->h[4]);

  /* measures due in the quarter */
  bf_test_exit_measure (f->store, f->h[1], "completed", "2026-07-15", "2026-07-10");
  bf_test_exit_measure (f->store, f->h[1], "completed", "2026-08-15", "2026-08-20");
  bf_test_exit_measure (f->store, f->h[2], "in_progress", "2026-09-30", NULL);
  bf_test_exit_measure (f->store, f->h[5], "completed", "2026-08-01", "2026-08-01");
  bf_test_exit_measure (f->store, f->h[5], "cancelled", "2026-09-01", NULL);
  bf_test_exit_measure (f->store, f->h[4], "planned", "2026-06-30", NULL);

  /* assessments */
  bf_test_exit_assessment (f->store, f->h[1], "2026Q1", "2026-04-10", 500000, 460000);
  bf_test_exit_assessment (f->store, f->h[1], "2026Q2", "2026-07-10", 560000, 460000);
  bf_test_exit_assessment (f->store, f->h[1], "2026Q4", "2026-10-12", 900000, 460000);
  bf_test_exit_assessment (f->store, f->h[2], "2026Q2", "2026-07-10", 400000, 460000);
  bf_test_exit_assessment (f->store, f->h[3], "2026Q3", "2026-10-02", 800000, 460000);
  bf_test_exit_assessment (f->store, f->h[4], "2026Q2", "2026-07-10", 520000, 460000);
  bf_test_exit_assessment (f->store, f->h[4], "2026Q3", "2026-10-02", 500000, 460000);
  bf_test_exit_assessment (f->store, f->h[5], "2025", "2026-01-15", 400000, 470000);
  bf_test_exit_assessment (f->store, f->h[5], "2026Q3", "2026-10-02", 600000, 460000);
  bf_test_exit_assessment (f->store, f->h[6], "2026Q3", "2026-10-02", 300000, 460000);

  /* visits */
  bf_test_exit_visit (f->store, f->h[1], "2026-07-05", "satisfied");
  bf_test_exit_visit (f->store, f->h[1], "2026-08-05", "dissatisfied");
  bf_test_exit_visit (f->store, f->h[2], "2026-09-30", "fairly");
  bf_test_exit_visit (f->store, f->h[2], "2026-07-10", NULL);
  bf_test_exit_visit (f->store, f->h[5], "2026-06-30", "dissatisfied");
  bf_test_exit_visit (f->store, f->h[5], "2026-08-08", "satisfied");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_true (bf_store_close (f->store, NULL));
  g_clear_object (&f->store);
  bf_test_tmpdir_free (g_steal_pointer (&f->dir));
}

/* Asserts a figure; @behind and @short_of list household indexes (1–6), ending with 0. */
static void
assert_figure (Fixture *f,
               const BfIndicatorSet *set,
               BfIndicatorId id,
               gint64 numerator,
               gint64 denominator,
               double value,
               const int *behind,
               const int *short_of)
{
  const BfIndicator *ind = &set->indicators[id];
  guint n;

  g_assert_cmpint (ind->id, ==, id);
  g_assert_cmpint (ind->numerator, ==, numerator);
  g_assert_cmpint (ind->denominator, ==, denominator);
  g_assert_cmpfloat_with_epsilon (ind->value, value, 1e-9);
  for (n = 0; behind[n] != 0; n++)
    g_assert_cmpint (g_array_index (ind->households, gint64, n), ==, f->h[behind[n]]);
  g_assert_cmpuint (ind->households->len, ==, n);
  for (n = 0; short_of[n] != 0; n++)
    g_assert_cmpint (g_array_index (ind->short_of, gint64, n), ==, f->h[short_of[n]]);
  g_assert_cmpuint (ind->short_of->len, ==, n);
}

#define IDS(...) ((const int[]){ __VA_ARGS__, 0 })

static void
assert_township (Fixture *f, const BfIndicatorSet *s)
{
  g_assert_cmpint (s->village_id, ==, 0);
  g_assert_null (s->village_name);
  assert_figure (f, s, BF_INDICATOR_ACCURACY, 2, 4, 0.5, IDS (1, 2, 4, 5), IDS (2, 4));
  assert_figure (f, s, BF_INDICATOR_MEASURES, 2, 4, 0.5, IDS (1, 2, 5), IDS (1, 2));
  assert_figure (f, s, BF_INDICATOR_INCOME_GROWTH, 2, 3, 60000, IDS (1, 4, 5), IDS (4));
  assert_figure (f, s, BF_INDICATOR_ABOVE_LINE, 3, 4, 0.75, IDS (1, 2, 4, 5), IDS (2));
  assert_figure (f, s, BF_INDICATOR_SATISFACTION, 3, 4, 0.75, IDS (1, 2, 5), IDS (1));
}

static void
assert_village_2 (Fixture *f, const BfIndicatorSet *s)
{
  g_assert_cmpint (s->village_id, ==, 2);
  g_assert_cmpstr (s->village_name, ==, "村2");
  assert_figure (f, s, BF_INDICATOR_ACCURACY, 1, 1, 1.0, IDS (5), IDS (0));
  assert_figure (f, s, BF_INDICATOR_MEASURES, 1, 1, 1.0, IDS (5), IDS (0));
  assert_figure (f, s, BF_INDICATOR_INCOME_GROWTH, 1, 1, 200000, IDS (5), IDS (0));
  assert_figure (f, s, BF_INDICATOR_ABOVE_LINE, 1, 1, 1.0, IDS (5), IDS (0));
  assert_figure (f, s, BF_INDICATOR_SATISFACTION, 1, 1, 1.0, IDS (5), IDS (0));
}

static void
test_township (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfIndicatorReport) report = bf_store_indicators (f->store, "2026q3", 0, &error);
  const BfIndicatorSet *v1;

  g_assert_no_error (error);
  g_assert_cmpstr (report->period, ==, "2026Q3");
  g_assert_cmpint (report->village_id, ==, 0);
  assert_township (f, report->scope);
  g_assert_cmpuint (report->villages->len, ==, 2);
  v1 = g_ptr_array_index (report->villages, 0);
  g_assert_cmpstr (v1->village_name, ==, "村1");
  assert_figure (f, v1, BF_INDICATOR_ACCURACY, 1, 3, 1.0 / 3, IDS (1, 2, 4), IDS (2, 4));
  assert_figure (f, v1, BF_INDICATOR_MEASURES, 1, 3, 1.0 / 3, IDS (1, 2), IDS (1, 2));
  assert_figure (f, v1, BF_INDICATOR_INCOME_GROWTH, 1, 2, 20000, IDS (1, 4), IDS (4));
  assert_figure (f, v1, BF_INDICATOR_ABOVE_LINE, 2, 3, 2.0 / 3, IDS (1, 2, 4), IDS (2));
  assert_figure (f, v1, BF_INDICATOR_SATISFACTION, 2, 3, 2.0 / 3, IDS (1, 2), IDS (1));
  assert_village_2 (f, g_ptr_array_index (report->villages, 1));
}

static void
test_village (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfIndicatorReport) report = bf_store_indicators (f->store, "2026Q3", 2, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->village_id, ==, 2);
  g_assert_cmpuint (report->villages->len, ==, 1);
  assert_village_2 (f, report->scope);
  assert_village_2 (f, g_ptr_array_index (report->villages, 0));
}

/* A year reaches further: h1's Q4 assessment, h3 approved in October. */
static void
test_year (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfIndicatorReport) report = bf_store_indicators (f->store, "2026", 0, &error);
  const BfIndicatorSet *s = report->scope;

  g_assert_no_error (error);
  assert_figure (f, s, BF_INDICATOR_ACCURACY, 3, 5, 0.6, IDS (1, 2, 3, 4, 5), IDS (2, 4));
  /* h4 has exited by the year's end: h1 +340,000 and h5 +200,000 remain */
  assert_figure (f, s, BF_INDICATOR_INCOME_GROWTH, 2, 2, 270000, IDS (1, 5), IDS (0));
  assert_figure (f, s, BF_INDICATOR_ABOVE_LINE, 3, 4, 0.75, IDS (1, 2, 3, 5), IDS (2));
  assert_figure (f, s, BF_INDICATOR_MEASURES, 2, 5, 0.4, IDS (1, 2, 4, 5), IDS (1, 2, 4));
}

static void
test_empty_and_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfIndicatorReport) report = bf_store_indicators (f->store, "2020Q1", 0, &error);

  g_assert_no_error (error);
  for (int i = 0; i < BF_N_INDICATORS; i++)
    {
      g_assert_cmpint (report->scope->indicators[i].denominator, ==, 0);
      g_assert_true (isnan (report->scope->indicators[i].value));
    }
  g_assert_null (bf_store_indicators (f->store, "2026Q9", 0, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bf_store_indicators (f->store, "2026Q3", 42, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
}

/* The households behind a figure come back as rows, in the order asked. */
static void
test_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 ids[] = { f->h[5], 999, f->h[1] };
  g_autoptr (GPtrArray) rows = bf_store_case_rows (f->store, ids, G_N_ELEMENTS (ids), &error);
  const BfCaseRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->household_id, ==, f->h[5]);
  g_assert_cmpstr (row->village_name, ==, "村2");
  g_assert_cmpstr (row->last_visit_on, ==, "2026-08-08");
  g_assert_cmpint (row->per_capita_fen, ==, 600000);
  g_assert_cmpstr (row->assessment_result, ==, "near");
  g_assert_cmpint (row->member_count, ==, 1);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->household_id, ==, f->h[1]);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = bf_store_case_rows (f->store, NULL, 0, &error);
  g_assert_cmpuint (rows->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-indicators/township", Fixture, NULL, fixture_set_up, test_township,
              fixture_tear_down);
  g_test_add ("/store-indicators/village", Fixture, NULL, fixture_set_up, test_village,
              fixture_tear_down);
  g_test_add ("/store-indicators/year", Fixture, NULL, fixture_set_up, test_year,
              fixture_tear_down);
  g_test_add ("/store-indicators/empty-refused", Fixture, NULL, fixture_set_up,
              test_empty_and_refused, fixture_tear_down);
  g_test_add ("/store-indicators/rows", Fixture, NULL, fixture_set_up, test_rows,
              fixture_tear_down);
  return g_test_run ();
}
