import { expect, it } from 'vitest';
import { decideCompensation, defineCompensationPolicy } from '../../src/compensation/index.js';
import { InvalidArgumentError } from '../../src/errors/index.js';

// The examples in docs/compensation.md and the doc comments of the compensation module.
it('decides the documented incident', () => {
  const policy = defineCompensationPolicy({
    id: 'primos',
    currency: 'USD',
    calendar: { timeZone: 'America/New_York', alwaysOpen: true },
    rules: [{ id: 'damaged', incident: 'damaged-item', when: { verified: true }, choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }] }],
    approval: [{ level: 'agent', limit: '1000.00' }, { level: 'team-lead' }],
  });
  expect(policy.id).toBe('primos');
  expect(policy.vocabulary.incident).toEqual(['damaged-item']);
  const decision = decideCompensation(policy, { type: 'damaged-item', verified: true, orderValue: '129.99' });
  expect([decision.choose.map((o) => o.type), decision.maxValue.amount, decision.approval?.level]).toEqual([['refund', 'replacement'], '139.99', 'agent']);
  expect(() => decideCompensation(policy, { type: 'damaged', orderValue: '129.99' })).toThrow(InvalidArgumentError);
  expect(() => decideCompensation(policy, { type: 'damaged', orderValue: '129.99' })).toThrow('did you mean "damaged-item"?');
});
