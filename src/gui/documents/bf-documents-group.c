/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-documents-group.h"
#include "bf-gui-util.h"
#include "bf-store-documents.h"

/* The card.income setting in Preferences: the row shows the register's value, and a choice is
 * written back at once (one audited write); a refused write puts the row back. */
struct _BfDocumentsGroup
{
  AdwPreferencesGroup parent_instance;

  BfStore *store;
  gboolean showing; /* the row is being set from the register: no write */
  AdwComboRow *income_row;
};

G_DEFINE_FINAL_TYPE (BfDocumentsGroup, bf_documents_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_setting (BfDocumentsGroup *self)
{
  self->showing = TRUE;
  adw_combo_row_set_selected (self->income_row, self->store != NULL
                                                  ? (guint) bf_store_card_income (self->store)
                                                  : BF_CARD_INCOME_NONE);
  self->showing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->income_row), self->store != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->income_row),
                               self->store != NULL
                                 ? _ ("What the card shows of the latest survey’s income")
                                 : _ ("Open a register to choose"));
}

static void
income_changed_cb (BfDocumentsGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->income_row);
  g_autoptr (GError) error = NULL;

  if (self->showing || self->store == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (BfCardIncome) selected == bf_store_card_income (self->store))
    return;
  if (!bf_store_set_card_income (self->store, (BfCardIncome) selected, &error))
    {
      bf_gui_toast (GTK_WIDGET (self), error->message);
      show_setting (self);
    }
}

void
bf_documents_group_set_store (BfDocumentsGroup *self, BfStore *store)
{
  g_return_if_fail (BF_IS_DOCUMENTS_GROUP (self));
  g_return_if_fail (store == NULL || BF_IS_STORE (store));

  g_set_object (&self->store, store);
  show_setting (self);
}

static void
bf_documents_group_dispose (GObject *object)
{
  BfDocumentsGroup *self = BF_DOCUMENTS_GROUP (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_DOCUMENTS_GROUP);
  G_OBJECT_CLASS (bf_documents_group_parent_class)->dispose (object);
}

static void
bf_documents_group_class_init (BfDocumentsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_documents_group_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/documents/bf-documents-group.ui");
  gtk_widget_class_bind_template_child (widget_class, BfDocumentsGroup, income_row);
}

static void
bf_documents_group_init (BfDocumentsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->income_row, "notify::selected", G_CALLBACK (income_changed_cb),
                           self, G_CONNECT_SWAPPED);
  show_setting (self);
}

GtkWidget *
bf_documents_group_new (void)
{
  return g_object_new (BF_TYPE_DOCUMENTS_GROUP, NULL);
}
