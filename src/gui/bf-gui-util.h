/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* For @suffix, the activatable widget (switch, spin button) of an AdwActionRow: the row already
 * names it by its title; this gives it the row's subtitle as accessible description. */
void bf_describe_by_row (GtkWidget *suffix);

G_END_DECLS
