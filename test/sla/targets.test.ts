import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/errors/index.js';
import {
  DEFAULT_PAUSED_STATUSES,
  DEFAULT_RESOLVED_STATUSES,
  SlaPolicyError,
  defineSlaPolicy,
  evaluateSla,
  type SlaClock,
  type SlaPolicySpec,
  type SlaReport,
  type SlaTarget,
  type TicketEvent,
} from '../../src/sla/index.js';
import { STATUSES, msOf, scenarioArb, type Scenario } from './arbitraries.js';

// Per-target options of issue 12: the statuses that pause a metric (`pauseOn`), what reopening a
// ticket does to a clock (`reopen`), and a next-response clock from the opening message in a rule
// without a first-response target. Worked tickets on Mon-Fri 09:00-17:00 Chicago (CST, UTC-6, in
// November 2026), then the laws that tie the new options to today's clocks.

const NUM_RUNS = Number(process.env.SLA_FC_RUNS ?? 200);
const params = { numRuns: NUM_RUNS };
const HOUR = 3_600_000;
const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-17:00']]));
const calendars = { desk: { timeZone: 'America/Chicago', hours: weekdays } };
/** A Chicago wall time in November 2026 (CST) as an ISO instant with its offset. */
const cst = (local: string) => `2026-11-${local}:00-06:00`;
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The fields a worked example checks, instants in UTC. */
const summary = (c: SlaClock) => ({
  target: c.target,
  cycle: c.cycle,
  startedAt: iso(c.startedAt),
  stoppedAt: iso(c.stoppedAt),
  pausedMs: c.pausedMs,
  elapsedMs: c.elapsedMs,
  deadline: iso(c.deadline),
  status: c.status,
});
const clocksOf = (report: SlaReport, target?: string) => report.clocks.filter((c) => target === undefined || c.target === target).map(summary);
const policyErrors = (spec: SlaPolicySpec): [string, string][] => {
  try {
    defineSlaPolicy(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(SlaPolicyError);
    return (error as SlaPolicyError).issues.map((issue: Issue) => [issue.code, issue.path.join('.')]);
  }
  throw new Error('expected the policy to be refused');
};

describe('pauseOn: the statuses that pause one metric', () => {
  // Zendesk's pair: agent work pauses while the customer or a third party has the ball (pending,
  // on-hold, and here also awaiting-vendor, an active status of the policy); requester wait pauses
  // only while the requester has it (pending).
  const spec: SlaPolicySpec = {
    id: 'desk',
    calendars,
    statuses: { active: ['new', 'open', 'awaiting-vendor', 'reopened'], paused: ['pending', 'on-hold'], resolved: ['solved', 'closed'] },
    rules: [
      {
        id: 'all',
        targets: [
          { id: 'agent-work', metric: 'resolution', within: { hours: 8 }, calendar: 'desk', pauseOn: ['pending', 'on-hold', 'awaiting-vendor'] },
          { id: 'requester-wait', metric: 'requesterWait', within: { hours: 8 }, calendar: 'desk', pauseOn: ['pending'] },
          { id: 'policy-pauses', metric: 'policyPauses', within: { hours: 8 }, calendar: 'desk' },
          { id: 'first-reply', metric: 'firstResponse', within: { hours: 2 }, calendar: 'desk', pauseOn: ['pending'] },
        ],
      },
    ],
  };
  const policy = defineSlaPolicy(spec);
  const events: TicketEvent[] = [
    { type: 'created', at: cst('16T09:00') }, // Monday
    { type: 'agentReply', at: cst('16T10:00'), public: false },
    { type: 'status', at: cst('16T10:00'), status: 'pending' },
    { type: 'customerReply', at: cst('16T12:00') },
    { type: 'status', at: cst('16T12:00'), status: 'open' },
    { type: 'status', at: cst('16T13:00'), status: 'on-hold' },
    { type: 'status', at: cst('16T15:00'), status: 'awaiting-vendor' },
    { type: 'status', at: cst('16T16:00'), status: 'open' },
    { type: 'agentReply', at: cst('16T16:30') },
    { type: 'status', at: cst('17T11:00'), status: 'solved' }, // Tuesday
  ];

  it('agent work pauses 10:00-12:00 and 13:00-16:00 (on-hold, then awaiting-vendor: one pause); requester wait only 10:00-12:00', () => {
    const report = evaluateSla(policy, { events }, cst('18T12:00'));
    expect(clocksOf(report)).toEqual([
      // 1 h + 1 h + 1 h on Monday and 2 h on Tuesday; 3 h left at the stop: due Tue 14:00.
      {
        target: 'agent-work',
        cycle: 1,
        startedAt: '2026-11-16T15:00:00.000Z',
        stoppedAt: '2026-11-17T17:00:00.000Z',
        pausedMs: 5 * HOUR,
        elapsedMs: 5 * HOUR,
        deadline: '2026-11-17T20:00:00.000Z',
        status: 'met',
      },
      // 1 h, then 12:00-17:00 (on-hold and awaiting-vendor run) and Tue 09:00-11:00: the 8 h run out
      // exactly at the resolution, which is on time.
      {
        target: 'requester-wait',
        cycle: 1,
        startedAt: '2026-11-16T15:00:00.000Z',
        stoppedAt: '2026-11-17T17:00:00.000Z',
        pausedMs: 2 * HOUR,
        elapsedMs: 8 * HOUR,
        deadline: '2026-11-17T17:00:00.000Z',
        status: 'met',
      },
      // The policy's paused statuses: pending and on-hold, not awaiting-vendor.
      {
        target: 'policy-pauses',
        cycle: 1,
        startedAt: '2026-11-16T15:00:00.000Z',
        stoppedAt: '2026-11-17T17:00:00.000Z',
        pausedMs: 4 * HOUR,
        elapsedMs: 6 * HOUR,
        deadline: '2026-11-17T19:00:00.000Z',
        status: 'met',
      },
      // A response target is not pausable by default; `pauseOn` makes it so. The internal note
      // answers nothing: 1 h, pending 10:00-12:00, then 12:00-16:30 is 4.5 h: 5.5 h of 2 h.
      {
        target: 'first-reply',
        cycle: 1,
        startedAt: '2026-11-16T15:00:00.000Z',
        stoppedAt: '2026-11-16T22:30:00.000Z',
        pausedMs: 2 * HOUR,
        elapsedMs: 5.5 * HOUR,
        deadline: '2026-11-16T19:00:00.000Z',
        status: 'missed',
      },
    ]);
  });

  it('while awaiting the vendor (Mon 15:30) agent work is paused and requester wait runs', () => {
    const report = evaluateSla(policy, { events }, cst('16T15:30'));
    expect(report.clocks.filter((c) => c.metric !== 'firstResponse').map((c) => [c.target, c.paused, c.elapsedMs / HOUR, c.status, iso(c.deadline)])).toEqual([
      // Paused: the deadline is as if it resumed now (2 h used, 6 h from 15:30: Tue 13:30).
      ['agent-work', true, 2, 'ok', '2026-11-17T19:30:00.000Z'],
      // 3.5 h left: 1.5 h on Monday, 2 h on Tuesday.
      ['requester-wait', false, 4.5, 'ok', '2026-11-17T17:00:00.000Z'],
      ['policy-pauses', false, 2.5, 'ok', '2026-11-17T19:00:00.000Z'],
    ]);
  });

  it('a pauseOn listing exactly the policy paused statuses, in another order, gives the clocks of no pauseOn', () => {
    const same = defineSlaPolicy({
      ...spec,
      rules: [{ id: 'all', targets: [{ id: 'policy-pauses', metric: 'policyPauses', within: { hours: 8 }, calendar: 'desk', pauseOn: ['on-hold', 'pending'] }] }],
    });
    const without = defineSlaPolicy({ ...spec, rules: [{ id: 'all', targets: [{ id: 'policy-pauses', metric: 'policyPauses', within: { hours: 8 }, calendar: 'desk' }] }] });
    expect(evaluateSla(same, { events }, cst('18T12:00')).clocks).toEqual(evaluateSla(without, { events }, cst('18T12:00')).clocks);
  });

  describe('definition errors, each with its code and path', () => {
    const one = (target: Partial<SlaTarget>, statuses?: SlaPolicySpec['statuses']): SlaPolicySpec => ({
      id: 'p',
      calendars,
      ...(statuses ? { statuses } : {}),
      rules: [{ id: 'all', targets: [{ id: 't', metric: 'resolution', within: { hours: 8 }, calendar: 'desk', ...target }] }],
    });
    const at = 'rules.0.targets.0.pauseOn';

    it('a resolved status cannot pause: CONFLICTING_STATUS at the status', () => {
      expect(policyErrors(one({ pauseOn: ['pending', 'solved'] }))).toEqual([['CONFLICTING_STATUS', `${at}.1`]]);
      try {
        defineSlaPolicy(one({ pauseOn: ['solved'] }));
      } catch (error) {
        expect((error as SlaPolicyError).issues[0]?.message).toBe(
          '"solved" is a resolved status: it stops every clock, so it cannot pause one. "pauseOn" names paused or active statuses (the policy\'s paused ones are pending, pending-customer and on-hold).',
        );
      }
    });

    it('a status the policy does not know: UNKNOWN_IN_POLICY with a did-you-mean', () => {
      expect(policyErrors(one({ pauseOn: ['Pending', 'waiting'] }))).toEqual([
        ['UNKNOWN_IN_POLICY', `${at}.0`],
        ['UNKNOWN_IN_POLICY', `${at}.1`],
      ]);
      try {
        defineSlaPolicy(one({ pauseOn: ['Pending'] }));
      } catch (error) {
        expect((error as SlaPolicyError).issues[0]?.message).toMatch(/^"Pending" is not a status of this policy; did you mean "pending"\? The statuses are new, open, in-progress, reopened, pending/);
      }
    });

    it('a status the policy declares as active is accepted (it pauses this metric only)', () => {
      expect(() => defineSlaPolicy(one({ pauseOn: ['in-progress'] }))).not.toThrow();
    });

    it('pauseOn with pausable: false is a contradiction: PAUSE_ON_UNPAUSABLE', () => {
      expect(policyErrors(one({ pauseOn: ['pending'], pausable: false }))).toEqual([['PAUSE_ON_UNPAUSABLE', at]]);
    });

    it('an empty or repeating list: EMPTY, DUPLICATE_VALUE', () => {
      expect(policyErrors(one({ pauseOn: [] }))).toEqual([['EMPTY', at]]);
      expect(policyErrors(one({ pauseOn: ['pending', 'on-hold', 'pending'] }))).toEqual([['DUPLICATE_VALUE', `${at}.2`]]);
    });

    it('every problem at once, with the policy statuses declared', () => {
      const statuses = { paused: ['waiting'], resolved: ['done'] };
      expect(policyErrors(one({ pauseOn: ['done', 'pending'], pausable: false }, statuses))).toEqual([
        ['PAUSE_ON_UNPAUSABLE', at],
        ['CONFLICTING_STATUS', `${at}.0`],
        ['UNKNOWN_IN_POLICY', `${at}.1`],
      ]);
    });
  });
});

describe('reopen: one ticket solved, reopened and solved again under each mode', () => {
  // The ticket of docs/sla.md: resolution within 6 business hours.
  const events: TicketEvent[] = [
    { type: 'created', at: cst('16T09:00') }, // Monday
    { type: 'status', at: cst('16T11:00'), status: 'pending' },
    { type: 'status', at: cst('16T14:00'), status: 'open' },
    { type: 'status', at: cst('16T16:00'), status: 'solved' },
    { type: 'status', at: cst('17T10:00'), status: 'reopened' }, // Tuesday
    { type: 'status', at: cst('17T13:00'), status: 'solved' },
  ];
  const policyFor = (reopen?: 'new-cycle' | 'resume' | 'once') =>
    defineSlaPolicy({
      id: 'desk',
      calendars,
      rules: [{ id: 'all', targets: [{ id: 'res', metric: 'resolution', within: { hours: 6 }, calendar: 'desk', ...(reopen ? { reopen } : {}) }] }],
    });
  const evaluate = (reopen: 'new-cycle' | 'resume' | 'once' | undefined, now: string) => evaluateSla(policyFor(reopen), { id: 'T-7', events }, cst(now));
  const firstCycle = {
    target: 'res',
    cycle: 1,
    startedAt: '2026-11-16T15:00:00.000Z',
    stoppedAt: '2026-11-16T22:00:00.000Z',
    pausedMs: 3 * HOUR,
    elapsedMs: 4 * HOUR,
    // 2 h left at the stop: Mon 16:00-17:00 and Tue 09:00-10:00.
    deadline: '2026-11-17T16:00:00.000Z',
    status: 'met',
  };

  it("new-cycle (the default): the reopening starts cycle 2, measured on its own (Jira's model)", () => {
    const report = evaluate('new-cycle', '18T12:00');
    expect(clocksOf(report)).toEqual([
      firstCycle,
      {
        target: 'res',
        cycle: 2,
        startedAt: '2026-11-17T16:00:00.000Z',
        stoppedAt: '2026-11-17T19:00:00.000Z',
        pausedMs: 0,
        elapsedMs: 3 * HOUR,
        deadline: '2026-11-17T22:00:00.000Z',
        status: 'met',
      },
    ]);
    expect(evaluate(undefined, '18T12:00')).toEqual(report);
  });

  it("resume: one clock from creation to the last resolution, the solved spell paused (Zendesk's requester wait): 7 h of 6, missed", () => {
    const report = evaluate('resume', '18T12:00');
    expect(clocksOf(report)).toEqual([
      {
        target: 'res',
        cycle: 1,
        startedAt: '2026-11-16T15:00:00.000Z',
        stoppedAt: '2026-11-17T19:00:00.000Z',
        // Pending 3 h, solved Mon 16:00-17:00 and Tue 09:00-10:00.
        pausedMs: 5 * HOUR,
        elapsedMs: 7 * HOUR,
        deadline: '2026-11-17T18:00:00.000Z',
        status: 'missed',
      },
    ]);
    expect(report.reasons.at(-1)).toEqual({
      code: 'SLA_CLOCK_RESUMED',
      rule: 'res',
      facts: { metric: 'resolution', reopen: 'resume', reopenings: 1 },
      message: "Target res (resolution) resumed its clock at a reopening (reopen: 'resume'): the time the ticket spent resolved counts as paused.",
    });
  });

  it('resume: stopped while solved (Mon 20:00), running again after the reopening (Tue 11:00), at risk from 4.5 h', () => {
    expect(clocksOf(evaluate('resume', '16T20:00'))).toEqual([{ ...firstCycle }]);
    expect(evaluate('resume', '16T20:00').reasons.map((r) => r.code)).not.toContain('SLA_CLOCK_RESUMED');
    const running = evaluate('resume', '17T11:00').clocks[0] as SlaClock;
    expect([iso(running.stoppedAt), running.elapsedMs / HOUR, running.pausedMs / HOUR, running.paused, iso(running.atRiskAt), iso(running.deadline), running.status]).toEqual([
      null,
      5,
      5,
      false,
      '2026-11-17T16:30:00.000Z',
      '2026-11-17T18:00:00.000Z',
      'at-risk',
    ]);
  });

  it('once: the first resolution counts; cycle 2 is not measured, and the report says so once', () => {
    const report = evaluate('once', '18T12:00');
    expect(clocksOf(report)).toEqual([firstCycle]);
    const notMeasured = report.reasons.filter((r) => r.code === 'SLA_CYCLES_NOT_MEASURED');
    expect(notMeasured).toEqual([
      {
        code: 'SLA_CYCLES_NOT_MEASURED',
        rule: 'res',
        facts: { metric: 'resolution', reopen: 'once', firstResolvedAt: '2026-11-16T22:00:00.000Z', cyclesNotMeasured: 1 },
        message: "Target res (resolution) measures only until the ticket's first resolution (reopen: 'once'): 1 later cycle is not measured.",
      },
    ]);
    // Before the reopening nothing was left out, so nothing is said.
    expect(evaluate('once', '16T20:00').reasons.map((r) => r.code)).not.toContain('SLA_CYCLES_NOT_MEASURED');
  });

  it('resume and once on the other metrics that restart: periodic updates, next responses and custom metrics', () => {
    const spec = (reopen: 'new-cycle' | 'resume' | 'once'): SlaPolicySpec => ({
      id: 'desk',
      calendars,
      rules: [
        {
          id: 'all',
          targets: [
            { id: 'first', metric: 'firstResponse', within: { hours: 1 }, calendar: 'desk' },
            { id: 'next', metric: 'nextResponse', within: { hours: 2 }, calendar: 'desk', reopen },
            { id: 'upd', metric: 'periodicUpdate', within: { hours: 4 }, calendar: 'desk', reopen },
            { id: 'rma', metric: 'rmaIssued', within: { hours: 8 }, calendar: 'desk', reopen },
          ],
        },
      ],
    });
    const ticket = {
      events: [
        { type: 'created', at: cst('16T09:00') },
        { type: 'agentReply', at: cst('16T09:30') },
        { type: 'customerReply', at: cst('16T15:00') }, // unanswered when the ticket is solved
        { type: 'status', at: cst('16T16:00'), status: 'solved' },
        { type: 'status', at: cst('17T10:00'), status: 'open' },
        { type: 'agentReply', at: cst('17T11:00') },
        { type: 'metricFulfilled', at: cst('17T12:00'), metric: 'rmaIssued' },
      ] as TicketEvent[],
    };
    const clocks = (reopen: 'new-cycle' | 'resume' | 'once') =>
      evaluateSla(defineSlaPolicy(spec(reopen)), ticket, cst('17T14:00')).clocks.map((c) => [c.target, c.cycle, iso(c.startedAt), iso(c.stoppedAt), c.elapsedMs / HOUR, c.status]);
    expect(clocks('new-cycle')).toEqual([
      ['first', 1, '2026-11-16T15:00:00.000Z', '2026-11-16T15:30:00.000Z', 0.5, 'met'],
      // Stopped by the resolution; the reply after the reopening answers no running clock.
      ['next', 1, '2026-11-16T21:00:00.000Z', '2026-11-16T22:00:00.000Z', 1, 'met'],
      ['upd', 1, '2026-11-16T15:00:00.000Z', '2026-11-16T15:30:00.000Z', 0.5, 'met'],
      ['upd', 2, '2026-11-16T15:30:00.000Z', '2026-11-16T22:00:00.000Z', 6.5, 'missed'],
      ['upd', 3, '2026-11-17T16:00:00.000Z', '2026-11-17T17:00:00.000Z', 1, 'met'],
      ['upd', 4, '2026-11-17T17:00:00.000Z', null, 3, 'at-risk'],
      // A custom clock stopped by the resolution stays stopped (its next start is a metricStarted).
      ['rma', 1, '2026-11-16T15:00:00.000Z', '2026-11-16T22:00:00.000Z', 7, 'met'],
    ]);
    expect(clocks('resume')).toEqual([
      ['first', 1, '2026-11-16T15:00:00.000Z', '2026-11-16T15:30:00.000Z', 0.5, 'met'],
      // The customer waited Mon 15:00-16:00 and Tue 10:00-11:00.
      ['next', 1, '2026-11-16T21:00:00.000Z', '2026-11-17T17:00:00.000Z', 2, 'met'],
      ['upd', 1, '2026-11-16T15:00:00.000Z', '2026-11-16T15:30:00.000Z', 0.5, 'met'],
      ['upd', 2, '2026-11-16T15:30:00.000Z', '2026-11-17T17:00:00.000Z', 7.5, 'missed'],
      ['upd', 3, '2026-11-17T17:00:00.000Z', null, 3, 'at-risk'],
      ['rma', 1, '2026-11-16T15:00:00.000Z', '2026-11-17T18:00:00.000Z', 9, 'missed'],
    ]);
    expect(clocks('once')).toEqual([
      ['first', 1, '2026-11-16T15:00:00.000Z', '2026-11-16T15:30:00.000Z', 0.5, 'met'],
      ['next', 1, '2026-11-16T21:00:00.000Z', '2026-11-16T22:00:00.000Z', 1, 'met'],
      ['upd', 1, '2026-11-16T15:00:00.000Z', '2026-11-16T15:30:00.000Z', 0.5, 'met'],
      ['upd', 2, '2026-11-16T15:30:00.000Z', '2026-11-16T22:00:00.000Z', 6.5, 'missed'],
      ['rma', 1, '2026-11-16T15:00:00.000Z', '2026-11-16T22:00:00.000Z', 7, 'met'],
    ]);
    const onceReasons = evaluateSla(defineSlaPolicy(spec('once')), ticket, cst('17T14:00')).reasons.filter((r) => r.code === 'SLA_CYCLES_NOT_MEASURED');
    expect(onceReasons.map((r) => [r.rule, r.facts.cyclesNotMeasured])).toEqual([['upd', 2]]);
  });

  describe('definition errors', () => {
    const with_ = (metric: string, reopen: unknown): SlaPolicySpec =>
      ({ id: 'p', calendars, rules: [{ id: 'all', targets: [{ id: 't', metric, within: { hours: 1 }, calendar: 'desk', reopen }] }] }) as SlaPolicySpec;

    it('reopen on firstResponse or acknowledgement, which never restart: REOPEN_NOT_APPLICABLE', () => {
      expect(policyErrors(with_('firstResponse', 'resume'))).toEqual([['REOPEN_NOT_APPLICABLE', 'rules.0.targets.0.reopen']]);
      expect(policyErrors(with_('acknowledgement', 'new-cycle'))).toEqual([['REOPEN_NOT_APPLICABLE', 'rules.0.targets.0.reopen']]);
    });

    it('an unknown mode: INVALID_VALUE with a did-you-mean', () => {
      try {
        defineSlaPolicy(with_('resolution', 'Resume'));
        expect.unreachable();
      } catch (error) {
        const issue = (error as SlaPolicyError).issues[0] as Issue;
        expect([issue.code, issue.path.join('.'), issue.suggestion, issue.allowed]).toEqual(['INVALID_VALUE', 'rules.0.targets.0.reopen', 'resume', ['new-cycle', 'resume', 'once']]);
      }
    });

    it('every restarting metric takes every mode', () => {
      for (const metric of ['resolution', 'periodicUpdate', 'nextResponse', 'rmaIssued']) {
        for (const reopen of ['new-cycle', 'resume', 'once']) expect(() => defineSlaPolicy(with_(metric, reopen)), `${metric} ${reopen}`).not.toThrow();
      }
    });
  });
});

describe('nextResponse in a rule without a firstResponse target starts at creation (Zammad)', () => {
  const spec: SlaPolicySpec = {
    id: 'desk',
    calendars,
    vocabulary: { channel: ['email', 'chat'] },
    rules: [
      {
        id: 'email',
        when: { channel: 'email' },
        targets: [
          { id: 'ack', metric: 'acknowledgement', within: { hours: 1 }, calendar: 'desk' },
          { id: 'next', metric: 'nextResponse', within: { hours: 4 }, calendar: 'desk' },
        ],
      },
      {
        id: 'chat',
        targets: [
          { id: 'vip-first', metric: 'firstResponse', when: { vip: true }, within: { minutes: 30 }, calendar: 'desk' },
          { id: 'chat-next', metric: 'nextResponse', within: { hours: 4 }, calendar: 'desk' },
        ],
      },
    ],
  };
  const policy = defineSlaPolicy(spec);
  const events: TicketEvent[] = [
    { type: 'created', at: cst('16T09:00') },
    { type: 'agentReply', at: cst('16T09:30'), public: false }, // an internal note answers nothing
    { type: 'agentReply', at: cst('16T10:30') },
    { type: 'customerReply', at: cst('16T11:00') },
    { type: 'agentReply', at: cst('16T16:00') },
  ];
  const nextClocks = (report: SlaReport) => clocksOf(report).filter((c) => c.target.endsWith('next'));
  const second = {
    cycle: 2,
    startedAt: '2026-11-16T17:00:00.000Z',
    stoppedAt: '2026-11-16T22:00:00.000Z',
    pausedMs: 0,
    elapsedMs: 5 * HOUR,
    deadline: '2026-11-16T21:00:00.000Z',
    status: 'missed',
  };

  it('first cycle from the opening message to the first public reply, then one per customer reply', () => {
    const report = evaluateSla(policy, { channel: 'email', events }, cst('17T09:00'));
    expect(nextClocks(report)).toEqual([
      {
        target: 'next',
        cycle: 1,
        startedAt: '2026-11-16T15:00:00.000Z',
        stoppedAt: '2026-11-16T16:30:00.000Z',
        pausedMs: 0,
        elapsedMs: 1.5 * HOUR,
        deadline: '2026-11-16T19:00:00.000Z',
        status: 'met',
      },
      { target: 'next', ...second },
    ]);
    expect(report.reasons.find((r) => r.code === 'SLA_NEXT_RESPONSE_FROM_CREATION')).toEqual({
      code: 'SLA_NEXT_RESPONSE_FROM_CREATION',
      rule: 'next',
      facts: { metric: 'nextResponse', firstResponseTargets: [] },
      message: 'Target next (nextResponse) runs from creation to the first public agent reply: rule email has no firstResponse target.',
    });
  });

  it('while still unanswered, the opening message has a running next-response clock', () => {
    const report = evaluateSla(policy, { channel: 'email', events: events.slice(0, 2) }, cst('16T12:00'));
    expect(nextClocks(report).map((c) => [c.cycle, c.startedAt, c.stoppedAt, c.elapsedMs / HOUR, c.deadline, c.status])).toEqual([
      [1, '2026-11-16T15:00:00.000Z', null, 3, '2026-11-16T19:00:00.000Z', 'at-risk'],
    ]);
  });

  it('a firstResponse target that applies to the ticket keeps the old behaviour: next responses start at customer replies', () => {
    const vip = evaluateSla(policy, { channel: 'chat', vip: true, events }, cst('17T09:00'));
    expect(nextClocks(vip)).toEqual([{ target: 'chat-next', ...second, cycle: 1 }]);
    expect(vip.reasons.map((r) => r.code)).not.toContain('SLA_NEXT_RESPONSE_FROM_CREATION');
    // The same rule for a ticket its firstResponse target leaves out: from creation.
    const plain = evaluateSla(policy, { channel: 'chat', events }, cst('17T09:00'));
    expect(nextClocks(plain).map((c) => [c.cycle, c.startedAt, c.stoppedAt])).toEqual([
      [1, '2026-11-16T15:00:00.000Z', '2026-11-16T16:30:00.000Z'],
      [2, second.startedAt, second.stoppedAt],
    ]);
    expect(plain.reasons.find((r) => r.code === 'SLA_NEXT_RESPONSE_FROM_CREATION')?.message).toBe(
      'Target chat-next (nextResponse) runs from creation to the first public agent reply: no firstResponse target of rule chat applies to this ticket.',
    );
  });
});

describe('laws tying the new target options to the clocks of today', () => {
  type Spec = SlaPolicySpec;
  const clocksFor = (spec: Spec, s: Scenario) => evaluateSla(defineSlaPolicy(spec), { id: 'T-1', events: s.events }, s.now).clocks;
  /** The scenario's policy with every target changed by `change`. */
  const withTargets = (spec: Spec, change: (target: SlaTarget) => SlaTarget): Spec => ({
    ...spec,
    rules: spec.rules.map((rule) => ({ ...rule, targets: rule.targets.map(change) })),
  });
  const pausable = (t: SlaTarget) => t.pausable ?? (t.metric === 'resolution' || !['firstResponse', 'nextResponse', 'acknowledgement', 'periodicUpdate'].includes(t.metric));
  const restarts = (t: SlaTarget) => t.metric !== 'firstResponse' && t.metric !== 'acknowledgement';
  const reopening = (mode: 'new-cycle' | 'resume' | 'once') => (t: SlaTarget) => (restarts(t) ? { ...t, reopen: mode } : t);
  /** The instant of the ticket's first resolution as of now, if any. */
  const firstResolution = (s: Scenario): number | undefined => {
    const resolved = new Set<string>(DEFAULT_RESOLVED_STATUSES);
    const times = s.events.filter((e) => e.type === 'status' && resolved.has(e.status) && msOf(e.at) <= s.now).map((e) => msOf(e.at));
    return times.length === 0 ? undefined : Math.min(...times);
  };

  it('pauseOn equal to the policy paused statuses (any order) gives exactly the clocks of today', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.shuffledSubarray([...DEFAULT_PAUSED_STATUSES], { minLength: 3 }), (s, order) => {
        const spec = withTargets(s.spec, (t) => (pausable(t) ? { ...t, pauseOn: order } : t));
        expect(clocksFor(spec, s)).toEqual(evaluateSla(s.policy, { id: 'T-1', events: s.events }, s.now).clocks);
      }),
      params,
    );
  });

  it("pauseOn X on every target gives the clocks of a policy whose paused statuses are X (each set's pauses from the same timeline)", () => {
    const unresolved = STATUSES.filter((status) => !(DEFAULT_RESOLVED_STATUSES as readonly string[]).includes(status));
    const others = ['new', 'in-progress', 'reopened', 'pending-customer'];
    fc.assert(
      fc.property(scenarioArb(), fc.subarray(unresolved, { minLength: 1 }), (s, paused) => {
        const byTarget = withTargets(s.spec, (t) => (pausable(t) ? { ...t, pauseOn: paused } : t));
        const byPolicy = withTargets(
          { ...s.spec, statuses: { paused, active: [...unresolved.filter((x) => !paused.includes(x)), ...others] } },
          (t) => ({ ...t, pausable: pausable(t) }),
        );
        expect(clocksFor(byTarget, s)).toEqual(clocksFor(byPolicy, s));
      }),
      params,
    );
  });

  it("reopen: 'new-cycle' on every target gives exactly the report of today", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const report = evaluateSla(defineSlaPolicy(withTargets(s.spec, reopening('new-cycle'))), { id: 'T-1', events: s.events }, s.now);
        expect(report).toEqual(evaluateSla(s.policy, { id: 'T-1', events: s.events }, s.now));
      }),
      params,
    );
  });

  it("resume's elapsed time is the sum of the new-cycle resolution clocks' elapsed times, in one cycle from creation", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const cycles = clocksFor(s.spec, s).filter((c) => c.metric === 'resolution');
        const resumed = clocksFor(withTargets(s.spec, reopening('resume')), s).filter((c) => c.metric === 'resolution');
        expect(resumed.map((c) => [c.cycle, c.startedAt.getTime()])).toEqual([[1, s.created]]);
        expect(resumed[0]?.elapsedMs).toBe(cycles.reduce((sum, c) => sum + c.elapsedMs, 0));
        // Stopped exactly when the last new cycle is: at the last resolution, or running.
        expect(iso(resumed[0]?.stoppedAt ?? null)).toBe(iso(cycles.at(-1)?.stoppedAt ?? null));
      }),
      params,
    );
  });

  it('once equals the first new-cycle resolution clock; for every metric, the new-cycle clocks it leaves out start at or after the first resolution', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const all = clocksFor(s.spec, s);
        const once = clocksFor(withTargets(s.spec, reopening('once')), s);
        expect(once.filter((c) => c.metric === 'resolution')).toEqual(all.filter((c) => c.metric === 'resolution').slice(0, 1));
        const first = firstResolution(s);
        for (const target of new Set(all.map((c) => c.target))) {
          const kept = once.filter((c) => c.target === target);
          const cycles = all.filter((c) => c.target === target);
          expect(kept).toEqual(cycles.slice(0, kept.length));
          for (const left of cycles.slice(kept.length)) expect(left.startedAt.getTime()).toBeGreaterThanOrEqual(first as number);
        }
      }),
      params,
    );
  });
});
