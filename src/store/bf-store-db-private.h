/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The bottom of src/store (bf-store-db.c): the connection, prepared statements, writes and their
 * audit entries, SQLite errors as GErrors, the lock file, fsync. Every store file may include
 * this; it includes nothing of the features. Nothing outside src/store includes it or sqlite3.h
 * (store tests excepted: they reach under the API to tamper with files). */

#include <json-glib/json-glib.h>
/* The session extension (changesets) is compiled into Debian's libsqlite3; its API is declared
 * only with these. */
#define SQLITE_ENABLE_SESSION        1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include "bf-store-lock-private.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* register_info.application of every Bangfu register. */
#define BF_STORE_APPLICATION_ID "io.github.bangfu.Bangfu"

sqlite3 *_bf_store_db (BfStore *self);

/* Prepared statements are cached per store; reset and cleared-bindings on return. Reset a
 * statement when done with it (a statement left on a row keeps a read transaction open): declare
 * it as `g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (…)` and the reset is automatic. */
sqlite3_stmt *_bf_store_prepare (BfStore *self, const char *sql, GError **error);
typedef sqlite3_stmt BfCachedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfCachedStmt, sqlite3_reset)

/* Runs @sql (several statements may be given) on the store's connection. */
gboolean _bf_store_exec (BfStore *self, const char *sql, GError **error);
/* Steps @stmt to completion (a write, or a query whose rows are not needed) and resets it.
 * On failure @error says @what failed, with SQLite's reason. */
gboolean _bf_store_step_done (BfStore *self, sqlite3_stmt *stmt, const char *what, GError **error);

/* A write is: _bf_store_begin, the changes, one or more _bf_store_audit, _bf_store_commit.
 * On any error call _bf_store_rollback: nothing of the write remains, no audit entry either.
 * Writes do not nest. A failed commit has already rolled back; _bf_store_rollback is harmless
 * outside a write. */
gboolean _bf_store_begin (BfStore *self, GError **error);
gboolean _bf_store_commit (BfStore *self, GError **error);
void _bf_store_rollback (BfStore *self);
gboolean _bf_store_in_write (BfStore *self);

/* Commit hooks: what must follow every write of the register, whatever file of the store made
 * it (the change log for exchanges and cheap backups, the row seals of the audit trail). While a
 * store has hooks, each write is recorded with SQLite's session extension; just before COMMIT
 * each hook is called, in the order added, with the write's full changeset (old and new values;
 * rows by primary key) — inside the transaction, so a hook may write too (its own writes are not
 * recorded) and a hook that fails makes the whole write roll back. A write that changed no
 * recorded row calls no hook. Not recorded: the audit trail itself, the search index (derived)
 * and drafts (this laptop's unsaved forms). */
typedef gboolean (*BfCommitHook) (BfStore *self,
                                  const void *changeset,
                                  int size,
                                  gpointer user_data,
                                  GError **error);
void _bf_store_add_commit_hook (BfStore *self, BfCommitHook hook, gpointer user_data);
/* Whether @table is one that writes record (see above). */
gboolean _bf_store_table_is_recorded (const char *table);

/* Appends a hash-chained audit entry. @changes is a JSON object {"field": [before, after]}
 * (taken: may be NULL for {}). Must be inside a write. */
gboolean _bf_store_audit (BfStore *self,
                          const char *action,
                          const char *entity,
                          const char *uuid,
                          JsonObject *changes,
                          GError **error);
/* Until the write ends, every audit entry is recorded as @action (an import's "import"), with
 * what it did kept as "step": [null, "create"] and the members of @more ({"import_uuid": [null,
 * "…"], …}) added to its changes: one action marks all that a bulk write did. Inside a write. */
void _bf_store_audit_tag (BfStore *self, const char *action, JsonObject *more);
/* The hash of an audit entry (the canonical form is described in bf-store-db.c); the first
 * entry's prev_hash is BF_AUDIT_GENESIS_HASH. For writing the chain and for verifying it. */
#define BF_AUDIT_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"
char *_bf_audit_hash (gint64 seq,
                      const char *prev_hash,
                      const char *at,
                      const char *operator_name,
                      const char *action,
                      const char *entity,
                      const char *uuid,
                      const char *changes);

/* Sets @error from the connection's last error, with @what saying what was being done. */
void _bf_store_set_sqlite_error (BfStore *self, GError **error, const char *what);
void _bf_set_sqlite_error (sqlite3 *db, GError **error, const char *what);
/* What SQLite's error @rc (extended or not) means to a caseworker ("the disk is full"). */
const char *_bf_sqlite_reason (sqlite3 *db, int rc);

/* Adds "field": [before, after] to an audit change set (NULL before/after: JSON null). */
void
_bf_changes_add (JsonObject *changes, const char *field, const char *before, const char *after);
void _bf_changes_add_int (JsonObject *changes, const char *field, gint64 before, gint64 after);

/* Binds NULL for a NULL string; returns the column as a new string, NULL for SQL NULL. */
int _bf_bind_text (sqlite3_stmt *stmt, int index, const char *text);
char *_bf_column_dup (sqlite3_stmt *stmt, int column);

/* NULL, empty or only ASCII white space. */
gboolean _bf_is_blank (const char *text);
char *_bf_uuid_new (void);
char *_bf_now_iso (void); /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */

/* Checks a file read-only: a healthy register of schema version @latest or older, passing
 * SQLite's quick_check over the whole file (for backups and restores); never writes to it. */
gboolean _bf_store_inspect (const char *path, guint latest, guint *user_version, GError **error);
/* The same, bounded for opening whatever the file's size: its length against its header, its
 * journal's header, and quick_check of the small tables and the first page of the household list
 * only; bf-store-verify.c checks the rest in the background. */
gboolean
_bf_store_inspect_open (const char *path, guint latest, guint *user_version, GError **error);

/* Runs the quick_check @sql ("PRAGMA quick_check", or of one table) on @db: its first problem,
 * NULL when sound or when it could not run (@rc is then SQLite's error, else SQLITE_OK). */
char *_bf_quick_check (sqlite3 *db, const char *sql, int *rc);

/* Damage found after opening, by the background check or a read that met a damaged page
 * (SQLite's words in @detail): set once, from any thread. From then on every write is refused
 * with BF_STORE_ERROR_DAMAGED, closing makes no backup and leaves the journal unmerged. */
void _bf_store_set_damaged (BfStore *self, const char *detail);
const char *_bf_store_damage (BfStore *self); /* NULL: none known */
/* The caseworker's message for the damage @detail of @self's file. */
void _bf_store_damage_error (BfStore *self, const char *detail, GError **error);
/* A read-only connection of its own to the register at @path, configured like the store's, for
 * work that must not share the store's connection (a backup in a worker thread). */
sqlite3 *_bf_open_reader (const char *path, GError **error);
/* sqlite3_open_v2 read-only (@flags added), also on read-only media. */
int _bf_sqlite_open_read_only (const char *path, sqlite3 **db, int flags);
gboolean _bf_fsync_path (const char *path, gboolean directory);
void _bf_fsync_parent (const char *path);

/* Backups may run in a worker thread: they take the change serial before they read and, once
 * verified, mark it backed up; both only touch atomics. bf_store_close() backs up when the serial
 * has moved since. */
int _bf_store_change_serial (BfStore *self);
void _bf_store_backed_up (BfStore *self, int serial);
gboolean _bf_store_changed_since_backup (BfStore *self);
/* A change that is no commit of this connection (a register just created). */
void _bf_store_count_change (BfStore *self);

/* The object's connection, for opening and creating registers (bf-store.c). */
BfStore *_bf_store_new (const char *path, BfStoreOpenFlags flags);
/* Holds "PATH.lock" for a window (BF_STORE_OPEN_EXCLUSIVE) and for every writer (not READ_ONLY):
 * IN_USE, naming the holder, while another process holds it. Readers take nothing. */
gboolean _bf_store_lock (BfStore *self, GError **error);
/* Opens @file (the register, or the file a new register is built in when @create) and sets the
 * connection up: WAL unless read-only, synchronous FULL, foreign keys. */
gboolean _bf_store_connect (BfStore *self, const char *file, gboolean create, GError **error);
gboolean _bf_store_is_open (BfStore *self);
void
_bf_store_set_register (BfStore *self, const char *uuid, const char *county, const char *township);
/* Rolls back a write left open, closes the connection and releases the lock file. */
void _bf_store_disconnect (BfStore *self);

G_END_DECLS
