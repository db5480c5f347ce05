import { describe, expect, it } from 'vitest';
import { presets } from '../../src/presets/index.js';
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

// checkWarrantyClaim's second @example and docs/warranty.md "Claims waiting for evidence" and
// "Segments", on the PelPro preset they name.
describe('claims waiting for evidence, as documented', () => {
  const pelpro = presets.pelpro.warranty!;
  const claim = { category: 'electronics', segment: 'consumer', evidence: ['proofOfPurchase'], purchasedAt: '2026-01-10T12:00:00-06:00', claimedAt: '2026-11-25T15:00:00-06:00' } as const;

  it('waits for the serial number: no deadline, the spans that follow', () => {
    const waiting = checkWarrantyClaim(pelpro, claim);
    expect(waiting.outcome).toBe('needs-evidence');
    expect(waiting.deadlines).toEqual({ rmaBy: null, processedBy: null, countedFrom: null });
    expect(waiting.awaiting?.evidence).toEqual(['serialNumber']);
    expect(waiting.awaiting?.then.rmaWithin?.text).toBe('24 business hours');
    expect(waiting.awaiting).toEqual({
      evidence: ['serialNumber'],
      rules: ['validation'],
      then: {
        remedy: { id: 'depot', remedy: 'depot-repair', within: { within: { businessDays: 12 }, text: '12 business days' } },
        rmaWithin: { within: { hours: 24 }, text: '24 business hours' },
        processedWithin: null,
      },
    });
    expect(waiting.reasons.at(-1)?.message).toBe(
      'Waiting for evidence: serialNumber. The claim is within coverage (covered through 2028-01-09); once the evidence is complete it is accepted: RMA number within 24 business hours of the evidence and depot-repair within 12 business days of the evidence.',
    );
  });

  it('counts the deadlines from the evidence once it is complete', () => {
    const validated = checkWarrantyClaim(pelpro, { ...claim, evidence: ['proofOfPurchase', 'serialNumber'], evidenceCompletedAt: '2026-11-27T10:00:00-06:00' });
    expect(validated.outcome).toBe('covered');
    expect(validated.deadlines.countedFrom?.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(validated.deadlines.rmaBy?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(validated.remedy?.dueBy?.toISOString()).toBe('2026-12-15T16:00:00.000Z');
    const fromClaim = checkWarrantyClaim(pelpro, { ...claim, evidence: ['proofOfPurchase', 'serialNumber'] });
    expect(fromClaim.deadlines.rmaBy?.toISOString()).toBe('2026-11-30T21:00:00.000Z');
  });

  it('needs a segment on PelPro, naming the rules', () => {
    expect(() => checkWarrantyClaim(pelpro, { category: 'industrial-unit', part: 'structural', purchasedAt: claim.purchasedAt, claimedAt: claim.claimedAt })).toThrow(
      '"segment" is required: consumer or commercial; this policy\'s term "structural-36", plan "consumer-1y", plan "commercial-3y" and remedy "on-site" depend on it.',
    );
  });
});
