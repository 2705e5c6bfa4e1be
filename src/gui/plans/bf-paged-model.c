/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-paged-model.h"
#include "bf-plans-util.h"

#define PAGE_SIZE 200

struct _BfPagedModel
{
  GObject parent_instance;

  BfPageFetch fetch;
  gpointer data;
  GDestroyNotify destroy_data;
  GDestroyNotify free_row;
  guint n_items;
  GPtrArray *items; /* BfRecordItem read so far, in order */
  BfHouseholdCursor *next;
  gboolean done;
  GError *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BfPagedModel,
                               bf_paged_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Reads one more page; FALSE at the end or on an error. */
static gboolean
read_page (BfPagedModel *self)
{
  g_autoptr (BfListPage) page = NULL;

  if (self->done)
    return FALSE;
  page = self->fetch (self->data, self->next, PAGE_SIZE, self->error == NULL ? &self->error : NULL);
  g_clear_pointer (&self->next, bf_household_cursor_free);
  if (page == NULL)
    {
      self->done = TRUE;
      return FALSE;
    }
  if (page->total >= 0 && self->n_items == G_MAXUINT)
    self->n_items = (guint) page->total;
  g_ptr_array_set_free_func (page->rows, NULL);
  for (guint i = 0; i < page->rows->len; i++)
    g_ptr_array_add (self->items,
                     bf_record_item_new (g_ptr_array_index (page->rows, i), self->free_row));
  self->next = g_steal_pointer (&page->next);
  self->done = self->next == NULL;
  return TRUE;
}

static GType
get_item_type (GListModel *model)
{
  return BF_TYPE_RECORD_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  BfPagedModel *self = BF_PAGED_MODEL (model);

  return self->n_items == G_MAXUINT ? 0 : self->n_items;
}

static gpointer
get_item (GListModel *model, guint position)
{
  BfPagedModel *self = BF_PAGED_MODEL (model);

  if (position >= get_n_items (model))
    return NULL;
  while (position >= self->items->len && read_page (self))
    ;
  /* The register changed since the count: an empty row until the list is read again. */
  if (position >= self->items->len)
    return bf_record_item_new (NULL, NULL);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
bf_paged_model_finalize (GObject *object)
{
  BfPagedModel *self = BF_PAGED_MODEL (object);

  g_ptr_array_unref (self->items);
  bf_household_cursor_free (self->next);
  if (self->destroy_data != NULL)
    self->destroy_data (self->data);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (bf_paged_model_parent_class)->finalize (object);
}

static void
bf_paged_model_class_init (BfPagedModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bf_paged_model_finalize;
}

static void
bf_paged_model_init (BfPagedModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

BfPagedModel *
bf_paged_model_new (BfPageFetch fetch,
                    gpointer data,
                    GDestroyNotify destroy_data,
                    GDestroyNotify free_row,
                    gint64 n_items)
{
  BfPagedModel *self = g_object_new (BF_TYPE_PAGED_MODEL, NULL);

  self->fetch = fetch;
  self->data = data;
  self->destroy_data = destroy_data;
  self->free_row = free_row;
  self->n_items = n_items >= 0 ? (guint) MIN (n_items, G_MAXUINT - 1) : G_MAXUINT;
  /* The first page tells the count when the caller did not. */
  if (n_items < 0)
    read_page (self);
  return self;
}

const GError *
bf_paged_model_get_error (BfPagedModel *self)
{
  g_return_val_if_fail (BF_IS_PAGED_MODEL (self), NULL);
  return self->error;
}

gpointer
bf_paged_model_get_row (BfPagedModel *self, guint position)
{
  g_autoptr (BfRecordItem) item = NULL;

  g_return_val_if_fail (BF_IS_PAGED_MODEL (self), NULL);
  item = get_item (G_LIST_MODEL (self), position);

  return item != NULL ? bf_record_item_get (item) : NULL;
}
