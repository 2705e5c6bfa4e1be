/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The households list model: the ids of the matches, a cache of pages of rows, and the items
 * the view holds. Its paging worker is bf-household-list-model-worker.c, its selection
 * bf-household-list-model-selection.c (see bf-household-list-model-private.h for the threads). */
#include <string.h>

#include "bf-household-list-model-private.h"

#define MAX_CACHED_PAGES 64
#define MAX_WANTED_PAGES 16

/* Whether @a and @b match the same households (they may sort them differently). */
static gboolean
query_same_matches (const BfHouseholdQuery *a, const BfHouseholdQuery *b)
{
  return g_strcmp0 (a->text, b->text) == 0 && a->village_id == b->village_id &&
         a->group_id == b->group_id && g_strcmp0 (a->status, b->status) == 0 &&
         g_strcmp0 (a->attribute, b->attribute) == 0 &&
         g_strcmp0 (a->monitoring_type, b->monitoring_type) == 0 &&
         g_strcmp0 (a->cause, b->cause) == 0 && a->include_deleted == b->include_deleted;
}

/* An item the view holds: one per position (a "slot"), pointed at whichever household is at
 * that position now. Keeping the same object per position lets GTK keep its row widgets when
 * the rows change (it matches widgets to items by identity), so a new sort only changes text. */
typedef struct
{
  BfHouseholdListModel *model;
  guint position;
  BfHouseholdItem *item; /* weak */
} LiveEntry;

static void bf_household_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (
  BfHouseholdListModel,
  bf_household_list_model,
  G_TYPE_OBJECT,
  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bf_household_list_model_iface_init)
    G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, _bf_household_list_model_selection_iface_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ERROR,
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_busy (BfHouseholdListModel *self)
{
  gboolean busy = self->scanning || self->waiting_pages || self->converge_source != 0;

  if (busy == self->busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* {{{ Page cache */

static GPtrArray *
page_lookup (BfHouseholdListModel *self, guint page)
{
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
}

static void
page_touch (BfHouseholdListModel *self, guint page)
{
  GList *link = g_queue_find (&self->page_order, GUINT_TO_POINTER (page));

  if (link != NULL && link != self->page_order.head)
    {
      g_queue_unlink (&self->page_order, link);
      g_queue_push_head_link (&self->page_order, link);
    }
}

static void
page_insert (BfHouseholdListModel *self, guint page, GPtrArray *rows)
{
  if (g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)))
    g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), g_ptr_array_ref (rows));
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
  while (self->page_order.length > MAX_CACHED_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
}

static void
pages_clear (BfHouseholdListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

/* The row at @position when its page is cached. */
static const BfHouseholdRow *
cached_row (BfHouseholdListModel *self, guint position)
{
  GPtrArray *rows = page_lookup (self, position / PAGE_SIZE);
  gint64 id;

  if (rows == NULL)
    return NULL;
  page_touch (self, position / PAGE_SIZE);
  id = g_array_index (self->ids, gint64, position);
  /* A page holds its ids in order, unless one went away since the scan. */
  if (position % PAGE_SIZE < rows->len)
    {
      const BfHouseholdRow *row = g_ptr_array_index (rows, position % PAGE_SIZE);
      if (row->id == id)
        return row;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const BfHouseholdRow *row = g_ptr_array_index (rows, i);
      if (row->id == id)
        return row;
    }
  return NULL;
}

/* Fills every live item that stands for a household of @rows. */
static void
fill_live_items (BfHouseholdListModel *self, GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const BfHouseholdRow *row = g_ptr_array_index (rows, i);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, &row->id));
      LiveEntry *entry;

      if (position == 0)
        continue;
      entry = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position - 1));
      if (entry != NULL && bf_household_item_get_id (entry->item) == row->id)
        bf_household_item_set_row (entry->item, row);
    }
}

/* Points @entry's item at the household now at its position, with its row when cached. */
static void
sync_entry (BfHouseholdListModel *self, LiveEntry *entry)
{
  const BfHouseholdRow *row;
  gint64 id;

  if (entry->position >= self->ids->len)
    {
      /* A row on its way out (see converge()): blank. */
      bf_household_item_reset (entry->item, 0);
      return;
    }
  id = g_array_index (self->ids, gint64, entry->position);
  if (bf_household_item_get_id (entry->item) == id && bf_household_item_get_loaded (entry->item))
    return;
  bf_household_item_reset (entry->item, id);
  row = cached_row (self, entry->position);
  if (row != NULL)
    bf_household_item_set_row (entry->item, row);
}

static void
sync_all (BfHouseholdListModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sync_entry (self, value);
}

/* }}} */
/* {{{ Asking the worker for the pages on screen */

static gboolean
ensure_pages (gpointer data)
{
  BfHouseholdListModel *self = data;
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer value;
  guint in_flight;

  self->ensure_source = 0;

  g_mutex_lock (&self->worker->mutex);
  in_flight = self->worker->in_flight_page;
  g_mutex_unlock (&self->worker->mutex);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value) && wanted->len < MAX_WANTED_PAGES)
    {
      guint position = ((LiveEntry *) value)->position;
      guint page;
      gboolean seen = FALSE;

      if (position >= self->ids->len)
        continue; /* no longer a row: the view is about to drop it */
      page = position / PAGE_SIZE;
      if (page_lookup (self, page) != NULL)
        continue;
      for (guint i = 0; i < wanted->len && !seen; i++)
        seen = g_array_index (wanted, guint, i) == page;
      if (!seen)
        g_array_append_val (wanted, page);
    }

  g_mutex_lock (&self->worker->mutex);
  g_ptr_array_set_size (self->worker->page_jobs, 0);
  for (guint i = 0; i < wanted->len; i++)
    {
      guint page = g_array_index (wanted, guint, i);
      guint start = page * PAGE_SIZE;
      guint n = MIN (PAGE_SIZE, self->ids->len - start);
      PageJob *job;

      if (page == in_flight)
        continue;
      job = g_new0 (PageJob, 1);
      job->page = page;
      job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      g_array_append_vals (job->ids, &g_array_index (self->ids, gint64, start), n);
      g_ptr_array_add (self->worker->page_jobs, job);
    }
  self->worker->pages_generation = self->generation;
  g_cond_signal (&self->worker->cond);
  g_mutex_unlock (&self->worker->mutex);

  self->waiting_pages = wanted->len > 0;
  update_busy (self);
  return G_SOURCE_REMOVE;
}

static void
queue_ensure_pages (BfHouseholdListModel *self)
{
  if (self->ensure_source == 0)
    self->ensure_source = g_idle_add_full (G_PRIORITY_DEFAULT, ensure_pages, self, NULL);
}

/* }}} */
/* {{{ Results */

static BfHouseholdListModel *
model_for_result (Worker *worker, guint generation)
{
  BfHouseholdListModel *self = g_weak_ref_get (&worker->model);

  if (self != NULL && self->generation != generation)
    g_clear_object (&self);
  return self;
}

/* The rows the view holds (what is on screen, the focus, the scroll anchor), as a range of
 * positions in the current ids; FALSE when it holds none. */
static gboolean
live_range (BfHouseholdListModel *self, guint *lo, guint *hi)
{
  GHashTableIter iter;
  gpointer value;
  gboolean any = FALSE;

  *lo = G_MAXUINT;
  *hi = 0;
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      guint position = ((LiveEntry *) value)->position;

      if (position >= self->exposed)
        continue;
      *lo = MIN (*lo, position);
      *hi = MAX (*hi, position + 1);
      any = TRUE;
    }
  return any;
}

/* GTK 4.8 list views keep up to 200 row widgets around the scroll position. */
#define WIDGET_REACH 240
/* Rows the view is shown more of (or fewer) in one main-loop iteration where it has widgets. */
#define CHUNK 40

static void sync_all (BfHouseholdListModel *self);

/* One step of bringing the rows the view knows of to the number of matches. */
static gboolean
converge (gpointer data)
{
  BfHouseholdListModel *self = data;
  guint n = self->ids->len;
  guint lo, hi;

  if (!live_range (self, &lo, &hi))
    hi = 0;
  if (self->exposed < n)
    {
      /* Beyond the widgets' reach, the rest at once. */
      guint add =
        self->exposed < hi + WIDGET_REACH ? MIN (CHUNK, n - self->exposed) : n - self->exposed;
      guint at = self->exposed;

      self->exposed += add;
      g_list_model_items_changed (G_LIST_MODEL (self), at, 0, add);
    }
  else if (self->exposed > n)
    {
      guint remove =
        self->exposed > hi ? self->exposed - MAX (hi, n) : MIN (CHUNK, self->exposed - n);

      self->exposed -= remove;
      g_list_model_items_changed (G_LIST_MODEL (self), self->exposed, remove, 0);
    }
  if (self->exposed != n)
    return G_SOURCE_CONTINUE;
  self->converge_source = 0;
  update_busy (self);
  queue_ensure_pages (self);
  return G_SOURCE_REMOVE;
}

/* The ids the view sees at [0, @n): the current ids, blank (0) beyond them. */
static GArray *
view_ids (BfHouseholdListModel *self, guint n)
{
  GArray *ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);

  g_array_append_vals (ids, self->ids->data, MIN (n, self->ids->len));
  g_array_set_size (ids, n);
  return ids;
}

/* @target's id at @position, blank beyond its end. */
static GArray *
target_prefix (GArray *target, guint n)
{
  GArray *ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);

  g_array_append_vals (ids, target->data, MIN (n, target->len));
  g_array_set_size (ids, n);
  return ids;
}

/* Makes @new_ids the list, telling the view what changed without ever shifting the rows it
 * holds: their positions keep their items (see LiveEntry).
 *
 * GTK 4.8's list views, when a change removes a row they track (the scroll anchor, the focus),
 * call get_item() for every added row looking for it: 100,000 calls for a new sort. So the change
 * goes in steps that each touch few tracked rows: the rows after those the view holds go; the rows
 * before them, then the rows held, are replaced one for one; then the view is shown the new
 * number of rows, a few at a time where it makes widgets (converge()). */
static void
replace_ids (BfHouseholdListModel *self, GArray *new_ids)
{
  guint seen = self->exposed;
  guint lo, hi;

  g_clear_handle_id (&self->converge_source, g_source_remove);

  if (!live_range (self, &lo, &hi))
    {
      /* No widgets yet: the first rows come in a few at a time as well. */
      g_array_unref (self->ids);
      self->ids = g_array_ref (new_ids);
      self->exposed = 0;
      if (seen > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, seen, 0);
      if (new_ids->len > 0)
        {
          self->converge_source = g_idle_add (converge, self);
          converge (self);
        }
      return;
    }

  {
    g_autoptr (GArray) old = view_ids (self, seen);
    g_autoptr (GArray) target = target_prefix (new_ids, hi);

    /* After the rows held: gone for now. */
    g_array_unref (self->ids);
    self->ids = g_array_ref (old);
    g_array_set_size (self->ids, hi);
    self->exposed = hi;
    if (seen > hi)
      g_list_model_items_changed (G_LIST_MODEL (self), hi, seen - hi, 0);

    /* Before them, one for one. */
    if (lo > 0)
      {
        memcpy (self->ids->data, target->data, lo * sizeof (gint64));
        g_list_model_items_changed (G_LIST_MODEL (self), 0, lo, lo);
      }

    /* The rows held, one for one: the view finds each of its items where it was. */
    g_array_unref (self->ids);
    self->ids = g_array_ref (new_ids);
    g_list_model_items_changed (G_LIST_MODEL (self), lo, hi - lo, hi - lo);
  }

  sync_all (self);
  if (self->exposed != self->ids->len)
    {
      self->converge_source = g_idle_add (converge, self);
      converge (self);
    }
}

gboolean
_bf_household_list_model_apply_scan_result (gpointer data)
{
  ScanResult *r = data;
  g_autoptr (BfHouseholdListModel) self = model_for_result (r->worker, r->generation);
  g_autoptr (GArray) new_ids = NULL;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  self->scanning = FALSE;
  if (r->ids == NULL || r->error != NULL)
    {
      update_busy (self);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, r->error);
      return G_SOURCE_REMOVE;
    }

  new_ids = g_steal_pointer (&r->ids);
  pages_clear (self);
  if (r->first_rows != NULL && r->first_rows->len > 0)
    page_insert (self, 0, r->first_rows);
  g_hash_table_unref (self->positions);
  self->positions = g_steal_pointer (&r->positions);
  replace_ids (self, new_ids);

  if (self->total != r->total)
    {
      self->total = r->total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }

  /* Rows on screen that were read before this scan are read again. */
  ensure_pages (self);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0, self->new_query);
  self->new_query = FALSE;
  return G_SOURCE_REMOVE;
}

gboolean
_bf_household_list_model_apply_page_result (gpointer data)
{
  PageResult *r = data;
  g_autoptr (BfHouseholdListModel) self = model_for_result (r->worker, r->generation);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  if (r->rows == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, r->error);
      return G_SOURCE_REMOVE;
    }
  page_insert (self, r->page, r->rows);
  fill_live_items (self, r->rows);
  ensure_pages (self);
  return G_SOURCE_REMOVE;
}

/* }}} */
/* {{{ GListModel */

static GType
bf_household_list_model_get_item_type (GListModel *list)
{
  return BF_TYPE_HOUSEHOLD_ITEM;
}

static guint
bf_household_list_model_get_n_items (GListModel *list)
{
  return BF_HOUSEHOLD_LIST_MODEL (list)->exposed;
}

static void
on_item_finalized (gpointer data, GObject *where_the_object_was)
{
  LiveEntry *entry = data;

  g_hash_table_remove (entry->model->live, GUINT_TO_POINTER (entry->position));
}

static gpointer
bf_household_list_model_get_item (GListModel *list, guint position)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (list);
  LiveEntry *entry;

  if (position >= self->exposed)
    return NULL;

  entry = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (entry == NULL)
    {
      entry = g_new (LiveEntry, 1);
      entry->model = self;
      entry->position = position;
      entry->item = bf_household_item_new (0);
      g_hash_table_insert (self->live, GUINT_TO_POINTER (position), entry);
      g_object_weak_ref (G_OBJECT (entry->item), on_item_finalized, entry);
      sync_entry (self, entry);
    }
  else
    {
      g_object_ref (entry->item);
      sync_entry (self, entry);
    }
  if (!bf_household_item_get_loaded (entry->item) && position < self->ids->len)
    queue_ensure_pages (self);
  return entry->item;
}

static void
bf_household_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bf_household_list_model_get_item_type;
  iface->get_n_items = bf_household_list_model_get_n_items;
  iface->get_item = bf_household_list_model_get_item;
}

/* }}} */

static void
bf_household_list_model_dispose (GObject *object)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (object);
  GHashTableIter iter;
  gpointer value;

  g_clear_pointer (&self->worker, _bf_household_list_model_worker_stop);
  g_clear_handle_id (&self->ensure_source, g_source_remove);
  g_clear_handle_id (&self->converge_source, g_source_remove);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (G_OBJECT (((LiveEntry *) value)->item), on_item_finalized, value);
  g_hash_table_remove_all (self->live);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (bf_household_list_model_parent_class)->dispose (object);
}

static void
bf_household_list_model_finalize (GObject *object)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (object);

  _bf_household_list_model_query_free (self->query);
  g_array_unref (self->ids);
  g_hash_table_unref (self->positions);
  pages_clear (self);
  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->live);
  g_hash_table_unref (self->selection);

  G_OBJECT_CLASS (bf_household_list_model_parent_class)->finalize (object);
}

static void
bf_household_list_model_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      case PROP_BUSY:
        g_value_set_boolean (value, self->busy);
        break;
      case PROP_TOTAL:
        g_value_set_int64 (value, self->total);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_household_list_model_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (object);

  switch (prop_id)
    {
      case PROP_STORE:
        self->store = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_household_list_model_constructed (GObject *object)
{
  BfHouseholdListModel *self = BF_HOUSEHOLD_LIST_MODEL (object);

  G_OBJECT_CLASS (bf_household_list_model_parent_class)->constructed (object);

  g_return_if_fail (BF_IS_STORE (self->store));

  self->worker = _bf_household_list_model_worker_start (self);
  bf_household_list_model_refresh (self);
}

static void
bf_household_list_model_class_init (BfHouseholdListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bf_household_list_model_dispose;
  object_class->finalize = bf_household_list_model_finalize;
  object_class->get_property = bf_household_list_model_get_property;
  object_class->set_property = bf_household_list_model_set_property;
  object_class->constructed = bf_household_list_model_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BF_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean (
    "busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A query or a page could not be read: the message is for the caseworker. */
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* The matches are in: of another query (TRUE), or of the same one read again. */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
bf_household_list_model_init (BfHouseholdListModel *self)
{
  BfHouseholdQuery query = { .sort = BF_HOUSEHOLD_SORT_NUMBER };

  self->total = -1;
  self->query = _bf_household_list_model_query_copy (&query);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
  self->live = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->selection = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

BfHouseholdListModel *
bf_household_list_model_new (BfStore *store)
{
  g_return_val_if_fail (BF_IS_STORE (store), NULL);

  return g_object_new (BF_TYPE_HOUSEHOLD_LIST_MODEL, "store", store, NULL);
}

BfStore *
bf_household_list_model_get_store (BfHouseholdListModel *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), NULL);

  return self->store;
}

void
bf_household_list_model_set_query (BfHouseholdListModel *self, const BfHouseholdQuery *query)
{
  g_return_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  /* Households selected among other matches would be assigned unseen. */
  if (!query_same_matches (query, &self->query->query))
    _bf_household_list_model_clear_selection (self);
  _bf_household_list_model_query_free (self->query);
  self->query = _bf_household_list_model_query_copy (query);
  self->new_query = TRUE;
  bf_household_list_model_refresh (self);
}

const BfHouseholdQuery *
bf_household_list_model_get_query (BfHouseholdListModel *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), NULL);

  return &self->query->query;
}

void
bf_household_list_model_refresh (BfHouseholdListModel *self)
{
  Worker *w;

  g_return_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self));

  w = self->worker;
  self->generation++;
  g_mutex_lock (&w->mutex);
  if (w->scan_cancellable != NULL)
    g_cancellable_cancel (w->scan_cancellable);
  g_clear_object (&w->scan_cancellable);
  _bf_household_list_model_query_free (w->scan_query);
  w->scan_query = _bf_household_list_model_query_copy (&self->query->query);
  w->scan_generation = self->generation;
  w->scan_cancellable = g_cancellable_new ();
  g_ptr_array_set_size (w->page_jobs, 0);
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->mutex);

  self->scanning = TRUE;
  update_busy (self);
}

gboolean
bf_household_list_model_get_busy (BfHouseholdListModel *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), FALSE);

  return self->busy;
}

gint64
bf_household_list_model_get_total (BfHouseholdListModel *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), -1);

  return self->total;
}

guint
bf_household_list_model_get_n_matches (BfHouseholdListModel *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), 0);

  return self->ids->len;
}

gint64
bf_household_list_model_find (BfHouseholdListModel *self, gint64 id)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_LIST_MODEL (self), -1);

  if (id == 0)
    return -1;
  return (gint64) GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, &id)) - 1;
}
