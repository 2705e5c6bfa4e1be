/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An LD_PRELOAD library for tests/test-cli-faults.c: fails the Nth call of one kind of system
 * call on the files of one folder, as a full disk or a failing drive would.
 *
 *   BF_FAULT_DIR   the folder (absolute): only calls on paths in it, and on the descriptors
 *                  opened on them, are counted
 *   BF_FAULT_CALL  open | write | fsync | rename | link | unlink
 *   BF_FAULT_NTH   which call fails (1 = the first); 0 only counts
 *   BF_FAULT_LOG   a file to which "fired PATH" (when the call failed) and "count N" (at exit)
 *                  are appended
 *
 * open is open/openat/creat/fopen; write is write/pwrite/writev/fwrite (fwrite for the zip writer
 * of libxlsxwriter, whose stdio writes cannot be seen below it); fsync includes fdatasync;
 * rename includes renameat2. Only libraries loaded dynamically go through here: ASan builds,
 * whose runtime must come first, do not run the test. */
/* The shim defines open and open64 each: neither may be renamed to the other. */
#undef _FILE_OFFSET_BITS
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_FDS 4096

static char fault_dir[PATH_MAX];
static const char *fault_call;
static long fault_nth;
static const char *fault_log;
static long counted;
static int fired;
static unsigned char tracked[MAX_FDS];
static char *fd_paths[MAX_FDS]; /* for the log: which file a descriptor's call failed on */

static void
log_line (const char *text)
{
  static ssize_t (*real_write) (int, const void *, size_t);
  static int (*real_open) (const char *, int, ...);
  int fd;

  if (fault_log == NULL)
    return;
  if (real_write == NULL)
    real_write = dlsym (RTLD_NEXT, "write");
  if (real_open == NULL)
    real_open = dlsym (RTLD_NEXT, "open");
  fd = real_open (fault_log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      if (real_write (fd, text, strlen (text)) < 0)
        abort ();
      close (fd);
    }
}

__attribute__ ((constructor)) static void
shim_init (void)
{
  const char *dir = getenv ("BF_FAULT_DIR");
  const char *nth = getenv ("BF_FAULT_NTH");

  if (dir != NULL)
    snprintf (fault_dir, sizeof fault_dir, "%s", dir);
  fault_call = getenv ("BF_FAULT_CALL");
  fault_nth = nth != NULL ? strtol (nth, NULL, 10) : 0;
  fault_log = getenv ("BF_FAULT_LOG");
}

__attribute__ ((destructor)) static void
shim_fini (void)
{
  char line[64];

  snprintf (line, sizeof line, "count %ld\n", __atomic_load_n (&counted, __ATOMIC_SEQ_CST));
  log_line (line);
}

static int
in_dir (const char *path)
{
  char absolute[PATH_MAX];
  size_t n = strlen (fault_dir);

  if (n == 0 || path == NULL)
    return 0;
  if (path[0] != '/')
    {
      if (getcwd (absolute, sizeof absolute) == NULL)
        return 0;
      strncat (absolute, "/", sizeof absolute - strlen (absolute) - 1);
      strncat (absolute, path, sizeof absolute - strlen (absolute) - 1);
      path = absolute;
    }
  return strncmp (path, fault_dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static int
fd_tracked (int fd)
{
  return fd >= 0 && fd < MAX_FDS && tracked[fd];
}

static void
track (int fd, const char *path)
{
  if (fd < 0 || fd >= MAX_FDS)
    return;
  tracked[fd] = (unsigned char) in_dir (path);
  free (fd_paths[fd]);
  fd_paths[fd] = tracked[fd] ? strdup (path) : NULL;
}

static const char *
fd_path (int fd)
{
  return fd >= 0 && fd < MAX_FDS && fd_paths[fd] != NULL ? fd_paths[fd] : "(descriptor)";
}

/* Counts a call of @kind on @path (or a tracked descriptor); TRUE when this one must fail. */
static int
must_fail (const char *kind, const char *path)
{
  long n;

  if (fault_call == NULL || strcmp (fault_call, kind) != 0)
    return 0;
  n = __atomic_add_fetch (&counted, 1, __ATOMIC_SEQ_CST);
  if (n != fault_nth)
    return 0;
  {
    char line[PATH_MAX + 16];

    snprintf (line, sizeof line, "fired %s\n", path != NULL ? path : "(descriptor)");
    log_line (line);
  }
  fired = 1;
  return 1;
}

#define REAL(name)                                                                                 \
  static __typeof__ (name) *real_##name;                                                           \
  if (real_##name == NULL)                                                                         \
  real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

static int
open_errno (void)
{
  return ENOSPC;
}

/* ---- open ---- */

static int
opened (const char *path, int fd)
{
  track (fd, path);
  return fd;
}

int
open (const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;
  REAL (open);

  va_start (args, flags);
  if (flags & (O_CREAT | O_TMPFILE))
    mode = va_arg (args, mode_t);
  va_end (args);
  if (in_dir (path) && must_fail ("open", path))
    {
      errno = open_errno ();
      return -1;
    }
  return opened (path, real_open (path, flags, mode));
}

int
open64 (const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;
  REAL (open64);

  va_start (args, flags);
  if (flags & (O_CREAT | O_TMPFILE))
    mode = va_arg (args, mode_t);
  va_end (args);
  if (in_dir (path) && must_fail ("open", path))
    {
      errno = open_errno ();
      return -1;
    }
  return opened (path, real_open64 (path, flags, mode));
}

int
openat (int dirfd, const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;
  int counted_here = dirfd == AT_FDCWD || path[0] == '/';
  REAL (openat);

  va_start (args, flags);
  if (flags & (O_CREAT | O_TMPFILE))
    mode = va_arg (args, mode_t);
  va_end (args);
  if (counted_here && in_dir (path) && must_fail ("open", path))
    {
      errno = open_errno ();
      return -1;
    }
  return counted_here ? opened (path, real_openat (dirfd, path, flags, mode))
                      : real_openat (dirfd, path, flags, mode);
}

int
openat64 (int dirfd, const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;
  int counted_here = dirfd == AT_FDCWD || path[0] == '/';
  REAL (openat64);

  va_start (args, flags);
  if (flags & (O_CREAT | O_TMPFILE))
    mode = va_arg (args, mode_t);
  va_end (args);
  if (counted_here && in_dir (path) && must_fail ("open", path))
    {
      errno = open_errno ();
      return -1;
    }
  return counted_here ? opened (path, real_openat64 (dirfd, path, flags, mode))
                      : real_openat64 (dirfd, path, flags, mode);
}

int
creat (const char *path, mode_t mode)
{
  return open (path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

int
creat64 (const char *path, mode_t mode)
{
  return open64 (path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

static FILE *
opened_stream (const char *path, FILE *file)
{
  if (file != NULL)
    track (fileno (file), path);
  return file;
}

FILE *
fopen (const char *path, const char *mode)
{
  REAL (fopen);

  if (in_dir (path) && must_fail ("open", path))
    {
      errno = open_errno ();
      return NULL;
    }
  return opened_stream (path, real_fopen (path, mode));
}

FILE *
fopen64 (const char *path, const char *mode)
{
  REAL (fopen64);

  if (in_dir (path) && must_fail ("open", path))
    {
      errno = open_errno ();
      return NULL;
    }
  return opened_stream (path, real_fopen64 (path, mode));
}

int
close (int fd)
{
  REAL (close);

  if (fd >= 0 && fd < MAX_FDS)
    tracked[fd] = 0;
  return real_close (fd);
}

int
fclose (FILE *file)
{
  REAL (fclose);

  if (file != NULL && fileno (file) >= 0 && fileno (file) < MAX_FDS)
    tracked[fileno (file)] = 0;
  return real_fclose (file);
}

/* ---- write ---- */

ssize_t
write (int fd, const void *data, size_t size)
{
  REAL (write);

  if (fd_tracked (fd) && must_fail ("write", fd_path (fd)))
    {
      errno = ENOSPC;
      return -1;
    }
  return real_write (fd, data, size);
}

ssize_t
pwrite (int fd, const void *data, size_t size, off_t offset)
{
  REAL (pwrite);

  if (fd_tracked (fd) && must_fail ("write", fd_path (fd)))
    {
      errno = ENOSPC;
      return -1;
    }
  return real_pwrite (fd, data, size, offset);
}

ssize_t
pwrite64 (int fd, const void *data, size_t size, off_t offset)
{
  REAL (pwrite64);

  if (fd_tracked (fd) && must_fail ("write", fd_path (fd)))
    {
      errno = ENOSPC;
      return -1;
    }
  return real_pwrite64 (fd, data, size, offset);
}

ssize_t
writev (int fd, const struct iovec *iov, int n)
{
  REAL (writev);

  if (fd_tracked (fd) && must_fail ("write", fd_path (fd)))
    {
      errno = ENOSPC;
      return -1;
    }
  return real_writev (fd, iov, n);
}

size_t
fwrite (const void *data, size_t size, size_t n, FILE *file)
{
  REAL (fwrite);

  if (fd_tracked (fileno (file)) && must_fail ("write", fd_path (fileno (file))))
    {
      /* As a failed write below stdio leaves it: the stream's error flag set (glibc's FILE). */
      file->_flags |= _IO_ERR_SEEN;
      errno = ENOSPC;
      return 0;
    }
  return real_fwrite (data, size, n, file);
}

/* ---- fsync ---- */

int
fsync (int fd)
{
  REAL (fsync);

  if (fd_tracked (fd) && must_fail ("fsync", fd_path (fd)))
    {
      errno = EIO;
      return -1;
    }
  return real_fsync (fd);
}

int
fdatasync (int fd)
{
  REAL (fdatasync);

  if (fd_tracked (fd) && must_fail ("fsync", fd_path (fd)))
    {
      errno = EIO;
      return -1;
    }
  return real_fdatasync (fd);
}

/* ---- rename, link, unlink ---- */

int
rename (const char *from, const char *to)
{
  REAL (rename);

  if ((in_dir (from) || in_dir (to)) && must_fail ("rename", to))
    {
      errno = EIO;
      return -1;
    }
  return real_rename (from, to);
}

int
renameat (int from_dir, const char *from, int to_dir, const char *to)
{
  REAL (renameat);

  if ((in_dir (from) || in_dir (to)) && must_fail ("rename", to))
    {
      errno = EIO;
      return -1;
    }
  return real_renameat (from_dir, from, to_dir, to);
}

int
renameat2 (int from_dir, const char *from, int to_dir, const char *to, unsigned int flags)
{
  REAL (renameat2);

  if ((in_dir (from) || in_dir (to)) && must_fail ("rename", to))
    {
      errno = EIO;
      return -1;
    }
  return real_renameat2 (from_dir, from, to_dir, to, flags);
}

int
link (const char *from, const char *to)
{
  REAL (link);

  if ((in_dir (from) || in_dir (to)) && must_fail ("link", to))
    {
      errno = EIO;
      return -1;
    }
  return real_link (from, to);
}

int
unlink (const char *path)
{
  REAL (unlink);

  if (in_dir (path) && must_fail ("unlink", path))
    {
      errno = EIO;
      return -1;
    }
  return real_unlink (path);
}

int
unlinkat (int dirfd, const char *path, int flags)
{
  REAL (unlinkat);

  if ((dirfd == AT_FDCWD || path[0] == '/') && in_dir (path) && must_fail ("unlink", path))
    {
      errno = EIO;
      return -1;
    }
  return real_unlinkat (dirfd, path, flags);
}
