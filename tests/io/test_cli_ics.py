#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tract export-ics and tract import-ics: the command-line contract of DESIGN.md."""

import hashlib
import os
import subprocess
import tempfile
import unittest

TRACT = os.environ.get("TRACT", "tract")


def run(*args, check=True):
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    result = subprocess.run([TRACT, *args], capture_output=True, env=env, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"tract {' '.join(args)} failed ({result.returncode}): {result.stderr!r}")
    return result


def checksum(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class IcsCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "tract.db")
        run(f"--database={self.db}", "demo")

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def assert_one_line_error(self, result):
        self.assertNotEqual(result.returncode, 0)
        message = result.stderr.decode()
        self.assertTrue(message.startswith("tract: "), message)
        self.assertEqual(message.count("\n"), 1, message)
        return message

    def test_export_to_stdout_and_file(self):
        out = run(f"--database={self.db}", "export-ics").stdout
        self.assertTrue(out.startswith(b"BEGIN:VCALENDAR\r\n"))
        self.assertTrue(out.endswith(b"END:VCALENDAR\r\n"))
        self.assertEqual(out.count(b"BEGIN:VEVENT"), 6)
        run(f"--database={self.db}", "export-ics", "--campaign=Vive la Commune de 1871",
            f"--output={self.path('agenda.ics')}")
        with open(self.path("agenda.ics"), "rb") as f:
            self.assertEqual(f.read().count(b"BEGIN:VEVENT"), 6)

    def test_export_range(self):
        out = run(f"--database={self.db}", "export-ics", "--from=2021-05-29", "--to=2021-05-30").stdout
        self.assertEqual(out.count(b"BEGIN:VEVENT"), 3)
        result = run(f"--database={self.db}", "export-ics", "--from=29/05/2021", check=False)
        self.assertIn("29/05/2021", self.assert_one_line_error(result))
        result = run(f"--database={self.db}", "export-ics", "--campaign=Nope", check=False)
        self.assertIn("Nope", self.assert_one_line_error(result))

    def test_import_back_unchanged(self):
        run(f"--database={self.db}", "export-ics", f"--output={self.path('agenda.ics')}")
        before = checksum(self.db)
        out = run(f"--database={self.db}", "import-ics", self.path("agenda.ics")).stdout.decode()
        self.assertIn("0 added, 0 updated, 6 unchanged, 0 skipped", out)

    def test_import_report_and_refusal(self):
        with open(self.path("new.ics"), "w", encoding="utf-8", newline="") as f:
            f.write("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:cli-new\nDTSTART;VALUE=DATE:20210618\n"
                    "SUMMARY:Nouvel événement\nEND:VEVENT\nBEGIN:VEVENT\nUID:cli-bad\nSUMMARY:No start\n"
                    "END:VEVENT\nEND:VCALENDAR\n")
        out = run(f"--database={self.db}", "import-ics", self.path("new.ics")).stdout.decode()
        self.assertIn("1 added, 0 updated, 0 unchanged, 1 skipped", out)
        self.assertIn("line 7: skipped:", out)

        with open(self.path("not.ics"), "w", encoding="utf-8") as f:
            f.write("title,date\nRally,2021-03-20\n")
        before = checksum(self.db)
        result = run(f"--database={self.db}", "import-ics", self.path("not.ics"), check=False)
        self.assertIn("not.ics", self.assert_one_line_error(result))
        self.assertEqual(before, checksum(self.db))
        result = run(f"--database={self.db}", "import-ics", self.path("missing.ics"), check=False)
        self.assertIn("missing.ics", self.assert_one_line_error(result))
        self.assertEqual(before, checksum(self.db))


if __name__ == "__main__":
    unittest.main()
