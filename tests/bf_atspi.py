# SPDX-License-Identifier: GPL-3.0-or-later
"""What the AT-SPI checks share (check-a11y.py, check-install.py)."""
import re
import subprocess
import sys
import time


def run_in_own_session(env, debug):
    """Runs this script again inside a D-Bus session of its own (with @env) and returns its exit
    status. The session's services (the AT-SPI registry) write to the session's standard output,
    which is this test's TAP stream: only TAP lines pass; the rest become comments."""
    inner = subprocess.Popen(["dbus-run-session", "--", sys.executable] + sys.argv, env=env,
                             stdout=subprocess.PIPE, text=True,
                             stderr=None if debug else subprocess.DEVNULL)
    for line in inner.stdout:
        if not re.match(r"(ok|not ok|1\.\.\d+|#|Bail out!)", line):
            line = "# " + line
        sys.stdout.write(line)
        sys.stdout.flush()
    return inner.wait()


def find_window(atspi, title, deadline, seen=None):
    """The window of a running bangfu named @title, waiting until @deadline; None if it never
    appears. @seen, a set, collects the names of the windows met on the way."""
    while time.time() < deadline:
        desktop = atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is None or app.get_name() != "bangfu":
                continue
            for j in range(app.get_child_count()):
                window = app.get_child_at_index(j)
                if window is None:
                    continue
                if seen is not None:
                    seen.add(window.get_name())
                if window.get_name() == title:
                    return window
        time.sleep(0.2)
    return None
