/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Gives @suffix (a switch or spin button inside an AdwActionRow) its row's title as accessible
 * name and the subtitle as description, so a screen reader says what the control sets. */
void bf_label_by_row (GtkWidget *suffix);

G_END_DECLS
