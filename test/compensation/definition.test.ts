import { describe, expect, it } from 'vitest';
import { CompensationPolicyError, approvalFor, defineApprovalLadder, defineCompensationPolicy, type ApprovalStep, type CompensationPolicySpec } from '../../src/compensation/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// What definition refuses (code and path) and what it accepts at the edge: order-value bounds,
// delay bounds, caps against the offers they limit, the approval ladder. Every policy and ladder
// here is defined inside its test, where the definition runs.
// Primos (000): "for verified shipping errors or damaged items, immediate full refund or
// replacement + $10 goodwill credit".
const spec: CompensationPolicySpec = {
  id: 'primos',
  currency: 'USD',
  calendar: { timeZone: 'America/New_York', alwaysOpen: true },
  rules: [{ id: 'damaged', incident: 'damaged-item', when: { verified: true }, choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }] }],
  approval: [{ level: 'agent', limit: '50.00' }, { level: 'team-lead' }],
};
const rule = spec.rules[0]!;
const issuesOf = (patch: Partial<CompensationPolicySpec>) => {
  const error = thrownError(() => defineCompensationPolicy({ ...spec, ...patch }));
  expect(error).toBeInstanceOf(CompensationPolicyError);
  return error.issues.map((issue) => [issue.code, issue.path.join('.')]);
};
const withRule = (patch: object) => ({ rules: [{ ...rule, ...patch }] as CompensationPolicySpec['rules'] });

describe('conditions a rule may write', () => {
  it('refuses an order-value bound written as a number, once, at the bound', () => {
    expect(issuesOf(withRule({ when: { orderValue: { gt: 75 } } }))).toEqual([['INVALID_TYPE', 'rules.0.when.orderValue.gt']]);
  });

  it('refuses an order-value test that is null, at the test', () => {
    expect(issuesOf(withRule({ when: { orderValue: null } }))).toEqual([['INVALID_TYPE', 'rules.0.when.orderValue']]);
  });

  it('accepts a delay bound of 0 business days, and refuses -1', () => {
    expect(defineCompensationPolicy({ ...spec, ...withRule({ incident: 'delivery-delay', when: { delayBusinessDays: { gte: 0 } } }) }).id).toBe('primos');
    expect(issuesOf(withRule({ incident: 'delivery-delay', when: { delayBusinessDays: { gte: -1 } } }))).toEqual([['OUT_OF_BOUNDS', 'rules.0.when.delayBusinessDays.gte']]);
  });
});

describe('a cap must leave room for the fixed offers it limits', () => {
  it('accepts a cap equal to the largest fixed choice plus the additions, and refuses one a cent lower', () => {
    const fixed = { choose: [{ type: 'credit', amount: '30.00' }], plus: [{ type: 'credit', amount: '10.00' }] };
    expect(defineCompensationPolicy({ ...spec, ...withRule({ ...fixed, cap: '40.00' }) }).id).toBe('primos');
    expect(issuesOf(withRule({ ...fixed, cap: '39.99' }))).toEqual([['INVALID_RANGE', 'rules.0.cap']]);
  });

  it('counts the largest fixed choice, wherever it is in the list, and not the refund beside it', () => {
    expect(issuesOf(withRule({ choose: [{ type: 'credit', amount: '30.00' }, { type: 'credit', amount: '10.00' }], plus: [], cap: '20.00' }))).toEqual([['INVALID_RANGE', 'rules.0.cap']]);
    expect(issuesOf(withRule({ choose: [{ type: 'credit', amount: '30.00' }, { type: 'refund' }], plus: [], cap: '20.00' }))).toEqual([['INVALID_RANGE', 'rules.0.cap']]);
  });

  it('leaves additions valued by the incident (a service credit) to the cap', () => {
    const plus = [{ type: 'credit', amount: '10.00' }, { type: 'service-credit', percentOfMonthlyFee: 10 }];
    expect(defineCompensationPolicy({ ...spec, ...withRule({ plus, cap: '10.00' }) }).id).toBe('primos');
  });

  it('reports a cap below its offers beside a ladder limit that does not fit the currency', () => {
    const patch = { ...withRule({ cap: '5.00' }), approval: [{ level: 'agent' as const, limit: '50.005' }, { level: 'team-lead' as const }] };
    expect(issuesOf(patch)).toEqual([
      ['TOO_PRECISE', 'approval.0.limit'],
      ['INVALID_RANGE', 'rules.0.cap'],
    ]);
  });
});

describe('an approval ladder\'s limits rise', () => {
  const issues = (steps: ApprovalStep[]) => thrownError(() => defineApprovalLadder({ currency: 'USD', steps })).issues.map((issue) => [issue.code, issue.path.join('.')]);

  it('above the limit just below, not only above the first one', () => {
    const steps: ApprovalStep[] = [{ level: 'auto', limit: '50.00' }, { level: 'agent', limit: '500.00' }, { level: 'team-lead', limit: '100.00' }, { level: 'senior-manager' }];
    expect(issues(steps)).toEqual([['LADDER_ORDER', 'steps.2.limit']]);
  });

  it('past an unlimited level that is not last, above the last limit below it', () => {
    const steps: ApprovalStep[] = [{ level: 'auto', limit: '50.00' }, { level: 'agent' }, { level: 'team-lead', limit: '40.00' }, { level: 'senior-manager' }];
    expect(issues(steps)).toEqual([
      ['LADDER_ORDER', 'steps.1'],
      ['LADDER_ORDER', 'steps.2.limit'],
    ]);
  });

  it('gives the last level no limit and no comparison', () => {
    const ladder = defineApprovalLadder({ currency: 'USD', steps: [{ level: 'agent', limit: '50.00', comparison: '<' }, { level: 'team-lead' }] });
    const top = approvalFor(ladder, { amount: '50.00' });
    expect([top.level, top.limit, top.comparison]).toEqual(['team-lead', null, null]);
    expect(top.reasons.at(-1)?.facts).toEqual({ level: 'team-lead', limit: null, comparison: null, value: '50.00' });
  });

  it('knows the offer types as the kinds it is asked about', () => {
    const ladder = defineApprovalLadder({ currency: 'USD', steps: [{ level: 'auto', limit: '50.00', kinds: ['refund'] }, { level: 'agent' }] });
    expect(approvalFor(ladder, { amount: '10.00', kind: 'refund' }).level).toBe('auto');
    expect(errorOf(() => approvalFor(ladder, { amount: '10.00', kind: 'cash' as never }))).toEqual(['UNKNOWN_IN_POLICY', 'kind']);
  });
});
