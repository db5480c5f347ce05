// The policies the law's worked tests share: a Berlin shop whose own rules undercut the law on every
// point (a 10-day window from the last delivery, restocking on opened goods, refunds 20 days after
// receipt, no shipping refund, a 12-month warranty from purchase), and a London shop for the UK.
import { defineReturnPolicy, type ReturnPolicySpec } from '../../src/returns/index.js';
import { defineWarrantyPolicy } from '../../src/warranty/index.js';

export const berlinSpec: ReturnPolicySpec = {
  id: 'berlin-shop',
  timeZone: 'Europe/Berlin',
  categories: ['equipment', 'apparel'],
  windows: [{ id: 'ten-days', days: 10, from: 'lastItemDelivered' }],
  fees: {
    id: 'berlin-fees',
    currency: 'EUR',
    rules: [
      { id: 'restock', kind: 'restocking', percent: 10, description: 'Restocking (opened or used)', when: { condition: ['opened', 'used'], defective: false, service: ['return'] } },
      { id: 'label', kind: 'label', flat: '4.95', description: 'Return label', when: { service: ['return'] } },
    ],
  },
  refund: { method: 'original-payment', issuedWithin: { days: 20 } },
};
export const berlin = defineReturnPolicy(berlinSpec);

/** The same shop with a 30-day window: its own rule decides after the law's 14 days. */
export const berlin30 = defineReturnPolicy({ ...berlinSpec, id: 'berlin-30', windows: [{ id: 'thirty-days', days: 30, from: 'lastItemDelivered' }] });

export const london = defineReturnPolicy({
  id: 'london-shop',
  timeZone: 'Europe/London',
  categories: ['equipment'],
  windows: [{ id: 'seven-days', days: 7, from: 'delivery' }],
  fees: {
    id: 'london-fees',
    currency: 'GBP',
    rules: [
      { id: 'restock', kind: 'restocking', percent: 15, when: { condition: ['opened', 'used'], service: ['return'] } },
      { id: 'label', kind: 'label', flat: '3.50', when: { service: ['return'] } },
    ],
  },
  refund: { method: 'original-payment', issuedWithin: { days: 30 } },
});

export const berlinWarranty = defineWarrantyPolicy({
  id: 'berlin-warranty',
  timeZone: 'Europe/Berlin',
  categories: ['equipment'],
  terms: [
    { id: 'standard-12', months: 12, from: 'purchase', covers: { parts: true, labour: false, onSite: false, shipping: false } },
  ],
  remedies: [{ id: 'repair', remedy: 'depot-repair' }],
});

/** A policy with no term at all for apparel: only the law can cover it. */
export const noTermWarranty = defineWarrantyPolicy({
  id: 'no-term',
  timeZone: 'Europe/Berlin',
  categories: ['equipment', 'apparel'],
  terms: [{ id: 'equipment-12', category: 'equipment', months: 12, from: 'delivery', covers: { parts: true, labour: true, onSite: false, shipping: true } }],
});
