import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NoOpenTimeError,
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
  type Calendar,
  type CalendarSpec,
} from '../../src/calendar/index.js';
import { DAY_MS, MINUTE_MS, localDateRef, rangesOnDateRef } from '../reference/calendar.js';
import { DST_ZONES, calendarCaseArb } from './arbitraries.js';

// Laws of business time that must hold for every calendar, at any duration (no reference needed).

const NUM_RUNS = Number(process.env.CALENDAR_FC_RUNS ?? 200);
const params = { numRuns: NUM_RUNS };
const HOUR_MS = 60 * MINUTE_MS;
const YEAR_MS = 365 * DAY_MS;
// Results stay within a dozen years of the start, so zone tables are not built out to 2200.
const REACH_MS = 12 * YEAR_MS;

interface Setup {
  readonly cal: Calendar;
  readonly spec: CalendarSpec;
  /** Any ms instant in 2025-2027, often just around a DST change. */
  readonly start: number;
}

/** A random calendar and start; the start is sometimes off the minute grid. */
const setupArb: fc.Arbitrary<Setup> = fc
  .tuple(calendarCaseArb, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MINUTE_MS - 1 })))
  .map(([{ spec, start }, jitter]) => ({ cal: createCalendar(spec), spec, start: start + jitter }));

/** Business time in ms: a few minutes up to several years of open time. */
const durationArb = fc.oneof(
  fc.integer({ min: 1, max: 8 * HOUR_MS }),
  fc.integer({ min: 1, max: 400 * HOUR_MS }),
  fc.integer({ min: 1, max: 3 * YEAR_MS }),
);

/** Caps a duration so the result stays within a dozen years (a sparse calendar spreads years of business time over decades). */
const capForward = (cal: Calendar, start: number, ms: number) => Math.min(ms, businessTimeBetween(cal, start, start + REACH_MS));
const capBackward = (cal: Calendar, end: number, ms: number) => Math.min(ms, businessTimeBetween(cal, end - REACH_MS, end));

const add = (cal: Calendar, start: number, ms: number) => addBusinessTime(cal, start, ms).getTime();
const subtract = (cal: Calendar, end: number, ms: number) => subtractBusinessTime(cal, end, ms).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

describe('laws of business time', () => {
  it('round trip: businessTimeBetween(s, addBusinessTime(s, d)) === d', () => {
    fc.assert(
      fc.property(setupArb, durationArb, ({ cal, start }, wanted) => {
        const d = capForward(cal, start, wanted);
        expect(businessTimeBetween(cal, start, add(cal, start, d))).toBe(d);
      }),
      params,
    );
  });

  it('round trip: businessTimeBetween(subtractBusinessTime(e, d), e) === d', () => {
    fc.assert(
      fc.property(setupArb, durationArb, ({ cal, start }, wanted) => {
        const d = capBackward(cal, start, wanted);
        expect(businessTimeBetween(cal, subtract(cal, start, d), start)).toBe(d);
      }),
      params,
    );
  });

  it('monotonic in duration: d1 <= d2 implies add(s, d1) <= add(s, d2)', () => {
    fc.assert(
      fc.property(setupArb, durationArb, durationArb, ({ cal, start }, x, y) => {
        const [d1, d2] = [capForward(cal, start, Math.min(x, y)), capForward(cal, start, Math.max(x, y))];
        expect(add(cal, start, d1)).toBeLessThanOrEqual(add(cal, start, d2));
      }),
      params,
    );
  });

  it('monotonic in start: s1 <= s2 implies add(s1, d) <= add(s2, d)', () => {
    fc.assert(
      fc.property(setupArb, durationArb, fc.integer({ min: 0, max: 30 * DAY_MS }), ({ cal, start }, wanted, delta) => {
        const later = start + delta;
        const d = capForward(cal, later, wanted);
        expect(add(cal, start, d)).toBeLessThanOrEqual(add(cal, later, d));
      }),
      params,
    );
  });

  it('associative: add(add(s, a), b) === add(s, a + b) for a, b > 0', () => {
    fc.assert(
      fc.property(setupArb, durationArb, durationArb, ({ cal, start }, x, y) => {
        const a = Math.max(1, Math.floor(capForward(cal, start, x) / 2));
        const b = Math.max(1, Math.floor(capForward(cal, start, y) / 2));
        expect(iso(add(cal, add(cal, start, a), b))).toBe(iso(add(cal, start, a + b)));
      }),
      params,
    );
  });

  it('inverse: subtract(add(s, d), d) === nextOpen(s), which is s when s is open', () => {
    fc.assert(
      fc.property(setupArb, durationArb, ({ cal, start }, wanted) => {
        const d = Math.max(1, capForward(cal, start, wanted));
        const back = subtract(cal, add(cal, start, d), d);
        expect(iso(back)).toBe(iso(nextOpen(cal, start).getTime()));
        if (isOpen(cal, start)) expect(iso(back)).toBe(iso(start));
      }),
      params,
    );
  });

  it('lands in open time: addBusinessTime returns an open instant or exactly a closing one', () => {
    fc.assert(
      fc.property(setupArb, fc.oneof(fc.constant(0), durationArb), ({ cal, start }, wanted) => {
        const r = add(cal, start, capForward(cal, start, wanted));
        expect(isOpen(cal, r) || (!isOpen(cal, r) && isOpen(cal, r - 1)), iso(r)).toBe(true);
      }),
      params,
    );
  });

  it('antisymmetric and additive: between(a, b) = -between(b, a); between(a, b) + between(b, c) = between(a, c)', () => {
    const offsetArb = fc.integer({ min: -2 * YEAR_MS, max: 2 * YEAR_MS });
    fc.assert(
      fc.property(setupArb, offsetArb, offsetArb, ({ cal, start }, x, y) => {
        const [a, b, c] = [start, start + x, start + y];
        // Exact (Object.is) equality: an empty reversed span must be 0, never -0.
        const between = (p: number, q: number) => businessTimeBetween(cal, p, q);
        expect(between(a, b)).toBe(0 - between(b, a));
        expect(between(a, b) + between(b, c)).toBe(between(a, c));
      }),
      params,
    );
  });

  it('plain arithmetic: alwaysOpen and every day 00:00-24:00 give r - s === d across DST', () => {
    const allDay = ['00:00-24:00'];
    const calendarsArb = fc.constantFrom(...DST_ZONES).map((timeZone) => [
      createCalendar({ timeZone, alwaysOpen: true }),
      createCalendar({ timeZone, hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } }),
    ]);
    fc.assert(
      fc.property(calendarsArb, setupArb, durationArb, (cals, { start }, d) => {
        for (const cal of cals) {
          expect(add(cal, start, d) - start).toBe(d);
          expect(start - subtract(cal, start, d)).toBe(d);
          expect(businessTimeBetween(cal, start, start + d)).toBe(d);
        }
      }),
      params,
    );
  });

  it('openIntervals pieces are ordered, disjoint, non-touching, open inside and sum to businessTimeBetween', () => {
    fc.assert(
      fc.property(setupArb, fc.integer({ min: 0, max: 60 * DAY_MS }), ({ cal, start }, span) => {
        // From three weeks back, so whole weeks lie between the window start and the holidays near `start`.
        const [from, to] = [start - 21 * DAY_MS, start - 21 * DAY_MS + span];
        const pieces = [...openIntervals(cal, from, to)].map(({ start: s, end: e }) => [s.getTime(), e.getTime()] as const);
        let sum = 0;
        let previousEnd = Number.NEGATIVE_INFINITY;
        for (const [s, e] of pieces) {
          expect(s).toBeGreaterThan(previousEnd); // ordered, disjoint and not touching
          expect(e).toBeGreaterThan(s);
          expect(s >= from && e <= to).toBe(true);
          expect(isOpen(cal, s) && isOpen(cal, e - 1)).toBe(true);
          if (s > from) expect(isOpen(cal, s - 1)).toBe(false);
          if (e < to) expect(isOpen(cal, e)).toBe(false);
          sum += e - s;
          previousEnd = e;
        }
        expect(sum).toBe(businessTimeBetween(cal, from, to));
      }),
      params,
    );
  });
});

describe('laws of opening and closing', () => {
  it('closing: nextClose(t) is closed, the instant before it is open, and open time runs unbroken from nextOpen(t)', () => {
    fc.assert(
      fc.property(setupArb, fc.integer({ min: 0, max: 28 * DAY_MS }), ({ cal, start }, back) => {
        const t = start - back;
        const open = nextOpen(cal, t).getTime();
        let close: number;
        try {
          close = nextClose(cal, t).getTime();
        } catch (error) {
          // A calendar open from here to 2200 has no next close.
          expect((error as NoOpenTimeError).code, String(error)).toBe('CALENDAR_NEVER_CLOSES');
          return;
        }
        expect(isOpen(cal, close), `nextClose(${iso(t)}) = ${iso(close)} is open`).toBe(false);
        expect(isOpen(cal, close - 1)).toBe(true);
        expect(businessTimeBetween(cal, open, close)).toBe(close - open);
      }),
      params,
    );
  });
});

describe('laws of business days', () => {
  it('round trip: addBusinessDays(s, n) lands on a date with hours and businessDaysBetween(s, result) === n', () => {
    fc.assert(
      fc.property(setupArb, fc.integer({ min: -30, max: 30 }), ({ cal, spec, start }, n) => {
        const r = addBusinessDays(cal, start, n).getTime();
        if (n === 0) expect(r).toBe(start);
        else expect(rangesOnDateRef(spec, localDateRef(spec.timeZone, r)), `${iso(r)} is on a closed date`).not.toEqual([]);
        expect(businessDaysBetween(cal, start, r)).toBe(n);
      }),
      params,
    );
  });
});

describe('regressions found by the laws above', () => {
  // Found by the addBusinessDays law (seed 110525758): Kolkata alwaysOpen, holiday 2027-11-28,
  // start 2027-11-28 00:00 IST, n = -1. Minimal form: a closed Saturday, one business day back.
  it('round trip: businessDaysBetween(s, addBusinessDays(s, -1)) === -1 from a closed date', () => {
    const cal = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'], fri: ['09:00-17:00'] } });
    const saturday = Date.UTC(2026, 10, 28, 12);
    const friday = addBusinessDays(cal, saturday, -1);
    expect(friday.toISOString()).toBe('2026-11-27T12:00:00.000Z');
    expect(businessDaysBetween(cal, saturday, friday)).toBe(-1);
  });
});

describe('a calendar that never opens', () => {
  const expectNeverOpens = (run: () => unknown) => {
    const began = performance.now();
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NoOpenTimeError);
    expect((thrown as NoOpenTimeError).code).toBe('CALENDAR_NEVER_OPENS');
    expect(performance.now() - began).toBeLessThan(1000);
  };

  it('does not hang: add, subtract and nextOpen throw CALENDAR_NEVER_OPENS at once', () => {
    const start = Date.UTC(2026, 2, 8, 7, 30);
    for (const spec of [{ timeZone: 'America/Chicago' }, { timeZone: 'Pacific/Chatham', hours: {}, holidays: ['2026-03-09'] }]) {
      const cal = createCalendar(spec);
      expectNeverOpens(() => addBusinessTime(cal, start, { hours: 1 }));
      expectNeverOpens(() => addBusinessTime(cal, start, 0));
      expectNeverOpens(() => subtractBusinessTime(cal, start, { hours: 1 }));
      expectNeverOpens(() => subtractBusinessTime(cal, start, 0));
      expectNeverOpens(() => nextOpen(cal, start));
    }
  });

  it('does not hang: open time only before the start (an override) still throws going forward', () => {
    const cal = createCalendar({ timeZone: 'Asia/Kathmandu', overrides: { '2026-01-05': ['09:00-17:00'] } });
    const start = Date.UTC(2026, 5, 1);
    expectNeverOpens(() => addBusinessTime(cal, start, { hours: 1 }));
    expectNeverOpens(() => nextOpen(cal, start));
    // 2026-01-05 17:00 +05:45 = 11:15Z, 8 h of open time back from June.
    expect(subtractBusinessTime(cal, start, { hours: 8 }).toISOString()).toBe('2026-01-05T03:15:00.000Z');
  });
});
