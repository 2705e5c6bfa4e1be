#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# TAP: every C file under src/, tests/ and bench/ is as clang-format (.clang-format) would write it.
set -u
top=${1:?usage: check-format.sh SOURCE_ROOT}
cd "$top" || exit 1
echo "1..1"
if ! command -v clang-format >/dev/null 2>&1; then
  echo "ok 1 # SKIP clang-format is not installed"
  exit 0
fi
mapfile -d '' files < <(find src tests bench -name '*.[ch]' -print0 | sort -z)
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -eq 0 ]; then
  echo "ok 1 - ${#files[@]} files as clang-format writes them"
  exit 0
fi
echo "not ok 1 - ${#bad[@]} of ${#files[@]} files need clang-format:"
for f in "${bad[@]}"; do
  echo "#   $f"
  clang-format --dry-run -Werror "$f" 2>&1 | head -n 6 | sed 's/^/#     /'
done
exit 1
