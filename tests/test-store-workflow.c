/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bf-store-check.h"
#include "bf-store-private.h"
#include "bf-store-workflow.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfStore *store;
  gint64 household;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *head_id = bf_test_id_number ("19700315", 11);

  g_setenv ("BANGFU_TODAY", "2026-06-30", TRUE);
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "w.bangfu", 1);
  f->household = bf_test_add_household (f->store, "H001", "王五", head_id);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  /* Whatever a test did, the register stays consistent. */
  g_assert_true (bf_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (bf_store_close (f->store, NULL));
  g_clear_object (&f->store);
  bf_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static char *
household_text (BfStore *store, gint64 id, const char *column)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT %s FROM households WHERE id = %" G_GINT64_FORMAT, column, id);

  return bf_test_query_text (store, sql);
}

static void
assert_status (Fixture *f, const char *status)
{
  g_autofree char *value = household_text (f->store, f->household, "status");

  g_assert_cmpstr (value, ==, status);
}

static void
step (Fixture *f, BfAction action, const char *date)
{
  g_autoptr (GError) error = NULL;
  BfTransitionFacts facts = { .event_date = date };

  g_assert_true (bf_store_household_transition (f->store, f->household, action, &facts, &error));
  g_assert_no_error (error);
}

/* Refused with @code, with @fragment in the message, and nothing written. */
static void
assert_refused (Fixture *f,
                BfAction action,
                const BfTransitionFacts *facts,
                int code,
                const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *status = household_text (f->store, f->household, "status");
  g_autofree char *after = NULL;
  gint64 audit = bf_test_query_int (f->store, "SELECT count(*) FROM audit_log");
  gint64 events = bf_test_query_int (f->store, "SELECT count(*) FROM workflow_events");

  g_assert_false (bf_store_household_transition (f->store, f->household, action, facts, &error));
  g_assert_error (error, BF_STORE_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  after = household_text (f->store, f->household, "status");
  g_assert_cmpstr (after, ==, status);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM workflow_events"), ==,
                   events);
}

static void
test_step_and_history (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *uuid = household_text (f->store, f->household, "uuid");
  g_autofree char *since = NULL;
  BfTransitionFacts facts = { .event_date = "2026-03-02", .ref_kind = "survey", .ref_id = 7 };
  BfEvent *event;

  bf_store_set_operator (f->store, "李专干");
  g_assert_true (
    bf_store_household_transition (f->store, f->household, BF_ACTION_VERIFY, &facts, &error));
  g_assert_no_error (error);
  assert_status (f, "verified");
  since = household_text (f->store, f->household, "status_since");
  g_assert_cmpstr (since, ==, "2026-03-02");

  events = bf_store_events_for (f->store, f->household, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->action, ==, "verify");
  g_assert_cmpstr (event->from_status, ==, "surveyed");
  g_assert_cmpstr (event->to_status, ==, "verified");
  g_assert_cmpstr (event->event_date, ==, "2026-03-02");
  g_assert_cmpstr (event->operator_name, ==, "李专干");
  g_assert_cmpstr (event->ref_kind, ==, "survey");
  g_assert_cmpint (event->ref_id, ==, 7);

  sql = g_strdup_printf ("SELECT action || ' ' || changes FROM audit_log WHERE uuid = '%s'", uuid);
  audit = bf_test_query_text (f->store, sql);
  g_assert_true (g_str_has_prefix (audit, "transition "));
  g_assert_nonnull (strstr (audit, "\"status\":[\"surveyed\",\"verified\"]"));

  /* Today by default (BANGFU_TODAY), newest first. */
  g_assert_true (
    bf_store_household_transition (f->store, f->household, BF_ACTION_APPRAISE, NULL, &error));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = bf_store_events_for (f->store, f->household, &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (((BfEvent *) g_ptr_array_index (events, 0))->event_date, ==, "2026-06-30");
  g_assert_cmpstr (((BfEvent *) g_ptr_array_index (events, 0))->action, ==, "appraise");
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  BfTransitionFacts facts = { 0 };
  g_autoptr (GError) error = NULL;

  assert_refused (f, BF_ACTION_APPROVE_EXIT, NULL, BF_STORE_ERROR_REFUSED, "does not apply");
  assert_refused (f, BF_ACTION_REJECT, NULL, BF_STORE_ERROR_REFUSED, "reason");
  facts.reason = "   ";
  assert_refused (f, BF_ACTION_REJECT, &facts, BF_STORE_ERROR_REFUSED, "reason");
  facts.reason = NULL;
  facts.event_date = "2026-07-01";
  assert_refused (f, BF_ACTION_VERIFY, &facts, BF_STORE_ERROR_INVALID, "future");
  facts.event_date = "2026-02-30";
  assert_refused (f, BF_ACTION_VERIFY, &facts, BF_STORE_ERROR_INVALID, "2026-02-30");
  facts.event_date = NULL;
  facts.ref_kind = "'; DROP TABLE x; --";
  assert_refused (f, BF_ACTION_VERIFY, &facts, BF_STORE_ERROR_INVALID, "DROP");

  g_assert_false (bf_store_household_transition (f->store, 999, BF_ACTION_VERIFY, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A deleted household has no lifecycle. */
  bf_test_exec (f->store, "UPDATE households SET deleted_at = 'now'");
  g_assert_false (
    bf_store_household_transition (f->store, f->household, BF_ACTION_VERIFY, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  bf_test_exec (f->store, "UPDATE households SET deleted_at = NULL");

  /* Reject with a reason is fine, and recorded. */
  facts = (BfTransitionFacts){ .reason = "收入高于标准" };
  g_assert_true (
    bf_store_household_transition (f->store, f->household, BF_ACTION_REJECT, &facts, &error));
  g_assert_no_error (error);
  assert_status (f, "rejected");
}

static gint64
add_notice (Fixture *f, const char *kind, const char *state, const char *starts, const char *ends)
{
  g_autofree char *notice_uuid = g_uuid_string_random ();
  g_autofree char *item_uuid = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO notices (uuid, kind, village_id, title, starts_on, ends_on, state, created_at, "
    "updated_at) VALUES ('%s', '%s', 1, '公示', '%s', '%s', '%s', 'now', 'now')",
    notice_uuid, kind, starts, ends, state);
  gint64 id;

  bf_test_exec (f->store, sql);
  id = sqlite3_last_insert_rowid (_bf_store_db (f->store));
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO notice_items (uuid, notice_id, household_id, position, "
                         "created_at, updated_at) VALUES ('%s', %" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ", 1, 'now', 'now')",
                         item_uuid, id, f->household);
  bf_test_exec (f->store, sql);
  return id;
}

static void
test_notice_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *first = NULL;
  BfTransitionFacts facts = { .event_date = "2026-02-07" };
  gint64 notice;
  gint64 other;
  BfEvent *event;

  step (f, BF_ACTION_VERIFY, "2026-01-10");
  step (f, BF_ACTION_APPRAISE, "2026-01-20");
  step (f, BF_ACTION_POST_VILLAGE_NOTICE, "2026-02-01");

  /* No notice yet, then a draft one: not posted. */
  assert_refused (f, BF_ACTION_TOWNSHIP_REVIEW, &facts, BF_STORE_ERROR_REFUSED, "not been posted");
  notice = add_notice (f, "village_identification", "draft", "2026-02-01", "2026-02-07");
  assert_refused (f, BF_ACTION_TOWNSHIP_REVIEW, &facts, BF_STORE_ERROR_REFUSED, "not been posted");
  bf_test_exec (f->store, "UPDATE notices SET state = 'posted'");
  /* Still running on its last day. */
  assert_refused (f, BF_ACTION_TOWNSHIP_REVIEW, &facts, BF_STORE_ERROR_REFUSED, "2026-02-07");

  /* An open objection on this household holds it; one on another household does not. */
  sql = g_strdup_printf ("INSERT INTO objections (uuid, notice_id, household_id, received_on, "
                         "content, created_at, updated_at) VALUES ('o1', %" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ", '2026-02-03', '收入不实', 'now', 'now')",
                         notice, f->household);
  bf_test_exec (f->store, sql);
  facts.event_date = "2026-02-08";
  assert_refused (f, BF_ACTION_TOWNSHIP_REVIEW, &facts, BF_STORE_ERROR_REFUSED, "objection");

  /* A notice the household is not on cannot be named. */
  other = add_notice (f, "exit", "posted", "2026-02-01", "2026-02-07");
  facts.notice_id = other;
  assert_refused (f, BF_ACTION_TOWNSHIP_REVIEW, &facts, BF_STORE_ERROR_INVALID, "notice");
  facts.notice_id = 0;

  bf_test_exec (f->store, "UPDATE objections SET result = 'dismissed', decided_on = '2026-02-06'");
  g_assert_true (bf_store_household_transition (f->store, f->household, BF_ACTION_TOWNSHIP_REVIEW,
                                                &facts, &error));
  g_assert_no_error (error);
  assert_status (f, "township_reviewed");
  events = bf_store_events_for (f->store, f->household, &error);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->ref_kind, ==, "notice");
  g_assert_cmpint (event->ref_id, ==, notice);

  /* The township notice switched off: straight to the county, which needs a document number. */
  g_assert_true (bf_store_setting_set (f->store, BF_SETTING_TOWNSHIP_NOTICE, "0", &error));
  facts = (BfTransitionFacts){ .event_date = "2026-03-01" };
  assert_refused (f, BF_ACTION_POST_TOWNSHIP_NOTICE, &facts, BF_STORE_ERROR_REFUSED,
                  "switched off");
  assert_refused (f, BF_ACTION_COUNTY_APPROVE, &facts, BF_STORE_ERROR_REFUSED, "document number");
  facts.document_number = "某县扶发〔2026〕3号";
  g_assert_true (bf_store_household_transition (f->store, f->household, BF_ACTION_COUNTY_APPROVE,
                                                &facts, &error));
  g_assert_no_error (error);
  assert_status (f, "registered");
  first = household_text (f->store, f->household, "first_identified_on");
  g_assert_cmpstr (first, ==, "2026-03-01");
  g_clear_pointer (&events, g_ptr_array_unref);
  events = bf_store_events_for (f->store, f->household, &error);
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpstr (((BfEvent *) g_ptr_array_index (events, 0))->document_number, ==,
                   "某县扶发〔2026〕3号");
}

static void
test_send_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BfTransitionFacts facts = { .reason = "评议票数不足" };

  step (f, BF_ACTION_VERIFY, "2026-01-10");
  step (f, BF_ACTION_APPRAISE, "2026-01-20");
  step (f, BF_ACTION_POST_VILLAGE_NOTICE, "2026-02-01");
  /* Sending back does not wait for the notice. */
  g_assert_true (
    bf_store_household_transition (f->store, f->household, BF_ACTION_SEND_BACK, &facts, &error));
  g_assert_no_error (error);
  assert_status (f, "appraised");
}

static gint64
count_rows (Fixture *f, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return bf_test_query_int (f->store, sql);
}

/* The township's review, decided in the step: one reviews row and one event referring to it,
 * written together or not at all. */
static void
test_review (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (BfReview) review = NULL;
  g_autofree char *audit = NULL;
  BfTransitionFacts facts = {
    .event_date = "2026-02-07",
    .reviewer = " 乡审核员 ",
    .opinion = "同意纳入",
  };
  gint64 audit_entries;
  BfEvent *event;

  step (f, BF_ACTION_VERIFY, "2026-01-10");
  step (f, BF_ACTION_APPRAISE, "2026-01-20");
  step (f, BF_ACTION_POST_VILLAGE_NOTICE, "2026-02-01");
  add_notice (f, "village_identification", "posted", "2026-02-01", "2026-02-07");

  /* Refused (the notice runs until its end): neither a review nor an event. */
  assert_refused (f, BF_ACTION_TOWNSHIP_REVIEW, &facts, BF_STORE_ERROR_REFUSED, "2026-02-07");
  g_assert_cmpint (count_rows (f, "reviews"), ==, 0);

  /* A reviewer for a step that decides no review, or a review with another record to refer to. */
  facts.event_date = "2026-02-08";
  assert_refused (f, BF_ACTION_POST_TOWNSHIP_NOTICE, &facts, BF_STORE_ERROR_REFUSED, "apply");
  facts.ref_kind = "survey";
  assert_refused (f, BF_ACTION_TOWNSHIP_REVIEW, &facts, BF_STORE_ERROR_INVALID, "review");
  facts.ref_kind = NULL;
  g_assert_cmpint (count_rows (f, "reviews"), ==, 0);

  /* The event cannot be written: the review goes with it. */
  bf_test_exec (f->store, "CREATE TEMP TRIGGER no_events BEFORE INSERT ON workflow_events "
                          "BEGIN SELECT RAISE(ABORT, 'no events'); END");
  assert_refused (f, BF_ACTION_TOWNSHIP_REVIEW, &facts, BF_STORE_ERROR_INVALID, "no events");
  g_assert_cmpint (count_rows (f, "reviews"), ==, 0);
  bf_test_exec (f->store, "DROP TRIGGER no_events");

  audit_entries = count_rows (f, "audit_log");
  g_assert_true (bf_store_household_transition (f->store, f->household, BF_ACTION_TOWNSHIP_REVIEW,
                                                &facts, &error));
  g_assert_no_error (error);
  assert_status (f, "township_reviewed");
  g_assert_cmpint (count_rows (f, "reviews"), ==, 1);
  /* The household, the review, the event. */
  g_assert_cmpint (count_rows (f, "audit_log"), ==, audit_entries + 3);
  audit = bf_test_query_text (f->store, "SELECT changes FROM audit_log WHERE entity = 'reviews'");
  g_assert_nonnull (strstr (audit, "乡审核员"));

  events = bf_store_events_for (f->store, f->household, &error);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->action, ==, "township_review");
  g_assert_cmpstr (event->ref_kind, ==, "review");
  review = bf_store_review_get (f->store, event->ref_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (review->household_id, ==, f->household);
  g_assert_cmpstr (review->level, ==, "township");
  g_assert_cmpstr (review->purpose, ==, "identification");
  g_assert_cmpstr (review->reviewer, ==, "乡审核员");
  g_assert_cmpstr (review->decided_on, ==, "2026-02-08");
  g_assert_cmpstr (review->decision, ==, "approve");
  g_assert_cmpstr (review->opinion, ==, "同意纳入");
  g_assert_null (review->document_number);
  g_clear_pointer (&review, bf_review_free);

  /* A step that decides no review cannot name a reviewer. */
  facts = (BfTransitionFacts){ .event_date = "2026-02-09", .reviewer = "乡审核员" };
  assert_refused (f, BF_ACTION_POST_TOWNSHIP_NOTICE, &facts, BF_STORE_ERROR_INVALID, "no reviewer");
  g_assert_cmpint (count_rows (f, "reviews"), ==, 1);

  /* The county, straight after the township with its notice off, does not include the household:
   * its review says so, with the document. */
  g_assert_true (bf_store_setting_set (f->store, BF_SETTING_TOWNSHIP_NOTICE, "0", &error));
  facts = (BfTransitionFacts){ .event_date = "2026-02-10",
                               .reviewer = "县审批人",
                               .reason = "家庭成员有财政供养人员",
                               .opinion = "比对发现家庭成员有财政供养人员",
                               .document_number = "某县扶发〔2026〕4号" };
  g_assert_true (
    bf_store_household_transition (f->store, f->household, BF_ACTION_REJECT, &facts, &error));
  g_assert_no_error (error);
  assert_status (f, "rejected");
  g_clear_pointer (&events, g_ptr_array_unref);
  events = bf_store_events_for (f->store, f->household, &error);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->reason, ==, "家庭成员有财政供养人员");
  review = bf_store_review_get (f->store, event->ref_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (review->level, ==, "county");
  g_assert_cmpstr (review->decision, ==, "reject");
  g_assert_cmpstr (review->opinion, ==, "比对发现家庭成员有财政供养人员");
  g_assert_cmpstr (review->document_number, ==, "某县扶发〔2026〕4号");

  g_assert_null (bf_store_review_get (f->store, 999, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store/workflow/step-and-history", Fixture, NULL, fixture_set_up,
              test_step_and_history, fixture_tear_down);
  g_test_add ("/store/workflow/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);
  g_test_add ("/store/workflow/notice-rules", Fixture, NULL, fixture_set_up, test_notice_rules,
              fixture_tear_down);
  g_test_add ("/store/workflow/review", Fixture, NULL, fixture_set_up, test_review,
              fixture_tear_down);
  g_test_add ("/store/workflow/send-back", Fixture, NULL, fixture_set_up, test_send_back,
              fixture_tear_down);
  return g_test_run ();
}
