#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tract flyer and tract agenda, checked from the outside.

Poppler reads the page size and the text back, pdftoppm renders the pages
so that the margins can be checked pixel by pixel, and zbarimg reads the
QR code back, as a phone would.
"""

import hashlib
import html
import os
import re
import shutil
import subprocess
import tempfile
import unittest

TRACT = os.environ.get("TRACT", "tract")
FIXTURE = os.environ.get("PRINT_FIXTURE", "print-fixture")

WEEKEND = "9d2f4c6a-1b3e-4f5a-8c7d-0e9b1a2c2930"
URL = "https://vivelacommune.example.org/agenda/2021-05-29-week-end"
LONG_TITLE = ("Grande assemblée populaire, ouverte à toutes et à tous, pour préparer ensemble le week-end "
              "de célébration de la Commune de Paris avec les délégations de l’ICOR, et pour décider des suites")
DEMO_TITLES = [
    "Rassemblement pour les 150 ans de la Commune de Paris",
    "Intervention à la manifestation parisienne du 1er Mai",
    "Les femmes de la Commune et la lutte des femmes aujourd’hui",
    "Week-end de célébration avec les délégations de l’ICOR",
    "Manifestation de la Commune",
    "Table ronde : les leçons de la Commune",
]
PAPERS = {"a4": (595.276, 841.89), "a5": (419.528, 595.276), "letter": (612.0, 792.0)}


def margin(width, height):
    """The print layer's rule (tract_print_get_margin)."""
    return max(min(width, height) * 0.08, 28.0)


def run(*args, check=True):
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    result = subprocess.run([TRACT, *args], capture_output=True, text=True, env=env, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"tract {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def tool(*args):
    return subprocess.run(args, capture_output=True, check=True, timeout=120).stdout


def flat(text):
    return " ".join(text.split())


def page_size(pdf, page=1):
    info = tool("pdfinfo", "-f", str(page), "-l", str(page), pdf).decode()
    match = re.search(r"Page\s+%d size:\s+([\d.]+) x ([\d.]+) pts" % page, info)
    return float(match.group(1)), float(match.group(2))


def page_count(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", tool("pdfinfo", pdf).decode(), re.M).group(1))


def text(pdf, page=None):
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return tool(*args, pdf, "-").decode()


def words(pdf, page=1):
    """(x0, y0, x1, y1, word) in points from the top left, per word."""
    out = tool("pdftotext", "-bbox", "-enc", "UTF-8", "-f", str(page), "-l", str(page), pdf, "-").decode()
    found = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out):
        found.append((*(float(m.group(i)) for i in range(1, 5)), html.unescape(m.group(5))))
    return found


def render_gray(pdf, page=1, dpi=72):
    """A page as (width, height, bytes) of 8-bit gray pixels."""
    data = tool("pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), pdf)
    # PGM: "P5\n<w> <h>\n255\n" then the pixels.
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, data[match.end():]


def dark_pixels(image, x0, y0, x1, y1, threshold=245):
    width, height, pixels = image
    dark = []
    for y in range(max(0, int(y0)), min(height, int(y1))):
        row = pixels[y * width:(y + 1) * width]
        for x in range(max(0, int(x0)), min(width, int(x1))):
            if row[x] < threshold:
                dark.append((x, y))
    return dark


def checksum(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class PrintTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="tract-print-")
        cls.db = os.path.join(cls.dir, "print.db")
        subprocess.run([FIXTURE, cls.db], check=True, timeout=120)
        cls.rendered = {}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def flyer(self, event, template="poster", paper="a4", language="fr", suffix="pdf"):
        key = (event, template, paper, language, suffix)
        if key not in self.rendered:
            path = os.path.join(self.dir, f"{event}-{template}-{paper}-{language}.{suffix}")
            run(f"--database={self.db}", "flyer", event, f"--output={path}", f"--paper={paper}",
                f"--template={template}", f"--language={language}")
            self.rendered[key] = path
        return self.rendered[key]

    def assert_margins_blank(self, pdf, template, page=1):
        width, height = page_size(pdf, page)
        image = render_gray(pdf, page)
        if template == "handout":
            half = width / 2
            m = margin(half, height) - 2
            # The outer band of each half, and the gutter between them; the
            # cut marks live on the cut line itself.
            cut = (half - 3, half + 3)
            bands = [(0, 0, cut[0], m), (cut[1], 0, width, m), (0, height - m, cut[0], height),
                     (cut[1], height - m, width, height), (0, 0, m, height),
                     (width - m, 0, width, height), (half - m, 0, cut[0], height), (cut[1], 0, half + m, height)]
            marks = dark_pixels(image, cut[0], 0, cut[1], height)
            self.assertTrue(marks, "the handout has cut marks")
            self.assertFalse(dark_pixels(image, cut[0], m + 2, cut[1], height - m - 2),
                             "cut marks stay in the margins")
        else:
            m = margin(width, height) - 2
            bands = [(0, 0, width, m), (0, height - m, width, height), (0, 0, m, height),
                     (width - m, 0, width, height)]
        for band in bands:
            self.assertEqual(dark_pixels(image, *band), [], f"{pdf}: ink in the margin band {band}")

    def assert_words_fit(self, pdf, template):
        width, height = page_size(pdf)
        found = words(pdf)
        self.assertTrue(found)
        boxes = []
        if template == "handout":
            halves = [(0, width / 2), (width / 2, width)]
        else:
            halves = [(0, width)]
        for left, right in halves:
            m = margin(right - left, height)
            for x0, y0, x1, y1, word in found:
                if x0 >= left - 1 and x1 <= right + 1:
                    # Poppler's boxes follow the font's ascent and descent: a point of slack.
                    self.assertGreaterEqual(x0, left + m - 1, word)
                    self.assertLessEqual(x1, right - m + 1, word)
                    self.assertGreaterEqual(y0, m - 3, word)
                    self.assertLessEqual(y1, height - m + 3, word)
                    boxes.append((x0, y0, x1, y1, word))
        self.assertEqual(len(boxes), len(found), "every word lies within one flyer")
        # No word drawn over another: boxes may touch (tight title leading),
        # never cover each other.
        boxes.sort()
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if b[0] >= a[2]:
                    break
                overlap_w = min(a[2], b[2]) - max(a[0], b[0])
                overlap_h = min(a[3], b[3]) - max(a[1], b[1])
                if overlap_w > 0 and overlap_h > 0:
                    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
                    self.assertLess(overlap_w * overlap_h, 0.3 * smaller, f"{a[4]!r} overlaps {b[4]!r} in {pdf}")

    # Flyers

    def test_page_sizes(self):
        for template in ("poster", "handout"):
            for paper, (width, height) in PAPERS.items():
                pdf = self.flyer(WEEKEND, template, paper)
                self.assertEqual(page_count(pdf), 1)
                got = page_size(pdf)
                want = (width, height) if template == "poster" else (height, width)
                self.assertAlmostEqual(got[0], want[0], delta=0.5, msg=f"{template} {paper}")
                self.assertAlmostEqual(got[1], want[1], delta=0.5, msg=f"{template} {paper}")

    def test_text_in_each_language(self):
        expected = {
            "fr": ["samedi 29 et dimanche 30 mai 2021", "À l’appel de", "Célébration"],
            "en": ["Saturday 29 and Sunday 30 May 2021", "Called by", "Celebration"],
        }
        for template in ("poster", "handout"):
            for paper in PAPERS:
                for language, phrases in expected.items():
                    pdf = self.flyer(WEEKEND, template, paper, language)
                    content = flat(text(pdf))
                    where = f"{template} {paper} {language}"
                    self.assertIn("Week-end de célébration avec les délégations de l’ICOR", content, where)
                    self.assertIn("Paris", content, where)
                    self.assertIn("Vive la Commune de 1871", content, where)
                    self.assertIn("Facebook : Vive la Commune 1871", content, where)
                    for acronym in ("ACTIT", "BIR-KAR", "CSP", "NPCH", "UPC-Manidem", "UPML", "SKB", "UC"):
                        self.assertIn(acronym, content, where)
                    self.assertIn("Association Culturelle des Travailleurs Immigrés de Turquie", content, where)
                    for phrase in phrases:
                        self.assertIn(phrase.upper() if phrase in ("Célébration", "Celebration") else phrase,
                                      content.upper() if phrase in ("Célébration", "Celebration") else content,
                                      where)

    def test_timed_event_hours(self):
        content = flat(text(self.flyer("b3c1a0e2-5f0d-4c4e-9a52-3f1d2e7c1871", language="fr")))
        self.assertIn("samedi 20 mars 2021", content)
        self.assertIn("de 14 h à 17 h", content)
        self.assertIn("Place du Châtelet, 75001 Paris", content)
        content = flat(text(self.flyer("b3c1a0e2-5f0d-4c4e-9a52-3f1d2e7c1871", language="en")))
        self.assertIn("Saturday 20 March 2021", content)
        self.assertIn("2 PM – 5 PM", content)

    def test_margins_blank(self):
        for event in (WEEKEND, "print-long", "print-image"):
            for template in ("poster", "handout"):
                for paper in PAPERS:
                    self.assert_margins_blank(self.flyer(event, template, paper), template)

    def test_long_title_and_description_fit(self):
        for template in ("poster", "handout"):
            for paper in PAPERS:
                for language in ("fr", "en"):
                    pdf = self.flyer("print-long", template, paper, language)
                    content = flat(text(pdf))
                    # The whole title, wrapped but never cut.
                    self.assertIn(flat(LONG_TITLE).replace("-", ""), content.replace("-", ""))
                    # The description is ellipsized rather than run off the page;
                    # the PDF keeps the elided text as the ellipsis' ActualText, so
                    # it is the positions that tell: every word inside the box.
                    self.assert_words_fit(pdf, template)

    def test_other_flyers_fit(self):
        for event in (WEEKEND, "print-image", "print-arabic", "print-turkish", "print-cancelled", "print-zone"):
            for template in ("poster", "handout"):
                self.assert_words_fit(self.flyer(event, template, "a4"), template)

    def test_private_notes_never_printed(self):
        for template in ("poster", "handout"):
            self.assertNotIn("SECRET-NOTE", text(self.flyer("print-long", template)))

    def test_qr_code_decodes_to_url(self):
        for template, count in (("poster", 1), ("handout", 2)):
            for paper in PAPERS:
                pdf = self.flyer("print-long", template, paper)
                png = os.path.join(self.dir, f"qr-{template}-{paper}")
                tool("pdftoppm", "-png", "-r", "150", "-singlefile", pdf, png)
                decoded = tool("zbarimg", "--quiet", "--raw", png + ".png").decode().split()
                self.assertEqual(decoded, [URL] * count, f"{template} {paper}")
        # No URL, no code.
        png = os.path.join(self.dir, "qr-none")
        tool("pdftoppm", "-png", "-r", "150", "-singlefile", self.flyer(WEEKEND), png)
        result = subprocess.run(["zbarimg", "--quiet", "--raw", png + ".png"], capture_output=True)
        self.assertEqual(result.stdout, b"")

    def test_arabic_and_turkish(self):
        arabic = flat(text(self.flyer("print-arabic")))
        for word in ("تجمع", "تضامني", "العمال", "المهاجرين"):
            self.assertIn(word, arabic)
        turkish = flat(text(self.flyer("print-turkish", language="en")))
        self.assertIn("İşçi göçmenlerle dayanışma mitingi: Paris Komünü yaşıyor!", turkish)
        self.assertIn("ğüşıöç ĞÜŞİÖÇ", turkish)

    def test_status_and_zone(self):
        self.assertIn("ANNULÉ", flat(text(self.flyer("print-cancelled"))).upper())
        self.assertIn("TO BE CONFIRMED", flat(text(self.flyer("print-tentative", language="en"))).upper())
        self.assertIn("(Istanbul)", flat(text(self.flyer("print-zone"))))

    def test_png_output(self):
        png = self.flyer(WEEKEND, "poster", "a4", "fr", suffix="png")
        with open(png, "rb") as f:
            header = f.read(24)
        self.assertEqual(header[:8], b"\x89PNG\r\n\x1a\n")
        width = int.from_bytes(header[16:20], "big")
        height = int.from_bytes(header[20:24], "big")
        self.assertEqual((width, height), (1241, 1754))  # A4 at 150 dpi

    def test_event_by_numeric_id(self):
        listing = run(f"--database={self.db}", "list", "events", "--json").stdout
        match = re.search(r'"id"\s*:\s*(\d+),\s*"uid"\s*:\s*"%s"' % WEEKEND, listing)
        self.assertIsNotNone(match)
        path = os.path.join(self.dir, "by-id.pdf")
        run(f"--database={self.db}", "flyer", match.group(1), f"--output={path}")
        self.assertIn("Week-end de célébration", flat(text(path)))

    def test_flyer_errors(self):
        before = checksum(self.db)
        out = os.path.join(self.dir, "error.pdf")
        cases = [
            (["flyer", "no-such-event", f"--output={out}"], "no-such-event"),
            (["flyer", WEEKEND, f"--output={out}", "--paper=a3"], "a3"),
            (["flyer", WEEKEND, f"--output={out}", "--template=leaflet"], "leaflet"),
            (["flyer", WEEKEND, f"--output={out}", "--language=xx"], "xx"),
            (["flyer", WEEKEND], "--output"),
            (["flyer", WEEKEND, "--output=flyer.jpg"], "flyer.jpg"),
            (["flyer", f"--output={out}"], "argument"),
            (["flyer", WEEKEND, f"--output={self.dir}/missing/flyer.pdf"], "missing"),
            (["agenda", f"--output={out}", "--from=29/05/2021"], "29/05/2021"),
            (["agenda", f"--output={out}", "--from=2021-06-01", "--to=2021-05-01"], "--from"),
            (["agenda", f"--output={out}", "--campaign=Nope"], "Nope"),
            (["agenda", "--output=agenda.png"], ".pdf"),
        ]
        for args, named in cases:
            result = run(f"--database={self.db}", *args, check=False)
            self.assertNotEqual(result.returncode, 0, args)
            lines = result.stderr.strip().split("\n")
            self.assertEqual(len(lines), 1, result.stderr)
            self.assertTrue(lines[0].startswith("tract: "), lines[0])
            self.assertIn(named, lines[0], args)
            self.assertFalse(os.path.exists(out), args)
        self.assertEqual(checksum(self.db), before)
        # Nothing half-written was left beside the outputs.
        self.assertEqual([n for n in os.listdir(self.dir) if n.startswith(".")], [])

    # Agendas

    def agenda(self, *extra, name="agenda.pdf"):
        path = os.path.join(self.dir, name)
        run(f"--database={self.db}", "agenda", f"--output={path}", *extra)
        return path

    def test_agenda_lists_demo_in_order(self):
        demo_db = os.path.join(self.dir, "demo.db")
        run(f"--database={demo_db}", "demo")
        path = os.path.join(self.dir, "demo-agenda.pdf")
        run(f"--database={demo_db}", "agenda", f"--output={path}", "--language=fr")
        content = flat(text(path))
        positions = [content.find(title) for title in DEMO_TITLES]
        self.assertNotIn(-1, positions, content)
        self.assertEqual(positions, sorted(positions))
        for phrase in ("Mars 2021", "Mai 2021", "Jusqu’au dimanche 30 mai", "Rassemblement", "14 h – 17 h", "À l’appel de", "Page 1 sur"):
            self.assertIn(phrase, content)
        self.assertEqual(page_size(path), PAPERS["a4"])

    def test_agenda_pages(self):
        path = self.agenda("--language=en", "--paper=a5", name="agenda-a5.pdf")
        pages = page_count(path)
        self.assertGreater(pages, 1, "fourteen events do not fit one A5 page")
        for page in range(1, pages + 1):
            content = flat(text(path, page))
            self.assertIn(f"Page {page} of {pages}", content)
            self.assertIn("Vive la Commune de 1871", content)  # title or running header
            self.assert_margins_blank(path, "poster", page)
        got = page_size(path)
        self.assertAlmostEqual(got[0], PAPERS["a5"][0], delta=0.5)
        # Every event once, in order, across the pages.
        content = flat(text(path))
        positions = [content.find(title) for title in DEMO_TITLES]
        self.assertNotIn(-1, positions)
        self.assertEqual(positions, sorted(positions))
        self.assertEqual(content.count("Table ronde : les leçons de la Commune"), 1)

    def test_agenda_range(self):
        path = self.agenda("--from=2021-05-29", "--to=2021-05-30", name="agenda-weekend.pdf")
        content = flat(text(path))
        for title in DEMO_TITLES[3:]:
            self.assertIn(title, content)
        for title in DEMO_TITLES[:3]:
            self.assertNotIn(title, content)

    def test_agenda_empty_range(self):
        content = flat(text(self.agenda("--from=2030-01-01", name="agenda-empty.pdf")))
        self.assertIn("No events in this period.", content)
        self.assertIn("Page 1 of 1", content)


if __name__ == "__main__":
    unittest.main(verbosity=2)
