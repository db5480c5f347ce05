// The benchmark scenario shared by every library: Mon–Fri 09:00–17:00 in America/Chicago with the
// 2026 and 2027 US federal holidays (observed dates), a start instant, and the five operations.

export const ZONE = 'America/Chicago';

/** US federal holidays, observed dates (OPM rules: Saturday → Friday, Sunday → Monday). */
export const HOLIDAYS = [
  '2026-01-01', // New Year's Day (Thu)
  '2026-01-19', // Birthday of Martin Luther King, Jr.
  '2026-02-16', // Washington's Birthday
  '2026-05-25', // Memorial Day
  '2026-06-19', // Juneteenth (Fri)
  '2026-07-03', // Independence Day, observed (Jul 4 is a Saturday)
  '2026-09-07', // Labor Day
  '2026-10-12', // Columbus Day
  '2026-11-11', // Veterans Day (Wed)
  '2026-11-26', // Thanksgiving Day
  '2026-12-25', // Christmas Day (Fri)
  '2027-01-01', // New Year's Day (Fri)
  '2027-01-18', // Birthday of Martin Luther King, Jr.
  '2027-02-15', // Washington's Birthday
  '2027-05-31', // Memorial Day
  '2027-06-18', // Juneteenth, observed (Jun 19 is a Saturday)
  '2027-07-05', // Independence Day, observed (Jul 4 is a Sunday)
  '2027-09-06', // Labor Day
  '2027-10-11', // Columbus Day
  '2027-11-11', // Veterans Day (Thu)
  '2027-11-25', // Thanksgiving Day
  '2027-12-24', // Christmas Day, observed (Dec 25 is a Saturday)
  '2027-12-31', // New Year's Day 2028, observed (Jan 1 2028 is a Saturday)
];

export const OPEN_HOUR = 9;
export const CLOSE_HOUR = 17;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Tue 2026-03-03 10:00 CST (UTC-6). */
export const START = Date.parse('2026-03-03T16:00:00.000Z');
/** Fri 2026-04-03 10:00 CDT (UTC-5): one calendar month later, across the 2026-03-08 DST change. */
export const END = Date.parse('2026-04-03T15:00:00.000Z');

export const HOUR_MS = 3_600_000;

/** The operations, in table order. `kind` says how results compare: an instant or a duration. */
export const OPERATIONS = [
  { id: 'add4', label: 'add 4 business hours', kind: 'instant', hours: 4 },
  { id: 'add40', label: 'add 40 business hours', kind: 'instant', hours: 40 },
  { id: 'add400', label: 'add 400 business hours', kind: 'instant', hours: 400 },
  { id: 'add4000', label: 'add 4,000 business hours', kind: 'instant', hours: 4000 },
  { id: 'between', label: 'businessTimeBetween, one month', kind: 'duration' },
];

/**
 * Expected results worked out by hand (see docs/performance.md for the derivation). They check
 * our library, which is then the reference for the peers.
 */
export const HAND_CHECKS = {
  // Tue 10:00 CST + 4 h, all inside Tuesday's 09:00–17:00 → Tue 14:00 CST.
  add4: {
    value: Date.parse('2026-03-03T20:00:00.000Z'),
    why: 'Tue 03-03 10:00 CST + 4 h inside the same day → Tue 14:00 CST = 20:00Z',
  },
  // Tue 7 h (10–17), Wed 8, Thu 8, Fri 03-06 8 → 31 h; weekend (DST starts Sun 03-08);
  // Mon 03-09 8 → 39 h; 1 h more on Tue 03-10 → 10:00 CDT (UTC-5) = 15:00Z.
  add40: {
    value: Date.parse('2026-03-10T15:00:00.000Z'),
    why: 'Tue 7 h + Wed/Thu/Fri 24 h + Mon 03-09 8 h = 39 h; +1 h on Tue 03-10 → 10:00 CDT (UTC-5, after the 03-08 DST change) = 15:00Z',
  },
  // 7 h on 03-03, then 49 whole days (Mar 4–31: 20, Apr: 22, May 1–11: 7) = 392 h, +1 h on Tue 05-12.
  add400: {
    value: Date.parse('2026-05-12T15:00:00.000Z'),
    why: '7 h on 03-03 + 49 whole business days (Mar 4–31: 20, April: 22, May 1–11: 7; no holidays) = 399 h; +1 h → Tue 05-12 10:00 CDT = 15:00Z',
  },
  // 7 h on 03-03 + 22 whole days (Mar 4–31: 20, Apr 1–2: 2) × 8 h + 1 h on Fri 04-03 = 184 h.
  between: {
    value: 184 * HOUR_MS,
    why: '7 h on 03-03 + 22 whole business days × 8 h (Mar 4–31: 20, Apr 1–2: 2) + 1 h on 04-03 = 184 h',
  },
};
