import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs, requiredInstant } from '../../src/_lib/instant.js';
import { errorOf } from '../helpers/errors.js';

describe('the one instant rule', () => {
  const at = Date.UTC(2026, 10, 21, 0, 30);

  it('accepts a Date, epoch milliseconds and an ISO 8601 string with an offset alike', () => {
    expect(instantMs(new Date(at), 'now')).toBe(at);
    expect(instantMs(at, 'now')).toBe(at);
    expect(instantMs('2026-11-20T18:30:00-06:00', 'now')).toBe(at);
    expect(instantMs('2026-11-21T00:30Z', 'now')).toBe(at);
  });

  it('names a string without an offset, and a bare date, as such', () => {
    expect(errorOf(() => instantMs('2026-11-20T18:30:00', 'now'))).toEqual(['INSTANT_WITHOUT_OFFSET', 'now']);
    expect(errorOf(() => instantMs('2026-11-20', ['events', 3, 'at']))).toEqual(['INSTANT_WITHOUT_OFFSET', 'events.3.at']);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, new Date(Number.NaN), 'tomorrow', true, null, {}, [], 1n])('refuses %s as INVALID_INSTANT', (value) => {
    expect(errorOf(() => instantMs(value, 'now'))).toEqual(['INVALID_INSTANT', 'now']);
  });

  it('says what to write for a date and time with a space instead of "T", with or without an offset', () => {
    const message = (value: string) => {
      try {
        instantMs(value, 'now');
      } catch (error) {
        return [(error as { code: string }).code, (error as Error).message];
      }
      return undefined;
    };
    expect(message('2026-11-25 08:00')).toEqual([
      'INSTANT_WITHOUT_OFFSET',
      'at now: "2026-11-25 08:00" has no UTC offset, so its instant would depend on the machine\'s time zone; add "Z" or an offset such as "-06:00", and write "T" between the date and the time: "2026-11-25T08:00-06:00".',
    ]);
    expect(message('2026-11-25T08:00')?.[1]).toMatch(/add "Z" or an offset such as "-06:00"\.$/);
    expect(message('2026-11-25')?.[1]).toContain('is a date, not an instant; give the time and its offset, e.g. "2026-11-25T12:00:00-06:00"');
    expect(message('2026-11-25 08:00:00Z')).toEqual([
      'INVALID_INSTANT',
      'at now: "2026-11-25 08:00:00Z" has a space between the date and the time; ISO 8601 writes a "T" there: "2026-11-25T08:00:00Z".',
    ]);
    expect(message('2026-11-25 08:00+05:30')?.[1]).toContain('"2026-11-25T08:00+05:30"');
    // A space before something that is no instant either gets the general message.
    expect(message('2026-11-25 99:00Z')?.[1]).toContain('is not an instant; pass a valid Date');
  });

  it('refuses instants outside 1900-2200 in every form', () => {
    expect(errorOf(() => instantMs(Date.UTC(275000, 0, 1), 'at'))).toEqual(['INSTANT_OUT_OF_RANGE', 'at']);
    expect(errorOf(() => instantMs(new Date('1899-12-31T23:59:59.999Z'), 'at'))).toEqual(['INSTANT_OUT_OF_RANGE', 'at']);
    expect(errorOf(() => instantMs('2200-01-01T00:00:00Z', 'at'))).toEqual(['INSTANT_OUT_OF_RANGE', 'at']);
    expect(instantMs('2199-12-31T23:59:59.999Z', 'at')).toBe(Date.UTC(2200, 0, 1) - 1);
    expect(instantMs('1900-01-01T00:00:00Z', 'at')).toBe(Date.UTC(1900, 0, 1));
  });

  it('states what forms are accepted, and shows NaN as NaN', () => {
    expect(() => instantMs(Number.NaN, 'now')).toThrow(/NaN is not an instant; pass a valid Date, epoch milliseconds or an ISO 8601 string/);
  });

  it('treats undefined as REQUIRED for a required instant', () => {
    expect(errorOf(() => requiredInstant(undefined, 'requestedAt'))).toEqual(['REQUIRED', 'requestedAt']);
  });

  it('round trip: the three forms of one instant give the same milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) - 1 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(instantMs(iso, 'at')).toBe(ms);
        expect(instantMs(new Date(ms), 'at')).toBe(ms);
        expect(instantMs(ms, 'at')).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });
});
