/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bf-records.h"

G_BEGIN_DECLS

/* One row of the household list as the list shows it. Created only for rows on screen; until its
 * row has been read (off the main thread) it is "loading" and shows nothing. The list keeps one
 * item per position on screen and points it at another household when the rows change. */
#define BF_TYPE_HOUSEHOLD_ITEM (bf_household_item_get_type ())
G_DECLARE_FINAL_TYPE (BfHouseholdItem, bf_household_item, BF, HOUSEHOLD_ITEM, GObject)

BfHouseholdItem *bf_household_item_new (gint64 id);
gint64 bf_household_item_get_id (BfHouseholdItem *self);
gboolean bf_household_item_get_loaded (BfHouseholdItem *self);
/* The row read from the store (NULL while loading). */
const BfHouseholdRow *bf_household_item_get_row (BfHouseholdItem *self);
/* Takes a copy of @row and notifies every display property. */
void bf_household_item_set_row (BfHouseholdItem *self, const BfHouseholdRow *row);
/* Makes the item stand for household @id, loading (the list reuses one item per row on screen). */
void bf_household_item_reset (BfHouseholdItem *self, gint64 id);

/* The text shown in the list's column @column ("" while loading). Emits "changed" when the row
 * is (re)read, so cells update without a binding per property. */
const char *bf_household_item_get_column_text (BfHouseholdItem *self, BfHouseholdSort column);

const char *bf_household_item_get_number (BfHouseholdItem *self);
const char *bf_household_item_get_head_name (BfHouseholdItem *self);
/* "2026-03-04 10:20" in local time from the store's ISO UTC time stamp. */
char *bf_format_timestamp (const char *iso_utc);

G_END_DECLS
