#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control in the new-register form and in Preferences is named, for a screen reader, by the
label the user sees (TAP). Starts bangfu in a D-Bus session of its own, opens Preferences through
the application's exported actions and reads the accessibility tree over AT-SPI.

With the path of bangfu-cli too, also the household form, on a register made with it.

Usage: check-a11y.py PATH/TO/bangfu [PATH/TO/bangfu-cli]
"""
import os
import subprocess
import sys
import tempfile
import time

import bf_atspi

if not os.environ.get("BF_A11Y_INNER"):
    # Our own session bus: a Bangfu already running on the desktop must not answer for us.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("1..0 # SKIP no display")
        sys.exit(0)
    # And our own runtime directory: without XDG_RUNTIME_DIR the AT-SPI bus launcher binds
    # ~/.cache/at-spi/bus, which every session of the user shares, so another test run at the same
    # time replaced or removed our bus mid-check, and libatspi's warning (fatal here) trapped.
    with tempfile.TemporaryDirectory() as runtime:
        os.chmod(runtime, 0o700)
        env = dict(os.environ, BF_A11Y_INNER="1", XDG_RUNTIME_DIR=runtime)
        # The checker is a client of libatspi, whose warnings about the bus coming and going are not
        # the application's: only the application under test runs with fatal warnings.
        env["BF_A11Y_APP_G_DEBUG"] = env.pop("G_DEBUG", "")
        status = bf_atspi.run_in_own_session(env, os.environ.get("BF_A11Y_DEBUG"))
    sys.exit(status)

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, Gio, GLib
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP AT-SPI bindings missing ({e})")
    sys.exit(0)

APP_ID = "io.github.bangfu.Bangfu"
CONTROLS = {"spin button", "check box", "toggle button", "text", "combo box"}

# The visible labels (row titles) of the controls, as written in the .ui files.
EXPECTED_PREFERENCES = {
    "Your name", "Default notice period", "Minimum notice period", "Township notice",
    "Show masked ID numbers", "Issuing body", "Supervision phone", "Visit interval",
    "Follow-up years",
}
EXPECTED_FORM = {"Township name", "County", "Villages", "Groups per village", "Your name"}
# The households page: its filters, the household form and the member form inside it
# (src/gui/households/: bf-households-page.c, bf-household-editor-fields.c, bf-member-editor.c).
EXPECTED_HOUSEHOLD = {
    "Status", "Cause of poverty",
    "Household number", "Village", "Group", "Address", "Phone", "Bank", "Bank account", "Attribute",
    "Monitoring type", "Identification standard", "First identified on",
    "Survey year", "Wage income", "Business income", "Property income", "Transfer income",
    "Business expenses", "Education expenditure", "Medical expenditure", "Housing expenditure",
    "Elderly care expenditure", "Large unavoidable expenditure", "Household debt",
    "Primary cause", "Other cause", "Second other cause", "Description of the causes",
    "Enough to eat", "Enough to wear", "Compulsory education secured", "Basic medical care secured",
    "Safe housing secured", "Safe drinking water secured",
    "House area (m²)", "Dangerous house", "Relocated for poverty alleviation", "Farmland (mu)",
    "Forest land (mu)", "Livestock", "Industry development",
    "Survey date", "Surveyor", "Verifier", "Verification date",
    "Name", "ID number", "Relation to head", "Sex", "Birth date", "Ethnicity", "Education",
    "School status", "Health", "Disability grade", "Labour ability", "Work away from home",
    "Months of work away (0–12)", "Basic medical insurance", "Serious illness insurance",
    "Basic pension insurance",
}
# Names found only in the households page (the page, the household form, the member form).
HOUSEHOLD_ANCHORS = {"Cause of poverty", "Enough to eat", "Months of work away (0–12)"}


def controls(accessible, found, depth=0, with_objects=False):
    if depth > 60:
        return
    try:
        role = accessible.get_role_name()
        name = accessible.get_name()
        # GTK 4.8 does not report SHOWING; VISIBLE is the widget's own visibility.
        showing = accessible.get_state_set().contains(Atspi.StateType.VISIBLE)
    except GLib.Error:
        return
    if role in CONTROLS and showing:
        found.append((role, name, accessible) if with_objects else (role, name))
    for i in range(accessible.get_child_count()):
        child = accessible.get_child_at_index(i)
        if child is not None:
            controls(child, found, depth + 1, with_objects)


def find_named(accessible, role, name, depth=0):
    if depth > 60:
        return None
    try:
        if accessible.get_role_name() == role and accessible.get_name() == name:
            return accessible
        n = accessible.get_child_count()
    except GLib.Error:
        return None
    for i in range(n):
        child = accessible.get_child_at_index(i)
        found = find_named(child, role, name, depth + 1) if child is not None else None
        if found is not None:
            return found
    return None


def find_window(title, deadline):
    return bf_atspi.find_window(Atspi, title, deadline)


def activate(action):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.call_sync(APP_ID, "/io/github/bangfu/Bangfu", "org.gtk.Actions", "Activate",
                  GLib.Variant("(sava{sv})", (action, [], {})), None, Gio.DBusCallFlags.NONE,
                  5000, None)


def ancestors(accessible):
    chain = []
    while accessible is not None:
        chain.append(accessible)
        try:
            accessible = accessible.get_parent()
        except GLib.Error:
            break
    return chain


def scope(window, anchors):
    """The smallest part of @window holding every control named in @anchors: other pages of the
    window (hidden, but VISIBLE to GTK 4.8's AT-SPI) have controls of their own."""
    found = []
    controls(window, found, with_objects=True)
    chains = [ancestors(obj) for _role, name, obj in found if name in anchors]
    if not chains:
        return window
    common = chains[0]
    for chain in chains[1:]:
        common = [a for a in common if any(a == b for b in chain)]
    return common[0] if common else window


def check_window(number, what, window, expected, deadline, anchors=None):
    """Waits for the controls to appear, then compares their names with the labels."""
    found = []
    while window is not None:
        found = []
        controls(scope(window, anchors or expected), found)
        if expected <= {name for _role, name in found} or time.time() > deadline:
            break
        time.sleep(0.2)
    names = [name for _role, name in found]
    problems = []
    if window is None:
        problems.append(f"{what} did not appear")
    for role, name in found:
        if name not in expected:
            problems.append(f"a {role} is named {name!r}, not by a visible label")
    for label in sorted(expected - set(names)):
        problems.append(f"no control is named {label!r}")
    print(f"{'not ok' if problems else 'ok'} {number} - every control in {what} is named by its label")
    for p in problems:
        print(f"# {p}")
    return not problems


def main():
    bangfu = os.path.abspath(sys.argv[1])
    Atspi.init()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, GSETTINGS_BACKEND="memory", LC_ALL="C.UTF-8", HOME=home,
                   XDG_CONFIG_HOME=os.path.join(home, ".config"), GTK_A11Y="atspi",
                   G_DEBUG=os.environ.get("BF_A11Y_APP_G_DEBUG", ""))
        env.pop("NO_AT_BRIDGE", None)
        env.pop("LANGUAGE", None)
        app = subprocess.Popen([bangfu], env=env, stderr=None if os.environ.get("BF_A11Y_DEBUG") else subprocess.DEVNULL)
        ok = True
        try:
            print("1..3" if len(sys.argv) > 2 else "1..2")
            deadline = time.time() + 30
            main_window = find_window("Bangfu", deadline)
            button = find_named(main_window, "push button", "New Register…") if main_window else None
            if button is not None:
                button.get_action_iface().do_action(0)
            ok &= check_window(1, "the new-register form", main_window, EXPECTED_FORM, deadline)
            try:
                activate("preferences")
            except GLib.Error as e:
                print(f"# cannot open Preferences: {e.message}")
            ok &= check_window(2, "Preferences", find_window("Preferences", deadline),
                               EXPECTED_PREFERENCES, deadline)
        finally:
            app.terminate()
            app.wait(10)
        if len(sys.argv) > 2:
            ok &= check_household_form(3, bangfu, os.path.abspath(sys.argv[2]), env, home)
    return 0 if ok else 1


def check_household_form(number, bangfu, cli, env, home):
    """Opens a new register, presses Add Household and reads the form's controls."""
    path = os.path.join(home, "a11y.bangfu")
    subprocess.run([cli, "--db", path, "init", "--county", "测试县", "--township", "测试镇",
                    "--villages", "甲村,乙村"], env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    app = subprocess.Popen([bangfu, path], env=env,
                           stderr=None if os.environ.get("BF_A11Y_DEBUG") else subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        window = find_window("测试镇 — a11y.bangfu", deadline)
        button = None
        while window is not None and button is None and time.time() < deadline:
            button = find_named(window, "push button", "Add Household")
            time.sleep(0.2)
        if button is not None:
            button.get_action_iface().do_action(0)
        return check_window(number, "the households page and form", window, EXPECTED_HOUSEHOLD,
                            deadline, HOUSEHOLD_ANCHORS)
    finally:
        app.terminate()
        app.wait(10)


if __name__ == "__main__":
    sys.exit(main())
