/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-store-lines.h"
#include "bf-store-private.h"

gboolean
bf_store_poverty_line_get (BfStore *self,
                           int year,
                           gint64 *poverty_line_fen,
                           gint64 *monitoring_line_fen,
                           GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  stmt = _bf_store_prepare (self,
                            "SELECT poverty_line_fen, monitoring_line_fen FROM poverty_lines"
                            " WHERE year = ? AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (poverty_line_fen != NULL)
        *poverty_line_fen = sqlite3_column_int64 (stmt, 0);
      if (monitoring_line_fen != NULL)
        *monitoring_line_fen = sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Reading the poverty lines"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
               _ ("No poverty line is recorded for %d: add it in Preferences"), year);
  return FALSE;
}

static void
add_change (JsonObject *changes, const char *field, gboolean had, gint64 before, gint64 after)
{
  JsonArray *pair = json_array_new ();

  if (had)
    json_array_add_int_element (pair, before);
  else
    json_array_add_null_element (pair);
  json_array_add_int_element (pair, after);
  json_object_set_array_member (changes, field, pair);
}

gboolean
bf_store_poverty_line_set (BfStore *self,
                           int year,
                           gint64 poverty_line_fen,
                           gint64 monitoring_line_fen,
                           const char *note,
                           GError **error)
{
  gint64 old_poverty = 0, old_monitoring = 0;
  gboolean had;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  JsonObject *changes;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (year < 1978 || year > 2200)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The year %d is not a year of the register"), year);
      return FALSE;
    }
  if (poverty_line_fen <= 0 || monitoring_line_fen <= 0)
    {
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                           _ ("The poverty line and the monitoring line must be more than zero"));
      return FALSE;
    }

  if (!_bf_store_begin (self, error))
    return FALSE;

  had = bf_store_poverty_line_get (self, year, &old_poverty, &old_monitoring, NULL);
  uuid = _bf_uuid_new ();
  now = _bf_now_iso ();
  stmt = _bf_store_prepare (
    self,
    "INSERT INTO poverty_lines (year, uuid, poverty_line_fen, monitoring_line_fen,"
    " note, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
    " ON CONFLICT (year) DO UPDATE SET poverty_line_fen = ?3,"
    " monitoring_line_fen = ?4, note = ?5, updated_at = ?6, deleted_at = NULL",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, poverty_line_fen);
  sqlite3_bind_int64 (stmt, 4, monitoring_line_fen);
  if (note != NULL)
    sqlite3_bind_text (stmt, 5, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Saving the poverty lines"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  stmt = _bf_store_prepare (self, "SELECT uuid FROM poverty_lines WHERE year = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (uuid);
      uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  changes = json_object_new ();
  add_change (changes, "year", had, year, year);
  add_change (changes, "poverty_line_fen", had, old_poverty, poverty_line_fen);
  add_change (changes, "monitoring_line_fen", had, old_monitoring, monitoring_line_fen);
  if (!_bf_store_audit (self, had ? "update" : "create", "poverty_lines", uuid, changes, error))
    goto fail;

  return _bf_store_commit (self, error);

fail:
  _bf_store_rollback (self);
  return FALSE;
}
