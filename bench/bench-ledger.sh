#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The quarterly ledger of a demo township of BENCH_HOUSEHOLDS (default 100,000) households, about
# 400,000 people: wall time and peak RSS (/usr/bin/time -v), medians of BENCH_RUNS (default 3):
#   - bench-ledger: the export alone (bf_ledger_write), as the Ledgers page runs it on an open
#     register;
#   - bangfu-cli export-ledger: the whole command, which also opens the register (quick_check),
#     records the export and backs the register up on close (BENCH_CLI_RUNS, default 1: each run
#     writes a backup as large as the register);
#   - bench-ledger-raw: a plain libxlsxwriter loop writing the same cells with the same workbook
#     options, formats, scratch buffers and deflate level, replayed from a log that
#     bench-ledger-record took of one export (not timed): what the export costs beyond the writer;
#   - bench/ledger-reference.py: the same rows with python3-xlsxwriter (constant_memory), Debian's
#     /usr/bin/python3, the same register (BENCH_PY_RUNS, default BENCH_RUNS; 0 leaves it out).
# Targets: under 15 s, under 64 MB, at least 3× faster than the reference (issue 8); within 1.2×
# of the raw loop (issue 17).
# Results: stdout and bench/out/bench-ledger.txt.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_HOUSEHOLDS:-100000}
runs=${BENCH_RUNS:-3}
py_runs=${BENCH_PY_RUNS:-$runs}
cli_runs=${BENCH_CLI_RUNS:-1}
year=${BENCH_YEAR:-2026}
quarter=${BENCH_QUARTER:-3}
out=$top/bench/out
work=$out/ledger
register=$work/demo-$n.bangfu
cli=$build/src/cli/bangfu-cli
report=$out/bench-ledger.txt

ninja -C "$build" src/cli/bangfu-cli bench/bench-ledger bench/bench-ledger-record \
  bench/bench-ledger-raw >/dev/null
mkdir -p "$work"
export LC_ALL=C.UTF-8
unset BANGFU_DB LANGUAGE

if [ ! -f "$register.done" ]; then
  rm -rf "$register" "$register-wal" "$register-shm" "$work/backups"
  echo "making $register with bangfu-cli demo (a few minutes)"
  "$cli" demo --db "$register" --households "$n" --seed 1 >/dev/null
  rm -rf "$work/backups"
  touch "$register.done"
fi

# Runs the command under /usr/bin/time -v; prints "wall_seconds max_rss_kb". Fails when it fails.
measure() {
  local t
  t=$(mktemp)
  if ! /usr/bin/time -v -o "$t" "$@" >/dev/null 2>"$t.err"; then
    echo "bench-ledger: failed: $*" >&2
    cat "$t.err" >&2
    rm -f "$t" "$t.err"
    return 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %d\n", s, rss }' "$t"
  rm -f "$t" "$t.err"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Median wall time and median peak RSS (MB) of @count runs of the command.
medians() {
  local count=$1 i
  shift
  local walls=() rss=()
  for ((i = 0; i < count; i++)); do
    read -r w r < <(measure "$@")
    walls+=("$w")
    rss+=("$r")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${rss[@]}" | median | awk '{ printf "%.1f", $1 / 1024 }')"
}

xlsx=$work/ledger.xlsx
ref_xlsx=$work/reference.xlsx
read -r c_wall c_rss < <(medians "$runs" "$build/bench/bench-ledger" "$register" "$year" "$quarter" "$xlsx")
c_size=$(stat -c %s "$xlsx")
read -r cli_wall cli_rss < <(medians "$cli_runs" "$cli" export-ledger --db "$register" \
  --quarter "${year}Q$quarter" -o "$xlsx")
rm -rf "$work/backups"
log=$work/ledger.log
raw_xlsx=$work/raw.xlsx
rows=$("$build/bench/bench-ledger-record" "$register" "$year" "$quarter" "$xlsx" "$log" | cut -d' ' -f1)
read -r raw_wall raw_rss < <(medians "$runs" "$build/bench/bench-ledger-raw" "$log" "$raw_xlsx")
raw_size=$(stat -c %s "$raw_xlsx")
rm -f "$log"
raw_ratio=$(awk -v r="$raw_wall" -v c="$c_wall" 'BEGIN { printf "%.2f", c / r }')
if [ "$py_runs" -gt 0 ]; then
  read -r py_wall py_rss < <(medians "$py_runs" /usr/bin/python3 "$top/bench/ledger-reference.py" \
    "$register" "$year" "$quarter" "$ref_xlsx")
  py_size=$(awk -v b="$(stat -c %s "$ref_xlsx")" 'BEGIN { printf "%.1f", b / 1e6 }')
  ratio=$(awk -v p="$py_wall" -v c="$c_wall" 'BEGIN { printf "%.1f", p / c }')
else
  py_wall=- py_rss=- py_size=- ratio=-
fi
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "met" : "MISSED" }'; }

{
  echo "bench-ledger: ${year}Q$quarter ledger of $n demo households ($rows rows); $(nproc) CPUs;" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
  printf '| %-40s | %-9s | %-9s | %-8s |\n' "run" "wall (s)" "RSS (MB)" "file (MB)"
  printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "-----------" "-----------" "----------"
  printf '| %-40s | %9s | %9s | %8s |\n' "bench-ledger (export, median of $runs)" "$c_wall" "$c_rss" \
    "$(awk -v b="$c_size" 'BEGIN { printf "%.1f", b / 1e6 }')"
  printf '| %-40s | %9s | %9s | %8s |\n' "bangfu-cli export-ledger ($cli_runs run)" "$cli_wall" "$cli_rss" ""
  printf '| %-40s | %9s | %9s | %8s |\n' "raw libxlsxwriter loop (median of $runs)" "$raw_wall" "$raw_rss" \
    "$(awk -v b="$raw_size" 'BEGIN { printf "%.1f", b / 1e6 }')"
  printf '| %-40s | %9s | %9s | %8s |\n' "python3-xlsxwriter reference ($py_runs runs)" "$py_wall" "$py_rss" \
    "$py_size"
  echo "export / raw loop: ${raw_ratio}×; python reference / export: ${ratio}×"
  echo "targets: < 15 s $(verdict "$c_wall" 15); < 64 MB $(verdict "$c_rss" 64);" \
    "≤ 1.2× the raw loop $(awk -v r="$raw_ratio" 'BEGIN { print (r <= 1.2) ? "met" : "MISSED" }');" \
    "≥ 3× faster than python $(awk -v r="$ratio" 'BEGIN { print (r == "-") ? "not run" : (r >= 3) ? "met" : "MISSED" }')"
} | tee "$report"
