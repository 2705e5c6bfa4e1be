/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-store-exit-private.h"
#include "bf-store-household-private.h"
#include "bf-store-household.h"
#include "bf-store-workflow-private.h"
#include "bf-store-workflow.h"

void
bf_adjustment_free (BfAdjustment *adjustment)
{
  if (adjustment == NULL)
    return;
  g_free (adjustment->uuid);
  g_free (adjustment->number);
  g_free (adjustment->head_name);
  g_free (adjustment->village_name);
  g_free (adjustment->kind);
  g_free (adjustment->subkind);
  g_free (adjustment->adjusted_on);
  g_free (adjustment->reason);
  g_free (adjustment->approval);
  g_free (adjustment->document_number);
  g_free (adjustment);
}

static const char *
blank_to_null (const char *text)
{
  return _bf_is_blank (text) ? NULL : text;
}

gint64
_bf_adjustment_insert (BfStore *self,
                       gint64 household_id,
                       const char *kind,
                       const char *subkind,
                       const char *adjusted_on,
                       const char *reason,
                       const char *approval,
                       const char *document_number,
                       GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *uuid = _bf_uuid_new ();
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;
  gint64 id;

  approval = blank_to_null (approval);
  document_number = blank_to_null (document_number);
  stmt = _bf_store_prepare (self,
                            "INSERT INTO adjustments (uuid, household_id, kind, subkind, "
                            "adjusted_on, reason, approval, document_number, created_at, "
                            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                            error);
  if (stmt == NULL)
    return 0;
  _bf_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, household_id);
  _bf_bind_text (stmt, 3, kind);
  _bf_bind_text (stmt, 4, subkind);
  _bf_bind_text (stmt, 5, adjusted_on);
  _bf_bind_text (stmt, 6, reason);
  _bf_bind_text (stmt, 7, approval);
  _bf_bind_text (stmt, 8, document_number);
  _bf_bind_text (stmt, 9, now);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the adjustment"), error))
    return 0;
  id = sqlite3_last_insert_rowid (_bf_store_db (self));
  changes = json_object_new ();
  _bf_changes_add_int (changes, "household_id", 0, household_id);
  _bf_changes_add (changes, "kind", NULL, kind);
  if (subkind != NULL)
    _bf_changes_add (changes, "subkind", NULL, subkind);
  _bf_changes_add (changes, "adjusted_on", NULL, adjusted_on);
  _bf_changes_add (changes, "reason", NULL, reason);
  if (approval != NULL)
    _bf_changes_add (changes, "approval", NULL, approval);
  if (document_number != NULL)
    _bf_changes_add (changes, "document_number", NULL, document_number);
  if (!_bf_store_audit (self, "create", "adjustments", uuid, changes, error))
    return 0;
  return id;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
validate_spec (const BfAdjustmentSpec *spec, GError **error)
{
  gboolean natural = g_strcmp0 (spec->kind, "natural") == 0;
  gboolean joins = spec->member_in != NULL, leaves = spec->member_out_id != 0;

  if (!bf_code_is_valid (BF_CODES_ADJUSTMENT_KIND, spec->kind))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("“%s” is not a kind of dynamic adjustment."),
                   spec->kind != NULL ? spec->kind : "");
      return FALSE;
    }
  if (_bf_is_blank (spec->reason))
    return invalid (error, _ ("Give the reason for the adjustment."));
  if (!natural)
    {
      if (spec->subkind != NULL || joins || leaves)
        return invalid (error, _ ("Only a natural change changes the members."));
      return TRUE;
    }
  if (!bf_code_is_valid (BF_CODES_NATURAL_CHANGE, spec->subkind))
    return invalid (error, _ ("Choose the natural change: birth, death, marriage or moving."));
  if (joins && leaves)
    return invalid (error, _ ("A natural change adds a member or takes one away, not both."));
  if (g_strcmp0 (spec->subkind, "birth") == 0 && !joins)
    return invalid (error, _ ("A birth adds the child as a member: enter the child."));
  if (g_strcmp0 (spec->subkind, "death") == 0 && !leaves)
    return invalid (error, _ ("A death takes a member away: choose the member."));
  if (!joins && !leaves)
    return invalid (error, _ ("Choose the member who leaves, or enter the one who joins."));
  return TRUE;
}

/* The natural change applied to the household's members, saved in the same write. */
static gboolean
change_members (BfStore *self, const BfAdjustmentSpec *spec, GError **error)
{
  g_autoptr (BfHousehold) household = bf_store_household_get (self, spec->household_id, error);
  gboolean found = FALSE;

  if (household == NULL)
    return FALSE;
  if (spec->member_in != NULL)
    {
      BfMember *member = bf_member_copy (spec->member_in);

      member->id = 0;
      g_clear_pointer (&member->uuid, g_free);
      g_clear_pointer (&member->person_number, g_free);
      g_ptr_array_add (household->members, member);
    }
  for (guint i = 0; spec->member_out_id != 0 && i < household->members->len; i++)
    {
      BfMember *member = g_ptr_array_index (household->members, i);

      if (member->id != spec->member_out_id)
        continue;
      if (g_strcmp0 (member->relation, "head") == 0)
        return invalid (
          error, _ ("The head of the household cannot leave it: name another member head first."));
      g_ptr_array_remove_index (household->members, i);
      found = TRUE;
      break;
    }
  if (spec->member_out_id != 0 && !found)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("The member is not in this household."));
      return FALSE;
    }
  return _bf_store_household_save_in_write (self, household, error);
}

/* What the kind requires of the household's status and first identification. */
static gboolean
check_household (BfStore *self, const BfAdjustmentSpec *spec, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *status = NULL;
  gboolean approved;

  stmt = _bf_store_prepare (self,
                            "SELECT status, first_identified_on IS NOT NULL FROM households WHERE "
                            "id = ? AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, spec->household_id);
  if (!_bf_step_row (self, stmt, _ ("The household does not exist or was deleted."), error))
    return FALSE;
  status = _bf_column_dup (stmt, 0);
  approved = sqlite3_column_int (stmt, 1);
  if (g_strcmp0 (spec->kind, "new") == 0 && !approved)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("A new identification is recorded once the county has approved the "
                      "household."));
      return FALSE;
    }
  if ((g_strcmp0 (spec->kind, "exit") == 0 || g_strcmp0 (spec->kind, "returned") == 0) &&
      g_strcmp0 (status, "exited") != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   g_strcmp0 (spec->kind, "exit") == 0
                     ? _ ("The household has not exited: its exit is approved by the county.")
                     : _ ("Only a household that has exited can return to poverty."));
      return FALSE;
    }
  return TRUE;
}

/* 返贫: back into identification through the lifecycle, each step pointing at the adjustment. */
static gboolean
return_to_poverty (BfStore *self,
                   const BfAdjustmentSpec *spec,
                   const char *date,
                   gint64 adjustment_id,
                   GError **error)
{
  BfTransitionFacts facts = {
    .event_date = date,
    .reason = spec->reason,
    .ref_kind = "adjustment",
    .ref_id = adjustment_id,
    .document_number = spec->document_number,
  };

  return _bf_store_transition (self, spec->household_id, BF_ACTION_RETURN_TO_POVERTY, &facts,
                               error) &&
         _bf_store_transition (self, spec->household_id, BF_ACTION_REIDENTIFY, &facts, error);
}

gint64
bf_store_adjustment_record (BfStore *self, const BfAdjustmentSpec *spec, GError **error)
{
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!validate_spec (spec, error) ||
      !_bf_past_date (spec->adjusted_on, _ ("Date of the adjustment"), NULL, &date, error))
    return 0;
  reason = g_strstrip (g_strdup (spec->reason));

  if (!_bf_store_begin (self, error))
    return 0;
  if (!check_household (self, spec, error))
    goto fail;
  id = _bf_adjustment_insert (self, spec->household_id, spec->kind, spec->subkind, date, reason,
                              spec->approval, spec->document_number, error);
  if (id == 0)
    goto fail;
  if (g_strcmp0 (spec->kind, "returned") == 0 && !return_to_poverty (self, spec, date, id, error))
    goto fail;
  if (g_strcmp0 (spec->kind, "natural") == 0 && !change_members (self, spec, error))
    goto fail;
  if (!_bf_store_commit (self, error))
    goto fail;
  return id;

fail:
  _bf_store_rollback (self);
  return 0;
}

static BfAdjustment *
read_adjustment (sqlite3_stmt *stmt)
{
  BfAdjustment *a = g_new0 (BfAdjustment, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->uuid = _bf_column_dup (stmt, 1);
  a->household_id = sqlite3_column_int64 (stmt, 2);
  a->number = _bf_column_dup (stmt, 3);
  a->head_name = _bf_column_dup (stmt, 4);
  a->village_name = _bf_column_dup (stmt, 5);
  a->kind = _bf_column_dup (stmt, 6);
  a->subkind = _bf_column_dup (stmt, 7);
  a->adjusted_on = _bf_column_dup (stmt, 8);
  a->reason = _bf_column_dup (stmt, 9);
  a->approval = _bf_column_dup (stmt, 10);
  a->document_number = _bf_column_dup (stmt, 11);
  return a;
}

static GPtrArray *
collect (BfStore *self, sqlite3_stmt *stmt, GError **error)
{
  return _bf_rows_read (self, stmt, (BfRowRead) read_adjustment,
                        (GDestroyNotify) bf_adjustment_free, error);
}

#define ADJUSTMENT_COLUMNS                                                                         \
  "a.id, a.uuid, a.household_id, h.number, h.head_name, v.name, a.kind, a.subkind, "               \
  "a.adjusted_on, a.reason, a.approval, a.document_number FROM adjustments a "                     \
  "JOIN households h ON h.id = a.household_id JOIN villages v ON v.id = h.village_id "

GPtrArray *
bf_store_adjustments_list (BfStore *self,
                           const char *period,
                           gint64 village_id,
                           const char *kind,
                           GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  char first[11], last[11];
  BfPeriod p;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  if (!_bf_exit_period (period, &p, error))
    return NULL;
  if (kind != NULL && !bf_code_is_valid (BF_CODES_ADJUSTMENT_KIND, kind))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("“%s” is not a kind of dynamic adjustment."), kind);
      return NULL;
    }
  bf_period_range_iso (&p, first, last);
  stmt = _bf_store_prepare (self,
                            "SELECT " ADJUSTMENT_COLUMNS
                            "WHERE a.deleted_at IS NULL AND h.deleted_at IS NULL AND "
                            "a.adjusted_on BETWEEN ?1 AND ?2 AND (?3 = 0 OR h.village_id = ?3) "
                            "AND (?4 IS NULL OR a.kind = ?4) ORDER BY a.adjusted_on, a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, first);
  _bf_bind_text (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, village_id);
  _bf_bind_text (stmt, 4, kind);
  return collect (self, stmt, error);
}

GPtrArray *
bf_store_adjustments_for (BfStore *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT " ADJUSTMENT_COLUMNS
                            "WHERE a.household_id = ? AND a.deleted_at IS NULL "
                            "ORDER BY a.adjusted_on DESC, a.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  return collect (self, stmt, error);
}
