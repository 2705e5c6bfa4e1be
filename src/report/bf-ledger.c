/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-ledger.h"
#include "bf-lifecycle.h"

G_DEFINE_QUARK (bf - ledger - error - quark, bf_ledger_error)

/* Compression. libxlsxwriter deflates every part of a workbook at zlib's default level (6) and has
 * no option for it; on a ledger of 400,000 people that is the largest part of the export's time.
 * Level 1 deflates the sheets' XML three times faster for about a fifth more bytes. So this file
 * provides minizip's entry point that libxlsxwriter calls (the dynamic linker binds its call to
 * the executable's definition) and passes each call on to minizip, with level 1 while this thread
 * closes a ledger. Should libxlsxwriter stop calling it, nothing breaks: the level stays 6. */
static _Thread_local gboolean fast_deflate;

typedef int ZipOpenFunc (void *file,
                         const char *filename,
                         const void *zipfi,
                         const void *extrafield_local,
                         unsigned int size_extrafield_local,
                         const void *extrafield_global,
                         unsigned int size_extrafield_global,
                         const char *comment,
                         int method,
                         int level,
                         int raw,
                         int window_bits,
                         int mem_level,
                         int strategy,
                         const char *password,
                         unsigned long crc_for_crypting,
                         unsigned long version_made_by,
                         unsigned long flag_base,
                         int zip64);

ZipOpenFunc zipOpenNewFileInZip4_64;

int
zipOpenNewFileInZip4_64 (void *file,
                         const char *filename,
                         const void *zipfi,
                         const void *extrafield_local,
                         unsigned int size_extrafield_local,
                         const void *extrafield_global,
                         unsigned int size_extrafield_global,
                         const char *comment,
                         int method,
                         int level,
                         int raw,
                         int window_bits,
                         int mem_level,
                         int strategy,
                         const char *password,
                         unsigned long crc_for_crypting,
                         unsigned long version_made_by,
                         unsigned long flag_base,
                         int zip64)
{
  static gsize resolved;
  static ZipOpenFunc *minizip;

  if (g_once_init_enter (&resolved))
    {
      *(void **) &minizip = dlsym (RTLD_NEXT, "zipOpenNewFileInZip4_64");
      g_once_init_leave (&resolved, 1);
    }
  /* libxlsxwriter needs minizip: when it calls this, the next definition is loaded. */
  g_assert (minizip != NULL);
  if (fast_deflate && method == Z_DEFLATED)
    level = Z_BEST_SPEED;
  return minizip (file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                  size_extrafield_global, comment, method, level, raw, window_bits, mem_level,
                  strategy, password, crc_for_crypting, version_made_by, flag_base, zip64);
}

/* How a column turns a cursor value into a cell. */
typedef enum
{
  KIND_TEXT,
  KIND_LONG_TEXT, /* wrapped in a narrower column */
  KIND_DIGITS, /* identifiers made of digits (户编号, a helper's phone): text, never numbers */
  KIND_ID_NUMBER, /* text; masked on request */
  KIND_PHONE,     /* text; masked on request */
  KIND_DATE,      /* a real date, yyyy-mm-dd */
  KIND_MONEY,     /* fen in the register, yuan with two decimals in the cell */
  KIND_INT,
  KIND_DECIMAL,
  KIND_CODE,         /* the national word of a code of `list` */
  KIND_STATUS,       /* the national word of a lifecycle status */
  KIND_YES_NO,       /* 1 是, 0 否 */
  KIND_COUNTY,       /* the register's county, on every row */
  KIND_TOWNSHIP,     /* the register's township, on every row */
  KIND_OTHER_CAUSES, /* `source` and `source2`, joined */
  KIND_RISK_CLEARED, /* monitored (`source`) households: 是 once exited (`source2`), else 否 */
  KIND_DISABILITY,   /* grade 1–4 */
  KIND_CONSEQUENCE,  /* what an upheld objection did */
} Kind;

typedef struct
{
  const char *header;
  Kind kind;
  int source;
  int source2;
  BfCodeList list;
} Column;

/* A summary count taken while the rows are written, so that its cached value is exactly what
 * its formula finds in the sheet. */
typedef struct
{
  BfLedgerBreakdown breakdown;
  int key;     /* the cursor column counted by */
  int present; /* only rows where this column is recorded count; -1: every row */
} Tally;

typedef struct
{
  BfLedgerTable table;
  const char *name;  /* the sheet's */
  const char *title; /* after the region and the quarter */
  const Column *columns;
  guint n_columns;
  const Tally *tallies;
  guint n_tallies;
  int progress_key; /* the household number (rows in number order) or the date the rows follow */
  gboolean by_date;
  double share; /* of the rows' work */
} SheetSpec;

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

/* domain.md §9: the national system's columns in its order, then what the register adds. */
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
static const SheetSpec sheets[BF_LEDGER_N_TABLES] = {
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

#define MAX_COLUMNS    40
#define TITLE_ROW      0
#define HEADER_ROW     1
#define FIRST_DATA_ROW 2
/* Excel refuses longer cell text. */
#define MAX_CELL_CHARS  32767
#define SUMMARY_NAME    "汇总"
#define SUMMARY_COLUMNS 5
#define PAPER_A4        9

/* One sheet of a table: the table continues on a new part past the row limit. */
typedef struct
{
  lxw_worksheet *sheet;
  char *name;
  gint64 rows;
  double widths[MAX_COLUMNS]; /* widest cell of each column, in character widths */
} Part;

typedef struct
{
  const BfLedgerOptions *options;
  const char *path;
  BfLedgerReader *reader;
  lxw_workbook *workbook;
  lxw_worksheet *summary;
  lxw_format *title_format;
  lxw_format *header_format;
  lxw_format *label_format;
  lxw_format *text_format;
  lxw_format *wrap_format;
  lxw_format *date_format;
  lxw_format *datetime_format;
  lxw_format *money_format;
  lxw_format *percent_format;
  lxw_format *decimal_format;
  gint64 rows_per_part;
  GPtrArray *parts[BF_LEDGER_N_TABLES];
  gint64 written[BF_LEDGER_N_TABLES];
  /* key (a code, a village name, "" for blank) → BfLedgerCount */
  GHashTable *tallies[BF_LEDGER_N_BREAKDOWNS];
  GPtrArray *villages; /* BfLedgerCount: every village of the scope, in order */
  char *region;        /* county, township and village: the start of every title */
  char *quarter_text;
  guint n_sheets;
  /* progress */
  BfLedgerProgressFunc progress;
  gpointer user_data;
  GCancellable *cancellable;
  gint64 households;      /* of the scope */
  gint64 households_seen; /* in the current table */
  char last_number[64];   /* the household of the last row */
  double done_share;      /* the shares of the tables already written */
  GDate first_day;
  GDate last_day;
  gint64 last_report_time;
} Ledger;

static void
part_free (Part *part)
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

static void
set_write_error (GError **error, int errsv, const char *path)
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

static void
report (Ledger *self, double fraction, const char *text)
{
  if (self->progress != NULL)
    self->progress (CLAMP (fraction, 0.0, 1.0), text, self->user_data);
}

/* The share of the work the rows take; compressing the workbook at the end takes the rest. */
#define ROWS_SHARE 0.65

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
  report (self, ROWS_SHARE * (self->done_share + spec->share * CLAMP (within, 0.0, 1.0)), text);
}

static void
setup_page (Ledger *self, lxw_worksheet *sheet, lxw_row_t header_row)
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

static void
write_title (Ledger *self, lxw_worksheet *sheet, guint n_columns, const char *title)
{
  g_autofree char *text = g_strdup_printf ("%s%s%s", self->region, self->quarter_text, title);

  worksheet_set_row (sheet, TITLE_ROW, 30, NULL);
  worksheet_merge_range (sheet, TITLE_ROW, 0, TITLE_ROW, n_columns - 1, text, self->title_format);
}

/* The scratch file of a sheet in constant-memory mode takes every row: a larger buffer than
 * stdio's 4 KiB saves most of the system calls. Nothing was written to it yet, as setvbuf() needs.
 */
#define SCRATCH_BUFFER_SIZE (256 * 1024)

static void
use_large_buffer (lxw_worksheet *sheet)
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
                   self->options->tmpdir);
      part_free (part);
      return NULL;
    }
  g_ptr_array_add (parts, part);
  self->n_sheets++;
  use_large_buffer (part->sheet);

  setup_page (self, part->sheet, HEADER_ROW);
  write_title (self, part->sheet, spec->n_columns, spec->title);
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

static const char *
code_word (BfCodeList list, const char *code)
{
  const char *word = bf_ledger_code_label (list, code);

  /* An unknown code is written as it is, never dropped. */
  return word != NULL ? word : code;
}

static const char *
status_word (const char *code)
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
          put_text (part, row, col, code_word (column->list, text), NULL);
        break;
      case KIND_STATUS:
        text = bf_ledger_cursor_get_text (cursor, column->source);
        if (text != NULL)
          put_text (part, row, col, status_word (text), NULL);
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
            both = g_strconcat (code_word (column->list, first), "、",
                                code_word (column->list, second), NULL);
          put_text (part, row, col,
                    both != NULL ? both : code_word (column->list, first != NULL ? first : second),
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

/* libxlsxwriter ignores failed writes to its scratch files (it says so in its source): flushing
 * the sheet's scratch file ourselves is how a full disk is noticed, with its errno. */
static gboolean
check_scratch (Ledger *self, lxw_worksheet *sheet, GError **error)
{
  FILE *file = sheet->optimize_tmpfile;

  if (file == NULL)
    return TRUE;
  errno = 0;
  if (fflush (file) != 0 || ferror (file))
    {
      set_write_error (error, errno != 0 ? errno : EIO, self->path);
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

static gboolean
write_table (Ledger *self, const SheetSpec *spec, GError **error)
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
          if (!check_scratch (self, part->sheet, error))
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
          if (!check_scratch (self, part->sheet, error))
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
  return check_scratch (self, part->sheet, error);
}

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
  return status_word (code);
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
  const SheetSpec *spec = &sheets[table];
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
                   code_word, blank_item);
}

static void
write_total (Ledger *self,
             Summary *summary,
             const char *item,
             BfLedgerTable table,
             int source,
             gboolean money)
{
  const SheetSpec *spec = &sheets[table];
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

/* The indicators come from the store's own reckoning (domain.md §8), not from the sheets: plain
 * values, under the table of counts. */
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

static gboolean
write_summary (Ledger *self, GError **error)
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

  setup_page (self, sheet, 0);
  write_title (self, sheet, SUMMARY_COLUMNS, "帮扶台账汇总");
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
  return check_scratch (self, sheet, error);
}

/* ---- The workbook ---- */

static void
create_formats (Ledger *self)
{
  lxw_workbook *wb = self->workbook;

  self->title_format = workbook_add_format (wb);
  format_set_bold (self->title_format);
  format_set_font_size (self->title_format, 16);
  format_set_align (self->title_format, LXW_ALIGN_CENTER);
  format_set_align (self->title_format, LXW_ALIGN_VERTICAL_CENTER);

  self->header_format = workbook_add_format (wb);
  format_set_bold (self->header_format);
  format_set_text_wrap (self->header_format);
  format_set_border (self->header_format, LXW_BORDER_THIN);
  format_set_align (self->header_format, LXW_ALIGN_CENTER);
  format_set_align (self->header_format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (self->header_format, 0xDDEBF7);

  self->label_format = workbook_add_format (wb);
  format_set_bold (self->label_format);

  /* Text format: a cell typed over later stays text, so an ID number never becomes 4.3E+17. */
  self->text_format = workbook_add_format (wb);
  format_set_num_format (self->text_format, "@");

  self->wrap_format = workbook_add_format (wb);
  format_set_text_wrap (self->wrap_format);
  format_set_align (self->wrap_format, LXW_ALIGN_VERTICAL_TOP);

  self->date_format = workbook_add_format (wb);
  format_set_num_format (self->date_format, "yyyy-mm-dd");
  format_set_align (self->date_format, LXW_ALIGN_LEFT);

  self->datetime_format = workbook_add_format (wb);
  format_set_num_format (self->datetime_format, "yyyy-mm-dd hh:mm");
  format_set_align (self->datetime_format, LXW_ALIGN_LEFT);

  self->money_format = workbook_add_format (wb);
  format_set_num_format (self->money_format, "#,##0.00");

  self->percent_format = workbook_add_format (wb);
  format_set_num_format (self->percent_format, "0.0%");

  self->decimal_format = workbook_add_format (wb);
  format_set_num_format (self->decimal_format, "0.0#");
}

static gboolean
read_counts (Ledger *self, GError **error)
{
  self->households = bf_ledger_reader_count_households (self->reader, error);
  if (self->households < 0)
    return FALSE;
  bf_quarter_range (self->options->year, self->options->quarter, &self->first_day, &self->last_day);
  self->villages = bf_ledger_reader_breakdown (self->reader, BF_LEDGER_BY_VILLAGE, error);
  return self->villages != NULL;
}

/* Before the library assembles the workbook, whose copies of the scratch files it does not check:
 * the largest sheet is copied once more, then compressed into the destination. */
static gboolean
check_room (Ledger *self, const char *tmpdir, GError **error)
{
  struct statvfs fs;
  struct rlimit limit;
  guint64 largest = 0, total = 0;
  guint t, i;

  for (t = 0; t < BF_LEDGER_N_TABLES; t++)
    for (i = 0; i < self->parts[t]->len; i++)
      {
        Part *part = g_ptr_array_index (self->parts[t], i);
        struct stat st;

        if (part->sheet->optimize_tmpfile != NULL &&
            fstat (fileno (part->sheet->optimize_tmpfile), &st) == 0)
          {
            largest = MAX (largest, (guint64) st.st_size);
            total += st.st_size;
          }
      }
  /* Room for a copy of the largest sheet plus the compressed workbook (xlsx compresses ~8×). */
  if (statvfs (tmpdir, &fs) == 0 &&
      (guint64) fs.f_bavail * fs.f_frsize < largest + total / 4 + 1024 * 1024)
    {
      set_write_error (error, ENOSPC, self->path);
      return FALSE;
    }
  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      (guint64) limit.rlim_cur < largest + 64 * 1024)
    {
      set_write_error (error, EFBIG, self->path);
      return FALSE;
    }
  return TRUE;
}

static void
close_scratch_files (Ledger *self)
{
  lxw_worksheet *sheet;

  /* Abandoning a workbook: lxw_workbook_free() leaves the scratch files open. */
  LXW_FOREACH_WORKSHEET (sheet, self->workbook)
  {
    if (sheet->optimize_tmpfile != NULL)
      fclose (sheet->optimize_tmpfile);
    sheet->optimize_tmpfile = NULL;
    sheet->file = NULL;
  }
}

static void
ledger_clear (Ledger *self)
{
  guint i;

  if (self->workbook != NULL)
    {
      close_scratch_files (self);
      lxw_workbook_free (self->workbook);
    }
  g_clear_pointer (&self->reader, bf_ledger_reader_free);
  for (i = 0; i < BF_LEDGER_N_TABLES; i++)
    g_clear_pointer (&self->parts[i], g_ptr_array_unref);
  for (i = 0; i < BF_LEDGER_N_BREAKDOWNS; i++)
    g_clear_pointer (&self->tallies[i], g_hash_table_unref);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_free (self->region);
  g_free (self->quarter_text);
}

static gboolean
sync_file (const char *path, GError **error, const char *dest)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int errsv;

  if (fd < 0 || fsync (fd) != 0)
    {
      errsv = errno;
      if (fd >= 0)
        close (fd);
      set_write_error (error, errsv, dest);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
write_workbook (Ledger *self, const char *tmp_path, const char *tmpdir, GError **error)
{
  lxw_workbook_options workbook_options = {
    .constant_memory = LXW_TRUE,
    .tmpdir = (char *) tmpdir,
  };
  g_autofree char *title = NULL;
  lxw_doc_properties properties = { 0 };
  lxw_error lxw_status;
  const char *township;
  guint i;

  report (self, 0.0, _ ("Reading the register…"));
  self->reader = bf_ledger_reader_open (self->options->register_path, self->options->year,
                                        self->options->quarter, self->options->village_id, error);
  if (self->reader == NULL || !read_counts (self, error))
    return FALSE;

  township = bf_ledger_reader_get_township (self->reader);
  self->region = g_strconcat (bf_ledger_reader_get_county (self->reader), township,
                              bf_ledger_reader_get_village (self->reader), NULL);
  self->quarter_text =
    g_strdup_printf ("%d年第%d季度", self->options->year, self->options->quarter);

  /* A sheet's XML passes 4 GB only near a million rows of people (some four per household). */
  workbook_options.use_zip64 = self->households > 200000;
  self->workbook = workbook_new_opt (tmp_path, &workbook_options);
  if (self->workbook == NULL)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_FAILED,
                   _ ("Could not start the workbook “%s”"), self->path);
      return FALSE;
    }
  title = g_strconcat (self->region, self->quarter_text, "帮扶台账", NULL);
  properties.title = title;
  properties.subject = "季度台账";
  properties.author = (char *) self->options->operator_name;
  properties.company = (char *) township;
  properties.comments = "Bangfu " PACKAGE_VERSION;
  workbook_set_properties (self->workbook, &properties);
  create_formats (self);

  self->summary = workbook_add_worksheet (self->workbook, SUMMARY_NAME);
  if (self->summary == NULL)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_IO,
                   _ ("Could not create a temporary file for the sheet “%s” in “%s”"), SUMMARY_NAME,
                   tmpdir);
      return FALSE;
    }
  self->n_sheets = 1;
  use_large_buffer (self->summary);

  for (i = 0; i < BF_LEDGER_N_TABLES; i++)
    if (!write_table (self, &sheets[i], error))
      return FALSE;
  if (!write_summary (self, error) || !check_room (self, tmpdir, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  report (self, ROWS_SHARE, _ ("Compressing the workbook…"));
  errno = 0;
  fast_deflate = TRUE;
  lxw_status = workbook_close (self->workbook);
  fast_deflate = FALSE;
  /* workbook_close() frees the workbook whatever happens. */
  self->workbook = NULL;
  if (lxw_status != LXW_NO_ERROR)
    {
      int errsv = errno;

      if (errsv != 0)
        set_write_error (error, errsv, self->path);
      else
        g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_FAILED, _ ("Could not write “%s”: %s"),
                     self->path, lxw_strerror (lxw_status));
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_ledger_write (const BfLedgerOptions *options,
                 const char *path,
                 BfLedgerProgressFunc progress,
                 gpointer user_data,
                 GCancellable *cancellable,
                 BfLedgerResult *result,
                 GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  Ledger self = { 0 };
  const char *tmpdir;
  gboolean ok;
  int fd;
  guint i;

  g_return_val_if_fail (options != NULL && options->register_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options->quarter < 1 || options->quarter > 4)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_INVALID, _ ("%d Q%d is not a quarter"),
                   options->year, options->quarter);
      return FALSE;
    }
  if (options->max_sheet_rows != 0 && options->max_sheet_rows < FIRST_DATA_ROW + 1)
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_INVALID,
                   _ ("A sheet must hold at least one row besides its title and header"));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_INVALID,
                   _ ("“%s” is a folder: choose a file name"), path);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The workbook is written under a hidden name beside the destination and renamed into place
   * only when complete: a failure never leaves a half-written ledger where one is expected. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%s.~%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_write_error (error, errno, path);
      return FALSE;
    }
  close (fd);
  tmpdir = options->tmpdir != NULL ? options->tmpdir : dir;

  self.options = options;
  self.path = path;
  self.progress = progress;
  self.user_data = user_data;
  self.cancellable = cancellable;
  self.rows_per_part =
    (options->max_sheet_rows != 0 ? options->max_sheet_rows : BF_LEDGER_EXCEL_MAX_ROWS) -
    FIRST_DATA_ROW;
  for (i = 0; i < BF_LEDGER_N_TABLES; i++)
    self.parts[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  for (i = 0; i < BF_LEDGER_N_BREAKDOWNS; i++)
    self.tallies[i] =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) bf_ledger_count_free);

  ok = write_workbook (&self, tmp_path, tmpdir, error) && sync_file (tmp_path, error, path);
  if (ok && g_rename (tmp_path, path) != 0)
    {
      set_write_error (error, errno, path);
      ok = FALSE;
    }
  if (ok && result != NULL)
    {
      memset (result, 0, sizeof *result);
      for (i = 0; i < BF_LEDGER_N_TABLES; i++)
        {
          result->rows[i] = self.written[i];
          result->total_rows += self.written[i];
        }
      result->n_sheets = self.n_sheets;
    }
  if (!ok)
    g_unlink (tmp_path);
  ledger_clear (&self);
  if (ok)
    report (&self, 1.0, _ ("Done"));
  return ok;
}

char *
bf_ledger_default_filename (const char *township, const char *village, int year, int quarter)
{
  g_autofree char *name = g_strdup_printf ("%s%s_%dQ%d_台账.xlsx", township != NULL ? township : "",
                                           village != NULL ? village : "", year, quarter);
  char *p;

  for (p = name; *p != '\0'; p++)
    if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
      *p = '_';
  return g_steal_pointer (&name);
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
