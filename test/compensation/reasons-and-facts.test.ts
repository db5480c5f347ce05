import { describe, expect, it } from 'vitest';
import { CompensationPolicyError, approvalFor, decideCompensation, defineCompensationPolicy, type CompensationPolicySpec } from '../../src/compensation/index.js';
import { errorOf } from '../helpers/errors.js';

// The facts a caller reads off a compensation decision, the values a policy knows, the kinds of
// offer its ladder approves by, and what is refused. Policies are defined inside the tests.
const monSat = ['09:00-17:00'];
// Primos (000): "for verified shipping errors or damaged items, immediate full refund or
// replacement + $10 goodwill credit; for delays over 7 business days, offer $15 discount code or
// free expedited shipping on next order". The partner tier's rule is PelPro's (001).
const spec: CompensationPolicySpec = {
  id: 'primos',
  currency: 'USD',
  calendar: { timeZone: 'America/New_York', hours: { mon: monSat, tue: monSat, wed: monSat, thu: monSat, fri: monSat, sat: monSat } },
  rules: [
    { id: 'partner-damaged', incident: 'damaged-item', when: { verified: true, tier: ['partner'] }, choose: [{ type: 'replacement' }] },
    { id: 'damaged', incident: 'damaged-item', when: { verified: true }, choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }] },
    { id: 'delay-over-7', incident: 'delivery-delay', when: { delayBusinessDays: { gt: 7 } }, choose: [{ type: 'discount-code', amount: '15.00' }, { type: 'free-expedited-shipping', value: '25.00' }] },
  ],
  approval: [{ level: 'agent', limit: '50.00' }, { level: 'team-lead' }],
};

describe('reasons state the facts they used', () => {
  it('COMPENSATION_RULE_MATCHED names the incident and the delay; an earlier match shadows a later one, naming it', () => {
    const policy = defineCompensationPolicy(spec);
    const partner = decideCompensation(policy, { type: 'damaged-item', verified: true, tier: 'partner', orderValue: '45.00' });
    expect(partner.reasons.slice(0, 2)).toEqual([
      expect.objectContaining({ code: 'COMPENSATION_RULE_MATCHED', rule: 'partner-damaged', facts: { incident: 'damaged-item', delayBusinessDays: null } }),
      expect.objectContaining({ code: 'COMPENSATION_RULE_SHADOWED', rule: 'damaged', facts: { winner: 'partner-damaged' } }),
    ]);
    const late = decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 8 });
    expect(late.reasons[1]).toMatchObject({ code: 'COMPENSATION_RULE_MATCHED', facts: { incident: 'delivery-delay', delayBusinessDays: 8 } });
  });

  it('no matching rule: no offers at all, and NO_COMPENSATION_RULE names the incident', () => {
    const decision = decideCompensation(defineCompensationPolicy(spec), { type: 'damaged-item', verified: false, orderValue: '45.00' });
    expect([decision.rule, decision.choose, decision.plus, decision.maxValue.amount, decision.approval]).toEqual([null, [], [], '0.00', null]);
    expect(decision.reasons.at(-1)).toMatchObject({ code: 'NO_COMPENSATION_RULE', facts: { incident: 'damaged-item' } });
  });

  it('a delivery date without the promised one is an unknown delay: the rule does not match, and nothing is counted', () => {
    const decision = decideCompensation(defineCompensationPolicy(spec), { type: 'delivery-delay', deliveredAt: '2026-11-11T12:00:00-05:00' });
    expect(decision.rule).toBeNull();
    expect(decision.reasons.map((r) => r.code)).toEqual(['COMPENSATION_RULE_NOT_MATCHED', 'NO_COMPENSATION_RULE']);
    expect(decision.reasons[0]?.facts).toMatchObject({ field: 'delayBusinessDays', actual: null, delayBusinessDays: null });
  });
});

describe('what a policy knows and needs', () => {
  it('knows the tiers its rules name, and decides an incident of one', () => {
    const policy = defineCompensationPolicy(spec);
    expect(policy.vocabulary.tier).toEqual(['partner']);
    expect(decideCompensation(policy, { type: 'damaged-item', verified: true, tier: 'partner', orderValue: '45.00' }).rule).toBe('partner-damaged');
  });

  it('refuses a replacement without the order value it is valued at', () => {
    const policy = defineCompensationPolicy(spec);
    expect(errorOf(() => decideCompensation(policy, { type: 'damaged-item', verified: true, tier: 'partner' }))).toEqual(['MISSING_FACT', 'orderValue']);
  });

  it('refuses a policy defineCompensationPolicy did not make', () => {
    const copy = { ...defineCompensationPolicy(spec) };
    const incident = { type: 'delivery-delay', delayBusinessDays: 8 };
    expect(() => decideCompensation(copy, incident)).toThrow(CompensationPolicyError);
    expect(errorOf(() => decideCompensation(copy, incident))).toEqual(['INVALID_COMPENSATION_POLICY', '']);
  });

  it('refuses, as no approval source, null, undefined and values that are not a policy or a ladder', () => {
    for (const source of [null, undefined, 42, 'agent']) expect(errorOf(() => approvalFor(source as never, { amount: '1.00' }))).toEqual(['INVALID_COMPENSATION_POLICY', '']);
  });
});

// Tru Fit (004): "automate authorization for refunds under $50".
describe('a step for some kinds of offer approves a rule whose every offer is of those kinds', () => {
  const trufit: CompensationPolicySpec = {
    ...spec,
    rules: [
      { id: 'refund-only', incident: 'refund-request', choose: [{ type: 'refund' }] },
      { id: 'refund-with-credit', incident: 'late-refund', choose: [{ type: 'refund' }], plus: [{ type: 'credit', amount: '5.00' }] },
    ],
    approval: [{ level: 'auto', limit: '50.00', comparison: '<', kinds: ['refund'] }, { level: 'agent', limit: '500.00' }, { level: 'senior-manager' }],
  };

  it('a refund alone is approved automatically; a refund with a credit goes to an agent', () => {
    const policy = defineCompensationPolicy(trufit);
    expect(decideCompensation(policy, { type: 'refund-request', orderValue: '40.00' }).approval?.level).toBe('auto');
    expect(decideCompensation(policy, { type: 'late-refund', orderValue: '20.00' }).approval?.level).toBe('agent');
  });
});
