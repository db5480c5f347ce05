import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, fromMinorUnits, isNegative, isZero, money, subtract, sum } from '../../src/money/index.js';
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
      { id: 'restock', kind: 'restocking', percent: 15, when: { condition: ['opened', 'used'], defective: false } },
      { id: 'late', kind: 'restocking', percent: 10, when: { daysSinceDelivery: { gt: 30 } } },
      { id: 'handling', kind: 'handling', flat: '25.00', when: { sizeClass: ['large'] } },
      { id: 'warranty-shipping', kind: 'shipping', free: true, when: { service: ['replacement'], warranty: true } },
      { id: 'replacement-shipping', kind: 'shipping', flat: '9.50', when: { service: ['replacement'] } },
      // Tru Fit: "allow pre-paid returns labels for orders over $75".
      { id: 'prepaid-label', kind: 'label', free: true, when: { service: ['return'], orderValue: { gt: '75.00' } } },
    ],
    vocabulary: { sizeClass: ['small', 'large'] },
  },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 5 } },
});

const DAY = 86_400_000;
const requestArb = fc
  .record({
    category: fc.constantFrom('electronics', 'equipment'),
    price: fc.bigInt({ min: 0n, max: 10n ** 7n }).map((units) => fromMinorUnits(units, 'USD')),
    orderValue: fc.integer({ min: 0, max: 20_000 }).map((cents) => (cents / 100).toFixed(2)),
    condition: fc.constantFrom('unopened', 'opened', 'used', 'damaged-by-customer' as const),
    defective: fc.boolean(),
    service: fc.constantFrom('return', 'exchange', 'replacement' as const),
    sizeClass: fc.constantFrom('small', 'large'),
    deliveredAt: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
    afterMs: fc.integer({ min: 0, max: 90 * DAY }),
    warranty: fc.boolean(),
  })
  // A replacement is a new item for a faulty one, and a warranty covers faults: both need defective: true.
  .map((request) => (request.service === 'replacement' ? { ...request, defective: true } : request))
  .map(({ warranty, ...rest }) => (rest.defective && warranty ? { ...rest, warranty } : rest));

describe('laws of return decisions', () => {
  it('balance: the lines sum to the balance, balance = refund - charge, and one of refund and charge is zero', () => {
    fc.assert(
      fc.property(requestArb, ({ deliveredAt, afterMs, ...rest }) => {
        const decision = checkReturn(policy, { ...rest, deliveredAt, requestedAt: deliveredAt + afterMs });
        if (!decision.quote) {
          expect(decision.outcome).toBe('ineligible');
          return;
        }
        const { lines, balance, refund, charge } = decision.quote;
        expect(sum(lines.map((line) => line.amount), 'USD')).toEqual(balance);
        expect(subtract(refund, charge)).toEqual(balance);
        expect(isNegative(refund) || isNegative(charge)).toBe(false);
        expect(isZero(refund) || isZero(charge)).toBe(true);
        // The quote says so in words, with the same amounts.
        expect(decision.reasons.find((r) => r.code === 'QUOTE_BALANCE')?.facts).toMatchObject({ balance: balance.amount, refund: refund.amount, charge: charge.amount });
      }),
      { numRuns: 400 },
    );
  });

  it('a return never charges the customer, and never refunds more than was paid; fees beyond the price are a fee-limit line', () => {
    fc.assert(
      fc.property(requestArb, ({ deliveredAt, afterMs, ...rest }) => {
        const decision = checkReturn(policy, { ...rest, service: 'return', deliveredAt, requestedAt: deliveredAt + afterMs });
        if (!decision.quote) return;
        const { refund, charge, lines } = decision.quote;
        expect(charge).toEqual(money('0', 'USD'));
        expect(compare(refund, rest.price)).toBeLessThanOrEqual(0);
        const limited = decision.reasons.some((r) => r.code === 'FEES_EXCEED_PRICE');
        expect(lines.some((line) => line.kind === 'fee-limit')).toBe(limited);
        if (limited) expect(refund).toEqual(money('0', 'USD'));
      }),
      { numRuns: 300 },
    );
  });

  it('an exchange or a replacement pays its fees in full: the charge is the fees\' total', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom('exchange', 'replacement' as const), ({ deliveredAt, afterMs, ...rest }, service) => {
        const decision = checkReturn(policy, { ...rest, service, ...(service === 'replacement' ? { defective: true } : {}), deliveredAt, requestedAt: deliveredAt + afterMs });
        if (!decision.quote) return;
        expect(decision.quote.charge).toEqual(sum(decision.quote.fees.map((fee) => fee.amount), 'USD'));
        expect(decision.quote.refund).toEqual(money('0', 'USD'));
      }),
      { numRuns: 200 },
    );
  });

  it('monotonic: asking later never turns an ineligible return eligible, and never lowers the fees', () => {
    fc.assert(
      fc.property(requestArb, fc.integer({ min: 0, max: 40 * DAY }), ({ deliveredAt, afterMs, ...rest }, extra) => {
        const early = checkReturn(policy, { ...rest, deliveredAt, requestedAt: deliveredAt + afterMs });
        const late = checkReturn(policy, { ...rest, deliveredAt, requestedAt: deliveredAt + afterMs + extra });
        if (early.outcome === 'ineligible') expect(late.outcome).toBe('ineligible');
        expect(late.window.daysLate).toBeGreaterThanOrEqual(early.window.daysLate);
        if (early.quote && late.quote) {
          expect(compare(late.quote.refund, early.quote.refund)).toBeLessThanOrEqual(0);
          expect(compare(late.quote.balance, early.quote.balance)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
