/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store-plans.h"

G_BEGIN_DECLS

/* Lists of what needs attention, each line opening its household. Supervision (监督检查): overdue
 * measures, open problems past their deadline, households without a helper, registered
 * households without a plan for the current year. Visits: the problems not rectified, and the
 * households not visited for the days set in Preferences. */
typedef enum
{
  BF_SUPERVISION_OVERDUE_MEASURES,
  BF_SUPERVISION_LATE_PROBLEMS,
  BF_SUPERVISION_WITHOUT_HELPER,
  BF_SUPERVISION_WITHOUT_PLAN,
  BF_SUPERVISION_OPEN_PROBLEMS,
  BF_SUPERVISION_NOT_VISITED,
  BF_N_SUPERVISION_SECTIONS
} BfSupervisionSection;

#define BF_TYPE_SUPERVISION_VIEW (bf_supervision_view_get_type ())
G_DECLARE_FINAL_TYPE (BfSupervisionView, bf_supervision_view, BF, SUPERVISION_VIEW, GtkWidget)

/* @visits: the Visits lists; otherwise the four supervision lists. */
GtkWidget *bf_supervision_view_new (gboolean visits);
void bf_supervision_view_set_store (BfSupervisionView *self, BfStore *store);
void bf_supervision_view_reload (BfSupervisionView *self);

/* For tests: how many lines a section counts (-1: not shown), and its line @index (a row that
 * opens the household when activated), or NULL. */
gint64 bf_supervision_view_get_count (BfSupervisionView *self, BfSupervisionSection section);
AdwActionRow *
bf_supervision_view_get_row (BfSupervisionView *self, BfSupervisionSection section, guint index);

G_END_DECLS
