/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nothing typed is lost: a child process types a household into the form and is killed with
 * SIGKILL before saving; the next start offers what it typed back. */
#include <signal.h>
#include <stdio.h>

#include "bf-store-drafts.h"
#include "bf-test-gui.h"
#include "bf-test-hhgui.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

#define CHILD_ENV      "BF_TEST_DRAFT_CHILD"
#define DRAFT_INTERVAL 200 /* ms */

static const char *address = "幸福路8号";

/* The child: types, says so on stdout, and waits to be killed. */
static int
run_child (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
  g_autofree char *village = NULL;
  g_autofree char *head = bf_test_id_number ("19680808", 11);
  g_autofree char *spouse = bf_test_id_number ("19700909", 12);
  BfTestPage *ui;
  BfForm *member_form;

  g_assert_no_error (error);
  ui = bf_test_page_new (store);
  bf_household_editor_set_draft_interval (ui->editor, DRAFT_INTERVAL);
  village = bf_test_village_id (store, "村2");

  bf_households_page_new_household (ui->page);
  bf_test_form_set (bf_household_editor_get_form (ui->editor), "village", village);
  bf_test_form_set (bf_household_editor_get_form (ui->editor), "address", address);
  bf_test_form_set (bf_household_editor_get_form (ui->editor), "wage", "8800");
  g_assert_true (bf_test_add_member (ui, "刘备", head, "head"));
  g_assert_true (bf_test_add_member (ui, "甘夫人", spouse, "spouse"));
  /* A third member half typed, the member form still open. */
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (ui->editor), "household.add-member", NULL));
  member_form = bf_member_editor_get_form (bf_household_editor_get_member_editor (ui->editor));
  bf_test_form_set (member_form, "name", "刘禅");

  printf ("typed\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 1;
}

static void
test_draft_survives_kill (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  AdwMessageDialog *dialog;
  BfMemberEditor *member_editor;
  BfTestPage *ui;
  JsonObject *member;

  store = bf_test_store_new (dir, "测试镇.bangfu", 2);
  path = g_strdup (bf_store_get_path (store));
  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);

  g_subprocess_launcher_setenv (launcher, CHILD_ENV, path, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_exe, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  /* The child's test framework talks first. */
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  while (line != NULL && g_strcmp0 (line, "typed") != 0);
  g_assert_cmpstr (line, ==, "typed");

  /* Several draft intervals, then no chance to save or clean up. */
  g_usleep (5 * DRAFT_INTERVAL * 1000);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The next start of the register. */
  store = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM households"), ==, 0);
  drafts = bf_store_draft_list (store, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);

  ui = bf_test_page_new (store);
  dialog = _bf_households_page_get_recovery_dialog (ui->page);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "刘备"));
  bf_test_answer_dialog ("restore");

  g_assert_true (bf_households_page_get_editing (ui->page));
  g_assert_cmpstr (bf_form_get (bf_household_editor_get_form (ui->editor), "address"), ==, address);
  g_assert_cmpstr (bf_form_get (bf_household_editor_get_form (ui->editor), "wage"), ==, "8800");
  g_assert_cmpuint (bf_household_editor_get_n_members (ui->editor), ==, 2);
  member = bf_household_editor_get_member (ui->editor, 1);
  g_assert_cmpstr (json_object_get_string_member (member, "name"), ==, "甘夫人");
  member_editor = bf_household_editor_get_member_editor (ui->editor);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (member_editor)));
  g_assert_cmpstr (bf_form_get (bf_member_editor_get_form (member_editor), "name"), ==, "刘禅");
  g_assert_true (bf_household_editor_get_dirty (ui->editor));

  /* Saved, the draft is gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (member_editor), "member.back", NULL));
  bf_test_flush ();
  bf_test_answer_dialog ("discard");
  g_assert_true (bf_household_editor_save (ui->editor));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = bf_store_draft_list (store, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM households"), ==, 1);

  bf_test_page_free (ui);
  bf_store_close (store, NULL);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Discarding the recovered draft removes it for good. */
static void
test_draft_discarded (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "测试镇.bangfu", 1);
  g_autoptr (GPtrArray) drafts = NULL;
  BfTestPage *ui;

  g_assert_true (
    bf_store_draft_save (store, "household", NULL,
                         "{\"household_id\":0,\"number\":\"001-00001\",\"head\":\"张三\","
                         "\"fields\":{\"address\":\"x\"},\"members\":[]}",
                         NULL));
  ui = bf_test_page_new (store);
  g_assert_nonnull (_bf_households_page_get_recovery_dialog (ui->page));
  bf_test_answer_dialog ("discard");
  g_assert_false (bf_households_page_get_editing (ui->page));
  drafts = bf_store_draft_list (store, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);
  bf_test_page_free (ui);
  bf_store_close (store, NULL);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  const char *child = g_getenv (CHILD_ENV);

  if (!bf_test_gui_init (&argc, &argv))
    return 0;
  if (child != NULL)
    return run_child (child);

  g_test_add_func ("/household-draft/survives-sigkill", test_draft_survives_kill);
  g_test_add_func ("/household-draft/discarded", test_draft_discarded);
  return g_test_run ();
}
