#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The import's streaming dry run (reader, mapping, validation: bf_import_read with a batch
# function that only counts) of a national-shape workbook of BENCH_PEOPLE (default 100,000)
# people, about a quarter as many households, made by bench/import-workbook.py the way Excel
# writes one (shared strings, date-formatted serials, a merged title row): wall time and peak RSS
# (/usr/bin/time -v), medians of BENCH_RUNS (default 3); also the same rows as a GB18030 CSV
# (the same script writes it).
# Targets: the whole import (issue 11) under 30 s and under 100 MB; reading should be well under.
# Results: stdout and bench/out/bench-import.txt.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_PEOPLE:-100000}
runs=${BENCH_RUNS:-3}
out=$top/bench/out
work=$out/import
xlsx=$work/national-$n.xlsx
csv=$work/national-$n.csv
report=$out/bench-import.txt

ninja -C "$build" bench/bench-import >/dev/null
mkdir -p "$work"
export LC_ALL=C.UTF-8
unset LANGUAGE

if [ ! -f "$xlsx" ] || [ ! -f "$csv" ]; then
  echo "making $xlsx and $csv"
  /usr/bin/python3 "$top/bench/import-workbook.py" "$n" "$xlsx" "$csv"
fi

# "wall_seconds max_rss_kb" of one run; fails when the command fails.
measure() {
  local t
  t=$(mktemp)
  if ! /usr/bin/time -v -o "$t" "$@" >"$t.out" 2>"$t.err"; then
    echo "bench-import: failed: $*" >&2
    cat "$t.err" >&2
    rm -f "$t" "$t.out" "$t.err"
    return 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %d\n", s, rss }' "$t"
  rm -f "$t" "$t.out" "$t.err"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

medians() {
  local i walls=() rss=()
  for ((i = 0; i < runs; i++)); do
    read -r w r < <(measure "$@")
    walls+=("$w")
    rss+=("$r")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${rss[@]}" | median | awk '{ printf "%.1f", $1 / 1024 }')"
}

read -r x_wall x_rss < <(medians "$build/bench/bench-import" "$xlsx")
read -r c_wall c_rss < <(medians "$build/bench/bench-import" "$csv")
read -r households people refused rows batches < <("$build/bench/bench-import" "$xlsx")
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "met" : "MISSED" }'; }

{
  echo "bench-import: dry run of $rows rows ($households households, $people people, $refused refused," \
    "$batches batches); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
  printf '| %-44s | %-9s | %-9s | %-9s |\n' "file" "wall (s)" "RSS (MB)" "size (MB)"
  printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-----------" "-----------" "-----------"
  printf '| %-44s | %9s | %9s | %9s |\n' ".xlsx, shared strings (median of $runs)" "$x_wall" "$x_rss" \
    "$(awk -v b="$(stat -c %s "$xlsx")" 'BEGIN { printf "%.1f", b / 1e6 }')"
  printf '| %-44s | %9s | %9s | %9s |\n' ".csv, GB18030 (median of $runs)" "$c_wall" "$c_rss" \
    "$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1e6 }')"
  echo "whole-import targets (30 s, 100 MB), reading alone: xlsx $(verdict "$x_wall" 30), $(verdict "$x_rss" 100);" \
    "csv $(verdict "$c_wall" 30), $(verdict "$c_rss" 100)"
} | tee "$report"
