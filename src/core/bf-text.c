/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Values in messages: a name of 10,000 characters or one holding escape sequences is shown cut
 * and defused, never echoed raw to a terminal or a dialog. */
#include <string.h>

#include "bf-text.h"

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

gboolean
bf_text_has_control (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE; /* invalid UTF-8 is refused as such, elsewhere */
      if (is_control (c))
        return TRUE;
    }
  return FALSE;
}

char *
bf_text_shown (const char *text, guint max_chars)
{
  g_autofree char *valid = NULL;
  GString *shown;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  shown = g_string_sized_new (MIN (strlen (valid), (gsize) max_chars * 4) + 4);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (shown, "…");
          break;
        }
      g_string_append_unichar (shown, is_control (c) ? 0xfffd : c);
    }
  return g_string_free (shown, FALSE);
}
