import { compiledOf, type Calendar, type Compiled } from './compile.js';
import { instantMs, type Instant } from './arguments.js';
import { openBefore } from './pattern.js';
import { openMsInWeeks } from './blocks.js';
import { weekAt } from './week.js';

/** Open ms in [a, b) for a <= b. */
export function openMsBetween(c: Compiled, a: number, b: number): number {
  if (c.always) return b - a;
  const first = weekAt(c, a);
  const last = weekAt(c, b);
  const before = openBefore(first.pattern, a - first.base);
  if (first.week === last.week) return openBefore(last.pattern, b - last.base) - before;
  return first.pattern.total - before + openMsInWeeks(c, first.week + 1, last.week) + openBefore(last.pattern, b - last.base);
}

/**
 * Business time between two instants: the open time in `[a, b)`, in milliseconds, negative when
 * `b` is before `a`. The inverse of {@link addBusinessTime}:
 * `businessTimeBetween(cal, s, addBusinessTime(cal, s, d)) === d`.
 *
 * @param calendar - From {@link createCalendar}.
 * @param a - Start instant.
 * @param b - End instant.
 * @returns Milliseconds of open time (real elapsed time, DST included).
 * @throws {@link InvalidArgumentError} for an invalid or out-of-range instant.
 * @example
 * ```ts
 * const cal = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } });
 * businessTimeBetween(cal, new Date('2026-11-23T21:00:00Z'), new Date('2026-11-24T17:00:00Z')) / 3_600_000;
 * //=> 4
 * ```
 * @remarks Since 0.1.0
 */
export function businessTimeBetween(calendar: Calendar, a: Instant, b: Instant): number {
  const c = compiledOf(calendar);
  const from = instantMs(a, 'a');
  const to = instantMs(b, 'b');
  return from <= to ? openMsBetween(c, from, to) : 0 - openMsBetween(c, to, from);
}
