/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-plan-editor.h"
#include "bf-visit-form.h"

G_BEGIN_DECLS

/* The household form's Assistance group: the helper (and who helped before), this year's plan
 * (opened in the plan editor) and the visits, newest first, with their open problems. */
#define BF_TYPE_HOUSEHOLD_ASSISTANCE (bf_household_assistance_get_type ())
G_DECLARE_FINAL_TYPE (BfHouseholdAssistance,
                      bf_household_assistance,
                      BF,
                      HOUSEHOLD_ASSISTANCE,
                      AdwPreferencesGroup)

GtkWidget *bf_household_assistance_new (void);

/* Shows @household of @store (a new household, id 0: nothing until it is saved). @household is
 * the form's own record: when the helper changes here, its helper_id and helper_name are kept
 * in step, so that saving the form keeps the new helper. It must outlive the next call. */
void bf_household_assistance_set_household (BfHouseholdAssistance *self,
                                            BfStore *store,
                                            BfHousehold *household);
void bf_household_assistance_refresh (BfHouseholdAssistance *self);

/* What the buttons do, for tests: the plan editor or the visit form in a window of its own. */
BfPlanEditor *bf_household_assistance_open_plan (BfHouseholdAssistance *self);
BfVisitForm *bf_household_assistance_record_visit (BfHouseholdAssistance *self);

G_END_DECLS
