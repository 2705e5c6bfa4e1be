/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The code lists of docs/domain.md §3–§6: stable ASCII codes stored in the register, with English
 * labels marked for translation (zh_CN in po/). */
typedef enum
{
  BF_CODES_CAUSE, /* illness, disability, schooling, disaster, land, water, skills, labour, funds,
                     transport, motivation, other */
  BF_CODES_ATTRIBUTE,        /* general, dibao, tekun */
  BF_CODES_MONITORING_TYPE,  /* unstable, marginal, hardship */
  BF_CODES_STANDARD,         /* national, provincial */
  BF_CODES_RELATION,         /* head, spouse, son, daughter, daughter_in_law, son_in_law, grandson,
                                granddaughter, parent, sibling, other */
  BF_CODES_SEX,              /* male, female */
  BF_CODES_ETHNICITY,        /* han, zhuang, hui, … (the 56 groups), other */
  BF_CODES_EDUCATION,        /* illiterate, primary, junior, senior, college */
  BF_CODES_SCHOOL_STATUS,    /* preschool, primary, junior, senior, college, none */
  BF_CODES_HEALTH,           /* healthy, chronic, serious, disabled */
  BF_CODES_LABOUR,           /* ordinary, skilled, lost, none */
  BF_CODES_WORK_STATUS,      /* township, county, province, outside, none */
  BF_CODES_MEASURE_CATEGORY, /* industry, employment, education, health, ecology, housing,
                                social_security, finance, other */
  BF_CODES_MEASURE_STATUS,   /* planned, in_progress, completed, cancelled */
  BF_CODES_DEPARTMENT,       /* poverty, civil_affairs, education, health, housing, hrss, transport,
                                water, agriculture, medical_insurance */
  BF_CODES_HELPER_LEVEL,     /* province, city, county, township, village */
  BF_CODES_VISIT_MODE,       /* home, phone */
  BF_CODES_SATISFACTION,     /* satisfied, fairly, dissatisfied */
  BF_CODES_NOTICE_KIND,      /* village_identification, township, county, exit */
  BF_CODES_NOTICE_STATE,     /* draft, posted, closed */
  BF_CODES_OBJECTION_RESULT, /* pending, upheld, dismissed */
  BF_CODES_ADJUSTMENT_KIND,  /* new, exit, returned, natural, change, correction */
  BF_CODES_NATURAL_CHANGE,   /* birth, death, marriage, moving */
  BF_CODES_MEETING_KIND,     /* villagers, representatives */
  BF_CODES_INCOME_LEVEL,     /* below, near, above */
  BF_N_CODE_LISTS
} BfCodeList;

typedef struct
{
  const char *code;  /* stable, stored */
  const char *label; /* English msgid; translate with bf_code_label() */
} BfCode;

/* The codes of @list in display order; @n_codes receives their number. */
const BfCode *bf_codes (BfCodeList list, gsize *n_codes);
/* Translated label, or NULL when @code is not in @list. */
const char *bf_code_label (BfCodeList list, const char *code);
gboolean bf_code_is_valid (BfCodeList list, const char *code);

G_END_DECLS
