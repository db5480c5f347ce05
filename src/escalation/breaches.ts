// Recurring breaches ("more than 3 breaches in 30 days"): the case gives its queue's breach
// instants, the policy holds the rolling window, and the count is taken as of `now`. The count is
// a step function of time: it rises when a breach's instant is reached and falls when the breach
// leaves the window, so the instants it can change at are known in advance (for `nextCheckAt`).

import { formatInstant as iso } from '../_lib/civil.js';
import { upperBound } from '../_lib/sorted.js';
import type { Reason } from '../_lib/reason.js';

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
  /** Breaches after `now`: not yet happened as of `now`, so not counted. */
  readonly afterNow: number;
}

/** The window's length in milliseconds: whole days of 24 hours. */
export const windowMsOf = (window: Window): number => window.days * DAY_MS;


/** The number of sorted breaches in `(t - windowMs, t]`. */
export function countAt(sorted: readonly number[], t: number, windowMs: number): number {
  return upperBound(sorted, t) - upperBound(sorted, t - windowMs);
}

/** The sorted breaches counted in the window ending at `now`. */
export function countBreaches(sorted: readonly number[], now: number, windowMs: number): BreachCount {
  const first = upperBound(sorted, now - windowMs);
  const last = upperBound(sorted, now);
  return { count: last - first, from: now - windowMs, to: now, counted: sorted.slice(first, last), afterNow: sorted.length - last };
}

/**
 * The instants after `now` at which the count changes, sorted and distinct: a breach after `now`
 * enters the window at its own instant; a breach leaves it exactly one window later (at
 * `b + window`, `b` is no longer after `t - window`).
 */
export function breachChanges(sorted: readonly number[], now: number, windowMs: number): number[] {
  const out = new Set<number>();
  for (const b of sorted) {
    if (b > now) out.add(b);
    if (b + windowMs > now) out.add(b + windowMs);
  }
  return [...out].sort((a, b) => a - b);
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
