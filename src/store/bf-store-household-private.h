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

/* Steps @stmt to completion (a write, or a query whose rows are not needed) and resets it.
 * On failure @error says @what failed, with SQLite's reason. */
gboolean _bf_store_step_done (BfStore *self, sqlite3_stmt *stmt, const char *what, GError **error);

G_END_DECLS
