/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-gui-util.h"
#include "bf-codes.h"
#include "bf-form.h"
#include "bf-helper-assign.h"
#include "bf-household-item.h"
#include "bf-households-page-private.h"
#include "bf-print-window.h"
#include "bf-lifecycle.h"
#include "bf-store-drafts.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"

/* How often the list looks for writes made elsewhere (another window, bangfu-cli). */
#define CHANGE_POLL_MS 2000

typedef struct
{
  BfHouseholdSort sort;
  const char *context; /* NC_() */
  const char *title;
  const char *property; /* of BfHouseholdItem */
  float xalign;
  int width;
  gboolean expand;
} ColumnSpec;

static const ColumnSpec column_specs[] = {
  { BF_HOUSEHOLD_SORT_NUMBER, NULL, N_ ("Household number"), "number", 0.0, 140, FALSE },
  { BF_HOUSEHOLD_SORT_HEAD, NULL, N_ ("Head of household"), "head-name", 0.0, 80, TRUE },
  { BF_HOUSEHOLD_SORT_VILLAGE, NULL, N_ ("Village / group"), "village-group", 0.0, 110, TRUE },
  /* Translators: the column of the number of people in a household (人口) */
  { BF_HOUSEHOLD_SORT_MEMBERS, "column", NC_ ("column", "Members"), "members", 1.0, 60, FALSE },
  { BF_HOUSEHOLD_SORT_ATTRIBUTE, NULL, N_ ("Attribute"), "attribute", 0.0, 90, FALSE },
  { BF_HOUSEHOLD_SORT_MONITORING, NULL, N_ ("Monitoring type"), "monitoring-type", 0.0, 105,
    FALSE },
  { BF_HOUSEHOLD_SORT_CAUSE, NULL, N_ ("Primary cause"), "primary-cause", 0.0, 105, FALSE },
  { BF_HOUSEHOLD_SORT_STATUS, NULL, N_ ("Status"), "status", 0.0, 75, FALSE },
  { BF_HOUSEHOLD_SORT_INCOME, NULL, N_ ("Per-capita net income"), "income", 1.0, 95, FALSE },
  { BF_HOUSEHOLD_SORT_UPDATED, NULL, N_ ("Updated"), "updated", 0.0, 90, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (column_specs) == BF_HOUSEHOLDS_PAGE_N_COLUMNS);

static const struct
{
  const char *key;
  const char *label; /* N_() */
  const char *all;   /* N_() */
} filter_specs[N_FILTERS] = {
  { "village", N_ ("Village"), N_ ("All villages") },
  { "group", N_ ("Group"), N_ ("All groups") },
  { "status", N_ ("Status"), N_ ("Any status") },
  { "attribute", N_ ("Attribute"), N_ ("Any attribute") },
  { "monitoring_type", N_ ("Monitoring type"), N_ ("Any type") },
  { "cause", N_ ("Cause of poverty"), N_ ("Any cause") },
};

G_DEFINE_FINAL_TYPE (BfHouseholdsPage, bf_households_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void offer_recovery (BfHouseholdsPage *self);

/* {{{ Query from the widgets */

static const char *
filter_value (BfHouseholdsPage *self, Filter filter)
{
  guint index;

  if (self->filters[filter] == NULL || self->filter_values[filter] == NULL)
    return NULL;
  index = gtk_drop_down_get_selected (self->filters[filter]);
  if (index == GTK_INVALID_LIST_POSITION || index >= g_strv_length (self->filter_values[filter]))
    return NULL;
  return *self->filter_values[filter][index] != '\0' ? self->filter_values[filter][index] : NULL;
}

static void
update_query (BfHouseholdsPage *self)
{
  g_autofree char *text = NULL;
  const char *village = filter_value (self, FILTER_VILLAGE);
  const char *group = filter_value (self, FILTER_GROUP);
  BfHouseholdQuery query = { 0 };

  if (self->model == NULL || self->updating_filters)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  query.text = *text != '\0' ? text : NULL;
  query.village_id = village != NULL ? g_ascii_strtoll (village, NULL, 10) : 0;
  query.group_id = group != NULL ? g_ascii_strtoll (group, NULL, 10) : 0;
  query.status = filter_value (self, FILTER_STATUS);
  query.attribute = filter_value (self, FILTER_ATTRIBUTE);
  query.monitoring_type = filter_value (self, FILTER_MONITORING);
  query.cause = filter_value (self, FILTER_CAUSE);
  query.sort = self->sort;
  query.descending = self->descending;
  bf_household_list_model_set_query (self->model, &query);
}

static gboolean
query_is_filtered (const BfHouseholdQuery *query)
{
  return query->text != NULL || query->village_id != 0 || query->group_id != 0 ||
         query->status != NULL || query->attribute != NULL || query->monitoring_type != NULL ||
         query->cause != NULL;
}

/* }}} */
/* {{{ Count and empty states */

static void
update_state (BfHouseholdsPage *self)
{
  guint n;
  gint64 total;
  const BfHouseholdQuery *query;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "households.assign-helper",
                                 self->model != NULL &&
                                   bf_household_list_model_get_n_selected (self->model) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "households.print", self->model != NULL);
  if (self->model == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "no-register");
      gtk_label_set_text (self->count_label, "");
      return;
    }
  n = bf_household_list_model_get_n_matches (self->model);
  total = bf_household_list_model_get_total (self->model);
  query = bf_household_list_model_get_query (self->model);

  g_free (self->count_text);
  if (total < 0)
    self->count_text = g_strdup (_ ("Loading…"));
  else if (query_is_filtered (query))
    {
      g_autofree char *all = g_strdup_printf ("%" G_GINT64_FORMAT, total);

      /* Translators: "12 of 1000 households": matches of the search and filters, of all */
      self->count_text = g_strdup_printf (
        ngettext ("%u of %s household", "%u of %s households", (gulong) total), n, all);
    }
  else
    self->count_text = g_strdup_printf (ngettext ("%u household", "%u households", n), n);
  if (total >= 0 && bf_household_list_model_get_n_selected (self->model) > 0)
    {
      guint selected = bf_household_list_model_get_n_selected (self->model);
      char *matches = self->count_text;

      /* Translators: "12 households · 3 selected": the count of matches, then of selected ones */
      self->count_text = g_strdup_printf (
        ngettext ("%s · %u selected", "%s · %u selected", selected), matches, selected);
      g_free (matches);
    }
  gtk_label_set_text (self->count_label, self->count_text);

  if (total < 0)
    return;
  if (n > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else if (total == 0 && !query_is_filtered (query))
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
}

static void
on_model_loaded (BfHouseholdListModel *model, gboolean new_query, BfHouseholdsPage *self)
{
  /* A new search, filter or sort shows its first matches; a refresh keeps the place. */
  if (new_query)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
  update_state (self);
}

static void
on_model_error (BfHouseholdListModel *model, GError *error, BfHouseholdsPage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* }}} */
/* {{{ Columns and sorting */

/* Cells are GtkInscriptions (new in GTK 4.8 for lists): sized by character counts instead of
 * laying out their text, which keeps scrolling and re-sorting 100,000 rows cheap. */
static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  const ColumnSpec *spec = data;
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), spec->xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 4);
  /* The cells hold Chinese names and places whatever the interface language: with the context's
   * language Chinese, the line height comes from the CJK font, which is taller than the Latin one
   * (an inscription is sized by font metrics, not by its text, and clips to that size). */
  pango_context_set_language (gtk_widget_get_pango_context (cell),
                              pango_language_from_string ("zh-cn"));
  if (spec->xalign > 0.5)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (list_item, cell);
}

static void
update_cell (BfHouseholdItem *item, GtkListItem *list_item)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (list_item), "column");

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)),
                            bf_household_item_get_column_text (item, spec->sort));
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  BfHouseholdItem *item = gtk_list_item_get_item (list_item);
  gulong handler;

  g_object_set_data (G_OBJECT (list_item), "column", data);
  update_cell (item, list_item);
  handler = g_signal_connect (item, "changed", G_CALLBACK (update_cell), list_item);
  g_object_set_data (G_OBJECT (list_item), "handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item), "handler"));
  gpointer item = gtk_list_item_get_item (list_item);

  if (handler != 0 && item != NULL)
    g_signal_handler_disconnect (item, handler);
}

/* GTK 4.8 does not tell which column a GtkColumnViewSorter sorts by (that API is 4.10). Every
 * column's sorter is a probe: the column view sorter calls the primary column's sorter first, and
 * inverts its answer when the order is descending. The real sorting happens in SQL. */
static const ColumnSpec *probe_first;

static int
probe_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  if (probe_first == NULL)
    probe_first = data;
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed (GtkSorter *sorter, GtkSorterChange change, BfHouseholdsPage *self)
{
  GtkOrdering order;

  probe_first = NULL;
  /* Two different objects: gtk_sorter_compare() answers "equal" for one item twice. */
  order = gtk_sorter_compare (sorter, self, self->column_view);
  if (probe_first != NULL)
    {
      self->sort = probe_first->sort;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  else
    {
      self->sort = BF_HOUSEHOLD_SORT_NUMBER;
      self->descending = FALSE;
    }
  probe_first = NULL;
  update_query (self);
}

static void
build_columns (BfHouseholdsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkSorter) sorter = NULL;
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) spec);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) spec);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) spec);
      column = gtk_column_view_column_new (
        spec->context != NULL ? g_dpgettext2 (NULL, spec->context, spec->title) : _ (spec->title),
        factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, (gpointer) spec, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, spec->width);
      gtk_column_view_column_set_expand (column, spec->expand);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (on_sorter_changed), self);
}

/* }}} */
/* {{{ Filters */

static void
set_filter_choices (BfHouseholdsPage *self,
                    Filter filter,
                    GStrvBuilder *values,
                    GStrvBuilder *labels)
{
  g_auto (GStrv) l = g_strv_builder_end (labels);
  g_autoptr (GtkStringList) model = gtk_string_list_new ((const char *const *) l);

  g_strfreev (self->filter_values[filter]);
  self->filter_values[filter] = g_strv_builder_end (values);
  gtk_drop_down_set_model (self->filters[filter], G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->filters[filter], 0);
}

static GStrvBuilder *
builder_with_all (Filter filter, GStrvBuilder **labels)
{
  GStrvBuilder *values = g_strv_builder_new ();

  *labels = g_strv_builder_new ();
  g_strv_builder_add (values, "");
  g_strv_builder_add (*labels, _ (filter_specs[filter].all));
  return values;
}

static void
fill_code_filter (BfHouseholdsPage *self, Filter filter, BfCodeList list)
{
  GStrvBuilder *labels;
  g_autoptr (GStrvBuilder) values = builder_with_all (filter, &labels);
  gsize n = 0;
  const BfCode *codes = bf_codes (list, &n);

  for (gsize i = 0; i < n; i++)
    {
      g_strv_builder_add (values, codes[i].code);
      g_strv_builder_add (labels, bf_code_label (list, codes[i].code));
    }
  set_filter_choices (self, filter, values, labels);
  g_strv_builder_unref (labels);
}

static void
fill_status_filter (BfHouseholdsPage *self)
{
  GStrvBuilder *labels;
  g_autoptr (GStrvBuilder) values = builder_with_all (FILTER_STATUS, &labels);

  for (int status = 0; status < BF_N_STATUSES; status++)
    {
      g_strv_builder_add (values, bf_status_code (status));
      g_strv_builder_add (labels, bf_status_label (status));
    }
  set_filter_choices (self, FILTER_STATUS, values, labels);
  g_strv_builder_unref (labels);
}

static BfVillage *
find_village (BfHouseholdsPage *self, gint64 id)
{
  for (guint i = 0; self->villages != NULL && i < self->villages->len; i++)
    {
      BfVillage *village = g_ptr_array_index (self->villages, i);
      if (village->id == id)
        return village;
    }
  return NULL;
}

static void
fill_group_filter (BfHouseholdsPage *self)
{
  const char *village_id = filter_value (self, FILTER_VILLAGE);
  BfVillage *village =
    village_id != NULL ? find_village (self, g_ascii_strtoll (village_id, NULL, 10)) : NULL;
  GStrvBuilder *labels;
  g_autoptr (GStrvBuilder) values = builder_with_all (FILTER_GROUP, &labels);

  bf_form_add_record_choices (values, labels, village != NULL ? village->groups : NULL,
                              G_STRUCT_OFFSET (BfGroup, id), G_STRUCT_OFFSET (BfGroup, name));
  set_filter_choices (self, FILTER_GROUP, values, labels);
  g_strv_builder_unref (labels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filters[FILTER_GROUP]), village != NULL);
}

static void
fill_village_filter (BfHouseholdsPage *self)
{
  GStrvBuilder *labels;
  g_autoptr (GStrvBuilder) values = builder_with_all (FILTER_VILLAGE, &labels);

  bf_form_add_record_choices (values, labels, self->villages, G_STRUCT_OFFSET (BfVillage, id),
                              G_STRUCT_OFFSET (BfVillage, name));
  set_filter_choices (self, FILTER_VILLAGE, values, labels);
  g_strv_builder_unref (labels);
  fill_group_filter (self);
}

static void
on_filter_changed (GtkDropDown *drop_down, GParamSpec *pspec, BfHouseholdsPage *self)
{
  if (self->updating_filters)
    return;
  if (drop_down == self->filters[FILTER_VILLAGE])
    {
      self->updating_filters = TRUE;
      fill_group_filter (self);
      self->updating_filters = FALSE;
    }
  update_query (self);
}

static void
build_filters (BfHouseholdsPage *self)
{
  for (guint i = 0; i < N_FILTERS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (_ (filter_specs[i].label));
      GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), drop_down);
      gtk_flow_box_append (self->filter_flow, box);
      /* The flow box child would take focus itself: only the drop-down should. */
      gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
      self->filters[i] = GTK_DROP_DOWN (drop_down);
      g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_filter_changed), self);
    }
  self->updating_filters = TRUE;
  fill_village_filter (self);
  fill_status_filter (self);
  fill_code_filter (self, FILTER_ATTRIBUTE, BF_CODES_ATTRIBUTE);
  fill_code_filter (self, FILTER_MONITORING, BF_CODES_MONITORING_TYPE);
  fill_code_filter (self, FILTER_CAUSE, BF_CODES_CAUSE);
  self->updating_filters = FALSE;
}

/* }}} */
/* {{{ Editor */

static void
show_list (BfHouseholdsPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
show_editor (BfHouseholdsPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

typedef struct
{
  BfHouseholdsPage *self;
  gint64 id; /* 0: new household */
} OpenRequest;

static void
open_now (BfHouseholdsPage *self, gint64 id)
{
  g_autoptr (GError) error = NULL;

  if (id == 0)
    bf_household_editor_new_household (self->editor);
  else if (!bf_household_editor_load (self->editor, id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  show_editor (self);
}

static void
on_open_decided (gboolean may_close, gpointer data)
{
  OpenRequest *request = data;

  if (may_close)
    open_now (request->self, request->id);
  g_object_unref (request->self);
  g_free (request);
}

static void
open_household (BfHouseholdsPage *self, gint64 id)
{
  OpenRequest *request;

  if (self->store == NULL)
    return;
  if (!bf_households_page_get_editing (self))
    {
      open_now (self, id);
      return;
    }
  request = g_new0 (OpenRequest, 1);
  request->self = g_object_ref (self);
  request->id = id;
  bf_household_editor_request_close (self->editor, on_open_decided, request);
}

static void
on_editor_close (BfHouseholdEditor *editor, BfHouseholdsPage *self)
{
  show_list (self);
}

static void
on_editor_saved (BfHouseholdEditor *editor, gint64 id, BfHouseholdsPage *self)
{
  if (self->model != NULL)
    bf_household_list_model_refresh (self->model);
  if (self->store != NULL)
    self->last_change = bf_store_get_change_counter (self->store);
}

static void
on_editor_deleted (BfHouseholdEditor *editor, gint64 id, const char *number, BfHouseholdsPage *self)
{
  g_autofree char *title =
    g_strdup_printf (_ ("Household %s deleted"), number != NULL ? number : "");
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "households.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  on_editor_saved (editor, id, self);
}

static void
on_editor_open_household (BfHouseholdEditor *editor, gint64 id, BfHouseholdsPage *self)
{
  open_household (self, id);
}

/* }}} */
/* {{{ Recovering drafts */

static void
on_recovery_response (AdwMessageDialog *dialog, const char *response, BfHouseholdsPage *self)
{
  g_autoptr (BfDraft) draft = g_queue_pop_head (&self->recovery_queue);
  g_autoptr (GError) error = NULL;

  self->recovery_dialog = NULL;
  if (draft == NULL || self->store == NULL)
    return;
  if (g_strcmp0 (response, "restore") == 0)
    {
      if (bf_household_editor_restore_draft (self->editor, draft->payload, &error))
        show_editor (self);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      /* One form at a time: the others stay in the register for the next start. */
      g_queue_clear_full (&self->recovery_queue, (GDestroyNotify) bf_draft_free);
      return;
    }
  bf_store_draft_discard (self->store, draft->form, draft->target_uuid, NULL);
  offer_recovery (self);
}

static void
offer_recovery (BfHouseholdsPage *self)
{
  BfDraft *draft = g_queue_peek_head (&self->recovery_queue);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;

  if (draft == NULL || self->recovery_dialog != NULL)
    return;
  what = bf_household_editor_describe_draft (draft->payload);
  body = g_strdup_printf (_ ("Unsaved changes to household %s were recovered. Restore them to "
                             "go on where you stopped, or discard them."),
                          what);
  self->recovery_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Unsaved changes recovered"), body));
  adw_message_dialog_add_responses (self->recovery_dialog, "discard", _ ("_Discard"), "restore",
                                    _ ("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (self->recovery_dialog, "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (self->recovery_dialog, "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->recovery_dialog, "restore");
  adw_message_dialog_set_close_response (self->recovery_dialog, "restore");
  g_signal_connect_object (self->recovery_dialog, "response", G_CALLBACK (on_recovery_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (self->recovery_dialog));
}

static void
check_drafts (BfHouseholdsPage *self)
{
  g_autoptr (GPtrArray) drafts = NULL;

  g_queue_clear_full (&self->recovery_queue, (GDestroyNotify) bf_draft_free);
  if (self->store == NULL)
    return;
  drafts = bf_store_draft_list (self->store, NULL);
  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      BfDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (draft->form, BF_HOUSEHOLD_DRAFT_FORM) == 0)
        g_queue_push_tail (&self->recovery_queue, g_ptr_array_steal_index (drafts, i--));
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    offer_recovery (self);
  else
    self->recovery_pending = !g_queue_is_empty (&self->recovery_queue);
}

/* }}} */
/* {{{ Actions */

static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_household (BF_HOUSEHOLDS_PAGE (widget), 0);
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_household (BF_HOUSEHOLDS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
clear_filters_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < N_FILTERS; i++)
    gtk_drop_down_set_selected (self->filters[i], 0);
  fill_group_filter (self);
  self->updating_filters = FALSE;
  update_query (self);
}

static void
undo_delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store == NULL)
    return;
  if (!bf_store_household_restore (self->store, id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_ ("Household restored")));
  on_editor_saved (self->editor, id, self);
}

static void
assign_helper_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (widget);
  g_autoptr (GArray) ids = NULL;

  if (self->store == NULL || self->model == NULL)
    return;
  /* The ids, not the items: after Select All they are every match. */
  ids = bf_household_list_model_get_selected_ids (self->model);
  if (ids->len == 0)
    return;
  bf_helper_assign_present (widget, self->store, (const gint64 *) (gpointer) ids->data, ids->len, 0,
                            NULL, NULL);
}

static void
print_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (widget);
  g_autoptr (GArray) ids = NULL;

  if (self->store == NULL || self->model == NULL)
    return;
  /* The selection (every match after Select All), or a village: the one the list shows first. */
  ids = bf_household_list_model_get_selected_ids (self->model);
  bf_print_window_present (widget, self->store, (const gint64 *) (gpointer) ids->data, ids->len,
                           TRUE, bf_household_list_model_get_query (self->model)->village_id);
}

static void
delete_selected_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (widget);
  g_autoptr (BfHouseholdItem) item = NULL;
  g_autoptr (GError) error = NULL;
  gint64 position;

  if (self->store == NULL || bf_households_page_get_editing (self))
    return;
  /* Never many households at once: one key press should not delete a village. */
  if (bf_household_list_model_get_n_selected (self->model) > 1)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_ ("Select one household to delete it")));
      return;
    }
  position = bf_household_list_model_find (self->model,
                                           bf_household_list_model_get_selected_id (self->model));
  if (position < 0)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), (guint) position);
  if (!bf_store_household_delete (self->store, bf_household_item_get_id (item), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  on_editor_deleted (self->editor, bf_household_item_get_id (item),
                     bf_household_item_get_number (item), self);
}

static void
on_column_view_activate (GtkColumnView *view, guint position, BfHouseholdsPage *self)
{
  g_autoptr (BfHouseholdItem) item = NULL;

  if (self->model == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (item != NULL)
    open_household (self, bf_household_item_get_id (item));
}

static void
on_search_changed (GtkSearchEntry *entry, BfHouseholdsPage *self)
{
  update_query (self);
}

static void
on_search_activate (GtkSearchEntry *entry, BfHouseholdsPage *self)
{
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->model), 0, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
}

static void
on_items_changed (GListModel *model,
                  guint position,
                  guint removed,
                  guint added,
                  BfHouseholdsPage *self)
{
  update_state (self);
}

static gboolean
poll_changes (gpointer data)
{
  BfHouseholdsPage *self = data;
  gint64 change;

  if (self->store == NULL || self->model == NULL)
    return G_SOURCE_CONTINUE;
  change = bf_store_get_change_counter (self->store);
  if (change != self->last_change)
    {
      self->last_change = change;
      bf_household_list_model_refresh (self->model);
    }
  return G_SOURCE_CONTINUE;
}

/* }}} */

static void
bf_households_page_map (GtkWidget *widget)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (widget);

  GTK_WIDGET_CLASS (bf_households_page_parent_class)->map (widget);

  if (self->poll_source == 0)
    self->poll_source = g_timeout_add (CHANGE_POLL_MS, poll_changes, self);
  if (self->recovery_pending)
    {
      self->recovery_pending = FALSE;
      offer_recovery (self);
    }
}

static void
bf_households_page_unmap (GtkWidget *widget)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (widget);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  GTK_WIDGET_CLASS (bf_households_page_parent_class)->unmap (widget);
}

static void
bf_households_page_dispose (GObject *object)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (object);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (self->recovery_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->recovery_dialog));
  self->recovery_dialog = NULL;
  g_queue_clear_full (&self->recovery_queue, (GDestroyNotify) bf_draft_free);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  for (guint i = 0; i < N_FILTERS; i++)
    if (self->filters[i] != NULL)
      g_signal_handlers_disconnect_by_data (self->filters[i], self);
  self->updating_filters = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_HOUSEHOLDS_PAGE);
  self->column_view = NULL;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bf_households_page_parent_class)->dispose (object);
}

static void
bf_households_page_finalize (GObject *object)
{
  BfHouseholdsPage *self = BF_HOUSEHOLDS_PAGE (object);

  for (guint i = 0; i < N_FILTERS; i++)
    g_strfreev (self->filter_values[i]);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_free (self->count_text);

  G_OBJECT_CLASS (bf_households_page_parent_class)->finalize (object);
}

static void
bf_households_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, BF_HOUSEHOLDS_PAGE (object)->store);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_households_page_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        bf_households_page_set_store (BF_HOUSEHOLDS_PAGE (object), g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_households_page_class_init (BfHouseholdsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_households_page_dispose;
  object_class->finalize = bf_households_page_finalize;
  object_class->get_property = bf_households_page_get_property;
  object_class->set_property = bf_households_page_set_property;

  properties[PROP_STORE] = bf_gui_param_spec_store ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = bf_households_page_map;
  widget_class->unmap = bf_households_page_unmap;

  g_type_ensure (BF_TYPE_HOUSEHOLD_EDITOR);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/households/bf-households-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, filter_flow);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, BfHouseholdsPage, editor);

  gtk_widget_class_install_action (widget_class, "households.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "households.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "households.open", "x", open_activated);
  gtk_widget_class_install_action (widget_class, "households.clear-filters", NULL,
                                   clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "households.undo-delete", "x",
                                   undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "households.assign-helper", NULL,
                                   assign_helper_activated);
  gtk_widget_class_install_action (widget_class, "households.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "households.delete-selected", NULL,
                                   delete_selected_activated);
}

static gboolean
unselect_all_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  BfHouseholdsPage *self = data;

  if (self->model == NULL || bf_household_list_model_get_n_selected (self->model) == 0)
    return FALSE;
  return gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->model));
}

static void
bf_households_page_init (BfHouseholdsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  bf_gui_plain_flow_boxes (GTK_WIDGET (self));
  /* The bin's own child: not bound, or disposing the template would unparent it twice. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  g_queue_init (&self->recovery_queue);

  build_columns (self);
  build_filters (self);
  gtk_column_view_set_single_click_activate (self->column_view, FALSE);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_column_view_activate), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  /* Delete works on the one selected row of the list only. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("households.delete-selected")));
  /* Escape clears the selection (Ctrl+A selects every match: the list's own shortcut). */
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_callback_action_new (unselect_all_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  g_signal_connect (self->editor, "close", G_CALLBACK (on_editor_close), self);
  g_signal_connect (self->editor, "saved", G_CALLBACK (on_editor_saved), self);
  g_signal_connect (self->editor, "deleted", G_CALLBACK (on_editor_deleted), self);
  g_signal_connect (self->editor, "open-household", G_CALLBACK (on_editor_open_household), self);

  gtk_column_view_sort_by_column (self->column_view, self->columns[0], GTK_SORT_ASCENDING);
  update_state (self);
}

GtkWidget *
bf_households_page_new (void)
{
  return g_object_new (BF_TYPE_HOUSEHOLDS_PAGE, NULL);
}

void
bf_households_page_set_store (BfHouseholdsPage *self, BfStore *store)
{
  g_return_if_fail (BF_IS_HOUSEHOLDS_PAGE (self));
  g_return_if_fail (store == NULL || BF_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->model);
  g_set_object (&self->store, store);
  bf_household_editor_set_store (self->editor, store);
  gtk_stack_set_visible_child_name (self->stack, "list");

  g_clear_pointer (&self->villages, g_ptr_array_unref);
  if (store != NULL)
    {
      self->villages = bf_store_list_villages (store, NULL);
      self->last_change = bf_store_get_change_counter (store);
      self->model = bf_household_list_model_new (store);
      g_signal_connect (self->model, "loaded", G_CALLBACK (on_model_loaded), self);
      g_signal_connect (self->model, "error", G_CALLBACK (on_model_error), self);
      g_signal_connect (self->model, "items-changed", G_CALLBACK (on_items_changed), self);
      g_signal_connect_swapped (self->model, "selection-changed", G_CALLBACK (update_state), self);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->model));
    }
  self->updating_filters = TRUE;
  fill_village_filter (self);
  self->updating_filters = FALSE;
  update_query (self);
  update_state (self);
  check_drafts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

BfStore *
bf_households_page_get_store (BfHouseholdsPage *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLDS_PAGE (self), NULL);

  return self->store;
}

void
bf_households_page_new_household (BfHouseholdsPage *self)
{
  g_return_if_fail (BF_IS_HOUSEHOLDS_PAGE (self));

  open_household (self, 0);
}

void
bf_households_page_open_household (BfHouseholdsPage *self, gint64 id)
{
  g_return_if_fail (BF_IS_HOUSEHOLDS_PAGE (self));

  open_household (self, id);
}

gboolean
bf_households_page_get_editing (BfHouseholdsPage *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLDS_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") == 0;
}

typedef struct
{
  BfHouseholdsPage *self;
  BfLeaveCallback callback;
  gpointer data;
} LeaveRequest;

static void
on_leave_decided (gboolean may_close, gpointer data)
{
  LeaveRequest *request = data;

  if (may_close)
    show_list (request->self);
  request->callback (may_close, request->data);
  g_object_unref (request->self);
  g_free (request);
}

void
bf_households_page_request_leave (BfHouseholdsPage *self, BfLeaveCallback callback, gpointer data)
{
  LeaveRequest *request;

  g_return_if_fail (BF_IS_HOUSEHOLDS_PAGE (self));

  if (!bf_households_page_get_editing (self))
    {
      callback (TRUE, data);
      return;
    }
  request = g_new0 (LeaveRequest, 1);
  request->self = g_object_ref (self);
  request->callback = callback;
  request->data = data;
  bf_household_editor_request_close (self->editor, on_leave_decided, request);
}

BfHouseholdEditor *
bf_households_page_get_editor (BfHouseholdsPage *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLDS_PAGE (self), NULL);

  return self->editor;
}

BfHouseholdListModel *
bf_households_page_get_model (BfHouseholdsPage *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLDS_PAGE (self), NULL);

  return self->model;
}

GtkSearchEntry *
_bf_households_page_get_search_entry (BfHouseholdsPage *self)
{
  return self->search_entry;
}

GtkColumnView *
_bf_households_page_get_column_view (BfHouseholdsPage *self)
{
  return self->column_view;
}

GtkScrolledWindow *
_bf_households_page_get_scrolled_window (BfHouseholdsPage *self)
{
  return self->scrolled_window;
}

static int
filter_index (const char *key)
{
  for (guint i = 0; i < N_FILTERS; i++)
    if (g_str_equal (filter_specs[i].key, key))
      return i;
  g_critical ("No filter \"%s\"", key);
  return 0;
}

GtkDropDown *
_bf_households_page_get_filter (BfHouseholdsPage *self, const char *key)
{
  return self->filters[filter_index (key)];
}

const char *const *
_bf_households_page_get_filter_values (BfHouseholdsPage *self, const char *key)
{
  return (const char *const *) self->filter_values[filter_index (key)];
}

const char *
_bf_households_page_get_content (BfHouseholdsPage *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

const char *
_bf_households_page_get_count_text (BfHouseholdsPage *self)
{
  return self->count_text;
}

AdwMessageDialog *
_bf_households_page_get_recovery_dialog (BfHouseholdsPage *self)
{
  return self->recovery_dialog;
}

GtkColumnViewColumn *
_bf_households_page_get_column (BfHouseholdsPage *self, BfHouseholdSort sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    if (column_specs[i].sort == sort)
      return self->columns[i];
  return NULL;
}
