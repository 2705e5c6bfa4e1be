/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-gui-util.h"
#include "bf-dates.h"
#include "bf-exit-ui.h"
#include "bf-exit-view.h"
#include "bf-store-household.h"
#include "bf-store-notices.h"
#include "bf-store-workflow.h"

/* The exit steps of docs/domain.md §7 for one household at a time: its checks (with the exception
 * the rules allow), then the step its status calls for — exit assessment, exit notice, township
 * acceptance, county approval. */
struct _BfExitView
{
  AdwBin parent_instance;

  BfStore *store;
  BfGuiReader *worker;
  GSettings *settings;
  GCancellable *cancellable;
  GArray *scope_ids;
  GListStore *candidates;
  GtkFilterListModel *filtered;
  GtkFilter *search_filter; /* on the list only while there is text to search for */
  GHashTable *index;        /* the candidates' BfExitListRead.index */
  GtkSingleSelection *selection;
  gint64 household_id;
  gint64 village_id;
  gint64 acceptance_id;
  char *status;
  GtkWidget *check_rows[BF_N_EXIT_CHECKS];
  GtkWidget *check_icons[BF_N_EXIT_CHECKS];
  gboolean check_passed[BF_N_EXIT_CHECKS];

  GtkDropDown *scope_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel *candidates_label;
  GtkColumnView *candidates_view;
  AdwStatusPage *empty_status;
  GtkWidget *detail_box;
  GtkLabel *household_title;
  GtkLabel *household_subtitle;
  AdwPreferencesGroup *checks_group;
  GtkWidget *exception_group;
  AdwEntryRow *exception_row;
  GtkWidget *withdraw_button;
  GtkWidget *assess_group;
  GtkWidget *notice_group;
  AdwEntryRow *notice_start_row;
  GtkSpinButton *notice_days_spin;
  GtkWidget *acceptance_group;
  AdwEntryRow *team_row;
  AdwEntryRow *accepted_on_row;
  GtkSwitch *accepted_switch;
  AdwEntryRow *not_accepted_row;
  AdwEntryRow *reported_row;
  GtkWidget *approval_group;
  AdwActionRow *acceptance_info_row;
  AdwEntryRow *report_row;
  AdwEntryRow *approved_on_row;
  AdwEntryRow *document_row;
  GtkWidget *exited_group;
  AdwActionRow *exited_row;
};

G_DEFINE_FINAL_TYPE (BfExitView, bf_exit_view, ADW_TYPE_BIN)

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The text of an optional date field: NULL when left empty. */
static const char *
optional_text (AdwEntryRow *row)
{
  const char *text = entry_text (row);

  return text[0] != '\0' ? text : NULL;
}

static void
set_today (AdwEntryRow *row)
{
  g_autofree char *today = bf_exit_today ();

  gtk_editable_set_text (GTK_EDITABLE (row), today);
}

/* ---------------------------------------------------------------------------------------------
 * Detail
 */

static void
show_checks (BfExitView *self)
{
  g_autoptr (GError) error = NULL;
  BfExitCheck checks[BF_N_EXIT_CHECKS];
  gboolean passed;

  if (!bf_store_exit_check (self->store, self->household_id, checks, &passed, &error))
    {
      adw_preferences_group_set_description (self->checks_group, error->message);
      return;
    }
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (self->check_rows[i]);
      /* TRANSLATORS: the result of one exit check, read before its reason */
      g_autofree char *title =
        g_strdup_printf (checks[i].passed ? _ ("%s: passed") : _ ("%s: not passed"),
                         bf_exit_check_title (checks[i].id));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (row, checks[i].reason);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->check_icons[i]),
                                    checks[i].passed ? "emblem-ok-symbolic"
                                                     : "dialog-warning-symbolic");
      if (checks[i].passed)
        {
          gtk_widget_add_css_class (self->check_icons[i], "success");
          gtk_widget_remove_css_class (self->check_icons[i], "warning");
        }
      else
        {
          gtk_widget_add_css_class (self->check_icons[i], "warning");
          gtk_widget_remove_css_class (self->check_icons[i], "success");
        }
      self->check_passed[i] = checks[i].passed;
    }
  adw_preferences_group_set_description (
    self->checks_group,
    passed ? _ ("Every check passes: the household meets the exit standard.")
           : _ ("Not every check passes: the household stays under assistance for now."));
  bf_exit_checks_clear (checks);
}

/* The exception is for a household no member of which can work; shown when that check fails or one
 * is recorded. */
static void
show_exception (BfExitView *self)
{
  g_autofree char *note = bf_store_exit_exception_get (self->store, self->household_id, NULL);

  gtk_widget_set_visible (self->exception_group,
                          note != NULL || !self->check_passed[BF_EXIT_CHECK_LABOUR]);
  gtk_editable_set_text (GTK_EDITABLE (self->exception_row), note != NULL ? note : "");
  gtk_widget_set_sensitive (self->withdraw_button, note != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.withdraw-exception", note != NULL);
}

static void
show_acceptance (BfExitView *self)
{
  g_autoptr (BfExitAcceptance) acceptance =
    bf_store_exit_acceptance_latest (self->store, self->household_id, NULL);
  g_autofree char *team = NULL;
  g_autofree char *info = NULL;

  self->acceptance_id = acceptance != NULL ? acceptance->id : 0;
  if (acceptance == NULL)
    {
      adw_action_row_set_subtitle (self->acceptance_info_row, _ ("None recorded"));
      return;
    }
  team = g_strjoinv (_ (", "), acceptance->team);
  info = g_strdup_printf (
    /* TRANSLATORS: "2026-06-27, team: 张三, 李四 — accepted; reported 2026-06-28" */
    _ ("%s, team: %s — %s; %s"), acceptance->accepted_on, team,
    g_strcmp0 (acceptance->result, "accepted") == 0 ? _ ("accepted") : _ ("not accepted"),
    acceptance->reported_on != NULL ? acceptance->reported_on : _ ("not yet reported"));
  adw_action_row_set_subtitle (self->acceptance_info_row, info);
  gtk_editable_set_text (GTK_EDITABLE (self->report_row),
                         acceptance->reported_on != NULL ? acceptance->reported_on : "");
}

static void
show_exited (BfExitView *self)
{
  g_autoptr (GPtrArray) events = bf_store_events_for (self->store, self->household_id, NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      BfEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (event->action, "approve_exit") == 0)
        {
          g_autofree char *text =
            g_strdup_printf (_ ("Approved on %s, document %s."), event->event_date,
                             event->document_number != NULL ? event->document_number : "—");

          adw_action_row_set_subtitle (self->exited_row, text);
          return;
        }
    }
  adw_action_row_set_subtitle (self->exited_row, _ ("No approval recorded."));
}

/* Which step of the exit the household's status calls for. */
static void
show_step (BfExitView *self)
{
  const char *s = self->status;

  gtk_widget_set_visible (self->assess_group, g_strcmp0 (s, "registered") == 0);
  gtk_widget_set_visible (self->notice_group, g_strcmp0 (s, "exit_assessed") == 0);
  gtk_widget_set_visible (self->acceptance_group, g_strcmp0 (s, "exit_notice") == 0);
  gtk_widget_set_visible (self->approval_group, g_strcmp0 (s, "exit_accepted") == 0);
  gtk_widget_set_visible (self->exited_group, g_strcmp0 (s, "exited") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.assess",
                                 g_strcmp0 (s, "registered") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.post-notice",
                                 g_strcmp0 (s, "exit_assessed") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.accept",
                                 g_strcmp0 (s, "exit_notice") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.approve",
                                 g_strcmp0 (s, "exit_accepted") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.report",
                                 g_strcmp0 (s, "exit_accepted") == 0);
  if (g_strcmp0 (s, "exit_accepted") == 0)
    show_acceptance (self);
  if (g_strcmp0 (s, "exited") == 0)
    show_exited (self);
}

static void
show_detail (BfExitView *self)
{
  g_autoptr (BfHousehold) household = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const BfMember *head;
  BfStatus status;

  if (self->store != NULL && self->household_id != 0)
    household = bf_store_household_get (self->store, self->household_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_status), household == NULL);
  gtk_widget_set_visible (self->detail_box, household != NULL);
  g_clear_pointer (&self->status, g_free);
  if (household == NULL)
    {
      self->household_id = 0;
      show_step (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.record-exception", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.withdraw-exception", FALSE);
      return;
    }
  head = bf_household_get_head (household);
  self->village_id = household->village_id;
  self->status = g_strdup (household->status);
  title = g_strdup_printf ("%s %s", household->number, head != NULL ? head->name : "");
  subtitle =
    g_strdup_printf ("%s %s · %s", household->village_name,
                     household->group_name != NULL ? household->group_name : "",
                     bf_status_from_code (household->status, &status) ? bf_status_label (status)
                                                                      : household->status);
  gtk_label_set_text (self->household_title, title);
  gtk_label_set_text (self->household_subtitle, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exit.record-exception", TRUE);
  show_checks (self);
  show_exception (self);
  show_step (self);
}

/* ---------------------------------------------------------------------------------------------
 * The candidates
 */

static gpointer
candidates_work (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  return bf_exit_list_read_new (BF_EXIT_LIST_CASES,
                                bf_store_exit_candidates (reader, *(gint64 *) data, error));
}

static void
select_in_list (BfExitView *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = self->household_id != 0 ? g_list_model_get_n_items (model) : 0;

  /* Unfiltered, the list is the worker's rows in order and its index answers at once. */
  if (n > 0 && self->index != NULL && gtk_filter_list_model_get_filter (self->filtered) == NULL)
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &self->household_id));

      n = 0;
      if (position > 0)
        {
          gtk_single_selection_set_selected (self->selection, position - 1);
          return;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BfExitRow) row = g_list_model_get_item (model, i);

      if (bf_exit_row_get_household_id (row) == self->household_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
candidates_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfExitView *self = BF_EXIT_VIEW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfExitListRead) read = bf_gui_read_finish (result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bf_exit_list_replace (self->candidates, read != NULL ? read->items : NULL);
  g_clear_pointer (&self->index, g_hash_table_unref);
  if (read != NULL)
    self->index = g_steal_pointer (&read->index);
  if (read == NULL)
    {
      gtk_label_set_text (self->candidates_label, error->message);
      return;
    }
  text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u household under assistance or on its way to exit.",
                 "%u households under assistance or on their way to exit.", read->items->len),
    read->items->len);
  gtk_label_set_text (self->candidates_label, text);
  select_in_list (self);
}

static void
reload_candidates (BfExitView *self)
{
  gint64 *village;

  if (self->worker == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  village = g_new (gint64, 1);
  *village = bf_exit_scope_get (self->scope_dropdown, self->scope_ids);
  bf_gui_reader_run (self->worker, self, candidates_work, village, g_free,
                     (GDestroyNotify) bf_exit_list_read_free, self->cancellable, candidates_done_cb,
                     NULL);
}

/* The register opened fills the scope in while the view may be off screen: the page loads the
 * list when it shows the view (bf_exit_view_refresh), not now. */
static void
scope_changed_cb (BfExitView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->scope_dropdown)))
    reload_candidates (self);
}

static void
selection_changed_cb (BfExitView *self)
{
  BfExitRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row == NULL || bf_exit_row_get_household_id (row) == self->household_id)
    return;
  self->household_id = bf_exit_row_get_household_id (row);
  show_detail (self);
}

static gboolean
filter_row (gpointer item, gpointer user_data)
{
  BfExitView *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return strstr (bf_exit_row_get_cell (item, 0), text) != NULL ||
         strstr (bf_exit_row_get_cell (item, 1), text) != NULL;
}

static void
search_changed_cb (BfExitView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* No filter at all on an empty search: a fill then passes no row through it. */
  if (text[0] == '\0')
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, self->search_filter);
  else
    gtk_filter_changed (self->search_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* A write done: the list and the detail again, and a word on the window. */
static void
after_write (BfExitView *self, const char *toast)
{
  bf_gui_toast (GTK_WIDGET (self), toast);
  show_detail (self);
  reload_candidates (self);
}

/* ---------------------------------------------------------------------------------------------
 * Actions
 */

static gboolean
report_error (BfExitView *self, const char *heading, GError *error)
{
  if (error == NULL)
    return TRUE;
  bf_gui_show_error (GTK_WIDGET (self), heading, error);
  return FALSE;
}

static void
record_exception_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfExitView *self = BF_EXIT_VIEW (widget);
  g_autoptr (GError) error = NULL;

  bf_store_exit_exception_record (self->store, self->household_id, entry_text (self->exception_row),
                                  NULL, &error);
  if (report_error (self, _ ("Could Not Record the Exception"), error))
    after_write (self, _ ("Exception recorded"));
}

static void
withdraw_exception_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfExitView *self = BF_EXIT_VIEW (widget);
  g_autoptr (GError) error = NULL;

  bf_store_exit_exception_withdraw (self->store, self->household_id, &error);
  if (report_error (self, _ ("Could Not Withdraw the Exception"), error))
    after_write (self, _ ("Exception withdrawn"));
}

static void
assess_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfExitView *self = BF_EXIT_VIEW (widget);
  g_autoptr (GError) error = NULL;

  bf_store_exit_assess (self->store, self->household_id, NULL, &error);
  if (report_error (self, _ ("The Household Cannot Exit Yet"), error))
    after_write (self, _ ("Exit assessed: put the household on an exit notice"));
}

static void
post_notice_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfExitView *self = BF_EXIT_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfNotice) notice = NULL;
  g_autofree char *toast = NULL;
  const char *start = optional_text (self->notice_start_row);
  guint days = (guint) gtk_spin_button_get_value_as_int (self->notice_days_spin);
  GDate first, last;

  notice = bf_store_notice_prepare (self->store, "exit", self->village_id, start, &error);
  if (notice != NULL && bf_date_parse (notice->starts_on, &first, NULL))
    {
      bf_notice_period_end (&first, days, &last);
      g_free (notice->ends_on);
      notice->ends_on = bf_date_format (&last);
    }
  if (notice != NULL && bf_store_notice_save (self->store, notice, &error))
    bf_store_notice_post (self->store, notice->id, notice->starts_on, &error);
  if (!report_error (self, _ ("Could Not Post the Exit Notice"), error))
    return;
  toast = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Exit notice posted for %u household until %s",
                 "Exit notice posted for %u households until %s", notice->items->len),
    notice->items->len, notice->ends_on);
  after_write (self, toast);
}

/* "张三，李四、王五" → the names. */
static char **
split_team (const char *text)
{
  g_autoptr (GString) normal = g_string_new (text);

  g_string_replace (normal, "，", ",", 0);
  g_string_replace (normal, "、", ",", 0);
  g_string_replace (normal, ";", ",", 0);
  return g_strsplit (normal->str, ",", -1);
}

static void
accept_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfExitView *self = BF_EXIT_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) team = split_team (entry_text (self->team_row));
  BfExitAcceptanceSpec spec = {
    .accepted_on = optional_text (self->accepted_on_row),
    .team = (const char *const *) team,
    .accepted = gtk_switch_get_active (self->accepted_switch),
    .reported_on = optional_text (self->reported_row),
    .reason = entry_text (self->not_accepted_row),
  };

  bf_store_exit_accept (self->store, self->household_id, &spec, &error);
  if (!report_error (self, _ ("Could Not Record the Acceptance"), error))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->not_accepted_row), "");
  after_write (self, spec.accepted ? _ ("Exit accepted: report it to the county")
                                   : _ ("Not accepted: the household stays under assistance"));
}

static void
report_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfExitView *self = BF_EXIT_VIEW (widget);
  g_autoptr (GError) error = NULL;

  bf_store_exit_acceptance_set_reported (self->store, self->acceptance_id,
                                         optional_text (self->report_row), &error);
  if (report_error (self, _ ("Could Not Record the Report Date"), error))
    after_write (self, _ ("Report date recorded"));
}

static void
approve_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfExitView *self = BF_EXIT_VIEW (widget);
  g_autoptr (GError) error = NULL;

  bf_store_exit_approve (self->store, self->household_id, optional_text (self->approved_on_row),
                         entry_text (self->document_row), &error);
  if (!report_error (self, _ ("Could Not Approve the Exit"), error))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->document_row), "");
  after_write (self, _ ("Exit approved: the household is in follow-up"));
}

/* ---------------------------------------------------------------------------------------------
 * Object
 */

static void
add_check_rows (BfExitView *self)
{
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bf_exit_check_title (i));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->checks_group, row);
      self->check_rows[i] = row;
      self->check_icons[i] = icon;
    }
}

static void
bf_exit_view_dispose (GObject *object)
{
  BfExitView *self = BF_EXIT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_EXIT_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_object (&self->candidates);
  g_clear_object (&self->selection);
  g_clear_object (&self->search_filter);
  g_clear_pointer (&self->scope_ids, g_array_unref);
  g_clear_pointer (&self->status, g_free);
  self->worker = NULL;
  G_OBJECT_CLASS (bf_exit_view_parent_class)->dispose (object);
}

static void
bf_exit_view_class_init (BfExitViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bf_exit_view_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/assessment/bf-exit-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, BfExitView, name)
  CHILD (scope_dropdown);
  CHILD (search_entry);
  CHILD (candidates_label);
  CHILD (candidates_view);
  CHILD (empty_status);
  CHILD (detail_box);
  CHILD (household_title);
  CHILD (household_subtitle);
  CHILD (checks_group);
  CHILD (exception_group);
  CHILD (exception_row);
  CHILD (withdraw_button);
  CHILD (assess_group);
  CHILD (notice_group);
  CHILD (notice_start_row);
  CHILD (notice_days_spin);
  CHILD (acceptance_group);
  CHILD (team_row);
  CHILD (accepted_on_row);
  CHILD (accepted_switch);
  CHILD (not_accepted_row);
  CHILD (reported_row);
  CHILD (approval_group);
  CHILD (acceptance_info_row);
  CHILD (report_row);
  CHILD (approved_on_row);
  CHILD (document_row);
  CHILD (exited_group);
  CHILD (exited_row);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "exit.record-exception", NULL,
                                   record_exception_activated);
  gtk_widget_class_install_action (widget_class, "exit.withdraw-exception", NULL,
                                   withdraw_exception_activated);
  gtk_widget_class_install_action (widget_class, "exit.assess", NULL, assess_activated);
  gtk_widget_class_install_action (widget_class, "exit.post-notice", NULL, post_notice_activated);
  gtk_widget_class_install_action (widget_class, "exit.accept", NULL, accept_activated);
  gtk_widget_class_install_action (widget_class, "exit.report", NULL, report_activated);
  gtk_widget_class_install_action (widget_class, "exit.approve", NULL, approve_activated);
}

static void
report_apply_cb (BfExitView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "exit.report", NULL);
}

static void
bf_exit_view_init (BfExitView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bf_gui_plain_flow_boxes (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->scope_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->candidates = g_list_store_new (BF_TYPE_EXIT_ROW);
  self->search_filter = GTK_FILTER (gtk_custom_filter_new (filter_row, self, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->candidates)), NULL);
  bf_exit_list_setup (self->candidates_view, BF_EXIT_LIST_CASES, _ ("Exit candidates"));
  self->selection =
    g_object_ref (bf_exit_list_attach (self->candidates_view, G_LIST_MODEL (self->filtered)));
  g_object_unref (self->filtered); /* the selection holds it */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  add_check_rows (self);
  set_today (self->notice_start_row);
  set_today (self->accepted_on_row);
  set_today (self->approved_on_row);
  gtk_spin_button_set_value (self->notice_days_spin,
                             g_settings_get_int (self->settings, "notice-default-days"));

  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                            self);
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected", G_CALLBACK (scope_changed_cb),
                            self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                            self);
  g_signal_connect_swapped (self->report_row, "apply", G_CALLBACK (report_apply_cb), self);
  show_detail (self);
}

GtkWidget *
bf_exit_view_new (void)
{
  return g_object_new (BF_TYPE_EXIT_VIEW, NULL);
}

void
bf_exit_view_set_store (BfExitView *self, BfStore *store, BfGuiReader *worker)
{
  g_return_if_fail (BF_IS_EXIT_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->store, store);
  self->worker = worker;
  self->household_id = 0;
  bf_exit_scope_fill (self->scope_dropdown, store, self->scope_ids);
  g_list_store_remove_all (self->candidates);
  g_clear_pointer (&self->index, g_hash_table_unref);
  show_detail (self);
}

void
bf_exit_view_refresh (BfExitView *self)
{
  g_return_if_fail (BF_IS_EXIT_VIEW (self));

  reload_candidates (self);
  show_detail (self);
}

void
bf_exit_view_select_household (BfExitView *self, gint64 household_id)
{
  g_return_if_fail (BF_IS_EXIT_VIEW (self));

  self->household_id = household_id;
  show_detail (self);
  select_in_list (self);
}

gint64
bf_exit_view_get_household (BfExitView *self)
{
  g_return_val_if_fail (BF_IS_EXIT_VIEW (self), 0);
  return self->household_id;
}

GListModel *
bf_exit_view_get_candidates (BfExitView *self)
{
  g_return_val_if_fail (BF_IS_EXIT_VIEW (self), NULL);
  return G_LIST_MODEL (self->candidates);
}

gboolean
bf_exit_view_get_check_passed (BfExitView *self, BfExitCheckId id)
{
  g_return_val_if_fail (BF_IS_EXIT_VIEW (self), FALSE);
  g_return_val_if_fail (id < BF_N_EXIT_CHECKS, FALSE);
  return self->check_passed[id];
}

const char *
bf_exit_view_get_check_reason (BfExitView *self, BfExitCheckId id)
{
  g_return_val_if_fail (BF_IS_EXIT_VIEW (self), NULL);
  g_return_val_if_fail (id < BF_N_EXIT_CHECKS, NULL);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->check_rows[id]));
}

const char *
bf_exit_view_get_status (BfExitView *self)
{
  g_return_val_if_fail (BF_IS_EXIT_VIEW (self), NULL);
  return self->status;
}
