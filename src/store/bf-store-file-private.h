/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the store's own writers share with bf-store-file.c. */

#include "bf-store-file.h"

G_BEGIN_DECLS

/* Names something to the user through the notice function (bf_output_set_notice_func). */
void _bf_output_notice (const char *message);

G_END_DECLS
