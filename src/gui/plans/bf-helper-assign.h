/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-store.h"

G_BEGIN_DECLS

/* Assigning one helper to one or many households (the Households list's selection): asks for the
 * helper and the day, then writes every assignment in one transaction. @done (may be NULL) runs
 * after a successful assignment with the helper's id (0: none); a failure is shown and nothing
 * is written. */
typedef void (*BfAssignDone) (gint64 helper_id, gpointer data);

AdwMessageDialog *bf_helper_assign_present (GtkWidget *parent,
                                            BfStore *store,
                                            const gint64 *household_ids,
                                            guint n_households,
                                            gint64 current_helper_id,
                                            BfAssignDone done,
                                            gpointer data);

/* For tests: chooses the helper (0: none) and the day (NULL: today) in @dialog. */
void bf_helper_assign_choose (AdwMessageDialog *dialog, gint64 helper_id, const char *on);

G_END_DECLS
