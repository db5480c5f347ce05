import { describe, expect, expectTypeOf, it } from 'vitest';
import { decideCompensation, defineCompensationPolicy, type CompensationApproval, type CompensationPolicySpec } from '../../src/compensation/index.js';
import { money } from '../../src/money/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// Issue 13, part C: decisions a helpdesk can act on directly.
//
// Primos (000): "Compensation matrix: for verified shipping errors or damaged items, immediate full
// refund or replacement + $10 goodwill credit; for delays over 7 business days, offer $15 discount
// code or free expedited shipping on next order." "Immediate" means no approval step.
const monSat = ['09:00-17:00'];
const primos: CompensationPolicySpec = {
  id: 'primos',
  currency: 'USD',
  calendar: { timeZone: 'America/New_York', hours: { mon: monSat, tue: monSat, wed: monSat, thu: monSat, fri: monSat, sat: monSat } },
  rules: [
    { id: 'shipping-error', incident: 'shipping-error', when: { verified: true }, choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }], preApproved: true },
    { id: 'damaged-item', incident: 'damaged-item', when: { verified: true }, choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }], preApproved: true },
    { id: 'delay-over-7', incident: 'delivery-delay', when: { delayBusinessDays: { gt: 7 } }, choose: [{ type: 'discount-code', amount: '15.00' }, { type: 'free-expedited-shipping', value: '25.00' }] },
  ],
  approval: [{ level: 'agent', limit: '50.00' }, { level: 'team-lead', limit: '500.00' }, { level: 'senior-manager' }],
};
const policy = defineCompensationPolicy(primos);

describe('"immediate" compensation needs no approval step (preApproved)', () => {
  it('gives a verified damaged 45.00 item a refund or replacement + $10 with no approval, and says so', () => {
    const d = decideCompensation(policy, { type: 'damaged-item', verified: true, orderValue: '45.00' });
    expect([d.rule, d.maxValue.amount]).toEqual(['damaged-item', '55.00']);
    expect(d.approval).toEqual({ needed: false, level: null, limit: null, comparison: null });
    expect(d.reasons.at(-1)).toEqual({
      code: 'APPROVAL_NOT_NEEDED',
      rule: 'damaged-item',
      facts: { rule: 'damaged-item', preApproved: true, value: '55.00' },
      message: 'damaged-item is pre-approved: its offers (at most 55.00 USD) need no approval step.',
    });
    expect(d.reasons.map((r) => r.code)).not.toContain('APPROVAL_REQUIRED');
  });

  it('would need a team lead for the same 55.00 without preApproved (the old reading of the seed)', () => {
    const laddered = defineCompensationPolicy({ ...primos, rules: primos.rules.map((rule) => ({ ...rule, preApproved: false })) });
    const d = decideCompensation(laddered, { type: 'damaged-item', verified: true, orderValue: '45.00' });
    expect(d.approval).toEqual({ needed: true, level: 'team-lead', limit: money('500.00', 'USD'), comparison: '<=' });
    expect(d.reasons.map((r) => r.code)).toEqual(['COMPENSATION_RULE_MATCHED', 'APPROVAL_STEP_EXCEEDED', 'APPROVAL_REQUIRED']);
  });

  it('pre-approves only the rule that says so: a delay offer still walks the ladder, an unverified claim gets nothing', () => {
    const late = decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 8 });
    expect([late.maxValue.amount, late.approval?.needed, late.approval?.level]).toEqual(['25.00', true, 'agent']);
    const unverified = decideCompensation(policy, { type: 'damaged-item', verified: false, orderValue: '45.00' });
    expect([unverified.rule, unverified.approval]).toEqual([null, null]);
    expect(unverified.reasons.map((r) => r.code)).toEqual(['COMPENSATION_RULE_NOT_MATCHED', 'NO_COMPENSATION_RULE']);
  });

  it('lets TypeScript tell "no approval needed" from "an agent approves" by narrowing on needed', () => {
    const approval = decideCompensation(policy, { type: 'shipping-error', verified: true, orderValue: '2000.00' }).approval as CompensationApproval;
    expect(approval.needed).toBe(false);
    if (approval.needed) expectTypeOf(approval.level).toEqualTypeOf<'auto' | 'agent' | 'team-lead' | 'senior-manager' | 'executive'>();
    else expectTypeOf(approval.level).toEqualTypeOf<null>();
  });

  it('refuses a preApproved that is not true or false', () => {
    expect(errorOf(() => defineCompensationPolicy({ ...primos, rules: [{ ...primos.rules[0], preApproved: 'yes' } as never] }))).toEqual(['INVALID_TYPE', 'rules.0.preApproved']);
  });
});

describe('a delay in business days can be given directly', () => {
  it('uses a given delay as it is: 7 business days gets nothing, 8 gets $15 or free expedited shipping', () => {
    const seven = decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 7 });
    expect([seven.rule, seven.reasons[0]]).toEqual([
      null,
      { code: 'DELAY_GIVEN', facts: { delayBusinessDays: 7, delaySource: 'given' }, message: 'The delay is 7 business days, as the incident gives it (delayBusinessDays).' },
    ]);
    expect(seven.reasons[1]?.facts).toMatchObject({ field: 'delayBusinessDays', expected: '> 7', actual: 7 });
    const eight = decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 8 });
    expect([eight.rule, eight.choose.map((o) => o.type)]).toEqual(['delay-over-7', ['discount-code', 'free-expedited-shipping']]);
    expect(decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 0 }).reasons[0]?.message).toBe('The delay is 0 business days, as the incident gives it (delayBusinessDays).');
  });

  it('decides a given delay as the same delay counted on the calendar (Mon–Sat here), and says which it was', () => {
    // Promised Mon 2026-11-02, delivered Wed 2026-11-11: Tue–Sat, Mon–Wed on Mon–Sat hours = 8.
    const counted = decideCompensation(policy, { type: 'delivery-delay', promisedAt: '2026-11-02T12:00:00-05:00', deliveredAt: '2026-11-11T12:00:00-05:00' });
    expect([counted.reasons[0]?.code, counted.reasons[0]?.facts.delayBusinessDays, counted.reasons[0]?.facts.delaySource, counted.reasons[0]?.facts.calendarTimeZone]).toEqual([
      'DELAY_COUNTED',
      8,
      'counted',
      'America/New_York',
    ]);
    const given = decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 8 });
    expect({ ...given, reasons: given.reasons.slice(1) }).toEqual({ ...counted, reasons: counted.reasons.slice(1) });
  });

  it('refuses a delay given both ways (CONFLICTING_FIELDS at each field), and a delay that is not a whole number of days', () => {
    const both = thrownError(() => decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 8, promisedAt: '2026-11-02T12:00:00-05:00', deliveredAt: '2026-11-11T12:00:00-05:00' }));
    expect(both.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['CONFLICTING_FIELDS', 'delayBusinessDays'],
      ['CONFLICTING_FIELDS', 'promisedAt'],
      ['CONFLICTING_FIELDS', 'deliveredAt'],
    ]);
    expect(both.message).toContain('Give "delayBusinessDays" (a delay you already know) or "promisedAt" and "deliveredAt"');
    const half = thrownError(() => decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 8, deliveredAt: '2026-11-11T12:00:00-05:00' }));
    expect(half.issues.map((i) => i.path.join('.'))).toEqual(['delayBusinessDays', 'deliveredAt']);
    expect(errorOf(() => decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: -1 }))).toEqual(['INVALID_FACT', 'delayBusinessDays']);
    expect(errorOf(() => decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: 7.5 }))).toEqual(['INVALID_FACT', 'delayBusinessDays']);
    expect(errorOf(() => decideCompensation(policy, { type: 'delivery-delay', delayBusinessDays: '8' as never }))).toEqual(['INVALID_TYPE', 'delayBusinessDays']);
  });
});

describe('rule conditions, from both sides (mutation survivors of 2026-11-25)', () => {
  // PelPro (001): "credits equal to 5–15% of monthly support fees for SLA breaches" for "channel
  // partners and large corporate customers"; a band of order values, and a half refund.
  const banded = defineCompensationPolicy({
    id: 'bands',
    currency: 'USD',
    calendar: { timeZone: 'America/Chicago', alwaysOpen: true },
    rules: [
      { id: 'partner-credit', incident: 'sla-breach', when: { tier: ['partner', 'corporate'] }, choose: [{ type: 'service-credit', percentOfMonthlyFee: 10 }], cap: '500.00' },
      { id: 'mid-order-half', incident: 'damaged-item', when: { orderValue: { gte: '100.00', lt: '500.00' } }, choose: [{ type: 'refund', percent: 50 }] },
    ],
    approval: [{ level: 'agent', limit: '1000.00' }, { level: 'team-lead' }],
    vocabulary: { tier: ['partner', 'corporate', 'consumer'] },
  });

  it('does not credit an SLA breach when the tier is not listed, or not given', () => {
    const consumer = decideCompensation(banded, { type: 'sla-breach', tier: 'consumer', monthlyFee: '1000.00' });
    expect([consumer.rule, consumer.reasons[0]?.facts]).toEqual([null, { fields: ['tier'], field: 'tier', expected: 'partner or corporate', actual: 'consumer', delayBusinessDays: null }]);
    expect(decideCompensation(banded, { type: 'sla-breach', monthlyFee: '1000.00' }).rule).toBeNull();
    const partner = decideCompensation(banded, { type: 'sla-breach', tier: 'partner', monthlyFee: '1000.00' });
    expect([partner.rule, partner.maxValue.amount, partner.reasons[0]?.code]).toEqual(['partner-credit', '100.00', 'COMPENSATION_RULE_MATCHED']);
  });

  it('applies an order-value band only inside it: 99.99 and 500.00 are out, 100.00 and 499.99 are in', () => {
    const rule = (orderValue: string) => decideCompensation(banded, { type: 'damaged-item', orderValue }).rule;
    expect([rule('99.99'), rule('100.00'), rule('499.99'), rule('500.00')]).toEqual([null, 'mid-order-half', 'mid-order-half', null]);
  });

  it('costs a 50 % refund at half the order value', () => {
    const d = decideCompensation(banded, { type: 'damaged-item', orderValue: '299.99' });
    expect([d.choose[0]?.cost.amount, d.maxValue.amount]).toEqual(['150.00', '150.00']);
  });

  it('caps only above the cap: 5,000.00 × 10 % is exactly the cap and not capped; one cent of credit more is', () => {
    const at = decideCompensation(banded, { type: 'sla-breach', tier: 'corporate', monthlyFee: '5000.00' });
    expect([at.maxValue.amount, at.reasons.map((r) => r.code)]).toEqual(['500.00', ['COMPENSATION_RULE_MATCHED', 'APPROVAL_REQUIRED']]);
    const over = decideCompensation(banded, { type: 'sla-breach', tier: 'corporate', monthlyFee: '5000.10' });
    expect([over.maxValue.amount, over.reasons.find((r) => r.code === 'COMPENSATION_CAPPED')?.facts]).toEqual(['500.00', { cap: '500.00' }]);
  });
});
