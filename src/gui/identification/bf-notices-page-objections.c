/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notices page: objections to a notice, received and decided. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-notices-page-private.h"

/* ---------------------------------------------------------------------------------------------
 * Objections
 */

void
bf_notices_add_objection_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkWidget *buttons[] = {
    bf_notices_action_button (_ ("_Save"), "objection.save", "suggested-action"), NULL
  };
  g_autofree char *today = bf_notices_today_text ();
  GtkStringList *households = gtk_string_list_new (NULL);
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  if (self->notice == NULL)
    return;
  for (guint i = 0; i < self->notice->items->len; i++)
    {
      const BfNoticeItem *item = g_ptr_array_index (self->notice->items, i);
      g_autofree char *label = g_strdup_printf ("%s %s", item->household_number, item->head_name);

      if (item->removed_on == NULL)
        gtk_string_list_append (households, label);
    }
  page = bf_notices_show_form (self, "objection", _ ("New Objection"), buttons);
  group = bf_notices_add_group (page, self->notice->title);
  self->objection_household = bf_notices_add_combo (group, _ ("Household"), households);
  self->objection_received = bf_notices_add_entry (group, _ ("Received on (YYYY-MM-DD)"), today);
  self->objection_complainant =
    bf_notices_add_entry (group, _ ("Complainant (optional, never printed)"), NULL);
  self->objection_content = bf_notices_add_entry (group, _ ("What the objection says"), NULL);
  self->objection_verification =
    bf_notices_add_entry (group, _ ("Verification so far (optional)"), NULL);
}

/* The live item at @position among the live items. */
static const BfNoticeItem *
live_item_at (const BfNotice *notice, guint position)
{
  for (guint i = 0; i < notice->items->len; i++)
    {
      const BfNoticeItem *item = g_ptr_array_index (notice->items, i);

      if (item->removed_on == NULL && position-- == 0)
        return item;
    }
  return NULL;
}

void
bf_notices_save_objection_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (BfObjection) objection = bf_objection_new ();
  g_autoptr (GError) error = NULL;
  const BfNoticeItem *item;

  if (self->notice == NULL)
    return;
  item = live_item_at (self->notice, adw_combo_row_get_selected (self->objection_household));
  objection->notice_id = self->notice->id;
  objection->household_id = item != NULL ? item->household_id : 0;
  objection->received_on = bf_notices_entry_text (self->objection_received);
  objection->complainant = bf_notices_entry_text (self->objection_complainant);
  objection->content = bf_notices_entry_text (self->objection_content);
  objection->verification = bf_notices_entry_text (self->objection_verification);
  if (!bf_store_objection_save (self->store, objection, &error))
    {
      bf_notices_show_problem (self, error);
      return;
    }
  bf_notices_toast (self, _ ("The objection is recorded"));
  bf_notices_reopen_notice (self, NULL);
}

void
bf_notices_decide_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkWidget *buttons[] = {
    bf_notices_action_button (_ ("_Decide"), "objection.save-decision", "suggested-action"), NULL
  };
  g_autoptr (BfObjection) objection = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = bf_notices_today_text ();
  g_autofree char *title = NULL;
  GtkStringList *results = gtk_string_list_new (NULL);
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  objection = bf_store_objection_get (self->store, g_variant_get_int64 (parameter), &error);
  if (objection == NULL)
    {
      bf_notices_show_problem (self, error);
      return;
    }
  self->deciding = objection->id;
  gtk_string_list_append (results, _ ("Dismissed: the household stays on the notice"));
  gtk_string_list_append (results, _ ("Upheld: the household is not included"));
  gtk_string_list_append (results, _ ("Upheld: back for re-verification"));
  gtk_string_list_append (results, _ ("Upheld: off the county announcement only"));
  title = g_strdup_printf (_ ("Objection about %s %s"), objection->household_number,
                           objection->head_name);
  page = bf_notices_show_form (self, "decide", title, buttons);
  group = bf_notices_add_group (page, objection->content);
  bf_notices_add_info (group, _ ("Received on"), objection->received_on);
  bf_notices_add_info (group, _ ("Complainant"), objection->complainant);
  self->decide_verification =
    bf_notices_add_entry (group, _ ("What the verification found"), objection->verification);
  self->decide_result = bf_notices_add_combo (group, _ ("Result"), results);
  self->decide_reason = bf_notices_add_entry (group, _ ("Reason (when upheld)"), NULL);
  self->decide_date = bf_notices_add_entry (group, _ ("Decided on (YYYY-MM-DD)"), today);
}

void
bf_notices_save_decision_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  static const BfObjectionDecision decisions[] = { BF_OBJECTION_DISMISS, BF_OBJECTION_UPHOLD_REJECT,
                                                   BF_OBJECTION_UPHOLD_RETURN,
                                                   BF_OBJECTION_UPHOLD };
  g_autoptr (GError) error = NULL;
  g_autofree char *verification = bf_notices_entry_text (self->decide_verification);
  g_autofree char *reason = bf_notices_entry_text (self->decide_reason);
  g_autofree char *date = bf_notices_entry_text (self->decide_date);
  guint result = MIN (adw_combo_row_get_selected (self->decide_result), 3);

  if (!bf_store_objection_decide (self->store, self->deciding, decisions[result], date,
                                  verification, reason, &error))
    {
      bf_notices_show_problem (self, error);
      return;
    }
  bf_notices_toast (self, _ ("The objection is decided"));
  bf_notices_reopen_notice (self, NULL);
}
