/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Finding households: SQL filtering and sorting with keyset paging, and the ids and rows of a
 * whole result for lists that show any part of it (bf-store-search.c). */

#include "bf-store.h"

G_BEGIN_DECLS

/* Search with SQL filtering and sorting, keyset paging. Text is a literal substring of the
 * household number, an active member's name or ID number (any length, case folded). */
BfHouseholdPage *bf_store_household_search (BfStore *self,
                                            const BfHouseholdQuery *query,
                                            const BfHouseholdCursor *after, /* NULL: first page */
                                            guint limit,
                                            GError **error);
gint64 bf_store_household_count (BfStore *self, const BfHouseholdQuery *query, GError **error);

/* For lists that show any part of a large result at once (a scroll bar dragged to the end): every
 * matching household's id in the query's order, filtered and sorted in SQL, then the rows of any
 * slice of them. Meant for a reader connection in a worker thread. */
GArray *bf_store_household_search_ids (BfStore *self,
                                       const BfHouseholdQuery *query,
                                       GCancellable *cancellable,
                                       GError **error); /* of gint64 */
/* The rows of @ids in the same order; ids that are gone are left out. */
GPtrArray *bf_store_household_rows (BfStore *self,
                                    const gint64 *ids,
                                    guint n_ids,
                                    GError **error); /* of BfHouseholdRow */

G_END_DECLS
