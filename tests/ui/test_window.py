#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window, driven through the accessibility tree under Xvfb."""

import os
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import tractui  # noqa: E402


class WindowTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bus = tractui.start_accessibility_bus()

    @classmethod
    def tearDownClass(cls):
        cls.bus.terminate()
        cls.bus.wait()

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        # Settings that outlive one process, so that window state can be checked.
        self.env = {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": os.path.join(self.dir.name, "config")}
        self.app = None

    def tearDown(self):
        if self.app is not None:
            errors = self.app.close()
            self.assertNotIn("CRITICAL", errors)
            self.assertNotIn("WARNING", errors)
        self.dir.cleanup()

    def open(self, database):
        self.app = tractui.App(database, extra_env=self.env)
        return self.app

    def close(self):
        errors = self.app.close()
        self.app = None
        self.assertNotIn("CRITICAL", errors)
        return errors

    def test_three_pages_on_demo(self):
        database = tractui.fresh_database(self.dir.name)
        app = self.open(database)

        agenda = app.find("page tab", "Agenda", actionable=True)
        organizations = app.find("page tab", "Organizations", actionable=True)
        statements = app.find("page tab", "Statements", actionable=True)
        app.find("panel", "Agenda")
        app.find("combo box", "Campaign")
        app.find("push button", "Main Menu", actionable=True)

        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")

        app.click(organizations)
        app.find_text("Union des Femmes Socialistes")
        app.find_text("UPC-Manidem")

        app.click(statements)
        app.find_text("Long live the Commune of 1871")
        app.find_text("Appel au week-end des 29 et 30 mai")

        app.click(agenda)
        app.find_text("Week-end de célébration avec les délégations de l’ICOR")

    def test_first_start_offers_sample(self):
        database = os.path.join(self.dir.name, "empty.db")
        app = self.open(database)

        button = app.find("push button", "Add the Sample Campaign")
        app.find("push button", "Start an Empty Campaign")
        self.assertEqual(tractui.query(database, "SELECT count(*) FROM campaign"), [(0,)])

        app.click(button)
        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")
        self.assertEqual(tractui.query(database, "SELECT count(*) FROM organization"), [(9,)])
        self.assertEqual(tractui.query(database, "SELECT name FROM campaign"), [("Vive la Commune de 1871",)])

    def test_empty_campaign_and_empty_states(self):
        database = os.path.join(self.dir.name, "empty.db")
        app = self.open(database)

        app.click(app.find("push button", "Start an Empty Campaign"))
        tractui.wait_for(lambda: tractui.query(database, "SELECT count(*) FROM campaign") == [(1,)],
                         what="the new campaign in the database")
        # Each page says what to do when it has nothing to show.
        app.find_text("No Events")
        app.click(app.find("page tab", "Statements", actionable=True))
        app.find_text("No Statements")

    def test_last_page_persists(self):
        database = tractui.fresh_database(self.dir.name)
        app = self.open(database)
        app.click(app.find("page tab", "Statements", actionable=True))
        app.find_text("Long live the Commune of 1871")
        # Wait until the choice is written, then stop the program.
        keyfile = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
        tractui.wait_for(lambda: os.path.exists(keyfile) and "statements" in open(keyfile).read(),
                         what="last-page in the settings")
        self.close()

        app = self.open(database)
        app.find_text("Long live the Commune of 1871")

    def test_phone_width_in_french(self):
        """360 pixels wide, in French, with GNOME's window buttons (close
        only): every page fits, none widens the window."""
        database = tractui.fresh_database(self.dir.name)
        config = self.env["XDG_CONFIG_HOME"]
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        os.makedirs(os.path.join(config, "gtk-4.0"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as keyfile:
            keyfile.write("[io/github/tractapp/Tract]\nwindow-width=360\nwindow-height=700\n")
        with open(os.path.join(config, "gtk-4.0", "settings.ini"), "w") as settings:
            settings.write("[Settings]\ngtk-decoration-layout=appmenu:close\n")
        self.env.update({"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"})
        app = self.open(database)
        frame = app.find("frame", "Tract")
        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")
        for page in ("Organisations", "Déclarations", "Agenda"):
            app.click(app.find("page tab", page, actionable=True))
            app.find("panel", page)
            time.sleep(0.5)
            self.assertLessEqual(frame.get_extents(tractui.Atspi.CoordType.WINDOW).width, 360, page)


if __name__ == "__main__":
    unittest.main(verbosity=2)
