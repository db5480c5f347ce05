// Warranty claims decided by PelPro's playbook: "a 24-month limited warranty on electronics and a
// 36-month limited warranty on structural components for commercial units shipped after 2020";
// "Warranty validation requires proof of purchase and serial number verification"; extended plans
// "$49 (one-year extension for consumer units)"; "RMA number within 24 business hours";
// "7–12 business days for depot repair" (12 here). "Support verifies warranty status and issues an
// RMA number within 24 business hours": the RMA comes after validation, so a claim still waiting
// for its serial number has no deadline yet, only what follows once it arrives.
// Run: npm run examples (or node examples/warranty.mjs after npm run build).
import { checkWarrantyClaim, defineWarrantyPolicy, formatLocal } from 'support-rules';

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

// Instants a person reads are shown in the policy's zone: '2026-11-30 15:00 CST (21:00Z)'.
const at = (instant) => (instant ? formatLocal(instant, policy.spec.timeZone) : '-');
console.table(
  cases.map(([label, claim]) => {
    const decision = checkWarrantyClaim(policy, { ...claim, claimedAt });
    return {
      case: label,
      outcome: decision.outcome,
      'covered through': decision.coverage?.lastDay ?? '-',
      remedy: decision.remedy?.remedy ?? '-',
      'RMA by': at(decision.deadlines.rmaBy),
      'repair by': at(decision.remedy?.dueBy),
      why: decision.reasons.map((r) => r.code).join(', '),
    };
  }),
);

// One claim, followed: filed on Wednesday 25 November without its serial number, validated on
// Friday 27 November at 10:00 (Thursday is Thanksgiving, a holiday on the calendar).
const router = { category: 'electronics', segment: 'consumer', purchasedAt: new Date('2026-01-10T12:00:00-06:00'), evidence: ['proofOfPurchase'], claimedAt };
const waiting = checkWarrantyClaim(policy, router);
const { then } = waiting.awaiting;
console.log(`\nFiled ${at(claimedAt)}: ${waiting.outcome}, waiting for ${waiting.awaiting.evidence.join(', ')}`);
console.log(`  RMA by ${at(waiting.deadlines.rmaBy)}, repair by ${at(waiting.remedy?.dueBy)} (no deadline runs yet)`);
console.log(`  once it arrives: ${then.remedy.remedy} within ${then.remedy.within.text}, RMA number within ${then.rmaWithin.text} of the evidence`);
console.log(`  ${waiting.reasons.at(-1).message}`);

const evidenceCompletedAt = new Date('2026-11-27T10:00:00-06:00');
const validated = checkWarrantyClaim(policy, { ...router, evidence: ['proofOfPurchase', 'serialNumber'], evidenceCompletedAt });
console.log(`\nSerial number verified ${at(evidenceCompletedAt)}: ${validated.outcome}, covered through ${validated.coverage.lastDay}`);
console.log(`  deadlines count from ${at(validated.deadlines.countedFrom)}`);
console.log(`  RMA number by ${at(validated.deadlines.rmaBy)}`);
console.log(`  ${validated.remedy.remedy} by ${at(validated.remedy.dueBy)}`);
console.log(`  ${validated.reasons.map((r) => r.code).join(', ')}`);
