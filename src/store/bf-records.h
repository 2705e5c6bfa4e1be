/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain records exchanged with the store. Strings are owned (g_free), NULL = not recorded.
 * Dates are ISO "YYYY-MM-DD" strings; money is integer fen; codes are the stable strings of
 * src/core/bf-codes.h. Tri-state booleans are int: -1 not recorded, 0 no, 1 yes. */

typedef struct
{
  gint64 id;
  char *uuid;
  char *name;
} BfGroup;

typedef struct
{
  gint64 id;
  char *uuid;
  char *name;
  GPtrArray *groups; /* BfGroup */
} BfVillage;

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  char *person_number;
  char *name;
  char *id_number;
  char *relation;
  char *sex; /* "male" / "female", derived from the ID number */
  char *birth_date;
  char *ethnicity;
  char *education;
  char *school_status;
  char *health;
  int disability_grade; /* 0: none */
  char *labour;
  char *work_status;
  int work_months;
  int medical_insurance;
  int serious_illness_insurance;
  int pension_insurance;
  char *phone;
} BfMember;

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  int year;
  char *surveyed_on;
  char *surveyor;
  char *verifier;
  char *verified_on;
  gint64 wage_fen;
  gint64 business_fen;
  gint64 property_fen;
  gint64 transfer_fen;
  gint64 business_expense_fen;
  gint64 education_expense_fen;
  gint64 medical_expense_fen;
  gint64 housing_expense_fen;
  gint64 pension_expense_fen;
  gint64 rigid_expense_fen;
  gint64 debt_fen;
  gint64 per_capita_fen; /* computed by the store from the income and the members */
  int secured[6];        /* food, clothing, education, medical, housing, water */
  char *secured_note[6];
} BfSurvey;

typedef enum
{
  BF_GUARANTEE_FOOD,
  BF_GUARANTEE_CLOTHING,
  BF_GUARANTEE_EDUCATION,
  BF_GUARANTEE_MEDICAL,
  BF_GUARANTEE_HOUSING,
  BF_GUARANTEE_WATER,
  BF_N_GUARANTEES
} BfGuarantee;

typedef struct
{
  gint64 id; /* 0: new */
  char *uuid;
  char *number;
  gint64 village_id;
  gint64 group_id;
  char *village_name; /* filled on read */
  char *group_name;   /* filled on read */
  char *address;
  char *phone;
  char *bank_name;
  char *bank_account;
  char *attribute;
  char *monitoring_type;
  char *standard;
  char *primary_cause;
  char *other_causes[2];
  char *cause_note;
  double house_area_m2; /* < 0: not recorded */
  int dangerous_house;
  int relocated;
  double farmland_mu; /* < 0: not recorded */
  double forest_mu;   /* < 0: not recorded */
  char *livestock;
  char *industry;
  char *status; /* lifecycle status code; changed only through the workflow API */
  char *status_since;
  char *first_identified_on;
  gint64 helper_id;
  char *helper_name; /* filled on read */
  char *created_at;
  char *updated_at;
  char *deleted_at;
  GPtrArray *members; /* BfMember, the head first */
  BfSurvey *survey;   /* the latest survey, NULL when none */
} BfHousehold;

/* A row of a household list: what the list shows, nothing more. */
typedef struct
{
  gint64 id;
  char *uuid;
  char *number;
  char *head_name;
  char *village_name;
  char *group_name;
  int member_count;
  char *attribute;
  char *monitoring_type;
  char *primary_cause;
  char *status;
  gint64 per_capita_fen; /* G_MININT64: no survey */
  char *updated_at;
} BfHouseholdRow;

typedef enum
{
  BF_HOUSEHOLD_SORT_NUMBER,
  BF_HOUSEHOLD_SORT_HEAD, /* the head's name in pinyin order */
  BF_HOUSEHOLD_SORT_VILLAGE,
  BF_HOUSEHOLD_SORT_MEMBERS,
  BF_HOUSEHOLD_SORT_ATTRIBUTE,
  BF_HOUSEHOLD_SORT_MONITORING,
  BF_HOUSEHOLD_SORT_CAUSE,
  BF_HOUSEHOLD_SORT_STATUS,
  BF_HOUSEHOLD_SORT_INCOME,
  BF_HOUSEHOLD_SORT_UPDATED,
} BfHouseholdSort;

typedef struct
{
  const char *text;      /* a name (any length), an ID number or fragment, a household number */
  gint64 village_id;     /* 0: any */
  gint64 group_id;       /* 0: any */
  const char *status;    /* NULL: any */
  const char *attribute; /* NULL: any */
  const char *monitoring_type;
  const char *cause; /* primary or other */
  gboolean include_deleted;
  BfHouseholdSort sort;
  gboolean descending;
} BfHouseholdQuery;

/* Keyset position: the sort key and id of the last row of the previous page. */
typedef struct
{
  char *key; /* the sort column's value as text (numbers zero-padded by the store) */
  gint64 id;
} BfHouseholdCursor;

typedef struct
{
  GPtrArray *rows;         /* BfHouseholdRow */
  BfHouseholdCursor *next; /* NULL on the last page */
} BfHouseholdPage;

typedef struct
{
  gint64 seq;
  char *at;
  char *operator_name;
  char *action;
  char *entity;
  char *uuid;
  char *changes; /* JSON {"field": [before, after]} */
} BfAuditEntry;

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 household_id;
  char *action;
  char *from_status;
  char *to_status;
  char *event_date;
  char *operator_name;
  char *reason;
  char *ref_kind;
  gint64 ref_id;
  char *document_number;
} BfEvent;

/* A review decision (reviews): 入户核查, 乡镇审核 or 县级审批 of an identification or an exit. */
typedef struct
{
  gint64 id;
  char *uuid;
  gint64 household_id;
  char *level;    /* verification, township, county */
  char *purpose;  /* identification, exit */
  char *reviewer; /* the verifier, reviewer or approver */
  char *decided_on;
  char *decision; /* approve, reject, return */
  char *opinion;
  char *document_number;
} BfReview;

typedef struct
{
  char *form;
  char *target_uuid;
  char *payload;
  char *saved_at;
} BfDraft;

BfGroup *bf_group_new (void);
void bf_group_free (BfGroup *group);
BfVillage *bf_village_new (void);
void bf_village_free (BfVillage *village);
BfMember *bf_member_new (void);
BfMember *bf_member_copy (const BfMember *member);
void bf_member_free (BfMember *member);
BfSurvey *bf_survey_new (void);
BfSurvey *bf_survey_copy (const BfSurvey *survey);
void bf_survey_free (BfSurvey *survey);
BfHousehold *bf_household_new (void);
BfHousehold *bf_household_copy (const BfHousehold *household);
void bf_household_free (BfHousehold *household);
BfMember *bf_household_get_head (const BfHousehold *household);
void bf_household_row_free (BfHouseholdRow *row);
void bf_household_cursor_free (BfHouseholdCursor *cursor);
BfHouseholdCursor *bf_household_cursor_copy (const BfHouseholdCursor *cursor);
void bf_household_page_free (BfHouseholdPage *page);
void bf_audit_entry_free (BfAuditEntry *entry);
void bf_event_free (BfEvent *event);
void bf_review_free (BfReview *review);
void bf_draft_free (BfDraft *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfGroup, bf_group_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfVillage, bf_village_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfMember, bf_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfSurvey, bf_survey_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfHousehold, bf_household_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfHouseholdRow, bf_household_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfHouseholdCursor, bf_household_cursor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfHouseholdPage, bf_household_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfAuditEntry, bf_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfEvent, bf_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfReview, bf_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfDraft, bf_draft_free)

G_END_DECLS
