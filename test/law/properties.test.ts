import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reason } from '../../src/_lib/reason.js';
import { formatCitation, LEGAL_RULES } from '../../src/law/index.js';
import { compare } from '../../src/money/index.js';
import { checkReturn, type ReturnDecision, type ReturnRequest } from '../../src/returns/index.js';
import { checkWarrantyClaim, type WarrantyDecision } from '../../src/warranty/index.js';
import { berlin, berlin30, berlinWarranty, london, noTermWarranty } from './fixtures.js';

const DAY = 86_400_000;
const BASE = Date.parse('2026-09-20T10:00:00Z');
const JURISDICTIONS = ['DE', 'FR', 'ES', 'GB', 'UK', 'EU', 'PL'] as const;
const RANK = { eligible: 2, 'needs-review': 1, ineligible: 0 } as const;

const returnRequest = fc.record({
  days: fc.integer({ min: 0, max: 45 }),
  hour: fc.integer({ min: 0, max: 23 }),
  lastExtra: fc.integer({ min: 0, max: 6 }),
  condition: fc.constantFrom('unopened', 'opened', 'used', 'damaged-by-customer'),
  defective: fc.boolean(),
  service: fc.constantFrom('return', 'return', 'exchange'),
  receivedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  price: fc.integer({ min: 0, max: 50_000 }),
}).map(({ days, hour, lastExtra, condition, defective, service, receivedAfter, price }): ReturnRequest => {
  const delivered = BASE;
  const last = BASE + lastExtra * DAY;
  const requested = last + days * DAY + hour * 3_600_000;
  return {
    category: 'equipment',
    price: (price / 100).toFixed(2),
    condition,
    ...(defective ? { defective: true } : {}),
    service,
    deliveredAt: new Date(delivered),
    lastItemDeliveredAt: new Date(last),
    requestedAt: new Date(requested),
    ...(receivedAfter === undefined ? {} : { receivedAt: new Date(requested + receivedAfter * DAY) }),
  };
});

const POLICIES = [berlin, berlin30, london];

/** The citation a LEGAL_* reason quotes is the one the data gives its rule (or variant). */
function citedFromData(reason: Reason): boolean {
  const rule = LEGAL_RULES.find((r) => r.id === reason.rule);
  if (!rule) return false;
  const options = [formatCitation(rule.citation), ...(rule.variants ?? []).map((v) => `${formatCitation(rule.citation)}; ${formatCitation(v.citation)}`)];
  return reason.facts.rule === rule.id && options.includes(reason.facts.citation as string);
}

const legalReasons = (d: { readonly reasons: readonly Reason[] }) => d.reasons.filter((r) => r.code.startsWith('LEGAL_'));

describe('laws of the legal floor (returns)', () => {
  it('a baseline never makes a return worse for the customer than the policy alone: outcome, refund, fees, refund deadline, window', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICIES), returnRequest, fc.constantFrom(...JURISDICTIONS), (policy, request, jurisdiction) => {
        const alone = checkReturn(policy, request);
        const law = checkReturn(policy, { ...request, customer: { jurisdiction } });
        expect(RANK[law.outcome]).toBeGreaterThanOrEqual(RANK[alone.outcome]);
        if (alone.quote && law.quote) {
          expect(compare(law.quote.balance, alone.quote.balance)).toBeGreaterThanOrEqual(0);
          expect(compare(law.quote.charge, alone.quote.charge)).toBeLessThanOrEqual(0);
          expect(law.quote.fees.length).toBeLessThanOrEqual(alone.quote.fees.length);
        }
        if (alone.deadlines.refundBy && law.deadlines.refundBy) expect(law.deadlines.refundBy.getTime()).toBeLessThanOrEqual(alone.deadlines.refundBy.getTime());
        if (alone.deadlines.refundBy) expect(law.deadlines.refundBy).not.toBeNull();
        if (law.outcome !== alone.outcome) expect((law.window.deadline as Date).getTime()).toBeGreaterThan((alone.window.deadline as Date).getTime());
      }),
      { numRuns: 400 },
    );
  });

  it('no customer: no legal field and no legal reason; a commercial customer gets the same decision as no customer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICIES), returnRequest, fc.constantFrom(...JURISDICTIONS), (policy, request, jurisdiction) => {
        const alone = checkReturn(policy, request);
        expect(alone).not.toHaveProperty('legal');
        expect(legalReasons(alone)).toEqual([]);
        const commercial = checkReturn(policy, { ...request, customer: { jurisdiction, segment: 'commercial' } });
        const { legal, ...rest } = commercial;
        expect(legal?.consumer).toBe(false);
        expect(rest).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });

  it('every LEGAL_MINIMUM_APPLIED reason carries a citation present in the data, and names a rule the summary lists as applied', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICIES), returnRequest, fc.constantFrom(...JURISDICTIONS), (policy, request, jurisdiction) => {
        const d: ReturnDecision = checkReturn(policy, { ...request, customer: { jurisdiction } });
        for (const reason of legalReasons(d)) {
          expect(citedFromData(reason)).toBe(true);
          expect(d.legal?.applied).toContain(reason.rule);
        }
        expect(new Set(d.legal?.applied)).toEqual(new Set(legalReasons(d).map((r) => r.rule)));
      }),
      { numRuns: 300 },
    );
  });
});

const claim = fc.record({
  deliveredAfter: fc.integer({ min: 0, max: 20 }),
  claimedAfter: fc.integer({ min: 0, max: 1400 }),
  category: fc.constantFrom('equipment', 'apparel'),
  segment: fc.constantFrom(undefined, 'consumer', 'commercial'),
});

describe('laws of the legal floor (warranty)', () => {
  it('coverage only grows: covered alone ⇒ covered under the law, with a last day at least as late; commercial = alone', () => {
    fc.assert(
      fc.property(claim, fc.constantFrom('DE', 'ES', 'GB', 'IT'), ({ deliveredAfter, claimedAfter, category, segment }, jurisdiction) => {
        const policy = category === 'apparel' ? noTermWarranty : berlinWarranty;
        const purchasedAt = new Date(Date.parse('2025-03-30T10:00:00Z'));
        const deliveredAt = new Date(purchasedAt.getTime() + deliveredAfter * DAY);
        const request = { category, ...(segment && category === 'equipment' ? { segment } : {}), purchasedAt, deliveredAt, claimedAt: new Date(deliveredAt.getTime() + claimedAfter * DAY) };
        const alone: WarrantyDecision = checkWarrantyClaim(policy, request);
        const law: WarrantyDecision = checkWarrantyClaim(policy, { ...request, customer: { jurisdiction } });
        if (alone.outcome === 'covered') expect(law.outcome).toBe('covered');
        if (alone.coverage && law.coverage) expect(law.coverage.lastDay >= alone.coverage.lastDay).toBe(true);
        for (const reason of legalReasons(law)) expect(citedFromData(reason)).toBe(true);
        if (request.segment === 'commercial') {
          const { legal, ...rest } = law;
          expect(legal?.consumer).toBe(false);
          expect(rest).toEqual(alone);
        }
        expect(alone).not.toHaveProperty('legal');
      }),
      { numRuns: 400 },
    );
  });
});
