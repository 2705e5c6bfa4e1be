/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-lifecycle.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* Democratic appraisal meetings, public notices and objections (docs/domain.md §5). Every write is
 * one transaction with its audit entries; a household moves only through the lifecycle state
 * machine, and a write that moves many households moves all of them or none. */

/* ---------------------------------------------------------------------------------------------
 * Appraisal meetings (民主评议)
 */

typedef struct
{
  gint64 id; /* 0: new */
  gint64 household_id;
  char *household_number; /* filled on read */
  char *head_name;        /* filled on read */
  char *group_name;       /* filled on read */
  int member_count;       /* filled on read */
  char *status;           /* the household's status, filled on read */
  int votes_for;
  int votes_against;
  int abstentions;
  int passed;       /* -1: no result yet, 0: failed, 1: passed */
  gboolean decided; /* filled on read: the meeting's save has moved the household */
} BfAppraisalVote;

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  gint64 village_id;
  char *village_name; /* filled on read */
  char *held_on;
  char *kind; /* meeting_kind code: villagers / representatives */
  char *host;
  int entitled; /* -1: not recorded */
  int present;  /* -1: not recorded */
  char *minutes;
  guint n_passed;   /* filled on read */
  guint n_failed;   /* filled on read */
  guint n_pending;  /* filled on read: no result yet */
  GPtrArray *votes; /* BfAppraisalVote; NULL in lists */
} BfMeeting;

BfAppraisalVote *bf_appraisal_vote_new (void);
void bf_appraisal_vote_free (BfAppraisalVote *vote);
BfMeeting *bf_meeting_new (void); /* with an empty vote list */
void bf_meeting_free (BfMeeting *meeting);

/* Creates or updates the meeting and its votes, and moves every household whose result is given
 * and who has not been moved yet: passed to appraised, failed to rejected (with the votes as the
 * reason). One transaction: when any household cannot move, nothing is written. A vote whose
 * household was moved cannot change; a household is added only while it waits for appraisal
 * (verified, same village, on no other meeting awaiting its result). Votes missing from
 * @meeting->votes are removed while undecided. Sets @meeting->id on creation. */
gboolean bf_store_meeting_save (BfStore *self, BfMeeting *meeting, GError **error);
BfMeeting *bf_store_meeting_get (BfStore *self, gint64 id, GError **error);
/* Meetings newest first, without votes; @village_id 0: all villages. */
GPtrArray *bf_store_list_meetings (BfStore *self, gint64 village_id, GError **error);
/* Soft delete; refused once the meeting has moved a household. */
gboolean bf_store_meeting_delete (BfStore *self, gint64 id, GError **error);
/* Households of @village_id waiting for appraisal (verified, on no meeting awaiting a result),
 * ordered by group and number (BfHouseholdRow). */
GPtrArray *bf_store_meeting_waiting (BfStore *self, gint64 village_id, GError **error);

/* ---------------------------------------------------------------------------------------------
 * Notices (公示/公告)
 */

typedef struct
{
  gint64 id; /* 0: new */
  gint64 household_id;
  int position;           /* 1-based order on the notice, kept by the store */
  char *household_number; /* filled on read */
  char *head_name;        /* filled on read */
  char *village_name;     /* filled on read */
  char *group_name;       /* filled on read */
  int member_count;       /* filled on read */
  char *status;           /* the household's status, filled on read */
  char *head_id_masked;   /* filled on read: "430102********123X"; the full number never leaves */
  char *causes[3];        /* filled on read: the household's primary and other cause codes */
  char *reason;     /* the printed reason column; NULL: the standard one (the causes, for exits that
                       the standard is met), composed when printed */
  char *removed_on; /* set by an upheld objection */
  char *removed_reason;
} BfNoticeItem;

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  char *kind;         /* notice_kind code */
  gint64 village_id;  /* 0: the whole township */
  char *village_name; /* filled on read */
  char *title;        /* NULL on save: the default title for the kind */
  char *body;         /* the caseworker's own paragraph, printed after the standard text */
  char *starts_on;
  char *ends_on;
  char *issuing_body;
  char *supervision_phone;
  char *posting_place;
  char *state; /* notice_state code: draft, posted, closed (changed by post and close only) */
  char *posted_on;
  char *closed_on;
  char *created_at;
  guint n_households;      /* filled on read: items not removed */
  guint n_objections;      /* filled on read */
  guint n_open_objections; /* filled on read */
  GPtrArray *items;        /* BfNoticeItem (removed ones too); NULL in lists */
} BfNotice;

BfNoticeItem *bf_notice_item_new (void);
void bf_notice_item_free (BfNoticeItem *item);
BfNotice *bf_notice_new (void); /* with an empty item list */
void bf_notice_free (BfNotice *notice);

/* The status households must have to be put on a notice of @kind, and the action posting it
 * applies (FALSE: posting moves nobody, as for the county's 公告). */
gboolean bf_notice_kind_step (const char *kind, BfStatus *status, BfAction *post_action);

/* A new unsaved draft of @kind for @village_id (0: the township) with the defaults: title, period
 * starting @starts_on (NULL: today) for the default length, issuing body and supervision phone from
 * the settings, and every household at the right step preselected — appraised for village
 * identification notices, township_reviewed for township notices, approved by the county and on
 * no county notice for 公告, exit_assessed for exit notices — that is on no other open notice of
 * the kind. */
BfNotice *bf_store_notice_prepare (BfStore *self,
                                   const char *kind,
                                   gint64 village_id,
                                   const char *starts_on,
                                   GError **error);
/* Creates or updates a draft with its items (in the order given). The period is never shorter than
 * the minimum; each household must be at the kind's step, in the notice's village and on no other
 * open notice of the kind. Only drafts can be edited. Sets @notice->id on creation. */
gboolean bf_store_notice_save (BfStore *self, BfNotice *notice, GError **error);
BfNotice *bf_store_notice_get (BfStore *self, gint64 id, GError **error);
/* Soft delete; drafts only. */
gboolean bf_store_notice_delete (BfStore *self, gint64 id, GError **error);
/* draft -> posted on @posted_on (NULL: today), moving every household on it into the notice
 * status through the lifecycle; one transaction. Refused after the period's first day. */
gboolean bf_store_notice_post (BfStore *self, gint64 id, const char *posted_on, GError **error);
/* posted -> closed on @closed_on (NULL: today). Refused, with the reason, while the period runs
 * (on or before ends_on) or an objection is pending. */
gboolean bf_store_notice_close (BfStore *self, gint64 id, const char *closed_on, GError **error);

typedef struct
{
  const char *kind;  /* NULL: any */
  const char *state; /* NULL: any */
  gint64 village_id; /* 0: any; -1: township-wide notices only */
  const char *text;  /* in the title; NULL: any */
} BfNoticeQuery;

/* Notices newest first (by start date), with their counts, without items. */
GPtrArray *bf_store_list_notices (BfStore *self, const BfNoticeQuery *query, GError **error);

/* ---------------------------------------------------------------------------------------------
 * Objections (异议)
 */

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  gint64 notice_id;
  gint64 household_id;
  char *household_number; /* filled on read */
  char *head_name;        /* filled on read */
  char *received_on;
  char *complainant; /* optional, protected: shown to the caseworker only, never printed */
  char *content;
  char *verification;
  char *result;      /* objection_result code: pending, upheld, dismissed */
  char *consequence; /* upheld: "reject" or "return"; NULL otherwise */
  char *decided_on;
} BfObjection;

BfObjection *bf_objection_new (void);
void bf_objection_free (BfObjection *objection);

/* Records a new objection (on a posted notice, about a household still on it) or updates a
 * pending one's received date, complainant, content and verification. */
gboolean bf_store_objection_save (BfStore *self, BfObjection *objection, GError **error);
BfObjection *bf_store_objection_get (BfStore *self, gint64 id, GError **error);
/* Objections of a notice (0: of every notice), oldest first. */
GPtrArray *bf_store_list_objections (BfStore *self, gint64 notice_id, GError **error);

typedef enum
{
  BF_OBJECTION_DISMISS,
  BF_OBJECTION_UPHOLD_REJECT, /* the household is not included (未纳入) */
  BF_OBJECTION_UPHOLD_RETURN, /* the household goes back for re-verification (入户核查) or, on an
                                 exit notice, back under assistance */
  BF_OBJECTION_UPHOLD,        /* county announcements only: the household leaves the 公告 and the
                                 county's approval is corrected by a dynamic adjustment */
} BfObjectionDecision;

/* Decides a pending objection on @decided_on (NULL: today) with the verification's findings.
 * Upholding takes the household off the notice (removed_on, removed_reason = @reason) and rejects
 * it or sends it back through the lifecycle, step by step, with @reason; one transaction. */
gboolean bf_store_objection_decide (BfStore *self,
                                    gint64 id,
                                    BfObjectionDecision decision,
                                    const char *decided_on,
                                    const char *verification,
                                    const char *reason,
                                    GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfAppraisalVote, bf_appraisal_vote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfMeeting, bf_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfNoticeItem, bf_notice_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfNotice, bf_notice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfObjection, bf_objection_free)

G_END_DECLS
