// SPDX-License-Identifier: GPL-3.0-or-later
// node-ical parsing a file: node parse-node-ical.mjs FILE. Prints the seconds.
import { readFileSync } from 'node:fs';
import ical from 'node-ical';

const text = readFileSync(process.argv[2], 'utf8');
const start = process.hrtime.bigint();
const data = ical.sync.parseICS(text);
const n = Object.values(data).filter((item) => item.type === 'VEVENT').length;
console.log(`${n} events`);
console.log(Number(process.hrtime.bigint() - start) / 1e9);
