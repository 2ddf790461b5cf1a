#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Organizations page, driven through the accessibility tree under Xvfb.

Every step that changes something is checked in the database itself.
"""

import csv
import os
import sqlite3
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import tractui  # noqa: E402
from gi.repository import Atspi  # noqa: E402
from tractui import KEY_CONTROL_L, KEY_N  # noqa: E402


def within(root, role_name, name_, contains=False):
    for node in tractui.walk(root):
        if tractui.role(node) != role_name:
            continue
        name = tractui.name(node)
        if (name_ in name) if contains else (name == name_):
            return node
    return None


KEY_L = 0x006C


class OrganizationsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bus = tractui.start_accessibility_bus()

    @classmethod
    def tearDownClass(cls):
        cls.bus.terminate()
        cls.bus.wait()

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.config = os.path.join(self.dir.name, "config")
        self.env = {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": self.config}
        self.app = None
        self.database = None

    def tearDown(self):
        if self.app is not None:
            errors = self.app.close()
            self.assertNotIn("CRITICAL", errors)
            self.assertNotIn("WARNING", errors)
        self.dir.cleanup()

    # Helpers

    def settings(self, **values):
        folder = os.path.join(self.config, "glib-2.0", "settings")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "keyfile"), "w") as f:
            f.write("[io/github/tractapp/Tract]\n")
            for key, value in values.items():
                f.write(f"{key.replace('_', '-')}={value}\n")

    def open(self, demo=True, **settings):
        self.database = tractui.fresh_database(self.dir.name, demo=demo)
        self.settings(last_page="'organizations'", **settings)
        self.app = tractui.App(self.database, extra_env=self.env)
        return self.app

    def query(self, sql, *params):
        return tractui.query(self.database, sql, *params)

    def wait_db(self, sql, expected, *params, what=None):
        tractui.wait_for(lambda: self.query(sql, *params) == expected, what=what or sql)

    def window(self, title):
        def search():
            for i in range(self.app.root.get_child_count()):
                window = self.app.root.get_child_at_index(i)
                if tractui.name(window) == title:
                    return window
            return None
        return tractui.wait_for(search, what=f"the window {title!r}")

    def select_row(self, text):
        """Selects the organization whose row reads @text, as a click would."""
        def search():
            rows = self.app.find_all("list item", text, contains=True)
            return rows[0] if rows else None
        row = tractui.wait_for(search, what=f"the row {text!r}")
        parent = row.get_parent()
        parent.get_selection_iface().select_child(row.get_index_in_parent())

    def showing_text(self, name_):
        return [node for node in self.app.find_all("text", name_)]

    def find_toast(self, title):
        """The toast whose title holds @title, and its Undo button. Breadth
        first: a toast sits near the top of the tree and goes away on its
        own, so it is no time for a walk through every row; and the button
        is looked for beside the title, not elsewhere (the Statements page
        has an Undo button of its own)."""
        def search():
            queue = [self.app.root]
            while queue:
                node = queue.pop(0)
                if tractui.role(node) == "label" and title in tractui.name(node):
                    # The title's box, then the toast itself, which holds the button.
                    toast = node.get_parent()
                    for _ in range(2):
                        button = within(toast, "push button", "Undo", contains=True)
                        if button is not None and tractui.has_action(button):
                            return button
                        toast = toast.get_parent()
                    return None
                try:
                    queue.extend(node.get_child_at_index(i) for i in range(node.get_child_count()))
                except Exception:
                    pass
            return None
        return tractui.wait_for(search, what=f"the toast {title!r} and its Undo button")

    def current_page(self):
        """The page the view switcher shows: GTK 4.8 keeps the extents of
        hidden widgets, the tab's SELECTED state is what tells."""
        for tab in self.app.find_all("page tab"):
            if tab.get_state_set().contains(Atspi.StateType.SELECTED):
                return tractui.name(tab)
        return None

    # Tests

    def test_create_invalid_fix_contact_delete_undo(self):
        app = self.open()
        self.assertEqual(self.query("SELECT count(*) FROM organization"), [(9,)])

        # Create: a new organization, selected, its name ready to be typed over.
        app.click(app.find("push button", "New Organization", actionable=True))
        self.wait_db("SELECT count(*) FROM organization WHERE name = 'New Organization'", [(1,)])
        app.type_into(app.find("text", "Name"), "Comité Louise Michel")
        self.wait_db("SELECT count(*) FROM organization WHERE name = 'Comité Louise Michel'", [(1,)])
        self.assertEqual(self.query("SELECT count(*) FROM organization"), [(10,)])
        app.find("list item", "Comité Louise Michel", contains=True)

        # A malformed e-mail is marked, explained, and not saved; the rest is.
        app.type_into(app.find("text", "City"), "Paris 20e")
        app.type_into(app.find("text", "E-mail"), "louise@")
        app.find_text("“louise@” is not an e-mail address")
        self.wait_db("SELECT city, email FROM organization WHERE name = 'Comité Louise Michel'",
                     [("Paris 20e", "")])
        time.sleep(1)
        self.assertEqual(self.query("SELECT email FROM organization WHERE name = 'Comité Louise Michel'"), [("",)])

        # Fixed: saved, and the error is gone.
        app.type_into(app.find("text", "E-mail"), "louise@example.org")
        self.wait_db("SELECT email FROM organization WHERE name = 'Comité Louise Michel'",
                     [("louise@example.org",)])
        tractui.wait_for(lambda: not app.find_all(None, "“louise@” is not an e-mail address", contains=True),
                         what="the error to go")

        # An empty name is refused the same way, and the stored one stays.
        app.type_into(app.find("text", "Name"), "   ")
        app.find_text("Name cannot be empty")
        app.type_into(app.find("text", "Name"), "Comité Louise Michel")
        tractui.wait_for(lambda: not app.find_all(None, "Name cannot be empty", contains=True),
                         what="the name error to go")

        # A contact, in its own window, added once it has a name.
        app.click(app.find("push button", "Add Contact", actionable=True))
        contact = self.window("New Contact")
        app.type_into(within(contact, "text", "Name"), "Nathalie Le Mel")
        self.wait_db("SELECT c.name FROM contact AS c JOIN organization AS o ON o.id = c.organization_id"
                     " WHERE o.name = 'Comité Louise Michel'", [("Nathalie Le Mel",)])
        app.type_into(within(contact, "text", "Role"), "Trésorière")
        self.wait_db("SELECT role FROM contact WHERE name = 'Nathalie Le Mel'", [("Trésorière",)])
        app.type_into(within(contact, "text", "Private notes"), "Relieuse, rue Saint-Denis")
        self.wait_db("SELECT private_notes FROM contact WHERE name = 'Nathalie Le Mel'",
                     [("Relieuse, rue Saint-Denis",)])
        app.click(within(contact, "push button", "Close"))
        tractui.wait_for(lambda: all(tractui.name(self.app.root.get_child_at_index(i)) == "Tract"
                                     for i in range(self.app.root.get_child_count())),
                         what="the contact window to close")
        app.find("list item", "Nathalie Le Mel", contains=True)

        organization_id, = self.query("SELECT id FROM organization WHERE name = 'Comité Louise Michel'")[0]
        contact_id, = self.query("SELECT id FROM contact WHERE name = 'Nathalie Le Mel'")[0]

        # Delete: gone with its contact; Undo brings both back, same ids.
        app.click(app.find("push button", "Delete Organization", actionable=True))
        undo = self.find_toast("“Comité Louise Michel” deleted")
        self.wait_db("SELECT count(*) FROM organization WHERE name = 'Comité Louise Michel'", [(0,)])
        self.assertEqual(self.query("SELECT count(*) FROM contact WHERE name = 'Nathalie Le Mel'"), [(0,)])
        app.click(undo)
        self.wait_db("SELECT id, email, city FROM organization WHERE name = 'Comité Louise Michel'",
                     [(organization_id, "louise@example.org", "Paris 20e")])
        self.assertEqual(self.query("SELECT id, organization_id, role, private_notes FROM contact"
                                    " WHERE name = 'Nathalie Le Mel'"),
                         [(contact_id, organization_id, "Trésorière", "Relieuse, rue Saint-Denis")])
        # And the editor shows it again.
        tractui.wait_for(lambda: any(tractui.text_of(n) == "Comité Louise Michel" for n in self.showing_text("Name")),
                         what="the restored organization in the editor")

    def test_undo_restores_event_roles_and_signatures(self):
        app = self.open()
        skb, = self.query("SELECT id FROM organization WHERE acronym = 'SKB'")[0]
        roles = self.query("SELECT id, event_id, role FROM event_organization WHERE organization_id = ? ORDER BY id", skb)
        signatures = self.query("SELECT id, statement_id, status FROM signature WHERE organization_id = ? ORDER BY id",
                                skb)
        self.assertTrue(roles and signatures)

        self.select_row("Union des Femmes Socialistes")
        app.find("list item", "Rassemblement pour les 150 ans", contains=True)
        app.click(app.find("push button", "Delete Organization", actionable=True))
        undo = self.find_toast("“Union des Femmes Socialistes (SKB)” deleted")
        self.wait_db("SELECT count(*) FROM event_organization WHERE organization_id = ?", [(0,)], skb)
        self.assertEqual(self.query("SELECT count(*) FROM signature WHERE organization_id = ?", skb), [(0,)])
        app.click(undo)
        self.wait_db("SELECT id, event_id, role FROM event_organization WHERE organization_id = ? ORDER BY id",
                     roles, skb)
        self.assertEqual(self.query("SELECT id, statement_id, status FROM signature WHERE organization_id = ?"
                                    " ORDER BY id", skb), signatures)

    def test_search_filters_the_list(self):
        app = self.open()
        app.find("list item", "Union des Femmes Socialistes", contains=True)
        search = app.find("entry", "Search Organizations")

        app.type_into(search, "pérou")
        tractui.wait_for(lambda: len(app.find_all("list item")) == 1, what="one match")
        app.find("list item", "Comite Solidarité Pérou", contains=True)

        app.type_into(search, "zzzz")
        app.find_text("No Matching Organizations")

        app.type_into(search, "")
        tractui.wait_for(lambda: len(app.find_all("list item")) > 1, what="every row again")

    def test_links_open_the_event_and_the_statement(self):
        app = self.open()
        self.select_row("Union des Femmes Socialistes")
        event = app.find("push button", "Rassemblement pour les 150 ans de la Commune de Paris", actionable=True)
        app.click(event)
        # The agenda shows, the editor is gone from sight.
        tractui.wait_for(lambda: self.current_page() == "Agenda", what="the Agenda page")
        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")

        app.click(app.find("page tab", "Organizations", actionable=True))
        statement = app.find("push button", "Long live the Commune of 1871", contains=True, actionable=True)
        app.click(statement)
        tractui.wait_for(lambda: self.current_page() == "Statements", what="the Statements page")
        app.find_text("Appel au week-end des 29 et 30 mai")

    def test_control_n_on_this_page(self):
        app = self.open()
        keyboard = tractui.Mouse()
        self.addCleanup(keyboard.close)
        app.find("list item", "Union des Femmes Socialistes", contains=True)
        keyboard.shortcut(KEY_CONTROL_L, KEY_N)
        self.wait_db("SELECT count(*) FROM organization WHERE name = 'New Organization'", [(1,)])
        keyboard.shortcut(KEY_CONTROL_L, KEY_N)
        self.wait_db("SELECT count(*) FROM organization WHERE name = 'New Organization 2'", [(1,)])

        # Not on another page: the key is the page's.
        app.click(app.find("page tab", "Agenda", actionable=True))
        tractui.wait_for(lambda: self.current_page() == "Agenda", what="the Agenda page")
        keyboard.shortcut(KEY_CONTROL_L, KEY_N)
        time.sleep(1)
        self.assertEqual(self.query("SELECT count(*) FROM organization WHERE name LIKE 'New Organization%'"), [(2,)])

    def test_narrow_window(self):
        app = self.open(window_width=360, window_height=720)
        # Folded: one pane at a time, with a way back.
        self.select_row("Union des Femmes Socialistes")
        back = app.find("push button", "Back to the List", actionable=True)
        tractui.wait_for(lambda: any(tractui.text_of(n) == "SKB" for n in self.showing_text("Acronym")),
                         what="the editor")
        app.click(back)
        # Back in the list, the row is no longer selected, so it opens again.
        self.select_row("Comite Solidarité Pérou")
        tractui.wait_for(lambda: any(tractui.text_of(n) == "CSP" for n in self.showing_text("Acronym")),
                         what="the other organization")
        app.click(app.find("push button", "Back to the List", actionable=True))
        self.select_row("Comite Solidarité Pérou")
        app.find("push button", "Back to the List", actionable=True)

    def test_empty_register_says_what_to_do(self):
        app = self.open(demo=False)
        app.click(app.find("push button", "Start an Empty Campaign"))
        app.click(app.find("page tab", "Organizations", actionable=True))
        app.find_text("No Organizations Yet")
        app.find("push button", "Import from CSV…", actionable=True)
        app.click(app.find("push button", "New Organization", actionable=True))
        self.wait_db("SELECT name FROM organization", [("New Organization",)])
        app.find("text", "Name")

    def test_csv_export_and_import_from_the_menu(self):
        self.database = tractui.fresh_database(self.dir.name)
        db = sqlite3.connect(self.database)
        with db:
            db.execute("UPDATE organization SET private_notes = 'Réunion le mardi, \"salle B\"' WHERE acronym = 'SKB'")
        db.close()
        self.settings(last_page="'organizations'")
        app = self.app = tractui.App(self.database, extra_env=self.env)
        keyboard = tractui.Mouse()
        self.addCleanup(keyboard.close)

        # Export, private notes included by a tick in the file chooser.
        exported = os.path.join(self.dir.name, "export.csv")
        app.click(app.find("push button", "Main Menu", actionable=True))
        app.click(app.find("menu item", "Export Organizations as CSV…", actionable=True))
        chooser = self.window("Export Organizations as CSV")
        app.type_into(within(chooser, "text", "Name:"), exported)
        private = within(chooser, "check box", "Include private notes")
        keyboard.click(private)
        tractui.wait_for(lambda: private.get_state_set().contains(Atspi.StateType.CHECKED), what="the tick")
        app.click(within(chooser, "push button", "Export", contains=True))
        tractui.wait_for(lambda: os.path.exists(exported) and os.path.getsize(exported) > 0, what="the export")
        time.sleep(0.5)
        with open(exported, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, strict=True))
        self.assertEqual(len(rows), 9)
        skb = [row for row in rows if row["acronym"] == "SKB"][0]
        self.assertEqual(skb["private_notes"], 'Réunion le mardi, "salle B"')
        app.find_text("Organizations exported to")

        # Import, French headers and a semicolon, from the same menu.
        imported = os.path.join(self.dir.name, "import.csv")
        with open(imported, "w", encoding="utf-8") as f:
            f.write("Nom;Ville;Courriel\nCommune de Brest;Brest;brest@example.org\nMauvaise;Lyon;pas-une-adresse\n")
        app.click(app.find("push button", "Main Menu", actionable=True))
        app.click(app.find("menu item", "Import Organizations from CSV…", actionable=True))
        chooser = self.window("Import Organizations from CSV")
        keyboard.shortcut(KEY_CONTROL_L, KEY_L)
        location = tractui.wait_for(lambda: within(chooser, "text", "GtkFileChooserEntry"), what="the location entry")
        app.type_into(location, imported)
        # The chooser looks the typed file up before it lets it be opened.
        button = within(chooser, "push button", "Import", contains=True)
        tractui.wait_for(lambda: button.get_state_set().contains(Atspi.StateType.SENSITIVE),
                         what="the Import button to accept the file")
        app.click(button)
        self.wait_db("SELECT city, email FROM organization WHERE name = 'Commune de Brest'", [("Brest", "brest@example.org")])
        self.assertEqual(self.query("SELECT count(*) FROM organization WHERE name = 'Mauvaise'"), [(0,)])
        app.find_text("1 organization added")
        app.find_text("Line 3, skipped: E-mail")
        app.find("list item", "Commune de Brest", contains=True)

    def test_hostile_text_is_shown_literally(self):
        self.database = tractui.fresh_database(self.dir.name)
        hostile = "<b>Bold</b> & Robert'); DROP TABLE organization;-- \u202eRTL ✊🏽"
        db = sqlite3.connect(self.database)
        with db:
            cursor = db.execute("INSERT INTO organization (name, acronym, city, private_notes, created_utc,"
                                " modified_utc) VALUES (?, '&amp;', '%s%n', ?, '2021', '2021')",
                                (hostile, "x" * 200000))
            db.execute("INSERT INTO contact (organization_id, name, role, created_utc, modified_utc)"
                       " VALUES (?, 'مرحبا <i>', '\x1b[31m', '2021', '2021')", (cursor.lastrowid,))
        db.close()
        self.settings(last_page="'organizations'")
        app = self.app = tractui.App(self.database, extra_env=self.env)

        self.select_row("<b>Bold</b>")
        tractui.wait_for(lambda: any(tractui.text_of(n) == hostile for n in self.showing_text("Name")),
                         what="the name, literally")
        app.find("list item", "مرحبا <i>", contains=True)
        acronym = app.find("text", "Acronym")
        self.assertEqual(tractui.text_of(acronym), "&amp;")

        # Editing another field leaves the hostile ones as they were.
        app.type_into(app.find("text", "Phone"), "+33 1 00 00 00 00")
        self.wait_db("SELECT phone, name, acronym, city, length(private_notes) FROM organization WHERE acronym = '&amp;'",
                     [("+33 1 00 00 00 00", hostile, "&amp;", "%s%n", 200000)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
