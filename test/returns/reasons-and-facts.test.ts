import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { checkReturn, defineReturnPolicy, type ReturnPolicySpec, type ReturnRequest } from '../../src/returns/index.js';
import { errorOf } from '../helpers/errors.js';

// The facts a caller reads off a decision, rules that must NOT apply when their condition is
// false, and the request facts (order value, weight) the fee rules of a return see.
const spec: ReturnPolicySpec = {
  id: 'shop',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances', 'mattresses'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  nonReturnable: [
    { id: 'installed', flags: ['installed'] },
    // Tru Fit: used mattresses cannot be resold.
    { id: 'mattresses', category: ['mattresses'] },
  ],
  reviewConditions: ['damaged-by-customer'],
  evidence: [
    { id: 'receipt', requires: ['proofOfPurchase'] },
    { id: 'defect-photos', requires: ['photos'], defective: true },
    { id: 'appliance-serial', requires: ['serialNumber'], category: ['appliances'] },
  ],
  fees: {
    id: 'fees',
    currency: 'USD',
    rules: [
      // Tru Fit: "allow pre-paid returns labels for orders over $75"; up to $75 the label is charged.
      { id: 'return-label', kind: 'label', flat: '6.95', description: 'Return label', when: { service: ['return'], orderValue: { lte: '75.00' } } },
      { id: 'return-freight', kind: 'shipping', description: 'Return freight', when: { service: ['return'], category: ['appliances'] }, bands: [{ upToKg: 20, amount: '30.00' }, { amount: '80.00' }] },
    ],
  },
  calendar: { timeZone: 'America/New_York', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
};
const policy = defineReturnPolicy(spec);
const base: ReturnRequest = {
  category: 'electronics',
  price: '200.00',
  orderValue: '200.00',
  condition: 'unopened',
  evidence: ['proofOfPurchase'],
  deliveredAt: '2026-10-01T12:00:00-04:00',
  requestedAt: '2026-10-10T12:00:00-04:00',
};
const codes = (request: ReturnRequest) => checkReturn(policy, request).reasons.map((r) => r.code);

describe('reasons state the facts they used', () => {
  it('a non-returnable class names the category, the flags the item carries and whether it is defective', () => {
    const installed = checkReturn(policy, { ...base, flags: ['installed'], defective: true, evidence: ['proofOfPurchase', 'photos'] });
    expect(installed.reasons.find((r) => r.code === 'NOT_RETURNABLE')).toMatchObject({ rule: 'installed', facts: { category: 'electronics', flags: ['installed'], defective: true } });
    // A class by category alone refuses an item with no flags at all, and says so.
    const mattress = checkReturn(policy, { ...base, category: 'mattresses' });
    expect(mattress.outcome).toBe('ineligible');
    expect(mattress.reasons.find((r) => r.code === 'NOT_RETURNABLE')).toMatchObject({ rule: 'mattresses', facts: { category: 'mattresses', flags: [], defective: false } });
  });

  it('a review names the condition a person must inspect', () => {
    const decision = checkReturn(policy, { ...base, condition: 'damaged-by-customer' });
    expect(decision.outcome).toBe('needs-review');
    expect(decision.reasons.find((r) => r.code === 'CONDITION_NEEDS_REVIEW')?.facts).toEqual({ condition: 'damaged-by-customer' });
  });

  it('a request that gives no evidence at all lacks the receipt every request needs', () => {
    const bare: ReturnRequest = { ...base };
    delete (bare as { evidence?: unknown }).evidence;
    const decision = checkReturn(policy, bare);
    expect(decision.outcome).toBe('ineligible');
    expect(decision.reasons.find((r) => r.code === 'EVIDENCE_MISSING')).toMatchObject({ rule: 'receipt', facts: { missing: ['proofOfPurchase'] } });
  });
});

describe('an evidence rule asks only the requests its condition names', () => {
  it('asks photos of a defective item, not of a sound one', () => {
    expect(codes(base)).not.toContain('EVIDENCE_MISSING');
    expect(checkReturn(policy, base).outcome).toBe('eligible');
    const defective = checkReturn(policy, { ...base, defective: true });
    expect([defective.outcome, defective.reasons.find((r) => r.code === 'EVIDENCE_MISSING')?.facts]).toEqual(['ineligible', { missing: ['photos'] }]);
  });

  it('asks a serial number of an appliance, not of electronics', () => {
    const appliance = { ...base, category: 'appliances', weightKg: 10 };
    expect(checkReturn(policy, appliance).reasons.find((r) => r.code === 'EVIDENCE_MISSING')).toMatchObject({ rule: 'appliance-serial', facts: { missing: ['serialNumber'] } });
    expect(checkReturn(policy, { ...appliance, evidence: ['proofOfPurchase', 'serialNumber'] }).outcome).toBe('eligible');
  });
});

describe('a refused return has no deadlines', () => {
  it('sets no refund deadline for an expired return even when the item has reached the warehouse', () => {
    const received = { receivedAt: '2026-11-20T12:00:00-05:00' };
    const expired = checkReturn(policy, { ...base, ...received, requestedAt: '2026-11-05T12:00:00-05:00' });
    expect([expired.outcome, expired.deadlines]).toEqual(['ineligible', { authorizeBy: null, refundBy: null }]);
    // The same item asked for in time: 7 business days from Fri 2026-11-20 12:00 EST.
    const inTime = checkReturn(policy, { ...base, ...received });
    expect(inTime.deadlines.refundBy?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });
});

describe('the fee rules of a return see the order value and the weight', () => {
  it('charges the return label on an order of $75.00, and not one cent over', () => {
    const at = checkReturn(policy, { ...base, orderValue: '75.00' });
    expect(at.quote?.lines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ['price', '200.00'],
      ['label', '-6.95'],
    ]);
    const over = checkReturn(policy, { ...base, orderValue: '75.01' });
    expect(over.quote?.lines.map((line) => line.kind)).toEqual(['price']);
    expect(over.quote?.refund).toEqual(money('200.00', 'USD'));
  });

  it('prices appliance freight by weight: 30.00 up to 20 kg, 80.00 above', () => {
    const appliance = { ...base, category: 'appliances', evidence: ['proofOfPurchase' as const, 'serialNumber' as const] };
    expect(checkReturn(policy, { ...appliance, weightKg: 20 }).quote?.refund.amount).toBe('170.00');
    expect(checkReturn(policy, { ...appliance, weightKg: 20.5 }).quote?.refund.amount).toBe('120.00');
    // Freight that charges by weight needs the weight.
    expect(errorOf(() => checkReturn(policy, appliance))).toEqual(['MISSING_FACT', 'weightKg']);
  });
});
