/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-import.h"
#include "bf-store-import.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* A whole import of a sheet into a register, as `bangfu-cli import` and the Import… window run
 * it: the file's SHA-256 (the same file imported and not undone changes nothing), the sheet read
 * with its mapping (bf-import.h), each household it gives met with the register and written
 * (bf-store-import.h: all in one transaction), and the report of the rows not imported
 * (bf-import-report.h). A dry run does the same without writing anything but the report.
 *
 * Duplicates: a person whose ID number is in an active household of the register, or a household
 * number the register has, make the sheet's household a duplicate of that household, shown with
 * both places; per household or for all, it is skipped (in the report, "in-register"), updated
 * from the sheet, or stops the import. A person twice in the file is refused by the reading (the
 * second time, "duplicate"); "update" cannot apply to it (the file must say which row is right),
 * "stop" stops on it too. Stopping writes nothing at all: the import reads on as a dry run, so
 * that the report and the result name every duplicate and every refused row, and is recorded as
 * cancelled. Cancelling (@cancellable) writes nothing either, and is recorded as cancelled. */

typedef enum
{
  BF_IMPORT_ON_DUPLICATE_SKIP,
  BF_IMPORT_ON_DUPLICATE_UPDATE,
  BF_IMPORT_ON_DUPLICATE_STOP,
} BfImportOnDuplicate;

/* "skip", "update", "stop". */
const char *bf_import_on_duplicate_key (BfImportOnDuplicate choice);
gboolean bf_import_on_duplicate_from_key (const char *key, BfImportOnDuplicate *choice);

/* A household of the sheet that the register (or the sheet, earlier) has already. */
typedef struct
{
  guint64 row;           /* the row of the person found, or the household's first row */
  guint64 household_row; /* its household's first row: the key of a choice (see the options) */
  guint64 other_row;     /* twice in the file: the row the person is on first; else 0 */
  char *name;            /* the person; NULL for a household number */
  char *id_number;
  gint64 household_id; /* the register's household; 0 for twice in the file */
  char *household_number;
  char *head_name;
  char *message; /* translated, with both places: "Row 12: 张大山 (…) is already in household …" */
} BfImportDuplicate;

typedef struct
{
  const char *sheet;              /* NULL: found (bf-import.h) */
  const BfImportMapping *mapping; /* NULL: the national person list */
  BfImportOnDuplicate on_duplicate;
  /* Per-household choices that override @on_duplicate: GUINT_TO_POINTER (household_row) →
   * GINT_TO_POINTER (BfImportOnDuplicate); NULL for none. */
  GHashTable *choices;
  gboolean dry_run;
  const char *report_path; /* NULL: no report */
  guint batch_size;        /* 0: 500 */
  const GDate *today;      /* NULL: today */
} BfImportRunOptions;

typedef struct
{
  BfImportSummary read; /* what the reading found */
  char *sha256;
  /* The file was imported before (and not undone): nothing was read or written. */
  BfStoreImport *already;
  /* The import as the register recorded it: "done", or "cancelled" (stopped, cancelled); NULL
   * for a dry run. */
  BfStoreImport *record;
  gboolean stopped;   /* a duplicate stopped it: nothing written */
  gboolean cancelled; /* @cancellable: nothing written */
  /* What was written (a dry run: what would be; a stopped import: 0). */
  guint64 households_created;
  guint64 households_updated;
  guint64 households_unchanged; /* duplicates to update that held the sheet's values already */
  guint64 households_skipped;   /* duplicates skipped */
  guint64 people_created;
  guint64 people_updated;
  /* Not imported: what the reading refused and what the register did, the skipped included. */
  guint64 refused_households;
  guint64 refused_rows;
  guint64 rows_by_reason[BF_IMPORT_N_REASONS];
  GPtrArray *duplicates;  /* BfImportDuplicate, in row order */
  GPtrArray *new_regions; /* char *: villages ("清水村") and groups ("清水村 3组") created */
  char *report_path;      /* the report written (NULL when none was asked or it failed) */
  guint64 report_rows;
} BfImportResult;

void bf_import_result_clear (BfImportResult *result);

/* Imports @path into @store (whose operator the audit entries name). FALSE with @error when the
 * file cannot be read, the mapping does not fit, the register cannot be written or the report
 * cannot be written (nothing is imported then), or when cancelled (G_IO_ERROR_CANCELLED; @result
 * has the cancelled record). Refused rows, duplicates and stopping are no error: see @result. */
gboolean bf_import_run (BfStore *store,
                        const char *path,
                        const BfImportRunOptions *options,
                        BfImportProgressFunc progress,
                        gpointer user_data,
                        GCancellable *cancellable,
                        BfImportResult *result,
                        GError **error);

/* The mapping step: the mapping to offer for @preview's sheet — the one the register keeps for
 * its header signature (@kept TRUE), else the preview's proposal (national when recognised). */
BfImportMapping *bf_import_mapping_offer (BfStore *store,
                                          const BfImportPreview *preview,
                                          gboolean *kept,
                                          GError **error);
/* Keeps @mapping in the register under its signature (a successful import keeps its own). */
gboolean bf_import_mapping_keep (BfStore *store, const BfImportMapping *mapping, GError **error);

/* The SHA-256 of a file's bytes, in hex. */
char *bf_import_file_sha256 (const char *path, GError **error);

G_END_DECLS
