/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-application.h"
#include "bf-i18n.h"
#include "bf-install-dirs.h"

int
main (int argc, char *argv[])
{
  g_autoptr (BfApplication) application = NULL;

  bf_i18n_init ();
  bf_install_dirs_add_schemadir ();
  /* bf_i18n_init chose the locale, possibly a fallback: GTK must not set it again. */
  gtk_disable_setlocale ();

  application = bf_application_new (NULL, G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
