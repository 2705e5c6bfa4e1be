/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-store.h"

G_BEGIN_DECLS

/* Threaded reads: the one way the GUI reads the register off the main loop. A read is a function
 * run in a worker thread on a read-only reader connection of its own (never the window's store,
 * which belongs to the main thread); its result comes back on the main loop through a GTask, and
 * bf_gui_read_finish() takes it. Two ways to schedule one:
 *  - bf_gui_read_async(): one read, on a connection opened for it, in GIO's thread pool; a newer
 *    read through the same slot cancels the older (a list read again as the search changes);
 *  - BfGuiReader: reads one after another on one connection kept open (a page that reads often:
 *    the Assessment & exit page shares one between its views).
 * The Households list's model keeps its own paging thread (see bf-household-list-model.c): it
 * streams pages into a model as the list scrolls, which no request-and-result read does. */

/* Runs in the worker thread on @reader: returns the result, or NULL with @error set. It may give up
 * early when @cancellable is cancelled. */
typedef gpointer (*BfGuiReadFunc) (BfStore *reader,
                                   gpointer data,
                                   GCancellable *cancellable,
                                   GError **error);

/* Runs @func (reader, @data, …) in a thread on a reader connection of its own to @store's
 * register. Cancels the read under way in *@slot and puts the new one's cancellable there; @done
 * (called with @source) clears it. @data is freed with @data_free after the read, the result with
 * @result_free when nobody takes it. */
void bf_gui_read_async (gpointer source,
                        BfStore *store,
                        GCancellable **slot,
                        BfGuiReadFunc func,
                        gpointer data,
                        GDestroyNotify data_free,
                        GDestroyNotify result_free,
                        GAsyncReadyCallback done,
                        gpointer user_data);
/* The result of a read of either kind, or NULL with @error set (G_IO_ERROR_CANCELLED when it was
 * cancelled before it ran or by a newer read). */
gpointer bf_gui_read_finish (GAsyncResult *result, GError **error);
/* Cancels the read under way in *@slot and clears it; returns whether there was one. */
gboolean bf_gui_read_cancel (GCancellable **slot);

/* One worker thread with one reader connection to the register at @path (opened on first use,
 * kept while the reader lives): reads queued on it run one after another. */
typedef struct _BfGuiReader BfGuiReader;

BfGuiReader *bf_gui_reader_new (const char *path);
/* Waits for the read running now (queued reads still run, and should have been cancelled). */
void bf_gui_reader_free (BfGuiReader *reader);
/* Queues @func; @callback runs on the calling thread's main context with @source, which is kept
 * alive until then. @data and the result are freed as for bf_gui_read_async(). */
void bf_gui_reader_run (BfGuiReader *reader,
                        gpointer source,
                        BfGuiReadFunc func,
                        gpointer data,
                        GDestroyNotify data_free,
                        GDestroyNotify result_free,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfGuiReader, bf_gui_reader_free)

G_END_DECLS
