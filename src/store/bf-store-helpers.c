/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-household-rules.h"
#include "bf-store-plans-private.h"

static const BfColumn helper_columns[] = {
  { "name", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfHelper, name), N_ ("Name"), .required = TRUE },
  { "unit", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfHelper, unit), N_ ("Unit") },
  { "level", BF_COLUMN_CODE, G_STRUCT_OFFSET (BfHelper, level), N_ ("Level"),
    BF_CODES_HELPER_LEVEL },
  { "position", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfHelper, position), N_ ("Position") },
  { "phone", BF_COLUMN_TEXT, G_STRUCT_OFFSET (BfHelper, phone), N_ ("Phone") },
};

static const BfTable helper_table = { "helpers", helper_columns, G_N_ELEMENTS (helper_columns) };

static const BfColumn assignment_columns[] = {
  { "household_id", BF_COLUMN_REF, G_STRUCT_OFFSET (BfAssignment, household_id), N_ ("Household") },
  { "helper_id", BF_COLUMN_REF, G_STRUCT_OFFSET (BfAssignment, helper_id), N_ ("Helper") },
  { "assigned_on", BF_COLUMN_DATE, G_STRUCT_OFFSET (BfAssignment, assigned_on),
    N_ ("Assigned on") },
  { "ended_on", BF_COLUMN_DATE, G_STRUCT_OFFSET (BfAssignment, ended_on), N_ ("Ended on") },
};

static const BfTable assignment_table = { "helper_assignments", assignment_columns,
                                          G_N_ELEMENTS (assignment_columns) };

/* The helper's columns, retirement, and the two counts of bf-store-plans.h. */
#define HELPER_SELECT                                                                              \
  "SELECT h.id, h.uuid, h.name, h.unit, h.level, h.position, h.phone, h.retired_on, "              \
  "(SELECT count(*) FROM households WHERE helper_id = h.id AND deleted_at IS NULL), "              \
  "(SELECT count(*) FROM measures WHERE helper_id = h.id AND deleted_at IS NULL AND status IN "    \
  "('planned', 'in_progress')) FROM helpers h "

BfHelper *
bf_helper_new (void)
{
  return g_new0 (BfHelper, 1);
}

BfHelper *
bf_helper_copy (const BfHelper *helper)
{
  BfHelper *copy = g_memdup2 (helper, sizeof *helper);

  copy->uuid = g_strdup (helper->uuid);
  copy->name = g_strdup (helper->name);
  copy->unit = g_strdup (helper->unit);
  copy->level = g_strdup (helper->level);
  copy->position = g_strdup (helper->position);
  copy->phone = g_strdup (helper->phone);
  copy->retired_on = g_strdup (helper->retired_on);
  return copy;
}

void
bf_helper_free (BfHelper *helper)
{
  if (helper == NULL)
    return;
  g_free (helper->uuid);
  g_free (helper->name);
  g_free (helper->unit);
  g_free (helper->level);
  g_free (helper->position);
  g_free (helper->phone);
  g_free (helper->retired_on);
  g_free (helper);
}

void
bf_assignment_free (BfAssignment *assignment)
{
  if (assignment == NULL)
    return;
  g_free (assignment->uuid);
  g_free (assignment->helper_name);
  g_free (assignment->assigned_on);
  g_free (assignment->ended_on);
  g_free (assignment);
}

static BfHelper *
read_helper (sqlite3_stmt *stmt)
{
  BfHelper *helper = bf_helper_new ();
  int column;

  helper->id = sqlite3_column_int64 (stmt, 0);
  helper->uuid = _bf_column_dup (stmt, 1);
  column = _bf_table_read (&helper_table, stmt, 2, helper);
  helper->retired_on = _bf_column_dup (stmt, column);
  helper->n_households = sqlite3_column_int (stmt, column + 1);
  helper->n_open_measures = sqlite3_column_int (stmt, column + 2);
  return helper;
}

BfHelper *
bf_store_helper_get (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self, HELPER_SELECT "WHERE h.id = ? AND h.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_helper (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND, _ ("There is no such helper."));
  else
    _bf_store_set_sqlite_error (self, error, _ ("Cannot read the helper"));
  return NULL;
}

GPtrArray *
bf_store_helper_list (BfStore *self, gboolean include_retired, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            include_retired
                              ? HELPER_SELECT "WHERE h.deleted_at IS NULL "
                                              "ORDER BY h.retired_on IS NOT NULL, h.name_key, h.id"
                              : HELPER_SELECT "WHERE h.deleted_at IS NULL AND h.retired_on IS NULL "
                                              "ORDER BY h.name_key, h.id",
                            error);
  if (stmt == NULL)
    return NULL;
  return _bf_rows_read (self, stmt, (BfRowRead) read_helper, (GDestroyNotify) bf_helper_free,
                        error);
}

gboolean
bf_store_helper_save (BfStore *self, BfHelper *helper, GError **error)
{
  g_autoptr (BfHelper) before = NULL;
  g_autoptr (BfHelper) after = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (helper != NULL, FALSE);

  if (!_bf_table_validate (&helper_table, helper, error))
    return FALSE;
  if (_bf_has_text (helper->phone) && !bf_phone_is_valid (helper->phone))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Phone: “%s” is not a phone number (7 to 20 digits)."), helper->phone);
      return FALSE;
    }
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (helper->id != 0)
    {
      before = bf_store_helper_get (self, helper->id, error);
      if (before == NULL)
        goto fail;
    }
  after = bf_helper_copy (helper);
  if (before != NULL)
    {
      g_free (after->uuid);
      after->uuid = g_strdup (before->uuid);
    }
  if (!_bf_table_write (self, &helper_table, before, after, NULL, error) ||
      !_bf_store_commit (self, error))
    goto fail;

  g_free (helper->uuid);
  helper->uuid = g_strdup (after->uuid);
  helper->id = after->id;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

/* The current assignment of a household, or none (id 0); FALSE on error. */
static gboolean
current_assignment (BfStore *self, gint64 household_id, BfAssignment *current, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  int rc;

  stmt = _bf_store_prepare (self,
                            "SELECT id, uuid, helper_id, assigned_on FROM helper_assignments WHERE "
                            "household_id = ? AND ended_on IS NULL AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      current->id = sqlite3_column_int64 (stmt, 0);
      current->uuid = _bf_column_dup (stmt, 1);
      current->household_id = household_id;
      current->helper_id = sqlite3_column_int64 (stmt, 2);
      current->assigned_on = _bf_column_dup (stmt, 3);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _bf_store_set_sqlite_error (self, error, _ ("Cannot read the helper assignments"));
  return FALSE;
}

static void
clear_assignment (BfAssignment *assignment)
{
  g_free (assignment->uuid);
  g_free (assignment->helper_name);
  g_free (assignment->assigned_on);
  g_free (assignment->ended_on);
  memset (assignment, 0, sizeof *assignment);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BfAssignment, clear_assignment)

/* households.helper_id and uuid of a household that is not deleted. */
static gboolean
household_helper (BfStore *self, gint64 id, gint64 *helper_id, char **uuid, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  stmt = _bf_store_prepare (
    self, "SELECT helper_id, uuid FROM households WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_bf_step_row (self, stmt, _ ("The household does not exist or was deleted."), error))
    return FALSE;
  *helper_id = sqlite3_column_int64 (stmt, 0);
  *uuid = _bf_column_dup (stmt, 1);
  return TRUE;
}

/* One household's change of helper, inside a write; @helper_id was checked. */
static gboolean
assign_one (BfStore *self, gint64 household_id, gint64 helper_id, const char *on, GError **error)
{
  g_auto (BfAssignment) current = { 0 };
  g_autofree char *household_uuid = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  gint64 old_helper = 0;
  JsonObject *changes;

  if (!household_helper (self, household_id, &old_helper, &household_uuid, error) ||
      !current_assignment (self, household_id, &current, error))
    return FALSE;
  if (current.helper_id == helper_id && old_helper == helper_id)
    return TRUE;
  if (current.id != 0)
    {
      BfAssignment ended = current;

      if (g_strcmp0 (on, current.assigned_on) < 0)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("The new helper cannot start on %s, before the current helper began "
                          "on %s."),
                       on, current.assigned_on);
          return FALSE;
        }
      ended.ended_on = (char *) on;
      if (!_bf_table_write (self, &assignment_table, &current, &ended, NULL, error))
        return FALSE;
    }
  if (helper_id != 0)
    {
      BfAssignment started = { 0, NULL, household_id, helper_id, NULL, (char *) on, NULL };

      if (!_bf_table_write (self, &assignment_table, NULL, &started, NULL, error))
        {
          g_free (started.uuid);
          return FALSE;
        }
      g_free (started.uuid);
    }

  stmt = _bf_store_prepare (
    self, "UPDATE households SET helper_id = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (helper_id != 0)
    sqlite3_bind_int64 (stmt, 1, helper_id);
  _bf_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, household_id);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the household’s helper"), error))
    return FALSE;
  changes = json_object_new ();
  {
    JsonArray *pair = json_array_new ();

    if (old_helper != 0)
      json_array_add_int_element (pair, old_helper);
    else
      json_array_add_null_element (pair);
    if (helper_id != 0)
      json_array_add_int_element (pair, helper_id);
    else
      json_array_add_null_element (pair);
    json_object_set_array_member (changes, "helper_id", pair);
  }
  return _bf_store_audit (self, "assign", "households", household_uuid, changes, error);
}

gboolean
bf_store_helper_assign_many (BfStore *self,
                             const gint64 *household_ids,
                             guint n_households,
                             gint64 helper_id,
                             const char *on,
                             GError **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (household_ids != NULL || n_households == 0, FALSE);

  date = _bf_plans_date (on, _ ("Assigned on"), error);
  if (date == NULL)
    return FALSE;
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (helper_id != 0 && !_bf_plans_check_helper (self, helper_id, TRUE, error))
    goto fail;
  for (guint i = 0; i < n_households; i++)
    if (!assign_one (self, household_ids[i], helper_id, date, error))
      goto fail;
  if (!_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

gboolean
bf_store_helper_assign (BfStore *self,
                        gint64 household_id,
                        gint64 helper_id,
                        const char *on,
                        GError **error)
{
  return bf_store_helper_assign_many (self, &household_id, 1, helper_id, on, error);
}

/* Ids of the rows @sql (one parameter: @id) gives. */
static GArray *
select_ids (BfStore *self, const char *sql, gint64 id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, row);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the register"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
set_retired (BfStore *self, const BfHelper *helper, const char *on, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;

  stmt = _bf_store_prepare (self, "UPDATE helpers SET retired_on = ?, updated_at = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, on);
  _bf_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, helper->id);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the helper"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_changes_add (changes, "retired_on", helper->retired_on, on);
  return _bf_store_audit (self, on != NULL ? "retire" : "reinstate", "helpers", helper->uuid,
                          changes, error);
}

/* Hands the helper's open measures to @successor_id, each with its audit entry. */
static gboolean
hand_over_measures (BfStore *self, gint64 helper_id, gint64 successor_id, GError **error)
{
  g_autoptr (GArray) ids = select_ids (self,
                                       "SELECT id FROM measures WHERE helper_id = ? AND deleted_at "
                                       "IS NULL AND status IN ('planned', 'in_progress')",
                                       helper_id, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (BfMeasure) measure =
        bf_store_measure_get (self, g_array_index (ids, gint64, i), error);

      if (measure == NULL)
        return FALSE;
      measure->helper_id = successor_id;
      if (!_bf_plans_measure_write (self, measure, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_helper_retire (BfStore *self,
                        gint64 id,
                        const char *on,
                        gint64 successor_id,
                        GError **error)
{
  g_autoptr (BfHelper) helper = NULL;
  g_autoptr (GArray) households = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  date = _bf_plans_date (on, _ ("Retired on"), error);
  if (date == NULL)
    return FALSE;
  if (successor_id == id && id != 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("A helper cannot hand over to themselves."));
      return FALSE;
    }
  if (!_bf_store_begin (self, error))
    return FALSE;
  helper = bf_store_helper_get (self, id, error);
  if (helper == NULL)
    goto fail;
  if (helper->retired_on != NULL)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s retired on %s already."),
                   helper->name, helper->retired_on);
      goto fail;
    }
  if (successor_id != 0 && !_bf_plans_check_helper (self, successor_id, TRUE, error))
    goto fail;
  households = select_ids (self,
                           "SELECT id FROM households WHERE helper_id = ? AND deleted_at IS NULL "
                           "ORDER BY id",
                           id, error);
  if (households == NULL)
    goto fail;
  for (guint i = 0; i < households->len; i++)
    if (!assign_one (self, g_array_index (households, gint64, i), successor_id, date, error))
      goto fail;
  if ((successor_id != 0 && !hand_over_measures (self, id, successor_id, error)) ||
      !set_retired (self, helper, date, error) || !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

gboolean
bf_store_helper_reinstate (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfHelper) helper = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  helper = bf_store_helper_get (self, id, error);
  if (helper == NULL)
    goto fail;
  if (helper->retired_on == NULL)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s has not retired."),
                   helper->name);
      goto fail;
    }
  if (!set_retired (self, helper, NULL, error) || !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

static BfAssignment *
read_assignment (sqlite3_stmt *stmt)
{
  BfAssignment *a = g_new0 (BfAssignment, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->uuid = _bf_column_dup (stmt, 1);
  _bf_table_read (&assignment_table, stmt, 2, a);
  a->helper_name = _bf_column_dup (stmt, 6);
  return a;
}

GPtrArray *
bf_store_assignments_for (BfStore *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT a.id, a.uuid, a.household_id, a.helper_id, a.assigned_on, "
                            "a.ended_on, h.name FROM helper_assignments a JOIN helpers h ON h.id = "
                            "a.helper_id WHERE a.household_id = ? AND a.deleted_at IS NULL ORDER "
                            "BY a.ended_on IS NOT NULL, a.assigned_on DESC, a.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  return _bf_rows_read (self, stmt, (BfRowRead) read_assignment,
                        (GDestroyNotify) bf_assignment_free, error);
}

GPtrArray *
bf_store_helper_households (BfStore *self, gint64 helper_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT " BF_SQL_HOUSEHOLD_LINE
                            " FROM households" BF_SQL_HOUSEHOLD_LINE_JOINS
                            " WHERE households.helper_id = ? AND households.deleted_at IS NULL "
                            "ORDER BY households.number",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, helper_id);
  return _bf_rows_read (self, stmt, (BfRowRead) _bf_household_line_read,
                        (GDestroyNotify) bf_household_line_free, error);
}
