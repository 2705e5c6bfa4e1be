/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli list measures and list visits on a small demo township, checked against SQL of the
 * test's own (through /usr/bin/sqlite3) on the same file; list follow-up and list not-visited
 * checked against the store's own lists. */

#include <json-glib/json-glib.h>
#include <string.h>

#include "bf-store-assessment.h"
#include "bf-store-plans.h"
#include "bf-test-util.h"

#define TODAY "2026-09-30" /* the demo's reference day */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* Runs bangfu-cli in English on TODAY; returns its exit status, @out its stdout. */
static int cli (char **out, const char *first, ...) G_GNUC_NULL_TERMINATED;

static int
cli (char **out, const char *first, ...)
{
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) BANGFU_CLI);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "BANGFU_TODAY", TODAY, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  if (stderr_text != NULL && *stderr_text != '\0')
    g_test_message ("stderr: %s", stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* One number from the test's own SQL on the register. */
static gint64
sql_count (const Fixture *f, const char *sql)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "/usr/bin/sqlite3", f->db, sql, NULL };
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return g_ascii_strtoll (out, NULL, 10);
}

static JsonArray *
cli_json (const Fixture *f, const char *what, const char *option)
{
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (cli (&out, "list", what, "--db", f->db, "--json", option, NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bf_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "demo.bangfu", NULL);
  g_assert_cmpint (cli (NULL, "demo", "--db", f->db, "--households", "300", "--seed", "6", NULL),
                   ==, 0);
}

static void
small_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bf_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "demo.bangfu", NULL);
  g_assert_cmpint (cli (NULL, "demo", "--db", f->db, "--households", "200", "--seed", "1", NULL),
                   ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->db);
  bf_test_tmpdir_free (f->dir);
}

#define LIVE_MEASURES                                                                              \
  "FROM measures m JOIN households h ON h.id = m.household_id WHERE m.deleted_at IS NULL AND "     \
  "h.deleted_at IS NULL"
#define OVERDUE " AND m.status IN ('planned', 'in_progress') AND m.due_on < '" TODAY "'"

static void
test_measures_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonArray) all = cli_json (f, "measures", NULL);
  g_autoptr (JsonArray) overdue = cli_json (f, "measures", "--overdue");
  const char *previous = "";

  g_assert_cmpint (json_array_get_length (all), ==,
                   sql_count (f, "SELECT count(*) " LIVE_MEASURES));
  g_assert_cmpint (json_array_get_length (overdue), ==,
                   sql_count (f, "SELECT count(*) " LIVE_MEASURES OVERDUE));
  /* The demo makes some late measures, or this test proves nothing. */
  g_assert_cmpint (json_array_get_length (overdue), >, 0);
  for (guint i = 0; i < json_array_get_length (overdue); i++)
    {
      JsonObject *m = json_array_get_object_element (overdue, i);
      const char *due = json_object_get_string_member (m, "due_on");

      g_assert_true (json_object_get_boolean_member (m, "overdue"));
      g_assert_cmpstr (due, <, TODAY);
      g_assert_cmpstr (due, >=, previous);
      g_assert_true (g_strcmp0 (json_object_get_string_member (m, "status"), "planned") == 0 ||
                     g_strcmp0 (json_object_get_string_member (m, "status"), "in_progress") == 0);
      previous = due;
    }
}

static void
test_measures_village_text (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *budget = NULL;
  gint64 count, budget_fen;
  char **lines;

  count = sql_count (f, "SELECT count(*) " LIVE_MEASURES OVERDUE " AND h.village_id = 1");
  budget_fen = sql_count (f, "SELECT ifnull(sum(m.budget_fen), 0) " LIVE_MEASURES OVERDUE
                             " AND h.village_id = 1");
  g_assert_cmpint (
    cli (&out, "list", "measures", "--db", f->db, "--overdue", "--village", "1", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  /* A heading, a line a measure, the totals. */
  g_assert_cmpuint (g_strv_length (lines), ==, count + 2);
  g_assert_true (g_str_has_prefix (lines[0], "Household number"));
  footer = g_strdup_printf ("%" G_GINT64_FORMAT " measure", count);
  g_assert_true (g_str_has_prefix (lines[count + 1], footer));
  budget =
    g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", budget_fen / 100, (int) (budget_fen % 100));
  /* "1,234.50": compare without the grouping commas. */
  {
    g_autofree char *plain = g_strdup (lines[count + 1]);
    GString *s = g_string_new (NULL);

    for (const char *p = plain; *p != '\0'; p++)
      if (*p != ',')
        g_string_append_c (s, *p);
    g_assert_nonnull (strstr (s->str, budget));
    g_string_free (s, TRUE);
  }
  for (gint64 i = 1; i <= count; i++)
    g_assert_nonnull (strstr (lines[i], "overdue"));
  g_strfreev (lines);
}

static void
test_visits (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonArray) all = cli_json (f, "visits", NULL);
  g_autoptr (JsonArray) open = cli_json (f, "visits", "--open-problems");
  g_autofree char *out = NULL;
  const char *previous = "";
  gint64 n_open;

  g_assert_cmpint (json_array_get_length (all), ==,
                   sql_count (f, "SELECT count(*) FROM visits v JOIN households h ON h.id = "
                                 "v.household_id WHERE v.deleted_at IS NULL AND h.deleted_at IS "
                                 "NULL"));
  n_open = sql_count (f, "SELECT count(*) FROM visits v JOIN households h ON h.id = v.household_id "
                         "WHERE v.deleted_at IS NULL AND h.deleted_at IS NULL AND v.problems IS "
                         "NOT NULL AND v.rectified_on IS NULL");
  g_assert_cmpint (n_open, >, 0);
  g_assert_cmpint (json_array_get_length (open), ==, n_open);
  /* By deadline, none last. */
  for (guint i = 0; i < json_array_get_length (open); i++)
    {
      JsonObject *v = json_array_get_object_element (open, i);
      const char *deadline = json_object_get_string_member_with_default (v, "deadline", NULL);
      const char *key = deadline != NULL ? deadline : "9999-12-31";

      g_assert_nonnull (json_object_get_string_member (v, "problems"));
      g_assert_true (json_object_get_null_member (v, "rectified_on"));
      g_assert_cmpstr (key, >=, previous);
      g_assert_true (json_object_get_boolean_member (v, "past_deadline") ==
                     (deadline != NULL && strcmp (deadline, TODAY) < 0));
      previous = key;
    }
  /* Newest first. */
  {
    JsonObject *first = json_array_get_object_element (all, 0);
    JsonObject *second = json_array_get_object_element (all, 1);
    g_assert_cmpstr (json_object_get_string_member (first, "visited_on"), >=,
                     json_object_get_string_member (second, "visited_on"));
  }
  g_assert_cmpint (cli (&out, "list", "visits", "--db", f->db, "--open-problems", "--past-deadline",
                        "--limit", "2", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, " not rectified\n"));
}

static void
test_bad_usage (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (cli (NULL, "list", "visits", "--db", f->db, "--past-deadline", NULL), ==, 2);
  g_assert_cmpint (cli (NULL, "list", "measures", "--db", f->db, "--category", "banking", NULL), ==,
                   2);
  g_assert_cmpint (cli (NULL, "list", "measures", "--db", f->db, "--status", "done", NULL), ==, 2);
  g_assert_cmpint (cli (NULL, "list", "measures", "--db", f->db, "--village", "no such", NULL), ==,
                   2);
  g_assert_cmpint (cli (NULL, "list", "measures", "--db", f->db, "extra", NULL), ==, 2);
  g_assert_cmpint (cli (NULL, "list", "visits", "--db", f->db, "--limit", "-1", NULL), ==, 2);
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.bangfu", NULL);
    g_assert_cmpint (cli (NULL, "list", "measures", "--db", missing, NULL), ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *out = NULL;
    g_autoptr (JsonNode) root = NULL;

    g_assert_cmpint (cli (&out, "list", "measures", "--db", f->db, "--json", "--limit", "3", NULL),
                     ==, 0);
    root = json_from_string (out, NULL);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  }
}

static BfStore *
open_store (const Fixture *f)
{
  g_autoptr (GError) error = NULL;
  BfStore *store = bf_store_open (f->db, BF_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return store;
}

static guint
follow_up_count (BfStore *store, gint64 village_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows =
    bf_store_follow_up_list (store, village_id, bf_store_followup_years (store), &error);

  g_assert_no_error (error);
  return rows->len;
}

static gint64
not_visited_count (BfStore *store, guint days, gint64 village_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfListPage) page =
    bf_store_households_not_visited (store, days, NULL, village_id, NULL, 0, &error);

  g_assert_no_error (error);
  return page->total;
}

static void
store_close (BfStore *store)
{
  g_assert_true (bf_store_close (store, NULL));
  g_object_unref (store);
}

static void
test_follow_up (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonArray) all = cli_json (f, "follow-up", NULL);
  g_autoptr (JsonArray) village = cli_json (f, "follow-up", "--village=1");
  g_autofree char *out = NULL;
  g_autofree char *footer = NULL;
  BfStore *store = open_store (f);
  guint n_all = follow_up_count (store, 0);

  /* The demo exits some households within the follow-up years, or this test proves nothing. */
  g_assert_cmpuint (n_all, >, 0);
  g_assert_cmpuint (json_array_get_length (all), ==, n_all);
  g_assert_cmpuint (json_array_get_length (village), ==, follow_up_count (store, 1));
  g_assert_cmpuint (json_array_get_length (village), <, n_all);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *h = json_array_get_object_element (all, i);

      g_assert_cmpstr (json_object_get_string_member (h, "status"), ==, "exited");
      g_assert_nonnull (json_object_get_string_member (h, "exited_on"));
      g_assert_true (json_object_has_member (h, "last_visit_on"));
    }
  g_assert_cmpint (cli (&out, "list", "follow-up", "--db", f->db, NULL), ==, 0);
  footer = g_strdup_printf ("\n%u household", n_all);
  g_assert_nonnull (strstr (out, footer));
  g_assert_true (g_str_has_prefix (out, "Household number"));
  store_close (store);
}

static void
test_not_visited (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonArray) fallback = cli_json (f, "not-visited", NULL);
  g_autoptr (JsonArray) thirty = cli_json (f, "not-visited", "--days=30");
  g_autoptr (JsonArray) village = cli_json (f, "not-visited", "--village=1");
  g_autofree char *out = NULL;
  BfStore *store = open_store (f);
  guint days = bf_store_not_visited_days (store);
  gint64 n_default = not_visited_count (store, days, 0);

  g_assert_cmpint (n_default, >, 0);
  g_assert_cmpint (json_array_get_length (fallback), ==, n_default);
  g_assert_cmpint (json_array_get_length (thirty), ==, not_visited_count (store, 30, 0));
  /* Fewer days since the last visit: more households overdue for one. */
  g_assert_cmpint (json_array_get_length (thirty), >, n_default);
  g_assert_cmpint (json_array_get_length (village), ==, not_visited_count (store, days, 1));
  g_assert_cmpint (json_array_get_length (village), <, n_default);
  g_assert_cmpint (
    cli (&out, "list", "not-visited", "--db", f->db, "--days", "30", "--limit", "5", NULL), ==, 0);
  /* A heading, five lines, the total of them all. */
  {
    g_auto (GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);
    g_autofree char *footer =
      g_strdup_printf ("%u households not visited for 30 days", json_array_get_length (thirty));

    g_assert_cmpuint (g_strv_length (lines), ==, 7);
    g_assert_cmpstr (lines[6], ==, footer);
  }
  store_close (store);
}

static void
test_lists_bad_usage (Fixture *f, gconstpointer data)
{
  const char *bad_days[] = { "0", "-5", "junk", "3651", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_days); i++)
    g_assert_cmpint (cli (NULL, "list", "not-visited", "--db", f->db, "--days", bad_days[i], NULL),
                     ==, 2);
  g_assert_cmpint (cli (NULL, "list", "not-visited", "--db", f->db, "--days", NULL), ==, 2);
  g_assert_cmpint (cli (NULL, "list", "follow-up", "--db", f->db, "--days", "30", NULL), ==, 2);
  g_assert_cmpint (cli (NULL, "list", "follow-up", "--db", f->db, "--village", "no such", NULL), ==,
                   2);
  g_assert_cmpint (cli (NULL, "list", "not-visited", "--db", f->db, "extra", NULL), ==, 2);
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.bangfu", NULL);
    g_assert_cmpint (cli (NULL, "list", "follow-up", "--db", missing, NULL), ==, 1);
    g_assert_cmpint (cli (NULL, "list", "not-visited", "--db", missing, NULL), ==, 1);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The store's lists in this process count from the same day as bangfu-cli. */
  g_setenv ("BANGFU_TODAY", TODAY, TRUE);

  g_test_add ("/cli/plans/measures/overdue", Fixture, NULL, fixture_set_up, test_measures_overdue,
              fixture_tear_down);
  g_test_add ("/cli/plans/measures/village-text", Fixture, NULL, fixture_set_up,
              test_measures_village_text, fixture_tear_down);
  g_test_add ("/cli/plans/visits", Fixture, NULL, fixture_set_up, test_visits, fixture_tear_down);
  g_test_add ("/cli/plans/bad-usage", Fixture, NULL, fixture_set_up, test_bad_usage,
              fixture_tear_down);

  g_test_add ("/cli/plans/follow-up", Fixture, NULL, small_set_up, test_follow_up,
              fixture_tear_down);
  g_test_add ("/cli/plans/not-visited", Fixture, NULL, small_set_up, test_not_visited,
              fixture_tear_down);
  g_test_add ("/cli/plans/lists-bad-usage", Fixture, NULL, small_set_up, test_lists_bad_usage,
              fixture_tear_down);

  return g_test_run ();
}
