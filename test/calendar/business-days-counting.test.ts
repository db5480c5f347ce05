import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, createCalendar } from '../../src/calendar/index.js';
import { errorOf } from '../helpers/errors.js';

// addBusinessDays keeps the local time of day, clamped into the target date's hours, and
// businessDaysBetween counts the same dates back. Split shifts, hours written in any order,
// holidays after the dates counted, and calendars open only on a few dates.

const iso = (d: Date) => d.toISOString();

describe('clamping into a split shift', () => {
  it('reads hours written out of order by their times: 10:00 stays 10:00 in the morning shift', () => {
    const split = createCalendar({ timeZone: 'UTC', hours: { mon: ['13:00-17:00', '09:00-12:00'], tue: ['13:00-17:00', '09:00-12:00'] } });
    expect(iso(addBusinessDays(split, '2026-11-23T10:00:00Z', 1))).toBe('2026-11-24T10:00:00.000Z');
    expect(iso(addBusinessDays(split, '2026-11-23T08:00:00Z', 1))).toBe('2026-11-24T09:00:00.000Z');
    expect(iso(addBusinessDays(split, '2026-11-23T12:30:00Z', 1))).toBe('2026-11-24T13:00:00.000Z');
    expect(iso(addBusinessDays(split, '2026-11-23T18:00:00Z', 1))).toBe('2026-11-24T17:00:00.000Z');
  });

  it('moves a start exactly at the close of the morning shift (the gap) to the afternoon opening', () => {
    const split = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-12:00', '13:00-17:00'], tue: ['09:00-12:00', '13:00-17:00'] } });
    // 12:00 is closed (intervals are half-open), so it clamps like any time in the gap.
    expect(iso(addBusinessDays(split, '2026-11-23T12:00:00-06:00', 1))).toBe('2026-11-24T19:00:00.000Z'); // Tue 13:00 CST
    expect(iso(addBusinessDays(split, '2026-11-23T11:59:00-06:00', 1))).toBe('2026-11-24T17:59:00.000Z'); // Tue 11:59 CST
    expect(iso(addBusinessDays(split, '2026-11-23T09:00:00-06:00', 1))).toBe('2026-11-24T15:00:00.000Z'); // Tue 09:00 CST
  });
});

describe('businessDaysBetween counts only the dates between', () => {
  // Mon-Fri with Thanksgiving (Thu 2026-11-26) closed.
  const hours = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };

  it('ignores a holiday after the later date, in both directions', () => {
    const desk = createCalendar({ timeZone: 'America/Chicago', hours, holidays: ['2026-11-26'] });
    expect(businessDaysBetween(desk, '2026-11-23T10:00:00-06:00', '2026-11-24T10:00:00-06:00')).toBe(1);
    expect(businessDaysBetween(desk, '2026-11-24T10:00:00-06:00', '2026-11-23T10:00:00-06:00')).toBe(-1);
    // Across it, the holiday is skipped: Wed to Fri is one business day.
    expect(businessDaysBetween(desk, '2026-11-25T10:00:00-06:00', '2026-11-27T10:00:00-06:00')).toBe(1);
  });
});

describe('a calendar open on one date only', () => {
  // Christmas Eve 2026 (a Thursday), and no weekly hours.
  const once = () => createCalendar({ timeZone: 'UTC', overrides: { '2026-12-24': ['09:00-17:00'] } });

  it('finds that date months ahead and months back, keeping the time of day', () => {
    const cal = once();
    expect(iso(addBusinessDays(cal, '2026-06-01T10:00:00Z', 1))).toBe('2026-12-24T10:00:00.000Z');
    expect(iso(addBusinessDays(cal, '2027-03-01T10:00:00Z', -1))).toBe('2026-12-24T10:00:00.000Z');
    expect(businessDaysBetween(cal, '2026-06-01T10:00:00Z', '2027-03-01T10:00:00Z')).toBe(1);
    expect(businessDaysBetween(cal, '2027-03-01T10:00:00Z', '2026-06-01T10:00:00Z')).toBe(-1);
  });

  it('throws CALENDAR_NEVER_OPENS for a second date, ahead or back, and for the date itself counted from itself', () => {
    const cal = once();
    expect(errorOf(() => addBusinessDays(cal, '2026-06-01T10:00:00Z', 2))).toEqual(['CALENDAR_NEVER_OPENS', 'calendar']);
    expect(errorOf(() => addBusinessDays(cal, '2027-03-01T10:00:00Z', -2))).toEqual(['CALENDAR_NEVER_OPENS', 'calendar']);
    expect(errorOf(() => addBusinessDays(cal, '2026-12-24T10:00:00Z', -1))).toEqual(['CALENDAR_NEVER_OPENS', 'calendar']);
    expect(errorOf(() => addBusinessDays(cal, '2026-12-24T10:00:00Z', 1))).toEqual(['CALENDAR_NEVER_OPENS', 'calendar']);
  });
});
