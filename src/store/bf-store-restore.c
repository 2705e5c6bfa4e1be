/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Putting a backup in place of the register. The old file is set aside, never deleted: it may be
 * the only copy of something the backup lacks. Atomic at every step: the register's name holds
 * the old file until one rename puts the checked copy there, so a failure or a kill at any
 * system call leaves either the old register or the restored one, never nothing. */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bf-store-backup.h"
#include "bf-store-file.h"
#include "bf-store-lock-private.h"
#include "bf-store-migrations-private.h"

/* "FILE.damaged-YYYYMMDD-HHMMSS" (with "-N" when taken): where a replaced register goes. */
static char *
aside_name (const char *register_path, guint serial)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  if (serial == 1)
    return g_strdup_printf ("%s.damaged-%s", register_path, stamp);
  return g_strdup_printf ("%s.damaged-%s-%u", register_path, stamp, serial);
}

static void
set_aside_error (GError **error, const char *path, int errsv)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
               _ ("Cannot set “%s” aside: %s; nothing was changed."), shown,
               bf_output_reason (errsv));
}

static gboolean
has_content (const char *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

/* The old register's write-ahead log folded into its main file, so that the main file alone is
 * the old register. Done by SQLite only when the file passes the checks: a damaged one is not
 * written to, its log goes aside with it (set_aside). TRUE when the log is empty now. */
static gboolean
fold_wal (const char *register_path)
{
  g_autofree char *wal = g_strconcat (register_path, "-wal", NULL);
  sqlite3 *db = NULL;
  guint version = 0;
  gboolean ok;

  if (!has_content (wal))
    return TRUE;
  if (!_bf_store_inspect (register_path, G_MAXUINT, &version, NULL))
    return FALSE;
  ok = sqlite3_open_v2 (register_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
       sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close (db);
  return ok && !has_content (wal);
}

/* A second name for the old register (and its log, when it could not be folded), the log then
 * removed from beside the register. Hard links: the old file stays where it is until the
 * rename. FALSE with @error: nothing changed. */
static gboolean
set_aside (const char *register_path, gboolean wal_folded, char **aside_out, GError **error)
{
  g_autofree char *wal = g_strconcat (register_path, "-wal", NULL);
  g_autofree char *aside = NULL;

  for (guint serial = 1; aside == NULL; serial++)
    {
      aside = aside_name (register_path, serial);
      if (link (register_path, aside) == 0)
        break;
      g_clear_pointer (&aside, g_free);
      if (errno != EEXIST || serial > 999)
        {
          set_aside_error (error, register_path, errno);
          return FALSE;
        }
    }
  if (!wal_folded && has_content (wal))
    {
      g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);

      if (link (wal, aside_wal) != 0 || unlink (wal) != 0)
        {
          set_aside_error (error, wal, errno);
          g_unlink (aside_wal);
          g_unlink (aside);
          return FALSE;
        }
    }
  *aside_out = g_steal_pointer (&aside);
  return TRUE;
}

/* The restore failed after set_aside: the old register is whole at its name again, the aside
 * names gone. */
static void
undo_aside (const char *register_path, const char *aside)
{
  g_autofree char *wal = g_strconcat (register_path, "-wal", NULL);
  g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);

  if (g_file_test (aside_wal, G_FILE_TEST_EXISTS))
    {
      if (link (aside_wal, wal) != 0 && errno != EEXIST)
        return; /* the aside copy is then the only whole one: it stays */
      g_unlink (aside_wal);
    }
  g_unlink (aside);
}

static gboolean
same_file (const char *a, const char *b)
{
  struct stat sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static gboolean
check_restored (const char *path, gpointer user_data, GError **error)
{
  guint version = 0;

  if (_bf_store_inspect (path, _bf_store_schema_version (), &version, NULL))
    return TRUE;
  g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED,
                       _ ("the copy does not read back as the backup"));
  return FALSE;
}

gboolean
bf_store_restore (const char *register_path, const char *backup_path, GError **error)
{
  g_autoptr (BfOutput) output = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *shm = NULL;
  BfLock *lock;
  guint version = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (register_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* Refuse before touching anything: a bad backup must not replace even a damaged register. */
  if (!_bf_store_inspect (backup_path, _bf_store_schema_version (), &version, error))
    return FALSE;
  lock = _bf_lock_take (register_path, BF_LOCK_SOLE, FALSE, error);
  if (lock == NULL)
    return FALSE;

  output = bf_output_new (register_path, error);
  if (output == NULL || !bf_output_copy_file (output, backup_path, error) ||
      !bf_output_finish (output, check_restored, NULL, error))
    goto out;
  if (g_file_test (register_path, G_FILE_TEST_EXISTS) &&
      !set_aside (register_path, fold_wal (register_path), &aside, error))
    goto out;
  if (!bf_output_commit (output, NULL, NULL, error))
    {
      /* Failed before the rename, the old file is still in place and needs no second name; after
       * it (the folder not synced), the restored one is, and the old one stays aside. */
      if (aside != NULL && same_file (register_path, aside))
        undo_aside (register_path, aside);
      goto out;
    }
  /* No log is left beside the register (folded or set aside): the index of the old one goes. */
  shm = g_strconcat (register_path, "-shm", NULL);
  if (g_unlink (shm) != 0 && errno != ENOENT)
    g_debug ("cannot remove %s: %s", shm, g_strerror (errno));
  ok = TRUE;

out:
  _bf_lock_drop (lock);
  return ok;
}
