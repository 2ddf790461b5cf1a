# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive Tract's window the way a screen reader does: through AT-SPI.

Run under `xvfb-run` and `dbus-run-session` (tests/ui/meson.build does):
this module starts the accessibility bus, then the application, and finds
widgets by role and accessible name.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

TRACT = os.environ.get("TRACT", "tract")
ATSPI_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


class TimeoutError(AssertionError):
    pass


def wait_for(predicate, timeout=20.0, what="condition"):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except gi.repository.GLib.GError as error:  # the tree changes under us
            last_error = error
        time.sleep(0.1)
    raise TimeoutError(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))


def start_accessibility_bus():
    """at-spi-bus-launcher registers the a11y bus on the session bus."""
    if not os.path.exists(ATSPI_LAUNCHER):
        raise RuntimeError(f"{ATSPI_LAUNCHER} is missing: install at-spi2-core")
    launcher = subprocess.Popen([ATSPI_LAUNCHER, "--launch-immediately"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return launcher


def walk(node, depth=0, max_depth=60):
    if node is None or depth > max_depth:
        return
    yield node
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth)


def role(node):
    try:
        return node.get_role_name()
    except Exception:
        return ""


def name(node):
    try:
        return node.get_name() or ""
    except Exception:
        return ""


def showing(node):
    """GTK 4.8 does not set SHOWING below the window; what is off screen
    (another page, a closed popover) has no size, which is what counts."""
    try:
        if node.get_state_set().contains(Atspi.StateType.SHOWING):
            return True
        extents = node.get_extents(Atspi.CoordType.WINDOW)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def has_action(node):
    try:
        action = node.get_action_iface()
        return action is not None and action.get_n_actions() > 0
    except Exception:
        return False


def text_of(node):
    try:
        text = node.get_text_iface()
        if text is not None:
            return text.get_text(0, text.get_character_count())
    except Exception:
        pass
    return ""


def dump(node, depth=0, out=sys.stderr):
    for child in walk(node):
        print(f"{role(child)!r:24} {name(child)!r} {text_of(child)[:40]!r}", file=out)


class App:
    """The running application and its accessibility tree."""

    def __init__(self, database, extra_env=None, args=()):
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        if os.environ.get("TRACT_APP_G_DEBUG"):
            env["G_DEBUG"] = os.environ["TRACT_APP_G_DEBUG"]
        env["GTK_A11Y"] = "atspi"
        env.setdefault("GSK_RENDERER", "cairo")
        if extra_env:
            env.update(extra_env)
        self.stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen([TRACT, f"--database={database}", *args], env=env,
                                        stderr=self.stderr)
        self.root = wait_for(self._find_application, what="Tract on the accessibility bus")

    def _find_application(self):
        if self.process.poll() is not None:
            raise AssertionError(f"tract exited with {self.process.returncode}: {self.errors()}")
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and name(app).lower() in ("tract", "io.github.tractapp.tract"):
                if app.get_child_count() > 0:
                    return app
        return None

    def errors(self):
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")

    def find_all(self, role_name=None, name_=None, only_showing=True, contains=False):
        found = []
        for node in walk(self.root):
            if role_name is not None and role(node) != role_name:
                continue
            if name_ is not None:
                n = name(node)
                if (name_ not in n) if contains else (n != name_):
                    continue
            if only_showing and not showing(node):
                continue
            found.append(node)
        return found

    def find(self, role_name=None, name_=None, timeout=10.0, actionable=False, **kwargs):
        """The first match; with @actionable, the first that can be clicked
        (a GtkMenuButton shows as two nodes, only the inner one acts)."""
        def search():
            for node in self.find_all(role_name, name_, **kwargs):
                if not actionable or has_action(node):
                    return node
            return None
        return wait_for(search, timeout=timeout, what=f"{role_name} named {name_!r}")

    def find_text(self, needle, timeout=10.0):
        """Any showing node whose name or text contains @needle."""
        def search():
            for node in walk(self.root):
                if (needle in name(node) or needle in text_of(node)) and showing(node):
                    return node
            return None
        return wait_for(search, timeout=timeout, what=f"text {needle!r}")

    def click(self, node):
        action = node.get_action_iface()
        if action is not None and action.get_n_actions() > 0:
            # "click" for buttons, "activate" for rows; the first action is the default.
            action.do_action(0)
            return
        node.get_component_iface().grab_focus()

    def type_into(self, node, text):
        editable = node.get_editable_text_iface()
        editable.set_text_contents(text)

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        errors = self.errors()
        self.stderr.close()
        return errors


def query(database, sql, *params):
    db = sqlite3.connect(database)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def fresh_database(directory, demo=True):
    path = os.path.join(directory, "tract.db")
    if demo:
        subprocess.run([TRACT, f"--database={path}", "demo"], check=True, capture_output=True)
    return path
