import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { checkWarrantyClaim, type WarrantyClaim, type WarrantyDecision } from '../../src/warranty/index.js';
import { berlinWarranty, noTermWarranty } from './fixtures.js';

// Bought on 10 Jan 2026, delivered on 15 Jan (Berlin). The policy covers 12 months from purchase.
const claim: WarrantyClaim = { category: 'equipment', purchasedAt: '2026-01-10T12:00:00+01:00', deliveredAt: '2026-01-15T12:00:00+01:00', claimedAt: '2026-01-20T12:00:00+01:00' };
const at = (date: string) => `${date}T12:00:00+01:00`;
const legal = (d: WarrantyDecision) => d.reasons.filter((r) => r.code === 'LEGAL_MINIMUM_APPLIED');
const presumption = (d: WarrantyDecision) => d.reasons.find((r) => r.code === 'LEGAL_PRESUMPTION');

describe('legal guarantee: two years from delivery (Directive (EU) 2019/771, art. 10(1))', () => {
  it('covers a claim at month 23 after delivery in Germany, where the policy\'s 12 months from purchase have ended', () => {
    const d = checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2027-12-20'), customer: { jurisdiction: 'DE' } });
    expect(d.outcome).toBe('covered');
    expect(d.coverage).toMatchObject({ term: 'eu-legal-guarantee', from: 'delivery', startDay: '2026-01-15', lastDay: '2028-01-14' });
    // The legal guarantee brings the goods into conformity free of charge.
    expect(d.coverage?.covers).toEqual({ parts: true, labour: true, onSite: false, shipping: true });
    expect(legal(d)[0]?.facts).toMatchObject({ citation: 'Directive (EU) 2019/771, art. 10(1)', merchant: '12 months from purchase (covered through 2027-01-09)', months: 24, lastDay: '2028-01-14' });
    expect(d.remedy?.remedy).toBe('depot-repair');
    expect(d.legal).toEqual({ jurisdiction: 'DE', consumer: true, timeZone: 'Europe/Berlin', rules: expect.arrayContaining(['eu-legal-guarantee', 'eu-burden-of-proof']), applied: ['eu-legal-guarantee'] });
  });

  it('covers the last day, 14 Jan 2028, and not 15 Jan 2028 (month 24 ends)', () => {
    expect(checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2028-01-14'), customer: { jurisdiction: 'DE' } }).outcome).toBe('covered');
    expect(checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2028-01-15'), customer: { jurisdiction: 'DE' } }).outcome).toBe('not-covered');
  });

  it('does not cover a claim at month 25', () => {
    const d = checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2028-02-20'), customer: { jurisdiction: 'DE' } });
    expect(d.outcome).toBe('not-covered');
    expect(d.coverage?.term).toBe('standard-12');
    expect(legal(d)).toEqual([]);
  });

  it('month 23 is not covered without a customer, nor for a commercial claim', () => {
    expect(checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2027-12-20') }).outcome).toBe('not-covered');
    const commercial = checkWarrantyClaim(berlinWarranty, { ...claim, segment: 'commercial', claimedAt: at('2027-12-20'), customer: { jurisdiction: 'DE' } });
    expect(commercial.outcome).toBe('not-covered');
    expect(commercial.legal).toEqual({ jurisdiction: 'DE', consumer: false, timeZone: 'Europe/Berlin', rules: [], applied: [] });
  });

  it('Spain keeps a three-year guarantee (art. 10(3); TRLGDCU art. 120): month 30 is covered in ES, not in DE', () => {
    const es = checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2028-07-20'), customer: { jurisdiction: 'ES' } });
    expect(es.outcome).toBe('covered');
    expect(es.coverage?.lastDay).toBe('2029-01-14');
    expect(legal(es)[0]?.facts.citation).toBe('Directive (EU) 2019/771, art. 10(1); Real Decreto Legislativo 1/2007 (TRLGDCU), as amended by Real Decreto-ley 7/2021, art. 120');
    expect(checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2028-07-20'), customer: { jurisdiction: 'DE' } }).outcome).toBe('not-covered');
  });

  it('covers a product the policy has no term for', () => {
    const d = checkWarrantyClaim(noTermWarranty, { ...claim, category: 'apparel', claimedAt: at('2026-06-01'), customer: { jurisdiction: 'FR' } });
    expect(d.outcome).toBe('covered');
    expect(d.coverage?.term).toBe('eu-legal-guarantee');
    expect(d.reasons.some((r) => r.code === 'NO_WARRANTY_TERM')).toBe(false);
    expect(checkWarrantyClaim(noTermWarranty, { ...claim, category: 'apparel', claimedAt: at('2026-06-01') }).outcome).toBe('not-covered');
  });

  it('applies to contracts concluded from 1 January 2022 (art. 24(2)): a purchase on 31 Dec 2021 gets none', () => {
    const old = { ...claim, purchasedAt: at('2021-12-31'), deliveredAt: at('2022-01-03'), claimedAt: at('2023-06-01'), customer: { jurisdiction: 'DE' } };
    const d = checkWarrantyClaim(berlinWarranty, old);
    expect(d.outcome).toBe('not-covered');
    expect(d.legal?.rules).toEqual(['eu-withdrawal-period', 'eu-withdrawal-refund-deadline', 'eu-withdrawal-deductions', 'eu-withdrawal-delivery-refund']);
    expect(checkWarrantyClaim(berlinWarranty, { ...old, purchasedAt: at('2022-01-01') }).outcome).toBe('covered');
  });

  it('counts from the purchase when the claim gives no delivery date, and asks for it when that matters', () => {
    const noDelivery = { category: 'equipment', purchasedAt: claim.purchasedAt, customer: { jurisdiction: 'DE' } } as const;
    expect(checkWarrantyClaim(berlinWarranty, { ...noDelivery, claimedAt: at('2027-06-01') }).coverage).toMatchObject({ from: 'purchase', lastDay: '2028-01-09' });
    try {
      checkWarrantyClaim(berlinWarranty, { ...noDelivery, claimedAt: at('2028-01-12') });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).issues).toEqual([expect.objectContaining({ code: 'MISSING_DATE', path: ['deliveredAt'] })]);
    }
  });

  it('an unknown jurisdiction is INVALID_VALUE at customer.jurisdiction', () => {
    expect(() => checkWarrantyClaim(berlinWarranty, { ...claim, customer: { jurisdiction: 'XX' } })).toThrow(InvalidArgumentError);
    try {
      checkWarrantyClaim(berlinWarranty, { ...claim, customer: { jurisdiction: 'de' } });
    } catch (error) {
      expect((error as InvalidArgumentError).issues[0]).toMatchObject({ code: 'INVALID_VALUE', path: ['customer', 'jurisdiction'], suggestion: 'DE' });
    }
  });
});

describe('burden of proof: presumed at delivery within one year (Directive (EU) 2019/771, art. 11(1); art. 11(2) for two)', () => {
  it('a defect appearing at month 11 is presumed to have existed at delivery', () => {
    const d = checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2026-12-10'), customer: { jurisdiction: 'DE' } });
    expect(presumption(d)?.facts).toMatchObject({ presumed: true, months: 12, lastDay: '2027-01-14', citation: 'Directive (EU) 2019/771, art. 11(1)' });
  });

  it('at month 13 it is not: the customer must show it', () => {
    const d = checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2027-02-20'), customer: { jurisdiction: 'DE' } });
    expect(d.outcome).toBe('covered');
    expect(presumption(d)?.facts).toMatchObject({ presumed: false, lastDay: '2027-01-14' });
  });

  it('with Spain\'s two-year parameter, month 13 is presumed', () => {
    const d = checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2027-02-20'), customer: { jurisdiction: 'ES' } });
    expect(presumption(d)?.facts).toMatchObject({ presumed: true, months: 24, lastDay: '2028-01-14', citation: 'Directive (EU) 2019/771, art. 11(1); Real Decreto-ley 7/2021 (amending the TRLGDCU), art. 16' });
  });

  it('the UK presumes for six months (Consumer Rights Act 2015, s. 19(14)-(15))', () => {
    const d = checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2026-07-14'), customer: { jurisdiction: 'GB' } });
    expect(presumption(d)?.facts).toMatchObject({ presumed: true, months: 6, lastDay: '2026-07-14' });
    expect(presumption(checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2026-07-15'), customer: { jurisdiction: 'GB' } }))?.facts.presumed).toBe(false);
  });

  it('is not stated without a customer', () => {
    expect(presumption(checkWarrantyClaim(berlinWarranty, { ...claim, claimedAt: at('2026-12-10') }))).toBeUndefined();
  });
});
