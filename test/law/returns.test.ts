import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { checkReturn, defineReturnPolicy, type ReturnDecision, type ReturnRequest } from '../../src/returns/index.js';
import { berlin, berlin30, berlinSpec, london } from './fixtures.js';

// The order's first parcel came on Mon 12 Oct 2026, the last on Tue 20 Oct (CEST). Clocks in Berlin
// go back on Sun 25 Oct, so day 14 after the last delivery, Tue 3 Nov, is in CET (UTC+1).
const FIRST = '2026-10-12T10:00:00+02:00';
const LAST = '2026-10-20T18:00:00+02:00';
const base: ReturnRequest = { category: 'equipment', price: '200.00', condition: 'unopened', deliveredAt: FIRST, lastItemDeliveredAt: LAST, requestedAt: LAST };
const de = { jurisdiction: 'DE' } as const;

const legal = (d: ReturnDecision) => d.reasons.filter((r) => r.code === 'LEGAL_MINIMUM_APPLIED');

describe('withdrawal period: 14 days from the last delivery (Directive 2011/83/EU, art. 9(1), 9(2)(b)(i))', () => {
  it('accepts on day 14 after the last delivery, the last minute before midnight in CET, where the policy allows 10 days', () => {
    const d = checkReturn(berlin, { ...base, requestedAt: '2026-11-03T23:59:00+01:00', customer: de });
    expect(d.outcome).toBe('eligible');
    expect(d.window).toEqual({ id: 'eu-withdrawal-period', from: 'lastItemDelivered', days: 14, lastDay: '2026-11-03', deadline: new Date('2026-11-03T23:00:00Z'), daysSince: 14, daysLate: 0 });
    const [reason] = legal(d);
    expect(reason?.facts).toMatchObject({ jurisdiction: 'DE', rule: 'eu-withdrawal-period', citation: 'Directive 2011/83/EU, art. 9(1), 9(2)(b)(i)', merchant: '10 days from lastItemDelivered (last day 2026-10-30)', merchantDaysLate: 4, lastDay: '2026-11-03' });
    expect(d.reasons.some((r) => r.code === 'RETURN_WINDOW_EXPIRED')).toBe(false);
    expect(d.legal).toMatchObject({ jurisdiction: 'DE', consumer: true, right: 'withdrawal' });
    expect(d.legal?.applied).toContain('eu-withdrawal-period');
  });

  it('refuses on day 15 (00:00 CET on Wed 4 Nov), with the policy\'s own reason', () => {
    const d = checkReturn(berlin, { ...base, requestedAt: '2026-11-04T00:00:00+01:00', customer: de });
    expect(d.outcome).toBe('ineligible');
    expect(legal(d)).toEqual([]);
    expect(d.reasons[0]?.code).toBe('RETURN_WINDOW_EXPIRED');
    expect(d.legal?.right).toBeNull();
  });

  it('counts from the last item, not the first: day 22 after the first parcel is still day 14', () => {
    const d = checkReturn(berlin, { ...base, requestedAt: '2026-11-03T12:00:00+01:00', customer: de });
    expect(d.window.daysSince).toBe(14);
    expect(d.outcome).toBe('eligible');
  });

  it('without a customer the policy alone decides: day 14 is 4 days late', () => {
    const d = checkReturn(berlin, { ...base, requestedAt: '2026-11-03T12:00:00+01:00' });
    expect(d.outcome).toBe('ineligible');
    expect(d.window.daysLate).toBe(4);
    expect(d).not.toHaveProperty('legal');
  });

  it('a business customer gets the policy\'s answer', () => {
    const d = checkReturn(berlin, { ...base, requestedAt: '2026-11-03T12:00:00+01:00', customer: { jurisdiction: 'DE', segment: 'commercial' } });
    expect(d.outcome).toBe('ineligible');
    expect(d.legal).toEqual({ jurisdiction: 'DE', consumer: false, right: null, timeZone: 'Europe/Berlin', rules: [], applied: [] });
  });

  it('a sale in a shop has no withdrawal period', () => {
    const d = checkReturn(berlin, { ...base, requestedAt: '2026-11-03T12:00:00+01:00', customer: { jurisdiction: 'DE', distanceSale: false } });
    expect(d.outcome).toBe('ineligible');
  });

  it('an exchange is not a withdrawal: the policy decides it', () => {
    const d = checkReturn(berlin, { ...base, service: 'exchange', requestedAt: '2026-11-03T12:00:00+01:00', customer: de });
    expect(d.outcome).toBe('ineligible');
  });

  it('needs the delivery date the law counts from (MISSING_DATE at deliveredAt)', () => {
    const fromPurchase = defineReturnPolicy({ ...berlinSpec, id: 'from-purchase', windows: [{ id: 'p', days: 30, from: 'purchase' }] });
    const request = { category: 'equipment', price: '200.00', condition: 'unopened', purchasedAt: FIRST, requestedAt: LAST } as const;
    expect(checkReturn(fromPurchase, request).outcome).toBe('eligible');
    expect(() => checkReturn(fromPurchase, { ...request, customer: de })).toThrow(InvalidArgumentError);
    try {
      checkReturn(fromPurchase, { ...request, customer: de });
    } catch (error) {
      expect((error as InvalidArgumentError).issues).toEqual([expect.objectContaining({ code: 'MISSING_DATE', path: ['deliveredAt'] })]);
    }
  });
});

describe('no deduction for handling needed to inspect (Directive 2011/83/EU, art. 14(2))', () => {
  it('charges no restocking fee on an opened item on day 10 in Germany, and keeps the label fee', () => {
    const d = checkReturn(berlin30, { ...base, condition: 'opened', requestedAt: '2026-10-30T12:00:00+01:00', customer: de });
    expect(d.window.daysSince).toBe(10);
    expect(d.quote?.lines.map((l) => [l.kind, l.amount.amount])).toEqual([['price', '200.00'], ['label', '-4.95']]);
    expect(d.quote?.refund.amount).toBe('195.05');
    const [reason] = legal(d);
    expect(reason?.facts).toMatchObject({ rule: 'eu-withdrawal-deductions', citation: 'Directive 2011/83/EU, art. 14(2)', fee: 'restock', amount: '20.00', condition: 'opened' });
    expect(d.reasons.some((r) => r.code === 'FEE_APPLIED' && r.rule === 'restock')).toBe(false);
  });

  it('charges the policy\'s restocking fee on day 20, after the withdrawal period', () => {
    const d = checkReturn(berlin30, { ...base, condition: 'opened', requestedAt: '2026-11-09T12:00:00+01:00', customer: de });
    expect(d.window.daysSince).toBe(20);
    expect(d.quote?.lines.map((l) => [l.kind, l.amount.amount])).toEqual([['price', '200.00'], ['restocking', '-20.00'], ['label', '-4.95']]);
    expect(legal(d)).toEqual([]);
    expect(d.legal?.right).toBeNull();
  });

  it('still charges it on a used item on day 10: using goods is more than inspecting them', () => {
    const d = checkReturn(berlin30, { ...base, condition: 'used', requestedAt: '2026-10-30T12:00:00+01:00', customer: de });
    expect(d.quote?.lines.map((l) => l.kind)).toEqual(['price', 'restocking', 'label']);
    expect(legal(d)).toEqual([]);
  });

  it('charges it on day 10 without a customer', () => {
    const d = checkReturn(berlin30, { ...base, condition: 'opened', requestedAt: '2026-10-30T12:00:00+01:00' });
    expect(d.quote?.lines.map((l) => l.kind)).toEqual(['price', 'restocking', 'label']);
  });
});

describe('refund within 14 days of the withdrawal, withheld until the goods are back (Directive 2011/83/EU, art. 13(1), 13(3))', () => {
  it('brings the policy\'s 20 days after receipt forward to 14 days after the request', () => {
    const d = checkReturn(berlin30, { ...base, requestedAt: '2026-10-30T12:00:00+01:00', receivedAt: '2026-11-05T09:00:00+01:00', customer: de });
    // 14 days after Fri 30 Oct is Fri 13 Nov: due before 00:00 CET on Sat 14 Nov.
    expect(d.deadlines.refundBy).toEqual(new Date('2026-11-13T23:00:00Z'));
    const reason = legal(d).find((r) => r.rule === 'eu-withdrawal-refund-deadline');
    expect(reason?.facts).toMatchObject({ citation: 'Directive 2011/83/EU, art. 13(1), 13(3)', refundBy: '2026-11-13T23:00:00.000Z', merchantRefundBy: '2026-11-25T08:00:00.000Z' });
  });

  it('is due on receipt when the goods come back after the 14 days', () => {
    const d = checkReturn(berlin30, { ...base, requestedAt: '2026-10-30T12:00:00+01:00', receivedAt: '2026-11-20T09:00:00+01:00', customer: de });
    expect(d.deadlines.refundBy).toEqual(new Date('2026-11-20T08:00:00Z'));
  });

  it('sets no date while the goods are not back', () => {
    const d = checkReturn(berlin30, { ...base, requestedAt: '2026-10-30T12:00:00+01:00', customer: de });
    expect(d.deadlines.refundBy).toBeNull();
  });
});

describe('United Kingdom', () => {
  const gb = { jurisdiction: 'GB' } as const;
  const DELIVERED = '2026-09-01T15:00:00+01:00';
  const faulty: ReturnRequest = { category: 'equipment', price: '80.00', condition: 'opened', defective: true, deliveredAt: DELIVERED, requestedAt: DELIVERED };

  it('short-term right to reject: a faulty item on day 30 gets a full refund, no fee (Consumer Rights Act 2015, s. 22(3), s. 20)', () => {
    const d = checkReturn(london, { ...faulty, requestedAt: '2026-10-01T20:00:00+01:00', customer: gb });
    expect(d.outcome).toBe('eligible');
    expect(d.window).toMatchObject({ id: 'uk-short-term-reject', days: 30, lastDay: '2026-10-01', daysSince: 30 });
    expect(d.quote?.lines.map((l) => [l.kind, l.amount.amount])).toEqual([['price', '80.00']]);
    expect(legal(d).map((r) => r.facts.citation)).toEqual(['Consumer Rights Act 2015, s. 22(3), s. 20', 'Consumer Rights Act 2015, s. 22(3), s. 20', 'Consumer Rights Act 2015, s. 22(3), s. 20']);
    expect(d.legal?.right).toBe('short-term-reject');
  });

  it('not on day 31', () => {
    const d = checkReturn(london, { ...faulty, requestedAt: '2026-10-02T00:30:00+01:00', customer: gb });
    expect(d.outcome).toBe('ineligible');
    expect(d.window.id).toBe('seven-days');
  });

  it('"UK" is read as "GB"', () => {
    const d = checkReturn(london, { ...faulty, requestedAt: '2026-10-01T20:00:00+01:00', customer: { jurisdiction: 'UK' } });
    expect(d.legal?.jurisdiction).toBe('GB');
  });

  it('cancellation: 14 days after delivery, refund within 14 days of the goods\' receipt (CCR 2013, reg. 30(3), reg. 34(4)-(6))', () => {
    const d = checkReturn(london, { ...faulty, defective: false, condition: 'opened', requestedAt: '2026-09-15T12:00:00+01:00', receivedAt: '2026-09-18T10:00:00+01:00', customer: gb });
    expect(d.outcome).toBe('eligible');
    expect(d.window.id).toBe('uk-cancellation-period');
    expect(d.quote?.lines.map((l) => l.kind)).toEqual(['price', 'label']);
    expect(d.deadlines.refundBy).toEqual(new Date('2026-10-02T23:00:00Z'));
    expect(legal(d).map((r) => r.rule)).toEqual(['uk-cancellation-period', 'uk-cancellation-deductions', 'uk-cancellation-refund-deadline']);
  });
});

describe('the customer field is checked', () => {
  const at = (request: unknown) => {
    try {
      checkReturn(berlin, request as ReturnRequest);
    } catch (error) {
      return (error as InvalidArgumentError).issues;
    }
    throw new Error('did not throw');
  };

  it('an unknown jurisdiction is INVALID_VALUE with a did-you-mean, at customer.jurisdiction', () => {
    expect(at({ ...base, customer: { jurisdiction: 'De' } })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', path: ['customer', 'jurisdiction'], suggestion: 'DE' })]);
    expect(at({ ...base, customer: { jurisdiction: 'Germany' } })[0]).toMatchObject({ code: 'INVALID_VALUE', path: ['customer', 'jurisdiction'] });
  });

  it('a missing jurisdiction, an unknown segment and an unknown key are refused at their paths', () => {
    expect(at({ ...base, customer: {} })[0]).toMatchObject({ code: 'REQUIRED', path: ['customer', 'jurisdiction'] });
    expect(at({ ...base, customer: { jurisdiction: 'DE', segment: 'business' } })[0]).toMatchObject({ code: 'UNKNOWN_IN_POLICY', path: ['customer', 'segment'] });
    expect(at({ ...base, customer: { jurisdiction: 'DE', country: 'DE' } })[0]).toMatchObject({ code: 'UNKNOWN_KEY', path: ['customer', 'country'] });
  });
});

describe('the short-term right to reject counts from the item\'s own delivery', () => {
  it('a faulty item delivered first is rejected within 30 days of its own delivery, not of the order\'s last parcel', () => {
    const request: ReturnRequest = { category: 'equipment', price: '80.00', condition: 'opened', defective: true, deliveredAt: '2026-09-01T15:00:00+01:00', lastItemDeliveredAt: '2026-09-20T15:00:00+01:00', requestedAt: '2026-10-02T12:00:00+01:00', customer: { jurisdiction: 'GB' } };
    // Day 31 after its own delivery, day 12 after the last parcel: the cancellation period, not the right to reject.
    const d = checkReturn(london, request);
    expect(d.legal?.right).toBe('withdrawal');
    expect(d.window.id).toBe('uk-cancellation-period');
    expect(checkReturn(london, { ...request, requestedAt: '2026-10-01T12:00:00+01:00' }).legal?.right).toBe('short-term-reject');
  });
});
