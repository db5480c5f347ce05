import { describe, expect, it } from 'vitest';
import { defineSlaPolicy, evaluateSla, selectSlaRule, type SlaClock, type Ticket } from '../../src/sla/index.js';
import { amare, homepro, pelpro, primos, trufit } from './seed-policies.js';

// Worked examples from the seed playbooks' numbers; every expected instant is derived by hand in
// the comment beside it.

const HOUR = 3_600_000;
const clock = (clocks: readonly SlaClock[], metric: string, cycle = 1) => {
  const found = clocks.find((c) => c.metric === metric && c.cycle === cycle);
  if (!found) throw new Error(`no ${metric} clock, cycle ${cycle}`);
  return found;
};
const summary = (c: SlaClock) => ({ status: c.status, deadline: c.deadline.toISOString(), elapsedH: c.elapsedMs / HOUR });

describe('PelPro: 07:00-19:00 CT desk, 24x7 on-call', () => {
  const policy = defineSlaPolicy(pelpro);
  const email = (events: Ticket['events']): Ticket => ({ channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }, ...events] });

  it('acknowledges an email from Friday 18:30 within 4 business hours: due Monday 10:30', () => {
    const report = evaluateSla(policy, email([{ type: 'agentReply', at: '2026-11-23T08:00:00-06:00' }]), new Date('2026-11-23T12:00:00-06:00'));
    expect(report.rule).toBe('email');
    // 0.5 h on Friday + 1 h on Monday; due after 0.5 h Friday + 3.5 h Monday = 10:30 CST.
    expect(summary(clock(report.clocks, 'acknowledgement'))).toEqual({ status: 'met', deadline: '2026-11-23T16:30:00.000Z', elapsedH: 1.5 });
  });

  it('turns at-risk at 75 % (3 of 4 h) and breached after the deadline', () => {
    const ticket = email([]);
    expect(clock(evaluateSla(policy, ticket, new Date('2026-11-23T09:29:00-06:00')).clocks, 'acknowledgement').status).toBe('ok');
    expect(clock(evaluateSla(policy, ticket, new Date('2026-11-23T09:30:00-06:00')).clocks, 'acknowledgement').status).toBe('at-risk');
    expect(clock(evaluateSla(policy, ticket, new Date('2026-11-23T10:30:00-06:00')).clocks, 'acknowledgement').status).toBe('at-risk');
    const late = clock(evaluateSla(policy, ticket, new Date('2026-11-23T10:31:00-06:00')).clocks, 'acknowledgement');
    expect(late.status).toBe('breached');
    expect(late.reasons[0]).toMatchObject({ code: 'SLA_BREACHED', rule: 'email-ack' });
  });

  it('issues an RMA number within 24 business hours, skipping Thanksgiving', () => {
    const ticket: Ticket = {
      channel: 'portal',
      events: [
        { type: 'created', at: '2026-11-25T10:00:00-06:00' },
        { type: 'metricStarted', metric: 'rmaIssued', at: '2026-11-25T16:00:00-06:00' },
        { type: 'metricFulfilled', metric: 'rmaIssued', at: '2026-11-27T11:00:00-06:00' },
      ],
    };
    // Wed 3 h + Fri 12 h + Mon 9 h: due Mon 2026-11-30 16:00 CST; done after Wed 3 h + Fri 4 h.
    const rma = clock(evaluateSla(policy, ticket, new Date('2026-11-30T00:00:00Z')).clocks, 'rmaIssued');
    expect(summary(rma)).toEqual({ status: 'met', deadline: '2026-11-30T22:00:00.000Z', elapsedH: 7 });
  });

  it('gets a Severity 1 engineer within 60 minutes and updates every 2 hours, day or night', () => {
    const ticket: Ticket = {
      priority: 'sev1',
      channel: 'phone',
      events: [
        { type: 'created', at: '2026-11-21T03:00:00Z' },
        { type: 'agentReply', at: '2026-11-21T03:40:00Z' },
        { type: 'update', at: '2026-11-21T05:30:00Z' },
      ],
    };
    const report = evaluateSla(policy, ticket, new Date('2026-11-21T10:00:00Z'));
    expect(report.rule).toBe('sev1');
    expect(report.reasons.map((r) => `${r.code}:${r.rule}`)).toEqual([
      'SLA_RULE_MATCHED:sev1',
      'SLA_RULE_SHADOWED:phone',
      'SLA_RULE_NOT_MATCHED:chat',
      'SLA_RULE_NOT_MATCHED:email',
    ]);
    expect(summary(clock(report.clocks, 'acknowledgement'))).toMatchObject({ status: 'met', deadline: '2026-11-21T04:00:00.000Z' });
    const updates = report.clocks.filter((c) => c.metric === 'periodicUpdate').map((c) => [c.cycle, c.status, c.deadline.toISOString()]);
    expect(updates).toEqual([
      [1, 'met', '2026-11-21T05:00:00.000Z'],
      [2, 'met', '2026-11-21T05:40:00.000Z'],
      [3, 'breached', '2026-11-21T07:30:00.000Z'],
    ]);
    // Updates were due at 07:30 and 09:30; both passed by 10:00.
    expect(clock(report.clocks, 'periodicUpdate', 3).reasons[1]).toMatchObject({ code: 'PERIODIC_UPDATES_MISSED', facts: { missedUpdates: 2 } });
  });
});

describe('Primos: 08:00-20:00 Mon-Sat, chat in 30 s and closed in 20 min', () => {
  const policy = defineSlaPolicy(primos);

  it('meets the 30-second chat reply and misses the 20-minute chat-to-close', () => {
    const ticket: Ticket = {
      channel: 'chat',
      events: [
        { type: 'created', at: '2026-11-21T12:00:00-05:00' },
        { type: 'agentReply', at: '2026-11-21T12:00:25-05:00' },
        { type: 'status', status: 'solved', at: '2026-11-21T12:25:00-05:00' },
      ],
    };
    const report = evaluateSla(policy, ticket, new Date('2026-11-21T18:00:00Z'));
    expect(clock(report.clocks, 'firstResponse')).toMatchObject({ status: 'met', elapsedMs: 25_000 });
    expect(summary(clock(report.clocks, 'resolution'))).toEqual({ status: 'missed', deadline: '2026-11-21T17:20:00.000Z', elapsedH: 25 / 60 });
  });

  it('gives a priority escalation 4 hours around the clock', () => {
    const ticket: Ticket = { channel: 'email', tags: ['priority-escalation'], events: [{ type: 'created', at: '2026-11-22T23:00:00-05:00' }] };
    const report = evaluateSla(policy, ticket, new Date('2026-11-23T05:00:00Z'));
    expect(report.rule).toBe('priority-escalation');
    expect(summary(clock(report.clocks, 'resolution'))).toEqual({ status: 'ok', deadline: '2026-11-23T08:00:00.000Z', elapsedH: 1 });
  });
});

describe('HomePro: on-site windows by priority, Bangkok time', () => {
  const policy = defineSlaPolicy(homepro);

  it('calls back a flooding emergency within 2 hours and visits within 6', () => {
    const ticket: Ticket = {
      category: 'onsite',
      priority: 'priority',
      events: [
        { type: 'created', at: '2026-11-21T23:00:00+07:00' },
        { type: 'agentReply', at: '2026-11-22T00:10:00+07:00' },
        { type: 'metricFulfilled', metric: 'onSiteVisit', at: '2026-11-22T04:30:00+07:00' },
      ],
    };
    const report = evaluateSla(policy, ticket, new Date('2026-11-22T06:00:00+07:00'));
    expect(summary(clock(report.clocks, 'firstResponse'))).toMatchObject({ status: 'met', deadline: '2026-11-21T18:00:00.000Z' });
    expect(summary(clock(report.clocks, 'onSiteVisit'))).toEqual({ status: 'met', deadline: '2026-11-21T22:00:00.000Z', elapsedH: 5.5 });
    // An hour later than that and the 6-hour window is missed.
    const late = { ...ticket, events: [...ticket.events.slice(0, 2), { type: 'metricFulfilled', metric: 'onSiteVisit', at: '2026-11-22T05:30:00+07:00' } as const] };
    expect(clock(evaluateSla(policy, late, new Date('2026-11-22T06:00:00+07:00')).clocks, 'onSiteVisit').status).toBe('missed');
  });

  it('uses the 72-hour window for a standard visit', () => {
    const ticket: Ticket = { category: 'onsite', priority: 'standard', events: [{ type: 'created', at: '2026-11-21T10:00:00+07:00' }] };
    const report = evaluateSla(policy, ticket, new Date('2026-11-22T10:00:00+07:00'));
    expect(report.reasons.filter((r) => r.code === 'SLA_TARGET_NOT_MATCHED').map((r) => r.rule)).toEqual([
      'emergency-callback',
      'visit-priority',
      'visit-high',
    ]);
    expect(summary(clock(report.clocks, 'onSiteVisit'))).toEqual({ status: 'ok', deadline: '2026-11-24T03:00:00.000Z', elapsedH: 24 });
  });
});

describe('Amare: returns processed within 7 business days', () => {
  const policy = defineSlaPolicy(amare);

  it('counts 7 business days from Friday and moves the deadline by a customer-pending pause', () => {
    const created = { type: 'created', at: '2026-11-20T10:00:00-07:00' } as const;
    const plain = evaluateSla(policy, { category: 'returns', events: [created] }, new Date('2026-11-24T10:00:00-07:00'));
    // Mon, Tue, Wed, Thu, Fri, Mon, Tue: Tuesday 2026-12-01 10:00 MST. Used: Fri 7 h + Mon 8 h + Tue 1 h.
    expect(summary(clock(plain.clocks, 'resolution'))).toEqual({ status: 'ok', deadline: '2026-12-01T17:00:00.000Z', elapsedH: 16 });
    const paused = evaluateSla(
      policy,
      {
        category: 'returns',
        events: [
          created,
          { type: 'status', status: 'pending-customer', at: '2026-11-23T09:00:00-07:00' },
          { type: 'status', status: 'open', at: '2026-11-24T09:00:00-07:00' },
        ],
      },
      new Date('2026-11-24T10:00:00-07:00'),
    );
    // Monday's 8 business hours were paused: the deadline moves from Tue 10:00 to Wed 10:00.
    expect(summary(clock(paused.clocks, 'resolution'))).toEqual({ status: 'ok', deadline: '2026-12-02T17:00:00.000Z', elapsedH: 8 });
    expect(clock(paused.clocks, 'resolution').pausedMs).toBe(8 * HOUR);
  });

  it('answers urgent health-safety issues in 2 h and resolves them in 24 h', () => {
    const report = evaluateSla(policy, { priority: 'urgent', events: [{ type: 'created', at: '2026-11-21T22:00:00-07:00' }] }, new Date('2026-11-22T05:00:00Z'));
    expect(clock(report.clocks, 'acknowledgement').deadline.toISOString()).toBe('2026-11-22T07:00:00.000Z');
    expect(clock(report.clocks, 'resolution').deadline.toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });
});

describe('Tru Fit: 07:00-22:00 every day, Pacific time', () => {
  const policy = defineSlaPolicy(trufit);

  it('responds to an email within 8 business hours across the night', () => {
    const report = evaluateSla(policy, { channel: 'email', events: [{ type: 'created', at: '2026-11-20T20:00:00-08:00' }] }, new Date('2026-11-21T08:00:00-08:00'));
    // Fri 20:00-22:00 is 2 h; Sat 07:00 + 6 h = 13:00 PST.
    expect(summary(clock(report.clocks, 'firstResponse'))).toEqual({ status: 'ok', deadline: '2026-11-21T21:00:00.000Z', elapsedH: 3 });
  });

  it('processes a warranty claim within 14 calendar days, keeping the wall-clock time across DST', () => {
    const report = evaluateSla(policy, { category: 'warranty', events: [{ type: 'created', at: '2026-10-31T09:00:00-07:00' }] }, new Date('2026-11-02T00:00:00Z'));
    // Sat 2026-10-31 09:00 PDT + 14 days = Sat 2026-11-14 09:00 PST.
    expect(clock(report.clocks, 'resolution').deadline.toISOString()).toBe('2026-11-14T17:00:00.000Z');
  });

  it('starts a new 48-hour resolution cycle when a solved ticket is reopened', () => {
    const ticket: Ticket = {
      channel: 'email',
      events: [
        { type: 'created', at: '2026-11-23T16:00:00Z' },
        { type: 'agentReply', at: '2026-11-23T17:00:00Z' },
        { type: 'status', status: 'pending', at: '2026-11-23T18:00:00Z' },
        { type: 'status', status: 'open', at: '2026-11-24T18:00:00Z' },
        { type: 'status', status: 'solved', at: '2026-11-25T16:00:00Z' },
        { type: 'status', status: 'open', at: '2026-11-26T16:00:00Z' },
      ],
    };
    const report = evaluateSla(policy, ticket, new Date('2026-11-28T17:00:00Z'));
    // Cycle 1: 2 h + 22 h active (24 h paused), due 48 + 24 h after creation.
    expect(summary(clock(report.clocks, 'resolution', 1))).toEqual({ status: 'met', deadline: '2026-11-26T16:00:00.000Z', elapsedH: 24 });
    // Cycle 2 from the reopening: 49 h by Saturday 17:00Z, due Saturday 16:00Z.
    expect(summary(clock(report.clocks, 'resolution', 2))).toEqual({ status: 'breached', deadline: '2026-11-28T16:00:00.000Z', elapsedH: 49 });
  });

  it('chooses the first matching rule and explains the others', () => {
    const decision = selectSlaRule(policy, { priority: 'P1', channel: 'chat', events: [] });
    expect(decision.rule).toBe('p1');
    expect(decision.reasons.map((r) => r.code)).toEqual(['SLA_RULE_MATCHED', 'SLA_RULE_NOT_MATCHED', 'SLA_RULE_SHADOWED', 'SLA_RULE_NOT_MATCHED', 'SLA_RULE_SHADOWED']);
  });
});
