/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-lifecycle.h"

#include "bf-dates.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (bf - lifecycle - error - quark, bf_lifecycle_error)

typedef struct
{
  const char *code; /* stored in households.status and workflow_events */
  const char *label;
} Name;

static const Name statuses[BF_N_STATUSES] = {
  [BF_STATUS_SURVEYED] = { "surveyed", N_ ("Surveyed") },
  [BF_STATUS_VERIFIED] = { "verified", N_ ("Verified") },
  [BF_STATUS_APPRAISED] = { "appraised", N_ ("Appraised") },
  [BF_STATUS_VILLAGE_NOTICE] = { "village_notice", N_ ("Village notice") },
  [BF_STATUS_TOWNSHIP_REVIEWED] = { "township_reviewed", N_ ("Township reviewed") },
  [BF_STATUS_TOWNSHIP_NOTICE] = { "township_notice", N_ ("Township notice") },
  [BF_STATUS_REGISTERED] = { "registered", N_ ("Under assistance") },
  [BF_STATUS_REJECTED] = { "rejected", N_ ("Not included") },
  [BF_STATUS_EXIT_ASSESSED] = { "exit_assessed", N_ ("Exit assessed") },
  [BF_STATUS_EXIT_NOTICE] = { "exit_notice", N_ ("Exit notice") },
  [BF_STATUS_EXIT_ACCEPTED] = { "exit_accepted", N_ ("Exit accepted") },
  [BF_STATUS_EXITED] = { "exited", N_ ("Exited") },
  [BF_STATUS_RETURNED] = { "returned", N_ ("Returned to poverty") },
};

static const Name actions[BF_N_ACTIONS] = {
  [BF_ACTION_VERIFY] = { "verify", N_ ("Verify") },
  [BF_ACTION_APPRAISE] = { "appraise", N_ ("Record appraisal") },
  [BF_ACTION_POST_VILLAGE_NOTICE] = { "post_village_notice", N_ ("Post village notice") },
  [BF_ACTION_TOWNSHIP_REVIEW] = { "township_review", N_ ("Township review") },
  [BF_ACTION_POST_TOWNSHIP_NOTICE] = { "post_township_notice", N_ ("Post township notice") },
  [BF_ACTION_COUNTY_APPROVE] = { "county_approve", N_ ("County approval") },
  [BF_ACTION_REJECT] = { "reject", N_ ("Reject") },
  [BF_ACTION_SEND_BACK] = { "send_back", N_ ("Send back") },
  [BF_ACTION_ASSESS_EXIT] = { "assess_exit", N_ ("Assess exit") },
  [BF_ACTION_POST_EXIT_NOTICE] = { "post_exit_notice", N_ ("Post exit notice") },
  [BF_ACTION_ACCEPT_EXIT] = { "accept_exit", N_ ("Accept exit") },
  [BF_ACTION_APPROVE_EXIT] = { "approve_exit", N_ ("Approve exit") },
  [BF_ACTION_RETURN_TO_POVERTY] = { "return_to_poverty", N_ ("Return to poverty") },
  [BF_ACTION_REIDENTIFY] = { "reidentify", N_ ("Re-identify") },
};

/* The forward steps of docs/domain.md §4. REJECT and SEND_BACK are rules, not single steps. */
static const struct
{
  BfAction action;
  BfStatus from;
  BfStatus to;
} steps[] = {
  { BF_ACTION_VERIFY, BF_STATUS_SURVEYED, BF_STATUS_VERIFIED },
  { BF_ACTION_APPRAISE, BF_STATUS_VERIFIED, BF_STATUS_APPRAISED },
  { BF_ACTION_POST_VILLAGE_NOTICE, BF_STATUS_APPRAISED, BF_STATUS_VILLAGE_NOTICE },
  { BF_ACTION_TOWNSHIP_REVIEW, BF_STATUS_VILLAGE_NOTICE, BF_STATUS_TOWNSHIP_REVIEWED },
  { BF_ACTION_POST_TOWNSHIP_NOTICE, BF_STATUS_TOWNSHIP_REVIEWED, BF_STATUS_TOWNSHIP_NOTICE },
  { BF_ACTION_COUNTY_APPROVE, BF_STATUS_TOWNSHIP_NOTICE, BF_STATUS_REGISTERED },
  { BF_ACTION_COUNTY_APPROVE, BF_STATUS_TOWNSHIP_REVIEWED, BF_STATUS_REGISTERED },
  { BF_ACTION_ASSESS_EXIT, BF_STATUS_REGISTERED, BF_STATUS_EXIT_ASSESSED },
  { BF_ACTION_POST_EXIT_NOTICE, BF_STATUS_EXIT_ASSESSED, BF_STATUS_EXIT_NOTICE },
  { BF_ACTION_ACCEPT_EXIT, BF_STATUS_EXIT_NOTICE, BF_STATUS_EXIT_ACCEPTED },
  { BF_ACTION_APPROVE_EXIT, BF_STATUS_EXIT_ACCEPTED, BF_STATUS_EXITED },
  { BF_ACTION_RETURN_TO_POVERTY, BF_STATUS_EXITED, BF_STATUS_RETURNED },
  { BF_ACTION_REIDENTIFY, BF_STATUS_RETURNED, BF_STATUS_SURVEYED },
  { BF_ACTION_REIDENTIFY, BF_STATUS_REJECTED, BF_STATUS_SURVEYED },
};

void
bf_lifecycle_context_init (BfLifecycleContext *ctx)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->township_notice_enabled = TRUE;
  g_date_clear (&ctx->notice_ends, 1);
  g_date_clear (&ctx->today, 1);
}

static gboolean
name_from_code (const Name *names, int n_names, const char *code, int *value)
{
  if (code == NULL)
    return FALSE;
  for (int i = 0; i < n_names; i++)
    if (strcmp (names[i].code, code) == 0)
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

const char *
bf_status_code (BfStatus status)
{
  g_return_val_if_fail (status < BF_N_STATUSES, NULL);
  return statuses[status].code;
}

gboolean
bf_status_from_code (const char *code, BfStatus *status)
{
  int value;

  if (!name_from_code (statuses, BF_N_STATUSES, code, &value))
    return FALSE;
  *status = (BfStatus) value;
  return TRUE;
}

const char *
bf_status_label (BfStatus status)
{
  g_return_val_if_fail (status < BF_N_STATUSES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, statuses[status].label);
}

const char *
bf_action_code (BfAction action)
{
  g_return_val_if_fail (action < BF_N_ACTIONS, NULL);
  return actions[action].code;
}

gboolean
bf_action_from_code (const char *code, BfAction *action)
{
  int value;

  if (!name_from_code (actions, BF_N_ACTIONS, code, &value))
    return FALSE;
  *action = (BfAction) value;
  return TRUE;
}

const char *
bf_action_label (BfAction action)
{
  g_return_val_if_fail (action < BF_N_ACTIONS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, actions[action].label);
}

static gboolean
is_identification (BfStatus status)
{
  return status >= BF_STATUS_SURVEYED && status <= BF_STATUS_TOWNSHIP_NOTICE;
}

gboolean
bf_lifecycle_previous (BfStatus status, gboolean township_notice_enabled, BfStatus *previous)
{
  /* A registered or exited household was decided by the county: the township cannot send it
   * back; a wrong identification is corrected by a dynamic adjustment instead. */
  switch (status)
    {
      case BF_STATUS_VERIFIED:
      case BF_STATUS_APPRAISED:
      case BF_STATUS_VILLAGE_NOTICE:
      case BF_STATUS_TOWNSHIP_REVIEWED:
      case BF_STATUS_TOWNSHIP_NOTICE:
      case BF_STATUS_EXIT_NOTICE:
      case BF_STATUS_EXIT_ACCEPTED:
        *previous = (BfStatus) (status - 1);
        return TRUE;
      case BF_STATUS_EXIT_ASSESSED:
        *previous = BF_STATUS_REGISTERED;
        return TRUE;
      default:
        return FALSE;
    }
}

/* Where @action leads from @from, by the structure of the paths alone. */
static gboolean
target (BfStatus from, BfAction action, gboolean township_notice_enabled, BfStatus *to)
{
  g_return_val_if_fail (from < BF_N_STATUSES && action < BF_N_ACTIONS, FALSE);

  if (action == BF_ACTION_REJECT)
    {
      *to = BF_STATUS_REJECTED;
      return is_identification (from);
    }
  if (action == BF_ACTION_SEND_BACK)
    return bf_lifecycle_previous (from, township_notice_enabled, to);

  /* The setting chooses between the township notice and going straight to the county; a
   * household already on a township notice may still finish it. */
  if (action == BF_ACTION_POST_TOWNSHIP_NOTICE && !township_notice_enabled)
    return FALSE;
  if (action == BF_ACTION_COUNTY_APPROVE && from == BF_STATUS_TOWNSHIP_REVIEWED &&
      township_notice_enabled)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].action == action && steps[i].from == from)
      {
        *to = steps[i].to;
        return TRUE;
      }
  return FALSE;
}

gboolean
bf_lifecycle_action_applies (BfStatus from, BfAction action, gboolean township_notice_enabled)
{
  BfStatus to;

  return target (from, action, township_notice_enabled, &to);
}

static const char *
notice_name (BfStatus status)
{
  switch (status)
    {
      case BF_STATUS_VILLAGE_NOTICE:
        return _ ("The village notice");
      case BF_STATUS_TOWNSHIP_NOTICE:
        return _ ("The township notice");
      case BF_STATUS_EXIT_NOTICE:
        return _ ("The exit notice");
      default:
        return NULL;
    }
}

/* Moving on from a notice status waits for the notice to be posted, to run its whole period and
 * to have every objection decided. */
static gboolean
check_notice (BfStatus from, const BfLifecycleContext *ctx, GError **error)
{
  const char *name = notice_name (from);
  g_autofree char *ends = NULL;
  GDate today;

  if (!ctx->notice_posted && !ctx->notice_closed)
    {
      g_set_error (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_NOT_POSTED,
                   _ ("%s has not been posted."), name);
      return FALSE;
    }
  if (!g_date_valid (&ctx->notice_ends))
    {
      g_set_error (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_MISSING, _ ("%s has no end date."),
                   name);
      return FALSE;
    }

  if (g_date_valid (&ctx->today))
    today = ctx->today;
  else
    bf_date_today (&today);
  if (g_date_compare (&today, &ctx->notice_ends) <= 0)
    {
      ends = bf_date_format (&ctx->notice_ends);
      g_set_error (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_NOTICE_RUNNING,
                   _ ("%s ends on %s."), name, ends);
      return FALSE;
    }

  if (ctx->open_objections > 0)
    {
      g_set_error (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_OBJECTIONS,
                   g_dngettext (GETTEXT_PACKAGE, "%s still has %u open objection.",
                                "%s still has %u open objections.", ctx->open_objections),
                   name, ctx->open_objections);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_facts (BfAction action, const BfLifecycleContext *ctx, GError **error)
{
  const char *missing = NULL;

  switch (action)
    {
      case BF_ACTION_REJECT:
        if (!ctx->has_reason)
          missing = _ ("Give the reason for not including the household.");
        break;
      case BF_ACTION_SEND_BACK:
        if (!ctx->has_reason)
          missing = _ ("Give the reason for sending the household back.");
        break;
      case BF_ACTION_COUNTY_APPROVE:
      case BF_ACTION_APPROVE_EXIT:
        if (!ctx->has_document_number)
          missing = _ ("Give the document number of the county’s approval.");
        break;
      default:
        break;
    }

  if (missing != NULL)
    {
      g_set_error_literal (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_MISSING, missing);
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_lifecycle_apply (BfStatus from,
                    BfAction action,
                    const BfLifecycleContext *ctx,
                    BfStatus *to,
                    GError **error)
{
  BfStatus next;

  g_return_val_if_fail (from < BF_N_STATUSES, FALSE);
  g_return_val_if_fail (action < BF_N_ACTIONS, FALSE);
  g_return_val_if_fail (ctx != NULL, FALSE);

  if (!target (from, action, ctx->township_notice_enabled, &next))
    {
      if (action == BF_ACTION_POST_TOWNSHIP_NOTICE && from == BF_STATUS_TOWNSHIP_REVIEWED)
        g_set_error_literal (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_NOT_ALLOWED,
                             _ ("The township notice is switched off in Preferences."));
      else if (action == BF_ACTION_COUNTY_APPROVE && from == BF_STATUS_TOWNSHIP_REVIEWED)
        g_set_error_literal (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_NOT_ALLOWED,
                             _ ("The township notice comes before county approval."));
      else
        g_set_error (error, BF_LIFECYCLE_ERROR, BF_LIFECYCLE_ERROR_NOT_ALLOWED,
                     _ ("“%s” does not apply to a household in the status “%s”."),
                     bf_action_label (action), bf_status_label (from));
      return FALSE;
    }

  /* Only the forward step waits for the notice: an upheld objection rejects the household or
   * sends it back while the notice is still up (docs/domain.md §5). */
  if (notice_name (from) != NULL && action != BF_ACTION_REJECT && action != BF_ACTION_SEND_BACK &&
      !check_notice (from, ctx, error))
    return FALSE;
  if (!check_facts (action, ctx, error))
    return FALSE;

  *to = next;
  return TRUE;
}

static BfReviewLevel
review_of (BfAction action, gboolean *exit)
{
  *exit = action == BF_ACTION_APPROVE_EXIT;
  switch (action)
    {
      case BF_ACTION_VERIFY:
        return BF_REVIEW_VERIFICATION;
      case BF_ACTION_TOWNSHIP_REVIEW:
        return BF_REVIEW_TOWNSHIP;
      case BF_ACTION_COUNTY_APPROVE:
      case BF_ACTION_APPROVE_EXIT:
        return BF_REVIEW_COUNTY;
      default:
        return BF_REVIEW_NONE;
    }
}

BfReviewLevel
bf_lifecycle_review (BfStatus from,
                     BfAction action,
                     gboolean township_notice_enabled,
                     gboolean *exit)
{
  static const BfAction decided[] = { BF_ACTION_VERIFY, BF_ACTION_TOWNSHIP_REVIEW,
                                      BF_ACTION_COUNTY_APPROVE, BF_ACTION_APPROVE_EXIT };
  gboolean ignored;

  g_return_val_if_fail (from < BF_N_STATUSES && action < BF_N_ACTIONS, BF_REVIEW_NONE);

  if (exit == NULL)
    exit = &ignored;
  *exit = FALSE;
  if (!bf_lifecycle_action_applies (from, action, township_notice_enabled))
    return BF_REVIEW_NONE;
  if (action != BF_ACTION_REJECT && action != BF_ACTION_SEND_BACK)
    return review_of (action, exit);
  /* Not including or sending back decides the review the household is waiting for. */
  for (gsize i = 0; i < G_N_ELEMENTS (decided); i++)
    if (bf_lifecycle_action_applies (from, decided[i], township_notice_enabled))
      return review_of (decided[i], exit);
  return BF_REVIEW_NONE;
}

const char *
bf_review_level_code (BfReviewLevel level)
{
  switch (level)
    {
      case BF_REVIEW_VERIFICATION:
        return "verification";
      case BF_REVIEW_TOWNSHIP:
        return "township";
      case BF_REVIEW_COUNTY:
        return "county";
      case BF_REVIEW_NONE:
      default:
        return NULL;
    }
}
