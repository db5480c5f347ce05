import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessTimeBetween, createCalendar, isOpen, nextClose, nextOpen, type Calendar, type CalendarSpec } from '../../src/calendar/index.js';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  backOfficeClock,
  breachesByGroup,
  defineSlaPolicy,
  evaluateSla,
  type BackOfficeTask,
  type SlaClock,
  type SlaPolicy,
  type Within,
} from '../../src/sla/index.js';
import { DAY_MS, MINUTE_MS } from '../reference/calendar.js';
import { HOUR_MS, calendarFor, instant2026Arb, scenarioArb, slaCalendarSpecArb, withinArb, withinMsOf } from './arbitraries.js';

// Issue 12, point 9: a deadline at a closing instant is not a trap. Met / missed and breached are
// decided on business time used against the target, not on the wall clock: a reply after a
// deadline that fell at a closing instant, before the calendar opens again, has used no more than
// the target. `deadline` stays at the instant the target's business time runs out (for display);
// `breachedAt` is the first instant the clock is over its target.

const NUM_RUNS = Number(process.env.SLA_FC_RUNS ?? 200);
const params = { numRuns: NUM_RUNS };
const iso = (d: Date | number | null) => (d === null ? null : new Date(d).toISOString());

const weekdays = (ranges: string[]) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ranges]));
const DESK: CalendarSpec = { timeZone: 'America/Chicago', hours: weekdays(['09:00-17:00']) };
const SPLIT: CalendarSpec = { timeZone: 'America/Chicago', hours: weekdays(['09:00-12:00', '13:00-17:00']) };

/** One firstResponse target of `within` on `calendar`. */
const firstResponsePolicy = (calendar: CalendarSpec, within: Within): SlaPolicy =>
  defineSlaPolicy({ id: 'closing', calendars: { desk: calendar }, rules: [{ id: 'all', targets: [{ id: 'fr', metric: 'firstResponse', within, calendar: 'desk' }] }] });

/** The first-response clock of a ticket created at `created`, answered at `reply` (or not), as of `now`. */
function firstResponse(policy: SlaPolicy, created: string, reply: string | number | null, now: string | number = reply ?? created): SlaClock {
  const events = [{ type: 'created' as const, at: created }, ...(reply === null ? [] : [{ type: 'agentReply' as const, at: reply }])];
  const report = evaluateSla(policy, { id: 'T-1', events }, now);
  return report.clocks[0] as SlaClock;
}

/** What a worked example asserts of a clock. */
const summary = (clock: SlaClock) => ({
  status: clock.status,
  deadline: iso(clock.deadline),
  breachedAt: iso(clock.breachedAt),
  elapsedMinutes: clock.elapsedMs / MINUTE_MS,
  afterDeadline: clock.reasons[0]?.facts.afterDeadline,
});

describe('the worked example: 4 business hours from Mon 13:00 on Mon-Fri 09:00-17:00 America/Chicago', () => {
  const policy = firstResponsePolicy(DESK, { hours: 4 });
  const created = '2026-11-23T13:00:00-06:00';
  const DEADLINE = '2026-11-23T23:00:00.000Z'; // Mon 17:00 CST, the close: the 4 h run out there
  const OVER_AT = '2026-11-24T15:00:00.001Z'; // one ms after Tue 09:00 CST, the next opening

  it.each([
    ['Mon 16:59', '2026-11-23T16:59:00-06:00', { status: 'met', breachedAt: null, elapsedMinutes: 239, afterDeadline: false }],
    ['Mon 17:00 (the deadline, a closing instant)', '2026-11-23T17:00:00-06:00', { status: 'met', breachedAt: null, elapsedMinutes: 240, afterDeadline: false }],
    ['Mon 17:05 (closed: no business time since the deadline)', '2026-11-23T17:05:00-06:00', { status: 'met', breachedAt: null, elapsedMinutes: 240, afterDeadline: true }],
    ['Tue 09:00 (the next opening: still exactly 240 business minutes)', '2026-11-24T09:00:00-06:00', { status: 'met', breachedAt: null, elapsedMinutes: 240, afterDeadline: true }],
    ['Tue 09:01', '2026-11-24T09:01:00-06:00', { status: 'missed', breachedAt: OVER_AT, elapsedMinutes: 241, afterDeadline: true }],
  ])('a reply at %s', (_label, reply, expected) => {
    expect(summary(firstResponse(policy, created, reply))).toEqual({ deadline: DEADLINE, ...expected });
  });

  it('a reply one millisecond after the next opening is missed, and breachedAt is that instant', () => {
    const late = firstResponse(policy, created, OVER_AT);
    expect([late.status, iso(late.breachedAt), late.elapsedMs - late.targetMs]).toEqual(['missed', OVER_AT, 1]);
  });

  it.each([
    ['Mon 15:59', '2026-11-23T15:59:00-06:00', 'ok', null],
    ['Mon 16:00 (75 % used)', '2026-11-23T16:00:00-06:00', 'at-risk', null],
    ['Mon 16:59', '2026-11-23T16:59:00-06:00', 'at-risk', null],
    ['Mon 17:00', '2026-11-23T17:00:00-06:00', 'at-risk', null],
    ['Mon 17:05', '2026-11-23T17:05:00-06:00', 'at-risk', null],
    ['Tue 09:00', '2026-11-24T09:00:00-06:00', 'at-risk', null],
    ['Tue 09:00:00.001', OVER_AT, 'breached', OVER_AT],
    ['Tue 09:01', '2026-11-24T09:01:00-06:00', 'breached', OVER_AT],
  ])('unanswered, as of %s: %s', (_label, now, status, breachedAt) => {
    const clock = firstResponse(policy, created, null, now);
    expect([clock.status, iso(clock.deadline), iso(clock.breachedAt), iso(clock.atRiskAt)]).toEqual([status, DEADLINE, breachedAt, '2026-11-23T22:00:00.000Z']);
  });

  it('the reasons say it: the deadline has passed on the wall clock, but no business time has been counted since', () => {
    const met = firstResponse(policy, created, '2026-11-23T17:05:00-06:00').reasons[0];
    expect(met?.code).toBe('SLA_MET');
    expect(met?.facts).toMatchObject({ targetMs: 4 * HOUR_MS, elapsedMs: 4 * HOUR_MS, remainingMs: 0, afterDeadline: true });
    expect(met?.message).toBe('firstResponse met: 4 h of 4 h used (past its deadline on the wall clock, but no business time has been counted since).');
    const onTime = firstResponse(policy, created, '2026-11-23T16:00:00-06:00').reasons[0];
    expect(onTime?.message).toBe('firstResponse met: 3 h of 4 h used.');
    const running = firstResponse(policy, created, null, '2026-11-24T09:00:00-06:00').reasons[0];
    expect(running?.code).toBe('SLA_AT_RISK');
    expect(running?.message).toBe(
      'firstResponse at risk: 0 h of 4 h left (past its deadline on the wall clock, but no business time has been counted since; over once it is).',
    );
    const breached = firstResponse(policy, created, null, '2026-11-24T09:30:00-06:00').reasons[0];
    expect([breached?.code, breached?.facts.remainingMs, breached?.message]).toEqual(['SLA_BREACHED', -30 * MINUTE_MS, 'firstResponse breached: past its deadline, 0.5 h over.']);
  });
});

describe('other calendars and boundaries', () => {
  it('across the night clocks go back: Fri 2026-10-30 13:00 CDT + 4 h is due Fri 17:00 CDT; a reply at Mon 09:00 CST is met', () => {
    const policy = firstResponsePolicy(DESK, { hours: 4 });
    const created = '2026-10-30T13:00:00-05:00';
    const met = firstResponse(policy, created, '2026-11-02T09:00:00-06:00');
    expect(summary(met)).toEqual({ status: 'met', deadline: '2026-10-30T22:00:00.000Z', breachedAt: null, elapsedMinutes: 240, afterDeadline: true });
    const missed = firstResponse(policy, created, '2026-11-02T09:00:00.001-06:00');
    expect([missed.status, iso(missed.breachedAt)]).toEqual(['missed', '2026-11-02T15:00:00.001Z']);
    // Running: at-risk all weekend (65 wall-clock hours past the deadline, across the repeated hour), breached just after the opening.
    expect(firstResponse(policy, created, null, '2026-11-02T09:00:00-06:00').status).toBe('at-risk');
    expect(firstResponse(policy, created, null, '2026-11-02T09:00:00.001-06:00').status).toBe('breached');
  });

  it('across the night clocks go forward: Fri 2026-03-06 13:00 CST + 4 h is over only after Mon 09:00 CDT', () => {
    const policy = firstResponsePolicy(DESK, { hours: 4 });
    const created = '2026-03-06T13:00:00-06:00';
    const met = firstResponse(policy, created, '2026-03-09T09:00:00-05:00');
    expect(summary(met)).toEqual({ status: 'met', deadline: '2026-03-06T23:00:00.000Z', breachedAt: null, elapsedMinutes: 240, afterDeadline: true });
    const running = firstResponse(policy, created, null, '2026-03-09T09:30:00-05:00');
    expect([running.status, iso(running.breachedAt)]).toEqual(['breached', '2026-03-09T14:00:00.001Z']);
  });

  it('a split shift 09:00-12:00, 13:00-17:00: 2 h from Mon 10:00 run out at 12:00; replies through the lunch break are met', () => {
    const policy = firstResponsePolicy(SPLIT, { hours: 2 });
    const created = '2026-11-23T10:00:00-06:00';
    const deadline = '2026-11-23T18:00:00.000Z'; // Mon 12:00 CST
    expect(summary(firstResponse(policy, created, '2026-11-23T12:30:00-06:00'))).toEqual({ status: 'met', deadline, breachedAt: null, elapsedMinutes: 120, afterDeadline: true });
    expect(firstResponse(policy, created, '2026-11-23T13:00:00-06:00').status).toBe('met');
    const late = firstResponse(policy, created, '2026-11-23T13:00:00.001-06:00');
    expect([late.status, iso(late.breachedAt)]).toEqual(['missed', '2026-11-23T19:00:00.001Z']);
    expect(firstResponse(policy, created, null, '2026-11-23T12:30:00-06:00').status).toBe('at-risk');
    expect(firstResponse(policy, created, null, '2026-11-23T13:01:00-06:00').status).toBe('breached');
  });

  it('a deadline inside open time: breachedAt is one millisecond after it', () => {
    const policy = firstResponsePolicy(DESK, { hours: 2 });
    const clock = firstResponse(policy, '2026-11-23T10:00:00-06:00', null, '2026-11-23T15:00:00-06:00');
    expect([iso(clock.deadline), iso(clock.breachedAt), clock.status]).toEqual(['2026-11-23T18:00:00.000Z', '2026-11-23T18:00:00.001Z', 'breached']);
    expect(firstResponse(policy, '2026-11-23T10:00:00-06:00', '2026-11-23T12:00:00-06:00').status).toBe('met');
  });

  describe('business-day targets ({ businessDays })', () => {
    const desk = createCalendar(DESK);
    const task = (start: string, done: string | null, calendar: Calendar = desk): BackOfficeTask => ({ id: 'refund', calendar, within: { businessDays: 1 }, start, done });

    it('from a closed start the deadline is already at an opening: Mon 18:00 + 1 business day is due Wed 09:00; met up to it, missed from 1 ms after', () => {
      // Counted from the next opening (Tue 09:00): 8 business hours, due at the same time of day on Wednesday.
      const clock = (done: string) => backOfficeClock(task('2026-11-23T18:00:00-06:00', done), done);
      const tuesdayClose = clock('2026-11-24T17:00:00-06:00');
      expect([tuesdayClose.status, iso(tuesdayClose.deadline), tuesdayClose.targetMs / HOUR_MS]).toEqual(['met', '2026-11-25T15:00:00.000Z', 8]);
      expect(summary(clock('2026-11-24T20:00:00-06:00'))).toMatchObject({ status: 'met', afterDeadline: false });
      expect(clock('2026-11-25T09:00:00-06:00').status).toBe('met');
      expect(summary(clock('2026-11-25T09:00:00.001-06:00'))).toMatchObject({ status: 'missed', breachedAt: '2026-11-25T15:00:00.001Z' });
    });

    it('a business day clamped to a short day lands on its close: Mon 15:00 + 1 is Tue 12:00 on a 09:00-12:00 Tuesday; over only after Wed 09:00', () => {
      const short = createCalendar({ ...DESK, overrides: { '2026-11-24': ['09:00-12:00'] } });
      const start = '2026-11-23T15:00:00-06:00';
      const done = backOfficeClock(task(start, '2026-11-24T12:30:00-06:00', short), '2026-11-24T12:30:00-06:00');
      // Allowed: Mon 15:00-17:00 and Tue 09:00-12:00, 5 business hours.
      expect(summary(done)).toEqual({ status: 'met', deadline: '2026-11-24T18:00:00.000Z', breachedAt: null, elapsedMinutes: 300, afterDeadline: true });
      const running = backOfficeClock(task(start, null, short), '2026-11-25T09:00:00-06:00');
      expect([running.status, running.remainingMs]).toEqual(['at-risk', 0]);
      const over = backOfficeClock(task(start, null, short), '2026-11-25T09:00:00.001-06:00');
      expect([over.status, iso(over.breachedAt)]).toEqual(['breached', '2026-11-25T15:00:00.001Z']);
    });

    it('a ticket target in business days decides the same way', () => {
      const policy = defineSlaPolicy({
        id: 'days',
        calendars: { desk: { ...DESK, overrides: { '2026-11-24': ['09:00-12:00'] } } },
        rules: [{ id: 'all', targets: [{ id: 'fr', metric: 'firstResponse', within: { businessDays: 1 }, calendar: 'desk' }] }],
      });
      const clock = firstResponse(policy, '2026-11-23T15:00:00-06:00', '2026-11-24T16:00:00-06:00');
      expect(summary(clock)).toEqual({ status: 'met', deadline: '2026-11-24T18:00:00.000Z', breachedAt: null, elapsedMinutes: 300, afterDeadline: true });
    });
  });

  describe('calendar-day targets ({ days }): a 24/7 count has no closing instant', () => {
    const task = (start: string, done: string | null): BackOfficeTask => ({ id: 'privacy', calendar: createCalendar(DESK), within: { days: 1 }, start, done });

    it('met at the deadline, missed 1 ms after it, and breachedAt is that millisecond', () => {
      const start = '2026-11-23T13:00:00-06:00';
      expect(summary(backOfficeClock(task(start, '2026-11-24T13:00:00-06:00'), '2026-11-24T13:00:00-06:00'))).toEqual({
        status: 'met',
        deadline: '2026-11-24T19:00:00.000Z',
        breachedAt: null,
        elapsedMinutes: 1440,
        afterDeadline: false,
      });
      const late = backOfficeClock(task(start, '2026-11-24T13:00:00.001-06:00'), '2026-11-24T13:00:00.001-06:00');
      expect([late.status, iso(late.breachedAt)]).toEqual(['missed', '2026-11-24T19:00:00.001Z']);
    });

    it('a day is 25 hours on the night clocks go back: Sat 13:00 CDT is due Sun 13:00 CST', () => {
      const start = '2026-10-31T13:00:00-05:00';
      const running = backOfficeClock(task(start, null), '2026-11-01T13:00:00-06:00');
      expect([running.status, iso(running.deadline), running.targetMs / HOUR_MS]).toEqual(['at-risk', '2026-11-01T19:00:00.000Z', 25]);
      expect(iso(backOfficeClock(task(start, null), '2026-11-01T14:00:00-06:00').breachedAt)).toBe('2026-11-01T19:00:00.001Z');
    });
  });

  it('a target that runs out exactly as a pause begins: the deadline is the pause start, and the clock is over only once it runs again', () => {
    const task: BackOfficeTask = {
      id: 'inspection',
      calendar: createCalendar(DESK),
      within: { hours: 2 },
      start: '2026-11-23T09:00:00-06:00',
      pauses: [['2026-11-23T11:00:00-06:00', '2026-11-23T14:00:00-06:00']],
    };
    const paused = backOfficeClock(task, '2026-11-23T12:00:00-06:00');
    expect([paused.status, paused.paused, iso(paused.deadline), iso(paused.breachedAt)]).toEqual(['at-risk', true, '2026-11-23T17:00:00.000Z', null]);
    expect(backOfficeClock({ ...task, done: '2026-11-23T14:00:00-06:00' }, '2026-11-23T14:00:00-06:00').status).toBe('met');
    const late = backOfficeClock({ ...task, done: '2026-11-23T14:00:00.001-06:00' }, '2026-11-23T14:00:00.001-06:00');
    expect([late.status, iso(late.breachedAt)]).toEqual(['missed', '2026-11-23T20:00:00.001Z']);
  });

  it('periodic updates: an update is missed only once more than its interval of business time has passed', () => {
    const policy = defineSlaPolicy({
      id: 'updates',
      calendars: { desk: DESK },
      rules: [{ id: 'all', targets: [{ id: 'upd', metric: 'periodicUpdate', within: { hours: 4 }, calendar: 'desk' }] }],
    });
    const created = '2026-11-23T13:00:00-06:00';
    const missedUpdates = (now: string) => {
      const clock = firstResponse(policy, created, null, now);
      return [clock.status, clock.reasons.find((r) => r.code === 'PERIODIC_UPDATES_MISSED')?.facts.missedUpdates ?? 0];
    };
    expect(missedUpdates('2026-11-23T17:30:00-06:00')).toEqual(['at-risk', 0]);
    expect(missedUpdates('2026-11-24T09:00:00-06:00')).toEqual(['at-risk', 0]);
    expect(missedUpdates('2026-11-24T09:00:00.001-06:00')).toEqual(['breached', 1]);
    // 8 business hours: the second update (due when 8 h are used, Tue 13:00) is not missed yet.
    expect(missedUpdates('2026-11-24T13:00:00-06:00')).toEqual(['breached', 1]);
    expect(missedUpdates('2026-11-24T13:00:00.001-06:00')).toEqual(['breached', 2]);
  });
});

describe('breachesByGroup dates a breach by breachedAt', () => {
  const policy = firstResponsePolicy(DESK, { hours: 4 });
  // Due Mon 17:00 CST (the close), answered Tue 09:01: over from Tue 09:00:00.001.
  const late = { ...firstResponse(policy, '2026-11-23T13:00:00-06:00', '2026-11-24T09:01:00-06:00'), group: 'billing' };
  const count = (clock: Record<string, unknown>, now: string, windowMs: number) =>
    breachesByGroup([clock as never], { now, windowMs }).map(({ breaches, firstAt }) => [breaches, iso(firstAt)]);

  it('not before it went over: in a window ending Mon 23:59 the missed clock does not count yet', () => {
    expect(count(late, '2026-11-23T23:59:00-06:00', DAY_MS)).toEqual([[0, null]]);
    expect(count(late, '2026-11-24T10:00:00-06:00', HOUR_MS)).toEqual([[1, '2026-11-24T15:00:00.001Z']]);
  });

  it('through JSON too, and by the deadline for a clock without breachedAt (null or left out)', () => {
    expect(count(JSON.parse(JSON.stringify(late)), '2026-11-24T10:00:00-06:00', HOUR_MS)).toEqual([[1, '2026-11-24T15:00:00.001Z']]);
    const older: Record<string, unknown> = { ...late };
    delete older.breachedAt;
    expect(count(older, '2026-11-23T23:59:00-06:00', DAY_MS)).toEqual([[1, '2026-11-23T23:00:00.000Z']]);
    expect(count({ ...late, breachedAt: null }, '2026-11-23T23:59:00-06:00', DAY_MS)).toEqual([[1, '2026-11-23T23:00:00.000Z']]);
  });

  it('a breachedAt that is not an instant is refused at its path', () => {
    try {
      count({ ...late, breachedAt: 'tuesday' }, '2026-11-24T10:00:00-06:00', HOUR_MS);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).issues.map(({ code, path }) => [code, path])).toEqual([['INVALID_INSTANT', ['clocks', 0, 'breachedAt']]]);
    }
  });
});

describe('laws: the verdict is business time used against the target', () => {
  /** Pauses as sorted, disjoint [from, to] offsets from the start. */
  const pausesArb = fc
    .uniqueArray(fc.integer({ min: 0, max: 8 * DAY_MS / MINUTE_MS }), { maxLength: 6 })
    .map((minutes) => minutes.sort((a, b) => a - b).map((m) => m * MINUTE_MS))
    .map((edges) => {
      const pairs: [number, number][] = [];
      for (let i = 0; i + 1 < edges.length; i += 2) pairs.push([edges[i] as number, edges[i + 1] as number]);
      return pairs;
    });
  const caseArb = instant2026Arb.chain((start) =>
    fc.record({
      start: fc.constant(start),
      spec: slaCalendarSpecArb(start - 7 * DAY_MS),
      within: withinArb,
      pauses: fc.oneof(fc.constant([] as [number, number][]), pausesArb),
      closes: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 2, nil: undefined }),
      pick: fc.nat(7),
      offset: fc.integer({ min: 0, max: 21 * DAY_MS }),
    }),
  );

  /**
   * Often the target is made to run out exactly at a closing instant (random targets rarely do):
   * the business time from the start to the `closes`-th closing after it, as milliseconds.
   */
  const aligned = (calendar: Calendar, start: number, within: Within, closes: number | undefined): Within => {
    if (closes === undefined || within.businessDays !== undefined || within.days !== undefined) return within;
    let t = start;
    try {
      for (let k = 0; k < closes; k++) t = nextClose(calendar, t).getTime();
    } catch {
      return within; // a calendar that never closes
    }
    const milliseconds = businessTimeBetween(calendar, start, t);
    return milliseconds >= 30_000 && milliseconds < 365 * DAY_MS ? { milliseconds } : within;
  };

  /** The task, its calendar, and the instant at which its target runs out (with every pause known). */
  const setup = (c: { start: number; spec: CalendarSpec; within: Within; pauses: readonly (readonly [number, number])[]; closes?: number | undefined }) => {
    const { start, spec, pauses } = c;
    const calendar = calendarFor(spec, c.within);
    const within = aligned(calendar, start, c.within, c.closes);
    const task: BackOfficeTask = { id: 'task', calendar, within, start, pauses: pauses.map(([a, b]) => [start + a, start + b] as const) };
    const projected = backOfficeClock(task, start + 60 * DAY_MS);
    return { calendar, within, task, deadline: projected.deadline.getTime(), targetMs: projected.targetMs };
  };

  /** A reply instant: anywhere, or on a boundary around the deadline and the next opening after it. */
  const replyAt = (calendar: Calendar, start: number, deadline: number, pick: number, offset: number): number => {
    const opening = isOpen(calendar, deadline) ? deadline : nextOpen(calendar, deadline).getTime();
    const candidates = [start + offset, deadline - 1, deadline, deadline + 1, Math.floor((deadline + opening) / 2), opening, opening + 1, opening - 1];
    return Math.max(start, candidates[pick] as number);
  };

  /** Business time counted from `start` to `t`, paused time excepted. */
  const usedBy = (calendar: Calendar, start: number, pauses: readonly (readonly [number, number])[], t: number) =>
    businessTimeBetween(calendar, start, t) -
    pauses.reduce((sum, [a, b]) => sum + Math.max(0, businessTimeBetween(calendar, Math.max(start, start + a), Math.min(t, start + b))), 0);

  it('met iff used <= target: a stopped clock is met exactly when businessTimeBetween(start, stop) minus pauses <= the target', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { calendar, within, task, deadline, targetMs } = setup(c);
        const days = within.businessDays ?? within.days;
        // The target, independently: business time, or the business time to n days on from the next opening.
        const expectedTarget = days === undefined ? withinMsOf(within) : businessTimeBetween(calendar, c.start, addBusinessDays(calendar, c.start, days, { from: 'next-opening' }));
        expect(targetMs).toBe(expectedTarget);
        const reply = replyAt(calendar, c.start, deadline, c.pick, c.offset);
        const used = usedBy(calendar, c.start, c.pauses, reply);
        const clock = backOfficeClock({ ...task, done: reply }, reply);
        const context = `start ${iso(c.start)} reply ${iso(reply)} deadline ${iso(deadline)} used ${used} of ${targetMs}`;
        expect(clock.elapsedMs, context).toBe(used);
        expect(clock.status, context).toBe(used <= targetMs ? 'met' : 'missed');
        // Met after the deadline on the wall clock only with exactly the target used (nothing counted since).
        if (clock.status === 'met' && reply > clock.deadline.getTime()) expect(used, context).toBe(targetMs);
        // Running, as of the same instant: breached exactly when over.
        const running = backOfficeClock(task, reply);
        expect(running.status === 'breached', context).toBe(used > targetMs);
      }),
      params,
    );
  });

  it('met iff used <= target, for a ticket: a first response is met exactly when businessTimeBetween(created, reply) <= the target', () => {
    const arb = instant2026Arb.chain((created) =>
      fc.record({
        created: fc.constant(created),
        spec: slaCalendarSpecArb(created - 7 * DAY_MS),
        within: withinArb,
        closes: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 2, nil: undefined }),
        pick: fc.nat(7),
        offset: fc.integer({ min: 0, max: 14 * DAY_MS }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ created, spec, within: drawn, closes, pick, offset }) => {
        const calendar = calendarFor(spec, drawn);
        const within = aligned(calendar, created, drawn, closes);
        const policy = firstResponsePolicy(spec, within);
        const unanswered = firstResponse(policy, new Date(created).toISOString(), null, created);
        const reply = replyAt(calendar, created, unanswered.deadline.getTime(), pick, offset);
        const clock = firstResponse(policy, new Date(created).toISOString(), reply);
        const used = businessTimeBetween(calendar, created, reply);
        expect(clock.status, `created ${iso(created)} reply ${iso(reply)} deadline ${iso(clock.deadline)}`).toBe(used <= clock.targetMs ? 'met' : 'missed');
      }),
      params,
    );
  });

  it('breachedAt is the first instant over the target: evaluated 1 ms before it the clock is not over, at it it is', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { task } = setup(c);
        const late = backOfficeClock(task, c.start + 30 * DAY_MS);
        if (late.breachedAt === null) {
          expect(late.status).not.toBe('breached');
          return;
        }
        const at = late.breachedAt.getTime();
        const context = `start ${iso(c.start)} deadline ${iso(late.deadline)} breachedAt ${iso(at)}`;
        expect(at, context).toBeGreaterThan(late.deadline.getTime());
        const before = backOfficeClock(task, at - 1);
        const onIt = backOfficeClock(task, at);
        expect([before.status === 'breached', before.breachedAt], context).toEqual([false, null]);
        expect([onIt.status, iso(onIt.breachedAt), onIt.elapsedMs - onIt.targetMs], context).toEqual(['breached', iso(at), 1]);
        // Stopped there: met 1 ms before, missed at it, with the same breachedAt.
        expect(backOfficeClock({ ...task, done: at - 1 }, at - 1).status, context).toBe('met');
        const missed = backOfficeClock({ ...task, done: at }, at);
        expect([missed.status, iso(missed.breachedAt)], context).toEqual(['missed', iso(at)]);
      }),
      params,
    );
  });

  it('breachedAt on tickets: for every clock of a random ticket over its target, 1 ms before breachedAt it is not over and at it it is', () => {
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        const at = (now: number) => evaluateSla(sc.policy, { id: 'T-1', events: sc.events }, now).clocks;
        for (const clock of at(sc.now)) {
          const context = `${clock.metric}#${clock.cycle} deadline ${iso(clock.deadline)} breachedAt ${iso(clock.breachedAt)}`;
          expect(clock.breachedAt === null, context).toBe(clock.status !== 'breached' && clock.status !== 'missed');
          if (clock.breachedAt === null) continue;
          const b = clock.breachedAt.getTime();
          const same = (clocks: readonly SlaClock[]) => clocks.find((c) => c.metric === clock.metric && c.cycle === clock.cycle);
          const before = same(at(b - 1));
          const onIt = same(at(b));
          expect([before?.breachedAt ?? null, before?.status === 'breached' || before?.status === 'missed'], context).toEqual([null, false]);
          expect([iso(onIt?.breachedAt ?? null), onIt?.elapsedMs === (onIt?.targetMs ?? Number.NaN) + 1], context).toEqual([iso(b), true]);
        }
      }),
      params,
    );
  });
});
