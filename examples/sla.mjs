// PelPro's email SLA, step by step: one ticket's clocks as the week goes on.
// From the playbook: "Monday–Friday, 07:00–19:00 CT"; "email acknowledgment within 4 business
// hours and substantive reply within 24 business hours"; "issues an RMA number within 24 business
// hours". Run: npm run examples (or node examples/sla.mjs after npm run build).
import { defineSlaPolicy, evaluateSla, formatLocal } from 'support-rules';

const weekday = ['07:00-19:00'];
const sla = defineSlaPolicy({
  id: 'pelpro-email',
  calendars: {
    desk: {
      timeZone: 'America/Chicago',
      hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
      holidays: ['2026-11-26', '2026-12-25'],
    },
  },
  rules: [
    {
      id: 'email',
      when: { channel: 'email' },
      targets: [
        { id: 'email-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' },
        { id: 'email-reply', metric: 'nextResponse', within: { hours: 24 }, calendar: 'desk' },
        { id: 'rma-number', metric: 'rmaIssued', within: { hours: 24 }, calendar: 'desk', startOn: 'metricStarted' },
        { id: 'email-resolution', metric: 'resolution', within: { businessDays: 5 }, calendar: 'desk' },
      ],
    },
  ],
});

const ticket = {
  id: 'T-1042',
  channel: 'email',
  events: [
    { type: 'created', at: '2026-11-20T18:30:00-06:00' }, // Friday evening
    { type: 'agentReply', at: '2026-11-23T08:00:00-06:00' }, // Monday: acknowledged, asks for the serial
    { type: 'status', status: 'pending', at: '2026-11-23T08:00:00-06:00' },
    { type: 'customerReply', at: '2026-11-23T13:00:00-06:00' }, // serial number sent
    { type: 'status', status: 'open', at: '2026-11-23T13:00:00-06:00' },
    { type: 'metricStarted', metric: 'rmaIssued', at: '2026-11-23T13:00:00-06:00' },
    { type: 'agentReply', at: '2026-11-24T09:00:00-06:00' },
    { type: 'metricFulfilled', metric: 'rmaIssued', at: '2026-11-25T17:30:00-06:00' },
    { type: 'status', status: 'solved', at: '2026-11-30T10:00:00-06:00' },
  ],
};

// Every instant in the desk's local time with UTC beside it: 2026-11-23 10:30 CST (16:30Z).
const chicago = (date) => formatLocal(date, 'America/Chicago');
const hours = (ms) => `${Math.round((ms / 3_600_000) * 100) / 100} h`;

for (const now of ['2026-11-23T09:00:00-06:00', '2026-11-24T12:00:00-06:00', '2026-11-30T12:00:00-06:00']) {
  const report = evaluateSla(sla, ticket, new Date(now));
  console.log(`\n${ticket.id} as of ${chicago(report.asOf)} (rule: ${report.rule})`);
  console.table(
    report.clocks.map((clock) => ({
      metric: `${clock.metric}${clock.cycle > 1 ? ` #${clock.cycle}` : ''}`,
      started: chicago(clock.startedAt),
      stopped: clock.stoppedAt ? chicago(clock.stoppedAt) : '-',
      deadline: chicago(clock.deadline),
      used: hours(clock.elapsedMs),
      paused: hours(clock.pausedMs),
      left: hours(clock.remainingMs),
      status: clock.status,
    })),
  );
}

// A ticket's history (an illustration on the same desk, not a PelPro rule): created normal on
// Monday 07:30, raised to urgent at 08:00. Its clocks take the urgent targets, counted from
// creation, and the report says when to look at the ticket again: one timer per ticket.
const tiered = defineSlaPolicy({
  id: 'tiers',
  calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } } },
  vocabulary: { priority: ['normal', 'urgent'] },
  rules: [
    {
      id: 'urgent',
      when: { priority: 'urgent' },
      targets: [
        { id: 'urgent-ack', metric: 'acknowledgement', within: { hours: 1 }, calendar: 'desk', warnBefore: { minutes: 15 } },
        { id: 'urgent-resolution', metric: 'resolution', within: { businessDays: 1 }, calendar: 'desk' },
      ],
    },
    {
      id: 'normal',
      targets: [
        { id: 'normal-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' },
        { id: 'normal-resolution', metric: 'resolution', within: { businessDays: 5 }, calendar: 'desk' },
      ],
    },
  ],
});
const raised = {
  id: 'T-1043',
  priority: 'normal',
  events: [
    { type: 'created', at: '2026-11-23T07:30:00-06:00' },
    { type: 'changed', at: '2026-11-23T08:00:00-06:00', set: { priority: 'urgent' } },
  ],
};
const report = evaluateSla(tiered, raised, new Date('2026-11-23T08:10:00-06:00'));
console.log(`\n${raised.id} as of ${chicago(report.asOf)} (rule now: ${report.rule})`);
for (const { facts } of report.reasons.filter((r) => r.code === 'SLA_RULE_IN_FORCE')) {
  console.log(`  From ${chicago(facts.from)}${facts.to ? ` to ${chicago(facts.to)}` : ''}, rule ${facts.rule} applied.`);
}
console.table(
  report.clocks.map((clock) => ({
    metric: clock.metric,
    target: clock.target,
    deadline: chicago(clock.deadline),
    'at risk from': chicago(clock.atRiskAt),
    used: hours(clock.elapsedMs),
    status: clock.status,
  })),
);
console.log(`  next status change: ${report.nextChangeAt ? chicago(report.nextChangeAt) : 'none'}; next breach: ${report.nextBreachAt ? chicago(report.nextBreachAt) : 'none'}`);
