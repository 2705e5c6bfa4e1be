/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BF_TYPE_HOUSEHOLDS_PAGE (bf_households_page_get_type ())
G_DECLARE_FINAL_TYPE (BfHouseholdsPage, bf_households_page, BF, HOUSEHOLDS_PAGE, AdwBin)

GtkWidget *bf_households_page_new (void);

G_END_DECLS
