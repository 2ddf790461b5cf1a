#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command-line contract of DESIGN.md: tract demo and tract list."""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

TRACT = os.environ.get("TRACT", "tract")


def run(*args, check=True):
    env = dict(os.environ)
    # Headless commands need no display and no D-Bus session.
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    result = subprocess.run([TRACT, *args], capture_output=True, text=True, env=env, timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(f"tract {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def dump(path):
    db = sqlite3.connect(path)
    try:
        rows = []
        # FTS5 shadow tables ("organization_search_data") are read through their virtual table.
        for (table,) in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"
                                   " AND name NOT LIKE '%\\_search\\_%' ESCAPE '\\' ORDER BY name"):
            for row in db.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid'):
                rows.append((table, row))
        return rows
    finally:
        db.close()


def checksum(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "tract.db")

    def tearDown(self):
        self.dir.cleanup()

    def demo(self):
        return run(f"--database={self.db}", "demo")

    def list_json(self, what, *extra):
        result = run(f"--database={self.db}", "list", what, "--json", *extra)
        return json.loads(result.stdout)

    def test_demo_twice_same_data(self):
        self.demo()
        first = dump(self.db)
        second_run = run("--database", self.db, "demo")
        self.assertIn("Vive la Commune de 1871", second_run.stdout)
        self.assertEqual(first, dump(self.db))
        self.assertEqual(os.stat(self.db).st_mode & 0o777, 0o600)

    def test_list_organizations_json(self):
        self.demo()
        organizations = self.list_json("organizations")
        self.assertEqual(len(organizations), 9)
        acronyms = {o["acronym"] for o in organizations}
        self.assertEqual(acronyms, {"ACTIT", "BIR-KAR", "CSP", "NPCH", "UPC-Manidem", "UPML", "SKB",
                                    "UC", "Amis de l’ICOR"})
        skb = next(o for o in organizations if o["acronym"] == "SKB")
        self.assertEqual(skb["name"], "Union des Femmes Socialistes")
        for key in ("id", "name", "acronym", "kind", "country", "city", "website", "email", "phone",
                    "membership", "joined_date", "created_utc", "modified_utc"):
            self.assertIn(key, skb)
        self.assertNotIn("private_notes", skb)
        self.assertEqual([o["name"].casefold() for o in organizations],
                         sorted(o["name"].casefold() for o in organizations))

    def test_list_events_json(self):
        self.demo()
        events = self.list_json("events", "--campaign=Vive la Commune de 1871")
        self.assertGreaterEqual(len(events), 4)
        rally = events[0]
        self.assertEqual(rally["kind"], "rally")
        self.assertFalse(rally["all_day"])
        # 14:00 in Paris on 20 March 2021 (CET) is 13:00 UTC.
        self.assertEqual(rally["start_utc"], "2021-03-20T13:00:00Z")
        self.assertEqual(rally["end_utc"], "2021-03-20T16:00:00Z")
        self.assertEqual(rally["time_zone"], "Europe/Paris")
        self.assertRegex(rally["uid"], r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        weekend = next(e for e in events if e["all_day"])
        self.assertEqual((weekend["start_date"], weekend["end_date"]), ("2021-05-29", "2021-05-30"))
        self.assertIsNone(weekend["start_utc"])
        may1 = next(e for e in events if e["start_local"].startswith("2021-05-01"))
        # May is summer time: 14:00 CEST is 12:00 UTC.
        self.assertEqual(may1["start_utc"], "2021-05-01T12:00:00Z")
        for event in events:
            self.assertNotIn("private_notes", event)
        starts = [e["start_utc"] or e["start_date"] for e in events]
        self.assertEqual(len(starts), len(set(e["uid"] for e in events)))

    def test_list_statements_json(self):
        self.demo()
        statements = self.list_json("statements")
        self.assertEqual(len(statements), 2)
        published = next(s for s in statements if s["status"] == "published")
        self.assertEqual(len(published["signatures"]), 9)
        self.assertTrue(all(s["status"] == "signed" for s in published["signatures"]))
        self.assertEqual(published["signatures"][0]["acronym"], "Amis de l’ICOR")
        self.assertEqual(published["signatures"][1],
                         {"organization": "Association Culturelle des Travailleurs Immigrés de Turquie",
                          "acronym": "ACTIT", "status": "signed", "signed_date": "2021-03-26"})
        draft = next(s for s in statements if s["status"] == "draft")
        self.assertEqual(draft["language"], "fr")

    def test_list_text(self):
        self.demo()
        out = run(f"--database={self.db}", "list", "events").stdout
        self.assertIn("Place du Châtelet", out)
        self.assertIn("2021-05-29 – 2021-05-30", out)
        out = run(f"--database={self.db}", "list", "statements").stdout
        self.assertIn("9/9", out)

    def assert_fails_cleanly(self, *args):
        before = checksum(self.db) if os.path.exists(self.db) else None
        result = run(*args, check=False)
        self.assertNotEqual(result.returncode, 0, result)
        lines = result.stderr.strip().split("\n")
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith("tract: "), result.stderr)
        self.assertEqual(result.stdout, "")
        after = checksum(self.db) if os.path.exists(self.db) else None
        self.assertEqual(before, after)
        return lines[0]

    def test_errors(self):
        # Listing does not create a database.
        message = self.assert_fails_cleanly(f"--database={self.db}", "list", "events")
        self.assertIn(self.db, message)
        self.assertFalse(os.path.exists(self.db))

        self.demo()
        self.assertIn("nothing", self.assert_fails_cleanly(f"--database={self.db}", "list", "nothing"))
        self.assertIn("Nowhere", self.assert_fails_cleanly(f"--database={self.db}", "list", "events",
                                                           "--campaign=Nowhere"))
        self.assertIn("frobnicate", self.assert_fails_cleanly(f"--database={self.db}", "frobnicate"))
        self.assert_fails_cleanly(f"--database={self.db}", "list", "events", "--no-such-option")
        self.assert_fails_cleanly(f"--database={self.db}", "demo", "extra")

    def test_refuses_foreign_files(self):
        with open(self.db, "w") as f:
            f.write("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        message = self.assert_fails_cleanly(f"--database={self.db}", "demo")
        self.assertIn("not a SQLite file", message)

        newer = os.path.join(self.dir.name, "newer.db")
        db = sqlite3.connect(newer)
        db.execute("CREATE TABLE campaign (id INTEGER PRIMARY KEY)")
        db.execute("PRAGMA user_version = 999")
        db.commit()
        db.close()
        before = checksum(newer)
        result = run(f"--database={newer}", "list", "events", check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("newer version of Tract", result.stderr)
        self.assertEqual(before, checksum(newer))

    def test_hostile_campaign_name(self):
        self.demo()
        name = "x'); DROP TABLE event;-- ✊ \u202e"
        self.assert_fails_cleanly(f"--database={self.db}", "list", "events", f"--campaign={name}")
        self.assertEqual(len(self.list_json("events")), 6)


if __name__ == "__main__":
    unittest.main(verbosity=2)
