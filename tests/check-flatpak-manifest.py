#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest, checked without building it (TAP): it parses, names this application and
its program, builds this source tree last with meson, pins every downloaded source, and keeps the
sandbox offline with no access to the whole home folder.

Usage: check-flatpak-manifest.py MANIFEST SOURCE_ROOT APP_ID
"""
import json
import os
import re
import sys

manifest_path, source_root, app_id = sys.argv[1:4]
results = []


def check(ok, description, problems=()):
    results.append((ok, description, list(problems)))


try:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    check(isinstance(manifest, dict), "the manifest is a JSON object")
except (OSError, ValueError) as e:
    manifest = {}
    check(False, "the manifest is a JSON object", [str(e)])

problems = []
if manifest.get("id") != app_id or manifest.get("id") != os.path.basename(manifest_path)[:-5]:
    problems.append(f"id {manifest.get('id')!r}, file {os.path.basename(manifest_path)}")
if manifest.get("command") != "bangfu":
    problems.append(f"command {manifest.get('command')!r}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append(f"runtime {manifest.get('runtime')!r}, sdk {manifest.get('sdk')!r}")
if not re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))):
    problems.append(f"runtime-version {manifest.get('runtime-version')!r} is not a release")
check(not problems, "it names the application, its command and a GNOME runtime release", problems)

modules = manifest.get("modules") or []
problems = []
names = [m.get("name") for m in modules if isinstance(m, dict)]
if len(names) != len(modules) or len(set(names)) != len(names) or None in names:
    problems.append(f"module names {names}")
for m in modules:
    if not isinstance(m, dict):
        continue
    if m.get("buildsystem") not in ("meson", "cmake", "cmake-ninja", "autotools", "simple"):
        problems.append(f"{m.get('name')}: buildsystem {m.get('buildsystem')!r}")
    for s in m.get("sources") or [None]:
        if not isinstance(s, dict) or "type" not in s:
            problems.append(f"{m.get('name')}: source {s!r}")
        elif s["type"] == "git" and not re.fullmatch(r"[0-9a-f]{40}", s.get("commit", "")):
            problems.append(f"{m.get('name')}: git source without a pinned commit")
        elif s["type"] in ("archive", "file") and not re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", "")):
            problems.append(f"{m.get('name')}: {s['type']} without a sha256")
check(modules and not problems, "every module has a build system and pinned sources", problems)

last = modules[-1] if modules and isinstance(modules[-1], dict) else {}
sources = last.get("sources") or []
local = [s for s in sources if isinstance(s, dict) and s.get("type") == "dir"]
path = os.path.normpath(os.path.join(os.path.dirname(manifest_path), local[0]["path"])) if local else ""
same_tree = bool(path) and os.path.exists(path) and os.path.samefile(path, source_root)
check(last.get("name") == "bangfu" and last.get("buildsystem") == "meson" and len(local) == 1
      and same_tree,
      "the last module builds this source tree with meson",
      [f"last module {last.get('name')!r} ({last.get('buildsystem')!r}), dir source {path!r}"])

args = manifest.get("finish-args") or []
problems = [a for a in args if a in ("--share=network", "--filesystem=host", "--filesystem=home")
            or a.startswith("--filesystem=/")]
for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc"):
    if needed not in args:
        problems.append(f"no {needed}")
check(not problems, "the sandbox has a display but no network and not the whole home folder",
      problems)

print(f"1..{len(results)}")
for i, (ok, description, details) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {description}")
    for d in details if not ok else ():
        print(f"# {d}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
