/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-form.h"
#include "bf-store-plans.h"

G_BEGIN_DECLS

/* The helpers (帮扶责任人): a searchable list, and a helper's page with their details (add,
 * edit, retire), their households (each opens, or gets a visit recorded), their open measures
 * and their last visits. */
#define BF_TYPE_HELPERS_VIEW (bf_helpers_view_get_type ())
G_DECLARE_FINAL_TYPE (BfHelpersView, bf_helpers_view, BF, HELPERS_VIEW, GtkWidget)

GtkWidget *bf_helpers_view_new (void);
void bf_helpers_view_set_store (BfHelpersView *self, BfStore *store);
/* Reads the list again in the background; the "loading" property is TRUE until it shows. */
void bf_helpers_view_reload (BfHelpersView *self);
gboolean bf_helpers_view_get_loading (BfHelpersView *self);

/* Shows helper @id's page (0: a new helper). */
void bf_helpers_view_show_helper (BfHelpersView *self, gint64 id);
/* Saves the helper page's details; FALSE with the fields marked. */
gboolean bf_helpers_view_save (BfHelpersView *self);
BfForm *bf_helpers_view_get_form (BfHelpersView *self);
/* How many helpers the list shows. */
guint bf_helpers_view_get_n_helpers (BfHelpersView *self);

G_END_DECLS
