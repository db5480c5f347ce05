import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkWarrantyClaim, defineWarrantyPolicy, type WarrantyAwaiting, type WarrantyClaim, type WarrantyDecision, type WarrantyPolicySpec } from '../../src/warranty/index.js';
import { errorOf } from '../helpers/errors.js';

// PelPro (seed 001): "Warranty validation requires proof of purchase and serial number verification
// in the support portal"; "1) Customer files an RMA request … within the warranty period; 2) Support
// verifies warranty status and issues an RMA number within 24 business hours"; "Repair turnaround
// target is 7–12 business days for depot repair and 24–72 hours for on-site service". The RMA
// number comes after validation, so a claim still waiting for its serial number has no RMA
// deadline yet. Tru Fit (seed 004): "warranty claims processed within 14 days".
const weekday = ['07:00-19:00'];
const covers = { parts: true, labour: true, onSite: false, shipping: true };
const spec: WarrantyPolicySpec = {
  id: 'pelpro-warranty',
  timeZone: 'America/Chicago',
  categories: ['electronics', 'industrial-unit'],
  terms: [
    { id: 'structural-36', category: ['industrial-unit'], segment: ['commercial'], part: ['structural'], months: 36, from: 'ship', shippedFrom: '2021-01-01', covers: { ...covers, onSite: true } },
    { id: 'electronics-24', months: 24, from: 'purchase', covers },
  ],
  evidence: [{ id: 'validation', requires: ['proofOfPurchase', 'serialNumber'] }],
  remedies: [
    { id: 'on-site', remedy: 'on-site-repair', segment: ['commercial'], within: { hours: 72 }, clock: 'around-the-clock' },
    { id: 'depot', remedy: 'depot-repair', within: { businessDays: 12 } },
  ],
  rmaWithin: { hours: 24 },
  plans: [{ id: 'consumer-1y', price: '49.00', currency: 'USD', months: 12, segment: ['consumer'], buyWithinDays: 30, stacking: 'after-base' }],
  calendar: { timeZone: 'America/Chicago', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: ['2026-11-26', '2026-12-25'] },
};
const pelpro = defineWarrantyPolicy(spec);
// The same playbook with Tru Fit's 14-day processing target added, so every deadline is exercised.
const withProcessing = defineWarrantyPolicy({ ...spec, claimProcessedWithin: { days: 14 } });

// A router bought in January, claimed on Wednesday 25 November 2026 at 15:00 CST, the day before
// Thanksgiving (a holiday on PelPro's calendar).
const router = {
  category: 'electronics',
  segment: 'consumer',
  evidence: ['proofOfPurchase'],
  purchasedAt: '2026-01-10T12:00:00-06:00',
  claimedAt: '2026-11-25T15:00:00-06:00',
} as const satisfies WarrantyClaim;
const validated = { ...router, evidence: ['proofOfPurchase', 'serialNumber'] } as const satisfies WarrantyClaim;
// The serial number is verified on Friday 27 November at 10:00 CST.
const friday = '2026-11-27T10:00:00-06:00';
const codes = (decision: WarrantyDecision) => decision.reasons.map((reason) => reason.code);

describe('a claim waiting for evidence is not an accepted claim', () => {
  it('carries no WARRANTY_COVERED, no remedy, no RMA deadline; it says what is missing and what follows', () => {
    const decision = checkWarrantyClaim(pelpro, router);
    expect(decision.outcome).toBe('needs-evidence');
    expect(codes(decision)).toEqual(['WARRANTY_TERM', 'EVIDENCE_MISSING', 'WARRANTY_AWAITING_EVIDENCE']);
    expect([decision.remedy, decision.deadlines]).toEqual([null, { rmaBy: null, processedBy: null, countedFrom: null }]);
    expect(decision.coverage?.lastDay).toBe('2028-01-09');
    expect(decision.awaiting).toEqual({
      evidence: ['serialNumber'],
      rules: ['validation'],
      then: {
        remedy: { id: 'depot', remedy: 'depot-repair', within: { within: { businessDays: 12 }, text: '12 business days' } },
        rmaWithin: { within: { hours: 24 }, text: '24 business hours' },
        processedWithin: null,
      },
    });
    const reason = decision.reasons.at(-1);
    expect(reason?.facts).toEqual({
      missing: ['serialNumber'],
      rules: ['validation'],
      lastDay: '2028-01-09',
      remedy: 'depot-repair',
      remedyWithin: '12 business days',
      rmaWithin: '24 business hours',
      processedWithin: null,
    });
    expect(reason?.message).toContain('serialNumber');
    expect(reason?.message).toContain('covered through 2028-01-09');
    expect(reason?.message).toContain('RMA number within 24 business hours of the evidence');
    expect(reason?.message).toContain('depot-repair within 12 business days of the evidence');
  });

  it('lists every missing item, each once, with every rule that asks for it', () => {
    const photos = defineWarrantyPolicy({ ...spec, evidence: [...spec.evidence!, { id: 'damage-photos', requires: ['photos', 'serialNumber'], category: 'electronics' }] });
    const decision = checkWarrantyClaim(photos, { ...router, evidence: [] });
    expect([decision.awaiting?.evidence, decision.awaiting?.rules]).toEqual([['proofOfPurchase', 'serialNumber', 'photos'], ['validation', 'damage-photos']]);
    expect(decision.reasons.filter((r) => r.code === 'EVIDENCE_MISSING').map((r) => [r.rule, r.facts.missing])).toEqual([
      ['validation', ['proofOfPurchase', 'serialNumber']],
      ['damage-photos', ['photos', 'serialNumber']],
    ]);
  });

  it('gives each span on its own clock: on-site in 72 clock hours, processing in 14 calendar days', () => {
    const decision = checkWarrantyClaim(withProcessing, { ...router, segment: 'commercial' });
    expect(decision.awaiting?.then).toEqual({
      remedy: { id: 'on-site', remedy: 'on-site-repair', within: { within: { hours: 72 }, text: '72 hours' } },
      rmaWithin: { within: { hours: 24 }, text: '24 business hours' },
      processedWithin: { within: { days: 14 }, text: '14 days' },
    });
    expect(decision.reasons.at(-1)?.message).toContain('claim processed within 14 days of the evidence');
  });

  it('says a span of several units once: "1 hour 30 minutes of business time"', () => {
    const mixed = defineWarrantyPolicy({ ...spec, rmaWithin: { hours: 1, minutes: 30 } });
    expect(checkWarrantyClaim(mixed, router).awaiting?.then.rmaWithin?.text).toBe('1 hour 30 minutes of business time');
  });

  it('says "hours", not "business hours", on a policy without a business calendar', () => {
    const allDay = defineWarrantyPolicy({ ...spec, calendar: undefined });
    expect(checkWarrantyClaim(allDay, router).awaiting?.then.rmaWithin?.text).toBe('24 hours');
    const alwaysOpen = defineWarrantyPolicy({ ...spec, calendar: { timeZone: 'America/Chicago', alwaysOpen: true } });
    expect(checkWarrantyClaim(alwaysOpen, router).awaiting?.then.rmaWithin?.text).toBe('24 hours');
  });

  it('names no remedy and no deadline when the policy sets none', () => {
    const bare = defineWarrantyPolicy({ ...spec, remedies: undefined, rmaWithin: undefined });
    const decision = checkWarrantyClaim(bare, router);
    expect(decision.awaiting?.then).toEqual({ remedy: null, rmaWithin: null, processedWithin: null });
    expect(decision.reasons.at(-1)?.message).toContain('accepted, with no deadline set');
  });

  it('keeps an expired claim that also lacks evidence not covered: nothing to wait for', () => {
    const late = checkWarrantyClaim(withProcessing, { ...router, claimedAt: '2028-01-10T09:00:00-06:00' });
    expect(late.outcome).toBe('not-covered');
    expect(codes(late)).toEqual(['WARRANTY_TERM', 'WARRANTY_EXPIRED', 'EVIDENCE_MISSING']);
    expect([late.awaiting, late.remedy, late.deadlines]).toEqual([null, null, { rmaBy: null, processedBy: null, countedFrom: null }]);
    // The last covered day with the serial number missing: still waiting, not refused.
    expect(checkWarrantyClaim(withProcessing, { ...router, claimedAt: '2028-01-09T23:59:00-06:00' }).outcome).toBe('needs-evidence');
  });

  it('asks for evidence only where its rule applies (Primos-style: a serial number for electronics only)', () => {
    const primos = defineWarrantyPolicy({ ...spec, categories: ['electronics', 'consumables'], terms: [spec.terms[1]!], plans: [], evidence: [{ id: 'claim-proof', requires: ['proofOfPurchase', 'serialNumber'], category: ['electronics'] }] });
    expect(checkWarrantyClaim(primos, router).outcome).toBe('needs-evidence');
    const consumable = checkWarrantyClaim(primos, { ...router, category: 'consumables', evidence: [] });
    expect([consumable.outcome, consumable.awaiting]).toEqual(['covered', null]);
  });
});

describe('once the evidence is complete', () => {
  it('accepts the claim: WARRANTY_COVERED, the remedy and its deadlines, counted from the claim', () => {
    const decision = checkWarrantyClaim(withProcessing, validated);
    expect(decision.outcome).toBe('covered');
    expect(codes(decision)).toEqual(['WARRANTY_TERM', 'WARRANTY_COVERED', 'REMEDY']);
    // RMA within 24 business hours of Wed 15:00: Wed 4 h, Fri 12 h, Mon 8 h -> Mon 30 Nov 15:00 CST.
    expect(decision.deadlines).toEqual({ rmaBy: new Date('2026-11-30T21:00:00Z'), processedBy: new Date('2026-12-09T21:00:00Z'), countedFrom: new Date('2026-11-25T21:00:00Z') });
    // Depot repair in 12 business days (Thanksgiving skipped): Mon 14 Dec 15:00 CST.
    expect(decision.remedy).toEqual({ id: 'depot', remedy: 'depot-repair', dueBy: new Date('2026-12-14T21:00:00Z') });
    expect(decision.awaiting).toBeNull();
  });

  it('counts every deadline from evidenceCompletedAt, and says so', () => {
    const decision = checkWarrantyClaim(withProcessing, { ...validated, evidenceCompletedAt: friday });
    expect(decision.outcome).toBe('covered');
    // RMA: Fri 10:00-19:00 9 h, Mon 12 h, Tue 3 h -> Tue 1 Dec 10:00 CST.
    expect(decision.deadlines).toEqual({ rmaBy: new Date('2026-12-01T16:00:00Z'), processedBy: new Date('2026-12-11T16:00:00Z'), countedFrom: new Date('2026-11-27T16:00:00Z') });
    // Depot: the 12th business day after Fri 27 Nov is Tue 15 Dec, 10:00 CST.
    expect(decision.remedy?.dueBy).toEqual(new Date('2026-12-15T16:00:00Z'));
    const reason = decision.reasons.find((r) => r.code === 'WARRANTY_DEADLINES_FROM_EVIDENCE');
    expect(reason?.facts).toEqual({ claimedAt: '2026-11-25T21:00:00.000Z', evidenceCompletedAt: '2026-11-27T16:00:00.000Z' });
    expect(reason?.message).toContain('2026-11-27T16:00:00.000Z');
    expect(reason?.message).toContain('2026-11-25T21:00:00.000Z');
    // Coverage is judged as of the claim; the retention period too.
    expect(decision.coverage).toEqual(checkWarrantyClaim(withProcessing, validated).coverage);
    expect(decision.retention).toEqual(checkWarrantyClaim(withProcessing, validated).retention);
  });

  it('counts 72 clock hours of on-site service from the evidence', () => {
    const decision = checkWarrantyClaim(pelpro, { ...validated, segment: 'commercial', evidenceCompletedAt: friday });
    expect([decision.remedy?.remedy, decision.remedy?.dueBy]).toEqual(['on-site-repair', new Date('2026-11-30T16:00:00Z')]);
  });

  it('takes evidence completed at the claim instant: the deadlines of the claim, no extra reason', () => {
    const same = checkWarrantyClaim(withProcessing, { ...validated, evidenceCompletedAt: validated.claimedAt });
    expect(same).toEqual(checkWarrantyClaim(withProcessing, validated));
  });

  it('accepts evidence completed after the last covered day: coverage was judged at the claim', () => {
    const decision = checkWarrantyClaim(pelpro, { ...validated, claimedAt: '2028-01-09T12:00:00-06:00', evidenceCompletedAt: '2028-01-12T12:00:00-06:00' });
    expect([decision.outcome, decision.coverage?.lastDay, decision.deadlines.countedFrom]).toEqual(['covered', '2028-01-09', new Date('2028-01-12T18:00:00Z')]);
  });

  it('refuses evidence completed before the claim (one millisecond before), at its own path', () => {
    const before = new Date(Date.parse(validated.claimedAt) - 1);
    expect(errorOf(() => checkWarrantyClaim(pelpro, { ...validated, evidenceCompletedAt: before }))).toEqual(['INVALID_RANGE', 'evidenceCompletedAt']);
    expect(() => checkWarrantyClaim(pelpro, { ...validated, evidenceCompletedAt: before })).toThrow('Leave it out for a claim that came with all its evidence');
  });

  it('refuses evidenceCompletedAt while the claim still lacks evidence, naming what and which rule', () => {
    expect(errorOf(() => checkWarrantyClaim(pelpro, { ...router, evidenceCompletedAt: friday }))).toEqual(['CONFLICTING_FIELDS', 'evidenceCompletedAt']);
    expect(() => checkWarrantyClaim(pelpro, { ...router, evidenceCompletedAt: friday })).toThrow('still lacks serialNumber (asked for by "validation")');
  });

  it('checks evidenceCompletedAt like every instant', () => {
    expect(errorOf(() => checkWarrantyClaim(pelpro, { ...validated, evidenceCompletedAt: '2026-11-27T10:00:00' }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'evidenceCompletedAt']);
    expect(errorOf(() => checkWarrantyClaim(pelpro, { ...validated, evidenceCompletedAt: null } as never))).toEqual(['INVALID_INSTANT', 'evidenceCompletedAt']);
  });
});

describe('the decision is a union on outcome', () => {
  it('narrows: a claim waiting for evidence has awaiting and null deadlines; a covered one has countedFrom', () => {
    const decision = checkWarrantyClaim(pelpro, router);
    if (decision.outcome === 'needs-evidence') {
      expectTypeOf(decision.awaiting).toEqualTypeOf<WarrantyAwaiting>();
      expectTypeOf(decision.deadlines.rmaBy).toEqualTypeOf<null>();
      expectTypeOf(decision.remedy).toEqualTypeOf<null>();
    }
    if (decision.outcome === 'covered') {
      expectTypeOf(decision.awaiting).toEqualTypeOf<null>();
      expectTypeOf(decision.deadlines.countedFrom).toEqualTypeOf<Date>();
    }
    expect(decision.outcome).toBe('needs-evidence');
  });
});

describe('laws of claims waiting for evidence', () => {
  const day = 86_400_000;
  const claims = fc.record({
    category: fc.constantFrom('electronics', 'industrial-unit'),
    segment: fc.constantFrom('consumer' as const, 'commercial' as const),
    part: fc.constantFrom(undefined, 'structural'),
    evidence: fc.subarray(['proofOfPurchase', 'serialNumber', 'photos'] as const),
    purchasedAt: fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2027, 0, 1) }),
    shippedDays: fc.integer({ min: 0, max: 60 }),
    claimDays: fc.integer({ min: 0, max: 4 * 365 }),
    plan: fc.boolean(),
    policy: fc.constantFrom(pelpro, withProcessing),
  });
  type Drawn = typeof claims extends fc.Arbitrary<infer T> ? T : never;
  const claimOf = (c: Drawn) => {
    const { category, segment, evidence, purchasedAt, shippedDays, claimDays, plan, part } = c;
    const rest = { category, segment, evidence, purchasedAt };
    return {
      ...rest,
      ...(part ? { part } : {}),
      shippedAt: rest.purchasedAt - shippedDays * day,
      claimedAt: rest.purchasedAt + claimDays * day + 3_600_000,
      plans: plan && rest.segment === 'consumer' ? [{ plan: 'consumer-1y', boughtAt: rest.purchasedAt }] : [],
    };
  };

  it('law: a needs-evidence decision never carries a remedy, a deadline or WARRANTY_COVERED; every other outcome has no awaiting', () => {
    fc.assert(
      fc.property(claims, (c) => {
        const decision = checkWarrantyClaim(c.policy, claimOf(c));
        if (decision.outcome !== 'needs-evidence') {
          expect(decision.awaiting).toBeNull();
          return;
        }
        expect(decision.remedy).toBeNull();
        expect(decision.deadlines).toEqual({ rmaBy: null, processedBy: null, countedFrom: null });
        expect(codes(decision)).not.toContain('WARRANTY_COVERED');
        expect(codes(decision)).not.toContain('REMEDY');
        const missing = decision.reasons.filter((r) => r.code === 'EVIDENCE_MISSING').flatMap((r) => r.facts.missing as string[]);
        expect(decision.awaiting.evidence).toEqual([...new Set(missing)]);
      }),
      { numRuns: 300 },
    );
  });

  it('law: giving the missing evidence turns needs-evidence into covered, with the same coverage and the remedy it announced', () => {
    fc.assert(
      fc.property(claims, (c) => {
        const claim = claimOf(c);
        const waiting = checkWarrantyClaim(c.policy, claim);
        fc.pre(waiting.outcome === 'needs-evidence');
        if (waiting.outcome !== 'needs-evidence') return;
        const done = checkWarrantyClaim(c.policy, { ...claim, evidence: [...claim.evidence, ...waiting.awaiting.evidence] });
        expect(done.outcome).toBe('covered');
        expect(done.coverage).toEqual(waiting.coverage);
        const then = waiting.awaiting.then;
        expect(done.remedy?.id ?? null).toBe(then.remedy?.id ?? null);
        expect(done.remedy?.dueBy != null).toBe(then.remedy?.within != null);
        expect(done.deadlines.rmaBy !== null).toBe(then.rmaWithin !== null);
        expect(done.deadlines.processedBy !== null).toBe(then.processedWithin !== null);
      }),
      { numRuns: 300 },
    );
  });

  it('law: deadlines counted from evidenceCompletedAt are never before those counted from the claim, and equal those of a claim filed then', () => {
    fc.assert(
      fc.property(claims, fc.integer({ min: 0, max: 30 * day }), (c, laterMs) => {
        const claim = { ...claimOf(c), evidence: ['proofOfPurchase', 'serialNumber'] as const };
        const fromClaim = checkWarrantyClaim(c.policy, claim);
        fc.pre(fromClaim.outcome === 'covered');
        const evidenceCompletedAt = claim.claimedAt + laterMs;
        const fromEvidence = checkWarrantyClaim(c.policy, { ...claim, evidenceCompletedAt });
        if (fromClaim.outcome !== 'covered' || fromEvidence.outcome !== 'covered') throw new Error('both are covered');
        expect(fromEvidence.coverage).toEqual(fromClaim.coverage);
        const pairs = [
          [fromClaim.deadlines.rmaBy, fromEvidence.deadlines.rmaBy],
          [fromClaim.deadlines.processedBy, fromEvidence.deadlines.processedBy],
          [fromClaim.remedy?.dueBy ?? null, fromEvidence.remedy?.dueBy ?? null],
        ] as const;
        for (const [a, b] of pairs) {
          expect(b === null).toBe(a === null);
          if (a && b) expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
        }
        // The same as a claim filed at that instant, when that one is still covered.
        const later = checkWarrantyClaim(c.policy, { ...claim, claimedAt: evidenceCompletedAt });
        if (later.outcome === 'covered') {
          expect([later.deadlines.rmaBy, later.deadlines.processedBy, later.remedy?.dueBy]).toEqual([fromEvidence.deadlines.rmaBy, fromEvidence.deadlines.processedBy, fromEvidence.remedy?.dueBy]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
