# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive Tract's window the way a screen reader does: through AT-SPI.

Run under `xvfb-run` and `dbus-run-session` (tests/ui/meson.build does):
this module starts the accessibility bus, then the application, and finds
widgets by role and accessible name.
"""

import ctypes
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

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


KEY_DOWN = 0xFF54
KEY_UP = 0xFF52
KEY_RETURN = 0xFF0D
KEY_ESCAPE = 0xFF1B
KEY_SPACE = 0x0020
KEY_CONTROL_L = 0xFFE3
KEY_A = 0x0061
KEY_N = 0x006E


class Mouse:
    """Real clicks and keys through the XTEST extension of the X server, for
    what AT-SPI cannot do in GTK 4.8 (a combo row's popover and its items, a
    click with Ctrl held, a key to the window). Without a window manager
    the window sits at the origin: its coordinates are the screen's."""

    def __init__(self):
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                                   ctypes.c_ulong]
        self.xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.display = self.x11.XOpenDisplay(None)
        if not self.display:
            raise unittest.SkipTest("no X display for clicks")

    def close(self):
        self.x11.XCloseDisplay(self.display)

    def _keys(self, keysyms, press):
        for keysym in (keysyms if press else reversed(keysyms)):
            self.xtst.XTestFakeKeyEvent(self.display, self.x11.XKeysymToKeycode(self.display, keysym),
                                        1 if press else 0, 0)

    def click(self, node, modifier=None):
        """A click in the middle of @node, @modifier (a keysym) held."""
        extents = node.get_extents(Atspi.CoordType.WINDOW)
        x, y = extents.x + extents.width // 2, extents.y + extents.height // 2
        self.xtst.XTestFakeMotionEvent(self.display, -1, x, y, 0)
        held = [modifier] if modifier is not None else []
        self._keys(held, True)
        self.xtst.XTestFakeButtonEvent(self.display, 1, 1, 0)
        self.xtst.XTestFakeButtonEvent(self.display, 1, 0, 0)
        self._keys(held, False)
        self.x11.XFlush(self.display)
        time.sleep(0.5)

    def drag(self, start, end, steps=30):
        """Button 1 pressed at @start, moved to @end a step at a time (a
        drag starts only past a threshold, and a drop target hears the
        motion), then released there. Points are (x, y) on the screen."""
        self.xtst.XTestFakeMotionEvent(self.display, -1, start[0], start[1], 0)
        self.xtst.XTestFakeButtonEvent(self.display, 1, 1, 0)
        self.x11.XFlush(self.display)
        time.sleep(0.2)
        for i in range(1, steps + 1):
            x = start[0] + (end[0] - start[0]) * i // steps
            y = start[1] + (end[1] - start[1]) * i // steps
            self.xtst.XTestFakeMotionEvent(self.display, -1, x, y, 0)
            self.x11.XFlush(self.display)
            time.sleep(0.03)
        time.sleep(0.3)
        self.xtst.XTestFakeButtonEvent(self.display, 1, 0, 0)
        self.x11.XFlush(self.display)
        time.sleep(0.5)

    def key(self, keysym, times=1):
        """Keys go where the focus is: an open popover holds the keyboard."""
        for _ in range(times):
            self._keys([keysym], True)
            self._keys([keysym], False)
            self.x11.XFlush(self.display)
            time.sleep(0.2)

    def shortcut(self, modifier, keysym):
        """A key, with @modifier held unless None, over the window (without a
        window manager, the keyboard goes to the window under the pointer)."""
        keys = [keysym] if modifier is None else [modifier, keysym]
        self.xtst.XTestFakeMotionEvent(self.display, -1, 600, 400, 0)
        self._keys(keys, True)
        self._keys(keys, False)
        self.x11.XFlush(self.display)
        time.sleep(0.5)


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
