/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For bf-notices-page.c and the GUI tests, which drive the page's real widgets. */

#include "bf-notices-page.h"
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

G_END_DECLS
