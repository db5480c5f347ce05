import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, createCalendar, nextClose, nextOpen, subtractBusinessTime } from '../../src/calendar/index.js';
import { errorOf } from '../helpers/errors.js';
import { HOUR } from './helpers.js';

// A calendar with no weekly hours opens only on its overrides (a pop-up desk, an annual stocktake
// line). Searches must skip the empty weeks between overrides in both directions, across the
// nights the clocks change, and still land on the exact minute.

describe('a calendar open only on its overrides', () => {
  // Two Saturdays a year in New York: one in winter time, one in summer time.
  const popUp = createCalendar({
    timeZone: 'America/New_York',
    hours: {},
    overrides: { '2026-01-10': ['10:00-14:00'], '2026-07-11': ['10:00-14:00'] },
  });

  it('goes back half a year, over the spring-forward night, to the last override (subtracting nothing)', () => {
    // From 2026-12-01: the last close is Sat 11 July 14:00 EDT.
    expect(subtractBusinessTime(popUp, '2026-12-01T00:00:00Z', 0).toISOString()).toBe('2026-07-11T18:00:00.000Z');
    // From the middle of June: back over 8 March (spring forward) to Sat 10 January 14:00 EST.
    expect(subtractBusinessTime(popUp, '2026-06-15T12:00:00Z', 0).toISOString()).toBe('2026-01-10T19:00:00.000Z');
  });

  it('subtracts business hours across the empty weeks between the two days', () => {
    // 5 hours before 2026-12-01: all 4 hours of 11 July and the last hour of 10 January.
    expect(subtractBusinessTime(popUp, '2026-12-01T00:00:00Z', { hours: 5 }).toISOString()).toBe('2026-01-10T18:00:00.000Z');
    expect(subtractBusinessTime(popUp, '2026-12-01T00:00:00Z', { hours: 4 }).toISOString()).toBe('2026-07-11T14:00:00.000Z');
    expect(businessTimeBetween(popUp, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')).toBe(8 * HOUR);
  });

  it('finds the next opening and closing months ahead, and the instants agree with addBusinessTime', () => {
    expect(nextOpen(popUp, '2026-01-10T19:00:00Z').toISOString()).toBe('2026-07-11T14:00:00.000Z');
    expect(nextClose(popUp, '2026-02-01T00:00:00Z').toISOString()).toBe('2026-07-11T18:00:00.000Z');
    // From 12:00 EST on 10 January: 2 hours that day, the third from 10:00 EDT on 11 July.
    expect(addBusinessTime(popUp, '2026-01-10T17:00:00Z', { hours: 3 }).toISOString()).toBe('2026-07-11T15:00:00.000Z');
  });

  it('refuses to go back before the first override, and forward past the last, with CALENDAR_NEVER_OPENS', () => {
    expect(errorOf(() => subtractBusinessTime(popUp, '2026-01-05T00:00:00Z', 0))).toEqual(['CALENDAR_NEVER_OPENS', 'calendar']);
    expect(errorOf(() => subtractBusinessTime(popUp, '2026-12-01T00:00:00Z', { hours: 9 }))).toEqual(['CALENDAR_NEVER_OPENS', 'calendar']);
    expect(errorOf(() => addBusinessTime(popUp, '2026-07-11T17:00:00Z', { hours: 2 }))).toEqual(['CALENDAR_NEVER_OPENS', 'calendar']);
  });
});
