import { describe, expect, it } from 'vitest';
import { defineSlaPolicy, evaluateSla, type SlaPolicyError, type SlaReport, type SlaTarget, type TicketEvent } from '../../src/sla/index.js';

// When each metric's clock starts and stops: which events stop which metric (and which do not),
// what each clock says stopped it, what reopening does in each `reopen` mode, and when reasons
// about reopening are given. All on a 24/7 UTC calendar on Monday 2026-11-23.

const at = (hhmm: string) => `2026-11-23T${hhmm}:00.000Z`;
const calendars = { always: { timeZone: 'UTC', alwaysOpen: true } };
const policyOf = (...targets: Omit<SlaTarget, 'calendar'>[]) =>
  defineSlaPolicy({ id: 'cycles', calendars, rules: [{ id: 'all', targets: targets.map((t) => ({ ...t, calendar: 'always' }) as SlaTarget) }] });
const ev = (type: string, hhmm: string, more: Record<string, unknown> = {}) => ({ type, at: at(hhmm), ...more }) as TicketEvent;
const created = ev('created', '09:00');
/** Per clock: target, cycle, start, stop, what stopped it and the status (instants as HH:MM). */
const spans = (report: SlaReport) =>
  report.clocks.map((c) => [c.target, c.cycle, c.startedAt.toISOString().slice(11, 16), c.stoppedAt?.toISOString().slice(11, 16) ?? null, c.stoppedBy, c.status]);
const codes = (report: SlaReport) => report.reasons.map((r) => r.code);

describe('first response and acknowledgement: what stops them', () => {
  const policy = policyOf(
    { id: 'frt', metric: 'firstResponse', within: { hours: 8 } },
    { id: 'ack', metric: 'acknowledgement', within: { hours: 8 } },
    { id: 'rma', metric: 'rmaIssued', within: { hours: 8 } },
  );

  it('a public reply fulfils both; resolving first stops them as resolved', () => {
    expect(spans(evaluateSla(policy, { events: [created, ev('agentReply', '10:00')] }, at('12:00'))).slice(0, 2)).toEqual([
      ['frt', 1, '09:00', '10:00', 'fulfilled', 'met'],
      ['ack', 1, '09:00', '10:00', 'fulfilled', 'met'],
    ]);
    expect(spans(evaluateSla(policy, { events: [created, ev('status', '10:00', { status: 'solved' })] }, at('12:00'))).slice(0, 2)).toEqual([
      ['frt', 1, '09:00', '10:00', 'resolved', 'met'],
      ['ack', 1, '09:00', '10:00', 'resolved', 'met'],
    ]);
  });

  it('metricFulfilled for acknowledgement stops the acknowledgement only', () => {
    const report = evaluateSla(policy, { events: [created, ev('metricFulfilled', '10:00', { metric: 'acknowledgement' })] }, at('12:00'));
    expect(spans(report).slice(0, 2)).toEqual([
      ['frt', 1, '09:00', null, null, 'ok'],
      ['ack', 1, '09:00', '10:00', 'fulfilled', 'met'],
    ]);
  });

  it('metricFulfilled for the first response, metricStarted for the acknowledgement or metricFulfilled for another metric stop neither', () => {
    const events = [created, ev('metricFulfilled', '09:30', { metric: 'firstResponse' }), ev('metricStarted', '09:40', { metric: 'acknowledgement' }), ev('metricFulfilled', '10:00', { metric: 'rmaIssued' })];
    expect(spans(evaluateSla(policy, { events }, at('12:00')))).toEqual([
      ['frt', 1, '09:00', null, null, 'ok'],
      ['ack', 1, '09:00', null, null, 'ok'],
      ['rma', 1, '09:00', '10:00', 'fulfilled', 'met'],
    ]);
  });
});

describe('next response', () => {
  it('does not start at a customer message before the first answer (the first response covers it); a message after it does', () => {
    const policy = policyOf({ id: 'frt', metric: 'firstResponse', within: { hours: 4 } }, { id: 'nr', metric: 'nextResponse', within: { hours: 2 } });
    const report = evaluateSla(policy, { events: [created, ev('customerReply', '09:30'), ev('agentReply', '10:00'), ev('customerReply', '10:30'), ev('agentReply', '11:00')] }, at('12:00'));
    expect(spans(report)).toEqual([
      ['frt', 1, '09:00', '10:00', 'fulfilled', 'met'],
      ['nr', 1, '10:30', '11:00', 'fulfilled', 'met'],
    ]);
  });

  it("reopen 'once': two customer messages after the resolution before an answer are one cycle not measured", () => {
    const policy = policyOf({ id: 'frt', metric: 'firstResponse', within: { hours: 4 } }, { id: 'nr', metric: 'nextResponse', within: { hours: 2 }, reopen: 'once' });
    const events = [created, ev('agentReply', '09:10'), ev('status', '09:20', { status: 'solved' }), ev('customerReply', '10:00'), ev('customerReply', '10:10'), ev('agentReply', '10:30')];
    const report = evaluateSla(policy, { events }, at('12:00'));
    expect(report.reasons.find((r) => r.code === 'SLA_CYCLES_NOT_MEASURED')?.facts).toMatchObject({ metric: 'nextResponse', cyclesNotMeasured: 1 });
  });

  it("reopen 'new-cycle' (the default) never says a clock resumed, however often the ticket is reopened", () => {
    const policy = policyOf({ id: 'frt', metric: 'firstResponse', within: { hours: 4 } }, { id: 'nr', metric: 'nextResponse', within: { hours: 2 } }, { id: 'ttr', metric: 'resolution', within: { hours: 8 } });
    const events = [
      created,
      ev('agentReply', '09:10'),
      ev('customerReply', '09:20'),
      ev('agentReply', '09:30'),
      ev('status', '10:00', { status: 'solved' }),
      ev('status', '10:30', { status: 'reopened' }),
      ev('status', '11:00', { status: 'solved' }),
      ev('status', '11:30', { status: 'reopened' }),
    ];
    const report = evaluateSla(policy, { events }, at('12:00'));
    expect(codes(report)).not.toContain('SLA_CLOCK_RESUMED');
    // No customer message before the resolution: no reply clock ran at all.
    const quiet = evaluateSla(policy, { events: [created, ev('agentReply', '09:10'), ev('status', '10:00', { status: 'solved' }), ev('status', '10:30', { status: 'reopened' })] }, at('12:00'));
    expect(codes(quiet)).not.toContain('SLA_CLOCK_RESUMED');
    expect(spans(report).filter(([target]) => target === 'ttr')).toEqual([
      ['ttr', 1, '09:00', '10:00', 'resolved', 'met'],
      ['ttr', 2, '10:30', '11:00', 'resolved', 'met'],
      ['ttr', 3, '11:30', null, null, 'ok'],
    ]);
  });

  it("reopen 'resume': a clock not running when the ticket was resolved does not resume; one running stops at the resolution, even after a private note", () => {
    const policy = policyOf({ id: 'frt', metric: 'firstResponse', within: { hours: 4 } }, { id: 'nr', metric: 'nextResponse', within: { hours: 2 }, reopen: 'resume' });
    const answered = evaluateSla(policy, { events: [created, ev('agentReply', '09:10'), ev('status', '10:00', { status: 'solved' }), ev('status', '10:30', { status: 'reopened' })] }, at('12:00'));
    expect(codes(answered)).not.toContain('SLA_CLOCK_RESUMED');
    const waiting = evaluateSla(
      policy,
      { events: [created, ev('agentReply', '09:10'), ev('customerReply', '09:30'), ev('status', '10:00', { status: 'solved' }), ev('agentReply', '10:30', { public: false })] },
      at('12:00'),
    );
    expect(spans(waiting)[1]).toEqual(['nr', 1, '09:30', '10:00', 'resolved', 'met']);
  });
});

describe('resolution and periodic updates', () => {
  it("reopen 'resume': a resolved ticket's clock stops at the resolution; a reopening resumes it and says so", () => {
    const policy = policyOf({ id: 'ttr', metric: 'resolution', within: { hours: 8 }, reopen: 'resume' });
    const solved = evaluateSla(policy, { events: [created, ev('status', '10:00', { status: 'solved' })] }, at('12:00'));
    expect(spans(solved)).toEqual([['ttr', 1, '09:00', '10:00', 'resolved', 'met']]);
    expect(codes(solved)).not.toContain('SLA_CLOCK_RESUMED');
    const reopened = evaluateSla(policy, { events: [created, ev('status', '10:00', { status: 'solved' }), ev('status', '11:00', { status: 'reopened' })] }, at('12:00'));
    expect(reopened.clocks.map((c) => [c.cycle, c.elapsedMs, c.status])).toEqual([[1, 2 * 3_600_000, 'ok']]);
    expect(reopened.reasons.find((r) => r.code === 'SLA_CLOCK_RESUMED')?.facts).toEqual({ metric: 'resolution', reopen: 'resume', reopenings: 1 });
  });

  it('an update restarts the interval; an update on a solved ticket starts none', () => {
    const policy = policyOf({ id: 'pu', metric: 'periodicUpdate', within: { hours: 2 } });
    const report = evaluateSla(policy, { events: [created, ev('update', '10:00'), ev('status', '11:00', { status: 'solved' }), ev('update', '11:30'), ev('agentReply', '11:40')] }, at('12:00'));
    expect(spans(report)).toEqual([
      ['pu', 1, '09:00', '10:00', 'fulfilled', 'met'],
      ['pu', 2, '10:00', '11:00', 'resolved', 'met'],
    ]);
  });
});

describe('custom metrics started and fulfilled by events', () => {
  const policy = policyOf(
    { id: 'rma', metric: 'rmaIssued', within: { hours: 2 }, startOn: 'metricStarted' },
    { id: 'refund', metric: 'refundIssued', within: { hours: 4 }, startOn: 'metricStarted' },
  );

  it('each runs from its own metricStarted to its own metricFulfilled, never at the other metric\'s events', () => {
    const events = [created, ev('metricStarted', '09:30', { metric: 'refundIssued' }), ev('metricStarted', '10:00', { metric: 'rmaIssued' }), ev('metricFulfilled', '10:30', { metric: 'refundIssued' }), ev('metricFulfilled', '11:00', { metric: 'rmaIssued' })];
    expect(spans(evaluateSla(policy, { events }, at('12:00')))).toEqual([
      ['rma', 1, '10:00', '11:00', 'fulfilled', 'met'],
      ['refund', 1, '09:30', '10:30', 'fulfilled', 'met'],
    ]);
  });
});

describe('status lists', () => {
  it('a status listed twice in one list is a duplicate, not a conflict with itself', () => {
    let issues: [string, string][] = [];
    try {
      defineSlaPolicy({ id: 'twice', calendars, statuses: { paused: ['pending', 'waiting', 'pending'] }, rules: [{ id: 'all', targets: [{ id: 'ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'always' }] }] });
    } catch (error) {
      issues = (error as SlaPolicyError).issues.map((issue) => [issue.code, issue.path.join('.')]);
    }
    expect(issues).toEqual([['DUPLICATE_VALUE', 'statuses.paused.2']]);
  });
});

describe('next response: a customer message on a resolved ticket', () => {
  it("reopen 'new-cycle': starts a reply clock even when no status reopens the ticket, and it runs until an answer (the customer is waiting)", () => {
    const policy = policyOf({ id: 'frt', metric: 'firstResponse', within: { hours: 4 } }, { id: 'nr', metric: 'nextResponse', within: { hours: 2 } });
    const events = [created, ev('agentReply', '09:10'), ev('status', '09:20', { status: 'solved' }), ev('customerReply', '10:00')];
    expect(spans(evaluateSla(policy, { events }, at('11:00')))).toEqual([
      ['frt', 1, '09:00', '09:10', 'fulfilled', 'met'],
      ['nr', 1, '10:00', null, null, 'ok'],
    ]);
    expect(spans(evaluateSla(policy, { events }, at('12:30')))[1]).toEqual(['nr', 1, '10:00', null, null, 'breached']);
    expect(spans(evaluateSla(policy, { events: [...events, ev('agentReply', '11:30')] }, at('12:30')))[1]).toEqual(['nr', 1, '10:00', '11:30', 'fulfilled', 'met']);
  });
});
