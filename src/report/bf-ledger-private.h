/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the ledger's files share (bf-ledger*.c): the sheet descriptions, the state of one export
 * and the helpers that write cells, titles and pages. bf-ledger.c (the workbook) calls down to
 * bf-ledger-summary.c (the summary sheet), both call bf-ledger-sheets.c (the table sheets). */

#include <xlsxwriter.h>

#include "bf-ledger.h"

G_BEGIN_DECLS

/* How a column turns a cursor value into a cell. */
typedef enum
{
  KIND_TEXT,
  KIND_LONG_TEXT, /* wrapped in a narrower column */
  KIND_DIGITS, /* identifiers made of digits (户编号, a helper's phone): text, never numbers */
  KIND_ID_NUMBER, /* text; masked on request */
  KIND_PHONE,     /* text; masked on request */
  KIND_DATE,      /* a real date, yyyy-mm-dd */
  KIND_MONEY,     /* fen in the register, yuan with two decimals in the cell */
  KIND_INT,
  KIND_DECIMAL,
  KIND_CODE,         /* the national word of a code of `list` */
  KIND_STATUS,       /* the national word of a lifecycle status */
  KIND_YES_NO,       /* 1 是, 0 否 */
  KIND_COUNTY,       /* the register's county, on every row */
  KIND_TOWNSHIP,     /* the register's township, on every row */
  KIND_OTHER_CAUSES, /* `source` and `source2`, joined */
  KIND_RISK_CLEARED, /* monitored (`source`) households: 是 once exited (`source2`), else 否 */
  KIND_DISABILITY,   /* grade 1–4 */
  KIND_CONSEQUENCE,  /* what an upheld objection did */
} Kind;

typedef struct
{
  const char *header;
  Kind kind;
  int source;
  int source2;
  BfCodeList list;
} Column;

/* A summary count taken while the rows are written, so that its cached value is exactly what
 * its formula finds in the sheet. */
typedef struct
{
  BfLedgerBreakdown breakdown;
  int key;     /* the cursor column counted by */
  int present; /* only rows where this column is recorded count; -1: every row */
} Tally;

typedef struct
{
  BfLedgerTable table;
  const char *name;  /* the sheet's */
  const char *title; /* after the region and the quarter */
  const Column *columns;
  guint n_columns;
  const Tally *tallies;
  guint n_tallies;
  int progress_key; /* the household number (rows in number order) or the date the rows follow */
  gboolean by_date;
  double share; /* of the rows' work */
} SheetSpec;

extern const SheetSpec _bf_ledger_sheets[BF_LEDGER_N_TABLES];

/* The share of the work the rows take; compressing the workbook at the end takes the rest. */
#define ROWS_SHARE 0.65

#define MAX_COLUMNS    40
#define TITLE_ROW      0
#define HEADER_ROW     1
#define FIRST_DATA_ROW 2
/* Excel refuses longer cell text. */
#define MAX_CELL_CHARS  32767
#define SUMMARY_NAME    "汇总"
#define SUMMARY_COLUMNS 5
#define PAPER_A4        9

/* One sheet of a table: the table continues on a new part past the row limit. */
typedef struct
{
  lxw_worksheet *sheet;
  char *name;
  gint64 rows;
  double widths[MAX_COLUMNS]; /* widest cell of each column, in character widths */
} Part;

typedef struct
{
  const BfLedgerOptions *options;
  const char *path;
  const char *tmpdir; /* where the scratch files go */
  BfLedgerReader *reader;
  lxw_workbook *workbook;
  lxw_worksheet *summary;
  lxw_format *title_format;
  lxw_format *header_format;
  lxw_format *label_format;
  lxw_format *text_format;
  lxw_format *wrap_format;
  lxw_format *date_format;
  lxw_format *datetime_format;
  lxw_format *money_format;
  lxw_format *percent_format;
  lxw_format *decimal_format;
  gint64 rows_per_part;
  GPtrArray *parts[BF_LEDGER_N_TABLES];
  gint64 written[BF_LEDGER_N_TABLES];
  /* key (a code, a village name, "" for blank) → BfLedgerCount */
  GHashTable *tallies[BF_LEDGER_N_BREAKDOWNS];
  GPtrArray *villages; /* BfLedgerCount: every village of the scope, in order */
  char *region;        /* county, township and village: the start of every title */
  char *quarter_text;
  guint n_sheets;
  /* progress */
  BfLedgerProgressFunc progress;
  gpointer user_data;
  GCancellable *cancellable;
  gint64 households;      /* of the scope */
  gint64 households_seen; /* in the current table */
  char last_number[64];   /* the household of the last row */
  double done_share;      /* the shares of the tables already written */
  GDate first_day;
  GDate last_day;
  gint64 last_report_time;
} Ledger;

void _bf_ledger_part_free (Part *part);
void _bf_ledger_set_write_error (GError **error, int errsv, const char *path);
void _bf_ledger_report (Ledger *self, double fraction, const char *text);
void _bf_ledger_setup_page (Ledger *self, lxw_worksheet *sheet, lxw_row_t header_row);
void
_bf_ledger_write_title (Ledger *self, lxw_worksheet *sheet, guint n_columns, const char *title);
void _bf_ledger_use_large_buffer (lxw_worksheet *sheet);

/* The scratch files of libxlsxwriter in the current thread (bf-ledger-scratch.c): reset before a
 * workbook is started; the first failed write or read (its errno, 0: none) and how many were made
 * (0 means the library did not ask this program for them: their writes are then unchecked). */
void _bf_ledger_scratch_reset (void);
int _bf_ledger_scratch_errno (void);
guint _bf_ledger_scratch_count (void);
const char *_bf_ledger_code_word (BfCodeList list, const char *code);
const char *_bf_ledger_status_word (const char *code);
/* libxlsxwriter ignores failed writes to its scratch files (it says so in its source): flushing
 * the sheet's scratch file ourselves is how a full disk is noticed, with its errno. */
gboolean _bf_ledger_check_scratch (Ledger *self, lxw_worksheet *sheet, GError **error);
gboolean _bf_ledger_write_table (Ledger *self, const SheetSpec *spec, GError **error);

gboolean _bf_ledger_write_summary (Ledger *self, GError **error);

G_END_DECLS
