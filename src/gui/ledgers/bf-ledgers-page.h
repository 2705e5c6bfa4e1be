/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store.h"

G_BEGIN_DECLS

#define BF_TYPE_LEDGERS_PAGE (bf_ledgers_page_get_type ())
G_DECLARE_FINAL_TYPE (BfLedgersPage, bf_ledgers_page, BF, LEDGERS_PAGE, AdwBin)

GtkWidget *bf_ledgers_page_new (void);

/* The register the page exports. Inside a BfWindow the page follows the window's "store". */
BfStore *bf_ledgers_page_get_store (BfLedgersPage *self);
void bf_ledgers_page_set_store (BfLedgersPage *self, BfStore *store);

/* The workbook the next export writes (a default name until one is chosen). */
const char *bf_ledgers_page_get_destination (BfLedgersPage *self);
void bf_ledgers_page_set_destination (BfLedgersPage *self, const char *path);

/* Whether an export is running. */
gboolean bf_ledgers_page_get_busy (BfLedgersPage *self);

G_END_DECLS
