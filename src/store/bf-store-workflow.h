/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The lifecycle of a household in the register: its steps, events and reviews
 * (bf-store-workflow.c; the rules are core/bf-lifecycle.c). */

#include "bf-lifecycle.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* The lifecycle events of one household, newest first. */
GPtrArray *bf_store_events_for (BfStore *self, gint64 household_id, GError **error); /* BfEvent */
/* The review an event refers to (ref_kind "review"); NULL with BF_STORE_ERROR_NOT_FOUND. */
BfReview *bf_store_review_get (BfStore *self, gint64 id, GError **error);

/* Lifecycle (docs/domain.md §4): the facts a caseworker gives for one step. */
typedef struct
{
  const char *event_date; /* "YYYY-MM-DD", NULL: today; never in the future */
  const char *reason;     /* required for reject and send back */
  const char *ref_kind; /* the record that justifies the step: "survey", "meeting", "notice", … */
  gint64 ref_id;        /* 0: none */
  const char *document_number; /* 文号: required for county approvals */
  gint64 notice_id; /* the notice concerned; 0: the household's latest notice of the step's kind */
  /* A review decision (bf_lifecycle_review(): verification, township review, county approval, or
   * the reject or send back that decides one instead): the verifier, reviewer or approver. When
   * set, the step also records the review (level, purpose, @reviewer, date, decision from the
   * action, @opinion, @document_number) and the event refers to it (ref_kind "review"; @ref_kind
   * must be NULL then). NULL: no review recorded. */
  const char *reviewer;
  const char *opinion; /* the review's opinion (审核意见); NULL: none */
} BfTransitionFacts;

/* Applies @action to the household through the core state machine: updates its status, appends a
 * workflow event (and the review, see above) and audit entries, in one transaction. A step the
 * lifecycle refuses fails with BF_STORE_ERROR_REFUSED and the core's reason; nothing is written.
 * A reviewer for a step that decides no review fails with BF_STORE_ERROR_INVALID. */
gboolean bf_store_household_transition (BfStore *self,
                                        gint64 household_id,
                                        BfAction action,
                                        const BfTransitionFacts *facts,
                                        GError **error);

G_END_DECLS
