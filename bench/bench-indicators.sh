#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The four indicators (issue 7) on a demo register of BENCH_INDICATOR_HOUSEHOLDS (default 10,000)
# households: bf_store_indicators() for the township and one village, a quarter and a year, the
# median of BENCH_RUNS (default 11) runs each, against the budget of 1 s; then the whole
# `bangfu-cli indicators` command (open, quick_check, compute, print) as a caseworker runs it.
# The register is made once with `bangfu-cli demo` and kept in bench/out/.
# Results: stdout and bench/out/bench-indicators.txt.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_INDICATOR_HOUSEHOLDS:-10000}
runs=${BENCH_RUNS:-11}
out=$top/bench/out
register=$out/indicators-$n.bangfu
report=$out/bench-indicators.txt
cli=$build/src/cli/bangfu-cli

ninja -C "$build" bench/bench-indicators src/cli/bangfu-cli >/dev/null
mkdir -p "$out"
export LC_ALL=C.UTF-8 BANGFU_TODAY=2026-10-15
unset BANGFU_DB LANGUAGE

if [ ! -f "$register.done" ]; then
  rm -rf "$register" "$register-wal" "$register-shm" "$out/backups"
  echo "making $register with bangfu-cli demo"
  "$cli" --db "$register" demo --households "$n" --seed 1 >/dev/null
  touch "$register.done"
fi

{
  echo "bench-indicators: $n households, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"
  "$build/bench/bench-indicators" "$register" "$runs"
  times=()
  for _ in $(seq "$runs"); do
    s=$(date +%s%N)
    "$cli" --db "$register" indicators --period 2026Q3 >/dev/null
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "bangfu-cli indicators --period 2026Q3: median of $runs ${sorted[$((runs / 2))]} ms"
} | tee "$report"
