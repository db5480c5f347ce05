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
  const decision = checkWarrantyClaim(policy, { category: 'electronics', segment: 'consumer', purchasedAt: new Date('2026-01-31T18:00:00Z'), claimedAt: new Date('2028-01-30T18:00:00Z') });
  expect([decision.outcome, decision.coverage?.lastDay]).toEqual(['covered', '2028-01-30']);
});
