/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-gui-util.h"
#include "bf-adjustments-view.h"
#include "bf-assessment-page.h"
#include "bf-exit-ui.h"
#include "bf-exit-view.h"
#include "bf-gui-read.h"
#include "bf-indicators-view.h"

/* The Assessment & exit page: income assessment and its below/near list, the exit steps, the
 * follow-up list, dynamic adjustments and the indicators, one view each. The page follows the
 * register its "store" property names (the window's); reads go through one worker thread, writes
 * through the window's store. */
struct _BfAssessmentPage
{
  AdwBin parent_instance;

  BfStore *store;
  BfGuiReader *worker;
  GSettings *settings;
  GCancellable *cancellable;
  GCancellable *run_cancellable;
  GArray *scope_ids;
  GArray *follow_ids;
  GListStore *assessments;
  GListStore *follow_ups;
  guint follow_years;   /* of the list last asked for */
  gint64 shown_counter; /* the store's change counter when the visible view was loaded */
  guint search_timeout;

  AdwViewStack *stack;
  GtkEntry *period_entry;
  GtkDropDown *scope_dropdown;
  GtkButton *cancel_button;
  GtkProgressBar *run_progress;
  GtkLabel *run_summary;
  GtkDropDown *result_dropdown;
  GtkSearchEntry *search_entry;
  GtkCheckButton *falling_check;
  GtkLabel *list_count;
  GtkColumnView *assessments_view;
  GtkDropDown *follow_scope_dropdown;
  GtkLabel *follow_summary;
  GtkColumnView *follow_view;
  BfExitView *exit_view;
  BfAdjustmentsView *adjustments_view;
  BfIndicatorsView *indicators_view;
};

G_DEFINE_FINAL_TYPE (BfAssessmentPage, bf_assessment_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const result_codes[] = { NULL, "below", "near", "above" };

/* ---------------------------------------------------------------------------------------------
 * The below/near list
 */

typedef struct
{
  char *period;
  gint64 village_id;
  const char *result;
  char *text;
  gboolean falling;
} ListQuery;

static void
list_query_free (ListQuery *q)
{
  g_free (q->period);
  g_free (q->text);
  g_free (q);
}

static gpointer
list_work (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  ListQuery *q = data;
  BfAssessmentQuery query = { q->period, q->village_id, q->result, q->text, q->falling };

  return bf_exit_list_read_new (BF_EXIT_LIST_ASSESSMENTS,
                                bf_store_assessment_list (reader, &query, error));
}

static void
list_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfAssessmentPage *self = BF_ASSESSMENT_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfExitListRead) read = bf_gui_read_finish (result, &error);
  g_autofree char *count = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bf_exit_list_replace (self->assessments, read != NULL ? read->items : NULL);
  if (read == NULL)
    {
      gtk_label_set_text (self->list_count, error->message);
      return;
    }
  count = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u household", "%u households", read->items->len),
    read->items->len);
  gtk_label_set_text (self->list_count, count);
}

static void
reload_list (BfAssessmentPage *self)
{
  ListQuery *q;
  guint result;

  if (self->worker == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  q = g_new0 (ListQuery, 1);
  q->period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_entry))));
  q->village_id = bf_exit_scope_get (self->scope_dropdown, self->scope_ids);
  result = gtk_drop_down_get_selected (self->result_dropdown);
  q->result = result < G_N_ELEMENTS (result_codes) ? result_codes[result] : NULL;
  q->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  q->falling = gtk_check_button_get_active (self->falling_check);
  bf_gui_reader_run (self->worker, self, list_work, q, (GDestroyNotify) list_query_free,
                     (GDestroyNotify) bf_exit_list_read_free, self->cancellable, list_done_cb,
                     NULL);
}

static gboolean
search_timeout_cb (gpointer data)
{
  BfAssessmentPage *self = data;

  self->search_timeout = 0;
  reload_list (self);
  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (BfAssessmentPage *self)
{
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  self->search_timeout = g_timeout_add (250, search_timeout_cb, self);
}

/* ---------------------------------------------------------------------------------------------
 * Running an assessment: a write of thousands of records, in a thread on its own connection
 */

typedef struct
{
  char *path;
  char *operator_name;
  char *period;
  gint64 village_id;
  BfAssessmentSummary summary;
} Run;

static void
run_free (Run *run)
{
  g_free (run->path);
  g_free (run->operator_name);
  g_free (run->period);
  g_free (run);
}

typedef struct
{
  BfAssessmentPage *page;
  guint done, total;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *p = data;

  if (p->total > 0)
    gtk_progress_bar_set_fraction (p->page->run_progress, (double) p->done / p->total);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->page);
  g_free (p);
}

static void
run_progress_cb (guint done, guint total, gpointer user_data)
{
  GTask *task = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->page = g_object_ref (g_task_get_source_object (task));
  p->done = done;
  p->total = total;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, show_progress_cb, p,
                              progress_free);
}

static void
run_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Run *run = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) writer = bf_store_open (run->path, BF_STORE_OPEN_DEFAULT, &error);

  if (writer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  bf_store_set_operator (writer, run->operator_name);
  if (bf_store_assess (writer, run->period, run->village_id, NULL, run_progress_cb, task,
                       cancellable, &run->summary, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
set_running (BfAssessmentPage *self, gboolean running)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.run", !running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_visible (GTK_WIDGET (self->run_progress), running);
  gtk_progress_bar_set_fraction (self->run_progress, 0);
}

static void
run_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfAssessmentPage *self = BF_ASSESSMENT_PAGE (source);
  Run *run = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  BfPeriod period;

  set_running (self, FALSE);
  g_clear_object (&self->run_cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_label_set_text (self->run_summary, error->message);
      return;
    }
  bf_period_parse (run->period, &period, NULL);
  label = bf_period_label (&period);
  text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%s: %u household assessed — %u below the poverty line, %u near it, %u above; "
                 "%u without a survey.",
                 "%s: %u households assessed — %u below the poverty line, %u near it, %u above; "
                 "%u without a survey.",
                 run->summary.assessed),
    label, run->summary.assessed, run->summary.below, run->summary.near, run->summary.above,
    run->summary.skipped);
  gtk_label_set_text (self->run_summary, text);
  bf_gui_toast (GTK_WIDGET (self), _ ("Assessment saved"));
  reload_list (self);
}

static void
run_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfAssessmentPage *self = BF_ASSESSMENT_PAGE (widget);
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  Run *run;
  BfPeriod period;

  if (self->store == NULL || self->run_cancellable != NULL)
    return;
  if (!bf_period_parse (gtk_editable_get_text (GTK_EDITABLE (self->period_entry)), &period, &error))
    {
      gtk_label_set_text (self->run_summary, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->period_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_entry), "error");
  run = g_new0 (Run, 1);
  run->path = g_strdup (bf_store_get_path (self->store));
  run->operator_name = g_strdup (bf_store_get_operator (self->store));
  run->period = bf_period_format (&period);
  run->village_id = bf_exit_scope_get (self->scope_dropdown, self->scope_ids);
  self->run_cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  gtk_label_set_text (self->run_summary, _ ("Assessing…"));
  task = g_task_new (self, self->run_cancellable, run_done_cb, NULL);
  g_task_set_source_tag (task, run_activated);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, run_thread);
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_cancellable_cancel (BF_ASSESSMENT_PAGE (widget)->run_cancellable);
}

/* ---------------------------------------------------------------------------------------------
 * Follow-up
 */

typedef struct
{
  gint64 village_id;
  guint years;
} FollowQuery;

static gpointer
follow_work (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  FollowQuery *q = data;

  return bf_exit_list_read_new (BF_EXIT_LIST_FOLLOW_UP,
                                bf_store_follow_up_list (reader, q->village_id, q->years, error));
}

static void
follow_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfAssessmentPage *self = BF_ASSESSMENT_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfExitListRead) read = bf_gui_read_finish (result, &error);
  g_autofree char *summary = NULL;
  GPtrArray *rows;
  guint never = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bf_exit_list_replace (self->follow_ups, read != NULL ? read->items : NULL);
  if (read == NULL)
    {
      gtk_label_set_text (self->follow_summary, error->message);
      return;
    }
  rows = read->records;
  for (guint i = 0; i < rows->len; i++)
    {
      const BfCaseRow *row = g_ptr_array_index (rows, i);
      const char *exited = row->exited_on != NULL ? row->exited_on : row->status_since;

      /* a visit before the exit is no follow-up visit */
      never += row->last_visit_on == NULL || g_strcmp0 (row->last_visit_on, exited) < 0;
    }
  summary = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u household exited within the follow-up years set in Preferences (%d); %u "
                 "not visited since the exit. The longest without a visit come first.",
                 "%u households exited within the follow-up years set in Preferences (%d); %u "
                 "not visited since the exit. The longest without a visit come first.",
                 rows->len),
    rows->len, (int) self->follow_years, never);
  gtk_label_set_text (self->follow_summary, summary);
}

static void
reload_follow_up (BfAssessmentPage *self)
{
  FollowQuery *q;

  if (self->worker == NULL)
    return;
  q = g_new0 (FollowQuery, 1);
  q->village_id = bf_exit_scope_get (self->follow_scope_dropdown, self->follow_ids);
  /* The register's years (bangfu-cli reads the same); Preferences edits them. */
  q->years = self->follow_years = bf_store_followup_years (self->store);
  bf_gui_reader_run (self->worker, self, follow_work, q, g_free,
                     (GDestroyNotify) bf_exit_list_read_free, self->cancellable, follow_done_cb,
                     NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Views
 */

/* Loads the visible view again when the register changed since it was loaded. */
static void
refresh_visible (BfAssessmentPage *self, gboolean force)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  gint64 counter;

  if (self->store == NULL || name == NULL)
    return;
  counter = bf_store_get_change_counter (self->store);
  if (!force && counter == self->shown_counter)
    return;
  self->shown_counter = counter;
  if (g_str_equal (name, "income"))
    reload_list (self);
  else if (g_str_equal (name, "follow-up"))
    reload_follow_up (self);
  else if (g_str_equal (name, "exit"))
    bf_exit_view_refresh (self->exit_view);
  else if (g_str_equal (name, "adjustments"))
    bf_adjustments_view_refresh (self->adjustments_view);
  else if (g_str_equal (name, "indicators"))
    bf_indicators_view_refresh (self->indicators_view);
}

/* Off screen, a view waits to be loaded until the page is mapped (map_cb). */
static void
visible_child_cb (BfAssessmentPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_visible (self, TRUE);
  else
    self->shown_counter = -1;
}

/* A scope the caseworker chose loads its list; one filled in while the page is off screen (the
 * register opened) waits for the page to be shown. */
static void
scope_changed_cb (BfAssessmentPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->scope_dropdown)))
    reload_list (self);
}

static void
follow_scope_changed_cb (BfAssessmentPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->follow_scope_dropdown)))
    reload_follow_up (self);
}

static void
map_cb (BfAssessmentPage *self)
{
  refresh_visible (self, FALSE);
}

static void
bf_assessment_page_dispose (GObject *object)
{
  BfAssessmentPage *self = BF_ASSESSMENT_PAGE (object);

  g_clear_handle_id (&self->search_timeout, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->run_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_ASSESSMENT_PAGE);
  g_clear_pointer (&self->worker, bf_gui_reader_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_object (&self->assessments);
  g_clear_object (&self->follow_ups);
  g_clear_pointer (&self->scope_ids, g_array_unref);
  g_clear_pointer (&self->follow_ids, g_array_unref);
  G_OBJECT_CLASS (bf_assessment_page_parent_class)->dispose (object);
}

static void
bf_assessment_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, BF_ASSESSMENT_PAGE (object)->store);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_assessment_page_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        bf_assessment_page_set_store (BF_ASSESSMENT_PAGE (object), g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_assessment_page_class_init (BfAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_assessment_page_dispose;
  object_class->get_property = bf_assessment_page_get_property;
  object_class->set_property = bf_assessment_page_set_property;

  properties[PROP_STORE] = bf_gui_param_spec_store ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BF_TYPE_EXIT_VIEW);
  g_type_ensure (BF_TYPE_ADJUSTMENTS_VIEW);
  g_type_ensure (BF_TYPE_INDICATORS_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/assessment/bf-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, period_entry);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, run_progress);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, run_summary);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, result_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, falling_check);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, list_count);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, assessments_view);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, follow_scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, follow_summary);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, follow_view);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, exit_view);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, adjustments_view);
  gtk_widget_class_bind_template_child (widget_class, BfAssessmentPage, indicators_view);

  gtk_widget_class_install_action (widget_class, "assessment.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "assessment.cancel", NULL, cancel_activated);
}

static void
bf_assessment_page_init (BfAssessmentPage *self)
{
  g_autofree char *period = bf_exit_default_period ();

  gtk_widget_init_template (GTK_WIDGET (self));
  bf_gui_plain_flow_boxes (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->scope_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->follow_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->assessments = g_list_store_new (BF_TYPE_EXIT_ROW);
  self->follow_ups = g_list_store_new (BF_TYPE_EXIT_ROW);
  bf_exit_list_setup (self->assessments_view, BF_EXIT_LIST_ASSESSMENTS, _ ("Assessed households"));
  bf_exit_list_attach (self->assessments_view, G_LIST_MODEL (self->assessments));
  bf_exit_list_setup (self->follow_view, BF_EXIT_LIST_FOLLOW_UP, _ ("Households in follow-up"));
  bf_exit_list_attach (self->follow_view, G_LIST_MODEL (self->follow_ups));
  gtk_editable_set_text (GTK_EDITABLE (self->period_entry), period);

  g_signal_connect_swapped (self->period_entry, "activate", G_CALLBACK (reload_list), self);
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected", G_CALLBACK (scope_changed_cb),
                            self);
  g_signal_connect_swapped (self->result_dropdown, "notify::selected", G_CALLBACK (reload_list),
                            self);
  g_signal_connect_swapped (self->falling_check, "toggled", G_CALLBACK (reload_list), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                            self);
  g_signal_connect_swapped (self->follow_scope_dropdown, "notify::selected",
                            G_CALLBACK (follow_scope_changed_cb), self);
  g_signal_connect_object (self->settings, "changed::follow-up-years",
                           G_CALLBACK (reload_follow_up), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (visible_child_cb),
                            self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  set_running (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.run", FALSE);
}

GtkWidget *
bf_assessment_page_new (void)
{
  return g_object_new (BF_TYPE_ASSESSMENT_PAGE, NULL);
}

void
bf_assessment_page_set_store (BfAssessmentPage *self, BfStore *store)
{
  g_return_if_fail (BF_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (store == NULL || BF_IS_STORE (store));

  if (self->store == store)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->worker, bf_gui_reader_free);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->worker = bf_gui_reader_new (bf_store_get_path (store));
  bf_exit_scope_fill (self->scope_dropdown, store, self->scope_ids);
  bf_exit_scope_fill (self->follow_scope_dropdown, store, self->follow_ids);
  bf_exit_view_set_store (self->exit_view, store, self->worker);
  bf_adjustments_view_set_store (self->adjustments_view, store, self->worker);
  bf_indicators_view_set_store (self->indicators_view, store, self->worker);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.run",
                                 store != NULL && self->run_cancellable == NULL);
  if (store == NULL)
    {
      g_list_store_remove_all (self->assessments);
      g_list_store_remove_all (self->follow_ups);
    }
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_visible (self, TRUE);
  else
    self->shown_counter = -1; /* loaded when the page is shown */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

BfStore *
bf_assessment_page_get_store (BfAssessmentPage *self)
{
  g_return_val_if_fail (BF_IS_ASSESSMENT_PAGE (self), NULL);
  return self->store;
}

void
bf_assessment_page_show_view (BfAssessmentPage *self, const char *name)
{
  g_return_if_fail (BF_IS_ASSESSMENT_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

void
bf_assessment_page_show_household (BfAssessmentPage *self, gint64 household_id)
{
  g_return_if_fail (BF_IS_ASSESSMENT_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, "exit");
  bf_exit_view_select_household (self->exit_view, household_id);
}

BfExitView *
bf_assessment_page_get_exit_view (BfAssessmentPage *self)
{
  return self->exit_view;
}

BfAdjustmentsView *
bf_assessment_page_get_adjustments_view (BfAssessmentPage *self)
{
  return self->adjustments_view;
}

BfIndicatorsView *
bf_assessment_page_get_indicators_view (BfAssessmentPage *self)
{
  return self->indicators_view;
}

GListModel *
bf_assessment_page_get_assessments (BfAssessmentPage *self)
{
  return G_LIST_MODEL (self->assessments);
}

GListModel *
bf_assessment_page_get_follow_ups (BfAssessmentPage *self)
{
  return G_LIST_MODEL (self->follow_ups);
}

gboolean
bf_assessment_page_get_busy (BfAssessmentPage *self)
{
  return self->run_cancellable != NULL;
}
