/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bf-codes.h"

G_BEGIN_DECLS

/* Assistance measures (docs/domain.md §6): the sub-types of each measure category, and the measures
 * that usually answer each cause of poverty (分类施策、因户因人施策), which a caseworker may
 * accept or ignore when drawing up a household's plan. */

/* The sub-types of @category (a BF_CODES_MEASURE_CATEGORY code) in display order; NULL with
 * @n_subtypes 0 for an unknown category. Sub-type codes are stored in measures.subtype: stable,
 * unique within their category. */
const BfCode *bf_measure_subtypes (const char *category, gsize *n_subtypes);
/* Translated label of @subtype in @category, or NULL when it is not one of its sub-types. */
const char *bf_measure_subtype_label (const char *category, const char *subtype);
gboolean bf_measure_subtype_is_valid (const char *category, const char *subtype);

typedef struct
{
  const char *cause;       /* BF_CODES_CAUSE code */
  const char *category;    /* BF_CODES_MEASURE_CATEGORY code */
  const char *subtype;     /* one of the category's sub-types */
  const char *department;  /* BF_CODES_DEPARTMENT code that usually owns it */
  const char *description; /* English msgid: a first description, for gettext */
} BfMeasureSuggestion;

/* The measures that usually answer @cause, most important first; NULL with @n 0 for an unknown
 * cause or one with no usual answer ("other"). */
const BfMeasureSuggestion *bf_measure_suggestions_for_cause (const char *cause, gsize *n);

/* The suggestions for a household's causes (the primary first, NULL entries skipped), in that
 * order, each category and sub-type once: a GPtrArray of const BfMeasureSuggestion* (not owned
 * by the array). */
GPtrArray *bf_measure_suggest (const char *const *causes, gsize n_causes);

/* Whether a measure in @status with @due_on ("YYYY-MM-DD" or NULL) is overdue on @today: its due
 * date has passed and it is still planned or in progress. Completed and cancelled measures are
 * never overdue; nor is a measure without a due date. */
gboolean bf_measure_is_overdue (const char *status, const char *due_on, const GDate *today);
/* Whether @status (a BF_CODES_MEASURE_STATUS code) counts as open: planned or in progress. */
gboolean bf_measure_status_is_open (const char *status);

G_END_DECLS
