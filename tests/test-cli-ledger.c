/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli export-ledger, run as a user would on a demo register: the workbook, the progress on
 * stderr, the record of the export, and bad usage. */

#include <string.h>
#include <sys/wait.h>

#include "bf-store-demo.h"
#include "bf-store-ledger.h"
#include "bf-test-util.h"

static char *dir;
static char *db;

/* Runs bangfu-cli --db DB ARGS… in the C locale; returns the exit status, fills @out and @err. */
static int
cli (char **out, char **err, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) BANGFU_CLI);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static guint
count_exports (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (db, BF_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (GPtrArray) exports = NULL;

  g_assert_no_error (error);
  exports = bf_store_ledger_export_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, NULL));
  return exports->len;
}

static void
test_export (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (dir, "石门乡_2026Q3_台账.xlsx", NULL);
  guint before = count_exports ();

  g_assert_cmpint (
    cli (&out, &err, "export-ledger", "--quarter", "2026Q3", "--mask", "-o", path, NULL), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (out, "Wrote "));
  g_assert_nonnull (strstr (out, " households, "));
  /* Progress lines on stderr, ending at 100 %. */
  g_assert_nonnull (strstr (err, "Writing"));
  g_assert_nonnull (strstr (err, "100%"));
  g_assert_cmpuint (count_exports (), ==, before + 1);
}

static void
test_village (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (dir, "village.xlsx", NULL);

  g_assert_cmpint (cli (&out, &err, "export-ledger", "--village", "清水村", "-o", path, NULL), ==,
                   0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* An unknown village is a usage error that names the register's villages; nothing is written. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "export-ledger", "--village", "没有村", "-o", path, NULL), ==,
                   2);
  g_assert_nonnull (strstr (err, "没有村"));
  g_assert_nonnull (strstr (err, "清水村"));
}

static void
test_bad_usage (void)
{
  g_autofree char *path = g_build_filename (dir, "never.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err1 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  guint before = count_exports ();

  /* No -o, a quarter that does not exist, a stray argument: usage errors, exit status 2. */
  g_assert_cmpint (cli (NULL, &err1, "export-ledger", "--quarter", "2026Q3", NULL), ==, 2);
  g_assert_nonnull (strstr (err1, "-o"));
  g_assert_cmpint (cli (NULL, &err2, "export-ledger", "--quarter", "2026Q5", "-o", path, NULL), ==,
                   2);
  g_assert_cmpstr (err2, !=, "");
  g_assert_cmpint (cli (&out, &err3, "export-ledger", "extra", "-o", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err3, "extra"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_exports (), ==, before);
}

/* The folder of -o is a file: the reason and the path are said, nothing is recorded. */
static void
test_failure (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *blocker = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *path = g_build_filename (blocker, "ledger.xlsx", NULL);
  guint before = count_exports ();

  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  g_assert_cmpint (cli (&out, &err, "export-ledger", "-o", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, path));
  g_assert_cmpuint (count_exports (), ==, before);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("BANGFU_TODAY", "2026-11-28", TRUE);
  dir = bf_test_tmpdir_new ();
  db = g_build_filename (dir, "石门乡.bangfu", NULL);
  store = bf_store_demo_create (db, 3, "测试员", &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_demo_generate (store, 120, 5, NULL, NULL, NULL, &error));
  g_assert_true (bf_store_close (store, &error));

  g_test_add_func ("/cli/ledger/export", test_export);
  g_test_add_func ("/cli/ledger/village", test_village);
  g_test_add_func ("/cli/ledger/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/ledger/failure", test_failure);
  status = g_test_run ();
  bf_test_tmpdir_free (dir);
  g_free (db);
  return status;
}
