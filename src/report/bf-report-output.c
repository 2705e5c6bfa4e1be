/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PDFs and workbooks read back before they replace anything: a file cut short by a full disk or
 * a failed write has no trailer (PDF) or no central directory (zip), whatever the library that
 * wrote it reported. */
#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bf-report-output-private.h"
#include "bf-store.h"

static cairo_status_t
write_to_output (void *closure, const unsigned char *data, unsigned int length)
{
  return bf_output_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                       : CAIRO_STATUS_WRITE_ERROR;
}

cairo_surface_t *
_bf_pdf_surface_new (BfOutput *output, double width, double height)
{
  return cairo_pdf_surface_create_for_stream (write_to_output, output, width, height);
}

/* The last @size (at most) bytes of @path into @tail; how many were read, -1 on an error. */
static gssize
read_tail (const char *path, char *tail, gsize size, gsize *file_size)
{
  struct stat st;
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  gssize n = -1;

  if (fd < 0)
    return -1;
  if (fstat (fd, &st) == 0)
    {
      gsize want = MIN (size, (gsize) st.st_size);

      *file_size = st.st_size;
      n = pread (fd, tail, want, st.st_size - (off_t) want);
    }
  close (fd);
  return n;
}

static gboolean
has_bytes (const char *data, gsize n, const char *needle, gsize needle_len)
{
  return n >= needle_len && memmem (data, n, needle, needle_len) != NULL;
}

static void
set_unreadable (GError **error, int errsv)
{
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("it cannot be read back: %s"),
               bf_output_reason (errsv));
}

static gboolean
check_pdf (const char *path, gpointer user_data, GError **error)
{
  char head[5] = { 0 };
  char tail[1024];
  gsize size = 0;
  gssize n = read_tail (path, tail, sizeof tail, &size);
  int fd;
  gboolean head_ok;

  if (n < 0 || (fd = open (path, O_RDONLY | O_CLOEXEC)) < 0)
    {
      set_unreadable (error, errno);
      return FALSE;
    }
  head_ok = pread (fd, head, sizeof head, 0) == sizeof head && memcmp (head, "%PDF-", 5) == 0;
  close (fd);
  if (head_ok && has_bytes (tail, n, "%%EOF", 5))
    return TRUE;
  g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("the PDF is incomplete"));
  return FALSE;
}

gboolean
_bf_pdf_surface_finish (cairo_surface_t *surface, BfOutput *output, GError **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      bf_output_abort (output, cairo_status_to_string (status), error);
      return FALSE;
    }
  return bf_output_finish (output, check_pdf, NULL, error);
}

gboolean
_bf_check_workbook (const char *path, gpointer user_data, GError **error)
{
  /* The end-of-central-directory record: 22 bytes and a comment of up to 65,535. */
  g_autofree char *tail = g_malloc (22 + 65535);
  gsize size = 0;
  gssize n = read_tail (path, tail, 22 + 65535, &size);

  if (n < 0)
    {
      set_unreadable (error, errno);
      return FALSE;
    }
  if (n >= 22 && has_bytes (tail, n, "PK\x05\x06", 4))
    return TRUE;
  g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("the workbook is incomplete"));
  return FALSE;
}
