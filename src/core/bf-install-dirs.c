/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-install-dirs.h"

/* The directory of the running program; NULL where it cannot be known. The one call that is
 * not portable: docs/windows.md says what replaces it there. */
static char *
program_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL ? g_path_get_dirname (exe) : NULL;
}

/* @relative leads from the programs' directory to the data (computed by meson from the
 * configured bindir and datadir; empty when one lies outside the prefix). The directory beside
 * the program wins when it holds @probe, so that a staged or unpacked tree uses its own data
 * rather than an older copy installed under the configured prefix. */
static char *
find_dir (const char *relative, const char *probe, const char *compiled_in)
{
  g_autofree char *bindir = *relative != '\0' ? program_dir () : NULL;

  if (bindir != NULL)
    {
      g_autofree char *dir = g_canonicalize_filename (relative, bindir);
      g_autofree char *path = g_build_filename (dir, probe, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&dir);
    }
  return g_strdup (compiled_in);
}

const char *
bf_install_dirs_get_localedir (void)
{
  static const char *dir = NULL;

  if (g_once_init_enter (&dir))
    g_once_init_leave (&dir, find_dir (BINDIR_TO_LOCALEDIR, ".", LOCALEDIR));
  return dir;
}

const char *
bf_install_dirs_get_schemadir (void)
{
  static const char *dir = NULL;

  if (g_once_init_enter (&dir))
    g_once_init_leave (&dir, find_dir (BINDIR_TO_SCHEMADIR, "gschemas.compiled", SCHEMADIR));
  return dir;
}

static gboolean
same_dir (const char *a, const char *b)
{
  g_autofree char *ca = g_canonicalize_filename (a, "/");
  g_autofree char *cb = g_canonicalize_filename (b, "/");

  return g_str_equal (ca, cb);
}

static gboolean
searched_anyway (const char *dir)
{
  const char *const *data_dirs = g_get_system_data_dirs ();

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *searched = g_build_filename (data_dirs[i], "glib-2.0", "schemas", NULL);

      if (same_dir (searched, dir))
        return TRUE;
    }
  return FALSE;
}

void
bf_install_dirs_add_schemadir (void)
{
  const char *dir = bf_install_dirs_get_schemadir ();
  const char *current = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autofree char *compiled = g_build_filename (dir, "gschemas.compiled", NULL);
  g_autofree char *value = NULL;

  /* Adding a directory that GLib searches anyway would only move it ahead of the user's own. */
  if (!g_file_test (compiled, G_FILE_TEST_EXISTS) || searched_anyway (dir))
    return;
  if (current != NULL && *current != '\0')
    {
      g_auto (GStrv) dirs = g_strsplit (current, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        {
          if (*dirs[i] != '\0' && same_dir (dirs[i], dir))
            return;
        }
      /* Appended: a directory given by hand (the build tree's) keeps its priority. */
      value = g_strconcat (current, G_SEARCHPATH_SEPARATOR_S, dir, NULL);
    }
  g_setenv ("GSETTINGS_SCHEMA_DIR", value != NULL ? value : dir, TRUE);
}
