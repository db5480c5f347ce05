import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/errors/index.js';
import { defineSlaPolicy, evaluateSla, selectSlaRule, type SlaPolicySpec } from '../../src/sla/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// One fault per ticket, in an otherwise valid ticket: each event field is refused on its own, at
// its own path, whatever else the ticket holds (a single bad event must never be decided).
// The policy is defined inside each test: the ticket check is compiled with it.

const spec: SlaPolicySpec = {
  id: 'desk',
  calendars: { always: { timeZone: 'UTC', alwaysOpen: true } },
  statuses: { paused: ['pending'] },
  vocabulary: { priority: ['high', 'low'] },
  rules: [
    {
      id: 'desk',
      targets: [
        { id: 'first', metric: 'firstResponse', within: { hours: 1 }, calendar: 'always' },
        { id: 'rma', metric: 'rmaIssued', within: { hours: 4 }, calendar: 'always', startOn: 'metricStarted' },
      ],
    },
  ],
};
const created = '2026-11-23T09:00:00Z';
const now = '2026-11-23T12:00:00Z';
// The bad event alone (its shape is refused before the ticket is found to lack a created event),
// first (before any valid one), or after the created event.
const withEvent = (event: unknown, index: number, alone = false) => ({ events: alone ? [event] : index === 0 ? [event, { type: 'created', at: created }] : [{ type: 'created', at: created }, event] });
const issuesOf = (run: () => unknown) => thrownError(run).issues.map((i: Issue) => [i.code, i.path.join('.')]);

describe('a ticket with one malformed event is refused at that event', () => {
  const cases: [string, unknown, string, string][] = [
    ['null instead of an event', null, 'INVALID_TYPE', 'events.1'],
    ['a list instead of an event', [], 'INVALID_TYPE', 'events.1'],
    ['a Date instead of an event', new Date(created), 'INVALID_TYPE', 'events.1'],
    ['a text instead of an event', 'agentReply', 'INVALID_TYPE', 'events.1'],
    ['an event type the engine does not know', { type: 'escalated', at: created }, 'INVALID_VALUE', 'events.1.type'],
    ['a number as event type', { type: 5, at: created }, 'INVALID_VALUE', 'events.1.type'],
    ['public on a customer reply (only agent replies are public or not)', { type: 'customerReply', at: created, public: false }, 'UNKNOWN_KEY', 'events.1.public'],
    ['a status on a customer reply', { type: 'customerReply', at: created, status: 'open' }, 'UNKNOWN_KEY', 'events.1.status'],
    ['a metric on an update', { type: 'update', at: created, metric: 'rmaIssued' }, 'UNKNOWN_KEY', 'events.1.metric'],
    ['public "yes" on an agent reply', { type: 'agentReply', at: created, public: 'yes' }, 'INVALID_TYPE', 'events.1.public'],
    ['a status name as the metric of metricStarted', { type: 'metricStarted', at: created, metric: 'pending' }, 'UNKNOWN_IN_POLICY', 'events.1.metric'],
    ['a metric name as the status of a status event', { type: 'status', at: created, status: 'rmaIssued' }, 'UNKNOWN_IN_POLICY', 'events.1.status'],
    ['a metricFulfilled without its metric', { type: 'metricFulfilled', at: created }, 'REQUIRED', 'events.1.metric'],
    ['a status event without its status', { type: 'status', at: created }, 'REQUIRED', 'events.1.status'],
    ['an event without at', { type: 'update' }, 'REQUIRED', 'events.1.at'],
    ['at NaN', { type: 'update', at: Number.NaN }, 'INVALID_INSTANT', 'events.1.at'],
    ['at true', { type: 'update', at: true }, 'INVALID_INSTANT', 'events.1.at'],
    ['a ticket created one millisecond before 1900-01-01', { type: 'created', at: Date.UTC(1900, 0, 1) - 1 }, 'INSTANT_OUT_OF_RANGE', 'events.1.at'],
    ['a ticket created at 2200-01-01', { type: 'created', at: Date.UTC(2200, 0, 1) }, 'INSTANT_OUT_OF_RANGE', 'events.1.at'],
    ['at one millisecond before 1900-01-01', { type: 'update', at: Date.UTC(1900, 0, 1) - 1 }, 'INSTANT_OUT_OF_RANGE', 'events.1.at'],
    ['at 2200-01-01 exactly (the end of the range is excluded)', { type: 'update', at: Date.UTC(2200, 0, 1) }, 'INSTANT_OUT_OF_RANGE', 'events.1.at'],
    ['at one millisecond after 2200-01-01', { type: 'update', at: Date.UTC(2200, 0, 1) + 1 }, 'INSTANT_OUT_OF_RANGE', 'events.1.at'],
    ['a changed event whose set is not an object', { type: 'changed', at: created, set: 5 }, 'INVALID_TYPE', 'events.1.set'],
    ['a changed event whose unset is not a list', { type: 'changed', at: created, unset: 'priority' }, 'INVALID_TYPE', 'events.1.unset'],
    ['a changed event that changes nothing', { type: 'changed', at: created }, 'EMPTY', 'events.1'],
    ['a changed event that sets and unsets one attribute', { type: 'changed', at: created, set: { priority: 'high' }, unset: ['priority'] }, 'INVALID_VALUE', 'events.1.unset'],
  ];
  for (const [what, event, code, path] of cases) {
    it(`refuses ${what}: ${code} at ${path}, and only that`, () => {
      const policy = defineSlaPolicy(spec);
      for (const [index, alone] of [[0, true], [0, false], [1, false]] as const) {
        const at = path.replace('events.1', `events.${index}`);
        expect(issuesOf(() => evaluateSla(policy, withEvent(event, index, alone) as never, now))).toEqual([[code, at]]);
        // selectSlaRule reads the same events (they may change the attributes).
        expect(issuesOf(() => selectSlaRule(policy, withEvent(event, index, alone) as never))).toEqual([[code, at]]);
      }
    });
  }

  it('refuses public on the created event itself', () => {
    const policy = defineSlaPolicy(spec);
    expect(issuesOf(() => evaluateSla(policy, { events: [{ type: 'created', at: created, public: true }] } as never, now))).toEqual([['UNKNOWN_KEY', 'events.0.public']]);
  });

  it('refuses a ticket that is not an object, or whose events are not a list, with exactly one issue', () => {
    const policy = defineSlaPolicy(spec);
    expect(issuesOf(() => evaluateSla(policy, null as never, now))).toEqual([['INVALID_TYPE', '']]);
    expect(issuesOf(() => evaluateSla(policy, { events: 'created' } as never, now))).toEqual([['INVALID_TYPE', 'events']]);
    expect(issuesOf(() => selectSlaRule(policy, { events: {} } as never))).toEqual([['INVALID_TYPE', 'events']]);
  });

  it('lists a broken attribute and a contradictory change together, in one error', () => {
    const policy = defineSlaPolicy(spec);
    const ticket = { priority: 'urgent', events: [{ type: 'created', at: created }, { type: 'changed', at: created, set: { priority: 'high' }, unset: ['priority'] }] };
    expect(issuesOf(() => evaluateSla(policy, ticket as never, now))).toEqual([
      ['UNKNOWN_IN_POLICY', 'priority'],
      ['INVALID_VALUE', 'events.1.unset'],
    ]);
  });
});

describe('instants of events at the edges of the range', () => {
  it('accepts a ticket created at 1900-01-01T00:00Z, the first instant of the range', () => {
    const policy = defineSlaPolicy(spec);
    const report = evaluateSla(policy, { events: [{ type: 'created', at: Date.UTC(1900, 0, 1) }] }, now);
    expect(report.clocks.map((c) => [c.metric, c.status, c.startedAt.toISOString()])).toEqual([['firstResponse', 'breached', '1900-01-01T00:00:00.000Z']]);
  });

  it('gives the same report for events given as Dates, epoch milliseconds or ISO strings', () => {
    const policy = defineSlaPolicy(spec);
    const times = ['2026-11-23T09:00:00Z', '2026-11-23T09:40:00Z', '2026-11-23T09:50:00Z', '2026-11-23T10:30:00Z', '2026-11-23T10:30:00Z'];
    const ticketWith = (at: (iso: string) => unknown) => ({
      events: [
        { type: 'created', at: at(times[0] as string) },
        { type: 'status', at: at(times[1] as string), status: 'pending' },
        { type: 'metricStarted', at: at(times[2] as string), metric: 'rmaIssued' },
        { type: 'agentReply', at: at(times[3] as string) },
        { type: 'metricFulfilled', at: at(times[4] as string), metric: 'rmaIssued' },
      ],
    });
    const iso = evaluateSla(policy, ticketWith((t) => t) as never, now);
    // The RMA clock starts while the ticket is pending: paused until it is fulfilled.
    expect(iso.clocks.map((c) => [c.metric, c.status, c.elapsedMs, c.pausedMs])).toEqual([
      ['firstResponse', 'missed', 90 * 60_000, 0],
      ['rmaIssued', 'met', 0, 40 * 60_000],
    ]);
    expect(evaluateSla(policy, ticketWith((t) => new Date(t)) as never, now)).toEqual(iso);
    expect(evaluateSla(policy, ticketWith((t) => Date.parse(t)) as never, now)).toEqual(iso);
  });
});

describe("a policy's vocabulary for the ticket attributes", () => {
  it('derives the groups from the rules when none are declared, and refuses any other group', () => {
    const policy = defineSlaPolicy({
      ...spec,
      rules: [{ id: 'eu', when: { group: 'eu-desk' }, targets: [{ id: 'eu-first', metric: 'firstResponse', within: { hours: 2 }, calendar: 'always' }] }, ...spec.rules],
    });
    expect(policy.vocabulary.group).toEqual(['eu-desk']);
    expect(selectSlaRule(policy, { group: 'eu-desk', events: [] }).rule).toBe('eu');
    expect(errorOf(() => selectSlaRule(policy, { group: 'us-desk', events: [] }))).toEqual(['UNKNOWN_IN_POLICY', 'group']);
  });
});

describe('what the errors of a ticket tell the caller', () => {
  it('says a ticket is expected, and names a changeable attribute it does not know', () => {
    const policy = defineSlaPolicy(spec);
    expect(thrownError(() => evaluateSla(policy, 5 as never, now)).message).toContain('a ticket (an object)');
    expect(thrownError(() => selectSlaRule(policy, 5 as never)).message).toContain('a ticket (an object)');
    const unset = thrownError(() => evaluateSla(policy, withEvent({ type: 'changed', at: created, unset: ['prio'] }, 1) as never, now));
    expect([unset.code, unset.path, unset.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['events', 1, 'unset', 0], 'priority']);
    expect(unset.message).toContain('not a changeable attribute');
  });
});
