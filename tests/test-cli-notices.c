/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli list notices and notice-pdf, run as a user would on a demo register. */

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bf-test-util.h"

static char *dir;
static char *db;

/* Runs bangfu-cli --db DB ARGS… in the C locale; returns the exit status, fills @out. */
static int
cli (char **out, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
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
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (g_test_verbose ())
    g_printerr ("%s", err);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static JsonArray *
list_json (const char *option, const char *value)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *node;

  g_assert_cmpint (cli (&out, "list", "notices", "--json", option, value, NULL), ==, 0);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_ref (json_node_get_array (node));
}

static void
test_list (void)
{
  g_autoptr (JsonArray) all = list_json (NULL, NULL);
  g_autoptr (JsonArray) village = NULL;
  g_autoptr (JsonArray) posted = NULL;
  g_autofree char *table = NULL;
  g_autofree char *out = NULL;
  const char *name;

  g_assert_cmpuint (json_array_get_length (all), >, 0);
  name = json_object_get_string_member (json_array_get_object_element (all, 0), "title");
  g_assert_nonnull (name);

  /* Filters narrow the list and every notice passes them. */
  posted = list_json ("--state", "posted");
  for (guint i = 0; i < json_array_get_length (posted); i++)
    g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (posted, i), "state"), ==,
      "posted");
  village = list_json ("--village", "township");
  for (guint i = 0; i < json_array_get_length (village); i++)
    g_assert_true (
      json_object_get_null_member (json_array_get_object_element (village, i), "village"));

  g_assert_cmpint (cli (&table, "list", "notices", NULL), ==, 0);
  g_assert_nonnull (strstr (table, "Open objections"));
  g_assert_nonnull (strstr (table, name));

  /* Bad usage: exit 2 with the choices named. */
  g_assert_cmpint (cli (&out, "list", "notices", "--kind", "poster", NULL), ==, 2);
  g_assert_cmpint (cli (&out, "list", "notices", "--village", "没有这个村", NULL), ==, 2);
}

static void
test_pdf (void)
{
  g_autoptr (JsonArray) all = list_json (NULL, NULL);
  g_autofree char *pdf = g_build_filename (dir, "notice.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *id = NULL;
  JsonObject *notice = NULL;

  /* The notice with the most households. */
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *each = json_array_get_object_element (all, i);

      if (notice == NULL || json_object_get_int_member (each, "households") >
                              json_object_get_int_member (notice, "households"))
        notice = each;
    }
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (notice, "id"));
  g_assert_cmpint (cli (&out, "notice-pdf", "--notice", id, "-o", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  }

  /* A notice that does not exist fails (1); missing options are bad usage (2). */
  g_assert_cmpint (cli (&out, "notice-pdf", "--notice", "999999", "-o", pdf, NULL), ==, 1);
  g_assert_cmpint (cli (&out, "notice-pdf", "-o", pdf, NULL), ==, 2);
  g_assert_cmpint (cli (&out, "notice-pdf", "--notice", id, NULL), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_autofree char *out = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = bf_test_tmpdir_new ();
  db = g_build_filename (dir, "demo.bangfu", NULL);
  g_assert_cmpint (cli (&out, "demo", "--households", "200", "--seed", "7", NULL), ==, 0);

  g_test_add_func ("/cli/notices/list", test_list);
  g_test_add_func ("/cli/notices/pdf", test_pdf);
  status = g_test_run ();
  bf_test_tmpdir_free (dir);
  g_free (db);
  return status;
}
