/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-gui-util.h"
#include "bf-measures-view.h"
#include "bf-money.h"
#include "bf-paged-model.h"
#include "bf-plans-util.h"
#include "bf-store-regions.h"

typedef enum
{
  FILTER_CATEGORY,
  FILTER_DEPARTMENT,
  FILTER_STATUS,
  FILTER_VILLAGE,
  FILTER_HELPER,
  FILTER_YEAR,
  N_FILTERS
} Filter;

static const char *const filter_keys[N_FILTERS] = {
  "category", "department", "status", "village", "helper", "year",
};

typedef enum
{
  COLUMN_HOUSEHOLD,
  COLUMN_VILLAGE,
  COLUMN_YEAR,
  COLUMN_DESCRIPTION,
  COLUMN_CATEGORY,
  COLUMN_DEPARTMENT,
  COLUMN_HELPER,
  COLUMN_DUE,
  COLUMN_STATUS,
  COLUMN_BUDGET,
  COLUMN_SPENT,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  gboolean expand;
  gboolean number;
} columns[N_COLUMNS] = {
  [COLUMN_HOUSEHOLD] = { N_ ("Household") },
  [COLUMN_VILLAGE] = { N_ ("Village") },
  [COLUMN_YEAR] = { N_ ("Year") },
  [COLUMN_DESCRIPTION] = { N_ ("Measure"), TRUE },
  [COLUMN_CATEGORY] = { N_ ("Category") },
  [COLUMN_DEPARTMENT] = { N_ ("Department") },
  [COLUMN_HELPER] = { N_ ("Helper") },
  [COLUMN_DUE] = { N_ ("Due date") },
  [COLUMN_STATUS] = { N_ ("Status") },
  [COLUMN_BUDGET] = { N_ ("Budget"), FALSE, TRUE },
  [COLUMN_SPENT] = { N_ ("Spent"), FALSE, TRUE },
};

struct _BfMeasuresView
{
  GtkWidget parent_instance;

  GtkWidget *root_box;
  GtkFlowBox *filter_box;
  GtkStack *content_stack;
  GtkColumnView *column_view;
  GtkLabel *totals_label;
  GtkDropDown *status_choice;
  GtkLabel *selection_label;

  BfStore *store;
  GtkDropDown *filters[N_FILTERS];
  GStrv filter_values[N_FILTERS];
  GtkCheckButton *overdue_check;
  GtkMultiSelection *selection;
  BfPagedModel *model;
  gboolean building;
};

G_DEFINE_FINAL_TYPE (BfMeasuresView, bf_measures_view, GTK_TYPE_WIDGET)

/* {{{ Filters */

static const char *
filter_value (BfMeasuresView *self, Filter filter)
{
  guint selected = gtk_drop_down_get_selected (self->filters[filter]);

  if (self->filter_values[filter] == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length (self->filter_values[filter]))
    return NULL;
  return self->filter_values[filter][selected][0] != '\0' ? self->filter_values[filter][selected]
                                                          : NULL;
}

static void
set_choices (BfMeasuresView *self, Filter filter, GStrvBuilder *values, GStrvBuilder *labels)
{
  g_auto (GStrv) l = g_strv_builder_end (labels);
  g_autoptr (GtkStringList) list = gtk_string_list_new ((const char *const *) l);
  g_autofree char *current = g_strdup (filter_value (self, filter));
  guint selected = 0;

  g_strfreev (self->filter_values[filter]);
  self->filter_values[filter] = g_strv_builder_end (values);
  for (guint i = 0; current != NULL && self->filter_values[filter][i] != NULL; i++)
    if (g_str_equal (self->filter_values[filter][i], current))
      selected = i;
  gtk_drop_down_set_model (self->filters[filter], G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->filters[filter], selected);
}

static void
codes_choices (BfMeasuresView *self, Filter filter, BfCodeList list, const char *all)
{
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  gsize n = 0;
  const BfCode *codes = bf_codes (list, &n);

  g_strv_builder_add (values, "");
  g_strv_builder_add (labels, all);
  for (gsize i = 0; i < n; i++)
    {
      g_strv_builder_add (values, codes[i].code);
      g_strv_builder_add (labels, bf_code_label (list, codes[i].code));
    }
  set_choices (self, filter, values, labels);
}

/* The choices that come from the register: villages, helpers and years. */
static void
register_choices (BfMeasuresView *self)
{
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr (GPtrArray) villages =
    self->store != NULL ? bf_store_list_villages (self->store, NULL) : NULL;
  g_auto (GStrv) helper_values = NULL;
  g_auto (GStrv) helper_labels = NULL;
  GDate today;

  g_strv_builder_add (values, "");
  g_strv_builder_add (labels, _ ("All villages"));
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      const BfVillage *v = g_ptr_array_index (villages, i);
      g_autofree char *id = bf_plans_id_text (v->id);

      g_strv_builder_add (values, id);
      g_strv_builder_add (labels, v->name);
    }
  set_choices (self, FILTER_VILLAGE, values, labels);

  bf_plans_helper_choices (self->store, _ ("All helpers"), 0, &helper_values, &helper_labels);
  {
    g_autoptr (GStrvBuilder) hv = g_strv_builder_new ();
    g_autoptr (GStrvBuilder) hl = g_strv_builder_new ();

    g_strv_builder_addv (hv, (const char **) helper_values);
    g_strv_builder_addv (hl, (const char **) helper_labels);
    set_choices (self, FILTER_HELPER, hv, hl);
  }

  bf_date_today (&today);
  {
    g_autoptr (GStrvBuilder) yv = g_strv_builder_new ();
    g_autoptr (GStrvBuilder) yl = g_strv_builder_new ();

    g_strv_builder_add (yv, "");
    g_strv_builder_add (yl, _ ("All years"));
    for (int y = g_date_get_year (&today) + 1; y >= g_date_get_year (&today) - 5; y--)
      {
        g_autofree char *text = g_strdup_printf ("%d", y);
        g_strv_builder_add (yv, text);
        g_strv_builder_add (yl, text);
      }
    set_choices (self, FILTER_YEAR, yv, yl);
  }
}

/* }}} */
/* {{{ Reading */

static void
query_from_filters (BfMeasuresView *self, BfMeasureQuery *q)
{
  memset (q, 0, sizeof *q);
  q->category = filter_value (self, FILTER_CATEGORY);
  q->department = filter_value (self, FILTER_DEPARTMENT);
  q->status = filter_value (self, FILTER_STATUS);
  q->village_id = bf_plans_id_parse (filter_value (self, FILTER_VILLAGE));
  q->helper_id = bf_plans_id_parse (filter_value (self, FILTER_HELPER));
  q->year = (int) bf_plans_id_parse (filter_value (self, FILTER_YEAR));
  q->overdue = gtk_check_button_get_active (self->overdue_check);
}

typedef struct
{
  BfStore *store;
  BfMeasureQuery query;
  char *strings[3]; /* the query's category, department and status */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->store);
  for (guint i = 0; i < G_N_ELEMENTS (fetch->strings); i++)
    g_free (fetch->strings[i]);
  g_free (fetch);
}

static BfListPage *
fetch_page (gpointer data, const BfHouseholdCursor *after, guint limit, GError **error)
{
  Fetch *fetch = data;

  return bf_store_measure_search (fetch->store, &fetch->query, after, limit, error);
}

static void
update_selection_label (BfMeasuresView *self)
{
  g_autoptr (GtkBitset) selected =
    self->selection != NULL
      ? gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection))
      : gtk_bitset_new_empty ();
  guint64 n = gtk_bitset_get_size (selected);
  g_autofree char *text = NULL;

  /* TRANSLATORS: how many measures are selected */
  text = n > 0 ? g_strdup_printf (ngettext ("%u selected", "%u selected", (gulong) n), (guint) n)
               : g_strdup ("");
  gtk_label_set_text (self->selection_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.set-status", n > 0);
}

void
bf_measures_view_reload (BfMeasuresView *self)
{
  g_autoptr (GError) error = NULL;
  BfMeasureTotals totals = { 0 };
  Fetch *fetch;

  g_return_if_fail (BF_IS_MEASURES_VIEW (self));

  if (self->building)
    return;
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  if (self->store == NULL)
    {
      gtk_label_set_text (self->totals_label, "");
      update_selection_label (self);
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->store = g_object_ref (self->store);
  query_from_filters (self, &fetch->query);
  /* The query keeps its own copies of the filter values. */
  fetch->query.category = fetch->strings[0] = g_strdup (fetch->query.category);
  fetch->query.department = fetch->strings[1] = g_strdup (fetch->query.department);
  fetch->query.status = fetch->strings[2] = g_strdup (fetch->query.status);
  if (!bf_store_measure_totals (self->store, &fetch->query, &totals, &error))
    {
      gtk_label_set_text (self->totals_label, error->message);
      fetch_free (fetch);
      return;
    }
  self->model = bf_paged_model_new (fetch_page, fetch, (GDestroyNotify) fetch_free,
                                    (GDestroyNotify) bf_measure_free, totals.count);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (update_selection_label), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->content_stack, totals.count > 0 ? "list" : "empty");
  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, totals.count);
    g_autofree char *budget = bf_money_format (totals.budget_fen);
    g_autofree char *spent = bf_money_format (totals.spent_fen);
    /* TRANSLATORS: the totals of the measures shown: count, budget, spent (yuan) */
    g_autofree char *text = g_strdup_printf (
      ngettext ("%s measure · budget %s yuan · spent %s yuan",
                "%s measures · budget %s yuan · spent %s yuan", (gulong) totals.count),
      count, budget, spent);

    gtk_label_set_text (self->totals_label, text);
  }
  update_selection_label (self);
}

/* }}} */
/* {{{ Cells */

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[column].number ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (columns[column].number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static char *
cell_text (const BfMeasure *m, Column column)
{
  switch (column)
    {
      case COLUMN_HOUSEHOLD:
        /* TRANSLATORS: household number and head of household in a list */
        return g_strdup_printf (_ ("%s %s"), m->household_number, m->head_name);
      case COLUMN_VILLAGE:
        return g_strdup (m->village_name);
      case COLUMN_YEAR:
        return g_strdup_printf ("%d", m->year);
      case COLUMN_DESCRIPTION:
        return g_strdup (m->description);
      case COLUMN_CATEGORY:
        return bf_plans_measure_kind (m->category, m->subtype);
      case COLUMN_DEPARTMENT:
        return g_strdup (bf_code_label (BF_CODES_DEPARTMENT, m->department));
      case COLUMN_HELPER:
        return g_strdup (m->helper_name);
      case COLUMN_DUE:
        return g_strdup (m->due_on != NULL ? m->due_on : "—");
      case COLUMN_STATUS:
        if (m->overdue)
          /* TRANSLATORS: the status of an overdue measure: "Overdue · In progress" */
          return g_strdup_printf (_ ("Overdue · %s"),
                                  bf_code_label (BF_CODES_MEASURE_STATUS, m->status));
        return g_strdup (bf_code_label (BF_CODES_MEASURE_STATUS, m->status));
      case COLUMN_BUDGET:
        return bf_money_format (m->budget_fen);
      case COLUMN_SPENT:
        return bf_money_format (m->spent_fen);
      case N_COLUMNS:
        break;
    }
  return NULL;
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_list_item_get_child (item);
  BfRecordItem *record = gtk_list_item_get_item (item);
  const BfMeasure *m = record != NULL ? bf_record_item_get (record) : NULL;
  g_autofree char *text = m != NULL ? cell_text (m, column) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, column == COLUMN_DESCRIPTION ? text : NULL);
  /* Overdue rows stand out: every cell of the row in the error colour, the due date bold. */
  if (m != NULL && m->overdue)
    gtk_widget_add_css_class (label, "bf-overdue-text");
  else
    gtk_widget_remove_css_class (label, "bf-overdue-text");
}

static void
build_columns (BfMeasuresView *self)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_ (columns[c].title), factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
activate_cb (GtkColumnView *view, guint position, BfMeasuresView *self)
{
  const BfMeasure *m = self->model != NULL ? bf_paged_model_get_row (self->model, position) : NULL;

  if (m != NULL)
    bf_plans_open_household (GTK_WIDGET (self), m->household_id);
}

/* }}} */

gboolean
bf_measures_view_set_status (BfMeasuresView *self, const char *status)
{
  g_autoptr (GtkBitset) selected = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (BF_IS_MEASURES_VIEW (self), FALSE);

  if (self->selection == NULL || self->store == NULL)
    return FALSE;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      const BfMeasure *m = bf_paged_model_get_row (self->model, position);
      if (m != NULL)
        g_array_append_val (ids, m->id);
    }
  if (ids->len == 0)
    return FALSE;
  if (!bf_store_measures_set_status (self->store, (const gint64 *) ids->data, ids->len, status,
                                     NULL, &error))
    {
      bf_gui_show_error (GTK_WIDGET (self), _ ("Could Not Change the Status"), error);
      return FALSE;
    }
  {
    /* TRANSLATORS: a toast: "3 measures set to Completed" */
    g_autofree char *message =
      g_strdup_printf (ngettext ("%u measure set to %s", "%u measures set to %s", ids->len),
                       ids->len, bf_code_label (BF_CODES_MEASURE_STATUS, status));
    bf_gui_toast (GTK_WIDGET (self), message);
  }
  bf_measures_view_reload (self);
  return TRUE;
}

static void
set_status_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfMeasuresView *self = BF_MEASURES_VIEW (widget);
  gsize n = 0;
  const BfCode *codes = bf_codes (BF_CODES_MEASURE_STATUS, &n);
  guint selected = gtk_drop_down_get_selected (self->status_choice);

  if (selected < n)
    bf_measures_view_set_status (self, codes[selected].code);
}

void
bf_measures_view_set_store (BfMeasuresView *self, BfStore *store)
{
  g_return_if_fail (BF_IS_MEASURES_VIEW (self));

  if (!g_set_object (&self->store, store))
    return;
  self->building = TRUE;
  register_choices (self);
  self->building = FALSE;
  bf_measures_view_reload (self);
}

void
bf_measures_view_set_filter (BfMeasuresView *self, const char *key, const char *value)
{
  g_return_if_fail (BF_IS_MEASURES_VIEW (self));

  if (g_str_equal (key, "overdue"))
    {
      gtk_check_button_set_active (self->overdue_check, g_strcmp0 (value, "1") == 0);
      return;
    }
  for (guint f = 0; f < N_FILTERS; f++)
    if (g_str_equal (key, filter_keys[f]))
      for (guint i = 0; self->filter_values[f][i] != NULL; i++)
        if (g_strcmp0 (self->filter_values[f][i], value) == 0)
          gtk_drop_down_set_selected (self->filters[f], i);
}

GtkSelectionModel *
bf_measures_view_get_selection (BfMeasuresView *self)
{
  g_return_val_if_fail (BF_IS_MEASURES_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

const BfMeasure *
bf_measures_view_get_measure (BfMeasuresView *self, guint position)
{
  g_return_val_if_fail (BF_IS_MEASURES_VIEW (self), NULL);
  return self->model != NULL ? bf_paged_model_get_row (self->model, position) : NULL;
}

const char *
bf_measures_view_get_totals (BfMeasuresView *self)
{
  g_return_val_if_fail (BF_IS_MEASURES_VIEW (self), NULL);
  return gtk_label_get_text (self->totals_label);
}

static void
bf_measures_view_dispose (GObject *object)
{
  BfMeasuresView *self = BF_MEASURES_VIEW (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_MEASURES_VIEW);
  G_OBJECT_CLASS (bf_measures_view_parent_class)->dispose (object);
}

static void
bf_measures_view_finalize (GObject *object)
{
  BfMeasuresView *self = BF_MEASURES_VIEW (object);

  for (guint f = 0; f < N_FILTERS; f++)
    g_strfreev (self->filter_values[f]);
  G_OBJECT_CLASS (bf_measures_view_parent_class)->finalize (object);
}

static void
bf_measures_view_class_init (BfMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_measures_view_dispose;
  object_class->finalize = bf_measures_view_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/plans/bf-measures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BfMeasuresView, root_box);
  gtk_widget_class_bind_template_child (widget_class, BfMeasuresView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, BfMeasuresView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BfMeasuresView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BfMeasuresView, totals_label);
  gtk_widget_class_bind_template_child (widget_class, BfMeasuresView, status_choice);
  gtk_widget_class_bind_template_child (widget_class, BfMeasuresView, selection_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "measures.set-status", NULL, set_status_activated);
}

static void
bf_measures_view_init (BfMeasuresView *self)
{
  static const char *const filter_names[N_FILTERS] = {
    N_ ("Category"), N_ ("Department"), N_ ("Status"), N_ ("Village"), N_ ("Helper"), N_ ("Year"),
  };
  gsize n = 0;
  const BfCode *statuses = bf_codes (BF_CODES_MEASURE_STATUS, &n);
  g_autoptr (GtkStringList) status_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->building = TRUE;
  for (guint f = 0; f < N_FILTERS; f++)
    {
      self->filters[f] = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filters[f]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _ (filter_names[f]), -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filters[f]), _ (filter_names[f]));
      gtk_flow_box_append (self->filter_box, GTK_WIDGET (self->filters[f]));
      g_signal_connect_swapped (self->filters[f], "notify::selected",
                                G_CALLBACK (bf_measures_view_reload), self);
    }
  gtk_drop_down_set_enable_search (self->filters[FILTER_HELPER], TRUE);
  gtk_drop_down_set_expression (
    self->filters[FILTER_HELPER],
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  codes_choices (self, FILTER_CATEGORY, BF_CODES_MEASURE_CATEGORY, _ ("All categories"));
  codes_choices (self, FILTER_DEPARTMENT, BF_CODES_DEPARTMENT, _ ("All departments"));
  codes_choices (self, FILTER_STATUS, BF_CODES_MEASURE_STATUS, _ ("All statuses"));
  register_choices (self);
  self->overdue_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_ ("_Overdue only")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue_check),
                               _ ("Measures past their due date and not completed"));
  gtk_flow_box_append (self->filter_box, GTK_WIDGET (self->overdue_check));
  g_signal_connect_swapped (self->overdue_check, "toggled", G_CALLBACK (bf_measures_view_reload),
                            self);

  for (gsize i = 0; i < n; i++)
    gtk_string_list_append (status_labels,
                            bf_code_label (BF_CODES_MEASURE_STATUS, statuses[i].code));
  gtk_drop_down_set_model (self->status_choice, G_LIST_MODEL (status_labels));
  gtk_drop_down_set_selected (self->status_choice, 2); /* completed: the usual step */

  build_columns (self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  self->building = FALSE;
  bf_measures_view_reload (self);
}

GtkWidget *
bf_measures_view_new (void)
{
  return g_object_new (BF_TYPE_MEASURES_VIEW, NULL);
}
