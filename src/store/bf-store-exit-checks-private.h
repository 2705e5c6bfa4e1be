/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The exit checks run on the register (bf-store-exit-checks.c): shared by the workflow, which
 * refuses an exit step that fails them, and the exit file, which records them. */

#include "bf-store-assessment.h"
#include "bf-store-private.h"

G_BEGIN_DECLS

/* The household's status, its first identification and latest survey income (each may be
 * NULL); NOT_FOUND when it is not (or no longer) in the register. */
gboolean _bf_exit_load_household (BfStore *self,
                                  gint64 household_id,
                                  char **status,
                                  char **first_identified_on,
                                  gint64 *survey_fen,
                                  GError **error);
/* Runs the checks as of @date inside a write; with @require_pass, a failing check refuses the
 * step with every failing reason. @checks_json receives them as stored in exit_acceptances. */
gboolean _bf_exit_run_checks (BfStore *self,
                              gint64 household_id,
                              const char *date,
                              gboolean require_pass,
                              char **checks_json,
                              GError **error);
/* Refuses (BF_STORE_ERROR_REFUSED, each failing check with its reason) unless the household
 * passes every exit check as of @date; inside a write. */
gboolean
_bf_exit_require_checks (BfStore *self, gint64 household_id, const char *date, GError **error);

G_END_DECLS
