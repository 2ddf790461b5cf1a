// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an .ics with ical.js (Thunderbird's parser) and node-ical, and prints
// what each understood of every event as JSON: { "ical.js": [...], "node-ical": [...] }.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import ical from 'node-ical';

const text = readFileSync(process.argv[2], 'utf8');

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function icalJs() {
  const calendar = new ICAL.Component(ICAL.parse(text));
  calendar.getAllSubcomponents('vtimezone').forEach((zone) => ICAL.TimezoneService.register(zone));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const allDay = event.startDate.isDate;
    return {
      uid: event.uid,
      summary: event.summary,
      all_day: allDay,
      start: allDay ? event.startDate.toString() : event.startDate.toUnixTime(),
      end: allDay ? event.endDate.toString() : event.endDate.toUnixTime(),
    };
  });
}

function nodeIcal() {
  const data = ical.sync.parseICS(text);
  return Object.values(data)
    .filter((item) => item.type === 'VEVENT')
    .map((event) => {
      const allDay = event.datetype === 'date' || event.start.dateOnly === true;
      const summary = typeof event.summary === 'object' ? event.summary.val : event.summary;
      return {
        uid: event.uid,
        summary,
        all_day: allDay,
        start: allDay ? isoDate(event.start) : Math.round(event.start.getTime() / 1000),
        end: allDay ? isoDate(event.end) : Math.round(event.end.getTime() / 1000),
      };
    });
}

process.stdout.write(JSON.stringify({ 'ical.js': icalJs(), 'node-ical': nodeIcal() }));
