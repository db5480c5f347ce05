import { expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { checkOrderReturn, defineReturnPolicy, type ReturnedLine } from '../../src/returns/index.js';

// The examples of docs/returns.md ("Whole orders") and of checkOrderReturn's doc comment.
const policy = defineReturnPolicy({
  id: 'trufit-orders',
  timeZone: 'America/Los_Angeles',
  categories: ['equipment', 'apparel', 'accessories'],
  windows: [{ id: 'full-refund-30', days: 30, from: 'delivery' }],
  fees: {
    id: 'trufit-fees',
    currency: 'USD',
    rules: [
      { id: 'prepaid-label', kind: 'label', per: 'order', free: true, description: 'Pre-paid return label (orders over $75)', when: { service: ['return'], orderValue: { gt: '75.00' } } },
      { id: 'label', kind: 'label', per: 'order', flat: '5.00', description: 'Return label', when: { service: ['return'] } },
      { id: 'restock-equipment', kind: 'restocking', percent: 10, description: 'Restocking (opened equipment)', when: { condition: ['opened', 'used'], defective: false, category: ['equipment'], service: ['return'] } },
    ],
  },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 5 } },
  shippingRefund: [{ id: 'whole-order', wholeOrder: true }, { id: 'merchant-fault', defective: true }],
});
const usd = (amount: string) => money(amount, 'USD');
const delivered = '2026-10-02T12:00:00-07:00';
const order = {
  id: 'TF-5001',
  placedAt: '2026-09-28T18:00:00-07:00',
  lines: [
    { id: 'mat', sku: 'YM-01', category: 'equipment', unitPrice: '39.99', quantity: 1, deliveredAt: delivered },
    { id: 'dumbbells', category: 'equipment', unitPrice: '24.50', quantity: 2, deliveredAt: delivered },
    { id: 'tee', category: 'apparel', unitPrice: '19.99', quantity: 2, deliveredAt: delivered },
  ],
  discounts: [{ id: 'COUPON10', percent: 10 }],
  shipping: { amount: '7.95' },
};

it('decides two of five items from an order with a 10 % coupon and paid shipping ("Whole orders")', () => {
  const returning: ReturnedLine[] = [{ line: 'mat', quantity: 1, condition: 'opened' }, { line: 'tee', quantity: 1, condition: 'unopened' }];
  const decision = checkOrderReturn(policy, { order, returning, requestedAt: '2026-10-10T09:00:00-07:00' });
  expect(decision.order.value).toEqual(usd('116.07'));
  expect(decision.discounts[0]?.shares.map((s) => [s.line, s.amount.amount])).toEqual([['mat', '4.00'], ['dumbbells', '4.90'], ['tee', '4.00']]);
  expect(decision.lines.map((l) => [l.line, l.gross.amount, l.discount.amount, l.price.amount])).toEqual([
    ['mat', '39.99', '4.00', '35.99'],
    ['tee', '19.99', '2.00', '17.99'],
  ]);
  expect(decision.quote?.lines.map((l) => [l.line, l.kind, l.amount.amount])).toEqual([
    ['mat', 'price', '39.99'],
    ['mat', 'discount', '-4.00'],
    ['mat', 'restocking', '-3.60'],
    ['tee', 'price', '19.99'],
    ['tee', 'discount', '-2.00'],
    [null, 'label', '0.00'],
  ]);
  expect(decision.quote?.refund).toEqual(usd('50.38'));
  expect(decision.reasons.map((r) => [r.code, r.rule ?? null])).toEqual([
    ['DISCOUNT_PRORATED', 'COUPON10'],
    ['FEE_APPLIED', 'prepaid-label'],
    ['FEE_SHADOWED', 'label'],
    ['SHIPPING_NOT_REFUNDED', null],
    ['ORDER_QUOTE_BALANCE', null],
  ]);
  const faulty = checkOrderReturn(policy, { order, returning: [{ ...(returning[0] as ReturnedLine), defective: true }, returning[1] as ReturnedLine], requestedAt: '2026-10-10T09:00:00-07:00' });
  expect(faulty.quote?.refund).toEqual(usd('61.93'));
  const everything = order.lines.map((line) => ({ line: line.id, quantity: line.quantity, condition: 'unopened' as const }));
  expect(checkOrderReturn(policy, { order, returning: everything, requestedAt: '2026-10-10T09:00:00-07:00' }).quote?.refund).toEqual(usd('124.02'));
});

it('decides the doc comment\'s order: two pairs of socks back from a 72.00 order pay the 5.00 label', () => {
  const decision = checkOrderReturn(policy, {
    order: {
      id: 'A-1001',
      lines: [
        { id: 'shoes', category: 'apparel', unitPrice: '60.00', quantity: 1, deliveredAt: delivered },
        { id: 'socks', category: 'apparel', unitPrice: '5.00', quantity: 4, deliveredAt: delivered },
      ],
      discounts: [{ id: 'WELCOME10', percent: 10 }],
      shipping: { amount: '6.00' },
    },
    returning: [{ line: 'socks', quantity: 2, condition: 'unopened' }],
    requestedAt: '2026-10-10T09:00:00-07:00',
  });
  expect(decision.order.value).toEqual(usd('72.00'));
  expect(decision.discounts[0]?.shares).toEqual([{ line: 'shoes', amount: usd('6.00') }, { line: 'socks', amount: usd('2.00') }]);
  expect(decision.lines[0]?.price).toEqual(usd('9.00'));
  expect(decision.quote?.lines.map((l) => [l.kind, l.amount.amount])).toEqual([['price', '10.00'], ['discount', '-1.00'], ['label', '-5.00']]);
  expect(decision.quote?.refund).toEqual(usd('4.00'));
});
