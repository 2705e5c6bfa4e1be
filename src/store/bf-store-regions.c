/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Villages and their groups: the regions a register is made of. */
#include <glib/gi18n-lib.h>

#include "bf-text.h"
#include "bf-store-private.h"
#include "bf-store-regions.h"

/* A village (@village_id 0) or a group of @village_id, with its audit entry. */
static gint64
insert_region (BfStore *self, gint64 village_id, const char *name, GError **error)
{
  gboolean is_group = village_id != 0;
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *uuid = _bf_uuid_new ();
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;
  gint64 id;

  stmt = _bf_store_prepare (
    self,
    is_group ? "INSERT INTO village_groups (uuid, name, created_at, updated_at, village_id, "
               "sort_order) VALUES (?1, ?2, ?3, ?3, ?4, (SELECT coalesce(max(sort_order), 0) + 1 "
               "FROM village_groups WHERE village_id = ?4))"
             : "INSERT INTO villages (uuid, name, created_at, updated_at, sort_order) VALUES (?1, "
               "?2, ?3, ?3, (SELECT coalesce(max(sort_order), 0) + 1 FROM villages))",
    error);
  if (stmt == NULL)
    return 0;
  _bf_bind_text (stmt, 1, uuid);
  _bf_bind_text (stmt, 2, name);
  _bf_bind_text (stmt, 3, now);
  if (is_group)
    sqlite3_bind_int64 (stmt, 4, village_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_bf_store_db (self)) != SQLITE_CONSTRAINT_UNIQUE)
        _bf_store_set_sqlite_error (
          self, error, is_group ? _ ("Cannot add the group") : _ ("Cannot add the village"));
      else if (is_group)
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                     _ ("The village already has a group named “%s”."), name);
      else
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                     _ ("A village named “%s” already exists."), name);
      return 0;
    }
  id = sqlite3_last_insert_rowid (_bf_store_db (self));
  changes = json_object_new ();
  _bf_changes_add (changes, "name", NULL, name);
  if (is_group)
    _bf_changes_add_int (changes, "village_id", 0, village_id);
  if (!_bf_store_audit (self, "create", is_group ? "village_groups" : "villages", uuid, changes,
                        error))
    return 0;
  return id;
}

gint64
_bf_region_add_village (BfStore *self, const char *name, guint n_groups, GError **error)
{
  gint64 id = insert_region (self, 0, name, error);

  for (guint i = 1; id != 0 && i <= n_groups; i++)
    {
      g_autofree char *group = g_strdup_printf ("%u组", i);

      if (insert_region (self, id, group, error) == 0)
        return 0;
    }
  return id;
}

gint64
_bf_region_add_group (BfStore *self, gint64 village_id, const char *name, GError **error)
{
  return insert_region (self, village_id, name, error);
}

GPtrArray *
bf_store_list_villages (BfStore *self, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  BfVillage *village = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT v.id, v.uuid, v.name, g.id, g.uuid, g.name FROM villages v "
                            "LEFT JOIN village_groups g ON g.village_id = v.id AND g.deleted_at "
                            "IS NULL WHERE v.deleted_at IS NULL ORDER BY v.sort_order, v.id, "
                            "g.sort_order, g.id",
                            error);
  if (stmt == NULL)
    return NULL;
  villages = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_village_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (village == NULL || village->id != id)
        {
          village = bf_village_new ();
          village->id = id;
          village->uuid = _bf_column_dup (stmt, 1);
          village->name = _bf_column_dup (stmt, 2);
          g_ptr_array_add (villages, village);
        }
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          BfGroup *group = bf_group_new ();

          group->id = sqlite3_column_int64 (stmt, 3);
          group->uuid = _bf_column_dup (stmt, 4);
          group->name = _bf_column_dup (stmt, 5);
          g_ptr_array_add (village->groups, group);
        }
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the villages"));
      return NULL;
    }
  return g_steal_pointer (&villages);
}

gint64
bf_store_village_add (BfStore *self, const char *name, guint n_groups, GError **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), 0);

  if (_bf_is_blank (name))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("The village needs a name."));
      return 0;
    }
  if (bf_text_has_control (name))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The village’s name holds a control character: type it again."));
      return 0;
    }
  trimmed = g_strstrip (g_strdup (name));
  if (!_bf_store_begin (self, error))
    return 0;
  id = _bf_region_add_village (self, trimmed, n_groups, error);
  if (id == 0 || !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return 0;
    }
  return id;
}

gint64
bf_store_group_add (BfStore *self, gint64 village_id, const char *name, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), 0);

  if (_bf_is_blank (name))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("The group needs a name."));
      return 0;
    }
  if (bf_text_has_control (name))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The group’s name holds a control character: type it again."));
      return 0;
    }
  trimmed = g_strstrip (g_strdup (name));
  if (!_bf_store_begin (self, error))
    return 0;
  stmt =
    _bf_store_prepare (self, "SELECT 1 FROM villages WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, village_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("The village does not exist."));
      goto fail;
    }
  sqlite3_reset (stmt);
  id = insert_region (self, village_id, trimmed, error);
  if (id == 0 || !_bf_store_commit (self, error))
    goto fail;
  return id;

fail:
  _bf_store_rollback (self);
  return 0;
}

static const char *const notice_orders[] = {
  [BF_NOTICE_ORDER_NUMBER] = "number",
  [BF_NOTICE_ORDER_HEAD] = "head",
};

BfNoticeOrder
bf_store_village_get_notice_order (BfStore *self, gint64 village_id)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), BF_NOTICE_ORDER_NUMBER);

  stmt = _bf_store_prepare (self, "SELECT notice_order = 'head' FROM villages WHERE id = ?", NULL);
  if (stmt == NULL)
    return BF_NOTICE_ORDER_NUMBER;
  sqlite3_bind_int64 (stmt, 1, village_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0)
    return BF_NOTICE_ORDER_NUMBER;
  return BF_NOTICE_ORDER_HEAD;
}

gboolean
bf_store_village_set_notice_order (BfStore *self,
                                   gint64 village_id,
                                   BfNoticeOrder order,
                                   GError **error)
{
  BfNoticeOrder before;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (order == BF_NOTICE_ORDER_NUMBER || order == BF_NOTICE_ORDER_HEAD, FALSE);

  if (!_bf_village_exists (self, village_id, error))
    return FALSE;
  before = bf_store_village_get_notice_order (self, village_id);
  if (before == order)
    return TRUE;
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!_bf_set_column (self, "villages", "id", village_id, NULL, "notice_order",
                       notice_orders[before], notice_orders[order], NULL, "update", error))
    goto fail;
  return _bf_store_commit (self, error);

fail:
  _bf_store_rollback (self);
  return FALSE;
}
