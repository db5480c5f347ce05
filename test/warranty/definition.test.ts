import { describe, expect, it } from 'vitest';
import { WarrantyPolicyError, checkWarrantyClaim, defineWarrantyPolicy, type WarrantyPolicySpec } from '../../src/warranty/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// What definition refuses (code and path), and what a defined policy decides with the ship-date
// ranges, plan conditions and clocks it compiled. Every policy here is defined inside its test,
// where the definition runs.
const covers = { parts: true, labour: true, onSite: false, shipping: true };
// PelPro (seed 001): "a 36-month limited warranty on structural components for commercial units
// shipped after 2020"; "$49 (one-year extension for consumer units)".
const spec: WarrantyPolicySpec = {
  id: 'pelpro-warranty',
  timeZone: 'America/Chicago',
  categories: ['electronics', 'industrial-unit'],
  terms: [
    { id: 'structural-36', category: ['industrial-unit'], part: ['structural'], months: 36, from: 'ship', shippedFrom: '2021-01-01', covers },
    { id: 'standard-24', months: 24, from: 'purchase', covers },
  ],
  plans: [{ id: 'electronics-1y', price: '49.00', currency: 'USD', months: 12, category: ['electronics'], buyWithinDays: 30, stacking: 'after-base' }],
};
const frame = { category: 'industrial-unit', part: 'structural', purchasedAt: '2024-03-01T12:00:00-06:00', claimedAt: '2026-11-20T12:00:00-06:00' };
const issuesOf = (patch: Partial<WarrantyPolicySpec>) => {
  const error = thrownError(() => defineWarrantyPolicy({ ...spec, ...patch }));
  expect(error).toBeInstanceOf(WarrantyPolicyError);
  return error.issues.map((issue) => [issue.code, issue.path.join('.')]);
};

describe('a warranty policy is refused at the field that is wrong', () => {
  it('refuses a ship date that is not a calendar date', () => {
    expect(issuesOf({ terms: [{ ...spec.terms[0]!, shippedFrom: '2021-02-30' }, spec.terms[1]!] })).toEqual([['INVALID_VALUE', 'terms.0.shippedFrom']]);
  });

  it('refuses an empty ship-date range: shippedBefore equal to shippedFrom', () => {
    expect(issuesOf({ terms: [{ ...spec.terms[0]!, shippedBefore: '2021-01-01' }, spec.terms[1]!] })).toEqual([['INVALID_RANGE', 'terms.0.shippedBefore']]);
    // One day later it is a range of one day.
    expect(defineWarrantyPolicy({ ...spec, terms: [{ ...spec.terms[0]!, shippedBefore: '2021-01-02' }, spec.terms[1]!] }).id).toBe('pelpro-warranty');
  });

  it('refuses an evidence rule id used twice, at the second one', () => {
    const evidence = [
      { id: 'receipt', requires: ['proofOfPurchase' as const] },
      { id: 'receipt', requires: ['serialNumber' as const] },
    ];
    expect(issuesOf({ evidence })).toEqual([['DUPLICATE_ID', 'evidence.1.id']]);
  });

  it('names the remedy that names an unknown category', () => {
    expect(issuesOf({ remedies: [{ id: 'toys', remedy: 'refund', category: ['toys'] }] })).toEqual([['UNKNOWN_CATEGORY', 'remedies.0.category.0']]);
  });
});

describe('what a defined policy decides with what it compiled', () => {
  it('a term shipped from a date covers a unit shipped that local day, and not one shipped the day before', () => {
    const policy = defineWarrantyPolicy(spec);
    const termOf = (shippedAt: string) => checkWarrantyClaim(policy, { ...frame, shippedAt }).coverage?.term;
    expect(termOf('2021-01-01T00:00:00-06:00')).toBe('structural-36');
    expect(termOf('2020-12-31T23:59:00-06:00')).toBe('standard-24');
  });

  it('a NO_WARRANTY_TERM reason names the local day the unit shipped', () => {
    const policy = defineWarrantyPolicy({ ...spec, terms: [spec.terms[0]!] });
    const decision = checkWarrantyClaim(policy, { ...frame, shippedAt: '2020-12-31T23:59:00-06:00' });
    expect(decision.outcome).toBe('not-covered');
    expect(decision.reasons[0]).toMatchObject({ code: 'NO_WARRANTY_TERM', facts: { category: 'industrial-unit', part: 'structural', shippedOn: '2020-12-31' } });
  });

  it('a plan for one category is not applied to another, and says which fact it failed', () => {
    const policy = defineWarrantyPolicy(spec);
    const plans = [{ plan: 'electronics-1y', boughtAt: '2024-03-05T12:00:00-06:00' }];
    const unit = checkWarrantyClaim(policy, { ...frame, part: undefined, plans });
    expect(unit.coverage?.plans).toEqual([]);
    expect(unit.reasons.find((r) => r.code === 'PLAN_NOT_VALID')).toMatchObject({ rule: 'electronics-1y', facts: { fits: false, field: 'category', actual: 'industrial-unit' } });
    const router = checkWarrantyClaim(policy, { ...frame, category: 'electronics', part: undefined, plans });
    expect([router.coverage?.plans, router.coverage?.lastDay]).toEqual([['electronics-1y'], '2027-02-28']);
  });

  it('knows no plan when it lists none, and refuses a claim naming one', () => {
    const policy = defineWarrantyPolicy({ ...spec, plans: undefined });
    expect(policy.vocabulary.plan).toEqual([]);
    expect(errorOf(() => checkWarrantyClaim(policy, { ...frame, plans: [{ plan: 'electronics-1y', boughtAt: frame.purchasedAt }] }))).toEqual(['UNKNOWN_IN_POLICY', 'plans.0.plan']);
  });

  it('counts deadlines around the clock when the policy has no business calendar', () => {
    const policy = defineWarrantyPolicy({ ...spec, rmaWithin: { hours: 24 } });
    // Friday 20 November 12:00 CST plus 24 hours, the weekend and the night included.
    const decision = checkWarrantyClaim(policy, { ...frame, category: 'electronics', part: undefined, purchasedAt: '2026-03-01T12:00:00-06:00' });
    expect(decision.deadlines.rmaBy).toEqual(new Date('2026-11-21T18:00:00Z'));
  });

  it('refuses a policy that defineWarrantyPolicy did not make', () => {
    const copy = { ...defineWarrantyPolicy(spec) };
    expect(() => checkWarrantyClaim(copy, frame)).toThrow(WarrantyPolicyError);
    expect(errorOf(() => checkWarrantyClaim(copy, frame))).toEqual(['INVALID_WARRANTY_POLICY', '']);
  });
});
