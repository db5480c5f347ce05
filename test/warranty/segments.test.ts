import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { checkWarrantyClaim, defineWarrantyPolicy, type WarrantyClaim, type WarrantyPolicySpec } from '../../src/warranty/index.js';
import { errorOf } from '../helpers/errors.js';

const covers = { parts: true, labour: true, onSite: false, shipping: true };
const thrownBy = (fn: () => unknown): InvalidArgumentError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
};

// Tru Fit (seed 004): "warranty claims covered for 12 months" — for every customer, so the policy
// names no segment and a claim need not give one.
const trufit = defineWarrantyPolicy({
  id: 'trufit-warranty',
  timeZone: 'America/Los_Angeles',
  categories: ['equipment', 'apparel', 'accessories'],
  terms: [{ id: 'standard-12', months: 12, from: 'purchase', covers }],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  remedies: [{ id: 'repair', remedy: 'depot-repair' }],
  claimProcessedWithin: { days: 14 },
});
const treadmill = { category: 'equipment', evidence: ['proofOfPurchase'], purchasedAt: '2025-11-25T10:00:00-08:00', claimedAt: '2026-11-24T10:00:00-08:00' } as const satisfies WarrantyClaim;

// PelPro (seed 001): "a 36-month limited warranty on structural components for commercial units
// shipped after 2020"; "$49 (one-year extension for consumer units) to $199 (three-year extension
// for commercial units)"; "24–72 hours for on-site service where SLAs apply".
const pelproSpec: WarrantyPolicySpec = {
  id: 'pelpro-warranty',
  timeZone: 'America/Chicago',
  categories: ['electronics', 'industrial-unit'],
  terms: [
    { id: 'structural-36', category: ['industrial-unit'], segment: ['commercial'], part: ['structural'], months: 36, from: 'ship', shippedFrom: '2021-01-01', covers: { ...covers, onSite: true } },
    { id: 'electronics-24', months: 24, from: 'purchase', covers },
  ],
  plans: [
    { id: 'consumer-1y', price: '49.00', currency: 'USD', months: 12, segment: ['consumer'], buyWithinDays: 30, stacking: 'after-base' },
    { id: 'commercial-3y', price: '199.00', currency: 'USD', months: 36, segment: ['commercial'], buyWithinDays: 30, stacking: 'after-base' },
  ],
  remedies: [
    { id: 'on-site', remedy: 'on-site-repair', segment: ['commercial'], within: { hours: 72 }, clock: 'around-the-clock' },
    { id: 'depot', remedy: 'depot-repair', within: { businessDays: 12 } },
  ],
};
const pelpro = defineWarrantyPolicy(pelproSpec);
// A commercial unit's frame, shipped in February 2024 and claimed in November 2026.
const frame = {
  category: 'industrial-unit',
  segment: 'commercial',
  part: 'structural',
  purchasedAt: '2024-03-01T12:00:00-06:00',
  shippedAt: '2024-02-20T12:00:00-06:00',
  claimedAt: '2026-11-20T12:00:00-06:00',
} as const satisfies WarrantyClaim;
const termOf = (claim: WarrantyClaim) => checkWarrantyClaim(pelpro, claim).coverage?.term;

describe('segment is optional where the policy names no segment', () => {
  it('decides a Tru Fit claim without a segment', () => {
    const decision = checkWarrantyClaim(trufit, treadmill);
    expect([decision.outcome, decision.coverage?.lastDay, decision.deadlines.processedBy]).toEqual(['covered', '2026-11-24', new Date('2026-12-08T18:00:00Z')]);
  });

  it('law: leaving the segment out decides as either segment does', () => {
    fc.assert(
      fc.property(fc.constantFrom('consumer' as const, 'commercial' as const), fc.integer({ min: 0, max: 800 }), fc.subarray(['proofOfPurchase', 'serialNumber'] as const), (segment, days, evidence) => {
        const claim = { ...treadmill, evidence, claimedAt: Date.parse(treadmill.purchasedAt) + days * 86_400_000 };
        expect(checkWarrantyClaim(trufit, claim)).toEqual(checkWarrantyClaim(trufit, { ...claim, segment }));
      }),
      { numRuns: 100 },
    );
  });

  it('still refuses a segment outside the fixed two', () => {
    expect(errorOf(() => checkWarrantyClaim(trufit, { ...treadmill, segment: 'business' } as never))).toEqual(['UNKNOWN_IN_POLICY', 'segment']);
  });

  it('reports NO_WARRANTY_TERM with segment null when the claim gives none', () => {
    const narrow = defineWarrantyPolicy({ id: 'w', timeZone: 'UTC', categories: ['equipment', 'apparel'], terms: [{ id: 'equipment-12', category: 'equipment', months: 12, from: 'purchase', covers }] });
    expect(checkWarrantyClaim(narrow, { ...treadmill, category: 'apparel' }).reasons[0]?.facts).toMatchObject({ category: 'apparel', segment: null });
  });

  it('keeps a { present } test meaningful: a policy that only asks whether a segment is given needs none', () => {
    const present = defineWarrantyPolicy({
      id: 'w',
      timeZone: 'UTC',
      categories: ['equipment'],
      terms: [
        { id: 'registered', segment: { present: true }, months: 24, from: 'purchase', covers },
        { id: 'anonymous', months: 12, from: 'purchase', covers },
      ],
    });
    expect(checkWarrantyClaim(present, treadmill).coverage?.term).toBe('anonymous');
    expect(checkWarrantyClaim(present, { ...treadmill, segment: 'consumer' }).coverage?.term).toBe('registered');
  });
});

describe('segment is required where the policy names one, and the error says which rules need it', () => {
  it('refuses a PelPro claim without a segment: REQUIRED at ["segment"], naming every rule that tests it', () => {
    const error = thrownBy(() => checkWarrantyClaim(pelpro, { ...frame, segment: undefined }));
    expect([error.code, error.path, error.issues.length]).toEqual(['REQUIRED', ['segment'], 1]);
    for (const rule of ['term "structural-36"', 'plan "consumer-1y"', 'plan "commercial-3y"', 'remedy "on-site"']) expect(error.message).toContain(rule);
    expect(error.message).toContain('depend on it');
    expect(error.message).not.toContain('electronics-24');
  });

  it('names a single rule in the singular', () => {
    const one = defineWarrantyPolicy({ ...pelproSpec, plans: [], remedies: [] });
    expect(() => checkWarrantyClaim(one, { ...frame, segment: undefined })).toThrow('this policy\'s term "structural-36" depends on it.');
  });

  it('needs it when only a { not } test names a segment', () => {
    const not = defineWarrantyPolicy({ ...pelproSpec, terms: [{ ...pelproSpec.terms[1]!, segment: { not: ['commercial'] } }], plans: [], remedies: [] });
    const claim = { category: 'electronics', purchasedAt: frame.purchasedAt, claimedAt: frame.claimedAt };
    expect(errorOf(() => checkWarrantyClaim(not, claim))).toEqual(['REQUIRED', 'segment']);
    expect(checkWarrantyClaim(not, { ...claim, segment: 'consumer' }).coverage?.term).toBe('electronics-24');
  });
});

describe('a term, plan or remedy for one segment, category, part or model line is not applied to another', () => {
  it('gives the commercial structural term to a commercial unit shipped in 2024 (the control)', () => {
    expect(termOf(frame)).toBe('structural-36');
  });

  it('does not give it to a consumer, another category, a claim about the whole product, or a unit shipped before 2021', () => {
    expect(termOf({ ...frame, segment: 'consumer' })).toBe('electronics-24');
    expect(termOf({ ...frame, category: 'electronics' })).toBe('electronics-24');
    expect(termOf({ ...frame, part: undefined })).toBe('electronics-24');
    // shippedFrom 2021-01-01 is the local date in Chicago: 23:59 on New Year's Eve is before it.
    expect(termOf({ ...frame, shippedAt: '2020-12-31T23:59:00-06:00' })).toBe('electronics-24');
    expect(termOf({ ...frame, shippedAt: '2021-01-01T00:00:00-06:00' })).toBe('structural-36');
  });

  it('ends a shippedBefore range the day before its date', () => {
    const older = defineWarrantyPolicy({ ...pelproSpec, terms: [{ ...pelproSpec.terms[0]!, id: 'structural-old', shippedFrom: undefined, shippedBefore: '2021-01-01' }, pelproSpec.terms[1]!] });
    const term = (shippedAt: string) => checkWarrantyClaim(older, { ...frame, shippedAt, purchasedAt: '2021-02-01T12:00:00-06:00' }).coverage?.term;
    expect(term('2020-12-31T23:59:00-06:00')).toBe('structural-old');
    expect(term('2021-01-01T00:00:00-06:00')).toBe('electronics-24');
  });

  it('gives each model line its own term, and a claim naming another line or none not that term', () => {
    const hvac = defineWarrantyPolicy({
      id: 'hvac',
      timeZone: 'America/Chicago',
      categories: ['hvac'],
      terms: [
        { id: 'hvac-basic', modelLine: 'basic', months: 24, from: 'purchase', covers },
        { id: 'hvac-premium', modelLine: 'premium', months: 60, from: 'purchase', covers },
      ],
    });
    const claim = { category: 'hvac', purchasedAt: '2024-05-01T12:00:00-05:00', claimedAt: '2026-11-20T12:00:00-06:00' };
    expect(checkWarrantyClaim(hvac, { ...claim, modelLine: 'basic' }).coverage?.term).toBe('hvac-basic');
    expect(checkWarrantyClaim(hvac, { ...claim, modelLine: 'premium' }).coverage).toMatchObject({ term: 'hvac-premium', lastDay: '2029-04-30' });
    expect(checkWarrantyClaim(hvac, claim).reasons[0]?.code).toBe('NO_WARRANTY_TERM');
  });

  it('does not extend a commercial unit with the consumer plan, and does with the commercial one', () => {
    const bought = { plan: 'consumer-1y', boughtAt: frame.purchasedAt };
    const wrong = checkWarrantyClaim(pelpro, { ...frame, plans: [bought] });
    expect([wrong.coverage?.plans, wrong.coverage?.lastDay]).toEqual([[], '2027-02-19']);
    expect(wrong.reasons.find((r) => r.code === 'PLAN_NOT_VALID')?.facts).toEqual({ fits: false, daysAfterPurchase: 0, buyWithinDays: 30, field: 'segment', expected: 'consumer', actual: 'commercial' });
    const right = checkWarrantyClaim(pelpro, { ...frame, plans: [{ ...bought, plan: 'commercial-3y' }] });
    expect([right.coverage?.plans, right.coverage?.lastDay]).toEqual([['commercial-3y'], '2030-02-19']);
  });

  it('sends only commercial claims on-site', () => {
    expect(checkWarrantyClaim(pelpro, frame).remedy?.remedy).toBe('on-site-repair');
    const consumer = checkWarrantyClaim(pelpro, { ...frame, category: 'electronics', segment: 'consumer', purchasedAt: '2025-06-01T12:00:00-05:00' });
    expect(consumer.remedy?.remedy).toBe('depot-repair');
  });
});

describe('plan stacking', () => {
  const stacked = (months: number) =>
    defineWarrantyPolicy({ ...pelproSpec, plans: [{ id: 'from-purchase', price: '99.00', currency: 'USD', months, buyWithinDays: 0, stacking: 'from-purchase' }], remedies: [] });
  const router = { category: 'electronics', segment: 'consumer', purchasedAt: '2025-03-02T12:00:00-06:00', claimedAt: '2026-11-20T12:00:00-06:00' } as const;

  it('runs a from-purchase plan from the base start: 36 months from 2025-03-02', () => {
    const decision = checkWarrantyClaim(stacked(36), { ...router, plans: [{ plan: 'from-purchase', boughtAt: router.purchasedAt }] });
    expect([decision.coverage?.plans, decision.coverage?.lastDay]).toEqual([['from-purchase'], '2028-03-01']);
    // After the base term it would end a year later: 2027-03-01 + 36 months.
    expect(decision.reasons.find((r) => r.code === 'PLAN_EXTENDS')?.facts).toMatchObject({ stacking: 'from-purchase', lastDay: '2028-03-01' });
  });

  it('never shortens coverage: a 12-month from-purchase plan leaves the 24-month term as it is', () => {
    const decision = checkWarrantyClaim(stacked(12), { ...router, plans: [{ plan: 'from-purchase', boughtAt: router.purchasedAt }] });
    expect(decision.coverage?.lastDay).toBe('2027-03-01');
  });

  it('refuses a plan bought one day after a buy-at-sale-only window (buyWithinDays 0)', () => {
    const decision = checkWarrantyClaim(stacked(36), { ...router, plans: [{ plan: 'from-purchase', boughtAt: '2025-03-03T12:00:00-06:00' }] });
    expect([decision.coverage?.plans, decision.reasons.find((r) => r.code === 'PLAN_NOT_VALID')?.facts]).toEqual([[], { fits: true, daysAfterPurchase: 1, buyWithinDays: 0 }]);
  });
});
