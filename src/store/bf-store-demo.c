/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A demo township: households with members and their whole history, written straight into the
 * tables with cached prepared statements, 1,000 households per transaction. Everything comes
 * from one GRand so that a seed reproduces the register; dates are relative to a fixed
 * reference date. The text is Chinese data (names, notes), not interface strings. */

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
#include "bf-store-household-private.h"

#define DEMO_BATCH       1000
#define DEMO_REFERENCE_Y 2026
#define DEMO_REFERENCE_M 9
#define DEMO_REFERENCE_D 30
#define DEMO_COUNTY      "青山县"
#define DEMO_TOWNSHIP    "石门乡"
#define DEMO_COUNTY_CODE "431126"
#define DEMO_GROUPS      8
#define DEMO_FIRST_YEAR  2014
#define DEMO_LAST_YEAR   2027
#define DEMO_N_YEARS     (DEMO_LAST_YEAR - DEMO_FIRST_YEAR + 1)
#define DEMO_MAX_MEMBERS 8
#define DEMO_NOTICE_DAYS 7

static const char *const village_names[BF_DEMO_MAX_VILLAGES] = {
  "清水村", "石门村", "大坪村",   "龙潭村", "桃花村", "杨家村", "新田村", "白沙村",
  "高峰村", "枫树村", "黄泥村",   "马鞍村", "长岭村", "竹园村", "金星村", "红星村",
  "和平村", "团结村", "双河村",   "三合村", "柏树村", "凤凰村", "岩口村", "茶园村",
  "荷塘村", "李家村", "王家坪村", "塘湾村", "山口村", "河西村", "上坪村", "下湾村",
  "麻田村", "梅子村", "油榨村",   "仙人村", "乐园村", "东风村", "向阳村", "永兴村",
};

typedef struct
{
  const char *text;
  guint weight;
} Weighted;

/* Common surnames, weighted roughly by frequency (per mille). */
static const Weighted surnames[] = {
  { "王", 71 }, { "李", 70 }, { "张", 68 },  { "刘", 54 },  { "陈", 45 }, { "杨", 31 },
  { "黄", 22 }, { "赵", 22 }, { "吴", 20 },  { "周", 19 },  { "徐", 13 }, { "孙", 12 },
  { "马", 11 }, { "朱", 11 }, { "胡", 10 },  { "郭", 10 },  { "何", 9 },  { "高", 9 },
  { "林", 9 },  { "罗", 8 },  { "郑", 7 },   { "梁", 7 },   { "谢", 6 },  { "宋", 5 },
  { "唐", 5 },  { "许", 5 },  { "韩", 5 },   { "冯", 5 },   { "邓", 5 },  { "曹", 5 },
  { "彭", 5 },  { "曾", 4 },  { "肖", 4 },   { "田", 4 },   { "董", 4 },  { "袁", 4 },
  { "潘", 4 },  { "于", 4 },  { "蒋", 4 },   { "蔡", 4 },   { "余", 3 },  { "杜", 3 },
  { "叶", 3 },  { "程", 3 },  { "苏", 3 },   { "魏", 3 },   { "吕", 3 },  { "丁", 3 },
  { "任", 3 },  { "沈", 3 },  { "姚", 2 },   { "卢", 2 },   { "姜", 2 },  { "崔", 2 },
  { "钟", 2 },  { "谭", 2 },  { "陆", 2 },   { "汪", 2 },   { "范", 2 },  { "金", 2 },
  { "石", 2 },  { "廖", 2 },  { "贾", 2 },   { "夏", 2 },   { "韦", 2 },  { "付", 2 },
  { "方", 2 },  { "白", 2 },  { "邹", 2 },   { "孟", 2 },   { "熊", 2 },  { "秦", 2 },
  { "邱", 2 },  { "江", 2 },  { "尹", 2 },   { "薛", 2 },   { "段", 2 },  { "雷", 2 },
  { "侯", 2 },  { "龙", 2 },  { "史", 2 },   { "陶", 2 },   { "黎", 2 },  { "贺", 2 },
  { "顾", 2 },  { "毛", 2 },  { "郝", 2 },   { "龚", 2 },   { "邵", 2 },  { "万", 2 },
  { "钱", 2 },  { "严", 1 },  { "覃", 1 },   { "武", 1 },   { "戴", 1 },  { "莫", 1 },
  { "孔", 1 },  { "向", 1 },  { "欧阳", 1 }, { "司马", 1 },
};

/* Characters of given names by sex and generation: born before 1965, up to 1994, later. */
static const char *const given_chars[2][3] = {
  { "秀英兰桂珍凤翠莲花芝玉梅香菊琴娥素云荣金", "芳娜敏静丽艳娟霞燕红玲萍琴华慧莉丹婷洁琳",
    "欣怡涵萱雨佳梓诗思悦琪晨雪可馨妍婧彤语瑶" },
  { "德福贵生荣华明山金水富有长永庆学成树忠国建文光玉春发林义祥才",
    "伟强军勇杰涛明超华平刚辉建斌波鹏飞海峰磊亮龙东志兵红云林新",
    "浩宇轩子俊博文杰睿涵泽晨航梓铭凯旭阳毅鑫磊宸豪锦瑞皓然" },
};

static const char *const neighbour_codes[] = {
  "431121", "431122", "431123", "431124", "431125",
  "431127", "431128", "431129", "431102", "431103",
};

static const char *const phone_prefixes[] = {
  "135", "136", "137", "138", "139", "150", "151", "152", "158", "159",
  "182", "187", "188", "173", "177", "180", "189", "133", "153", "199",
};

/* Example lines in fen for the years the demo uses, unless the register has its own. */
static const gint64 example_lines[DEMO_N_YEARS][2] = {
  { 280000, 420000 }, { 285500, 428000 }, { 300000, 450000 }, { 320000, 480000 },
  { 350000, 525000 }, { 375000, 562500 }, { 400000, 600000 }, { 420000, 600000 },
  { 440000, 650000 }, { 460000, 690000 }, { 480000, 710000 }, { 500000, 730000 },
  { 520000, 750000 }, { 540000, 770000 },
};

typedef struct
{
  const char *code;
  const char *label; /* as written on notices and notes */
  guint weight;
  const char *note;
  const char *measure_category;
} DemoCause;

static const DemoCause causes[] = {
  { "illness", "因病", 30, "家庭成员患慢性病，长期服药，医疗支出大", "health" },
  { "disability", "因残", 14, "家庭成员残疾，生活需要照料", "social_security" },
  { "schooling", "因学", 10, "子女上学，教育支出大", "education" },
  { "disaster", "因灾", 3, "房屋和农田遭受洪灾", "housing" },
  { "land", "缺土地", 3, "人均耕地不足半亩", "industry" },
  { "water", "缺水", 2, "山高缺水，农业灌溉困难", "other" },
  { "skills", "缺技术", 9, "缺乏种养和务工技能", "employment" },
  { "labour", "缺劳力", 12, "家中缺少劳动力", "social_security" },
  { "funds", "缺资金", 10, "缺少发展产业的资金", "finance" },
  { "transport", "交通条件落后", 3, "组道未通，出行困难", "other" },
  { "motivation", "自身发展动力不足", 3, "发展意愿不强", "employment" },
  { "other", "其他", 1, "其他原因", "other" },
};

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

static const char *const helper_positions[] = { "科员", "副科长", "科长", "副局长",
                                                "驻村工作队员" };

typedef enum
{
  STEP_VERIFY,
  STEP_APPRAISE,
  STEP_VILLAGE_NOTICE,
  STEP_TOWNSHIP_REVIEW,
  STEP_TOWNSHIP_NOTICE,
  STEP_COUNTY_APPROVE,
  STEP_ASSESS_EXIT,
  STEP_EXIT_NOTICE,
  STEP_ACCEPT_EXIT,
  STEP_APPROVE_EXIT,
  STEP_RETURN,
  N_STEPS
} DemoStep;

typedef enum
{
  REJECT_NONE,
  REJECT_VERIFY,    /* from surveyed: income above the line */
  REJECT_APPRAISAL, /* from verified: the meeting voted it down */
  REJECT_OBJECTION, /* from the village notice: an objection upheld */
  REJECT_TOWNSHIP,  /* from the village notice: the township review */
  REJECT_COUNTY,    /* from the township notice: the county */
} DemoReject;

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

typedef struct
{
  gint64 id;
  char *name;
  GArray *groups;         /* gint64 */
  GPtrArray *group_names; /* char * */
  const char *surname;    /* the village's common surname */
  char *number_prefix;
  guint next_seq;
} DemoVillage;

/* A meeting, notice or document shared by many households. */
typedef struct
{
  gint64 id;
  int next_position;
  int entitled;
  int present;
  int number;
} DemoShared;

typedef struct
{
  char name[32];
  char id_number[19];
  const char *relation;
  gboolean male;
  int birth; /* julian day */
  const char *ethnicity;
  const char *education;
  const char *school_status;
  const char *health;
  int disability_grade;
  const char *labour;
  const char *work_status;
  int work_months;
  int medical;
  int serious;
  int pension;
  char phone[12];
} DemoMember;

typedef struct
{
  gint64 id;
  int date;
  int year;
  gint64 wage;
  gint64 business;
  gint64 property;
  gint64 transfer;
  gint64 expense;
  gint64 expenditure[6]; /* education, medical, housing, pension, rigid, debt */
  gint64 per_capita;
  guint members;
  int secured[BF_N_GUARANTEES];
  int verified_on; /* 0: not verified */
} DemoSurvey;

typedef struct
{
  gint64 id;
  char uuid[37];
  char number[32];
  DemoVillage *village;
  guint group;
  BfStatus status;
  DemoReject reject;
  gboolean send_back;
  int survey_date;
  int verify_date;
  int round;      /* first day of the village notice */
  int exit_round; /* first day of the exit notice */
  int returned_on;
  int registered_on;
  int last_event;
  int n_steps; /* steps of the path taken */
  const DemoCause *cause[3];
  const char *attribute;
  const char *monitoring;
  DemoMember members[DEMO_MAX_MEMBERS];
  guint n_members;
  DemoSurvey surveys[3];
  guint n_surveys;
  gint64 helper_id;
  gint64 previous_helper_id;
  int assigned_on;
  int helper_changed_on;
  char helper_name[32];
  guint with_labour;
} DemoHousehold;

typedef struct
{
  BfStore *store;
  GRand *rand;
  GError *error;    /* the first error: every insert after it does nothing */
  int today;        /* the reference date */
  char stamp[24];   /* created_at of the next insert */
  char updated[24]; /* its updated_at */
  guint surname_w[G_N_ELEMENTS (surnames)];
  guint cause_w[G_N_ELEMENTS (causes)];
  char *county_short;
  const char *county;
  const char *township;
  GPtrArray *villages;    /* DemoVillage */
  GArray *village_w;      /* guint: villages differ in size */
  GHashTable *used_ids;   /* gint64 keys: region, birth date and sequence of every ID number */
  GHashTable *shared;     /* "kind:village:day" -> DemoShared */
  GHashTable *statements; /* SQL literal (by address) -> the store's cached statement */
  gint64 lines[DEMO_N_YEARS][2];
  char staff[4][32];
  gint64 helper_id;
  char helper_name[32];
  guint helper_room;
  guint household_index;
  guint64 uuid_clock;       /* milliseconds, see demo_uuid() */
  gboolean township_notice; /* the register's setting: without it, no township notice step */
} Demo;

/* ---- random choices ---- */

static int
rnd (Demo *d, int lo, int hi)
{
  return lo >= hi ? lo : g_rand_int_range (d->rand, lo, hi + 1);
}

static gboolean
chance (Demo *d, double p)
{
  return g_rand_double (d->rand) < p;
}

static guint
pick_weighted (Demo *d, const guint *weights, guint n)
{
  guint total = 0, r, i;

  for (i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (d->rand, 0, total);
  for (i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

/* Functions, not MIN/MAX: those evaluate an argument twice, and rnd() twice is two draws. */
static int
at_least (int value, int floor)
{
  return value < floor ? floor : value;
}

static int
at_most (int value, int ceiling)
{
  return value > ceiling ? ceiling : value;
}

#define PICK(d, array) ((array)[rnd ((d), 0, G_N_ELEMENTS (array) - 1)])

static const char *
pick_surname (Demo *d)
{
  return surnames[pick_weighted (d, d->surname_w, G_N_ELEMENTS (surnames))].text;
}

static const DemoCause *
pick_cause (Demo *d)
{
  return &causes[pick_weighted (d, d->cause_w, G_N_ELEMENTS (causes))];
}

/* UUIDs from the seeded generator, so that a seed reproduces them, laid out as version 7: a
 * 48-bit "time" that only grows (here a counter from the reference date) and random bits. Rows
 * then append to each uuid index instead of landing on random pages, which keeps every batch's
 * write small. */
static void
demo_uuid (Demo *d, char out[37])
{
  guint64 t = d->uuid_clock++;
  guint32 a = g_rand_int (d->rand), b = g_rand_int (d->rand), c = g_rand_int (d->rand);

  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%04x%08x", (guint32) (t >> 16), (guint32) (t & 0xffff),
              0x7000 | (a & 0x0fff), 0x8000 | ((a >> 12) & 0x3fff), b & 0xffff, c);
}

/* ---- dates as julian days ---- */

static int
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
julian_to_date (int day, GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
}

static int
year_of (int day)
{
  GDate date;

  julian_to_date (day, &date);
  return g_date_get_year (&date);
}

static const char *
iso (int day, char buf[11])
{
  GDate date;

  julian_to_date (day, &date);
  g_snprintf (buf, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  return buf;
}

/* Records are stamped with the day they describe, not with the time the demo ran. */
static void
demo_stamp (Demo *d, int day)
{
  char buf[11];

  g_snprintf (d->stamp, sizeof d->stamp, "%sT09:00:00Z", iso (day, buf));
  memcpy (d->updated, d->stamp, sizeof d->updated);
}

static void
demo_stamp_updated (Demo *d, int day)
{
  char buf[11];

  g_snprintf (d->updated, sizeof d->updated, "%sT17:00:00Z", iso (day, buf));
}

static gint64
line_for (Demo *d, int year, int which)
{
  year = CLAMP (year, DEMO_FIRST_YEAR, DEMO_LAST_YEAR);
  return d->lines[year - DEMO_FIRST_YEAR][which];
}

/* ---- SQL ---- */

/* Runs an INSERT whose first three parameters are uuid, created_at and updated_at (filled here)
 * and whose others are described by @types: 't' text (NULL: null), 'i' int, 'I' gint64,
 * 'b' tri-state int (< 0: null), 'r' gint64 reference (0: null), 'd' double (< 0: null),
 * 'D' julian day as ISO date (0: null). Returns the new rowid, or 0 once an error is set. */
static gint64
demo_insert (Demo *d, const char *sql, const char *types, ...)
{
  sqlite3_stmt *stmt;
  char uuid[37];
  va_list ap;
  int col = 4;

  if (d->error != NULL)
    return 0;
  /* The SQL is always a literal: its address finds the statement without hashing the text, which
   * the store's cache would do for each of the millions of rows. Every parameter is bound each
   * time and the statement is reset after each step, so reuse needs nothing more. */
  stmt = g_hash_table_lookup (d->statements, sql);
  if (stmt == NULL)
    {
      stmt = _bf_store_prepare (d->store, sql, &d->error);
      if (stmt == NULL)
        return 0;
      g_hash_table_insert (d->statements, (gpointer) sql, stmt);
    }
  demo_uuid (d, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, d->stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, d->updated, -1, SQLITE_TRANSIENT);
  va_start (ap, types);
  for (const char *t = types; *t != '\0'; t++, col++)
    {
      switch (*t)
        {
          case 't':
            sqlite3_bind_text (stmt, col, va_arg (ap, const char *), -1, SQLITE_TRANSIENT);
            break;
          case 'i':
            sqlite3_bind_int (stmt, col, va_arg (ap, int));
            break;
          case 'I':
            sqlite3_bind_int64 (stmt, col, va_arg (ap, gint64));
            break;
          case 'b':
            {
              int v = va_arg (ap, int);
              if (v >= 0)
                sqlite3_bind_int (stmt, col, v);
              else
                sqlite3_bind_null (stmt, col);
            }
            break;
          case 'r':
            {
              gint64 v = va_arg (ap, gint64);
              if (v != 0)
                sqlite3_bind_int64 (stmt, col, v);
              else
                sqlite3_bind_null (stmt, col);
            }
            break;
          case 'd':
            {
              double v = va_arg (ap, double);
              if (v >= 0)
                sqlite3_bind_double (stmt, col, v);
              else
                sqlite3_bind_null (stmt, col);
            }
            break;
          case 'D':
            {
              int v = va_arg (ap, int);
              char buf[11];
              if (v != 0)
                sqlite3_bind_text (stmt, col, iso (v, buf), -1, SQLITE_TRANSIENT);
              else
                sqlite3_bind_null (stmt, col);
            }
            break;
          default:
            g_assert_not_reached ();
        }
    }
  va_end (ap);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (d->store, &d->error, _ ("Could not write the demo register"));
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (_bf_store_db (d->store));
}

/* Each ID number is unique: region, birth date and sequence packed into one key. */
static gint64
id_key (const char *first17)
{
  gint64 key = 0;

  for (int i = 0; i < 17; i++)
    key = key * 10 + (first17[i] - '0');
  return key;
}

static void
demo_id_number (Demo *d, const char *region, int birth, gboolean male, char out[19])
{
  char date[11];

  iso (birth, date);
  for (;;)
    {
      int seq = rnd (d, 0, 499) * 2 + (male ? 1 : 0);
      gint64 key;

      g_snprintf (out, 19, "%s%.4s%.2s%.2s%03d", region, date, date + 5, date + 8, seq);
      key = id_key (out);
      if (!g_hash_table_contains (d->used_ids, &key))
        {
          g_hash_table_add (d->used_ids, g_memdup2 (&key, sizeof key));
          break;
        }
    }
  out[17] = bf_id_number_check_char (out);
  out[18] = '\0';
}

static void
demo_name (Demo *d, const char *surname, gboolean male, int birth_year, char *out, gsize size)
{
  const char *pool = given_chars[male ? 1 : 0][birth_year < 1965 ? 0 : birth_year < 1995 ? 1 : 2];
  glong n = g_utf8_strlen (pool, -1);
  glong first = rnd (d, 0, n - 1);
  const char *a = g_utf8_offset_to_pointer (pool, first);
  const char *a_end = g_utf8_next_char (a);

  if (chance (d, 0.3))
    {
      g_snprintf (out, size, "%s%.*s", surname, (int) (a_end - a), a);
    }
  else
    {
      glong second = (first + rnd (d, 1, n - 1)) % n;
      const char *b = g_utf8_offset_to_pointer (pool, second);
      const char *b_end = g_utf8_next_char (b);
      g_snprintf (out, size, "%s%.*s%.*s", surname, (int) (a_end - a), a, (int) (b_end - b), b);
    }
}

static void
demo_phone (Demo *d, char out[12])
{
  /* One draw per statement: the order of a call's arguments is the compiler's choice, and the
   * seed must give the same register whichever compiler built it. */
  const char *prefix = PICK (d, phone_prefixes);
  int a = rnd (d, 0, 9999);
  int b = rnd (d, 0, 9999);

  g_snprintf (out, 12, "%s%04d%04d", prefix, a, b);
}

/* ---- people ---- */

static int
age_on (int birth, int day)
{
  GDate b, on;

  julian_to_date (birth, &b);
  julian_to_date (day, &on);
  return bf_age_on (&b, &on);
}

static const char *
pick_ethnicity (Demo *d)
{
  static const char *const minorities[] = { "tujia", "miao", "yao", "dong", "zhuang" };
  const char *code;

  if (chance (d, 0.9))
    return "han";
  code = PICK (d, minorities);
  return bf_code_is_valid (BF_CODES_ETHNICITY, code) ? code : "han";
}

static const char *
local_or_neighbour (Demo *d, double local)
{
  return chance (d, local) ? DEMO_COUNTY_CODE : PICK (d, neighbour_codes);
}

static DemoMember *
add_member (Demo *d,
            DemoHousehold *h,
            const char *relation,
            gboolean male,
            int age,
            const char *surname,
            double local)
{
  DemoMember *m = &h->members[h->n_members++];
  int birth = d->today - age * 365 - rnd (d, 0, 364);
  const char *region = local_or_neighbour (d, local);

  memset (m, 0, sizeof *m);
  m->relation = relation;
  m->male = male;
  m->birth = MIN (birth, d->today);
  m->ethnicity = pick_ethnicity (d);
  demo_name (d, surname != NULL ? surname : pick_surname (d), male, year_of (m->birth), m->name,
             sizeof m->name);
  demo_id_number (d, region, m->birth, male, m->id_number);
  return m;
}

/* Education, school, health, labour, work and insurance from age and the household's causes. */
static void
describe_member (Demo *d, DemoMember *m)
{
  int age = age_on (m->birth, d->today);
  int born = year_of (m->birth);
  gboolean student = FALSE;

  if (age < 6)
    {
      m->school_status = "preschool";
    }
  else if (age < 12)
    {
      m->education = "primary", m->school_status = "primary", student = TRUE;
    }
  else if (age < 15)
    {
      m->education = "junior", m->school_status = "junior", student = TRUE;
    }
  else if (age < 18 && chance (d, 0.75))
    {
      m->education = "senior", m->school_status = "senior", student = TRUE;
    }
  else if (age < 22 && chance (d, 0.3))
    {
      m->education = "college", m->school_status = "college", student = TRUE;
    }
  else
    {
      static const guint old[] = { 45, 45, 10, 0, 0 }, mid[] = { 12, 45, 35, 8, 0 };
      static const guint later[] = { 2, 18, 55, 20, 5 }, young[] = { 0, 5, 40, 40, 15 };
      static const char *const levels[] = { "illiterate", "primary", "junior", "senior",
                                            "college" };
      const guint *w = born < 1950 ? old : born < 1970 ? mid : born < 1990 ? later : young;
      m->education = levels[pick_weighted (d, w, 5)];
      m->school_status = "none";
    }

  m->health = "healthy";
  if (age >= 60 && chance (d, 0.35))
    m->health = "chronic";
  else if (age >= 18 && chance (d, 0.04))
    m->health = "chronic";

  if (age < 16 || age >= 65 || student)
    m->labour = "none";
  else
    m->labour = chance (d, 0.2) ? "skilled" : "ordinary";

  m->work_status = "none";
  if (g_str_equal (m->labour, "ordinary") || g_str_equal (m->labour, "skilled"))
    {
      if (age >= 18 && age <= 60 && chance (d, 0.65))
        {
          static const char *const where[] = { "township", "county", "province", "outside" };
          static const guint where_w[] = { 15, 25, 25, 35 };
          m->work_status = where[pick_weighted (d, where_w, 4)];
          m->work_months = rnd (d, 3, 12);
        }
    }

  m->medical = chance (d, 0.98);
  m->serious = m->medical && chance (d, 0.95);
  m->pension = (age >= 16 && !student) ? chance (d, 0.88) : 0;
  if (g_str_equal (m->relation, "head") || (age >= 18 && age < 60 && chance (d, 0.4)))
    demo_phone (d, m->phone);
}

/* The person the household's cause is about: the head or an older member, else anyone. */
static DemoMember *
cause_subject (Demo *d, DemoHousehold *h)
{
  guint i = rnd (d, 0, h->n_members - 1);

  for (guint k = 0; k < h->n_members; k++)
    {
      DemoMember *m = &h->members[(i + k) % h->n_members];
      if (age_on (m->birth, d->today) >= 18)
        return m;
    }
  return &h->members[i];
}

static void
apply_cause_to_members (Demo *d, DemoHousehold *h)
{
  DemoMember *m;

  if (g_str_equal (h->cause[0]->code, "illness"))
    {
      m = cause_subject (d, h);
      m->health = chance (d, 0.4) ? "serious" : "chronic";
    }
  else if (g_str_equal (h->cause[0]->code, "disability"))
    {
      m = cause_subject (d, h);
      m->health = "disabled";
      m->disability_grade = rnd (d, 1, 4);
    }
  for (guint i = 0; i < h->n_members; i++)
    {
      m = &h->members[i];
      if (g_str_equal (m->health, "serious") ||
          (g_str_equal (m->health, "disabled") && m->disability_grade <= 2))
        {
          if (!g_str_equal (m->labour, "none"))
            m->labour = "lost";
          m->work_status = "none";
          m->work_months = 0;
        }
      if (g_str_equal (m->labour, "ordinary") || g_str_equal (m->labour, "skilled"))
        h->with_labour++;
    }
}

/* A child's age: born when the parent was 20 to 38. */
static int
child_age (Demo *d, int parent_age)
{
  int age = parent_age - rnd (d, 20, 38);

  return age >= 0 ? age : rnd (d, 0, parent_age - 20);
}

static void
make_members (Demo *d, DemoHousehold *h)
{
  static const guint size_w[] = { 28, 34, 24, 14 };
  guint size = 3 + pick_weighted (d, size_w, G_N_ELEMENTS (size_w));
  gboolean head_male = chance (d, 0.85);
  int head_age = chance (d, 0.7) ? rnd (d, 38, 68) : rnd (d, 26, 82);
  const char *surname = chance (d, 0.35) ? h->village->surname : pick_surname (d);
  /* Children take the father's surname: a woman heading the household married into it. */
  const char *line_surname = head_male ? surname : pick_surname (d);

  h->n_members = 0;
  add_member (d, h, "head", head_male, head_age, surname, 0.9);
  if (chance (d, 0.92))
    {
      int age = at_least (head_age + rnd (d, -6, 6), 20);
      add_member (d, h, "spouse", !head_male, age, head_male ? NULL : line_surname, 0.7);
    }

  if (head_age >= 58 && size - h->n_members >= 2 && chance (d, 0.55))
    {
      int son_age = at_least (head_age - rnd (d, 22, 32), 20);
      int wife_age;

      add_member (d, h, "son", TRUE, son_age, line_surname, 1.0);
      wife_age = at_least (son_age + rnd (d, -3, 3), 20);
      add_member (d, h, "daughter_in_law", FALSE, wife_age, NULL, 0.6);
      while (h->n_members < size)
        {
          gboolean male = chance (d, 0.52);
          int age = child_age (d, son_age);
          add_member (d, h, male ? "grandson" : "granddaughter", male, age, line_surname, 1.0);
        }
    }
  else
    {
      if (head_age <= 52 && size - h->n_members >= 2 && chance (d, 0.45))
        {
          int mother = at_most (head_age + rnd (d, 22, 32), 92);
          add_member (d, h, "parent", FALSE, mother, NULL, 0.8);
          if (size - h->n_members >= 2 && chance (d, 0.5))
            {
              int father = at_most (mother + rnd (d, 0, 4), 95);
              add_member (d, h, "parent", TRUE, father, surname, 1.0);
            }
        }
      while (h->n_members < size)
        {
          gboolean male = chance (d, 0.52);
          int age = child_age (d, head_age);
          add_member (d, h, male ? "son" : "daughter", male, age, line_surname, 0.95);
        }
    }

  for (guint i = 0; i < h->n_members; i++)
    describe_member (d, &h->members[i]);
}

/* ---- money ---- */

/* A survey whose per-capita net income is near @target (fen per person). */
static DemoSurvey *
add_survey (Demo *d, DemoHousehold *h, int date, gint64 target, gboolean all_secured)
{
  DemoSurvey *s = &h->surveys[h->n_surveys++];
  BfIncome income;
  gint64 total;
  guint members = 0;

  memset (s, 0, sizeof *s);
  for (guint i = 0; i < h->n_members; i++)
    if (h->members[i].birth <= date)
      members++;
  s->date = date;
  s->year = year_of (date);
  s->members = MAX (members, 1);
  total = target * s->members;
  s->transfer = total * rnd (d, 10, 40) / 100;
  s->property = total * rnd (d, 0, 5) / 100;
  s->business = total * rnd (d, 10, 30) / 100;
  s->expense = s->business * rnd (d, 20, 50) / 100;
  s->wage = total - s->transfer - s->property - s->business;
  s->business += s->expense;
  income = (BfIncome){ s->wage, s->business, s->property, s->transfer, s->expense };
  bf_income_per_capita (&income, s->members, &s->per_capita);

  for (guint i = 0; i < h->n_members; i++)
    if (h->members[i].school_status != NULL && !g_str_equal (h->members[i].school_status, "none") &&
        !g_str_equal (h->members[i].school_status, "preschool"))
      s->expenditure[0] += rnd (d, 5, 60) * 10000;
  if (g_str_equal (h->cause[0]->code, "illness") || g_str_equal (h->cause[0]->code, "disability"))
    s->expenditure[1] = rnd (d, 30, 300) * 10000;
  else
    s->expenditure[1] = rnd (d, 0, 30) * 10000;
  s->expenditure[2] = chance (d, 0.2) ? rnd (d, 10, 200) * 10000 : 0;
  s->expenditure[3] = rnd (d, 1, 6) * 10000;
  s->expenditure[4] = chance (d, 0.1) ? rnd (d, 50, 500) * 10000 : 0;
  s->expenditure[5] = chance (d, 0.3) ? rnd (d, 50, 800) * 10000 : 0;

  for (int g = 0; g < BF_N_GUARANTEES; g++)
    s->secured[g] = 1;
  if (!all_secured)
    {
      static const double gaps[BF_N_GUARANTEES] = { 0.03, 0.03, 0.08, 0.1, 0.25, 0.15 };
      for (int g = 0; g < BF_N_GUARANTEES; g++)
        if (chance (d, gaps[g]))
          s->secured[g] = 0;
    }
  return s;
}

static gint64
target_income (Demo *d, int day, double lo, double hi)
{
  gint64 line = line_for (d, year_of (day), 0);

  return (gint64) (line * (lo + (hi - lo) * g_rand_double (d->rand)));
}

/* ---- the path through the lifecycle ---- */

/* Rounds of identification and exit fall on the same days in every village, so that meetings,
 * notices and county documents are shared by many households. */
static int
grid_round_in (Demo *d, int year, gboolean exit)
{
  if (exit)
    return chance (d, 0.5) ? julian (year, 6, 20) : julian (year, 11, 20);
  return chance (d, 0.5) ? julian (year, 4, 15) : julian (year, 10, 15);
}

static int
grid_round (Demo *d, int year_lo, int year_hi, gboolean exit)
{
  return grid_round_in (d, rnd (d, year_lo, year_hi), exit);
}

/* A day for the anchor such that step @done - 1 is on or before today and step @done after it. */
static int
window_anchor (Demo *d, int prev_offset, int next_offset)
{
  return d->today - next_offset + 1 + rnd (d, 0, next_offset - prev_offset - 1);
}

static void
plan_path (Demo *d, DemoHousehold *h)
{
  static const guint recent_w[] = { 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 10 }; /* 2016–2026 */
  int survey_offset = -40 - rnd (d, 0, 10);
  int verify_offset = step_offset[STEP_VERIFY] - rnd (d, 0, 4);
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
          h->round =
            grid_round_in (d, 2016 + pick_weighted (d, recent_w, G_N_ELEMENTS (recent_w)), FALSE);
        while (h->round > registered_by);
        break;
      case BF_STATUS_REJECTED:
        {
          static const guint reject_w[] = { 30, 25, 20, 15, 10 };
          h->reject = REJECT_VERIFY + pick_weighted (d, reject_w, G_N_ELEMENTS (reject_w));
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
            h->exit_round = grid_round (d, year_of (h->round) + 1, 2026, TRUE);
            if (h->exit_round <= last_ok)
              break;
          }
        if (h->status == BF_STATUS_RETURNED)
          h->returned_on = rnd (d, h->exit_round + step_offset[STEP_APPROVE_EXIT] + 180, d->today);
        break;
      case BF_N_STATUSES:
      default:
        g_assert_not_reached ();
    }
  h->survey_date = h->round + survey_offset;
  h->verify_date = h->round + verify_offset;
  h->registered_on = h->n_steps >= 6 ? h->round + step_offset[STEP_COUNTY_APPROVE] : 0;
  /* Send back once at verification, redone before the meeting. */
  h->send_back = h->n_steps >= 3 && chance (d, 0.03);
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

/* "青山扶组发〔2019〕12号": one number per county decision day. */
static const char *
document_number (Demo *d, int day, char *buf, gsize size)
{
  gboolean created;
  DemoShared *s = shared_lookup (d, 'D', 0, day, &created);

  if (created)
    {
      gboolean year_created;
      DemoShared *year = shared_lookup (d, 'Y', 0, year_of (day), &year_created);
      s->number = ++year->next_position;
    }
  g_snprintf (buf, size, "%s扶组发〔%d〕%d号", d->county_short, year_of (day), s->number);
  return buf;
}

static DemoShared *
meeting_for (Demo *d, DemoVillage *v, int day)
{
  gboolean created;
  DemoShared *s = shared_lookup (d, 'M', v->id, day, &created);

  if (created)
    {
      gboolean representatives = chance (d, 0.7);
      char host[32], minutes[160];

      s->entitled = representatives ? rnd (d, 30, 60) : rnd (d, 200, 600);
      s->present = s->entitled * rnd (d, 70, 95) / 100;
      demo_name (d, v->surname, TRUE, 1970, host, sizeof host);
      g_snprintf (minutes, sizeof minutes, "%s主持，对申请对象逐户评议，举手表决。", host);
      demo_stamp (d, day);
      s->id = demo_insert (d,
                           "INSERT INTO appraisal_meetings (uuid, created_at, updated_at, "
                           "village_id, held_on, kind, host, entitled, present, minutes) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           "IDttiit", v->id, day, representatives ? "representatives" : "villagers",
                           host, s->entitled, s->present, minutes);
    }
  return s;
}

typedef enum
{
  NOTICE_VILLAGE,
  NOTICE_TOWNSHIP,
  NOTICE_COUNTY,
  NOTICE_EXIT,
} DemoNoticeKind;

static DemoShared *
notice_for (Demo *d, DemoNoticeKind kind, DemoVillage *v, int start)
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

      title = g_strdup_printf ("%s%s%d年%s", kind == NOTICE_COUNTY ? d->county : d->township,
                               village_level ? v->name : "", year_of (start), purposes[kind]);
      body = g_strdup_printf ("经农户申请、入户调查、民主评议，现将名单予以公示。公示期%d天，"
                              "如有异议，请向监督电话反映。",
                              DEMO_NOTICE_DAYS);
      issuer = kind == NOTICE_COUNTY     ? g_strdup_printf ("%s扶贫开发领导小组", d->county)
               : kind == NOTICE_TOWNSHIP ? g_strdup_printf ("%s人民政府", d->township)
                                         : g_strdup_printf ("%s村民委员会", v->name);
      g_snprintf (phone, sizeof phone, "0746-%07d", 7000000 + rnd (d, 0, 999999));
      demo_stamp (d, start);
      s->id =
        demo_insert (d,
                     "INSERT INTO notices (uuid, created_at, updated_at, kind, village_id, "
                     "title, body, starts_on, ends_on, issuing_body, supervision_phone, "
                     "posting_place, state, posted_on, closed_on) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "trttDDttttDD", codes[kind], village_level ? v->id : (gint64) 0, title, body,
                     start, end, issuer, phone, village_level ? "村务公开栏" : "乡政府公示栏",
                     closed ? "closed" : "posted", start, closed ? end + 1 : 0);
    }
  return s;
}

/* @removed_on: the day an upheld objection took the household off the notice (0: never). */
static gint64
add_notice_item (Demo *d,
                 DemoShared *notice,
                 DemoHousehold *h,
                 int day,
                 const char *reason,
                 int removed_on)
{
  demo_stamp (d, day);
  if (removed_on != 0)
    demo_stamp_updated (d, removed_on);
  return demo_insert (d,
                      "INSERT INTO notice_items (uuid, created_at, updated_at, notice_id, "
                      "household_id, position, reason, removed_on, removed_reason) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "IIitDt", notice->id, h->id, ++notice->next_position, reason, removed_on,
                      removed_on != 0 ? "异议经核实属实" : NULL);
}

static void
add_objection (Demo *d, DemoShared *notice, DemoHousehold *h, int received, const char *result)
{
  static const char *const contents[] = {
    "反映该户家中有小轿车",   "反映该户子女在城里购房",         "反映该户家庭收入较高",
    "反映该户有成员在外经商", "反映该户实际居住人口与登记不符",
  };
  gboolean pending = g_str_equal (result, "pending");
  gboolean upheld = g_str_equal (result, "upheld");
  const char *surname = pick_surname (d);
  gboolean male = chance (d, 0.6);
  gboolean named = chance (d, 0.5);
  const char *content = PICK (d, contents);
  char complainant[32];

  demo_name (d, surname, male, 1970, complainant, sizeof complainant);
  demo_stamp (d, received);
  demo_insert (d,
               "INSERT INTO objections (uuid, created_at, updated_at, notice_id, household_id, "
               "received_on, complainant, content, verification, result, consequence, decided_on) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               "IIDtttttD", notice->id, h->id, received, named ? complainant : NULL, content,
               pending  ? NULL
               : upheld ? "经入户核实，反映情况属实"
                        : "经入户核实，反映情况不属实",
               result, upheld ? "reject" : NULL, pending ? 0 : received + 3);
}

static gint64
add_review (Demo *d,
            DemoHousehold *h,
            const char *level,
            const char *purpose,
            int day,
            const char *decision,
            const char *opinion,
            const char *document)
{
  const char *reviewer = g_str_equal (level, "county") ? d->county : d->staff[rnd (d, 0, 3)];

  demo_stamp (d, day);
  return demo_insert (d,
                      "INSERT INTO reviews (uuid, created_at, updated_at, household_id, level, "
                      "purpose, reviewer, decided_on, decision, opinion, document_number) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "ItttDttt", h->id, level, purpose, reviewer, day, decision, opinion,
                      document);
}

static gint64
add_adjustment (Demo *d,
                DemoHousehold *h,
                const char *kind,
                const char *subkind,
                int day,
                const char *reason,
                const char *document)
{
  demo_stamp (d, day);
  return demo_insert (d,
                      "INSERT INTO adjustments (uuid, created_at, updated_at, household_id, kind, "
                      "subkind, adjusted_on, reason, approval, document_number) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "IttDttt", h->id, kind, subkind, day, reason,
                      document != NULL ? "县级审批" : "乡镇审核", document);
}

/* One lifecycle event, with the state machine deciding where it leads. */
static BfStatus
add_event (Demo *d,
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
  julian_to_date (day - 1, &ctx.notice_ends);
  julian_to_date (day, &ctx.today);
  ctx.has_reason = TRUE;
  ctx.has_document_number = TRUE;
  if (!bf_lifecycle_apply (from, action, &ctx, &to, &refused))
    {
      g_set_error (&d->error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED, "demo: %s → %s refused: %s",
                   bf_status_code (from), bf_action_code (action), refused->message);
      return from;
    }
  demo_stamp (d, day);
  demo_insert (d,
               "INSERT INTO workflow_events (uuid, created_at, updated_at, household_id, action, "
               "from_status, to_status, event_date, operator, reason, ref_kind, ref_id, "
               "document_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               "ItttDtttrt", h->id, bf_action_code (action), bf_status_code (from),
               bf_status_code (to), day, d->staff[rnd (d, 0, 3)], reason, ref_kind, ref_id,
               document);
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
  guint u = rnd (d, 0, G_N_ELEMENTS (units) - 1);
  const char *where =
    units[u].where == 0   ? d->county
    : units[u].where == 1 ? d->township
    : units[u].where == 2
      ? ((DemoVillage *) g_ptr_array_index (d->villages, rnd (d, 0, d->villages->len - 1)))->name
      : "";
  g_autofree char *unit = g_strconcat (where, units[u].suffix, NULL);
  const char *position =
    units[u].where == 2 ? (chance (d, 0.5) ? "村支书" : "村主任") : PICK (d, helper_positions);
  char phone[12];
  int born = rnd (d, 1965, 1998);
  const char *surname = pick_surname (d);
  gboolean male = chance (d, 0.7);

  demo_name (d, surname, male, born, d->helper_name, sizeof d->helper_name);
  demo_phone (d, phone);
  demo_stamp (d, julian (2016, 1, 4));
  d->helper_id = demo_insert (d,
                              "INSERT INTO helpers (uuid, created_at, updated_at, name, unit, "
                              "level, position, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              "ttttt", d->helper_name, unit, units[u].level, position, phone);
  d->helper_room = rnd (d, 4, 9);
}

/* Chosen before the household is written, so that its row names its helper. */
static void
choose_helper (Demo *d, DemoHousehold *h)
{
  if (d->helper_room == 0)
    next_helper (d);
  h->assigned_on = at_most (h->registered_on + rnd (d, 1, 20), d->today);
  if (h->assigned_on + 400 < d->today && chance (d, 0.1))
    {
      /* The first helper moved on: the history keeps both. */
      h->previous_helper_id = d->helper_id;
      h->helper_changed_on = rnd (d, h->assigned_on + 180, d->today - 30);
      d->helper_room--;
      next_helper (d);
    }
  d->helper_room--;
  h->helper_id = d->helper_id;
  g_strlcpy (h->helper_name, d->helper_name, sizeof h->helper_name);
}

static void
insert_assignments (Demo *d, DemoHousehold *h)
{
  const char *sql = "INSERT INTO helper_assignments (uuid, created_at, updated_at, household_id, "
                    "helper_id, assigned_on, ended_on) VALUES (?, ?, ?, ?, ?, ?, ?)";

  demo_stamp (d, h->assigned_on);
  if (h->previous_helper_id != 0)
    {
      demo_insert (d, sql, "IIDD", h->id, h->previous_helper_id, h->assigned_on,
                   h->helper_changed_on);
      demo_stamp (d, h->helper_changed_on + 1);
    }
  demo_insert (d, sql, "IIDD", h->id, h->helper_id,
               h->previous_helper_id != 0 ? h->helper_changed_on + 1 : h->assigned_on, 0);
}

/* ---- inserts of one household ---- */

static void
insert_survey (Demo *d, DemoHousehold *h, DemoSurvey *s)
{
  const char *note[BF_N_GUARANTEES];
  char surveyor[32];

  for (int g = 0; g < BF_N_GUARANTEES; g++)
    note[g] = s->secured[g] ? NULL : guarantee_problems[g];
  g_strlcpy (surveyor, d->staff[rnd (d, 0, 3)], sizeof surveyor);
  demo_stamp (d, s->date);
  s->id = demo_insert (
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
    s->verified_on != 0 ? d->staff[rnd (d, 0, 3)] : NULL, s->verified_on, s->wage, s->business,
    s->property, s->transfer, s->expense, s->expenditure[0], s->expenditure[1], s->expenditure[2],
    s->expenditure[3], s->expenditure[4], s->expenditure[5], (int) s->members, s->per_capita,
    s->secured[0], note[0], s->secured[1], note[1], s->secured[2], note[2], s->secured[3], note[3],
    s->secured[4], note[4], s->secured[5], note[5]);
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
    g_strdup_printf ("%s%s%d号", h->village->name, group_name, rnd (d, 1, 120));
  g_autofree char *note = g_strdup_printf ("%s；%s", h->cause[0]->label, h->cause[0]->note);
  char account[24];
  gboolean dangerous = latest->secured[BF_GUARANTEE_HOUSING] == 0 || chance (d, 0.03);
  int account_a = rnd (d, 0, 99999);
  int account_b = rnd (d, 0, 99999);
  int account_c = rnd (d, 0, 99999);
  const char *bank = PICK (d, banks);
  const char *standard = chance (d, 0.8) ? "national" : "provincial";
  int area_m2 = rnd (d, 40, 160);
  double area = area_m2 + rnd (d, 0, 9) / 10.0;
  gboolean relocated = chance (d, 0.05);
  double farmland = rnd (d, 3, 60) / 10.0;
  double forest = rnd (d, 0, 200) / 10.0;
  const char *animals = PICK (d, livestock);
  const char *industry = PICK (d, industries);

  g_snprintf (account, sizeof account, "6217%05d%05d%05d", account_a, account_b, account_c);
  demo_stamp (d, h->survey_date);
  demo_stamp_updated (d, h->last_event);
  h->id = demo_insert (
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
      demo_stamp (d, MAX (h->survey_date, m->birth));
      demo_insert (d,
                   "INSERT INTO members (uuid, created_at, updated_at, household_id, "
                   "person_number, name, id_number, relation, sex, birth_date, ethnicity, "
                   "education, school_status, health, disability_grade, labour, work_status, "
                   "work_months, medical_insurance, serious_illness_insurance, pension_insurance, "
                   "phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?)",
                   "ItttttDttttbttbiiit", h->id, person, m->name, m->id_number, m->relation,
                   m->male ? "male" : "female", m->birth, m->ethnicity, m->education,
                   m->school_status, m->health, m->disability_grade > 0 ? m->disability_grade : -1,
                   m->labour, m->work_status,
                   g_str_equal (m->work_status, "none") ? -1 : m->work_months, m->medical,
                   m->serious, m->pension, m->phone[0] != '\0' ? m->phone : NULL);
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
  int n = rnd (d, 1, 3);

  demo_stamp (d, MIN (julian (year, 1, 10), d->today));
  plan = demo_insert (d,
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
          guint from = rnd (d, 0, G_N_ELEMENTS (measure_kinds) - 1);
          for (guint j = 0; j < G_N_ELEMENTS (measure_kinds) && k == NULL; j++)
            {
              const DemoMeasure *c = &measure_kinds[(j + from) % G_N_ELEMENTS (measure_kinds)];
              if (g_str_equal (c->category, h->cause[0]->measure_category))
                k = c;
            }
        }
      if (k == NULL)
        k = &PICK (d, measure_kinds);
      month = rnd (d, 1, 6);
      start = julian (year, month, rnd (d, 1, 28));
      due = start + rnd (d, 60, 300);
      if (exit_by != 0 && i == 0)
        {
          /* Exit needs a completed measure before the assessment. */
          due = at_most (exit_by - rnd (d, 20, 50), due);
          start = at_most (due - rnd (d, 60, 200), start);
          completed = due - rnd (d, 0, 20);
          status = "completed";
        }
      else if (start > d->today)
        status = "planned";
      else if (due < d->today)
        {
          if (chance (d, 0.85))
            {
              status = "completed";
              completed = chance (d, 0.9) ? due - rnd (d, 0, MIN (30, due - start))
                                          : at_most (due + rnd (d, 1, 20), d->today);
            }
          else if (chance (d, 0.2))
            status = "cancelled";
          else
            status = "in_progress"; /* overdue */
        }
      else
        {
          int r = rnd (d, 0, 99);
          status = r < 65 ? "in_progress" : r < 75 ? "completed" : "planned";
          if (r >= 65 && r < 75)
            completed = rnd (d, start, d->today);
        }
      budget = (gint64) rnd (d, k->budget_lo, k->budget_hi) * 100;
      if (g_str_equal (status, "completed"))
        spent = budget;
      else if (g_str_equal (status, "in_progress"))
        spent = budget * rnd (d, 0, 80) / 100;
      description = g_strdup (k->description);
      demo_stamp (d, MIN (start, d->today));
      demo_insert (d,
                   "INSERT INTO measures (uuid, created_at, updated_at, plan_id, household_id, "
                   "category, description, department, helper_id, starts_on, due_on, budget_fen, "
                   "spent_fen, status, completed_on, effect, household_confirmed) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   "IItttrDDIItDtb", plan, h->id, k->category, description, k->department,
                   h->helper_id, start, due, budget, spent, status, completed,
                   completed != 0 ? k->effect : NULL,
                   completed != 0 ? (chance (d, 0.9) ? 1 : 0) : -1);
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
  int n_visits = rnd (d, 1, 4);
  gint64 previous = G_MININT64;
  int exit_by = h->exit_round != 0 ? h->exit_round + step_offset[STEP_ASSESS_EXIT] : 0;
  int first_plan = MAX (year_of (h->registered_on), 2025);
  int last_plan = 2026;

  if (exit_by != 0)
    {
      last_plan = year_of (exit_by);
      first_plan = MIN (MAX (year_of (h->registered_on), last_plan - 1), last_plan);
    }
  for (int y = first_plan; y <= last_plan; y++)
    insert_plan (d, h, y, y == first_plan ? exit_by : 0);

  for (int i = 0; i < n_visits && from < d->today; i++)
    {
      int day = rnd (d, from, d->today);
      gboolean problem = chance (d, 0.15);
      guint p = rnd (d, 0, G_N_ELEMENTS (visit_problems) - 1);
      gboolean rectified = problem && chance (d, 0.7);
      int deadline = problem ? day + rnd (d, 15, 60) : 0;
      static const char *const ratings[] = { "satisfied", "fairly", "dissatisfied", NULL };
      static const guint rating_w[] = { 80, 14, 3, 3 };
      const char *mode = chance (d, 0.8) ? "home" : "phone";
      const char *findings = PICK (d, visit_findings);
      const char *rating = ratings[pick_weighted (d, rating_w, G_N_ELEMENTS (rating_w))];

      demo_stamp (d, day);
      demo_insert (d,
                   "INSERT INTO visits (uuid, created_at, updated_at, household_id, helper_id, "
                   "visited_on, visitor, mode, findings, problems, rectification, deadline, "
                   "rectified_on, satisfaction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   "IrDtttttDDt", h->id, h->helper_id, day, h->helper_name, mode, findings,
                   problem ? visit_problems[p][0] : NULL, problem ? visit_problems[p][1] : NULL,
                   deadline, rectified ? MIN (deadline, d->today) : 0, rating);
    }

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      int day = julian (periods[i].y, periods[i].m, periods[i].day);
      int year = periods[i].year;
      gint64 pc, poverty = line_for (d, year, 0), monitoring = line_for (d, year, 1);

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
      pc = pc * rnd (d, 95, 105) / 100;
      demo_stamp (d, day);
      demo_insert (d,
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
  facts.poverty_line_fen = line_for (d, year_of (day), 0);
  facts.months_above_line = rnd (d, 6, 18);
  for (int g = 0; g < BF_N_GUARANTEES; g++)
    facts.secured[g] = TRUE;
  facts.measures_completed = 1;
  julian_to_date (h->registered_on, &from);
  julian_to_date (day, &to);
  facts.months_monitored = bf_months_between (&from, &to);
  facts.members_with_labour = h->with_labour;
  facts.labour_exception = h->with_labour == 0;
  passed = bf_exit_checks_run (&facts, checks);

  json_builder_begin_array (team);
  for (int i = 0; i < 3; i++)
    json_builder_add_string_value (team, d->staff[(i + rnd (d, 0, 3)) % 4]);
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
  demo_stamp (d, day);
  return demo_insert (d,
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
                ref = add_review (d, h, "verification", "identification", day, "reject",
                                  "经入户核查，家庭人均纯收入高于扶贫标准", NULL);
                status = add_event (d, h, status, BF_ACTION_REJECT, day, "人均纯收入高于扶贫标准",
                                    "review", ref, NULL);
                break;
              }
            if (h->send_back)
              {
                int first_verify = h->verify_date;
                ref = add_review (d, h, "verification", "identification", first_verify, "return",
                                  "家庭成员收入材料不全，退回补充", NULL);
                status = add_event (d, h, status, BF_ACTION_VERIFY, first_verify, NULL, "review",
                                    ref, NULL);
                status = add_event (d, h, status, BF_ACTION_SEND_BACK, h->round - 20,
                                    "家庭成员收入材料不全，退回补充", "review", ref, NULL);
              }
            ref = add_review (d, h, "verification", "identification", day, "approve",
                              "经入户核查，情况属实", NULL);
            status = add_event (d, h, status, BF_ACTION_VERIFY, day, NULL, "review", ref, NULL);
            break;
          case STEP_APPRAISE:
            {
              DemoShared *m = meeting_for (d, h->village, day);
              int votes_for =
                rejecting ? m->present * rnd (d, 20, 45) / 100 : m->present * rnd (d, 75, 98) / 100;
              int against = (m->present - votes_for) * rnd (d, 30, 90) / 100;
              demo_stamp (d, day);
              demo_insert (d,
                           "INSERT INTO appraisal_votes (uuid, created_at, updated_at, meeting_id, "
                           "household_id, votes_for, votes_against, abstentions, passed) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           "IIiiii", m->id, h->id, votes_for, against,
                           m->present - votes_for - against, rejecting ? 0 : 1);
              status = add_event (d, h, status, rejecting ? BF_ACTION_REJECT : BF_ACTION_APPRAISE,
                                  day, rejecting ? "民主评议未通过" : NULL, "meeting", m->id, NULL);
            }
            break;
          case STEP_VILLAGE_NOTICE:
            village_notice = notice_for (d, NOTICE_VILLAGE, h->village, day);
            g_snprintf (reason, sizeof reason, "%s", h->cause[0]->label);
            add_notice_item (d, village_notice, h, day, reason,
                             h->reject == REJECT_OBJECTION ? day + 5 : 0);
            status = add_event (d, h, status, BF_ACTION_POST_VILLAGE_NOTICE, day, NULL, "notice",
                                village_notice->id, NULL);
            if (h->reject == REJECT_OBJECTION)
              {
                add_objection (d, village_notice, h, day + 2, "upheld");
                status =
                  add_event (d, h, status, BF_ACTION_REJECT, day + DEMO_NOTICE_DAYS + 1,
                             "公示期间群众异议经核实属实", "notice", village_notice->id, NULL);
                step = N_STEPS;
              }
            else if (h->status == BF_STATUS_VILLAGE_NOTICE && d->today < day + DEMO_NOTICE_DAYS)
              {
                if (chance (d, 0.15))
                  add_objection (d, village_notice, h, rnd (d, day, d->today), "pending");
              }
            else if (chance (d, 0.03))
              add_objection (d, village_notice, h, day + rnd (d, 1, 3), "dismissed");
            break;
          case STEP_TOWNSHIP_REVIEW:
            ref =
              add_review (d, h, "township", "identification", day, rejecting ? "reject" : "approve",
                          rejecting ? "经乡镇审核，不符合识别标准" : "同意纳入", NULL);
            status =
              add_event (d, h, status, rejecting ? BF_ACTION_REJECT : BF_ACTION_TOWNSHIP_REVIEW,
                         day, rejecting ? "乡镇审核未通过" : NULL, "review", ref, NULL);
            break;
          case STEP_TOWNSHIP_NOTICE:
            {
              DemoShared *n = notice_for (d, NOTICE_TOWNSHIP, h->village, day);
              add_notice_item (d, n, h, day, h->cause[0]->label, 0);
              status = add_event (d, h, status, BF_ACTION_POST_TOWNSHIP_NOTICE, day, NULL, "notice",
                                  n->id, NULL);
            }
            break;
          case STEP_COUNTY_APPROVE:
            if (rejecting)
              {
                ref = add_review (d, h, "county", "identification", day, "reject",
                                  "比对发现家庭成员有财政供养人员", NULL);
                status = add_event (d, h, status, BF_ACTION_REJECT, day, "县级比对发现不符合条件",
                                    "review", ref, NULL);
                add_adjustment (d, h, "correction", NULL, day,
                                "识别不准纠错：家庭成员有财政供养人员", NULL);
                break;
              }
            document_number (d, day, doc, sizeof doc);
            ref = add_review (d, h, "county", "identification", day, "approve", "同意纳入", doc);
            status =
              add_event (d, h, status, BF_ACTION_COUNTY_APPROVE, day, NULL, "review", ref, doc);
            add_adjustment (d, h, "new", NULL, day, "新识别纳入扶贫对象", doc);
            if (day + 2 <= d->today)
              add_notice_item (d, notice_for (d, NOTICE_COUNTY, h->village, day + 2), h, day + 2,
                               h->cause[0]->label, 0);
            insert_assignments (d, h);
            break;
          case STEP_ASSESS_EXIT:
            status = add_event (d, h, status, BF_ACTION_ASSESS_EXIT, day, NULL, "survey",
                                h->surveys[1].id, NULL);
            break;
          case STEP_EXIT_NOTICE:
            {
              DemoShared *n = notice_for (d, NOTICE_EXIT, h->village, day);
              char money[32];
              g_autofree char *yuan = bf_money_format (h->surveys[1].per_capita);
              g_snprintf (money, sizeof money, "人均纯收入%s元", yuan);
              add_notice_item (d, n, h, day, money, 0);
              if (chance (d, 0.02))
                add_objection (d, n, h, day + rnd (d, 1, 3), "dismissed");
              status = add_event (d, h, status, BF_ACTION_POST_EXIT_NOTICE, day, NULL, "notice",
                                  n->id, NULL);
            }
            break;
          case STEP_ACCEPT_EXIT:
            ref = insert_acceptance (d, h, &h->surveys[1], day);
            status =
              add_event (d, h, status, BF_ACTION_ACCEPT_EXIT, day, NULL, "acceptance", ref, NULL);
            break;
          case STEP_APPROVE_EXIT:
            document_number (d, day, doc, sizeof doc);
            ref = add_review (d, h, "county", "exit", day, "approve", "同意退出", doc);
            status =
              add_event (d, h, status, BF_ACTION_APPROVE_EXIT, day, NULL, "review", ref, doc);
            add_adjustment (d, h, "exit", NULL, day, "达到脱贫标准，批准退出", doc);
            break;
          case STEP_RETURN:
            ref = add_adjustment (d, h, "returned", NULL, day, "因病返贫，人均纯收入低于扶贫标准",
                                  NULL);
            status = add_event (d, h, status, BF_ACTION_RETURN_TO_POVERTY, day,
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
      add_adjustment (d, h, "natural", "birth", h->members[i].birth, "新生儿出生，增加家庭人口",
                      NULL);
  if (h->registered_on != 0)
    insert_follow_up (d, h, first->per_capita, h->surveys[h->n_surveys - 1].per_capita);
}

static void
make_causes (Demo *d, DemoHousehold *h)
{
  guint n_other = rnd (d, 0, 2);

  h->cause[0] = pick_cause (d);
  h->cause[1] = h->cause[2] = NULL;
  for (guint i = 1; i <= n_other; i++)
    {
      const DemoCause *c = pick_cause (d);
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
  s = add_survey (d, h, h->survey_date,
                  too_rich ? target_income (d, h->survey_date, 1.05, 1.6)
                           : target_income (d, h->survey_date, 0.45, 0.98),
                  FALSE);
  if (h->n_steps >= 1 && h->reject != REJECT_VERIFY)
    s->verified_on = step_date (h, STEP_VERIFY);

  if (h->exit_round != 0)
    {
      int day = h->exit_round + step_offset[STEP_ASSESS_EXIT] - rnd (d, 3, 10);
      add_survey (d, h, day, target_income (d, day, 1.3, 2.8), TRUE);
      if (h->returned_on != 0)
        {
          int surveyed = h->returned_on - rnd (d, 3, 10);
          add_survey (d, h, surveyed, target_income (d, h->returned_on, 0.6, 0.98), FALSE);
        }
    }
  else if (h->registered_on != 0 && h->registered_on < julian (2026, 1, 1))
    {
      int day = julian (2026, 3, rnd (d, 1, 28));
      gboolean secured = chance (d, 0.7);
      add_survey (d, h, day, target_income (d, day, 0.7, 1.4), secured);
    }
}

static void
generate_household (Demo *d)
{
  static const char *const attributes[] = { "general", "dibao", "tekun" };
  static const guint attribute_w[] = { 65, 27, 8 };
  DemoHousehold h;
  DemoVillage *v;
  guint index = d->household_index++;

  memset (&h, 0, sizeof h);
  v = g_ptr_array_index (d->villages,
                         pick_weighted (d, (const guint *) d->village_w->data, d->village_w->len));
  h.village = v;
  h.group = rnd (d, 0, v->groups->len - 1);
  g_snprintf (h.number, sizeof h.number, "%s%05u", v->number_prefix, ++v->next_seq);
  h.status = index < BF_N_STATUSES ? (BfStatus) index
                                   : (BfStatus) pick_weighted (d, status_weight, BF_N_STATUSES);
  if (h.status == BF_STATUS_TOWNSHIP_NOTICE && !d->township_notice)
    h.status = BF_STATUS_TOWNSHIP_REVIEWED;
  h.attribute = attributes[pick_weighted (d, attribute_w, G_N_ELEMENTS (attribute_w))];
  make_causes (d, &h);
  plan_path (d, &h);
  h.last_event = last_event_date (&h);
  make_members (d, &h);
  apply_cause_to_members (d, &h);
  make_surveys (d, &h);
  if (h.status == BF_STATUS_RETURNED || (h.status == BF_STATUS_EXITED && chance (d, 0.15)))
    h.monitoring = "unstable";
  else if (h.status == BF_STATUS_REGISTERED && h.registered_on >= julian (2021, 1, 1))
    h.monitoring = chance (d, 0.3) ? "marginal" : chance (d, 0.15) ? "hardship" : NULL;
  if (h.monitoring != NULL && !bf_code_is_valid (BF_CODES_MONITORING_TYPE, h.monitoring))
    h.monitoring = NULL;

  if (h.registered_on != 0)
    choose_helper (d, &h);

  insert_household (d, &h);
  insert_members (d, &h);
  index_household (d, &h);
  for (guint i = 0; i < h.n_surveys; i++)
    insert_survey (d, &h, &h.surveys[i]);
  insert_history (d, &h);
}

/* ---- set-up from the register ---- */

static void
demo_village_free (gpointer data)
{
  DemoVillage *v = data;

  g_array_unref (v->groups);
  g_ptr_array_unref (v->group_names);
  g_free (v->name);
  g_free (v->number_prefix);
  g_free (v);
}

static gboolean
load_villages (Demo *d, GError **error)
{
  g_autoptr (GPtrArray) villages = bf_store_list_villages (d->store, error);

  if (villages == NULL)
    return FALSE;
  if (villages->len == 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The register has no villages to put demo households in"));
      return FALSE;
    }
  for (guint i = 0; i < villages->len; i++)
    {
      BfVillage *bv = g_ptr_array_index (villages, i);
      DemoVillage *v = g_new0 (DemoVillage, 1);
      g_autofree char *next = NULL;
      guint weight;

      v->id = bv->id;
      v->name = g_strdup (bv->name);
      v->groups = g_array_new (FALSE, FALSE, sizeof (gint64));
      v->group_names = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; bv->groups != NULL && j < bv->groups->len; j++)
        {
          BfGroup *g = g_ptr_array_index (bv->groups, j);
          g_array_append_val (v->groups, g->id);
          g_ptr_array_add (v->group_names, g_strdup (g->name));
        }
      if (v->groups->len == 0)
        {
          /* No groups: households belong to the village only. */
          gint64 none = 0;
          g_array_append_val (v->groups, none);
          g_ptr_array_add (v->group_names, g_strdup (""));
        }
      v->surname = pick_surname (d);
      weight = rnd (d, 40, 160);
      g_array_append_val (d->village_w, weight);
      g_ptr_array_add (d->villages, v);
      /* Numbers as bf_store_household_next_number() gives them ("003-00157"), continuing its
       * sequence, so that households added later follow on. */
      next = bf_store_household_next_number (d->store, v->id, error);
      if (next == NULL)
        return FALSE;
      if (strchr (next, '-') == NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED,
                       "demo: unexpected household number “%s”", next);
          return FALSE;
        }
      v->number_prefix = g_strndup (next, strchr (next, '-') - next + 1);
      v->next_seq = (guint) g_ascii_strtoull (strchr (next, '-') + 1, NULL, 10) - 1;
    }
  return TRUE;
}

static gboolean
load_used_ids (Demo *d, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (d->store, "SELECT id_number FROM members", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      gint64 key;

      if (number == NULL || strlen (number) != 18 || strspn (number, "0123456789") < 17)
        continue;
      key = id_key (number);
      g_hash_table_add (d->used_ids, g_memdup2 (&key, sizeof key));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (d->store, error, _ ("Could not read the register"));
      return FALSE;
    }
  return TRUE;
}

/* The register's own lines where it has them; the examples elsewhere, written in the first
 * batch. */
static gboolean
load_lines (Demo *d, GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (d->store,
                       "SELECT year, poverty_line_fen, monitoring_line_fen FROM poverty_lines "
                       "WHERE deleted_at IS NULL AND year BETWEEN ? AND ?",
                       error);

  if (stmt == NULL)
    return FALSE;
  memset (d->lines, 0, sizeof d->lines);
  sqlite3_bind_int (stmt, 1, DEMO_FIRST_YEAR);
  sqlite3_bind_int (stmt, 2, DEMO_LAST_YEAR);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int y = sqlite3_column_int (stmt, 0) - DEMO_FIRST_YEAR;
      d->lines[y][0] = sqlite3_column_int64 (stmt, 1);
      d->lines[y][1] = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
insert_missing_lines (Demo *d)
{
  for (int y = 0; y < DEMO_N_YEARS; y++)
    {
      if (d->lines[y][0] != 0)
        continue;
      d->lines[y][0] = example_lines[y][0];
      d->lines[y][1] = example_lines[y][1];
      demo_stamp (d, julian (DEMO_FIRST_YEAR + y, 1, 1));
      demo_insert (d,
                   "INSERT INTO poverty_lines (uuid, created_at, updated_at, year, "
                   "poverty_line_fen, monitoring_line_fen, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   "iIIt", DEMO_FIRST_YEAR + y, example_lines[y][0], example_lines[y][1],
                   "演示数据示例，请按本省标准修改");
    }
}

static char *
county_short_name (const char *county)
{
  const char *end = county + strlen (county);

  if (g_str_has_suffix (county, "县") || g_str_has_suffix (county, "市") ||
      g_str_has_suffix (county, "区"))
    end = g_utf8_prev_char (end);
  return g_strndup (county, end - county);
}

BfStore *
bf_store_demo_create (const char *path, guint n_villages, const char *operator_name, GError **error)
{
  const char *names[BF_DEMO_MAX_VILLAGES + 1] = { NULL };
  BfRegisterSpec spec = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  if (n_villages < 1 || n_villages > BF_DEMO_MAX_VILLAGES)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("A demo township has between 1 and %d villages"), BF_DEMO_MAX_VILLAGES);
      return NULL;
    }
  for (guint i = 0; i < n_villages; i++)
    names[i] = village_names[i];
  spec.county = DEMO_COUNTY;
  spec.township = DEMO_TOWNSHIP;
  spec.villages = names;
  spec.groups_per_village = DEMO_GROUPS;
  spec.operator_name = operator_name;
  return bf_store_create (path, &spec, error);
}

static gboolean
demo_batch (Demo *d, guint first, guint count, guint32 seed, GError **error)
{
  g_autoptr (JsonObject) changes = json_object_new ();
  g_autofree char *range = g_strdup_printf ("%u–%u", first + 1, first + count);
  JsonArray *pair;

  if (!_bf_store_begin (d->store, error))
    return FALSE;
  if (first == 0)
    insert_missing_lines (d);
  for (guint i = 0; i < count && d->error == NULL; i++)
    generate_household (d);
  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      _bf_store_rollback (d->store);
      return FALSE;
    }
  pair = json_array_new ();
  json_array_add_null_element (pair);
  json_array_add_string_element (pair, range);
  json_object_set_array_member (changes, "households", pair);
  pair = json_array_new ();
  json_array_add_null_element (pair);
  json_array_add_int_element (pair, seed);
  json_object_set_array_member (changes, "seed", pair);
  if (!_bf_store_audit (d->store, "demo", "households", NULL, g_steal_pointer (&changes), error) ||
      !_bf_store_commit (d->store, error))
    {
      _bf_store_rollback (d->store);
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_demo_generate (BfStore *self,
                        guint n_households,
                        guint32 seed,
                        BfDemoProgress progress,
                        gpointer user_data,
                        GCancellable *cancellable,
                        GError **error)
{
  Demo d = { 0 };
  guint32 seeds[2];
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  gint64 cache_size = 0;
  g_autofree char *township_notice = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  d.store = self;
  d.today = julian (DEMO_REFERENCE_Y, DEMO_REFERENCE_M, DEMO_REFERENCE_D);
  d.county = bf_store_get_county (self);
  d.township = bf_store_get_township (self);
  d.county_short = county_short_name (d.county);
  d.villages = g_ptr_array_new_with_free_func (demo_village_free);
  d.village_w = g_array_new (FALSE, FALSE, sizeof (guint));
  d.used_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  d.shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d.statements = g_hash_table_new (g_direct_hash, g_direct_equal);
  township_notice = bf_store_setting_get (self, BF_SETTING_TOWNSHIP_NOTICE);
  d.township_notice = g_strcmp0 (township_notice, "0") != 0;
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    d.surname_w[i] = surnames[i].weight;
  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    d.cause_w[i] = causes[i].weight;

  /* Filling a register that already has households continues from them, so the same seed
   * gives new people and new numbers rather than clashing with the earlier run. */
  stmt = _bf_store_prepare (self, "SELECT count(*) FROM households", error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_step (stmt);
      seeds[0] = seed;
      seeds[1] = (guint32) sqlite3_column_int64 (stmt, 0);
      d.household_index = seeds[1];
      sqlite3_reset (stmt);
      d.rand = g_rand_new_with_seed_array (seeds, 2);
    }

  /* Continues after an earlier demo run on the same register: one step per record. */
  d.uuid_clock = (guint64) (julian (DEMO_REFERENCE_Y, DEMO_REFERENCE_M, DEMO_REFERENCE_D) -
                            julian (1970, 1, 1)) *
                   86400000 +
                 (guint64) d.household_index * 1000;
  if (ok)
    ok = load_villages (&d, error) && load_used_ids (&d, error) && load_lines (&d, error);
  if (ok)
    {
      for (int i = 0; i < 4; i++)
        demo_name (&d, pick_surname (&d), i % 2 == 0, 1980, d.staff[i], sizeof d.staff[i]);
    }

  /* A batch touches pages all over the date and name indexes: keep them in memory until it
   * commits (64 MiB, back to the connection's own size afterwards). */
  if (ok)
    {
      stmt = _bf_store_prepare (self, "PRAGMA cache_size", error);
      ok = stmt != NULL;
      if (ok && sqlite3_step (stmt) == SQLITE_ROW)
        cache_size = sqlite3_column_int64 (stmt, 0);
      if (ok)
        sqlite3_reset (stmt);
      sqlite3_exec (_bf_store_db (self), "PRAGMA cache_size = -65536", NULL, NULL, NULL);
    }

  for (guint done = 0; ok && done < n_households;)
    {
      guint count = MIN (DEMO_BATCH, n_households - done);

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED,
                       _ ("Demo stopped after %u households"), done);
          ok = FALSE;
          break;
        }
      ok = demo_batch (&d, done, count, seed, error);
      if (ok)
        {
          done += count;
          if (progress != NULL)
            progress (done, n_households, user_data);
        }
    }

  if (cache_size != 0)
    {
      g_autofree char *restore =
        g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
      sqlite3_exec (_bf_store_db (self), restore, NULL, NULL, NULL);
    }
  g_clear_pointer (&d.rand, g_rand_free);
  g_ptr_array_unref (d.villages);
  g_array_unref (d.village_w);
  g_hash_table_unref (d.used_ids);
  g_hash_table_unref (d.shared);
  g_hash_table_unref (d.statements);
  g_free (d.county_short);
  g_clear_error (&d.error);
  return ok;
}
