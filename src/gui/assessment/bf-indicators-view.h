/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-gui-read.h"
#include "bf-indicator-chart.h"
#include "bf-store-assessment.h"

G_BEGIN_DECLS

/* The Indicators view (考核指标): period and scope choosers, the four indicators with their
 * definitions, a chart by village, and the households behind every figure. */
#define BF_TYPE_INDICATORS_VIEW (bf_indicators_view_get_type ())
G_DECLARE_FINAL_TYPE (BfIndicatorsView, bf_indicators_view, BF, INDICATORS_VIEW, AdwBin)

GtkWidget *bf_indicators_view_new (void);
void bf_indicators_view_set_store (BfIndicatorsView *self, BfStore *store, BfGuiReader *worker);
/* Computes the figures again (off the main loop). */
void bf_indicators_view_refresh (BfIndicatorsView *self);
/* The figures shown, NULL while computing or when there are none. */
const BfIndicatorReport *bf_indicators_view_get_report (BfIndicatorsView *self);
/* Opens the households behind indicator @id of village @village_index (-1: of the scope), as a
 * card or a bar does. */
void bf_indicators_view_open_list (BfIndicatorsView *self, gint village_index, BfIndicatorId id);
BfIndicatorChart *bf_indicators_view_get_chart (BfIndicatorsView *self);

G_END_DECLS
