// A deliberately simple reference for the business-hours calendar, used only by differential
// tests. It shares nothing with src/ but the spec type: open intervals are built day by day from
// the spec with a plain Intl-based zone converter, and every query steps minute by minute over
// them. Slow on purpose, so that it is easy to believe.

import type { CalendarSpec } from '../../src/calendar/index.js';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Thrown when a query needs time outside the window the reference was built for. */
export class ReferenceWindowError extends Error {}

/** A zone converter read straight from Intl on every call (no table, no cache of results). */
export interface ReferenceZone {
  /** Offset in ms (wall clock minus UTC) at a UTC instant. */
  offsetAt(utcMs: number): number;
  /** Wall-clock time of a UTC instant, written as if it were UTC. */
  utcToLocal(utcMs: number): number;
  /** UTC instant of a wall-clock time: a skipped time uses the offset before the gap, a repeated one its first occurrence. */
  localToUtc(localMs: number): number;
}

export function referenceZone(timeZone: string): ReferenceZone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (utcMs: number): number => {
    const whole = Math.floor(utcMs / 1000) * 1000;
    const f: Record<string, number> = {};
    for (const part of format.formatToParts(whole)) f[part.type] = Number(part.value);
    const wall = Date.UTC(f.year as number, (f.month as number) - 1, f.day, f.hour, f.minute, f.second);
    return wall - whole;
  };
  const localToUtc = (localMs: number): number => {
    // UTC offsets stay within a day, so these two see the offsets before and after any change near localMs.
    const before = offsetAt(localMs - DAY_MS);
    const after = offsetAt(localMs + DAY_MS);
    const valid = [localMs - before, localMs - after].filter((utc) => utc + offsetAt(utc) === localMs);
    if (valid.length > 0) return Math.min(...valid); // repeated: the first occurrence
    return localMs - before; // skipped: the offset in effect before the transition
  };
  return { offsetAt, utcToLocal: (utcMs) => utcMs + offsetAt(utcMs), localToUtc };
}

/** Instants (minute precision) at which the zone's offset changes in [from, to). */
export function offsetTransitionsRef(timeZone: string, from: number, to: number): number[] {
  const zone = referenceZone(timeZone);
  const found: number[] = [];
  for (let t = from; t < to; t += DAY_MS) {
    const end = Math.min(t + DAY_MS, to);
    if (zone.offsetAt(t) === zone.offsetAt(end)) continue;
    let lo = t / MINUTE_MS;
    let hi = end / MINUTE_MS;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offsetAt(mid * MINUTE_MS) === zone.offsetAt(t)) lo = mid;
      else hi = mid;
    }
    found.push(hi * MINUTE_MS);
  }
  return found;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateRef(timeZone: string, utcMs: number): string {
  return isoOfDay(Math.floor(referenceZone(timeZone).utcToLocal(utcMs) / DAY_MS));
}

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The ranges that open on a local date: holiday `[]`, else its override, else its weekday's hours. */
export function rangesOnDateRef(spec: CalendarSpec, iso: string): readonly string[] {
  if ((spec.holidays ?? []).includes(iso)) return [];
  const override = spec.overrides?.[iso];
  if (override !== undefined) return override;
  if (spec.alwaysOpen) return ['00:00-24:00'];
  const key = WEEKDAY_KEYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] as (typeof WEEKDAY_KEYS)[number];
  return spec.hours?.[key] ?? [];
}

/** Minutes after the opening day's midnight; a close at or before the open runs into the next day. */
function parseRange(text: string): [number, number] {
  const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(text);
  if (!match) throw new Error(`bad range ${text}`);
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  const open = h1 * 60 + m1;
  const close = h2 * 60 + m2;
  return [open, close <= open ? close + 1440 : close];
}

/** A calendar's open time inside [from, to), as merged half-open [start, end) pairs. */
export interface ReferenceCalendar {
  readonly from: number;
  readonly to: number;
  readonly intervals: readonly (readonly [number, number])[];
}

export function referenceCalendar(spec: CalendarSpec, from: number, to: number): ReferenceCalendar {
  if (from % MINUTE_MS !== 0 || to % MINUTE_MS !== 0) throw new Error('reference window must be minute-aligned');
  const zone = referenceZone(spec.timeZone);
  const raw: [number, number][] = [];
  // A range closes before the second midnight after its date, so two dates back is enough.
  const firstDay = Math.floor(zone.utcToLocal(from) / DAY_MS) - 2;
  const lastDay = Math.floor(zone.utcToLocal(to) / DAY_MS) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const text of rangesOnDateRef(spec, isoOfDay(day))) {
      const [open, close] = parseRange(text);
      const start = zone.localToUtc(day * DAY_MS + open * MINUTE_MS);
      const end = zone.localToUtc(day * DAY_MS + close * MINUTE_MS);
      if (start % MINUTE_MS !== 0 || end % MINUTE_MS !== 0) throw new Error('reference needs minute-aligned boundaries');
      const clippedStart = Math.max(start, from);
      const clippedEnd = Math.min(end, to);
      if (clippedEnd > clippedStart) raw.push([clippedStart, clippedEnd]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of raw) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return { from, to, intervals: merged };
}

/** Hard cap on any minute loop: the window itself. */
function checkInside(ref: ReferenceCalendar, t: number): void {
  if (t < ref.from || t >= ref.to) throw new ReferenceWindowError(`${new Date(t).toISOString()} is outside the reference window`);
  if (t % MINUTE_MS !== 0) throw new Error('reference queries must be minute-aligned');
}

export function isOpenRef(ref: ReferenceCalendar, t: number): boolean {
  checkInside(ref, t);
  return ref.intervals.some(([start, end]) => start <= t && t < end);
}

export function nextOpenRef(ref: ReferenceCalendar, t: number): number {
  let cursor = t;
  while (!isOpenRef(ref, cursor)) cursor += MINUTE_MS;
  return cursor;
}

export function nextCloseRef(ref: ReferenceCalendar, t: number): number {
  let cursor = nextOpenRef(ref, t);
  while (isOpenRef(ref, cursor)) cursor += MINUTE_MS;
  return cursor;
}

/** The latest closing instant at or before a closed t. */
export function previousCloseRef(ref: ReferenceCalendar, t: number): number {
  let cursor = t;
  while (!isOpenRef(ref, cursor - MINUTE_MS)) cursor -= MINUTE_MS;
  return cursor;
}

export function addRef(ref: ReferenceCalendar, start: number, minutes: number): number {
  if (minutes === 0) return nextOpenRef(ref, start);
  let cursor = start;
  let counted = 0;
  while (counted < minutes) {
    if (isOpenRef(ref, cursor)) counted++;
    cursor += MINUTE_MS;
  }
  return cursor;
}

export function subtractRef(ref: ReferenceCalendar, end: number, minutes: number): number {
  if (minutes === 0) return isOpenRef(ref, end) ? end : previousCloseRef(ref, end);
  let cursor = end;
  let counted = 0;
  while (counted < minutes) {
    cursor -= MINUTE_MS;
    if (isOpenRef(ref, cursor)) counted++;
  }
  return cursor;
}

/** Open time in [a, b) in ms, negative when b < a. */
export function betweenRef(ref: ReferenceCalendar, a: number, b: number): number {
  if (b < a) return 0 - betweenRef(ref, b, a); // 0 - x, so an empty span is 0, never -0
  let minutes = 0;
  for (let t = a; t < b; t += MINUTE_MS) if (isOpenRef(ref, t)) minutes++;
  return minutes * MINUTE_MS;
}
