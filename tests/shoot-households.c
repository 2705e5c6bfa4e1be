/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Screenshots of the Households page and the household form (not a test): opens REGISTER in the
 * real application window, shows the list, then household N of the list, and runs
 * `import -window root` for each. Run it under Xvfb, as build-aux/screenshots-households.sh does.
 *
 * Usage: shoot-households REGISTER OUTDIR [POSITION] */
#include <stdlib.h>

#include "bf-households-page-private.h"
#include "bf-i18n.h"
#include "bf-test-gui.h"
#include "bf-window.h"

static gboolean
list_ready (gpointer data)
{
  BfHouseholdsPage *page = data;
  BfHouseholdListModel *model = bf_households_page_get_model (page);

  return model != NULL && !bf_household_list_model_get_busy (model) &&
         bf_household_list_model_get_total (model) >= 0;
}

static gboolean
done_waiting (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Lets the window draw what changed. */
static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  bf_test_wait (done_waiting, &until);
}

static void
shoot (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  const char *argv[] = { "import", "-window", "root", path, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("import: %s", error->message);
  g_print ("%s\n", path);
}

/* Scrolls the household form so that the group @name is at the top: members and income show. */
static void
scroll_to (BfHouseholdEditor *editor, const char *name)
{
  GtkWidget *page = bf_test_child (editor, BF_TYPE_HOUSEHOLD_EDITOR, "page");
  GtkWidget *group = bf_test_child (editor, BF_TYPE_HOUSEHOLD_EDITOR, name);
  GtkWidget *scrolled = gtk_widget_get_first_child (page);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (
    gtk_widget_compute_point (group, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                              &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GFile) file = NULL;
  BfApplication *app;
  BfWindow *window;
  BfHouseholdsPage *page;
  guint position;
  g_autoptr (BfHouseholdItem) item = NULL;

  if (!bf_test_gui_init (&argc, &argv) || argc < 3)
    {
      g_printerr ("usage: shoot-households REGISTER OUTDIR [POSITION]\n");
      return 2;
    }
  position = argc > 3 ? (guint) atoi (argv[3]) : 0;

  /* The whole Xvfb screen (there is no window manager to maximise). */
  g_settings_set_int (bf_test_settings (), "window-width", 1280);
  g_settings_set_int (bf_test_settings (), "window-height", 800);
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  gtk_window_maximize (GTK_WINDOW (window));
  file = g_file_new_for_commandline_arg (argv[1]);
  bf_window_open_file (window, file);
  bf_test_wait_opened (window);
  page = bf_test_child (window, BF_TYPE_WINDOW, "households_page");
  bf_test_wait (list_ready, page);
  settle (1500);
  shoot (argv[2], "households.png");

  item = g_list_model_get_item (G_LIST_MODEL (bf_households_page_get_model (page)), position);
  bf_households_page_open_household (page, bf_household_item_get_id (item));
  settle (500);
  scroll_to (bf_households_page_get_editor (page), "members_group");
  settle (1000);
  shoot (argv[2], "household-editor.png");

  bf_test_app_stop (app);
  return 0;
}
