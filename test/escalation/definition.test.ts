import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, EscalationPolicyError, type EscalationPolicy, type EscalationPolicySpec } from '../../src/escalation/index.js';
import { thrownError } from '../helpers/errors.js';

// What definition checks and compiles, each policy defined inside its own test: a refused policy
// names every problem once, at its own path; an accepted one states its vocabularies and decides
// with the triggers and ladder it was given.

const calendars = { clock: { timeZone: 'UTC', alwaysOpen: true } };
const base = { id: 'definition', currency: 'USD', calendars, tiers: ['tier-1', 'tier-2', 'tier-3'] };
const created = Date.parse('2026-11-23T09:00:00Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
const issuesOf = (spec: EscalationPolicySpec) => {
  const error = thrownError(() => defineEscalationPolicy(spec));
  expect(error).toBeInstanceOf(EscalationPolicyError);
  return error.issues.map((issue) => [issue.code, issue.path.join('.')]);
};
const reasonOf = (policy: EscalationPolicy, rule: string, facts: Record<string, unknown> = {}) =>
  decideEscalation(policy, { createdAt: at(created), now: at(created), ...facts }).reasons.find((r) => r.rule === rule);

describe('a refused policy names each problem once, where it is written', () => {
  it('refuses an unknown currency at "currency" only, not again at every amount and ladder limit written in it', () => {
    expect(
      issuesOf({
        ...base,
        currency: 'XYZ',
        approval: [{ level: 'agent', limit: '100.00' }, { level: 'senior-manager' }],
        rules: [
          { id: 'big-refund', tier: 'tier-2', when: { amount: { gt: '200.00' } } },
          { id: 'needs-manager', tier: 'tier-3', when: { approvalAtLeast: 'senior-manager' } },
        ],
      }),
    ).toEqual([['UNKNOWN_CURRENCY', 'currency']]);
  });

  it('refuses an unknown calendar at the span that names it: inTierFor, acknowledgeWithin, a workflow due within', () => {
    expect(
      issuesOf({
        ...base,
        rules: [
          {
            id: 'stuck',
            tier: 'tier-2',
            when: { inTierFor: { within: { hours: 1 }, calendar: 'office' } },
            acknowledgeWithin: { within: { hours: 1 }, calendar: 'office' },
            workflows: [{ id: 'review', within: { within: { hours: 1 }, calendar: 'office' } }],
          },
        ],
      }),
    ).toEqual([
      ['UNKNOWN_CALENDAR', 'rules.0.when.inTierFor.calendar'],
      ['UNKNOWN_CALENDAR', 'rules.0.acknowledgeWithin.calendar'],
      ['UNKNOWN_CALENDAR', 'rules.0.workflows.0.within.calendar'],
    ]);
  });

  it('refuses a workflow per breach on a rule without any condition: it counts no breaches', () => {
    expect(
      issuesOf({
        ...base,
        breachWindow: { days: 30 },
        rules: [{ id: 'always', tier: 'tier-2', workflows: [{ id: 'analysis', within: { within: { hours: 48 }, calendar: 'clock' }, each: 'breach' }] }],
      }),
    ).toEqual([['INVALID_VALUE', 'rules.0.workflows.0.each']]);
  });

  it('refuses an inTier naming a tier the policy lacks as unknown, not also as a rule that never fires', () => {
    expect(issuesOf({ ...base, rules: [{ id: 'stuck', tier: 'tier-3', when: { inTier: ['tier-9'] } }] })).toEqual([['UNKNOWN_IN_POLICY', 'rules.0.when.inTier.0']]);
  });

  it('refuses a deadline whose parts are each in bounds but add up to more than ten years, at the span', () => {
    expect(issuesOf({ ...base, rules: [{ id: 'slow', tier: 'tier-2', reachWithin: { within: { hours: 87_600, minutes: 1 }, calendar: 'clock' } }] })).toEqual([
      ['OUT_OF_BOUNDS', 'rules.0.reachWithin.within'],
    ]);
  });
});

describe('deadline spans at the edge of zero', () => {
  it('accepts half a millisecond, which rounds to one: the deadline is 1 ms after the rule fired', () => {
    const policy = defineEscalationPolicy({ ...base, rules: [{ id: 'fast', tier: 'tier-2', reachWithin: { within: { milliseconds: 0.5 }, calendar: 'clock' } }] });
    expect(decideEscalation(policy, { createdAt: at(created), now: at(created) }).deadlines.reachBy).toEqual(new Date(created + 1));
  });

  it('a zero span with another unit left undefined (as a JavaScript spread writes it) is still "immediately"', () => {
    const policy = defineEscalationPolicy({ ...base, rules: [{ id: 'now', tier: 'tier-2', reachWithin: { within: { hours: 0, minutes: undefined }, calendar: 'clock' } }] });
    const d = decideEscalation(policy, { createdAt: at(created), now: at(created + HOUR) });
    expect([d.deadlines.reachBy, reasonOf(policy, 'now')?.facts.reachWithin]).toEqual([new Date(created), 'immediately']);
  });
});

describe('an accepted policy states its vocabularies', () => {
  it('without severities it has none; its categories are those the rules name, sorted; its metrics the built-in ones and those the rules name', () => {
    const policy = defineEscalationPolicy({
      ...base,
      rules: [
        { id: 'technical', tier: 'tier-2', when: { category: ['technical', 'billing'] } },
        { id: 'rma-late', tier: 'tier-3', when: { slaStatus: { rmaIssued: 'breached' } } },
      ],
    });
    expect(policy.vocabulary).toEqual({
      tier: ['tier-1', 'tier-2', 'tier-3'],
      severity: [],
      category: ['billing', 'technical'],
      metric: ['acknowledgement', 'firstResponse', 'nextResponse', 'periodicUpdate', 'resolution', 'rmaIssued'],
    });
    expect(decideEscalation(policy, { category: 'billing', createdAt: at(created), now: at(created) }).targetTier).toBe('tier-2');
  });
});

describe('an accepted policy decides with the triggers it was given', () => {
  it('unresolvedFor: not at exactly 48 hours, a millisecond later yes', () => {
    const policy = defineEscalationPolicy({ ...base, rules: [{ id: 'unresolved-48h', tier: 'tier-2', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } } }] });
    expect(decideEscalation(policy, { createdAt: at(created), now: at(created + 48 * HOUR) }).targetTier).toBe('tier-1');
    expect(decideEscalation(policy, { createdAt: at(created), now: at(created + 48 * HOUR + 1) }).targetTier).toBe('tier-2');
  });

  it('inTierFor: counted from tierEnteredAt, not at exactly 24 hours in the tier, a millisecond later yes', () => {
    const policy = defineEscalationPolicy({ ...base, rules: [{ id: 'tier2-stuck', tier: 'tier-3', when: { inTier: ['tier-2'], inTierFor: { within: { hours: 24 }, calendar: 'clock' } } }] });
    const entered = created + 5 * HOUR;
    const inTier2 = (now: number) => decideEscalation(policy, { currentTier: 'tier-2', tierEnteredAt: at(entered), createdAt: at(created), now: at(now) }).targetTier;
    expect([inTier2(entered + 24 * HOUR), inTier2(entered + 24 * HOUR + 1)]).toEqual(['tier-2', 'tier-3']);
  });

  it('slaStatus: fires for a listed status of the metric, citing it, and not for another', () => {
    const policy = defineEscalationPolicy({ ...base, rules: [{ id: 'resolution-breached', tier: 'tier-2', when: { slaStatus: { resolution: ['breached'] } } }] });
    expect(reasonOf(policy, 'resolution-breached', { slaStatus: { resolution: 'breached' } })).toMatchObject({
      code: 'ESCALATION_RULE_FIRED',
      facts: { tier: 'tier-2', firedAt: at(created), 'slaStatus.resolution': 'breached' },
    });
    expect(reasonOf(policy, 'resolution-breached', { slaStatus: { resolution: 'at-risk' } })).toMatchObject({
      code: 'ESCALATION_RULE_NOT_FIRED',
      facts: { field: 'slaStatus.resolution', actual: 'at-risk' },
    });
  });

  it('a policy with an approval ladder does not make rules without approvalAtLeast need an amount', () => {
    const policy = defineEscalationPolicy({
      ...base,
      approval: [{ level: 'agent', limit: '1000.00' }, { level: 'senior-manager' }],
      rules: [{ id: 'failed-visits', tier: 'tier-3', when: { failedVisits: { gte: 2 } } }],
    });
    const d = decideEscalation(policy, { failedVisits: 2, createdAt: at(created), now: at(created) });
    expect([d.targetTier, d.fired.map((f) => f.rule)]).toEqual(['tier-3', ['failed-visits']]);
  });
});

describe('approvalAtLeast says which amounts need the level', () => {
  const ruleOn = (level: 'auto' | 'agent' | 'senior-manager') => [{ id: 'needs-approval', tier: 'tier-3', when: { approvalAtLeast: level } }];

  it('above the limit of the step below it: "> 1000.00" over an agent who approves up to 1,000', () => {
    const policy = defineEscalationPolicy({ ...base, approval: [{ level: 'agent', limit: '1000' }, { level: 'senior-manager' }], rules: ruleOn('senior-manager') });
    expect(reasonOf(policy, 'needs-approval', { amount: '1000.00' })?.facts).toMatchObject({ expected: '> 1000.00 (senior-manager approval or higher)', actual: '1000.00' });
  });

  it('at or above the limit of a step that approves only under it: ">= 50.00" over "refunds under $50"', () => {
    const policy = defineEscalationPolicy({ ...base, approval: [{ level: 'auto', limit: '50', comparison: '<' }, { level: 'agent' }], rules: ruleOn('agent') });
    expect(reasonOf(policy, 'needs-approval', { amount: '49.99' })?.facts).toMatchObject({ expected: '>= 50.00 (agent approval or higher)', actual: '49.99' });
    expect(reasonOf(policy, 'needs-approval', { amount: '50.00' })?.code).toBe('ESCALATION_RULE_FIRED');
  });

  it('any amount when no step is below the level, or the steps below approve only some kinds of offer', () => {
    const lowest = defineEscalationPolicy({ ...base, approval: [{ level: 'auto', limit: '50' }, { level: 'agent' }], rules: ruleOn('auto') });
    expect(reasonOf(lowest, 'needs-approval')?.facts).toMatchObject({ expected: 'any amount (auto approval or higher)', actual: null });
    const kinds = defineEscalationPolicy({ ...base, approval: [{ level: 'auto', limit: '50', kinds: ['refund'] }, { level: 'agent' }], rules: ruleOn('agent') });
    expect(reasonOf(kinds, 'needs-approval')?.facts).toMatchObject({ expected: 'any amount (agent approval or higher)', actual: null });
  });
});

describe('a decision needs a policy made by defineEscalationPolicy', () => {
  it('refuses the spec itself, or a copy of a policy, with INVALID_ESCALATION_POLICY at the root', () => {
    const spec: EscalationPolicySpec = { ...base, rules: [{ id: 'always', tier: 'tier-2' }] };
    for (const notAPolicy of [spec, { ...defineEscalationPolicy(spec) }]) {
      const error = thrownError(() => decideEscalation(notAPolicy as unknown as EscalationPolicy, { createdAt: at(created), now: at(created) }));
      expect(error).toBeInstanceOf(EscalationPolicyError);
      expect(error.issues.map((i) => [i.code, i.path])).toEqual([['INVALID_ESCALATION_POLICY', []]]);
    }
  });
});
