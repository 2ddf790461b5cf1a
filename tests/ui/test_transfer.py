#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Import Calendar…, Export Agenda… and Print Agenda… from the window (issues 5 and 7).

File choosers cannot be driven through AT-SPI: the application's test hooks
TRACT_TEST_SAVE_PATH and TRACT_TEST_OPEN_PATH stand in for them, and
TRACT_TEST_PRINT_PATH sends the print operation to a PDF instead of the
print dialog (the same pagination and drawing as the preview).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import icalendar

sys.path.insert(0, os.path.dirname(__file__))
import tractui  # noqa: E402
from tractui import KEY_A, KEY_CONTROL_L, KEY_ESCAPE, KEY_SPACE  # noqa: E402

CAMPAIGN = "Vive la Commune de 1871"
RALLY = "Rassemblement pour les 150 ans de la Commune de Paris"
WEEKLY = "Permanence du collectif"
WEEKLY_UID = "permanence-2021@example.org"


def unfold(text):
    """The content lines of an iCalendar file, continuation lines joined."""
    lines = []
    for line in text.split("\r\n"):
        if line.startswith((" ", "\t")) and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


def events_of(path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8")
    lines = unfold(data)
    events = []
    current = None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            key, value = line.split(":", 1)
            current.setdefault(key.split(";", 1)[0], value)
    return lines, events


class TransferTest(unittest.TestCase):
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

    def open(self, database, **env):
        self.app = tractui.App(database, extra_env={"GSETTINGS_BACKEND": "memory", **env})
        self.app.find_text(RALLY)
        return self.app

    def tall_window(self):
        """A window as tall as the screen (see meson.build), so that a whole
        editor, or the whole agenda, shows: what a test clicks is on screen."""
        config = os.path.join(self.dir.name, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as keyfile:
            keyfile.write("[io/github/tractapp/Tract]\nwindow-width=1200\nwindow-height=2500\n")
        return {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}

    def add_weekly_event(self, database):
        """The sample campaign and a series: three Saturdays of April 2021."""
        path = os.path.join(self.dir.name, "weekly.ics")
        with open(path, "w", newline="") as f:
            f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                    f"BEGIN:VEVENT\r\nUID:{WEEKLY_UID}\r\nDTSTAMP:20210101T000000Z\r\n"
                    "DTSTART:20210403T160000Z\r\nDTEND:20210403T180000Z\r\n"
                    f"RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:{WEEKLY}\r\nEND:VEVENT\r\n"
                    "END:VCALENDAR\r\n")
        subprocess.run([tractui.TRACT, f"--database={database}", "import-ics", f"--campaign={CAMPAIGN}", path],
                       check=True, capture_output=True)

    def mouse(self):
        mouse = tractui.Mouse()
        self.addCleanup(mouse.close)
        return mouse

    def labels(self, text, count):
        """The @count labels that read @text, in the order of the list."""
        app = self.app
        return tractui.wait_for(lambda: (lambda found: found if len(found) == count else None)(
            [n for n in app.find_all("label") if tractui.text_of(n) == text]), what=f"{count} × {text!r}")

    def checked(self, node):
        """A check box ticked, or a toggle button down (GTK 4.8: "pressed")."""
        states = node.get_state_set()
        return states.contains(tractui.Atspi.StateType.CHECKED) or states.contains(tractui.Atspi.StateType.PRESSED)

    def wait_gone(self, needle):
        app = self.app
        tractui.wait_for(lambda: not any(needle in tractui.text_of(n) for n in app.find_all("label")),
                         what=f"{needle!r} hidden")

    def menu(self, label):
        app = self.app
        app.click(app.find("push button", "Main Menu", actionable=True))
        app.click(app.find("menu item", label, actionable=True))

    def settle(self, path):
        """Waits for @path to be complete without walking the accessibility
        tree: GTK 4.8's AT-SPI layer can trip over a dialog torn down while
        it is walked. (The toast that follows lasts 5 s, less than a slow
        walk of the tree may take: the file is what is checked.) A new file
        shows while it is written, so wait for its end."""
        end = b"%%EOF" if path.endswith(".pdf") else b"END:VCALENDAR\r\n"

        def complete():
            if not os.path.exists(path):
                return False
            with open(path, "rb") as f:
                return f.read().rstrip().endswith(end.rstrip())
        tractui.wait_for(complete, what=f"{path} complete")
        time.sleep(0.5)

    def demo_uids(self, database):
        rows = tractui.query(database,
                             "SELECT e.uid FROM event e JOIN campaign c ON c.id = e.campaign_id "
                             "WHERE c.name = ?", CAMPAIGN)
        return {uid for (uid,) in rows}

    def test_export_agenda_then_import_it_back(self):
        database = tractui.fresh_database(self.dir.name)
        path = os.path.join(self.dir.name, "agenda.ics")
        app = self.open(database, TRACT_TEST_SAVE_PATH=path, TRACT_TEST_OPEN_PATH=path)

        self.menu("Export Agenda…")
        app.find("frame", "Export Agenda")
        app.click(app.find("push button", "Export", actionable=True))
        self.settle(path)

        lines, events = events_of(path)
        self.assertEqual(lines[0], "BEGIN:VCALENDAR")
        self.assertEqual(lines[-1], "END:VCALENDAR")
        self.assertEqual(len(events), 6)
        uids = self.demo_uids(database)
        self.assertEqual(len(uids), 6)
        self.assertEqual({event["UID"] for event in events}, uids)
        self.assertIn("Rassemblement pour les 150 ans de la Commune de Paris",
                      {event["SUMMARY"] for event in events})

        # The same events come back: nothing added, nothing skipped.
        before = tractui.query(database, "SELECT count(*) FROM event")
        self.menu("Import Calendar…")
        app.find_text("Calendar Imported")
        report = app.find_text("0 added")
        text = tractui.name(report) + tractui.text_of(report)
        self.assertIn("0 skipped", text)
        self.assertRegex(text, r"[1-9] (unchanged|updated)")
        self.assertEqual(tractui.query(database, "SELECT count(*) FROM event"), before)
        app.click(app.find("push button", "Close", actionable=True))

    def test_export_a_date_range_with_the_shortcut_action(self):
        database = tractui.fresh_database(self.dir.name)
        path = os.path.join(self.dir.name, "may.ics")
        app = self.open(database, TRACT_TEST_SAVE_PATH=path)

        self.menu("Export Agenda…")
        # Nothing is selected in the agenda: that choice shows, and cannot be made.
        app.find_text("Select events in the agenda first")
        choice = app.find("list item", "Selected Events")
        self.assertFalse(choice.get_state_set().contains(tractui.Atspi.StateType.SENSITIVE))
        # Typing a day chooses "Date Range" (check buttons have no AT-SPI action in GTK 4.8).
        app.type_into(app.find("text", "First day"), "2021-05-01")
        app.type_into(app.find("text", "Last day"), "2021-05-31")
        app.click(app.find("push button", "Export", actionable=True))
        self.settle(path)

        _, events = events_of(path)
        self.assertGreater(len(events), 0)
        self.assertLess(len(events), 6)
        for event in events:
            self.assertTrue(event["DTSTART"].replace("VALUE=DATE:", "").startswith("202105"),
                            event["DTSTART"])

    def test_import_a_file_with_a_broken_event(self):
        database = tractui.fresh_database(self.dir.name)
        path = os.path.join(self.dir.name, "outside.ics")
        with open(path, "w", newline="") as f:
            f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                    "BEGIN:VEVENT\r\nUID:new-event@example.org\r\nDTSTAMP:20210101T000000Z\r\n"
                    "DTSTART:20210612T120000Z\r\nDTEND:20210612T140000Z\r\nSUMMARY:Pique-nique\r\n"
                    "END:VEVENT\r\n"
                    "BEGIN:VEVENT\r\nUID:no-start@example.org\r\nDTSTAMP:20210101T000000Z\r\n"
                    "SUMMARY:Sans date\r\nEND:VEVENT\r\n"
                    "END:VCALENDAR\r\n")
        app = self.open(database, TRACT_TEST_OPEN_PATH=path)

        self.menu("Import Calendar…")
        app.find_text("1 added")
        app.find_text("1 skipped")
        # The skip is listed with its line.
        app.find_text("line 11")
        self.assertEqual(tractui.query(database, "SELECT count(*) FROM event WHERE uid = ?",
                                       "new-event@example.org"), [(1,)])

    def test_export_an_event_from_its_editor(self):
        database = tractui.fresh_database(self.dir.name)
        path = os.path.join(self.dir.name, "event.ics")
        # A window as tall as the whole editor, so that its last group shows.
        app = self.open(database, TRACT_TEST_SAVE_PATH=path, **self.tall_window())

        before = tractui.query(database, "SELECT max(id) FROM event")[0][0]
        app.click(app.find("push button", "New Event", actionable=True))
        tractui.wait_for(lambda: tractui.query(database, "SELECT max(id) FROM event")[0][0] != before,
                         what="the new event in the database")
        app.type_into(app.find("text", "Title"), "Pique-nique de la Commune")
        app.find("image", "Flyer preview")
        app.click(app.find("push button", "Print and Export", actionable=True))
        app.click(app.find("menu item", "Export Event as iCalendar…", actionable=True))
        self.settle(path)

        _, events = events_of(path)
        self.assertEqual([event["SUMMARY"] for event in events], ["Pique-nique de la Commune"])

    def test_export_selected_events(self):
        database = tractui.fresh_database(self.dir.name)
        self.add_weekly_event(database)
        path = os.path.join(self.dir.name, "selection.ics")
        app = self.open(database, TRACT_TEST_SAVE_PATH=path, **self.tall_window())
        mouse = self.mouse()
        (rally_uid,) = tractui.query(database, "SELECT uid FROM event WHERE title = ?", RALLY)[0]

        app.click(app.find("push button", "Select Events", actionable=True))
        app.find_text("0 events selected")
        # Two occurrences of the series and the rally: two events.
        weekly = self.labels(WEEKLY, 3)
        (rally,) = self.labels(RALLY, 1)
        for label in (weekly[0], weekly[2], rally):
            mouse.click(label)
        app.find_text("2 events selected")
        boxes = app.find_all("check box", f"Selected: {WEEKLY}")
        self.assertEqual([self.checked(box) for box in boxes], [True, False, True])
        self.assertTrue(self.checked(app.find("check box", f"Selected: {RALLY}")))
        # A click toggles: the rally goes, and comes back; Ctrl+click does the same.
        mouse.click(rally)
        app.find_text("1 event selected")
        mouse.click(rally, KEY_CONTROL_L)
        app.find_text("2 events selected")

        app.click(app.find("push button", "Export…", actionable=True))
        app.find("frame", "Export Agenda")
        choice = app.find("list item", "Selected Events (2)")
        self.assertTrue(choice.get_state_set().contains(tractui.Atspi.StateType.SENSITIVE))
        app.click(app.find("push button", "Export", actionable=True))
        self.settle(path)

        with open(path, "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        events = calendar.walk("VEVENT")
        self.assertEqual(sorted(str(event["UID"]) for event in events), sorted([WEEKLY_UID, rally_uid]))
        (series,) = [event for event in events if str(event["UID"]) == WEEKLY_UID]
        self.assertEqual(series["RRULE"]["FREQ"], ["WEEKLY"])
        self.assertEqual(series["RRULE"]["COUNT"], [3])

        # Escape leaves selection mode, and nothing stays selected. (While the
        # toast that says what was written shows, Escape dismisses it first:
        # libadwaita's toast overlay takes the key. It goes after 5 s.)
        tractui.wait_for(lambda: not any("exported to" in tractui.text_of(n) for n in app.find_all("label")),
                         timeout=30, what="the toast gone")
        mouse.shortcut(None, KEY_ESCAPE)
        self.wait_gone("events selected")
        tractui.wait_for(lambda: not app.find_all("check box", f"Selected: {WEEKLY}"), what="no check boxes")
        self.assertFalse(self.checked(app.find("push button", "Select Events")))
        app.click(app.find("push button", "Select Events", actionable=True))
        app.find_text("0 events selected")

    def test_select_all_with_the_keyboard(self):
        database = tractui.fresh_database(self.dir.name)
        self.add_weekly_event(database)
        app = self.open(database, **self.tall_window())
        mouse = self.mouse()

        # A click on the button, which then has the keyboard.
        toggle = app.find("push button", "Select Events", actionable=True)
        mouse.click(toggle)
        app.find_text("0 events selected")
        self.assertTrue(self.checked(toggle))
        # Nine rows, seven events: the series counts once.
        mouse.shortcut(KEY_CONTROL_L, KEY_A)
        app.find_text("7 events selected")
        boxes = app.find_all("check box", "Selected: ", contains=True)
        self.assertEqual(len(boxes), 9)
        self.assertTrue(all(self.checked(box) for box in boxes))

        # A search shows other rows: the selection goes, and the count says so.
        app.type_into(app.find("entry", "Search Events"), "permanence")
        app.find_text("3 events")
        app.find_text("0 events selected")
        mouse.shortcut(KEY_CONTROL_L, KEY_A)
        app.find_text("1 event selected")

        mouse.shortcut(None, KEY_ESCAPE)
        self.wait_gone("selected")
        self.assertFalse(self.checked(toggle))
        # Space on the button: selection mode again, with nothing selected.
        mouse.shortcut(None, KEY_SPACE)
        app.find_text("0 events selected")
        self.assertTrue(self.checked(toggle))

    def write_large_calendar(self, path, n_events):
        """About 500 bytes an event: 100,000 events make a 50 MB file."""
        description = ("Prises de parole\\, micro ouvert\\, chants et poèmes "
                       "pour célébrer la Commune de Paris. " * 4).rstrip()
        folded = []
        line = "DESCRIPTION:" + description
        while len(line.encode()) > 75:
            cut = 75
            while (line.encode()[cut] & 0xC0) == 0x80:  # never inside a character
                cut -= 1
            folded.append(line.encode()[:cut].decode())
            line = " " + line.encode()[cut:].decode()
        folded.append(line)
        description = "\r\n".join(folded)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//large//EN\r\n")
            for i in range(n_events):
                day = f"{2022 + i // 336 % 8}{1 + i // 28 % 12:02}{1 + i % 28:02}"
                f.write(f"BEGIN:VEVENT\r\nUID:large-{i}@example.org\r\nDTSTAMP:20220101T000000Z\r\n"
                        f"DTSTART:{day}T140000Z\r\nDTEND:{day}T160000Z\r\n"
                        f"SUMMARY:Réunion publique n° {i}\r\n"
                        f"LOCATION:Bourse du travail\\, 3 rue du Château-d'Eau\\, Paris\r\n"
                        f"{description}\r\nEND:VEVENT\r\n")
            f.write("END:VCALENDAR\r\n")

    def find_toast(self, text, timeout=30.0):
        """A toast lasts 5 s, less than a walk of a whole window may take:
        look breadth first, and only as deep as the window's toast overlay
        holds its toasts."""
        def search():
            level = [self.app.root]
            for _ in range(8):
                following = []
                for node in level:
                    if text in tractui.text_of(node):
                        return node
                    for i in range(node.get_child_count()):
                        following.append(node.get_child_at_index(i))
                level = following
            return None
        return tractui.wait_for(search, timeout=timeout, what=f"a toast reading {text!r}")

    def test_import_a_large_file_with_progress_and_cancel(self):
        """A 50 MB calendar: a progress bar that moves, a window that answers
        while the file is read, Cancel that leaves the database as it was,
        then the whole file imported."""
        database = tractui.fresh_database(self.dir.name)
        path = os.path.join(self.dir.name, "large.ics")
        n_events = 100_000
        self.write_large_calendar(path, n_events)
        self.assertGreater(os.path.getsize(path), 48_000_000)
        count = "SELECT count(*) FROM event"
        (before,) = tractui.query(database, count)[0]
        app = self.open(database, TRACT_TEST_OPEN_PATH=path)

        self.menu("Import Calendar…")
        # The dialog is one of the application's windows, and what the test
        # needs is found in it alone: a walk of the main window could
        # outlast the import.
        dialog = tractui.wait_for(lambda: next(
            (window for window in (app.root.get_child_at_index(i) for i in range(app.root.get_child_count()))
             if tractui.role(window) == "dialog" and tractui.name(window) == "Importing the Calendar"), None),
            what="the progress dialog")
        (bar,) = [node for node in tractui.walk(dialog) if tractui.role(node) == "progress bar"]
        self.assertEqual(tractui.name(bar), "Importing the Calendar")
        value = bar.get_value_iface()
        # AdwMessageDialog 1.2 lays its responses out twice, one of them
        # hidden; GTK 4.8 names a mnemonic button by its label and its text.
        cancel = [node for node in tractui.walk(dialog)
                  if tractui.role(node) == "push button" and tractui.name(node) in ("Cancel", "_Cancel Cancel")
                  and tractui.showing(node)][0]
        # Every answer below comes from the application's main loop: a window
        # frozen by the import could not give them. Cancel is pressed while
        # the events are being stored (from 10% to 90% of the bar).
        seen = []
        slowest = 0.0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            asked = time.monotonic()
            seen.append(value.get_current_value())
            slowest = max(slowest, time.monotonic() - asked)
            if seen[-1] > seen[0] and seen[-1] >= 0.15:
                break
            time.sleep(0.1)
        self.assertGreater(seen[-1], seen[0], f"the progress bar never moved: {seen}")
        self.assertLess(seen[-1], 0.9, f"the import went too fast to be cancelled: {seen}")
        self.assertLess(slowest, 2.0, "the window stopped answering during the import")

        app.click(cancel)
        self.find_toast("Import cancelled: nothing was changed")
        self.assertEqual(tractui.query(database, count), [(before,)])
        self.assertEqual(tractui.query(database, "PRAGMA integrity_check"), [("ok",)])

        # The whole file this time; the report says what was added.
        self.wait_gone("Import cancelled")
        self.menu("Import Calendar…")
        app.find_text("Calendar Imported", timeout=600)
        app.find_text(f"{n_events} added")
        self.assertEqual(tractui.query(database, count), [(before + n_events,)])
        app.click(app.find("push button", "Close", actionable=True))

    def drag_onto_window(self, paths):
        """Drags @paths from another application's window (drag_source.py,
        at the screen's corner, above Tract's) into the middle of Tract's
        window with the pointer, and waits for the drag's end."""
        env = dict(os.environ, GTK_A11Y="none", GSETTINGS_BACKEND="memory")
        source = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(__file__), "drag_source.py"),
                                   *paths], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)

        def stop():
            source.terminate()
            source.wait()
            source.stdout.close()
        self.addCleanup(stop)
        self.assertEqual(source.stdout.readline().strip(), "ready")
        time.sleep(1.0)  # mapped and painted
        self.mouse().drag((80, 30), (700, 450))
        self.assertEqual(source.stdout.readline().strip(), "end")

    def calendar_file(self, name, uid, summary):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                    f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20210101T000000Z\r\n"
                    "DTSTART:20210612T120000Z\r\nDTEND:20210612T140000Z\r\n"
                    f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        return path

    def dialogs(self, title):
        """The application's dialogs titled @title (top-level windows: no walk)."""
        root = self.app.root
        windows = (root.get_child_at_index(i) for i in range(root.get_child_count()))
        return [w for w in windows if tractui.role(w) == "dialog" and tractui.name(w) == title]

    def test_drop_calendars_onto_the_window(self):
        """Two calendars and a text file dropped at once: each calendar is
        imported, one after the other, with its own report; the text file
        is left out."""
        database = tractui.fresh_database(self.dir.name)
        first = self.calendar_file("picnic & friends.ics", "picnic@example.org", "Pique-nique")
        second = self.calendar_file("<b>ball<b> & co.ics", "ball@example.org", "Bal de la Commune")
        notes = os.path.join(self.dir.name, "notes.txt")
        with open(notes, "w") as f:
            f.write("not a calendar\n")
        self.app = tractui.App(database, extra_env={"GSETTINGS_BACKEND": "memory"})
        self.app.find_text(RALLY)

        self.drag_onto_window([first, notes, second])
        tractui.wait_for(lambda: len(self.dialogs("Calendar Imported")) == 2, timeout=30,
                         what="a report for each calendar")
        self.assertEqual(tractui.query(database, "SELECT title FROM event WHERE uid IN (?, ?) ORDER BY title",
                                       "picnic@example.org", "ball@example.org"),
                         [("Bal de la Commune",), ("Pique-nique",)])
        # Each report names its file as it is spelled.
        names = set()
        for dialog in self.dialogs("Calendar Imported"):
            names.update(tractui.text_of(node) for node in tractui.walk(dialog) if tractui.role(node) == "label")
        self.assertIn("“picnic & friends.ics”: 1 added, 0 updated, 0 unchanged, 0 skipped.", names)
        self.assertIn("“<b>ball<b> & co.ics”: 1 added, 0 updated, 0 unchanged, 0 skipped.", names)

    def test_drop_something_else_onto_the_window(self):
        """A drop with no calendar in it is refused, and a toast says why,
        the file's name shown as it is spelled."""
        database = tractui.fresh_database(self.dir.name)
        notes = os.path.join(self.dir.name, "notes & <i>minutes<i>.txt")
        with open(notes, "w") as f:
            f.write("not a calendar\n")
        (before,) = tractui.query(database, "SELECT count(*) FROM event")
        self.app = tractui.App(database, extra_env={"GSETTINGS_BACKEND": "memory"})
        self.app.find_text(RALLY)

        self.drag_onto_window([notes])
        self.find_toast("“notes & <i>minutes<i>.txt” is not an iCalendar file: drop .ics files to import their events")
        self.assertEqual(tractui.query(database, "SELECT count(*) FROM event"), [before])

    @unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing")
    def test_print_agenda_through_the_print_operation(self):
        database = tractui.fresh_database(self.dir.name)
        path = os.path.join(self.dir.name, "agenda.pdf")
        app = self.open(database, TRACT_TEST_PRINT_PATH=path)

        self.menu("Print Agenda…")
        self.settle(path)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True,
                              capture_output=True, text=True).stdout
        flat = " ".join(text.split())
        for title in ("Rassemblement pour les 150 ans de la Commune de Paris",
                      "Manifestation de la Commune"):
            self.assertIn(title, flat)


if __name__ == "__main__":
    unittest.main(verbosity=2)
