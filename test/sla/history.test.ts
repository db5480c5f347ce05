import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breachesByGroup, defineSlaPolicy, evaluateSla, selectSlaRule, type SlaClock, type SlaPolicySpec, type SlaReport, type SlaTarget, type TicketEvent } from '../../src/sla/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';
import { msOf, twoRulePolicy, withChangeArb } from './arbitraries.js';

// Attribute changes are events: at each instant the rule and targets in force are those the
// ticket's attributes then select (issue 12, point 1). A running clock takes the new target,
// counted from its original start (Zendesk, Jira); a verdict already reached stays; a change that
// makes a running clock overdue dates the breach at the change.

const spec: SlaPolicySpec = {
  id: 'history',
  calendars: {
    always: { timeZone: 'UTC', alwaysOpen: true },
    desk: { timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } },
  },
  vocabulary: { priority: ['low', 'normal', 'urgent'], group: ['billing', 'tech'] },
  rules: [
    {
      id: 'urgent',
      when: { priority: 'urgent' },
      targets: [
        { id: 'urgent-first', metric: 'firstResponse', within: { minutes: 30 }, calendar: 'always' },
        { id: 'urgent-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'always' },
      ],
    },
    {
      id: 'normal',
      when: { priority: 'normal' },
      targets: [
        { id: 'normal-first', metric: 'firstResponse', within: { hours: 8 }, calendar: 'always' },
        { id: 'normal-ttr', metric: 'resolution', within: { hours: 48 }, calendar: 'always' },
      ],
    },
    { id: 'low', targets: [{ id: 'low-ttr', metric: 'resolution', within: { hours: 96 }, calendar: 'always' }] },
  ],
};
const sla = defineSlaPolicy(spec);
const MONDAY = Date.UTC(2026, 10, 23); // Monday 2026-11-23 00:00 UTC
const h = (hours: number) => new Date(MONDAY + hours * 3_600_000).toISOString();
const created = { type: 'created', at: h(0) } as const;
const changed = (at: number, set: Record<string, unknown>) => ({ type: 'changed', at: h(at), set }) as unknown as TicketEvent;
const clock = (report: SlaReport, metric: string, cycle = 1) => report.clocks.find((c) => c.metric === metric && c.cycle === cycle) as SlaClock;

describe('a change of priority mid-ticket', () => {
  it('gives a running clock the new target, counted from its original start, and dates an overdue breach at the change', () => {
    const report = evaluateSla(sla, { priority: 'normal', events: [created, { type: 'agentReply', at: h(1) }, changed(10, { priority: 'urgent' })] }, h(12));
    expect(report.rule).toBe('urgent');
    // The first response was met under the normal target, before the change.
    expect(clock(report, 'firstResponse')).toMatchObject({ target: 'normal-first', status: 'met', breachedAt: null });
    // Resolution: 4 h from creation was 04:00, long past at the 10:00 change: breached at the change.
    const resolution = clock(report, 'resolution');
    expect([resolution.target, resolution.status, resolution.deadline.toISOString(), resolution.breachedAt?.toISOString()]).toEqual(['urgent-ttr', 'breached', h(4), h(10)]);
    expect(resolution.reasons.find((r) => r.code === 'SLA_TARGET_CHANGED')?.facts).toMatchObject({ from: 'normal-ttr', to: 'urgent-ttr', at: h(10) });
  });

  it('lets a relaxed target run on from the original start, and keeps a breach already reached', () => {
    const early = evaluateSla(sla, { priority: 'urgent', events: [created, changed(0.25, { priority: 'normal' })] }, h(12));
    expect(clock(early, 'firstResponse')).toMatchObject({ target: 'normal-first', status: 'breached' });
    expect(clock(early, 'firstResponse').breachedAt?.toISOString()).toBe(new Date(MONDAY + 8 * 3_600_000 + 1).toISOString());
    expect([clock(early, 'resolution').status, clock(early, 'resolution').deadline.toISOString()]).toEqual(['ok', h(48)]);

    // Urgent for 6 hours: first response over at 00:30, resolution over at 04:00; both stay over.
    const late = evaluateSla(sla, { priority: 'urgent', events: [created, changed(6, { priority: 'normal' })] }, h(12));
    const resolution = clock(late, 'resolution');
    expect([resolution.target, resolution.status, resolution.breachedAt?.toISOString()]).toEqual(['normal-ttr', 'breached', new Date(MONDAY + 4 * 3_600_000 + 1).toISOString()]);
    expect(resolution.reasons.map((r) => r.code)).toContain('SLA_BREACH_KEPT');
  });

  it('judges a clock stopped at the instant of a change by the target before it', () => {
    const report = evaluateSla(sla, { priority: 'normal', events: [created, { type: 'agentReply', at: h(2) }, changed(2, { priority: 'urgent' })] }, h(3));
    expect(clock(report, 'firstResponse')).toMatchObject({ target: 'normal-first', status: 'met' });
  });

  it('keeps a clock stopped the instant it started when the ticket changes just after', () => {
    // Found by the property below: a custom metric fulfilled at creation, then a change 1 ms later.
    const custom = defineSlaPolicy({
      ...spec,
      rules: [{ id: 'any', targets: [{ id: 'rma', metric: 'rmaIssued', within: { hours: 2 }, calendar: 'always' }] }],
    });
    const events = [created, { type: 'metricFulfilled', metric: 'rmaIssued', at: h(0) }] as TicketEvent[];
    const plain = evaluateSla(custom, { priority: 'normal', events }, h(1));
    const later = evaluateSla(custom, { priority: 'normal', events: [...events, { type: 'changed', at: new Date(MONDAY + 1).toISOString(), set: { priority: 'urgent' } } as unknown as TicketEvent] }, h(1));
    expect(clock(plain, 'rmaIssued')).toMatchObject({ status: 'met', elapsedMs: 0 });
    expect(clock(later, 'rmaIssued')).toMatchObject({ status: 'met', elapsedMs: 0, target: 'rma' });
  });

  it('skips a metric no target of which ever applied to the ticket', () => {
    // The custom metric's only target is for warranty tickets: this ticket never was one.
    const scoped = defineSlaPolicy({
      ...spec,
      vocabulary: { ...spec.vocabulary, category: ['warranty', 'billing'] },
      rules: [{ id: 'all', targets: [{ id: 'rma', metric: 'rmaIssued', when: { category: 'warranty' }, within: { hours: 8 }, calendar: 'always' }, { id: 'ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'always' }] }],
    });
    const report = evaluateSla(scoped, { category: 'billing', events: [created, changed(1, { priority: 'urgent' })] }, h(2));
    expect(report.clocks.map((c) => c.metric)).toEqual(['resolution']);
    expect(report.reasons.find((r) => r.code === 'SLA_TARGET_NOT_MATCHED')?.facts).toMatchObject({ metric: 'rmaIssued', field: 'category' });
  });

  it("cuts each clock by the target in force when it started: a later rule's pauses, reopen mode or opening message never re-cut it", () => {
    const always = { always: { timeZone: 'UTC', alwaysOpen: true } };
    const two = (a: SlaTarget, b: SlaTarget) =>
      defineSlaPolicy({ id: 'cut', calendars: always, vocabulary: { priority: ['a', 'b'] }, rules: [{ id: 'A', when: { priority: 'a' }, targets: [a] }, { id: 'B', when: { priority: 'b' }, targets: [b] }] });
    const toB = (at: number) => changed(at, { priority: 'b' });
    // Pauses: A does not pause, B pauses on pending. Pending 1 h–6 h: A's clock was over at 04:00.
    const pauses = two({ id: 'A-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'always', pausable: false }, { id: 'B-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'always', pauseOn: ['pending'] });
    const pending = [created, { type: 'status', at: h(1), status: 'pending' }, { type: 'status', at: h(6), status: 'open' }] as TicketEvent[];
    const running = clock(evaluateSla(pauses, { priority: 'a', events: [...pending, toB(7)] }, h(7.5)), 'resolution');
    expect([running.status, running.breachedAt?.toISOString(), running.pausedMs]).toEqual(['breached', new Date(MONDAY + 4 * 3_600_000 + 1).toISOString(), 0]);
    const stopped = clock(evaluateSla(pauses, { priority: 'a', events: [...pending, { type: 'status', at: h(6), status: 'solved' } as TicketEvent, toB(8)] }, h(9)), 'resolution');
    expect([stopped.status, stopped.elapsedMs]).toEqual(['missed', 6 * 3_600_000]);
    // Reopen modes: A new-cycle, B resume; both cycles were met before the change.
    const modes = two({ id: 'A-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'always' }, { id: 'B-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'always', reopen: 'resume' });
    const reopened = [created, { type: 'status', at: h(3), status: 'solved' }, { type: 'status', at: h(10), status: 'reopened' }, { type: 'status', at: h(12), status: 'solved' }] as TicketEvent[];
    const cycles = (events: TicketEvent[]) => evaluateSla(modes, { priority: 'a', events }, h(21)).clocks.map((c) => [c.cycle, c.status, c.elapsedMs / 3_600_000]);
    expect(cycles([...reopened, toB(20)])).toEqual(cycles(reopened));
    // After the change, a reopening under the resume target starts a new cycle: it resumes nothing measured under A.
    const later = evaluateSla(modes, { priority: 'a', events: [...reopened, toB(20), { type: 'status', at: h(25), status: 'reopened' }] as TicketEvent[] }, h(26)).clocks;
    expect(later.map((c) => [c.cycle, c.target, c.startedAt.toISOString(), c.status])).toEqual([
      [1, 'A-ttr', h(0), 'met'],
      [2, 'A-ttr', h(10), 'met'],
      [3, 'B-ttr', h(25), 'ok'],
    ]);
    // The opening message: email measures next response from creation; moved to phone afterwards, the missed cycle stays.
    const channels = defineSlaPolicy({
      id: 'open',
      calendars: always,
      vocabulary: { channel: ['email', 'phone'] },
      rules: [
        { id: 'E', when: { channel: 'email' }, targets: [{ id: 'E-nr', metric: 'nextResponse', within: { hours: 1 }, calendar: 'always' }] },
        { id: 'P', when: { channel: 'phone' }, targets: [{ id: 'P-fr', metric: 'firstResponse', within: { hours: 1 }, calendar: 'always' }, { id: 'P-nr', metric: 'nextResponse', within: { hours: 1 }, calendar: 'always' }] },
      ],
    });
    const replied = [created, { type: 'agentReply', at: h(1.5) }] as TicketEvent[];
    const moved = evaluateSla(channels, { channel: 'email', events: [...replied, changed(2, { channel: 'phone' })] }, h(3));
    expect(moved.clocks.map((c) => [c.metric, c.target, c.status])).toEqual([['nextResponse', 'E-nr', 'missed']]);
    const back = evaluateSla(channels, { channel: 'phone', events: [...replied, changed(2, { channel: 'email' })] }, h(3));
    expect(back.clocks.map((c) => [c.metric, c.target, c.status])).toEqual([['firstResponse', 'P-fr', 'missed']]);
  });

  it('stops measuring a clock whose target is withdrawn, and keeps it only if it was already over', () => {
    const within = evaluateSla(sla, { priority: 'normal', events: [created, changed(3, { priority: 'low' })] }, h(12));
    expect(within.clocks.map((c) => c.metric)).toEqual(['resolution']);
    expect(within.reasons.find((r) => r.code === 'SLA_TARGET_WITHDRAWN')?.facts).toMatchObject({ metric: 'firstResponse', at: h(3) });

    const over = evaluateSla(sla, { priority: 'normal', events: [created, changed(9, { priority: 'low' })] }, h(12));
    expect(clock(over, 'firstResponse')).toMatchObject({ status: 'missed', stoppedBy: 'withdrawn', target: 'normal-first' });
    expect(clock(over, 'firstResponse').stoppedAt?.toISOString()).toBe(h(9));
  });

  it('names the rule in force over each stretch of the ticket', () => {
    const report = evaluateSla(sla, { priority: 'low', events: [created, changed(1, { priority: 'normal' }), changed(2, { priority: 'urgent' })] }, h(3));
    expect(report.reasons.filter((r) => r.code === 'SLA_RULE_IN_FORCE').map((r) => [r.facts.rule, r.facts.from, r.facts.to])).toEqual([
      ['low', h(0), h(1)],
      ['normal', h(1), h(2)],
      ['urgent', h(2), null],
    ]);
  });

  it('counts a business-hours target from the start too', () => {
    const desk: SlaPolicySpec = {
      ...spec,
      rules: [
        { id: 'urgent', when: { priority: 'urgent' }, targets: [{ id: 'urgent-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'desk' }] },
        { id: 'rest', targets: [{ id: 'rest-ttr', metric: 'resolution', within: { hours: 16 }, calendar: 'desk' }] },
      ],
    };
    // Created Mon 09:00 Chicago (15:00 UTC); urgent from Mon 11:00 Chicago: due Mon 13:00, still ahead.
    const report = evaluateSla(defineSlaPolicy(desk), { priority: 'low', events: [{ type: 'created', at: '2026-11-23T09:00:00-06:00' }, { type: 'changed', at: '2026-11-23T11:00:00-06:00', set: { priority: 'urgent' } }] }, '2026-11-23T12:00:00-06:00');
    expect([report.clocks[0]?.status, report.clocks[0]?.deadline.toISOString()]).toEqual(['at-risk', '2026-11-23T19:00:00.000Z']);
  });

  it('dates breaches in breachesByGroup at the change', () => {
    const report = evaluateSla(sla, { priority: 'normal', events: [created, changed(10, { priority: 'urgent' })] }, h(12));
    const groups = breachesByGroup(report.clocks.map((c) => ({ ...c, group: 'tech' })), { now: h(12), windowMs: 3 * 3_600_000 });
    expect(groups[0]?.firstAt?.toISOString()).toBe(h(10));
  });
});

describe('changed events from JSON', () => {
  it('refuses an empty change, a field both set and unset, and values outside the vocabulary', () => {
    const ticket = (event: unknown) => ({ priority: 'normal', events: [created, event] });
    expect(errorOf(() => evaluateSla(sla, ticket({ type: 'changed', at: h(1) }) as never, h(2)))).toEqual(['EMPTY', 'events.1']);
    expect(errorOf(() => evaluateSla(sla, ticket({ type: 'changed', at: h(1), set: { priority: 'low' }, unset: ['priority'] }) as never, h(2)))).toEqual(['INVALID_VALUE', 'events.1.unset']);
    expect(errorOf(() => evaluateSla(sla, ticket({ type: 'changed', at: h(1), set: { priority: 'Urgent' } }) as never, h(2)))).toEqual(['UNKNOWN_IN_POLICY', 'events.1.set.priority']);
    expect(errorOf(() => evaluateSla(sla, ticket({ type: 'changed', at: h(1), set: { prority: 'urgent' } }) as never, h(2)))).toEqual(['UNKNOWN_KEY', 'events.1.set.prority']);
    expect(errorOf(() => evaluateSla(sla, ticket({ type: 'changed', at: h(1), unset: ['id'] }) as never, h(2)))).toEqual(['UNKNOWN_IN_POLICY', 'events.1.unset.0']);
  });

  it('selectSlaRule applies the changes given, in any order, as evaluateSla does', () => {
    const events = [changed(2, { priority: 'urgent' }), created, changed(1, { priority: 'low' })];
    expect(selectSlaRule(sla, { priority: 'normal', events }).rule).toBe('urgent');
    expect(selectSlaRule(sla, { priority: 'normal', events: events.slice(1) }).rule).toBe('low');
    expect(evaluateSla(sla, { priority: 'normal', events }, h(3)).rule).toBe('urgent');
    // Without a created event too: only the attributes choose the rule.
    expect(selectSlaRule(sla, { priority: 'normal', events: [changed(1, { priority: 'urgent' })] }).rule).toBe('urgent');
    expect(selectSlaRule(sla, { priority: 'urgent', events: [{ type: 'changed', at: h(1), unset: ['priority'] } as unknown as TicketEvent] }).rule).toBe('low');
  });

  it('lists every problem of changed events in one pass, with the other problems of the ticket', () => {
    const ticket = { priority: 'normal', events: [created, { type: 'changed', at: h(1) }, { type: 'status', at: h(1), status: 'Open' }, { type: 'changed', at: h(2), set: { group: 'tech' }, unset: ['group'] }] };
    const error = thrownError(() => evaluateSla(sla, ticket as never, h(3)));
    expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['UNKNOWN_IN_POLICY', 'events.2.status'],
      ['EMPTY', 'events.1'],
      ['INVALID_VALUE', 'events.3.unset'],
    ]);
  });

  it('refuses changes at one instant that contradict each other, in any order, and accepts ones that agree', () => {
    const urgent = changed(2, { priority: 'urgent' });
    const normal = changed(2, { priority: 'normal' });
    for (const events of [[created, urgent, normal], [normal, created, urgent]]) {
      const error = thrownError(() => evaluateSla(sla, { priority: 'low', events }, h(3)));
      expect([error.code, error.path.join('.')]).toEqual(['CONFLICTING_CHANGES', `events.${events.indexOf(urgent) > events.indexOf(normal) ? events.indexOf(urgent) : events.indexOf(normal)}`]);
      expect(error.message).toContain('both change "priority" at 2026-11-23T02:00:00.000Z');
      expect(errorOf(() => selectSlaRule(sla, { priority: 'low', events }))[0]).toBe('CONFLICTING_CHANGES');
    }
    const unset = { type: 'changed', at: h(2), unset: ['priority'] } as unknown as TicketEvent;
    expect(errorOf(() => evaluateSla(sla, { priority: 'low', events: [created, urgent, unset] }, h(3)))[0]).toBe('CONFLICTING_CHANGES');
    // The same value twice, or different attributes, at one instant: no conflict.
    expect(evaluateSla(sla, { priority: 'low', events: [created, urgent, changed(2, { priority: 'urgent', group: 'tech' })] }, h(3)).rule).toBe('urgent');
  });

  it('takes group and assignee as attributes, and rules can match on the group', () => {
    const byGroup = defineSlaPolicy({ ...spec, rules: [{ id: 'billing', when: { group: 'billing' }, targets: [{ id: 'b', metric: 'resolution', within: { hours: 1 }, calendar: 'always' }] }, ...spec.rules] });
    const report = evaluateSla(byGroup, { priority: 'low', group: 'tech', assignee: 'ana', events: [created, changed(2, { group: 'billing', assignee: 'bo' })] }, h(3));
    expect(report.rule).toBe('billing');
    expect(report.clocks[0]).toMatchObject({ target: 'b', status: 'breached' });
  });
});

describe('laws of ticket histories', () => {
  const twoRules = twoRulePolicy;

  it('a change that changes nothing changes nothing', () => {
    fc.assert(
      fc.property(withChangeArb(), ([s, at]) => {
        const policy = twoRules(s);
        const plain = evaluateSla(policy, { priority: 'p2', events: s.events }, s.now);
        const noop = evaluateSla(policy, { priority: 'p2', events: [...s.events, { type: 'changed', at, set: { priority: 'p2' } } as TicketEvent] }, s.now);
        expect(noop).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it('a later change never alters a verdict already reached', () => {
    fc.assert(
      fc.property(withChangeArb(), ([s, at]) => {
        const policy = twoRules(s);
        const plain = evaluateSla(policy, { priority: 'p2', events: s.events }, s.now);
        const later = evaluateSla(policy, { priority: 'p2', events: [...s.events, { type: 'changed', at, set: { priority: 'p1' } } as TicketEvent] }, s.now);
        for (const before of plain.clocks) {
          const after = later.clocks.find((c) => c.metric === before.metric && c.cycle === before.cycle && c.startedAt.getTime() === before.startedAt.getTime());
          // Stopped before the change: the same verdict.
          if (before.stoppedAt !== null && before.stoppedAt.getTime() < at) expect(after?.status, before.metric).toBe(before.status);
          // Over before the change: still over, from the same instant.
          if (before.breachedAt !== null && before.breachedAt.getTime() <= at && after) expect(after.breachedAt?.getTime()).toBe(before.breachedAt.getTime());
        }
        // Nothing the change made overdue is dated before it.
        for (const c of later.clocks) if (c.breachedAt && !plain.clocks.some((p) => p.breachedAt?.getTime() === c.breachedAt?.getTime())) expect(c.breachedAt.getTime()).toBeGreaterThanOrEqual(at);
      }),
      { numRuns: 100 },
    );
  });

  it('the order events come in does not matter, changes included', () => {
    fc.assert(
      fc.property(withChangeArb(), fc.integer(), ([s, at], seed) => {
        const policy = twoRules(s);
        const events = [...s.events, { type: 'changed', at, set: { priority: 'p1' } } as TicketEvent, { type: 'changed', at: at + 3_600_000, set: { priority: 'p2' } } as TicketEvent];
        const shuffled = [...events].sort((a, b) => ((msOf(a.at) * 31 + seed) % 7) - ((msOf(b.at) * 31 + seed) % 7));
        expect(evaluateSla(policy, { priority: 'p2', events: shuffled }, s.now)).toEqual(evaluateSla(policy, { priority: 'p2', events }, s.now));
      }),
      { numRuns: 60 },
    );
  });
});

describe('docs/sla.md: one ticket through a priority change, a pending spell and a reopen', () => {
  const day = ['09:00-17:00'];
  const desk = { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } };
  const policy = (reopen: 'new-cycle' | 'resume' | 'once') =>
    defineSlaPolicy({
      id: 'walkthrough',
      calendars: { desk },
      vocabulary: { priority: ['normal', 'urgent'] },
      rules: [
        {
          id: 'urgent',
          when: { priority: 'urgent' },
          targets: [
            { id: 'urgent-first', metric: 'firstResponse', within: { minutes: 30 }, calendar: 'desk' },
            { id: 'urgent-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'desk', reopen },
          ],
        },
        {
          id: 'normal',
          when: { priority: 'normal' },
          targets: [
            { id: 'normal-first', metric: 'firstResponse', within: { hours: 2 }, calendar: 'desk' },
            { id: 'normal-ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'desk', reopen },
          ],
        },
      ],
    });
  const ct = (s: string) => `2026-11-${s}-06:00`;
  const events = [
    { type: 'created', at: ct('23T09:00:00') },
    { type: 'agentReply', at: ct('23T09:45:00') },
    { type: 'status', at: ct('23T10:00:00'), status: 'pending' },
    { type: 'status', at: ct('23T12:00:00'), status: 'open' },
    { type: 'changed', at: ct('23T13:00:00'), set: { priority: 'urgent' } },
    { type: 'status', at: ct('23T14:00:00'), status: 'solved' },
    { type: 'status', at: ct('24T09:00:00'), status: 'reopened' },
    { type: 'status', at: ct('24T11:00:00'), status: 'solved' },
  ] as TicketEvent[];
  const rows = (reopen: 'new-cycle' | 'resume' | 'once') =>
    evaluateSla(policy(reopen), { priority: 'normal', events }, ct('25T12:00:00')).clocks.map((c) => [
      c.metric,
      c.cycle,
      c.target,
      c.startedAt.toISOString(),
      c.stoppedAt?.toISOString(),
      c.pausedMs / 3_600_000,
      c.elapsedMs / 3_600_000,
      c.deadline.toISOString(),
      c.status,
    ]);
  const z = (s: string) => new Date(ct(s)).toISOString();

  it('gives the clocks of the table under each reopen mode', () => {
    const first = ['firstResponse', 1, 'normal-first', z('23T09:00:00'), z('23T09:45:00'), 0, 0.75, z('23T11:00:00'), 'met'];
    const cycle1 = ['resolution', 1, 'urgent-ttr', z('23T09:00:00'), z('23T14:00:00'), 2, 3, z('23T15:00:00'), 'met'];
    expect(rows('new-cycle')).toEqual([first, cycle1, ['resolution', 2, 'urgent-ttr', z('24T09:00:00'), z('24T11:00:00'), 0, 2, z('24T13:00:00'), 'met']]);
    expect(rows('resume')).toEqual([first, ['resolution', 1, 'urgent-ttr', z('23T09:00:00'), z('24T11:00:00'), 5, 5, z('24T10:00:00'), 'missed']]);
    expect(rows('once')).toEqual([first, cycle1]);
  });
});
