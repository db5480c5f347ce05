import fc from 'fast-check';
import { errorOf } from '../helpers/errors.js';
import { describe, expect, it } from 'vitest';
import { CompensationPolicyError, decideCompensation, defineCompensationPolicy, type CompensationPolicySpec } from '../../src/compensation/index.js';
import { compare, money } from '../../src/money/index.js';

const weekday = ['09:00-17:00'];
const calendar = { timeZone: 'America/New_York', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: ['2026-11-26'] };

// Primos: "for verified shipping errors or damaged items, immediate full refund or replacement +
// $10 goodwill credit; for delays over 7 business days, offer $15 discount code or free expedited
// shipping on next order". PelPro: "credits equal to 5–15% of monthly support fees for SLA
// breaches" (10 % here). HomePro: agents "can approve up to a set dollar amount (for example,
// refund/credit up to 1,000 currency units)" and Level 3 "intervenes for compensation >1,000".
// Tru Fit: "automate authorization for refunds under $50".
const spec: CompensationPolicySpec = {
  id: 'primos',
  currency: 'USD',
  calendar,
  rules: [
    { id: 'shipping-error', incident: 'shipping-error', when: { verified: true }, choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }] },
    { id: 'damaged', incident: 'damaged-item', when: { verified: true }, choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }] },
    { id: 'late-over-7', incident: 'delivery-delay', when: { delayBusinessDays: { gt: 7 } }, choose: [{ type: 'discount-code', amount: '15.00' }, { type: 'free-expedited-shipping', value: '25.00' }] },
    { id: 'sla-breach', incident: 'sla-breach', choose: [{ type: 'service-credit', percentOfMonthlyFee: 10 }], cap: '500.00' },
  ],
  approval: [
    { level: 'auto', limit: '50.00', comparison: '<' },
    { level: 'agent', limit: '1000.00' },
    { level: 'senior-manager' },
  ],
};
const policy = defineCompensationPolicy(spec);

describe('the compensation matrix', () => {
  it('offers a refund or a replacement plus a $10 credit for a verified damaged item', () => {
    const decision = decideCompensation(policy, { type: 'damaged-item', verified: true, orderValue: '129.99' });
    expect(decision.rule).toBe('damaged');
    expect(decision.choose.map((o) => [o.type, o.cost.amount])).toEqual([
      ['refund', '129.99'],
      ['replacement', '129.99'],
    ]);
    expect(decision.plus.map((o) => [o.type, o.cost.amount])).toEqual([['credit', '10.00']]);
    expect([decision.maxValue.amount, decision.approval?.level]).toEqual(['139.99', 'agent']);
  });

  it('offers nothing for an unverified claim, and says why', () => {
    const decision = decideCompensation(policy, { type: 'damaged-item', verified: false, orderValue: '129.99' });
    expect([decision.rule, decision.reasons.map((r) => r.code)]).toEqual([null, ['COMPENSATION_RULE_NOT_MATCHED', 'NO_COMPENSATION_RULE']]);
  });

  it('counts a delay in business days: 7 gets nothing, 8 gets $15 or free expedited shipping', () => {
    const promised = new Date('2026-11-02T12:00:00-05:00'); // Monday
    const seven = decideCompensation(policy, { type: 'delivery-delay', promisedAt: promised, deliveredAt: new Date('2026-11-11T12:00:00-05:00') });
    expect([seven.rule, seven.reasons[0]?.facts.delayBusinessDays]).toEqual([null, 7]);
    const eight = decideCompensation(policy, { type: 'delivery-delay', promisedAt: promised, deliveredAt: new Date('2026-11-12T12:00:00-05:00') });
    expect(eight.choose.map((o) => [o.type, o.cost.amount])).toEqual([
      ['discount-code', '15.00'],
      ['free-expedited-shipping', '25.00'],
    ]);
    expect(eight.approval?.level).toBe('auto');
  });

  it('credits 10 % of the monthly support fee for an SLA breach, within the cap', () => {
    expect(decideCompensation(policy, { type: 'sla-breach', monthlyFee: '2400.00' }).maxValue.amount).toBe('240.00');
    const capped = decideCompensation(policy, { type: 'sla-breach', monthlyFee: '9000.00' });
    expect([capped.maxValue.amount, capped.reasons.some((r) => r.code === 'COMPENSATION_CAPPED')]).toEqual(['500.00', true]);
  });
});

describe('approval authority at its limits', () => {
  const level = (value: string) => decideCompensation(policy, { type: 'shipping-error', verified: true, orderValue: value }).approval?.level;

  it('auto-approves under $50 but not at $50', () => {
    expect(level('39.99')).toBe('auto'); // 39.99 + 10.00 = 49.99
    expect(level('40.00')).toBe('agent'); // 50.00 is not under 50
  });

  it('lets an agent approve up to 1,000 inclusive; above needs a senior manager', () => {
    expect(level('990.00')).toBe('agent'); // 1,000.00
    expect(level('990.01')).toBe('senior-manager'); // 1,000.01
  });
});

describe('laws and bad input', () => {
  it('never exceeds the cap, and the approval level never falls as the value rises', () => {
    const order = ['auto', 'agent', 'senior-manager'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const decide = (cents: number) => decideCompensation(policy, { type: 'sla-breach', monthlyFee: (cents / 100).toFixed(2) });
        expect(compare(decide(high).maxValue, money('500.00', 'USD'))).toBeLessThanOrEqual(0);
        const rank = (cents: number) => order.indexOf(decideCompensation(policy, { type: 'damaged-item', verified: true, orderValue: (cents / 100).toFixed(2) }).approval?.level as string);
        expect(rank(low)).toBeLessThanOrEqual(rank(high));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bad policies and incidents with codes and paths', () => {
    expect(errorOf(() => decideCompensation(policy, { type: 'damaged-item', verified: true }))).toEqual(['MISSING_FACT', 'orderValue']);
    expect(errorOf(() => decideCompensation(policy, { type: 'damaged-item', verified: true, orderValue: money('10.00', 'EUR') }))).toEqual(['CURRENCY_MISMATCH', 'orderValue.currency']);
    expect(() => defineCompensationPolicy({ ...spec, approval: [{ level: 'agent' }, { level: 'team-lead', limit: '10.00' }] })).toThrow(CompensationPolicyError);
    // Since 0.2.0 a ladder out of order is LADDER_ORDER (it was INVALID_RANGE).
    expect(errorOf(() => defineCompensationPolicy({ ...spec, approval: [{ level: 'agent', limit: '100.00' }, { level: 'team-lead', limit: '50.00' }, { level: 'executive' }] }))).toEqual(['LADDER_ORDER', 'approval.1.limit']);
  });
});
