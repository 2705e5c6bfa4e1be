/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-gui-util.h"
#include "bf-helper-assign.h"
#include "bf-plans-util.h"

typedef struct
{
  BfStore *store;
  GArray *household_ids;
  GStrv values; /* helper ids as text, "" first */
  GtkDropDown *helper;
  GtkEntry *date;
  GtkWidget *parent;
  BfAssignDone done;
  gpointer data;
} Assign;

static void
assign_free (Assign *assign)
{
  g_object_unref (assign->store);
  g_array_unref (assign->household_ids);
  g_strfreev (assign->values);
  g_object_unref (assign->parent);
  g_free (assign);
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, Assign *assign)
{
  g_autoptr (GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (assign->helper);
  gint64 helper_id = 0;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (assign->date));

  if (g_strcmp0 (response, "assign") != 0)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && assign->values[selected] != NULL)
    helper_id = bf_plans_id_parse (assign->values[selected]);
  if (!bf_store_helper_assign_many (assign->store, (const gint64 *) assign->household_ids->data,
                                    assign->household_ids->len, helper_id,
                                    date[0] != '\0' ? date : NULL, &error))
    {
      bf_gui_show_error (assign->parent, _ ("Could Not Assign the Helper"), error);
      return;
    }
  {
    /* TRANSLATORS: a toast after assigning a helper to %u households */
    g_autofree char *message =
      g_strdup_printf (ngettext ("Helper assigned to %u household",
                                 "Helper assigned to %u households", assign->household_ids->len),
                       assign->household_ids->len);
    bf_gui_toast (assign->parent, message);
  }
  if (assign->done != NULL)
    assign->done (helper_id, assign->data);
}

AdwMessageDialog *
bf_helper_assign_present (GtkWidget *parent,
                          BfStore *store,
                          const gint64 *household_ids,
                          guint n_households,
                          gint64 current_helper_id,
                          BfAssignDone done,
                          gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  Assign *assign = g_new0 (Assign, 1);
  g_auto (GStrv) labels = NULL;
  g_autofree char *today = bf_plans_today ();
  g_autofree char *body = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label;
  AdwMessageDialog *dialog;

  assign->store = g_object_ref (store);
  assign->household_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (assign->household_ids, household_ids, n_households);
  assign->parent = g_object_ref (parent);
  assign->done = done;
  assign->data = data;
  bf_plans_helper_choices (store, _ ("No helper"), 0, &assign->values, &labels);

  assign->helper = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const *) labels));
  gtk_drop_down_set_enable_search (assign->helper, TRUE);
  for (guint i = 0; assign->values[i] != NULL; i++)
    if (bf_plans_id_parse (assign->values[i]) == current_helper_id && current_helper_id != 0)
      gtk_drop_down_set_selected (assign->helper, i);
  if (current_helper_id == 0 && assign->values[1] != NULL)
    gtk_drop_down_set_selected (assign->helper, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (assign->helper), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Helper"), -1);
  assign->date = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (assign->date), today);
  gtk_accessible_update_property (GTK_ACCESSIBLE (assign->date), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("From"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (assign->helper));
  label = gtk_label_new (_ ("From (YYYY-MM-DD)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (assign->date));

  body = g_strdup_printf (ngettext ("The helper becomes responsible for %u household from the day "
                                    "given; the previous helper’s time is kept in the history.",
                                    "The helper becomes responsible for %u households from the "
                                    "day given; the previous helpers’ time is kept in the history.",
                                    n_households),
                          n_households);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Assign a Helper"), body));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "assign", _ ("_Assign"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "assign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "assign");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bf-assign", assign, (GDestroyNotify) assign_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), assign);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
bf_helper_assign_choose (AdwMessageDialog *dialog, gint64 helper_id, const char *on)
{
  Assign *assign = g_object_get_data (G_OBJECT (dialog), "bf-assign");

  g_return_if_fail (assign != NULL);
  for (guint i = 0; assign->values[i] != NULL; i++)
    if (bf_plans_id_parse (assign->values[i]) == helper_id)
      gtk_drop_down_set_selected (assign->helper, i);
  if (on != NULL)
    gtk_editable_set_text (GTK_EDITABLE (assign->date), on);
}
