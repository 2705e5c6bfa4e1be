/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli assess, indicators and exit-check as a user runs them, on a 300-household demo. */

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bf-test-util.h"

static char *dir;
static char *db;

/* Runs bangfu-cli on the demo register in English; returns the exit status. */
static int
cli (char **out, char **err, ...)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) argv = NULL;
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_strv_builder_add_many (builder, BANGFU_CLI, "--db", db, NULL);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "BANGFU_TODAY", "2026-10-15", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
assert_has (const char *text, const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in:\n%s", part, text);
}

static JsonObject *
indicator (JsonObject *set, guint i)
{
  return json_array_get_object_element (json_object_get_array_member (set, "indicators"), i);
}

static void
test_indicators (void)
{
  const char *codes[] = { "accuracy", "measures", "income_growth", "above_line", "satisfaction" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *report;
  JsonArray *villages;

  g_assert_cmpint (cli (&out, &err, "assess", "--period", "2026Q3", "--date", "2026-10-10", NULL),
                   ==, 0);
  assert_has (out, "Assessed ");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "indicators", "--period", "2026Q3", "--json", NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  report = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (report, "period"), ==, "2026Q3");
  g_assert_true (json_object_get_null_member (report, "village"));
  villages = json_object_get_array_member (report, "villages");
  g_assert_cmpuint (json_array_get_length (villages), >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      JsonObject *ind = indicator (report, i);
      gint64 numerator = json_object_get_int_member (ind, "numerator");
      gint64 denominator = json_object_get_int_member (ind, "denominator");
      gint64 sum = 0;

      g_assert_cmpstr (json_object_get_string_member (ind, "code"), ==, codes[i]);
      g_assert_cmpint (numerator, <=, denominator);
      g_assert_cmpint (denominator, >, 0);
      /* the households behind a figure, and those short of it */
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ind, "households")), >,
                        0);
      if (numerator < denominator)
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ind, "short_of")), >,
                          0);
      /* each household is in one village: the villages' counts add up to the township's */
      for (guint v = 0; v < json_array_get_length (villages); v++)
        sum += json_object_get_int_member (
          indicator (json_array_get_object_element (villages, v), i), "denominator");
      g_assert_cmpint (sum, ==, denominator);
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "indicators", "--period", "2026Q3", "--village", "1", NULL), ==,
                   0);
  assert_has (out, "Indicators for 2026, quarter 3: ");
  assert_has (out, "Identification accuracy");
  assert_has (out, "(Completed on time / Measures due)");
  g_assert_null (strstr (out, "By village:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "indicators", "--period", "2026", NULL), ==, 0);
  assert_has (out, "Indicators for Year 2026: ");
  assert_has (out, "By village:");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Bad usage: exit status 2 with a readable message. */
  g_assert_cmpint (cli (&out, &err, "indicators", NULL), ==, 2);
  assert_has (err, "--period");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "indicators", "--period", "2026Q9", NULL), ==, 2);
  assert_has (err, "“2026Q9” is not a period");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
    cli (&out, &err, "indicators", "--period", "2026Q3", "--village", "无此村", NULL), ==, 2);
  assert_has (err, "no village “无此村”");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "assess", "--period", "2026Q3", "--date", "2027-01-01", NULL),
                   ==, 2);
  assert_has (err, "future");
}

static void
test_exit_check (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *number = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *result;
  JsonArray *checks;
  gboolean all = TRUE;
  int status;

  g_assert_cmpint (cli (&out, &err, "list", "households", "--status", "registered", "--json", NULL),
                   ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  number = g_strdup (json_object_get_string_member (
    json_array_get_object_element (json_node_get_array (root), 0), "number"));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = cli (&out, &err, "exit-check", number, "--json", NULL);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  result = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (result, "number"), ==, number);
  checks = json_object_get_array_member (result, "checks");
  g_assert_cmpuint (json_array_get_length (checks), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);

      g_assert_cmpstr (json_object_get_string_member (check, "reason"), !=, "");
      all = all && json_object_get_boolean_member (check, "passed");
    }
  g_assert_cmpint (json_object_get_boolean_member (result, "passed"), ==, all);
  /* exit status 1 when a check fails */
  g_assert_cmpint (status, ==, all ? 0 : 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = cli (&out, &err, "exit-check", number, NULL);
  g_assert_cmpint (status, ==, all ? 0 : 1);
  assert_has (out, "Income above the poverty line: ");
  assert_has (out, all ? "Every exit check passes." : " fail");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "exit-check", "999-99999", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "exit-check", NULL), ==, 2);
}

int
main (int argc, char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = bf_test_tmpdir_new ();
  db = g_build_filename (dir, "demo.bangfu", NULL);
  g_assert_cmpint (cli (&out, &err, "demo", "--households", "300", "--seed", "5", NULL), ==, 0);
  g_test_add_func ("/cli-exit/indicators", test_indicators);
  g_test_add_func ("/cli-exit/exit-check", test_exit_check);
  status = g_test_run ();
  bf_test_tmpdir_free (dir);
  g_free (db);
  return status;
}
