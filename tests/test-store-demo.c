/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo generator (bf-store-demo.c): reproducible, consistent with the store's rules and its
 * search, one audited transaction per batch, cancellable between batches. */

#include <string.h>

#include "bf-lifecycle.h"
#include "bf-store-audit.h"
#include "bf-store-check.h"
#include "bf-store-demo.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-store-search.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

static BfStore *
demo_store (const char *dir, const char *name, guint households, guint32 seed)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  BfStore *store = bf_store_demo_create (path, 4, "测试员", &error);

  g_assert_no_error (error);
  g_assert_true (bf_store_demo_generate (store, households, seed, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static void
close_store (BfStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);
}

static void
assert_no_problems (BfStore *store)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (bf_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A hash of what a seed must reproduce (not the audit trail: it holds the times of the run). */
static char *
digest (BfStore *store)
{
  static const char *const queries[] = {
    "SELECT group_concat(uuid || number || head_name || status || ifnull(per_capita_fen, '') || "
    "member_count || updated_at, ';') FROM (SELECT * FROM households ORDER BY id)",
    "SELECT group_concat(uuid || name || id_number || relation, ';') FROM (SELECT * FROM "
    "members ORDER BY id)",
    "SELECT group_concat(action || event_date || to_status, ';') FROM (SELECT * FROM "
    "workflow_events ORDER BY id)",
    "SELECT group_concat(category || status || ifnull(completed_on, ''), ';') FROM (SELECT * "
    "FROM measures ORDER BY id)",
  };
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *part = bf_test_query_text (store, queries[i]);
      g_string_append (all, part);
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, all->str, all->len);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  BfStore *a = demo_store (dir, "a.bangfu", 300, 11);
  BfStore *b = demo_store (dir, "b.bangfu", 300, 11);
  BfStore *c = demo_store (dir, "c.bangfu", 300, 12);
  g_autofree char *da = digest (a);
  g_autofree char *db = digest (b);
  g_autofree char *dc = digest (c);

  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (da, !=, dc);
  close_store (a);
  close_store (b);
  close_store (c);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Queries that must all count 0 on a demo register: the records agree with each other. */
static const char *const consistency[] = {
  /* the status is where the last event led */
  "SELECT count(*) FROM households h WHERE status <> 'surveyed' AND status <> (SELECT to_status "
  "FROM workflow_events e WHERE e.household_id = h.id ORDER BY event_date DESC, id DESC LIMIT 1)",
  "SELECT count(*) FROM households h WHERE status = 'surveyed' AND EXISTS (SELECT 1 FROM "
  "workflow_events e WHERE e.household_id = h.id)",
  /* events chain: each starts where the one before ended */
  "SELECT count(*) FROM workflow_events e JOIN workflow_events p ON p.household_id = "
  "e.household_id AND p.id = (SELECT max(id) FROM workflow_events q WHERE q.household_id = "
  "e.household_id AND q.id < e.id) WHERE p.to_status <> e.from_status",
  /* the denormalised columns */
  "SELECT count(*) FROM households h WHERE head_name <> (SELECT name FROM members m WHERE "
  "m.household_id = h.id AND relation = 'head')",
  "SELECT count(*) FROM households h WHERE member_count <> (SELECT count(*) FROM members m WHERE "
  "m.household_id = h.id AND deleted_at IS NULL)",
  "SELECT count(*) FROM households h WHERE per_capita_fen IS NOT (SELECT per_capita_fen FROM "
  "surveys s WHERE s.household_id = h.id ORDER BY surveyed_on DESC LIMIT 1)",
  "SELECT count(*) FROM households h WHERE status_since <> (SELECT max(event_date) FROM "
  "workflow_events e WHERE e.household_id = h.id)",
  /* 3-6 members, children younger than their parents */
  "SELECT count(*) FROM households WHERE member_count NOT BETWEEN 3 AND 6",
  "SELECT count(*) FROM members c JOIN members h ON h.household_id = c.household_id AND "
  "h.relation = 'head' WHERE c.relation IN ('son', 'daughter') AND c.birth_date < "
  "date(h.birth_date, '+15 years')",
  "SELECT count(*) FROM members c JOIN members h ON h.household_id = c.household_id AND "
  "h.relation = 'head' WHERE c.relation = 'parent' AND c.birth_date > date(h.birth_date, '-15 "
  "years')",
  /* nothing happens after the reference date */
  "SELECT count(*) FROM workflow_events WHERE event_date > '2026-09-30'",
  "SELECT count(*) FROM visits WHERE visited_on > '2026-09-30' OR rectified_on > '2026-09-30'",
  "SELECT count(*) FROM measures WHERE completed_on > '2026-09-30'",
  "SELECT count(*) FROM members WHERE birth_date > '2026-09-30'",
  /* exits stand on an acceptance, registrations on a county document */
  "SELECT count(*) FROM households h WHERE status IN ('exit_accepted', 'exited', 'returned') AND "
  "NOT EXISTS (SELECT 1 FROM exit_acceptances a WHERE a.household_id = h.id AND result = "
  "'accepted')",
  "SELECT count(*) FROM workflow_events WHERE action IN ('county_approve', 'approve_exit') AND "
  "document_number IS NULL",
  "SELECT count(*) FROM households h WHERE status IN ('exit_accepted', 'exited', 'returned') AND "
  "NOT EXISTS (SELECT 1 FROM measures m WHERE m.household_id = h.id AND status = 'completed')",
  "SELECT count(*) FROM households WHERE status IN ('registered', 'exited') AND (helper_id IS "
  "NULL OR first_identified_on IS NULL)",
  /* notices: no open objection on a closed notice; an upheld one took the household off */
  "SELECT count(*) FROM objections o JOIN notices n ON n.id = o.notice_id WHERE o.result = "
  "'pending' AND n.state = 'closed'",
  "SELECT count(*) FROM objections o JOIN notice_items i ON i.notice_id = o.notice_id AND "
  "i.household_id = o.household_id WHERE o.result = 'upheld' AND i.removed_on IS NULL",
  /* one search row per household */
  "SELECT count(*) FROM households h WHERE NOT EXISTS (SELECT 1 FROM household_search s WHERE "
  "s.id = h.id)",
};

/* And these must find something: the variety the demo promises. */
static const char *const variety[] = {
  "SELECT count(*) FROM measures WHERE status IN ('planned', 'in_progress') AND due_on < "
  "'2026-09-30'",
  "SELECT count(*) FROM measures WHERE status = 'completed'",
  "SELECT count(*) FROM visits WHERE problems IS NOT NULL AND rectified_on IS NULL",
  "SELECT count(*) FROM objections WHERE result = 'pending'",
  "SELECT count(*) FROM objections WHERE result = 'dismissed'",
  "SELECT count(*) FROM objections WHERE result = 'upheld'",
  "SELECT count(*) FROM notices WHERE kind = 'village_identification'",
  "SELECT count(*) FROM notices WHERE kind = 'township'",
  "SELECT count(*) FROM notices WHERE kind = 'county'",
  "SELECT count(*) FROM notices WHERE kind = 'exit'",
  "SELECT count(*) FROM notices WHERE state = 'posted'",
  "SELECT count(*) FROM appraisal_votes WHERE passed = 0",
  "SELECT count(*) FROM helper_assignments WHERE ended_on IS NOT NULL",
  "SELECT count(*) FROM assessments",
  "SELECT count(*) FROM adjustments WHERE kind = 'new'",
  "SELECT count(*) FROM adjustments WHERE kind = 'exit'",
  "SELECT count(*) FROM adjustments WHERE kind = 'returned'",
  "SELECT count(*) FROM households WHERE other_cause_2 IS NOT NULL",
  "SELECT count(*) FROM households WHERE monitoring_type IS NOT NULL",
  "SELECT count(*) FROM surveys WHERE housing_secured = 0",
  "SELECT count(*) FROM members WHERE health = 'disabled' AND disability_grade IS NOT NULL",
  "SELECT count(*) FROM workflow_events WHERE action = 'send_back'",
  "SELECT count(*) FROM members WHERE length(name) = 2",
  "SELECT count(*) FROM members WHERE length(name) = 3",
};

static void
test_consistent (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  BfStore *store = demo_store (dir, "c.bangfu", 1000, 3);
  g_autoptr (GError) error = NULL;
  gint64 entries = 0;

  for (guint i = 0; i < G_N_ELEMENTS (consistency); i++)
    {
      gint64 n = bf_test_query_int (store, consistency[i]);
      if (n != 0)
        g_error ("%" G_GINT64_FORMAT " rows break: %s", n, consistency[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (variety); i++)
    if (bf_test_query_int (store, variety[i]) == 0)
      g_error ("nothing found by: %s", variety[i]);
  for (int s = 0; s < BF_N_STATUSES; s++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM households WHERE status = '%s'", bf_status_code (s));
      g_assert_cmpint (bf_test_query_int (store, sql), >, 0);
    }
  assert_no_problems (store);
  g_assert_true (bf_store_audit_verify (store, &entries, &error));
  g_assert_no_error (error);
  close_store (store);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  GArray *calls;
  GCancellable *cancel_after_first;
} Progress;

static void
on_progress (guint done, guint total, gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (total, ==, 2500);
  g_array_append_val (p->calls, done);
  if (p->cancel_after_first != NULL)
    g_cancellable_cancel (p->cancel_after_first);
}

static void
test_batches (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "b.bangfu", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  Progress p = { calls, NULL };
  BfStore *store = bf_store_demo_create (path, 3, "测试员", &error);
  g_autofree char *ranges = NULL;

  g_assert_no_error (error);
  g_assert_true (bf_store_demo_generate (store, 2500, 1, on_progress, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpuint (g_array_index (calls, guint, 0), ==, 1000);
  g_assert_cmpuint (g_array_index (calls, guint, 1), ==, 2000);
  g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 2500);
  /* One audit entry per batch, saying which households it wrote. */
  ranges = bf_test_query_text (store, "SELECT group_concat(json_extract(changes, "
                                      "'$.households[1]'), ' ') FROM (SELECT changes FROM "
                                      "audit_log WHERE action = 'demo' ORDER BY seq)");
  g_assert_cmpstr (ranges, ==, "1–1000 1001–2000 2001–2500");
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM households"), ==, 2500);
  close_store (store);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_cancel (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "x.bangfu", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Progress p = { calls, cancellable };
  BfStore *store = bf_store_demo_create (path, 3, "测试员", &error);
  gint64 audit_before;

  g_assert_no_error (error);
  audit_before = bf_test_query_int (store, "SELECT count(*) FROM audit_log");
  g_assert_false (bf_store_demo_generate (store, 2500, 1, on_progress, &p, cancellable, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED);
  /* The committed batch stays, with its audit entry; nothing of the next one was written. */
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM households"), ==, 1000);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM audit_log"), ==,
                   audit_before + 1);
  assert_no_problems (store);
  close_store (store);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_fill (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  BfStore *store = bf_test_store_new (dir, "f.bangfu", 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  g_autofree char *next = NULL;
  g_autofree char *last = NULL;

  /* The same seed twice on one register: new people and new numbers, no clash. */
  g_assert_true (bf_store_demo_generate (store, 40, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_demo_generate (store, 40, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM households"), ==, 80);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(DISTINCT uuid) FROM households"), ==,
                   80);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) - count(DISTINCT id_number) FROM "
                                             "members"),
                   ==, 0);
  assert_no_problems (store);

  /* The household API numbers on after the demo's households. */
  villages = bf_store_list_villages (store, &error);
  g_assert_no_error (error);
  next = bf_store_household_next_number (store, ((BfVillage *) g_ptr_array_index (villages, 0))->id,
                                         &error);
  g_assert_no_error (error);
  last = bf_test_query_text (store, "SELECT max(number) FROM households WHERE village_id = "
                                    "(SELECT min(id) FROM villages)");
  g_assert_cmpstr (next, >, last);
  close_store (store);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
search_finds (BfStore *store, const char *text, const char *number)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHouseholdCursor) cursor = NULL;
  BfHouseholdQuery query = { 0 };
  gboolean found = FALSE;

  query.text = text;
  do
    {
      g_autoptr (BfHouseholdPage) page =
        bf_store_household_search (store, &query, cursor, 200, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < page->rows->len && !found; i++)
        found =
          g_str_equal (((BfHouseholdRow *) g_ptr_array_index (page->rows, i))->number, number);
      g_clear_pointer (&cursor, bf_household_cursor_free);
      cursor = page->next != NULL ? bf_household_cursor_copy (page->next) : NULL;
    }
  while (!found && cursor != NULL);
  return found;
}

static void
test_search (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  BfStore *store = demo_store (dir, "s.bangfu", 200, 4);
  g_autofree char *row = bf_test_query_text (
    store, "SELECT h.number || '|' || m.name || '|' || m.id_number FROM members m JOIN "
           "households h ON h.id = m.household_id WHERE m.relation <> 'head' AND length(m.name) = "
           "3 ORDER BY m.id LIMIT 1");
  g_auto (GStrv) f = g_strsplit (row, "|", 3);
  g_autofree char *two = g_utf8_substring (f[1], 1, 3);
  g_autofree char *one = g_utf8_substring (f[1], 0, 1);

  /* Any member's name, whole or in part, and a fragment of an ID number find the household. */
  g_assert_true (search_finds (store, f[1], f[0]));
  g_assert_true (search_finds (store, two, f[0]));
  g_assert_true (search_finds (store, one, f[0]));
  g_assert_true (search_finds (store, f[2] + 10, f[0]));
  g_assert_true (search_finds (store, f[0], f[0]));
  close_store (store);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_without_township_notice (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  BfStore *store = bf_test_store_new (dir, "n.bangfu", 3);
  g_autoptr (GError) error = NULL;

  g_assert_true (bf_store_setting_set (store, BF_SETTING_TOWNSHIP_NOTICE, "0", &error));
  g_assert_true (bf_store_demo_generate (store, 300, 2, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
    bf_test_query_int (store, "SELECT count(*) FROM households WHERE status = 'township_notice'"),
    ==, 0);
  g_assert_cmpint (
    bf_test_query_int (store, "SELECT count(*) FROM notices WHERE kind = 'township'"), ==, 0);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM workflow_events WHERE action = "
                                             "'county_approve' AND from_status = "
                                             "'township_reviewed'"),
                   >, 0);
  assert_no_problems (store);
  close_store (store);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_bad_input (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v.bangfu", NULL);
  g_autoptr (GError) error = NULL;
  BfStore *store;

  store = bf_store_demo_create (path, 0, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  store = bf_store_demo_create (path, BF_DEMO_MAX_VILLAGES + 1, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/demo/deterministic", test_deterministic);
  g_test_add_func ("/store/demo/consistent", test_consistent);
  g_test_add_func ("/store/demo/batches", test_batches);
  g_test_add_func ("/store/demo/cancel", test_cancel);
  g_test_add_func ("/store/demo/fill", test_fill);
  g_test_add_func ("/store/demo/search", test_search);
  g_test_add_func ("/store/demo/without-township-notice", test_without_township_notice);
  g_test_add_func ("/store/demo/bad-input", test_bad_input);
  return g_test_run ();
}
