/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-indicators.h"

#include "bf-money.h"

#include <glib/gi18n-lib.h>
#include <math.h>

typedef struct
{
  const char *code;
  const char *title;
  const char *definition;
  const char *numerator;
  const char *denominator;
} IndicatorInfo;

static const IndicatorInfo infos[BF_N_INDICATORS] = {
  [BF_INDICATOR_ACCURACY] = { "accuracy", N_ ("Identification accuracy"),
                              N_ (
                                "Households approved by the county by the end of the period that "
                                "by then had neither been corrected as wrongly identified nor had "
                                "an objection upheld, divided by the households approved by the "
                                "end of the period."),
                              N_ ("Accurately identified"), N_ ("Approved households") },
  [BF_INDICATOR_MEASURES] = { "measures", N_ ("Measure implementation"),
                              N_ ("Assistance measures due in the period that were completed by "
                                  "their due date, divided by the measures due in the period. "
                                  "Cancelled measures are not counted."),
                              N_ ("Completed on time"), N_ ("Measures due") },
  [BF_INDICATOR_INCOME_GROWTH] = { "income_growth", N_ ("Income growth"),
                                   N_ ("The median change in per-capita net income between the "
                                       "last two assessments up to the end of the period, over "
                                       "the households under assistance that have two "
                                       "assessments."),
                                   N_ ("Households whose income grew"),
                                   N_ ("Households with two assessments") },
  [BF_INDICATOR_ABOVE_LINE] = { "above_line", N_ ("Share above the poverty line"),
                                N_ ("Households under assistance whose latest assessment up to the "
                                    "end of the period is above the poverty line of its year, "
                                    "divided by the households under assistance with an "
                                    "assessment."),
                                N_ ("Above the poverty line"), N_ ("Households assessed") },
  [BF_INDICATOR_SATISFACTION] = { "satisfaction", N_ ("Satisfaction"),
                                  N_ ("Visits in the period rated satisfied or fairly satisfied, "
                                      "divided by the visits in the period that were rated."),
                                  N_ ("Satisfied or fairly satisfied"), N_ ("Rated visits") },
};

const char *
bf_indicator_code (BfIndicatorId id)
{
  g_return_val_if_fail (id < BF_N_INDICATORS, NULL);
  return infos[id].code;
}

const char *
bf_indicator_title (BfIndicatorId id)
{
  g_return_val_if_fail (id < BF_N_INDICATORS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, infos[id].title);
}

const char *
bf_indicator_definition (BfIndicatorId id)
{
  g_return_val_if_fail (id < BF_N_INDICATORS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, infos[id].definition);
}

const char *
bf_indicator_numerator_label (BfIndicatorId id)
{
  g_return_val_if_fail (id < BF_N_INDICATORS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, infos[id].numerator);
}

const char *
bf_indicator_denominator_label (BfIndicatorId id)
{
  g_return_val_if_fail (id < BF_N_INDICATORS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, infos[id].denominator);
}

void
bf_indicator_init (BfIndicator *indicator, BfIndicatorId id)
{
  g_return_if_fail (id < BF_N_INDICATORS);

  indicator->id = id;
  indicator->numerator = 0;
  indicator->denominator = 0;
  indicator->value = NAN;
  indicator->households = g_array_new (FALSE, FALSE, sizeof (gint64));
  indicator->short_of = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
bf_indicator_clear (BfIndicator *indicator)
{
  g_clear_pointer (&indicator->households, g_array_unref);
  g_clear_pointer (&indicator->short_of, g_array_unref);
}

static GArray *
copy_ids (const GArray *ids)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);

  g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

void
bf_indicator_copy (const BfIndicator *from, BfIndicator *to)
{
  *to = *from;
  to->households = copy_ids (from->households);
  to->short_of = copy_ids (from->short_of);
}

char *
bf_indicator_format_value (const BfIndicator *indicator)
{
  g_autofree char *money = NULL;
  gint64 fen;

  if (indicator->denominator == 0 || isnan (indicator->value))
    return g_strdup ("—");
  if (indicator->id != BF_INDICATOR_INCOME_GROWTH)
    return g_strdup_printf ("%.1f%%", indicator->value * 100.0);
  fen = (gint64) indicator->value;
  money = bf_money_format (fen);
  return g_strdup_printf (_ ("%s%s yuan"), fen > 0 ? "+" : "", money);
}

gboolean
bf_status_is_under_assistance (BfStatus status)
{
  return status == BF_STATUS_REGISTERED || status == BF_STATUS_EXIT_ASSESSED ||
         status == BF_STATUS_EXIT_NOTICE || status == BF_STATUS_EXIT_ACCEPTED;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
sort_unique (GArray *ids)
{
  guint kept = 0;

  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (kept == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, kept - 1))
      g_array_index (ids, gint64, kept++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, kept);
}

/* Counts one item of @household_id: in the denominator, and in the numerator when @counted. */
static void
count (BfIndicator *out, gint64 household_id, gboolean counted)
{
  out->denominator++;
  g_array_append_val (out->households, household_id);
  if (counted)
    out->numerator++;
  else
    g_array_append_val (out->short_of, household_id);
}

static void
finish_ratio (BfIndicator *out)
{
  sort_unique (out->households);
  sort_unique (out->short_of);
  out->value = out->denominator > 0 ? (double) out->numerator / (double) out->denominator : NAN;
}

static gboolean
on_or_before (const char *date, const char *last)
{
  return date != NULL && g_strcmp0 (date, last) <= 0;
}

static gboolean
within (const char *date, const char *first, const char *last)
{
  return date != NULL && g_strcmp0 (first, date) <= 0 && g_strcmp0 (date, last) <= 0;
}

void
bf_indicator_accuracy (const BfAccuracyInput *inputs,
                       gsize n_inputs,
                       const char *last,
                       BfIndicator *out)
{
  g_return_if_fail (last != NULL && out != NULL);

  bf_indicator_init (out, BF_INDICATOR_ACCURACY);
  for (gsize i = 0; i < n_inputs; i++)
    {
      const BfAccuracyInput *in = &inputs[i];

      if (!on_or_before (in->approved_on, last))
        continue;
      count (out, in->household_id,
             !on_or_before (in->corrected_on, last) &&
               !on_or_before (in->objection_upheld_on, last));
    }
  finish_ratio (out);
}

void
bf_indicator_measures (const BfMeasureInput *inputs,
                       gsize n_inputs,
                       const char *first,
                       const char *last,
                       BfIndicator *out)
{
  g_return_if_fail (first != NULL && last != NULL && out != NULL);

  bf_indicator_init (out, BF_INDICATOR_MEASURES);
  for (gsize i = 0; i < n_inputs; i++)
    {
      const BfMeasureInput *in = &inputs[i];

      if (!within (in->due_on, first, last) || g_strcmp0 (in->status, "cancelled") == 0)
        continue;
      count (out, in->household_id,
             g_strcmp0 (in->status, "completed") == 0 &&
               on_or_before (in->completed_on, in->due_on));
    }
  finish_ratio (out);
}

gboolean
bf_median_fen (gint64 *values, gsize n_values, gint64 *median)
{
  gint64 sum;

  if (n_values == 0)
    return FALSE;
  qsort (values, n_values, sizeof (gint64), compare_ids);
  if (n_values % 2 == 1)
    {
      *median = values[n_values / 2];
      return TRUE;
    }
  sum = values[n_values / 2 - 1] + values[n_values / 2];
  /* C division truncates toward zero: an odd sum's half goes one further away from zero. */
  *median = sum / 2 + (sum % 2 != 0 ? (sum > 0 ? 1 : -1) : 0);
  return TRUE;
}

void
bf_indicator_income (const BfIncomeInput *inputs,
                     gsize n_inputs,
                     BfIndicator *growth,
                     BfIndicator *above_line)
{
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 median;

  g_return_if_fail (growth != NULL && above_line != NULL);

  bf_indicator_init (growth, BF_INDICATOR_INCOME_GROWTH);
  bf_indicator_init (above_line, BF_INDICATOR_ABOVE_LINE);
  for (gsize i = 0; i < n_inputs; i++)
    {
      const BfIncomeInput *in = &inputs[i];

      if (!in->under_assistance)
        continue;
      count (above_line, in->household_id, in->latest_fen > in->latest_poverty_line_fen);
      if (in->has_previous)
        {
          gint64 change = in->latest_fen - in->previous_fen;

          g_array_append_val (changes, change);
          count (growth, in->household_id, change > 0);
        }
    }
  finish_ratio (above_line);
  finish_ratio (growth);
  growth->value = bf_median_fen ((gint64 *) (gpointer) changes->data, changes->len, &median)
                    ? (double) median
                    : NAN;
}

void
bf_indicator_satisfaction (const BfVisitInput *inputs,
                           gsize n_inputs,
                           const char *first,
                           const char *last,
                           BfIndicator *out)
{
  g_return_if_fail (first != NULL && last != NULL && out != NULL);

  bf_indicator_init (out, BF_INDICATOR_SATISFACTION);
  for (gsize i = 0; i < n_inputs; i++)
    {
      const BfVisitInput *in = &inputs[i];
      gboolean satisfied = g_strcmp0 (in->satisfaction, "satisfied") == 0 ||
                           g_strcmp0 (in->satisfaction, "fairly") == 0;

      if (!within (in->visited_on, first, last) ||
          (!satisfied && g_strcmp0 (in->satisfaction, "dissatisfied") != 0))
        continue;
      count (out, in->household_id, satisfied);
    }
  finish_ratio (out);
}
