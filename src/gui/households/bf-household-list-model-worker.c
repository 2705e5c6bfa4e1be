/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The households list model's paging worker: one thread, one reader connection, newest work
 * first. The thread reads the matches of a query (ids, filtered and sorted in SQL) and pages of
 * rows, taking its work from the Worker under its mutex, and posts every result to the main
 * context that made the model; it never touches the model itself. */
#include "bf-household-list-model-private.h"
#include "bf-store-search.h"

QueryCopy *
_bf_household_list_model_query_copy (const BfHouseholdQuery *query)
{
  QueryCopy *copy = g_new0 (QueryCopy, 1);

  copy->query = *query;
  copy->query.text = copy->text = g_strdup (query->text);
  copy->query.status = copy->status = g_strdup (query->status);
  copy->query.attribute = copy->attribute = g_strdup (query->attribute);
  copy->query.monitoring_type = copy->monitoring_type = g_strdup (query->monitoring_type);
  copy->query.cause = copy->cause = g_strdup (query->cause);
  return copy;
}

void
_bf_household_list_model_query_free (QueryCopy *copy)
{
  if (copy == NULL)
    return;
  g_free (copy->text);
  g_free (copy->status);
  g_free (copy->attribute);
  g_free (copy->monitoring_type);
  g_free (copy->cause);
  g_free (copy);
}

static gboolean
query_is_unfiltered (const BfHouseholdQuery *query)
{
  return (query->text == NULL || *query->text == '\0') && query->village_id == 0 &&
         query->group_id == 0 && query->status == NULL && query->attribute == NULL &&
         query->monitoring_type == NULL && query->cause == NULL && !query->include_deleted;
}

static void
page_job_free (PageJob *job)
{
  g_array_unref (job->ids);
  g_free (job);
}

static Worker *
worker_ref (Worker *w)
{
  g_atomic_ref_count_inc (&w->ref);
  return w;
}

static void
worker_unref (Worker *w)
{
  if (!g_atomic_ref_count_dec (&w->ref))
    return;
  g_mutex_clear (&w->mutex);
  g_cond_clear (&w->cond);
  g_free (w->path);
  g_main_context_unref (w->context);
  g_weak_ref_clear (&w->model);
  _bf_household_list_model_query_free (w->scan_query);
  g_clear_object (&w->scan_cancellable);
  g_ptr_array_unref (w->page_jobs);
  g_free (w);
}

static void
scan_result_free (ScanResult *r)
{
  worker_unref (r->worker);
  g_clear_pointer (&r->ids, g_array_unref);
  g_clear_pointer (&r->positions, g_hash_table_unref);
  g_clear_pointer (&r->first_rows, g_ptr_array_unref);
  g_clear_error (&r->error);
  g_free (r);
}

static void
page_result_free (PageResult *r)
{
  worker_unref (r->worker);
  g_clear_pointer (&r->rows, g_ptr_array_unref);
  g_clear_error (&r->error);
  g_free (r);
}

/* Hands a result to the main thread. (g_main_context_invoke() would run it right here when the
 * main thread happens not to be iterating.) */
static void
post (Worker *w, GSourceFunc func, gpointer result, GDestroyNotify free_func)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, result, free_func);
  g_source_set_static_name (source, "bf-household-list-result");
  g_source_attach (source, w->context);
  g_source_unref (source);
}

static GHashTable *
positions_new (GArray *ids)
{
  GHashTable *positions = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (positions, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i + 1));
  return positions;
}

static void
worker_scan (Worker *w,
             BfStore *reader,
             QueryCopy *query,
             guint generation,
             GCancellable *cancellable)
{
  ScanResult *r = g_new0 (ScanResult, 1);
  gint64 start = g_get_monotonic_time ();

  r->worker = worker_ref (w);
  r->generation = generation;
  r->ids = bf_store_household_search_ids (reader, &query->query, cancellable, &r->error);
  if (r->ids != NULL)
    {
      BfHouseholdQuery all = { 0 };

      if (query_is_unfiltered (&query->query))
        r->total = r->ids->len;
      else
        r->total = bf_store_household_count (reader, &all, NULL);
      r->positions = positions_new (r->ids);
      r->first_rows = bf_store_household_rows (reader, (const gint64 *) (gpointer) r->ids->data,
                                               MIN (r->ids->len, PAGE_SIZE), &r->error);
    }
  g_debug ("household list: search of %u households in %.1f ms", r->ids != NULL ? r->ids->len : 0,
           (g_get_monotonic_time () - start) / 1000.0);
  post (w, _bf_household_list_model_apply_scan_result, r, (GDestroyNotify) scan_result_free);
}

static void
worker_fetch (Worker *w, BfStore *reader, PageJob *job, guint generation)
{
  PageResult *r = g_new0 (PageResult, 1);
  gint64 start = g_get_monotonic_time ();

  r->worker = worker_ref (w);
  r->generation = generation;
  r->page = job->page;
  r->rows = bf_store_household_rows (reader, (const gint64 *) (gpointer) job->ids->data,
                                     job->ids->len, &r->error);
  g_debug ("household list: page %u (%u rows) in %.1f ms", job->page, job->ids->len,
           (g_get_monotonic_time () - start) / 1000.0);
  post (w, _bf_household_list_model_apply_page_result, r, (GDestroyNotify) page_result_free);
}

static void
worker_post_error (Worker *w, guint generation, const GError *error)
{
  ScanResult *r = g_new0 (ScanResult, 1);

  r->worker = worker_ref (w);
  r->generation = generation;
  r->error = g_error_copy (error);
  post (w, _bf_household_list_model_apply_scan_result, r, (GDestroyNotify) scan_result_free);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  BfStore *reader = NULL;

  for (;;)
    {
      g_autoptr (QueryCopy) query = NULL;
      g_autoptr (GCancellable) cancellable = NULL;
      PageJob *job = NULL;
      guint generation;

      g_mutex_lock (&w->mutex);
      while (!w->quit && w->scan_query == NULL && w->page_jobs->len == 0)
        g_cond_wait (&w->cond, &w->mutex);
      if (w->quit)
        {
          g_mutex_unlock (&w->mutex);
          break;
        }
      if (w->scan_query != NULL)
        {
          query = g_steal_pointer (&w->scan_query);
          cancellable = g_steal_pointer (&w->scan_cancellable);
          generation = w->scan_generation;
        }
      else
        {
          job = g_ptr_array_steal_index (w->page_jobs, 0);
          w->in_flight_page = job->page;
          generation = w->pages_generation;
        }
      g_mutex_unlock (&w->mutex);

      if (reader == NULL)
        {
          g_autoptr (GError) error = NULL;

          reader = bf_store_open (w->path, BF_STORE_OPEN_READ_ONLY | BF_STORE_OPEN_READER, &error);
          if (reader == NULL)
            {
              worker_post_error (w, generation, error);
              if (job != NULL)
                page_job_free (job);
              g_mutex_lock (&w->mutex);
              w->in_flight_page = G_MAXUINT;
              g_mutex_unlock (&w->mutex);
              continue;
            }
        }

      if (query != NULL)
        worker_scan (w, reader, query, generation, cancellable);
      else
        {
          worker_fetch (w, reader, job, generation);
          page_job_free (job);
          g_mutex_lock (&w->mutex);
          w->in_flight_page = G_MAXUINT;
          g_mutex_unlock (&w->mutex);
        }
    }

  if (reader != NULL)
    {
      bf_store_close (reader, NULL);
      g_object_unref (reader);
    }
  worker_unref (w);
  return NULL;
}

Worker *
_bf_household_list_model_worker_start (BfHouseholdListModel *self)
{
  g_autoptr (GThread) thread = NULL;
  Worker *w;

  w = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&w->ref);
  g_mutex_init (&w->mutex);
  g_cond_init (&w->cond);
  w->path = g_strdup (bf_store_get_path (self->store));
  w->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&w->model, self);
  w->page_jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) page_job_free);
  w->in_flight_page = G_MAXUINT;

  /* The thread holds its own reference and ends by itself when told to quit. */
  thread = g_thread_new ("bf-household-list", worker_thread, worker_ref (w));
  return w;
}

void
_bf_household_list_model_worker_stop (Worker *w)
{
  g_mutex_lock (&w->mutex);
  w->quit = TRUE;
  if (w->scan_cancellable != NULL)
    g_cancellable_cancel (w->scan_cancellable);
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->mutex);
  worker_unref (w);
}
