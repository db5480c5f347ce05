import { expect, it } from 'vitest';
import { checkReturn, defineReturnPolicy } from '../../src/returns/index.js';

// The examples in docs/returns.md and the doc comments of defineReturnPolicy and checkReturn.
it('decides the documented requests', () => {
  const day = ['09:00-17:00'];
  const policy = defineReturnPolicy({
    id: 'primos-returns',
    timeZone: 'America/New_York',
    categories: ['electronics', 'appliances'],
    windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
    nonReturnable: [{ id: 'installed', flags: ['installed'] }],
    reviewConditions: ['damaged-by-customer'],
    evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
    fees: { id: 'primos-fees', currency: 'USD', rules: [{ id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened'], category: ['electronics'] } }] },
    calendar: { timeZone: 'America/New_York', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } },
    authorizationWithin: { hours: 48 },
    refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
  });
  expect(policy.id).toBe('primos-returns');
  const decision = checkReturn(policy, {
    category: 'electronics',
    price: '129.99',
    condition: 'opened',
    evidence: ['proofOfPurchase'],
    deliveredAt: new Date('2026-10-01T15:00:00-04:00'),
    requestedAt: new Date('2026-10-20T10:00:00-04:00'),
  });
  expect([decision.outcome, decision.quote?.refund]).toEqual(['eligible', { amount: '110.49', currency: 'USD' }]);
  const late = checkReturn(policy, {
    category: 'electronics',
    price: '129.99',
    condition: 'opened',
    evidence: ['proofOfPurchase'],
    deliveredAt: new Date('2026-10-01T15:00:00Z'),
    requestedAt: new Date('2026-11-05T15:00:00Z'),
  });
  expect(late.outcome).toBe('ineligible');
  expect(late.reasons[0]).toMatchObject({ code: 'RETURN_WINDOW_EXPIRED', facts: { lastDay: '2026-10-31', daysLate: 5 } });
});
