/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Putting a backup in place of the register. The old file is set aside, never deleted: it may be
 * the only copy of something the backup lacks. */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bf-store-backup.h"
#include "bf-store-migrations-private.h"

/* "FILE.damaged-YYYYMMDD-HHMMSS" (with "-N" when taken): where a replaced register goes. */
static char *
aside_name (const char *register_path)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *aside = g_strdup_printf ("%s.damaged-%s", register_path, stamp);

  for (guint serial = 2; g_file_test (aside, G_FILE_TEST_EXISTS); serial++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.damaged-%s-%u", register_path, stamp, serial);
    }
  return aside;
}

static gboolean
rename_or_error (const char *from, const char *to, GError **error)
{
  if (g_rename (from, to) == 0)
    return TRUE;
  {
    int saved = errno;
    g_autofree char *shown = g_filename_display_name (from);

    g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("Cannot move “%s”: %s."), shown,
                 g_strerror (saved));
  }
  return FALSE;
}

/* Moves the register and its journal files aside; the -shm index is rebuilt by SQLite and is
 * simply removed so it cannot be paired with the restored file. */
static gboolean
set_aside (const char *register_path, GError **error)
{
  g_autofree char *aside = aside_name (register_path);
  const char *suffixes[] = { "-wal", "-journal" };
  g_autofree char *shm = g_strconcat (register_path, "-shm", NULL);

  if (!rename_or_error (register_path, aside, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (register_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !rename_or_error (from, to, error))
        return FALSE;
    }
  g_unlink (shm);
  return TRUE;
}

gboolean
bf_store_restore (const char *register_path, const char *backup_path, GError **error)
{
  g_autofree char *lock_path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr (GFile) source = NULL;
  g_autoptr (GFile) target = NULL;
  g_autoptr (GError) local_error = NULL;
  guint version = 0;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (register_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* Refuse before touching anything: a bad backup must not replace even a damaged register. */
  if (!_bf_store_inspect (backup_path, _bf_store_schema_version (), &version, error))
    return FALSE;

  lock_path = g_strconcat (register_path, ".lock", NULL);
  fd = _bf_lock_acquire (register_path, lock_path, FALSE, error);
  if (fd < 0)
    return FALSE;

  tmp_path = g_strdup_printf ("%s.restoring-%08x", register_path, g_random_int ());
  source = g_file_new_for_path (backup_path);
  target = g_file_new_for_path (tmp_path);
  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_autofree char *shown = g_filename_display_name (backup_path);

      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("Cannot copy “%s”: %s."), shown,
                   local_error->message);
      goto out;
    }
  _bf_fsync_path (tmp_path, FALSE);

  if (g_file_test (register_path, G_FILE_TEST_EXISTS) && !set_aside (register_path, error))
    goto out;
  if (!rename_or_error (tmp_path, register_path, error))
    goto out;
  _bf_fsync_parent (register_path);
  ok = TRUE;

out:
  if (!ok)
    g_unlink (tmp_path);
  _bf_lock_release (lock_path, fd);
  return ok;
}
