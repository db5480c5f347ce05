// Navigation over weeks. A week is "regular" when no holiday or override touches it and the zone's
// offset does not change near it: its open time is then the template pattern shifted to the week's
// start, and runs of regular weeks are skipped arithmetically (k weeks = k × the template's total).
// Irregular weeks (a few a year) are built exactly and cached.

import { MAX_INSTANT_MS, MIN_INSTANT_MS, MS_PER_DAY, dayOfLocal, firstDayOfWeek, weekOfDay } from '../_lib/civil.js';
import { lowerBound } from '../_lib/sorted.js';
import { buildPattern } from './pattern.js';
import { rangesOfDay, type Compiled, type WeekView } from './compile.js';

/** Longest run skipped in one step; bounds each transition search. */
const RUN_CAP = 156;
const VIEW_CACHE_SIZE = 2048;

/** Weeks that can hold supported instants. */
export const MIN_WEEK = weekOfDay(dayOfLocal(MIN_INSTANT_MS)) - 1;
export const MAX_WEEK = weekOfDay(dayOfLocal(MAX_INSTANT_MS)) + 1;

const localStart = (week: number) => firstDayOfWeek(week) * MS_PER_DAY;

// An offset transition at T makes week w irregular when localStart(w) - 2 days <= T <=
// localStart(w + 1) + 1 day (local and UTC ms differ by under a day, so this is a safe superset).
function transitionTouches(c: Compiled, week: number): boolean {
  return c.zone.nextTransition(localStart(week) - 2 * MS_PER_DAY, localStart(week + 1) + MS_PER_DAY + 1) !== undefined;
}

export function isIrregular(c: Compiled, week: number): boolean {
  const i = lowerBound(c.exceptionWeeks, week);
  return c.exceptionWeeks[i] === week || transitionTouches(c, week);
}

/**
 * Smallest irregular week >= `week`, or `cap` (at most `week + RUN_CAP`) if none comes sooner. A
 * caller that only needs to know up to some week passes it as `cap`, so a zone without daylight
 * saving is not read three years ahead.
 */
export function nextIrregularWeek(c: Compiled, week: number, cap = week + RUN_CAP): number {
  let best = Math.min(cap, week + RUN_CAP);
  const exception = c.exceptionWeeks[lowerBound(c.exceptionWeeks, week)];
  if (exception !== undefined && exception < best) best = exception;
  const t = c.zone.nextTransition(localStart(week) - 2 * MS_PER_DAY, localStart(best) + MS_PER_DAY + 1);
  if (t !== undefined) best = Math.min(best, Math.max(week, Math.ceil((dayOfLocalCeil(t - 8 * MS_PER_DAY) - 4) / 7)));
  return best;
}

/**
 * Largest week <= `week` that a holiday or override touches, or `MIN_WEEK - 1` if none does. Only
 * for a template with no weekly hours: every other week is then closed whatever the zone's offset
 * does, so a walk back can jump straight to the exceptions (nextIrregularWeek must also stop at
 * offset changes, because its weeks feed the blocks' open time).
 */
export function previousExceptionWeek(c: Compiled, week: number): number {
  return c.exceptionWeeks[lowerBound(c.exceptionWeeks, week + 1) - 1] ?? MIN_WEEK - 1;
}

function dayOfLocalCeil(ms: number): number {
  return Math.ceil(ms / MS_PER_DAY);
}

/** The view of a week: its UTC start and end and its open time. Cached, bounded. */
export function getWeek(c: Compiled, week: number): WeekView {
  let view = c.views.get(week);
  if (view) return view;
  const base = c.zone.localToUtc(localStart(week));
  const next = c.zone.localToUtc(localStart(week + 1));
  const pattern = isIrregular(c, week)
    ? buildPattern(firstDayOfWeek(week), (day) => rangesOfDay(c, day), c.zone.localToUtc, base, next)
    : c.pattern;
  view = { week, base, next, pattern };
  if (c.views.size >= VIEW_CACHE_SIZE) c.views.delete(c.views.keys().next().value as number);
  c.views.set(week, view);
  return view;
}

/** The view of the week whose [base, next) holds the instant. */
export function weekAt(c: Compiled, utcMs: number): WeekView {
  const week = weekOfDay(dayOfLocal(c.zone.utcToLocal(utcMs)));
  const view = getWeek(c, week);
  if (utcMs < view.base) return getWeek(c, week - 1);
  if (utcMs >= view.next) return getWeek(c, week + 1);
  return view;
}

/** True when no exception day lies at or after `week` (so only the template can open). */
export function noExceptionsFrom(c: Compiled, week: number): boolean {
  return lowerBound(c.exceptionWeeks, week) >= c.exceptionWeeks.length;
}

/** True when no exception day lies at or before `week`. */
export function noExceptionsUntil(c: Compiled, week: number): boolean {
  return lowerBound(c.exceptionWeeks, week + 1) === 0;
}
