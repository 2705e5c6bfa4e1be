/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-form.h"
#include "bf-member-editor.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* The household form (入户调查): basic information, members, income and expenditure, causes, the
 * six guarantees, housing and production, survey facts and the history. A page of the window, not
 * a dialog: Back (Escape) leaves it, asking first when something is unsaved; what is typed is kept
 * as a draft every few seconds until it is saved or discarded. */
#define BF_TYPE_HOUSEHOLD_EDITOR (bf_household_editor_get_type ())
G_DECLARE_FINAL_TYPE (BfHouseholdEditor, bf_household_editor, BF, HOUSEHOLD_EDITOR, GtkWidget)

/* The draft form name in the register's drafts table. */
#define BF_HOUSEHOLD_DRAFT_FORM "household"

GtkWidget *bf_household_editor_new (void);

void bf_household_editor_set_store (BfHouseholdEditor *self, BfStore *store);
BfStore *bf_household_editor_get_store (BfHouseholdEditor *self);

/* Starts a new household. */
void bf_household_editor_new_household (BfHouseholdEditor *self);
/* Opens household @id. */
gboolean bf_household_editor_load (BfHouseholdEditor *self, gint64 id, GError **error);
/* Opens what a draft payload describes and puts its typed values back. */
gboolean
bf_household_editor_restore_draft (BfHouseholdEditor *self, const char *payload, GError **error);
/* A caseworker's name for the household a draft is about ("430102-001 (张三)", "a new household").
 */
char *bf_household_editor_describe_draft (const char *payload);

/* Checks everything and saves the household in one transaction. FALSE when something blocks it
 * (shown next to the fields). */
gboolean bf_household_editor_save (BfHouseholdEditor *self);
gboolean bf_household_editor_get_dirty (BfHouseholdEditor *self);
gint64 bf_household_editor_get_household_id (BfHouseholdEditor *self);
/* Writes the draft now if anything changed since the last one. */
void bf_household_editor_save_draft (BfHouseholdEditor *self);
/* How often the draft is written while something is unsaved (milliseconds, default 3000). */
void bf_household_editor_set_draft_interval (BfHouseholdEditor *self, guint interval_ms);

typedef void (*BfEditorCloseCallback) (gboolean may_close, gpointer data);
/* Asks to Save, Discard or Cancel when something is unsaved, then tells @callback whether the
 * editor may be left. @callback runs once; @data must stay alive until then. */
void bf_household_editor_request_close (BfHouseholdEditor *self,
                                        BfEditorCloseCallback callback,
                                        gpointer data);
/* Leaves without asking: the draft is discarded. */
void bf_household_editor_discard (BfHouseholdEditor *self);

BfForm *bf_household_editor_get_form (BfHouseholdEditor *self);
BfMemberEditor *bf_household_editor_get_member_editor (BfHouseholdEditor *self);
/* The members as typed (JSON objects of the member form), for tests and drafts. */
guint bf_household_editor_get_n_members (BfHouseholdEditor *self);
JsonObject *bf_household_editor_get_member (BfHouseholdEditor *self, guint index);
/* Opens the member form for member @index (-1: a new member). */
void bf_household_editor_edit_member (BfHouseholdEditor *self, int index);
/* The problem shown above the form when saving failed, or NULL. */
const char *bf_household_editor_get_problem (BfHouseholdEditor *self);
/* The per-capita net income line as shown ("3,200.00 — below the poverty line …"). */
const char *bf_household_editor_get_income_summary (BfHouseholdEditor *self);

G_END_DECLS
