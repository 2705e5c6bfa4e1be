/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports: their records, the mappings kept by header signature, and the importer's one write
 * from its record to its commit (or its rollback and 'cancelled' record). Matching and writing
 * each household is bf-store-import-add.c; undoing, bf-store-import-undo.c. */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-store-import-private.h"

#define IMPORT_COLUMNS                                                                             \
  "id, uuid, file_name, sha256, sheet, signature, on_duplicate, state, operator, started_at, "     \
  "finished_at, undone_at, rows, households_created, households_updated, people_created, "         \
  "people_updated, rows_refused"

void
bf_store_import_free (BfStoreImport *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->file_name);
  g_free (record->sha256);
  g_free (record->sheet);
  g_free (record->signature);
  g_free (record->on_duplicate);
  g_free (record->state);
  g_free (record->operator_name);
  g_free (record->started_at);
  g_free (record->finished_at);
  g_free (record->undone_at);
  g_free (record);
}

static gpointer
read_import (sqlite3_stmt *stmt)
{
  BfStoreImport *record = g_new0 (BfStoreImport, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->uuid = _bf_column_dup (stmt, 1);
  record->file_name = _bf_column_dup (stmt, 2);
  record->sha256 = _bf_column_dup (stmt, 3);
  record->sheet = _bf_column_dup (stmt, 4);
  record->signature = _bf_column_dup (stmt, 5);
  record->on_duplicate = _bf_column_dup (stmt, 6);
  record->state = _bf_column_dup (stmt, 7);
  record->operator_name = _bf_column_dup (stmt, 8);
  record->started_at = _bf_column_dup (stmt, 9);
  record->finished_at = _bf_column_dup (stmt, 10);
  record->undone_at = _bf_column_dup (stmt, 11);
  record->rows = sqlite3_column_int64 (stmt, 12);
  record->households_created = sqlite3_column_int64 (stmt, 13);
  record->households_updated = sqlite3_column_int64 (stmt, 14);
  record->people_created = sqlite3_column_int64 (stmt, 15);
  record->people_updated = sqlite3_column_int64 (stmt, 16);
  record->rows_refused = sqlite3_column_int64 (stmt, 17);
  return record;
}

GPtrArray *
bf_store_import_list (BfStore *self, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self, "SELECT " IMPORT_COLUMNS " FROM imports ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  return _bf_rows_read (self, stmt, read_import, (GDestroyNotify) bf_store_import_free, error);
}

BfStoreImport *
bf_store_import_get (BfStore *self, const char *id_or_uuid, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  guint64 id = 0;
  g_autofree char *missing = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_uuid != NULL, NULL);

  stmt = _bf_store_prepare (
    self, "SELECT " IMPORT_COLUMNS " FROM imports WHERE id = ?1 OR uuid = ?2", error);
  if (stmt == NULL)
    return NULL;
  if (g_ascii_string_to_unsigned (id_or_uuid, 10, 1, G_MAXINT64, &id, NULL))
    sqlite3_bind_int64 (stmt, 1, (gint64) id);
  _bf_bind_text (stmt, 2, id_or_uuid);
  missing = g_strdup_printf (_ ("There is no import %s in the register."), id_or_uuid);
  return _bf_row_read_one (self, stmt, read_import, missing, error);
}

BfStoreImport *
bf_store_import_find_done (BfStore *self, const char *sha256, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  GError *local = NULL;
  BfStoreImport *record;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT " IMPORT_COLUMNS " FROM imports WHERE sha256 = ? AND state = "
                            "'done' AND households_created + households_updated > 0 ORDER BY id "
                            "DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, sha256);
  record = _bf_row_read_one (self, stmt, read_import, "", &local);
  if (local != NULL && !g_error_matches (local, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, local);
  else
    g_clear_error (&local);
  return record;
}

JsonObject *
_bf_import_tag (const char *uuid, const char *file_name, const char *sha256)
{
  JsonObject *tag = json_object_new ();

  _bf_changes_add (tag, "import_uuid", NULL, uuid);
  _bf_changes_add (tag, "import_file", NULL, file_name);
  _bf_changes_add (tag, "import_sha256", NULL, sha256);
  return tag;
}

/* ---- Mappings ---- */

char *
bf_store_import_mapping_get (BfStore *self, const char *signature, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (signature != NULL, NULL);

  stmt = _bf_store_prepare (self, "SELECT mapping FROM import_mappings WHERE signature = ?", error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, signature);
  switch (sqlite3_step (stmt))
    {
      case SQLITE_ROW:
        return _bf_column_dup (stmt, 0);
      case SQLITE_DONE:
        return NULL;
      default:
        _bf_store_set_sqlite_error (self, error, _ ("Cannot read the column mappings"));
        return NULL;
    }
}

/* Inside the caller's write: inserts or replaces the mapping of @signature, audited. */
static gboolean
put_mapping (BfStore *self, const char *signature, const char *json, GError **error)
{
  g_autoptr (BfCachedStmt) find = NULL;
  g_autoptr (BfCachedStmt) put = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;

  find = _bf_store_prepare (self, "SELECT uuid, mapping FROM import_mappings WHERE signature = ?",
                            error);
  if (find == NULL)
    return FALSE;
  _bf_bind_text (find, 1, signature);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      uuid = _bf_column_dup (find, 0);
      before = _bf_column_dup (find, 1);
    }
  sqlite3_reset (find);
  if (g_strcmp0 (before, json) == 0)
    return TRUE;
  if (uuid == NULL)
    uuid = _bf_uuid_new ();
  put = _bf_store_prepare (self,
                           "INSERT INTO import_mappings (uuid, signature, mapping, created_at, "
                           "updated_at) VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (signature) DO "
                           "UPDATE SET mapping = ?3, updated_at = ?4",
                           error);
  if (put == NULL)
    return FALSE;
  _bf_bind_text (put, 1, uuid);
  _bf_bind_text (put, 2, signature);
  _bf_bind_text (put, 3, json);
  _bf_bind_text (put, 4, now);
  if (!_bf_store_step_done (self, put, _ ("Cannot keep the column mapping"), error))
    return FALSE;
  changes = json_object_new ();
  if (before == NULL)
    _bf_changes_add (changes, "signature", NULL, signature);
  _bf_changes_add (changes, "mapping", before, json);
  return _bf_store_audit (self, before == NULL ? "create" : "update", "import_mappings", uuid,
                          changes, error);
}

gboolean
bf_store_import_mapping_save (BfStore *self,
                              const char *signature,
                              const char *json,
                              GError **error)
{
  g_autoptr (JsonNode) parsed = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (signature != NULL && json != NULL, FALSE);

  parsed = json_from_string (json, NULL);
  if (parsed == NULL || !JSON_NODE_HOLDS_OBJECT (parsed))
    {
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                           _ ("The column mapping is not valid JSON."));
      return FALSE;
    }
  if (!_bf_store_begin (self, error))
    return FALSE;
  return _bf_store_finish (self, put_mapping (self, signature, json, error), error);
}

/* ---- The importer ---- */

static gint64
last_audit_seq (BfStore *self, GError **error)
{
  g_autoptr (BfCachedStmt) stmt =
    _bf_store_prepare (self, "SELECT ifnull(max(seq), 0) FROM audit_log", error);

  if (stmt == NULL || !_bf_step_row (self, stmt, "", error))
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* The import's record, @state, with its audit entry; inside the write, under the import's tag. */
static gboolean
insert_record (BfStoreImporter *self, const char *state, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  JsonObject *changes;

  stmt = _bf_store_prepare (
    self->store,
    "INSERT INTO imports (uuid, file_name, sha256, sheet, signature, mapping, on_duplicate, "
    "state, operator, started_at, finished_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
    "?5, ?6, ?7, ?8, ?9, ?10, ?10, ?10, ?10)",
    error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, self->uuid);
  _bf_bind_text (stmt, 2, self->file_name);
  _bf_bind_text (stmt, 3, self->sha256);
  _bf_bind_text (stmt, 4, self->sheet);
  _bf_bind_text (stmt, 5, self->signature);
  _bf_bind_text (stmt, 6, self->mapping_json);
  _bf_bind_text (stmt, 7, self->on_duplicate);
  _bf_bind_text (stmt, 8, state);
  _bf_bind_text (stmt, 9, bf_store_get_operator (self->store));
  _bf_bind_text (stmt, 10, self->started_at);
  if (!_bf_store_step_done (self->store, stmt, _ ("Cannot record the import"), error))
    return FALSE;
  self->import_id = sqlite3_last_insert_rowid (_bf_store_db (self->store));
  changes = json_object_new ();
  _bf_changes_add (changes, "state", NULL, state);
  _bf_changes_add (changes, "sheet", NULL, self->sheet);
  _bf_changes_add (changes, "on_duplicate", NULL, self->on_duplicate);
  return _bf_store_audit (self->store, "create", "imports", self->uuid, changes, error);
}

/* One transaction touches pages all over the members' and the audit trail's indexes: kept in
 * memory until it commits, they are not written to the WAL and read back again and again
 * (IMPORT_CACHE_KIB, back to the connection's own size afterwards). */
#define IMPORT_CACHE_KIB 32768

static void
set_cache (BfStoreImporter *self, gboolean large)
{
  g_autofree char *sql = NULL;

  if (large)
    {
      g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self->store, "PRAGMA cache_size", NULL);

      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        return;
      self->cache_size = sqlite3_column_int64 (stmt, 0);
      sql = g_strdup_printf ("PRAGMA cache_size = -%d", IMPORT_CACHE_KIB);
    }
  else if (self->cache_size != 0)
    {
      sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, self->cache_size);
      self->cache_size = 0;
    }
  if (sql != NULL)
    sqlite3_exec (_bf_store_db (self->store), sql, NULL, NULL, NULL);
}

/* Begins the write: the record first, so that every audit entry after it is the import's. */
static gboolean
begin_write (BfStoreImporter *self, GError **error)
{
  g_autoptr (JsonObject) tag = _bf_import_tag (self->uuid, self->file_name, self->sha256);

  if (!_bf_store_begin (self->store, error))
    return FALSE;
  set_cache (self, TRUE);
  _bf_store_audit_tag (self->store, "import", tag);
  if (!insert_record (self, "done", error) ||
      (self->audit_first = last_audit_seq (self->store, error)) < 0)
    {
      _bf_store_rollback (self->store);
      set_cache (self, FALSE);
      return FALSE;
    }
  self->write = TRUE;
  return TRUE;
}

BfStoreImporter *
bf_store_importer_new (BfStore *self, const BfStoreImportSpec *spec, gboolean write, GError **error)
{
  g_autoptr (BfStoreImporter) importer = g_new0 (BfStoreImporter, 1);

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (spec != NULL && spec->file_name != NULL && spec->sha256 != NULL, NULL);

  importer->store = g_object_ref (self);
  importer->dry = !write;
  importer->uuid = _bf_uuid_new ();
  importer->file_name = g_path_get_basename (spec->file_name);
  importer->sha256 = g_strdup (spec->sha256);
  importer->sheet = g_strdup (spec->sheet);
  importer->signature = g_strdup (spec->signature);
  importer->mapping_json = g_strdup (spec->mapping_json);
  importer->on_duplicate = g_strdup (spec->on_duplicate != NULL ? spec->on_duplicate : "skip");
  importer->started_at = _bf_now_iso ();
  importer->villages = g_ptr_array_new_with_free_func ((GDestroyNotify) _bf_import_village_free);
  if (write && !begin_write (importer, error))
    return NULL;
  if (!_bf_import_load_regions (importer, error))
    return NULL;
  return g_steal_pointer (&importer);
}

void
bf_store_importer_abandon (BfStoreImporter *self)
{
  g_return_if_fail (self != NULL);

  if (!self->write)
    return;
  _bf_store_rollback (self->store);
  self->write = FALSE;
  set_cache (self, FALSE);
  /* What the rolled-back write created is gone: read the villages again. */
  g_ptr_array_set_size (self->villages, 0);
  if (!_bf_import_load_regions (self, NULL))
    g_warning ("cannot read the villages again after stopping an import");
  self->households_created = self->households_updated = 0;
  self->people_created = self->people_updated = 0;
}

static gboolean
complete_record (BfStoreImporter *self, guint64 rows, guint64 rows_refused, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  gint64 last = last_audit_seq (self->store, error);
  JsonObject *changes;

  if (last < 0)
    return FALSE;
  stmt = _bf_store_prepare (
    self->store,
    "UPDATE imports SET finished_at = ?1, updated_at = ?1, rows = ?2, households_created = ?3, "
    "households_updated = ?4, people_created = ?5, people_updated = ?6, rows_refused = ?7, "
    "audit_first = ?8, audit_last = ?9 WHERE id = ?10",
    error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, (gint64) rows);
  sqlite3_bind_int64 (stmt, 3, self->households_created);
  sqlite3_bind_int64 (stmt, 4, self->households_updated);
  sqlite3_bind_int64 (stmt, 5, self->people_created);
  sqlite3_bind_int64 (stmt, 6, self->people_updated);
  sqlite3_bind_int64 (stmt, 7, (gint64) rows_refused);
  sqlite3_bind_int64 (stmt, 8, self->audit_first);
  sqlite3_bind_int64 (stmt, 9, last);
  sqlite3_bind_int64 (stmt, 10, self->import_id);
  if (!_bf_store_step_done (self->store, stmt, _ ("Cannot record the import"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_changes_add_int (changes, "rows", 0, (gint64) rows);
  _bf_changes_add_int (changes, "households_created", 0, self->households_created);
  _bf_changes_add_int (changes, "households_updated", 0, self->households_updated);
  _bf_changes_add_int (changes, "people_created", 0, self->people_created);
  _bf_changes_add_int (changes, "people_updated", 0, self->people_updated);
  _bf_changes_add_int (changes, "rows_refused", 0, (gint64) rows_refused);
  return _bf_store_audit (self->store, "update", "imports", self->uuid, changes, error) &&
         (self->mapping_json == NULL || self->signature == NULL ||
          put_mapping (self->store, self->signature, self->mapping_json, error));
}

/* A cancelled import's record, in a write of its own. */
static gboolean
record_cancelled (BfStoreImporter *self, guint64 rows, guint64 rows_refused, GError **error)
{
  g_autoptr (JsonObject) tag = _bf_import_tag (self->uuid, self->file_name, self->sha256);
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  gboolean ok;

  if (!_bf_store_begin (self->store, error))
    return FALSE;
  _bf_store_audit_tag (self->store, "import", tag);
  ok = insert_record (self, "cancelled", error);
  if (ok)
    {
      stmt = _bf_store_prepare (self->store,
                                "UPDATE imports SET finished_at = ?1, updated_at = ?1, rows = ?2, "
                                "rows_refused = ?3 WHERE id = ?4",
                                error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      _bf_bind_text (stmt, 1, now);
      sqlite3_bind_int64 (stmt, 2, (gint64) rows);
      sqlite3_bind_int64 (stmt, 3, (gint64) rows_refused);
      sqlite3_bind_int64 (stmt, 4, self->import_id);
      ok = _bf_store_step_done (self->store, stmt, _ ("Cannot record the import"), error);
    }
  return _bf_store_finish (self->store, ok, error);
}

gboolean
bf_store_importer_finish (BfStoreImporter *self,
                          gboolean done,
                          guint64 rows,
                          guint64 rows_refused,
                          BfStoreImport **record,
                          GError **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->dry)
    return TRUE;
  if (done && self->write)
    {
      gboolean ok = complete_record (self, rows, rows_refused, error);

      self->write = FALSE;
      ok = _bf_store_finish (self->store, ok, error);
      set_cache (self, FALSE);
      if (!ok)
        return FALSE;
    }
  else
    {
      bf_store_importer_abandon (self);
      if (!record_cancelled (self, rows, rows_refused, error))
        return FALSE;
    }
  if (record == NULL)
    return TRUE;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->import_id);
  *record = bf_store_import_get (self->store, id, error);
  return *record != NULL;
}

void
bf_store_importer_free (BfStoreImporter *self)
{
  if (self == NULL)
    return;
  if (self->write)
    _bf_store_rollback (self->store);
  set_cache (self, FALSE);
  g_clear_object (&self->store);
  g_free (self->uuid);
  g_free (self->file_name);
  g_free (self->sha256);
  g_free (self->sheet);
  g_free (self->signature);
  g_free (self->mapping_json);
  g_free (self->on_duplicate);
  g_free (self->started_at);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_free (self);
}
