import { describe, expect, it } from 'vitest';
import { addBusinessDays, addBusinessTime, businessTimeBetween, createCalendar, isOpen, nextOpen } from '../../src/calendar/index.js';
import { errorOf } from '../helpers/errors.js';

const desk = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['07:00-19:00'], tue: ['07:00-19:00'] } });

describe('calendar functions take every form of instant alike', () => {
  const iso = '2026-11-23T17:00:00-06:00';
  const date = new Date(iso);

  it('gives the same answer for a Date, epoch milliseconds and an ISO string with an offset', () => {
    for (const t of [iso, date, date.getTime(), '2026-11-23T23:00:00Z']) {
      expect(addBusinessTime(desk, t, { hours: 4 }).toISOString()).toBe('2026-11-24T15:00:00.000Z');
      expect(isOpen(desk, t)).toBe(true);
      expect(addBusinessDays(desk, t, 1).toISOString()).toBe('2026-11-24T23:00:00.000Z');
    }
    expect(businessTimeBetween(desk, iso, '2026-11-24T09:00:00-06:00')).toBe(4 * 3_600_000);
  });

  it('refuses an ISO string without an offset, naming the argument', () => {
    expect(errorOf(() => nextOpen(desk, '2026-11-23T17:00:00'))).toEqual(['INSTANT_WITHOUT_OFFSET', 'from']);
    expect(errorOf(() => businessTimeBetween(desk, iso, 'soon'))).toEqual(['INVALID_INSTANT', 'b']);
    expect(errorOf(() => isOpen(desk, '2200-01-01T00:00:00Z'))).toEqual(['INSTANT_OUT_OF_RANGE', 'at']);
  });
});

describe('calendar functions from plain JavaScript', () => {
  it('law: any argument gives an answer or a SupportRulesError naming it, never another error', async () => {
    const fc = (await import('fast-check')).default;
    const { thrown } = await import('../helpers/malformed.js');
    const junk = fc.oneof(fc.anything(), fc.constantFrom('2026-11-23T17:00:00', '2026-11-23', 'soon', Number.NaN, new Date(Number.NaN), 9e15, -9e15, { hour: 4 }, { hours: '4' }, { hours: Number.POSITIVE_INFINITY }));
    fc.assert(
      fc.property(junk, junk, (a, b) => {
        for (const call of [() => isOpen(desk, a as never), () => nextOpen(desk, a as never), () => addBusinessTime(desk, a as never, b as never), () => businessTimeBetween(desk, a as never, b as never), () => addBusinessDays(desk, a as never, b as never)]) {
          const error = thrown(call);
          if (error) expect(error.path.length, `${error.code}: ${error.message}`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('addBusinessDays at the end of the supported range', () => {
  // A whole-day calendar's last business day ends at 24:00 on 2199-12-31, which is 2200-01-01: out
  // of the range every instant must lie in (found by a warranty property test).
  const allDay = createCalendar({ timeZone: 'UTC', hours: { mon: ['00:00-24:00'], tue: ['00:00-24:00'], wed: ['00:00-24:00'], thu: ['00:00-24:00'], fri: ['00:00-24:00'], sat: ['00:00-24:00'], sun: ['00:00-24:00'] } });

  it('lands on the last day, and refuses the day after with RESULT_OUT_OF_RANGE at n', () => {
    expect(addBusinessDays(allDay, '2199-12-30T12:00:00Z', 1).toISOString()).toBe('2199-12-31T12:00:00.000Z');
    expect(errorOf(() => addBusinessDays(allDay, '2199-12-30T12:00:00Z', 2))).toEqual(['RESULT_OUT_OF_RANGE', 'n']);
    // Chicago desk hours, 12 business days from 2199-12-09: past 2200.
    const weekdays = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['07:00-19:00'], tue: ['07:00-19:00'], wed: ['07:00-19:00'], thu: ['07:00-19:00'], fri: ['07:00-19:00'] } });
    expect(errorOf(() => addBusinessDays(weekdays, 7_256_563_200_000, 12))).toEqual(['RESULT_OUT_OF_RANGE', 'n']);
  });
});
