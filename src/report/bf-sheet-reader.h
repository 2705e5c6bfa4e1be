/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A spreadsheet read row by row: .xlsx (streamed out of the zip as it inflates) or .csv (UTF-8,
 * UTF-8 with a BOM, UTF-16 with a BOM or GB18030, detected). A reader never holds a whole sheet:
 * only the current row, and for .xlsx the workbook's shared strings and number formats.
 *
 *   reader = bf_sheet_reader_open (path, &error);
 *   bf_sheet_reader_select_sheet (reader, i, &error);
 *   while ((row = bf_sheet_reader_next_row (reader, &error)) != NULL)
 *     … row->number, row->cells[0 … row->n_cells - 1] …
 *   if (error != NULL) … the file is damaged at that point …
 *
 * A reader is used by one thread at a time. */

#define BF_SHEET_ERROR (bf_sheet_error_quark ())

typedef enum
{
  BF_SHEET_ERROR_OPEN,        /* the file cannot be opened or read: the message names the reason */
  BF_SHEET_ERROR_UNSUPPORTED, /* not an .xlsx or .csv workbook (an old .xls, a password, …) */
  BF_SHEET_ERROR_DAMAGED,     /* the workbook's structure is broken: the message says where */
  BF_SHEET_ERROR_ENCODING,    /* a CSV file's text is in no encoding that is understood */
  BF_SHEET_ERROR_TOO_LARGE,   /* beyond a spreadsheet's limits (cells, columns, rows) */
  BF_SHEET_ERROR_NO_SHEET,    /* no sheet of that name or number */
} BfSheetError;

GQuark bf_sheet_error_quark (void);

typedef enum
{
  BF_SHEET_FORMAT_XLSX,
  BF_SHEET_FORMAT_CSV,
} BfSheetFormat;

typedef enum
{
  BF_SHEET_ENCODING_UTF8, /* also every .xlsx */
  BF_SHEET_ENCODING_UTF8_BOM,
  BF_SHEET_ENCODING_UTF16,
  BF_SHEET_ENCODING_GB18030,
} BfSheetEncoding;

typedef enum
{
  BF_CELL_EMPTY,  /* text "" */
  BF_CELL_STRING, /* a string (every cell of a CSV file) */
  BF_CELL_NUMBER, /* text: the number as the file stores it: "3456.78", "4.30102197203E+17" */
  BF_CELL_DATE,   /* text: "YYYY-MM-DD"; raw: the stored serial number */
  BF_CELL_BOOL,   /* text: "TRUE" or "FALSE" */
  BF_CELL_ERROR,  /* text: Excel's error value, "#N/A", "#VALUE!" … */
} BfCellKind;

typedef struct
{
  BfCellKind kind;
  const char *text; /* UTF-8, never NULL */
  const char *raw;  /* what the file stores; the same as text except for dates */
} BfSheetCell;

/* Valid until the next call on the reader. */
typedef struct
{
  guint64 number;           /* as the spreadsheet program shows it: 1 is the first row */
  guint n_cells;            /* up to the last cell that is not empty: 0 for an empty row */
  const BfSheetCell *cells; /* by column: 0 is column A */
} BfSheetRow;

/* Excel's limits. */
#define BF_SHEET_MAX_COLUMNS    16384
#define BF_SHEET_MAX_ROWS       1048576
#define BF_SHEET_MAX_CELL_CHARS 32767

typedef struct _BfSheetReader BfSheetReader;

/* Opens @path, recognised by its content (whatever its extension). */
BfSheetReader *bf_sheet_reader_open (const char *path, GError **error);
/* The same from bytes in memory (tests, fuzzing); @display_name names the file in messages. */
BfSheetReader *bf_sheet_reader_open_bytes (GBytes *bytes, const char *display_name, GError **error);
void bf_sheet_reader_free (BfSheetReader *reader);

BfSheetFormat bf_sheet_reader_get_format (BfSheetReader *reader);
BfSheetEncoding bf_sheet_reader_get_encoding (BfSheetReader *reader);
/* TRUE for a workbook in the 1904 date system (serial 0 is 1904-01-01). */
gboolean bf_sheet_reader_get_date1904 (BfSheetReader *reader);

/* Sheets in the workbook's order; a CSV file has one, named after the file. */
guint bf_sheet_reader_get_n_sheets (BfSheetReader *reader);
const char *bf_sheet_reader_get_sheet_name (BfSheetReader *reader, guint index);
/* The index of the sheet called @name, or -1. */
int bf_sheet_reader_find_sheet (BfSheetReader *reader, const char *name);

/* Starts reading sheet @index from its first row; again on the same sheet starts it over. */
gboolean bf_sheet_reader_select_sheet (BfSheetReader *reader, guint index, GError **error);
/* The next row that has a cell (empty rows between are skipped; their numbers are not), or NULL
 * at the end of the sheet (@error unset) or when the sheet is damaged there (@error set, with the
 * row number). */
const BfSheetRow *bf_sheet_reader_next_row (BfSheetReader *reader, GError **error);
/* How far the current sheet is read, 0…1 (bytes of it consumed). */
double bf_sheet_reader_get_fraction (BfSheetReader *reader);

/* A spreadsheet's serial day number as a date: 1900 system (Excel's default; 1 is 1900-01-01,
 * 60 the 29 February 1900 that never was, so 61 is 1 March) or 1904 system (0 is 1904-01-01).
 * A fraction (the time of day) is dropped. FALSE for serial 60 of the 1900 system, for serials
 * before the first day and for dates after 9999-12-31. */
gboolean bf_sheet_serial_to_date (double serial, gboolean date1904, GDate *date);
/* "A", "Z", "AA", … for column @index (0 is A). */
char *bf_sheet_column_name (guint index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfSheetReader, bf_sheet_reader_free)

G_END_DECLS
