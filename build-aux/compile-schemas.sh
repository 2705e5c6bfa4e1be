#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# meson install step: compile the GSettings schemas where they were installed. Unlike
# gnome.post_install, also under --destdir, so that a staged tree (or one copied from it) runs
# as it is; a distribution package drops the compiled file and lets its trigger compile.
# Usage: compile-schemas.sh SCHEMADIR (absolute, as configured)
set -eu
destdir=${MESON_INSTALL_DESTDIR_PREFIX%"$MESON_INSTALL_PREFIX"}
dir="$destdir$1"
echo "Compiling GSettings schemas in $dir"
exec glib-compile-schemas "$dir"
