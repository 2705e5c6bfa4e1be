/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bf-sheet-reader-private.h"

#define SNIFF_BYTES 4096

/* ---- Opening ---- */

static gboolean
has_prefix (const guint8 *data, gsize size, const char *prefix, gsize prefix_len)
{
  return size >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* Recognises the format from the first bytes; sets @error for what is no spreadsheet of ours. */
static gboolean
sniff (const guint8 *data, gsize size, const char *name, gboolean *xlsx, GError **error)
{
  *xlsx = FALSE;
  if (has_prefix (data, size, "PK\x03\x04", 4) || has_prefix (data, size, "PK\x05\x06", 4))
    {
      *xlsx = TRUE;
      return TRUE;
    }
  if (has_prefix (data, size, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    {
      g_set_error (
        error, BF_SHEET_ERROR, BF_SHEET_ERROR_UNSUPPORTED,
        _ ("“%s” is an Excel 97–2003 workbook (.xls) or a workbook protected by a password. Open "
           "it in Excel or WPS, remove any password and save it as an Excel workbook (.xlsx)."),
        name);
      return FALSE;
    }
  if (has_prefix (data, size, "%PDF", 4) || has_prefix (data, size, "\x1f\x8b", 2) ||
      has_prefix (data, size, "Rar!", 4) || has_prefix (data, size, "7z\xbc\xaf", 4) ||
      has_prefix (data, size, "{\\rtf", 5))
    goto unsupported;
  /* Text, unless it has NUL bytes where UTF-16 cannot explain them. */
  if (size > 0 && !has_prefix (data, size, "\xff\xfe", 2) &&
      !has_prefix (data, size, "\xfe\xff", 2) &&
      memchr (data, '\0', MIN (size, SNIFF_BYTES)) != NULL)
    goto unsupported;
  return TRUE;

unsupported:
  g_set_error (
    error, BF_SHEET_ERROR, BF_SHEET_ERROR_UNSUPPORTED,
    _ ("“%s” is not a spreadsheet that can be imported: choose an Excel workbook (.xlsx) "
       "or a CSV file."),
    name);
  return FALSE;
}

BfSheetReader *
bf_sheet_reader_open (const char *path, GError **error)
{
  g_autofree char *name = NULL;
  guint8 head[SNIFF_BYTES];
  gboolean xlsx;
  gssize got;
  int fd, errsv;

  g_return_val_if_fail (path != NULL, NULL);
  name = g_filename_display_basename (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      errsv = errno;
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_OPEN, _ ("Could not open “%s”: %s"), name,
                   g_strerror (errsv));
      return NULL;
    }
  do
    got = read (fd, head, sizeof head);
  while (got < 0 && errno == EINTR);
  errsv = errno;
  close (fd);
  if (got < 0)
    {
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_OPEN, _ ("Could not read “%s”: %s"), name,
                   g_strerror (errsv));
      return NULL;
    }
  if (!sniff (head, got, name, &xlsx, error))
    return NULL;
  return xlsx ? _bf_sheet_xlsx_open (NULL, path, name, error)
              : _bf_sheet_csv_open (NULL, path, name, error);
}

BfSheetReader *
bf_sheet_reader_open_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gboolean xlsx;

  g_return_val_if_fail (bytes != NULL && display_name != NULL, NULL);
  if (!sniff (data, size, display_name, &xlsx, error))
    return NULL;
  return xlsx ? _bf_sheet_xlsx_open (bytes, NULL, display_name, error)
              : _bf_sheet_csv_open (bytes, NULL, display_name, error);
}

/* ---- Accessors ---- */

BfSheetFormat
bf_sheet_reader_get_format (BfSheetReader *reader)
{
  return reader->format;
}

BfSheetEncoding
bf_sheet_reader_get_encoding (BfSheetReader *reader)
{
  return reader->encoding;
}

gboolean
bf_sheet_reader_get_date1904 (BfSheetReader *reader)
{
  return reader->date1904;
}

guint
bf_sheet_reader_get_n_sheets (BfSheetReader *reader)
{
  return reader->sheet_names->len;
}

const char *
bf_sheet_reader_get_sheet_name (BfSheetReader *reader, guint index)
{
  g_return_val_if_fail (index < reader->sheet_names->len, NULL);
  return g_ptr_array_index (reader->sheet_names, index);
}

int
bf_sheet_reader_find_sheet (BfSheetReader *reader, const char *name)
{
  for (guint i = 0; i < reader->sheet_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (reader->sheet_names, i), name) == 0)
      return (int) i;
  return -1;
}

gboolean
bf_sheet_reader_select_sheet (BfSheetReader *reader, guint index, GError **error)
{
  if (index >= reader->sheet_names->len)
    {
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_NO_SHEET,
                   _ ("“%s” has no sheet number %u."), reader->display_name, index + 1);
      return FALSE;
    }
  reader->current = -1;
  if (!reader->klass->select_sheet (reader, index, error))
    return FALSE;
  reader->current = (int) index;
  return TRUE;
}

const BfSheetRow *
bf_sheet_reader_next_row (BfSheetReader *reader, GError **error)
{
  if (reader->current < 0)
    return NULL;
  return reader->klass->next_row (reader, error);
}

double
bf_sheet_reader_get_fraction (BfSheetReader *reader)
{
  if (reader->current < 0)
    return 0.0;
  return CLAMP (reader->klass->get_fraction (reader), 0.0, 1.0);
}

char *
bf_sheet_column_name (guint index)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  do
    {
      buffer[--i] = (char) ('A' + index % 26);
      index = index / 26;
    }
  while (index-- > 0 && i > 0);
  return g_strdup (buffer + i);
}
