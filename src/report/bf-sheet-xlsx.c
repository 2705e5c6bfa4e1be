/* SPDX-License-Identifier: GPL-3.0-or-later */
/* .xlsx: the zip is read with minizip and each part parsed with expat as it inflates, so a sheet
 * is never in memory; a sheet's parser stops after each row (expat's suspend) and resumes on the
 * next call. Kept whole: the shared strings (cells refer to them by index) and the styles' number
 * formats (which cells are dates). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <glib/gi18n-lib.h>
#include <minizip/unzip.h>

#include "bf-sheet-reader-private.h"

#define CHUNK_SIZE (64 * 1024)
/* expat reports names as "namespace-URI<SEP>local-name"; a control character is in neither. */
#define NS_SEP '\x01'
/* Limits that keep a damaged or hostile file from exhausting memory. */
#define MAX_SHARED_BYTES   (512u * 1024 * 1024)
#define MAX_SHARED_STRINGS (64u * 1024 * 1024)
#define MAX_STYLES         (1024u * 1024)
#define MAX_SHEETS         4096
#define MAX_CELL_BYTES     (BF_SHEET_MAX_CELL_CHARS * 4 + 16)

typedef struct
{
  char *name;
  char *part; /* its path inside the zip */
} Sheet;

/* A zip in memory (bf_sheet_reader_open_bytes), for minizip's file functions. */
typedef struct
{
  GBytes *bytes;
  const guint8 *data;
  gsize size;
  gsize pos;
} Memory;

typedef struct
{
  BfSheetReader base;
  unzFile zip;
  Memory memory;
  GArray *sheets; /* Sheet */
  /* Shared strings: NUL-terminated, one after the other. */
  GByteArray *shared;
  GArray *shared_offsets; /* guint32 would overflow past 4 GiB: gsize */
  /* Per cell style (the s attribute): 1 when its number format shows a date. */
  GByteArray *date_styles;

  /* The sheet being read. */
  XML_Parser parser;
  guint8 *chunk;
  gboolean entry_open;
  gboolean final_fed; /* the last bytes of the part were given to expat */
  gboolean done;      /* </sheetData> passed */
  gboolean row_ready; /* the parser stopped after a row */
  guint64 entry_size, entry_read;
  char *failure; /* set by a handler that aborted the parse */
  /* Where the parser is. */
  guint depth_sheet_data;
  gboolean in_row, in_cell, in_value, in_inline, in_text, in_phonetic;
  guint64 row_number;
  int col; /* the current cell's column, -1 before the first */
  char cell_type[12];
  guint cell_style;
  GString *value;
} Xlsx;

/* ---- minizip over memory ---- */

static voidpf
memory_open (voidpf opaque, const void *filename, int mode)
{
  Memory *memory = opaque;

  memory->pos = 0;
  return memory;
}

static uLong
memory_read (voidpf opaque, voidpf stream, void *buf, uLong size)
{
  Memory *memory = stream;
  gsize n = MIN ((gsize) size, memory->size - memory->pos);

  memcpy (buf, memory->data + memory->pos, n);
  memory->pos += n;
  return (uLong) n;
}

static uLong
memory_write (voidpf opaque, voidpf stream, const void *buf, uLong size)
{
  return 0;
}

static ZPOS64_T
memory_tell (voidpf opaque, voidpf stream)
{
  return ((Memory *) stream)->pos;
}

static long
memory_seek (voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
  Memory *memory = stream;
  guint64 base;

  switch (origin)
    {
      case ZLIB_FILEFUNC_SEEK_SET:
        base = 0;
        break;
      case ZLIB_FILEFUNC_SEEK_CUR:
        base = memory->pos;
        break;
      case ZLIB_FILEFUNC_SEEK_END:
        base = memory->size;
        break;
      default:
        return -1;
    }
  if (offset > memory->size || base + offset > memory->size)
    return -1;
  memory->pos = base + offset;
  return 0;
}

static int
memory_close (voidpf opaque, voidpf stream)
{
  return 0;
}

static int
memory_error (voidpf opaque, voidpf stream)
{
  return 0;
}

/* ---- Helpers ---- */

static const char *
local_name (const char *name)
{
  const char *sep = strrchr (name, NS_SEP);

  return sep != NULL ? sep + 1 : name;
}

static const char *
attribute (const char **atts, const char *name)
{
  for (guint i = 0; atts[i] != NULL; i += 2)
    if (strcmp (local_name (atts[i]), name) == 0)
      return atts[i + 1];
  return NULL;
}

static void
abort_parse (Xlsx *self, const char *detail)
{
  if (self->failure == NULL)
    self->failure = g_strdup (detail);
  XML_StopParser (self->parser, XML_FALSE);
}

/* OOXML writes characters XML cannot hold as _xHHHH_ ("_x000D_" for a carriage return). */
static void
decode_escapes (GString *text)
{
  gsize in = 0, out = 0;

  if (strstr (text->str, "_x") == NULL)
    return;
  while (in < text->len)
    {
      const char *p = text->str + in;

      if (text->len - in >= 7 && p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) &&
          g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) &&
          p[6] == '_')
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8) |
                       (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);
          char utf8[6];
          int n;

          /* "_x005F_" escapes the underscore itself; a lone surrogate or NUL is dropped. */
          if (c == 0 || (c >= 0xd800 && c <= 0xdfff))
            n = 0;
          else
            n = g_unichar_to_utf8 (c, utf8);
          /* Seven bytes in, at most three out. */
          memcpy (text->str + out, utf8, n);
          out += n;
          in += 7;
        }
      else
        text->str[out++] = text->str[in++];
    }
  g_string_truncate (text, out);
}

/* Opens the zip entry found last (unzLocateFile) for reading. */
static gboolean
open_entry (Xlsx *self, const char *part, unz_file_info64 *info, GError **error)
{
  if (unzGetCurrentFileInfo64 (self->zip, info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
      unzOpenCurrentFile (self->zip) != UNZ_OK)
    {
      g_autofree char *detail = g_strdup_printf (_ ("“%s” cannot be opened"), part);

      _bf_sheet_set_damaged (&self->base, error, detail);
      return FALSE;
    }
  /* minizip would hand over the encrypted bytes. */
  if (info->flag & 1)
    {
      unzCloseCurrentFile (self->zip);
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_UNSUPPORTED,
                   _ ("“%s” is protected by a password: open it, remove the password and save it "
                      "again."),
                   self->base.display_name);
      return FALSE;
    }
  return TRUE;
}

/* Reads the zip entry @part through @parser; FALSE with @error when it is missing (if @required)
 * or broken. A missing optional part is no error. */
static gboolean
parse_part (Xlsx *self, XML_Parser parser, const char *part, gboolean required, GError **error)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  g_autofree char *detail = NULL;
  unz_file_info64 info;
  int n;

  if (unzLocateFile (self->zip, part, 2) != UNZ_OK)
    {
      if (!required)
        return TRUE;
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_UNSUPPORTED,
                   _ ("“%s” is not an Excel workbook (.xlsx): it has no “%s”. If it is another "
                      "kind of spreadsheet, save it as an Excel workbook first."),
                   self->base.display_name, part);
      return FALSE;
    }
  if (!open_entry (self, part, &info, error))
    return FALSE;
  do
    {
      n = unzReadCurrentFile (self->zip, buffer, CHUNK_SIZE);
      if (n < 0)
        {
          detail = g_strdup_printf (_ ("the compressed data of “%s” is broken"), part);
          break;
        }
      if (XML_Parse (parser, (const char *) buffer, n, n == 0) != XML_STATUS_OK)
        {
          if (self->failure != NULL)
            detail = g_strdup_printf ("%s: %s", part, self->failure);
          else
            detail = g_strdup_printf (_ ("the text of “%s” is broken at line %lu"), part,
                                      (unsigned long) XML_GetCurrentLineNumber (parser));
          break;
        }
    }
  while (n > 0);
  if (unzCloseCurrentFile (self->zip) != UNZ_OK && detail == NULL)
    detail = g_strdup_printf (_ ("the compressed data of “%s” is broken"), part);
  if (detail != NULL)
    {
      _bf_sheet_set_damaged (&self->base, error, detail);
      return FALSE;
    }
  return TRUE;
}

static XML_Parser
new_parser (Xlsx *self, gpointer data, XML_StartElementHandler start, XML_EndElementHandler end)
{
  XML_Parser parser = XML_ParserCreateNS ("UTF-8", NS_SEP);

  XML_SetUserData (parser, data);
  XML_SetElementHandler (parser, start, end);
  self->parser = parser;
  g_clear_pointer (&self->failure, g_free);
  return parser;
}

static void
free_parser (Xlsx *self)
{
  g_clear_pointer (&self->parser, XML_ParserFree);
}

/* ---- The workbook and its relationships ---- */

typedef struct
{
  Xlsx *self;
  GPtrArray *names;    /* of the sheets, in order */
  GPtrArray *ids;      /* their relationship ids */
  GHashTable *targets; /* relationship id → target */
  char *shared_target;
  char *styles_target;
} Workbook;

static void
workbook_start (void *data, const char *name, const char **atts)
{
  Workbook *wb = data;
  const char *local = local_name (name);

  if (strcmp (local, "workbookPr") == 0)
    {
      const char *value = attribute (atts, "date1904");

      wb->self->base.date1904 =
        value != NULL && (strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0);
    }
  else if (strcmp (local, "sheet") == 0)
    {
      const char *sheet_name = attribute (atts, "name");
      const char *id = attribute (atts, "id");

      if (sheet_name == NULL || id == NULL)
        return;
      if (wb->names->len >= MAX_SHEETS)
        {
          abort_parse (wb->self, _ ("too many sheets"));
          return;
        }
      g_ptr_array_add (wb->names, g_strdup (sheet_name));
      g_ptr_array_add (wb->ids, g_strdup (id));
    }
}

static void
replace_string (char **string, const char *value)
{
  g_free (*string);
  *string = g_strdup (value);
}

static void
rels_start (void *data, const char *name, const char **atts)
{
  Workbook *wb = data;
  const char *id, *target, *type, *mode;

  if (strcmp (local_name (name), "Relationship") != 0)
    return;
  id = attribute (atts, "Id");
  target = attribute (atts, "Target");
  type = attribute (atts, "Type");
  mode = attribute (atts, "TargetMode");
  if (id == NULL || target == NULL || (mode != NULL && strcmp (mode, "External") == 0))
    return;
  if (g_hash_table_size (wb->targets) >= MAX_SHEETS * 2)
    {
      abort_parse (wb->self, _ ("too many relationships"));
      return;
    }
  g_hash_table_replace (wb->targets, g_strdup (id), g_strdup (target));
  if (type != NULL && g_str_has_suffix (type, "/sharedStrings"))
    replace_string (&wb->shared_target, target);
  else if (type != NULL && g_str_has_suffix (type, "/styles"))
    replace_string (&wb->styles_target, target);
}

static void
ignore_end (void *data, const char *name)
{
}

/* A relationship's target, relative to xl/ (the workbook's folder) or absolute. */
static char *
part_path (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  if (g_str_has_prefix (target, "../"))
    return g_strdup (target + 3);
  return g_strconcat ("xl/", target, NULL);
}

static gboolean
read_workbook (Xlsx *self, char **shared_part, char **styles_part, GError **error)
{
  Workbook wb = { self };
  gboolean ok;

  wb.names = g_ptr_array_new_with_free_func (g_free);
  wb.ids = g_ptr_array_new_with_free_func (g_free);
  wb.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = parse_part (self, new_parser (self, &wb, workbook_start, ignore_end), "xl/workbook.xml",
                   TRUE, error);
  free_parser (self);
  if (ok)
    ok = parse_part (self, new_parser (self, &wb, rels_start, ignore_end),
                     "xl/_rels/workbook.xml.rels", TRUE, error);
  free_parser (self);

  for (guint i = 0; ok && i < wb.names->len; i++)
    {
      const char *target = g_hash_table_lookup (wb.targets, g_ptr_array_index (wb.ids, i));
      Sheet sheet;

      if (target == NULL)
        continue; /* a chart sheet or a broken reference: nothing to read */
      sheet.name = g_strdup (g_ptr_array_index (wb.names, i));
      sheet.part = part_path (target);
      g_array_append_val (self->sheets, sheet);
      g_ptr_array_add (self->base.sheet_names, g_strdup (sheet.name));
    }
  if (ok && self->sheets->len == 0)
    {
      g_set_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_NO_SHEET, _ ("“%s” has no sheet."),
                   self->base.display_name);
      ok = FALSE;
    }
  *shared_part = part_path (wb.shared_target != NULL ? wb.shared_target : "sharedStrings.xml");
  *styles_part = part_path (wb.styles_target != NULL ? wb.styles_target : "styles.xml");

  g_ptr_array_unref (wb.names);
  g_ptr_array_unref (wb.ids);
  g_hash_table_unref (wb.targets);
  g_free (wb.shared_target);
  g_free (wb.styles_target);
  return ok;
}

/* ---- Number formats ---- */

/* Excel's built-in formats that show a date (the Chinese ones included: 27–36 and 50–58 are
 * "yyyy年m月d日" and the like there). Time-only formats (18–21, 45–47) are numbers to us. */
static gboolean
builtin_is_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* A custom format shows a date when, outside quoted text, escapes and [brackets], it has a
 * year or day token (or a month that is not minutes). */
static gboolean
format_is_date (const char *code)
{
  gboolean year_or_day = FALSE, month = FALSE, time = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
          case '"':
            p = strchr (p + 1, '"');
            if (p == NULL)
              return year_or_day || (month && !time);
            break;
          case '\\':
          case '_':
          case '*':
            if (p[1] != '\0')
              p++;
            break;
          case '[':
            p = strchr (p + 1, ']');
            if (p == NULL)
              return year_or_day || (month && !time);
            break;
          case ';':
            /* The first section decides: the others are for negatives, zero and text. */
            return year_or_day || (month && !time);
          case 'y':
          case 'Y':
          case 'd':
          case 'D':
          case 'e':
            year_or_day = TRUE;
            break;
          case 'm':
          case 'M':
            month = TRUE;
            break;
          case 'h':
          case 'H':
          case 's':
          case 'S':
            time = TRUE;
            break;
          case 'G':
          case 'g':
            /* "General" */
            if (g_ascii_strncasecmp (p, "general", 7) == 0)
              p += 6;
            break;
          default:
            break;
        }
    }
  return year_or_day || (month && !time);
}

typedef struct
{
  Xlsx *self;
  GHashTable *date_formats; /* custom numFmtId → 1 (date) or 2 (not) */
  GArray *xf_formats;       /* guint numFmtId per cellXfs entry */
  gboolean in_cell_xfs;
} Styles;

static void
styles_start (void *data, const char *name, const char **atts)
{
  Styles *st = data;
  const char *local = local_name (name);
  const char *id;

  if (strcmp (local, "numFmt") == 0)
    {
      const char *code = attribute (atts, "formatCode");

      id = attribute (atts, "numFmtId");
      if (id == NULL || code == NULL)
        return;
      if (g_hash_table_size (st->date_formats) >= MAX_STYLES)
        {
          abort_parse (st->self, _ ("too many number formats"));
          return;
        }
      g_hash_table_replace (st->date_formats, GUINT_TO_POINTER ((guint) strtoul (id, NULL, 10)),
                            GUINT_TO_POINTER (format_is_date (code) ? 1 : 2));
    }
  else if (strcmp (local, "cellXfs") == 0)
    st->in_cell_xfs = TRUE;
  else if (strcmp (local, "xf") == 0 && st->in_cell_xfs)
    {
      guint format;

      if (st->xf_formats->len >= MAX_STYLES)
        {
          abort_parse (st->self, _ ("too many cell styles"));
          return;
        }
      id = attribute (atts, "numFmtId");
      format = id != NULL ? (guint) strtoul (id, NULL, 10) : 0;
      g_array_append_val (st->xf_formats, format);
    }
}

static void
styles_end (void *data, const char *name)
{
  Styles *st = data;

  if (strcmp (local_name (name), "cellXfs") == 0)
    st->in_cell_xfs = FALSE;
}

static gboolean
read_styles (Xlsx *self, const char *part, GError **error)
{
  Styles st = { self };
  gboolean ok;

  st.date_formats = g_hash_table_new (NULL, NULL);
  st.xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  ok = parse_part (self, new_parser (self, &st, styles_start, styles_end), part, FALSE, error);
  free_parser (self);
  for (guint i = 0; ok && i < st.xf_formats->len; i++)
    {
      guint id = g_array_index (st.xf_formats, guint, i);
      guint custom =
        GPOINTER_TO_UINT (g_hash_table_lookup (st.date_formats, GUINT_TO_POINTER (id)));
      guint8 is_date = custom != 0 ? custom == 1 : builtin_is_date (id);

      g_byte_array_append (self->date_styles, &is_date, 1);
    }
  g_hash_table_unref (st.date_formats);
  g_array_unref (st.xf_formats);
  return ok;
}

/* ---- Shared strings ---- */

typedef struct
{
  Xlsx *self;
  gboolean in_item, in_text, in_phonetic;
  GString *text;
} Shared;

static void
shared_start (void *data, const char *name, const char **atts)
{
  Shared *sh = data;
  const char *local = local_name (name);

  if (strcmp (local, "si") == 0)
    {
      sh->in_item = TRUE;
      g_string_truncate (sh->text, 0);
    }
  else if (strcmp (local, "rPh") == 0)
    sh->in_phonetic = TRUE; /* the reading aid above East Asian text is not the text */
  else if (strcmp (local, "t") == 0 && sh->in_item && !sh->in_phonetic)
    sh->in_text = TRUE;
}

static void
shared_end (void *data, const char *name)
{
  Shared *sh = data;
  Xlsx *self = sh->self;
  const char *local = local_name (name);

  if (strcmp (local, "t") == 0)
    sh->in_text = FALSE;
  else if (strcmp (local, "rPh") == 0)
    sh->in_phonetic = FALSE;
  else if (strcmp (local, "si") == 0 && sh->in_item)
    {
      gsize offset = self->shared->len;

      sh->in_item = FALSE;
      if (self->shared_offsets->len >= MAX_SHARED_STRINGS ||
          self->shared->len + sh->text->len + 1 > MAX_SHARED_BYTES)
        {
          abort_parse (self, _ ("the shared strings are larger than any workbook's"));
          return;
        }
      decode_escapes (sh->text);
      g_byte_array_append (self->shared, (const guint8 *) sh->text->str, sh->text->len + 1);
      g_array_append_val (self->shared_offsets, offset);
    }
}

static void
shared_text (void *data, const char *s, int len)
{
  Shared *sh = data;

  if (!sh->in_text)
    return;
  if (sh->text->len + len > MAX_CELL_BYTES)
    {
      abort_parse (sh->self, _ ("a text is longer than a cell can hold"));
      return;
    }
  g_string_append_len (sh->text, s, len);
}

static gboolean
read_shared_strings (Xlsx *self, const char *part, GError **error)
{
  Shared sh = { self };
  XML_Parser parser = new_parser (self, &sh, shared_start, shared_end);
  gboolean ok;

  sh.text = g_string_new (NULL);
  XML_SetCharacterDataHandler (parser, shared_text);
  ok = parse_part (self, parser, part, FALSE, error);
  free_parser (self);
  g_string_free (sh.text, TRUE);
  return ok;
}

/* ---- A sheet, row by row ---- */

/* "AB12" → column 27 (0-based); -1 when it is no reference. */
static int
column_of (const char *ref)
{
  guint col = 0;
  const char *p;

  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > BF_SHEET_MAX_COLUMNS)
        return -2;
    }
  if (p == ref)
    return -1;
  return (int) col - 1;
}

static void
sheet_start (void *data, const char *name, const char **atts)
{
  Xlsx *self = data;
  const char *local = local_name (name);

  if (self->done)
    return;
  if (strcmp (local, "sheetData") == 0)
    {
      self->depth_sheet_data++;
      return;
    }
  if (self->depth_sheet_data == 0)
    return;
  if (strcmp (local, "row") == 0)
    {
      const char *r = attribute (atts, "r");
      guint64 number = self->row_number + 1;

      if (r != NULL)
        {
          char *end;

          number = g_ascii_strtoull (r, &end, 10);
          if (*end != '\0' || number == 0)
            number = self->row_number + 1;
        }
      if (number > BF_SHEET_MAX_ROWS)
        {
          abort_parse (self, _ ("a row beyond the last row a sheet can have"));
          return;
        }
      self->in_row = TRUE;
      self->row_number = number;
      self->col = -1;
      _bf_sheet_row_begin (&self->base.builder, number);
    }
  else if (strcmp (local, "c") == 0 && self->in_row)
    {
      const char *r = attribute (atts, "r");
      const char *t = attribute (atts, "t");
      const char *s = attribute (atts, "s");
      int col = r != NULL ? column_of (r) : -1;

      if (col == -1)
        col = self->col + 1;
      if (col < 0 || col >= BF_SHEET_MAX_COLUMNS)
        {
          abort_parse (self, _ ("a cell beyond the last column a sheet can have"));
          return;
        }
      self->col = col;
      self->in_cell = TRUE;
      g_strlcpy (self->cell_type, t != NULL ? t : "n", sizeof self->cell_type);
      self->cell_style = s != NULL ? (guint) MIN (strtoul (s, NULL, 10), G_MAXUINT) : 0;
      g_string_truncate (self->value, 0);
    }
  else if (!self->in_cell)
    return;
  else if (strcmp (local, "v") == 0)
    {
      self->in_value = TRUE;
      g_string_truncate (self->value, 0);
    }
  else if (strcmp (local, "is") == 0)
    self->in_inline = TRUE;
  else if (strcmp (local, "rPh") == 0)
    self->in_phonetic = TRUE;
  else if (strcmp (local, "t") == 0 && self->in_inline && !self->in_phonetic)
    self->in_text = TRUE;
}

static void
set_number (Xlsx *self, const char *text)
{
  char *end;
  double value = g_ascii_strtod (text, &end);
  gboolean is_date =
    self->cell_style < self->date_styles->len && self->date_styles->data[self->cell_style];
  GDate date;

  if (is_date && end != text && *end == '\0' &&
      bf_sheet_serial_to_date (value, self->base.date1904, &date))
    {
      char iso[16];

      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      _bf_sheet_row_set (&self->base.builder, self->col, BF_CELL_DATE, iso, -1, text);
    }
  else
    _bf_sheet_row_set (&self->base.builder, self->col, BF_CELL_NUMBER, text, -1, NULL);
}

/* "YYYY-MM-DD" and a real date, whatever follows. */
static gboolean
is_iso_date (const char *text)
{
  int year, month, day;

  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static void
end_cell (Xlsx *self)
{
  const char *type = self->cell_type;
  GString *value = self->value;
  BfSheetRowBuilder *builder = &self->base.builder;

  if (strcmp (type, "inlineStr") == 0 || strcmp (type, "str") == 0)
    {
      decode_escapes (value);
      _bf_sheet_row_set (builder, self->col, BF_CELL_STRING, value->str, value->len, NULL);
      return;
    }
  /* Everything else is a value that surrounding spaces do not change. */
  g_strstrip (value->str);
  value->len = strlen (value->str);
  if (strcmp (type, "s") == 0)
    {
      char *end;
      guint64 index = g_ascii_strtoull (value->str, &end, 10);

      if (value->len == 0)
        return;
      if (*end != '\0' || index >= self->shared_offsets->len)
        {
          abort_parse (self, _ ("a cell refers to a text that is not in the workbook"));
          return;
        }
      _bf_sheet_row_set (builder, self->col, BF_CELL_STRING,
                         (const char *) self->shared->data +
                           g_array_index (self->shared_offsets, gsize, index),
                         -1, NULL);
    }
  else if (strcmp (type, "b") == 0)
    {
      if (value->len > 0)
        _bf_sheet_row_set (builder, self->col, BF_CELL_BOOL,
                           strcmp (value->str, "0") == 0 ? "FALSE" : "TRUE", -1, NULL);
    }
  else if (strcmp (type, "e") == 0)
    _bf_sheet_row_set (builder, self->col, BF_CELL_ERROR, value->str, value->len, NULL);
  else if (strcmp (type, "d") == 0)
    {
      /* Strict OOXML's ISO 8601 dates: "2024-03-05T00:00:00". */
      if (is_iso_date (value->str))
        _bf_sheet_row_set (builder, self->col, BF_CELL_DATE, value->str, 10, value->str);
      else
        _bf_sheet_row_set (builder, self->col, BF_CELL_STRING, value->str, -1, NULL);
    }
  else if (value->len > 0)
    set_number (self, value->str);
}

static void
sheet_end (void *data, const char *name)
{
  Xlsx *self = data;
  const char *local = local_name (name);

  if (self->done || self->depth_sheet_data == 0)
    return;
  if (strcmp (local, "sheetData") == 0)
    {
      self->depth_sheet_data--;
      if (self->depth_sheet_data == 0)
        {
          /* What follows (merged cells, page set-up) is of no use: stop reading. */
          self->done = TRUE;
          XML_StopParser (self->parser, XML_TRUE);
        }
    }
  else if (strcmp (local, "row") == 0 && self->in_row)
    {
      self->in_row = FALSE;
      if (_bf_sheet_row_end (&self->base.builder) != NULL)
        {
          self->row_ready = TRUE;
          XML_StopParser (self->parser, XML_TRUE);
        }
    }
  else if (strcmp (local, "c") == 0 && self->in_cell)
    {
      self->in_cell = self->in_value = self->in_inline = self->in_text = FALSE;
      self->in_phonetic = FALSE;
      end_cell (self);
    }
  else if (strcmp (local, "v") == 0)
    self->in_value = FALSE;
  else if (strcmp (local, "is") == 0)
    self->in_inline = FALSE;
  else if (strcmp (local, "rPh") == 0)
    self->in_phonetic = FALSE;
  else if (strcmp (local, "t") == 0)
    self->in_text = FALSE;
}

static void
sheet_text (void *data, const char *s, int len)
{
  Xlsx *self = data;

  if (!self->in_value && !self->in_text)
    return;
  if (self->value->len + len > MAX_CELL_BYTES)
    {
      abort_parse (self, _ ("a cell holds more text than a cell can"));
      return;
    }
  g_string_append_len (self->value, s, len);
}

static void
close_sheet (Xlsx *self)
{
  free_parser (self);
  if (self->entry_open)
    unzCloseCurrentFile (self->zip);
  self->entry_open = FALSE;
}

static gboolean
xlsx_select_sheet (BfSheetReader *base, guint index, GError **error)
{
  Xlsx *self = (Xlsx *) base;
  const Sheet *sheet = &g_array_index (self->sheets, Sheet, index);
  g_autofree char *detail = NULL;
  unz_file_info64 info;
  XML_Parser parser;

  close_sheet (self);
  if (unzLocateFile (self->zip, sheet->part, 2) != UNZ_OK)
    {
      detail = g_strdup_printf (_ ("the sheet “%s” is missing"), sheet->name);
      _bf_sheet_set_damaged (base, error, detail);
      return FALSE;
    }
  if (!open_entry (self, sheet->part, &info, error))
    return FALSE;
  self->entry_open = TRUE;
  self->entry_size = info.uncompressed_size;
  self->entry_read = 0;
  self->final_fed = self->done = self->row_ready = FALSE;
  self->depth_sheet_data = 0;
  self->in_row = self->in_cell = self->in_value = self->in_inline = FALSE;
  self->in_text = self->in_phonetic = FALSE;
  self->row_number = 0;
  parser = new_parser (self, self, sheet_start, sheet_end);
  XML_SetCharacterDataHandler (parser, sheet_text);
  return TRUE;
}

static void
sheet_failed (Xlsx *self, GError **error, const char *why)
{
  const char *sheet = g_ptr_array_index (self->base.sheet_names, self->base.current);
  /* TRANSLATORS: "sheet “Sheet1”, row 12: not well-formed (invalid token)" */
  g_autofree char *detail =
    g_strdup_printf (_ ("sheet “%s”, row %lu: %s"), sheet, (unsigned long) self->row_number, why);

  _bf_sheet_set_damaged (&self->base, error, detail);
  close_sheet (self);
}

static const BfSheetRow *
xlsx_next_row (BfSheetReader *base, GError **error)
{
  Xlsx *self = (Xlsx *) base;

  while (self->parser != NULL)
    {
      XML_ParsingStatus status;
      enum XML_Status result;

      XML_GetParsingStatus (self->parser, &status);
      self->row_ready = FALSE;
      if (status.parsing == XML_SUSPENDED)
        {
          if (self->done)
            break;
          result = XML_ResumeParser (self->parser);
        }
      else if (status.parsing == XML_FINISHED || self->final_fed)
        break;
      else
        {
          int n = unzReadCurrentFile (self->zip, self->chunk, CHUNK_SIZE);

          if (n < 0)
            {
              sheet_failed (self, error, _ ("the compressed data is broken"));
              return NULL;
            }
          self->entry_read += n;
          self->final_fed = n == 0;
          result = XML_Parse (self->parser, (const char *) self->chunk, n, n == 0);
        }
      if (result == XML_STATUS_ERROR)
        {
          if (self->failure != NULL)
            sheet_failed (self, error, self->failure);
          else
            sheet_failed (self, error, _ ("the text of the sheet is broken"));
          return NULL;
        }
      if (self->row_ready)
        return &self->base.builder.row;
      if (self->done)
        break;
    }
  close_sheet (self);
  return NULL;
}

static double
xlsx_get_fraction (BfSheetReader *base)
{
  Xlsx *self = (Xlsx *) base;

  if (self->parser == NULL)
    return 1.0;
  return self->entry_size > 0 ? (double) self->entry_read / self->entry_size : 0.0;
}

static void
xlsx_finalize (BfSheetReader *base)
{
  Xlsx *self = (Xlsx *) base;

  close_sheet (self);
  if (self->zip != NULL)
    unzClose (self->zip);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      Sheet *sheet = &g_array_index (self->sheets, Sheet, i);

      g_free (sheet->name);
      g_free (sheet->part);
    }
  g_array_unref (self->sheets);
  g_byte_array_unref (self->shared);
  g_array_unref (self->shared_offsets);
  g_byte_array_unref (self->date_styles);
  g_clear_pointer (&self->memory.bytes, g_bytes_unref);
  g_string_free (self->value, TRUE);
  g_free (self->chunk);
  g_free (self->failure);
}

static const BfSheetReaderClass xlsx_class = {
  xlsx_select_sheet,
  xlsx_next_row,
  xlsx_get_fraction,
  xlsx_finalize,
};

BfSheetReader *
_bf_sheet_xlsx_open (GBytes *bytes, const char *path, const char *name, GError **error)
{
  Xlsx *self = g_new0 (Xlsx, 1);
  g_autoptr (BfSheetReader) reader = &self->base;
  g_autofree char *shared_part = NULL;
  g_autofree char *styles_part = NULL;

  _bf_sheet_reader_init (reader, &xlsx_class, BF_SHEET_FORMAT_XLSX, name);
  self->sheets = g_array_new (FALSE, FALSE, sizeof (Sheet));
  self->shared = g_byte_array_new ();
  self->shared_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->date_styles = g_byte_array_new ();
  self->value = g_string_sized_new (64);
  self->chunk = g_malloc (CHUNK_SIZE);

  if (bytes != NULL)
    {
      zlib_filefunc64_def funcs = {
        memory_open, memory_read,  memory_write, memory_tell,
        memory_seek, memory_close, memory_error, &self->memory,
      };

      self->memory.bytes = g_bytes_ref (bytes);
      self->memory.data = g_bytes_get_data (bytes, &self->memory.size);
      self->zip = unzOpen2_64 (name, &funcs);
    }
  else
    self->zip = unzOpen64 (path);
  if (self->zip == NULL)
    {
      _bf_sheet_set_damaged (reader, error, _ ("its zip structure cannot be read"));
      return NULL;
    }
  if (!read_workbook (self, &shared_part, &styles_part, error) ||
      !read_styles (self, styles_part, error) || !read_shared_strings (self, shared_part, error))
    return NULL;
  return g_steal_pointer (&reader);
}
