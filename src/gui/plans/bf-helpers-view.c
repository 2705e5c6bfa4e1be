/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-gui-read.h"
#include "bf-gui-util.h"
#include "bf-helpers-view.h"
#include "bf-household-rules.h"
#include "bf-plans-util.h"
#include "bf-visit-form.h"

#define LAST_VISITS 20

static const BfFieldSpec helper_fields[] = {
  { "name", BF_FIELD_TEXT, N_ ("Name") },
  { "unit", BF_FIELD_TEXT, N_ ("Unit") },
  { "level", BF_FIELD_CODES, N_ ("Level"), BF_CODES_HELPER_LEVEL, N_ ("Not set") },
  { "position", BF_FIELD_TEXT, N_ ("Position") },
  { "phone", BF_FIELD_PHONE, N_ ("Phone") },
};

struct _BfHelpersView
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkCheckButton *retired_check;
  GtkListView *list_view;
  GtkLabel *count_label;
  GtkSpinner *spinner;
  GtkLabel *helper_title;
  GtkWidget *retire_button;
  AdwPreferencesPage *helper_page;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *households_group;
  AdwPreferencesGroup *measures_group;
  AdwPreferencesGroup *visits_group;

  BfStore *store;
  BfForm *form;
  GListStore *helpers;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  BfHelper *helper;               /* the page's helper (id 0: new) */
  GPtrArray *page_rows;           /* (group, row) pairs added to the page */
  GCancellable *load_cancellable; /* the list's read under way, NULL when none */
};

G_DEFINE_FINAL_TYPE (BfHelpersView, bf_helpers_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

/* {{{ The list */

static gboolean
filter_cb (gpointer item, gpointer data)
{
  BfHelpersView *self = data;
  const BfHelper *h = bf_record_item_get (item);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;

  if (text[0] == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (h->name, -1);
  unit = h->unit != NULL ? g_utf8_casefold (h->unit, -1) : NULL;
  return strstr (name, needle) != NULL || (unit != NULL && strstr (unit, needle) != NULL);
}

static void
update_count (BfHelpersView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = g_strdup_printf (ngettext ("%u helper", "%u helpers", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
search_changed_cb (BfHelpersView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkFilter *filter = text[0] != '\0' ? GTK_FILTER (self->filter) : NULL;

  /* Without a search, no filter: filling the list then calls nothing per helper. */
  if (filter != NULL && gtk_filter_list_model_get_filter (self->filtered) == filter)
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  else
    gtk_filter_list_model_set_filter (self->filtered, filter);
  update_count (self);
}

/* The list's read: every helper with their counts takes a few hundred milliseconds on a large
 * register (17,000 helpers for 100,000 households), so it runs in a thread on its own read-only
 * connection and the window stays responsive. */
static gpointer
load_helpers (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  gboolean include_retired = GPOINTER_TO_INT (data);
  g_autoptr (GPtrArray) helpers = NULL;
  GPtrArray *items;

  helpers = bf_store_helper_list (reader, include_retired, error);
  if (helpers == NULL)
    return NULL;
  /* The items are made here too: 17,000 objects are a noticeable part of the work. */
  items = g_ptr_array_new_full (helpers->len, g_object_unref);
  g_ptr_array_set_free_func (helpers, NULL);
  for (guint i = 0; i < helpers->len; i++)
    g_ptr_array_add (
      items, bf_record_item_new (g_ptr_array_index (helpers, i), (GDestroyNotify) bf_helper_free));
  return items;
}

static void
set_loading (BfHelpersView *self, gboolean loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

/* Replaces the list in one change, so that the filter and the view update once. */
static void
fill_list (BfHelpersView *self, GPtrArray *items)
{
  bf_gui_list_store_replace (self->helpers, items);
  update_count (self);
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  BfHelpersView *self = BF_HELPERS_VIEW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = bf_gui_read_finish (result, &error);

  /* A newer read, or the view going away, cancelled this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  fill_list (self, items);
  if (items == NULL)
    gtk_label_set_text (self->count_label, error->message);
  set_loading (self, FALSE);
}

void
bf_helpers_view_reload (BfHelpersView *self)
{
  g_return_if_fail (BF_IS_HELPERS_VIEW (self));

  bf_gui_read_cancel (&self->load_cancellable);
  if (self->store == NULL)
    {
      fill_list (self, NULL);
      set_loading (self, FALSE);
      return;
    }
  bf_gui_read_async (self, self->store, &self->load_cancellable, load_helpers,
                     GINT_TO_POINTER (gtk_check_button_get_active (self->retired_check)), NULL,
                     (GDestroyNotify) g_ptr_array_unref, load_done_cb, NULL);
  /* The old list stays until the new one is read, without flickering to empty. */
  gtk_label_set_text (self->count_label, _ ("Loading…"));
  set_loading (self, TRUE);
}

gboolean
bf_helpers_view_get_loading (BfHelpersView *self)
{
  g_return_val_if_fail (BF_IS_HELPERS_VIEW (self), FALSE);
  return self->load_cancellable != NULL;
}

static void
list_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  const BfHelper *h = bf_record_item_get (gtk_list_item_get_item (item));
  const char *level = bf_code_label (BF_CODES_HELPER_LEVEL, h->level);
  g_autofree char *counts = g_strdup_printf (
    /* TRANSLATORS: a helper's load: "5 households, 3 open measures" */
    _ ("%u households, %u open measures"), h->n_households, h->n_open_measures);
  g_autofree char *text = NULL;

  if (h->retired_on != NULL)
    /* TRANSLATORS: a retired helper's name in the list */
    text = g_strdup_printf (_ ("%s (retired %s)"), h->name, h->retired_on);
  gtk_label_set_text (GTK_LABEL (name), text != NULL ? text : h->name);
  g_clear_pointer (&text, g_free);
  text =
    g_strdup_printf ("%s%s%s%s%s", h->unit != NULL ? h->unit : "", h->unit != NULL ? " · " : "",
                     level != NULL ? level : "", level != NULL ? " · " : "", counts);
  gtk_label_set_text (GTK_LABEL (detail), text);
}

static void
list_activate_cb (GtkListView *view, guint position, BfHelpersView *self)
{
  g_autoptr (BfRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    bf_helpers_view_show_helper (self, ((BfHelper *) bf_record_item_get (item))->id);
}

/* }}} */
/* {{{ A helper's page */

static void
add_page_row (BfHelpersView *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->page_rows, group);
  g_ptr_array_add (self->page_rows, row);
}

static void
clear_page_rows (BfHelpersView *self)
{
  for (guint i = 0; i + 1 < self->page_rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->page_rows, i),
                                  g_ptr_array_index (self->page_rows, i + 1));
  g_ptr_array_set_size (self->page_rows, 0);
}

static GtkWidget *
page_row (const char *title, const char *subtitle, gint64 household)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (household != 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "household", g_memdup2 (&household, sizeof household),
                              g_free);
      gtk_widget_set_tooltip_text (row, _ ("Open the household"));
    }
  return row;
}

static void
page_row_activated_cb (AdwActionRow *row, BfHelpersView *self)
{
  gint64 *household = g_object_get_data (G_OBJECT (row), "household");

  if (household != NULL)
    bf_plans_open_household (GTK_WIDGET (self), *household);
}

static void
visit_saved_cb (BfHelpersView *self)
{
  if (self->helper != NULL)
    bf_helpers_view_show_helper (self, self->helper->id);
}

static void
record_visit_cb (GtkButton *button, BfHelpersView *self)
{
  gint64 *household = g_object_get_data (G_OBJECT (button), "household");
  const char *title = g_object_get_data (G_OBJECT (button), "title");
  BfVisitForm *form = bf_visit_form_present (GTK_WIDGET (self), self->store, *household, title,
                                             NULL, self->helper->id);

  g_signal_connect_object (form, "saved", G_CALLBACK (visit_saved_cb), self, G_CONNECT_SWAPPED);
}

static void
fill_households (BfHelpersView *self)
{
  g_autoptr (GPtrArray) lines = bf_store_helper_households (self->store, self->helper->id, NULL);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      const BfHouseholdLine *line = g_ptr_array_index (lines, i);
      char *title = bf_plans_household_title (line->number, line->head_name, line->village_name);
      g_autofree char *subtitle = line->last_visit_on != NULL
                                    ? g_strdup_printf (_ ("Last visit %s"), line->last_visit_on)
                                    : g_strdup (_ ("Never visited"));
      GtkWidget *row = page_row (title, subtitle, line->id);
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("Record _Visit…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "household",
                              g_memdup2 (&line->id, sizeof line->id), g_free);
      g_object_set_data_full (G_OBJECT (button), "title", title, g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (record_visit_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_signal_connect (row, "activated", G_CALLBACK (page_row_activated_cb), self);
      add_page_row (self, self->households_group, row);
    }
  if (lines == NULL || lines->len == 0)
    add_page_row (self, self->households_group, page_row (_ ("No households"), NULL, 0));
}

static void
fill_measures (BfHelpersView *self)
{
  BfMeasureQuery q = { .helper_id = self->helper->id, .open_only = TRUE };
  g_autoptr (BfListPage) page = bf_store_measure_search (self->store, &q, NULL, 100, NULL);

  for (guint i = 0; page != NULL && i < page->rows->len; i++)
    {
      const BfMeasure *m = g_ptr_array_index (page->rows, i);
      g_autofree char *who =
        bf_plans_household_title (m->household_number, m->head_name, m->village_name);
      g_autofree char *summary = bf_plans_measure_summary (m);
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", who, summary);
      GtkWidget *row = page_row (m->description, subtitle, m->household_id);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      if (m->overdue)
        gtk_widget_add_css_class (row, "bf-overdue");
      g_signal_connect (row, "activated", G_CALLBACK (page_row_activated_cb), self);
      add_page_row (self, self->measures_group, row);
    }
  if (page == NULL || page->rows->len == 0)
    add_page_row (self, self->measures_group, page_row (_ ("No open measures"), NULL, 0));
}

static void
fill_visits (BfHelpersView *self)
{
  BfVisitQuery q = { .helper_id = self->helper->id };
  g_autoptr (BfListPage) page = bf_store_visit_search (self->store, &q, NULL, LAST_VISITS, NULL);

  for (guint i = 0; page != NULL && i < page->rows->len; i++)
    {
      const BfVisit *v = g_ptr_array_index (page->rows, i);
      g_autofree char *title = bf_plans_visit_title (v);
      g_autofree char *who =
        bf_plans_household_title (v->household_number, v->head_name, v->village_name);
      g_autofree char *subtitle = g_strdup_printf (
        "%s\n%s", who, v->problems != NULL ? v->problems : (v->findings ? v->findings : ""));
      GtkWidget *row = page_row (title, subtitle, v->household_id);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      g_signal_connect (row, "activated", G_CALLBACK (page_row_activated_cb), self);
      add_page_row (self, self->visits_group, row);
    }
  if (page == NULL || page->rows->len == 0)
    add_page_row (self, self->visits_group, page_row (_ ("No visits yet"), NULL, 0));
}

void
bf_helpers_view_show_helper (BfHelpersView *self, gint64 id)
{
  g_autoptr (JsonObject) fields = json_object_new ();
  BfHelper *helper = NULL;

  g_return_if_fail (BF_IS_HELPERS_VIEW (self));

  if (self->store == NULL)
    return;
  if (id != 0)
    helper = bf_store_helper_get (self->store, id, NULL);
  if (helper == NULL)
    helper = bf_helper_new ();
  g_clear_pointer (&self->helper, bf_helper_free);
  self->helper = helper;

#define SET(key, value) json_object_set_string_member (fields, key, (value) != NULL ? (value) : "")
  SET ("name", helper->name);
  SET ("unit", helper->unit);
  SET ("level", helper->level);
  SET ("position", helper->position);
  SET ("phone", helper->phone);
#undef SET
  bf_form_clear_messages (self->form);
  bf_form_load (self->form, fields);
  gtk_label_set_text (self->helper_title, helper->id != 0 ? helper->name : _ ("New Helper"));
  gtk_button_set_label (GTK_BUTTON (self->retire_button),
                        helper->retired_on != NULL ? _ ("_Reinstate") : _ ("_Retire…"));
  gtk_widget_set_visible (self->retire_button, helper->id != 0);

  clear_page_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->households_group), helper->id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->measures_group), helper->id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->visits_group), helper->id != 0);
  if (helper->id != 0)
    {
      fill_households (self);
      fill_measures (self);
      fill_visits (self);
    }
  gtk_stack_set_visible_child_name (self->stack, "helper");
  bf_form_scroll_to_top (self->helper_page);
}

gboolean
bf_helpers_view_save (BfHelpersView *self)
{
  g_autoptr (BfHelper) h = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BF_IS_HELPERS_VIEW (self), FALSE);

  if (self->store == NULL || self->helper == NULL)
    return FALSE;
  bf_form_clear_messages (self->form);
  h = bf_helper_copy (self->helper);
  bf_plans_form_take (self->form, "name", &h->name);
  bf_plans_form_take (self->form, "unit", &h->unit);
  bf_plans_form_take (self->form, "level", &h->level);
  bf_plans_form_take (self->form, "position", &h->position);
  bf_plans_form_take (self->form, "phone", &h->phone);
  if (h->name == NULL)
    {
      bf_form_set_error (self->form, "name", _ ("The helper needs a name."));
      return FALSE;
    }
  if (h->phone != NULL && !bf_phone_is_valid (h->phone))
    {
      bf_form_set_error (self->form, "phone", _ ("7 to 20 digits, with spaces or dashes."));
      return FALSE;
    }
  if (!bf_store_helper_save (self->store, h, &error))
    {
      bf_form_set_error (self->form, "name", error->message);
      return FALSE;
    }
  bf_gui_toast (GTK_WIDGET (self), _ ("Helper saved"));
  bf_helpers_view_reload (self);
  bf_helpers_view_show_helper (self, h->id);
  return TRUE;
}

typedef struct
{
  BfHelpersView *self;
  GStrv values;
  GtkDropDown *successor;
} Retire;

static void
retire_free (Retire *retire)
{
  g_strfreev (retire->values);
  g_free (retire);
}

static void
retire_response_cb (AdwMessageDialog *dialog, const char *response, Retire *retire)
{
  BfHelpersView *self = retire->self;
  g_autoptr (GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (retire->successor);
  gint64 successor = selected != GTK_INVALID_LIST_POSITION && retire->values[selected] != NULL
                       ? bf_plans_id_parse (retire->values[selected])
                       : 0;

  if (g_strcmp0 (response, "retire") != 0)
    return;
  if (!bf_store_helper_retire (self->store, self->helper->id, NULL, successor, &error))
    {
      bf_gui_show_error (GTK_WIDGET (self), _ ("Could Not Retire the Helper"), error);
      return;
    }
  bf_gui_toast (GTK_WIDGET (self), _ ("Helper retired"));
  bf_helpers_view_reload (self);
  bf_helpers_view_show_helper (self, self->helper->id);
}

static void
retire (BfHelpersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Retire *data;
  g_auto (GStrv) labels = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->helper->retired_on != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!bf_store_helper_reinstate (self->store, self->helper->id, &error))
        bf_gui_show_error (GTK_WIDGET (self), _ ("Could Not Reinstate the Helper"), error);
      bf_helpers_view_reload (self);
      bf_helpers_view_show_helper (self, self->helper->id);
      return;
    }
  data = g_new0 (Retire, 1);
  data->self = self;
  bf_plans_helper_choices (self->store, _ ("Nobody: supervision lists the households"), 0,
                           &data->values, &labels);
  /* A helper cannot hand over to themselves: their own choice stays, and is refused. */
  data->successor = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const *) labels));
  gtk_drop_down_set_enable_search (data->successor, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->successor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Successor"), -1);
  body = g_strdup_printf (ngettext ("%s has %u household. Who takes it over, with the open "
                                    "measures, from today?",
                                    "%s has %u households. Who takes them over, with the open "
                                    "measures, from today?",
                                    self->helper->n_households),
                          self->helper->name, self->helper->n_households);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Retire the Helper?"), body));
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (data->successor));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "retire", _ ("_Retire"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "retire", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bf-retire", data, (GDestroyNotify) retire_free);
  g_signal_connect (dialog, "response", G_CALLBACK (retire_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* }}} */

static void
action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHelpersView *self = BF_HELPERS_VIEW (widget);

  if (g_str_equal (action_name, "helpers.add"))
    bf_helpers_view_show_helper (self, 0);
  else if (g_str_equal (action_name, "helpers.back"))
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (g_str_equal (action_name, "helpers.save"))
    bf_helpers_view_save (self);
  else if (g_str_equal (action_name, "helpers.retire") && self->helper != NULL &&
           self->helper->id != 0)
    retire (self);
}

void
bf_helpers_view_set_store (BfHelpersView *self, BfStore *store)
{
  g_return_if_fail (BF_IS_HELPERS_VIEW (self));

  g_set_object (&self->store, store);
  gtk_stack_set_visible_child_name (self->stack, "list");
  bf_helpers_view_reload (self);
}

BfForm *
bf_helpers_view_get_form (BfHelpersView *self)
{
  g_return_val_if_fail (BF_IS_HELPERS_VIEW (self), NULL);
  return self->form;
}

guint
bf_helpers_view_get_n_helpers (BfHelpersView *self)
{
  g_return_val_if_fail (BF_IS_HELPERS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

static void
bf_helpers_view_dispose (GObject *object)
{
  BfHelpersView *self = BF_HELPERS_VIEW (object);

  bf_gui_read_cancel (&self->load_cancellable);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_HELPERS_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->form);
  g_clear_object (&self->filtered);
  g_clear_object (&self->helpers);
  G_OBJECT_CLASS (bf_helpers_view_parent_class)->dispose (object);
}

static void
bf_helpers_view_finalize (GObject *object)
{
  BfHelpersView *self = BF_HELPERS_VIEW (object);

  g_clear_pointer (&self->helper, bf_helper_free);
  g_ptr_array_unref (self->page_rows);
  G_OBJECT_CLASS (bf_helpers_view_parent_class)->finalize (object);
}

static void
bf_helpers_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BfHelpersView *self = BF_HELPERS_VIEW (object);

  switch (prop_id)
    {
      case PROP_LOADING:
        g_value_set_boolean (value, bf_helpers_view_get_loading (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_helpers_view_class_init (BfHelpersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_helpers_view_dispose;
  object_class->finalize = bf_helpers_view_finalize;
  object_class->get_property = bf_helpers_view_get_property;

  /* TRUE while the list is read in the background. */
  props[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangfu/Bangfu/plans/bf-helpers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, stack);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, retired_check);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, list_view);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, spinner);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, helper_title);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, retire_button);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, helper_page);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, details_group);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, households_group);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, measures_group);
  gtk_widget_class_bind_template_child (widget_class, BfHelpersView, visits_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "helpers.add", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "helpers.back", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "helpers.save", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "helpers.retire", NULL, action_cb);
}

static void
bf_helpers_view_init (BfHelpersView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->page_rows = g_ptr_array_new ();
  self->form = bf_form_new ();
  bf_form_build (self->form, self->details_group, helper_fields, G_N_ELEMENTS (helper_fields));

  self->helpers = g_list_store_new (BF_TYPE_RECORD_ITEM);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->helpers)), NULL);
  selection =
    GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, selection);
  g_object_unref (factory);
  g_object_unref (selection);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                            self);
  g_signal_connect_swapped (self->retired_check, "toggled", G_CALLBACK (bf_helpers_view_reload),
                            self);
  update_count (self);
}

GtkWidget *
bf_helpers_view_new (void)
{
  return g_object_new (BF_TYPE_HELPERS_VIEW, NULL);
}
