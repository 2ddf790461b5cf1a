#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A file manager's part in a drag: a small GTK 4 window at the screen's
corner whose label drags the files named on the command line, as a list of
files (what Nautilus offers). tests/ui/test_transfer.py drags from it onto
Tract's window with real pointer events, over X11's XDND protocol.

    drag_source.py FILE...

Prints "ready" once shown, then "end" when the drag is over. (GTK 4.8's
X11 backend ends a drag refused by its target as any other: what the
target did is read on its side.)
"""

import sys

import gi

gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import Gdk, Gio, GObject, Gtk  # noqa: E402


def on_activate(app):
    window = Gtk.ApplicationWindow(application=app, title="Files to drag")
    window.set_default_size(160, 60)
    label = Gtk.Label(label=f"{len(sys.argv) - 1} files")
    source = Gtk.DragSource(actions=Gdk.DragAction.COPY)

    def prepare(_source, _x, _y):
        files = Gdk.FileList.new_from_list([Gio.File.new_for_path(path) for path in sys.argv[1:]])
        return Gdk.ContentProvider.new_for_value(GObject.Value(Gdk.FileList, files))

    def drag_end(_source, _drag, delete_data):
        print("end", flush=True)

    source.connect("prepare", prepare)
    source.connect("drag-end", drag_end)
    label.add_controller(source)
    window.set_child(label)
    window.present()
    print("ready", flush=True)


app = Gtk.Application(application_id="io.github.tractapp.TestDragSource",
                      flags=Gio.ApplicationFlags.NON_UNIQUE)
app.connect("activate", on_activate)
sys.exit(app.run([sys.argv[0]]))
