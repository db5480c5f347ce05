import { requiredInstant } from '../_lib/instant.js';
import { validate } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import { evaluateClock, type SlaClock } from './clock.js';
import { WithinSchema, withinMs, type Within } from './schema.js';

/**
 * A back-office deadline to measure: N business days (or hours, or calendar days) after an event,
 * on a working-day calendar.
 *
 * @remarks Since 0.1.0
 */
export interface BackOfficeTask {
  /** A name for the deadline, e.g. `refundIssued`; used as the clock's metric and target id. */
  readonly id: string;
  /** The calendar the time counts on (its zone also sets what a calendar `day` is). */
  readonly calendar: Calendar;
  /** Name of the calendar, for the report. @defaultValue the calendar's time zone */
  readonly calendarName?: string;
  readonly within: Within;
  /** The event the deadline counts from (item received, request filed). */
  readonly start: Instant;
  /** When it was done, if it was. */
  readonly done?: Instant | null;
  /** Paused intervals `[from, to]` (`to` null while still paused). */
  readonly pauses?: readonly (readonly [Instant, Instant | null])[];
  /** @defaultValue 75 */
  readonly atRiskPercent?: number;
}

const dayCalendars = new Map<string, Calendar>();


/**
 * Measures a back-office deadline with the same clock as ticket SLAs, so it gets a deadline,
 * elapsed and remaining business time and a status too: "refund issued within 7 business days of
 * receipt", "RMA number within 24 business hours", "privacy request completed within 30 days".
 *
 * @param task - What to measure.
 * @param now - The instant the status is as of.
 * @returns An {@link SlaClock} (its `rule` is null).
 * @throws {@link InvalidArgumentError} for a bad `within` or instant.
 * @example
 * ```ts
 * const warehouse = createCalendar({ timeZone: 'America/New_York', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'],
 *   wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } });
 * const refund = backOfficeClock({ id: 'refundIssued', calendar: warehouse, within: { businessDays: 7 },
 *   start: new Date('2026-11-20T15:00:00Z') }, new Date('2026-11-25T15:00:00Z'));
 * refund.deadline.toISOString(); //=> '2026-12-01T15:00:00.000Z' (Tue 10:00 EST, 7 business days later)
 * refund.status;                 //=> 'ok'
 * ```
 * @remarks Since 0.1.0
 */
export function backOfficeClock(task: BackOfficeTask, now: Instant): SlaClock {
  const checked = validate(WithinSchema, task.within);
  if (checked.issues) throw new InvalidArgumentError(checked.issues.map((issue) => ({ ...issue, path: ['within', ...issue.path] })));
  const within = checked.data;
  let calendar = task.calendar;
  if (within.days !== undefined) {
    const zone = task.calendar.timeZone;
    calendar = dayCalendars.get(zone) ?? createCalendar({ timeZone: zone, alwaysOpen: true });
    dayCalendars.set(zone, calendar);
  }
  const time = withinMs(within);
  const start = requiredInstant(task.start, 'start');
  const stop = task.done === undefined || task.done === null ? null : requiredInstant(task.done, 'done');
  const pauses = (task.pauses ?? [])
    .map(([from, to], i) => [requiredInstant(from, `pauses[${i}][0]`), to === null ? Number.POSITIVE_INFINITY : requiredInstant(to, `pauses[${i}][1]`)] as const)
    .sort((a, b) => a[0] - b[0]);
  return evaluateClock(
    {
      metric: task.id,
      rule: null,
      target: task.id,
      calendarName: task.calendarName ?? task.calendar.timeZone,
      calendar,
      ...(time !== undefined ? { ms: time } : { days: (within.businessDays ?? within.days) as number }),
      atRiskPercent: task.atRiskPercent ?? 75,
      pausable: true,
      startOnEvent: false,
    },
    { cycle: 1, start, stop, stoppedBy: stop === null ? null : 'fulfilled', pauses },
    requiredInstant(now, 'now'),
  );
}
