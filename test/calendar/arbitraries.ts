// fast-check generators shared by the calendar property and differential suites: random calendars
// in zones with odd offsets and DST, and start instants biased toward each zone's offset changes.

import fc from 'fast-check';
import type { CalendarSpec } from '../../src/calendar/index.js';
import { DAY_MS, MINUTE_MS, isoOfDay, offsetTransitionsRef } from '../reference/calendar.js';

export const ZONES = [
  'America/Chicago',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kathmandu', // +05:45
  'Asia/Kolkata',
  'America/St_Johns', // -03:30 with DST
  'Pacific/Chatham', // +12:45 / +13:45
  'America/Sao_Paulo',
  'UTC',
] as const;

/** Zones whose offset changes (for laws about DST). */
export const DST_ZONES = ['America/Chicago', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham'];

const SPAN_FROM = Date.UTC(2025, 0, 1);
const SPAN_TO = Date.UTC(2028, 0, 1);

/** Offset changes of each zone in 2025-2027, found once. */
const TRANSITIONS = new Map<string, number[]>(ZONES.map((zone) => [zone, offsetTransitionsRef(zone, SPAN_FROM, SPAN_TO)]));

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

// Wall times where the zones above change offset, plus midnight and late-evening shift starts.
const INTERESTING_MINUTES = [0, 60, 90, 120, 135, 150, 165, 180, 195, 210, 225, 240, 1260, 1320, 1380, 1410];

const minuteOfDay = fc.oneof(
  fc.constantFrom(...INTERESTING_MINUTES),
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 1439 }),
);

/** An `HH:MM-HH:MM` range: day, overnight (close <= open), to `24:00`, or the whole day. */
export const rangeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant('00:00-24:00') },
  { weight: 1, arbitrary: minuteOfDay.map((open) => `${hhmm(open)}-24:00`) },
  {
    weight: 6,
    arbitrary: fc.tuple(minuteOfDay, minuteOfDay).map(([open, close]) => {
      if (open === close) return `${hhmm(open)}-24:00`;
      return `${hhmm(open)}-${hhmm(close)}`;
    }),
  },
);

const dayHoursArb = fc.option(fc.array(rangeArb, { minLength: 1, maxLength: 3 }), { freq: 3, nil: undefined });

const ALL_DAY = ['00:00-24:00'];
/** Every day open all day: a 24/7 calendar written as hours, whose runs of full weeks are skipped specially. */
const fullWeekArb = fc.constant({ mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY });

const randomWeekArb = fc
  .record({ mon: dayHoursArb, tue: dayHoursArb, wed: dayHoursArb, thu: dayHoursArb, fri: dayHoursArb, sat: dayHoursArb, sun: dayHoursArb })
  .map((week) => {
    const hours: NonNullable<CalendarSpec['hours']> = {};
    for (const [key, ranges] of Object.entries(week)) if (ranges) hours[key as keyof typeof hours] = ranges;
    // Keep some weekly open time, so counting forward or back always ends.
    if (Object.keys(hours).length === 0) hours.wed = ['09:00-17:00'];
    return hours;
  });

export const weeklyHoursArb = fc.oneof({ weight: 9, arbitrary: randomWeekArb }, { weight: 1, arbitrary: fullWeekArb });

/** Holidays (null) and overrides, as day offsets from the start's date. */
const exceptionsArb = fc.uniqueArray(
  fc.record({ dayOffset: fc.integer({ min: -16, max: 16 }), ranges: fc.option(fc.array(rangeArb, { maxLength: 2 }), { nil: null }) }),
  { maxLength: 5, selector: (e) => e.dayOffset },
);

const startArb = fc.record({
  nearTransition: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
  transitionIndex: fc.nat(),
  minutesFromTransition: fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
  uniformMinute: fc.integer({ min: 0, max: (SPAN_TO - SPAN_FROM) / MINUTE_MS - 1 }),
});

export interface CalendarCase {
  readonly spec: CalendarSpec;
  /** A minute-aligned instant in 2025-2027. */
  readonly start: number;
}

/** A random calendar with holidays and overrides near a random start, biased toward DST weekends. */
export const calendarCaseArb: fc.Arbitrary<CalendarCase> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    alwaysOpen: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    hours: weeklyHoursArb,
    exceptions: exceptionsArb,
    start: startArb,
  })
  .map(({ timeZone, alwaysOpen, hours, exceptions, start: pick }) => {
    const transitions = TRANSITIONS.get(timeZone) ?? [];
    const transition = transitions[pick.transitionIndex % Math.max(1, transitions.length)];
    const start =
      pick.nearTransition && transition !== undefined
        ? transition + pick.minutesFromTransition * MINUTE_MS
        : SPAN_FROM + pick.uniformMinute * MINUTE_MS;
    const startDay = Math.floor(start / DAY_MS);
    const holidays: string[] = [];
    const overrides: Record<string, string[]> = {};
    for (const { dayOffset, ranges } of exceptions) {
      if (ranges === null) holidays.push(isoOfDay(startDay + dayOffset));
      else overrides[isoOfDay(startDay + dayOffset)] = ranges;
    }
    const spec: CalendarSpec = alwaysOpen ? { timeZone, alwaysOpen } : { timeZone, hours };
    if (holidays.length > 0) spec.holidays = holidays;
    if (Object.keys(overrides).length > 0) spec.overrides = overrides;
    return { spec, start };
  });
