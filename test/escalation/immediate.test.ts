import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, EscalationPolicyError, type EscalationPolicySpec } from '../../src/escalation/index.js';
import { presets } from '../../src/presets/index.js';
import { WithinSchema } from '../../src/sla/index.js';
import { thrownError } from '../helpers/errors.js';

// Amare (003): "any unresolved ticket after 48 hours escalates to a team lead; tickets with refunds
// >$200 or legal complaints escalate immediately to a senior manager; potential product quality
// incidents trigger a Product Quality Incident (PQI) workflow … within 24 hours". "Immediately" is
// a zero span: the deadline is the instant the rule fired, on any calendar, distinct from a rule
// with no span (no deadline).
const HOUR = 3_600_000;
const weekday = ['09:00-17:00'];
const spec: EscalationPolicySpec = {
  id: 'amare',
  currency: 'USD',
  calendars: {
    clock: { timeZone: 'America/Denver', alwaysOpen: true },
    office: { timeZone: 'America/Denver', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
  },
  tiers: ['agent', 'team-lead', 'senior-manager'],
  rules: [
    { id: 'unresolved-48h', tier: 'team-lead', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } } },
    { id: 'refund-over-200', tier: 'senior-manager', when: { amount: { gt: '200.00' } }, reachWithin: { within: { hours: 0 }, calendar: 'clock' } },
    { id: 'legal', tier: 'senior-manager', when: { category: ['legal-complaint'] }, reachWithin: { within: { hours: 0 }, calendar: 'office' } },
    { id: 'product-quality', tier: 'agent', when: { category: ['product-quality'] }, workflows: [{ id: 'pqi-workflow', within: { within: { hours: 24 }, calendar: 'clock' } }] },
  ],
};
const policy = defineEscalationPolicy(spec);
const monday = '2026-11-23T16:00:00.000Z'; // 09:00 in Denver

describe('"immediately" on a rule triggered by a fact counts from createdAt (docs/escalation.md)', () => {
  it('is due at the creation, days before the refund was raised, since a case has no instant for when a fact appeared', () => {
    const amare = presets.amare.escalation!;
    const d = decideEscalation(amare, { amount: '250.00', createdAt: '2026-11-20T16:00:00Z', now: '2026-11-23T17:30:00Z' });
    expect([d.targetTier, d.deadlines.reachBy?.toISOString()]).toEqual(['senior-manager', '2026-11-20T16:00:00.000Z']);
    // Given as createdAt the instant the refund was raised, it is due then.
    const raised = decideEscalation(amare, { amount: '250.00', createdAt: '2026-11-23T17:00:00Z', now: '2026-11-23T17:30:00Z' });
    expect(raised.deadlines.reachBy?.toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });
});

describe('"escalate immediately" is a zero span: the deadline is the instant the rule fired', () => {
  it('sends a refund over $200 to a senior manager with a reach deadline at the trigger instant', () => {
    const d = decideEscalation(policy, { amount: '200.01', createdAt: monday, now: '2026-11-23T17:30:00Z' });
    expect([d.targetTier, d.deadlines.reachBy?.toISOString(), d.deadlines.acknowledgeBy]).toEqual(['senior-manager', monday, null]);
    const fired = d.reasons.find((r) => r.rule === 'refund-over-200');
    expect(fired?.facts).toEqual({ tier: 'senior-manager', firedAt: monday, amount: '200.01', reachWithin: 'immediately' });
    expect(fired?.message).toBe('refund-over-200 fired: the case belongs in senior-manager; reach it immediately.');
    // 200.00 is not over $200: no escalation, no deadline.
    const exactly = decideEscalation(policy, { amount: '200.00', createdAt: monday, now: monday });
    expect([exactly.targetTier, exactly.deadlines.reachBy, exactly.reasons.at(-1)?.code]).toEqual(['agent', null, 'STAY']);
  });

  it('does not wait for a calendar to open: a legal complaint on a Saturday is due that Saturday instant', () => {
    const saturday = '2026-11-28T20:00:00.000Z'; // 13:00 in Denver, the office is closed until Monday
    const d = decideEscalation(policy, { category: 'legal-complaint', createdAt: saturday, now: saturday });
    expect([d.escalate, d.deadlines.reachBy?.toISOString()]).toEqual([true, saturday]);
    expect(d.reasons.find((r) => r.rule === 'legal')?.facts.reachWithin).toBe('immediately');
  });

  it('tells "immediately" from "no deadline": unresolved for 48 hours has no span, and no reach deadline', () => {
    const d = decideEscalation(policy, { createdAt: monday, now: new Date(Date.parse(monday) + 49 * HOUR) });
    expect([d.targetTier, d.deadlines.reachBy, d.deadlines.acknowledgeBy]).toEqual(['team-lead', null, null]);
    expect(d.reasons.find((r) => r.rule === 'unresolved-48h')?.facts).not.toHaveProperty('reachWithin');
    expect(d.reasons.find((r) => r.rule === 'unresolved-48h')?.message).toBe('unresolved-48h fired: the case belongs in team-lead.');
  });

  it('counts "immediately" from when a time trigger fired, not from creation', () => {
    const stuck = defineEscalationPolicy({
      ...spec,
      rules: [{ id: 'unresolved-48h', tier: 'team-lead', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } }, acknowledgeWithin: { within: { minutes: 0 }, calendar: 'office' } }],
    });
    const d = decideEscalation(stuck, { createdAt: monday, now: new Date(Date.parse(monday) + 49 * HOUR) });
    // Fired at creation + 48 h (Wed 09:00 in Denver), due then.
    expect([d.fired[0]?.firedAt.toISOString(), d.deadlines.acknowledgeBy?.toISOString()]).toEqual(['2026-11-25T16:00:00.000Z', '2026-11-25T16:00:00.000Z']);
    expect(d.reasons.find((r) => r.rule === 'unresolved-48h')?.message).toBe('unresolved-48h fired: the case belongs in team-lead; acknowledge immediately.');
  });

  it('opens a workflow immediately with a zero within, and says so', () => {
    const now = defineEscalationPolicy({
      ...spec,
      rules: [{ id: 'product-quality', tier: 'agent', when: { category: ['product-quality'] }, workflows: [{ id: 'pqi-workflow', within: { within: { businessDays: 0 }, calendar: 'office' } }] }],
    });
    const d = decideEscalation(now, { category: 'product-quality', createdAt: monday, now: monday });
    expect(d.workflows).toEqual([{ id: 'pqi-workflow', rule: 'product-quality', dueBy: new Date(monday), everyFrom: null, breachAt: null }]);
    expect(d.reasons[0]?.message).toBe('product-quality fired: the case belongs in agent; open pqi-workflow immediately.');
  });

  it('law: a zero span in any unit, on any calendar, is due exactly when the rule fired', () => {
    const units = fc.constantFrom({ hours: 0 }, { minutes: 0 }, { seconds: 0 }, { milliseconds: 0 }, { hours: 0, minutes: 0 }, { businessDays: 0 }, { days: 0 });
    fc.assert(
      fc.property(units, fc.constantFrom('clock', 'office'), fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }), (within, calendar, created) => {
        const zero = defineEscalationPolicy({ ...spec, rules: [{ id: 'legal', tier: 'senior-manager', when: { category: ['legal-complaint'] }, reachWithin: { within, calendar }, acknowledgeWithin: { within, calendar } }] });
        const d = decideEscalation(zero, { category: 'legal-complaint', createdAt: created, now: created + HOUR });
        expect([d.deadlines.reachBy?.getTime(), d.deadlines.acknowledgeBy?.getTime()]).toEqual([created, created]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('what a zero span may not be', () => {
  const issues = (rule: EscalationPolicySpec['rules'][number]) => {
    const error = thrownError(() => defineEscalationPolicy({ ...spec, rules: [rule] }));
    expect(error).toBeInstanceOf(EscalationPolicyError);
    return error.issues.map((issue) => [issue.code, issue.path.join('.')]);
  };
  const legal = { id: 'legal', tier: 'senior-manager', when: { category: ['legal-complaint'] } };

  it('keeps refusing zero where it means nothing: time triggers and recurring workflows (and SLA targets)', () => {
    expect(issues({ ...legal, when: { unresolvedFor: { within: { hours: 0 }, calendar: 'clock' } } })).toEqual([['INVALID_WITHIN', 'rules.0.when.unresolvedFor.within']]);
    expect(issues({ ...legal, workflows: [{ id: 'updates', every: { within: { hours: 0 }, calendar: 'clock' } }] })).toEqual([['INVALID_WITHIN', 'rules.0.workflows.0.every.within']]);
    expect(WithinSchema.safeParse({ hours: 0 }).success).toBe(false);
  });

  it('refuses a span under a millisecond that is not zero, two kinds at once, and negative or over-long spans', () => {
    expect(issues({ ...legal, reachWithin: { within: { milliseconds: 0.4 }, calendar: 'clock' } })).toEqual([['INVALID_WITHIN', 'rules.0.reachWithin.within']]);
    expect(() => defineEscalationPolicy({ ...spec, rules: [{ ...legal, reachWithin: { within: { milliseconds: 0.4 }, calendar: 'clock' } }] })).toThrow('write 0 for "immediately"');
    expect(issues({ ...legal, reachWithin: { within: { hours: 0, days: 0 }, calendar: 'clock' } })).toEqual([['INVALID_WITHIN', 'rules.0.reachWithin.within']]);
    expect(issues({ ...legal, reachWithin: { within: { hours: -1 }, calendar: 'clock' } })).toEqual([['OUT_OF_BOUNDS', 'rules.0.reachWithin.within.hours']]);
    expect(issues({ ...legal, reachWithin: { within: { days: 0.5 }, calendar: 'clock' } })).toEqual([['INVALID_TYPE', 'rules.0.reachWithin.within.days']]);
    expect(issues({ ...legal, reachWithin: { within: { days: 3651 }, calendar: 'clock' } })).toEqual([['OUT_OF_BOUNDS', 'rules.0.reachWithin.within.days']]);
    expect(issues({ ...legal, reachWithin: { within: {}, calendar: 'clock' } })).toEqual([['INVALID_WITHIN', 'rules.0.reachWithin.within']]);
    expect(issues({ ...legal, reachWithin: { within: { hours: 0 }, calendar: 'nope' } })).toEqual([['UNKNOWN_CALENDAR', 'rules.0.reachWithin.calendar']]);
  });
});
