/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-adjustments-view.h"
#include "bf-exit-view.h"
#include "bf-indicators-view.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* The Assessment & exit page (评估与退出): income assessment, exit, follow-up, dynamic
 * adjustment and the indicators. Inside a BfWindow it shows the window's register by itself. */
#define BF_TYPE_ASSESSMENT_PAGE (bf_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (BfAssessmentPage, bf_assessment_page, BF, ASSESSMENT_PAGE, AdwBin)

GtkWidget *bf_assessment_page_new (void);

void bf_assessment_page_set_store (BfAssessmentPage *self, BfStore *store);
BfStore *bf_assessment_page_get_store (BfAssessmentPage *self);
/* "income", "exit", "follow-up", "adjustments" or "indicators". */
void bf_assessment_page_show_view (BfAssessmentPage *self, const char *name);
/* The exit view with household @household_id chosen. */
void bf_assessment_page_show_household (BfAssessmentPage *self, gint64 household_id);

BfExitView *bf_assessment_page_get_exit_view (BfAssessmentPage *self);
BfAdjustmentsView *bf_assessment_page_get_adjustments_view (BfAssessmentPage *self);
BfIndicatorsView *bf_assessment_page_get_indicators_view (BfAssessmentPage *self);
/* The rows of the below/near list and of the follow-up list (BfExitRow), for tests. */
GListModel *bf_assessment_page_get_assessments (BfAssessmentPage *self);
GListModel *bf_assessment_page_get_follow_ups (BfAssessmentPage *self);
/* TRUE while an assessment runs. */
gboolean bf_assessment_page_get_busy (BfAssessmentPage *self);

G_END_DECLS
