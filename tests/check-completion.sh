#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion of bangfu-cli (TAP): every command, the second words of two-word commands,
# each command's own options, and files where an option names one.
# Usage: check-completion.sh data/completions/bangfu-cli PATH/TO/bangfu-cli
set -u
# shellcheck source=/dev/null
source "$1"
cli=$2
n=0
status=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
touch "$dir/town.bangfu" "$dir/notes.txt"
mkdir "$dir/backups"

# complete WORD... : the completions of the last word after the others.
complete_words() {
  COMP_WORDS=("$cli" "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _bangfu_cli
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

expect() {
  local description=$1 want=$2
  shift 2
  local got
  got=$(complete_words "$@")
  n=$((n + 1))
  if [ "$got" = "$want" ]; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    echo "# completing [$*]: got [$got], want [$want]"
    status=1
  fi
}

echo "1..11"
# The first words of every command in --help (read here with awk, not the completion's way).
first_words=$(LC_ALL=C.UTF-8 LANGUAGE= "$cli" --help |
  awk '/^Commands:/ { on = 1; next } on && /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }' |
  { cat; echo help; } | sort -u | tr '\n' ' ' | sed 's/ $//')
expect "every command as the first word" "$first_words" ""
expect "commands by their beginning" "exit-check export-ledger" ex
expect "the second words of list" "follow-up households measures not-visited notices visits" list ""
expect "the second word after --db FILE" "households" --db town.bangfu list h
expect "the second word of id" "check" id ""
expect "a command's own options" "--search --sort --status" list households --s
expect "options after an option's value" "--mask" export-ledger --quarter 2026Q3 --m
expect "no completion for an option's value" "" list households --village ""
expect "files and folders for --db" "$dir/backups $dir/notes.txt $dir/town.bangfu" --db "$dir/"
expect "files for -o" "$dir/notes.txt" notice-pdf --notice 1 -o "$dir/no"
expect "folders for backup" "$dir/backups" --db "$dir/town.bangfu" backup "$dir/"
exit $status
