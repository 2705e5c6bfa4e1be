/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-notices-page.h"

/* A placeholder page: ui/bf-notices-page.ui says what this page will hold. */
struct _BfNoticesPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (BfNoticesPage, bf_notices_page, ADW_TYPE_BIN)

static void
bf_notices_page_class_init (BfNoticesPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/bangfu/Bangfu/bf-notices-page.ui");
}

static void
bf_notices_page_init (BfNoticesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bf_notices_page_new (void)
{
  return g_object_new (BF_TYPE_NOTICES_PAGE, NULL);
}
