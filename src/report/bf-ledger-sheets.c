/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table sheets of the ledger: their columns and tallies, and the writing of their rows. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-ledger-private.h"

G_DEFINE_QUARK (bf - ledger - error - quark, bf_ledger_error)
#include "bf-lifecycle.h"

/* One column: header, kind, cursor field, second field, code list. */
#define COLUMN(h, kind, s, l)                                                                      \
  {                                                                                                \
    h, kind, s, 0, l                                                                               \
  }
#define TEXT(h, s)      COLUMN (h, KIND_TEXT, s, 0)
#define LONG_TEXT(h, s) COLUMN (h, KIND_LONG_TEXT, s, 0)
#define DIGITS(h, s)    COLUMN (h, KIND_DIGITS, s, 0)
#define ID_NUMBER(h, s) COLUMN (h, KIND_ID_NUMBER, s, 0)
#define PHONE(h, s)     COLUMN (h, KIND_PHONE, s, 0)
#define DATE(h, s)      COLUMN (h, KIND_DATE, s, 0)
#define MONEY(h, s)     COLUMN (h, KIND_MONEY, s, 0)
#define INT(h, s)       COLUMN (h, KIND_INT, s, 0)
#define DECIMAL(h, s)   COLUMN (h, KIND_DECIMAL, s, 0)
#define CODE(h, s, l)   COLUMN (h, KIND_CODE, s, l)
#define STATUS(h, s)    COLUMN (h, KIND_STATUS, s, 0)
#define YES_NO(h, s)    COLUMN (h, KIND_YES_NO, s, 0)

static const Column household_columns[] = {
  DIGITS ("户编号", BF_LEDGER_H_NUMBER),
  TEXT ("行政村", BF_LEDGER_H_VILLAGE),
  TEXT ("村民小组", BF_LEDGER_H_GROUP),
  TEXT ("户主姓名", BF_LEDGER_H_HEAD_NAME),
  ID_NUMBER ("户主证件号码", BF_LEDGER_H_HEAD_ID_NUMBER),
  INT ("家庭人口数", BF_LEDGER_H_MEMBERS),
  CODE ("贫困户属性", BF_LEDGER_H_ATTRIBUTE, BF_CODES_ATTRIBUTE),
  CODE ("监测对象类型", BF_LEDGER_H_MONITORING_TYPE, BF_CODES_MONITORING_TYPE),
  CODE ("识别标准", BF_LEDGER_H_STANDARD, BF_CODES_STANDARD),
  CODE ("主要致贫原因", BF_LEDGER_H_PRIMARY_CAUSE, BF_CODES_CAUSE),
  { "其他致贫原因", KIND_OTHER_CAUSES, BF_LEDGER_H_OTHER_CAUSE_1, BF_LEDGER_H_OTHER_CAUSE_2,
    BF_CODES_CAUSE },
  STATUS ("户状态", BF_LEDGER_H_STATUS),
  DATE ("状态日期", BF_LEDGER_H_STATUS_SINCE),
  MONEY ("人均纯收入(元)", BF_LEDGER_H_PER_CAPITA_FEN),
  PHONE ("联系电话", BF_LEDGER_H_PHONE),
  TEXT ("帮扶责任人", BF_LEDGER_H_HELPER),
  DIGITS ("帮扶责任人电话", BF_LEDGER_H_HELPER_PHONE),
  DATE ("首次识别时间", BF_LEDGER_H_FIRST_IDENTIFIED),
  YES_NO ("危房户", BF_LEDGER_H_DANGEROUS_HOUSE),
  YES_NO ("易地扶贫搬迁", BF_LEDGER_H_RELOCATED),
  YES_NO ("是否解决安全饮用水", BF_LEDGER_H_WATER_SECURED),
  DECIMAL ("耕地面积(亩)", BF_LEDGER_H_FARMLAND_MU),
  LONG_TEXT ("家庭住址", BF_LEDGER_H_ADDRESS),
};

/* docs/domain.md §9: the national system's columns in its order, then what the register adds. */
static const Column person_columns[] = {
  { "县", KIND_COUNTY, 0, 0, 0 },
  { "乡(镇)", KIND_TOWNSHIP, 0, 0, 0 },
  TEXT ("行政村", BF_LEDGER_P_VILLAGE),
  TEXT ("村民小组", BF_LEDGER_P_GROUP),
  DIGITS ("户编号", BF_LEDGER_P_NUMBER),
  DIGITS ("人编号", BF_LEDGER_P_PERSON_NUMBER),
  TEXT ("姓名", BF_LEDGER_P_NAME),
  ID_NUMBER ("证件号码", BF_LEDGER_P_ID_NUMBER),
  INT ("人数", BF_LEDGER_P_MEMBERS),
  CODE ("与户主关系", BF_LEDGER_P_RELATION, BF_CODES_RELATION),
  CODE ("民族", BF_LEDGER_P_ETHNICITY, BF_CODES_ETHNICITY),
  CODE ("文化程度", BF_LEDGER_P_EDUCATION, BF_CODES_EDUCATION),
  CODE ("在校生状况", BF_LEDGER_P_SCHOOL_STATUS, BF_CODES_SCHOOL_STATUS),
  CODE ("健康状况", BF_LEDGER_P_HEALTH, BF_CODES_HEALTH),
  CODE ("劳动技能", BF_LEDGER_P_LABOUR, BF_CODES_LABOUR),
  INT ("务工时间(月)", BF_LEDGER_P_WORK_MONTHS),
  YES_NO ("是否参加大病保险", BF_LEDGER_P_SERIOUS_ILLNESS_INSURANCE),
  CODE ("致贫原因", BF_LEDGER_P_PRIMARY_CAUSE, BF_CODES_CAUSE),
  YES_NO ("危房户", BF_LEDGER_P_DANGEROUS_HOUSE),
  YES_NO ("是否解决安全饮用水", BF_LEDGER_P_WATER_SECURED),
  MONEY ("人均纯收入", BF_LEDGER_P_PER_CAPITA_FEN),
  PHONE ("联系电话", BF_LEDGER_P_PHONE),
  DATE ("首次识别时间", BF_LEDGER_P_FIRST_IDENTIFIED),
  CODE ("户类型", BF_LEDGER_P_ATTRIBUTE, BF_CODES_ATTRIBUTE),
  CODE ("监测对象类型", BF_LEDGER_P_MONITORING_TYPE, BF_CODES_MONITORING_TYPE),
  { "风险是否消除", KIND_RISK_CLEARED, BF_LEDGER_P_MONITORING_TYPE, BF_LEDGER_P_STATUS, 0 },
  CODE ("性别", BF_LEDGER_P_SEX, BF_CODES_SEX),
  DATE ("出生日期", BF_LEDGER_P_BIRTH_DATE),
  { "残疾等级", KIND_DISABILITY, BF_LEDGER_P_DISABILITY_GRADE, 0, 0 },
  CODE ("务工状况", BF_LEDGER_P_WORK_STATUS, BF_CODES_WORK_STATUS),
  YES_NO ("是否参加城乡居民医保", BF_LEDGER_P_MEDICAL_INSURANCE),
  YES_NO ("是否参加城乡居民养老保险", BF_LEDGER_P_PENSION_INSURANCE),
  STATUS ("户状态", BF_LEDGER_P_STATUS),
};

static const Column measure_columns[] = {
  DIGITS ("户编号", BF_LEDGER_M_NUMBER),
  TEXT ("行政村", BF_LEDGER_M_VILLAGE),
  TEXT ("村民小组", BF_LEDGER_M_GROUP),
  TEXT ("户主姓名", BF_LEDGER_M_HEAD_NAME),
  INT ("年度", BF_LEDGER_M_YEAR),
  CODE ("措施类别", BF_LEDGER_M_CATEGORY, BF_CODES_MEASURE_CATEGORY),
  TEXT ("措施细类", BF_LEDGER_M_SUBTYPE),
  LONG_TEXT ("措施内容", BF_LEDGER_M_DESCRIPTION),
  CODE ("责任部门", BF_LEDGER_M_DEPARTMENT, BF_CODES_DEPARTMENT),
  TEXT ("帮扶责任人", BF_LEDGER_M_HELPER),
  DATE ("开始日期", BF_LEDGER_M_STARTS_ON),
  DATE ("计划完成日期", BF_LEDGER_M_DUE_ON),
  MONEY ("预算资金(元)", BF_LEDGER_M_BUDGET_FEN),
  MONEY ("已支出(元)", BF_LEDGER_M_SPENT_FEN),
  CODE ("实施状态", BF_LEDGER_M_STATUS, BF_CODES_MEASURE_STATUS),
  DATE ("完成日期", BF_LEDGER_M_COMPLETED_ON),
  LONG_TEXT ("帮扶成效", BF_LEDGER_M_EFFECT),
  YES_NO ("户确认", BF_LEDGER_M_CONFIRMED),
};

static const Column visit_columns[] = {
  DIGITS ("户编号", BF_LEDGER_V_NUMBER),
  TEXT ("行政村", BF_LEDGER_V_VILLAGE),
  TEXT ("村民小组", BF_LEDGER_V_GROUP),
  TEXT ("户主姓名", BF_LEDGER_V_HEAD_NAME),
  DATE ("走访日期", BF_LEDGER_V_VISITED_ON),
  TEXT ("走访人", BF_LEDGER_V_VISITOR),
  CODE ("走访方式", BF_LEDGER_V_MODE, BF_CODES_VISIT_MODE),
  LONG_TEXT ("走访情况", BF_LEDGER_V_FINDINGS),
  LONG_TEXT ("发现问题", BF_LEDGER_V_PROBLEMS),
  LONG_TEXT ("整改措施", BF_LEDGER_V_RECTIFICATION),
  DATE ("整改期限", BF_LEDGER_V_DEADLINE),
  DATE ("整改完成日期", BF_LEDGER_V_RECTIFIED_ON),
  CODE ("满意度", BF_LEDGER_V_SATISFACTION, BF_CODES_SATISFACTION),
};

static const Column adjustment_columns[] = {
  DIGITS ("户编号", BF_LEDGER_A_NUMBER),
  TEXT ("行政村", BF_LEDGER_A_VILLAGE),
  TEXT ("村民小组", BF_LEDGER_A_GROUP),
  TEXT ("户主姓名", BF_LEDGER_A_HEAD_NAME),
  CODE ("调整类型", BF_LEDGER_A_KIND, BF_CODES_ADJUSTMENT_KIND),
  CODE ("变动情形", BF_LEDGER_A_SUBKIND, BF_CODES_NATURAL_CHANGE),
  DATE ("调整日期", BF_LEDGER_A_ADJUSTED_ON),
  LONG_TEXT ("调整原因", BF_LEDGER_A_REASON),
  TEXT ("审批情况", BF_LEDGER_A_APPROVAL),
  TEXT ("文号", BF_LEDGER_A_DOCUMENT_NUMBER),
};

static const Column notice_columns[] = {
  LONG_TEXT ("公示名称", BF_LEDGER_N_TITLE),
  CODE ("公示类型", BF_LEDGER_N_KIND, BF_CODES_NOTICE_KIND),
  TEXT ("发布单位", BF_LEDGER_N_ISSUING_BODY),
  DATE ("公示开始日期", BF_LEDGER_N_STARTS_ON),
  DATE ("公示结束日期", BF_LEDGER_N_ENDS_ON),
  CODE ("公示状态", BF_LEDGER_N_STATE, BF_CODES_NOTICE_STATE),
  DIGITS ("户编号", BF_LEDGER_N_NUMBER),
  TEXT ("行政村", BF_LEDGER_N_VILLAGE),
  TEXT ("户主姓名", BF_LEDGER_N_HEAD_NAME),
  INT ("家庭人口数", BF_LEDGER_N_MEMBERS),
  LONG_TEXT ("公示事由", BF_LEDGER_N_REASON),
  DATE ("撤出日期", BF_LEDGER_N_REMOVED_ON),
  LONG_TEXT ("撤出原因", BF_LEDGER_N_REMOVED_REASON),
  DATE ("异议受理日期", BF_LEDGER_N_RECEIVED_ON),
  LONG_TEXT ("异议内容", BF_LEDGER_N_CONTENT),
  LONG_TEXT ("核实情况", BF_LEDGER_N_VERIFICATION),
  CODE ("异议结果", BF_LEDGER_N_RESULT, BF_CODES_OBJECTION_RESULT),
  { "处理方式", KIND_CONSEQUENCE, BF_LEDGER_N_CONSEQUENCE, 0, 0 },
  DATE ("办结日期", BF_LEDGER_N_DECIDED_ON),
};

static const Tally household_tallies[] = {
  { BF_LEDGER_BY_STATUS, BF_LEDGER_H_STATUS, -1 },
  { BF_LEDGER_BY_ATTRIBUTE, BF_LEDGER_H_ATTRIBUTE, -1 },
  { BF_LEDGER_BY_MONITORING_TYPE, BF_LEDGER_H_MONITORING_TYPE, -1 },
  { BF_LEDGER_BY_CAUSE, BF_LEDGER_H_PRIMARY_CAUSE, -1 },
  { BF_LEDGER_BY_VILLAGE, BF_LEDGER_H_VILLAGE, -1 },
};
static const Tally measure_tallies[] = {
  { BF_LEDGER_MEASURES_BY_CATEGORY, BF_LEDGER_M_CATEGORY, -1 },
  { BF_LEDGER_MEASURES_BY_STATUS, BF_LEDGER_M_STATUS, -1 },
};
static const Tally visit_tallies[] = {
  { BF_LEDGER_VISITS_BY_MODE, BF_LEDGER_V_MODE, -1 },
  { BF_LEDGER_VISITS_BY_SATISFACTION, BF_LEDGER_V_SATISFACTION, -1 },
};
static const Tally adjustment_tallies[] = {
  { BF_LEDGER_ADJUSTMENTS_BY_KIND, BF_LEDGER_A_KIND, -1 },
};
static const Tally notice_tallies[] = {
  { BF_LEDGER_OBJECTIONS_BY_RESULT, BF_LEDGER_N_RESULT, BF_LEDGER_N_RECEIVED_ON },
};

/* Progress: counting people or measures first would read as much as writing them, so each table
 * takes a fixed share of the work (people the most) and reports how far it is through the
 * households (rows in household order) or through the quarter (rows in date order). */
/* clang-format off */
#define SHEET(t, n, title, cols, tallies, key, by_date, share) \
  { t, n, title, cols, G_N_ELEMENTS (cols), tallies, G_N_ELEMENTS (tallies), key, by_date, share }
const SheetSpec _bf_ledger_sheets[BF_LEDGER_N_TABLES] = {
  SHEET (BF_LEDGER_HOUSEHOLDS, "户台账", "户台账", household_columns, household_tallies,
         BF_LEDGER_H_NUMBER, FALSE, 0.14),
  { BF_LEDGER_PERSONS, "人员台账", "人员台账", person_columns, G_N_ELEMENTS (person_columns),
    NULL, 0, BF_LEDGER_P_NUMBER, FALSE, 0.60 },
  SHEET (BF_LEDGER_MEASURES, "帮扶措施", "帮扶措施台账", measure_columns, measure_tallies,
         BF_LEDGER_M_NUMBER, FALSE, 0.17),
  SHEET (BF_LEDGER_VISITS, "走访记录", "走访记录", visit_columns, visit_tallies,
         BF_LEDGER_V_VISITED_ON, TRUE, 0.05),
  SHEET (BF_LEDGER_ADJUSTMENTS, "动态调整", "动态调整台账", adjustment_columns, adjustment_tallies,
         BF_LEDGER_A_ADJUSTED_ON, TRUE, 0.01),
  SHEET (BF_LEDGER_NOTICES, "公示与异议", "公示与异议台账", notice_columns, notice_tallies,
         BF_LEDGER_N_STARTS_ON, TRUE, 0.03),
};
#undef SHEET
/* clang-format on */

void
_bf_ledger_part_free (Part *part)
{
  g_free (part->name);
  g_free (part);
}

/* The width a cell's text takes: CJK characters count double. */
static double
text_width (const char *text)
{
  double width = 0;
  const guchar *p;

  for (p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x80)
        width += 1;
      else if (*p >= 0xe0)
        width += 2; /* a three- or four-byte sequence: CJK and other wide characters */
      else if (*p >= 0xc0)
        width += 1;
    }
  return width;
}

static gboolean
parse_date (const char *text, lxw_datetime *out)
{
  int i;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  out->year =
    (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  out->month = (text[5] - '0') * 10 + (text[6] - '0');
  out->day = (text[8] - '0') * 10 + (text[9] - '0');
  out->hour = 0;
  out->min = 0;
  out->sec = 0;
  /* Excel's dates start in 1900. */
  return out->year >= 1900 && g_date_valid_dmy (out->day, out->month, out->year);
}

void
_bf_ledger_set_write_error (GError **error, int errsv, const char *path)
{
  switch (errsv)
    {
      case ENOSPC:
      case EDQUOT:
      case EFBIG:
        g_set_error (
          error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_NO_SPACE,
          _ (
            "There is not enough space to write “%s” (%s). Free some space on the disk or choose another folder."),
          path, g_strerror (errsv));
        break;
      case EACCES:
      case EPERM:
      case EROFS:
        g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_PERMISSION,
                     _ ("You may not write “%s” (%s). Choose another folder."), path,
                     g_strerror (errsv));
        break;
      default:
        g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_IO, _ ("Could not write “%s”: %s"),
                     path, g_strerror (errsv));
        break;
    }
}

void
_bf_ledger_report (Ledger *self, double fraction, const char *text)
{
  if (self->progress != NULL)
    self->progress (CLAMP (fraction, 0.0, 1.0), text, self->user_data);
}

/* How far a table is, 0…1, from its current row. */
static double
table_progress (Ledger *self, const SheetSpec *spec, BfLedgerCursor *cursor)
{
  lxw_datetime at;
  GDate date;
  double days;

  if (!spec->by_date)
    return self->households > 0 ? (double) self->households_seen / self->households : 1.0;
  if (!parse_date (bf_ledger_cursor_get_text (cursor, spec->progress_key), &at))
    return 0.0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, at.day, at.month, at.year);
  days = g_date_days_between (&self->first_day, &self->last_day) + 1;
  return g_date_days_between (&self->first_day, &date) / days;
}

static void
report_rows (Ledger *self, const SheetSpec *spec, gint64 row, double within, gboolean force)
{
  gint64 now;
  g_autofree char *text = NULL;

  if (self->progress == NULL)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - self->last_report_time < 100 * G_TIME_SPAN_MILLISECOND)
    return;
  self->last_report_time = now;
  /* TRANSLATORS: "Writing “人员台账”: 120000 rows" */
  text = g_strdup_printf (_ ("Writing “%s”: %lu rows"), spec->name, (unsigned long) row);
  _bf_ledger_report (self, ROWS_SHARE * (self->done_share + spec->share * CLAMP (within, 0.0, 1.0)),
                     text);
}

void
_bf_ledger_setup_page (Ledger *self, lxw_worksheet *sheet, lxw_row_t header_row)
{
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, header_row);
  worksheet_set_footer (sheet, "&C第 &P 页 共 &N 页");
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_gridlines (sheet, LXW_SHOW_ALL_GRIDLINES);
  worksheet_freeze_panes (sheet, header_row + 1, 0);
}

void
_bf_ledger_write_title (Ledger *self, lxw_worksheet *sheet, guint n_columns, const char *title)
{
  g_autofree char *text = g_strdup_printf ("%s%s%s", self->region, self->quarter_text, title);

  worksheet_set_row (sheet, TITLE_ROW, 30, NULL);
  worksheet_merge_range (sheet, TITLE_ROW, 0, TITLE_ROW, n_columns - 1, text, self->title_format);
}

/* The scratch file of a sheet in constant-memory mode takes every row: a larger buffer than
 * stdio's 4 KiB saves most of the system calls. Nothing was written to it yet, as setvbuf() needs.
 */
#define SCRATCH_BUFFER_SIZE (256 * 1024)

void
_bf_ledger_use_large_buffer (lxw_worksheet *sheet)
{
  if (sheet->optimize_tmpfile != NULL)
    setvbuf (sheet->optimize_tmpfile, NULL, _IOFBF, SCRATCH_BUFFER_SIZE);
}

static Part *
add_part (Ledger *self, const SheetSpec *spec, GError **error)
{
  GPtrArray *parts = self->parts[spec->table];
  Part *part = g_new0 (Part, 1);
  guint i;

  part->name = parts->len == 0 ? g_strdup (spec->name)
                               : g_strdup_printf ("%s(%u)", spec->name, parts->len + 1);
  part->sheet = workbook_add_worksheet (self->workbook, part->name);
  if (part->sheet == NULL)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_IO,
                   _ ("Could not create a temporary file for the sheet “%s” in “%s”"), part->name,
                   self->tmpdir);
      _bf_ledger_part_free (part);
      return NULL;
    }
  g_ptr_array_add (parts, part);
  self->n_sheets++;
  _bf_ledger_use_large_buffer (part->sheet);

  _bf_ledger_setup_page (self, part->sheet, HEADER_ROW);
  _bf_ledger_write_title (self, part->sheet, spec->n_columns, spec->title);
  worksheet_set_row (part->sheet, HEADER_ROW, 32, NULL);
  for (i = 0; i < spec->n_columns; i++)
    {
      worksheet_write_string (part->sheet, HEADER_ROW, i, spec->columns[i].header,
                              self->header_format);
      /* A header may wrap onto two lines. */
      part->widths[i] = text_width (spec->columns[i].header) / 2 + 1;
    }
  return part;
}

static double
column_width (Kind kind, double widest)
{
  switch (kind)
    {
      case KIND_ID_NUMBER:
        return 21;
      case KIND_DATE:
        return 12;
      case KIND_MONEY:
        return MAX (widest, 13);
      case KIND_LONG_TEXT:
        return CLAMP (widest + 2, 10, 36);
      default:
        return CLAMP (widest + 2, 6, 40);
    }
}

static void
finish_part (Ledger *self, const SheetSpec *spec, Part *part)
{
  guint i;

  for (i = 0; i < spec->n_columns; i++)
    {
      lxw_format *format = spec->columns[i].kind == KIND_LONG_TEXT ? self->wrap_format : NULL;

      worksheet_set_column (part->sheet, i, i,
                            column_width (spec->columns[i].kind, part->widths[i]), format);
    }
  worksheet_autofilter (part->sheet, HEADER_ROW, 0, HEADER_ROW + MAX (part->rows, 1),
                        spec->n_columns - 1);
}

static void
put_text (Part *part, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format)
{
  g_autofree char *cut = NULL;
  double width;

  if (text == NULL)
    return;
  if (G_UNLIKELY (strlen (text) > MAX_CELL_CHARS && g_utf8_strlen (text, -1) > MAX_CELL_CHARS))
    text = cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
  worksheet_write_string (part->sheet, row, col, text, format);
  width = text_width (text);
  if (width > part->widths[col])
    part->widths[col] = width;
}

const char *
_bf_ledger_code_word (BfCodeList list, const char *code)
{
  const char *word = bf_ledger_code_label (list, code);

  /* An unknown code is written as it is, never dropped. */
  return word != NULL ? word : code;
}

const char *
_bf_ledger_status_word (const char *code)
{
  const char *word = bf_ledger_status_label (code);

  return word != NULL ? word : code;
}

static const char *
yes_no (gint64 value)
{
  return value != 0 ? "是" : "否";
}

static void
write_cell (Ledger *self,
            Part *part,
            lxw_row_t row,
            lxw_col_t col,
            const Column *column,
            BfLedgerCursor *cursor)
{
  static const char *const grades[] = { "一级", "二级", "三级", "四级" };
  const char *text;
  lxw_datetime date;
  gint64 number;
  double real;

  switch (column->kind)
    {
      case KIND_TEXT:
        put_text (part, row, col, bf_ledger_cursor_get_text (cursor, column->source), NULL);
        break;
      case KIND_LONG_TEXT:
        put_text (part, row, col, bf_ledger_cursor_get_text (cursor, column->source),
                  self->wrap_format);
        break;
      case KIND_DIGITS:
        put_text (part, row, col, bf_ledger_cursor_get_text (cursor, column->source),
                  self->text_format);
        break;
      case KIND_ID_NUMBER:
      case KIND_PHONE:
        text = bf_ledger_cursor_get_text (cursor, column->source);
        if (text != NULL && self->options->mask)
          {
            g_autofree char *masked = column->kind == KIND_ID_NUMBER ? bf_id_number_mask (text)
                                                                     : bf_ledger_mask_phone (text);
            put_text (part, row, col, masked, self->text_format);
          }
        else
          put_text (part, row, col, text, self->text_format);
        break;
      case KIND_DATE:
        text = bf_ledger_cursor_get_text (cursor, column->source);
        if (parse_date (text, &date))
          worksheet_write_datetime (part->sheet, row, col, &date, self->date_format);
        else
          put_text (part, row, col, text, NULL);
        break;
      case KIND_MONEY:
        if (bf_ledger_cursor_get_int (cursor, column->source, &number))
          worksheet_write_number (part->sheet, row, col, number / 100.0, self->money_format);
        break;
      case KIND_INT:
        if (bf_ledger_cursor_get_int (cursor, column->source, &number))
          worksheet_write_number (part->sheet, row, col, (double) number, NULL);
        break;
      case KIND_DECIMAL:
        if (bf_ledger_cursor_get_double (cursor, column->source, &real))
          worksheet_write_number (part->sheet, row, col, real, self->decimal_format);
        break;
      case KIND_CODE:
        text = bf_ledger_cursor_get_text (cursor, column->source);
        if (text != NULL)
          put_text (part, row, col, _bf_ledger_code_word (column->list, text), NULL);
        break;
      case KIND_STATUS:
        text = bf_ledger_cursor_get_text (cursor, column->source);
        if (text != NULL)
          put_text (part, row, col, _bf_ledger_status_word (text), NULL);
        break;
      case KIND_YES_NO:
        if (bf_ledger_cursor_get_int (cursor, column->source, &number))
          put_text (part, row, col, yes_no (number), NULL);
        break;
      case KIND_COUNTY:
        put_text (part, row, col, bf_ledger_reader_get_county (self->reader), NULL);
        break;
      case KIND_TOWNSHIP:
        put_text (part, row, col, bf_ledger_reader_get_township (self->reader), NULL);
        break;
      case KIND_OTHER_CAUSES:
        {
          const char *first = bf_ledger_cursor_get_text (cursor, column->source);
          const char *second = bf_ledger_cursor_get_text (cursor, column->source2);
          g_autofree char *both = NULL;

          if (first != NULL && second != NULL)
            both = g_strconcat (_bf_ledger_code_word (column->list, first), "、",
                                _bf_ledger_code_word (column->list, second), NULL);
          put_text (part, row, col,
                    both != NULL
                      ? both
                      : _bf_ledger_code_word (column->list, first != NULL ? first : second),
                    NULL);
        }
        break;
      case KIND_RISK_CLEARED:
        if (bf_ledger_cursor_get_text (cursor, column->source) != NULL)
          {
            text = bf_ledger_cursor_get_text (cursor, column->source2);
            put_text (part, row, col,
                      yes_no (g_strcmp0 (text, bf_status_code (BF_STATUS_EXITED)) == 0), NULL);
          }
        break;
      case KIND_DISABILITY:
        if (bf_ledger_cursor_get_int (cursor, column->source, &number) && number >= 1 &&
            number <= 4)
          put_text (part, row, col, grades[number - 1], NULL);
        break;
      case KIND_CONSEQUENCE:
        text = bf_ledger_cursor_get_text (cursor, column->source);
        if (g_strcmp0 (text, "reject") == 0)
          put_text (part, row, col, "不予纳入", NULL);
        else if (g_strcmp0 (text, "return") == 0)
          put_text (part, row, col, "退回重新核查", NULL);
        else
          put_text (part, row, col, text, NULL);
        break;
      default:
        g_assert_not_reached ();
    }
}

gboolean
_bf_ledger_check_scratch (Ledger *self, lxw_worksheet *sheet, GError **error)
{
  FILE *file = sheet->optimize_tmpfile;

  if (file == NULL)
    return TRUE;
  errno = 0;
  if (fflush (file) != 0 || ferror (file))
    {
      _bf_ledger_set_write_error (error, errno != 0 ? errno : EIO, self->path);
      return FALSE;
    }
  return TRUE;
}

static void
count_row (Ledger *self, const Tally *tally, BfLedgerCursor *cursor)
{
  GHashTable *counts = self->tallies[tally->breakdown];
  const char *key;
  BfLedgerCount *count;
  gint64 fen;

  if (tally->present >= 0 && bf_ledger_cursor_get_text (cursor, tally->present) == NULL)
    return;
  key = bf_ledger_cursor_get_text (cursor, tally->key);
  if (key == NULL)
    key = "";
  count = g_hash_table_lookup (counts, key);
  if (count == NULL)
    {
      count = g_new0 (BfLedgerCount, 1);
      count->key = g_strdup (key);
      g_hash_table_insert (counts, count->key, count);
    }
  count->count++;
  if (tally->breakdown == BF_LEDGER_MEASURES_BY_CATEGORY ||
      tally->breakdown == BF_LEDGER_MEASURES_BY_STATUS)
    {
      if (bf_ledger_cursor_get_int (cursor, BF_LEDGER_M_BUDGET_FEN, &fen))
        count->budget_fen += fen;
      if (bf_ledger_cursor_get_int (cursor, BF_LEDGER_M_SPENT_FEN, &fen))
        count->spent_fen += fen;
    }
}

gboolean
_bf_ledger_write_table (Ledger *self, const SheetSpec *spec, GError **error)
{
  g_autoptr (BfLedgerCursor) cursor = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 row = 0;
  Part *part;
  guint i;

  self->households_seen = 0;
  self->last_number[0] = '\0';
  report_rows (self, spec, 0, 0.0, TRUE);
  cursor = bf_ledger_reader_query (self->reader, spec->table, error);
  if (cursor == NULL)
    return FALSE;
  part = add_part (self, spec, error);
  if (part == NULL)
    return FALSE;

  while (bf_ledger_cursor_next (cursor, &local_error))
    {
      lxw_row_t sheet_row;

      if (part->rows == self->rows_per_part)
        {
          finish_part (self, spec, part);
          if (!_bf_ledger_check_scratch (self, part->sheet, error))
            return FALSE;
          part = add_part (self, spec, error);
          if (part == NULL)
            return FALSE;
        }
      sheet_row = FIRST_DATA_ROW + part->rows;
      for (i = 0; i < spec->n_columns; i++)
        write_cell (self, part, sheet_row, i, &spec->columns[i], cursor);
      for (i = 0; i < spec->n_tallies; i++)
        count_row (self, &spec->tallies[i], cursor);
      part->rows++;
      row++;
      if (!spec->by_date)
        {
          const char *number = bf_ledger_cursor_get_text (cursor, spec->progress_key);

          if (number != NULL && strncmp (number, self->last_number, sizeof self->last_number) != 0)
            {
              self->households_seen++;
              g_strlcpy (self->last_number, number, sizeof self->last_number);
            }
        }

      if ((row & 1023) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
          if (!_bf_ledger_check_scratch (self, part->sheet, error))
            return FALSE;
          report_rows (self, spec, row, table_progress (self, spec, cursor), FALSE);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->written[spec->table] = row;
  self->done_share += spec->share;
  finish_part (self, spec, part);
  return _bf_ledger_check_scratch (self, part->sheet, error);
}

char *
bf_ledger_mask_phone (const char *phone)
{
  glong n, i;
  GString *masked;
  const char *p;

  if (phone == NULL)
    return NULL;
  if (!g_utf8_validate (phone, -1, NULL))
    return g_strdup ("");
  n = g_utf8_strlen (phone, -1);
  masked = g_string_new (NULL);
  for (i = 0, p = phone; i < n; i++, p = g_utf8_next_char (p))
    {
      if (n >= 7 && (i < 3 || i >= n - 4))
        g_string_append_unichar (masked, g_utf8_get_char (p));
      else
        g_string_append_c (masked, '*');
    }
  return g_string_free (masked, FALSE);
}
