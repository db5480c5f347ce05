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
