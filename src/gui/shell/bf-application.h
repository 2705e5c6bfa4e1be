/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BF_TYPE_APPLICATION (bf_application_get_type ())
G_DECLARE_FINAL_TYPE (BfApplication, bf_application, BF, APPLICATION, AdwApplication)

/* @application_id: NULL for the real one (io.github.bangfu.Bangfu); tests pass their own so
 * several instances can live in one process. */
BfApplication *bf_application_new (const char *application_id, GApplicationFlags flags);

GSettings *bf_application_get_settings (BfApplication *self);

G_END_DECLS
