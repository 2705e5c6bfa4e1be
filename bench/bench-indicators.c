/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times bf_store_indicators() on a register: the township and one village, a quarter and a year,
 * each the median of RUNS runs on a connection opened once (warm caches), and the time to open
 * the register and compute once (cold statements). Prints one line per case and "ok" or "SLOW"
 * against the 1 s budget of issue 7.
 *
 * Usage: bench-indicators REGISTER [RUNS] */

#include <stdlib.h>

#include "bf-store-assessment.h"

#define BUDGET_US (G_USEC_PER_SEC)

static int
compare (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
median_us (BfStore *store, const char *period, gint64 village_id, guint runs, gint64 *denominator)
{
  g_autofree gint64 *times = g_new (gint64, runs);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BfIndicatorReport) report = NULL;
      gint64 start = g_get_monotonic_time ();

      report = bf_store_indicators (store, period, village_id, &error);
      times[i] = g_get_monotonic_time () - start;
      if (report == NULL)
        g_error ("%s", error->message);
      *denominator = report->scope->indicators[BF_INDICATOR_ACCURACY].denominator;
    }
  qsort (times, runs, sizeof (gint64), compare);
  return times[runs / 2];
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (BfIndicatorReport) first = NULL;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 11;
  const char *periods[] = { "2026Q3", "2026Q2", "2026" };
  gboolean slow = FALSE;
  gint64 start, open_us, denominator = 0;

  if (argc < 2 || runs == 0)
    {
      g_printerr ("usage: bench-indicators REGISTER [RUNS]\n");
      return 2;
    }

  start = g_get_monotonic_time ();
  store = bf_store_open (argv[1], BF_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  open_us = g_get_monotonic_time () - start;
  start = g_get_monotonic_time ();
  first = bf_store_indicators (store, "2026Q3", 0, &error);
  if (first == NULL)
    g_error ("%s", error->message);
  g_print ("open (with quick_check)            %8.1f ms\n", open_us / 1000.0);
  g_print ("first computation 2026Q3 township  %8.1f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);

  for (gsize p = 0; p < G_N_ELEMENTS (periods); p++)
    for (gint64 village = 0; village <= 1; village++)
      {
        gint64 us = median_us (store, periods[p], village, runs, &denominator);

        g_print ("%-7s %-8s median of %2u %8.1f ms  (%" G_GINT64_FORMAT
                 " approved households) %s\n",
                 periods[p], village == 0 ? "township" : "village", runs, us / 1000.0, denominator,
                 us < BUDGET_US ? "ok" : "SLOW");
        slow = slow || us >= BUDGET_US;
      }
  return slow ? 1 : 0;
}
