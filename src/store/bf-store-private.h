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

/* Shared by the record files (bf-store-util.c). */

/* Steps @stmt once: TRUE on a row (left for reading), otherwise NOT_FOUND with @missing, or the
 * SQLite error. */
gboolean _bf_step_row (BfStore *self, sqlite3_stmt *stmt, const char *missing, GError **error);
/* Reads a row of a statement into a new record. */
typedef gpointer (*BfRowRead) (sqlite3_stmt *stmt);
/* The first row of @stmt (already bound) made by @read, or NULL as _bf_step_row() says. */
gpointer _bf_row_read_one (BfStore *self,
                           sqlite3_stmt *stmt,
                           BfRowRead read,
                           const char *missing,
                           GError **error);
/* Every row of @stmt (already bound) made by @read; NULL on error. */
GPtrArray *_bf_rows_read (BfStore *self,
                          sqlite3_stmt *stmt,
                          BfRowRead read,
                          GDestroyNotify free_row,
                          GError **error);
/* NOT_FOUND with @missing unless row @id of @table (a constant name) exists and is not
 * deleted. */
gboolean
_bf_require_live (BfStore *self, const char *table, gint64 id, const char *missing, GError **error);
/* NOT_FOUND unless @village_id is a live village. */
gboolean _bf_village_exists (BfStore *self, gint64 village_id, GError **error);
/* Parses @text (NULL: today) into @date and its ISO form @iso (each may be NULL); refuses
 * invalid and future dates naming the field @what ("Approval date"). */
gboolean
_bf_past_date (const char *text, const char *what, GDate *date, char **iso, GError **error);
/* Adds "field": [before, after] to @changes when they differ. */
void
_bf_changes_diff (JsonObject *changes, const char *field, const char *before, const char *after);
void _bf_changes_diff_int (JsonObject *changes, const char *field, gint64 before, gint64 after);
/* The uuid of row @id of @table (a constant name), NULL when there is none. */
char *_bf_uuid_of (BfStore *self, const char *table, gint64 id);
/* Sets @column of the row of @table whose @key_column is @key to @value (NULL: @now) and
 * updated_at to @now (NULL: the current time), and audits it as @action on @uuid (NULL: the
 * row's) with @before. Must be inside a write. */
gboolean _bf_set_column (BfStore *self,
                         const char *table,
                         const char *key_column,
                         gint64 key,
                         const char *uuid,
                         const char *column,
                         const char *before,
                         const char *value,
                         const char *now,
                         const char *action,
                         GError **error);
/* Soft-deletes row @id of @table with its audit entry "delete", as _bf_set_column(). */
gboolean _bf_soft_delete (BfStore *self,
                          const char *table,
                          gint64 id,
                          const char *uuid,
                          const char *now,
                          GError **error);
/* Commits the write when @ok, else rolls it back; returns whether it committed. */
gboolean _bf_store_finish (BfStore *self, gboolean ok, GError **error);
/* The setting @key as a number from 1 to @max, @fallback when unset or not one. */
guint _bf_setting_uint (BfStore *self, const char *key, guint max, guint fallback);

G_END_DECLS
