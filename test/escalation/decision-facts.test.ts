import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, type EscalationDecision, type EscalationPolicySpec } from '../../src/escalation/index.js';

// What a decision's reasons state, fact by fact: a fired rule cites the case facts its conditions
// test (and only those), its time triggers and when it fired; the closing STAY / ESCALATE reason
// lists the rules that fired and the ones that start or stop firing at the next check.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const calendars = { clock: { timeZone: 'UTC', alwaysOpen: true } };
const base = { id: 'facts', currency: 'USD', calendars, tiers: ['tier-1', 'tier-2', 'tier-3'] };
const created = Date.parse('2026-11-23T09:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();
const reasonOf = (d: EscalationDecision, rule: string) => d.reasons.find((r) => r.rule === rule);
const closing = (d: EscalationDecision) => d.reasons.at(-1);

describe('a fired rule cites the facts its conditions test, and only those', () => {
  const spec: EscalationPolicySpec = {
    ...base,
    severities: ['sev4', 'sev3', 'sev2', 'sev1'],
    breachWindow: { days: 30 },
    rules: [
      { id: 'always', tier: 'tier-2' },
      { id: 'technical', tier: 'tier-2', when: { category: ['technical'] } },
      { id: 'sev2-or-worse', tier: 'tier-2', when: { severityAtLeast: 'sev2' } },
      { id: 'big-refund', tier: 'tier-2', when: { amount: { gt: '100.00' } } },
      { id: 'failed-visits', tier: 'tier-2', when: { failedVisits: { gte: 2 } } },
      { id: 'parts-missing', tier: 'tier-2', when: { partsMissingDays: { gt: 14 } } },
    ],
  };
  const fullCase = {
    category: 'technical',
    severity: 'sev1',
    amount: '250.00',
    failedVisits: 3,
    partsMissingDays: 20,
    breaches: ['2026-11-20T09:00:00Z', '2026-11-22T09:00:00Z'],
    createdAt: at(created),
    now: at(created + HOUR),
  };

  it('a rule without conditions fires at creation and cites none of the case facts or breach counts', () => {
    const d = decideEscalation(defineEscalationPolicy(spec), fullCase);
    expect(reasonOf(d, 'always')?.facts).toStrictEqual({ tier: 'tier-2', firedAt: at(created) });
  });

  it('each condition cites its own fact: category, severity, amount, failed visits, days parts are missing', () => {
    const d = decideEscalation(defineEscalationPolicy(spec), fullCase);
    expect(reasonOf(d, 'technical')?.facts).toStrictEqual({ tier: 'tier-2', firedAt: at(created), category: 'technical' });
    expect(reasonOf(d, 'sev2-or-worse')?.facts).toStrictEqual({ tier: 'tier-2', firedAt: at(created), severity: 'sev1' });
    expect(reasonOf(d, 'big-refund')?.facts).toStrictEqual({ tier: 'tier-2', firedAt: at(created), amount: '250.00' });
    expect(reasonOf(d, 'failed-visits')?.facts).toStrictEqual({ tier: 'tier-2', firedAt: at(created), failedVisits: 3 });
    expect(reasonOf(d, 'parts-missing')?.facts).toStrictEqual({ tier: 'tier-2', firedAt: at(created), partsMissingDays: 20 });
  });

  it('a case without a severity never meets severityAtLeast, not even the lowest severity', () => {
    const policy = defineEscalationPolicy({ ...base, severities: ['sev4', 'sev3'], rules: [{ id: 'any-severity', tier: 'tier-2', when: { severityAtLeast: 'sev4' } }] });
    const d = decideEscalation(policy, { createdAt: at(created), now: at(created) });
    expect([d.targetTier, d.fired]).toEqual(['tier-1', []]);
    expect(reasonOf(d, 'any-severity')?.facts).toMatchObject({ field: 'severity', actual: null });
    expect(decideEscalation(policy, { severity: 'sev4', createdAt: at(created), now: at(created) }).targetTier).toBe('tier-2');
  });
});

describe('time triggers in reasons', () => {
  const spec: EscalationPolicySpec = {
    ...base,
    rules: [
      {
        id: 'stuck',
        tier: 'tier-3',
        when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' }, inTierFor: { within: { hours: 1 }, calendar: 'clock' } },
      },
    ],
  };
  const entered = created + HOUR;

  it('a rule with two time triggers fires when the later one passes, and cites the instant each passed', () => {
    const d = decideEscalation(defineEscalationPolicy(spec), { currentTier: 'tier-2', tierEnteredAt: at(entered), createdAt: at(created), now: at(created + 49 * HOUR) });
    expect(d.fired).toEqual([{ rule: 'stuck', tier: 'tier-3', firedAt: new Date(created + 48 * HOUR) }]);
    expect(reasonOf(d, 'stuck')?.facts).toStrictEqual({ tier: 'tier-3', firedAt: at(created + 48 * HOUR), unresolvedFor: at(created + 48 * HOUR), inTierFor: at(entered + HOUR) });
  });

  it('a trigger not yet passed says when it passes and which field of the case it counts from', () => {
    const d = decideEscalation(defineEscalationPolicy(spec), { currentTier: 'tier-2', tierEnteredAt: at(entered), createdAt: at(created), now: at(entered + HOUR / 2) });
    const facts = reasonOf(d, 'stuck')?.facts;
    expect([facts?.fields, facts?.field]).toEqual([['unresolvedFor', 'inTierFor'], 'unresolvedFor']);
    expect(facts?.expected).toMatch(/^after 2026-11-25T09:00:00.000Z \(.* from createdAt\)$/);
    const inTier = decideEscalation(defineEscalationPolicy({ ...spec, rules: [{ id: 'stuck', tier: 'tier-3', when: { inTierFor: { within: { hours: 1 }, calendar: 'clock' } } }] }), {
      currentTier: 'tier-2',
      tierEnteredAt: at(entered),
      createdAt: at(created),
      now: at(entered + HOUR / 2),
    });
    expect(reasonOf(inTier, 'stuck')?.facts?.expected).toMatch(/^after 2026-11-23T11:00:00.000Z \(.* from tierEnteredAt\)$/);
  });
});

describe('deadlines of the target tier', () => {
  it('takes the earliest reach deadline among the rules of the target tier; a rule without one does not clear it', () => {
    const policy = defineEscalationPolicy({
      ...base,
      rules: [
        { id: 'fast', tier: 'tier-3', reachWithin: { within: { hours: 1 }, calendar: 'clock' } },
        { id: 'slow', tier: 'tier-3', reachWithin: { within: { hours: 2 }, calendar: 'clock' } },
        { id: 'none', tier: 'tier-3' },
      ],
    });
    const d = decideEscalation(policy, { createdAt: at(created), now: at(created) });
    expect(d.deadlines).toEqual({ reachBy: new Date(created + HOUR), acknowledgeBy: null });
  });
});

describe('the closing reason and the next check', () => {
  it('lists the rules that fired, and empty lists of starting and stopping rules when nothing changes later', () => {
    const policy = defineEscalationPolicy({ ...base, rules: [{ id: 'always', tier: 'tier-2' }, { id: 'never', tier: 'tier-3', when: { failedVisits: { gte: 2 } } }] });
    const d = decideEscalation(policy, { createdAt: at(created), now: at(created) });
    expect(closing(d)).toMatchObject({
      code: 'ESCALATE',
      rule: 'tier-2',
      facts: { currentTier: 'tier-1', targetTier: 'tier-2', fired: ['always'], nextCheckAt: null, nextCheckStarting: [], nextCheckStopping: [] },
    });
  });

  it('a count the case gives never changes: its rule is not announced as starting when a time trigger passes', () => {
    const policy = defineEscalationPolicy({
      ...base,
      rules: [
        { id: 'recurring', tier: 'tier-3', when: { breachesInWindow: { gt: 3 } } },
        { id: 'unresolved-48h', tier: 'tier-2', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } } },
      ],
    });
    const d = decideEscalation(policy, { breachesInWindow: 1, createdAt: at(created), now: at(created) });
    expect(closing(d)?.facts).toMatchObject({ nextCheckAt: at(created + 48 * HOUR + 1), nextCheckStarting: ['unresolved-48h'], nextCheckStopping: [] });
  });

  it('names only the rules that start or stop at the next check, not those that keep firing', () => {
    const policy = defineEscalationPolicy({
      ...base,
      breachWindow: { days: 30 },
      rules: [
        { id: 'always', tier: 'tier-1', workflows: [{ id: 'follow-up', within: { within: { hours: 1 }, calendar: 'clock' } }] },
        { id: 'recurring', tier: 'tier-2', when: { breachesInWindow: { gte: 2 } } },
      ],
    });
    // The first breach leaves the 30-day window 2 hours after now: the count falls to 1.
    const now = created + HOUR;
    const d = decideEscalation(policy, { breaches: [at(now + 2 * HOUR - 30 * DAY), at(created - DAY)], createdAt: at(created), now: at(now) });
    expect(d.targetTier).toBe('tier-2');
    expect(closing(d)?.facts).toMatchObject({ fired: ['always', 'recurring'], nextCheckAt: at(now + 2 * HOUR), nextCheckStarting: [], nextCheckStopping: ['recurring'] });
  });

  it('a time trigger holds strictly after its instant, even when a breach change falls on that very instant', () => {
    const policy = defineEscalationPolicy({
      ...base,
      breachWindow: { days: 30 },
      rules: [{ id: 'late-and-recurring', tier: 'tier-2', when: { breachesInWindow: { gte: 1 }, unresolvedFor: { within: { hours: 1 }, calendar: 'clock' } } }],
    });
    // One breach leaves the window exactly 1 hour after creation; another stays.
    const d = decideEscalation(policy, { breaches: [at(created + HOUR - 30 * DAY), at(created - DAY)], createdAt: at(created), now: at(created) });
    expect(d.nextCheckAt).toEqual(new Date(created + HOUR + 1));
    expect(closing(d)?.facts).toMatchObject({ nextCheckStarting: ['late-and-recurring'] });
  });
});

describe('a rule on a fact the case does not give', () => {
  it('fires for a case without it, and cites no value for it', () => {
    const policy = defineEscalationPolicy({
      ...base,
      rules: [
        { id: 'uncategorised', tier: 'tier-2', when: { category: { present: false } } },
        { id: 'not-spam', tier: 'tier-2', when: { category: { not: ['spam'] } } },
        { id: 'no-amount', tier: 'tier-2', when: { amount: { present: false } } },
        { id: 'no-visits', tier: 'tier-2', when: { failedVisits: { present: false } } },
        { id: 'no-resolution-clock', tier: 'tier-2', when: { slaStatus: { resolution: { present: false } } } },
      ],
    });
    const d = decideEscalation(policy, { createdAt: at(created), now: at(created) });
    expect(d.fired.map((f) => f.rule)).toEqual(['uncategorised', 'not-spam', 'no-amount', 'no-visits', 'no-resolution-clock']);
    for (const rule of d.fired) expect(reasonOf(d, rule.rule)?.facts).toStrictEqual({ tier: 'tier-2', firedAt: at(created) });
  });
});

describe('a count taken from breach instants', () => {
  it('that holds with no breach counted has held since before any breach: it fires at creation, countHoldsSince null', () => {
    const policy = defineEscalationPolicy({
      ...base,
      breachWindow: { days: 30 },
      rules: [{ id: 'few-breaches', tier: 'tier-2', when: { breachesInWindow: { lte: 3 } }, reachWithin: { within: { hours: 8 }, calendar: 'clock' } }],
    });
    // The only breach is after now: it has not happened yet, and one breach is still few.
    const d = decideEscalation(policy, { breaches: [at(created + 2 * HOUR)], createdAt: at(created), now: at(created + HOUR) });
    expect(d.fired).toEqual([{ rule: 'few-breaches', tier: 'tier-2', firedAt: new Date(created) }]);
    expect(d.deadlines.reachBy).toEqual(new Date(created + 8 * HOUR));
    expect(reasonOf(d, 'few-breaches')?.facts).toMatchObject({ breachesInWindow: 0, breachesAfterNow: 1, countHoldsSince: null });
    expect(decideEscalation(policy, { breaches: [], createdAt: at(created), now: at(created + HOUR) }).fired).toEqual(d.fired);
  });

  it('checks again when a counted breach leaves the window on a rule that opens a workflow per breach beside another, though the rule keeps firing', () => {
    const policy = defineEscalationPolicy({
      ...base,
      breachWindow: { days: 30 },
      rules: [
        {
          id: 'breaching',
          tier: 'tier-2',
          when: { breachesInWindow: { gte: 1 } },
          workflows: [
            { id: 'analysis', each: 'breach', within: { within: { hours: 48 }, calendar: 'clock' } },
            { id: 'remediation', within: { within: { hours: 24 }, calendar: 'clock' } },
          ],
        },
      ],
    });
    const first = created - 29 * DAY;
    const d = decideEscalation(policy, { breaches: [at(first), at(created - DAY)], createdAt: at(created - 30 * DAY), now: at(created) });
    expect(d.workflows.map((w) => [w.id, w.breachAt?.toISOString() ?? null])).toEqual([
      ['analysis', at(first)],
      ['analysis', at(created - DAY)],
      ['remediation', null],
    ]);
    // At first + 30 days the first breach leaves: its analysis goes, the rule keeps firing.
    expect(d.nextCheckAt).toEqual(new Date(first + 30 * DAY));
    expect(closing(d)?.facts).toMatchObject({ nextCheckStarting: [], nextCheckStopping: [] });
  });

  it('checks again when one rule stops as another of the same tier starts: their workflows differ', () => {
    const policy = defineEscalationPolicy({
      ...base,
      breachWindow: { days: 30 },
      rules: [
        { id: 'breaching', tier: 'tier-2', when: { breachesInWindow: { gte: 1 } }, workflows: [{ id: 'remediation', within: { within: { hours: 1 }, calendar: 'clock' } }] },
        { id: 'unresolved-48h', tier: 'tier-2', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } }, workflows: [{ id: 'review', within: { within: { hours: 1 }, calendar: 'clock' } }] },
      ],
    });
    // The breach leaves the window at the very instant the 48 hours have passed.
    const change = created + 48 * HOUR + 1;
    const d = decideEscalation(policy, { breaches: [at(change - 30 * DAY)], createdAt: at(created), now: at(created + HOUR) });
    expect([d.targetTier, d.nextCheckAt]).toEqual(['tier-2', new Date(change)]);
    expect(closing(d)?.facts).toMatchObject({ nextCheckStarting: ['unresolved-48h'], nextCheckStopping: ['breaching'] });
    const then = decideEscalation(policy, { breaches: [at(change - 30 * DAY)], createdAt: at(created), now: at(change) });
    expect(then.workflows.map((w) => [w.id, w.dueBy?.toISOString()])).toEqual([['review', at(created + 49 * HOUR)]]);
  });
});
