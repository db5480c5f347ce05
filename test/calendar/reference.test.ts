import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NoOpenTimeError,
  addBusinessTime,
  businessTimeBetween,
  createCalendar,
  isOpen,
  nextClose,
  nextOpen,
  openIntervals,
  subtractBusinessTime,
  type Calendar,
} from '../../src/calendar/index.js';
import {
  DAY_MS,
  MINUTE_MS,
  ReferenceWindowError,
  addRef,
  betweenRef,
  isOpenRef,
  nextCloseRef,
  nextOpenRef,
  referenceCalendar,
  subtractRef,
  type ReferenceCalendar,
} from '../reference/calendar.js';
import { calendarCaseArb, type CalendarCase } from './arbitraries.js';

// Differential tests: the library against the minute-stepping reference in test/reference/, on
// random calendars in zones with odd offsets and DST, around each zone's offset changes.

// CALENDAR_FC_RUNS raises the count for a longer bug hunt; the default keeps the file well under 20 s.
const NUM_RUNS = Number(process.env.CALENDAR_FC_RUNS ?? 160);
const WINDOW_MS = 21 * DAY_MS;
const MAX_MINUTES = 3 * 1440; // about three business days: minute stepping stays fast

interface Setup {
  readonly cal: Calendar;
  readonly ref: ReferenceCalendar;
  readonly start: number;
}

function setup({ spec, start }: CalendarCase): Setup {
  return { cal: createCalendar(spec), ref: referenceCalendar(spec, start - WINDOW_MS, start + WINDOW_MS), start };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The reference's answer, or undefined when it lies outside the reference window. */
function refOrOutside(compute: () => number): number | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ReferenceWindowError) return undefined;
    throw error;
  }
}

/** The library's answer, or 'none' for a NoOpenTimeError. */
function libOrNone(compute: () => Date): number | 'none' {
  try {
    return compute().getTime();
  } catch (error) {
    if (error instanceof NoOpenTimeError) return 'none';
    throw error;
  }
}

/** Same instant, or, when the reference ran out of window, an answer outside the window too. */
function expectSame(what: string, ref: ReferenceCalendar, actual: number | 'none', expected: number | undefined): void {
  if (expected === undefined) {
    expect(actual === 'none' || actual >= ref.to || actual < ref.from, `${what}: reference ran out of window, library said ${actual}`).toBe(true);
  } else {
    expect(actual === 'none' ? 'none' : iso(actual), what).toBe(iso(expected));
  }
}

const minutesArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: MAX_MINUTES }));
const params = { numRuns: NUM_RUNS };

describe('the reference itself reproduces hand-worked DST cases', () => {
  const intervalsOf = (spec: CalendarCase['spec'], from: string, to: string) =>
    referenceCalendar(spec, Date.parse(from), Date.parse(to)).intervals.map(([s, e]) => [iso(s), iso(e)]);

  it('counts a Chicago 22:00-06:00 shift as 7 h on the night clocks go forward', () => {
    expect(intervalsOf({ timeZone: 'America/Chicago', hours: { sat: ['22:00-06:00'] } }, '2026-03-06T00:00Z', '2026-03-10T00:00Z')).toEqual([
      ['2026-03-08T04:00:00.000Z', '2026-03-08T11:00:00.000Z'],
    ]);
  });

  it('moves a skipped 02:30 forward to 03:30 CDT and takes the first 01:30 of the repeated hour', () => {
    const spec = { timeZone: 'America/Chicago', hours: { sun: ['02:30-04:00'] }, overrides: { '2026-11-01': ['01:30-03:00'] } };
    expect(intervalsOf(spec, '2026-03-08T00:00Z', '2026-03-09T00:00Z')).toEqual([['2026-03-08T08:30:00.000Z', '2026-03-08T09:00:00.000Z']]);
    expect(intervalsOf(spec, '2026-11-01T00:00Z', '2026-11-02T00:00Z')).toEqual([['2026-11-01T06:30:00.000Z', '2026-11-01T09:00:00.000Z']]);
  });

  it('keeps a +12:45 zone on the minute grid (Chatham, Mon 09:00-17:00)', () => {
    expect(intervalsOf({ timeZone: 'Pacific/Chatham', hours: { mon: ['09:00-17:00'] } }, '2026-07-05T00:00Z', '2026-07-07T00:00Z')).toEqual([
      ['2026-07-05T20:15:00.000Z', '2026-07-06T04:15:00.000Z'],
    ]);
  });
});

describe('the calendar agrees with the minute-stepping reference', () => {
  it('agrees on open intervals and isOpen around every boundary', () => {
    fc.assert(
      fc.property(calendarCaseArb, (c) => {
        const { cal, ref, start } = setup(c);
        const from = start - 7 * DAY_MS;
        const to = start + 7 * DAY_MS;
        const expected = ref.intervals
          .filter(([s, e]) => e > from && s < to)
          .map(([s, e]) => `${iso(Math.max(s, from))} - ${iso(Math.min(e, to))}`);
        const actual = [...openIntervals(cal, from, to)].map(({ start: s, end: e }) => `${iso(s.getTime())} - ${iso(e.getTime())}`);
        expect(actual).toEqual(expected);
        const probes = [start, ...ref.intervals.filter(([s, e]) => e > from && s < to).flat()];
        for (const t of probes.flatMap((p) => [p - MINUTE_MS, p, p + MINUTE_MS]).filter((p) => p >= from && p < to)) {
          expect(isOpen(cal, t), `isOpen(${iso(t)})`).toBe(isOpenRef(ref, t));
        }
      }),
      params,
    );
  });

  it('agrees on nextOpen and nextClose', () => {
    fc.assert(
      fc.property(calendarCaseArb, (c) => {
        const { cal, ref, start } = setup(c);
        // Also from one and two weeks earlier, so runs of whole weeks lie between the probe and the exceptions.
        for (const t of [start, start - 7 * DAY_MS, start - 14 * DAY_MS]) {
          expectSame(`nextOpen(${iso(t)})`, ref, libOrNone(() => nextOpen(cal, t)), refOrOutside(() => nextOpenRef(ref, t)));
          expectSame(`nextClose(${iso(t)})`, ref, libOrNone(() => nextClose(cal, t)), refOrOutside(() => nextCloseRef(ref, t)));
        }
      }),
      params,
    );
  });

  it('agrees on addBusinessTime (and adding a negative duration)', () => {
    fc.assert(
      fc.property(calendarCaseArb, minutesArb, (c, wanted) => {
        const { cal, ref, start } = setup(c);
        const minutes = Math.min(wanted, betweenRef(ref, start, ref.to) / MINUTE_MS);
        const expected = refOrOutside(() => addRef(ref, start, minutes));
        expectSame(`add ${minutes} min`, ref, libOrNone(() => addBusinessTime(cal, start, minutes * MINUTE_MS)), expected);
        // A negative duration subtracts.
        const back = Math.min(wanted, betweenRef(ref, ref.from, start) / MINUTE_MS);
        if (back > 0) {
          const expectedBack = refOrOutside(() => subtractRef(ref, start, back));
          expectSame(`add -${back} min`, ref, libOrNone(() => addBusinessTime(cal, start, { minutes: -back })), expectedBack);
        }
      }),
      params,
    );
  });

  it('agrees on subtractBusinessTime', () => {
    fc.assert(
      fc.property(calendarCaseArb, minutesArb, (c, wanted) => {
        const { cal, ref, start } = setup(c);
        const minutes = Math.min(wanted, betweenRef(ref, ref.from, start) / MINUTE_MS);
        const expected = refOrOutside(() => subtractRef(ref, start, minutes));
        expectSame(`subtract ${minutes} min`, ref, libOrNone(() => subtractBusinessTime(cal, start, minutes * MINUTE_MS)), expected);
      }),
      params,
    );
  });

  it('agrees on businessTimeBetween in both directions', () => {
    fc.assert(
      fc.property(calendarCaseArb, fc.integer({ min: -5 * 1440, max: 5 * 1440 }), (c, offsetMinutes) => {
        const { cal, ref, start } = setup(c);
        const other = start + offsetMinutes * MINUTE_MS;
        expect(businessTimeBetween(cal, start, other)).toBe(betweenRef(ref, start, other));
        expect(businessTimeBetween(cal, other, start)).toBe(betweenRef(ref, other, start));
      }),
      params,
    );
  });
});

describe('regressions found by the differential tests', () => {
  // Found by 'agrees on open intervals' (seed -1237848772): America/Chicago alwaysOpen with
  // holiday 2026-07-27, window from 2026-07-17. Minimal form in UTC below.
  const cal = createCalendar({ timeZone: 'UTC', alwaysOpen: true, holidays: ['2026-07-27'] });
  const wednesday = Date.UTC(2026, 6, 15);

  it('nextClose runs through a whole open week to the Monday holiday', () => {
    expect(nextClose(cal, wednesday).toISOString()).toBe('2026-07-27T00:00:00.000Z');
  });

  it('openIntervals does not split an open period at a skipped week boundary', () => {
    const pieces = [...openIntervals(cal, wednesday, Date.UTC(2026, 7, 1))].map(({ start, end }) => `${iso(start.getTime())} - ${iso(end.getTime())}`);
    expect(pieces).toEqual(['2026-07-15T00:00:00.000Z - 2026-07-27T00:00:00.000Z', '2026-07-28T00:00:00.000Z - 2026-08-01T00:00:00.000Z']);
  });
});
