/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the page's files (bf-notices-page*.c: the list and details, printing, a new notice,
 * objections, meetings) and the GUI tests, which drive the page's real widgets. */

#include "bf-notices-page.h"
#include "bf-codes.h"
#include "bf-store-notices.h"

G_BEGIN_DECLS

/* A household's row in the meeting form. */
typedef struct
{
  GtkSpinButton *votes_for;
  GtkSpinButton *votes_against;
  GtkSpinButton *abstentions;
  GtkDropDown *result; /* no result, passed, failed */
} VoteWidgets;

struct _BfNoticesPage
{
  AdwBin parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack; /* list, detail, create, objection, decide, meetings, meeting */
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkDropDown *kind_filter;
  GtkDropDown *state_filter;
  GtkDropDown *village_filter;
  GtkSpinner *spinner;
  GtkLabel *loading_label;

  BfStore *store;
  GSettings *settings;
  GListStore *notices;            /* BfNoticeObject, as the filters select */
  GPtrArray *villages;            /* BfVillage */
  char *problem;                  /* the last refusal or error shown, NULL after a success */
  gboolean stale;                 /* the list is read when the page is next shown, not before */
  GCancellable *load_cancellable; /* the list's read under way, NULL when none */
  GtkPageSetup *page_setup;

  /* detail */
  BfNotice *notice; /* the open notice, with its items */
  GtkLabel *problem_label;

  /* create */
  AdwComboRow *create_kind;
  AdwComboRow *create_village;
  AdwEntryRow *create_starts;
  AdwEntryRow *create_ends;
  AdwEntryRow *create_title;
  AdwEntryRow *create_issuer;
  AdwEntryRow *create_phone;
  AdwEntryRow *create_place;
  AdwEntryRow *create_text;
  AdwPreferencesGroup *create_households;
  BfNotice *draft;          /* prepared, not saved */
  GPtrArray *create_checks; /* GtkCheckButton per draft item */

  /* objection (new) and decide */
  AdwComboRow *objection_household;
  AdwEntryRow *objection_received;
  AdwEntryRow *objection_complainant;
  AdwEntryRow *objection_content;
  AdwEntryRow *objection_verification;
  gint64 deciding; /* the objection being decided */
  AdwComboRow *decide_result;
  AdwEntryRow *decide_verification;
  AdwEntryRow *decide_reason;
  AdwEntryRow *decide_date;

  /* meeting */
  BfMeeting *meeting; /* the open meeting (new: id 0) */
  AdwComboRow *meeting_village;
  AdwEntryRow *meeting_date;
  AdwComboRow *meeting_kind;
  AdwEntryRow *meeting_host;
  GtkSpinButton *meeting_entitled;
  GtkSpinButton *meeting_present;
  AdwEntryRow *meeting_minutes;
  AdwPreferencesGroup *meeting_votes;
  GPtrArray *vote_widgets; /* VoteWidgets, one per meeting->votes entry */
};

/* The notice kinds, in the order of the kind choices (index 0 of the filter is "All kinds"). */
extern const char *const bf_notices_page_kinds[4];

/* Prints the open notice to @path as PDF through GtkPrintOperation's export, the same pages the
 * printer gets. */
gboolean bf_notices_page_export_pdf (BfNoticesPage *self, const char *path, GError **error);

/* The page's sections share these (their actions are installed in class_init). */

/* bf-notices-page.c: the forms' small builders and what every section uses */
AdwEntryRow *bf_notices_add_entry (AdwPreferencesGroup *group, const char *title, const char *text);
AdwComboRow *
bf_notices_add_combo (AdwPreferencesGroup *group, const char *title, GtkStringList *labels);
GtkSpinButton *bf_notices_add_spin (AdwPreferencesGroup *group, const char *title, int value);
AdwPreferencesGroup *bf_notices_add_group (AdwPreferencesPage *page, const char *title);
GtkWidget *bf_notices_add_row (AdwPreferencesGroup *group, const char *title, const char *subtitle);
GtkWidget *bf_notices_action_button (const char *label, const char *action, const char *style);
GtkStringList *bf_notices_code_labels (BfCodeList list,
                                       const char *const *codes,
                                       gsize n_codes,
                                       const char *first);
char *bf_notices_today_text (void);
char *bf_notices_entry_text (AdwEntryRow *row);
AdwPreferencesPage *bf_notices_show_form (BfNoticesPage *self,
                                          const char *name,
                                          const char *title,
                                          GtkWidget **buttons);
void bf_notices_show_problem (BfNoticesPage *self, const GError *error);
void bf_notices_toast (BfNoticesPage *self, const char *text);
GtkStringList *
bf_notices_village_labels (BfNoticesPage *self, const char *first, const char *township);
gint64 bf_notices_village_at (BfNoticesPage *self, guint position);
void bf_notices_add_info (AdwPreferencesGroup *group, const char *title, const char *value);
const char *bf_notices_group_prefix (const char *group);
void bf_notices_reopen_notice (BfNoticesPage *self, const GError *error);

/* bf-notices-page-print.c */
GtkPageSetup *bf_notices_default_page_setup (void);
void bf_notices_print_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_page_setup_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* bf-notices-page-create.c: a new notice */
void bf_notices_prepare_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_new_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_edit_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_save_draft_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* bf-notices-page-objections.c */
void
bf_notices_add_objection_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void
bf_notices_save_objection_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_decide_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void
bf_notices_save_decision_activated (GtkWidget *widget, const char *action, GVariant *parameter);

/* bf-notices-page-meetings.c */
void bf_notices_meetings_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_new_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_open_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_add_waiting_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void bf_notices_save_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter);
void
bf_notices_delete_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter);

G_END_DECLS
