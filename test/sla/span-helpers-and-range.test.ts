import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { backOfficeClock, WithinSchema, withinKinds, withinMs } from '../../src/sla/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// The span helpers the SLA schema and escalation's deadline spans share, and a back-office deadline
// past the supported range (2200-01-01T00:00:00Z) named at the task's `start`.

const END = Date.UTC(2200, 0, 1);
const HOUR = 3_600_000;

describe('withinMs and withinKinds (doc examples)', () => {
  it('sums business time to whole milliseconds, and has none for days', () => {
    expect(withinMs({ hours: 1, minutes: 30 })).toBe(5_400_000);
    expect(withinMs({ milliseconds: 0.4 })).toBe(0);
    expect(withinMs({ businessDays: 2 })).toBeUndefined();
    expect(withinMs({ days: 3 })).toBeUndefined();
  });

  it('counts the kinds of span given', () => {
    expect(withinKinds({ hours: 1, minutes: 30 })).toBe(1);
    expect(withinKinds({ hours: 4, businessDays: 1 })).toBe(2);
    expect(withinKinds({})).toBe(0);
    expect(withinKinds({ businessDays: 1, days: 1, seconds: 1 })).toBe(3);
  });

  it('law: WithinSchema accepts exactly the spans of one kind with at least a millisecond', () => {
    const part = fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined });
    fc.assert(
      fc.property(fc.record({ hours: part, minutes: part, businessDays: part, days: part }), (raw) => {
        const within = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
        const ok = WithinSchema.safeParse(within).success;
        const ms = withinMs(within);
        const positiveDays = (within.businessDays ?? 1) > 0 && (within.days ?? 1) > 0;
        expect(ok).toBe(withinKinds(within) === 1 && positiveDays && (ms === undefined || ms >= 1));
      }),
    );
  });
});

describe('backOfficeClock past the supported range', () => {
  const weekdays = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } });

  it.each([
    ['business time', { hours: 16 }],
    ['business days', { businessDays: 2 }],
    ['calendar days', { days: 2 }],
  ])('refuses %s counted from Mon 2199-12-30 at ["start"], not at the calendar function\'s own parameter', (_, within) => {
    const start = '2199-12-30T10:00:00Z';
    const error = thrownError(() => backOfficeClock({ id: 'refundIssued', calendar: weekdays, within, start }, start));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['RESULT_OUT_OF_RANGE', ['start']]]);
    expect(error.message).toContain('The deadline "refundIssued", counted from "start" (2199-12-30T10:00:00.000Z), would fall on or after 2200-01-01T00:00:00Z');
  });

  it('names "start" for business days that end exactly at 2200-01-01T00:00Z too', () => {
    const chicago = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['07:00-19:00'], tue: ['07:00-19:00'], wed: ['07:00-19:00'], thu: ['07:00-19:00'], fri: ['07:00-19:00'] } });
    // Fri 2199-12-13 18:00 CST + 12 business days = Tue 2199-12-31 18:00 CST = 2200-01-01T00:00Z.
    const start = '2199-12-14T00:00:00Z';
    const error = thrownError(() => backOfficeClock({ id: 'depot', calendar: chicago, within: { businessDays: 12 }, start }, start));
    expect(error.issues.map((i) => i.path)).toEqual([['start']]);
    expect(error.message).toContain('would fall on or after 2200-01-01T00:00:00Z');
  });

  it('measures a deadline that ends a millisecond before the end of the range', () => {
    const always = createCalendar({ timeZone: 'UTC', alwaysOpen: true });
    const clock = backOfficeClock({ id: 'x', calendar: always, within: { hours: 1 }, start: END - HOUR - 1 }, END - HOUR - 1);
    expect(clock.deadline.getTime()).toBe(END - 1);
    expect(errorOf(() => backOfficeClock({ id: 'x', calendar: always, within: { hours: 1 }, start: END - HOUR }, END - HOUR))).toEqual(['RESULT_OUT_OF_RANGE', 'start']);
  });
});
