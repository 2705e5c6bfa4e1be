/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-exit-checks.h"
#include "bf-indicators.h"
#include "bf-period.h"
#include "bf-store-lines.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* Assessment, exit, follow-up, dynamic adjustment and the indicators (docs/domain.md §2, §4, §7,
 * §8). Every write is one transaction with its audit entries; a failed write leaves nothing behind.
 */

typedef void (*BfStoreProgress) (guint done, guint total, gpointer user_data);

/* ---------------------------------------------------------------------------------------------
 * Poverty lines (bf-store-lines.c: get and set; here the table as a whole)
 */

typedef struct
{
  int year;
  char *uuid;
  gint64 poverty_line_fen;    /* 扶贫标准 */
  gint64 monitoring_line_fen; /* 监测线 */
  char *note;
} BfPovertyLine;

void bf_poverty_line_free (BfPovertyLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfPovertyLine, bf_poverty_line_free)

GPtrArray *bf_store_poverty_lines_list (BfStore *self, GError **error); /* by year, newest first */
/* Soft delete; NOT_FOUND when the year has no lines. */
gboolean bf_store_poverty_line_delete (BfStore *self, int year, GError **error);

/* ---------------------------------------------------------------------------------------------
 * Income assessment (收入评估)
 */

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 household_id;
  char *number;
  char *head_name;
  char *village_name;
  char *group_name;
  char *status;
  char *period; /* "2026" or "2026Q3" */
  char *assessed_on;
  gint64 per_capita_fen;
  gint64 poverty_line_fen;
  gint64 monitoring_line_fen;
  char *result; /* income level code: below, near, above */
  gboolean has_change;
  gint64 change_fen; /* since the household's previous assessment */
} BfAssessment;

void bf_assessment_free (BfAssessment *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfAssessment, bf_assessment_free)

typedef struct
{
  guint assessed;
  guint below;
  guint near;
  guint above;
  guint skipped; /* no survey to take the income from */
} BfAssessmentSummary;

/* Assesses every household on the register (under assistance, in the exit steps, exited and in
 * follow-up, returned) of the township (@village_id 0) or one village for @period: per-capita
 * net income from its latest survey against the lines of the period's year (NOT_FOUND when that
 * year has none), the result and the change since its previous assessment. A household already
 * assessed for @period is assessed again (the earlier record is replaced). All in one transaction;
 * @assessed_on NULL is today. Cancelling leaves nothing written. */
gboolean bf_store_assess (BfStore *self,
                          const char *period,
                          gint64 village_id,
                          const char *assessed_on,
                          BfStoreProgress progress,
                          gpointer user_data,
                          GCancellable *cancellable,
                          BfAssessmentSummary *summary,
                          GError **error);

typedef struct
{
  const char *period; /* required */
  gint64 village_id;  /* 0: every village */
  const char *result; /* NULL: below and near; "below", "near" or "above": that one */
  const char *text;   /* part of the household number or the head's name; NULL: any */
  gboolean falling;   /* only households whose income fell since their previous assessment */
} BfAssessmentQuery;

/* Assessments of a period, lowest income first. */
GPtrArray *bf_store_assessment_list (BfStore *self, const BfAssessmentQuery *query, GError **error);
/* Every assessment of one household, newest first. */
GPtrArray *bf_store_assessments_for (BfStore *self, gint64 household_id, GError **error);

/* ---------------------------------------------------------------------------------------------
 * Exit (脱贫退出) and follow-up (后续跟踪)
 */

/* A household of an exit or follow-up list (also the rows behind an indicator). */
typedef struct
{
  gint64 household_id;
  char *number;
  char *head_name;
  char *village_name;
  char *group_name;
  char *status;
  char *status_since;
  int member_count;
  gint64 per_capita_fen;   /* the latest assessment's; else the latest survey's; G_MININT64 */
  char *assessment_result; /* the latest assessment's result code, NULL when none */
  char *exited_on;         /* county approval of the exit, NULL when not exited */
  char *last_visit_on;     /* NULL: never visited */
} BfCaseRow;

void bf_case_row_free (BfCaseRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfCaseRow, bf_case_row_free)

/* The rows of @ids, in the order given; ids that are gone or deleted are left out. */
GPtrArray *bf_store_case_rows (BfStore *self, const gint64 *ids, guint n_ids, GError **error);

/* Households under assistance and in the exit steps (registered, exit assessed, exit notice, exit
 * accepted) of the township or a village: the exit candidates, by village and number. */
GPtrArray *bf_store_exit_candidates (BfStore *self, gint64 village_id, GError **error);

/* The facts of docs/domain.md §7 for one household, from the register as of @on (NULL: today):
 * per-capita income and the line from its latest assessment (else its latest survey against the
 * line of @on's year), months above the line from its assessments, the six guarantees of its
 * latest survey, completed measures, months since its first identification, members able to work,
 * the recorded exception and the minimum months set in the register. */
gboolean bf_store_exit_facts (BfStore *self,
                              gint64 household_id,
                              const char *on,
                              BfExitFacts *facts,
                              GError **error);
/* Runs the checks on those facts; TRUE in @passed when all pass. */
gboolean bf_store_exit_check (BfStore *self,
                              gint64 household_id,
                              BfExitCheck checks[BF_N_EXIT_CHECKS],
                              gboolean *passed,
                              GError **error);

/* The recorded exception for the labour check (no member can work; the household stays under
 * social-security support), with the reason. One per household; recording again replaces it. */
gboolean bf_store_exit_exception_record (BfStore *self,
                                         gint64 household_id,
                                         const char *note,
                                         const char *recorded_on,
                                         GError **error);
gboolean bf_store_exit_exception_withdraw (BfStore *self, gint64 household_id, GError **error);
/* The note of the recorded exception, NULL when none (or on error, with @error set). */
char *bf_store_exit_exception_get (BfStore *self, gint64 household_id, GError **error);

/* Exit assessment (脱贫评估): registered → exit assessed. Refused (BF_STORE_ERROR_REFUSED, the
 * failing checks and their reasons in the message) unless every check passes. */
gboolean
bf_store_exit_assess (BfStore *self, gint64 household_id, const char *date, GError **error);

/* The exit notice (退出公示) between assessment and acceptance is a notice of kind "exit"
 * (bf-store-notices.h: bf_store_notice_prepare, _save, _post). */

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 household_id;
  char *accepted_on;
  char **team;  /* members of the acceptance team */
  char *checks; /* JSON: [{"check": code, "passed": bool, "reason": text}, …] */
  char *exception_note;
  char *result; /* "accepted" or "not_accepted" */
  char *reported_on;
} BfExitAcceptance;

void bf_exit_acceptance_free (BfExitAcceptance *acceptance);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfExitAcceptance, bf_exit_acceptance_free)

typedef struct
{
  const char *accepted_on; /* NULL: today */
  const char *const *team; /* NULL-terminated, at least one name */
  gboolean accepted;       /* the team's result */
  const char *reported_on; /* reported to the county; NULL: not yet */
  const char *reason;      /* why not accepted (required then) */
} BfExitAcceptanceSpec;

/* 乡镇验收 of a household on an exit notice: records the team, the checks as they stand (with the
 * exception note), the result and the reporting date, and moves the household to exit accepted
 * (accepted: the notice must be over, every check must pass) or back to exit assessed (not
 * accepted). Returns the acceptance's id or 0. */
gint64 bf_store_exit_accept (BfStore *self,
                             gint64 household_id,
                             const BfExitAcceptanceSpec *spec,
                             GError **error);
/* The date the acceptance was reported to the county. */
gboolean bf_store_exit_acceptance_set_reported (BfStore *self,
                                                gint64 acceptance_id,
                                                const char *reported_on,
                                                GError **error);
/* The household's latest acceptance, NULL when none (or on error, with @error set). */
BfExitAcceptance *
bf_store_exit_acceptance_latest (BfStore *self, gint64 household_id, GError **error);

/* 县级批准退出: exit accepted → exited, with the county's document number (文号); the accepted
 * acceptance must have been reported. Records the county's review and a 退出 adjustment. */
gboolean bf_store_exit_approve (BfStore *self,
                                gint64 household_id,
                                const char *approved_on,
                                const char *document_number,
                                GError **error);

/* Exited households whose exit was approved within the last @years years (as of today), with their
 * last visit, oldest visit first (the ones most in need of one at the top). */
GPtrArray *bf_store_follow_up_list (BfStore *self, gint64 village_id, guint years, GError **error);

/* ---------------------------------------------------------------------------------------------
 * Dynamic adjustment (动态调整)
 */

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 household_id;
  char *number;
  char *head_name;
  char *village_name;
  char *kind;    /* adjustment kind code */
  char *subkind; /* natural change code, for kind "natural" */
  char *adjusted_on;
  char *reason;
  char *approval;
  char *document_number;
} BfAdjustment;

void bf_adjustment_free (BfAdjustment *adjustment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfAdjustment, bf_adjustment_free)

typedef struct
{
  gint64 household_id;
  const char *kind;        /* new, exit, returned, natural, change, correction */
  const char *subkind;     /* natural: birth, death, marriage, moving */
  const char *adjusted_on; /* NULL: today; never in the future */
  const char *reason;      /* required */
  const char *approval;    /* who approved it (e.g. 乡镇审核, 县级审批) */
  const char *document_number;
  /* Natural changes change the members: a member joins (birth; marriage or moving in) or leaves
   * (death; marriage or moving out). Birth needs @member_in, death @member_out_id. */
  const BfMember *member_in;
  gint64 member_out_id;
} BfAdjustmentSpec;

/* Records an adjustment in one transaction with what it does:
 *   returned: the household must have exited; it returns to poverty and re-enters identification
 *             (surveyed), its history kept;
 *   natural:  the member joins or leaves the household;
 *   new:      the household must have been approved; exit: it must have exited.
 * Returns the adjustment's id or 0. */
gint64 bf_store_adjustment_record (BfStore *self, const BfAdjustmentSpec *spec, GError **error);

/* Adjustments of a period ("2026Q3" or "2026") in the township or a village, of one kind or all
 * (@kind NULL), by date. */
GPtrArray *bf_store_adjustments_list (BfStore *self,
                                      const char *period,
                                      gint64 village_id,
                                      const char *kind,
                                      GError **error);
GPtrArray *bf_store_adjustments_for (BfStore *self, gint64 household_id, GError **error);

/* ---------------------------------------------------------------------------------------------
 * Indicators (考核指标)
 */

typedef struct
{
  gint64 village_id;  /* 0: the township */
  char *village_name; /* NULL for the township */
  BfIndicator indicators[BF_N_INDICATORS];
} BfIndicatorSet;

typedef struct
{
  char *period;          /* normalised: "2026Q3" */
  gint64 village_id;     /* the scope asked for; 0: the township */
  BfIndicatorSet *scope; /* the figures of the scope */
  GPtrArray *villages;   /* BfIndicatorSet of each village of the scope, in village order */
} BfIndicatorReport;

void bf_indicator_set_free (BfIndicatorSet *set);
void bf_indicator_report_free (BfIndicatorReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfIndicatorSet, bf_indicator_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfIndicatorReport, bf_indicator_report_free)

/* The four indicators of docs/domain.md §8 for @period ("2026Q3" or "2026") over the township
 * (@village_id 0) or one village, with each village's figures, each with the households behind
 * it. Reads only; safe on a read-only store. */
BfIndicatorReport *
bf_store_indicators (BfStore *self, const char *period, gint64 village_id, GError **error);

G_END_DECLS
