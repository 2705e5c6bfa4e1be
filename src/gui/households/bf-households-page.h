/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-household-editor.h"
#include "bf-household-list-model.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* The Households page: the register's households in a column view (search, filters, sorting,
 * all in SQL), and the household editor that opens from it. */
#define BF_TYPE_HOUSEHOLDS_PAGE (bf_households_page_get_type ())
G_DECLARE_FINAL_TYPE (BfHouseholdsPage, bf_households_page, BF, HOUSEHOLDS_PAGE, AdwBin)

GtkWidget *bf_households_page_new (void);

/* Shows the households of @store (NULL: none). Offers back any unsaved form recovered from a
 * crash, once the page is on screen. */
void bf_households_page_set_store (BfHouseholdsPage *self, BfStore *store);
BfStore *bf_households_page_get_store (BfHouseholdsPage *self);

void bf_households_page_new_household (BfHouseholdsPage *self);
/* Opens household @id in the editor (asking first when the editor has unsaved changes). */
void bf_households_page_open_household (BfHouseholdsPage *self, gint64 id);
/* TRUE while the editor is shown. */
gboolean bf_households_page_get_editing (BfHouseholdsPage *self);

typedef void (*BfLeaveCallback) (gboolean may_leave, gpointer data);
/* For the window, before it shows another page or closes: asks about unsaved changes. */
void
bf_households_page_request_leave (BfHouseholdsPage *self, BfLeaveCallback callback, gpointer data);

BfHouseholdEditor *bf_households_page_get_editor (BfHouseholdsPage *self);
BfHouseholdListModel *bf_households_page_get_model (BfHouseholdsPage *self);

G_END_DECLS
