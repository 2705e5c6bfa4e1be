/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Text a caseworker typed, checked before it is kept and made safe before it is shown in a
 * message (bf-text.c). */

#include <glib.h>

G_BEGIN_DECLS

/* A control character (U+0000–U+001F, U+007F–U+009F) anywhere in @text: refused in names. */
gboolean bf_text_has_control (const char *text);

/* How many characters of a value a message shows. */
#define BF_TEXT_SHOWN_CHARS 40

/* @text as a message shows it: invalid UTF-8 and control characters as U+FFFD, cut after
 * @max_chars characters with "…". NULL gives "". */
char *bf_text_shown (const char *text, guint max_chars);

G_END_DECLS
