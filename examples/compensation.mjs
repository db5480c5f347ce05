// What may an agent offer, and who must approve it? Primos' matrix: "for verified shipping errors
// or damaged items, immediate full refund or replacement + $10 goodwill credit; for delays over 7
// business days, offer $15 discount code or free expedited shipping on next order" ("immediate":
// no approval step); HomePro's agent empowerment "up to 1,000"; Tru Fit's "automate authorization
// for refunds under $50" (refunds only).
// Run: npm run examples (or node examples/compensation.mjs after npm run build).
import { approvalFor, decideCompensation, defineCompensationPolicy, formatMoney, presets } from 'support-rules';

const weekday = ['09:00-17:00'];
const policy = defineCompensationPolicy({
  id: 'primos',
  currency: 'USD',
  calendar: { timeZone: 'America/New_York', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: ['2026-11-26'] },
  rules: [
    { id: 'damaged', incident: 'damaged-item', when: { verified: true }, choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }], preApproved: true },
    { id: 'late-over-7', incident: 'delivery-delay', when: { delayBusinessDays: { gt: 7 } }, choose: [{ type: 'discount-code', amount: '15.00' }, { type: 'free-expedited-shipping', value: '25.00' }] },
  ],
  approval: [{ level: 'auto', limit: '50.00', comparison: '<', kinds: ['refund'] }, { level: 'agent', limit: '1000.00' }, { level: 'senior-manager' }],
});

const cases = [
  ['Damaged $29.99 mug', { type: 'damaged-item', verified: true, orderValue: '29.99' }],
  ['Damaged $1,499 TV', { type: 'damaged-item', verified: true, orderValue: '1499.00' }],
  ['Damage not verified', { type: 'damaged-item', verified: false, orderValue: '129.99' }],
  ['Delivered 8 business days late', { type: 'delivery-delay', promisedAt: new Date('2026-11-02T12:00:00-05:00'), deliveredAt: new Date('2026-11-12T12:00:00-05:00') }],
  ['Delivered 7 business days late (as given)', { type: 'delivery-delay', delayBusinessDays: 7 }],
  ['Delivered 9 business days late (as given)', { type: 'delivery-delay', delayBusinessDays: 9 }],
];
const offer = (o) => `${o.type} ${formatMoney(o.cost)}`;
// "none needed" (a pre-approved rule) is not "agent": the decision says which in `approval.needed`.
const approver = (approval) => (approval === null ? '-' : approval.needed ? approval.level : 'none needed (pre-approved)');
console.table(
  cases.map(([label, incident]) => {
    const decision = decideCompensation(policy, incident);
    const delay = decision.reasons.find((r) => r.code === 'DELAY_GIVEN' || r.code === 'DELAY_COUNTED');
    return {
      case: label,
      delay: delay ? `${delay.facts.delayBusinessDays} (${delay.facts.delaySource})` : '-',
      'choose one': decision.choose.map(offer).join(' | ') || '-',
      plus: decision.plus.map(offer).join(', ') || '-',
      'at most': formatMoney(decision.maxValue),
      approval: approver(decision.approval),
    };
  }),
);

// "May this role approve this amount?" Tru Fit's ladder (presets.trufit): "automate authorization
// for refunds under $50"; an agent approves refunds up to 500 (the preset's own step); Tier 3
// management "authorizes goodwill credits", so any credit goes to a senior manager.
const trufit = presets.trufit.compensation;
const questions = [
  { amount: '49.99', kind: 'refund' },
  { amount: '50.00', kind: 'refund' },
  { amount: '40.00', kind: 'credit' },
  { amount: '500.01', kind: 'refund' },
];
console.table(
  questions.map((question) => {
    const answer = approvalFor(trufit, question);
    return { amount: question.amount, kind: question.kind, level: answer.level, why: answer.reasons.map((r) => r.message).join(' ') };
  }),
);
