import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPROVAL_LEVELS,
  CompensationPolicyError,
  OFFER_TYPES,
  approvalFor,
  decideCompensation,
  defineApprovalLadder,
  defineCompensationPolicy,
  type ApprovalStep,
  type CompensationPolicySpec,
  type OfferType,
} from '../../src/compensation/index.js';
import { money } from '../../src/money/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// Issue 13: "May this role approve this amount?" answered directly, from the one ladder the
// compensation matrix approves by.
//
// Tru Fit (004): "automate authorization for refunds under $50" — an `auto` step for refunds only,
// so a 40.00 credit needs an agent. The 500 step is the preset's own (docs/presets.md).
const trufitLadder: ApprovalStep[] = [
  { level: 'auto', limit: '50.00', comparison: '<', kinds: ['refund'] },
  { level: 'agent', limit: '500.00' },
  { level: 'senior-manager' },
];
const ladder = defineApprovalLadder({ currency: 'USD', steps: trufitLadder });
const level = (amount: string, kind?: OfferType) => approvalFor(ladder, kind === undefined ? { amount } : { amount, kind }).level;

describe('approvalFor: the level an amount needs, with the ladder as reasons', () => {
  it('automates refunds under $50: 49.99 is auto, 50.00 is not under 50 and goes to an agent', () => {
    expect(level('49.99', 'refund')).toBe('auto');
    expect(level('50.00', 'refund')).toBe('agent');
    expect(level('0.00', 'refund')).toBe('auto');
  });

  it('limits the auto step to refunds: a 40.00 credit needs an agent, and so does an amount of no stated kind', () => {
    const credit = approvalFor(ladder, { amount: '40.00', kind: 'credit' });
    expect([credit.level, credit.limit?.amount, credit.comparison, credit.kind]).toEqual(['agent', '500.00', '<=', 'credit']);
    expect(credit.reasons).toEqual([
      { code: 'APPROVAL_STEP_NOT_FOR_KIND', rule: 'auto', facts: { level: 'auto', kinds: ['refund'], given: ['credit'], value: '40.00' }, message: 'auto approves only refund; this is also credit.' },
      {
        code: 'APPROVAL_REQUIRED',
        rule: 'agent',
        facts: { level: 'agent', limit: '500.00', comparison: '<=', value: '40.00' },
        message: '40.00 USD needs agent approval (agent approves up to 500.00).',
      },
    ]);
    const unstated = approvalFor(ladder, { amount: '40.00' });
    expect([unstated.level, unstated.kind, unstated.reasons[0]?.message]).toEqual(['agent', null, 'auto approves only refund, and no kind of offer was given.']);
  });

  it('walks every step below the one chosen, each saying why it does not cover the amount', () => {
    const big = approvalFor(ladder, { amount: '500.01', kind: 'refund' });
    expect(big.reasons.map((r) => [r.code, r.rule, r.facts.value])).toEqual([
      ['APPROVAL_STEP_EXCEEDED', 'auto', '500.01'],
      ['APPROVAL_STEP_EXCEEDED', 'agent', '500.01'],
      ['APPROVAL_REQUIRED', 'senior-manager', '500.01'],
    ]);
    expect(big.reasons.map((r) => r.message)).toEqual([
      'auto approves under 50.00 USD; 500.01 is not under it.',
      'agent approves up to 500.00 USD; 500.01 is over it.',
      '500.01 USD needs senior-manager approval (senior-manager approves with no limit).',
    ]);
    expect([big.limit, big.comparison, big.amount]).toEqual([null, null, money('500.01', 'USD')]);
  });

  it('compares at each limit exactly, from both sides, with <= and with <', () => {
    // `<=`: the limit itself is covered, one cent over is not.
    expect([level('499.99', 'credit'), level('500.00', 'credit'), level('500.01', 'credit')]).toEqual(['agent', 'agent', 'senior-manager']);
    // `<`: one cent under the limit is covered, the limit itself is not.
    expect([level('49.99', 'refund'), level('50.00', 'refund'), level('50.01', 'refund')]).toEqual(['auto', 'agent', 'agent']);
  });

  it('takes Money or a decimal string in the ladder\'s currency, and a compensation policy as well as a ladder', () => {
    expect(approvalFor(ladder, { amount: money('45', 'USD'), kind: 'refund' }).level).toBe('auto');
    const policy = defineCompensationPolicy({
      id: 'trufit',
      currency: 'USD',
      calendar: { timeZone: 'America/Los_Angeles', alwaysOpen: true },
      rules: [{ id: 'refund-request', incident: 'refund-request', choose: [{ type: 'refund' }] }],
      approval: trufitLadder,
    });
    expect(policy.approval.steps).toEqual(trufitLadder);
    expect(approvalFor(policy, { amount: '40.00', kind: 'refund' }).level).toBe('auto');
    expect(approvalFor(policy.approval, { amount: '40.00', kind: 'credit' }).level).toBe('agent');
  });

  it('refuses what it cannot read, at the caller\'s field', () => {
    const ask = (request: unknown) => () => approvalFor(ladder, request as never);
    expect(errorOf(ask({ amount: 45 }))).toEqual(['INVALID_TYPE', 'amount']);
    expect(() => ask({ amount: 45 })()).toThrow('amounts are decimal strings such as "499.00"');
    expect(errorOf(ask({ amount: '45.001' }))).toEqual(['TOO_PRECISE', 'amount']);
    expect(errorOf(ask({ amount: money('45.00', 'EUR') }))).toEqual(['CURRENCY_MISMATCH', 'amount.currency']);
    expect(errorOf(ask({ amount: '-1.00' }))).toEqual(['INVALID_FACT', 'amount']);
    expect(errorOf(ask({ kind: 'refund' }))).toEqual(['REQUIRED', 'amount']);
    expect(errorOf(ask({ amount: '1.00', kind: 'refunds' }))).toEqual(['UNKNOWN_IN_POLICY', 'kind']);
    expect(thrownError(ask({ amount: '1.00', kind: 'refunds' })).issues[0]?.suggestion).toBe('refund');
    expect(errorOf(ask({ amount: '1.00', kinds: ['refund'] }))).toEqual(['UNKNOWN_KEY', 'kinds']);
    expect(errorOf(() => approvalFor({ approval: null }, { amount: '1.00' }))).toEqual(['INVALID_COMPENSATION_POLICY', '']);
    expect(errorOf(() => approvalFor({ currency: 'USD', steps: trufitLadder }, { amount: '1.00' }))).toEqual(['INVALID_COMPENSATION_POLICY', '']);
  });
});

describe('laws of the ladder', () => {
  // Any valid ladder: levels in rising order, limits rising in cents, the last unlimited and for every kind.
  const ladders = fc
    .subarray([...APPROVAL_LEVELS], { minLength: 1 })
    .chain((levels) =>
      fc.tuple(
        fc.constant(levels),
        fc.uniqueArray(fc.integer({ min: 1, max: 200_000 }), { minLength: levels.length - 1, maxLength: levels.length - 1 }),
        fc.array(fc.constantFrom('<=' as const, '<' as const), { minLength: levels.length, maxLength: levels.length }),
        fc.array(fc.option(fc.subarray([...OFFER_TYPES], { minLength: 1 }), { nil: undefined }), { minLength: levels.length, maxLength: levels.length }),
      ),
    )
    .map(([levels, limits, comparisons, kinds]): ApprovalStep[] => {
      const sorted = [...limits].sort((a, b) => a - b);
      return levels.map((level, i) =>
        i === levels.length - 1
          ? { level }
          : { level, limit: (sorted[i] as number / 100).toFixed(2), comparison: comparisons[i], ...(kinds[i] ? { kinds: kinds[i] } : {}) },
      );
    });
  const kinds = fc.option(fc.constantFrom(...OFFER_TYPES), { nil: undefined });
  const cents = fc.integer({ min: 0, max: 250_000 });
  const ask = (l: ReturnType<typeof defineApprovalLadder>, c: number, kind: OfferType | undefined) =>
    approvalFor(l, kind === undefined ? { amount: (c / 100).toFixed(2) } : { amount: (c / 100).toFixed(2), kind });

  it('monotonic in the amount: for a fixed kind, a larger amount never needs a lower level', () => {
    fc.assert(
      fc.property(ladders, kinds, cents, cents, (steps, kind, a, b) => {
        const l = defineApprovalLadder({ currency: 'USD', steps });
        const rank = (c: number) => APPROVAL_LEVELS.indexOf(ask(l, c, kind).level);
        expect(rank(Math.min(a, b))).toBeLessThanOrEqual(rank(Math.max(a, b)));
      }),
      { numRuns: 300 },
    );
  });

  it('the chosen step applies and covers the amount; every step below it does not (a reference walk)', () => {
    fc.assert(
      fc.property(ladders, kinds, cents, (steps, kind, c) => {
        const decision = ask(defineApprovalLadder({ currency: 'USD', steps }), c, kind);
        const covers = (step: ApprovalStep) =>
          (step.kinds === undefined || (kind !== undefined && step.kinds.includes(kind))) &&
          (step.limit === undefined || (step.comparison === '<' ? c < Math.round(Number(step.limit) * 100) : c <= Math.round(Number(step.limit) * 100)));
        const expected = steps.find(covers) as ApprovalStep;
        expect(decision.level).toBe(expected.level);
        expect(decision.reasons.map((r) => r.rule)).toEqual(steps.slice(0, steps.indexOf(expected) + 1).map((s) => s.level));
        expect(decision.reasons.at(-1)?.code).toBe('APPROVAL_REQUIRED');
      }),
      { numRuns: 300 },
    );
  });
});

describe('a ladder definition', () => {
  const issues = (steps: unknown[]) => {
    try {
      defineApprovalLadder({ currency: 'USD', steps: steps as ApprovalStep[] });
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(CompensationPolicyError);
      return (error as CompensationPolicyError).issues.map((issue) => [issue.code, issue.path.join('.')]);
    }
  };

  it('refuses kinds on the last level (it approves everything), a kind listed twice, and an unknown kind', () => {
    expect(issues([{ level: 'agent', limit: '50.00' }, { level: 'team-lead', kinds: ['refund'] }])).toEqual([['LADDER_ORDER', 'steps.1.kinds']]);
    expect(issues([{ level: 'auto', limit: '50.00', kinds: ['refund', 'refund'] }, { level: 'agent' }])).toEqual([['DUPLICATE_VALUE', 'steps.0.kinds.1']]);
    expect(issues([{ level: 'auto', limit: '50.00', kinds: ['refunds'] }, { level: 'agent' }])).toEqual([['INVALID_VALUE', 'steps.0.kinds.0']]);
    expect(issues([{ level: 'auto', limit: '50.00', kinds: [] }, { level: 'agent' }])).toEqual([['EMPTY', 'steps.0.kinds']]);
  });

  it('keeps the ladder rules of a compensation policy: rising levels and limits, limits that fit the currency', () => {
    expect(issues([{ level: 'agent', limit: '50.00' }, { level: 'auto' }])).toEqual([['LADDER_ORDER', 'steps.1.level']]);
    expect(issues([{ level: 'auto', limit: '50.00' }, { level: 'agent', limit: '50.00' }, { level: 'executive' }])).toEqual([['LADDER_ORDER', 'steps.1.limit']]);
    expect(issues([{ level: 'auto', limit: '50.005' }, { level: 'agent' }])).toEqual([['TOO_PRECISE', 'steps.0.limit']]);
    expect(issues([{ level: 'auto', limit: 50 }, { level: 'agent' }])).toEqual([['INVALID_TYPE', 'steps.0.limit']]);
    expect(errorOf(() => defineApprovalLadder({ currency: 'usd', steps: trufitLadder }))).toEqual(['UNKNOWN_CURRENCY', 'currency']);
  });
});

describe('decideCompensation takes its approval from the same walk', () => {
  const base: CompensationPolicySpec = {
    id: 'trufit',
    currency: 'USD',
    calendar: { timeZone: 'America/Los_Angeles', alwaysOpen: true },
    rules: [
      { id: 'refund-request', incident: 'refund-request', choose: [{ type: 'refund' }] },
      { id: 'refund-with-credit', incident: 'late-refund', choose: [{ type: 'refund' }], plus: [{ type: 'credit', amount: '5.00' }] },
    ],
    approval: trufitLadder,
  };
  const policy = defineCompensationPolicy(base);

  it('lets the refunds-only step approve a decision whose every offer is a refund, and no other', () => {
    const refund = decideCompensation(policy, { type: 'refund-request', orderValue: '49.99' });
    expect(refund.approval).toEqual({ needed: true, level: 'auto', limit: money('50.00', 'USD'), comparison: '<' });
    // 20.00 refund + 5.00 credit = 25.00, under 50, but the credit is not a refund.
    const mixed = decideCompensation(policy, { type: 'late-refund', orderValue: '20.00' });
    expect([mixed.maxValue.amount, mixed.approval?.level]).toEqual(['25.00', 'agent']);
    expect(mixed.reasons.find((r) => r.code === 'APPROVAL_STEP_NOT_FOR_KIND')?.facts).toEqual({ level: 'auto', kinds: ['refund'], given: ['refund', 'credit'], value: '25.00' });
  });

  it('gives the same level as approvalFor for a refund of the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (c) => {
        const amount = (c / 100).toFixed(2);
        expect(decideCompensation(policy, { type: 'refund-request', orderValue: amount }).approval?.level).toBe(approvalFor(policy, { amount, kind: 'refund' }).level);
      }),
      { numRuns: 100 },
    );
  });
});
