/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The lifecycle of docs/domain.md §4 as a pure state machine. */

#define BF_LIFECYCLE_ERROR (bf_lifecycle_error_quark ())

typedef enum
{
  BF_LIFECYCLE_ERROR_NOT_ALLOWED,    /* the action does not apply to the status */
  BF_LIFECYCLE_ERROR_NOTICE_RUNNING, /* "the village notice ends on 2026-12-05" */
  BF_LIFECYCLE_ERROR_OBJECTIONS,     /* objections on the notice are still open */
  BF_LIFECYCLE_ERROR_NOT_POSTED,     /* the notice has not been posted */
  BF_LIFECYCLE_ERROR_MISSING,        /* a required fact (reason, document number…) is missing */
} BfLifecycleError;

GQuark bf_lifecycle_error_quark (void);

typedef enum
{
  BF_STATUS_SURVEYED,          /* surveyed 入户调查 */
  BF_STATUS_VERIFIED,          /* verified 入户核查 */
  BF_STATUS_APPRAISED,         /* appraised 民主评议 */
  BF_STATUS_VILLAGE_NOTICE,    /* village_notice 村级公示 */
  BF_STATUS_TOWNSHIP_REVIEWED, /* township_reviewed 乡镇审核 */
  BF_STATUS_TOWNSHIP_NOTICE,   /* township_notice 乡镇公示 */
  BF_STATUS_REGISTERED,        /* registered: county approved, 帮扶中 */
  BF_STATUS_REJECTED,          /* rejected 未纳入 */
  BF_STATUS_EXIT_ASSESSED,     /* exit_assessed 脱贫评估 */
  BF_STATUS_EXIT_NOTICE,       /* exit_notice 退出公示 */
  BF_STATUS_EXIT_ACCEPTED,     /* exit_accepted 乡镇验收 */
  BF_STATUS_EXITED,            /* exited 县级批准退出, then follow-up */
  BF_STATUS_RETURNED,          /* returned 返贫: re-enters identification */
  BF_N_STATUSES
} BfStatus;

typedef enum
{
  BF_ACTION_VERIFY,               /* surveyed -> verified */
  BF_ACTION_APPRAISE,             /* verified -> appraised (from a meeting) */
  BF_ACTION_POST_VILLAGE_NOTICE,  /* appraised -> village_notice */
  BF_ACTION_TOWNSHIP_REVIEW,      /* village_notice -> township_reviewed (notice over) */
  BF_ACTION_POST_TOWNSHIP_NOTICE, /* township_reviewed -> township_notice */
  BF_ACTION_COUNTY_APPROVE,    /* township_notice (or township_reviewed when the township notice is
                                  off) -> registered */
  BF_ACTION_REJECT,            /* any identification step -> rejected (reason required) */
  BF_ACTION_SEND_BACK,         /* one step back (reason required) */
  BF_ACTION_ASSESS_EXIT,       /* registered -> exit_assessed */
  BF_ACTION_POST_EXIT_NOTICE,  /* exit_assessed -> exit_notice */
  BF_ACTION_ACCEPT_EXIT,       /* exit_notice -> exit_accepted (notice over) */
  BF_ACTION_APPROVE_EXIT,      /* exit_accepted -> exited (document number required) */
  BF_ACTION_RETURN_TO_POVERTY, /* exited -> returned */
  BF_ACTION_REIDENTIFY,        /* returned or rejected -> surveyed */
  BF_N_ACTIONS
} BfAction;

/* Facts the machine needs beyond the status. */
typedef struct
{
  gboolean township_notice_enabled; /* Preferences; on by default */
  /* The notice the household is on, for moving forward from a notice status (village_notice,
   * township_notice, exit_notice): it must have been posted (posted or closed), its period must
   * be over (today > notice_ends) and no objection may be open. REJECT and SEND_BACK do not wait
   * for the notice: an upheld objection rejects the household or sends it back meanwhile. */
  gboolean notice_posted;
  gboolean notice_closed;
  GDate notice_ends; /* invalid when unknown (refused with BF_LIFECYCLE_ERROR_MISSING) */
  guint open_objections;
  GDate today;                  /* invalid: the real today */
  gboolean has_reason;          /* reject / send back need one */
  gboolean has_document_number; /* county approvals need one */
} BfLifecycleContext;

void bf_lifecycle_context_init (BfLifecycleContext *ctx); /* defaults: township notice on */

const char *bf_status_code (BfStatus status);
gboolean bf_status_from_code (const char *code, BfStatus *status);
const char *bf_status_label (BfStatus status); /* translated */
const char *bf_action_code (BfAction action);
gboolean bf_action_from_code (const char *code, BfAction *action);
const char *bf_action_label (BfAction action); /* translated: "Verify", "County approval", … */

/* The status @action leads to from @from, or FALSE with a readable reason. */
gboolean bf_lifecycle_apply (BfStatus from,
                             BfAction action,
                             const BfLifecycleContext *ctx,
                             BfStatus *to,
                             GError **error);
/* Whether @action applies to @from at all (ignoring notices and missing facts): for menus. */
gboolean
bf_lifecycle_action_applies (BfStatus from, BfAction action, gboolean township_notice_enabled);
/* The step before @status on the path, for send-back; FALSE at the start of a path and for
 * statuses the county decided (registered, exited), rejected and returned. */
gboolean
bf_lifecycle_previous (BfStatus status, gboolean township_notice_enabled, BfStatus *previous);

/* The review decisions of the paths (the reviews table's levels). */
typedef enum
{
  BF_REVIEW_NONE,
  BF_REVIEW_VERIFICATION, /* verification 入户核查 */
  BF_REVIEW_TOWNSHIP,     /* township 乡镇审核 */
  BF_REVIEW_COUNTY,       /* county 县级审批 */
} BfReviewLevel;

/* The review that taking @action from @from decides: verification, the township's review or the
 * county's approval, of an identification or (@exit TRUE) of an exit; also when the decision is to
 * reject the household or send it back instead. BF_REVIEW_NONE for every other step (the
 * township's exit acceptance is an acceptance record, not a review). */
BfReviewLevel bf_lifecycle_review (BfStatus from,
                                   BfAction action,
                                   gboolean township_notice_enabled,
                                   gboolean *exit);
const char *bf_review_level_code (BfReviewLevel level); /* "verification", "township", "county" */

G_END_DECLS
