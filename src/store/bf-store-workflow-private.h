/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A lifecycle step inside another write (bf-store-workflow.c): for the files whose writes move
 * households (meetings, notices, objections, exit, adjustments). */

#include "bf-store-private.h"
#include "bf-store-workflow.h"

G_BEGIN_DECLS

/* bf_store_household_transition inside the current write, for writes that move many households
 * at once (a meeting, a notice): the caller commits or rolls back all of them. */
gboolean _bf_store_transition (BfStore *self,
                               gint64 household_id,
                               BfAction action,
                               const BfTransitionFacts *facts,
                               GError **error);

G_END_DECLS
