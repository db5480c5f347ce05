// Aggregates over many tickets' clocks: service level, breaches in a rolling window, median time.

import { messages } from '../_lib/messages.js';
import type { Instant } from '../calendar/index.js';
import type { Issue } from '../errors/index.js';
import { checkKeys, given, instantAt, isRecord, listAt, msAt, numberAt, oneOf, textAt, throwIssues } from './arguments.js';
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

const CLOCK_STATUSES: readonly ClockStatus[] = ['met', 'missed', 'ok', 'at-risk', 'breached'];
const BASES = ['business', 'calendar'] as const;

/**
 * Service level: the share of durations at or under a threshold, e.g. phone answered within
 * 20 s for 80 % of calls.
 *
 * @param durationsMs - Measured durations in milliseconds (e.g. each clock's `elapsedMs`).
 * @param thresholdMs - The "within" limit; a duration equal to it counts as within.
 * @returns Counts and the percentage (null when there is nothing to measure).
 * @throws {@link InvalidArgumentError} `INVALID_TYPE` when `durationsMs` is not a list;
 *   `INVALID_DURATION` for a negative or non-finite duration (at `['durationsMs', i]`) or threshold
 *   (at `['thresholdMs']`), every one listed.
 * @example
 * ```ts
 * serviceLevel([5_000, 12_000, 20_000, 31_000], 20_000);
 * //=> { total: 4, within: 3, percent: 75, thresholdMs: 20000 }
 * ```
 * @remarks Since 0.1.0
 */
export function serviceLevel(durationsMs: readonly number[], thresholdMs: number): ServiceLevel {
  const issues: Issue[] = [];
  const threshold = msAt(thresholdMs, ['thresholdMs'], issues, 'The threshold', false) as number;
  const list = listAt(durationsMs, ['durationsMs'], issues, 'durations in milliseconds') ?? [];
  let within = 0;
  for (let i = 0; i < list.length; i++) {
    const ms = list[i];
    if (typeof ms === 'number' && ms >= 0 && ms !== Number.POSITIVE_INFINITY) {
      if (ms <= threshold) within++;
    } else msAt(ms, ['durationsMs', i], issues, 'Each duration', false);
  }
  throwIssues(issues);
  const total = list.length;
  return { total, within, percent: total === 0 ? null : (within / total) * 100, thresholdMs };
}

/**
 * Breaches counted per group in a rolling window.
 *
 * @remarks Since 0.1.0
 */
export interface GroupBreaches {
  readonly group: string;
  /** Breached or missed clocks that went over their target in `(now - window, now]` (at `breachedAt`, else `deadline`). */
  readonly breaches: number;
  /** `breaches > moreThan`. */
  readonly exceeds: boolean;
  readonly firstAt: Date | null;
  readonly lastAt: Date | null;
}

/**
 * Counts SLA breaches per group (queue, team, customer) in a rolling window, e.g. "more than 3
 * breaches in 30 days opens a remediation ticket". A clock counts when it is `breached` or
 * `missed` and it went over its target in `(now - windowMs, now]`: at its `breachedAt` (since
 * 0.2.0; a deadline at a closing instant is only overrun at the next opening), or at its
 * `deadline` for a clock without one.
 *
 * @param clocks - Clocks with a `group` (spread your queue onto each clock): each needs `group`
 *   (text), `status` (one of the five clock statuses) and `breachedAt` or `deadline` (an instant;
 *   a null or missing `breachedAt` falls back to `deadline`); other fields are ignored.
 * @param options - `now`, the window length `windowMs` (more than 0) and the `moreThan` threshold
 *   (a whole number, default 0); nothing else.
 * @returns One entry per group seen, sorted by group, including groups with no breach.
 * @throws {@link InvalidArgumentError} listing every problem: `INVALID_TYPE`, `REQUIRED`,
 *   `INVALID_VALUE` (a status, with a did-you-mean) and the instant codes at
 *   `['clocks', i, field]`; `UNKNOWN_KEY`, `INVALID_DURATION` (`['windowMs']`), `INVALID_FACT`
 *   (`['moreThan']`) and the instant codes (`['now']`) for the options.
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
  clocks: readonly { readonly group: string; readonly status: ClockStatus; readonly deadline: Instant; readonly breachedAt?: Instant | null }[],
  options: { readonly now: Instant; readonly windowMs: number; readonly moreThan?: number },
): GroupBreaches[] {
  const issues: Issue[] = [];
  let now = Number.NaN;
  let windowMs = Number.NaN;
  let moreThan: number | undefined = 0;
  if (!isRecord(options)) issues.push({ code: 'INVALID_TYPE', path: ['options'], message: messages.NOT_AN_OBJECT('options', '{ now, windowMs, moreThan }', options) });
  else {
    checkKeys(options, OPTION_KEYS, 'of the options', [], issues);
    if (given(options.now, ['now'], issues, 'the instant the window ends')) now = instantAt(options.now, ['now'], issues);
    if (given(options.windowMs, ['windowMs'], issues, 'the window length in milliseconds')) windowMs = msAt(options.windowMs, ['windowMs'], issues, 'The window', true) ?? Number.NaN;
    if (options.moreThan !== undefined) moreThan = numberAt(options.moreThan, ['moreThan'], issues, { min: 0, whole: true });
  }
  const groups = new Map<string, { breaches: number; first: number; last: number }>();
  const list = listAt(clocks, ['clocks'], issues, 'clocks with a group') ?? [];
  for (let i = 0; i < list.length; i++) {
    const clock = list[i];
    if (!isRecord(clock)) {
      issues.push({ code: 'INVALID_TYPE', path: ['clocks', i], message: messages.NOT_AN_OBJECT('clock', 'a clock with a group', clock) });
      continue;
    }
    const group = given(clock.group, ['clocks', i, 'group'], issues) ? textAt(clock.group, ['clocks', i, 'group'], issues) : undefined;
    const status = given(clock.status, ['clocks', i, 'status'], issues) ? oneOf(clock.status, CLOCK_STATUSES, ['clocks', i, 'status'], issues) : undefined;
    const dated = clock.breachedAt === undefined || clock.breachedAt === null ? 'deadline' : 'breachedAt';
    const at = given(clock[dated], ['clocks', i, dated], issues) ? instantAt(clock[dated], ['clocks', i, dated], issues) : Number.NaN;
    if (group === undefined || status === undefined || Number.isNaN(at)) continue;
    let entry = groups.get(group);
    if (!entry) groups.set(group, (entry = { breaches: 0, first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY }));
    if ((status === 'breached' || status === 'missed') && at > now - windowMs && at <= now) {
      entry.breaches++;
      entry.first = Math.min(entry.first, at);
      entry.last = Math.max(entry.last, at);
    }
  }
  throwIssues(issues);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, { breaches, first, last }]) => ({
      group,
      breaches,
      exceeds: breaches > (moreThan as number),
      firstAt: breaches > 0 ? new Date(first) : null,
      lastAt: breaches > 0 ? new Date(last) : null,
    }));
}

const OPTION_KEYS = ['now', 'windowMs', 'moreThan'] as const;

/**
 * Median time of stopped clocks, in business time (paused time excluded, on the clock's calendar)
 * or in calendar time (stop minus start), e.g. median time to resolution ≤ 48 hours.
 *
 * @param clocks - Clocks; only stopped ones count (`stoppedAt` an instant, not null). A stopped
 *   clock needs `elapsedMs` (business) or `startedAt` (calendar).
 * @param basis - `'business'` (default) or `'calendar'`.
 * @returns The median in milliseconds and the sample size; `medianMs` is null for no sample.
 * @throws {@link InvalidArgumentError} listing every problem: `INVALID_VALUE` / `INVALID_TYPE` for
 *   another `basis` (at `['basis']`, with a did-you-mean); `INVALID_TYPE`, `REQUIRED`,
 *   `INVALID_DURATION` and the instant codes at `['clocks', i, field]`.
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
  const issues: Issue[] = [];
  const by = oneOf(basis, BASES, ['basis'], issues);
  const list = listAt(clocks, ['clocks'], issues, 'clocks') ?? [];
  const values: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const clock = list[i];
    if (!isRecord(clock)) {
      issues.push({ code: 'INVALID_TYPE', path: ['clocks', i], message: messages.NOT_AN_OBJECT('clock', 'a clock', clock) });
      continue;
    }
    if (!given(clock.stoppedAt, ['clocks', i, 'stoppedAt'], issues, 'an instant, or null while the clock runs') || clock.stoppedAt === null) continue;
    const stop = instantAt(clock.stoppedAt, ['clocks', i, 'stoppedAt'], issues);
    if (by === 'calendar') {
      const start = given(clock.startedAt, ['clocks', i, 'startedAt'], issues) ? instantAt(clock.startedAt, ['clocks', i, 'startedAt'], issues) : Number.NaN;
      values.push(stop - start);
    } else if (by === 'business') {
      values.push(msAt(clock.elapsedMs, ['clocks', i, 'elapsedMs'], issues, 'elapsedMs', false) ?? Number.NaN);
    }
  }
  throwIssues(issues);
  values.sort((a, b) => a - b);
  const n = values.length;
  if (n === 0) return { medianMs: null, sample: 0 };
  const mid = n >> 1;
  return { medianMs: n % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2, sample: n };
}
