/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The value of the @n ASCII digits at @text, or -1 when one of them is not a digit. */
int _bf_digits_value (const char *text, gsize n);

G_END_DECLS
