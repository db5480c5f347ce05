// Which tier does a case belong in, by when, and what must be opened? Amare: "any unresolved
// ticket after 48 hours escalates to a team lead; tickets with refunds >$200 or legal complaints
// escalate immediately to a senior manager; potential product quality incidents trigger a Product
// Quality Incident (PQI) workflow … within 24 hours" ("immediately": a zero span, due the instant
// the rule fires). HomePro: Level 3 "intervenes for compensation >1,000 currency units … and must
// respond within 4 business hours", the same 1,000 agents "can approve up to". Tru Fit:
// "root-cause analysis within 48 hours" of every SLA breach; "for recurring breaches (>3 times in
// 30 days) create a remediation ticket". Due dates are printed in each policy's local time.
// Run: npm run examples (or node examples/escalation.mjs after npm run build).
import { decideEscalation, defineEscalationPolicy, formatLocal } from 'support-rules';

const weekday = ['09:00-17:00'];
const amare = defineEscalationPolicy({
  id: 'amare',
  currency: 'USD',
  calendars: {
    clock: { timeZone: 'America/Denver', alwaysOpen: true },
    office: { timeZone: 'America/Denver', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
  },
  tiers: ['agent', 'team-lead', 'senior-manager'],
  rules: [
    { id: 'unresolved-48h', tier: 'team-lead', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } }, acknowledgeWithin: { within: { businessDays: 1 }, calendar: 'office' } },
    { id: 'refund-over-200', tier: 'senior-manager', when: { amount: { gt: '200.00' } }, reachWithin: { within: { hours: 0 }, calendar: 'clock' }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } },
    { id: 'legal', tier: 'senior-manager', when: { category: ['legal-complaint'] }, reachWithin: { within: { hours: 0 }, calendar: 'clock' }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } },
    { id: 'pqi', tier: 'agent', when: { category: ['product-quality'] }, workflows: [{ id: 'pqi-workflow', within: { within: { hours: 24 }, calendar: 'clock' } }] },
  ],
});

const denver = 'America/Denver';
const at = (date, zone) => (date ? formatLocal(date, zone) : '-');
const created = new Date('2026-11-23T16:00:00Z'); // Monday 09:00 in Denver
const cases = [
  ['Refund of $180, 3 hours old', { amount: '180.00', now: new Date('2026-11-23T19:00:00Z') }],
  ['Refund of $250', { amount: '250.00', now: new Date('2026-11-23T19:00:00Z') }],
  ['Legal complaint', { category: 'legal-complaint', now: new Date('2026-11-23T23:30:00Z') }],
  ['Legal complaint on a Saturday', { category: 'legal-complaint', createdAt: new Date('2026-11-28T20:00:00Z'), now: new Date('2026-11-28T20:05:00Z') }],
  ['Unresolved for 49 hours', { now: new Date('2026-11-25T17:00:00Z') }],
  ['Product quality report', { category: 'product-quality', now: new Date('2026-11-23T17:00:00Z') }],
];
console.table(
  cases.map(([label, facts]) => {
    const d = decideEscalation(amare, { createdAt: created, ...facts });
    return {
      case: label,
      tier: d.targetTier,
      fired: d.fired.map((f) => f.rule).join(', ') || '-',
      // "immediately" is a deadline at the instant the rule fired; "-" is no deadline at all.
      'reach by': at(d.deadlines.reachBy, denver),
      'acknowledge by': at(d.deadlines.acknowledgeBy, denver),
      workflows: d.workflows.map((w) => `${w.id} by ${at(w.dueBy, denver)}`).join(', ') || '-',
      'check again': at(d.nextCheckAt, denver),
    };
  }),
);

// HomePro: one threshold, written once. The escalation rule asks for an amount that needs at least
// a senior manager on the approval ladder (in a SupportPolicy, the compensation section's ladder).
const center = ['09:00-20:00'];
const homepro = defineEscalationPolicy({
  id: 'homepro',
  currency: 'THB',
  calendars: { center: { timeZone: 'Asia/Bangkok', hours: { mon: center, tue: center, wed: center, thu: center, fri: center } } },
  tiers: ['level-1', 'level-2', 'level-3'],
  approval: [{ level: 'agent', limit: '1000' }, { level: 'senior-manager' }],
  rules: [{ id: 'compensation-over-1000', tier: 'level-3', when: { approvalAtLeast: 'senior-manager' }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'center' } }],
});
const bangkok = new Date('2026-11-23T02:00:00Z'); // Monday 09:00 in Bangkok
console.table(
  ['1000.00', '1000.01'].map((amount) => {
    const d = decideEscalation(homepro, { amount, createdAt: bangkok, now: bangkok });
    const reason = d.reasons.find((r) => r.rule === 'compensation-over-1000');
    return { amount, tier: d.targetTier, 'needs approval of': reason?.facts.approvalLevel, 'acknowledge by': at(d.deadlines.acknowledgeBy, 'Asia/Bangkok') };
  }),
);

// Tru Fit: a root-cause analysis for every breach, each due 48 hours after its own breach; a
// remediation ticket past 3 breaches in 30 days.
const daily = ['07:00-22:00'];
const trufit = defineEscalationPolicy({
  id: 'trufit',
  currency: 'USD',
  calendars: {
    core: { timeZone: 'America/Los_Angeles', hours: { mon: daily, tue: daily, wed: daily, thu: daily, fri: daily, sat: daily, sun: daily } },
    clock: { timeZone: 'America/Los_Angeles', alwaysOpen: true },
  },
  tiers: ['tier-1', 'tier-2', 'tier-3'],
  breachWindow: { days: 30 },
  rules: [
    { id: 'breach-root-cause', tier: 'tier-1', when: { breachesInWindow: { gte: 1 } }, workflows: [{ id: 'root-cause-analysis', each: 'breach', within: { within: { hours: 48 }, calendar: 'clock' } }] },
    { id: 'recurring-breaches', tier: 'tier-1', when: { breachesInWindow: { gt: 3 } }, workflows: [{ id: 'remediation-ticket', within: { within: { businessDays: 1 }, calendar: 'core' } }] },
  ],
});
const queue = decideEscalation(trufit, {
  createdAt: '2026-11-29T00:00:00Z',
  now: '2026-11-30T00:00:00Z',
  breaches: ['2026-11-02T12:00:00Z', '2026-11-10T12:00:00Z', '2026-11-20T12:00:00Z', '2026-11-28T12:00:00Z'],
});
const la = 'America/Los_Angeles';
console.table(queue.workflows.map((w) => ({ workflow: w.id, breach: at(w.breachAt, la), due: at(w.dueBy, la) })));
console.log(`Tru Fit queue: decide again at ${at(queue.nextCheckAt, la)}.`);
