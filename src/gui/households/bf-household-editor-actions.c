/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household form: saving, leaving (asking about unsaved changes), deleting, and the
 * household.* actions. */
#include <glib/gi18n-lib.h>

#include "bf-household-editor-private.h"
#include "bf-store-drafts.h"
#include "bf-store-household.h"

gboolean
bf_household_editor_save (BfHouseholdEditor *self)
{
  g_autoptr (BfHousehold) household = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHousehold) saved = NULL;
  gboolean was_new;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), FALSE);

  if (!self->open || self->store == NULL)
    return FALSE;

  /* A member form left open is applied first, or saving waits for it. */
  if (_bf_household_editor_member_editor_is_open (self))
    {
      if (!bf_member_editor_validate (self->member_editor))
        {
          _bf_household_editor_set_problem (
            self, _ ("The member form has mistakes: correct them or go back"));
          return FALSE;
        }
      _bf_household_editor_member_done (self->member_editor, self);
    }

  self->checked = TRUE;
  household = _bf_household_editor_build_household (self, _bf_household_editor_report_to_form);
  if (household == NULL)
    {
      const char *key = bf_form_first_error (self->form);
      guint n = bf_form_count_errors (self->form) +
                (gtk_widget_get_visible (self->members_message_row) ? 1 : 0);
      g_autofree char *problem =
        g_strdup_printf (ngettext ("Not saved: %u problem is marked below",
                                   "Not saved: %u problems are marked below", n),
                         n);

      _bf_household_editor_set_problem (self, problem);
      if (key != NULL)
        gtk_widget_grab_focus (bf_form_get_widget (self->form, key));
      return FALSE;
    }

  was_new = household->id == 0;
  if (!bf_store_household_save (self->store, household, &error))
    {
      if (g_error_matches (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_NUMBER))
        bf_form_set_error (self->form, "number", error->message);
      else if (g_error_matches (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON))
        _bf_household_editor_set_members_problem (self, error->message);
      _bf_household_editor_set_problem (self, error->message);
      return FALSE;
    }

  /* Forget the draft of what was saved (a new household's draft has no target yet). */
  _bf_household_editor_discard_draft (self);
  saved = bf_store_household_get (self->store, household->id, &error);
  if (saved == NULL)
    {
      _bf_household_editor_set_problem (self, error->message);
      return FALSE;
    }
  _bf_household_editor_show_household (self, g_steal_pointer (&saved));
  if (was_new)
    bf_store_draft_discard (self->store, BF_HOUSEHOLD_DRAFT_FORM, NULL, NULL);
  bf_form_show_toast (GTK_WIDGET (self), adw_toast_new (_ ("Saved")));
  g_signal_emit (self, _bf_household_editor_signals[SIGNAL_SAVED], 0, self->household->id);
  return TRUE;
}

void
bf_household_editor_discard (BfHouseholdEditor *self)
{
  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  _bf_household_editor_discard_draft (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->open = FALSE;
  _bf_household_editor_close_member_editor (self);
}

typedef struct
{
  BfHouseholdEditor *self;
  BfEditorCloseCallback callback;
  gpointer data;
} CloseRequest;

static void
on_close_response (BfUnsavedResponse response, gpointer data)
{
  CloseRequest *request = data;
  BfHouseholdEditor *self = request->self;
  gboolean may_close = FALSE;

  switch (response)
    {
      case BF_UNSAVED_SAVE:
        may_close = bf_household_editor_save (self);
        break;
      case BF_UNSAVED_DISCARD:
        bf_household_editor_discard (self);
        may_close = TRUE;
        break;
      case BF_UNSAVED_CANCEL:
      default:
        break;
    }
  if (may_close)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      self->open = FALSE;
    }
  request->callback (may_close, request->data);
  g_object_unref (self);
  g_free (request);
}

void
bf_household_editor_request_close (BfHouseholdEditor *self,
                                   BfEditorCloseCallback callback,
                                   gpointer data)
{
  CloseRequest *request;

  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  if (!bf_household_editor_get_dirty (self))
    {
      /* Nothing unsaved: a leftover draft (typed, then typed back) goes too. */
      if (self->open)
        _bf_household_editor_discard_draft (self);
      g_clear_handle_id (&self->draft_source, g_source_remove);
      self->open = FALSE;
      callback (TRUE, data);
      return;
    }
  request = g_new0 (CloseRequest, 1);
  request->self = g_object_ref (self);
  request->callback = callback;
  request->data = data;
  bf_form_ask_unsaved (GTK_WIDGET (self), _ ("Save the changes to this household?"),
                       _ ("If you leave without saving, what you typed is lost."), _ ("_Save"),
                       on_close_response, request);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  bf_household_editor_save (BF_HOUSEHOLD_EDITOR (widget));
}

static void
on_back_decided (gboolean may_close, gpointer data)
{
  BfHouseholdEditor *self = data;

  if (may_close)
    g_signal_emit (self, _bf_household_editor_signals[SIGNAL_CLOSE], 0);
  g_object_unref (self);
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdEditor *self = BF_HOUSEHOLD_EDITOR (widget);

  bf_household_editor_request_close (self, on_back_decided, g_object_ref (self));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfHouseholdEditor *self = BF_HOUSEHOLD_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self->household == NULL || self->household->id == 0)
    return;
  id = self->household->id;
  if (!bf_store_household_delete (self->store, id, &error))
    {
      _bf_household_editor_set_problem (self, error->message);
      return;
    }
  bf_household_editor_discard (self);
  g_signal_emit (self, _bf_household_editor_signals[SIGNAL_DELETED], 0, id,
                 self->household->number);
  g_signal_emit (self, _bf_household_editor_signals[SIGNAL_CLOSE], 0);
}

static void
add_member_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  bf_household_editor_edit_member (BF_HOUSEHOLD_EDITOR (widget), -1);
}

void
_bf_household_editor_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "household.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "household.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "household.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "household.add-member", NULL,
                                   add_member_activated);
}
