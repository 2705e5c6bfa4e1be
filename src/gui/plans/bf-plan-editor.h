/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-form.h"
#include "bf-store-plans.h"

G_BEGIN_DECLS

/* A household's assistance plan for one year (帮扶计划): the goal and the measures with every
 * field, the measures suggested for the household's causes (taken or ignored), and last year's
 * plan as a start. Edits stay in the editor until Save writes the plan and its measures in one
 * transaction. */
#define BF_TYPE_PLAN_EDITOR (bf_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (BfPlanEditor, bf_plan_editor, BF, PLAN_EDITOR, GtkWidget)

GtkWidget *bf_plan_editor_new (void);

/* Shows the plan of @household (read now: its id, number, head and causes) for the current
 * year: the saved one, or a new one. */
void
bf_plan_editor_set_household (BfPlanEditor *self, BfStore *store, const BfHousehold *household);
/* Shows the plan of @year (a new one when there is none); unsaved changes are dropped. */
void bf_plan_editor_show_year (BfPlanEditor *self, int year);
int bf_plan_editor_get_year (BfPlanEditor *self);
/* The plan as edited. */
const BfPlan *bf_plan_editor_get_plan (BfPlanEditor *self);
gboolean bf_plan_editor_get_dirty (BfPlanEditor *self);
/* Saves the plan; FALSE with the problem shown above the form. */
gboolean bf_plan_editor_save (BfPlanEditor *self);
const char *bf_plan_editor_get_problem (BfPlanEditor *self);
/* Starts from last year's plan (the plan shown must be new). */
gboolean bf_plan_editor_copy_last_year (BfPlanEditor *self);

/* The measure form: opens measure @index (-1: a new one); Done takes it into the plan (FALSE
 * while a field is wrong, marked next to it); Cancel leaves the plan as it was. */
void bf_plan_editor_edit_measure (BfPlanEditor *self, int index);
gboolean bf_plan_editor_measure_done (BfPlanEditor *self);
void bf_plan_editor_measure_cancel (BfPlanEditor *self);
BfForm *bf_plan_editor_get_measure_form (BfPlanEditor *self);

/* The suggestions shown (not in the plan, not ignored), as const BfMeasureSuggestion*. */
guint bf_plan_editor_get_n_suggestions (BfPlanEditor *self);
/* Adds suggestion @index to the plan as a planned measure (see the form to complete it). */
void bf_plan_editor_accept_suggestion (BfPlanEditor *self, guint index);
void bf_plan_editor_ignore_suggestion (BfPlanEditor *self, guint index);

/* Asks about unsaved changes (Save, Discard, Cancel) and tells @callback whether the editor may
 * be left; runs it at once when nothing is unsaved. */
void bf_plan_editor_request_close (BfPlanEditor *self,
                                   void (*callback) (gboolean may_close, gpointer data),
                                   gpointer data);

G_END_DECLS
