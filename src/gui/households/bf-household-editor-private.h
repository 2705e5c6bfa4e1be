/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the household form's files only:
 *   bf-household-editor.c           the object, its template, villages and groups, loading
 *   bf-household-editor-fields.c    the field tables, and a household's record as field values
 *   bf-household-editor-draft.c     what was typed: dirtiness, the draft and its recovery
 *   bf-household-editor-members.c   the members list and the member form
 *   bf-household-editor-validate.c  the checks, and the record to save
 *   bf-household-editor-income.c    the per-capita net income, live
 *   bf-household-editor-history.c   the history of changes, in words
 *   bf-household-editor-actions.c   saving, leaving, deleting, and the household.* actions */

#include "bf-exit-panel.h"
#include "bf-household-assistance.h"
#include "bf-household-editor.h"
#include "bf-lifecycle-panel.h"

G_BEGIN_DECLS

struct _BfHouseholdEditor
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkWidget *household_box;
  AdwWindowTitle *window_title;
  GtkWidget *menu_button;
  GtkRevealer *problem_revealer;
  GtkLabel *problem_label;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *basic_group;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *income_group;
  AdwPreferencesGroup *causes_group;
  AdwPreferencesGroup *guarantees_group;
  AdwPreferencesGroup *housing_group;
  AdwPreferencesGroup *survey_group;
  AdwPreferencesGroup *history_group;
  BfHouseholdAssistance *assistance;
  BfLifecyclePanel *lifecycle_panel;
  BfExitPanel *exit_panel;
  AdwActionRow *status_row;
  AdwActionRow *helper_row;
  GtkWidget *no_members_row;
  GtkWidget *members_message_row;
  GtkLabel *members_message_label;
  BfMemberEditor *member_editor;
  GtkWidget *per_capita_row;
  GtkLabel *per_capita_level;
  GtkWidget *income_message_row;
  GtkLabel *income_message_label;

  BfForm *form;
  BfStore *store;
  GPtrArray *villages;    /* BfVillage */
  BfHousehold *household; /* as loaded (id 0: new) */
  JsonObject *loaded;     /* the state as loaded: {"fields":…, "members":[…]} */
  GPtrArray *members;     /* JsonObject: the members as typed */
  GPtrArray *member_rows;
  GPtrArray *history_rows;
  int editing_member; /* index, -1 new, -2 none */
  gboolean checked;   /* saving was tried: every error shows from now on */
  gboolean open;
  gboolean setting_village;
  char *auto_number; /* the number we filled in for a new household */
  char *problem;
  char *income_summary;

  guint draft_interval;
  guint draft_source;
  char *last_draft; /* the payload last written */
};

/* The editor's signals (installed in bf-household-editor.c, emitted by its sections). */
enum
{
  SIGNAL_CLOSE,
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  SIGNAL_OPEN_HOUSEHOLD,
  N_SIGNALS
};

extern guint _bf_household_editor_signals[N_SIGNALS];

/* bf-household-editor-fields.c: the form's sections, and the survey's amounts */

/* A section of the form: the rows bf_form_build() makes, in order. */
typedef struct
{
  const BfFieldSpec *specs;
  gsize n_specs;
} BfHouseholdFieldTable;

extern const BfHouseholdFieldTable bf_household_basic_fields;
extern const BfHouseholdFieldTable bf_household_income_fields;
extern const BfHouseholdFieldTable bf_household_expense_fields;
extern const BfHouseholdFieldTable bf_household_cause_fields;
extern const BfHouseholdFieldTable bf_household_guarantee_fields; /* in the order of BfGuarantee */
extern const BfHouseholdFieldTable bf_household_housing_fields;
extern const BfHouseholdFieldTable bf_household_survey_fields;

/* An amount of the survey: its field and where BfSurvey keeps it in fen. */
typedef struct
{
  const char *key;
  goffset offset;
  gboolean allow_negative;
} BfHouseholdMoneyField;

#define BF_HOUSEHOLD_N_MONEY_FIELDS 11
/* The first amounts are the income that the per-capita net income is made of: wage, business,
 * property, transfer, business expenses. */
#define BF_HOUSEHOLD_N_INCOME_AMOUNTS 5

extern const BfHouseholdMoneyField *const bf_household_money_fields;

#define SURVEY_FEN(survey, field) (*(gint64 *) G_STRUCT_MEMBER_P ((survey), (field)->offset))

/* "food", "clothing"…: the guarantee fields are KEY_secured and KEY_note. */
extern const char *const bf_household_guarantee_keys[BF_N_GUARANTEES];

/* Adds @table's rows to @group. */
void _bf_household_editor_build_fields (BfHouseholdEditor *self,
                                        AdwPreferencesGroup *group,
                                        const BfHouseholdFieldTable *table);
int _bf_household_editor_current_year (void);
/* @household as the form's field values. */
JsonObject *_bf_household_editor_household_to_fields (const BfHousehold *household);

/* bf-household-editor.c: loading */
void _bf_household_editor_set_problem (BfHouseholdEditor *self, const char *problem);
void _bf_household_editor_apply_fields (BfHouseholdEditor *self, JsonObject *fields);
void _bf_household_editor_show_household (BfHouseholdEditor *self, BfHousehold *household);

/* bf-household-editor-draft.c */
JsonObject *_bf_household_editor_current_state (BfHouseholdEditor *self, gboolean with_member_form);
void _bf_household_editor_start_drafts (BfHouseholdEditor *self);
void _bf_household_editor_discard_draft (BfHouseholdEditor *self);

/* bf-household-editor-members.c */
void _bf_household_editor_members_init (BfHouseholdEditor *self);
gboolean _bf_household_editor_member_editor_is_open (BfHouseholdEditor *self);
void _bf_household_editor_set_members (BfHouseholdEditor *self, JsonArray *members);
void _bf_household_editor_close_member_editor (BfHouseholdEditor *self);
/* Takes the member form's values into the members (its "done" signal). */
void _bf_household_editor_member_done (BfMemberEditor *editor, BfHouseholdEditor *self);

/* bf-household-editor-validate.c */
void _bf_household_editor_set_members_problem (BfHouseholdEditor *self, const char *problem);
BfHousehold *_bf_household_editor_build_household (BfHouseholdEditor *self, BfFieldReport report);
/* A BfFieldReport that marks the field in the form. */
void _bf_household_editor_report_to_form (gpointer data,
                                          const char *key,
                                          const char *message,
                                          gboolean is_error);
void _bf_household_editor_validate (BfHouseholdEditor *self);

/* bf-household-editor-income.c */
void _bf_household_editor_build_income_group (BfHouseholdEditor *self);
void _bf_household_editor_update_income (BfHouseholdEditor *self);
gboolean _bf_household_editor_is_income_key (const char *key);

/* bf-household-editor-history.c */
void _bf_household_editor_refresh_history (BfHouseholdEditor *self);

/* bf-household-editor-actions.c */
void _bf_household_editor_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
