import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, type EscalationPolicySpec } from '../../src/escalation/index.js';
import { presets } from '../../src/presets/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// The supported range ends at 2200-01-01T00:00:00Z. A deadline of a rule that fired past it is
// refused at the case's field the deadline counts from; a time trigger past it has simply not
// passed, so its rule has not fired and decides nothing.

const END = Date.UTC(2200, 0, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('a trigger past 2200 never fires, and does not refuse the decision', () => {
  // Amare (003): "tickets with refunds >$200 or legal complaints escalate immediately to a senior manager".
  const amare = presets.amare.escalation!;

  it('decides a refund over $200 created at 2199-12-31 22:00Z: immediately, with unresolved-48h not fired', () => {
    const d = decideEscalation(amare, { createdAt: '2199-12-31T22:00:00Z', now: '2199-12-31T22:00:00Z', amount: '300.00' });
    expect([d.targetTier, d.deadlines.reachBy?.toISOString(), d.nextCheckAt]).toEqual(['senior-manager', '2199-12-31T22:00:00.000Z', null]);
    const waiting = d.reasons.find((r) => r.rule === 'unresolved-48h');
    expect(waiting?.code).toBe('ESCALATION_RULE_NOT_FIRED');
    expect(waiting?.facts).toMatchObject({ field: 'unresolvedFor', actual: '2199-12-31T22:00:00.000Z' });
    expect(String(waiting?.facts.expected)).toContain('after 2200-01-01T00:00:00Z');
  });

  it('still fires the 48-hour trigger when it passes inside the range, and promises no check past it', () => {
    // Created 2199-12-29 23:59:59.998Z: more than 48 hours have passed at the last instant in range.
    const created = END - 48 * HOUR - 2;
    const before = decideEscalation(amare, { createdAt: created, now: END - 2 });
    expect([before.targetTier, before.nextCheckAt?.getTime()]).toEqual(['agent', END - 1]);
    expect(decideEscalation(amare, { createdAt: created, now: END - 1 }).targetTier).toBe('team-lead');
    // A millisecond later, it would fire at 2200-01-01T00:00:00Z, which no decision can be taken as of.
    const never = decideEscalation(amare, { createdAt: created + 1, now: END - 1 });
    expect([never.targetTier, never.nextCheckAt]).toEqual(['agent', null]);
  });
});

describe('a deadline past 2200 is refused at the field it counts from', () => {
  const spec: EscalationPolicySpec = {
    id: 'desk',
    currency: 'USD',
    calendars: { clock: { timeZone: 'UTC', alwaysOpen: true } },
    tiers: ['tier-1', 'tier-2'],
    breachWindow: { days: 30 },
    rules: [
      { id: 'legal', tier: 'tier-2', when: { category: ['legal'] }, acknowledgeWithin: { within: { hours: 48 }, calendar: 'clock' } },
      { id: 'stuck', tier: 'tier-2', when: { inTierFor: { within: { hours: 1 }, calendar: 'clock' } }, reachWithin: { within: { hours: 48 }, calendar: 'clock' } },
      { id: 'breaching', tier: 'tier-1', when: { breachesInWindow: { gte: 2 } }, workflows: [{ id: 'review', within: { within: { hours: 48 }, calendar: 'clock' } }] },
      { id: 'each', tier: 'tier-1', when: { breachesInWindow: { gte: 1 } }, workflows: [{ id: 'analysis', each: 'breach', within: { within: { hours: 48 }, calendar: 'clock' } }] },
    ],
  };
  const policy = defineEscalationPolicy(spec);
  const late = '2199-12-30T12:00:00Z';

  it('a rule fired by a fact: at createdAt, with a message naming it and its instant', () => {
    const error = thrownError(() => decideEscalation(policy, { createdAt: late, now: late, category: 'legal' }));
    expect([error.code, error.path]).toEqual(['RESULT_OUT_OF_RANGE', ['createdAt']]);
    expect(error.message).toContain('acknowledgement deadline of "legal" (within 48 hours on calendar "clock"), counted from "createdAt" (2199-12-30T12:00:00.000Z)');
    // 48 hours from 2199-12-29 23:59:59.999Z is the last instant in range: decided.
    expect(decideEscalation(policy, { createdAt: END - 48 * HOUR - 1, now: END - 48 * HOUR - 1, category: 'legal' }).deadlines.acknowledgeBy?.getTime()).toBe(END - 1);
  });

  it('a rule fired by inTierFor: at tierEnteredAt', () => {
    const facts = { createdAt: '2199-12-01T00:00:00Z', tierEnteredAt: late, now: '2199-12-30T14:00:00Z' };
    expect(errorOf(() => decideEscalation(policy, facts))).toEqual(['RESULT_OUT_OF_RANGE', 'tierEnteredAt']);
    // Without tierEnteredAt the tier was entered at creation, which is where the deadline counts from.
    expect(errorOf(() => decideEscalation(policy, { createdAt: late, now: '2199-12-30T14:00:00Z' }))).toEqual(['RESULT_OUT_OF_RANGE', 'createdAt']);
  });

  it('names the reach deadline it refuses, with its span', () => {
    const error = thrownError(() => decideEscalation(policy, { createdAt: '2199-12-01T00:00:00Z', tierEnteredAt: late, now: '2199-12-30T14:00:00Z' }));
    expect(error.message).toContain('reach deadline of "stuck" (within 48 hours on calendar "clock"), counted from "tierEnteredAt"');
  });

  it('names a recurring workflow whose first due date it refuses, with its period', () => {
    const updates = defineEscalationPolicy({
      ...spec,
      rules: [{ id: 'legal', tier: 'tier-2', when: { category: ['legal'] }, workflows: [{ id: 'updates', every: { within: { hours: 48 }, calendar: 'clock' } }] }],
    });
    const error = thrownError(() => decideEscalation(updates, { createdAt: late, now: late, category: 'legal' }));
    expect([error.code, error.path]).toEqual(['RESULT_OUT_OF_RANGE', ['createdAt']]);
    expect(error.message).toContain('first due date of workflow "updates" of "legal" (every 48 hours on calendar "clock"), counted from "createdAt"');
  });

  it('counts from createdAt when another field gives the same instant: two triggers passing at once, a breach at the creation', () => {
    const both = defineEscalationPolicy({
      ...spec,
      rules: [
        {
          id: 'stuck-and-old',
          tier: 'tier-2',
          when: { unresolvedFor: { within: { hours: 1 }, calendar: 'clock' }, inTierFor: { within: { hours: 1 }, calendar: 'clock' } },
          reachWithin: { within: { hours: 48 }, calendar: 'clock' },
        },
      ],
    });
    expect(errorOf(() => decideEscalation(both, { createdAt: late, tierEnteredAt: late, now: '2199-12-30T14:00:00Z' }))).toEqual(['RESULT_OUT_OF_RANGE', 'createdAt']);
    const breaching = defineEscalationPolicy({ ...spec, rules: [spec.rules[2]!] });
    expect(errorOf(() => decideEscalation(breaching, { createdAt: late, now: late, breaches: ['2199-12-20T00:00:00Z', late] }))).toEqual(['RESULT_OUT_OF_RANGE', 'createdAt']);
  });

  it('announces the check at which a rule starts firing with a deadline past 2200, beside an earlier deadline of its tier', () => {
    const pair = defineEscalationPolicy({
      ...spec,
      rules: [
        { id: 'always', tier: 'tier-2', reachWithin: { within: { hours: 1 }, calendar: 'clock' } },
        { id: 'unresolved-1h', tier: 'tier-2', when: { unresolvedFor: { within: { hours: 1 }, calendar: 'clock' } }, reachWithin: { within: { hours: 48 }, calendar: 'clock' } },
      ],
    });
    const created = Date.parse(late);
    const d = decideEscalation(pair, { createdAt: created, now: created });
    expect([d.deadlines.reachBy?.getTime(), d.nextCheckAt?.getTime()]).toEqual([created + HOUR, created + HOUR + 1]);
    expect(d.reasons.at(-1)?.facts).toMatchObject({ nextCheckStarting: ['unresolved-1h'] });
    // Deciding then is refused: unresolved-1h is due 2200-01-01T13:00Z.
    expect(errorOf(() => decideEscalation(pair, { createdAt: created, now: created + HOUR + 1 }))).toEqual(['RESULT_OUT_OF_RANGE', 'createdAt']);
  });

  it('a workflow per breach: at that breach, by its index in the case', () => {
    const each = defineEscalationPolicy({ ...spec, rules: [spec.rules[3]!] });
    const breaches = ['2199-11-15T00:00:00Z', '2199-12-10T00:00:00Z', '2199-12-31T00:00:00Z'];
    const error = thrownError(() => decideEscalation(each, { createdAt: '2199-11-01T00:00:00Z', now: '2199-12-31T01:00:00Z', breaches }));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['RESULT_OUT_OF_RANGE', ['breaches', 2]]]);
    expect(error.message).toContain('due date of workflow "analysis" of "each" (within 48 hours on calendar "clock"), counted from "breaches[2]"');
  });

  it('a rule fired by a breach count: at the breach that made the count hold, by its index in the case', () => {
    const breaching = defineEscalationPolicy({ ...spec, rules: [spec.rules[2]!] });
    // Listed out of order: the second breach, the one that makes 2, is breaches[0].
    const two = ['2199-12-30T12:00:00Z', '2199-12-20T00:00:00Z'];
    const error = thrownError(() => decideEscalation(breaching, { createdAt: '2199-11-01T00:00:00Z', now: '2199-12-30T13:00:00Z', breaches: two }));
    expect([error.code, error.path]).toEqual(['RESULT_OUT_OF_RANGE', ['breaches', 0]]);
    expect(error.message).toContain('due date of workflow "review" of "breaching"');
    // With the second breach on 2199-12-25 the review is due 48 hours after it, in range: decided.
    const early = decideEscalation(breaching, { createdAt: '2199-11-01T00:00:00Z', now: '2199-12-30T13:00:00Z', breaches: ['2199-12-20T00:00:00Z', '2199-12-25T00:00:00Z'] });
    expect(early.workflows.map((w) => w.dueBy?.toISOString())).toEqual(['2199-12-27T00:00:00.000Z']);
  });

  it('regression: business days that end exactly at 2200-01-01T00:00Z are past the range, for a trigger and a deadline', () => {
    const whole = ['00:00-24:00'];
    const week = defineEscalationPolicy({
      id: 'week',
      currency: 'USD',
      calendars: { week: { timeZone: 'UTC', hours: { mon: whole, tue: whole, wed: whole, thu: whole, fri: whole } } },
      tiers: ['tier-1', 'tier-2'],
      rules: [
        { id: 'slow', tier: 'tier-2', when: { unresolvedFor: { within: { businessDays: 2 }, calendar: 'week' } } },
        { id: 'legal', tier: 'tier-2', when: { category: ['legal'] }, acknowledgeWithin: { within: { businessDays: 1 }, calendar: 'week' } },
      ],
    });
    // Mon 2199-12-30 + 2 business days is Wed 2200-01-01 00:00Z: never passes, nothing to check.
    const slow = decideEscalation(week, { createdAt: '2199-12-30T00:00:00Z', now: '2199-12-31T23:00:00Z' });
    expect([slow.targetTier, slow.nextCheckAt]).toEqual(['tier-1', null]);
    expect(errorOf(() => decideEscalation(week, { createdAt: '2199-12-31T00:00:00Z', now: '2199-12-31T00:00:00Z', category: 'legal' }))).toEqual(['RESULT_OUT_OF_RANGE', 'createdAt']);
  });

  it('law: a case in late 2199 is decided, or refused at createdAt only when a fired rule is due past 2200', () => {
    // Amare: only the product-quality workflow (24 hours) can be due later than the rule fired.
    const amare = presets.amare.escalation!;
    fc.assert(
      fc.property(
        fc.integer({ min: END - 5 * DAY, max: END - 1 }),
        fc.integer({ min: 0, max: 5 * DAY }),
        fc.constantFrom(undefined, 'legal-complaint', 'product-quality'),
        fc.constantFrom(undefined, '150.00', '200.01'),
        (created, age, category, amount) => {
          const now = Math.min(END - 1, created + age);
          const facts = { createdAt: created, now, ...(category ? { category } : {}), ...(amount ? { amount } : {}) };
          if (category === 'product-quality' && created + DAY >= END) {
            expect(errorOf(() => decideEscalation(amare, facts))).toEqual(['RESULT_OUT_OF_RANGE', 'createdAt']);
          } else {
            expect(decideEscalation(amare, facts).currentTier).toBe('agent');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
