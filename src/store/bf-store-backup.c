/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verified backups beside the register: taking them, listing them and rotating them. */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bf-store-backup-private.h"
#include "bf-store-backup.h"

/* Backups are "STEM-YYYYMMDD-HHMMSS.bangfu" (a second one in the same second gets "-2", …) in
 * "backups/" beside the register, STEM being the register's name without its extension. The
 * time is local, as the caseworker reads it. */

#define KEEP_NEWEST 24
#define KEEP_DAYS   7

typedef struct
{
  char *path;
  char stamp[16]; /* "YYYYMMDD-HHMMSS" */
  guint serial;
} BackupFile;

static void
backup_file_free (BackupFile *file)
{
  g_free (file->path);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BackupFile, backup_file_free)

static char *
default_backup_dir (const char *register_path)
{
  g_autofree char *dir = g_path_get_dirname (register_path);

  return g_build_filename (dir, "backups", NULL);
}

static char *
register_stem (const char *register_path)
{
  char *base = g_path_get_basename (register_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

static gboolean
all_digits (const char *text, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "STEM-YYYYMMDD-HHMMSS[-N].bangfu" -> stamp and serial (1 without "-N"). */
static gboolean
parse_backup_name (const char *stem, const char *name, char stamp[16], guint *serial)
{
  gsize stem_len = strlen (stem);
  const char *rest;
  char *end = NULL;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-')
    return FALSE;
  rest = name + stem_len + 1;
  if (strlen (rest) < 15 + strlen (".bangfu") || !all_digits (rest, 8) || rest[8] != '-' ||
      !all_digits (rest + 9, 6))
    return FALSE;
  memcpy (stamp, rest, 15);
  stamp[15] = '\0';
  rest += 15;
  *serial = 1;
  if (*rest == '-')
    {
      guint64 n = g_ascii_strtoull (rest + 1, &end, 10);

      if (end == rest + 1 || n < 2 || n > G_MAXUINT)
        return FALSE;
      *serial = (guint) n;
      rest = end;
    }
  return strcmp (rest, ".bangfu") == 0;
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const BackupFile *fa = *(BackupFile **) a;
  const BackupFile *fb = *(BackupFile **) b;
  int by_stamp = strcmp (fb->stamp, fa->stamp);

  if (by_stamp != 0)
    return by_stamp;
  return fb->serial < fa->serial ? -1 : fb->serial > fa->serial;
}

/* Backups of @stem in @dir, newest first; empty when the directory does not exist. */
static GPtrArray *
list_backup_files (const char *dir, const char *stem)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) backup_file_free);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return files;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autoptr (BackupFile) file = g_new0 (BackupFile, 1);

      if (!parse_backup_name (stem, name, file->stamp, &file->serial))
        continue;
      file->path = g_build_filename (dir, name, NULL);
      g_ptr_array_add (files, g_steal_pointer (&file));
    }
  g_ptr_array_sort (files, compare_newest_first);
  return files;
}

GPtrArray *
bf_store_list_backups (const char *register_path, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autoptr (GPtrArray) files = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (register_path != NULL, NULL);

  dir = default_backup_dir (register_path);
  stem = register_stem (register_path);
  files = list_backup_files (dir, stem);
  paths = g_ptr_array_new_full (files->len, g_free);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (paths, g_strdup (((BackupFile *) g_ptr_array_index (files, i))->path));
  return paths;
}

/* The most recent distinct days, not the calendar week: a register opened once a week still
 * keeps a week-by-week history. */
void
_bf_store_rotate_backups (const char *dir, const char *stem)
{
  g_autoptr (GPtrArray) files = list_backup_files (dir, stem);
  char last_day[9] = "";
  guint days = 0;

  for (guint i = 0; i < files->len; i++)
    {
      BackupFile *file = g_ptr_array_index (files, i);
      gboolean newest_of_day = strncmp (file->stamp, last_day, 8) != 0;

      if (newest_of_day)
        {
          memcpy (last_day, file->stamp, 8);
          days++;
        }
      if (i < KEEP_NEWEST || (newest_of_day && days <= KEEP_DAYS))
        continue;
      /* Another backup rotating at the same time may have removed it already. */
      if (g_unlink (file->path) != 0 && errno != ENOENT)
        g_warning ("Cannot remove the old backup %s: %s", file->path, g_strerror (errno));
    }
}

static gint64
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* A consistent copy of the last committed state, whatever @db's register is being written. */
static gboolean
vacuum_into (sqlite3 *db, const char *target, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, target, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    _bf_set_sqlite_error (db, error, _ ("Cannot write the backup"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Links @partial to the first free name of @stem's backups at @stamp; never replaces a file. */
static char *
publish_backup (const char *dir,
                const char *stem,
                const char *stamp,
                const char *partial,
                GError **error)
{
  for (guint serial = 1; serial < 1000; serial++)
    {
      g_autofree char *name = serial == 1
                                ? g_strdup_printf ("%s-%s.bangfu", stem, stamp)
                                : g_strdup_printf ("%s-%s-%u.bangfu", stem, stamp, serial);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (link (partial, path) == 0)
        return g_steal_pointer (&path);
      if (errno != EEXIST)
        {
          int saved = errno;
          g_autofree char *shown = g_filename_display_name (path);

          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                       _ ("Cannot write the backup “%s”: %s."), shown, g_strerror (saved));
          return NULL;
        }
    }
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
               _ ("Cannot write the backup: too many backups in one second."));
  return NULL;
}

/* The copy of @path in a new partial file in @target_dir, checked; NULL with @error set (nothing
 * left behind). Reads through a connection of its own. */
static char *
write_partial (const char *path,
               const char *target_dir,
               const char *stem,
               const char *stamp,
               GError **error)
{
  g_autofree char *partial =
    g_strdup_printf ("%s/%s-%s.partial-%08x", target_dir, stem, stamp, g_random_int ());
  g_autoptr (GError) local_error = NULL;
  sqlite3 *db = _bf_open_reader (path, error);
  gint64 version;
  guint copied = 0;
  gboolean ok;

  if (db == NULL)
    return NULL;
  version = user_version (db);
  ok = vacuum_into (db, partial, error);
  sqlite3_close (db);
  if (!ok)
    {
      g_unlink (partial);
      return NULL;
    }
  _bf_fsync_path (partial, FALSE);

  /* A backup is only a backup once it has been read back. Its version is compared with its
   * source's, not with this build's (that source passed the build's checks when it opened). */
  if (!_bf_store_inspect (partial, G_MAXUINT, &copied, &local_error) || (gint64) copied != version)
    {
      g_unlink (partial);
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                   _ ("The backup failed its check and was removed: %s"),
                   local_error != NULL ? local_error->message : _ ("wrong register version"));
      return NULL;
    }
  return g_steal_pointer (&partial);
}

/* Safe in a worker thread while the store writes in the main thread: the copy is read through a
 * connection of its own (the store's connection, statement cache and transaction belong to the
 * main thread), and the store itself is only asked for its path and its change serial. */
char *
bf_store_backup (BfStore *self, const char *dir, GError **error)
{
  const char *path;
  g_autofree char *target_dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *published = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int serial;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  path = bf_store_get_path (self);
  target_dir = dir != NULL ? g_strdup (dir) : default_backup_dir (path);
  stem = register_stem (path);
  if (g_mkdir_with_parents (target_dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (target_dir);

      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                   _ ("Cannot create the backup folder “%s”: %s."), shown, g_strerror (saved));
      return NULL;
    }

  /* Taken before the copy starts reading: every change it counts is in the copy. */
  serial = _bf_store_change_serial (self);
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  partial = write_partial (path, target_dir, stem, stamp, error);
  if (partial == NULL)
    return NULL;
  g_debug ("backup of %s copied and checked", path);
  published = publish_backup (target_dir, stem, stamp, partial, error);
  g_unlink (partial);
  if (published == NULL)
    return NULL;
  _bf_fsync_path (target_dir, TRUE);
  _bf_store_backed_up (self, serial);
  _bf_store_rotate_backups (target_dir, stem);
  return g_steal_pointer (&published);
}
