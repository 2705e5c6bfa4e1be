/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-exit-ui.h"
#include "bf-money.h"
#include "bf-store-regions.h"

#define MAX_CELLS 8

struct _BfExitRow
{
  GObject parent_instance;

  gint64 household_id;
  gint64 id;
  char *status;
  char *cells[MAX_CELLS];
};

G_DEFINE_FINAL_TYPE (BfExitRow, bf_exit_row, G_TYPE_OBJECT)

static void
bf_exit_row_finalize (GObject *object)
{
  BfExitRow *self = BF_EXIT_ROW (object);

  for (guint i = 0; i < MAX_CELLS; i++)
    g_free (self->cells[i]);
  g_free (self->status);
  G_OBJECT_CLASS (bf_exit_row_parent_class)->finalize (object);
}

static void
bf_exit_row_class_init (BfExitRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bf_exit_row_finalize;
}

static void
bf_exit_row_init (BfExitRow *self)
{
}

BfExitRow *
bf_exit_row_new (gint64 household_id, gint64 id, const char *const *cells)
{
  BfExitRow *self = g_object_new (BF_TYPE_EXIT_ROW, NULL);

  self->household_id = household_id;
  self->id = id;
  for (guint i = 0; cells != NULL && cells[i] != NULL && i < MAX_CELLS; i++)
    self->cells[i] = g_strdup (cells[i]);
  return self;
}

gint64
bf_exit_row_get_household_id (BfExitRow *self)
{
  g_return_val_if_fail (BF_IS_EXIT_ROW (self), 0);
  return self->household_id;
}

gint64
bf_exit_row_get_id (BfExitRow *self)
{
  g_return_val_if_fail (BF_IS_EXIT_ROW (self), 0);
  return self->id;
}

const char *
bf_exit_row_get_cell (BfExitRow *self, guint column)
{
  g_return_val_if_fail (BF_IS_EXIT_ROW (self), NULL);
  g_return_val_if_fail (column < MAX_CELLS, NULL);
  return self->cells[column] != NULL ? self->cells[column] : "";
}

const char *
bf_exit_row_get_status (BfExitRow *self)
{
  g_return_val_if_fail (BF_IS_EXIT_ROW (self), NULL);
  return self->status;
}

/* ---------------------------------------------------------------------------------------------
 * Lists
 */

static const char *const case_columns[] = {
  N_ ("Household number"),      N_ ("Head of household"), N_ ("Village"), N_ ("Status"),
  N_ ("Per-capita net income"), N_ ("Assessment"),        NULL,
};
static const char *const follow_up_columns[] = {
  N_ ("Household number"), N_ ("Head of household"),     N_ ("Village"), N_ ("Exited on"),
  N_ ("Last visit"),       N_ ("Per-capita net income"), NULL,
};
static const char *const assessment_columns[] = {
  N_ ("Household number"), N_ ("Head of household"),
  N_ ("Village"),          N_ ("Per-capita net income"),
  N_ ("Poverty line"),     N_ ("Result"),
  N_ ("Change"),           NULL,
};
static const char *const adjustment_columns[] = {
  N_ ("Date"),   N_ ("Household number"), N_ ("Head of household"), N_ ("Village"), N_ ("Kind"),
  N_ ("Reason"), N_ ("Approval"),         N_ ("Document number"),   NULL,
};

static const char *const *
columns_of (BfExitList kind)
{
  switch (kind)
    {
      case BF_EXIT_LIST_CASES:
        return case_columns;
      case BF_EXIT_LIST_FOLLOW_UP:
        return follow_up_columns;
      case BF_EXIT_LIST_ASSESSMENTS:
        return assessment_columns;
      case BF_EXIT_LIST_ADJUSTMENTS:
      default:
        return adjustment_columns;
    }
}

/* The cell's text as its tooltip, asked for when the pointer rests on it: setting a tooltip on
 * every bind asks the display server where the pointer is, a round trip per cell. */
static gboolean
query_cell_tooltip (GtkWidget *label,
                    int x,
                    int y,
                    gboolean keyboard,
                    GtkTooltip *tooltip,
                    gpointer data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (*text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_cell_tooltip), NULL);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  BfExitRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *text = bf_exit_row_get_cell (row, GPOINTER_TO_UINT (data));

  gtk_label_set_text (label, text);
}

void
bf_exit_list_setup (GtkColumnView *view, BfExitList kind, const char *accessible_name)
{
  const char *const *titles = columns_of (kind);

  for (guint i = 0; titles[i] != NULL; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_ (titles[i]), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* the reason of an adjustment takes what room there is; other lists fill with their last */
      gtk_column_view_column_set_expand (
        column, kind == BF_EXIT_LIST_ADJUSTMENTS ? i == 5 : titles[i + 1] == NULL);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
}

GtkSingleSelection *
bf_exit_list_attach (GtkColumnView *view, GListModel *model)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (model));

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  return selection;
}

char *
bf_exit_money (gint64 fen)
{
  return fen == G_MININT64 ? g_strdup ("—") : bf_money_format (fen);
}

const char *
bf_exit_result_label (const char *code)
{
  const char *label = code != NULL ? bf_code_label (BF_CODES_INCOME_LEVEL, code) : NULL;

  return label != NULL ? label : "";
}

static const char *
status_label (const char *code)
{
  BfStatus status;

  return code != NULL && bf_status_from_code (code, &status) ? bf_status_label (status) : "";
}

BfExitRow *
bf_exit_row_from_case (const BfCaseRow *row, BfExitList kind)
{
  g_autofree char *income = bf_exit_money (row->per_capita_fen);
  BfExitRow *item;

  if (kind == BF_EXIT_LIST_FOLLOW_UP)
    {
      const char *cells[] = {
        row->number,
        row->head_name,
        row->village_name,
        row->exited_on != NULL ? row->exited_on : row->status_since,
        row->last_visit_on != NULL ? row->last_visit_on : _ ("Never visited"),
        income,
        NULL,
      };

      item = bf_exit_row_new (row->household_id, 0, cells);
    }
  else
    {
      const char *cells[] = {
        row->number,
        row->head_name,
        row->village_name,
        status_label (row->status),
        income,
        bf_exit_result_label (row->assessment_result),
        NULL,
      };

      item = bf_exit_row_new (row->household_id, 0, cells);
    }
  item->status = g_strdup (row->status);
  return item;
}

BfExitRow *
bf_exit_row_from_assessment (const BfAssessment *a)
{
  g_autofree char *income = bf_exit_money (a->per_capita_fen);
  g_autofree char *line = bf_exit_money (a->poverty_line_fen);
  g_autofree char *change = NULL;
  BfExitRow *item;

  if (a->has_change)
    {
      g_autofree char *amount = bf_money_format (a->change_fen);

      change = g_strdup_printf ("%s%s", a->change_fen > 0 ? "+" : "", amount);
    }
  {
    const char *cells[] = {
      a->number,
      a->head_name,
      a->village_name,
      income,
      line,
      bf_exit_result_label (a->result),
      change != NULL ? change : "—",
      NULL,
    };

    item = bf_exit_row_new (a->household_id, a->id, cells);
  }
  item->status = g_strdup (a->status);
  return item;
}

BfExitRow *
bf_exit_row_from_adjustment (const BfAdjustment *a)
{
  const char *kind = bf_code_label (BF_CODES_ADJUSTMENT_KIND, a->kind);
  const char *sub = a->subkind != NULL ? bf_code_label (BF_CODES_NATURAL_CHANGE, a->subkind) : NULL;
  /* TRANSLATORS: an adjustment kind with its natural change, "Natural change (Birth)" */
  g_autofree char *kind_text = sub != NULL ? g_strdup_printf (_ ("%s (%s)"), kind, sub)
                                           : g_strdup (kind != NULL ? kind : a->kind);
  const char *cells[] = {
    a->adjusted_on,
    a->number,
    a->head_name,
    a->village_name,
    kind_text,
    a->reason,
    a->approval != NULL ? a->approval : "",
    a->document_number != NULL ? a->document_number : "",
    NULL,
  };

  return bf_exit_row_new (a->household_id, a->id, cells);
}

static BfExitRow *
row_of (BfExitList kind, gpointer record)
{
  switch (kind)
    {
      case BF_EXIT_LIST_ASSESSMENTS:
        return bf_exit_row_from_assessment (record);
      case BF_EXIT_LIST_ADJUSTMENTS:
        return bf_exit_row_from_adjustment (record);
      case BF_EXIT_LIST_CASES:
      case BF_EXIT_LIST_FOLLOW_UP:
      default:
        return bf_exit_row_from_case (record, kind);
    }
}

BfExitListRead *
bf_exit_list_read_new (BfExitList kind, GPtrArray *records)
{
  BfExitListRead *read;

  if (records == NULL)
    return NULL;
  read = g_new0 (BfExitListRead, 1);
  read->records = records;
  read->items = g_ptr_array_new_full (records->len, g_object_unref);
  /* Looking a household up after the fill takes no walk over tens of thousands of rows. */
  read->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < records->len; i++)
    {
      BfExitRow *row = row_of (kind, g_ptr_array_index (records, i));

      g_ptr_array_add (read->items, row);
      if (!g_hash_table_contains (read->index, &row->household_id))
        g_hash_table_insert (read->index, &row->household_id, GUINT_TO_POINTER (i + 1));
    }
  return read;
}

static gpointer
free_read_thread (gpointer data)
{
  BfExitListRead *read = data;

  g_clear_pointer (&read->index, g_hash_table_unref);
  g_clear_pointer (&read->records, g_ptr_array_unref);
  g_clear_pointer (&read->items, g_ptr_array_unref);
  g_free (read);
  return NULL;
}

/* Above this many rows a list is freed in a thread: tens of thousands of them take tens of
 * milliseconds, time the window would not answer. */
#define FREE_IN_THREAD 2000

void
bf_exit_list_read_free (BfExitListRead *read)
{
  if (read == NULL)
    return;
  if (read->records->len > FREE_IN_THREAD)
    g_thread_unref (g_thread_new ("bf-exit-free", free_read_thread, read));
  else
    free_read_thread (read);
}

static gpointer
free_items_thread (gpointer items)
{
  g_ptr_array_unref (items);
  return NULL;
}

void
bf_exit_list_replace (GListStore *model, GPtrArray *items)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (model));
  GPtrArray *old = g_ptr_array_new_full (n_old, g_object_unref);

  /* The old rows are held past the splice so that their last reference is dropped in a thread. */
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (model), i));
  /* One change for the whole list: the view updates once. */
  g_list_store_splice (model, 0, n_old, items != NULL ? items->pdata : NULL,
                       items != NULL ? items->len : 0);
  if (n_old > FREE_IN_THREAD)
    g_thread_unref (g_thread_new ("bf-exit-free", free_items_thread, old));
  else
    g_ptr_array_unref (old);
}

/* ---------------------------------------------------------------------------------------------
 * Choosers
 */

void
bf_exit_scope_fill (GtkDropDown *dropdown, BfStore *store, GArray *ids)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) villages = store != NULL ? bf_store_list_villages (store, NULL) : NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 none = 0;

  g_array_set_size (ids, 0);
  g_array_append_val (ids, none);
  gtk_string_list_append (names, _ ("Whole township"));
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      BfVillage *village = g_ptr_array_index (villages, i);

      gtk_string_list_append (names, village->name);
      g_array_append_val (ids, village->id);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected < ids->len ? selected : 0);
}

gint64
bf_exit_scope_get (GtkDropDown *dropdown, GArray *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

char *
bf_exit_default_period (void)
{
  GDate today;
  int year, quarter;

  bf_date_today (&today);
  bf_quarter_last_complete (&today, &year, &quarter);
  return bf_quarter_format (year, quarter);
}

char *
bf_exit_today (void)
{
  GDate today;

  bf_date_today (&today);
  return bf_date_format (&today);
}
