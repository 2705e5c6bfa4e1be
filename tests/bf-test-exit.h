/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-store-assessment.h"

G_BEGIN_DECLS

/* A household saved through the store: a head able to work (or not), a second member (a child
 * without labour) when @two_members, and a 2026 survey with the six guarantees secured and
 * @wage_fen of wages. Returns its id. */
gint64 bf_test_exit_household (BfStore *store,
                               gint64 village_id,
                               const char *number,
                               const char *head_name,
                               guint seq,
                               gint64 wage_fen,
                               gboolean head_works,
                               gboolean two_members);
/* Puts the household under assistance as if the county had approved it on @approved_on. */
void bf_test_exit_register (BfStore *store, gint64 household_id, const char *approved_on);
/* A completed measure (with its plan) for the household, due and completed on @on. */
void bf_test_exit_measure (BfStore *store,
                           gint64 household_id,
                           const char *status,
                           const char *due_on,
                           const char *completed_on);
/* A visit on @on rated @satisfaction (NULL: not rated). */
void
bf_test_exit_visit (BfStore *store, gint64 household_id, const char *on, const char *satisfaction);
/* An assessment written straight into the table. */
void bf_test_exit_assessment (BfStore *store,
                              gint64 household_id,
                              const char *period,
                              const char *assessed_on,
                              gint64 per_capita_fen,
                              gint64 poverty_line_fen);
/* The number of audit entries. */
gint64 bf_test_exit_audit_count (BfStore *store);

G_END_DECLS
