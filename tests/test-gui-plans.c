/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Assistance plans under Xvfb, driven through the widgets: a plan with two measures for a
 * household, one completed, a visit with a problem that supervision lists until it is rectified;
 * the measures list (filters, overdue, totals, status in one step); helpers. */
#include <glib/gi18n-lib.h>

#include "bf-helper-assign.h"
#include "bf-household-assistance.h"
#include "bf-household-list-model.h"
#include "bf-households-page-private.h"
#include "bf-plans-page.h"
#include "bf-store-household.h"
#include "bf-store-private.h"
#include "bf-test-gui.h"
#include "bf-test-hhgui.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

/* Every test runs on this day (BANGFU_TODAY). */
#define TODAY      "2026-06-15"
#define YESTERDAY  "2026-06-14"
#define TEN_DAYS   "2026-06-05"
#define LAST_MONTH "2026-05-15"

typedef struct
{
  char *dir;
  BfStore *store;
  BfHousehold *household;
  gint64 helper_id;
  GtkWindow *window;
  GSimpleActionGroup *win_actions;
  gint64 opened; /* the household "win.show-household" was asked to open */
} Fixture;

static void
open_household_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Fixture *f = data;
  f->opened = g_variant_get_int64 (parameter);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *head_id = bf_test_id_number ("19700315", 11);
  g_autoptr (BfHelper) helper = bf_helper_new ();
  g_autoptr (GSimpleAction) open = g_simple_action_new ("show-household", G_VARIANT_TYPE_INT64);
  gint64 id;

  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "plans.bangfu", 2);
  id = bf_test_save_household (f->store, 1, "王大山", head_id, 0, 100);
  /* Registered: under assistance, so it needs a plan, a helper and visits. */
  bf_test_exec (f->store, "UPDATE households SET status = 'registered', status_since = "
                          "'2025-01-10', primary_cause = 'illness', other_cause_1 = 'skills'");
  f->household = bf_store_household_get (f->store, id, &error);
  g_assert_no_error (error);

  helper->name = g_strdup ("周帮扶");
  helper->unit = g_strdup ("县卫健局");
  g_assert_true (bf_store_helper_save (f->store, helper, &error));
  f->helper_id = helper->id;

  /* The window's action that opens a household, recorded. */
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 760);
  f->win_actions = g_simple_action_group_new ();
  g_signal_connect (open, "activate", G_CALLBACK (open_household_cb), f);
  g_action_map_add_action (G_ACTION_MAP (f->win_actions), G_ACTION (open));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (f->win_actions));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  bf_test_flush ();
  g_object_unref (f->win_actions);
  bf_household_free (f->household);
  bf_store_close (f->store, NULL);
  g_object_unref (f->store);
  bf_test_tmpdir_free (f->dir);
}

static gint64
count (Fixture *f, const char *sql)
{
  return bf_test_query_int (f->store, sql);
}

/* The assistance group of the household form, in the test window. */
static BfHouseholdAssistance *
show_assistance (Fixture *f)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = bf_household_assistance_new ();

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_window_set_child (f->window, page);
  gtk_window_present (f->window);
  bf_household_assistance_set_household (BF_HOUSEHOLD_ASSISTANCE (group), f->store, f->household);
  bf_test_flush ();
  return BF_HOUSEHOLD_ASSISTANCE (group);
}

static BfPlansPage *
show_plans_page (Fixture *f)
{
  BfPlansPage *page = BF_PLANS_PAGE (bf_plans_page_new ());

  gtk_window_set_child (f->window, GTK_WIDGET (page));
  gtk_window_present (f->window);
  bf_plans_page_set_store (page, f->store);
  bf_test_flush ();
  return page;
}

/* Fills the measure form and presses Done. */
static void
add_measure (BfPlanEditor *editor,
             const char *category,
             const char *description,
             const char *due,
             const char *budget)
{
  BfForm *form = bf_plan_editor_get_measure_form (editor);
  g_autofree char *helper = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "plan.add-measure", NULL));
  bf_test_flush ();
  bf_test_form_set (form, "category", category);
  bf_test_form_set (form, "description", description);
  bf_test_form_set (form, "starts_on", "2026-01-01");
  bf_test_form_set (form, "due_on", due);
  bf_test_form_set (form, "budget", budget);
  g_assert_true (bf_plan_editor_measure_done (editor));
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = GTK_IS_BUTTON (c) ? c : find_button (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The walk: plan, two measures, one completed, a visit with a problem in supervision,
 * rectified, gone. */
static void
test_plan_visit_supervision (Fixture *f, gconstpointer data)
{
  BfHouseholdAssistance *assistance = show_assistance (f);
  BfPlanEditor *editor = bf_household_assistance_open_plan (assistance);
  BfVisitForm *visit;
  BfPlansPage *page;
  BfSupervisionView *supervision;
  const BfPlan *plan;
  g_autofree char *completed = NULL;

  bf_test_flush ();
  g_assert_cmpint (bf_plan_editor_get_year (editor), ==, 2026);
  /* The household's causes (illness, skills) are offered: take the first, ignore one. */
  g_assert_cmpuint (bf_plan_editor_get_n_suggestions (editor), >=, 4);
  bf_plan_editor_ignore_suggestion (editor, 1);

  add_measure (editor, "health", "大病专项救治", "2026-09-30", "3000");
  add_measure (editor, "employment", "电工技能培训", LAST_MONTH, "1,500.50");
  plan = bf_plan_editor_get_plan (editor);
  g_assert_cmpuint (plan->measures->len, ==, 2);
  g_assert_true (bf_plan_editor_get_dirty (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "plan.save", NULL));
  bf_test_flush ();
  g_assert_null (bf_plan_editor_get_problem (editor));
  g_assert_false (bf_plan_editor_get_dirty (editor));
  g_assert_cmpint (count (f, "SELECT count(*) FROM plans WHERE year = 2026"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM measures WHERE deleted_at IS NULL"), ==, 2);
  g_assert_cmpint (count (f, "SELECT budget_fen FROM measures WHERE description = '电工技能培训'"),
                   ==, 150050);

  /* Mark the first completed: the completion date fills in as today. */
  plan = bf_plan_editor_get_plan (editor);
  for (guint i = 0; i < plan->measures->len; i++)
    if (g_str_equal (((BfMeasure *) g_ptr_array_index (plan->measures, i))->description,
                     "大病专项救治"))
      bf_plan_editor_edit_measure (editor, i);
  bf_test_form_set (bf_plan_editor_get_measure_form (editor), "status", "completed");
  g_assert_cmpstr (bf_form_get (bf_plan_editor_get_measure_form (editor), "completed_on"), ==,
                   TODAY);
  bf_test_form_set (bf_plan_editor_get_measure_form (editor), "effect", "已报销");
  g_assert_true (bf_plan_editor_measure_done (editor));
  g_assert_true (bf_plan_editor_save (editor));
  completed = bf_test_query_text (f->store, "SELECT completed_on FROM measures WHERE status = "
                                            "'completed'");
  g_assert_cmpstr (completed, ==, TODAY);
  g_assert_cmpint (count (f, "SELECT count(*) FROM measures WHERE status = 'planned'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (editor))));
  bf_test_flush ();

  /* A visit that found a problem, to be rectified by yesterday. */
  visit = bf_household_assistance_record_visit (assistance);
  bf_test_flush ();
  bf_test_form_set (bf_visit_form_get_form (visit), "visited_on", TEN_DAYS);
  bf_test_form_set (bf_visit_form_get_form (visit), "helper", "1");
  g_assert_cmpstr (bf_form_get (bf_visit_form_get_form (visit), "visitor"), ==, "周帮扶");
  bf_test_form_set (bf_visit_form_get_form (visit), "findings", "病情稳定");
  bf_test_form_set (bf_visit_form_get_form (visit), "problems", "医疗费用报销未到账");
  bf_test_form_set (bf_visit_form_get_form (visit), "deadline", YESTERDAY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (visit), "visit.save", NULL));
  bf_test_flush ();
  g_assert_cmpint (count (f, "SELECT count(*) FROM visits WHERE problems IS NOT NULL AND "
                             "rectified_on IS NULL"),
                   ==, 1);

  /* Supervision lists the late problem and the overdue measure; a line opens the household. */
  page = show_plans_page (f);
  bf_plans_page_show_view (page, "supervision");
  bf_test_flush ();
  supervision = bf_plans_page_get_supervision_view (page);
  g_assert_cmpint (bf_supervision_view_get_count (supervision, BF_SUPERVISION_LATE_PROBLEMS), ==,
                   1);
  g_assert_cmpint (bf_supervision_view_get_count (supervision, BF_SUPERVISION_OVERDUE_MEASURES), ==,
                   1);
  g_assert_cmpint (bf_supervision_view_get_count (supervision, BF_SUPERVISION_WITHOUT_PLAN), ==, 0);
  g_assert_cmpint (bf_supervision_view_get_count (supervision, BF_SUPERVISION_WITHOUT_HELPER), ==,
                   1);
  g_signal_emit_by_name (bf_supervision_view_get_row (supervision, BF_SUPERVISION_LATE_PROBLEMS, 0),
                         "activated");
  g_assert_cmpint (f->opened, ==, f->household->id);

  /* Rectified with the line's button: the line leaves supervision. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (bf_supervision_view_get_row (
                           supervision, BF_SUPERVISION_LATE_PROBLEMS, 0))),
                         "clicked");
  bf_test_flush ();
  g_assert_cmpint (bf_supervision_view_get_count (supervision, BF_SUPERVISION_LATE_PROBLEMS), ==,
                   0);
  g_assert_null (bf_supervision_view_get_row (supervision, BF_SUPERVISION_LATE_PROBLEMS, 0));
  g_assert_cmpint (count (f, "SELECT count(*) FROM visits WHERE rectified_on = '" TODAY "'"), ==,
                   1);
  /* The household's form shows it rectified too. */
  assistance = show_assistance (f);
  (void) assistance;
}

/* The Visits view's button rectifies a problem at once. */
static void
test_rectify_button (Fixture *f, gconstpointer data)
{
  g_autoptr (BfVisit) v = bf_visit_new ();
  g_autoptr (GError) error = NULL;
  BfPlansPage *page;
  BfSupervisionView *visits;
  AdwActionRow *row;
  GtkWidget *button;

  v->household_id = f->household->id;
  v->visited_on = g_strdup (TEN_DAYS);
  v->visitor = g_strdup ("周帮扶");
  v->mode = g_strdup ("phone");
  v->problems = g_strdup ("饮水管破裂");
  v->deadline = g_strdup ("2026-06-30");
  g_assert_true (bf_store_visit_save (f->store, v, &error));

  page = show_plans_page (f);
  bf_plans_page_show_view (page, "visits");
  bf_test_flush ();
  visits = bf_plans_page_get_visits_view (page);
  g_assert_cmpint (bf_supervision_view_get_count (visits, BF_SUPERVISION_OPEN_PROBLEMS), ==, 1);
  /* Never visited before this one? It was visited ten days ago: not in the not-visited list. */
  g_assert_cmpint (bf_supervision_view_get_count (visits, BF_SUPERVISION_NOT_VISITED), ==, 0);
  row = bf_supervision_view_get_row (visits, BF_SUPERVISION_OPEN_PROBLEMS, 0);
  button = find_button (GTK_WIDGET (row));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  bf_test_flush ();
  g_assert_cmpint (bf_supervision_view_get_count (visits, BF_SUPERVISION_OPEN_PROBLEMS), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM visits WHERE rectified_on = '" TODAY "'"), ==,
                   1);
}

/* The measures list: filters in SQL, overdue rows, totals, status for a selection at once. */
static void
test_measures_view (Fixture *f, gconstpointer data)
{
  g_autoptr (BfPlan) plan = bf_plan_new ();
  g_autoptr (GError) error = NULL;
  const char *descriptions[] = { "逾期甲", "逾期乙", "未到期" };
  const char *dues[] = { LAST_MONTH, YESTERDAY, "2026-12-31" };
  BfPlansPage *page;
  BfMeasuresView *view;
  GtkSelectionModel *selection;

  plan->household_id = f->household->id;
  plan->year = 2026;
  for (guint i = 0; i < G_N_ELEMENTS (descriptions); i++)
    {
      BfMeasure *m = bf_measure_new ();
      m->category = g_strdup (i == 2 ? "finance" : "health");
      m->description = g_strdup (descriptions[i]);
      m->due_on = g_strdup (dues[i]);
      m->budget_fen = 10000 * (i + 1);
      m->spent_fen = 500;
      g_ptr_array_add (plan->measures, m);
    }
  g_assert_true (bf_store_plan_save (f->store, plan, &error));
  g_assert_no_error (error);

  page = show_plans_page (f);
  view = bf_plans_page_get_measures_view (page);
  g_assert_cmpstr (bf_measures_view_get_totals (view), ==,
                   "3 measures · budget 600.00 yuan · spent 15.00 yuan");
  bf_measures_view_set_filter (view, "overdue", "1");
  bf_test_flush ();
  g_assert_cmpstr (bf_measures_view_get_totals (view), ==,
                   "2 measures · budget 300.00 yuan · spent 10.00 yuan");
  g_assert_true (bf_measures_view_get_measure (view, 0)->overdue);
  bf_measures_view_set_filter (view, "overdue", "");
  bf_measures_view_set_filter (view, "category", "finance");
  bf_test_flush ();
  g_assert_cmpstr (bf_measures_view_get_totals (view), ==,
                   "1 measure · budget 300.00 yuan · spent 5.00 yuan");
  bf_measures_view_set_filter (view, "category", "");
  bf_measures_view_set_filter (view, "village", "2");
  bf_test_flush ();
  g_assert_cmpstr (bf_measures_view_get_totals (view), ==,
                   "0 measures · budget 0.00 yuan · spent 0.00 yuan");
  bf_measures_view_set_filter (view, "village", "");
  bf_test_flush ();

  /* Two selected, set in progress in one transaction (one audit entry each). */
  selection = bf_measures_view_get_selection (view);
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  g_assert_true (bf_measures_view_set_status (view, "in_progress"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM measures WHERE status = 'in_progress'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'measures' AND action "
                             "= 'update'"),
                   ==, 2);
  /* Activating a row opens its household. */
  g_signal_emit_by_name (bf_test_child (view, BF_TYPE_MEASURES_VIEW, "column_view"), "activate", 0);
  g_assert_cmpint (f->opened, ==, f->household->id);
}

static gboolean
helpers_loaded (gpointer view)
{
  return !bf_helpers_view_get_loading (view);
}

/* Helpers: add one through the form; assign the household through the dialog. */
static void
test_helpers (Fixture *f, gconstpointer data)
{
  BfPlansPage *page = show_plans_page (f);
  BfHelpersView *view = bf_plans_page_get_helpers_view (page);
  BfHouseholdAssistance *assistance;
  gint64 id;

  /* A view reads the register when it is shown. */
  g_assert_cmpuint (bf_helpers_view_get_n_helpers (view), ==, 0);
  bf_plans_page_show_view (page, "helpers");
  bf_test_flush ();
  /* The list is read in a thread. */
  bf_test_wait (helpers_loaded, view);
  g_assert_cmpuint (bf_helpers_view_get_n_helpers (view), ==, 1);
  bf_helpers_view_show_helper (view, 0);
  /* A wrong phone is marked, nothing saved. */
  bf_test_form_set (bf_helpers_view_get_form (view), "phone", "12ab");
  g_assert_false (bf_helpers_view_save (view));
  g_assert_nonnull (bf_form_get_error (bf_helpers_view_get_form (view), "name"));
  bf_test_form_set (bf_helpers_view_get_form (view), "name", "李新");
  g_assert_false (bf_helpers_view_save (view));
  g_assert_nonnull (bf_form_get_error (bf_helpers_view_get_form (view), "phone"));
  bf_test_form_set (bf_helpers_view_get_form (view), "phone", "138 0000 2222");
  bf_test_form_set (bf_helpers_view_get_form (view), "level", "township");
  g_assert_true (bf_helpers_view_save (view));
  bf_test_wait (helpers_loaded, view);
  g_assert_cmpuint (bf_helpers_view_get_n_helpers (view), ==, 2);
  id = count (f, "SELECT id FROM helpers WHERE name = '李新'");

  assistance = show_assistance (f);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (assistance), "assistance.change-helper", NULL));
  bf_test_flush ();
  bf_helper_assign_choose (bf_test_find_dialog (), id, "2026-06-01");
  bf_test_answer_dialog ("assign");
  g_assert_cmpint (count (f, "SELECT helper_id FROM households"), ==, id);
  g_assert_cmpint (count (f, "SELECT count(*) FROM helper_assignments WHERE assigned_on = "
                             "'2026-06-01'"),
                   ==, 1);
  /* The form's record follows, so that saving the form keeps the new helper. */
  g_assert_cmpint (f->household->helper_id, ==, id);
  g_assert_cmpstr (f->household->helper_name, ==, "李新");
}

/* The Households list's selection gets one helper through its "Assign Helper…" action. */
static void
test_assign_from_households (Fixture *f, gconstpointer data)
{
  BfTestPage *ui = bf_test_page_new (f->store);
  GtkSelectionModel *selection =
    gtk_column_view_get_model (_bf_households_page_get_column_view (ui->page));

  /* Nothing selected: the action is off, nothing asked, nothing written. */
  gtk_widget_activate_action (GTK_WIDGET (ui->page), "households.assign-helper", NULL);
  bf_test_flush ();
  g_assert_null (bf_test_find_dialog ());

  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (ui->page), "households.assign-helper", NULL));
  bf_test_flush ();
  bf_helper_assign_choose (bf_test_find_dialog (), f->helper_id, NULL);
  bf_test_answer_dialog ("assign");
  g_assert_cmpint (count (f, "SELECT helper_id FROM households"), ==, f->helper_id);
  g_assert_cmpint (count (f, "SELECT count(*) FROM helper_assignments WHERE ended_on IS NULL"), ==,
                   1);
  bf_test_page_free (ui);
}

/* Four more households: 李一, 李二, 李三 in village 1 and 张四 in village 2. */
static void
add_households (Fixture *f)
{
  const char *names[] = { "李一", "李二", "李三", "张四" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = bf_test_id_number ("19800101", 31 + i * 2);
      bf_test_save_household (f->store, i < 3 ? 1 : 2, names[i], id, 0, 200 + i * 10);
    }
}

static void
assign_selected (Fixture *f, BfTestPage *ui)
{
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (ui->page), "households.assign-helper", NULL));
  bf_test_flush ();
  bf_helper_assign_choose (bf_test_find_dialog (), f->helper_id, "2026-06-10");
  bf_test_answer_dialog ("assign");
  bf_test_page_wait_idle (ui);
}

static gint64
id_at (GtkSelectionModel *selection, guint position)
{
  g_autoptr (BfHouseholdItem) item = g_list_model_get_item (G_LIST_MODEL (selection), position);
  return bf_household_item_get_id (item);
}

/* Click, Shift+click and Ctrl+click as the list calls them; the selection follows a new sort; one
 * bulk assignment writes every selected household at once. */
static void
test_assign_many (Fixture *f, gconstpointer data)
{
  BfTestPage *ui;
  GtkColumnView *view;
  GtkSelectionModel *selection;
  BfHouseholdListModel *model;
  g_autoptr (GtkBitset) range = gtk_bitset_new_range (1, 3);
  g_autoptr (GtkBitset) all = NULL;
  g_autoptr (GtkBitset) shown = NULL;
  g_autoptr (GArray) ids = NULL;
  gint64 first;

  add_households (f);
  ui = bf_test_page_new (f->store);
  view = _bf_households_page_get_column_view (ui->page);
  selection = gtk_column_view_get_model (view);
  model = BF_HOUSEHOLD_LIST_MODEL (selection);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);

  /* Click the second row, Shift+click the fourth, Ctrl+click the fifth twice. */
  g_assert_true (gtk_selection_model_select_item (selection, 1, TRUE));
  all = gtk_bitset_new_range (0, 5);
  g_assert_true (gtk_selection_model_set_selection (selection, range, all));
  g_assert_true (gtk_selection_model_select_item (selection, 4, FALSE));
  g_assert_true (gtk_selection_model_unselect_item (selection, 4));
  shown = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (shown), ==, 3);
  g_assert_true (gtk_bitset_contains (shown, 1) && gtk_bitset_contains (shown, 3));
  g_assert_cmpuint (bf_household_list_model_get_n_selected (model), ==, 3);
  g_assert_cmpstr (_bf_households_page_get_count_text (ui->page), ==, "5 households · 3 selected");
  /* Delete never works on several households. */
  g_assert_cmpint (bf_household_list_model_get_selected_id (model), ==, 0);
  first = id_at (selection, 1);

  /* Sorted the other way, the same households stay selected, wherever they are. */
  gtk_column_view_sort_by_column (view, _bf_households_page_get_column (ui->page, 0),
                                  GTK_SORT_DESCENDING);
  bf_test_page_wait_idle (ui);
  g_assert_cmpint (id_at (selection, 3), ==, first);
  g_assert_true (gtk_selection_model_is_selected (selection, 3));
  g_assert_false (gtk_selection_model_is_selected (selection, 0));
  g_assert_cmpuint (bf_household_list_model_get_n_selected (model), ==, 3);

  ids = bf_household_list_model_get_selected_ids (model);
  assign_selected (f, ui);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT helper_id FROM households WHERE id = %" G_GINT64_FORMAT,
                         g_array_index (ids, gint64, i));
      g_assert_cmpint (count (f, sql), ==, f->helper_id);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM households WHERE helper_id IS NOT NULL"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM helper_assignments WHERE assigned_on = "
                             "'2026-06-10'"),
                   ==, 3);
  /* Each household's assignment is in the audit log. */
  g_assert_cmpint (count (f, "SELECT count(DISTINCT uuid) FROM audit_log WHERE action = 'assign' "
                             "AND entity = 'households'"),
                   ==, 3);

  /* Escape (unselect all) clears the selection and turns the action off. */
  g_assert_true (gtk_selection_model_unselect_all (selection));
  g_assert_cmpuint (bf_household_list_model_get_n_selected (model), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (ui->page), "households.assign-helper", NULL);
  bf_test_flush ();
  g_assert_null (bf_test_find_dialog ());
  bf_test_page_free (ui);
}

/* Select All over a search selects every match, and only the matches. */
static void
test_assign_all_matches (Fixture *f, gconstpointer data)
{
  BfTestPage *ui;
  GtkSelectionModel *selection;
  BfHouseholdListModel *model;

  add_households (f);
  ui = bf_test_page_new (f->store);
  selection = gtk_column_view_get_model (_bf_households_page_get_column_view (ui->page));
  model = BF_HOUSEHOLD_LIST_MODEL (selection);

  /* Selected before the search: a new search clears it. */
  g_assert_true (gtk_selection_model_select_all (selection));
  g_assert_cmpuint (bf_household_list_model_get_n_selected (model), ==, 5);
  bf_test_page_search (ui, "李");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  g_assert_cmpuint (bf_household_list_model_get_n_selected (model), ==, 0);

  g_assert_true (gtk_selection_model_select_all (selection));
  g_assert_cmpuint (bf_household_list_model_get_n_selected (model), ==, 3);
  g_assert_cmpstr (_bf_households_page_get_count_text (ui->page), ==,
                   "3 of 5 households · 3 selected");
  assign_selected (f, ui);
  g_assert_cmpint (count (f, "SELECT count(*) FROM households WHERE helper_id IS NOT NULL"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM households h JOIN members m ON m.household_id "
                             "= h.id AND m.relation = 'head' WHERE h.helper_id IS NOT NULL AND "
                             "m.name LIKE '李%'"),
                   ==, 3);
  bf_test_page_free (ui);
}

/* In the application window: the page shows the open register, and a line opens the household
 * in the Households page. */
static void
test_in_window (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = bf_test_register_new (dir);
  g_autofree char *head_id = bf_test_id_number ("19800101", 21);
  BfApplication *app;
  BfWindow *window;
  BfPlansPage *page;
  GtkStack *stack;
  gint64 id;

  bf_test_settings_reset ();
  g_settings_set_string (bf_test_settings (), "last-file", path);
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_test_wait_opened (window);
  id = bf_test_save_household (bf_window_get_store (window), 1, "赵小河", head_id, 0, 40);

  stack = bf_test_child (window, BF_TYPE_WINDOW, "content_stack");
  page = BF_PLANS_PAGE (gtk_stack_get_child_by_name (stack, "plans"));
  bf_window_show_page (window, "plans");
  bf_test_flush ();
  g_assert_cmpstr (bf_measures_view_get_totals (bf_plans_page_get_measures_view (page)), ==,
                   "0 measures · budget 0.00 yuan · spent 0.00 yuan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.show-household", "x", id));
  bf_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "households");
  g_assert_true (
    bf_households_page_get_editing (bf_test_child (window, BF_TYPE_WINDOW, "households_page")));
  bf_test_app_stop (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  g_setenv ("BANGFU_TODAY", TODAY, TRUE);
  if (!bf_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/plans/plan-visit-supervision", test_plan_visit_supervision);
  ADD ("/gui/plans/rectify-button", test_rectify_button);
  ADD ("/gui/plans/measures-view", test_measures_view);
  ADD ("/gui/plans/helpers", test_helpers);
  ADD ("/gui/plans/assign-from-households", test_assign_from_households);
  ADD ("/gui/plans/assign-many", test_assign_many);
  ADD ("/gui/plans/assign-all-matches", test_assign_all_matches);
#undef ADD
  g_test_add_func ("/gui/plans/in-window", test_in_window);

  return g_test_run ();
}
