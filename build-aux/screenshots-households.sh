#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Households page and the household form, in Chinese, into data/screenshots/:
#   build-aux/screenshots-households.sh [REGISTER]
# Without REGISTER, a demo township of 1,000 households is made with bangfu-cli in a temporary
# directory. Needs xvfb-run and ImageMagick's import.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${BANGFU_BUILDDIR:-$top/_build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

register=${1:-}
if [ -z "$register" ]; then
  register=$tmp/石门乡.bangfu
  "$builddir/src/cli/bangfu-cli" --db "$register" demo --households 1000 --villages 6 >/dev/null
fi

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data
export BANGFU_LOCALEDIR=${BANGFU_LOCALEDIR:-$builddir/po}
export LANG=C.UTF-8 LANGUAGE=zh_CN NO_AT_BRIDGE=1 HOME=$tmp
xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- "$builddir/tests/shoot-households" "$register" "$top/data/screenshots" 3
