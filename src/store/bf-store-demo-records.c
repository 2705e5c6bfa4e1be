/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo generator's records that several households share (meetings, notices, document
 * numbers, reviews, events, adjustments) and the helpers (帮扶责任人) assigned to them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-exit-checks.h"
#include "bf-id-number.h"
#include "bf-income.h"
#include "bf-lifecycle.h"
#include "bf-money.h"
#include "bf-store-demo-private.h"

static const char *const helper_positions[] = { "科员", "副科长", "科长", "副局长",
                                                "驻村工作队员" };

/* ---- shared records: meetings, notices, document numbers ---- */

static DemoShared *
shared_lookup (Demo *d, char kind, gint64 village, int day, gboolean *created)
{
  char key[48];
  DemoShared *s;

  g_snprintf (key, sizeof key, "%c:%" G_GINT64_FORMAT ":%d", kind, village, day);
  s = g_hash_table_lookup (d->shared, key);
  *created = s == NULL;
  if (s == NULL)
    {
      s = g_new0 (DemoShared, 1);
      g_hash_table_insert (d->shared, g_strdup (key), s);
    }
  return s;
}

const char *
_bf_demo_document_number (Demo *d, int day, char *buf, gsize size)
{
  gboolean created;
  DemoShared *s = shared_lookup (d, 'D', 0, day, &created);

  if (created)
    {
      gboolean year_created;
      DemoShared *year = shared_lookup (d, 'Y', 0, _bf_demo_year_of (day), &year_created);
      s->number = ++year->next_position;
    }
  g_snprintf (buf, size, "%s扶组发〔%d〕%d号", d->county_short, _bf_demo_year_of (day), s->number);
  return buf;
}

DemoShared *
_bf_demo_meeting_for (Demo *d, DemoVillage *v, int day)
{
  gboolean created;
  DemoShared *s = shared_lookup (d, 'M', v->id, day, &created);

  if (created)
    {
      gboolean representatives = _bf_demo_chance (d, 0.7);
      char host[32], minutes[160];

      s->entitled = representatives ? _bf_demo_rnd (d, 30, 60) : _bf_demo_rnd (d, 200, 600);
      s->present = s->entitled * _bf_demo_rnd (d, 70, 95) / 100;
      _bf_demo_name (d, v->surname, TRUE, 1970, host, sizeof host);
      g_snprintf (minutes, sizeof minutes, "%s主持，对申请对象逐户评议，举手表决。", host);
      _bf_demo_stamp (d, day);
      s->id =
        _bf_demo_insert (d,
                         "INSERT INTO appraisal_meetings (uuid, created_at, updated_at, "
                         "village_id, held_on, kind, host, entitled, present, minutes) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         "IDttiit", v->id, day, representatives ? "representatives" : "villagers",
                         host, s->entitled, s->present, minutes);
    }
  return s;
}

DemoShared *
_bf_demo_notice_for (Demo *d, DemoNoticeKind kind, DemoVillage *v, int start)
{
  static const char *const codes[] = { "village_identification", "township", "county", "exit" };
  static const char *const purposes[] = { "扶贫对象识别村级公示", "扶贫对象识别乡镇公示",
                                          "扶贫对象识别结果公告", "贫困户退出公示" };
  gboolean created;
  gboolean village_level = kind == NOTICE_VILLAGE || kind == NOTICE_EXIT;
  DemoShared *s = shared_lookup (d, "VTCE"[kind], village_level ? v->id : 0, start, &created);

  if (created)
    {
      int end = start + DEMO_NOTICE_DAYS - 1;
      gboolean closed = d->today > end;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *issuer = NULL;
      char phone[16];

      title =
        g_strdup_printf ("%s%s%d年%s", kind == NOTICE_COUNTY ? d->county : d->township,
                         village_level ? v->name : "", _bf_demo_year_of (start), purposes[kind]);
      body = g_strdup_printf ("经农户申请、入户调查、民主评议，现将名单予以公示。公示期%d天，"
                              "如有异议，请向监督电话反映。",
                              DEMO_NOTICE_DAYS);
      issuer = kind == NOTICE_COUNTY     ? g_strdup_printf ("%s扶贫开发领导小组", d->county)
               : kind == NOTICE_TOWNSHIP ? g_strdup_printf ("%s人民政府", d->township)
                                         : g_strdup_printf ("%s村民委员会", v->name);
      g_snprintf (phone, sizeof phone, "0746-%07d", 7000000 + _bf_demo_rnd (d, 0, 999999));
      _bf_demo_stamp (d, start);
      s->id = _bf_demo_insert (
        d,
        "INSERT INTO notices (uuid, created_at, updated_at, kind, village_id, "
        "title, body, starts_on, ends_on, issuing_body, supervision_phone, "
        "posting_place, state, posted_on, closed_on) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "trttDDttttDD", codes[kind], village_level ? v->id : (gint64) 0, title, body, start, end,
        issuer, phone, village_level ? "村务公开栏" : "乡政府公示栏", closed ? "closed" : "posted",
        start, closed ? end + 1 : 0);
    }
  return s;
}

gint64
_bf_demo_add_notice_item (Demo *d,
                          DemoShared *notice,
                          DemoHousehold *h,
                          int day,
                          const char *reason,
                          int removed_on)
{
  _bf_demo_stamp (d, day);
  if (removed_on != 0)
    _bf_demo_stamp_updated (d, removed_on);
  return _bf_demo_insert (d,
                          "INSERT INTO notice_items (uuid, created_at, updated_at, notice_id, "
                          "household_id, position, reason, removed_on, removed_reason) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "IIitDt", notice->id, h->id, ++notice->next_position, reason, removed_on,
                          removed_on != 0 ? "异议经核实属实" : NULL);
}

void
_bf_demo_add_objection (Demo *d,
                        DemoShared *notice,
                        DemoHousehold *h,
                        int received,
                        const char *result)
{
  static const char *const contents[] = {
    "反映该户家中有小轿车",   "反映该户子女在城里购房",         "反映该户家庭收入较高",
    "反映该户有成员在外经商", "反映该户实际居住人口与登记不符",
  };
  gboolean pending = g_str_equal (result, "pending");
  gboolean upheld = g_str_equal (result, "upheld");
  const char *surname = _bf_demo_pick_surname (d);
  gboolean male = _bf_demo_chance (d, 0.6);
  gboolean named = _bf_demo_chance (d, 0.5);
  const char *content = PICK (d, contents);
  char complainant[32];

  _bf_demo_name (d, surname, male, 1970, complainant, sizeof complainant);
  _bf_demo_stamp (d, received);
  _bf_demo_insert (
    d,
    "INSERT INTO objections (uuid, created_at, updated_at, notice_id, household_id, "
    "received_on, complainant, content, verification, result, consequence, decided_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "IIDtttttD", notice->id, h->id, received, named ? complainant : NULL, content,
    pending  ? NULL
    : upheld ? "经入户核实，反映情况属实"
             : "经入户核实，反映情况不属实",
    result, upheld ? "reject" : NULL, pending ? 0 : received + 3);
}

gint64
_bf_demo_add_review (Demo *d,
                     DemoHousehold *h,
                     const char *level,
                     const char *purpose,
                     int day,
                     const char *decision,
                     const char *opinion,
                     const char *document)
{
  const char *reviewer =
    g_str_equal (level, "county") ? d->county : d->staff[_bf_demo_rnd (d, 0, 3)];

  _bf_demo_stamp (d, day);
  return _bf_demo_insert (d,
                          "INSERT INTO reviews (uuid, created_at, updated_at, household_id, level, "
                          "purpose, reviewer, decided_on, decision, opinion, document_number) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "ItttDttt", h->id, level, purpose, reviewer, day, decision, opinion,
                          document);
}

gint64
_bf_demo_add_adjustment (Demo *d,
                         DemoHousehold *h,
                         const char *kind,
                         const char *subkind,
                         int day,
                         const char *reason,
                         const char *document)
{
  _bf_demo_stamp (d, day);
  return _bf_demo_insert (
    d,
    "INSERT INTO adjustments (uuid, created_at, updated_at, household_id, kind, "
    "subkind, adjusted_on, reason, approval, document_number) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "IttDttt", h->id, kind, subkind, day, reason, document != NULL ? "县级审批" : "乡镇审核",
    document);
}

BfStatus
_bf_demo_add_event (Demo *d,
                    DemoHousehold *h,
                    BfStatus from,
                    BfAction action,
                    int day,
                    const char *reason,
                    const char *ref_kind,
                    gint64 ref_id,
                    const char *document)
{
  BfLifecycleContext ctx;
  BfStatus to = from;
  g_autoptr (GError) refused = NULL;

  if (d->error != NULL)
    return from;
  bf_lifecycle_context_init (&ctx);
  ctx.township_notice_enabled = d->township_notice;
  ctx.notice_posted = TRUE;
  ctx.notice_closed = TRUE;
  _bf_demo_julian_to_date (day - 1, &ctx.notice_ends);
  _bf_demo_julian_to_date (day, &ctx.today);
  ctx.has_reason = TRUE;
  ctx.has_document_number = TRUE;
  if (!bf_lifecycle_apply (from, action, &ctx, &to, &refused))
    {
      g_set_error (&d->error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED, "demo: %s → %s refused: %s",
                   bf_status_code (from), bf_action_code (action), refused->message);
      return from;
    }
  _bf_demo_stamp (d, day);
  _bf_demo_insert (
    d,
    "INSERT INTO workflow_events (uuid, created_at, updated_at, household_id, action, "
    "from_status, to_status, event_date, operator, reason, ref_kind, ref_id, "
    "document_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "ItttDtttrt", h->id, bf_action_code (action), bf_status_code (from), bf_status_code (to), day,
    d->staff[_bf_demo_rnd (d, 0, 3)], reason, ref_kind, ref_id, document);
  return to;
}

/* ---- helpers (帮扶责任人) ---- */

static void
next_helper (Demo *d)
{
  static const struct
  {
    const char *suffix; /* after the county's, township's or village's name */
    const char *level;
    int where; /* 0 county, 1 township, 2 village, 3 none */
  } units[] = {
    { "农业农村局", "county", 0 },       { "教育局", "county", 0 },
    { "卫生健康局", "county", 0 },       { "人力资源和社会保障局", "county", 0 },
    { "住房和城乡建设局", "county", 0 }, { "人民政府", "township", 1 },
    { "人民政府", "township", 1 },       { "村民委员会", "village", 2 },
    { "永州市生态环境局", "city", 3 },   { "湖南省交通运输厅", "province", 3 },
  };
  guint u = _bf_demo_rnd (d, 0, G_N_ELEMENTS (units) - 1);
  const char *where =
    units[u].where == 0   ? d->county
    : units[u].where == 1 ? d->township
    : units[u].where == 2
      ? ((DemoVillage *) g_ptr_array_index (d->villages, _bf_demo_rnd (d, 0, d->villages->len - 1)))
          ->name
      : "";
  g_autofree char *unit = g_strconcat (where, units[u].suffix, NULL);
  const char *position = units[u].where == 2 ? (_bf_demo_chance (d, 0.5) ? "村支书" : "村主任")
                                             : PICK (d, helper_positions);
  char phone[12];
  int born = _bf_demo_rnd (d, 1965, 1998);
  const char *surname = _bf_demo_pick_surname (d);
  gboolean male = _bf_demo_chance (d, 0.7);

  _bf_demo_name (d, surname, male, born, d->helper_name, sizeof d->helper_name);
  _bf_demo_phone (d, phone);
  _bf_demo_stamp (d, _bf_demo_julian (2016, 1, 4));
  d->helper_id = _bf_demo_insert (d,
                                  "INSERT INTO helpers (uuid, created_at, updated_at, name, unit, "
                                  "level, position, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  "ttttt", d->helper_name, unit, units[u].level, position, phone);
  d->helper_room = _bf_demo_rnd (d, 4, 9);
}

void
_bf_demo_choose_helper (Demo *d, DemoHousehold *h)
{
  if (d->helper_room == 0)
    next_helper (d);
  h->assigned_on = _bf_demo_at_most (h->registered_on + _bf_demo_rnd (d, 1, 20), d->today);
  if (h->assigned_on + 400 < d->today && _bf_demo_chance (d, 0.1))
    {
      /* The first helper moved on: the history keeps both. */
      h->previous_helper_id = d->helper_id;
      h->helper_changed_on = _bf_demo_rnd (d, h->assigned_on + 180, d->today - 30);
      d->helper_room--;
      next_helper (d);
    }
  d->helper_room--;
  h->helper_id = d->helper_id;
  g_strlcpy (h->helper_name, d->helper_name, sizeof h->helper_name);
}

void
_bf_demo_insert_assignments (Demo *d, DemoHousehold *h)
{
  const char *sql = "INSERT INTO helper_assignments (uuid, created_at, updated_at, household_id, "
                    "helper_id, assigned_on, ended_on) VALUES (?, ?, ?, ?, ?, ?, ?)";

  _bf_demo_stamp (d, h->assigned_on);
  if (h->previous_helper_id != 0)
    {
      _bf_demo_insert (d, sql, "IIDD", h->id, h->previous_helper_id, h->assigned_on,
                       h->helper_changed_on);
      _bf_demo_stamp (d, h->helper_changed_on + 1);
    }
  _bf_demo_insert (d, sql, "IIDD", h->id, h->helper_id,
                   h->previous_helper_id != 0 ? h->helper_changed_on + 1 : h->assigned_on, 0);
}
