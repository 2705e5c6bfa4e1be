/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The deflate level of the ledger's workbook (bf-ledger-deflate.c). */

#include <glib.h>

G_BEGIN_DECLS

/* TRUE: the zip entries this thread opens from now on deflate at level 1 (fast); FALSE: at
 * zlib's default. Calling it also links bf-ledger-deflate.c into the program, whose definition
 * of minizip's entry point is what makes the level take effect. */
void _bf_ledger_deflate_fast (gboolean fast);

G_END_DECLS
