import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessTimeBetween, createCalendar, type CalendarSpec } from '../../src/calendar/index.js';
import { InvalidArgumentError, type Issue } from '../../src/errors/index.js';
import { defineSlaPolicy, evaluateSla, timeInStatus, type SlaPolicySpec, type Ticket, type TicketEvent, type TicketTime } from '../../src/sla/index.js';
import { errorOf } from '../helpers/errors.js';
import { HOUR_MS, msOf, scenarioArb, type Scenario } from './arbitraries.js';

// Time in status and ownership (issue 12, point 6): per ticket, the time spent in each status and
// with each group and assignee, in calendar time and in business time on a calendar the policy
// names. The lists add up to the ticket's age exactly.

const NUM_RUNS = Number(process.env.SLA_FC_RUNS ?? 200);
const params = { numRuns: NUM_RUNS };
const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-17:00']]));
const spec: SlaPolicySpec = {
  id: 'desk',
  calendars: {
    desk: { timeZone: 'America/Chicago', hours: weekdays },
    // Saturday night 22:00-06:00: 9 h on the night clocks go back (2026-11-01).
    night: { timeZone: 'America/Chicago', hours: { sat: ['22:00-06:00'] } },
  },
  vocabulary: { priority: ['normal', 'urgent'], group: ['billing', 'tech'] },
  rules: [{ id: 'all', targets: [{ id: 'ttr', metric: 'resolution', within: { hours: 40 }, calendar: 'desk' }] }],
};
const sla = defineSlaPolicy(spec);
const H = HOUR_MS;
type Row = [string | null, number, number | null, number];
const hours = (ms: number | null) => (ms === null ? null : ms / H);
const statusRows = (t: TicketTime) => t.status.map((s): Row => [s.status, hours(s.ms) as number, hours(s.businessMs), s.spells]);
const groupRows = (t: TicketTime) => t.group.map((g): Row => [g.group, hours(g.ms) as number, hours(g.businessMs), g.spells]);
const assigneeRows = (t: TicketTime) => t.assignee.map((a): Row => [a.assignee, hours(a.ms) as number, hours(a.businessMs), a.spells]);
const codes = (t: TicketTime) => t.reasons.map((r) => r.code);

describe('a ticket through new → open → pending → open → solved → reopened (Mon–Fri 09:00–17:00 Chicago)', () => {
  // Thu 15:00 created (billing, ana); a night pending; Fri 14:00 moved to tech and reassigned to
  // raj; solved across the weekend; reopened Mon 15:00 and handed back to ana.
  const ticket: Ticket = {
    id: 'T-7',
    priority: 'normal',
    group: 'billing',
    assignee: 'ana',
    events: [
      { type: 'created', at: '2026-11-19T15:00:00-06:00' },
      { type: 'status', at: '2026-11-19T16:00:00-06:00', status: 'open' },
      { type: 'status', at: '2026-11-19T16:30:00-06:00', status: 'pending' },
      { type: 'status', at: '2026-11-20T10:00:00-06:00', status: 'open' },
      { type: 'changed', at: '2026-11-20T14:00:00-06:00', set: { group: 'tech', assignee: 'raj' } },
      { type: 'changed', at: '2026-11-20T15:00:00-06:00', set: { priority: 'urgent' } },
      { type: 'status', at: '2026-11-23T11:00:00-06:00', status: 'solved' },
      { type: 'status', at: '2026-11-23T15:00:00-06:00', status: 'reopened' },
      { type: 'changed', at: '2026-11-23T15:00:00-06:00', set: { assignee: 'ana' } },
    ],
  };
  const now = '2026-11-24T10:00:00-06:00'; // Tue

  it('gives the time in each status, in calendar and business hours, in order of first appearance', () => {
    const time = timeInStatus(sla, ticket, now, { calendar: 'desk' });
    expect([time.ticket, time.asOf.toISOString(), time.createdAt.toISOString(), hours(time.ageMs), hours(time.businessAgeMs), time.calendar]).toEqual([
      'T-7',
      '2026-11-24T16:00:00.000Z',
      '2026-11-19T21:00:00.000Z',
      115,
      19,
      'desk',
    ]);
    expect(statusRows(time)).toEqual([
      ['new', 1, 1, 1], // assumed until the first status event
      ['open', 73.5, 9.5, 2], // Thu 16:00-16:30, then Fri 10:00 to Mon 11:00 across the weekend
      ['pending', 17.5, 1.5, 1], // the night: Thu 16:30-17:00 and Fri 09:00-10:00 are open
      ['solved', 4, 4, 1],
      ['reopened', 19, 3, 1], // Mon 15:00-17:00 and Tue 09:00-10:00
    ]);
    expect(time.status.map((s) => s.phase)).toEqual(['active', 'active', 'paused', 'resolved', 'active']);
  });

  it('gives the time with each group and assignee; a change of priority alone starts no spell', () => {
    const time = timeInStatus(sla, ticket, now, { calendar: 'desk' });
    expect(groupRows(time)).toEqual([
      ['billing', 23, 7, 1],
      ['tech', 92, 12, 1],
    ]);
    expect(assigneeRows(time)).toEqual([
      ['ana', 42, 10, 2],
      ['raj', 73, 9, 1],
    ]);
    expect(time.current).toEqual({ status: 'reopened', group: 'tech', assignee: 'ana' });
  });

  it('explains the opening status and the calendar', () => {
    const time = timeInStatus(sla, ticket, now, { calendar: 'desk' });
    expect(time.reasons).toEqual([
      {
        code: 'SLA_TIME_OPENING_STATUS',
        facts: { status: 'new', from: '2026-11-19T21:00:00.000Z', to: '2026-11-19T22:00:00.000Z' },
        message: `Until its first status event (2026-11-19T22:00:00.000Z) the ticket is counted in "new", the policy's first active status (a ticket starts active, as its clocks do).`,
      },
      { code: 'SLA_TIME_CALENDAR', facts: { calendar: 'desk', timeZone: 'America/Chicago' }, message: expect.stringContaining('"desk" (America/Chicago)') },
    ]);
  });

  it('without a calendar gives calendar time only, and says so', () => {
    const time = timeInStatus(sla, ticket, now);
    expect([time.businessAgeMs, time.calendar]).toEqual([null, null]);
    expect(statusRows(time).map(([status, ms, business]) => [status, ms, business])).toEqual([
      ['new', 1, null],
      ['open', 73.5, null],
      ['pending', 17.5, null],
      ['solved', 4, null],
      ['reopened', 19, null],
    ]);
    expect(time.reasons.find((r) => r.code === 'SLA_TIME_NO_CALENDAR')?.facts).toEqual({ calendars: ['desk', 'night'] });
  });

  it('ignores events after now, and says how many', () => {
    const early = timeInStatus(sla, ticket, '2026-11-20T12:00:00-06:00', { calendar: 'desk' });
    expect(statusRows(early)).toEqual([
      ['new', 1, 1, 1],
      ['open', 2.5, 2.5, 2],
      ['pending', 17.5, 1.5, 1],
    ]);
    expect(groupRows(early)).toEqual([['billing', 21, 5, 1]]);
    expect(early.reasons.find((r) => r.code === 'SLA_TIME_EVENTS_AFTER_NOW')?.facts).toEqual({ ignored: 5 });
    const cut = { ...ticket, events: ticket.events.filter((e) => msOf(e.at) <= Date.parse('2026-11-20T12:00:00-06:00')) };
    const same = timeInStatus(sla, cut, '2026-11-20T12:00:00-06:00', { calendar: 'desk' });
    expect({ ...same, reasons: [] }).toEqual({ ...early, reasons: [] });
    expect(codes(same)).not.toContain('SLA_TIME_EVENTS_AFTER_NOW');
  });
});

describe('boundaries', () => {
  const at = (iso: string) => `2026-11-19T${iso}:00-06:00`;
  const ticket = (events: TicketEvent[]): Ticket => ({ events: [{ type: 'created', at: at('16:00') }, ...events] });
  const pendingAtClose = ticket([{ type: 'status', at: at('17:00'), status: 'pending' }]);

  it('lists a status taken at now, with no time, and counts nothing after the shift ends', () => {
    expect(statusRows(timeInStatus(sla, pendingAtClose, at('17:00'), { calendar: 'desk' }))).toEqual([
      ['new', 1, 1, 1],
      ['pending', 0, 0, 1],
    ]);
    // The night adds calendar time only; the first business minute is Fri 09:00-09:01.
    expect(statusRows(timeInStatus(sla, pendingAtClose, '2026-11-20T09:00:00-06:00', { calendar: 'desk' }))).toEqual([
      ['new', 1, 1, 1],
      ['pending', 16, 0, 1],
    ]);
    const minute = timeInStatus(sla, pendingAtClose, '2026-11-20T09:01:00-06:00', { calendar: 'desk' });
    expect([minute.status[1]?.ms, minute.status[1]?.businessMs]).toEqual([16 * H + 60_000, 60_000]);
  });

  it('at the instant of creation, lists the opening values with no time', () => {
    const time = timeInStatus(sla, { group: 'tech', events: [{ type: 'created', at: at('16:00') }] }, at('16:00'), { calendar: 'desk' });
    expect([statusRows(time), groupRows(time), assigneeRows(time), time.ageMs, time.businessAgeMs]).toEqual([[['new', 0, 0, 1]], [['tech', 0, 0, 1]], [[null, 0, 0, 1]], 0, 0]);
    expect(time.reasons.find((r) => r.code === 'SLA_TIME_OPENING_STATUS')?.facts).toEqual({ status: 'new', from: '2026-11-19T22:00:00.000Z', to: null });
  });

  it('does not list a status held for no time, nor assume one when a status event comes at creation', () => {
    // Two status events at one instant: the timeline's canonical order (by text) puts "open" first.
    const time = timeInStatus(sla, ticket([{ type: 'status', at: at('16:00'), status: 'pending' }, { type: 'status', at: at('16:00'), status: 'open' }]), at('17:00'));
    expect(statusRows(time)).toEqual([['pending', 1, null, 1]]);
    expect(codes(time)).not.toContain('SLA_TIME_OPENING_STATUS');
  });

  it('counts time with no group or assignee under null, and a return to one as a new spell', () => {
    const time = timeInStatus(
      sla,
      ticket([
        { type: 'changed', at: at('17:00'), set: { group: 'billing', assignee: 'ana' } },
        { type: 'changed', at: at('18:00'), unset: ['group', 'assignee'] },
        { type: 'changed', at: at('19:00'), set: { group: 'billing' } },
      ]),
      at('20:00'),
    );
    expect(groupRows(time)).toEqual([
      [null, 2, null, 2],
      ['billing', 2, null, 2],
    ]);
    expect(assigneeRows(time)).toEqual([
      [null, 3, null, 2],
      ['ana', 1, null, 1],
    ]);
  });
});

describe('across the night clocks go back (2026-11-01, America/Chicago)', () => {
  const ticket: Ticket = {
    group: 'billing',
    events: [
      { type: 'created', at: '2026-10-30T16:00:00-05:00' }, // Fri, CDT
      { type: 'status', at: '2026-10-30T16:30:00-05:00', status: 'pending' },
      // The second 01:30 of Sunday (CST): 4.5 h after Saturday 22:00 CDT, not 3.5.
      { type: 'changed', at: '2026-11-01T01:30:00-06:00', set: { group: 'tech' } },
      { type: 'status', at: '2026-11-02T09:30:00-06:00', status: 'open' }, // Mon, CST
    ],
  };
  const now = '2026-11-02T10:00:00-06:00';

  it('counts real elapsed time: the weekend is an hour longer than the wall clock says', () => {
    const time = timeInStatus(sla, ticket, now, { calendar: 'desk' });
    expect([hours(time.ageMs), hours(time.businessAgeMs)]).toEqual([67, 2]);
    expect(statusRows(time)).toEqual([
      ['new', 0.5, 0.5, 1],
      ['pending', 66, 1, 1], // Fri 16:30 to Mon 09:30 on the wall clock is 65 h
      ['open', 0.5, 0.5, 1],
    ]);
  });

  it('on a Saturday-night calendar, the night is 9 business hours, split at the change', () => {
    const time = timeInStatus(sla, ticket, now, { calendar: 'night' });
    expect(hours(time.businessAgeMs)).toBe(9);
    expect(statusRows(time).map(([status, , business]) => [status, business])).toEqual([
      ['new', 0],
      ['pending', 9],
      ['open', 0],
    ]);
    expect(groupRows(time)).toEqual([
      ['billing', 34.5, 4.5, 1], // Fri 16:00 CDT to Sun 01:30 CST: 33.5 h on the wall clock
      ['tech', 32.5, 4.5, 1],
    ]);
  });
});

describe('the opening status', () => {
  it('is the first of the policy’s active statuses', () => {
    const own = defineSlaPolicy({ ...spec, statuses: { active: ['triage', 'working'], paused: ['waiting'], resolved: ['done'] } });
    const time = timeInStatus(own, { events: [{ type: 'created', at: 0 }, { type: 'status', at: H, status: 'waiting' }] }, 2 * H);
    expect(statusRows(time)).toEqual([
      ['triage', 1, null, 1],
      ['waiting', 1, null, 1],
    ]);
    expect(time.status.map((s) => s.phase)).toEqual(['active', 'paused']);
  });

  it('is null, and said so, in a policy with no active status', () => {
    const none = defineSlaPolicy({ ...spec, statuses: { active: [] } });
    const time = timeInStatus(none, { events: [{ type: 'created', at: 0 }, { type: 'status', at: H, status: 'pending' }] }, 2 * H);
    expect(statusRows(time)).toEqual([
      [null, 1, null, 1],
      ['pending', 1, null, 1],
    ]);
    // The clocks run before the first status event, so that time is active.
    expect(time.status.map((s) => s.phase)).toEqual(['active', 'paused']);
    expect(time.reasons[0]).toMatchObject({ code: 'SLA_TIME_OPENING_STATUS', facts: { status: null }, message: expect.stringContaining('declares no active status') });
  });
});

describe('bad input', () => {
  const good: Ticket = { events: [{ type: 'created', at: '2026-11-19T15:00:00-06:00' }] };
  const now = '2026-11-20T15:00:00-06:00';
  const issuesOf = (fn: () => unknown): readonly Issue[] => {
    try {
      fn();
    } catch (error) {
      if (error instanceof InvalidArgumentError) return error.issues;
      throw error;
    }
    throw new Error('expected an InvalidArgumentError');
  };

  it('refuses a calendar the policy does not define, with a did-you-mean', () => {
    const [issue] = issuesOf(() => timeInStatus(sla, good, now, { calendar: 'Desk' }));
    expect(issue).toMatchObject({ code: 'UNKNOWN_IN_POLICY', path: ['options', 'calendar'], suggestion: 'desk', allowed: ['desk', 'night'] });
    expect(issue?.message).toBe('"Desk" is not a calendar of this policy; did you mean "desk"? The calendars are desk and night.');
    expect(errorOf(() => timeInStatus(sla, good, now, { calendar: 'constructor' }))).toEqual(['UNKNOWN_IN_POLICY', 'options.calendar']);
  });

  it('refuses options that are not { calendar }', () => {
    const options = (value: unknown) => value as { calendar?: string };
    expect(errorOf(() => timeInStatus(sla, good, now, options('desk')))).toEqual(['INVALID_TYPE', 'options']);
    expect(errorOf(() => timeInStatus(sla, good, now, options({ calendar: null })))).toEqual(['INVALID_TYPE', 'options.calendar']);
    expect(errorOf(() => timeInStatus(sla, good, now, options({ calendar: '' })))).toEqual(['INVALID_TYPE', 'options.calendar']);
    // An empty name is one problem, not also a calendar the policy does not know.
    expect(issuesOf(() => timeInStatus(sla, good, now, options({ calendar: '' }))).map((i) => i.code)).toEqual(['INVALID_TYPE']);
    expect(issuesOf(() => timeInStatus(sla, good, now, options({ calender: 'desk' })))[0]).toMatchObject({ code: 'UNKNOWN_KEY', path: ['options', 'calender'], suggestion: 'calendar' });
    expect(timeInStatus(sla, good, now, {}).calendar).toBeNull();
  });

  it('checks the ticket and now exactly as evaluateSla does', () => {
    const bad: [unknown, unknown][] = [
      [{ events: [{ type: 'created', at: '2026-11-19T15:00:00-06:00' }, { type: 'status', at: '2026-11-19T16:00:00-06:00', status: 'Pending' }] }, now],
      [{ group: 'Billing', events: good.events }, now],
      [{ events: [{ type: 'changed', at: '2026-11-19T16:00:00-06:00', set: { group: 'ops' } }, ...good.events] }, now],
      [{ events: [{ type: 'status', at: '2026-11-19T16:00:00-06:00', status: 'open' }] }, now],
      [{ events: [...good.events, { type: 'status', at: '2026-11-19T14:00:00-06:00', status: 'open' }] }, now],
      [good, '2026-11-19T14:00:00-06:00'],
      [good, '2026-11-19T14:00:00'],
      [{ events: [{ type: 'created', at: '2026-11-19T15:00:00' }] }, 'yesterday'],
      [{ chanel: 'email', events: good.events }, undefined],
    ];
    for (const [ticket, at] of bad) {
      const evaluated = issuesOf(() => evaluateSla(sla, ticket as Ticket, at as string));
      expect(issuesOf(() => timeInStatus(sla, ticket as Ticket, at as string, { calendar: 'desk' }))).toEqual(evaluated);
    }
  });

  it('lists every problem at once: the ticket’s, now’s and the options’', () => {
    const issues = issuesOf(() => timeInStatus(sla, { vip: 'yes', events: good.events } as unknown as Ticket, 'soon', { calendar: 'nite' }));
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['INVALID_TYPE', 'vip'],
      ['INVALID_INSTANT', 'now'],
      ['UNKNOWN_IN_POLICY', 'options.calendar'],
    ]);
  });
});

it('documented example: timeInStatus', () => {
  const day = ['09:00-17:00'];
  const desk = defineSlaPolicy({
    id: 'desk',
    calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } } },
    vocabulary: { group: ['billing', 'tech'] },
    rules: [{ id: 'all', targets: [{ id: 'ttr', metric: 'resolution', within: { hours: 40 }, calendar: 'desk' }] }],
  });
  const time = timeInStatus(
    desk,
    {
      group: 'billing',
      events: [
        { type: 'created', at: '2026-11-23T10:00:00-06:00' },
        { type: 'status', at: '2026-11-23T11:00:00-06:00', status: 'open' },
        { type: 'changed', at: '2026-11-23T16:00:00-06:00', set: { group: 'tech', assignee: 'ana' } },
        { type: 'status', at: '2026-11-24T10:00:00-06:00', status: 'solved' },
      ],
    },
    '2026-11-24T12:00:00-06:00',
    { calendar: 'desk' },
  );
  const h = (ms: number | null) => (ms ?? 0) / 3_600_000;
  expect(time.status.map((s) => [s.status, h(s.ms), h(s.businessMs)])).toEqual([
    ['new', 1, 1],
    ['open', 23, 7],
    ['solved', 2, 2],
  ]);
  expect(time.group.map((g) => [g.group, h(g.ms), h(g.businessMs)])).toEqual([
    ['billing', 6, 6],
    ['tech', 20, 4],
  ]);
  expect(time.assignee.map((a) => [a.assignee, h(a.ms)])).toEqual([
    [null, 6],
    ['ana', 20],
  ]);
  expect([h(time.ageMs), h(time.businessAgeMs)]).toEqual([26, 10]);
});

// --- Laws, on the SLA suite's random scenarios with group and assignee changes added. ---

const GROUPS = ['billing', 'tech', 'field'];
const ASSIGNEES = ['ana', 'raj', 'lee'];
type Change = { readonly set: { group?: string; assignee?: string } } | { readonly unset: ('group' | 'assignee')[] };
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.constantFrom(...GROUPS).map((group) => ({ set: { group } })),
  fc.constantFrom(...ASSIGNEES).map((assignee) => ({ set: { assignee } })),
  fc.record({ group: fc.constantFrom(...GROUPS), assignee: fc.constantFrom(...ASSIGNEES) }).map((set) => ({ set })),
  fc.constantFrom<('group' | 'assignee')[]>(['group'], ['assignee'], ['group', 'assignee']).map((unset) => ({ unset })),
);

interface History {
  readonly scenario: Scenario;
  readonly policy: ReturnType<typeof defineSlaPolicy>;
  readonly ticket: Ticket;
  readonly calendar: string | undefined;
}

const historyArb: fc.Arbitrary<History> = scenarioArb().chain((scenario) =>
  fc
    .record({
      group: fc.option(fc.constantFrom(...GROUPS), { nil: undefined }),
      assignee: fc.option(fc.constantFrom(...ASSIGNEES), { nil: undefined }),
      // Changes at distinct minutes (some after `now`, which must be ignored).
      changes: fc.uniqueArray(fc.record({ minute: fc.integer({ min: 0, max: 14 * 1440 }), jitter: fc.nat(59_999), change: changeArb }), { selector: (c) => c.minute, maxLength: 8 }),
      calendar: fc.constantFrom('desk', 'always', undefined),
    })
    .map(({ group, assignee, changes, calendar }) => {
      const events: TicketEvent[] = [
        ...scenario.events,
        ...changes.map(({ minute, jitter, change }) => ({ type: 'changed' as const, at: scenario.created + minute * 60_000 + jitter, ...change })),
      ];
      const ticket: Ticket = { id: 'T-1', ...(group ? { group } : {}), ...(assignee ? { assignee } : {}), events };
      return { scenario, policy: defineSlaPolicy({ ...scenario.spec, vocabulary: { group: GROUPS } }), ticket, calendar };
    }),
);

const measure = (h: History, ticket: Ticket = h.ticket, now: number = h.scenario.now) => timeInStatus(h.policy, ticket, now, h.calendar ? { calendar: h.calendar } : {});

/**
 * The reference: each dimension as a step function of time read straight from the raw events
 * (same-instant statuses in the order of their text, as the timeline orders them), cut into
 * stretches, each measured on a calendar built afresh from the spec.
 */
function reference(h: History, now: number): Pick<TicketTime, 'status' | 'group' | 'assignee' | 'current' | 'businessAgeMs'> {
  const calendar = h.calendar ? createCalendar(h.scenario.spec.calendars[h.calendar] as CalendarSpec) : null;
  const events = h.ticket.events.map((e) => ({ ...e, ms: msOf(e.at) })).filter((e) => e.ms <= now);
  const created = h.scenario.created;
  const statusSteps = events
    .flatMap((e) => (e.type === 'status' ? [[e.ms, e.status] as const] : []))
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  type Step = readonly [number, string | null];
  const attributeSteps = (field: 'group' | 'assignee'): Step[] =>
    events
      .filter((e): e is Extract<TicketEvent, { type: 'changed' }> & { ms: number } => e.type === 'changed')
      .sort((a, b) => a.ms - b.ms)
      .flatMap((e): Step[] => (e.set?.[field] !== undefined ? [[e.ms, e.set[field] as string]] : e.unset?.includes(field) ? [[e.ms, null]] : []));
  const tally = (initial: string | null, steps: readonly Step[]) => {
    const valueAt = (t: number) => steps.reduce<string | null>((value, [ms, next]) => (ms <= t ? next : value), initial);
    const bounds = [...new Set([created, ...steps.map(([ms]) => ms).filter((ms) => ms > created && ms < now), now])].sort((a, b) => a - b);
    const out = new Map<string | null, { ms: number; businessMs: number | null; spells: number }>();
    let previous: string | null | undefined;
    const add = (value: string | null, ms: number, businessMs: number) => {
      const entry = out.get(value) ?? { ms: 0, businessMs: calendar ? 0 : null, spells: 0 };
      if (value !== previous) entry.spells++;
      entry.ms += ms;
      if (entry.businessMs !== null) entry.businessMs += businessMs;
      out.set(value, entry);
      previous = value;
    };
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [a, b] = [bounds[i] as number, bounds[i + 1] as number];
      add(valueAt(a), b - a, calendar ? businessTimeBetween(calendar, a, b) : 0);
    }
    add(valueAt(now), 0, 0);
    return { current: valueAt(now), entries: [...out.entries()] };
  };
  const opening = 'new';
  const phase = (s: string | null) => (s === null ? 'active' : ['pending', 'pending-customer', 'on-hold'].includes(s) ? 'paused' : ['solved', 'resolved', 'closed'].includes(s) ? 'resolved' : 'active');
  const [status, group, assignee] = [tally(opening, statusSteps), tally(h.ticket.group ?? null, attributeSteps('group')), tally(h.ticket.assignee ?? null, attributeSteps('assignee'))];
  return {
    businessAgeMs: calendar ? businessTimeBetween(calendar, created, now) : null,
    current: { status: status.current, group: group.current, assignee: assignee.current },
    status: status.entries.map(([status, e]) => ({ status, phase: phase(status), ...e })),
    group: group.entries.map(([group, e]) => ({ group, ...e })),
    assignee: assignee.entries.map(([assignee, e]) => ({ assignee, ...e })),
  };
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);

describe('laws of time in status', () => {
  it('law: each list sums to the age exactly, in calendar and in business time', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const time = measure(h);
        expect(time.ageMs).toBe(h.scenario.now - h.scenario.created);
        const business = h.calendar ? businessTimeBetween(createCalendar(h.scenario.spec.calendars[h.calendar] as CalendarSpec), h.scenario.created, h.scenario.now) : null;
        expect(time.businessAgeMs).toBe(business);
        for (const list of [time.status, time.group, time.assignee]) {
          expect(sum(list.map((e) => e.ms))).toBe(time.ageMs);
          expect(list.every((e) => e.ms >= 0 && e.spells >= 1)).toBe(true);
          if (business === null) expect(list.every((e) => e.businessMs === null)).toBe(true);
          else expect(sum(list.map((e) => e.businessMs))).toBe(business);
        }
      }),
      params,
    );
  });

  it('law: agrees with a reference read straight from the events (differential)', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const time = measure(h);
        const expected = reference(h, h.scenario.now);
        expect({ status: time.status, group: time.group, assignee: time.assignee, current: time.current, businessAgeMs: time.businessAgeMs }).toEqual(expected);
      }),
      params,
    );
  });

  it('law: shuffling the events changes nothing', () => {
    const arb = historyArb.chain((h) => fc.tuple(fc.constant(h), fc.shuffledSubarray([...h.ticket.events], { minLength: h.ticket.events.length, maxLength: h.ticket.events.length })));
    fc.assert(
      fc.property(arb, ([h, shuffled]) => {
        expect(measure(h, { ...h.ticket, events: shuffled })).toEqual(measure(h));
      }),
      params,
    );
  });

  it('law: a changed event that changes nothing changes nothing', () => {
    fc.assert(
      fc.property(historyArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('group' as const, 'assignee' as const), (h, where, field) => {
        const at = Math.round(h.scenario.created + where * (h.scenario.now - h.scenario.created));
        // The value the field has at `at` (after every change at or before it), set again.
        const value = reference({ ...h, calendar: undefined }, at).current[field];
        const same = { type: 'changed', at, ...(value === null ? { unset: [field] } : { set: { [field]: value } }) } as TicketEvent;
        expect(measure(h, { ...h.ticket, events: [...h.ticket.events, same] })).toEqual(measure(h));
      }),
      params,
    );
  });

  it('law: evaluating at a later now never decreases any entry', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 10 * 24 * 60 }), (h, minutes) => {
        const earlier = measure(h);
        const later = measure(h, h.ticket, h.scenario.now + minutes * 60_000);
        const keyed = (t: TicketTime) =>
          new Map<string, { ms: number; businessMs: number | null; spells: number }>([
            ...t.status.map((e) => [`status:${e.status}`, e] as const),
            ...t.group.map((e) => [`group:${e.group}`, e] as const),
            ...t.assignee.map((e) => [`assignee:${e.assignee}`, e] as const),
          ]);
        const after = keyed(later);
        for (const [key, entry] of keyed(earlier)) {
          const next = after.get(key);
          expect(next, key).toBeDefined();
          expect(next?.ms).toBeGreaterThanOrEqual(entry.ms);
          expect(next?.spells).toBeGreaterThanOrEqual(entry.spells);
          if (entry.businessMs !== null) expect(next?.businessMs).toBeGreaterThanOrEqual(entry.businessMs);
        }
      }),
      params,
    );
  });
});
