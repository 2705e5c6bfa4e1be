/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bf-store-check.h"
#include "bf-store-household.h"
#include "bf-store-notices.h"
#include "bf-store-regions.h"
#include "bf-store-workflow.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

/* Meetings, notices and objections: a household walks the identification path through them, the
 * steps wait for the notices, and writes that move many households move all or none. */

typedef struct
{
  char *dir;
  BfStore *store;
  gint64 village[2];
  gint64 group[2];
} Fixture;

static void
set_today (const char *date)
{
  g_setenv ("BANGFU_TODAY", date, TRUE);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) villages = NULL;

  set_today ("2026-03-01");
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "n.bangfu", 2);
  villages = bf_store_list_villages (f->store, NULL);
  g_assert_cmpuint (villages->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      BfVillage *village = g_ptr_array_index (villages, i);

      f->village[i] = village->id;
      f->group[i] = ((BfGroup *) g_ptr_array_index (village->groups, 0))->id;
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  /* Whatever a test did, the register stays consistent and its audit chain whole. */
  {
    gboolean ok = bf_store_check (f->store, &problems, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (bf_store_close (f->store, NULL));
  g_clear_object (&f->store);
  bf_test_tmpdir_free (g_steal_pointer (&f->dir));
}

/* A household of @village (0 or 1) with a head and @extra members, status surveyed. */
static gint64
add_household (Fixture *f, guint village, const char *head_name, guint seq)
{
  g_autoptr (BfHousehold) household = bf_household_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *birth =
    g_strdup_printf ("19%02u0%u1%u", 50 + seq / 30 % 40, 1 + seq % 9, seq % 10);
  BfMember *head = bf_member_new ();
  BfMember *spouse = bf_member_new ();

  household->number = bf_store_household_next_number (f->store, f->village[village], &error);
  g_assert_no_error (error);
  household->village_id = f->village[village];
  household->group_id = f->group[village];
  household->primary_cause = g_strdup ("illness");
  head->name = g_strdup (head_name);
  head->relation = g_strdup ("head");
  head->id_number = bf_test_id_number (birth, (seq * 2 + 1) % 1000);
  spouse->name = g_strdup_printf ("%s之妻", head_name);
  spouse->relation = g_strdup ("spouse");
  spouse->id_number = bf_test_id_number (birth, (seq * 2 + 2) % 1000);
  g_ptr_array_add (household->members, head);
  g_ptr_array_add (household->members, spouse);
  bf_store_household_save (f->store, household, &error);
  g_assert_no_error (error);
  return household->id;
}

static char *
status_of (Fixture *f, gint64 household)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT status FROM households WHERE id = %" G_GINT64_FORMAT, household);

  return bf_test_query_text (f->store, sql);
}

static void
assert_status (Fixture *f, gint64 household, const char *status)
{
  g_autofree char *value = status_of (f, household);

  g_assert_cmpstr (value, ==, status);
}

static gint64
audit_count (Fixture *f)
{
  return bf_test_query_int (f->store, "SELECT count(*) FROM audit_log");
}

static void
step (Fixture *f, gint64 household, BfAction action, const char *document_number)
{
  g_autoptr (GError) error = NULL;
  BfTransitionFacts facts = { 0 };

  facts.document_number = document_number;
  {
    gboolean ok = bf_store_household_transition (f->store, household, action, &facts, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
}

static void
assert_refused (Fixture *f, gint64 household, BfAction action, const char *needle)
{
  g_autoptr (GError) error = NULL;
  BfTransitionFacts facts = { 0 };
  gint64 before = audit_count (f);

  facts.document_number = "X县扶贫〔2026〕1号";
  g_assert_false (bf_store_household_transition (f->store, household, action, &facts, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
  g_assert_cmpint (audit_count (f), ==, before);
}

static BfMeeting *
new_meeting (Fixture *f, guint village, const char *held_on)
{
  BfMeeting *meeting = bf_meeting_new ();

  meeting->village_id = f->village[village];
  meeting->held_on = g_strdup (held_on);
  meeting->kind = g_strdup ("representatives");
  meeting->host = g_strdup ("村支书李明");
  meeting->entitled = 60;
  meeting->present = 52;
  meeting->minutes = g_strdup ("会议对申请户逐户评议。");
  return meeting;
}

static BfAppraisalVote *
add_vote (BfMeeting *meeting, gint64 household, int passed)
{
  BfAppraisalVote *vote = bf_appraisal_vote_new ();

  vote->household_id = household;
  vote->votes_for = passed == 0 ? 10 : 45;
  vote->votes_against = passed == 0 ? 40 : 5;
  vote->abstentions = 2;
  vote->passed = passed;
  g_ptr_array_add (meeting->votes, vote);
  return vote;
}

static gint64
save_meeting (Fixture *f, BfMeeting *meeting)
{
  g_autoptr (GError) error = NULL;

  {
    gboolean ok = bf_store_meeting_save (f->store, meeting, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  g_assert_cmpint (meeting->id, >, 0);
  return meeting->id;
}

/* Prepares a notice of @kind, checks that exactly @expected are preselected, saves and posts it. */
static gint64
post_notice (Fixture *f,
             const char *kind,
             gint64 village_id,
             const char *date,
             const gint64 *expected,
             guint n_expected)
{
  g_autoptr (BfNotice) notice = NULL;
  g_autoptr (GError) error = NULL;

  notice = bf_store_notice_prepare (f->store, kind, village_id, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notice->items->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < notice->items->len; j++)
        found |=
          ((BfNoticeItem *) g_ptr_array_index (notice->items, j))->household_id == expected[i];
      g_assert_true (found);
    }
  {
    gboolean ok = bf_store_notice_save (f->store, notice, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  {
    gboolean ok = bf_store_notice_post (f->store, notice->id, date, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  return notice->id;
}

static void
close_notice (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;

  {
    gboolean ok = bf_store_notice_close (f->store, id, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
}

static void
assert_close_refused (Fixture *f, gint64 id, const char *needle)
{
  g_autoptr (GError) error = NULL;
  gint64 before = audit_count (f);

  g_assert_false (bf_store_notice_close (f->store, id, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
  g_assert_cmpint (audit_count (f), ==, before);
}

static void
test_identification_path (Fixture *f, gconstpointer data)
{
  gint64 household = add_household (f, 0, "张三", 1);
  g_autoptr (BfMeeting) meeting = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) waiting = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfNotice) county = NULL;
  gint64 village_notice, township_notice, county_notice;
  static const char *const actions[] = {
    "verify",         "appraise", "post_village_notice", "township_review", "post_township_notice",
    "county_approve",
  };
  static const char *const refs[] = { NULL, "meeting", "notice", "notice", "notice", "notice" };

  step (f, household, BF_ACTION_VERIFY, NULL);

  /* Democratic appraisal: the household waits for it, and the meeting's save moves it on. */
  set_today ("2026-03-02");
  waiting = bf_store_meeting_waiting (f->store, f->village[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waiting->len, ==, 1);
  g_assert_cmpint (((BfHouseholdRow *) g_ptr_array_index (waiting, 0))->id, ==, household);
  meeting = new_meeting (f, 0, "2026-03-02");
  add_vote (meeting, household, 1);
  save_meeting (f, meeting);
  assert_status (f, household, "appraised");

  /* Village notice: posting moves the household; the next step waits for the period's end. */
  set_today ("2026-03-03");
  village_notice =
    post_notice (f, "village_identification", f->village[0], "2026-03-03", &household, 1);
  assert_status (f, household, "village_notice");
  set_today ("2026-03-09");
  assert_refused (f, household, BF_ACTION_TOWNSHIP_REVIEW, "2026-03-09");
  assert_close_refused (f, village_notice, "2026-03-09");
  set_today ("2026-03-10");
  close_notice (f, village_notice);
  step (f, household, BF_ACTION_TOWNSHIP_REVIEW, NULL);
  assert_status (f, household, "township_reviewed");

  /* Township notice, then county approval with its document number. */
  set_today ("2026-03-11");
  township_notice = post_notice (f, "township", 0, "2026-03-11", &household, 1);
  assert_status (f, household, "township_notice");
  assert_refused (f, household, BF_ACTION_COUNTY_APPROVE, "2026-03-17");
  set_today ("2026-03-18");
  close_notice (f, township_notice);
  step (f, household, BF_ACTION_COUNTY_APPROVE, "X县扶贫〔2026〕12号");
  assert_status (f, household, "registered");

  /* The county's announcement lists it once, and posting it moves nobody. */
  county_notice = post_notice (f, "county", 0, "2026-03-18", &household, 1);
  assert_status (f, household, "registered");
  county = bf_store_notice_prepare (f->store, "county", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (county->items->len, ==, 0);
  g_assert_cmpint (county_notice, >, 0);

  /* Each step is an event with its date, operator and the record behind it. */
  events = bf_store_events_for (f->store, household, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (actions));
  for (guint i = 0; i < events->len; i++)
    {
      /* Newest first. */
      BfEvent *event = g_ptr_array_index (events, events->len - 1 - i);

      g_assert_cmpstr (event->action, ==, actions[i]);
      g_assert_cmpstr (event->operator_name, ==, "测试员");
      g_assert_nonnull (event->event_date);
      g_assert_cmpstr (event->ref_kind, ==, refs[i]);
    }
  g_assert_cmpint (((BfEvent *) g_ptr_array_index (events, 4))->ref_id, ==, meeting->id);
  g_assert_cmpint (((BfEvent *) g_ptr_array_index (events, 3))->ref_id, ==, village_notice);
  g_assert_cmpint (((BfEvent *) g_ptr_array_index (events, 2))->ref_id, ==, village_notice);
  g_assert_cmpint (((BfEvent *) g_ptr_array_index (events, 1))->ref_id, ==, township_notice);
  g_assert_cmpstr (((BfEvent *) g_ptr_array_index (events, 0))->document_number, ==,
                   "X县扶贫〔2026〕12号");
}

static void
test_township_notice_off (Fixture *f, gconstpointer data)
{
  gint64 household = add_household (f, 0, "李四", 2);
  g_autoptr (BfMeeting) meeting = new_meeting (f, 0, "2026-03-01");
  g_autoptr (BfNotice) notice = NULL;
  g_autoptr (GError) error = NULL;
  gint64 village_notice;

  g_assert_true (bf_store_setting_set (f->store, BF_SETTING_TOWNSHIP_NOTICE, "0", NULL));
  step (f, household, BF_ACTION_VERIFY, NULL);
  add_vote (meeting, household, 1);
  save_meeting (f, meeting);
  village_notice =
    post_notice (f, "village_identification", f->village[0], "2026-03-01", &household, 1);
  set_today ("2026-03-08");
  close_notice (f, village_notice);
  step (f, household, BF_ACTION_TOWNSHIP_REVIEW, NULL);

  notice = bf_store_notice_prepare (f->store, "township", 0, NULL, &error);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_assert_null (notice);
  step (f, household, BF_ACTION_COUNTY_APPROVE, "X县扶贫〔2026〕3号");
  assert_status (f, household, "registered");
}

/* An appraised household on a posted village notice. */
static gint64
household_on_notice (Fixture *f, const char *name, guint seq, gint64 *notice)
{
  gint64 household = add_household (f, 0, name, seq);
  g_autoptr (BfMeeting) meeting = new_meeting (f, 0, "2026-03-01");

  step (f, household, BF_ACTION_VERIFY, NULL);
  add_vote (meeting, household, 1);
  save_meeting (f, meeting);
  *notice = post_notice (f, "village_identification", f->village[0], "2026-03-01", &household, 1);
  return household;
}

static gint64
add_objection (Fixture *f, gint64 notice, gint64 household)
{
  g_autoptr (BfObjection) objection = bf_objection_new ();
  g_autoptr (GError) error = NULL;

  set_today ("2026-03-02");
  objection->notice_id = notice;
  objection->household_id = household;
  objection->received_on = g_strdup ("2026-03-02");
  objection->complainant = g_strdup ("王某");
  objection->content = g_strdup ("该户家中有小轿车一辆，不符合识别条件。");
  {
    gboolean ok = bf_store_objection_save (f->store, objection, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  return objection->id;
}

static void
test_objection_reject (Fixture *f, gconstpointer data)
{
  gint64 notice;
  gint64 household = household_on_notice (f, "赵六", 3, &notice);
  gint64 objection = add_objection (f, notice, household);
  g_autoptr (BfNotice) read = NULL;
  g_autoptr (BfObjection) decided = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  BfNoticeItem *item;

  set_today ("2026-03-08");
  /* The period is over but the objection is open: closing and moving on both wait for it. */
  assert_close_refused (f, notice, "1 objection");
  assert_refused (f, household, BF_ACTION_TOWNSHIP_REVIEW, "open objection");

  {
    gboolean ok = bf_store_objection_decide (f->store, objection, BF_OBJECTION_UPHOLD_REJECT,
                                             "2026-03-05", "入户核实：该户确有小轿车一辆。",
                                             "家庭有小轿车，不符合识别条件", &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  assert_status (f, household, "rejected");

  read = bf_store_notice_get (f->store, notice, &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (read->items, 0);
  g_assert_cmpstr (item->removed_on, ==, "2026-03-05");
  g_assert_cmpstr (item->removed_reason, ==, "家庭有小轿车，不符合识别条件");
  g_assert_cmpuint (read->n_households, ==, 0);
  g_assert_cmpuint (read->n_open_objections, ==, 0);

  decided = bf_store_objection_get (f->store, objection, &error);
  g_assert_cmpstr (decided->result, ==, "upheld");
  g_assert_cmpstr (decided->consequence, ==, "reject");
  g_assert_cmpstr (decided->decided_on, ==, "2026-03-05");
  listed = bf_store_list_objections (f->store, notice, &error);
  g_assert_cmpuint (listed->len, ==, 1);

  /* A decided objection stays decided. */
  g_assert_false (bf_store_objection_decide (f->store, objection, BF_OBJECTION_DISMISS, NULL,
                                             "复核", NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  close_notice (f, notice);
}

static void
test_objection_return (Fixture *f, gconstpointer data)
{
  gint64 notice;
  gint64 household = household_on_notice (f, "钱七", 4, &notice);
  gint64 objection = add_objection (f, notice, household);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;

  {
    gboolean ok =
      bf_store_objection_decide (f->store, objection, BF_OBJECTION_UPHOLD_RETURN, NULL,
                                 "收入情况需重新核实。", "收入信息有误，重新入户核查", &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  /* Back to the survey for re-verification, one recorded step at a time. */
  assert_status (f, household, "surveyed");
  events = bf_store_events_for (f->store, household, &error);
  for (guint i = 0; i < 3; i++)
    {
      BfEvent *event = g_ptr_array_index (events, i);

      g_assert_cmpstr (event->action, ==, "send_back");
      g_assert_cmpstr (event->reason, ==, "收入信息有误，重新入户核查");
      g_assert_cmpstr (event->ref_kind, ==, "notice");
    }
  /* It can walk again and come to a new meeting. */
  step (f, household, BF_ACTION_VERIFY, NULL);
  {
    g_autoptr (GPtrArray) waiting = bf_store_meeting_waiting (f->store, f->village[0], &error);

    g_assert_cmpuint (waiting->len, ==, 1);
  }
}

static void
test_objection_dismissed (Fixture *f, gconstpointer data)
{
  gint64 notice;
  gint64 household = household_on_notice (f, "孙八", 5, &notice);
  gint64 objection = add_objection (f, notice, household);
  g_autoptr (GError) error = NULL;
  gint64 before = audit_count (f);

  /* Deciding needs the verification's findings, and upholding a reason: nothing written. */
  g_assert_false (
    bf_store_objection_decide (f->store, objection, BF_OBJECTION_DISMISS, NULL, " ", NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_objection_decide (f->store, objection, BF_OBJECTION_UPHOLD_REJECT, NULL,
                                             "核实属实", "", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_objection_decide (f->store, objection, BF_OBJECTION_UPHOLD, NULL,
                                             "核实属实", "理由", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f), ==, before);

  {
    gboolean ok = bf_store_objection_decide (f->store, objection, BF_OBJECTION_DISMISS, NULL,
                                             "经核实，反映情况不属实。", NULL, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  assert_status (f, household, "village_notice");
  set_today ("2026-03-08");
  close_notice (f, notice);
  step (f, household, BF_ACTION_TOWNSHIP_REVIEW, NULL);
}

static void
test_objection_bad_input (Fixture *f, gconstpointer data)
{
  gint64 notice;
  gint64 household = household_on_notice (f, "周九", 6, &notice);
  gint64 other = add_household (f, 0, "吴十", 7);
  g_autoptr (BfObjection) objection = bf_objection_new ();
  g_autoptr (GError) error = NULL;
  gint64 before = audit_count (f);

  objection->notice_id = notice;
  objection->household_id = household;
  objection->content = g_strdup ("  ");
  g_assert_false (bf_store_objection_save (f->store, objection, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (objection->content);
  objection->content = g_strdup ("内容");
  objection->household_id = other;
  g_assert_false (bf_store_objection_save (f->store, objection, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  objection->household_id = household;
  g_free (objection->received_on);
  objection->received_on = g_strdup ("2026-02-28");
  g_assert_false (bf_store_objection_save (f->store, objection, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (objection->id, ==, 0);
  g_assert_cmpint (audit_count (f), ==, before);

  set_today ("2026-03-08");
  close_notice (f, notice);
  g_free (objection->received_on);
  objection->received_on = g_strdup ("2026-03-08");
  g_assert_false (bf_store_objection_save (f->store, objection, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_assert_cmpint (audit_count (f), ==, before + 1);
}

/* 50 households at one meeting: the save moves them all, or — when one cannot move — none. */
static void
test_batch_meeting (Fixture *f, gconstpointer data)
{
  g_autoptr (BfMeeting) meeting = new_meeting (f, 0, "2026-03-01");
  g_autoptr (BfMeeting) read = NULL;
  g_autoptr (GError) error = NULL;
  BfTransitionFacts facts = { 0 };
  gint64 households[50];
  gint64 before;
  guint n_appraised = 0, n_rejected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (households); i++)
    {
      g_autofree char *name = g_strdup_printf ("户主%u", i);

      households[i] = add_household (f, 0, name, 10 + i);
      step (f, households[i], BF_ACTION_VERIFY, NULL);
      add_vote (meeting, households[i], -1);
    }
  /* Without results the save records the meeting and moves nobody. */
  save_meeting (f, meeting);
  for (guint i = 0; i < G_N_ELEMENTS (households); i++)
    assert_status (f, households[i], "verified");

  /* One household is sent back meanwhile: it can no longer be appraised. */
  facts.reason = "材料不全";
  g_assert_true (
    bf_store_household_transition (f->store, households[37], BF_ACTION_SEND_BACK, &facts, NULL));
  for (guint i = 0; i < meeting->votes->len; i++)
    ((BfAppraisalVote *) g_ptr_array_index (meeting->votes, i))->passed = i % 10 == 9 ? 0 : 1;
  before = audit_count (f);
  g_assert_false (bf_store_meeting_save (f->store, meeting, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "户主37"));
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f), ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (households); i++)
    assert_status (f, households[i], i == 37 ? "surveyed" : "verified");
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM appraisal_votes WHERE "
                                                "passed IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM workflow_events WHERE "
                                                "ref_kind = 'meeting'"),
                   ==, 0);

  /* Without it, the 49 others move in one save. */
  g_ptr_array_remove_index (meeting->votes, 37);
  save_meeting (f, meeting);
  for (guint i = 0; i < G_N_ELEMENTS (households); i++)
    {
      g_autofree char *status = status_of (f, households[i]);

      n_appraised += g_str_equal (status, "appraised");
      n_rejected += g_str_equal (status, "rejected");
    }
  g_assert_cmpuint (n_appraised, ==, 44);
  g_assert_cmpuint (n_rejected, ==, 5);

  read = bf_store_meeting_get (f->store, meeting->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->votes->len, ==, 49);
  g_assert_cmpuint (read->n_passed, ==, 44);
  g_assert_cmpuint (read->n_failed, ==, 5);
  g_assert_cmpuint (read->n_pending, ==, 0);
  for (guint i = 0; i < read->votes->len; i++)
    g_assert_true (((BfAppraisalVote *) g_ptr_array_index (read->votes, i))->decided);

  /* A saved result does not change, and a meeting that moved households stays. */
  ((BfAppraisalVote *) g_ptr_array_index (read->votes, 0))->passed ^= 1;
  g_assert_false (bf_store_meeting_save (f->store, read, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_meeting_delete (f->store, meeting->id, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
}

static void
test_meeting_bad_input (Fixture *f, gconstpointer data)
{
  gint64 verified = add_household (f, 0, "郑一", 70);
  gint64 surveyed = add_household (f, 0, "王二", 71);
  gint64 elsewhere = add_household (f, 1, "冯三", 72);
  g_autoptr (BfMeeting) meeting = new_meeting (f, 0, "2026-03-02");
  g_autoptr (GError) error = NULL;
  gint64 before;

  step (f, verified, BF_ACTION_VERIFY, NULL);
  step (f, elsewhere, BF_ACTION_VERIFY, NULL);
  before = audit_count (f);

  /* Held tomorrow. */
  g_assert_false (bf_store_meeting_save (f->store, meeting, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (meeting->held_on);
  meeting->held_on = g_strdup ("2026-03-01");

  meeting->present = 61;
  g_assert_false (bf_store_meeting_save (f->store, meeting, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  meeting->present = 52;

  g_free (meeting->kind);
  meeting->kind = g_strdup ("party");
  g_assert_false (bf_store_meeting_save (f->store, meeting, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (meeting->kind);
  meeting->kind = g_strdup ("villagers");

  add_vote (meeting, surveyed, 1);
  g_assert_false (bf_store_meeting_save (f->store, meeting, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "王二"));
  g_clear_error (&error);
  g_ptr_array_set_size (meeting->votes, 0);

  add_vote (meeting, elsewhere, 1);
  g_assert_false (bf_store_meeting_save (f->store, meeting, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (meeting->votes, 0);

  add_vote (meeting, verified, 1)->votes_for = 60;
  g_assert_false (bf_store_meeting_save (f->store, meeting, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (meeting->votes, 0);

  add_vote (meeting, verified, -1);
  add_vote (meeting, verified, -1);
  g_assert_false (bf_store_meeting_save (f->store, meeting, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (meeting->id, ==, 0);
  g_assert_cmpint (audit_count (f), ==, before);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM appraisal_meetings"), ==, 0);

  /* An undecided meeting can be deleted, and frees its household for another. */
  g_ptr_array_set_size (meeting->votes, 1);
  save_meeting (f, meeting);
  {
    g_autoptr (GPtrArray) waiting = bf_store_meeting_waiting (f->store, f->village[0], &error);

    g_assert_cmpuint (waiting->len, ==, 0);
  }
  {
    gboolean ok = bf_store_meeting_delete (f->store, meeting->id, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  {
    g_autoptr (GPtrArray) waiting = bf_store_meeting_waiting (f->store, f->village[0], &error);

    g_assert_cmpuint (waiting->len, ==, 1);
  }
}

static void
test_notice_drafts (Fixture *f, gconstpointer data)
{
  gint64 a = add_household (f, 0, "甲户", 80);
  gint64 b = add_household (f, 0, "乙户", 81);
  gint64 c = add_household (f, 1, "丙户", 82);
  g_autoptr (BfMeeting) meeting = new_meeting (f, 0, "2026-03-01");
  g_autoptr (BfMeeting) meeting2 = new_meeting (f, 1, "2026-03-01");
  g_autoptr (BfNotice) notice = NULL;
  g_autoptr (BfNotice) again = NULL;
  g_autoptr (BfNotice) read = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  BfNoticeQuery query = { 0 };
  gint64 before;

  for (guint i = 0; i < 3; i++)
    step (f, (gint64[]){ a, b, c }[i], BF_ACTION_VERIFY, NULL);
  add_vote (meeting, a, 1);
  add_vote (meeting, b, 1);
  add_vote (meeting2, c, 1);
  save_meeting (f, meeting);
  save_meeting (f, meeting2);

  /* The village's appraised households, with the defaults of the settings. */
  g_assert_true (
    bf_store_setting_set (f->store, BF_SETTING_SUPERVISION_PHONE, "0731-1234567", NULL));
  notice =
    bf_store_notice_prepare (f->store, "village_identification", f->village[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notice->items->len, ==, 2);
  g_assert_cmpstr (notice->starts_on, ==, "2026-03-01");
  g_assert_cmpstr (notice->ends_on, ==, "2026-03-07");
  g_assert_cmpstr (notice->title, ==, "村1脱贫攻坚重点人员识别公示");
  g_assert_cmpstr (notice->issuing_body, ==, "村1村民委员会");
  g_assert_cmpstr (notice->supervision_phone, ==, "0731-1234567");
  g_assert_nonnull (((BfNoticeItem *) g_ptr_array_index (notice->items, 0))->head_id_masked);
  g_assert_cmpuint (
    strlen (((BfNoticeItem *) g_ptr_array_index (notice->items, 0))->head_id_masked), ==, 18);
  g_assert_nonnull (
    strstr (((BfNoticeItem *) g_ptr_array_index (notice->items, 0))->head_id_masked, "********"));

  /* Shorter than the minimum: refused, nothing written. */
  before = audit_count (f);
  g_free (notice->ends_on);
  notice->ends_on = g_strdup ("2026-03-06");
  g_assert_false (bf_store_notice_save (f->store, notice, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (notice->id, ==, 0);
  g_assert_cmpint (audit_count (f), ==, before);

  /* A household of the other village cannot join. */
  g_free (notice->ends_on);
  notice->ends_on = g_strdup ("2026-03-10");
  g_ptr_array_add (notice->items, bf_notice_item_new ());
  ((BfNoticeItem *) g_ptr_array_index (notice->items, 2))->household_id = c;
  g_assert_false (bf_store_notice_save (f->store, notice, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f), ==, before);

  /* Remove one preselected household: the draft lists the other. */
  g_ptr_array_set_size (notice->items, 1);
  {
    gboolean ok = bf_store_notice_save (f->store, notice, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  again = bf_store_notice_prepare (f->store, "village_identification", f->village[0], NULL, &error);
  g_assert_cmpuint (again->items->len, ==, 1);
  g_assert_cmpint (((BfNoticeItem *) g_ptr_array_index (again->items, 0))->household_id, ==, b);

  /* Drafts are edited and deleted; closing one is refused. */
  g_free (notice->posting_place);
  notice->posting_place = g_strdup ("村委会公示栏");
  ((BfNoticeItem *) g_ptr_array_index (notice->items, 0))->reason = g_strdup ("因病致贫");
  g_assert_true (bf_store_notice_save (f->store, notice, &error));
  read = bf_store_notice_get (f->store, notice->id, &error);
  g_assert_cmpstr (read->posting_place, ==, "村委会公示栏");
  g_assert_cmpstr (((BfNoticeItem *) g_ptr_array_index (read->items, 0))->reason, ==, "因病致贫");
  assert_close_refused (f, notice->id, "");

  query.kind = "village_identification";
  query.state = "draft";
  list = bf_store_list_notices (f->store, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((BfNotice *) g_ptr_array_index (list, 0))->n_households, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.village_id = f->village[1];
  list = bf_store_list_notices (f->store, &query, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  {
    gboolean ok = bf_store_notice_delete (f->store, notice->id, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  list = bf_store_list_notices (f->store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);

  /* Posting: not after the first day, and not without households. */
  g_clear_pointer (&notice, bf_notice_free);
  notice = bf_store_notice_prepare (f->store, "village_identification", f->village[0], "2026-02-20",
                                    &error);
  g_assert_true (bf_store_notice_save (f->store, notice, &error));
  g_assert_false (bf_store_notice_post (f->store, notice->id, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  assert_status (f, a, "appraised");
  g_free (notice->starts_on);
  notice->starts_on = g_strdup ("2026-03-01");
  g_free (notice->ends_on);
  notice->ends_on = g_strdup ("2026-03-07");
  g_ptr_array_set_size (notice->items, 0);
  g_assert_true (bf_store_notice_save (f->store, notice, &error));
  g_assert_false (bf_store_notice_post (f->store, notice->id, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
}

/* A notice of many households posts them all or none. */
static void
test_batch_notice (Fixture *f, gconstpointer data)
{
  g_autoptr (BfMeeting) meeting = new_meeting (f, 0, "2026-03-01");
  g_autoptr (BfNotice) notice = NULL;
  g_autoptr (GError) error = NULL;
  BfTransitionFacts facts = { 0 };
  gint64 households[20];
  gint64 before;

  for (guint i = 0; i < G_N_ELEMENTS (households); i++)
    {
      g_autofree char *name = g_strdup_printf ("公示户%u", i);

      households[i] = add_household (f, 0, name, 100 + i);
      step (f, households[i], BF_ACTION_VERIFY, NULL);
      add_vote (meeting, households[i], 1);
    }
  save_meeting (f, meeting);
  notice =
    bf_store_notice_prepare (f->store, "village_identification", f->village[0], NULL, &error);
  g_assert_cmpuint (notice->items->len, ==, 20);
  g_assert_true (bf_store_notice_save (f->store, notice, &error));

  facts.reason = "需补充材料";
  g_assert_true (
    bf_store_household_transition (f->store, households[12], BF_ACTION_SEND_BACK, &facts, NULL));
  before = audit_count (f);
  g_assert_false (bf_store_notice_post (f->store, notice->id, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "公示户12"));
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f), ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (households); i++)
    assert_status (f, households[i], i == 12 ? "verified" : "appraised");
  {
    g_autoptr (BfNotice) read = bf_store_notice_get (f->store, notice->id, &error);

    g_assert_cmpstr (read->state, ==, "draft");
  }
}

static void
assert_items (BfNotice *notice, const char *const *heads, guint n)
{
  g_assert_cmpuint (notice->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      BfNoticeItem *item = g_ptr_array_index (notice->items, i);

      g_assert_cmpstr (item->head_name, ==, heads[i]);
      g_assert_cmpint (item->position, ==, i + 1);
    }
}

/* A village that lists its notice by the heads' names gets them in pinyin order (曾 zēng between
 * 陈 and 张); the others keep household numbers. */
static void
test_notice_order (Fixture *f, gconstpointer data)
{
  const char *heads[] = { "张三", "曾国藩", "陈静" };
  const char *by_name[] = { "陈静", "曾国藩", "张三" };
  g_autoptr (BfMeeting) meeting = new_meeting (f, 0, "2026-03-01");
  g_autoptr (BfNotice) by_number = NULL;
  g_autoptr (BfNotice) by_head = NULL;
  g_autoptr (BfNotice) other = NULL;
  g_autoptr (GError) error = NULL;
  gint64 before;

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      gint64 id = add_household (f, 0, heads[i], 90 + i);

      step (f, id, BF_ACTION_VERIFY, NULL);
      add_vote (meeting, id, 1);
    }
  save_meeting (f, meeting);
  g_assert_cmpint (bf_store_village_get_notice_order (f->store, f->village[0]), ==,
                   BF_NOTICE_ORDER_NUMBER);
  by_number =
    bf_store_notice_prepare (f->store, "village_identification", f->village[0], NULL, &error);
  g_assert_no_error (error);
  assert_items (by_number, heads, G_N_ELEMENTS (heads));

  before = audit_count (f);
  g_assert_true (
    bf_store_village_set_notice_order (f->store, f->village[0], BF_NOTICE_ORDER_HEAD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f), ==, before + 1);
  g_assert_cmpint (bf_store_village_get_notice_order (f->store, f->village[0]), ==,
                   BF_NOTICE_ORDER_HEAD);
  g_assert_cmpint (bf_store_village_get_notice_order (f->store, f->village[1]), ==,
                   BF_NOTICE_ORDER_NUMBER);
  by_head =
    bf_store_notice_prepare (f->store, "village_identification", f->village[0], NULL, &error);
  g_assert_no_error (error);
  assert_items (by_head, by_name, G_N_ELEMENTS (by_name));
  /* Setting it again writes nothing; an unknown village is refused, nothing written. */
  g_assert_true (
    bf_store_village_set_notice_order (f->store, f->village[0], BF_NOTICE_ORDER_HEAD, &error));
  g_assert_false (bf_store_village_set_notice_order (f->store, 9999, BF_NOTICE_ORDER_HEAD, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (audit_count (f), ==, before + 1);
  /* The other village has no candidates: its notice is empty whatever the order. */
  other = bf_store_notice_prepare (f->store, "village_identification", f->village[1], NULL, NULL);
  g_assert_cmpuint (other->items->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/notices/identification-path", test_identification_path);
  ADD ("/store/notices/township-notice-off", test_township_notice_off);
  ADD ("/store/notices/objection-reject", test_objection_reject);
  ADD ("/store/notices/objection-return", test_objection_return);
  ADD ("/store/notices/objection-dismissed", test_objection_dismissed);
  ADD ("/store/notices/objection-bad-input", test_objection_bad_input);
  ADD ("/store/notices/batch-meeting", test_batch_meeting);
  ADD ("/store/notices/meeting-bad-input", test_meeting_bad_input);
  ADD ("/store/notices/drafts", test_notice_drafts);
  ADD ("/store/notices/batch-notice", test_batch_notice);
  ADD ("/store/notices/order", test_notice_order);
#undef ADD

  return g_test_run ();
}
