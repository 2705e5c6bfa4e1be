/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Ledgers page in a real window: defaults, an export in a thread that lands in the register's
 * list of past exports, Cancel, and a failure that says why. */
#include "config.h"

#include <glib/gstdio.h>

#include "bf-ledgers-page.h"
#include "bf-store-demo.h"
#include "bf-store-ledger.h"
#include "bf-test-gui.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfApplication *app;
  BfWindow *window;
  BfLedgersPage *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkStack *stack;

  f->dir = bf_test_tmpdir_new ();
  path = g_build_filename (f->dir, "石门乡.bangfu", NULL);
  store = bf_store_demo_create (path, 3, "测试员", &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_demo_generate (store, 150, 3, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));

  bf_test_settings_reset ();
  f->app = bf_test_app_start ();
  f->window = bf_test_app_window (f->app);
  file = g_file_new_for_path (path);
  bf_window_open_file (f->window, file);
  bf_test_wait_opened (f->window);
  g_assert_nonnull (bf_window_get_store (f->window));
  bf_window_show_page (f->window, "ledgers");
  stack = bf_test_child (f->window, BF_TYPE_WINDOW, "content_stack");
  f->page = BF_LEDGERS_PAGE (gtk_stack_get_child_by_name (stack, "ledgers"));
  bf_test_flush ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->app != NULL)
    bf_test_app_stop (f->app);
  bf_test_tmpdir_free (f->dir);
}

static gboolean
idle_page (gpointer page)
{
  return !bf_ledgers_page_get_busy (page);
}

static GtkWidget *
first_export_row (Fixture *f)
{
  GtkListBox *list = bf_test_child (f->page, BF_TYPE_LEDGERS_PAGE, "exports_list");

  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
}

static void
test_defaults (Fixture *f, gconstpointer data)
{
  AdwComboRow *quarter_row = bf_test_child (f->page, BF_TYPE_LEDGERS_PAGE, "quarter_row");
  AdwComboRow *scope_row = bf_test_child (f->page, BF_TYPE_LEDGERS_PAGE, "scope_row");
  GListModel *quarters = adw_combo_row_get_model (quarter_row);
  g_autofree char *name = NULL;

  /* The page follows the window's register. */
  g_assert_true (bf_ledgers_page_get_store (f->page) == bf_window_get_store (f->window));
  /* BANGFU_TODAY is 2026-11-28: the last complete quarter is 2026 Q3, after the running one. */
  g_assert_cmpuint (adw_combo_row_get_selected (quarter_row), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (quarters), 1), ==, "2026 Q3");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (quarters), 0), ==,
                   "2026 Q4 (in progress)");
  /* The township, then its three villages. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scope_row)), ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (scope_row), ==, 0);
  name = g_path_get_basename (bf_ledgers_page_get_destination (f->page));
  g_assert_cmpstr (name, ==, "石门乡_2026Q3_台账.xlsx");
  g_assert_null (first_export_row (f));

  /* Another scope renames the default file. */
  adw_combo_row_set_selected (scope_row, 1);
  g_clear_pointer (&name, g_free);
  name = g_path_get_basename (bf_ledgers_page_get_destination (f->page));
  g_assert_true (g_str_has_prefix (name, "石门乡"));
  g_assert_true (g_str_has_suffix (name, "_2026Q3_台账.xlsx"));
  g_assert_cmpstr (name, !=, "石门乡_2026Q3_台账.xlsx");
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "ledger.xlsx", NULL);
  g_autoptr (GPtrArray) exports = NULL;
  GtkSwitch *mask = bf_test_child (f->page, BF_TYPE_LEDGERS_PAGE, "mask_switch");
  BfLedgerExport *record;

  bf_ledgers_page_set_destination (f->page, path);
  gtk_switch_set_active (mask, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ledger.export", NULL);
  /* The export runs in a thread: the page is busy, the main loop goes on. */
  g_assert_true (bf_ledgers_page_get_busy (f->page));
  bf_test_wait (idle_page, f->page);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  exports = bf_store_ledger_export_list (bf_window_get_store (f->window), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exports->len, ==, 1);
  record = g_ptr_array_index (exports, 0);
  g_assert_cmpstr (record->quarter, ==, "2026Q3");
  g_assert_cmpstr (record->path, ==, path);
  g_assert_true (record->masked);
  g_assert_cmpint (record->rows, >, 150);
  g_assert_nonnull (first_export_row (f));
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  g_autoptr (GPtrArray) exports = NULL;

  bf_ledgers_page_set_destination (f->page, path);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ledger.export", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ledger.cancel", NULL);
  bf_test_wait (idle_page, f->page);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  exports = bf_store_ledger_export_list (bf_window_get_store (f->window), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exports->len, ==, 0);
}

static void
test_failure (Fixture *f, gconstpointer data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *path = g_build_filename (blocker, "ledger.xlsx", NULL);
  GtkWindow *dialog;

  /* The folder of the destination is a file. */
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  bf_ledgers_page_set_destination (f->page, path);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ledger.export", NULL);
  bf_test_wait (idle_page, f->page);

  dialog = bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Export the Ledger");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  gtk_window_destroy (dialog);
  g_assert_null (first_export_row (f));
}

/* Closing the window while an export runs: the export stops (or has just ended) without harm,
 * and leaves no temporary file. */
static void
test_close_while_exporting (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "closed.xlsx", NULL);
  g_autoptr (GDir) dir = NULL;
  const char *name;
  gint64 until;

  bf_ledgers_page_set_destination (f->page, path);
  g_object_ref (f->page);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ledger.export", NULL);
  g_assert_true (bf_ledgers_page_get_busy (f->page));
  bf_test_app_stop (f->app);
  f->app = NULL;
  until = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (bf_ledgers_page_get_busy (f->page) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (bf_ledgers_page_get_busy (f->page));
  g_object_unref (f->page);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".~"));
}

int
main (int argc, char **argv)
{
  g_setenv ("BANGFU_TODAY", "2026-11-28", TRUE);
  if (!bf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add ("/gui/ledgers/defaults", Fixture, NULL, fixture_set_up, test_defaults,
              fixture_tear_down);
  g_test_add ("/gui/ledgers/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/gui/ledgers/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/gui/ledgers/failure", Fixture, NULL, fixture_set_up, test_failure,
              fixture_tear_down);
  g_test_add ("/gui/ledgers/close-while-exporting", Fixture, NULL, fixture_set_up,
              test_close_while_exporting, fixture_tear_down);
  return g_test_run ();
}
