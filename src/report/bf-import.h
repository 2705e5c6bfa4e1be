/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-import-mapping.h"
#include "bf-records.h"
#include "bf-sheet-reader.h"

G_BEGIN_DECLS

/* Reading a sheet of households for the import: reader → mapping → rows parsed and checked with
 * the core's rules → households, handed over in batches. Nothing here writes anything: a dry run
 * is bf_import_read() with a batch function that only counts; the store's import is the same
 * call with a batch function that writes each batch in one transaction. A file is read once, as
 * a stream; only the household being assembled and the ID numbers seen (for duplicates) are kept.
 *
 * Households: rows are grouped by 户编号 when the sheet has that column, and a household's rows
 * must follow each other (the national export is sorted by household); without 户编号, by 户主姓名
 * plus address when those columns exist, else each head-of-household row starts a household that
 * the rows below it join. A household with any row refused is refused whole (its other rows say
 * so), so that the refused rows' report holds complete households to fix and import again. */

/* Why a row was refused. Stable: their keys are in reports and in bangfu-cli's JSON. */
typedef enum
{
  BF_IMPORT_REASON_DAMAGED_NUMBER, /* an ID or other long number that Excel stored as a number */
  BF_IMPORT_REASON_INVALID_ID,     /* not a valid GB 11643 ID number */
  BF_IMPORT_REASON_DUPLICATE,      /* the ID number is on an earlier row of the file too */
  BF_IMPORT_REASON_MISSING,        /* a required value is empty */
  BF_IMPORT_REASON_UNKNOWN_WORD,   /* a word that is in no code list */
  BF_IMPORT_REASON_INVALID_DATE,
  BF_IMPORT_REASON_INVALID_MONEY,
  BF_IMPORT_REASON_INVALID_NUMBER, /* a count, months, area or account that is not one */
  BF_IMPORT_REASON_INVALID_PHONE,
  BF_IMPORT_REASON_CONTRADICTS_ID, /* sex or birth date other than the ID number's */
  BF_IMPORT_REASON_NO_HEAD,        /* a household without a head of household */
  BF_IMPORT_REASON_SEVERAL_HEADS,
  BF_IMPORT_REASON_INCONSISTENT,      /* household columns that differ between its rows */
  BF_IMPORT_REASON_MEMBER_COUNT,      /* 人数 other than the household's rows */
  BF_IMPORT_REASON_SPLIT,             /* a household's rows are not together */
  BF_IMPORT_REASON_CAUSES,            /* the causes break the rule of docs/domain.md §3 */
  BF_IMPORT_REASON_HOUSEHOLD_REFUSED, /* another row of its household was refused */
  /* Found when the household meets the register (bf-import-run.h), not in the sheet itself: */
  BF_IMPORT_REASON_IN_REGISTER,    /* a duplicate of a household of the register, skipped */
  BF_IMPORT_REASON_CONFLICT,       /* its number and people are in different households */
  BF_IMPORT_REASON_NUMBER_TAKEN,   /* its household number is a deleted household's */
  BF_IMPORT_REASON_OTHER_TOWNSHIP, /* of another county or township than the register's */
  BF_IMPORT_REASON_STATUS,         /* a status that an import cannot set */
  BF_IMPORT_REASON_REGISTER,       /* the register's own checks refused the household */
  BF_IMPORT_N_REASONS
} BfImportReason;

/* "damaged-number", …: stable, for reports and JSON. */
const char *bf_import_reason_key (BfImportReason reason);
/* Translated, short: a group heading of the dry-run summary ("ID number stored as a number"). */
const char *bf_import_reason_label (BfImportReason reason);

typedef struct
{
  guint64 row;  /* the row number in the sheet */
  int column;   /* 0 is column A; -1: the row as a whole */
  char *header; /* the column's header text; NULL for the row as a whole */
  BfImportReason reason;
  char *message;     /* translated, with the row number: "Row 12: …" */
  guint64 other_row; /* the other place: the first row of a duplicate ID, …; 0 none */
} BfImportProblem;

/* A row that is not imported, with its cells as they were, for the report of refused rows. */
typedef struct
{
  guint64 row;
  guint n_cells;
  char **cells;        /* n_cells texts as the reader gave them */
  GPtrArray *problems; /* BfImportProblem, at least one */
} BfImportRefusedRow;

/* A household ready for the register. */
typedef struct
{
  /* number (NULL when the sheet has no 户编号: the store numbers it), village_name and
   * group_name (village_id and group_id are 0: the store finds or creates them by name), address,
   * phone (the head's), bank, attribute, monitoring type, standard, causes, dangerous house,
   * relocated, farmland, first identification date; members with their person number, name,
   * normalised ID number, relation, sex and birth date from the ID number, and the rest; the head
   * first. status, survey and helper are not set. */
  BfHousehold *household;
  GArray *member_rows; /* guint64: each member's row in the sheet, in the order of the members */
  GPtrArray *member_cells; /* char ** (NULL-terminated): each member's row as read, in that order */
  char *county;            /* as written; NULL when not given */
  char *township;
  gint64 per_capita_fen; /* 人均纯收入; G_MININT64 when not given */
  int water_secured;     /* -1 not given, 0 no, 1 yes */
  char *status;          /* a lifecycle status code (户状态); NULL when not given */
  int risk_cleared;      /* -1 not given, 0 no, 1 yes */
  int declared_members;  /* 人数 (equal to the members: checked); -1 when not given */
} BfImportHousehold;

void bf_import_household_free (BfImportHousehold *household);
void bf_import_refused_row_free (BfImportRefusedRow *row);
void bf_import_problem_free (BfImportProblem *problem);

typedef struct
{
  const char *const *headers; /* the sheet's header row, for the report's columns */
  guint n_headers;
  GPtrArray *households; /* BfImportHousehold, in the sheet's order */
  GPtrArray *refused;    /* BfImportRefusedRow, in row order, since the last batch */
} BfImportBatch;

/* Called with every batch_size households (and the rows refused meanwhile), and once at the end
 * (which may be empty). It may take households out of the arrays (g_ptr_array_steal_index); what
 * is left is freed when it returns. Returning FALSE with @error stops the reading with that error.
 * Called in the thread that reads. */
typedef gboolean (*BfImportBatchFunc) (BfImportBatch *batch, gpointer user_data, GError **error);

/* @fraction 0…1 of the sheet read; @text translated ("Reading row 12,000"). At most a few times
 * a second, in the thread that reads. */
typedef void (*BfImportProgressFunc) (double fraction, const char *text, gpointer user_data);

typedef struct
{
  const char *sheet; /* NULL: the first sheet whose header row the mapping finds */
  /* NULL: the sheet must have the national person list's header; else the header row is the row
   * whose signature is the mapping's, among the first rows. */
  const BfImportMapping *mapping;
  guint batch_size;   /* households per batch; 0: 500 */
  const GDate *today; /* for ID numbers' birth dates; NULL: bf_date_today() */
} BfImportOptions;

typedef struct
{
  BfSheetFormat format;
  BfSheetEncoding encoding;
  char *sheet;        /* the sheet read */
  guint64 header_row; /* its row number */
  gboolean national;  /* read as the national person list */
  char *signature;    /* of the header row */
  guint64 rows;       /* data rows below the header (empty rows are not counted) */
  guint64 empty_rows; /* rows with cells that hold only spaces */
  guint64 households; /* accepted */
  guint64 people;     /* accepted: the members of the accepted households */
  guint64 refused_households;
  guint64 refused_rows;
  guint64 rows_by_reason[BF_IMPORT_N_REASONS]; /* rows that have a problem of each reason */
} BfImportSummary;

void bf_import_summary_clear (BfImportSummary *summary);

/* Reads the whole sheet through @batch. Cancelled: G_IO_ERROR_CANCELLED (after a batch returned,
 * never inside one). Errors: BF_SHEET_ERROR (the file), BF_IMPORT_ERROR (the mapping or the
 * header), or the batch function's. @summary (may be NULL) is filled on success and on failure as
 * far as the reading got; clear it with bf_import_summary_clear(). */
gboolean bf_import_read (const char *path,
                         const BfImportOptions *options,
                         BfImportBatchFunc batch,
                         BfImportProgressFunc progress,
                         gpointer user_data,
                         GCancellable *cancellable,
                         BfImportSummary *summary,
                         GError **error);
/* The same on a reader already open (a file in memory, a test). */
gboolean bf_import_read_reader (BfSheetReader *reader,
                                const BfImportOptions *options,
                                BfImportBatchFunc batch,
                                BfImportProgressFunc progress,
                                gpointer user_data,
                                GCancellable *cancellable,
                                BfImportSummary *summary,
                                GError **error);

/* What the mapping step shows: the sheets, the header found and the first rows under it. */
typedef struct
{
  BfSheetFormat format;
  BfSheetEncoding encoding;
  char **sheets;            /* every sheet's name */
  char *sheet;              /* the sheet previewed */
  BfImportMapping *mapping; /* proposed: national when recognised; headers and header row */
  GPtrArray *rows;          /* char ** (NULL-terminated): the first data rows' texts */
  GArray *row_numbers;      /* guint64: their row numbers */
} BfImportPreview;

/* The preview of @sheet (NULL: the first sheet with the national header, else the sheet whose
 * header names the most fields) with up to @n_rows rows. The header is the row among the first
 * ones that names the most fields (a merged title row above it names none). */
BfImportPreview *
bf_import_preview (const char *path, const char *sheet, guint n_rows, GError **error);
BfImportPreview *
bf_import_preview_reader (BfSheetReader *reader, const char *sheet, guint n_rows, GError **error);
void bf_import_preview_free (BfImportPreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfImportPreview, bf_import_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfImportHousehold, bf_import_household_free)

G_END_DECLS
