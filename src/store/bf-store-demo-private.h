/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the demo generator's files share (bf-store-demo*.c): the generator's state, the records
 * it makes up before writing them, and its drawing, date and insert helpers. The calls go
 * bf-store-demo.c (set-up, batches) -> bf-store-demo-history.c (one household's path) ->
 * bf-store-demo-records.c (shared records, helpers) -> bf-store-demo-people.c (draws, dates,
 * inserts, people, money). */

#include "bf-codes.h"
#include "bf-lifecycle.h"
#include "bf-store-household-private.h"

G_BEGIN_DECLS

#define DEMO_N_SURNAMES  100
#define DEMO_N_CAUSES    12
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

typedef struct
{
  const char *text;
  guint weight;
} Weighted;

typedef struct
{
  const char *code;
  const char *label; /* as written on notices and notes */
  guint weight;
  const char *note;
  const char *measure_category;
} DemoCause;

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
  guint surname_w[DEMO_N_SURNAMES];
  guint cause_w[DEMO_N_CAUSES];
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

typedef enum
{
  NOTICE_VILLAGE,
  NOTICE_TOWNSHIP,
  NOTICE_COUNTY,
  NOTICE_EXIT,
} DemoNoticeKind;

#define PICK(d, array) ((array)[_bf_demo_rnd ((d), 0, G_N_ELEMENTS (array) - 1)])

int _bf_demo_rnd (Demo *d, int lo, int hi);
gboolean _bf_demo_chance (Demo *d, double p);
guint _bf_demo_pick_weighted (Demo *d, const guint *weights, guint n);
/* Functions, not MIN/MAX: those evaluate an argument twice, and rnd() twice is two draws. */
int _bf_demo_at_least (int value, int floor);
int _bf_demo_at_most (int value, int ceiling);
const char *_bf_demo_pick_surname (Demo *d);
const DemoCause *_bf_demo_pick_cause (Demo *d);
/* UUIDs from the seeded generator, so that a seed reproduces them, laid out as version 7: a
 * 48-bit "time" that only grows (here a counter from the reference date) and random bits. Rows
 * then append to each uuid index instead of landing on random pages, which keeps every batch's
 * write small. */
void _bf_demo_uuid (Demo *d, char out[37]);
int _bf_demo_julian (int year, int month, int day);
void _bf_demo_julian_to_date (int day, GDate *date);
int _bf_demo_year_of (int day);
/* Records are stamped with the day they describe, not with the time the demo ran. */
void _bf_demo_stamp (Demo *d, int day);
void _bf_demo_stamp_updated (Demo *d, int day);
gint64 _bf_demo_line_for (Demo *d, int year, int which);
/* Runs an INSERT whose first three parameters are uuid, created_at and updated_at (filled here)
 * and whose others are described by @types: 't' text (NULL: null), 'i' int, 'I' gint64,
 * 'b' tri-state int (< 0: null), 'r' gint64 reference (0: null), 'd' double (< 0: null),
 * 'D' julian day as ISO date (0: null). Returns the new rowid, or 0 once an error is set. */
gint64 _bf_demo_insert (Demo *d, const char *sql, const char *types, ...);
/* Each ID number is unique: region, birth date and sequence packed into one key. */
gint64 _bf_demo_id_key (const char *first17);
void
_bf_demo_name (Demo *d, const char *surname, gboolean male, int birth_year, char *out, gsize size);
void _bf_demo_phone (Demo *d, char out[12]);
void _bf_demo_apply_cause_to_members (Demo *d, DemoHousehold *h);
void _bf_demo_make_members (Demo *d, DemoHousehold *h);
/* A survey whose per-capita net income is near @target (fen per person). */
DemoSurvey *
_bf_demo_add_survey (Demo *d, DemoHousehold *h, int date, gint64 target, gboolean all_secured);
gint64 _bf_demo_target_income (Demo *d, int day, double lo, double hi);
/* The weights of the surname and cause draws, from their tables. */
void _bf_demo_init_weights (Demo *d);

/* "青山扶组发〔2019〕12号": one number per county decision day. */
const char *_bf_demo_document_number (Demo *d, int day, char *buf, gsize size);
DemoShared *_bf_demo_meeting_for (Demo *d, DemoVillage *v, int day);
DemoShared *_bf_demo_notice_for (Demo *d, DemoNoticeKind kind, DemoVillage *v, int start);
/* @removed_on: the day an upheld objection took the household off the notice (0: never). */
gint64 _bf_demo_add_notice_item (Demo *d,
                                 DemoShared *notice,
                                 DemoHousehold *h,
                                 int day,
                                 const char *reason,
                                 int removed_on);
void _bf_demo_add_objection (Demo *d,
                             DemoShared *notice,
                             DemoHousehold *h,
                             int received,
                             const char *result);
gint64 _bf_demo_add_review (Demo *d,
                            DemoHousehold *h,
                            const char *level,
                            const char *purpose,
                            int day,
                            const char *decision,
                            const char *opinion,
                            const char *document);
gint64 _bf_demo_add_adjustment (Demo *d,
                                DemoHousehold *h,
                                const char *kind,
                                const char *subkind,
                                int day,
                                const char *reason,
                                const char *document);
/* One lifecycle event, with the state machine deciding where it leads. */
BfStatus _bf_demo_add_event (Demo *d,
                             DemoHousehold *h,
                             BfStatus from,
                             BfAction action,
                             int day,
                             const char *reason,
                             const char *ref_kind,
                             gint64 ref_id,
                             const char *document);
/* Chosen before the household is written, so that its row names its helper. */
void _bf_demo_choose_helper (Demo *d, DemoHousehold *h);
void _bf_demo_insert_assignments (Demo *d, DemoHousehold *h);

void _bf_demo_generate_household (Demo *d);

G_END_DECLS
