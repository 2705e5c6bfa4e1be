/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settings kept in the register (settings table): text values, with the numeric rules checked
 * before anything is written. */
#include <glib/gi18n-lib.h>

#include "bf-store-private.h"

gboolean
_bf_setting_put (BfStore *self, const char *key, const char *value, GError **error)
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
  if (!_bf_setting_put (self, key, value, error) ||
      !_bf_store_audit (self, "update", "settings", NULL, g_steal_pointer (&changes), error) ||
      !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
