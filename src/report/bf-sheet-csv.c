/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV: decoded as it is read (GCharsetConverter for GB18030 and UTF-16), split with libcsv. The
 * encoding is told from the first bytes: a BOM, else valid UTF-8, else GB18030 (what Excel and
 * WPS on a Chinese Windows save as "CSV"). The separator is the comma, or the tab or semicolon
 * when the first line has more of those. Row numbers are records, as a spreadsheet shows them: a
 * quoted cell over several lines is one row. */
#include "config.h"

#include <csv.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bf-sheet-reader-private.h"

#define CHUNK_SIZE  (64 * 1024)
#define PROBE_SIZE  (64 * 1024)
#define MAX_PENDING (4 * 1024 * 1024) /* a cell in progress: past that a quote never closes */

typedef struct
{
  guint64 number;
  GPtrArray *fields; /* char *, NUL-terminated */
} Record;

typedef struct
{
  BfSheetReader base;
  GFile *file;         /* or */
  GBytes *bytes;       /* the file in memory */
  goffset size;        /* bytes in the file */
  gsize bom;           /* bytes of the byte order mark */
  const char *charset; /* to convert from; NULL: UTF-8 */
  char delimiter;

  GInputStream *raw;    /* the file's bytes */
  GInputStream *stream; /* UTF-8 */
  struct csv_parser parser;
  gboolean parser_ready;
  gboolean eof;
  char *chunk;
  GQueue records;    /* Record, parsed but not yet returned */
  GPtrArray *fields; /* of the record being parsed */
  guint64 number;    /* of the record being parsed */
  gboolean after_cr; /* the last record ended with a carriage return */
  char *failure;     /* set while parsing */
} Csv;

static void
record_free (Record *record)
{
  g_ptr_array_unref (record->fields);
  g_free (record);
}

/* ---- Encoding ---- */

/* Valid UTF-8 but for a sequence cut at the end of a probe that was not the whole file. */
static gboolean
is_utf8 (const char *data, gsize size, gboolean whole)
{
  const char *end;

  if (g_utf8_validate_len (data, size, &end))
    return TRUE;
  return !whole && size - (end - data) < 4 &&
         g_utf8_get_char_validated (end, size - (end - data)) == (gunichar) -2;
}

static gboolean
is_gb18030 (const char *data, gsize size, gboolean whole)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *utf8 = NULL;
  gsize read = 0;

  utf8 = g_convert (data, size, "UTF-8", "GB18030", &read, NULL, &error);
  if (utf8 != NULL)
    return TRUE;
  /* A character cut at the end of the probe. */
  return !whole && g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT);
}

static gboolean
detect_encoding (Csv *self, const char *probe, gsize size, gboolean whole, GError **error)
{
  if (size >= 3 && memcmp (probe, "\xef\xbb\xbf", 3) == 0)
    {
      self->base.encoding = BF_SHEET_ENCODING_UTF8_BOM;
      self->bom = 3;
    }
  else if (size >= 2 && (memcmp (probe, "\xff\xfe", 2) == 0 || memcmp (probe, "\xfe\xff", 2) == 0))
    {
      self->base.encoding = BF_SHEET_ENCODING_UTF16;
      self->bom = 2;
      self->charset = probe[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";
    }
  else if (is_utf8 (probe, size, whole))
    self->base.encoding = BF_SHEET_ENCODING_UTF8;
  else if (is_gb18030 (probe, size, whole))
    {
      self->base.encoding = BF_SHEET_ENCODING_GB18030;
      self->charset = "GB18030";
    }
  else
    {
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_ENCODING,
                   _ ("The text of “%s” is neither UTF-8 nor GB18030: save it again as “CSV UTF-8” "
                      "in Excel or WPS."),
                   self->base.display_name);
      return FALSE;
    }
  return TRUE;
}

/* The separator the first line uses most (outside quotes); the comma when it has none. */
static char
detect_delimiter (const char *text, gsize size)
{
  guint commas = 0, tabs = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == '\t')
        tabs++;
      else if (c == ';')
        semicolons++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

/* ---- Streams ---- */

static GInputStream *
open_raw (Csv *self, GError **error)
{
  g_autoptr (GError) local = NULL;
  GInputStream *stream;

  if (self->bytes != NULL)
    return g_memory_input_stream_new_from_bytes (self->bytes);
  stream = G_INPUT_STREAM (g_file_read (self->file, NULL, &local));
  if (stream == NULL)
    g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_OPEN, _ ("Could not open “%s”: %s"),
                 self->base.display_name, local->message);
  return stream;
}

static gboolean
read_failed (Csv *self, GError *local, GError **error)
{
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_ENCODING,
                 _ ("Row %lu of “%s” is not valid %s text: save the file again as “CSV UTF-8” "
                    "in Excel or WPS."),
                 (unsigned long) self->number, self->base.display_name, self->charset);
  else
    g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_OPEN, _ ("Could not read “%s”: %s"),
                 self->base.display_name, local->message);
  g_error_free (local);
  return FALSE;
}

/* ---- Parsing ---- */

static void
add_field (void *data, size_t len, void *user_data)
{
  Csv *self = user_data;

  if (self->failure != NULL)
    return;
  if (self->fields->len >= BF_SHEET_MAX_COLUMNS)
    {
      self->failure = g_strdup_printf (_ ("row %lu has more cells than a sheet can"),
                                       (unsigned long) self->number);
      return;
    }
  if (len > BF_SHEET_MAX_CELL_CHARS * 4)
    {
      self->failure = g_strdup_printf (_ ("row %lu has a cell longer than a cell can hold"),
                                       (unsigned long) self->number);
      return;
    }
  if (self->charset == NULL && !g_utf8_validate_len (data != NULL ? data : "", len, NULL))
    {
      self->failure =
        g_strdup_printf (_ ("row %lu is not valid UTF-8 text"), (unsigned long) self->number);
      return;
    }
  g_ptr_array_add (self->fields, g_strndup (data != NULL ? data : "", len));
}

static void
end_record (int c, void *user_data)
{
  Csv *self = user_data;
  Record *record;

  /* csv_parse reports the line feed of a CRLF as a record of its own. */
  if (c == '\n' && self->after_cr && self->fields->len == 0)
    {
      self->after_cr = FALSE;
      return;
    }
  self->after_cr = c == '\r';
  if (self->failure != NULL)
    return;
  if (self->number >= BF_SHEET_MAX_ROWS)
    {
      self->failure = g_strdup (_ ("more rows than a sheet can have"));
      return;
    }
  record = g_new (Record, 1);
  record->number = ++self->number;
  record->fields = g_steal_pointer (&self->fields);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  g_queue_push_tail (&self->records, record);
}

static void
close_streams (Csv *self)
{
  g_clear_object (&self->stream);
  g_clear_object (&self->raw);
  if (self->parser_ready)
    csv_free (&self->parser);
  self->parser_ready = FALSE;
  g_queue_clear_full (&self->records, (GDestroyNotify) record_free);
  g_ptr_array_set_size (self->fields, 0);
  g_clear_pointer (&self->failure, g_free);
}

static int
is_space (unsigned char c)
{
  return c == ' ';
}

static int
is_term (unsigned char c)
{
  return c == '\n' || c == '\r';
}

static gboolean
csv_select_sheet (BfSheetReader *base, guint index, GError **error)
{
  Csv *self = (Csv *) base;
  GError *local = NULL;
  char skipped[4];

  close_streams (self);
  self->raw = open_raw (self, error);
  if (self->raw == NULL)
    return FALSE;
  if (self->bom > 0 && !g_input_stream_read_all (self->raw, skipped, self->bom, NULL, NULL, &local))
    return read_failed (self, local, error);
  if (self->charset != NULL)
    {
      g_autoptr (GCharsetConverter) converter =
        g_charset_converter_new ("UTF-8", self->charset, NULL);

      self->stream = g_converter_input_stream_new (self->raw, G_CONVERTER (converter));
    }
  else
    self->stream = g_object_ref (self->raw);
  csv_init (&self->parser, CSV_REPALL_NL | CSV_APPEND_NULL);
  self->parser_ready = TRUE;
  /* Only spaces are trimmed around an unquoted cell: a tab can be the separator. */
  csv_set_space_func (&self->parser, is_space);
  csv_set_term_func (&self->parser, is_term);
  csv_set_delim (&self->parser, (unsigned char) self->delimiter);
  self->eof = FALSE;
  self->number = 0;
  self->after_cr = FALSE;
  return TRUE;
}

static const BfSheetRow *
csv_next_row (BfSheetReader *base, GError **error)
{
  Csv *self = (Csv *) base;

  for (;;)
    {
      Record *record = g_queue_pop_head (&self->records);
      GError *local = NULL;
      gssize n;

      if (record != NULL)
        {
          const BfSheetRow *row;

          _bf_sheet_row_begin (&base->builder, record->number);
          for (guint i = 0; i < record->fields->len; i++)
            _bf_sheet_row_set (&base->builder, i, BF_CELL_STRING,
                               g_ptr_array_index (record->fields, i), -1, NULL);
          record_free (record);
          row = _bf_sheet_row_end (&base->builder);
          if (row != NULL)
            return row;
          continue;
        }
      if (self->failure != NULL)
        {
          _bf_sheet_set_damaged (base, error, self->failure);
          close_streams (self);
          return NULL;
        }
      if (self->eof || self->stream == NULL)
        {
          close_streams (self);
          return NULL;
        }
      n = g_input_stream_read (self->stream, self->chunk, CHUNK_SIZE, NULL, &local);
      if (n < 0)
        {
          read_failed (self, local, error);
          close_streams (self);
          return NULL;
        }
      if (n == 0)
        {
          self->eof = TRUE;
          csv_fini (&self->parser, add_field, end_record, self);
          continue;
        }
      if (csv_parse (&self->parser, self->chunk, n, add_field, end_record, self) != (size_t) n)
        self->failure = g_strdup (csv_strerror (csv_error (&self->parser)));
      else if (csv_get_buffer_size (&self->parser) > MAX_PENDING)
        self->failure = g_strdup_printf (_ ("row %lu has a quote that never closes"),
                                         (unsigned long) self->number + 1);
    }
}

static double
csv_get_fraction (BfSheetReader *base)
{
  Csv *self = (Csv *) base;

  if (self->raw == NULL)
    return 1.0;
  if (self->size <= 0 || !G_IS_SEEKABLE (self->raw))
    return 0.0;
  return (double) g_seekable_tell (G_SEEKABLE (self->raw)) / self->size;
}

static void
csv_finalize (BfSheetReader *base)
{
  Csv *self = (Csv *) base;

  close_streams (self);
  g_ptr_array_unref (self->fields);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->chunk);
}

static const BfSheetReaderClass csv_class = {
  csv_select_sheet,
  csv_next_row,
  csv_get_fraction,
  csv_finalize,
};

/* The first bytes, decoded as far as they go, to find the separator. */
static char *
decode_probe (Csv *self, const char *probe, gsize size)
{
  gsize read = 0;

  if (self->charset == NULL)
    return g_strndup (probe + self->bom, size - self->bom);
  return g_convert_with_fallback (probe + self->bom, size - self->bom, "UTF-8", self->charset, "?",
                                  &read, NULL, NULL);
}

BfSheetReader *
_bf_sheet_csv_open (GBytes *bytes, const char *path, const char *name, GError **error)
{
  Csv *self = g_new0 (Csv, 1);
  g_autoptr (BfSheetReader) reader = &self->base;
  g_autofree char *probe = g_malloc (PROBE_SIZE);
  g_autofree char *decoded = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr (GInputStream) stream = NULL;
  GError *local = NULL;
  gsize size = 0;

  _bf_sheet_reader_init (reader, &csv_class, BF_SHEET_FORMAT_CSV, name);
  g_queue_init (&self->records);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->chunk = g_malloc (CHUNK_SIZE);
  if (bytes != NULL)
    {
      self->bytes = g_bytes_ref (bytes);
      self->size = g_bytes_get_size (bytes);
    }
  else
    {
      g_autoptr (GFileInfo) info = NULL;

      self->file = g_file_new_for_path (path);
      info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
      self->size = info != NULL ? g_file_info_get_size (info) : 0;
    }
  stream = open_raw (self, error);
  if (stream == NULL)
    return NULL;
  if (!g_input_stream_read_all (stream, probe, PROBE_SIZE, &size, NULL, &local))
    {
      read_failed (self, local, error);
      return NULL;
    }
  if (!detect_encoding (self, probe, size, size < PROBE_SIZE, error))
    return NULL;
  decoded = decode_probe (self, probe, size);
  self->delimiter =
    detect_delimiter (decoded != NULL ? decoded : "", decoded != NULL ? strlen (decoded) : 0);

  /* The one sheet is named after the file. */
  sheet = g_strdup (name);
  if (strrchr (sheet, '.') != NULL && strrchr (sheet, '.') != sheet)
    *strrchr (sheet, '.') = '\0';
  g_ptr_array_add (reader->sheet_names, g_steal_pointer (&sheet));
  return g_steal_pointer (&reader);
}
