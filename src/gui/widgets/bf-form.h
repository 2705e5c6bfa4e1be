/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "bf-codes.h"

G_BEGIN_DECLS

/* The fields of one form, by key: what was typed (as text, valid or not), so that a form can be
 * kept as a JSON draft, compared with what was loaded, and marked with errors next to each field.
 *
 * Values are strings: an entry's text; a choice's value ("" for none); a switch's "1" or "0", or
 * "" while it has not been set (tri-state records keep "not recorded" until the user decides). */
#define BF_TYPE_FORM (bf_form_get_type ())
G_DECLARE_FINAL_TYPE (BfForm, bf_form, BF, FORM, GObject)

BfForm *bf_form_new (void);

/* @widget is a GtkEditable (AdwEntryRow, GtkEntry, …). */
void bf_form_add_text (BfForm *self, const char *key, GtkWidget *widget);
/* A choice between @values shown as @labels (same length, NULL-terminated). */
void bf_form_add_choice (BfForm *self,
                         const char *key,
                         AdwComboRow *row,
                         const char *const *values,
                         const char *const *labels);
/* The codes of @list; @none_label (e.g. "Not recorded") adds a first choice with value "". */
void bf_form_add_codes (BfForm *self,
                        const char *key,
                        AdwComboRow *row,
                        BfCodeList list,
                        const char *none_label);
void bf_form_add_switch (BfForm *self, const char *key, GtkSwitch *widget);

/* Replaces the choices of a choice field, keeping its value when it is still offered. */
void bf_form_set_choices (BfForm *self,
                          const char *key,
                          const char *const *values,
                          const char *const *labels);

gboolean bf_form_has_field (BfForm *self, const char *key);
GtkWidget *bf_form_get_widget (BfForm *self, const char *key);
const char *bf_form_get (BfForm *self, const char *key);
/* The value with surrounding white space removed; NULL when empty. */
char *bf_form_dup_stripped (BfForm *self, const char *key);
void bf_form_set (BfForm *self, const char *key, const char *value);

/* Every field as {"key": "value"}. */
JsonObject *bf_form_to_json (BfForm *self);
/* Sets every field from @object (fields it lacks become ""); emits "changed" once, key NULL. */
void bf_form_load (BfForm *self, JsonObject *object);

/* Shows @message below the field (NULL clears it). Errors block saving; warnings do not. */
void bf_form_set_error (BfForm *self, const char *key, const char *message);
void bf_form_set_warning (BfForm *self, const char *key, const char *message);
const char *bf_form_get_error (BfForm *self, const char *key);
void bf_form_clear_messages (BfForm *self);
/* The first field (in the order added) with an error, or NULL. */
const char *bf_form_first_error (BfForm *self);
guint bf_form_count_errors (BfForm *self);

/* Whether @a and @b hold the same values for the same keys. */
gboolean bf_form_json_equal (JsonObject *a, JsonObject *b);

/* Rows built from a table, each registered as a field. */
typedef enum
{
  BF_FIELD_TEXT,
  BF_FIELD_NUMBER, /* digits: amounts, areas, counts */
  BF_FIELD_DATE,   /* YYYY-MM-DD */
  BF_FIELD_PHONE,
  BF_FIELD_SECRET,      /* masked until revealed (bank account) */
  BF_FIELD_CODES,       /* a code list of bf-codes.h */
  BF_FIELD_CHOICE,      /* choices set later with bf_form_set_choices() */
  BF_FIELD_SWITCH,      /* yes / no */
  BF_FIELD_NOTE_SWITCH, /* a note (key) with a yes / no switch (key2) in the same row */
} BfFieldKind;

typedef struct
{
  const char *key;
  BfFieldKind kind;
  const char *title;      /* marked for translation; translated when the row is built */
  BfCodeList codes;       /* BF_FIELD_CODES */
  const char *none_label; /* marked for translation: BF_FIELD_CODES and BF_FIELD_CHOICE: the
                             "nothing chosen" choice */
  const char *key2;       /* BF_FIELD_NOTE_SWITCH: the switch's key */
} BfFieldSpec;

/* Adds a row per spec to @group and registers its fields. */
void
bf_form_build (BfForm *self, AdwPreferencesGroup *group, const BfFieldSpec *specs, gsize n_specs);

/* Appends to @values and @labels one choice per record of @records (villages, groups…): its id
 * (the gint64 at @id_offset) as text and its name (the string at @name_offset). */
void bf_form_add_record_choices (GStrvBuilder *values,
                                 GStrvBuilder *labels,
                                 GPtrArray *records,
                                 gsize id_offset,
                                 gsize name_offset);

/* Shows @toast (transfer full) in the nearest AdwToastOverlay above @widget (none: dropped). */
void bf_form_show_toast (GtkWidget *widget, AdwToast *toast);

/* AdwPreferencesPage has no scroll_to_top in libadwaita 1.2. */
void bf_form_scroll_to_top (AdwPreferencesPage *page);

typedef enum
{
  BF_UNSAVED_CANCEL,
  BF_UNSAVED_DISCARD,
  BF_UNSAVED_SAVE,
} BfUnsavedResponse;

typedef void (*BfUnsavedCallback) (BfUnsavedResponse response, gpointer data);

/* Asks what to do with unsaved changes before leaving a form: @save_label (Save, Apply…),
 * Discard or Cancel. @data must stay alive until @callback runs (it always runs once). */
void bf_form_ask_unsaved (GtkWidget *parent,
                          const char *heading,
                          const char *body,
                          const char *save_label,
                          BfUnsavedCallback callback,
                          gpointer data);

G_END_DECLS
