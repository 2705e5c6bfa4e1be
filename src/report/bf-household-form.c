/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bf-documents-private.h"
#include "bf-money.h"
#include "bf-report-private.h"
#include "bf-store-lines.h"

/* The household registration form (see bf-household-form.h), in the printed form's Chinese
 * words whatever the desktop's language. */

BfHouseholdForm *
bf_household_form_new (void)
{
  return g_new0 (BfHouseholdForm, 1);
}

void
bf_household_form_free (BfHouseholdForm *form)
{
  if (form == NULL)
    return;
  g_free (form->county);
  g_free (form->township);
  bf_household_free (form->household);
  g_free (form->helper_phone);
  g_free (form->helper_unit);
  g_free (form->date);
  g_free (form);
}

BfHouseholdForm *
_bf_household_form_load (BfDocumentContext *context, gint64 household_id, GError **error)
{
  g_autoptr (BfHouseholdForm) form = bf_household_form_new ();
  const BfHelper *helper;

  form->household = _bf_document_household (context, household_id, error);
  if (form->household == NULL)
    return NULL;
  form->county = g_strdup (context->county);
  form->township = g_strdup (context->township);
  form->date = g_strdup (context->date);
  helper = _bf_document_context_helper (context, form->household->helper_id);
  if (helper != NULL)
    {
      form->helper_phone = g_strdup (helper->phone);
      form->helper_unit = g_strdup (helper->unit);
    }
  if (form->household->survey != NULL)
    {
      g_autoptr (GError) local_error = NULL;

      form->has_lines = bf_store_poverty_line_get (context->store, form->household->survey->year,
                                                   &form->poverty_line_fen,
                                                   &form->monitoring_line_fen, &local_error);
      if (!form->has_lines &&
          !g_error_matches (local_error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&form);
}

BfHouseholdForm *
bf_household_form_load (BfStore *store, gint64 household_id, GError **error)
{
  BfDocumentContext context;
  BfHouseholdForm *form;

  g_return_val_if_fail (BF_IS_STORE (store), NULL);

  _bf_document_context_init (&context, store, 0);
  form = _bf_household_form_load (&context, household_id, error);
  _bf_document_context_clear (&context);
  return form;
}

/* ---- The pages ---------------------------------------------------------------------------- */

#define TABLE_SIZE 9.5

typedef struct
{
  BfPages *pages;
  BfTextStyle heading;
  BfTextStyle table;
  guint section;
  GPtrArray *strings; /* values formatted for the form, freed with it */
} Form;

static const char *const numerals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"
};

/* @text kept until the form is built. */
static const char *
keep (Form *f, char *text)
{
  g_ptr_array_add (f->strings, text);
  return text;
}

static const char *
money (Form *f, gint64 fen)
{
  return keep (f, bf_money_format (fen));
}

static const char *
date (Form *f, const char *iso)
{
  return keep (f, _bf_chinese_date (iso));
}

/* "85.5" (no trailing zeros); "" when not recorded (< 0). */
static const char *
number (Form *f, double value, const char *unit)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  if (value < 0)
    return "";
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  text = buffer + strlen (buffer) - 1;
  while (*text == '0')
    *text-- = '\0';
  if (*text == '.')
    *text = '\0';
  return keep (f, g_strconcat (buffer, unit, NULL));
}

static void
heading (Form *f, const char *text)
{
  g_autofree char *numbered =
    g_strdup_printf ("%s、%s", numerals[MIN (f->section, G_N_ELEMENTS (numerals) - 1)], text);

  f->section++;
  bf_pages_add_text (f->pages, numbered, &f->heading, 8, BF_BLOCK_KEEP_WITH_NEXT);
  bf_pages_add_space (f->pages, 3);
}

static BfTable *
table (Form *f, guint n_columns)
{
  BfTable *t = bf_pages_add_table (f->pages, n_columns, &f->table);

  bf_table_set_padding (t, 3);
  for (guint c = 0; c < n_columns; c++)
    bf_table_set_column (t, c, 0, BF_ALIGN_CENTER);
  return t;
}

/* Label and value pairs, the values sharing the width. */
static BfTable *
grid (Form *f)
{
  BfTable *t = table (f, 4);

  bf_table_set_column (t, 1, 1, BF_ALIGN_LEFT);
  bf_table_set_column (t, 3, 1, BF_ALIGN_LEFT);
  bf_table_set_keep_together (t, TRUE);
  return t;
}

static void
field (BfTable *t, const char *label, const char *value, guint span)
{
  bf_table_add_cell (t, label, 1, BF_CELL_LABEL);
  bf_table_add_cell (t, value, span, 0);
}

static void
pair (BfTable *t, const char *label1, const char *value1, const char *label2, const char *value2)
{
  bf_table_add_row (t, 0);
  field (t, label1, value1, 1);
  field (t, label2, value2, 1);
}

static void
header_row (BfTable *t, const char *const *headings)
{
  bf_table_add_row (t, BF_ROW_HEADER);
  for (guint i = 0; headings[i] != NULL; i++)
    bf_table_add_cell (t, headings[i], 1, 0);
}

static const char *
causes (Form *f, const BfHousehold *h)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (h->other_causes); i++)
    if (h->other_causes[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "、" : "",
                              _bf_code_word (BF_CODES_CAUSE, h->other_causes[i]));
  return keep (f, g_string_free (text, FALSE));
}

static void
add_basic (Form *f, const BfHouseholdForm *form)
{
  const BfHousehold *h = form->household;
  const BfMember *head = bf_household_get_head (h);
  g_autofree char *status = NULL;
  BfTable *t;

  heading (f, "家庭基本情况");
  t = grid (f);
  pair (t, "户主姓名", head ? head->name : "", "户编号", h->number);
  pair (t, "行政村", h->village_name, "村民小组", h->group_name);
  bf_table_add_row (t, 0);
  field (t, "家庭住址", h->address, 3);
  pair (t, "联系电话", h->phone, "家庭人口", keep (f, g_strdup_printf ("%u人", h->members->len)));
  pair (t, "开户银行", h->bank_name, "银行账号", h->bank_account);
  pair (t, "贫困户属性", _bf_code_word (BF_CODES_ATTRIBUTE, h->attribute), "监测对象类型",
        _bf_code_word (BF_CODES_MONITORING_TYPE, h->monitoring_type));
  pair (t, "识别标准", _bf_code_word (BF_CODES_STANDARD, h->standard), "首次识别时间",
        date (f, h->first_identified_on));
  status = h->status_since != NULL ? g_strdup_printf ("%s（%s起）", _bf_status_word (h->status),
                                                      date (f, h->status_since))
                                   : g_strdup (_bf_status_word (h->status));
  pair (t, "当前状态", status, "帮扶责任人",
        keep (f, g_strdup_printf ("%s%s%s%s%s%s", h->helper_name ? h->helper_name : "",
                                  form->helper_unit ? "（" : "",
                                  form->helper_unit ? form->helper_unit : "",
                                  form->helper_unit ? "）" : "", form->helper_phone ? "　" : "",
                                  form->helper_phone ? form->helper_phone : "")));
}

static const char *
health (Form *f, const BfMember *m)
{
  static const char *const grades[] = { "", "一级", "二级", "三级", "四级" };
  const char *word = _bf_code_word (BF_CODES_HEALTH, m->health);

  if (m->disability_grade > 0 && m->disability_grade < (int) G_N_ELEMENTS (grades))
    return keep (f, g_strdup_printf ("%s（%s）", word, grades[m->disability_grade]));
  return word;
}

static const char *
insured (int value)
{
  return value > 0 ? "已参保" : value == 0 ? "未参保" : "";
}

static void
add_members (Form *f, const BfHouseholdForm *form)
{
  static const char *const first[] = { "序号",     "姓名", "与户主关系", "公民身份号码", "性别",
                                       "出生日期", "民族", "文化程度",   "在校生状况",   NULL };
  static const char *const second[] = { "序号",         "姓名",     "健康状况",
                                        "劳动技能",     "务工状况", "务工时间（月）",
                                        "城乡居民医保", "大病保险", "养老保险",
                                        "联系电话",     NULL };
  const GPtrArray *members = form->household->members;
  BfTable *t;

  heading (f, "家庭成员情况");
  t = table (f, 9);
  header_row (t, first);
  for (guint i = 0; i < members->len; i++)
    {
      const BfMember *m = g_ptr_array_index (members, i);

      bf_table_add_row (t, 0);
      bf_table_add_cell (t, keep (f, g_strdup_printf ("%u", i + 1)), 1, 0);
      bf_table_add_cell (t, m->name, 1, 0);
      bf_table_add_cell (t, _bf_code_word (BF_CODES_RELATION, m->relation), 1, 0);
      bf_table_add_cell (t, m->id_number, 1, 0);
      bf_table_add_cell (t, _bf_code_word (BF_CODES_SEX, m->sex), 1, 0);
      bf_table_add_cell (t, m->birth_date, 1, 0);
      bf_table_add_cell (t, _bf_code_word (BF_CODES_ETHNICITY, m->ethnicity), 1, 0);
      bf_table_add_cell (t, _bf_code_word (BF_CODES_EDUCATION, m->education), 1, 0);
      bf_table_add_cell (t, _bf_code_word (BF_CODES_SCHOOL_STATUS, m->school_status), 1, 0);
    }

  bf_pages_add_space (f->pages, 6);
  t = table (f, 10);
  header_row (t, second);
  for (guint i = 0; i < members->len; i++)
    {
      const BfMember *m = g_ptr_array_index (members, i);

      bf_table_add_row (t, 0);
      bf_table_add_cell (t, keep (f, g_strdup_printf ("%u", i + 1)), 1, 0);
      bf_table_add_cell (t, m->name, 1, 0);
      bf_table_add_cell (t, health (f, m), 1, 0);
      bf_table_add_cell (t, _bf_code_word (BF_CODES_LABOUR, m->labour), 1, 0);
      bf_table_add_cell (t, _bf_code_word (BF_CODES_WORK_STATUS, m->work_status), 1, 0);
      bf_table_add_cell (
        t, m->work_months >= 0 ? keep (f, g_strdup_printf ("%d", m->work_months)) : "", 1, 0);
      bf_table_add_cell (t, insured (m->medical_insurance), 1, 0);
      bf_table_add_cell (t, insured (m->serious_illness_insurance), 1, 0);
      bf_table_add_cell (t, insured (m->pension_insurance), 1, 0);
      bf_table_add_cell (t, m->phone, 1, 0);
    }
}

static void
add_income (Form *f, const BfHouseholdForm *form)
{
  const BfSurvey *s = form->household->survey;
  g_autofree char *title = NULL;
  BfTable *t;

  if (s == NULL)
    {
      heading (f, "收入与支出情况");
      t = grid (f);
      bf_table_add_row (t, 0);
      bf_table_add_cell (t, "尚无入户调查记录", 4, BF_CELL_CENTER);
      return;
    }
  title = g_strdup_printf ("收入与支出情况（%d年，单位：元）", s->year);
  heading (f, title);
  t = grid (f);
  pair (t, "工资性收入", money (f, s->wage_fen), "生产经营性收入", money (f, s->business_fen));
  pair (t, "财产性收入", money (f, s->property_fen), "转移性收入", money (f, s->transfer_fen));
  pair (t, "生产经营性支出", money (f, s->business_expense_fen), "家庭年人均纯收入",
        money (f, s->per_capita_fen));
  if (form->has_lines)
    pair (t, "当年扶贫标准", money (f, form->poverty_line_fen), "当年监测线",
          money (f, form->monitoring_line_fen));
  pair (t, "教育支出", money (f, s->education_expense_fen), "医疗支出",
        money (f, s->medical_expense_fen));
  pair (t, "住房支出", money (f, s->housing_expense_fen), "养老支出",
        money (f, s->pension_expense_fen));
  pair (t, "大额刚性支出", money (f, s->rigid_expense_fen), "家庭债务", money (f, s->debt_fen));
}

static void
add_causes (Form *f, const BfHouseholdForm *form)
{
  const BfHousehold *h = form->household;
  BfTable *t;

  heading (f, "致贫原因");
  t = grid (f);
  pair (t, "主要致贫原因", _bf_code_word (BF_CODES_CAUSE, h->primary_cause), "其他致贫原因",
        causes (f, h));
  bf_table_add_row (t, 0);
  field (t, "致贫原因说明", h->cause_note, 3);
}

static void
add_guarantees (Form *f, const BfHouseholdForm *form)
{
  static const char *const names[BF_N_GUARANTEES] = {
    "不愁吃", "不愁穿", "义务教育有保障", "基本医疗有保障", "住房安全有保障", "饮水安全有保障",
  };
  static const char *const headings[] = { "项目", "是否达到", "情况说明", NULL };
  const BfSurvey *s = form->household->survey;
  BfTable *t;

  heading (f, "“两不愁三保障”及饮水安全情况");
  t = table (f, 3);
  bf_table_set_column (t, 2, 1, BF_ALIGN_LEFT);
  bf_table_set_keep_together (t, TRUE);
  header_row (t, headings);
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    {
      bf_table_add_row (t, 0);
      bf_table_add_cell (t, names[i], 1, BF_CELL_LABEL);
      bf_table_add_cell (t, s != NULL ? _bf_yes_no (s->secured[i]) : "", 1, 0);
      bf_table_add_cell (t, s != NULL ? s->secured_note[i] : NULL, 1, 0);
    }
}

static void
add_housing (Form *f, const BfHouseholdForm *form)
{
  const BfHousehold *h = form->household;
  BfTable *t;

  heading (f, "住房与生产情况");
  t = grid (f);
  pair (t, "住房面积", number (f, h->house_area_m2, "平方米"), "是否危房",
        _bf_yes_no (h->dangerous_house));
  pair (t, "易地扶贫搬迁", _bf_yes_no (h->relocated), "耕地面积", number (f, h->farmland_mu, "亩"));
  pair (t, "林地面积", number (f, h->forest_mu, "亩"), "养殖情况", h->livestock);
  bf_table_add_row (t, 0);
  field (t, "产业发展情况", h->industry, 3);
}

static void
add_survey (Form *f, const BfHouseholdForm *form)
{
  const BfSurvey *s = form->household->survey;
  BfTable *t;

  heading (f, "调查核查情况");
  t = grid (f);
  pair (t, "调查人", s ? s->surveyor : NULL, "调查日期", date (f, s ? s->surveyed_on : NULL));
  pair (t, "核查人", s ? s->verifier : NULL, "核查日期", date (f, s ? s->verified_on : NULL));
}

/* The statement the household signs, then lines to sign on, kept on one page together. */
static void
add_signatures (Form *f)
{
  static const char *const who[] = { "户主（签字或按手印）：", "调查人（签字）：",
                                     "核查人（签字）：", "村民委员会（盖章）：" };
  BfTextStyle statement = f->table;
  BfTable *t;

  statement.indent = 2 * f->table.size;
  bf_pages_add_text (
    f->pages, "本户对以上填报内容已知悉并核对无误，所填情况真实。如有虚报、隐瞒，愿承担相应责任。",
    &statement, 14, BF_BLOCK_KEEP_WITH_NEXT);
  bf_pages_add_space (f->pages, 8);
  t = bf_pages_add_table (f->pages, 4, &f->table);
  bf_table_set_borders (t, FALSE);
  bf_table_set_keep_together (t, TRUE);
  bf_table_set_padding (t, 6);
  bf_table_set_column (t, 0, 0, BF_ALIGN_RIGHT);
  bf_table_set_column (t, 1, 1, BF_ALIGN_LEFT);
  bf_table_set_column (t, 2, 0, BF_ALIGN_RIGHT);
  bf_table_set_column (t, 3, 0.6, BF_ALIGN_RIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      bf_table_add_row (t, 0);
      bf_table_add_cell (t, who[i], 1, 0);
      bf_table_add_cell (t, NULL, 1, BF_CELL_UNDERLINE);
      bf_table_add_cell (t, "日期：", 1, 0);
      bf_table_add_cell (t, "年　　月　　日", 1, 0);
    }
}

BfPages *
bf_household_form_pages_new (const BfHouseholdForm *form, double width, double height)
{
  static const BfTextStyle title = { 18, TRUE, BF_ALIGN_CENTER, 0, 0 };
  static const BfTextStyle sub = { 10.5, FALSE, BF_ALIGN_CENTER, 0, 0 };
  Form f = { 0 };
  const BfHousehold *h;
  const BfMember *head;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (form != NULL && form->household != NULL, NULL);

  h = form->household;
  head = bf_household_get_head (h);
  f.pages = bf_pages_new (width, height);
  f.strings = g_ptr_array_new_with_free_func (g_free);
  f.heading = (BfTextStyle){ 11, TRUE, BF_ALIGN_LEFT, 0, 0 };
  f.table = (BfTextStyle){ TABLE_SIZE, FALSE, BF_ALIGN_LEFT, 0, 0 };

  left = g_strdup_printf ("%s%s", form->county ? form->county : "",
                          form->township ? form->township : "");
  right = g_strdup_printf ("户编号：%s", h->number ? h->number : "");
  bf_pages_set_header (f.pages, left, right);
  footer = g_strdup_printf ("户主：%s　　户编号：%s　　打印日期：%s　　本表由乡镇存档",
                            head && head->name ? head->name : "", h->number ? h->number : "",
                            form->date ? form->date : "");
  bf_pages_set_footer (f.pages, footer);

  bf_pages_add_text (f.pages, "贫困户登记表（入户调查表）", &title, 2, 0);
  subtitle = g_strdup_printf (
    "%s%s%s%s", form->township ? form->township : "", h->village_name ? h->village_name : "",
    h->group_name ? h->group_name : "",
    h->survey != NULL ? keep (&f, g_strdup_printf ("　　调查年度：%d年", h->survey->year)) : "");
  bf_pages_add_text (f.pages, subtitle, &sub, 4, 0);

  add_basic (&f, form);
  add_members (&f, form);
  add_income (&f, form);
  add_causes (&f, form);
  add_guarantees (&f, form);
  add_housing (&f, form);
  add_survey (&f, form);
  add_signatures (&f);
  /* Every text is copied into the pages. */
  g_ptr_array_unref (f.strings);
  return f.pages;
}
