import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/presets/index.js';
import { checkWarrantyClaim, type WarrantyClaim } from '../../src/warranty/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// PelPro (001): "Support verifies warranty status and issues an RMA number within 24 business
// hours"; "Repair turnaround target is 7–12 business days for depot repair". Deadlines count from
// the claim, or from when its evidence was complete. One past the supported range (2200-01-01) is
// refused at that field of the claim, never at a parameter of the calendar maths behind it.

const END = Date.UTC(2200, 0, 1);
const DAY = 86_400_000;
const pelpro = presets.pelpro.warranty!;
const router = {
  category: 'electronics',
  segment: 'consumer',
  evidence: ['proofOfPurchase', 'serialNumber'],
  purchasedAt: '2199-01-10T12:00:00-06:00',
  claimedAt: '2199-12-01T10:00:00-06:00',
} satisfies WarrantyClaim;

describe('warranty deadlines near 2200', () => {
  it('counts from evidence completed on Mon 2199-12-02 07:00 CST: RMA by Tue 19:00, depot repair by Wed 2199-12-18', () => {
    const d = checkWarrantyClaim(pelpro, { ...router, evidenceCompletedAt: '2199-12-02T07:00:00-06:00' });
    expect(d.outcome).toBe('covered');
    // 24 business hours on Mon–Fri 07:00–19:00: all of Monday and Tuesday.
    expect(d.deadlines.rmaBy?.toISOString()).toBe('2199-12-04T01:00:00.000Z');
    // 12 business days, keeping 07:00: Tue 3 … Wed 18 December.
    expect(d.remedy?.dueBy?.toISOString()).toBe('2199-12-18T13:00:00.000Z');
  });

  it('refuses evidence completed 2199-12-31T00:00Z at "evidenceCompletedAt", naming the deadline and the field', () => {
    const error = thrownError(() => checkWarrantyClaim(pelpro, { ...router, evidenceCompletedAt: '2199-12-31T00:00:00Z' }));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['RESULT_OUT_OF_RANGE', ['evidenceCompletedAt']]]);
    expect(error.message).toContain('due date of remedy "depot" (within 12 business days), counted from "evidenceCompletedAt" (2199-12-31T00:00:00.000Z)');
  });

  it('refuses a claim filed with all its evidence on Mon 2199-12-30 18:00 CST at "claimedAt"', () => {
    expect(errorOf(() => checkWarrantyClaim(pelpro, { ...router, claimedAt: '2199-12-30T18:00:00-06:00' }))).toEqual(['RESULT_OUT_OF_RANGE', 'claimedAt']);
  });

  it('regression (fast-check counterexample): 12 business days ending exactly at 2200-01-01T00:00Z are refused at claimedAt', () => {
    // Fri 2199-12-13 18:00 CST: the 12th business day is Tue 31 December, 18:00 CST = 2200-01-01T00:00Z.
    expect(errorOf(() => checkWarrantyClaim(pelpro, { ...router, claimedAt: 7_256_563_200_000 }))).toEqual(['RESULT_OUT_OF_RANGE', 'claimedAt']);
  });

  it('law: a claim near 2200 is decided, or refused at the field its deadlines count from', () => {
    fc.assert(
      fc.property(fc.integer({ min: END - 40 * DAY, max: END - 1 }), fc.integer({ min: 0, max: 40 * DAY }), fc.boolean(), (claimed, wait, withCompletion) => {
        const completed = Math.min(END - 1, claimed + wait);
        const claim = { ...router, claimedAt: claimed, ...(withCompletion ? { evidenceCompletedAt: completed } : {}) };
        let error: [string, string] | undefined;
        try {
          expect(checkWarrantyClaim(pelpro, claim).outcome).toBe('covered');
        } catch {
          error = errorOf(() => checkWarrantyClaim(pelpro, claim));
        }
        if (error) expect(error).toEqual(['RESULT_OUT_OF_RANGE', withCompletion ? 'evidenceCompletedAt' : 'claimedAt']);
        // Twelve business days from any instant before mid-December 2199 end in range.
        if ((withCompletion ? completed : claimed) < Date.UTC(2199, 11, 10)) expect(error).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
