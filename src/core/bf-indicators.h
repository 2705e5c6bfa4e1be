/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bf-lifecycle.h"

G_BEGIN_DECLS

/* The performance indicators of docs/domain.md §8 (考核指标) as pure functions over plain arrays
 * that the store fills from the register. Each figure says what it counts and which households
 * stand behind it, so that the list behind a figure is one click away. Dates are "YYYY-MM-DD"
 * strings (compared as text); a period is given by its first and last day, inclusive. */

typedef enum
{
  BF_INDICATOR_ACCURACY,      /* identification accuracy 识别准确率 */
  BF_INDICATOR_MEASURES,      /* measure implementation 帮扶措施落实率 */
  BF_INDICATOR_INCOME_GROWTH, /* income growth 收入增长: median change */
  BF_INDICATOR_ABOVE_LINE,    /* income growth: share above the poverty line */
  BF_INDICATOR_SATISFACTION,  /* satisfaction 满意度 */
  BF_N_INDICATORS
} BfIndicatorId;

typedef struct
{
  BfIndicatorId id;
  gint64 numerator;
  gint64 denominator;
  /* numerator ÷ denominator (0–1); for BF_INDICATOR_INCOME_GROWTH the median change in fen.
   * NAN when the denominator is 0: there is nothing to measure. */
  double value;
  GArray *households; /* gint64: every household behind the denominator, ascending, unique */
  GArray *short_of;   /* gint64: those of them with something outside the numerator */
} BfIndicator;

void bf_indicator_init (BfIndicator *indicator, BfIndicatorId id);
void bf_indicator_clear (BfIndicator *indicator);
void bf_indicator_copy (const BfIndicator *from, BfIndicator *to);

/* "accuracy", "measures", "income_growth", "above_line", "satisfaction" (for JSON). */
const char *bf_indicator_code (BfIndicatorId id);
const char *bf_indicator_title (BfIndicatorId id);      /* translated */
const char *bf_indicator_definition (BfIndicatorId id); /* translated: how it is computed */
/* Translated: what the numerator and the denominator count ("households approved"). */
const char *bf_indicator_numerator_label (BfIndicatorId id);
const char *bf_indicator_denominator_label (BfIndicatorId id);
/* "98.5%"; for income growth "+312.00 yuan" (translated unit); "—" without data. */
char *bf_indicator_format_value (const BfIndicator *indicator);

/* Statuses of households under assistance (帮扶中 up to exit acceptance): the households whose
 * income growth counts. */
gboolean bf_status_is_under_assistance (BfStatus status);

/* Identification accuracy: households approved by the county on or before @last that by @last had
 * neither been corrected as wrongly identified (识别不准纠错) nor had an objection upheld, ÷
 * households approved on or before @last. One input per household. */
typedef struct
{
  gint64 household_id;
  const char *approved_on;         /* first county approval; NULL: never approved */
  const char *corrected_on;        /* earliest correction adjustment; NULL: none */
  const char *objection_upheld_on; /* earliest upheld objection decided; NULL: none */
} BfAccuracyInput;

void bf_indicator_accuracy (const BfAccuracyInput *inputs,
                            gsize n_inputs,
                            const char *last,
                            BfIndicator *out);

/* Measure implementation: measures due in [@first, @last] completed on or before their due date,
 * ÷ measures due in the period. Cancelled measures are not counted. One input per measure. */
typedef struct
{
  gint64 household_id;
  const char *due_on;
  const char *status; /* measure status code */
  const char *completed_on;
} BfMeasureInput;

void bf_indicator_measures (const BfMeasureInput *inputs,
                            gsize n_inputs,
                            const char *first,
                            const char *last,
                            BfIndicator *out);

/* Income growth, from each household's last two assessments up to the period's end. Only
 * households under assistance at the period's end count.
 *   growth: value = median of (latest − previous) per-capita income in fen over the households
 *           with two assessments; numerator = those whose income grew.
 *   above_line: households whose latest per-capita income is strictly above the poverty line of
 *           that assessment, ÷ households with an assessment. */
typedef struct
{
  gint64 household_id;
  gboolean under_assistance; /* at the period's end */
  gint64 latest_fen;
  gint64 latest_poverty_line_fen;
  gboolean has_previous;
  gint64 previous_fen;
} BfIncomeInput;

void bf_indicator_income (const BfIncomeInput *inputs,
                          gsize n_inputs,
                          BfIndicator *growth,
                          BfIndicator *above_line);

/* Satisfaction: visits in [@first, @last] rated 满意 or 基本满意 ÷ rated visits in the period.
 * One input per visit; a visit without a (valid) rating is not counted. */
typedef struct
{
  gint64 household_id;
  const char *visited_on;
  const char *satisfaction; /* satisfaction code or NULL */
} BfVisitInput;

void bf_indicator_satisfaction (const BfVisitInput *inputs,
                                gsize n_inputs,
                                const char *first,
                                const char *last,
                                BfIndicator *out);

/* The median of @values (sorted in place); the mean of the middle two for an even count, rounded
 * half away from zero. FALSE when @n_values is 0. */
gboolean bf_median_fen (gint64 *values, gsize n_values, gint64 *median);

G_END_DECLS
