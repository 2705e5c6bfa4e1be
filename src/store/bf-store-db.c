/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bottom of src/store: the BfStore object and its SQLite connection. Every other store file
 * calls down into this one and it calls none of them, so a change here is the only one that can
 * reach every feature; the call graph check (tests/check-store-calls.py) keeps it that way. */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "bf-store-db-private.h"

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

  BfLock *lock; /* NULL unless this store holds the register's lock file */

  gboolean in_write;
  char *audit_tag;            /* _bf_store_audit_tag(): NULL outside a tagged write */
  JsonObject *audit_tag_more; /* added to each tagged entry's changes */
  sqlite3_session *session;   /* records the write under way while there are commit hooks */
  GArray *commit_hooks;       /* CommitHook */
  gint64 own_writes;          /* commits by this connection: data_version ignores them */
  /* Changes (commits, the creation) since open, and their count when the last backup began:
   * different means changed since. Atomic: a backup may run in a worker thread. */
  gint change_serial;
  gint backed_up_serial;
  /* What a check or a read found damaged (SQLite's words), set once from any thread: from then on
   * every write is refused and nothing more reaches the file, not even a checkpoint on close. */
  char *damage;
};

enum
{
  PROP_0,
  PROP_PATH,
  PROP_OPERATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  BfCommitHook func;
  gpointer user_data;
} CommitHook;

G_DEFINE_TYPE (BfStore, bf_store, G_TYPE_OBJECT)

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

gboolean
_bf_store_step_done (BfStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
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

/* SQLite's errors as a caseworker reads them; its own text only for what no caseworker causes
 * (a programming error), cut to one line. */
const char *
_bf_sqlite_reason (sqlite3 *db, int rc)
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
      case SQLITE_IOERR:
        return _ ("the disk reported an error");
      case SQLITE_CANTOPEN:
        return _ ("the file cannot be opened");
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return _ ("the file is damaged");
      case SQLITE_NOMEM:
        return _ ("the computer is out of memory");
      case SQLITE_TOOBIG:
        return _ ("a value is too large");
      default:
        return db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
    }
}

void
_bf_set_sqlite_error (sqlite3 *db, GError **error, const char *what)
{
  int rc = db != NULL ? sqlite3_extended_errcode (db) : SQLITE_MISUSE;

  g_set_error (error, BF_STORE_ERROR, error_code_for_sqlite (rc), "%s: %s", what,
               _bf_sqlite_reason (db, rc));
}

void
_bf_store_set_sqlite_error (BfStore *self, GError **error, const char *what)
{
  int rc = self->db != NULL ? sqlite3_extended_errcode (self->db) : SQLITE_MISUSE;

  /* A damaged page met by any read stops the writes as the background check would. */
  if (sqlite_is_damage (rc))
    _bf_store_set_damaged (self, sqlite3_errmsg (self->db));
  _bf_set_sqlite_error (self->db, error, what);
}

gboolean
_bf_store_exec (BfStore *self, const char *sql, GError **error)
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
 * Read-only connections, also on media nobody can write
 */

static gboolean
on_read_only_media (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs fs;

  return (statvfs (dir, &fs) == 0 && (fs.f_flag & ST_RDONLY)) ||
         (access (dir, W_OK) != 0 && errno == EROFS);
}

static gboolean
has_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

int
_bf_sqlite_open_read_only (const char *path, sqlite3 **db, int flags)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  flags |= SQLITE_OPEN_READONLY;
  /* SQLite reads a WAL-mode file through an index (-shm) it creates beside it, which read-only
   * media (a CD, a write-protected USB stick) cannot hold. With no log beside the file nothing
   * can change it there: SQLite is told so, and reads it without the index. */
  if (!on_read_only_media (path) || has_log (path))
    return sqlite3_open_v2 (path, db, flags, NULL);
  escaped = g_uri_escape_string (path, "/", TRUE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  return sqlite3_open_v2 (uri, db, flags | SQLITE_OPEN_URI, NULL);
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

/* One sentence, without SQLite's report (which can run to pages: it goes to the debug log). A log
 * beside the file may be the damage: one copied from another register is. */
static void
set_damaged (GError **error, const char *path, const char *detail)
{
  g_autofree char *name = display_name (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  g_debug ("%s failed its check: %s", path, detail);
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_autofree char *wal_name = display_name (wal);

      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED,
                   _ ("“%s” or its log “%s” is damaged and was left unchanged: restore the newest "
                      "backup."),
                   name, wal_name);
      return;
    }
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED,
               _ ("“%s” is damaged and was left unchanged: restore the newest backup."), name);
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
                 _bf_sqlite_reason (db, rc));
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

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

/* What the file's length can tell without reading it: it holds every page its header counts (a
 * file cut short loses its last pages), and a journal (-wal) beside it that holds frames is
 * SQLite's, for pages of the file's size. NULL when it looks whole, else what is wrong. While
 * the journal holds frames the length proves nothing: a checkpoint writes page 1 (and its count)
 * before the pages after it, and one killed in between is redone from the journal on open. */
static const char *
check_lengths (const char *path, const guint8 header[100])
{
  guint page_size = (guint) header[16] << 8 | header[17];
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gint64 wal_size;
  guint8 wal_header[32];
  FILE *file;

  if (page_size == 1)
    page_size = 65536;
  wal_size = file_size (wal);
  if (wal_size < (gint64) sizeof wal_header + 24 + page_size)
    {
      /* The page count is only kept when the change counter and the "valid for" number agree. */
      if (be32 (header + 24) == be32 (header + 92) &&
          file_size (path) < (gint64) be32 (header + 28) * page_size)
        return _ ("the file ends before its last page");
      return NULL;
    }
  file = fopen (wal, "rb");
  if (file == NULL)
    return NULL;
  if (fread (wal_header, 1, sizeof wal_header, file) != sizeof wal_header)
    memset (wal_header, 0, sizeof wal_header);
  fclose (file);
  if ((be32 (wal_header) & 0xfffffffe) != 0x377f0682 || be32 (wal_header + 4) != 3007000 ||
      be32 (wal_header + 8) != page_size)
    return _ ("its journal file (-wal) is not one of this register");
  return NULL;
}

/* The tables a window reads before it shows anything, each with its indexes, and the first page
 * of the household list: what must be sound to open, the whole file being checked afterwards
 * (bf-store-verify.c). Every table here is small but households, of which 200 rows are read. */
static const char *const first_screen[] = {
  "PRAGMA quick_check(sqlite_schema)",  "PRAGMA quick_check(register_info)",
  "PRAGMA quick_check(settings)",       "PRAGMA quick_check(villages)",
  "PRAGMA quick_check(village_groups)", "PRAGMA quick_check(poverty_lines)",
  "PRAGMA quick_check(helpers)",        "PRAGMA quick_check(drafts)",
};

char *
_bf_quick_check (sqlite3 *db, const char *sql, int *rc)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (*rc == SQLITE_OK && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      *rc = SQLITE_OK;
      /* A damaged file's lines start with one naming the database ("*** in database main ***"). */
      if (line != NULL && !g_str_has_prefix (line, "*** ") && strcmp (line, "ok") != 0)
        {
          problem = g_strdup (line);
          break;
        }
    }
  if (*rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  return problem;
}

static gboolean
check_first_screen (sqlite3 *db, const char *path, gboolean whole, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (gsize i = 0; i < (whole ? 1 : G_N_ELEMENTS (first_screen)); i++)
    {
      g_autofree char *problem =
        _bf_quick_check (db, whole ? "PRAGMA quick_check" : first_screen[i], &rc);

      if (rc != SQLITE_OK)
        {
          set_inspect_error (error, path, db, rc);
          return FALSE;
        }
      if (problem != NULL)
        {
          set_damaged (error, path, problem);
          return FALSE;
        }
    }
  if (whole)
    return TRUE;
  rc =
    sqlite3_prepare_v2 (db, "SELECT * FROM households ORDER BY number LIMIT 200", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      ;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_inspect_error (error, path, db, sqlite3_extended_errcode (db));
      return FALSE;
    }
  return TRUE;
}

/* Checks @path read-only: a SQLite file of the length it claims, a Bangfu register, not newer
 * than @latest, passing quick_check (@whole) or the first screen's part of it. @user_version
 * receives the schema version. */
static gboolean
inspect (const char *path, guint latest, gboolean whole, guint *user_version, GError **error)
{
  guint8 header[100];
  sqlite3 *db = NULL;
  g_autofree char *value = NULL;
  g_autofree char *name = display_name (path);
  const char *short_file;
  gint64 version;
  int rc;
  gboolean ok = FALSE;

  if (!read_header (path, header, error))
    return FALSE;
  short_file = check_lengths (path, header);
  if (short_file != NULL)
    {
      set_damaged (error, path, short_file);
      return FALSE;
    }

  rc = _bf_sqlite_open_read_only (path, &db, 0);
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
  /* Every column opening reads: a table of that name in another program's file may lack them,
   * and the file must be refused before a connection that can write is opened on it. */
  if (!query_text (db, "SELECT application, uuid, county, township FROM register_info WHERE id = 1",
                   &value, &rc) &&
      (rc & 0xff) != SQLITE_ERROR)
    {
      set_inspect_error (error, path, db, rc);
      goto out;
    }
  if (g_strcmp0 (value, BF_STORE_APPLICATION_ID) != 0)
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

  if (!check_first_screen (db, path, whole, error))
    goto out;

  *user_version = (guint) version;
  ok = TRUE;

out:
  sqlite3_close (db);
  return ok;
}

gboolean
_bf_store_inspect (const char *path, guint latest, guint *user_version, GError **error)
{
  return inspect (path, latest, TRUE, user_version, error);
}

gboolean
_bf_store_inspect_open (const char *path, guint latest, guint *user_version, GError **error)
{
  return inspect (path, latest, FALSE, user_version, error);
}

void
_bf_store_damage_error (BfStore *self, const char *detail, GError **error)
{
  set_damaged (error, self->path, detail);
}

/* ---------------------------------------------------------------------------------------------
 * GObject
 */

static void
close_connection (BfStore *self)
{
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      if (self->in_write)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      /* A damaged file is left as it was found: what the journal holds stays in the journal. */
      if (_bf_store_damage (self) != NULL)
        sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  self->in_write = FALSE;
  g_clear_pointer (&self->lock, _bf_lock_drop);
}

/* "Unknown" is what GLib says when the account has no full name. */
static const char *
default_operator (void)
{
  const char *name = g_get_real_name ();

  return g_strcmp0 (name, "Unknown") != 0 ? name : g_get_user_name ();
}

static void
clear_audit_tag (BfStore *self)
{
  g_clear_pointer (&self->audit_tag, g_free);
  g_clear_pointer (&self->audit_tag_more, json_object_unref);
}

static void
bf_store_finalize (GObject *object)
{
  BfStore *self = BF_STORE (object);

  close_connection (self);
  g_hash_table_unref (self->statements);
  g_array_unref (self->commit_hooks);
  g_free (self->path);
  g_free (self->uuid);
  g_free (self->county);
  g_free (self->township);
  g_free (self->operator_name);
  g_free (self->damage);
  clear_audit_tag (self);
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
  self->operator_name = g_strdup (default_operator ());
  self->commit_hooks = g_array_new (FALSE, FALSE, sizeof (CommitHook));
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

/* ---------------------------------------------------------------------------------------------
 * Recording writes for the commit hooks
 */

gboolean
_bf_store_table_is_recorded (const char *table)
{
  return !g_str_equal (table, "audit_log") && !g_str_equal (table, "drafts") &&
         !g_str_has_prefix (table, "household_search") && !g_str_has_prefix (table, "sqlite_");
}

static int
session_table_filter (void *data, const char *table)
{
  return _bf_store_table_is_recorded (table);
}

static gboolean
start_session (BfStore *self, GError **error)
{
  int rc = sqlite3session_create (self->db, "main", &self->session);

  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (self->session, session_table_filter, NULL);
      rc = sqlite3session_attach (self->session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&self->session, sqlite3session_delete);
      _bf_store_set_sqlite_error (self, error, _ ("Cannot record the change"));
      return FALSE;
    }
  return TRUE;
}

/* Takes the write's changeset and ends the recording, then runs the hooks on it. */
static gboolean
run_commit_hooks (BfStore *self, GError **error)
{
  void *changeset = NULL;
  int size = 0;
  gboolean ok = TRUE;
  int rc;

  if (self->session == NULL)
    return TRUE;
  rc = sqlite3session_changeset (self->session, &size, &changeset);
  g_clear_pointer (&self->session, sqlite3session_delete);
  if (rc != SQLITE_OK)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot record the change"));
      return FALSE;
    }
  for (guint i = 0; ok && size > 0 && i < self->commit_hooks->len; i++)
    {
      CommitHook *hook = &g_array_index (self->commit_hooks, CommitHook, i);

      ok = hook->func (self, changeset, size, hook->user_data, error);
    }
  sqlite3_free (changeset);
  return ok;
}

void
_bf_store_add_commit_hook (BfStore *self, BfCommitHook hook, gpointer user_data)
{
  CommitHook entry = { hook, user_data };

  g_return_if_fail (BF_IS_STORE (self));
  g_return_if_fail (hook != NULL);
  g_return_if_fail (!self->in_write);

  g_array_append_val (self->commit_hooks, entry);
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
  if (_bf_store_damage (self) != NULL)
    {
      _bf_store_damage_error (self, _bf_store_damage (self), error);
      return FALSE;
    }
  /* IMMEDIATE takes the write lock now (waiting up to the busy timeout), so a write never fails
   * half-way because another process started writing after it. */
  if (!_bf_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (self->commit_hooks->len > 0 && !start_session (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  self->in_write = TRUE;
  return TRUE;
}

void
_bf_store_rollback (BfStore *self)
{
  g_return_if_fail (BF_IS_STORE (self));

  if (!self->in_write)
    return;
  g_clear_pointer (&self->session, sqlite3session_delete);
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_write = FALSE;
  clear_audit_tag (self);
}

gboolean
_bf_store_commit (BfStore *self, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);

  if (!run_commit_hooks (self, error) || !_bf_store_exec (self, "COMMIT", error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  self->in_write = FALSE;
  clear_audit_tag (self);
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

char *
_bf_audit_hash (gint64 seq,
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

void
_bf_store_audit_tag (BfStore *self, const char *action, JsonObject *more)
{
  g_return_if_fail (BF_IS_STORE (self));
  g_return_if_fail (self->in_write && action != NULL && more != NULL);

  clear_audit_tag (self);
  self->audit_tag = g_strdup (action);
  self->audit_tag_more = json_object_ref (more);
}

static void
copy_member (JsonObject *from, const char *name, JsonNode *node, gpointer to)
{
  json_object_set_member (to, name, json_node_copy (node));
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
  if (self->audit_tag != NULL)
    {
      _bf_changes_add (owned, "step", NULL, action);
      json_object_foreach_member (self->audit_tag_more, copy_member, owned);
      action = self->audit_tag;
    }
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
    prev_hash = g_strdup (BF_AUDIT_GENESIS_HASH);

  hash =
    _bf_audit_hash (seq, prev_hash, at, self->operator_name, action, entity, uuid, changes_text);
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

/* ---------------------------------------------------------------------------------------------
 * Connecting: what bf-store.c needs of the object to open and create registers
 */

BfStore *
_bf_store_new (const char *path, BfStoreOpenFlags flags)
{
  BfStore *self = g_object_new (BF_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->flags = flags;
  return self;
}

gboolean
_bf_store_lock (BfStore *self, GError **error)
{
  gboolean read_only = (self->flags & BF_STORE_OPEN_READ_ONLY) != 0;
  BfLockKind kind;

  if (self->flags & BF_STORE_OPEN_EXCLUSIVE)
    kind = BF_LOCK_WINDOW;
  else if (!read_only)
    kind = BF_LOCK_WRITER;
  else
    return TRUE;
  self->lock = _bf_lock_take (self->path, kind, read_only, error);
  return self->lock != NULL;
}

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
  return _bf_store_exec (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error);
}

gboolean
_bf_store_connect (BfStore *self, const char *file, gboolean create, GError **error)
{
  int flags = SQLITE_OPEN_READWRITE;
  int rc;

  if (create)
    flags |= SQLITE_OPEN_CREATE;
  if (!create && (self->flags & BF_STORE_OPEN_READ_ONLY))
    rc = _bf_sqlite_open_read_only (file, &self->db, 0);
  else
    rc = sqlite3_open_v2 (file, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      if (create)
        _bf_store_set_sqlite_error (self, error, _ ("Cannot create the register"));
      else
        set_inspect_error (error, self->path, self->db, rc);
      return FALSE;
    }
  return configure_connection (self, error);
}

void
_bf_store_set_register (BfStore *self, const char *uuid, const char *county, const char *township)
{
  g_free (self->uuid);
  g_free (self->county);
  g_free (self->township);
  self->uuid = g_strdup (uuid);
  self->county = g_strdup (county);
  self->township = g_strdup (township);
}

gboolean
_bf_store_is_open (BfStore *self)
{
  return self->db != NULL;
}

gboolean
_bf_store_in_write (BfStore *self)
{
  return self->in_write;
}

void
_bf_store_disconnect (BfStore *self)
{
  close_connection (self);
}

/* ---------------------------------------------------------------------------------------------
 * Accessors and the change serial
 */

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

void
_bf_store_count_change (BfStore *self)
{
  g_atomic_int_inc (&self->change_serial);
}

void
_bf_store_set_damaged (BfStore *self, const char *detail)
{
  char *copy = g_strdup (detail != NULL ? detail : "quick_check");

  if (g_atomic_pointer_compare_and_exchange (&self->damage, NULL, copy))
    g_message ("%s is damaged (%s): writes are refused", self->path, copy);
  else
    g_free (copy);
}

const char *
_bf_store_damage (BfStore *self)
{
  return g_atomic_pointer_get (&self->damage);
}

gboolean
_bf_store_changed_since_backup (BfStore *self)
{
  return g_atomic_int_get (&self->change_serial) != g_atomic_int_get (&self->backed_up_serial);
}

sqlite3 *
_bf_open_reader (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  int rc = _bf_sqlite_open_read_only (path, &db, 0);

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
