/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Screenshots of every page of the application window (not a test): the welcome page, each page
 * of the sidebar with its views, a household's form and Preferences, each as NAME-SUFFIX.png in
 * OUTDIR. Comparing two runs shows what a change did to the look of the whole application.
 *
 * Usage (a demo register; BANGFU_TODAY fixed so that dates match between runs):
 *   BANGFU_TODAY=2026-10-15 xvfb-run -a -s "-screen 0 1400x1100x24" \
 *     _build/tests/shoot-pages REGISTER OUTDIR SUFFIX */
#include "bf-preferences-window.h"
#include "bf-test-gui.h"

static gboolean
done_waiting (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Lets threaded reads finish and the window draw what changed. */
static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  bf_test_wait (done_waiting, &until);
}

static void
save_png (GtkWidget *widget, const char *dir, const char *name, const char *suffix)
{
  int w, h;
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, suffix);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  GtkSnapshot *snapshot;

  settle (1500);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  if (w == 0 || h == 0 || !gtk_widget_get_mapped (widget))
    g_error ("%s: the window is not on screen (%dx%d)", name, w, h);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    g_error ("%s: nothing drawn", name);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("cannot write %s", path);
  g_print ("%s\n", path);
}

/* The view stack under @root with a page named @child_name: views are found by their names. */
static AdwViewStack *
find_stack_with (GtkWidget *root, const char *child_name)
{
  if (ADW_IS_VIEW_STACK (root) &&
      adw_view_stack_get_child_by_name (ADW_VIEW_STACK (root), child_name) != NULL)
    return ADW_VIEW_STACK (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwViewStack *found = find_stack_with (child, child_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The longest scrolled window on screen under @root (the form that runs off the window). */
static GtkAdjustment *
longest_scroll (GtkWidget *root, GtkAdjustment *best)
{
  if (GTK_IS_SCROLLED_WINDOW (root) && gtk_widget_get_mapped (root))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (root));

      if (best == NULL || gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_upper (best))
        best = adjustment;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    best = longest_scroll (child, best);
  return best;
}

/* The rest of a long form, a window's height at a time. */
static void
shoot_scrolled (GtkWidget *window, const char *dir, const char *name, const char *suffix)
{
  GtkAdjustment *adjustment = longest_scroll (window, NULL);
  double page, upper;

  if (adjustment == NULL)
    return;
  page = gtk_adjustment_get_page_size (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  for (int i = 1; page > 0 && i * page < upper && i < 12; i++)
    {
      g_autofree char *part = g_strdup_printf ("%s-%02d", name, i);

      gtk_adjustment_set_value (adjustment, i * page);
      save_png (window, dir, part, suffix);
    }
  gtk_adjustment_set_value (adjustment, 0);
}

static void
shoot_views (BfWindow *window,
             const char *page,
             const char *const *views,
             const char *dir,
             const char *suffix)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);
  for (guint i = 0; views[i] != NULL; i++)
    {
      AdwViewStack *stack = find_stack_with (GTK_WIDGET (window), views[i]);
      g_autofree char *name = g_strdup_printf ("%s-%s", page, views[i]);

      if (stack == NULL)
        g_error ("%s: no view %s", page, views[i]);
      adw_view_stack_set_visible_child_name (stack, views[i]);
      save_png (GTK_WIDGET (window), dir, name, suffix);
    }
}

int
main (int argc, char **argv)
{
  static const char *const plans[] = { "measures", "helpers", "visits", "supervision", NULL };
  static const char *const assessment[] = { "income",      "exit",       "follow-up",
                                            "adjustments", "indicators", NULL };
  g_autoptr (GFile) file = NULL;
  BfApplication *app;
  BfWindow *window;
  GtkWindow *preferences;

  if (!bf_test_gui_init (&argc, &argv))
    return 0;
  if (argc < 4)
    {
      g_printerr ("usage: shoot-pages REGISTER OUTDIR SUFFIX\n");
      return 2;
    }
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  save_png (GTK_WIDGET (window), argv[2], "welcome", argv[3]);

  file = g_file_new_for_path (argv[1]);
  bf_window_open_file (window, file);
  bf_test_wait_opened (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "households");
  save_png (GTK_WIDGET (window), argv[2], "households", argv[3]);
  gtk_widget_activate_action (GTK_WIDGET (window), argc > 4 ? argv[4] : "win.show-household", "x",
                              (gint64) 3);
  save_png (GTK_WIDGET (window), argv[2], "household-form", argv[3]);
  shoot_scrolled (GTK_WIDGET (window), argv[2], "household-form", argv[3]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "notices");
  save_png (GTK_WIDGET (window), argv[2], "notices", argv[3]);
  shoot_views (window, "plans", plans, argv[2], argv[3]);
  shoot_views (window, "assessment", assessment, argv[2], argv[3]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "ledgers");
  save_png (GTK_WIDGET (window), argv[2], "ledgers", argv[3]);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  settle (500);
  preferences = bf_test_find_toplevel (BF_TYPE_PREFERENCES_WINDOW);
  if (preferences == NULL)
    g_error ("no Preferences window");
  save_png (GTK_WIDGET (preferences), argv[2], "preferences", argv[3]);
  gtk_window_destroy (preferences);

  bf_test_app_stop (app);
  return 0;
}
