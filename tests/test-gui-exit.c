/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Assessment & exit page driven through its widgets under Xvfb: a household walked from under
 * assistance through the exit checks (with the exception it needs), the exit assessment, the exit
 * notice (the notices' store API), the township acceptance and the county approval into the
 * follow-up list, then the adjustments and the indicators with the households behind a figure;
 * and the poverty lines in Preferences. */
#include <glib/gi18n-lib.h>

#include "bf-assessment-page.h"
#include "bf-case-list-window.h"
#include "bf-exit-panel.h"
#include "bf-exit-ui.h"
#include "bf-lifecycle-panel.h"
#include "bf-poverty-lines-group.h"
#include "bf-store-notices.h"
#include "bf-test-exit.h"
#include "bf-test-gui.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  gint64 household;
  BfApplication *app;
  BfWindow *window;
  BfAssessmentPage *page;
} Fixture;

/* A register with one household under assistance since 2025-06-01, 6,000.00 yuan per person
 * (above the line since October), a completed measure, and a head who cannot work. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;

  g_setenv ("BANGFU_TODAY", "2026-06-30", TRUE);
  bf_test_settings_reset ();
  f->dir = bf_test_tmpdir_new ();
  store = bf_test_store_new (f->dir, "exit.bangfu", 2);
  f->path = g_strdup (bf_store_get_path (store));
  g_assert_true (bf_store_poverty_line_set (store, 2026, 460000, 780000, NULL, &error));
  f->household = bf_test_exit_household (store, 1, "001-00001", "张大山", 21, 600000, FALSE, FALSE);
  bf_test_exit_register (store, f->household, "2025-06-01");
  bf_test_exit_measure (store, f->household, "completed", "2026-03-01", "2026-02-20");
  bf_test_exit_assessment (store, f->household, "2025Q4", "2025-10-10", 500000, 470000);
  bf_test_exit_assessment (store, f->household, "2026Q1", "2026-04-10", 550000, 460000);
  g_assert_true (bf_store_close (store, &error));

  f->app = bf_test_app_start ();
  f->window = bf_test_app_window (f->app);
  file = g_file_new_for_path (f->path);
  bf_window_open_file (f->window, file);
  bf_test_wait_opened (f->window);
  g_assert_nonnull (bf_window_get_store (f->window));
  f->page =
    BF_ASSESSMENT_PAGE (bf_test_find_descendant (GTK_WIDGET (f->window), BF_TYPE_ASSESSMENT_PAGE));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bf_test_app_stop (f->app);
  bf_test_tmpdir_free (f->dir);
  g_free (f->path);
}

static BfStore *
store (Fixture *f)
{
  return bf_window_get_store (f->window);
}

static char *
status_of (Fixture *f)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT status FROM households WHERE id = %" G_GINT64_FORMAT, f->household);

  return bf_test_query_text (store (f), sql);
}

static void
assert_status (Fixture *f, const char *status)
{
  g_autofree char *now = status_of (f);

  g_assert_cmpstr (now, ==, status);
}

static gboolean
has_rows (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

static void
set_text (gpointer widget, GType type, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (bf_test_child (widget, type, name)), text);
}

static void
activate (gpointer widget, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  bf_test_flush ();
}

/* An error dialog is on screen (the step was refused): closes it. */
static void
close_error_dialog (void)
{
  GtkWindow *dialog = bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (dialog);
  bf_test_flush ();
}

static void
walk_exit (Fixture *f)
{
  BfExitView *view = bf_assessment_page_get_exit_view (f->page);
  GListModel *candidates = bf_exit_view_get_candidates (view);
  GtkColumnView *list = bf_test_child (view, BF_TYPE_EXIT_VIEW, "candidates_view");
  g_autoptr (BfExitAcceptance) acceptance = NULL;

  /* The page, its exit view, and the household among the candidates. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "assessment");
  bf_assessment_page_show_view (f->page, "exit");
  bf_test_wait (has_rows, candidates);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (list)), 0);
  bf_test_flush ();
  g_assert_cmpint (bf_exit_view_get_household (view), ==, f->household);
  g_assert_cmpstr (bf_exit_view_get_status (view), ==, "registered");

  /* Every check but labour passes; assessing is refused with the reason. */
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    g_assert_cmpint (bf_exit_view_get_check_passed (view, i), ==, i != BF_EXIT_CHECK_LABOUR);
  g_assert_cmpstr (bf_exit_view_get_check_reason (view, BF_EXIT_CHECK_LABOUR), ==,
                   "No member is able to work and no exception is recorded.");
  g_assert_cmpstr (bf_exit_view_get_check_reason (view, BF_EXIT_CHECK_INCOME), ==,
                   "5,500.00 yuan per person, above 4,600.00 for 8 months.");
  activate (view, "exit.assess");
  close_error_dialog ();
  assert_status (f, "registered");

  /* The exception the rules allow, typed in and recorded. */
  set_text (view, BF_TYPE_EXIT_VIEW, "exception_row", "户主年老体弱，纳入低保兜底");
  activate (view, "exit.record-exception");
  g_assert_true (bf_exit_view_get_check_passed (view, BF_EXIT_CHECK_LABOUR));
  {
    g_autofree char *note = bf_store_exit_exception_get (store (f), f->household, NULL);

    g_assert_cmpstr (note, ==, "户主年老体弱，纳入低保兜底");
  }

  /* Exit assessment, then the exit notice of the village for seven days from 2026-06-10. */
  activate (view, "exit.assess");
  assert_status (f, "exit_assessed");
  g_assert_cmpstr (bf_exit_view_get_status (view), ==, "exit_assessed");
  set_text (view, BF_TYPE_EXIT_VIEW, "notice_start_row", "2026-06-10");
  gtk_spin_button_set_value (bf_test_child (view, BF_TYPE_EXIT_VIEW, "notice_days_spin"), 7);
  activate (view, "exit.post-notice");
  assert_status (f, "exit_notice");
  g_assert_cmpint (bf_test_query_int (store (f), "SELECT count(*) FROM notices WHERE kind = "
                                                 "'exit' AND state = 'posted' AND ends_on = "
                                                 "'2026-06-16'"),
                   ==, 1);

  /* The township's acceptance, with its team; the checks are stored as they stood. */
  set_text (view, BF_TYPE_EXIT_VIEW, "team_row", "王主任，李干部、赵会计");
  set_text (view, BF_TYPE_EXIT_VIEW, "accepted_on_row", "2026-06-20");
  activate (view, "exit.accept");
  assert_status (f, "exit_accepted");
  acceptance = bf_store_exit_acceptance_latest (store (f), f->household, NULL);
  g_assert_cmpuint (g_strv_length (acceptance->team), ==, 3);
  g_assert_cmpstr (acceptance->team[2], ==, "赵会计");
  g_assert_cmpstr (acceptance->exception_note, ==, "户主年老体弱，纳入低保兜底");

  /* The county: refused before the report, then approved with its document number. */
  set_text (view, BF_TYPE_EXIT_VIEW, "document_row", "县扶组〔2026〕8号");
  activate (view, "exit.approve");
  close_error_dialog ();
  assert_status (f, "exit_accepted");
  set_text (view, BF_TYPE_EXIT_VIEW, "report_row", "2026-06-22");
  activate (view, "exit.report");
  set_text (view, BF_TYPE_EXIT_VIEW, "approved_on_row", "2026-06-29");
  activate (view, "exit.approve");
  assert_status (f, "exited");
  g_assert_cmpstr (bf_exit_view_get_status (view), ==, "exited");
}

static void
check_follow_up_and_adjustments (Fixture *f)
{
  GListModel *follow = bf_assessment_page_get_follow_ups (f->page);
  GListModel *adjustments =
    bf_adjustments_view_get_adjustments (bf_assessment_page_get_adjustments_view (f->page));
  g_autoptr (BfExitRow) row = NULL;

  bf_assessment_page_show_view (f->page, "follow-up");
  bf_test_wait (has_rows, follow);
  row = g_list_model_get_item (follow, 0);
  g_assert_cmpstr (bf_exit_row_get_cell (row, 0), ==, "001-00001");
  g_assert_cmpstr (bf_exit_row_get_cell (row, 3), ==, "2026-06-29");
  g_assert_cmpstr (bf_exit_row_get_cell (row, 4), ==, "Never visited");
  g_clear_object (&row);

  /* The county's approval is the quarter's 退出 adjustment. */
  bf_assessment_page_show_view (f->page, "adjustments");
  bf_test_wait (has_rows, adjustments);
  row = g_list_model_get_item (adjustments, 0);
  g_assert_cmpstr (bf_exit_row_get_cell (row, 0), ==, "2026-06-29");
  g_assert_cmpstr (bf_exit_row_get_cell (row, 4), ==, "Exit");
  g_assert_cmpstr (bf_exit_row_get_cell (row, 7), ==, "县扶组〔2026〕8号");
}

static gboolean
two_rows (gpointer model)
{
  return g_list_model_get_n_items (model) >= 2;
}

/* 返贫 through the adjustment form: the household is back in identification. */
static void
return_to_poverty (Fixture *f)
{
  BfAdjustmentsView *view = bf_assessment_page_get_adjustments_view (f->page);
  GListModel *adjustments = bf_adjustments_view_get_adjustments (view);

  set_text (view, BF_TYPE_ADJUSTMENTS_VIEW, "household_row", "001-00001");
  g_signal_emit_by_name (bf_test_child (view, BF_TYPE_ADJUSTMENTS_VIEW, "household_row"), "apply");
  adw_combo_row_set_selected (bf_test_child (view, BF_TYPE_ADJUSTMENTS_VIEW, "kind_row"), 2);
  set_text (view, BF_TYPE_ADJUSTMENTS_VIEW, "date_row", "2026-06-30");
  set_text (view, BF_TYPE_ADJUSTMENTS_VIEW, "reason_row", "户主患大病，人均纯收入低于扶贫标准");
  activate (view, "adjustments.record");
  assert_status (f, "surveyed");
  g_assert_cmpint (bf_test_query_int (store (f), "SELECT count(*) FROM workflow_events WHERE "
                                                 "action = 'approve_exit'"),
                   ==, 1);
  bf_test_wait (two_rows, adjustments);
}

static gboolean
report_ready (gpointer view)
{
  return bf_indicators_view_get_report (view) != NULL;
}

static gboolean
list_loaded (gpointer window)
{
  return bf_case_list_window_get_loaded (window);
}

static void
check_indicators (Fixture *f)
{
  BfIndicatorsView *view = bf_assessment_page_get_indicators_view (f->page);
  const BfIndicatorReport *report;
  BfCaseListWindow *list;

  set_text (view, BF_TYPE_INDICATORS_VIEW, "period_entry", "2026Q2");
  bf_assessment_page_show_view (f->page, "indicators");
  activate (view, "indicators.compute");
  bf_test_wait (report_ready, view);
  report = bf_indicators_view_get_report (view);
  g_assert_cmpstr (report->period, ==, "2026Q2");
  g_assert_cmpint (report->scope->indicators[BF_INDICATOR_ACCURACY].denominator, ==, 1);
  g_assert_cmpint (report->scope->indicators[BF_INDICATOR_ACCURACY].numerator, ==, 1);
  g_assert_cmpuint (bf_indicator_chart_get_n_bars (bf_indicators_view_get_chart (view)), ==, 2);

  /* The households behind the figure, one click away. */
  bf_indicators_view_open_list (view, -1, BF_INDICATOR_ACCURACY);
  list = BF_CASE_LIST_WINDOW (bf_test_find_toplevel (BF_TYPE_CASE_LIST_WINDOW));
  g_assert_nonnull (list);
  bf_test_wait (list_loaded, list);
  g_assert_cmpuint (g_list_model_get_n_items (bf_case_list_window_get_rows (list)), ==, 1);
  gtk_window_close (GTK_WINDOW (list));
  bf_test_flush ();
}

static void
test_walk (Fixture *f, gconstpointer data)
{
  walk_exit (f);
  check_follow_up_and_adjustments (f);
  return_to_poverty (f);
  check_indicators (f);
}

/* How many widgets under @widget are bound to @action_name (with an exit step as target when
 * @exit_steps). */
static guint
count_actionables (GtkWidget *widget, const char *action_name, gboolean exit_steps)
{
  guint n = 0;

  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      BfAction action = target != NULL ? (BfAction) g_variant_get_int32 (target) : BF_N_ACTIONS;

      if (!exit_steps || action == BF_ACTION_ASSESS_EXIT || action == BF_ACTION_POST_EXIT_NOTICE ||
          action == BF_ACTION_ACCEPT_EXIT || action == BF_ACTION_APPROVE_EXIT ||
          action == BF_ACTION_RETURN_TO_POVERTY)
        n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_actionables (child, action_name, exit_steps);
  return n;
}

/* One path for exit: the household form's lifecycle panel offers no exit step for a household
 * under assistance, only the way to the Assessment & exit page, which then walks it through. */
static void
test_one_path (Fixture *f, gconstpointer data)
{
  BfLifecyclePanel *panel;
  GtkStack *content = bf_test_child (f->window, BF_TYPE_WINDOW, "content_stack");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-household", "x", f->household);
  bf_test_flush ();
  panel =
    BF_LIFECYCLE_PANEL (bf_test_find_descendant (GTK_WIDGET (f->window), BF_TYPE_LIFECYCLE_PANEL));
  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_false (bf_lifecycle_panel_begin (panel, BF_ACTION_ASSESS_EXIT));
  g_assert_null (bf_lifecycle_panel_get_entry (panel, "date"));
  g_assert_cmpuint (count_actionables (GTK_WIDGET (panel), "lifecycle.begin", TRUE), ==, 0);
  g_assert_cmpuint (count_actionables (GTK_WIDGET (panel), "lifecycle.open-exit", FALSE), ==, 1);

  activate (panel, "lifecycle.open-exit");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "assessment");
  g_assert_cmpint (bf_exit_view_get_household (bf_assessment_page_get_exit_view (f->page)), ==,
                   f->household);
  walk_exit (f);

  /* Exited: still no exit step (nor 返贫, an adjustment) in the panel. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-household", "x", f->household);
  bf_test_flush ();
  g_assert_false (bf_lifecycle_panel_begin (panel, BF_ACTION_RETURN_TO_POVERTY));
  g_assert_cmpuint (count_actionables (GTK_WIDGET (panel), "lifecycle.begin", TRUE), ==, 0);
  g_assert_cmpuint (count_actionables (GTK_WIDGET (panel), "lifecycle.open-exit", FALSE), ==, 1);
}

/* The household form shows the exit panel with the household's checks. */
static void
test_panel (Fixture *f, gconstpointer data)
{
  BfExitPanel *panel = BF_EXIT_PANEL (bf_exit_panel_new ());

  g_object_ref_sink (panel);
  bf_exit_panel_set_household (panel, store (f), f->household);
  g_assert_cmpstr (bf_exit_panel_get_checks_text (panel), ==,
                   "4 of 5 pass; not passed: Labour ability");
  g_object_unref (panel);
}

static gboolean
dialog_shown (gpointer data)
{
  return bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
answer (const char *response)
{
  GtkWindow *dialog;

  bf_test_wait (dialog_shown, NULL);
  dialog = bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  bf_test_flush ();
}

static gboolean
preferences_shown (gpointer data)
{
  return bf_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW) != NULL;
}

/* Preferences: the register's lines listed, one added, one deleted. */
static void
test_lines (Fixture *f, gconstpointer data)
{
  GtkWindow *preferences;
  BfPovertyLinesGroup *group;
  gint64 poverty = 0, monitoring = 0;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  bf_test_wait (preferences_shown, NULL);
  preferences = bf_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  group = BF_POVERTY_LINES_GROUP (
    bf_test_find_descendant (GTK_WIDGET (preferences), BF_TYPE_POVERTY_LINES_GROUP));
  g_assert_nonnull (group);
  /* The group shows the register of the window Preferences was opened from. */
  adw_preferences_window_set_visible_page (
    ADW_PREFERENCES_WINDOW (preferences),
    ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (group), ADW_TYPE_PREFERENCES_PAGE)));
  bf_test_flush ();
  g_assert_cmpuint (bf_poverty_lines_group_get_n_lines (group), ==, 4); /* 2015, 2024-2026 */

  bf_poverty_lines_group_edit (group, 0);
  bf_poverty_lines_group_set_field (group, "year", "2027");
  bf_poverty_lines_group_set_field (group, "poverty", "4,800");
  bf_poverty_lines_group_set_field (group, "monitoring", "8000.50");
  bf_poverty_lines_group_set_field (group, "note", "省扶贫办2027年1号文");
  answer ("save");
  g_assert_cmpuint (bf_poverty_lines_group_get_n_lines (group), ==, 5);
  g_assert_true (bf_store_poverty_line_get (store (f), 2027, &poverty, &monitoring, NULL));
  g_assert_cmpint (poverty, ==, 480000);
  g_assert_cmpint (monitoring, ==, 800050);

  /* A bad amount keeps Save off: nothing is written. */
  bf_poverty_lines_group_edit (group, 2027);
  bf_poverty_lines_group_set_field (group, "poverty", "四千");
  g_assert_false (adw_message_dialog_get_response_enabled (
    ADW_MESSAGE_DIALOG (bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "save"));
  answer ("cancel");
  g_assert_true (bf_store_poverty_line_get (store (f), 2027, &poverty, NULL, NULL));
  g_assert_cmpint (poverty, ==, 480000);

  bf_poverty_lines_group_delete (group, 2024);
  answer ("delete");
  g_assert_cmpuint (bf_poverty_lines_group_get_n_lines (group), ==, 4);
  g_assert_false (bf_store_poverty_line_get (store (f), 2024, NULL, NULL, NULL));
  gtk_window_close (preferences);
  bf_test_flush ();
}

int
main (int argc, char **argv)
{
  if (!bf_test_gui_init (&argc, &argv))
    return 0;
  g_test_add ("/gui-exit/walk", Fixture, NULL, fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/gui-exit/one-path", Fixture, NULL, fixture_set_up, test_one_path,
              fixture_tear_down);
  g_test_add ("/gui-exit/panel", Fixture, NULL, fixture_set_up, test_panel, fixture_tear_down);
  g_test_add ("/gui-exit/lines", Fixture, NULL, fixture_set_up, test_lines, fixture_tear_down);
  return g_test_run ();
}
