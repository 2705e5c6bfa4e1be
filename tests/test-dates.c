/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-dates.h"

static void
date_set (GDate *date, const char *iso)
{
  g_assert_true (bf_date_parse (iso, date, NULL));
}

static void
assert_date (const GDate *date, const char *iso)
{
  g_autofree char *text = bf_date_format (date);
  g_assert_cmpstr (text, ==, iso);
}

static void
test_parse (void)
{
  static const char *const good[] = { "2026-02-03", "2024-02-29", "1900-01-01",
                                      "0001-01-01", "9999-12-31", "2026-12-31" };
  static const char *const bad[] = {
    "",           "2026-2-3",         "2026-02-3",      "26-02-03",    "2026-02-30",
    "2025-02-29", "1900-02-29",       "2026-13-01",     "2026-00-10",  "2026-01-00",
    "0000-01-01", "2026-02-03x",      " 2026-02-03",    "2026-02-03 ", "2026/02/03",
    "20260203",   "2026-02-03T00:00", "２０２６-02-03", "+026-02-03",  "2026--2-03"
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate date;
      g_autoptr (GError) error = NULL;

      g_assert_true (bf_date_parse (good[i], &date, &error));
      g_assert_no_error (error);
      assert_date (&date, good[i]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate date;
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (bf_date_parse (bad[i], &date, &error));
      g_assert_error (error, BF_DATE_ERROR, BF_DATE_ERROR_INVALID);
      g_assert_false (g_date_valid (&date));
    }
  {
    GDate date;
    g_autoptr (GError) error = NULL;

    g_assert_false (bf_date_parse (NULL, &date, &error));
    g_assert_error (error, BF_DATE_ERROR, BF_DATE_ERROR_INVALID);
  }
}

static void
test_format_invalid (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_null (bf_date_format (&date));
  g_assert_null (bf_date_format (NULL));
}

static void
test_today (void)
{
  GDate today, real;
  g_autoptr (GDateTime) before = NULL;
  g_autoptr (GDateTime) after = NULL;

  g_setenv ("BANGFU_TODAY", "2026-12-05", TRUE);
  bf_date_today (&today);
  assert_date (&today, "2026-12-05");

  /* Without the variable, the local date (read twice in case midnight passes). */
  g_unsetenv ("BANGFU_TODAY");
  before = g_date_time_new_now_local ();
  bf_date_today (&real);
  after = g_date_time_new_now_local ();
  g_assert_true ((g_date_get_year (&real) == (guint) g_date_time_get_year (before) &&
                  g_date_get_day_of_year (&real) == (guint) g_date_time_get_day_of_year (before)) ||
                 (g_date_get_year (&real) == (guint) g_date_time_get_year (after) &&
                  g_date_get_day_of_year (&real) == (guint) g_date_time_get_day_of_year (after)));
}

static void
test_quarter_parse (void)
{
  static const struct
  {
    const char *text;
    int year, quarter;
  } good[] = {
    { "2026Q3", 2026, 3 },  { "2026q3", 2026, 3 }, { "2026-Q3", 2026, 3 },
    { "2026-q1", 2026, 1 }, { "1999Q4", 1999, 4 },
  };
  static const char *const bad[] = { "",        "2026",   "2026Q0",   "2026Q5",   "2026Q",
                                     "2026Q33", "26Q3",   "Q3 2026",  "2026 Q3",  "2026-3",
                                     "2026Q3 ", "0000Q1", "2026--Q3", "2026-Q3-", "abcdQ1" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      int year = 0, quarter = 0;
      g_autofree char *text = NULL;

      g_assert_true (bf_quarter_parse (good[i].text, &year, &quarter, NULL));
      g_assert_cmpint (year, ==, good[i].year);
      g_assert_cmpint (quarter, ==, good[i].quarter);
      text = bf_quarter_format (year, quarter);
      g_assert_cmpint (g_ascii_strncasecmp (text, good[i].text, 4), ==, 0);
      g_assert_cmpint (text[4], ==, 'Q');
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int year = 0, quarter = 0;
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (bf_quarter_parse (bad[i], &year, &quarter, &error));
      g_assert_error (error, BF_DATE_ERROR, BF_DATE_ERROR_QUARTER);
    }
}

static void
test_quarter_format (void)
{
  g_autofree char *q3 = bf_quarter_format (2026, 3);
  g_autofree char *q1 = bf_quarter_format (2027, 1);

  g_assert_cmpstr (q3, ==, "2026Q3");
  g_assert_cmpstr (q1, ==, "2027Q1");
}

static void
test_quarter_range (void)
{
  static const struct
  {
    int year, quarter;
    const char *first, *last;
  } cases[] = {
    { 2026, 1, "2026-01-01", "2026-03-31" }, { 2026, 2, "2026-04-01", "2026-06-30" },
    { 2026, 3, "2026-07-01", "2026-09-30" }, { 2026, 4, "2026-10-01", "2026-12-31" },
    { 2024, 1, "2024-01-01", "2024-03-31" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate first, last;

      bf_quarter_range (cases[i].year, cases[i].quarter, &first, &last);
      assert_date (&first, cases[i].first);
      assert_date (&last, cases[i].last);
    }
}

static void
test_quarter_last_complete (void)
{
  static const struct
  {
    const char *today;
    int year, quarter;
  } cases[] = {
    { "2026-10-01", 2026, 3 }, { "2026-09-30", 2026, 2 }, { "2026-08-15", 2026, 2 },
    { "2026-01-01", 2025, 4 }, { "2026-03-31", 2025, 4 }, { "2026-04-01", 2026, 1 },
    { "2026-12-31", 2026, 3 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today;
      int year, quarter;

      date_set (&today, cases[i].today);
      bf_quarter_last_complete (&today, &year, &quarter);
      g_assert_cmpint (year, ==, cases[i].year);
      g_assert_cmpint (quarter, ==, cases[i].quarter);
    }
}

static void
test_notice_period_end (void)
{
  static const struct
  {
    const char *start;
    guint days;
    const char *end;
  } cases[] = {
    { "2026-11-29", 7, "2026-12-05" },
    { "2026-12-28", 7, "2027-01-03" },
    { "2024-02-25", 5, "2024-02-29" },
    { "2026-05-01", 1, "2026-05-01" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate start, end;

      date_set (&start, cases[i].start);
      bf_notice_period_end (&start, cases[i].days, &end);
      assert_date (&end, cases[i].end);
    }
}

static void
test_age_on (void)
{
  static const struct
  {
    const char *birth, *on;
    int age;
  } cases[] = {
    { "1949-12-31", "2026-12-30", 76 }, { "1949-12-31", "2026-12-31", 77 },
    { "2000-02-29", "2001-02-28", 0 },  { "2000-02-29", "2001-03-01", 1 },
    { "2000-02-29", "2004-02-28", 3 },  { "2000-02-29", "2004-02-29", 4 },
    { "2010-06-15", "2010-06-15", 0 },  { "2010-06-15", "2010-06-14", -1 },
    { "2010-06-15", "2009-06-15", -1 }, { "2008-01-01", "2026-01-01", 18 },
    { "2008-01-02", "2026-01-01", 17 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate birth, on;

      date_set (&birth, cases[i].birth);
      date_set (&on, cases[i].on);
      g_assert_cmpint (bf_age_on (&birth, &on), ==, cases[i].age);
    }
}

static void
test_months_between (void)
{
  static const struct
  {
    const char *from, *to;
    int months;
  } cases[] = {
    { "2026-01-15", "2026-07-15", 6 },  { "2026-01-15", "2026-07-14", 5 },
    { "2026-01-31", "2026-02-28", 1 },  { "2026-01-31", "2026-02-27", 0 },
    { "2024-01-31", "2024-02-29", 1 },  { "2025-08-31", "2026-02-28", 6 },
    { "2026-03-01", "2026-03-01", 0 },  { "2026-03-01", "2026-02-01", 0 },
    { "2020-06-30", "2026-06-30", 72 }, { "2025-12-15", "2026-01-15", 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;

      date_set (&from, cases[i].from);
      date_set (&to, cases[i].to);
      g_test_message ("%s .. %s", cases[i].from, cases[i].to);
      g_assert_cmpint (bf_months_between (&from, &to), ==, cases[i].months);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/parse", test_parse);
  g_test_add_func ("/dates/format-invalid", test_format_invalid);
  g_test_add_func ("/dates/today", test_today);
  g_test_add_func ("/dates/quarter-parse", test_quarter_parse);
  g_test_add_func ("/dates/quarter-format", test_quarter_format);
  g_test_add_func ("/dates/quarter-range", test_quarter_range);
  g_test_add_func ("/dates/quarter-last-complete", test_quarter_last_complete);
  g_test_add_func ("/dates/notice-period-end", test_notice_period_end);
  g_test_add_func ("/dates/age-on", test_age_on);
  g_test_add_func ("/dates/months-between", test_months_between);

  return g_test_run ();
}
