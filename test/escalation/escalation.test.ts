import fc from 'fast-check';
import { errorOf } from '../helpers/errors.js';
import { describe, expect, it } from 'vitest';
import { EscalationPolicyError, decideEscalation, defineEscalationPolicy, type EscalationPolicySpec } from '../../src/escalation/index.js';

const HOUR = 3_600_000;
const weekday = ['09:00-17:00'];
const calendars = {
  clock: { timeZone: 'America/Denver', alwaysOpen: true },
  office: { timeZone: 'America/Denver', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: ['2026-11-26'] },
};

// Primos: "Tier 1 → Tier 2 within 2 hours for technical cases; Tier 2 → Tier 3 within 24 hours for
// unresolved or high-impact issues". Amare: "any unresolved ticket after 48 hours escalates to a
// team lead; tickets with refunds >$200 or legal complaints escalate immediately to a senior
// manager; potential product quality incidents trigger a Product Quality Incident (PQI) workflow …
// within 24 hours". PelPro: "Critical incidents (Severity 1) trigger an on-call engineer within 60
// minutes and a dedicated incident commander who provides updates every 2 hours"; "100% of
// Severity 1 incidents get post-mortem within 72 hours". HomePro: Level 3 "intervenes for
// compensation >1,000 currency units, safety incidents, or legal complaints and must respond within
// 4 business hours"; triggers "multiple failed visits, missing parts >14 days". Tru Fit: "For
// recurring breaches (>3 times in 30 days) create a remediation ticket".
const spec: EscalationPolicySpec = {
  id: 'combined',
  currency: 'USD',
  calendars,
  tiers: ['tier-1', 'tier-2', 'tier-3'],
  severities: ['sev4', 'sev3', 'sev2', 'sev1'],
  rules: [
    { id: 'technical', tier: 'tier-2', when: { category: ['technical'] }, reachWithin: { within: { hours: 2 }, calendar: 'clock' } },
    { id: 'tier2-stuck', tier: 'tier-3', when: { inTier: ['tier-2'], inTierFor: { within: { hours: 24 }, calendar: 'clock' } } },
    { id: 'unresolved-48h', tier: 'tier-2', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } } },
    { id: 'big-refund', tier: 'tier-3', when: { amount: { gt: '200.00' } }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } },
    { id: 'legal', tier: 'tier-3', when: { category: ['legal-complaint'] }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } },
    { id: 'pqi', tier: 'tier-1', when: { category: ['product-quality'] }, workflows: [{ id: 'pqi-workflow', within: { within: { hours: 24 }, calendar: 'clock' } }] },
    {
      id: 'sev1',
      tier: 'tier-3',
      when: { severityAtLeast: 'sev1' },
      reachWithin: { within: { minutes: 60 }, calendar: 'clock' },
      workflows: [
        { id: 'commander-updates', every: { within: { hours: 2 }, calendar: 'clock' } },
        { id: 'post-mortem', within: { within: { hours: 72 }, calendar: 'clock' } },
      ],
    },
    { id: 'failed-visits', tier: 'tier-3', when: { failedVisits: { gte: 2 } } },
    { id: 'parts-missing', tier: 'tier-3', when: { partsMissingDays: { gt: 14 } } },
    { id: 'recurring-breaches', tier: 'tier-1', when: { breachesInWindow: { gt: 3 } }, workflows: [{ id: 'remediation-ticket', within: { within: { businessDays: 1 }, calendar: 'office' } }] },
  ],
};
const policy = defineEscalationPolicy(spec);
const created = new Date('2026-11-23T16:00:00Z'); // Monday 09:00 in Denver

describe('triggers and tiers', () => {
  it('sends a technical case to Tier 2, due within 2 hours of creation', () => {
    const d = decideEscalation(policy, { category: 'technical', createdAt: created, now: new Date(created.getTime() + HOUR) });
    expect([d.escalate, d.targetTier, d.deadlines.reachBy?.toISOString()]).toEqual([true, 'tier-2', '2026-11-23T18:00:00.000Z']);
  });

  it('moves a case stuck in Tier 2 for more than 24 hours to Tier 3, and says when to check again before that', () => {
    const entered = new Date('2026-11-23T18:00:00Z');
    const before = decideEscalation(policy, { currentTier: 'tier-2', tierEnteredAt: entered, createdAt: created, now: new Date('2026-11-24T18:00:00Z') });
    expect([before.targetTier, before.nextCheckAt?.toISOString()]).toEqual(['tier-2', '2026-11-24T18:00:00.001Z']);
    const after = decideEscalation(policy, { currentTier: 'tier-2', tierEnteredAt: entered, createdAt: created, now: new Date('2026-11-24T18:00:00.001Z') });
    expect([after.escalate, after.targetTier]).toEqual([true, 'tier-3']);
  });

  it('escalates a refund over $200 immediately, but not one of exactly $200; legal complaints too', () => {
    expect(decideEscalation(policy, { amount: '200.00', createdAt: created, now: created }).targetTier).toBe('tier-1');
    const big = decideEscalation(policy, { amount: '200.01', createdAt: created, now: created });
    // Acknowledged within 4 business hours: Monday 13:00 in Denver.
    expect([big.targetTier, big.deadlines.acknowledgeBy?.toISOString()]).toEqual(['tier-3', '2026-11-23T20:00:00.000Z']);
    expect(decideEscalation(policy, { category: 'legal-complaint', createdAt: created, now: created }).targetTier).toBe('tier-3');
  });

  it('opens a Severity 1 bridge: engineer within 60 minutes, updates every 2 hours, post-mortem within 72', () => {
    const d = decideEscalation(policy, { severity: 'sev1', createdAt: created, now: created });
    expect(d.deadlines.reachBy?.toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(d.workflows.map((w) => [w.id, w.dueBy?.toISOString() ?? null, w.everyFrom?.toISOString() ?? null])).toEqual([
      ['commander-updates', null, '2026-11-23T18:00:00.000Z'],
      ['post-mortem', '2026-11-26T16:00:00.000Z', null],
    ]);
    expect(decideEscalation(policy, { severity: 'sev2', createdAt: created, now: created }).escalate).toBe(false);
  });

  it('keeps every reason when several rules fire, and the highest tier wins', () => {
    const d = decideEscalation(policy, { category: 'technical', failedVisits: 2, partsMissingDays: 15, breachesInWindow: 4, createdAt: created, now: new Date(created.getTime() + 49 * HOUR) });
    expect(d.targetTier).toBe('tier-3');
    expect(d.fired.map((f) => f.rule)).toEqual(['technical', 'unresolved-48h', 'failed-visits', 'parts-missing', 'recurring-breaches']);
    // Non-time triggers count from creation (Mon 09:00 in Denver): 1 business day later.
    expect(d.workflows.map((w) => [w.id, w.dueBy?.toISOString()])).toEqual([['remediation-ticket', '2026-11-24T16:00:00.000Z']]);
    expect(d.reasons.filter((r) => r.code === 'ESCALATION_RULE_NOT_FIRED').length).toBe(5);
  });

  it('opens the product-quality workflow within 24 hours without changing tier', () => {
    const d = decideEscalation(policy, { category: 'product-quality', createdAt: created, now: created });
    expect([d.escalate, d.workflows[0]?.id, d.workflows[0]?.dueBy?.toISOString()]).toEqual([false, 'pqi-workflow', '2026-11-24T16:00:00.000Z']);
  });
});

describe('laws and bad input', () => {
  it('monotonic: more time unresolved, a larger amount or a higher severity never lowers the tier', () => {
    const severities = ['sev4', 'sev3', 'sev2', 'sev1'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 * HOUR }), fc.integer({ min: 0, max: 120 * HOUR }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.nat(3), fc.nat(3), (t1, t2, a1, a2, s1, s2) => {
        const tier = (t: number, cents: number, s: number) =>
          spec.tiers.indexOf(decideEscalation(policy, { severity: severities[s], amount: (cents / 100).toFixed(2), createdAt: created, now: new Date(created.getTime() + t) }).targetTier);
        expect(tier(Math.min(t1, t2), Math.min(a1, a2), Math.min(s1, s2))).toBeLessThanOrEqual(tier(Math.max(t1, t2), Math.max(a1, a2), Math.max(s1, s2)));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects unknown tiers, severities and calendars', () => {
    expect(errorOf(() => decideEscalation(policy, { currentTier: 'tier-9', createdAt: created, now: created }))).toEqual(['UNKNOWN_IN_POLICY', 'currentTier']);
    expect(errorOf(() => decideEscalation(policy, { severity: 'critical', createdAt: created, now: created }))).toEqual(['UNKNOWN_IN_POLICY', 'severity']);
    expect(() => defineEscalationPolicy({ ...spec, rules: [{ id: 'x', tier: 'tier-2', reachWithin: { within: { hours: 1 }, calendar: 'nope' } }] })).toThrow(EscalationPolicyError);
    expect(errorOf(() => defineEscalationPolicy({ ...spec, rules: [{ id: 'x', tier: 'tier-9' }] }))).toEqual(['UNKNOWN_IN_POLICY', 'rules.0.tier']);
  });
});
