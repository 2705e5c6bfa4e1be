# SPDX-License-Identifier: GPL-3.0-or-later
# What each table of a register costs per household, its indexes (and an FTS table's shadow
# tables) counted with it, from SQLite's dbstat: pages in use and their unused bytes.
#   register-size.py REGISTER
# Prints a Markdown table, the largest first, and the whole file's bytes per household.
import os
import sqlite3
import sys

path = sys.argv[1]
db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
households = db.execute("SELECT count(*) FROM households").fetchone()[0] or 1
owner = dict(db.execute("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')"))
virtual = [
    name
    for (name,) in db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    )
]
sizes = {}
for name, pages, used, unused in db.execute(
    "SELECT name, count(*), sum(pgsize), sum(unused) FROM dbstat GROUP BY name"
):
    table = owner.get(name, name)
    # An FTS5 or R-tree table keeps its rows in shadow tables named after it.
    for base in virtual:
        if table.startswith(base + "_"):
            table = base
    entry = sizes.setdefault(table, [0, 0, 0])
    entry[0] += used
    entry[1] += unused
    entry[2] += 1 if name != table else 0
total = sum(v[0] for v in sizes.values())
print("| table (with its indexes) | bytes per household | share | unused in its pages | indexes, shadow tables |")
print("|---|---:|---:|---:|---:|")
for table, (used, unused, n_indexes) in sorted(sizes.items(), key=lambda kv: -kv[1][0]):
    if used * 1000 < total:
        continue
    print(
        "| %s | %.0f | %.1f%% | %.0f%% | %d |"
        % (table, used / households, 100 * used / total, 100 * unused / used, n_indexes)
    )
print(
    "whole file: %d bytes, %d households: %.0f bytes per household (tables under 0.1%% left out)"
    % (os.path.getsize(path), households, os.path.getsize(path) / households)
)
