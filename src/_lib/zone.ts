// UTC offsets of an IANA time zone as a lazily built, cached transition table, so that converting
// between instants and wall-clock times is arithmetic plus a binary search instead of an Intl call.
//
// Why not date-fns-tz's getTimezoneOffset: it is called per conversion and formats a date each
// time; here Intl is only used while building the table, and every later lookup is a binary search
// over plain numbers.
//
// Laziness (issue 16, cold start): a zone's first lookup loads about two months around the instant
// asked (some 70 Intl calls, well under a millisecond), not years; a lookup outside the loaded span
// extends it by at least a quarter, so a walk over decades costs a few dozen extensions and every
// day is asked once. The table samples Intl at every UTC midnight (a fixed grid, not one
// anchored where the first lookup fell), so it is the same table whatever order it was loaded in:
// the span is an optimisation that can never change an answer.
//
// Each sample is one `format()` of a `timeZoneName: 'longOffset'` formatter ("GMT+05:30",
// "GMT-00:44:30"), three to five times cheaper than reading the wall-clock fields with formatToParts;
// the wall-clock reading stays as the fallback for a runtime whose text does not parse.

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

/** Reads a zone's offset (ms, local = utc + offset) at a UTC instant from Intl. */
export type OffsetReader = (utcMs: number) => number;

const zones = new Map<string, Zone>();
const ZONE_CACHE_SIZE = 1024;
// Offset formatters by zone name, shared by validation (constructing one is the check) and table
// building, so validating a spec again costs a lookup. Cleared when full: bounded whatever arrives.
const formats = new Map<string, Intl.DateTimeFormat>();
const FORMAT_CACHE_SIZE = 64;

/** True when the runtime's Intl knows the IANA zone name. */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.length === 0) return false;
  try {
    offsetFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** The cached zone for a valid IANA name (caller validates first); the cache is bounded (ZONE_CACHE_SIZE). */
export function getZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = createZone(name);
    // Intl accepts a zone in any letter case, so names are not bounded by the zones it knows:
    // past twice their number (never reached by real names), start over rather than grow.
    if (zones.size >= ZONE_CACHE_SIZE) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}

/** A `longOffset` formatter for a zone (throws RangeError for a name Intl does not know). */
function offsetFormat(name: string): Intl.DateTimeFormat {
  let format = formats.get(name);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset', hour: 'numeric' });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // A runtime without 'longOffset' (before 2021) may still know the zone (else this throws
      // too): its text then does not parse and the wall-clock reader takes over.
      format = new Intl.DateTimeFormat('en-US', { timeZone: name });
    }
    if (formats.size >= FORMAT_CACHE_SIZE) formats.clear();
    formats.set(name, format);
  }
  return format;
}

const PARSED_CACHE_SIZE = 512;
// "GMT", "GMT+2", "GMT+05:30", "GMT-00:44:30" (ICU writes seconds when the offset has them).
const OFFSET_TEXT = /GMT(?:([+\-\u2212])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;

/**
 * The offset reader used to build tables: one `format()` with `timeZoneName: 'longOffset'` per
 * instant, parsed; the wall-clock reader ({@link intlOffsetFunction}) when the text does not parse.
 * Instants are floored to the second, as transitions fall on whole seconds.
 */
export function intlOffsetReader(name: string): OffsetReader {
  const format = offsetFormat(name);
  // The few texts a zone shows ("12 AM GMT+01:00", one per local hour and offset), parsed once:
  // most samples then cost a format() and a lookup, a quarter less while the code is still cold.
  const parsed = new Map<string, number>();
  let fallback: OffsetReader | undefined;
  return (utcMs) => {
    const whole = Math.floor(utcMs / 1000) * 1000;
    const text = format.format(whole);
    let offset = parsed.get(text);
    if (offset === undefined) {
      const match = OFFSET_TEXT.exec(text);
      if (!match) return (fallback ??= intlOffsetFunction(name))(whole);
      const seconds = match[1] === undefined ? 0 : Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
      offset = (match[1] === '-' || match[1] === '\u2212' ? -seconds : seconds) * 1000;
      if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
      parsed.set(text, offset);
    }
    return offset;
  };
}

/** Builds an Intl formatter-based offset function accurate to the second, from the wall-clock fields. */
export function intlOffsetFunction(name: string): OffsetReader {
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

// Table covers a little beyond the supported instants so lookups near the edges stay inside it.
// Both ends are UTC midnights, on the sampling grid.
export const TABLE_MIN = MIN_INSTANT_MS - 2 * MS_PER_DAY;
export const TABLE_MAX = MAX_INSTANT_MS + 2 * MS_PER_DAY;
/** Days loaded either side of the first instant asked. */
export const FIRST_REACH_DAYS = 32;

const floorDay = (ms: number) => Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;

/**
 * A zone's table, not cached (use {@link getZone}). `readOffset` is Intl's by default; tests pass
 * a counting or synthetic one. Transitions are found to the second by sampling once a day (at UTC
 * midnight) and bisecting, so two transitions less than a day apart that return to the same
 * offset would be missed, as they would by any daily sampling; tzdata has none in 1970-2100 (the
 * oracle test checks every zone against a 6-hourly scan).
 */
export function createZone(name: string, readOffset: OffsetReader = intlOffsetReader(name)): Zone {
  // Loaded span [lo, hi): offsets known exactly. `starts[i]` is when `offsets[i]` takes effect;
  // offsets[0] holds from `lo` (starts[0] === lo). The offset at `hi` is known too (the last
  // sample), so a transition exactly at `hi` is already in the table.
  let lo = Number.NaN;
  let hi = Number.NaN;
  let starts: number[] = [];
  let offsets: number[] = [];

  /** First whole second in (l, h] (ms, whole seconds) whose offset differs from `before`. */
  function bisect(l: number, h: number, before: number): number {
    let a = l / 1000;
    let b = h / 1000;
    while (b - a > 1) {
      const m = Math.floor((a + b) / 2);
      if (readOffset(m * 1000) === before) a = m;
      else b = m;
    }
    return b * 1000;
  }

  /** The offset at `a` and every transition in (a, b], for UTC midnights a < b. */
  function scan(a: number, b: number): { starts: number[]; offsets: number[] } {
    const s = [a];
    const o = [readOffset(a)];
    let prev = o[0] as number;
    for (let day = a; day < b; day += MS_PER_DAY) {
      const next = day + MS_PER_DAY;
      const end = readOffset(next);
      // Every transition in (day, next]: bisect for the first, then again while the offset it
      // brings is not yet the one at `next` (A -> B -> C within a day is two transitions).
      let from = day;
      while (end !== prev) {
        from = bisect(from, next, prev);
        prev = from === next ? end : readOffset(from);
        s.push(from);
        o.push(prev);
      }
    }
    return { starts: s, offsets: o };
  }

  function ensure(utcMs: number): void {
    const t = floorDay(Math.min(Math.max(utcMs, TABLE_MIN), TABLE_MAX - 1));
    if (Number.isNaN(lo)) {
      lo = Math.max(TABLE_MIN, t - FIRST_REACH_DAYS * MS_PER_DAY);
      hi = Math.min(TABLE_MAX, t + (FIRST_REACH_DAYS + 1) * MS_PER_DAY);
      ({ starts, offsets } = scan(lo, hi));
      return;
    }
    // Grow by at least a quarter of the loaded span, so lookups further and further out cost a
    // logarithmic number of scans (a walk over three centuries: about 30) while reading at most a
    // quarter more days than they reach.
    const span = Math.floor((hi - lo) / 4 / MS_PER_DAY) * MS_PER_DAY;
    if (t < lo) {
      const a = Math.max(TABLE_MIN, Math.min(t - FIRST_REACH_DAYS * MS_PER_DAY, lo - span));
      const part = scan(a, lo);
      // The part ends with the offset at `lo` (and a transition exactly at `lo`, if any); our first
      // entry only marked where the table began.
      starts = [...part.starts, ...starts.slice(1)];
      offsets = [...part.offsets, ...offsets.slice(1)];
      lo = a;
    }
    if (t >= hi) {
      const b = Math.min(TABLE_MAX, Math.max(t + (FIRST_REACH_DAYS + 1) * MS_PER_DAY, hi + span));
      const part = scan(hi, b);
      // The part's first entry is the offset at `hi`, already our last: skip it.
      for (let i = 1; i < part.starts.length; i++) {
        starts.push(part.starts[i] as number);
        offsets.push(part.offsets[i] as number);
      }
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
      // Whether the offset changes exactly at `lo` is only known once the second before is loaded.
      if (t === lo && lo > TABLE_MIN) ensure(t - 1);
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

/** The instant local day `day` + `days` ends in `zone` (the next local midnight): a period's deadline. */
export function endOfLocalDay(zone: Zone, day: number, days = 0): number {
  return zone.localToUtc((day + days + 1) * MS_PER_DAY);
}
