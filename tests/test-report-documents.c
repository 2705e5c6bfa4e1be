/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bf-documents.h"
#include "bf-ledger.h"
#include "bf-money.h"
#include "bf-store-household.h"
#include "bf-store-lines.h"
#include "bf-store-plans.h"
#include "bf-store-regions.h"
#include "bf-test-household.h"
#include "bf-test-pdf.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

/* The household documents read back from their PDFs: the registration form shows every field of
 * the household, the wall card shows its helper and measures and nothing private, and a long
 * household (10 members, 15 measures) goes onto more pages without a row cut in two. */

#define YEAR 2026

typedef struct
{
  char *dir;
  BfStore *store;
  gint64 village_id;
  gint64 big;   /* 10 members, 15 measures, every field recorded */
  gint64 small; /* a head alone, no plan, no helper */
  gint64 third;
  BfHelper *helper;
  BfHousehold *household; /* the big one as the register has it */
  BfPlan *plan;
} Fixture;

static Fixture shared;

static const char *const names[] = { "欧阳振华", "李秀英", "欧阳明", "欧阳丽", "欧阳军",
                                     "王桂兰",   "欧阳平", "欧阳燕", "欧阳海", "欧阳春" };
static const char *const relations[] = { "head",     "spouse",         "son",      "daughter",
                                         "son",      "parent",         "grandson", "granddaughter",
                                         "grandson", "daughter_in_law" };
static const char *const births[] = { "19700315", "19720808", "19950101", "19980612", "20010930",
                                      "19460202", "20160505", "20180707", "20200101", "19960404" };
static const char *const healths[] = { "healthy", "chronic", "healthy", "serious", "disabled",
                                       "chronic", "healthy", "healthy", "healthy", "healthy" };

/* The measures of the big household's plan; the descriptions of the first two name an illness. */
static const struct
{
  const char *category;
  const char *subtype;
  const char *description;
  const char *status;
} measures[] = {
  { "health", "chronic_care", "家庭医生签约服务，落实慢性病门诊报销", "in_progress" },
  { "social_security", "disability_allowance", "发放残疾人两项补贴", "completed" },
  { "social_security", NULL, "纳入农村低保", "completed" }, /* named by its wording */
  { "industry", "planting", "发展油茶种植，补助种苗", "in_progress" },
  { "industry", "breeding", "养殖生猪，补助仔猪和饲料", "planned" },
  { "employment", "training", "参加职业技能培训（电焊）", "completed" },
  { "employment", "public_post", "开发村级公益性岗位（保洁员）", "in_progress" },
  { "education", "rain_plan", "落实雨露计划职业教育补助", "completed" },
  { "education", "fee_waiver", "落实义务教育阶段学生资助", "in_progress" },
  { "ecology", "forest_ranger", "聘为生态护林员", "in_progress" },
  { "housing", "renovation", "危房改造（C级维修加固）", "completed" },
  { "finance", "microcredit", "发放扶贫小额信贷，用于发展产业", "in_progress" },
  { "other", "drinking_water", "接通自来水，改善饮水条件", "completed" },
  { "other", "road", "硬化入户道路", "cancelled" },
  { "industry", "ecommerce", "电商销售农产品，开设网店", "planned" },
};

static BfMember *
member (guint i)
{
  g_autofree char *id = bf_test_id_number_at ("430102", births[i], 11 + 2 * i + (i % 2));
  BfMember *m = bf_test_member (names[i], relations[i], id);

  m->ethnicity = g_strdup (i % 3 == 0 ? "han" : i % 3 == 1 ? "miao" : "yao");
  m->education = g_strdup (i < 2 ? "junior" : "senior");
  m->school_status = g_strdup (i >= 6 ? "primary" : "none");
  m->health = g_strdup (healths[i]);
  m->disability_grade = g_str_equal (healths[i], "disabled") ? 2 : 0;
  m->labour = g_strdup (i < 5 ? "ordinary" : "none");
  m->work_status = g_strdup (i == 2 ? "outside" : "none");
  m->work_months = i == 2 ? 9 : 0;
  m->medical_insurance = 1;
  m->serious_illness_insurance = i < 8 ? 1 : 0;
  m->pension_insurance = i < 6 ? 1 : 0;
  if (i < 3)
    m->phone = g_strdup_printf ("1397461%04u", 1000 + i);
  return m;
}

static gint64
add_big (Fixture *f, BfVillage *village)
{
  g_autoptr (BfHousehold) h = bf_household_new ();
  BfSurvey *s = bf_survey_new ();
  static const char *const notes[] = { "口粮自给",     "四季衣被齐全", "子女均在校",
                                       "全员参加医保", "砖混结构住房", "自来水入户" };

  h->number = g_strdup ("001-00077");
  h->village_id = village->id;
  h->group_id = ((BfGroup *) g_ptr_array_index (village->groups, 2))->id;
  h->address = g_strdup ("青山村三组桂花路17号");
  h->phone = g_strdup ("0746-7654321");
  h->bank_name = g_strdup ("宁远县农村信用合作联社");
  h->bank_account = g_strdup ("6217995550001234567");
  h->attribute = g_strdup ("dibao");
  h->monitoring_type = g_strdup ("marginal");
  h->standard = g_strdup ("provincial");
  h->primary_cause = g_strdup ("illness");
  h->other_causes[0] = g_strdup ("schooling");
  h->other_causes[1] = g_strdup ("funds");
  h->cause_note = g_strdup ("户主妻子长期服药，两个子女上学");
  h->house_area_m2 = 96.5;
  h->dangerous_house = 1;
  h->relocated = 0;
  h->farmland_mu = 3.2;
  h->forest_mu = 12;
  h->livestock = g_strdup ("生猪三头，鸡二十只");
  h->industry = g_strdup ("油茶五亩，柑橘两亩");
  h->first_identified_on = g_strdup ("2016-04-18");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (h->members, member (i));

  s->year = YEAR;
  s->surveyed_on = g_strdup ("2026-03-15");
  s->surveyor = g_strdup ("司马琳婷");
  s->verifier = g_strdup ("诸葛文韬");
  s->verified_on = g_strdup ("2026-03-22");
  s->wage_fen = 1523401;
  s->business_fen = 482283;
  s->property_fen = 139469;
  s->transfer_fen = 781026;
  s->business_expense_fen = 119664;
  s->education_expense_fen = 190011;
  s->medical_expense_fen = 523422;
  s->housing_expense_fen = 10033;
  s->pension_expense_fen = 10044;
  s->rigid_expense_fen = 2520055;
  s->debt_fen = 3000066;
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    {
      s->secured[i] = i == 4 ? 0 : 1;
      s->secured_note[i] = g_strdup (notes[i]);
    }
  h->survey = s;
  bf_test_household_save (f->store, h);
  return h->id;
}

static void
add_plan (Fixture *f, gint64 household_id)
{
  g_autoptr (BfPlan) plan = bf_plan_new ();
  g_autoptr (GError) error = NULL;

  plan->household_id = household_id;
  plan->year = YEAR;
  plan->goal = g_strdup ("2026年底两不愁三保障全面落实，稳定增收");
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      BfMeasure *m = bf_measure_new ();

      m->category = g_strdup (measures[i].category);
      m->subtype = g_strdup (measures[i].subtype);
      m->description = g_strdup (measures[i].description);
      m->helper_id = f->helper->id;
      m->starts_on = g_strdup_printf ("2026-%02u-01", 1 + i % 9);
      m->due_on = g_strdup_printf ("2026-%02u-28", 3 + i % 9);
      m->budget_fen = 100000 + 12345 * (gint64) i;
      m->spent_fen = g_str_equal (measures[i].status, "completed") ? m->budget_fen : 1000 * i;
      m->status = g_strdup (measures[i].status);
      if (g_str_equal (measures[i].status, "completed"))
        m->completed_on = g_strdup ("2026-10-10");
      g_ptr_array_add (plan->measures, m);
    }
  g_assert_true (bf_store_plan_save (f->store, plan, &error));
  g_assert_no_error (error);
}

static void
build (Fixture *f)
{
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *small_id = bf_test_id_number_at ("430102", "19600101", 21);
  g_autofree char *third_id = bf_test_id_number_at ("430102", "19650101", 31);
  g_autoptr (BfHousehold) small = NULL;
  g_autoptr (BfHousehold) third = NULL;
  BfVillage *village;

  g_setenv ("BANGFU_TODAY", "2026-12-01", TRUE);
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "r", 2);
  g_assert_true (
    bf_store_setting_set (f->store, BF_SETTING_SUPERVISION_PHONE, "0746-12317", &error));
  g_assert_true (bf_store_poverty_line_set (f->store, YEAR, 420000, 630000, NULL, &error));
  villages = bf_store_list_villages (f->store, &error);
  village = g_ptr_array_index (villages, 0);
  f->village_id = village->id;

  f->helper = bf_helper_new ();
  f->helper->name = g_strdup ("上官婉清");
  f->helper->unit = g_strdup ("县农业农村局");
  f->helper->level = g_strdup ("county");
  f->helper->position = g_strdup ("副科长");
  f->helper->phone = g_strdup ("13807461234");
  g_assert_true (bf_store_helper_save (f->store, f->helper, &error));
  g_assert_no_error (error);

  f->big = add_big (f, village);
  g_assert_true (bf_store_helper_assign (f->store, f->big, f->helper->id, "2026-01-05", &error));
  g_assert_no_error (error);
  add_plan (f, f->big);

  small = bf_test_household ("001-00078", village->id, "独孤求", small_id);
  bf_test_household_save (f->store, small);
  f->small = small->id;
  third = bf_test_household ("001-00079", village->id, "令狐冲", third_id);
  bf_test_household_save (f->store, third);
  f->third = third->id;
  /* Under assistance: the cards of a village are theirs. */
  bf_test_exec (f->store, "UPDATE households SET status = 'registered'");

  f->household = bf_store_household_get (f->store, f->big, &error);
  g_assert_no_error (error);
  f->plan = bf_store_plan_get (f->store, f->big, YEAR, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (shared.store == NULL)
    build (&shared);
  *f = shared;
  g_assert_true (bf_store_set_card_income (f->store, BF_CARD_INCOME_NONE, NULL));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
}

static char *
write_pdf (Fixture *f,
           BfDocumentKind kind,
           BfPaper paper,
           const gint64 *ids,
           guint n,
           BfDocumentsResult *result)
{
  BfDocumentOptions options = { kind, paper, 0 };
  g_autoptr (GError) error = NULL;
  char *pdf = g_build_filename (f->dir, kind == BF_DOCUMENT_CARD ? "card.pdf" : "form.pdf", NULL);
  gboolean ok =
    bf_documents_write_pdf (f->store, &options, ids, n, pdf, NULL, NULL, NULL, result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return pdf;
}

/* Some line of @layout (pdftotext -layout), without white space, holds @expected (also without
 * it): a label and its value, or a table row's cells in order. */
static void
assert_line (const char *layout, const char *expected)
{
  g_auto (GStrv) lines = g_strsplit (layout, "\n", -1);
  g_autofree char *want = bf_test_squeeze (expected);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = bf_test_squeeze (lines[i]);

      if (strstr (line, want) != NULL)
        return;
    }
  g_error ("no line of the PDF reads “%s”", expected);
}

static void
assert_in (const char *squeezed, const char *expected)
{
  g_autofree char *want = bf_test_squeeze (expected);

  if (strstr (squeezed, want) == NULL)
    g_error ("the PDF does not show “%s”", expected);
}

static const char *
word (BfCodeList list, const char *code)
{
  return bf_ledger_code_label (list, code);
}

static void
assert_money (const char *layout, const char *label, gint64 fen)
{
  g_autofree char *yuan = bf_money_format (fen);
  g_autofree char *pair = g_strconcat (label, yuan, NULL);

  assert_line (layout, pair);
}

static void
test_form_fields (Fixture *f, gconstpointer data)
{
  const BfHousehold *h = f->household;
  const BfSurvey *s = h->survey;
  static const char *const guarantees[] = { "不愁吃",         "不愁穿",         "义务教育有保障",
                                            "基本医疗有保障", "住房安全有保障", "饮水安全有保障" };
  g_autofree char *pdf = write_pdf (f, BF_DOCUMENT_FORM, BF_PAPER_A4, &f->big, 1, NULL);
  g_autofree char *layout = bf_test_pdf_text (pdf, 0, TRUE);
  g_autofree char *raw = NULL;
  g_autofree char *all = NULL;

  if (layout == NULL)
    return;
  /* Reading order keeps a wrapped cell's lines together. */
  raw = bf_test_pdf_text (pdf, 0, FALSE);
  all = bf_test_squeeze (raw);

  /* The household's own fields, each beside its label. */
  assert_line (layout, "户主姓名欧阳振华户编号001-00077");
  assert_line (layout, "行政村村1村民小组3组");
  assert_line (layout, "家庭住址青山村三组桂花路17号");
  assert_line (layout, "联系电话0746-7654321家庭人口10人");
  assert_line (layout, "开户银行宁远县农村信用合作联社银行账号6217995550001234567");
  assert_line (layout, "贫困户属性低保贫困户监测对象类型边缘易致贫户");
  assert_line (layout, "识别标准省定标准首次识别时间2016年4月18日");
  assert_line (layout, "当前状态帮扶中");
  assert_in (all, "上官婉清（县农业农村局）　13807461234");
  assert_line (layout, "主要致贫原因因病其他致贫原因因学、缺资金");
  assert_line (layout, "致贫原因说明户主妻子长期服药，两个子女上学");
  assert_line (layout, "住房面积96.5平方米是否危房是");
  assert_line (layout, "易地扶贫搬迁否耕地面积3.2亩");
  assert_line (layout, "林地面积12亩养殖情况生猪三头，鸡二十只");
  assert_line (layout, "产业发展情况油茶五亩，柑橘两亩");

  /* Every member's row, with the ID number in full: the first table's cells in order, then the
   * second's. */
  for (guint i = 0; i < h->members->len; i++)
    {
      const BfMember *m = g_ptr_array_index (h->members, i);
      g_autofree char *first = g_strdup_printf (
        "%u%s%s%s%s%s%s%s%s", i + 1, m->name, word (BF_CODES_RELATION, m->relation), m->id_number,
        word (BF_CODES_SEX, m->sex), m->birth_date, word (BF_CODES_ETHNICITY, m->ethnicity),
        word (BF_CODES_EDUCATION, m->education), word (BF_CODES_SCHOOL_STATUS, m->school_status));
      g_autofree char *health =
        m->disability_grade > 0 ? g_strdup_printf ("%s（二级）", word (BF_CODES_HEALTH, m->health))
                                : g_strdup (word (BF_CODES_HEALTH, m->health));
      g_autofree char *second = g_strdup_printf (
        "%u%s%s%s%s%d%s%s%s%s", i + 1, m->name, health, word (BF_CODES_LABOUR, m->labour),
        word (BF_CODES_WORK_STATUS, m->work_status), m->work_months, "已参保",
        m->serious_illness_insurance ? "已参保" : "未参保",
        m->pension_insurance ? "已参保" : "未参保", m->phone ? m->phone : "");

      assert_line (layout, first);
      assert_line (layout, second);
    }

  /* The survey: incomes, expenses, the lines of its year, causes, guarantees, who and when. */
  assert_in (all, "收入与支出情况（2026年，单位：元）");
  assert_money (layout, "工资性收入", s->wage_fen);
  assert_money (layout, "生产经营性收入", s->business_fen);
  assert_money (layout, "财产性收入", s->property_fen);
  assert_money (layout, "转移性收入", s->transfer_fen);
  assert_money (layout, "生产经营性支出", s->business_expense_fen);
  assert_money (layout, "家庭年人均纯收入", s->per_capita_fen);
  assert_money (layout, "当年扶贫标准", 420000);
  assert_money (layout, "当年监测线", 630000);
  assert_money (layout, "教育支出", s->education_expense_fen);
  assert_money (layout, "医疗支出", s->medical_expense_fen);
  assert_money (layout, "住房支出", s->housing_expense_fen);
  assert_money (layout, "养老支出", s->pension_expense_fen);
  assert_money (layout, "大额刚性支出", s->rigid_expense_fen);
  assert_money (layout, "家庭债务", s->debt_fen);
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    {
      g_autofree char *row =
        g_strconcat (guarantees[i], s->secured[i] ? "是" : "否", s->secured_note[i], NULL);

      assert_line (layout, row);
    }
  assert_line (layout, "调查人司马琳婷调查日期2026年3月15日");
  assert_line (layout, "核查人诸葛文韬核查日期2026年3月22日");

  /* Signatures, the header with the county and township, the footer. */
  assert_in (all, "户主（签字或按手印）：");
  assert_in (all, "调查人（签字）：");
  assert_in (all, "测试县测试镇");
  assert_in (all, "第1页共");
}

static void
assert_no_private (Fixture *f, const char *text)
{
  g_autofree char *all = bf_test_squeeze (text);
  gsize n_health;
  const BfCode *health = bf_codes (BF_CODES_HEALTH, &n_health);

  bf_test_assert_no_id_number (all);
  /* No bank account, no phone of the household or a member. */
  g_assert_null (strstr (all, "6217995550001234567"));
  g_assert_null (strstr (all, "62179955"));
  g_assert_null (strstr (all, "7654321"));
  g_assert_null (strstr (all, "1397461"));
  /* No health word: the printed label of every health code, and disability words. */
  for (gsize i = 0; i < n_health; i++)
    {
      const char *label = word (BF_CODES_HEALTH, health[i].code);

      if (strstr (all, label) != NULL)
        g_error ("the card shows the health word “%s”", label);
    }
  for (const char *const *w = (const char *const[]){ "残", "慢性", "疾", "病门诊", "服药", NULL };
       *w != NULL; w++)
    if (strstr (all, *w) != NULL)
      g_error ("the card shows “%s”", *w);
}

static void
test_card (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = write_pdf (f, BF_DOCUMENT_CARD, BF_PAPER_A4, &f->big, 1, NULL);
  g_autofree char *layout = bf_test_pdf_text (pdf, 0, TRUE);
  g_autofree char *all = NULL;
  g_autofree char *per_capita = NULL;

  if (layout == NULL)
    return;
  all = bf_test_squeeze (layout);

  /* Who the household is, its helper and the phones to call. */
  assert_line (layout, "户主姓名欧阳振华户编号001-00077");
  assert_line (layout, "所在村组村13组家庭人口10人");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *cell =
        g_strdup_printf ("%u%s%s", i + 1, names[i], word (BF_CODES_RELATION, relations[i]));

      assert_in (all, cell);
    }
  assert_line (layout, "姓名上官婉清联系电话13807461234");
  assert_in (all, "县农业农村局");
  assert_in (all, "监督电话：0746-12317");

  /* Every measure of the year with its amounts: the private ones in neutral words. */
  for (guint i = 0; i < f->plan->measures->len; i++)
    {
      const BfMeasure *m = g_ptr_array_index (f->plan->measures, i);
      g_autofree char *budget = bf_money_format (m->budget_fen);
      g_autofree char *spent = bf_money_format (m->spent_fen);
      const char *content = g_str_equal (m->category, "health") ? "医疗保障帮扶"
                            : g_strcmp0 (m->subtype, "disability_allowance") == 0 ? "社会救助"
                                                                                  : m->description;
      g_autofree char *squeezed = bf_test_squeeze (content);
      g_autofree char *row =
        g_strconcat (budget, spent, word (BF_CODES_MEASURE_STATUS, m->status), NULL);

      /* The content may wrap in its column: it is looked for in the whole text, the amounts and
       * status on the row's line. */
      if (strstr (all, squeezed) == NULL)
        g_error ("measure %u (%s) is not on the card", i + 1, m->description);
      assert_line (layout, row);
    }
  g_assert_cmpuint (bf_test_count (all, "已取消"), ==, 1);

  /* The policies the register gives: the attribute, programmes among the measures, insurance. */
  /* Once, though both the attribute and a measure give it. */
  g_assert_cmpuint (bf_test_count (all, "农村最低生活保障"), ==, 1);
  assert_in (all, "社会救助补贴");
  assert_in (all, "雨露计划职业教育补助");
  assert_in (all, "生态护林员");
  assert_in (all, "扶贫小额信贷");
  assert_in (all, "公益性岗位");
  assert_in (all, "农村危房改造");
  assert_in (all, "城乡居民基本医疗保险（10人参保）");
  assert_in (all, "城乡居民大病保险（8人参保）");
  assert_in (all, "城乡居民基本养老保险（6人参保）");

  assert_no_private (f, layout);
  /* No income by default. */
  per_capita = bf_money_format (f->household->survey->per_capita_fen);
  g_assert_null (strstr (all, per_capita));
  g_assert_null (strstr (all, "人均纯收入"));
}

static void
test_card_income (Fixture *f, gconstpointer data)
{
  g_autofree char *per_capita = bf_money_format (f->household->survey->per_capita_fen);
  g_autofree char *wage = bf_money_format (f->household->survey->wage_fen);

  for (BfCardIncome income = BF_CARD_INCOME_NONE; income <= BF_CARD_INCOME_DETAIL; income++)
    {
      g_autofree char *pdf = NULL;
      g_autofree char *text = NULL;
      g_autofree char *all = NULL;

      g_assert_true (bf_store_set_card_income (f->store, income, NULL));
      g_assert_cmpint (bf_store_card_income (f->store), ==, income);
      pdf = write_pdf (f, BF_DOCUMENT_CARD, BF_PAPER_A4, &f->big, 1, NULL);
      text = bf_test_pdf_text (pdf, 0, FALSE);
      if (text == NULL)
        return;
      all = bf_test_squeeze (text);
      g_assert_true ((strstr (all, per_capita) != NULL) == (income != BF_CARD_INCOME_NONE));
      g_assert_true ((strstr (all, wage) != NULL) == (income == BF_CARD_INCOME_DETAIL));
      assert_no_private (f, text);
    }
}

/* Rows never cut: by the renderer's own record, every row of every table sits whole inside the
 * body of one page; and in the PDF, each member's and measure's row reads on one line of one
 * page. */
static void
assert_rows_whole (BfPages *pages)
{
  double top, bottom;

  bf_pages_get_body (pages, &top, &bottom);
  for (guint t = 0; t < bf_pages_get_n_tables (pages); t++)
    {
      BfTable *table = bf_pages_get_table (pages, t);

      for (guint r = 0; r < bf_table_get_n_rows (table); r++)
        {
          guint page;
          double row_top, row_bottom;

          g_assert_true (bf_table_get_row_place (table, r, &page, &row_top, &row_bottom));
          g_assert_cmpuint (page, <, bf_pages_get_n_pages (pages));
          g_assert_cmpfloat (row_top, >=, top - 0.001);
          g_assert_cmpfloat (row_bottom, <=, bottom + 0.001);
        }
    }
}

static guint
paginate (BfPages *pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, BF_A4_WIDTH_PT, BF_A4_HEIGHT_PT);
  cairo_t *cr = cairo_create (surface);
  guint n = bf_pages_paginate (pages, cr);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

/* The page of @pdf (of @n_pages) whose -layout text has a line holding @expected; fails unless
 * exactly one page has it. */
static guint
page_of_line (const char *pdf, guint n_pages, const char *expected)
{
  g_autofree char *want = bf_test_squeeze (expected);
  guint found = 0;

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = bf_test_pdf_text (pdf, p, TRUE);
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = bf_test_squeeze (lines[i]);

          if (strstr (line, want) != NULL)
            {
              g_assert_cmpuint (found, ==, 0);
              found = p;
            }
        }
    }
  if (found == 0)
    g_error ("no page has a line reading “%s”", expected);
  return found;
}

static void
test_page_breaks (Fixture *f, gconstpointer data)
{
  BfDocumentOptions card_options = { BF_DOCUMENT_CARD, BF_PAPER_A5, 0 };
  BfDocumentOptions form_options = { BF_DOCUMENT_FORM, BF_PAPER_A4, 0 };
  g_autoptr (BfDocument) card = bf_document_load (f->store, &card_options, f->big, NULL);
  g_autoptr (BfDocument) form = bf_document_load (f->store, &form_options, f->big, NULL);
  BfPaperSpec spec;
  g_autofree char *pdf = NULL;
  guint n_pages;

  /* The renderer's record, on every paper. */
  for (BfPaper paper = BF_PAPER_A4; paper <= BF_PAPER_A4_TWO_A5; paper++)
    {
      double width, height;
      g_autoptr (BfPages) pages = NULL;

      bf_paper_get_spec (paper, &spec);
      bf_paper_slot (&spec, spec.sheet_width - 2 * spec.margin, spec.sheet_height - 2 * spec.margin,
                     0, NULL, &width, &height);
      pages = bf_document_pages_new (card, width, height);
      n_pages = paginate (pages);
      /* Ten members and fifteen measures do not fit on one A5 card. */
      if (paper != BF_PAPER_A4)
        g_assert_cmpuint (n_pages, >=, 2);
      assert_rows_whole (pages);
    }
  {
    g_autoptr (BfPages) pages = bf_document_pages_new (form, BF_A4_WIDTH_PT - 40 * BF_PT_PER_MM,
                                                       BF_A4_HEIGHT_PT - 40 * BF_PT_PER_MM);

    g_assert_cmpuint (paginate (pages), >=, 2);
    assert_rows_whole (pages);
  }

  /* In the PDF: each measure's amounts are on one line of one page, and a page the measures
   * continue on starts with their header again. */
  pdf = write_pdf (f, BF_DOCUMENT_CARD, BF_PAPER_A5, &f->big, 1, NULL);
  n_pages = bf_test_pdf_n_pages (pdf);
  if (n_pages == 0)
    return;
  g_assert_cmpuint (n_pages, >=, 2);
  {
    guint first = 0, last = 0;

    for (guint i = 0; i < f->plan->measures->len; i++)
      {
        const BfMeasure *m = g_ptr_array_index (f->plan->measures, i);
        g_autofree char *budget = bf_money_format (m->budget_fen);
        g_autofree char *spent = bf_money_format (m->spent_fen);
        g_autofree char *row =
          g_strdup_printf ("%s%s%s", budget, spent, word (BF_CODES_MEASURE_STATUS, m->status));
        guint page = page_of_line (pdf, n_pages, row);

        first = i == 0 ? page : first;
        last = page;
      }
    for (guint p = first; p <= last; p++)
      {
        g_autofree char *text = bf_test_pdf_text (pdf, p, FALSE);
        g_autofree char *all = bf_test_squeeze (text);

        g_assert_nonnull (strstr (all, "计划资金（元）"));
      }
  }

  /* The form: each member's row, ID number and all, on one line of one page. */
  g_free (pdf);
  pdf = write_pdf (f, BF_DOCUMENT_FORM, BF_PAPER_A4, &f->big, 1, NULL);
  n_pages = bf_test_pdf_n_pages (pdf);
  for (guint i = 0; i < f->household->members->len; i++)
    {
      const BfMember *m = g_ptr_array_index (f->household->members, i);
      g_autofree char *row =
        g_strdup_printf ("%s%s", m->name, word (BF_CODES_RELATION, m->relation));
      g_autofree char *with_id = g_strconcat (row, m->id_number, NULL);

      page_of_line (pdf, n_pages, with_id);
    }
}

static void
test_two_up (Fixture *f, gconstpointer data)
{
  gint64 ids[] = { f->small, f->big, f->third };
  BfDocumentsResult result = { 0 };
  g_autofree char *pdf = write_pdf (f, BF_DOCUMENT_CARD, BF_PAPER_A4_TWO_A5, ids, 3, &result);
  g_autofree char *info = bf_test_pdf_tool ("pdfinfo", pdf, NULL);
  BfDocumentOptions options = { BF_DOCUMENT_CARD, BF_PAPER_A5, 0 };
  g_autoptr (BfDocument) big = bf_document_load (f->store, &options, f->big, NULL);
  BfPaperSpec spec;
  double width, height;
  g_autoptr (BfPages) pages = NULL;
  guint big_pages;

  if (info == NULL)
    return;
  /* Landscape A4 sheets, each card starting on the next half. */
  g_assert_nonnull (strstr (info, "841.89 x 595.276"));
  bf_paper_get_spec (BF_PAPER_A4_TWO_A5, &spec);
  bf_paper_slot (&spec, spec.sheet_width - 2 * spec.margin, spec.sheet_height - 2 * spec.margin, 0,
                 NULL, &width, &height);
  pages = bf_document_pages_new (big, width, height);
  big_pages = paginate (pages);
  g_assert_cmpuint (result.n_documents, ==, 3);
  g_assert_cmpuint (result.n_pages, ==, 2 + big_pages);
  g_assert_cmpuint (result.n_sheets, ==, (result.n_pages + 1) / 2);
  g_assert_cmpuint (bf_test_pdf_n_pages (pdf), ==, result.n_sheets);
  {
    /* The small household's card is the left half of the first sheet, the big one's first page
     * its right half. */
    g_autofree char *first = bf_test_pdf_text (pdf, 1, FALSE);

    g_assert_nonnull (strstr (first, "独孤求"));
    g_assert_nonnull (strstr (first, "欧阳振华"));
  }
}

typedef struct
{
  guint calls;
  guint last;
  GCancellable *cancel_after_first;
} Progress;

static void
on_progress (guint done, guint total, gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, ==, p->last + 1);
  g_assert_cmpuint (total, ==, 3);
  p->calls++;
  p->last = done;
  if (p->cancel_after_first != NULL)
    g_cancellable_cancel (p->cancel_after_first);
}

static void
test_village (Fixture *f, gconstpointer data)
{
  BfDocumentOptions options = { BF_DOCUMENT_CARD, BF_PAPER_A4, 0 };
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "village.pdf", NULL);
  g_autofree char *text = NULL;
  Progress progress = { 0 };
  BfDocumentsResult result = { 0 };

  ids = bf_store_village_household_ids (f->store, f->village_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_true (bf_documents_write_pdf (f->store, &options, (gint64 *) (void *) ids->data,
                                         ids->len, pdf, on_progress, &progress, cancellable,
                                         &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, 3);
  g_assert_cmpuint (result.n_documents, ==, 3);
  text = bf_test_pdf_text (pdf, 0, FALSE);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "001-00077"));
      g_assert_nonnull (strstr (text, "001-00078"));
      g_assert_nonnull (strstr (text, "001-00079"));
      bf_test_assert_no_id_number (text);
    }

  /* Cancelled after the first household: an error, and the file from before untouched. */
  {
    g_autoptr (GBytes) before = bf_test_file_bytes (pdf);
    g_autoptr (GBytes) after = NULL;
    g_autoptr (GDir) dir = NULL;
    const char *name;

    progress = (Progress){ 0, 0, cancellable };
    g_assert_false (bf_documents_write_pdf (f->store, &options, (gint64 *) (void *) ids->data,
                                            ids->len, pdf, on_progress, &progress, cancellable,
                                            NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (progress.calls, ==, 1);
    after = bf_test_file_bytes (pdf);
    g_assert_true (g_bytes_equal (before, after));
    /* No temporary file is left beside it. */
    dir = g_dir_open (f->dir, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".village.pdf"));
  }
}

/* What the window's Print… will do: load in one step, paginate a few at a time, draw sheets. */
static void
test_job (Fixture *f, gconstpointer data)
{
  gint64 ids[] = { f->big, f->small, f->third };
  BfDocumentOptions options = { BF_DOCUMENT_CARD, BF_PAPER_A4_TWO_A5, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (BfDocumentJob) job = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "job.pdf", NULL);
  BfDocumentsResult result = { 0 };
  g_autofree char *written = write_pdf (f, BF_DOCUMENT_CARD, BF_PAPER_A4_TWO_A5, ids, 3, &result);
  BfPaperSpec spec;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *text = NULL;
  guint steps = 0;

  documents = bf_documents_load (f->store, &options, ids, 3, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 3);
  job = bf_document_job_new (&options, documents);
  bf_paper_get_spec (options.paper, &spec);
  width = spec.sheet_width - 2 * spec.margin;
  height = spec.sheet_height - 2 * spec.margin;
  bf_document_job_begin (job, width, height);
  while (!bf_document_job_paginate (job, 1))
    {
      steps++;
      g_assert_cmpfloat (bf_document_job_get_fraction (job), <, 1.0);
    }
  g_assert_cmpuint (steps, ==, 2);
  g_assert_cmpfloat (bf_document_job_get_fraction (job), ==, 1.0);
  g_assert_cmpuint (bf_document_job_get_n_sheets (job), ==, result.n_sheets);

  surface = cairo_pdf_surface_create (pdf, spec.sheet_width, spec.sheet_height);
  cr = cairo_create (surface);
  cairo_translate (cr, spec.margin, spec.margin);
  /* Backwards, as a preview may ask: layouts no longer kept are made again, the same. */
  for (guint s = bf_document_job_get_n_sheets (job); s-- > 0;)
    {
      bf_document_job_draw_sheet (job, cr, s);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  text = bf_test_pdf_text (pdf, 0, FALSE);
  if (text != NULL)
    {
      g_autofree char *from_writer = bf_test_pdf_text (written, 0, FALSE);
      g_auto (GStrv) sheets = g_strsplit (text, "\f", -1);
      g_auto (GStrv) writer_sheets = g_strsplit (from_writer, "\f", -1);
      guint n = g_strv_length (writer_sheets) - 1;

      /* The same sheets as the PDF writer's, in reverse. */
      g_assert_cmpuint (g_strv_length (sheets) - 1, ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (sheets[n - 1 - i], ==, writer_sheets[i]);
    }
}

static void
test_bad (Fixture *f, gconstpointer data)
{
  BfDocumentOptions a5_form = { BF_DOCUMENT_FORM, BF_PAPER_A5, 0 };
  BfDocumentOptions card = { BF_DOCUMENT_CARD, BF_PAPER_A4, 0 };
  BfDocumentOptions bad_year = { BF_DOCUMENT_CARD, BF_PAPER_A4, 1899 };
  g_autofree char *pdf = g_build_filename (f->dir, "bad.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "bad.pdf", NULL);
  g_autoptr (GError) error = NULL;
  gint64 nobody = 999999;

  g_assert_false (
    bf_documents_write_pdf (f->store, &a5_form, &f->big, 1, pdf, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (
    bf_documents_write_pdf (f->store, &bad_year, &f->big, 1, pdf, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (
    bf_documents_write_pdf (f->store, &card, &f->big, 0, pdf, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A household that is not there fails the print, and no file is written. */
  g_assert_false (
    bf_documents_write_pdf (f->store, &card, &nobody, 1, pdf, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_null (bf_document_load (f->store, &card, nobody, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A folder that is not there. */
  g_assert_false (
    bf_documents_write_pdf (f->store, &card, &f->big, 1, missing, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no file was written"));
  g_clear_error (&error);

  /* A deleted household has no documents until it is restored. */
  g_assert_true (bf_store_household_delete (f->store, f->third, NULL));
  g_assert_null (bf_document_load (f->store, &card, f->third, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_assert_true (bf_store_household_restore (f->store, f->third, NULL));
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/report/documents/form-fields", test_form_fields);
  ADD ("/report/documents/card", test_card);
  ADD ("/report/documents/card-income", test_card_income);
  ADD ("/report/documents/page-breaks", test_page_breaks);
  ADD ("/report/documents/two-up", test_two_up);
  ADD ("/report/documents/village", test_village);
  ADD ("/report/documents/job", test_job);
  ADD ("/report/documents/bad", test_bad);
#undef ADD
  status = g_test_run ();
  if (shared.store != NULL)
    {
      g_assert_true (bf_store_close (shared.store, NULL));
      g_clear_object (&shared.store);
      bf_helper_free (shared.helper);
      bf_household_free (shared.household);
      bf_plan_free (shared.plan);
      bf_test_tmpdir_free (shared.dir);
    }
  return status;
}
