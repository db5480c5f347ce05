import { describe, expect, it } from 'vitest';
import { defineSlaPolicy, evaluateSla, type SlaReport, type TicketEvent } from '../../src/sla/index.js';

// What a clock reports: whether it is paused right now, when the ticket's next breach and next
// status change are, a breach kept across a change of target (and one that is not), and the
// periodic updates a missed interval stands for. Monday 2026-11-23, UTC.

const HOUR = 3_600_000;
const at = (time: string) => `2026-11-23T${time.length === 5 ? `${time}:00.000` : time}Z`;
const ev = (type: string, time: string, more: Record<string, unknown> = {}) => ({ type, at: at(time), ...more }) as TicketEvent;
const created = ev('created', '09:00');
const always = { timeZone: 'UTC', alwaysOpen: true };
const desk = { timeZone: 'UTC', hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-17:00']])) };
const clockOf = (report: SlaReport, metric: string, cycle = 1) => report.clocks.find((c) => c.metric === metric && c.cycle === cycle);

describe('paused: whether a clock is paused right now', () => {
  const policy = defineSlaPolicy({
    id: 'paused',
    calendars: { always },
    rules: [
      {
        id: 'all',
        targets: [
          { id: 'ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'always' },
          { id: 'rma', metric: 'rmaIssued', within: { hours: 8 }, calendar: 'always' },
        ],
      },
    ],
  });
  const pendingThenOpen = [created, ev('status', '10:00', { status: 'pending' }), ev('status', '11:00', { status: 'open' })];

  it('is paused from the instant the ticket goes pending, and no longer from the instant it is open again', () => {
    expect(clockOf(evaluateSla(policy, { events: pendingThenOpen }, at('09:59:59.999')), 'resolution')?.paused).toBe(false);
    expect(clockOf(evaluateSla(policy, { events: pendingThenOpen }, at('10:00')), 'resolution')?.paused).toBe(true);
    expect(clockOf(evaluateSla(policy, { events: pendingThenOpen }, at('10:59:59.999')), 'resolution')?.paused).toBe(true);
    expect(clockOf(evaluateSla(policy, { events: pendingThenOpen }, at('11:00')), 'resolution')).toMatchObject({ paused: false, pausedMs: HOUR });
  });

  it('is not paused after an earlier pause has ended', () => {
    expect(clockOf(evaluateSla(policy, { events: pendingThenOpen }, at('12:00')), 'resolution')).toMatchObject({ paused: false, pausedMs: HOUR, elapsedMs: 2 * HOUR });
  });

  it('a clock stopped while the ticket is pending is not paused; the running one is', () => {
    const report = evaluateSla(policy, { events: [created, ev('status', '10:00', { status: 'pending' }), ev('metricFulfilled', '11:00', { metric: 'rmaIssued' })] }, at('12:00'));
    expect(clockOf(report, 'rmaIssued')).toMatchObject({ status: 'met', paused: false, pausedMs: HOUR, elapsedMs: HOUR });
    expect(clockOf(report, 'resolution')).toMatchObject({ status: 'ok', paused: true, pausedMs: 2 * HOUR });
  });
});

describe('nextBreachAt and nextChangeAt over several clocks', () => {
  it('is the earliest breach, even when a later clock has an earlier deadline at a closing instant', () => {
    const policy = defineSlaPolicy({
      id: 'two-calendars',
      calendars: { always, desk },
      rules: [
        {
          id: 'all',
          targets: [
            { id: 'frt', metric: 'firstResponse', within: { hours: 11 }, calendar: 'always' },
            // Due at 17:00, the desk's closing: over only at Tuesday's opening.
            { id: 'ttr', metric: 'resolution', within: { hours: 8 }, calendar: 'desk' },
          ],
        },
      ],
    });
    const report = evaluateSla(policy, { events: [created] }, at('10:00'));
    expect(report.clocks.map((c) => c.deadline.toISOString())).toEqual([at('20:00'), at('17:00')]);
    expect(report.nextBreachAt?.toISOString()).toBe(at('20:00:00.001'));
  });

  it('names the first clock in report order when two change at the same instant', () => {
    const policy = defineSlaPolicy({
      id: 'tie',
      calendars: { always },
      rules: [
        {
          id: 'all',
          targets: [
            { id: 'frt', metric: 'firstResponse', within: { hours: 4 }, calendar: 'always' },
            { id: 'ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'always' },
          ],
        },
      ],
    });
    const report = evaluateSla(policy, { events: [created] }, at('09:30'));
    expect(report.nextChangeAt?.toISOString()).toBe(at('12:00'));
    expect(report.reasons.find((r) => r.code === 'SLA_NEXT_CHANGE')?.facts).toEqual({ metric: 'firstResponse', cycle: 1, to: 'at-risk' });
  });
});

describe('a breach across a change of target', () => {
  const policy = defineSlaPolicy({
    id: 'kept',
    calendars: { always },
    vocabulary: { priority: ['low', 'normal'] },
    rules: [
      { id: 'short', when: { priority: 'low' }, targets: [{ id: 'ttr-short', metric: 'resolution', within: { hours: 1 }, calendar: 'always' }] },
      { id: 'long', when: { priority: 'normal' }, targets: [{ id: 'ttr-long', metric: 'resolution', within: { hours: 4 }, calendar: 'always' }] },
    ],
  });
  const changedAt = (time: string, priority: string) => ev('changed', time, { set: { priority } });

  it('a change to a longer target at the very instant the clock would go over the shorter one saves it', () => {
    const report = evaluateSla(policy, { priority: 'low', events: [created, changedAt('10:00:00.001', 'normal')] }, at('11:00'));
    expect(clockOf(report, 'resolution')).toMatchObject({ target: 'ttr-long', status: 'ok', breachedAt: null });
    expect(report.reasons.map((r) => r.code)).not.toContain('SLA_BREACH_KEPT');
    expect(report.nextBreachAt?.toISOString()).toBe(at('13:00:00.001'));
  });

  it('one millisecond later the breach under the shorter target is kept, and nothing is due any more', () => {
    const report = evaluateSla(policy, { priority: 'low', events: [created, changedAt('10:00:00.002', 'normal')] }, at('11:00'));
    const clock = clockOf(report, 'resolution');
    expect(clock).toMatchObject({ target: 'ttr-long', status: 'breached', breachedAt: new Date(at('10:00:00.001')) });
    expect(clock?.reasons.find((r) => r.code === 'SLA_BREACH_KEPT')).toMatchObject({ rule: 'ttr-short', facts: { metric: 'resolution', cycle: 1, target: 'ttr-short' } });
    expect([report.nextBreachAt, report.nextChangeAt]).toEqual([null, null]);
  });

  it('a breach under the target now in force is no kept breach', () => {
    const report = evaluateSla(policy, { priority: 'normal', events: [created, changedAt('09:30', 'low')] }, at('11:00'));
    const clock = clockOf(report, 'resolution');
    expect(clock).toMatchObject({ target: 'ttr-short', status: 'breached', breachedAt: new Date(at('10:00:00.001')) });
    expect(clock?.reasons.map((r) => r.code)).toEqual(['SLA_BREACHED', 'SLA_TARGET_CHANGED']);
  });
});

describe('periodic updates missed', () => {
  it('a missed interval says how many updates it stands for; an interval within its time says nothing', () => {
    const policy = defineSlaPolicy({ id: 'updates', calendars: { always }, rules: [{ id: 'all', targets: [{ id: 'pu', metric: 'periodicUpdate', within: { hours: 1 }, calendar: 'always' }] }] });
    const report = evaluateSla(policy, { events: [created, ev('update', '11:30')] }, at('12:00'));
    expect(clockOf(report, 'periodicUpdate', 1)?.status).toBe('missed');
    expect(clockOf(report, 'periodicUpdate', 1)?.reasons.find((r) => r.code === 'PERIODIC_UPDATES_MISSED')?.facts).toEqual({ missedUpdates: 2, intervalMs: HOUR });
    expect(clockOf(report, 'periodicUpdate', 2)?.reasons.map((r) => r.code)).toEqual(['SLA_RUNNING']);
  });
});
