/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoing an import as a whole: refused when anything it wrote has been worked on since, else
 * its households soft-deleted, the households and members it updated put back as its audit
 * entries say they were, and the villages and groups it created removed when nothing uses them. */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-store-household-fields-private.h"
#include "bf-store-household-private.h"
#include "bf-store-household.h"
#include "bf-store-import-private.h"

typedef struct
{
  BfStore *store;
  BfStoreImport *record;
  gint64 audit_first;
  gint64 audit_last;
  char *now;
} Undo;

static gboolean
refused (GError **error, char *message)
{
  g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED, message);
  g_free (message);
  return FALSE;
}

static gboolean
read_range (Undo *u, GError **error)
{
  g_autoptr (BfCachedStmt) stmt =
    _bf_store_prepare (u->store, "SELECT audit_first, audit_last FROM imports WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, u->record->id);
  if (!_bf_step_row (u->store, stmt, _ ("The import is not in the register."), error))
    return FALSE;
  u->audit_first = sqlite3_column_int64 (stmt, 0);
  u->audit_last = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* ---- Has anything been done since? ---- */

/* An audit entry after the import about one of its households or their members. */
static gboolean
check_audit (Undo *u, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (
    u->store,
    "WITH hh AS (SELECT record_id AS id FROM import_records WHERE import_id = ?1 AND entity = "
    "'households'), touched AS (SELECT h.uuid, h.number FROM households h JOIN hh ON hh.id = h.id "
    "UNION ALL SELECT m.uuid, h.number FROM members m JOIN hh ON hh.id = m.household_id JOIN "
    "households h ON h.id = m.household_id) SELECT a.at, a.operator, t.number FROM audit_log a "
    "JOIN touched t ON t.uuid = a.uuid WHERE a.seq > ?2 ORDER BY a.seq LIMIT 1",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, u->record->id);
  sqlite3_bind_int64 (stmt, 2, u->audit_last);
  switch (_bf_step_one (u->store, stmt, _ ("Cannot read the audit trail"), error))
    {
      case 0:
        return TRUE;
      case 1:
        return refused (error, g_strdup_printf (
                                 _ ("Import %ld cannot be undone: household %s "
                                    "was changed after it (%s, by %s). Undoing the import would "
                                    "throw that change away; change the household by hand "
                                    "instead."),
                                 (long) u->record->id, (const char *) sqlite3_column_text (stmt, 2),
                                 (const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1)));
      default:
        return FALSE;
    }
}

/* The tables of records (those with a uuid: derived tables such as the search rows have none)
 * with a column that refers to @table: (table, column, "1" when the table has a deleted_at
 * column else "0") triples. */
static GPtrArray *
referring_tables (BfStore *store, const char *table, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (
    store,
    "SELECT m.name, f.\"from\", EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = "
    "'deleted_at') FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = "
    "'table' AND f.\"table\" = ? AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE "
    "c.name = 'uuid') ORDER BY m.name",
    error);
  g_autoptr (GPtrArray) triples = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (triples, _bf_column_dup (stmt, 0));
      g_ptr_array_add (triples, _bf_column_dup (stmt, 1));
      g_ptr_array_add (triples, g_strdup (sqlite3_column_int (stmt, 2) ? "1" : "0"));
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (store, error, _ ("Cannot read the register's tables"));
      return NULL;
    }
  return g_steal_pointer (&triples);
}

/* A record of its own (a visit, a plan, a lifecycle step, …) of a household the import created:
 * the import made none of those, so any is work done since. */
static gboolean
check_records (Undo *u, GError **error)
{
  g_autoptr (GPtrArray) pairs = referring_tables (u->store, "households", error);

  if (pairs == NULL)
    return FALSE;
  for (guint i = 0; i < pairs->len; i += 3)
    {
      const char *table = g_ptr_array_index (pairs, i);
      const char *column = g_ptr_array_index (pairs, i + 1);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (strcmp (table, "members") == 0)
        continue;
      sql = g_strdup_printf ("SELECT h.number FROM import_records r JOIN \"%s\" x ON x.\"%s\" = "
                             "r.record_id JOIN households h ON h.id = r.record_id WHERE "
                             "r.import_id = ? AND r.entity = 'households' AND r.action = "
                             "'created' LIMIT 1",
                             table, column);
      if (sqlite3_prepare_v2 (_bf_store_db (u->store), sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          _bf_store_set_sqlite_error (u->store, error, _ ("Cannot read the register"));
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, u->record->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autofree char *number = _bf_column_dup (stmt, 0);

          sqlite3_finalize (stmt);
          return refused (
            error,
            g_strdup_printf (_ ("Import %ld cannot be undone: household %s has "
                                "records of its own since (%s). Undoing the import would throw "
                                "them away; delete the household by hand if it must go."),
                             (long) u->record->id, number, table));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _bf_store_set_sqlite_error (u->store, error, _ ("Cannot read the register"));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Putting back ---- */

/* Sets @field of @record from an audit entry's JSON value (null: not recorded). */
static void
field_set_json (const Field *field, gpointer record, JsonNode *node)
{
  Value v = { VALUE_NULL };

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (field->kind == FIELD_TEXT || field->kind == FIELD_DATE || field->kind == FIELD_CODE)
        v = (Value){ VALUE_TEXT, .s = json_node_get_string (node) };
      else if (field->kind == FIELD_REAL)
        v = (Value){ VALUE_REAL, .d = json_node_get_double (node) };
      else
        v = (Value){ VALUE_INT, .i = json_node_get_int (node) };
    }
  _bf_field_set (field, record, &v);
}

/* Puts back into @record (of @table, audited under @uuid) the values its fields had before the
 * import: the "before" of the import's first entry that changed each. */
static gboolean
put_back (Undo *u, const Table *table, gpointer record, const char *uuid, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (
    u->store,
    "SELECT changes FROM audit_log WHERE uuid = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq", error);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, u->audit_first);
  sqlite3_bind_int64 (stmt, 3, u->audit_last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (JsonNode) root =
        json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);
      JsonObject *changes =
        root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

      for (guint i = 0; changes != NULL && i < table->n_fields; i++)
        {
          const Field *field = &table->fields[i];
          JsonNode *pair = json_object_get_member (changes, field->column);

          if (pair == NULL || !JSON_NODE_HOLDS_ARRAY (pair) ||
              json_array_get_length (json_node_get_array (pair)) != 2 ||
              g_hash_table_contains (seen, field->column))
            continue;
          g_hash_table_add (seen, (gpointer) field->column);
          field_set_json (field, record, json_array_get_element (json_node_get_array (pair), 0));
        }
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (u->store, error, _ ("Cannot read the audit trail"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
member_created (Undo *u, gint64 member_id, gboolean *created, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (
    u->store,
    "SELECT 1 FROM import_records WHERE import_id = ? AND entity = 'members' AND record_id = ? "
    "AND action = 'created'",
    error);
  int found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, u->record->id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  found = _bf_step_one (u->store, stmt, _ ("Cannot read the import"), error);
  *created = found == 1;
  return found >= 0;
}

/* A household the import updated: its fields and its members' as they were, without the
 * members it added. */
static gboolean
restore_updated (Undo *u, gint64 id, GError **error)
{
  g_autoptr (BfHousehold) household = bf_store_household_get (u->store, id, error);

  if (household == NULL || !put_back (u, &_bf_households_table, household, household->uuid, error))
    return FALSE;
  for (guint i = household->members->len; i-- > 0;)
    {
      BfMember *member = g_ptr_array_index (household->members, i);
      gboolean created;

      if (!member_created (u, member->id, &created, error))
        return FALSE;
      if (created)
        g_ptr_array_remove_index (household->members, i);
      else if (!put_back (u, &_bf_members_table, member, member->uuid, error))
        return FALSE;
    }
  return _bf_store_household_save_in_write (u->store, household, error);
}

/* (id, uuid) of the live records of @entity that the import linked as @action. */
static GArray *
linked (Undo *u, const char *entity, const char *action, GPtrArray *uuids, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT x.id, x.uuid FROM import_records r JOIN \"%s\" x ON x.id = r.record_id WHERE "
    "r.import_id = ? AND r.entity = ? AND r.action = ? AND x.deleted_at IS NULL ORDER BY x.id",
    entity);
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (u->store, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, u->record->id);
  _bf_bind_text (stmt, 2, entity);
  _bf_bind_text (stmt, 3, action);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (uuids, _bf_column_dup (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (u->store, error, _ ("Cannot read the import"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
delete_created (Undo *u, const char *entity, GError **error)
{
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = linked (u, entity, "created", uuids, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!_bf_soft_delete (u->store, entity, g_array_index (ids, gint64, i),
                          g_ptr_array_index (uuids, i), u->now, error))
      return FALSE;
  return TRUE;
}

/* Whether a live record of another table refers to row @id of @table (a village's households,
 * meetings, notices, groups …). */
static int
in_use (Undo *u, GPtrArray *pairs, gint64 id)
{
  for (guint i = 0; i < pairs->len; i += 3)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT 1 FROM \"%s\" WHERE \"%s\" = ?%s LIMIT 1", (char *) g_ptr_array_index (pairs, i),
        (char *) g_ptr_array_index (pairs, i + 1),
        g_str_equal (g_ptr_array_index (pairs, i + 2), "1") ? " AND deleted_at IS NULL" : "");
      g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (u->store, sql, NULL);
      int rc;

      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        return 1;
      if (rc != SQLITE_DONE)
        return -1;
    }
  return 0;
}

/* The groups, then the villages, the import created and nothing uses now. */
static gboolean
delete_regions (Undo *u, const char *entity, GError **error)
{
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = linked (u, entity, "created", uuids, error);
  g_autoptr (GPtrArray) pairs = NULL;

  if (ids == NULL || (pairs = referring_tables (u->store, entity, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      switch (in_use (u, pairs, id))
        {
          case 0:
            if (!_bf_soft_delete (u->store, entity, id, g_ptr_array_index (uuids, i), u->now,
                                  error))
              return FALSE;
            break;
          case 1:
            break;
          default:
            _bf_store_set_sqlite_error (u->store, error, _ ("Cannot read the register"));
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
restore_all_updated (Undo *u, GError **error)
{
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = linked (u, "households", "updated", uuids, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!restore_updated (u, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
mark_undone (Undo *u, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (
    u->store, "UPDATE imports SET state = 'undone', undone_at = ?1, updated_at = ?1 WHERE id = ?2",
    error);
  JsonObject *changes;

  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, u->now);
  sqlite3_bind_int64 (stmt, 2, u->record->id);
  if (!_bf_store_step_done (u->store, stmt, _ ("Cannot record the import"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_changes_add (changes, "state", "done", "undone");
  _bf_changes_add (changes, "undone_at", NULL, u->now);
  return _bf_store_audit (u->store, "update", "imports", u->record->uuid, changes, error);
}

static gboolean
undo_in_write (Undo *u, GError **error)
{
  g_autoptr (JsonObject) tag = NULL;

  if (g_strcmp0 (u->record->state, "done") != 0)
    return refused (error, g_strcmp0 (u->record->state, "undone") == 0
                             ? g_strdup_printf (_ ("Import %ld was undone already (%s)."),
                                                (long) u->record->id, u->record->undone_at)
                             : g_strdup_printf (_ ("Import %ld was cancelled: it "
                                                   "wrote nothing that could be undone."),
                                                (long) u->record->id));
  if (!read_range (u, error) || !check_audit (u, error) || !check_records (u, error))
    return FALSE;
  tag = _bf_import_tag (u->record->uuid, u->record->file_name, u->record->sha256);
  _bf_store_audit_tag (u->store, "undo-import", tag);
  return delete_created (u, "households", error) && restore_all_updated (u, error) &&
         delete_regions (u, "village_groups", error) && delete_regions (u, "villages", error) &&
         mark_undone (u, error);
}

gboolean
bf_store_import_undo (BfStore *self, gint64 import_id, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, import_id);
  g_autoptr (BfStoreImport) record = NULL;
  Undo u = { self };
  gboolean ok;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  record = bf_store_import_get (self, id, error);
  u.record = record;
  u.now = _bf_now_iso ();
  ok = record != NULL && undo_in_write (&u, error);
  g_free (u.now);
  return _bf_store_finish (self, ok, error);
}
