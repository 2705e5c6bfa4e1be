/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The households list model as a GtkSelectionModel: many households, by id.
 *
 * The selection is a set of ids, so that it follows the households through a new sort or a
 * refresh. Select All sets a flag meaning "every current match" and the set then holds the
 * exceptions: selecting 100,000 matches touches no rows. */
#include "bf-household-list-model-private.h"

static gboolean
id_selected (BfHouseholdListModel *self, gint64 id)
{
  return id != 0 && (self->select_all != g_hash_table_contains (self->selection, &id));
}

static gint64
id_at (BfHouseholdListModel *self, guint position)
{
  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

static void
set_id_selected (BfHouseholdListModel *self, gint64 id, gboolean selected)
{
  if (id == 0 || id_selected (self, id) == selected)
    return;
  if (g_hash_table_contains (self->selection, &id))
    g_hash_table_remove (self->selection, &id);
  else
    g_hash_table_add (self->selection, g_memdup2 (&id, sizeof id));
}

/* Tells the view about the positions in [@lo, @hi) that may have changed. */
static void
selection_changed (BfHouseholdListModel *self, guint lo, guint hi)
{
  hi = MIN (hi, self->exposed);
  if (lo < hi)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), lo, hi - lo);
}

/* The range of the current positions of the ids in the set, as [@lo, @hi). */
static void
set_range (BfHouseholdListModel *self, guint *lo, guint *hi)
{
  GHashTableIter iter;
  gpointer key;

  *lo = G_MAXUINT;
  *hi = 0;
  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 at = bf_household_list_model_find (self, *(gint64 *) key);

      if (at < 0)
        continue;
      *lo = MIN (*lo, (guint) at);
      *hi = MAX (*hi, (guint) at + 1);
    }
}

/* Clears the selection, telling the view which rows it affects. */
void
_bf_household_list_model_clear_selection (BfHouseholdListModel *self)
{
  guint lo, hi;

  if (self->select_all)
    {
      lo = 0;
      hi = self->ids->len;
    }
  else
    set_range (self, &lo, &hi);
  self->select_all = FALSE;
  g_hash_table_remove_all (self->selection);
  selection_changed (self, lo, hi);
}

static gboolean
bf_household_list_model_is_selected (GtkSelectionModel *model, guint position)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (model);

  return id_selected (self, id_at (self, position));
}

static GtkBitset *
bf_household_list_model_get_selection_in_range (GtkSelectionModel *model,
                                                guint position,
                                                guint n_items)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (model);
  GtkBitset *selected = gtk_bitset_new_empty ();
  guint end = MIN ((guint64) position + n_items, self->ids->len);

  if (!self->select_all && g_hash_table_size (self->selection) < end - MIN (position, end))
    {
      /* Fewer selected ids than positions asked about: look the ids up. */
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->selection);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gint64 at = bf_household_list_model_find (self, *(gint64 *) key);

          if (at >= position && at < end)
            gtk_bitset_add (selected, (guint) at);
        }
      return selected;
    }
  for (guint i = position; i < end; i++)
    if (id_selected (self, g_array_index (self->ids, gint64, i)))
      gtk_bitset_add (selected, i);
  return selected;
}

static gboolean
bf_household_list_model_select_item (GtkSelectionModel *model,
                                     guint position,
                                     gboolean unselect_rest)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (model);
  gint64 id = id_at (self, position);

  if (id == 0)
    return FALSE;
  if (unselect_rest)
    _bf_household_list_model_clear_selection (self);
  set_id_selected (self, id, TRUE);
  selection_changed (self, position, position + 1);
  return TRUE;
}

static gboolean
bf_household_list_model_unselect_item (GtkSelectionModel *model, guint position)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (model);

  set_id_selected (self, id_at (self, position), FALSE);
  selection_changed (self, position, position + 1);
  return TRUE;
}

static gboolean
bf_household_list_model_select_range (GtkSelectionModel *model,
                                      guint position,
                                      guint n_items,
                                      gboolean unselect_rest)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (model);
  guint end = MIN ((guint64) position + n_items, self->ids->len);

  if (unselect_rest)
    _bf_household_list_model_clear_selection (self);
  for (guint i = position; i < end; i++)
    set_id_selected (self, g_array_index (self->ids, gint64, i), TRUE);
  selection_changed (self, position, end);
  return TRUE;
}

static gboolean
bf_household_list_model_unselect_range (GtkSelectionModel *model, guint position, guint n_items)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (model);
  guint end = MIN ((guint64) position + n_items, self->ids->len);

  for (guint i = position; i < end; i++)
    set_id_selected (self, g_array_index (self->ids, gint64, i), FALSE);
  selection_changed (self, position, end);
  return TRUE;
}

static gboolean
bf_household_list_model_select_all (GtkSelectionModel *model)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (model);

  self->select_all = TRUE;
  g_hash_table_remove_all (self->selection);
  selection_changed (self, 0, self->ids->len);
  return TRUE;
}

static gboolean
bf_household_list_model_unselect_all (GtkSelectionModel *model)
{
  _bf_household_list_model_clear_selection (BF_HOUSEHOLD_LIST_MODEL (model));
  return TRUE;
}

/* Shift+click asks for a range and a mask of every row: done without visiting every row. */
static gboolean
bf_household_list_model_set_selection (GtkSelectionModel *model,
                                       GtkBitset *selected,
                                       GtkBitset *mask)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (model);
  guint n = self->ids->len;
  guint lo = G_MAXUINT, hi = 0;
  GtkBitsetIter iter;
  guint position;

  if (n > 0 && gtk_bitset_get_size_in_range (mask, 0, n - 1) == n)
    {
      /* Every row masked: the selection becomes @selected. */
      _bf_household_list_model_clear_selection (self);
      for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
           ok && position < n; ok = gtk_bitset_iter_next (&iter, &position))
        {
          set_id_selected (self, g_array_index (self->ids, gint64, position), TRUE);
          lo = MIN (lo, position);
          hi = MAX (hi, position + 1);
        }
      selection_changed (self, lo, hi);
      return TRUE;
    }
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, mask, &position); ok && position < n;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      set_id_selected (self, g_array_index (self->ids, gint64, position),
                       gtk_bitset_contains (selected, position));
      lo = MIN (lo, position);
      hi = MAX (hi, position + 1);
    }
  selection_changed (self, lo, hi);
  return TRUE;
}

void
_bf_household_list_model_selection_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = bf_household_list_model_is_selected;
  iface->get_selection_in_range = bf_household_list_model_get_selection_in_range;
  iface->select_item = bf_household_list_model_select_item;
  iface->unselect_item = bf_household_list_model_unselect_item;
  iface->select_range = bf_household_list_model_select_range;
  iface->unselect_range = bf_household_list_model_unselect_range;
  iface->select_all = bf_household_list_model_select_all;
  iface->unselect_all = bf_household_list_model_unselect_all;
  iface->set_selection = bf_household_list_model_set_selection;
}

guint
bf_household_list_model_get_n_selected (BfHouseholdListModel *self)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), 0);

  /* Selected ids that are no longer matches (deleted since) do not count. */
  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (bf_household_list_model_find (self, *(gint64 *) key) >= 0)
      n++;
  return self->select_all ? self->ids->len - n : n;
}

GArray *
bf_household_list_model_get_selected_ids (BfHouseholdListModel *self)
{
  GArray *ids;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                           bf_household_list_model_get_n_selected (self));
  for (guint i = 0; i < self->ids->len; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (id_selected (self, id))
        g_array_append_val (ids, id);
    }
  return ids;
}

gint64
bf_household_list_model_get_selected_id (BfHouseholdListModel *self)
{
  g_autoptr (GArray) ids = NULL;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), 0);

  if (bf_household_list_model_get_n_selected (self) != 1)
    return 0;
  ids = bf_household_list_model_get_selected_ids (self);
  return g_array_index (ids, gint64, 0);
}
