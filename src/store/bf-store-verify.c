/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole-file check of an open register, after it opened (bf-store-verify.h). */
#include <glib/gi18n-lib.h>

#include "bf-store-backup.h"
#include "bf-store-migrations-private.h"
#include "bf-store-verify.h"

static int
cancelled_cb (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* quick_check over @path on a connection of its own: *@problem receives its first line, or
 * SQLite's error when the file cannot even be read that far (NULL: sound). FALSE when the check
 * could not run. */
static gboolean
quick_check (const char *path, GCancellable *cancellable, char **problem, GError **error)
{
  sqlite3 *db = _bf_open_reader (path, error);
  int rc;

  *problem = NULL;
  if (db == NULL)
    return FALSE;
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, cancelled_cb, cancellable);
  *problem = _bf_quick_check (db, "PRAGMA quick_check", &rc);
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      *problem = g_strdup (sqlite3_errmsg (db));
      rc = SQLITE_OK;
    }
  if ((rc & 0xff) == SQLITE_INTERRUPT || g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED,
                           _ ("The check of the register was cancelled."));
      rc = SQLITE_INTERRUPT;
    }
  else if (rc != SQLITE_OK && rc != SQLITE_DONE)
    _bf_set_sqlite_error (db, error, _ ("Cannot check the register"));
  sqlite3_close (db);
  return rc == SQLITE_OK || rc == SQLITE_DONE;
}

/* The newest backup of @path that is a register this build reads and passes quick_check; NULL
 * when none does (or the search was cancelled: @error says so). */
static char *
newest_sound_backup (const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) backups = bf_store_list_backups (path, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const char *backup = g_ptr_array_index (backups, i);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *problem = NULL;
      guint version = 0;

      if (!_bf_store_inspect_open (backup, _bf_store_schema_version (), &version, NULL))
        continue;
      if (!quick_check (backup, cancellable, &problem, &local_error))
        {
          if (g_error_matches (local_error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          continue;
        }
      if (problem == NULL)
        return g_strdup (backup);
      g_debug ("backup %s is damaged too (%s)", backup, problem);
    }
  return NULL;
}

BfStoreVerification *
bf_store_verify (BfStore *self, GCancellable *cancellable, GError **error)
{
  g_autoptr (BfStoreVerification) verification = g_new0 (BfStoreVerification, 1);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *problem = NULL;
  const char *path;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = bf_store_get_path (self);
  g_debug ("checking the whole of %s", path);
  if (!quick_check (path, cancellable, &problem, error))
    return NULL;
  if (problem == NULL && _bf_store_damage (self) == NULL)
    {
      g_debug ("%s passed quick_check", path);
      return g_steal_pointer (&verification);
    }

  /* Writes stop before the search for a backup, which reads whole files. */
  if (problem != NULL)
    _bf_store_set_damaged (self, problem);
  verification->damaged = TRUE;
  verification->message = bf_store_dup_damage (self);
  verification->backup_path = newest_sound_backup (path, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&verification);
}

static void
verify_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  BfStoreVerification *verification = bf_store_verify (source, cancellable, &error);

  if (verification == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, verification, (GDestroyNotify) bf_store_verification_free);
}

void
bf_store_verify_async (BfStore *self,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (BF_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bf_store_verify_async);
  g_task_run_in_thread (task, verify_thread);
}

BfStoreVerification *
bf_store_verify_finish (BfStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
bf_store_verification_free (BfStoreVerification *verification)
{
  if (verification == NULL)
    return;
  g_free (verification->message);
  g_free (verification->backup_path);
  g_free (verification);
}

char *
bf_store_dup_damage (BfStore *self)
{
  g_autoptr (GError) error = NULL;
  const char *detail;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  detail = _bf_store_damage (self);
  if (detail == NULL)
    return NULL;
  _bf_store_damage_error (self, detail, &error);
  return g_strdup (error->message);
}
