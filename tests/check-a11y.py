#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control in the new-register form and in Preferences is named, for a screen reader, by the
label the user sees (TAP). Starts bangfu in a D-Bus session of its own, opens Preferences through
the application's exported actions and reads the accessibility tree over AT-SPI.

Usage: check-a11y.py PATH/TO/bangfu
"""
import os
import subprocess
import sys
import tempfile
import time

if not os.environ.get("BF_A11Y_INNER"):
    # Our own session bus: a Bangfu already running on the desktop must not answer for us.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("1..0 # SKIP no display")
        sys.exit(0)
    env = dict(os.environ, BF_A11Y_INNER="1")
    sys.exit(subprocess.call(["dbus-run-session", "--", sys.executable] + sys.argv, env=env,
                             stderr=None if os.environ.get("BF_A11Y_DEBUG") else subprocess.DEVNULL))

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


def controls(accessible, found, depth=0):
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
        found.append((role, name))
    for i in range(accessible.get_child_count()):
        child = accessible.get_child_at_index(i)
        if child is not None:
            controls(child, found, depth + 1)


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
    while time.time() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is None or app.get_name() != "bangfu":
                continue
            for j in range(app.get_child_count()):
                window = app.get_child_at_index(j)
                if window is not None and window.get_name() == title:
                    return window
        time.sleep(0.2)
    return None


def activate(action):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.call_sync(APP_ID, "/io/github/bangfu/Bangfu", "org.gtk.Actions", "Activate",
                  GLib.Variant("(sava{sv})", (action, [], {})), None, Gio.DBusCallFlags.NONE,
                  5000, None)


def check_window(number, what, window, expected, deadline):
    """Waits for the controls to appear, then compares their names with the labels."""
    found = []
    while window is not None:
        found = []
        controls(window, found)
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
                   XDG_CONFIG_HOME=os.path.join(home, ".config"), GTK_A11Y="atspi")
        env.pop("NO_AT_BRIDGE", None)
        env.pop("LANGUAGE", None)
        app = subprocess.Popen([bangfu], env=env, stderr=None if os.environ.get("BF_A11Y_DEBUG") else subprocess.DEVNULL)
        ok = True
        try:
            print("1..2")
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
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
