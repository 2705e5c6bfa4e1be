/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-sheet-reader.h"

G_BEGIN_DECLS

/* What each format implements; a format's reader struct starts with a BfSheetReader. */
typedef struct
{
  gboolean (*select_sheet) (BfSheetReader *self, guint index, GError **error);
  /* The next row with at least one cell that is not empty, NULL at the end or on error. */
  const BfSheetRow *(*next_row) (BfSheetReader *self, GError **error);
  double (*get_fraction) (BfSheetReader *self);
  void (*finalize) (BfSheetReader *self);
} BfSheetReaderClass;

/* The cells of the row being read, reused from row to row so that reading allocates nothing
 * once the widest row was seen. */
typedef struct
{
  GPtrArray *texts; /* GString per column */
  GPtrArray *raws;  /* GString per column: only dates' differ from their text */
  GArray *cells;    /* BfSheetCell */
  guint n_cells;    /* columns set in this row, up to the last not empty */
  BfSheetRow row;
} BfSheetRowBuilder;

struct _BfSheetReader
{
  const BfSheetReaderClass *klass;
  BfSheetFormat format;
  BfSheetEncoding encoding;
  gboolean date1904;
  char *display_name; /* the file's name, for messages */
  GPtrArray *sheet_names;
  int current; /* the selected sheet, -1 before any */
  BfSheetRowBuilder builder;
};

void _bf_sheet_reader_init (BfSheetReader *self,
                            const BfSheetReaderClass *klass,
                            BfSheetFormat format,
                            const char *display_name);

/* Frees what _bf_sheet_reader_init() made (not @self). */
void _bf_sheet_reader_clear (BfSheetReader *self);

void _bf_sheet_row_begin (BfSheetRowBuilder *builder, guint64 number);
/* Sets column @col (< BF_SHEET_MAX_COLUMNS) of the current row; @raw NULL: the same as @text. */
void _bf_sheet_row_set (BfSheetRowBuilder *builder,
                        guint col,
                        BfCellKind kind,
                        const char *text,
                        gssize text_len,
                        const char *raw);
/* The row, or NULL when every cell of it is empty. */
const BfSheetRow *_bf_sheet_row_end (BfSheetRowBuilder *builder);

/* "“名单.xlsx” is damaged (…): open it in Excel or WPS and save it again." */
void _bf_sheet_set_damaged (BfSheetReader *self, GError **error, const char *detail);

BfSheetReader *
_bf_sheet_xlsx_open (GBytes *bytes, const char *path, const char *name, GError **error);
BfSheetReader *
_bf_sheet_csv_open (GBytes *bytes, const char *path, const char *name, GError **error);

G_END_DECLS
