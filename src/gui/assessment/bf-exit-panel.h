/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store.h"

G_BEGIN_DECLS

/* The household form's part of assessment and exit: the latest income assessment, the exit checks
 * in one line, the recorded exception and the dynamic adjustments, with a way to the Assessment &
 * exit page for the household ("win.show-assessment"). Its "store" and "household-id" properties
 * name the household; the form that holds it sets them. It reads again when it comes back on
 * screen after a change to the register. */
#define BF_TYPE_EXIT_PANEL (bf_exit_panel_get_type ())
G_DECLARE_FINAL_TYPE (BfExitPanel, bf_exit_panel, BF, EXIT_PANEL, AdwPreferencesGroup)

GtkWidget *bf_exit_panel_new (void);
/* Sets "store" and "household-id" at once and reads the household again (0 or NULL: hides the
 * panel's rows). */
void bf_exit_panel_set_household (BfExitPanel *self, BfStore *store, gint64 household_id);
/* The line of the exit checks, as shown (for tests). */
const char *bf_exit_panel_get_checks_text (BfExitPanel *self);

G_END_DECLS
