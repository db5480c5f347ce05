// The seeds' fee rules as fee schedules, each beside the sentence it encodes. Ranges are pinned to
// one value (noted where so).
import type { FeeScheduleSpec } from '../../src/fees/index.js';

// PelPro: "Restocking fee for non-defective returns: 15% if returned after 30 days." Whatever the
// packaging state (damaged by the customer included); a defective item is never charged.
export const pelpro: FeeScheduleSpec = {
  id: 'pelpro',
  currency: 'USD',
  rules: [{ id: 'restock-after-30', kind: 'restocking', percent: 15, when: { defective: false, daysSinceDelivery: { gt: 30 } } }],
};

// Primos: "a suggested restocking fee of 0–15% only for non-defective, opened electronics" (15 %);
// "shipping for replacements under warranty should be free; exchanges within 30 days can incur a
// flat $7 handling fee for small items and $15 for larger items"; "typical expedited fee $25–$45
// depending on weight" (bands 25 / 35 / 45 are ours).
export const primos: FeeScheduleSpec = {
  id: 'primos',
  currency: 'USD',
  rules: [
    { id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened'], defective: false, category: ['electronics'], service: ['return'] } },
    { id: 'exchange-small', kind: 'handling', flat: '7.00', when: { service: ['exchange'], sizeClass: ['small'], daysSinceDelivery: { lte: 30 } } },
    { id: 'exchange-large', kind: 'handling', flat: '15.00', when: { service: ['exchange'], sizeClass: ['large'], daysSinceDelivery: { lte: 30 } } },
    { id: 'warranty-shipping', kind: 'shipping', free: true, when: { service: ['replacement'], warranty: true } },
    {
      id: 'expedited',
      kind: 'expedited',
      when: { expedited: true },
      bands: [
        { upToKg: 2, amount: '25.00' },
        { upToKg: 10, amount: '35.00' },
        { amount: '45.00' },
      ],
    },
  ],
};

// HomePro: "Diagnostic fee 350 currency units (waived if repair performed)"; "standard repair
// visit 500–2,000" (500); "express same-day service premium +30–50%" (30 %); "a restocking fee
// policy (0–15% depending on product condition)" (opened 10 %, used 15 %, damaged by the customer
// 15 %; a defective item is not restocked: ours; on returns, as in the preset, so that a visit
// need not say a packaging state). No return label: the "$75" label is Tru Fit's.
export const homepro: FeeScheduleSpec = {
  id: 'homepro',
  currency: 'THB',
  hitPolicy: { restocking: 'first' },
  rules: [
    { id: 'diagnostic', kind: 'diagnostic', flat: '350', when: { service: ['visit', 'repair'] }, waiveWhen: { repairPerformed: true } },
    { id: 'visit', kind: 'visit', flat: '500', when: { service: ['visit', 'repair'] } },
    { id: 'same-day', kind: 'premium', percent: 30, of: 'fee:visit', when: { sameDay: true } },
    { id: 'restock-opened', kind: 'restocking', percent: 10, when: { condition: ['opened'], defective: false, service: ['return'] } },
    { id: 'restock-used', kind: 'restocking', percent: 15, when: { condition: ['used', 'damaged-by-customer'], defective: false, service: ['return'] } },
  ],
};

// Tru Fit: "restocking fee 10% for opened/used equipment" (on refunds; a defective item is not
// restocked: ours) and "allow pre-paid returns labels for orders over $75".
export const trufit: FeeScheduleSpec = {
  id: 'trufit',
  currency: 'USD',
  rules: [
    { id: 'restock-equipment', kind: 'restocking', percent: 10, when: { condition: ['opened', 'used'], defective: false, category: ['equipment'], service: ['return'] } },
    { id: 'prepaid-label', kind: 'label', free: true, description: 'Pre-paid return label', when: { service: ['return'], orderValue: { gt: '75.00' } } },
  ],
};
