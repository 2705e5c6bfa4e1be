/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-store-notices-private.h"
#include "bf-store-workflow.h"

#define OBJECTION_COLUMNS                                                                          \
  "o.id, o.uuid, o.notice_id, o.household_id, h.number, h.head_name, o.received_on, "              \
  "o.complainant, o.content, o.verification, o.result, o.consequence, o.decided_on"

static BfObjection *
read_objection (sqlite3_stmt *stmt)
{
  BfObjection *objection = bf_objection_new ();

  objection->id = sqlite3_column_int64 (stmt, 0);
  objection->uuid = _bf_column_dup (stmt, 1);
  objection->notice_id = sqlite3_column_int64 (stmt, 2);
  objection->household_id = sqlite3_column_int64 (stmt, 3);
  objection->household_number = _bf_column_dup (stmt, 4);
  objection->head_name = _bf_column_dup (stmt, 5);
  objection->received_on = _bf_column_dup (stmt, 6);
  objection->complainant = _bf_column_dup (stmt, 7);
  objection->content = _bf_column_dup (stmt, 8);
  objection->verification = _bf_column_dup (stmt, 9);
  objection->result = _bf_column_dup (stmt, 10);
  objection->consequence = _bf_column_dup (stmt, 11);
  objection->decided_on = _bf_column_dup (stmt, 12);
  return objection;
}

BfObjection *
bf_store_objection_get (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT " OBJECTION_COLUMNS " FROM objections o JOIN households h ON "
                            "h.id = o.household_id WHERE o.id = ? AND o.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return _bf_row_read_one (self, stmt, (BfRowRead) read_objection,
                           _ ("The objection does not exist or was deleted."), error);
}

GPtrArray *
bf_store_list_objections (BfStore *self, gint64 notice_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT " OBJECTION_COLUMNS " FROM objections o JOIN households h ON "
                            "h.id = o.household_id WHERE (?1 = 0 OR o.notice_id = ?1) AND "
                            "o.deleted_at IS NULL ORDER BY o.received_on, o.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  return _bf_rows_read (self, stmt, (BfRowRead) read_objection, (GDestroyNotify) bf_objection_free,
                        error);
}

/* The notice's item for @household_id that is still on it, or NULL with @error set. */
static BfNoticeItem *
live_item (BfNotice *notice, gint64 household_id, GError **error)
{
  for (guint i = 0; i < notice->items->len; i++)
    {
      BfNoticeItem *item = g_ptr_array_index (notice->items, i);

      if (item->household_id == household_id && item->removed_on == NULL)
        return item;
    }
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
               _ ("The household is not on this notice."));
  return NULL;
}

static gboolean
validate_new (BfStore *self, const BfObjection *objection, BfNotice **notice_out, GError **error)
{
  g_autoptr (BfNotice) notice = NULL;
  GDate received, posted;

  notice = _bf_notices_load_row (self, objection->notice_id, error);
  if (notice == NULL || !_bf_notices_read_items (self, notice, error))
    return FALSE;
  if (g_strcmp0 (notice->state, "posted") != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   g_strcmp0 (notice->state, "draft") == 0
                     ? _ ("The notice has not been posted yet: objections come once it is up.")
                     : _ ("The notice is closed: it takes no more objections."));
      return FALSE;
    }
  if (live_item (notice, objection->household_id, error) == NULL)
    return FALSE;
  if (!_bf_past_date (objection->received_on, _ ("The date received"), &received, NULL, error))
    return FALSE;
  if (bf_date_parse (notice->posted_on, &posted, NULL) && g_date_compare (&received, &posted) < 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The objection cannot be received before the notice was posted (%s)."),
                   notice->posted_on);
      return FALSE;
    }
  *notice_out = g_steal_pointer (&notice);
  return TRUE;
}

static gboolean
insert_objection (BfStore *self, BfObjection *objection, const char *now, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  JsonObject *changes;

  g_clear_pointer (&objection->uuid, g_free);
  objection->uuid = _bf_uuid_new ();
  stmt = _bf_store_prepare (self,
                            "INSERT INTO objections (uuid, notice_id, household_id, received_on, "
                            "complainant, content, verification, result, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, objection->uuid);
  sqlite3_bind_int64 (stmt, 2, objection->notice_id);
  sqlite3_bind_int64 (stmt, 3, objection->household_id);
  _bf_bind_text (stmt, 4, objection->received_on);
  _bf_bind_text (stmt, 5, objection->complainant);
  _bf_bind_text (stmt, 6, objection->content);
  _bf_bind_text (stmt, 7, objection->verification);
  _bf_bind_text (stmt, 8, now);
  _bf_bind_text (stmt, 9, now);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the objection"), error))
    return FALSE;
  objection->id = sqlite3_last_insert_rowid (_bf_store_db (self));
  changes = json_object_new ();
  _bf_changes_add_int (changes, "notice_id", 0, objection->notice_id);
  _bf_changes_add_int (changes, "household_id", 0, objection->household_id);
  _bf_changes_add (changes, "received_on", NULL, objection->received_on);
  /* The complainant is protected: the audit trail records that one was named, not who. */
  if (objection->complainant != NULL)
    _bf_changes_add (changes, "complainant", NULL, "*");
  _bf_changes_add (changes, "content", NULL, objection->content);
  if (objection->verification != NULL)
    _bf_changes_add (changes, "verification", NULL, objection->verification);
  return _bf_store_audit (self, "create", "objections", objection->uuid, changes, error);
}

static gboolean
update_objection (BfStore *self, BfObjection *objection, const char *now, GError **error)
{
  g_autoptr (BfObjection) before = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;
  JsonObject *changes;
  GDate received;

  before = bf_store_objection_get (self, objection->id, error);
  if (before == NULL)
    return FALSE;
  if (g_strcmp0 (before->result, "pending") != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("The objection was decided on %s and cannot change."),
                   before->decided_on ? before->decided_on : "?");
      return FALSE;
    }
  if (objection->notice_id != before->notice_id || objection->household_id != before->household_id)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("An objection stays with its notice and household."));
      return FALSE;
    }
  if (!_bf_past_date (objection->received_on, _ ("The date received"), &received, NULL, error))
    return FALSE;

  stmt = _bf_store_prepare (self,
                            "UPDATE objections SET received_on = ?, complainant = ?, content = ?, "
                            "verification = ?, updated_at = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, objection->received_on);
  _bf_bind_text (stmt, 2, objection->complainant);
  _bf_bind_text (stmt, 3, objection->content);
  _bf_bind_text (stmt, 4, objection->verification);
  _bf_bind_text (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, objection->id);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the objection"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_changes_diff (changes, "received_on", before->received_on, objection->received_on);
  if (g_strcmp0 (before->complainant, objection->complainant) != 0)
    _bf_changes_add (changes, "complainant", before->complainant ? "*" : NULL,
                     objection->complainant ? "*" : NULL);
  _bf_changes_diff (changes, "content", before->content, objection->content);
  _bf_changes_diff (changes, "verification", before->verification, objection->verification);
  g_free (objection->uuid);
  objection->uuid = g_strdup (before->uuid);
  return _bf_store_audit (self, "update", "objections", before->uuid, changes, error);
}

gboolean
bf_store_objection_save (BfStore *self, BfObjection *objection, GError **error)
{
  g_autoptr (BfNotice) notice = NULL;
  g_autofree char *now = _bf_now_iso ();
  gint64 id_before;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (objection != NULL, FALSE);

  if (_bf_is_blank (objection->content))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Write down what the objection says."));
      return FALSE;
    }
  if (_bf_is_blank (objection->complainant))
    g_clear_pointer (&objection->complainant, g_free);
  if (_bf_is_blank (objection->verification))
    g_clear_pointer (&objection->verification, g_free);
  if (objection->received_on == NULL)
    {
      GDate today;

      bf_date_today (&today);
      objection->received_on = bf_date_format (&today);
    }

  id_before = objection->id;
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (objection->id == 0)
    {
      if (!validate_new (self, objection, &notice, error) ||
          !insert_objection (self, objection, now, error))
        goto fail;
    }
  else if (!update_objection (self, objection, now, error))
    goto fail;
  if (!_bf_store_commit (self, error))
    goto fail;
  g_free (objection->result);
  objection->result = g_strdup ("pending");
  return TRUE;

fail:
  _bf_store_rollback (self);
  objection->id = id_before;
  return FALSE;
}

/* Where "return" sends a household from a notice: back to the household survey for
 * re-verification on identification notices, back under assistance on exit notices. */
static BfStatus
return_target (const char *kind)
{
  return g_strcmp0 (kind, "exit") == 0 ? BF_STATUS_REGISTERED : BF_STATUS_SURVEYED;
}

static gboolean
household_status (BfStore *self, gint64 household_id, BfStatus *status, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  stmt = _bf_store_prepare (self, "SELECT status FROM households WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      !bf_status_from_code ((const char *) sqlite3_column_text (stmt, 0), status))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("The household does not exist or was deleted."));
      return FALSE;
    }
  return TRUE;
}

/* Rejects the household or sends it back step by step, each step through the lifecycle. */
static gboolean
apply_consequence (BfStore *self,
                   const BfNotice *notice,
                   gint64 household_id,
                   BfObjectionDecision decision,
                   const char *date,
                   const char *reason,
                   GError **error)
{
  BfTransitionFacts facts = { 0 };
  BfStatus status, target = return_target (notice->kind);

  facts.event_date = date;
  facts.reason = reason;
  facts.ref_kind = "notice";
  facts.ref_id = notice->id;
  facts.notice_id = notice->id;
  if (decision == BF_OBJECTION_UPHOLD_REJECT)
    return _bf_notices_transition (self, household_id, BF_ACTION_REJECT, &facts, error);

  /* Every identification status is at most six steps from the survey. */
  for (int steps = 0; steps < BF_N_STATUSES; steps++)
    {
      if (!household_status (self, household_id, &status, error))
        return FALSE;
      if (status == target)
        return TRUE;
      if (!_bf_notices_transition (self, household_id, BF_ACTION_SEND_BACK, &facts, error))
        return FALSE;
      facts.notice_id = 0;
    }
  return TRUE;
}

static gboolean
remove_item (BfStore *self,
             const BfNoticeItem *item,
             const char *date,
             const char *reason,
             GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  g_autofree char *uuid = _bf_uuid_of (self, "notice_items", item->id);
  JsonObject *changes;

  stmt = _bf_store_prepare (self,
                            "UPDATE notice_items SET removed_on = ?, removed_reason = ?, "
                            "updated_at = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, date);
  _bf_bind_text (stmt, 2, reason);
  _bf_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, item->id);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot take the household off the notice"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_changes_add (changes, "removed_on", NULL, date);
  _bf_changes_add (changes, "removed_reason", NULL, reason);
  return _bf_store_audit (self, "update", "notice_items", uuid, changes, error);
}

static gboolean
record_decision (BfStore *self,
                 const BfObjection *before,
                 const char *result,
                 const char *consequence,
                 const char *date,
                 const char *verification,
                 GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;

  stmt = _bf_store_prepare (self,
                            "UPDATE objections SET result = ?, consequence = ?, decided_on = ?, "
                            "verification = ?, updated_at = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, result);
  _bf_bind_text (stmt, 2, consequence);
  _bf_bind_text (stmt, 3, date);
  _bf_bind_text (stmt, 4, verification);
  _bf_bind_text (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, before->id);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the objection"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_changes_add (changes, "result", before->result, result);
  if (consequence != NULL)
    _bf_changes_add (changes, "consequence", NULL, consequence);
  _bf_changes_add (changes, "decided_on", NULL, date);
  _bf_changes_diff (changes, "verification", before->verification, verification);
  return _bf_store_audit (self, "update", "objections", before->uuid, changes, error);
}

/* The county decided a 公告's households: the township cannot reject or return them from it. */
static gboolean
check_decision (const BfNotice *notice, BfObjectionDecision decision, GError **error)
{
  gboolean county = g_strcmp0 (notice->kind, "county") == 0;

  if (county && decision != BF_OBJECTION_UPHOLD)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("The county approved this household: uphold the objection without "
                      "rejecting or returning it, and correct the approval with a dynamic "
                      "adjustment."));
      return FALSE;
    }
  if (!county && decision == BF_OBJECTION_UPHOLD)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Choose whether the household is rejected or returned for "
                      "re-verification."));
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_objection_decide (BfStore *self,
                           gint64 id,
                           BfObjectionDecision decision,
                           const char *decided_on,
                           const char *verification,
                           const char *reason,
                           GError **error)
{
  g_autoptr (BfObjection) objection = NULL;
  g_autoptr (BfNotice) notice = NULL;
  g_autofree char *date = NULL;
  const BfNoticeItem *item;
  const char *consequence = NULL;
  GDate decided, received;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (decision <= BF_OBJECTION_UPHOLD, FALSE);

  if (!_bf_past_date (decided_on, _ ("The decision date"), &decided, &date, error))
    return FALSE;
  if (_bf_is_blank (verification))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Write down what the verification found."));
      return FALSE;
    }
  if (decision != BF_OBJECTION_DISMISS && _bf_is_blank (reason))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Give the reason for taking the household off the notice."));
      return FALSE;
    }

  if (!_bf_store_begin (self, error))
    return FALSE;
  objection = bf_store_objection_get (self, id, error);
  if (objection == NULL)
    goto fail;
  if (g_strcmp0 (objection->result, "pending") != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("The objection was already decided on %s."),
                   objection->decided_on ? objection->decided_on : "?");
      goto fail;
    }
  if (bf_date_parse (objection->received_on, &received, NULL) &&
      g_date_compare (&decided, &received) < 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The objection cannot be decided before it was received (%s)."),
                   objection->received_on);
      goto fail;
    }

  if (decision != BF_OBJECTION_DISMISS)
    {
      notice = _bf_notices_load_row (self, objection->notice_id, error);
      if (notice == NULL || !_bf_notices_read_items (self, notice, error))
        goto fail;
      item = live_item (notice, objection->household_id, error);
      if (item == NULL || !check_decision (notice, decision, error))
        goto fail;
      /* The household leaves the notice after its step: the lifecycle checks the step against
       * the notice the household is still on. */
      if (decision != BF_OBJECTION_UPHOLD)
        {
          consequence = decision == BF_OBJECTION_UPHOLD_REJECT ? "reject" : "return";
          if (!apply_consequence (self, notice, objection->household_id, decision, date, reason,
                                  error))
            goto fail;
        }
      if (!remove_item (self, item, date, reason, error))
        goto fail;
    }
  if (!record_decision (self, objection, decision == BF_OBJECTION_DISMISS ? "dismissed" : "upheld",
                        consequence, date, verification, error) ||
      !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}
