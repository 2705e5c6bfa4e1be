/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The lock file "REGISTER.lock" (bf-store-lock-private.h). flock() is per open file: the stores
 * of one process that may share a register (a window and its worker threads) share one open
 * lock file, counted here. The kernel drops a lock when its holder dies, so a killed process
 * leaves at most a file, never a lock. The file says who holds it, for the message of whoever is
 * refused. */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bf-store-file.h"
#include "bf-store-lock-private.h"
#include "bf-store.h"
#include "bf-text.h"

typedef struct
{
  char *key; /* the lock file's canonical path */
  char *lock_path;
  int fd;
  guint windows;
  guint users;
} Held;

struct _BfLock
{
  Held *held; /* NULL: nothing to hold (read-only media) */
  BfLockKind kind;
};

static GMutex registry_mutex;
static GHashTable *registry; /* key -> Held */

/* "PID\nHOST\nPROGRAM\n": written by the holder, read by whoever it refuses. */
static void
note_holder (int fd, const char *lock_path)
{
  const char *prgname = g_get_prgname ();
  /* "bangfu-cli assess", "bangfu", or a program started by its path (a test). */
  g_autofree char *program = prgname != NULL ? g_path_get_basename (prgname) : g_strdup ("bangfu");
  g_autofree char *text =
    g_strdup_printf ("%d\n%s\n%s\n", (int) getpid (), g_get_host_name (), program);

  if (ftruncate (fd, 0) != 0 || write (fd, text, strlen (text)) < 0)
    g_debug ("cannot note the holder in %s", lock_path);
}

static void
set_held_elsewhere (GError **error, const char *register_path, int fd)
{
  g_autofree char *name = g_filename_display_name (register_path);
  char buffer[512] = "";
  ssize_t n = pread (fd, buffer, sizeof buffer - 1, 0);
  g_auto (GStrv) lines = NULL;

  if (n > 0)
    buffer[n] = '\0';
  lines = g_strsplit (buffer, "\n", 4);
  if (g_strv_length (lines) < 3 || *lines[0] == '\0')
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE,
                   _ ("“%s” is in use by another Bangfu program: close it and try again."), name);
      return;
    }
  {
    g_autofree char *pid = bf_text_shown (lines[0], 12);
    g_autofree char *host = bf_text_shown (lines[1], BF_TEXT_SHOWN_CHARS);
    g_autofree char *program = bf_text_shown (lines[2], BF_TEXT_SHOWN_CHARS);

    if (g_str_equal (program, "bangfu"))
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE,
                   _ ("“%s” is open in the Bangfu window of process %s on %s: close it there "
                      "and try again."),
                   name, pid, host);
    else
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE,
                   _ ("“%s” is in use by “%s” (process %s on %s): wait for it to finish and try "
                      "again."),
                   name, program, pid, host);
  }
}

/* The lock file open and flocked: the fd, -1 with @error set, or -2 when @read_only and the
 * folder cannot hold a lock file. */
static int
acquire (const char *register_path, const char *lock_path, gboolean read_only, GError **error)
{
  g_autofree char *name = g_filename_display_name (register_path);

  /* The owner unlinks the file before releasing it; a lock won on an unlinked file is void. */
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      struct stat held, named;
      int fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved = errno;

          /* A register on read-only media cannot be changed by anyone: no lock needed. */
          if (read_only && (saved == EROFS || saved == EACCES))
            return -2;
          if (saved == EROFS)
            g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                         _ ("“%s” is on a disk that cannot be written: copy it to a folder of "
                            "your own to change it."),
                         name);
          else
            g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                         _ ("Cannot lock “%s” for writing: %s; nothing was changed."), name,
                         bf_output_reason (saved));
          return -1;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved = errno;

          if (saved == EWOULDBLOCK)
            set_held_elsewhere (error, register_path, fd);
          else
            g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                         _ ("Cannot lock “%s” for writing: %s; nothing was changed."), name,
                         bf_output_reason (saved));
          close (fd);
          return -1;
        }
      if (fstat (fd, &held) == 0 && g_stat (lock_path, &named) == 0 &&
          held.st_dev == named.st_dev && held.st_ino == named.st_ino)
        {
          note_holder (fd, lock_path);
          return fd;
        }
      close (fd);
    }
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE,
               _ ("“%s” is in use by another Bangfu program: close it and try again."), name);
  return -1;
}

BfLock *
_bf_lock_take (const char *register_path, BfLockKind kind, gboolean read_only, GError **error)
{
  g_autofree char *lock_path = g_strconcat (register_path, ".lock", NULL);
  g_autofree char *key = g_canonicalize_filename (lock_path, NULL);
  BfLock *lock = NULL;
  Held *held;
  int fd;

  g_mutex_lock (&registry_mutex);
  if (registry == NULL)
    registry = g_hash_table_new (g_str_hash, g_str_equal);
  held = g_hash_table_lookup (registry, key);
  if (held != NULL)
    {
      if (kind == BF_LOCK_SOLE || (kind == BF_LOCK_WINDOW && held->windows > 0))
        {
          g_autofree char *name = g_filename_display_name (register_path);

          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE,
                       _ ("“%s” is already open in another Bangfu window."), name);
        }
      else
        lock = g_new0 (BfLock, 1);
    }
  else if ((fd = acquire (register_path, lock_path, read_only, error)) == -2)
    lock = g_new0 (BfLock, 1);
  else if (fd >= 0)
    {
      held = g_new0 (Held, 1);
      held->key = g_steal_pointer (&key);
      held->lock_path = g_steal_pointer (&lock_path);
      held->fd = fd;
      g_hash_table_insert (registry, held->key, held);
      lock = g_new0 (BfLock, 1);
    }
  else
    held = NULL;
  if (lock != NULL && held != NULL)
    {
      lock->held = held;
      lock->kind = kind;
      held->users++;
      if (kind == BF_LOCK_WINDOW)
        held->windows++;
    }
  g_mutex_unlock (&registry_mutex);
  return lock;
}

void
_bf_lock_drop (BfLock *lock)
{
  Held *held;

  if (lock == NULL)
    return;
  held = lock->held;
  g_mutex_lock (&registry_mutex);
  if (held != NULL)
    {
      if (lock->kind == BF_LOCK_WINDOW)
        held->windows--;
      if (--held->users == 0)
        {
          g_hash_table_remove (registry, held->key);
          g_unlink (held->lock_path);
          close (held->fd);
          g_free (held->key);
          g_free (held->lock_path);
          g_free (held);
        }
    }
  g_mutex_unlock (&registry_mutex);
  g_free (lock);
}
