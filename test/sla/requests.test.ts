import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { InvalidArgumentError, SupportRulesError, type Issue } from '../../src/errors/index.js';
import {
  SlaPolicyError,
  backOfficeClock,
  breachesByGroup,
  defineSlaPolicy,
  evaluateSla,
  medianClockTime,
  selectSlaRule,
  serviceLevel,
  type SlaPolicySpec,
} from '../../src/sla/index.js';
import { errorOf } from '../helpers/errors.js';
import { checkMalformedRequests, type FieldKind } from '../helpers/malformed.js';

// Tickets are parsed, not trusted: what a plain-JavaScript or JSON caller gets wrong is a typed
// error naming the caller's own field, never a clock that quietly runs on.

const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-17:00']]));
const spec: SlaPolicySpec = {
  id: 'desk',
  calendars: { desk: { timeZone: 'America/Chicago', hours: weekdays }, always: { timeZone: 'America/Chicago', alwaysOpen: true } },
  statuses: { paused: ['pending', 'on-hold'], resolved: ['solved', 'closed'] },
  vocabulary: {
    priority: ['urgent', 'high', 'normal', 'low'],
    channel: ['email', 'chat', 'phone', 'portal'],
    tier: ['gold', 'silver'],
    category: ['rma', 'billing'],
    queue: ['hardware', 'software'],
    tag: ['warranty', 'priority-escalation', 'press'],
  },
  rules: [
    { id: 'escalated', when: { tagsAny: ['priority-escalation'] }, targets: [{ id: 'esc-res', metric: 'resolution', within: { hours: 4 }, calendar: 'always' }] },
    { id: 'vip-chat', when: { vip: true, channel: 'chat' }, targets: [{ id: 'vip-first', metric: 'firstResponse', within: { minutes: 1 }, calendar: 'always' }] },
    {
      id: 'email',
      when: { channel: ['email', 'portal'], tier: { present: true } },
      targets: [
        { id: 'email-ack-gold', metric: 'acknowledgement', when: { tier: 'gold' }, within: { hours: 1 }, calendar: 'desk' },
        { id: 'email-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' },
        { id: 'email-res', metric: 'resolution', when: { priority: { not: ['low'] } }, within: { hours: 24 }, calendar: 'desk' },
        { id: 'rma', metric: 'rmaIssued', when: { category: 'rma' }, within: { hours: 24 }, calendar: 'desk', startOn: 'metricStarted' },
      ],
    },
    { id: 'standard', targets: [{ id: 'std-res', metric: 'resolution', within: { hours: 48 }, calendar: 'desk' }] },
  ],
};
const policy = defineSlaPolicy(spec);
const created = '2026-11-23T09:00:00-06:00'; // Monday
const now = '2026-11-24T12:00:00-06:00';
const ticket = {
  id: 'T-1',
  priority: 'high',
  channel: 'email',
  tier: 'silver',
  events: [
    { type: 'created', at: created },
    { type: 'agentReply', at: '2026-11-23T10:00:00-06:00' },
    { type: 'status', at: '2026-11-23T10:00:00-06:00', status: 'pending' },
    { type: 'status', at: '2026-11-23T15:00:00-06:00', status: 'open' },
  ],
};
// A JSON or plain-JavaScript caller: no TypeScript to stop them.
const evaluate = (input: unknown, at: unknown = now) => evaluateSla(policy, input as never, at as never);

function errorWith(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('tickets from JSON and plain JavaScript', () => {
  it('decides the valid ticket: acknowledged at 10:00, resolution paused while pending', () => {
    const report = evaluate(ticket);
    expect(report.rule).toBe('email');
    expect(report.clocks.map((c) => [c.metric, c.status])).toEqual([
      ['acknowledgement', 'met'],
      ['resolution', 'ok'],
    ]);
    expect(report.clocks[1]?.pausedMs).toBe(5 * 3_600_000);
  });

  it("refuses status 'Pending' (the policy pauses on 'pending') instead of keeping the clock running", () => {
    const events = [...ticket.events.slice(0, 2), { type: 'status', at: '2026-11-23T10:00:00-06:00', status: 'Pending' }, ticket.events[3]];
    const error = errorWith(() => evaluate({ ...ticket, events }));
    expect([error.code, error.path, error.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['events', 2, 'status'], 'pending']);
    expect(error.issues[0]?.allowed).toEqual(policy.vocabulary.status);
    expect(error.message).toBe(
      'at events[2].status: "Pending" is not a status of this policy; did you mean "pending"? The statuses are new, open, in-progress, reopened, pending, on-hold, solved and closed.',
    );
  });

  it('refuses channel 42 instead of giving zero clocks', () => {
    expect(errorOf(() => evaluate({ ...ticket, channel: 42 }))).toEqual(['INVALID_TYPE', 'channel']);
    expect(errorOf(() => selectSlaRule(policy, { channel: 42 } as never))).toEqual(['INVALID_TYPE', 'channel']);
  });

  it('checks every attribute against the vocabulary, with a did-you-mean', () => {
    const error = errorWith(() => evaluate({ ...ticket, priority: 'High', tier: 'platinum', category: 'RMA', queue: 'hardwares', tags: ['Warranty'], vip: 'yes', chanel: 'email' }));
    expect(error.issues.map((i: Issue) => [i.code, i.path.join('.'), i.suggestion])).toEqual([
      ['UNKNOWN_IN_POLICY', 'priority', 'high'],
      ['UNKNOWN_IN_POLICY', 'tier', undefined],
      ['UNKNOWN_CATEGORY', 'category', 'rma'],
      ['UNKNOWN_IN_POLICY', 'queue', 'hardware'],
      ['UNKNOWN_IN_POLICY', 'tags.0', 'warranty'],
      ['INVALID_TYPE', 'vip', undefined],
      ['UNKNOWN_KEY', 'chanel', 'channel'],
    ]);
  });

  it('refuses null and an empty id instead of treating them as left out', () => {
    expect(errorOf(() => evaluate({ ...ticket, priority: null }))).toEqual(['INVALID_TYPE', 'priority']);
    expect(errorOf(() => evaluate({ ...ticket, id: '' }))).toEqual(['INVALID_TYPE', 'id']);
    expect(errorOf(() => evaluate({ ...ticket, events: undefined }))).toEqual(['REQUIRED', 'events']);
    expect(errorOf(() => evaluate(null))).toEqual(['INVALID_TYPE', '']);
  });

  it('checks every event field, at its own path', () => {
    const bad = [
      { type: 'created', at: created },
      { type: 'agentReply', at: '2026-11-23T10:00:00', public: 'no' },
      { type: 'metricStarted', at: Date.parse(created), metric: 'rmaIssud' },
      { type: 'metricFulfilled', at: new Date(created), metric: 'onSiteVisit' },
      { type: 'customerReply', at: created, status: 'open' },
      { type: 'Status', at: created, status: 'open' },
    ];
    const error = errorWith(() => evaluate({ ...ticket, events: bad }));
    expect(error.issues.map((i: Issue) => [i.code, i.path.join('.'), i.suggestion])).toEqual([
      ['INSTANT_WITHOUT_OFFSET', 'events.1.at', undefined],
      ['INVALID_TYPE', 'events.1.public', undefined],
      ['UNKNOWN_IN_POLICY', 'events.2.metric', 'rmaIssued'],
      // A metric the policy does not measure is not a metric event it can use.
      ['UNKNOWN_IN_POLICY', 'events.3.metric', undefined],
      ['UNKNOWN_KEY', 'events.4.status', undefined],
      ['INVALID_VALUE', 'events.5.type', 'status'],
    ]);
    expect(policy.vocabulary.metric).toEqual(['acknowledgement', 'firstResponse', 'resolution', 'rmaIssued']);
  });

  it('keeps the contradictions between events: no created, two, or one before it', () => {
    expect(errorOf(() => evaluate({ ...ticket, events: ticket.events.slice(1) }))).toEqual(['MISSING_CREATED', 'events']);
    expect(errorOf(() => evaluate({ ...ticket, events: [...ticket.events, { type: 'created', at: now }] }))).toEqual(['DUPLICATE_CREATED', 'events']);
    expect(errorOf(() => evaluate({ ...ticket, events: [...ticket.events, { type: 'customerReply', at: '2026-11-23T08:00:00-06:00' }] }))).toEqual(['EVENT_BEFORE_CREATED', 'events.4']);
  });

  it('follows the one instant rule for now: a Date, epoch ms or an ISO string with an offset give the same report', () => {
    const iso = evaluate(ticket, now);
    expect(JSON.stringify(evaluate(ticket, new Date(now)))).toBe(JSON.stringify(iso));
    expect(JSON.stringify(evaluate(ticket, Date.parse(now)))).toBe(JSON.stringify(iso));
    expect(errorOf(() => evaluate(ticket, '2026-11-24T12:00:00'))).toEqual(['INSTANT_WITHOUT_OFFSET', 'now']);
    expect(errorOf(() => evaluate(ticket, Date.UTC(2200, 0, 1)))).toEqual(['INSTANT_OUT_OF_RANGE', 'now']);
    expect(errorOf(() => evaluateSla(policy, ticket as never, undefined as never))).toEqual(['REQUIRED', 'now']);
  });

  it('reports a broken ticket and a broken now together', () => {
    const error = errorWith(() => evaluate({ ...ticket, channel: 'fax' }, 'tomorrow'));
    expect(error.issues.map((i: Issue) => [i.code, i.path.join('.')])).toEqual([
      ['UNKNOWN_IN_POLICY', 'channel'],
      ['INVALID_INSTANT', 'now'],
    ]);
  });

  // Behaviour change in 0.2.0: this used to return a report with the reason TICKET_NOT_CREATED_YET.
  it('refuses now before the ticket was created (NOW_BEFORE_CREATED)', () => {
    const error = errorWith(() => evaluate(ticket, '2026-11-23T08:59:59-06:00'));
    expect([error.code, error.path]).toEqual(['NOW_BEFORE_CREATED', ['now']]);
    expect(error.message).toContain('is before the case was created (2026-11-23T15:00:00.000Z)');
    // At the creation instant itself, every clock starts.
    expect(evaluate(ticket, created).clocks.map((c) => c.status)).toEqual(['ok', 'ok']);
  });

  it('ignores events after now (not yet known), as documented', () => {
    const before = evaluate(ticket, '2026-11-23T09:30:00-06:00');
    expect(before.clocks.map((c) => [c.metric, c.status, c.stoppedAt])).toEqual([
      ['acknowledgement', 'ok', null],
      ['resolution', 'ok', null],
    ]);
  });

  it('lets selectSlaRule leave the events out, and checks the attributes the same way', () => {
    expect(selectSlaRule(policy, { channel: 'chat', vip: true } as never).rule).toBe('vip-chat');
    expect(selectSlaRule(policy, { channel: 'chat', events: [] }).rule).toBe('standard');
    expect(errorOf(() => selectSlaRule(policy, { channel: 'chat', priority: 'P1' } as never))).toEqual(['UNKNOWN_IN_POLICY', 'priority']);
    for (const junk of [null, 'email', new Date(), [{ channel: 'chat' }]]) expect(errorOf(() => selectSlaRule(policy, junk as never))).toEqual(['INVALID_TYPE', '']);
    expect(errorOf(() => selectSlaRule(policy, { channel: 'chat', events: [{ type: 'created' }] } as never))).toEqual(['REQUIRED', 'events.0.at']);
  });

  it('takes free-text tags when the policy declares none', () => {
    const { vocabulary, ...rest } = spec;
    const free = defineSlaPolicy({ ...rest, vocabulary: { ...vocabulary, tag: undefined } });
    expect(free.vocabulary.tag).toBeNull();
    expect(selectSlaRule(free, { tags: ['anything at all'], events: [] }).rule).toBe('standard');
    expect(errorOf(() => selectSlaRule(free, { tags: [''], events: [] }))).toEqual(['EMPTY', 'tags.0']);
    expect(errorOf(() => selectSlaRule(free, { tags: [7], events: [] } as never))).toEqual(['INVALID_TYPE', 'tags.0']);
    expect(errorOf(() => selectSlaRule(free, { tags: 'press' } as never))).toEqual(['INVALID_TYPE', 'tags']);
  });

  it('law: a broken attribute is refused at its own path, an unknown key is refused, junk is never decided', () => {
    const v = policy.vocabulary;
    checkMalformedRequests({
      valid: fc.record(
        {
          id: fc.constantFrom('T-1', 'T-2'),
          priority: fc.constantFrom(...v.priority),
          channel: fc.constantFrom(...v.channel),
          tier: fc.constantFrom(...v.tier),
          category: fc.constantFrom(...v.category),
          queue: fc.constantFrom(...v.queue),
          vip: fc.boolean(),
          tags: fc.subarray([...(v.tag ?? [])]),
          events: fc.constant(ticket.events),
        },
        { requiredKeys: ['events'] },
      ),
      decide: (input) => evaluate(input),
      fields: {
        id: { kind: 'text' },
        priority: { kind: 'term', values: v.priority },
        channel: { kind: 'term', values: v.channel },
        tier: { kind: 'term', values: v.tier },
        category: { kind: 'term', values: v.category },
        queue: { kind: 'term', values: v.queue },
        vip: { kind: 'boolean' },
        tags: { kind: 'terms', values: v.tag ?? [] },
      },
    });
  });

  it('law: selectSlaRule refuses a broken attribute at its own path too', () => {
    const v = policy.vocabulary;
    checkMalformedRequests({
      valid: fc.record({ channel: fc.constantFrom(...v.channel), tier: fc.constantFrom(...v.tier), vip: fc.boolean() }, { requiredKeys: [] }),
      decide: (input) => selectSlaRule(policy, input as never),
      fields: { priority: { kind: 'term', values: v.priority }, channel: { kind: 'term', values: v.channel }, vip: { kind: 'boolean' }, tags: { kind: 'terms', values: v.tag ?? [] } },
      numRuns: 100,
    });
  });

  // Each event type on its own: a broken field of the second event is refused at
  // ['events', 1, field]; the paths are checked relative to the event.
  const eventKinds: Record<string, { valid: fc.Arbitrary<Record<string, unknown>>; fields: Record<string, FieldKind> }> = (() => {
    const at = fc.integer({ min: Date.parse(created), max: Date.parse(now) }).chain((ms) => fc.constantFrom<unknown>(ms, new Date(ms), new Date(ms).toISOString()));
    const types = ['created', 'customerReply', 'agentReply', 'status', 'update', 'metricStarted', 'metricFulfilled'];
    const type = (name: string): FieldKind => ({ kind: 'term', values: types.filter((t) => t !== 'created' || name === 'created') });
    const status: FieldKind = { kind: 'term', values: policy.vocabulary.status };
    const metric: FieldKind = { kind: 'term', values: policy.vocabulary.metric };
    return {
      customerReply: { valid: fc.record({ type: fc.constant('customerReply'), at }), fields: { type: type('customerReply'), at: { kind: 'instant' } } },
      agentReply: {
        valid: fc.record({ type: fc.constant('agentReply'), at, public: fc.boolean() }, { requiredKeys: ['type', 'at'] }),
        fields: { at: { kind: 'instant' }, public: { kind: 'boolean' } },
      },
      status: {
        valid: fc.record({ type: fc.constant('status'), at, status: fc.constantFrom(...policy.vocabulary.status) }),
        fields: { at: { kind: 'instant' }, status },
      },
      metricStarted: {
        valid: fc.record({ type: fc.constant('metricStarted'), at, metric: fc.constantFrom(...policy.vocabulary.metric) }),
        fields: { at: { kind: 'instant' }, metric },
      },
      metricFulfilled: {
        valid: fc.record({ type: fc.constant('metricFulfilled'), at, metric: fc.constantFrom(...policy.vocabulary.metric) }),
        fields: { at: { kind: 'instant' }, metric },
      },
    };
  })();

  /** evaluateSla on a ticket whose second event is `event`, with the issues' paths made relative to that event. */
  const decideEvent = (event: unknown) => {
    try {
      return evaluate({ ...ticket, events: [ticket.events[0], event] });
    } catch (error) {
      if (!(error instanceof SupportRulesError)) throw error;
      const inside = (issue: Issue) => issue.path[0] === 'events' && issue.path[1] === 1;
      throw new InvalidArgumentError(error.issues.map((issue) => (inside(issue) ? { ...issue, path: issue.path.slice(2) } : issue)));
    }
  };

  it.each(Object.keys(eventKinds))('law: a broken field of a %s event is refused at its path in the event', (kind) => {
    const { valid, fields } = eventKinds[kind] as (typeof eventKinds)[string];
    checkMalformedRequests({ valid, fields, decide: decideEvent, numRuns: 100 });
  });
});

describe('conditions in the shared language', () => {
  it('matches any-of lists, not, present, vip and tags', () => {
    expect(selectSlaRule(policy, { channel: 'portal', tier: 'gold', events: [] }).rule).toBe('email');
    // tier { present: true }: an email ticket without a tier falls through.
    expect(selectSlaRule(policy, { channel: 'email', events: [] }).rule).toBe('standard');
    expect(selectSlaRule(policy, { channel: 'phone', tags: ['press', 'priority-escalation'], events: [] }).rule).toBe('escalated');
    const low = evaluate({ ...ticket, priority: 'low' });
    expect(low.clocks.map((c) => c.metric)).toEqual(['acknowledgement']);
  });

  // Behaviour change in 0.2.0: `expected` is the shared description (a string), not a list.
  it('explains a rule that does not match in the shared shape: field, expected, actual (and every field)', () => {
    const decision = selectSlaRule(policy, { channel: 'chat', tier: 'gold', events: [] });
    expect(decision.reasons.map((r) => [r.code, r.rule, r.facts])).toEqual([
      ['SLA_RULE_NOT_MATCHED', 'escalated', { fields: ['tags'], field: 'tags', expected: 'priority-escalation', actual: null }],
      ['SLA_RULE_NOT_MATCHED', 'vip-chat', { fields: ['vip'], field: 'vip', expected: 'true', actual: false }],
      ['SLA_RULE_NOT_MATCHED', 'email', { fields: ['channel'], field: 'channel', expected: 'email or portal', actual: 'chat' }],
      ['SLA_RULE_MATCHED', 'standard', { fields: [] }],
    ]);
    expect(decision.reasons[2]?.message).toBe('Rule email does not apply: channel is chat, expected email or portal.');
  });

  it('explains a target that does not match in the same shape, with its metric', () => {
    const report = evaluate({ ...ticket, priority: 'low' });
    expect(report.reasons.filter((r) => r.code === 'SLA_TARGET_NOT_MATCHED').map((r) => [r.rule, r.facts])).toEqual([
      ['email-ack-gold', { metric: 'acknowledgement', fields: ['tier'], field: 'tier', expected: 'gold', actual: 'silver' }],
      ['email-res', { metric: 'resolution', fields: ['priority'], field: 'priority', expected: 'not low', actual: 'low' }],
      ['rma', { metric: 'rmaIssued', fields: ['category'], field: 'category', expected: 'rma', actual: null }],
    ]);
  });
});

describe('an SLA policy definition accepts decides every valid ticket', () => {
  const broken = (change: (copy: SlaPolicySpec) => void) => {
    const copy = structuredClone(spec);
    change(copy);
    return errorOf(() => defineSlaPolicy(copy));
  };
  const target0 = (p: SlaPolicySpec) => p.rules[2]?.targets[0] as { calendar: string; atRiskPercent?: number };

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses the calendar %j (own calendars only)', (name) => {
    expect(broken((p) => (target0(p).calendar = name))).toEqual(['UNKNOWN_CALENDAR', 'rules.2.targets.0.calendar']);
  });

  it('names the closest calendar for a typo', () => {
    const copy = structuredClone(spec);
    target0(copy).calendar = 'dsk';
    try {
      defineSlaPolicy(copy);
    } catch (error) {
      expect((error as SlaPolicyError).message).toBe('at rules[2].targets[0].calendar: No calendar named "dsk" in the policy\'s "calendars"; did you mean "desk"? The calendars are desk and always.');
    }
    expect.assertions(1);
  });

  it('states the atRiskPercent bounds as "between 0 and 100"', () => {
    for (const value of [150, -1]) {
      const copy = structuredClone(spec);
      target0(copy).atRiskPercent = value;
      const error = (() => {
        try {
          defineSlaPolicy(copy);
        } catch (e) {
          return e as SlaPolicyError;
        }
      })();
      expect([error?.code, error?.path.join('.')]).toEqual(['OUT_OF_BOUNDS', 'rules.2.targets.0.atRiskPercent']);
      expect(error?.message).toContain('between 0 and 100');
    }
  });

  it('refuses a rule or target value outside a declared vocabulary', () => {
    expect(broken((p) => (p.rules[2] as { when: object }).when = { channel: ['email', 'fax'] })).toEqual(['UNKNOWN_IN_POLICY', 'rules.2.when.channel.1']);
    expect(broken((p) => ((p.rules[2]?.targets[2] as { when: object }).when = { priority: { not: 'Low' } }))).toEqual(['UNKNOWN_IN_POLICY', 'rules.2.targets.2.when.priority.not']);
    expect(broken((p) => ((p.rules[0] as { when: object }).when = { tagsAll: ['press', 'vip'] }))).toEqual(['UNKNOWN_IN_POLICY', 'rules.0.when.tagsAll.1']);
    expect(broken((p) => ((p.rules[2]?.targets[3] as { when: object }).when = { category: 'rmas' }))).toEqual(['UNKNOWN_CATEGORY', 'rules.2.targets.3.when.category']);
  });

  it('derives a vocabulary from the rules when none is declared, and refuses other values in tickets', () => {
    const derived = defineSlaPolicy({ ...spec, vocabulary: undefined });
    expect(derived.vocabulary).toEqual({
      priority: ['low'],
      channel: ['chat', 'email', 'portal'],
      tier: ['gold'],
      category: ['rma'],
      queue: [],
      group: [],
      region: [],
      tag: null,
      status: ['new', 'open', 'in-progress', 'reopened', 'pending', 'on-hold', 'solved', 'closed'],
      metric: ['acknowledgement', 'firstResponse', 'resolution', 'rmaIssued'],
    });
    expect(errorOf(() => selectSlaRule(derived, { channel: 'phone', events: [] }))).toEqual(['UNKNOWN_IN_POLICY', 'channel']);
    expect(errorOf(() => selectSlaRule(derived, { queue: 'hardware', events: [] }))).toEqual(['UNKNOWN_IN_POLICY', 'queue']);
  });

  it('finds a rule an earlier one covers (first match, by subsumption), not only after a catch-all', () => {
    expect(
      broken((p) => p.rules.splice(3, 0, { id: 'portal-gold', when: { channel: 'portal', tier: 'gold', priority: 'high' }, targets: [{ id: 'pg', metric: 'resolution', within: { hours: 8 }, calendar: 'desk' }] })),
    ).toEqual(['UNREACHABLE_RULE', 'rules.3']);
    expect(broken((p) => p.rules.push({ id: 'late', when: { channel: 'chat' }, targets: [{ id: 'late-res', metric: 'resolution', within: { hours: 8 }, calendar: 'desk' }] }))).toEqual(['UNREACHABLE_RULE', 'rules.4']);
    // A narrower rule first is fine.
    expect(defineSlaPolicy({ ...spec, rules: [spec.rules[2] as never, { id: 'all-email', when: { channel: 'email' }, targets: [{ id: 'ae', metric: 'resolution', within: { hours: 8 }, calendar: 'desk' }] }] }).id).toBe('desk');
  });

  it('finds a target an earlier one of its metric covers (UNREACHABLE_TARGET)', () => {
    expect(broken((p) => p.rules[2]?.targets.splice(2, 0, { id: 'gold-ack-2', metric: 'acknowledgement', when: { tier: 'gold', priority: 'urgent' }, within: { hours: 2 }, calendar: 'desk' }))).toEqual([
      'UNREACHABLE_TARGET',
      'rules.2.targets.2',
    ]);
    // Another metric is not covered.
    expect(defineSlaPolicy({ ...spec, rules: spec.rules.map((r, i) => (i === 2 ? { ...r, targets: [...r.targets, { id: 'upd', metric: 'periodicUpdate', when: { tier: 'gold' }, within: { hours: 2 }, calendar: 'desk' }] } : r)) }).id).toBe('desk');
  });

  it('keeps each status in one list (the defaults count), and once in it', () => {
    const statuses = (s: SlaPolicySpec['statuses']) => errorOf(() => defineSlaPolicy({ ...spec, statuses: s }));
    expect(statuses({ paused: ['pending', 'solved'], resolved: ['solved'] })).toEqual(['CONFLICTING_STATUS', 'statuses.resolved.0']);
    expect(statuses({ paused: ['pending', 'solved'] })).toEqual(['CONFLICTING_STATUS', 'statuses.paused.1']);
    expect(statuses({ active: ['open', 'on-hold'] })).toEqual(['CONFLICTING_STATUS', 'statuses.active.1']);
    expect(statuses({ paused: ['pending', 'pending'] })).toEqual(['DUPLICATE_VALUE', 'statuses.paused.1']);
    // The default active statuses leave out what the policy pauses or resolves.
    const reopenedIsResolved = defineSlaPolicy({ ...spec, statuses: { resolved: ['solved', 'reopened'] } });
    expect(reopenedIsResolved.vocabulary.status).toEqual(['new', 'open', 'in-progress', 'pending', 'pending-customer', 'on-hold', 'solved', 'reopened']);
    try {
      defineSlaPolicy({ ...spec, statuses: { active: ['open', 'pending'] } });
    } catch (error) {
      expect((error as SlaPolicyError).message).toBe(
        'at statuses.active[1]: "pending" is listed as both a paused and an active status (it is one of the default paused statuses; declare "statuses.paused" without it); a status belongs to one list.',
      );
    }
  });

  it('runs clocks in a declared active status and refuses a status in no list', () => {
    const custom = defineSlaPolicy({ ...spec, statuses: { active: ['triage', 'open'], paused: ['waiting'], resolved: ['done'] } });
    const events = [
      { type: 'created', at: created },
      { type: 'status', at: '2026-11-23T10:00:00-06:00', status: 'waiting' },
      { type: 'status', at: '2026-11-23T12:00:00-06:00', status: 'triage' },
    ];
    const clock = evaluateSla(custom, { channel: 'chat', events } as never, now).clocks[0];
    expect(clock?.pausedMs).toBe(2 * 3_600_000);
    expect(errorOf(() => evaluateSla(custom, { channel: 'chat', events: [...events, { type: 'status', at: now, status: 'pending' }] } as never, now))).toEqual([
      'UNKNOWN_IN_POLICY',
      'events.3.status',
    ]);
  });
});

describe('the functions that take no policy check their arguments the same way', () => {
  const warehouse = createCalendar({ timeZone: 'America/New_York', hours: weekdays });
  const task = { id: 'refundIssued', calendar: warehouse, within: { businessDays: 7 }, start: '2026-11-20T15:00:00Z' };
  const clock = (input: unknown, at: unknown = '2026-11-25T15:00:00Z') => backOfficeClock(input as never, at as never);

  it('backOfficeClock: unknown keys, a calendar that is not one, pauses as [from, to | null] pairs, atRiskPercent 0..100', () => {
    expect(clock(task).deadline.toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(errorOf(() => clock({ ...task, withn: { hours: 1 } }))).toEqual(['UNKNOWN_KEY', 'withn']);
    expect(errorOf(() => clock({ ...task, calendar: warehouse.spec }))).toEqual(['INVALID_CALENDAR', 'calendar']);
    expect(errorOf(() => clock({ ...task, pauses: [['2026-11-23T15:00:00Z', '2026-11-23T14:00:00Z']] }))).toEqual(['INVALID_RANGE', 'pauses.0.1']);
    expect(errorOf(() => clock({ ...task, pauses: [['2026-11-23T15:00:00Z']] }))).toEqual(['INVALID_TYPE', 'pauses.0']);
    expect(errorOf(() => clock({ ...task, pauses: [['2026-11-23T15:00:00', null]] }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'pauses.0.0']);
    expect(errorOf(() => clock({ ...task, pauses: '2026-11-23' }))).toEqual(['INVALID_TYPE', 'pauses']);
    expect(errorOf(() => clock({ ...task, atRiskPercent: 150 }))).toEqual(['INVALID_FACT', 'atRiskPercent']);
    expect(errorOf(() => clock({ ...task, within: { hours: 1, businessDays: 1 } }))).toEqual(['INVALID_WITHIN', 'within']);
    expect(errorOf(() => clock({ ...task, done: '2026-11-19T15:00:00Z' }))).toEqual(['INVALID_RANGE', 'done']);
    expect(errorOf(() => clock(task, 'now'))).toEqual(['INVALID_INSTANT', 'now']);
    expect(errorOf(() => clock('refundIssued'))).toEqual(['INVALID_TYPE', '']);
    // A pause still running, and done given as null, are fine.
    expect(clock({ ...task, done: null, pauses: [['2026-11-23T14:00:00Z', null]] }).paused).toBe(true);
  });

  it('backOfficeClock reports every problem at once', () => {
    const error = errorWith(() => clock({ id: 7, calendar: warehouse, within: { days: 0 }, pauses: [[0, 'x']], atRiskPercent: Number.NaN }, null));
    expect(error.issues.map((i: Issue) => [i.code, i.path.join('.')])).toEqual([
      ['INVALID_TYPE', 'id'],
      ['REQUIRED', 'start'],
      ['OUT_OF_BOUNDS', 'within.days'],
      ['INVALID_INSTANT', 'pauses.0.1'],
      ['INVALID_TYPE', 'atRiskPercent'],
      ['INVALID_INSTANT', 'now'],
    ]);
  });

  it('law: a broken task field is refused at its own path, an unknown key is refused, junk is never decided', () => {
    checkMalformedRequests({
      valid: fc.record({ hours: fc.integer({ min: 1, max: 100 }), atRiskPercent: fc.integer({ min: 0, max: 100 }) }).map(({ hours, atRiskPercent }) => ({ ...task, within: { hours }, atRiskPercent })),
      decide: (input) => clock(input),
      fields: { id: { kind: 'text' }, calendarName: { kind: 'text' }, start: { kind: 'instant' }, atRiskPercent: { kind: 'number', min: 0, max: 100 } },
      numRuns: 100,
    });
  });

  it('serviceLevel: each duration at its index in durationsMs', () => {
    expect(errorOf(() => serviceLevel([1_000, -1, 3_000], 2_000))).toEqual(['INVALID_DURATION', 'durationsMs.1']);
    expect(errorOf(() => serviceLevel('1000' as never, 2_000))).toEqual(['INVALID_TYPE', 'durationsMs']);
    expect(errorOf(() => serviceLevel([1_000], Number.NaN))).toEqual(['INVALID_DURATION', 'thresholdMs']);
  });

  it('breachesByGroup: each clock field at its path, a strict options object, instants in any form', () => {
    const at = (iso: string, status = 'missed') => ({ group: 'billing', status, deadline: iso });
    const options = { now: '2026-11-30T00:00:00Z', windowMs: 30 * 86_400_000 };
    expect(breachesByGroup([at('2026-11-02T12:00:00Z'), at('2026-11-28T12:00:00Z')] as never, options)[0]).toMatchObject({ group: 'billing', breaches: 2 });
    expect(errorOf(() => breachesByGroup([at('2026-11-02T12:00:00Z', 'Breached')] as never, options))).toEqual(['INVALID_VALUE', 'clocks.0.status']);
    expect(errorOf(() => breachesByGroup([{ ...at('2026-11-02T12:00:00Z'), group: 42 }] as never, options))).toEqual(['INVALID_TYPE', 'clocks.0.group']);
    expect(errorOf(() => breachesByGroup([at('2026-11-02')] as never, options))).toEqual(['INSTANT_WITHOUT_OFFSET', 'clocks.0.deadline']);
    expect(errorOf(() => breachesByGroup([], { ...options, morethan: 3 } as never))).toEqual(['UNKNOWN_KEY', 'morethan']);
    expect(errorOf(() => breachesByGroup([], { ...options, moreThan: -1 }))).toEqual(['INVALID_FACT', 'moreThan']);
    expect(errorOf(() => breachesByGroup([], null as never))).toEqual(['INVALID_TYPE', 'options']);
  });

  it('law: breachesByGroup options are refused at their own path', () => {
    checkMalformedRequests({
      valid: fc.record({ now: fc.constant('2026-11-30T00:00:00Z'), windowMs: fc.integer({ min: 1, max: 1e9 }), moreThan: fc.nat(5) }),
      decide: (options) => breachesByGroup([{ group: 'billing', status: 'missed', deadline: new Date('2026-11-20T00:00:00Z') }], options as never),
      fields: { now: { kind: 'instant' }, windowMs: { kind: 'number', min: 0 }, moreThan: { kind: 'number', min: 0, integer: true } },
      numRuns: 100,
    });
  });

  it("medianClockTime: basis is 'business' or 'calendar', clocks are checked", () => {
    const stopped = { startedAt: new Date('2026-11-23T09:00:00Z'), stoppedAt: new Date('2026-11-23T13:00:00Z'), elapsedMs: 4 * 3_600_000 };
    expect(medianClockTime([stopped], 'calendar')).toEqual({ medianMs: 4 * 3_600_000, sample: 1 });
    const error = errorWith(() => medianClockTime([stopped], 'Calendar' as never));
    expect([error.code, error.path, error.issues[0]?.suggestion]).toEqual(['INVALID_VALUE', ['basis'], 'calendar']);
    expect(errorOf(() => medianClockTime([stopped], 42 as never))).toEqual(['INVALID_TYPE', 'basis']);
    expect(errorOf(() => medianClockTime([{ ...stopped, stoppedAt: undefined }] as never))).toEqual(['REQUIRED', 'clocks.0.stoppedAt']);
    expect(errorOf(() => medianClockTime([{ ...stopped, elapsedMs: -1 }]))).toEqual(['INVALID_DURATION', 'clocks.0.elapsedMs']);
  });
});
