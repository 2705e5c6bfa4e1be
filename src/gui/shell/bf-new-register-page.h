/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BF_TYPE_NEW_REGISTER_PAGE (bf_new_register_page_get_type ())
G_DECLARE_FINAL_TYPE (BfNewRegisterPage, bf_new_register_page, BF, NEW_REGISTER_PAGE, AdwBin)

/* The form that creates a register. Signals: "created" (BfStore *store) once the file is
 * written; "cancelled". Actions: new-register.create, new-register.cancel,
 * new-register.choose-file. */
GtkWidget *bf_new_register_page_new (void);

/* Empties the form for a new register; @operator_name pre-fills the operator's name. */
void bf_new_register_page_reset (BfNewRegisterPage *self, const char *operator_name);

/* Where the register will be written. Until set (by the file chooser or here) it follows the
 * township name in the documents folder. */
void bf_new_register_page_set_file (BfNewRegisterPage *self, GFile *file);
GFile *bf_new_register_page_get_file (BfNewRegisterPage *self);

/* Splits a village list typed one per line or separated by commas (also "，", "、", ";"),
 * trimming blanks. Returns NULL and sets @duplicate (when not NULL) to the first name listed
 * twice; an empty list returns an empty vector. */
char **bf_new_register_page_parse_villages (const char *text, char **duplicate);

G_END_DECLS
