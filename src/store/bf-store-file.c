/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whole or absent (bf-store-file.h): the one way Bangfu writes a file for the user, and the
 * removal of what killed writers left behind. Plain POSIX calls, each checked: the fault tests
 * (tests/test-cli-faults.c) fail every one of them in turn. This file calls nothing else of the
 * store, so report can use it without the store's connection. */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bf-store-file-private.h"
#include "bf-store.h"

#define TEMP_MARK "bangfu-tmp-"
/* A writer takes its flock right after creating its temporary; an empty unlocked one younger
 * than this may be in between. */
#define FRESH_SECONDS 10
/* Names longer than this are cut in the temporary's name (NAME_MAX is 255 bytes). */
#define MAX_BASE_BYTES 200

struct _BfOutput
{
  char *path;
  char *temp_path;
  char *shown; /* the destination's name as the messages show it */
  int fd;      /* the temporary, open and flocked until committed or removed */
  int write_errno;
  gboolean existed; /* the destination existed when the output was made */
  gboolean finished;
};

/* The store's error domain lives in its bottom file: every other store file may use it. */
G_DEFINE_QUARK (bf - store - error - quark, bf_store_error)

/* ---------------------------------------------------------------------------------------------
 * Messages
 */

const char *
bf_output_reason (int errsv)
{
  switch (errsv)
    {
      case ENOSPC:
        return _ ("the disk is full");
      case EDQUOT:
        return _ ("the disk quota is used up");
      case EROFS:
        return _ ("the disk is read-only");
      case EACCES:
      case EPERM:
        return _ ("permission denied");
      case EIO:
        return _ ("the disk reported an error");
      case EFBIG:
        return _ ("the file is too large for this disk");
      case ENOENT:
      case ENOTDIR:
        return _ ("the folder does not exist");
      case ENAMETOOLONG:
        return _ ("the name is too long");
      default:
        return g_strerror (errsv);
    }
}

typedef enum
{
  STEP_WRITE,
  STEP_SYNC,
  STEP_CHECK,
  STEP_RENAME,
} Step;

/* A failure before the new file is in place: the destination is as it was. */
#define SET_FAILED(self, error, with_old, without_old, reason)                                     \
  g_set_error ((error), BF_STORE_ERROR, BF_STORE_ERROR_IO,                                         \
               (self)->existed ? (with_old) : (without_old), (self)->shown, (reason))

static void
set_failed (BfOutput *self, Step step, const char *reason, GError **error)
{
  switch (step)
    {
      case STEP_WRITE:
        SET_FAILED (self, error, _ ("Cannot write “%s”: %s; the file that was there is unchanged."),
                    _ ("Cannot write “%s”: %s; no file was written."), reason);
        break;
      case STEP_SYNC:
        SET_FAILED (self, error,
                    _ ("Cannot save “%s” to the disk: %s; the file that was there is unchanged."),
                    _ ("Cannot save “%s” to the disk: %s; no file was written."), reason);
        break;
      case STEP_CHECK:
        SET_FAILED (self, error,
                    _ ("“%s” failed its check after writing (%s); the file that was there is "
                       "unchanged."),
                    _ ("“%s” failed its check after writing (%s); no file was written."), reason);
        break;
      case STEP_RENAME:
        SET_FAILED (self, error,
                    _ ("Cannot put “%s” in place: %s; the file that was there is unchanged."),
                    _ ("Cannot put “%s” in place: %s; no file was written."), reason);
        break;
    }
}

static char *
without_final_period (const char *message)
{
  gsize n = strlen (message);

  while (n > 0 && (message[n - 1] == '.' || message[n - 1] == ' '))
    n--;
  return g_strndup (message, n);
}

/* ---------------------------------------------------------------------------------------------
 * Leftovers
 */

static BfOutputNoticeFunc notice_func;
static gpointer notice_data;

void
bf_output_set_notice_func (BfOutputNoticeFunc func, gpointer user_data)
{
  notice_func = func;
  notice_data = user_data;
}

void
_bf_output_notice (const char *message)
{
  if (notice_func != NULL)
    notice_func (message, notice_data);
  else
    g_message ("%s", message);
}

static gboolean
is_mkstemp_tail (const char *text, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_lower_hex (const char *text, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
ends_with_at (const char *name, gsize end, const char *suffix)
{
  gsize n = strlen (suffix);

  return end >= n && g_ascii_strncasecmp (name + end - n, suffix, n) == 0;
}

typedef enum
{
  LEFTOVER_NONE,
  LEFTOVER_OWN,      /* ".NAME.bangfu-tmp-XXXXXX": its writer held a flock on it */
  LEFTOVER_REGISTER, /* 0.1: "….partial-%08x", "….restoring-%08x", "….new-%08x" */
  LEFTOVER_WORKBOOK, /* 0.1: ".~NAME.xlsx.XXXXXX" */
  LEFTOVER_DOCUMENT, /* 0.1: ".NAME.pdf.XXXXXX" */
} Leftover;

/* What @name is, and the length of its main file's name (without SQLite's suffixes). */
static Leftover
leftover_kind (const char *name, gsize *main_len)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };
  gsize n = strlen (name);

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      {
        n -= strlen (suffixes[i]);
        break;
      }
  *main_len = n;
  if (n < 8)
    return LEFTOVER_NONE;
  if (name[0] == '.' && ends_with_at (name, n - 6, "." TEMP_MARK) &&
      is_mkstemp_tail (name + n - 6, 6))
    return LEFTOVER_OWN;
  if (n > 9 && is_lower_hex (name + n - 8, 8) &&
      (ends_with_at (name, n - 8, ".partial-") || ends_with_at (name, n - 8, ".restoring-") ||
       ends_with_at (name, n - 8, ".new-")))
    return LEFTOVER_REGISTER;
  if (name[n - 7] == '.' && is_mkstemp_tail (name + n - 6, 6))
    {
      if (g_str_has_prefix (name, ".~") && ends_with_at (name, n - 7, ".xlsx"))
        return LEFTOVER_WORKBOOK;
      if (name[0] == '.' && ends_with_at (name, n - 7, ".pdf"))
        return LEFTOVER_DOCUMENT;
    }
  return LEFTOVER_NONE;
}

/* 0.1's names are plain enough to be a user's file: only its contents (or none) make it ours. */
static gboolean
looks_like (int fd, Leftover kind)
{
  char head[16] = { 0 };
  ssize_t n = pread (fd, head, sizeof head, 0);

  if (n == 0)
    return TRUE;
  switch (kind)
    {
      case LEFTOVER_REGISTER:
        return n == 16 && memcmp (head, "SQLite format 3", 16) == 0;
      case LEFTOVER_WORKBOOK:
        return n >= 2 && memcmp (head, "PK", 2) == 0;
      case LEFTOVER_DOCUMENT:
        return n >= 5 && memcmp (head, "%PDF-", 5) == 0;
      default:
        return TRUE;
    }
}

/* Removes @path (an open, flocked leftover at @fd); one that cannot be removed is emptied and
 * named. */
static gboolean
remove_leftover (const char *path, int fd)
{
  int saved;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  if (unlink (path) == 0 || errno == ENOENT)
    return TRUE;
  saved = errno;
  shown = g_filename_display_name (path);
  if (fd >= 0 && ftruncate (fd, 0) == 0)
    message = g_strdup_printf (_ ("The leftover temporary file “%s” of an interrupted run could "
                                  "not be removed (%s); its contents were erased."),
                               shown, bf_output_reason (saved));
  else
    message = g_strdup_printf (_ ("The leftover temporary file “%s” of an interrupted run could "
                                  "not be removed (%s): remove it, it may hold personal data."),
                               shown, bf_output_reason (saved));
  _bf_output_notice (message);
  return FALSE;
}

typedef enum
{
  CANDIDATE_DEAD,  /* its writer is gone: remove it */
  CANDIDATE_LIVE,  /* a writer holds it, or may be about to */
  CANDIDATE_OTHER, /* not ours after all */
} Candidate;

static Candidate
examine (int fd, Leftover kind)
{
  struct stat st;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    return CANDIDATE_LIVE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return CANDIDATE_OTHER;
  if (st.st_size == 0 && (gint64) st.st_mtime > g_get_real_time () / G_USEC_PER_SEC - FRESH_SECONDS)
    return CANDIDATE_LIVE;
  if (!looks_like (fd, kind))
    return CANDIDATE_OTHER;
  return CANDIDATE_DEAD;
}

guint
bf_output_sweep (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) siblings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;
  guint removed = 0;

  if (handle == NULL)
    return 0;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      gsize main_len = 0;
      Leftover kind = leftover_kind (name, &main_len);
      g_autofree char *path = NULL;
      Candidate state;
      int fd;

      if (kind == LEFTOVER_NONE)
        continue;
      if (main_len != strlen (name))
        {
          g_ptr_array_add (siblings, g_strdup (name));
          continue;
        }
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      state = examine (fd, kind);
      if (state == CANDIDATE_DEAD)
        {
          int wfd = open (path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

          if (remove_leftover (path, wfd >= 0 ? wfd : -1))
            removed++;
          if (wfd >= 0)
            close (wfd);
        }
      else
        g_hash_table_add (live, g_strdup (name));
      close (fd);
    }
  /* SQLite's files beside a temporary go with it; those of a live one stay. */
  for (guint i = 0; i < siblings->len; i++)
    {
      const char *sibling = g_ptr_array_index (siblings, i);
      gsize main_len = 0;
      g_autofree char *main_name = NULL;
      g_autofree char *path = NULL;
      int fd;

      leftover_kind (sibling, &main_len);
      main_name = g_strndup (sibling, main_len);
      if (g_hash_table_contains (live, main_name))
        continue;
      path = g_build_filename (dir, sibling, NULL);
      fd = open (path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0 && errno == ENOENT)
        continue;
      if (remove_leftover (path, fd))
        removed++;
      if (fd >= 0)
        close (fd);
    }
  if (removed > 0)
    g_debug ("removed %u leftover temporary files in %s", removed, dir);
  return removed;
}

/* ---------------------------------------------------------------------------------------------
 * The output
 */

static char *
temp_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;

  if (strlen (base) > MAX_BASE_BYTES)
    {
      const char *cut = base + MAX_BASE_BYTES;

      /* At a character boundary, so that the name still reads. */
      while (cut > base && ((guchar) *cut & 0xc0) == 0x80)
        cut--;
      base[cut - base] = '\0';
    }
  name = g_strdup_printf (".%s." TEMP_MARK "XXXXXX", base);
  return g_build_filename (dir, name, NULL);
}

BfOutput *
bf_output_new (const char *path, GError **error)
{
  g_autofree char *dir = NULL;
  BfOutput *self;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (BfOutput, 1);
  self->path = g_strdup (path);
  self->shown = g_filename_display_name (path);
  self->existed = lstat (path, &st) == 0;
  self->fd = -1;
  dir = g_path_get_dirname (path);
  bf_output_sweep (dir);

  self->temp_path = temp_template (path);
  /* 0600 whatever the umask: the file holds ID numbers and bank accounts. */
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_failed (self, STEP_WRITE, bf_output_reason (errno), error);
      g_clear_pointer (&self->temp_path, g_free);
      bf_output_free (self);
      return NULL;
    }
  /* Tells bf_output_sweep in other processes that this one is alive. */
  if (flock (self->fd, LOCK_EX) != 0)
    g_debug ("cannot lock %s: %s", self->temp_path, g_strerror (errno));
  return self;
}

const char *
bf_output_get_path (BfOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

const char *
bf_output_get_temp_path (BfOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

/* The files SQLite may have made beside a temporary it wrote (VACUUM INTO, a new register). */
static void
remove_siblings (const char *temp_path)
{
  const char *suffixes[] = { "-journal", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sibling = g_strconcat (temp_path, suffixes[i], NULL);
      int fd = open (sibling, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

      if (fd < 0)
        continue;
      remove_leftover (sibling, fd);
      close (fd);
    }
}

static void
remove_temp (BfOutput *self)
{
  if (self->temp_path == NULL)
    return;
  remove_siblings (self->temp_path);
  if (unlink (self->temp_path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (self->temp_path);
      g_autofree char *message =
        g_strdup_printf (_ ("The temporary file “%s” could not be removed (%s): remove it, it may "
                            "hold personal data."),
                         shown, bf_output_reason (saved));

      if (self->fd >= 0 && ftruncate (self->fd, 0) == 0)
        g_debug ("emptied %s", self->temp_path);
      _bf_output_notice (message);
    }
  g_clear_pointer (&self->temp_path, g_free);
}

static void
close_temp (BfOutput *self)
{
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
}

void
bf_output_free (BfOutput *self)
{
  if (self == NULL)
    return;
  remove_temp (self);
  close_temp (self);
  g_free (self->path);
  g_free (self->shown);
  g_free (self);
}

gboolean
bf_output_write (BfOutput *self, const void *data, gsize size, GError **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0 && !self->finished, FALSE);

  if (self->write_errno != 0)
    {
      set_failed (self, STEP_WRITE, bf_output_reason (self->write_errno), error);
      return FALSE;
    }
  while (size > 0)
    {
      ssize_t n = write (self->fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          self->write_errno = n < 0 ? errno : ENOSPC;
          set_failed (self, STEP_WRITE, bf_output_reason (self->write_errno), error);
          return FALSE;
        }
      p += n;
      size -= (gsize) n;
    }
  return TRUE;
}

gboolean
bf_output_copy_file (BfOutput *self, const char *source, GError **error)
{
  char buffer[64 * 1024];
  int fd;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL && source != NULL, FALSE);

  fd = open (source, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (source);

      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("Cannot read “%s”: %s."), shown,
                   bf_output_reason (saved));
      return FALSE;
    }
  while (ok)
    {
      ssize_t n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_autofree char *shown = g_filename_display_name (source);

          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("Cannot read “%s”: %s."), shown,
                       bf_output_reason (saved));
          ok = FALSE;
        }
      else if (n == 0)
        break;
      else
        ok = bf_output_write (self, buffer, (gsize) n, error);
    }
  close (fd);
  return ok;
}

void
bf_output_abort (BfOutput *self, const char *reason, GError **error)
{
  g_return_if_fail (self != NULL);

  if (self->write_errno != 0)
    reason = bf_output_reason (self->write_errno);
  set_failed (self, STEP_WRITE, reason, error);
  remove_temp (self);
}

gboolean
bf_output_finish (BfOutput *self, BfOutputCheckFunc check, gpointer user_data, GError **error)
{
  g_autoptr (GError) check_error = NULL;

  g_return_val_if_fail (self != NULL && self->temp_path != NULL && !self->finished, FALSE);

  if (self->write_errno != 0)
    set_failed (self, STEP_WRITE, bf_output_reason (self->write_errno), error);
  else if (fsync (self->fd) != 0)
    set_failed (self, STEP_SYNC, bf_output_reason (errno), error);
  else if (check != NULL && !check (self->temp_path, user_data, &check_error))
    set_failed (self, STEP_CHECK, check_error->message, error);
  else
    {
      self->finished = TRUE;
      return TRUE;
    }
  remove_temp (self);
  return FALSE;
}

/* After the rename: the new file is in place, its name not yet safe on the disk. */
static gboolean
sync_folder (BfOutput *self, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved == 0)
    return TRUE;
  {
    g_autofree char *shown = g_filename_display_name (path);

    g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                 _ ("“%s” was written, but its folder could not be saved to the disk (%s): after a "
                    "power cut the file may be missing or old."),
                 shown, bf_output_reason (saved));
  }
  return FALSE;
}

/* A second name for the destination, so that it can be put back: NULL when the disk has no hard
 * links (or there is no destination). */
static char *
keep_old (BfOutput *self, GError **error)
{
  g_autofree char *template = temp_template (self->path);
  gsize n = strlen (template);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      for (gsize i = n - 6; i < n; i++)
        template[i] =
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0,
                                                                                               62)];
      if (link (self->path, template) == 0)
        return g_steal_pointer (&template);
      if (errno == EEXIST)
        continue;
      if (errno != ENOENT && errno != EPERM && errno != EOPNOTSUPP && errno != EMLINK &&
          errno != EXDEV)
        set_failed (self, STEP_RENAME, bf_output_reason (errno), error);
      return NULL;
    }
  set_failed (self, STEP_RENAME, g_strerror (EEXIST), error);
  return NULL;
}

/* @confirm failed (@reason) after the rename: the old file goes back to its name. */
static void
put_back (BfOutput *self, const char *kept, GError *reason, GError **error)
{
  g_autofree char *why = without_final_period (reason->message);
  int failed = 0;

  if (kept != NULL)
    failed = rename (kept, self->path) != 0 ? errno : 0;
  else
    failed = unlink (self->path) != 0 ? errno : 0;
  if (failed == 0)
    {
      sync_folder (self, self->path, NULL);
      if (kept != NULL)
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                     _ ("%s; the file “%s” was put back as it was."), why, self->shown);
      else
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("%s; “%s” was not written."), why,
                     self->shown);
      return;
    }
  {
    g_autofree char *shown_kept = kept != NULL ? g_filename_display_name (kept) : NULL;

    if (kept != NULL)
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                   _ ("%s, and the new “%s” could not be taken back (%s): the old file is “%s”."),
                   why, self->shown, bf_output_reason (failed), shown_kept);
    else
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                   _ ("%s, and the new “%s” could not be taken back (%s)."), why, self->shown,
                   bf_output_reason (failed));
  }
}

static gboolean
remove_kept (BfOutput *self, const char *kept, GError **error)
{
  int saved;
  g_autofree char *shown = NULL;

  if (kept == NULL || unlink (kept) == 0)
    return TRUE;
  saved = errno;
  shown = g_filename_display_name (kept);
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
               _ ("“%s” was written, but its old version “%s” could not be removed (%s): remove "
                  "it, it may hold personal data."),
               self->shown, shown, bf_output_reason (saved));
  return FALSE;
}

gboolean
bf_output_commit (BfOutput *self, BfOutputConfirmFunc confirm, gpointer user_data, GError **error)
{
  g_autofree char *kept = NULL;
  g_autoptr (GError) local_error = NULL;
  struct stat st;

  g_return_val_if_fail (self != NULL && self->temp_path != NULL, FALSE);

  if (!self->finished && !bf_output_finish (self, NULL, NULL, error))
    return FALSE;
  self->existed = lstat (self->path, &st) == 0;
  if (confirm != NULL && self->existed)
    {
      kept = keep_old (self, &local_error);
      if (kept == NULL && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          remove_temp (self);
          return FALSE;
        }
      /* No hard links: confirmed before, so that a failure still leaves the old file. */
      if (kept == NULL && !confirm (user_data, error))
        {
          remove_temp (self);
          return FALSE;
        }
    }
  if (rename (self->temp_path, self->path) != 0)
    {
      int saved = errno;

      set_failed (self, STEP_RENAME, bf_output_reason (saved), error);
      if (kept != NULL && unlink (kept) != 0)
        g_debug ("cannot remove %s", kept);
      remove_temp (self);
      return FALSE;
    }
  g_clear_pointer (&self->temp_path, g_free);
  close_temp (self);
  if (confirm != NULL && (kept != NULL || !self->existed) && !confirm (user_data, &local_error))
    {
      put_back (self, kept, local_error, error);
      return FALSE;
    }
  return remove_kept (self, kept, error) && sync_folder (self, self->path, error);
}

gboolean
bf_output_commit_new (BfOutput *self, const char *path, gboolean *taken, GError **error)
{
  int rc;

  g_return_val_if_fail (self != NULL && self->temp_path != NULL && path != NULL, FALSE);

  *taken = FALSE;
  if (!self->finished && !bf_output_finish (self, NULL, NULL, error))
    return FALSE;
  rc = renameat2 (AT_FDCWD, self->temp_path, AT_FDCWD, path, RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP))
    {
      /* A disk that cannot rename without replacing: a hard link never replaces. */
      rc = link (self->temp_path, path);
      if (rc == 0 && unlink (self->temp_path) != 0)
        g_debug ("cannot remove %s", self->temp_path);
    }
  if (rc != 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        {
          *taken = TRUE;
          return FALSE;
        }
      g_free (self->path);
      g_free (self->shown);
      self->path = g_strdup (path);
      self->shown = g_filename_display_name (path);
      self->existed = FALSE;
      set_failed (self, STEP_RENAME, bf_output_reason (saved), error);
      remove_temp (self);
      return FALSE;
    }
  g_clear_pointer (&self->temp_path, g_free);
  close_temp (self);
  g_free (self->path);
  self->path = g_strdup (path);
  return sync_folder (self, path, error);
}
