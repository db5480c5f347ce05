import * as messages from '../_lib/messages.js';
import { validate } from '../_lib/zod-issues.js';
import { createCalendar, isOpen, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError, type Issue, type JsonPath } from '../errors/index.js';
import { checkKeys, given, instantAt, isRecord, listAt, numberAt, textAt, throwIssues } from './arguments.js';
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
  /** When it was done, if it was (not before `start`); null or left out while not done. */
  readonly done?: Instant | null;
  /** Paused intervals `[from, to]` (`to` null while still paused; `from <= to`). */
  readonly pauses?: readonly (readonly [Instant, Instant | null])[];
  /** Percent of the target after which the clock is `at-risk`, between 0 and 100. @defaultValue 75 */
  readonly atRiskPercent?: number;
}

const dayCalendars = new Map<string, Calendar>();

const TASK_KEYS = ['id', 'calendar', 'calendarName', 'within', 'start', 'done', 'pauses', 'atRiskPercent'] as const;
const ROOT: JsonPath = Object.freeze([]);
const CALENDAR: JsonPath = Object.freeze(['calendar']);
const START: JsonPath = Object.freeze(['start']);
// Any instant in range (the start, when it is valid): a calendar function called with it throws only
// for a value that is no calendar.
const PROBE_MS = Date.UTC(2026, 0, 1);

// Spans from compiled policies are frozen and passed again on every decision: remember that they
// were found valid (a frozen object cannot change afterwards) instead of parsing them each time.
const validSpans = new WeakSet<object>();

function checkedWithin(value: unknown): ReturnType<typeof validate<typeof WithinSchema>> {
  // A WeakSet holds objects only: `has` is false for anything else.
  if (validSpans.has(value as object)) return { data: value as Within };
  const checked = validate(WithinSchema, value);
  if (!checked.issues && Object.isFrozen(value)) validSpans.add(value as object);
  return checked;
}

/** A task after checking: instants as epoch ms. */
interface CheckedTask {
  readonly id: string;
  readonly calendar: Calendar;
  readonly calendarName: string;
  readonly within: Within;
  readonly start: number;
  readonly done: number | null;
  readonly pauses: (readonly [number, number])[];
  readonly atRiskPercent: number;
}

/** Checks a task and `now`, collecting every problem at the caller's own path. */
function checkTask(task: unknown, now: unknown): { task: CheckedTask; now: number } {
  const issues: Issue[] = [];
  if (!isRecord(task)) {
    issues.push({ code: 'INVALID_TYPE', path: ROOT, message: messages.NOT_AN_OBJECT('task', 'a back-office task', task) });
    if (given(now, ['now'], issues)) instantAt(now, ['now'], issues);
    throwIssues(issues);
  }
  const t = task as Record<string, unknown>;
  checkKeys(t, TASK_KEYS, 'of a back-office task', ROOT, issues);
  const id = given(t.id, ['id'], issues, 'a name for the deadline, e.g. "refundIssued"') ? textAt(t.id, ['id'], issues) : undefined;
  const start = given(t.start, ['start'], issues, 'the instant the deadline counts from') ? instantAt(t.start, ['start'], issues) : Number.NaN;
  let calendar: Calendar | undefined;
  if (given(t.calendar, CALENDAR, issues, 'a calendar made by createCalendar')) {
    try {
      isOpen(t.calendar as Calendar, Number.isNaN(start) ? PROBE_MS : start);
      calendar = t.calendar as Calendar;
    } catch (error) {
      if (!(error instanceof SupportRulesError)) throw error;
      issues.push({ code: 'INVALID_CALENDAR', path: CALENDAR, message: messages.INVALID_CALENDAR() });
    }
  }
  const calendarName = t.calendarName === undefined ? calendar?.timeZone : textAt(t.calendarName, ['calendarName'], issues);
  let within: Within | undefined;
  if (given(t.within, ['within'], issues, 'business time { hours, minutes, … }, { businessDays } or { days }')) {
    const checked = checkedWithin(t.within);
    if (checked.issues) issues.push(...checked.issues.map((issue) => ({ ...issue, path: ['within', ...issue.path] })));
    else within = checked.data;
  }
  const done = t.done === undefined || t.done === null ? null : instantAt(t.done, ['done'], issues);
  if (done !== null && done < start) {
    issues.push({ code: 'INVALID_RANGE', path: ['done'], message: messages.SLA_DONE_BEFORE_START(new Date(done).toISOString(), new Date(start).toISOString()) });
  }
  const pauses: (readonly [number, number])[] = [];
  const list = t.pauses === undefined ? [] : listAt(t.pauses, ['pauses'], issues, 'pauses [from, to]');
  list?.forEach((pause, i) => {
    if (!Array.isArray(pause) || pause.length !== 2) {
      issues.push({ code: 'INVALID_TYPE', path: ['pauses', i], message: messages.SLA_PAUSE_PAIR() });
      return;
    }
    const from = instantAt(pause[0], ['pauses', i, 0], issues);
    const to = pause[1] === null ? Number.POSITIVE_INFINITY : instantAt(pause[1], ['pauses', i, 1], issues);
    if (to < from) issues.push({ code: 'INVALID_RANGE', path: ['pauses', i, 1], message: messages.SLA_PAUSE_ORDER(new Date(from).toISOString(), new Date(to).toISOString()) });
    pauses.push([from, to]);
  });
  const atRiskPercent = t.atRiskPercent === undefined ? 75 : numberAt(t.atRiskPercent, ['atRiskPercent'], issues, { min: 0, max: 100 });
  const nowMs = given(now, ['now'], issues) ? instantAt(now, ['now'], issues) : Number.NaN;
  throwIssues(issues);
  return {
    task: {
      id: id as string,
      calendar: calendar as Calendar,
      calendarName: calendarName as string,
      within: within as Within,
      start,
      done,
      pauses: pauses.sort((a, b) => a[0] - b[0]),
      atRiskPercent: atRiskPercent as number,
    },
    now: nowMs,
  };
}

/**
 * Measures a back-office deadline with the same clock as ticket SLAs, so it gets a deadline,
 * elapsed and remaining business time and a status too: "refund issued within 7 business days of
 * receipt", "RMA number within 24 business hours", "privacy request completed within 30 days".
 *
 * @param task - What to measure; checked like a request (unknown keys, types, instants, a calendar
 *   made by `createCalendar`, pauses as `[from, to | null]` pairs with `from <= to`).
 * @param now - The instant the status is as of.
 * @returns An {@link SlaClock} (its `rule` is null).
 * @throws {@link InvalidArgumentError} listing every problem at its path: `UNKNOWN_KEY`,
 *   `REQUIRED`, `INVALID_TYPE`, `INVALID_CALENDAR` (`['calendar']`), `INVALID_WITHIN` /
 *   `OUT_OF_BOUNDS` under `['within']`, the instant codes (`INVALID_INSTANT`,
 *   `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`) at `['start']`, `['done']`,
 *   `['pauses', i, 0 | 1]` or `['now']`, `INVALID_RANGE` for a pause that ends before it starts or
 *   `done` before `start`, `INVALID_FACT` for `atRiskPercent` outside 0..100; since 0.2.0 the
 *   calendar's `RESULT_OUT_OF_RANGE` for a deadline past 2200-01-01 is reported at `['start']`,
 *   the field the deadline counts from (before: at the calendar function's own `duration` or `n`).
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
  const { task: t, now: asOf } = checkTask(task, now);
  const { within } = t;
  let calendar = t.calendar;
  if (within.days !== undefined) {
    const zone = t.calendar.timeZone;
    calendar = dayCalendars.get(zone) ?? createCalendar({ timeZone: zone, alwaysOpen: true });
    dayCalendars.set(zone, calendar);
  }
  const time = withinMs(within);
  try {
    return evaluateClock(
      {
        metric: t.id,
        rule: null,
        target: t.id,
        calendarName: t.calendarName,
        calendar,
        ...(time !== undefined ? { ms: time } : { days: (within.businessDays ?? within.days) as number }),
        atRiskPercent: t.atRiskPercent,
      },
      { cycle: 1, start: t.start, stop: t.done, stoppedBy: t.done === null ? null : 'fulfilled', pauses: t.pauses },
      asOf,
    );
  } catch (error) {
    // Every input is checked, so what the calendar refuses here is a deadline past the supported
    // range: name the task's field it counts from, not the calendar function's own parameter.
    if (!(error instanceof InvalidArgumentError)) throw error;
    const message = messages.DEADLINE_OUT_OF_RANGE(`deadline "${t.id}"`, 'start', new Date(t.start).toISOString());
    throw new InvalidArgumentError(error.issues.map((issue) => ({ ...issue, path: START, message })));
  }
}
