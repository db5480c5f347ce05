import { MS_PER_WEEK, parseIsoDate, weekOfDay, weekdayOf } from '../_lib/civil.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import { deepFreeze } from '../_lib/freeze.js';
import * as messages from '../_lib/messages.js';
import { getZone, type Zone } from '../_lib/zone.js';
import { InvalidArgumentError } from '../errors/index.js';
import type { Block } from './blocks.js';
import { buildPattern, type Pattern } from './pattern.js';
import { DAY_KEYS, parseCalendarSpec, type CalendarSpec } from './schema.js';
import { parseTimeRange, type MinuteRange } from './time-range.js';

const COMPILED = brand('calendar');

/**
 * A validated, compiled business-hours calendar. Create it once with {@link createCalendar} and
 * query it as often as you like; it is frozen, and `JSON.stringify` gives back its spec.
 *
 * @remarks Since 0.1.0
 */
export interface Calendar {
  /** IANA time zone of the calendar's wall-clock hours. */
  readonly timeZone: string;
  /** The spec the calendar was created from, validated. */
  readonly spec: Readonly<CalendarSpec>;
}

/** One week's open time as seen from the instant its local Monday 00:00 starts. */
export interface WeekView {
  readonly week: number;
  /** UTC ms of the week's start (local Monday 00:00). */
  readonly base: number;
  /** UTC ms of the next week's start. */
  readonly next: number;
  readonly pattern: Pattern;
}

/** The compiled, internal form of a calendar. */
export interface Compiled {
  readonly zone: Zone;
  /** Open 24/7 with no holidays or overrides: plain arithmetic. */
  readonly always: boolean;
  /** Weekly ranges by weekday (Monday = 0). */
  readonly template: readonly (readonly MinuteRange[])[];
  /** Ranges of holiday and override dates, by day number. */
  readonly exceptions: ReadonlyMap<number, readonly MinuteRange[]>;
  /** Day numbers of the holidays and overrides, ascending. */
  readonly exceptionDays: readonly number[];
  /** Weeks whose open time an exception can change, ascending. */
  readonly exceptionWeeks: readonly number[];
  /** The template week in local time; real weeks without exceptions or offset changes match it. */
  readonly pattern: Pattern;
  /** The template week is open throughout. */
  readonly fullWeek: boolean;
  /** How many weekdays of the template have hours. */
  readonly openWeekdays: number;
  /** Bounded cache of week views. */
  readonly views: Map<number, WeekView>;
  /** Bounded cache of 64-week blocks with prefix sums (see blocks.ts). */
  readonly blocks: Map<number, Block>;
}

/**
 * Validates a calendar spec and compiles it for fast queries.
 *
 * Hours are wall-clock ranges in the calendar's IANA zone. A day missing from `hours` is closed;
 * `'22:00-06:00'` opens on that day and closes the next; `'00:00-24:00'` is the whole day; an
 * interval belongs to the local date it opens on, so a holiday or override on Saturday does not cut
 * Friday's overnight shift. Overlapping and touching ranges merge.
 *
 * @param spec - The calendar as JSON data (see {@link CalendarSpec}).
 * @returns A frozen {@link Calendar}.
 * @throws {@link CalendarSpecError} listing every problem with its code and JSON path
 *   (`INVALID_TIME_ZONE`, `INVALID_TIME_RANGE`, `INVALID_TIME`, `EMPTY_TIME_RANGE`, `INVALID_DATE`,
 *   `CONFLICTING_DATE`, `CONFLICTING_HOURS`, `UNKNOWN_KEY`, `INVALID_TYPE`, `REQUIRED`).
 * @example
 * ```ts
 * const cal = createCalendar({
 *   timeZone: 'America/Chicago',
 *   hours: { mon: ['07:00-19:00'], tue: ['07:00-12:00', '13:00-19:00'], fri: ['22:00-06:00'] },
 *   holidays: ['2026-12-25'],
 *   overrides: { '2026-12-24': ['07:00-12:00'] },
 * });
 * cal.timeZone; //=> 'America/Chicago'
 * ```
 * @remarks Since 0.1.0
 */
export function createCalendar(spec: CalendarSpec): Calendar {
  const valid = parseCalendarSpec(spec);
  const compiled = compile(valid);
  return seal(COMPILED, { timeZone: valid.timeZone, spec: deepFreeze(structuredClone(valid)) }, compiled);
}

/** The compiled form of a calendar, or a typed error for anything else. */
export function compiledOf(calendar: Calendar): Compiled {
  return unseal<Compiled>(COMPILED, calendar, (issues) => new InvalidArgumentError(issues), {
    code: 'INVALID_CALENDAR',
    path: ['calendar'],
    message: messages.INVALID_CALENDAR(),
  });
}

const WHOLE_DAY: readonly MinuteRange[] = [{ openMinute: 0, closeMinute: 1440 }];

/** The ranges of validated texts (the schema has refused every text that does not parse). */
function toRanges(texts: readonly string[] | undefined): MinuteRange[] {
  return (texts ?? []).map((text) => parseTimeRange(text).range as MinuteRange);
}

function compile(spec: CalendarSpec): Compiled {
  const template = DAY_KEYS.map((key) => (spec.alwaysOpen ? WHOLE_DAY : toRanges(spec.hours?.[key])));
  const exceptions = new Map<number, readonly MinuteRange[]>();
  for (const date of spec.holidays ?? []) exceptions.set(parseIsoDate(date) as number, []);
  for (const [date, ranges] of Object.entries(spec.overrides ?? {})) exceptions.set(parseIsoDate(date) as number, toRanges(ranges));
  const exceptionDays = [...exceptions.keys()].sort((a, b) => a - b);
  const weeks = new Set<number>();
  for (const day of exceptionDays) {
    weeks.add(weekOfDay(day));
    // A Sunday's overnight hours reach into the next week.
    if (weekdayOf(day) === 6) weeks.add(weekOfDay(day) + 1);
  }
  const pattern = buildPattern(0, (day) => template[weekdayOf(day + 4)] as MinuteRange[], (ms) => ms, 0, MS_PER_WEEK);
  return {
    zone: getZone(spec.timeZone),
    always: spec.alwaysOpen === true && exceptionDays.length === 0,
    template,
    exceptions,
    exceptionDays,
    // In order already: the days are, and a Sunday (which adds the next week too) ends its week.
    exceptionWeeks: [...weeks],
    pattern,
    fullWeek: pattern.total === MS_PER_WEEK,
    openWeekdays: template.filter((ranges) => ranges.length > 0).length,
    views: new Map(),
    blocks: new Map(),
  };
}

/** The ranges that open on a local date (its override or holiday, else its weekday's hours). */
export function rangesOfDay(compiled: Compiled, day: number): readonly MinuteRange[] {
  return compiled.exceptions.get(day) ?? (compiled.template[weekdayOf(day)] as readonly MinuteRange[]);
}
