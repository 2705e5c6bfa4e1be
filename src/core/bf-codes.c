/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-codes.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Codes are stored in registers: never rename or reuse one. Labels follow docs/domain.md §3–§6 and
 * §10; their zh_CN translations are the words of the rules. */

static const BfCode cause_codes[] = {
  { "illness", N_ ("Illness") },
  { "disability", N_ ("Disability") },
  { "schooling", N_ ("Schooling") },
  { "disaster", N_ ("Disaster") },
  { "land", N_ ("Lack of land") },
  { "water", N_ ("Lack of water") },
  { "skills", N_ ("Lack of skills") },
  { "labour", N_ ("Lack of labour") },
  { "funds", N_ ("Lack of funds") },
  { "transport", N_ ("Poor transport") },
  { "motivation", N_ ("Lack of motivation to develop") },
  { "other", N_ ("Other") },
};

static const BfCode attribute_codes[] = {
  { "general", N_ ("General poor household") },
  { "dibao", N_ ("Minimum-living-allowance poor household") },
  { "tekun", N_ ("Extreme-hardship support household") },
};

static const BfCode monitoring_type_codes[] = {
  { "unstable", N_ ("Unstable after leaving poverty") },
  { "marginal", N_ ("Marginal, prone to poverty") },
  { "hardship", N_ ("Sudden severe hardship") },
};

static const BfCode standard_codes[] = {
  { "national", N_ ("National standard") },
  { "provincial", N_ ("Provincial standard") },
};

static const BfCode relation_codes[] = {
  { "head", N_ ("Head of household") },
  { "spouse", N_ ("Spouse") },
  { "son", N_ ("Son") },
  { "daughter", N_ ("Daughter") },
  { "daughter_in_law", N_ ("Daughter-in-law") },
  { "son_in_law", N_ ("Son-in-law") },
  { "grandson", N_ ("Grandson") },
  { "granddaughter", N_ ("Granddaughter") },
  { "parent", N_ ("Parent") },
  { "sibling", N_ ("Brother or sister") },
  { "other", N_ ("Other") },
};

static const BfCode sex_codes[] = {
  { "male", N_ ("Male") },
  { "female", N_ ("Female") },
};

static const BfCode ethnicity_codes[] = {
  { "han", N_ ("Han") },         { "mongol", N_ ("Mongol") },
  { "hui", N_ ("Hui") },         { "tibetan", N_ ("Tibetan") },
  { "uyghur", N_ ("Uyghur") },   { "miao", N_ ("Miao") },
  { "yi", N_ ("Yi") },           { "zhuang", N_ ("Zhuang") },
  { "bouyei", N_ ("Bouyei") },   { "korean", N_ ("Korean") },
  { "manchu", N_ ("Manchu") },   { "dong", N_ ("Dong") },
  { "yao", N_ ("Yao") },         { "bai", N_ ("Bai") },
  { "tujia", N_ ("Tujia") },     { "hani", N_ ("Hani") },
  { "kazakh", N_ ("Kazakh") },   { "dai", N_ ("Dai") },
  { "li", N_ ("Li") },           { "lisu", N_ ("Lisu") },
  { "va", N_ ("Va") },           { "she", N_ ("She") },
  { "gaoshan", N_ ("Gaoshan") }, { "lahu", N_ ("Lahu") },
  { "sui", N_ ("Sui") },         { "dongxiang", N_ ("Dongxiang") },
  { "naxi", N_ ("Naxi") },       { "jingpo", N_ ("Jingpo") },
  { "kyrgyz", N_ ("Kyrgyz") },   { "tu", N_ ("Tu") },
  { "daur", N_ ("Daur") },       { "mulao", N_ ("Mulao") },
  { "qiang", N_ ("Qiang") },     { "blang", N_ ("Blang") },
  { "salar", N_ ("Salar") },     { "maonan", N_ ("Maonan") },
  { "gelao", N_ ("Gelao") },     { "xibe", N_ ("Xibe") },
  { "achang", N_ ("Achang") },   { "pumi", N_ ("Pumi") },
  { "tajik", N_ ("Tajik") },     { "nu", N_ ("Nu") },
  { "uzbek", N_ ("Uzbek") },     { "russian", N_ ("Russian") },
  { "evenki", N_ ("Evenki") },   { "deang", N_ ("De'ang") },
  { "bonan", N_ ("Bonan") },     { "yugur", N_ ("Yugur") },
  { "gin", N_ ("Gin") },         { "tatar", N_ ("Tatar") },
  { "derung", N_ ("Derung") },   { "oroqen", N_ ("Oroqen") },
  { "hezhen", N_ ("Hezhen") },   { "monba", N_ ("Monba") },
  { "lhoba", N_ ("Lhoba") },     { "jino", N_ ("Jino") },
  { "other", N_ ("Other") },
};

static const BfCode education_codes[] = {
  { "illiterate", N_ ("Illiterate or semi-literate") },
  { "primary", N_ ("Primary school") },
  { "junior", N_ ("Junior secondary school") },
  { "senior", N_ ("Senior or technical secondary school") },
  { "college", N_ ("College or above") },
};

static const BfCode school_status_codes[] = {
  { "preschool", N_ ("Preschool") },
  { "primary", N_ ("Primary school") },
  { "junior", N_ ("Junior secondary school") },
  { "senior", N_ ("Senior or vocational secondary school") },
  { "college", N_ ("In college or above") },
  { "none", N_ ("Not in school") },
};

static const BfCode health_codes[] = {
  { "healthy", N_ ("Healthy") },
  { "chronic", N_ ("Long-term chronic illness") },
  { "serious", N_ ("Serious illness") },
  { "disabled", N_ ("Disabled") },
};

static const BfCode labour_codes[] = {
  { "ordinary", N_ ("Ordinary labour") },
  { "skilled", N_ ("Skilled labour") },
  { "lost", N_ ("Lost labour ability") },
  { "none", N_ ("No labour ability") },
};

static const BfCode work_status_codes[] = {
  { "township", N_ ("Within the township") },
  { "county", N_ ("Outside the township, within the county") },
  { "province", N_ ("Outside the county, within the province") },
  { "outside", N_ ("Outside the province") },
  { "none", N_ ("Not working away") },
};

static const BfCode measure_category_codes[] = {
  { "industry", N_ ("Industry") },
  { "employment", N_ ("Employment") },
  { "education", N_ ("Education") },
  { "health", N_ ("Health care") },
  { "ecology", N_ ("Ecology") },
  { "housing", N_ ("Housing (renovation or relocation)") },
  { "social_security", N_ ("Social security (allowance, support, relief)") },
  { "finance", N_ ("Finance (microcredit)") },
  { "other", N_ ("Other") },
};

static const BfCode measure_status_codes[] = {
  { "planned", N_ ("Planned") },
  { "in_progress", N_ ("In progress") },
  { "completed", N_ ("Completed") },
  { "cancelled", N_ ("Cancelled") },
};

static const BfCode department_codes[] = {
  { "poverty", N_ ("Poverty alleviation") },
  { "civil_affairs", N_ ("Civil affairs") },
  { "education", N_ ("Education") },
  { "health", N_ ("Health commission") },
  { "housing", N_ ("Housing and construction") },
  { "hrss", N_ ("Human resources and social security") },
  { "transport", N_ ("Transport") },
  { "water", N_ ("Water resources") },
  { "agriculture", N_ ("Agriculture and rural affairs") },
  { "medical_insurance", N_ ("Medical insurance") },
};

static const BfCode helper_level_codes[] = {
  { "province", N_ ("Provincial unit") }, { "city", N_ ("Municipal unit") },
  { "county", N_ ("County unit") },       { "township", N_ ("Township level") },
  { "village", N_ ("Village level") },
};

static const BfCode visit_mode_codes[] = {
  { "home", N_ ("Home visit") },
  { "phone", N_ ("By phone") },
};

static const BfCode satisfaction_codes[] = {
  { "satisfied", N_ ("Satisfied") },
  { "fairly", N_ ("Fairly satisfied") },
  { "dissatisfied", N_ ("Dissatisfied") },
};

static const BfCode notice_kind_codes[] = {
  { "village_identification", N_ ("Village identification notice") },
  { "township", N_ ("Township notice") },
  { "county", N_ ("County announcement") },
  { "exit", N_ ("Exit notice") },
};

static const BfCode notice_state_codes[] = {
  { "draft", N_ ("Draft") },
  { "posted", N_ ("Posted") },
  { "closed", N_ ("Closed") },
};

static const BfCode objection_result_codes[] = {
  { "pending", N_ ("Pending") },
  { "upheld", N_ ("Upheld") },
  { "dismissed", N_ ("Dismissed") },
};

static const BfCode adjustment_kind_codes[] = {
  { "new", N_ ("New identification") },
  { "exit", N_ ("Exit") },
  { "returned", N_ ("Returned to poverty") },
  { "natural", N_ ("Natural change") },
  { "change", N_ ("Information change") },
  { "correction", N_ ("Correction of inaccurate identification") },
};

static const BfCode natural_change_codes[] = {
  { "birth", N_ ("Birth") },
  { "death", N_ ("Death") },
  { "marriage", N_ ("Marriage") },
  { "moving", N_ ("Moving") },
};

static const BfCode meeting_kind_codes[] = {
  { "villagers", N_ ("Villagers’ assembly") },
  { "representatives", N_ ("Villagers’ representatives meeting") },
};

static const BfCode income_level_codes[] = {
  { "below", N_ ("Below the poverty line") },
  { "near", N_ ("Near the line") },
  { "above", N_ ("Safely above the line") },
};
static const struct
{
  const BfCode *codes;
  gsize n_codes;
} lists[BF_N_CODE_LISTS] = {
  [BF_CODES_CAUSE] = { cause_codes, G_N_ELEMENTS (cause_codes) },
  [BF_CODES_ATTRIBUTE] = { attribute_codes, G_N_ELEMENTS (attribute_codes) },
  [BF_CODES_MONITORING_TYPE] = { monitoring_type_codes, G_N_ELEMENTS (monitoring_type_codes) },
  [BF_CODES_STANDARD] = { standard_codes, G_N_ELEMENTS (standard_codes) },
  [BF_CODES_RELATION] = { relation_codes, G_N_ELEMENTS (relation_codes) },
  [BF_CODES_SEX] = { sex_codes, G_N_ELEMENTS (sex_codes) },
  [BF_CODES_ETHNICITY] = { ethnicity_codes, G_N_ELEMENTS (ethnicity_codes) },
  [BF_CODES_EDUCATION] = { education_codes, G_N_ELEMENTS (education_codes) },
  [BF_CODES_SCHOOL_STATUS] = { school_status_codes, G_N_ELEMENTS (school_status_codes) },
  [BF_CODES_HEALTH] = { health_codes, G_N_ELEMENTS (health_codes) },
  [BF_CODES_LABOUR] = { labour_codes, G_N_ELEMENTS (labour_codes) },
  [BF_CODES_WORK_STATUS] = { work_status_codes, G_N_ELEMENTS (work_status_codes) },
  [BF_CODES_MEASURE_CATEGORY] = { measure_category_codes, G_N_ELEMENTS (measure_category_codes) },
  [BF_CODES_MEASURE_STATUS] = { measure_status_codes, G_N_ELEMENTS (measure_status_codes) },
  [BF_CODES_DEPARTMENT] = { department_codes, G_N_ELEMENTS (department_codes) },
  [BF_CODES_HELPER_LEVEL] = { helper_level_codes, G_N_ELEMENTS (helper_level_codes) },
  [BF_CODES_VISIT_MODE] = { visit_mode_codes, G_N_ELEMENTS (visit_mode_codes) },
  [BF_CODES_SATISFACTION] = { satisfaction_codes, G_N_ELEMENTS (satisfaction_codes) },
  [BF_CODES_NOTICE_KIND] = { notice_kind_codes, G_N_ELEMENTS (notice_kind_codes) },
  [BF_CODES_NOTICE_STATE] = { notice_state_codes, G_N_ELEMENTS (notice_state_codes) },
  [BF_CODES_OBJECTION_RESULT] = { objection_result_codes, G_N_ELEMENTS (objection_result_codes) },
  [BF_CODES_ADJUSTMENT_KIND] = { adjustment_kind_codes, G_N_ELEMENTS (adjustment_kind_codes) },
  [BF_CODES_NATURAL_CHANGE] = { natural_change_codes, G_N_ELEMENTS (natural_change_codes) },
  [BF_CODES_MEETING_KIND] = { meeting_kind_codes, G_N_ELEMENTS (meeting_kind_codes) },
  [BF_CODES_INCOME_LEVEL] = { income_level_codes, G_N_ELEMENTS (income_level_codes) },
};

const BfCode *
bf_codes (BfCodeList list, gsize *n_codes)
{
  g_return_val_if_fail (list < BF_N_CODE_LISTS, NULL);

  if (n_codes != NULL)
    *n_codes = lists[list].n_codes;
  return lists[list].codes;
}

static const BfCode *
find (BfCodeList list, const char *code)
{
  g_return_val_if_fail (list < BF_N_CODE_LISTS, NULL);

  if (code == NULL)
    return NULL;
  for (gsize i = 0; i < lists[list].n_codes; i++)
    if (strcmp (lists[list].codes[i].code, code) == 0)
      return &lists[list].codes[i];
  return NULL;
}

const char *
bf_code_label (BfCodeList list, const char *code)
{
  const BfCode *found = find (list, code);

  return found ? g_dgettext (GETTEXT_PACKAGE, found->label) : NULL;
}

gboolean
bf_code_is_valid (BfCodeList list, const char *code)
{
  return find (list, code) != NULL;
}
