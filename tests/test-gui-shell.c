/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "bf-assessment-page.h"
#include "bf-exit-ui.h"
#include "bf-new-register-page.h"
#include "bf-preferences-window.h"
#include "bf-store-backup.h"
#include "bf-store-regions.h"
#include "bf-test-gui.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

static const char *const page_names[] = { "households", "notices", "plans", "assessment",
                                          "ledgers" };

static void
test_settings_defaults (void)
{
  const struct
  {
    const char *key;
    const char *value; /* GVariant text */
  } expected[] = {
    { "operator-name", "''" },
    { "last-file", "''" },
    { "window-width", "1100" },
    { "window-height", "720" },
    { "window-maximized", "false" },
    { "notice-default-days", "7" },
    { "notice-minimum-days", "5" },
    { "township-notice", "true" },
    { "notice-mask-id", "false" },
    { "notice-issuing-body", "''" },
    { "notice-supervision-phone", "''" },
    { "not-visited-days", "90" },
    { "follow-up-years", "5" },
  };
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  bf_test_settings_reset ();
  g_object_get (bf_test_settings (), "settings-schema", &schema, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (GVariant) value = NULL;
      g_autofree char *text = NULL;

      g_assert_true (g_settings_schema_has_key (schema, expected[i].key));
      value = g_settings_get_value (bf_test_settings (), expected[i].key);
      text = g_variant_print (value, FALSE);
      g_assert_cmpstr (text, ==, expected[i].value);
    }
  /* Nothing in the schema that this test does not know about. */
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), ==, G_N_ELEMENTS (expected));
}

static void
test_first_run_welcome (void)
{
  BfApplication *app;
  BfWindow *window;

  bf_test_settings_reset ();
  app = bf_test_app_start ();
  window = bf_test_app_window (app);

  g_assert_cmpstr (bf_test_main_page (window), ==, "welcome");
  g_assert_null (bf_window_get_store (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Bangfu");

  bf_test_app_stop (app);
}

/* Fills the new-register form as a user would. */
static BfNewRegisterPage *
fill_form (BfWindow *window,
           const char *township,
           const char *villages,
           const char *operator_name,
           const char *path)
{
  BfNewRegisterPage *page = bf_test_child (window, BF_TYPE_WINDOW, "new_register_page");
  GtkTextView *villages_view = bf_test_child (page, BF_TYPE_NEW_REGISTER_PAGE, "villages_view");
  g_autoptr (GFile) file = g_file_new_for_path (path);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-register", NULL);
  g_assert_cmpstr (bf_test_main_page (window), ==, "new-register");

  gtk_editable_set_text (bf_test_child (page, BF_TYPE_NEW_REGISTER_PAGE, "township_row"), township);
  gtk_editable_set_text (bf_test_child (page, BF_TYPE_NEW_REGISTER_PAGE, "county_row"), "示例县");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (villages_view), villages, -1);
  gtk_spin_button_set_value (bf_test_child (page, BF_TYPE_NEW_REGISTER_PAGE, "groups_spin"), 4);
  gtk_editable_set_text (bf_test_child (page, BF_TYPE_NEW_REGISTER_PAGE, "operator_row"),
                         operator_name);
  bf_new_register_page_set_file (page, file);
  return page;
}

static gboolean
has_store (gpointer window)
{
  return bf_window_get_store (window) != NULL;
}

static gboolean
error_shown (gpointer page)
{
  return gtk_widget_get_visible (bf_test_child (page, BF_TYPE_NEW_REGISTER_PAGE, "error_label"));
}

static void
test_create_and_reopen (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "城关镇.bangfu", NULL);
  g_autofree char *last = NULL;
  g_autofree char *operator_name = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  BfNewRegisterPage *page;
  BfApplication *app;
  BfWindow *window;

  bf_test_settings_reset ();
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  page = fill_form (window, " 城关镇 ", "东村，西村\n南村、 北村\n\n", "李明", path);

  gtk_widget_activate_action (GTK_WIDGET (page), "new-register.create", NULL);
  bf_test_wait (has_store, window);

  g_assert_cmpstr (bf_test_main_page (window), ==, "register");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "城关镇 — 城关镇.bangfu");
  last = g_settings_get_string (bf_test_settings (), "last-file");
  g_assert_cmpstr (last, ==, path);
  operator_name = g_settings_get_string (bf_test_settings (), "operator-name");
  g_assert_cmpstr (operator_name, ==, "李明");
  bf_test_app_stop (app);

  /* What reached the file. */
  store = bf_store_open (path, BF_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bf_store_get_township (store), ==, "城关镇");
  g_assert_cmpstr (bf_store_get_county (store), ==, "示例县");
  villages = bf_store_list_villages (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (villages->len, ==, 4);
  {
    const char *names[] = { "东村", "西村", "南村", "北村" };
    g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < villages->len; i++)
      {
        BfVillage *village = g_ptr_array_index (villages, i);
        g_hash_table_add (seen, village->name);
        g_assert_cmpuint (village->groups->len, ==, 4);
      }
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_assert_true (g_hash_table_contains (seen, names[i]));
  }
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The next start opens the last register directly. */
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_test_wait_opened (window);
  g_assert_cmpstr (bf_test_main_page (window), ==, "register");
  g_assert_nonnull (bf_window_get_store (window));
  g_assert_cmpstr (bf_store_get_path (bf_window_get_store (window)), ==, path);
  g_assert_cmpstr (bf_store_get_township (bf_window_get_store (window)), ==, "城关镇");
  bf_test_app_stop (app);

  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Asserts that pressing Create shows an error and writes nothing. */
static void
assert_refused (BfWindow *window, BfNewRegisterPage *page, const char *path, const char *fragment)
{
  GtkLabel *label = bf_test_child (page, BF_TYPE_NEW_REGISTER_PAGE, "error_label");

  gtk_widget_activate_action (GTK_WIDGET (page), "new-register.create", NULL);
  bf_test_wait (error_shown, page);
  bf_test_flush ();
  g_assert_nonnull (strstr (gtk_label_get_text (label), fragment));
  g_assert_null (bf_window_get_store (window));
  g_assert_cmpstr (bf_test_main_page (window), ==, "new-register");
  if (path != NULL)
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_create_bad_input (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "new.bangfu", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.bangfu", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  BfNewRegisterPage *page;
  BfApplication *app;
  BfWindow *window;

  bf_test_settings_reset ();
  app = bf_test_app_start ();
  window = bf_test_app_window (app);

  page = fill_form (window, "  ", "东村", "李明", path);
  assert_refused (window, page, path, "township");

  page = fill_form (window, "城关镇", " ,，\n ", "李明", path);
  assert_refused (window, page, path, "at least one village");

  page = fill_form (window, "城关镇", "东村\n西村\n东村", "李明", path);
  assert_refused (window, page, path, "“东村” is listed twice");

  page = fill_form (window, "城关镇", "东村", "", path);
  assert_refused (window, page, path, "your name");

  /* An existing file is never written over. */
  g_file_set_contents (existing, "not a register", -1, &error);
  g_assert_no_error (error);
  page = fill_form (window, "城关镇", "东村", "李明", existing);
  assert_refused (window, page, NULL, "already exists");
  g_file_get_contents (existing, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "not a register");

  /* Cancel goes back to the welcome page without writing anything. */
  gtk_widget_activate_action (GTK_WIDGET (page), "new-register.cancel", NULL);
  g_assert_cmpstr (bf_test_main_page (window), ==, "welcome");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_parse_villages (void)
{
  g_autofree char *duplicate = NULL;
  g_auto (GStrv) villages = NULL;
  g_auto (GStrv) empty = NULL;
  g_auto (GStrv) twice = NULL;

  villages =
    bf_new_register_page_parse_villages (" 东村 ,西村，南村、北村;中村；\n　上村　\n", &duplicate);
  g_assert_null (duplicate);
  g_assert_cmpstrv (villages,
                    ((const char *[]){ "东村", "西村", "南村", "北村", "中村", "上村", NULL }));

  empty = bf_new_register_page_parse_villages (" \n,，", &duplicate);
  g_assert_nonnull (empty);
  g_assert_null (empty[0]);

  twice = bf_new_register_page_parse_villages ("东村\n 东村 ", &duplicate);
  g_assert_null (twice);
  g_assert_cmpstr (duplicate, ==, "东村");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return (AdwMessageDialog *) bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* A file that is not a register: an error naming it, back to the welcome page, file untouched. */
static void
test_open_failure (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "notes.bangfu", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  BfApplication *app;
  BfWindow *window;

  bf_test_settings_reset ();
  g_file_set_contents (path, "these are notes, not a register", -1, &error);
  g_assert_no_error (error);
  g_settings_set_string (bf_test_settings (), "last-file", path);

  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_test_wait_opened (window);
  bf_test_wait (dialog_shown, NULL);

  g_assert_cmpstr (bf_test_main_page (window), ==, "welcome");
  g_assert_null (bf_window_get_store (window));
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "notes.bangfu"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "these are notes, not a register");

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A register that another program holds: the message names the file. */
static void
test_open_in_use (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = bf_test_register_new (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) holder = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  BfApplication *app;
  BfWindow *window;

  bf_test_settings_reset ();
  holder = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);

  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_window_open_file (window, file);
  bf_test_wait_opened (window);
  bf_test_wait (dialog_shown, NULL);

  g_assert_null (bf_window_get_store (window));
  g_assert_cmpstr (bf_test_main_page (window), ==, "welcome");
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "城关镇.bangfu"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "城关镇.bangfu"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  bf_test_app_stop (app);
  g_assert_true (bf_store_close (holder, &error));
  g_assert_no_error (error);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
name_starts_with (const char *dir, const char *prefix)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, prefix))
        return TRUE;
    }
  return FALSE;
}

/* A damaged register: the newest backup is offered; restoring it sets the damaged file aside and
 * opens the backup's copy. */
static void
test_open_damaged_offers_backup (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "damaged.bangfu", NULL);
  g_autofree char *backup = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_test_store_new (dir, "damaged.bangfu", 300);
  AdwMessageDialog *dialog;
  BfApplication *app;
  BfWindow *window;

  backup = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  bytes = bf_test_file_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 16 * 4096);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2, &error);
  g_assert_no_error (error);

  bf_test_settings_reset ();
  g_settings_set_string (bf_test_settings (), "last-file", path);
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_test_wait_opened (window);
  bf_test_wait (dialog_shown, NULL);
  g_assert_null (bf_window_get_store (window));
  g_assert_cmpstr (bf_test_main_page (window), ==, "welcome");

  dialog = find_message_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  adw_message_dialog_response (dialog, "restore");
  bf_test_wait (has_store, window);
  g_assert_cmpstr (bf_store_get_path (bf_window_get_store (window)), ==, path);
  g_assert_cmpstr (bf_store_get_township (bf_window_get_store (window)), ==, "测试镇");
  g_assert_true (name_starts_with (dir, "damaged.bangfu.damaged-"));

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
check_done (gpointer window)
{
  BfWindowCheck check = bf_window_get_check (window);

  return check != BF_WINDOW_CHECK_RUNNING && check != BF_WINDOW_CHECK_NONE;
}

/* A damaged page that opening does not read (the audit trail's): the register opens and shows;
 * the check in the background finds the damage, says so in the title, refuses writes and offers
 * the newest sound backup, which is not the newer damaged one; nothing was written to the file,
 * until the restore sets it aside. */
static void
test_damage_found_after_opening (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "later.bangfu", NULL);
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *older_name = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_test_store_new (dir, "later.bangfu", 300);
  AdwMessageDialog *dialog;
  BfApplication *app;
  BfWindow *window;
  AdwWindowTitle *title;

  older = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bf_store_village_add (store, "新村", 1, &error), >, 0);
  newer = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  bf_test_damage_page (path, "audit_log", 3);
  bf_test_damage_page (newer, "audit_log", 3);
  before = bf_test_file_bytes (path);

  bf_test_settings_reset ();
  g_settings_set_string (bf_test_settings (), "last-file", path);
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_test_wait_opened (window);
  g_assert_nonnull (bf_window_get_store (window));
  bf_test_wait (check_done, window);
  g_assert_cmpint (bf_window_get_check (window), ==, BF_WINDOW_CHECK_DAMAGED);
  title = bf_test_child (window, BF_TYPE_WINDOW, "register_title");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "nothing can be changed"));
  g_assert_false (
    bf_store_setting_set (bf_window_get_store (window), BF_SETTING_NOTICE_DAYS, "7", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  bf_test_wait (dialog_shown, NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "later.bangfu"));
  older_name = g_path_get_basename (older);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), older_name));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  after = bf_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  adw_message_dialog_response (dialog, "restore");
  bf_test_wait (has_store, window);
  bf_test_wait (check_done, window);
  g_assert_cmpint (bf_window_get_check (window), ==, BF_WINDOW_CHECK_SOUND);
  g_assert_true (name_starts_with (dir, "later.bangfu.damaged-"));
  g_assert_cmpint (bf_test_query_int (bf_window_get_store (window),
                                      "SELECT count(*) FROM villages WHERE name = '新村'"),
                   ==, 0);

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static BfApplication *
start_with_register (const char *dir, char **path_out)
{
  g_autofree char *path = bf_test_register_new (dir);
  BfApplication *app;

  bf_test_settings_reset ();
  g_settings_set_string (bf_test_settings (), "last-file", path);
  app = bf_test_app_start ();
  bf_test_wait_opened (bf_test_app_window (app));
  g_assert_nonnull (bf_window_get_store (bf_test_app_window (app)));
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return app;
}

static const char *
row_label (GtkListBoxRow *row)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL;
       w = gtk_widget_get_first_child (w))
    {
      for (GtkWidget *c = w; c != NULL; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_LABEL (c))
          return gtk_label_get_text (GTK_LABEL (c));
    }
  return NULL;
}

static void
test_every_page (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  BfApplication *app = start_with_register (dir, NULL);
  BfWindow *window = bf_test_app_window (app);
  GtkStack *stack = bf_test_child (window, BF_TYPE_WINDOW, "content_stack");
  GtkListBox *list = bf_test_child (window, BF_TYPE_WINDOW, "page_list");
  AdwWindowTitle *title = bf_test_child (window, BF_TYPE_WINDOW, "page_title");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "households");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Households");

  /* By action (the Ctrl+1…5 accelerators), in reverse so each is a change. */
  for (int i = G_N_ELEMENTS (page_names) - 1; i >= 0; i--)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page_names[i]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, page_names[i]);
      g_assert_true (gtk_widget_get_visible (gtk_stack_get_visible_child (stack)));
      g_assert_true (ADW_IS_BIN (gtk_stack_get_visible_child (stack)));
    }

  /* By clicking the sidebar rows: the header shows the row's title. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      g_signal_emit_by_name (row, "activate");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, page_names[i]);
      g_assert_true (gtk_list_box_get_selected_row (list) == row);
      g_assert_cmpstr (adw_window_title_get_title (title), ==, row_label (row));
    }

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_sidebar_toggle (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  BfApplication *app = start_with_register (dir, NULL);
  BfWindow *window = bf_test_app_window (app);
  GtkWidget *sidebar = bf_test_child (window, BF_TYPE_WINDOW, "sidebar");

  g_assert_true (gtk_widget_get_visible (sidebar));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_false (gtk_widget_get_visible (sidebar));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_true (gtk_widget_get_visible (sidebar));

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The window must stay usable at 900 px with the sidebar shown (and the leaflet must not fold):
 * every page wraps its toolbars and scrolls its content, so none needs 600 px or more. */
static void
test_page_min_width (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  BfApplication *app = start_with_register (dir, NULL);
  BfWindow *window = bf_test_app_window (app);
  GtkStack *stack = bf_test_child (window, BF_TYPE_WINDOW, "content_stack");

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      int min = 0;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page_names[i]);
      bf_test_flush ();
      gtk_widget_measure (gtk_stack_get_visible_child (stack), GTK_ORIENTATION_HORIZONTAL, -1, &min,
                          NULL, NULL, NULL);
      g_test_message ("%s: %d px", page_names[i], min);
      g_assert_cmpint (min, <, 560);
    }

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static guint
count_backups (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = bf_store_list_backups (path, &error);

  g_assert_no_error (error);
  return backups->len;
}

typedef struct
{
  const char *path;
  guint before;
} BackupWait;

static gboolean
new_backup (gpointer data)
{
  BackupWait *wait = data;

  return count_backups (wait->path) > wait->before;
}

static void
test_backup_now (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = NULL;
  BfApplication *app = start_with_register (dir, &path);
  BfWindow *window = bf_test_app_window (app);
  BackupWait wait = { path, count_backups (path) };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.backup", NULL);
  bf_test_wait (new_backup, &wait);

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The 30-minute backup: only when something changed since the last one. */
static void
test_backup_when_changed (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  BfApplication *app = start_with_register (dir, &path);
  BfWindow *window = bf_test_app_window (app);
  BfStore *store = bf_window_get_store (window);
  BackupWait wait = { path, count_backups (path) };

  g_assert_false (bf_window_backup_if_changed (window));
  bf_test_flush ();
  g_assert_cmpuint (count_backups (path), ==, wait.before);

  g_assert_true (
    bf_store_setting_set (store, BF_SETTING_SUPERVISION_PHONE, "0731-1234567", &error));
  g_assert_no_error (error);
  g_assert_true (bf_window_backup_if_changed (window));
  bf_test_wait (new_backup, &wait);
  bf_test_flush ();
  g_assert_false (bf_window_backup_if_changed (window));

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
collect_shortcuts (GtkWidget *widget, GHashTable *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto (GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      parts = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (parts[i], &key, &mods));
          g_hash_table_add (accels, gtk_accelerator_name (key, mods));
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_shortcuts (c, accels);
}

/* The key shortcuts of the managed shortcut controllers under @widget. */
static void
collect_page_shortcuts (GtkWidget *widget, GHashTable *accels)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) !=
            GTK_SHORTCUT_SCOPE_MANAGED)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger))
            g_hash_table_add (accels,
                              gtk_accelerator_name (
                                gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_page_shortcuts (c, accels);
}

/* The shortcuts window lists every accelerator the application sets, and no other. */
static void
test_shortcuts_window (void)
{
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) actions = NULL;
  GtkShortcutsWindow *overlay;
  GHashTableIter iter;
  const char *accel;
  BfApplication *app;

  bf_test_settings_reset ();
  app = bf_test_app_start ();
  overlay =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (bf_test_app_window (app)));
  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), listed);

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) accels =
        gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          g_hash_table_add (set, gtk_accelerator_name (key, mods));
        }
    }
  /* Pages set their own shortcuts, active while the page is shown (the households list and
   * form): those count as set too. */
  collect_page_shortcuts (GTK_WIDGET (bf_test_app_window (app)), set);
  g_assert_cmpuint (g_hash_table_size (set), >=, 13);

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, NULL))
    {
      if (!g_hash_table_contains (listed, accel))
        g_error ("%s is set but not in the shortcuts window", accel);
    }
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, NULL))
    {
      if (!g_hash_table_contains (set, accel))
        g_error ("the shortcuts window lists %s, which does nothing", accel);
    }

  bf_test_app_stop (app);
}

static void
test_window_size_saved (void)
{
  BfApplication *app;
  BfWindow *window;
  int width, height;

  bf_test_settings_reset ();
  g_settings_set_int (bf_test_settings (), "window-width", 900);
  g_settings_set_int (bf_test_settings (), "window-height", 650);
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  bf_test_app_stop (app);
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (bf_test_settings (), "window-maximized"));
}

static void
test_preferences (void)
{
  BfApplication *app;
  GtkWindow *preferences;
  GtkSpinButton *default_days, *minimum_days;
  GtkSwitch *mask;
  g_autofree char *issuer = NULL;

  bf_test_settings_reset ();
  app = bf_test_app_start ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = bf_test_find_toplevel (BF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  default_days = bf_test_child (preferences, BF_TYPE_PREFERENCES_WINDOW, "notice_default_spin");
  minimum_days = bf_test_child (preferences, BF_TYPE_PREFERENCES_WINDOW, "notice_minimum_spin");
  mask = bf_test_child (preferences, BF_TYPE_PREFERENCES_WINDOW, "mask_id_switch");
  g_assert_cmpfloat (gtk_spin_button_get_value (default_days), ==, 7);
  g_assert_cmpfloat (gtk_spin_button_get_value (minimum_days), ==, 5);

  gtk_spin_button_set_value (default_days, 10);
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "notice-default-days"), ==, 10);

  /* Raising the minimum above the default raises the default with it. */
  gtk_spin_button_set_value (minimum_days, 12);
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "notice-minimum-days"), ==, 12);
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "notice-default-days"), ==, 12);
  gtk_spin_button_set_value (default_days, 8);
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "notice-default-days"), ==, 12);

  gtk_switch_set_active (mask, TRUE);
  g_assert_true (g_settings_get_boolean (bf_test_settings (), "notice-mask-id"));
  gtk_editable_set_text (
    bf_test_child (preferences, BF_TYPE_PREFERENCES_WINDOW, "issuing_body_row"), "城关镇人民政府");
  issuer = g_settings_get_string (bf_test_settings (), "notice-issuing-body");
  g_assert_cmpstr (issuer, ==, "城关镇人民政府");

  gtk_window_destroy (preferences);
  bf_test_app_stop (app);
}

static gboolean
summary_says (gpointer data)
{
  const char **wanted = data;

  return strstr (gtk_label_get_text (GTK_LABEL (wanted[0])), wanted[1]) != NULL;
}

/* With a register open, Preferences shows and edits its follow-up years and visit interval (what
 * bangfu-cli reads), GSettings mirrors them, and the follow-up list uses the register's years. */
static void
test_preferences_register (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = bf_test_register_new (dir);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *years = NULL;
  g_autofree char *days = NULL;
  g_autoptr (GError) error = NULL;
  BfApplication *app;
  BfWindow *window;
  BfStore *store;
  GtkWindow *preferences;
  GtkSpinButton *follow_up, *not_visited;
  GtkWidget *summary;
  const char *wanted[2];

  bf_test_settings_reset ();
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_window_open_file (window, file);
  bf_test_wait_opened (window);
  store = bf_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_true (bf_store_setting_set (store, BF_SETTING_FOLLOWUP_YEARS, "3", &error));
  g_assert_no_error (error);
  bf_window_show_page (window, "assessment");
  summary = bf_test_child (bf_test_find_descendant (GTK_WIDGET (window), BF_TYPE_ASSESSMENT_PAGE),
                           BF_TYPE_ASSESSMENT_PAGE, "follow_summary");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = bf_test_find_toplevel (BF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  follow_up = bf_test_child (preferences, BF_TYPE_PREFERENCES_WINDOW, "follow_up_spin");
  not_visited = bf_test_child (preferences, BF_TYPE_PREFERENCES_WINDOW, "not_visited_spin");

  /* The register's values are shown, and copied to GSettings. */
  g_assert_cmpfloat (gtk_spin_button_get_value (follow_up), ==, 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (not_visited), ==, 90);
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "follow-up-years"), ==, 3);

  /* An edit reaches the register, GSettings and the follow-up list. */
  gtk_spin_button_set_value (follow_up, 2);
  gtk_spin_button_set_value (not_visited, 30);
  years = bf_store_setting_get (store, BF_SETTING_FOLLOWUP_YEARS);
  days = bf_store_setting_get (store, BF_SETTING_NOT_VISITED_DAYS);
  g_assert_cmpstr (years, ==, "2");
  g_assert_cmpstr (days, ==, "30");
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "follow-up-years"), ==, 2);
  g_assert_cmpint (g_settings_get_int (bf_test_settings (), "not-visited-days"), ==, 30);
  wanted[0] = (const char *) summary;
  wanted[1] = "(2)";
  bf_test_wait (summary_says, wanted);

  gtk_window_destroy (preferences);
  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  /* The messages checked below are the English source strings. */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (!bf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/settings/defaults", test_settings_defaults);
  g_test_add_func ("/gui/shell/first-run-welcome", test_first_run_welcome);
  g_test_add_func ("/gui/shell/parse-villages", test_parse_villages);
  g_test_add_func ("/gui/shell/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/gui/shell/create-bad-input", test_create_bad_input);
  g_test_add_func ("/gui/shell/open-failure", test_open_failure);
  g_test_add_func ("/gui/shell/open-in-use", test_open_in_use);
  g_test_add_func ("/gui/shell/open-damaged-offers-backup", test_open_damaged_offers_backup);
  g_test_add_func ("/gui/shell/damage-found-after-opening", test_damage_found_after_opening);
  g_test_add_func ("/gui/shell/every-page", test_every_page);
  g_test_add_func ("/gui/shell/sidebar-toggle", test_sidebar_toggle);
  g_test_add_func ("/gui/shell/page-min-width", test_page_min_width);
  g_test_add_func ("/gui/shell/backup-now", test_backup_now);
  g_test_add_func ("/gui/shell/backup-when-changed", test_backup_when_changed);
  g_test_add_func ("/gui/shell/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/gui/shell/window-size", test_window_size_saved);
  g_test_add_func ("/gui/shell/preferences", test_preferences);
  g_test_add_func ("/gui/shell/preferences-register", test_preferences_register);

  return g_test_run ();
}
