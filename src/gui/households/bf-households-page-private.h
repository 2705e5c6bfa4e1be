/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-households-page.h"

G_BEGIN_DECLS

/* For bf-households-page.c, and for the tests and benchmarks below. */

/* The list's columns (bf-households-page.c's column_specs). */
#define BF_HOUSEHOLDS_PAGE_N_COLUMNS 10

typedef enum
{
  FILTER_VILLAGE,
  FILTER_GROUP,
  FILTER_STATUS,
  FILTER_ATTRIBUTE,
  FILTER_MONITORING,
  FILTER_CAUSE,
  N_FILTERS
} Filter;

struct _BfHouseholdsPage
{
  AdwBin parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkWidget *list_box;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkFlowBox *filter_flow;
  GtkStack *content_stack;
  GtkScrolledWindow *scrolled_window;
  GtkColumnView *column_view;
  BfHouseholdEditor *editor;

  BfStore *store;
  BfHouseholdListModel *model;
  GtkColumnViewColumn *columns[BF_HOUSEHOLDS_PAGE_N_COLUMNS];
  GtkDropDown *filters[N_FILTERS];
  GStrv filter_values[N_FILTERS];
  GPtrArray *villages;
  BfHouseholdSort sort;
  gboolean descending;
  gboolean updating_filters;
  gint64 last_change;
  guint poll_source;
  gboolean recovery_pending;
  AdwMessageDialog *recovery_dialog;
  GQueue recovery_queue; /* BfDraft */
  char *count_text;
};

/* For tests and benchmarks: the widgets a user would touch. */
GtkSearchEntry *_bf_households_page_get_search_entry (BfHouseholdsPage *self);
GtkColumnView *_bf_households_page_get_column_view (BfHouseholdsPage *self);
GtkScrolledWindow *_bf_households_page_get_scrolled_window (BfHouseholdsPage *self);
/* "village", "group", "status", "attribute", "monitoring_type", "cause". */
GtkDropDown *_bf_households_page_get_filter (BfHouseholdsPage *self, const char *key);
/* The value of each choice of a filter ("" for all). */
const char *const *_bf_households_page_get_filter_values (BfHouseholdsPage *self, const char *key);
/* The name of the visible content: "list", "empty", "no-match" or "no-register". */
const char *_bf_households_page_get_content (BfHouseholdsPage *self);
const char *_bf_households_page_get_count_text (BfHouseholdsPage *self);
/* The dialog offering a recovered draft, while it is shown. */
AdwMessageDialog *_bf_households_page_get_recovery_dialog (BfHouseholdsPage *self);
/* The column with @title (the English msgid). */
GtkColumnViewColumn *_bf_households_page_get_column (BfHouseholdsPage *self, BfHouseholdSort sort);

G_END_DECLS
