#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The register at scale, through bangfu-cli as a caseworker would run it: a demo township of
# BENCH_HOUSEHOLDS (default 100,000) households, then the time to open it and read a first page,
# to run SQLite's quick_check over the whole file, to count it, to check it fully and to verify its audit trail, and its size, in all
# and per household for each table with its indexes (SQLite's dbstat, bench/register-size.py).
# Cheap timings are the median of BENCH_RUNS (default 5) runs; the demo runs BENCH_DEMO_RUNS
# times (default 1: it takes a minute or more). Caches are warm: the file was just written.
# Results: stdout and bench/out/bench-register.txt.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BANGFU_BUILDDIR:-$top/_build-bench}
n=${BENCH_HOUSEHOLDS:-100000}
runs=${BENCH_RUNS:-5}
demo_runs=${BENCH_DEMO_RUNS:-1}
out=$top/bench/out
work=$out/register
register=$work/demo-$n.bangfu
cli=$build/src/cli/bangfu-cli
report=$out/bench-register.txt

ninja -C "$build" src/cli/bangfu-cli >/dev/null
mkdir -p "$work"
export LC_ALL=C.UTF-8
unset BANGFU_DB LANGUAGE

# Runs the command with /usr/bin/time; prints "wall user sys" in seconds. Fails when it fails.
timed() {
  local t
  t=$(mktemp)
  if ! /usr/bin/time -f "%e %U %S" -o "$t" "$@" >/dev/null; then
    echo "bench-register: failed: $*" >&2
    rm -f "$t"
    return 1
  fi
  tail -n 1 "$t"
  rm -f "$t"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Median wall time of @runs runs of the command, in seconds.
median_of() {
  local i
  for ((i = 0; i < runs; i++)); do
    timed "$@" | cut -d' ' -f1
  done | median
}

rows=()
row() { rows+=("$(printf '| %-44s | %-26s | %s |' "$1" "$2" "$3")"); }

demo_wall=() demo_cpu=()
for ((r = 0; r < demo_runs; r++)); do
  rm -rf "$register" "$register-wal" "$register-shm" "$register.lock" "$work/backups"
  read -r wall user sys < <(timed "$cli" demo --db "$register" --households "$n" --seed 1)
  demo_wall+=("$wall")
  demo_cpu+=("$(echo "$user $sys" | awk '{ printf "%.1f", $1 + $2 }')")
done
wall=$(printf '%s\n' "${demo_wall[@]}" | median)
cpu=$(printf '%s\n' "${demo_cpu[@]}" | median)
row "demo --households $n (incl. backup on close)" "$wall s wall, $cpu s CPU" \
  "$demo_runs run(s); one transaction and audit entry per 1,000 households"

bytes=$(stat -c %s "$register")
backup_bytes=$(du -cb "$work"/backups/*.bangfu 2>/dev/null | tail -n 1 | cut -f1)
row "register size" "$(numfmt --to=si --suffix=B "$bytes") ($bytes bytes)" \
  "the backup written on close: $(numfmt --to=si --suffix=B "${backup_bytes:-0}")"

stats_json=$("$cli" stats --db "$register" --json)
counts=$(/usr/bin/python3 -c '
import json, sys
s = json.loads(sys.stdin.read())
t = s["tables"]
total = sum(v["active"] + v["deleted"] for v in t.values())
print(t["households"]["active"], t["members"]["active"], total, s["audit_entries"])' <<<"$stats_json")
read -r households members total audit <<<"$counts"
row "records" "$households households, $members members" "$total rows in all tables; $audit audit entries"

row "open + whole-file quick_check (check --quick)" "$(median_of "$cli" check --quick --db "$register") s" \
  "median of $runs, process start included"
row "stats (counts every table)" "$(median_of "$cli" stats --db "$register") s" "median of $runs"
row "list households --limit 50" \
  "$(median_of "$cli" list households --db "$register" --limit 50) s" "median of $runs; first page"
first=$("$cli" list households --db "$register" --limit 1 --json |
  /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["number"])')
row "show household $first" "$(median_of "$cli" show household "$first" --db "$register") s" \
  "median of $runs"
row "audit verify" "$(median_of "$cli" audit verify --db "$register") s" "median of $runs"
read -r check_wall _ <<<"$(timed "$cli" check --db "$register")"
row "check (integrity, foreign keys, audit, rules)" "$check_wall s" "1 run"

{
  echo "bench-register: $n demo households, seed 1; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
  printf '| %-44s | %-26s | %s |\n' "measure" "result" "notes"
  printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..28})" "------"
  printf '%s\n' "${rows[@]}"
  echo
  echo "size per household (dbstat):"
  /usr/bin/python3 "$top/bench/register-size.py" "$register"
} | tee "$report"

# The backup is 1 GB that nothing else needs.
rm -rf "$work/backups"
