/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-lifecycle.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* A household's lifecycle (docs/domain.md §4): the timeline of its steps (state, date, operator,
 * reason, the record behind it) and the next steps the core's state machine allows, each with its
 * form — verification, township review, county approval with its document number, rejection and
 * sending back with a reason. Verification, review and approval are recorded as the store's reviews
 * (who decided, the decision, the opinion), shown on the timeline. Steps taken from a meeting or a
 * notice are pointed there; exit steps (and 返贫) are not offered: a household under assistance or
 * beyond gets a way to the Assessment & exit page ("lifecycle.open-exit"), where the exit checks
 * and acceptance are kept. A refused step shows the lifecycle's reason ("The village notice ends on
 * 2026-12-05.").
 *
 * Its "store" and "household-id" properties name the household; the form that holds it sets them.
 * It reads again when it comes back on screen after a change to the register. */
#define BF_TYPE_LIFECYCLE_PANEL (bf_lifecycle_panel_get_type ())
G_DECLARE_FINAL_TYPE (BfLifecyclePanel,
                      bf_lifecycle_panel,
                      BF,
                      LIFECYCLE_PANEL,
                      AdwPreferencesGroup)

GtkWidget *bf_lifecycle_panel_new (void);

/* Sets "store" and "household-id" at once and reads the household again (0: none). */
void bf_lifecycle_panel_set_household (BfLifecyclePanel *self, BfStore *store, gint64 household_id);

/* Opens the form of @action (FALSE when it does not apply now); then fill the entries and activate
 * "lifecycle.apply". */
gboolean bf_lifecycle_panel_begin (BfLifecyclePanel *self, BfAction action);
/* The form's entries by field: "date", "person", "reason", "document"; and its decision choice
 * (0 approve, 1 reject, 2 send back). */
GtkEditable *bf_lifecycle_panel_get_entry (BfLifecyclePanel *self, const char *field);
AdwComboRow *bf_lifecycle_panel_get_decision (BfLifecyclePanel *self);
/* The refusal or error last shown, NULL after a success. */
const char *bf_lifecycle_panel_get_problem (BfLifecyclePanel *self);
/* The timeline as shown, oldest first: each step's title and its details on a second line
 * ("2026-03-02 Verify: Surveyed → Verified\n测试员 · 王核查: Confirmed · 情况属实"). */
GPtrArray *bf_lifecycle_panel_get_timeline (BfLifecyclePanel *self);

G_END_DECLS
