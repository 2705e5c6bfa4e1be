/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bf-store-audit.h"
#include "bf-store-backup-private.h"
#include "bf-store-backup.h"
#include "bf-store-check.h"
#include "bf-store-private.h"
#include "bf-store-regions.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

static gboolean
has_village (BfStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = bf_store_list_villages (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < villages->len; i++)
    if (g_strcmp0 (((BfVillage *) g_ptr_array_index (villages, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* The one file in @dir whose name starts with @prefix; NULL when none. */
static char *
find_file (const char *dir, const char *prefix, guint *n_found)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  *n_found = 0;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        (*n_found)++;
        g_free (found);
        found = g_build_filename (dir, name, NULL);
      }
  return found;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "r.bangfu", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "r.bangfu", 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *first = NULL;
  g_autofree char *base = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  guint n = 0;

  g_assert_cmpint (bf_store_village_add (store, "新村", 1, &error), >, 0);
  first = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  base = g_path_get_basename (first);
  g_assert_true (g_str_has_prefix (base, "r-"));
  g_assert_true (g_str_has_suffix (base, ".bangfu"));
  g_assert_true (g_str_has_prefix (first, dir));
  g_assert_nonnull (strstr (first, "/backups/"));

  /* Changed after the backup: closing makes another one. */
  g_assert_cmpint (bf_store_village_add (store, "后来村", 1, &error), >, 0);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  backups = bf_store_list_backups (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (backups, 1), ==, first);

  /* Restore the first: its state comes back, the current file is set aside. */
  g_assert_true (bf_store_restore (path, first, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_true (has_village (store, "新村"));
  g_assert_false (has_village (store, "后来村"));
  g_assert_true (bf_store_audit_verify (store, NULL, &error));
  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);

  aside = find_file (dir, "r.bangfu.damaged-", &n);
  g_assert_cmpuint (n, ==, 1);
  store = bf_store_open (aside, BF_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (has_village (store, "后来村"));
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_restore_refuses (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "q.bangfu", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.bangfu", NULL);
  g_autofree char *text = g_build_filename (dir, "text.bangfu", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "q.bangfu", 200);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GBytes) backup_bytes = NULL;
  g_autofree char *backup = bf_store_backup (store, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  backup_bytes = bf_test_file_bytes (backup);
  g_assert_true (g_file_set_contents (bad, g_bytes_get_data (backup_bytes, NULL),
                                      g_bytes_get_size (backup_bytes) / 2, NULL));
  g_assert_true (g_file_set_contents (text, "not a register", -1, NULL));

  /* Open in a window: refused. */
  g_assert_false (bf_store_restore (path, backup, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);

  before = bf_test_file_bytes (path);
  g_assert_false (bf_store_restore (path, bad, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "bad.bangfu"));
  g_clear_error (&error);
  g_assert_false (bf_store_restore (path, text, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_A_REGISTER);
  g_clear_error (&error);
  after = bf_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_free (find_file (dir, "q.bangfu.", &n));
  g_assert_cmpuint (n, ==, 0);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Restoring over a register that no longer opens: the usual reason to restore. */
static void
test_restore_over_damaged (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "d.bangfu", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "d.bangfu", 3);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *aside = NULL;
  guint n = 0;

  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);
  backups = bf_store_list_backups (path, NULL);
  g_assert_cmpuint (backups->len, ==, 1); /* creation counts as a change */
  g_assert_true (g_file_set_contents (path, "scribbled over", -1, NULL));
  g_assert_null (bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error));
  g_clear_error (&error);

  g_assert_true (bf_store_restore (path, g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);
  store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_true (has_village (store, "村3"));
  g_assert_true (bf_store_close (store, NULL));
  aside = find_file (dir, "d.bangfu.damaged-", &n);
  g_assert_cmpuint (n, ==, 1);
  {
    g_autoptr (GBytes) kept = bf_test_file_bytes (aside);

    g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "scribbled over", 14);
  }
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
touch (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
test_rotation (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *register_path = g_build_filename (dir, "t.bangfu", NULL);
  g_autofree char *backups_dir = g_build_filename (dir, "backups", NULL);
  g_autoptr (GPtrArray) left = NULL;
  const char *hours[] = { "080000", "100000", "120000", "140000" };

  g_assert_cmpint (g_mkdir (backups_dir, 0700), ==, 0);
  /* Ten days of four backups, and a second one in the last second. */
  for (int day = 1; day <= 10; day++)
    for (gsize h = 0; h < G_N_ELEMENTS (hours); h++)
      {
        g_autofree char *name = g_strdup_printf ("t-202601%02d-%s.bangfu", day, hours[h]);

        touch (backups_dir, name);
      }
  touch (backups_dir, "t-20260110-140000-2.bangfu");
  /* Not backups of this register: never touched. */
  touch (backups_dir, "t-notes.txt");
  touch (backups_dir, "other-20260101-080000.bangfu");
  touch (backups_dir, "t-2026-01-01.bangfu");

  _bf_store_rotate_backups (backups_dir, "t", NULL);
  left = bf_store_list_backups (register_path, NULL);

  /* The newest 24: days 10..5 (with the extra one, day 5 loses its oldest). Then the newest
   * of each of the 7 most recent days: day 4 keeps its 14:00 one. Days 1..3 are gone. */
  g_assert_cmpuint (left->len, ==, 25);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (left, 0), "t-20260110-140000-2.bangfu"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (left, 1), "t-20260110-140000.bangfu"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (left, 23), "t-20260105-100000.bangfu"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (left, 24), "t-20260104-140000.bangfu"));
  {
    g_autofree char *notes = g_build_filename (backups_dir, "t-notes.txt", NULL);
    g_autofree char *other = g_build_filename (backups_dir, "other-20260101-080000.bangfu", NULL);
    g_autofree char *odd = g_build_filename (backups_dir, "t-2026-01-01.bangfu", NULL);

    g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (odd, G_FILE_TEST_EXISTS));
  }
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_backup_names (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *elsewhere = g_build_filename (dir, "usb", "copies", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "台账 2026.bangfu", 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Many backups in the same second get distinct names, and none is lost. */
  for (int i = 0; i < 5; i++)
    {
      char *path = bf_store_backup (store, elsewhere, &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (path, elsewhere));
      g_assert_true (g_hash_table_add (names, path));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpuint (g_hash_table_size (names), ==, 5);
  /* Nothing half-written is left. */
  {
    g_autoptr (GDir) handle = g_dir_open (elsewhere, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      g_assert_null (strstr (name, "partial"));
  }
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  BfStore *store;
  const char *dir;
  char *path;
  GError *error;
  gint done;
} BackupJob;

static gpointer
backup_thread (gpointer data)
{
  BackupJob *job = data;

  job->path = bf_store_backup (job->store, job->dir, &job->error);
  g_atomic_int_set (&job->done, 1);
  return NULL;
}

static guint
n_villages (BfStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = bf_store_list_villages (store, &error);

  g_assert_no_error (error);
  return villages->len;
}

/* The window backs up in a worker thread while the caseworker goes on saving: the backup reads
 * through a connection of its own, so both go on undisturbed, and the backup holds every write
 * committed before it began and is sound. */
static void
test_backup_while_writing (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "w.bangfu", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "copies", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "w.bangfu", 1);
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  guint written = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("先有村%u", i);

      g_assert_cmpint (bf_store_village_add (store, name, 1, &error), >, 0);
    }
  for (guint round = 0; round < 3; round++)
    {
      BackupJob job = { store, elsewhere, NULL, NULL, 0 };
      guint before = n_villages (store), during = 0;
      g_autoptr (GThread) thread = g_thread_new ("backup", backup_thread, &job);
      g_autoptr (BfStore) copy = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      guint in_copy;

      /* Writes (one transaction each, with its audit entry) until the backup has finished. */
      do
        {
          g_autofree char *name = g_strdup_printf ("备份时村%u", written++);

          g_assert_cmpint (bf_store_village_add (store, name, 1, &error), >, 0);
          g_assert_no_error (error);
          during++;
        }
      while (!g_atomic_int_get (&job.done));
      g_thread_join (g_steal_pointer (&thread));
      g_assert_no_error (job.error);
      g_assert_nonnull (job.path);
      g_test_message ("round %u: %u writes while the backup ran", round, during);

      copy = bf_store_open (job.path, BF_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      in_copy = n_villages (copy);
      g_assert_cmpuint (in_copy, >=, before);
      g_assert_cmpuint (in_copy, <=, before + during);
      g_assert_true (bf_store_audit_verify (copy, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (bf_store_check (copy, &problems, &error));
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_true (bf_store_close (copy, NULL));
      g_free (job.path);
    }

  /* A write after the last backup began: closing backs up again. */
  g_assert_cmpint (bf_store_village_add (store, "最后村", 1, &error), >, 0);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  backups = bf_store_list_backups (path, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Runs @sql on the file at @path through a connection of its own; asserts success. */
static void
exec_on_file (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
query_file (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A copy whose index no longer matches its rows passes quick_check, not the backup's check. */
static void
test_backup_checked_whole (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "i.bangfu", 3);
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = bf_store_backup (store, NULL, &error);
  g_autofree char *quick = NULL;
  g_autofree char *version = NULL;

  g_assert_no_error (error);
  version = query_file (backup, "PRAGMA user_version");
  g_assert_true (_bf_store_check_backup (backup, g_ascii_strtoll (version, NULL, 10), &error));
  g_assert_no_error (error);
  /* The index on villages(name) is declared over another column: its entries no longer match. */
  exec_on_file (backup, "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = "
                        "'CREATE UNIQUE INDEX villages_name ON villages(uuid) WHERE deleted_at IS "
                        "NULL' WHERE name = 'villages_name'");
  quick = query_file (backup, "PRAGMA quick_check");
  g_assert_cmpstr (quick, ==, "ok");
  g_assert_false (_bf_store_check_backup (backup, g_ascii_strtoll (version, NULL, 10), &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* After the clock was put back, older backups carry newer names: the one just written still
 * stays, and it is the newest that passed. */
static void
test_rotation_keeps_new (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *backups_dir = g_build_filename (dir, "backups", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "k.bangfu", 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *made = NULL;

  g_assert_cmpint (g_mkdir (backups_dir, 0700), ==, 0);
  for (int day = 1; day <= 30; day++)
    {
      g_autofree char *name =
        g_strdup_printf ("k-2099%02d%02d-120000.bangfu", 1 + day / 28, 1 + day % 28);

      touch (backups_dir, name);
    }
  made = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A register killed with commits still in its write-ahead log: the restore folds the log into it
 * first, so that the file set aside holds those commits; the log is gone from beside the restored
 * register. */
static void
test_restore_over_wal (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "l.bangfu", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *count = NULL;
  g_autoptr (BfStore) store = bf_test_store_new (dir, "l.bangfu", 1);
  g_autoptr (GError) error = NULL;
  guint n = 0;
  pid_t pid;
  int status = 0;

  backup = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);

  /* A writer that dies before its checkpoint: the commit is only in the log. */
  pid = fork ();
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db,
                        "PRAGMA wal_autocheckpoint = 0; CREATE TABLE probe (x); "
                        "INSERT INTO probe VALUES (1)",
                        NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (bf_store_restore (path, backup, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  aside = find_file (dir, "l.bangfu.damaged-", &n);
  g_assert_cmpuint (n, ==, 1);
  count = query_file (aside, "SELECT count(*) FROM probe");
  g_assert_cmpstr (count, ==, "1");
  store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (
    bf_test_query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'probe'"), ==, 0);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A damaged register is not written to, not even to fold its log: the log goes aside with it. */
static void
test_restore_over_damaged_wal (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "m.bangfu", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autoptr (BfStore) store = bf_test_store_new (dir, "m.bangfu", 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) main_before = NULL;
  guint n = 0;

  backup = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (path, "scribbled over", -1, NULL));
  g_assert_true (g_file_set_contents (wal, "a log that belongs to it", -1, NULL));
  main_before = bf_test_file_bytes (path);

  g_assert_true (bf_store_restore (path, backup, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  aside = find_file (dir, "m.bangfu.damaged-", &n);
  g_assert_cmpuint (n, ==, 2); /* the file and its log */
  g_clear_pointer (&aside, g_free);
  aside = find_file (dir, "m.bangfu.damaged-", &n);
  if (g_str_has_suffix (aside, "-wal"))
    {
      aside_wal = g_steal_pointer (&aside);
      aside = g_strndup (aside_wal, strlen (aside_wal) - 4);
    }
  else
    aside_wal = g_strconcat (aside, "-wal", NULL);
  g_assert_true (g_bytes_equal (main_before, bf_test_file_bytes (aside)));
  {
    g_autoptr (GBytes) kept = bf_test_file_bytes (aside_wal);

    g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept),
                     "a log that belongs to it", 24);
  }
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/backup/round-trip", test_round_trip);
  g_test_add_func ("/store/backup/restore-refuses", test_restore_refuses);
  g_test_add_func ("/store/backup/restore-over-damaged", test_restore_over_damaged);
  g_test_add_func ("/store/backup/rotation", test_rotation);
  g_test_add_func ("/store/backup/names", test_backup_names);
  g_test_add_func ("/store/backup/while-writing", test_backup_while_writing);
  g_test_add_func ("/store/backup/checked-whole", test_backup_checked_whole);
  g_test_add_func ("/store/backup/rotation-keeps-new", test_rotation_keeps_new);
  g_test_add_func ("/store/backup/restore-over-wal", test_restore_over_wal);
  g_test_add_func ("/store/backup/restore-over-damaged-wal", test_restore_over_damaged_wal);
  return g_test_run ();
}
