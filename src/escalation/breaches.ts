// Recurring breaches ("more than 3 breaches in 30 days"): the case gives its queue's breach
// instants, the policy holds the rolling window, and the count is taken as of `now`. The count is
// a step function of time: it rises when a breach's instant is reached and falls when the breach
// leaves the window, so the instants it can change at are known in advance (for `nextCheckAt`).

import { formatInstant as iso } from '../_lib/civil.js';
import { matches, type Condition } from '../_lib/condition.js';
import { upperBound } from '../_lib/sorted.js';
import type { Reason } from '../_lib/reason.js';
import type { JsonPath } from '../errors/index.js';

const DAY_MS = 86_400_000;

/** A rolling window of whole days (the policy's `breachWindow`). */
export interface Window {
  readonly days: number;
}

/** The case's breaches counted in the window ending at `now`. */
export interface BreachCount {
  readonly count: number;
  /** The window `(from, to]`: `from` is excluded, `to` is `now`. */
  readonly from: number;
  readonly to: number;
  /** The instants counted, oldest first. */
  readonly counted: readonly number[];
  /** The sorted position of the first instant counted. */
  readonly first: number;
  /** Breaches after `now`: not yet happened as of `now`, so not counted. */
  readonly afterNow: number;
}

/** The window's length in milliseconds: whole days of 24 hours. */
export const windowMsOf = (window: Window): number => window.days * DAY_MS;

/** The breaches a count is taken from, sorted, the window length, and each one's index in the case. */
export interface Breaches {
  readonly sorted: readonly number[];
  readonly windowMs: number;
  /** For each sorted position, the breach's index in the case's `breaches` (for error paths). */
  readonly index: readonly number[];
}

/** The case's breaches, sorted (equal instants in the case's order: the sort is stable). */
export function breachesOf(given: readonly number[], windowMs: number): Breaches {
  const index = given.map((_, i) => i).sort((a, b) => (given[a] as number) - (given[b] as number));
  return { sorted: index.map((i) => given[i] as number), windowMs, index };
}

/**
 * The instants at which a count test starts to hold, ascending, each with the breach that made it
 * hold (`['breaches', i]`): the breach reaching its instant when the count rose, the breach leaving
 * the window (at its instant + window) when the count fell. A run already under way before the
 * first breach (a test that holds for no breaches) has no start.
 */
export interface Rises {
  readonly at: readonly number[];
  readonly from: readonly JsonPath[];
}

/**
 * Where the runs of a count test start. The count is a step function that changes only at breach
 * instants and at breach + window, so one sweep over those change points finds every run.
 */
export function countRises(test: Condition, breaches: Breaches): Rises {
  const { sorted, windowMs, index } = breaches;
  const holds = (count: number) => matches(test, { breachesInWindow: count });
  const at: number[] = [];
  const from: JsonPath[] = [];
  const n = sorted.length;
  let entered = 0; // breaches at or before the change point
  let left = 0; // breaches that have left the window by it
  let count = 0;
  let held = holds(0);
  // A breach leaves the window only after it entered it (left <= entered), so the sweep ends when
  // the last breach has left.
  while (left < n) {
    const c = Math.min(entered < n ? (sorted[entered] as number) : Infinity, (sorted[left] as number) + windowMs);
    while (entered < n && sorted[entered] === c) entered++;
    while (left < n && (sorted[left] as number) + windowMs === c) left++;
    // Breaches at or before c, less those at or before c - window: the count of (c - window, c].
    const next = entered - left;
    const holdsNext = holds(next);
    if (holdsNext && !held) {
      at.push(c);
      from.push(['breaches', index[next > count ? entered - 1 : left - 1] as number]);
    }
    count = next;
    held = holdsNext;
  }
  return { at, from };
}

/** The start of the run of a count test under way at `t` (the test holds at `t`), or undefined before the first breach. */
export function runStart(rises: Rises, t: number): { readonly at: number; readonly from: JsonPath } | undefined {
  const k = upperBound(rises.at, t) - 1;
  return k < 0 ? undefined : { at: rises.at[k] as number, from: rises.from[k] as JsonPath };
}

/** The number of sorted breaches in `(t - windowMs, t]`. */
export function countAt(sorted: readonly number[], t: number, windowMs: number): number {
  return upperBound(sorted, t) - upperBound(sorted, t - windowMs);
}

/** The sorted breaches counted in the window ending at `now`. */
export function countBreaches(sorted: readonly number[], now: number, windowMs: number): BreachCount {
  const first = upperBound(sorted, now - windowMs);
  const last = upperBound(sorted, now);
  return { count: last - first, from: now - windowMs, to: now, counted: sorted.slice(first, last), first, afterNow: sorted.length - last };
}

/**
 * The instants after `now` at which the count changes, each once (the next check sorts them with
 * the time triggers): a breach after `now` enters the window at its own instant; a breach leaves it
 * exactly one window later (at `b + window`, `b` is no longer after `t - window`).
 */
export function breachChanges(sorted: readonly number[], now: number, windowMs: number): number[] {
  const out = new Set<number>();
  for (const b of sorted) {
    if (b > now) out.add(b);
    if (b + windowMs > now) out.add(b + windowMs);
  }
  return [...out];
}


/** What a reason says about the count: the count, the window and every instant counted. */
export function breachFacts(count: BreachCount, window: Window): Reason['facts'] {
  return {
    breachesInWindow: count.count,
    breachWindowDays: window.days,
    breachWindowFrom: iso(count.from),
    breachWindowTo: iso(count.to),
    breachesCounted: count.counted.map(iso),
    breachesAfterNow: count.afterNow,
  };
}

/** The count in words: "4 breaches in the 30 days to 2026-11-30T00:00:00.000Z". */
export function breachText(count: BreachCount, window: Window): string {
  return `${String(count.count)} breach${count.count === 1 ? '' : 'es'} in the ${String(window.days)} day${window.days === 1 ? '' : 's'} to ${iso(count.to)}`;
}
