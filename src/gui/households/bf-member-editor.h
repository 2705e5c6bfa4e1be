/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "bf-form.h"
#include "bf-records.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* Receives a problem found in a form: an error (blocks saving) or a warning, for the field @key. */
typedef void (*BfFieldReport) (gpointer data,
                               const char *key,
                               const char *message,
                               gboolean is_error);

/* A member as the member form holds it: every field as typed, plus "id", "uuid" and
 * "person_number" kept from the record. */
JsonObject *bf_member_to_json (const BfMember *member);
/* The member the fields describe, or NULL when an error was reported (through @report). Checks
 * the ID number (with the core's reason), that sex and birth date agree with it (filling them
 * when empty), the required fields and impossible values. */
BfMember *bf_member_from_json (JsonObject *fields, BfFieldReport report, gpointer data);

/* The form for one member of the household being edited: every field of docs/domain.md §3. */
#define BF_TYPE_MEMBER_EDITOR (bf_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (BfMemberEditor, bf_member_editor, BF, MEMBER_EDITOR, GtkWidget)

GtkWidget *bf_member_editor_new (void);

/* Starts editing @member (NULL: a new member). @household_id (0: new household) and the ID numbers
 * of the household's other members are used to find the same person twice. */
void bf_member_editor_edit (BfMemberEditor *self,
                            BfStore *store,
                            JsonObject *member,
                            gint64 household_id,
                            const char *const *other_id_numbers,
                            gboolean first_member);
/* What is typed now, with the record's ids (transfer full). */
JsonObject *bf_member_editor_get_json (BfMemberEditor *self);
/* Restores typed values (a recovered draft) over the member being edited. */
void bf_member_editor_load_json (BfMemberEditor *self, JsonObject *member);
gboolean bf_member_editor_get_dirty (BfMemberEditor *self);
/* Checks every field; TRUE when nothing blocks applying the member. */
gboolean bf_member_editor_validate (BfMemberEditor *self);
BfForm *bf_member_editor_get_form (BfMemberEditor *self);

G_END_DECLS
