#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Statements page, driven through the accessibility tree under Xvfb.

Writing a statement, asking every member to sign, two signatures, an edit
that freezes the signed text, the Markdown export; and a typing session
cut short by kill -9, after which the text up to the last autosave is in
the database.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import tractui  # noqa: E402

# Under AddressSanitizer the program runs several times slower: every wait
# and every AT-SPI call is given as much more time.
SANITIZED = b"libasan" in subprocess.run(["ldd", tractui.TRACT], capture_output=True).stdout
if SANITIZED:
    _wait_for = tractui.wait_for

    def _patient_wait_for(predicate, timeout=20.0, what="condition"):
        return _wait_for(predicate, timeout=timeout * 6, what=what)

    tractui.wait_for = _patient_wait_for
    tractui.Atspi.set_timeout(180000, 180000)

ACTIT = "Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT)"
SKB = "Union des Femmes Socialistes (SKB)"
HEADING = "Members and signatories of Vive la Commune de 1871"


def query_one(database, sql, *params):
    rows = tractui.query(database, sql, *params)
    return rows[0] if rows else None


class StatementsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bus = tractui.start_accessibility_bus()

    @classmethod
    def tearDownClass(cls):
        cls.bus.terminate()
        cls.bus.wait()

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.app = None

    def tearDown(self):
        if self.app is not None:
            errors = self.app.close()
            self.assertNotIn("CRITICAL", errors)
            self.assertNotIn("WARNING", errors)
        self.dir.cleanup()

    def open(self, database):
        self.app = tractui.App(database)
        self.app.click(self.app.find("page tab", "Statements", actionable=True))
        return self.app

    def wait_db(self, database, predicate, what):
        def check():
            try:
                return predicate()
            except sqlite3.OperationalError:  # the file is being written
                return False
        return tractui.wait_for(check, timeout=20, what=what)

    def find_button_labelled(self, text):
        """A button known by the text of its label (the file chooser's)."""
        def search():
            for node in tractui.walk(self.app.root):
                if tractui.role(node) == "label" and tractui.name(node) == text and tractui.showing(node):
                    parent = node.get_parent()
                    while parent is not None and tractui.role(parent) != "push button":
                        parent = parent.get_parent()
                    if parent is not None:
                        return parent
            return None
        return tractui.wait_for(search, what=f"button {text!r}")

    def new_statement(self, title):
        app = self.app
        app.click(app.find("push button", "New Statement", actionable=True))
        title_field = app.find("text", "Title")
        tractui.wait_for(lambda: tractui.text_of(title_field) == "New Statement", what="the new statement")
        app.type_into(title_field, title)
        return app.find("text", "Text")

    def test_write_sign_edit_export(self):
        database = tractui.fresh_database(self.dir.name)
        app = self.open(database)

        # Write a statement.
        body = self.new_statement("Appel du 18 mars")
        app.type_into(body, "# Appel\n\nNous appelons à **manifester** le 18 mars.\n")
        self.wait_db(database, lambda: query_one(database, "SELECT title, body FROM statement WHERE title = ?",
                                                 "Appel du 18 mars")
                     == ("Appel du 18 mars", "# Appel\n\nNous appelons à **manifester** le 18 mars.\n"),
                     "the statement saved as typed")
        statement_id = query_one(database, "SELECT id FROM statement WHERE title = 'Appel du 18 mars'")[0]
        app.find_text("Appel du 18 mars")

        # Ask every member organization.
        app.click(app.find("push button", "Invite All Members", actionable=True))
        self.wait_db(database, lambda: query_one(database, "SELECT count(*) FROM signature WHERE statement_id = ?"
                                                 " AND status = 'invited'", statement_id) == (9,),
                     "nine invitations")
        app.find_text("Unité Communiste (UC)")

        # Two sign.
        app.click(app.find("push button", f"Mark {ACTIT} as Signed", actionable=True))
        self.wait_db(database, lambda: query_one(database, "SELECT count(*) FROM signature WHERE statement_id = ?"
                                                 " AND status = 'signed'", statement_id) == (1,),
                     "the first signature")
        app.click(app.find("push button", f"Mark {SKB} as Signed", actionable=True))
        self.wait_db(database, lambda: query_one(database, "SELECT count(*) FROM signature WHERE statement_id = ?"
                                                 " AND status = 'signed'", statement_id) == (2,),
                     "the second signature")
        # The first signature saved the signed text as revision 1; both signed it.
        self.assertEqual(tractui.query(database, "SELECT number, note FROM statement_revision"
                                       " WHERE statement_id = ?", statement_id),
                         [(1, f"First signature: {ACTIT}")])
        self.assertEqual(query_one(database, "SELECT count(DISTINCT revision_id) FROM signature"
                                   " WHERE statement_id = ? AND status = 'signed'", statement_id), (1,))
        app.find_text(f"{HEADING}: {ACTIT}; {SKB}")

        # Edit the signed text: it becomes revision 2, revision 1 stays as signed.
        text = tractui.text_of(body)
        body.get_editable_text_iface().insert_text(len(text), "Rendez-vous place de la République.\n",
                                                   len("Rendez-vous place de la République.\n".encode()))
        self.wait_db(database, lambda: query_one(database, "SELECT count(*) FROM statement_revision"
                                                 " WHERE statement_id = ?", statement_id) == (2,),
                     "revision 2")
        self.assertEqual(query_one(database, "SELECT body FROM statement_revision WHERE statement_id = ?"
                                   " AND number = 1", statement_id),
                         ("# Appel\n\nNous appelons à **manifester** le 18 mars.\n",))
        app.find_text("Revision 2")
        app.find_text("Edited after signing; revision 1 stays as it was signed")
        # Both signatures are shown as on an earlier text, to be asked again.
        tractui.wait_for(lambda: sum(1 for n in tractui.walk(app.root)
                                     if "Signed an earlier text (revision 1): ask again" in tractui.text_of(n)
                                     and tractui.showing(n)) == 2,
                         what="two signatures on an earlier text")
        app.find_text("2 organizations signed an earlier text: ask them to sign again.")
        app.find("push button", f"Mark {ACTIT} as Signed Again, on the Current Text", actionable=True)

        # Export as Markdown, through the file chooser.
        app.click(app.find("push button", "Statement Menu", actionable=True))
        app.click(app.find("menu item", "Export as Markdown…", actionable=True))
        name = app.find("text", "Name:")
        target = os.path.join(self.dir.name, "appel.md")
        app.type_into(name, target)
        app.click(self.find_button_labelled("Export"))
        tractui.wait_for(lambda: os.path.exists(target), what="the Markdown file")
        with open(target, encoding="utf-8") as exported:
            markdown = exported.read()
        self.assertEqual(markdown,
                         "# Appel du 18 mars\n\n"
                         "# Appel\n\nNous appelons à **manifester** le 18 mars.\n"
                         "Rendez-vous place de la République.\n\n"
                         f"{HEADING}: {ACTIT}; {SKB}\n")

    def test_ctrl_n_and_narrow_window(self):
        database = tractui.fresh_database(self.dir.name)
        # A phone-sized window: 360 pixels wide.
        config = os.path.join(self.dir.name, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as keyfile:
            keyfile.write("[io/github/tractapp/Tract]\nwindow-width=360\nwindow-height=700\n")
        self.app = app = tractui.App(database, extra_env={"GSETTINGS_BACKEND": "keyfile",
                                                         "XDG_CONFIG_HOME": config})
        # The header bar sets the window's narrowest width; the page must not widen it.
        frame = app.find("frame", "Tract")
        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")
        narrowest = frame.get_extents(tractui.Atspi.CoordType.WINDOW).width
        self.assertLessEqual(narrowest, 400)
        app.click(app.find("page tab", "Statements", actionable=True))
        app.find_text("Long live the Commune of 1871")
        page = app.find("panel", "Statements")
        self.assertLessEqual(page.get_extents(tractui.Atspi.CoordType.WINDOW).width, narrowest)

        # One pane at a time: the list, then the editor with a way back.
        count = query_one(database, "SELECT count(*) FROM statement")[0]
        self.press_ctrl_n()
        self.wait_db(database, lambda: query_one(database, "SELECT count(*) FROM statement")[0] == count + 1,
                     "a statement made with Ctrl+N")
        app.find("text", "Title")
        back = app.find("push button", "Back to the Statements", actionable=True)
        # Every part of the editor fits: the signatures, the revisions.
        app.find("push button", "Invite All Members", actionable=True)
        app.find("push button", "Save Revision…", actionable=True)
        self.assertLessEqual(page.get_extents(tractui.Atspi.CoordType.WINDOW).width, narrowest)
        self.assertLessEqual(frame.get_extents(tractui.Atspi.CoordType.WINDOW).width, narrowest)
        search = app.find("entry", "Search Statements", only_showing=False)
        on_screen = lambda node: node.get_extents(tractui.Atspi.CoordType.WINDOW).x >= 0 \
            and node.get_extents(tractui.Atspi.CoordType.WINDOW).x < narrowest
        tractui.wait_for(lambda: not on_screen(search), what="the editor alone")
        app.click(back)
        tractui.wait_for(lambda: on_screen(search), what="the list again")

        # Ctrl+F goes to the search.
        self.press_ctrl("f")
        tractui.wait_for(lambda: search.get_state_set().contains(tractui.Atspi.StateType.FOCUSED)
                         or any(child.get_state_set().contains(tractui.Atspi.StateType.FOCUSED)
                                for child in tractui.walk(search)),
                         what="the search focused")

    def press_ctrl(self, key):
        atspi = tractui.Atspi
        control = 37  # the X keycode of Control_L
        atspi.generate_keyboard_event(control, None, atspi.KeySynthType.PRESS)
        atspi.generate_keyboard_event(0, key, atspi.KeySynthType.STRING)
        atspi.generate_keyboard_event(control, None, atspi.KeySynthType.RELEASE)

    def press_ctrl_n(self):
        self.press_ctrl("n")

    def test_delete_and_undo(self):
        database = tractui.fresh_database(self.dir.name)
        app = self.open(database)
        published = query_one(database, "SELECT id FROM statement WHERE status = 'published'")[0]
        statements = app.find("list", "Statement List")
        titles = [tractui.name(list(tractui.walk(statements.get_child_at_index(i)))[1])
                  for i in range(statements.get_child_count())]
        index = next(i for i, title in enumerate(titles) if title.startswith("Long live the Commune"))
        statements.get_selection_iface().select_child(index)
        title = app.find("text", "Title")

        # Text that looks like markup is stored and shown as typed, the toast included.
        hostile = "<b>Vive</b> la Commune & [co] \u202eevil ✊🏽"
        app.type_into(title, hostile)
        self.wait_db(database, lambda: query_one(database, "SELECT title FROM statement WHERE id = ?",
                                                 published) == (hostile,), "the title saved as typed")
        app.find_text(hostile)

        app.click(app.find("push button", "Statement Menu", actionable=True))
        app.click(app.find("menu item", "Delete Statement", actionable=True))
        self.wait_db(database, lambda: query_one(database, "SELECT count(*) FROM statement WHERE id = ?",
                                                 published) == (0,), "the statement deleted")
        # The toast's button first: a toast does not wait for a slow test.
        undo = app.find("push button", "_Undo Undo", actionable=True)
        app.find_text(f"“{hostile}” deleted")
        app.click(undo)
        self.wait_db(database, lambda: query_one(database, "SELECT count(*) FROM signature"
                                                 " WHERE statement_id = ? AND status = 'signed'", published)
                     == (9,), "the statement and its signatures back")
        # Revision 1, as the nine signed it, and revision 2, the new title.
        self.assertEqual(tractui.query(database, "SELECT number, title FROM statement_revision"
                                       " WHERE statement_id = ? ORDER BY number", published),
                         [(1, "Long live the Commune of 1871 - let's prepare for the socialist revolution!"),
                          (2, hostile)])
        self.assertEqual(tractui.text_of(app.find("text", "Title")), hostile)

    def test_close_right_after_typing(self):
        """Closing the window keeps what was typed a moment before."""
        database = tractui.fresh_database(self.dir.name)
        if SANITIZED:
            # The program exits normally here, where the other tests stop it:
            # GLib's quark table, abandoned by design when it grows, would be
            # reported as a leak (the window's own leaks are checked by hand).
            self.app = tractui.App(database, extra_env={"ASAN_OPTIONS": "detect_leaks=0"})
            self.app.click(self.app.find("page tab", "Statements", actionable=True))
            app = self.app
        else:
            app = self.open(database)
        body = self.new_statement("Closed at once")
        self.wait_db(database, lambda: query_one(database, "SELECT count(*) FROM statement"
                                                 " WHERE title = 'Closed at once'") == (1,),
                     "the title saved")
        close = app.find("push button", "Close", actionable=True)
        # Closed well within the autosave's delay: the editor saves as it goes.
        app.type_into(body, "Typed, then the window closed.")
        app.click(close)
        app.process.wait(timeout=20)
        errors = app.close()
        self.app = None
        self.assertEqual(app.process.returncode, 0, errors)
        self.assertNotIn("CRITICAL", errors)
        self.assertNotIn("WARNING", errors)
        self.assertEqual(query_one(database, "SELECT body FROM statement WHERE title = 'Closed at once'"),
                         ("Typed, then the window closed.",))

    def test_kill_during_typing(self):
        """kill -9 in the middle of typing: what was typed up to the last
        autosave (all but the last second) is in the database."""
        database = tractui.fresh_database(self.dir.name)
        app = self.open(database)
        body = self.new_statement("Typing session")
        statement_id = self.wait_db(database, lambda: query_one(database, "SELECT id FROM statement"
                                                                " WHERE title = 'Typing session'"),
                                    "the new statement")[0]
        editable = body.get_editable_text_iface()

        typed = ""
        history = []  # (time the text was in the buffer, the text)
        start = time.monotonic()
        i = 0
        while time.monotonic() - start < 4.0:
            chunk = f"word{i} "
            # The call returns once GTK has inserted the text.
            editable.insert_text(len(typed), chunk, len(chunk))
            typed += chunk
            history.append((time.monotonic(), typed))
            i += 1
            time.sleep(0.05)

        killed_at = time.monotonic()
        app.process.send_signal(signal.SIGKILL)
        app.process.wait()
        errors = app.close()
        self.app = None
        self.assertNotIn("CRITICAL", errors)

        # What a second before the kill was typed must be stored.
        required = ""
        for at, text in history:
            if at <= killed_at - 1.0:
                required = text
        stored = query_one(database, "SELECT body FROM statement WHERE id = ?", statement_id)[0]
        self.assertTrue(typed.startswith(stored), f"stored text is not what was typed: {stored[-60:]!r}")
        self.assertGreaterEqual(len(stored), len(required),
                                f"lost more than a second of typing: {len(stored)} < {len(required)} characters")
        self.assertGreater(len(required), 100)
        print(f"typed {len(typed)} characters in {killed_at - start:.1f} s; stored {len(stored)}; "
              f"required {len(required)}", file=sys.stderr)

        # The file opens again, and the program shows the text.
        self.app = tractui.App(database)
        self.app.click(self.app.find("page tab", "Statements", actionable=True))
        self.app.find_text("Typing session")


if __name__ == "__main__":
    unittest.main(verbosity=2)
