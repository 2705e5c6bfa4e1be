/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-preferences-window.h"
#include "bf-test-gui.h"
#include "bf-test-util.h"

/* Run with LANGUAGE=zh_CN and no usable locale, as on an office machine where zh_CN.UTF-8 was
 * never generated: every string the user sees must be Chinese. BF_TEST_LANG, when set, becomes
 * LANG (meson runs this test once without LANG and once with LANG=C.UTF-8). */

/* English left on screen: Latin letters and not one Han character. File names, digits and
 * mixed text such as "Excel 工作簿" pass. */
static gboolean
is_untranslated (const char *text)
{
  gboolean latin = FALSE;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        return FALSE;
      if (g_ascii_isalpha (*p))
        latin = TRUE;
    }
  return latin;
}

static void
check_menu (GMenuModel *menu, GPtrArray *english)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr (GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          is_untranslated (label))
        g_ptr_array_add (english, g_strdup_printf ("menu item “%s”", label));
      if (section != NULL)
        check_menu (section, english);
      if (submenu != NULL)
        check_menu (submenu, english);
    }
}

static void
check_widget (GtkWidget *widget, GPtrArray *english)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  /* Key names ("Ctrl+O") are the same in Chinese. */
  gboolean keys = g_strcmp0 (gtk_widget_get_css_name (widget), "accelerator") == 0 ||
                  gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUT_LABEL) != NULL;

  if (GTK_IS_LABEL (widget) && !keys && is_untranslated (gtk_label_get_text (GTK_LABEL (widget))))
    g_ptr_array_add (english,
                     g_strdup_printf ("label “%s” in %s", gtk_label_get_text (GTK_LABEL (widget)),
                                      G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget))));
  if (is_untranslated (tooltip))
    g_ptr_array_add (english, g_strdup_printf ("tooltip “%s”", tooltip));
  if (GTK_IS_MENU_BUTTON (widget) &&
      gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    check_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), english);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    check_widget (c, english);
}

static void
assert_all_chinese (GtkWidget *root)
{
  g_autoptr (GPtrArray) english = g_ptr_array_new_with_free_func (g_free);

  if (GTK_IS_WINDOW (root) && is_untranslated (gtk_window_get_title (GTK_WINDOW (root))))
    g_ptr_array_add (
      english, g_strdup_printf ("window title “%s”", gtk_window_get_title (GTK_WINDOW (root))));
  check_widget (root, english);
  for (guint i = 0; i < english->len; i++)
    g_test_message ("untranslated: %s", (char *) g_ptr_array_index (english, i));
  g_assert_cmpuint (english->len, ==, 0);
}

static void
test_translation_loaded (void)
{
  g_assert_cmpstr (_ ("Households"), ==, "户籍管理");
  g_assert_cmpstr (_ ("Preferences"), ==, "首选项");
}

static void
test_welcome_chinese (void)
{
  BfApplication *app;
  BfWindow *window;

  bf_test_settings_reset ();
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "帮扶台账");
  assert_all_chinese (GTK_WIDGET (window));

  /* The new-register form too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-register", NULL);
  assert_all_chinese (GTK_WIDGET (window));

  bf_test_app_stop (app);
}

static void
test_register_chinese (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = bf_test_register_new (dir);
  const char *expected[] = { "户籍管理", "识别与公示", "帮扶计划", "评估与退出", "台账" };
  GtkListBox *list;
  BfApplication *app;
  BfWindow *window;
  GtkWindow *preferences;

  bf_test_settings_reset ();
  g_settings_set_string (bf_test_settings (), "last-file", path);
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_test_wait_opened (window);
  g_assert_nonnull (bf_window_get_store (window));

  /* The sidebar titles, in order. */
  list = bf_test_child (window, BF_TYPE_WINDOW, "page_list");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkWidget *box = gtk_list_box_row_get_child (row);
      GtkWidget *label = gtk_widget_get_last_child (box);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected[i]);
    }
  assert_all_chinese (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = bf_test_find_toplevel (BF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  assert_all_chinese (GTK_WIDGET (preferences));
  gtk_window_destroy (preferences);

  assert_all_chinese (
    GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));

  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  const char *lang = g_getenv ("BF_TEST_LANG");

  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  if (lang != NULL)
    g_setenv ("LANG", lang, TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  if (!bf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/i18n/translation-loaded", test_translation_loaded);
  g_test_add_func ("/gui/i18n/welcome", test_welcome_chinese);
  g_test_add_func ("/gui/i18n/register", test_register_chinese);

  return g_test_run ();
}
