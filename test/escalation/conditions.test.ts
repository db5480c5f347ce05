import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, type EscalationDecision } from '../../src/escalation/index.js';

// Behaviour the mutation run of 2026-11-25 found no test pinning down: a rule does NOT fire when its
// condition is false (counts below a threshold, amounts at a bound, another category); only the
// target tier's rules set the deadlines, and the earliest of them wins; deadlines a decision does
// not have are null, and so is nextCheckAt when nothing would change.
//
// HomePro (002): Level 3 "intervenes for compensation >1,000 currency units, safety incidents, or
// legal complaints"; "escalation triggers … (e.g., multiple failed visits, missing parts >14 days)".
// Primos (000): "Tier 1 → Tier 2 within 2 hours for technical cases".
const HOUR = 3_600_000;
const weekday = ['09:00-17:00'];
const policy = defineEscalationPolicy({
  id: 'conditions',
  currency: 'USD',
  calendars: {
    clock: { timeZone: 'America/Denver', alwaysOpen: true },
    office: { timeZone: 'America/Denver', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
  },
  tiers: ['tier-1', 'tier-2', 'tier-3'],
  rules: [
    { id: 'technical', tier: 'tier-2', when: { category: ['technical'] }, reachWithin: { within: { hours: 2 }, calendar: 'clock' } },
    { id: 'unresolved-48h', tier: 'tier-2', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } } },
    { id: 'big-refund', tier: 'tier-3', when: { amount: { gte: '200.00' } }, reachWithin: { within: { hours: 8 }, calendar: 'clock' }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } },
    { id: 'legal', tier: 'tier-3', when: { category: ['legal-complaint'] }, reachWithin: { within: { minutes: 30 }, calendar: 'clock' }, acknowledgeWithin: { within: { hours: 1 }, calendar: 'clock' } },
    { id: 'failed-visits', tier: 'tier-3', when: { failedVisits: { gte: 2 } } },
    { id: 'parts-missing', tier: 'tier-3', when: { partsMissingDays: { gt: 14 } } },
  ],
  vocabulary: { category: ['technical', 'legal-complaint', 'billing'] },
});
const created = '2026-11-23T16:00:00.000Z'; // Monday 09:00 in Denver
const decide = (facts: Record<string, unknown>) => decideEscalation(policy, { createdAt: created, now: created, ...facts });
const firedRules = (d: EscalationDecision) => d.fired.map((f) => f.rule);
const reasonOf = (d: EscalationDecision, rule: string) => d.reasons.find((r) => r.rule === rule);

describe('a rule does not fire when its condition is false', () => {
  it('one failed visit is not "multiple": it takes two', () => {
    const one = decide({ failedVisits: 1 });
    expect([one.targetTier, firedRules(one)]).toEqual(['tier-1', []]);
    expect(reasonOf(one, 'failed-visits')?.facts).toEqual({ tier: 'tier-3', fields: ['failedVisits'], field: 'failedVisits', expected: '>= 2', actual: 1 });
    expect(decide({ failedVisits: 2 }).targetTier).toBe('tier-3');
  });

  it('parts missing for 14 days is not "more than 14"; 15 is', () => {
    expect(decide({ partsMissingDays: 14 }).targetTier).toBe('tier-1');
    expect(decide({ partsMissingDays: 15 }).targetTier).toBe('tier-3');
  });

  it('a "gte" amount holds at the bound and not a cent under it', () => {
    expect(reasonOf(decide({ amount: '199.99' }), 'big-refund')?.facts).toMatchObject({ field: 'amount', expected: '>= 200.00', actual: '199.99' });
    expect(firedRules(decide({ amount: '200.00' }))).toEqual(['big-refund']);
  });

  it('a category rule does not fire for another category', () => {
    const billing = decide({ category: 'billing' });
    expect([billing.targetTier, firedRules(billing)]).toEqual(['tier-1', []]);
    expect(reasonOf(billing, 'technical')?.facts).toMatchObject({ field: 'category', expected: 'technical', actual: 'billing' });
    expect(reasonOf(billing, 'legal')?.facts).toMatchObject({ field: 'category', expected: 'legal-complaint', actual: 'billing' });
  });
});

describe('deadlines come from the target tier\'s rules, the earliest of each', () => {
  it('ignores the lower tier\'s earlier deadline: a technical refund of 250 must reach Tier 3 within 8 hours, not 2', () => {
    const d = decide({ category: 'technical', amount: '250.00' });
    expect(firedRules(d)).toEqual(['technical', 'big-refund']);
    // 8 hours on the clock; 4 business hours on the office calendar: Monday 13:00 in Denver.
    expect([d.targetTier, d.deadlines.reachBy?.toISOString(), d.deadlines.acknowledgeBy?.toISOString()]).toEqual(['tier-3', '2026-11-24T00:00:00.000Z', '2026-11-23T20:00:00.000Z']);
  });

  it('takes the earliest of two Tier 3 rules: a legal complaint over 200 is due in 30 minutes, acknowledged in 1 hour', () => {
    const d = decide({ category: 'legal-complaint', amount: '250.00' });
    expect([d.deadlines.reachBy?.toISOString(), d.deadlines.acknowledgeBy?.toISOString()]).toEqual(['2026-11-23T16:30:00.000Z', '2026-11-23T17:00:00.000Z']);
  });

  it('has null deadlines when the rules that fired set none, and no next check when nothing would change', () => {
    const d = decide({ failedVisits: 2 });
    expect([d.deadlines.reachBy, d.deadlines.acknowledgeBy, d.nextCheckAt]).toEqual([null, null, null]);
    expect(d.reasons.at(-1)).toMatchObject({ code: 'ESCALATE', rule: 'tier-3', message: 'Escalate from tier-1 to tier-3 (highest tier among 1 fired rule(s)).' });
  });

  it('stays, and says when to check again: 48 hours and a millisecond after creation', () => {
    const d = decide({});
    expect([d.escalate, d.targetTier, d.deadlines.reachBy, d.nextCheckAt?.toISOString()]).toEqual([false, 'tier-1', null, '2026-11-25T16:00:00.001Z']);
    expect(d.reasons.at(-1)).toMatchObject({ code: 'STAY', facts: { nextCheckStarting: ['unresolved-48h'] } });
    const later = decideEscalation(policy, { createdAt: created, now: new Date(Date.parse(created) + 48 * HOUR + 1) });
    expect([later.targetTier, later.nextCheckAt]).toEqual(['tier-2', null]);
  });
});
