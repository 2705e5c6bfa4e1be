/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store-plans.h"

G_BEGIN_DECLS

/* Every measure across the households, filtered by category, department, status, village,
 * helper, year and "overdue" (in SQL), overdue rows marked, the count and the budget and spent
 * totals of what the filters show, and a status given to the selected measures in one step. */
#define BF_TYPE_MEASURES_VIEW (bf_measures_view_get_type ())
G_DECLARE_FINAL_TYPE (BfMeasuresView, bf_measures_view, BF, MEASURES_VIEW, GtkWidget)

GtkWidget *bf_measures_view_new (void);
void bf_measures_view_set_store (BfMeasuresView *self, BfStore *store);
/* Reads the list again (after changes elsewhere). */
void bf_measures_view_reload (BfMeasuresView *self);

/* For tests: a filter by key ("category", "department", "status", "village", "helper", "year":
 * a code or an id as text, "" for all; "overdue": "1" or ""). */
void bf_measures_view_set_filter (BfMeasuresView *self, const char *key, const char *value);
GtkSelectionModel *bf_measures_view_get_selection (BfMeasuresView *self);
/* The row at @position (BfMeasure), or NULL. */
const BfMeasure *bf_measures_view_get_measure (BfMeasuresView *self, guint position);
const char *bf_measures_view_get_totals (BfMeasuresView *self);
/* Gives the selected measures @status; FALSE (with the reason shown) when it failed. */
gboolean bf_measures_view_set_status (BfMeasuresView *self, const char *status);

G_END_DECLS
