#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Households page on a demo register of BENCH_HOUSEHOLDS (default 100,000) households: the
# longest main-loop stall while typing searches, changing filters, sorting and scrolling end to
# end, and the time from launch to a filled list. The register is made once with bangfu-cli demo
# and kept in bench/out/.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_HOUSEHOLDS:-100000}
out=$top/bench/out
mkdir -p "$out"

ninja -C "$build" bench/bench-households-gui src/cli/bangfu-cli data/gschemas.compiled >/dev/null
register=$out/households-gui-$n.bangfu
if [ ! -f "$register.done" ]; then
  rm -rf "$register" "$register-wal" "$register-shm" "$out/backups"
  echo "making $register with bangfu-cli demo"
  "$build/src/cli/bangfu-cli" --db "$register" demo --households "$n" --villages 40 >/dev/null
  touch "$register.done"
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data NO_AT_BRIDGE=1 HOME=$home
# Xvfb has no GPU: GTK's GL renderer would run on llvmpipe and measure the emulation, not Bangfu.
export GSK_RENDERER=${GSK_RENDERER:-cairo}
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  "$build/bench/bench-households-gui" "$register" 2>/dev/null | tee "$out/bench-households-gui.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs" | tee -a "$out/bench-households-gui.txt"
