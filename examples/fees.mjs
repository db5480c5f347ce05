// Fee schedules as policy data, quoted exactly and explained. From the playbooks: PelPro's
// "Restocking fee for non-defective returns: 15% if returned after 30 days"; HomePro's "Diagnostic
// fee 350 currency units (waived if repair performed)" and "express same-day service premium
// +30–50%" (30 % here). Run: npm run examples (or node examples/fees.mjs after npm run build).
import { defineFeeSchedule, formatMoney, quoteFees } from 'support-rules';

const pelpro = defineFeeSchedule({
  id: 'pelpro',
  currency: 'USD',
  rules: [{ id: 'restock-after-30', kind: 'restocking', percent: 15, when: { condition: ['unopened', 'opened', 'used'], daysSinceDelivery: { gt: 30 } } }],
});
const homepro = defineFeeSchedule({
  id: 'homepro',
  currency: 'THB',
  rules: [
    { id: 'diagnostic', kind: 'diagnostic', flat: '350', when: { service: ['visit', 'repair'] }, waiveWhen: { repairPerformed: true } },
    { id: 'visit', kind: 'visit', flat: '500', when: { service: ['visit', 'repair'] } },
    { id: 'same-day', kind: 'premium', percent: 30, of: 'fee:visit', when: { sameDay: true } },
  ],
});

const cases = [
  ['PelPro return, opened, day 30', pelpro, { price: '129.99', condition: 'opened', daysSinceDelivery: 30 }],
  ['PelPro return, opened, day 31', pelpro, { price: '129.99', condition: 'opened', daysSinceDelivery: 31 }],
  ['PelPro return, defective, day 45', pelpro, { price: '129.99', condition: 'defective', daysSinceDelivery: 45 }],
  ['HomePro visit, no repair', homepro, { service: 'visit' }],
  ['HomePro same-day repair', homepro, { service: 'repair', repairPerformed: true, sameDay: true }],
];

console.table(
  cases.map(([label, schedule, request]) => {
    const quote = quoteFees(schedule, request);
    return {
      case: label,
      fees: quote.fees.map((f) => `${f.rule} ${formatMoney(f.amount)}${f.waived ? ' (waived)' : ''}`).join(', ') || '-',
      total: formatMoney(quote.total),
      why: quote.reasons.map((r) => r.code).join(', '),
    };
  }),
);
