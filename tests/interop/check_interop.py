#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Four independent parsers must read Tract's exports as Tract means them.

python3-icalendar and python3-vobject (Debian's, hence /usr/bin/python3),
ical.js 2.2.1 and node-ical 0.26.1 (npm, pinned in package-lock.json) each
read the sample campaign and the edge cases; every event must have the same
UID, summary, all-day flag, and UTC start and end (dates for all-day events)
as in Tract's database.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

import icalendar
import vobject

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_CALENDARS = os.environ.get("TRACT_MAKE_CALENDARS")


def event_times(start, end):
    if isinstance(start, datetime.datetime):
        assert start.tzinfo is not None, "floating time"
        return False, int(start.timestamp()), int(end.timestamp())
    return True, start.isoformat(), end.isoformat()


def read_icalendar(path):
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = []
    for component in calendar.walk():
        # 4.0.3 records errors instead of raising.
        assert not component.errors, (component.name, component.errors)
        if component.name != "VEVENT":
            continue
        all_day, start, end = event_times(component.decoded("DTSTART"), component.decoded("DTEND"))
        events.append({"uid": str(component["UID"]), "summary": str(component["SUMMARY"]),
                       "all_day": all_day, "start": start, "end": end})
    return events


def read_vobject(path):
    with open(path, encoding="utf-8") as f:
        calendar = vobject.readOne(f.read())
    events = []
    for event in calendar.vevent_list:
        all_day, start, end = event_times(event.dtstart.value, event.dtend.value)
        events.append({"uid": event.uid.value, "summary": event.summary.value,
                       "all_day": all_day, "start": start, "end": end})
    return events


def read_js(path):
    result = subprocess.run(["node", os.path.join(HERE, "parse-js.mjs"), path], check=True,
                            capture_output=True, text=True, cwd=HERE, timeout=120)
    return json.loads(result.stdout)


def compare(name, parser, expected, got):
    failures = []
    by_uid = {event["uid"]: event for event in got}
    if len(got) != len(expected):
        failures.append(f"{name}: {parser} reads {len(got)} events, Tract wrote {len(expected)}")
    for want in expected:
        have = by_uid.get(want["uid"])
        if have is None:
            failures.append(f"{name}: {parser} misses {want['uid']}")
            continue
        for key in ("summary", "all_day", "start", "end"):
            if have[key] != want[key]:
                failures.append(f"{name}: {parser} reads {want['uid']} {key} as {have[key]!r}, "
                                f"Tract means {want[key]!r}")
    return failures


def main():
    if MAKE_CALENDARS is None:
        print("TRACT_MAKE_CALENDARS is not set", file=sys.stderr)
        return 1
    have_node = shutil.which("node") is not None and os.path.isdir(os.path.join(HERE, "node_modules"))
    failures = []
    with tempfile.TemporaryDirectory() as directory:
        subprocess.run([MAKE_CALENDARS, directory], check=True, timeout=120)
        for name in ("demo", "edge"):
            path = os.path.join(directory, name + ".ics")
            with open(os.path.join(directory, name + ".json"), encoding="utf-8") as f:
                expected = json.load(f)
            failures += compare(name, "python3-icalendar", expected, read_icalendar(path))
            failures += compare(name, "python3-vobject", expected, read_vobject(path))
            if have_node:
                js = read_js(path)
                for parser in ("ical.js", "node-ical"):
                    failures += compare(name, parser, expected, js[parser])
            print(f"{name}: {len(expected)} events checked")
    if not have_node:
        print("node or tests/interop/node_modules missing: run build-aux/install-deps", file=sys.stderr)
        failures.append("ical.js and node-ical were not run")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
