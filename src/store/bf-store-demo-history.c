/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One demo household: its path through the lifecycle, then every row of it (household,
 * members, surveys, plans, visits, follow-up, exit) written in that order. */
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

typedef struct
{
  const char *category;
  const char *department;
  const char *description;
  int budget_lo; /* yuan */
  int budget_hi;
  const char *effect;
} DemoMeasure;

static const DemoMeasure measure_kinds[] = {
  { "industry", "agriculture", "发展油茶种植，补助种苗", 2000, 8000, "年增收约3000元" },
  { "industry", "agriculture", "养殖生猪，补助仔猪和饲料", 3000, 10000, "出栏生猪增收约5000元" },
  { "industry", "agriculture", "发展柑橘种植，提供技术指导", 1500, 6000, "年增收约2500元" },
  { "employment", "hrss", "推荐到县工业园务工", 0, 1000, "务工月收入约3000元" },
  { "employment", "hrss", "参加职业技能培训（电焊）", 500, 2000, "取得技能证书并就业" },
  { "employment", "hrss", "开发村级公益性岗位（保洁员）", 3600, 6000, "每月增收500元" },
  { "education", "education", "落实义务教育阶段学生资助", 1000, 3000, "学生无辍学" },
  { "education", "education", "落实雨露计划职业教育补助", 3000, 3000, "学生顺利完成学业" },
  { "health", "health", "家庭医生签约服务，落实慢性病门诊报销", 500, 3000,
    "医疗费用报销比例达90%" },
  { "health", "medical_insurance", "资助参加城乡居民医保", 300, 1200, "医保参保全覆盖" },
  { "ecology", "agriculture", "聘为生态护林员", 8000, 10000, "每年增收1万元" },
  { "housing", "housing", "危房改造（C级维修加固）", 10000, 20000, "住房安全有保障" },
  { "housing", "housing", "易地扶贫搬迁集中安置", 20000, 60000, "搬迁入住新居" },
  { "social_security", "civil_affairs", "纳入农村低保", 3000, 6000, "基本生活有保障" },
  { "social_security", "civil_affairs", "发放临时救助金", 1000, 3000, "渡过临时困难" },
  { "finance", "poverty", "发放扶贫小额信贷，用于发展产业", 0, 500, "按期还款，产业见效" },
  { "other", "water", "接通自来水，改善饮水条件", 1000, 3000, "饮水安全有保障" },
  { "other", "transport", "硬化入户道路", 3000, 8000, "出行条件改善" },
};

static const char *const visit_findings[] = {
  "家中生活正常，两不愁三保障已落实", "宣讲帮扶政策，了解家庭收入情况",
  "核实务工收入，指导发展产业",       "查看产业发展情况，长势良好",
  "了解学生在校情况，资助已到位",     "询问慢性病用药和报销情况",
};

static const char *const visit_problems[][2] = {
  { "住房漏雨需修缮", "已联系乡住建办安排维修" },
  { "饮水管道老化，供水不稳", "已报乡水利站更换管道" },
  { "慢性病药费报销未到位", "已协调县医保局办理" },
  { "学生资助未发放", "已联系学校核实发放" },
  { "产业补助未兑现", "已报乡农业综合服务中心核拨" },
};

static const char *const guarantee_problems[BF_N_GUARANTEES] = {
  "口粮不足", "冬衣被褥不足", "子女辍学", "未参加基本医保", "住房为C级危房", "饮水水质不达标",
};

/* Days from the village notice's first day (identification) or the exit notice's (exit). */
static const int step_offset[N_STEPS] = { -25, -8, 0, 10, 14, 28, -10, 0, 12, 30, 0 };
/* Status weights of households after the first thirteen (one of each status). */
static const guint status_weight[BF_N_STATUSES] = {
  [BF_STATUS_SURVEYED] = 3,          [BF_STATUS_VERIFIED] = 2,
  [BF_STATUS_APPRAISED] = 2,         [BF_STATUS_VILLAGE_NOTICE] = 3,
  [BF_STATUS_TOWNSHIP_REVIEWED] = 2, [BF_STATUS_TOWNSHIP_NOTICE] = 2,
  [BF_STATUS_REGISTERED] = 28,       [BF_STATUS_REJECTED] = 6,
  [BF_STATUS_EXIT_ASSESSED] = 3,     [BF_STATUS_EXIT_NOTICE] = 2,
  [BF_STATUS_EXIT_ACCEPTED] = 2,     [BF_STATUS_EXITED] = 40,
  [BF_STATUS_RETURNED] = 5,
};

/* ---- the path through the lifecycle ---- */

/* Rounds of identification and exit fall on the same days in every village, so that meetings,
 * notices and county documents are shared by many households. */
static int
grid_round_in (Demo *d, int year, gboolean exit)
{
  if (exit)
    return _bf_demo_chance (d, 0.5) ? _bf_demo_julian (year, 6, 20)
                                    : _bf_demo_julian (year, 11, 20);
  return _bf_demo_chance (d, 0.5) ? _bf_demo_julian (year, 4, 15) : _bf_demo_julian (year, 10, 15);
}

static int
grid_round (Demo *d, int year_lo, int year_hi, gboolean exit)
{
  return grid_round_in (d, _bf_demo_rnd (d, year_lo, year_hi), exit);
}

/* A day for the anchor such that step @done - 1 is on or before today and step @done after it. */
static int
window_anchor (Demo *d, int prev_offset, int next_offset)
{
  return d->today - next_offset + 1 + _bf_demo_rnd (d, 0, next_offset - prev_offset - 1);
}

static void
plan_path (Demo *d, DemoHousehold *h)
{
  static const guint recent_w[] = { 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 10 }; /* 2016–2026 */
  int survey_offset = -40 - _bf_demo_rnd (d, 0, 10);
  int verify_offset = step_offset[STEP_VERIFY] - _bf_demo_rnd (d, 0, 4);
  int registered_by = d->today - step_offset[STEP_COUNTY_APPROVE];
  int tries;

  h->reject = REJECT_NONE;
  h->exit_round = 0;
  h->returned_on = 0;
  switch (h->status)
    {
      case BF_STATUS_SURVEYED:
        h->n_steps = 0;
        h->round = window_anchor (d, survey_offset, verify_offset);
        break;
      case BF_STATUS_VERIFIED:
        h->n_steps = 1;
        h->round = window_anchor (d, verify_offset, step_offset[STEP_APPRAISE]);
        break;
      case BF_STATUS_APPRAISED:
      case BF_STATUS_VILLAGE_NOTICE:
      case BF_STATUS_TOWNSHIP_REVIEWED:
      case BF_STATUS_TOWNSHIP_NOTICE:
        h->n_steps = 2 + (h->status - BF_STATUS_APPRAISED);
        h->round = window_anchor (d, step_offset[h->n_steps - 1],
                                  h->n_steps == STEP_TOWNSHIP_NOTICE && !d->township_notice
                                    ? step_offset[STEP_COUNTY_APPROVE]
                                    : step_offset[h->n_steps]);
        break;
      case BF_STATUS_REGISTERED:
        h->n_steps = 6;
        do
          h->round = grid_round_in (
            d, 2016 + _bf_demo_pick_weighted (d, recent_w, G_N_ELEMENTS (recent_w)), FALSE);
        while (h->round > registered_by);
        break;
      case BF_STATUS_REJECTED:
        {
          static const guint reject_w[] = { 30, 25, 20, 15, 10 };
          h->reject = REJECT_VERIFY + _bf_demo_pick_weighted (d, reject_w, G_N_ELEMENTS (reject_w));
          h->n_steps = h->reject == REJECT_VERIFY      ? 0
                       : h->reject == REJECT_APPRAISAL ? 1
                       : h->reject == REJECT_COUNTY    ? 5
                                                       : 3;
          do
            h->round = grid_round (d, 2016, 2026, FALSE);
          while (h->round > registered_by);
        }
        break;
      case BF_STATUS_EXIT_ASSESSED:
      case BF_STATUS_EXIT_NOTICE:
      case BF_STATUS_EXIT_ACCEPTED:
        h->n_steps = 7 + (h->status - BF_STATUS_EXIT_ASSESSED);
        h->exit_round = window_anchor (d, step_offset[h->n_steps - 1], step_offset[h->n_steps]);
        h->round = grid_round (d, 2016, 2024, FALSE);
        break;
      case BF_STATUS_EXITED:
      case BF_STATUS_RETURNED:
        h->n_steps = h->status == BF_STATUS_EXITED ? 10 : 11;
        for (tries = 0; tries < 100; tries++)
          {
            int last_ok = d->today - step_offset[STEP_APPROVE_EXIT] -
                          (h->status == BF_STATUS_RETURNED ? 180 : 0);
            h->round = grid_round (d, 2015, 2021, FALSE);
            h->exit_round = grid_round (d, _bf_demo_year_of (h->round) + 1, 2026, TRUE);
            if (h->exit_round <= last_ok)
              break;
          }
        if (h->status == BF_STATUS_RETURNED)
          h->returned_on =
            _bf_demo_rnd (d, h->exit_round + step_offset[STEP_APPROVE_EXIT] + 180, d->today);
        break;
      case BF_N_STATUSES:
      default:
        g_assert_not_reached ();
    }
  h->survey_date = h->round + survey_offset;
  h->verify_date = h->round + verify_offset;
  h->registered_on = h->n_steps >= 6 ? h->round + step_offset[STEP_COUNTY_APPROVE] : 0;
  /* Send back once at verification, redone before the meeting. */
  h->send_back = h->n_steps >= 3 && _bf_demo_chance (d, 0.03);
}

static int step_date (const DemoHousehold *h, DemoStep step);

/* The day of the household's last event: its status_since and updated_at. */
static int
last_event_date (const DemoHousehold *h)
{
  switch (h->reject)
    {
      case REJECT_VERIFY:
        return h->verify_date;
      case REJECT_OBJECTION:
        return h->round + DEMO_NOTICE_DAYS + 1;
      case REJECT_APPRAISAL:
      case REJECT_TOWNSHIP:
      case REJECT_COUNTY:
        return step_date (h, h->n_steps);
      case REJECT_NONE:
      default:
        return h->n_steps == 0 ? h->survey_date : step_date (h, h->n_steps - 1);
    }
}

static int
step_date (const DemoHousehold *h, DemoStep step)
{
  switch (step)
    {
      case STEP_VERIFY:
        return h->send_back ? h->round - 15 : h->verify_date;
      case STEP_RETURN:
        return h->returned_on;
      case STEP_ASSESS_EXIT:
      case STEP_EXIT_NOTICE:
      case STEP_ACCEPT_EXIT:
      case STEP_APPROVE_EXIT:
        return h->exit_round + step_offset[step];
      case STEP_APPRAISE:
      case STEP_VILLAGE_NOTICE:
      case STEP_TOWNSHIP_REVIEW:
      case STEP_TOWNSHIP_NOTICE:
      case STEP_COUNTY_APPROVE:
      case N_STEPS:
      default:
        return h->round + step_offset[step];
    }
}

/* ---- inserts of one household ---- */

static void
insert_survey (Demo *d, DemoHousehold *h, DemoSurvey *s)
{
  const char *note[BF_N_GUARANTEES];
  char surveyor[32];

  for (int g = 0; g < BF_N_GUARANTEES; g++)
    note[g] = s->secured[g] ? NULL : guarantee_problems[g];
  g_strlcpy (surveyor, d->staff[_bf_demo_rnd (d, 0, 3)], sizeof surveyor);
  _bf_demo_stamp (d, s->date);
  s->id = _bf_demo_insert (
    d,
    "INSERT INTO surveys (uuid, created_at, updated_at, household_id, year, surveyed_on, "
    "surveyor, verifier, verified_on, wage_fen, business_fen, property_fen, transfer_fen, "
    "business_expense_fen, education_expense_fen, medical_expense_fen, housing_expense_fen, "
    "pension_expense_fen, rigid_expense_fen, debt_fen, member_count, per_capita_fen, "
    "food_secured, food_note, clothing_secured, clothing_note, education_secured, education_note, "
    "medical_secured, medical_note, housing_secured, housing_note, water_secured, water_note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?)",
    "IiDttDIIIIIIIIIIIiIitititititit", h->id, s->year, s->date, surveyor,
    s->verified_on != 0 ? d->staff[_bf_demo_rnd (d, 0, 3)] : NULL, s->verified_on, s->wage,
    s->business, s->property, s->transfer, s->expense, s->expenditure[0], s->expenditure[1],
    s->expenditure[2], s->expenditure[3], s->expenditure[4], s->expenditure[5], (int) s->members,
    s->per_capita, s->secured[0], note[0], s->secured[1], note[1], s->secured[2], note[2],
    s->secured[3], note[3], s->secured[4], note[4], s->secured[5], note[5]);
}

static void
insert_household (Demo *d, DemoHousehold *h)
{
  static const char *const banks[] = { "农村信用合作社", "中国农业银行", "中国邮政储蓄银行" };
  static const char *const livestock[] = { NULL, "生猪2头", "黄牛1头", "土鸡20羽", "山羊5只" };
  static const char *const industries[] = { NULL, "种植油茶", "种植柑橘", "养殖生猪", "种植烤烟" };
  const DemoSurvey *latest = &h->surveys[h->n_surveys - 1];
  const DemoMember *head = &h->members[0];
  const char *group_name = g_ptr_array_index (h->village->group_names, h->group);
  g_autofree char *address =
    g_strdup_printf ("%s%s%d号", h->village->name, group_name, _bf_demo_rnd (d, 1, 120));
  g_autofree char *note = g_strdup_printf ("%s；%s", h->cause[0]->label, h->cause[0]->note);
  char account[24];
  gboolean dangerous = latest->secured[BF_GUARANTEE_HOUSING] == 0 || _bf_demo_chance (d, 0.03);
  int account_a = _bf_demo_rnd (d, 0, 99999);
  int account_b = _bf_demo_rnd (d, 0, 99999);
  int account_c = _bf_demo_rnd (d, 0, 99999);
  const char *bank = PICK (d, banks);
  const char *standard = _bf_demo_chance (d, 0.8) ? "national" : "provincial";
  int area_m2 = _bf_demo_rnd (d, 40, 160);
  double area = area_m2 + _bf_demo_rnd (d, 0, 9) / 10.0;
  gboolean relocated = _bf_demo_chance (d, 0.05);
  double farmland = _bf_demo_rnd (d, 3, 60) / 10.0;
  double forest = _bf_demo_rnd (d, 0, 200) / 10.0;
  const char *animals = PICK (d, livestock);
  const char *industry = PICK (d, industries);

  g_snprintf (account, sizeof account, "6217%05d%05d%05d", account_a, account_b, account_c);
  _bf_demo_stamp (d, h->survey_date);
  _bf_demo_stamp_updated (d, h->last_event);
  h->id = _bf_demo_insert (
    d,
    "INSERT INTO households (uuid, created_at, updated_at, number, village_id, group_id, "
    "address, phone, bank_name, bank_account, attribute, monitoring_type, standard, "
    "primary_cause, other_cause_1, other_cause_2, cause_note, house_area_m2, dangerous_house, "
    "relocated, farmland_mu, forest_mu, livestock, industry, status, status_since, "
    "first_identified_on, helper_id, head_name, member_count, per_capita_fen) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?)",
    "tIrtttttttttttdiiddtttDDrtiI", h->number, h->village->id,
    g_array_index (h->village->groups, gint64, h->group), address,
    head->phone[0] != '\0' ? head->phone : NULL, bank, account, h->attribute, h->monitoring,
    standard, h->cause[0]->code, h->cause[1] != NULL ? h->cause[1]->code : NULL,
    h->cause[2] != NULL ? h->cause[2]->code : NULL, note, area, dangerous, relocated, farmland,
    forest, animals, industry, bf_status_code (h->status), h->last_event, h->registered_on,
    h->helper_id, head->name, (int) h->n_members, latest->per_capita);
}

static void
insert_members (Demo *d, DemoHousehold *h)
{
  for (guint i = 0; i < h->n_members; i++)
    {
      DemoMember *m = &h->members[i];
      char person[40];

      g_snprintf (person, sizeof person, "%s%02u", h->number, i + 1);
      _bf_demo_stamp (d, MAX (h->survey_date, m->birth));
      _bf_demo_insert (
        d,
        "INSERT INTO members (uuid, created_at, updated_at, household_id, "
        "person_number, name, id_number, relation, sex, birth_date, ethnicity, "
        "education, school_status, health, disability_grade, labour, work_status, "
        "work_months, medical_insurance, serious_illness_insurance, pension_insurance, "
        "phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)",
        "ItttttDttttbttbiiit", h->id, person, m->name, m->id_number, m->relation,
        m->male ? "male" : "female", m->birth, m->ethnicity, m->education, m->school_status,
        m->health, m->disability_grade > 0 ? m->disability_grade : -1, m->labour, m->work_status,
        g_str_equal (m->work_status, "none") ? -1 : m->work_months, m->medical, m->serious,
        m->pension, m->phone[0] != '\0' ? m->phone : NULL);
    }
}

/* The household's row in the search index, as bf_store_household_save() keeps it. */
static void
index_household (Demo *d, DemoHousehold *h)
{
  BfMember members[DEMO_MAX_MEMBERS] = { { 0 } };
  g_autoptr (GPtrArray) list = g_ptr_array_sized_new (h->n_members);

  if (d->error != NULL)
    return;
  for (guint i = 0; i < h->n_members; i++)
    {
      members[i].name = h->members[i].name;
      members[i].id_number = h->members[i].id_number;
      g_ptr_array_add (list, &members[i]);
    }
  _bf_store_search_index (d->store, h->id, h->number, list, &d->error);
}

static gint64
insert_plan (Demo *d, DemoHousehold *h, int year, int exit_by)
{
  g_autofree char *goal =
    g_strdup_printf ("%d年实现人均纯收入稳定超过扶贫标准，两不愁三保障全面落实", year);
  gint64 plan;
  int n = _bf_demo_rnd (d, 1, 3);

  _bf_demo_stamp (d, MIN (_bf_demo_julian (year, 1, 10), d->today));
  plan =
    _bf_demo_insert (d,
                     "INSERT INTO plans (uuid, created_at, updated_at, household_id, year, goal) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     "Iit", h->id, year, goal);
  for (int i = 0; i < n; i++)
    {
      const DemoMeasure *k = NULL;
      int start, due, month, completed = 0;
      const char *status;
      gint64 budget, spent = 0;
      g_autofree char *description = NULL;

      /* The first measure answers the primary cause; the others are the usual mix. */
      if (i == 0)
        {
          guint from = _bf_demo_rnd (d, 0, G_N_ELEMENTS (measure_kinds) - 1);
          for (guint j = 0; j < G_N_ELEMENTS (measure_kinds) && k == NULL; j++)
            {
              const DemoMeasure *c = &measure_kinds[(j + from) % G_N_ELEMENTS (measure_kinds)];
              if (g_str_equal (c->category, h->cause[0]->measure_category))
                k = c;
            }
        }
      if (k == NULL)
        k = &PICK (d, measure_kinds);
      month = _bf_demo_rnd (d, 1, 6);
      start = _bf_demo_julian (year, month, _bf_demo_rnd (d, 1, 28));
      due = start + _bf_demo_rnd (d, 60, 300);
      if (exit_by != 0 && i == 0)
        {
          /* Exit needs a completed measure before the assessment. */
          due = _bf_demo_at_most (exit_by - _bf_demo_rnd (d, 20, 50), due);
          start = _bf_demo_at_most (due - _bf_demo_rnd (d, 60, 200), start);
          completed = due - _bf_demo_rnd (d, 0, 20);
          status = "completed";
        }
      else if (start > d->today)
        status = "planned";
      else if (due < d->today)
        {
          if (_bf_demo_chance (d, 0.85))
            {
              status = "completed";
              completed = _bf_demo_chance (d, 0.9)
                            ? due - _bf_demo_rnd (d, 0, MIN (30, due - start))
                            : _bf_demo_at_most (due + _bf_demo_rnd (d, 1, 20), d->today);
            }
          else if (_bf_demo_chance (d, 0.2))
            status = "cancelled";
          else
            status = "in_progress"; /* overdue */
        }
      else
        {
          int r = _bf_demo_rnd (d, 0, 99);
          status = r < 65 ? "in_progress" : r < 75 ? "completed" : "planned";
          if (r >= 65 && r < 75)
            completed = _bf_demo_rnd (d, start, d->today);
        }
      budget = (gint64) _bf_demo_rnd (d, k->budget_lo, k->budget_hi) * 100;
      if (g_str_equal (status, "completed"))
        spent = budget;
      else if (g_str_equal (status, "in_progress"))
        spent = budget * _bf_demo_rnd (d, 0, 80) / 100;
      description = g_strdup (k->description);
      _bf_demo_stamp (d, MIN (start, d->today));
      _bf_demo_insert (
        d,
        "INSERT INTO measures (uuid, created_at, updated_at, plan_id, household_id, "
        "category, description, department, helper_id, starts_on, due_on, budget_fen, "
        "spent_fen, status, completed_on, effect, household_confirmed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "IItttrDDIItDtb", plan, h->id, k->category, description, k->department, h->helper_id, start,
        due, budget, spent, status, completed, completed != 0 ? k->effect : NULL,
        completed != 0 ? (_bf_demo_chance (d, 0.9) ? 1 : 0) : -1);
    }
  return plan;
}

static void
insert_follow_up (Demo *d, DemoHousehold *h, gint64 income_then, gint64 income_now)
{
  static const struct
  {
    const char *period;
    int year; /* of the lines */
    int y, m, day;
  } periods[] = { { "2025", 2025, 2026, 1, 15 },
                  { "2026Q1", 2026, 2026, 4, 10 },
                  { "2026Q2", 2026, 2026, 7, 10 } };
  const DemoSurvey *latest = &h->surveys[h->n_surveys - 1];
  int from = MAX (h->registered_on + 10, d->today - 700);
  int n_visits = _bf_demo_rnd (d, 1, 4);
  gint64 previous = G_MININT64;
  int exit_by = h->exit_round != 0 ? h->exit_round + step_offset[STEP_ASSESS_EXIT] : 0;
  int first_plan = MAX (_bf_demo_year_of (h->registered_on), 2025);
  int last_plan = 2026;

  if (exit_by != 0)
    {
      last_plan = _bf_demo_year_of (exit_by);
      first_plan = MIN (MAX (_bf_demo_year_of (h->registered_on), last_plan - 1), last_plan);
    }
  for (int y = first_plan; y <= last_plan; y++)
    insert_plan (d, h, y, y == first_plan ? exit_by : 0);

  for (int i = 0; i < n_visits && from < d->today; i++)
    {
      int day = _bf_demo_rnd (d, from, d->today);
      gboolean problem = _bf_demo_chance (d, 0.15);
      guint p = _bf_demo_rnd (d, 0, G_N_ELEMENTS (visit_problems) - 1);
      gboolean rectified = problem && _bf_demo_chance (d, 0.7);
      int deadline = problem ? day + _bf_demo_rnd (d, 15, 60) : 0;
      static const char *const ratings[] = { "satisfied", "fairly", "dissatisfied", NULL };
      static const guint rating_w[] = { 80, 14, 3, 3 };
      const char *mode = _bf_demo_chance (d, 0.8) ? "home" : "phone";
      const char *findings = PICK (d, visit_findings);
      const char *rating = ratings[_bf_demo_pick_weighted (d, rating_w, G_N_ELEMENTS (rating_w))];

      _bf_demo_stamp (d, day);
      _bf_demo_insert (
        d,
        "INSERT INTO visits (uuid, created_at, updated_at, household_id, helper_id, "
        "visited_on, visitor, mode, findings, problems, rectification, deadline, "
        "rectified_on, satisfaction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "IrDtttttDDt", h->id, h->helper_id, day, h->helper_name, mode, findings,
        problem ? visit_problems[p][0] : NULL, problem ? visit_problems[p][1] : NULL, deadline,
        rectified ? MIN (deadline, d->today) : 0, rating);
    }

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      int day = _bf_demo_julian (periods[i].y, periods[i].m, periods[i].day);
      int year = periods[i].year;
      gint64 pc, poverty = _bf_demo_line_for (d, year, 0),
                 monitoring = _bf_demo_line_for (d, year, 1);

      if (day < h->registered_on + 30)
        continue;
      if (day <= latest->date)
        {
          /* Between identification and the latest survey: on the way from one to the other. */
          double t = (double) (day - h->registered_on) / MAX (1, latest->date - h->registered_on);
          pc = income_then + (gint64) ((income_now - income_then) * CLAMP (t, 0.0, 1.0));
        }
      else
        {
          /* After it: growing about 6% a year. */
          pc = income_now + income_now * 6 * (day - latest->date) / 36500;
        }
      pc = pc * _bf_demo_rnd (d, 95, 105) / 100;
      _bf_demo_stamp (d, day);
      _bf_demo_insert (
        d,
        "INSERT INTO assessments (uuid, created_at, updated_at, household_id, period, "
        "assessed_on, per_capita_fen, poverty_line_fen, monitoring_line_fen, result, "
        "change_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "ItDIIItr", h->id, periods[i].period, day, pc, poverty, monitoring,
        bf_income_level_code (bf_income_level (pc, poverty, monitoring)),
        previous == G_MININT64 ? (gint64) 0 : pc - previous);
      previous = pc;
    }
}

static gint64
insert_acceptance (Demo *d, DemoHousehold *h, const DemoSurvey *exit_survey, int day)
{
  BfExitFacts facts = { 0 };
  BfExitCheck checks[BF_N_EXIT_CHECKS];
  static const char *const check_codes[BF_N_EXIT_CHECKS] = { "income", "guarantees", "measure",
                                                             "monitored", "labour" };
  g_autoptr (JsonBuilder) team = json_builder_new ();
  g_autoptr (JsonBuilder) list = json_builder_new ();
  g_autofree char *team_json = NULL;
  g_autofree char *checks_json = NULL;
  GDate from, to;
  gboolean passed;

  facts.per_capita_fen = exit_survey->per_capita;
  facts.poverty_line_fen = _bf_demo_line_for (d, _bf_demo_year_of (day), 0);
  facts.months_above_line = _bf_demo_rnd (d, 6, 18);
  for (int g = 0; g < BF_N_GUARANTEES; g++)
    facts.secured[g] = TRUE;
  facts.measures_completed = 1;
  _bf_demo_julian_to_date (h->registered_on, &from);
  _bf_demo_julian_to_date (day, &to);
  facts.months_monitored = bf_months_between (&from, &to);
  facts.members_with_labour = h->with_labour;
  facts.labour_exception = h->with_labour == 0;
  passed = bf_exit_checks_run (&facts, checks);

  json_builder_begin_array (team);
  for (int i = 0; i < 3; i++)
    json_builder_add_string_value (team, d->staff[(i + _bf_demo_rnd (d, 0, 3)) % 4]);
  json_builder_end_array (team);
  json_builder_begin_array (list);
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      json_builder_begin_object (list);
      json_builder_set_member_name (list, "check");
      json_builder_add_string_value (list, check_codes[i]);
      json_builder_set_member_name (list, "passed");
      json_builder_add_boolean_value (list, checks[i].passed);
      json_builder_set_member_name (list, "reason");
      json_builder_add_string_value (list, checks[i].reason);
      json_builder_end_object (list);
    }
  json_builder_end_array (list);
  bf_exit_checks_clear (checks);
  {
    g_autoptr (JsonNode) t = json_builder_get_root (team);
    g_autoptr (JsonNode) c = json_builder_get_root (list);
    team_json = json_to_string (t, FALSE);
    checks_json = json_to_string (c, FALSE);
  }
  _bf_demo_stamp (d, day);
  return _bf_demo_insert (
    d,
    "INSERT INTO exit_acceptances (uuid, created_at, updated_at, household_id, "
    "accepted_on, team, checks, exception_note, result, reported_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "IDttttD", h->id, day, team_json, checks_json,
    h->with_labour == 0 ? "家庭无劳动能力成员，纳入社会保障兜底，记录在案" : NULL,
    passed ? "accepted" : "not_accepted", day + 3);
}

/* The events of the path, and the records each step stands on. */
static void
insert_history (Demo *d, DemoHousehold *h)
{
  BfStatus status = BF_STATUS_SURVEYED;
  DemoShared *village_notice = NULL;
  char doc[64], reason[128];
  gint64 ref;
  int day;
  const DemoSurvey *first = &h->surveys[0];

  for (int step = 0; step < N_STEPS && d->error == NULL; step++)
    {
      gboolean rejecting = FALSE;

      if (step == h->n_steps)
        {
          if (h->reject == REJECT_NONE)
            break;
          rejecting = TRUE;
        }
      if (step > h->n_steps)
        break;
      if (step == STEP_TOWNSHIP_NOTICE && !d->township_notice)
        continue;
      day = step_date (h, step);
      switch ((DemoStep) step)
        {
          case STEP_VERIFY:
            if (rejecting)
              {
                ref = _bf_demo_add_review (d, h, "verification", "identification", day, "reject",
                                           "经入户核查，家庭人均纯收入高于扶贫标准", NULL);
                status = _bf_demo_add_event (d, h, status, BF_ACTION_REJECT, day,
                                             "人均纯收入高于扶贫标准", "review", ref, NULL);
                break;
              }
            if (h->send_back)
              {
                int first_verify = h->verify_date;
                ref = _bf_demo_add_review (d, h, "verification", "identification", first_verify,
                                           "return", "家庭成员收入材料不全，退回补充", NULL);
                status = _bf_demo_add_event (d, h, status, BF_ACTION_VERIFY, first_verify, NULL,
                                             "review", ref, NULL);
                status = _bf_demo_add_event (d, h, status, BF_ACTION_SEND_BACK, h->round - 20,
                                             "家庭成员收入材料不全，退回补充", "review", ref, NULL);
              }
            ref = _bf_demo_add_review (d, h, "verification", "identification", day, "approve",
                                       "经入户核查，情况属实", NULL);
            status =
              _bf_demo_add_event (d, h, status, BF_ACTION_VERIFY, day, NULL, "review", ref, NULL);
            break;
          case STEP_APPRAISE:
            {
              DemoShared *m = _bf_demo_meeting_for (d, h->village, day);
              int votes_for = rejecting ? m->present * _bf_demo_rnd (d, 20, 45) / 100
                                        : m->present * _bf_demo_rnd (d, 75, 98) / 100;
              int against = (m->present - votes_for) * _bf_demo_rnd (d, 30, 90) / 100;
              _bf_demo_stamp (d, day);
              _bf_demo_insert (
                d,
                "INSERT INTO appraisal_votes (uuid, created_at, updated_at, meeting_id, "
                "household_id, votes_for, votes_against, abstentions, passed) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "IIiiii", m->id, h->id, votes_for, against, m->present - votes_for - against,
                rejecting ? 0 : 1);
              status = _bf_demo_add_event (
                d, h, status, rejecting ? BF_ACTION_REJECT : BF_ACTION_APPRAISE, day,
                rejecting ? "民主评议未通过" : NULL, "meeting", m->id, NULL);
            }
            break;
          case STEP_VILLAGE_NOTICE:
            village_notice = _bf_demo_notice_for (d, NOTICE_VILLAGE, h->village, day);
            g_snprintf (reason, sizeof reason, "%s", h->cause[0]->label);
            _bf_demo_add_notice_item (d, village_notice, h, day, reason,
                                      h->reject == REJECT_OBJECTION ? day + 5 : 0);
            status = _bf_demo_add_event (d, h, status, BF_ACTION_POST_VILLAGE_NOTICE, day, NULL,
                                         "notice", village_notice->id, NULL);
            if (h->reject == REJECT_OBJECTION)
              {
                _bf_demo_add_objection (d, village_notice, h, day + 2, "upheld");
                status = _bf_demo_add_event (
                  d, h, status, BF_ACTION_REJECT, day + DEMO_NOTICE_DAYS + 1,
                  "公示期间群众异议经核实属实", "notice", village_notice->id, NULL);
                step = N_STEPS;
              }
            else if (h->status == BF_STATUS_VILLAGE_NOTICE && d->today < day + DEMO_NOTICE_DAYS)
              {
                if (_bf_demo_chance (d, 0.15))
                  _bf_demo_add_objection (d, village_notice, h, _bf_demo_rnd (d, day, d->today),
                                          "pending");
              }
            else if (_bf_demo_chance (d, 0.03))
              _bf_demo_add_objection (d, village_notice, h, day + _bf_demo_rnd (d, 1, 3),
                                      "dismissed");
            break;
          case STEP_TOWNSHIP_REVIEW:
            ref = _bf_demo_add_review (d, h, "township", "identification", day,
                                       rejecting ? "reject" : "approve",
                                       rejecting ? "经乡镇审核，不符合识别标准" : "同意纳入", NULL);
            status = _bf_demo_add_event (
              d, h, status, rejecting ? BF_ACTION_REJECT : BF_ACTION_TOWNSHIP_REVIEW, day,
              rejecting ? "乡镇审核未通过" : NULL, "review", ref, NULL);
            break;
          case STEP_TOWNSHIP_NOTICE:
            {
              DemoShared *n = _bf_demo_notice_for (d, NOTICE_TOWNSHIP, h->village, day);
              _bf_demo_add_notice_item (d, n, h, day, h->cause[0]->label, 0);
              status = _bf_demo_add_event (d, h, status, BF_ACTION_POST_TOWNSHIP_NOTICE, day, NULL,
                                           "notice", n->id, NULL);
            }
            break;
          case STEP_COUNTY_APPROVE:
            if (rejecting)
              {
                ref = _bf_demo_add_review (d, h, "county", "identification", day, "reject",
                                           "比对发现家庭成员有财政供养人员", NULL);
                status = _bf_demo_add_event (d, h, status, BF_ACTION_REJECT, day,
                                             "县级比对发现不符合条件", "review", ref, NULL);
                _bf_demo_add_adjustment (d, h, "correction", NULL, day,
                                         "识别不准纠错：家庭成员有财政供养人员", NULL);
                break;
              }
            _bf_demo_document_number (d, day, doc, sizeof doc);
            ref = _bf_demo_add_review (d, h, "county", "identification", day, "approve", "同意纳入",
                                       doc);
            status = _bf_demo_add_event (d, h, status, BF_ACTION_COUNTY_APPROVE, day, NULL,
                                         "review", ref, doc);
            _bf_demo_add_adjustment (d, h, "new", NULL, day, "新识别纳入扶贫对象", doc);
            if (day + 2 <= d->today)
              _bf_demo_add_notice_item (d,
                                        _bf_demo_notice_for (d, NOTICE_COUNTY, h->village, day + 2),
                                        h, day + 2, h->cause[0]->label, 0);
            _bf_demo_insert_assignments (d, h);
            break;
          case STEP_ASSESS_EXIT:
            status = _bf_demo_add_event (d, h, status, BF_ACTION_ASSESS_EXIT, day, NULL, "survey",
                                         h->surveys[1].id, NULL);
            break;
          case STEP_EXIT_NOTICE:
            {
              DemoShared *n = _bf_demo_notice_for (d, NOTICE_EXIT, h->village, day);
              char money[32];
              g_autofree char *yuan = bf_money_format (h->surveys[1].per_capita);
              g_snprintf (money, sizeof money, "人均纯收入%s元", yuan);
              _bf_demo_add_notice_item (d, n, h, day, money, 0);
              if (_bf_demo_chance (d, 0.02))
                _bf_demo_add_objection (d, n, h, day + _bf_demo_rnd (d, 1, 3), "dismissed");
              status = _bf_demo_add_event (d, h, status, BF_ACTION_POST_EXIT_NOTICE, day, NULL,
                                           "notice", n->id, NULL);
            }
            break;
          case STEP_ACCEPT_EXIT:
            ref = insert_acceptance (d, h, &h->surveys[1], day);
            status = _bf_demo_add_event (d, h, status, BF_ACTION_ACCEPT_EXIT, day, NULL,
                                         "acceptance", ref, NULL);
            break;
          case STEP_APPROVE_EXIT:
            _bf_demo_document_number (d, day, doc, sizeof doc);
            ref = _bf_demo_add_review (d, h, "county", "exit", day, "approve", "同意退出", doc);
            status = _bf_demo_add_event (d, h, status, BF_ACTION_APPROVE_EXIT, day, NULL, "review",
                                         ref, doc);
            _bf_demo_add_adjustment (d, h, "exit", NULL, day, "达到脱贫标准，批准退出", doc);
            break;
          case STEP_RETURN:
            ref = _bf_demo_add_adjustment (d, h, "returned", NULL, day,
                                           "因病返贫，人均纯收入低于扶贫标准", NULL);
            status =
              _bf_demo_add_event (d, h, status, BF_ACTION_RETURN_TO_POVERTY, day,
                                  "因病返贫，人均纯收入低于扶贫标准", "adjustment", ref, NULL);
            break;
          case N_STEPS:
          default:
            g_assert_not_reached ();
        }
    }
  if (d->error == NULL && status != h->status)
    g_set_error (&d->error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED,
                 "demo: household %s ended at %s instead of %s", h->number, bf_status_code (status),
                 bf_status_code (h->status));

  /* Natural changes: children born after registration. */
  for (guint i = 0; i < h->n_members && h->registered_on != 0; i++)
    if (h->members[i].birth > h->registered_on)
      _bf_demo_add_adjustment (d, h, "natural", "birth", h->members[i].birth,
                               "新生儿出生，增加家庭人口", NULL);
  if (h->registered_on != 0)
    insert_follow_up (d, h, first->per_capita, h->surveys[h->n_surveys - 1].per_capita);
}

static void
make_causes (Demo *d, DemoHousehold *h)
{
  guint n_other = _bf_demo_rnd (d, 0, 2);

  h->cause[0] = _bf_demo_pick_cause (d);
  h->cause[1] = h->cause[2] = NULL;
  for (guint i = 1; i <= n_other; i++)
    {
      const DemoCause *c = _bf_demo_pick_cause (d);
      if (c != h->cause[0] && c != h->cause[1])
        h->cause[i] = c;
      else
        break;
    }
}

static void
make_surveys (Demo *d, DemoHousehold *h)
{
  gboolean too_rich = h->reject == REJECT_VERIFY;
  DemoSurvey *s;

  h->n_surveys = 0;
  s = _bf_demo_add_survey (d, h, h->survey_date,
                           too_rich ? _bf_demo_target_income (d, h->survey_date, 1.05, 1.6)
                                    : _bf_demo_target_income (d, h->survey_date, 0.45, 0.98),
                           FALSE);
  if (h->n_steps >= 1 && h->reject != REJECT_VERIFY)
    s->verified_on = step_date (h, STEP_VERIFY);

  if (h->exit_round != 0)
    {
      int day = h->exit_round + step_offset[STEP_ASSESS_EXIT] - _bf_demo_rnd (d, 3, 10);
      _bf_demo_add_survey (d, h, day, _bf_demo_target_income (d, day, 1.3, 2.8), TRUE);
      if (h->returned_on != 0)
        {
          int surveyed = h->returned_on - _bf_demo_rnd (d, 3, 10);
          _bf_demo_add_survey (d, h, surveyed,
                               _bf_demo_target_income (d, h->returned_on, 0.6, 0.98), FALSE);
        }
    }
  else if (h->registered_on != 0 && h->registered_on < _bf_demo_julian (2026, 1, 1))
    {
      int day = _bf_demo_julian (2026, 3, _bf_demo_rnd (d, 1, 28));
      gboolean secured = _bf_demo_chance (d, 0.7);
      _bf_demo_add_survey (d, h, day, _bf_demo_target_income (d, day, 0.7, 1.4), secured);
    }
}

void
_bf_demo_generate_household (Demo *d)
{
  static const char *const attributes[] = { "general", "dibao", "tekun" };
  static const guint attribute_w[] = { 65, 27, 8 };
  DemoHousehold h;
  DemoVillage *v;
  guint index = d->household_index++;

  memset (&h, 0, sizeof h);
  v = g_ptr_array_index (
    d->villages, _bf_demo_pick_weighted (d, (const guint *) d->village_w->data, d->village_w->len));
  h.village = v;
  h.group = _bf_demo_rnd (d, 0, v->groups->len - 1);
  g_snprintf (h.number, sizeof h.number, "%s%05u", v->number_prefix, ++v->next_seq);
  h.status = index < BF_N_STATUSES
               ? (BfStatus) index
               : (BfStatus) _bf_demo_pick_weighted (d, status_weight, BF_N_STATUSES);
  if (h.status == BF_STATUS_TOWNSHIP_NOTICE && !d->township_notice)
    h.status = BF_STATUS_TOWNSHIP_REVIEWED;
  h.attribute = attributes[_bf_demo_pick_weighted (d, attribute_w, G_N_ELEMENTS (attribute_w))];
  make_causes (d, &h);
  plan_path (d, &h);
  h.last_event = last_event_date (&h);
  _bf_demo_make_members (d, &h);
  _bf_demo_apply_cause_to_members (d, &h);
  make_surveys (d, &h);
  if (h.status == BF_STATUS_RETURNED || (h.status == BF_STATUS_EXITED && _bf_demo_chance (d, 0.15)))
    h.monitoring = "unstable";
  else if (h.status == BF_STATUS_REGISTERED && h.registered_on >= _bf_demo_julian (2021, 1, 1))
    h.monitoring = _bf_demo_chance (d, 0.3)    ? "marginal"
                   : _bf_demo_chance (d, 0.15) ? "hardship"
                                               : NULL;
  if (h.monitoring != NULL && !bf_code_is_valid (BF_CODES_MONITORING_TYPE, h.monitoring))
    h.monitoring = NULL;

  if (h.registered_on != 0)
    _bf_demo_choose_helper (d, &h);

  insert_household (d, &h);
  insert_members (d, &h);
  index_household (d, &h);
  for (guint i = 0; i < h.n_surveys; i++)
    insert_survey (d, &h, &h.surveys[i]);
  insert_history (d, &h);
}
