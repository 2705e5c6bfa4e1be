/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notices page: preparing and posting a new notice. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-notices-page-private.h"

/* ---------------------------------------------------------------------------------------------
 * A new notice
 */

static void
fill_draft (BfNoticesPage *self)
{
  const BfNotice *draft = self->draft;

  gtk_editable_set_text (GTK_EDITABLE (self->create_title), draft->title ? draft->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->create_ends), draft->ends_on ? draft->ends_on : "");
  gtk_editable_set_text (GTK_EDITABLE (self->create_issuer),
                         draft->issuing_body ? draft->issuing_body : "");
  gtk_editable_set_text (GTK_EDITABLE (self->create_phone),
                         draft->supervision_phone ? draft->supervision_phone : "");
  g_ptr_array_set_size (self->create_checks, 0);
  for (guint i = 0; i < draft->items->len; i++)
    {
      const BfNoticeItem *item = g_ptr_array_index (draft->items, i);
      g_autofree char *title = g_strdup_printf ("%s %s", item->household_number, item->head_name);
      g_autofree char *subtitle =
        g_strdup_printf (_ ("%s %s · %d members"), item->village_name ? item->village_name : "",
                         item->group_name ? item->group_name : "", item->member_count);
      GtkWidget *row = bf_notices_add_row (self->create_households, title, subtitle);
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_ptr_array_add (self->create_checks, check);
    }
  if (draft->items->len == 0)
    bf_notices_add_row (self->create_households, _ ("No household is at this step"), NULL);
}

/* Refills the households group from self->draft (rows cannot be listed back out of a group). */
static void
rebuild_households (BfNoticesPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (
    gtk_widget_get_ancestor (GTK_WIDGET (self->create_households), ADW_TYPE_PREFERENCES_PAGE));

  adw_preferences_page_remove (page, self->create_households);
  self->create_households = bf_notices_add_group (page, _ ("Households at this step"));
  fill_draft (self);
}

void
bf_notices_prepare_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *starts = bf_notices_entry_text (self->create_starts);
  guint kind = adw_combo_row_get_selected (self->create_kind);
  guint village = adw_combo_row_get_selected (self->create_village);
  BfNotice *draft;

  draft = bf_store_notice_prepare (self->store, bf_notices_page_kinds[MIN (kind, 3)],
                                   village == 0 ? 0 : bf_notices_village_at (self, village - 1),
                                   starts, &error);
  bf_notices_show_problem (self, error);
  if (draft == NULL)
    return;
  g_clear_pointer (&self->draft, bf_notice_free);
  self->draft = draft;
  rebuild_households (self);
}

/* The create form, also used to edit a saved draft (@title says which). */
static void
show_notice_form (BfNoticesPage *self, const char *title, const char *starts)
{
  GtkWidget *buttons[] = {
    bf_notices_action_button (_ ("_Save Draft"), "notice.save-draft", "suggested-action"), NULL
  };
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *prepare;

  page = bf_notices_show_form (self, "create", title, buttons);
  group = bf_notices_add_group (page, _ ("Notice"));
  self->create_kind = bf_notices_add_combo (
    group, _ ("Kind"),
    bf_notices_code_labels (BF_CODES_NOTICE_KIND, bf_notices_page_kinds, 4, NULL));
  self->create_village = bf_notices_add_combo (
    group, _ ("Village"), bf_notices_village_labels (self, _ ("Whole township"), NULL));
  if (self->villages != NULL && self->villages->len > 0)
    adw_combo_row_set_selected (self->create_village, 1);
  self->create_starts = bf_notices_add_entry (group, _ ("First day (YYYY-MM-DD)"), starts);
  prepare = bf_notices_action_button (_ ("_Find Households"), "notice.prepare", NULL);
  gtk_widget_set_halign (prepare, GTK_ALIGN_END);
  gtk_widget_set_margin_top (prepare, 6);
  adw_preferences_group_set_header_suffix (group, prepare);

  group = bf_notices_add_group (page, _ ("Text"));
  self->create_title = bf_notices_add_entry (group, _ ("Title"), NULL);
  self->create_ends = bf_notices_add_entry (group, _ ("Last day (YYYY-MM-DD)"), NULL);
  self->create_issuer = bf_notices_add_entry (group, _ ("Issuing body"), NULL);
  self->create_phone = bf_notices_add_entry (group, _ ("Supervision phone"), NULL);
  self->create_place = bf_notices_add_entry (group, _ ("Posting place"), NULL);
  self->create_text = bf_notices_add_entry (group, _ ("Own paragraph (optional)"), NULL);
  self->create_households = bf_notices_add_group (page, _ ("Households at this step"));
}

void
bf_notices_new_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autofree char *today = bf_notices_today_text ();

  if (self->store == NULL)
    return;
  show_notice_form (self, _ ("New Notice"), today);
  gtk_widget_action_set_enabled (widget, "notice.prepare", TRUE);
  g_clear_pointer (&self->draft, bf_notice_free);
  gtk_widget_activate_action (widget, "notice.prepare", NULL);
}

/* The create form on the open draft, saving back into it. Its kind and village stay: the households
 * on it were chosen for them, and Find Households would only offer those on no open notice. */
void
bf_notices_edit_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  BfNotice *draft;
  guint village = 0;

  if (self->notice == NULL || !g_str_equal (self->notice->state, "draft"))
    return;
  /* Read again: the draft is saved whole, so it starts from what the register holds. */
  draft = bf_store_notice_get (self->store, self->notice->id, &error);
  if (draft == NULL)
    {
      bf_notices_show_problem (self, error);
      return;
    }
  g_clear_pointer (&self->draft, bf_notice_free);
  self->draft = draft;
  show_notice_form (self, _ ("Edit Draft"), draft->starts_on);
  for (guint i = 0; i < G_N_ELEMENTS (bf_notices_page_kinds); i++)
    if (g_strcmp0 (draft->kind, bf_notices_page_kinds[i]) == 0)
      adw_combo_row_set_selected (self->create_kind, i);
  for (guint i = 0; draft->village_id != 0 && self->villages != NULL && i < self->villages->len;
       i++)
    if (((BfVillage *) g_ptr_array_index (self->villages, i))->id == draft->village_id)
      village = i + 1;
  adw_combo_row_set_selected (self->create_village, village);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_kind), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_village), FALSE);
  gtk_widget_action_set_enabled (widget, "notice.prepare", FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->create_place),
                         draft->posting_place ? draft->posting_place : "");
  gtk_editable_set_text (GTK_EDITABLE (self->create_text), draft->body ? draft->body : "");
  fill_draft (self);
  bf_notices_show_problem (self, NULL);
}

void
bf_notices_save_draft_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  BfNotice *draft = self->draft;

  if (draft == NULL)
    return;
  g_free (draft->title);
  draft->title = bf_notices_entry_text (self->create_title);
  g_free (draft->starts_on);
  draft->starts_on = bf_notices_entry_text (self->create_starts);
  g_free (draft->ends_on);
  draft->ends_on = bf_notices_entry_text (self->create_ends);
  g_free (draft->issuing_body);
  draft->issuing_body = bf_notices_entry_text (self->create_issuer);
  g_free (draft->supervision_phone);
  draft->supervision_phone = bf_notices_entry_text (self->create_phone);
  g_free (draft->posting_place);
  draft->posting_place = bf_notices_entry_text (self->create_place);
  g_free (draft->body);
  draft->body = bf_notices_entry_text (self->create_text);
  /* Unticked households stay off the notice. */
  for (guint i = self->create_checks->len; i > 0; i--)
    if (!gtk_check_button_get_active (g_ptr_array_index (self->create_checks, i - 1)))
      g_ptr_array_remove_index (draft->items, i - 1);
  g_ptr_array_set_size (self->create_checks, 0);

  if (!bf_store_notice_save (self->store, draft, &error))
    {
      bf_notices_show_problem (self, error);
      /* A new draft is prepared again; an edited one keeps the households still ticked. */
      if (draft->id == 0)
        gtk_widget_activate_action (widget, "notice.prepare", NULL);
      else
        rebuild_households (self);
      return;
    }
  bf_notices_toast (self, _ ("The draft is saved"));
  bf_notices_page_refresh (self);
  bf_notices_page_open_notice (self, draft->id);
}
