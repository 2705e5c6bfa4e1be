/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The full check of a register (bf-store-check.c). */

#include "bf-store.h"

G_BEGIN_DECLS

/* Full check: SQLite integrity and foreign keys, the audit chain and the domain rules.
 * @problems receives readable lines (empty when all is well); FALSE only when the check itself
 * could not run. */
gboolean bf_store_check (BfStore *self, GPtrArray **problems, GError **error);

G_END_DECLS
