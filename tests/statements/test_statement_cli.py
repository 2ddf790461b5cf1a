#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`tract statement ID --output=FILE.md|FILE.txt|FILE.pdf`, checked from the
outside: the files' text as poppler reads it, the exit status, the one-line
errors, and a database left as it was."""

import hashlib
import os
import sqlite3
import subprocess
import tempfile
import unittest

TRACT = os.environ.get("TRACT", "tract")

BLOCK = ("Members and signatories of the Collectif Vive la Commune de 1871: "
         "Amis de l’ICOR (Coordination internationale des organisations révolutionnaires); "
         "Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT); "
         "Comite Solidarité Pérou (CSP); "
         "Nouveau Parti Communiste Haïtien (NPCH); "
         "Union des Populations du Cameroun -Manifeste National pour l’Instauration de la Démocratie "
         "(UPC-Manidem); "
         "Union des travailleurs et de la fraternité des Peuples (BIR-KAR); "
         "Union Prolétarienne Marxiste-Léniniste (UPML); "
         "Union des Femmes Socialistes (SKB); "
         "Unité Communiste (UC)")


def without_sanitizer_report(stderr):
    """LeakSanitizer lists the leaks it was told to ignore (fontconfig's)
    after the program's own output, in the sanitized build only."""
    return stderr.split("-----------------------------------------------------\nSuppressions used:")[0].rstrip() + "\n"


def checksum(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class StatementCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.database = os.path.join(self.dir.name, "tract.db")
        self.run_tract("demo")
        db = sqlite3.connect(self.database)
        self.published = db.execute("SELECT id FROM statement WHERE status = 'published'").fetchone()[0]
        self.draft = db.execute("SELECT id FROM statement WHERE status = 'draft'").fetchone()[0]
        db.close()

    def tearDown(self):
        self.dir.cleanup()

    def run_tract(self, *args, check=True):
        result = subprocess.run([TRACT, f"--database={self.database}", *args],
                                capture_output=True, text=True)
        if check:
            self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def pdftotext(self, path):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                              capture_output=True, text=True).stdout

    def pdf_pages(self, path):
        info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
        for line in info.splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
        self.fail("pdfinfo gave no page count")

    def test_markdown_to_stdout_and_file(self):
        stdout = self.run_tract("statement", str(self.published)).stdout
        self.assertTrue(stdout.startswith("# Long live the Commune of 1871"))
        self.assertTrue(stdout.endswith("\n\n" + BLOCK + "\n"), stdout[-300:])

        self.run_tract("statement", str(self.published), f"--output={self.path('s.md')}")
        with open(self.path("s.md"), encoding="utf-8") as f:
            self.assertEqual(f.read(), stdout)
        self.assertEqual(self.run_tract("statement", str(self.published), "--output=-").stdout, stdout)

    def test_text(self):
        self.run_tract("statement", str(self.draft), f"--output={self.path('d.txt')}")
        with open(self.path("d.txt"), encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(text.startswith("Appel au week-end des 29 et 30 mai\n\nIl y a 150 ans"))
        self.assertIn("- Samedi 29 mai : manifestation ;", text)
        self.assertNotIn("**", text)
        self.assertNotIn("#", text)

    def test_pdf(self):
        target = self.path("s.pdf")
        self.run_tract("statement", str(self.published), f"--output={target}")
        self.assertEqual(self.pdf_pages(target), 1)
        text = " ".join(self.pdftotext(target).split())
        self.assertIn("Long live the Commune of 1871", text)
        self.assertIn("The collective \"Vive la Commune de 1871\" Paris, March/26/2021", text)
        # The signatories block, whatever the line breaks.
        self.assertIn(" ".join(BLOCK.split()), text)
        self.assertRegex(text, r"1\s*/\s*1")

    def test_long_pdf_paginates(self):
        body = "\n\n".join(f"Paragraph {i}: la Commune n’est pas morte ! ✊ مرحبا بالعالم שלום" for i in range(3000))
        db = sqlite3.connect(self.database)
        db.execute("UPDATE statement SET body = ?, title = ? WHERE id = ?",
                   (body + "\n\nThe last words.", "مرحبا 🚩 Commune", self.published))
        db.commit()
        db.close()

        target = self.path("long.pdf")
        self.run_tract("statement", str(self.published), f"--output={target}")
        pages = self.pdf_pages(target)
        self.assertGreater(pages, 20)
        text = self.pdftotext(target)
        self.assertIn("Paragraph 0:", text)
        self.assertIn("Paragraph 2999:", text)
        self.assertIn("The last words.", text)
        self.assertRegex(text, rf"{pages}\s*/\s*{pages}")
        self.assertIn("بالعالم", text)
        # Every paragraph is on some page, none cut off.
        flat = " ".join(text.split())
        for i in (1, 500, 1500, 2998):
            self.assertIn(f"Paragraph {i}: la Commune", flat)

    def test_errors_leave_the_database_as_it_was(self):
        before = checksum(self.database)
        cases = [
            (["statement", "4242"], "There is no statement “4242”"),
            (["statement", "abc"], "There is no statement “abc”"),
            (["statement", str(self.published), "--output=x.doc"], "must end with .md, .txt or .pdf"),
            (["statement"], "takes 1 argument"),
            (["statement", str(self.published), "--json"], "does not take --json"),
            (["statement", str(self.published), f"--output={self.path('no/such/dir/s.md')}"], "Cannot write"),
            (["statement", str(self.published), f"--output={self.path('no/such/dir/s.pdf')}"], "s.pdf"),
        ]
        for args, message in cases:
            result = self.run_tract(*args, check=False)
            stderr = without_sanitizer_report(result.stderr)
            self.assertNotEqual(result.returncode, 0, args)
            self.assertIn(message, stderr, args)
            self.assertEqual(stderr.count("\n"), 1, stderr)
            self.assertTrue(stderr.startswith("tract: "), stderr)
        self.assertFalse(os.path.exists(self.path("no")))
        self.assertEqual(checksum(self.database), before)

    def test_missing_database(self):
        result = subprocess.run([TRACT, f"--database={self.path('none.db')}", "statement", "1"],
                                capture_output=True, text=True)
        self.assertNotEqual(result.returncode, 0)
        self.assertFalse(os.path.exists(self.path("none.db")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
