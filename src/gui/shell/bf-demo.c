/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bf-demo.h"
#include "bf-store-demo.h"
#include "bf-store.h"

/* Enough villages that the filters have something to do, few enough that each has households. */
#define DEMO_VILLAGES 6
#define DEMO_SEED     2026

char *
bf_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "bangfu", "demo.bangfu", NULL);
}

typedef struct
{
  char *path;
  guint n_households;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
remove_register (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

static void
create_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CreateData *data = task_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (data->path);
  g_autoptr (BfStore) store = NULL;
  gboolean ok;

  if (g_file_test (data->path, G_FILE_TEST_EXISTS))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _ ("The demo township exists already"));
      return;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _ ("Could not make the folder “%s”: %s"), dir, g_strerror (saved));
      return;
    }

  store = bf_store_demo_create (data->path, DEMO_VILLAGES, _ ("Demo"), &error);
  ok = store != NULL;
  if (ok)
    ok = bf_store_demo_generate (store, data->n_households, DEMO_SEED, NULL, NULL, cancellable,
                                 &error);
  if (store != NULL && !bf_store_close (store, ok ? &error : NULL))
    ok = FALSE;
  if (!ok)
    {
      /* Half a demo is no demo: the next try starts again. */
      g_clear_object (&store);
      remove_register (data->path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
bf_demo_create_async (const char *path,
                      guint n_households,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CreateData *data = g_new0 (CreateData, 1);

  data->path = g_strdup (path);
  data->n_households = n_households;
  g_task_set_source_tag (task, bf_demo_create_async);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

gboolean
bf_demo_create_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
