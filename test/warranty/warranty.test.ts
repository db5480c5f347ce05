import fc from 'fast-check';
import { errorOf } from '../helpers/errors.js';
import { describe, expect, it } from 'vitest';
import { checkWarrantyClaim, defineWarrantyPolicy, type WarrantyPolicySpec } from '../../src/warranty/index.js';

const all = { parts: true, labour: true, onSite: false, shipping: true };
const weekday = ['07:00-19:00'];

// PelPro: "a 24-month limited warranty on electronics and a 36-month limited warranty on structural
// components for commercial units shipped after 2020"; "Warranty validation requires proof of
// purchase and serial number verification"; "typical prices range from $49 (one-year extension for
// consumer units) to $199 (three-year extension for commercial units)"; "issues an RMA number within
// 24 business hours"; "7–12 business days for depot repair and 24–72 hours for on-site service".
// Primos: "express replacement processing in 48 hours where stock permits"; "preserve photo
// evidence, serial numbers, and RMAs for 18 months".
const spec: WarrantyPolicySpec = {
  id: 'pelpro-warranty',
  timeZone: 'America/Chicago',
  categories: ['electronics', 'industrial-unit'],
  terms: [
    { id: 'structural-36-commercial', category: ['industrial-unit'], segment: ['commercial'], part: ['structural'], months: 36, from: 'ship', shippedFrom: '2021-01-01', covers: { ...all, onSite: true } },
    { id: 'electronics-24', months: 24, from: 'purchase', covers: all },
  ],
  plans: [
    { id: 'consumer-1y', price: '49.00', currency: 'USD', months: 12, segment: ['consumer'], buyWithinDays: 30, stacking: 'after-base' },
    { id: 'commercial-3y', price: '199.00', currency: 'USD', months: 36, segment: ['commercial'], buyWithinDays: 0, stacking: 'after-base' },
  ],
  evidence: [{ id: 'validation', requires: ['proofOfPurchase', 'serialNumber'] }],
  remedies: [
    { id: 'express', remedy: 'express-replacement', inStock: true, within: { hours: 48 } },
    { id: 'on-site', remedy: 'on-site-repair', segment: ['commercial'], within: { hours: 72 } },
    { id: 'depot', remedy: 'depot-repair', within: { businessDays: 12 } },
  ],
  calendar: { timeZone: 'America/Chicago', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: ['2026-11-26'] },
  rmaWithin: { hours: 24 },
  claimProcessedWithin: { days: 14 },
  retention: [{ id: 'claim-evidence', what: ['photos', 'serialNumber', 'rma'], months: 18 }],
};
const policy = defineWarrantyPolicy(spec);
const evidence = ['proofOfPurchase', 'serialNumber'] as const;

describe('coverage end dates in months, at month ends and leap days, in the policy zone', () => {
  it('covers a 24-month electronics warranty through the day before the anniversary', () => {
    // Bought 2026-01-31 23:30 in Chicago (05:30Z on 1 Feb): the local date is 31 January.
    const bought = new Date('2026-02-01T05:30:00Z');
    const last = checkWarrantyClaim(policy, { category: 'electronics', segment: 'consumer', evidence, purchasedAt: bought, claimedAt: new Date('2028-01-30T12:00:00-06:00') });
    expect([last.outcome, last.coverage?.lastDay, last.coverage?.endsAt.toISOString()]).toEqual(['covered', '2028-01-30', '2028-01-31T06:00:00.000Z']);
    const anniversary = checkWarrantyClaim(policy, { category: 'electronics', segment: 'consumer', evidence, purchasedAt: bought, claimedAt: new Date('2028-01-31T00:00:00-06:00') });
    expect(anniversary.outcome).toBe('not-covered');
    expect(anniversary.reasons.find((r) => r.code === 'WARRANTY_EXPIRED')?.facts).toEqual({ lastDay: '2028-01-30', daysLate: 1 });
  });

  it('clamps month ends: 31 Jan + 1 month, and 29 Feb + 12 months', () => {
    const monthly = defineWarrantyPolicy({ ...spec, terms: [{ id: 'm1', months: 1, from: 'purchase', covers: all }], plans: [] });
    const jan31 = checkWarrantyClaim(monthly, { category: 'electronics', segment: 'consumer', evidence, purchasedAt: new Date('2026-01-31T12:00:00-06:00'), claimedAt: new Date('2026-02-27T12:00:00-06:00') });
    expect(jan31.coverage?.lastDay).toBe('2026-02-27'); // anniversary 28 Feb 2026
    const yearly = defineWarrantyPolicy({ ...spec, terms: [{ id: 'y1', months: 12, from: 'purchase', covers: all }], plans: [] });
    const leap = checkWarrantyClaim(yearly, { category: 'electronics', segment: 'consumer', evidence, purchasedAt: new Date('2028-02-29T12:00:00-06:00'), claimedAt: new Date('2028-06-01T12:00:00-05:00') });
    expect(leap.coverage?.lastDay).toBe('2029-02-27'); // anniversary 28 Feb 2029
  });
});

describe('PelPro terms, plans, evidence, remedies and deadlines', () => {
  it('gives commercial units shipped after 2020 36 months on structural parts, and not those shipped before', () => {
    const claim = { category: 'industrial-unit', segment: 'commercial' as const, part: 'structural', evidence, purchasedAt: new Date('2024-03-01T12:00:00Z'), claimedAt: new Date('2026-11-20T15:00:00Z') };
    const after = checkWarrantyClaim(policy, { ...claim, shippedAt: new Date('2024-02-20T12:00:00Z') });
    expect([after.outcome, after.coverage?.term, after.coverage?.lastDay]).toEqual(['covered', 'structural-36-commercial', '2027-02-19']);
    const before = checkWarrantyClaim(policy, { ...claim, shippedAt: new Date('2020-12-31T12:00:00Z') });
    // Falls back to the 24-month term from purchase, which has ended.
    expect([before.outcome, before.coverage?.term]).toEqual(['not-covered', 'electronics-24']);
  });

  it('adds a one-year consumer plan after the base term when bought within 30 days, and ignores it after', () => {
    const base = { category: 'electronics', segment: 'consumer' as const, evidence, purchasedAt: new Date('2024-06-10T12:00:00-05:00'), claimedAt: new Date('2026-11-20T12:00:00-06:00') };
    const inTime = checkWarrantyClaim(policy, { ...base, plans: [{ plan: 'consumer-1y', boughtAt: new Date('2024-07-10T12:00:00-05:00') }] });
    expect([inTime.outcome, inTime.coverage?.lastDay, inTime.coverage?.plans]).toEqual(['covered', '2027-06-09', ['consumer-1y']]);
    const late = checkWarrantyClaim(policy, { ...base, plans: [{ plan: 'consumer-1y', boughtAt: new Date('2024-07-11T12:00:00-05:00') }] });
    expect(late.outcome).toBe('not-covered');
    expect(late.reasons.find((r) => r.code === 'PLAN_NOT_VALID')?.facts).toMatchObject({ daysAfterPurchase: 31, buyWithinDays: 30 });
  });

  it('needs the serial number before a claim is covered, and says which evidence is missing', () => {
    const decision = checkWarrantyClaim(policy, { category: 'electronics', segment: 'consumer', evidence: ['proofOfPurchase'], purchasedAt: new Date('2026-01-10T12:00:00Z'), claimedAt: new Date('2026-11-20T15:00:00Z') });
    expect(decision.outcome).toBe('needs-evidence');
    expect(decision.reasons.find((r) => r.code === 'EVIDENCE_MISSING')?.facts).toEqual({ missing: ['serialNumber'] });
  });

  it('routes the remedy and computes the deadlines and the retention date', () => {
    const claim = { category: 'electronics', segment: 'consumer' as const, evidence, purchasedAt: new Date('2026-01-10T12:00:00Z'), claimedAt: new Date('2026-11-25T15:00:00-06:00') };
    const depot = checkWarrantyClaim(policy, claim);
    // Wednesday 15:00 CT: depot repair in 12 business days (Thanksgiving skipped) is Mon 2026-12-14 15:00 CST.
    expect([depot.remedy?.remedy, depot.remedy?.dueBy?.toISOString()]).toEqual(['depot-repair', '2026-12-14T21:00:00.000Z']);
    // RMA number within 24 business hours: Wed 4 h, Fri 12 h, Mon 8 h -> Mon 2026-11-30 15:00 CST.
    expect(depot.deadlines.rmaBy?.toISOString()).toBe('2026-11-30T21:00:00.000Z');
    // Processed within 14 calendar days: Wed 2026-12-09 15:00 CST.
    expect(depot.deadlines.processedBy?.toISOString()).toBe('2026-12-09T21:00:00.000Z');
    expect(depot.retention).toEqual([{ id: 'claim-evidence', what: ['photos', 'serialNumber', 'rma'], keepUntil: '2028-05-25' }]);
    const express = checkWarrantyClaim(policy, { ...claim, inStock: true });
    // 48 business hours: Wed 4 h, Fri 12 h, Mon 12 h, Tue 12 h, Wed 8 h -> Wed 2026-12-02 15:00 CST.
    expect([express.remedy?.remedy, express.remedy?.dueBy?.toISOString()]).toEqual(['express-replacement', '2026-12-02T21:00:00.000Z']);
  });
});

describe('ranges pinned by model line', () => {
  it('gives each HVAC model line its own term (2 to 5 years)', () => {
    const hvac = defineWarrantyPolicy({
      ...spec,
      categories: ['hvac'],
      terms: [
        { id: 'hvac-basic', category: ['hvac'], modelLine: ['basic'], months: 24, from: 'delivery', covers: all },
        { id: 'hvac-premium', category: ['hvac'], modelLine: ['premium'], months: 60, from: 'delivery', covers: { ...all, onSite: true } },
      ],
      plans: [],
    });
    const claim = { category: 'hvac', segment: 'consumer' as const, evidence, purchasedAt: new Date('2024-05-01T12:00:00Z'), deliveredAt: new Date('2024-05-03T12:00:00Z'), claimedAt: new Date('2026-11-20T12:00:00Z') };
    expect(checkWarrantyClaim(hvac, { ...claim, modelLine: 'basic' }).outcome).toBe('not-covered');
    const premium = checkWarrantyClaim(hvac, { ...claim, modelLine: 'premium' });
    expect([premium.outcome, premium.coverage?.lastDay, premium.coverage?.covers.onSite]).toEqual(['covered', '2029-05-02', true]);
    expect(checkWarrantyClaim(hvac, claim).reasons[0]?.code).toBe('NO_WARRANTY_TERM');
  });
});

describe('laws and bad input', () => {
  it('monotonic: a later claim is never covered when an earlier one is not; a plan never removes coverage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2026, 0, 1) }),
        fc.integer({ min: 0, max: 6 * 365 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 40 }),
        (purchased, afterDays, moreDays, planDays) => {
          const claim = { category: 'electronics', segment: 'consumer' as const, evidence, purchasedAt: purchased };
          const at = (days: number, plans = false) =>
            // A plan is bought by the claim at the latest (one bought after it is refused, DATE_AFTER_REQUEST).
            checkWarrantyClaim(policy, { ...claim, claimedAt: purchased + days * 86_400_000, ...(plans ? { plans: [{ plan: 'consumer-1y', boughtAt: purchased + Math.min(planDays, days) * 86_400_000 }] } : {}) }).outcome;
          if (at(afterDays) === 'not-covered') expect(at(afterDays + moreDays)).toBe('not-covered');
          if (at(afterDays) === 'covered') expect(at(afterDays, true)).toBe('covered');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects unknown categories and plans, and dates after the claim', () => {
    const claim = { category: 'electronics', segment: 'consumer' as const, purchasedAt: new Date('2026-01-10T12:00:00Z'), claimedAt: new Date('2026-11-20T15:00:00Z') };
    expect(errorOf(() => checkWarrantyClaim(policy, { ...claim, category: 'toys' }))).toEqual(['UNKNOWN_CATEGORY', 'category']);
    expect(errorOf(() => checkWarrantyClaim(policy, { ...claim, plans: [{ plan: 'gold', boughtAt: claim.purchasedAt }] }))).toEqual(['UNKNOWN_IN_POLICY', 'plans.0.plan']);
    expect(errorOf(() => checkWarrantyClaim(policy, { ...claim, purchasedAt: new Date('2027-01-01T00:00:00Z') }))).toEqual(['DATE_AFTER_REQUEST', 'purchasedAt']);
    expect(errorOf(() => defineWarrantyPolicy({ ...spec, plans: [{ ...spec.plans![0]!, currency: 'XYZ' }] }))).toEqual(['UNKNOWN_CURRENCY', 'plans.0.currency']);
  });
});
