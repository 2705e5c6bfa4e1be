/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-store-exit-private.h"
#include "bf-store-regions.h"

/* The indicators read each kind of input once for the whole scope, ordered by village, so that a
 * village's inputs are one contiguous slice: the core computes the scope from all of them and
 * each village from its slice. SQL selects and orders; the rules live in src/core. */

void
bf_indicator_set_free (BfIndicatorSet *set)
{
  if (set == NULL)
    return;
  for (int i = 0; i < BF_N_INDICATORS; i++)
    bf_indicator_clear (&set->indicators[i]);
  g_free (set->village_name);
  g_free (set);
}

void
bf_indicator_report_free (BfIndicatorReport *report)
{
  if (report == NULL)
    return;
  g_free (report->period);
  bf_indicator_set_free (report->scope);
  g_clear_pointer (&report->villages, g_ptr_array_unref);
  g_free (report);
}

/* Inputs of one kind with the village of each, in village order. */
typedef struct
{
  GArray *inputs;
  GArray *villages; /* gint64, parallel to inputs */
} Inputs;

static void
inputs_init (Inputs *in, gsize element_size)
{
  in->inputs = g_array_new (FALSE, TRUE, element_size);
  in->villages = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
inputs_clear (Inputs *in)
{
  g_clear_pointer (&in->inputs, g_array_unref);
  g_clear_pointer (&in->villages, g_array_unref);
}

/* The slice of @in that belongs to @village_id: its first index and length. */
static void
village_slice (const Inputs *in, gint64 village_id, guint *start, guint *len)
{
  guint lo = 0, hi = in->villages->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (in->villages, gint64, mid) < village_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  *start = lo;
  while (hi < in->villages->len && g_array_index (in->villages, gint64, hi) == village_id)
    hi++;
  *len = hi - lo;
}

static const char *
text_in (GStringChunk *chunk, sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_string_chunk_insert_const (chunk, text) : NULL;
}

typedef struct
{
  BfStore *store;
  gint64 village_id;
  const char *first;
  const char *last;
  GStringChunk *strings;
  Inputs accuracy, measures, income, visits;
} Query;

/* Runs @sql (?1 the scope's village, ?2 the last day, ?3 the first day), calling @read on each
 * row after its village (column 0) has been noted. */
static gboolean
read_inputs (Query *q,
             const char *sql,
             Inputs *in,
             void (*read) (Query *q, sqlite3_stmt *stmt, Inputs *in),
             GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (q->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->village_id);
  _bf_bind_text (stmt, 2, q->last);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    _bf_bind_text (stmt, 3, q->first);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 village = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (in->villages, village);
      read (q, stmt, in);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (q->store, error, _ ("Cannot compute the indicators"));
      return FALSE;
    }
  return TRUE;
}

static void
read_accuracy (Query *q, sqlite3_stmt *stmt, Inputs *in)
{
  BfAccuracyInput input = {
    sqlite3_column_int64 (stmt, 1),
    text_in (q->strings, stmt, 2),
    text_in (q->strings, stmt, 3),
    text_in (q->strings, stmt, 4),
  };

  g_array_append_val (in->inputs, input);
}

/* Approved by the end of the period; corrections and upheld objections on identification
 * notices, each household's earliest. */
static const char accuracy_sql[] =
  "SELECT h.village_id, h.id, h.first_identified_on, c.first_on, o.first_on FROM households h "
  "LEFT JOIN (SELECT household_id, min(adjusted_on) AS first_on FROM adjustments WHERE kind = "
  " 'correction' AND deleted_at IS NULL GROUP BY household_id) c ON c.household_id = h.id "
  "LEFT JOIN (SELECT ob.household_id, min(ob.decided_on) AS first_on FROM objections ob JOIN "
  " notices n ON n.id = ob.notice_id WHERE ob.result = 'upheld' AND ob.deleted_at IS NULL AND "
  " n.deleted_at IS NULL AND n.kind <> 'exit' GROUP BY ob.household_id) o ON o.household_id = "
  " h.id "
  "WHERE h.deleted_at IS NULL AND h.first_identified_on <= ?2 AND (?1 = 0 OR h.village_id = ?1) "
  "ORDER BY h.village_id";

static void
read_measure (Query *q, sqlite3_stmt *stmt, Inputs *in)
{
  BfMeasureInput input = {
    sqlite3_column_int64 (stmt, 1),
    text_in (q->strings, stmt, 2),
    text_in (q->strings, stmt, 3),
    text_in (q->strings, stmt, 4),
  };

  g_array_append_val (in->inputs, input);
}

static const char measures_sql[] =
  "SELECT h.village_id, m.household_id, m.due_on, m.status, m.completed_on FROM measures m "
  "JOIN households h ON h.id = m.household_id WHERE m.deleted_at IS NULL AND h.deleted_at IS "
  "NULL AND m.due_on BETWEEN ?3 AND ?2 AND (?1 = 0 OR h.village_id = ?1) ORDER BY h.village_id";

static void
read_income (Query *q, sqlite3_stmt *stmt, Inputs *in)
{
  BfStatus status;
  BfIncomeInput input = {
    .household_id = sqlite3_column_int64 (stmt, 1),
    .latest_fen = sqlite3_column_int64 (stmt, 3),
    .latest_poverty_line_fen = sqlite3_column_int64 (stmt, 4),
    .has_previous = sqlite3_column_type (stmt, 5) != SQLITE_NULL,
    .previous_fen = sqlite3_column_int64 (stmt, 5),
  };

  input.under_assistance =
    bf_status_from_code ((const char *) sqlite3_column_text (stmt, 2), &status) &&
    bf_status_is_under_assistance (status);
  g_array_append_val (in->inputs, input);
}

/* Each household's last two assessments of periods ending by the end of the period, and its
 * status then: the latest lifecycle event up to that day (a household with later events only was
 * still being surveyed; one without any events has the status it has now). */
static const char income_sql[] =
  "WITH ranked AS (SELECT household_id, per_capita_fen, poverty_line_fen, "
  " lead(per_capita_fen) OVER w AS previous_fen, row_number() OVER w AS rn FROM assessments "
  " WHERE deleted_at IS NULL AND " BF_PERIOD_END_SQL (
    "period") " <= ?2 "
              " WINDOW w AS (PARTITION BY household_id ORDER BY " BF_PERIOD_END_SQL (
                "period") " DESC, assessed_on DESC, id DESC)) "
                          "SELECT h.village_id, h.id, coalesce((SELECT e.to_status FROM workflow_events e WHERE "
                          " e.household_id = h.id AND e.deleted_at IS NULL AND e.event_date <= ?2 ORDER BY e.event_date "
                          " DESC, e.id DESC LIMIT 1), CASE WHEN EXISTS (SELECT 1 FROM workflow_events e WHERE "
                          " e.household_id = h.id AND e.deleted_at IS NULL) THEN 'surveyed' ELSE h.status END), "
                          " r.per_capita_fen, r.poverty_line_fen, r.previous_fen "
                          "FROM ranked r JOIN households h ON h.id = r.household_id WHERE r.rn = 1 AND h.deleted_at IS "
                          "NULL AND (?1 = 0 OR h.village_id = ?1) ORDER BY h.village_id";

static void
read_visit (Query *q, sqlite3_stmt *stmt, Inputs *in)
{
  BfVisitInput input = {
    sqlite3_column_int64 (stmt, 1),
    text_in (q->strings, stmt, 2),
    text_in (q->strings, stmt, 3),
  };

  g_array_append_val (in->inputs, input);
}

static const char visits_sql[] =
  "SELECT h.village_id, vi.household_id, vi.visited_on, vi.satisfaction FROM visits vi JOIN "
  "households h ON h.id = vi.household_id WHERE vi.deleted_at IS NULL AND h.deleted_at IS NULL "
  "AND vi.visited_on BETWEEN ?3 AND ?2 AND (?1 = 0 OR h.village_id = ?1) ORDER BY h.village_id";

/* &array[start] of a slice, NULL for an empty array (nothing to point into). */
#define SLICE(array, type, start) ((array)->len > 0 ? &g_array_index (array, type, start) : NULL)

/* The figures of one village (@village_id) or of everything read (0). */
static BfIndicatorSet *
compute_set (const Query *q, gint64 village_id, const char *village_name)
{
  BfIndicatorSet *set = g_new0 (BfIndicatorSet, 1);
  guint s[4], n[4];
  const Inputs *all[4] = { &q->accuracy, &q->measures, &q->income, &q->visits };

  set->village_id = village_id;
  set->village_name = g_strdup (village_name);
  for (int i = 0; i < 4; i++)
    {
      if (village_id == 0)
        {
          s[i] = 0;
          n[i] = all[i]->inputs->len;
        }
      else
        village_slice (all[i], village_id, &s[i], &n[i]);
    }
  bf_indicator_accuracy (SLICE (q->accuracy.inputs, BfAccuracyInput, s[0]), n[0], q->last,
                         &set->indicators[BF_INDICATOR_ACCURACY]);
  bf_indicator_measures (SLICE (q->measures.inputs, BfMeasureInput, s[1]), n[1], q->first, q->last,
                         &set->indicators[BF_INDICATOR_MEASURES]);
  bf_indicator_income (SLICE (q->income.inputs, BfIncomeInput, s[2]), n[2],
                       &set->indicators[BF_INDICATOR_INCOME_GROWTH],
                       &set->indicators[BF_INDICATOR_ABOVE_LINE]);
  bf_indicator_satisfaction (SLICE (q->visits.inputs, BfVisitInput, s[3]), n[3], q->first, q->last,
                             &set->indicators[BF_INDICATOR_SATISFACTION]);
  return set;
}

BfIndicatorReport *
bf_store_indicators (BfStore *self, const char *period, gint64 village_id, GError **error)
{
  g_autoptr (BfIndicatorReport) report = g_new0 (BfIndicatorReport, 1);
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GStringChunk) strings = g_string_chunk_new (4096);
  char first[11], last[11];
  Query q = { self, village_id, first, last, strings };
  gboolean ok;
  BfPeriod p;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  if (!_bf_exit_period (period, &p, error) ||
      (village_id != 0 && !_bf_village_exists (self, village_id, error)))
    return NULL;
  villages = bf_store_list_villages (self, error);
  if (villages == NULL)
    return NULL;
  bf_period_range_iso (&p, first, last);
  report->period = bf_period_format (&p);
  report->village_id = village_id;

  inputs_init (&q.accuracy, sizeof (BfAccuracyInput));
  inputs_init (&q.measures, sizeof (BfMeasureInput));
  inputs_init (&q.income, sizeof (BfIncomeInput));
  inputs_init (&q.visits, sizeof (BfVisitInput));
  ok = read_inputs (&q, accuracy_sql, &q.accuracy, read_accuracy, error) &&
       read_inputs (&q, measures_sql, &q.measures, read_measure, error) &&
       read_inputs (&q, income_sql, &q.income, read_income, error) &&
       read_inputs (&q, visits_sql, &q.visits, read_visit, error);
  if (ok)
    {
      report->villages = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_indicator_set_free);
      for (guint i = 0; i < villages->len; i++)
        {
          const BfVillage *village = g_ptr_array_index (villages, i);

          if (village_id != 0 && village->id != village_id)
            continue;
          g_ptr_array_add (report->villages, compute_set (&q, village->id, village->name));
        }
      /* A village's figures are the scope's when the scope is that village. */
      report->scope = compute_set (&q, 0, NULL);
      if (village_id != 0 && report->villages->len == 1)
        {
          const BfIndicatorSet *only = g_ptr_array_index (report->villages, 0);

          report->scope->village_id = only->village_id;
          report->scope->village_name = g_strdup (only->village_name);
        }
    }
  inputs_clear (&q.accuracy);
  inputs_clear (&q.measures);
  inputs_clear (&q.income);
  inputs_clear (&q.visits);
  return ok ? g_steal_pointer (&report) : NULL;
}
