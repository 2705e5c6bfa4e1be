/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-store.h"

G_BEGIN_DECLS

/* What the quarterly ledger (docs/domain.md §9) reads from a register.
 *
 * A BfLedgerReader is a read-only SQLite connection of its own with one read transaction held
 * from open to free, so every table of one export sees the same snapshot while the GUI's
 * connection keeps reading and writing. Open it in the thread that uses it. Rows stream through a
 * BfLedgerCursor one at a time: nothing is loaded whole, whatever the size of the register. */

typedef struct _BfLedgerReader BfLedgerReader;
typedef struct _BfLedgerCursor BfLedgerCursor;

/* The detail tables of a ledger, each in its sheet's row order. */
typedef enum
{
  BF_LEDGER_HOUSEHOLDS,  /* every household of the scope (not deleted), by household number */
  BF_LEDGER_PERSONS,     /* their members: the head first */
  BF_LEDGER_MEASURES,    /* measures of the quarter's year's plans */
  BF_LEDGER_VISITS,      /* visits in the quarter */
  BF_LEDGER_ADJUSTMENTS, /* dynamic adjustments in the quarter */
  BF_LEDGER_NOTICES,     /* lines of notices posted in the quarter, one per objection on the line */
  BF_LEDGER_N_TABLES
} BfLedgerTable;

/* Columns of BF_LEDGER_HOUSEHOLDS. */
typedef enum
{
  BF_LEDGER_H_NUMBER,
  BF_LEDGER_H_VILLAGE,
  BF_LEDGER_H_GROUP,
  BF_LEDGER_H_HEAD_NAME,
  BF_LEDGER_H_HEAD_ID_NUMBER,
  BF_LEDGER_H_MEMBERS,
  BF_LEDGER_H_ATTRIBUTE,
  BF_LEDGER_H_MONITORING_TYPE,
  BF_LEDGER_H_STANDARD,
  BF_LEDGER_H_PRIMARY_CAUSE,
  BF_LEDGER_H_OTHER_CAUSE_1,
  BF_LEDGER_H_OTHER_CAUSE_2,
  BF_LEDGER_H_STATUS,
  BF_LEDGER_H_STATUS_SINCE,
  BF_LEDGER_H_PER_CAPITA_FEN,
  BF_LEDGER_H_PHONE,
  BF_LEDGER_H_HELPER,
  BF_LEDGER_H_HELPER_PHONE,
  BF_LEDGER_H_FIRST_IDENTIFIED,
  BF_LEDGER_H_DANGEROUS_HOUSE,
  BF_LEDGER_H_RELOCATED,
  BF_LEDGER_H_WATER_SECURED, /* from the latest survey */
  BF_LEDGER_H_FARMLAND_MU,
  BF_LEDGER_H_ADDRESS,
} BfLedgerHouseholdColumn;

/* Columns of BF_LEDGER_PERSONS: household columns repeated on every member. */
typedef enum
{
  BF_LEDGER_P_VILLAGE,
  BF_LEDGER_P_GROUP,
  BF_LEDGER_P_NUMBER,
  BF_LEDGER_P_PERSON_NUMBER,
  BF_LEDGER_P_NAME,
  BF_LEDGER_P_ID_NUMBER,
  BF_LEDGER_P_MEMBERS,
  BF_LEDGER_P_RELATION,
  BF_LEDGER_P_ETHNICITY,
  BF_LEDGER_P_EDUCATION,
  BF_LEDGER_P_SCHOOL_STATUS,
  BF_LEDGER_P_HEALTH,
  BF_LEDGER_P_DISABILITY_GRADE,
  BF_LEDGER_P_LABOUR,
  BF_LEDGER_P_WORK_STATUS,
  BF_LEDGER_P_WORK_MONTHS,
  BF_LEDGER_P_SERIOUS_ILLNESS_INSURANCE,
  BF_LEDGER_P_MEDICAL_INSURANCE,
  BF_LEDGER_P_PENSION_INSURANCE,
  BF_LEDGER_P_PRIMARY_CAUSE,
  BF_LEDGER_P_DANGEROUS_HOUSE,
  BF_LEDGER_P_WATER_SECURED,
  BF_LEDGER_P_PER_CAPITA_FEN,
  BF_LEDGER_P_PHONE, /* the member's, else the household's */
  BF_LEDGER_P_FIRST_IDENTIFIED,
  BF_LEDGER_P_ATTRIBUTE,
  BF_LEDGER_P_MONITORING_TYPE,
  BF_LEDGER_P_STATUS,
  BF_LEDGER_P_SEX,
  BF_LEDGER_P_BIRTH_DATE,
} BfLedgerPersonColumn;

/* Columns of BF_LEDGER_MEASURES. */
typedef enum
{
  BF_LEDGER_M_NUMBER,
  BF_LEDGER_M_VILLAGE,
  BF_LEDGER_M_GROUP,
  BF_LEDGER_M_HEAD_NAME,
  BF_LEDGER_M_YEAR,
  BF_LEDGER_M_CATEGORY,
  BF_LEDGER_M_SUBTYPE,
  BF_LEDGER_M_DESCRIPTION,
  BF_LEDGER_M_DEPARTMENT,
  BF_LEDGER_M_HELPER,
  BF_LEDGER_M_STARTS_ON,
  BF_LEDGER_M_DUE_ON,
  BF_LEDGER_M_BUDGET_FEN,
  BF_LEDGER_M_SPENT_FEN,
  BF_LEDGER_M_STATUS,
  BF_LEDGER_M_COMPLETED_ON,
  BF_LEDGER_M_EFFECT,
  BF_LEDGER_M_CONFIRMED,
} BfLedgerMeasureColumn;

/* Columns of BF_LEDGER_VISITS. */
typedef enum
{
  BF_LEDGER_V_NUMBER,
  BF_LEDGER_V_VILLAGE,
  BF_LEDGER_V_GROUP,
  BF_LEDGER_V_HEAD_NAME,
  BF_LEDGER_V_VISITED_ON,
  BF_LEDGER_V_VISITOR,
  BF_LEDGER_V_MODE,
  BF_LEDGER_V_FINDINGS,
  BF_LEDGER_V_PROBLEMS,
  BF_LEDGER_V_RECTIFICATION,
  BF_LEDGER_V_DEADLINE,
  BF_LEDGER_V_RECTIFIED_ON,
  BF_LEDGER_V_SATISFACTION,
} BfLedgerVisitColumn;

/* Columns of BF_LEDGER_ADJUSTMENTS. */
typedef enum
{
  BF_LEDGER_A_NUMBER,
  BF_LEDGER_A_VILLAGE,
  BF_LEDGER_A_GROUP,
  BF_LEDGER_A_HEAD_NAME,
  BF_LEDGER_A_KIND,
  BF_LEDGER_A_SUBKIND,
  BF_LEDGER_A_ADJUSTED_ON,
  BF_LEDGER_A_REASON,
  BF_LEDGER_A_APPROVAL,
  BF_LEDGER_A_DOCUMENT_NUMBER,
} BfLedgerAdjustmentColumn;

/* Columns of BF_LEDGER_NOTICES. The complainant is protected and never read. */
typedef enum
{
  BF_LEDGER_N_TITLE,
  BF_LEDGER_N_KIND,
  BF_LEDGER_N_ISSUING_BODY,
  BF_LEDGER_N_STARTS_ON,
  BF_LEDGER_N_ENDS_ON,
  BF_LEDGER_N_STATE,
  BF_LEDGER_N_NUMBER,
  BF_LEDGER_N_VILLAGE,
  BF_LEDGER_N_HEAD_NAME,
  BF_LEDGER_N_MEMBERS,
  BF_LEDGER_N_REASON,
  BF_LEDGER_N_REMOVED_ON,
  BF_LEDGER_N_REMOVED_REASON,
  BF_LEDGER_N_RECEIVED_ON,
  BF_LEDGER_N_CONTENT,
  BF_LEDGER_N_VERIFICATION,
  BF_LEDGER_N_RESULT,
  BF_LEDGER_N_CONSEQUENCE,
  BF_LEDGER_N_DECIDED_ON,
} BfLedgerNoticeColumn;

/* Summary counts, grouped by one key. */
typedef enum
{
  BF_LEDGER_BY_STATUS,              /* households by lifecycle status */
  BF_LEDGER_BY_ATTRIBUTE,           /* households by attribute (NULL key: not recorded) */
  BF_LEDGER_BY_MONITORING_TYPE,     /* households by monitoring type (NULL: not monitored) */
  BF_LEDGER_BY_CAUSE,               /* households by primary cause */
  BF_LEDGER_BY_VILLAGE,             /* households by village name, every village of the scope */
  BF_LEDGER_MEASURES_BY_CATEGORY,   /* measures, with budget and spent */
  BF_LEDGER_MEASURES_BY_STATUS,     /* measures, with budget and spent */
  BF_LEDGER_VISITS_BY_MODE,         /* visits in the quarter */
  BF_LEDGER_VISITS_BY_SATISFACTION, /* visits in the quarter (NULL: not rated) */
  BF_LEDGER_ADJUSTMENTS_BY_KIND,    /* adjustments in the quarter */
  BF_LEDGER_OBJECTIONS_BY_RESULT,   /* objections on the notice lines of the quarter */
  BF_LEDGER_N_BREAKDOWNS
} BfLedgerBreakdown;

typedef struct
{
  char *key; /* a code, or a village name; NULL: not recorded */
  gint64 count;
  gint64 budget_fen; /* measures only */
  gint64 spent_fen;  /* measures only */
} BfLedgerCount;

/* Opens @register_path read-only for the quarter @year Q@quarter and one village (@village_id) or
 * the whole township (0). BF_STORE_ERROR_NOT_FOUND when the village does not exist. */
BfLedgerReader *bf_ledger_reader_open (const char *register_path,
                                       int year,
                                       int quarter,
                                       gint64 village_id,
                                       GError **error);
/* Ends the read transaction and closes the connection. */
void bf_ledger_reader_free (BfLedgerReader *reader);

const char *bf_ledger_reader_get_county (BfLedgerReader *reader);
const char *bf_ledger_reader_get_township (BfLedgerReader *reader);
/* NULL for the township. */
const char *bf_ledger_reader_get_village (BfLedgerReader *reader);
/* The quarter's first and last days, "YYYY-MM-DD". */
const char *bf_ledger_reader_get_first_day (BfLedgerReader *reader);
const char *bf_ledger_reader_get_last_day (BfLedgerReader *reader);

/* The number of rows bf_ledger_reader_query() returns for @table; -1 on error. Counting people
 * or measures reads as much as listing them. */
gint64 bf_ledger_reader_count (BfLedgerReader *reader, BfLedgerTable table, GError **error);
/* The households of the scope, from an index alone: cheap, for progress. */
gint64 bf_ledger_reader_count_households (BfLedgerReader *reader, GError **error);
/* BfLedgerCount rows: in the code lists' order is the caller's business; villages in their order.
 */
GPtrArray *
bf_ledger_reader_breakdown (BfLedgerReader *reader, BfLedgerBreakdown breakdown, GError **error);

/* Starts streaming @table. Only one cursor of a reader may be open at a time. */
BfLedgerCursor *
bf_ledger_reader_query (BfLedgerReader *reader, BfLedgerTable table, GError **error);
/* Moves to the next row: FALSE at the end (error unset) or on error (error set). */
gboolean bf_ledger_cursor_next (BfLedgerCursor *cursor, GError **error);
/* The current row's values. Text is valid until the next call to bf_ledger_cursor_next(); NULL
 * for SQL NULL (and "" is returned as NULL too: an empty field is not recorded). */
const char *bf_ledger_cursor_get_text (BfLedgerCursor *cursor, int column);
/* FALSE (and @value untouched) for SQL NULL. */
gboolean bf_ledger_cursor_get_int (BfLedgerCursor *cursor, int column, gint64 *value);
gboolean bf_ledger_cursor_get_double (BfLedgerCursor *cursor, int column, double *value);
void bf_ledger_cursor_free (BfLedgerCursor *cursor);

void bf_ledger_count_free (BfLedgerCount *count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfLedgerReader, bf_ledger_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfLedgerCursor, bf_ledger_cursor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfLedgerCount, bf_ledger_count_free)

/* Past exports, recorded in the register (table ledger_exports). */
typedef struct
{
  gint64 id;
  char *uuid;
  char *quarter;      /* "2026Q3" */
  gint64 village_id;  /* 0: the township */
  char *village_name; /* filled on read; NULL for the township */
  gboolean masked;
  char *path;
  gint64 rows; /* data rows written, all sheets */
  char *operator_name;
  char *exported_at; /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
} BfLedgerExport;

/* Records an export as one audited write; fills @record's id, uuid, operator and exported_at. */
gboolean bf_store_ledger_export_add (BfStore *self, BfLedgerExport *record, GError **error);
/* The most recent @limit exports (0: all), newest first. */
GPtrArray *bf_store_ledger_export_list (BfStore *self, guint limit, GError **error);

BfLedgerExport *bf_ledger_export_new (void);
void bf_ledger_export_free (BfLedgerExport *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfLedgerExport, bf_ledger_export_free)

G_END_DECLS
