/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-ledgers-page.h"

/* A placeholder page: ui/bf-ledgers-page.ui says what this page will hold. */
struct _BfLedgersPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (BfLedgersPage, bf_ledgers_page, ADW_TYPE_BIN)

static void
bf_ledgers_page_class_init (BfLedgersPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/bangfu/Bangfu/bf-ledgers-page.ui");
}

static void
bf_ledgers_page_init (BfLedgersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bf_ledgers_page_new (void)
{
  return g_object_new (BF_TYPE_LEDGERS_PAGE, NULL);
}
