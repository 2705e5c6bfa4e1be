/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-store-notices-private.h"
#include "bf-store-workflow-private.h"
#include "bf-store-workflow.h"

/* Longest title, reason and own paragraph: what a notice board shows, and what the printed sheet
 * lays out quickly. */
#define MAX_TITLE_CHARS  200
#define MAX_REASON_CHARS 200
#define MAX_BODY_CHARS   2000

/* ---------------------------------------------------------------------------------------------
 * Records
 */

BfNoticeItem *
bf_notice_item_new (void)
{
  return g_new0 (BfNoticeItem, 1);
}

void
bf_notice_item_free (BfNoticeItem *item)
{
  if (item == NULL)
    return;
  g_free (item->household_number);
  g_free (item->head_name);
  g_free (item->village_name);
  g_free (item->group_name);
  g_free (item->status);
  g_free (item->head_id_masked);
  for (guint i = 0; i < G_N_ELEMENTS (item->causes); i++)
    g_free (item->causes[i]);
  g_free (item->reason);
  g_free (item->removed_on);
  g_free (item->removed_reason);
  g_free (item);
}

BfNotice *
bf_notice_new (void)
{
  BfNotice *notice = g_new0 (BfNotice, 1);

  notice->items = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_notice_item_free);
  return notice;
}

void
bf_notice_free (BfNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->uuid);
  g_free (notice->kind);
  g_free (notice->village_name);
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice->starts_on);
  g_free (notice->ends_on);
  g_free (notice->issuing_body);
  g_free (notice->supervision_phone);
  g_free (notice->posting_place);
  g_free (notice->state);
  g_free (notice->posted_on);
  g_free (notice->closed_on);
  g_free (notice->created_at);
  g_clear_pointer (&notice->items, g_ptr_array_unref);
  g_free (notice);
}

BfObjection *
bf_objection_new (void)
{
  return g_new0 (BfObjection, 1);
}

void
bf_objection_free (BfObjection *objection)
{
  if (objection == NULL)
    return;
  g_free (objection->uuid);
  g_free (objection->household_number);
  g_free (objection->head_name);
  g_free (objection->received_on);
  g_free (objection->complainant);
  g_free (objection->content);
  g_free (objection->verification);
  g_free (objection->result);
  g_free (objection->consequence);
  g_free (objection->decided_on);
  g_free (objection);
}

/* ---------------------------------------------------------------------------------------------
 * Shared helpers
 */

void
_bf_notices_household_error (GError **error,
                             const char *number,
                             const char *head_name,
                             const char *message)
{
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("Household %s (%s): %s"),
               number ? number : "?", head_name ? head_name : "", message);
}

gboolean
_bf_notices_transition (BfStore *self,
                        gint64 household_id,
                        BfAction action,
                        const BfTransitionFacts *facts,
                        GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;

  if (_bf_store_transition (self, household_id, action, facts, &local))
    return TRUE;

  /* A batch names the household that stopped it, keeping the lifecycle's code and reason. */
  stmt = _bf_store_prepare (self, "SELECT number, head_name FROM households WHERE id = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, household_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_set_error (error, local->domain, local->code, _ ("Household %s (%s): %s"),
                       (const char *) sqlite3_column_text (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1), local->message);
          return FALSE;
        }
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* ---------------------------------------------------------------------------------------------
 * Kinds and settings
 */

gboolean
bf_notice_kind_step (const char *kind, BfStatus *status, BfAction *post_action)
{
  static const struct
  {
    const char *kind;
    BfStatus status;
    BfAction post_action;
  } steps[] = {
    { "village_identification", BF_STATUS_APPRAISED, BF_ACTION_POST_VILLAGE_NOTICE },
    { "township", BF_STATUS_TOWNSHIP_REVIEWED, BF_ACTION_POST_TOWNSHIP_NOTICE },
    { "county", BF_STATUS_REGISTERED, BF_N_ACTIONS },
    { "exit", BF_STATUS_EXIT_ASSESSED, BF_ACTION_POST_EXIT_NOTICE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (steps[i].kind, kind) == 0)
      {
        if (status != NULL)
          *status = steps[i].status;
        if (post_action != NULL)
          *post_action = steps[i].post_action;
        return TRUE;
      }
  return FALSE;
}

static guint
minimum_days (BfStore *self)
{
  return _bf_setting_uint (self, BF_SETTING_NOTICE_MIN_DAYS, 366, 7);
}

static gboolean
township_notice_enabled (BfStore *self)
{
  g_autofree char *value = bf_store_setting_get (self, BF_SETTING_TOWNSHIP_NOTICE);

  return g_strcmp0 (value, "0") != 0;
}

static char *
village_name (BfStore *self, gint64 village_id)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  if (village_id == 0)
    return NULL;
  stmt = _bf_store_prepare (self, "SELECT name FROM villages WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, village_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _bf_column_dup (stmt, 0);
}

/* Titles are the wording of the printed form (Chinese whatever the desktop's language, like the
 * rest of the sheet: see src/report/bf-notice-page.c); the caseworker may edit them. */
static char *
default_title (BfStore *self, const char *kind, const char *village)
{
  const char *township = bf_store_get_township (self);

  if (g_strcmp0 (kind, "village_identification") == 0)
    return g_strdup_printf ("%s脱贫攻坚重点人员识别公示", village ? village : township);
  if (g_strcmp0 (kind, "township") == 0)
    return g_strdup_printf ("%s%s脱贫攻坚重点人员识别公示", township, village ? village : "");
  if (g_strcmp0 (kind, "county") == 0)
    return g_strdup_printf ("%s%s%s脱贫攻坚重点人员识别公告", bf_store_get_county (self), township,
                            village ? village : "");
  return g_strdup_printf ("%s脱贫攻坚重点人员退出公示", village ? village : township);
}

static gboolean
check_kind (BfStore *self, const char *kind, gint64 village_id, GError **error)
{
  if (!bf_code_is_valid (BF_CODES_NOTICE_KIND, kind) || !bf_notice_kind_step (kind, NULL, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("“%s” is not a kind of notice."), kind ? kind : "");
      return FALSE;
    }
  if (g_strcmp0 (kind, "village_identification") == 0 && village_id == 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("A village notice needs its village."));
      return FALSE;
    }
  if (g_strcmp0 (kind, "township") == 0 && !township_notice_enabled (self))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("The township notice is switched off in Preferences."));
      return FALSE;
    }
  return village_id == 0 || _bf_village_exists (self, village_id, error);
}

/* ---------------------------------------------------------------------------------------------
 * Reading
 */

#define ITEM_COLUMNS                                                                               \
  "h.id, h.number, h.head_name, v.name, g.name, h.member_count, h.status, h.primary_cause, "       \
  "h.other_cause_1, h.other_cause_2, (SELECT m.id_number FROM members m WHERE m.household_id = "   \
  "h.id AND m.relation = 'head' AND m.deleted_at IS NULL)"
#define ITEM_JOINS                                                                                 \
  " JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id "

/* Fills the household part of @item from ITEM_COLUMNS starting at @col. The head's ID number is
 * masked here: the full number never leaves the store through a notice. */
static void
read_item_household (sqlite3_stmt *stmt, int col, BfNoticeItem *item)
{
  const char *id_number;

  item->household_id = sqlite3_column_int64 (stmt, col);
  item->household_number = _bf_column_dup (stmt, col + 1);
  item->head_name = _bf_column_dup (stmt, col + 2);
  item->village_name = _bf_column_dup (stmt, col + 3);
  item->group_name = _bf_column_dup (stmt, col + 4);
  item->member_count = sqlite3_column_int (stmt, col + 5);
  item->status = _bf_column_dup (stmt, col + 6);
  for (int i = 0; i < 3; i++)
    item->causes[i] = _bf_column_dup (stmt, col + 7 + i);
  id_number = (const char *) sqlite3_column_text (stmt, col + 10);
  item->head_id_masked = id_number != NULL ? bf_id_number_mask (id_number) : NULL;
}

#define NOTICE_COLUMNS                                                                             \
  "n.id, n.uuid, n.kind, coalesce(n.village_id, 0), v.name, n.title, n.body, n.starts_on, "        \
  "n.ends_on, n.issuing_body, n.supervision_phone, n.posting_place, n.state, n.posted_on, "        \
  "n.closed_on, n.created_at, (SELECT count(*) FROM notice_items i WHERE i.notice_id = n.id AND "  \
  "i.deleted_at IS NULL AND i.removed_on IS NULL), (SELECT count(*) FROM objections o WHERE "      \
  "o.notice_id = n.id AND o.deleted_at IS NULL), (SELECT count(*) FROM objections o WHERE "        \
  "o.notice_id = n.id AND o.deleted_at IS NULL AND o.result = 'pending')"

static BfNotice *
read_notice (sqlite3_stmt *stmt)
{
  BfNotice *notice = bf_notice_new ();

  g_clear_pointer (&notice->items, g_ptr_array_unref);
  notice->id = sqlite3_column_int64 (stmt, 0);
  notice->uuid = _bf_column_dup (stmt, 1);
  notice->kind = _bf_column_dup (stmt, 2);
  notice->village_id = sqlite3_column_int64 (stmt, 3);
  notice->village_name = _bf_column_dup (stmt, 4);
  notice->title = _bf_column_dup (stmt, 5);
  notice->body = _bf_column_dup (stmt, 6);
  notice->starts_on = _bf_column_dup (stmt, 7);
  notice->ends_on = _bf_column_dup (stmt, 8);
  notice->issuing_body = _bf_column_dup (stmt, 9);
  notice->supervision_phone = _bf_column_dup (stmt, 10);
  notice->posting_place = _bf_column_dup (stmt, 11);
  notice->state = _bf_column_dup (stmt, 12);
  notice->posted_on = _bf_column_dup (stmt, 13);
  notice->closed_on = _bf_column_dup (stmt, 14);
  notice->created_at = _bf_column_dup (stmt, 15);
  notice->n_households = (guint) sqlite3_column_int64 (stmt, 16);
  notice->n_objections = (guint) sqlite3_column_int64 (stmt, 17);
  notice->n_open_objections = (guint) sqlite3_column_int64 (stmt, 18);
  return notice;
}

static BfNoticeItem *
read_item (sqlite3_stmt *stmt)
{
  BfNoticeItem *item = bf_notice_item_new ();

  item->id = sqlite3_column_int64 (stmt, 0);
  item->position = sqlite3_column_int (stmt, 1);
  item->reason = _bf_column_dup (stmt, 2);
  item->removed_on = _bf_column_dup (stmt, 3);
  item->removed_reason = _bf_column_dup (stmt, 4);
  read_item_household (stmt, 5, item);
  return item;
}

gboolean
_bf_notices_read_items (BfStore *self, BfNotice *notice, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  stmt = _bf_store_prepare (
    self,
    "SELECT i.id, i.position, i.reason, i.removed_on, i.removed_reason, " ITEM_COLUMNS
    " FROM notice_items i JOIN households h ON h.id = "
    "i.household_id" ITEM_JOINS "WHERE i.notice_id = ? AND i.deleted_at IS "
    "NULL ORDER BY i.position, i.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, notice->id);
  g_clear_pointer (&notice->items, g_ptr_array_unref);
  notice->items =
    _bf_rows_read (self, stmt, (BfRowRead) read_item, (GDestroyNotify) bf_notice_item_free, error);
  return notice->items != NULL;
}

BfNotice *
_bf_notices_load_row (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  stmt = _bf_store_prepare (self,
                            "SELECT " NOTICE_COLUMNS " FROM notices n LEFT JOIN villages v ON v.id "
                            "= n.village_id WHERE n.id = ? AND n.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return _bf_row_read_one (self, stmt, (BfRowRead) read_notice,
                           _ ("The notice does not exist or was deleted."), error);
}

BfNotice *
bf_store_notice_get (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfNotice) notice = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  notice = _bf_notices_load_row (self, id, error);
  if (notice == NULL || !_bf_notices_read_items (self, notice, error))
    return NULL;
  return g_steal_pointer (&notice);
}

GPtrArray *
bf_store_list_notices (BfStore *self, const BfNoticeQuery *query, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  BfNoticeQuery all = { 0 };

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  if (query == NULL)
    query = &all;

  stmt = _bf_store_prepare (
    self,
    "SELECT " NOTICE_COLUMNS " FROM notices n LEFT JOIN villages v ON v.id = n.village_id WHERE "
    "n.deleted_at IS NULL AND (?1 IS NULL OR n.kind = ?1) AND (?2 IS NULL OR n.state = ?2) AND "
    "(?3 = 0 OR (?3 = -1 AND n.village_id IS NULL) OR n.village_id = ?3) AND (?4 IS NULL OR "
    "instr(n.title, ?4) > 0) ORDER BY n.starts_on DESC, n.id DESC",
    error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, query->kind);
  _bf_bind_text (stmt, 2, query->state);
  sqlite3_bind_int64 (stmt, 3, query->village_id);
  _bf_bind_text (stmt, 4, !_bf_is_blank (query->text) ? query->text : NULL);
  return _bf_rows_read (self, stmt, (BfRowRead) read_notice, (GDestroyNotify) bf_notice_free,
                        error);
}

/* ---------------------------------------------------------------------------------------------
 * Drafts
 */

/* Households at @kind's step in @village_id (0: any) on no open notice of the kind other than
 * @except; for the county's 公告, approved since their last 公告. @household_id 0: all of them,
 * else only that one (a check). By village and group, then as the village orders its notices
 * (bf_store_village_set_notice_order()): by number, or by the head's name in pinyin order. */
static sqlite3_stmt *
candidates_stmt (BfStore *self,
                 const char *kind,
                 gint64 village_id,
                 gint64 except,
                 gint64 household_id,
                 GError **error)
{
  sqlite3_stmt *stmt;
  BfStatus status;

  bf_notice_kind_step (kind, &status, NULL);
  stmt = _bf_store_prepare (
    self,
    "SELECT " ITEM_COLUMNS " FROM households h" ITEM_JOINS
    "WHERE h.deleted_at IS NULL AND h.status = ?1 AND (?2 = 0 OR h.village_id = ?2) AND (?5 = 0 "
    "OR h.id = ?5) AND NOT EXISTS (SELECT 1 FROM notice_items i JOIN notices n ON n.id = "
    "i.notice_id WHERE i.household_id = h.id AND n.kind = ?3 AND n.id <> ?4 AND i.deleted_at IS "
    "NULL AND i.removed_on IS NULL AND n.deleted_at IS NULL AND (n.state <> 'closed' OR (?3 = "
    "'county' AND n.starts_on >= (SELECT max(e.event_date) FROM workflow_events e WHERE "
    "e.household_id = h.id AND e.action = 'county_approve' AND e.deleted_at IS NULL)))) AND (?3 "
    "<> 'county' OR EXISTS (SELECT 1 FROM workflow_events e WHERE e.household_id = h.id AND "
    "e.action = 'county_approve' AND e.deleted_at IS NULL)) ORDER BY v.sort_order, g.sort_order, "
    "CASE v.notice_order WHEN 'head' THEN h.head_key END, h.number",
    error);
  if (stmt == NULL)
    return NULL;
  _bf_bind_text (stmt, 1, bf_status_code (status));
  sqlite3_bind_int64 (stmt, 2, village_id);
  _bf_bind_text (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, except);
  sqlite3_bind_int64 (stmt, 5, household_id);
  return stmt;
}

static BfNoticeItem *
read_candidate (sqlite3_stmt *stmt)
{
  BfNoticeItem *item = bf_notice_item_new ();

  read_item_household (stmt, 0, item);
  return item;
}

BfNotice *
bf_store_notice_prepare (BfStore *self,
                         const char *kind,
                         gint64 village_id,
                         const char *starts_on,
                         GError **error)
{
  g_autoptr (BfNotice) notice = bf_notice_new ();
  g_autoptr (BfCachedStmt) stmt = NULL;
  guint days;
  GDate start, end;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  if (!check_kind (self, kind, village_id, error))
    return NULL;
  if (starts_on == NULL)
    bf_date_today (&start);
  else if (!bf_date_parse (starts_on, &start, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The first day “%s” is not a date (YYYY-MM-DD)."), starts_on);
      return NULL;
    }
  days = MAX (_bf_setting_uint (self, BF_SETTING_NOTICE_DAYS, 366, 7), minimum_days (self));
  bf_notice_period_end (&start, days, &end);

  notice->kind = g_strdup (kind);
  notice->village_id = village_id;
  notice->village_name = village_name (self, village_id);
  notice->title = default_title (self, kind, notice->village_name);
  notice->starts_on = bf_date_format (&start);
  notice->ends_on = bf_date_format (&end);
  notice->state = g_strdup ("draft");
  /* The village committee posts its own notices; the township the others. */
  if (notice->village_name != NULL &&
      (g_str_equal (kind, "village_identification") || g_str_equal (kind, "exit")))
    notice->issuing_body = g_strdup_printf ("%s村民委员会", notice->village_name);
  else
    notice->issuing_body = bf_store_setting_get (self, BF_SETTING_NOTICE_ISSUER);
  notice->supervision_phone = bf_store_setting_get (self, BF_SETTING_SUPERVISION_PHONE);

  stmt = candidates_stmt (self, kind, village_id, 0, 0, error);
  if (stmt == NULL)
    return NULL;
  g_clear_pointer (&notice->items, g_ptr_array_unref);
  notice->items = _bf_rows_read (self, stmt, (BfRowRead) read_candidate,
                                 (GDestroyNotify) bf_notice_item_free, error);
  if (notice->items == NULL)
    return NULL;
  for (guint i = 0; i < notice->items->len; i++)
    ((BfNoticeItem *) g_ptr_array_index (notice->items, i))->position = (int) i + 1;
  notice->n_households = notice->items->len;
  return g_steal_pointer (&notice);
}

static gboolean
check_text_length (const char *text, guint max, const char *what, GError **error)
{
  if (text != NULL && g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= max)
    return TRUE;
  if (text == NULL)
    return TRUE;
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
               _ ("%s is longer than %u characters."), what, max);
  return FALSE;
}

static gboolean
validate_period (BfStore *self, const BfNotice *notice, GError **error)
{
  GDate start, end;
  guint days, minimum = minimum_days (self);

  if (!bf_date_parse (notice->starts_on, &start, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The notice needs a first day (YYYY-MM-DD)."));
      return FALSE;
    }
  if (!bf_date_parse (notice->ends_on, &end, NULL))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The notice needs a last day (YYYY-MM-DD)."));
      return FALSE;
    }
  if (g_date_compare (&end, &start) < 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The notice ends (%s) before it starts (%s)."), notice->ends_on,
                   notice->starts_on);
      return FALSE;
    }
  days = (guint) g_date_days_between (&start, &end) + 1;
  if (days < minimum)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The notice runs %u days; it must run at least %u day.",
                                "The notice runs %u days; it must run at least %u days.", minimum),
                   days, minimum);
      return FALSE;
    }
  return TRUE;
}

/* Whether @household_id may go on @notice: it is at the kind's step, in the notice's village and
 * on no other open notice of the kind. */
static gboolean
check_candidate (BfStore *self, const BfNotice *notice, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (BfCachedStmt) who = NULL;
  BfStatus status;

  stmt = candidates_stmt (self, notice->kind, notice->village_id, notice->id, household_id, error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  who = _bf_store_prepare (self,
                           "SELECT number, head_name, status, village_id FROM households WHERE id "
                           "= ? AND deleted_at IS NULL",
                           error);
  if (who == NULL)
    return FALSE;
  sqlite3_bind_int64 (who, 1, household_id);
  if (!_bf_step_row (self, who, _ ("A household on the notice does not exist or was deleted."),
                     error))
    return FALSE;
  bf_notice_kind_step (notice->kind, &status, NULL);
  {
    const char *number = (const char *) sqlite3_column_text (who, 0);
    const char *head = (const char *) sqlite3_column_text (who, 1);
    BfStatus current;
    g_autofree char *message = NULL;

    if (!bf_status_from_code ((const char *) sqlite3_column_text (who, 2), &current) ||
        current != status)
      message =
        g_strdup_printf (_ ("it is not at the step “%s” but “%s”."), bf_status_label (status),
                         bf_status_from_code ((const char *) sqlite3_column_text (who, 2), &current)
                           ? bf_status_label (current)
                           : (const char *) sqlite3_column_text (who, 2));
    else if (notice->village_id != 0 && sqlite3_column_int64 (who, 3) != notice->village_id)
      message = g_strdup (_ ("it is in another village."));
    else if (g_str_equal (notice->kind, "county"))
      message = g_strdup (_ ("it is already on a county announcement since its approval."));
    else
      message = g_strdup (_ ("it is already on another open notice of this kind."));
    _bf_notices_household_error (error, number, head, message);
  }
  return FALSE;
}

typedef struct
{
  gint64 id;
  gint64 household_id;
  char *uuid;
  int position;
  char *reason;
  gboolean kept; /* still on the notice after the save */
} OldItem;

static void
old_item_free (OldItem *item)
{
  g_free (item->uuid);
  g_free (item->reason);
  g_free (item);
}

static OldItem *
read_old_item (sqlite3_stmt *stmt)
{
  OldItem *item = g_new0 (OldItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->household_id = sqlite3_column_int64 (stmt, 1);
  item->uuid = _bf_column_dup (stmt, 2);
  item->position = sqlite3_column_int (stmt, 3);
  item->reason = _bf_column_dup (stmt, 4);
  return item;
}

/* The live items of notice @notice_id. */
static GPtrArray *
load_old_items (BfStore *self, gint64 notice_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  stmt = _bf_store_prepare (self,
                            "SELECT id, household_id, uuid, position, reason FROM notice_items "
                            "WHERE notice_id = ? AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  return _bf_rows_read (self, stmt, (BfRowRead) read_old_item, (GDestroyNotify) old_item_free,
                        error);
}

static gboolean
insert_item (BfStore *self, gint64 notice_id, BfNoticeItem *item, const char *now, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *uuid = _bf_uuid_new ();
  JsonObject *changes;

  stmt = _bf_store_prepare (self,
                            "INSERT INTO notice_items (uuid, notice_id, household_id, position, "
                            "reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, notice_id);
  sqlite3_bind_int64 (stmt, 3, item->household_id);
  sqlite3_bind_int (stmt, 4, item->position);
  _bf_bind_text (stmt, 5, item->reason);
  _bf_bind_text (stmt, 6, now);
  _bf_bind_text (stmt, 7, now);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the notice"), error))
    return FALSE;
  item->id = sqlite3_last_insert_rowid (_bf_store_db (self));
  changes = json_object_new ();
  _bf_changes_add_int (changes, "notice_id", 0, notice_id);
  _bf_changes_add_int (changes, "household_id", 0, item->household_id);
  _bf_changes_add_int (changes, "position", 0, item->position);
  if (item->reason != NULL)
    _bf_changes_add (changes, "reason", NULL, item->reason);
  return _bf_store_audit (self, "create", "notice_items", uuid, changes, error);
}

static gboolean
update_item (BfStore *self, OldItem *old, BfNoticeItem *item, const char *now, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  JsonObject *changes;

  if (old->position == item->position && g_strcmp0 (old->reason, item->reason) == 0)
    return TRUE;
  stmt = _bf_store_prepare (self,
                            "UPDATE notice_items SET position = ?, reason = ?, updated_at = ? "
                            "WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, item->position);
  _bf_bind_text (stmt, 2, item->reason);
  _bf_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, old->id);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the notice"), error))
    return FALSE;
  item->id = old->id;
  changes = json_object_new ();
  _bf_changes_diff_int (changes, "position", old->position, item->position);
  _bf_changes_diff (changes, "reason", old->reason, item->reason);
  return _bf_store_audit (self, "update", "notice_items", old->uuid, changes, error);
}

static gboolean
delete_items (BfStore *self, GPtrArray *items, const char *now, GError **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      OldItem *item = g_ptr_array_index (items, i);

      if (!item->kept && !_bf_soft_delete (self, "notice_items", item->id, NULL, now, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts, updates and removes items so that the notice lists @notice->items in that order. */
static gboolean
save_items (BfStore *self, BfNotice *notice, const char *now, GError **error)
{
  g_autoptr (GPtrArray) old = load_old_items (self, notice->id, error);
  g_autoptr (GHashTable) by_household = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (old == NULL)
    return FALSE;
  for (guint i = 0; i < old->len; i++)
    {
      OldItem *existing = g_ptr_array_index (old, i);

      g_hash_table_insert (by_household, &existing->household_id, existing);
    }
  for (guint i = 0; i < notice->items->len; i++)
    {
      BfNoticeItem *item = g_ptr_array_index (notice->items, i);
      OldItem *existing = g_hash_table_lookup (by_household, &item->household_id);

      item->position = (int) i + 1;
      if (existing != NULL)
        {
          existing->kept = TRUE;
          if (!update_item (self, existing, item, now, error))
            return FALSE;
        }
      else if (!check_candidate (self, notice, item->household_id, error) ||
               !insert_item (self, notice->id, item, now, error))
        return FALSE;
    }
  return delete_items (self, old, now, error);
}

static gboolean
validate_notice (BfStore *self, BfNotice *notice, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!check_kind (self, notice->kind, notice->village_id, error) ||
      !validate_period (self, notice, error) ||
      !check_text_length (notice->title, MAX_TITLE_CHARS, _ ("The title"), error) ||
      !check_text_length (notice->body, MAX_BODY_CHARS, _ ("The notice text"), error))
    return FALSE;
  if (notice->items == NULL)
    notice->items = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_notice_item_free);
  for (guint i = 0; i < notice->items->len; i++)
    {
      BfNoticeItem *item = g_ptr_array_index (notice->items, i);

      if (!g_hash_table_add (seen, &item->household_id))
        {
          _bf_notices_household_error (error, item->household_number, item->head_name,
                                       _ ("it is on the notice twice."));
          return FALSE;
        }
      if (_bf_is_blank (item->reason))
        g_clear_pointer (&item->reason, g_free);
      if (!check_text_length (item->reason, MAX_REASON_CHARS, _ ("A reason"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
require_draft (const BfNotice *notice, GError **error)
{
  if (g_strcmp0 (notice->state, "draft") == 0)
    return TRUE;
  g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
               _ ("The notice was posted on %s: only a draft can be changed."),
               notice->posted_on ? notice->posted_on : "?");
  return FALSE;
}

static gboolean
write_notice (BfStore *self, BfNotice *notice, const char *now, GError **error)
{
  static const char *const fields[] = {
    "kind",         "title", "body", "starts_on", "ends_on", "issuing_body", "supervision_phone",
    "posting_place"
  };
  const char *values[G_N_ELEMENTS (fields)] = {
    notice->kind,
    notice->title,
    notice->body,
    notice->starts_on,
    notice->ends_on,
    notice->issuing_body,
    notice->supervision_phone,
    notice->posting_place,
  };
  g_autoptr (BfNotice) before = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;
  const char *before_values[G_N_ELEMENTS (fields)] = { NULL };
  JsonObject *changes;
  gboolean is_new = notice->id == 0;

  if (!is_new)
    {
      before = _bf_notices_load_row (self, notice->id, error);
      if (before == NULL || !require_draft (before, error))
        return FALSE;
      before_values[0] = before->kind;
      before_values[1] = before->title;
      before_values[2] = before->body;
      before_values[3] = before->starts_on;
      before_values[4] = before->ends_on;
      before_values[5] = before->issuing_body;
      before_values[6] = before->supervision_phone;
      before_values[7] = before->posting_place;
      g_clear_pointer (&notice->uuid, g_free);
      notice->uuid = g_strdup (before->uuid);
    }
  else
    {
      g_clear_pointer (&notice->uuid, g_free);
      notice->uuid = _bf_uuid_new ();
    }

  stmt = _bf_store_prepare (
    self,
    is_new ? "INSERT INTO notices (kind, title, body, starts_on, ends_on, issuing_body, "
             "supervision_phone, posting_place, village_id, uuid, created_at, updated_at, state) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, 'draft')"
           : "UPDATE notices SET kind = ?1, title = ?2, body = ?3, starts_on = ?4, ends_on = ?5, "
             "issuing_body = ?6, supervision_phone = ?7, posting_place = ?8, village_id = ?9, "
             "updated_at = ?11 WHERE uuid = ?10",
    error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    _bf_bind_text (stmt, (int) i + 1, values[i]);
  if (notice->village_id != 0)
    sqlite3_bind_int64 (stmt, 9, notice->village_id);
  _bf_bind_text (stmt, 10, notice->uuid);
  _bf_bind_text (stmt, 11, now);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the notice"), error))
    return FALSE;
  if (is_new)
    notice->id = sqlite3_last_insert_rowid (_bf_store_db (self));

  changes = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    _bf_changes_diff (changes, fields[i], before_values[i], values[i]);
  _bf_changes_diff_int (changes, "village_id", before ? before->village_id : 0, notice->village_id);
  return _bf_store_audit (self, is_new ? "create" : "update", "notices", notice->uuid, changes,
                          error);
}

gboolean
bf_store_notice_save (BfStore *self, BfNotice *notice, GError **error)
{
  g_autofree char *now = _bf_now_iso ();
  gint64 id_before;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);
  g_return_val_if_fail (notice != NULL, FALSE);

  if (notice->title == NULL || _bf_is_blank (notice->title))
    {
      g_autofree char *village = village_name (self, notice->village_id);

      g_free (notice->title);
      notice->title = default_title (self, notice->kind, village);
    }
  if (!validate_notice (self, notice, error))
    return FALSE;

  id_before = notice->id;
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!write_notice (self, notice, now, error) || !save_items (self, notice, now, error) ||
      !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      notice->id = id_before;
      return FALSE;
    }
  g_free (notice->state);
  notice->state = g_strdup ("draft");
  return TRUE;
}

/* Sets the notice's state fields and audits the change; @extra_field is posted_on or closed_on. */
static gboolean
set_state (BfStore *self,
           const BfNotice *notice,
           const char *state,
           const char *date_field,
           const char *date,
           GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autofree char *now = _bf_now_iso ();
  JsonObject *changes;

  stmt = _bf_store_prepare (self,
                            g_str_equal (date_field, "posted_on")
                              ? "UPDATE notices SET state = ?1, posted_on = ?2, updated_at = ?3 "
                                "WHERE id = ?4"
                              : "UPDATE notices SET state = ?1, closed_on = ?2, updated_at = ?3 "
                                "WHERE id = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  _bf_bind_text (stmt, 1, state);
  _bf_bind_text (stmt, 2, date);
  _bf_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, notice->id);
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the notice"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_changes_add (changes, "state", notice->state, state);
  _bf_changes_add (changes, date_field, NULL, date);
  return _bf_store_audit (self, "update", "notices", notice->uuid, changes, error);
}

gboolean
bf_store_notice_delete (BfStore *self, gint64 id, GError **error)
{
  g_autoptr (BfNotice) notice = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *now = _bf_now_iso ();

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_store_begin (self, error))
    return FALSE;
  notice = _bf_notices_load_row (self, id, error);
  if (notice == NULL || !require_draft (notice, error))
    goto fail;
  items = load_old_items (self, id, error);
  if (items == NULL || !delete_items (self, items, now, error) ||
      !_bf_soft_delete (self, "notices", id, NULL, now, error) || !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

gboolean
bf_store_notice_post (BfStore *self, gint64 id, const char *posted_on, GError **error)
{
  g_autoptr (BfNotice) notice = NULL;
  g_autofree char *date = NULL;
  GDate posted, start;
  BfAction action;
  guint n_items = 0;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_past_date (posted_on, _ ("The posting date"), &posted, &date, error))
    return FALSE;
  if (!_bf_store_begin (self, error))
    return FALSE;
  notice = _bf_notices_load_row (self, id, error);
  if (notice == NULL || !require_draft (notice, error) ||
      !_bf_notices_read_items (self, notice, error))
    goto fail;
  /* The settings may have changed since the draft was made. */
  if (!check_kind (self, notice->kind, notice->village_id, error) ||
      !validate_period (self, notice, error))
    goto fail;
  if (bf_date_parse (notice->starts_on, &start, NULL) && g_date_compare (&posted, &start) > 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("The notice was to start on %s: change its period before posting it."),
                   notice->starts_on);
      goto fail;
    }
  if (!set_state (self, notice, "posted", "posted_on", date, error))
    goto fail;

  bf_notice_kind_step (notice->kind, NULL, &action);
  for (guint i = 0; i < notice->items->len; i++)
    {
      BfNoticeItem *item = g_ptr_array_index (notice->items, i);
      BfTransitionFacts facts = { 0 };

      if (item->removed_on != NULL)
        continue;
      n_items++;
      if (action == BF_N_ACTIONS)
        continue;
      facts.event_date = date;
      facts.ref_kind = "notice";
      facts.ref_id = notice->id;
      facts.notice_id = notice->id;
      if (!_bf_notices_transition (self, item->household_id, action, &facts, error))
        goto fail;
    }
  if (n_items == 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The notice lists no household: there is nothing to post."));
      goto fail;
    }
  if (!_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}

gboolean
bf_store_notice_close (BfStore *self, gint64 id, const char *closed_on, GError **error)
{
  g_autoptr (BfNotice) notice = NULL;
  g_autofree char *date = NULL;
  GDate closed, end;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if (!_bf_past_date (closed_on, _ ("The closing date"), &closed, &date, error))
    return FALSE;
  if (!_bf_store_begin (self, error))
    return FALSE;
  notice = _bf_notices_load_row (self, id, error);
  if (notice == NULL)
    goto fail;
  if (g_strcmp0 (notice->state, "posted") != 0)
    {
      if (g_strcmp0 (notice->state, "draft") == 0)
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                     _ ("The notice has not been posted yet."));
      else
        g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                     _ ("The notice was already closed on %s."),
                     notice->closed_on ? notice->closed_on : "?");
      goto fail;
    }
  if (bf_date_parse (notice->ends_on, &end, NULL) && g_date_compare (&closed, &end) <= 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   _ ("The notice runs until %s: it can be closed from the day after."),
                   notice->ends_on);
      goto fail;
    }
  if (notice->n_open_objections > 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u objection to the notice is still open: decide it first.",
                                "%u objections to the notice are still open: decide them first.",
                                notice->n_open_objections),
                   notice->n_open_objections);
      goto fail;
    }
  if (!set_state (self, notice, "closed", "closed_on", date, error) ||
      !_bf_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _bf_store_rollback (self);
  return FALSE;
}
