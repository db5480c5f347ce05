import { errorOf } from '../helpers/errors.js';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { ReturnPolicyError, checkReturn, defineReturnPolicy, type ReturnPolicySpec } from '../../src/returns/index.js';

const weekdays = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };

// Primos: "Standard return window: 30 days from delivery for full refund, with a suggested
// restocking fee of 0–15% only for non-defective, opened electronics" (15 %); "issuing refunds
// within 7–10 business days after receiving the returned item" (7); "exchanges within 30 days can
// incur a flat $7 handling fee for small items and $15 for larger items".
// Amare: "customers should be given a return authorization within 48 hours of a verified request".
// HomePro: "typically 30 days for non-installed goods".
const spec: ReturnPolicySpec = {
  id: 'primos-returns',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances', 'accessories'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  nonReturnable: [
    { id: 'installed', flags: ['installed'] },
    { id: 'final-sale', flags: ['final-sale'] },
  ],
  reviewConditions: ['damaged-by-customer'],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  fees: {
    id: 'primos-fees',
    currency: 'USD',
    rules: [
      { id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened'], category: ['electronics'], service: ['return'] } },
      { id: 'exchange-small', kind: 'handling', flat: '7.00', description: 'Exchange handling (small item)', when: { service: ['exchange'], sizeClass: ['small'] } },
      { id: 'exchange-large', kind: 'handling', flat: '15.00', description: 'Exchange handling (large item)', when: { service: ['exchange'], sizeClass: ['large'] } },
    ],
  },
  calendar: { timeZone: 'America/New_York', hours: weekdays, holidays: ['2026-11-26'] },
  authorizationWithin: { hours: 48 },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
};
const policy = defineReturnPolicy(spec);
const base = {
  category: 'electronics',
  price: '129.99',
  condition: 'opened' as const,
  evidence: ['proofOfPurchase' as const],
  deliveredAt: new Date('2026-10-01T23:30:00-04:00'), // Thursday evening, New York
};

describe('the return window, counted between local dates in the store zone', () => {
  it('accepts a request on day 30 and refuses one on day 31, stating the deadline and days late', () => {
    const day30 = checkReturn(policy, { ...base, requestedAt: new Date('2026-10-31T23:59:00-04:00') });
    expect([day30.outcome, day30.window.daysSince, day30.window.lastDay]).toEqual(['eligible', 30, '2026-10-31']);
    // The window ends at local midnight; DST ends later that night, so it is still -04:00.
    expect(day30.window.deadline.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    const day31 = checkReturn(policy, { ...base, requestedAt: new Date('2026-11-01T00:01:00-04:00') });
    expect(day31.outcome).toBe('ineligible');
    expect(day31.reasons[0]).toMatchObject({ code: 'RETURN_WINDOW_EXPIRED', facts: { lastDay: '2026-10-31', daysLate: 1, deadline: '2026-11-01T04:00:00.000Z' } });
    expect(day31.quote).toBeNull();
  });
});

describe('the refund quote', () => {
  it('deducts 15 % restocking on opened electronics, line by line, and states the deadlines', () => {
    const decision = checkReturn(policy, {
      ...base,
      requestedAt: new Date('2026-10-20T10:00:00-04:00'),
      receivedAt: new Date('2026-11-24T11:00:00-05:00'),
    });
    expect(decision.outcome).toBe('eligible');
    expect(decision.quote?.lines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ['price', '129.99'],
      ['restocking', '-19.50'],
    ]);
    expect(decision.quote?.refund).toEqual(money('110.49', 'USD'));
    // Authorisation within 48 business hours on Mon-Fri 09-17: Tue 7 h, Wed-Fri 24 h, Mon-Tue 16 h,
    // then 1 h on Wednesday: Wed 2026-10-28 10:00 EDT.
    expect(decision.deadlines.authorizeBy?.toISOString()).toBe('2026-10-28T14:00:00.000Z');
    // Refund within 7 business days of receipt (Tue 11-24): Wed, (Thanksgiving skipped) Fri, Mon,
    // Tue, Wed, Thu, Fri: Fri 2026-12-04 11:00 EST.
    expect(decision.deadlines.refundBy?.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('charges the exchange handling fee by size and refunds nothing for an exchange', () => {
    const decision = checkReturn(policy, { ...base, service: 'exchange', sizeClass: 'large', requestedAt: new Date('2026-10-10T10:00:00-04:00') });
    expect(decision.quote?.lines).toEqual([{ item: 'Exchange handling (large item)', kind: 'handling', amount: money('-15.00', 'USD') }]);
    expect(decision.quote?.refund.amount).toBe('0.00');
  });
});

describe('every rule is evaluated and every reason kept', () => {
  it('reports an expired window, a non-returnable class and missing evidence together', () => {
    const decision = checkReturn(policy, { ...base, flags: ['installed'], evidence: [], requestedAt: new Date('2026-12-15T10:00:00-05:00') });
    expect(decision.outcome).toBe('ineligible');
    expect(decision.reasons.map((r) => r.code)).toEqual(['RETURN_WINDOW_EXPIRED', 'NOT_RETURNABLE', 'EVIDENCE_MISSING']);
    expect(decision.reasons[2]?.facts).toEqual({ missing: ['proofOfPurchase'] });
  });

  it('sends a customer-damaged item to a person', () => {
    const decision = checkReturn(policy, { ...base, condition: 'damaged-by-customer', requestedAt: new Date('2026-10-10T10:00:00-04:00') });
    expect(decision.outcome).toBe('needs-review');
    expect(decision.quote?.refund.amount).toBe('129.99');
  });

  it('accepts a late return with a fee where the policy says so (PelPro: 15 % after day 30)', () => {
    const pelpro = defineReturnPolicy({
      ...spec,
      id: 'pelpro',
      windows: [{ id: 'full-refund-30', days: 30, from: 'delivery', lateUntilDays: 90 }],
      fees: { id: 'pelpro-fees', currency: 'USD', rules: [{ id: 'restock-after-30', kind: 'restocking', percent: 15, when: { daysSinceDelivery: { gt: 30 }, condition: ['unopened', 'opened', 'used'] } }] },
    });
    const decision = checkReturn(pelpro, { ...base, requestedAt: new Date('2026-11-11T10:00:00-05:00') });
    expect(decision.outcome).toBe('eligible');
    expect(decision.reasons[0]).toMatchObject({ code: 'RETURN_LATE_ACCEPTED', facts: { daysLate: 11 } });
    expect(decision.quote?.refund.amount).toBe('110.49');
  });
});

describe('bad requests and policies', () => {

  it.each([
    [{ category: 'furniture' }, 'UNKNOWN_CATEGORY', 'category'],
    [{ deliveredAt: new Date('2026-12-01T00:00:00Z') }, 'DATE_AFTER_REQUEST', 'deliveredAt'],
    [{ deliveredAt: undefined }, 'MISSING_DATE', 'deliveredAt'],
    [{ price: '-5.00' }, 'INVALID_FACT', 'price'],
    [{ price: money('5.00', 'EUR') }, 'CURRENCY_MISMATCH', 'price.currency'],
  ])('rejects %j', (change, code, path) => {
    expect(errorOf(() => checkReturn(policy, { ...base, requestedAt: new Date('2026-10-10T10:00:00-04:00'), ...change }))).toEqual([code, path]);
  });

  it('rejects a policy that names unknown categories or an unknown currency', () => {
    expect(() => defineReturnPolicy({ ...spec, windows: [{ id: 'w', days: 30, from: 'delivery', category: ['toys'] }] })).toThrow(ReturnPolicyError);
    expect(errorOf(() => defineReturnPolicy({ ...spec, fees: { ...spec.fees, currency: 'XYZ' } }))).toEqual(['UNKNOWN_CURRENCY', 'fees.currency']);
  });
});
