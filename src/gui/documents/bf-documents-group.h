/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store.h"

G_BEGIN_DECLS

/* The household documents' settings of the open register as a group of Preferences: how much
 * income the 帮扶明白卡 shows (the register's card.income; see bf-store-documents.h). Without a
 * register there is nothing to set, and the group says so. */
#define BF_TYPE_DOCUMENTS_GROUP (bf_documents_group_get_type ())
G_DECLARE_FINAL_TYPE (BfDocumentsGroup,
                      bf_documents_group,
                      BF,
                      DOCUMENTS_GROUP,
                      AdwPreferencesGroup)

GtkWidget *bf_documents_group_new (void);
void bf_documents_group_set_store (BfDocumentsGroup *self, BfStore *store);

G_END_DECLS
