/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Households, their members and latest survey: each write is one transaction with its audit
 * entries; a new household has id 0 (bf-store-household*.c). */

#include "bf-store.h"

G_BEGIN_DECLS

/* Saving validates first (BF_STORE_ERROR_INVALID names the field), writes the household, its
 * members and its latest survey in one transaction, and on success refreshes @household from the
 * register (ids, uuids, person numbers, derived sex/birth date/per-capita income). On failure
 * nothing is written and @household is unchanged. */
gboolean bf_store_household_save (BfStore *self, BfHousehold *household, GError **error);
/* get and get_by_number also return deleted households (deleted_at set); save refuses them. */
BfHousehold *bf_store_household_get (BfStore *self, gint64 id, GError **error);
BfHousehold *bf_store_household_get_by_number (BfStore *self, const char *number, GError **error);
gboolean bf_store_household_delete (BfStore *self, gint64 id, GError **error); /* soft */
gboolean bf_store_household_restore (BfStore *self, gint64 id, GError **error);
/* The next free number of the village: "VVV-NNNNN", the village's id (three digits) and the
 * household's sequence in the village (five digits), e.g. "003-00157". Person numbers are the
 * household number plus "-NN". */
char *bf_store_household_next_number (BfStore *self, gint64 village_id, GError **error);
/* The active household that has @id_number (normalised first) as a member: TRUE with its id and
 * number; FALSE when there is none (or on error, with @error set). What a caller reads after
 * BF_STORE_ERROR_DUPLICATE_PERSON. */
gboolean bf_store_find_person (BfStore *self,
                               const char *id_number,
                               gint64 *household_id,
                               char **household_number,
                               GError **error);

G_END_DECLS
