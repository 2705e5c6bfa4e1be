/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counts for bangfu-cli stats: rows per table, households per status, audit length, file sizes. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bf-lifecycle.h"
#include "bf-store-private.h"
#include "bf-store-stats.h"

static void
stat_count_free (gpointer data)
{
  BfStatCount *count = data;

  g_free (count->name);
  g_free (count);
}

void
bf_store_stats_free (BfStoreStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->tables, g_ptr_array_unref);
  g_clear_pointer (&stats->statuses, g_ptr_array_unref);
  g_clear_pointer (&stats->villages, g_ptr_array_unref);
  g_clear_pointer (&stats->causes, g_ptr_array_unref);
  g_free (stats);
}

static gboolean
query_int (BfStore *self, const char *sql, gint64 *out, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not count the records"));
      return FALSE;
    }
  return TRUE;
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (gint64) buf.st_size : 0;
}

/* Ordinary tables only: FTS and other virtual tables, their shadow tables and SQLite's own are
 * implementation details of the search. */
static gboolean
count_tables (BfStore *self, GPtrArray *tables, GError **error)
{
  sqlite3 *db = _bf_store_db (self);
  sqlite3_stmt *list = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT t.name, EXISTS (SELECT 1 FROM pragma_table_info (t.name) "
                          "WHERE name = 'deleted_at') FROM pragma_table_list t "
                          "WHERE t.schema = 'main' AND t.type = 'table' "
                          "AND t.name NOT LIKE 'sqlite_%' ORDER BY t.name",
                          -1, &list, NULL) != SQLITE_OK)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not list the tables"));
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (list, 0);
      gboolean soft = sqlite3_column_int (list, 1);
      char *sql = soft ? sqlite3_mprintf ("SELECT count(*), count(deleted_at) FROM \"%w\"", name)
                       : sqlite3_mprintf ("SELECT count(*), 0 FROM \"%w\"", name);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        {
          BfStatCount *count = g_new0 (BfStatCount, 1);
          count->name = g_strdup (name);
          count->deleted = sqlite3_column_int64 (stmt, 1);
          count->active = sqlite3_column_int64 (stmt, 0) - count->deleted;
          g_ptr_array_add (tables, count);
        }
      else
        {
          _bf_store_set_sqlite_error (self, error, _ ("Could not count the records"));
          ok = FALSE;
        }
      sqlite3_finalize (stmt);
      sqlite3_free (sql);
    }
  sqlite3_finalize (list);
  return ok;
}

static gboolean
count_statuses (BfStore *self, GPtrArray *statuses, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (
    self, "SELECT status, count(*) FROM households WHERE deleted_at IS NULL GROUP BY status",
    error);
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not count the households"));
      return FALSE;
    }
  /* Lifecycle order, every status listed; then any code this build does not know. */
  for (int s = 0; s < BF_N_STATUSES; s++)
    {
      BfStatCount *count = g_new0 (BfStatCount, 1);
      count->name = g_strdup (bf_status_code (s));
      count->active = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, count->name));
      g_hash_table_remove (counts, count->name);
      g_ptr_array_add (statuses, count);
    }
  {
    GHashTableIter iter;
    gpointer key, value;
    g_autoptr (GList) rest = NULL;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &key, &value))
      rest = g_list_prepend (rest, key);
    rest = g_list_sort (rest, (GCompareFunc) g_strcmp0);
    for (GList *l = rest; l != NULL; l = l->next)
      {
        BfStatCount *count = g_new0 (BfStatCount, 1);
        count->name = g_strdup (l->data);
        count->active = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, l->data));
        g_ptr_array_add (statuses, count);
      }
  }
  return TRUE;
}

/* Rows of (name, count) from @sql into @counts. */
static gboolean
count_groups (BfStore *self, const char *sql, GPtrArray *counts, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfStatCount *count = g_new0 (BfStatCount, 1);
      count->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      count->active = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (counts, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not count the households"));
      return FALSE;
    }
  return TRUE;
}

BfStoreStats *
bf_store_stats (BfStore *self, GError **error)
{
  g_autoptr (BfStoreStats) stats = g_new0 (BfStoreStats, 1);
  g_autofree char *wal = NULL;
  gint64 version = 0;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stats->tables = g_ptr_array_new_with_free_func (stat_count_free);
  stats->statuses = g_ptr_array_new_with_free_func (stat_count_free);
  stats->villages = g_ptr_array_new_with_free_func (stat_count_free);
  stats->causes = g_ptr_array_new_with_free_func (stat_count_free);
  if (!count_tables (self, stats->tables, error) ||
      !count_statuses (self, stats->statuses, error) ||
      !count_groups (self,
                     "SELECT v.name, (SELECT count(*) FROM households h WHERE h.village_id = v.id "
                     "AND h.deleted_at IS NULL) FROM villages v WHERE v.deleted_at IS NULL "
                     "ORDER BY v.sort_order, v.id",
                     stats->villages, error) ||
      !count_groups (self,
                     "SELECT primary_cause, count(*) FROM households WHERE deleted_at IS NULL "
                     "AND primary_cause IS NOT NULL GROUP BY primary_cause "
                     "ORDER BY count(*) DESC, primary_cause",
                     stats->causes, error) ||
      !query_int (self, "SELECT count(*) FROM audit_log", &stats->audit_entries, error) ||
      !query_int (self, "PRAGMA page_size", &stats->page_size, error) ||
      !query_int (self, "PRAGMA page_count", &stats->page_count, error) ||
      !query_int (self, "PRAGMA freelist_count", &stats->freelist_count, error) ||
      !query_int (self, "PRAGMA user_version", &version, error))
    return NULL;
  stats->schema_version = (int) version;
  wal = g_strconcat (bf_store_get_path (self), "-wal", NULL);
  stats->file_bytes = file_size (bf_store_get_path (self));
  stats->wal_bytes = file_size (wal);
  return g_steal_pointer (&stats);
}
