import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import type { Issue } from '../../src/errors/index.js';
import { backOfficeClock, breachesByGroup, serviceLevel } from '../../src/sla/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// Back-office deadlines are checked like requests: every problem at the caller's own path, and
// nothing else reported beside it; a clock's edges (done at the start, a zero-length pause) are
// decided, not refused.

const HOUR = 3_600_000;
const always = createCalendar({ timeZone: 'UTC', alwaysOpen: true });
const start = '2026-11-23T09:00:00Z';
const task = { id: 'rmaIssued', calendar: always, within: { hours: 8 }, start };
const clock = (input: unknown, now: unknown = '2026-11-23T12:00:00Z') => backOfficeClock(input as never, now as never);
const issuesOf = (run: () => unknown) => thrownError(run).issues.map((i: Issue) => [i.code, i.path.join('.')]);

describe('a back-office task is checked field by field', () => {
  it('refuses a task that is not an object, and still checks now beside it', () => {
    expect(issuesOf(() => clock(null, '2026-11-23T12:00:00Z'))).toEqual([['INVALID_TYPE', '']]);
    expect(issuesOf(() => clock(null, 'tomorrow'))).toEqual([
      ['INVALID_TYPE', ''],
      ['INVALID_INSTANT', 'now'],
    ]);
    expect(issuesOf(() => backOfficeClock(null as never, undefined as never))).toEqual([
      ['INVALID_TYPE', ''],
      ['REQUIRED', 'now'],
    ]);
  });

  it('names each required field left out, once, at its own path', () => {
    expect(issuesOf(() => clock({}))).toEqual([
      ['REQUIRED', 'id'],
      ['REQUIRED', 'start'],
      ['REQUIRED', 'calendar'],
      ['REQUIRED', 'within'],
    ]);
    expect(issuesOf(() => backOfficeClock(task, undefined as never))).toEqual([['REQUIRED', 'now']]);
  });

  it('refuses a broken done or now at its own path', () => {
    expect(issuesOf(() => clock({ ...task, done: 'tomorrow' }))).toEqual([['INVALID_INSTANT', 'done']]);
    expect(issuesOf(() => clock(task, 'tomorrow'))).toEqual([['INVALID_INSTANT', 'now']]);
  });

  it('refuses something that is not a calendar, but lets an error of the caller\'s own object through', () => {
    expect(issuesOf(() => clock({ ...task, calendar: { timeZone: 'UTC', alwaysOpen: true } }))).toEqual([['INVALID_CALENDAR', 'calendar']]);
    // …listed with every other problem of the task.
    expect(issuesOf(() => clock({ ...task, id: '', calendar: 'always', within: {} }))).toEqual([
      ['INVALID_TYPE', 'id'],
      ['INVALID_CALENDAR', 'calendar'],
      ['INVALID_WITHIN', 'within'],
    ]);
    const broken = new Proxy(
      {},
      {
        get() {
          throw new RangeError('the caller\'s own bug');
        },
      },
    );
    expect(() => clock({ ...task, calendar: broken })).toThrow(RangeError);
  });
});

describe('the edges of a back-office clock', () => {
  it('takes a task done at the very instant it started as met in no time, and refuses one done a millisecond before', () => {
    const done = clock({ ...task, done: start });
    expect([done.status, done.elapsedMs, done.stoppedBy, done.stoppedAt?.toISOString()]).toEqual(['met', 0, 'fulfilled', '2026-11-23T09:00:00.000Z']);
    expect(issuesOf(() => clock({ ...task, done: Date.parse(start) - 1 }))).toEqual([['INVALID_RANGE', 'done']]);
  });

  it('has no stop while the task is not done (done left out or null)', () => {
    for (const done of [undefined, null]) {
      const running = clock({ ...task, done });
      expect([running.status, running.stoppedBy, running.stoppedAt, running.elapsedMs]).toEqual(['ok', null, null, 3 * HOUR]);
    }
  });

  it('takes a pause that ends when it starts (no time paused), and refuses one that ends a millisecond before', () => {
    const at = Date.parse('2026-11-23T10:00:00Z');
    const empty = clock({ ...task, pauses: [[at, at]] });
    expect([empty.pausedMs, empty.elapsedMs, empty.deadline.toISOString()]).toEqual([0, 3 * HOUR, '2026-11-23T17:00:00.000Z']);
    expect(issuesOf(() => clock({ ...task, pauses: [[at, at - 1]] }))).toEqual([['INVALID_RANGE', 'pauses.0.1']]);
  });

  it('gives the same clock whatever order the pauses come in', () => {
    const pauses = [
      ['2026-11-23T09:30:00Z', '2026-11-23T10:00:00Z'],
      ['2026-11-23T10:30:00Z', '2026-11-23T11:30:00Z'],
    ];
    const inOrder = clock({ ...task, pauses });
    expect([inOrder.pausedMs, inOrder.elapsedMs, inOrder.deadline.toISOString()]).toEqual([1.5 * HOUR, 1.5 * HOUR, '2026-11-23T18:30:00.000Z']);
    expect(clock({ ...task, pauses: [...pauses].reverse() })).toEqual(inOrder);
  });
});

describe('a within used again', () => {
  it('gives the same deadline for a frozen within on every call', () => {
    const within = Object.freeze({ hours: 8 });
    const first = clock({ ...task, within });
    expect(first.deadline.toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(clock({ ...task, within })).toEqual(first);
  });

  it('checks a within again after the caller changed it', () => {
    const within: Record<string, number> = { hours: 8 };
    expect(clock({ ...task, within }).deadline.toISOString()).toBe('2026-11-23T17:00:00.000Z');
    delete within.hours;
    within.minutes = -5;
    expect(errorOf(() => clock({ ...task, within }))[1]).toMatch(/^within/);
  });

  it('refuses a frozen broken within on every call, not only the first', () => {
    const within = Object.freeze({ hours: -1 });
    const first = issuesOf(() => clock({ ...task, within }));
    expect(first).toEqual([
      ['OUT_OF_BOUNDS', 'within.hours'],
      ['INVALID_WITHIN', 'within'],
    ]);
    expect(issuesOf(() => clock({ ...task, within }))).toEqual(first);
  });
});

describe('durations in the aggregates', () => {
  it('takes a service-level threshold of 0 ms and refuses one below it', () => {
    expect(serviceLevel([0, 1], 0)).toMatchObject({ total: 2, within: 1 });
    expect(errorOf(() => serviceLevel([0, 1], -1))).toEqual(['INVALID_DURATION', 'thresholdMs']);
    expect(errorOf(() => serviceLevel([0, 1], '5' as never))).toEqual(['INVALID_DURATION', 'thresholdMs']);
  });

  it('refuses a breach window of 0 ms (it would hold no breach) but takes 1 ms', () => {
    const clocks = [{ group: 'billing', status: 'missed' as const, deadline: '2026-11-30T00:00:00Z' }];
    expect(errorOf(() => breachesByGroup(clocks, { now: '2026-11-30T00:00:00Z', windowMs: 0 }))).toEqual(['INVALID_DURATION', 'windowMs']);
    expect(breachesByGroup(clocks, { now: '2026-11-30T00:00:00Z', windowMs: 1 })).toMatchObject([{ group: 'billing', breaches: 1 }]);
  });
});

describe('what the errors of a back-office task tell the caller', () => {
  const messageAt = (input: unknown, path: string) => thrownError(() => clock(input)).issues.find((i) => i.path.join('.') === path)?.message ?? '';

  it('says what to give for each required field left out', () => {
    expect(messageAt({}, 'id')).toContain('a name for the deadline');
    expect(messageAt({}, 'start')).toContain('the instant the deadline counts from');
    expect(messageAt({}, 'calendar')).toContain('createCalendar');
    expect(messageAt({}, 'within')).toContain('{ businessDays }');
  });

  it('names the field a null, a non-list or an unknown key is at, and what it belongs to', () => {
    expect(messageAt({ ...task, calendarName: null }, 'calendarName')).toContain('"calendarName"');
    expect(messageAt({ ...task, pauses: 5 }, 'pauses')).toContain('"pauses" must be a list of pauses [from, to]');
    expect(messageAt({ ...task, widthin: 1 }, 'widthin')).toContain('of a back-office task');
  });
});
