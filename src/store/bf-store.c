/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bf-store-private.h"
#include "bf-store-resources.h"

#define APPLICATION_ID  "io.github.bangfu.Bangfu"
#define MIGRATIONS_PATH "/io/github/bangfu/Bangfu/store/migrations"
#define GENESIS_HASH    "0000000000000000000000000000000000000000000000000000000000000000"
#define BUSY_TIMEOUT_MS 5000

struct _BfStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *uuid;
  char *county;
  char *township;
  char *operator_name;
  BfStoreOpenFlags flags;
  GHashTable *statements; /* SQL text -> sqlite3_stmt */

  char *lock_path; /* NULL unless this store holds the register's lock file */
  int lock_fd;

  gboolean in_write;
  gint64 own_writes; /* commits by this connection: data_version ignores them */
  /* Changes (commits, the creation) since open, and their count when the last backup began:
   * different means changed since. Atomic: a backup may run in a worker thread. */
  gint change_serial;
  gint backed_up_serial;
};

enum
{
  PROP_0,
  PROP_PATH,
  PROP_OPERATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE (BfStore, bf_store, G_TYPE_OBJECT)

GQuark
bf_store_error_quark (void)
{
  return g_quark_from_static_string ("bf-store-error-quark");
}

/* ---------------------------------------------------------------------------------------------
 * Small helpers
 */

char *
_bf_uuid_new (void)
{
  return g_uuid_string_random ();
}

char *
_bf_now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

int
_bf_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, index);
  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_bf_column_dup (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;
  /* Text may hold NUL bytes only if written by something else: keep what SQLite reports. */
  return g_strndup ((const char *) text, sqlite3_column_bytes (stmt, column));
}

void
_bf_changes_add (JsonObject *changes, const char *field, const char *before, const char *after)
{
  JsonArray *pair = json_array_new ();

  if (before != NULL)
    json_array_add_string_element (pair, before);
  else
    json_array_add_null_element (pair);
  if (after != NULL)
    json_array_add_string_element (pair, after);
  else
    json_array_add_null_element (pair);
  json_object_set_array_member (changes, field, pair);
}

void
_bf_changes_add_int (JsonObject *changes, const char *field, gint64 before, gint64 after)
{
  JsonArray *pair = json_array_new ();

  json_array_add_int_element (pair, before);
  json_array_add_int_element (pair, after);
  json_object_set_array_member (changes, field, pair);
}

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

static gboolean
sqlite_is_damage (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

static BfStoreError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return BF_STORE_ERROR_DAMAGED;
      case SQLITE_IOERR:
      case SQLITE_FULL:
      case SQLITE_CANTOPEN:
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return BF_STORE_ERROR_IO;
      case SQLITE_CONSTRAINT:
        return BF_STORE_ERROR_INVALID;
      case SQLITE_INTERRUPT:
        return BF_STORE_ERROR_CANCELLED;
      default:
        return BF_STORE_ERROR_FAILED;
    }
}

static const char *
sqlite_reason (sqlite3 *db, int rc)
{
  switch (rc & 0xff)
    {
      case SQLITE_FULL:
        return _ ("the disk is full");
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return _ ("another program kept the register busy for too long; try again");
      case SQLITE_READONLY:
      case SQLITE_PERM:
        return _ ("the file cannot be written");
      default:
        return db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
    }
}

void
_bf_set_sqlite_error (sqlite3 *db, GError **error, const char *what)
{
  int rc = db != NULL ? sqlite3_extended_errcode (db) : SQLITE_MISUSE;

  g_set_error (error, BF_STORE_ERROR, error_code_for_sqlite (rc), "%s: %s", what,
               sqlite_reason (db, rc));
}

void
_bf_store_set_sqlite_error (BfStore *self, GError **error, const char *what)
{
  _bf_set_sqlite_error (self->db, error, what);
}

static gboolean
exec_sql (BfStore *self, const char *sql, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot update the register"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_bf_fsync_path (const char *path, gboolean directory)
{
  int fd = open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

void
_bf_fsync_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  _bf_fsync_path (dir, TRUE);
}

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

/* Migrations in order; numbering is a build-time invariant (1, 2, 3, … with no gap). */
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
    g_assert (g_array_index (migrations, Migration, i).version == i + 1);
  return migrations;
}

guint
_bf_store_schema_version (void)
{
  g_autoptr (GArray) migrations = list_migrations ();

  return migrations->len;
}

static GBytes *
migration_sql (const Migration *m)
{
  const char *path;
  GResource *resource = current_migrations (&path);
  g_autofree char *full = g_build_path ("/", path, m->name, NULL);

  return g_resource_lookup_data (resource, full, 0, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Inspection: is a file a healthy register this build can read? Never writes to it.
 */

static gboolean
read_header (const char *path, guint8 header[100], GError **error)
{
  g_autofree char *name = display_name (path);
  FILE *file = fopen (path, "rb");
  size_t n;

  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, BF_STORE_ERROR,
                   saved == ENOENT ? BF_STORE_ERROR_NOT_FOUND : BF_STORE_ERROR_IO,
                   _ ("Cannot open “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, 100, file);
  fclose (file);
  if (n < 100 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_A_REGISTER,
                   _ ("“%s” is not a Bangfu register."), name);
      return FALSE;
    }
  return TRUE;
}

static void
set_damaged (GError **error, const char *path, const char *detail)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED,
               _ ("“%s” is damaged (%s). It was left unchanged: restore the newest backup."), name,
               detail);
}

static void
set_inspect_error (GError **error, const char *path, sqlite3 *db, int rc)
{
  g_autofree char *name = display_name (path);

  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_A_REGISTER,
                 _ ("“%s” is not a Bangfu register."), name);
  else if (sqlite_is_damage (rc))
    set_damaged (error, path, sqlite3_errmsg (db));
  else
    g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("Cannot open “%s”: %s."), name,
                 sqlite_reason (db, rc));
}

/* One value of a one-row query, as text (NULL for SQL NULL); FALSE with @rc on an error. */
static gboolean
query_text (sqlite3 *db, const char *sql, char **value, int *rc)
{
  sqlite3_stmt *stmt = NULL;

  *value = NULL;
  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return FALSE;
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    {
      *value = _bf_column_dup (stmt, 0);
      *rc = SQLITE_OK;
    }
  else if (*rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  return *rc == SQLITE_OK;
}

/* Checks @path read-only: a SQLite file, a Bangfu register, not newer than this build,
 * passing quick_check. @user_version receives the schema version. */
gboolean
_bf_store_inspect (const char *path, guint *user_version, GError **error)
{
  guint8 header[100];
  sqlite3 *db = NULL;
  g_autofree char *value = NULL;
  g_autofree char *name = display_name (path);
  guint latest = _bf_store_schema_version ();
  gint64 version;
  int rc;
  gboolean ok = FALSE;

  if (!read_header (path, header, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_inspect_error (error, path, db, rc);
      goto out;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!query_text (db, "PRAGMA user_version", &value, &rc))
    {
      set_inspect_error (error, path, db, rc);
      goto out;
    }
  version = g_ascii_strtoll (value ? value : "0", NULL, 10);
  g_clear_pointer (&value, g_free);

  /* A register is recognised by its register_info row, whatever its version. */
  if (!query_text (
        db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'register_info'",
        &value, &rc))
    {
      set_inspect_error (error, path, db, rc);
      goto out;
    }
  if (g_strcmp0 (value, "1") != 0 || version <= 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_A_REGISTER,
                   _ ("“%s” is not a Bangfu register."), name);
      goto out;
    }
  g_clear_pointer (&value, g_free);
  if (!query_text (db, "SELECT application FROM register_info WHERE id = 1", &value, &rc))
    {
      set_inspect_error (error, path, db, rc);
      goto out;
    }
  if (g_strcmp0 (value, APPLICATION_ID) != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_A_REGISTER,
                   _ ("“%s” is not a Bangfu register."), name);
      goto out;
    }
  g_clear_pointer (&value, g_free);

  if (version > latest)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_TOO_NEW,
                   _ ("“%s” was saved by a newer version of Bangfu (register version %d; this "
                      "version reads up to %u). It was left unchanged: open it with the newer "
                      "version."),
                   name, (int) version, latest);
      goto out;
    }

  if (!query_text (db, "PRAGMA quick_check", &value, &rc))
    {
      set_inspect_error (error, path, db, rc);
      goto out;
    }
  if (g_strcmp0 (value, "ok") != 0)
    {
      set_damaged (error, path, value != NULL ? value : "quick_check");
      goto out;
    }

  *user_version = (guint) version;
  ok = TRUE;

out:
  sqlite3_close (db);
  return ok;
}

/* ---------------------------------------------------------------------------------------------
 * The lock file "REGISTER.lock": held with flock() while a store is open exclusively. The kernel
 * drops the lock when its holder dies, so a killed process leaves at most a file, never a lock.
 */

int
_bf_lock_acquire (const char *register_path,
                  const char *lock_path,
                  gboolean read_only,
                  GError **error)
{
  g_autofree char *name = display_name (register_path);

  /* The owner unlinks the file before releasing it; a lock won on an unlinked file is void. */
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      struct stat held, named;
      int fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

      if (fd < 0)
        {
          int saved = errno;

          /* A register on read-only media cannot be changed by anyone: no lock needed. */
          if (read_only && (saved == EROFS || saved == EACCES))
            return -2;
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("Cannot open “%s”: %s."), name,
                       g_strerror (saved));
          return -1;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved = errno;

          close (fd);
          if (saved == EWOULDBLOCK)
            g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE,
                         _ ("“%s” is already open in another Bangfu window."), name);
          else
            g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("Cannot open “%s”: %s."),
                         name, g_strerror (saved));
          return -1;
        }
      if (fstat (fd, &held) == 0 && g_stat (lock_path, &named) == 0 &&
          held.st_dev == named.st_dev && held.st_ino == named.st_ino)
        {
          /* For a person looking at the directory: who holds it. */
          g_autofree char *pid = g_strdup_printf ("%d\n", (int) getpid ());

          if (ftruncate (fd, 0) == 0 && write (fd, pid, strlen (pid)) < 0)
            g_debug ("cannot note the pid in %s", lock_path);
          return fd;
        }
      close (fd);
    }
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IN_USE,
               _ ("“%s” is already open in another Bangfu window."), name);
  return -1;
}

void
_bf_lock_release (const char *lock_path, int fd)
{
  if (fd < 0)
    return;
  g_unlink (lock_path);
  close (fd);
}

/* ---------------------------------------------------------------------------------------------
 * GObject
 */

static void
close_connection (BfStore *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      if (self->in_write)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  self->in_write = FALSE;
  if (self->lock_path != NULL)
    {
      _bf_lock_release (self->lock_path, self->lock_fd);
      self->lock_fd = -1;
      g_clear_pointer (&self->lock_path, g_free);
    }
}

/* "Unknown" is what GLib says when the account has no full name. */
static const char *
default_operator (void)
{
  const char *name = g_get_real_name ();

  return g_strcmp0 (name, "Unknown") != 0 ? name : g_get_user_name ();
}

static void
bf_store_finalize (GObject *object)
{
  BfStore *self = BF_STORE (object);

  close_connection (self);
  g_hash_table_unref (self->statements);
  g_free (self->path);
  g_free (self->uuid);
  g_free (self->county);
  g_free (self->township);
  g_free (self->operator_name);
  G_OBJECT_CLASS (bf_store_parent_class)->finalize (object);
}

static void
bf_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BfStore *self = BF_STORE (object);

  switch (prop_id)
    {
      case PROP_PATH:
        g_value_set_string (value, self->path);
        break;
      case PROP_OPERATOR:
        g_value_set_string (value, self->operator_name);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BfStore *self = BF_STORE (object);

  switch (prop_id)
    {
      case PROP_OPERATOR:
        bf_store_set_operator (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_store_class_init (BfStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bf_store_finalize;
  object_class->get_property = bf_store_get_property;
  object_class->set_property = bf_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bf_store_init (BfStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->lock_fd = -1;
  self->operator_name = g_strdup (default_operator ());
}

/* ---------------------------------------------------------------------------------------------
 * Statements and writes
 */

sqlite3 *
_bf_store_db (BfStore *self)
{
  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  return self->db;
}

static gboolean
check_open (BfStore *self, GError **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED, _ ("The register is closed."));
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_bf_store_prepare (BfStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  if (!check_open (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the register"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_bf_store_begin (BfStore *self, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (self->in_write)
    {
      /* A programming error, but the caller still gets an error to report. */
      g_critical ("_bf_store_begin() inside a write: writes do not nest");
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED,
                           "internal error: nested write");
      return FALSE;
    }
  if (!check_open (self, error))
    return FALSE;
  if (self->flags & BF_STORE_OPEN_READ_ONLY)
    {
      g_autofree char *name = display_name (self->path);

      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                   _ ("“%s” is open read-only: nothing can be changed."), name);
      return FALSE;
    }
  /* IMMEDIATE takes the write lock now (waiting up to the busy timeout), so a write never fails
   * half-way because another process started writing after it. */
  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_write = TRUE;
  return TRUE;
}

void
_bf_store_rollback (BfStore *self)
{
  g_return_if_fail (BF_IS_STORE (self));

  if (!self->in_write)
    return;
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_write = FALSE;
}

gboolean
_bf_store_commit (BfStore *self, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);

  if (!exec_sql (self, "COMMIT", error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  self->in_write = FALSE;
  self->own_writes++;
  /* After the commit: a backup that reads this serial sees the commit. */
  g_atomic_int_inc (&self->change_serial);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Audit chain
 *
 * hash = lower-case hex SHA-256 of the canonical form of an entry, which is the concatenation
 * of these fields, in this order:
 *
 *   seq, prev_hash, at, operator, action, entity, uuid, changes
 *
 * each written as its length in bytes (decimal), ':', the UTF-8 bytes, '\n' — or as "-\n"
 * when it is NULL (only uuid may be). seq is written in decimal ("17"); prev_hash is the hash
 * of entry seq - 1, or 64 '0' for the first entry; changes is the JSON text exactly as stored.
 * Length prefixes make the form unambiguous whatever the fields contain.
 */

static void
hash_field (GChecksum *checksum, const char *value)
{
  char prefix[32];

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "-\n", 2);
      return;
    }
  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", strlen (value));
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) value, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
}

static char *
audit_hash (gint64 seq,
            const char *prev_hash,
            const char *at,
            const char *operator_name,
            const char *action,
            const char *entity,
            const char *uuid,
            const char *changes)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char seq_text[32];

  g_snprintf (seq_text, sizeof seq_text, "%" G_GINT64_FORMAT, seq);
  hash_field (checksum, seq_text);
  hash_field (checksum, prev_hash);
  hash_field (checksum, at);
  hash_field (checksum, operator_name);
  hash_field (checksum, action);
  hash_field (checksum, entity);
  hash_field (checksum, uuid);
  hash_field (checksum, changes);
  return g_strdup (g_checksum_get_string (checksum));
}

/* json-glib 1.6 leaves U+001F unescaped, which is not JSON (and fails the audit_log CHECK). A raw
 * 0x1f byte can only come from inside a string (it never occurs within a UTF-8 sequence), so
 * escaping it afterwards is exact. */
static char *
json_text (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  GString *fixed;

  if (strchr (text, 0x1f) == NULL)
    return g_steal_pointer (&text);
  fixed = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == 0x1f)
        g_string_append (fixed, "\\u001f");
      else
        g_string_append_c (fixed, *p);
    }
  return g_string_free (fixed, FALSE);
}

gboolean
_bf_store_audit (BfStore *self,
                 const char *action,
                 const char *entity,
                 const char *uuid,
                 JsonObject *changes,
                 GError **error)
{
  g_autoptr (JsonObject) owned = changes;
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *changes_text = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = _bf_now_iso ();
  g_autofree char *hash = NULL;
  g_autoptr (BfCachedStmt) last = NULL;
  g_autoptr (BfCachedStmt) insert = NULL;
  gint64 seq = 1;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  if (owned == NULL)
    owned = json_object_new ();
  json_node_set_object (node, owned);
  changes_text = json_text (node);

  last =
    _bf_store_prepare (self, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  rc = sqlite3_step (last);
  if (rc == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = _bf_column_dup (last, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot write the audit trail"));
      return FALSE;
    }
  if (prev_hash == NULL)
    prev_hash = g_strdup (GENESIS_HASH);

  hash = audit_hash (seq, prev_hash, at, self->operator_name, action, entity, uuid, changes_text);
  insert = _bf_store_prepare (self,
                              "INSERT INTO audit_log (seq, at, operator, action, entity, uuid, "
                              "changes, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, seq);
  _bf_bind_text (insert, 2, at);
  _bf_bind_text (insert, 3, self->operator_name);
  _bf_bind_text (insert, 4, action);
  _bf_bind_text (insert, 5, entity);
  _bf_bind_text (insert, 6, uuid);
  _bf_bind_text (insert, 7, changes_text);
  _bf_bind_text (insert, 8, prev_hash);
  _bf_bind_text (insert, 9, hash);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot write the audit trail"));
      return FALSE;
    }
  return TRUE;
}

static void
set_audit_broken (GError **error, gint64 seq, const char *what)
{
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED,
               _ ("The audit trail is broken at entry %lld: %s."), (long long) seq, what);
}

gboolean
bf_store_audit_verify (BfStore *self, gint64 *n_checked, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *prev_hash = g_strdup (GENESIS_HASH);
  gint64 prev_seq = 0;
  gint64 n = 0;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (n_checked != NULL)
    *n_checked = 0;
  stmt = _bf_store_prepare (self,
                            "SELECT seq, at, operator, action, entity, uuid, changes, prev_hash, "
                            "hash FROM audit_log ORDER BY seq",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 7);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 8);
      g_autofree char *hash = NULL;

      if (seq != prev_seq + 1)
        {
          g_autofree char *what =
            prev_seq == 0 ? g_strdup (_ ("the entries before it are missing"))
                          : g_strdup_printf (_ ("the entries after entry %lld are missing"),
                                             (long long) prev_seq);
          set_audit_broken (error, seq, what);
          return FALSE;
        }
      if (g_strcmp0 (stored_prev, prev_hash) != 0)
        {
          set_audit_broken (error, seq,
                            _ ("it does not follow the entry before it (that entry was changed "
                               "or removed)"));
          return FALSE;
        }
      hash = audit_hash (
        seq, stored_prev, (const char *) sqlite3_column_text (stmt, 1),
        (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
        (const char *) sqlite3_column_text (stmt, 4), (const char *) sqlite3_column_text (stmt, 5),
        (const char *) sqlite3_column_text (stmt, 6));
      if (g_strcmp0 (hash, stored_hash) != 0)
        {
          set_audit_broken (error, seq, _ ("its contents were changed after it was written"));
          return FALSE;
        }
      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
      prev_seq = seq;
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the audit trail"));
      return FALSE;
    }
  if (n_checked != NULL)
    *n_checked = n;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Opening
 */

static gboolean
configure_connection (BfStore *self, GError **error)
{
  g_autofree char *mode = NULL;
  int rc;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!(self->flags & BF_STORE_OPEN_READ_ONLY))
    {
      if (!query_text (self->db, "PRAGMA journal_mode = WAL", &mode, &rc) ||
          g_ascii_strcasecmp (mode ? mode : "", "wal") != 0)
        {
          _bf_store_set_sqlite_error (self, error, _ ("Cannot open the register"));
          return FALSE;
        }
    }
  return exec_sql (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error);
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
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_autofree char *what =
        g_strdup_printf (_ ("Cannot upgrade the register (step %u)"), m->version);

      _bf_store_set_sqlite_error (self, error, what);
      return FALSE;
    }
  return exec_sql (self, pragma, error);
}

/* Upgrades a register from @from: a verified backup first, then each migration in its own
 * transaction with an audit entry, so an interrupted upgrade resumes where it stopped. */
static gboolean
migrate (BfStore *self, guint from, GError **error)
{
  g_autoptr (GArray) migrations = list_migrations ();
  g_autofree char *backup = NULL;

  if (from >= migrations->len)
    return TRUE;
  backup = bf_store_backup (self, NULL, error);
  if (backup == NULL)
    return FALSE;

  for (guint i = from; i < migrations->len; i++)
    {
      const Migration *m = &g_array_index (migrations, Migration, i);
      g_autoptr (JsonObject) changes = json_object_new ();

      _bf_changes_add_int (changes, "user_version", m->version - 1, m->version);
      if (!_bf_store_begin (self, error))
        return FALSE;
      if (!apply_migration (self, m, error) ||
          !_bf_store_audit (self, "migrate", "register_info", self->uuid,
                            g_steal_pointer (&changes), error) ||
          !_bf_store_commit (self, error))
        {
          _bf_store_rollback (self);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_register_info (BfStore *self, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *operator_name = NULL;

  stmt = _bf_store_prepare (self, "SELECT uuid, county, township FROM register_info WHERE id = 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the register"));
      return FALSE;
    }
  g_free (self->uuid);
  g_free (self->county);
  g_free (self->township);
  self->uuid = _bf_column_dup (stmt, 0);
  self->county = _bf_column_dup (stmt, 1);
  self->township = _bf_column_dup (stmt, 2);

  operator_name = bf_store_setting_get (self, BF_SETTING_OPERATOR);
  if (operator_name != NULL && *operator_name != '\0')
    {
      g_free (self->operator_name);
      self->operator_name = g_steal_pointer (&operator_name);
    }
  return TRUE;
}

static BfStore *
open_store (const char *path, BfStoreOpenFlags flags, GError **error)
{
  g_autoptr (BfStore) self = g_object_new (BF_TYPE_STORE, NULL);
  gboolean read_only = (flags & BF_STORE_OPEN_READ_ONLY) != 0;
  guint version = 0;
  int rc;

  self->path = g_strdup (path);
  self->flags = flags;

  if (flags & BF_STORE_OPEN_EXCLUSIVE)
    {
      g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
      int fd = _bf_lock_acquire (path, lock_path, read_only, error);

      if (fd == -1)
        return NULL;
      if (fd >= 0)
        {
          self->lock_fd = fd;
          self->lock_path = g_steal_pointer (&lock_path);
        }
    }

  /* Everything that can refuse the file runs on a read-only connection first; a reader beside an
   * open store trusts the checks that store passed. */
  if (read_only && (flags & BF_STORE_OPEN_READER))
    version = _bf_store_schema_version ();
  else if (!_bf_store_inspect (path, &version, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_inspect_error (error, path, self->db, rc);
      return NULL;
    }
  if (!configure_connection (self, error) || !load_register_info (self, error))
    return NULL;

  if (version < _bf_store_schema_version ())
    {
      if (read_only)
        {
          g_autofree char *name = display_name (path);

          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED,
                       _ ("“%s” was saved by an older version of Bangfu and must be upgraded: "
                          "open it once without read-only."),
                       name);
          return NULL;
        }
      if (!migrate (self, version, error))
        return NULL;
    }
  g_atomic_int_set (&self->backed_up_serial, g_atomic_int_get (&self->change_serial));
  return g_steal_pointer (&self);
}

BfStore *
bf_store_open (const char *path, BfStoreOpenFlags flags, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, flags, error);
}

/* ---------------------------------------------------------------------------------------------
 * Creating
 */

/* A village (@village_id 0) or a group of @village_id, with its audit entry. */
static gint64
insert_region (BfStore *self, gint64 village_id, const char *name, GError **error)
{
  gboolean is_group = village_id != 0;
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *uuid = _bf_uuid_new ();
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;
  gint64 id;

  stmt = _bf_store_prepare (
    self,
    is_group ? "INSERT INTO village_groups (uuid, name, created_at, updated_at, village_id, "
               "sort_order) VALUES (?1, ?2, ?3, ?3, ?4, (SELECT coalesce(max(sort_order), 0) + 1 "
               "FROM village_groups WHERE village_id = ?4))"
             : "INSERT INTO villages (uuid, name, created_at, updated_at, sort_order) VALUES (?1, "
               "?2, ?3, ?3, (SELECT coalesce(max(sort_order), 0) + 1 FROM villages))",
    error);
  if (stmt == NULL)
    return 0;
  _bf_bind_text (stmt, 1, uuid);
  _bf_bind_text (stmt, 2, name);
  _bf_bind_text (stmt, 3, now);
  if (is_group)
    sqlite3_bind_int64 (stmt, 4, village_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) != SQLITE_CONSTRAINT_UNIQUE)
        _bf_store_set_sqlite_error (
          self, error, is_group ? _ ("Cannot add the group") : _ ("Cannot add the village"));
      else if (is_group)
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                     _ ("The village already has a group named “%s”."), name);
      else
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                     _ ("A village named “%s” already exists."), name);
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);
  changes = json_object_new ();
  _bf_changes_add (changes, "name", NULL, name);
  if (is_group)
    _bf_changes_add_int (changes, "village_id", 0, village_id);
  if (!_bf_store_audit (self, "create", is_group ? "village_groups" : "villages", uuid, changes,
                        error))
    return 0;
  return id;
}

static gint64
insert_village (BfStore *self, const char *name, guint n_groups, GError **error)
{
  gint64 id = insert_region (self, 0, name, error);

  for (guint i = 1; id != 0 && i <= n_groups; i++)
    {
      g_autofree char *group = g_strdup_printf ("%u组", i);

      if (insert_region (self, id, group, error) == 0)
        return 0;
    }
  return id;
}

static gboolean
insert_setting (BfStore *self, const char *key, const char *value, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();

  stmt = _bf_store_prepare (self,
                            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON "
                            "CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = "
                            "excluded.updated_at",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, key);
  _bf_bind_text (stmt, 2, value);
  _bf_bind_text (stmt, 3, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot save the setting"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  int year;
  gint64 poverty_line_fen;
  gint64 monitoring_line_fen;
  const char *note;
} ExampleLine;

/* Only 2015's line is a national figure; later rows are placeholders the caseworker replaces
 * with the province's published lines (Preferences). */
static const ExampleLine example_lines[] = {
  { 2015, 285500, 285500,
    N_ ("National poverty line of 2015: 2,855 yuan per person and year. There was no monitoring "
        "line then; it is set equal to the poverty line.") },
  { 2024, 450000, 750000,
    N_ ("Example only: replace with the lines your province published for this year.") },
  { 2025, 470000, 780000,
    N_ ("Example only: replace with the lines your province published for this year.") },
};

static gboolean
insert_example_lines (BfStore *self, GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (example_lines); i++)
    {
      const ExampleLine *line = &example_lines[i];
      g_autoptr (BfCachedStmt) stmt = NULL;
      g_autofree char *uuid = _bf_uuid_new ();
      g_autofree char *now = _bf_now_iso ();
      JsonObject *changes;

      stmt = _bf_store_prepare (self,
                                "INSERT INTO poverty_lines (year, uuid, poverty_line_fen, "
                                "monitoring_line_fen, note, created_at, updated_at) VALUES (?, "
                                "?, ?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, line->year);
      _bf_bind_text (stmt, 2, uuid);
      sqlite3_bind_int64 (stmt, 3, line->poverty_line_fen);
      sqlite3_bind_int64 (stmt, 4, line->monitoring_line_fen);
      _bf_bind_text (stmt, 5, _ (line->note));
      _bf_bind_text (stmt, 6, now);
      _bf_bind_text (stmt, 7, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _bf_store_set_sqlite_error (self, error, _ ("Cannot create the register"));
          return FALSE;
        }
      changes = json_object_new ();
      _bf_changes_add_int (changes, "year", 0, line->year);
      _bf_changes_add_int (changes, "poverty_line_fen", 0, line->poverty_line_fen);
      _bf_changes_add_int (changes, "monitoring_line_fen", 0, line->monitoring_line_fen);
      if (!_bf_store_audit (self, "create", "poverty_lines", uuid, changes, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_defaults (BfStore *self, const BfRegisterSpec *spec, GError **error)
{
  const char *defaults[][2] = {
    { BF_SETTING_OPERATOR, self->operator_name },
    { BF_SETTING_TOWNSHIP_NOTICE, "1" },
    { BF_SETTING_NOTICE_DAYS, "7" },
    { BF_SETTING_NOTICE_MIN_DAYS, "7" },
    { BF_SETTING_NOTICE_MASKED_IDS, "0" },
    { BF_SETTING_NOTICE_ISSUER, spec->township },
    { BF_SETTING_SUPERVISION_PHONE, "" },
    { BF_SETTING_FOLLOWUP_YEARS, "5" },
    { BF_SETTING_NOT_VISITED_DAYS, "90" },
    { BF_SETTING_EXIT_STABLE_MONTHS, "6" },
    { BF_SETTING_EXIT_MONITORED_MONTHS, "6" },
  };
  JsonObject *changes = json_object_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      if (!insert_setting (self, defaults[i][0], defaults[i][1], error))
        {
          json_object_unref (changes);
          return FALSE;
        }
      _bf_changes_add (changes, defaults[i][0], NULL, defaults[i][1]);
    }
  return _bf_store_audit (self, "create", "settings", NULL, changes, error);
}

static gboolean
populate (BfStore *self, const BfRegisterSpec *spec, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;

  self->uuid = _bf_uuid_new ();
  stmt = _bf_store_prepare (self,
                            "INSERT INTO register_info (id, uuid, county, township, application, "
                            "created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, self->uuid);
  _bf_bind_text (stmt, 2, spec->county);
  _bf_bind_text (stmt, 3, spec->township);
  _bf_bind_text (stmt, 4, APPLICATION_ID);
  _bf_bind_text (stmt, 5, now);
  _bf_bind_text (stmt, 6, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot create the register"));
      return FALSE;
    }
  changes = json_object_new ();
  _bf_changes_add (changes, "county", NULL, spec->county);
  _bf_changes_add (changes, "township", NULL, spec->township);
  if (!_bf_store_audit (self, "create", "register_info", self->uuid, changes, error))
    return FALSE;

  for (guint i = 0; spec->villages[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (spec->villages[i]));

      if (insert_village (self, name, spec->groups_per_village, error) == 0)
        return FALSE;
    }
  return insert_defaults (self, spec, error) && insert_example_lines (self, error);
}

gboolean
_bf_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
validate_spec (const BfRegisterSpec *spec, GError **error)
{
  if (_bf_is_blank (spec->county))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("The county is required."));
      return FALSE;
    }
  if (_bf_is_blank (spec->township))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("The township is required."));
      return FALSE;
    }
  if (spec->villages == NULL || spec->villages[0] == NULL)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("A register needs at least one village."));
      return FALSE;
    }
  for (guint i = 0; spec->villages[i] != NULL; i++)
    if (_bf_is_blank (spec->villages[i]))
      {
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("Village %u has no name."),
                     i + 1);
        return FALSE;
      }
  return TRUE;
}

/* Builds the register under a temporary name and links it into place, so a failed or
 * interrupted creation leaves nothing, and an existing file is never overwritten. */
static gboolean
build_new_register (const char *path,
                    const char *tmp_path,
                    const BfRegisterSpec *spec,
                    GError **error)
{
  g_autoptr (BfStore) self = g_object_new (BF_TYPE_STORE, NULL);
  g_autoptr (GArray) migrations = list_migrations ();

  self->path = g_strdup (path);
  if (spec->operator_name != NULL && *spec->operator_name != '\0')
    bf_store_set_operator (self, spec->operator_name);
  if (sqlite3_open_v2 (tmp_path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot create the register"));
      return FALSE;
    }
  if (!configure_connection (self, error) || !_bf_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < migrations->len; i++)
    if (!apply_migration (self, &g_array_index (migrations, Migration, i), error))
      {
        _bf_store_rollback (self);
        return FALSE;
      }
  if (!populate (self, spec, error) || !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  /* Checkpoint into the main file: only that file is linked into place. */
  close_connection (self);
  return TRUE;
}

BfStore *
bf_store_create (const char *path, const BfRegisterSpec *spec, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *tmp_path = NULL;
  BfStore *store;
  gboolean built;
  int saved;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (path);
  if (!validate_spec (spec, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                   _ ("Cannot create “%s”: a file with that name exists."), name);
      return NULL;
    }

  tmp_path = g_strdup_printf ("%s.new-%08x", path, g_random_int ());
  built = build_new_register (path, tmp_path, spec, error);
  if (built && link (tmp_path, path) != 0)
    {
      saved = errno;
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, _ ("Cannot create “%s”: %s."), name,
                   g_strerror (saved));
      built = FALSE;
    }
  g_unlink (tmp_path);
  {
    g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (tmp_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  if (!built)
    return NULL;
  _bf_fsync_parent (path);
  store = open_store (path, BF_STORE_OPEN_EXCLUSIVE, error);
  /* A new register is a change: closing it leaves its first backup. */
  if (store != NULL)
    g_atomic_int_inc (&store->change_serial);
  return store;
}

/* ---------------------------------------------------------------------------------------------
 * Accessors
 */

gboolean
bf_store_close (BfStore *self, GError **error)
{
  g_autofree char *backup = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (self->db == NULL)
    return TRUE;
  if (self->in_write)
    {
      g_critical ("bf_store_close() inside a write: rolled back");
      _bf_store_rollback (self);
    }
  if (g_atomic_int_get (&self->change_serial) != g_atomic_int_get (&self->backed_up_serial))
    {
      backup = bf_store_backup (self, NULL, error);
      ok = backup != NULL;
    }
  close_connection (self);
  return ok;
}

int
_bf_store_change_serial (BfStore *self)
{
  return g_atomic_int_get (&self->change_serial);
}

void
_bf_store_backed_up (BfStore *self, int serial)
{
  g_atomic_int_set (&self->backed_up_serial, serial);
}

sqlite3 *
_bf_open_reader (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc != SQLITE_OK)
    {
      set_inspect_error (error, path, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

const char *
bf_store_get_path (BfStore *self)
{
  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  return self->path;
}

const char *
bf_store_get_uuid (BfStore *self)
{
  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  return self->uuid;
}

const char *
bf_store_get_county (BfStore *self)
{
  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  return self->county;
}

const char *
bf_store_get_township (BfStore *self)
{
  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  return self->township;
}

void
bf_store_set_operator (BfStore *self, const char *operator_name)
{
  g_return_if_fail (BF_IS_STORE (self));

  if (operator_name == NULL || *operator_name == '\0')
    operator_name = default_operator ();
  if (g_strcmp0 (self->operator_name, operator_name) == 0)
    return;
  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

const char *
bf_store_get_operator (BfStore *self)
{
  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  return self->operator_name;
}

gint64
bf_store_get_change_counter (BfStore *self)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  gint64 data_version = 0;

  g_return_val_if_fail (BF_IS_STORE (self), 0);

  /* data_version moves when another connection commits; own commits are counted here. */
  stmt = _bf_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    data_version = sqlite3_column_int64 (stmt, 0);
  return data_version + self->own_writes;
}

/* ---------------------------------------------------------------------------------------------
 * Settings
 */

char *
bf_store_setting_get (BfStore *self, const char *key)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _bf_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _bf_column_dup (stmt, 0);
}

/* The numeric rules a caseworker sets in Preferences, with their range and default. */
static const struct
{
  const char *key;
  guint min, max, fallback;
  const char *invalid;
} number_settings[] = {
  { BF_SETTING_FOLLOWUP_YEARS, 0, 50, 5,
    N_ ("The follow-up years must be a whole number from 0 to 50.") },
  { BF_SETTING_NOT_VISITED_DAYS, 1, 3650, 90,
    N_ ("The visit interval must be a whole number of days from 1 to 3650.") },
};

static guint
setting_number (BfStore *self, gsize i)
{
  g_autofree char *value = bf_store_setting_get (self, number_settings[i].key);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, number_settings[i].min,
                                                    number_settings[i].max, &number, NULL))
    return number_settings[i].fallback;
  return (guint) number;
}

guint
bf_store_followup_years (BfStore *self)
{
  g_return_val_if_fail (BF_IS_STORE (self), number_settings[0].fallback);
  return setting_number (self, 0);
}

guint
bf_store_not_visited_days (BfStore *self)
{
  g_return_val_if_fail (BF_IS_STORE (self), number_settings[1].fallback);
  return setting_number (self, 1);
}

/* A rule the lists depend on is a whole number in its range, or nothing is written. */
static gboolean
check_number_setting (const char *key, const char *value, GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (number_settings); i++)
    {
      if (g_strcmp0 (key, number_settings[i].key) != 0 ||
          (value != NULL && g_ascii_string_to_unsigned (value, 10, number_settings[i].min,
                                                        number_settings[i].max, NULL, NULL)))
        continue;
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                           _ (number_settings[i].invalid));
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_setting_set (BfStore *self, const char *key, const char *value, GError **error)
{
  g_autofree char *before = NULL;
  g_autoptr (JsonObject) changes = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (_bf_is_blank (key))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("A setting needs a name."));
      return FALSE;
    }
  if (!check_number_setting (key, value, error))
    return FALSE;
  if (!_bf_store_begin (self, error))
    return FALSE;
  /* Read inside the write: another process may have changed it a moment ago. */
  before = bf_store_setting_get (self, key);
  if (g_strcmp0 (before, value) == 0)
    {
      _bf_store_rollback (self);
      return TRUE;
    }
  changes = json_object_new ();
  _bf_changes_add (changes, key, before, value);
  if (!insert_setting (self, key, value, error) ||
      !_bf_store_audit (self, "update", "settings", NULL, g_steal_pointer (&changes), error) ||
      !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Villages and groups
 */

GPtrArray *
bf_store_list_villages (BfStore *self, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  BfVillage *village = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT v.id, v.uuid, v.name, g.id, g.uuid, g.name FROM villages v "
                            "LEFT JOIN village_groups g ON g.village_id = v.id AND g.deleted_at "
                            "IS NULL WHERE v.deleted_at IS NULL ORDER BY v.sort_order, v.id, "
                            "g.sort_order, g.id",
                            error);
  if (stmt == NULL)
    return NULL;
  villages = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_village_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (village == NULL || village->id != id)
        {
          village = bf_village_new ();
          village->id = id;
          village->uuid = _bf_column_dup (stmt, 1);
          village->name = _bf_column_dup (stmt, 2);
          g_ptr_array_add (villages, village);
        }
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          BfGroup *group = bf_group_new ();

          group->id = sqlite3_column_int64 (stmt, 3);
          group->uuid = _bf_column_dup (stmt, 4);
          group->name = _bf_column_dup (stmt, 5);
          g_ptr_array_add (village->groups, group);
        }
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the villages"));
      return NULL;
    }
  return g_steal_pointer (&villages);
}

gint64
bf_store_village_add (BfStore *self, const char *name, guint n_groups, GError **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), 0);

  if (_bf_is_blank (name))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("The village needs a name."));
      return 0;
    }
  trimmed = g_strstrip (g_strdup (name));
  if (!_bf_store_begin (self, error))
    return 0;
  id = insert_village (self, trimmed, n_groups, error);
  if (id == 0 || !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return 0;
    }
  return id;
}

gint64
bf_store_group_add (BfStore *self, gint64 village_id, const char *name, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), 0);

  if (_bf_is_blank (name))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("The group needs a name."));
      return 0;
    }
  trimmed = g_strstrip (g_strdup (name));
  if (!_bf_store_begin (self, error))
    return 0;
  stmt =
    _bf_store_prepare (self, "SELECT 1 FROM villages WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, village_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("The village does not exist."));
      goto fail;
    }
  sqlite3_reset (stmt);
  id = insert_region (self, village_id, trimmed, error);
  if (id == 0 || !_bf_store_commit (self, error))
    goto fail;
  return id;

fail:
  _bf_store_rollback (self);
  return 0;
}
