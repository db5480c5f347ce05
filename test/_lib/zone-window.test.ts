// The zone table loads lazily (issue 16, cold start): a first lookup loads about two months, and
// lookups outside the loaded span extend it. These tests hold the laziness to its promise: it never
// changes an answer. Whatever order a table is loaded in, it equals a fresh table loaded from 1900
// onwards, transitions and offsets alike; and a first lookup costs tens of Intl calls, not the
// 700-odd a year either side used to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_REACH_DAYS, TABLE_MAX, TABLE_MIN, createZone, intlOffsetFunction, intlOffsetReader, isValidTimeZone, type OffsetReader, type Zone } from '../../src/_lib/zone.js';

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const FROM = Date.UTC(1900, 0, 1);
const TO = Date.UTC(2200, 0, 1);
const NOW = Date.UTC(2026, 10, 26, 15, 0);

function walk(zone: Zone, from = TABLE_MIN, to = TABLE_MAX): number[] {
  const found: number[] = [];
  for (let t = zone.nextTransition(from, to); t !== undefined; t = zone.nextTransition(t + 1, to)) found.push(t);
  return found;
}

/** An offset reader from a list of [instant, offset] changes (instants on whole seconds), counting its calls. */
function synthetic(base: number, changes: readonly (readonly [number, number])[]): OffsetReader & { calls: number } {
  const reader = Object.assign(
    (utcMs: number) => {
      reader.calls += 1;
      const t = Math.floor(utcMs / SECOND) * SECOND;
      let offset = base;
      for (const [at, value] of changes) if (at <= t) offset = value;
      return offset;
    },
    { calls: 0 },
  );
  return reader;
}

/** Counts an offset reader's calls. */
function counted(reader: OffsetReader): OffsetReader & { calls: number } {
  const wrapped = Object.assign((utcMs: number) => ((wrapped.calls += 1), reader(utcMs)), { calls: 0 });
  return wrapped;
}

// Where a zone first asked at NOW begins its table: a transition there is only seen by looking back.
const FIRST_LO = Math.floor(NOW / DAY) * DAY - FIRST_REACH_DAYS * DAY;
// A synthetic zone with the awkward cases: a change exactly at the first table's start, exactly at
// UTC midnights, two changes within one day (A -> B -> C), two a second apart, changes at both ends
// of the supported range, a second-level offset.
const CHANGES: readonly (readonly [number, number])[] = [
  [FROM + 3 * HOUR, 3_600_000],
  [Date.UTC(1950, 5, 1), -2_670_000],
  [Date.UTC(1990, 2, 25, 1), 3_600_000],
  [Date.UTC(1990, 2, 25, 7, 30), 7_200_000],
  [Date.UTC(2001, 0, 1, 12), 0],
  [Date.UTC(2001, 0, 1, 12, 0, 1), 1_800_000],
  [FIRST_LO, 3_600_000],
  [FIRST_LO + 10 * DAY, 7_200_000],
  [Date.UTC(2027, 2, 28, 1), 10_800_000],
  [Date.UTC(2100, 0, 1), 3_600_000],
  [TO - 5 * SECOND, 0],
];
const EXPECTED = CHANGES.map(([at]) => at);

describe('the zone table loads lazily and equals a full table', () => {
  it('a first lookup loads about two months: tens of offset reads, not a year either side', () => {
    const reader = synthetic(0, CHANGES);
    const zone = createZone('Test/Synthetic', reader);
    expect(zone.offsetAt(NOW)).toBe(7_200_000);
    // 66 daily samples plus a bisection (about 18 reads) for the one change inside the window.
    expect(reader.calls).toBeLessThanOrEqual(110);
    const europe = counted(intlOffsetReader('Europe/Berlin'));
    createZone('Europe/Berlin', europe).offsetAt(NOW);
    expect(europe.calls).toBeLessThan(100);
  });

  it('sees a change exactly where the first table begins, and changes at midnight, within a day and a second apart', () => {
    const zone = createZone('Test/Synthetic', synthetic(0, CHANGES));
    zone.offsetAt(NOW);
    expect(zone.nextTransition(FIRST_LO, FIRST_LO + DAY)).toBe(FIRST_LO);
    expect(zone.offsetAt(FIRST_LO - 1)).toBe(1_800_000);
    expect(zone.offsetAt(FIRST_LO)).toBe(3_600_000);
    expect(walk(zone)).toEqual(EXPECTED);
    for (const [at, offset] of CHANGES) {
      expect(zone.offsetAt(at), new Date(at).toISOString()).toBe(offset);
      expect(zone.nextTransition(at, at + 1)).toBe(at);
    }
  });

  it('lookups far before and far after the first window, in either order, give the table a fresh load from 1900 gives', () => {
    const fresh = createZone('Test/Synthetic', synthetic(0, CHANGES));
    fresh.offsetAt(TABLE_MIN);
    const full = walk(fresh);
    const probes = [FROM + HOUR, FIRST_LO - 1, FIRST_LO, Date.UTC(1990, 2, 25, 4), Date.UTC(2001, 0, 1, 12, 0, 0, 500), TO - 1];
    for (const order of [[Date.UTC(1901, 0, 1), Date.UTC(2199, 0, 1)], [Date.UTC(2199, 0, 1), Date.UTC(1901, 0, 1)]]) {
      const zone = createZone('Test/Synthetic', synthetic(0, CHANGES));
      zone.offsetAt(NOW);
      for (const t of order) zone.offsetAt(t as number);
      expect(walk(zone)).toEqual(full);
      for (const t of probes) expect(zone.offsetAt(t)).toBe(fresh.offsetAt(t));
    }
  });

  it('law: the table does not depend on the order it was loaded in', () => {
    const fresh = createZone('Test/Synthetic', synthetic(0, CHANGES));
    const full = walk(fresh);
    const instant = fc.integer({ min: FROM - DAY, max: TO + DAY });
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 6 }), fc.array(instant, { minLength: 1, maxLength: 20 }), (lookups, checks) => {
        const zone = createZone('Test/Synthetic', synthetic(0, CHANGES));
        for (const t of lookups) zone.offsetAt(t);
        for (const t of checks) {
          if (zone.offsetAt(t) !== fresh.offsetAt(t)) return false;
          if (zone.localToUtc(t) !== fresh.localToUtc(t)) return false;
        }
        return walk(zone).join() === full.join();
      }),
      { seed: 16, numRuns: 150 },
    );
  });

  it('grows without reading a day twice: a walk over three centuries reads each day once plus the bisections', () => {
    const reader = synthetic(0, CHANGES);
    const zone = createZone('Test/Synthetic', reader);
    zone.offsetAt(NOW);
    walk(zone);
    const days = (TABLE_MAX - TABLE_MIN) / DAY;
    // One read per midnight (both ends included), at most ~27 per change to bisect to the second.
    expect(reader.calls).toBeLessThanOrEqual(days + 1 + 28 * CHANGES.length);
  });

  it.each(['Australia/Lord_Howe', 'Africa/Casablanca', 'Asia/Kolkata', 'Pacific/Apia'])(
    '%s first asked in 2026, then in 1901 and 2199: the same transitions and offsets as a fresh table from 1900',
    (name) => {
      const fresh = createZone(name);
      fresh.offsetAt(TABLE_MIN);
      const full = walk(fresh);
      const zone = createZone(name);
      zone.offsetAt(NOW);
      zone.offsetAt(Date.UTC(1901, 0, 1));
      zone.offsetAt(Date.UTC(2199, 0, 1));
      expect(walk(zone)).toEqual(full);
      for (const at of full) for (const t of [at - 1, at]) expect(zone.offsetAt(t)).toBe(fresh.offsetAt(t));
    },
  );
});

describe('reading offsets from Intl', () => {
  // Offsets of whole hours, half and quarter hours, seconds (Monrovia until 1972, local mean time in
  // 1900), zero written as plain "GMT", and +14.
  const ZONES = ['UTC', 'Etc/GMT-14', 'Africa/Monrovia', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Europe/Dublin', 'Pacific/Chatham'];

  it.each(ZONES)('%s: the longOffset text gives the offset the wall-clock fields give, either side of every transition', (name) => {
    const fast = intlOffsetReader(name);
    const wall = intlOffsetFunction(name);
    const zone = createZone(name);
    const instants = [FROM, TO - 1, NOW, ...walk(zone, FROM, TO).flatMap((at) => [at - SECOND, at])];
    for (const t of instants) expect(fast(t), `${name} at ${new Date(t).toISOString()}`).toBe(wall(t));
  });

  it('knows second-level offsets exactly', () => {
    expect(intlOffsetReader('Africa/Monrovia')(Date.UTC(1971, 0, 1))).toBe(-(44 * 60 + 30) * SECOND);
    expect(intlOffsetReader('UTC')(NOW)).toBe(0);
  });

  it('knows the zones Intl knows (asked twice: the second answer comes from the cache) and refuses the rest', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(42 as unknown as string)).toBe(false);
  });
});
