import { describe, expect, it } from 'vitest';
import { presets } from '../../src/presets/index.js';
import { checkOrderReturn, checkReturn, defineReturnPolicy, type OrderReturnRequest, type ReturnRequest } from '../../src/returns/index.js';
import { checkWarrantyClaim } from '../../src/warranty/index.js';
import { berlin, berlinSpec } from './fixtures.js';

// An order delivered in two parcels; the Berlin shop refunds no shipping and allows 10 days.
const order: OrderReturnRequest['order'] = {
  id: 'B-77',
  placedAt: '2026-10-08T09:00:00+02:00',
  lines: [
    { id: 'mat', category: 'equipment', unitPrice: '40.00', quantity: 1, deliveredAt: '2026-10-12T10:00:00+02:00' },
    { id: 'tee', category: 'apparel', unitPrice: '20.00', quantity: 2, deliveredAt: '2026-10-20T18:00:00+02:00' },
  ],
  shipping: { amount: '5.90' },
};
const DAY_14 = '2026-11-03T12:00:00+01:00';
const de = { jurisdiction: 'DE' } as const;

describe('order returns under the law', () => {
  it('withdrawal from the whole order on day 14 after the last parcel refunds the standard delivery (Directive 2011/83/EU, art. 13(1), 13(2))', () => {
    const d = checkOrderReturn(berlin, { order, returning: [{ line: 'mat', quantity: 1, condition: 'opened' }, { line: 'tee', quantity: 2, condition: 'unopened' }], requestedAt: DAY_14, customer: de });
    expect(d.lines.map((l) => l.outcome)).toEqual(['eligible', 'eligible']);
    expect(d.lines.map((l) => l.legal?.right)).toEqual(['withdrawal', 'withdrawal']);
    expect(d.quote?.shipping.amount).toBe('5.90');
    const reason = d.reasons.find((r) => r.code === 'LEGAL_MINIMUM_APPLIED');
    expect(reason?.facts).toMatchObject({ rule: 'eu-withdrawal-delivery-refund', citation: 'Directive 2011/83/EU, art. 13(1), 13(2)', amount: '5.90' });
    // No restocking on the opened mat; the label fee stays (the consumer bears the return cost).
    expect(d.quote?.lines.map((l) => [l.line, l.kind, l.amount.amount])).toEqual([
      ['mat', 'price', '40.00'],
      ['mat', 'label', '-4.95'],
      ['tee', 'price', '40.00'],
      ['tee', 'label', '-4.95'],
      [null, 'shipping-refund', '5.90'],
    ]);
    expect(d.quote?.refund.amount).toBe('76.00');
  });

  it('a partial return keeps the policy\'s answer on shipping', () => {
    const d = checkOrderReturn(berlin, { order, returning: [{ line: 'tee', quantity: 1, condition: 'unopened' }], requestedAt: DAY_14, customer: de });
    expect(d.lines[0]?.outcome).toBe('eligible');
    expect(d.quote?.shipping.amount).toBe('0.00');
    expect(d.reasons.some((r) => r.code === 'SHIPPING_NOT_REFUNDED')).toBe(true);
  });

  it('without a customer, day 14 after the last parcel is past the policy\'s 10 days', () => {
    const d = checkOrderReturn(berlin, { order, returning: [{ line: 'tee', quantity: 2, condition: 'unopened' }], requestedAt: DAY_14 });
    expect(d.lines[0]?.outcome).toBe('ineligible');
    expect(d.quote).toBeNull();
  });

  it('an order with a parcel still to come is within the withdrawal period', () => {
    const open = { ...order, lines: [order.lines[0] as OrderReturnRequest['order']['lines'][number], { id: 'tee', category: 'apparel', unitPrice: '20.00', quantity: 2 }] };
    const fromDelivery = defineReturnPolicy({ ...berlinSpec, id: 'from-delivery', windows: [{ id: 'ten', days: 10, from: 'delivery' }] });
    const request = { order: open, returning: [{ line: 'mat', quantity: 1, condition: 'unopened' }], requestedAt: '2026-11-20T12:00:00+01:00' } as const;
    expect(checkOrderReturn(fromDelivery, request).lines[0]?.outcome).toBe('ineligible');
    const d = checkOrderReturn(fromDelivery, { ...request, customer: de });
    expect(d.lines[0]?.outcome).toBe('eligible');
    expect(d.lines[0]?.legal?.right).toBe('withdrawal');
  });

  it('an unknown jurisdiction is refused at customer.jurisdiction', () => {
    expect(() => checkOrderReturn(berlin, { order, returning: [{ line: 'tee', quantity: 1, condition: 'unopened' }], requestedAt: DAY_14, customer: { jurisdiction: 'Deutschland' } })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'INVALID_VALUE', path: ['customer', 'jurisdiction'] })] }),
    );
  });
});

describe('the issue\'s example: the Tru Fit preset and a customer in Germany', () => {
  const trufit = presets.trufit;
  const delivered = '2026-10-01T12:00:00-07:00';

  it('no longer charges its 10 % restocking fee on opened equipment on day 10 (Directive 2011/83/EU, art. 14(2))', () => {
    const request = { category: 'equipment', price: '120.00', condition: 'opened', deliveredAt: delivered, requestedAt: '2026-10-11T12:00:00-07:00' } as const;
    const merchant = checkReturnOf(request);
    expect(merchant?.quote?.lines.map((l) => [l.kind, l.amount.amount])).toEqual([['price', '120.00'], ['restocking', '-12.00']]);
    const law = checkReturnOf({ ...request, customer: { jurisdiction: 'DE' } });
    expect(law.quote?.lines.map((l) => [l.kind, l.amount.amount])).toEqual([['price', '120.00']]);
    expect(law.quote?.refund.amount).toBe('120.00');
    expect(law.legal?.applied).toEqual(['eu-withdrawal-deductions']);
  });

  it('covers a warranty claim at month 13 (Directive (EU) 2019/771, art. 10(1))', () => {
    const claim = { category: 'equipment', evidence: ['proofOfPurchase'], purchasedAt: '2025-09-28T12:00:00-07:00', deliveredAt: delivered.replace('2026', '2025'), claimedAt: '2026-11-02T12:00:00-08:00' } as const;
    const alone = checkWarrantyClaim(trufit.warranty!, claim);
    expect(alone.outcome).toBe('not-covered');
    expect(alone.coverage?.lastDay).toBe('2026-09-27');
    const d = checkWarrantyClaim(trufit.warranty!, { ...claim, customer: { jurisdiction: 'DE' } });
    expect(d.outcome).toBe('covered');
    expect(d.coverage?.lastDay).toBe('2027-09-30');
    expect(d.reasons.find((r) => r.code === 'LEGAL_PRESUMPTION')?.facts.presumed).toBe(false);
  });
});

function checkReturnOf(request: ReturnRequest) {
  return checkReturn(presets.trufit.returns!, request);
}
