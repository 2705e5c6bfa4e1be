/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-store.h"

G_BEGIN_DECLS

/* Assistance plans, helpers and visits (docs/domain.md §6), and the supervision lists (监督检查).
 *
 * Records follow bf-records.h: owned strings (NULL: not recorded), ISO dates, integer fen, codes
 * of bf-codes.h (sub-types of bf-measures.h), tri-state ints (-1 not recorded, 0 no, 1 yes).
 * Every write is one transaction with audit entries; a failed write leaves nothing behind and
 * the record passed in unchanged. Dates a caseworker gives default to today (BANGFU_TODAY) when
 * NULL and may not lie in the future where they record something done. */

/* ---- Households under assistance --------------------------------------------------------- */

/* The statuses of households that need a plan every year: registered, and on the way out
 * (exit assessed, exit notice, exit accepted). Households in follow-up after exit (exited
 * within the register's follow-up years, BF_SETTING_FOLLOWUP_YEARS) also need a helper and
 * visits. */

/* A household as a line of a list (a helper's households, the supervision lists). */
typedef struct
{
  gint64 id;
  char *number;
  char *head_name;
  char *village_name;
  char *group_name;
  char *status;
  gint64 helper_id; /* 0: none */
  char *helper_name;
  char *last_visit_on; /* NULL: never visited */
} BfHouseholdLine;

/* A page of a keyset-paged list. Rows are of the type the function names. */
typedef struct
{
  GPtrArray *rows;
  BfHouseholdCursor *next; /* NULL on the last page; pass it back for the next page */
  gint64 total;            /* every matching row, counted on the first page only; -1 after */
} BfListPage;

/* ---- Helpers (帮扶责任人) ------------------------------------------------------------------ */

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  char *name; /* required */
  char *unit;
  char *level; /* helper_level code */
  char *position;
  char *phone;      /* 7 to 20 digits with spaces, dashes, "+" and parentheses */
  char *retired_on; /* NULL: active; set only by bf_store_helper_retire() */
  /* filled on read */
  guint n_households;    /* households assigned to the helper now */
  guint n_open_measures; /* planned or in progress, the helper responsible */
} BfHelper;

/* Adds (id 0) or updates a helper; refreshes @helper (id, uuid) on success. */
gboolean bf_store_helper_save (BfStore *self, BfHelper *helper, GError **error);
BfHelper *bf_store_helper_get (BfStore *self, gint64 id, GError **error);
/* By name in pinyin order; retired helpers only when @include_retired (after the active ones). */
GPtrArray *bf_store_helper_list (BfStore *self, gboolean include_retired, GError **error);
/* Retires the helper on @on (NULL: today). Their households go to @successor_id (an active
 * helper) from that day, or are left without a helper when it is 0, where supervision lists
 * them. Their open measures go to the successor too. */
gboolean bf_store_helper_retire (BfStore *self,
                                 gint64 id,
                                 const char *on,
                                 gint64 successor_id,
                                 GError **error);
/* Undoes a retirement; households are not given back (assign them again). */
gboolean bf_store_helper_reinstate (BfStore *self, gint64 id, GError **error);

/* One helper's time with one household. */
typedef struct
{
  gint64 id;
  char *uuid;
  gint64 household_id;
  gint64 helper_id;
  char *helper_name; /* filled on read */
  char *assigned_on;
  char *ended_on; /* NULL: current */
} BfAssignment;

/* Makes @helper_id (active; 0: none) the household's helper from @on (NULL: today): the current
 * assignment ends that day, a new one starts, households.helper_id follows. Assigning the
 * current helper again changes nothing. @on may not be before the current assignment began. */
gboolean bf_store_helper_assign (BfStore *self,
                                 gint64 household_id,
                                 gint64 helper_id,
                                 const char *on,
                                 GError **error);
/* The same for many households in one transaction: all of them or none. */
gboolean bf_store_helper_assign_many (BfStore *self,
                                      const gint64 *household_ids,
                                      guint n_households,
                                      gint64 helper_id,
                                      const char *on,
                                      GError **error);
/* The household's helpers, the current first, then by start date, newest first. */
GPtrArray *bf_store_assignments_for (BfStore *self, gint64 household_id, GError **error);
/* The helper's households now (BfHouseholdLine), by number. */
GPtrArray *bf_store_helper_households (BfStore *self, gint64 helper_id, GError **error);

/* ---- Plans and measures ------------------------------------------------------------------- */

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  gint64 plan_id;      /* set by the store from the plan */
  gint64 household_id; /* set by the store from the plan */
  char *category;      /* measure_category code, required */
  char *subtype;       /* a sub-type of the category (bf-measures.h) */
  char *description;   /* required */
  char *department;    /* department code */
  gint64 helper_id;    /* responsible helper, 0: none */
  char *starts_on;
  char *due_on; /* not before starts_on */
  gint64 budget_fen;
  gint64 spent_fen;
  char *status;       /* measure_status code; NULL: planned */
  char *completed_on; /* required when completed, only then; not in the future */
  char *effect;       /* 帮扶成效 */
  int household_confirmed;
  /* filled on read */
  int year;
  char *helper_name;
  char *household_number;
  char *head_name;
  char *village_name;
  gboolean overdue; /* on the day of the read (bf-measures.h) */
} BfMeasure;

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  gint64 household_id;
  int year; /* 2000 to 2100; one plan per household and year */
  char *goal;
  GPtrArray *measures; /* BfMeasure, by due date */
  char *updated_at;    /* filled on read */
} BfPlan;

/* Saves the plan and its measures in one transaction: new measures (id 0) are added, changed
 * ones updated, measures no longer in the plan deleted (softly). Refreshes @plan from the
 * register on success. */
gboolean bf_store_plan_save (BfStore *self, BfPlan *plan, GError **error);
/* The household's plan for @year; NULL with BF_STORE_ERROR_NOT_FOUND when there is none. */
BfPlan *bf_store_plan_get (BfStore *self, gint64 household_id, int year, GError **error);
/* The years the household has plans for, newest first (GArray of int). */
GArray *bf_store_plan_years (BfStore *self, gint64 household_id, GError **error);
/* A new, unsaved plan for @to_year starting from the plan of @from_year: its goal, and its
 * measures that were not cancelled, as planned again, dates moved on by the years between,
 * nothing spent or completed yet. NOT_FOUND when there is no plan for @from_year. */
BfPlan *
bf_store_plan_copy (BfStore *self, gint64 household_id, int from_year, int to_year, GError **error);
/* Deletes the plan and its measures (softly). */
gboolean bf_store_plan_delete (BfStore *self, gint64 plan_id, GError **error);

/* Adds a measure to plan @measure->plan_id (id 0) or updates one; refreshes @measure. */
gboolean bf_store_measure_save (BfStore *self, BfMeasure *measure, GError **error);
BfMeasure *bf_store_measure_get (BfStore *self, gint64 id, GError **error);
gboolean bf_store_measure_delete (BfStore *self, gint64 id, GError **error);
/* Sets @status on every measure of @ids in one transaction (all or none). Completing needs a
 * date: @on (NULL: today); leaving "completed" clears the completion date. */
gboolean bf_store_measures_set_status (BfStore *self,
                                       const gint64 *ids,
                                       guint n_ids,
                                       const char *status,
                                       const char *on,
                                       GError **error);

typedef struct
{
  const char *category;   /* NULL: any */
  const char *department; /* NULL: any */
  const char *status;     /* NULL: any */
  gboolean open_only;     /* planned or in progress */
  gboolean overdue;       /* due before today, planned or in progress */
  gint64 village_id;      /* 0: any */
  gint64 helper_id;       /* the measure's responsible helper; 0: any */
  gint64 household_id;    /* 0: any */
  int year;               /* the plan's year; 0: any */
  const char *today;      /* NULL: today */
} BfMeasureQuery;

/* Measures of households that are not deleted, by due date (none last), then id: a page of
 * BfMeasure, keyset-paged (total not counted: see bf_store_measure_totals()). */
BfListPage *bf_store_measure_search (BfStore *self,
                                     const BfMeasureQuery *query,
                                     const BfHouseholdCursor *after,
                                     guint limit,
                                     GError **error);

typedef struct
{
  gint64 count;
  gint64 budget_fen;
  gint64 spent_fen;
} BfMeasureTotals;

gboolean bf_store_measure_totals (BfStore *self,
                                  const BfMeasureQuery *query,
                                  BfMeasureTotals *totals,
                                  GError **error);

/* ---- Visits (走访记录) --------------------------------------------------------------------- */

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  gint64 household_id;
  gint64 helper_id; /* the visiting helper, 0: someone else */
  char *visited_on; /* required, not in the future */
  char *visitor;    /* required */
  char *mode;       /* visit_mode code, required */
  char *findings;
  char *problems;      /* NULL: none found */
  char *rectification; /* what is to be done */
  char *deadline;      /* not before the visit */
  char *rectified_on;  /* not before the visit nor in the future; needs problems */
  char *satisfaction;  /* satisfaction code, NULL: not rated */
  char *notes;
  /* filled on read */
  char *helper_name;
  char *household_number;
  char *head_name;
  char *village_name;
  gboolean late; /* an open problem whose deadline has passed */
} BfVisit;

gboolean bf_store_visit_save (BfStore *self, BfVisit *visit, GError **error);
BfVisit *bf_store_visit_get (BfStore *self, gint64 id, GError **error);
gboolean bf_store_visit_delete (BfStore *self, gint64 id, GError **error);
/* Records that the visit's problems were rectified on @on (NULL: today), with what was done
 * (@rectification, NULL: keep the one recorded). */
gboolean bf_store_visit_rectify (BfStore *self,
                                 gint64 id,
                                 const char *on,
                                 const char *rectification,
                                 GError **error);
/* The household's visits, newest first (BfVisit). */
GPtrArray *bf_store_visits_for (BfStore *self, gint64 household_id, GError **error);

typedef struct
{
  gboolean open_problems; /* problems found and not rectified */
  gboolean past_deadline; /* with open_problems: only those past their deadline */
  gint64 helper_id;       /* 0: any */
  gint64 village_id;      /* 0: any */
  const char *today;      /* NULL: today */
} BfVisitQuery;

/* Visits of households that are not deleted: open problems by deadline (none last), other
 * lists newest first; a page of BfVisit. */
BfListPage *bf_store_visit_search (BfStore *self,
                                   const BfVisitQuery *query,
                                   const BfHouseholdCursor *after,
                                   guint limit,
                                   GError **error);

/* ---- Supervision (监督检查) ---------------------------------------------------------------- */

/* Households under assistance or in follow-up that were not visited in the @days days before
 * @today (NULL: today), or never: never visited first, then by last visit (BfHouseholdLine). */
BfListPage *bf_store_households_not_visited (BfStore *self,
                                             guint days,
                                             const char *today,
                                             gint64 village_id,
                                             const BfHouseholdCursor *after,
                                             guint limit,
                                             GError **error);
/* Households under assistance or in follow-up without a helper, by number. */
BfListPage *bf_store_households_without_helper (BfStore *self,
                                                const BfHouseholdCursor *after,
                                                guint limit,
                                                GError **error);
/* Households that need a plan (see above) and have none for @year, by number. */
BfListPage *bf_store_households_without_plan (BfStore *self,
                                              int year,
                                              const BfHouseholdCursor *after,
                                              guint limit,
                                              GError **error);

BfHelper *bf_helper_new (void);
BfHelper *bf_helper_copy (const BfHelper *helper);
void bf_helper_free (BfHelper *helper);
void bf_assignment_free (BfAssignment *assignment);
void bf_household_line_free (BfHouseholdLine *line);
void bf_list_page_free (BfListPage *page);
BfMeasure *bf_measure_new (void);
BfMeasure *bf_measure_copy (const BfMeasure *measure);
void bf_measure_free (BfMeasure *measure);
BfPlan *bf_plan_new (void);
BfPlan *bf_plan_copy (const BfPlan *plan);
void bf_plan_free (BfPlan *plan);
BfVisit *bf_visit_new (void);
BfVisit *bf_visit_copy (const BfVisit *visit);
void bf_visit_free (BfVisit *visit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfHelper, bf_helper_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfAssignment, bf_assignment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfHouseholdLine, bf_household_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfListPage, bf_list_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfMeasure, bf_measure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfPlan, bf_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfVisit, bf_visit_free)

G_END_DECLS
