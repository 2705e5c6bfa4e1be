/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-plans-page.h"

/* A placeholder page: ui/bf-plans-page.ui says what this page will hold. */
struct _BfPlansPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (BfPlansPage, bf_plans_page, ADW_TYPE_BIN)

static void
bf_plans_page_class_init (BfPlansPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/bangfu/Bangfu/bf-plans-page.ui");
}

static void
bf_plans_page_init (BfPlansPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bf_plans_page_new (void)
{
  return g_object_new (BF_TYPE_PLANS_PAGE, NULL);
}
