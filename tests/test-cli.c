/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli as a user runs it: the built binary, its output and its exit status. The demo
 * registers are small (200 households); the 100,000-household figures are in bench/. */

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bf-store-household.h"
#include "bf-test-household.h"
#include "bf-test-util.h"

typedef struct
{
  int status; /* exit status, or -1 when killed by a signal */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs bangfu-cli with the environment @env. */
static void
run_env (Run *run, char **env, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) BANGFU_CLI);
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);
  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* Runs bangfu-cli in the C locale (English messages) with @env_db as $BANGFU_DB (NULL: unset). */
static void
run_argv (Run *run, const char *env_db, const char *const *args)
{
  g_auto (GStrv) env = g_get_environ ();

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = env_db != NULL ? g_environ_setenv (env, "BANGFU_DB", env_db, TRUE)
                       : g_environ_unsetenv (env, "BANGFU_DB");
  run_env (run, env, args);
}

#define RUN(run, ...) run_argv ((run), NULL, (const char *const[]){ __VA_ARGS__, NULL })

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Runs sqlite3 on the file (tests that go under the API) and returns its output. */
static char *
sqlite3_run (const char *db, const char *sql)
{
  const char *argv[] = { "/usr/bin/sqlite3", db, sql, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  return out;
}

static char *
demo_register (const char *dir, const char *name, const char *households, const char *seed)
{
  char *db = g_build_filename (dir, name, NULL);
  g_auto (Run) run;

  RUN (&run, "demo", "--db", db, "--households", households, "--seed", seed);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Added");
  return db;
}

/* ---- usage ---- */

static void
test_usage (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "x.bangfu", NULL);
  g_auto (Run) run;

  RUN (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "bangfu-cli ");
  run_clear (&run);

  RUN (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "list households");
  assert_contains (run.out, "audit verify");
  run_clear (&run);

  RUN (&run, "list", "households", "--help");
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "--village");
  assert_contains (run.out, "--db");
  run_clear (&run);

  RUN (&run, "stats", "--version");
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "bangfu-cli ");
  run_clear (&run);

  /* Bad usage: exit 2, a message on stderr naming the problem, nothing created. */
  run_argv (&run, NULL, (const char *const[]){ NULL });
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "COMMAND");
  run_clear (&run);

  RUN (&run, "frobnicate");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "unknown command “frobnicate”");
  run_clear (&run);

  RUN (&run, "list");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "households");
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--bogus");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--bogus");
  assert_contains (run.err, "bangfu-cli list households");
  run_clear (&run);

  RUN (&run, "list", "households");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--db");
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--status", "sleeping");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "sleeping");
  assert_contains (run.err, "registered");
  run_clear (&run);

  RUN (&run, "id", "check");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "no ID number");
  run_clear (&run);

  RUN (&run, "demo", "--db", db, "--households", "0");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--households");
  run_clear (&run);

  RUN (&run, "demo", "--db", db, "--households", "lots");
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  RUN (&run, "init", "--db", db, "--township", "石门乡", "--villages", "甲村");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--county");
  run_clear (&run);

  RUN (&run, "show", "household", "--db", db);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "household number");
  run_clear (&run);

  RUN (&run, "restore", "--db", db);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "backup");
  run_clear (&run);

  RUN (&run, "stats", "--db", db, "extra");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "extra");
  run_clear (&run);

  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* A missing register is a failure, not bad usage, and is not created. */
  RUN (&run, "stats", "--db", db);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, !=, "");
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ---- init, list ---- */

static void
test_init_list (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "new.bangfu", NULL);
  g_autoptr (JsonNode) stats = NULL;
  g_auto (Run) run;
  JsonObject *tables;

  RUN (&run, "init", "--db", db, "--county", "青山县", "--township", "石门乡", "--villages",
       "甲村，乙村,丙村", "--groups", "3", "--operator", "测试员");
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "3 villages");
  run_clear (&run);

  /* $BANGFU_DB names the register when --db does not. */
  run_argv (&run, db, (const char *const[]){ "list", "households", NULL });
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "0 households");
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (g_strstrip (run.out), ==, "[]");
  run_clear (&run);

  RUN (&run, "stats", "--db", db, "--json");
  g_assert_cmpint (run.status, ==, 0);
  stats = parse_json (run.out);
  tables = json_object_get_object_member (json_node_get_object (stats), "tables");
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (tables, "villages"), "active"), ==,
    3);
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (tables, "village_groups"), "active"),
    ==, 9);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stats), "audit_entries"), >,
                   0);
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--village", "丁村");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "丁村");
  assert_contains (run.err, "乙村");
  run_clear (&run);

  /* An existing file is never overwritten. */
  RUN (&run, "init", "--db", db, "--county", "县", "--township", "乡", "--villages", "村");
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "new.bangfu");
  run_clear (&run);

  /* A demo fills an existing register's villages and continues its numbers. */
  RUN (&run, "demo", "--db", db, "--households", "30", "--seed", "3");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  RUN (&run, "list", "households", "--db", db, "--village", "乙村");
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "乙村");
  g_assert_null (strstr (run.out, "甲村"));
  run_clear (&run);
  RUN (&run, "check", "--db", db);
  g_assert_cmpint (run.status, ==, 0);

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ---- demo ---- */

static void
test_demo_deterministic (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *a = demo_register (dir, "a.bangfu", "200", "1");
  g_autofree char *b = demo_register (dir, "b.bangfu", "200", "1");
  g_autofree char *c = demo_register (dir, "c.bangfu", "200", "2");
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto (Run) run_a;
  g_auto (Run) run_b;
  g_auto (Run) run_c;
  JsonArray *rows;

  RUN (&run_a, "list", "households", "--db", a, "--json");
  RUN (&run_b, "list", "households", "--db", b, "--json");
  RUN (&run_c, "list", "households", "--db", c, "--json");
  g_assert_cmpint (run_a.status, ==, 0);
  g_assert_cmpint (run_b.status, ==, 0);
  g_assert_cmpstr (run_a.out, ==, run_b.out);
  g_assert_cmpstr (run_a.out, !=, run_c.out);

  list = parse_json (run_a.out);
  rows = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (rows), ==, 200);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64 members = json_object_get_int_member (row, "member_count");
      g_assert_cmpint (members, >=, 3);
      g_assert_cmpint (members, <=, 6);
      g_assert_cmpstr (json_object_get_string_member (row, "head_name"), !=, "");
      g_assert_nonnull (json_object_get_string_member (row, "primary_cause"));
      g_hash_table_add (statuses, (gpointer) json_object_get_string_member (row, "status"));
    }
  /* Every lifecycle state is there. */
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 13);

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_demo_checks (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = demo_register (dir, "d.bangfu", "200", "5");
  g_autofree char *ids = sqlite3_run (db, "SELECT id_number, sex, birth_date FROM members");
  g_auto (GStrv) lines = g_strsplit (g_strstrip (ids), "\n", -1);
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) out_lines = NULL;
  g_auto (Run) run;

  RUN (&run, "check", "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "No problems found");
  run_clear (&run);

  RUN (&run, "check", "--quick", "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  RUN (&run, "audit", "verify", "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "intact");
  run_clear (&run);

  /* Every demo ID number passes the check, and says the sex and birth date the member has. */
  g_assert_cmpuint (g_strv_length (lines), >=, 600);
  g_ptr_array_add (args, g_strdup ("id"));
  g_ptr_array_add (args, g_strdup ("check"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "|", 3);
      g_assert_cmpuint (g_strv_length (f), ==, 3);
      g_ptr_array_add (args, g_strdup (f[0]));
    }
  g_ptr_array_add (args, NULL);
  run_argv (&run, NULL, (const char *const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  out_lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (out_lines), ==, g_strv_length (lines));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "|", 3);
      g_autofree char *expected = g_strdup_printf ("%s: valid, born %s, %s", f[0], f[2],
                                                   g_str_equal (f[1], "male") ? "Male" : "Female");
      g_assert_cmpstr (out_lines[i], ==, expected);
    }
  {
    /* Unique, too. */
    g_autofree char *dupes =
      sqlite3_run (db, "SELECT count(*) - count(DISTINCT id_number) FROM members");
    g_assert_cmpstr (g_strstrip (dupes), ==, "0");
  }
  run_clear (&run);

  /* A broken rule is listed and fails the check. */
  g_free (sqlite3_run (db, "UPDATE members SET sex = CASE sex WHEN 'male' THEN 'female' ELSE "
                           "'male' END WHERE id = 1"));
  RUN (&run, "check", "--db", db);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.out, "sex does not match");
  assert_contains (run.err, "1 problem found");

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_list_filters (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = demo_register (dir, "f.bangfu", "200", "1");
  g_autoptr (JsonNode) all = NULL;
  g_autoptr (JsonNode) exited = NULL;
  g_autoptr (JsonNode) found = NULL;
  g_autofree char *head = NULL;
  g_autofree char *number = NULL;
  g_auto (Run) run;
  JsonArray *rows;
  gboolean seen = FALSE;

  RUN (&run, "list", "households", "--db", db, "--json");
  all = parse_json (run.out);
  head = g_strdup (json_object_get_string_member (
    json_array_get_object_element (json_node_get_array (all), 7), "head_name"));
  number = g_strdup (json_object_get_string_member (
    json_array_get_object_element (json_node_get_array (all), 7), "number"));
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--json", "--status", "exited");
  g_assert_cmpint (run.status, ==, 0);
  exited = parse_json (run.out);
  rows = json_node_get_array (exited);
  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (rows, i), "status"), ==,
      "exited");
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--json", "--search", head);
  g_assert_cmpint (run.status, ==, 0);
  found = parse_json (run.out);
  rows = json_node_get_array (found);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    seen |= g_str_equal (
      json_object_get_string_member (json_array_get_object_element (rows, i), "number"), number);
  g_assert_true (seen);
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--limit", "5");
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "5 households");
  assert_contains (run.out, "Household number");
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--village", "清水村", "--json");
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "清水村");
  g_assert_null (strstr (run.out, "石门村"));

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The head names of the households in the JSON list @out, in their order. */
static GPtrArray *
json_heads (const char *out)
{
  g_autoptr (JsonNode) node = parse_json (out);
  JsonArray *rows = json_node_get_array (node);
  GPtrArray *heads = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_ptr_array_add (heads, g_strdup (json_object_get_string_member (
                              json_array_get_object_element (rows, i), "head_name")));
  return heads;
}

static void
assert_heads (const char *out, const char *const *expected, gsize n, gboolean reversed)
{
  g_autoptr (GPtrArray) heads = json_heads (out);

  g_assert_cmpuint (heads->len, ==, n);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (heads, i), ==, expected[reversed ? n - 1 - i : i]);
}

/* --sort head lists heads in pinyin order (曾 zēng after 王, before 张); --desc reverses; numbers,
 * villages and statuses sort as columns do; an unknown order is a usage error. */
static void
test_list_sort (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "s.bangfu", NULL);
  const char *villages[] = { "甲村", "乙村", NULL };
  const BfRegisterSpec spec = { "县", "镇", villages, 1, "员" };
  /* Numbers in another order than the names. */
  const char *heads[] = { "张三", "曾国藩", "单田芳", "陈静", "王五", "Anna" };
  const char *numbers[] = { "H1", "H5", "H2", "H6", "H3", "H4" };
  const char *by_head[] = { "陈静", "单田芳", "王五", "曾国藩", "张三", "Anna" };
  const char *by_number[] = { "张三", "单田芳", "王五", "Anna", "曾国藩", "陈静" };
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_create (db, &spec, &error);
  g_autoptr (GPtrArray) by_village = NULL;
  g_auto (Run) run;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autofree char *id = bf_test_id_number_at ("110105", "19700101", 2 * i + 1);
      g_autoptr (BfHousehold) h = bf_test_household (numbers[i], 1 + i % 2, heads[i], id);

      bf_test_household_save (store, h);
    }
  g_assert_true (bf_store_close (store, &error));

  RUN (&run, "list", "households", "--db", db, "--json", "--sort", "head");
  g_assert_cmpint (run.status, ==, 0);
  assert_heads (run.out, by_head, G_N_ELEMENTS (by_head), FALSE);
  run_clear (&run);
  RUN (&run, "list", "households", "--db", db, "--json", "--sort", "head", "--desc");
  assert_heads (run.out, by_head, G_N_ELEMENTS (by_head), TRUE);
  run_clear (&run);
  RUN (&run, "list", "households", "--db", db, "--json", "--sort", "number");
  assert_heads (run.out, by_number, G_N_ELEMENTS (by_number), FALSE);
  run_clear (&run);
  RUN (&run, "list", "households", "--db", db, "--json", "--desc");
  assert_heads (run.out, by_number, G_N_ELEMENTS (by_number), TRUE);
  run_clear (&run);
  /* Village 1 (甲村: H1, H2, H4) first, each village by household id. */
  RUN (&run, "list", "households", "--db", db, "--json", "--sort", "village");
  by_village = json_heads (run.out);
  g_assert_cmpuint (by_village->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (by_village, 0), ==, "张三");
  g_assert_cmpstr (g_ptr_array_index (by_village, 2), ==, "王五");
  g_assert_cmpstr (g_ptr_array_index (by_village, 3), ==, "曾国藩");
  run_clear (&run);
  RUN (&run, "list", "households", "--db", db, "--json", "--sort", "status");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  RUN (&run, "list", "households", "--db", db, "--sort", "name");
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "unknown order “name”");
  assert_contains (run.err, "number, head, village, status");
  g_assert_cmpstr (run.out, ==, "");
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_show (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = demo_register (dir, "s.bangfu", "20", "1");
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_auto (Run) run;
  JsonObject *h;
  JsonArray *members;
  guint heads = 0;

  RUN (&run, "list", "households", "--db", db, "--json");
  list = parse_json (run.out);
  number = g_strdup (json_object_get_string_member (
    json_array_get_object_element (json_node_get_array (list), 0), "number"));
  run_clear (&run);

  RUN (&run, "show", "household", number, "--db", db, "--json");
  g_assert_cmpint (run.status, ==, 0);
  node = parse_json (run.out);
  h = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (h, "number"), ==, number);
  members = json_object_get_array_member (h, "members");
  g_assert_cmpuint (json_array_get_length (members), >=, 3);
  for (guint i = 0; i < json_array_get_length (members); i++)
    heads += g_str_equal (
      json_object_get_string_member (json_array_get_object_element (members, i), "relation"),
      "head");
  g_assert_cmpuint (heads, ==, 1);
  g_assert_nonnull (
    json_object_get_string_member (json_object_get_object_member (h, "causes"), "primary"));
  g_assert_true (json_object_has_member (h, "survey"));
  g_assert_true (json_object_has_member (h, "events"));
  g_assert_true (json_object_has_member (h, "audit"));
  g_assert_nonnull (json_object_get_string_member (h, "status"));
  run_clear (&run);

  RUN (&run, "show", "household", number, "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  title = g_strdup_printf ("Household %s", number);
  assert_contains (run.out, title);
  assert_contains (run.out, "Members (");
  assert_contains (run.out, "History");
  run_clear (&run);

  RUN (&run, "show", "household", "999-99999", "--db", db);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, !=, "");

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ---- id check ---- */

static void
test_id_check (void)
{
  g_auto (Run) run;
  g_auto (GStrv) lines = NULL;

  RUN (&run, "id", "check", "11010519491231002X", "440524188001010014", "11010519491231002x");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "11010519491231002X: valid, born 1949-12-31, Female");
  g_assert_cmpstr (lines[1], ==, "440524188001010014: valid, born 1880-01-01, Male");
  g_assert_cmpstr (lines[2], ==, "11010519491231002X: valid, born 1949-12-31, Female");
  run_clear (&run);
  g_clear_pointer (&lines, g_strfreev);

  /* A wrong check digit, 30 February, a future birth date, a short number: each named. */
  RUN (&run, "id", "check", "110105194912310021", "110105199902300015", "110105209901010012",
       "11010519491231", "11010519491231002X");
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "110105194912310021: invalid: "));
  assert_contains (lines[0], "check character");
  g_assert_true (g_str_has_prefix (lines[1], "110105199902300015: invalid: "));
  assert_contains (lines[1], "1999-02-30");
  g_assert_true (g_str_has_prefix (lines[2], "110105209901010012: invalid: "));
  assert_contains (lines[2], "future");
  g_assert_true (g_str_has_prefix (lines[3], "11010519491231: invalid: "));
  assert_contains (lines[3], "18 characters");
  g_assert_true (g_str_has_prefix (lines[4], "11010519491231002X: valid"));
}

/* Chinese from LANGUAGE alone, on a machine whose locale is the bare C locale (no zh_CN locale
 * generated, LANG=C): gettext ignores LANGUAGE there unless the program falls back to C.UTF-8. */
static void
test_id_check_chinese (void)
{
  g_auto (Run) run;
  g_auto (GStrv) env = g_get_environ ();
  const char *const args[] = { "id", "check", "123", NULL };

  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_unsetenv (env, "LC_CTYPE");
  env = g_environ_setenv (env, "LANG", "C", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  run_env (&run, env, args);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.out, "身份证号应为 18 位，此号码为 3 位。");
}

/* Under the bare C locale a Chinese argument is still read as what it is: GOption converted it
 * from ASCII and failed with "Invalid byte sequence in conversion input". */
static void
test_c_locale_argument (void)
{
  g_auto (Run) run;
  g_auto (GStrv) env = g_get_environ ();
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "台账.bangfu", NULL);
  const char *const args[] = { "check", "--db", db, NULL };

  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_unsetenv (env, "LC_CTYPE");
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "LANG", "C", TRUE);
  run_env (&run, env, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.err, "Invalid byte sequence"));
  assert_contains (run.err, "台账.bangfu");
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ---- audit ---- */

static void
test_audit_tamper (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = demo_register (dir, "t.bangfu", "20", "1");
  g_autofree char *count = sqlite3_run (db, "SELECT count(*) FROM audit_log");
  g_auto (Run) run;

  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), >, 5);
  RUN (&run, "audit", "verify", "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* The triggers forbid editing the trail; someone who drops them is still found out. */
  g_free (sqlite3_run (db, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
                           "UPDATE audit_log SET operator = 'someone else' WHERE seq = 4;"));
  RUN (&run, "audit", "verify", "--db", db);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "entry 4");
  run_clear (&run);

  RUN (&run, "check", "--db", db);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.out, "entry 4");

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ---- backup, restore ---- */

static void
test_backup_restore (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = demo_register (dir, "r.bangfu", "20", "1");
  g_autofree char *backups = g_build_filename (dir, "saved", NULL);
  g_autofree char *before = NULL;
  g_autofree char *backup = NULL;
  g_auto (Run) run;

  RUN (&run, "list", "households", "--db", db, "--json");
  before = g_steal_pointer (&run.out);
  run_clear (&run);

  RUN (&run, "backup", backups, "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  backup = g_strdup (g_strstrip (run.out));
  g_assert_true (g_str_has_prefix (backup, backups));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);

  /* The register changes after the backup … */
  RUN (&run, "demo", "--db", db, "--households", "5", "--seed", "9");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  RUN (&run, "list", "households", "--db", db);
  assert_contains (run.out, "25 households");
  run_clear (&run);

  /* … and the restore brings back what was backed up. */
  RUN (&run, "restore", backup, "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  RUN (&run, "list", "households", "--db", db, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, before);
  run_clear (&run);
  RUN (&run, "check", "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* The default place is backups/ beside the register. */
  RUN (&run, "backup", "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "backups");
  run_clear (&run);

  RUN (&run, "restore", "/nonexistent/backup.bangfu", "--db", db);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, !=, "");
  run_clear (&run);
  RUN (&run, "check", "--db", db);
  g_assert_cmpint (run.status, ==, 0);

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ---- stats ---- */

static void
test_stats (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *db = demo_register (dir, "st.bangfu", "200", "1");
  static const char *const breakdowns[] = { "households_by_status", "households_by_village",
                                            "households_by_primary_cause" };
  g_autoptr (JsonNode) node = NULL;
  g_auto (Run) run;
  JsonObject *root, *tables;

  RUN (&run, "stats", "--db", db, "--json");
  g_assert_cmpint (run.status, ==, 0);
  node = parse_json (run.out);
  root = json_node_get_object (node);
  tables = json_object_get_object_member (root, "tables");
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (tables, "households"), "active"), ==,
    200);
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (tables, "members"), "active"), >=,
    600);
  /* Each breakdown adds up to the households. */
  for (guint i = 0; i < G_N_ELEMENTS (breakdowns); i++)
    {
      JsonObject *by = json_object_get_object_member (root, breakdowns[i]);
      g_autoptr (GList) keys = json_object_get_members (by);
      gint64 sum = 0;

      for (GList *l = keys; l != NULL; l = l->next)
        sum += json_object_get_int_member (by, l->data);
      g_assert_cmpint (sum, ==, 200);
    }
  g_assert_cmpint (json_object_get_int_member (root, "file_bytes"), >, 0);
  g_assert_cmpint (json_object_get_int_member (root, "audit_entries"), >, 0);
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), >=, 1);
  run_clear (&run);

  RUN (&run, "stats", "--db", db);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "File size");
  assert_contains (run.out, "Households by status");
  assert_contains (run.out, "Households by village");
  assert_contains (run.out, "Illness");

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/init-list", test_init_list);
  g_test_add_func ("/cli/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/cli/demo/checks", test_demo_checks);
  g_test_add_func ("/cli/list/filters", test_list_filters);
  g_test_add_func ("/cli/list/sort", test_list_sort);
  g_test_add_func ("/cli/show", test_show);
  g_test_add_func ("/cli/id-check", test_id_check);
  g_test_add_func ("/cli/id-check/chinese", test_id_check_chinese);
  g_test_add_func ("/cli/c-locale-argument", test_c_locale_argument);
  g_test_add_func ("/cli/audit/tamper", test_audit_tamper);
  g_test_add_func ("/cli/backup-restore", test_backup_restore);
  g_test_add_func ("/cli/stats", test_stats);
  return g_test_run ();
}
