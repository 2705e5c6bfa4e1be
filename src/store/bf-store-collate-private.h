/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Pinyin order for names (bf-store-collate.c): ICU's "zh" collation, with the reading a surname
 * takes when it is not the character's common one (曾 zēng, 单 shàn, 解 xiè, 仇 qiú, 朴 piáo, …).
 *
 * Lists never collate at read time: each name has its sort key stored beside it in an indexed
 * BLOB column (households.head_key, helpers.name_key), written by triggers through the SQL
 * function bf_name_key(), so that whoever writes a name (the store, the demo, an import) writes
 * its key too, and a page of a sorted list walks an index. A register records the collation its
 * keys were made with (setting "sort.collation"); opening it with another (ICU upgraded, the
 * surname table changed) rebuilds them. The sqlite3 tool reads such a register as any other; it
 * cannot write names (the triggers call a function only Bangfu has), which nothing but Bangfu
 * should. */

#include "bf-store-db-private.h"

G_BEGIN_DECLS

/* The setting that records the collation of the stored keys. */
#define BF_SETTING_SORT_COLLATION "sort.collation"

/* Registers bf_name_key(TEXT) -> BLOB and bf_collation() -> TEXT on @db, with a collator of the
 * connection's own (a collator is used by one thread at a time). */
gboolean _bf_collate_register (sqlite3 *db, GError **error);
/* What the keys depend on: ICU's collator version and the surname table's, e.g.
 * "icu-zh 153.120.42; surnames 1". */
const char *_bf_collate_version (void);
/* The sort key of a person's name @name (UTF-8; NULL is ""): compare keys with memcmp(), the
 * shorter first on a common prefix. */
GBytes *_bf_collate_name_key (const char *name);
/* Rebuilds every stored key when the register's recorded collation is not this build's, in one
 * audited write; nothing when they match or @self is read-only. */
gboolean _bf_store_sort_keys_refresh (BfStore *self, GError **error);

G_END_DECLS
