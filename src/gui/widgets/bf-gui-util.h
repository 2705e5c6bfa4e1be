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

/* A read run by bf_gui_read_async() in a worker thread, on @reader: returns its result, or NULL
 * with @error set. */
typedef gpointer (*BfGuiReadFunc) (BfStore *reader,
                                   gpointer data,
                                   GCancellable *cancellable,
                                   GError **error);
/* Runs @func (reader, @data, …) in a thread on a read-only reader connection of its own to
 * @store's register, so that a long read leaves the window responsive. Cancels the read under way
 * in *@slot and puts the new one's cancellable there; @done (called with @source) clears it.
 * @data is freed with @data_free after the read, the result with @result_free when nobody takes
 * it. */
void bf_gui_read_async (gpointer source,
                        BfStore *store,
                        GCancellable **slot,
                        BfGuiReadFunc func,
                        gpointer data,
                        GDestroyNotify data_free,
                        GDestroyNotify result_free,
                        GAsyncReadyCallback done,
                        gpointer user_data);
/* The read's result, or NULL with @error set (G_IO_ERROR_CANCELLED when a newer read or
 * bf_gui_read_cancel() cancelled it). */
gpointer bf_gui_read_finish (GAsyncResult *result, GError **error);
/* Cancels the read under way in *@slot and clears it; returns whether there was one. */
gboolean bf_gui_read_cancel (GCancellable **slot);

G_END_DECLS
