/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-exit-worker.h"

struct _BfExitWorker
{
  char *path;
  GThreadPool *pool;
  BfStore *reader; /* used by the pool's single thread only */
};

typedef struct
{
  BfExitWork work;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
run_job (gpointer data, gpointer user_data)
{
  g_autoptr (GTask) task = data;
  BfExitWorker *self = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->reader == NULL)
    {
      self->reader =
        bf_store_open (self->path, BF_STORE_OPEN_READ_ONLY | BF_STORE_OPEN_READER, &error);
      if (self->reader == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  result = job->work (self->reader, job->data, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

BfExitWorker *
bf_exit_worker_new (const char *path)
{
  BfExitWorker *self = g_new0 (BfExitWorker, 1);

  self->path = g_strdup (path);
  /* One thread: the reader connection is never used by two threads at once. */
  self->pool = g_thread_pool_new (run_job, self, 1, FALSE, NULL);
  return self;
}

void
bf_exit_worker_free (BfExitWorker *self)
{
  if (self == NULL)
    return;
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->reader);
  g_free (self->path);
  g_free (self);
}

void
bf_exit_worker_run (BfExitWorker *self,
                    gpointer source_object,
                    BfExitWork work,
                    gpointer data,
                    GDestroyNotify data_free,
                    GDestroyNotify result_free,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->work = work;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_source_tag (task, bf_exit_worker_run);
  g_thread_pool_push (self->pool, task, NULL);
}

gpointer
bf_exit_worker_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
