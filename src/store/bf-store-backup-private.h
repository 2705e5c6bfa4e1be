/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The rotation of backups (bf-store-backup.c), for its tests. */

#include "bf-store-db-private.h"

G_BEGIN_DECLS

/* Keeps the newest 24 backups of @stem in @dir plus the newest of each of the 7 most recent days
 * that have backups, and @keep (may be NULL); deletes the rest. */
void _bf_store_rotate_backups (const char *dir, const char *stem, const char *keep);

/* The check a backup passes before it counts: SQLite's full integrity_check (quick_check misses
 * index entries that do not match their rows), a Bangfu register of @version. FALSE with @error
 * (a phrase for the backup's message). */
gboolean _bf_store_check_backup (const char *path, gint64 version, GError **error);

G_END_DECLS
