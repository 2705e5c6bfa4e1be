/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* For @suffix, the activatable widget (switch, spin button) of an AdwActionRow: the row already
 * names it by its title; this gives it the row's subtitle as accessible description. */
void bf_describe_by_row (GtkWidget *suffix);

/* Toolbars are GtkFlowBoxes so that they wrap in a narrow window; a flow box child would take
 * keyboard focus itself, so this makes the children of every flow box under @root (with selection
 * mode none) pass focus straight to the controls they hold. */
void bf_gui_plain_flow_boxes (GtkWidget *root);

G_END_DECLS
