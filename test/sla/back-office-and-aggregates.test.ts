import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { backOfficeClock, breachesByGroup, defineSlaPolicy, evaluateSla, medianClockTime, serviceLevel } from '../../src/sla/index.js';
import { pelpro } from './seed-policies.js';

const HOUR = 3_600_000;
const weekdays = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };

describe('back-office deadlines', () => {
  const warehouse = createCalendar({ timeZone: 'America/New_York', hours: weekdays });

  it('issues a refund within 7 business days of receipt (documented example)', () => {
    const refund = backOfficeClock(
      { id: 'refundIssued', calendar: warehouse, within: { businessDays: 7 }, start: new Date('2026-11-20T15:00:00Z') },
      new Date('2026-11-25T15:00:00Z'),
    );
    expect(refund.deadline.toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(refund.status).toBe('ok');
    // Used: Fri 7 h + Mon 8 h + Tue 8 h + Wed 1 h. Allowed: Fri 7 h + six full days × 8 h + Tue 1 h.
    expect([refund.elapsedMs / HOUR, refund.targetMs / HOUR, refund.rule]).toEqual([24, 56, null]);
  });

  it("acknowledges a privacy request in 3 business days and completes it in 30 calendar days (PelPro's GDPR/CCPA workflow)", () => {
    const desk = createCalendar(pelpro.calendars.desk as never);
    const filed = new Date('2026-11-24T20:00:00Z'); // Tue 14:00 CST
    const ack = backOfficeClock({ id: 'privacyAck', calendar: desk, within: { businessDays: 3 }, start: filed, done: new Date('2026-11-30T15:00:00Z') }, filed);
    // Wed, Fri (Thanksgiving skipped), Mon: due Mon 2026-11-30 14:00 CST; done Mon 09:00 CST.
    expect([ack.deadline.toISOString(), ack.status]).toEqual(['2026-11-30T20:00:00.000Z', 'met']);
    const done = backOfficeClock({ id: 'privacyDone', calendar: desk, within: { days: 30 }, start: filed }, new Date('2026-12-25T00:00:00Z'));
    expect([done.deadline.toISOString(), done.status]).toEqual(['2026-12-24T20:00:00.000Z', 'breached']);
  });

  it('moves the deadline by a pause and reports the paused business time', () => {
    const clock = backOfficeClock(
      {
        id: 'inspection',
        calendar: warehouse,
        within: { hours: 8 },
        start: new Date('2026-11-23T14:00:00Z'),
        pauses: [[new Date('2026-11-23T16:00:00Z'), new Date('2026-11-24T16:00:00Z')]],
      },
      new Date('2026-11-24T18:00:00Z'),
    );
    // Mon 09-11 EST active, paused to Tue 11:00 (8 h of business time), then 6 h more: Tue 17:00 EST.
    expect([clock.deadline.toISOString(), clock.pausedMs / HOUR, clock.elapsedMs / HOUR]).toEqual(['2026-11-24T22:00:00.000Z', 8, 4]);
  });

  it('rejects a within that mixes kinds', () => {
    expect(() => backOfficeClock({ id: 'x', calendar: warehouse, within: { hours: 1, businessDays: 1 }, start: 0 }, 0)).toThrow(InvalidArgumentError);
  });
});

describe('aggregates', () => {
  it('computes "X % within Y" and reports an empty sample as null, not 0 %', () => {
    expect(serviceLevel([5_000, 12_000, 20_000, 31_000], 20_000)).toEqual({ total: 4, within: 3, percent: 75, thresholdMs: 20_000 });
    expect(serviceLevel([], 20_000).percent).toBeNull();
    expect(() => serviceLevel([-1], 20_000)).toThrow(InvalidArgumentError);
  });

  it('counts breaches per queue in a rolling 30-day window (more than 3 opens remediation)', () => {
    const day = 86_400_000;
    const now = Date.parse('2026-11-30T00:00:00Z');
    const at = (daysAgo: number, status: 'breached' | 'missed' | 'met', group = 'billing') => ({ group, status, deadline: new Date(now - daysAgo * day) });
    const result = breachesByGroup([at(1, 'missed'), at(5, 'breached'), at(12, 'missed'), at(29.9, 'missed'), at(30, 'missed'), at(2, 'met'), at(3, 'missed', 'tech')], {
      now,
      windowMs: 30 * day,
      moreThan: 3,
    });
    expect(result.map(({ group, breaches, exceeds }) => [group, breaches, exceeds])).toEqual([
      ['billing', 4, true],
      ['tech', 1, false],
    ]);
  });

  it('takes the median time to resolution in business or calendar time', () => {
    const policy = defineSlaPolicy({
      id: 'median',
      calendars: { desk: { timeZone: 'UTC', hours: weekdays } },
      rules: [{ id: 'all', targets: [{ id: 'ttr', metric: 'resolution', within: { hours: 48 }, calendar: 'desk' }] }],
    });
    const ticket = (created: string, solved: string) => ({ events: [{ type: 'created', at: created } as const, { type: 'status', status: 'solved', at: solved } as const] });
    const now = new Date('2026-12-31T00:00:00Z');
    const clocks = [
      ticket('2026-11-23T09:00:00Z', '2026-11-23T13:00:00Z'), // 4 h, 4 business h
      ticket('2026-11-20T16:00:00Z', '2026-11-23T10:00:00Z'), // 66 h, 2 business h
      ticket('2026-11-24T09:00:00Z', '2026-11-25T09:00:00Z'), // 24 h, 8 business h
    ].flatMap((t) => evaluateSla(policy, t, now).clocks);
    expect(medianClockTime(clocks)).toEqual({ medianMs: 4 * HOUR, sample: 3 });
    expect(medianClockTime(clocks, 'calendar')).toEqual({ medianMs: 24 * HOUR, sample: 3 });
    expect(medianClockTime([])).toEqual({ medianMs: null, sample: 0 });
  });
});
