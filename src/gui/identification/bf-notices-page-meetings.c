/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notices page: appraisal meetings and their votes. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-notices-page-private.h"

static const char *const meeting_kinds[] = { "villagers", "representatives" };

/* ---------------------------------------------------------------------------------------------
 * Appraisal meetings
 */

void
bf_notices_meetings_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkWidget *buttons[] = {
    bf_notices_action_button (_ ("_New Meeting"), "meeting.new", "suggested-action"), NULL
  };
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GError) error = NULL;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  if (self->store == NULL)
    return;
  page = bf_notices_show_form (self, "meetings", _ ("Democratic Appraisal Meetings"), buttons);
  group = bf_notices_add_group (page, NULL);
  meetings = bf_store_list_meetings (self->store, 0, &error);
  bf_notices_show_problem (self, error);
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      const BfMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *title =
        g_strdup_printf ("%s %s · %s", meeting->held_on, meeting->village_name,
                         bf_code_label (BF_CODES_MEETING_KIND, meeting->kind));
      g_autofree char *subtitle =
        g_strdup_printf (_ ("%u passed, %u failed, %u without a result"), meeting->n_passed,
                         meeting->n_failed, meeting->n_pending);
      GtkWidget *row = bf_notices_add_row (group, title, subtitle);

      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", meeting->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meeting.open");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  if (meetings == NULL || meetings->len == 0)
    bf_notices_add_row (group, _ ("No meetings yet"),
                        _ ("A meeting appraises the verified households of one village."));
}

static GtkSpinButton *
vote_spin (GtkWidget *row, int value, const char *tooltip)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  return GTK_SPIN_BUTTON (spin);
}

static void
add_vote_row (BfNoticesPage *self, const BfAppraisalVote *vote)
{
  g_autofree char *title = g_strdup_printf ("%s %s", vote->household_number, vote->head_name);
  g_autofree char *subtitle = g_strdup_printf (
    _ ("%s%d members"), bf_notices_group_prefix (vote->group_name), vote->member_count);
  const char *results[] = { _ ("No result"), _ ("Passed"), _ ("Failed"), NULL };
  GtkWidget *row = bf_notices_add_row (self->meeting_votes, title, subtitle);
  VoteWidgets *widgets = g_new0 (VoteWidgets, 1);

  widgets->votes_for = vote_spin (row, vote->votes_for, _ ("For"));
  widgets->votes_against = vote_spin (row, vote->votes_against, _ ("Against"));
  widgets->abstentions = vote_spin (row, vote->abstentions, _ ("Abstaining"));
  widgets->result = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (results));
  gtk_drop_down_set_selected (widgets->result, vote->passed < 0 ? 0 : vote->passed ? 1 : 2);
  gtk_widget_set_valign (GTK_WIDGET (widgets->result), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (widgets->result));
  /* A saved result is history. */
  gtk_widget_set_sensitive (row, !vote->decided);
  g_ptr_array_add (self->vote_widgets, widgets);
}

static void
show_meeting (BfNoticesPage *self)
{
  const BfMeeting *meeting = self->meeting;
  GtkWidget *buttons[4] = { NULL };
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  gboolean moved = FALSE;
  guint village = 0, n = 0;

  /* The store refuses to delete a meeting once it has moved a household. */
  for (guint i = 0; i < meeting->votes->len; i++)
    moved |= ((BfAppraisalVote *) g_ptr_array_index (meeting->votes, i))->decided;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.delete", meeting->id != 0 && !moved);
  if (meeting->id != 0 && !moved)
    buttons[n++] =
      bf_notices_action_button (_ ("_Delete Meeting"), "meeting.delete", "destructive-action");
  buttons[n++] =
    bf_notices_action_button (_ ("Add _Waiting Households"), "meeting.add-waiting", NULL);
  buttons[n++] = bf_notices_action_button (_ ("_Save"), "meeting.save", "suggested-action");
  page = bf_notices_show_form (
    self, "meeting", meeting->id ? _ ("Appraisal Meeting") : _ ("New Appraisal Meeting"), buttons);
  group = bf_notices_add_group (page, _ ("Meeting"));
  self->meeting_village =
    bf_notices_add_combo (group, _ ("Village"), bf_notices_village_labels (self, NULL, NULL));
  for (guint i = 0; self->villages != NULL && i < self->villages->len; i++)
    if (((BfVillage *) g_ptr_array_index (self->villages, i))->id == meeting->village_id)
      village = i;
  adw_combo_row_set_selected (self->meeting_village, village);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meeting_village), meeting->votes->len == 0);
  self->meeting_date = bf_notices_add_entry (group, _ ("Held on (YYYY-MM-DD)"), meeting->held_on);
  self->meeting_kind = bf_notices_add_combo (
    group, _ ("Kind"), bf_notices_code_labels (BF_CODES_MEETING_KIND, meeting_kinds, 2, NULL));
  adw_combo_row_set_selected (self->meeting_kind,
                              g_strcmp0 (meeting->kind, "representatives") == 0);
  self->meeting_host = bf_notices_add_entry (group, _ ("Host"), meeting->host);
  self->meeting_entitled = bf_notices_add_spin (group, _ ("Entitled to attend"), meeting->entitled);
  self->meeting_present = bf_notices_add_spin (group, _ ("Present"), meeting->present);
  self->meeting_minutes = bf_notices_add_entry (group, _ ("Minutes"), meeting->minutes);

  self->meeting_votes = bf_notices_add_group (page, _ ("Households and votes"));
  adw_preferences_group_set_description (
    self->meeting_votes, _ ("Saving moves each household with a result: passed on to appraised, "
                            "failed to not included. All of them move, or none."));
  g_ptr_array_set_size (self->vote_widgets, 0);
  for (guint i = 0; i < meeting->votes->len; i++)
    add_vote_row (self, g_ptr_array_index (meeting->votes, i));
}

void
bf_notices_new_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);

  g_clear_pointer (&self->meeting, bf_meeting_free);
  self->meeting = bf_meeting_new ();
  self->meeting->held_on = bf_notices_today_text ();
  self->meeting->kind = g_strdup ("representatives");
  self->meeting->village_id = bf_notices_village_at (self, 0);
  show_meeting (self);
}

void
bf_notices_open_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  BfMeeting *meeting = bf_store_meeting_get (self->store, g_variant_get_int64 (parameter), &error);

  if (meeting == NULL)
    {
      bf_notices_show_problem (self, error);
      return;
    }
  g_clear_pointer (&self->meeting, bf_meeting_free);
  self->meeting = meeting;
  show_meeting (self);
}

/* Copies the form into self->meeting. */
static void
read_meeting_form (BfNoticesPage *self)
{
  BfMeeting *meeting = self->meeting;

  meeting->village_id =
    bf_notices_village_at (self, adw_combo_row_get_selected (self->meeting_village));
  g_free (meeting->held_on);
  meeting->held_on = bf_notices_entry_text (self->meeting_date);
  g_free (meeting->kind);
  meeting->kind =
    g_strdup (meeting_kinds[MIN (adw_combo_row_get_selected (self->meeting_kind), 1)]);
  g_free (meeting->host);
  meeting->host = bf_notices_entry_text (self->meeting_host);
  meeting->entitled = gtk_spin_button_get_value_as_int (self->meeting_entitled);
  meeting->present = gtk_spin_button_get_value_as_int (self->meeting_present);
  g_free (meeting->minutes);
  meeting->minutes = bf_notices_entry_text (self->meeting_minutes);
  for (guint i = 0; i < meeting->votes->len && i < self->vote_widgets->len; i++)
    {
      BfAppraisalVote *vote = g_ptr_array_index (meeting->votes, i);
      VoteWidgets *widgets = g_ptr_array_index (self->vote_widgets, i);
      guint result = gtk_drop_down_get_selected (widgets->result);

      vote->votes_for = gtk_spin_button_get_value_as_int (widgets->votes_for);
      vote->votes_against = gtk_spin_button_get_value_as_int (widgets->votes_against);
      vote->abstentions = gtk_spin_button_get_value_as_int (widgets->abstentions);
      vote->passed = result == 0 ? -1 : result == 1 ? 1 : 0;
    }
}

void
bf_notices_add_waiting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GPtrArray) waiting = NULL;
  g_autoptr (GError) error = NULL;
  guint added = 0;

  read_meeting_form (self);
  waiting = bf_store_meeting_waiting (self->store, self->meeting->village_id, &error);
  if (waiting == NULL)
    {
      bf_notices_show_problem (self, error);
      return;
    }
  for (guint i = 0; i < waiting->len; i++)
    {
      const BfHouseholdRow *row = g_ptr_array_index (waiting, i);
      BfAppraisalVote *vote;
      gboolean present = FALSE;

      for (guint j = 0; j < self->meeting->votes->len; j++)
        present |=
          ((BfAppraisalVote *) g_ptr_array_index (self->meeting->votes, j))->household_id ==
          row->id;
      if (present)
        continue;
      vote = bf_appraisal_vote_new ();
      vote->household_id = row->id;
      vote->household_number = g_strdup (row->number);
      vote->head_name = g_strdup (row->head_name);
      vote->group_name = g_strdup (row->group_name);
      vote->member_count = row->member_count;
      g_ptr_array_add (self->meeting->votes, vote);
      added++;
    }
  show_meeting (self);
  if (added == 0)
    bf_notices_toast (self, _ ("No household of the village is waiting for appraisal"));
}

void
bf_notices_save_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;

  read_meeting_form (self);
  if (!bf_store_meeting_save (self->store, self->meeting, &error))
    {
      bf_notices_show_problem (self, error);
      return;
    }
  bf_notices_toast (self, _ ("The meeting is saved"));
  {
    GVariant *id = g_variant_new_int64 (self->meeting->id);

    g_variant_ref_sink (id);
    bf_notices_open_meeting_activated (widget, "meeting.open", id);
    g_variant_unref (id);
  }
}

static void
delete_meeting_response (AdwMessageDialog *dialog, const char *response, BfNoticesPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->meeting == NULL || self->store == NULL)
    return;
  if (!bf_store_meeting_delete (self->store, self->meeting->id, &error))
    {
      bf_notices_show_problem (self, error);
      return;
    }
  g_clear_pointer (&self->meeting, bf_meeting_free);
  gtk_widget_activate_action (GTK_WIDGET (self), "notices.meetings", NULL);
  bf_notices_toast (self, _ ("The meeting is deleted"));
}

/* The store keeps no way back for a deleted meeting, so it asks first instead of offering Undo. */
void
bf_notices_delete_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->meeting == NULL || self->meeting->id == 0)
    return;
  body = g_strdup_printf (_ ("The meeting held on %s and its recorded votes are removed. No "
                             "household has been moved by it, so none changes status."),
                          self->meeting->held_on ? self->meeting->held_on : "");
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _ ("Delete the Meeting?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete",
                                    _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_meeting_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
