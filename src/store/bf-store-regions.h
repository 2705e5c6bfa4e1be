/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Villages and their groups (bf-store-regions.c). */

#include "bf-store.h"

G_BEGIN_DECLS

GPtrArray *bf_store_list_villages (BfStore *self, GError **error); /* of BfVillage, with groups */
/* Adds a village (name trimmed, unique among villages) with groups "1组".."N组"; returns its id or
 * 0. */
gint64 bf_store_village_add (BfStore *self, const char *name, guint n_groups, GError **error);
/* Adds a group to a village (name trimmed, unique in the village); returns its id or 0. */
gint64 bf_store_group_add (BfStore *self, gint64 village_id, const char *name, GError **error);

/* How a village lists its households on a notice, within each group: by household number (the
 * default) or by the head's name in pinyin order, as some villages post them. */
typedef enum
{
  BF_NOTICE_ORDER_NUMBER,
  BF_NOTICE_ORDER_HEAD,
} BfNoticeOrder;

/* BF_NOTICE_ORDER_NUMBER for an unknown village. */
BfNoticeOrder bf_store_village_get_notice_order (BfStore *self, gint64 village_id);
/* One audited write; NOT_FOUND for an unknown or deleted village. New notices take it up (those
 * saved keep their order). */
gboolean bf_store_village_set_notice_order (BfStore *self,
                                            gint64 village_id,
                                            BfNoticeOrder order,
                                            GError **error);

G_END_DECLS
