/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drafts of unsaved forms.
 *
 * Drafts are scratch copies that the editors keep every few seconds so that a crash loses
 * nothing typed; they are not part of the register's record, so writing one appends no audit
 * entry (it would bury the real history under autosaves). */
#include <glib/gi18n-lib.h>

#include "bf-store-drafts.h"
#include "bf-store-private.h"

gboolean
bf_store_draft_save (BfStore *self,
                     const char *form,
                     const char *target_uuid,
                     const char *json,
                     GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (form == NULL || *form == '\0')
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("A draft needs the name of its form."));
      return FALSE;
    }
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The draft of form %s is not valid JSON."), form);
      return FALSE;
    }

  stmt = _bf_store_prepare (
    self,
    "INSERT INTO drafts (uuid, form, target_uuid, payload, saved_at) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (form, coalesce(target_uuid, '')) DO UPDATE SET "
    "payload = excluded.payload, saved_at = excluded.saved_at",
    error);
  if (stmt == NULL)
    return FALSE;
  uuid = _bf_uuid_new ();
  now = _bf_now_iso ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, form, -1, SQLITE_TRANSIENT);
  if (target_uuid != NULL)
    sqlite3_bind_text (stmt, 3, target_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  return _bf_store_step_done (self, stmt, _ ("Could not keep the draft"), error);
}

char *
bf_store_draft_load (BfStore *self, const char *form, const char *target_uuid)
{
  sqlite3_stmt *stmt;
  char *payload = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (form != NULL, NULL);

  stmt = _bf_store_prepare (
    self,
    "SELECT payload FROM drafts WHERE form = ?1 AND coalesce(target_uuid, '') = coalesce(?2, '')",
    NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, form, -1, SQLITE_TRANSIENT);
  if (target_uuid != NULL)
    sqlite3_bind_text (stmt, 2, target_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    payload = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return payload;
}

GPtrArray *
bf_store_draft_list (BfStore *self, GError **error)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_draft_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (
    self, "SELECT form, target_uuid, payload, saved_at FROM drafts ORDER BY saved_at DESC, id DESC",
    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfDraft *draft = g_new0 (BfDraft, 1);

      draft->form = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      draft->target_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      draft->payload = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      draft->saved_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (drafts, draft);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not list the drafts"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&drafts);
}

gboolean
bf_store_draft_discard (BfStore *self, const char *form, const char *target_uuid, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (form != NULL, FALSE);

  stmt = _bf_store_prepare (
    self, "DELETE FROM drafts WHERE form = ?1 AND coalesce(target_uuid, '') = coalesce(?2, '')",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, form, -1, SQLITE_TRANSIENT);
  if (target_uuid != NULL)
    sqlite3_bind_text (stmt, 2, target_uuid, -1, SQLITE_TRANSIENT);
  return _bf_store_step_done (self, stmt, _ ("Could not discard the draft"), error);
}
