/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-helpers-view.h"
#include "bf-measures-view.h"
#include "bf-supervision-view.h"

G_BEGIN_DECLS

/* The Assistance plans page (帮扶计划): every measure across households, the helpers, the visits
 * (problems not rectified, households not visited) and supervision. It shows the register of
 * its "store" property (BfStore, bound by the window to the open register). */
#define BF_TYPE_PLANS_PAGE (bf_plans_page_get_type ())
G_DECLARE_FINAL_TYPE (BfPlansPage, bf_plans_page, BF, PLANS_PAGE, AdwBin)

GtkWidget *bf_plans_page_new (void);

/* The "store" property: shows @store (NULL: nothing). */
void bf_plans_page_set_store (BfPlansPage *self, BfStore *store);
BfStore *bf_plans_page_get_store (BfPlansPage *self);
/* "measures", "helpers", "visits" or "supervision". */
void bf_plans_page_show_view (BfPlansPage *self, const char *name);

BfMeasuresView *bf_plans_page_get_measures_view (BfPlansPage *self);
BfHelpersView *bf_plans_page_get_helpers_view (BfPlansPage *self);
BfSupervisionView *bf_plans_page_get_visits_view (BfPlansPage *self);
BfSupervisionView *bf_plans_page_get_supervision_view (BfPlansPage *self);

G_END_DECLS
