/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-gui-read.h"
#include "bf-store-assessment.h"

G_BEGIN_DECLS

/* The Exit view of the Assessment & exit page: the households under assistance and on their way
 * to exit, and for the chosen one its exit checks, its exception and its next step. */
#define BF_TYPE_EXIT_VIEW (bf_exit_view_get_type ())
G_DECLARE_FINAL_TYPE (BfExitView, bf_exit_view, BF, EXIT_VIEW, AdwBin)

GtkWidget *bf_exit_view_new (void);

/* @worker (owned by the page) reads the lists off the main loop; writes go through @store. */
void bf_exit_view_set_store (BfExitView *self, BfStore *store, BfGuiReader *worker);
void bf_exit_view_refresh (BfExitView *self);
void bf_exit_view_select_household (BfExitView *self, gint64 household_id);
gint64 bf_exit_view_get_household (BfExitView *self);

/* For tests: the listed candidates (BfExitRow), the chosen household's status and checks. */
GListModel *bf_exit_view_get_candidates (BfExitView *self);
const char *bf_exit_view_get_status (BfExitView *self);
gboolean bf_exit_view_get_check_passed (BfExitView *self, BfExitCheckId id);
const char *bf_exit_view_get_check_reason (BfExitView *self, BfExitCheckId id);

G_END_DECLS
