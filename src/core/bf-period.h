/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A period of assessment (docs/domain.md §7, §8): a year or a quarter. Stored as "2026" or
 * "2026Q3". */
typedef struct
{
  int year;
  int quarter; /* 1–4; 0: the whole year */
} BfPeriod;

/* "2026", "2026Q3" (and the quarter forms bf_quarter_parse() takes); BF_DATE_ERROR_QUARTER with a
 * readable message otherwise. */
gboolean bf_period_parse (const char *text, BfPeriod *period, GError **error);
char *bf_period_format (const BfPeriod *period); /* "2026", "2026Q3" */
char *bf_period_label (const BfPeriod *period);  /* translated: "2026, quarter 3" */
/* First and last day, inclusive. */
void bf_period_range (const BfPeriod *period, GDate *first, GDate *last);
/* The same, as "YYYY-MM-DD" strings of at least 11 bytes each. */
void bf_period_range_iso (const BfPeriod *period, char first[11], char last[11]);

G_END_DECLS
