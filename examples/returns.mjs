// Return requests decided by a policy, with the numbers from the playbooks: Primos' "30 days from
// delivery" and "0–15% only for non-defective, opened electronics" (15 %), "refunds within 7–10
// business days after receiving the returned item" (7); Amare's "return authorization within 48
// hours of a verified request"; HomePro's "30 days for non-installed goods".
// Run: npm run examples (or node examples/returns.mjs after npm run build).
import { checkReturn, defineReturnPolicy, formatMoney } from 'support-rules';

const weekday = ['09:00-17:00'];
const policy = defineReturnPolicy({
  id: 'primos-returns',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  nonReturnable: [{ id: 'installed', flags: ['installed'] }],
  reviewConditions: ['damaged-by-customer'],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  fees: {
    id: 'primos-fees',
    currency: 'USD',
    rules: [{ id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened'], category: ['electronics'] } }],
  },
  calendar: { timeZone: 'America/New_York', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: ['2026-11-26'] },
  authorizationWithin: { hours: 48 },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
});

const delivered = new Date('2026-10-01T15:00:00-04:00');
const cases = [
  ['Opened headphones, day 19', { category: 'electronics', price: '129.99', condition: 'opened', requestedAt: new Date('2026-10-20T10:00:00-04:00') }],
  ['Unopened blender, day 30', { category: 'appliances', price: '89.00', condition: 'unopened', requestedAt: new Date('2026-10-31T20:00:00-04:00') }],
  ['Opened headphones, day 35', { category: 'electronics', price: '129.99', condition: 'opened', requestedAt: new Date('2026-11-05T10:00:00-05:00') }],
  ['Installed dishwasher, day 10', { category: 'appliances', price: '649.00', condition: 'used', flags: ['installed'], requestedAt: new Date('2026-10-11T10:00:00-04:00') }],
  ['Dropped tablet, day 5', { category: 'electronics', price: '329.00', condition: 'damaged-by-customer', requestedAt: new Date('2026-10-06T10:00:00-04:00') }],
];

console.table(
  cases.map(([label, request]) => {
    const decision = checkReturn(policy, { evidence: ['proofOfPurchase'], deliveredAt: delivered, ...request });
    return {
      case: label,
      outcome: decision.outcome,
      'last day': decision.window.lastDay,
      refund: decision.quote ? formatMoney(decision.quote.refund) : '-',
      'authorize by': decision.deadlines.authorizeBy?.toISOString().slice(0, 16) ?? '-',
      why: decision.reasons.map((r) => r.code).join(', '),
    };
  }),
);
