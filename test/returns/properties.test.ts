import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, fromMinorUnits, isNegative, money, sum } from '../../src/money/index.js';
import { checkReturn, defineReturnPolicy } from '../../src/returns/index.js';

const policy = defineReturnPolicy({
  id: 'laws',
  timeZone: 'Australia/Lord_Howe',
  categories: ['electronics', 'equipment'],
  windows: [{ id: 'w', days: 30, from: 'delivery', lateUntilDays: 60 }],
  reviewConditions: ['damaged-by-customer'],
  fees: {
    id: 'fees',
    currency: 'USD',
    hitPolicy: { restocking: 'collect' },
    rules: [
      { id: 'restock', kind: 'restocking', percent: 15, when: { condition: ['opened', 'used'] } },
      { id: 'late', kind: 'restocking', percent: 10, when: { daysSinceDelivery: { gt: 30 } } },
      { id: 'handling', kind: 'handling', flat: '25.00', when: { sizeClass: ['large'] } },
      { id: 'label', kind: 'label', flat: '6.95', when: { orderValue: { lte: '75' } } },
    ],
    vocabulary: { sizeClass: ['small', 'large'] },
  },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 5 } },
});

const DAY = 86_400_000;
const requestArb = fc.record({
  category: fc.constantFrom('electronics', 'equipment'),
  price: fc.bigInt({ min: 0n, max: 10n ** 7n }).map((units) => fromMinorUnits(units, 'USD')),
  orderValue: fc.integer({ min: 0, max: 20_000 }).map((cents) => (cents / 100).toFixed(2)),
  condition: fc.constantFrom('unopened', 'opened', 'used', 'damaged-by-customer', 'defective' as const),
  sizeClass: fc.constantFrom('small', 'large'),
  deliveredAt: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
  afterMs: fc.integer({ min: 0, max: 90 * DAY }),
});

describe('laws of return decisions', () => {
  it('the refund never exceeds what was paid and is never negative; lines sum to it unless fees exceed the price', () => {
    fc.assert(
      fc.property(requestArb, ({ deliveredAt, afterMs, ...rest }) => {
        const decision = checkReturn(policy, { ...rest, deliveredAt, requestedAt: deliveredAt + afterMs });
        if (!decision.quote) {
          expect(decision.outcome).toBe('ineligible');
          return;
        }
        const { refund, lines } = decision.quote;
        expect(isNegative(refund)).toBe(false);
        expect(compare(refund, rest.price)).toBeLessThanOrEqual(0);
        const exceeded = decision.reasons.some((r) => r.code === 'FEES_EXCEED_PRICE');
        if (!exceeded) expect(refund).toEqual(sum(lines.map((line) => line.amount)));
        else expect(refund).toEqual(money('0', 'USD'));
      }),
      { numRuns: 300 },
    );
  });

  it('monotonic: asking later never turns an ineligible return eligible, and never lowers the fees', () => {
    fc.assert(
      fc.property(requestArb, fc.integer({ min: 0, max: 40 * DAY }), ({ deliveredAt, afterMs, ...rest }, extra) => {
        const early = checkReturn(policy, { ...rest, deliveredAt, requestedAt: deliveredAt + afterMs });
        const late = checkReturn(policy, { ...rest, deliveredAt, requestedAt: deliveredAt + afterMs + extra });
        if (early.outcome === 'ineligible') expect(late.outcome).toBe('ineligible');
        expect(late.window.daysLate).toBeGreaterThanOrEqual(early.window.daysLate);
        if (early.quote && late.quote) expect(compare(late.quote.refund, early.quote.refund)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
