/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to src/store: what the record files share above the connection (bf-store-db.c): rows
 * read into records, columns written with their audit entries (bf-store-util.c), settings and
 * regions written inside another write. Nothing outside src/store includes this file (store
 * tests excepted). */

#include "bf-store-db-private.h"

G_BEGIN_DECLS

/* Writes setting @key (bf-store-settings.c) inside the caller's write, with no audit entry of
 * its own: the caller audits. */
gboolean _bf_setting_put (BfStore *self, const char *key, const char *value, GError **error);
/* Adds a village named @name with groups "1组".."N组" inside the caller's write, with their audit
 * entries (bf-store-regions.c); returns its id or 0. */
gint64 _bf_region_add_village (BfStore *self, const char *name, guint n_groups, GError **error);
/* Adds a group named @name to village @village_id inside the caller's write, audited. */
gint64 _bf_region_add_group (BfStore *self, gint64 village_id, const char *name, GError **error);

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
