/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-lifecycle.h"

#include "bf-dates.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

/* Which township-notice setting a transition holds under. */
typedef enum
{
  BOTH,
  NOTICE_ON,
  NOTICE_OFF,
} Setting;

typedef struct
{
  BfStatus from;
  BfAction action;
  BfStatus to;
  Setting setting;
} Transition;

/* Every allowed transition; anything else must be refused. */
static const Transition allowed[] = {
  { BF_STATUS_SURVEYED, BF_ACTION_VERIFY, BF_STATUS_VERIFIED, BOTH },
  { BF_STATUS_VERIFIED, BF_ACTION_APPRAISE, BF_STATUS_APPRAISED, BOTH },
  { BF_STATUS_APPRAISED, BF_ACTION_POST_VILLAGE_NOTICE, BF_STATUS_VILLAGE_NOTICE, BOTH },
  { BF_STATUS_VILLAGE_NOTICE, BF_ACTION_TOWNSHIP_REVIEW, BF_STATUS_TOWNSHIP_REVIEWED, BOTH },
  { BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_POST_TOWNSHIP_NOTICE, BF_STATUS_TOWNSHIP_NOTICE,
    NOTICE_ON },
  { BF_STATUS_TOWNSHIP_NOTICE, BF_ACTION_COUNTY_APPROVE, BF_STATUS_REGISTERED, BOTH },
  { BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_COUNTY_APPROVE, BF_STATUS_REGISTERED, NOTICE_OFF },
  { BF_STATUS_REGISTERED, BF_ACTION_ASSESS_EXIT, BF_STATUS_EXIT_ASSESSED, BOTH },
  { BF_STATUS_EXIT_ASSESSED, BF_ACTION_POST_EXIT_NOTICE, BF_STATUS_EXIT_NOTICE, BOTH },
  { BF_STATUS_EXIT_NOTICE, BF_ACTION_ACCEPT_EXIT, BF_STATUS_EXIT_ACCEPTED, BOTH },
  { BF_STATUS_EXIT_ACCEPTED, BF_ACTION_APPROVE_EXIT, BF_STATUS_EXITED, BOTH },
  { BF_STATUS_EXITED, BF_ACTION_RETURN_TO_POVERTY, BF_STATUS_RETURNED, BOTH },
  { BF_STATUS_RETURNED, BF_ACTION_REIDENTIFY, BF_STATUS_SURVEYED, BOTH },
  { BF_STATUS_REJECTED, BF_ACTION_REIDENTIFY, BF_STATUS_SURVEYED, BOTH },

  { BF_STATUS_SURVEYED, BF_ACTION_REJECT, BF_STATUS_REJECTED, BOTH },
  { BF_STATUS_VERIFIED, BF_ACTION_REJECT, BF_STATUS_REJECTED, BOTH },
  { BF_STATUS_APPRAISED, BF_ACTION_REJECT, BF_STATUS_REJECTED, BOTH },
  { BF_STATUS_VILLAGE_NOTICE, BF_ACTION_REJECT, BF_STATUS_REJECTED, BOTH },
  { BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_REJECT, BF_STATUS_REJECTED, BOTH },
  { BF_STATUS_TOWNSHIP_NOTICE, BF_ACTION_REJECT, BF_STATUS_REJECTED, BOTH },

  { BF_STATUS_VERIFIED, BF_ACTION_SEND_BACK, BF_STATUS_SURVEYED, BOTH },
  { BF_STATUS_APPRAISED, BF_ACTION_SEND_BACK, BF_STATUS_VERIFIED, BOTH },
  { BF_STATUS_VILLAGE_NOTICE, BF_ACTION_SEND_BACK, BF_STATUS_APPRAISED, BOTH },
  { BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_SEND_BACK, BF_STATUS_VILLAGE_NOTICE, BOTH },
  { BF_STATUS_TOWNSHIP_NOTICE, BF_ACTION_SEND_BACK, BF_STATUS_TOWNSHIP_REVIEWED, BOTH },
  { BF_STATUS_EXIT_ASSESSED, BF_ACTION_SEND_BACK, BF_STATUS_REGISTERED, BOTH },
  { BF_STATUS_EXIT_NOTICE, BF_ACTION_SEND_BACK, BF_STATUS_EXIT_ASSESSED, BOTH },
  { BF_STATUS_EXIT_ACCEPTED, BF_ACTION_SEND_BACK, BF_STATUS_EXIT_NOTICE, BOTH },
};

static void
date_set (GDate *date, const char *iso)
{
  g_assert_true (bf_date_parse (iso, date, NULL));
}

/* A context in which every fact is there: the notice ended yesterday. */
static void
ready_context (BfLifecycleContext *ctx, gboolean township_notice_enabled)
{
  bf_lifecycle_context_init (ctx);
  ctx->township_notice_enabled = township_notice_enabled;
  ctx->notice_posted = TRUE;
  date_set (&ctx->notice_ends, "2026-12-05");
  date_set (&ctx->today, "2026-12-06");
  ctx->has_reason = TRUE;
  ctx->has_document_number = TRUE;
}

static const Transition *
find_allowed (BfStatus from, BfAction action, gboolean township_notice_enabled)
{
  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (allowed[i].from == from && allowed[i].action == action &&
        (allowed[i].setting == BOTH ||
         (allowed[i].setting == NOTICE_ON) == township_notice_enabled))
      return &allowed[i];
  return NULL;
}

static void
test_transitions (void)
{
  for (int enabled = 0; enabled <= 1; enabled++)
    for (int from = 0; from < BF_N_STATUSES; from++)
      for (int action = 0; action < BF_N_ACTIONS; action++)
        {
          const Transition *expected = find_allowed (from, action, enabled);
          BfLifecycleContext ctx;
          BfStatus to = BF_N_STATUSES;
          g_autoptr (GError) error = NULL;
          gboolean ok;

          g_test_message ("%s --%s--> (township notice %s)", bf_status_code (from),
                          bf_action_code (action), enabled ? "on" : "off");
          ready_context (&ctx, enabled);
          ok = bf_lifecycle_apply (from, action, &ctx, &to, &error);
          g_assert_cmpint (bf_lifecycle_action_applies (from, action, enabled), ==,
                           expected != NULL);
          if (expected != NULL)
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              g_assert_cmpint (to, ==, expected->to);
            }
          else
            {
              g_assert_error (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_NOT_ALLOWED);
              g_assert_false (ok);
              g_assert_cmpint (to, ==, BF_N_STATUSES);
            }
        }
}

/* A household walks the whole identification and exit paths. */
static void
test_full_path (void)
{
  static const BfAction path[] = {
    BF_ACTION_VERIFY,
    BF_ACTION_APPRAISE,
    BF_ACTION_POST_VILLAGE_NOTICE,
    BF_ACTION_TOWNSHIP_REVIEW,
    BF_ACTION_POST_TOWNSHIP_NOTICE,
    BF_ACTION_COUNTY_APPROVE,
    BF_ACTION_ASSESS_EXIT,
    BF_ACTION_POST_EXIT_NOTICE,
    BF_ACTION_ACCEPT_EXIT,
    BF_ACTION_APPROVE_EXIT,
    BF_ACTION_RETURN_TO_POVERTY,
    BF_ACTION_REIDENTIFY,
  };
  BfLifecycleContext ctx;
  BfStatus status = BF_STATUS_SURVEYED;

  ready_context (&ctx, TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (path); i++)
    g_assert_true (bf_lifecycle_apply (status, path[i], &ctx, &status, NULL));
  g_assert_cmpint (status, ==, BF_STATUS_SURVEYED);
}

typedef struct
{
  BfStatus from;
  BfAction action;
  const char *name;
} NoticeStep;

static const NoticeStep notice_steps[] = {
  { BF_STATUS_VILLAGE_NOTICE, BF_ACTION_TOWNSHIP_REVIEW, "The village notice" },
  { BF_STATUS_TOWNSHIP_NOTICE, BF_ACTION_COUNTY_APPROVE, "The township notice" },
  { BF_STATUS_EXIT_NOTICE, BF_ACTION_ACCEPT_EXIT, "The exit notice" },
};

static void
assert_refused (BfStatus from,
                BfAction action,
                const BfLifecycleContext *ctx,
                BfLifecycleError code,
                const char *message)
{
  g_autoptr (GError) error = NULL;
  BfStatus to = BF_N_STATUSES;

  g_assert_false (bf_lifecycle_apply (from, action, ctx, &to, &error));
  g_assert_error (error, BF_LIFECYCLE_ERROR, (gint) code);
  g_assert_cmpint (to, ==, BF_N_STATUSES);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
spoil_not_posted (BfLifecycleContext *ctx)
{
  ctx->notice_posted = FALSE;
}

/* The last day of the notice still belongs to it; closing it early changes nothing. */
static void
spoil_last_day (BfLifecycleContext *ctx)
{
  date_set (&ctx->today, "2026-12-05");
  ctx->notice_closed = TRUE;
}

static void
spoil_first_day (BfLifecycleContext *ctx)
{
  date_set (&ctx->today, "2026-11-29");
}

static void
spoil_no_end (BfLifecycleContext *ctx)
{
  g_date_clear (&ctx->notice_ends, 1);
}

static void
spoil_one_objection (BfLifecycleContext *ctx)
{
  ctx->open_objections = 1;
}

static void
spoil_two_objections (BfLifecycleContext *ctx)
{
  ctx->open_objections = 2;
}

/* Each way a notice holds the household, with the refusal's code and message (after the
 * notice's name). */
static const struct
{
  void (*spoil) (BfLifecycleContext *ctx);
  BfLifecycleError code;
  const char *message;
} notice_refusals[] = {
  { spoil_not_posted, BF_LIFECYCLE_ERROR_NOT_POSTED, " has not been posted." },
  { spoil_last_day, BF_LIFECYCLE_ERROR_NOTICE_RUNNING, " ends on 2026-12-05." },
  { spoil_first_day, BF_LIFECYCLE_ERROR_NOTICE_RUNNING, " ends on 2026-12-05." },
  { spoil_no_end, BF_LIFECYCLE_ERROR_MISSING, " has no end date." },
  { spoil_one_objection, BF_LIFECYCLE_ERROR_OBJECTIONS, " still has 1 open objection." },
  { spoil_two_objections, BF_LIFECYCLE_ERROR_OBJECTIONS, " still has 2 open objections." },
};

static void
test_notice_refusals (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (notice_steps); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (notice_refusals); j++)
      {
        BfLifecycleContext ctx;
        g_autofree char *message = NULL;

        message = g_strconcat (notice_steps[i].name, notice_refusals[j].message, NULL);
        ready_context (&ctx, TRUE);
        notice_refusals[j].spoil (&ctx);
        assert_refused (notice_steps[i].from, notice_steps[i].action, &ctx, notice_refusals[j].code,
                        message);
      }
}

/* A closed notice was posted. */
static void
test_notice_closed (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (notice_steps); i++)
    {
      BfLifecycleContext ctx;

      ready_context (&ctx, TRUE);
      ctx.notice_posted = FALSE;
      ctx.notice_closed = TRUE;
      g_assert_true (bf_lifecycle_apply (notice_steps[i].from, notice_steps[i].action, &ctx,
                                         &(BfStatus){ 0 }, NULL));
    }
}

/* An upheld objection rejects the household or sends it back while the notice still runs. */
static void
test_notice_reject_and_send_back (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (notice_steps); i++)
    {
      BfLifecycleContext ctx;
      BfStatus to;

      ready_context (&ctx, TRUE);
      ctx.notice_posted = FALSE;
      date_set (&ctx.today, "2026-12-01");
      ctx.open_objections = 1;
      g_assert_true (
        bf_lifecycle_apply (notice_steps[i].from, BF_ACTION_SEND_BACK, &ctx, &to, NULL));
      g_assert_true (bf_lifecycle_previous (notice_steps[i].from, TRUE, &(BfStatus){ 0 }));
      if (notice_steps[i].from != BF_STATUS_EXIT_NOTICE)
        {
          g_assert_true (
            bf_lifecycle_apply (notice_steps[i].from, BF_ACTION_REJECT, &ctx, &to, NULL));
          g_assert_cmpint (to, ==, BF_STATUS_REJECTED);
        }
    }
}

/* The notice is checked before the document number: the county decides after the notice. */
static void
test_notice_before_document (void)
{
  BfLifecycleContext ctx;

  ready_context (&ctx, TRUE);
  ctx.has_document_number = FALSE;
  date_set (&ctx.today, "2026-12-01");
  assert_refused (BF_STATUS_TOWNSHIP_NOTICE, BF_ACTION_COUNTY_APPROVE, &ctx,
                  BF_LIFECYCLE_ERROR_NOTICE_RUNNING, NULL);
}

static void
test_missing_facts (void)
{
  static const struct
  {
    BfStatus from;
    BfAction action;
    gboolean reason;
  } cases[] = {
    { BF_STATUS_SURVEYED, BF_ACTION_REJECT, TRUE },
    { BF_STATUS_TOWNSHIP_NOTICE, BF_ACTION_REJECT, TRUE },
    { BF_STATUS_VERIFIED, BF_ACTION_SEND_BACK, TRUE },
    { BF_STATUS_EXIT_ACCEPTED, BF_ACTION_SEND_BACK, TRUE },
    { BF_STATUS_TOWNSHIP_NOTICE, BF_ACTION_COUNTY_APPROVE, FALSE },
    { BF_STATUS_EXIT_ACCEPTED, BF_ACTION_APPROVE_EXIT, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BfLifecycleContext ctx;

      ready_context (&ctx, TRUE);
      if (cases[i].reason)
        ctx.has_reason = FALSE;
      else
        ctx.has_document_number = FALSE;
      assert_refused (cases[i].from, cases[i].action, &ctx, BF_LIFECYCLE_ERROR_MISSING, NULL);

      /* the other fact is not asked for */
      ready_context (&ctx, TRUE);
      if (cases[i].reason)
        ctx.has_document_number = FALSE;
      else
        ctx.has_reason = FALSE;
      g_assert_true (
        bf_lifecycle_apply (cases[i].from, cases[i].action, &ctx, &(BfStatus){ 0 }, NULL));
    }

  {
    BfLifecycleContext ctx;

    ready_context (&ctx, FALSE);
    ctx.has_document_number = FALSE;
    assert_refused (BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_COUNTY_APPROVE, &ctx,
                    BF_LIFECYCLE_ERROR_MISSING,
                    "Give the document number of the county’s approval.");
  }
}

static void
test_township_notice_setting (void)
{
  BfLifecycleContext ctx;

  ready_context (&ctx, FALSE);
  assert_refused (BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_POST_TOWNSHIP_NOTICE, &ctx,
                  BF_LIFECYCLE_ERROR_NOT_ALLOWED,
                  "The township notice is switched off in Preferences.");
  ready_context (&ctx, TRUE);
  assert_refused (BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_COUNTY_APPROVE, &ctx,
                  BF_LIFECYCLE_ERROR_NOT_ALLOWED,
                  "The township notice comes before county approval.");
  /* the village notice is checked even with the township notice off */
  ready_context (&ctx, FALSE);
  ctx.open_objections = 3;
  assert_refused (BF_STATUS_VILLAGE_NOTICE, BF_ACTION_TOWNSHIP_REVIEW, &ctx,
                  BF_LIFECYCLE_ERROR_OBJECTIONS, NULL);
}

static void
test_not_allowed_message (void)
{
  BfLifecycleContext ctx;

  ready_context (&ctx, TRUE);
  assert_refused (BF_STATUS_REGISTERED, BF_ACTION_REJECT, &ctx, BF_LIFECYCLE_ERROR_NOT_ALLOWED,
                  "“Reject” does not apply to a household in the status “Under assistance”.");
}

/* An invalid today in the context is the real today, which BANGFU_TODAY fixes. */
static void
test_today_from_environment (void)
{
  BfLifecycleContext ctx;

  ready_context (&ctx, TRUE);
  g_date_clear (&ctx.today, 1);
  g_setenv ("BANGFU_TODAY", "2026-12-05", TRUE);
  assert_refused (BF_STATUS_VILLAGE_NOTICE, BF_ACTION_TOWNSHIP_REVIEW, &ctx,
                  BF_LIFECYCLE_ERROR_NOTICE_RUNNING, "The village notice ends on 2026-12-05.");
  g_setenv ("BANGFU_TODAY", "2026-12-06", TRUE);
  g_assert_true (bf_lifecycle_apply (BF_STATUS_VILLAGE_NOTICE, BF_ACTION_TOWNSHIP_REVIEW, &ctx,
                                     &(BfStatus){ 0 }, NULL));
  g_unsetenv ("BANGFU_TODAY");
}

static void
test_context_init (void)
{
  BfLifecycleContext ctx;

  memset (&ctx, 0xff, sizeof ctx);
  bf_lifecycle_context_init (&ctx);
  g_assert_true (ctx.township_notice_enabled);
  g_assert_false (ctx.notice_posted);
  g_assert_false (ctx.notice_closed);
  g_assert_false (g_date_valid (&ctx.notice_ends));
  g_assert_false (g_date_valid (&ctx.today));
  g_assert_cmpuint (ctx.open_objections, ==, 0);
  g_assert_false (ctx.has_reason);
  g_assert_false (ctx.has_document_number);
}

static void
test_previous (void)
{
  for (int enabled = 0; enabled <= 1; enabled++)
    for (int status = 0; status < BF_N_STATUSES; status++)
      {
        const Transition *back = find_allowed (status, BF_ACTION_SEND_BACK, enabled);
        BfStatus previous = BF_N_STATUSES;

        g_assert_cmpint (bf_lifecycle_previous (status, enabled, &previous), ==, back != NULL);
        g_assert_cmpint (previous, ==, back ? back->to : BF_N_STATUSES);
      }
}

static void
test_codes (void)
{
  static const char *const status_codes[BF_N_STATUSES] = {
    "surveyed",        "verified",   "appraised", "village_notice", "township_reviewed",
    "township_notice", "registered", "rejected",  "exit_assessed",  "exit_notice",
    "exit_accepted",   "exited",     "returned",
  };
  static const char *const action_codes[BF_N_ACTIONS] = {
    "verify",
    "appraise",
    "post_village_notice",
    "township_review",
    "post_township_notice",
    "county_approve",
    "reject",
    "send_back",
    "assess_exit",
    "post_exit_notice",
    "accept_exit",
    "approve_exit",
    "return_to_poverty",
    "reidentify",
  };
  BfStatus status;
  BfAction action;

  for (int i = 0; i < BF_N_STATUSES; i++)
    {
      g_assert_cmpstr (bf_status_code (i), ==, status_codes[i]);
      g_assert_true (bf_status_from_code (status_codes[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (bf_status_label (i));
    }
  for (int i = 0; i < BF_N_ACTIONS; i++)
    {
      g_assert_cmpstr (bf_action_code (i), ==, action_codes[i]);
      g_assert_true (bf_action_from_code (action_codes[i], &action));
      g_assert_cmpint (action, ==, i);
      g_assert_nonnull (bf_action_label (i));
    }
  g_assert_false (bf_status_from_code ("Surveyed", &status));
  g_assert_false (bf_status_from_code ("", &status));
  g_assert_false (bf_status_from_code (NULL, &status));
  g_assert_false (bf_action_from_code ("approve", &action));
  g_assert_false (bf_action_from_code (NULL, &action));
  g_assert_cmpstr (bf_status_label (BF_STATUS_REGISTERED), ==, "Under assistance");
  g_assert_cmpstr (bf_action_label (BF_ACTION_COUNTY_APPROVE), ==, "County approval");
}

/* The labels and refusals reach the caseworker in Chinese, arguments in the translator's order. */
static void
test_translated (void)
{
  const char *localedir = g_getenv ("BANGFU_LOCALEDIR");
  BfLifecycleContext ctx;

  if (localedir == NULL || setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_test_skip ("no locale directory or no C.UTF-8 locale");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_strcmp0 (bf_status_label (BF_STATUS_REGISTERED), "Under assistance") == 0)
    g_test_skip ("the zh_CN catalogue is not built");
  else
    {
      g_assert_cmpstr (bf_status_label (BF_STATUS_REGISTERED), ==, "帮扶中");
      g_assert_cmpstr (bf_status_label (BF_STATUS_EXITED), ==, "已退出");
      g_assert_cmpstr (bf_status_label (BF_STATUS_TOWNSHIP_NOTICE), ==, "乡镇公示");
      ready_context (&ctx, TRUE);
      assert_refused (BF_STATUS_REGISTERED, BF_ACTION_REJECT, &ctx, BF_LIFECYCLE_ERROR_NOT_ALLOWED,
                      "状态为“帮扶中”的户不能执行“不予纳入”。");
      date_set (&ctx.today, "2026-12-05");
      assert_refused (BF_STATUS_VILLAGE_NOTICE, BF_ACTION_TOWNSHIP_REVIEW, &ctx,
                      BF_LIFECYCLE_ERROR_NOTICE_RUNNING, "村级公示于 2026-12-05 结束。");
    }
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}

/* Which review a step decides: the forward step's own, and the one a reject or send back decides
 * instead; none for the other steps. */
static void
test_review (void)
{
  gboolean exit = TRUE;

  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_SURVEYED, BF_ACTION_VERIFY, TRUE, &exit), ==,
                   BF_REVIEW_VERIFICATION);
  g_assert_false (exit);
  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_SURVEYED, BF_ACTION_REJECT, TRUE, &exit), ==,
                   BF_REVIEW_VERIFICATION);
  g_assert_cmpint (
    bf_lifecycle_review (BF_STATUS_VILLAGE_NOTICE, BF_ACTION_TOWNSHIP_REVIEW, TRUE, &exit), ==,
    BF_REVIEW_TOWNSHIP);
  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_VILLAGE_NOTICE, BF_ACTION_SEND_BACK, TRUE, &exit),
                   ==, BF_REVIEW_TOWNSHIP);
  g_assert_cmpint (
    bf_lifecycle_review (BF_STATUS_TOWNSHIP_NOTICE, BF_ACTION_COUNTY_APPROVE, TRUE, &exit), ==,
    BF_REVIEW_COUNTY);
  g_assert_false (exit);
  /* With the township notice off the county decides straight after the township's review. */
  g_assert_cmpint (
    bf_lifecycle_review (BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_REJECT, FALSE, &exit), ==,
    BF_REVIEW_COUNTY);
  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_REJECT, TRUE, &exit),
                   ==, BF_REVIEW_NONE);
  g_assert_cmpint (
    bf_lifecycle_review (BF_STATUS_EXIT_ACCEPTED, BF_ACTION_APPROVE_EXIT, TRUE, &exit), ==,
    BF_REVIEW_COUNTY);
  g_assert_true (exit);
  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_EXIT_ACCEPTED, BF_ACTION_SEND_BACK, TRUE, &exit),
                   ==, BF_REVIEW_COUNTY);
  g_assert_true (exit);

  /* Steps that decide no review, and steps that do not apply. */
  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_VERIFIED, BF_ACTION_APPRAISE, TRUE, &exit), ==,
                   BF_REVIEW_NONE);
  g_assert_false (exit);
  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_APPRAISED, BF_ACTION_REJECT, TRUE, NULL), ==,
                   BF_REVIEW_NONE);
  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_EXIT_NOTICE, BF_ACTION_ACCEPT_EXIT, TRUE, NULL),
                   ==, BF_REVIEW_NONE);
  g_assert_cmpint (bf_lifecycle_review (BF_STATUS_REGISTERED, BF_ACTION_VERIFY, TRUE, NULL), ==,
                   BF_REVIEW_NONE);
  g_assert_cmpstr (bf_review_level_code (BF_REVIEW_TOWNSHIP), ==, "township");
  g_assert_null (bf_review_level_code (BF_REVIEW_NONE));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("BANGFU_TODAY");

  g_test_add_func ("/lifecycle/transitions", test_transitions);
  g_test_add_func ("/lifecycle/full-path", test_full_path);
  g_test_add_func ("/lifecycle/notice/refusals", test_notice_refusals);
  g_test_add_func ("/lifecycle/notice/closed", test_notice_closed);
  g_test_add_func ("/lifecycle/notice/reject-and-send-back", test_notice_reject_and_send_back);
  g_test_add_func ("/lifecycle/notice/before-document", test_notice_before_document);
  g_test_add_func ("/lifecycle/missing-facts", test_missing_facts);
  g_test_add_func ("/lifecycle/township-notice-setting", test_township_notice_setting);
  g_test_add_func ("/lifecycle/not-allowed-message", test_not_allowed_message);
  g_test_add_func ("/lifecycle/today-from-environment", test_today_from_environment);
  g_test_add_func ("/lifecycle/context-init", test_context_init);
  g_test_add_func ("/lifecycle/previous", test_previous);
  g_test_add_func ("/lifecycle/codes", test_codes);
  g_test_add_func ("/lifecycle/translated", test_translated);
  g_test_add_func ("/lifecycle/review", test_review);

  return g_test_run ();
}
