/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-dates.h"
#include "bf-period.h"

static void
test_parse (void)
{
  const struct
  {
    const char *text;
    int year, quarter;
    const char *formatted, *first, *last;
  } good[] = {
    { "2026", 2026, 0, "2026", "2026-01-01", "2026-12-31" },
    { "2026Q3", 2026, 3, "2026Q3", "2026-07-01", "2026-09-30" },
    { "2024q1", 2024, 1, "2024Q1", "2024-01-01", "2024-03-31" },
    { "2025-Q4", 2025, 4, "2025Q4", "2025-10-01", "2025-12-31" },
  };
  const char *bad[] = { NULL, "", "26", "20260", "2026Q5", "2026Q0", "Q3", "abcd", "2026 Q3" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      BfPeriod p;
      g_autofree char *text = NULL;
      char first[11], last[11];

      g_assert_true (bf_period_parse (good[i].text, &p, NULL));
      g_assert_cmpint (p.year, ==, good[i].year);
      g_assert_cmpint (p.quarter, ==, good[i].quarter);
      text = bf_period_format (&p);
      g_assert_cmpstr (text, ==, good[i].formatted);
      bf_period_range_iso (&p, first, last);
      g_assert_cmpstr (first, ==, good[i].first);
      g_assert_cmpstr (last, ==, good[i].last);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      BfPeriod p = { 1, 1 };

      g_assert_false (bf_period_parse (bad[i], &p, &error));
      g_assert_error (error, BF_DATE_ERROR, BF_DATE_ERROR_QUARTER);
      g_assert_cmpint (p.year, ==, 1);
    }
}

static void
test_label (void)
{
  BfPeriod year = { 2026, 0 }, quarter = { 2026, 3 };
  g_autofree char *a = bf_period_label (&year);
  g_autofree char *b = bf_period_label (&quarter);

  g_assert_cmpstr (a, ==, "Year 2026");
  g_assert_cmpstr (b, ==, "2026, quarter 3");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/label", test_label);
  return g_test_run ();
}
