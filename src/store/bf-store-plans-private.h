/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by bf-store-plans.c, bf-store-helpers.c and bf-store-visits.c; internal to src/store. */

#include "bf-codes.h"
#include "bf-store-household-private.h"
#include "bf-store-plans.h"

G_BEGIN_DECLS

/* The statuses of households that need a plan every year, and the condition (on the households
 * table, unaliased) for those that need a helper and visits: the same plus follow-up after exit.
 * The follow-up condition has one parameter: the earliest exit date still followed up. */
#define BF_SQL_PLANNED_STATUSES "('registered', 'exit_assessed', 'exit_notice', 'exit_accepted')"
#define BF_SQL_ASSISTED                                                                            \
  "(households.status IN " BF_SQL_PLANNED_STATUSES " OR (households.status = 'exited' AND "        \
  "households.status_since >= ?))"
/* @column (a household id) names a household that is not deleted. */
#define BF_SQL_LIVE_HOUSEHOLD(column)                                                              \
  column " NOT IN (SELECT id FROM households WHERE deleted_at IS NOT NULL)"

/* The number of rows a page holds when asked for @limit (0: a default). */
#define BF_PAGE_LIMIT(limit) ((limit) == 0 ? 100u : MIN ((guint) (limit), 10000u))

/* Columns of a record, for binding, reading, comparing (audit) and checking it. Every record
 * begins with "gint64 id; char *uuid;". */
typedef enum
{
  BF_COLUMN_TEXT, /* char *; blank text is stored as NULL */
  BF_COLUMN_DATE, /* char *, YYYY-MM-DD */
  BF_COLUMN_CODE, /* char *, a code of .codes */
  BF_COLUMN_REF,  /* gint64, 0 is NULL */
  BF_COLUMN_FEN,  /* gint64 >= 0 */
  BF_COLUMN_INT,  /* int */
  BF_COLUMN_TRI,  /* int, -1 is NULL */
} BfColumnKind;

typedef struct
{
  const char *name; /* SQL column and audit field */
  BfColumnKind kind;
  gsize offset;
  const char *label; /* English msgid: what a caseworker calls it */
  BfCodeList codes;  /* BF_COLUMN_CODE */
  gboolean required;
} BfColumn;

typedef struct
{
  const char *table;
  const BfColumn *columns;
  guint n_columns;
} BfTable;

typedef struct
{
  gint64 id;
  char *uuid;
} BfRecordHead;

/* "p.a, p.b, …" for @prefix "p" (NULL: no prefix). */
char *_bf_table_select_list (const BfTable *table, const char *prefix);
/* Reads the table's columns from @stmt starting at @column; returns the next column. */
int _bf_table_read (const BfTable *table, sqlite3_stmt *stmt, int column, gpointer record);
/* Checks required fields, codes, dates, money and tri-states; names the field in @error. */
gboolean _bf_table_validate (const BfTable *table, gconstpointer record, GError **error);
/* Whether the text has something besides white space. */
gboolean _bf_has_text (const char *text);

/* Writes @record: inserted when @before is NULL (id and uuid set on @record), otherwise updated
 * when something differs, with an audit entry "create"/"update" naming what changed. @changed
 * (may be NULL) tells whether anything was written. Must be inside a write. */
gboolean _bf_table_write (BfStore *self,
                          const BfTable *table,
                          gconstpointer before,
                          gpointer record,
                          gboolean *changed,
                          GError **error);

/* @date as ISO text (today when blank), refused when not a date or in the future; @label names
 * the field in @error. */
char *_bf_plans_date (const char *date, const char *label, GError **error);
/* The earliest exit date of households still in follow-up on @today (BF_SQL_ASSISTED). */
char *_bf_plans_followup_since (BfStore *self, const char *today);

/* NOT_FOUND unless household @id exists and is not deleted. */
gboolean _bf_plans_check_household (BfStore *self, gint64 id, GError **error);
/* NOT_FOUND unless helper @id exists (and, with @active, is not retired: INVALID). */
gboolean _bf_plans_check_helper (BfStore *self, gint64 id, gboolean active, GError **error);

/* Checks @measure against the register and writes it (insert or update, with audit), inside a
 * write; sets its id, uuid, plan and household on success. */
gboolean _bf_plans_measure_write (BfStore *self, BfMeasure *measure, GError **error);

/* The household line columns, for a query "FROM households [INDEXED BY …]"
 * BF_SQL_HOUSEHOLD_LINE_JOINS. */
#define BF_SQL_HOUSEHOLD_LINE                                                                      \
  "households.id, households.number, households.head_name, v.name, g.name, households.status, "    \
  "households.helper_id, hp.name, nullif(households.last_visit_on, '')"
#define BF_SQL_HOUSEHOLD_LINE_JOINS                                                                \
  " JOIN villages v ON v.id = households.village_id LEFT JOIN village_groups g ON g.id = "         \
  "households.group_id LEFT JOIN helpers hp ON hp.id = households.helper_id"
BfHouseholdLine *_bf_household_line_read (sqlite3_stmt *stmt); /* from column 0 */

typedef BfHouseholdCursor *(*BfRowCursor) (gconstpointer row);
BfListPage *_bf_list_page_read (BfStore *self,
                                sqlite3_stmt *stmt,
                                guint limit,
                                BfRowRead read,
                                GDestroyNotify free_row,
                                BfRowCursor cursor_of,
                                GError **error);
/* A WHERE clause built from filters, with its parameters in order. */
typedef struct
{
  GString *where;
  GPtrArray *texts; /* a text parameter, or NULL where ints holds an integer */
  GArray *ints;
} BfFilter;

void _bf_filter_init (BfFilter *f, const char *base);
/* Adds " AND @sql" with one parameter. */
void _bf_filter_text (BfFilter *f, const char *sql, const char *value);
void _bf_filter_int (BfFilter *f, const char *sql, gint64 value);
/* Adds the keyset condition "(@key_sql, @id_sql) > (after's key, id)" (@descending: "<"). */
void _bf_filter_after (BfFilter *f,
                       const char *key_sql,
                       const char *id_sql,
                       const BfHouseholdCursor *after,
                       gboolean descending);
/* Binds the parameters from 1; returns the next parameter's index. */
int _bf_filter_bind (const BfFilter *f, sqlite3_stmt *stmt);
void _bf_filter_clear (BfFilter *f);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BfFilter, _bf_filter_clear)

/* Today's date when @today is NULL or not a date; otherwise @today (a copy). */
char *_bf_query_today (const char *today);

/* The first column of the first row of @stmt as an integer (0 without rows); FALSE on error. */
gboolean _bf_query_count (BfStore *self, sqlite3_stmt *stmt, gint64 *count, GError **error);

G_END_DECLS
