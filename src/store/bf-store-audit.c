/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the audit trail: the history of one record, and the check of the whole hash chain
 * (the entries themselves are appended by bf-store-db.c, inside each write). */
#include <glib/gi18n-lib.h>

#include "bf-store-audit.h"
#include "bf-store-db-private.h"

static void
set_audit_broken (GError **error, gint64 seq, const char *what)
{
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED,
               _ ("The audit trail is broken at entry %lld: %s."), (long long) seq, what);
}

gboolean
bf_store_audit_verify (BfStore *self, gint64 *n_checked, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *prev_hash = g_strdup (BF_AUDIT_GENESIS_HASH);
  gint64 prev_seq = 0;
  gint64 n = 0;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (n_checked != NULL)
    *n_checked = 0;
  stmt = _bf_store_prepare (self,
                            "SELECT seq, at, operator, action, entity, uuid, changes, prev_hash, "
                            "hash FROM audit_log ORDER BY seq",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 7);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 8);
      g_autofree char *hash = NULL;

      if (seq != prev_seq + 1)
        {
          g_autofree char *what =
            prev_seq == 0 ? g_strdup (_ ("the entries before it are missing"))
                          : g_strdup_printf (_ ("the entries after entry %lld are missing"),
                                             (long long) prev_seq);
          set_audit_broken (error, seq, what);
          return FALSE;
        }
      if (g_strcmp0 (stored_prev, prev_hash) != 0)
        {
          set_audit_broken (error, seq,
                            _ ("it does not follow the entry before it (that entry was changed "
                               "or removed)"));
          return FALSE;
        }
      hash = _bf_audit_hash (
        seq, stored_prev, (const char *) sqlite3_column_text (stmt, 1),
        (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
        (const char *) sqlite3_column_text (stmt, 4), (const char *) sqlite3_column_text (stmt, 5),
        (const char *) sqlite3_column_text (stmt, 6));
      if (g_strcmp0 (hash, stored_hash) != 0)
        {
          set_audit_broken (error, seq, _ ("its contents were changed after it was written"));
          return FALSE;
        }
      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
      prev_seq = seq;
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the audit trail"));
      return FALSE;
    }
  if (n_checked != NULL)
    *n_checked = n;
  return TRUE;
}

/* The history of one record, newest first. */
GPtrArray *
bf_store_audit_for (BfStore *self, const char *uuid, GError **error)
{
  g_autoptr (GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bf_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt =
    _bf_store_prepare (self,
                       "SELECT seq, at, operator, action, entity, uuid, changes FROM audit_log "
                       "WHERE uuid = ? ORDER BY seq DESC",
                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfAuditEntry *entry = g_new0 (BfAuditEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->operator_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->changes = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not read the history"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}
