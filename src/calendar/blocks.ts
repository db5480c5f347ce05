// Blocks of 64 consecutive weeks with a prefix sum of each week's open time, so a long span of
// business time is crossed in a few block steps plus a binary search, whatever the number of
// holidays and DST changes inside it. A block is built from runs of regular weeks (filled in
// arithmetically with the template's weekly total) and the few irregular weeks, built exactly.

import type { Compiled } from './compile.js';
import { getWeek, nextIrregularWeek } from './week.js';

export const BLOCK_WEEKS = 64;
const BLOCK_CACHE_SIZE = 64;

export interface Block {
  /** First week of the block (a multiple of BLOCK_WEEKS). */
  readonly start: number;
  /** `cum[i]` = open ms in the block's weeks before week `start + i`; `cum[BLOCK_WEEKS]` = total. */
  readonly cum: Float64Array;
}

/** The block holding a week. Cached, bounded. */
export function blockOf(c: Compiled, week: number): Block {
  const start = Math.floor(week / BLOCK_WEEKS) * BLOCK_WEEKS;
  let block = c.blocks.get(start);
  if (block) return block;
  const cum = new Float64Array(BLOCK_WEEKS + 1);
  const weekly = c.pattern.total;
  let i = 0;
  while (i < BLOCK_WEEKS) {
    const irregular = Math.min(nextIrregularWeek(c, start + i, start + BLOCK_WEEKS) - start, BLOCK_WEEKS);
    for (; i < irregular; i++) cum[i + 1] = (cum[i] as number) + weekly;
    if (i < BLOCK_WEEKS) {
      cum[i + 1] = (cum[i] as number) + getWeek(c, start + i).pattern.total;
      i++;
    }
  }
  block = { start, cum };
  if (c.blocks.size >= BLOCK_CACHE_SIZE) c.blocks.delete(c.blocks.keys().next().value as number);
  c.blocks.set(start, block);
  return block;
}

/** Open ms in weeks [from, to). */
export function openMsInWeeks(c: Compiled, from: number, to: number): number {
  let sum = 0;
  let week = from;
  while (week < to) {
    const block = blockOf(c, week);
    const end = Math.min(to, block.start + BLOCK_WEEKS);
    sum += (block.cum[end - block.start] as number) - (block.cum[week - block.start] as number);
    week = end;
  }
  return sum;
}

/**
 * Walks forward from the start of `week` until `pos` > 0 ms of open time fits: returns the week
 * where it runs out and the position inside that week (0 < pos <= its total), or `undefined`
 * past `maxWeek`.
 */
export function seekForward(c: Compiled, week: number, pos: number, maxWeek: number): { week: number; pos: number } | undefined {
  while (week <= maxWeek) {
    const block = blockOf(c, week);
    const i = week - block.start;
    const base = block.cum[i] as number;
    if (pos <= (block.cum[BLOCK_WEEKS] as number) - base) {
      // Smallest j >= i with cum[j + 1] - base >= pos.
      let lo = i;
      let hi = BLOCK_WEEKS - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((block.cum[mid + 1] as number) - base >= pos) hi = mid;
        else lo = mid + 1;
      }
      return { week: block.start + lo, pos: pos - ((block.cum[lo] as number) - base) };
    }
    pos -= (block.cum[BLOCK_WEEKS] as number) - base;
    week = block.start + BLOCK_WEEKS;
  }
  return undefined;
}

/**
 * Walks back from the end of `week` until `need` > 0 ms of open time fits: returns the week where
 * it runs out and the position inside it (0 <= pos < its total), or `undefined` before `minWeek`.
 */
export function seekBackward(c: Compiled, week: number, need: number, minWeek: number): { week: number; pos: number } | undefined {
  while (week >= minWeek) {
    const block = blockOf(c, week);
    const i = week - block.start;
    const top = block.cum[i + 1] as number;
    if (need <= top) {
      // Largest j <= i with top - cum[j] >= need.
      let lo = 0;
      let hi = i;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (top - (block.cum[mid] as number) >= need) lo = mid;
        else hi = mid - 1;
      }
      return { week: block.start + lo, pos: top - (block.cum[lo] as number) - need };
    }
    need -= top;
    week = block.start - 1;
  }
  return undefined;
}
