// UTC offsets of an IANA time zone as a lazily built, cached transition table, so that converting
// between instants and wall-clock times is arithmetic plus a binary search instead of an Intl call.
//
// Why not date-fns-tz's getTimezoneOffset: it is called per conversion and formats a date each
// time; here Intl is only used while building the table (about 400 calls per zone-year, once),
// and every later lookup is a binary search over plain numbers.

import { MAX_INSTANT_MS, MIN_INSTANT_MS, MS_PER_DAY } from './civil.js';
import { upperBound } from './sorted.js';

export interface Zone {
  readonly name: string;
  /** Offset in ms (local = utc + offset) in effect at a UTC instant. */
  offsetAt(utcMs: number): number;
  /** UTC instant of a wall-clock time, with RFC 5545 / Temporal 'compatible' disambiguation. */
  localToUtc(localMs: number): number;
  /** Wall-clock time (as local ms) of a UTC instant. */
  utcToLocal(utcMs: number): number;
  /** First offset transition at or after `utcMs` and before `limitMs`, or `undefined`. */
  nextTransition(utcMs: number, limitMs: number): number | undefined;
}

const zones = new Map<string, Zone>();

/** True when the runtime's Intl knows the IANA zone name. */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The cached zone for a valid IANA name (caller validates first). Bounded by the number of zones. */
export function getZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = buildZone(name);
    zones.set(name, zone);
  }
  return zone;
}

/** Builds an Intl formatter-based offset function accurate to the second. */
export function intlOffsetFunction(name: string): (utcMs: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (utcMs) => {
    const whole = Math.floor(utcMs / 1000) * 1000;
    const fields: Record<string, string> = {};
    for (const part of format.formatToParts(whole)) fields[part.type] = part.value;
    let year = Number(fields.year);
    if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
    const wall = Date.UTC(
      year,
      Number(fields.month) - 1,
      Number(fields.day),
      Number(fields.hour),
      Number(fields.minute),
      Number(fields.second),
    );
    // Date.UTC maps years 0-99 to 1900-1999; correct for them (only reached outside our range).
    const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
    return fixed - whole;
  };
}

const YEAR_MS = 366 * MS_PER_DAY;
// Table covers a little beyond the supported instants so lookups near the edges stay inside it.
const TABLE_MIN = MIN_INSTANT_MS - 2 * MS_PER_DAY;
const TABLE_MAX = MAX_INSTANT_MS + 2 * MS_PER_DAY;

function buildZone(name: string): Zone {
  const intlOffset = intlOffsetFunction(name);
  // Loaded span [lo, hi): offsets known exactly. `starts[i]` is when `offsets[i]` takes effect;
  // offsets[0] holds from `lo` (starts[0] === lo).
  let lo = Number.NaN;
  let hi = Number.NaN;
  let starts: number[] = [];
  let offsets: number[] = [];

  // Finds the transitions in [a, b) by sampling once a day and bisecting to the second.
  function scan(a: number, b: number): { starts: number[]; offsets: number[] } {
    const s = [a];
    const o = [intlOffset(a)];
    let prevT = a;
    let prevO = o[0] as number;
    const last = b - 1000;
    while (prevT < last) {
      const sample = Math.min(prevT + MS_PER_DAY, last);
      if (intlOffset(sample) === prevO) {
        prevT = sample;
        continue;
      }
      // First whole second after prevT whose offset differs from prevO.
      let l = Math.floor(prevT / 1000);
      let h = Math.floor(sample / 1000);
      while (h - l > 1) {
        const m = Math.floor((l + h) / 2);
        if (intlOffset(m * 1000) === prevO) l = m;
        else h = m;
      }
      prevT = h * 1000;
      prevO = intlOffset(prevT);
      s.push(prevT);
      o.push(prevO);
    }
    return { starts: s, offsets: o };
  }

  function ensure(utcMs: number): void {
    const t = Math.min(Math.max(utcMs, TABLE_MIN), TABLE_MAX - 1);
    if (Number.isNaN(lo)) {
      const a = Math.max(TABLE_MIN, t - YEAR_MS);
      const b = Math.min(TABLE_MAX, t + YEAR_MS);
      ({ starts, offsets } = scan(a, b));
      lo = a;
      hi = b;
      return;
    }
    if (t < lo) {
      const a = Math.max(TABLE_MIN, Math.min(t - YEAR_MS, lo - 2 * YEAR_MS));
      const part = scan(a, lo);
      // Merge: drop our first entry if it continues the scanned part's last offset.
      const keepFirst = part.offsets[part.offsets.length - 1] !== offsets[0];
      starts = [...part.starts, ...(keepFirst ? starts : starts.slice(1))];
      offsets = [...part.offsets, ...(keepFirst ? offsets : offsets.slice(1))];
      lo = a;
    }
    if (t >= hi) {
      const b = Math.min(TABLE_MAX, Math.max(t + YEAR_MS, hi + 2 * YEAR_MS));
      const part = scan(hi, b);
      const keepFirst = part.offsets[0] !== offsets[offsets.length - 1];
      starts.push(...(keepFirst ? part.starts : part.starts.slice(1)));
      offsets.push(...(keepFirst ? part.offsets : part.offsets.slice(1)));
      hi = b;
    }
  }

  /** Index of the table entry in effect at t (t inside [lo, hi)). */
  function entryAt(t: number): number {
    return Math.max(0, upperBound(starts, t) - 1);
  }

  function offsetAt(utcMs: number): number {
    if (!(utcMs >= lo && utcMs < hi)) ensure(utcMs);
    return offsets[entryAt(utcMs)] as number;
  }

  function localToUtc(localMs: number): number {
    const early = offsetAt(localMs - MS_PER_DAY);
    const late = offsetAt(localMs + MS_PER_DAY);
    if (early === late) return localMs - early;
    const first = localMs - early;
    const second = localMs - late;
    const firstValid = offsetAt(first) === early;
    const secondValid = offsetAt(second) === late;
    if (firstValid && secondValid) return Math.min(first, second); // repeated: first occurrence
    if (firstValid) return first;
    if (secondValid) return second;
    return first; // skipped: the earlier offset moves the time forward by the gap
  }

  function nextTransition(utcMs: number, limitMs: number): number | undefined {
    const limit = Math.min(limitMs, TABLE_MAX);
    let t = utcMs;
    while (t < limit) {
      offsetAt(t);
      const i = entryAt(t);
      const candidate = starts[i] === t && i > 0 ? t : starts[i + 1];
      if (candidate !== undefined) return candidate < limit ? candidate : undefined;
      t = hi; // nothing more in the loaded table: load further
    }
    return undefined;
  }

  return {
    name,
    offsetAt,
    localToUtc,
    utcToLocal: (utcMs) => utcMs + offsetAt(utcMs),
    nextTransition,
  };
}
