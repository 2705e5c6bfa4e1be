/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-codes.h"
#include "bf-store-assessment.h"
#include "bf-store-file.h"
#include "bf-store-ledger.h"

G_BEGIN_DECLS

/* The quarterly ledger of docs/domain.md §9 as an .xlsx workbook, written row by row (constant
 * memory) into a temporary file beside the destination, renamed into place only when complete. */

#define BF_LEDGER_ERROR (bf_ledger_error_quark ())

typedef enum
{
  BF_LEDGER_ERROR_INVALID,    /* the options are wrong: the message says which */
  BF_LEDGER_ERROR_NO_SPACE,   /* the disk (or the file size limit) is full */
  BF_LEDGER_ERROR_PERMISSION, /* the folder cannot be written */
  BF_LEDGER_ERROR_IO,     /* another input/output error: the message names the system's reason */
  BF_LEDGER_ERROR_FAILED, /* the spreadsheet library failed */
} BfLedgerError;

GQuark bf_ledger_error_quark (void);

/* Excel's limit of rows per sheet. */
#define BF_LEDGER_EXCEL_MAX_ROWS 1048576

/* Asked once, after the detail sheets and before the summary is written, for the scope's four
 * indicators (bf_store_indicators() of the quarter); NULL leaves them out. It is called in the
 * writing thread, so a caller can compute the indicators meanwhile elsewhere and wait here. */
typedef const BfIndicatorSet *(*BfLedgerIndicatorsFunc) (gpointer user_data);

typedef struct
{
  const char *register_path;
  int year;
  int quarter;               /* 1–4 */
  gint64 village_id;         /* 0: the whole township */
  gboolean mask;             /* ID numbers "430102********123X", phones "138****5678" */
  const char *operator_name; /* the workbook's author and the summary's 制表人; NULL: none */
  const char *tmpdir;   /* for the spreadsheet's scratch files; NULL: the destination's folder */
  guint max_sheet_rows; /* rows per sheet, title and header included; 0: BF_LEDGER_EXCEL_MAX_ROWS.
                         * A table with more rows continues on "户台账(2)", … */
  BfLedgerIndicatorsFunc indicators; /* NULL: no indicators under the summary */
  gpointer indicators_data;
} BfLedgerOptions;

typedef struct
{
  gint64 rows[BF_LEDGER_N_TABLES]; /* data rows of each detail table */
  gint64 total_rows;               /* their sum */
  guint n_sheets;                  /* the summary included */
} BfLedgerResult;

/* @fraction in 0…1; @text is translated ("Writing people: 12,000 of 400,000"). Called from the
 * thread that writes, at most a few times per second's worth of rows. */
typedef void (*BfLedgerProgressFunc) (double fraction, const char *text, gpointer user_data);

/* Writes the ledger to @path. On failure or cancellation (G_IO_ERROR_CANCELLED) nothing is left at
 * @path (an existing file there is untouched) and no temporary file remains. Reading errors and
 * those of the file itself (bf-store-file.h) come as BF_STORE_ERROR, those of the workbook's
 * writing as BF_LEDGER_ERROR with the path and the system's reason. */
gboolean bf_ledger_write (const BfLedgerOptions *options,
                          const char *path,
                          BfLedgerProgressFunc progress,
                          gpointer user_data,
                          GCancellable *cancellable,
                          BfLedgerResult *result,
                          GError **error);

/* The same into @output's temporary, finished and checked but not put in place: the caller
 * commits it (bf_output_commit, e.g. with the record of the export as its confirmation) or frees
 * it. */
gboolean bf_ledger_write_output (const BfLedgerOptions *options,
                                 BfOutput *output,
                                 BfLedgerProgressFunc progress,
                                 gpointer user_data,
                                 GCancellable *cancellable,
                                 BfLedgerResult *result,
                                 GError **error);

/* Puts a ledger written by bf_ledger_write_output() in place, then records the export in
 * @store (bf_store_ledger_export_add): a record that fails puts the old workbook back, so the
 * register's list of exports never misses a workbook that replaced another. */
gboolean
bf_ledger_commit (BfOutput *output, BfStore *store, BfLedgerExport *record, GError **error);

/* "某乡_2026Q3_台账.xlsx" or "某乡某村_2026Q3_台账.xlsx" (@village NULL for the township);
 * characters that cannot be in a file name are replaced. */
char *bf_ledger_default_filename (const char *township, const char *village, int year, int quarter);

/* "138****5678": the first 3 and last 4 characters kept (7 or more characters), otherwise all
 * masked; NULL gives NULL. */
char *bf_ledger_mask_phone (const char *phone);

/* The national system's word for a code of @list (as the county's ledger writes it), or NULL when
 * the ledger has none. Lifecycle statuses: bf_ledger_status_label(). */
const char *bf_ledger_code_label (BfCodeList list, const char *code);
const char *bf_ledger_status_label (const char *status);

G_END_DECLS
