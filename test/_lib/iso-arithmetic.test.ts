import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../src/_lib/iso.js';

// parseIsoInstant computes the instant in integer arithmetic (days from the civil date); the
// reference below is the plain Date.UTC formula it replaced, with the same checks of the text.
function reference(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  const zone = m[8] as string;
  const oh = zone === 'Z' ? 0 : Number(zone.slice(1, 3));
  const om = zone === 'Z' ? 0 : Number(zone.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || oh > 23 || om > 59 || year < 100) return Number.NaN;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(utc).getUTCDate() !== day) return Number.NaN; // 2023-02-29 rolls over
  return utc - (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
}

const msArb = fc.integer({ min: Date.UTC(-50, 0, 1), max: Date.UTC(10_050, 0, 1) });
const isoArb = msArb.map((ms) => new Date(ms).toISOString()).filter((text) => text.length === 24);
/** A toISOString text with one character replaced, or cut after the seconds. */
const nearArb = fc.oneof(
  fc.tuple(isoArb, fc.nat({ max: 23 }), fc.constantFrom('0', '1', '2', '3', '9', ':', '-', '.', 'T', 'Z', '+', ' ', 'a', '٣')).map(([text, i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
  isoArb.map((text) => `${text.slice(0, 19)}Z`),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }), fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 69 }), fc.integer({ min: 0, max: 69 })).map(
    ([y, mo, d, h, mi, s]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}.123Z`,
  ),
  fc.string({ maxLength: 26 }),
);

const offsetArb = fc.tuple(isoArb, fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 16, max: 23 })).map(
  ([text, sign, h, m, cut]) => `${text.slice(0, cut)}${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
);

describe('parseIsoInstant in integer arithmetic', () => {
  it('law: gives what the Date.UTC reference gives for every text (toISOString forms, offsets, near misses, impossible dates, anything)', () => {
    fc.assert(
      fc.property(fc.oneof(isoArb, nearArb, offsetArb), (text) => {
        expect(Object.is(parseIsoInstant(text), reference(text)), text).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads leap days, the ends of the supported range, offsets and refuses what is no instant', () => {
    const cases = ['2024-02-29T23:59:59.999Z', '2023-02-29T00:00:00.000Z', '1900-01-01T00:00:00.000Z', '2199-12-31T23:59:59.999Z', '2026-03-09T14:05:00Z', '2026-03-09T14:05:00.000+01:00', '0099-12-31T00:00:00.000Z', '2026-03-09T24:00:00.000Z'];
    expect(cases.map(parseIsoInstant)).toEqual(cases.map(reference));
    expect(parseIsoInstant('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });
});
