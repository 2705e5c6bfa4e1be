/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the assessment, exit, adjustment and indicator files of src/store. */

#include "bf-store-assessment.h"
#include "bf-store-household-private.h"

G_BEGIN_DECLS

/* @text as a period; INVALID with the core's message otherwise. */
gboolean _bf_exit_period (const char *text, BfPeriod *period, GError **error);
/* The SQL expression of the last day of an assessment's period column @column ("2026",
 * "2026Q3"), as ISO text. */
#define BF_PERIOD_END_SQL(column)                                                                  \
  "(CASE WHEN length(" column ") = 4 THEN " column " || '-12-31' ELSE substr(" column              \
  ", 1, 4) || CASE substr(" column ", 6, 1) WHEN '1' THEN '-03-31' WHEN '2' THEN '-06-30' WHEN "   \
  "'3' THEN '-09-30' ELSE '-12-31' END END)"

/* The columns of BfCaseRow after a household alias "h" (with its ids); read by
 * _bf_case_row_read() from column @col on. */
#define BF_CASE_ROW_COLUMNS                                                                        \
  "h.id, h.number, h.head_name, v.name, g.name, h.status, h.status_since, h.member_count, "        \
  "coalesce((SELECT a.per_capita_fen FROM assessments a WHERE a.household_id = h.id AND "          \
  "a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1), h.per_capita_fen), "      \
  "(SELECT a.result FROM assessments a WHERE a.household_id = h.id AND a.deleted_at IS NULL "      \
  "ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1), "                                              \
  "(SELECT max(e.event_date) FROM workflow_events e WHERE e.household_id = h.id AND e.action = "   \
  "'approve_exit' AND e.deleted_at IS NULL) AS exited_on, "                                        \
  "(SELECT max(vi.visited_on) FROM visits vi WHERE vi.household_id = h.id AND vi.deleted_at IS "   \
  "NULL) AS last_visit_on"
#define BF_CASE_ROW_JOINS                                                                          \
  " JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id"

BfCaseRow *_bf_case_row_read (sqlite3_stmt *stmt, int col);
/* Reads every row of @stmt as a BfCaseRow; NULL with @error on failure. */
GPtrArray *_bf_case_rows_collect (BfStore *self, sqlite3_stmt *stmt, GError **error);

/* Inserts a dynamic adjustment and its audit entry inside a write; returns its id or 0. */
gint64 _bf_adjustment_insert (BfStore *self,
                              gint64 household_id,
                              const char *kind,
                              const char *subkind,
                              const char *adjusted_on,
                              const char *reason,
                              const char *approval,
                              const char *document_number,
                              GError **error);

G_END_DECLS
