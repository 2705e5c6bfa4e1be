#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages from a copy of the source tree in OUTDIR/bangfu-VERSION, so that the
# build (obj-*/, debian/tmp/) and the packages dpkg-buildpackage writes beside the source stay out
# of the tree. build-aux/dev package and tests/check-deb.sh call it.
# Usage: build-aux/build-deb.sh OUTDIR [dpkg-buildpackage options]
set -euo pipefail
out=$1
shift
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
src="$out/bangfu-$version"
rm -rf "$src" "$out"/bangfu*_"$version"_*
mkdir -p "$src"
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # What git would commit now: tracked files as they are (minus deleted ones) and new ones.
  (cd "$top" && git ls-files -z --cached --others --exclude-standard |
    tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -C "$src" -xf -
else
  (cd "$top" && tar --exclude='./_build*' --exclude='./.git' -cf - .) | tar -C "$src" -xf -
fi
# The build-tree variables of a developer's shell or of meson test must not reach the build.
unset GSETTINGS_SCHEMA_DIR BANGFU_LOCALEDIR BANGFU_DB G_DEBUG
cd "$src"
dpkg-buildpackage -b -us -uc "$@"
