import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INSTANT_MS, MIN_INSTANT_MS, formatInstant } from '../../src/_lib/civil.js';

describe('formatInstant', () => {
  it('writes what Date#toISOString writes, at the boundaries', () => {
    for (const ms of [0, -1, 1, MIN_INSTANT_MS, MAX_INSTANT_MS - 1, Date.UTC(2000, 1, 29, 23, 59, 59, 999), Date.UTC(2100, 1, 28, 12), Date.UTC(2026, 10, 23, 15, 0, 0, 1), Date.UTC(1969, 11, 31, 23, 59, 59, 999)]) {
      expect(formatInstant(ms), String(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('writes what Date#toISOString writes, for every instant from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });
});
