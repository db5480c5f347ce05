import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  businessDaysBetween,
  businessTimeBetween,
  createCalendar,
  isOpen,
  nextClose,
  nextOpen,
  openIntervals,
  subtractBusinessTime,
} from '../../src/calendar/index.js';
import { HOUR, MINUTE, WEEKDAYS_9_TO_5, at, describeIntervals } from './helpers.js';

// The DESIGN.md contract, one rule per test. All in UTC unless the zone matters.

describe('intervals', () => {
  const cal = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'] } });

  it('is open at the opening instant and closed at the closing instant', () => {
    expect(isOpen(cal, at('2026-11-23T09:00Z'))).toBe(true);
    expect(isOpen(cal, at('2026-11-23T16:59:59.999Z'))).toBe(true);
    expect(isOpen(cal, at('2026-11-23T17:00Z'))).toBe(false);
    expect(isOpen(cal, at('2026-11-23T08:59:59.999Z'))).toBe(false);
  });

  it('treats a missing day as closed', () => {
    expect(isOpen(cal, at('2026-11-24T12:00Z'))).toBe(false);
  });

  it('merges overlapping and touching ranges', () => {
    const merged = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-12:00', '11:00-13:00', '13:00-14:00'] } });
    expect(describeIntervals(openIntervals(merged, at('2026-11-23T00:00Z'), at('2026-11-24T00:00Z')))).toEqual([
      ['2026-11-23T09:00:00.000Z', '2026-11-23T14:00:00.000Z', 5],
    ]);
  });

  it('treats 00:00-24:00 as the whole day and joins whole days into one period', () => {
    const days = createCalendar({ timeZone: 'UTC', hours: { mon: ['00:00-24:00'], tue: ['00:00-24:00'] } });
    expect(nextClose(days, at('2026-11-23T05:00Z'))).toEqual(at('2026-11-25T00:00Z'));
  });

  it('joins an overnight shift with the next day hours that it touches', () => {
    const joined = createCalendar({ timeZone: 'UTC', hours: { sun: ['22:00-06:00'], mon: ['06:00-10:00'] } });
    // Sunday's shift crosses into the next week; the period still ends Monday 10:00.
    expect(nextClose(joined, at('2026-11-22T23:00Z'))).toEqual(at('2026-11-23T10:00Z'));
  });
});

describe('holidays and overrides belong to the date an interval opens on', () => {
  const friNight = { fri: ['22:00-06:00'] };

  it("does not cut Friday's 22:00-06:00 shift with a Saturday holiday", () => {
    const cal = createCalendar({ timeZone: 'UTC', hours: friNight, holidays: ['2026-11-28'] });
    expect(isOpen(cal, at('2026-11-28T03:00Z'))).toBe(true);
  });

  it('closes the whole overnight shift for a Friday holiday', () => {
    const cal = createCalendar({ timeZone: 'UTC', hours: friNight, holidays: ['2026-11-27'] });
    expect(isOpen(cal, at('2026-11-27T23:00Z'))).toBe(false);
    expect(isOpen(cal, at('2026-11-28T03:00Z'))).toBe(false);
  });

  it("does not cut Friday's shift with a Saturday override, and merges them", () => {
    const cal = createCalendar({ timeZone: 'UTC', hours: friNight, overrides: { '2026-11-28': ['05:00-08:00'] } });
    expect(describeIntervals(openIntervals(cal, at('2026-11-27T00:00Z'), at('2026-11-29T00:00Z')))).toEqual([
      ['2026-11-27T22:00:00.000Z', '2026-11-28T08:00:00.000Z', 10],
    ]);
  });

  it("uses an override's hours instead of the weekday's, and [] closes the day", () => {
    const cal = createCalendar({
      timeZone: 'America/Chicago',
      hours: { thu: ['07:00-19:00'], fri: ['07:00-19:00'] },
      overrides: { '2026-12-24': ['07:00-12:00'], '2026-12-25': [] },
    });
    expect(businessTimeBetween(cal, at('2026-12-24T00:00Z'), at('2026-12-26T12:00Z'))).toBe(5 * HOUR);
  });
});

describe('adding and subtracting business time', () => {
  const cal = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'], tue: ['07:00-12:00', '13:00-19:00'] } });

  it('returns the closing instant when the time runs out exactly there', () => {
    expect(addBusinessTime(cal, at('2026-11-23T13:00Z'), { hours: 4 })).toEqual(at('2026-11-23T17:00Z'));
  });

  it('returns the opening instant when subtraction runs out exactly there', () => {
    expect(subtractBusinessTime(cal, at('2026-11-23T13:00Z'), { hours: 4 })).toEqual(at('2026-11-23T09:00Z'));
  });

  it('starts counting at the next opening from a closed instant', () => {
    expect(addBusinessTime(cal, at('2026-11-23T18:00Z'), { minutes: 30 })).toEqual(at('2026-11-24T07:30Z'));
  });

  it('counts back from the previous close from a closed instant', () => {
    expect(subtractBusinessTime(cal, at('2026-11-24T06:00Z'), { minutes: 30 })).toEqual(at('2026-11-23T16:30Z'));
  });

  it('skips the lunch break of a split shift', () => {
    expect(addBusinessTime(cal, at('2026-11-24T11:00Z'), { hours: 2 })).toEqual(at('2026-11-24T14:00Z'));
  });

  it('adds zero: unchanged when open, next opening when closed', () => {
    expect(addBusinessTime(cal, at('2026-11-23T10:00Z'), 0)).toEqual(at('2026-11-23T10:00Z'));
    expect(addBusinessTime(cal, at('2026-11-23T17:00Z'), 0)).toEqual(at('2026-11-24T07:00Z'));
  });

  it('subtracts zero: unchanged when open, previous close when closed', () => {
    expect(subtractBusinessTime(cal, at('2026-11-23T10:00Z'), 0)).toEqual(at('2026-11-23T10:00Z'));
    expect(subtractBusinessTime(cal, at('2026-11-24T12:30Z'), 0)).toEqual(at('2026-11-24T12:00Z'));
  });

  it('treats a negative duration as the opposite direction', () => {
    expect(addBusinessTime(cal, at('2026-11-24T14:00Z'), -2 * HOUR)).toEqual(at('2026-11-24T11:00Z'));
    expect(subtractBusinessTime(cal, at('2026-11-24T11:00Z'), -2 * HOUR)).toEqual(at('2026-11-24T14:00Z'));
  });

  it('accepts epoch milliseconds and duration objects alike', () => {
    const start = Date.parse('2026-11-23T09:00Z');
    expect(addBusinessTime(cal, start, { hours: 1, minutes: 30, seconds: 15, milliseconds: 5 })).toEqual(
      new Date(start + 90 * MINUTE + 15_005),
    );
  });

  it('measures business time between instants, negative when reversed', () => {
    expect(businessTimeBetween(cal, at('2026-11-23T16:00Z'), at('2026-11-24T08:00Z'))).toBe(2 * HOUR);
    expect(businessTimeBetween(cal, at('2026-11-24T08:00Z'), at('2026-11-23T16:00Z'))).toBe(-2 * HOUR);
  });

  it('adds two years of business hours and inverts exactly', () => {
    const weekdays = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], wed: ['09:00-17:00'] }, holidays: ['2027-07-05'] });
    const start = at('2026-11-23T15:00Z');
    const end = addBusinessTime(weekdays, start, { hours: 16 * 104 });
    // 104 weeks of Mon+Wed, minus the Monday holiday, plus one more day: Mon 2028-11-20 09:00 CST + 8 h.
    expect(end).toEqual(at('2028-11-20T23:00Z'));
    expect(businessTimeBetween(weekdays, start, end)).toBe(16 * 104 * HOUR);
    expect(subtractBusinessTime(weekdays, end, { hours: 16 * 104 })).toEqual(start);
  });
});

describe('next opening and closing', () => {
  const cal = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'], fri: ['22:00-06:00'] } });

  it('returns the instant itself when open, else the next opening', () => {
    expect(nextOpen(cal, at('2026-11-23T10:00Z'))).toEqual(at('2026-11-23T10:00Z'));
    expect(nextOpen(cal, at('2026-11-23T17:00Z'))).toEqual(at('2026-11-27T22:00Z'));
  });

  it('returns the end of the current period, or of the next one when closed', () => {
    expect(nextClose(cal, at('2026-11-23T10:00Z'))).toEqual(at('2026-11-23T17:00Z'));
    expect(nextClose(cal, at('2026-11-23T17:00Z'))).toEqual(at('2026-11-28T06:00Z'));
  });
});

describe('business days', () => {
  const cal = createCalendar({ timeZone: 'America/Chicago', hours: { ...WEEKDAYS_9_TO_5, tue: ['09:00-12:00', '13:00-17:00'] }, holidays: ['2026-11-26'] });

  it('skips weekends and holidays and keeps the local time of day', () => {
    // Wed 2026-11-25 10:00 CST + 2 = Mon 2026-11-30 10:00 CST (Thu is Thanksgiving).
    expect(addBusinessDays(cal, at('2026-11-25T16:00Z'), 2)).toEqual(at('2026-11-30T16:00Z'));
    expect(addBusinessDays(cal, at('2026-11-30T16:00Z'), -2)).toEqual(at('2026-11-25T16:00Z'));
  });

  it('keeps the local time of day across a DST change', () => {
    // Fri 2026-10-30 10:00 CDT (15:00Z) + 1 = Mon 2026-11-02 10:00 CST (16:00Z).
    expect(addBusinessDays(cal, at('2026-10-30T15:00Z'), 1)).toEqual(at('2026-11-02T16:00Z'));
  });

  it("clamps a time outside the target date's hours into them", () => {
    // Mon 20:00 CST + 1 -> Tue, after hours: Tuesday's last close 17:00 CST.
    expect(addBusinessDays(cal, at('2026-11-24T02:00Z'), 1)).toEqual(at('2026-11-24T23:00Z'));
    // Mon 06:00 CST + 1 -> Tue 09:00 CST opening.
    expect(addBusinessDays(cal, at('2026-11-23T12:00Z'), 1)).toEqual(at('2026-11-24T15:00Z'));
    // Mon 12:30 CST + 1 -> Tuesday's lunch break: the next opening, 13:00 CST.
    expect(addBusinessDays(cal, at('2026-11-23T18:30Z'), 1)).toEqual(at('2026-11-24T19:00Z'));
  });

  it('returns the start unchanged for zero days', () => {
    expect(addBusinessDays(cal, at('2026-11-28T18:30Z'), 0)).toEqual(at('2026-11-28T18:30Z'));
  });

  it('counts business days after the first date up to and including the second', () => {
    expect(businessDaysBetween(cal, at('2026-11-25T16:00Z'), at('2026-11-30T16:00Z'))).toBe(2);
    expect(businessDaysBetween(cal, at('2026-11-30T16:00Z'), at('2026-11-25T16:00Z'))).toBe(-2);
    expect(businessDaysBetween(cal, at('2026-11-25T16:00Z'), at('2026-11-25T23:00Z'))).toBe(0);
  });

  it('counts 250 business days without stepping day by day', () => {
    const result = addBusinessDays(cal, at('2026-11-25T16:00Z'), 250);
    expect(businessDaysBetween(cal, at('2026-11-25T16:00Z'), result)).toBe(250);
  });
});
