import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, type EscalationDecision, type EscalationPolicySpec } from '../../src/escalation/index.js';
import { thrownError } from '../helpers/errors.js';

// Tru Fit (004): "Penalize SLA breaches internally with root-cause analysis within 48 hours and
// corrective action plans. For recurring breaches (>3 times in 30 days) create a remediation
// ticket". The analysis is for every breach, each due 48 hours after its own breach; the
// remediation ticket only past 3 breaches in 30 days.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const daily = ['07:00-22:00'];
const spec: EscalationPolicySpec = {
  id: 'trufit',
  currency: 'USD',
  calendars: {
    core: { timeZone: 'America/Los_Angeles', hours: { mon: daily, tue: daily, wed: daily, thu: daily, fri: daily, sat: daily, sun: daily } },
    clock: { timeZone: 'America/Los_Angeles', alwaysOpen: true },
  },
  tiers: ['tier-1', 'tier-2', 'tier-3'],
  breachWindow: { days: 30 },
  rules: [
    {
      id: 'breach-root-cause',
      tier: 'tier-1',
      when: { breachesInWindow: { gte: 1 } },
      workflows: [{ id: 'root-cause-analysis', each: 'breach', within: { within: { hours: 48 }, calendar: 'clock' } }],
    },
    { id: 'recurring-breaches', tier: 'tier-1', when: { breachesInWindow: { gt: 3 } }, workflows: [{ id: 'remediation-ticket', within: { within: { businessDays: 1 }, calendar: 'core' } }] },
  ],
};
const policy = defineEscalationPolicy(spec);
const now = '2026-11-30T00:00:00Z';
const four = ['2026-11-02T12:00:00Z', '2026-11-10T12:00:00Z', '2026-11-20T12:00:00Z', '2026-11-28T12:00:00Z'];
const queueCase = (breaches: readonly (string | number)[], at: string | number = now) => ({ createdAt: '2026-11-29T00:00:00Z', now: at, breaches });
const listed = (d: EscalationDecision) => d.workflows.map((w) => [w.id, w.breachAt?.toISOString() ?? null, w.dueBy?.toISOString() ?? null]);

describe('one root-cause analysis per breach, each due 48 hours after its own breach', () => {
  it('opens four analyses for four breaches in 30 days, and the remediation ticket past three', () => {
    const d = decideEscalation(policy, queueCase(four));
    expect(listed(d)).toEqual([
      ['root-cause-analysis', '2026-11-02T12:00:00.000Z', '2026-11-04T12:00:00.000Z'],
      ['root-cause-analysis', '2026-11-10T12:00:00.000Z', '2026-11-12T12:00:00.000Z'],
      ['root-cause-analysis', '2026-11-20T12:00:00.000Z', '2026-11-22T12:00:00.000Z'],
      ['root-cause-analysis', '2026-11-28T12:00:00.000Z', '2026-11-30T12:00:00.000Z'],
      // From the case's creation, Sat 16:00 PST: 1 business day on the 07–22 daily calendar.
      ['remediation-ticket', null, '2026-11-30T00:00:00.000Z'],
    ]);
    expect(d.workflows[0]).toEqual({ id: 'root-cause-analysis', rule: 'breach-root-cause', dueBy: new Date('2026-11-04T12:00:00Z'), everyFrom: null, breachAt: new Date('2026-11-02T12:00:00Z') });
  });

  it('opens an analysis for a single breach, with no remediation ticket (3 or fewer is not recurring)', () => {
    const one = decideEscalation(policy, queueCase(['2026-11-28T12:00:00Z']));
    expect(listed(one)).toEqual([['root-cause-analysis', '2026-11-28T12:00:00.000Z', '2026-11-30T12:00:00.000Z']]);
    const three = decideEscalation(policy, queueCase(four.slice(1)));
    expect(three.workflows.map((w) => w.id)).toEqual(['root-cause-analysis', 'root-cause-analysis', 'root-cause-analysis']);
    expect(decideEscalation(policy, queueCase([])).workflows).toEqual([]);
  });

  it('says when the next breach leaves the window and its analysis with it, exactly', () => {
    // Two breaches: the rule keeps firing until 12-28, but the analysis of 11-10 leaves on 12-10.
    const two = ['2026-11-10T12:00:00Z', '2026-11-28T12:00:00Z'];
    const d = decideEscalation(policy, queueCase(two));
    expect(d.nextCheckAt?.toISOString()).toBe('2026-12-10T12:00:00.000Z');
    expect(listed(decideEscalation(policy, queueCase(two, '2026-12-10T11:59:59.999Z')))).toEqual(listed(d));
    expect(listed(decideEscalation(policy, queueCase(two, '2026-12-10T12:00:00Z')))).toEqual([['root-cause-analysis', '2026-11-28T12:00:00.000Z', '2026-11-30T12:00:00.000Z']]);
  });

  it('checks again when a breach after now happens, which opens its own analysis', () => {
    const later = ['2026-11-28T12:00:00Z', '2026-12-01T08:00:00Z'];
    const d = decideEscalation(policy, queueCase(later));
    expect([listed(d).length, d.nextCheckAt?.toISOString()]).toEqual([1, '2026-12-01T08:00:00.000Z']);
    expect(listed(decideEscalation(policy, queueCase(later, '2026-12-01T08:00:00Z'))).at(-1)).toEqual(['root-cause-analysis', '2026-12-01T08:00:00.000Z', '2026-12-03T08:00:00.000Z']);
  });

  it('opens the workflow once, undated, on a count alone, and says the breach instants would date each one', () => {
    const d = decideEscalation(policy, { createdAt: '2026-11-29T00:00:00Z', now, breachesInWindow: 2 });
    expect(d.workflows.map((w) => [w.id, w.dueBy, w.breachAt])).toEqual([['root-cause-analysis', null, null]]);
    expect(d.reasons.find((r) => r.code === 'WORKFLOW_NEEDS_BREACHES')).toMatchObject({ facts: { workflow: 'root-cause-analysis', field: 'breaches' } });
    // A count under the threshold fires nothing, so nothing is missing.
    expect(decideEscalation(policy, { createdAt: '2026-11-29T00:00:00Z', now, breachesInWindow: 0 }).workflows).toEqual([]);
  });

  it('law: one analysis per breach counted, each 48 h after it, and nextCheckAt is exact', () => {
    const nowMs = Date.parse(now);
    const breach = fc.integer({ min: nowMs - 40 * DAY, max: nowMs + 5 * DAY });
    fc.assert(
      fc.property(fc.array(breach, { maxLength: 8 }), (breaches) => {
        const d = decideEscalation(policy, queueCase(breaches, nowMs));
        const counted = breaches.filter((b) => b > nowMs - 30 * DAY && b <= nowMs).sort((a, b) => a - b);
        const analyses = d.workflows.filter((w) => w.id === 'root-cause-analysis');
        expect(analyses.map((w) => w.breachAt?.getTime())).toEqual(counted);
        for (const w of analyses) expect((w.dueBy?.getTime() ?? 0) - (w.breachAt?.getTime() ?? 0)).toBe(48 * HOUR);
        if (d.nextCheckAt === null) return;
        const next = d.nextCheckAt.getTime();
        const shape = (x: EscalationDecision) => [x.targetTier, listed(x)];
        expect(shape(decideEscalation(policy, queueCase(breaches, next - 1)))).toEqual(shape(d));
        expect(shape(decideEscalation(policy, queueCase(breaches, next)))).not.toEqual(shape(d));
      }),
      { numRuns: 150 },
    );
  });
});

describe('each: "breach" needs a rule that counts breaches', () => {
  const rca = { id: 'root-cause-analysis', each: 'breach' as const, within: { within: { hours: 48 }, calendar: 'clock' } };

  it('is refused on a rule without a breachesInWindow test, or in a policy without a breachWindow', () => {
    const noCount = thrownError(() => defineEscalationPolicy({ ...spec, rules: [{ id: 'sev', tier: 'tier-2', when: { category: ['outage'] }, workflows: [rca] }] }));
    expect(noCount.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['INVALID_VALUE', 'rules.0.workflows.0.each']]);
    expect(noCount.message).toContain('does not test "breachesInWindow"');
    const withoutWindow = Object.fromEntries(Object.entries(spec).filter(([key]) => key !== 'breachWindow')) as EscalationPolicySpec;
    const noWindow = thrownError(() => defineEscalationPolicy(withoutWindow));
    expect(noWindow.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['INVALID_VALUE', 'rules.0.workflows.0.each']]);
    expect(noWindow.message).toContain('the policy has no "breachWindow"');
  });

  it('takes only "breach"', () => {
    const typo = thrownError(() => defineEscalationPolicy({ ...spec, rules: [{ ...spec.rules[0], workflows: [{ ...rca, each: 'breaches' as never }] } as EscalationPolicySpec['rules'][number]] }));
    expect([typo.code, typo.path.join('.'), typo.issues[0]?.suggestion]).toEqual(['INVALID_VALUE', 'rules.0.workflows.0.each', 'breach']);
  });
});
