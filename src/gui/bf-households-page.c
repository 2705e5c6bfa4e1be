/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-households-page.h"

/* A placeholder page: ui/bf-households-page.ui says what this page will hold. */
struct _BfHouseholdsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (BfHouseholdsPage, bf_households_page, ADW_TYPE_BIN)

static void
bf_households_page_class_init (BfHouseholdsPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/bangfu/Bangfu/bf-households-page.ui");
}

static void
bf_households_page_init (BfHouseholdsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bf_households_page_new (void)
{
  return g_object_new (BF_TYPE_HOUSEHOLDS_PAGE, NULL);
}
