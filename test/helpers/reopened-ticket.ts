import { defineSlaPolicy, type Ticket } from '../../src/sla/index.js';

// One ticket on a Mon–Fri 09:00–17:00 Chicago desk (first response within 1 h, resolution within
// 8 h): created Mon 2026-11-23 09:00 CST, answered at 09:30, solved Tue 12:00 (11 business hours:
// missed), reopened Wed 09:00: a second resolution cycle, at risk at 75 % (Wed 15:00), over the
// 8 hours just after Thu 09:00. SLA aggregates and escalation on SLA state both use it.

const weekdays = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };

export const deskSla = defineSlaPolicy({
  id: 'desk',
  calendars: { desk: { timeZone: 'America/Chicago', hours: weekdays } },
  rules: [
    {
      id: 'all',
      targets: [
        { id: 'frt', metric: 'firstResponse', within: { hours: 1 }, calendar: 'desk' },
        { id: 'ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'desk' },
      ],
    },
  ],
});

export const reopenedTicket: Ticket = {
  id: 'T-1',
  events: [
    { type: 'created', at: '2026-11-23T09:00:00-06:00' },
    { type: 'agentReply', at: '2026-11-23T09:30:00-06:00' },
    { type: 'status', at: '2026-11-24T12:00:00-06:00', status: 'solved' },
    { type: 'status', at: '2026-11-25T09:00:00-06:00', status: 'reopened' },
  ],
};
