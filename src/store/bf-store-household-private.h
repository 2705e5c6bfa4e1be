/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by bf-store-household.c and bf-store-search.c; internal to src/store. */

#include "bf-store-private.h"

G_BEGIN_DECLS

/* Rewrites the search row of household @household_id from its @number and its active @members
 * (BfMember), so that the FTS indexes follow. Must be inside a write. */
gboolean _bf_store_search_index (BfStore *self,
                                 gint64 household_id,
                                 const char *number,
                                 GPtrArray *members,
                                 GError **error);

/* Rewrites the search rows of every household in one write of its own (no audit entry: the
 * index is derived data). For code that writes households around the household API, such as a
 * bulk generator, once it is done; searching also does it once per store when it finds
 * households without a search row. */
gboolean _bf_store_search_rebuild (BfStore *self, GError **error);

/* bf_store_household_save() inside a write the caller began: validates and writes @household
 * (members and survey), leaving @household itself unchanged. */
gboolean _bf_store_household_save_in_write (BfStore *self, BfHousehold *household, GError **error);

/* Tests only: force the way a search goes, whatever the numbers. @plan: how a page meets its
 * text's candidates: 0 chosen (the default), 1 looks them up by id, 2 tests a set of them while
 * walking an index, 3 probes the text index for each household walked. @walk: -1 chosen, 0 one
 * filter's index drives, 1 the filters only test rows while the sort order's index is walked,
 * 2 walking runs out of budget at once and falls back to 0. Every combination must give the
 * same rows. */
void _bf_store_search_force (int plan, int walk);

G_END_DECLS
