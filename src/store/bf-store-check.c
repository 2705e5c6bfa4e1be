/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-id-number.h"
#include "bf-lifecycle.h"
#include "bf-store-audit.h"
#include "bf-store-check.h"
#include "bf-store-private.h"

/* A damaged register could yield a line per row: past this many, only the count is told. */
#define MAX_PROBLEMS 1000

typedef struct
{
  GPtrArray *lines;
  guint dropped;
} Problems;

G_GNUC_PRINTF (2, 3)
static void
add_problem (Problems *problems, const char *format, ...)
{
  va_list args;

  if (problems->lines->len >= MAX_PROBLEMS)
    {
      problems->dropped++;
      return;
    }
  va_start (args, format);
  g_ptr_array_add (problems->lines, g_strdup_vprintf (format, args));
  va_end (args);
}

typedef void (*RowFunc) (sqlite3_stmt *stmt, Problems *problems);

/* Runs @sql (uncached: a check runs rarely) and hands each row to @func. */
static gboolean
each_row (BfStore *self, const char *sql, RowFunc func, Problems *problems, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (_bf_store_db (self), sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      func (stmt, problems);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot check the register"));
      return FALSE;
    }
  return TRUE;
}

static const char *
text (sqlite3_stmt *stmt, int column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return value != NULL ? value : "";
}

static void
integrity_row (sqlite3_stmt *stmt, Problems *problems)
{
  if (g_strcmp0 (text (stmt, 0), "ok") != 0)
    add_problem (problems, _ ("Database integrity: %s"), text (stmt, 0));
}

static void
foreign_key_row (sqlite3_stmt *stmt, Problems *problems)
{
  add_problem (problems, _ ("Record %lld of “%s” refers to a missing record of “%s”."),
               (long long) sqlite3_column_int64 (stmt, 1), text (stmt, 0), text (stmt, 2));
}

static void
heads_row (sqlite3_stmt *stmt, Problems *problems)
{
  int heads = sqlite3_column_int (stmt, 1);

  if (heads == 0)
    add_problem (problems, _ ("Household %s has no head."), text (stmt, 0));
  else
    add_problem (problems, _ ("Household %s has %d heads."), text (stmt, 0), heads);
}

static void
person_row (sqlite3_stmt *stmt, Problems *problems)
{
  g_autofree char *masked = bf_id_number_mask (text (stmt, 0));

  add_problem (problems, _ ("The person with ID number %s is in more than one household: %s."),
               masked, text (stmt, 1));
}

/* Columns: household number, member name, id_number, sex, birth_date. */
static void
member_id_row (sqlite3_stmt *stmt, Problems *problems)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *birth = NULL;
  BfIdNumber id;

  if (!bf_id_number_parse (text (stmt, 2), NULL, &id, &error))
    {
      add_problem (problems, _ ("Household %s, %s: the ID number is not valid (%s)."),
                   text (stmt, 0), text (stmt, 1), error->message);
      return;
    }
  if (g_strcmp0 (id.number, text (stmt, 2)) != 0)
    add_problem (problems,
                 _ ("Household %s, %s: the ID number is not stored in its standard form."),
                 text (stmt, 0), text (stmt, 1));
  if (g_strcmp0 (id.male ? "male" : "female", text (stmt, 3)) != 0)
    add_problem (problems, _ ("Household %s, %s: the sex does not match the ID number."),
                 text (stmt, 0), text (stmt, 1));
  birth = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&id.birth_date),
                           g_date_get_month (&id.birth_date), g_date_get_day (&id.birth_date));
  if (g_strcmp0 (birth, text (stmt, 4)) != 0)
    add_problem (problems, _ ("Household %s, %s: the birth date does not match the ID number."),
                 text (stmt, 0), text (stmt, 1));
}

/* Columns: number, member_count, head_name, counted members, the head's name. */
static void
denormalised_row (sqlite3_stmt *stmt, Problems *problems)
{
  if (sqlite3_column_int (stmt, 1) != sqlite3_column_int (stmt, 3))
    add_problem (problems, _ ("Household %s lists %d members but has %d."), text (stmt, 0),
                 sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 3));
  if (g_strcmp0 (text (stmt, 2), text (stmt, 4)) != 0)
    add_problem (problems, _ ("Household %s lists “%s” as head but the head is “%s”."),
                 text (stmt, 0), text (stmt, 2), text (stmt, 4));
}

static void
status_row (sqlite3_stmt *stmt, Problems *problems)
{
  BfStatus status;

  if (!bf_status_from_code (text (stmt, 1), &status))
    add_problem (problems, _ ("Household %s has an unknown status “%s”."), text (stmt, 0),
                 text (stmt, 1));
}

static const struct
{
  const char *sql;
  RowFunc func;
} checks[] = {
  { "PRAGMA integrity_check", integrity_row },
  { "PRAGMA foreign_key_check", foreign_key_row },
  /* Exactly one head per active household. */
  { "SELECT h.number, (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.relation "
    "= 'head' AND m.deleted_at IS NULL) AS heads FROM households h WHERE h.deleted_at IS NULL AND "
    "heads <> 1 ORDER BY h.number",
    heads_row },
  /* One person in at most one active household. */
  { "SELECT m.id_number, group_concat(h.number, ', ') FROM members m JOIN households h ON h.id = "
    "m.household_id WHERE m.deleted_at IS NULL AND h.deleted_at IS NULL GROUP BY m.id_number "
    "HAVING count(*) > 1 ORDER BY m.id_number",
    person_row },
  { "SELECT h.number, m.name, m.id_number, m.sex, m.birth_date FROM members m JOIN households h "
    "ON h.id = m.household_id WHERE m.deleted_at IS NULL AND h.deleted_at IS NULL ORDER BY "
    "h.number, m.id",
    member_id_row },
  { "SELECT h.number, h.member_count, h.head_name, (SELECT count(*) FROM members m WHERE "
    "m.household_id = h.id AND m.deleted_at IS NULL), coalesce((SELECT name FROM members m WHERE "
    "m.household_id = h.id AND m.relation = 'head' AND m.deleted_at IS NULL), '') FROM "
    "households h WHERE h.deleted_at IS NULL ORDER BY h.number",
    denormalised_row },
  { "SELECT number, status FROM households ORDER BY number", status_row },
};

gboolean
bf_store_check (BfStore *self, GPtrArray **problems, GError **error)
{
  g_autoptr (GError) audit_error = NULL;
  Problems found = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (_bf_store_db (self) == NULL)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED, _ ("The register is closed."));
      return FALSE;
    }
  g_debug ("checking %s", bf_store_get_path (self));
  found.lines = g_ptr_array_new_with_free_func (g_free);
  /* One read transaction: every rule sees the same snapshot, whoever writes meanwhile. */
  if (sqlite3_exec (_bf_store_db (self), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot check the register"));
      g_ptr_array_unref (found.lines);
      return FALSE;
    }
  for (gsize i = 0; ok && i < G_N_ELEMENTS (checks); i++)
    ok = each_row (self, checks[i].sql, checks[i].func, &found, error);
  if (ok && !bf_store_audit_verify (self, NULL, &audit_error))
    {
      if (audit_error->code == BF_STORE_ERROR_DAMAGED)
        add_problem (&found, "%s", audit_error->message);
      else
        {
          g_propagate_error (error, g_steal_pointer (&audit_error));
          ok = FALSE;
        }
    }
  sqlite3_exec (_bf_store_db (self), "ROLLBACK", NULL, NULL, NULL);

  if (!ok)
    {
      g_ptr_array_unref (found.lines);
      return FALSE;
    }
  if (found.dropped > 0)
    g_ptr_array_add (found.lines,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %u more problem.",
                                                   "…and %u more problems.", found.dropped),
                                      found.dropped));
  *problems = found.lines;
  return TRUE;
}
