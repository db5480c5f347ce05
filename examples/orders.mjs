// Returns of several items of one order (docs/returns.md, "Whole orders"), with Tru Fit's playbook:
// 30 days from delivery, 10 % restocking on opened equipment, "allow pre-paid returns labels for
// orders over $75" (a label per order, 5.00 under the threshold), and shipping refunded when the
// whole order comes back or an item is defective. Two of five items come back from an order with a
// 10 % coupon and 7.95 of shipping; then the same with a defective mat, then everything. Each quote
// line says which returned line it belongs to (or "order"), and the lines add up to the refund.
// Run: npm run examples (or node examples/orders.mjs after npm run build).
import { checkOrderReturn, defineReturnPolicy, formatMoney } from 'support-rules';

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
const requestedAt = '2026-10-10T09:00:00-07:00';

const cases = [
  ['Opened mat and one tee', [{ line: 'mat', quantity: 1, condition: 'opened' }, { line: 'tee', quantity: 1, condition: 'unopened' }]],
  ['Defective mat and one tee', [{ line: 'mat', quantity: 1, condition: 'opened', defective: true }, { line: 'tee', quantity: 1, condition: 'unopened' }]],
  ['Everything, unopened', order.lines.map((line) => ({ line: line.id, quantity: line.quantity, condition: 'unopened' }))],
];

for (const [label, returning] of cases) {
  const decision = checkOrderReturn(policy, { order, returning, requestedAt });
  console.log(`\n${label} (order ${decision.order.id}, worth ${formatMoney(decision.order.value)} after discounts)`);
  console.table(decision.quote.lines.map((line) => ({ line: line.line ?? 'order', item: line.item, kind: line.kind, amount: formatMoney(line.amount) })));
  const shipping = decision.reasons.find((r) => r.code.startsWith('SHIPPING_'));
  console.log(`${shipping.message}\n${decision.reasons.at(-1).message}`);
}

const first = checkOrderReturn(policy, { order, returning: cases[0][1], requestedAt });
console.log(`\n${first.reasons[0].message}`);
