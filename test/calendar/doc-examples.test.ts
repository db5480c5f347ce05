import { describe, expect, it } from 'vitest';
import {
  SupportRulesError,
  addBusinessDays,
  addBusinessTime,
  businessDaysBetween,
  businessTimeBetween,
  createCalendar,
  durationMs,
  formatLocal,
  isOpen,
  nextClose,
  nextOpen,
  openIntervals,
  parseCalendarSpec,
  safeParseCalendarSpec,
  subtractBusinessTime,
} from '../../src/index.js';

// Every `@example` in the calendar's doc comments, with the result it documents.

describe('documented examples', () => {
  const monTue = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } });
  const mon = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'] } });

  it('createCalendar', () => {
    const cal = createCalendar({
      timeZone: 'America/Chicago',
      hours: { mon: ['07:00-19:00'], tue: ['07:00-12:00', '13:00-19:00'], fri: ['22:00-06:00'] },
      holidays: ['2026-12-25'],
      overrides: { '2026-12-24': ['07:00-12:00'] },
    });
    expect(cal.timeZone).toBe('America/Chicago');
  });

  it('isOpen', () => {
    expect(isOpen(mon, new Date('2026-11-23T15:00:00Z'))).toBe(true);
    expect(isOpen(mon, new Date('2026-11-23T23:00:00Z'))).toBe(false);
  });

  it('nextOpen and nextClose', () => {
    expect(nextOpen(mon, new Date('2026-11-21T12:00:00Z')).toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(nextClose(mon, new Date('2026-11-23T16:00:00Z')).toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });

  it('openIntervals', () => {
    const cal = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-12:00', '13:00-17:00'] } });
    const lines = [...openIntervals(cal, new Date('2026-11-23T00:00Z'), new Date('2026-11-24T00:00Z'))].map(
      ({ start, end }) => `${start.toISOString()} - ${end.toISOString()}`,
    );
    expect(lines).toEqual([
      '2026-11-23T09:00:00.000Z - 2026-11-23T12:00:00.000Z',
      '2026-11-23T13:00:00.000Z - 2026-11-23T17:00:00.000Z',
    ]);
  });

  it('addBusinessTime, subtractBusinessTime, businessTimeBetween', () => {
    expect(addBusinessTime(monTue, new Date('2026-11-23T21:00:00Z'), { hours: 4 }).toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(subtractBusinessTime(monTue, new Date('2026-11-24T17:00:00Z'), { hours: 4 }).toISOString()).toBe('2026-11-23T21:00:00.000Z');
    expect(businessTimeBetween(monTue, new Date('2026-11-23T21:00:00Z'), new Date('2026-11-24T17:00:00Z')) / 3_600_000).toBe(4);
  });

  it('addBusinessDays and businessDaysBetween', () => {
    const cal = createCalendar({
      timeZone: 'America/Chicago',
      hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] },
      holidays: ['2026-11-26'],
    });
    expect(addBusinessDays(cal, new Date('2026-11-25T16:00:00Z'), 2).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    const monFri = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], fri: ['09:00-17:00'] } });
    expect(businessDaysBetween(monFri, new Date('2026-11-23T15:00:00Z'), new Date('2026-12-07T15:00:00Z'))).toBe(4);
  });

  it('durationMs', () => {
    expect(durationMs({ hours: 1, minutes: 30 })).toBe(5_400_000);
  });

  it('safeParseCalendarSpec and parseCalendarSpec', () => {
    const result = safeParseCalendarSpec({ timeZone: 'America/Chicago', hours: { mon: ['25:00-26:00'] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['INVALID_TIME', 'hours.mon.0']]);
    expect(() => parseCalendarSpec({ timeZone: 'Mars/Olympus' })).toThrow(/at timeZone: "Mars\/Olympus" is not an IANA time zone/);
  });

  it('SupportRulesError', () => {
    try {
      createCalendar({ timeZone: 'Mars/Olympus' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SupportRulesError);
      expect([(error as SupportRulesError).code, (error as SupportRulesError).path]).toEqual(['INVALID_TIME_ZONE', ['timeZone']]);
    }
  });
});

describe('README quick start', () => {
  it('prints what the README says', () => {
    const desk = createCalendar({
      timeZone: 'America/Chicago',
      hours: { mon: ['07:00-19:00'], tue: ['07:00-12:00', '13:00-19:00'], fri: ['22:00-06:00'] },
      holidays: ['2026-12-25'],
      overrides: { '2026-12-24': ['07:00-12:00'] },
    });
    const received = new Date('2026-11-23T23:00:00Z');
    const due = addBusinessTime(desk, received, { hours: 4 });
    expect([due.toISOString(), isOpen(desk, due), businessTimeBetween(desk, received, due) / 3_600_000]).toEqual([
      '2026-11-24T15:00:00.000Z',
      true,
      4,
    ]);
    expect(formatLocal(due, desk.timeZone)).toBe('2026-11-24 09:00 CST (15:00Z)');
  });
});
