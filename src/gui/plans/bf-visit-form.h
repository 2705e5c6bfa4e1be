/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-form.h"
#include "bf-store-plans.h"

G_BEGIN_DECLS

/* One visit to a household (走访记录): date, visitor, mode, findings, problems, rectification
 * and its deadline, rectified date, satisfaction and notes. Save writes it at once. */
#define BF_TYPE_VISIT_FORM (bf_visit_form_get_type ())
G_DECLARE_FINAL_TYPE (BfVisitForm, bf_visit_form, BF, VISIT_FORM, GtkWidget)

GtkWidget *bf_visit_form_new (void);

/* Edits @visit (copied) of household @household_id, or a new visit when @visit is NULL: today,
 * by @helper_id (0: none) under their name. @title names the household. */
void bf_visit_form_set_visit (BfVisitForm *self,
                              BfStore *store,
                              gint64 household_id,
                              const char *title,
                              const BfVisit *visit,
                              gint64 helper_id);
/* Saves; FALSE with the problem shown (fields marked). On success emits "saved" and closes the
 * window it is in. */
gboolean bf_visit_form_save (BfVisitForm *self);
BfForm *bf_visit_form_get_form (BfVisitForm *self);
const char *bf_visit_form_get_problem (BfVisitForm *self);

/* Opens a window with the form over @parent's window. */
BfVisitForm *bf_visit_form_present (GtkWidget *parent,
                                    BfStore *store,
                                    gint64 household_id,
                                    const char *title,
                                    const BfVisit *visit,
                                    gint64 helper_id);

G_END_DECLS
