#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the bitmap sizes of the application icon from its SVG into data/icons/hicolor/NxN/apps/.
# Run it (needs rsvg-convert, Debian's librsvg2-bin) after changing the SVG, and commit the PNGs:
# meson installs them as they are, so a build needs no SVG renderer.
set -eu
cd "$(dirname "$0")/../data/icons/hicolor"
id=io.github.bangfu.Bangfu
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" --output "${size}x${size}/apps/$id.png" \
    "scalable/apps/$id.svg"
done
