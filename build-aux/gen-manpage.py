#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes bangfu-cli(1) from the program's own --help and each command's --help, into the
hand-written frame of data/bangfu-cli.1.in (whose @COMMANDS@ line it replaces), so that the manual
lists every command and option the program has.

Usage: gen-manpage.py BANGFU_CLI TEMPLATE OUTPUT VERSION
"""
import os
import re
import subprocess
import sys

# Shown once, under COMMON OPTIONS in the template, not under every command.
COMMON = {"--db", "--version", "--help"}


def run_help(program, *words):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANGUAGE", "BANGFU_"))}
    env["LC_ALL"] = "C.UTF-8"
    return subprocess.run([program, *words, "--help"], env=env, check=True, capture_output=True,
                          text=True).stdout


def roff(text):
    """Escapes text for a roff line: backslashes, dashes and a leading dot or quote."""
    text = text.replace("\\", "\\e").replace("-", "\\-").replace('"', "\\(dq")
    return "\\&" + text if text[:1] in (".", "'") else text


def commands(program):
    """(words, usage, summary) of each command, in the order of bangfu-cli --help."""
    found, in_commands, usage = [], False, None
    for line in run_help(program).splitlines():
        if line == "Commands:":
            in_commands = True
        elif in_commands and re.match(r"^  \S", line):
            usage = line.strip()
        elif in_commands and usage and re.match(r"^      \S", line):
            m = re.match(r"([a-z][a-z-]*)(?: ([a-z][a-z-]*)\b(?![-…]))?", usage)
            found.append(([w for w in m.groups() if w], usage, line.strip()))
            usage = None
        elif in_commands and not line.strip():
            in_commands = False
    if not found:
        sys.exit("gen-manpage: no commands in the --help output")
    return found


def details(program, words):
    """The description and the options (other than the common ones) of one command."""
    description, options, section = [], [], None
    for line in run_help(program, *words).splitlines():
        if line.endswith("Options:"):
            section = line
        elif section is None and line.strip() and not line.startswith(("Usage:", "  ")):
            description.append(line.strip())
        elif section == "Application Options:" and line.strip():
            option, _, text = line.strip().partition("  ")
            names = re.findall(r"--?[a-z][a-z-]*", option)
            if not COMMON.intersection(names):
                options.append((option, text.strip()))
    return " ".join(description), options


def main():
    program, template, output, version = sys.argv[1:5]
    out = []
    for words, usage, summary in commands(program):
        description, options = details(program, words)
        out += [".TP", f".B {roff(usage)}", roff(description or summary + ".")]
        if options:
            out.append(".RS")
            for option, text in options:
                out += [".TP", f".B {roff(option)}", roff(text)]
            out.append(".RE")
    with open(template, encoding="utf-8") as f:
        page = f.read().replace("@VERSION@", version)
    if "@COMMANDS@\n" not in page:
        sys.exit("gen-manpage: the template has no @COMMANDS@ line")
    with open(output, "w", encoding="utf-8") as f:
        f.write(page.replace("@COMMANDS@\n", "\n".join(out) + "\n"))


if __name__ == "__main__":
    main()
