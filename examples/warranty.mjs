// Warranty claims decided by PelPro's playbook: "a 24-month limited warranty on electronics and a
// 36-month limited warranty on structural components for commercial units shipped after 2020";
// "Warranty validation requires proof of purchase and serial number verification"; extended plans
// "$49 (one-year extension for consumer units)"; "RMA number within 24 business hours";
// "7–12 business days for depot repair" (12 here).
// Run: npm run examples (or node examples/warranty.mjs after npm run build).
import { checkWarrantyClaim, defineWarrantyPolicy } from 'support-rules';

const weekday = ['07:00-19:00'];
const covers = { parts: true, labour: true, onSite: false, shipping: true };
const policy = defineWarrantyPolicy({
  id: 'pelpro-warranty',
  timeZone: 'America/Chicago',
  categories: ['electronics', 'industrial-unit'],
  terms: [
    { id: 'structural-36', category: ['industrial-unit'], segment: ['commercial'], part: ['structural'], months: 36, from: 'ship', shippedFrom: '2021-01-01', covers: { ...covers, onSite: true } },
    { id: 'electronics-24', months: 24, from: 'purchase', covers },
  ],
  plans: [{ id: 'consumer-1y', price: '49.00', currency: 'USD', months: 12, segment: ['consumer'], buyWithinDays: 30, stacking: 'after-base' }],
  evidence: [{ id: 'validation', requires: ['proofOfPurchase', 'serialNumber'] }],
  remedies: [{ id: 'depot', remedy: 'depot-repair', within: { businessDays: 12 } }],
  calendar: { timeZone: 'America/Chicago', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: ['2026-11-26'] },
  rmaWithin: { hours: 24 },
});

const claimedAt = new Date('2026-11-25T15:00:00-06:00');
const cases = [
  ['Router bought 2025-03-02', { category: 'electronics', segment: 'consumer', purchasedAt: new Date('2025-03-02T12:00:00-06:00'), evidence: ['proofOfPurchase', 'serialNumber'] }],
  ['Router, no serial number', { category: 'electronics', segment: 'consumer', purchasedAt: new Date('2025-03-02T12:00:00-06:00'), evidence: ['proofOfPurchase'] }],
  ['Router bought 2024-06-10', { category: 'electronics', segment: 'consumer', purchasedAt: new Date('2024-06-10T12:00:00-05:00'), evidence: ['proofOfPurchase', 'serialNumber'] }],
  ['Same, with the $49 plan', { category: 'electronics', segment: 'consumer', purchasedAt: new Date('2024-06-10T12:00:00-05:00'), evidence: ['proofOfPurchase', 'serialNumber'], plans: [{ plan: 'consumer-1y', boughtAt: new Date('2024-06-10T12:00:00-05:00') }] }],
  ['Frame of a 2022 commercial unit', { category: 'industrial-unit', segment: 'commercial', part: 'structural', purchasedAt: new Date('2022-09-01T12:00:00-05:00'), shippedAt: new Date('2024-01-15T12:00:00-06:00'), evidence: ['proofOfPurchase', 'serialNumber'] }],
];

const day = (date) => (date ? date.toISOString().slice(0, 10) : '-');
console.table(
  cases.map(([label, claim]) => {
    const decision = checkWarrantyClaim(policy, { ...claim, claimedAt });
    return {
      case: label,
      outcome: decision.outcome,
      'covered through': decision.coverage?.lastDay ?? '-',
      remedy: decision.remedy?.remedy ?? '-',
      'RMA by': day(decision.deadlines.rmaBy),
      'repair by': day(decision.remedy?.dueBy),
      why: decision.reasons.map((r) => r.code).join(', '),
    };
  }),
);
