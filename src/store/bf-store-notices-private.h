/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by bf-store-meetings.c and bf-store-notices.c only. */

#include "bf-store-notices.h"
#include "bf-store-private.h"

G_BEGIN_DECLS

/* Parses @text (NULL: today) into @date and its ISO form; refuses invalid and future dates naming
 * @what ("The meeting date"). */
gboolean
_bf_notices_past_date (const char *text, const char *what, GDate *date, char **iso, GError **error);
/* Fails with BF_STORE_ERROR_INVALID naming the household (number and head) before @message. */
void _bf_notices_household_error (GError **error,
                                  const char *number,
                                  const char *head_name,
                                  const char *message);
/* Whether @village_id is a live village; sets NOT_FOUND otherwise. */
gboolean _bf_notices_village_exists (BfStore *self, gint64 village_id, GError **error);
/* Runs the lifecycle step inside the current write; on refusal the error names the household. */
gboolean _bf_notices_transition (BfStore *self,
                                 gint64 household_id,
                                 BfAction action,
                                 const BfTransitionFacts *facts,
                                 GError **error);
/* Adds a string field to @changes when it differs. */
void
_bf_notices_diff (JsonObject *changes, const char *field, const char *before, const char *after);
void _bf_notices_diff_int (JsonObject *changes, const char *field, gint64 before, gint64 after);
/* Runs a statement that returns nothing, naming @what on failure. */
gboolean
_bf_notices_step_done (BfStore *self, sqlite3_stmt *stmt, const char *what, GError **error);

/* The uuid of row @id of @table (a constant name), NULL when there is none. */
char *_bf_notices_uuid_of (BfStore *self, const char *table, gint64 id);
/* Soft-deletes row @id of @table (a constant name) at @now, with its audit entry. */
gboolean _bf_notices_soft_delete (BfStore *self,
                                  const char *table,
                                  gint64 id,
                                  const char *now,
                                  GError **error);
/* Reads a row of a statement into a new record. */
typedef gpointer (*BfNoticesRowFunc) (sqlite3_stmt *stmt);
/* The first row of @stmt read by @read, or NULL with NOT_FOUND and @missing. */
gpointer _bf_notices_read_one (BfStore *self,
                               sqlite3_stmt *stmt,
                               BfNoticesRowFunc read,
                               const char *missing,
                               GError **error);
/* Every row of @stmt read by @read into a new array that frees them with @free_func. */
GPtrArray *_bf_notices_read_all (BfStore *self,
                                 sqlite3_stmt *stmt,
                                 BfNoticesRowFunc read,
                                 GDestroyNotify free_func,
                                 GError **error);
/* A live notice with its counts, without items; NOT_FOUND when deleted or missing. */
BfNotice *_bf_notices_load_row (BfStore *self, gint64 id, GError **error);
/* Reads the notice's items (removed ones too) into @notice->items. */
gboolean _bf_notices_read_items (BfStore *self, BfNotice *notice, GError **error);

G_END_DECLS
