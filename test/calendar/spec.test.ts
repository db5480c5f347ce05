import { describe, expect, it } from 'vitest';
import {
  CalendarSpecError,
  InvalidArgumentError,
  NoOpenTimeError,
  PolicyCalendarSpecSchema,
  addBusinessDays,
  addBusinessTime,
  createCalendar,
  isOpen,
  nextClose,
  nextOpen,
  openIntervals,
  safeParseCalendarSpec,
  subtractBusinessTime,
  type CalendarSpec,
} from '../../src/calendar/index.js';
import { at } from './helpers.js';
import { thrownError } from '../helpers/errors.js';

function issuesOf(spec: unknown): [string, string][] {
  const result = safeParseCalendarSpec(spec);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.code, issue.path.join('.')]);
}

const thrown = thrownError;

describe('invalid calendar specs', () => {
  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'INVALID_TIME_ZONE', 'timeZone'],
    [{ timeZone: 'America/Chicago', hours: { mon: ['25:00-26:00'] } }, 'INVALID_TIME', 'hours.mon.0'],
    [{ timeZone: 'America/Chicago', hours: { mon: ['09:60-10:00'] } }, 'INVALID_TIME', 'hours.mon.0'],
    [{ timeZone: 'America/Chicago', hours: { mon: ['24:00-10:00'] } }, 'INVALID_TIME', 'hours.mon.0'],
    [{ timeZone: 'America/Chicago', hours: { mon: ['09:00-24:30'] } }, 'INVALID_TIME', 'hours.mon.0'],
    [{ timeZone: 'America/Chicago', hours: { tue: ['9-17'] } }, 'INVALID_TIME_RANGE', 'hours.tue.0'],
    [{ timeZone: 'America/Chicago', hours: { tue: ['09:00 - 17:00'] } }, 'INVALID_TIME_RANGE', 'hours.tue.0'],
    [{ timeZone: 'America/Chicago', hours: { wed: ['09:00-09:00'] } }, 'EMPTY_TIME_RANGE', 'hours.wed.0'],
    [{ timeZone: 'America/Chicago', holidays: ['2026-02-30'] }, 'INVALID_DATE', 'holidays.0'],
    [{ timeZone: 'America/Chicago', holidays: ['12/25/2026'] }, 'INVALID_DATE', 'holidays.0'],
    [{ timeZone: 'America/Chicago', overrides: { '2026-13-01': [] } }, 'INVALID_DATE', 'overrides.2026-13-01'],
    [{ timeZone: 'America/Chicago', holidays: ['2026-12-25'], overrides: { '2026-12-25': [] } }, 'CONFLICTING_DATE', 'overrides.2026-12-25'],
    [{ timeZone: 'America/Chicago', alwaysOpen: true, hours: {} }, 'CONFLICTING_HOURS', 'alwaysOpen'],
    [{ timeZone: 'America/Chicago', hours: { monday: ['09:00-17:00'] } }, 'UNKNOWN_KEY', 'hours.monday'],
    [{ timeZone: 'America/Chicago', hours: { mon: '09:00-17:00' } }, 'INVALID_TYPE', 'hours.mon'],
    [{ hours: {} }, 'REQUIRED', 'timeZone'],
  ])('rejects %j with %s at %s', (spec, code, path) => {
    expect(issuesOf(spec)).toEqual([[code, path]]);
    const error = thrown(() => createCalendar(spec as CalendarSpec));
    expect(error).toBeInstanceOf(CalendarSpecError);
    expect([error.code, error.path.join('.')]).toEqual([code, path]);
  });

  it('lists every problem, not only the first', () => {
    expect(issuesOf({ timeZone: 'Nowhere', hours: { mon: ['x', '09:00-17:00', '18:00-18:00'] }, holidays: ['2026-02-29'] })).toEqual([
      ['INVALID_TIME_ZONE', 'timeZone'],
      ['INVALID_TIME_RANGE', 'hours.mon.0'],
      ['EMPTY_TIME_RANGE', 'hours.mon.2'],
      ['INVALID_DATE', 'holidays.0'],
    ]);
  });

  it('writes messages a policy author can act on', () => {
    const error = thrown(() => createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['25:00-26:00'] } }));
    expect(error.message).toBe(
      'at hours.mon[0]: "25:00" in "25:00-26:00" is not a wall-clock time; hours run 00-23 (24:00 only as a closing time) and minutes 00-59.',
    );
  });

  it('accepts leap days, 24:00 closings and half-hour zones', () => {
    expect(issuesOf({ timeZone: 'Asia/Kolkata', hours: { mon: ['00:00-24:00'], fri: ['22:00-06:00'] }, holidays: ['2028-02-29'] })).toEqual([]);
  });

  it('freezes the calendar and serialises it back to its spec', () => {
    const spec = { timeZone: 'UTC', hours: { mon: ['09:00-17:00'] } };
    const cal = createCalendar(spec);
    expect(Object.isFrozen(cal)).toBe(true);
    expect(JSON.parse(JSON.stringify(cal))).toEqual({ timeZone: 'UTC', spec });
  });
});

describe('invalid arguments', () => {
  const cal = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'] } });

  it.each([
    ['an invalid Date', () => isOpen(cal, new Date('nope')), 'INVALID_INSTANT', 'at'],
    ['an instant before 1900', () => nextOpen(cal, at('1899-12-31T23:59Z')), 'INSTANT_OUT_OF_RANGE', 'from'],
    ['an instant from 2200', () => nextOpen(cal, at('2200-01-01T00:00Z')), 'INSTANT_OUT_OF_RANGE', 'from'],
    ['a NaN duration', () => addBusinessTime(cal, at('2026-11-23T10:00Z'), Number.NaN), 'INVALID_DURATION', 'duration'],
    ['an unknown duration field', () => addBusinessTime(cal, at('2026-11-23T10:00Z'), { days: 1 } as never), 'UNKNOWN_KEY', 'duration.days'],
    ['a misspelt duration field', () => addBusinessTime(cal, at('2026-11-23T10:00Z'), { hour: 4 } as never), 'UNKNOWN_KEY', 'duration.hour'],
    ['a duration field that is not a finite number', () => addBusinessTime(cal, at('2026-11-23T10:00Z'), { hours: Number.NaN }), 'INVALID_DURATION', 'duration.hours'],
    ['a fractional day count', () => addBusinessDays(cal, at('2026-11-23T10:00Z'), 1.5), 'INVALID_DAY_COUNT', 'n'],
    ['something that is not a calendar', () => isOpen({ timeZone: 'UTC' } as never, at('2026-11-23T10:00Z')), 'INVALID_CALENDAR', 'calendar'],
    ['an invalid window end', () => openIntervals(cal, at('2026-11-23T10:00Z'), Number.NaN), 'INVALID_INSTANT', 'to'],
  ])('rejects %s', (_label, fn, code, path) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect([error.code, error.path.join('.')]).toEqual([code, path]);
  });

  it('rejects a result past the supported range instead of wrapping', () => {
    const error = thrown(() => addBusinessTime(cal, at('2199-12-01T00:00Z'), { hours: 400 }));
    expect(error.code).toBe('RESULT_OUT_OF_RANGE');
  });
});

describe('calendars that never open', () => {
  const closed = createCalendar({ timeZone: 'America/Chicago' });
  const once = createCalendar({ timeZone: 'America/Chicago', overrides: { '2026-12-01': ['09:00-10:00'] } });

  it('throws CALENDAR_NEVER_OPENS at once instead of looping', () => {
    const started = performance.now();
    for (const fn of [
      () => nextOpen(closed, at('2026-11-23T10:00Z')),
      () => addBusinessTime(closed, at('2026-11-23T10:00Z'), { hours: 1 }),
      () => subtractBusinessTime(closed, at('2026-11-23T10:00Z'), { hours: 1 }),
      () => addBusinessDays(closed, at('2026-11-23T10:00Z'), 1),
      () => addBusinessTime(once, at('2026-11-23T10:00Z'), { hours: 2 }),
      () => nextOpen(once, at('2026-12-02T00:00Z')),
    ]) {
      const error = thrown(fn);
      expect(error).toBeInstanceOf(NoOpenTimeError);
      expect(error.code).toBe('CALENDAR_NEVER_OPENS');
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('uses the open time it has before giving up', () => {
    expect(addBusinessTime(once, at('2026-11-23T10:00Z'), { minutes: 60 })).toEqual(at('2026-12-01T16:00Z'));
  });

  it('throws CALENDAR_NEVER_CLOSES for nextClose on a 24/7 calendar', () => {
    const always = createCalendar({ timeZone: 'UTC', alwaysOpen: true });
    expect(thrown(() => nextClose(always, at('2026-11-23T10:00Z'))).code).toBe('CALENDAR_NEVER_CLOSES');
  });

  it('finds the close of a 24/7 calendar at its first holiday', () => {
    const always = createCalendar({ timeZone: 'America/Chicago', alwaysOpen: true, holidays: ['2030-12-25'] });
    expect(nextClose(always, at('2026-11-23T10:00Z'))).toEqual(at('2030-12-25T06:00Z'));
  });
});

describe('a calendar a policy counts deadlines on (PolicyCalendarSpecSchema) must open every week', () => {
  /** [code, path] of each issue: the library's code rides on zod's custom issue as `params.code`. */
  function policyIssuesOf(spec: unknown): [string, string][] {
    const result = PolicyCalendarSpecSchema.safeParse(spec);
    if (result.success) return [];
    return result.error.issues.map((issue) => [issue.code === 'custom' ? String(issue.params?.code) : issue.code, issue.path.join('.')]);
  }

  it('accepts weekly hours on at least one day, or alwaysOpen', () => {
    expect(policyIssuesOf({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'] } })).toEqual([]);
    expect(policyIssuesOf({ timeZone: 'America/Chicago', hours: { sat: [], sun: ['10:00-14:00'] } })).toEqual([]);
    expect(policyIssuesOf({ timeZone: 'America/Chicago', alwaysOpen: true, holidays: ['2026-12-25'] })).toEqual([]);
  });

  it.each([
    ['no hours at all', { timeZone: 'America/Chicago' }],
    ['only overrides', { timeZone: 'America/Chicago', hours: {}, overrides: { '2026-12-24': ['09:00-12:00'] } }],
    ['only empty days', { timeZone: 'America/Chicago', hours: { mon: [], fri: [] } }],
    ['days left undefined', { timeZone: 'America/Chicago', hours: { mon: undefined, tue: [] } }],
    ['alwaysOpen: false', { timeZone: 'America/Chicago', alwaysOpen: false }],
  ])('refuses %s with CALENDAR_NEVER_OPENS at the calendar itself', (_label, spec) => {
    expect(policyIssuesOf(spec)).toEqual([['CALENDAR_NEVER_OPENS', '']]);
    // A plain calendar may still be built from it: only a policy needs weekly hours.
    expect(safeParseCalendarSpec(spec).success).toBe(true);
  });
});
