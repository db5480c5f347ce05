import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultJson } from '../../src/cli/sla-json.js';
import type { SlaBatchResult } from '../../src/sla/index.js';

// The CLI writes each result with resultJson: it must be JSON.stringify's text, byte for byte.

const MIN = -62_167_219_200_000 - 5 * 86_400_000; // a few days before 0000-01-01
const MAX = 253_402_300_800_000 + 5 * 86_400_000; // a few days after 9999-12-31
const dateArb = fc.oneof(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 }), fc.constantFrom(0, -1, MIN, MAX, Number.NaN)).map((ms) => new Date(ms));
const valueArb = fc.oneof(dateArb, fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.jsonValue(), fc.array(dateArb, { maxLength: 2 }));
const objectArb = fc.dictionary(fc.string({ maxLength: 8 }), valueArb, { maxKeys: 6 });

describe('resultJson', () => {
  it('law: the text of JSON.stringify, whatever the report and clocks hold (Dates of every year, invalid ones, undefined, nesting)', () => {
    fc.assert(
      fc.property(fc.nat(), objectArb, fc.array(fc.oneof(objectArb, valueArb), { maxLength: 4 }), dateArb, (index, report, clocks, asOf) => {
        const status = { ticket: 'T-1', asOf, ...report, clocks, reasons: [{ code: 'X', facts: { at: '2026-01-01T00:00:00.000Z' }, message: 'm' }] };
        const result = { index, status } as unknown as SlaBatchResult;
        expect(resultJson(result)).toBe(JSON.stringify(result));
        const failed = { index, error: { code: 'INVALID_JSON', path: [], message: 'm', issues: [] } } as unknown as SlaBatchResult;
        expect(resultJson(failed)).toBe(JSON.stringify(failed));
      }),
      { numRuns: 500 },
    );
  });

  it('writes Dates as toJSON does at the edges of the supported range and of four-digit years', () => {
    for (const iso of ['1900-01-01T00:00:00.000Z', '2199-12-31T23:59:59.999Z', '2000-02-29T12:00:00.005Z', '1970-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      const result = { index: 0, status: { asOf: new Date(iso), clocks: [{ deadline: new Date(iso) }] } } as unknown as SlaBatchResult;
      expect(resultJson(result)).toBe(`{"index":0,"status":{"asOf":"${iso}","clocks":[{"deadline":"${iso}"}]}}`);
    }
  });
});
