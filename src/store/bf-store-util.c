/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-store-private.h"

/* Helpers the record files (notices, meetings, plans, visits, exit, assessments, …) share:
 * one copy of each small piece of read and write logic that they all need. */

gboolean
_bf_step_row (BfStore *self, sqlite3_stmt *stmt, const char *missing, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND, missing);
  else
    _bf_store_set_sqlite_error (self, error, _ ("Cannot read the register"));
  return FALSE;
}

gpointer
_bf_row_read_one (BfStore *self,
                  sqlite3_stmt *stmt,
                  BfRowRead read,
                  const char *missing,
                  GError **error)
{
  return _bf_step_row (self, stmt, missing, error) ? read (stmt) : NULL;
}

GPtrArray *
_bf_rows_read (BfStore *self,
               sqlite3_stmt *stmt,
               BfRowRead read,
               GDestroyNotify free_row,
               GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the register"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
_bf_require_live (BfStore *self, const char *table, gint64 id, const char *missing, GError **error)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT 1 FROM %s WHERE id = ? AND deleted_at IS NULL", table);
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _bf_step_row (self, stmt, missing, error);
}

gboolean
_bf_village_exists (BfStore *self, gint64 village_id, GError **error)
{
  return _bf_require_live (self, "villages", village_id,
                           _ ("The village does not exist or was deleted."), error);
}

gboolean
_bf_past_date (const char *text, const char *what, GDate *date, char **iso, GError **error)
{
  GDate parsed, today;

  bf_date_today (&today);
  if (text == NULL)
    parsed = today;
  else if (!bf_date_parse (text, &parsed, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("%s: “%s” is not a date (YYYY-MM-DD)."), what, text);
      return FALSE;
    }
  if (g_date_compare (&parsed, &today) > 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s: %s is in the future."),
                   what, text);
      return FALSE;
    }
  if (date != NULL)
    *date = parsed;
  if (iso != NULL)
    *iso = bf_date_format (&parsed);
  return TRUE;
}

void
_bf_changes_diff (JsonObject *changes, const char *field, const char *before, const char *after)
{
  if (g_strcmp0 (before, after) != 0)
    _bf_changes_add (changes, field, before, after);
}

void
_bf_changes_diff_int (JsonObject *changes, const char *field, gint64 before, gint64 after)
{
  if (before != after)
    _bf_changes_add_int (changes, field, before, after);
}

char *
_bf_uuid_of (BfStore *self, const char *table, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?", table);
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _bf_column_dup (stmt, 0);
}

gboolean
_bf_set_column (BfStore *self,
                const char *table,
                const char *key_column,
                gint64 key,
                const char *uuid,
                const char *column,
                const char *before,
                const char *value,
                const char *now,
                const char *action,
                GError **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1, updated_at = ?2 WHERE %s = ?3",
                                          table, column, key_column);
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self, sql, error);
  g_autofree char *fresh_now = now == NULL ? _bf_now_iso () : NULL;
  g_autofree char *looked_up = uuid == NULL ? _bf_uuid_of (self, table, key) : NULL;
  JsonObject *changes;

  if (stmt == NULL)
    return FALSE;
  if (now == NULL)
    now = fresh_now;
  if (value == NULL)
    value = now;
  _bf_bind_text (stmt, 1, value);
  _bf_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, key);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error,
                                  g_str_equal (action, "delete") ? _ ("Cannot delete the record")
                                                                 : _ ("Cannot save the change"));
      return FALSE;
    }
  changes = json_object_new ();
  _bf_changes_add (changes, column, before, value);
  return _bf_store_audit (self, action, table, uuid != NULL ? uuid : looked_up, changes, error);
}

gboolean
_bf_soft_delete (BfStore *self,
                 const char *table,
                 gint64 id,
                 const char *uuid,
                 const char *now,
                 GError **error)
{
  return _bf_set_column (self, table, "id", id, uuid, "deleted_at", NULL, NULL, now, "delete",
                         error);
}

gboolean
_bf_store_finish (BfStore *self, gboolean ok, GError **error)
{
  if (ok && _bf_store_commit (self, error))
    return TRUE;
  _bf_store_rollback (self);
  return FALSE;
}

guint
_bf_setting_uint (BfStore *self, const char *key, guint max, guint fallback)
{
  g_autofree char *value = bf_store_setting_get (self, key);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, max, &number, NULL))
    return fallback;
  return (guint) number;
}
