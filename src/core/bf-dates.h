/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BF_DATE_ERROR (bf_date_error_quark ())

typedef enum
{
  BF_DATE_ERROR_INVALID,
  BF_DATE_ERROR_QUARTER,
} BfDateError;

GQuark bf_date_error_quark (void);

/* Strict ISO "YYYY-MM-DD" with a real calendar date. */
gboolean bf_date_parse (const char *text, GDate *out, GError **error);
/* "YYYY-MM-DD"; NULL for an invalid (cleared) date. */
char *bf_date_format (const GDate *date);
/* Today in local time; BANGFU_TODAY=YYYY-MM-DD overrides it (tests, demos). */
void bf_date_today (GDate *out);

/* "2026Q3" (also "2026q3", "2026-Q3"). */
gboolean bf_quarter_parse (const char *text, int *year, int *quarter, GError **error);
char *bf_quarter_format (int year, int quarter);
void bf_quarter_range (int year, int quarter, GDate *first, GDate *last);
/* The last quarter that ended before @today. */
void bf_quarter_last_complete (const GDate *today, int *year, int *quarter);

/* A notice of @days days starting on @start ends on start + days - 1 (inclusive). */
void bf_notice_period_end (const GDate *start, guint days, GDate *end);
/* Whole years of age on @on (negative before the birth). A 29 February birthday is reached on
 * 1 March in common years. */
int bf_age_on (const GDate *birth, const GDate *on);
/* Whole months from @from to @to (0 when @to is before @from); 31 January to 28 February is a
 * whole month, as GDate clamps the day. */
int bf_months_between (const GDate *from, const GDate *to);

G_END_DECLS
