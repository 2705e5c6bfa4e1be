/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by bf-store-meetings.c and bf-store-notices.c only. */

#include "bf-store-household-private.h"
#include "bf-store-notices.h"
#include "bf-store-workflow.h"

G_BEGIN_DECLS

/* Fails with BF_STORE_ERROR_INVALID naming the household (number and head) before @message. */
void _bf_notices_household_error (GError **error,
                                  const char *number,
                                  const char *head_name,
                                  const char *message);
/* Runs the lifecycle step inside the current write; on refusal the error names the household. */
gboolean _bf_notices_transition (BfStore *self,
                                 gint64 household_id,
                                 BfAction action,
                                 const BfTransitionFacts *facts,
                                 GError **error);

/* A live notice with its counts, without items; NOT_FOUND when deleted or missing. */
BfNotice *_bf_notices_load_row (BfStore *self, gint64 id, GError **error);
/* Reads the notice's items (removed ones too) into @notice->items. */
gboolean _bf_notices_read_items (BfStore *self, BfNotice *notice, GError **error);

G_END_DECLS
