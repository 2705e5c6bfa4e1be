/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Drafts of unsaved forms (bf-store-drafts.c): kept outside the record, with no audit entry. */

#include "bf-store.h"

G_BEGIN_DECLS

gboolean bf_store_draft_save (BfStore *self,
                              const char *form,
                              const char *target_uuid,
                              const char *json,
                              GError **error);
char *bf_store_draft_load (BfStore *self, const char *form, const char *target_uuid);
GPtrArray *bf_store_draft_list (BfStore *self, GError **error); /* BfDraft */
gboolean
bf_store_draft_discard (BfStore *self, const char *form, const char *target_uuid, GError **error);

G_END_DECLS
