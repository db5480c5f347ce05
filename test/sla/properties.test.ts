import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, createCalendar } from '../../src/calendar/index.js';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  SlaPolicyError,
  backOfficeClock,
  defineSlaPolicy,
  evaluateSla,
  type ClockStatus,
  type SlaClock,
  type SlaPolicySpec,
  type SlaReport,
  type Ticket,
  type TicketEvent,
} from '../../src/sla/index.js';
import { DAY_MS, MINUTE_MS } from '../reference/calendar.js';
import {
  HOUR_MS,
  UNPAUSED_STATUSES,
  activeStretches,
  calendarFor,
  instant2026Arb,
  plainDeadline,
  scenarioArb,
  slaCalendarSpecArb,
  targetCalendar,
  withinArb,
  withinMsOf,
  type Scenario,
} from './arbitraries.js';

// Laws of SLA clocks that must hold for every policy and ticket (no reference needed).

const NUM_RUNS = Number(process.env.SLA_FC_RUNS ?? 200);
const params = { numRuns: NUM_RUNS };
const iso = (d: Date | number) => new Date(d).toISOString();
const evaluate = (s: Scenario, events: readonly TicketEvent[] = s.events, now: number = s.now): SlaReport =>
  evaluateSla(s.policy, { id: 'T-1', events }, now);
const key = (c: SlaClock) => `${c.metric}#${c.cycle}`;
const describeClock = (c: SlaClock) => `${key(c)} start ${iso(c.startedAt)} stop ${c.stoppedAt ? iso(c.stoppedAt) : '-'} deadline ${iso(c.deadline)}`;
const RUNNING_RANK: Partial<Record<ClockStatus, number>> = { ok: 0, 'at-risk': 1, breached: 2 };

/** The report as JSON should give it back: every Date as its ISO string, nothing else changed. */
const withIsoDates = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(withIsoDates);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIsoDates(v)]));
  return value;
};

describe('laws of SLA clocks on tickets', () => {
  it('a pause never makes a deadline earlier: an extra pending … open pair moves no deadline earlier', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.nat(), fc.nat(), (s, pick, i, j) => {
        // Active stretches up to a day past now, so the inserted pause is sometimes still running.
        const stretches = activeStretches(s.events, s.created, s.now + DAY_MS).filter(([a, b]) => b - a >= 3);
        if (stretches.length === 0) return;
        const [a, b] = stretches[pick % stretches.length] as [number, number];
        const p = a + 1 + (i % (b - a - 2));
        const q = p + 1 + (j % (b - p - 1));
        const pause: TicketEvent[] = [
          { type: 'status', at: new Date(p), status: 'pending' },
          { type: 'status', at: new Date(q), status: 'open' },
        ];
        const before = evaluate(s).clocks;
        const after = evaluate(s, [...s.events, ...pause]).clocks;
        expect(after.map(key)).toEqual(before.map(key));
        after.forEach((clock, k) => {
          const was = before[k] as SlaClock;
          const context = `pause ${iso(p)}..${iso(q)}: ${describeClock(was)} -> ${describeClock(clock)}`;
          expect(clock.deadline.getTime(), context).toBeGreaterThanOrEqual(was.deadline.getTime());
        });
      }),
      params,
    );
  });

  it('no pause, plain deadline: deadline === addBusinessTime(startedAt, target), or addBusinessDays(first open instant, n) for days', () => {
    fc.assert(
      fc.property(scenarioArb(UNPAUSED_STATUSES), (s) => {
        const targets = new Map(s.spec.rules.flatMap((rule) => rule.targets).map((t) => [t.id, t]));
        for (const clock of evaluate(s).clocks) {
          const target = targets.get(clock.target);
          if (!target) throw new Error(`clock for unknown target ${clock.target}`);
          const expected = plainDeadline(targetCalendar(s.spec, target), clock.startedAt, target.within);
          expect(clock.pausedMs).toBe(0);
          expect(iso(clock.deadline), `${describeClock(clock)} within ${JSON.stringify(target.within)}`).toBe(iso(expected));
          if (target.within.businessDays === undefined && target.within.days === undefined) {
            expect(clock.targetMs).toBe(withinMsOf(target.within));
          }
        }
      }),
      params,
    );
  });

  it('monotonic in now: with the events fixed a running clock goes ok → at-risk → breached, never back; a stopped one never changes', () => {
    const deltasArb = fc.array(fc.integer({ min: 0, max: 21 * DAY_MS }), { minLength: 2, maxLength: 6 }).map((ds) => ds.sort((x, y) => x - y));
    fc.assert(
      fc.property(scenarioArb(), deltasArb, (s, deltas) => {
        const reports = deltas.map((d) => evaluate(s, s.events, s.last + d).clocks);
        const first = reports[0] as SlaClock[];
        for (const clocks of reports) expect(clocks.map(key)).toEqual(first.map(key));
        first.forEach((clock, k) => {
          const history = reports.map((clocks) => clocks[k] as SlaClock);
          const statuses = history.map((c) => c.status);
          if (clock.stoppedAt !== null) {
            expect(new Set(statuses).size, `${key(clock)}: ${statuses.join(' ')}`).toBe(1);
            expect(new Set(history.map((c) => iso(c.deadline))).size).toBe(1);
            return;
          }
          const ranks = statuses.map((status) => RUNNING_RANK[status]);
          expect(ranks.every((r) => r !== undefined), statuses.join(' ')).toBe(true);
          const context = `${key(clock)} at +${deltas.map((d) => d / MINUTE_MS).join(', +')} min: ${statuses.join(' → ')}`;
          for (let n = 1; n < ranks.length; n++) expect(ranks[n] as number, context).toBeGreaterThanOrEqual(ranks[n - 1] as number);
        });
      }),
      params,
    );
  });

  it('accounting: elapsedMs + remainingMs === targetMs, elapsedMs >= 0, pausedMs >= 0', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        for (const clock of evaluate(s).clocks) {
          expect(clock.elapsedMs + clock.remainingMs, describeClock(clock)).toBe(clock.targetMs);
          expect(clock.elapsedMs).toBeGreaterThanOrEqual(0);
          expect(clock.pausedMs).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(clock.elapsedMs) && Number.isInteger(clock.pausedMs)).toBe(true);
        }
      }),
      params,
    );
  });

  it('order-free: shuffling the events changes nothing in the report', () => {
    const arb = scenarioArb().chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.events], { minLength: s.events.length, maxLength: s.events.length })));
    fc.assert(
      fc.property(arb, ([s, shuffled]) => {
        expect(JSON.stringify(evaluate(s, shuffled))).toBe(JSON.stringify(evaluate(s)));
      }),
      params,
    );
  });

  it('round trip: the report survives JSON, with every Date as its ISO string', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const report = evaluate(s);
        expect(JSON.parse(JSON.stringify(report))).toStrictEqual(withIsoDates(report));
      }),
      params,
    );
  });

  it('met iff within the target: a stopped clock is met exactly when it used no more business time than its target; a running one is breached exactly when it used more', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        for (const clock of evaluate(s).clocks) {
          if (clock.stoppedAt !== null) {
            expect(['met', 'missed']).toContain(clock.status);
            expect(clock.status === 'met', describeClock(clock)).toBe(clock.elapsedMs <= clock.targetMs);
            // On time on the wall clock is always met (a deadline at a closing instant is not a trap).
            if (clock.stoppedAt.getTime() <= clock.deadline.getTime()) expect(clock.status, describeClock(clock)).toBe('met');
          } else {
            expect(['ok', 'at-risk', 'breached']).toContain(clock.status);
            expect(clock.status === 'breached', describeClock(clock)).toBe(clock.elapsedMs > clock.targetMs);
            if (s.now <= clock.deadline.getTime()) expect(clock.status, describeClock(clock)).not.toBe('breached');
          }
          expect(clock.breachedAt === null).toBe(clock.status !== 'missed' && clock.status !== 'breached');
        }
      }),
      params,
    );
  });
});

describe('laws of back-office clocks', () => {
  const taskArb = instant2026Arb.chain((start) =>
    fc.record({ start: fc.constant(start), spec: slaCalendarSpecArb(start - 7 * DAY_MS), within: withinArb, atRiskPercent: fc.integer({ min: 0, max: 100 }) }),
  );
  const nowsArb = fc.array(fc.integer({ min: -DAY_MS, max: 30 * DAY_MS }), { minLength: 2, maxLength: 6 }).map((ds) => ds.sort((x, y) => x - y));

  it('no pause, plain deadline: deadline === addBusinessTime / addBusinessDays from the start', () => {
    fc.assert(
      fc.property(taskArb, fc.integer({ min: 0, max: 10 * DAY_MS }), ({ start, spec, within, atRiskPercent }, later) => {
        const calendar = calendarFor(spec, within);
        const clock = backOfficeClock({ id: 'refundIssued', calendar: calendar, within, start, atRiskPercent }, start + later);
        expect(iso(clock.deadline), `within ${JSON.stringify(within)} from ${iso(start)}`).toBe(iso(plainDeadline(calendar, new Date(start), within)));
      }),
      params,
    );
  });

  it('monotonic in now: ok → at-risk → breached while running; constant once done', () => {
    fc.assert(
      fc.property(taskArb, nowsArb, fc.option(fc.integer({ min: 0, max: 10 * DAY_MS }), { nil: null }), ({ start, spec, within, atRiskPercent }, nows, doneAfter) => {
        const task = { id: 'rmaIssued', calendar: calendarFor(spec, within), within, start, atRiskPercent, done: doneAfter === null ? null : start + doneAfter };
        const statuses = nows.map((d) => backOfficeClock(task, start + d).status);
        if (doneAfter !== null) {
          expect(new Set(statuses).size, statuses.join(' ')).toBe(1);
          return;
        }
        const ranks = statuses.map((status) => RUNNING_RANK[status] as number);
        for (let n = 1; n < ranks.length; n++) expect(ranks[n], statuses.join(' → ')).toBeGreaterThanOrEqual(ranks[n - 1] as number);
      }),
      params,
    );
  });
});

describe('regressions found by the laws above', () => {
  const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-17:00']]));
  const calendars = { desk: { timeZone: 'UTC', hours: weekdays } };
  const saturday = Date.UTC(2026, 10, 28, 8); // Sat 08:00; the next business hour is Mon 30 Nov 09:00

  // Found by the round-trip law (seed -984827517, Pacific/Chatham): one business day from a
  // Saturday ends at Monday's opening, 0 business ms later, and the missed-update count divides by it.
  it('round trip: a periodic-update target of 1 business day from a closed Saturday', () => {
    const policy = defineSlaPolicy({
      id: 'weekly',
      calendars,
      rules: [{ id: 'all', targets: [{ id: 'upd', metric: 'periodicUpdate', within: { businessDays: 1 }, calendar: 'desk' }] }],
    });
    const report = evaluateSla(policy, { events: [{ type: 'created', at: saturday }] }, Date.UTC(2026, 10, 30, 10));
    // Counted from Monday's opening: due Tuesday 09:00, a full business day later.
    expect(report.clocks[0]?.deadline.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(report.clocks[0]?.targetMs).toBe(8 * 3_600_000);
    expect(JSON.parse(JSON.stringify(report))).toStrictEqual(withIsoDates(report));
  });

  // A target under half a millisecond passes the zero-time check but counts as 0 ms, and a 0 ms
  // clock's deadline is its (closed) start rather than the next opening.
  it('no pause, plain deadline: a target that rounds to 0 ms is refused or due at the next opening', () => {
    const spec: SlaPolicySpec = {
      id: 'tiny',
      calendars,
      rules: [{ id: 'all', targets: [{ id: 'res', metric: 'resolution', within: { milliseconds: 0.4 }, calendar: 'desk' }] }],
    };
    let policy;
    try {
      policy = defineSlaPolicy(spec);
    } catch (error) {
      return expect((error as SlaPolicyError).code).toBe('INVALID_WITHIN');
    }
    const clock = evaluateSla(policy, { events: [{ type: 'created', at: saturday }] }, saturday + 1000).clocks[0] as SlaClock;
    expect(iso(clock.deadline)).toBe(iso(addBusinessTime(createCalendar(calendars.desk), clock.startedAt, clock.targetMs)));
    expect(clock.status).not.toBe('breached');
  });
});

describe('misuse is thrown with a code and a path', () => {
  const T0 = Date.UTC(2026, 2, 9, 15);
  const spec: SlaPolicySpec = {
    id: 'desk',
    calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } } },
    rules: [{ id: 'all', targets: [{ id: 'res', metric: 'resolution', within: { hours: 8 }, calendar: 'desk' }] }],
  };
  const policy = defineSlaPolicy(spec);
  /** What `run` throws, as `{ code, path }`, after checking its class. */
  const thrown = (run: () => unknown, kind: typeof InvalidArgumentError | typeof SlaPolicyError) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(kind);
      const { code, path } = error as SlaPolicyError;
      return { code, path };
    }
    throw new Error('expected a throw');
  };
  const ticketError = (events: readonly unknown[]) => thrown(() => evaluateSla(policy, { events } as Ticket, T0 + DAY_MS), InvalidArgumentError);
  const policyError = (change: (copy: SlaPolicySpec) => void) => {
    const copy = structuredClone(spec);
    change(copy);
    return thrown(() => defineSlaPolicy(copy), SlaPolicyError);
  };
  const created = { type: 'created', at: new Date(T0) };

  it('EVENT_BEFORE_CREATED names the early event', () => {
    expect(ticketError([created, { type: 'agentReply', at: new Date(T0 + HOUR_MS) }, { type: 'customerReply', at: new Date(T0 - 1) }])).toEqual({
      code: 'EVENT_BEFORE_CREATED',
      path: ['events', 2],
    });
  });

  it('MISSING_CREATED and DUPLICATE_CREATED point at the event list', () => {
    expect(ticketError([{ type: 'customerReply', at: T0 }])).toEqual({ code: 'MISSING_CREATED', path: ['events'] });
    expect(ticketError([created, { type: 'created', at: T0 + HOUR_MS }])).toEqual({ code: 'DUPLICATE_CREATED', path: ['events'] });
  });

  // Since 0.2.0 the events go through the policy's ticket check: the shared codes replace INVALID_EVENT.
  it('a broken event is refused at the bad field, with the shared codes', () => {
    expect(ticketError([created, { type: 'reopened', at: T0 }])).toEqual({ code: 'INVALID_VALUE', path: ['events', 1, 'type'] });
    expect(ticketError([created, { type: 'customerReply', at: 'yesterday' }])).toEqual({ code: 'INVALID_INSTANT', path: ['events', 1, 'at'] });
    expect(ticketError([created, { type: 'status', at: T0 }])).toEqual({ code: 'REQUIRED', path: ['events', 1, 'status'] });
    expect(ticketError([created, { type: 'metricFulfilled', at: T0 }])).toEqual({ code: 'REQUIRED', path: ['events', 1, 'metric'] });
    expect(ticketError([created, null])).toEqual({ code: 'INVALID_TYPE', path: ['events', 1] });
  });

  it('UNKNOWN_CALENDAR points at the target calendar', () => {
    expect(policyError((p) => ((p.rules[0]?.targets[0] as { calendar: string }).calendar = 'office'))).toEqual({
      code: 'UNKNOWN_CALENDAR',
      path: ['rules', 0, 'targets', 0, 'calendar'],
    });
  });

  it('DUPLICATE_ID points at the second use, for rules and targets alike', () => {
    const target = { id: 'all', metric: 'firstResponse', within: { hours: 1 }, calendar: 'desk' };
    expect(policyError((p) => p.rules[0]?.targets.push(target))).toEqual({ code: 'DUPLICATE_ID', path: ['rules', 0, 'targets', 1, 'id'] });
    expect(policyError((p) => p.rules.push({ id: 'all', targets: [{ ...target, id: 'fr' }] }))).toEqual({ code: 'DUPLICATE_ID', path: ['rules', 1, 'id'] });
  });

  it('UNREACHABLE_TARGET points at the shadowed target', () => {
    const shadowed = { id: 'res-2', metric: 'resolution', within: { hours: 4 }, calendar: 'desk' };
    expect(policyError((p) => p.rules[0]?.targets.push(shadowed))).toEqual({ code: 'UNREACHABLE_TARGET', path: ['rules', 0, 'targets', 1] });
  });

  it('INVALID_WITHIN: two kinds of span, none, or zero time', () => {
    const path = ['rules', 0, 'targets', 0, 'within'];
    for (const within of [{ hours: 1, businessDays: 1 }, {}, { hours: 0, minutes: 0 }, { businessDays: 2, days: 2 }]) {
      expect(policyError((p) => ((p.rules[0]?.targets[0] as { within: unknown }).within = within)), JSON.stringify(within)).toEqual({ code: 'INVALID_WITHIN', path });
    }
  });
});
