/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store.h"

G_BEGIN_DECLS

/* For @suffix, the activatable widget (switch, spin button) of an AdwActionRow: the row already
 * names it by its title; this gives it the row's subtitle as accessible description. */
void bf_describe_by_row (GtkWidget *suffix);

/* The "store" property of a page or a panel: the register it shows (NULL: none). Read-write;
 * notified only when it changes, so that a binding from the window reloads nothing twice. */
GParamSpec *bf_gui_param_spec_store (void);
/* Shows @text in a toast of the window @widget is in: activates "win.toast", which the
 * application window and Preferences provide. Elsewhere (a form window of its own, a test
 * window) nothing is shown. */
void bf_gui_toast (GtkWidget *widget, const char *text);
/* Tells that something failed, in a message dialog over @widget's window: @heading, then the
 * error's message. */
void bf_gui_show_error (GtkWidget *widget, const char *heading, const GError *error);
/* Toolbars are GtkFlowBoxes so that they wrap in a narrow window; a flow box child would take
 * keyboard focus itself, so this makes the children of every flow box under @root (with selection
 * mode none) pass focus straight to the controls they hold. */
void bf_gui_plain_flow_boxes (GtkWidget *root);
/* Replaces every item of @store by those of @items (NULL: none) in one change, so that the views
 * update once. Many old items are freed in a thread: tens of thousands take as long as filling
 * the list. */
void bf_gui_list_store_replace (GListStore *store, GPtrArray *items);

G_END_DECLS
