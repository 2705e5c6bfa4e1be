/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads every row of every sheet of @data as the import does; @csv: only inputs that are read as
 * CSV (the others are the xlsx harness's), else only zips. */
void bf_fuzz_sheet (const guint8 *data, gsize size, gboolean csv);

G_END_DECLS
