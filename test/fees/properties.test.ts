import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFeeSchedule, quoteFees } from '../../src/fees/index.js';
import { compare, fromMinorUnits, sum, toMinorUnits } from '../../src/money/index.js';
import { homepro, pelpro, primos } from './seed-schedules.js';

const priceArb = fc.bigInt({ min: 0n, max: 10n ** 9n }).map((units) => fromMinorUnits(units, 'USD'));
const percentArb = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000);
const params = { numRuns: 300 };
// Requests may name any of these, so the schedules declare them all.
const vocabulary = { category: ['electronics', 'furniture'], sizeClass: ['small', 'large'], service: ['return', 'exchange', 'replacement', 'visit', 'repair'] };
const conditionArb = fc.constantFrom('unopened', 'opened', 'used', 'damaged-by-customer' as const);
// Every fact a seed rule's condition tests, given (booleans may be left out: left out is false).
const givenFacts = {
  condition: conditionArb,
  category: fc.constantFrom('electronics', 'furniture'),
  sizeClass: fc.constantFrom('small', 'large'),
  service: fc.constantFrom('return', 'exchange', 'replacement', 'visit', 'repair'),
  daysSinceDelivery: fc.integer({ min: 0, max: 90 }),
};

describe('laws of fee quotes', () => {
  it('monotonic: a higher price or a higher percentage never gives a lower fee', () => {
    fc.assert(
      fc.property(priceArb, priceArb, percentArb, percentArb, (a, b, p, q) => {
        const [low, high] = compare(a, b) <= 0 ? [a, b] : [b, a];
        const [pLow, pHigh] = p <= q ? [p, q] : [q, p];
        const schedule = (percent: number) => defineFeeSchedule({ id: 's', currency: 'USD', rules: [{ id: 'r', kind: 'restocking', percent, min: '5.00', max: '500.00' }] });
        const fee = (percent: number, price: typeof a) => quoteFees(schedule(percent), { price }).total;
        expect(compare(fee(pLow, low), fee(pLow, high))).toBeLessThanOrEqual(0);
        expect(compare(fee(pLow, low), fee(pHigh, low))).toBeLessThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('sum: the lines always add up to the total exactly, and no fee is negative', () => {
    const schedules = [defineFeeSchedule({ ...primos, vocabulary }), defineFeeSchedule({ ...homepro, vocabulary })];
    const requestArb = fc.record(
      {
        ...givenFacts,
        price: fc.bigInt({ min: 0n, max: 10n ** 8n }).map((units) => fromMinorUnits(units, 'USD').amount),
        defective: fc.boolean(),
        weightKg: fc.double({ min: 0, max: 50, noNaN: true }),
        orderValue: fc.integer({ min: 0, max: 20_000 }).map((cents) => (cents / 100).toFixed(2)),
        warranty: fc.boolean(),
        repairPerformed: fc.boolean(),
        sameDay: fc.boolean(),
        expedited: fc.boolean(),
      },
      { requiredKeys: ['price', 'weightKg', 'condition', 'category', 'sizeClass', 'service', 'daysSinceDelivery'] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...schedules), requestArb, (schedule, request) => {
        const quote = quoteFees(schedule, request);
        expect(quote.total).toEqual(sum(quote.fees.map((f) => f.amount), schedule.currency));
        for (const line of quote.fees) expect(toMinorUnits(line.amount) >= 0n).toBe(true);
        // Every rule is explained.
        expect(new Set(quote.reasons.map((r) => r.rule))).toEqual(new Set(schedule.spec.rules.map((r) => r.id)));
      }),
      params,
    );
  });

  it('absent is false: a request that leaves "defective" out is quoted as one that says defective: false', () => {
    const schedules = [pelpro, primos, homepro].map((spec) => defineFeeSchedule({ ...spec, vocabulary }));
    const requestArb = fc.record({ ...givenFacts, price: fc.bigInt({ min: 0n, max: 10n ** 8n }).map((units) => fromMinorUnits(units, 'USD').amount) });
    fc.assert(
      fc.property(fc.constantFrom(...schedules), requestArb, (schedule, request) => {
        expect(quoteFees(schedule, request)).toEqual(quoteFees(schedule, { ...request, defective: false }));
      }),
      params,
    );
  });

  it('a defective item is never restocked under the seed schedules, whatever its packaging state', () => {
    const schedules = [defineFeeSchedule(pelpro), defineFeeSchedule(homepro)];
    fc.assert(
      fc.property(fc.constantFrom(...schedules), conditionArb, fc.integer({ min: 0, max: 365 }), (schedule, condition, days) => {
        const service = schedule.id === 'homepro' ? { service: 'return' } : {};
        const quote = quoteFees(schedule, { price: '100.00', condition, defective: true, daysSinceDelivery: days, ...service });
        expect(quote.fees.filter((f) => f.kind === 'restocking')).toEqual([]);
      }),
      params,
    );
  });
});
