/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bf-ledger.h"

/* The county imports the ledger into the national system, which knows its values by these exact
 * Chinese words, whatever language the caseworker's desktop runs in: so the ledger does not go
 * through gettext. tests/test-report-ledger.c checks that every code of the core's lists used here
 * has its word. */

typedef struct
{
  const char *code;
  const char *word;
} Word;

static const Word causes[] = {
  { "illness", "因病" },
  { "disability", "因残" },
  { "schooling", "因学" },
  { "disaster", "因灾" },
  { "land", "缺土地" },
  { "water", "缺水" },
  { "skills", "缺技术" },
  { "labour", "缺劳力" },
  { "funds", "缺资金" },
  { "transport", "交通条件落后" },
  { "motivation", "自身发展动力不足" },
  { "other", "其他" },
};

static const Word attributes[] = {
  { "general", "一般贫困户" },
  { "dibao", "低保贫困户" },
  { "tekun", "特困供养户" },
};

static const Word monitoring_types[] = {
  { "unstable", "脱贫不稳定户" },
  { "marginal", "边缘易致贫户" },
  { "hardship", "突发严重困难户" },
};

static const Word standards[] = {
  { "national", "国家标准" },
  { "provincial", "省定标准" },
};

static const Word relations[] = {
  { "head", "户主" },        { "spouse", "配偶" },          { "son", "子" },
  { "daughter", "女" },      { "daughter_in_law", "儿媳" }, { "son_in_law", "女婿" },
  { "grandson", "孙子" },    { "granddaughter", "孙女" },   { "parent", "父母" },
  { "sibling", "兄弟姐妹" }, { "other", "其他" },
};

static const Word sexes[] = {
  { "male", "男" },
  { "female", "女" },
};

/* GB 3304 order and names. */
static const Word ethnicities[] = {
  { "han", "汉族" },         { "mongol", "蒙古族" },     { "hui", "回族" },
  { "tibetan", "藏族" },     { "uyghur", "维吾尔族" },   { "miao", "苗族" },
  { "yi", "彝族" },          { "zhuang", "壮族" },       { "bouyei", "布依族" },
  { "korean", "朝鲜族" },    { "manchu", "满族" },       { "dong", "侗族" },
  { "yao", "瑶族" },         { "bai", "白族" },          { "tujia", "土家族" },
  { "hani", "哈尼族" },      { "kazakh", "哈萨克族" },   { "dai", "傣族" },
  { "li", "黎族" },          { "lisu", "傈僳族" },       { "va", "佤族" },
  { "she", "畲族" },         { "gaoshan", "高山族" },    { "lahu", "拉祜族" },
  { "sui", "水族" },         { "dongxiang", "东乡族" },  { "naxi", "纳西族" },
  { "jingpo", "景颇族" },    { "kyrgyz", "柯尔克孜族" }, { "tu", "土族" },
  { "daur", "达斡尔族" },    { "mulao", "仫佬族" },      { "qiang", "羌族" },
  { "blang", "布朗族" },     { "salar", "撒拉族" },      { "maonan", "毛南族" },
  { "gelao", "仡佬族" },     { "xibe", "锡伯族" },       { "achang", "阿昌族" },
  { "pumi", "普米族" },      { "tajik", "塔吉克族" },    { "nu", "怒族" },
  { "uzbek", "乌孜别克族" }, { "russian", "俄罗斯族" },  { "evenki", "鄂温克族" },
  { "deang", "德昂族" },     { "bonan", "保安族" },      { "yugur", "裕固族" },
  { "gin", "京族" },         { "tatar", "塔塔尔族" },    { "derung", "独龙族" },
  { "oroqen", "鄂伦春族" },  { "hezhen", "赫哲族" },     { "monba", "门巴族" },
  { "lhoba", "珞巴族" },     { "jino", "基诺族" },       { "other", "其他" },
};

static const Word educations[] = {
  { "illiterate", "文盲或半文盲" }, { "primary", "小学" },       { "junior", "初中" },
  { "senior", "高中/中专" },        { "college", "大专及以上" },
};

static const Word school_statuses[] = {
  { "preschool", "学前" },   { "primary", "小学" },           { "junior", "初中" },
  { "senior", "高中/中职" }, { "college", "大专及以上在校" }, { "none", "非在校生" },
};

static const Word healths[] = {
  { "healthy", "健康" },
  { "chronic", "长期慢性病" },
  { "serious", "患有大病" },
  { "disabled", "残疾" },
};

static const Word labours[] = {
  { "ordinary", "普通劳动力" },
  { "skilled", "技能劳动力" },
  { "lost", "丧失劳动力" },
  { "none", "无劳动力" },
};

static const Word work_statuses[] = {
  { "township", "乡内务工" }, { "county", "乡外县内务工" }, { "province", "县外省内务工" },
  { "outside", "省外务工" },  { "none", "未务工" },
};

static const Word measure_categories[] = {
  { "industry", "产业" },
  { "employment", "就业" },
  { "education", "教育" },
  { "health", "健康医疗" },
  { "ecology", "生态" },
  { "housing", "住房" },
  { "social_security", "社会保障" },
  { "finance", "金融" },
  { "other", "其他" },
};

static const Word measure_statuses[] = {
  { "planned", "计划" },
  { "in_progress", "实施中" },
  { "completed", "已完成" },
  { "cancelled", "已取消" },
};

static const Word departments[] = {
  { "poverty", "扶贫" },           { "civil_affairs", "民政" }, { "education", "教育" },
  { "health", "卫生健康" },        { "housing", "住建" },       { "hrss", "人社" },
  { "transport", "交通" },         { "water", "水利" },         { "agriculture", "农业农村" },
  { "medical_insurance", "医保" },
};

static const Word visit_modes[] = {
  { "home", "入户" },
  { "phone", "电话" },
};

static const Word satisfactions[] = {
  { "satisfied", "满意" },
  { "fairly", "基本满意" },
  { "dissatisfied", "不满意" },
};

static const Word notice_kinds[] = {
  { "village_identification", "识别村级公示" },
  { "township", "乡镇公示" },
  { "county", "县级公告" },
  { "exit", "退出公示" },
};

static const Word notice_states[] = {
  { "draft", "草稿" },
  { "posted", "公示中" },
  { "closed", "已结束" },
};

static const Word objection_results[] = {
  { "pending", "待处理" },
  { "upheld", "异议成立" },
  { "dismissed", "异议不成立" },
};

static const Word adjustment_kinds[] = {
  { "new", "新识别" },       { "exit", "退出" },       { "returned", "返贫" },
  { "natural", "自然增减" }, { "change", "信息变更" }, { "correction", "识别不准纠错" },
};

static const Word natural_changes[] = {
  { "birth", "出生" },
  { "death", "死亡" },
  { "marriage", "婚嫁" },
  { "moving", "迁移" },
};

static const struct
{
  const Word *words;
  gsize n_words;
} lists[BF_N_CODE_LISTS] = {
#define LIST(id, array) [id] = { array, G_N_ELEMENTS (array) }
  LIST (BF_CODES_CAUSE, causes),
  LIST (BF_CODES_ATTRIBUTE, attributes),
  LIST (BF_CODES_MONITORING_TYPE, monitoring_types),
  LIST (BF_CODES_STANDARD, standards),
  LIST (BF_CODES_RELATION, relations),
  LIST (BF_CODES_SEX, sexes),
  LIST (BF_CODES_ETHNICITY, ethnicities),
  LIST (BF_CODES_EDUCATION, educations),
  LIST (BF_CODES_SCHOOL_STATUS, school_statuses),
  LIST (BF_CODES_HEALTH, healths),
  LIST (BF_CODES_LABOUR, labours),
  LIST (BF_CODES_WORK_STATUS, work_statuses),
  LIST (BF_CODES_MEASURE_CATEGORY, measure_categories),
  LIST (BF_CODES_MEASURE_STATUS, measure_statuses),
  LIST (BF_CODES_DEPARTMENT, departments),
  LIST (BF_CODES_VISIT_MODE, visit_modes),
  LIST (BF_CODES_SATISFACTION, satisfactions),
  LIST (BF_CODES_NOTICE_KIND, notice_kinds),
  LIST (BF_CODES_NOTICE_STATE, notice_states),
  LIST (BF_CODES_OBJECTION_RESULT, objection_results),
  LIST (BF_CODES_ADJUSTMENT_KIND, adjustment_kinds),
  LIST (BF_CODES_NATURAL_CHANGE, natural_changes),
#undef LIST
};

/* Indexed by BfStatus. */
static const Word statuses[] = {
  { "surveyed", "入户调查" },
  { "verified", "入户核查" },
  { "appraised", "民主评议" },
  { "village_notice", "村级公示" },
  { "township_reviewed", "乡镇审核" },
  { "township_notice", "乡镇公示" },
  { "registered", "帮扶中" },
  { "rejected", "未纳入" },
  { "exit_assessed", "脱贫评估" },
  { "exit_notice", "退出公示" },
  { "exit_accepted", "乡镇验收" },
  { "exited", "已脱贫" },
  { "returned", "返贫" },
};

static const char *
find (const Word *words, gsize n_words, const char *code)
{
  gsize i;

  if (code == NULL)
    return NULL;
  for (i = 0; i < n_words; i++)
    if (strcmp (words[i].code, code) == 0)
      return words[i].word;
  return NULL;
}

const char *
bf_ledger_code_label (BfCodeList list, const char *code)
{
  g_return_val_if_fail ((guint) list < BF_N_CODE_LISTS, NULL);
  return find (lists[list].words, lists[list].n_words, code);
}

const char *
bf_ledger_status_label (const char *status)
{
  return find (statuses, G_N_ELEMENTS (statuses), status);
}
