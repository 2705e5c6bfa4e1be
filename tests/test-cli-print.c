/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli print card and print form, run as a user would on a demo register, the PDFs read
 * back with pdftotext. */

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bf-codes.h"
#include "bf-ledger.h"
#include "bf-test-pdf.h"
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

  env = g_environ_setenv (env, "BANGFU_TODAY", "2026-09-30", TRUE);
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

static JsonNode *
cli_json (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *a[8] = { NULL };
  guint n = 0;
  va_list args;
  JsonNode *node;

  va_start (args, first);
  for (const char *arg = first; arg != NULL && n < G_N_ELEMENTS (a) - 1;
       arg = va_arg (args, const char *))
    a[n++] = arg;
  va_end (args);
  g_assert_cmpint (cli (&out, a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL), ==, 0);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

static gboolean
is_assisted (const char *status)
{
  return g_strcmp0 (status, "registered") == 0 || g_strcmp0 (status, "exit_assessed") == 0 ||
         g_strcmp0 (status, "exit_notice") == 0 || g_strcmp0 (status, "exit_accepted") == 0;
}

/* The village with the most households under assistance, and its households. */
static char *
busy_village (JsonArray **households)
{
  g_autoptr (JsonNode) all = cli_json ("list", "households", "--json", NULL);
  JsonArray *rows = json_node_get_array (all);
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *village = json_object_get_string_member (row, "village");
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, village)) +
                is_assisted (json_object_get_string_member (row, "status"));

      g_hash_table_insert (counts, (char *) village, GUINT_TO_POINTER (n));
      if (n > best_count)
        {
          best = village;
          best_count = n;
        }
    }
  g_assert_cmpuint (best_count, >, 0);
  {
    g_autoptr (JsonNode) list = cli_json ("list", "households", "--json", "--village", best, NULL);

    *households = json_array_ref (json_node_get_array (list));
  }
  return g_strdup (best);
}

static void
assert_no_private (const char *text, JsonObject *household)
{
  g_autofree char *all = bf_test_squeeze (text);
  JsonArray *members = json_object_get_array_member (household, "members");
  gsize n_health;
  const BfCode *health = bf_codes (BF_CODES_HEALTH, &n_health);
  const char *account = json_object_get_string_member (household, "bank_account");

  bf_test_assert_no_id_number (all);
  if (account != NULL)
    g_assert_null (strstr (all, account));
  for (gsize i = 0; i < n_health; i++)
    g_assert_null (strstr (all, bf_ledger_code_label (BF_CODES_HEALTH, health[i].code)));
  g_assert_null (strstr (all, "残"));
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *m = json_array_get_object_element (members, i);
      const char *phone = json_object_get_string_member (m, "phone");

      if (phone != NULL)
        g_assert_null (strstr (all, phone));
    }
}

static void
test_card (void)
{
  g_autoptr (JsonArray) households = NULL;
  g_autofree char *village = busy_village (&households);
  g_autofree char *pdf = g_build_filename (dir, "cards.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (households) && numbers->len < 3; i++)
    {
      JsonObject *row = json_array_get_object_element (households, i);

      if (is_assisted (json_object_get_string_member (row, "status")))
        g_ptr_array_add (numbers, (char *) json_object_get_string_member (row, "number"));
    }
  g_assert_cmpuint (numbers->len, >=, 2);
  g_assert_cmpint (cli (&out, "print", "card", g_ptr_array_index (numbers, 0),
                        g_ptr_array_index (numbers, 1), "-o", pdf, NULL),
                   ==, 0);
  text = bf_test_pdf_text (pdf, 0, FALSE);
  if (text == NULL)
    return;
  all = bf_test_squeeze (text);
  for (guint i = 0; i < 2; i++)
    {
      const char *number = g_ptr_array_index (numbers, i);
      g_autoptr (JsonNode) node = cli_json ("show", "household", number, "--json", NULL);
      JsonObject *household = json_node_get_object (node);
      const char *helper = json_object_get_string_member (household, "helper");

      g_assert_nonnull (strstr (all, number));
      if (helper != NULL)
        g_assert_nonnull (strstr (all, helper));
      assert_no_private (text, household);
    }
  g_assert_nonnull (strstr (all, "帮扶明白卡"));
  g_assert_nonnull (strstr (all, "监督电话"));
}

static void
test_village_cards (void)
{
  g_autoptr (JsonArray) households = NULL;
  g_autofree char *village = busy_village (&households);
  g_autofree char *pdf = g_build_filename (dir, "village-cards.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  g_autofree char *info = NULL;

  g_assert_cmpint (
    cli (&out, "print", "card", "--village", village, "--paper", "a4-2up", "-o", pdf, NULL), ==, 0);
  text = bf_test_pdf_text (pdf, 0, FALSE);
  if (text == NULL)
    return;
  all = bf_test_squeeze (text);
  /* The village's households under assistance have cards, no one else. */
  for (guint i = 0; i < json_array_get_length (households); i++)
    {
      JsonObject *row = json_array_get_object_element (households, i);
      const char *number = json_object_get_string_member (row, "number");
      g_autofree char *label = g_strconcat ("户编号：", number, NULL);

      g_assert_true ((strstr (all, label) != NULL) ==
                     is_assisted (json_object_get_string_member (row, "status")));
    }
  bf_test_assert_no_id_number (all);
  info = bf_test_pdf_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "841.89 x 595.276"));
}

static void
test_form (void)
{
  g_autoptr (JsonArray) households = NULL;
  g_autofree char *village = busy_village (&households);
  g_autofree char *pdf = g_build_filename (dir, "forms.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  JsonObject *first = json_array_get_object_element (households, 0);
  const char *number = json_object_get_string_member (first, "number");
  g_autoptr (JsonNode) node = cli_json ("show", "household", number, "--json", NULL);
  JsonObject *household = json_node_get_object (node);
  JsonArray *members = json_object_get_array_member (household, "members");

  g_assert_cmpint (cli (&out, "print", "form", number, "-o", pdf, NULL), ==, 0);
  text = bf_test_pdf_text (pdf, 0, FALSE);
  if (text == NULL)
    return;
  all = bf_test_squeeze (text);
  /* The form is for the file: ID numbers in full, the bank account, the phones. */
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *m = json_array_get_object_element (members, i);

      g_assert_nonnull (strstr (all, json_object_get_string_member (m, "id_number")));
      g_assert_nonnull (strstr (all, json_object_get_string_member (m, "name")));
    }
  if (json_object_get_string_member (household, "bank_account") != NULL)
    g_assert_nonnull (strstr (all, json_object_get_string_member (household, "bank_account")));
  g_assert_nonnull (strstr (all, "户主（签字或按手印）"));

  /* A village's forms: every household of it, one after another. */
  g_free (out);
  g_assert_cmpint (cli (&out, "print", "form", "--village", village, "-o", pdf, NULL), ==, 0);
  g_free (text);
  g_free (all);
  text = bf_test_pdf_text (pdf, 0, FALSE);
  all = bf_test_squeeze (text);
  for (guint i = 0; i < json_array_get_length (households); i++)
    {
      const char *each =
        json_object_get_string_member (json_array_get_object_element (households, i), "number");
      g_autofree char *label = g_strconcat ("户编号：", each, NULL);

      g_assert_nonnull (strstr (all, label));
    }
}

static void
test_usage (void)
{
  g_autofree char *pdf = g_build_filename (dir, "bad.pdf", NULL);
  g_autofree char *out = NULL;

  /* Bad usage: 2, and nothing written. */
  g_assert_cmpint (cli (&out, "print", "card", "001-00001", NULL), ==, 2);
  g_assert_cmpint (cli (&out, "print", "card", "-o", pdf, NULL), ==, 2);
  g_assert_cmpint (cli (&out, "print", "card", "001-00001", "--village", "1", "-o", pdf, NULL), ==,
                   2);
  g_assert_cmpint (cli (&out, "print", "card", "001-00001", "--paper", "letter", "-o", pdf, NULL),
                   ==, 2);
  g_assert_cmpint (cli (&out, "print", "card", "001-00001", "--year", "1800", "-o", pdf, NULL), ==,
                   2);
  g_assert_cmpint (cli (&out, "print", "form", "001-00001", "--paper", "a5", "-o", pdf, NULL), ==,
                   2);
  g_assert_cmpint (cli (&out, "print", "card", "--village", "没有这个村", "-o", pdf, NULL), ==, 2);
  g_assert_cmpint (cli (&out, "print", "poster", "001-00001", "-o", pdf, NULL), ==, 2);
  /* A household that is not there: 1. */
  g_assert_cmpint (cli (&out, "print", "card", "001-00001", "999-99999", "-o", pdf, NULL), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_autofree char *out = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = bf_test_tmpdir_new ();
  db = g_build_filename (dir, "demo.bangfu", NULL);
  g_assert_cmpint (cli (&out, "demo", "--households", "300", "--seed", "11", NULL), ==, 0);

  g_test_add_func ("/cli/print/card", test_card);
  g_test_add_func ("/cli/print/village-cards", test_village_cards);
  g_test_add_func ("/cli/print/form", test_form);
  g_test_add_func ("/cli/print/usage", test_usage);
  status = g_test_run ();
  bf_test_tmpdir_free (dir);
  g_free (db);
  return status;
}
