// Return, exchange and replacement requests decided by a policy, with the numbers from the
// playbooks: Primos' "30 days from delivery", "0–15% only for non-defective, opened electronics"
// (15 %), "exchanges within 30 days can incur a flat $7 handling fee for small items and $15 for
// larger items", "shipping for replacements under warranty should be free" and "refunds within
// 7–10 business days after receiving the returned item" (7); Amare's "return authorization within
// 48 hours of a verified request" (48 elapsed hours, as the presets read it); HomePro's "30 days for
// non-installed goods". Each row says what changes hands and when things are due, in the store's
// local time; a warranty request after the window is told to go to checkWarrantyClaim. Run: npm run examples (or node examples/returns.mjs after npm run build).
import { checkReturn, defineReturnPolicy, formatLocal, formatMoney, quoteFees } from 'support-rules';

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
    rules: [
      { id: 'restock-opened-electronics', kind: 'restocking', percent: 15, description: 'Restocking (opened electronics)', when: { condition: ['opened', 'used'], defective: false, category: ['electronics'], service: ['return'] } },
      { id: 'exchange-small', kind: 'handling', flat: '7.00', description: 'Exchange handling (small item)', when: { service: ['exchange'], sizeClass: ['small'], daysSinceDelivery: { lte: 30 } } },
      { id: 'exchange-large', kind: 'handling', flat: '15.00', description: 'Exchange handling (large item)', when: { service: ['exchange'], sizeClass: ['large'], daysSinceDelivery: { lte: 30 } } },
      { id: 'warranty-shipping', kind: 'shipping', free: true, description: 'Warranty replacement shipping', when: { service: ['replacement'], warranty: true } },
      { id: 'expedited', kind: 'expedited', description: 'Expedited replacement', when: { expedited: true }, bands: [{ upToKg: 2, amount: '25.00' }, { upToKg: 10, amount: '35.00' }, { amount: '45.00' }] },
    ],
  },
  calendar: { timeZone: 'America/New_York', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: ['2026-11-26'] },
  authorizationWithin: { hours: 48 },
  authorizationClock: 'around-the-clock',
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
});
const zone = policy.spec.timeZone;

const delivered = new Date('2026-10-01T15:00:00-04:00');
const received = new Date('2026-10-23T11:00:00-04:00');
const cases = [
  ['Opened headphones, day 19', { category: 'electronics', price: '129.99', condition: 'opened', requestedAt: new Date('2026-10-20T10:00:00-04:00'), receivedAt: received }],
  ['Opened but defective headphones, day 19', { category: 'electronics', price: '129.99', condition: 'opened', defective: true, requestedAt: new Date('2026-10-20T10:00:00-04:00'), receivedAt: received }],
  ['Unopened blender, day 30', { category: 'appliances', price: '89.00', condition: 'unopened', requestedAt: new Date('2026-10-31T20:00:00-04:00') }],
  ['Opened headphones, day 35', { category: 'electronics', price: '129.99', condition: 'opened', requestedAt: new Date('2026-11-05T10:00:00-05:00') }],
  ['Installed dishwasher, day 10', { category: 'appliances', price: '649.00', condition: 'used', flags: ['installed'], requestedAt: new Date('2026-10-11T10:00:00-04:00') }],
  ['Dropped tablet, day 5', { category: 'electronics', price: '329.00', condition: 'damaged-by-customer', requestedAt: new Date('2026-10-06T10:00:00-04:00') }],
  ['Earbuds exchanged, small, day 9', { category: 'electronics', price: '49.99', condition: 'opened', service: 'exchange', sizeClass: 'small', requestedAt: new Date('2026-10-10T10:00:00-04:00') }],
  ['Defective tablet replaced under warranty', { category: 'electronics', price: '329.00', condition: 'opened', defective: true, warranty: true, service: 'replacement', requestedAt: new Date('2026-10-12T10:00:00-04:00') }],
  ['Defective tablet under warranty, day 35', { category: 'electronics', price: '329.00', condition: 'opened', defective: true, warranty: true, service: 'replacement', requestedAt: new Date('2026-11-05T10:00:00-05:00') }],
];

console.table(
  cases.map(([label, request]) => {
    const decision = checkReturn(policy, { evidence: ['proofOfPurchase'], deliveredAt: delivered, ...request });
    const { quote, deadlines } = decision;
    return {
      case: label,
      outcome: decision.outcome,
      'window ends': formatLocal(decision.window.deadline, zone),
      lines: quote ? quote.lines.map((line) => `${line.kind} ${formatMoney(line.amount)}`).join(', ') : '-',
      'changes hands': decision.reasons.find((r) => r.code === 'QUOTE_BALANCE')?.message ?? '-',
      'authorize by': deadlines.authorizeBy ? formatLocal(deadlines.authorizeBy, zone) : '-',
      'refund by': deadlines.refundBy ? formatLocal(deadlines.refundBy, zone) : '-',
      why: decision.reasons.filter((r) => !r.code.startsWith('FEE_') && r.code !== 'QUOTE_BALANCE').map((r) => r.code).join(', '),
    };
  }),
);

// A warranty request after the window is not a return: its reason says where to take it.
const lateWarranty = checkReturn(policy, { evidence: ['proofOfPurchase'], deliveredAt: delivered, ...cases.at(-1)[1] });
const expired = lateWarranty.reasons.find((r) => r.code === 'RETURN_WINDOW_EXPIRED');
console.log(`Defective tablet under warranty, day 35 (${expired.facts.next}): ${expired.message}`);

// A fee outside a return, from the same compiled policy: an expedited warranty replacement of 3 kg.
const expedited = quoteFees(policy.fees, { service: 'replacement', warranty: true, expedited: true, weightKg: 3 });
console.log(`Expedited warranty replacement, 3 kg: ${expedited.fees.map((f) => `${f.rule} ${formatMoney(f.amount)}`).join(', ')}; total ${formatMoney(expedited.total)}`);
