/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bf-dates.h"
#include "bf-documents-private.h"
#include "bf-money.h"
#include "bf-report-private.h"

/* The 帮扶明白卡 (see bf-card.h). Its words are the printed card's, in Chinese whatever the
 * desktop's language.
 *
 * The policies it lists ("享受政策") come from the register:
 * - the household's attribute: 低保贫困户 → 农村最低生活保障, 特困供养户 → 特困人员救助供养;
 * - the year's measures that are standing programmes (not cancelled): social security (低保, 特困
 *   供养, 临时救助, allowances, pension contributions), health care support, student aid and the
 *   Rain Plan, housing renovation and relocation, microcredit and interest subsidies, farm
 *   insurance, forest ranger posts and ecological compensation, public welfare posts;
 * - the members' insurance: 城乡居民基本医疗保险, 大病保险, 基本养老保险, with how many are
 *   insured;
 * - relocation for poverty alleviation recorded on the household.
 * Each policy once, in that order. */

BfCardMember *
bf_card_member_new (const char *name, const char *relation)
{
  BfCardMember *member = g_new0 (BfCardMember, 1);

  member->name = g_strdup (name);
  member->relation = g_strdup (relation);
  return member;
}

void
bf_card_member_free (BfCardMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->relation);
  g_free (member);
}

BfCardMeasure *
bf_card_measure_new (void)
{
  return g_new0 (BfCardMeasure, 1);
}

void
bf_card_measure_free (BfCardMeasure *measure)
{
  if (measure == NULL)
    return;
  g_free (measure->category);
  g_free (measure->content);
  g_free (measure->status);
  g_free (measure);
}

BfCard *
bf_card_new (void)
{
  BfCard *card = g_new0 (BfCard, 1);

  card->members = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_card_member_free);
  card->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_card_measure_free);
  card->policies = g_ptr_array_new_with_free_func (g_free);
  return card;
}

void
bf_card_free (BfCard *card)
{
  if (card == NULL)
    return;
  g_free (card->county);
  g_free (card->township);
  g_free (card->village);
  g_free (card->group);
  g_free (card->number);
  g_free (card->head_name);
  g_free (card->attribute);
  g_ptr_array_unref (card->members);
  g_free (card->goal);
  g_ptr_array_unref (card->measures);
  g_ptr_array_unref (card->policies);
  g_free (card->helper_name);
  g_free (card->helper_unit);
  g_free (card->helper_position);
  g_free (card->helper_phone);
  g_free (card->supervision_phone);
  g_free (card->date);
  g_free (card);
}

/* Words that name an illness, a disability or its treatment. Erring on the safe side (农药 and
 * 病虫害 match too) only puts a measure in neutral words. */
static const char *const private_words[] = {
  "病",   "残",   "疾", "癌", "瘫", "康复", "透析", "精神", "智力",
  "失明", "失聪", "聋", "哑", "药", "住院", "手术", "护理", "盲",
};

gboolean
bf_card_text_is_private (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (private_words); i++)
    if (strstr (text, private_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The card's own category words: the ledger's 健康医疗 would put 健康, a member's health word, on
 * the wall. */
static const struct
{
  const char *category;
  const char *word;
  const char *neutral; /* a measure whose wording is private */
} categories[] = {
  { "industry", "产业", "产业帮扶" },
  { "employment", "就业", "就业帮扶" },
  { "education", "教育", "教育帮扶" },
  { "health", "医疗保障", "医疗保障帮扶" },
  { "ecology", "生态", "生态帮扶" },
  { "housing", "住房", "住房保障帮扶" },
  { "social_security", "社会保障", "社会救助" },
  { "finance", "金融", "金融帮扶" },
  { "other", "其他", "其他帮扶" },
};

static guint
category_index (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].category, category) == 0)
      return i;
  return G_N_ELEMENTS (categories) - 1;
}

/* The measures that are standing programmes; a NULL sub-type matches the category's others. */
static const struct
{
  const char *category;
  const char *subtype;
  const char *policy;
} measure_policies[] = {
  { "social_security", "dibao", "农村最低生活保障" },
  { "social_security", "tekun", "特困人员救助供养" },
  { "social_security", "temporary_relief", "临时救助" },
  { "social_security", "disability_allowance", "社会救助补贴" },
  { "social_security", "pension", "代缴城乡居民基本养老保险费" },
  { "health", "insurance_subsidy", "资助参加城乡居民基本医疗保险" },
  { "health", NULL, "医疗保障帮扶" },
  { "education", "fee_waiver", "学生资助（减免学杂费）" },
  { "education", "living_allowance", "学生资助（寄宿生生活补助）" },
  { "education", "rain_plan", "雨露计划职业教育补助" },
  { "education", "student_loan", "生源地信用助学贷款" },
  { "housing", "renovation", "农村危房改造" },
  { "housing", "relocation", "易地扶贫搬迁" },
  { "housing", "after_relocation", "易地扶贫搬迁后续扶持" },
  { "finance", "microcredit", "扶贫小额信贷" },
  { "finance", "interest_subsidy", "贷款贴息" },
  { "finance", "insurance", "农业保险" },
  { "ecology", "forest_ranger", "生态护林员" },
  { "ecology", "compensation", "生态补偿" },
  { "ecology", "grain_to_green", "退耕还林补助" },
  { "employment", "public_post", "公益性岗位" },
};

static void
add_policy (BfCard *card, const char *policy)
{
  for (guint i = 0; i < card->policies->len; i++)
    if (g_str_equal (g_ptr_array_index (card->policies, i), policy))
      return;
  g_ptr_array_add (card->policies, g_strdup (policy));
}

static void
add_measure_policy (BfCard *card, const BfMeasure *measure)
{
  const char *fallback = NULL;

  if (g_strcmp0 (measure->status, "cancelled") == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (measure_policies); i++)
    {
      if (g_strcmp0 (measure_policies[i].category, measure->category) != 0)
        continue;
      if (measure_policies[i].subtype == NULL)
        fallback = measure_policies[i].policy;
      else if (g_strcmp0 (measure_policies[i].subtype, measure->subtype) == 0)
        {
          add_policy (card, measure_policies[i].policy);
          return;
        }
    }
  /* Social security is a policy whatever its sub-type: named by its programme when the wording
   * says which ("纳入农村低保"), else in its own words when they are not private. */
  if (g_strcmp0 (measure->category, "social_security") == 0)
    {
      const char *d = measure->description;

      if (d != NULL && strstr (d, "低保") != NULL)
        fallback = "农村最低生活保障";
      else if (d != NULL && strstr (d, "特困") != NULL)
        fallback = "特困人员救助供养";
      else if (d != NULL && strstr (d, "临时救助") != NULL)
        fallback = "临时救助";
      else if (d != NULL && *d != '\0' && !bf_card_text_is_private (d))
        fallback = d;
      else
        fallback = "社会救助";
    }
  if (fallback != NULL)
    add_policy (card, fallback);
}

static void
add_insurance_policies (BfCard *card, const BfHousehold *household)
{
  guint medical = 0, serious = 0, pension = 0;

  for (guint i = 0; i < household->members->len; i++)
    {
      const BfMember *m = g_ptr_array_index (household->members, i);

      medical += m->medical_insurance > 0;
      serious += m->serious_illness_insurance > 0;
      pension += m->pension_insurance > 0;
    }
  if (medical > 0)
    {
      g_autofree char *text = g_strdup_printf ("城乡居民基本医疗保险（%u人参保）", medical);

      add_policy (card, text);
    }
  if (serious > 0)
    {
      g_autofree char *text = g_strdup_printf ("城乡居民大病保险（%u人参保）", serious);

      add_policy (card, text);
    }
  if (pension > 0)
    {
      g_autofree char *text = g_strdup_printf ("城乡居民基本养老保险（%u人参保）", pension);

      add_policy (card, text);
    }
}

static BfCardMeasure *
card_measure (const BfMeasure *measure)
{
  BfCardMeasure *m = bf_card_measure_new ();
  guint c = category_index (measure->category);
  gboolean neutral = g_strcmp0 (measure->category, "health") == 0 ||
                     g_strcmp0 (measure->subtype, "disability_allowance") == 0 ||
                     measure->description == NULL || *measure->description == '\0' ||
                     bf_card_text_is_private (measure->description);

  m->category = g_strdup (categories[c].word);
  /* Health measures say nothing more than that: the card is on the wall. The one exception is
   * the insurance contribution, which every household may receive. */
  if (g_strcmp0 (measure->subtype, "insurance_subsidy") == 0)
    m->content = g_strdup ("资助参加城乡居民基本医疗保险");
  else
    m->content = g_strdup (neutral ? categories[c].neutral : measure->description);
  m->budget_fen = measure->budget_fen;
  m->spent_fen = measure->spent_fen;
  m->status = g_strdup (
    _bf_code_word (BF_CODES_MEASURE_STATUS, measure->status != NULL ? measure->status : "planned"));
  return m;
}

/* A goal that names a private matter, or an income figure the card may not show, is left off. */
static gboolean
goal_is_printable (const char *goal, BfCardIncome income)
{
  if (goal == NULL || *goal == '\0' || bf_card_text_is_private (goal))
    return FALSE;
  if (income == BF_CARD_INCOME_NONE && strstr (goal, "收入") != NULL)
    for (const char *p = goal; *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        return FALSE;
  return TRUE;
}

static void
set_plan (BfCard *card, BfDocumentContext *context, gint64 household_id, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (BfPlan) plan =
    bf_store_plan_get (context->store, household_id, card->year, &local_error);

  if (plan == NULL)
    {
      if (!g_error_matches (local_error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return;
    }
  if (goal_is_printable (plan->goal, card->income))
    card->goal = g_strdup (plan->goal);
  for (guint i = 0; i < plan->measures->len; i++)
    {
      const BfMeasure *measure = g_ptr_array_index (plan->measures, i);

      g_ptr_array_add (card->measures, card_measure (measure));
    }
  for (guint i = 0; i < plan->measures->len; i++)
    add_measure_policy (card, g_ptr_array_index (plan->measures, i));
}

BfCard *
_bf_card_load (BfDocumentContext *context, gint64 household_id, GError **error)
{
  g_autoptr (BfHousehold) household = NULL;
  g_autoptr (BfCard) card = NULL;
  GError *local_error = NULL;
  const BfMember *head;
  const BfHelper *helper;

  household = _bf_document_household (context, household_id, error);
  if (household == NULL)
    return NULL;

  card = bf_card_new ();
  card->county = g_strdup (context->county);
  card->township = g_strdup (context->township);
  card->village = g_strdup (household->village_name);
  card->group = g_strdup (household->group_name);
  card->number = g_strdup (household->number);
  head = bf_household_get_head (household);
  card->head_name = g_strdup (head != NULL ? head->name : NULL);
  if (household->attribute != NULL)
    card->attribute = g_strdup (_bf_code_word (BF_CODES_ATTRIBUTE, household->attribute));
  for (guint i = 0; i < household->members->len; i++)
    {
      const BfMember *m = g_ptr_array_index (household->members, i);

      g_ptr_array_add (card->members, bf_card_member_new (
                                        m->name, _bf_code_word (BF_CODES_RELATION, m->relation)));
    }

  helper = _bf_document_context_helper (context, household->helper_id);
  if (helper != NULL)
    {
      card->helper_name = g_strdup (helper->name);
      card->helper_unit = g_strdup (helper->unit);
      card->helper_position = g_strdup (helper->position);
      card->helper_phone = g_strdup (helper->phone);
    }

  /* Only the figures the register lets the wall show are copied at all. */
  card->income = context->income;
  if (household->survey != NULL && card->income != BF_CARD_INCOME_NONE)
    {
      const BfSurvey *s = household->survey;

      card->income_year = s->year;
      card->per_capita_fen = s->per_capita_fen;
      if (card->income == BF_CARD_INCOME_DETAIL)
        {
          card->wage_fen = s->wage_fen;
          card->business_fen = s->business_fen;
          card->property_fen = s->property_fen;
          card->transfer_fen = s->transfer_fen;
          card->business_expense_fen = s->business_expense_fen;
        }
    }

  card->year = context->year;
  if (g_strcmp0 (household->attribute, "dibao") == 0)
    add_policy (card, "农村最低生活保障");
  else if (g_strcmp0 (household->attribute, "tekun") == 0)
    add_policy (card, "特困人员救助供养");
  set_plan (card, context, household_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  add_insurance_policies (card, household);
  if (household->relocated > 0)
    add_policy (card, "易地扶贫搬迁");

  card->supervision_phone = g_strdup (context->supervision_phone);
  card->date = g_strdup (context->date);
  return g_steal_pointer (&card);
}

BfCard *
bf_card_load (BfStore *store, gint64 household_id, int year, GError **error)
{
  BfDocumentContext context;
  BfCard *card;

  g_return_val_if_fail (BF_IS_STORE (store), NULL);

  _bf_document_context_init (&context, store, year);
  card = _bf_card_load (&context, household_id, error);
  _bf_document_context_clear (&context);
  return card;
}

/* ---- The pages ---------------------------------------------------------------------------- */

typedef struct
{
  BfPages *pages;
  double s; /* the type's scale */
  BfTextStyle heading;
  BfTextStyle table;
  guint section;
} Card;

static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };

static void
heading (Card *c, const char *text)
{
  g_autofree char *numbered =
    g_strdup_printf ("%s、%s", numerals[MIN (c->section, G_N_ELEMENTS (numerals) - 1)], text);

  c->section++;
  bf_pages_add_text (c->pages, numbered, &c->heading, 9 * c->s, BF_BLOCK_KEEP_WITH_NEXT);
  bf_pages_add_space (c->pages, 4 * c->s);
}

/* A grid of label and value pairs: labels on grey, the values sharing the width. */
static BfTable *
grid (Card *c, guint pairs)
{
  BfTable *table = bf_pages_add_table (c->pages, pairs * 2, &c->table);

  for (guint i = 0; i < pairs; i++)
    {
      bf_table_set_column (table, 2 * i, 0, BF_ALIGN_CENTER);
      bf_table_set_column (table, 2 * i + 1, 1, BF_ALIGN_LEFT);
    }
  bf_table_set_padding (table, 4 * c->s);
  bf_table_set_keep_together (table, TRUE);
  return table;
}

static void
field (BfTable *table, const char *label, const char *value, guint span)
{
  bf_table_add_cell (table, label, 1, BF_CELL_LABEL);
  bf_table_add_cell (table, value, span, 0);
}

static void
add_household (Card *c, const BfCard *card)
{
  BfTable *table;
  g_autofree char *size = g_strdup_printf ("%u人", card->members->len);
  g_autofree char *place =
    g_strdup_printf ("%s%s", card->village ? card->village : "", card->group ? card->group : "");
  guint n = card->members->len;

  heading (c, "家庭基本情况");
  table = grid (c, 2);
  bf_table_add_row (table, 0);
  field (table, "户主姓名", card->head_name, 1);
  field (table, "户编号", card->number, 1);
  bf_table_add_row (table, 0);
  field (table, "所在村组", place, 1);
  field (table, "家庭人口", size, 1);
  bf_table_add_row (table, 0);
  field (table, "户类型", card->attribute, 3);

  /* Two members a row: a household of ten takes five rows. */
  bf_pages_add_space (c->pages, 6 * c->s);
  table = bf_pages_add_table (c->pages, 6, &c->table);
  bf_table_set_padding (table, 4 * c->s);
  for (guint i = 0; i < 6; i++)
    bf_table_set_column (table, i, i % 3 == 1 ? 1 : 0, BF_ALIGN_CENTER);
  bf_table_add_row (table, BF_ROW_HEADER);
  for (guint i = 0; i < 2; i++)
    {
      bf_table_add_cell (table, "序号", 1, 0);
      bf_table_add_cell (table, "家庭成员姓名", 1, 0);
      bf_table_add_cell (table, "与户主关系", 1, 0);
    }
  for (guint i = 0; i < n; i += 2)
    {
      bf_table_add_row (table, 0);
      for (guint j = i; j < MIN (i + 2, n); j++)
        {
          const BfCardMember *m = g_ptr_array_index (card->members, j);
          char number[16];

          g_snprintf (number, sizeof number, "%u", j + 1);
          bf_table_add_cell (table, number, 1, 0);
          bf_table_add_cell (table, m->name, 1, 0);
          bf_table_add_cell (table, m->relation, 1, 0);
        }
    }
}

static void
add_helper (Card *c, const BfCard *card)
{
  BfTable *table;

  heading (c, "帮扶责任人");
  table = grid (c, 2);
  bf_table_add_row (table, 0);
  field (table, "姓名", card->helper_name != NULL ? card->helper_name : "（尚未确定）", 1);
  field (table, "联系电话", card->helper_phone, 1);
  bf_table_add_row (table, 0);
  field (table, "工作单位", card->helper_unit, 1);
  field (table, "职务", card->helper_position, 1);
}

static void
add_measures (Card *c, const BfCard *card)
{
  g_autofree char *title = g_strdup_printf ("%d年度帮扶措施", card->year);
  BfTable *table;

  heading (c, title);
  if (card->goal != NULL)
    {
      g_autofree char *goal = g_strdup_printf ("帮扶目标：%s", card->goal);
      BfTextStyle style = c->table;

      style.align = BF_ALIGN_LEFT;
      bf_pages_add_text (c->pages, goal, &style, 0, BF_BLOCK_KEEP_WITH_NEXT);
      bf_pages_add_space (c->pages, 4 * c->s);
    }
  table = bf_pages_add_table (c->pages, 6, &c->table);
  bf_table_set_padding (table, 4 * c->s);
  bf_table_set_column (table, 0, 0, BF_ALIGN_CENTER);
  bf_table_set_column (table, 1, 0, BF_ALIGN_CENTER);
  bf_table_set_column (table, 2, 1, BF_ALIGN_LEFT);
  bf_table_set_column (table, 3, 0, BF_ALIGN_RIGHT);
  bf_table_set_column (table, 4, 0, BF_ALIGN_RIGHT);
  bf_table_set_column (table, 5, 0, BF_ALIGN_CENTER);
  bf_table_add_row (table, BF_ROW_HEADER);
  bf_table_add_cell (table, "序号", 1, 0);
  bf_table_add_cell (table, "类别", 1, 0);
  bf_table_add_cell (table, "帮扶措施", 1, 0);
  bf_table_add_cell (table, "计划资金（元）", 1, 0);
  bf_table_add_cell (table, "已落实（元）", 1, 0);
  bf_table_add_cell (table, "进度", 1, 0);
  for (guint i = 0; i < card->measures->len; i++)
    {
      const BfCardMeasure *m = g_ptr_array_index (card->measures, i);
      g_autofree char *budget = bf_money_format (m->budget_fen);
      g_autofree char *spent = bf_money_format (m->spent_fen);
      char number[16];

      g_snprintf (number, sizeof number, "%u", i + 1);
      bf_table_add_row (table, 0);
      bf_table_add_cell (table, number, 1, 0);
      bf_table_add_cell (table, m->category, 1, 0);
      bf_table_add_cell (table, m->content, 1, 0);
      bf_table_add_cell (table, budget, 1, 0);
      bf_table_add_cell (table, spent, 1, 0);
      bf_table_add_cell (table, m->status, 1, 0);
    }
  if (card->measures->len == 0)
    {
      bf_table_add_row (table, 0);
      bf_table_add_cell (table, "本年度尚未制定帮扶措施", 6, BF_CELL_CENTER);
    }
}

static void
add_policies (Card *c, const BfCard *card)
{
  BfTable *table;

  heading (c, "享受政策");
  table = bf_pages_add_table (c->pages, 2, &c->table);
  bf_table_set_padding (table, 4 * c->s);
  bf_table_set_column (table, 0, 0, BF_ALIGN_CENTER);
  bf_table_set_column (table, 1, 1, BF_ALIGN_LEFT);
  bf_table_add_row (table, BF_ROW_HEADER);
  bf_table_add_cell (table, "序号", 1, 0);
  bf_table_add_cell (table, "政策名称", 1, 0);
  for (guint i = 0; i < card->policies->len; i++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", i + 1);
      bf_table_add_row (table, 0);
      bf_table_add_cell (table, number, 1, 0);
      bf_table_add_cell (table, g_ptr_array_index (card->policies, i), 1, 0);
    }
  if (card->policies->len == 0)
    {
      bf_table_add_row (table, 0);
      bf_table_add_cell (table, "暂无", 2, BF_CELL_CENTER);
    }
}

static void
add_income (Card *c, const BfCard *card)
{
  g_autofree char *title = g_strdup_printf ("家庭收入情况（%d年，单位：元）", card->income_year);
  g_autofree char *per_capita = bf_money_format (card->per_capita_fen);
  BfTable *table;

  heading (c, title);
  table = grid (c, 2);
  if (card->income == BF_CARD_INCOME_DETAIL)
    {
      g_autofree char *wage = bf_money_format (card->wage_fen);
      g_autofree char *business = bf_money_format (card->business_fen);
      g_autofree char *property = bf_money_format (card->property_fen);
      g_autofree char *transfer = bf_money_format (card->transfer_fen);
      g_autofree char *expense = bf_money_format (card->business_expense_fen);

      bf_table_add_row (table, 0);
      field (table, "工资性收入", wage, 1);
      field (table, "生产经营性收入", business, 1);
      bf_table_add_row (table, 0);
      field (table, "财产性收入", property, 1);
      field (table, "转移性收入", transfer, 1);
      bf_table_add_row (table, 0);
      field (table, "生产经营性支出", expense, 1);
      field (table, "人均纯收入", per_capita, 1);
    }
  else
    {
      bf_table_add_row (table, 0);
      field (table, "人均纯收入", per_capita, 3);
    }
}

static void
add_supervision (Card *c, const BfCard *card)
{
  const BfTextStyle phone = { 13 * c->s, TRUE, BF_ALIGN_CENTER, 0, 0 };
  const BfTextStyle note = { 9.5 * c->s, FALSE, BF_ALIGN_CENTER, 0, 0 };
  g_autofree char *text = g_strdup_printf ("监督电话：%s", card->supervision_phone != NULL &&
                                                               *card->supervision_phone != '\0'
                                                             ? card->supervision_phone
                                                             : "（请向乡镇人民政府咨询）");

  bf_pages_add_text (c->pages, text, &phone, 14 * c->s, BF_BLOCK_KEEP_WITH_NEXT);
  bf_pages_add_text (c->pages,
                     "对帮扶工作有意见或建议，请拨打监督电话反映。本卡请张贴在显眼处，妥善保管。",
                     &note, 3 * c->s, 0);
}

BfPages *
bf_card_pages_new (const BfCard *card, double width, double height)
{
  Card c = { 0 };
  g_autofree char *header = NULL;
  g_autofree char *year = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  BfTextStyle title, sub;

  g_return_val_if_fail (card != NULL, NULL);

  c.pages = bf_pages_new (width, height);
  c.s = _bf_document_scale (width);
  bf_pages_set_frame (c.pages, 14 * c.s);
  bf_pages_set_margin_size (c.pages, 9 * c.s);
  c.heading = (BfTextStyle){ 12 * c.s, TRUE, BF_ALIGN_LEFT, 0, 0 };
  c.table = (BfTextStyle){ 10.5 * c.s, FALSE, BF_ALIGN_LEFT, 0, 0 };
  title = (BfTextStyle){ 22 * c.s, TRUE, BF_ALIGN_CENTER, 0, 0 };
  sub = (BfTextStyle){ 11 * c.s, FALSE, BF_ALIGN_CENTER, 0, 0 };

  header = g_strdup_printf ("%s%s", card->county ? card->county : "",
                            card->township ? card->township : "");
  year = g_strdup_printf ("%d年度", card->year);
  bf_pages_set_header (c.pages, header, year);
  footer = g_strdup_printf ("户编号：%s　　印制日期：%s", card->number ? card->number : "",
                            card->date ? card->date : "");
  bf_pages_set_footer (c.pages, footer);

  bf_pages_add_text (c.pages, "帮扶明白卡", &title, 4 * c.s, 0);
  subtitle = g_strdup_printf ("%s%s%s　户主：%s", card->township ? card->township : "",
                              card->village ? card->village : "", card->group ? card->group : "",
                              card->head_name ? card->head_name : "");
  bf_pages_add_text (c.pages, subtitle, &sub, 6 * c.s, 0);

  add_household (&c, card);
  add_helper (&c, card);
  add_measures (&c, card);
  add_policies (&c, card);
  if (card->income != BF_CARD_INCOME_NONE && card->income_year != 0)
    add_income (&c, card);
  add_supervision (&c, card);
  return c.pages;
}
