/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A register's life: opening (checks, lock, upgrade), creating (built aside, then linked into
 * place) and closing (with its backup). The object and its connection are in bf-store-db.c. */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bf-text.h"
#include "bf-store-backup.h"
#include "bf-store-collate-private.h"
#include "bf-store-file.h"
#include "bf-store-migrations-private.h"
#include "bf-store-private.h"

/* ---------------------------------------------------------------------------------------------
 * Opening
 */

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
  _bf_store_set_register (self, (const char *) sqlite3_column_text (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2));

  operator_name = bf_store_setting_get (self, BF_SETTING_OPERATOR);
  if (operator_name != NULL && *operator_name != '\0')
    bf_store_set_operator (self, operator_name);
  return TRUE;
}

static BfStore *
open_store (const char *path, BfStoreOpenFlags flags, GError **error)
{
  g_autoptr (BfStore) self = _bf_store_new (path, flags);
  gboolean read_only = (flags & BF_STORE_OPEN_READ_ONLY) != 0;
  guint latest = _bf_store_schema_version ();
  guint version = 0;

  g_debug ("opening %s", path);
  if (!_bf_store_lock (self, error))
    return NULL;
  if (!read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      bf_output_sweep (dir);
    }

  /* Everything that can refuse the file runs on a read-only connection first; a reader beside an
   * open store trusts the checks that store passed. */
  if (read_only && (flags & BF_STORE_OPEN_READER))
    version = latest;
  else if (!_bf_store_inspect_open (path, latest, &version, error))
    return NULL;
  g_debug ("%s passed its checks (schema %u)", path, version);

  if (!_bf_store_connect (self, path, FALSE, error) ||
      !_bf_collate_register (_bf_store_db (self), error) || !load_register_info (self, error))
    return NULL;

  if (version < latest)
    {
      if (read_only)
        {
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED,
                       _ ("“%s” was saved by an older version of Bangfu and must be upgraded: "
                          "open it once without read-only."),
                       name);
          return NULL;
        }
      if (!_bf_store_migrate (self, version, error))
        return NULL;
    }
  if (!read_only && !_bf_store_sort_keys_refresh (self, error))
    return NULL;
  _bf_store_backed_up (self, _bf_store_change_serial (self));
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
    { BF_SETTING_OPERATOR, bf_store_get_operator (self) },
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
      if (!_bf_setting_put (self, defaults[i][0], defaults[i][1], error))
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
  g_autofree char *uuid = _bf_uuid_new ();
  JsonObject *changes;

  stmt = _bf_store_prepare (self,
                            "INSERT INTO register_info (id, uuid, county, township, application, "
                            "created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, uuid);
  _bf_bind_text (stmt, 2, spec->county);
  _bf_bind_text (stmt, 3, spec->township);
  _bf_bind_text (stmt, 4, BF_STORE_APPLICATION_ID);
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
  if (!_bf_store_audit (self, "create", "register_info", uuid, changes, error))
    return FALSE;

  for (guint i = 0; spec->villages[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (spec->villages[i]));

      if (_bf_region_add_village (self, name, spec->groups_per_village, error) == 0)
        return FALSE;
    }
  return insert_defaults (self, spec, error) && insert_example_lines (self, error);
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
  if (bf_text_has_control (spec->county) || bf_text_has_control (spec->township))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The county or township holds a control character: type it again."));
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
    else if (bf_text_has_control (spec->villages[i]))
      {
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                     _ ("The name of village %u holds a control character: type it again."), i + 1);
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
  g_autoptr (BfStore) self = _bf_store_new (path, BF_STORE_OPEN_DEFAULT);

  if (spec->operator_name != NULL && *spec->operator_name != '\0')
    bf_store_set_operator (self, spec->operator_name);
  if (!_bf_store_connect (self, tmp_path, TRUE, error) ||
      !_bf_collate_register (_bf_store_db (self), error) || !_bf_store_begin (self, error))
    return FALSE;
  if (!_bf_store_migrate_new (self, error))
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
  _bf_store_disconnect (self);
  return TRUE;
}

BfStore *
bf_store_create (const char *path, const BfRegisterSpec *spec, GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (BfOutput) output = NULL;
  BfStore *store;
  gboolean taken = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_name (path);
  if (!validate_spec (spec, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                   _ ("Cannot create “%s”: a file with that name exists."), name);
      return NULL;
    }

  /* SQLite builds the register in the output's empty temporary, which is 0600 (its -wal and -shm
   * take the mode of their database); only the finished file is put in place. */
  output = bf_output_new (path, error);
  if (output == NULL || !build_new_register (path, bf_output_get_temp_path (output), spec, error) ||
      !bf_output_finish (output, NULL, NULL, error))
    return NULL;
  if (!bf_output_commit_new (output, path, &taken, error))
    {
      if (taken)
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                     _ ("Cannot create “%s”: a file with that name exists."), name);
      return NULL;
    }
  store = open_store (path, BF_STORE_OPEN_EXCLUSIVE, error);
  /* A new register is a change: closing it leaves its first backup. */
  if (store != NULL)
    _bf_store_count_change (store);
  return store;
}

/* ---------------------------------------------------------------------------------------------
 * Closing
 */

gboolean
bf_store_close (BfStore *self, GError **error)
{
  g_autofree char *backup = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_is_open (self))
    return TRUE;
  if (_bf_store_in_write (self))
    {
      g_critical ("bf_store_close() inside a write: rolled back");
      _bf_store_rollback (self);
    }
  /* A damaged register is not copied over its good backups. */
  if (_bf_store_changed_since_backup (self) && _bf_store_damage (self) == NULL)
    {
      backup = bf_store_backup (self, NULL, error);
      ok = backup != NULL;
    }
  _bf_store_disconnect (self);
  return ok;
}
