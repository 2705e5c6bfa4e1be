/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-households-page.h"

G_BEGIN_DECLS

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
