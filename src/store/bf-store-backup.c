/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verified backups beside the register: taking them, listing them and rotating them. */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bf-store-backup-private.h"
#include "bf-store-backup.h"
#include "bf-store-file-private.h"

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
 * keeps a week-by-week history. @keep (the backup just written and checked) is never removed,
 * wherever it sorts: after the clock was put back, newer-looking names are older backups. */
void
_bf_store_rotate_backups (const char *dir, const char *stem, const char *keep)
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
      if (i < KEEP_NEWEST || (newest_of_day && days <= KEEP_DAYS) ||
          g_strcmp0 (file->path, keep) == 0)
        continue;
      /* Another backup rotating at the same time may have removed it already. A backup that
       * stays is no harm: it is named, and the next rotation tries again. */
      if (g_unlink (file->path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_autofree char *shown = g_filename_display_name (file->path);
          g_autofree char *message = g_strdup_printf (
            _ ("The old backup “%s” could not be removed (%s)."), shown, bf_output_reason (saved));

          _bf_output_notice (message);
        }
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

/* One text value of a one-row query on @db; NULL on an error or no row. */
static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = _bf_column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A consistent copy of the last committed state, whatever @db's register is being written, into
 * @output's temporary. */
static gboolean
vacuum_into (sqlite3 *db, BfOutput *output, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, bf_output_get_temp_path (output), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      rc = sqlite3_extended_errcode (db);
      g_debug ("VACUUM INTO: %s", sqlite3_errmsg (db));
      bf_output_abort (output, _bf_sqlite_reason (db, rc), error);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* A backup is only a backup once it has been read back whole: SQLite's full integrity_check
 * (quick_check misses damaged index entries), the register's identity, and its version compared
 * with its source's, not with this build's (that source passed the build's checks when it
 * opened). The reasons are phrases for bf_output_finish's message. */
gboolean
_bf_store_check_backup (const char *path, gint64 version, GError **error)
{
  g_autoptr (GError) open_error = NULL;
  g_autofree char *application = NULL;
  g_autofree char *integrity = NULL;
  sqlite3 *db = _bf_open_reader (path, &open_error);
  gint64 copied;

  if (db == NULL)
    {
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("the copy cannot be read"));
      return FALSE;
    }
  copied = user_version (db);
  application = query_text (db, "SELECT application FROM register_info WHERE id = 1");
  integrity = query_text (db, "PRAGMA integrity_check(1)");
  sqlite3_close (db);
  if (g_strcmp0 (integrity, "ok") != 0)
    {
      g_debug ("integrity_check of %s: %s", path, integrity != NULL ? integrity : "(none)");
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED,
                           _ ("the copy is damaged"));
      return FALSE;
    }
  if (g_strcmp0 (application, BF_STORE_APPLICATION_ID) != 0 || copied != version)
    {
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED,
                           _ ("the copy is not the register it was made from"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_copy (const char *path, gpointer user_data, GError **error)
{
  return _bf_store_check_backup (path, *(gint64 *) user_data, error);
}

/* The copy of @path in @output's temporary, checked; FALSE with @error set (nothing left
 * behind). Reads through a connection of its own. */
static gboolean
write_copy (const char *path, BfOutput *output, GError **error)
{
  sqlite3 *db = _bf_open_reader (path, error);
  gint64 version;
  gboolean ok;

  if (db == NULL)
    return FALSE;
  version = user_version (db);
  ok = vacuum_into (db, output, error);
  sqlite3_close (db);
  return ok && bf_output_finish (output, check_copy, &version, error);
}

static char *
backup_name (const char *dir, const char *stem, const char *stamp, guint serial)
{
  g_autofree char *name = serial == 1 ? g_strdup_printf ("%s-%s.bangfu", stem, stamp)
                                      : g_strdup_printf ("%s-%s-%u.bangfu", stem, stamp, serial);

  return g_build_filename (dir, name, NULL);
}

/* Puts the checked copy under the first free name of @stem's backups at @stamp; never replaces
 * a file. */
static char *
publish_backup (BfOutput *output,
                const char *dir,
                const char *stem,
                const char *stamp,
                GError **error)
{
  for (guint serial = 1; serial < 1000; serial++)
    {
      g_autofree char *path = backup_name (dir, stem, stamp, serial);
      gboolean taken = FALSE;

      if (bf_output_commit_new (output, path, &taken, error))
        return g_steal_pointer (&path);
      if (!taken)
        return NULL;
    }
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
               _ ("Cannot write the backup: too many backups in one second."));
  return NULL;
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
  g_autofree char *first = NULL;
  g_autofree char *published = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (BfOutput) output = NULL;
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
                   _ ("Cannot create the backup folder “%s”: %s."), shown,
                   bf_output_reason (saved));
      return NULL;
    }

  /* Taken before the copy starts reading: every change it counts is in the copy. */
  serial = _bf_store_change_serial (self);
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  first = backup_name (target_dir, stem, stamp, 1);
  output = bf_output_new (first, error);
  if (output == NULL || !write_copy (path, output, error))
    return NULL;
  g_debug ("backup of %s copied and checked", path);
  published = publish_backup (output, target_dir, stem, stamp, error);
  if (published == NULL)
    return NULL;
  _bf_store_backed_up (self, serial);
  _bf_store_rotate_backups (target_dir, stem, published);
  return g_steal_pointer (&published);
}
