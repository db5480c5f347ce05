// Aggregates over many tickets' clocks: service level, breaches in a rolling window, median time.

import { instantMs } from '../_lib/instant.js';
import { messages } from '../_lib/messages.js';
import type { Instant } from '../calendar/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import type { ClockStatus, SlaClock } from './clock.js';

/**
 * "X % within Y": how many of the measured durations are within the threshold.
 *
 * @remarks Since 0.1.0
 */
export interface ServiceLevel {
  readonly total: number;
  readonly within: number;
  /** `within / total × 100`, or null for an empty sample (never a misleading 0 %). */
  readonly percent: number | null;
  readonly thresholdMs: number;
}

function check(condition: boolean, code: 'INVALID_DURATION' | 'INVALID_INSTANT', path: string, message: string): void {
  if (!condition) throw new InvalidArgumentError([{ code, path: [path], message }]);
}

/**
 * Service level: the share of durations at or under a threshold, e.g. phone answered within
 * 20 s for 80 % of calls.
 *
 * @param durationsMs - Measured durations in milliseconds (e.g. each clock's `elapsedMs`).
 * @param thresholdMs - The "within" limit; a duration equal to it counts as within.
 * @returns Counts and the percentage (null when there is nothing to measure).
 * @throws {@link InvalidArgumentError} `INVALID_DURATION` for a negative or non-finite value.
 * @example
 * ```ts
 * serviceLevel([5_000, 12_000, 20_000, 31_000], 20_000);
 * //=> { total: 4, within: 3, percent: 75, thresholdMs: 20000 }
 * ```
 * @remarks Since 0.1.0
 */
export function serviceLevel(durationsMs: readonly number[], thresholdMs: number): ServiceLevel {
  check(Number.isFinite(thresholdMs) && thresholdMs >= 0, 'INVALID_DURATION', 'thresholdMs', messages.INVALID_MS('The threshold', false));
  let within = 0;
  durationsMs.forEach((ms, i) => {
    check(Number.isFinite(ms) && ms >= 0, 'INVALID_DURATION', `durationsMs[${i}]`, messages.INVALID_MS('Each duration', false));
    if (ms <= thresholdMs) within++;
  });
  const total = durationsMs.length;
  return { total, within, percent: total === 0 ? null : (within / total) * 100, thresholdMs };
}

/**
 * Breaches counted per group in a rolling window.
 *
 * @remarks Since 0.1.0
 */
export interface GroupBreaches {
  readonly group: string;
  /** Breached or missed clocks whose deadline falls in `(now - window, now]`. */
  readonly breaches: number;
  /** `breaches > moreThan`. */
  readonly exceeds: boolean;
  readonly firstAt: Date | null;
  readonly lastAt: Date | null;
}

/**
 * Counts SLA breaches per group (queue, team, customer) in a rolling window, e.g. "more than 3
 * breaches in 30 days opens a remediation ticket". A clock counts when it is `breached` or
 * `missed` and its deadline lies in `(now - windowMs, now]`.
 *
 * @param clocks - Clocks with a `group` (spread your queue onto each clock).
 * @param options - `now`, the window length and the `moreThan` threshold (default 0).
 * @returns One entry per group seen, sorted by group, including groups with no breach.
 * @example
 * ```ts
 * // In practice: reports.flatMap((r) => r.clocks.map((clock) => ({ ...clock, group: queueOf(r) })))
 * const clocks = ['2026-11-02', '2026-11-10', '2026-11-20', '2026-11-28'].map((day) => ({
 *   group: 'billing', status: 'missed' as const, deadline: new Date(`${day}T12:00:00Z`),
 * }));
 * breachesByGroup(clocks, { now: new Date('2026-11-30T00:00Z'), windowMs: 30 * 86_400_000, moreThan: 3 })
 *   .map(({ group, breaches, exceeds }) => [group, breaches, exceeds]);
 * //=> [['billing', 4, true]]
 * ```
 * @remarks Since 0.1.0
 */
export function breachesByGroup(
  clocks: readonly { readonly group: string; readonly status: ClockStatus; readonly deadline: Date }[],
  options: { readonly now: Instant; readonly windowMs: number; readonly moreThan?: number },
): GroupBreaches[] {
  const now = instantMs(options.now, 'now');
  check(Number.isFinite(options.windowMs) && options.windowMs > 0, 'INVALID_DURATION', 'windowMs', messages.INVALID_MS('The window', true));
  const moreThan = options.moreThan ?? 0;
  const groups = new Map<string, number[]>();
  for (const clock of clocks) {
    const list = groups.get(clock.group) ?? [];
    groups.set(clock.group, list);
    const at = clock.deadline.getTime();
    if ((clock.status === 'breached' || clock.status === 'missed') && at > now - options.windowMs && at <= now) list.push(at);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, list]) => ({
      group,
      breaches: list.length,
      exceeds: list.length > moreThan,
      firstAt: list.length > 0 ? new Date(Math.min(...list)) : null,
      lastAt: list.length > 0 ? new Date(Math.max(...list)) : null,
    }));
}

/**
 * Median time of stopped clocks, in business time (paused time excluded, on the clock's calendar)
 * or in calendar time (stop minus start), e.g. median time to resolution ≤ 48 hours.
 *
 * @param clocks - Clocks; only stopped ones count.
 * @param basis - `'business'` (default) or `'calendar'`.
 * @returns The median in milliseconds and the sample size; `medianMs` is null for no sample.
 * @example
 * ```ts
 * const start = new Date('2026-11-23T09:00:00Z');
 * const stopped = (hours: number, businessHours: number) =>
 *   ({ startedAt: start, stoppedAt: new Date(start.getTime() + hours * 3_600_000), elapsedMs: businessHours * 3_600_000 });
 * medianClockTime([stopped(4, 4), stopped(66, 2), stopped(24, 8)], 'calendar'); //=> { medianMs: 86400000, sample: 3 }
 * medianClockTime([stopped(4, 4), stopped(66, 2), stopped(24, 8)]);             //=> { medianMs: 14400000, sample: 3 }
 * ```
 * @remarks Since 0.1.0
 */
export function medianClockTime(
  clocks: readonly Pick<SlaClock, 'stoppedAt' | 'startedAt' | 'elapsedMs'>[],
  basis: 'business' | 'calendar' = 'business',
): { readonly medianMs: number | null; readonly sample: number } {
  const values = clocks
    .filter((clock) => clock.stoppedAt !== null)
    .map((clock) => (basis === 'business' ? clock.elapsedMs : (clock.stoppedAt as Date).getTime() - clock.startedAt.getTime()))
    .sort((a, b) => a - b);
  const n = values.length;
  if (n === 0) return { medianMs: null, sample: 0 };
  const mid = n >> 1;
  return { medianMs: n % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2, sample: n };
}
