/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BF_TYPE_LEDGERS_PAGE (bf_ledgers_page_get_type ())
G_DECLARE_FINAL_TYPE (BfLedgersPage, bf_ledgers_page, BF, LEDGERS_PAGE, AdwBin)

GtkWidget *bf_ledgers_page_new (void);

G_END_DECLS
