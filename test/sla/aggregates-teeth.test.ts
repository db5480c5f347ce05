import { describe, expect, it } from 'vitest';
import { breachesByGroup, medianClockTime, serviceLevel, slaStatusByMetric } from '../../src/sla/index.js';
import { thrownError } from '../helpers/errors.js';

// Boundaries and argument checks of the aggregates a caller builds reports on: a duration at the
// threshold, a breach count at `moreThan`, an even sample's median, and every bad argument reported
// once, at the caller's own path.

/** Every issue of the error a call throws, as `[code, path]`. */
const issuesOf = (fn: () => unknown) => thrownError(fn).issues.map((issue) => [issue.code, issue.path.join('.')]);

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('serviceLevel: boundaries and bad durations', () => {
  it('counts a zero duration, and one exactly at the threshold, as within', () => {
    expect(serviceLevel([0], 0)).toEqual({ total: 1, within: 1, percent: 100, thresholdMs: 0 });
    expect(serviceLevel([0, 20_000, 20_001], 20_000)).toMatchObject({ total: 3, within: 2 });
  });

  it('refuses an infinite, negative, NaN or non-number duration, each at its own index', () => {
    expect(issuesOf(() => serviceLevel([5, Number.POSITIVE_INFINITY, -1, Number.NaN, '5' as never], 10))).toEqual([
      ['INVALID_DURATION', 'durationsMs.1'],
      ['INVALID_DURATION', 'durationsMs.2'],
      ['INVALID_DURATION', 'durationsMs.3'],
      ['INVALID_DURATION', 'durationsMs.4'],
    ]);
  });

  it('reports a list that is not a list once, at durationsMs', () => {
    expect(issuesOf(() => serviceLevel('5' as never, 10))).toEqual([['INVALID_TYPE', 'durationsMs']]);
  });
});

describe('breachesByGroup: who exceeds, in which order, and bad input', () => {
  const now = Date.parse('2026-11-30T00:00:00Z');
  const clock = (group: string, status: 'missed' | 'breached' | 'met' | 'ok', daysAgo: number) => ({ group, status, deadline: new Date(now - daysAgo * DAY) });

  it('a group exceeds only with more breaches than moreThan: at the threshold it does not', () => {
    const clocks = [clock('billing', 'missed', 1), clock('billing', 'breached', 2), clock('tech', 'missed', 1), clock('tech', 'missed', 2), clock('tech', 'missed', 3)];
    expect(breachesByGroup(clocks, { now, windowMs: 30 * DAY, moreThan: 2 }).map(({ group, breaches, exceeds }) => [group, breaches, exceeds])).toEqual([
      ['billing', 2, false],
      ['tech', 3, true],
    ]);
  });

  it('lists a group with no breach, with exceeds false and no first or last breach (default moreThan 0)', () => {
    const result = breachesByGroup([clock('billing', 'met', 1), clock('billing', 'ok', 2), clock('tech', 'missed', 3)], { now, windowMs: 30 * DAY });
    expect(result).toEqual([
      { group: 'billing', breaches: 0, exceeds: false, firstAt: null, lastAt: null },
      { group: 'tech', breaches: 1, exceeds: true, firstAt: new Date(now - 3 * DAY), lastAt: new Date(now - 3 * DAY) },
    ]);
  });

  it('sorts the groups by name whatever order the clocks come in', () => {
    const names = ['tech', 'billing', 'returns', 'accounts', 'sales'];
    for (const order of [names, [...names].reverse(), ['billing', 'tech', 'accounts', 'sales', 'returns']]) {
      expect(breachesByGroup(order.map((group) => clock(group, 'missed', 1)), { now, windowMs: DAY }).map((g) => g.group)).toEqual(['accounts', 'billing', 'returns', 'sales', 'tech']);
    }
  });

  it('counts a clock at its breachedAt, and at its deadline when breachedAt is null', () => {
    const late = { group: 'billing', status: 'missed' as const, deadline: new Date(now - 40 * DAY), breachedAt: new Date(now - DAY) };
    const plain = { group: 'billing', status: 'missed' as const, deadline: new Date(now - 2 * DAY), breachedAt: null };
    expect(breachesByGroup([late, plain], { now, window: { days: 30 } })[0]).toMatchObject({ breaches: 2, firstAt: new Date(now - 2 * DAY), lastAt: new Date(now - DAY) });
  });

  it('takes a window of 3650 days, the longest allowed', () => {
    expect(breachesByGroup([clock('billing', 'missed', 3000)], { now, window: { days: 3650 } })[0]?.breaches).toBe(1);
  });

  it('refuses bad options, each at its own path', () => {
    expect(issuesOf(() => breachesByGroup([], { windowMs: DAY } as never))).toEqual([['REQUIRED', 'now']]);
    expect(issuesOf(() => breachesByGroup([], { now: 'soon', windowMs: DAY } as never))).toEqual([['INVALID_INSTANT', 'now']]);
    expect(issuesOf(() => breachesByGroup([], { now, windowMs: 0 }))).toEqual([['INVALID_DURATION', 'windowMs']]);
    expect(issuesOf(() => breachesByGroup([], { now, window: {} } as never))).toEqual([['REQUIRED', 'window.days']]);
    expect(issuesOf(() => breachesByGroup([], { now, windowMs: DAY, moreThan: 1.5 }))).toEqual([['INVALID_FACT', 'moreThan']]);
    expect(issuesOf(() => breachesByGroup([], null as never))).toEqual([['INVALID_TYPE', 'options']]);
  });

  it('refuses bad clocks, every one at its own path and once', () => {
    expect(issuesOf(() => breachesByGroup('clocks' as never, { now, windowMs: DAY }))).toEqual([['INVALID_TYPE', 'clocks']]);
    const at = new Date(now);
    expect(
      issuesOf(() =>
        breachesByGroup(
          [
            7,
            { status: 'missed', deadline: at },
            { group: '', status: 'missed', deadline: at },
            { group: 'billing', deadline: at },
            { group: 'billing', status: 'late', deadline: at },
            { group: 'billing', status: 'missed' },
            { group: 'billing', status: 'missed', deadline: at, breachedAt: 'later' },
          ] as never,
          { now, windowMs: DAY },
        ),
      ),
    ).toEqual([
      ['INVALID_TYPE', 'clocks.0'],
      ['REQUIRED', 'clocks.1.group'],
      ['INVALID_TYPE', 'clocks.2.group'],
      ['REQUIRED', 'clocks.3.status'],
      ['INVALID_VALUE', 'clocks.4.status'],
      ['REQUIRED', 'clocks.5.deadline'],
      ['INVALID_INSTANT', 'clocks.6.breachedAt'],
    ]);
  });
});

describe('slaStatusByMetric: bad reports, every problem once at its own path', () => {
  it('reports a missing or non-list clocks once', () => {
    expect(issuesOf(() => slaStatusByMetric(null as never))).toEqual([['INVALID_TYPE', 'report']]);
    expect(issuesOf(() => slaStatusByMetric({} as never))).toEqual([['REQUIRED', 'clocks']]);
    expect(issuesOf(() => slaStatusByMetric({ clocks: 'x' } as never))).toEqual([['INVALID_TYPE', 'clocks']]);
  });

  it('names the field of each bad clock', () => {
    expect(
      issuesOf(() =>
        slaStatusByMetric({
          clocks: [
            { cycle: 1, status: 'ok' },
            { metric: 'resolution', cycle: 1.5, status: 'ok' },
            { metric: 'resolution', cycle: 1 },
            { metric: 'resolution', cycle: 1, status: 'late' },
          ],
        } as never),
      ),
    ).toEqual([
      ['REQUIRED', 'clocks.0.metric'],
      ['INVALID_FACT', 'clocks.1.cycle'],
      ['REQUIRED', 'clocks.2.status'],
      ['INVALID_VALUE', 'clocks.3.status'],
    ]);
  });
});

describe('medianClockTime: which clocks count, even samples and bad clocks', () => {
  const start = Date.parse('2026-11-23T09:00:00Z');
  const stopped = (hours: number, businessHours: number) => ({ startedAt: new Date(start), stoppedAt: new Date(start + hours * HOUR), elapsedMs: businessHours * HOUR });

  it('takes the mean of the two middle values of an even sample', () => {
    expect(medianClockTime([stopped(10, 8), stopped(2, 2), stopped(30, 6), stopped(1, 1)])).toEqual({ medianMs: 4 * HOUR, sample: 4 });
    expect(medianClockTime([stopped(10, 8), stopped(2, 2)], 'calendar')).toEqual({ medianMs: 6 * HOUR, sample: 2 });
  });

  it('leaves running clocks out, and counts a clock stopped with no business time as 0', () => {
    const running = { startedAt: new Date(start), stoppedAt: null, elapsedMs: 5 * HOUR };
    expect(medianClockTime([running, stopped(0, 0)])).toEqual({ medianMs: 0, sample: 1 });
    expect(medianClockTime([running])).toEqual({ medianMs: null, sample: 0 });
  });

  it('refuses an unknown basis once, without checking fields that basis would need', () => {
    expect(issuesOf(() => medianClockTime([{ startedAt: new Date(start), stoppedAt: new Date(start + HOUR) }] as never, 'wall' as never))).toEqual([['INVALID_VALUE', 'basis']]);
  });

  it('refuses bad clocks, every one at its own path and once', () => {
    expect(issuesOf(() => medianClockTime('x' as never))).toEqual([['INVALID_TYPE', 'clocks']]);
    const stop = new Date(start + HOUR);
    expect(issuesOf(() => medianClockTime([7, { elapsedMs: 1 }, { stoppedAt: 'x', elapsedMs: 1 }, { stoppedAt: stop, elapsedMs: -1 }] as never))).toEqual([
      ['INVALID_TYPE', 'clocks.0'],
      ['REQUIRED', 'clocks.1.stoppedAt'],
      ['INVALID_INSTANT', 'clocks.2.stoppedAt'],
      ['INVALID_DURATION', 'clocks.3.elapsedMs'],
    ]);
    expect(issuesOf(() => medianClockTime([{ stoppedAt: stop }, { stoppedAt: stop, startedAt: 'x' }] as never, 'calendar'))).toEqual([
      ['REQUIRED', 'clocks.0.startedAt'],
      ['INVALID_INSTANT', 'clocks.1.startedAt'],
    ]);
  });
});
