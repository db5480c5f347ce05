import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../src/_lib/iso.js';

describe('ISO 8601 instants with an offset', () => {
  it('round trip: agrees with Date.parse on every instant written with Z or an offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2199, 11, 30) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.constantFrom('ms', 's', 'min'),
        (ms, offset, precision) => {
          const t = precision === 'ms' ? ms : precision === 's' ? ms - (ms % 1000) : ms - (ms % 60_000);
          const local = new Date(t + offset * 60_000).toISOString().slice(0, precision === 'ms' ? 23 : precision === 's' ? 19 : 16);
          const abs = Math.abs(offset);
          const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = `${local}${zone}`;
          expect(parseIsoInstant(text)).toBe(t);
          expect(parseIsoInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    '2026-11-20T18:30:00', // no offset: would depend on the machine's zone
    '2026-11-20 18:30:00Z',
    '2026-02-29T00:00Z',
    '2026-13-01T00:00Z',
    '2026-11-20T24:00Z',
    '2026-11-20T18:30:00.Z',
    '2026-11-20T18:30:00+0600',
    '2026-11-20T18:30Zjunk',
    '',
  ])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeNaN();
  });

  it('accepts leap days, fractions and offsets', () => {
    expect(parseIsoInstant('2028-02-29T12:00:00.5+05:45')).toBe(Date.UTC(2028, 1, 29, 6, 15, 0, 500));
    expect(parseIsoInstant('2026-11-20T18:30-06:00')).toBe(Date.UTC(2026, 10, 21, 0, 30));
  });
});
