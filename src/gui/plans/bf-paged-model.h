/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-store-plans.h"

G_BEGIN_DECLS

/* A GListModel of BfRecordItem over a keyset-paged store query: it claims the number of rows
 * the query counted and reads pages, in order, only as far as the list asks for items. A new
 * query is a new model. */
#define BF_TYPE_PAGED_MODEL (bf_paged_model_get_type ())
G_DECLARE_FINAL_TYPE (BfPagedModel, bf_paged_model, BF, PAGED_MODEL, GObject)

/* The page after @after (NULL: the first), of at most @limit rows. */
typedef BfListPage *(*BfPageFetch) (gpointer data,
                                    const BfHouseholdCursor *after,
                                    guint limit,
                                    GError **error);

/* @n_items is what the query counted (-1: take the first page's total). */
BfPagedModel *bf_paged_model_new (BfPageFetch fetch,
                                  gpointer data,
                                  GDestroyNotify destroy_data,
                                  GDestroyNotify free_row,
                                  gint64 n_items);
/* The first read error, if any (the model then ends where it failed). */
const GError *bf_paged_model_get_error (BfPagedModel *self);
/* The row at @position (reading pages up to it), or NULL past the end. */
gpointer bf_paged_model_get_row (BfPagedModel *self, guint position);

G_END_DECLS
