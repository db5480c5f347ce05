// The order-return policy the worked examples and laws of test/returns/order*.test.ts share: Tru
// Fit's playbook ("allow pre-paid returns labels for orders over $75", 30 days from delivery, 10 %
// restocking on opened equipment) with a 5.00 label per order under the threshold, and Primos'
// "verified shipping errors or damaged items: immediate full refund" as a shipping refund rule.
import type { ReturnPolicySpec } from '../../src/returns/index.js';

export const spec: ReturnPolicySpec = {
  id: 'trufit-orders',
  timeZone: 'America/Los_Angeles',
  categories: ['equipment', 'apparel', 'accessories'],
  windows: [{ id: 'full-refund-30', days: 30, from: 'delivery' }],
  nonReturnable: [{ id: 'final-sale', flags: ['final-sale'], defective: false }],
  reviewConditions: ['damaged-by-customer'],
  fees: {
    id: 'trufit-fees',
    currency: 'USD',
    rules: [
      { id: 'prepaid-label', kind: 'label', per: 'order', free: true, description: 'Pre-paid return label (orders over $75)', when: { service: ['return'], orderValue: { gt: '75.00' } } },
      { id: 'label', kind: 'label', per: 'order', flat: '5.00', description: 'Return label', when: { service: ['return'] } },
      { id: 'restock-equipment', kind: 'restocking', percent: 10, description: 'Restocking (opened equipment)', when: { condition: ['opened', 'used'], defective: false, category: ['equipment'], service: ['return'] } },
      { id: 'exchange-handling', kind: 'handling', flat: '4.00', description: 'Exchange handling', when: { service: ['exchange'] } },
    ],
  },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 5 } },
  shippingRefund: [
    { id: 'whole-order', wholeOrder: true, description: 'Shipping refunded (whole order returned)' },
    { id: 'merchant-fault', defective: true, description: 'Shipping refunded (defective item)' },
  ],
};

export const DELIVERED = '2026-10-02T12:00:00-07:00';
export const REQUESTED = '2026-10-10T09:00:00-07:00';

/** Five items in three lines, a 10 % coupon, 7.95 of shipping. */
export const order = {
  id: 'TF-5001',
  placedAt: '2026-09-28T18:00:00-07:00',
  lines: [
    { id: 'mat', sku: 'YM-01', category: 'equipment', unitPrice: '39.99', quantity: 1, deliveredAt: DELIVERED },
    { id: 'dumbbells', category: 'equipment', unitPrice: '24.50', quantity: 2, deliveredAt: DELIVERED },
    { id: 'tee', category: 'apparel', unitPrice: '19.99', quantity: 2, deliveredAt: DELIVERED },
  ],
  discounts: [{ id: 'COUPON10', percent: 10 }],
  shipping: { amount: '7.95' },
};
