#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The import of a national-shape workbook of BENCH_PEOPLE (default 100,000) people, about a
# quarter as many households, made by bench/import-workbook.py the way Excel writes one (shared
# strings, date-formatted serials, a merged title row): the whole import (`bangfu-cli import`
# into a new register of the workbook's township, with the report of refused rows) and the
# streaming reading alone (reader, mapping, validation: bf_import_read with a batch function that
# only counts); wall time, CPU time and peak RSS (/usr/bin/time -v), medians of BENCH_RUNS
# (default 3); the reading also of the same rows as a GB18030 CSV (the same script writes it).
# Targets: the whole import (issue 11) under 30 s and under 100 MB.
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

ninja -C "$build" bench/bench-import src/cli/bangfu-cli >/dev/null
cli=$build/src/cli/bangfu-cli
export GSETTINGS_SCHEMA_DIR=$build/data
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
    /User time|System time/ { cpu += $2 }
    END { printf "%.2f %d %.2f\n", s, rss, cpu }' "$t"
  rm -f "$t" "$t.out" "$t.err"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# "wall RSS_MB cpu", medians of $runs runs of the command; BEFORE (a command) runs before each.
medians() {
  local i w r c walls=() rss=() cpus=()
  for ((i = 0; i < runs; i++)); do
    ${BEFORE:-true}
    read -r w r c < <(measure "$@")
    walls+=("$w")
    rss+=("$r")
    cpus+=("$c")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${rss[@]}" | median | awk '{ printf "%.1f", $1 / 1024 }') $(printf '%s\n' "${cpus[@]}" | median)"
}

# A new register of the workbook's township (村1…村20, their groups made by the import).
db=$work/import-bench.bangfu
new_register() {
  rm -f "$db" "$db-wal" "$db-shm" "$work/refused.xlsx"
  "$cli" --db "$db" init --county 青山县 --township 石门乡 --groups 0 \
    --villages "$(seq -s, -f '村%g' 1 20)" >/dev/null
}

read -r i_wall i_rss i_cpu < <(BEFORE=new_register medians "$cli" --db "$db" import "$xlsx" \
  --report "$work/refused.xlsx")
imported=$("$cli" --db "$db" list households --json | /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
read -r x_wall x_rss x_cpu < <(medians "$build/bench/bench-import" "$xlsx")
read -r c_wall c_rss c_cpu < <(medians "$build/bench/bench-import" "$csv")
read -r households people refused rows batches < <("$build/bench/bench-import" "$xlsx")
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "met" : "MISSED" }'; }

{
  echo "bench-import: $rows rows ($households households, $people people, $refused refused," \
    "$batches batches); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
  printf '| %-44s | %-9s | %-9s | %-9s | %-9s |\n' "run" "wall (s)" "CPU (s)" "RSS (MB)" "size (MB)"
  printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-----------" "-----------" "-----------" "-----------"
  printf '| %-44s | %9s | %9s | %9s | %9s |\n' "whole import of the .xlsx (median of $runs)" "$i_wall" "$i_cpu" \
    "$i_rss" "$(awk -v b="$(stat -c %s "$xlsx")" 'BEGIN { printf "%.1f", b / 1e6 }')"
  printf '| %-44s | %9s | %9s | %9s | %9s |\n' "reading the .xlsx (median of $runs)" "$x_wall" "$x_cpu" "$x_rss" \
    "$(awk -v b="$(stat -c %s "$xlsx")" 'BEGIN { printf "%.1f", b / 1e6 }')"
  printf '| %-44s | %9s | %9s | %9s | %9s |\n' "reading the .csv, GB18030 (median of $runs)" "$c_wall" "$c_cpu" \
    "$c_rss" "$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1e6 }')"
  echo "households in the register after the import: $imported; register $(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1e6 }') MB"
  echo "targets (30 s, 100 MB), whole import: $(verdict "$i_wall" 30) (wall; CPU $(verdict "$i_cpu" 30)), $(verdict "$i_rss" 100)"
} | tee "$report"
