import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../src/_lib/iso.js';
import { parseWireInstant } from '../../src/sla/wire-instant.js';

// The ticket check reads `toISOString` instants by hand; every text must mean what the general
// parser says it means (NaN where it refuses).

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

describe('parseWireInstant', () => {
  it('law: gives what parseIsoInstant gives for every text (toISOString forms, near misses, impossible dates, anything)', () => {
    fc.assert(
      fc.property(fc.oneof(isoArb, nearArb), (text) => {
        expect(Object.is(parseWireInstant(text), parseIsoInstant(text)), text).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads leap days, the ends of the supported range, and leaves other forms to the general parser', () => {
    const cases = ['2024-02-29T23:59:59.999Z', '2023-02-29T00:00:00.000Z', '1900-01-01T00:00:00.000Z', '2199-12-31T23:59:59.999Z', '2026-03-09T14:05:00Z', '2026-03-09T14:05:00.000+01:00', '0099-12-31T00:00:00.000Z', '2026-03-09T24:00:00.000Z'];
    expect(cases.map(parseWireInstant)).toEqual(cases.map(parseIsoInstant));
    expect(parseWireInstant('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });
});
