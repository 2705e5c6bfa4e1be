/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Latency of the assistance-plan and supervision queries on an existing register:
 *
 *   bench-plans REGISTER [TODAY]
 *
 * Each query is what a page or a command asks for: the first page of 100 rows together with the
 * count (and the budget and spent totals for measures). Reported: median and slowest of RUNS runs
 * after one warm-up, in milliseconds, and the number of matching rows. TODAY (YYYY-MM-DD) sets the
 * day the overdue and not-visited queries look from (default: BANGFU_TODAY or today). */
#include <stdio.h>
#include <stdlib.h>

#include "bf-dates.h"
#include "bf-store-plans.h"
#include "bf-store-regions.h"

#define RUNS  15
#define PAGE  100
#define LIMIT 200.0 /* ms: what the issue asks of the overdue and not-visited queries */

typedef struct
{
  BfStore *store;
  const char *today;
  int year;
  gint64 village_id;
} Bench;

typedef gint64 (*Query) (Bench *bench);

static gint64
check_page (BfListPage *page, GError *error)
{
  gint64 total;

  if (page == NULL)
    g_error ("%s", error->message);
  total = page->total;
  bf_list_page_free (page);
  g_clear_error (&error);
  return total;
}

static gint64
measures (Bench *b, BfMeasureQuery *q)
{
  GError *error = NULL;
  BfMeasureTotals totals;
  BfListPage *page;

  q->today = b->today;
  page = bf_store_measure_search (b->store, q, NULL, PAGE, &error);
  check_page (page, error);
  if (!bf_store_measure_totals (b->store, q, &totals, &error))
    g_error ("%s", error->message);
  return totals.count;
}

static gint64
overdue (Bench *b)
{
  BfMeasureQuery q = { .overdue = TRUE };
  return measures (b, &q);
}

static gint64
overdue_village (Bench *b)
{
  BfMeasureQuery q = { .overdue = TRUE, .village_id = b->village_id };
  return measures (b, &q);
}

static gint64
overdue_category (Bench *b)
{
  BfMeasureQuery q = { .overdue = TRUE, .category = "health" };
  return measures (b, &q);
}

static gint64
all_measures (Bench *b)
{
  BfMeasureQuery q = { 0 };
  return measures (b, &q);
}

static gint64
measures_year (Bench *b)
{
  BfMeasureQuery q = { .year = b->year };
  return measures (b, &q);
}

static gint64
not_visited (Bench *b)
{
  GError *error = NULL;
  return check_page (
    bf_store_households_not_visited (b->store, 90, b->today, 0, NULL, PAGE, &error), error);
}

static gint64
not_visited_village (Bench *b)
{
  GError *error = NULL;
  return check_page (
    bf_store_households_not_visited (b->store, 90, b->today, b->village_id, NULL, PAGE, &error),
    error);
}

static gint64
open_problems (Bench *b)
{
  GError *error = NULL;
  BfVisitQuery q = { .open_problems = TRUE, .today = b->today };
  return check_page (bf_store_visit_search (b->store, &q, NULL, PAGE, &error), error);
}

static gint64
late_problems (Bench *b)
{
  GError *error = NULL;
  BfVisitQuery q = { .open_problems = TRUE, .past_deadline = TRUE, .today = b->today };
  return check_page (bf_store_visit_search (b->store, &q, NULL, PAGE, &error), error);
}

static gint64
without_helper (Bench *b)
{
  GError *error = NULL;
  return check_page (bf_store_households_without_helper (b->store, NULL, PAGE, &error), error);
}

static gint64
without_plan (Bench *b)
{
  GError *error = NULL;
  return check_page (bf_store_households_without_plan (b->store, b->year, NULL, PAGE, &error),
                     error);
}

static gint64
helper_list (Bench *b)
{
  GError *error = NULL;
  GPtrArray *helpers = bf_store_helper_list (b->store, FALSE, &error);
  gint64 n;

  if (helpers == NULL)
    g_error ("%s", error->message);
  n = helpers->len;
  g_ptr_array_unref (helpers);
  return n;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static gboolean
run (Bench *b, const char *name, Query query, gboolean required)
{
  double times[RUNS];
  gint64 rows = query (b); /* warm-up */
  double median;

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      query (b);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof times[0], compare_double);
  median = times[RUNS / 2];
  printf ("| %-44s | %9" G_GINT64_FORMAT " | %8.1f | %8.1f | %s\n", name, rows, median,
          times[RUNS - 1], required ? (times[RUNS - 1] <= LIMIT ? "within 200 ms" : "SLOW") : "");
  return !required || times[RUNS - 1] <= LIMIT;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  g_autofree char *today = NULL;
  Bench b = { 0 };
  gboolean ok = TRUE;
  GDate date;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: bench-plans REGISTER [TODAY]\n");
      return 2;
    }
  if (argc == 3)
    g_setenv ("BANGFU_TODAY", argv[2], TRUE);
  bf_date_today (&date);
  today = bf_date_format (&date);
  b.today = today;
  b.year = g_date_get_year (&date);
  b.store = bf_store_open (argv[1], BF_STORE_OPEN_READ_ONLY, &error);
  if (b.store == NULL)
    g_error ("%s", error->message);
  villages = bf_store_list_villages (b.store, &error);
  b.village_id = ((BfVillage *) g_ptr_array_index (villages, 0))->id;

  printf ("Register %s, today %s, first page of %d rows with the count, %d runs\n\n", argv[1],
          today, PAGE, RUNS);
  printf ("| %-44s | %9s | %8s | %8s |\n", "query", "rows", "median", "slowest");
  printf ("|%s|%s|%s|%s|\n", "----------------------------------------------", "-----------",
          "----------", "----------");
  ok &= run (&b, "overdue measures (page, count, budget, spent)", overdue, TRUE);
  ok &= run (&b, "overdue measures of one village", overdue_village, TRUE);
  ok &= run (&b, "overdue health measures", overdue_category, TRUE);
  ok &= run (&b, "households not visited for 90 days", not_visited, TRUE);
  ok &= run (&b, "households of one village not visited 90 days", not_visited_village, TRUE);
  ok &= run (&b, "problems not rectified", open_problems, TRUE);
  ok &= run (&b, "problems past their deadline", late_problems, TRUE);
  ok &= run (&b, "households without a helper", without_helper, TRUE);
  ok &= run (&b, "households without a plan this year", without_plan, TRUE);
  run (&b, "all measures (page, count, budget, spent)", all_measures, FALSE);
  run (&b, "measures of this year's plans", measures_year, FALSE);
  run (&b, "active helpers with their counts", helper_list, FALSE);

  bf_store_close (b.store, NULL);
  g_object_unref (b.store);
  return ok ? 0 : 1;
}
