// A week's open time as sorted, merged, half-open intervals relative to the week's start, with a
// prefix sum of open time so positions inside a week are found by binary search.

import type { MinuteRange } from './time-range.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../_lib/civil.js';
import { upperBound } from '../_lib/sorted.js';

export interface Pattern {
  /** Interval starts, ms after the week's start, ascending. */
  readonly starts: readonly number[];
  /** Interval ends (exclusive); `ends[i] < starts[i + 1]` (touching intervals are merged). */
  readonly ends: readonly number[];
  /** `cum[i]` = open ms before interval i; `cum[n]` = `total`. */
  readonly cum: readonly number[];
  /** Open ms in the week. */
  readonly total: number;
}

/**
 * Builds the pattern of one week from the ranges of the days that can reach into it.
 *
 * @param firstDay - Day index of the week's Monday (any integer; only differences matter).
 * @param rangesOf - The ranges that open on a day.
 * @param toInstant - Maps a local ms value to the instant used for the pattern (identity for the
 *   template week, the zone's local-to-UTC conversion for a real week).
 * @param weekStart - Instant of the week's start; weekEnd - of the next week's start.
 */
export function buildPattern(
  firstDay: number,
  rangesOf: (day: number) => readonly MinuteRange[],
  toInstant: (localMs: number) => number,
  weekStart: number,
  weekEnd: number,
): Pattern {
  const raw: [number, number][] = [];
  // A range closes before the second midnight after its day, so the Sunday before is the
  // earliest day that can reach into this week.
  for (let day = firstDay - 1; day < firstDay + 7; day++) {
    const midnight = day * MS_PER_DAY;
    for (const range of rangesOf(day)) {
      const start = Math.max(toInstant(midnight + range.openMinute * MS_PER_MINUTE), weekStart);
      const end = Math.min(toInstant(midnight + range.closeMinute * MS_PER_MINUTE), weekEnd);
      if (end > start) raw.push([start, end]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of raw) {
    const last = ends.length - 1;
    if (last >= 0 && start <= (ends[last] as number)) ends[last] = Math.max(ends[last] as number, end);
    else {
      starts.push(start - weekStart);
      ends.push(end);
    }
  }
  const cum = [0];
  for (let i = 0; i < ends.length; i++) {
    ends[i] = (ends[i] as number) - weekStart;
    cum.push((cum[i] as number) + (ends[i] as number) - (starts[i] as number));
  }
  return { starts, ends, cum, total: cum[cum.length - 1] as number };
}

/** Index of the last interval starting at or before `rel`, or -1. */
export function lastStartAtOrBefore(pattern: Pattern, rel: number): number {
  return upperBound(pattern.starts, rel) - 1;
}

/** Index of the first interval ending after `rel`, or `starts.length`. */
export function firstEndAfter(pattern: Pattern, rel: number): number {
  return upperBound(pattern.ends, rel);
}

/** Open ms of the week before `rel`. */
export function openBefore(pattern: Pattern, rel: number): number {
  const i = lastStartAtOrBefore(pattern, rel);
  if (i < 0) return 0;
  return (pattern.cum[i] as number) + Math.min(rel, pattern.ends[i] as number) - (pattern.starts[i] as number);
}

/** Earliest `rel` with `pos` open ms before it (0 < pos <= total): a closing instant on a boundary. */
export function forwardAt(pattern: Pattern, pos: number): number {
  const { cum } = pattern;
  let lo = 0;
  let hi = cum.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid + 1] as number) >= pos) hi = mid;
    else lo = mid + 1;
  }
  return (pattern.starts[lo] as number) + pos - (cum[lo] as number);
}

/** Latest `rel` with `pos` open ms before it (0 <= pos < total): an opening instant on a boundary. */
export function backwardAt(pattern: Pattern, pos: number): number {
  const { cum } = pattern;
  let lo = 0;
  let hi = cum.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((cum[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return (pattern.starts[lo] as number) + pos - (cum[lo] as number);
}
