/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Verified backups beside the register, and restoring one (bf-store-backup.c,
 * bf-store-restore.c). */

#include "bf-store.h"

G_BEGIN_DECLS

/* Backups into "backups/" beside the register (or @dir); returns the new file's path. Reads
 * through a connection of its own, so it may run in a worker thread while the store goes on
 * writing in the main thread; the copy holds every write committed before it began. */
char *bf_store_backup (BfStore *self, const char *dir, GError **error);
GPtrArray *bf_store_list_backups (const char *register_path,
                                  GError **error); /* of char* paths, newest first */
/* Puts @backup_path in place of @register_path; the old file is set aside, never deleted. */
gboolean bf_store_restore (const char *register_path, const char *backup_path, GError **error);

G_END_DECLS
