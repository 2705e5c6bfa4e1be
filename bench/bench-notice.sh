#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Printing a village notice of BENCH_NOTICE_HOUSEHOLDS (default 1,000) households to PDF with
# bangfu-cli notice-pdf: wall time and peak memory of the whole command (open, load, lay out,
# write), best and median of 5 runs. Target: under 2 s. The register is made once in bench/out/.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_NOTICE_HOUSEHOLDS:-1000}
out=$top/bench/out
mkdir -p "$out"

ninja -C "$build" bench/bench-notice src/cli/bangfu-cli >/dev/null
cli=$build/src/cli/bangfu-cli
register=$out/notice-$n.bangfu
if [ ! -f "$register.id" ]; then
  rm -rf "$register" "$register-wal" "$register-shm" "$out/backups"
  echo "making $register ($n households through the store's API)"
  "$build/bench/bench-notice" "$n" "$register" >"$register.id"
fi
id=$(cat "$register.id")
pdf=$out/notice-$n.pdf

times=()
for run in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M" -o "$out/notice-time.txt" \
    "$cli" --db "$register" notice-pdf --notice "$id" -o "$pdf" 2>/dev/null
  times+=("$(cat "$out/notice-time.txt")")
done
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$n" -v pages="${pages:-?}" -v size="$(stat -c %s "$pdf")" '
  { t[NR] = $1; m[NR] = $2 }
  END {
    printf "notice-pdf, %d households, %s pages, %.0f KB: best %.2f s, median %.2f s, peak memory %.1f MB\n",
      n, pages, size / 1024, t[1], t[3], m[3] / 1024
  }' | tee "$out/bench-notice.txt"
