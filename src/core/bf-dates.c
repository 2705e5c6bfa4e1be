/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-dates.h"

#include "bf-core-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (bf - date - error - quark, bf_date_error)

int
_bf_digits_value (const char *text, gsize n)
{
  int value = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

gboolean
bf_date_parse (const char *text, GDate *out, GError **error)
{
  int year = -1, month = -1, day = -1;

  g_date_clear (out, 1);
  if (text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      year = _bf_digits_value (text, 4);
      month = _bf_digits_value (text + 5, 2);
      day = _bf_digits_value (text + 8, 2);
    }
  if (year < 0 || month < 0 || day < 0)
    {
      g_set_error (error, BF_DATE_ERROR, BF_DATE_ERROR_INVALID,
                   _ ("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-03-05."),
                   text ? text : "");
      return FALSE;
    }

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, BF_DATE_ERROR, BF_DATE_ERROR_INVALID,
                   _ ("%s is not a day of the calendar."), text);
      return FALSE;
    }

  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

char *
bf_date_format (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
bf_date_today (GDate *out)
{
  const char *fixed = g_getenv ("BANGFU_TODAY");
  g_autoptr (GDateTime) now = NULL;

  if (fixed != NULL && *fixed != '\0')
    {
      if (bf_date_parse (fixed, out, NULL))
        return;
      g_warning_once ("BANGFU_TODAY=%s is not a YYYY-MM-DD date; using the real date", fixed);
    }

  now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

gboolean
bf_quarter_parse (const char *text, int *year, int *quarter, GError **error)
{
  const char *q;
  int y;

  /* "2026Q3", "2026q3" and "2026-Q3" are what people and spreadsheets write. */
  if (text != NULL && strlen (text) >= 6 && (y = _bf_digits_value (text, 4)) >= 1)
    {
      q = text + 4;
      if (*q == '-')
        q++;
      if ((*q == 'Q' || *q == 'q') && q[1] >= '1' && q[1] <= '4' && q[2] == '\0')
        {
          *year = y;
          *quarter = q[1] - '0';
          return TRUE;
        }
    }

  g_set_error (error, BF_DATE_ERROR, BF_DATE_ERROR_QUARTER,
               _ ("“%s” is not a quarter: write it as YYYYQn, for example 2026Q3."),
               text ? text : "");
  return FALSE;
}

char *
bf_quarter_format (int year, int quarter)
{
  return g_strdup_printf ("%04dQ%d", year, quarter);
}

void
bf_quarter_range (int year, int quarter, GDate *first, GDate *last)
{
  GDateMonth last_month;

  g_return_if_fail (quarter >= 1 && quarter <= 4);
  g_return_if_fail (g_date_valid_year (year));

  last_month = (GDateMonth) (quarter * 3);
  if (first != NULL)
    {
      g_date_clear (first, 1);
      g_date_set_dmy (first, 1, (GDateMonth) (last_month - 2), year);
    }
  if (last != NULL)
    {
      g_date_clear (last, 1);
      g_date_set_dmy (last, g_date_get_days_in_month (last_month, year), last_month, year);
    }
}

void
bf_quarter_last_complete (const GDate *today, int *year, int *quarter)
{
  int y = g_date_get_year (today);
  int current = (g_date_get_month (today) - 1) / 3 + 1;
  GDate last;

  /* On the last day of a quarter that quarter has not ended yet. */
  bf_quarter_range (y, current, NULL, &last);
  if (g_date_compare (today, &last) > 0)
    current++;

  if (current == 1)
    {
      *year = y - 1;
      *quarter = 4;
    }
  else
    {
      *year = y;
      *quarter = current - 1;
    }
}

void
bf_notice_period_end (const GDate *start, guint days, GDate *end)
{
  g_return_if_fail (days > 0);

  *end = *start;
  g_date_add_days (end, days - 1);
}

int
bf_age_on (const GDate *birth, const GDate *on)
{
  int age = (int) g_date_get_year (on) - (int) g_date_get_year (birth);

  /* Compared as (month, day), a 29 February birthday comes on 1 March in common years. */
  if (g_date_get_month (on) < g_date_get_month (birth) ||
      (g_date_get_month (on) == g_date_get_month (birth) &&
       g_date_get_day (on) < g_date_get_day (birth)))
    age--;
  return age;
}

int
bf_months_between (const GDate *from, const GDate *to)
{
  int months;
  GDate anniversary;

  if (g_date_compare (to, from) < 0)
    return 0;

  months = ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12 +
           ((int) g_date_get_month (to) - (int) g_date_get_month (from));
  /* GDate clamps 31 January + 1 month to the end of February: that counts as a whole month. */
  anniversary = *from;
  g_date_add_months (&anniversary, months);
  if (g_date_compare (&anniversary, to) > 0)
    months--;
  return months;
}
