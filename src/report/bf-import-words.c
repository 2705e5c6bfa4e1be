/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words sheets use for the register's codes: the national system's (bf_ledger_code_label(),
 * so that Bangfu's own ledger imports again), the codes themselves, and what counties write
 * instead. A word that is none of them is no code: the row says so. */
#include "config.h"

#include <string.h>

#include "bf-import-private.h"
#include "bf-ledger.h"
#include "bf-lifecycle.h"

typedef struct
{
  BfCodeList list;
  const char *word;
  const char *code;
} Synonym;

/* clang-format off */
static const Synonym synonyms[] = {
  { BF_CODES_ATTRIBUTE, "一般户", "general" },
  { BF_CODES_ATTRIBUTE, "一般", "general" },
  { BF_CODES_ATTRIBUTE, "一般贫困", "general" },
  { BF_CODES_ATTRIBUTE, "一般农户", "general" },
  { BF_CODES_ATTRIBUTE, "低保户", "dibao" },
  { BF_CODES_ATTRIBUTE, "低保", "dibao" },
  { BF_CODES_ATTRIBUTE, "低保贫困", "dibao" },
  { BF_CODES_ATTRIBUTE, "低保家庭", "dibao" },
  { BF_CODES_ATTRIBUTE, "五保户", "tekun" },
  { BF_CODES_ATTRIBUTE, "五保", "tekun" },
  { BF_CODES_ATTRIBUTE, "五保贫困户", "tekun" },
  { BF_CODES_ATTRIBUTE, "特困户", "tekun" },
  { BF_CODES_ATTRIBUTE, "特困", "tekun" },
  { BF_CODES_ATTRIBUTE, "特困供养", "tekun" },
  { BF_CODES_ATTRIBUTE, "特困供养贫困户", "tekun" },
  { BF_CODES_ATTRIBUTE, "特困供养人员", "tekun" },
  { BF_CODES_MONITORING_TYPE, "脱贫不稳定", "unstable" },
  { BF_CODES_MONITORING_TYPE, "不稳定户", "unstable" },
  { BF_CODES_MONITORING_TYPE, "边缘易致贫", "marginal" },
  { BF_CODES_MONITORING_TYPE, "边缘户", "marginal" },
  { BF_CODES_MONITORING_TYPE, "边缘易致贫户", "marginal" },
  { BF_CODES_MONITORING_TYPE, "突发严重困难", "hardship" },
  { BF_CODES_MONITORING_TYPE, "突发困难户", "hardship" },
  { BF_CODES_MONITORING_TYPE, "严重困难户", "hardship" },
  { BF_CODES_STANDARD, "国标", "national" },
  { BF_CODES_STANDARD, "省标", "provincial" },
  { BF_CODES_CAUSE, "缺劳动力", "labour" },
  { BF_CODES_CAUSE, "交通落后", "transport" },
  { BF_CODES_CAUSE, "交通条件差", "transport" },
  { BF_CODES_CAUSE, "缺乏内生动力", "motivation" },
  { BF_CODES_CAUSE, "内生动力不足", "motivation" },
  { BF_CODES_CAUSE, "其它", "other" },
  { BF_CODES_RELATION, "本人", "head" },
  { BF_CODES_RELATION, "户主本人", "head" },
  { BF_CODES_RELATION, "妻", "spouse" },
  { BF_CODES_RELATION, "妻子", "spouse" },
  { BF_CODES_RELATION, "夫", "spouse" },
  { BF_CODES_RELATION, "丈夫", "spouse" },
  { BF_CODES_RELATION, "儿子", "son" },
  { BF_CODES_RELATION, "长子", "son" },
  { BF_CODES_RELATION, "次子", "son" },
  { BF_CODES_RELATION, "三子", "son" },
  { BF_CODES_RELATION, "独子", "son" },
  { BF_CODES_RELATION, "之子", "son" },
  { BF_CODES_RELATION, "女儿", "daughter" },
  { BF_CODES_RELATION, "长女", "daughter" },
  { BF_CODES_RELATION, "次女", "daughter" },
  { BF_CODES_RELATION, "三女", "daughter" },
  { BF_CODES_RELATION, "独女", "daughter" },
  { BF_CODES_RELATION, "之女", "daughter" },
  { BF_CODES_RELATION, "媳妇", "daughter_in_law" },
  { BF_CODES_RELATION, "儿媳妇", "daughter_in_law" },
  { BF_CODES_RELATION, "外孙子", "grandson" },
  { BF_CODES_RELATION, "外孙", "grandson" },
  { BF_CODES_RELATION, "外孙女", "granddaughter" },
  { BF_CODES_RELATION, "父亲", "parent" },
  { BF_CODES_RELATION, "母亲", "parent" },
  { BF_CODES_RELATION, "父", "parent" },
  { BF_CODES_RELATION, "母", "parent" },
  { BF_CODES_RELATION, "岳父", "parent" },
  { BF_CODES_RELATION, "岳母", "parent" },
  { BF_CODES_RELATION, "公公", "parent" },
  { BF_CODES_RELATION, "婆婆", "parent" },
  { BF_CODES_RELATION, "兄", "sibling" },
  { BF_CODES_RELATION, "弟", "sibling" },
  { BF_CODES_RELATION, "姐", "sibling" },
  { BF_CODES_RELATION, "妹", "sibling" },
  { BF_CODES_RELATION, "哥哥", "sibling" },
  { BF_CODES_RELATION, "弟弟", "sibling" },
  { BF_CODES_RELATION, "姐姐", "sibling" },
  { BF_CODES_RELATION, "妹妹", "sibling" },
  { BF_CODES_RELATION, "兄弟", "sibling" },
  { BF_CODES_RELATION, "姐妹", "sibling" },
  { BF_CODES_RELATION, "其它", "other" },
  { BF_CODES_SEX, "男性", "male" },
  { BF_CODES_SEX, "女性", "female" },
  { BF_CODES_EDUCATION, "文盲", "illiterate" },
  { BF_CODES_EDUCATION, "半文盲", "illiterate" },
  { BF_CODES_EDUCATION, "小学文化", "primary" },
  { BF_CODES_EDUCATION, "初中文化", "junior" },
  { BF_CODES_EDUCATION, "高中", "senior" },
  { BF_CODES_EDUCATION, "中专", "senior" },
  { BF_CODES_EDUCATION, "中职", "senior" },
  { BF_CODES_EDUCATION, "技校", "senior" },
  { BF_CODES_EDUCATION, "高中(含中专)", "senior" },
  { BF_CODES_EDUCATION, "高中及中专", "senior" },
  { BF_CODES_EDUCATION, "大专", "college" },
  { BF_CODES_EDUCATION, "本科", "college" },
  { BF_CODES_EDUCATION, "大学", "college" },
  { BF_CODES_EDUCATION, "大学本科", "college" },
  { BF_CODES_EDUCATION, "本科及以上", "college" },
  { BF_CODES_EDUCATION, "研究生", "college" },
  { BF_CODES_SCHOOL_STATUS, "学前教育", "preschool" },
  { BF_CODES_SCHOOL_STATUS, "学龄前", "preschool" },
  { BF_CODES_SCHOOL_STATUS, "小学在读", "primary" },
  { BF_CODES_SCHOOL_STATUS, "初中在读", "junior" },
  { BF_CODES_SCHOOL_STATUS, "高中在读", "senior" },
  { BF_CODES_SCHOOL_STATUS, "中职在读", "senior" },
  { BF_CODES_SCHOOL_STATUS, "高中/中职在读", "senior" },
  { BF_CODES_SCHOOL_STATUS, "高中", "senior" },
  { BF_CODES_SCHOOL_STATUS, "中职", "senior" },
  { BF_CODES_SCHOOL_STATUS, "大专及以上", "college" },
  { BF_CODES_SCHOOL_STATUS, "大学在读", "college" },
  { BF_CODES_SCHOOL_STATUS, "非在校", "none" },
  { BF_CODES_SCHOOL_STATUS, "不在校", "none" },
  { BF_CODES_SCHOOL_STATUS, "否", "none" },
  { BF_CODES_HEALTH, "慢性病", "chronic" },
  { BF_CODES_HEALTH, "长期慢病", "chronic" },
  { BF_CODES_HEALTH, "大病", "serious" },
  { BF_CODES_HEALTH, "重病", "serious" },
  { BF_CODES_HEALTH, "残疾人", "disabled" },
  { BF_CODES_LABOUR, "普通", "ordinary" },
  { BF_CODES_LABOUR, "技能", "skilled" },
  { BF_CODES_LABOUR, "丧失", "lost" },
  { BF_CODES_LABOUR, "丧失劳动能力", "lost" },
  { BF_CODES_LABOUR, "无劳动能力", "none" },
  { BF_CODES_WORK_STATUS, "乡内", "township" },
  { BF_CODES_WORK_STATUS, "乡(镇)内务工", "township" },
  { BF_CODES_WORK_STATUS, "乡镇内务工", "township" },
  { BF_CODES_WORK_STATUS, "乡外县内", "county" },
  { BF_CODES_WORK_STATUS, "县内务工", "county" },
  { BF_CODES_WORK_STATUS, "县外省内", "province" },
  { BF_CODES_WORK_STATUS, "省内务工", "province" },
  { BF_CODES_WORK_STATUS, "省外", "outside" },
  { BF_CODES_WORK_STATUS, "未务工", "none" },
  { BF_CODES_WORK_STATUS, "不务工", "none" },
  { BF_CODES_WORK_STATUS, "无", "none" },
  { BF_CODES_WORK_STATUS, "否", "none" },
};
/* clang-format on */

/* Per list: folded word → code. */
static GHashTable *
words (BfCodeList list)
{
  static gsize ready;
  static GHashTable *tables[BF_N_CODE_LISTS];

  if (g_once_init_enter (&ready))
    {
      for (guint l = 0; l < BF_N_CODE_LISTS; l++)
        {
          GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          gsize n_codes;
          const BfCode *codes = bf_codes (l, &n_codes);

          for (gsize i = 0; i < n_codes; i++)
            {
              const char *word = bf_ledger_code_label (l, codes[i].code);

              g_hash_table_insert (table, g_strdup (codes[i].code), (gpointer) codes[i].code);
              if (word != NULL)
                g_hash_table_insert (table, _bf_import_fold (word), (gpointer) codes[i].code);
            }
          tables[l] = table;
        }
      for (gsize i = 0; i < G_N_ELEMENTS (synonyms); i++)
        {
          char *word = _bf_import_fold (synonyms[i].word);

          g_assert (bf_code_is_valid (synonyms[i].list, synonyms[i].code));
          if (!g_hash_table_contains (tables[synonyms[i].list], word))
            g_hash_table_insert (tables[synonyms[i].list], word, (gpointer) synonyms[i].code);
          else
            g_free (word);
        }
      g_once_init_leave (&ready, 1);
    }
  return tables[list];
}

static const char *
lookup (BfCodeList list, const char *folded)
{
  return g_hash_table_lookup (words (list), folded);
}

int
_bf_import_grade (const char *word)
{
  static const char *const numerals[] = { "一", "二", "三", "四" };
  g_autofree char *folded = _bf_import_fold (word);

  if (*folded == '\0' || strcmp (folded, "无") == 0 || strcmp (folded, "否") == 0 ||
      strcmp (folded, "0") == 0)
    return 0;
  if (folded[0] >= '1' && folded[0] <= '4' && (folded[1] == '\0' || strstr (folded, "级") != NULL))
    return folded[0] - '0';
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    {
      g_autofree char *grade = g_strconcat (numerals[i], "级", NULL);
      g_autofree char *digit = g_strdup_printf ("%u级", i + 1);

      if (strstr (folded, grade) != NULL || strstr (folded, digit) != NULL)
        return (int) i + 1;
    }
  return -1;
}

const char *
_bf_import_word_code (BfCodeList list, const char *word, int *grade)
{
  g_autofree char *folded = _bf_import_fold (word);
  const char *code;

  if (grade != NULL)
    *grade = 0;
  if (*folded == '\0')
    return NULL;
  code = lookup (list, folded);
  if (code != NULL)
    return code;
  /* "因病致贫", "汉", "残疾二级" / "肢体残疾(三级)" */
  if (list == BF_CODES_CAUSE && g_str_has_suffix (folded, "致贫"))
    {
      folded[strlen (folded) - strlen ("致贫")] = '\0';
      return lookup (list, folded);
    }
  if (list == BF_CODES_ETHNICITY && !g_str_has_suffix (folded, "族"))
    {
      g_autofree char *with = g_strconcat (folded, "族", NULL);

      return lookup (list, with);
    }
  if (list == BF_CODES_HEALTH && strstr (folded, "残疾") != NULL)
    {
      int found = _bf_import_grade (folded);

      /* A grade that is written must be one of the four. */
      if (found < 0 && strstr (folded, "级") != NULL)
        return NULL;
      if (grade != NULL)
        *grade = MAX (found, 0);
      return "disabled";
    }
  return NULL;
}

const char *
_bf_import_status_code (const char *word)
{
  g_autofree char *folded = _bf_import_fold (word);

  for (guint i = 0; i < BF_N_STATUSES; i++)
    {
      const char *code = bf_status_code (i);
      const char *label = bf_ledger_status_label (code);
      g_autofree char *label_folded = _bf_import_fold (label);

      if (strcmp (folded, code) == 0 || strcmp (folded, label_folded) == 0)
        return code;
    }
  return NULL;
}

int
_bf_import_yes_no (const char *word)
{
  static const char *const yes[] = { "是", "有", "y",      "yes",  "true",  "1",
                                     "√",  "✓",  "已参加", "参加", "已解决" };
  static const char *const no[] = { "否", "无", "n",      "no",   "false", "0",
                                    "×",  "✗",  "未参加", "不是", "未解决" };
  g_autofree char *folded = _bf_import_fold (word);
  g_autofree char *lower = g_utf8_casefold (folded, -1);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (lower, yes[i]) == 0)
      return 1;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (strcmp (lower, no[i]) == 0)
      return 0;
  return -1;
}
