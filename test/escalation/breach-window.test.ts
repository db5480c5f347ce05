import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, type EscalationDecision, type EscalationPolicySpec } from '../../src/escalation/index.js';
import { SupportRulesError } from '../../src/errors/index.js';
import { breachesByGroup } from '../../src/sla/index.js';
import { errorOf } from '../helpers/errors.js';

// Issue 12, point 7: "more than 3 breaches in 30 days" lives in the policy. The policy holds the
// rolling window (`breachWindow: { days: 30 }`), the rule holds the threshold, and the case gives
// its queue's breach instants (the `breachedAt` of its SLA clocks); the count is taken as of `now`
// over (now - 30 × 24 h, now].

const DAY = 86_400_000;
const HOUR = 3_600_000;
const daily = ['07:00-22:00'];
// Tru Fit: "For recurring breaches (>3 times in 30 days) create a remediation ticket";
// "root-cause analysis within 48 hours".
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
      id: 'recurring-breaches',
      tier: 'tier-1',
      when: { breachesInWindow: { gt: 3 } },
      workflows: [
        { id: 'remediation-ticket', within: { within: { businessDays: 1 }, calendar: 'core' } },
        { id: 'root-cause-analysis', within: { within: { hours: 48 }, calendar: 'clock' } },
      ],
    },
  ],
};
const policy = defineEscalationPolicy(spec);
const withoutWindow: EscalationPolicySpec = Object.fromEntries(Object.entries(spec).filter(([key]) => key !== 'breachWindow')) as EscalationPolicySpec;
const now = '2026-11-30T00:00:00Z';
const four = ['2026-11-02T12:00:00Z', '2026-11-10T12:00:00Z', '2026-11-20T12:00:00Z', '2026-11-28T12:00:00Z'];
const queueCase = (breaches: readonly string[], at = now) => ({ createdAt: '2026-11-29T00:00:00Z', now: at, breaches });
const reasonOf = (d: EscalationDecision, rule: string) => d.reasons.find((r) => r.rule === rule);
const iso = (ms: number) => new Date(ms).toISOString();

describe('the rolling window lives in the policy; the case gives the breach instants', () => {
  it('counts 4 breaches in the 30 days to 2026-11-30 and opens the remediation ticket and the RCA', () => {
    const d = decideEscalation(policy, queueCase(four));
    expect(d.workflows.map((w) => [w.id, w.dueBy?.toISOString()])).toEqual([
      // From the case's creation, Sat 16:00 PST: 1 business day on the 07-22 daily calendar, and 48 h.
      ['remediation-ticket', '2026-11-30T00:00:00.000Z'],
      ['root-cause-analysis', '2026-12-01T00:00:00.000Z'],
    ]);
    const reason = reasonOf(d, 'recurring-breaches');
    expect(reason?.facts).toEqual({
      tier: 'tier-1',
      firedAt: '2026-11-29T00:00:00.000Z',
      breachesInWindow: 4,
      breachWindowDays: 30,
      breachWindowFrom: '2026-10-31T00:00:00.000Z',
      breachWindowTo: '2026-11-30T00:00:00.000Z',
      breachesCounted: ['2026-11-02T12:00:00.000Z', '2026-11-10T12:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-11-28T12:00:00.000Z'],
      breachesAfterNow: 0,
      // The fourth breach made the count hold, before the case was created: it fired at creation.
      countHoldsSince: '2026-11-28T12:00:00.000Z',
    });
    expect(reason?.message).toBe(
      'recurring-breaches fired: the case belongs in tier-1 (4 breaches in the 30 days to 2026-11-30T00:00:00.000Z; the count has held since 2026-11-28T12:00:00.000Z).',
    );
  });

  it('says when the count next drops below the threshold: the oldest breach leaves the window 30 × 24 h after it', () => {
    const d = decideEscalation(policy, queueCase(four));
    expect(d.nextCheckAt?.toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(d.reasons.at(-1)?.facts).toMatchObject({ nextCheckAt: '2026-12-02T12:00:00.000Z', nextCheckStarting: [], nextCheckStopping: ['recurring-breaches'] });
    expect(d.reasons.at(-1)?.message).toBe('Stay in tier-1. Decide again at 2026-12-02T12:00:00.000Z, when recurring-breaches stops firing.');
    // One millisecond before, the breach of 2026-11-02T12:00Z is still in (now - 30 days, now].
    expect(decideEscalation(policy, queueCase(four, '2026-12-02T11:59:59.999Z')).workflows).toHaveLength(2);
    const after = decideEscalation(policy, queueCase(four, '2026-12-02T12:00:00Z'));
    expect(after.workflows).toEqual([]);
    expect(reasonOf(after, 'recurring-breaches')?.facts).toEqual({
      tier: 'tier-1',
      fields: ['breachesInWindow'],
      field: 'breachesInWindow',
      expected: '> 3',
      actual: 3,
      breachesInWindow: 3,
      breachWindowDays: 30,
      breachWindowFrom: '2026-11-02T12:00:00.000Z',
      breachWindowTo: '2026-12-02T12:00:00.000Z',
      breachesCounted: ['2026-11-10T12:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-11-28T12:00:00.000Z'],
      breachesAfterNow: 0,
    });
    expect(after.nextCheckAt).toBeNull();
  });

  it('counts (now - window, now] exactly: 30 days back is out, a millisecond later is in, now itself is in', () => {
    const count = (breaches: string[]) => reasonOf(decideEscalation(policy, queueCase(breaches)), 'recurring-breaches')?.facts.breachesInWindow;
    expect(count(['2026-10-31T00:00:00Z'])).toBe(0);
    expect(count(['2026-10-31T00:00:00.001Z'])).toBe(1);
    expect(count([now])).toBe(1);
    // 30 days of 24 hours (720 h), whatever the zones: across the 2026-11-01 DST change, 30 local
    // days back from Sun 16:00 PST would be Fri 16:00 PDT (one hour later than 720 h back), but a
    // breach at Fri 16:30 PDT is outside the window.
    expect(count(['2026-10-30T16:30:00-07:00'])).toBe(0);
    expect(count(['2026-10-30T17:00:00.001-07:00'])).toBe(1);
  });

  it('does not count a breach after now (it has not happened as of now), says so, and checks again when it happens', () => {
    const later = [...four.slice(1), '2026-12-01T08:00:00Z'];
    const d = decideEscalation(policy, queueCase(later));
    expect(d.workflows).toEqual([]);
    expect(reasonOf(d, 'recurring-breaches')?.facts).toMatchObject({ breachesInWindow: 3, breachesAfterNow: 1 });
    expect([d.nextCheckAt?.toISOString(), d.reasons.at(-1)?.facts.nextCheckStarting]).toEqual(['2026-12-01T08:00:00.000Z', ['recurring-breaches']]);
    expect(decideEscalation(policy, queueCase(later, '2026-12-01T08:00:00Z')).workflows).toHaveLength(2);
  });

  it('takes instants in any form and in any order; duplicates are separate breaches', () => {
    const mixed = [Date.parse(four[3] as string), new Date(four[0] as string), '2026-11-20T04:00:00-08:00', four[1] as string];
    expect(decideEscalation(policy, queueCase(mixed as never))).toEqual(decideEscalation(policy, queueCase(four)));
    expect(reasonOf(decideEscalation(policy, queueCase([now, now, now, now])), 'recurring-breaches')?.facts.breachesInWindow).toBe(4);
    expect(reasonOf(decideEscalation(policy, queueCase([])), 'recurring-breaches')?.facts).toMatchObject({ actual: 0, breachesCounted: [] });
  });

  it('keeps breachesInWindow (a count the caller took) working as before, with or without a window', () => {
    const count = { createdAt: '2026-11-29T00:00:00Z', now, breachesInWindow: 4 };
    const d = decideEscalation(policy, count);
    expect([d.workflows.length, reasonOf(d, 'recurring-breaches')?.facts]).toEqual([2, { tier: 'tier-1', firedAt: '2026-11-29T00:00:00.000Z', breachesInWindow: 4 }]);
    expect(d.nextCheckAt).toBeNull();
    expect(decideEscalation(defineEscalationPolicy(withoutWindow), count).workflows).toHaveLength(2);
  });
});

describe('a drop in the count and the tier a case has reached', () => {
  // A rule that raises the tier (no workflow, no deadline): only the target tier can change.
  const storm = defineEscalationPolicy({ ...spec, rules: [{ id: 'breach-storm', tier: 'tier-2', when: { breachesInWindow: { gt: 3 } } }] });

  it('reports the drop while the case is still below the tier the rule names: the target would fall back', () => {
    const d = decideEscalation(storm, queueCase(four));
    expect([d.escalate, d.targetTier, d.nextCheckAt?.toISOString()]).toEqual([true, 'tier-2', '2026-12-02T12:00:00.000Z']);
    expect(decideEscalation(storm, queueCase(four, '2026-12-02T12:00:00Z')).targetTier).toBe('tier-1');
  });

  it('does not report it once the case is in that tier: a case never goes down, so nothing would change', () => {
    const d = decideEscalation(storm, { ...queueCase(four), currentTier: 'tier-2', tierEnteredAt: '2026-11-29T12:00:00Z' });
    expect([d.escalate, d.targetTier, d.nextCheckAt]).toEqual([false, 'tier-2', null]);
  });

  it('does not promise a time trigger that the count will have dropped out of by then', () => {
    const stuck = defineEscalationPolicy({
      ...spec,
      rules: [{ id: 'stuck-and-breaching', tier: 'tier-2', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' }, breachesInWindow: { gt: 1 } } }],
    });
    // Two breaches now; the one of 2026-10-30T12:00Z leaves at 2026-11-29T12:00Z, before the 48 hours pass.
    const d = decideEscalation(stuck, { createdAt: '2026-11-28T00:00:00Z', now: '2026-11-29T00:00:00Z', breaches: ['2026-10-30T12:00:00Z', '2026-11-20T12:00:00Z'] });
    expect(reasonOf(d, 'stuck-and-breaching')?.facts).toMatchObject({ fields: ['unresolvedFor'], breachesInWindow: 2 });
    expect(d.nextCheckAt).toBeNull();
    // With a breach that stays, the rule fires just after the 48 hours.
    const stays = decideEscalation(stuck, { createdAt: '2026-11-28T00:00:00Z', now: '2026-11-29T00:00:00Z', breaches: ['2026-11-01T12:00:00Z', '2026-11-20T12:00:00Z'] });
    expect(stays.nextCheckAt?.toISOString()).toBe('2026-11-30T00:00:00.001Z');
  });
});

describe('nextCheckAt for time triggers: any change of tier, deadline or workflows', () => {
  it('reports a rule of the same tier whose deadline is earlier (it was ignored before 0.2.0)', () => {
    const p = defineEscalationPolicy({
      ...withoutWindow,
      rules: [
        { id: 'technical', tier: 'tier-2', when: { category: 'technical' }, acknowledgeWithin: { within: { hours: 8 }, calendar: 'clock' } },
        { id: 'unanswered-1h', tier: 'tier-2', when: { unresolvedFor: { within: { hours: 1 }, calendar: 'clock' } }, acknowledgeWithin: { within: { hours: 1 }, calendar: 'clock' } },
      ],
    });
    const created = Date.parse('2026-11-30T16:00:00Z');
    const d = decideEscalation(p, { category: 'technical', createdAt: created, now: created + HOUR / 2 });
    expect([d.deadlines.acknowledgeBy?.toISOString(), d.nextCheckAt?.toISOString()]).toEqual(['2026-12-01T00:00:00.000Z', '2026-11-30T17:00:00.001Z']);
    expect(decideEscalation(p, { category: 'technical', createdAt: created, now: created + HOUR + 1 }).deadlines.acknowledgeBy?.toISOString()).toBe('2026-11-30T18:00:00.000Z');
  });
});

describe('bad breach input is refused with a code and a path', () => {
  const base = { createdAt: '2026-11-29T00:00:00Z', now };

  it('refuses breaches for a policy without a breachWindow, saying what to add', () => {
    const p = defineEscalationPolicy(withoutWindow);
    expect(errorOf(() => decideEscalation(p, { ...base, breaches: four }))).toEqual(['UNKNOWN_IN_POLICY', 'breaches']);
    expect(() => decideEscalation(p, { ...base, breaches: four })).toThrow('add one to the policy (e.g. "breachWindow": { "days": 30 })');
  });

  it('refuses breaches beside breachesInWindow: two counts that could disagree', () => {
    expect(errorOf(() => decideEscalation(policy, { ...base, breaches: four, breachesInWindow: 4 }))).toEqual(['CONFLICTING_FIELDS', 'breachesInWindow']);
  });

  it('refuses a breach that is not an instant at its index, and a list that is not a list', () => {
    expect(errorOf(() => decideEscalation(policy, { ...base, breaches: [four[0], '2026-11-10'] } as never))).toEqual(['INSTANT_WITHOUT_OFFSET', 'breaches.1']);
    expect(errorOf(() => decideEscalation(policy, { ...base, breaches: '2026-11-10T00:00:00Z' } as never))).toEqual(['INVALID_TYPE', 'breaches']);
    expect(errorOf(() => decideEscalation(policy, { ...base, breaches: [null] } as never))).toEqual(['INVALID_INSTANT', 'breaches.0']);
  });

  it('refuses a bad window at definition', () => {
    const broken = (breachWindow: unknown) => errorOf(() => defineEscalationPolicy({ ...spec, breachWindow } as never));
    expect(broken({ days: 0 })).toEqual(['OUT_OF_BOUNDS', 'breachWindow.days']);
    expect(broken({ days: 3651 })).toEqual(['OUT_OF_BOUNDS', 'breachWindow.days']);
    expect(broken({ days: 1.5 })[1]).toBe('breachWindow.days');
    expect(() => defineEscalationPolicy({ ...spec, breachWindow: { hours: 720 } } as never)).toThrow(SupportRulesError);
    try {
      defineEscalationPolicy({ ...spec, breachWindow: { hours: 720 } } as never);
    } catch (error) {
      expect((error as SupportRulesError).issues.map((i) => [i.code, i.path.join('.')]).sort()).toEqual([
        ['REQUIRED', 'breachWindow.days'],
        ['UNKNOWN_KEY', 'breachWindow.hours'],
      ]);
    }
    expect(broken(30)).toEqual(['INVALID_TYPE', 'breachWindow']);
  });
});

describe('laws of the breach count', () => {
  const NOW = Date.parse(now);
  const offsets = fc.array(fc.integer({ min: -45 * DAY, max: 10 * DAY }), { maxLength: 12 });
  const countOf = (d: EscalationDecision) => reasonOf(d, 'recurring-breaches')?.facts.breachesInWindow;

  it('counts what breachesByGroup counts with the same window', () => {
    fc.assert(
      fc.property(offsets, (list) => {
        const breaches = list.map((o) => NOW + o);
        const byGroup = breachesByGroup(
          breaches.map((at) => ({ group: 'queue', status: 'breached' as const, deadline: at })),
          { now: NOW, window: spec.breachWindow as { days: number } },
        );
        expect(countOf(decideEscalation(policy, { createdAt: NOW - DAY, now: NOW, breaches }))).toBe(byGroup[0]?.breaches ?? 0);
      }),
    );
  });

  it('does not depend on the order of the breaches', () => {
    fc.assert(
      fc.property(offsets, fc.nat(), (list, seed) => {
        const breaches = list.map((o) => NOW + o);
        const shuffled = [...breaches].sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        expect(decideEscalation(policy, { createdAt: NOW - DAY, now: NOW, breaches: shuffled })).toEqual(decideEscalation(policy, { createdAt: NOW - DAY, now: NOW, breaches }));
      }),
    );
  });

  it('more breaches never lower the tier', () => {
    const p = defineEscalationPolicy({
      ...spec,
      rules: [
        { id: 'some', tier: 'tier-2', when: { breachesInWindow: { gte: 2 } } },
        { id: 'many', tier: 'tier-3', when: { breachesInWindow: { gt: 4 } } },
      ],
    });
    fc.assert(
      fc.property(offsets, offsets, (a, b) => {
        const tier = (list: number[]) => spec.tiers.indexOf(decideEscalation(p, { createdAt: NOW - DAY, now: NOW, breaches: list.map((o) => NOW + o) }).targetTier);
        expect(tier(a)).toBeLessThanOrEqual(tier([...a, ...b]));
      }),
    );
  });

  // The effect of a decision: what acting on it depends on.
  const effectOf = (d: EscalationDecision) => JSON.stringify([d.targetTier, d.deadlines, d.workflows]);
  const mixed = defineEscalationPolicy({
    ...spec,
    rules: [
      ...spec.rules,
      { id: 'quiet-queue', tier: 'tier-1', when: { breachesInWindow: { lte: 1 } }, workflows: [{ id: 'praise', within: { within: { hours: 24 }, calendar: 'clock' } }] },
      { id: 'storm', tier: 'tier-2', when: { breachesInWindow: { gt: 5 } }, reachWithin: { within: { hours: 2 }, calendar: 'clock' } },
      { id: 'stuck', tier: 'tier-3', when: { breachesInWindow: { gt: 2 }, unresolvedFor: { within: { hours: 72 }, calendar: 'clock' } } },
      { id: 'late', tier: 'tier-2', when: { unresolvedFor: { within: { businessDays: 2 }, calendar: 'core' } }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'core' } },
    ],
  });

  it('nextCheckAt is exact: the effect is the same until just before it, and differs at it', () => {
    fc.assert(
      fc.property(offsets, fc.integer({ min: 0, max: 5 * DAY }), fc.constantFrom('tier-1', 'tier-2', 'tier-3'), fc.double({ min: 0, max: 1, noNaN: true }), (list, age, currentTier, where) => {
        const breaches = list.map((o) => NOW + o);
        const facts = { createdAt: NOW - age, currentTier, breaches };
        const at = (t: number) => decideEscalation(mixed, { ...facts, now: t });
        const d = at(NOW);
        const next = d.nextCheckAt?.getTime();
        if (next === undefined) {
          const later = NOW + 1 + Math.floor(where * 60 * DAY);
          expect(effectOf(at(later)), `no check promised, yet ${iso(later)} differs`).toBe(effectOf(d));
          return;
        }
        expect(next).toBeGreaterThan(NOW);
        expect(effectOf(at(next)), `nothing changes at ${iso(next)}`).not.toBe(effectOf(d));
        expect(effectOf(at(next - 1))).toBe(effectOf(d));
        const between = NOW + Math.floor(where * (next - NOW));
        if (between < next) expect(effectOf(at(between))).toBe(effectOf(d));
      }),
      { numRuns: 300 },
    );
  });
});

describe('regressions', () => {
  it('reports every problem of a case in one pass, field problems first', () => {
    try {
      decideEscalation(policy, { createdAt: '2026-11-29T00:00:00Z', now, breaches: ['x'], failedVisits: -1 } as never);
      expect.unreachable();
    } catch (error) {
      expect((error as SupportRulesError).issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['INVALID_INSTANT', 'breaches.0'],
        ['INVALID_FACT', 'failedVisits'],
      ]);
    }
  });
});
