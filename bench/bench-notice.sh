#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Printing a village notice of BENCH_NOTICE_HOUSEHOLDS (default 33,000: about 1,000 A4 pages)
# households to PDF, median of 5 runs each:
#   - the whole bangfu-cli notice-pdf command (open, load, lay out, write), with its peak memory;
#   - the drawing alone through the page layer (bench-notice-draw render: what the command does
#     after loading the sheet);
#   - a raw Pango/cairo loop drawing the same rows and cells in the same face and sizes straight
#     onto a PDF surface (bench-notice-draw raw), and the ratio of the two.
# Targets: the command under 3 s for 1,000 pages, the page layer within 1.2x the raw loop.
# The register is made once in bench/out/ (through the store's API: takes minutes).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_NOTICE_HOUSEHOLDS:-33000}
out=$top/bench/out
mkdir -p "$out"

ninja -C "$build" bench/bench-notice bench/bench-notice-draw src/cli/bangfu-cli >/dev/null
cli=$build/src/cli/bangfu-cli
draw=$build/bench/bench-notice-draw
register=$out/notice-$n.bangfu
if [ ! -f "$register.id" ]; then
  rm -rf "$register" "$register-wal" "$register-shm" "$out/backups"
  echo "making $register ($n households through the store's API)"
  "$build/bench/bench-notice" "$n" "$register" >"$register.id.tmp"
  mv "$register.id.tmp" "$register.id"
fi
id=$(cat "$register.id")
pdf=$out/notice-$n.pdf

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

whole=()
for run in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M" -o "$out/notice-time.txt" \
    "$cli" --db "$register" notice-pdf --notice "$id" -o "$pdf" 2>/dev/null
  whole+=("$(cat "$out/notice-time.txt")")
done
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
whole_median=$(printf '%s\n' "${whole[@]}" | awk '{ print $1 }' | median)
memory=$(printf '%s\n' "${whole[@]}" | awk '{ print $2 }' | median)

render=$(for run in 1 2 3 4 5; do "$draw" render "$register" "$id" "$out/notice-render.pdf"; done | median)
raw=$(for run in 1 2 3 4 5; do "$draw" raw "$register" "$id" "$out/notice-raw.pdf" "$pages"; done | median)
raw_pages=$(pdfinfo "$out/notice-raw.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')

awk -v n="$n" -v pages="${pages:-?}" -v raw_pages="${raw_pages:-?}" -v size="$(stat -c %s "$pdf")" \
  -v whole="$whole_median" -v memory="$memory" -v render="$render" -v raw="$raw" 'BEGIN {
    printf "notice-pdf, %d households, %s pages, %.0f KB: median %.2f s, peak memory %.1f MB (target < 3 s)\n",
      n, pages, size / 1024, whole, memory / 1024
    printf "drawing through the page layer %.2f s, raw Pango/cairo loop %.2f s (%s pages): %.2fx (target <= 1.2x)\n",
      render, raw, raw_pages, render / raw
  }' | tee "$out/bench-notice.txt"
