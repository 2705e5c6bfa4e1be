/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-import.h"

G_BEGIN_DECLS

/* The report of an import's refused rows: an .xlsx with one row per sheet row that was not
 * imported, in the sheet's order: 行号 (its row number), 原因 (why, as sentences), 原因类别 (the
 * reasons' labels), then the sheet's own columns as they were read. Every cell is text and every
 * column is formatted as text, so that the caseworker can correct ID numbers and phones in it
 * without Excel turning them into numbers, and import the corrected file again.
 *
 * Written row by row (libxlsxwriter's constant memory mode) under a hidden name beside @path and
 * renamed into place by bf_import_report_finish(): the report is whole or absent. */

typedef struct _BfImportReport BfImportReport;

/* The headers of the report's first three columns. */
#define BF_IMPORT_REPORT_ROW_HEADER    "行号"
#define BF_IMPORT_REPORT_REASON_HEADER "原因"
#define BF_IMPORT_REPORT_KIND_HEADER   "原因类别"
#define BF_IMPORT_REPORT_EXTRA_COLUMNS 3

/* @headers: the sheet's header row. Errors: G_IO_ERROR (the folder cannot be written). */
BfImportReport *bf_import_report_new (const char *path,
                                      const char *const *headers,
                                      guint n_headers,
                                      GError **error);
gboolean
bf_import_report_add (BfImportReport *report, const BfImportRefusedRow *row, GError **error);
guint64 bf_import_report_get_rows (BfImportReport *report);
/* Completes the workbook and puts it in place. */
gboolean bf_import_report_finish (BfImportReport *report, GError **error);
/* Frees @report; an unfinished report's file is removed. */
void bf_import_report_free (BfImportReport *report);

/* The report's header row for a sheet with @headers (NULL-terminated): the three columns of the
 * report, then the sheet's. */
char **bf_import_report_headers (const char *const *headers, guint n_headers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfImportReport, bf_import_report_free)

G_END_DECLS
