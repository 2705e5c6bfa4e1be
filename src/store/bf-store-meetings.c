/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-store-notices-private.h"
#include "bf-store-workflow.h"

BfAppraisalVote *
bf_appraisal_vote_new (void)
{
  BfAppraisalVote *vote = g_new0 (BfAppraisalVote, 1);

  vote->passed = -1;
  return vote;
}

void
bf_appraisal_vote_free (BfAppraisalVote *vote)
{
  if (vote == NULL)
    return;
  g_free (vote->household_number);
  g_free (vote->head_name);
  g_free (vote->group_name);
  g_free (vote->status);
  g_free (vote);
}

BfMeeting *
bf_meeting_new (void)
{
  BfMeeting *meeting = g_new0 (BfMeeting, 1);

  meeting->entitled = -1;
  meeting->present = -1;
  meeting->votes = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_appraisal_vote_free);
  return meeting;
}

void
bf_meeting_free (BfMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->uuid);
  g_free (meeting->village_name);
  g_free (meeting->held_on);
  g_free (meeting->kind);
  g_free (meeting->host);
  g_free (meeting->minutes);
  g_clear_pointer (&meeting->votes, g_ptr_array_unref);
  g_free (meeting);
}

/* A vote is decided once the meeting's save has moved its household: the workflow event that
 * points at the meeting is the record of it. */
#define VOTE_DECIDED                                                                               \
  "EXISTS (SELECT 1 FROM workflow_events e WHERE e.ref_kind = 'meeting' AND e.ref_id = "           \
  "v.meeting_id AND e.household_id = v.household_id AND e.deleted_at IS NULL)"

#define MEETING_COLUMNS                                                                            \
  "m.id, m.uuid, m.village_id, vi.name, m.held_on, m.kind, m.host, coalesce(m.entitled, -1), "     \
  "coalesce(m.present, -1), m.minutes, (SELECT count(*) FROM appraisal_votes v WHERE "             \
  "v.meeting_id = m.id AND v.deleted_at IS NULL AND v.passed = 1), (SELECT count(*) FROM "         \
  "appraisal_votes v WHERE v.meeting_id = m.id AND v.deleted_at IS NULL AND v.passed = 0), "       \
  "(SELECT count(*) FROM appraisal_votes v WHERE v.meeting_id = m.id AND v.deleted_at IS NULL "    \
  "AND v.passed IS NULL)"

static BfMeeting *
read_meeting (sqlite3_stmt *stmt)
{
  BfMeeting *meeting = bf_meeting_new ();

  g_clear_pointer (&meeting->votes, g_ptr_array_unref);
  meeting->id = sqlite3_column_int64 (stmt, 0);
  meeting->uuid = _bf_column_dup (stmt, 1);
  meeting->village_id = sqlite3_column_int64 (stmt, 2);
  meeting->village_name = _bf_column_dup (stmt, 3);
  meeting->held_on = _bf_column_dup (stmt, 4);
  meeting->kind = _bf_column_dup (stmt, 5);
  meeting->host = _bf_column_dup (stmt, 6);
  meeting->entitled = sqlite3_column_int (stmt, 7);
  meeting->present = sqlite3_column_int (stmt, 8);
  meeting->minutes = _bf_column_dup (stmt, 9);
  meeting->n_passed = (guint) sqlite3_column_int64 (stmt, 10);
  meeting->n_failed = (guint) sqlite3_column_int64 (stmt, 11);
  meeting->n_pending = (guint) sqlite3_column_int64 (stmt, 12);
  return meeting;
}

static BfAppraisalVote *
read_vote (sqlite3_stmt *stmt)
{
  BfAppraisalVote *vote = bf_appraisal_vote_new ();

  vote->id = sqlite3_column_int64 (stmt, 0);
  vote->household_id = sqlite3_column_int64 (stmt, 1);
  vote->household_number = _bf_column_dup (stmt, 2);
  vote->head_name = _bf_column_dup (stmt, 3);
  vote->group_name = _bf_column_dup (stmt, 4);
  vote->member_count = sqlite3_column_int (stmt, 5);
  vote->status = _bf_column_dup (stmt, 6);
  vote->votes_for = sqlite3_column_int (stmt, 7);
  vote->votes_against = sqlite3_column_int (stmt, 8);
  vote->abstentions = sqlite3_column_int (stmt, 9);
  vote->passed = sqlite3_column_int (stmt, 10);
  vote->decided = sqlite3_column_int (stmt, 11) != 0;
  return vote;
}

static gboolean
read_votes (BfStore *self, BfMeeting *meeting, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  stmt = _bf_store_prepare (
    self,
    "SELECT v.id, v.household_id, h.number, h.head_name, g.name, h.member_count, h.status, "
    "v.votes_for, v.votes_against, v.abstentions, coalesce(v.passed, -1), " VOTE_DECIDED
    " FROM appraisal_votes v JOIN households h ON h.id = v.household_id LEFT JOIN village_groups "
    "g ON g.id = h.group_id WHERE v.meeting_id = ? AND v.deleted_at IS NULL ORDER BY g.sort_order, "
    "h.number",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->id);
  g_clear_pointer (&meeting->votes, g_ptr_array_unref);
  meeting->votes = _bf_rows_read (self, stmt, (BfRowRead) read_vote,
                                  (GDestroyNotify) bf_appraisal_vote_free, error);
  return meeting->votes != NULL;
}

static BfMeeting *
load_meeting (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (BfMeeting) meeting = NULL;

  stmt = _bf_store_prepare (self,
                            "SELECT " MEETING_COLUMNS " FROM appraisal_meetings m JOIN villages vi "
                            "ON vi.id = m.village_id WHERE m.id = ? AND m.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  meeting = _bf_row_read_one (self, stmt, (BfRowRead) read_meeting,
                              _ ("The meeting does not exist or was deleted."), error);
  sqlite3_reset (stmt);
  if (meeting == NULL || !read_votes (self, meeting, error))
    return NULL;
  return g_steal_pointer (&meeting);
}

BfMeeting *
bf_store_meeting_get (BfStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  return load_meeting (self, id, error);
}

GPtrArray *
bf_store_list_meetings (BfStore *self, gint64 village_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT " MEETING_COLUMNS " FROM appraisal_meetings m JOIN villages vi "
                            "ON vi.id = m.village_id WHERE m.deleted_at IS NULL AND (?1 = 0 OR "
                            "m.village_id = ?1) ORDER BY m.held_on DESC, m.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, village_id);
  return _bf_rows_read (self, stmt, (BfRowRead) read_meeting, (GDestroyNotify) bf_meeting_free,
                        error);
}

/* Verified households of the village on no meeting still awaiting their result. */
#define WAITING_WHERE                                                                              \
  "h.deleted_at IS NULL AND h.status = 'verified' AND h.village_id = ?1 AND NOT EXISTS (SELECT "   \
  "1 FROM appraisal_votes v JOIN appraisal_meetings am ON am.id = v.meeting_id WHERE "             \
  "v.household_id = h.id AND v.meeting_id <> ?2 AND v.deleted_at IS NULL AND am.deleted_at IS "    \
  "NULL AND NOT " VOTE_DECIDED ")"

static BfHouseholdRow *
read_household_row (sqlite3_stmt *stmt)
{
  BfHouseholdRow *row = g_new0 (BfHouseholdRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->uuid = _bf_column_dup (stmt, 1);
  row->number = _bf_column_dup (stmt, 2);
  row->head_name = _bf_column_dup (stmt, 3);
  row->village_name = _bf_column_dup (stmt, 4);
  row->group_name = _bf_column_dup (stmt, 5);
  row->member_count = sqlite3_column_int (stmt, 6);
  row->attribute = _bf_column_dup (stmt, 7);
  row->monitoring_type = _bf_column_dup (stmt, 8);
  row->primary_cause = _bf_column_dup (stmt, 9);
  row->status = _bf_column_dup (stmt, 10);
  row->per_capita_fen =
    sqlite3_column_type (stmt, 11) == SQLITE_NULL ? G_MININT64 : sqlite3_column_int64 (stmt, 11);
  row->updated_at = _bf_column_dup (stmt, 12);
  return row;
}

GPtrArray *
bf_store_meeting_waiting (BfStore *self, gint64 village_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (
    self,
    "SELECT h.id, h.uuid, h.number, h.head_name, vi.name, g.name, h.member_count, h.attribute, "
    "h.monitoring_type, h.primary_cause, h.status, h.per_capita_fen, h.updated_at FROM "
    "households h JOIN villages vi ON vi.id = h.village_id LEFT JOIN village_groups g ON g.id = "
    "h.group_id WHERE " WAITING_WHERE " ORDER BY g.sort_order, h.number",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, village_id);
  sqlite3_bind_int64 (stmt, 2, 0);
  return _bf_rows_read (self, stmt, (BfRowRead) read_household_row,
                        (GDestroyNotify) bf_household_row_free, error);
}

/* ---------------------------------------------------------------------------------------------
 * Saving
 */

static gboolean
validate_meeting (BfMeeting *meeting, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GDate held;

  if (!_bf_past_date (meeting->held_on ? meeting->held_on : "", _ ("The meeting date"), &held, NULL,
                      error))
    return FALSE;
  if (!bf_code_is_valid (BF_CODES_MEETING_KIND, meeting->kind))
    {
      g_set_error (
        error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
        _ ("Choose whether it was a villagers’ assembly or a representatives’ meeting."));
      return FALSE;
    }
  if (meeting->entitled < -1 || meeting->present < -1)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Attendance cannot be negative."));
      return FALSE;
    }
  if (meeting->entitled >= 0 && meeting->present > meeting->entitled)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("%d attended but only %d were entitled to attend."), meeting->present,
                   meeting->entitled);
      return FALSE;
    }
  if (_bf_is_blank (meeting->host))
    g_clear_pointer (&meeting->host, g_free);
  if (_bf_is_blank (meeting->minutes))
    g_clear_pointer (&meeting->minutes, g_free);

  for (guint i = 0; i < meeting->votes->len; i++)
    {
      BfAppraisalVote *vote = g_ptr_array_index (meeting->votes, i);
      const char *message = NULL;

      if (!g_hash_table_add (seen, &vote->household_id))
        message = _ ("it is on the meeting twice.");
      else if (vote->votes_for < 0 || vote->votes_against < 0 || vote->abstentions < 0)
        message = _ ("votes cannot be negative.");
      else if (meeting->present >= 0 &&
               (gint64) vote->votes_for + vote->votes_against + vote->abstentions >
                 meeting->present)
        message = _ ("more votes than people present.");
      else if (vote->passed < -1 || vote->passed > 1)
        message = _ ("the result is neither passed nor failed.");
      if (message != NULL)
        {
          _bf_notices_household_error (error, vote->household_number, vote->head_name, message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_meeting (BfStore *self,
               BfMeeting *meeting,
               const BfMeeting *before,
               const char *now,
               GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  JsonObject *changes;

  if (before == NULL)
    {
      g_clear_pointer (&meeting->uuid, g_free);
      meeting->uuid = _bf_uuid_new ();
    }
  stmt = _bf_store_prepare (
    self,
    before == NULL
      ? "INSERT INTO appraisal_meetings (village_id, held_on, kind, host, entitled, present, "
        "minutes, uuid, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"
      : "UPDATE appraisal_meetings SET village_id = ?1, held_on = ?2, kind = ?3, host = ?4, "
        "entitled = ?5, present = ?6, minutes = ?7, updated_at = ?9 WHERE uuid = ?8",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->village_id);
  _bf_bind_text (stmt, 2, meeting->held_on);
  _bf_bind_text (stmt, 3, meeting->kind);
  _bf_bind_text (stmt, 4, meeting->host);
  if (meeting->entitled >= 0)
    sqlite3_bind_int (stmt, 5, meeting->entitled);
  if (meeting->present >= 0)
    sqlite3_bind_int (stmt, 6, meeting->present);
  _bf_bind_text (stmt, 7, meeting->minutes);
  _bf_bind_text (stmt, 8, before ? before->uuid : meeting->uuid);
  _bf_bind_text (stmt, 9, now);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the meeting"), error))
    return FALSE;
  if (before == NULL)
    meeting->id = sqlite3_last_insert_rowid (_bf_store_db (self));
  else
    {
      g_free (meeting->uuid);
      meeting->uuid = g_strdup (before->uuid);
    }

  changes = json_object_new ();
  _bf_changes_diff_int (changes, "village_id", before ? before->village_id : 0,
                        meeting->village_id);
  _bf_changes_diff (changes, "held_on", before ? before->held_on : NULL, meeting->held_on);
  _bf_changes_diff (changes, "kind", before ? before->kind : NULL, meeting->kind);
  _bf_changes_diff (changes, "host", before ? before->host : NULL, meeting->host);
  _bf_changes_diff_int (changes, "entitled", before ? before->entitled : -1, meeting->entitled);
  _bf_changes_diff_int (changes, "present", before ? before->present : -1, meeting->present);
  _bf_changes_diff (changes, "minutes", before ? before->minutes : NULL, meeting->minutes);
  return _bf_store_audit (self, before ? "update" : "create", "appraisal_meetings", meeting->uuid,
                          changes, error);
}

/* Whether @household_id may join meeting @meeting: it waits for appraisal in its village. */
static gboolean
check_waiting (BfStore *self, const BfMeeting *meeting, const BfAppraisalVote *vote, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (BfCachedStmt) who = NULL;
  const char *message;

  stmt = _bf_store_prepare (self, "SELECT 1 FROM households h WHERE h.id = ?3 AND " WAITING_WHERE,
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->village_id);
  sqlite3_bind_int64 (stmt, 2, meeting->id);
  sqlite3_bind_int64 (stmt, 3, vote->household_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  who = _bf_store_prepare (self,
                           "SELECT number, head_name, status, village_id FROM households WHERE id "
                           "= ? AND deleted_at IS NULL",
                           error);
  if (who == NULL)
    return FALSE;
  sqlite3_bind_int64 (who, 1, vote->household_id);
  if (!_bf_step_row (self, who, _ ("A household of the meeting does not exist or was deleted."),
                     error))
    return FALSE;
  if (g_strcmp0 ((const char *) sqlite3_column_text (who, 2), "verified") != 0)
    message = _ ("it is not waiting for appraisal (it must be verified first).");
  else if (sqlite3_column_int64 (who, 3) != meeting->village_id)
    message = _ ("it is in another village.");
  else
    message = _ ("it is on another meeting that has not decided it yet.");
  _bf_notices_household_error (error, (const char *) sqlite3_column_text (who, 0),
                               (const char *) sqlite3_column_text (who, 1), message);
  return FALSE;
}

static gboolean
write_vote (BfStore *self,
            const BfMeeting *meeting,
            BfAppraisalVote *vote,
            const BfAppraisalVote *before,
            const char *now,
            GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *changes;

  if (before != NULL)
    {
      if (before->votes_for == vote->votes_for && before->votes_against == vote->votes_against &&
          before->abstentions == vote->abstentions && before->passed == vote->passed)
        return TRUE;
      uuid = _bf_uuid_of (self, "appraisal_votes", before->id);
    }
  else
    uuid = _bf_uuid_new ();

  stmt = _bf_store_prepare (
    self,
    before == NULL
      ? "INSERT INTO appraisal_votes (meeting_id, household_id, votes_for, votes_against, "
        "abstentions, passed, uuid, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8, ?8)"
      : "UPDATE appraisal_votes SET votes_for = ?3, votes_against = ?4, abstentions = ?5, passed "
        "= ?6, updated_at = ?8 WHERE uuid = ?7 AND meeting_id = ?1 AND household_id = ?2",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->id);
  sqlite3_bind_int64 (stmt, 2, vote->household_id);
  sqlite3_bind_int (stmt, 3, vote->votes_for);
  sqlite3_bind_int (stmt, 4, vote->votes_against);
  sqlite3_bind_int (stmt, 5, vote->abstentions);
  if (vote->passed >= 0)
    sqlite3_bind_int (stmt, 6, vote->passed);
  _bf_bind_text (stmt, 7, uuid);
  _bf_bind_text (stmt, 8, now);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the votes"), error))
    return FALSE;
  vote->id = before ? before->id : sqlite3_last_insert_rowid (_bf_store_db (self));

  changes = json_object_new ();
  if (before == NULL)
    {
      _bf_changes_add_int (changes, "meeting_id", 0, meeting->id);
      _bf_changes_add_int (changes, "household_id", 0, vote->household_id);
    }
  _bf_changes_diff_int (changes, "votes_for", before ? before->votes_for : 0, vote->votes_for);
  _bf_changes_diff_int (changes, "votes_against", before ? before->votes_against : 0,
                        vote->votes_against);
  _bf_changes_diff_int (changes, "abstentions", before ? before->abstentions : 0,
                        vote->abstentions);
  _bf_changes_diff_int (changes, "passed", before ? before->passed : -1, vote->passed);
  return _bf_store_audit (self, before ? "update" : "create", "appraisal_votes", uuid, changes,
                          error);
}

static gboolean
delete_vote (BfStore *self, const BfAppraisalVote *vote, const char *now, GError **error)
{
  if (vote->decided)
    {
      _bf_notices_household_error (error, vote->household_number, vote->head_name,
                                   _ ("its result was saved: it stays on the meeting."));
      return FALSE;
    }
  return _bf_soft_delete (self, "appraisal_votes", vote->id, NULL, now, error);
}

static const BfAppraisalVote *
find_vote (const BfMeeting *meeting, gint64 household_id)
{
  if (meeting == NULL)
    return NULL;
  for (guint i = 0; i < meeting->votes->len; i++)
    {
      const BfAppraisalVote *vote = g_ptr_array_index (meeting->votes, i);

      if (vote->household_id == household_id)
        return vote;
    }
  return NULL;
}

/* Moves the household of a vote with a result: passed on to appraised, failed to rejected. */
static gboolean
decide_vote (BfStore *self, const BfMeeting *meeting, const BfAppraisalVote *vote, GError **error)
{
  BfTransitionFacts facts = { 0 };
  g_autofree char *reason = NULL;

  facts.event_date = meeting->held_on;
  facts.ref_kind = "meeting";
  facts.ref_id = meeting->id;
  if (vote->passed == 1)
    return _bf_notices_transition (self, vote->household_id, BF_ACTION_APPRAISE, &facts, error);
  reason =
    g_strdup_printf (_ ("Not passed by the democratic appraisal of %s (for %d, against "
                        "%d, abstaining %d)."),
                     meeting->held_on, vote->votes_for, vote->votes_against, vote->abstentions);
  facts.reason = reason;
  return _bf_notices_transition (self, vote->household_id, BF_ACTION_REJECT, &facts, error);
}

static gboolean
save_votes (BfStore *self,
            BfMeeting *meeting,
            const BfMeeting *before,
            const char *now,
            GError **error)
{
  for (guint i = 0; i < meeting->votes->len; i++)
    {
      BfAppraisalVote *vote = g_ptr_array_index (meeting->votes, i);
      const BfAppraisalVote *old = find_vote (before, vote->household_id);

      if (old != NULL && old->decided &&
          (old->votes_for != vote->votes_for || old->votes_against != vote->votes_against ||
           old->abstentions != vote->abstentions || old->passed != vote->passed))
        {
          _bf_notices_household_error (error, old->household_number, old->head_name,
                                       _ ("its result was saved and cannot change."));
          return FALSE;
        }
      if (old == NULL && !check_waiting (self, meeting, vote, error))
        return FALSE;
      if (!write_vote (self, meeting, vote, old, now, error))
        return FALSE;
      if (vote->passed >= 0 && (old == NULL || !old->decided) &&
          !decide_vote (self, meeting, vote, error))
        return FALSE;
    }
  for (guint i = 0; before != NULL && i < before->votes->len; i++)
    {
      const BfAppraisalVote *old = g_ptr_array_index (before->votes, i);

      if (find_vote (meeting, old->household_id) == NULL && !delete_vote (self, old, now, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_meeting_save (BfStore *self, BfMeeting *meeting, GError **error)
{
  g_autoptr (BfMeeting) before = NULL;
  g_autofree char *now = _bf_now_iso ();
  gint64 id_before;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL && meeting->votes != NULL, FALSE);

  if (!validate_meeting (meeting, error))
    return FALSE;

  id_before = meeting->id;
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!_bf_village_exists (self, meeting->village_id, error))
    goto fail;
  if (meeting->id != 0)
    {
      before = load_meeting (self, meeting->id, error);
      if (before == NULL)
        goto fail;
      if (before->village_id != meeting->village_id && before->votes->len > 0)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("The meeting already has households of its village: it cannot move to "
                          "another village."));
          goto fail;
        }
    }
  if (!write_meeting (self, meeting, before, now, error) ||
      !save_votes (self, meeting, before, now, error) || !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  meeting->id = id_before;
  return FALSE;
}

gboolean
bf_store_meeting_delete (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfMeeting) meeting = NULL;
  g_autofree char *now = _bf_now_iso ();

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  meeting = load_meeting (self, id, error);
  if (meeting == NULL)
    goto fail;
  for (guint i = 0; i < meeting->votes->len; i++)
    if (!delete_vote (self, g_ptr_array_index (meeting->votes, i), now, error))
      goto fail;
  if (!_bf_soft_delete (self, "appraisal_meetings", id, NULL, now, error) ||
      !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}
