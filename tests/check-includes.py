#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The include graph of src/ points down only and has no circles (TAP).

Reads every #include "…" of every .c and .h under src/, resolves it to a file of the tree (the
including file's own folder first, then any folder of src/: file names are unique) and fails on
  1. an include of a file whose folder the including folder may not use (see USES below);
  2. a circle of includes between files;
  3. a folder of src/ that USES does not know, or a header name that two folders hold.
Includes of files outside src/ (<glib.h>, config.h, the generated bf-resources.h) are not checked.

Usage: check-includes.py SRC-DIR      checks the tree
       check-includes.py --self-test  shows, on small trees of its own, that each rule can fail
"""
import os
import re
import sys
import tempfile

# What each folder of src/ may include besides itself: the folders right below it. A folder may
# use those and, through them, everything below them; nothing else. This is the rank table:
#   core < store < report < cli, gui
#   inside gui: widgets < plans, assessment, identification, ledgers, documents < households
#   < shell
# The five feature folders in the middle are side by side: none uses another (they reach each
# other through window actions such as win.show-household). households sits above plans,
# assessment and identification because the household form embeds their panels (help and
# measures, exit, lifecycle), and above documents because the form and the list open its print
# window; shell above every page because the window holds them all, and above documents for its
# Preferences group. "." is src/ itself (main.c). A new feature folder (import, sync) gets a
# line here, below the folders that show it, and a subdir() in src/gui/meson.build.
USES = {
    "core": [],
    "store": ["core"],
    "report": ["store"],
    "cli": ["report"],
    "gui/widgets": ["report"],
    "gui/plans": ["gui/widgets"],
    "gui/assessment": ["gui/widgets"],
    "gui/ledgers": ["gui/widgets"],
    "gui/identification": ["gui/widgets"],
    "gui/documents": ["gui/widgets"],
    "gui/households": ["gui/identification", "gui/plans", "gui/assessment", "gui/documents"],
    "gui/shell": ["gui/households", "gui/ledgers", "gui/documents"],
    ".": ["gui/shell"],
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def below(uses):
    """For each folder, every folder it may include (itself and all that it reaches)."""
    reach = {}

    def visit(folder, path):
        if folder in reach:
            return reach[folder]
        if folder in path:
            raise ValueError("the table has a circle: " + " -> ".join(path + [folder]))
        found = {folder}
        for lower in uses[folder]:
            found |= visit(lower, path + [folder])
        reach[folder] = found
        return found

    for folder in uses:
        visit(folder, [])
    return reach


def sources(src):
    """Every .c and .h under @src, as paths relative to it."""
    found = []
    for dirpath, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".c", ".h")):
                found.append(os.path.relpath(os.path.join(dirpath, name), src))
    return found


def folder_of(path):
    folder = os.path.dirname(path)
    return folder if folder else "."


def check(src, uses):
    """Returns (problems with the folders, problems with circles), lists of messages."""
    reach = below(uses)
    files = sources(src)
    by_name = {}
    layering = []
    for path in files:
        by_name.setdefault(os.path.basename(path), []).append(path)
        if folder_of(path) not in uses:
            layering.append(f"{path}: the folder {folder_of(path)} is not in the table")
    for name, paths in sorted(by_name.items()):
        if len(paths) > 1 and name.endswith(".h"):  # two main.c are fine: no one includes them
            layering.append(f"{name} is in more than one folder: {', '.join(paths)}")

    graph = {}
    for path in files:
        with open(os.path.join(src, path), encoding="utf-8") as f:
            text = f.read()
        graph[path] = []
        for included in INCLUDE.findall(text):
            local = os.path.normpath(os.path.join(os.path.dirname(path), included))
            if local in by_name.get(os.path.basename(local), []):
                target = local
            elif len(by_name.get(os.path.basename(included), [])) == 1:
                target = by_name[os.path.basename(included)][0]
            else:
                continue  # outside src/ (generated or a system header), or reported above
            graph[path].append(target)
            here, there = folder_of(path), folder_of(target)
            if here in uses and there not in reach[here]:
                layering.append(f"{path} includes {target}: {here} may not use {there}")
    return layering, circles(graph)


def circles(graph):
    """One message per circle of includes (each strongly connected group of files, Tarjan)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = [0]
    sys.setrecursionlimit(10000)

    def connect(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, []):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, []):
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [f"a circle of includes: {', '.join(group)}" for group in sorted(groups)]


def report(number, what, problems):
    print(("ok" if not problems else "not ok") + f" {number} - {what}")
    for problem in problems:
        print(f"# {problem}")
    return not problems


def check_tree(src):
    layering, loops = check(src, USES)
    print("1..2")
    ok = report(1, "every include points to the same folder or one below it", layering)
    ok &= report(2, "no circle of includes between files", loops)
    return 0 if ok else 1


def write_tree(root, files):
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)


def self_test():
    """Each rule, on a tree that keeps it and on one that breaks it."""
    uses = {"low": [], "mid": ["low"], "high": ["mid"], "side": ["low"]}
    good = {
        "low/a.h": "#pragma once\n#include <glib.h>\n",
        "low/a.c": '#include "config.h"\n#include "a.h"\n',
        "mid/b.h": '#include "a.h"\n',
        "mid/b.c": '#include "b.h"\n#include "../low/a.h"\n',
        "high/c.c": '#include "b.h"\n#include "a.h"\n',
        "side/d.c": '#include "a.h"\n',
    }
    cases = [
        ("a tree that points down only passes", {}, (0, 0)),
        ("an include from a lower folder to a higher one fails", {"low/a.c": '#include "b.h"\n'},
         (1, 0)),
        ("an include between folders side by side fails", {"side/d.c": '#include "b.h"\n'}, (1, 0)),
        ("an upward include through a relative path fails",
         {"low/a.c": '#include "../high/c.h"\n', "high/c.h": "#pragma once\n"}, (1, 0)),
        ("a circle of two headers in one folder fails",
         {"mid/e.h": '#include "f.h"\n', "mid/f.h": '#include "e.h"\n'}, (0, 1)),
        ("a circle of three files fails",
         {"mid/e.h": '#include "f.h"\n', "mid/f.h": '#include "g.h"\n', "mid/g.h": '#include "e.h"\n'},
         (0, 1)),
        ("a file including itself fails", {"mid/e.h": '#include "e.h"\n'}, (0, 1)),
        ("a folder missing from the table fails", {"new/x.c": '#include "a.h"\n'}, (1, 0)),
        ("a header name held by two folders fails", {"high/a.h": "#pragma once\n"}, (1, 0)),
    ]
    print(f"1..{len(cases) + 1}")
    ok = True
    for number, (what, change, expected) in enumerate(cases, 1):
        with tempfile.TemporaryDirectory() as root:
            write_tree(root, {**good, **change})
            layering, loops = check(root, uses)
        found = (min(len(layering), 1), min(len(loops), 1))
        ok &= report(number, what, [] if found == expected else
                     [f"expected {expected} (folders, circles), found {found}"] + layering + loops)
    try:
        below({"a": ["b"], "b": ["a"]})
        problems = ["a table with a circle was taken"]
    except ValueError:
        problems = []
    ok &= report(len(cases) + 1, "a rank table with a circle is refused", problems)
    return 0 if ok else 1


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    return check_tree(sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
