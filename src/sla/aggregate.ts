// Aggregates over many tickets' clocks: service level, breaches in a rolling window, median time.

import * as messages from '../_lib/messages.js';
import type { Instant } from '../calendar/index.js';
import type { Issue } from '../errors/index.js';
import { checkKeys, given, instantAt, isRecord, listAt, msAt, numberAt, oneOf, recordAt, textAt, throwIssues } from './arguments.js';
import { CLOCK_STATUSES, type ClockStatus, type SlaClock } from './clock.js';
import { MAX_SPAN_DAYS } from './schema.js';

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
 * A rolling window of whole days: `{ days: 30 }` is the `30 × 24` hours up to and including `now`,
 * `(now - 30 × 86,400,000 ms, now]`, whatever the time zone (a day here is 24 hours of elapsed
 * time, not a local date). The same shape as an escalation policy's `breachWindow`, so a report
 * counts what escalation counts.
 *
 * @remarks Since 0.2.0
 */
export interface BreachWindow {
  /** Whole days, 1 to 3650. */
  readonly days: number;
}

/**
 * Options of {@link breachesByGroup}: `now` (the instant the window ends, inclusive), the window
 * as `windowMs` (milliseconds, more than 0) or as `window` (whole days, e.g. an escalation
 * policy's `breachWindow`), one of the two, and `moreThan` (a group `exceeds` with more breaches
 * than this; default 0).
 *
 * @remarks Since 0.2.0
 */
export type BreachesByGroupOptions =
  | { readonly now: Instant; readonly windowMs: number; readonly window?: never; readonly moreThan?: number }
  | { readonly now: Instant; readonly window: BreachWindow; readonly windowMs?: never; readonly moreThan?: number };

/**
 * Counts SLA breaches per group (queue, team, customer) in a rolling window, e.g. "more than 3
 * breaches in 30 days opens a remediation ticket". A clock counts when it is `breached` or
 * `missed` and it went over its target in `(now - windowMs, now]`: at its `breachedAt` (since
 * 0.2.0; a deadline at a closing instant is only overrun at the next opening), or at its
 * `deadline` for a clock without one. The window is `windowMs`, or (since 0.2.0) `window: { days }`
 * — pass an escalation policy's `breachWindow` to count exactly what `decideEscalation` counts.
 *
 * @param clocks - Clocks with a `group` (spread your queue onto each clock): each needs `group`
 *   (text), `status` (one of the five clock statuses) and `breachedAt` or `deadline` (an instant;
 *   a null or missing `breachedAt` falls back to `deadline`); other fields are ignored.
 * @param options - `now`, the window (`windowMs`, more than 0, or `window: { days }`, whole days
 *   1 to 3650) and the `moreThan` threshold (a whole number, default 0); nothing else.
 * @returns One entry per group seen, sorted by group, including groups with no breach.
 * @throws {@link InvalidArgumentError} listing every problem: `INVALID_TYPE`, `REQUIRED`,
 *   `INVALID_VALUE` (a status, with a did-you-mean) and the instant codes at
 *   `['clocks', i, field]`; `UNKNOWN_KEY`, `INVALID_DURATION` (`['windowMs']`,
 *   `['window', 'days']`), `CONFLICTING_FIELDS` (both `windowMs` and `window`), `INVALID_FACT`
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
 * // The window of an escalation policy, as it counts it: escalationPolicy.spec.breachWindow
 * breachesByGroup(clocks, { now: new Date('2026-11-30T00:00Z'), window: { days: 30 } })[0]?.breaches;
 * //=> 4
 * ```
 * @remarks Since 0.1.0
 */
export function breachesByGroup(
  clocks: readonly { readonly group: string; readonly status: ClockStatus; readonly deadline: Instant; readonly breachedAt?: Instant | null }[],
  options: BreachesByGroupOptions,
): GroupBreaches[] {
  const issues: Issue[] = [];
  let now = Number.NaN;
  let windowMs = Number.NaN;
  let moreThan: number | undefined = 0;
  if (recordAt(options, ['options'], issues, 'options', '{ now, windowMs, moreThan }')) {
    checkKeys(options, OPTION_KEYS, 'of the options', [], issues);
    if (given(options.now, ['now'], issues, 'the instant the window ends')) now = instantAt(options.now, ['now'], issues);
    if (options.window !== undefined) {
      if (options.windowMs !== undefined) issues.push({ code: 'CONFLICTING_FIELDS', path: ['window'], message: messages.BREACH_WINDOW_CONFLICT() });
      else windowMs = windowMsAt(options.window, ['window'], issues);
    } else if (given(options.windowMs, ['windowMs'], issues, 'the window length in milliseconds')) windowMs = msAt(options.windowMs, ['windowMs'], issues, 'The window', true) ?? Number.NaN;
    if (options.moreThan !== undefined) moreThan = numberAt(options.moreThan, ['moreThan'], issues, { min: 0, whole: true });
  }
  const groups = new Map<string, { breaches: number; first: number; last: number }>();
  const list = listAt(clocks, ['clocks'], issues, 'clocks with a group') ?? [];
  for (let i = 0; i < list.length; i++) {
    const clock = recordAt(list[i], ['clocks', i], issues, 'clock', 'a clock with a group');
    if (!clock) continue;
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

const OPTION_KEYS = ['now', 'windowMs', 'window', 'moreThan'] as const;
const DAY_MS = 86_400_000;

/** The length of a `{ days }` window in milliseconds, or NaN after adding its issues. */
function windowMsAt(window: unknown, path: (string | number)[], issues: Issue[]): number {
  if (!isRecord(window)) {
    issues.push({ code: 'INVALID_TYPE', path, message: messages.NOT_AN_OBJECT(String(path[path.length - 1]), '{ days }', window) });
    return Number.NaN;
  }
  checkKeys(window, ['days'], 'of a window', path, issues);
  const days = window.days;
  if (!given(days, [...path, 'days'], issues, 'the window length in whole days')) return Number.NaN;
  if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_SPAN_DAYS) return days * DAY_MS;
  issues.push({ code: 'INVALID_DURATION', path: [...path, 'days'], message: messages.BREACH_WINDOW_DAYS(days, MAX_SPAN_DAYS) });
  return Number.NaN;
}

/**
 * The current SLA status of each metric of one ticket, from its report: per metric, the status of
 * the clock of its latest cycle (the highest `cycle`; of two clocks with the same cycle, the later
 * in the report). Earlier cycles are over — a next-response clock per customer message, a
 * resolution clock per reopening, a periodic update per interval — so their verdicts are
 * history, not the state now: a ticket reopened after a missed resolution is judged by its new
 * resolution clock. A metric without a clock (not started, or not targeted) is left out. This is
 * what an escalation case's `slaStatus` takes ("escalate when resolution is at risk").
 *
 * @param report - An SLA report (`evaluateSla`'s result), or any `{ clocks }` whose clocks have a
 *   `metric` (text), a `cycle` (a whole number, 1 or more) and a `status` (one of the five clock
 *   statuses); other fields are ignored.
 * @returns Metric → status, in the order metrics first appear in the report.
 * @throws {@link InvalidArgumentError} listing every problem: `INVALID_TYPE` (`['report']`, or a
 *   clock or field at `['clocks', i, field]`), `REQUIRED`, `INVALID_FACT` (a cycle below 1 or not
 *   whole) and `INVALID_VALUE` (a status, with a did-you-mean).
 * @example
 * ```ts
 * // In practice: slaStatusByMetric(evaluateSla(policy, ticket, now))
 * const report = { clocks: [
 *   { metric: 'firstResponse', cycle: 1, status: 'met' },
 *   { metric: 'resolution', cycle: 1, status: 'missed' },  // solved late, then reopened
 *   { metric: 'resolution', cycle: 2, status: 'at-risk' },
 * ] } as const;
 * slaStatusByMetric(report);
 * //=> { firstResponse: 'met', resolution: 'at-risk' }
 * ```
 * @remarks Since 0.2.0
 */
export function slaStatusByMetric(report: { readonly clocks: readonly Pick<SlaClock, 'metric' | 'cycle' | 'status'>[] }): Record<string, ClockStatus> {
  const issues: Issue[] = [];
  const latest = new Map<string, { cycle: number; status: ClockStatus }>();
  let list: readonly unknown[] = [];
  const checked = recordAt(report, ['report'], issues, 'report', 'an SLA report');
  if (checked && given(checked.clocks, ['clocks'], issues, 'the report\'s SLA clocks')) list = listAt(checked.clocks, ['clocks'], issues, 'SLA clocks') ?? [];
  for (let i = 0; i < list.length; i++) {
    const clock = recordAt(list[i], ['clocks', i], issues, 'clock', 'an SLA clock');
    if (!clock) continue;
    const metric = given(clock.metric, ['clocks', i, 'metric'], issues) ? textAt(clock.metric, ['clocks', i, 'metric'], issues) : undefined;
    const cycle = given(clock.cycle, ['clocks', i, 'cycle'], issues) ? numberAt(clock.cycle, ['clocks', i, 'cycle'], issues, { min: 1, whole: true }) : undefined;
    const status = given(clock.status, ['clocks', i, 'status'], issues) ? oneOf(clock.status, CLOCK_STATUSES, ['clocks', i, 'status'], issues) : undefined;
    if (metric === undefined || cycle === undefined || status === undefined) continue;
    const seen = latest.get(metric);
    if (!seen || cycle >= seen.cycle) latest.set(metric, { cycle, status });
  }
  throwIssues(issues);
  // fromEntries defines own properties: a metric named "__proto__" stays a metric.
  return Object.fromEntries([...latest].map(([metric, { status }]) => [metric, status]));
}

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
    const clock = recordAt(list[i], ['clocks', i], issues, 'clock', 'a clock');
    if (!clock) continue;
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
