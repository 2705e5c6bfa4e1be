/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-store-ledger.h"
#include "bf-store-private.h"

struct _BfLedgerReader
{
  sqlite3 *db;
  gint64 village_id;
  int year;
  int quarter;
  char first_day[11];
  char last_day[11];
  char *county;
  char *township;
  char *village;
};

struct _BfLedgerCursor
{
  sqlite3_stmt *stmt;
};

/* Each table is a select list, the FROM/WHERE it shares with its count, and an order. The
 * parameters :village (0: township), :first, :last (the quarter's days) and :year are bound by
 * name wherever they appear. */
typedef struct
{
  const char *select;
  const char *from_where;
  const char *order_by;
} LedgerQuery;

#define HOUSEHOLD_FROM                                                                             \
  " FROM households h"                                                                             \
  " JOIN villages vl ON vl.id = h.village_id"                                                      \
  " LEFT JOIN village_groups gr ON gr.id = h.group_id"
#define HOUSEHOLD_SCOPE " h.deleted_at IS NULL AND (:village = 0 OR h.village_id = :village)"
#define LATEST_WATER                                                                               \
  "(SELECT s.water_secured FROM surveys s WHERE s.household_id = h.id AND s.deleted_at IS NULL"    \
  " ORDER BY s.year DESC, s.surveyed_on DESC, s.id DESC LIMIT 1)"

/* Households first (CROSS JOIN): scanning every year's measures and looking up their households
 * reads the register's pages many times over. */
#define MEASURE_FROM_WHERE                                                                         \
  HOUSEHOLD_FROM " CROSS JOIN measures m ON m.household_id = h.id AND m.deleted_at IS NULL"        \
                 " JOIN plans p ON p.id = m.plan_id AND p.deleted_at IS NULL AND p.year = :year"   \
                 " WHERE" HOUSEHOLD_SCOPE
#define VISIT_FROM_WHERE                                                                           \
  HOUSEHOLD_FROM " JOIN visits vi ON vi.household_id = h.id AND vi.deleted_at IS NULL"             \
                 " AND vi.visited_on BETWEEN :first AND :last"                                     \
                 " WHERE" HOUSEHOLD_SCOPE
#define ADJUSTMENT_FROM_WHERE                                                                      \
  HOUSEHOLD_FROM " JOIN adjustments a ON a.household_id = h.id AND a.deleted_at IS NULL"           \
                 " AND a.adjusted_on BETWEEN :first AND :last"                                     \
                 " WHERE" HOUSEHOLD_SCOPE
/* A notice belongs to the quarter when it was posted (not a draft) and its period overlaps the
 * quarter. Its history stays even when the household was deleted later. */
#define NOTICE_FROM_WHERE                                                                          \
  " FROM notices n"                                                                                \
  " JOIN notice_items i ON i.notice_id = n.id AND i.deleted_at IS NULL"                            \
  " JOIN households h ON h.id = i.household_id"                                                    \
  " JOIN villages vl ON vl.id = h.village_id"                                                      \
  " LEFT JOIN objections o ON o.notice_id = n.id AND o.household_id = i.household_id"              \
  " AND o.deleted_at IS NULL"                                                                      \
  " WHERE n.deleted_at IS NULL AND n.state <> 'draft'"                                             \
  " AND n.starts_on <= :last AND n.ends_on >= :first"                                              \
  " AND (:village = 0 OR h.village_id = :village)"

static const LedgerQuery tables[BF_LEDGER_N_TABLES] = {
  [BF_LEDGER_HOUSEHOLDS] = {
    "SELECT h.number, vl.name, gr.name, h.head_name, hm.id_number, h.member_count, h.attribute,"
    " h.monitoring_type, h.standard, h.primary_cause, h.other_cause_1, h.other_cause_2, h.status,"
    " h.status_since, h.per_capita_fen, h.phone, hp.name, hp.phone, h.first_identified_on,"
    " h.dangerous_house, h.relocated, " LATEST_WATER ", h.farmland_mu, h.address",
    HOUSEHOLD_FROM
    " LEFT JOIN members hm ON hm.household_id = h.id AND hm.relation = 'head'"
    " AND hm.deleted_at IS NULL"
    " LEFT JOIN helpers hp ON hp.id = h.helper_id"
    " WHERE" HOUSEHOLD_SCOPE,
    " ORDER BY h.number",
  },
  /* Households in number order, each with its latest survey, then its members (CROSS JOIN keeps
   * that order: SQLite would otherwise sort every person). */
  [BF_LEDGER_PERSONS] = {
    "SELECT vl.name, gr.name, h.number, m.person_number, m.name, m.id_number, h.member_count,"
    " m.relation, m.ethnicity, m.education, m.school_status, m.health, m.disability_grade,"
    " m.labour, m.work_status, m.work_months, m.serious_illness_insurance, m.medical_insurance,"
    " m.pension_insurance, h.primary_cause, h.dangerous_house, s.water_secured,"
    " h.per_capita_fen, coalesce(nullif(m.phone, ''), h.phone), h.first_identified_on,"
    " h.attribute, h.monitoring_type, h.status, m.sex, m.birth_date",
    HOUSEHOLD_FROM
    " LEFT JOIN surveys s ON s.id = (SELECT s2.id FROM surveys s2 WHERE s2.household_id = h.id"
    " AND s2.deleted_at IS NULL ORDER BY s2.year DESC, s2.surveyed_on DESC, s2.id DESC LIMIT 1)"
    " CROSS JOIN members m ON m.household_id = h.id AND m.deleted_at IS NULL"
    " WHERE" HOUSEHOLD_SCOPE,
    " ORDER BY h.number, m.relation <> 'head', m.person_number, m.id",
  },
  [BF_LEDGER_MEASURES] = {
    "SELECT h.number, vl.name, gr.name, h.head_name, p.year, m.category, m.subtype,"
    " m.description, m.department, (SELECT name FROM helpers WHERE id = m.helper_id),"
    " m.starts_on, m.due_on, m.budget_fen, m.spent_fen, m.status, m.completed_on, m.effect,"
    " m.household_confirmed",
    MEASURE_FROM_WHERE,
    " ORDER BY h.number, m.id",
  },
  [BF_LEDGER_VISITS] = {
    "SELECT h.number, vl.name, gr.name, h.head_name, vi.visited_on, vi.visitor, vi.mode,"
    " vi.findings, vi.problems, vi.rectification, vi.deadline, vi.rectified_on, vi.satisfaction",
    VISIT_FROM_WHERE,
    " ORDER BY vi.visited_on, h.number, vi.id",
  },
  [BF_LEDGER_ADJUSTMENTS] = {
    "SELECT h.number, vl.name, gr.name, h.head_name, a.kind, a.subkind, a.adjusted_on, a.reason,"
    " a.approval, a.document_number",
    ADJUSTMENT_FROM_WHERE,
    " ORDER BY a.adjusted_on, h.number, a.id",
  },
  [BF_LEDGER_NOTICES] = {
    "SELECT n.title, n.kind, n.issuing_body, n.starts_on, n.ends_on, n.state, h.number, vl.name,"
    " h.head_name, h.member_count, i.reason, i.removed_on, i.removed_reason, o.received_on,"
    " o.content, o.verification, o.result, o.consequence, o.decided_on",
    NOTICE_FROM_WHERE,
    " ORDER BY n.starts_on, n.id, i.position, o.received_on, o.id",
  },
};

/* Each breakdown: key, count, budget, spent, then the rest of the statement. */
static const char *const breakdowns[BF_LEDGER_N_BREAKDOWNS] = {
  [BF_LEDGER_BY_STATUS] = "SELECT nullif(h.status, ''), count(*), 0, 0" HOUSEHOLD_FROM
                          " WHERE" HOUSEHOLD_SCOPE " GROUP BY 1 ORDER BY 1",
  [BF_LEDGER_BY_ATTRIBUTE] = "SELECT nullif(h.attribute, ''), count(*), 0, 0" HOUSEHOLD_FROM
                             " WHERE" HOUSEHOLD_SCOPE " GROUP BY 1 ORDER BY 1",
  [BF_LEDGER_BY_MONITORING_TYPE] =
    "SELECT nullif(h.monitoring_type, ''), count(*), 0, 0" HOUSEHOLD_FROM " WHERE" HOUSEHOLD_SCOPE
    " GROUP BY 1 ORDER BY 1",
  [BF_LEDGER_BY_CAUSE] = "SELECT nullif(h.primary_cause, ''), count(*), 0, 0" HOUSEHOLD_FROM
                         " WHERE" HOUSEHOLD_SCOPE " GROUP BY 1 ORDER BY 1",
  /* Every village of the scope, also those without households; a deleted village only while
   * households still name it. */
  [BF_LEDGER_BY_VILLAGE] = "SELECT vl.name, (SELECT count(*) FROM households h"
                           " WHERE h.village_id = vl.id AND h.deleted_at IS NULL) AS n, 0, 0"
                           " FROM villages vl WHERE (:village = 0 OR vl.id = :village)"
                           " AND (vl.deleted_at IS NULL OR n > 0)"
                           " ORDER BY vl.sort_order, vl.name, vl.id",
  [BF_LEDGER_MEASURES_BY_CATEGORY] =
    "SELECT nullif(m.category, ''), count(*), sum(m.budget_fen),"
    " sum(m.spent_fen)" MEASURE_FROM_WHERE " GROUP BY 1 ORDER BY 1",
  [BF_LEDGER_MEASURES_BY_STATUS] = "SELECT nullif(m.status, ''), count(*), sum(m.budget_fen),"
                                   " sum(m.spent_fen)" MEASURE_FROM_WHERE " GROUP BY 1 ORDER BY 1",
  [BF_LEDGER_VISITS_BY_MODE] =
    "SELECT nullif(vi.mode, ''), count(*), 0, 0" VISIT_FROM_WHERE " GROUP BY 1 ORDER BY 1",
  [BF_LEDGER_VISITS_BY_SATISFACTION] =
    "SELECT nullif(vi.satisfaction, ''), count(*), 0, 0" VISIT_FROM_WHERE " GROUP BY 1 ORDER BY 1",
  [BF_LEDGER_ADJUSTMENTS_BY_KIND] =
    "SELECT nullif(a.kind, ''), count(*), 0, 0" ADJUSTMENT_FROM_WHERE " GROUP BY 1 ORDER BY 1",
  [BF_LEDGER_OBJECTIONS_BY_RESULT] = "SELECT nullif(o.result, ''), count(*), 0, 0" NOTICE_FROM_WHERE
                                     " AND o.id IS NOT NULL GROUP BY 1 ORDER BY 1",
};

static void
set_db_error (sqlite3 *db, GError **error, const char *what)
{
  int code = sqlite3_errcode (db);
  BfStoreError store_code = BF_STORE_ERROR_FAILED;

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    store_code = BF_STORE_ERROR_DAMAGED;
  else if (code == SQLITE_CANTOPEN || code == SQLITE_IOERR || code == SQLITE_PERM)
    store_code = BF_STORE_ERROR_IO;
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    store_code = BF_STORE_ERROR_IN_USE;
  /* TRANSLATORS: "%s: %s" is what was being done, then SQLite's own message */
  g_set_error (error, BF_STORE_ERROR, store_code, _ ("%s: %s"), what, sqlite3_errmsg (db));
}

static sqlite3_stmt *
prepare_bound (BfLedgerReader *reader, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int i;

  if (sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (reader->db, error, _ ("Could not read the register"));
      return NULL;
    }
  if ((i = sqlite3_bind_parameter_index (stmt, ":village")) > 0)
    sqlite3_bind_int64 (stmt, i, reader->village_id);
  if ((i = sqlite3_bind_parameter_index (stmt, ":first")) > 0)
    sqlite3_bind_text (stmt, i, reader->first_day, -1, SQLITE_STATIC);
  if ((i = sqlite3_bind_parameter_index (stmt, ":last")) > 0)
    sqlite3_bind_text (stmt, i, reader->last_day, -1, SQLITE_STATIC);
  if ((i = sqlite3_bind_parameter_index (stmt, ":year")) > 0)
    sqlite3_bind_int (stmt, i, reader->year);
  return stmt;
}

BfLedgerReader *
bf_ledger_reader_open (const char *register_path,
                       int year,
                       int quarter,
                       gint64 village_id,
                       GError **error)
{
  g_autoptr (BfLedgerReader) reader = NULL;
  sqlite3_stmt *stmt;
  GDate first, last;
  int rc;

  g_return_val_if_fail (register_path != NULL, NULL);

  if (quarter < 1 || quarter > 4 || year < 1900 || year > 9999)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%d Q%d is not a quarter"),
                   year, quarter);
      return NULL;
    }

  reader = g_new0 (BfLedgerReader, 1);
  reader->village_id = village_id;
  reader->year = year;
  reader->quarter = quarter;
  bf_quarter_range (year, quarter, &first, &last);
  g_date_strftime (reader->first_day, sizeof reader->first_day, "%Y-%m-%d", &first);
  g_date_strftime (reader->last_day, sizeof reader->last_day, "%Y-%m-%d", &last);

  rc = _bf_sqlite_open_read_only (register_path, &reader->db, SQLITE_OPEN_NOMUTEX);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO,
                   _ ("Could not open the register “%s”: %s"), register_path,
                   reader->db != NULL ? sqlite3_errmsg (reader->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (reader->db, 10000);
  /* A small page cache: the export streams, it never revisits pages. The transaction keeps one
   * snapshot for all the queries of the export. */
  if (sqlite3_exec (reader->db, "PRAGMA query_only = ON; PRAGMA cache_size = -8192; BEGIN", NULL,
                    NULL, NULL) != SQLITE_OK)
    {
      set_db_error (reader->db, error, _ ("Could not read the register"));
      return NULL;
    }

  if (sqlite3_prepare_v2 (reader->db, "SELECT county, township FROM register_info WHERE id = 1", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_A_REGISTER,
                   _ ("“%s” is not a Bangfu register"), register_path);
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      reader->county = _bf_column_dup (stmt, 0);
      reader->township = _bf_column_dup (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_A_REGISTER,
                     _ ("“%s” is not a Bangfu register"), register_path);
      else
        set_db_error (reader->db, error, _ ("Could not read the register"));
      return NULL;
    }

  if (village_id != 0)
    {
      stmt = prepare_bound (reader, "SELECT name FROM villages WHERE id = :village", error);
      if (stmt == NULL)
        return NULL;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        reader->village = _bf_column_dup (stmt, 0);
      sqlite3_finalize (stmt);
      if (reader->village == NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                       _ ("The village of the ledger is not in the register"));
          return NULL;
        }
    }

  return g_steal_pointer (&reader);
}

void
bf_ledger_reader_free (BfLedgerReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->db != NULL)
    {
      /* Only reads happened: ending the transaction either way releases the snapshot. */
      sqlite3_exec (reader->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (reader->db);
    }
  g_free (reader->county);
  g_free (reader->township);
  g_free (reader->village);
  g_free (reader);
}

const char *
bf_ledger_reader_get_county (BfLedgerReader *reader)
{
  return reader->county;
}

const char *
bf_ledger_reader_get_township (BfLedgerReader *reader)
{
  return reader->township;
}

const char *
bf_ledger_reader_get_village (BfLedgerReader *reader)
{
  return reader->village;
}

const char *
bf_ledger_reader_get_first_day (BfLedgerReader *reader)
{
  return reader->first_day;
}

const char *
bf_ledger_reader_get_last_day (BfLedgerReader *reader)
{
  return reader->last_day;
}

gint64
bf_ledger_reader_count (BfLedgerReader *reader, BfLedgerTable table, GError **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (table < BF_LEDGER_N_TABLES, -1);

  sql = g_strconcat ("SELECT count(*)", tables[table].from_where, NULL);
  stmt = prepare_bound (reader, sql, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    set_db_error (reader->db, error, _ ("Could not read the register"));
  sqlite3_finalize (stmt);
  return count;
}

gint64
bf_ledger_reader_count_households (BfLedgerReader *reader, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  /* Separate statements: "(:village = 0 OR …)" would keep SQLite off the index. */
  stmt = prepare_bound (reader,
                        reader->village_id != 0
                          ? "SELECT count(*) FROM households h WHERE h.deleted_at IS NULL"
                            " AND h.village_id = :village"
                          : "SELECT count(*) FROM households h WHERE h.deleted_at IS NULL",
                        error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    set_db_error (reader->db, error, _ ("Could not read the register"));
  sqlite3_finalize (stmt);
  return count;
}

GPtrArray *
bf_ledger_reader_breakdown (BfLedgerReader *reader, BfLedgerBreakdown breakdown, GError **error)
{
  g_autoptr (GPtrArray) counts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (breakdown < BF_LEDGER_N_BREAKDOWNS, NULL);

  stmt = prepare_bound (reader, breakdowns[breakdown], error);
  if (stmt == NULL)
    return NULL;
  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_ledger_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfLedgerCount *count = g_new0 (BfLedgerCount, 1);

      count->key = _bf_column_dup (stmt, 0);
      count->count = sqlite3_column_int64 (stmt, 1);
      count->budget_fen = sqlite3_column_int64 (stmt, 2);
      count->spent_fen = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (reader->db, error, _ ("Could not read the register"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&counts);
}

void
bf_ledger_count_free (BfLedgerCount *count)
{
  if (count == NULL)
    return;
  g_free (count->key);
  g_free (count);
}

BfLedgerCursor *
bf_ledger_reader_query (BfLedgerReader *reader, BfLedgerTable table, GError **error)
{
  g_autofree char *sql = NULL;
  BfLedgerCursor *cursor;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (table < BF_LEDGER_N_TABLES, NULL);

  sql = g_strconcat (tables[table].select, tables[table].from_where, tables[table].order_by, NULL);
  stmt = prepare_bound (reader, sql, error);
  if (stmt == NULL)
    return NULL;
  cursor = g_new0 (BfLedgerCursor, 1);
  cursor->stmt = stmt;
  return cursor;
}

gboolean
bf_ledger_cursor_next (BfLedgerCursor *cursor, GError **error)
{
  int rc = sqlite3_step (cursor->stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_db_error (sqlite3_db_handle (cursor->stmt), error, _ ("Could not read the register"));
  return FALSE;
}

const char *
bf_ledger_cursor_get_text (BfLedgerCursor *cursor, int column)
{
  const char *text = (const char *) sqlite3_column_text (cursor->stmt, column);

  return text != NULL && *text != '\0' ? text : NULL;
}

gboolean
bf_ledger_cursor_get_int (BfLedgerCursor *cursor, int column, gint64 *value)
{
  if (sqlite3_column_type (cursor->stmt, column) == SQLITE_NULL)
    return FALSE;
  *value = sqlite3_column_int64 (cursor->stmt, column);
  return TRUE;
}

gboolean
bf_ledger_cursor_get_double (BfLedgerCursor *cursor, int column, double *value)
{
  if (sqlite3_column_type (cursor->stmt, column) == SQLITE_NULL)
    return FALSE;
  *value = sqlite3_column_double (cursor->stmt, column);
  return TRUE;
}

void
bf_ledger_cursor_free (BfLedgerCursor *cursor)
{
  if (cursor == NULL)
    return;
  sqlite3_finalize (cursor->stmt);
  g_free (cursor);
}

BfLedgerExport *
bf_ledger_export_new (void)
{
  return g_new0 (BfLedgerExport, 1);
}

void
bf_ledger_export_free (BfLedgerExport *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->quarter);
  g_free (record->village_name);
  g_free (record->path);
  g_free (record->operator_name);
  g_free (record->exported_at);
  g_free (record);
}

gboolean
bf_store_ledger_export_add (BfStore *self, BfLedgerExport *record, GError **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *village = NULL;
  g_autofree char *rows = NULL;
  const char *operator_name;
  JsonObject *changes;
  sqlite3_stmt *stmt;
  int year, quarter;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!bf_quarter_parse (record->quarter, &year, &quarter, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The quarter of the export is missing or wrong"));
      return FALSE;
    }
  if (record->path == NULL || *record->path == '\0')
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The file of the export is missing"));
      return FALSE;
    }

  uuid = _bf_uuid_new ();
  now = _bf_now_iso ();
  operator_name = bf_store_get_operator (self);
  if (operator_name == NULL)
    operator_name = "";

  if (!_bf_store_begin (self, error))
    return FALSE;

  stmt = _bf_store_prepare (self,
                            "INSERT INTO ledger_exports (uuid, quarter, village_id, masked, path,"
                            " rows, operator, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record->quarter, -1, SQLITE_TRANSIENT);
  if (record->village_id != 0)
    sqlite3_bind_int64 (stmt, 3, record->village_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, record->masked ? 1 : 0);
  sqlite3_bind_text (stmt, 5, record->path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, record->rows);
  sqlite3_bind_text (stmt, 7, operator_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not record the export"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  changes = json_object_new ();
  village =
    record->village_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, record->village_id) : NULL;
  rows = g_strdup_printf ("%" G_GINT64_FORMAT, record->rows);
  _bf_changes_add (changes, "quarter", NULL, record->quarter);
  _bf_changes_add (changes, "village_id", NULL, village);
  _bf_changes_add_int (changes, "masked", 0, record->masked ? 1 : 0);
  _bf_changes_add (changes, "path", NULL, record->path);
  _bf_changes_add (changes, "rows", NULL, rows);
  if (!_bf_store_audit (self, "export", "ledger_exports", uuid, changes, error))
    goto fail;
  if (!_bf_store_commit (self, error))
    goto fail;

  record->id = sqlite3_last_insert_rowid (_bf_store_db (self));
  g_free (record->uuid);
  record->uuid = g_steal_pointer (&uuid);
  g_free (record->exported_at);
  record->exported_at = g_steal_pointer (&now);
  g_free (record->operator_name);
  record->operator_name = g_strdup (operator_name);
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

GPtrArray *
bf_store_ledger_export_list (BfStore *self, guint limit, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  stmt = _bf_store_prepare (self,
                            "SELECT e.id, e.uuid, e.quarter, e.village_id, vl.name, e.masked,"
                            " e.path, e.rows, e.operator, e.exported_at FROM ledger_exports e"
                            " LEFT JOIN villages vl ON vl.id = e.village_id"
                            " ORDER BY e.exported_at DESC, e.id DESC LIMIT ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_ledger_export_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfLedgerExport *record = bf_ledger_export_new ();

      record->id = sqlite3_column_int64 (stmt, 0);
      record->uuid = _bf_column_dup (stmt, 1);
      record->quarter = _bf_column_dup (stmt, 2);
      record->village_id = sqlite3_column_int64 (stmt, 3);
      record->village_name = _bf_column_dup (stmt, 4);
      record->masked = sqlite3_column_int (stmt, 5) != 0;
      record->path = _bf_column_dup (stmt, 6);
      record->rows = sqlite3_column_int64 (stmt, 7);
      record->operator_name = _bf_column_dup (stmt, 8);
      record->exported_at = _bf_column_dup (stmt, 9);
      g_ptr_array_add (list, record);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not list the past exports"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}
