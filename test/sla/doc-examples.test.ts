import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { backOfficeClock, breachesByGroup, defineSlaPolicy, evaluateSla, medianClockTime, selectSlaRule, serviceLevel } from '../../src/sla/index.js';
import { createCalendar } from '../../src/calendar/index.js';

// Every `@example` in the SLA module's doc comments, with the result it documents.

describe('documented SLA examples', () => {
  const day = ['07:00-19:00'];
  const sla = defineSlaPolicy({
    id: 'pelpro',
    calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } } },
    vocabulary: { channel: ['email', 'chat', 'phone'] },
    rules: [
      {
        id: 'email',
        when: { channel: 'email' },
        targets: [{ id: 'email-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' }],
      },
    ],
  });

  it('defineSlaPolicy', () => {
    expect(sla.id).toBe('pelpro');
    expect(sla.vocabulary.channel).toEqual(['email', 'chat', 'phone']);
    expect(defineSlaPolicy({ ...sla.spec, vocabulary: undefined }).vocabulary.channel).toEqual(['email']);
    expect(sla.vocabulary.status).toEqual(['new', 'open', 'in-progress', 'reopened', 'pending', 'pending-customer', 'on-hold', 'solved', 'resolved', 'closed']);
  });

  it('selectSlaRule', () => {
    expect(selectSlaRule(sla, { channel: 'email', events: [] }).rule).toBe('email');
    const none = selectSlaRule(sla, { channel: 'chat', events: [] });
    expect([none.rule, none.reasons.at(-1)?.code]).toEqual([null, 'NO_SLA_RULE']);
    const error = (() => {
      try {
        selectSlaRule(sla, { channel: 'Chat', events: [] });
      } catch (e) {
        return e as InvalidArgumentError;
      }
    })();
    expect([error?.code, error?.path, error?.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['channel'], 'chat']);
  });

  it('evaluateSla', () => {
    const report = evaluateSla(sla, { channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] }, new Date('2026-11-23T09:00:00-06:00'));
    expect(report.clocks[0]?.deadline.toISOString()).toBe('2026-11-23T16:30:00.000Z');
    expect(report.clocks[0]?.status).toBe('ok');
  });

  it('backOfficeClock', () => {
    const warehouse = createCalendar({
      timeZone: 'America/New_York',
      hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] },
    });
    const refund = backOfficeClock({ id: 'refundIssued', calendar: warehouse, within: { businessDays: 7 }, start: new Date('2026-11-20T15:00:00Z') }, new Date('2026-11-25T15:00:00Z'));
    expect([refund.deadline.toISOString(), refund.status]).toEqual(['2026-12-01T15:00:00.000Z', 'ok']);
  });

  it('serviceLevel', () => {
    expect(serviceLevel([5_000, 12_000, 20_000, 31_000], 20_000)).toEqual({ total: 4, within: 3, percent: 75, thresholdMs: 20_000 });
  });

  it('breachesByGroup', () => {
    const clocks = ['2026-11-02', '2026-11-10', '2026-11-20', '2026-11-28'].map((day) => ({
      group: 'billing',
      status: 'missed' as const,
      deadline: new Date(`${day}T12:00:00Z`),
    }));
    expect(
      breachesByGroup(clocks, { now: new Date('2026-11-30T00:00Z'), windowMs: 30 * 86_400_000, moreThan: 3 }).map(({ group, breaches, exceeds }) => [group, breaches, exceeds]),
    ).toEqual([['billing', 4, true]]);
  });

  it('medianClockTime', () => {
    const start = new Date('2026-11-23T09:00:00Z');
    const stopped = (hours: number, businessHours: number) => ({ startedAt: start, stoppedAt: new Date(start.getTime() + hours * 3_600_000), elapsedMs: businessHours * 3_600_000 });
    const clocks = [stopped(4, 4), stopped(66, 2), stopped(24, 8)];
    expect(medianClockTime(clocks, 'calendar')).toEqual({ medianMs: 86_400_000, sample: 3 });
    expect(medianClockTime(clocks)).toEqual({ medianMs: 14_400_000, sample: 3 });
  });
});
