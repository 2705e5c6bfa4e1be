/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store.h"

G_BEGIN_DECLS

#define BF_TYPE_PREFERENCES_WINDOW (bf_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BfPreferencesWindow,
                      bf_preferences_window,
                      BF,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Every control is bound to its key in @settings: changes apply at once. With @store (the
 * register open in @parent, or NULL) the follow-up years and the visit interval show and edit
 * that register's values (BF_SETTING_FOLLOWUP_YEARS, BF_SETTING_NOT_VISITED_DAYS), which
 * @settings then mirrors, and the poverty lines are that register's. */
GtkWidget *bf_preferences_window_new (GtkWindow *parent, GSettings *settings, BfStore *store);

G_END_DECLS
