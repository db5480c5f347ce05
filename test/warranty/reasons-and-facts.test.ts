import { describe, expect, it } from 'vitest';
import { checkWarrantyClaim, defineWarrantyPolicy, type WarrantyClaim, type WarrantyPolicySpec } from '../../src/warranty/index.js';
import { errorOf } from '../helpers/errors.js';

// The facts a caller reads off a warranty decision, the date a term counts from, the words a
// pending deadline is given in, and a coverage end past what a Date can hold. Policies are
// defined inside the tests.
const weekday = ['07:00-19:00'];
const covers = { parts: true, labour: true, onSite: false, shipping: true };
// Tru Fit (seed 004): "warranty claims covered for 12 months"; the depot repair and the Mon–Fri
// calendar are PelPro's.
const spec: WarrantyPolicySpec = {
  id: 'trufit-warranty',
  timeZone: 'America/Chicago',
  categories: ['equipment'],
  terms: [{ id: 'standard-12', months: 12, from: 'purchase', covers }],
  remedies: [{ id: 'depot', remedy: 'depot-repair', within: { businessDays: 12 } }],
  calendar: { timeZone: 'America/Chicago', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
};
const treadmill = { category: 'equipment', purchasedAt: '2025-11-25T10:00:00-06:00', claimedAt: '2026-11-20T10:00:00-06:00' } as const satisfies WarrantyClaim;

describe('a covered claim states its term, the days left and its remedy', () => {
  it('WARRANTY_TERM names the months, what they count from, the first and the last day', () => {
    const decision = checkWarrantyClaim(defineWarrantyPolicy(spec), treadmill);
    expect(decision.reasons[0]).toEqual(expect.objectContaining({ code: 'WARRANTY_TERM', rule: 'standard-12', facts: { months: 12, from: 'purchase', startDay: '2025-11-25', lastDay: '2026-11-24' } }));
  });

  it('WARRANTY_COVERED counts the days left: 0 on the last day, 1 the day before', () => {
    const policy = defineWarrantyPolicy(spec);
    const covered = (claimedAt: string) => checkWarrantyClaim(policy, { ...treadmill, claimedAt }).reasons.find((r) => r.code === 'WARRANTY_COVERED')?.facts;
    expect(covered('2026-11-24T18:00:00-06:00')).toEqual({ lastDay: '2026-11-24', daysLeft: 0 });
    expect(covered('2026-11-23T18:00:00-06:00')).toEqual({ lastDay: '2026-11-24', daysLeft: 1 });
  });

  it('REMEDY names the remedy', () => {
    const decision = checkWarrantyClaim(defineWarrantyPolicy(spec), treadmill);
    expect(decision.reasons.find((r) => r.code === 'REMEDY')).toMatchObject({ rule: 'depot', facts: { remedy: 'depot-repair' } });
  });
});

describe('a term counts from the date it names', () => {
  it('refuses a claim without the delivery date a term counts from, at deliveredAt', () => {
    const policy = defineWarrantyPolicy({ ...spec, terms: [{ id: 'from-delivery', months: 12, from: 'delivery', covers }] });
    expect(errorOf(() => checkWarrantyClaim(policy, treadmill))).toEqual(['MISSING_DATE', 'deliveredAt']);
    expect(checkWarrantyClaim(policy, { ...treadmill, deliveredAt: '2025-12-01T10:00:00-06:00' }).coverage?.lastDay).toBe('2026-11-30');
  });
});

describe('what a claim waiting for evidence will get, in words on its clock', () => {
  const waiting = { ...spec, evidence: [{ id: 'receipt', requires: ['proofOfPurchase' as const] }] };

  it('a remedy within hours on the business calendar is in business hours; around the clock it is not', () => {
    const express = { id: 'express', remedy: 'express-replacement' as const, within: { hours: 48 } };
    const business = checkWarrantyClaim(defineWarrantyPolicy({ ...waiting, remedies: [express] }), treadmill);
    expect(business.awaiting?.then.remedy?.within?.text).toBe('48 business hours');
    const clock = checkWarrantyClaim(defineWarrantyPolicy({ ...waiting, remedies: [{ ...express, clock: 'around-the-clock' }] }), treadmill);
    expect(clock.awaiting?.then.remedy?.within?.text).toBe('48 hours');
  });

  it('reads a span with a unit left undefined as the span without it', () => {
    const decision = checkWarrantyClaim(defineWarrantyPolicy({ ...waiting, rmaWithin: { hours: 24, minutes: undefined } }), treadmill);
    expect(decision.awaiting?.then.rmaWithin?.text).toBe('24 business hours');
  });
});

// A Date holds days up to +275760-09-13, and month arithmetic needs the whole month of the end:
// the last coverage end is in August 275760. 2,737 stacked 100-year plans on a 408-month term end
// on the purchase day of month 274,734 years later.
describe('a coverage end no Date can hold is refused at plans', () => {
  const plans = Array.from({ length: 2737 }, (_, i) => ({ id: `century-${i}`, price: '1.00', currency: 'USD', months: 1200, buyWithinDays: 30, stacking: 'after-base' as const }));
  const claim = (purchasedAt: string, count = plans.length): WarrantyClaim => ({
    category: 'equipment',
    purchasedAt,
    claimedAt: '2026-10-01T00:00:00Z',
    plans: plans.slice(0, count).map((plan) => ({ plan: plan.id, boughtAt: purchasedAt })),
  });

  it('covers a claim whose end is in August 275760, and refuses one whose end is in September', () => {
    const policy = defineWarrantyPolicy({ ...spec, timeZone: 'UTC', calendar: undefined, terms: [{ id: 'base-34y', months: 408, from: 'purchase', covers }], plans });
    const last = checkWarrantyClaim(policy, claim('2026-08-31T12:00:00Z'));
    expect([last.outcome, last.coverage?.plans.length, last.coverage?.endsAt.getTime()]).toEqual(['covered', 2737, Date.UTC(275760, 7, 31)]);
    // Years past 9999 are written expanded, as ISO 8601 and Date#toISOString do.
    expect([last.coverage?.startDay, last.coverage?.lastDay]).toEqual(['2026-08-31', '+275760-08-30']);
    expect(errorOf(() => checkWarrantyClaim(policy, claim('2026-09-01T12:00:00Z')))).toEqual(['RESULT_OUT_OF_RANGE', 'plans']);
  });

  it('refuses an end far past the range with the same error, not a RangeError', () => {
    const policy = defineWarrantyPolicy({ ...spec, timeZone: 'UTC', calendar: undefined, terms: [{ id: 'base-100y', months: 1200, from: 'purchase', covers }], plans });
    expect(errorOf(() => checkWarrantyClaim(policy, claim('2026-09-11T12:00:00Z')))).toEqual(['RESULT_OUT_OF_RANGE', 'plans']);
  });
});
