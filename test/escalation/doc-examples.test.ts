import { expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy } from '../../src/escalation/index.js';
import { InvalidArgumentError } from '../../src/errors/index.js';

// The examples in docs/escalation.md and the doc comments of the escalation module.
it('decides the documented case', () => {
  const policy = defineEscalationPolicy({
    id: 'primos',
    currency: 'USD',
    calendars: { clock: { timeZone: 'America/New_York', alwaysOpen: true } },
    tiers: ['tier-1', 'tier-2', 'tier-3'],
    rules: [{ id: 'technical', tier: 'tier-2', when: { category: ['technical'] }, reachWithin: { within: { hours: 2 }, calendar: 'clock' } }],
  });
  expect(policy.id).toBe('primos');
  expect(policy.vocabulary.category).toEqual(['technical']);
  const decision = decideEscalation(policy, { category: 'technical', createdAt: new Date('2026-11-25T14:00:00Z'), now: new Date('2026-11-25T14:30:00Z') });
  expect([decision.targetTier, decision.deadlines.reachBy?.toISOString()]).toEqual(['tier-2', '2026-11-25T16:00:00.000Z']);
  for (const [category, suggestion] of [
    ['tech', 'technical'],
    ['legal', undefined],
  ] as const) {
    try {
      decideEscalation(policy, { category, createdAt: '2026-11-25T14:00:00Z', now: '2026-11-25T14:30:00Z' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const e = error as InvalidArgumentError;
      expect([e.code, e.path, e.issues[0]?.suggestion]).toEqual(['UNKNOWN_CATEGORY', ['category'], suggestion]);
    }
  }
});
