/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scratch files of libxlsxwriter, made here. libxlsxwriter writes each sheet's rows to a
 * scratch file and, when the workbook is closed, copies them into more scratch files that it
 * neither checks nor, when its unlink fails, removes: a failed write there gave a workbook with
 * rows missing and exit status 0. The library asks for every scratch file through lxw_tmpfile(),
 * which it calls through the dynamic linker; this definition takes its place (the programs export
 * it), so that every write is checked and the files never have a name on the disk. */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "bf-ledger-private.h"

/* The export runs in one thread: its scratch files report there. */
static _Thread_local int scratch_errno;
static _Thread_local guint scratch_count;

static ssize_t
scratch_read (void *cookie, char *buffer, size_t size)
{
  ssize_t n;

  do
    n = read (GPOINTER_TO_INT (cookie), buffer, size);
  while (n < 0 && errno == EINTR);
  if (n < 0 && scratch_errno == 0)
    scratch_errno = errno;
  return n;
}

static ssize_t
scratch_write (void *cookie, const char *data, size_t size)
{
  size_t done = 0;

  while (done < size)
    {
      ssize_t n = write (GPOINTER_TO_INT (cookie), data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (scratch_errno == 0)
            scratch_errno = n < 0 ? errno : ENOSPC;
          return done > 0 ? (ssize_t) done : -1;
        }
      done += (size_t) n;
    }
  return (ssize_t) done;
}

static int
scratch_seek (void *cookie, off64_t *offset, int whence)
{
  off64_t at = lseek64 (GPOINTER_TO_INT (cookie), *offset, whence);

  if (at < 0)
    return -1;
  *offset = at;
  return 0;
}

static int
scratch_close (void *cookie)
{
  return close (GPOINTER_TO_INT (cookie));
}

/* An open file in @dir without a name (O_TMPFILE), or, where the file system has none, one
 * removed right after it is made. -1 when neither can be had. */
static int
nameless_file (const char *dir)
{
  g_autofree char *template = NULL;
  int fd = open (dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);

  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
    return fd;
  template = g_build_filename (dir, ".bangfu-scratch-XXXXXX", NULL);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0 && unlink (template) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (template);
      errno = saved;
      return -1;
    }
  return fd;
}

FILE *lxw_tmpfile (char *tmpdir);

FILE *
lxw_tmpfile (char *tmpdir)
{
  const cookie_io_functions_t functions = { scratch_read, scratch_write, scratch_seek,
                                            scratch_close };
  int fd = nameless_file (tmpdir != NULL ? tmpdir : g_get_tmp_dir ());
  FILE *file;

  if (fd < 0)
    {
      if (scratch_errno == 0)
        scratch_errno = errno;
      return NULL;
    }
  file = fopencookie (GINT_TO_POINTER (fd), "w+", functions);
  if (file == NULL)
    close (fd);
  else
    scratch_count++;
  return file;
}

void
_bf_ledger_scratch_reset (void)
{
  scratch_errno = 0;
  scratch_count = 0;
}

int
_bf_ledger_scratch_errno (void)
{
  return scratch_errno;
}

guint
_bf_ledger_scratch_count (void)
{
  return scratch_count;
}
