/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-gui-read.h"
#include "bf-store-assessment.h"

G_BEGIN_DECLS

/* The Adjustments view: dynamic adjustments of a quarter and the form to record one. */
#define BF_TYPE_ADJUSTMENTS_VIEW (bf_adjustments_view_get_type ())
G_DECLARE_FINAL_TYPE (BfAdjustmentsView, bf_adjustments_view, BF, ADJUSTMENTS_VIEW, AdwBin)

GtkWidget *bf_adjustments_view_new (void);
void bf_adjustments_view_set_store (BfAdjustmentsView *self, BfStore *store, BfGuiReader *worker);
void bf_adjustments_view_refresh (BfAdjustmentsView *self);
/* The listed adjustments (BfExitRow), for tests. */
GListModel *bf_adjustments_view_get_adjustments (BfAdjustmentsView *self);

G_END_DECLS
