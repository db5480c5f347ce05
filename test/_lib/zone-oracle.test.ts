// The hand-written zone table (src/_lib/zone.ts) against date-fns-tz, the stack's zone library, for
// every zone Intl lists, 1970-2100: offsets, UTC -> local, local -> UTC on both sides of every
// transition (gaps and overlaps), and the round trip.
//
// What date-fns-tz is taken to mean (read from its source, 3.2):
// - toZonedTime(t) is instant-based: the wall time Intl shows at t, to the second (the instant is
//   floored to a whole second, as zone.ts does, so second-level offsets such as Africa/Monrovia's
//   -0:44:30 are exact on both sides: -2 670 000 ms, no rounding). It returns a Date whose *system*
//   local fields are that wall time, so a wall time the system zone skips cannot be represented;
//   there we read Intl directly (counted as `viaIntl`).
// - getTimezoneOffset(name, date) and fromZonedTime read the date as a *wall time*, so they equal
//   offsetAt(t) only away from transitions. In a gap they take the later offset (the time moves
//   back by the gap, where DESIGN.md moves it forward); in an overlap they take whichever offset a
//   guess made from the system zone lands on (Europe/Berlin 02:30 on 2026-10-25 is CEST under
//   TZ=America/New_York, CET under UTC). Both differ from our rule and are asserted as such.
//
// Cost: zone.ts builds its table by asking Intl once a day (~0.5 ms a zone-year here since issue 16's
// cheaper probe; the date-fns-tz side costs far more), so the whole span for every zone takes minutes.
// `npm test` therefore checks every zone over a two-year
// window (centres spread over 1970-2100 by a fixed seed, plus spotlight zones at their oddest
// transition) and cross-checks transition sets against an independent scan for a fixed sample;
// ZONE_ORACLE=full checks every zone over the whole span, ZONE_ORACLE_SEED=n moves the windows.
import { fromZonedTime, getTimezoneOffset, toZonedTime } from 'date-fns-tz';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { getZone } from '../../src/_lib/zone.js';

const FULL = process.env.ZONE_ORACLE === 'full';
const SEED = Number(process.env.ZONE_ORACLE_SEED ?? 16);
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2101, 0, 1);
const TIMEOUT = FULL ? 3_600_000 : 60_000;

const intlKnows = (name: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};
const LINKS = ['UTC', 'US/Eastern', 'US/Pacific', 'Asia/Calcutta', 'Asia/Kolkata', 'Europe/Kiev', 'America/Buenos_Aires', 'Etc/GMT-14'];
const NAMES = [...new Set([...Intl.supportedValuesOf('timeZone'), ...LINKS.filter(intlKnows)])];

// Zones at their oddest transition in the span: a second-level offset, skipped days, 30-minute and
// 2-hour DST, DST suspended for Ramadan, a +12:45 zone, a half-hour jump back and forth.
const SPOTLIGHTS: Record<string, string> = {
  'Africa/Monrovia': '1972-01-07', // -0:44:30 -> 0:00
  'Pacific/Apia': '2011-12-30', // -10 -> +14, a whole day skipped
  'Pacific/Kiritimati': '1995-01-01', // -10 -> +14
  'Australia/Lord_Howe': '2026-04-05', // +11 <-> +10:30
  'Africa/Casablanca': '2026-03-01', // +01 -> +00 for Ramadan and back
  'Antarctica/Troll': '2026-03-29', // +00 <-> +02
  'Pacific/Chatham': '2026-04-05', // +13:45 <-> +12:45
  'Asia/Pyongyang': '2016-08-15', // +09 -> +08:30 (2015) -> +09 (2018)
  'Europe/Moscow': '2011-03-27', // +03 -> +04 for good, then +03 in 2014
  'America/Sao_Paulo': '2019-02-17', // last DST end
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = mulberry32(SEED);

/**
 * Where this run looks at each zone. `first` is the first instant asked, from which zone.ts loads
 * about a month either side and grows from there (test/_lib/zone-window.test.ts holds the growth to
 * giving the table a fresh load gives); one zone in six is first asked near an end of its window,
 * so that the table grows mostly one way.
 */
const WINDOWS = NAMES.map((name, i) => {
  if (FULL) return { name, first: FROM, from: FROM, to: TO };
  const spot = SPOTLIGHTS[name];
  const centre = spot ? Date.parse(`${spot}T00:00:00Z`) : Date.UTC(1971 + Math.floor(random() * 129), Math.floor(random() * 12), 1);
  const first = i % 12 === 0 ? centre + 180 * DAY : i % 12 === 6 ? centre - 180 * DAY : centre;
  return { name, first, from: centre - 360 * DAY, to: centre + 360 * DAY };
});
// Zones whose transition set is also found by an independent scan (every zone when FULL).
const SCANNED = new Set(FULL ? NAMES : [...Object.keys(SPOTLIGHTS), 'UTC', 'America/New_York', 'Europe/Berlin', ...NAMES.filter(() => random() < 0.04)]);

const stats = { zones: 0, transitions: 0, wallTimes: 0, gapWalls: 0, overlapWalls: 0, dfzGapDiffers: 0, dfzOverlapDiffers: 0, viaIntl: 0, scannedZones: 0, scannedTransitions: 0, randomInstants: 0 };
const failures: string[] = [];
const fail = (message: string) => {
  if (failures.length < 30) failures.push(message);
};
const iso = (ms: number) => new Date(ms).toISOString();

// --- the oracle -------------------------------------------------------------------------------

const intlFormats = new Map<string, Intl.DateTimeFormat>();
/** Wall time (as UTC-written ms) that Intl shows at an instant, to the second plus the instant's own ms. */
function intlWall(name: string, t: number): number {
  let format = intlFormats.get(name);
  if (!format) {
    const fields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', ...fields });
    intlFormats.set(name, format);
  }
  const p = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, Number(part.value)]));
  const ms = t - Math.floor(t / 1000) * 1000;
  return Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second, ms);
}

/** The wall time written in a Date's system-local fields, as UTC-written ms. */
const wallOfDate = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
/** Whether the system zone changes offset within two days of a wall time (where a Date may not hold it). */
const nearSystemTransition = (wall: number) => new Date(wall - 2 * DAY).getTimezoneOffset() !== new Date(wall + 2 * DAY).getTimezoneOffset();
const systemShows = (wall: number) => {
  const w = new Date(wall);
  return wallOfDate(new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds())) === wall;
};

/** The wall time at an instant per date-fns-tz's toZonedTime; Intl directly where the system zone cannot show it. */
function oracleWall(name: string, t: number): number {
  const dfz = wallOfDate(toZonedTime(t, name));
  if (!nearSystemTransition(dfz)) return dfz;
  const intl = intlWall(name, t);
  if (dfz === intl) return dfz;
  if (!systemShows(intl)) {
    stats.viaIntl += 1;
    return intl;
  }
  throw new Error(`date-fns-tz and Intl disagree in ${name} at ${iso(t)}: ${iso(dfz)} vs ${iso(intl)}`);
}
const oracleOffset = (name: string, t: number) => oracleWall(name, t) - t;

/**
 * DESIGN.md's rule, written simply from the offsets in force around a wall time: the earliest
 * instant that shows it; if none does (a gap), the offset before the gap (the time moves forward).
 */
function referenceLocalToUtc(name: string, wall: number, offsets: readonly number[]): number {
  const shown = offsets.map((o) => wall - o).filter((t) => oracleOffset(name, t) === wall - t);
  if (shown.length > 0) return Math.min(...shown);
  return wall - oracleOffset(name, wall - Math.max(...offsets));
}

/** Independent transition set: date-fns-tz sampled every 6 hours, bisected to the millisecond. */
function scanTransitions(name: string, from: number, to: number): number[] {
  const found: number[] = [];
  let prevT = from - 1;
  let prevO = oracleOffset(name, prevT);
  while (prevT < to - 1) {
    const sample = Math.min(prevT + 6 * HOUR, to - 1);
    if (oracleOffset(name, sample) === prevO) {
      prevT = sample;
      continue;
    }
    let lo = prevT;
    let hi = sample;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (oracleOffset(name, mid) === prevO) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    prevT = hi;
    prevO = oracleOffset(name, hi);
  }
  return found;
}

function walkTransitions(name: string, from: number, to: number): number[] {
  const zone = getZone(name);
  const found: number[] = [];
  for (let t = zone.nextTransition(from, to); t !== undefined; t = zone.nextTransition(t + 1, to)) found.push(t);
  return found;
}

// --- the checks -------------------------------------------------------------------------------

function checkInstant(name: string, t: number): void {
  const zone = getZone(name);
  const wall = oracleWall(name, t);
  if (zone.offsetAt(t) !== wall - t) fail(`${name} offsetAt(${iso(t)}) = ${zone.offsetAt(t)}, date-fns-tz ${wall - t}`);
  if (zone.utcToLocal(t) !== wall) fail(`${name} utcToLocal(${iso(t)}) = ${iso(zone.utcToLocal(t))}, date-fns-tz ${iso(wall)}`);
}

function checkTransition(name: string, at: number): void {
  const zone = getZone(name);
  const before = oracleOffset(name, at - 1);
  const after = oracleOffset(name, at);
  stats.transitions += 1;
  if (before === after) fail(`${name}: nextTransition gave ${iso(at)}, where date-fns-tz sees no change`);
  if (zone.nextTransition(at, at + 1) !== at) fail(`${name}: nextTransition(${iso(at)}) does not return the transition at that instant`);
  for (const t of [at - 1, at, at + 1]) checkInstant(name, t);
  // Offsets in force around the transition (a neighbour within two days included).
  const offsets = [...new Set(Array.from({ length: 17 }, (_, k) => oracleOffset(name, at + (k - 8) * 6 * HOUR)))];
  const lo = at + Math.min(before, after);
  const hi = at + Math.max(before, after);
  const walls = [lo - 1, lo, lo + MINUTE - 1, hi - MINUTE, hi - 1, hi].filter((w) => w >= lo - 1 && w <= hi);
  for (const t of [at - 1, at, at + 1]) walls.push(zone.utcToLocal(t));
  for (const wall of new Set(walls)) {
    stats.wallTimes += 1;
    const expected = referenceLocalToUtc(name, wall, offsets);
    const ours = zone.localToUtc(wall);
    if (ours !== expected) fail(`${name} localToUtc(${iso(wall)} local) = ${iso(ours)}, DESIGN rule ${iso(expected)}`);
    const dfz = fromZonedTime(iso(wall).slice(0, 23), name).getTime();
    if (getTimezoneOffset(name, new Date(wall)) !== wall - dfz) fail(`${name}: date-fns-tz getTimezoneOffset and fromZonedTime disagree at ${iso(wall)}`);
    const inside = wall >= lo && wall < hi;
    if (!inside) {
      if (dfz !== expected) fail(`${name} fromZonedTime(${iso(wall)} local) = ${iso(dfz)}, ours ${iso(expected)}`);
    } else if (after > before) {
      stats.gapWalls += 1;
      // date-fns-tz takes the later offset in a gap: the time moves back by the gap, ours forward.
      if (dfz !== wall - after) fail(`${name} fromZonedTime in the gap at ${iso(wall)} = ${iso(dfz)}`);
      if (dfz !== expected) stats.dfzGapDiffers += 1;
    } else {
      stats.overlapWalls += 1;
      // date-fns-tz takes one of the two instants, by a guess from the system zone; ours the earlier.
      if (dfz !== wall - before && dfz !== wall - after) fail(`${name} fromZonedTime in the overlap at ${iso(wall)} = ${iso(dfz)}`);
      if (dfz !== expected) stats.dfzOverlapDiffers += 1;
    }
  }
}

afterAll(() => {
  console.log(`zone oracle (${FULL ? 'full' : `seed ${SEED}`}, TZ=${process.env.TZ}): ${JSON.stringify(stats)}`);
});

describe('the zone table against date-fns-tz', () => {
  it(`walks every transition of ${NAMES.length} zones (${FULL ? '1970-2100' : 'two years each'}) and checks both sides`, () => {
    failures.length = 0;
    for (const { name, first, from, to } of WINDOWS) {
      getZone(name).offsetAt(first);
      stats.zones += 1;
      for (const at of walkTransitions(name, from, to)) checkTransition(name, at);
    }
    expect(failures).toEqual([]);
    expect(stats.transitions).toBeGreaterThan(FULL ? 20_000 : 300);
  }, TIMEOUT);

  it('finds the same transitions as an independent scan of date-fns-tz offsets', () => {
    for (const { name, from, to } of WINDOWS.filter((w) => SCANNED.has(w.name))) {
      const scanned = scanTransitions(name, from, to);
      stats.scannedZones += 1;
      stats.scannedTransitions += scanned.length;
      expect(walkTransitions(name, from, to).map(iso), name).toEqual(scanned.map(iso));
    }
  }, TIMEOUT);

  it('law: offsets, wall times and the round trip agree at random instants (the later instant of an overlap comes back as the earlier)', () => {
    // Half the instants fall within 3 hours of one of the zone's transitions, where the law bites.
    const sample = fc.record({
      window: fc.constantFrom(...WINDOWS),
      fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      nearTransition: fc.boolean(),
      shiftMs: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
    });
    const transitions = new Map<string, number[]>();
    failures.length = 0;
    fc.assert(
      fc.property(sample, ({ window: { name, from, to }, fraction, nearTransition, shiftMs }) => {
        const zone = getZone(name);
        let near = transitions.get(name);
        if (!near) transitions.set(name, (near = walkTransitions(name, from, to)));
        const t = nearTransition && near.length > 0 ? (near[Math.floor(fraction * near.length)] as number) + shiftMs : from + Math.floor(fraction * (to - from));
        stats.randomInstants += 1;
        checkInstant(name, t);
        const offset = zone.offsetAt(t);
        // Away from transitions, getTimezoneOffset's wall-time reading of `t` gives the same offset.
        if (oracleOffset(name, t - DAY) === offset && oracleOffset(name, t + DAY) === offset) {
          if (getTimezoneOffset(name, new Date(t)) !== offset) fail(`${name} getTimezoneOffset(${iso(t)}) = ${getTimezoneOffset(name, new Date(t))}, offsetAt ${offset}`);
        }
        const wall = zone.utcToLocal(t);
        const back = zone.localToUtc(wall);
        if (back !== t && !(back < t && oracleWall(name, back) === wall)) fail(`${name} round trip of ${iso(t)} gave ${iso(back)}`);
        return failures.length === 0;
      }),
      { seed: SEED, numRuns: FULL ? 50_000 : 3_000 },
    );
    expect(failures).toEqual([]);
  }, TIMEOUT);
});
