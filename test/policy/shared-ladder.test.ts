import { describe, expect, it } from 'vitest';
import { approvalFor, decideCompensation } from '../../src/compensation/index.js';
import { decideEscalation } from '../../src/escalation/index.js';
import { definePolicy, policyJsonSchema, safeDefinePolicy } from '../../src/policy/index.js';

// HomePro (002) writes its 1,000 threshold once. Agents "can approve up to a set dollar amount
// (for example, refund/credit up to 1,000 currency units)"; "Level 3 (manager/exception desk)
// intervenes for compensation >1,000 currency units". The compensation section holds the ladder;
// the escalation section asks for "at least a senior manager" on it.
const weekday = ['09:00-20:00'];
const homepro = {
  id: 'homepro',
  version: '1.0',
  currency: 'THB',
  compensation: {
    id: 'homepro-compensation',
    currency: 'THB',
    calendar: { timeZone: 'Asia/Bangkok', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
    rules: [{ id: 'refund-or-credit', incident: 'refund-request', choose: [{ type: 'refund' }] }],
    approval: [{ level: 'agent', limit: '1000' }, { level: 'senior-manager' }],
  },
  escalation: {
    id: 'homepro-escalation',
    currency: 'THB',
    calendars: { center: { timeZone: 'Asia/Bangkok', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } } },
    tiers: ['level-1', 'level-2', 'level-3'],
    rules: [{ id: 'compensation-over-1000', tier: 'level-3', when: { approvalAtLeast: 'senior-manager' }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'center' } }],
  },
};
const created = '2026-11-23T09:00:00+07:00';
const issues = (json: unknown) => {
  const result = safeDefinePolicy(json);
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path.join('.')]);
};

describe('one approval ladder for compensation and escalation', () => {
  it('gives an escalation section without a ladder the compensation section\'s: 1,000.00 stays, 1,000.01 goes to Level 3', () => {
    const policy = definePolicy(homepro);
    expect(policy.escalation?.spec.approval).toEqual(homepro.compensation.approval);
    expect(policy.escalation?.approval?.steps).toEqual(policy.compensation?.approval.steps);
    const tier = (amount: string) => decideEscalation(policy.escalation!, { amount, createdAt: created, now: created }).targetTier;
    expect([tier('1000.00'), tier('1000.01')]).toEqual(['level-1', 'level-3']);
    // The compensation side of the same threshold.
    expect(decideCompensation(policy.compensation!, { type: 'refund-request', orderValue: '1000.00' }).approval?.level).toBe('agent');
    expect(decideCompensation(policy.compensation!, { type: 'refund-request', orderValue: '1000.01' }).approval?.level).toBe('senior-manager');
    expect(approvalFor(policy.escalation!.approval!, { amount: '1000.01' }).level).toBe('senior-manager');
  });

  it('keeps an escalation section\'s own ladder', () => {
    const own = structuredClone(homepro) as typeof homepro & { escalation: { approval?: unknown } };
    own.escalation.approval = [{ level: 'agent', limit: '500' }, { level: 'senior-manager' }];
    const policy = definePolicy(own);
    expect(decideEscalation(policy.escalation!, { amount: '600.00', createdAt: created, now: created }).targetTier).toBe('level-3');
  });

  it('does not share a broken ladder or one in another currency: the ladder is reported where it is written, the rule where it needs one', () => {
    const broken = structuredClone(homepro);
    broken.compensation.approval = [{ level: 'senior-manager', limit: '1000' }, { level: 'agent' }];
    expect(issues(broken)).toEqual([
      ['LADDER_ORDER', 'compensation.approval.1.level'],
      ['UNKNOWN_IN_POLICY', 'escalation.rules.0.when.approvalAtLeast'],
    ]);
    const usd = structuredClone(homepro);
    usd.currency = 'USD';
    usd.escalation.currency = 'USD';
    expect(issues(usd)).toEqual([
      ['UNKNOWN_IN_POLICY', 'escalation.rules.0.when.approvalAtLeast'],
      ['CURRENCY_MISMATCH', 'compensation.currency'],
    ]);
  });

  it('refuses approvalAtLeast in a policy with no ladder anywhere, with the section\'s path', () => {
    const escalationOnly = Object.fromEntries(Object.entries(homepro).filter(([key]) => key !== 'compensation'));
    expect(issues(escalationOnly)).toEqual([['UNKNOWN_IN_POLICY', 'escalation.rules.0.when.approvalAtLeast']]);
  });

  it('describes the escalation ladder and approvalAtLeast in the JSON Schema for editors', () => {
    const escalation = (policyJsonSchema().properties.escalation as { properties: Record<string, unknown> }).properties;
    expect(Object.keys(escalation)).toContain('approval');
  });
});
