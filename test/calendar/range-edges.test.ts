import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  createCalendar,
  nextClose,
  nextOpen,
  subtractBusinessTime,
} from '../../src/calendar/index.js';
import { errorOf } from '../helpers/errors.js';
import { HOUR, WEEKDAYS_9_TO_5 } from './helpers.js';

// Every instant a calendar function returns lies in the supported range
// [1900-01-01T00:00Z, 2200-01-01T00:00Z); an answer outside it is RESULT_OUT_OF_RANGE at the
// argument that took it there, never a Date past the edge. 1900-01-01 is a Monday, 2199-12-31 a
// Tuesday and 2200-01-01 a Wednesday. Each test builds its calendar, so it checks compiling too.
// The 1900 tests use other zones than the 2200 ones (Etc/GMT is UTC, Etc/GMT+6 is UTC-06:00), so
// no zone's offset table has to span three centuries and every test stays fast.

const iso = (d: Date) => d.toISOString();

describe('the end of the range, 2200-01-01T00:00Z (exclusive)', () => {
  it('nextOpen and nextClose answer up to the last closing before 2200, and refuse the opening after it at from', () => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    expect(iso(nextOpen(desk, '2199-12-31T08:00:00Z'))).toBe('2199-12-31T09:00:00.000Z');
    expect(iso(nextClose(desk, '2199-12-31T16:00:00Z'))).toBe('2199-12-31T17:00:00.000Z');
    // Tuesday evening: the next opening is Wednesday 2200-01-01 09:00, out of range.
    expect(errorOf(() => nextOpen(desk, '2199-12-31T20:00:00Z'))).toEqual(['RESULT_OUT_OF_RANGE', 'from']);
    expect(errorOf(() => nextClose(desk, '2199-12-31T20:00:00Z'))).toEqual(['RESULT_OUT_OF_RANGE', 'from']);
  });

  it('adding zero from the last evening refuses the opening in 2200 at duration, as adding an hour does', () => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    expect(errorOf(() => addBusinessTime(desk, '2199-12-31T20:00:00Z', 0))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
    expect(errorOf(() => addBusinessTime(desk, '2199-12-31T20:00:00Z', HOUR))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
    expect(errorOf(() => addBusinessDays(desk, '2199-12-31T20:00:00Z', 0, { from: 'next-opening' }))).toEqual(['RESULT_OUT_OF_RANGE', 'n']);
  });

  it('refuses a result that lands exactly on 2200-01-01T00:00Z, a closing at 24:00 on the last day', () => {
    const lateDesk = createCalendar({ timeZone: 'UTC', hours: { tue: ['12:00-24:00'] } });
    expect(iso(addBusinessTime(lateDesk, '2199-12-31T22:00:00Z', HOUR))).toBe('2199-12-31T23:00:00.000Z');
    expect(errorOf(() => addBusinessTime(lateDesk, '2199-12-31T22:00:00Z', 2 * HOUR))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
  });

  it('refuses business time that runs into 2200, whether it lands in the last week or years past it', () => {
    const desk = createCalendar({ timeZone: 'UTC', hours: WEEKDAYS_9_TO_5 });
    // One hour on Tuesday, the second on Wednesday 2200-01-01.
    expect(errorOf(() => addBusinessTime(desk, '2199-12-31T16:00:00Z', 2 * HOUR))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
    expect(errorOf(() => addBusinessTime(desk, '2199-12-01T00:00:00Z', { hours: 400 }))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
    expect(errorOf(() => addBusinessTime(desk, '2199-12-01T00:00:00Z', { hours: 40 * 200 }))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
    expect(errorOf(() => subtractBusinessTime(desk, '2199-12-31T16:00:00Z', -2 * HOUR))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
  });

  it('addBusinessDays refuses the last day when its local time is already 2200 in UTC (Chicago, 19:00 on 2199-12-31)', () => {
    const evenings = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-23:00'], tue: ['09:00-23:00'] } });
    // Monday 2199-12-30 18:00 CST + 1 is Tuesday 18:00 CST = 2200-01-01T00:00Z: out, by 0 ms.
    expect(errorOf(() => addBusinessDays(evenings, '2199-12-30T18:00:00-06:00', 1))).toEqual(['RESULT_OUT_OF_RANGE', 'n']);
    expect(iso(addBusinessDays(evenings, '2199-12-30T17:59:00-06:00', 1))).toBe('2199-12-31T23:59:00.000Z');
  });

  it('addBusinessDays refuses local date 2200-01-01 even where it begins before 2200 in UTC (Tokyo, +09:00)', () => {
    const tokyo = createCalendar({ timeZone: 'Asia/Tokyo', hours: { tue: ['00:00-24:00'], wed: ['00:00-24:00'] } });
    // Tuesday 2199-12-31 08:00 JST + 1 would be Wednesday 2200-01-01 08:00 JST = 2199-12-31T23:00Z.
    expect(errorOf(() => addBusinessDays(tokyo, '2199-12-31T08:00:00+09:00', 1))).toEqual(['RESULT_OUT_OF_RANGE', 'n']);
    expect(iso(addBusinessDays(tokyo, '2199-12-24T08:00:00+09:00', 2))).toBe('2199-12-30T23:00:00.000Z');
  });
});

describe('the start of the range, 1900-01-01T00:00Z (inclusive)', () => {
  it('subtracting zero before the first opening of 1900 refuses the closing of 1899 at duration', () => {
    const desk = createCalendar({ timeZone: 'Etc/GMT', hours: WEEKDAYS_9_TO_5 });
    expect(iso(subtractBusinessTime(desk, '1900-01-01T18:00:00Z', 0))).toBe('1900-01-01T17:00:00.000Z');
    // Monday 05:00: the previous close is Friday 1899-12-29 17:00.
    expect(errorOf(() => subtractBusinessTime(desk, '1900-01-01T05:00:00Z', 0))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
  });

  it('lands exactly on 1900-01-01T00:00Z, and refuses one millisecond more, or years more', () => {
    const allDay = createCalendar({ timeZone: 'Etc/GMT', hours: { mon: ['00:00-24:00'], tue: ['00:00-24:00'] } });
    expect(iso(subtractBusinessTime(allDay, '1900-01-01T01:00:00Z', HOUR))).toBe('1900-01-01T00:00:00.000Z');
    expect(iso(addBusinessTime(allDay, '1900-01-01T01:00:00Z', -HOUR))).toBe('1900-01-01T00:00:00.000Z');
    expect(iso(addBusinessDays(allDay, '1900-01-02T00:00:00Z', -1))).toBe('1900-01-01T00:00:00.000Z');
    expect(errorOf(() => subtractBusinessTime(allDay, '1900-01-01T01:00:00Z', HOUR + 1))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
    expect(errorOf(() => subtractBusinessTime(allDay, '1900-02-01T00:00:00Z', { hours: 1000 }))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
    expect(errorOf(() => subtractBusinessTime(allDay, '1900-02-01T00:00:00Z', { hours: 48 * 200 }))).toEqual(['RESULT_OUT_OF_RANGE', 'duration']);
  });

  it('addBusinessDays refuses local date 1899-12-31 even where it ends after 1900 began in UTC (a zone at -06:00)', () => {
    const evenings = createCalendar({ timeZone: 'Etc/GMT+6', hours: { mon: ['18:00-23:00'], sun: ['18:00-23:00'] } });
    // Monday 1900-01-01 20:00 -06:00 - 1 would be Sunday 1899-12-31 20:00 -06:00 = 1900-01-01T02:00Z.
    expect(errorOf(() => addBusinessDays(evenings, '1900-01-01T20:00:00-06:00', -1))).toEqual(['RESULT_OUT_OF_RANGE', 'n']);
    expect(iso(addBusinessDays(evenings, '1900-01-08T20:00:00-06:00', -1))).toBe('1900-01-08T02:00:00.000Z');
  });
});
