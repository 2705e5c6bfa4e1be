#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The files of a static library call each other in one direction only (TAP).

For each object of the archive, nm tells which global functions it defines and which it needs;
a need met by another object of the same archive is an edge between the two source files. Macro
expansions (BF_STORE_ERROR, G_DEFINE_*) are seen as the compiler saw them, which a regex over the
sources would miss. The check fails on any cycle and names it; on success it prints the files
layer by layer from the bottom (those that call no other file of the library).

  check-store-calls.py NM LIBRARY.a      check a library
  check-store-calls.py NM --self-test CC builds two tiny archives, one with a cycle, and checks
                                         that the first passes and the second fails
"""

import os
import re
import subprocess
import sys
import tempfile


def object_symbols(nm, archive):
    """{object stem: (defined, undefined)} from `nm -A` over @archive."""
    out = subprocess.run([nm, "-A", archive], check=True, capture_output=True, text=True).stdout
    objects = {}
    for line in out.splitlines():
        # "lib.a:lib.a.p/bf-store.c.o:0000000000000000 T bf_store_open" or "...:      U g_free"
        m = re.match(r"^.*?:(?:.*/)?([^/:]+)\.o:\s*(?:[0-9a-fA-F]+\s+)?([A-Za-z])\s+(\S+)$", line)
        if not m:
            continue
        obj, kind, name = m.groups()
        stem = obj[:-2] if obj.endswith(".c") else obj
        stem = re.sub(r"^meson-generated_(\.\._)*", "", stem)  # generated sources (resources)
        defined, undefined = objects.setdefault(stem, (set(), set()))
        if kind == "U":
            undefined.add(name)
        elif kind in "TDBR":  # global text and data: what another object can link against
            defined.add(name)
    return objects


def call_graph(objects):
    """{file: {file it calls: [symbols]}} over the objects of one archive."""
    owner = {}
    for stem, (defined, _) in objects.items():
        for name in defined:
            owner[name] = stem
    graph = {stem: {} for stem in objects}
    for stem, (_, undefined) in objects.items():
        for name in sorted(undefined):
            callee = owner.get(name)
            if callee and callee != stem:
                graph[stem].setdefault(callee, []).append(name)
    return graph


def circles(graph):
    """The groups of files that reach each other (strongly connected, more than one file)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def layers(graph):
    """The files by height: layer 0 calls no other file, layer n calls only layers below n."""
    height = {}

    def h(node):
        if node not in height:
            height[node] = 1 + max((h(c) for c in graph[node]), default=-1)
        return height[node]

    for node in graph:
        h(node)
    result = {}
    for node, level in height.items():
        result.setdefault(level, []).append(node)
    return [sorted(result[k]) for k in sorted(result)]


def check(nm, archive):
    """TAP lines and whether the archive's call graph has no cycle."""
    graph = call_graph(object_symbols(nm, archive))
    groups = circles(graph)
    if groups:
        lines = ["not ok - %s: files call each other in a circle" % os.path.basename(archive)]
        for group in groups:
            lines.append("#   circle: %s" % " ".join(group))
            for a in group:
                for b in sorted(set(graph[a]) & set(group)):
                    lines.append("#     %s -> %s (%s)" % (a, b, ", ".join(graph[a][b][:4])))
        return False, lines
    lines = ["ok - %s: the calls between its files form no circle" % os.path.basename(archive)]
    for level, nodes in enumerate(layers(graph)):
        lines.append("#   layer %d: %s" % (level, " ".join(nodes)))
    return True, lines


SELF_TEST_SOURCES = {
    # db.c is the bottom; feature.c calls it; with the cycle, db.c calls back up into feature.c.
    "dag": {
        "db.c": "int db_step (int x);\nint db_step (int x) { return x + 1; }\n",
        "feature.c": "int db_step (int x);\nint feature_save (int x);\n"
        "int feature_save (int x) { return db_step (x) * 2; }\n",
    },
    "cycle": {
        "db.c": "int feature_save (int x);\nint db_step (int x);\n"
        "int db_step (int x) { return x > 9 ? x : feature_save (x); }\n",
        "feature.c": "int db_step (int x);\nint feature_save (int x);\n"
        "int feature_save (int x) { return db_step (x + 1); }\n",
    },
}


def build_archive(cc, directory, sources):
    objects = []
    for name, text in sources.items():
        src = os.path.join(directory, name)
        with open(src, "w", encoding="utf-8") as f:
            f.write(text)
        obj = src + ".o"
        subprocess.run([cc, "-c", src, "-o", obj], check=True)
        objects.append(obj)
    archive = os.path.join(directory, "libtest.a")
    subprocess.run(["ar", "rcs", archive] + objects, check=True)
    return archive


def self_test(nm, cc):
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for case, expect_ok in (("dag", True), ("cycle", False)):
            directory = os.path.join(tmp, case)
            os.mkdir(directory)
            ok, lines = check(nm, build_archive(cc, directory, SELF_TEST_SOURCES[case]))
            results.append((ok == expect_ok, "%s archive %s" % (case, "passes" if ok else "fails"), lines))
    print("1..%d" % len(results))
    for good, what, lines in results:
        print("%s - %s" % ("ok" if good else "not ok", what))
        for line in lines:
            print("# " + line)
    return all(good for good, _, _ in results)


def main(argv):
    if len(argv) == 4 and argv[2] == "--self-test":
        return 0 if self_test(argv[1], argv[3]) else 1
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    ok, lines = check(argv[1], argv[2])
    print("1..1")
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
