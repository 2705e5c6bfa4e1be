/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the households list model's files only:
 *   bf-household-list-model.c            the model: its ids, the page cache, the view's rows
 *   bf-household-list-model-worker.c     the paging worker: its thread and reader connection
 *   bf-household-list-model-selection.c  the selection, by id
 *
 * Threads: the model and everything in struct _BfHouseholdListModel belong to the main thread.
 * The worker thread owns its reader connection and touches nothing of the model: it takes work
 * from the Worker below (under its mutex) and posts each result to the main context, where the
 * model applies it if it is still of the current generation (a newer query or page request
 * makes older results stale). */

#include "bf-household-list-model.h"

G_BEGIN_DECLS

/* Rows are read in pages of PAGE_SIZE ids; a page is a few milliseconds of SQL at most. */
#define PAGE_SIZE 128

/* An owned copy of a query. */
typedef struct
{
  BfHouseholdQuery query;
  char *text;
  char *status;
  char *attribute;
  char *monitoring_type;
  char *cause;
} QueryCopy;

QueryCopy *_bf_household_list_model_query_copy (const BfHouseholdQuery *query);
void _bf_household_list_model_query_free (QueryCopy *copy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueryCopy, _bf_household_list_model_query_free)

typedef struct
{
  guint page;
  GArray *ids; /* the page's ids, copied */
} PageJob;

/* What the main thread and the worker share. ref is atomic; path, context and model are set
 * before the thread starts and do not change (model is only read on the main thread); every
 * other field is read and written with mutex held. */
typedef struct
{
  gatomicrefcount ref;
  GMutex mutex;
  GCond cond;
  char *path;
  GMainContext *context;
  GWeakRef model;
  gboolean quit;

  /* The latest query to read; it replaces any that was not started. */
  QueryCopy *scan_query;
  guint scan_generation;
  GCancellable *scan_cancellable;

  /* Pages the view needs now, replaced wholesale by the main thread. */
  GPtrArray *page_jobs;
  guint pages_generation;
  guint in_flight_page; /* G_MAXUINT: none */
} Worker;

/* Results, made in the worker and applied (then freed) on the main thread. */
typedef struct
{
  Worker *worker;
  guint generation;
  GArray *ids;
  GHashTable *positions; /* gint64 id (pointing into ids) → position + 1 */
  GPtrArray *first_rows;
  gint64 total;
  GError *error;
} ScanResult;

typedef struct
{
  Worker *worker;
  guint generation;
  guint page;
  GPtrArray *rows;
  GError *error;
} PageResult;

struct _BfHouseholdListModel
{
  GObject parent_instance;

  BfStore *store;
  Worker *worker;
  QueryCopy *query;
  guint generation;
  gboolean new_query; /* the scan under way is for another query, not a refresh */
  gboolean scanning;
  gboolean busy;
  gint64 total;

  GArray *ids;
  GHashTable *positions;
  GHashTable *pages; /* page → GPtrArray of BfHouseholdRow */
  GQueue page_order; /* most recently used first */
  GHashTable *live;  /* position → LiveEntry: the items the view holds */
  guint ensure_source;
  gboolean waiting_pages;
  /* The selected ids; with select_all, the matches that are not selected. */
  GHashTable *selection;
  gboolean select_all;
  /* The rows the view knows of: it reaches the number of matches a few dozen rows at a time
   * where the view makes row widgets, so that no one change makes 200 rows of widgets at once. */
  guint exposed;
  guint converge_source;
};

/* bf-household-list-model-worker.c */

/* Starts the worker thread for @self's register; the thread holds its own reference. */
Worker *_bf_household_list_model_worker_start (BfHouseholdListModel *self);
/* Tells the worker to quit (its thread ends by itself) and drops @w. */
void _bf_household_list_model_worker_stop (Worker *w);

/* bf-household-list-model.c: on the main thread, the GSourceFuncs the worker posts its results
 * with (a ScanResult, a PageResult). */
gboolean _bf_household_list_model_apply_scan_result (gpointer data);
gboolean _bf_household_list_model_apply_page_result (gpointer data);

/* bf-household-list-model-selection.c */
void _bf_household_list_model_selection_iface_init (GtkSelectionModelInterface *iface);
/* Clears the selection, telling the view which rows it affects. */
void _bf_household_list_model_clear_selection (BfHouseholdListModel *self);

G_END_DECLS
