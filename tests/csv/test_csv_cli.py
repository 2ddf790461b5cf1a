#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tract export-csv and tract import-csv, checked by an independent parser.

The export is read back with Python's own csv module, and compared field by
field with what sqlite3 says the database holds; then imported into a fresh
database, which must end up holding the same organizations and contacts.
"""

import csv
import hashlib
import io
import os
import sqlite3
import subprocess
import tempfile
import unittest

TRACT = os.environ.get("TRACT", "tract")

# The export holds a 1 MiB field; the module refuses more than 128 KiB by default.
csv.field_size_limit(16 * 1024 * 1024)

HOSTILE = [
    "Robert'); DROP TABLE organization;--",
    '" OR 1=1 --',
    "%s%s%n%x",
    "\x01\x02\x1b[31mred\x7f",
    "line one\r\nline two\ttab",
    "line three\nline four",
    "مرحبا بالعالم — עברית",
    "\u202eevil\u202c RTL override",
    "✊🏽 Commune 🚩🇫🇷 👩‍👩‍👧",
    'back\\slash; comma, quote"',
    "  leading and trailing blanks  ",
    "=HYPERLINK(\"http://evil.example\")",
    "La Commune n’est pas morte ! ✊ " * 34000,  # about 1 MiB
]

ORGANIZATION_COLUMNS = ["name", "acronym", "kind", "membership", "country", "city", "website",
                        "email", "phone", "joined_date"]
CONTACT_COLUMNS = ["name", "role", "email", "phone"]


def run(*args, check=True, input_=None):
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    result = subprocess.run([TRACT, *args], capture_output=True, env=env, timeout=120, input=input_)
    if check and result.returncode != 0:
        raise AssertionError(f"tract {' '.join(args[:3])} failed ({result.returncode}): "
                             f"{result.stderr.decode(errors='replace')}")
    return result


def checksum(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def organizations(path):
    """{name: (organization fields, private notes, sorted contacts)} straight from SQLite."""
    db = sqlite3.connect(path)
    try:
        result = {}
        for row in db.execute(f"SELECT id, {', '.join(ORGANIZATION_COLUMNS)}, private_notes FROM organization"):
            contacts = sorted(db.execute(
                f"SELECT {', '.join(CONTACT_COLUMNS)}, private_notes FROM contact WHERE organization_id = ?",
                (row[0],)).fetchall())
            fields = tuple("" if value is None else value for value in row[1:-1])
            result[row[1]] = (fields, row[-1], contacts)
        return result
    finally:
        db.close()


class CsvCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "tract.db")
        run(f"--database={self.db}", "demo")
        self.add_hostile_rows()

    def tearDown(self):
        self.dir.cleanup()

    def add_hostile_rows(self):
        """Through tract import-csv itself would prove nothing: write the
        hostile rows with SQLite, as another program could have."""
        db = sqlite3.connect(self.db)
        try:
            with db:
                for i, text in enumerate(HOSTILE):
                    cursor = db.execute(
                        "INSERT INTO organization (name, acronym, city, country, phone, private_notes,"
                        " membership, kind, created_utc, modified_utc)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, 'union', '2021-03-18T00:00:00Z', '2021-03-18T00:00:00Z')",
                        (f"{i} {text}", text, text, text, text, text, "friend" if i % 2 else "member"))
                    if i % 2:
                        for k in range(2):
                            db.execute(
                                "INSERT INTO contact (organization_id, name, role, phone, private_notes,"
                                " created_utc, modified_utc) VALUES (?, ?, ?, ?, ?, '2021', '2021')",
                                (cursor.lastrowid, f"{text} {k}", text, text, text))
        finally:
            db.close()

    def read_export(self, *args):
        result = run(f"--database={self.db}", "export-csv", *args)
        self.assertEqual(result.stderr, b"")
        return result.stdout

    def test_export_read_by_python_csv(self):
        data = self.read_export("--include-private")
        # RFC 4180: CRLF between records; UTF-8 throughout.
        self.assertTrue(data.startswith(b"name,acronym,kind,membership,"))
        self.assertTrue(data.endswith(b"\r\n"))
        text = data.decode("utf-8")

        rows = list(csv.DictReader(io.StringIO(text, newline=""), strict=True))
        stored = organizations(self.db)
        seen = {}
        for row in rows:
            name = row["name"]
            self.assertIn(name, stored)
            fields, notes, contacts = stored[name]
            self.assertEqual(tuple(row[c] for c in ORGANIZATION_COLUMNS), fields)
            self.assertEqual(row["private_notes"], notes)
            if row["contact_name"]:
                seen.setdefault(name, []).append(
                    (row["contact_name"], row["contact_role"], row["contact_email"], row["contact_phone"],
                     row["contact_private_notes"]))
            else:
                self.assertEqual(contacts, [])
        self.assertEqual(len({row["name"] for row in rows}), len(stored))
        for name, (_, _, contacts) in stored.items():
            self.assertEqual(sorted(seen.get(name, [])), contacts)

    def test_export_without_private_notes(self):
        text = self.read_export().decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline=""), strict=True))
        self.assertNotIn("private_notes", rows[0])
        self.assertNotIn("contact_private_notes", rows[0])
        self.assertIn("contact_email", rows[0])

    def test_output_file_and_round_trip(self):
        exported = os.path.join(self.dir.name, "organizations.csv")
        run(f"--database={self.db}", "export-csv", "--include-private", f"--output={exported}")
        self.assertEqual(os.stat(exported).st_mode & 0o077, 0, "a file with private notes is private")
        with open(exported, "rb") as f:
            self.assertEqual(f.read(), self.read_export("--include-private"))

        other = os.path.join(self.dir.name, "other.db")
        result = run(f"--database={other}", "import-csv", exported)
        report = result.stdout.decode()
        self.assertIn(f"{len(organizations(self.db))} organizations added", report)
        self.assertIn("0 rows skipped", report)
        self.assertEqual(organizations(other), organizations(self.db))

        # A second import finds every organization unchanged.
        again = run(f"--database={other}", "import-csv", exported).stdout.decode()
        self.assertIn("0 organizations added, 0 updated", again)

    def test_import_report_names_lines(self):
        path = os.path.join(self.dir.name, "fr.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("\ufeffNom;Sigle;Ville;Courriel\r\nUnion Prolétarienne Marxiste-Léniniste;UPML;Lyon;\r\nNouveau;NV;Paris;faux@\r\n"
                    "Autre;AU;Brest;a@example.org\r\n")
        result = run(f"--database={self.db}", "import-csv", path)
        report = result.stdout.decode()
        self.assertIn("1 organization added, 1 updated", report)
        self.assertIn("1 row skipped", report)
        self.assertIn("Line 3, skipped: E-mail", report)
        db = sqlite3.connect(self.db)
        try:
            self.assertEqual(db.execute("SELECT city FROM organization WHERE acronym = 'UPML'").fetchall(),
                             [("Lyon",)])
            self.assertEqual(db.execute("SELECT count(*) FROM organization WHERE name = 'Nouveau'").fetchall(),
                             [(0,)])
        finally:
            db.close()

    def test_malformed_file_changes_nothing(self):
        path = os.path.join(self.dir.name, "bad.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write('name,city\r\nFirst,Paris\r\nSecond,"Lyon\r\nThird,Brest\r\n')
        before = checksum(self.db)
        result = run(f"--database={self.db}", "import-csv", path, check=False)
        self.assertNotEqual(result.returncode, 0)
        stderr = result.stderr.decode()
        self.assertEqual(stderr.count("\n"), 1, stderr)
        self.assertIn("bad.csv", stderr)
        self.assertIn("line 3", stderr)
        self.assertEqual(checksum(self.db), before)

    def test_usage_errors(self):
        result = run(f"--database={self.db}", "import-csv", check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("import-csv", result.stderr.decode())
        result = run(f"--database={self.db}", "import-csv", "/nonexistent.csv", check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("/nonexistent.csv", result.stderr.decode())
        result = run(f"--database={self.db}", "export-csv", "--json", check=False)
        self.assertNotEqual(result.returncode, 0)
        missing = os.path.join(self.dir.name, "missing.db")
        result = run(f"--database={missing}", "export-csv", check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertFalse(os.path.exists(missing))


if __name__ == "__main__":
    unittest.main(verbosity=2)
