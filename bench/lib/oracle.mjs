// An independent, deliberately naive reference: walks local dates one by one, converting each
// day's 09:00 and 17:00 in the zone to UTC with Intl. It shares no code with support-rules or the
// peers and is only used for the correctness check, never timed.

import { CLOSE_HOUR, HOLIDAYS, OPEN_HOUR, ZONE } from './scenario.mjs';

const format = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});
const holidays = new Set(HOLIDAYS);

function wallFields(ms) {
  const f = {};
  for (const part of format.formatToParts(ms)) f[part.type] = Number(part.value);
  return f;
}

/** local = utc + offset */
function offsetAt(ms) {
  const f = wallFields(ms);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - Math.floor(ms / 1000) * 1000;
}

/** UTC instant of a local wall time that exists exactly once (true for 09:00 and 17:00 in Chicago). */
function zonedToUtc(year, month, day, hour) {
  const wall = Date.UTC(year, month - 1, day, hour);
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  return t;
}

function* openIntervals(fromMs) {
  const f = wallFields(fromMs);
  for (let date = Date.UTC(f.year, f.month - 1, f.day); ; date += 86_400_000) {
    const d = new Date(date);
    const weekday = d.getUTCDay();
    const iso = d.toISOString().slice(0, 10);
    if (weekday === 0 || weekday === 6 || holidays.has(iso)) continue;
    const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    yield [zonedToUtc(y, m, dd, OPEN_HOUR), zonedToUtc(y, m, dd, CLOSE_HOUR)];
  }
}

export function oracleAdd(startMs, ms) {
  let rest = ms;
  for (const [open, close] of openIntervals(startMs)) {
    if (close <= startMs) continue;
    const from = Math.max(open, startMs);
    if (from + rest <= close) return from + rest;
    rest -= close - from;
  }
  throw new Error('unreachable');
}

export function oracleBetween(a, b) {
  let sum = 0;
  for (const [open, close] of openIntervals(a)) {
    if (open >= b) return sum;
    sum += Math.max(0, Math.min(close, b) - Math.max(open, a));
  }
  throw new Error('unreachable');
}

/** Number of UTC-offset changes of the zone in [a, b), sampled daily (enough for real zones). */
export function offsetChangesBetween(a, b) {
  let count = 0;
  let previous = offsetAt(a);
  for (let t = a + 86_400_000; t < b + 86_400_000; t += 86_400_000) {
    const offset = offsetAt(Math.min(t, b));
    if (offset !== previous) count += 1;
    previous = offset;
  }
  return count;
}
