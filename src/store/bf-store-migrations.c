/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The numbered schema migrations (migrations/NNNN-*.sql, compiled in) and the upgrade of an
 * older register: a verified backup first, then each step in its own transaction. */
#include <glib/gi18n-lib.h>

#include "bf-store-backup.h"
#include "bf-store-migrations-private.h"
#include "bf-store-resources.h"

#define MIGRATIONS_PATH "/io/github/bangfu/Bangfu/store/migrations"

/* ---------------------------------------------------------------------------------------------
 * Migrations: NNNN-*.sql resources, applied in number order
 */

static GResource *migrations_resource;
static char *migrations_path;

void
_bf_store_set_migrations (GResource *resource, const char *path)
{
  g_clear_pointer (&migrations_resource, g_resource_unref);
  g_clear_pointer (&migrations_path, g_free);
  if (resource != NULL)
    {
      migrations_resource = g_resource_ref (resource);
      migrations_path = g_strdup (path);
    }
}

typedef struct
{
  guint version;
  char *name;
} Migration;

static void
migration_clear (gpointer data)
{
  g_free (((Migration *) data)->name);
}

static int
migration_compare (gconstpointer a, gconstpointer b)
{
  const Migration *ma = a, *mb = b;

  return ma->version < mb->version ? -1 : ma->version > mb->version;
}

static GResource *
current_migrations (const char **path)
{
  *path = migrations_resource != NULL ? migrations_path : MIGRATIONS_PATH;
  return migrations_resource != NULL ? migrations_resource : _bf_store_get_resource ();
}

/* Migrations in order of their numbers, which only grow. A number may be missing while the
 * branches that add migrations are merged one by one (0006 before 0004): the schema version is
 * the last number, and an upgrade applies every migration above the register's version. */
static GArray *
list_migrations (void)
{
  const char *path;
  GResource *resource = current_migrations (&path);
  g_auto (GStrv) names = g_resource_enumerate_children (resource, path, 0, NULL);
  GArray *migrations = g_array_new (FALSE, TRUE, sizeof (Migration));

  g_array_set_clear_func (migrations, migration_clear);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      Migration m = { 0 };
      char *end = NULL;
      guint64 version = g_ascii_strtoull (names[i], &end, 10);

      if (end == names[i] || *end != '-' || !g_str_has_suffix (names[i], ".sql"))
        continue;
      m.version = (guint) version;
      m.name = g_strdup (names[i]);
      g_array_append_val (migrations, m);
    }
  g_array_sort (migrations, migration_compare);
  for (guint i = 0; i < migrations->len; i++)
    g_assert (g_array_index (migrations, Migration, i).version >
              (i > 0 ? g_array_index (migrations, Migration, i - 1).version : 0));
  return migrations;
}

guint
_bf_store_schema_version (void)
{
  g_autoptr (GArray) migrations = list_migrations ();

  return migrations->len > 0 ? g_array_index (migrations, Migration, migrations->len - 1).version
                             : 0;
}

static GBytes *
migration_sql (const Migration *m)
{
  const char *path;
  GResource *resource = current_migrations (&path);
  g_autofree char *full = g_build_path ("/", path, m->name, NULL);

  return g_resource_lookup_data (resource, full, 0, NULL);
}

static gboolean
apply_migration (BfStore *self, const Migration *m, GError **error)
{
  g_autoptr (GBytes) bytes = migration_sql (m);
  g_autofree char *sql = NULL;
  g_autofree char *pragma = NULL;

  if (bytes == NULL)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED, "missing migration %s", m->name);
      return FALSE;
    }
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  pragma = g_strdup_printf ("PRAGMA user_version = %u", m->version);
  if (sqlite3_exec (_bf_store_db (self), sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_autofree char *what =
        g_strdup_printf (_ ("Cannot upgrade the register (step %u)"), m->version);

      _bf_store_set_sqlite_error (self, error, what);
      return FALSE;
    }
  return _bf_store_exec (self, pragma, error);
}

/* Upgrades a register from @from: a verified backup first, then each migration in its own
 * transaction with an audit entry, so an interrupted upgrade resumes where it stopped. */
gboolean
_bf_store_migrate (BfStore *self, guint from, GError **error)
{
  g_autoptr (GArray) migrations = list_migrations ();
  g_autofree char *backup = NULL;
  guint latest = _bf_store_schema_version ();

  if (from >= latest)
    return TRUE;
  g_debug ("upgrading %s from schema %u to %u", bf_store_get_path (self), from, latest);
  backup = bf_store_backup (self, NULL, error);
  if (backup == NULL)
    return FALSE;
  g_debug ("backed up to %s before the upgrade", backup);

  for (guint i = 0; i < migrations->len; i++)
    {
      const Migration *m = &g_array_index (migrations, Migration, i);
      g_autoptr (JsonObject) changes = NULL;

      if (m->version <= from)
        continue;
      g_debug ("applying migration %s", m->name);
      changes = json_object_new ();
      _bf_changes_add_int (changes, "user_version", from, m->version);
      if (!_bf_store_begin (self, error))
        return FALSE;
      if (!apply_migration (self, m, error) ||
          !_bf_store_audit (self, "migrate", "register_info", bf_store_get_uuid (self),
                            g_steal_pointer (&changes), error) ||
          !_bf_store_commit (self, error))
        {
          _bf_store_rollback (self);
          return FALSE;
        }
      from = m->version;
    }
  return TRUE;
}

gboolean
_bf_store_migrate_new (BfStore *self, GError **error)
{
  g_autoptr (GArray) migrations = list_migrations ();

  for (guint i = 0; i < migrations->len; i++)
    if (!apply_migration (self, &g_array_index (migrations, Migration, i), error))
      return FALSE;
  return TRUE;
}
