import { describe, expect, it } from 'vitest';
import { breachesByGroup, defineSlaPolicy, evaluateSla, medianClockTime, selectSlaRule } from '../../src/sla/index.js';

// Every `@example` in the SLA module's doc comments, with the result it documents.

describe('documented SLA examples', () => {
  const day = ['07:00-19:00'];
  const sla = defineSlaPolicy({
    id: 'pelpro',
    calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } } },
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
  });

  it('selectSlaRule', () => {
    expect(selectSlaRule(sla, { channel: 'email', events: [] }).rule).toBe('email');
    const none = selectSlaRule(sla, { channel: 'chat', events: [] });
    expect([none.rule, none.reasons.at(-1)?.code]).toEqual([null, 'NO_SLA_RULE']);
  });

  it('evaluateSla', () => {
    const report = evaluateSla(sla, { channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] }, new Date('2026-11-23T09:00:00-06:00'));
    expect(report.clocks[0]?.deadline.toISOString()).toBe('2026-11-23T16:30:00.000Z');
    expect(report.clocks[0]?.status).toBe('ok');
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
