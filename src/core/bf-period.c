/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-period.h"

#include "bf-core-private.h"
#include "bf-dates.h"

#include <glib/gi18n-lib.h>
#include <string.h>

gboolean
bf_period_parse (const char *text, BfPeriod *period, GError **error)
{
  int year, quarter;

  g_return_val_if_fail (period != NULL, FALSE);

  if (text != NULL && strlen (text) == 4 && (year = _bf_digits_value (text, 4)) >= 1)
    {
      period->year = year;
      period->quarter = 0;
      return TRUE;
    }
  if (bf_quarter_parse (text, &year, &quarter, NULL))
    {
      period->year = year;
      period->quarter = quarter;
      return TRUE;
    }
  g_set_error (error, BF_DATE_ERROR, BF_DATE_ERROR_QUARTER,
               _ ("“%s” is not a period: write a year (2026) or a quarter (2026Q3)."),
               text != NULL ? text : "");
  return FALSE;
}

char *
bf_period_format (const BfPeriod *period)
{
  if (period->quarter == 0)
    return g_strdup_printf ("%04d", period->year);
  return bf_quarter_format (period->year, period->quarter);
}

char *
bf_period_label (const BfPeriod *period)
{
  if (period->quarter == 0)
    return g_strdup_printf (_ ("Year %d"), period->year);
  return g_strdup_printf (_ ("%d, quarter %d"), period->year, period->quarter);
}

void
bf_period_range (const BfPeriod *period, GDate *first, GDate *last)
{
  g_return_if_fail (period->quarter >= 0 && period->quarter <= 4);

  if (period->quarter != 0)
    {
      bf_quarter_range (period->year, period->quarter, first, last);
      return;
    }
  bf_quarter_range (period->year, 1, first, NULL);
  bf_quarter_range (period->year, 4, NULL, last);
}

void
bf_period_range_iso (const BfPeriod *period, char first[11], char last[11])
{
  GDate a, b;

  bf_period_range (period, &a, &b);
  g_snprintf (first, 11, "%04d-%02d-%02d", g_date_get_year (&a), g_date_get_month (&a),
              g_date_get_day (&a));
  g_snprintf (last, 11, "%04d-%02d-%02d", g_date_get_year (&b), g_date_get_month (&b),
              g_date_get_day (&b));
}
