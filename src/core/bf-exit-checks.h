/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit assessment of domain.md §7: each check passes or fails with its reason. */

/* Months the income must have stayed above the line, and the household been monitored. */
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
  gboolean labour_exception; /* recorded: stays under social-security support */
} BfExitFacts;

typedef struct
{
  BfExitCheckId id;
  gboolean passed;
  char *reason; /* translated, says the figures: "3,200.00 yuan per person, above 2,855.00 for 8
                   months." Owned: free with bf_exit_checks_clear(). */
} BfExitCheck;

const char *bf_exit_check_title (BfExitCheckId id); /* translated */
/* Fills @checks (BF_N_EXIT_CHECKS entries); returns TRUE when every check passes. */
gboolean bf_exit_checks_run (const BfExitFacts *facts, BfExitCheck checks[BF_N_EXIT_CHECKS]);
void bf_exit_checks_clear (BfExitCheck checks[BF_N_EXIT_CHECKS]);

G_END_DECLS
