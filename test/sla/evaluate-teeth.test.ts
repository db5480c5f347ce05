import { describe, expect, it } from 'vitest';
import { defineSlaPolicy, evaluateSla, selectSlaRule, type SlaReport, type TicketEvent } from '../../src/sla/index.js';
import { thrownError } from '../helpers/errors.js';

// Which rule and which targets measure a ticket, and how a ticket whose attributes change is
// measured across the change: the instant of the change belongs to the new target, cycles are
// numbered in order, a target that cut no clock explains nothing. All on a 24/7 UTC calendar, on
// Monday 2026-11-23, so the numbers are wall-clock hours.

const at = (hhmm: string) => `2026-11-23T${hhmm}:00.000Z`;
const calendars = { always: { timeZone: 'UTC', alwaysOpen: true } };
const vocabulary = { priority: ['low', 'normal', 'urgent'] };
const created = (hhmm: string): TicketEvent => ({ type: 'created', at: at(hhmm) });
const change = (hhmm: string, priority: string): TicketEvent => ({ type: 'changed', at: at(hhmm), set: { priority } }) as TicketEvent;
const codes = (report: SlaReport, code: string) => report.reasons.filter((r) => r.code === code);

describe('which rule applies: the reasons a caller reads', () => {
  const policy = defineSlaPolicy({
    id: 'rules',
    calendars,
    vocabulary,
    rules: [
      { id: 'urgent', when: { priority: 'urgent' }, targets: [{ id: 'u-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'always' }] },
      { id: 'urgent-too', when: { priority: ['urgent', 'normal'] }, targets: [{ id: 'n-ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'always' }] },
    ],
  });

  it('names the winner in the reason of a later rule that also matches', () => {
    const decision = selectSlaRule(policy, { priority: 'urgent', events: [] });
    expect(decision.rule).toBe('urgent');
    expect(decision.reasons.map((r) => [r.code, r.rule, r.facts])).toEqual([
      ['SLA_RULE_MATCHED', 'urgent', { fields: ['priority'] }],
      ['SLA_RULE_SHADOWED', 'urgent-too', { winner: 'urgent' }],
    ]);
  });

  it('says how many rules were considered when none matches, and runs no clock', () => {
    expect(selectSlaRule(policy, { priority: 'low', events: [] }).reasons.at(-1)).toMatchObject({ code: 'NO_SLA_RULE', facts: { considered: 2 } });
    const report = evaluateSla(policy, { id: 'T-9', priority: 'low', events: [created('09:00')] }, at('12:00'));
    expect(report).toMatchObject({ ticket: 'T-9', rule: null, clocks: [], nextBreachAt: null, nextChangeAt: null });
    expect(report.reasons.map((r) => r.code)).toEqual(['SLA_RULE_NOT_MATCHED', 'SLA_RULE_NOT_MATCHED', 'NO_SLA_RULE']);
  });

  it('refuses now before the ticket was created, with both instants as details', () => {
    const error = thrownError(() => evaluateSla(policy, { priority: 'urgent', events: [created('09:00')] }, at('08:59')));
    expect([error.code, error.path, error.details]).toEqual(['NOW_BEFORE_CREATED', ['now'], { now: at('08:59'), created: at('09:00') }]);
  });
});

describe('rules on tags: tagsAny and tagsAll', () => {
  it('tagsAny matches a ticket with any one of the tags, tagsAll only one with every tag', () => {
    // Defined here: conditions are compiled when the policy is defined.
    const policy = defineSlaPolicy({
      id: 'tags',
      calendars,
      vocabulary: { tag: ['press', 'vip', 'legal', 'other'] },
      rules: [
        { id: 'press-and-vip', when: { tagsAll: ['press', 'vip'] }, targets: [{ id: 'a', metric: 'resolution', within: { hours: 2 }, calendar: 'always' }] },
        { id: 'press-or-legal', when: { tagsAny: ['press', 'legal'] }, targets: [{ id: 'b', metric: 'resolution', within: { hours: 4 }, calendar: 'always' }] },
        { id: 'rest', targets: [{ id: 'c', metric: 'resolution', within: { hours: 8 }, calendar: 'always' }] },
      ],
    });
    const ruleFor = (tags?: string[]) => selectSlaRule(policy, { ...(tags ? { tags } : {}), events: [] }).rule;
    expect(ruleFor(['vip', 'press'])).toBe('press-and-vip');
    expect(ruleFor(['press'])).toBe('press-or-legal');
    expect(ruleFor(['legal', 'vip'])).toBe('press-or-legal');
    expect(ruleFor(['vip'])).toBe('rest');
    expect(ruleFor(['other'])).toBe('rest');
    expect(ruleFor([])).toBe('rest');
    expect(ruleFor()).toBe('rest');
  });
});

describe('targets of a rule: the first matching target per metric', () => {
  const policy = defineSlaPolicy({
    id: 'targets',
    calendars,
    rules: [
      {
        id: 'all',
        targets: [
          { id: 'vip-ttr', metric: 'resolution', when: { vip: true }, within: { hours: 2 }, calendar: 'always' },
          { id: 'ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'always' },
        ],
      },
    ],
  });

  it('measures a VIP ticket by the VIP target only, and another ticket by the general one', () => {
    const events = [created('09:00')];
    expect(evaluateSla(policy, { vip: true, events }, at('10:00')).clocks.map((c) => c.target)).toEqual(['vip-ttr']);
    const other = evaluateSla(policy, { vip: false, events }, at('10:00'));
    expect(other.clocks.map((c) => c.target)).toEqual(['ttr']);
    expect(codes(other, 'SLA_TARGET_NOT_MATCHED').map((r) => r.rule)).toEqual(['vip-ttr']);
  });
});

describe('a ticket whose attributes change: which rule is in force when', () => {
  const policy = defineSlaPolicy({
    id: 'history',
    calendars,
    vocabulary,
    rules: [{ id: 'urgent', when: { priority: 'urgent' }, targets: [{ id: 'u-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'always' }] }],
  });

  it('names the rule of each stretch, and no rule where none applied, ending with no rule now', () => {
    const report = evaluateSla(policy, { id: 'T-7', priority: 'low', events: [created('09:00'), change('10:00', 'urgent'), change('11:00', 'normal')] }, at('12:00'));
    expect(report).toMatchObject({ ticket: 'T-7', rule: null, clocks: [] });
    const stretches = codes(report, 'SLA_RULE_IN_FORCE');
    expect(stretches.map((r) => [r.rule, r.facts?.rule])).toEqual([
      [undefined, null],
      ['urgent', 'urgent'],
      [undefined, null],
    ]);
    expect(stretches.map((r) => 'rule' in r)).toEqual([false, true, false]);
    // The resolution clock measured while urgent was within its 2 of 4 hours: no longer measured.
    expect(codes(report, 'SLA_TARGET_WITHDRAWN').map((r) => [r.rule, r.facts?.metric])).toEqual([['u-ttr', 'resolution']]);
  });

  it('reports rule null (not undefined) and the ticket id when no stretch had a rule', () => {
    const report = evaluateSla(policy, { id: 'T-8', priority: 'low', events: [created('09:00'), change('10:00', 'normal')] }, at('12:00'));
    expect(report.rule).toBeNull();
    expect(report.ticket).toBe('T-8');
    expect(report.clocks).toEqual([]);
  });
});

describe('a clock across a change of target', () => {
  const policy = defineSlaPolicy({
    id: 'across',
    calendars,
    vocabulary,
    rules: [
      {
        id: 'std',
        when: { priority: ['low', 'normal'] },
        targets: [
          { id: 'frt', metric: 'firstResponse', within: { hours: 1 }, calendar: 'always' },
          { id: 'ttr', metric: 'resolution', when: { priority: 'normal' }, within: { hours: 8 }, calendar: 'always' },
          { id: 'pu', metric: 'periodicUpdate', when: { priority: 'normal' }, within: { hours: 4 }, calendar: 'always' },
        ],
      },
      {
        id: 'strict',
        when: { priority: 'urgent' },
        targets: [
          { id: 'frt-s', metric: 'firstResponse', within: { hours: 1 }, calendar: 'always' },
          { id: 'ttr-s', metric: 'resolution', within: { hours: 4 }, calendar: 'always', pausable: false },
          { id: 'pu-s', metric: 'periodicUpdate', within: { hours: 2 }, calendar: 'always' },
        ],
      },
    ],
  });
  const clock = (report: SlaReport, metric: string, cycle: number) => report.clocks.find((c) => c.metric === metric && c.cycle === cycle);

  it('a cycle that starts at the instant of the change is cut and measured by the new target alone', () => {
    const events: TicketEvent[] = [
      created('09:00'),
      { type: 'agentReply', at: at('09:10') },
      { type: 'status', at: at('10:00'), status: 'solved' },
      { type: 'status', at: at('12:00'), status: 'reopened' },
      change('12:00', 'urgent'),
      { type: 'status', at: at('13:00'), status: 'pending' },
    ];
    const report = evaluateSla(policy, { priority: 'normal', events }, at('15:00'));
    expect(clock(report, 'resolution', 1)).toMatchObject({ target: 'ttr', status: 'met', stoppedBy: 'resolved' });
    // ttr-s is not pausable: the pending spell from 13:00 counts, 3 of 4 hours is at risk.
    expect(clock(report, 'resolution', 2)).toMatchObject({ target: 'ttr-s', startedAt: new Date(at('12:00')), elapsedMs: 3 * 3_600_000, pausedMs: 0, paused: false, status: 'at-risk' });
    expect(clock(report, 'resolution', 2)?.reasons.map((r) => r.code)).toEqual(['SLA_AT_RISK']);
  });

  it('a change at exactly now applies now: the stricter target makes the clock breached as of the change', () => {
    const report = evaluateSla(policy, { priority: 'normal', events: [created('09:00'), { type: 'agentReply', at: at('09:10') }, change('14:00', 'urgent')] }, at('14:00'));
    expect(clock(report, 'resolution', 1)).toMatchObject({ target: 'ttr-s', status: 'breached', breachedAt: new Date(at('14:00')) });
  });

  it('a clock started while no target applied is over from the instant a target comes into force, not before', () => {
    // Over 4 hours from 13:00 on, but ttr-s is in force only from 14:00.
    const report = evaluateSla(policy, { priority: 'low', events: [created('09:00'), { type: 'agentReply', at: at('09:10') }, change('14:00', 'urgent')] }, at('14:30'));
    expect(clock(report, 'resolution', 1)).toMatchObject({ target: 'ttr-s', startedAt: new Date(at('09:00')), status: 'breached', breachedAt: new Date(at('14:00')) });
  });

  it('a periodic-update interval that starts at the update ending the interval across the change is measured', () => {
    const report = evaluateSla(policy, { priority: 'normal', events: [created('09:00'), change('10:00', 'urgent'), { type: 'update', at: at('11:00') }] }, at('12:00'));
    expect(report.clocks.filter((c) => c.metric === 'periodicUpdate').map((c) => [c.cycle, c.target, c.startedAt.toISOString(), c.stoppedAt?.toISOString() ?? null, c.status])).toEqual([
      [1, 'pu-s', at('09:00'), at('11:00'), 'met'],
      [2, 'pu-s', at('11:00'), null, 'ok'],
    ]);
  });
});

describe('a resumed clock across a change of rule', () => {
  it('is not cut again by the new target: one clock, resumed at the reopening, measured under both', () => {
    const policy = defineSlaPolicy({
      id: 'resume',
      calendars,
      vocabulary,
      rules: [
        { id: 'std', when: { priority: 'normal' }, targets: [{ id: 'ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'always', reopen: 'resume' }] },
        { id: 'strict', when: { priority: 'urgent' }, targets: [{ id: 'ttr-s', metric: 'resolution', within: { hours: 4 }, calendar: 'always' }] },
      ],
    });
    const events: TicketEvent[] = [created('09:00'), { type: 'status', at: at('10:00'), status: 'solved' }, change('10:30', 'urgent'), { type: 'status', at: at('11:00'), status: 'reopened' }];
    const report = evaluateSla(policy, { priority: 'normal', events }, at('12:00'));
    // 09:00-10:00 and 11:00-12:00: 2 of 4 hours, the solved hour paused.
    expect(report.clocks.map((c) => [c.cycle, c.target, c.startedAt.toISOString(), c.elapsedMs, c.pausedMs, c.status])).toEqual([[1, 'ttr-s', at('09:00'), 2 * 3_600_000, 3_600_000, 'ok']]);
  });
});

describe('next-response clocks across a change of rule', () => {
  const policy = defineSlaPolicy({
    id: 'next',
    calendars,
    vocabulary,
    rules: [
      {
        id: 'std',
        when: { priority: 'normal' },
        targets: [
          { id: 'frt', metric: 'firstResponse', within: { hours: 1 }, calendar: 'always' },
          { id: 'nr-std', metric: 'nextResponse', within: { hours: 2 }, calendar: 'always' },
        ],
      },
      { id: 'chat', when: { priority: 'urgent' }, targets: [{ id: 'nr-chat', metric: 'nextResponse', within: { hours: 1 }, calendar: 'always' }] },
    ],
  });
  const opening: TicketEvent[] = [
    created('09:00'),
    { type: 'agentReply', at: at('09:30') },
    { type: 'customerReply', at: at('10:00') },
    { type: 'agentReply', at: at('10:30') },
    change('11:00', 'urgent'),
  ];

  it('numbers the cycles in order of their start across the change (1, 2), whatever each target would count', () => {
    const events: TicketEvent[] = [...opening, { type: 'customerReply', at: at('11:30') }, { type: 'agentReply', at: at('11:45') }];
    const report = evaluateSla(policy, { priority: 'normal', events }, at('12:00'));
    expect(report.clocks.map((c) => [c.metric, c.target, c.cycle, c.startedAt.toISOString(), c.status])).toEqual([
      ['nextResponse', 'nr-std', 1, at('10:00'), 'met'],
      ['nextResponse', 'nr-chat', 2, at('11:30'), 'met'],
      ['firstResponse', 'frt', 1, at('09:00'), 'met'],
    ]);
    expect(report.reasons.every((r) => typeof r === 'object' && typeof r.code === 'string')).toBe(true);
  });

  it('gives no reason of a target that measured no clock (the chat rule never ran a next response)', () => {
    const report = evaluateSla(policy, { priority: 'normal', events: opening }, at('12:00'));
    expect(report.clocks.map((c) => [c.target, c.cycle])).toEqual([
      ['nr-std', 1],
      ['frt', 1],
    ]);
    expect(codes(report, 'SLA_NEXT_RESPONSE_FROM_CREATION')).toEqual([]);
  });
});
