/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Households, their members and their latest survey: reading, one-transaction saves with audit
 * entries of the changed fields, soft delete and restore, household numbers. The field tables
 * are in bf-store-household-fields.c, the checks before a save in bf-store-household-checks.c. */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-text.h"
#include "bf-dates.h"
#include "bf-income.h"
#include "bf-store-household-checks-private.h"
#include "bf-store-household-private.h"
#include "bf-store-household.h"

/* ------------------------------------------------------------------------------------------ */
/* Small helpers */

static char *
today_iso (void)
{
  GDate today;

  bf_date_today (&today);
  return bf_date_format (&today);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading */

static BfSurvey *
load_survey (BfStore *self,
             const char *where,
             gint64 key1,
             gint64 key2,
             int *member_count,
             GError **error)
{
  g_autofree char *columns = _bf_fields_columns (&_bf_surveys_table);
  g_autofree char *sql =
    g_strdup_printf ("SELECT id, uuid, member_count, %s FROM surveys WHERE %s", columns, where);
  sqlite3_stmt *stmt = _bf_store_prepare (self, sql, error);
  g_autoptr (BfSurvey) survey = NULL;
  int found;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key1);
  if (strstr (where, "?2") != NULL)
    sqlite3_bind_int64 (stmt, 2, key2);
  found = _bf_step_one (self, stmt, _ ("Could not read the survey"), error);
  if (found <= 0)
    return NULL;
  survey = bf_survey_new ();
  survey->id = sqlite3_column_int64 (stmt, 0);
  survey->uuid = _bf_column_dup (stmt, 1);
  if (member_count != NULL)
    *member_count = sqlite3_column_int (stmt, 2);
  _bf_fields_read (&_bf_surveys_table, stmt, 3, survey);
  sqlite3_reset (stmt);
  return g_steal_pointer (&survey);
}

#define LATEST_SURVEY                                                                              \
  "household_id = ?1 AND deleted_at IS NULL ORDER BY year DESC, ifnull(surveyed_on, '') DESC, id DESC LIMIT 1"

static gboolean
load_members (BfStore *self, BfHousehold *household, GError **error)
{
  g_autofree char *columns = _bf_fields_columns (&_bf_members_table);
  g_autofree char *sql = g_strdup_printf ("SELECT id, uuid, %s FROM members "
                                          "WHERE household_id = ? AND deleted_at IS NULL "
                                          "ORDER BY relation <> 'head', id",
                                          columns);
  sqlite3_stmt *stmt = _bf_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfMember *member = bf_member_new ();

      member->id = sqlite3_column_int64 (stmt, 0);
      member->uuid = _bf_column_dup (stmt, 1);
      _bf_fields_read (&_bf_members_table, stmt, 2, member);
      g_ptr_array_add (household->members, member);
    }
  if (rc != SQLITE_DONE)
    _bf_store_set_sqlite_error (self, error, _ ("Could not read the household's members"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* The household with its active members and latest survey, deleted or not; NULL and no error
 * when there is none. */
static BfHousehold *
load_household (BfStore *self, gint64 id, GError **error)
{
  g_autofree char *columns = _bf_fields_columns (&_bf_households_table);
  g_autofree char *sql =
    g_strdup_printf ("SELECT id, uuid, status, status_since, created_at, updated_at, deleted_at, "
                     "(SELECT name FROM villages WHERE id = households.village_id), "
                     "(SELECT name FROM village_groups WHERE id = households.group_id), "
                     "(SELECT name FROM helpers WHERE id = households.helper_id), %s "
                     "FROM households WHERE id = ?",
                     columns);
  sqlite3_stmt *stmt = _bf_store_prepare (self, sql, error);
  g_autoptr (BfHousehold) household = NULL;
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (_bf_step_one (self, stmt, _ ("Could not read the household"), error) <= 0)
    return NULL;
  household = bf_household_new ();
  household->id = sqlite3_column_int64 (stmt, 0);
  household->uuid = _bf_column_dup (stmt, 1);
  household->status = _bf_column_dup (stmt, 2);
  household->status_since = _bf_column_dup (stmt, 3);
  household->created_at = _bf_column_dup (stmt, 4);
  household->updated_at = _bf_column_dup (stmt, 5);
  household->deleted_at = _bf_column_dup (stmt, 6);
  household->village_name = _bf_column_dup (stmt, 7);
  household->group_name = _bf_column_dup (stmt, 8);
  household->helper_name = _bf_column_dup (stmt, 9);
  _bf_fields_read (&_bf_households_table, stmt, 10, household);
  sqlite3_reset (stmt);

  if (!load_members (self, household, error))
    return NULL;
  household->survey = load_survey (self, LATEST_SURVEY, id, 0, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&household);
}

BfHousehold *
bf_store_household_get (BfStore *self, gint64 id, GError **error)
{
  GError *local_error = NULL;
  BfHousehold *household;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  household = load_household (self, id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (household == NULL)
    g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                         _ ("The household is not in the register."));
  return household;
}

BfHousehold *
bf_store_household_get_by_number (BfStore *self, const char *number, GError **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  trimmed = g_strstrip (g_strdup (number));
  id = _bf_household_find_by_number (self, trimmed, error);
  if (id < 0)
    return NULL;
  if (id == 0)
    {
      g_autofree char *shown = bf_text_shown (trimmed, BF_TEXT_SHOWN_CHARS);

      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("There is no household numbered %s."), shown);
      return NULL;
    }
  return bf_store_household_get (self, id, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Writing */

typedef struct
{
  BfStore *self;
  const char *now;
  BfHousehold *work;         /* what is being saved, normalised */
  const BfHousehold *before; /* as in the register, NULL for a new household */
  gboolean changed;          /* anything written */
} Save;

/* A unique-index failure that slipped past the checks made inside the same write cannot come
 * from this process; name the rule anyway rather than SQLite's words. */
static void
set_write_error (BfStore *self, GError **error, const char *what)
{
  sqlite3 *db = _bf_store_db (self);
  const char *message = sqlite3_errmsg (db);

  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
    {
      if (strstr (message, "members.id_number") != NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON,
                       _ ("A member already belongs to another household."));
          return;
        }
      if (strstr (message, "households.number") != NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_NUMBER,
                       _ ("The household number is already in use."));
          return;
        }
    }
  _bf_store_set_sqlite_error (self, error, what);
}

static gboolean
write_step (Save *save, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    set_write_error (save->self, error, what);
  sqlite3_reset (stmt);
  save->changed = TRUE;
  return rc == SQLITE_DONE;
}

/* Inserts @record under a new uuid (stored in *@uuid) and returns its row id, or 0. */
static gint64
insert_record (Save *save,
               const Table *table,
               const Extra *extras,
               guint n_extras,
               gconstpointer record,
               char **uuid,
               GError **error)
{
  g_autofree char *sql = _bf_fields_insert_sql (table, extras, n_extras);
  sqlite3_stmt *stmt = _bf_store_prepare (save->self, sql, error);
  int idx;

  if (stmt == NULL)
    return 0;
  g_free (*uuid);
  *uuid = _bf_uuid_new ();
  sqlite3_bind_text (stmt, 1, *uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, save->now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, save->now, -1, SQLITE_TRANSIENT);
  idx = _bf_fields_bind (table, stmt, 4, record);
  for (guint i = 0; i < n_extras; i++)
    _bf_value_bind (stmt, idx++, &extras[i].value);
  if (!write_step (save, stmt, _ ("Could not save the household"), error))
    return 0;
  return sqlite3_last_insert_rowid (_bf_store_db (save->self));
}

static gboolean
update_record (Save *save,
               const Table *table,
               const Extra *extras,
               guint n_extras,
               gint64 id,
               gconstpointer record,
               GError **error)
{
  g_autofree char *sql = _bf_fields_update_sql (table, extras, n_extras);
  sqlite3_stmt *stmt = _bf_store_prepare (save->self, sql, error);
  int idx;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, save->now, -1, SQLITE_TRANSIENT);
  idx = _bf_fields_bind (table, stmt, 2, record);
  for (guint i = 0; i < n_extras; i++)
    _bf_value_bind (stmt, idx++, &extras[i].value);
  sqlite3_bind_int64 (stmt, idx, id);
  return write_step (save, stmt, _ ("Could not save the household"), error);
}

/* Appends an audit entry unless @changes is empty (an unchanged record leaves no trace). */
static gboolean
audit (Save *save,
       const char *action,
       const char *entity,
       const char *uuid,
       JsonObject *changes,
       GError **error)
{
  if (json_object_get_size (changes) == 0)
    {
      json_object_unref (changes);
      return TRUE;
    }
  return _bf_store_audit (save->self, action, entity, uuid, changes, error);
}

static const BfMember *
find_member (const BfHousehold *household, gint64 id)
{
  for (guint i = 0; household != NULL && i < household->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (household->members, i);

      if (member->id == id)
        return member;
    }
  return NULL;
}

static gboolean
remove_member (Save *save, const BfMember *member, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (
    save->self, "UPDATE members SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", error);
  JsonObject *changes;
  Value before = { VALUE_NULL }, after = { VALUE_TEXT, .s = save->now };

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, save->now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, member->id);
  if (!write_step (save, stmt, _ ("Could not remove a member"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_value_changes_add (changes, "deleted_at", &before, &after);
  return _bf_store_audit (save->self, "delete", "members", member->uuid, changes, error);
}

/* Moves a member whose ID number or relation changes out of the way of the unique indexes
 * (one person per household, one head), so that two members can swap them in one save. */
static gboolean
park_member (Save *save, const BfMember *member, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (
    save->self, "UPDATE members SET id_number = uuid, relation = 'other' WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  return write_step (save, stmt, _ ("Could not save a member"), error);
}

static gint64
count_member_rows (Save *save, GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (save->self, "SELECT count(*) FROM members WHERE household_id = ?", error);
  gint64 n;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, save->work->id);
  if (_bf_step_one (save->self, stmt, _ ("Could not count the members"), error) <= 0)
    return -1;
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
save_members (Save *save, GError **error)
{
  BfHousehold *work = save->work;
  const BfHousehold *before = save->before;
  gint64 next_person = 0;

  for (guint i = 0; i < work->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (work->members, i);

      if (member->id != 0 && find_member (before, member->id) == NULL)
        {
          g_set_error (
            error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
            _ (
              "%s is not a member of this household in the register any more: reload the household "
              "and edit it again."),
            member->name);
          return FALSE;
        }
    }

  /* Removals first, then members that change ID number or relation, then new members: each step
   * frees what the next one may take. */
  for (guint i = 0; before != NULL && i < before->members->len; i++)
    {
      const BfMember *old = g_ptr_array_index (before->members, i);

      if (find_member (work, old->id) == NULL && !remove_member (save, old, error))
        return FALSE;
    }
  for (guint i = 0; i < work->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (work->members, i);
      const BfMember *old = member->id != 0 ? find_member (before, member->id) : NULL;

      if (old != NULL &&
          (strcmp (old->id_number, member->id_number) != 0 ||
           strcmp (old->relation, member->relation) != 0) &&
          !park_member (save, member, error))
        return FALSE;
    }
  for (guint i = 0; i < work->members->len; i++)
    {
      BfMember *member = g_ptr_array_index (work->members, i);
      const BfMember *old = member->id != 0 ? find_member (before, member->id) : NULL;
      JsonObject *changes;

      if (old != NULL)
        {
          changes = _bf_fields_diff (&_bf_members_table, old, member);
          if (json_object_get_size (changes) > 0 &&
              !update_record (save, &_bf_members_table, NULL, 0, member->id, member, error))
            {
              json_object_unref (changes);
              return FALSE;
            }
          if (!audit (save, "update", "members", member->uuid, changes, error))
            return FALSE;
          continue;
        }

      if (member->person_number == NULL || *member->person_number == '\0')
        {
          if (next_person == 0 && (next_person = count_member_rows (save, error) + 1) <= 0)
            return FALSE;
          g_free (member->person_number);
          member->person_number =
            g_strdup_printf ("%s-%02" G_GINT64_FORMAT, work->number, next_person++);
        }
      {
        Extra extras[] = { { "household_id", { VALUE_INT, .i = work->id } } };

        member->id = insert_record (save, &_bf_members_table, extras, G_N_ELEMENTS (extras), member,
                                    &member->uuid, error);
      }
      if (member->id == 0)
        return FALSE;
      if (!audit (save, "create", "members", member->uuid,
                  _bf_fields_diff (&_bf_members_table, NULL, member), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_survey (Save *save, GError **error)
{
  BfSurvey *survey = save->work->survey;
  guint n_members = save->work->members->len;
  BfIncome income = {
    survey->wage_fen,     survey->business_fen,         survey->property_fen,
    survey->transfer_fen, survey->business_expense_fen,
  };
  Extra extras[] = {
    { "member_count", { VALUE_INT, .i = n_members } },
    { "household_id", { VALUE_INT, .i = save->work->id } },
  };
  g_autoptr (BfSurvey) old = NULL;
  GError *local_error = NULL;
  JsonObject *changes;
  int old_members = 0;

  if (!bf_income_per_capita (&income, n_members, &survey->per_capita_fen))
    g_return_val_if_reached (FALSE); /* validation guarantees a head */

  if (survey->id == 0)
    {
      survey->id = insert_record (save, &_bf_surveys_table, extras, G_N_ELEMENTS (extras), survey,
                                  &survey->uuid, error);
      if (survey->id == 0)
        return FALSE;
      return audit (save, "create", "surveys", survey->uuid,
                    _bf_fields_diff (&_bf_surveys_table, NULL, survey), error);
    }

  old = load_survey (save->self, "id = ?1 AND household_id = ?2 AND deleted_at IS NULL", survey->id,
                     save->work->id, &old_members, &local_error);
  if (old == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (
          error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
          _ (
            "The survey being saved is not this household's any more: reload the household and edit "
            "it again."));
      return FALSE;
    }
  changes = _bf_fields_diff (&_bf_surveys_table, old, survey);
  if ((json_object_get_size (changes) > 0 || old_members != (int) n_members) &&
      !update_record (save, &_bf_surveys_table, extras, 1, survey->id, survey, error))
    {
      json_object_unref (changes);
      return FALSE;
    }
  return audit (save, "update", "surveys", survey->uuid, changes, error);
}

static gboolean
save_household_row (Save *save, gboolean create, GError **error)
{
  BfHousehold *work = save->work;
  const BfHousehold *before = save->before;
  const BfMember *head = bf_household_get_head (work);
  const BfMember *old_head = before != NULL ? bf_household_get_head (before) : NULL;
  g_autofree char *status_since = today_iso ();
  Extra extras[] = {
    { "head_name", { VALUE_TEXT, .s = head->name } },
    { "member_count", { VALUE_INT, .i = work->members->len } },
    { "status", { VALUE_TEXT, .s = "surveyed" } },
    { "status_since", { VALUE_TEXT, .s = status_since } },
  };
  JsonObject *changes = _bf_fields_diff (&_bf_households_table, before, work);

  if (create)
    {
      work->id = insert_record (save, &_bf_households_table, extras, G_N_ELEMENTS (extras), work,
                                &work->uuid, error);
      if (work->id == 0)
        {
          json_object_unref (changes);
          return FALSE;
        }
      _bf_value_changes_add (changes, "status", &(Value){ VALUE_NULL }, &extras[2].value);
      return _bf_store_audit (save->self, "create", "households", work->uuid, changes, error);
    }

  /* Members or survey written, or the row itself changed: the household's updated_at moves. */
  if (save->changed || json_object_get_size (changes) > 0 || old_head == NULL ||
      g_strcmp0 (old_head->name, head->name) != 0 || before->members->len != work->members->len)
    if (!update_record (save, &_bf_households_table, extras, 2, work->id, work, error))
      {
        json_object_unref (changes);
        return FALSE;
      }
  return audit (save, "update", "households", work->uuid, changes, error);
}

static gboolean
update_derived (Save *save, GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (save->self,
                       "UPDATE households SET per_capita_fen = "
                       "(SELECT per_capita_fen FROM surveys WHERE " LATEST_SURVEY ") "
                       "WHERE id = ?1",
                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, save->work->id);
  return write_step (save, stmt, _ ("Could not save the household"), error) &&
         _bf_store_search_index (save->self, save->work->id, save->work->number,
                                 save->work->members, error);
}

static gboolean
save_in_transaction (Save *save, GError **error)
{
  BfHousehold *work = save->work;
  g_autoptr (BfHousehold) before = NULL;
  gboolean create = work->id == 0;

  if (!create)
    {
      GError *local_error = NULL;

      before = load_household (save->self, work->id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (before == NULL || before->deleted_at != NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                       before == NULL
                         ? _ ("Household %s is not in the register.")
                         : _ ("Household %s has been deleted: restore it before editing it."),
                       work->number);
          return FALSE;
        }
      save->before = before;
      g_free (work->uuid);
      work->uuid = g_strdup (before->uuid);
    }

  if (!_bf_household_check_references (save->self, work, error) ||
      !_bf_household_check_number_free (save->self, work, error) ||
      !_bf_household_check_people_free (save->self, work, error))
    return FALSE;

  if (create && !save_household_row (save, TRUE, error))
    return FALSE;
  if (!save_members (save, error))
    return FALSE;
  if (work->survey != NULL && !save_survey (save, error))
    return FALSE;
  if (!create && !save_household_row (save, FALSE, error))
    return FALSE;
  return !save->changed || update_derived (save, error);
}

gboolean
bf_store_household_save (BfStore *self, BfHousehold *household, GError **error)
{
  g_autoptr (BfHousehold) work = NULL;
  g_autoptr (BfHousehold) saved = NULL;
  g_autofree char *now = NULL;
  Save save = { self };

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (household != NULL && household->members != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The caller's record stays as it was until the write has committed. */
  work = bf_household_copy (household);
  if (!_bf_household_validate (work, error))
    return FALSE;

  now = _bf_now_iso ();
  save.now = now;
  save.work = work;
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!save_in_transaction (&save, error) || !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }

  /* Hand back what the register now holds: ids, uuids, derived fields, names of references. */
  saved = bf_store_household_get (self, work->id, error);
  if (saved == NULL)
    return FALSE;
  {
    BfHousehold swap = *household;

    *household = *saved;
    *saved = swap;
  }
  return TRUE;
}

gboolean
_bf_store_household_save_in_write (BfStore *self, BfHousehold *household, GError **error)
{
  g_autoptr (BfHousehold) work = bf_household_copy (household);
  g_autofree char *now = _bf_now_iso ();
  Save save = { self };

  if (!_bf_household_validate (work, error))
    return FALSE;
  save.now = now;
  save.work = work;
  return save_in_transaction (&save, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Delete and restore */

static gboolean
set_deleted (BfStore *self, gint64 id, gboolean delete, GError **error)
{
  g_autoptr (BfHousehold) household = NULL;
  g_autofree char *now = _bf_now_iso ();
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  JsonObject *changes;
  Value before, after;

  if (!_bf_store_begin (self, error))
    return FALSE;
  household = load_household (self, id, &local_error);
  if (household == NULL || (household->deleted_at == NULL) != delete)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else if (household == NULL)
        g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                             _ ("The household is not in the register."));
      else
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                     delete ? _ ("Household %s is already deleted.")
                            : _ ("Household %s is not deleted."),
                     household->number);
      goto fail;
    }

  /* A person of a deleted household may have joined another one since. */
  for (guint i = 0; !delete &&i < household->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (household->members, i);
      g_autofree char *other = NULL;

      if (_bf_household_find_person (self, member->id_number, id, NULL, &other, &local_error))
        {
          g_set_error (
            error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON,
            _ ("Household %s cannot be restored: %s (ID number %s) now belongs to household %s."),
            household->number, member->name, member->id_number, other);
          goto fail;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          goto fail;
        }
    }

  stmt = _bf_store_prepare (
    self, "UPDATE households SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    goto fail;
  _bf_bind_text (stmt, 1, delete ? now : NULL);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!_bf_store_step_done (self, stmt,
                            delete ? _ ("Could not delete the household")
                                   : _ ("Could not restore the household"),
                            error))
    goto fail;

  before = delete ? (Value){ VALUE_NULL } : (Value){ VALUE_TEXT, .s = household->deleted_at };
  after = delete ? (Value){ VALUE_TEXT, .s = now } : (Value){ VALUE_NULL };
  changes = json_object_new ();
  _bf_value_changes_add (changes, "deleted_at", &before, &after);
  if (!_bf_store_audit (self, delete ? "delete" : "restore", "households", household->uuid, changes,
                        error) ||
      !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

gboolean
bf_store_household_delete (BfStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
bf_store_household_restore (BfStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Household numbers: "VVV-NNNNN", the village's id in the register (three digits) and the
 * household's sequence in the village (five digits), e.g. "003-00157". Fixed widths keep the
 * text order of numbers equal to their numeric order; numbers of deleted households stay taken;
 * numbers not in this form (imported ones) are left out of the sequence. */

char *
bf_store_household_next_number (BfStore *self, gint64 village_id, GError **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt;
  gint64 last = 0;
  int found;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt =
    _bf_store_prepare (self, "SELECT 1 FROM villages WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, village_id);
  switch (_bf_step_one (self, stmt, _ ("Could not check the village"), error))
    {
      case 1:
        sqlite3_reset (stmt);
        break;
      case 0:
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                     _ ("Village: there is no such village."));
        return NULL;
      default:
        return NULL;
    }

  prefix = g_strdup_printf ("%03" G_GINT64_FORMAT "-", village_id);
  limit = g_strdup_printf ("%03" G_GINT64_FORMAT ".", village_id); /* '.' follows '-' */
  /* Five-digit sequences sort as numbers: the last one is found from the end of the index. Past
   * 99999 the sequence grows a digit and only a scan of the village's numbers finds its end. */
  for (guint pass = 0; pass < 2; pass++)
    {
      stmt = _bf_store_prepare (
        self,
        pass == 0 ? "SELECT CAST(substr(number, ?3) AS INTEGER) FROM households "
                    "WHERE number > ?1 AND number < ?2 AND length(number) = ?3 + 4 "
                    "AND substr(number, ?3) NOT GLOB '*[^0-9]*' ORDER BY number DESC LIMIT 1"
                  : "SELECT max(CAST(substr(number, ?3) AS INTEGER)) FROM households "
                    "WHERE number > ?1 AND number < ?2 AND length(number) > ?3 - 1 "
                    "AND substr(number, ?3) NOT GLOB '*[^0-9]*'",
        error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, limit, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int) strlen (prefix) + 1);
      found = _bf_step_one (self, stmt, _ ("Could not find the next household number"), error);
      if (found < 0)
        return NULL;
      last = found ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (last < 99999)
        break;
    }
  return g_strdup_printf ("%s%05" G_GINT64_FORMAT, prefix, last + 1);
}
