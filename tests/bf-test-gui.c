/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "bf-i18n.h"
#include "bf-test-gui.h"

gboolean
bf_test_gui_init (int *argc, char ***argv)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  if ((x11 == NULL || *x11 == '\0') && (wayland == NULL || *wayland == '\0'))
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }

  bf_i18n_init ();
  gtk_disable_setlocale ();
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP cannot open the display\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

GSettings *
bf_test_settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (APP_ID);
  return settings;
}

void
bf_test_settings_reset (void)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (bf_test_settings (), "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (bf_test_settings (), keys[i]);
}

BfApplication *
bf_test_app_start (void)
{
  static guint serial;
  g_autofree char *id =
    g_strdup_printf ("io.github.bangfu.Bangfu.Test%u_%u", (guint) getpid (), serial++);
  g_autoptr (GError) error = NULL;
  BfApplication *app = bf_application_new (id, G_APPLICATION_DEFAULT_FLAGS);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (bf_test_app_window (app));
  return app;
}

BfWindow *
bf_test_app_window (BfApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (BF_IS_WINDOW (l->data))
        return l->data;
    }
  return NULL;
}

static gboolean
no_windows (gpointer app)
{
  return gtk_application_get_windows (app) == NULL;
}

void
bf_test_app_stop (BfApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  bf_test_wait (no_windows, app);
  bf_test_flush ();
  g_object_unref (app);
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
bf_test_wait (gboolean (*done) (gpointer data), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint ticker = g_timeout_add (20, wake, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the main loop");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (ticker);
}

void
bf_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

const char *
bf_test_main_page (BfWindow *window)
{
  GtkStack *stack = bf_test_child (window, BF_TYPE_WINDOW, "main_stack");

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
opened (gpointer window)
{
  return g_strcmp0 (bf_test_main_page (window), "loading") != 0;
}

void
bf_test_wait_opened (BfWindow *window)
{
  bf_test_wait (opened, window);
  bf_test_flush ();
}

GtkWidget *
bf_test_find_descendant (GtkWidget *widget, GType type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bf_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gpointer
bf_test_child (gpointer widget, GType type, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

GtkWindow *
bf_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

char *
bf_test_register_new (const char *dir)
{
  const char *villages[] = { "东村", "西村", NULL };
  BfRegisterSpec spec = {
    .county = "示例县",
    .township = "城关镇",
    .villages = villages,
    .groups_per_village = 3,
    .operator_name = "测试员",
  };
  g_autofree char *path = g_build_filename (dir, "城关镇.bangfu", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_create (path, &spec, &error);

  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}
