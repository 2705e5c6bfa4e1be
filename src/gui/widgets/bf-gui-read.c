/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-gui-read.h"

typedef struct
{
  char *path; /* bf_gui_read_async(): the register to open a connection to */
  BfGuiReadFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Read;

struct _BfGuiReader
{
  char *path;
  GThreadPool *pool;
  BfStore *reader; /* used by the pool's single thread only */
};

static Read *
read_new (BfGuiReadFunc func, gpointer data, GDestroyNotify data_free, GDestroyNotify result_free)
{
  Read *read = g_new0 (Read, 1);

  read->func = func;
  read->data = data;
  read->data_free = data_free;
  read->result_free = result_free;
  return read;
}

static void
read_free (Read *read)
{
  g_free (read->path);
  if (read->data_free != NULL && read->data != NULL)
    read->data_free (read->data);
  g_free (read);
}

static BfStore *
open_reader (const char *path, GError **error)
{
  return bf_store_open (path, BF_STORE_OPEN_READ_ONLY | BF_STORE_OPEN_READER, error);
}

/* Both ways end here, in the worker thread. */
static void
run_read (GTask *task, BfStore *reader, Read *read)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  gint64 start = g_get_monotonic_time ();
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  result = read->func (reader, read->data, cancellable, &error);
  g_debug ("read %p in %.1f ms%s", (gpointer) read->func,
           (g_get_monotonic_time () - start) / 1000.0, result == NULL ? " (failed)" : "");
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, read->result_free);
}

static void
read_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Read *read = task_data;
  g_autoptr (BfStore) reader = NULL;
  GError *error = NULL;

  reader = open_reader (read->path, &error);
  if (reader == NULL)
    g_task_return_error (task, error);
  else
    run_read (task, reader, read);
}

gboolean
bf_gui_read_cancel (GCancellable **slot)
{
  if (*slot == NULL)
    return FALSE;
  g_cancellable_cancel (*slot);
  g_clear_object (slot);
  return TRUE;
}

void
bf_gui_read_async (gpointer source,
                   BfStore *store,
                   GCancellable **slot,
                   BfGuiReadFunc func,
                   gpointer data,
                   GDestroyNotify data_free,
                   GDestroyNotify result_free,
                   GAsyncReadyCallback done,
                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Read *read;

  g_return_if_fail (BF_IS_STORE (store));
  g_return_if_fail (slot != NULL);

  bf_gui_read_cancel (slot);
  read = read_new (func, data, data_free, result_free);
  read->path = g_strdup (bf_store_get_path (store));
  *slot = g_cancellable_new ();
  task = g_task_new (source, *slot, done, user_data);
  g_task_set_source_tag (task, bf_gui_read_async);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);
  g_task_run_in_thread (task, read_thread);
}

gpointer
bf_gui_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bf_gui_read_async ||
                          g_task_get_source_tag (G_TASK (result)) == bf_gui_reader_run,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
reader_thread (gpointer data, gpointer user_data)
{
  g_autoptr (GTask) task = data;
  BfGuiReader *self = user_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->reader == NULL)
    {
      self->reader = open_reader (self->path, &error);
      if (self->reader == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  run_read (task, self->reader, g_task_get_task_data (task));
}

BfGuiReader *
bf_gui_reader_new (const char *path)
{
  BfGuiReader *self = g_new0 (BfGuiReader, 1);

  self->path = g_strdup (path);
  /* One thread: the reader connection is never used by two threads at once. */
  self->pool = g_thread_pool_new (reader_thread, self, 1, FALSE, NULL);
  return self;
}

void
bf_gui_reader_free (BfGuiReader *self)
{
  if (self == NULL)
    return;
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->reader);
  g_free (self->path);
  g_free (self);
}

void
bf_gui_reader_run (BfGuiReader *self,
                   gpointer source,
                   BfGuiReadFunc func,
                   gpointer data,
                   GDestroyNotify data_free,
                   GDestroyNotify result_free,
                   GCancellable *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer user_data)
{
  GTask *task = g_task_new (source, cancellable, callback, user_data);

  g_task_set_task_data (task, read_new (func, data, data_free, result_free),
                        (GDestroyNotify) read_free);
  g_task_set_source_tag (task, bf_gui_reader_run);
  g_thread_pool_push (self->pool, task, NULL);
}
