/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where an installed Bangfu keeps its data. Each is looked for first beside the running program
 * (<prefix>/bin/../share/...), so that a tree installed under any prefix, staged with
 * `meson install --destdir` or unpacked from a package, runs without environment variables; then
 * at the paths compiled in for the configured prefix. */
const char *bf_install_dirs_get_localedir (void);
const char *bf_install_dirs_get_schemadir (void);

/* Makes GSettings find the installed schema when its directory is not one GLib searches
 * anyway (XDG_DATA_DIRS): appends it to $GSETTINGS_SCHEMA_DIR, after any directory already
 * there. Call it in main() before anything uses GSettings and before threads start. */
void bf_install_dirs_add_schemadir (void);

G_END_DECLS
