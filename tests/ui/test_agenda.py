#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Agenda page and the event editor (issue 4), driven through the
accessibility tree under Xvfb, the database checked after each step."""

import os
import sqlite3
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import tractui  # noqa: E402
from tractui import KEY_CONTROL_L, KEY_DOWN, KEY_N, KEY_RETURN, KEY_UP, Mouse  # noqa: E402


def wait_row(database, sql, params, expected, what):
    """Waits for the editor's save (it saves when typing pauses)."""
    return tractui.wait_for(lambda: tractui.query(database, sql, *params) == expected,
                            what=f"{what}: {expected} (have {tractui.query(database, sql, *params)})")


class AgendaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bus = tractui.start_accessibility_bus()

    @classmethod
    def tearDownClass(cls):
        cls.bus.terminate()
        cls.bus.wait()

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.database = tractui.fresh_database(self.dir.name)
        # A window as tall as the whole editor (the screen is: see
        # meson.build): what a test clicks is on screen, as for a person.
        config = os.path.join(self.dir.name, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as keyfile:
            keyfile.write("[io/github/tractapp/Tract]\nwindow-width=1200\nwindow-height=2500\n")
        self.env = {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}
        self.app = tractui.App(self.database, extra_env=self.env)
        self.mouse = Mouse()

    def tearDown(self):
        self.mouse.close()
        errors = self.app.close()
        self.dir.cleanup()
        self.assertNotIn("CRITICAL", errors)
        self.assertNotIn("WARNING", errors)

    def choose(self, combo_name, steps_down, item):
        """Opens the combo row @combo_name with a click, once its popover
        shows (@item is one of its items), moves down @steps_down items from
        the one chosen and picks it, as a person does with keys (GTK 4.8
        places a popover's items wrongly for AT-SPI: no clicking them)."""
        self.mouse.click(self.app.find("combo box", combo_name))
        tractui.wait_for(lambda: self.app.find_all("label", item), what=f"the items of {combo_name!r}")
        time.sleep(0.5)
        self.mouse.key(KEY_DOWN if steps_down >= 0 else KEY_UP, abs(steps_down))
        self.mouse.key(KEY_RETURN)

    def new_event(self, title):
        """A new event, titled, as the + button makes it; returns its id."""
        app = self.app
        before = tractui.query(self.database, "SELECT max(id) FROM event")[0][0]
        app.click(app.find("push button", "New Event", actionable=True))
        tractui.wait_for(lambda: tractui.query(self.database, "SELECT max(id) FROM event")[0][0] != before,
                         what="the new event in the database")
        (event_id,) = tractui.query(self.database, "SELECT max(id) FROM event")[0]
        app.type_into(app.find("text", "Title"), title)
        wait_row(self.database, "SELECT title FROM event WHERE id = ?", (event_id,), [(title,)], "the title")
        return event_id

    def test_events_from_creation_to_undo(self):
        app = self.app
        db = self.database
        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")

        # A two-day all-day event: 24–25 May, stored as its two days.
        weekend = self.new_event("Week-end de la Commune")
        app.click(app.find("check box", "All Day", contains=True))
        app.type_into(app.find("text", "Start Date"), "2031-05-24")
        app.type_into(app.find("text", "End Date"), "2031-05-25")
        wait_row(db, "SELECT all_day, start_local, end_local, time_zone FROM event WHERE id = ?", (weekend,),
                 [(1, "2031-05-24", "2031-05-25", "Europe/Paris")], "the week-end")
        # Midnight to midnight in Paris (UTC+2 in May): two days.
        self.assertEqual(tractui.query(db, "SELECT start_utc, end_utc - start_utc FROM event WHERE id = ?", weekend),
                         [(1937340000, 2 * 86400)])
        app.find_text("24–25 May")

        # A timed event in another zone than the campaign's.
        peru = self.new_event("Solidarité avec le Pérou")
        app.type_into(app.find("text", "Start Date"), "2031-06-12")
        app.type_into(app.find("text", "Start Time"), "19:00")
        app.type_into(app.find("text", "End Time"), "21:00")
        wait_row(db, "SELECT start_local, end_local FROM event WHERE id = ?", (peru,),
                 [("2031-06-12T19:00", "2031-06-12T21:00")], "the Peru event's times")
        app.click(app.find("push button", "Europe/Paris", actionable=True))
        app.type_into(app.find("entry", "Search Time Zones"), "lima")
        app.click(app.find("push button", "America/Lima", actionable=True))
        # 19:00 in Lima (UTC−5) is midnight UTC.
        wait_row(db, "SELECT time_zone, start_utc FROM event WHERE id = ?", (peru,),
                 [("America/Lima", 1939075200)], "the Peru event in Lima")
        app.find_text("(America/Lima)")

        # An organizer.
        app.click(app.find("push button", "Add an Organization", actionable=True))
        app.type_into(app.find("entry", "Search Organizations to Add"), "femmes")
        app.click(app.find("push button", "Union des Femmes Socialistes (SKB)", actionable=True))
        wait_row(db, "SELECT o.acronym, l.role FROM event_organization AS l JOIN organization AS o"
                     " ON o.id = l.organization_id WHERE l.event_id = ?", (peru,),
                 [("SKB", "organizer")], "the organizer")
        app.find("combo box", "Role of Union des Femmes Socialistes (SKB)")

        # A task, ticked.
        app.type_into(app.find("text", "New Task"), "Demander l’autorisation")
        app.click(app.find("push button", "Add Task", actionable=True))
        wait_row(db, "SELECT title, done FROM event_task WHERE event_id = ?", (peru,),
                 [("Demander l’autorisation", 0)], "the task")
        # GTK 4.8 gives check buttons no AT-SPI action: a real click, once
        # the new row has found its place (a slow machine lays it out late).
        def ticked():
            box = app.find("check box", "Done: Demander l’autorisation")
            if not box.get_state_set().contains(tractui.Atspi.StateType.CHECKED):
                self.mouse.click(box)
            time.sleep(1)
            return tractui.query(db, "SELECT done FROM event_task WHERE event_id = ?", peru) == [(1,)]
        tractui.wait_for(ticked, timeout=30, what="the task done")

        # An end before the start: refused on the field, the row unchanged.
        sequence = tractui.query(db, "SELECT sequence FROM event WHERE id = ?", peru)
        app.type_into(app.find("text", "End Time"), "18:00")
        app.find_text("cannot end")
        self.assertEqual(tractui.query(db, "SELECT end_local, sequence FROM event WHERE id = ?", peru),
                         [("2031-06-12T21:00", sequence[0][0])])
        # Other fields still save meanwhile; the error goes once corrected.
        app.type_into(app.find("text", "Place Name"), "Place de la République")
        wait_row(db, "SELECT location_name FROM event WHERE id = ?", (peru,),
                 [("Place de la République",)], "the place, saved beside the error")
        # Leaving is refused while a field is in error, with a way out.
        count = tractui.query(db, "SELECT count(*) FROM event")
        app.click(app.find("push button", "New Event", actionable=True))
        app.click(app.find("push button", "Discard Changes", contains=True, actionable=True))
        tractui.wait_for(lambda: any(tractui.text_of(n) == "21:00" for n in app.find_all("text", "End Time")),
                         what="the stored end shown again")
        self.assertEqual(tractui.query(db, "SELECT count(*) FROM event"), count)
        app.type_into(app.find("text", "End Time"), "22:00")
        wait_row(db, "SELECT end_local FROM event WHERE id = ?", (peru,), [("2031-06-12T22:00",)], "the end")

        # A time that does not exist: Lima never changes its clocks; Paris
        # does, on 30 March 2031, when 02:30 is skipped.
        app.click(app.find("push button", "America/Lima", actionable=True))
        app.type_into(app.find("entry", "Search Time Zones"), "paris")
        app.click(app.find("push button", "Europe/Paris", actionable=True))
        app.type_into(app.find("text", "Start Date"), "2031-03-30")
        wait_row(db, "SELECT time_zone, start_local, end_local FROM event WHERE id = ?", (peru,),
                 [("Europe/Paris", "2031-03-30T19:00", "2031-03-30T22:00")], "the event on 30 March in Paris")
        app.type_into(app.find("text", "Start Time"), "02:30")
        app.find_text("does not exist in Europe/Paris")
        self.assertEqual(tractui.query(db, "SELECT start_local FROM event WHERE id = ?", peru),
                         [("2031-03-30T19:00",)])
        app.type_into(app.find("text", "Start Time"), "19:00")
        app.type_into(app.find("text", "Start Date"), "2031-06-12")
        wait_row(db, "SELECT time_zone, start_local FROM event WHERE id = ?", (peru,),
                 [("Europe/Paris", "2031-06-12T19:00")], "the event back in Paris")

        # Deleted, then restored whole by Undo: same id, UID, organizer, task.
        (uid,) = tractui.query(db, "SELECT uid FROM event WHERE id = ?", peru)[0]
        app.click(app.find("push button", "Delete the Event", actionable=True))
        wait_row(db, "SELECT count(*) FROM event WHERE id = ?", (peru,), [(0,)], "the deletion")
        self.assertEqual(tractui.query(db, "SELECT count(*) FROM event_task WHERE event_id = ?", peru), [(0,)])
        app.click(app.find("push button", "Undo", contains=True, actionable=True))
        wait_row(db, "SELECT uid FROM event WHERE id = ?", (peru,), [(uid,)], "the event restored")
        self.assertEqual(tractui.query(db, "SELECT title, done FROM event_task WHERE event_id = ?", peru),
                         [("Demander l’autorisation", 1)])
        self.assertEqual(tractui.query(db, "SELECT role FROM event_organization WHERE event_id = ?", peru),
                         [("organizer",)])

    def test_repetition_and_duplicate(self):
        app = self.app
        db = self.database

        permanence = self.new_event("Permanence du collectif")
        app.type_into(app.find("text", "Start Date"), "2031-03-01")
        wait_row(db, "SELECT start_local FROM event WHERE id = ?", (permanence,),
                 [("2031-03-01T10:00",)], "the start")
        self.choose("Repeats", 2, "Every Week")  # Never → Every Week
        wait_row(db, "SELECT rrule FROM event WHERE id = ?", (permanence,), [("FREQ=WEEKLY;BYDAY=SA",)],
                 "a weekly rule on the start's weekday")
        self.choose("Ends", 2, "After a Number of Times")  # Never → After a Number of Times
        wait_row(db, "SELECT rrule FROM event WHERE id = ?", (permanence,),
                 [("FREQ=WEEKLY;BYDAY=SA;COUNT=10",)], "ten times")
        # Every occurrence is in the agenda's table.
        wait_row(db, "SELECT count(*) FROM event_occurrence WHERE event_id = ?", (permanence,), [(10,)],
                 "ten occurrences")
        app.type_into(app.find("text", "Exception Date"), "2031-03-08")
        app.click(app.find("push button", "Add the Exception", actionable=True))
        wait_row(db, "SELECT exdates FROM event WHERE id = ?", (permanence,), [("2031-03-08",)], "an exception")

        # Until a date; one before the start is refused on the field.
        self.choose("Ends", -1, "On a Date")  # After a Number of Times → On a Date
        wait_row(db, "SELECT rrule FROM event WHERE id = ?", (permanence,),
                 [("FREQ=WEEKLY;BYDAY=SA;UNTIL=20310301",)], "until the start, at first")
        app.type_into(app.find("text", "Last Date"), "2031-02-01")
        app.find_text("never take place")
        self.assertEqual(tractui.query(db, "SELECT rrule FROM event WHERE id = ?", permanence),
                         [("FREQ=WEEKLY;BYDAY=SA;UNTIL=20310301",)])
        app.type_into(app.find("text", "Last Date"), "2031-04-30")
        wait_row(db, "SELECT rrule FROM event WHERE id = ?", (permanence,),
                 [("FREQ=WEEKLY;BYDAY=SA;UNTIL=20310430",)], "until 30 April")
        # Saturdays from 1 March to 26 April, but 8 March.
        wait_row(db, "SELECT count(*) FROM event_occurrence WHERE event_id = ?", (permanence,), [(8,)],
                 "eight occurrences")

        # A copy: a new event, a new UID.
        (uid,) = tractui.query(db, "SELECT uid FROM event WHERE id = ?", permanence)[0]
        app.click(app.find("push button", "Duplicate the Event", actionable=True))
        wait_row(db, "SELECT count(*), count(DISTINCT uid) FROM event WHERE title = ?",
                 ("Permanence du collectif",), [(2, 2)], "the copy")
        self.assertEqual(tractui.query(db, "SELECT rrule, exdates FROM event WHERE title = ? AND uid <> ?",
                                       "Permanence du collectif", uid),
                         [("FREQ=WEEKLY;BYDAY=SA;UNTIL=20310430", "2031-03-08")])

    def test_control_n_on_this_page_only(self):
        app = self.app
        db = self.database
        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")
        self.mouse.shortcut(KEY_CONTROL_L, KEY_N)
        wait_row(db, "SELECT count(*) FROM event WHERE title = 'New Event'", (), [(1,)], "an event from Ctrl+N")
        # Elsewhere, Ctrl+N is that page's: no event.
        app.click(app.find("page tab", "Statements", actionable=True))
        app.find_text("Long live the Commune of 1871")
        self.mouse.shortcut(KEY_CONTROL_L, KEY_N)
        time.sleep(2)
        self.assertEqual(tractui.query(db, "SELECT count(*) FROM event"), [(7,)])

    def test_search_and_filters(self):
        app = self.app
        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")
        app.type_into(app.find("entry", "Search Events"), "chatelet")
        app.find_text("1 event")
        app.type_into(app.find("entry", "Search Events"), "introuvable")
        app.find_text("No Matching Events")
        app.click(app.find("push button", "Show All Events", actionable=True))
        app.find_text("Rassemblement pour les 150 ans de la Commune de Paris")
        app.find_text("6 events")


    def test_hostile_text_is_shown_literally(self):
        hostile = "<b>Bold</b> & Robert'); DROP TABLE event;-- %s%n \u202eRTL ✊🏽"
        errors = self.app.close()
        self.assertNotIn("CRITICAL", errors)
        db = sqlite3.connect(self.database)
        with db:
            db.execute("INSERT INTO event (uid, campaign_id, title, start_local, end_local, time_zone,"
                       " start_utc, end_utc, location_name, created_utc, modified_utc)"
                       " VALUES ('hostile@example.org', 1, ?, '2021-04-01T18:00:30', '2021-04-01T20:00',"
                       " 'Europe/Paris', 1617292830, 1617300000, '<i>lieu</i>', '2021', '2021')", (hostile,))
        db.close()
        self.app = tractui.App(self.database, extra_env=self.env)
        app = self.app
        app.type_into(app.find("entry", "Search Events"), "Robert")
        app.find_text("1 event")
        label = tractui.wait_for(lambda: next((n for n in app.find_all("label") if tractui.text_of(n) == hostile),
                                              None), what="the title, literally")
        self.mouse.click(label)
        tractui.wait_for(lambda: any(tractui.text_of(n) == hostile for n in app.find_all("text", "Title")),
                         what="the title in the editor, literally")
        tractui.wait_for(lambda: any(tractui.text_of(n) == "<i>lieu</i>" for n in app.find_all("text", "Place Name")),
                         what="the place, literally")

        # Opened, not changed: not written (SEQUENCE, stamps and seconds kept).
        time.sleep(1.5)
        self.assertEqual(tractui.query(self.database, "SELECT sequence, modified_utc, start_local FROM event"
                                                      " WHERE uid = 'hostile@example.org'"),
                         [(0, "2021", "2021-04-01T18:00:30")])
        # Changing the place changes that alone: the start keeps its seconds.
        app.type_into(app.find("text", "Place Name"), "<i>lieu</i> & place")
        wait_row(self.database, "SELECT sequence, location_name, start_local FROM event"
                                " WHERE uid = 'hostile@example.org'", (),
                 [(1, "<i>lieu</i> & place", "2021-04-01T18:00:30")], "the place alone")


if __name__ == "__main__":
    unittest.main(verbosity=2)
