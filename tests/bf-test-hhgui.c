/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-test-gui.h"
#include "bf-test-hhgui.h"
#include "bf-test-store.h"

BfTestPage *
bf_test_page_new (BfStore *store)
{
  BfTestPage *fixture = g_new0 (BfTestPage, 1);

  fixture->store = g_object_ref (store);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 800);
  fixture->page = BF_HOUSEHOLDS_PAGE (bf_households_page_new ());
  fixture->editor = bf_households_page_get_editor (fixture->page);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  bf_households_page_set_store (fixture->page, store);
  bf_test_page_wait_idle (fixture);
  return fixture;
}

void
bf_test_page_free (BfTestPage *fixture)
{
  gtk_window_destroy (fixture->window);
  bf_test_flush ();
  g_object_unref (fixture->store);
  g_free (fixture);
}

static gboolean
model_idle (gpointer data)
{
  BfTestPage *fixture = data;
  BfHouseholdListModel *model = bf_households_page_get_model (fixture->page);

  return model != NULL && !bf_household_list_model_get_busy (model) &&
         bf_household_list_model_get_total (model) >= 0;
}

void
bf_test_page_wait_idle (BfTestPage *fixture)
{
  bf_test_flush ();
  bf_test_wait (model_idle, fixture);
  bf_test_flush ();
}

typedef struct
{
  BfTestPage *fixture;
  const char *text;
} SearchWait;

static gboolean
searched (gpointer data)
{
  SearchWait *wait = data;
  BfHouseholdListModel *model = bf_households_page_get_model (wait->fixture->page);
  const BfHouseholdQuery *query = bf_household_list_model_get_query (model);

  return g_strcmp0 (query->text, *wait->text != '\0' ? wait->text : NULL) == 0 &&
         model_idle (wait->fixture);
}

void
bf_test_page_search (BfTestPage *fixture, const char *text)
{
  SearchWait wait = { fixture, text };

  gtk_editable_set_text (GTK_EDITABLE (_bf_households_page_get_search_entry (fixture->page)), text);
  bf_test_wait (searched, &wait);
  bf_test_flush ();
}

static gboolean
items_loaded (gpointer data)
{
  GPtrArray *items = data;

  for (guint i = 0; i < items->len; i++)
    if (!bf_household_item_get_loaded (g_ptr_array_index (items, i)))
      return FALSE;
  return TRUE;
}

GPtrArray *
bf_test_page_heads (BfTestPage *fixture)
{
  GListModel *model = G_LIST_MODEL (bf_households_page_get_model (fixture->page));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *heads = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  bf_test_wait (items_loaded, items);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (heads,
                     g_strdup (bf_household_item_get_head_name (g_ptr_array_index (items, i))));
  return heads;
}

void
bf_test_form_set (BfForm *form, const char *key, const char *value)
{
  GtkWidget *widget = bf_form_get_widget (form, key);

  g_assert_nonnull (widget);
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), value);
  else
    bf_form_set (form, key, value);
  g_assert_cmpstr (bf_form_get (form, key), ==, value);
}

gboolean
bf_test_add_member (BfTestPage *fixture,
                    const char *name,
                    const char *id_number,
                    const char *relation)
{
  BfMemberEditor *member_editor = bf_household_editor_get_member_editor (fixture->editor);
  BfForm *form = bf_member_editor_get_form (member_editor);
  guint before = bf_household_editor_get_n_members (fixture->editor);

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "household.add-member", NULL));
  bf_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (member_editor)));
  bf_test_form_set (form, "name", name);
  bf_test_form_set (form, "id_number", id_number);
  if (relation != NULL)
    bf_test_form_set (form, "relation", relation);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (member_editor), "member.done", NULL));
  bf_test_flush ();
  return bf_household_editor_get_n_members (fixture->editor) == before + 1;
}

char *
bf_test_village_id (BfStore *store, const char *name)
{
  g_autoptr (GPtrArray) villages = bf_store_list_villages (store, NULL);

  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      BfVillage *village = g_ptr_array_index (villages, i);
      if (g_strcmp0 (village->name, name) == 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT, village->id);
    }
  g_assert_not_reached ();
}

AdwMessageDialog *
bf_test_find_dialog (void)
{
  return (AdwMessageDialog *) bf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static void
mark_destroyed (gboolean *destroyed)
{
  *destroyed = TRUE;
}

void
bf_test_answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = bf_test_find_dialog ();
  gboolean destroyed = FALSE;

  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (mark_destroyed), &destroyed);
  adw_message_dialog_response (dialog, response);
  /* The answer may have closed its parent window, and the dialog with it. */
  if (!destroyed)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  bf_test_flush ();
}

static BfMember *
member (const char *name, const char *relation, const char *id_number)
{
  BfMember *m = bf_member_new ();

  m->name = g_strdup (name);
  m->relation = g_strdup (relation);
  m->id_number = g_strdup (id_number);
  return m;
}

gint64
bf_test_save_household (BfStore *store,
                        gint64 village_id,
                        const char *head_name,
                        const char *head_id,
                        guint n_others,
                        guint first_sequence)
{
  g_autoptr (BfHousehold) household = bf_household_new ();
  g_autoptr (GError) error = NULL;

  household->village_id = village_id;
  household->number = bf_store_household_next_number (store, village_id, &error);
  g_assert_no_error (error);
  g_ptr_array_add (household->members, member (head_name, "head", head_id));
  for (guint i = 0; i < n_others; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s之子%u", head_name, i + 1);
      g_autofree char *id = bf_test_id_number ("20050101", first_sequence + 2 * i);

      g_ptr_array_add (household->members, member (name, "son", id));
    }
  g_assert_true (bf_store_household_save (store, household, &error));
  g_assert_no_error (error);
  return household->id;
}
