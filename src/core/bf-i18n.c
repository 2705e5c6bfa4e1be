/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "bf-i18n.h"
#include "bf-install-dirs.h"

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0;
}

/* The first of LC_ALL, LC_MESSAGES, LANG that is set: what the user asked for. */
static const char *
requested_messages_locale (void)
{
  const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);
      if (value != NULL && *value != '\0')
        return value;
    }
  return NULL;
}

const char *
bf_i18n_get_localedir (void)
{
  const char *dir = g_getenv ("BANGFU_LOCALEDIR");

  return (dir != NULL && *dir != '\0') ? dir : bf_install_dirs_get_localedir ();
}

/* Offices often run a machine whose zh_CN.UTF-8 locale was never generated. gettext ignores
 * LANGUAGE while LC_MESSAGES is "C", so fall back to C.UTF-8 (always present on Debian), which
 * honours LANGUAGE, and carry a missing locale's language over into LANGUAGE. */
void
bf_i18n_init (void)
{
  const char *language = g_getenv ("LANGUAGE");

  if (setlocale (LC_ALL, "") == NULL)
    {
      const char *requested = requested_messages_locale ();

      if ((language == NULL || *language == '\0') && !is_c_locale (requested))
        {
          g_autofree char *lang = g_strndup (requested, strcspn (requested, ".@"));
          g_setenv ("LANGUAGE", lang, TRUE);
          language = g_getenv ("LANGUAGE");
        }
      setlocale (LC_ALL, "C.UTF-8");
    }

  /* Under LANG=C the characters are ASCII: every Chinese argument would fail to convert
   * ("Invalid byte sequence in conversion input") and every message would print as "?". */
  if (is_c_locale (setlocale (LC_CTYPE, NULL)))
    setlocale (LC_CTYPE, "C.UTF-8");
  if (language != NULL && *language != '\0' && is_c_locale (setlocale (LC_MESSAGES, NULL)))
    setlocale (LC_MESSAGES, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, bf_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
