import { expect, it } from 'vitest';
import { approvalFor, decideCompensation, defineApprovalLadder, defineCompensationPolicy } from '../../src/compensation/index.js';
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

// The examples of approvalFor and defineApprovalLadder (doc comments and docs/compensation.md).
it('answers the documented approval questions', () => {
  const ladder = defineApprovalLadder({
    currency: 'USD',
    steps: [{ level: 'auto', limit: '50.00', comparison: '<', kinds: ['refund'] }, { level: 'agent', limit: '500.00' }, { level: 'senior-manager' }],
  });
  expect(ladder.steps.length).toBe(3);
  expect(approvalFor(ladder, { amount: '40.00', kind: 'refund' }).level).toBe('auto');
  expect(approvalFor(ladder, { amount: '40.00', kind: 'credit' }).level).toBe('agent');
  expect(approvalFor(ladder, { amount: '50.00', kind: 'refund' }).level).toBe('agent');
  const big = approvalFor(ladder, { amount: '500.01' });
  expect(big.reasons.map((r) => r.code)).toEqual(['APPROVAL_STEP_NOT_FOR_KIND', 'APPROVAL_STEP_EXCEEDED', 'APPROVAL_REQUIRED']);
  expect(big.reasons.map((r) => r.message)).toEqual([
    'auto approves only refund, and no kind of offer was given.',
    'agent approves up to 500.00 USD; 500.01 is over it.',
    '500.01 USD needs senior-manager approval (senior-manager approves with no limit).',
  ]);
});
