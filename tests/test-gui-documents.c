/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing household documents from the window: Print… in the household form and on the
 * Households page (the selection, a whole village), through GtkPrintOperation exported to a PDF
 * that pdftotext reads back; Cancel while reading and while laying out; the card.income row of
 * Preferences without a register. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bf-documents-group.h"
#include "bf-households-page.h"
#include "bf-preferences-window.h"
#include "bf-print-window.h"
#include "bf-store-demo.h"
#include "bf-store-documents.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-test-gui.h"
#include "bf-test-pdf.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfApplication *app;
  BfWindow *window;
  BfStore *store; /* the window's */
  BfHouseholdsPage *page;
  gint64 village_id; /* the first demo village */
  gint64 empty_village_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  g_autofree char *path = NULL;
  GtkStack *stack;

  f->dir = bf_test_tmpdir_new ();
  path = g_build_filename (f->dir, "石门乡.bangfu", NULL);
  store = bf_store_demo_create (path, 2, "测试员", &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_demo_generate (store, 240, 5, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->empty_village_id = bf_store_village_add (store, "新建村", 2, &error);
  g_assert_no_error (error);
  villages = bf_store_list_villages (store, &error);
  g_assert_no_error (error);
  f->village_id = ((BfVillage *) g_ptr_array_index (villages, 0))->id;
  g_assert_true (bf_store_close (store, &error));

  bf_test_settings_reset ();
  f->app = bf_test_app_start ();
  f->window = bf_test_app_window (f->app);
  file = g_file_new_for_path (path);
  bf_window_open_file (f->window, file);
  bf_test_wait_opened (f->window);
  f->store = bf_window_get_store (f->window);
  g_assert_nonnull (f->store);
  bf_window_show_page (f->window, "households");
  stack = bf_test_child (f->window, BF_TYPE_WINDOW, "content_stack");
  f->page = BF_HOUSEHOLDS_PAGE (gtk_stack_get_child_by_name (stack, "households"));
  bf_test_flush ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GtkWindow *print = bf_test_find_toplevel (BF_TYPE_PRINT_WINDOW);

  if (print != NULL)
    gtk_window_destroy (print);
  if (f->app != NULL)
    bf_test_app_stop (f->app);
  bf_test_tmpdir_free (f->dir);
}

static gboolean
list_ready (gpointer data)
{
  BfHouseholdListModel *model = bf_households_page_get_model (data);

  return model != NULL && !bf_household_list_model_get_busy (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static gboolean
print_window_gone_or_idle (gpointer data)
{
  BfPrintWindow **window = data;

  return *window == NULL || !bf_print_window_get_busy (*window);
}

/* The print window on screen, watched: *@slot turns NULL when it closes. */
static BfPrintWindow *
find_print_window (BfPrintWindow **slot)
{
  GtkWindow *window;

  bf_test_flush ();
  window = bf_test_find_toplevel (BF_TYPE_PRINT_WINDOW);
  g_assert_nonnull (window);
  *slot = BF_PRINT_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) slot);
  return *slot;
}

static void
wait_done (BfPrintWindow **slot)
{
  bf_test_wait (print_window_gone_or_idle, slot);
}

static gint64
first_id (GArray *ids, guint i)
{
  g_assert_cmpuint (ids->len, >, i);
  return g_array_index (ids, gint64, i);
}

static char *
number_of (Fixture *f, gint64 id)
{
  g_autoptr (BfHousehold) household = bf_store_household_get (f->store, id, NULL);

  g_assert_nonnull (household);
  return g_strdup (household->number);
}

static void
test_household_form (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) assisted =
    bf_store_village_household_ids (f->store, f->village_id, TRUE, NULL);
  gint64 id = first_id (assisted, 0);
  g_autofree char *number = number_of (f, id);
  g_autofree char *pdf = g_build_filename (f->dir, "card.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr (BfHousehold) household = bf_store_household_get (f->store, id, NULL);
  BfHouseholdEditor *editor = bf_households_page_get_editor (f->page);
  BfPrintWindow *print = NULL;
  AdwComboRow *paper_row;
  GtkWidget *year_row;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-household", "x", id);
  bf_test_flush ();
  g_assert_true (bf_households_page_get_editing (f->page));
  gtk_widget_activate_action (GTK_WIDGET (editor), "household.print", NULL);
  find_print_window (&print);

  /* One household: no choice of households, its number and head named. */
  g_assert_false (
    gtk_widget_get_visible (bf_test_child (print, BF_TYPE_PRINT_WINDOW, "households_row")));
  g_assert_true (
    gtk_widget_get_visible (bf_test_child (print, BF_TYPE_PRINT_WINDOW, "household_row")));
  g_assert_nonnull (strstr (
    adw_action_row_get_subtitle (bf_test_child (print, BF_TYPE_PRINT_WINDOW, "household_row")),
    number));

  /* The form prints on A4 only and has no plan year; the card has both choices. */
  paper_row = bf_test_child (print, BF_TYPE_PRINT_WINDOW, "paper_row");
  year_row = bf_test_child (print, BF_TYPE_PRINT_WINDOW, "year_row");
  bf_print_window_choose (print, BF_DOCUMENT_FORM, BF_PAPER_A5, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (paper_row), ==, BF_PAPER_A4);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (paper_row)));
  g_assert_false (gtk_widget_get_visible (year_row));
  bf_print_window_choose (print, BF_DOCUMENT_CARD, BF_PAPER_A4, 0);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (paper_row)));
  g_assert_true (gtk_widget_get_visible (year_row));

  bf_print_window_export (print, pdf);
  g_assert_true (bf_print_window_get_busy (print));
  wait_done (&print);
  /* Printed: the window closed itself. */
  g_assert_null (print);
  text = bf_test_pdf_text (pdf, 0, FALSE);
  squeezed = bf_test_squeeze (text);
  g_assert_nonnull (strstr (squeezed, "帮扶明白卡"));
  g_assert_nonnull (strstr (squeezed, number));
  g_assert_nonnull (strstr (squeezed, bf_household_get_head (household)->name));
  bf_test_assert_no_id_number (squeezed);
  g_assert_cmpuint (bf_test_pdf_n_pages (pdf), >=, 1);
}

static void
test_dirty_form_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) all = bf_store_village_household_ids (f->store, f->village_id, FALSE, NULL);
  BfHouseholdEditor *editor = bf_households_page_get_editor (f->page);
  GtkWidget *address;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-household", "x", first_id (all, 0));
  bf_test_flush ();
  address = bf_form_get_widget (bf_household_editor_get_form (editor), "address");
  gtk_editable_set_text (GTK_EDITABLE (address), "改过的地址");
  bf_test_flush ();
  g_assert_true (bf_household_editor_get_dirty (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "household.print", NULL);
  bf_test_flush ();
  /* What is typed would not be on the paper: no print window until it is saved. */
  g_assert_null (bf_test_find_toplevel (BF_TYPE_PRINT_WINDOW));
  bf_household_editor_discard (editor);
}

static void
test_selection_forms (Fixture *f, gconstpointer data)
{
  BfHouseholdListModel *model;
  g_autoptr (GArray) selected = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "forms.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  AdwComboRow *households_row;
  BfPrintWindow *print = NULL;
  const char *last = NULL;

  bf_test_wait (list_ready, f->page);
  model = bf_households_page_get_model (f->page);
  for (guint i = 0; i < 3; i++)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i * 5, FALSE);
  selected = bf_household_list_model_get_selected_ids (model);
  g_assert_cmpuint (selected->len, ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "households.print", NULL);
  find_print_window (&print);
  /* The selection first, then every village. */
  households_row = bf_test_child (print, BF_TYPE_PRINT_WINDOW, "households_row");
  g_assert_cmpuint (adw_combo_row_get_selected (households_row), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (households_row)), ==, 4);
  g_assert_cmpstr (
    gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (households_row)), 0), ==,
    "3 selected households");

  bf_print_window_choose (print, BF_DOCUMENT_FORM, BF_PAPER_A4, 0);
  bf_print_window_export (print, pdf);
  wait_done (&print);
  g_assert_null (print);

  /* Each form in full (ID numbers too), one after another in the list's order. */
  text = bf_test_pdf_text (pdf, 0, FALSE);
  squeezed = bf_test_squeeze (text);
  g_assert_cmpuint (bf_test_count (squeezed, "贫困户登记表"), >=, 3);
  for (guint i = 0; i < selected->len; i++)
    {
      g_autofree char *number = number_of (f, g_array_index (selected, gint64, i));
      g_autoptr (BfHousehold) household =
        bf_store_household_get (f->store, g_array_index (selected, gint64, i), NULL);
      const char *at = strstr (squeezed, number);

      g_assert_nonnull (at);
      g_assert_true (last == NULL || at > last);
      last = at;
      g_assert_nonnull (strstr (squeezed, bf_household_get_head (household)->id_number));
    }
}

static void
test_village_cards (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) assisted =
    bf_store_village_household_ids (f->store, f->village_id, TRUE, NULL);
  g_autoptr (GArray) all = bf_store_village_household_ids (f->store, f->village_id, FALSE, NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "village.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *info = NULL;
  BfPrintWindow *print = NULL;
  guint n_absent = 0;

  g_assert_cmpuint (assisted->len, >, 1);
  g_assert_cmpuint (assisted->len, <, all->len);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "households.print", NULL);
  find_print_window (&print);
  /* Nothing selected: the villages only. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (
                      bf_test_child (print, BF_TYPE_PRINT_WINDOW, "households_row"))),
                    ==, 3);
  bf_print_window_choose (print, BF_DOCUMENT_CARD, BF_PAPER_A4_TWO_A5, f->village_id);
  bf_print_window_export (print, pdf);
  wait_done (&print);
  g_assert_null (print);

  /* Every household under assistance has its card; the others have none. Two to a landscape
   * A4 sheet. */
  text = bf_test_pdf_text (pdf, 0, FALSE);
  squeezed = bf_test_squeeze (text);
  g_assert_cmpuint (bf_test_count (squeezed, "帮扶明白卡"), >=, assisted->len);
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *number = number_of (f, g_array_index (all, gint64, i));
      gboolean is_assisted = FALSE;

      for (guint j = 0; j < assisted->len; j++)
        is_assisted |= g_array_index (assisted, gint64, j) == g_array_index (all, gint64, i);
      if (is_assisted)
        g_assert_nonnull (strstr (squeezed, number));
      else if (strstr (squeezed, number) == NULL)
        n_absent++;
    }
  g_assert_cmpuint (n_absent, ==, all->len - assisted->len);
  g_assert_cmpuint (bf_test_pdf_n_pages (pdf), <, assisted->len);
  info = bf_test_pdf_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "841.89 x 595.27"));
}

/* Presses Cancel once the pages are being laid out or drawn. An export runs them in a main loop
 * of GTK's own, which dispatches this source too (as it does the window's events). */
static gboolean
cancel_when_printing (gpointer data)
{
  BfPrintWindow *print = data;
  const char *status = bf_print_window_get_status (print);

  if (status == NULL ||
      !(g_str_has_prefix (status, "Laying out") || g_str_has_prefix (status, "Printing sheet")))
    return G_SOURCE_CONTINUE;
  gtk_widget_activate_action (GTK_WIDGET (print), "print.cancel", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "cancelled.pdf", NULL);
  BfPrintWindow *print = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "households.print", NULL);
  find_print_window (&print);
  bf_print_window_choose (print, BF_DOCUMENT_FORM, BF_PAPER_A4, f->village_id);

  /* While reading. */
  bf_print_window_export (print, pdf);
  g_assert_true (bf_print_window_get_busy (print));
  gtk_widget_activate_action (GTK_WIDGET (print), "print.cancel", NULL);
  wait_done (&print);
  g_assert_nonnull (print);
  g_assert_cmpstr (bf_print_window_get_status (print), ==, "Cancelled: nothing was printed.");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* While laying out or drawing the pages: what was written goes too. */
  g_timeout_add_full (G_PRIORITY_HIGH, 1, cancel_when_printing, g_object_ref (print),
                      g_object_unref);
  bf_print_window_export (print, pdf);
  wait_done (&print);
  g_assert_nonnull (print);
  g_assert_cmpstr (bf_print_window_get_status (print), ==, "Cancelled: nothing was printed.");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Cancel again closes the window. */
  gtk_widget_activate_action (GTK_WIDGET (print), "print.cancel", NULL);
  bf_test_flush ();
  g_assert_null (print);
}

static void
test_preferences_without_register (void)
{
  BfDocumentsGroup *group = BF_DOCUMENTS_GROUP (bf_documents_group_new ());
  AdwComboRow *row = bf_test_child (group, BF_TYPE_DOCUMENTS_GROUP, "income_row");

  g_object_ref_sink (group);
  /* Nothing to set without a register, and the row says so. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Open a register to choose");
  g_object_unref (group);
}

int
main (int argc, char **argv)
{
  if (!bf_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/documents/household-form", test_household_form);
  ADD ("/documents/dirty-form-refuses", test_dirty_form_refuses);
  ADD ("/documents/selection-forms", test_selection_forms);
  ADD ("/documents/village-cards", test_village_cards);
  ADD ("/documents/cancel", test_cancel);
#undef ADD
  g_test_add_func ("/documents/preferences-without-register", test_preferences_without_register);
  return g_test_run ();
}
