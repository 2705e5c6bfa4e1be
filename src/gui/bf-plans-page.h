/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BF_TYPE_PLANS_PAGE (bf_plans_page_get_type ())
G_DECLARE_FINAL_TYPE (BfPlansPage, bf_plans_page, BF, PLANS_PAGE, AdwBin)

GtkWidget *bf_plans_page_new (void);

G_END_DECLS
