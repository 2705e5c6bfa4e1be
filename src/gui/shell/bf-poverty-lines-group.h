/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store-assessment.h"

G_BEGIN_DECLS

/* The poverty lines of the open register (year → 扶贫标准, 监测线, note) as a group of
 * Preferences: add, edit and delete. Inside Preferences it finds the register of the window
 * Preferences was opened from. */
#define BF_TYPE_POVERTY_LINES_GROUP (bf_poverty_lines_group_get_type ())
G_DECLARE_FINAL_TYPE (BfPovertyLinesGroup,
                      bf_poverty_lines_group,
                      BF,
                      POVERTY_LINES_GROUP,
                      AdwPreferencesGroup)

GtkWidget *bf_poverty_lines_group_new (void);
void bf_poverty_lines_group_set_store (BfPovertyLinesGroup *self, BfStore *store);
guint bf_poverty_lines_group_get_n_lines (BfPovertyLinesGroup *self);

/* What the buttons do, for tests: the edit dialog of @year's lines (or a new year's when it has
 * none), its fields ("year", "poverty", "monitoring", "note"), and the delete confirmation. */
void bf_poverty_lines_group_edit (BfPovertyLinesGroup *self, int year);
void
bf_poverty_lines_group_set_field (BfPovertyLinesGroup *self, const char *field, const char *text);
void bf_poverty_lines_group_delete (BfPovertyLinesGroup *self, int year);

G_END_DECLS
