/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo generator's ground floor: random draws from the one GRand, dates as julian days,
 * the cached inserts, and the people and money of a household. The text is Chinese data (names,
 * notes), not interface strings. */
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

G_STATIC_ASSERT (G_N_ELEMENTS (surnames) == DEMO_N_SURNAMES);
G_STATIC_ASSERT (G_N_ELEMENTS (causes) == DEMO_N_CAUSES);

/* ---- random choices ---- */

int
_bf_demo_rnd (Demo *d, int lo, int hi)
{
  return lo >= hi ? lo : g_rand_int_range (d->rand, lo, hi + 1);
}

gboolean
_bf_demo_chance (Demo *d, double p)
{
  return g_rand_double (d->rand) < p;
}

guint
_bf_demo_pick_weighted (Demo *d, const guint *weights, guint n)
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

int
_bf_demo_at_least (int value, int floor)
{
  return value < floor ? floor : value;
}

int
_bf_demo_at_most (int value, int ceiling)
{
  return value > ceiling ? ceiling : value;
}

const char *
_bf_demo_pick_surname (Demo *d)
{
  return surnames[_bf_demo_pick_weighted (d, d->surname_w, G_N_ELEMENTS (surnames))].text;
}

const DemoCause *
_bf_demo_pick_cause (Demo *d)
{
  return &causes[_bf_demo_pick_weighted (d, d->cause_w, G_N_ELEMENTS (causes))];
}

void
_bf_demo_uuid (Demo *d, char out[37])
{
  guint64 t = d->uuid_clock++;
  guint32 a = g_rand_int (d->rand), b = g_rand_int (d->rand), c = g_rand_int (d->rand);

  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%04x%08x", (guint32) (t >> 16), (guint32) (t & 0xffff),
              0x7000 | (a & 0x0fff), 0x8000 | ((a >> 12) & 0x3fff), b & 0xffff, c);
}

/* ---- dates as julian days ---- */

int
_bf_demo_julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

void
_bf_demo_julian_to_date (int day, GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
}

int
_bf_demo_year_of (int day)
{
  GDate date;

  _bf_demo_julian_to_date (day, &date);
  return g_date_get_year (&date);
}

static const char *
iso (int day, char buf[11])
{
  GDate date;

  _bf_demo_julian_to_date (day, &date);
  g_snprintf (buf, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  return buf;
}

void
_bf_demo_stamp (Demo *d, int day)
{
  char buf[11];

  g_snprintf (d->stamp, sizeof d->stamp, "%sT09:00:00Z", iso (day, buf));
  memcpy (d->updated, d->stamp, sizeof d->updated);
}

void
_bf_demo_stamp_updated (Demo *d, int day)
{
  char buf[11];

  g_snprintf (d->updated, sizeof d->updated, "%sT17:00:00Z", iso (day, buf));
}

gint64
_bf_demo_line_for (Demo *d, int year, int which)
{
  year = CLAMP (year, DEMO_FIRST_YEAR, DEMO_LAST_YEAR);
  return d->lines[year - DEMO_FIRST_YEAR][which];
}

/* ---- SQL ---- */

gint64
_bf_demo_insert (Demo *d, const char *sql, const char *types, ...)
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
  _bf_demo_uuid (d, uuid);
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

gint64
_bf_demo_id_key (const char *first17)
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
      int seq = _bf_demo_rnd (d, 0, 499) * 2 + (male ? 1 : 0);
      gint64 key;

      g_snprintf (out, 19, "%s%.4s%.2s%.2s%03d", region, date, date + 5, date + 8, seq);
      key = _bf_demo_id_key (out);
      if (!g_hash_table_contains (d->used_ids, &key))
        {
          g_hash_table_add (d->used_ids, g_memdup2 (&key, sizeof key));
          break;
        }
    }
  out[17] = bf_id_number_check_char (out);
  out[18] = '\0';
}

void
_bf_demo_name (Demo *d, const char *surname, gboolean male, int birth_year, char *out, gsize size)
{
  const char *pool = given_chars[male ? 1 : 0][birth_year < 1965 ? 0 : birth_year < 1995 ? 1 : 2];
  glong n = g_utf8_strlen (pool, -1);
  glong first = _bf_demo_rnd (d, 0, n - 1);
  const char *a = g_utf8_offset_to_pointer (pool, first);
  const char *a_end = g_utf8_next_char (a);

  if (_bf_demo_chance (d, 0.3))
    {
      g_snprintf (out, size, "%s%.*s", surname, (int) (a_end - a), a);
    }
  else
    {
      glong second = (first + _bf_demo_rnd (d, 1, n - 1)) % n;
      const char *b = g_utf8_offset_to_pointer (pool, second);
      const char *b_end = g_utf8_next_char (b);
      g_snprintf (out, size, "%s%.*s%.*s", surname, (int) (a_end - a), a, (int) (b_end - b), b);
    }
}

void
_bf_demo_phone (Demo *d, char out[12])
{
  /* One draw per statement: the order of a call's arguments is the compiler's choice, and the
   * seed must give the same register whichever compiler built it. */
  const char *prefix = PICK (d, phone_prefixes);
  int a = _bf_demo_rnd (d, 0, 9999);
  int b = _bf_demo_rnd (d, 0, 9999);

  g_snprintf (out, 12, "%s%04d%04d", prefix, a, b);
}

/* ---- people ---- */

static int
age_on (int birth, int day)
{
  GDate b, on;

  _bf_demo_julian_to_date (birth, &b);
  _bf_demo_julian_to_date (day, &on);
  return bf_age_on (&b, &on);
}

static const char *
pick_ethnicity (Demo *d)
{
  static const char *const minorities[] = { "tujia", "miao", "yao", "dong", "zhuang" };
  const char *code;

  if (_bf_demo_chance (d, 0.9))
    return "han";
  code = PICK (d, minorities);
  return bf_code_is_valid (BF_CODES_ETHNICITY, code) ? code : "han";
}

static const char *
local_or_neighbour (Demo *d, double local)
{
  return _bf_demo_chance (d, local) ? DEMO_COUNTY_CODE : PICK (d, neighbour_codes);
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
  int birth = d->today - age * 365 - _bf_demo_rnd (d, 0, 364);
  const char *region = local_or_neighbour (d, local);

  memset (m, 0, sizeof *m);
  m->relation = relation;
  m->male = male;
  m->birth = MIN (birth, d->today);
  m->ethnicity = pick_ethnicity (d);
  _bf_demo_name (d, surname != NULL ? surname : _bf_demo_pick_surname (d), male,
                 _bf_demo_year_of (m->birth), m->name, sizeof m->name);
  demo_id_number (d, region, m->birth, male, m->id_number);
  return m;
}

/* Education, school, health, labour, work and insurance from age and the household's causes. */
static void
describe_member (Demo *d, DemoMember *m)
{
  int age = age_on (m->birth, d->today);
  int born = _bf_demo_year_of (m->birth);
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
  else if (age < 18 && _bf_demo_chance (d, 0.75))
    {
      m->education = "senior", m->school_status = "senior", student = TRUE;
    }
  else if (age < 22 && _bf_demo_chance (d, 0.3))
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
      m->education = levels[_bf_demo_pick_weighted (d, w, 5)];
      m->school_status = "none";
    }

  m->health = "healthy";
  if (age >= 60 && _bf_demo_chance (d, 0.35))
    m->health = "chronic";
  else if (age >= 18 && _bf_demo_chance (d, 0.04))
    m->health = "chronic";

  if (age < 16 || age >= 65 || student)
    m->labour = "none";
  else
    m->labour = _bf_demo_chance (d, 0.2) ? "skilled" : "ordinary";

  m->work_status = "none";
  if (g_str_equal (m->labour, "ordinary") || g_str_equal (m->labour, "skilled"))
    {
      if (age >= 18 && age <= 60 && _bf_demo_chance (d, 0.65))
        {
          static const char *const where[] = { "township", "county", "province", "outside" };
          static const guint where_w[] = { 15, 25, 25, 35 };
          m->work_status = where[_bf_demo_pick_weighted (d, where_w, 4)];
          m->work_months = _bf_demo_rnd (d, 3, 12);
        }
    }

  m->medical = _bf_demo_chance (d, 0.98);
  m->serious = m->medical && _bf_demo_chance (d, 0.95);
  m->pension = (age >= 16 && !student) ? _bf_demo_chance (d, 0.88) : 0;
  if (g_str_equal (m->relation, "head") || (age >= 18 && age < 60 && _bf_demo_chance (d, 0.4)))
    _bf_demo_phone (d, m->phone);
}

/* The person the household's cause is about: the head or an older member, else anyone. */
static DemoMember *
cause_subject (Demo *d, DemoHousehold *h)
{
  guint i = _bf_demo_rnd (d, 0, h->n_members - 1);

  for (guint k = 0; k < h->n_members; k++)
    {
      DemoMember *m = &h->members[(i + k) % h->n_members];
      if (age_on (m->birth, d->today) >= 18)
        return m;
    }
  return &h->members[i];
}

void
_bf_demo_apply_cause_to_members (Demo *d, DemoHousehold *h)
{
  DemoMember *m;

  if (g_str_equal (h->cause[0]->code, "illness"))
    {
      m = cause_subject (d, h);
      m->health = _bf_demo_chance (d, 0.4) ? "serious" : "chronic";
    }
  else if (g_str_equal (h->cause[0]->code, "disability"))
    {
      m = cause_subject (d, h);
      m->health = "disabled";
      m->disability_grade = _bf_demo_rnd (d, 1, 4);
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
  int age = parent_age - _bf_demo_rnd (d, 20, 38);

  return age >= 0 ? age : _bf_demo_rnd (d, 0, parent_age - 20);
}

void
_bf_demo_make_members (Demo *d, DemoHousehold *h)
{
  static const guint size_w[] = { 28, 34, 24, 14 };
  guint size = 3 + _bf_demo_pick_weighted (d, size_w, G_N_ELEMENTS (size_w));
  gboolean head_male = _bf_demo_chance (d, 0.85);
  int head_age = _bf_demo_chance (d, 0.7) ? _bf_demo_rnd (d, 38, 68) : _bf_demo_rnd (d, 26, 82);
  const char *surname = _bf_demo_chance (d, 0.35) ? h->village->surname : _bf_demo_pick_surname (d);
  /* Children take the father's surname: a woman heading the household married into it. */
  const char *line_surname = head_male ? surname : _bf_demo_pick_surname (d);

  h->n_members = 0;
  add_member (d, h, "head", head_male, head_age, surname, 0.9);
  if (_bf_demo_chance (d, 0.92))
    {
      int age = _bf_demo_at_least (head_age + _bf_demo_rnd (d, -6, 6), 20);
      add_member (d, h, "spouse", !head_male, age, head_male ? NULL : line_surname, 0.7);
    }

  if (head_age >= 58 && size - h->n_members >= 2 && _bf_demo_chance (d, 0.55))
    {
      int son_age = _bf_demo_at_least (head_age - _bf_demo_rnd (d, 22, 32), 20);
      int wife_age;

      add_member (d, h, "son", TRUE, son_age, line_surname, 1.0);
      wife_age = _bf_demo_at_least (son_age + _bf_demo_rnd (d, -3, 3), 20);
      add_member (d, h, "daughter_in_law", FALSE, wife_age, NULL, 0.6);
      while (h->n_members < size)
        {
          gboolean male = _bf_demo_chance (d, 0.52);
          int age = child_age (d, son_age);
          add_member (d, h, male ? "grandson" : "granddaughter", male, age, line_surname, 1.0);
        }
    }
  else
    {
      if (head_age <= 52 && size - h->n_members >= 2 && _bf_demo_chance (d, 0.45))
        {
          int mother = _bf_demo_at_most (head_age + _bf_demo_rnd (d, 22, 32), 92);
          add_member (d, h, "parent", FALSE, mother, NULL, 0.8);
          if (size - h->n_members >= 2 && _bf_demo_chance (d, 0.5))
            {
              int father = _bf_demo_at_most (mother + _bf_demo_rnd (d, 0, 4), 95);
              add_member (d, h, "parent", TRUE, father, surname, 1.0);
            }
        }
      while (h->n_members < size)
        {
          gboolean male = _bf_demo_chance (d, 0.52);
          int age = child_age (d, head_age);
          add_member (d, h, male ? "son" : "daughter", male, age, line_surname, 0.95);
        }
    }

  for (guint i = 0; i < h->n_members; i++)
    describe_member (d, &h->members[i]);
}

/* ---- money ---- */

DemoSurvey *
_bf_demo_add_survey (Demo *d, DemoHousehold *h, int date, gint64 target, gboolean all_secured)
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
  s->year = _bf_demo_year_of (date);
  s->members = MAX (members, 1);
  total = target * s->members;
  s->transfer = total * _bf_demo_rnd (d, 10, 40) / 100;
  s->property = total * _bf_demo_rnd (d, 0, 5) / 100;
  s->business = total * _bf_demo_rnd (d, 10, 30) / 100;
  s->expense = s->business * _bf_demo_rnd (d, 20, 50) / 100;
  s->wage = total - s->transfer - s->property - s->business;
  s->business += s->expense;
  income = (BfIncome){ s->wage, s->business, s->property, s->transfer, s->expense };
  bf_income_per_capita (&income, s->members, &s->per_capita);

  for (guint i = 0; i < h->n_members; i++)
    if (h->members[i].school_status != NULL && !g_str_equal (h->members[i].school_status, "none") &&
        !g_str_equal (h->members[i].school_status, "preschool"))
      s->expenditure[0] += _bf_demo_rnd (d, 5, 60) * 10000;
  if (g_str_equal (h->cause[0]->code, "illness") || g_str_equal (h->cause[0]->code, "disability"))
    s->expenditure[1] = _bf_demo_rnd (d, 30, 300) * 10000;
  else
    s->expenditure[1] = _bf_demo_rnd (d, 0, 30) * 10000;
  s->expenditure[2] = _bf_demo_chance (d, 0.2) ? _bf_demo_rnd (d, 10, 200) * 10000 : 0;
  s->expenditure[3] = _bf_demo_rnd (d, 1, 6) * 10000;
  s->expenditure[4] = _bf_demo_chance (d, 0.1) ? _bf_demo_rnd (d, 50, 500) * 10000 : 0;
  s->expenditure[5] = _bf_demo_chance (d, 0.3) ? _bf_demo_rnd (d, 50, 800) * 10000 : 0;

  for (int g = 0; g < BF_N_GUARANTEES; g++)
    s->secured[g] = 1;
  if (!all_secured)
    {
      static const double gaps[BF_N_GUARANTEES] = { 0.03, 0.03, 0.08, 0.1, 0.25, 0.15 };
      for (int g = 0; g < BF_N_GUARANTEES; g++)
        if (_bf_demo_chance (d, gaps[g]))
          s->secured[g] = 0;
    }
  return s;
}

gint64
_bf_demo_target_income (Demo *d, int day, double lo, double hi)
{
  gint64 line = _bf_demo_line_for (d, _bf_demo_year_of (day), 0);

  return (gint64) (line * (lo + (hi - lo) * g_rand_double (d->rand)));
}

void
_bf_demo_init_weights (Demo *d)
{
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    d->surname_w[i] = surnames[i].weight;
  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    d->cause_w[i] = causes[i].weight;
}
