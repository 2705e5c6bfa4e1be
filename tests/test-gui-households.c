/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Households page and the household form, driven through their widgets under Xvfb. */
#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-demo.h"
#include "bf-id-number.h"
#include "bf-store-drafts.h"
#include "bf-store-household.h"
#include "bf-store-lines.h"
#include "bf-store-search.h"
#include "bf-test-gui.h"
#include "bf-test-hhgui.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfStore *store;
  BfTestPage *ui;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GDate today;
  g_autoptr (GError) error = NULL;

  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "城关镇.bangfu", 2);
  bf_date_today (&today);
  g_assert_true (
    bf_store_poverty_line_set (f->store, g_date_get_year (&today), 400000, 600000, NULL, &error));
  g_assert_no_error (error);
  f->ui = bf_test_page_new (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bf_test_page_free (f->ui);
  bf_store_close (f->store, NULL);
  g_object_unref (f->store);
  bf_test_tmpdir_free (f->dir);
}

static BfForm *
household_form (Fixture *f)
{
  return bf_household_editor_get_form (f->ui->editor);
}

static BfForm *
member_form (Fixture *f)
{
  return bf_member_editor_get_form (bf_household_editor_get_member_editor (f->ui->editor));
}

/* A new household with a head, a spouse and a child, typed into the form and saved. */
static gint64
create_three_member_household (Fixture *f, const char *head_name, guint sequence)
{
  g_autofree char *village = bf_test_village_id (f->store, "村1");
  g_autofree char *head_id = bf_test_id_number ("19700315", sequence);
  g_autofree char *spouse_id = bf_test_id_number ("19720620", sequence + 1);
  g_autofree char *child_id = bf_test_id_number ("20010910", sequence + 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->page), "households.new", NULL));
  bf_test_flush ();
  g_assert_true (bf_households_page_get_editing (f->ui->page));

  bf_test_form_set (household_form (f), "village", village);
  bf_test_form_set (household_form (f), "address", "村1组12号");
  bf_test_form_set (household_form (f), "phone", "13800001111");
  bf_test_form_set (household_form (f), "attribute", "dibao");
  bf_test_form_set (household_form (f), "primary_cause", "illness");
  bf_test_form_set (household_form (f), "wage", "6000");
  bf_test_form_set (household_form (f), "transfer", "1500.50");

  g_assert_true (bf_test_add_member (f->ui, head_name, head_id, "head"));
  g_assert_true (bf_test_add_member (f->ui, "李桂英", spouse_id, "spouse"));
  g_assert_true (bf_test_add_member (f->ui, "王小明", child_id, "son"));
  g_assert_cmpuint (bf_household_editor_get_n_members (f->ui->editor), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.save", NULL));
  bf_test_flush ();
  g_assert_cmpstr (bf_household_editor_get_problem (f->ui->editor), ==, NULL);
  g_assert_false (bf_household_editor_get_dirty (f->ui->editor));
  return bf_household_editor_get_household_id (f->ui->editor);
}

static void
go_back (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.back", NULL));
  bf_test_flush ();
  g_assert_false (bf_households_page_get_editing (f->ui->page));
  bf_test_page_wait_idle (f->ui);
}

static void
test_create_household (Fixture *f, gconstpointer data)
{
  g_autoptr (BfHousehold) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) heads = NULL;
  const BfMember *head;
  gint64 id;

  g_assert_cmpstr (_bf_households_page_get_content (f->ui->page), ==, "empty");

  id = create_three_member_household (f, "王大山", 11);
  g_assert_cmpint (id, >, 0);

  saved = bf_store_household_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->members->len, ==, 3);
  head = bf_household_get_head (saved);
  g_assert_cmpstr (head->name, ==, "王大山");
  g_assert_cmpstr (head->sex, ==, "male");
  g_assert_cmpstr (head->birth_date, ==, "1970-03-15");
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (saved->members, 1))->sex, ==, "female");
  g_assert_cmpstr (saved->address, ==, "村1组12号");
  g_assert_cmpstr (saved->attribute, ==, "dibao");
  g_assert_cmpstr (saved->primary_cause, ==, "illness");
  g_assert_nonnull (saved->survey);
  g_assert_cmpint (saved->survey->wage_fen, ==, 600000);
  g_assert_cmpint (saved->survey->transfer_fen, ==, 150050);
  /* (6000 + 1500.50) / 3 */
  g_assert_cmpint (saved->survey->per_capita_fen, ==, 250017);
  g_assert_nonnull (strstr (bf_household_editor_get_income_summary (f->ui->editor), "2,500.17"));

  /* Nothing is left to recover. */
  {
    g_autoptr (GPtrArray) drafts = bf_store_draft_list (f->store, NULL);
    g_assert_cmpuint (drafts->len, ==, 0);
  }

  go_back (f);
  heads = bf_test_page_heads (f->ui);
  g_assert_cmpuint (heads->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (heads, 0), ==, "王大山");
  g_assert_cmpstr (_bf_households_page_get_content (f->ui->page), ==, "list");
  g_assert_cmpstr (_bf_households_page_get_count_text (f->ui->page), ==, "1 household");
}

static void
test_edit_and_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (BfHousehold) saved = NULL;
  gint64 id = create_three_member_household (f, "赵铁柱", 21);
  JsonObject *member;

  go_back (f);

  /* Open it from the list, as Enter or a double-click does. */
  g_signal_emit_by_name (_bf_households_page_get_column_view (f->ui->page), "activate", 0);
  bf_test_flush ();
  g_assert_true (bf_households_page_get_editing (f->ui->page));
  g_assert_cmpint (bf_household_editor_get_household_id (f->ui->editor), ==, id);
  g_assert_cmpstr (bf_form_get (household_form (f), "address"), ==, "村1组12号");

  bf_test_form_set (household_form (f), "address", "村1组15号");
  bf_test_form_set (household_form (f), "surveyor", "周干部");
  g_assert_true (bf_household_editor_get_dirty (f->ui->editor));

  /* Edit the spouse's phone through the member form. */
  bf_household_editor_edit_member (f->ui->editor, 1);
  bf_test_form_set (member_form (f), "phone", "13912345678");
  g_assert_true (gtk_widget_activate_action (
    GTK_WIDGET (bf_household_editor_get_member_editor (f->ui->editor)), "member.done", NULL));
  g_assert_cmpstr (bf_form_first_error (member_form (f)), ==, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.save", NULL));
  bf_test_flush ();
  g_assert_cmpstr (bf_household_editor_get_problem (f->ui->editor), ==, NULL);
  go_back (f);

  saved = bf_store_household_get (f->store, id, NULL);
  g_assert_cmpstr (saved->address, ==, "村1组15号");
  g_assert_cmpstr (saved->survey->surveyor, ==, "周干部");

  /* Reopened, the form shows what was saved. */
  bf_households_page_open_household (f->ui->page, id);
  bf_test_flush ();
  g_assert_cmpstr (bf_form_get (household_form (f), "address"), ==, "村1组15号");
  g_assert_cmpstr (bf_form_get (household_form (f), "surveyor"), ==, "周干部");
  member = bf_household_editor_get_member (f->ui->editor, 1);
  g_assert_cmpstr (json_object_get_string_member (member, "phone"), ==, "13912345678");
  g_assert_false (bf_household_editor_get_dirty (f->ui->editor));
}

static void
test_invalid_id_blocks_saving (Fixture *f, gconstpointer data)
{
  g_autofree char *village = bf_test_village_id (f->store, "村2");
  g_autofree char *good = bf_test_id_number ("19800101", 31);
  g_autofree char *bad = g_strdup (good);
  g_autoptr (GError) reason = NULL;
  BfIdNumber parsed;
  BfMemberEditor *member_editor = bf_household_editor_get_member_editor (f->ui->editor);

  /* The same number with a wrong check character. */
  bad[17] = bad[17] == '1' ? '2' : '1';
  g_assert_false (bf_id_number_parse (bad, NULL, &parsed, &reason));

  bf_households_page_new_household (f->ui->page);
  bf_test_form_set (household_form (f), "village", village);
  g_assert_false (bf_test_add_member (f->ui, "钱多多", bad, "head"));
  /* Still in the member form, the ID number says why. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (member_editor)));
  g_assert_cmpstr (bf_form_get_error (member_form (f), "id_number"), ==, reason->message);
  g_assert_true (
    gtk_widget_has_css_class (bf_form_get_widget (member_form (f), "id_number"), "error"));

  /* Ctrl+S with the member form open does not save either. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.save", NULL));
  bf_test_flush ();
  g_assert_nonnull (bf_household_editor_get_problem (f->ui->editor));
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 0);

  /* A sex that contradicts the ID number is an error too. */
  bf_test_form_set (member_form (f), "id_number", good);
  g_assert_cmpstr (bf_form_get (member_form (f), "sex"), ==, "male");
  g_assert_cmpstr (bf_form_get (member_form (f), "birth_date"), ==, "1980-01-01");
  g_assert_null (bf_form_get_error (member_form (f), "id_number"));
  bf_test_form_set (member_form (f), "sex", "female");
  g_assert_nonnull (bf_form_get_error (member_form (f), "sex"));
  bf_test_form_set (member_form (f), "sex", "male");
  bf_test_form_set (member_form (f), "birth_date", "1980-02-30");
  g_assert_nonnull (bf_form_get_error (member_form (f), "birth_date"));
  bf_test_form_set (member_form (f), "birth_date", "1980-01-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (member_editor), "member.done", NULL));
  bf_test_flush ();
  g_assert_cmpuint (bf_household_editor_get_n_members (f->ui->editor), ==, 1);

  /* Impossible amounts and dates block saving, next to their fields. */
  bf_test_form_set (household_form (f), "wage", "12.345");
  bf_test_form_set (household_form (f), "surveyed_on", "2020-13-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.save", NULL));
  bf_test_flush ();
  g_assert_nonnull (bf_form_get_error (household_form (f), "wage"));
  g_assert_nonnull (bf_form_get_error (household_form (f), "surveyed_on"));
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 0);

  bf_test_form_set (household_form (f), "wage", "12.34");
  bf_test_form_set (household_form (f), "surveyed_on", "2020-12-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.save", NULL));
  bf_test_flush ();
  g_assert_cmpstr (bf_household_editor_get_problem (f->ui->editor), ==, NULL);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 1);
}

static void
test_missing_head (Fixture *f, gconstpointer data)
{
  g_autofree char *village = bf_test_village_id (f->store, "村1");
  g_autofree char *id = bf_test_id_number ("19900505", 41);

  bf_households_page_new_household (f->ui->page);
  bf_test_form_set (household_form (f), "village", village);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.save", NULL));
  bf_test_flush ();
  g_assert_nonnull (bf_household_editor_get_problem (f->ui->editor));

  g_assert_true (bf_test_add_member (f->ui, "孙二", id, "son"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.save", NULL));
  bf_test_flush ();
  g_assert_nonnull (bf_household_editor_get_problem (f->ui->editor));
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 0);
}

static void
test_duplicate_person (Fixture *f, gconstpointer data)
{
  g_autofree char *village = bf_test_village_id (f->store, "村1");
  g_autofree char *taken = bf_test_id_number ("19651010", 51);
  g_autoptr (BfHousehold) other = NULL;
  BfMemberEditor *member_editor = bf_household_editor_get_member_editor (f->ui->editor);
  const char *message;
  gint64 other_id;

  other_id =
    bf_test_save_household (f->store, g_ascii_strtoll (village, NULL, 10), "孙大娘", taken, 0, 0);
  other = bf_store_household_get (f->store, other_id, NULL);

  bf_households_page_new_household (f->ui->page);
  bf_test_form_set (household_form (f), "village", village);
  g_assert_false (bf_test_add_member (f->ui, "孙大娘", taken, "head"));
  message = bf_form_get_error (member_form (f), "id_number");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, other->number));

  /* The button opens the other household, asking first about what was typed here. */
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (member_editor), "member.open-duplicate", NULL));
  bf_test_flush ();
  bf_test_answer_dialog ("discard");
  g_assert_true (bf_households_page_get_editing (f->ui->page));
  g_assert_cmpint (bf_household_editor_get_household_id (f->ui->editor), ==, other_id);
  g_assert_cmpstr (bf_form_get (household_form (f), "number"), ==, other->number);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autofree char *village = bf_test_village_id (f->store, "村1");
  gint64 v = g_ascii_strtoll (village, NULL, 10);
  const char *names[] = { "张三", "张三丰", "李四", "王五", "张小三", "赵六" };
  g_autofree char *target_id = NULL;
  g_autoptr (GPtrArray) heads = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = bf_test_id_number ("19600101", 101 + 2 * i);

      if (i == 3)
        target_id = g_strdup (id);
      bf_test_save_household (f->store, v, names[i], id, 1, 201 + 2 * i);
    }
  bf_household_list_model_refresh (bf_households_page_get_model (f->ui->page));
  bf_test_page_wait_idle (f->ui);
  g_assert_cmpuint (
    g_list_model_get_n_items (G_LIST_MODEL (bf_households_page_get_model (f->ui->page))), ==, 6);

  /* A name of two characters: every household with it, nothing else. */
  bf_test_page_search (f->ui, "张三");
  heads = bf_test_page_heads (f->ui);
  g_assert_cmpuint (heads->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (heads, "张三", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (heads, "张三丰", g_str_equal, NULL));
  g_assert_cmpstr (_bf_households_page_get_count_text (f->ui->page), ==, "2 of 6 households");
  g_clear_pointer (&heads, g_ptr_array_unref);

  /* The last six digits of an ID number. */
  bf_test_page_search (f->ui, target_id + 12);
  heads = bf_test_page_heads (f->ui);
  g_assert_cmpuint (heads->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (heads, 0), ==, "王五");
  g_clear_pointer (&heads, g_ptr_array_unref);

  /* Nobody: the page says so and offers to clear. */
  bf_test_page_search (f->ui, "不存在的人");
  g_assert_cmpuint (
    g_list_model_get_n_items (G_LIST_MODEL (bf_households_page_get_model (f->ui->page))), ==, 0);
  g_assert_cmpstr (_bf_households_page_get_content (f->ui->page), ==, "no-match");
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (f->ui->page), "households.clear-filters", NULL));
  bf_test_page_wait_idle (f->ui);
  g_assert_cmpuint (
    g_list_model_get_n_items (G_LIST_MODEL (bf_households_page_get_model (f->ui->page))), ==, 6);

  /* Sorting by a column header happens in SQL: head of household, descending. */
  gtk_column_view_sort_by_column (
    _bf_households_page_get_column_view (f->ui->page),
    _bf_households_page_get_column (f->ui->page, BF_HOUSEHOLD_SORT_HEAD), GTK_SORT_DESCENDING);
  bf_test_page_wait_idle (f->ui);
  g_assert_cmpint (
    bf_household_list_model_get_query (bf_households_page_get_model (f->ui->page))->sort, ==,
    BF_HOUSEHOLD_SORT_HEAD);
  g_assert_true (
    bf_household_list_model_get_query (bf_households_page_get_model (f->ui->page))->descending);
  /* In pinyin order, as the store's sort keys give it. */
  heads = bf_test_page_heads (f->ui);
  g_assert_cmpuint (heads->len, ==, 6);
  for (guint i = 1; i < heads->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT bf_name_key('%s') >= bf_name_key('%s')",
                                              (char *) g_ptr_array_index (heads, i - 1),
                                              (char *) g_ptr_array_index (heads, i));

      g_assert_cmpint (bf_test_query_int (f->ui->store, sql), ==, 1);
    }
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autofree char *v1 = bf_test_village_id (f->store, "村1");
  g_autofree char *v2 = bf_test_village_id (f->store, "村2");
  GtkDropDown *village_filter = _bf_households_page_get_filter (f->ui->page, "village");
  const char *const *values;
  g_autoptr (GPtrArray) heads = NULL;
  const char *names[] = { "甲", "乙", "丙" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = bf_test_id_number ("19500101", 301 + 2 * i);

      bf_test_save_household (f->store, g_ascii_strtoll (i == 0 ? v1 : v2, NULL, 10), names[i], id,
                              0, 0);
    }
  bf_household_list_model_refresh (bf_households_page_get_model (f->ui->page));
  bf_test_page_wait_idle (f->ui);

  values = _bf_households_page_get_filter_values (f->ui->page, "village");
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], v2) == 0)
      gtk_drop_down_set_selected (village_filter, i);
  bf_test_page_wait_idle (f->ui);
  heads = bf_test_page_heads (f->ui);
  g_assert_cmpuint (heads->len, ==, 2);
  g_assert_cmpstr (_bf_households_page_get_count_text (f->ui->page), ==, "2 of 3 households");
  /* The groups of that village are offered now. */
  g_assert_true (
    gtk_widget_get_sensitive (GTK_WIDGET (_bf_households_page_get_filter (f->ui->page, "group"))));
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (BfHousehold) deleted = NULL;
  g_autoptr (BfHousehold) restored = NULL;
  gint64 id = create_three_member_household (f, "周末", 61);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.delete", NULL));
  bf_test_flush ();
  g_assert_false (bf_households_page_get_editing (f->ui->page));
  deleted = bf_store_household_get (f->store, id, NULL);
  g_assert_nonnull (deleted->deleted_at);
  bf_test_page_wait_idle (f->ui);
  g_assert_cmpuint (
    g_list_model_get_n_items (G_LIST_MODEL (bf_households_page_get_model (f->ui->page))), ==, 0);

  /* What the toast's Undo button activates. */
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (f->ui->page), "households.undo-delete", "x", id));
  bf_test_page_wait_idle (f->ui);
  restored = bf_store_household_get (f->store, id, NULL);
  g_assert_null (restored->deleted_at);
  g_assert_cmpuint (
    g_list_model_get_n_items (G_LIST_MODEL (bf_households_page_get_model (f->ui->page))), ==, 1);
}

static void
test_leaving_asks (Fixture *f, gconstpointer data)
{
  gint64 id = create_three_member_household (f, "吴用", 71);
  g_autoptr (BfHousehold) saved = NULL;

  bf_test_form_set (household_form (f), "address", "新地址");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.back", NULL));
  bf_test_flush ();
  /* Cancel stays; Save saves and leaves. */
  bf_test_answer_dialog ("cancel");
  g_assert_true (bf_households_page_get_editing (f->ui->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.back", NULL));
  bf_test_flush ();
  bf_test_answer_dialog ("save");
  g_assert_false (bf_households_page_get_editing (f->ui->page));
  saved = bf_store_household_get (f->store, id, NULL);
  g_assert_cmpstr (saved->address, ==, "新地址");
}

static void
test_income_levels (Fixture *f, gconstpointer data)
{
  g_autofree char *village = bf_test_village_id (f->store, "村1");
  g_autofree char *id = bf_test_id_number ("19550505", 81);
  const char *summary;

  bf_households_page_new_household (f->ui->page);
  bf_test_form_set (household_form (f), "village", village);
  g_assert_true (bf_test_add_member (f->ui, "郑一", id, "head"));

  /* Lines: 4,000 poverty, 6,000 monitoring (near: up to 9,000). */
  bf_test_form_set (household_form (f), "wage", "3000");
  summary = bf_household_editor_get_income_summary (f->ui->editor);
  g_assert_nonnull (strstr (summary, "3,000.00"));
  bf_test_form_set (household_form (f), "wage", "20000");
  g_assert_nonnull (strstr (bf_household_editor_get_income_summary (f->ui->editor), "20,000.00"));
  /* Above the lines is a warning, not an error: saving goes ahead. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ui->editor), "household.save", NULL));
  bf_test_flush ();
  g_assert_cmpstr (bf_household_editor_get_problem (f->ui->editor), ==, NULL);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 1);
}

static gboolean
register_shown (gpointer window)
{
  return g_strcmp0 (bf_test_main_page (window), "register") == 0;
}

/* The welcome page's third choice makes a separate demo register of 1,000 households and opens
 * it; the next time it just opens it. */
static void
test_demo_township (void)
{
  g_autofree char *path = bf_demo_path ();
  BfApplication *app;
  BfWindow *window;
  BfHouseholdsPage *page;
  BfHouseholdQuery all = { 0 };

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  bf_test_settings_reset ();
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  g_assert_cmpstr (bf_test_main_page (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.try-demo", NULL));
  bf_test_wait (register_shown, window);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (bf_store_get_path (bf_window_get_store (window)), ==, path);
  g_assert_cmpint (bf_store_household_count (bf_window_get_store (window), &all, NULL), ==,
                   BF_DEMO_HOUSEHOLDS);
  page = bf_test_child (window, BF_TYPE_WINDOW, "households_page");
  {
    BfTestPage ui = { GTK_WINDOW (window), page, bf_households_page_get_editor (page),
                      bf_window_get_store (window) };

    bf_test_page_wait_idle (&ui);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bf_households_page_get_model (page))),
                    ==, BF_DEMO_HOUSEHOLDS);
  bf_test_app_stop (app);
}

static gboolean
no_app_windows (gpointer app)
{
  return gtk_application_get_windows (app) == NULL;
}

/* Closing the window with a household half typed asks first; Cancel keeps it open. */
static void
test_close_asks (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = bf_test_register_new (dir);
  BfApplication *app;
  BfWindow *window;
  BfHouseholdsPage *page;
  BfForm *form;

  bf_test_settings_reset ();
  g_settings_set_string (bf_test_settings (), "last-file", path);
  app = bf_test_app_start ();
  window = bf_test_app_window (app);
  bf_test_wait_opened (window);
  page = bf_test_child (window, BF_TYPE_WINDOW, "households_page");
  bf_households_page_new_household (page);
  form = bf_household_editor_get_form (bf_households_page_get_editor (page));
  bf_test_form_set (form, "address", "半路上");

  gtk_window_close (GTK_WINDOW (window));
  bf_test_flush ();
  bf_test_answer_dialog ("cancel");
  g_assert_nonnull (bf_test_app_window (app));
  g_assert_cmpstr (bf_form_get (form, "address"), ==, "半路上");

  gtk_window_close (GTK_WINDOW (window));
  bf_test_flush ();
  bf_test_answer_dialog ("discard");
  bf_test_wait (no_app_windows, app);
  g_object_unref (app);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;

  /* The demo register goes to the user's data folder: a fresh one, before GLib reads it. */
  data_home = g_dir_make_tmp ("bangfu-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!bf_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/households/create-three-members", test_create_household);
  ADD ("/households/edit-and-reopen", test_edit_and_reopen);
  ADD ("/households/invalid-id-blocks-saving", test_invalid_id_blocks_saving);
  ADD ("/households/missing-head", test_missing_head);
  ADD ("/households/duplicate-person", test_duplicate_person);
  ADD ("/households/search", test_search);
  ADD ("/households/filters", test_filters);
  ADD ("/households/delete-and-undo", test_delete_and_undo);
  ADD ("/households/leaving-asks", test_leaving_asks);
  ADD ("/households/income-levels", test_income_levels);
#undef ADD
  g_test_add_func ("/households/demo-township", test_demo_township);
  g_test_add_func ("/households/close-asks", test_close_asks);
  {
    int status = g_test_run ();

    bf_test_tmpdir_free (g_steal_pointer (&data_home));
    return status;
  }
}
