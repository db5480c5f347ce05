import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  createCalendar,
  isOpen,
  nextClose,
  nextOpen,
  openIntervals,
  subtractBusinessTime,
} from '../../src/calendar/index.js';
import { HOUR, MINUTE, at, describeIntervals } from './helpers.js';

// Worked DST cases, derived by hand from each zone's rules (offsets in the comments).

describe('overnight shifts across DST changes', () => {
  it('counts a Chicago 22:00-06:00 shift as 7 h on the night clocks go forward (2026-03-08)', () => {
    const cal = createCalendar({ timeZone: 'America/Chicago', hours: { sat: ['22:00-06:00'] } });
    // Sat 22:00 CST (-06) = 04:00Z; Sun 06:00 CDT (-05) = 11:00Z.
    expect(describeIntervals(openIntervals(cal, at('2026-03-06T00:00Z'), at('2026-03-10T00:00Z')))).toEqual([
      ['2026-03-08T04:00:00.000Z', '2026-03-08T11:00:00.000Z', 7],
    ]);
  });

  it('counts a Chicago 22:00-06:00 shift as 9 h on the night clocks go back (2026-11-01)', () => {
    const cal = createCalendar({ timeZone: 'America/Chicago', hours: { sat: ['22:00-06:00'] } });
    // Sat 22:00 CDT (-05) = 03:00Z; Sun 06:00 CST (-06) = 12:00Z.
    expect(describeIntervals(openIntervals(cal, at('2026-10-30T00:00Z'), at('2026-11-03T00:00Z')))).toEqual([
      ['2026-11-01T03:00:00.000Z', '2026-11-01T12:00:00.000Z', 9],
    ]);
    expect(businessTimeBetween(cal, at('2026-10-31T00:00Z'), at('2026-11-02T00:00Z'))).toBe(9 * HOUR);
  });

  it('counts a London 23:00-07:00 shift as 7 h and 9 h on the change nights', () => {
    const cal = createCalendar({ timeZone: 'Europe/London', hours: { sat: ['23:00-07:00'] } });
    // 2026-03-29: 01:00 GMT -> 02:00 BST. 2026-10-25: 02:00 BST -> 01:00 GMT.
    expect(describeIntervals(openIntervals(cal, at('2026-03-27T00:00Z'), at('2026-03-31T00:00Z')))).toEqual([
      ['2026-03-28T23:00:00.000Z', '2026-03-29T06:00:00.000Z', 7],
    ]);
    expect(describeIntervals(openIntervals(cal, at('2026-10-23T00:00Z'), at('2026-10-27T00:00Z')))).toEqual([
      ['2026-10-24T22:00:00.000Z', '2026-10-25T07:00:00.000Z', 9],
    ]);
  });

  it('counts a Lord Howe 22:00-06:00 shift as 8.5 h and 7.5 h (half-hour DST)', () => {
    const cal = createCalendar({ timeZone: 'Australia/Lord_Howe', hours: { sat: ['22:00-06:00'] } });
    // 2026-04-05 02:00 (+11) -> 01:30 (+10:30); 2026-10-04 02:00 (+10:30) -> 02:30 (+11).
    expect(describeIntervals(openIntervals(cal, at('2026-04-03T00:00Z'), at('2026-04-06T00:00Z')))).toEqual([
      ['2026-04-04T11:00:00.000Z', '2026-04-04T19:30:00.000Z', 8.5],
    ]);
    expect(describeIntervals(openIntervals(cal, at('2026-10-02T00:00Z'), at('2026-10-05T00:00Z')))).toEqual([
      ['2026-10-03T11:30:00.000Z', '2026-10-03T19:00:00.000Z', 7.5],
    ]);
  });

  it("counts a St John's 22:00-06:00 shift as 7 h when -03:30 becomes -02:30", () => {
    const cal = createCalendar({ timeZone: 'America/St_Johns', hours: { sat: ['22:00-06:00'] } });
    expect(describeIntervals(openIntervals(cal, at('2026-03-06T00:00Z'), at('2026-03-10T00:00Z')))).toEqual([
      ['2026-03-08T01:30:00.000Z', '2026-03-08T08:30:00.000Z', 7],
    ]);
  });
});

describe('boundaries that DST skips or repeats', () => {
  it('moves an opening skipped by spring-forward forward by the gap (02:30 -> 03:30 CDT)', () => {
    const cal = createCalendar({ timeZone: 'America/Chicago', hours: { sun: ['02:30-04:00'] } });
    expect(describeIntervals(openIntervals(cal, at('2026-03-08T00:00Z'), at('2026-03-09T00:00Z')))).toEqual([
      ['2026-03-08T08:30:00.000Z', '2026-03-08T09:00:00.000Z', 0.5],
    ]);
  });

  it('takes the first occurrence of a repeated opening (01:30 CDT on 2026-11-01)', () => {
    const cal = createCalendar({ timeZone: 'America/Chicago', hours: { sun: ['01:30-03:00'] } });
    // 01:30 CDT = 06:30Z (first occurrence); 03:00 CST = 09:00Z.
    expect(describeIntervals(openIntervals(cal, at('2026-11-01T00:00Z'), at('2026-11-02T00:00Z')))).toEqual([
      ['2026-11-01T06:30:00.000Z', '2026-11-01T09:00:00.000Z', 2.5],
    ]);
  });

  it('drops a range that DST collapses to nothing', () => {
    const cal = createCalendar({ timeZone: 'America/Chicago', hours: { sun: ['02:30-03:15'] } });
    // 02:30 is skipped and moves to 03:30 CDT, after the 03:15 close.
    expect([...openIntervals(cal, at('2026-03-08T00:00Z'), at('2026-03-09T00:00Z'))]).toEqual([]);
  });

  it('closes a range that DST shrinks to no time at all (02:30-03:30 on the night clocks go forward)', () => {
    const cal = createCalendar({ timeZone: 'America/Chicago', hours: { sun: ['02:30-03:30'] } });
    // Both ends land on 03:30 CDT (08:30Z): the range is empty that night, so the next opening is a week later.
    expect(isOpen(cal, at('2026-03-08T08:30Z'))).toBe(false);
    expect(nextOpen(cal, at('2026-03-08T06:00Z'))).toEqual(at('2026-03-15T07:30Z'));
    expect(businessTimeBetween(cal, at('2026-03-07T00:00Z'), at('2026-03-10T00:00Z'))).toBe(0);
  });

  it('finds the week that holds an instant when the week start itself is skipped (Toronto, 1919-03-30 23:30 EST -> 00:30 EDT)', () => {
    // Local Monday 00:00, where a week starts, never happened: it counts as 01:00 EDT (05:00Z), and
    // the half hour before it (00:30-01:00 EDT) still belongs to the week before.
    const cal = createCalendar({ timeZone: 'America/Toronto', hours: { sun: ['22:00-02:00'] } });
    // Sunday 22:00 EST = 03:00Z to Monday 02:00 EDT = 06:00Z: three hours, one fewer than the wall clock says.
    expect(isOpen(cal, at('1919-03-31T04:45Z'))).toBe(true);
    expect(nextClose(cal, at('1919-03-31T04:45Z'))).toEqual(at('1919-03-31T06:00Z'));
    expect(businessTimeBetween(cal, at('1919-03-30T00:00Z'), at('1919-04-01T00:00Z'))).toBe(3 * HOUR);
  });

  it('counts the hour lost at a Monday midnight over many weeks (Tehran, 2021-03-22 00:00 -> 01:00)', () => {
    // Open 24/7 but for a holiday far away, so the weeks are summed (not plain elapsed time).
    const cal = createCalendar({ timeZone: 'Asia/Tehran', alwaysOpen: true, holidays: ['2021-12-25'] });
    const start = at('2021-03-01T00:00:00+03:30');
    const end = at('2021-04-30T00:00:00+04:30');
    expect(businessTimeBetween(cal, start, end)).toBe(end.getTime() - start.getTime());
    expect(businessTimeBetween(cal, start, end)).toBe((60 * 24 - 1) * HOUR);
    expect(addBusinessTime(cal, start, (60 * 24 - 1) * HOUR)).toEqual(end);
  });

  it('keeps a 24/7 calendar equal to elapsed time across both changes', () => {
    const cal = createCalendar({ timeZone: 'Europe/Berlin', alwaysOpen: true });
    const start = at('2026-03-28T12:00Z');
    expect(addBusinessTime(cal, start, { hours: 24 * 240 }).getTime() - start.getTime()).toBe(24 * 240 * HOUR);
  });
});

describe('adding business time over a DST change', () => {
  const cal = createCalendar({
    timeZone: 'America/Chicago',
    hours: { fri: ['09:00-17:00'], mon: ['09:00-17:00'] },
  });

  it('keeps wall-clock hours on both sides of spring-forward', () => {
    // Fri 2026-03-06 16:00 CST (22:00Z) + 2 h = Mon 2026-03-09 10:00 CDT (15:00Z).
    expect(addBusinessTime(cal, at('2026-03-06T22:00Z'), { hours: 2 })).toEqual(at('2026-03-09T15:00Z'));
    expect(subtractBusinessTime(cal, at('2026-03-09T15:00Z'), { hours: 2 })).toEqual(at('2026-03-06T22:00Z'));
    expect(businessTimeBetween(cal, at('2026-03-06T22:00Z'), at('2026-03-09T15:00Z'))).toBe(2 * HOUR);
  });

  it('keeps wall-clock hours in a +05:45 zone', () => {
    const kathmandu = createCalendar({ timeZone: 'Asia/Kathmandu', hours: { mon: ['09:00-17:00'] } });
    // Mon 2026-11-23 09:00 +05:45 = 03:15Z.
    expect(isOpen(kathmandu, at('2026-11-23T03:15Z'))).toBe(true);
    expect(isOpen(kathmandu, at('2026-11-23T03:14Z'))).toBe(false);
    expect(addBusinessTime(kathmandu, at('2026-11-23T00:00Z'), { hours: 4 })).toEqual(at('2026-11-23T07:15Z'));
    expect(nextClose(kathmandu, at('2026-11-23T05:00Z'))).toEqual(at('2026-11-23T11:15Z'));
  });

  it('adds across the repeated hour in real elapsed time', () => {
    const night = createCalendar({ timeZone: 'America/Chicago', hours: { sun: ['00:00-04:00'] } });
    // 2026-11-01 00:00 CDT = 05:00Z to 04:00 CST = 10:00Z: 5 h of open time.
    expect(businessTimeBetween(night, at('2026-11-01T00:00Z'), at('2026-11-02T00:00Z'))).toBe(5 * HOUR);
    expect(addBusinessTime(night, at('2026-11-01T05:00Z'), 150 * MINUTE)).toEqual(at('2026-11-01T07:30Z'));
  });
});
