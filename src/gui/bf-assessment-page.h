/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BF_TYPE_ASSESSMENT_PAGE (bf_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (BfAssessmentPage, bf_assessment_page, BF, ASSESSMENT_PAGE, AdwBin)

GtkWidget *bf_assessment_page_new (void);

G_END_DECLS
