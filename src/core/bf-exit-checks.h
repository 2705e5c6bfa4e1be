/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit assessment of docs/domain.md §7: each check passes or fails with its reason. */

/* Months the income must have stayed above the line, and the household been monitored, unless
 * the facts say otherwise (the register's settings exit.stable_months / exit.monitored_months). */
#define BF_EXIT_MIN_MONTHS 6

typedef enum
{
  BF_EXIT_CHECK_INCOME,     /* strictly above the line, and so for >= 6 months */
  BF_EXIT_CHECK_GUARANTEES, /* the six guarantees secured */
  BF_EXIT_CHECK_MEASURE,    /* at least one measure completed */
  BF_EXIT_CHECK_MONITORED,  /* monitored for >= 6 months */
  BF_EXIT_CHECK_LABOUR,     /* a member with labour ability, or a recorded exception */
  BF_N_EXIT_CHECKS
} BfExitCheckId;

typedef struct
{
  gint64 per_capita_fen;
  gint64 poverty_line_fen;
  guint months_above_line; /* consecutive months the income has been above the line */
  gboolean secured[6];     /* food, clothing, education, medical, housing, water */
  guint measures_completed;
  guint months_monitored; /* since registration */
  guint members_with_labour;
  gboolean labour_exception;   /* recorded: stays under social-security support */
  guint min_months_above_line; /* 0: BF_EXIT_MIN_MONTHS */
  guint min_months_monitored;  /* 0: BF_EXIT_MIN_MONTHS */
} BfExitFacts;

typedef struct
{
  BfExitCheckId id;
  gboolean passed;
  char *reason; /* translated, says the figures: "3,200.00 yuan per person, above 2,855.00 for 8
                   months." Owned: free with bf_exit_checks_clear(). */
} BfExitCheck;

const char *bf_exit_check_title (BfExitCheckId id); /* translated */
/* Stable codes for stored check lists (exit_acceptances.checks): "income", "guarantees",
 * "measure", "monitored", "labour". */
const char *bf_exit_check_code (BfExitCheckId id);
gboolean bf_exit_check_from_code (const char *code, BfExitCheckId *id);
/* Whether the rules allow a recorded exception in place of the check (docs/domain.md §7: only the
 * labour check, for a household kept under social-security support). */
gboolean bf_exit_check_allows_exception (BfExitCheckId id);
/* Fills @checks (BF_N_EXIT_CHECKS entries); returns TRUE when every check passes. */
gboolean bf_exit_checks_run (const BfExitFacts *facts, BfExitCheck checks[BF_N_EXIT_CHECKS]);
void bf_exit_checks_clear (BfExitCheck checks[BF_N_EXIT_CHECKS]);

/* One income assessment of a household, for bf_exit_months_above_line(). */
typedef struct
{
  const char *assessed_on; /* "YYYY-MM-DD" */
  gint64 per_capita_fen;
  gint64 poverty_line_fen; /* the line of the assessment's year */
} BfIncomePoint;

/* Whole months from the first assessment of the latest unbroken run of assessments strictly above
 * their line to @today: 0 when the latest assessment is not above its line, or there is none.
 * @points are in date order, oldest first; an unparseable date ends the run. */
guint bf_exit_months_above_line (const BfIncomePoint *points, gsize n_points, const GDate *today);

G_END_DECLS
