import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSlaPolicy, evaluateSla, type SlaPolicySpec, type SlaReport, type SlaTarget, type TicketEvent } from '../../src/sla/index.js';
import { errorOf } from '../helpers/errors.js';
import { DAY_MS } from '../reference/calendar.js';
import { optionsScenarioArb, scenarioArb, twoRulePolicy, withChangeArb, type Scenario } from './arbitraries.js';

// Issue 12, point 5: an absolute warning lead time, and per ticket the next instant a clock is
// over (nextBreachAt) and the next instant any status changes (nextChangeAt), so a service can
// schedule one timer per ticket instead of polling.

const RUNS = Number(process.env.SLA_FC_RUNS ?? 150);
const day = ['09:00-17:00'];
const desk = { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } };
const policyWith = (targets: SlaTarget[]) => defineSlaPolicy({ id: 'schedule', calendars: { desk }, rules: [{ id: 'all', targets }] });
const ct = (local: string) => `2026-11-${local}-06:00`; // November 2026, Chicago (CST)
const created = (local: string): TicketEvent => ({ type: 'created', at: ct(local) });
const at = (report: SlaReport, metric: string) => report.clocks.find((c) => c.metric === metric);
const iso = (local: string) => new Date(ct(local)).toISOString();

describe('warnBefore: an absolute lead time', () => {
  it('turns a clock at risk when that much business time is left, instead of at 75 %', () => {
    const sla = policyWith([{ id: 'ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'desk', warnBefore: { minutes: 15 } }]);
    const events = [created('23T09:00:00')];
    // Due Mon 13:00; at risk from 12:45 (not 12:00, the 75 % default).
    expect(at(evaluateSla(sla, { events }, ct('23T12:44:59.999')), 'resolution')).toMatchObject({ status: 'ok' });
    const risky = at(evaluateSla(sla, { events }, ct('23T12:45:00')), 'resolution');
    expect([risky?.status, risky?.atRiskAt.toISOString(), risky?.deadline.toISOString()]).toEqual(['at-risk', iso('23T12:45:00'), iso('23T13:00:00')]);
  });

  it('with atRiskPercent too, warns at whichever comes first', () => {
    const both = (atRiskPercent: number) => policyWith([{ id: 'ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'desk', warnBefore: { minutes: 15 }, atRiskPercent }]);
    const events = [created('23T09:00:00')];
    expect(at(evaluateSla(both(50), { events }, ct('23T09:00:00')), 'resolution')?.atRiskAt.toISOString()).toBe(iso('23T11:00:00'));
    expect(at(evaluateSla(both(100), { events }, ct('23T09:00:00')), 'resolution')?.atRiskAt.toISOString()).toBe(iso('23T12:45:00'));
  });

  it('counts the lead time in business time, across a night', () => {
    // Created Mon 16:00, 4 h: due Tue 12:00; 3 h before that is 1 h in, at Monday's close.
    const sla = policyWith([{ id: 'ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'desk', warnBefore: { hours: 3 } }]);
    const clock = at(evaluateSla(sla, { events: [created('23T16:00:00')] }, ct('23T17:00:00')), 'resolution');
    expect([clock?.status, clock?.atRiskAt.toISOString(), clock?.deadline.toISOString()]).toEqual(['at-risk', iso('23T17:00:00'), iso('24T12:00:00')]);
  });

  it('is refused when it is not business time or not shorter than the target', () => {
    const spec = (warnBefore: unknown, within: SlaTarget['within'] = { hours: 4 }) =>
      ({ id: 's', calendars: { desk }, rules: [{ id: 'all', targets: [{ id: 'ttr', metric: 'resolution', within, calendar: 'desk', warnBefore }] }] }) as SlaPolicySpec;
    expect(errorOf(() => defineSlaPolicy(spec({ businessDays: 1 })))).toEqual(['INVALID_WITHIN', 'rules.0.targets.0.warnBefore']);
    expect(errorOf(() => defineSlaPolicy(spec({ hours: 4 })))).toEqual(['OUT_OF_BOUNDS', 'rules.0.targets.0.warnBefore']);
    expect(() => defineSlaPolicy(spec({ minutes: 239 }))).not.toThrow();
    // A days target's length varies with the calendar: any business lead time is taken.
    expect(() => defineSlaPolicy(spec({ hours: 30 }, { businessDays: 2 }))).not.toThrow();
    expect(errorOf(() => defineSlaPolicy(spec({ minutes: -5 })))).toEqual(['OUT_OF_BOUNDS', 'rules.0.targets.0.warnBefore.minutes']);
  });
});

describe('nextBreachAt and nextChangeAt', () => {
  const sla = policyWith([
    { id: 'first', metric: 'firstResponse', within: { hours: 1 }, calendar: 'desk' },
    { id: 'ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'desk' },
  ]);

  it('name the next at-risk turn and the next breach of a fresh ticket', () => {
    const report = evaluateSla(sla, { events: [created('23T09:00:00')] }, ct('23T09:10:00'));
    // First response: at risk at 09:45 (75 % of 1 h), over at 10:00:00.001.
    expect(report.nextChangeAt?.toISOString()).toBe(iso('23T09:45:00'));
    expect(report.nextBreachAt?.toISOString()).toBe(new Date(Date.parse(ct('23T10:00:00')) + 1).toISOString());
    expect(report.reasons.find((r) => r.code === 'SLA_NEXT_CHANGE')?.facts).toEqual({ metric: 'firstResponse', cycle: 1, to: 'at-risk' });
  });

  it('after a reply, move on to the resolution clock', () => {
    const report = evaluateSla(sla, { events: [created('23T09:00:00'), { type: 'agentReply', at: ct('23T09:20:00') }] }, ct('23T09:30:00'));
    expect([report.nextChangeAt?.toISOString(), report.nextBreachAt?.toISOString()]).toEqual([iso('23T12:00:00'), new Date(Date.parse(ct('23T13:00:00')) + 1).toISOString()]);
  });

  it('put a breach after a deadline at a closing instant at the next opening', () => {
    // Created Mon 13:00, resolution 4 h: due Mon 17:00 (the close), over from Tue 09:00:00.001.
    const report = evaluateSla(sla, { events: [created('23T13:00:00'), { type: 'agentReply', at: ct('23T13:05:00') }] }, ct('23T16:30:00'));
    expect(at(report, 'resolution')?.status).toBe('at-risk');
    expect(report.nextChangeAt?.toISOString()).toBe(new Date(Date.parse(ct('24T09:00:00')) + 1).toISOString());
    expect(report.nextBreachAt).toEqual(report.nextChangeAt);
    expect(at(evaluateSla(sla, { events: [created('23T13:00:00')] }, ct('24T09:00:00')), 'resolution')?.status).toBe('at-risk');
  });

  it('never point into the past: a deadline reached at the start of a pause is over only when time counts again', () => {
    // Resolution 3 h from Mon 09:00: exactly used up at 12:00, when the ticket went pending until the 17:00 close.
    const three = policyWith([{ id: 'ttr', metric: 'resolution', within: { hours: 3 }, calendar: 'desk' }]);
    const events: TicketEvent[] = [created('23T09:00:00'), { type: 'status', at: ct('23T12:00:00'), status: 'pending' }, { type: 'status', at: ct('23T17:00:00'), status: 'open' }];
    const report = evaluateSla(three, { events }, ct('23T17:30:00'));
    expect(at(report, 'resolution')?.status).toBe('at-risk');
    const tuesday = new Date(Date.parse(ct('24T09:00:00')) + 1).toISOString();
    expect([report.nextChangeAt?.toISOString(), report.nextBreachAt?.toISOString()]).toEqual([tuesday, tuesday]);
    expect(at(evaluateSla(three, { events }, ct('24T09:00:00')), 'resolution')?.status).toBe('at-risk');
    expect(at(evaluateSla(three, { events }, tuesday), 'resolution')?.status).toBe('breached');
  });

  it('are null when nothing will change by itself: every clock stopped, paused or already over', () => {
    const resolved = evaluateSla(sla, { events: [created('23T09:00:00'), { type: 'status', at: ct('23T09:30:00'), status: 'solved' }] }, ct('23T10:00:00'));
    expect([resolved.nextChangeAt, resolved.nextBreachAt]).toEqual([null, null]);
    // Answered, then pending: the resolution clock is paused; it changes only when the ticket does.
    const pending = evaluateSla(sla, { events: [created('23T09:00:00'), { type: 'agentReply', at: ct('23T09:10:00') }, { type: 'status', at: ct('23T09:30:00'), status: 'pending' }] }, ct('23T10:00:00'));
    expect([pending.nextChangeAt, pending.nextBreachAt]).toEqual([null, null]);
    expect(pending.reasons.map((r) => r.code)).not.toContain('SLA_NEXT_CHANGE');
    // Both over: nothing left to change.
    const over = evaluateSla(sla, { events: [created('23T09:00:00')] }, ct('24T09:00:00'));
    expect(over.clocks.map((c) => c.status)).toEqual(['breached', 'breached']);
    expect([over.nextChangeAt, over.nextBreachAt]).toEqual([null, null]);
  });

  it('nextBreachAt is the earliest breach even when another clock changes first', () => {
    // At 09:50 first response is at risk (over at 10:00:00.001); resolution turns at risk at 12:00.
    const report = evaluateSla(sla, { events: [created('23T09:00:00')] }, ct('23T09:50:00'));
    expect(report.nextChangeAt?.toISOString()).toBe(new Date(Date.parse(ct('23T10:00:00')) + 1).toISOString());
    expect(report.nextBreachAt?.toISOString()).toBe(report.nextChangeAt?.toISOString());
  });
});

describe('laws of the schedule', () => {
  const statuses = (r: SlaReport) => r.clocks.map((c) => `${c.metric}#${c.cycle}:${c.status}`);
  const evaluate = (s: Scenario, now: number) => evaluateSla(s.policy, { events: s.events }, now);

  it('nextChangeAt is exact: the statuses hold until just before it, and one differs at it', () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArb(), optionsScenarioArb()), fc.double({ min: 0, max: 1, noNaN: true }), (s, fraction) => {
        const report = evaluate(s, s.now);
        const next = report.nextChangeAt?.getTime();
        if (next === undefined) {
          // Nothing changes by itself: the same statuses a month later.
          expect(statuses(evaluate(s, s.now + 30 * DAY_MS))).toEqual(statuses(report));
          expect(report.nextBreachAt).toBeNull();
          return;
        }
        expect(next).toBeGreaterThan(s.now);
        expect(statuses(evaluate(s, next - 1))).toEqual(statuses(report));
        const between = s.now + Math.floor((next - 1 - s.now) * fraction);
        expect(statuses(evaluate(s, between))).toEqual(statuses(report));
        const changed = evaluate(s, next);
        expect(statuses(changed)).not.toEqual(statuses(report));
        // The clock the reason names is the one that changed, to the status it names.
        const facts = report.reasons.find((r) => r.code === 'SLA_NEXT_CHANGE')?.facts as { metric: string; cycle: number; to: string };
        expect(changed.clocks.find((c) => c.metric === facts.metric && c.cycle === facts.cycle)?.status).toBe(facts.to);
      }),
      { numRuns: RUNS },
    );
  });

  it('nextChangeAt is exact on tickets whose priority changed', () => {
    fc.assert(
      fc.property(withChangeArb(), fc.boolean(), fc.boolean(), ([s, change], up, regroup) => {
        const policy = twoRulePolicy(s);
        // A change of priority moves the ticket to the other rule; a change of group keeps it (a new stretch, the same targets).
        const set = regroup ? { group: 'g2' } : { priority: up ? 'p1' : 'p2' };
        const ticket = { priority: up ? 'p2' : 'p1', group: 'g1', events: [...s.events, { type: 'changed', at: change, set } as TicketEvent] };
        const report = evaluateSla(policy, ticket, s.now);
        const next = report.nextChangeAt?.getTime();
        if (next === undefined) return void expect(statuses(evaluateSla(policy, ticket, s.now + 30 * DAY_MS))).toEqual(statuses(report));
        expect(statuses(evaluateSla(policy, ticket, next - 1))).toEqual(statuses(report));
        expect(statuses(evaluateSla(policy, ticket, next))).not.toEqual(statuses(report));
      }),
      { numRuns: RUNS },
    );
  });

  it('nextBreachAt is the first instant a clock not over now is over', () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArb(), optionsScenarioArb()), (s) => {
        const report = evaluate(s, s.now);
        const next = report.nextBreachAt?.getTime();
        const overNow = new Set(report.clocks.filter((c) => c.breachedAt !== null).map((c) => `${c.metric}#${c.cycle}`));
        const newlyOver = (r: SlaReport) => r.clocks.filter((c) => c.breachedAt !== null && !overNow.has(`${c.metric}#${c.cycle}`));
        if (next === undefined) {
          expect(newlyOver(evaluate(s, s.now + 30 * DAY_MS))).toEqual([]);
          return;
        }
        expect(newlyOver(evaluate(s, next - 1))).toEqual([]);
        const over = newlyOver(evaluate(s, next));
        expect(over.length).toBeGreaterThan(0);
        expect(over.map((c) => c.breachedAt?.getTime())).toContain(next);
      }),
      { numRuns: RUNS },
    );
  });
});
