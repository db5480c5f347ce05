import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, type EscalationDecision, type EscalationPolicySpec } from '../../src/escalation/index.js';
import { presets } from '../../src/presets/index.js';

// A rule on a count taken from the case's `breaches` fires when the count's current run started —
// at the breach that made the count hold — never at the case's creation when the breach came
// later, and never before the creation. Its firedAt, its reason, its deadlines and its workflows
// all count from there.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const firedAt = (d: EscalationDecision, rule: string) => d.fired.find((f) => f.rule === rule)?.firedAt.toISOString();
const reasonOf = (d: EscalationDecision, rule: string) => d.reasons.find((r) => r.rule === rule);
const dueOf = (d: EscalationDecision, workflow: string) => d.workflows.filter((w) => w.id === workflow).map((w) => w.dueBy?.toISOString() ?? null);

describe('Tru Fit: "For recurring breaches (>3 times in 30 days) create a remediation ticket for the queue owner"', () => {
  const trufit = presets.trufit.escalation!;
  // Thursdays and such in Los Angeles (PST after 2026-11-01); the queue's case was opened before them.
  const breaches = ['2026-11-05T10:00:00-08:00', '2026-11-10T10:00:00-08:00', '2026-11-15T10:00:00-08:00', '2026-11-19T10:00:00-08:00'];
  const queue = (now: string, list: readonly string[] = breaches) => decideEscalation(trufit, { createdAt: '2026-11-01T10:00:00-08:00', now, breaches: list });

  it('fires at the 4th breach (Thu 2026-11-19 10:00 PST) and dues the ticket 1 business day on "core" after it', () => {
    const d = queue('2026-11-20T12:00:00-08:00');
    expect(firedAt(d, 'recurring-breaches')).toBe('2026-11-19T18:00:00.000Z');
    // "core" is open 07:00–22:00 every day: one business day later is Fri 2026-11-20 10:00 PST.
    expect(dueOf(d, 'remediation-ticket')).toEqual(['2026-11-20T18:00:00.000Z']);
    expect(reasonOf(d, 'recurring-breaches')?.facts).toMatchObject({ firedAt: '2026-11-19T18:00:00.000Z', countHoldsSince: '2026-11-19T18:00:00.000Z', breachesInWindow: 4 });
    expect(reasonOf(d, 'recurring-breaches')?.message).toContain('the count has held since 2026-11-19T18:00:00.000Z');
    // "root-cause analysis within 48 hours": that rule holds from the first breach on.
    expect(firedAt(d, 'breach-root-cause')).toBe('2026-11-05T18:00:00.000Z');
    expect(dueOf(d, 'root-cause-analysis')).toEqual(['2026-11-07T18:00:00.000Z', '2026-11-12T18:00:00.000Z', '2026-11-17T18:00:00.000Z', '2026-11-21T18:00:00.000Z']);
  });

  it('is not open a millisecond before the 4th breach, and is due from it at that very instant', () => {
    const before = queue('2026-11-19T09:59:59.999-08:00');
    expect([firedAt(before, 'recurring-breaches'), dueOf(before, 'remediation-ticket')]).toEqual([undefined, []]);
    // Told in advance: the 4th breach is the next check, and deciding then gives the same due date.
    expect(before.nextCheckAt?.toISOString()).toBe('2026-11-19T18:00:00.000Z');
    const at = queue('2026-11-19T10:00:00-08:00');
    expect([firedAt(at, 'recurring-breaches'), dueOf(at, 'remediation-ticket')]).toEqual(['2026-11-19T18:00:00.000Z', ['2026-11-20T18:00:00.000Z']]);
  });

  it('keeps firing from the creation when the count already held then (the breaches came first)', () => {
    const d = decideEscalation(trufit, { createdAt: '2026-11-20T09:00:00-08:00', now: '2026-11-20T12:00:00-08:00', breaches });
    expect([firedAt(d, 'recurring-breaches'), dueOf(d, 'remediation-ticket')]).toEqual(['2026-11-20T17:00:00.000Z', ['2026-11-21T17:00:00.000Z']]);
    expect(reasonOf(d, 'recurring-breaches')?.facts.countHoldsSince).toBe('2026-11-19T18:00:00.000Z');
  });

  it('names the breach in the case, in whatever order the case lists them', () => {
    const shuffled = [breaches[3], breaches[0], breaches[2], breaches[1]] as string[];
    const d = queue('2026-11-20T12:00:00-08:00', shuffled);
    expect([firedAt(d, 'recurring-breaches'), dueOf(d, 'remediation-ticket')]).toEqual(['2026-11-19T18:00:00.000Z', ['2026-11-20T18:00:00.000Z']]);
  });
});

describe('PelPro: "credits … for SLA breaches exceeding agreed thresholds over a rolling 30-day window"', () => {
  const pelpro = presets.pelpro.escalation!;
  const queue = (breaches: string[], now: string) => decideEscalation(pelpro, { createdAt: '2026-11-01T10:00:00-06:00', now, breaches });

  it('dues the service-credit review 5 business days on "desk" after the first breach, not after the creation', () => {
    // First breach Thu 2026-11-05 10:00 CST: Fri, Mon, Tue, Wed, Thu → Thu 2026-11-12 10:00 CST.
    const d = queue(['2026-11-05T10:00:00-06:00', '2026-11-10T10:00:00-06:00', '2026-11-15T10:00:00-06:00', '2026-11-19T10:00:00-06:00'], '2026-11-20T12:00:00-06:00');
    expect([firedAt(d, 'repeated-breaches'), dueOf(d, 'service-credit-review')]).toEqual(['2026-11-05T16:00:00.000Z', ['2026-11-12T16:00:00.000Z']]);
  });

  it('skips the desk holiday: a first breach on Fri 2026-11-20 is reviewed by Mon 2026-11-30', () => {
    // Mon 23, Tue 24, Wed 25, (Thanksgiving 26 closed), Fri 27, Mon 30.
    const d = queue(['2026-11-20T10:00:00-06:00'], '2026-11-21T12:00:00-06:00');
    expect(dueOf(d, 'service-credit-review')).toEqual(['2026-11-30T16:00:00.000Z']);
  });

  it('starts again at the next breach once the count has fallen to none', () => {
    // The breach of 11-02 leaves the window on 12-02 (none counted); a new one on 12-10 fires it again.
    const d = queue(['2026-11-02T10:00:00-06:00', '2026-12-10T09:00:00-06:00'], '2026-12-11T12:00:00-06:00');
    expect([firedAt(d, 'repeated-breaches'), dueOf(d, 'service-credit-review')]).toEqual(['2026-12-10T15:00:00.000Z', ['2026-12-17T15:00:00.000Z']]);
  });
});

// A band (2 or 3 breaches) starts holding both when a breach arrives and when one leaves the window.
const band: EscalationPolicySpec = {
  id: 'band',
  currency: 'USD',
  calendars: { clock: { timeZone: 'America/Chicago', alwaysOpen: true } },
  tiers: ['tier-1', 'tier-2'],
  breachWindow: { days: 10 },
  rules: [
    { id: 'watch', tier: 'tier-1', when: { breachesInWindow: { gte: 2, lte: 3 } }, workflows: [{ id: 'watch-report', within: { within: { hours: 24 }, calendar: 'clock' } }] },
    { id: 'slow-and-breaching', tier: 'tier-2', when: { breachesInWindow: { gte: 1 }, unresolvedFor: { within: { hours: 72 }, calendar: 'clock' } }, reachWithin: { within: { hours: 1 }, calendar: 'clock' } },
  ],
};
const bandPolicy = defineEscalationPolicy(band);
const T0 = Date.parse('2026-11-02T00:00:00Z');

describe('when the count starts to hold', () => {
  it('a band starts holding again when a breach leaves the window (at breach + window)', () => {
    // Four breaches on days 0–3: 2 → holds on day 1, 4 → stops on day 3; the day-0 breach leaves
    // on day 10 (3 counted) and the band holds again from there.
    const breaches = [0, 1, 2, 3].map((day) => T0 + day * DAY);
    const d = decideEscalation(bandPolicy, { createdAt: T0 - DAY, now: T0 + 10 * DAY + HOUR, breaches });
    expect(firedAt(d, 'watch')).toBe(iso(T0 + 10 * DAY));
    expect(dueOf(d, 'watch-report')).toEqual([iso(T0 + 11 * DAY)]);
    const stopped = decideEscalation(bandPolicy, { createdAt: T0 - DAY, now: T0 + 10 * DAY - 1, breaches });
    expect(firedAt(stopped, 'watch')).toBeUndefined();
  });

  it('with a time trigger too, fires at the later of the two', () => {
    const created = T0;
    // Unresolved for 72 h from T0; the first breach on day 5: fires at the breach.
    const late = decideEscalation(bandPolicy, { createdAt: created, now: T0 + 6 * DAY, breaches: [T0 + 5 * DAY] });
    expect([firedAt(late, 'slow-and-breaching'), late.deadlines.reachBy?.toISOString()]).toEqual([iso(T0 + 5 * DAY), iso(T0 + 5 * DAY + HOUR)]);
    // The first breach on day 1: fires when the 72 hours have passed.
    const early = decideEscalation(bandPolicy, { createdAt: created, now: T0 + 6 * DAY, breaches: [T0 + DAY] });
    expect([firedAt(early, 'slow-and-breaching'), early.deadlines.reachBy?.toISOString()]).toEqual([iso(T0 + 3 * DAY), iso(T0 + 3 * DAY + HOUR)]);
  });
});

describe('laws of when a count rule fires', () => {
  const NOW = Date.parse('2026-12-31T00:00:00Z');
  const WINDOW = 10 * DAY;
  const offsets = fc.array(fc.integer({ min: -40 * DAY, max: 5 * DAY }), { maxLength: 10 });
  const countAt = (breaches: readonly number[], t: number) => breaches.filter((b) => b > t - WINDOW && b <= t).length;
  const spec = (gte: number, lte: number): EscalationPolicySpec => ({
    ...band,
    rules: [{ id: 'count', tier: 'tier-1', when: { breachesInWindow: { gte, lte } }, workflows: [{ id: 'report', within: { within: { hours: 24 }, calendar: 'clock' } }] }],
  });

  it('firedAt is never before the breach that completes the count, nor the creation, nor after now; the count holds from it to now', () => {
    fc.assert(
      fc.property(offsets, fc.integer({ min: 0, max: 50 * DAY }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), (list, age, gte, extra) => {
        const breaches = list.map((o) => NOW + o);
        const createdAt = NOW - age;
        const d = decideEscalation(defineEscalationPolicy(spec(gte, gte + extra)), { createdAt, now: NOW, breaches });
        const fired = d.fired[0]?.firedAt.getTime();
        const holds = (t: number) => countAt(breaches, t) >= gte && countAt(breaches, t) <= gte + extra;
        expect(fired !== undefined, 'fires exactly when the count holds at now').toBe(holds(NOW));
        if (fired === undefined) return;
        const sorted = [...breaches].sort((a, b) => a - b);
        // The gte-th breach is the earliest instant the count can reach gte.
        expect(fired).toBeGreaterThanOrEqual(Math.max(createdAt, sorted[gte - 1] as number));
        expect(fired).toBeLessThanOrEqual(NOW);
        // The count holds at every instant it changes between firedAt and now, and just before
        // firedAt it did not (unless the rule fired at the creation).
        const changes = sorted.flatMap((b) => [b, b + WINDOW]).filter((c) => c >= fired && c <= NOW);
        for (const c of [fired, ...changes]) expect(holds(c), `count fails at ${iso(c)}`).toBe(true);
        if (fired > createdAt) expect(holds(fired - 1)).toBe(false);
        // The workflow is due 24 hours after it, on the always-open clock.
        expect(d.workflows[0]?.dueBy?.getTime()).toBe(fired + DAY);
      }),
      { numRuns: 400 },
    );
  });

  it('nextCheckAt stays exact when the case was created before its breaches', () => {
    const effectOf = (d: EscalationDecision) => JSON.stringify([d.targetTier, d.deadlines, d.workflows]);
    fc.assert(
      fc.property(offsets, fc.integer({ min: 0, max: 50 * DAY }), fc.integer({ min: 1, max: 3 }), (list, age, gte) => {
        const p = defineEscalationPolicy({ ...band, rules: [spec(gte, gte + 1).rules[0]!, band.rules[1]!] });
        const facts = { createdAt: NOW - age, breaches: list.map((o) => NOW + o) };
        const at = (t: number) => decideEscalation(p, { ...facts, now: t });
        const d = at(NOW);
        const next = d.nextCheckAt?.getTime();
        if (next === undefined) return;
        expect(effectOf(at(next - 1))).toBe(effectOf(d));
        expect(effectOf(at(next))).not.toBe(effectOf(d));
      }),
      { numRuns: 300 },
    );
  });
});
