/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The numbered migrations (bf-store-migrations.c): for opening and creating registers, and for
 * the migration tests. */

#include "bf-store-db-private.h"

G_BEGIN_DECLS

/* The schema version this build writes (the highest migration). */
guint _bf_store_schema_version (void);
/* Upgrades the open register from schema version @from to the newest: a verified backup first,
 * then each migration in its own transaction with an audit entry, so an interrupted upgrade
 * resumes where it stopped. Nothing to do at the newest version. */
gboolean _bf_store_migrate (BfStore *self, guint from, GError **error);
/* Applies every migration inside the caller's write: the schema of a register being created. */
gboolean _bf_store_migrate_new (BfStore *self, GError **error);
/* Tests only: take migrations from @resource under @path (NULL, NULL: the built-in ones). */
void _bf_store_set_migrations (GResource *resource, const char *path);

G_END_DECLS
