/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store-assessment.h"

G_BEGIN_DECLS

/* What the views of the Assessment & exit page share: the row objects of their lists, the
 * columns that show them, the period and scope choosers, and the texts of figures. */

/* A row of a list: its cells as shown, and the household it is about. */
#define BF_TYPE_EXIT_ROW (bf_exit_row_get_type ())
G_DECLARE_FINAL_TYPE (BfExitRow, bf_exit_row, BF, EXIT_ROW, GObject)

BfExitRow *bf_exit_row_new (gint64 household_id, gint64 id, const char *const *cells);
gint64 bf_exit_row_get_household_id (BfExitRow *self);
gint64 bf_exit_row_get_id (BfExitRow *self); /* the record (assessment, adjustment), or 0 */
const char *bf_exit_row_get_cell (BfExitRow *self, guint column);
/* The household's status code, for the rows that carry one. */
const char *bf_exit_row_get_status (BfExitRow *self);

/* The columns of each kind of list, and rows for them. */
typedef enum
{
  BF_EXIT_LIST_CASES,       /* number, head, village, status, income, result */
  BF_EXIT_LIST_FOLLOW_UP,   /* number, head, village, exited on, last visit, income, result */
  BF_EXIT_LIST_ASSESSMENTS, /* number, head, village, income, poverty line, result, change */
  BF_EXIT_LIST_ADJUSTMENTS, /* date, number, head, village, kind, reason, approval, document */
} BfExitList;

/* Shows @model in @view through a single selection, which is returned (owned by @view). */
GtkSingleSelection *bf_exit_list_attach (GtkColumnView *view, GListModel *model);
/* Adds the list's columns (titled, translated) to @view and an accessible name. */
void bf_exit_list_setup (GtkColumnView *view, BfExitList kind, const char *accessible_name);
BfExitRow *bf_exit_row_from_case (const BfCaseRow *row, BfExitList kind);
BfExitRow *bf_exit_row_from_assessment (const BfAssessment *assessment);
BfExitRow *bf_exit_row_from_adjustment (const BfAdjustment *adjustment);
/* A list as the worker reads it: the records and their rows, made in the worker too because tens
 * of thousands of them would hold up the window. */
typedef struct
{
  GPtrArray *records; /* BfCaseRow, BfAssessment or BfAdjustment per the list */
  GPtrArray *items;   /* BfExitRow, one a record */
  GHashTable *index;  /* household id (gint64 *) -> 1 + position of its first row in items */
} BfExitListRead;

/* Takes @records; NULL for NULL. Safe in any thread. */
BfExitListRead *bf_exit_list_read_new (BfExitList kind, GPtrArray *records);
/* Frees a large read in a thread of its own. */
void bf_exit_list_read_free (BfExitListRead *read);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfExitListRead, bf_exit_list_read_free)
/* @model's rows replaced by @items (BfExitRow, or NULL for none) in one change; the old rows of a
 * long list are freed in a thread. */
void bf_exit_list_replace (GListStore *model, GPtrArray *items);

/* "4,600.00", or "—" for G_MININT64. */
char *bf_exit_money (gint64 fen);
/* Translated label of an income level code ("Below the line"), "" for NULL. */
const char *bf_exit_result_label (const char *code);

/* The scope chooser: "Whole township" then each village; @ids receives the village ids in the
 * same order (0 first). */
void bf_exit_scope_fill (GtkDropDown *dropdown, BfStore *store, GArray *ids);
gint64 bf_exit_scope_get (GtkDropDown *dropdown, GArray *ids);
/* The last quarter that has ended, as "2026Q3" (the usual period to assess or report). */
char *bf_exit_default_period (void);
/* Today as "YYYY-MM-DD". */
char *bf_exit_today (void);

G_END_DECLS
