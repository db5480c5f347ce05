// Which tier does a case belong in, by when, and what must be opened? Amare: "any unresolved
// ticket after 48 hours escalates to a team lead; tickets with refunds >$200 or legal complaints
// escalate immediately to a senior manager; potential product quality incidents trigger a Product
// Quality Incident (PQI) workflow … within 24 hours". HomePro: Level 3 "must respond within 4
// business hours". Run: npm run examples (or node examples/escalation.mjs after npm run build).
import { decideEscalation, defineEscalationPolicy } from 'support-rules';

const weekday = ['09:00-17:00'];
const policy = defineEscalationPolicy({
  id: 'amare',
  currency: 'USD',
  calendars: {
    clock: { timeZone: 'America/Denver', alwaysOpen: true },
    office: { timeZone: 'America/Denver', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
  },
  tiers: ['agent', 'team-lead', 'senior-manager'],
  rules: [
    { id: 'unresolved-48h', tier: 'team-lead', when: { unresolvedFor: { within: { hours: 48 }, calendar: 'clock' } }, acknowledgeWithin: { within: { businessDays: 1 }, calendar: 'office' } },
    { id: 'refund-over-200', tier: 'senior-manager', when: { amount: { gt: '200.00' } }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } },
    { id: 'legal', tier: 'senior-manager', when: { category: ['legal-complaint'] }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } },
    { id: 'pqi', tier: 'agent', when: { category: ['product-quality'] }, workflows: [{ id: 'pqi-workflow', within: { within: { hours: 24 }, calendar: 'clock' } }] },
  ],
});

const created = new Date('2026-11-23T16:00:00Z'); // Monday 09:00 in Denver
const cases = [
  ['Refund of $180, 3 hours old', { amount: '180.00', now: new Date('2026-11-23T19:00:00Z') }],
  ['Refund of $250', { amount: '250.00', now: new Date('2026-11-23T19:00:00Z') }],
  ['Legal complaint', { category: 'legal-complaint', now: new Date('2026-11-23T23:30:00Z') }],
  ['Unresolved for 49 hours', { now: new Date('2026-11-25T17:00:00Z') }],
  ['Product quality report', { category: 'product-quality', now: new Date('2026-11-23T17:00:00Z') }],
];
const at = (date) => (date ? date.toISOString().slice(0, 16) : '-');
console.table(
  cases.map(([label, facts]) => {
    const d = decideEscalation(policy, { createdAt: created, ...facts });
    return {
      case: label,
      tier: d.targetTier,
      fired: d.fired.map((f) => f.rule).join(', ') || '-',
      'acknowledge by': at(d.deadlines.acknowledgeBy),
      workflows: d.workflows.map((w) => `${w.id} by ${at(w.dueBy)}`).join(', ') || '-',
      'check again': at(d.nextCheckAt),
    };
  }),
);
