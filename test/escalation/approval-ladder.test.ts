import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPROVAL_LEVELS, approvalFor } from '../../src/compensation/index.js';
import { decideEscalation, defineEscalationPolicy, EscalationPolicyError, type EscalationPolicySpec } from '../../src/escalation/index.js';

// HomePro (002): agents "can approve up to a set dollar amount (for example, refund/credit up to
// 1,000 currency units)"; "Level 3 (manager/exception desk) intervenes for compensation >1,000
// currency units … and must respond within 4 business hours". One threshold, written once: the
// escalation rule asks for an amount that needs at least a senior manager on the approval ladder.
const weekday = ['09:00-20:00'];
const homepro: EscalationPolicySpec = {
  id: 'homepro',
  currency: 'THB',
  calendars: {
    center: { timeZone: 'Asia/Bangkok', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
    clock: { timeZone: 'Asia/Bangkok', alwaysOpen: true },
  },
  tiers: ['level-1', 'level-2', 'level-3'],
  approval: [{ level: 'agent', limit: '1000' }, { level: 'senior-manager' }],
  rules: [
    { id: 'compensation-over-1000', tier: 'level-3', when: { approvalAtLeast: 'senior-manager' }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'center' } },
    { id: 'failed-visits', tier: 'level-3', when: { failedVisits: { gte: 2 } }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'center' } },
  ],
};
const policy = defineEscalationPolicy(homepro);
const created = '2026-11-23T09:00:00+07:00'; // Monday 09:00 in Bangkok
const decide = (amount?: string) => decideEscalation(policy, { ...(amount === undefined ? {} : { amount }), createdAt: created, now: created });
const compensationRule = homepro.rules[0] as EscalationPolicySpec['rules'][number];
const reason = (amount?: string) => decide(amount).reasons.find((r) => r.rule === 'compensation-over-1000');

describe('approvalAtLeast: escalate when the amount needs at least a level on the approval ladder', () => {
  it('keeps 1,000.00 with the agent (up to 1,000), and sends 1,000.01 to Level 3 within 4 business hours', () => {
    const stays = decide('1000.00');
    expect([stays.targetTier, stays.escalate, stays.deadlines.acknowledgeBy]).toEqual(['level-1', false, null]);
    expect(reason('1000.00')?.facts).toEqual({
      tier: 'level-3',
      fields: ['amount'],
      field: 'amount',
      expected: '> 1000.00 (senior-manager approval or higher)',
      actual: '1000.00',
      approvalLevel: 'agent',
      approvalLimit: '1000.00',
      approvalComparison: '<=',
    });
    const goes = decide('1000.01');
    // Monday 09:00 + 4 business hours on the 09:00–20:00 center calendar: 13:00 in Bangkok.
    expect([goes.targetTier, goes.escalate, goes.deadlines.acknowledgeBy?.toISOString()]).toEqual(['level-3', true, '2026-11-23T06:00:00.000Z']);
    expect(reason('1000.01')).toEqual({
      code: 'ESCALATION_RULE_FIRED',
      rule: 'compensation-over-1000',
      facts: {
        tier: 'level-3',
        firedAt: '2026-11-23T02:00:00.000Z',
        amount: '1000.01',
        acknowledgeWithin: 'within 4 hours on calendar "center"',
        approvalLevel: 'senior-manager',
        approvalLimit: null,
        approvalComparison: null,
      },
      message: 'compensation-over-1000 fired: the case belongs in level-3 (1000.01 THB needs senior-manager approval); acknowledge within 4 hours on calendar "center".',
    });
  });

  it('does not fire without an amount, and says the amount is not given', () => {
    expect(reason()?.facts).toMatchObject({ field: 'amount', actual: null });
    expect(reason()?.facts).not.toHaveProperty('approvalLevel');
    expect(reason()?.message).toBe('compensation-over-1000 has not fired: amount not met (amount is not given, needs > 1000.00 (senior-manager approval or higher)).');
  });

  it('agrees with approvalFor on the policy\'s own ladder, for every amount', () => {
    expect(policy.approval?.steps).toEqual(homepro.approval);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), (cents) => {
        const amount = (cents / 100).toFixed(2);
        const needs = approvalFor(policy.approval as NonNullable<typeof policy.approval>, { amount }).level;
        expect(decide(amount).targetTier).toBe(APPROVAL_LEVELS.indexOf(needs) >= APPROVAL_LEVELS.indexOf('senior-manager') ? 'level-3' : 'level-1');
      }),
      { numRuns: 200 },
    );
  });

  it('reads a "<" limit as ">= limit", and skips steps limited to kinds (a case\'s amount has none)', () => {
    const trufit = defineEscalationPolicy({
      ...homepro,
      currency: 'USD',
      approval: [{ level: 'auto', limit: '50.00', comparison: '<', kinds: ['refund'] }, { level: 'agent', limit: '500.00', comparison: '<' }, { level: 'senior-manager' }],
      rules: [
        { id: 'needs-agent', tier: 'level-2', when: { approvalAtLeast: 'agent' } },
        { id: 'needs-manager', tier: 'level-3', when: { approvalAtLeast: 'senior-manager' } },
      ],
    });
    const tier = (amount: string) => decideEscalation(trufit, { amount, createdAt: created, now: created }).targetTier;
    // No kind: the refunds-only auto step never applies, so every amount needs an agent at least.
    expect([tier('0.00'), tier('499.99'), tier('500.00')]).toEqual(['level-2', 'level-2', 'level-3']);
    const facts = decideEscalation(trufit, { amount: '10.00', createdAt: created, now: created }).reasons;
    expect(facts.find((r) => r.rule === 'needs-manager')?.facts.expected).toBe('>= 500.00 (senior-manager approval or higher)');
    expect(facts.find((r) => r.rule === 'needs-agent')?.facts).toMatchObject({ approvalLevel: 'agent', approvalLimit: '500.00', approvalComparison: '<' });
  });
});

describe('an approvalAtLeast the policy cannot answer is refused at definition', () => {
  const issues = (spec: unknown) => {
    try {
      defineEscalationPolicy(spec as EscalationPolicySpec);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(EscalationPolicyError);
      return (error as EscalationPolicyError).issues.map((issue) => [issue.code, issue.path.join('.')]);
    }
  };
  const withoutLadder: EscalationPolicySpec = Object.fromEntries(Object.entries(homepro).filter(([key]) => key !== 'approval')) as unknown as EscalationPolicySpec;

  it('without a ladder anywhere, at the rule that needs one', () => {
    expect(issues(withoutLadder)).toEqual([['UNKNOWN_IN_POLICY', 'rules.0.when.approvalAtLeast']]);
    expect(() => defineEscalationPolicy(withoutLadder)).toThrow('"approvalAtLeast": "senior-manager" needs an approval ladder, and this escalation policy has none');
  });

  it('for a level not on the ladder (with the ladder\'s levels) or not a level at all', () => {
    expect(issues({ ...homepro, rules: [{ ...compensationRule, when: { approvalAtLeast: 'executive' } }] })).toEqual([['UNKNOWN_IN_POLICY', 'rules.0.when.approvalAtLeast']]);
    expect(() => defineEscalationPolicy({ ...homepro, rules: [{ ...compensationRule, when: { approvalAtLeast: 'executive' } }] })).toThrow(
      'The approval levels are agent and senior-manager.',
    );
    expect(issues({ ...homepro, rules: [{ ...compensationRule, when: { approvalAtLeast: 'manager' } }] })).toEqual([['INVALID_VALUE', 'rules.0.when.approvalAtLeast']]);
  });

  it('for a ladder of its own that does not rise or does not fit the currency', () => {
    expect(issues({ ...homepro, approval: [{ level: 'senior-manager', limit: '1000' }, { level: 'agent' }] })).toEqual([['LADDER_ORDER', 'approval.1.level']]);
    expect(issues({ ...homepro, approval: [{ level: 'agent' }, { level: 'senior-manager', limit: '1000' }] })).toEqual([
      ['LADDER_ORDER', 'approval.0'],
      ['LADDER_ORDER', 'approval.1.limit'],
    ]);
    expect(issues({ ...homepro, currency: 'JPY', approval: [{ level: 'agent', limit: '1000.50' }, { level: 'senior-manager' }] })).toEqual([['TOO_PRECISE', 'approval.0.limit']]);
  });

  it('has no ladder and no approval without one: a policy that never names a level is unchanged', () => {
    const plain = defineEscalationPolicy({ ...withoutLadder, rules: [homepro.rules[1] as EscalationPolicySpec['rules'][number]] });
    expect(plain.approval).toBeNull();
    expect(decideEscalation(plain, { amount: '5000.00', createdAt: created, now: created }).targetTier).toBe('level-1');
  });
});
