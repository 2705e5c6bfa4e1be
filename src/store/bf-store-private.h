/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to src/store: the pieces every write path shares. Nothing outside src/store includes
 * this file or sqlite3.h. */

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "bf-store.h"

G_BEGIN_DECLS

sqlite3 *_bf_store_db (BfStore *self);

/* Prepared statements are cached per store; reset and cleared-bindings on return. */
sqlite3_stmt *_bf_store_prepare (BfStore *self, const char *sql, GError **error);

/* A write is: _bf_store_begin, the changes, one or more _bf_store_audit, _bf_store_commit.
 * On any error call _bf_store_rollback: nothing of the write remains, no audit entry either. */
gboolean _bf_store_begin (BfStore *self, GError **error);
gboolean _bf_store_commit (BfStore *self, GError **error);
void _bf_store_rollback (BfStore *self);

/* Appends a hash-chained audit entry. @changes is a JSON object {"field": [before, after]}
 * (taken: may be NULL for {}). Must be inside a write. */
gboolean _bf_store_audit (BfStore *self,
                          const char *action,
                          const char *entity,
                          const char *uuid,
                          JsonObject *changes,
                          GError **error);

/* Sets @error from the connection's last error, with @what saying what was being done. */
void _bf_store_set_sqlite_error (BfStore *self, GError **error, const char *what);

char *_bf_uuid_new (void);
char *_bf_now_iso (void); /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */

G_END_DECLS
