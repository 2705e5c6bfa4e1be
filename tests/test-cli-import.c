/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli import as a caseworker runs it on the workbooks of import-fixtures.py: exit 0 when
 * every row is imported, 1 when some are refused (with the report), 2 for bad usage; a dry run
 * writes nothing; the same file twice imports once; import list and import undo; --json; the
 * messages in Chinese. */

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bf-test-import.h"
#include "bf-test-util.h"

static char *fixtures; /* import-fixtures.py's files */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* Runs bangfu-cli in English (or in Chinese when @chinese); returns its exit status, @out its
 * stdout (may be NULL). */
static int
cli_in (gboolean chinese, char **out, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  int wait_status = 0;

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = chinese ? g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE)
                : g_environ_unsetenv (env, "LANGUAGE");
  g_ptr_array_add (argv, (char *) BANGFU_CLI);
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text, NULL,
                &wait_status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

#define CLI(out, ...)    cli_in (FALSE, (out), (const char *const[]){ __VA_ARGS__, NULL })
#define CLI_ZH(out, ...) cli_in (TRUE, (out), (const char *const[]){ __VA_ARGS__, NULL })

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The households of the register, through list households --json. */
static guint
n_households (const Fixture *f)
{
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) node = NULL;

  g_assert_cmpint (CLI (&out, "--db", f->db, "list", "households", "--json"), ==, 0);
  node = json_from_string (out, NULL);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_get_length (json_node_get_array (node));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bf_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "r.bangfu", NULL);
  g_assert_cmpint (CLI (NULL, "--db", f->db, "init", "--county", "青山县", "--township", "石门乡",
                        "--villages", "清水村", "--operator", "测试员"),
                   ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bf_test_tmpdir_free (f->dir);
  g_free (f->db);
}

static void
test_exit_status (Fixture *f, gconstpointer data)
{
  g_autofree char *national = g_build_filename (fixtures, "national.xlsx", NULL);
  g_autofree char *many = g_build_filename (fixtures, "many.xlsx", NULL);
  g_autofree char *report = g_build_filename (f->dir, "refused.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;

  /* Bad usage: 2, and nothing written. */
  g_assert_cmpint (CLI (NULL, "--db", f->db, "import"), ==, 2);
  g_assert_cmpint (CLI (NULL, "--db", f->db, "import", many, "--on-duplicate", "merge"), ==, 2);
  g_assert_cmpint (CLI (NULL, "--db", f->db, "import", f->dir), ==, 2);
  g_assert_cmpuint (n_households (f), ==, 0);

  /* A dry run: what would be, nothing written. */
  g_assert_cmpint (CLI (&out, "--db", f->db, "import", many, "--dry-run"), ==, 0);
  assert_contains (out, "Dry run: nothing was written.");
  assert_contains (out, "600 created");
  g_assert_cmpuint (n_households (f), ==, 0);
  g_clear_pointer (&out, g_free);

  /* Every row imported: 0; again: 0, and nothing changes. */
  g_assert_cmpint (CLI (&out, "--db", f->db, "import", many), ==, 0);
  assert_contains (out, "600 created");
  g_assert_cmpuint (n_households (f), ==, 600);
  g_assert_cmpint (CLI (&again, "--db", f->db, "import", many), ==, 0);
  assert_contains (again, "was imported already (import 1");
  g_assert_cmpuint (n_households (f), ==, 600);
  g_clear_pointer (&out, g_free);

  /* Some rows refused: 1, and the report names them. */
  g_assert_cmpint (CLI (&out, "--db", f->db, "import", national, "--report", report), ==, 1);
  assert_contains (out, "Not imported: 6 rows of 5 households.");
  assert_contains (out, "refused.xlsx (6 rows)");
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (n_households (f), ==, 603);
}

static void
test_json_list_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *national = g_build_filename (fixtures, "national.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *list = NULL;
  g_autoptr (JsonObject) result = NULL;
  g_autoptr (JsonNode) imports = NULL;
  JsonObject *record;

  g_assert_cmpint (CLI (&out, "--db", f->db, "import", national, "--json"), ==, 1);
  result = parse_object (out);
  g_assert_cmpint (json_object_get_int_member (result, "households_created"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (result, "people_created"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (result, "refused_rows"), ==, 6);
  record = json_object_get_object_member (result, "import");
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (record, "file"), ==, "national.xlsx");

  g_assert_cmpint (CLI (&list, "--db", f->db, "import", "list", "--json"), ==, 0);
  imports = json_from_string (list, NULL);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (imports));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (imports)), ==, 1);

  /* Undone as a whole; a second undo is refused. */
  g_assert_cmpint (CLI (NULL, "--db", f->db, "import", "undo", "1"), ==, 0);
  g_assert_cmpuint (n_households (f), ==, 0);
  g_assert_cmpint (CLI (NULL, "--db", f->db, "import", "undo", "1"), ==, 1);
  g_assert_cmpint (CLI (NULL, "--db", f->db, "import", "undo", "7"), ==, 1);
  g_assert_cmpint (CLI (NULL, "--db", f->db, "import", "undo"), ==, 2);
}

static void
test_chinese (Fixture *f, gconstpointer data)
{
  g_autofree char *national = g_build_filename (fixtures, "national.xlsx", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (CLI_ZH (&out, "--db", f->db, "import", national), ==, 1);
  assert_contains (out, "户：新增 3 户");
  assert_contains (out, "未导入：6 行，共 5 户。");
  assert_contains (out, "已记录为第 1 次导入");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fixtures = bf_test_tmpdir_new ();
  bf_test_import_write_fixtures ("import-fixtures.py", fixtures);

  g_test_add ("/cli-import/exit-status", Fixture, NULL, fixture_set_up, test_exit_status,
              fixture_tear_down);
  g_test_add ("/cli-import/json-list-undo", Fixture, NULL, fixture_set_up, test_json_list_undo,
              fixture_tear_down);
  g_test_add ("/cli-import/chinese", Fixture, NULL, fixture_set_up, test_chinese,
              fixture_tear_down);
  status = g_test_run ();
  bf_test_tmpdir_free (fixtures);
  return status;
}
