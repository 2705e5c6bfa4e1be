/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bf-store-audit.h"
#include "bf-store-backup.h"
#include "bf-store-migrations-private.h"
#include "bf-store-private.h"
#include "bf-store-regions.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

static const char *self_exe;

static void
test_create_reopen (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "县.bangfu", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_test_store_new (dir, "县.bangfu", 2);
  g_autoptr (BfStore) again = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  g_autofree char *note = NULL;
  g_autofree char *value = NULL;
  BfVillage *village;
  gint64 n_checked = 0;

  g_assert_cmpstr (bf_store_get_path (store), ==, path);
  g_assert_cmpstr (bf_store_get_county (store), ==, "测试县");
  g_assert_cmpstr (bf_store_get_township (store), ==, "测试镇");
  g_assert_cmpstr (bf_store_get_operator (store), ==, "测试员");

  villages = bf_store_list_villages (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (villages->len, ==, 2);
  village = g_ptr_array_index (villages, 1);
  g_assert_cmpstr (village->name, ==, "村2");
  g_assert_cmpuint (village->groups->len, ==, 3);
  g_assert_cmpstr (((BfGroup *) g_ptr_array_index (village->groups, 0))->name, ==, "1组");
  g_assert_cmpstr (((BfGroup *) g_ptr_array_index (village->groups, 2))->name, ==, "3组");
  g_assert_nonnull (village->uuid);

  /* Defaults a caseworker relies on. */
  value = bf_store_setting_get (store, BF_SETTING_TOWNSHIP_NOTICE);
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);
  value = bf_store_setting_get (store, BF_SETTING_NOTICE_DAYS);
  g_assert_cmpstr (value, ==, "7");
  g_clear_pointer (&value, g_free);
  value = bf_store_setting_get (store, BF_SETTING_NOTICE_ISSUER);
  g_assert_cmpstr (value, ==, "测试镇");
  g_assert_null (bf_store_setting_get (store, "no.such.key"));
  g_assert_cmpint (
    bf_test_query_int (store, "SELECT poverty_line_fen FROM poverty_lines WHERE year = 2015"), ==,
    285500);
  note = bf_test_query_text (store, "SELECT note FROM poverty_lines WHERE year = 2025");
  g_assert_nonnull (strstr (note, "Example"));

  /* The connection is set up as the data rules require. */
  g_assert_cmpint (bf_test_query_int (store, "PRAGMA user_version"), ==,
                   _bf_store_schema_version ());
  g_assert_cmpint (bf_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (bf_test_query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (bf_test_query_int (store, "PRAGMA busy_timeout"), ==, 5000);
  g_clear_pointer (&value, g_free);
  value = bf_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (value, ==, "wal");

  /* Creation is audited: register, 2 villages, 6 groups, settings, 3 lines. */
  g_assert_true (bf_store_audit_verify (store, &n_checked, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_checked, ==, 1 + 2 + 6 + 1 + 3);

  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  listed = bf_store_list_backups (path, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (listed, 0), backups));

  again = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bf_store_get_township (again), ==, "测试镇");
  g_clear_pointer (&villages, g_ptr_array_unref);
  villages = bf_store_list_villages (again, &error);
  g_assert_cmpuint (villages->len, ==, 2);
  g_assert_true (bf_store_audit_verify (again, NULL, &error));
  g_assert_true (bf_store_close (again, &error));
  /* Creation left one backup; a session that changed nothing adds none. */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = bf_store_list_backups (path, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_create_refuses (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "x.bangfu", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  const char *villages[] = { "甲村", NULL };
  const char *no_villages[] = { NULL };
  const char *blank_village[] = { "甲村", "  ", NULL };
  BfRegisterSpec spec = { "县", "镇", villages, 2, "员" };
  BfStore *store;

  spec.county = " ";
  store = bf_store_create (path, &spec, &error);
  g_assert_null (store);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  spec.county = "县";
  spec.villages = no_villages;
  g_assert_null (bf_store_create (path, &spec, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  spec.villages = blank_village;
  g_assert_null (bf_store_create (path, &spec, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Nothing was left behind by the refusals. */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    g_assert_null (g_dir_read_name (d));
  }

  /* An existing file is never overwritten. */
  g_assert_true (g_file_set_contents (path, "precious", -1, NULL));
  before = bf_test_file_bytes (path);
  spec.villages = villages;
  g_assert_null (bf_store_create (path, &spec, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "x.bangfu"));
  after = bf_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Opening @path must fail with @code, naming the file, and leave its bytes unchanged. */
static void
assert_refused_untouched (const char *path, BfStoreOpenFlags flags, int code)
{
  g_autoptr (GBytes) before = bf_test_file_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);
  GStatBuf st_before, st_after;
  BfStore *store;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  store = bf_store_open (path, flags, &error);
  g_assert_null (store);
  g_assert_error (error, BF_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, base));
  after = bf_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

static void
test_not_a_register (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *garbage = g_build_filename (dir, "garbage.bangfu", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.bangfu", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.bangfu", NULL);
  g_autofree char *lookalike = g_build_filename (dir, "lookalike.bangfu", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.bangfu", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  guint8 noise[8192];
  sqlite3 *db = NULL;

  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int (rand);
  g_assert_true (g_file_set_contents (garbage, (const char *) noise, sizeof noise, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (text, "户编号,姓名\n1,张三\n", -1, NULL));

  /* A real SQLite database of another program. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  /* Same table name, another application. */
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE register_info (id INTEGER PRIMARY KEY, application "
                                 "TEXT); INSERT INTO register_info VALUES (1, 'org.example.Other');"
                                 " PRAGMA user_version = 1;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (garbage, BF_STORE_OPEN_EXCLUSIVE, BF_STORE_ERROR_NOT_A_REGISTER);
  assert_refused_untouched (empty, BF_STORE_OPEN_DEFAULT, BF_STORE_ERROR_NOT_A_REGISTER);
  assert_refused_untouched (text, BF_STORE_OPEN_DEFAULT, BF_STORE_ERROR_NOT_A_REGISTER);
  assert_refused_untouched (other, BF_STORE_OPEN_EXCLUSIVE, BF_STORE_ERROR_NOT_A_REGISTER);
  assert_refused_untouched (foreign, BF_STORE_OPEN_DEFAULT, BF_STORE_ERROR_NOT_A_REGISTER);
  /* Bangfu's own application id in a table that lacks the register's columns: refused before a
   * connection that could write (and rewrite the header) is opened, not with "no such column". */
  g_assert_cmpint (sqlite3_open (lookalike, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE register_info (id INTEGER PRIMARY KEY, application "
                                 "TEXT); INSERT INTO register_info VALUES (1, "
                                 "'" BF_STORE_APPLICATION_ID "'); PRAGMA user_version = 1;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (lookalike, BF_STORE_OPEN_DEFAULT, BF_STORE_ERROR_NOT_A_REGISTER);

  g_assert_null (bf_store_open (missing, BF_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A closed register of @n_villages villages, big enough to span many pages. */
static char *
make_register (const char *dir, const char *name, guint n_villages)
{
  g_autoptr (BfStore) store = bf_test_store_new (dir, name, n_villages);

  g_assert_true (bf_store_close (store, NULL));
  return g_build_filename (dir, name, NULL);
}

/* What opening checks, whatever the size of the file: its length, and the pages the first screen
 * reads (the damage elsewhere is the background check's: test-store-verify.c). */
static void
test_damaged (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_register (dir, "good.bangfu", 300);
  g_autofree char *truncated = g_build_filename (dir, "truncated.bangfu", NULL);
  g_autofree char *scribbled = g_build_filename (dir, "scribbled.bangfu", NULL);
  g_autofree char *groups = g_build_filename (dir, "groups.bangfu", NULL);
  g_autofree char *journal = g_build_filename (dir, "journal.bangfu", NULL);
  g_autofree char *journal_wal = g_strconcat (journal, "-wal", NULL);
  g_autoptr (GBytes) bytes = bf_test_file_bytes (path);
  gsize size = g_bytes_get_size (bytes);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  g_autofree char *noise = g_strnfill (4096 + 24 + 32, 'x');
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;

  g_assert_cmpuint (size, >, 16 * 4096);
  /* Cut short: its header counts pages the file lacks. */
  g_assert_true (g_file_set_contents (truncated, (const char *) copy, size / 2, NULL));
  /* A page of a table the window reads first (the villages), and one of their groups. */
  bf_test_copy_file (path, scribbled);
  bf_test_damage_page (scribbled, "villages", 0);
  bf_test_copy_file (path, groups);
  bf_test_damage_page (groups, "village_groups", 1);
  /* A journal beside it that is not SQLite's: its frames would be lost. */
  bf_test_copy_file (path, journal);
  g_assert_true (g_file_set_contents (journal_wal, noise, -1, NULL));

  assert_refused_untouched (truncated, BF_STORE_OPEN_EXCLUSIVE, BF_STORE_ERROR_DAMAGED);
  assert_refused_untouched (scribbled, BF_STORE_OPEN_DEFAULT, BF_STORE_ERROR_DAMAGED);
  assert_refused_untouched (groups, BF_STORE_OPEN_READ_ONLY, BF_STORE_ERROR_DAMAGED);
  assert_refused_untouched (journal, BF_STORE_OPEN_DEFAULT, BF_STORE_ERROR_DAMAGED);

  /* The original is fine. */
  store = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A writer killed inside a checkpoint leaves page 1, with the new page count, written before
 * the pages after it: the file is shorter than its header says, and the journal beside it still
 * holds every page. That is SQLite's to redo on open, not damage. */
static void
test_interrupted_checkpoint (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_register (dir, "good.bangfu", 10);
  g_autofree char *path_wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *midway = g_build_filename (dir, "midway.bangfu", NULL);
  g_autofree char *midway_wal = g_strconcat (midway, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
  g_autoptr (BfStore) reopened = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree guint8 *copy = NULL;
  gint64 last = 0;
  guint32 pages;
  gsize size;

  g_assert_no_error (error);
  bf_test_exec (store, "PRAGMA wal_autocheckpoint=0");
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("midway-%u", i);

      last = bf_store_village_add (store, name, 2, &error);
      g_assert_no_error (error);
    }
  /* The file and its journal as a kill would leave them, page 1 claiming 50 pages more. */
  bytes = bf_test_file_bytes (path);
  size = g_bytes_get_size (bytes);
  copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  pages = (guint32) (size / 4096) + 50;
  copy[28] = pages >> 24, copy[29] = pages >> 16, copy[30] = pages >> 8, copy[31] = pages;
  memcpy (copy + 92, copy + 24, 4);
  g_assert_true (g_file_set_contents (midway, (const char *) copy, size, NULL));
  bf_test_copy_file (path_wal, midway_wal);
  g_assert_true (bf_store_close (store, NULL));

  reopened = bf_store_open (midway, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  {
    g_autoptr (GPtrArray) villages = bf_store_list_villages (reopened, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < villages->len; i++)
      found = found || ((BfVillage *) g_ptr_array_index (villages, i))->id == last;
    g_assert_true (found);
  }
  g_assert_true (bf_store_close (reopened, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_too_new (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_register (dir, "new.bangfu", 1);
  g_autofree char *pragma =
    g_strdup_printf ("PRAGMA user_version = %u", _bf_store_schema_version () + 1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  /* mtime has a one-second grain on some file systems: make a change visible. */
  g_usleep (G_USEC_PER_SEC / 10);

  assert_refused_untouched (path, BF_STORE_OPEN_EXCLUSIVE, BF_STORE_ERROR_TOO_NEW);
  assert_refused_untouched (path, BF_STORE_OPEN_READ_ONLY, BF_STORE_ERROR_TOO_NEW);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_read_only (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_register (dir, "ro.bangfu", 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (path, BF_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GBytes) before = bf_test_file_bytes (path);
  g_autoptr (GBytes) after = NULL;

  g_assert_no_error (error);
  villages = bf_store_list_villages (store, &error);
  g_assert_cmpuint (villages->len, ==, 2);
  g_assert_false (bf_store_setting_set (store, BF_SETTING_NOTICE_DAYS, "9", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "ro.bangfu"));
  g_clear_error (&error);
  g_assert_cmpint (bf_store_village_add (store, "新村", 1, &error), ==, 0);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO);
  g_assert_true (bf_store_close (store, NULL));
  after = bf_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Child: hold @path open exclusively until stdin closes. */
static int
hold_lock (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  char buf[16];

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("ready\n");
  fflush (stdout);
  while (fread (buf, 1, sizeof buf, stdin) > 0)
    ;
  return 0;
}

static void
test_exclusive (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = make_register (dir, "shared.bangfu", 1);
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) first = NULL;
  g_autoptr (BfStore) second = NULL;
  g_autoptr (BfStore) cli = NULL;
  const char *argv[] = { self_exe, "--hold-lock", path, NULL };
  GPid pid;
  int in_fd, out_fd;
  char line[16] = "";
  int status;

  first = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* A second window in the same process. */
  second = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_null (second);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "shared.bangfu"));
  g_clear_error (&error);

  /* A writer of the window's own process (a worker thread) shares its lock. */
  cli = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bf_store_village_add (cli, "命令行村", 1, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (cli, &error));
  g_assert_true (bf_store_close (first, &error));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* Another process holds it; once killed, its lock is gone. */
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, &in_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  {
    FILE *out = fdopen (out_fd, "r");

    g_assert_nonnull (fgets (line, sizeof line, out));
    g_assert_cmpstr (line, ==, "ready\n");
    g_clear_object (&second);
    second = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
    g_assert_null (second);
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE);
    g_clear_error (&error);

    kill (pid, SIGKILL);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_spawn_close_pid (pid);
    fclose (out);
    close (in_fd);
  }
  /* The killed process left its lock file; it does not block. */
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  second = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (second, &error));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_literal_strings (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "s.bangfu", 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autoptr (GPtrArray) villages = NULL;
  g_autofree char *value = NULL;
  char controls[40];
  const char *tricky[] = {
    "'; DROP TABLE households; --",
    "\" OR 1=1 -- %s %n %%",
    "Robert'); DELETE FROM audit_log WHERE ('1'='1",
    "张三\\x00\\' 李四 ? ?1 :name @p $v",
  };
  guint n = 0;

  for (guint i = 0; long_text->len < 10000; i++)
    g_string_append_unichar (long_text, i % 3 == 0 ? 0x7532 /* 甲 */ : 'a' + (i % 26));
  g_string_truncate (long_text, 10000);
  /* Every control character except NUL. */
  for (int c = 1; c < 32; c++)
    controls[n++] = (char) c;
  controls[n++] = 0x7f;
  controls[n] = '\0';

  g_assert_true (bf_store_setting_set (store, "test.long", long_text->str, &error));
  g_assert_no_error (error);
  value = bf_store_setting_get (store, "test.long");
  g_assert_cmpstr (value, ==, long_text->str);
  g_clear_pointer (&value, g_free);
  g_assert_true (bf_store_setting_set (store, "test.controls", controls, &error));
  value = bf_store_setting_get (store, "test.controls");
  g_assert_cmpstr (value, ==, controls);
  g_clear_pointer (&value, g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_assert_true (bf_store_setting_set (store, tricky[i], tricky[i], &error));
      g_assert_no_error (error);
      value = bf_store_setting_get (store, tricky[i]);
      g_assert_cmpstr (value, ==, tricky[i]);
      g_clear_pointer (&value, g_free);
      g_assert_cmpint (bf_store_village_add (store, tricky[i], 0, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpint (bf_store_village_add (store, long_text->str, 0, &error), >, 0);
  villages = bf_store_list_villages (store, &error);
  g_assert_cmpuint (villages->len, ==, 1 + G_N_ELEMENTS (tricky) + 1);
  for (gsize i = 0; i < G_N_ELEMENTS (tricky); i++)
    g_assert_cmpstr (((BfVillage *) g_ptr_array_index (villages, i + 1))->name, ==, tricky[i]);
  g_assert_cmpstr (((BfVillage *) g_ptr_array_index (villages, villages->len - 1))->name, ==,
                   long_text->str);

  /* Setting a value to NULL is recorded, and reads back as not set. */
  g_assert_true (bf_store_setting_set (store, "test.long", NULL, &error));
  g_assert_null (bf_store_setting_get (store, "test.long"));
  g_assert_true (bf_store_audit_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The follow-up years and the visit interval are the register's: defaults in a new register, a
 * fallback for one made before, a change kept and audited, a wrong value refused. */
static void
test_list_rules (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "rules.bangfu", 1);
  g_autoptr (BfStore) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *years = bf_store_setting_get (store, BF_SETTING_FOLLOWUP_YEARS);
  g_autofree char *days = bf_store_setting_get (store, BF_SETTING_NOT_VISITED_DAYS);
  g_autofree char *path = g_strdup (bf_store_get_path (store));
  const char *wrong[][2] = {
    { BF_SETTING_FOLLOWUP_YEARS, "51" },   { BF_SETTING_FOLLOWUP_YEARS, "-1" },
    { BF_SETTING_FOLLOWUP_YEARS, "三" },   { BF_SETTING_NOT_VISITED_DAYS, "0" },
    { BF_SETTING_NOT_VISITED_DAYS, "" },   { BF_SETTING_NOT_VISITED_DAYS, "3651" },
    { BF_SETTING_NOT_VISITED_DAYS, NULL },
  };
  gint64 entries;

  g_assert_cmpstr (years, ==, "5");
  g_assert_cmpstr (days, ==, "90");
  g_assert_cmpuint (bf_store_followup_years (store), ==, 5);
  g_assert_cmpuint (bf_store_not_visited_days (store), ==, 90);

  g_assert_true (bf_store_setting_set (store, BF_SETTING_FOLLOWUP_YEARS, "3", &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_setting_set (store, BF_SETTING_NOT_VISITED_DAYS, "30", &error));
  g_assert_cmpuint (bf_store_followup_years (store), ==, 3);
  g_assert_cmpuint (bf_store_not_visited_days (store), ==, 30);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM audit_log WHERE entity = "
                                             "'settings' AND changes LIKE "
                                             "'%visits.not_visited_days%'"),
                   ==, 2);

  entries = bf_test_query_int (store, "SELECT count(*) FROM audit_log");
  for (gsize i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_assert_false (bf_store_setting_set (store, wrong[i][0], wrong[i][1], &error));
      g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "whole number"));
      g_clear_error (&error);
    }
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM audit_log"), ==, entries);
  g_assert_cmpuint (bf_store_followup_years (store), ==, 3);
  g_assert_cmpuint (bf_store_not_visited_days (store), ==, 30);
  /* 0 years is allowed: no follow-up after exit. */
  g_assert_true (bf_store_setting_set (store, BF_SETTING_FOLLOWUP_YEARS, "0", &error));
  g_assert_cmpuint (bf_store_followup_years (store), ==, 0);

  /* A register made before the rules were kept in it has no rows: the defaults apply. */
  bf_test_exec (store, "DELETE FROM settings WHERE key IN ('exit.followup_years', "
                       "'visits.not_visited_days')");
  g_assert_true (bf_store_close (store, &error));
  again = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bf_store_followup_years (again), ==, 5);
  g_assert_cmpuint (bf_store_not_visited_days (again), ==, 90);
  g_assert_true (bf_store_close (again, NULL));
}

static void
test_rollback (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "r.bangfu", 1);
  g_autoptr (GError) error = NULL;
  gint64 entries = bf_test_query_int (store, "SELECT count(*) FROM audit_log");
  gint64 counter = bf_store_get_change_counter (store);
  JsonObject *changes = json_object_new ();

  /* A write that fails after its audit entry leaves neither. */
  g_assert_true (_bf_store_begin (store, &error));
  g_assert_cmpint (sqlite3_exec (_bf_store_db (store),
                                 "INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', "
                                 "'2026-01-01')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  _bf_changes_add (changes, "k", NULL, "v");
  g_assert_true (_bf_store_audit (store, "update", "settings", NULL, changes, &error));
  g_assert_cmpint (sqlite3_exec (_bf_store_db (store),
                                 "INSERT INTO villages (uuid, name, created_at, updated_at) VALUES "
                                 "('u', '   ', 'x', 'x')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
  _bf_store_rollback (store);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM audit_log"), ==, entries);
  g_assert_null (bf_store_setting_get (store, "k"));
  g_assert_cmpint (bf_store_get_change_counter (store), ==, counter);

  /* Refused public writes leave nothing either. */
  g_assert_cmpint (bf_store_village_add (store, "村1", 2, &error), ==, 0);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "村1"));
  g_clear_error (&error);
  g_assert_cmpint (bf_store_village_add (store, " \t", 2, &error), ==, 0);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bf_store_group_add (store, 999, "1组", &error), ==, 0);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (bf_store_group_add (store, 1, "2组", &error), ==, 0);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM audit_log"), ==, entries);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM villages"), ==, 1);

  /* The store still writes after all that. */
  g_assert_cmpint (bf_store_group_add (store, 1, " 4组 ", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (
    bf_test_query_int (store, "SELECT count(*) FROM village_groups WHERE name = '4组'"), ==, 1);
  g_assert_cmpint (bf_store_get_change_counter (store), >, counter);
  g_assert_true (bf_store_audit_verify (store, NULL, &error));
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
canonical_field (GString *form, const char *value)
{
  if (value == NULL)
    g_string_append (form, "-\n");
  else
    g_string_append_printf (form, "%zu:%s\n", strlen (value), value);
}

/* Rewrites entry @seq's hash from its fields, as bf-store.c documents the canonical form. */
static void
rehash_entry (sqlite3 *db, gint64 seq)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GString) form = g_string_new (NULL);
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT seq, prev_hash, at, operator, action, entity, uuid, "
                                       "changes FROM audit_log WHERE seq = ?",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < 8; i++)
    canonical_field (form, (const char *) sqlite3_column_text (stmt, i));
  sqlite3_finalize (stmt);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, form->str, form->len);
  sql =
    g_strdup_printf ("UPDATE audit_log SET hash = '%s' WHERE seq = %" G_GINT64_FORMAT, hash, seq);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_audit_tamper (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "a.bangfu", 2);
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *entry = NULL;
  sqlite3 *db = _bf_store_db (store);
  g_autofree char *uuid =
    bf_test_query_text (store, "SELECT uuid FROM villages WHERE name = '村1'");
  gint64 n = 0;

  /* The entry of one record. */
  sql = g_strdup_printf ("SELECT action || ' ' || operator || ' ' || changes FROM audit_log WHERE "
                         "uuid = '%s'",
                         uuid);
  entry = bf_test_query_text (store, sql);
  g_assert_cmpstr (entry, ==, "create 测试员 {\"name\":[null,\"村1\"]}");

  /* The triggers stop ordinary edits. */
  g_assert_cmpint (
    sqlite3_exec (db, "UPDATE audit_log SET operator = 'x' WHERE seq = 3", NULL, NULL, NULL), !=,
    SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log WHERE seq = 3", NULL, NULL, NULL), !=,
                   SQLITE_OK);
  g_assert_true (bf_store_audit_verify (store, &n, &error));
  g_assert_cmpint (n, >, 5);

  /* Someone determined drops them and edits one entry. */
  g_assert_cmpint (
    sqlite3_exec (db,
                  "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
                  " UPDATE audit_log SET changes = '{\"name\":[null,\"改\"]}' WHERE "
                  "seq = 3",
                  NULL, NULL, NULL),
    ==, SQLITE_OK);
  g_assert_false (bf_store_audit_verify (store, &n, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "entry 3:"));
  g_assert_nonnull (strstr (error->message, "changed"));
  g_assert_cmpint (n, ==, 0);
  g_clear_error (&error);

  /* Recomputing the edited entry's hash (the documented canonical form) moves the break to the
   * entry after it, which still names the old hash. */
  rehash_entry (db, 3);
  g_assert_false (bf_store_audit_verify (store, NULL, &error));
  g_assert_nonnull (strstr (error->message, "entry 4:"));
  g_assert_nonnull (strstr (error->message, "does not follow"));
  g_clear_error (&error);

  /* Removing an entry is found at the gap. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log WHERE seq IN (3, 6)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (bf_store_audit_verify (store, NULL, &error));
  g_assert_nonnull (strstr (error->message, "entry 4:"));
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Child: add @n villages named "@prefix-i" and exit. */
static int
write_villages (const char *path, const char *prefix, int n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);

  for (int i = 0; store != NULL && i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%d", prefix, i);

      if (bf_store_village_add (store, name, 1, &error) == 0)
        break;
    }
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return bf_store_close (store, NULL) ? 0 : 1;
}

/* Runs the --write-villages child on @path; its exit status, its stderr in @err. */
static int
run_writer (const char *path, char **err)
{
  const char *argv[] = { self_exe, "--write-villages", path, "cli", NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* One lock for every writer: another process cannot write while a window has the register open,
 * and is told who has it; once the window is gone it writes, and a reader that stayed sees its
 * commits in the change counter. */
static void
test_writer_refused (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) gui = bf_test_store_new (dir, "w.bangfu", 1);
  g_autoptr (BfStore) reader = NULL;
  g_autofree char *path = g_build_filename (dir, "w.bangfu", NULL);
  g_autofree char *err = NULL;
  g_autofree char *pid = g_strdup_printf ("process %d on %s", (int) getpid (), g_get_host_name ());
  g_autoptr (GError) error = NULL;
  gint64 before;

  g_assert_cmpint (run_writer (path, &err), ==, 1);
  g_assert_nonnull (strstr (err, "w.bangfu"));
  g_assert_nonnull (strstr (err, "test-store-open"));
  g_assert_nonnull (strstr (err, pid));
  g_assert_cmpint (bf_test_query_int (gui, "SELECT count(*) FROM villages WHERE name LIKE 'cli-%'"),
                   ==, 0);
  g_assert_true (bf_store_close (gui, NULL));

  reader = bf_store_open (path, BF_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  before = bf_store_get_change_counter (reader);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_writer (path, &err), ==, 0);
  g_assert_cmpint (
    bf_test_query_int (reader, "SELECT count(*) FROM villages WHERE name LIKE 'cli-%'"), ==, 100);
  g_assert_cmpint (bf_store_get_change_counter (reader), >, before);
  g_assert_true (bf_store_audit_verify (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_close (reader, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  self_exe = g_canonicalize_filename (argv[0], NULL);
  if (argc == 3 && strcmp (argv[1], "--hold-lock") == 0)
    return hold_lock (argv[2]);
  if (argc == 4 && strcmp (argv[1], "--write-villages") == 0)
    return write_villages (argv[2], argv[3], 100);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/create-reopen", test_create_reopen);
  g_test_add_func ("/store/create-refuses", test_create_refuses);
  g_test_add_func ("/store/not-a-register", test_not_a_register);
  g_test_add_func ("/store/damaged", test_damaged);
  g_test_add_func ("/store/interrupted-checkpoint", test_interrupted_checkpoint);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/exclusive", test_exclusive);
  g_test_add_func ("/store/literal-strings", test_literal_strings);
  g_test_add_func ("/store/list-rules", test_list_rules);
  g_test_add_func ("/store/rollback", test_rollback);
  g_test_add_func ("/store/audit-tamper", test_audit_tamper);
  g_test_add_func ("/store/writer-refused", test_writer_refused);
  return g_test_run ();
}
