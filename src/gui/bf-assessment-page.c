/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-assessment-page.h"

/* A placeholder page: ui/bf-assessment-page.ui says what this page will hold. */
struct _BfAssessmentPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (BfAssessmentPage, bf_assessment_page, ADW_TYPE_BIN)

static void
bf_assessment_page_class_init (BfAssessmentPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/bangfu/Bangfu/bf-assessment-page.ui");
}

static void
bf_assessment_page_init (BfAssessmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bf_assessment_page_new (void)
{
  return g_object_new (BF_TYPE_ASSESSMENT_PAGE, NULL);
}
