/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "bf-store-audit.h"
#include "bf-store-backup.h"
#include "bf-store-migrations-private.h"
#include "bf-store-private.h"
#include "bf-store-regions.h"
#include "bf-test-store.h"
#include "bf-test-util.h"
#include "test-migrations.h"

/* Reads one integer from a file directly, without the store. */
static gint64
file_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
use_migrations (const char *set)
{
  if (set == NULL)
    _bf_store_set_migrations (NULL, NULL);
  else
    _bf_store_set_migrations (test_migrations_get_resource (), set);
}

/* A closed version-1 register with one extra village "旧村". */
static char *
make_v1_register (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;

  use_migrations ("/test/v1");
  store = bf_test_store_new (dir, "m.bangfu", 1);
  g_assert_cmpint (bf_store_village_add (store, "旧村", 2, &error), >, 0);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  return g_build_filename (dir, "m.bangfu", NULL);
}

static void
remove_backups (const char *path)
{
  g_autoptr (GPtrArray) backups = bf_store_list_backups (path, NULL);

  for (guint i = 0; i < backups->len; i++)
    g_assert_cmpint (g_unlink (g_ptr_array_index (backups, i)), ==, 0);
}

static void
test_upgrade (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_v1_register (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *last = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  remove_backups (path);
  g_assert_cmpint (file_int (path, "PRAGMA user_version"), ==, 1);

  use_migrations ("/test/good");
  g_assert_cmpuint (_bf_store_schema_version (), ==, 2);
  store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Migrated, data kept, and audited. */
  villages = bf_store_list_villages (store, &error);
  g_assert_cmpuint (villages->len, ==, 2);
  g_assert_cmpstr (((BfVillage *) g_ptr_array_index (villages, 1))->name, ==, "旧村");
  sql = g_strdup_printf ("SELECT action || ' ' || changes FROM audit_log WHERE uuid = '%s' "
                         "ORDER BY seq DESC LIMIT 1",
                         bf_store_get_uuid (store));
  last = bf_test_query_text (store, sql);
  g_assert_cmpstr (last, ==, "migrate {\"user_version\":[1,2]}");
  g_assert_true (bf_store_audit_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
  g_clear_object (&store);
  g_assert_cmpint (file_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (file_int (path, "SELECT version FROM test_marker"), ==, 2);

  /* A verified backup of the old version was made first. */
  backups = bf_store_list_backups (path, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (file_int (g_ptr_array_index (backups, 0), "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (
    file_int (g_ptr_array_index (backups, 0), "SELECT count(*) FROM villages WHERE name = '旧村'"),
    ==, 1);

  /* Opening again does not migrate again. */
  remove_backups (path);
  store = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
  g_clear_object (&store);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = bf_store_list_backups (path, &error);
  g_assert_cmpuint (backups->len, ==, 0);

  /* A build without migration 2 refuses the upgraded file and leaves it alone. */
  use_migrations ("/test/v1");
  before = bf_test_file_bytes (path);
  g_assert_null (bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "m.bangfu"));
  after = bf_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_create_latest (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "n.bangfu", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr (BfStore) store = NULL;

  /* From an empty file every migration applies at once, without a backup. */
  use_migrations ("/test/good");
  store = bf_test_store_new (dir, "n.bangfu", 1);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_true (bf_store_close (store, NULL));
  g_assert_true (g_file_test (backups, G_FILE_TEST_EXISTS)); /* the first backup, on close */
  g_assert_cmpint (file_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (file_int (path, "SELECT version FROM test_marker"), ==, 2);
  use_migrations (NULL);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_broken_migration (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_v1_register (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GPtrArray) backups = NULL;

  remove_backups (path);
  use_migrations ("/test/broken");
  g_assert_null (bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "step 2"));
  g_clear_error (&error);

  /* Nothing of the failed step remains; the backup made before it does. */
  g_assert_cmpint (file_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (file_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"),
                   ==, 0);
  backups = bf_store_list_backups (path, &error);
  g_assert_cmpuint (backups->len, ==, 1);

  use_migrations (NULL);
  store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_audit_verify (store, NULL, &error));
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A missing number (a branch's migration merged before another's): the upgrade applies the
 * migrations there are, and the schema version is the last one's number. */
static void
test_gap (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_v1_register (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *last = NULL;

  use_migrations ("/test/gap");
  g_assert_cmpuint (_bf_store_schema_version (), ==, 3);
  store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT action || ' ' || changes FROM audit_log WHERE uuid = '%s' "
                         "ORDER BY seq DESC LIMIT 1",
                         bf_store_get_uuid (store));
  last = bf_test_query_text (store, sql);
  g_assert_cmpstr (last, ==, "migrate {\"user_version\":[1,3]}");
  g_assert_true (bf_store_close (store, &error));
  g_assert_cmpint (file_int (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (file_int (path, "SELECT version FROM test_marker"), ==, 2);
  use_migrations (NULL);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Migration 2 (plans): an old register's households learn the date of their latest visit. */
static void
test_plans_backfill (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_v1_register (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (
    sqlite3_exec (db,
                  "INSERT INTO households (id, uuid, number, village_id, created_at, updated_at) "
                  "VALUES (1, 'h1', '001-00001', 1, 'x', 'x'), (2, 'h2', '001-00002', 1, 'x', 'x');"
                  "INSERT INTO visits (uuid, household_id, visited_on, visitor, mode, created_at, "
                  "updated_at, deleted_at) VALUES ('v1', 1, '2026-01-05', 'a', 'home', 'x', 'x', "
                  "NULL), ('v2', 1, '2026-03-05', 'a', 'home', 'x', 'x', NULL), ('v3', 1, "
                  "'2026-04-05', 'a', 'home', 'x', 'x', 'deleted');",
                  NULL, NULL, NULL),
    ==, SQLITE_OK);
  sqlite3_close (db);

  use_migrations (NULL);
  store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM households WHERE id = 1 AND "
                                             "last_visit_on = '2026-03-05'"),
                   ==, 1);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM households WHERE id = 2 AND "
                                             "last_visit_on = ''"),
                   ==, 1);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/migrations/upgrade", test_upgrade);
  g_test_add_func ("/store/migrations/create-latest", test_create_latest);
  g_test_add_func ("/store/migrations/broken", test_broken_migration);
  g_test_add_func ("/store/migrations/gap", test_gap);
  g_test_add_func ("/store/migrations/plans-backfill", test_plans_backfill);
  return g_test_run ();
}
