import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, SupportRulesError } from '../../src/errors/index.js';
import { WarrantyPolicyError, checkWarrantyClaim, defineWarrantyPolicy, type WarrantyPolicySpec } from '../../src/warranty/index.js';
import { errorOf } from '../helpers/errors.js';
import { checkMalformedRequests, invalidValue, nearMiss, thrown, unknownKey } from '../helpers/malformed.js';

// Claims are parsed, not trusted: what a plain-JavaScript or JSON caller gets wrong is a typed
// error naming the caller's own field, never a quiet "covered".
const covers = { parts: true, labour: true, onSite: false, shipping: true };
const spec: WarrantyPolicySpec = {
  id: 'pelpro-warranty',
  timeZone: 'America/Chicago',
  categories: ['electronics', 'industrial-unit'],
  terms: [
    { id: 'structural-36', category: 'industrial-unit', segment: 'commercial', part: 'structural', months: 36, from: 'ship', shippedFrom: '2021-01-01', covers: { ...covers, onSite: true } },
    { id: 'electronics-24', months: 24, from: 'purchase', covers },
  ],
  plans: [
    { id: 'consumer-1y', price: '49.00', currency: 'USD', months: 12, segment: ['consumer'], buyWithinDays: 30, stacking: 'after-base' },
    { id: 'commercial-3y', price: '199.00', currency: 'USD', months: 36, segment: ['commercial'], buyWithinDays: 30, stacking: 'after-base' },
  ],
  evidence: [{ id: 'validation', requires: ['proofOfPurchase', 'serialNumber'] }],
  remedies: [
    { id: 'express', remedy: 'express-replacement', inStock: true, within: { hours: 48 } },
    { id: 'on-site', remedy: 'on-site-repair', segment: ['commercial'], within: { hours: 72 }, clock: 'around-the-clock' },
    { id: 'depot', remedy: 'depot-repair', within: { businessDays: 12 } },
  ],
  calendar: { timeZone: 'America/Chicago', hours: { mon: ['07:00-19:00'], tue: ['07:00-19:00'], wed: ['07:00-19:00'], thu: ['07:00-19:00'], fri: ['07:00-19:00'] } },
  rmaWithin: { hours: 24 },
  retention: [{ id: 'claim-evidence', what: ['photos', 'serialNumber', 'rma'], months: 18 }],
  vocabulary: { part: ['structural', 'screen'] },
};
const policy = defineWarrantyPolicy(spec);
const claim = {
  category: 'electronics',
  segment: 'consumer',
  evidence: ['proofOfPurchase', 'serialNumber'],
  purchasedAt: '2024-06-10T12:00:00-05:00',
  claimedAt: '2026-11-20T12:00:00-06:00',
  plans: [{ plan: 'consumer-1y', boughtAt: '2024-06-20T12:00:00-05:00' }],
};
// A JSON or plain-JavaScript caller: no TypeScript to stop them.
const decide = (input: unknown) => checkWarrantyClaim(policy, input as Parameters<typeof checkWarrantyClaim>[1]);
const errorAt = (fn: () => unknown): InvalidArgumentError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
};

describe('warranty claims from JSON and plain JavaScript', () => {
  it('decides the documented claim: the $49 plan carries coverage past the base term', () => {
    const decision = decide(claim);
    expect([decision.outcome, decision.coverage?.lastDay, decision.coverage?.plans]).toEqual(['covered', '2027-06-09', ['consumer-1y']]);
  });

  it('refuses a plan without boughtAt instead of deciding on NaN', () => {
    const error = errorAt(() => decide({ ...claim, plans: [{ plan: 'consumer-1y' }] }));
    expect([error.code, error.path]).toEqual(['REQUIRED', ['plans', 0, 'boughtAt']]);
  });

  it('names a plan date by its own path: ["plans", 0, "boughtAt"], not "plans[0].boughtAt"', () => {
    const bad = errorAt(() => decide({ ...claim, plans: [{ plan: 'consumer-1y', boughtAt: 'soon' }] }));
    expect([bad.code, bad.path]).toEqual(['INVALID_INSTANT', ['plans', 0, 'boughtAt']]);
    const after = errorAt(() => decide({ ...claim, plans: [{ plan: 'consumer-1y', boughtAt: '2026-12-01T12:00:00-06:00' }] }));
    expect([after.code, after.path]).toEqual(['DATE_AFTER_REQUEST', ['plans', 0, 'boughtAt']]);
    expect(after.message).toContain('"plans[0].boughtAt"');
  });

  it('refuses a year-275000 claim and an instant without an offset', () => {
    expect(errorOf(() => decide({ ...claim, claimedAt: new Date(Date.UTC(275000, 0, 1)) }))).toEqual(['INSTANT_OUT_OF_RANGE', 'claimedAt']);
    expect(errorOf(() => decide({ ...claim, purchasedAt: '2024-06-10T12:00:00' }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'purchasedAt']);
    expect(errorOf(() => decide({ ...claim, purchasedAt: '2024-06-10' }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'purchasedAt']);
  });

  it('refuses dates after the claim, every one at its own path', () => {
    const error = errorAt(() =>
      decide({ ...claim, deliveredAt: '2026-12-01T12:00:00-06:00', shippedAt: '2026-12-01T12:00:00-06:00', plans: [{ plan: 'consumer-1y', boughtAt: '2026-12-02T12:00:00-06:00' }] }),
    );
    expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['DATE_AFTER_REQUEST', 'deliveredAt'],
      ['DATE_AFTER_REQUEST', 'shippedAt'],
      ['DATE_AFTER_REQUEST', 'plans.0.boughtAt'],
    ]);
  });

  it('keeps a plan bought before the purchase a business outcome (PLAN_NOT_VALID), not an error', () => {
    const decision = decide({ ...claim, plans: [{ plan: 'consumer-1y', boughtAt: '2024-06-01T12:00:00-05:00' }] });
    expect(decision.outcome).toBe('not-covered');
    expect(decision.reasons.find((r) => r.code === 'PLAN_NOT_VALID')).toMatchObject({ rule: 'consumer-1y', facts: { fits: true, daysAfterPurchase: -9 } });
  });

  it('explains a plan not offered to the customer with the shared { field, expected, actual }', () => {
    const decision = decide({ ...claim, plans: [{ plan: 'commercial-3y', boughtAt: claim.purchasedAt }] });
    expect(decision.reasons.find((r) => r.code === 'PLAN_NOT_VALID')?.facts).toEqual({ fits: false, daysAfterPurchase: 0, buyWithinDays: 30, field: 'segment', expected: 'commercial', actual: 'consumer' });
  });

  it('refuses a plan listed twice', () => {
    expect(errorOf(() => decide({ ...claim, plans: [claim.plans[0], claim.plans[0]] }))).toEqual(['DUPLICATE_VALUE', 'plans.1.plan']);
  });

  it.each([
    ['category', 'Electronics', 'UNKNOWN_CATEGORY', 'electronics'],
    ['segment', 'Consumer', 'UNKNOWN_IN_POLICY', 'consumer'],
    ['part', 'structual', 'UNKNOWN_IN_POLICY', 'structural'],
  ])('refuses %s %j with a did-you-mean', (field, value, code, suggestion) => {
    const error = errorAt(() => decide({ ...claim, [field]: value }));
    expect([error.code, error.path, error.issues[0]?.suggestion]).toEqual([code, [field], suggestion]);
  });

  it('refuses an unknown plan or evidence kind, listing the allowed values', () => {
    const plan = errorAt(() => decide({ ...claim, plans: [{ plan: 'consumer-1yr', boughtAt: claim.purchasedAt }] }));
    expect([plan.code, plan.path, plan.issues[0]?.allowed, plan.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['plans', 0, 'plan'], ['consumer-1y', 'commercial-3y'], 'consumer-1y']);
    const evidence = errorAt(() => decide({ ...claim, evidence: ['proofOfPurchase', 'serial-number'] }));
    expect([evidence.code, evidence.path, evidence.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['evidence', 1], 'serialNumber']);
  });

  it('refuses null, wrong types and typo keys instead of ignoring them', () => {
    expect(errorOf(() => decide({ ...claim, segment: null }))).toEqual(['INVALID_TYPE', 'segment']);
    expect(errorOf(() => decide({ ...claim, inStock: 'yes' }))).toEqual(['INVALID_TYPE', 'inStock']);
    expect(errorOf(() => decide({ ...claim, plans: 'consumer-1y' }))).toEqual(['INVALID_TYPE', 'plans']);
    expect(errorOf(() => decide({ ...claim, evidences: ['photos'] }))).toEqual(['UNKNOWN_KEY', 'evidences']);
    expect(() => decide({ ...claim, evidences: ['photos'] })).toThrow('did you mean "evidence"?');
    expect(errorOf(() => decide({ ...claim, plans: [{ ...claim.plans[0], boughtOn: claim.purchasedAt }] }))).toEqual(['UNKNOWN_KEY', 'plans.0.boughtOn']);
  });

  it('needs the purchase date and the claim date', () => {
    const error = errorAt(() => decide({ ...claim, purchasedAt: undefined, claimedAt: undefined }));
    expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['REQUIRED', 'purchasedAt'],
      ['REQUIRED', 'claimedAt'],
    ]);
  });

  it('lists every problem of a claim at once', () => {
    const error = errorAt(() => decide({ ...claim, category: 'toys', segment: 'business', plans: [{}], flags: [] }));
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['category', 'segment', 'plans.0.plan', 'plans.0.boughtAt', 'flags']);
  });

  it('takes a Date, epoch milliseconds or an ISO string alike, and returns Dates', () => {
    const iso = decide({ ...claim, inStock: true });
    const dates = decide({ ...claim, inStock: true, purchasedAt: new Date(claim.purchasedAt), claimedAt: Date.parse(claim.claimedAt), plans: [{ plan: 'consumer-1y', boughtAt: new Date(claim.plans[0]!.boughtAt) }] });
    expect(dates).toEqual(iso);
    expect(iso.coverage?.endsAt).toBeInstanceOf(Date);
    expect(iso.remedy?.dueBy).toBeInstanceOf(Date);
  });

  it('states its vocabularies: parts declared, model lines derived from the terms (none here)', () => {
    expect(policy.vocabulary).toEqual({
      category: ['electronics', 'industrial-unit'],
      segment: ['consumer', 'commercial'],
      part: ['structural', 'screen'],
      modelLine: [],
      evidence: ['proofOfPurchase', 'serialNumber', 'photos'],
      plan: ['consumer-1y', 'commercial-3y'],
    });
    expect(errorOf(() => decide({ ...claim, modelLine: 'basic' }))).toEqual(['UNKNOWN_IN_POLICY', 'modelLine']);
    expect(() => decide({ ...claim, modelLine: 'basic' })).toThrow('which knows no model lines');
  });

  it('derives parts from the terms when none are declared', () => {
    const derived = defineWarrantyPolicy({ ...spec, vocabulary: undefined });
    expect(derived.vocabulary.part).toEqual(['structural']);
    expect(errorOf(() => checkWarrantyClaim(derived, { ...claim, part: 'screen' } as never))).toEqual(['UNKNOWN_IN_POLICY', 'part']);
  });
});

describe('which term applies: the shared condition language, parts as before', () => {
  const commercial = { ...claim, category: 'industrial-unit', segment: 'commercial', plans: [], purchasedAt: '2024-03-01T12:00:00Z', shippedAt: '2024-02-20T12:00:00Z' };

  it('gives a part-only term only to claims naming that part; others get the first product-wide term', () => {
    expect(decide({ ...commercial, part: 'structural' }).coverage?.term).toBe('structural-36');
    expect(decide(commercial).coverage?.term).toBe('electronics-24');
    // A declared part no term lists is covered by the product-wide term.
    expect(decide({ ...commercial, part: 'screen' }).coverage?.term).toBe('electronics-24');
  });

  it('does not fire a term whose ship-date range excludes the unit, or when the ship date is unknown', () => {
    expect(decide({ ...commercial, part: 'structural', shippedAt: '2020-12-31T23:00:00-06:00' }).coverage?.term).toBe('electronics-24');
    expect(decide({ ...commercial, part: 'structural', shippedAt: '2021-01-01T00:00:00-06:00' }).coverage?.term).toBe('structural-36');
    expect(decide({ ...commercial, shippedAt: undefined, part: 'structural' }).coverage?.term).toBe('electronics-24');
  });

  it('matches { not }, { present } and single values', () => {
    const forms = defineWarrantyPolicy({
      ...spec,
      terms: [
        { id: 'no-part', part: { present: false }, segment: 'consumer', months: 24, from: 'purchase', covers },
        { id: 'not-structural', part: { not: 'structural' }, months: 12, from: 'purchase', covers },
        { id: 'rest', months: 6, from: 'purchase', covers },
      ],
    });
    const term = (extra: object) => checkWarrantyClaim(forms, { ...claim, plans: [], ...extra } as never).coverage?.term;
    expect(term({})).toBe('no-part');
    expect(term({ part: 'screen' })).toBe('not-structural');
    expect(term({ part: 'structural' })).toBe('rest');
    expect(term({ segment: 'commercial' })).toBe('not-structural');
  });

  it('answers NO_WARRANTY_TERM (a result, not an error) for a category no term covers, with the facts it used', () => {
    const narrow = defineWarrantyPolicy({ ...spec, terms: [{ id: 'electronics-24', category: 'electronics', months: 24, from: 'purchase', covers }] });
    const decision = checkWarrantyClaim(narrow, { ...claim, category: 'industrial-unit', plans: [] } as never);
    expect(decision.outcome).toBe('not-covered');
    expect(decision.reasons[0]).toMatchObject({ code: 'NO_WARRANTY_TERM', facts: { category: 'industrial-unit', segment: 'consumer', part: null, modelLine: null, shippedOn: null } });
  });

  it('routes remedies through the same conditions (inStock left out is false)', () => {
    expect(decide({ ...claim, inStock: true }).remedy?.id).toBe('express');
    expect(decide(claim).remedy?.id).toBe('depot');
    expect(decide({ ...claim, inStock: false, segment: 'commercial', plans: [], purchasedAt: '2025-06-10T12:00:00-05:00' }).remedy?.id).toBe('on-site');
  });
});

describe('a warranty policy that definition accepts decides every valid claim', () => {
  const broken = (patch: Partial<WarrantyPolicySpec>) => errorOf(() => defineWarrantyPolicy({ ...spec, ...patch } as WarrantyPolicySpec));
  const term = spec.terms[1]!;
  const plan = spec.plans![0]!;

  it('refuses duplicate ids across terms, plans, evidence, remedies and retention', () => {
    expect(broken({ plans: [{ ...plan, id: 'electronics-24' }] })).toEqual(['DUPLICATE_ID', 'plans.0.id']);
    // The later use is refused: remedies come after evidence.
    expect(broken({ evidence: [{ id: 'depot', requires: ['photos'] }] })).toEqual(['DUPLICATE_ID', 'remedies.2.id']);
    expect(broken({ retention: [{ id: 'express', what: ['photos'], months: 18 }] })).toEqual(['DUPLICATE_ID', 'retention.0.id']);
    expect(broken({ terms: [term, term] })).toEqual(['DUPLICATE_ID', 'terms.1.id']);
    expect(broken({ categories: ['electronics', 'electronics'] })).toEqual(['DUPLICATE_VALUE', 'categories.1']);
  });

  it('bounds months and days', () => {
    expect(broken({ terms: [{ ...term, months: 1201 }] })).toEqual(['OUT_OF_BOUNDS', 'terms.0.months']);
    expect(() => defineWarrantyPolicy({ ...spec, terms: [{ ...term, months: 1e9 }] })).toThrow('at most 1200');
    expect(broken({ plans: [{ ...plan, months: 1201 }] })).toEqual(['OUT_OF_BOUNDS', 'plans.0.months']);
    expect(broken({ plans: [{ ...plan, buyWithinDays: 3651 }] })).toEqual(['OUT_OF_BOUNDS', 'plans.0.buyWithinDays']);
    expect(broken({ retention: [{ id: 'r', what: ['photos'], months: 1201 }] })).toEqual(['OUT_OF_BOUNDS', 'retention.0.months']);
  });

  it('refuses a plan price that does not fit its currency', () => {
    expect(broken({ plans: [{ ...plan, price: '49.005' }] })).toEqual(['TOO_PRECISE', 'plans.0.price']);
    expect(broken({ plans: [{ ...plan, price: '4900.5', currency: 'JPY' }] })).toEqual(['TOO_PRECISE', 'plans.0.price']);
    expect(broken({ plans: [{ ...plan, currency: 'usd' }] })).toEqual(['UNKNOWN_CURRENCY', 'plans.0.currency']);
  });

  it('refuses values outside the declared parts and model lines, and the fixed segments', () => {
    expect(broken({ terms: [{ ...term, part: ['frame'] }] })).toEqual(['UNKNOWN_IN_POLICY', 'terms.0.part.0']);
    expect(broken({ vocabulary: { modelLine: ['basic'] }, terms: [{ ...term, modelLine: 'premium' }] })).toEqual(['UNKNOWN_IN_POLICY', 'terms.0.modelLine']);
    expect(broken({ terms: [{ ...term, segment: ['business'] }] })).toEqual(['UNKNOWN_IN_POLICY', 'terms.0.segment.0']);
    expect(broken({ vocabulary: { part: ['screen', 'screen'] } })).toEqual(['DUPLICATE_VALUE', 'vocabulary.part.1']);
  });

  it('refuses categories the policy does not list, in terms, plans, evidence and remedies, with a did-you-mean', () => {
    expect(broken({ terms: [{ ...term, category: { not: 'electronic' } }] })).toEqual(['UNKNOWN_CATEGORY', 'terms.0.category.not']);
    expect(broken({ plans: [{ ...plan, category: ['electronic'] }] })).toEqual(['UNKNOWN_CATEGORY', 'plans.0.category.0']);
    expect(broken({ evidence: [{ id: 'e', requires: ['photos'], category: 'toys' }] })).toEqual(['UNKNOWN_CATEGORY', 'evidence.0.category']);
    expect(() => defineWarrantyPolicy({ ...spec, remedies: [{ id: 'r', remedy: 'refund', category: ['electronic'] }] })).toThrow('did you mean "electronics"?');
  });

  it('refuses an empty ship-date range', () => {
    expect(broken({ terms: [{ ...term, shippedFrom: '2022-01-01', shippedBefore: '2021-01-01' }] })).toEqual(['INVALID_RANGE', 'terms.0.shippedBefore']);
  });

  it('does not require a term for every category and segment: an uncovered claim is "not covered"', () => {
    expect(() => defineWarrantyPolicy({ ...spec, terms: [{ ...term, category: 'electronics', segment: 'consumer' }] })).not.toThrow();
  });

  it('throws a WarrantyPolicyError listing every problem', () => {
    try {
      defineWarrantyPolicy({ ...spec, timeZone: 'Mars/Base', terms: [{ ...term, months: 0 }], plans: [{ ...plan, price: '1.001' }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WarrantyPolicyError);
      expect((error as WarrantyPolicyError).issues.map((issue) => issue.path.join('.')).sort()).toEqual(['plans.0.price', 'terms.0.months', 'timeZone']);
    }
  });
});

describe('first-match terms and remedies: a rule an earlier one covers is refused', () => {
  const unreachable = (patch: Partial<WarrantyPolicySpec>) => errorOf(() => defineWarrantyPolicy({ ...spec, ...patch } as WarrantyPolicySpec));
  const term = spec.terms[1]!;

  it('finds a term behind a broader one, not only behind a catch-all', () => {
    expect(
      unreachable({
        terms: [
          { id: 'all-products', category: ['electronics', 'industrial-unit'], months: 24, from: 'purchase', covers },
          { id: 'structural', category: 'electronics', part: 'structural', months: 36, from: 'purchase', covers },
        ],
      }),
    ).toEqual(['UNREACHABLE_RULE', 'terms.1']);
    expect(
      unreachable({
        terms: [
          { id: 'any-part', part: { present: true }, months: 24, from: 'purchase', covers },
          { id: 'structural', part: 'structural', segment: 'commercial', months: 36, from: 'purchase', covers },
          { id: 'rest', months: 12, from: 'purchase', covers },
        ],
      }),
    ).toEqual(['UNREACHABLE_RULE', 'terms.1']);
    expect(
      unreachable({
        terms: [
          { id: 'not-structural', part: { not: ['structural'] }, months: 24, from: 'purchase', covers },
          { id: 'screen', part: 'screen', months: 36, from: 'purchase', covers },
        ],
      }),
    ).toEqual(['UNREACHABLE_RULE', 'terms.1']);
  });

  it('compares ship-date ranges: shipped from 2022 is inside shipped from 2021', () => {
    const from2021 = { id: 'from-2021', shippedFrom: '2021-01-01', months: 36, from: 'ship' as const, covers };
    const from2022 = { id: 'from-2022', segment: 'commercial', shippedFrom: '2022-01-01', shippedBefore: '2025-01-01', months: 48, from: 'ship' as const, covers };
    expect(unreachable({ terms: [from2021, from2022, term] })).toEqual(['UNREACHABLE_RULE', 'terms.1']);
    expect(() => defineWarrantyPolicy({ ...spec, terms: [from2022, from2021, term] })).not.toThrow();
  });

  it('keeps terms that only overlap', () => {
    expect(() =>
      defineWarrantyPolicy({
        ...spec,
        terms: [
          { id: 'commercial', segment: 'commercial', months: 36, from: 'purchase', covers },
          { id: 'electronics', category: 'electronics', months: 24, from: 'purchase', covers },
        ],
      }),
    ).not.toThrow();
  });

  it('finds a remedy behind a broader one', () => {
    expect(
      unreachable({
        remedies: [
          { id: 'commercial', remedy: 'on-site-repair', segment: 'commercial' },
          { id: 'commercial-express', remedy: 'express-replacement', segment: 'commercial', inStock: true },
        ],
      }),
    ).toEqual(['UNREACHABLE_RULE', 'remedies.1']);
    expect(unreachable({ remedies: [{ id: 'any', remedy: 'replacement' }, { id: 'express', remedy: 'express-replacement', inStock: true }] })).toEqual(['UNREACHABLE_RULE', 'remedies.1']);
    expect(() => defineWarrantyPolicy({ ...spec, remedies: [{ id: 'express', remedy: 'express-replacement', inStock: true }, { id: 'any', remedy: 'replacement' }] })).not.toThrow();
  });
});

describe('laws: malformed claims are refused at their own path', () => {
  const valid = fc.record(
    {
      category: fc.constantFrom('electronics', 'industrial-unit'),
      segment: fc.constantFrom('consumer', 'commercial'),
      part: fc.constantFrom('structural', 'screen'),
      evidence: fc.subarray(['proofOfPurchase', 'serialNumber', 'photos']),
      purchasedAt: fc.constantFrom(claim.purchasedAt, Date.parse(claim.purchasedAt), new Date(claim.purchasedAt)),
      claimedAt: fc.constantFrom(claim.claimedAt, Date.parse(claim.claimedAt)),
      plans: fc.constantFrom([], claim.plans, [{ plan: 'commercial-3y', boughtAt: claim.purchasedAt }]),
      inStock: fc.boolean(),
    },
    { requiredKeys: ['category', 'segment', 'purchasedAt', 'claimedAt'] },
  );

  it('law: a broken field is refused at its own path, an unknown key is refused, junk is never decided', () => {
    checkMalformedRequests({
      valid,
      decide,
      fields: {
        category: { kind: 'term', values: spec.categories },
        segment: { kind: 'term', values: ['consumer', 'commercial'] },
        part: { kind: 'term', values: ['structural', 'screen'] },
        modelLine: { kind: 'term', values: [] },
        purchasedAt: { kind: 'instant' },
        deliveredAt: { kind: 'instant' },
        shippedAt: { kind: 'instant' },
        claimedAt: { kind: 'instant' },
        evidenceCompletedAt: { kind: 'instant' },
        evidence: { kind: 'terms', values: ['proofOfPurchase', 'serialNumber', 'photos'] },
        inStock: { kind: 'boolean' },
      },
    });
  });

  const at = claim.plans[0]!.boughtAt;
  const badPlans = fc.oneof(
    fc.constantFrom(null, 'consumer-1y', 42, true, {}, { plan: 'consumer-1y', boughtAt: at }),
    fc.constantFrom([{ plan: 'nope', boughtAt: at }], [{}], [{ plan: 'consumer-1y' }], [{ boughtAt: at }], [null], ['consumer-1y'], [[]]),
    nearMiss(['consumer-1y', 'commercial-3y']).map((plan) => [{ plan, boughtAt: at }]),
    invalidValue({ kind: 'term', values: ['consumer-1y', 'commercial-3y'] }).map((plan) => [{ plan, boughtAt: at }]),
    invalidValue({ kind: 'instant' }).map((boughtAt) => [{ plan: 'consumer-1y', boughtAt }]),
    unknownKey(['plan', 'boughtAt']).map((key) => [{ plan: 'consumer-1y', boughtAt: at, [key]: 1 }]),
    fc.constant([{ plan: 'consumer-1y', boughtAt: '2027-01-01T00:00:00Z' }]),
    fc.constant([claim.plans[0], claim.plans[0]]),
  );

  it('law: a broken plans list is refused under "plans"; random JSON there gives a decision or a typed error', () => {
    fc.assert(
      fc.property(valid, badPlans, (request, plans) => {
        const error = thrown(() => decide({ ...request, plans }));
        expect(error, `${fc.stringify(plans)} was decided`).toBeDefined();
        expect(error?.issues.some((issue) => issue.path[0] === 'plans'), JSON.stringify(error?.issues.map((i) => i.path))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(valid, fc.jsonValue(), (request, plans) => {
        const error = thrown(() => decide({ ...request, plans }));
        if (error) expect(error).toBeInstanceOf(SupportRulesError);
        if (error) expect(error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('law: a valid policy decides every in-range claim (or says a deadline would pass 2200)', () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) - 1 });
    fc.assert(
      fc.property(
        fc.record({ category: fc.constantFrom('electronics', 'industrial-unit'), segment: fc.constantFrom('consumer', 'commercial'), part: fc.constantFrom(undefined, 'structural', 'screen'), inStock: fc.boolean() }),
        fc.array(instant, { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        (facts, times, withPlans) => {
          const [purchasedAt, shippedAt, boughtA, boughtB, claimedAt] = [...times].sort((a, b) => a - b) as [number, number, number, number, number];
          const plans = withPlans ? [{ plan: 'consumer-1y', boughtAt: boughtA }, { plan: 'commercial-3y', boughtAt: boughtB }] : [];
          const error = thrown(() => decide({ ...facts, evidence: ['photos'], purchasedAt, shippedAt, claimedAt, plans }));
          if (error) expect(error.code).toBe('RESULT_OUT_OF_RANGE');
          // At the claim's own field: its deadlines count from claimedAt; a coverage end from the plans.
          if (error) expect(['claimedAt', 'plans']).toContain(error.path[0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
