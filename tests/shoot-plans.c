/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Screenshots of the plan editor and the Assistance plans page (data/screenshots/):
 *
 *   LANG=C.UTF-8 LANGUAGE=zh_CN BANGFU_TODAY=2026-09-30 \
 *     xvfb-run -a _build/tests/shoot-plans REGISTER OUTDIR
 *
 * REGISTER is a demo register (bangfu-cli demo --households 300); its first registered household
 * with a plan is shown. Not a test: it only draws what the widgets show. */
#include "config.h"

#include <adwaita.h>

#include "bf-i18n.h"
#include "bf-plan-editor.h"
#include "bf-plans-page.h"
#include "bf-resources.h"

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
shoot (GtkWindow *window, const char *path)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("cannot write %s", path);
  g_object_unref (paintable);
  g_print ("%s\n", path);
}

static GtkWindow *
window_with (GtkWidget *child, int width, int height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  gtk_window_set_default_size (window, width, height);
  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_present (window);
  return window;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (BfHousehold) household = NULL;
  g_autofree char *editor_png = NULL;
  g_autofree char *measure_png = NULL;
  g_autofree char *page_png = NULL;
  g_autofree char *supervision_png = NULL;
  BfMeasureQuery q = { .year = 2026 };
  BfPlanEditor *editor;
  BfPlansPage *page;
  GtkWindow *window;
  GtkWidget *box;

  if (argc != 3)
    {
      g_printerr ("usage: shoot-plans REGISTER OUTDIR\n");
      return 2;
    }
  bf_i18n_init ();
  /* Linked from a static library: the resources are registered by hand. */
  g_resources_register (bf_get_resource ());
  gtk_init ();
  adw_init ();
  {
    g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/bangfu/Bangfu/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Noto Sans CJK SC 10", NULL);

  store = bf_store_open (argv[1], BF_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  /* A household with this year's plan, the first overdue one if there is one. */
  q.overdue = TRUE;
  {
    g_autoptr (BfListPage) first = bf_store_measure_search (store, &q, NULL, 1, &error);
    if (first == NULL || first->rows->len == 0)
      g_error ("no measure to show");
    household = bf_store_household_get (
      store, ((BfMeasure *) g_ptr_array_index (first->rows, 0))->household_id, &error);
  }

  editor = BF_PLAN_EDITOR (bf_plan_editor_new ());
  bf_plan_editor_set_household (editor, store, household);
  window = window_with (GTK_WIDGET (editor), 820, 900);
  wait_ms (1500);
  editor_png = g_build_filename (argv[2], "plan-editor-zh.png", NULL);
  shoot (window, editor_png);
  bf_plan_editor_edit_measure (editor, 0);
  wait_ms (800);
  measure_png = g_build_filename (argv[2], "measure-form-zh.png", NULL);
  shoot (window, measure_png);
  gtk_window_destroy (window);

  page = BF_PLANS_PAGE (bf_plans_page_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  window = window_with (box, 1280, 760);
  gtk_window_set_title (window, "帮扶计划");
  bf_plans_page_set_store (page, store);
  bf_measures_view_set_filter (bf_plans_page_get_measures_view (page), "year", "2026");
  wait_ms (1500);
  {
    /* Two rows selected, as before setting their status. */
    GtkSelectionModel *selection =
      bf_measures_view_get_selection (bf_plans_page_get_measures_view (page));
    gtk_selection_model_select_range (selection, 1, 2, TRUE);
  }
  wait_ms (500);
  page_png = g_build_filename (argv[2], "plans-page-zh.png", NULL);
  shoot (window, page_png);

  bf_plans_page_show_view (page, "supervision");
  wait_ms (1000);
  supervision_png = g_build_filename (argv[2], "supervision-zh.png", NULL);
  shoot (window, supervision_png);
  gtk_window_destroy (window);
  wait_ms (200);

  bf_store_close (store, NULL);
  return 0;
}
