/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cell log between bench-ledger-record (what the ledger export asked libxlsxwriter to do) and
 * bench-ledger-raw (the same calls replayed with nothing else around them). A log is a sequence
 * of records: one op byte, then its fields in this machine's byte order. Strings are a guint32
 * length and their bytes; sheets and formats are numbered in the order they were created, -1
 * for no format. */
#pragma once

#include <glib.h>

typedef enum
{
  LOG_WORKBOOK = 1,  /* guint8 constant_memory, guint8 use_zip64 */
  LOG_SHEET,         /* string name */
  LOG_BUFFER,        /* gint32 sheet, guint32 size: setvbuf() of the sheet's scratch file */
  LOG_FORMAT,        /* a new format */
  LOG_FORMAT_BOLD,   /* gint32 format */
  LOG_FORMAT_SIZE,   /* gint32 format, double */
  LOG_FORMAT_ALIGN,  /* gint32 format, guint8 */
  LOG_FORMAT_WRAP,   /* gint32 format */
  LOG_FORMAT_BORDER, /* gint32 format, guint8 */
  LOG_FORMAT_COLOR,  /* gint32 format, gint32 */
  LOG_FORMAT_NUMBER, /* gint32 format, string */
  LOG_STRING,        /* cell, string */
  LOG_NUMBER,        /* cell, double */
  LOG_DATETIME,      /* cell, gint32 year month day hour min, double sec */
  LOG_FORMULA,       /* cell, string, double result */
  LOG_MERGE,         /* cell, guint32 last_row, guint16 last_col, string */
  LOG_COLUMN,        /* gint32 sheet, guint16 first, guint16 last, double width, gint32 format */
  LOG_ROW,           /* gint32 sheet, guint32 row, double height, gint32 format */
  LOG_CLOSE,
} LogOp;

/* "cell": gint32 sheet, guint32 row, guint16 col, gint32 format. */
