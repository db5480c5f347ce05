import { compiledOf, type Calendar, type Compiled } from './compile.js';
import { inSupportedRange, instantMs, neverCloses, neverOpens, type Instant } from './arguments.js';
import { firstEndAfter, lastStartAtOrBefore } from './pattern.js';
import {
  MAX_WEEK,
  MIN_WEEK,
  getWeek,
  nextIrregularWeek,
  noExceptionsFrom,
  noExceptionsUntil,
  previousExceptionWeek,
  weekAt,
} from './week.js';

/**
 * A half-open interval `[start, end)` of open time.
 *
 * @remarks Since 0.1.0
 */
export interface OpenInterval {
  readonly start: Date;
  readonly end: Date;
}

/** Whether the instant lies inside open time (intervals are half-open: an opening instant is open, a closing one is not). */
export function openAt(c: Compiled, t: number): boolean {
  if (c.always) return true;
  const view = weekAt(c, t);
  const rel = t - view.base;
  const i = lastStartAtOrBefore(view.pattern, rel);
  return i >= 0 && rel < (view.pattern.ends[i] as number);
}

/** Earliest open instant >= t and < limit, or undefined. */
export function findNextOpen(c: Compiled, t: number, limit: number): number | undefined {
  if (c.always) return t < limit ? t : undefined;
  let view = weekAt(c, t);
  const i = firstEndAfter(view.pattern, t - view.base);
  let found: number | undefined;
  if (i < view.pattern.starts.length) found = Math.max(view.base + (view.pattern.starts[i] as number), t);
  let week = view.week + 1;
  const templateClosed = c.pattern.total === 0;
  while (found === undefined && week <= MAX_WEEK) {
    if (templateClosed && noExceptionsFrom(c, week)) return undefined;
    view = getWeek(c, week);
    if (view.base >= limit) return undefined;
    const first = view.pattern.starts[0];
    if (first !== undefined) found = view.base + first;
    // Regular weeks of a closed template are closed: jump to the next week that can differ.
    week = templateClosed ? nextIrregularWeek(c, week + 1) : week + 1;
  }
  return found !== undefined && found < limit ? found : undefined;
}

/** Latest closing instant <= t, for a closed t; or undefined if the calendar never closed before. */
export function findPreviousClose(c: Compiled, t: number): number | undefined {
  let view = weekAt(c, t);
  const j = firstEndAfter(view.pattern, t - view.base) - 1;
  let found: number | undefined;
  if (j >= 0) found = view.base + (view.pattern.ends[j] as number);
  let week = view.week - 1;
  const templateClosed = c.pattern.total === 0;
  while (found === undefined && week >= MIN_WEEK) {
    if (templateClosed && noExceptionsUntil(c, week)) return undefined;
    view = getWeek(c, week);
    const last = view.pattern.ends[view.pattern.ends.length - 1];
    if (last !== undefined) found = view.base + last;
    week = templateClosed ? previousExceptionWeek(c, week - 1) : week - 1;
  }
  return found;
}

/** End of the open period holding the open instant `start`; undefined if it does not close by `limit`. */
export function findNextClose(c: Compiled, start: number, limit: number): number | undefined {
  if (c.always) return undefined;
  let view = weekAt(c, start);
  let end = view.base + (view.pattern.ends[firstEndAfter(view.pattern, start - view.base)] as number);
  // An interval ending at the week's end continues if the next week opens at its start.
  while (end === view.next && end < limit) {
    let week = view.week + 1;
    // Regular weeks of an always-open template are open throughout: skip the run.
    if (c.fullWeek) week = Math.max(week, nextIrregularWeek(c, week));
    if (week > MAX_WEEK) return undefined;
    view = getWeek(c, week);
    // Any weeks skipped above were open throughout, so the period reaches this week's start.
    end = view.base;
    if (view.pattern.starts[0] !== 0) break;
    end = view.base + (view.pattern.ends[0] as number);
  }
  return end <= limit ? end : undefined;
}

const FAR_FUTURE = Number.POSITIVE_INFINITY;

/**
 * Whether the calendar is open at an instant. Intervals are half-open: the opening instant is
 * open, the closing instant is not.
 *
 * @param calendar - From {@link createCalendar}.
 * @param at - The instant.
 * @returns `true` inside open time.
 * @throws {@link InvalidArgumentError} for an invalid or out-of-range instant.
 * @example
 * ```ts
 * const cal = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'] } });
 * isOpen(cal, new Date('2026-11-23T15:00:00Z')); //=> true  (Mon 09:00 CST)
 * isOpen(cal, new Date('2026-11-23T23:00:00Z')); //=> false (Mon 17:00 CST, closing instant)
 * ```
 * @remarks Since 0.1.0
 */
export function isOpen(calendar: Calendar, at: Instant): boolean {
  return openAt(compiledOf(calendar), instantMs(at, 'at'));
}

/**
 * The earliest open instant at or after `from`: `from` itself when open, else the next opening.
 *
 * @param calendar - From {@link createCalendar}.
 * @param from - Where to start looking.
 * @returns The opening instant.
 * @throws {@link NoOpenTimeError} `CALENDAR_NEVER_OPENS` when no open time follows.
 * @throws {@link InvalidArgumentError} for a bad instant, or `RESULT_OUT_OF_RANGE` (at `from`) when
 *   the next opening is not before 2200-01-01T00:00Z.
 * @example
 * ```ts
 * const cal = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'] } });
 * nextOpen(cal, new Date('2026-11-21T12:00:00Z')); // Saturday
 * //=> 2026-11-23T15:00:00.000Z (Mon 09:00 CST)
 * ```
 * @remarks Since 0.1.0
 */
export function nextOpen(calendar: Calendar, from: Instant): Date {
  const t = instantMs(from, 'from');
  const found = findNextOpen(compiledOf(calendar), t, FAR_FUTURE);
  return found === undefined ? neverOpens('after', t) : new Date(inSupportedRange(found, 'next opening', 'from'));
}

/**
 * The next closing instant: the end of the open period holding `from`, or, when closed, the end
 * of the next open period. Touching intervals (an overnight shift running into the next day's
 * hours) count as one period.
 *
 * @param calendar - From {@link createCalendar}.
 * @param from - Where to start looking.
 * @returns The closing instant (never open itself).
 * @throws {@link NoOpenTimeError} `CALENDAR_NEVER_OPENS` when no open time follows, or
 *   `CALENDAR_NEVER_CLOSES` for a calendar that stays open (e.g. `alwaysOpen`).
 * @throws {@link InvalidArgumentError} for a bad instant, or `RESULT_OUT_OF_RANGE` (at `from`) when
 *   the closing instant is not before 2200-01-01T00:00Z.
 * @example
 * ```ts
 * const cal = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'] } });
 * nextClose(cal, new Date('2026-11-23T16:00:00Z'));
 * //=> 2026-11-23T23:00:00.000Z (Mon 17:00 CST)
 * ```
 * @remarks Since 0.1.0
 */
export function nextClose(calendar: Calendar, from: Instant): Date {
  const c = compiledOf(calendar);
  const t = instantMs(from, 'from');
  const start = findNextOpen(c, t, FAR_FUTURE);
  if (start === undefined) neverOpens('after', t);
  const found = findNextClose(c, start, FAR_FUTURE);
  return found === undefined ? neverCloses(t) : new Date(inSupportedRange(found, 'next closing', 'from'));
}

/**
 * The open intervals between two instants, clipped to `[from, to)`, in order. Touching intervals
 * are merged. Lazy: it computes one interval per step, so a long window costs only what you read.
 *
 * @param calendar - From {@link createCalendar}.
 * @param from - Window start (inclusive).
 * @param to - Window end (exclusive).
 * @returns An iterator of `{ start, end }`.
 * @throws {@link InvalidArgumentError} for invalid instants (at once, not on the first step).
 * @example
 * ```ts
 * const cal = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-12:00', '13:00-17:00'] } });
 * [...openIntervals(cal, new Date('2026-11-23T00:00Z'), new Date('2026-11-24T00:00Z'))]
 *   .map(({ start, end }) => `${start.toISOString()} - ${end.toISOString()}`);
 * //=> ['2026-11-23T09:00:00.000Z - 2026-11-23T12:00:00.000Z',
 * //    '2026-11-23T13:00:00.000Z - 2026-11-23T17:00:00.000Z']
 * ```
 * @remarks Since 0.1.0
 */
export function openIntervals(calendar: Calendar, from: Instant, to: Instant): IterableIterator<OpenInterval> {
  const c = compiledOf(calendar);
  return iterate(c, instantMs(from, 'from'), instantMs(to, 'to'));
}

function* iterate(c: Compiled, from: number, to: number): IterableIterator<OpenInterval> {
  let cursor = from;
  while (cursor < to) {
    const start = findNextOpen(c, cursor, to);
    if (start === undefined) return;
    const end = findNextClose(c, start, to) ?? to;
    yield { start: new Date(start), end: new Date(end) };
    cursor = end;
  }
}
