/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store.h"

G_BEGIN_DECLS

/* Identification & notices (公示公告): public notices with their filters, details, households and
 * objections; a new notice of the households at the kind's step; posting and closing, with the
 * lifecycle's refusals shown; printing through the shared notice renderer; and democratic
 * appraisal meetings. */
#define BF_TYPE_NOTICES_PAGE (bf_notices_page_get_type ())
G_DECLARE_FINAL_TYPE (BfNoticesPage, bf_notices_page, BF, NOTICES_PAGE, AdwBin)

GtkWidget *bf_notices_page_new (void);

/* Shows the notices of @store (NULL: none). The notice preferences are the register's: opening it
 * copies them into GSettings, and changes in Preferences are written back to it. */
void bf_notices_page_set_store (BfNoticesPage *self, BfStore *store);
BfStore *bf_notices_page_get_store (BfNoticesPage *self);
void bf_notices_page_refresh (BfNoticesPage *self);
/* Opens notice @id's details. */
gboolean bf_notices_page_open_notice (BfNoticesPage *self, gint64 id);
/* The refusal or error last shown, NULL after a success. */
const char *bf_notices_page_get_problem (BfNoticesPage *self);
guint bf_notices_page_get_n_notices (BfNoticesPage *self);
/* TRUE while the list is read in the background (the "loading" property). */
gboolean bf_notices_page_get_loading (BfNoticesPage *self);

G_END_DECLS
