/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fuzzers' seed corpus (and every crash they found, kept there once fixed) through the same
 * harness, in the ordinary build: what a fuzzer once broke stays fixed. */
#include <glib.h>

#include "bf-fuzz-sheet.h"

static void
replay (gconstpointer data)
{
  const char *subdir = data;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", subdir, NULL);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize size;

      g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
      bf_fuzz_sheet ((const guint8 *) contents, size, g_str_has_suffix (subdir, "csv"));
      files++;
    }
  g_assert_cmpuint (files, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/fuzz/corpus/xlsx", "corpus-xlsx", replay);
  g_test_add_data_func ("/fuzz/corpus/csv", "corpus-csv", replay);
  return g_test_run ();
}
