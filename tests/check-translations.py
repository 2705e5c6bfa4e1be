#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the translations are complete (TAP).

1. every file named in po/POTFILES.in exists;
2. every source under src/ and ui/ that marks strings for translation is named there;
3. zh_CN.po holds a translation, neither fuzzy nor empty, for every string xgettext finds in
   those files now (not only in the last generated POT);
4. zh_CN.po compiles with msgfmt --check (format strings agree).

Usage: check-translations.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

# The keywords of meson's i18n.gettext(preset: 'glib').
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

# _( N_( C_( NC_( with or without the space GNU style puts before the parenthesis.
C_MARK = re.compile(r"(?<![A-Za-z0-9_])N?C?_\s*\(|\bg_dn?gettext\s*\(|\bn?gettext\s*\(")
UI_MARK = re.compile(r'translatable="yes"')

results = []


def check(ok, description, details=()):
    results.append((ok, description, list(details)))


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def main():
    root = os.path.abspath(sys.argv[1])
    po_dir = os.path.join(root, "po")
    with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
        listed = [l.strip() for l in f if l.strip() and not l.lstrip().startswith("#")]

    missing_files = [p for p in listed if not os.path.isfile(os.path.join(root, p))]
    check(not missing_files, "every file in POTFILES.in exists",
          [f"{p}: listed but not found" for p in missing_files])

    unlisted = []
    for top in ("src", "ui"):
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if name.endswith((".c", ".h")):
                    mark = C_MARK
                elif name.endswith(".ui"):
                    mark = UI_MARK
                else:
                    continue
                with open(path, encoding="utf-8") as f:
                    if mark.search(f.read()) and rel not in listed:
                        unlisted.append(rel)
    check(not unlisted, "every source with translatable strings is in POTFILES.in",
          [f"{p}: has translatable strings but is missing from po/POTFILES.in" for p in unlisted])

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "bangfu.pot")
        existing = os.path.join(tmp, "POTFILES")
        with open(existing, "w", encoding="utf-8") as f:
            f.write("\n".join(p for p in listed if p not in missing_files) + "\n")
        x = run(["xgettext", "--package-name=bangfu", f"--files-from={existing}",
                 f"--directory={root}", f"--output={pot}"] + XGETTEXT_ARGS)
        if x.returncode != 0:
            check(False, "xgettext extracts the strings", x.stderr.splitlines())
        else:
            po = os.path.join(po_dir, "zh_CN.po")
            # msgcmp counts fuzzy and empty translations as missing.
            c = run(["msgcmp", po, pot])
            details = []
            if c.returncode != 0:
                # Name the strings: merge into a scratch copy and list what stays untranslated.
                merged = os.path.join(tmp, "merged.po")
                run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot])
                todo = run(["msgattrib", "--untranslated", "--no-obsolete", "--no-wrap", merged]).stdout
                details = [l for l in todo.splitlines() if l.startswith(("#:", "msgid", "msgctxt"))]
                details = [l for l in details if l != 'msgid ""'] or c.stderr.splitlines()
            check(c.returncode == 0, "zh_CN.po translates every string, none fuzzy or empty",
                  details[:60])

    po = os.path.join(po_dir, "zh_CN.po")
    fuzzy = run(["msgattrib", "--only-fuzzy", "--no-obsolete", po]).stdout
    check("msgid" not in fuzzy, "zh_CN.po has no fuzzy entries", fuzzy.splitlines()[:40])
    m = run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po], env={**os.environ, "LC_ALL": "C"})
    check(m.returncode == 0 and "untranslated" not in m.stderr,
          "zh_CN.po compiles with msgfmt --check", m.stderr.splitlines()[:40])

    print(f"1..{len(results)}")
    for i, (ok, description, details) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {description}")
        for d in details:
            print(f"# {d}")
    return 0 if all(ok for ok, _d, _x in results) else 1


if __name__ == "__main__":
    sys.exit(main())
