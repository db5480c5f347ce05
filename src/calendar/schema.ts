import * as z from 'zod/mini';
import { parseIsoDate } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import { isValidTimeZone } from '../_lib/zone.js';
import { LOCAL_DATE, localDateMeta, TIME_RANGE } from '../_lib/patterns.js';
import { addIssue, validate } from '../_lib/zod-issues.js';
import { CalendarSpecError } from '../errors/index.js';
import { parseTimeRange } from './time-range.js';

/** Day keys of `hours`, Monday first. */
export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A weekday key of the `hours` field of a {@link CalendarSpec}. */
export type DayKey = (typeof DAY_KEYS)[number];

const timeRange = z.string().check(z.superRefine((value, ctx) => {
  const parsed = parseTimeRange(value);
  if (!parsed.ok) addIssue(ctx, parsed.code, parsed.message);
}), z.meta({ description: 'Open from HH:MM to HH:MM local time; a close before the open runs overnight, 24:00 is midnight.', pattern: TIME_RANGE.source, examples: ['09:00-17:00', '22:00-06:00', '00:00-24:00'] }));

const isoDate = z.string().check(z.superRefine((value, ctx) => {
  if (parseIsoDate(value) === undefined) addIssue(ctx, 'INVALID_DATE', messages.INVALID_DATE(value));
}));

const ranges = z.array(timeRange);
const dayHours = (day: string) => z.optional(ranges).check(z.describe(`${day}'s opening hours; left out, the day is closed.`));

/**
 * The zod schema of a calendar spec: the single source of truth for {@link CalendarSpec}.
 *
 * @remarks Since 0.1.0
 */
export const CalendarSpecSchema = z.strictObject({
  /** IANA time zone the wall-clock hours are in, e.g. `America/Chicago`. */
  timeZone: z.string().check(z.superRefine((value, ctx) => {
      if (!isValidTimeZone(value)) addIssue(ctx, 'INVALID_TIME_ZONE', messages.INVALID_TIME_ZONE(value));
    }), z.meta({ description: 'IANA time zone the wall-clock hours are in.', examples: ['America/Chicago', 'Europe/London', 'UTC'] })),
  /** Weekly hours per day as `HH:MM-HH:MM` ranges; a missing day is closed. */
  hours: z.optional(z.strictObject({
      mon: dayHours('Monday'),
      tue: dayHours('Tuesday'),
      wed: dayHours('Wednesday'),
      thu: dayHours('Thursday'),
      fri: dayHours('Friday'),
      sat: dayHours('Saturday'),
      sun: dayHours('Sunday'),
    })).check(z.describe('Weekly hours per day as HH:MM-HH:MM ranges; a missing day is closed.')),
  /** Local dates (`YYYY-MM-DD`) closed all day. */
  holidays: z.optional(z.array(isoDate.check(z.meta({ ...localDateMeta, description: 'A local date (YYYY-MM-DD) closed all day.' })))).check(z.describe('Local dates (YYYY-MM-DD) closed all day.')),
  /** Local dates whose hours replace the weekly hours; `[]` closes the day. */
  overrides: z.optional(z.record(z.string().check(z.meta({ pattern: LOCAL_DATE.source })), ranges)).check(z.meta({ description: 'Local dates (YYYY-MM-DD) whose hours replace the weekly hours; [] closes the day.', examples: [{ '2026-12-24': ['07:00-12:00'] }] })),
  /** Open 24 hours a day, 7 days a week (holidays and overrides still apply). */
  alwaysOpen: z.optional(z.boolean()).check(z.describe('Open 24 hours a day, 7 days a week (holidays and overrides still apply).')),
}).check(z.superRefine((spec, ctx) => {
  if (spec.alwaysOpen && spec.hours) addIssue(ctx, 'CONFLICTING_HOURS', messages.CONFLICTING_HOURS(), ['alwaysOpen']);
  const holidays = new Set(spec.holidays ?? []);
  for (const date of Object.keys(spec.overrides ?? {})) {
    if (parseIsoDate(date) === undefined) addIssue(ctx, 'INVALID_DATE', messages.INVALID_DATE(date), ['overrides', date]);
    else if (holidays.has(date)) addIssue(ctx, 'CONFLICTING_DATE', messages.CONFLICTING_DATE(date), ['overrides', date]);
  }
}), z.meta({
  description: 'A business-hours calendar: weekly hours in an IANA time zone, holidays and one-off overrides.',
  examples: [{ timeZone: 'America/Chicago', hours: { mon: ['07:00-19:00'], tue: ['07:00-12:00', '13:00-19:00'], fri: ['22:00-06:00'] }, holidays: ['2026-12-25'], overrides: { '2026-12-24': ['07:00-12:00'] } }],
}));

/**
 * A calendar a policy counts deadlines on: a {@link CalendarSpecSchema} that opens every week
 * (weekly hours, or `alwaysOpen`). A calendar open only on a few override dates would leave every
 * deadline after them undefined, so policies refuse it at definition (`CALENDAR_NEVER_OPENS`).
 *
 * @remarks Since 0.2.0
 */
export const PolicyCalendarSpecSchema = CalendarSpecSchema.check(z.superRefine((spec, ctx) => {
  if (!spec.alwaysOpen && !Object.values(spec.hours ?? {}).some((ranges) => ranges !== undefined && ranges.length > 0)) {
    addIssue(ctx, 'CALENDAR_NEVER_OPENS', messages.CALENDAR_NO_WEEKLY_HOURS());
  }
}));

/**
 * A business-hours calendar as plain JSON data.
 *
 * @example
 * ```ts
 * const spec: CalendarSpec = {
 *   timeZone: 'America/Chicago',
 *   hours: { mon: ['07:00-19:00'], tue: ['07:00-12:00', '13:00-19:00'], fri: ['22:00-06:00'] },
 *   holidays: ['2026-12-25'],
 *   overrides: { '2026-12-24': ['07:00-12:00'] },
 * };
 * ```
 *
 * @remarks Since 0.1.0
 */
export type CalendarSpec = z.infer<typeof CalendarSpecSchema>;

/**
 * The result of {@link safeParseCalendarSpec}: the spec, or an error listing every problem.
 *
 * @remarks Since 0.1.0
 */
export type CalendarSpecResult =
  | { readonly success: true; readonly data: CalendarSpec; readonly error?: never }
  | { readonly success: false; readonly error: CalendarSpecError; readonly data?: never };

/**
 * Validates a calendar spec without throwing.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns `{ success: true, data }` or `{ success: false, error }` where `error.issues` lists every
 *   problem with its code and JSON path.
 * @example
 * ```ts
 * const result = safeParseCalendarSpec({ timeZone: 'America/Chicago', hours: { mon: ['25:00-26:00'] } });
 * result.success; //=> false
 * result.error?.issues.map((issue) => [issue.code, issue.path.join('.')]);
 * //=> [['INVALID_TIME', 'hours.mon.0']]
 * ```
 * @remarks Since 0.1.0
 */
export function safeParseCalendarSpec(input: unknown): CalendarSpecResult {
  const result = validate(CalendarSpecSchema, input);
  if (result.issues) return { success: false, error: new CalendarSpecError(result.issues) };
  return { success: true, data: result.data };
}

/**
 * Validates a calendar spec, throwing on the first bad input with every problem listed.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The spec, typed.
 * @throws {@link CalendarSpecError} listing every problem (`code`, `path`, `message`).
 * @example
 * ```ts
 * parseCalendarSpec({ timeZone: 'Mars/Olympus' });
 * //=> throws CalendarSpecError: at timeZone: "Mars/Olympus" is not an IANA time zone …
 * ```
 * @remarks Since 0.1.0
 */
export function parseCalendarSpec(input: unknown): CalendarSpec {
  const result = safeParseCalendarSpec(input);
  if (!result.success) throw result.error;
  return result.data;
}
