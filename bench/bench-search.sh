#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Household search latency on a register of BENCH_HOUSEHOLDS (default 100,000) households: the
# first page of 50 rows and the count, p50/p99, for names of 1-3 characters, ID fragments and
# household numbers, then every sort and the filters. The register is made once and kept in
# bench/out/: by `bangfu-cli demo` when the CLI has it, else by bench-search itself through
# bf_store_household_save (slower: every household is one audited transaction).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_HOUSEHOLDS:-100000}
out=$top/bench/out
mkdir -p "$out"

ninja -C "$build" bench/bench-search >/dev/null
cli=$build/src/cli/bangfu-cli
register=$out/search-$n.bangfu
if [ ! -f "$register.done" ]; then
  rm -rf "$register" "$register-wal" "$register-shm" "$out/backups"
  if [ -x "$cli" ] && "$cli" --help 2>&1 | grep -q '^ *demo'; then
    echo "making $register with bangfu-cli demo"
    "$cli" --db "$register" demo --households "$n" >/dev/null
  else
    echo "making $register through bf_store_household_save (no bangfu-cli demo in this build)"
    "$build/bench/bench-search" --generate "$n" "$register" | tee "$out/bench-search-generate.txt"
  fi
  touch "$register.done"
fi
"$build/bench/bench-search" "$register" | tee "$out/bench-search.txt"
