/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-dates.h"
#include "bf-ledger.h"
#include "bf-report-private.h"

char *
_bf_chinese_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !bf_date_parse (iso, &date, NULL))
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

char *
_bf_chinese_today (void)
{
  GDate today;
  g_autofree char *iso = NULL;

  bf_date_today (&today);
  iso = bf_date_format (&today);
  return _bf_chinese_date (iso);
}

const char *
_bf_code_word (BfCodeList list, const char *code)
{
  const char *word;

  if (code == NULL)
    return "";
  word = bf_ledger_code_label (list, code);
  return word != NULL ? word : code;
}

const char *
_bf_status_word (const char *status)
{
  const char *word;

  if (status == NULL)
    return "";
  word = bf_ledger_status_label (status);
  return word != NULL ? word : status;
}

const char *
_bf_yes_no (int value)
{
  return value > 0 ? "是" : value == 0 ? "否" : "";
}
