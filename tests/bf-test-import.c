/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-id-number.h"
#include "bf-test-import.h"

/* Debian's, which has openpyxl. */
#define PYTHON "/usr/bin/python3"

void
bf_test_import_write_fixtures (const char *script, const char *dir)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, script, NULL);
  const char *argv[] = { PYTHON, path, dir, NULL };
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                               &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", script, err);
}

char *
bf_test_id_of (const char *first17)
{
  char check = bf_id_number_check_char (first17);

  g_assert_cmpint (check, !=, '\0');
  return g_strdup_printf ("%s%c", first17, check);
}

void
bf_test_import_today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_DECEMBER, 2026);
}
