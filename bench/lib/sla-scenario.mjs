// The SLA volume scenario shared by bench/sla.bench.mjs and bench/sla-stream.bench.mjs: a
// PelPro-like policy, its issue-12 variant, and a seeded ticket generator (mulberry32) that gives
// the same tickets on every run, as an array or one at a time for streams of any length.

import { mulberry32 } from '../../examples/lib/replay-quarter.mjs';
import { HOLIDAYS } from './scenario.mjs';

export const ZONE = 'America/Chicago';
export const SEED = 20260309;

// ---------------------------------------------------------------------------------------------
// Policy: a PelPro-like support desk.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const policySpec = {
  id: 'pelpro-bench',
  calendars: {
    desk: { timeZone: ZONE, hours: Object.fromEntries(WEEKDAYS.map((day) => [day, ['07:00-19:00']])), holidays: HOLIDAYS },
    always: { timeZone: ZONE, alwaysOpen: true },
  },
  statuses: { paused: ['pending', 'on-hold'], resolved: ['solved', 'closed'] },
  // Every value the tickets use: normal and low priorities, email and web tickets fall to the
  // catch-all rule, so no rule names them.
  vocabulary: { priority: ['sev1', 'high', 'normal', 'low'], channel: ['email', 'web', 'phone', 'chat'], category: ['warranty'] },
  rules: [
    {
      id: 'sev1',
      description: 'Outages: 24/7, periodic updates',
      when: { priority: 'sev1' },
      targets: [
        { id: 'sev1-ack', metric: 'acknowledgement', within: { minutes: 30 }, calendar: 'always' },
        { id: 'sev1-next', metric: 'nextResponse', within: { hours: 4 }, calendar: 'always' },
        { id: 'sev1-update', metric: 'periodicUpdate', within: { hours: 2 }, calendar: 'always' },
        { id: 'sev1-resolution', metric: 'resolution', within: { hours: 24 }, calendar: 'always' },
        { id: 'sev1-rma', metric: 'rmaIssued', when: { category: 'warranty' }, within: { hours: 8 }, calendar: 'always' },
      ],
    },
    {
      id: 'chat',
      description: 'Live chat',
      when: { channel: 'chat' },
      targets: [
        { id: 'chat-first', metric: 'firstResponse', within: { minutes: 2 }, calendar: 'desk' },
        { id: 'chat-next', metric: 'nextResponse', within: { minutes: 10 }, calendar: 'desk' },
        { id: 'chat-resolution', metric: 'resolution', within: { businessDays: 1 }, calendar: 'desk' },
      ],
    },
    {
      id: 'high',
      description: 'High priority, phone acknowledged faster',
      when: { priority: 'high' },
      targets: [
        { id: 'high-ack-phone', metric: 'acknowledgement', when: { channel: 'phone' }, within: { minutes: 30 }, calendar: 'desk' },
        { id: 'high-ack', metric: 'acknowledgement', within: { hours: 2 }, calendar: 'desk' },
        { id: 'high-next', metric: 'nextResponse', within: { hours: 8 }, calendar: 'desk' },
        { id: 'high-resolution', metric: 'resolution', within: { businessDays: 2 }, calendar: 'desk' },
        { id: 'high-rma', metric: 'rmaIssued', when: { category: 'warranty' }, within: { hours: 24 }, calendar: 'desk' },
      ],
    },
    {
      id: 'standard',
      description: 'Everything else (normal and low, email / web / phone)',
      targets: [
        { id: 'std-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' },
        { id: 'std-next', metric: 'nextResponse', within: { hours: 24 }, calendar: 'desk' },
        { id: 'std-resolution', metric: 'resolution', within: { businessDays: 3 }, calendar: 'desk' },
        { id: 'std-rma', metric: 'rmaIssued', when: { category: 'warranty' }, within: { hours: 24 }, calendar: 'desk' },
      ],
    },
  ],
};

// The same desk with issue 12's options: resolution pauses on the requester's wait only
// (`pending`) for standard tickets and on both paused statuses for high ones (`pauseOn`), a
// 2-hour warning on sev1 resolution (`warnBefore`), and a `group` vocabulary for reassignments.
export const historySpec = {
  ...policySpec,
  id: 'pelpro-bench-history',
  vocabulary: { ...policySpec.vocabulary, group: ['tier1', 'tier2'] },
  rules: policySpec.rules.map((rule) => ({
    ...rule,
    targets: rule.targets.map((target) =>
      target.id === 'std-resolution'
        ? { ...target, pauseOn: ['pending'] }
        : target.id === 'high-resolution'
          ? { ...target, pauseOn: ['pending', 'on-hold'] }
          : target.id === 'sev1-resolution'
            ? { ...target, warnBefore: { hours: 2 } }
            : target,
    ),
  })),
};

// ---------------------------------------------------------------------------------------------
// Tickets: deterministic (mulberry32), created Mon 2026-02-09 … Fri 2026-03-20 in Chicago time
// (crosses Presidents' Day 2026-02-16 and the DST change of 2026-03-08), evaluated as of NOW.

export const NOW = new Date('2026-03-20T12:00:00-05:00'); // Fri 2026-03-20 12:00 CDT
export const FIRST_DAY = Date.UTC(2026, 1, 9); // Mon 2026-02-09
export const DAYS = 40; // through Fri 2026-03-20
const DST_START = Date.parse('2026-03-08T08:00:00Z'); // 02:00 CST → 03:00 CDT
const MIN = 60_000;
const HOUR = 3_600_000;

export const PRIORITIES = [
  ['sev1', 0.03],
  ['high', 0.17],
  ['normal', 0.6],
  ['low', 0.2],
];
export const CHANNELS = [
  ['email', 0.45],
  ['web', 0.2],
  ['phone', 0.2],
  ['chat', 0.15],
];

/**
 * The tickets one by one: `next()` returns ticket 1, 2, 3, … of the seeded sequence, so a stream
 * of any length needs no array (the first `count` are those of generateTickets(count, seed)).
 */
export function ticketSource(seed) {
  const rng = mulberry32(seed);
  const pick = (table) => {
    let x = rng();
    for (const [value, weight] of table) {
      if ((x -= weight) < 0) return value;
    }
    return table[table.length - 1][0];
  };
  let i = 0;
  return function next() {
    const priority = pick(PRIORITIES);
    const channel = pick(CHANNELS);
    const warranty = rng() < 0.2;
    // Creation: weekdays mostly, business hours mostly (local Chicago time, offset by hand).
    let day;
    do day = Math.floor(rng() * DAYS);
    while (day % 7 >= 5 && rng() < 0.7);
    const localMinutes = rng() < 0.85 ? 7 * 60 + Math.floor(rng() * 12 * 60) : Math.floor(rng() * 24 * 60);
    const naive = FIRST_DAY + day * 24 * HOUR + localMinutes * MIN;
    let created = naive + (naive + 6 * HOUR >= DST_START ? 5 : 6) * HOUR + Math.floor(rng() * 60_000);
    // A helpdesk knows no ticket created after `now` (evaluateSla refuses one: NOW_BEFORE_CREATED),
    // so the ~1.7 % created on the last afternoon after NOW move one week earlier (same weekday and
    // time, same offset, no random draw changed).
    if (created > NOW.getTime()) created -= 7 * 24 * HOUR;
    // Gaps between events: minutes on chat, hours elsewhere (sev1 faster), heavy-tailed.
    const scale = channel === 'chat' ? 4 * MIN : priority === 'sev1' ? 45 * MIN : 5 * HOUR;
    const gap = () => Math.max(1000, Math.round(-Math.log(1 - rng()) * scale));

    const n = 2 + Math.floor(rng() * 9); // 2..10 events including `created`
    const events = [{ type: 'created', at: created }];
    let t = created;
    let answered = false;
    let paused = false;
    let solved = false;
    let rmaStarted = false;
    let rmaDone = false;
    for (let k = 1; k < n; k++) {
      t += gap();
      const last = k === n - 1;
      const r = rng();
      if (solved) {
        // Reopened: by the customer writing back (the helpdesk then sets it open), or by an agent.
        if (r < 0.5 && !last) {
          events.push({ type: 'customerReply', at: t });
          k++;
        }
        events.push({ type: 'status', at: t + 1000, status: 'open' });
        solved = false;
      } else if (!answered) {
        if (r < 0.78) {
          events.push({ type: 'agentReply', at: t });
          answered = true;
        } else if (r < 0.88) events.push({ type: 'agentReply', at: t, public: false });
        else events.push({ type: 'customerReply', at: t });
      } else if (last && r < 0.45) {
        events.push({ type: 'status', at: t, status: rng() < 0.9 ? 'solved' : 'closed' });
        solved = true;
      } else if (paused) {
        // Waiting on the customer: they answer (and the ticket goes back to open), or it is solved.
        if (r < 0.7 && !last) {
          events.push({ type: 'customerReply', at: t });
          events.push({ type: 'status', at: t, status: 'open' });
          k++;
        } else if (r < 0.8) events.push({ type: 'status', at: t, status: 'open' });
        else {
          events.push({ type: 'status', at: t, status: 'solved' });
          solved = true;
        }
        paused = false;
      } else if (warranty && !rmaDone && r < 0.2) {
        if (!rmaStarted && rng() < 0.5) {
          events.push({ type: 'metricStarted', at: t, metric: 'rmaIssued' });
          rmaStarted = true;
        } else {
          events.push({ type: 'metricFulfilled', at: t, metric: 'rmaIssued' });
          rmaDone = true;
        }
      } else if (priority === 'sev1' && r < 0.3) events.push({ type: 'update', at: t });
      else if (r < 0.5) events.push({ type: 'customerReply', at: t });
      else if (r < 0.75) events.push({ type: 'agentReply', at: t, ...(rng() < 0.1 ? { public: false } : {}) });
      else if (r < 0.9) {
        events.push({ type: 'status', at: t, status: rng() < 0.85 ? 'pending' : 'on-hold' });
        paused = true;
      } else {
        events.push({ type: 'status', at: t, status: 'solved' });
        solved = true;
      }
    }
    if (events.length < 2 || events.length > 10) throw new Error(`generator: ${events.length} events`);
    // As a helpdesk API sends them: ISO strings, events not necessarily sorted.
    const wire = events.map((event) => ({ ...event, at: new Date(event.at).toISOString() }));
    if (rng() < 0.1) wire.reverse();
    i++;
    return {
      id: `T-${String(i).padStart(6, '0')}`,
      priority,
      channel,
      ...(warranty ? { category: 'warranty' } : {}),
      ...(rng() < 0.05 ? { vip: true } : {}),
      events: wire,
    };
  };
}

/** The first `count` tickets of the seeded sequence, in an array. */
export function generateTickets(count, seed) {
  const next = ticketSource(seed);
  const tickets = new Array(count);
  for (let i = 0; i < count; i++) tickets[i] = next();
  return tickets;
}

// Histories: the same tickets, each in group tier1; a fifth of them also changed mid-ticket (a
// separate random stream, so the base tickets are unchanged): three in five raise the priority
// (low → normal → high → sev1), the rest move the ticket to tier2, at a random instant between
// creation and the ticket's last event.
export const RAISE = { low: 'normal', normal: 'high', high: 'sev1', sev1: 'sev1' };
export function withHistories(base, seed) {
  const rng = mulberry32(seed);
  let changed = 0;
  let raised = 0;
  const out = base.map((ticket) => {
    if (rng() >= 0.2) return { ...ticket, group: 'tier1' };
    changed++;
    const times = ticket.events.map((event) => Date.parse(event.at));
    const first = Math.min(...times);
    const last = Math.max(...times);
    const at = new Date(first + Math.floor(rng() * (last - first + 1))).toISOString();
    const raise = rng() < 0.6 && ticket.priority !== 'sev1';
    if (raise) raised++;
    const set = raise ? { priority: RAISE[ticket.priority] } : { group: 'tier2' };
    return { ...ticket, group: 'tier1', events: [...ticket.events, { type: 'changed', at, set }] };
  });
  return { tickets: out, changed, raised };
}

