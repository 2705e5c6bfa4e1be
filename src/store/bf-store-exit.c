/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-store-exit-checks-private.h"
#include "bf-store-exit-private.h"
#include "bf-store-workflow-private.h"
#include "bf-store-workflow.h"

/* ---------------------------------------------------------------------------------------------
 * Lists
 */

GPtrArray *
bf_store_exit_candidates (BfStore *self, gint64 village_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT " BF_CASE_ROW_COLUMNS " FROM households h" BF_CASE_ROW_JOINS
                            " WHERE h.deleted_at IS NULL AND h.status IN ('registered', "
                            "'exit_assessed', 'exit_notice', 'exit_accepted') AND (?1 = 0 OR "
                            "h.village_id = ?1) ORDER BY v.sort_order, v.id, h.number",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, village_id);
  return _bf_case_rows_collect (self, stmt, error);
}

GPtrArray *
bf_store_follow_up_list (BfStore *self, gint64 village_id, guint years, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *since = NULL;
  GDate today;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  bf_date_today (&today);
  g_date_subtract_years (&today, years);
  since = bf_date_format (&today);
  /* The exit date is the county's approval; a household brought in without that event counts
   * from the day it became exited. */
  stmt = _bf_store_prepare (self,
                            "SELECT * FROM (SELECT " BF_CASE_ROW_COLUMNS
                            " FROM households h" BF_CASE_ROW_JOINS
                            " WHERE h.deleted_at IS NULL AND h.status = 'exited' AND (?1 = 0 OR "
                            "h.village_id = ?1)) WHERE coalesce(exited_on, status_since) >= ?2 "
                            "ORDER BY last_visit_on IS NOT NULL, last_visit_on, number",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, village_id);
  _bf_bind_text (stmt, 2, since);
  return _bf_case_rows_collect (self, stmt, error);
}

/* Refuses unless the household is in @status; @message says what the step needs. */
static gboolean
require_status (BfStore *self,
                gint64 household_id,
                const char *status,
                const char *message,
                GError **error)
{
  g_autofree char *current = NULL;

  if (!_bf_exit_load_household (self, household_id, &current, NULL, NULL, error))
    return FALSE;
  if (g_strcmp0 (current, status) == 0)
    return TRUE;
  g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED, message);
  return FALSE;
}

gboolean
bf_store_exit_assess (BfStore *self, gint64 household_id, const char *date, GError **error)
{
  g_autofree char *day = NULL;
  BfTransitionFacts facts = { 0 };

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_past_date (date, _ ("Assessment date"), NULL, &day, error))
    return FALSE;
  facts.event_date = day;
  if (!_bf_store_begin (self, error))
    return FALSE;
  /* the transition runs the checks */
  if (!require_status (self, household_id, "registered",
                       _ ("Only a household under assistance can be assessed for exit."), error) ||
      !_bf_store_transition (self, household_id, BF_ACTION_ASSESS_EXIT, &facts, error) ||
      !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Exceptions
 */

char *
bf_store_exit_exception_get (BfStore *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT note FROM exit_exceptions WHERE household_id = ? AND "
                            "check_code = 'labour' AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _bf_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    _bf_store_set_sqlite_error (self, error, _ ("Cannot read the exception"));
  return NULL;
}

/* The recorded exception's id, uuid and note; 0 when there is none. */
static gint64
find_exception (BfStore *self, gint64 household_id, char **uuid, char **note, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  int rc;

  stmt = _bf_store_prepare (self,
                            "SELECT id, uuid, note FROM exit_exceptions WHERE household_id = ? "
                            "AND check_code = 'labour' AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, household_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the exception"));
      return -1;
    }
  *uuid = _bf_column_dup (stmt, 1);
  *note = _bf_column_dup (stmt, 2);
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
bf_store_exit_exception_record (BfStore *self,
                                gint64 household_id,
                                const char *note,
                                const char *recorded_on,
                                GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *now = _bf_now_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *old_note = NULL;
  g_autofree char *text = NULL;
  JsonObject *changes;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (_bf_is_blank (note))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Give the reason for the exception: why the household stays under "
                      "social-security support."));
      return FALSE;
    }
  text = g_strstrip (g_strdup (note));
  if (!_bf_past_date (recorded_on, _ ("Date of the exception"), NULL, &day, error))
    return FALSE;
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!_bf_exit_load_household (self, household_id, NULL, NULL, NULL, error) ||
      (id = find_exception (self, household_id, &uuid, &old_note, error)) < 0)
    goto fail;
  if (id == 0)
    {
      uuid = _bf_uuid_new ();
      stmt = _bf_store_prepare (self,
                                "INSERT INTO exit_exceptions (note, recorded_on, updated_at, "
                                "created_at, household_id, check_code, uuid) VALUES (?1, ?2, ?3, "
                                "?3, ?4, 'labour', ?5)",
                                error);
    }
  else
    stmt = _bf_store_prepare (self,
                              "UPDATE exit_exceptions SET note = ?1, recorded_on = ?2, "
                              "updated_at = ?3 WHERE id = ?4",
                              error);
  if (stmt == NULL)
    goto fail;
  _bf_bind_text (stmt, 1, text);
  _bf_bind_text (stmt, 2, day);
  _bf_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, id == 0 ? household_id : id);
  if (id == 0)
    _bf_bind_text (stmt, 5, uuid);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the exception"), error))
    goto fail;
  changes = json_object_new ();
  if (id == 0)
    {
      _bf_changes_add_int (changes, "household_id", 0, household_id);
      _bf_changes_add (changes, "check_code", NULL, "labour");
    }
  _bf_changes_add (changes, "note", old_note, text);
  _bf_changes_add (changes, "recorded_on", NULL, day);
  if (!_bf_store_audit (self, id == 0 ? "create" : "update", "exit_exceptions", uuid, changes,
                        error) ||
      !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

gboolean
bf_store_exit_exception_withdraw (BfStore *self, gint64 household_id, GError **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *note = NULL;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  id = find_exception (self, household_id, &uuid, &note, error);
  if (id == 0)
    g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                 _ ("The household has no recorded exception."));
  return _bf_store_finish (
    self, id > 0 && _bf_soft_delete (self, "exit_exceptions", id, uuid, NULL, error), error);
}

/* ---------------------------------------------------------------------------------------------
 * Acceptance and approval
 */

void
bf_exit_acceptance_free (BfExitAcceptance *acceptance)
{
  if (acceptance == NULL)
    return;
  g_free (acceptance->uuid);
  g_free (acceptance->accepted_on);
  g_strfreev (acceptance->team);
  g_free (acceptance->checks);
  g_free (acceptance->exception_note);
  g_free (acceptance->result);
  g_free (acceptance->reported_on);
  g_free (acceptance);
}

/* The team as a JSON array of trimmed names; NULL (and INVALID) when nobody is named. */
static char *
team_json (const char *const *team, GError **error)
{
  g_autoptr (JsonArray) array = json_array_new ();
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; team != NULL && team[i] != NULL; i++)
    if (!_bf_is_blank (team[i]))
      {
        g_autofree char *name = g_strstrip (g_strdup (team[i]));

        json_array_add_string_element (array, name);
      }
  if (json_array_get_length (array) == 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Name at least one member of the acceptance team."));
      return NULL;
    }
  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

static gboolean
validate_acceptance (const BfExitAcceptanceSpec *spec,
                     char **accepted_on,
                     char **reported_on,
                     char **team,
                     GError **error)
{
  if (!_bf_past_date (spec->accepted_on, _ ("Acceptance date"), NULL, accepted_on, error) ||
      (*team = team_json (spec->team, error)) == NULL)
    return FALSE;
  if (!spec->accepted && _bf_is_blank (spec->reason))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Give the reason the household was not accepted."));
      return FALSE;
    }
  if (spec->reported_on == NULL)
    return TRUE;
  if (!_bf_past_date (spec->reported_on, _ ("Date reported to the county"), NULL, reported_on,
                      error))
    return FALSE;
  if (g_strcmp0 (*reported_on, *accepted_on) < 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The acceptance cannot be reported before it took place."));
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_acceptance (BfStore *self,
                   gint64 household_id,
                   const char *accepted_on,
                   const char *team,
                   const char *checks,
                   gboolean accepted,
                   const char *reported_on,
                   GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *uuid = _bf_uuid_new ();
  g_autofree char *now = _bf_now_iso ();
  g_autofree char *exception = bf_store_exit_exception_get (self, household_id, NULL);
  const char *result = accepted ? "accepted" : "not_accepted";
  JsonObject *changes;
  gint64 id;

  stmt = _bf_store_prepare (self,
                            "INSERT INTO exit_acceptances (uuid, household_id, accepted_on, team, "
                            "checks, exception_note, result, reported_on, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                            error);
  if (stmt == NULL)
    return 0;
  _bf_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, household_id);
  _bf_bind_text (stmt, 3, accepted_on);
  _bf_bind_text (stmt, 4, team);
  _bf_bind_text (stmt, 5, checks);
  _bf_bind_text (stmt, 6, exception);
  _bf_bind_text (stmt, 7, result);
  _bf_bind_text (stmt, 8, reported_on);
  _bf_bind_text (stmt, 9, now);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the acceptance"), error))
    return 0;
  id = sqlite3_last_insert_rowid (_bf_store_db (self));
  changes = json_object_new ();
  _bf_changes_add_int (changes, "household_id", 0, household_id);
  _bf_changes_add (changes, "accepted_on", NULL, accepted_on);
  _bf_changes_add (changes, "team", NULL, team);
  _bf_changes_add (changes, "checks", NULL, checks);
  if (exception != NULL)
    _bf_changes_add (changes, "exception_note", NULL, exception);
  _bf_changes_add (changes, "result", NULL, result);
  if (reported_on != NULL)
    _bf_changes_add (changes, "reported_on", NULL, reported_on);
  if (!_bf_store_audit (self, "create", "exit_acceptances", uuid, changes, error))
    return 0;
  return id;
}

gint64
bf_store_exit_accept (BfStore *self,
                      gint64 household_id,
                      const BfExitAcceptanceSpec *spec,
                      GError **error)
{
  g_autofree char *accepted_on = NULL;
  g_autofree char *reported_on = NULL;
  g_autofree char *team = NULL;
  g_autofree char *checks = NULL;
  BfTransitionFacts facts = { 0 };
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!validate_acceptance (spec, &accepted_on, &reported_on, &team, error))
    return 0;
  if (!_bf_store_begin (self, error))
    return 0;
  if (!require_status (self, household_id, "exit_notice",
                       _ ("Only a household on an exit notice can be accepted."), error) ||
      !_bf_exit_run_checks (self, household_id, accepted_on, spec->accepted, &checks, error))
    goto fail;
  id = insert_acceptance (self, household_id, accepted_on, team, checks, spec->accepted,
                          reported_on, error);
  if (id == 0)
    goto fail;
  facts.event_date = accepted_on;
  facts.ref_kind = "acceptance";
  facts.ref_id = id;
  facts.reason = spec->accepted ? NULL : spec->reason;
  if (!_bf_store_transition (self, household_id,
                             spec->accepted ? BF_ACTION_ACCEPT_EXIT : BF_ACTION_SEND_BACK, &facts,
                             error) ||
      !_bf_store_commit (self, error))
    goto fail;
  return id;

fail:
  _bf_store_rollback (self);
  return 0;
}

static BfExitAcceptance *
read_acceptance (sqlite3_stmt *stmt)
{
  BfExitAcceptance *a = g_new0 (BfExitAcceptance, 1);
  g_autoptr (JsonNode) team = NULL;
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  const char *json = (const char *) sqlite3_column_text (stmt, 4);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->uuid = _bf_column_dup (stmt, 1);
  a->household_id = sqlite3_column_int64 (stmt, 2);
  a->accepted_on = _bf_column_dup (stmt, 3);
  a->checks = _bf_column_dup (stmt, 5);
  a->exception_note = _bf_column_dup (stmt, 6);
  a->result = _bf_column_dup (stmt, 7);
  a->reported_on = _bf_column_dup (stmt, 8);
  team = json != NULL ? json_from_string (json, NULL) : NULL;
  if (team != NULL && JSON_NODE_HOLDS_ARRAY (team))
    {
      JsonArray *array = json_node_get_array (team);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
          g_strv_builder_add (names, json_array_get_string_element (array, i));
    }
  a->team = g_strv_builder_end (names);
  return a;
}

BfExitAcceptance *
bf_store_exit_acceptance_latest (BfStore *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT id, uuid, household_id, accepted_on, team, checks, "
                            "exception_note, result, reported_on FROM exit_acceptances WHERE "
                            "household_id = ? AND deleted_at IS NULL ORDER BY accepted_on DESC, id "
                            "DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_acceptance (stmt);
  if (rc != SQLITE_DONE)
    _bf_store_set_sqlite_error (self, error, _ ("Cannot read the acceptance"));
  return NULL;
}

gboolean
bf_store_exit_acceptance_set_reported (BfStore *self,
                                       gint64 acceptance_id,
                                       const char *reported_on,
                                       GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *accepted_on = NULL;
  g_autofree char *before = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_past_date (reported_on, _ ("Date reported to the county"), NULL, &day, error))
    return FALSE;
  if (!_bf_store_begin (self, error))
    return FALSE;
  stmt = _bf_store_prepare (self,
                            "SELECT uuid, accepted_on, reported_on FROM exit_acceptances WHERE id "
                            "= ? AND deleted_at IS NULL",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, acceptance_id);
      if (_bf_step_row (self, stmt, _ ("The acceptance does not exist or was deleted."), error))
        {
          uuid = _bf_column_dup (stmt, 0);
          accepted_on = _bf_column_dup (stmt, 1);
          before = _bf_column_dup (stmt, 2);
        }
      g_clear_pointer (&stmt, sqlite3_reset);
    }
  if (uuid != NULL && g_strcmp0 (day, accepted_on) < 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The acceptance cannot be reported before it took place."));
      g_clear_pointer (&uuid, g_free);
    }
  return _bf_store_finish (self,
                           uuid != NULL &&
                             _bf_set_column (self, "exit_acceptances", "id", acceptance_id, uuid,
                                             "reported_on", before, day, NULL, "update", error),
                           error);
}

/* The accepted acceptance must have gone to the county before the county decides. */
static gboolean
require_reported (BfStore *self, gint64 household_id, const char *approved_on, GError **error)
{
  GError *local_error = NULL;
  g_autoptr (BfExitAcceptance) acceptance =
    bf_store_exit_acceptance_latest (self, household_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (acceptance == NULL || g_strcmp0 (acceptance->result, "accepted") != 0 ||
      acceptance->reported_on == NULL)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("Record the date the acceptance was reported to the county first."));
      return FALSE;
    }
  if (g_strcmp0 (approved_on, acceptance->reported_on) < 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The county cannot approve before the acceptance was reported (%s)."),
                   acceptance->reported_on);
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_exit_approve (BfStore *self,
                       gint64 household_id,
                       const char *approved_on,
                       const char *document_number,
                       GError **error)
{
  g_autofree char *day = NULL;
  g_autofree char *document = NULL;
  BfTransitionFacts facts = { 0 };
  const char *county = bf_store_get_county (self);

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_past_date (approved_on, _ ("Approval date"), NULL, &day, error))
    return FALSE;
  if (_bf_is_blank (document_number))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("Give the document number of the county’s approval."));
      return FALSE;
    }
  document = g_strstrip (g_strdup (document_number));
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!require_status (self, household_id, "exit_accepted",
                       _ ("Only a household whose exit was accepted can be approved."), error) ||
      !require_reported (self, household_id, day, error))
    goto fail;
  /* The county decides; the transition records its review. */
  facts.event_date = day;
  facts.document_number = document;
  facts.reviewer = !_bf_is_blank (county) ? county : bf_store_get_operator (self);
  if (!_bf_store_transition (self, household_id, BF_ACTION_APPROVE_EXIT, &facts, error) ||
      _bf_adjustment_insert (self, household_id, "exit", NULL, day,
                             _ ("Exit approved by the county."), _ ("County approval"), document,
                             error) == 0 ||
      !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}
