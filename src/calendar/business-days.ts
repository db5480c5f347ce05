import { MS_PER_DAY, MS_PER_MINUTE, dayOfLocal, mod, weekdayOf } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import { isRecord, throwIssues, unknownKeyIssue } from '../_lib/request.js';
import { lowerBound } from '../_lib/sorted.js';
import { suggest } from '../_lib/suggest.js';
import type { Issue } from '../errors/index.js';
import { compiledOf, rangesOfDay, type Calendar, type Compiled } from './compile.js';
import { dayCount, inSupportedRange, instantMs, neverOpens, resultOutOfRange, type Instant } from './arguments.js';
import { findNextOpen, openAt } from './open.js';

const MIN_DAY = dayOfLocal(Date.UTC(1900, 0, 1));
const MAX_DAY = dayOfLocal(Date.UTC(2199, 11, 31));

function isOpenDay(c: Compiled, day: number): boolean {
  return rangesOfDay(c, day).length > 0;
}

/** Number of local dates in [from, to) with hours, counted by weekday arithmetic. */
export function countOpenDays(c: Compiled, from: number, to: number): number {
  if (to <= from) return 0;
  let count = 0;
  for (let weekday = 0; weekday < 7; weekday++) {
    if ((c.template[weekday] as readonly unknown[]).length === 0) continue;
    const first = from + mod(weekday - weekdayOf(from), 7);
    if (first < to) count += Math.floor((to - 1 - first) / 7) + 1;
  }
  const days = c.exceptionDays;
  for (let i = lowerBound(days, from); i < days.length && (days[i] as number) < to; i++) {
    const day = days[i] as number;
    const templateOpen = (c.template[weekdayOf(day)] as readonly unknown[]).length > 0;
    count += (isOpenDay(c, day) ? 1 : 0) - (templateOpen ? 1 : 0);
  }
  return count;
}

/** The local date that is the n-th (n != 0) open date after (n > 0) or before (n < 0) `day`. */
function nthOpenDay(c: Compiled, day: number, n: number, fromMs: number): number {
  const { openWeekdays } = c;
  const forward = n > 0;
  const steps = Math.abs(n);
  if (openWeekdays > 0) {
    // Without exceptions nearby: every 7 days hold `openWeekdays` open dates, so skip whole weeks
    // and look at most 7 dates further.
    const weeks = Math.floor((steps - 1) / openWeekdays);
    const reach = 7 * (weeks + 1);
    const [lo, hi] = forward ? [day + 1, day + reach] : [day - reach, day - 1];
    const i = lowerBound(c.exceptionDays, lo);
    if (hi <= MAX_DAY && lo >= MIN_DAY && !((c.exceptionDays[i] ?? Infinity) <= hi)) {
      const step = forward ? 1 : -1;
      let remaining = steps - weeks * openWeekdays;
      let d = day + step * 7 * weeks;
      while (remaining > 0) {
        d += step;
        if ((c.template[weekdayOf(d)] as readonly unknown[]).length > 0) remaining--;
      }
      return d;
    }
  }
  // Every exception can remove at most one open day, so this span surely holds `steps` of them.
  const span =
    openWeekdays === 0
      ? (forward ? MAX_DAY - day : day - MIN_DAY)
      : 7 * (Math.ceil((steps + c.exceptionDays.length) / openWeekdays) + 1);
  let lo = forward ? day + 1 : Math.max(MIN_DAY, day - span);
  let hi = forward ? Math.min(MAX_DAY, day + span) : day - 1;
  const enough = forward ? countOpenDays(c, day + 1, hi + 1) >= steps : countOpenDays(c, lo, day) >= steps;
  if (!enough) {
    if (openWeekdays === 0) neverOpens(forward ? 'after' : 'before', fromMs);
    resultOutOfRange('business day', 'n');
  }
  // Binary search for the nearest date that still has `steps` open dates between it and `day`.
  while (lo < hi) {
    if (forward) {
      const mid = Math.floor((lo + hi) / 2);
      if (countOpenDays(c, day + 1, mid + 1) >= steps) hi = mid;
      else lo = mid + 1;
    } else {
      const mid = Math.ceil((lo + hi) / 2);
      if (countOpenDays(c, mid, day) >= steps) lo = mid;
      else hi = mid - 1;
    }
  }
  return lo;
}

/** Clamps a local time of day (ms after midnight) into a date's own hours. */
function clampIntoDay(c: Compiled, day: number, timeOfDayMs: number): number {
  const ranges = [...rangesOfDay(c, day)].sort((a, b) => a.openMinute - b.openMinute);
  for (const range of ranges) {
    const open = range.openMinute * MS_PER_MINUTE;
    if (timeOfDayMs < open) return open;
    if (timeOfDayMs < range.closeMinute * MS_PER_MINUTE) return timeOfDayMs;
  }
  return Math.max(...ranges.map((range) => range.closeMinute)) * MS_PER_MINUTE;
}

/**
 * Options of {@link addBusinessDays}.
 *
 * @remarks Since 0.2.0
 */
export interface AddBusinessDaysOptions {
  /**
   * Where counting starts when `start` is closed (a weekend, a holiday, before opening or after
   * closing). `'start'`: at `start` itself: its local date is day 0 and its time of day is kept,
   * so Saturday 08:00 + 1 business day is Monday 08:00 clamped to Monday 09:00, with no business
   * time in between. `'next-opening'`: at the next opening, as {@link addBusinessTime} and the SLA
   * engine's business-day targets count, so Saturday 08:00 + 1 business day is Tuesday 09:00, one
   * full business day later; `n = 0` then gives the next opening. An open `start` counts from
   * itself either way.
   *
   * @defaultValue `'start'`
   * @remarks Since 0.2.0
   */
  readonly from?: 'start' | 'next-opening';
}

const OPTION_KEYS = ['from'] as const;
const FROM_VALUES = ['start', 'next-opening'] as const;

/** Whether the options ask to count from the next opening; every problem with them thrown at once. */
function fromNextOpening(options: unknown): boolean {
  const issues: Issue[] = [];
  if (!isRecord(options)) {
    const message = options === null ? messages.NULL_VALUE('options') : messages.NOT_AN_OBJECT('options', '{ from }', options);
    throwIssues([{ code: 'INVALID_TYPE', path: ['options'], message }]);
  }
  const record = options as Record<string, unknown>;
  for (const key in record) {
    if (Object.hasOwn(record, key) && !(OPTION_KEYS as readonly string[]).includes(key)) {
      issues.push(unknownKeyIssue(key, OPTION_KEYS, ['options'], 'of the addBusinessDays options'));
    }
  }
  const from = record.from;
  if (from !== undefined && !(FROM_VALUES as readonly unknown[]).includes(from)) {
    const path = ['options', 'from'];
    if (typeof from === 'string') {
      const suggestion = suggest(from, FROM_VALUES);
      issues.push({ code: 'INVALID_VALUE', path, message: messages.INVALID_VALUE(from, FROM_VALUES, suggestion), allowed: FROM_VALUES, ...(suggestion ? { suggestion } : {}) });
    } else {
      const message = from === null ? messages.NULL_VALUE('from') : messages.INVALID_TYPE(`text (one of ${FROM_VALUES.join(', ')})`, from);
      issues.push({ code: 'INVALID_TYPE', path, message });
    }
  }
  throwIssues(issues);
  return from === 'next-opening';
}

/**
 * Moves to the n-th later (or, for negative n, earlier) local date on which the calendar has
 * hours, keeping the local time of day. If that time is outside the date's hours it is clamped
 * into them: before or between ranges it moves to the next opening, after the last range to the
 * last closing. Holidays and closed weekdays are skipped; an override with hours counts.
 * `n = 0` returns `start` unchanged.
 *
 * A closed `start` is counted from as it is by default (Saturday 08:00 + 1 business day is Monday
 * 08:00, clamped to Monday 09:00: no business time in between); `{ from: 'next-opening' }` counts
 * from the next opening instead (Tuesday 09:00), as a business-day SLA target does.
 *
 * @param calendar - From {@link createCalendar}.
 * @param start - The instant to count from (its local date in the calendar's zone is day 0).
 * @param n - Whole number of business days.
 * @param options - `from`: `'start'` (default) or `'next-opening'`; see {@link AddBusinessDaysOptions}.
 * @returns The instant on the target date.
 * @throws {@link NoOpenTimeError} `CALENDAR_NEVER_OPENS` when there are no such dates (or, counting
 *   from the next opening, no opening after a closed `start`).
 * @throws {@link InvalidArgumentError} for a bad instant or a non-integer `n`; `RESULT_OUT_OF_RANGE`
 *   (at `n`) for a result outside the supported range; for bad options,
 *   every problem at once: `INVALID_TYPE` (`['options']`, or `['options', 'from']` for a value that
 *   is not text), `UNKNOWN_KEY` with a did-you-mean (`['options', key]`), `INVALID_VALUE` with the
 *   allowed values (`['options', 'from']`).
 * @example
 * ```ts
 * const cal = createCalendar({
 *   timeZone: 'America/Chicago',
 *   hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] },
 *   holidays: ['2026-11-26'],
 * });
 * // Wednesday 2026-11-25 10:00 CST + 2 business days skips Thanksgiving: Monday 10:00 CST
 * addBusinessDays(cal, new Date('2026-11-25T16:00:00Z'), 2);
 * //=> 2026-11-30T16:00:00.000Z
 * // Saturday 2026-11-21 08:00 CST + 1 business day, from the start and from the next opening
 * addBusinessDays(cal, new Date('2026-11-21T14:00:00Z'), 1);
 * //=> 2026-11-23T15:00:00.000Z (Monday 09:00 CST: 08:00 clamped to the opening)
 * addBusinessDays(cal, new Date('2026-11-21T14:00:00Z'), 1, { from: 'next-opening' });
 * //=> 2026-11-24T15:00:00.000Z (Tuesday 09:00 CST)
 * ```
 * @remarks Since 0.1.0 (`options` since 0.2.0)
 */
export function addBusinessDays(calendar: Calendar, start: Instant, n: number, options?: AddBusinessDaysOptions): Date {
  const c = compiledOf(calendar);
  let t = instantMs(start, 'start');
  const days = dayCount(n, 'n');
  if (options !== undefined && fromNextOpening(options) && !openAt(c, t)) {
    t = inSupportedRange(findNextOpen(c, t, Number.POSITIVE_INFINITY) ?? neverOpens('after', t), 'business day', 'n');
  }
  if (days === 0) return new Date(t);
  const local = c.zone.utcToLocal(t);
  const day = dayOfLocal(local);
  const target = nthOpenDay(c, day, days, t);
  const result = c.zone.localToUtc(target * MS_PER_DAY + clampIntoDay(c, target, local - day * MS_PER_DAY));
  // The first and last supported days can hold times outside the range (2199-12-31 20:00 in Chicago is 2200-01-01T02:00Z).
  return new Date(inSupportedRange(result, 'business day', 'n'));
}

/**
 * Counts business days between two instants, as the inverse of {@link addBusinessDays}: when `b`
 * is later, the local dates with hours after `a`'s date up to and including `b`'s date; when `b`
 * is earlier, minus the dates with hours from `b`'s date up to but excluding `a`'s. So for any `b`
 * on a date with hours, `addBusinessDays(cal, a, businessDaysBetween(cal, a, b))` lands on `b`'s
 * date. When both dates have hours the count is antisymmetric; when one is closed (a Saturday, a
 * holiday) it is not: Friday to Saturday is 0 business days, Saturday back to Friday is -1.
 *
 * @param calendar - From {@link createCalendar}.
 * @param a - Start instant.
 * @param b - End instant.
 * @returns Whole business days.
 * @throws {@link InvalidArgumentError} for an invalid or out-of-range instant.
 * @example
 * ```ts
 * const cal = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], fri: ['09:00-17:00'] } });
 * businessDaysBetween(cal, new Date('2026-11-23T15:00:00Z'), new Date('2026-12-07T15:00:00Z'));
 * //=> 4 (Fri 27, Mon 30, Fri 4, Mon 7)
 * ```
 * @remarks Since 0.1.0
 */
export function businessDaysBetween(calendar: Calendar, a: Instant, b: Instant): number {
  const c = compiledOf(calendar);
  const dayA = dayOfLocal(c.zone.utcToLocal(instantMs(a, 'a')));
  const dayB = dayOfLocal(c.zone.utcToLocal(instantMs(b, 'b')));
  // Backwards it counts [dayB, dayA), the dates addBusinessDays steps over with a negative n.
  return dayB >= dayA ? countOpenDays(c, dayA + 1, dayB + 1) : 0 - countOpenDays(c, dayB, dayA);
}
