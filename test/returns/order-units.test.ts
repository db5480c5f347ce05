import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, fromMinorUnits, sum } from '../../src/money/index.js';
import { unitsShare } from '../../src/returns/order-plan.js';

// A line's share of a discount, split over its units: the closed form checkOrderReturn uses must
// be exactly what allocate gives when it splits the share over every unit (the reference).
describe('the returned units\' share of a line\'s discount', () => {
  it('differential: equals the sum of allocate(share, [1, 1, …]) over the same units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(), (cents, quantity, a, b) => {
        const share = fromMinorUnits(cents, 'USD');
        const from = a % quantity;
        const count = 1 + (b % (quantity - from));
        const units = allocate(share, new Array<number>(quantity).fill(1));
        expect(unitsShare(share, quantity, from, count)).toEqual(sum(units.slice(from, from + count), 'USD'));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the first units the extra cents: 1.00 over three units is 0.34, 0.33, 0.33', () => {
    const share = fromMinorUnits(100, 'USD');
    expect([0, 1, 2].map((from) => unitsShare(share, 3, from, 1).amount)).toEqual(['0.34', '0.33', '0.33']);
    expect(unitsShare(share, 3, 0, 3).amount).toBe('1.00');
  });

  it('splits a million-unit line at once (3.00 over 1,000,000 units: the first 300 carry a cent)', () => {
    const share = fromMinorUnits(300, 'USD');
    expect([unitsShare(share, 1_000_000, 0, 500).amount, unitsShare(share, 1_000_000, 500, 999_500).amount]).toEqual(['3.00', '0.00']);
    expect(unitsShare(share, 1_000_000, 299, 2).amount).toBe('0.01');
  });
});
