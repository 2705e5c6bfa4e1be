#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The installed tree runs as it is (TAP): `meson install --destdir` into a temporary folder, then,
with no Bangfu variable and no GSETTINGS_SCHEMA_DIR, the installed bangfu-cli answers --version,
creates a register and checks ID numbers in Chinese from the installed catalogue; the installed
bangfu opens under Xvfb in Chinese with its window title translated; the installed desktop file,
metainfo, schema, icons, manual pages and completion are all there and valid. Last, the tree moved
to another folder still runs.

Usage: check-install.py BUILD_DIR PREFIX BINDIR DATADIR LOCALEDIR MANDIR VERSION
(the directories absolute, as configured).
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time

import bf_atspi

BUILD, PREFIX, BINDIR, DATADIR, LOCALEDIR, MANDIR, VERSION = sys.argv[1:8]
APP_ID = "io.github.bangfu.Bangfu"
ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
TESTS = 9

if not os.environ.get("BF_INSTALL_INNER"):
    # The window is read over AT-SPI in a D-Bus session and runtime folder of our own (see
    # check-a11y.py): a Bangfu on the desktop must not answer for us, nor another run's bus.
    if os.environ.get("DISPLAY") and shutil.which("dbus-run-session"):
        with tempfile.TemporaryDirectory() as runtime:
            os.chmod(runtime, 0o700)
            env = dict(os.environ, BF_INSTALL_INNER="1", XDG_RUNTIME_DIR=runtime)
            env["BF_INSTALL_APP_G_DEBUG"] = env.pop("G_DEBUG", "")
            sys.exit(bf_atspi.run_in_own_session(env, os.environ.get("BF_INSTALL_DEBUG")))
    os.environ["BF_INSTALL_INNER"] = "no-display"

number = 0
failed = False


def report(ok, description, problems=()):
    global number, failed
    number += 1
    failed |= not ok
    print(f"{'ok' if ok else 'not ok'} {number} - {description}")
    for p in problems:
        print(f"# {p}")
    sys.stdout.flush()


def skip(description, reason):
    global number
    number += 1
    print(f"ok {number} - {description} # SKIP {reason}")


def under(root, path):
    return os.path.join(root, path.lstrip("/"))


def clean_env(home):
    """The environment of a person's session: none of the build tree's or the tests' settings."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("BANGFU_", "G_TEST_", "GSETTINGS_SCHEMA_DIR", "LC_", "LANGUAGE",
                                "GTK_A11Y", "NO_AT_BRIDGE", "G_DEBUG"))}
    # Only the system's own data: a Bangfu installed under /usr/local must not stand in for ours.
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local/share"), XDG_DATA_DIRS="/usr/share",
               GSETTINGS_BACKEND="memory", LANG="C.UTF-8")
    return env


def run(argv, env, **kw):
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, **kw)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def expected_files():
    share = [f"applications/{APP_ID}.desktop", f"metainfo/{APP_ID}.metainfo.xml",
             f"glib-2.0/schemas/{APP_ID}.gschema.xml", "glib-2.0/schemas/gschemas.compiled",
             f"mime/packages/{APP_ID}.mime.xml", "bash-completion/completions/bangfu-cli",
             f"icons/hicolor/scalable/apps/{APP_ID}.svg",
             f"icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg"]
    share += [f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES]
    return ([os.path.join(BINDIR, "bangfu"), os.path.join(BINDIR, "bangfu-cli"),
             os.path.join(LOCALEDIR, "zh_CN/LC_MESSAGES/bangfu.mo"),
             os.path.join(MANDIR, "man1/bangfu.1"), os.path.join(MANDIR, "man1/bangfu-cli.1")]
            + [os.path.join(DATADIR, p) for p in share])


def check_files(root):
    problems = [f"{p} is not installed" for p in expected_files() if not os.path.exists(under(root, p))]
    for s in ICON_SIZES:
        path = under(root, os.path.join(DATADIR, f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png"))
        if os.path.exists(path) and png_size(path) != (s, s):
            problems.append(f"the {s}x{s} icon is {png_size(path)}")
    report(not problems, "meson install --destdir installs every file the programs need", problems)


def check_cli(root, home, what):
    cli = under(root, os.path.join(BINDIR, "bangfu-cli"))
    env = clean_env(home)
    problems = []
    out = run([cli, "--version"], env)
    if out.returncode != 0 or out.stdout.strip() != f"bangfu-cli {VERSION}":
        problems.append(f"--version: status {out.returncode}, {out.stdout.strip()!r}")
    db = os.path.join(home, f"{what}.bangfu")
    out = run([cli, "--db", db, "init", "--county", "测试县", "--township", "测试镇",
               "--villages", "甲村,乙村"], env)
    if out.returncode != 0 or not os.path.exists(db):
        problems.append(f"init: status {out.returncode}, {out.stderr.strip()!r}")
    else:
        out = run([cli, "--db", db, "check"], env)
        if out.returncode != 0:
            problems.append(f"check of the new register: status {out.returncode}, {out.stdout.strip()!r}")
    out = run([cli, "id", "check", "11010519491231002X"], env)
    if out.returncode != 0 or "valid, born 1949-12-31" not in out.stdout:
        problems.append(f"id check of a valid number: status {out.returncode}, {out.stdout.strip()!r}")
    # Chinese from the installed catalogue: nothing points at the build tree's.
    out = run([cli, "id", "check", "110105194912310021"], dict(env, LANGUAGE="zh_CN"))
    if out.returncode != 1 or "校验码" not in out.stdout:
        problems.append(f"id check in Chinese: status {out.returncode}, {out.stdout.strip()!r}")
    report(not problems, f"the {what} bangfu-cli runs --version, init and id check (in Chinese)",
           problems)


def check_gui(root, home):
    description = "the installed bangfu opens in Chinese with its window title translated"
    if os.environ["BF_INSTALL_INNER"] == "no-display":
        skip(description, "no display")
        return
    try:
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi
    except (ImportError, ValueError) as e:
        skip(description, f"AT-SPI bindings missing ({e})")
        return
    Atspi.init()
    env = clean_env(home)
    env.update(LANGUAGE="zh_CN", GTK_A11Y="atspi", G_DEBUG=os.environ.get("BF_INSTALL_APP_G_DEBUG", ""))
    app = subprocess.Popen([under(root, os.path.join(BINDIR, "bangfu"))], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    problems = []
    try:
        names = set()
        if bf_atspi.find_window(Atspi, "帮扶台账", time.time() + 30, names) is None:
            problems.append(f"no window titled 帮扶台账; windows: {sorted(names)}")
        if app.poll() is not None:
            problems.append(f"bangfu exited with status {app.returncode}")
    finally:
        app.terminate()
        try:
            _, err = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            _, err = app.communicate()
    if problems:
        problems += [f"stderr: {line}" for line in err.splitlines()[-5:]]
    report(not problems, description, problems)


def check_data(root):
    problems = []
    desktop = under(root, os.path.join(DATADIR, f"applications/{APP_ID}.desktop"))
    metainfo = under(root, os.path.join(DATADIR, f"metainfo/{APP_ID}.metainfo.xml"))
    schemas = under(root, os.path.join(DATADIR, "glib-2.0/schemas"))
    for argv in (["desktop-file-validate", desktop],
                 ["appstreamcli", "validate", "--no-net", "--explain", metainfo],
                 ["glib-compile-schemas", "--strict", "--dry-run", schemas]):
        out = run(argv, os.environ)
        if out.returncode != 0:
            problems.append(f"{argv[0]}: {(out.stdout + out.stderr).strip()}")
    # The compiled schema (written by the install step) holds the application's keys.
    out = run(["gsettings", "--schemadir", schemas, "list-keys", APP_ID], os.environ)
    if out.returncode != 0 or "last-file" not in out.stdout.split():
        problems.append(f"gsettings list-keys: {(out.stdout + out.stderr).strip()}")
    with open(desktop, encoding="utf-8") as f:
        if "Name[zh_CN]=帮扶台账" not in f.read():
            problems.append("the desktop file has no Chinese name")
    report(not problems, "the installed desktop file, metainfo and schema validate", problems)


def check_manuals(root):
    problems = []
    cli_help = run([under(root, os.path.join(BINDIR, "bangfu-cli")), "--help"],
                   dict(clean_env(tempfile.gettempdir()), LANGUAGE=""))
    for page in ("bangfu.1", "bangfu-cli.1"):
        path = under(root, os.path.join(MANDIR, "man1", page))
        out = run(["man", "--warnings", "-l", "-Tutf8", path], dict(os.environ, MANWIDTH="80"))
        if out.returncode != 0 or out.stderr.strip():
            problems.append(f"man {page}: {out.stderr.strip()}")
    # Every command of --help has its entry, with its own options (in the page's source: the
    # formatted text hyphenates long words).
    with open(under(root, os.path.join(MANDIR, "man1", "bangfu-cli.1")), encoding="utf-8") as f:
        source = f.read().replace("\\-", "-")
    entries = [line[3:] for line in source.splitlines() if line.startswith(".B ")]
    usages = [line.strip() for line in cli_help.stdout.splitlines()
              if line.startswith("  ") and not line.startswith("   ")
              and not line.strip().startswith("bangfu-cli")]
    missing = [u for u in usages if u.replace('"', "\\(dq") not in entries]
    if len(usages) < 15 or missing:
        problems.append(f"commands in --help: {len(usages)}, not in the manual: {missing}")
    for option in ("-q, --quarter=QUARTER", "--households=N", "--open-problems", "-o, --output=FILE"):
        if f".B {option}" not in source:
            problems.append(f"the manual does not list {option}")
    report(not problems, "the manual pages format without warnings and list every command", problems)


def check_completion(root):
    completion = under(root, os.path.join(DATADIR, "bash-completion/completions/bangfu-cli"))
    cli = under(root, os.path.join(BINDIR, "bangfu-cli"))
    script = ('source "$1"; COMP_WORDS=("$2" list ""); COMP_CWORD=2; _bangfu_cli; '
              'printf "%s\\n" "${COMPREPLY[@]}"')
    out = run(["bash", "-c", script, "bash", completion, cli], os.environ)
    words = set(out.stdout.split())
    expected = {"households", "measures", "visits", "follow-up", "not-visited", "notices"}
    report(out.returncode == 0 and words == expected,
           "the installed bash completion completes the installed bangfu-cli",
           [] if words == expected else [f"'list ' completes to {sorted(words)}: {out.stderr.strip()}"])


def main():
    print(f"1..{TESTS}")
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "stage")
        home = os.path.join(tmp, "home")
        os.makedirs(home)
        out = run(["meson", "install", "-C", BUILD, "--no-rebuild", "--quiet", "--destdir", root],
                  os.environ)
        if out.returncode != 0:
            report(False, "meson install --destdir", [out.stdout + out.stderr])
            return 1
        check_files(root)
        check_cli(root, home, "installed")
        check_gui(root, home)
        check_data(root)
        check_manuals(root)
        check_completion(root)
        # Another folder, another depth: the programs find their data beside them, not by path.
        moved = os.path.join(tmp, "moved", "elsewhere")
        os.makedirs(os.path.dirname(moved))
        shutil.move(under(root, PREFIX), moved)
        check_cli_moved(moved, home)
        check_gui_settings(moved, home)
        check_build_tree(home)
    return 1 if failed else 0


def relocated(moved, path):
    return os.path.join(moved, os.path.relpath(path, PREFIX))


def check_cli_moved(moved, home):
    cli = relocated(moved, os.path.join(BINDIR, "bangfu-cli"))
    out = run([cli, "id", "check", "110105194912310021"], dict(clean_env(home), LANGUAGE="zh_CN"))
    report(out.returncode == 1 and "校验码" in out.stdout,
           "the tree moved to another folder still finds its catalogue",
           [] if "校验码" in out.stdout else [f"status {out.returncode}: {out.stdout.strip()!r}"])


def check_gui_settings(moved, home):
    """bangfu aborts at start-up when its schema is missing: --help runs that far without a display."""
    app = relocated(moved, os.path.join(BINDIR, "bangfu"))
    out = run([app, "--help"], clean_env(home))
    report(out.returncode == 0 and "Usage" in out.stdout,
           "the moved bangfu finds its settings schema",
           [] if out.returncode == 0 else [f"status {out.returncode}: {out.stderr.strip()}"])


def check_build_tree(home):
    """The build tree keeps its own way: a schema directory given by hand still comes first."""
    app = os.path.join(BUILD, "src", "bangfu")
    env = dict(clean_env(home), GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "data"))
    out = run([app, "--help"], env)
    report(out.returncode == 0, "the build tree's bangfu starts with GSETTINGS_SCHEMA_DIR set",
           [] if out.returncode == 0 else [out.stderr.strip()])


if __name__ == "__main__":
    sys.exit(main())
