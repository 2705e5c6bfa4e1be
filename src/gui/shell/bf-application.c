/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-application.h"
#include "bf-preferences-window.h"
#include "bf-resources.h"
#include "bf-window.h"

struct _BfApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (BfApplication, bf_application, ADW_TYPE_APPLICATION)

/* Kept in step with ui/help-overlay.ui; tests/test-gui-shell.c checks that they agree. */
static const struct
{
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.new-register", { "<Control><Shift>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.backup", { "<Control><Shift>b", NULL } },
  { "win.toggle-sidebar", { "F9", NULL } },
  { "win.show-page::households", { "<Control>1", NULL } },
  { "win.show-page::notices", { "<Control>2", NULL } },
  { "win.show-page::plans", { "<Control>3", NULL } },
  { "win.show-page::assessment", { "<Control>4", NULL } },
  { "win.show-page::ledgers", { "<Control>5", NULL } },
};

static BfWindow *
find_window (BfApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (BF_IS_WINDOW (l->data))
        return l->data;
    }
  return NULL;
}

/* One window per instance: a second launch, or opening a file, comes back to it. */
static BfWindow *
ensure_window (BfApplication *self, gboolean *created)
{
  BfWindow *window = find_window (self);

  *created = window == NULL;
  if (window == NULL)
    window = bf_window_new (self);
  return window;
}

static void
bf_application_activate (GApplication *application)
{
  BfApplication *self = BF_APPLICATION (application);
  gboolean created;
  BfWindow *window = ensure_window (self, &created);

  if (created)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-file");

      if (last[0] != '\0')
        {
          g_autoptr (GFile) file = g_file_new_for_path (last);
          bf_window_open_file (window, file);
        }
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
bf_application_open (GApplication *application, GFile **files, int n_files, const char *hint)
{
  BfApplication *self = BF_APPLICATION (application);
  gboolean created;
  BfWindow *window = ensure_window (self, &created);

  /* A window holds one register: the first file named is the one opened. */
  if (n_files > 0)
    bf_window_open_file (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *application = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing (not destroying) lets each window save its size and close its register. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  BfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  BfStore *store = BF_IS_WINDOW (parent) ? bf_window_get_store (BF_WINDOW (parent)) : NULL;
  GtkWidget *preferences = bf_preferences_window_new (parent, self->settings, store);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  BfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _ ("The Bangfu developers"), NULL };

  /* clang-format off */
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", parent,
                                   "modal", TRUE,
                                   "application-name", _("Bangfu"),
                                   "application-icon", APP_ID,
                                   "version", PACKAGE_VERSION,
                                   "developer-name", _("The Bangfu developers"),
                                   "developers", developers,
                                   "copyright", _("© The Bangfu developers"),
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "comments", _("The register that a township caseworker keeps of the "
                                                 "households and people under poverty-alleviation "
                                                 "assistance: one file on this computer, no network needed."),
                                   /* Translators: your names, one a line, as they should be credited */
                                   "translator-credits", _("translator-credits"),
                                   NULL);
  /* clang-format on */
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
bf_application_startup (GApplication *application)
{
  BfApplication *self = BF_APPLICATION (application);

  G_APPLICATION_CLASS (bf_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);
}

static void
bf_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (bf_application_parent_class)->constructed (object);

  /* Fixed, not derived from the application id, so tests with their own id find the resources. */
  g_application_set_resource_base_path (G_APPLICATION (object), "/io/github/bangfu/Bangfu");
}

static void
bf_application_finalize (GObject *object)
{
  BfApplication *self = BF_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bf_application_parent_class)->finalize (object);
}

static void
bf_application_class_init (BfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  /* The resources register themselves when linked; the linker takes them from the static
   * library only when something refers to them. */
  g_assert (bf_get_resource () != NULL);

  object_class->constructed = bf_application_constructed;
  object_class->finalize = bf_application_finalize;
  application_class->startup = bf_application_startup;
  application_class->activate = bf_application_activate;
  application_class->open = bf_application_open;
}

static void
bf_application_init (BfApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

BfApplication *
bf_application_new (const char *application_id, GApplicationFlags flags)
{
  return g_object_new (BF_TYPE_APPLICATION, "application-id",
                       application_id != NULL ? application_id : APP_ID, "flags",
                       flags | G_APPLICATION_HANDLES_OPEN, NULL);
}

GSettings *
bf_application_get_settings (BfApplication *self)
{
  g_return_val_if_fail (BF_IS_APPLICATION (self), NULL);

  return self->settings;
}
