import { describe, expect, it } from 'vitest';
import { defineSlaPolicy, evaluateSla, selectSlaRule, type SlaPolicySpec, type SlaReport, type Ticket, type TicketEvent } from '../../src/sla/index.js';
import { thrownError } from '../helpers/errors.js';

// A ticket's attributes over its life: only a change that changes something starts a new stretch,
// and a clock keeps its target while the target in force stays the same one. The policy is defined
// in each test: its targets (one per calendar a field can choose) are compiled with it.

const spec: SlaPolicySpec = {
  id: 'desk',
  calendars: { always: { timeZone: 'UTC', alwaysOpen: true }, late: { timeZone: 'UTC', hours: { mon: ['12:00-20:00'], tue: ['12:00-20:00'] } } },
  vocabulary: { priority: ['urgent', 'high', 'low'], tag: ['vip', 'press', 'vendor'], region: ['eu', 'us'] },
  rules: [
    {
      id: 'vip',
      when: { vip: true },
      targets: [
        { id: 'vip-first', metric: 'firstResponse', within: { hours: 2 }, calendar: { by: 'priority', calendars: { urgent: 'always', high: 'always' }, otherwise: 'late' } },
        { id: 'vip-fast', metric: 'resolution', when: { priority: 'urgent' }, within: { hours: 4 }, calendar: 'always' },
        { id: 'vip-res', metric: 'resolution', within: { hours: 8 }, calendar: 'always' },
      ],
    },
  ],
};
const created = '2026-11-23T09:00:00Z'; // Monday
const now = '2026-11-23T10:00:00Z';
const codes = (report: SlaReport) => report.reasons.map((r) => r.code);
/** Per clock, its metric, target and the target changes it went through. */
const clockReasons = (report: SlaReport) => report.clocks.map((c) => [c.metric, c.target, c.reasons.filter((r) => r.code === 'SLA_TARGET_CHANGED').map((r) => `${r.facts.from} -> ${r.facts.to}`)]);
const stretches = (report: SlaReport) => report.reasons.filter((r) => r.code === 'SLA_RULE_IN_FORCE').map((r) => r.facts);
const ticket = (attributes: Record<string, unknown>, ...changes: Record<string, unknown>[]): Ticket =>
  ({
    vip: true,
    ...attributes,
    events: [{ type: 'created', at: created }, ...changes.map((change) => ({ type: 'changed', ...change }))],
  }) as Ticket;

describe('stretches of a ticket with one set of attributes', () => {
  it('starts no new stretch for a change that changes nothing (same tags, same priority, unsetting what is not set)', () => {
    const policy = defineSlaPolicy(spec);
    const plain = evaluateSla(policy, ticket({ priority: 'high', tags: ['press', 'vip'] }), now);
    const noop = evaluateSla(policy, ticket({ priority: 'high', tags: ['press', 'vip'] }, { at: '2026-11-23T09:30:00Z', set: { tags: ['press', 'vip'], priority: 'high' }, unset: ['region'] }), now);
    expect(codes(noop)).not.toContain('SLA_RULE_IN_FORCE');
    expect(noop).toEqual(plain);
  });

  it('starts a new stretch when tags are set on a ticket that had none', () => {
    const policy = defineSlaPolicy(spec);
    const report = evaluateSla(policy, ticket({ priority: 'high' }, { at: '2026-11-23T09:30:00Z', set: { tags: ['press'] } }), now);
    expect(stretches(report)).toEqual([
      { rule: 'vip', from: '2026-11-23T09:00:00.000Z', to: '2026-11-23T09:30:00.000Z' },
      { rule: 'vip', from: '2026-11-23T09:30:00.000Z', to: null },
    ]);
    // The targets did not change: the clocks run on as before.
    expect(clockReasons(report)).toEqual([
      ['firstResponse', 'vip-first', []],
      ['resolution', 'vip-res', []],
    ]);
  });

  it('starts a new stretch when the tags change to another list, of the same length or longer', () => {
    const policy = defineSlaPolicy(spec);
    const tagsChanged = (from: string[], to: string[]) => stretches(evaluateSla(policy, ticket({ priority: 'high', tags: from }, { at: '2026-11-23T09:30:00Z', set: { tags: to } }), now)).length;
    expect(tagsChanged(['press', 'vip'], ['press', 'vendor'])).toBe(2);
    expect(tagsChanged(['press'], ['press', 'vip'])).toBe(2);
    expect(tagsChanged(['press', 'vip'], ['press', 'vip'])).toBe(0);
  });

  it('starts no stretch of zero length for a change at the creation instant', () => {
    const policy = defineSlaPolicy(spec);
    const changed = ticket({ priority: 'low' }, { at: created, set: { priority: 'urgent' } });
    expect(codes(evaluateSla(policy, changed, now))).not.toContain('SLA_RULE_IN_FORCE');
    expect(selectSlaRule(policy, changed).rule).toBe('vip');
  });

  it('starts one stretch for two changes at the same instant, none of zero length between them', () => {
    const policy = defineSlaPolicy(spec);
    const report = evaluateSla(policy, ticket({ priority: 'high' }, { at: '2026-11-23T09:30:00Z', set: { priority: 'urgent' } }, { at: '2026-11-23T09:30:00Z', set: { assignee: 'bob' } }), now);
    expect(stretches(report)).toEqual([
      { rule: 'vip', from: '2026-11-23T09:00:00.000Z', to: '2026-11-23T09:30:00.000Z' },
      { rule: 'vip', from: '2026-11-23T09:30:00.000Z', to: null },
    ]);
    expect(clockReasons(report)).toEqual([
      ['firstResponse', 'vip-first', []],
      ['resolution', 'vip-fast', ['vip-res -> vip-fast']],
    ]);
  });

  it('stops measuring when a change leaves the ticket under no rule', () => {
    const policy = defineSlaPolicy(spec);
    const report = evaluateSla(policy, ticket({ priority: 'high' }, { at: '2026-11-23T09:30:00Z', set: { vip: false } }), now);
    expect(report.rule).toBeNull();
    expect(stretches(report)).toEqual([
      { rule: 'vip', from: '2026-11-23T09:00:00.000Z', to: '2026-11-23T09:30:00.000Z' },
      { rule: null, from: '2026-11-23T09:30:00.000Z', to: null },
    ]);
    expect(report.clocks).toEqual([]);
    expect(selectSlaRule(policy, ticket({ priority: 'high' }, { at: '2026-11-23T09:30:00Z', set: { vip: false } })).rule).toBeNull();
  });
});

describe('the target in force while a clock runs', () => {
  it('keeps the target when a change touches an attribute no target looks at', () => {
    const policy = defineSlaPolicy(spec);
    const report = evaluateSla(policy, ticket({ priority: 'high', assignee: 'ann' }, { at: '2026-11-23T09:30:00Z', set: { assignee: 'bob' } }), now);
    expect(codes(report).filter((code) => code === 'SLA_RULE_IN_FORCE')).toHaveLength(2);
    expect(clockReasons(report)).toEqual([
      ['firstResponse', 'vip-first', []],
      ['resolution', 'vip-res', []],
    ]);
  });

  it('keeps the target when the calendar-choosing field moves between two values on the same calendar', () => {
    const policy = defineSlaPolicy(spec);
    const report = evaluateSla(policy, ticket({ priority: 'high' }, { at: '2026-11-23T09:30:00Z', set: { priority: 'urgent' } }), now);
    const first = report.clocks.find((c) => c.metric === 'firstResponse');
    expect(first?.reasons.map((r) => r.code)).not.toContain('SLA_TARGET_CHANGED');
    expect(first?.deadline.toISOString()).toBe('2026-11-23T11:00:00.000Z');
    // The resolution target did change (urgent has its own), and says so.
    const resolution = report.clocks.find((c) => c.metric === 'resolution');
    expect(resolution?.reasons.filter((r) => r.code === 'SLA_TARGET_CHANGED').map((r) => [r.facts.from, r.facts.to])).toEqual([['vip-res', 'vip-fast']]);
  });

  it('changes the calendar when the field moves from a listed value to one only the otherwise calendar covers', () => {
    const policy = defineSlaPolicy(spec);
    const report = evaluateSla(policy, ticket({ priority: 'high' }, { at: '2026-11-23T09:30:00Z', set: { priority: 'low' } }), now);
    const first = report.clocks.find((c) => c.metric === 'firstResponse');
    expect(first?.reasons.filter((r) => r.code === 'SLA_TARGET_CHANGED').map((r) => [r.facts.fromCalendar, r.facts.toCalendar])).toEqual([['always', 'late']]);
  });
});

describe('events at one instant, in any input order', () => {
  it('puts same-instant status events in one order (by status), so the report does not depend on the input order', () => {
    const policy = defineSlaPolicy({ ...spec, statuses: { paused: ['pending'] } });
    const at = '2026-11-23T09:30:00Z';
    const statuses: TicketEvent[] = [
      { type: 'status', at, status: 'pending' },
      { type: 'status', at, status: 'open' },
    ];
    const reports = [statuses, [...statuses].reverse()].map((events) => evaluateSla(policy, { vip: true, priority: 'urgent', events: [{ type: 'created', at: created }, ...events] }, now));
    // 'open' sorts before 'pending': the ticket is pending from 09:30.
    const resolution = reports.map((report) => report.clocks.find((c) => c.metric === 'resolution'));
    expect(resolution.map((c) => [c?.paused, c?.pausedMs])).toEqual([
      [true, 30 * 60_000],
      [true, 30 * 60_000],
    ]);
    expect(reports[1]).toEqual(reports[0]);
  });

  it('lists the conflicts of same-instant changes in one order (by the values set), whatever the input order', () => {
    const policy = defineSlaPolicy(spec);
    const at = '2026-11-23T09:30:00Z';
    const events = [
      { type: 'created', at: created },
      { type: 'changed', at, set: { priority: 'urgent' } },
      { type: 'changed', at, set: { priority: 'high' } },
      { type: 'changed', at, set: { priority: 'low' } },
    ];
    // In order high (2), low (3), urgent (1): each conflict at the later of its two events in the input.
    const error = thrownError(() => evaluateSla(policy, { vip: true, events } as never, now));
    expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['CONFLICTING_CHANGES', 'events.3'],
      ['CONFLICTING_CHANGES', 'events.2'],
      ['CONFLICTING_CHANGES', 'events.3'],
    ]);
    // In order high (2), low (1), urgent (3).
    const [, urgent, high, low] = events;
    const again = thrownError(() => evaluateSla(policy, { vip: true, events: [events[0], low, high, urgent] } as never, now));
    expect(again.issues.map((i) => i.path.join('.'))).toEqual(['events.2', 'events.3', 'events.3']);
  });

  it('orders same-instant changes by every attribute they set and unset, sorted, whatever order the caller wrote them in', () => {
    const policy = defineSlaPolicy(spec);
    const at = '2026-11-23T09:30:00Z';
    const conflicts = (...changes: Record<string, unknown>[]) =>
      thrownError(() => evaluateSla(policy, { vip: true, events: [{ type: 'created', at: created }, ...changes.map((change) => ({ type: 'changed', at, ...change }))] } as never, now)).issues.map((i) =>
        i.path.join('.'),
      );
    // {priority high, tags} sorts before {priority low} and {priority urgent}: its attributes are read in name order.
    expect(conflicts({ set: { tags: ['press'], priority: 'high' } }, { set: { priority: 'low' } }, { set: { priority: 'urgent' } })).toEqual(['events.2', 'events.3', 'events.3']);
    // Setting sorts before unsetting; unsetting [priority, tags] before unsetting [priority].
    expect(conflicts({ set: { priority: 'low' } }, { unset: ['priority'] }, { unset: ['tags', 'priority'] })).toEqual(['events.3', 'events.2']);
    // An unset is shown as such in the conflict.
    const unsetAndSet = thrownError(() => evaluateSla(policy, ticket({ priority: 'high' }, { at, unset: ['priority'] }, { at, set: { priority: 'low' } }), now));
    expect([unsetAndSet.code, unsetAndSet.path]).toEqual(['CONFLICTING_CHANGES', ['events', 2]]);
    expect(unsetAndSet.message).toContain('nothing (unset)');
  });
});

describe('a change made at the creation instant', () => {
  const twoRules = (): SlaPolicySpec => ({
    id: 'desk',
    calendars: { always: { timeZone: 'UTC', alwaysOpen: true } },
    rules: [
      { id: 'vip', when: { vip: true }, targets: [{ id: 'vip-res', metric: 'resolution', within: { hours: 4 }, calendar: 'always' }] },
      { id: 'std', targets: [{ id: 'std-res', metric: 'resolution', within: { hours: 24 }, calendar: 'always' }] },
    ],
  });
  const ticketWithChangeAt = (at: string): Ticket => ({ vip: false, events: [{ type: 'created', at: created }, { type: 'changed', at, set: { vip: true } } as TicketEvent] });

  it('decides the rule and targets with the changed attributes, as selectSlaRule does (and as a change 1 ms later does)', () => {
    const policy = defineSlaPolicy(twoRules());
    for (const at of [created, '2026-11-23T09:00:00.001Z']) {
      const report = evaluateSla(policy, ticketWithChangeAt(at), now);
      expect(report.rule).toBe('vip');
      expect(selectSlaRule(policy, ticketWithChangeAt(at)).rule).toBe('vip');
      expect(report.clocks.map((c) => [c.target, c.deadline.toISOString()])).toEqual([['vip-res', '2026-11-23T13:00:00.000Z']]);
    }
  });
});
