/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BF_TYPE_NOTICES_PAGE (bf_notices_page_get_type ())
G_DECLARE_FINAL_TYPE (BfNoticesPage, bf_notices_page, BF, NOTICES_PAGE, AdwBin)

GtkWidget *bf_notices_page_new (void);

G_END_DECLS
