/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "bf-indicators.h"

/* Asserts the counts, the value and the households behind a figure. @households and @short_of
 * end with 0. */
static void
assert_indicator (const BfIndicator *ind,
                  gint64 numerator,
                  gint64 denominator,
                  const gint64 *households,
                  const gint64 *short_of)
{
  guint n = 0;

  g_assert_cmpint (ind->numerator, ==, numerator);
  g_assert_cmpint (ind->denominator, ==, denominator);
  if (denominator == 0)
    g_assert_true (isnan (ind->value));
  else if (ind->id != BF_INDICATOR_INCOME_GROWTH)
    g_assert_cmpfloat_with_epsilon (ind->value, (double) numerator / (double) denominator, 1e-12);

  for (n = 0; households[n] != 0; n++)
    g_assert_cmpint (g_array_index (ind->households, gint64, n), ==, households[n]);
  g_assert_cmpuint (ind->households->len, ==, n);
  for (n = 0; short_of[n] != 0; n++)
    g_assert_cmpint (g_array_index (ind->short_of, gint64, n), ==, short_of[n]);
  g_assert_cmpuint (ind->short_of->len, ==, n);
}

static const gint64 none[] = { 0 };

static void
test_accuracy (void)
{
  const BfAccuracyInput inputs[] = {
    { 1, "2020-03-01", NULL, NULL },         /* accurate */
    { 2, "2026-09-30", NULL, NULL },         /* approved on the last day: counts */
    { 3, "2026-10-01", NULL, NULL },         /* approved after the period */
    { 4, NULL, NULL, NULL },                 /* never approved */
    { 5, "2019-05-05", "2024-01-10", NULL }, /* corrected as wrongly identified */
    { 6, "2019-05-05", NULL, "2019-04-20" }, /* objection upheld (before a later approval) */
    { 7, "2021-01-01", "2027-01-01", NULL }, /* corrected only after the period */
    { 8, "2021-01-01", NULL, "2026-12-01" }, /* objection upheld only after the period */
    { 9, "2022-02-02", "2023-03-03", "2023-03-01" }, /* both: one household short */
  };
  const gint64 households[] = { 1, 2, 5, 6, 7, 8, 9, 0 };
  const gint64 short_of[] = { 5, 6, 9, 0 };
  BfIndicator ind;

  bf_indicator_accuracy (inputs, G_N_ELEMENTS (inputs), "2026-09-30", &ind);
  g_assert_cmpint (ind.id, ==, BF_INDICATOR_ACCURACY);
  assert_indicator (&ind, 4, 7, households, short_of);
  bf_indicator_clear (&ind);

  /* As of an earlier period's end, fewer were approved and one correction had not happened. */
  bf_indicator_accuracy (inputs, G_N_ELEMENTS (inputs), "2020-12-31", &ind);
  {
    const gint64 h[] = { 1, 5, 6, 0 };
    const gint64 s[] = { 6, 0 };

    assert_indicator (&ind, 2, 3, h, s);
  }
  bf_indicator_clear (&ind);

  bf_indicator_accuracy (NULL, 0, "2026-09-30", &ind);
  assert_indicator (&ind, 0, 0, none, none);
  bf_indicator_clear (&ind);
  g_assert_null (ind.households);
}

static void
test_measures (void)
{
  const BfMeasureInput inputs[] = {
    { 10, "2026-07-15", "completed", "2026-07-15" }, /* on the due date: on time */
    { 10, "2026-08-01", "completed", "2026-08-02" }, /* a day late */
    { 11, "2026-09-30", "in_progress", NULL },       /* due on the last day, not done */
    { 12, "2026-07-01", "completed", "2026-06-01" }, /* early */
    { 13, "2026-07-01", "cancelled", NULL },         /* cancelled: not counted */
    { 14, "2026-06-30", "planned", NULL },           /* due before the period */
    { 15, "2026-10-01", "planned", NULL },           /* due after */
    { 16, NULL, "planned", NULL },                   /* no due date */
    { 17, "2026-08-08", "planned", NULL },
    { 12, "2026-09-01", "completed", "2026-08-31" },
  };
  const gint64 households[] = { 10, 11, 12, 17, 0 };
  const gint64 short_of[] = { 10, 11, 17, 0 };
  BfIndicator ind;

  bf_indicator_measures (inputs, G_N_ELEMENTS (inputs), "2026-07-01", "2026-09-30", &ind);
  g_assert_cmpint (ind.id, ==, BF_INDICATOR_MEASURES);
  /* due: 10 ×2, 11, 12 ×2, 17 = 6; on time: 10 once, 12 twice = 3 */
  assert_indicator (&ind, 3, 6, households, short_of);
  g_assert_cmpfloat (ind.value, ==, 0.5);
  bf_indicator_clear (&ind);

  /* A year takes in the measures due before and after the quarter too. */
  bf_indicator_measures (inputs, G_N_ELEMENTS (inputs), "2026-01-01", "2026-12-31", &ind);
  {
    const gint64 h[] = { 10, 11, 12, 14, 15, 17, 0 };
    const gint64 s[] = { 10, 11, 14, 15, 17, 0 };

    assert_indicator (&ind, 3, 8, h, s);
  }
  bf_indicator_clear (&ind);
}

static void
test_income (void)
{
  const BfIncomeInput inputs[] = {
    /* id, under assistance, latest, its line, has previous, previous */
    { 20, TRUE, 500000, 450000, TRUE, 480000 },  /* +20,000: above */
    { 21, TRUE, 450000, 450000, TRUE, 460000 },  /* −10,000: on the line is not above */
    { 22, TRUE, 400000, 450000, TRUE, 370000 },  /* +30,000: below */
    { 23, TRUE, 600000, 450000, FALSE, 0 },      /* one assessment: share only */
    { 24, FALSE, 900000, 450000, TRUE, 100000 }, /* exited: not counted */
    { 25, TRUE, 451000, 450000, TRUE, 451000 },  /* no change: not grown */
  };
  const gint64 growth_h[] = { 20, 21, 22, 25, 0 };
  const gint64 growth_s[] = { 21, 25, 0 };
  const gint64 above_h[] = { 20, 21, 22, 23, 25, 0 };
  const gint64 above_s[] = { 21, 22, 0 };
  BfIndicator growth, above;

  bf_indicator_income (inputs, G_N_ELEMENTS (inputs), &growth, &above);
  g_assert_cmpint (growth.id, ==, BF_INDICATOR_INCOME_GROWTH);
  g_assert_cmpint (above.id, ==, BF_INDICATOR_ABOVE_LINE);
  /* changes −10,000, 0, 20,000, 30,000: median (0 + 20,000) / 2 */
  assert_indicator (&growth, 2, 4, growth_h, growth_s);
  g_assert_cmpfloat (growth.value, ==, 10000.0);
  assert_indicator (&above, 3, 5, above_h, above_s);
  bf_indicator_clear (&growth);
  bf_indicator_clear (&above);

  /* Odd count: the middle value. */
  bf_indicator_income (inputs, 3, &growth, &above);
  g_assert_cmpint (growth.denominator, ==, 3);
  g_assert_cmpfloat (growth.value, ==, 20000.0);
  bf_indicator_clear (&growth);
  bf_indicator_clear (&above);

  /* Nobody under assistance: nothing to measure. */
  bf_indicator_income (&inputs[4], 1, &growth, &above);
  assert_indicator (&growth, 0, 0, none, none);
  assert_indicator (&above, 0, 0, none, none);
  bf_indicator_clear (&growth);
  bf_indicator_clear (&above);
}

static void
test_median (void)
{
  gint64 one[] = { -7 };
  gint64 odd_sum[] = { 3, 0 };
  gint64 negative_odd_sum[] = { -3, 0 };
  gint64 four[] = { 9, -1, 5, 1 };
  gint64 m = 42;

  g_assert_false (bf_median_fen (NULL, 0, &m));
  g_assert_cmpint (m, ==, 42);
  g_assert_true (bf_median_fen (one, 1, &m));
  g_assert_cmpint (m, ==, -7);
  /* 1.5 fen rounds to 2, −1.5 to −2 */
  g_assert_true (bf_median_fen (odd_sum, 2, &m));
  g_assert_cmpint (m, ==, 2);
  g_assert_true (bf_median_fen (negative_odd_sum, 2, &m));
  g_assert_cmpint (m, ==, -2);
  g_assert_true (bf_median_fen (four, 4, &m));
  g_assert_cmpint (m, ==, 3);
}

static void
test_satisfaction (void)
{
  const BfVisitInput inputs[] = {
    { 30, "2026-07-01", "satisfied" },    { 30, "2026-08-01", "dissatisfied" },
    { 31, "2026-09-30", "fairly" },       { 32, "2026-07-05", NULL }, /* not rated */
    { 33, "2026-06-30", "dissatisfied" },                             /* before */
    { 34, "2026-08-15", "bogus" },                                    /* not a rating */
    { 35, "2026-08-20", "dissatisfied" },
  };
  const gint64 households[] = { 30, 31, 35, 0 };
  const gint64 short_of[] = { 30, 35, 0 };
  BfIndicator ind;

  bf_indicator_satisfaction (inputs, G_N_ELEMENTS (inputs), "2026-07-01", "2026-09-30", &ind);
  g_assert_cmpint (ind.id, ==, BF_INDICATOR_SATISFACTION);
  assert_indicator (&ind, 2, 4, households, short_of);
  bf_indicator_clear (&ind);
}

static void
test_format (void)
{
  BfIndicator ind;
  g_autofree char *empty = NULL;
  g_autofree char *ratio = NULL;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;

  bf_indicator_init (&ind, BF_INDICATOR_ACCURACY);
  empty = bf_indicator_format_value (&ind);
  g_assert_cmpstr (empty, ==, "—");
  ind.numerator = 197;
  ind.denominator = 200;
  ind.value = 0.985;
  ratio = bf_indicator_format_value (&ind);
  g_assert_cmpstr (ratio, ==, "98.5%");
  ind.id = BF_INDICATOR_INCOME_GROWTH;
  ind.value = 31200;
  up = bf_indicator_format_value (&ind);
  g_assert_cmpstr (up, ==, "+312.00 yuan");
  ind.value = -123456;
  down = bf_indicator_format_value (&ind);
  g_assert_cmpstr (down, ==, "-1,234.56 yuan");
  bf_indicator_clear (&ind);

  for (int i = 0; i < BF_N_INDICATORS; i++)
    {
      g_assert_nonnull (bf_indicator_code (i));
      g_assert_cmpstr (bf_indicator_title (i), !=, "");
      g_assert_cmpstr (bf_indicator_definition (i), !=, "");
      g_assert_cmpstr (bf_indicator_numerator_label (i), !=, "");
      g_assert_cmpstr (bf_indicator_denominator_label (i), !=, "");
    }
}

static void
test_under_assistance (void)
{
  for (int s = 0; s < BF_N_STATUSES; s++)
    g_assert_cmpint (bf_status_is_under_assistance (s), ==,
                     s == BF_STATUS_REGISTERED || s == BF_STATUS_EXIT_ASSESSED ||
                       s == BF_STATUS_EXIT_NOTICE || s == BF_STATUS_EXIT_ACCEPTED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/indicators/accuracy", test_accuracy);
  g_test_add_func ("/indicators/measures", test_measures);
  g_test_add_func ("/indicators/income", test_income);
  g_test_add_func ("/indicators/median", test_median);
  g_test_add_func ("/indicators/satisfaction", test_satisfaction);
  g_test_add_func ("/indicators/format", test_format);
  g_test_add_func ("/indicators/under-assistance", test_under_assistance);
  return g_test_run ();
}
