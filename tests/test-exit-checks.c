/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-exit-checks.h"

/* A household that meets every condition: 3,200.00 yuan against a 2,855.00 line for 8 months. */
static void
passing_facts (BfExitFacts *facts)
{
  *facts = (BfExitFacts){
    .per_capita_fen = 320000,
    .poverty_line_fen = 285500,
    .months_above_line = 8,
    .secured = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE },
    .measures_completed = 2,
    .months_monitored = 12,
    .members_with_labour = 2,
    .labour_exception = FALSE,
  };
}

/* Runs the checks on @facts, which differ from passing_facts() in check @id only: asserts that
 * @id has @passed and @reason, and every other check passes. */
static void
assert_checks (const BfExitFacts *facts, BfExitCheckId id, gboolean passed, const char *reason)
{
  BfExitCheck checks[BF_N_EXIT_CHECKS];
  gboolean all = bf_exit_checks_run (facts, checks);

  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      g_assert_cmpint (checks[i].id, ==, i);
      g_assert_nonnull (checks[i].reason);
      g_assert_cmpstr (checks[i].reason, !=, "");
      if (i != (int) id)
        g_assert_true (checks[i].passed);
    }
  g_assert_cmpint (checks[id].passed, ==, passed);
  g_assert_cmpint (all, ==, passed);
  g_assert_cmpstr (checks[id].reason, ==, reason);
  bf_exit_checks_clear (checks);
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    g_assert_null (checks[i].reason);
}

/* The figures a case changes in passing_facts(); the rest stay. */
typedef struct
{
  gint64 per_capita_fen; /* 0: unchanged */
  int months_above_line; /* -1: unchanged, and so on */
  int measures_completed;
  int months_monitored;
  int members_with_labour;
  gboolean labour_exception;
} Change;

#define SAME -1

static const struct
{
  Change change;
  BfExitCheckId id;
  gboolean passed;
  const char *reason;
} cases[] = {
  { { 0, SAME, SAME, SAME, SAME },
    BF_EXIT_CHECK_INCOME,
    TRUE,
    "3,200.00 yuan per person, above 2,855.00 for 8 months." },
  { { 0, 6, SAME, SAME, SAME },
    BF_EXIT_CHECK_INCOME,
    TRUE,
    "3,200.00 yuan per person, above 2,855.00 for 6 months." },
  { { 0, 5, SAME, SAME, SAME },
    BF_EXIT_CHECK_INCOME,
    FALSE,
    "3,200.00 yuan per person, above 2,855.00 for only 5 months; 6 are needed." },
  { { 0, 1, SAME, SAME, SAME },
    BF_EXIT_CHECK_INCOME,
    FALSE,
    "3,200.00 yuan per person, above 2,855.00 for only 1 month; 6 are needed." },
  /* on the line is not above it */
  { { 285500, SAME, SAME, SAME, SAME },
    BF_EXIT_CHECK_INCOME,
    FALSE,
    "2,855.00 yuan per person, not above the poverty line of 2,855.00." },
  { { 285501, SAME, SAME, SAME, SAME },
    BF_EXIT_CHECK_INCOME,
    TRUE,
    "2,855.01 yuan per person, above 2,855.00 for 8 months." },
  { { -123456, SAME, SAME, SAME, SAME },
    BF_EXIT_CHECK_INCOME,
    FALSE,
    "-1,234.56 yuan per person, not above the poverty line of 2,855.00." },

  { { 0, SAME, SAME, SAME, SAME },
    BF_EXIT_CHECK_MEASURE,
    TRUE,
    "2 assistance measures completed." },
  { { 0, SAME, 1, SAME, SAME }, BF_EXIT_CHECK_MEASURE, TRUE, "1 assistance measure completed." },
  { { 0, SAME, 0, SAME, SAME },
    BF_EXIT_CHECK_MEASURE,
    FALSE,
    "No assistance measure has been completed." },

  { { 0, SAME, SAME, SAME, SAME }, BF_EXIT_CHECK_MONITORED, TRUE, "Monitored for 12 months." },
  { { 0, SAME, SAME, 6, SAME }, BF_EXIT_CHECK_MONITORED, TRUE, "Monitored for 6 months." },
  { { 0, SAME, SAME, 5, SAME },
    BF_EXIT_CHECK_MONITORED,
    FALSE,
    "Monitored for 5 months; 6 are needed." },
  { { 0, SAME, SAME, 0, SAME },
    BF_EXIT_CHECK_MONITORED,
    FALSE,
    "Monitored for 0 months; 6 are needed." },

  { { 0, SAME, SAME, SAME, SAME }, BF_EXIT_CHECK_LABOUR, TRUE, "2 members are able to work." },
  { { 0, SAME, SAME, SAME, 1 }, BF_EXIT_CHECK_LABOUR, TRUE, "1 member is able to work." },
  { { 0, SAME, SAME, SAME, 0 },
    BF_EXIT_CHECK_LABOUR,
    FALSE,
    "No member is able to work and no exception is recorded." },
  /* the exception: no labour, but recorded social-security support */
  { { 0, SAME, SAME, SAME, 0, TRUE },
    BF_EXIT_CHECK_LABOUR,
    TRUE,
    "No member is able to work; the recorded exception keeps the household under "
    "social-security support." },
  /* an exception recorded for a household that can work changes nothing */
  { { 0, SAME, SAME, SAME, 1, TRUE }, BF_EXIT_CHECK_LABOUR, TRUE, "1 member is able to work." },
};

static void
apply_change (BfExitFacts *facts, const Change *change)
{
  if (change->per_capita_fen != 0)
    facts->per_capita_fen = change->per_capita_fen;
  if (change->months_above_line != SAME)
    facts->months_above_line = (guint) change->months_above_line;
  if (change->measures_completed != SAME)
    facts->measures_completed = (guint) change->measures_completed;
  if (change->months_monitored != SAME)
    facts->months_monitored = (guint) change->months_monitored;
  if (change->members_with_labour != SAME)
    facts->members_with_labour = (guint) change->members_with_labour;
  facts->labour_exception = change->labour_exception;
}

static void
test_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BfExitFacts facts;

      g_test_message ("%s", cases[i].reason);
      passing_facts (&facts);
      apply_change (&facts, &cases[i].change);
      assert_checks (&facts, cases[i].id, cases[i].passed, cases[i].reason);
    }
}

static void
test_guarantees (void)
{
  BfExitFacts facts;

  passing_facts (&facts);
  assert_checks (&facts, BF_EXIT_CHECK_GUARANTEES, TRUE,
                 "Food, clothing, compulsory education, basic medical care, safe housing and safe "
                 "drinking water are all secured.");

  facts.secured[5] = FALSE;
  assert_checks (&facts, BF_EXIT_CHECK_GUARANTEES, FALSE, "Not secured: safe drinking water.");
  facts.secured[0] = FALSE;
  facts.secured[4] = FALSE;
  assert_checks (&facts, BF_EXIT_CHECK_GUARANTEES, FALSE,
                 "Not secured: food, safe housing, safe drinking water.");

  for (int i = 0; i < 6; i++)
    {
      BfExitCheck checks[BF_N_EXIT_CHECKS];

      passing_facts (&facts);
      facts.secured[i] = FALSE;
      g_assert_false (bf_exit_checks_run (&facts, checks));
      g_assert_false (checks[BF_EXIT_CHECK_GUARANTEES].passed);
      bf_exit_checks_clear (checks);
    }
}

/* A household failing everything reports every check. */
static void
test_all_failing (void)
{
  BfExitFacts facts = { 0 };
  BfExitCheck checks[BF_N_EXIT_CHECKS];

  facts.poverty_line_fen = 285500;
  g_assert_false (bf_exit_checks_run (&facts, checks));
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    g_assert_false (checks[i].passed);
  g_assert_cmpstr (checks[BF_EXIT_CHECK_GUARANTEES].reason, ==,
                   "Not secured: food, clothing, compulsory education, basic medical care, safe "
                   "housing, safe drinking water.");
  bf_exit_checks_clear (checks);
}

static void
test_titles (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      const char *title = bf_exit_check_title (i);

      g_assert_nonnull (title);
      g_assert_true (g_hash_table_add (seen, (gpointer) title));
    }
  g_assert_cmpstr (bf_exit_check_title (BF_EXIT_CHECK_LABOUR), ==, "Labour ability");
}

static void
test_codes (void)
{
  const char *expected[BF_N_EXIT_CHECKS] = { "income", "guarantees", "measure", "monitored",
                                             "labour" };

  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      BfExitCheckId id = BF_N_EXIT_CHECKS;

      g_assert_cmpstr (bf_exit_check_code (i), ==, expected[i]);
      g_assert_true (bf_exit_check_from_code (expected[i], &id));
      g_assert_cmpint (id, ==, i);
      /* only the labour check may be replaced by a recorded exception */
      g_assert_cmpint (bf_exit_check_allows_exception (i), ==, i == BF_EXIT_CHECK_LABOUR);
    }
  g_assert_false (bf_exit_check_from_code ("Income", NULL));
  g_assert_false (bf_exit_check_from_code (NULL, NULL));
}

/* The register's settings may ask for more (or fewer) months than the default six. */
static void
test_configured_months (void)
{
  BfExitFacts facts;

  passing_facts (&facts);
  facts.min_months_above_line = 9;
  assert_checks (&facts, BF_EXIT_CHECK_INCOME, FALSE,
                 "3,200.00 yuan per person, above 2,855.00 for only 8 months; 9 are needed.");
  facts.min_months_above_line = 8;
  assert_checks (&facts, BF_EXIT_CHECK_INCOME, TRUE,
                 "3,200.00 yuan per person, above 2,855.00 for 8 months.");

  passing_facts (&facts);
  facts.min_months_monitored = 12;
  assert_checks (&facts, BF_EXIT_CHECK_MONITORED, TRUE, "Monitored for 12 months.");
  facts.min_months_monitored = 13;
  assert_checks (&facts, BF_EXIT_CHECK_MONITORED, FALSE, "Monitored for 12 months; 13 are needed.");
  facts.months_monitored = 3;
  facts.min_months_monitored = 3;
  assert_checks (&facts, BF_EXIT_CHECK_MONITORED, TRUE, "Monitored for 3 months.");
}

static void
test_months_above_line (void)
{
  const BfIncomePoint points[] = {
    { "2025-01-15", 300000, 285500 }, /* above, but the run breaks after it */
    { "2025-04-10", 280000, 285500 }, /* below */
    { "2025-07-10", 290000, 285500 }, /* the run starts here */
    { "2026-01-15", 470000, 460000 }, { "2026-04-10", 480000, 460000 },
  };
  const BfIncomePoint on_the_line[] = { { "2026-01-15", 460000, 460000 } };
  const BfIncomePoint bad_date[] = { { "2026-13-01", 500000, 460000 },
                                     { "2026-04-10", 500000, 460000 } };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 9, G_DATE_JANUARY, 2027);
  /* 2025-07-10 to 2027-01-09: 17 whole months */
  g_assert_cmpuint (bf_exit_months_above_line (points, G_N_ELEMENTS (points), &today), ==, 17);
  g_date_set_dmy (&today, 10, G_DATE_JANUARY, 2027);
  g_assert_cmpuint (bf_exit_months_above_line (points, G_N_ELEMENTS (points), &today), ==, 18);
  /* the latest below the line: no months */
  g_assert_cmpuint (bf_exit_months_above_line (points, 2, &today), ==, 0);
  /* only the first: 2025-01-15 to 2027-01-10 */
  g_assert_cmpuint (bf_exit_months_above_line (points, 1, &today), ==, 23);
  g_assert_cmpuint (bf_exit_months_above_line (on_the_line, 1, &today), ==, 0);
  g_assert_cmpuint (bf_exit_months_above_line (NULL, 0, &today), ==, 0);
  /* an unreadable date ends the run: counted from the assessment after it */
  g_assert_cmpuint (bf_exit_months_above_line (bad_date, 2, &today), ==, 9);
  /* an assessment dated after today counts no months */
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2026);
  g_assert_cmpuint (bf_exit_months_above_line (&points[4], 1, &today), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exit-checks/cases", test_cases);
  g_test_add_func ("/exit-checks/guarantees", test_guarantees);
  g_test_add_func ("/exit-checks/all-failing", test_all_failing);
  g_test_add_func ("/exit-checks/titles", test_titles);
  g_test_add_func ("/exit-checks/codes", test_codes);
  g_test_add_func ("/exit-checks/configured-months", test_configured_months);
  g_test_add_func ("/exit-checks/months-above-line", test_months_above_line);

  return g_test_run ();
}
