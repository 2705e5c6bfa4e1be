/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-store-exit-checks-private.h"
#include "bf-store-workflow-private.h"
#include "bf-store-workflow.h"

/* The records a workflow event may point to (workflow_events.ref_kind). */
static const char *const ref_kinds[] = {
  "survey", "meeting", "notice", "review", "acceptance", "adjustment", NULL,
};

/* The notice kind a household in @status is on, NULL when @status is not a notice status. */
static const char *
notice_kind_for (BfStatus status)
{
  switch (status)
    {
      case BF_STATUS_VILLAGE_NOTICE:
        return "village_identification";
      case BF_STATUS_TOWNSHIP_NOTICE:
        return "township";
      case BF_STATUS_EXIT_NOTICE:
        return "exit";
      default:
        return NULL;
    }
}

typedef struct
{
  char *uuid;
  char *status;
  char *status_since;
  char *first_identified_on;
} HouseholdState;

static void
household_state_clear (HouseholdState *state)
{
  g_free (state->uuid);
  g_free (state->status);
  g_free (state->status_since);
  g_free (state->first_identified_on);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HouseholdState, household_state_clear)

static gboolean
load_household (BfStore *self, gint64 id, HouseholdState *state, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (
    self,
    "SELECT uuid, status, status_since, first_identified_on FROM households WHERE id = ? AND "
    "deleted_at IS NULL",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("The household does not exist or was deleted."));
      return FALSE;
    }
  state->uuid = _bf_column_dup (stmt, 0);
  state->status = _bf_column_dup (stmt, 1);
  state->status_since = _bf_column_dup (stmt, 2);
  state->first_identified_on = _bf_column_dup (stmt, 3);
  return TRUE;
}

/* Fills the notice facts of @ctx from the notice of @kind the household is on: @notice_id when
 * given (the household must be on it), else its latest one. No notice leaves the facts unset,
 * which the lifecycle refuses as "not posted". */
static gboolean
load_notice (BfStore *self,
             gint64 household_id,
             const char *kind,
             gint64 *notice_id,
             BfLifecycleContext *ctx,
             GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (BfCachedStmt) objections = NULL;
  g_autofree char *ends = NULL;
  int rc;

  stmt = _bf_store_prepare (
    self,
    "SELECT n.id, n.state, n.ends_on FROM notices n JOIN notice_items i ON i.notice_id = n.id "
    "WHERE i.household_id = ?1 AND n.kind = ?2 AND (?3 = 0 OR n.id = ?3) AND n.deleted_at IS "
    "NULL AND i.deleted_at IS NULL AND i.removed_on IS NULL ORDER BY n.starts_on DESC, n.id DESC "
    "LIMIT 1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  _bf_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, *notice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      if (*notice_id != 0)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("The household is not on the chosen notice."));
          return FALSE;
        }
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the notice"));
      return FALSE;
    }
  *notice_id = sqlite3_column_int64 (stmt, 0);
  ctx->notice_posted = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "posted") == 0;
  ctx->notice_closed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "closed") == 0;
  ends = _bf_column_dup (stmt, 2);
  if (!bf_date_parse (ends, &ctx->notice_ends, NULL))
    g_date_clear (&ctx->notice_ends, 1);

  objections = _bf_store_prepare (self,
                                  "SELECT count(*) FROM objections WHERE notice_id = ? AND "
                                  "household_id = ? AND result = 'pending' AND deleted_at IS NULL",
                                  error);
  if (objections == NULL)
    return FALSE;
  sqlite3_bind_int64 (objections, 1, *notice_id);
  sqlite3_bind_int64 (objections, 2, household_id);
  if (sqlite3_step (objections) != SQLITE_ROW)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the objections"));
      return FALSE;
    }
  ctx->open_objections = (guint) sqlite3_column_int64 (objections, 0);
  return TRUE;
}

static gboolean
validate_facts (const BfTransitionFacts *facts, GDate *event_date, GError **error)
{
  GDate today;

  bf_date_today (&today);
  if (facts->event_date == NULL)
    *event_date = today;
  else if (!bf_date_parse (facts->event_date, event_date, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The date “%s” is not a date (YYYY-MM-DD)."), facts->event_date);
      return FALSE;
    }
  if (g_date_compare (event_date, &today) > 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The date %s is in the future."), facts->event_date);
      return FALSE;
    }
  if (facts->ref_kind != NULL && !g_strv_contains (ref_kinds, facts->ref_kind))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("“%s” is not a kind of record a step can refer to."), facts->ref_kind);
      return FALSE;
    }
  if (facts->ref_kind != NULL && !_bf_is_blank (facts->reviewer))
    {
      g_set_error_literal (
        error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
        _ ("A step with a review refers to that review, not to another record."));
      return FALSE;
    }
  return TRUE;
}

static const char *
review_decision (BfAction action)
{
  switch (action)
    {
      case BF_ACTION_REJECT:
        return "reject";
      case BF_ACTION_SEND_BACK:
        return "return";
      default:
        return "approve";
    }
}

/* The reviews row of a step that decides a review; returns its id or 0. */
static gint64
insert_review (BfStore *self,
               gint64 household_id,
               BfStatus from,
               BfAction action,
               gboolean township_notice_enabled,
               const char *date,
               const BfTransitionFacts *facts,
               GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *reviewer = g_strstrip (g_strdup (facts->reviewer));
  const char *opinion = !_bf_is_blank (facts->opinion) ? facts->opinion : NULL;
  const char *document = !_bf_is_blank (facts->document_number) ? facts->document_number : NULL;
  gboolean exit;
  BfReviewLevel level = bf_lifecycle_review (from, action, township_notice_enabled, &exit);
  const char *purpose = exit ? "exit" : "identification";
  JsonObject *changes;
  gint64 id;

  if (level == BF_REVIEW_NONE)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("“%s” decides no review here: no reviewer can be recorded for it."),
                   bf_action_label (action));
      return 0;
    }
  stmt = _bf_store_prepare (self,
                            "INSERT INTO reviews (uuid, household_id, level, purpose, reviewer, "
                            "decided_on, decision, opinion, document_number, created_at, "
                            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                            error);
  if (stmt == NULL)
    return 0;
  uuid = _bf_uuid_new ();
  now = _bf_now_iso ();
  _bf_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, household_id);
  _bf_bind_text (stmt, 3, bf_review_level_code (level));
  _bf_bind_text (stmt, 4, purpose);
  _bf_bind_text (stmt, 5, reviewer);
  _bf_bind_text (stmt, 6, date);
  _bf_bind_text (stmt, 7, review_decision (action));
  _bf_bind_text (stmt, 8, opinion);
  _bf_bind_text (stmt, 9, document);
  _bf_bind_text (stmt, 10, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot record the review"));
      return 0;
    }
  /* Before the audit entry's insert replaces it. */
  id = sqlite3_last_insert_rowid (_bf_store_db (self));

  changes = json_object_new ();
  _bf_changes_add_int (changes, "household_id", 0, household_id);
  _bf_changes_add (changes, "level", NULL, bf_review_level_code (level));
  _bf_changes_add (changes, "purpose", NULL, purpose);
  _bf_changes_add (changes, "reviewer", NULL, reviewer);
  _bf_changes_add (changes, "decided_on", NULL, date);
  _bf_changes_add (changes, "decision", NULL, review_decision (action));
  if (opinion != NULL)
    _bf_changes_add (changes, "opinion", NULL, opinion);
  if (document != NULL)
    _bf_changes_add (changes, "document_number", NULL, document);
  if (!_bf_store_audit (self, "create", "reviews", uuid, changes, error))
    return 0;
  return id;
}

static gint64
insert_event (BfStore *self,
              gint64 household_id,
              BfAction action,
              const char *from,
              const char *to,
              const char *date,
              const BfTransitionFacts *facts,
              const char *ref_kind,
              gint64 ref_id,
              GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *uuid = _bf_uuid_new ();
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;

  stmt = _bf_store_prepare (self,
                            "INSERT INTO workflow_events (uuid, household_id, action, from_status, "
                            "to_status, event_date, operator, reason, ref_kind, ref_id, "
                            "document_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                            "?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return 0;
  _bf_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, household_id);
  _bf_bind_text (stmt, 3, bf_action_code (action));
  _bf_bind_text (stmt, 4, from);
  _bf_bind_text (stmt, 5, to);
  _bf_bind_text (stmt, 6, date);
  _bf_bind_text (stmt, 7, bf_store_get_operator (self));
  _bf_bind_text (stmt, 8, !_bf_is_blank (facts->reason) ? facts->reason : NULL);
  _bf_bind_text (stmt, 9, ref_kind);
  if (ref_id != 0)
    sqlite3_bind_int64 (stmt, 10, ref_id);
  _bf_bind_text (stmt, 11, !_bf_is_blank (facts->document_number) ? facts->document_number : NULL);
  _bf_bind_text (stmt, 12, now);
  _bf_bind_text (stmt, 13, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot record the step"));
      return 0;
    }

  changes = json_object_new ();
  _bf_changes_add_int (changes, "household_id", 0, household_id);
  _bf_changes_add (changes, "action", NULL, bf_action_code (action));
  _bf_changes_add (changes, "from_status", NULL, from);
  _bf_changes_add (changes, "to_status", NULL, to);
  _bf_changes_add (changes, "event_date", NULL, date);
  if (!_bf_is_blank (facts->reason))
    _bf_changes_add (changes, "reason", NULL, facts->reason);
  if (ref_kind != NULL)
    {
      _bf_changes_add (changes, "ref_kind", NULL, ref_kind);
      _bf_changes_add_int (changes, "ref_id", 0, ref_id);
    }
  if (!_bf_is_blank (facts->document_number))
    _bf_changes_add (changes, "document_number", NULL, facts->document_number);
  if (!_bf_store_audit (self, "create", "workflow_events", uuid, changes, error))
    return 0;
  return sqlite3_last_insert_rowid (_bf_store_db (self));
}

static gboolean
update_household (BfStore *self,
                  gint64 household_id,
                  const HouseholdState *state,
                  const char *to,
                  const char *date,
                  gboolean first_identification,
                  GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;

  stmt =
    _bf_store_prepare (self,
                       "UPDATE households SET status = ?1, status_since = ?2, updated_at = ?3, "
                       "first_identified_on = CASE WHEN ?4 THEN ?2 ELSE first_identified_on "
                       "END WHERE id = ?5",
                       error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, to);
  _bf_bind_text (stmt, 2, date);
  _bf_bind_text (stmt, 3, now);
  sqlite3_bind_int (stmt, 4, first_identification);
  sqlite3_bind_int64 (stmt, 5, household_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot record the step"));
      return FALSE;
    }

  changes = json_object_new ();
  _bf_changes_add (changes, "status", state->status, to);
  _bf_changes_add (changes, "status_since", state->status_since, date);
  if (first_identification)
    _bf_changes_add (changes, "first_identified_on", NULL, date);
  return _bf_store_audit (self, "transition", "households", state->uuid, changes, error);
}

static gboolean
township_notice_enabled (BfStore *self)
{
  g_autofree char *value = bf_store_setting_get (self, BF_SETTING_TOWNSHIP_NOTICE);

  return g_strcmp0 (value, "0") != 0;
}

/* Everything is read inside the write transaction: another process cannot change the status
 * between the check and the update. */
gboolean
_bf_store_transition (BfStore *self,
                      gint64 household_id,
                      BfAction action,
                      const BfTransitionFacts *facts,
                      GError **error)
{
  g_auto (HouseholdState) state = { 0 };
  g_autoptr (GError) refusal = NULL;
  g_autofree char *date = NULL;
  BfTransitionFacts no_facts = { 0 };
  BfLifecycleContext ctx;
  BfStatus from, to;
  GDate event_date;
  const char *kind;
  const char *ref_kind;
  gint64 notice_id;
  gint64 ref_id;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (action < BF_N_ACTIONS, FALSE);

  if (facts == NULL)
    facts = &no_facts;
  if (!validate_facts (facts, &event_date, error))
    return FALSE;
  date = bf_date_format (&event_date);

  if (!load_household (self, household_id, &state, error))
    return FALSE;
  if (!bf_status_from_code (state.status, &from))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The household has an unknown status “%s”."), state.status);
      return FALSE;
    }

  bf_lifecycle_context_init (&ctx);
  ctx.township_notice_enabled = township_notice_enabled (self);
  ctx.today = event_date;
  ctx.has_reason = !_bf_is_blank (facts->reason);
  ctx.has_document_number = !_bf_is_blank (facts->document_number);
  notice_id = facts->notice_id;
  kind = notice_kind_for (from);
  if (kind != NULL && !load_notice (self, household_id, kind, &notice_id, &ctx, error))
    return FALSE;

  if (!bf_lifecycle_apply (from, action, &ctx, &to, &refusal))
    {
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED, refusal->message);
      return FALSE;
    }
  /* docs/domain.md §7: only a household passing every exit check is assessed for exit, whoever
   * asks. */
  if (action == BF_ACTION_ASSESS_EXIT && !_bf_exit_require_checks (self, household_id, date, error))
    return FALSE;

  /* A review decision is justified by its review; leaving a notice otherwise by that notice,
   * unless the caller names another record. */
  ref_kind = facts->ref_kind;
  ref_id = facts->ref_id;
  if (!_bf_is_blank (facts->reviewer))
    {
      ref_kind = "review";
      ref_id = insert_review (self, household_id, from, action, ctx.township_notice_enabled, date,
                              facts, error);
      if (ref_id == 0)
        return FALSE;
    }
  else if (ref_kind == NULL && kind != NULL && notice_id != 0)
    {
      ref_kind = "notice";
      ref_id = notice_id;
    }

  return update_household (self, household_id, &state, bf_status_code (to), date,
                           to == BF_STATUS_REGISTERED && state.first_identified_on == NULL,
                           error) &&
         insert_event (self, household_id, action, state.status, bf_status_code (to), date, facts,
                       ref_kind, ref_id, error) != 0;
}

gboolean
bf_store_household_transition (BfStore *self,
                               gint64 household_id,
                               BfAction action,
                               const BfTransitionFacts *facts,
                               GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (action < BF_N_ACTIONS, FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!_bf_store_transition (self, household_id, action, facts, error) ||
      !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
bf_store_events_for (BfStore *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) events = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT id, uuid, household_id, action, from_status, to_status, "
                            "event_date, operator, reason, ref_kind, ref_id, document_number FROM "
                            "workflow_events WHERE household_id = ? AND deleted_at IS NULL ORDER "
                            "BY event_date DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  events = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_event_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfEvent *event = g_new0 (BfEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      event->uuid = _bf_column_dup (stmt, 1);
      event->household_id = sqlite3_column_int64 (stmt, 2);
      event->action = _bf_column_dup (stmt, 3);
      event->from_status = _bf_column_dup (stmt, 4);
      event->to_status = _bf_column_dup (stmt, 5);
      event->event_date = _bf_column_dup (stmt, 6);
      event->operator_name = _bf_column_dup (stmt, 7);
      event->reason = _bf_column_dup (stmt, 8);
      event->ref_kind = _bf_column_dup (stmt, 9);
      event->ref_id = sqlite3_column_int64 (stmt, 10);
      event->document_number = _bf_column_dup (stmt, 11);
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the household’s history"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

BfReview *
bf_store_review_get (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  BfReview *review;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT id, uuid, household_id, level, purpose, reviewer, decided_on, "
                            "decision, opinion, document_number FROM reviews WHERE id = ? AND "
                            "deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("The review does not exist or was deleted."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the review"));
      return NULL;
    }
  review = g_new0 (BfReview, 1);
  review->id = sqlite3_column_int64 (stmt, 0);
  review->uuid = _bf_column_dup (stmt, 1);
  review->household_id = sqlite3_column_int64 (stmt, 2);
  review->level = _bf_column_dup (stmt, 3);
  review->purpose = _bf_column_dup (stmt, 4);
  review->reviewer = _bf_column_dup (stmt, 5);
  review->decided_on = _bf_column_dup (stmt, 6);
  review->decision = _bf_column_dup (stmt, 7);
  review->opinion = _bf_column_dup (stmt, 8);
  review->document_number = _bf_column_dup (stmt, 9);
  return review;
}
