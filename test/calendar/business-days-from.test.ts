import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  NoOpenTimeError,
  addBusinessDays,
  businessTimeBetween,
  createCalendar,
  isOpen,
  nextOpen,
  type AddBusinessDaysOptions,
} from '../../src/calendar/index.js';
import type { SupportRulesError } from '../../src/errors/index.js';
import { calendarCaseArb } from './arbitraries.js';
import { HOUR, WEEKDAYS_9_TO_5, at } from './helpers.js';

// addBusinessDays(cal, t, n, { from }): where counting starts when `t` is closed. The default
// ('start') is the contract's wall-clock rule (keep t's local time of day on the n-th later date
// with hours, clamped into its hours); 'next-opening' counts from the next opening, as
// addBusinessTime and the SLA engine's business-day targets do.

const NUM_RUNS = Number(process.env.CALENDAR_FC_RUNS ?? 200);
const params = { numRuns: NUM_RUNS };
const NEXT: AddBusinessDaysOptions = { from: 'next-opening' };
const iso = (d: Date | number) => new Date(d).toISOString();

/** The error `run` throws. */
function thrown(run: () => unknown): SupportRulesError {
  try {
    run();
  } catch (error) {
    return error as SupportRulesError;
  }
  throw new Error('expected a throw');
}

// Mon-Fri 09:00-17:00 in Chicago, closed on Thanksgiving (Thu 2026-11-26).
const desk = createCalendar({ timeZone: 'America/Chicago', hours: WEEKDAYS_9_TO_5, holidays: ['2026-11-26'] });

describe('Saturday 08:00 + 1 business day, both ways (the documented example)', () => {
  const saturday = at('2026-11-21T08:00:00-06:00');

  it("from the start (default): Monday 08:00 clamped to Monday's 09:00 opening, with 0 business hours in between", () => {
    const monday = addBusinessDays(desk, saturday, 1);
    expect(iso(monday)).toBe('2026-11-23T15:00:00.000Z'); // Mon 09:00 CST
    expect(businessTimeBetween(desk, saturday, monday)).toBe(0);
    expect(addBusinessDays(desk, saturday, 1, { from: 'start' })).toEqual(monday);
    expect(addBusinessDays(desk, saturday, 1, {})).toEqual(monday);
    expect(addBusinessDays(desk, saturday, 1, { from: undefined })).toEqual(monday);
  });

  it("from the next opening: Monday 09:00 is day 0, so Tuesday 09:00, a full business day (8 h) later", () => {
    const tuesday = addBusinessDays(desk, saturday, 1, NEXT);
    expect(iso(tuesday)).toBe('2026-11-24T15:00:00.000Z'); // Tue 09:00 CST
    expect(businessTimeBetween(desk, saturday, tuesday)).toBe(8 * HOUR);
  });

  it('the documented doc-comment example', () => {
    expect(iso(addBusinessDays(desk, new Date('2026-11-21T14:00:00Z'), 1))).toBe('2026-11-23T15:00:00.000Z');
    expect(iso(addBusinessDays(desk, new Date('2026-11-21T14:00:00Z'), 1, { from: 'next-opening' }))).toBe('2026-11-24T15:00:00.000Z');
  });
});

describe('docs/calendar.md, "From a closed instant"', () => {
  const plain = createCalendar({ timeZone: 'America/Chicago', hours: WEEKDAYS_9_TO_5 });

  it('the worked example, with an ISO start', () => {
    const saturday = '2026-11-21T08:00:00-06:00';
    expect(iso(addBusinessDays(plain, saturday, 1))).toBe('2026-11-23T15:00:00.000Z');
    expect(businessTimeBetween(plain, saturday, addBusinessDays(plain, saturday, 1))).toBe(0);
    expect(iso(addBusinessDays(plain, saturday, 1, { from: 'next-opening' }))).toBe('2026-11-24T15:00:00.000Z');
    expect(businessTimeBetween(plain, saturday, addBusinessDays(plain, saturday, 1, { from: 'next-opening' })) / 3_600_000).toBe(8);
  });

  it.each([
    ['Saturday 08:00', '2026-11-21T08:00:00-06:00', '2026-11-23T09:00:00-06:00', '2026-11-24T09:00:00-06:00'],
    ['Monday 18:00', '2026-11-23T18:00:00-06:00', '2026-11-24T17:00:00-06:00', '2026-11-25T09:00:00-06:00'],
    ['Monday 08:00', '2026-11-23T08:00:00-06:00', '2026-11-24T09:00:00-06:00', '2026-11-24T09:00:00-06:00'],
    ['Wednesday 10:00', '2026-11-25T10:00:00-06:00', '2026-11-26T10:00:00-06:00', '2026-11-26T10:00:00-06:00'],
  ])('the table: %s + 1', (_label, start, byDefault, fromNextOpening) => {
    expect(addBusinessDays(plain, start, 1)).toEqual(at(byDefault));
    expect(addBusinessDays(plain, start, 1, { from: 'start' })).toEqual(at(byDefault));
    expect(addBusinessDays(plain, start, 1, NEXT)).toEqual(at(fromNextOpening));
  });
});

describe('other closed starts', () => {
  it('after closing on a weekday: Monday 18:00 + 1 is Tuesday 17:00 (clamped to the close) from the start, Wednesday 09:00 from the next opening', () => {
    const evening = at('2026-11-23T18:00:00-06:00');
    expect(iso(addBusinessDays(desk, evening, 1))).toBe('2026-11-24T23:00:00.000Z');
    expect(iso(addBusinessDays(desk, evening, 1, NEXT))).toBe('2026-11-25T15:00:00.000Z');
  });

  it('before opening on a weekday: Monday 08:00 + 1 is Tuesday 09:00 either way (the next opening is on the same date)', () => {
    const early = at('2026-11-23T08:00:00-06:00');
    expect(iso(addBusinessDays(desk, early, 1))).toBe('2026-11-24T15:00:00.000Z');
    expect(iso(addBusinessDays(desk, early, 1, NEXT))).toBe('2026-11-24T15:00:00.000Z');
  });

  it('on a holiday: Thanksgiving 10:00 + 1 is Friday 10:00 from the start, Monday 09:00 from the next opening (Friday 09:00)', () => {
    const thanksgiving = at('2026-11-26T10:00:00-06:00');
    expect(iso(addBusinessDays(desk, thanksgiving, 1))).toBe('2026-11-27T16:00:00.000Z');
    expect(iso(addBusinessDays(desk, thanksgiving, 1, NEXT))).toBe('2026-11-30T15:00:00.000Z');
  });

  it('in the break of a split shift: 12:30 + 1 is 13:00 the next day either way', () => {
    const split = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-12:00', '13:00-17:00'], tue: ['09:00-12:00', '13:00-17:00'] } });
    const lunch = at('2026-11-23T12:30:00-06:00');
    expect(iso(addBusinessDays(split, lunch, 1))).toBe('2026-11-24T19:00:00.000Z');
    expect(iso(addBusinessDays(split, lunch, 1, NEXT))).toBe('2026-11-24T19:00:00.000Z');
  });

  it('across the night clocks go back: Saturday 2026-10-31 08:00 CDT + 1 from the next opening is Tuesday 09:00 CST', () => {
    const saturday = at('2026-10-31T08:00:00-05:00');
    expect(iso(addBusinessDays(desk, saturday, 1))).toBe('2026-11-02T15:00:00.000Z'); // Mon 09:00 CST
    expect(iso(addBusinessDays(desk, saturday, 1, NEXT))).toBe('2026-11-03T15:00:00.000Z'); // Tue 09:00 CST
  });

  it('n = 0: the start unchanged by default, the next opening from the next opening (as adding zero business time does)', () => {
    const saturday = at('2026-11-21T08:00:00-06:00');
    expect(addBusinessDays(desk, saturday, 0)).toEqual(saturday);
    expect(iso(addBusinessDays(desk, saturday, 0, NEXT))).toBe('2026-11-23T15:00:00.000Z');
  });

  it('a negative n counts back from the next opening too: Saturday 08:00 - 1 is Friday 09:00 either way here', () => {
    const saturday = at('2026-11-21T08:00:00-06:00');
    expect(iso(addBusinessDays(desk, saturday, -1))).toBe('2026-11-20T15:00:00.000Z'); // Fri 08:00 clamped to 09:00
    expect(iso(addBusinessDays(desk, saturday, -1, NEXT))).toBe('2026-11-20T15:00:00.000Z'); // Mon 09:00 - 1
    const evening = at('2026-11-23T18:00:00-06:00'); // Mon 18:00
    expect(iso(addBusinessDays(desk, evening, -1))).toBe('2026-11-20T23:00:00.000Z'); // Fri 18:00 clamped to 17:00
    expect(iso(addBusinessDays(desk, evening, -1, NEXT))).toBe('2026-11-23T15:00:00.000Z'); // Tue 09:00 - 1 = Mon 09:00
  });

  it('an open start counts from itself either way', () => {
    const wednesday = at('2026-11-25T10:00:00-06:00');
    expect(iso(addBusinessDays(desk, wednesday, 2, NEXT))).toBe('2026-11-30T16:00:00.000Z');
    expect(addBusinessDays(desk, wednesday, 2, NEXT)).toEqual(addBusinessDays(desk, wednesday, 2));
  });

  it('throws CALENDAR_NEVER_OPENS when no opening follows a closed start, even for n = 0', () => {
    const closed = createCalendar({ timeZone: 'America/Chicago' });
    for (const n of [0, 1]) {
      const error = thrown(() => addBusinessDays(closed, at('2026-11-23T10:00Z'), n, NEXT));
      expect(error).toBeInstanceOf(NoOpenTimeError);
      expect([error.code, error.path]).toEqual(['CALENDAR_NEVER_OPENS', ['calendar']]);
    }
  });
});

describe('the options are checked like every other input', () => {
  const monday = at('2026-11-23T10:00:00-06:00');
  const issuesOf = (options: unknown) => {
    const error = thrown(() => addBusinessDays(desk, monday, 1, options as AddBusinessDaysOptions));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error.issues.map(({ code, path, message, ...rest }) => ({ code, path, ...rest, message }));
  };

  it('UNKNOWN_KEY with a did-you-mean at the option', () => {
    const [issue, ...more] = issuesOf({ form: 'next-opening' });
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ code: 'UNKNOWN_KEY', path: ['options', 'form'], suggestion: 'from', allowed: ['from'] });
    expect(issue?.message).toBe('"form" is not a known field of the addBusinessDays options; did you mean "from"? The fields are from.');
  });

  it('INVALID_VALUE with the allowed values (and a did-you-mean) at options.from', () => {
    const [issue] = issuesOf({ from: 'next-open' });
    expect(issue).toMatchObject({ code: 'INVALID_VALUE', path: ['options', 'from'], allowed: ['start', 'next-opening'], suggestion: 'next-opening' });
    expect(issue?.message).toBe('"next-open" is not allowed here; did you mean "next-opening"? Use one of start and next-opening.');
    expect(issuesOf({ from: 'tomorrow' })[0]).toMatchObject({ code: 'INVALID_VALUE', path: ['options', 'from'], allowed: ['start', 'next-opening'] });
  });

  it('INVALID_TYPE for a from that is not text, or options that are not an object', () => {
    expect(issuesOf({ from: 1 })[0]).toMatchObject({ code: 'INVALID_TYPE', path: ['options', 'from'] });
    expect(issuesOf({ from: null })[0]).toMatchObject({ code: 'INVALID_TYPE', path: ['options', 'from'] });
    for (const options of [null, 'next-opening', ['next-opening'], 7]) expect(issuesOf(options)[0]).toMatchObject({ code: 'INVALID_TYPE', path: ['options'] });
  });

  it('every problem at once', () => {
    expect(issuesOf({ from: 'Next Opening', clamp: false }).map(({ code, path }) => [code, path])).toEqual([
      ['UNKNOWN_KEY', ['options', 'clamp']],
      ['INVALID_VALUE', ['options', 'from']],
    ]);
  });
});

describe('laws of counting from the next opening', () => {
  const setupArb = fc.tuple(calendarCaseArb, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 59_999 }))).map(([{ spec, start }, jitter]) => ({
    cal: createCalendar(spec),
    spec,
    start: start + jitter,
  }));

  it('next opening: from a closed start, the same as counting from nextOpen(start); from an open one, the same as the default', () => {
    fc.assert(
      fc.property(setupArb, fc.integer({ min: -20, max: 20 }), ({ cal, start }, n) => {
        const result = addBusinessDays(cal, start, n, NEXT).getTime();
        const from = isOpen(cal, start) ? start : nextOpen(cal, start).getTime();
        expect(iso(result)).toBe(iso(from === start ? addBusinessDays(cal, start, n) : addBusinessDays(cal, from, n)));
      }),
      params,
    );
  });

  it('a business day holds business time: from the next opening, n >= 1 business days later always has open time in between', () => {
    fc.assert(
      fc.property(setupArb, fc.integer({ min: 1, max: 20 }), ({ cal, start }, n) => {
        const result = addBusinessDays(cal, start, n, NEXT).getTime();
        expect(businessTimeBetween(cal, start, result), `${iso(start)} + ${n} = ${iso(result)}`).toBeGreaterThan(0);
      }),
      params,
    );
  });

  it('monotonic in where it counts from: from the next opening is never earlier than from the start', () => {
    fc.assert(
      fc.property(setupArb, fc.integer({ min: 0, max: 20 }), ({ cal, start }, n) => {
        expect(addBusinessDays(cal, start, n, NEXT).getTime()).toBeGreaterThanOrEqual(addBusinessDays(cal, start, n).getTime());
      }),
      params,
    );
  });
});
