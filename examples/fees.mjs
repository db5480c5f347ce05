// Fee schedules as policy data, quoted exactly and explained. From the playbooks: PelPro's
// "Restocking fee for non-defective returns: 15% if returned after 30 days"; Tru Fit's "allow
// pre-paid returns labels for orders over $75"; HomePro's "Diagnostic fee 350 currency units
// (waived if repair performed)" and "express same-day service premium +30–50%", quoted from the
// HomePro preset's compiled schedule (presets.homepro.returns.fees) rather than written again.
// The packaging state (`condition`) and the fault (`defective`) are separate facts. A rule that
// charges is never skipped for a fact the request left out: Primos' "flat $7 handling fee for small
// items and $15 for larger items" needs the exchange's size class (MISSING_FACT otherwise).
// Run: npm run examples (or node examples/fees.mjs after npm run build).
import { defineFeeSchedule, formatMoney, presets, quoteFees } from 'support-rules';

const pelpro = defineFeeSchedule({
  id: 'pelpro',
  currency: 'USD',
  rules: [{ id: 'restock-after-30', kind: 'restocking', percent: 15, when: { defective: false, daysSinceDelivery: { gt: 30 } } }],
});
const trufit = defineFeeSchedule({
  id: 'trufit',
  currency: 'USD',
  rules: [{ id: 'prepaid-label', kind: 'label', free: true, when: { service: ['return'], orderValue: { gt: '75.00' } } }],
});
const homepro = presets.homepro.returns.fees;

const cases = [
  ['PelPro return, opened, day 30', pelpro, { price: '129.99', condition: 'opened', daysSinceDelivery: 30 }],
  ['PelPro return, opened, day 31', pelpro, { price: '129.99', condition: 'opened', daysSinceDelivery: 31 }],
  ['PelPro return, opened but defective, day 45', pelpro, { price: '129.99', condition: 'opened', defective: true, daysSinceDelivery: 45 }],
  ['PelPro return, damaged by the customer, day 45', pelpro, { price: '129.99', condition: 'damaged-by-customer', daysSinceDelivery: 45 }],
  ['Tru Fit return, order of $75.01', trufit, { service: 'return', orderValue: '75.01' }],
  ['Tru Fit return, order of $75.00', trufit, { service: 'return', orderValue: '75.00' }],
  ['HomePro visit, no repair', homepro, { service: 'visit' }],
  ['HomePro same-day visit', homepro, { service: 'visit', sameDay: true }],
  ['HomePro same-day repair', homepro, { service: 'repair', repairPerformed: true, sameDay: true }],
];

console.table(
  cases.map(([label, schedule, request]) => {
    const quote = quoteFees(schedule, request);
    return {
      case: label,
      fees: quote.fees.map((f) => `${f.rule} ${formatMoney(f.amount)}${f.waived ? ' (waived)' : ''}`).join(', ') || '-',
      'the customer pays': formatMoney(quote.total),
      // What charged or was waived; when nothing did, why the rules did not apply.
      why:
        quote.fees.length > 0
          ? quote.reasons.filter((r) => r.code !== 'FEE_NOT_APPLICABLE').map((r) => `${r.code} ${r.rule}`).join(', ')
          : quote.reasons.map((r) => r.message).join(' '),
    };
  }),
);

// A charging rule never fails quietly: a Primos exchange that does not say its size class is
// refused with what each rule would charge, instead of quoting no handling fee.
const primos = presets.primos.returns.fees;
const exchange = { service: 'exchange', daysSinceDelivery: 12 };
try {
  quoteFees(primos, exchange);
} catch (error) {
  for (const issue of error.issues) console.log(`Primos exchange, no size class: ${issue.code} at ${issue.path.join('.')}: ${issue.message}`);
}
console.log(`Primos exchange, small, day 12: the customer pays ${formatMoney(quoteFees(primos, { ...exchange, sizeClass: 'small' }).total)}`);
