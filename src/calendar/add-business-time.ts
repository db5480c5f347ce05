import { compiledOf, type Calendar, type Compiled } from './compile.js';
import { durationMs, inSupportedRange, instantMs, neverOpens, resultOutOfRange, type Duration, type Instant } from './arguments.js';
import { findNextOpen, findPreviousClose, openAt } from './open.js';
import { backwardAt, forwardAt, openBefore } from './pattern.js';
import { seekBackward, seekForward } from './blocks.js';
import { MAX_WEEK, MIN_WEEK, getWeek, weekAt } from './week.js';

/** t plus `ms` > 0 of open time: the earliest instant with that much open time since t. */
export function addOpenMs(c: Compiled, t: number, ms: number): number {
  if (c.always) return checkResult(t + ms);
  const view = weekAt(c, t);
  const pos = openBefore(view.pattern, t - view.base) + ms;
  if (pos <= view.pattern.total) return checkResult(view.base + forwardAt(view.pattern, pos));
  // With no weekly hours only exception dates can open: search no further than the last one.
  const templateClosed = c.pattern.total === 0;
  const lastWeek = templateClosed ? Math.min(MAX_WEEK, c.exceptionWeeks[c.exceptionWeeks.length - 1] ?? -Infinity) : MAX_WEEK;
  const found = seekForward(c, view.week + 1, pos - view.pattern.total, lastWeek);
  if (!found) return templateClosed ? neverOpens('after', t) : resultOutOfRange('result', 'duration');
  const landing = getWeek(c, found.week);
  return checkResult(landing.base + forwardAt(landing.pattern, found.pos));
}

/** t minus `ms` > 0 of open time: the latest instant with that much open time until t. */
export function subtractOpenMs(c: Compiled, t: number, ms: number): number {
  if (c.always) return checkResult(t - ms);
  const view = weekAt(c, t);
  const before = openBefore(view.pattern, t - view.base);
  if (ms <= before) return checkResult(view.base + backwardAt(view.pattern, before - ms));
  const templateClosed = c.pattern.total === 0;
  const firstWeek = templateClosed ? Math.max(MIN_WEEK, c.exceptionWeeks[0] ?? Infinity) : MIN_WEEK;
  const found = seekBackward(c, view.week - 1, ms - before, firstWeek);
  if (!found) return templateClosed ? neverOpens('before', t) : resultOutOfRange('result', 'duration');
  const landing = getWeek(c, found.week);
  return checkResult(landing.base + backwardAt(landing.pattern, found.pos));
}

function checkResult(ms: number): number {
  return inSupportedRange(ms, 'result', 'duration');
}

/**
 * Adds business time: the instant at which `duration` of open time has elapsed since `start`.
 *
 * Business time is real elapsed time inside open intervals, so a 22:00-06:00 shift gives 9 hours
 * on the night clocks go back and 7 on the night they go forward. From a closed instant counting
 * starts at the next opening; adding zero returns `start` if open, else the next opening. When the
 * time runs out exactly at a closing instant, the result is that instant. A negative duration
 * subtracts.
 *
 * Cost does not grow with the duration: whole weeks without holidays, overrides or offset changes
 * are skipped arithmetically.
 *
 * @param calendar - From {@link createCalendar}.
 * @param start - The instant to count from.
 * @param duration - Milliseconds, or `{ hours, minutes, seconds, milliseconds }`.
 * @returns The instant the time runs out (open, or exactly a closing instant).
 * @throws {@link NoOpenTimeError} `CALENDAR_NEVER_OPENS` when the calendar has no open time ahead.
 * @throws {@link InvalidArgumentError} for a bad instant or duration, or a result past 2200.
 * @example
 * ```ts
 * const cal = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } });
 * // Monday 15:00 CST + 4 business hours = Tuesday 11:00 CST
 * addBusinessTime(cal, new Date('2026-11-23T21:00:00Z'), { hours: 4 });
 * //=> 2026-11-24T17:00:00.000Z
 * ```
 * @remarks Since 0.1.0
 */
export function addBusinessTime(calendar: Calendar, start: Instant, duration: Duration): Date {
  const c = compiledOf(calendar);
  const t = instantMs(start, 'start');
  const ms = durationMs(duration);
  if (ms < 0) return new Date(subtractOpenMs(c, t, -ms));
  if (ms === 0) {
    const open = findNextOpen(c, t, Number.POSITIVE_INFINITY);
    return open === undefined ? neverOpens('after', t) : new Date(checkResult(open));
  }
  return new Date(addOpenMs(c, t, ms));
}

/**
 * Subtracts business time: the latest instant from which `duration` of open time runs until
 * `end`. Mirrors {@link addBusinessTime}: from a closed instant it counts back from the previous
 * close; subtracting zero returns `end` if open, else the previous close; when the time runs out
 * exactly at an opening instant, the result is that instant. A negative duration adds.
 *
 * @param calendar - From {@link createCalendar}.
 * @param end - The instant to count back from.
 * @param duration - Milliseconds, or `{ hours, minutes, seconds, milliseconds }`.
 * @returns The instant the time runs out (open; an opening instant on a boundary).
 * @throws {@link NoOpenTimeError} `CALENDAR_NEVER_OPENS` when there is no open time before `end`.
 * @throws {@link InvalidArgumentError} for a bad instant or duration, or a result before 1900.
 * @example
 * ```ts
 * const cal = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } });
 * // Tuesday 11:00 CST - 4 business hours = Monday 15:00 CST
 * subtractBusinessTime(cal, new Date('2026-11-24T17:00:00Z'), { hours: 4 });
 * //=> 2026-11-23T21:00:00.000Z
 * ```
 * @remarks Since 0.1.0
 */
export function subtractBusinessTime(calendar: Calendar, end: Instant, duration: Duration): Date {
  const c = compiledOf(calendar);
  const t = instantMs(end, 'end');
  const ms = durationMs(duration);
  if (ms < 0) return new Date(addOpenMs(c, t, -ms));
  if (ms === 0) {
    if (openAt(c, t)) return new Date(t);
    const close = findPreviousClose(c, t);
    return close === undefined ? neverOpens('before', t) : new Date(checkResult(close));
  }
  return new Date(subtractOpenMs(c, t, ms));
}
