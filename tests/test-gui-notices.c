/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notices page and the lifecycle panel, driven as a caseworker would: a household walks from
 * surveyed to registered through the panel's forms, a meeting, a village notice, a township review,
 * a township notice and a county approval; refusals are shown with their reason; an objection is
 * upheld; the notice prints through GtkPrintOperation. With BANGFU_SCREENSHOTS=DIR the pages are
 * saved there as PNG. */

#include <string.h>

#include "bf-lifecycle-panel.h"
#include "bf-notices-page-private.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-store-workflow.h"
#include "bf-test-gui.h"
#include "bf-test-hhgui.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfStore *store;
  BfTestPage *households; /* the households page with its editor (and its lifecycle panel) */
  GtkWindow *window;      /* the notices page's */
  BfNoticesPage *page;
  gint64 village;
} Fixture;

static void
set_today (const char *date)
{
  g_setenv ("BANGFU_TODAY", date, TRUE);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) villages = NULL;

  set_today ("2026-03-01");
  bf_test_settings_reset ();
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "g.bangfu", 2);
  villages = bf_store_list_villages (f->store, NULL);
  f->village = ((BfVillage *) g_ptr_array_index (villages, 0))->id;
  f->households = bf_test_page_new (f->store);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 760);
  f->page = BF_NOTICES_PAGE (bf_notices_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  bf_notices_page_set_store (f->page, f->store);
  bf_test_flush ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  bf_test_page_free (f->households);
  bf_test_flush ();
  g_assert_true (bf_store_close (f->store, NULL));
  g_clear_object (&f->store);
  bf_test_tmpdir_free (g_steal_pointer (&f->dir));
}

/* Saves @widget as DIR/@name.png when BANGFU_SCREENSHOTS=DIR. */
static void
screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("BANGFU_SCREENSHOTS");
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  graphene_rect_t bounds;
  int width, height;

  if (dir == NULL || native == NULL)
    return;
  /* A few frames, so that what changed is laid out and drawn. */
  for (int i = 0; i < 20; i++)
    {
      g_usleep (20000);
      bf_test_flush ();
    }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (native);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static BfLifecyclePanel *
panel_for (Fixture *f, gint64 household)
{
  GtkWidget *editor = GTK_WIDGET (f->households->editor);
  GtkWidget *panel = NULL;

  bf_households_page_open_household (f->households->page, household);
  bf_test_flush ();
  /* The panel is the one widget of its type under the editor. */
  for (GtkWidget *w = gtk_widget_get_first_child (editor); w != NULL;)
    {
      if (BF_IS_LIFECYCLE_PANEL (w))
        {
          panel = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != editor)
            w = gtk_widget_get_parent (w);
          w = w != NULL && w != editor ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (panel);
  return BF_LIFECYCLE_PANEL (panel);
}

static void
type_into (GtkEditable *editable, const char *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
}

/* Opens the form of @action in the panel, fills it and records the step. */
static void
panel_step (BfLifecyclePanel *panel,
            BfAction action,
            const char *person,
            const char *reason,
            const char *document)
{
  g_assert_true (bf_lifecycle_panel_begin (panel, action));
  if (person != NULL)
    type_into (bf_lifecycle_panel_get_entry (panel, "person"), person);
  if (reason != NULL)
    type_into (bf_lifecycle_panel_get_entry (panel, "reason"), reason);
  if (document != NULL)
    type_into (bf_lifecycle_panel_get_entry (panel, "document"), document);
  gtk_widget_activate_action (GTK_WIDGET (panel), "lifecycle.apply", NULL);
  bf_test_flush ();
}

static char *
status_of (Fixture *f, gint64 household)
{
  g_autoptr (BfHousehold) h = bf_store_household_get (f->store, household, NULL);

  return g_strdup (h->status);
}

static void
assert_status (Fixture *f, gint64 household, const char *status)
{
  g_autofree char *value = status_of (f, household);

  g_assert_cmpstr (value, ==, status);
}

static void
activate (Fixture *f, const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL);
  bf_test_flush ();
}

/* A meeting through the page: village 1, the waiting households added, every result "passed". */
static void
hold_meeting (Fixture *f)
{
  activate (f, "notices.meetings");
  activate (f, "meeting.new");
  type_into (GTK_EDITABLE (f->page->meeting_host), "村支书李明");
  gtk_spin_button_set_value (f->page->meeting_entitled, 60);
  gtk_spin_button_set_value (f->page->meeting_present, 52);
  activate (f, "meeting.add-waiting");
  g_assert_cmpuint (f->page->vote_widgets->len, >, 0);
  for (guint i = 0; i < f->page->vote_widgets->len; i++)
    {
      VoteWidgets *widgets = g_ptr_array_index (f->page->vote_widgets, i);

      gtk_spin_button_set_value (widgets->votes_for, 45);
      gtk_spin_button_set_value (widgets->votes_against, 5);
      gtk_drop_down_set_selected (widgets->result, 1);
    }
  screenshot (GTK_WIDGET (f->page), "meeting.png");
  activate (f, "meeting.save");
  g_assert_null (bf_notices_page_get_problem (f->page));
}

/* A new notice through the page: kind @kind (index), @village (index, 0: township), posted. */
static gint64
make_notice (Fixture *f, guint kind, guint village, guint expected)
{
  activate (f, "notices.new");
  adw_combo_row_set_selected (f->page->create_kind, kind);
  adw_combo_row_set_selected (f->page->create_village, village);
  activate (f, "notice.prepare");
  g_assert_null (bf_notices_page_get_problem (f->page));
  g_assert_cmpuint (f->page->create_checks->len, ==, expected);
  type_into (GTK_EDITABLE (f->page->create_place), "村务公开栏");
  activate (f, "notice.save-draft");
  g_assert_null (bf_notices_page_get_problem (f->page));
  g_assert_nonnull (f->page->notice);
  activate (f, "notice.post");
  g_assert_null (bf_notices_page_get_problem (f->page));
  g_assert_cmpstr (f->page->notice->state, ==, "posted");
  return f->page->notice->id;
}

static gboolean
notices_loaded (gpointer page)
{
  return !bf_notices_page_get_loading (page);
}

/* The page reads its list in a thread: the number of notices once it is read. */
static guint
n_notices (Fixture *f)
{
  bf_test_wait (notices_loaded, f->page);
  bf_test_flush ();
  return bf_notices_page_get_n_notices (f->page);
}

static void
assert_timeline_has (BfLifecyclePanel *panel, const char *text)
{
  GPtrArray *timeline = bf_lifecycle_panel_get_timeline (panel);

  for (guint i = 0; i < timeline->len; i++)
    if (strstr (g_ptr_array_index (timeline, i), text) != NULL)
      return;
  g_error ("“%s” is not on the timeline", text);
}

static void
test_walk (Fixture *f, gconstpointer data)
{
  g_autofree char *head_id = bf_test_id_number ("19700315", 11);
  gint64 household = bf_test_save_household (f->store, f->village, "张三", head_id, 2, 101);
  BfLifecyclePanel *panel = panel_for (f, household);
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *pdf = NULL;
  gint64 notice;

  /* Verification through the panel's form: the verifier is named. */
  panel_step (panel, BF_ACTION_VERIFY, NULL, "情况属实", NULL);
  g_assert_nonnull (strstr (bf_lifecycle_panel_get_problem (panel), "verifier"));
  assert_status (f, household, "surveyed");
  type_into (bf_lifecycle_panel_get_entry (panel, "person"), "王核查");
  gtk_widget_activate_action (GTK_WIDGET (panel), "lifecycle.apply", NULL);
  bf_test_flush ();
  g_assert_null (bf_lifecycle_panel_get_problem (panel));
  assert_status (f, household, "verified");

  /* Appraisal: the meeting, then the village notice. */
  set_today ("2026-03-02");
  hold_meeting (f);
  assert_status (f, household, "appraised");
  set_today ("2026-03-03");
  notice = make_notice (f, 0, 1, 1);
  assert_status (f, household, "village_notice");
  g_assert_cmpuint (n_notices (f), ==, 1);
  screenshot (GTK_WIDGET (f->page), "notice.png");

  /* Before the period's end: the review and the closing are refused, saying when it ends. */
  set_today ("2026-03-09");
  panel = panel_for (f, household);
  panel_step (panel, BF_ACTION_TOWNSHIP_REVIEW, "乡审核员", "同意", NULL);
  g_assert_nonnull (strstr (bf_lifecycle_panel_get_problem (panel), "2026-03-09"));
  assert_status (f, household, "village_notice");
  g_assert_true (bf_notices_page_open_notice (f->page, notice));
  activate (f, "notice.close");
  g_assert_nonnull (strstr (bf_notices_page_get_problem (f->page), "2026-03-09"));

  /* After it: closed, reviewed, the township notice, the county's approval. */
  set_today ("2026-03-10");
  activate (f, "notice.close");
  g_assert_null (bf_notices_page_get_problem (f->page));
  panel = panel_for (f, household);
  panel_step (panel, BF_ACTION_TOWNSHIP_REVIEW, "乡审核员", "同意", NULL);
  g_assert_null (bf_lifecycle_panel_get_problem (panel));
  assert_status (f, household, "township_reviewed");
  set_today ("2026-03-11");
  notice = make_notice (f, 1, 0, 1);
  assert_status (f, household, "township_notice");
  set_today ("2026-03-18");
  activate (f, "notice.close");
  panel = panel_for (f, household);
  /* Approval needs its document number. */
  panel_step (panel, BF_ACTION_COUNTY_APPROVE, "县审批人", NULL, NULL);
  g_assert_nonnull (bf_lifecycle_panel_get_problem (panel));
  assert_status (f, household, "township_notice");
  type_into (bf_lifecycle_panel_get_entry (panel, "document"), "X县扶贫〔2026〕12号");
  gtk_widget_activate_action (GTK_WIDGET (panel), "lifecycle.apply", NULL);
  bf_test_flush ();
  g_assert_null (bf_lifecycle_panel_get_problem (panel));
  assert_status (f, household, "registered");

  /* Each step is in the store's history and on the panel's timeline. */
  events = bf_store_events_for (f->store, household, NULL);
  g_assert_cmpuint (events->len, ==, 6);
  g_assert_cmpuint (bf_lifecycle_panel_get_timeline (panel)->len, ==, 6);
  /* Verification, review and approval are reviews, named on the timeline; the refused review
   * left none. */
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM reviews"), ==, 3);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM workflow_events WHERE "
                                                "ref_kind = 'review'"),
                   ==, 3);
  assert_timeline_has (panel, "王核查");
  assert_timeline_has (panel, "情况属实");
  assert_timeline_has (panel, "乡审核员");
  assert_timeline_has (panel, "县审批人");
  /* Registered: the exit steps are the Assessment & exit page's, not the panel's. */
  g_assert_false (bf_lifecycle_panel_begin (panel, BF_ACTION_ASSESS_EXIT));
  screenshot (GTK_WIDGET (panel), "lifecycle.png");

  gtk_widget_activate_action (GTK_WIDGET (f->page), "notices.back", NULL);
  bf_test_flush ();
  g_assert_cmpuint (n_notices (f), ==, 2);
  screenshot (GTK_WIDGET (f->page), "notices.png");

  /* The township notice prints through GtkPrintOperation. */
  g_assert_true (bf_notices_page_open_notice (f->page, notice));
  pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_assert_true (bf_notices_page_export_pdf (f->page, pdf, NULL));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

/* Two verified households of the first village. */
static void
two_verified (Fixture *f, gint64 *first, gint64 *second)
{
  g_autofree char *first_id = bf_test_id_number ("19700315", 11);
  g_autofree char *second_id = bf_test_id_number ("19720101", 13);
  *first = bf_test_save_household (f->store, f->village, "李四", first_id, 1, 201);
  *second = bf_test_save_household (f->store, f->village, "赵六", second_id, 1, 211);
  g_assert_true (bf_store_household_transition (f->store, *first, BF_ACTION_VERIFY, NULL, NULL));
  g_assert_true (bf_store_household_transition (f->store, *second, BF_ACTION_VERIFY, NULL, NULL));
}

static void
test_objection (Fixture *f, gconstpointer data)
{
  gint64 first, second;
  g_autoptr (GPtrArray) objections = NULL;
  BfObjection *objection;
  guint index;

  two_verified (f, &first, &second);
  hold_meeting (f);
  make_notice (f, 0, 1, 2);

  /* An objection about the second household, through the form. */
  set_today ("2026-03-02");
  activate (f, "notice.add-objection");
  index = ((BfNoticeItem *) g_ptr_array_index (f->page->notice->items, 0))->household_id == second
            ? 0
            : 1;
  adw_combo_row_set_selected (f->page->objection_household, index);
  type_into (GTK_EDITABLE (f->page->objection_complainant), "王某");
  type_into (GTK_EDITABLE (f->page->objection_content), "该户家中有小轿车一辆");
  activate (f, "objection.save");
  g_assert_null (bf_notices_page_get_problem (f->page));
  screenshot (GTK_WIDGET (f->page), "objection.png");

  /* Closing waits for it, even after the period. */
  set_today ("2026-03-08");
  activate (f, "notice.close");
  g_assert_nonnull (bf_notices_page_get_problem (f->page));

  objections = bf_store_list_objections (f->store, f->page->notice->id, NULL);
  g_assert_cmpuint (objections->len, ==, 1);
  objection = g_ptr_array_index (objections, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "objection.decide", "x", objection->id);
  bf_test_flush ();
  type_into (GTK_EDITABLE (f->page->decide_verification), "入户核实，情况属实");
  adw_combo_row_set_selected (f->page->decide_result, 1);
  type_into (GTK_EDITABLE (f->page->decide_reason), "有小轿车，不符合识别条件");
  screenshot (GTK_WIDGET (f->page), "objection-decide.png");
  activate (f, "objection.save-decision");
  g_assert_null (bf_notices_page_get_problem (f->page));
  assert_status (f, second, "rejected");
  assert_status (f, first, "village_notice");

  activate (f, "notice.close");
  g_assert_null (bf_notices_page_get_problem (f->page));
  g_assert_cmpstr (f->page->notice->state, ==, "closed");
}

/* A draft reopens in the create form with its values and saves back into itself; a posted one
 * cannot be edited. */
static void
test_edit_draft (Fixture *f, gconstpointer data)
{
  gint64 first, second;
  g_autoptr (BfNotice) saved = NULL;
  g_autofree char *ends = NULL;
  gint64 id, kept, audits;

  two_verified (f, &first, &second);
  hold_meeting (f);
  activate (f, "notices.new");
  adw_combo_row_set_selected (f->page->create_kind, 0);
  adw_combo_row_set_selected (f->page->create_village, 1);
  activate (f, "notice.prepare");
  g_assert_cmpuint (f->page->create_checks->len, ==, 2);
  type_into (GTK_EDITABLE (f->page->create_issuer), "某村村民委员会");
  type_into (GTK_EDITABLE (f->page->create_phone), "0731-12345678");
  type_into (GTK_EDITABLE (f->page->create_place), "村务公开栏");
  activate (f, "notice.save-draft");
  g_assert_null (bf_notices_page_get_problem (f->page));
  id = f->page->notice->id;
  ends = g_strdup (f->page->notice->ends_on);

  /* The form comes back filled, every household ticked. */
  activate (f, "notice.edit");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "create");
  g_assert_cmpuint (adw_combo_row_get_selected (f->page->create_kind), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (f->page->create_village), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->create_starts)), ==, "2026-03-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->create_ends)), ==, ends);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->create_issuer)), ==,
                   "某村村民委员会");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->create_phone)), ==,
                   "0731-12345678");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->create_place)), ==, "村务公开栏");
  g_assert_cmpuint (f->page->create_checks->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (f->page->create_checks, i)));

  /* A longer period, one household off: the same draft, in one audited write. */
  kept = ((BfNoticeItem *) g_ptr_array_index (f->page->draft->items, 1))->household_id;
  type_into (GTK_EDITABLE (f->page->create_ends), "2026-03-14");
  gtk_check_button_set_active (g_ptr_array_index (f->page->create_checks, 0), FALSE);
  audits = bf_test_query_int (f->store, "SELECT count(*) FROM audit_log");
  activate (f, "notice.save-draft");
  g_assert_null (bf_notices_page_get_problem (f->page));
  g_assert_cmpint (f->page->notice->id, ==, id);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM audit_log"), >, audits);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM notices WHERE deleted_at "
                                                "IS NULL"),
                   ==, 1);
  saved = bf_store_notice_get (f->store, id, NULL);
  g_assert_cmpstr (saved->state, ==, "draft");
  g_assert_cmpstr (saved->starts_on, ==, "2026-03-01");
  g_assert_cmpstr (saved->ends_on, ==, "2026-03-14");
  g_assert_cmpstr (saved->posting_place, ==, "村务公开栏");
  g_assert_cmpuint (saved->items->len, ==, 1);
  g_assert_cmpint (((BfNoticeItem *) g_ptr_array_index (saved->items, 0))->household_id, ==, kept);

  /* A period shorter than the minimum is refused, the form stays with the households ticked. */
  activate (f, "notice.edit");
  type_into (GTK_EDITABLE (f->page->create_ends), "2026-03-02");
  activate (f, "notice.save-draft");
  g_assert_nonnull (bf_notices_page_get_problem (f->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "create");
  g_assert_cmpuint (f->page->create_checks->len, ==, 1);
  activate (f, "notices.back");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "detail");
  g_clear_pointer (&saved, bf_notice_free);
  saved = bf_store_notice_get (f->store, id, NULL);
  g_assert_cmpstr (saved->ends_on, ==, "2026-03-14");

  /* Posted: no Edit. */
  activate (f, "notice.post");
  g_assert_cmpstr (f->page->notice->state, ==, "posted");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "notice.edit", NULL);
  bf_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "detail");
}

/* A meeting that has moved nobody is deleted after the confirmation; one that has is kept. */
static void
test_delete_meeting (Fixture *f, gconstpointer data)
{
  g_autofree char *head_id = bf_test_id_number ("19700315", 11);
  gint64 household = bf_test_save_household (f->store, f->village, "李四", head_id, 1, 201);
  g_autoptr (GPtrArray) meetings = NULL;

  g_assert_true (bf_store_household_transition (f->store, household, BF_ACTION_VERIFY, NULL, NULL));
  activate (f, "notices.meetings");
  activate (f, "meeting.new");
  type_into (GTK_EDITABLE (f->page->meeting_host), "村支书李明");
  activate (f, "meeting.add-waiting");
  g_assert_cmpuint (f->page->vote_widgets->len, ==, 1);
  activate (f, "meeting.save");
  g_assert_null (bf_notices_page_get_problem (f->page));
  g_assert_cmpint (f->page->meeting->id, !=, 0);

  /* Cancelling keeps it. */
  activate (f, "meeting.delete");
  bf_test_answer_dialog ("cancel");
  meetings = bf_store_list_meetings (f->store, 0, NULL);
  g_assert_cmpuint (meetings->len, ==, 1);
  g_clear_pointer (&meetings, g_ptr_array_unref);

  activate (f, "meeting.delete");
  bf_test_answer_dialog ("delete");
  g_assert_null (bf_notices_page_get_problem (f->page));
  meetings = bf_store_list_meetings (f->store, 0, NULL);
  g_assert_cmpuint (meetings->len, ==, 0);
  g_clear_pointer (&meetings, g_ptr_array_unref);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "meetings");
  assert_status (f, household, "verified");

  /* The household is free again for a meeting that passes it; that one cannot be deleted. */
  hold_meeting (f);
  assert_status (f, household, "appraised");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "meeting.delete", NULL);
  bf_test_flush ();
  g_assert_null (bf_test_find_dialog ());
  meetings = bf_store_list_meetings (f->store, 0, NULL);
  g_assert_cmpuint (meetings->len, ==, 1);
}

static void
test_settings_mirror (Fixture *f, gconstpointer data)
{
  GSettings *settings = bf_test_settings ();
  g_autofree char *days = NULL;

  /* Opening the register copied its values; Preferences write back to it. */
  g_assert_cmpint (g_settings_get_int (settings, "notice-minimum-days"), ==, 7);
  g_settings_set_int (settings, "notice-minimum-days", 10);
  days = bf_store_setting_get (f->store, BF_SETTING_NOTICE_MIN_DAYS);
  g_assert_cmpstr (days, ==, "10");
  g_settings_set_boolean (settings, "township-notice", FALSE);
  g_clear_pointer (&days, g_free);
  days = bf_store_setting_get (f->store, BF_SETTING_TOWNSHIP_NOTICE);
  g_assert_cmpstr (days, ==, "0");
}

int
main (int argc, char *argv[])
{
  if (!bf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add ("/gui/notices/walk", Fixture, NULL, fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/gui/notices/objection", Fixture, NULL, fixture_set_up, test_objection,
              fixture_tear_down);
  g_test_add ("/gui/notices/edit-draft", Fixture, NULL, fixture_set_up, test_edit_draft,
              fixture_tear_down);
  g_test_add ("/gui/notices/delete-meeting", Fixture, NULL, fixture_set_up, test_delete_meeting,
              fixture_tear_down);
  g_test_add ("/gui/notices/settings", Fixture, NULL, fixture_set_up, test_settings_mirror,
              fixture_tear_down);
  return g_test_run ();
}
