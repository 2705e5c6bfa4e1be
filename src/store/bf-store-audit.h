/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The audit trail: the history of one record and the check of the hash chain
 * (bf-store-audit.c). */

#include "bf-store.h"

G_BEGIN_DECLS

/* The audit entries of one record (any table), newest first. */
GPtrArray *bf_store_audit_for (BfStore *self, const char *uuid, GError **error); /* BfAuditEntry */

/* Audit chain: returns FALSE and names the first broken entry in @error. */
gboolean bf_store_audit_verify (BfStore *self, gint64 *n_checked, GError **error);

G_END_DECLS
