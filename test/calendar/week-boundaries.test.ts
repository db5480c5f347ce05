import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  createCalendar,
  nextOpen,
  openIntervals,
  subtractBusinessTime,
} from '../../src/calendar/index.js';
import { errorOf } from '../helpers/errors.js';
import { HOUR, MINUTE, WEEKDAYS_9_TO_5, describeIntervals } from './helpers.js';

// Open time is kept week by week (a week runs from local Monday 00:00), so these are the cases
// where an answer sits on a week's last close, reaches across a week with no open time at all, or
// has to start from the week after the only open date.

const iso = (d: Date) => d.toISOString();

describe('the last close of a week', () => {
  it("returns Friday's close when the time runs out exactly there, not Monday's opening", () => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    expect(iso(addBusinessTime(desk, '2026-11-27T13:00:00Z', { hours: 4 }))).toBe('2026-11-27T17:00:00.000Z');
    expect(iso(addBusinessTime(desk, '2026-11-27T13:00:00Z', { hours: 4, milliseconds: 1 }))).toBe('2026-11-30T09:00:00.001Z');
  });

  it('a negative duration from a closed weekend counts forward from Monday opening (and back from Friday close)', () => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    const saturday = '2026-11-28T12:00:00Z';
    expect(iso(subtractBusinessTime(desk, saturday, -30 * MINUTE))).toBe('2026-11-30T09:30:00.000Z');
    expect(iso(addBusinessTime(desk, saturday, -30 * MINUTE))).toBe('2026-11-27T16:30:00.000Z');
  });
});

describe('openIntervals stops at the end of the window', () => {
  it('leaves out an interval that opens exactly at the window end, and keeps the minute after it', () => {
    const cal = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'] } });
    expect([...openIntervals(cal, '2026-11-23T00:00:00Z', '2026-11-23T09:00:00Z')]).toEqual([]);
    expect(describeIntervals(openIntervals(cal, '2026-11-23T00:00:00Z', '2026-11-23T09:01:00Z'))).toEqual([
      ['2026-11-23T09:00:00.000Z', '2026-11-23T09:01:00.000Z', 1 / 60],
    ]);
  });
});

describe('a week with no open time in between', () => {
  // Open on Mondays only, and Monday 2026-11-30 is a holiday: the week of 30 November never opens.
  const mondays = () => createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'] }, holidays: ['2026-11-30'] });

  it('nextOpen skips the closed week to the Monday after it, never back to the Monday before', () => {
    expect(iso(nextOpen(mondays(), '2026-11-28T12:00:00Z'))).toBe('2026-12-07T09:00:00.000Z');
  });

  it('subtracting zero goes back over the closed week to the close before it, never forward', () => {
    expect(iso(subtractBusinessTime(mondays(), '2026-12-07T08:00:00Z', 0))).toBe('2026-11-23T17:00:00.000Z');
    expect(iso(subtractBusinessTime(mondays(), '2026-12-07T08:00:00Z', HOUR))).toBe('2026-11-23T16:00:00.000Z');
  });
});

describe('a calendar open on one Saturday only, seen from the weeks after it', () => {
  const saturday = () => createCalendar({ timeZone: 'UTC', hours: {}, overrides: { '2026-11-28': ['10:00-14:00'] } });

  it('subtracts from the Monday right after it, and from two weeks later', () => {
    expect(iso(subtractBusinessTime(saturday(), '2026-11-30T12:00:00Z', HOUR))).toBe('2026-11-28T13:00:00.000Z');
    expect(iso(subtractBusinessTime(saturday(), '2026-12-09T12:00:00Z', 0))).toBe('2026-11-28T14:00:00.000Z');
    expect(iso(subtractBusinessTime(saturday(), '2026-12-09T12:00:00Z', 4 * HOUR))).toBe('2026-11-28T10:00:00.000Z');
    expect(errorOf(() => subtractBusinessTime(saturday(), '2026-12-09T12:00:00Z', 4 * HOUR + 1))).toEqual(['CALENDAR_NEVER_OPENS', 'calendar']);
  });
});
