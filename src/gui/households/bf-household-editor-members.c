/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household form: the members list, and the member form that edits one. */
#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-household-editor-private.h"
#include "bf-id-number.h"

static void refresh_members (BfHouseholdEditor *self);

gboolean
_bf_household_editor_member_editor_is_open (BfHouseholdEditor *self)
{
  return self->editing_member != -2 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "member") == 0;
}

static void
on_edit_member_clicked (GtkButton *button, BfHouseholdEditor *self)
{
  bf_household_editor_edit_member (
    self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
on_remove_member_clicked (GtkButton *button, BfHouseholdEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autofree char *title = NULL;
  JsonObject *member;

  if (index >= self->members->len)
    return;
  member = g_ptr_array_index (self->members, index);
  title = g_strdup_printf (_ ("%s removed from the household: save to keep the change"),
                           json_object_get_string_member_with_default (member, "name", ""));
  g_ptr_array_remove_index (self->members, index);
  refresh_members (self);
  _bf_household_editor_update_income (self);
  _bf_household_editor_validate (self);
  bf_form_show_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
on_member_row_activated (AdwActionRow *row, BfHouseholdEditor *self)
{
  bf_household_editor_edit_member (self,
                                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "index")));
}

static GtkWidget *
member_button (const char *icon, const char *label, int index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "index", GINT_TO_POINTER (index));
  return button;
}

static char *
member_subtitle (JsonObject *member)
{
  const char *relation = json_object_get_string_member_with_default (member, "relation", "");
  const char *sex = json_object_get_string_member_with_default (member, "sex", "");
  const char *birth = json_object_get_string_member_with_default (member, "birth_date", "");
  const char *health = json_object_get_string_member_with_default (member, "health", "");
  g_autofree char *masked =
    bf_id_number_mask (json_object_get_string_member_with_default (member, "id_number", ""));
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (*relation)
    g_ptr_array_add (parts, (gpointer) (bf_code_label (BF_CODES_RELATION, relation) ?: relation));
  g_ptr_array_add (parts, masked);
  if (*sex)
    g_ptr_array_add (parts, (gpointer) (bf_code_label (BF_CODES_SEX, sex) ?: sex));
  if (*birth)
    g_ptr_array_add (parts, (gpointer) birth);
  if (*health)
    g_ptr_array_add (parts, (gpointer) (bf_code_label (BF_CODES_HEALTH, health) ?: health));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
refresh_members (BfHouseholdEditor *self)
{
  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);
  g_object_ref (self->members_message_row);
  adw_preferences_group_remove (self->members_group, self->members_message_row);

  for (guint i = 0; i < self->members->len; i++)
    {
      JsonObject *member = g_ptr_array_index (self->members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit, *remove;
      g_autofree char *subtitle = member_subtitle (member);
      const char *name = json_object_get_string_member_with_default (member, "name", "");
      g_autofree char *edit_label = g_strdup_printf (_ ("Edit %s"), name);
      g_autofree char *remove_label = g_strdup_printf (_ ("Remove %s"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "index", GINT_TO_POINTER (i));
      g_signal_connect (row, "activated", G_CALLBACK (on_member_row_activated), self);

      edit = member_button ("document-edit-symbolic", edit_label, i);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_member_clicked), self);
      remove = member_button ("user-trash-symbolic", remove_label, i);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_member_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
  gtk_widget_set_visible (self->no_members_row, self->members->len == 0);
  adw_preferences_group_add (self->members_group, self->members_message_row);
  g_object_unref (self->members_message_row);
}

void
_bf_household_editor_set_members (BfHouseholdEditor *self, JsonArray *members)
{
  g_ptr_array_set_size (self->members, 0);
  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      JsonObject *member = json_array_get_object_element (members, i);
      if (member != NULL)
        g_ptr_array_add (self->members, json_object_ref (member));
    }
  refresh_members (self);
}

static GStrv
other_id_numbers (BfHouseholdEditor *self, int except)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->members->len; i++)
    {
      JsonObject *member = g_ptr_array_index (self->members, i);
      g_autofree char *number = g_strstrip (
        g_strdup (json_object_get_string_member_with_default (member, "id_number", "")));
      BfIdNumber parsed;

      if ((int) i != except && bf_id_number_parse (number, NULL, &parsed, NULL))
        g_strv_builder_add (builder, parsed.number);
    }
  return g_strv_builder_end (builder);
}

void
bf_household_editor_edit_member (BfHouseholdEditor *self, int index)
{
  g_auto (GStrv) others = NULL;
  JsonObject *member = NULL;

  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));
  g_return_if_fail (index < (int) self->members->len);

  if (index >= 0)
    member = g_ptr_array_index (self->members, index);
  else
    index = -1;
  others = other_id_numbers (self, index);
  self->editing_member = index;
  bf_member_editor_edit (self->member_editor, self->store, member,
                         self->household != NULL ? self->household->id : 0,
                         (const char *const *) others, self->members->len == 0);
  gtk_stack_set_visible_child_name (self->stack, "member");
  gtk_widget_grab_focus (
    bf_form_get_widget (bf_member_editor_get_form (self->member_editor), "name"));
}

void
_bf_household_editor_close_member_editor (BfHouseholdEditor *self)
{
  self->editing_member = -2;
  gtk_stack_set_visible_child_name (self->stack, "household");
}

void
_bf_household_editor_member_done (BfMemberEditor *editor, BfHouseholdEditor *self)
{
  JsonObject *member = bf_member_editor_get_json (editor);
  g_autofree char *number =
    g_strstrip (g_strdup (json_object_get_string_member_with_default (member, "id_number", "")));
  BfIdNumber parsed;

  /* Keep the normalised number (upper-case X, no spaces). */
  if (bf_id_number_parse (number, NULL, &parsed, NULL))
    json_object_set_string_member (member, "id_number", parsed.number);
  if (self->editing_member >= 0 && self->editing_member < (int) self->members->len)
    {
      json_object_unref (self->members->pdata[self->editing_member]);
      self->members->pdata[self->editing_member] = member;
    }
  else
    g_ptr_array_add (self->members, member);
  _bf_household_editor_close_member_editor (self);
  refresh_members (self);
  _bf_household_editor_update_income (self);
  _bf_household_editor_validate (self);
}

static void
on_member_cancelled (BfMemberEditor *editor, BfHouseholdEditor *self)
{
  _bf_household_editor_close_member_editor (self);
}

static void
on_member_open_household (BfMemberEditor *editor, gint64 id, BfHouseholdEditor *self)
{
  g_signal_emit (self, _bf_household_editor_signals[SIGNAL_OPEN_HOUSEHOLD], 0, id);
}

void
_bf_household_editor_members_init (BfHouseholdEditor *self)
{
  g_signal_connect (self->member_editor, "done", G_CALLBACK (_bf_household_editor_member_done),
                    self);
  g_signal_connect (self->member_editor, "cancelled", G_CALLBACK (on_member_cancelled), self);
  g_signal_connect (self->member_editor, "open-household", G_CALLBACK (on_member_open_household),
                    self);
}
