import { describe, expect, it } from 'vitest';
import {
  NoOpenTimeError,
  addBusinessDays,
  addBusinessTime,
  businessDaysBetween,
  createCalendar,
  nextClose,
  nextOpen,
  openIntervals,
  subtractBusinessTime,
  type Duration,
} from '../../src/calendar/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';
import { HOUR, WEEKDAYS_9_TO_5 } from './helpers.js';

// Every error names the argument it is about, so a caller can map it back to its own field, and a
// NoOpenTimeError carries its facts: which way the search went and from where.

const MONDAY_10 = '2026-11-23T10:00:00Z';

describe('a bad instant is reported at the argument that holds it', () => {
  it.each([
    ['addBusinessTime', 'start'],
    ['subtractBusinessTime', 'end'],
    ['addBusinessDays', 'start'],
    ['nextClose', 'from'],
    ['openIntervals', 'from'],
    ['businessDaysBetween (first)', 'a'],
    ['businessDaysBetween (second)', 'b'],
  ])('%s: INVALID_INSTANT at %s', (name, path) => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    const calls: Record<string, () => unknown> = {
      addBusinessTime: () => addBusinessTime(desk, 'soon', HOUR),
      subtractBusinessTime: () => subtractBusinessTime(desk, 'soon', HOUR),
      addBusinessDays: () => addBusinessDays(desk, 'soon', 1),
      nextClose: () => nextClose(desk, 'soon'),
      openIntervals: () => openIntervals(desk, 'soon', MONDAY_10),
      'businessDaysBetween (first)': () => businessDaysBetween(desk, 'soon', MONDAY_10),
      'businessDaysBetween (second)': () => businessDaysBetween(desk, MONDAY_10, 'soon'),
    };
    expect(errorOf(calls[name] as () => unknown)).toEqual(['INVALID_INSTANT', path]);
  });
});

describe('durations from plain JavaScript', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['text', '4 hours'],
    ['a boolean', true],
  ])('refuses %s with INVALID_DURATION at duration, never reading it as zero or as fields', (_label, duration) => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    expect(errorOf(() => addBusinessTime(desk, MONDAY_10, duration as unknown as Duration))).toEqual(['INVALID_DURATION', 'duration']);
    expect(errorOf(() => subtractBusinessTime(desk, MONDAY_10, duration as unknown as Duration))).toEqual(['INVALID_DURATION', 'duration']);
  });

  it.each([
    ['text', { hours: '4' }, 'duration.hours'],
    ['null', { minutes: null }, 'duration.minutes'],
    ['infinite', { seconds: Number.POSITIVE_INFINITY }, 'duration.seconds'],
  ])('refuses a field that is %s with INVALID_DURATION at the field, never coercing it', (_label, duration, path) => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    expect(errorOf(() => addBusinessTime(desk, MONDAY_10, duration as unknown as Duration))).toEqual(['INVALID_DURATION', path]);
  });

  it('skips a field that is present but undefined, as an optional field spread from another object is', () => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    const extra: { minutes?: number } = {};
    expect(addBusinessTime(desk, MONDAY_10, { hours: 4, minutes: extra.minutes })).toEqual(new Date('2026-11-23T14:00:00Z'));
    expect(subtractBusinessTime(desk, MONDAY_10, { hours: 1, seconds: undefined })).toEqual(new Date('2026-11-23T09:00:00Z'));
  });
});

describe('NoOpenTimeError says which way it looked and from where', () => {
  const from = '2026-11-23T10:00:00.000Z';
  const facts = (run: () => unknown) => {
    const error = thrownError(run);
    expect(error).toBeInstanceOf(NoOpenTimeError);
    return [error.code, error.path.join('.'), error.details];
  };
  const after = ['CALENDAR_NEVER_OPENS', 'calendar', { direction: 'after', from }];
  const before = ['CALENDAR_NEVER_OPENS', 'calendar', { direction: 'before', from }];

  it('looking forward on a calendar with no hours: nextOpen, nextClose, adding time or days', () => {
    const closed = createCalendar({ timeZone: 'UTC' });
    expect(facts(() => nextOpen(closed, from))).toEqual(after);
    expect(facts(() => nextClose(closed, from))).toEqual(after);
    expect(facts(() => addBusinessTime(closed, from, 0))).toEqual(after);
    expect(facts(() => addBusinessTime(closed, from, HOUR))).toEqual(after);
    expect(facts(() => addBusinessDays(closed, from, 1))).toEqual(after);
    expect(facts(() => addBusinessDays(closed, from, 0, { from: 'next-opening' }))).toEqual(after);
  });

  it('looking back on a calendar with no hours: subtracting time, or a negative number of days', () => {
    const closed = createCalendar({ timeZone: 'UTC' });
    expect(facts(() => subtractBusinessTime(closed, from, 0))).toEqual(before);
    expect(facts(() => subtractBusinessTime(closed, from, HOUR))).toEqual(before);
    expect(facts(() => addBusinessTime(closed, from, -HOUR))).toEqual(before);
    expect(facts(() => addBusinessDays(closed, from, -1))).toEqual(before);
  });

  it('CALENDAR_NEVER_CLOSES names the instant it looked from', () => {
    const always = createCalendar({ timeZone: 'UTC', alwaysOpen: true });
    expect(facts(() => nextClose(always, from))).toEqual(['CALENDAR_NEVER_CLOSES', 'calendar', { from }]);
  });
});
