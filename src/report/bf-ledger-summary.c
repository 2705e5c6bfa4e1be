/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary sheet (汇总) of the ledger: totals as formulas over the table sheets, breakdowns
 * by code, the indicators. */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-ledger-private.h"
#include "bf-lifecycle.h"

/* ---- The summary sheet ---- */

typedef struct
{
  lxw_row_t row;
} Summary;

static int
column_of (const SheetSpec *spec, int source)
{
  guint i;

  for (i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].source == source && spec->columns[i].kind != KIND_COUNTY &&
        spec->columns[i].kind != KIND_TOWNSHIP)
      return (int) i;
  g_assert_not_reached ();
}

static void
append_range (GString *formula, const Part *part, int column)
{
  char name[16];

  lxw_col_to_name (name, (lxw_col_t) column, TRUE);
  /* A table without rows still gets a range, an empty one. */
  g_string_append_printf (formula, "'%s'!%s$%d:%s$%" G_GINT64_FORMAT, part->name, name,
                          FIRST_DATA_ROW + 1, name, FIRST_DATA_ROW + MAX (part->rows, 1));
}

/* "=F('户台账'!$L$3:$L$1002,crit[,sum range])+F('户台账(2)'!…)": one call per part of the table. */
static char *
formula_over_parts (Ledger *self,
                    BfLedgerTable table,
                    const char *function,
                    int column,
                    const char *criteria,
                    int sum_column)
{
  GString *formula = g_string_new ("=");
  GPtrArray *parts = self->parts[table];
  guint i;

  for (i = 0; i < parts->len; i++)
    {
      const Part *part = g_ptr_array_index (parts, i);

      if (i > 0)
        g_string_append_c (formula, '+');
      /* COUNTBLANK would count the placeholder cell of an empty table. */
      if (part->rows == 0 && strcmp (function, "COUNTBLANK") == 0)
        {
          g_string_append_c (formula, '0');
          continue;
        }
      g_string_append_printf (formula, "%s(", function);
      append_range (formula, part, column);
      if (criteria != NULL)
        g_string_append_printf (formula, ",%s", criteria);
      if (sum_column >= 0)
        {
          g_string_append_c (formula, ',');
          append_range (formula, part, sum_column);
        }
      g_string_append_c (formula, ')');
    }
  return g_string_free (formula, FALSE);
}

/* One line of the summary: a count over @table's @column (matching the item in column B, or blank
 * when @blank, or any when @item_match is FALSE), with budget and spent sums when @money. */
typedef struct
{
  const char *category;
  const char *item;
  BfLedgerTable table;
  int column;
  gboolean match_item; /* COUNTIF on the item, else COUNTA */
  gboolean blank;      /* COUNTBLANK */
  gint64 count;
  gboolean money;
  int budget_column;
  int spent_column;
  gint64 budget_fen;
  gint64 spent_fen;
} SummaryLine;

static void
write_summary_line (Ledger *self, Summary *summary, const SummaryLine *line)
{
  lxw_worksheet *sheet = self->summary;
  lxw_row_t row = summary->row++;
  g_autofree char *criteria = g_strdup_printf ("$B$%u", row + 1);
  g_autofree char *count = NULL;
  const char *function = line->blank ? "COUNTBLANK" : line->match_item ? "COUNTIF" : "COUNTA";

  worksheet_write_string (sheet, row, 0, line->category, NULL);
  worksheet_write_string (sheet, row, 1, line->item, NULL);
  count = formula_over_parts (self, line->table, function, line->column,
                              line->match_item && !line->blank ? criteria : NULL, -1);
  worksheet_write_formula_num (sheet, row, 2, count, NULL, (double) line->count);
  if (line->money)
    {
      g_autofree char *budget = NULL;
      g_autofree char *spent = NULL;

      if (line->match_item)
        {
          budget = formula_over_parts (self, line->table, "SUMIF", line->column, criteria,
                                       line->budget_column);
          spent = formula_over_parts (self, line->table, "SUMIF", line->column, criteria,
                                      line->spent_column);
        }
      else
        {
          budget = formula_over_parts (self, line->table, "SUM", line->budget_column, NULL, -1);
          spent = formula_over_parts (self, line->table, "SUM", line->spent_column, NULL, -1);
        }
      worksheet_write_formula_num (sheet, row, 3, budget, self->money_format,
                                   line->budget_fen / 100.0);
      worksheet_write_formula_num (sheet, row, 4, spent, self->money_format,
                                   line->spent_fen / 100.0);
    }
}

typedef const char *(*WordFunc) (BfCodeList list, const char *code);

static const char *
status_word_of (BfCodeList list, const char *code)
{
  return _bf_ledger_status_word (code);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Lines for every code of a list in its order (zero counts included, so every quarter's summary
 * has the same lines), then values the register has that the list lacks, then the blank ones. */
static void
write_breakdown (Ledger *self,
                 Summary *summary,
                 const char *category,
                 BfLedgerBreakdown breakdown,
                 BfLedgerTable table,
                 int source,
                 const char *const *codes,
                 gsize n_codes,
                 BfCodeList list,
                 WordFunc word,
                 const char *blank_item)
{
  GHashTable *counts = self->tallies[breakdown];
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **others = NULL;
  const SheetSpec *spec = &_bf_ledger_sheets[table];
  gboolean money =
    breakdown == BF_LEDGER_MEASURES_BY_CATEGORY || breakdown == BF_LEDGER_MEASURES_BY_STATUS;
  SummaryLine line = {
    .category = category,
    .table = table,
    .column = column_of (spec, source),
    .match_item = TRUE,
    .money = money,
    .budget_column = money ? column_of (spec, BF_LEDGER_M_BUDGET_FEN) : -1,
    .spent_column = money ? column_of (spec, BF_LEDGER_M_SPENT_FEN) : -1,
  };
  const BfLedgerCount *found;
  guint n_others, i;

  for (i = 0; i < n_codes; i++)
    {
      found = g_hash_table_lookup (counts, codes[i]);
      g_hash_table_add (listed, (gpointer) codes[i]);
      line.item = word != NULL ? word (list, codes[i]) : codes[i];
      line.count = found != NULL ? found->count : 0;
      line.budget_fen = found != NULL ? found->budget_fen : 0;
      line.spent_fen = found != NULL ? found->spent_fen : 0;
      write_summary_line (self, summary, &line);
    }

  others = (const char **) g_hash_table_get_keys_as_array (counts, &n_others);
  qsort (others, n_others, sizeof *others, compare_strings);
  for (i = 0; i < n_others; i++)
    {
      if (*others[i] == '\0' || g_hash_table_contains (listed, others[i]))
        continue;
      found = g_hash_table_lookup (counts, others[i]);
      line.item = word != NULL ? word (list, others[i]) : others[i];
      line.count = found->count;
      line.budget_fen = found->budget_fen;
      line.spent_fen = found->spent_fen;
      write_summary_line (self, summary, &line);
    }

  found = g_hash_table_lookup (counts, "");
  if (found != NULL && blank_item != NULL)
    {
      line.item = blank_item;
      line.blank = TRUE;
      line.count = found->count;
      line.budget_fen = found->budget_fen;
      line.spent_fen = found->spent_fen;
      write_summary_line (self, summary, &line);
    }
}

static void
write_code_breakdown (Ledger *self,
                      Summary *summary,
                      const char *category,
                      BfLedgerBreakdown breakdown,
                      BfLedgerTable table,
                      int source,
                      BfCodeList list,
                      const char *blank_item)
{
  gsize n_codes, i;
  const BfCode *codes = bf_codes (list, &n_codes);
  g_autofree const char **names = g_new0 (const char *, n_codes + 1);

  for (i = 0; i < n_codes; i++)
    names[i] = codes[i].code;
  write_breakdown (self, summary, category, breakdown, table, source, names, n_codes, list,
                   _bf_ledger_code_word, blank_item);
}

static void
write_total (Ledger *self,
             Summary *summary,
             const char *item,
             BfLedgerTable table,
             int source,
             gboolean money)
{
  const SheetSpec *spec = &_bf_ledger_sheets[table];
  SummaryLine line = {
    .category = "合计",
    .item = item,
    .table = table,
    .column = column_of (spec, source),
    .count = self->written[table],
    .money = money,
    .budget_column = money ? column_of (spec, BF_LEDGER_M_BUDGET_FEN) : -1,
    .spent_column = money ? column_of (spec, BF_LEDGER_M_SPENT_FEN) : -1,
  };
  GHashTableIter iter;
  BfLedgerCount *count;

  g_hash_table_iter_init (&iter, self->tallies[BF_LEDGER_MEASURES_BY_STATUS]);
  while (money && g_hash_table_iter_next (&iter, NULL, (gpointer *) &count))
    {
      line.budget_fen += count->budget_fen;
      line.spent_fen += count->spent_fen;
    }
  write_summary_line (self, summary, &line);
}

/* The indicators come from the store's own reckoning (docs/domain.md §8), not from the sheets:
 * plain values, under the table of counts. */
static void
write_indicators (Ledger *self, Summary *summary, const BfIndicatorSet *set)
{
  static const char *const headers[SUMMARY_COLUMNS] = { "考核指标", "数值", "分子", "分母",
                                                        "说明" };
  static const char *const names[BF_N_INDICATORS] = {
    [BF_INDICATOR_ACCURACY] = "识别准确率",
    [BF_INDICATOR_MEASURES] = "帮扶措施落实率",
    [BF_INDICATOR_INCOME_GROWTH] = "人均纯收入增长(中位数,元)",
    [BF_INDICATOR_ABOVE_LINE] = "人均纯收入高于扶贫标准的比例",
    [BF_INDICATOR_SATISFACTION] = "满意度",
  };
  static const char *const notes[BF_N_INDICATORS] = {
    [BF_INDICATOR_ACCURACY] = "未纠错且无成立异议的已批准户 ÷ 已批准户",
    [BF_INDICATOR_MEASURES] = "按期完成的到期措施 ÷ 本季度到期的措施（不含已取消）",
    [BF_INDICATOR_INCOME_GROWTH] =
      "帮扶中的户最近两次评估之差的中位数；分子：收入增长的户，分母：有两次评估的户",
    [BF_INDICATOR_ABOVE_LINE] = "最近一次评估高于当年扶贫标准的户 ÷ 有评估的帮扶中的户",
    [BF_INDICATOR_SATISFACTION] = "满意和基本满意的走访 ÷ 已评价的走访",
  };
  lxw_worksheet *sheet = self->summary;
  lxw_row_t row;
  guint i;

  summary->row++;
  row = summary->row++;
  for (i = 0; i < SUMMARY_COLUMNS; i++)
    worksheet_write_string (sheet, row, i, headers[i], self->header_format);
  for (i = 0; i < BF_N_INDICATORS; i++)
    {
      const BfIndicator *indicator = &set->indicators[i];

      row = summary->row++;
      /* Room for the wrapped explanation: row heights are not fitted on opening. */
      worksheet_set_row (sheet, row, 45, NULL);
      worksheet_write_string (sheet, row, 0, names[i], NULL);
      if (indicator->denominator == 0 || isnan (indicator->value))
        worksheet_write_string (sheet, row, 1, "—", NULL);
      else if (indicator->id == BF_INDICATOR_INCOME_GROWTH)
        worksheet_write_number (sheet, row, 1, indicator->value / 100.0, self->money_format);
      else
        worksheet_write_number (sheet, row, 1, indicator->value, self->percent_format);
      worksheet_write_number (sheet, row, 2, (double) indicator->numerator, NULL);
      worksheet_write_number (sheet, row, 3, (double) indicator->denominator, NULL);
      worksheet_write_string (sheet, row, 4, notes[i], self->wrap_format);
    }
}

static void
write_info (Ledger *self, Summary *summary, const char *label, const char *value)
{
  lxw_row_t row = summary->row++;

  worksheet_write_string (self->summary, row, 0, label, self->label_format);
  worksheet_merge_range (self->summary, row, 1, row, SUMMARY_COLUMNS - 1,
                         value != NULL ? value : "", NULL);
}

gboolean
_bf_ledger_write_summary (Ledger *self, GError **error)
{
  static const char *const headers[SUMMARY_COLUMNS] = { "分类", "项目", "数量", "预算资金(元)",
                                                        "已支出(元)" };
  static const double widths[SUMMARY_COLUMNS] = { 26, 24, 12, 16, 30 };
  lxw_worksheet *sheet = self->summary;
  Summary summary = { .row = HEADER_ROW };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *generated = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *period = NULL;
  const char *status_codes[BF_N_STATUSES];
  g_autofree const char **village_names = NULL;
  lxw_datetime stamp = {
    .year = g_date_time_get_year (now),
    .month = g_date_time_get_month (now),
    .day = g_date_time_get_day_of_month (now),
    .hour = g_date_time_get_hour (now),
    .min = g_date_time_get_minute (now),
  };
  lxw_row_t header_row, generated_row;
  guint i;

  _bf_ledger_setup_page (self, sheet, 0);
  _bf_ledger_write_title (self, sheet, SUMMARY_COLUMNS, "帮扶台账汇总");
  write_info (self, &summary, "县", bf_ledger_reader_get_county (self->reader));
  write_info (self, &summary, "乡(镇)", bf_ledger_reader_get_township (self->reader));
  write_info (self, &summary, "范围",
              bf_ledger_reader_get_village (self->reader) != NULL
                ? bf_ledger_reader_get_village (self->reader)
                : "全乡(镇)");
  period = g_strdup_printf ("%d年第%d季度（%s至%s）", self->options->year, self->options->quarter,
                            bf_ledger_reader_get_first_day (self->reader),
                            bf_ledger_reader_get_last_day (self->reader));
  write_info (self, &summary, "季度", period);
  generated_row = summary.row;
  write_info (self, &summary, "生成时间", generated);
  worksheet_write_datetime (sheet, generated_row, 1, &stamp, self->datetime_format);
  write_info (self, &summary, "制表人", self->options->operator_name);
  write_info (self, &summary, "证件号码与电话",
              self->options->mask ? "已脱敏（身份证号保留前6位和后4位）" : "完整");
  summary.row++;

  header_row = summary.row++;
  worksheet_set_row (sheet, header_row, 24, NULL);
  for (i = 0; i < SUMMARY_COLUMNS; i++)
    {
      worksheet_write_string (sheet, header_row, i, headers[i], self->header_format);
      worksheet_set_column (sheet, i, i, widths[i], NULL);
    }
  /* The frozen header and the repeated print rows are the table's header, under the facts. */
  worksheet_freeze_panes (sheet, header_row + 1, 0);
  worksheet_repeat_rows (sheet, header_row, header_row);

  for (i = 0; i < BF_N_STATUSES; i++)
    status_codes[i] = bf_status_code ((BfStatus) i);
  write_breakdown (self, &summary, "户数（按户状态）", BF_LEDGER_BY_STATUS, BF_LEDGER_HOUSEHOLDS,
                   BF_LEDGER_H_STATUS, status_codes, BF_N_STATUSES, 0, status_word_of, "未填写");
  write_code_breakdown (self, &summary, "户数（按贫困户属性）", BF_LEDGER_BY_ATTRIBUTE,
                        BF_LEDGER_HOUSEHOLDS, BF_LEDGER_H_ATTRIBUTE, BF_CODES_ATTRIBUTE, "未填写");
  write_code_breakdown (self, &summary, "户数（按监测对象类型）", BF_LEDGER_BY_MONITORING_TYPE,
                        BF_LEDGER_HOUSEHOLDS, BF_LEDGER_H_MONITORING_TYPE, BF_CODES_MONITORING_TYPE,
                        "非监测对象");
  write_code_breakdown (self, &summary, "户数（按主要致贫原因）", BF_LEDGER_BY_CAUSE,
                        BF_LEDGER_HOUSEHOLDS, BF_LEDGER_H_PRIMARY_CAUSE, BF_CODES_CAUSE, "未填写");
  village_names = g_new0 (const char *, self->villages->len + 1);
  for (i = 0; i < self->villages->len; i++)
    village_names[i] = ((BfLedgerCount *) g_ptr_array_index (self->villages, i))->key;
  write_breakdown (self, &summary, "户数（按行政村）", BF_LEDGER_BY_VILLAGE, BF_LEDGER_HOUSEHOLDS,
                   BF_LEDGER_H_VILLAGE, village_names, self->villages->len, 0, NULL, NULL);
  write_code_breakdown (self, &summary, "帮扶措施（按类别）", BF_LEDGER_MEASURES_BY_CATEGORY,
                        BF_LEDGER_MEASURES, BF_LEDGER_M_CATEGORY, BF_CODES_MEASURE_CATEGORY, NULL);
  write_code_breakdown (self, &summary, "帮扶措施（按实施状态）", BF_LEDGER_MEASURES_BY_STATUS,
                        BF_LEDGER_MEASURES, BF_LEDGER_M_STATUS, BF_CODES_MEASURE_STATUS, NULL);
  write_code_breakdown (self, &summary, "走访记录（按方式）", BF_LEDGER_VISITS_BY_MODE,
                        BF_LEDGER_VISITS, BF_LEDGER_V_MODE, BF_CODES_VISIT_MODE, NULL);
  write_code_breakdown (self, &summary, "走访记录（按满意度）", BF_LEDGER_VISITS_BY_SATISFACTION,
                        BF_LEDGER_VISITS, BF_LEDGER_V_SATISFACTION, BF_CODES_SATISFACTION,
                        "未评价");
  write_code_breakdown (self, &summary, "动态调整（按类型）", BF_LEDGER_ADJUSTMENTS_BY_KIND,
                        BF_LEDGER_ADJUSTMENTS, BF_LEDGER_A_KIND, BF_CODES_ADJUSTMENT_KIND, NULL);
  write_code_breakdown (self, &summary, "异议（按结果）", BF_LEDGER_OBJECTIONS_BY_RESULT,
                        BF_LEDGER_NOTICES, BF_LEDGER_N_RESULT, BF_CODES_OBJECTION_RESULT, NULL);
  write_total (self, &summary, "户数", BF_LEDGER_HOUSEHOLDS, BF_LEDGER_H_NUMBER, FALSE);
  write_total (self, &summary, "人数", BF_LEDGER_PERSONS, BF_LEDGER_P_NAME, FALSE);
  write_total (self, &summary, "帮扶措施", BF_LEDGER_MEASURES, BF_LEDGER_M_NUMBER, TRUE);
  write_total (self, &summary, "走访记录", BF_LEDGER_VISITS, BF_LEDGER_V_NUMBER, FALSE);
  write_total (self, &summary, "动态调整", BF_LEDGER_ADJUSTMENTS, BF_LEDGER_A_NUMBER, FALSE);
  write_total (self, &summary, "公示条目", BF_LEDGER_NOTICES, BF_LEDGER_N_NUMBER, FALSE);

  worksheet_autofilter (sheet, header_row, 0, summary.row - 1, SUMMARY_COLUMNS - 1);
  if (self->options->indicators != NULL)
    {
      const BfIndicatorSet *set = self->options->indicators (self->options->indicators_data);

      if (set != NULL)
        write_indicators (self, &summary, set);
    }
  return _bf_ledger_check_scratch (self, sheet, error);
}
