// SPDX-License-Identifier: GPL-3.0-or-later
// ical-generator building the benchmark's calendar from the JSON that
// bench-ics wrote: node gen.mjs EVENTS.json OUT.ics. Prints the seconds.
import { readFileSync, writeFileSync } from 'node:fs';
import ical from 'ical-generator';

const events = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const start = process.hrtime.bigint();
const calendar = ical({ name: 'Bench', prodId: { company: 'Tract', product: 'Bench' } });
for (const e of events) {
  calendar.createEvent({
    id: e.uid,
    start: new Date(e.start * 1000),
    end: new Date(e.end * 1000),
    allDay: e.all_day,
    summary: e.summary,
    description: e.description,
    location: e.location,
    repeating: e.recurring ? { freq: 'WEEKLY', count: 10 } : null,
  });
}
writeFileSync(process.argv[3], calendar.toString());
console.log(Number(process.hrtime.bigint() - start) / 1e9);
