import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupportRulesError } from '../../src/errors/index.js';
import { breachesByGroup, CLOCK_STATUSES, evaluateSla, slaStatusByMetric, type ClockStatus } from '../../src/sla/index.js';
import { errorOf } from '../helpers/errors.js';
import { deskSla, reopenedTicket } from '../helpers/reopened-ticket.js';

// The SLA side of issue 12, points 5 and 7: an escalation case reads a ticket's SLA state by
// metric (slaStatusByMetric), and counts breaches in the same window the escalation policy holds
// (breachesByGroup with `window: { days }`).

const sla = deskSla;
const ticket = reopenedTicket;
const stateAt = (now: string) => slaStatusByMetric(evaluateSla(sla, ticket, now));

describe('slaStatusByMetric: the current SLA state of a ticket, by metric', () => {
  it('takes the latest cycle: the reopened resolution clock, not the missed first one', () => {
    const report = evaluateSla(sla, ticket, '2026-11-25T14:00:00-06:00');
    expect(report.clocks.map((c) => [c.metric, c.cycle, c.status])).toEqual([
      ['firstResponse', 1, 'met'],
      ['resolution', 1, 'missed'],
      ['resolution', 2, 'ok'],
    ]);
    expect(slaStatusByMetric(report)).toEqual({ firstResponse: 'met', resolution: 'ok' });
  });

  it('turns at-risk at exactly Wed 15:00 CST (6 of 8 business hours) and breached just after Thu 09:00', () => {
    expect(stateAt('2026-11-25T14:59:59.999-06:00').resolution).toBe('ok');
    expect(stateAt('2026-11-25T15:00:00-06:00').resolution).toBe('at-risk');
    // Wed 17:00 to Thu 09:00 is closed: the clock is at 8 hours, not over them.
    expect(stateAt('2026-11-26T09:00:00-06:00').resolution).toBe('at-risk');
    expect(stateAt('2026-11-26T09:00:00.001-06:00').resolution).toBe('breached');
  });

  it('has no entry for a metric without a clock (no nextResponse target here), in report order', () => {
    expect(Object.keys(stateAt('2026-11-23T09:10:00-06:00'))).toEqual(['firstResponse', 'resolution']);
    expect(stateAt('2026-11-23T09:10:00-06:00')).not.toHaveProperty('nextResponse');
    expect(slaStatusByMetric({ clocks: [] })).toEqual({});
  });

  it('does not depend on the order of the clocks; of two clocks of one cycle, the later wins', () => {
    const clocks = [
      { metric: 'nextResponse', cycle: 3, status: 'at-risk' },
      { metric: 'nextResponse', cycle: 1, status: 'missed' },
      { metric: 'nextResponse', cycle: 2, status: 'met' },
    ] as const;
    expect(slaStatusByMetric({ clocks })).toEqual({ nextResponse: 'at-risk' });
    expect(slaStatusByMetric({ clocks: [...clocks, { metric: 'nextResponse', cycle: 3, status: 'breached' }] })).toEqual({ nextResponse: 'breached' });
  });

  it('keeps a metric named "__proto__" as a metric (an own property)', () => {
    const state = slaStatusByMetric({ clocks: [{ metric: '__proto__', cycle: 1, status: 'ok' }] });
    expect(Object.hasOwn(state, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  });

  it('matches the documented example', () => {
    const report = {
      clocks: [
        { metric: 'firstResponse', cycle: 1, status: 'met' },
        { metric: 'resolution', cycle: 1, status: 'missed' },
        { metric: 'resolution', cycle: 2, status: 'at-risk' },
      ],
    } as const;
    expect(slaStatusByMetric(report)).toEqual({ firstResponse: 'met', resolution: 'at-risk' });
  });

  it('checks its argument: every problem at its own path', () => {
    expect(errorOf(() => slaStatusByMetric(null as never))).toEqual(['INVALID_TYPE', 'report']);
    expect(errorOf(() => slaStatusByMetric({} as never))).toEqual(['REQUIRED', 'clocks']);
    expect(errorOf(() => slaStatusByMetric({ clocks: 'x' } as never))).toEqual(['INVALID_TYPE', 'clocks']);
    expect(errorOf(() => slaStatusByMetric({ clocks: [7] } as never))).toEqual(['INVALID_TYPE', 'clocks.0']);
    expect(errorOf(() => slaStatusByMetric({ clocks: [{ metric: '', cycle: 1, status: 'ok' }] } as never))).toEqual(['INVALID_TYPE', 'clocks.0.metric']);
    expect(errorOf(() => slaStatusByMetric({ clocks: [{ metric: 'resolution', cycle: 0, status: 'ok' }] } as never))).toEqual(['INVALID_FACT', 'clocks.0.cycle']);
    expect(errorOf(() => slaStatusByMetric({ clocks: [{ metric: 'resolution', status: 'ok' }] } as never))).toEqual(['REQUIRED', 'clocks.0.cycle']);
    try {
      slaStatusByMetric({ clocks: [{ metric: 'resolution', cycle: 1, status: 'Breached' }] } as never);
      expect.unreachable();
    } catch (error) {
      const e = error as SupportRulesError;
      expect([e.code, e.path, e.issues[0]?.suggestion]).toEqual(['INVALID_VALUE', ['clocks', 0, 'status'], 'breached']);
    }
  });

  it('law: per metric, the status of the highest cycle (ties: the later clock), as a simple reference computes it', () => {
    const clock = fc.record({ metric: fc.constantFrom('firstResponse', 'resolution', 'nextResponse', 'rmaIssued'), cycle: fc.integer({ min: 1, max: 4 }), status: fc.constantFrom(...CLOCK_STATUSES) });
    fc.assert(
      fc.property(fc.array(clock, { maxLength: 12 }), (clocks) => {
        const reference: Record<string, ClockStatus> = {};
        const best: Record<string, number> = {};
        for (const c of clocks) {
          if (best[c.metric] === undefined || c.cycle >= (best[c.metric] as number)) {
            best[c.metric] = c.cycle;
            reference[c.metric] = c.status;
          }
        }
        expect(slaStatusByMetric({ clocks })).toEqual(reference);
      }),
    );
  });

  it('knows the five clock statuses', () => {
    expect([...CLOCK_STATUSES].sort()).toEqual(['at-risk', 'breached', 'met', 'missed', 'ok']);
  });
});

describe('breachesByGroup with the window of an escalation policy (window: { days })', () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-11-30T00:00:00Z');
  const at = (ms: number) => ({ group: 'billing', status: 'missed' as const, deadline: new Date(ms) });

  it('counts (now - 30 × 24 h, now]: a breach exactly 30 days back is out, one millisecond later is in', () => {
    const clocks = [at(now - 30 * DAY), at(now - 30 * DAY + 1), at(now), at(now + 1)];
    expect(breachesByGroup(clocks, { now, window: { days: 30 } }).map(({ breaches, firstAt, lastAt }) => [breaches, firstAt?.toISOString(), lastAt?.toISOString()])).toEqual([
      [2, '2026-10-31T00:00:00.001Z', '2026-11-30T00:00:00.000Z'],
    ]);
    expect(breachesByGroup(clocks, { now, window: { days: 30 } })).toEqual(breachesByGroup(clocks, { now, windowMs: 30 * DAY }));
  });

  it('is 24-hour days whatever the zone: 30 days back across the DST change of 2026-11-01 is still 720 hours', () => {
    const clocks = [at(Date.parse('2026-10-31T00:00:00.001Z')), at(Date.parse('2026-10-30T23:59:59.999Z'))];
    expect(breachesByGroup(clocks, { now, window: { days: 30 } })[0]?.breaches).toBe(1);
  });

  it('matches the documented example: the four November breaches in the 30 days to Nov 30', () => {
    const clocks = ['2026-11-02', '2026-11-10', '2026-11-20', '2026-11-28'].map((day) => ({ group: 'billing', status: 'missed' as const, deadline: new Date(`${day}T12:00:00Z`) }));
    expect(breachesByGroup(clocks, { now: new Date('2026-11-30T00:00Z'), window: { days: 30 } })[0]?.breaches).toBe(4);
  });

  it('refuses a window given twice or badly, at its own path', () => {
    expect(errorOf(() => breachesByGroup([], { now, window: { days: 30 }, windowMs: 30 * DAY } as never))).toEqual(['CONFLICTING_FIELDS', 'window']);
    expect(errorOf(() => breachesByGroup([], { now, window: { days: 0 } }))).toEqual(['INVALID_DURATION', 'window.days']);
    expect(errorOf(() => breachesByGroup([], { now, window: { days: 1.5 } }))).toEqual(['INVALID_DURATION', 'window.days']);
    expect(errorOf(() => breachesByGroup([], { now, window: { days: 3651 } }))).toEqual(['INVALID_DURATION', 'window.days']);
    expect(errorOf(() => breachesByGroup([], { now, window: 30 } as never))).toEqual(['INVALID_TYPE', 'window']);
    expect(errorOf(() => breachesByGroup([], { now, window: { weeks: 4 } } as never))).toEqual(['UNKNOWN_KEY', 'window.weeks']);
    expect(errorOf(() => breachesByGroup([], { now } as never))).toEqual(['REQUIRED', 'windowMs']);
  });

  it('law: window { days: n } counts exactly what windowMs: n × 86,400,000 counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60 * DAY, max: 5 * DAY }), { maxLength: 20 }), fc.integer({ min: 1, max: 60 }), (offsets, days) => {
        const clocks = offsets.map((offset) => at(now + offset));
        expect(breachesByGroup(clocks, { now, window: { days } })).toEqual(breachesByGroup(clocks, { now, windowMs: days * DAY }));
      }),
    );
  });
});
