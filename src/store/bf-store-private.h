/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to src/store: the pieces every write path shares. Nothing outside src/store includes
 * this file or sqlite3.h. */

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "bf-store.h"

G_BEGIN_DECLS

sqlite3 *_bf_store_db (BfStore *self);

/* Prepared statements are cached per store; reset and cleared-bindings on return. Reset a
 * statement when done with it (a statement left on a row keeps a read transaction open): declare
 * it as `g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (…)` and the reset is automatic. */
sqlite3_stmt *_bf_store_prepare (BfStore *self, const char *sql, GError **error);
typedef sqlite3_stmt BfCachedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfCachedStmt, sqlite3_reset)

/* A write is: _bf_store_begin, the changes, one or more _bf_store_audit, _bf_store_commit.
 * On any error call _bf_store_rollback: nothing of the write remains, no audit entry either.
 * Writes do not nest. A failed commit has already rolled back; _bf_store_rollback is harmless
 * outside a write. */
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

/* Adds "field": [before, after] to an audit change set (NULL before/after: JSON null). */
void
_bf_changes_add (JsonObject *changes, const char *field, const char *before, const char *after);
void _bf_changes_add_int (JsonObject *changes, const char *field, gint64 before, gint64 after);

/* Binds NULL for a NULL string; returns the column as a new string, NULL for SQL NULL. */
int _bf_bind_text (sqlite3_stmt *stmt, int index, const char *text);
char *_bf_column_dup (sqlite3_stmt *stmt, int column);

/* Tests only: take migrations from @resource under @path (NULL, NULL: the built-in ones). */
void _bf_store_set_migrations (GResource *resource, const char *path);
/* The schema version this build writes (the highest migration). */
guint _bf_store_schema_version (void);
/* Keeps the newest 24 backups of @stem in @dir plus the newest of each of the 7 most recent days
 * that have backups; deletes the rest. */
void _bf_store_rotate_backups (const char *dir, const char *stem);

/* Checks a file read-only: a healthy register this build can read; never writes to it. */
gboolean _bf_store_inspect (const char *path, guint *user_version, GError **error);
/* The lock file of an exclusive open: the fd (>= 0), -1 with @error set (IN_USE when held), or
 * -2 when @read_only and the directory cannot hold a lock file. */
int _bf_lock_acquire (const char *register_path,
                      const char *lock_path,
                      gboolean read_only,
                      GError **error);
void _bf_lock_release (const char *lock_path, int fd);
/* Nothing changed since the backup just made. */
void _bf_store_backed_up (BfStore *self);
gboolean _bf_fsync_path (const char *path, gboolean directory);
void _bf_fsync_parent (const char *path);

/* bf_store_household_transition inside the current write, for writes that move many households
 * at once (a meeting, a notice): the caller commits or rolls back all of them. */
gboolean _bf_store_transition (BfStore *self,
                               gint64 household_id,
                               BfAction action,
                               const BfTransitionFacts *facts,
                               GError **error);

/* NULL, empty or only ASCII white space. */
gboolean _bf_is_blank (const char *text);

char *_bf_uuid_new (void);
char *_bf_now_iso (void); /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */

G_END_DECLS
