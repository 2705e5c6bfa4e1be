/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Screenshots of the Assessment & exit page for the README: the exit checks of a household with
 * one check failing, and the indicators with the chart by village.
 *
 * Usage (a demo register, Chinese interface):
 *   BANGFU_TODAY=2026-10-15 LANG=C.UTF-8 LANGUAGE=zh_CN xvfb-run -a -s "-screen 0 1400x1100x24" \
 *     _build/tests/screenshot-exit REGISTER OUTPUT-DIR */
#include "bf-assessment-page.h"
#include "bf-exit-panel.h"
#include "bf-exit-ui.h"
#include "bf-households-page.h"
#include "bf-test-gui.h"

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (5000);
}

static void
save_png (GtkWidget *widget, const char *dir, const char *name)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (w == 0 || h == 0 || !gtk_widget_get_mapped (widget))
    g_error ("%s: the window is not on screen (%dx%d)", name, w, h);
  /* The paintable is empty until the window has been drawn once: wait for a frame. */
  for (int tries = 0; tries < 50 && node == NULL; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        {
          gtk_widget_queue_draw (widget);
          wait_ms (100);
        }
    }
  if (node == NULL)
    g_error ("%s: nothing drawn", name);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("cannot write %s", path);
  g_print ("%s\n", path);
}

static gboolean
has_rows (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

static gboolean
report_ready (gpointer view)
{
  return bf_indicators_view_get_report (view) != NULL;
}

/* The first candidate with some checks passing and some not: the screenshot shows both. */
static void
choose_household (BfExitView *view)
{
  GListModel *candidates = bf_exit_view_get_candidates (view);

  bf_test_wait (has_rows, candidates);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr (BfExitRow) row = g_list_model_get_item (candidates, i);
      guint passed = 0;

      if (g_strcmp0 (bf_exit_row_get_status (row), "registered") != 0)
        continue;
      bf_exit_view_select_household (view, bf_exit_row_get_household_id (row));
      for (int c = 0; c < BF_N_EXIT_CHECKS; c++)
        passed += bf_exit_view_get_check_passed (view, c);
      if (passed == BF_N_EXIT_CHECKS - 1)
        return;
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GFile) file = NULL;
  BfApplication *app;
  BfWindow *window;
  BfAssessmentPage *page;
  BfIndicatorsView *indicators;

  if (!bf_test_gui_init (&argc, &argv))
    return 0;
  if (argc < 3)
    {
      g_printerr ("usage: screenshot-exit REGISTER OUTPUT-DIR\n");
      return 2;
    }
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 1000);
  gtk_window_unmaximize (GTK_WINDOW (window));
  file = g_file_new_for_path (argv[1]);
  bf_window_open_file (window, file);
  bf_test_wait_opened (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessment");
  page =
    BF_ASSESSMENT_PAGE (bf_test_find_descendant (GTK_WIDGET (window), BF_TYPE_ASSESSMENT_PAGE));

  bf_assessment_page_show_view (page, "exit");
  choose_household (bf_assessment_page_get_exit_view (page));
  wait_ms (800);
  save_png (GTK_WIDGET (window), argv[2], "exit-checks-zh.png");

  indicators = bf_assessment_page_get_indicators_view (page);
  bf_assessment_page_show_view (page, "indicators");
  bf_test_wait (report_ready, indicators);
  gtk_drop_down_set_selected (bf_test_child (indicators, BF_TYPE_INDICATORS_VIEW, "chart_dropdown"),
                              BF_INDICATOR_MEASURES);
  wait_ms (800);
  save_png (GTK_WIDGET (window), argv[2], "indicators-zh.png");

  /* With a third argument, the other views too (for a look, not for the README). */
  if (argc > 3)
    {
      const char *views[] = { "income", "follow-up", "adjustments" };

      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s-zh.png", views[i]);

          bf_assessment_page_show_view (page, views[i]);
          wait_ms (1500);
          save_png (GTK_WIDGET (window), argv[2], name);
        }
      /* The household form with its exit panel, scrolled to it. */
      {
        gint64 id = bf_exit_view_get_household (bf_assessment_page_get_exit_view (page));
        GtkWidget *households =
          bf_test_find_descendant (GTK_WIDGET (window), BF_TYPE_HOUSEHOLDS_PAGE);
        GtkWidget *panel;

        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "households");
        bf_households_page_open_household (BF_HOUSEHOLDS_PAGE (households), id);
        wait_ms (1500);
        panel = bf_test_find_descendant (households, BF_TYPE_EXIT_PANEL);
        {
          GtkWidget *scrolled = gtk_widget_get_ancestor (panel, GTK_TYPE_SCROLLED_WINDOW);
          GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
          graphene_point_t at;

          /* the panel a little below the top of the view */
          if (gtk_widget_compute_point (
                panel, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                &GRAPHENE_POINT_INIT (0, 0), &at))
            gtk_adjustment_set_value (v, at.y - 300);
        }
        wait_ms (1500);
        save_png (GTK_WIDGET (window), argv[2], "household-panel-zh.png");
      }
    }

  bf_test_app_stop (app);
  return 0;
}
