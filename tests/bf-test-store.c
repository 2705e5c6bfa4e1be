/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "bf-id-number.h"
#include "bf-store-private.h"
#include "bf-test-store.h"

BfStore *
bf_test_store_new (const char *dir, const char *name, guint n_villages)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  BfRegisterSpec spec = { 0 };
  BfStore *store;

  for (guint i = 1; i <= n_villages; i++)
    g_ptr_array_add (villages, g_strdup_printf ("村%u", i));
  g_ptr_array_add (villages, NULL);
  spec.county = "测试县";
  spec.township = "测试镇";
  spec.villages = (const char *const *) villages->pdata;
  spec.groups_per_village = 3;
  spec.operator_name = "测试员";
  store = bf_store_create (path, &spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

GBytes *
bf_test_file_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
bf_test_copy_file (const char *from, const char *to)
{
  g_autoptr (GBytes) bytes = bf_test_file_bytes (from);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

void
bf_test_exec (BfStore *store, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (_bf_store_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

char *
bf_test_id_number (const char *birth, guint seq)
{
  g_autofree char *first17 = g_strdup_printf ("110105%s%03u", birth, seq);

  return g_strdup_printf ("%s%c", first17, bf_id_number_check_char (first17));
}

gint64
bf_test_add_household (BfStore *store,
                       const char *number,
                       const char *head_name,
                       const char *head_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *household_uuid = g_uuid_string_random ();
  g_autofree char *member_uuid = g_uuid_string_random ();
  g_autofree char *birth = NULL;
  sqlite3 *db = _bf_store_db (store);
  sqlite3_stmt *stmt = NULL;
  BfIdNumber id;
  gint64 household_id;

  g_assert_true (bf_id_number_parse (head_id, NULL, &id, &error));
  g_assert_no_error (error);
  birth = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&id.birth_date),
                           g_date_get_month (&id.birth_date), g_date_get_day (&id.birth_date));

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO households (uuid, number, village_id, status, "
                                       "head_name, member_count, created_at, updated_at) VALUES "
                                       "(?, ?, 1, 'surveyed', ?, 1, 'now', 'now')",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, household_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, head_name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  household_id = sqlite3_last_insert_rowid (db);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO members (uuid, household_id, name, id_number, "
                                       "relation, sex, birth_date, created_at, updated_at) VALUES "
                                       "(?, ?, ?, ?, 'head', ?, ?, 'now', 'now')",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, member_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, household_id);
  sqlite3_bind_text (stmt, 3, head_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, id.number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, id.male ? "male" : "female", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, birth, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return household_id;
}

static sqlite3_stmt *
first_row (BfStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_bf_store_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
bf_test_query_int (BfStore *store, const char *sql)
{
  sqlite3_stmt *stmt = first_row (store, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

char *
bf_test_query_text (BfStore *store, const char *sql)
{
  sqlite3_stmt *stmt = first_row (store, sql);
  char *value = _bf_column_dup (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

gint64
bf_test_damage_page (const char *path, const char *table, guint nth)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page = 0, page_size = 0;
  guint8 garbage[65536];
  int fd;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT pageno, pgsize FROM dbstat WHERE name = ? AND "
                                       "pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET ?",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) nth);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);
  g_assert_cmpint (page_size, <=, (gint64) sizeof garbage);

  memset (garbage, 0x5a, sizeof garbage);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, page_size, (page - 1) * page_size), ==, page_size);
  g_assert_cmpint (fsync (fd), ==, 0);
  close (fd);
  return page;
}
