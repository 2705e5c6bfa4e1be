/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-gui-read.h"
#include "bf-indicators.h"

G_BEGIN_DECLS

/* The households behind one figure: its definition, its counts and the list, which can be
 * narrowed to the households short of it. */
#define BF_TYPE_CASE_LIST_WINDOW (bf_case_list_window_get_type ())
G_DECLARE_FINAL_TYPE (BfCaseListWindow, bf_case_list_window, BF, CASE_LIST_WINDOW, AdwWindow)

/* @scope names where the figure is from ("2026, quarter 3 · 清水村"). */
GtkWidget *bf_case_list_window_new (GtkWindow *parent,
                                    BfGuiReader *worker,
                                    const BfIndicator *indicator,
                                    const char *scope);
/* The rows shown (BfExitRow); empty until they have been read. */
GListModel *bf_case_list_window_get_rows (BfCaseListWindow *self);
/* TRUE once the rows have been read (or failed to be). */
gboolean bf_case_list_window_get_loaded (BfCaseListWindow *self);

G_END_DECLS
