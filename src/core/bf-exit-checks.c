/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-exit-checks.h"

#include "bf-dates.h"
#include "bf-money.h"

#include <glib/gi18n-lib.h>

static const char *const titles[BF_N_EXIT_CHECKS] = {
  [BF_EXIT_CHECK_INCOME] = N_ ("Income above the poverty line"),
  [BF_EXIT_CHECK_GUARANTEES] = N_ ("Six guarantees secured"),
  [BF_EXIT_CHECK_MEASURE] = N_ ("Assistance measure completed"),
  [BF_EXIT_CHECK_MONITORED] = N_ ("Monitoring period"),
  [BF_EXIT_CHECK_LABOUR] = N_ ("Labour ability"),
};

static const char *const codes[BF_N_EXIT_CHECKS] = {
  [BF_EXIT_CHECK_INCOME] = "income",   [BF_EXIT_CHECK_GUARANTEES] = "guarantees",
  [BF_EXIT_CHECK_MEASURE] = "measure", [BF_EXIT_CHECK_MONITORED] = "monitored",
  [BF_EXIT_CHECK_LABOUR] = "labour",
};

/* In the order of BfExitFacts.secured. */
static const char *const guarantees[6] = {
  N_ ("food"),
  N_ ("clothing"),
  N_ ("compulsory education"),
  N_ ("basic medical care"),
  N_ ("safe housing"),
  N_ ("safe drinking water"),
};

const char *
bf_exit_check_title (BfExitCheckId id)
{
  g_return_val_if_fail (id < BF_N_EXIT_CHECKS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, titles[id]);
}

const char *
bf_exit_check_code (BfExitCheckId id)
{
  g_return_val_if_fail (id < BF_N_EXIT_CHECKS, NULL);
  return codes[id];
}

gboolean
bf_exit_check_from_code (const char *code, BfExitCheckId *id)
{
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    if (g_strcmp0 (code, codes[i]) == 0)
      {
        if (id != NULL)
          *id = (BfExitCheckId) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
bf_exit_check_allows_exception (BfExitCheckId id)
{
  return id == BF_EXIT_CHECK_LABOUR;
}

static guint
min_months (guint configured)
{
  return configured > 0 ? configured : BF_EXIT_MIN_MONTHS;
}

static char *
income_reason (const BfExitFacts *facts, gboolean *passed)
{
  g_autofree char *income = bf_money_format (facts->per_capita_fen);
  g_autofree char *line = bf_money_format (facts->poverty_line_fen);
  guint months = facts->months_above_line;
  guint needed = min_months (facts->min_months_above_line);

  *passed = FALSE;
  if (facts->per_capita_fen <= facts->poverty_line_fen)
    return g_strdup_printf (_ ("%s yuan per person, not above the poverty line of %s."), income,
                            line);
  if (months < needed)
    return g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%s yuan per person, above %s for only %u month; %d are needed.",
                   "%s yuan per person, above %s for only %u months; %d are needed.", months),
      income, line, months, (int) needed);
  *passed = TRUE;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s yuan per person, above %s for %u month.",
                                       "%s yuan per person, above %s for %u months.", months),
                          income, line, months);
}

static char *
guarantees_reason (const BfExitFacts *facts, gboolean *passed)
{
  g_autoptr (GString) missing = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (guarantees); i++)
    if (!facts->secured[i])
      {
        if (missing->len > 0)
          g_string_append (missing, C_ ("list separator", ", "));
        g_string_append (missing, g_dgettext (GETTEXT_PACKAGE, guarantees[i]));
      }

  *passed = missing->len == 0;
  if (*passed)
    return g_strdup (_ (
      "Food, clothing, compulsory education, basic medical care, safe housing and safe drinking water are all secured."));
  return g_strdup_printf (_ ("Not secured: %s."), missing->str);
}

static char *
measure_reason (const BfExitFacts *facts, gboolean *passed)
{
  *passed = facts->measures_completed > 0;
  if (!*passed)
    return g_strdup (_ ("No assistance measure has been completed."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assistance measure completed.",
                                       "%u assistance measures completed.",
                                       facts->measures_completed),
                          facts->measures_completed);
}

static char *
monitored_reason (const BfExitFacts *facts, gboolean *passed)
{
  guint months = facts->months_monitored;
  guint needed = min_months (facts->min_months_monitored);

  *passed = months >= needed;
  if (!*passed)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Monitored for %u month; %d are needed.",
                                         "Monitored for %u months; %d are needed.", months),
                            months, (int) needed);
  return g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Monitored for %u month.", "Monitored for %u months.", months),
    months);
}

static char *
labour_reason (const BfExitFacts *facts, gboolean *passed)
{
  guint members = facts->members_with_labour;

  *passed = members > 0 || facts->labour_exception;
  if (members > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member is able to work.",
                                         "%u members are able to work.", members),
                            members);
  if (facts->labour_exception)
    return g_strdup (_ (
      "No member is able to work; the recorded exception keeps the household under social-security support."));
  return g_strdup (_ ("No member is able to work and no exception is recorded."));
}

gboolean
bf_exit_checks_run (const BfExitFacts *facts, BfExitCheck checks[BF_N_EXIT_CHECKS])
{
  static char *(*const run[BF_N_EXIT_CHECKS]) (const BfExitFacts *, gboolean *) = {
    [BF_EXIT_CHECK_INCOME] = income_reason,   [BF_EXIT_CHECK_GUARANTEES] = guarantees_reason,
    [BF_EXIT_CHECK_MEASURE] = measure_reason, [BF_EXIT_CHECK_MONITORED] = monitored_reason,
    [BF_EXIT_CHECK_LABOUR] = labour_reason,
  };
  gboolean all = TRUE;

  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      checks[i].id = (BfExitCheckId) i;
      checks[i].reason = run[i](facts, &checks[i].passed);
      all = all && checks[i].passed;
    }
  return all;
}

void
bf_exit_checks_clear (BfExitCheck checks[BF_N_EXIT_CHECKS])
{
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    g_clear_pointer (&checks[i].reason, g_free);
}

guint
bf_exit_months_above_line (const BfIncomePoint *points, gsize n_points, const GDate *today)
{
  GDate since;
  gsize first = n_points;

  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  /* Walk back from the latest assessment while each is above its line. */
  for (gsize i = n_points; i > 0; i--)
    {
      const BfIncomePoint *point = &points[i - 1];

      if (point->per_capita_fen <= point->poverty_line_fen ||
          !bf_date_parse (point->assessed_on, &since, NULL))
        break;
      first = i - 1;
    }
  if (first == n_points)
    return 0;
  bf_date_parse (points[first].assessed_on, &since, NULL);
  return (guint) bf_months_between (&since, today);
}
