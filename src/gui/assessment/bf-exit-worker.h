/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-store.h"

G_BEGIN_DECLS

/* Reads for the Assessment & exit page off the main loop: one worker thread with its own
 * read-only connection to the register (opened on first use, kept while the worker lives), so
 * that the indicators and long lists never block the window and reads run one after another. */
typedef struct _BfExitWorker BfExitWorker;

/* Runs in the worker thread on the reader; returns the result (or NULL with @error set). */
typedef gpointer (*BfExitWork) (BfStore *reader, gpointer data, GError **error);

BfExitWorker *bf_exit_worker_new (const char *path);
/* Waits for the job running now (queued jobs still run, and should have been cancelled). */
void bf_exit_worker_free (BfExitWorker *worker);

/* Queues @work; @callback runs on the calling thread's main context with @source_object, which is
 * kept alive until then. @data is freed with @data_free after the work; the result with
 * @result_free when nobody takes it. */
void bf_exit_worker_run (BfExitWorker *worker,
                         gpointer source_object,
                         BfExitWork work,
                         gpointer data,
                         GDestroyNotify data_free,
                         GDestroyNotify result_free,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data);
gpointer bf_exit_worker_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfExitWorker, bf_exit_worker_free)

G_END_DECLS
