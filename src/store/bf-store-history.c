/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A record's audit entries, for the history a caseworker reads. (The store and households branches
 * each left this function to the other; it lives here until one of them takes it back.) */
#include <glib/gi18n-lib.h>

#include "bf-store-private.h"

GPtrArray *
bf_store_audit_for (BfStore *self, const char *uuid, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT seq, at, operator, action, entity, uuid, changes FROM "
                            "audit_log WHERE uuid = ? ORDER BY seq DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, uuid);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfAuditEntry *entry = g_new0 (BfAuditEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->at = _bf_column_dup (stmt, 1);
      entry->operator_name = _bf_column_dup (stmt, 2);
      entry->action = _bf_column_dup (stmt, 3);
      entry->entity = _bf_column_dup (stmt, 4);
      entry->uuid = _bf_column_dup (stmt, 5);
      entry->changes = _bf_column_dup (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the audit trail"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}
