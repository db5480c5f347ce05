import { expect, it } from 'vitest';
import { checkWarrantyClaim, defineWarrantyPolicy } from '../../src/warranty/index.js';

// The examples in the doc comments of defineWarrantyPolicy and checkWarrantyClaim, and docs/warranty.md.
it('decides the documented claim', () => {
  const policy = defineWarrantyPolicy({
    id: 'pelpro',
    timeZone: 'America/Chicago',
    categories: ['electronics'],
    terms: [{ id: 'electronics-24', category: ['electronics'], months: 24, from: 'purchase', covers: { parts: true, labour: true, onSite: false, shipping: true } }],
  });
  expect(policy.id).toBe('pelpro');
  expect(policy.vocabulary.segment).toEqual(['consumer', 'commercial']);
  const decision = checkWarrantyClaim(policy, { category: 'electronics', segment: 'consumer', purchasedAt: new Date('2026-01-31T18:00:00Z'), claimedAt: '2028-01-30T12:00:00-06:00' });
  expect([decision.outcome, decision.coverage?.lastDay]).toEqual(['covered', '2028-01-30']);
  // docs/warranty.md: the same claim from JSON, with a typo.
  expect(() => checkWarrantyClaim(policy, { category: 'electronics', segment: 'Consumer', purchasedAt: '2026-01-31T12:00:00-06:00', claimedAt: '2028-01-30T12:00:00-06:00' } as never)).toThrow(
    'did you mean "consumer"?',
  );
});
