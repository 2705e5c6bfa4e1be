/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bf-household-item.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* The households matching a query, as a GListModel of BfHouseholdItem.
 *
 * Holds only the ids of the matches (read off the main thread on a reader connection of its own,
 * filtered and sorted in SQL) and a few pages of rows around what is on screen. Items are made for
 * the rows the view asks for; their rows are read in pages by the same worker and filled in when
 * they arrive, so neither a new query nor a scroll to the far end waits on the main loop.
 *
 * It is also its own multiple-selection model, remembering the selected households by id, so
 * that the selection follows them through a new sort or a refresh. Select All is a flag ("every
 * current match"), not 100,000 items. (GtkMultiSelection keeps positions, and GtkSingleSelection
 * looks for its selected item among every added item on a change: 100,000 items made for
 * nothing.) A new search or filter clears the selection; a new sort keeps it. */
#define BF_TYPE_HOUSEHOLD_LIST_MODEL (bf_household_list_model_get_type ())
G_DECLARE_FINAL_TYPE (BfHouseholdListModel,
                      bf_household_list_model,
                      BF,
                      HOUSEHOLD_LIST_MODEL,
                      GObject)

BfHouseholdListModel *bf_household_list_model_new (BfStore *store);
BfStore *bf_household_list_model_get_store (BfHouseholdListModel *self);

/* Copies @query and reads its matches in the background (the list changes when they arrive). */
void bf_household_list_model_set_query (BfHouseholdListModel *self, const BfHouseholdQuery *query);
const BfHouseholdQuery *bf_household_list_model_get_query (BfHouseholdListModel *self);
/* Reads the matches and the visible rows again (after a write). */
void bf_household_list_model_refresh (BfHouseholdListModel *self);

/* TRUE while a query or a page of rows is being read. */
gboolean bf_household_list_model_get_busy (BfHouseholdListModel *self);
/* The number of households in the register, ignoring the query (-1 before the first read). */
gint64 bf_household_list_model_get_total (BfHouseholdListModel *self);
/* The number of matches of the query. (The list itself reaches it over a few main-loop
 * iterations after a change.) */
guint bf_household_list_model_get_n_matches (BfHouseholdListModel *self);
/* The number of selected households among the current matches. */
guint bf_household_list_model_get_n_selected (BfHouseholdListModel *self);
/* The selected households among the current matches, in list order (an array of gint64). */
GArray *bf_household_list_model_get_selected_ids (BfHouseholdListModel *self);
/* The selected household when exactly one is selected (0: none or several). */
gint64 bf_household_list_model_get_selected_id (BfHouseholdListModel *self);
/* The position of @id in the current matches, or -1. */
gint64 bf_household_list_model_find (BfHouseholdListModel *self, gint64 id);

G_END_DECLS
