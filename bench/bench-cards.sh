#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Household documents of a 2,000-household village (BENCH_CARDS_HOUSEHOLDS) with bangfu-cli
# print, median of 5 runs of the whole command (open, read, lay out, write):
#   - the 帮扶明白卡 of every household of the village (A4), and two to an A4 sheet;
#   - the cards of its households under assistance (print card --village);
#   - the registration forms of every household (one run).
# Target: the 2,000 cards under 5 s. The register (bangfu-cli demo, one village) is made once.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_CARDS_HOUSEHOLDS:-2000}
out=$top/bench/out
mkdir -p "$out"
# The demo's reference date: its plans are those of 2026.
export BANGFU_TODAY=2026-09-30

ninja -C "$build" src/cli/bangfu-cli >/dev/null
cli=$build/src/cli/bangfu-cli
register=$out/cards-$n.bangfu
if [ ! -f "$register.done" ]; then
  rm -f "$register" "$register-wal" "$register-shm"
  "$cli" --db "$register" demo --households "$n" --villages 1 --seed 1 >/dev/null
  touch "$register.done"
fi
mapfile -t numbers < <("$cli" --db "$register" list households --json |
  /usr/bin/python3 -c 'import json, sys; print("\n".join(r["number"] for r in json.load(sys.stdin)))')

# Prints "median-seconds peak-KB pages" of 5 runs (or $runs) of bangfu-cli ARGS.
measure() {
  local runs=${runs:-5} times=() run
  for run in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/cards-time.txt" "$cli" --db "$register" "$@" 2>/dev/null
    times+=("$(cat "$out/cards-time.txt")")
  done
  local pdf=${*: -1}
  printf '%s\n' "${times[@]}" | sort -n |
    awk -v pages="$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" \
      '{ t[NR] = $1; m[NR] = $2 } END { print t[int((NR + 1) / 2)], m[int((NR + 1) / 2)], pages }'
}

read -r all_t all_m all_p < <(measure print card "${numbers[@]}" -o "$out/cards-all.pdf")
read -r two_t two_m two_p < <(measure print card --paper a4-2up "${numbers[@]}" -o "$out/cards-2up.pdf")
read -r vil_t vil_m vil_p < <(measure print card --village 1 -o "$out/cards-village.pdf")
read -r form_t form_m form_p < <(runs=1 measure print form --village 1 -o "$out/forms-village.pdf")

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
{
  echo "cards of all ${#numbers[@]} households (A4): $all_t s median, $all_p sheets, peak $(mb "$all_m") MB (target < 5 s)"
  echo "the same two to an A4 sheet: $two_t s, $two_p sheets, peak $(mb "$two_m") MB"
  echo "cards of the village's households under assistance (print card --village): $vil_t s, $vil_p sheets"
  echo "registration forms of all ${#numbers[@]} households (1 run): $form_t s, $form_p pages, peak $(mb "$form_m") MB"
} | tee "$out/bench-cards.txt"
