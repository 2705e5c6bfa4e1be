/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-store.h"

G_BEGIN_DECLS

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
