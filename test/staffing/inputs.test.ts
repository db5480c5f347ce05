import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { agentsRequired, agentsRequiredErlangA, erlangAFor, erlangB, erlangC, erlangCFor, staffingPlan, trafficOf, workloadAgents } from '../../src/staffing/index.js';
import { errorOf } from '../helpers/errors.js';
import { callMs as msOf } from '../helpers/timing.js';

const load = { contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 };
const target = { serviceLevelPercent: 80, targetSeconds: 20 };
const desk = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['07:00-19:00'] } });
const options = { intervalSeconds: 1800, ahtSeconds: 180, ...target };

/** The message of the error a call throws. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error.message;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('staffing answers or throws in milliseconds, whatever the numbers', () => {
  it('refuses 10 billion agents for Erlang B instead of looping for minutes', () => {
    expect(errorOf(() => erlangB(10, 1e10))).toEqual(['INVALID_FACT', 'agents']);
    expect(messageOf(() => erlangB(10, 1e10))).toContain('a whole number between 0 and 1,000,000');
    expect(msOf(() => erlangB(10, 1e10))).toBeLessThan(50);
  });

  it('stops Erlang B once it underflows to 0: a million agents for 10 Erlangs is instant', () => {
    expect(erlangB(10, 1_000_000)).toBe(0);
    expect(msOf(() => erlangB(10, 1_000_000))).toBeLessThan(50);
    expect(msOf(() => erlangB(100_000, 1_000_000))).toBeLessThan(50);
  });

  it('refuses more than 100,000 Erlangs and more than 1,000,000 agents for Erlang C', () => {
    expect(errorOf(() => erlangC(1e5, 1e9))).toEqual(['INVALID_FACT', 'agents']);
    expect(errorOf(() => erlangC(1e6, 10))).toEqual(['INVALID_FACT', 'traffic']);
    expect(messageOf(() => erlangC(1e6, 10))).toContain('between 0 and 100,000 Erlangs');
    expect(msOf(() => erlangC(1e5, 1e9))).toBeLessThan(50);
  });

  it('meets a 100 % service level with the agents at which the shortfall rounds away, in milliseconds', () => {
    const r = agentsRequired({ contacts: 100_000, intervalSeconds: 3600, ahtSeconds: 3600 }, { serviceLevelPercent: 100, targetSeconds: 0 });
    expect(msOf(() => agentsRequired({ contacts: 100_000, intervalSeconds: 3600, ahtSeconds: 3600 }, { serviceLevelPercent: 100, targetSeconds: 0 }))).toBeLessThan(50);
    expect(r.agents).toBeGreaterThan(100_000);
    expect(r.serviceLevel * 100).toBeGreaterThanOrEqual(100 - 1e-9);
  });

  it('advances Erlang B one agent at a time: the same agents as the from-scratch loop', () => {
    for (const contacts of [1, 7, 100, 360, 2000, 120_000]) {
      const l = { contacts, intervalSeconds: 3600, ahtSeconds: 300 };
      const r = agentsRequired(l, target);
      expect(r.agents === 1 || erlangCFor(l, r.agents - 1, 20).serviceLevel < 0.8).toBe(true);
      expect(erlangCFor(l, r.agents, 20).serviceLevel).toBe(r.serviceLevel);
    }
  });

  it('answers Erlang A for a target of a billion seconds at once (the answer no longer steps through time)', () => {
    const r = erlangAFor(load, 12, 1e9, 120);
    expect(msOf(() => erlangAFor(load, 12, 1e9, 120))).toBeLessThan(50);
    // Every caller who does not abandon is answered within a billion seconds.
    expect(r.serviceLevel).toBeCloseTo(1 - r.probabilityOfAbandoning, 12);
  });

  it('refuses an Erlang A queue of more than 100,000 waiting callers, at patienceSeconds', () => {
    const overloaded = { contacts: 100_000, intervalSeconds: 1, ahtSeconds: 1 };
    expect(errorOf(() => erlangAFor(overloaded, 1, 20, 9))).toEqual(['INVALID_FACT', 'patienceSeconds']);
    expect(messageOf(() => erlangAFor(overloaded, 1, 20, 9))).toContain('more than the 100,000 Erlang A computes');
    expect(msOf(() => erlangAFor(overloaded, 1, 20, 9))).toBeLessThan(50);
    // Callers patient for years: the fewest agents would leave millions waiting.
    expect(errorOf(() => agentsRequiredErlangA(load, { ...target, targetSeconds: 1e9, patienceSeconds: 1e9 }))).toEqual(['INVALID_FACT', 'patienceSeconds']);
  });

  it('finds the same Erlang A agents by halving as by stepping one agent at a time', () => {
    for (const [sl, patience, maxAbandonPercent] of [[80, 120, undefined], [80, 120, 5], [20, 30, undefined], [99, 600, 1], [50, 10, 40]] as const) {
      const t = { serviceLevelPercent: sl, targetSeconds: 20, patienceSeconds: patience, ...(maxAbandonPercent === undefined ? {} : { maxAbandonPercent }) };
      const meets = (n: number) => {
        const r = erlangAFor(load, n, 20, patience);
        return r.serviceLevel * 100 >= sl - 1e-9 && (maxAbandonPercent === undefined || r.probabilityOfAbandoning * 100 <= maxAbandonPercent);
      };
      let fewest = 1;
      while (!meets(fewest)) fewest++;
      expect(agentsRequiredErlangA(load, t).agents).toBe(fewest);
    }
  });
});

describe('percentages are bounded, and messages say how', () => {
  it('refuses 150 % occupancy in the workload formula: more than 0 and at most 100 %', () => {
    expect(errorOf(() => workloadAgents(300, 6, 150))).toEqual(['INVALID_FACT', 'occupancyPercent']);
    expect(messageOf(() => workloadAgents(300, 6, 150))).toContain('more than 0 and at most 100 %');
    expect(errorOf(() => workloadAgents(300, 6, 0))).toEqual(['INVALID_FACT', 'occupancyPercent']);
    expect(errorOf(() => workloadAgents(300, 6, -5))).toEqual(['INVALID_FACT', 'occupancyPercent']);
    expect(workloadAgents(300, 6, 100)).toBe(30);
  });

  it('refuses shrinkage of 100 % or more (nobody would ever be on the phones): at least 0 and less than 100 %', () => {
    expect(errorOf(() => agentsRequired(load, { ...target, shrinkagePercent: 100 }))).toEqual(['INVALID_FACT', 'shrinkagePercent']);
    expect(messageOf(() => agentsRequired(load, { ...target, shrinkagePercent: 130 }))).toContain('at least 0 and less than 100 %');
    expect(errorOf(() => agentsRequired(load, { ...target, shrinkagePercent: -1 }))).toEqual(['INVALID_FACT', 'shrinkagePercent']);
  });

  it('refuses a service level above 100 % and an occupancy cap of 0: between 0 and 100 %', () => {
    expect(errorOf(() => agentsRequired(load, { ...target, serviceLevelPercent: 101 }))).toEqual(['INVALID_FACT', 'serviceLevelPercent']);
    expect(messageOf(() => agentsRequired(load, { ...target, serviceLevelPercent: 101 }))).toContain('between 0 and 100 %');
    expect(errorOf(() => agentsRequired(load, { ...target, maxOccupancyPercent: 0 }))).toEqual(['INVALID_FACT', 'maxOccupancyPercent']);
    expect(errorOf(() => agentsRequiredErlangA(load, { ...target, patienceSeconds: 120, maxAbandonPercent: 101 }))).toEqual(['INVALID_FACT', 'maxAbandonPercent']);
  });

  it('refuses an occupancy cap so low that more than 1,000,000 agents would be needed', () => {
    expect(errorOf(() => agentsRequired(load, { ...target, maxOccupancyPercent: 1e-6 }))).toEqual(['INVALID_FACT', 'maxOccupancyPercent']);
    expect(errorOf(() => workloadAgents(300, 6, 1e-6))).toEqual(['INVALID_FACT', 'occupancyPercent']);
  });

  it('names NaN and Infinity in messages, never "null"', () => {
    expect(errorOf(() => erlangB(Number.NaN, 3))).toEqual(['INVALID_TYPE', 'traffic']);
    expect(messageOf(() => erlangB(Number.NaN, 3))).toContain('not NaN');
    expect(messageOf(() => workloadAgents(300, Number.POSITIVE_INFINITY, 80))).toContain('not Infinity');
    expect(messageOf(() => agentsRequired(load, { ...target, maxOccupancyPercent: Number.NaN }))).toContain('not NaN');
    expect(messageOf(() => erlangCFor(load, 14, Number.NEGATIVE_INFINITY))).toContain('not -Infinity');
    for (const fn of [() => erlangB(Number.NaN, 3), () => agentsRequired(load, { ...target, shrinkagePercent: Number.NaN })]) expect(messageOf(fn)).not.toContain('null');
  });
});

describe('loads, targets and plans are checked at run time', () => {
  it('names a load field it does not know and suggests the real one', () => {
    expect(errorOf(() => trafficOf({ contacts: 100, interval: 1800, ahtSeconds: 180 } as never))).toEqual(['UNKNOWN_KEY', 'interval']);
    expect(messageOf(() => trafficOf({ contacts: 100, interval: 1800, ahtSeconds: 180 } as never))).toContain('did you mean "intervalSeconds"?');
  });

  it('reports a missing, null or mistyped load field at that field', () => {
    expect(errorOf(() => trafficOf({ contacts: 100, intervalSeconds: 1800 } as never))).toEqual(['REQUIRED', 'ahtSeconds']);
    expect(errorOf(() => trafficOf({ ...load, contacts: null } as never))).toEqual(['INVALID_TYPE', 'contacts']);
    expect(errorOf(() => trafficOf({ ...load, contacts: '100' } as never))).toEqual(['INVALID_TYPE', 'contacts']);
    expect(errorOf(() => trafficOf({ ...load, contacts: -1 }))).toEqual(['INVALID_FACT', 'contacts']);
    expect(errorOf(() => trafficOf({ ...load, intervalSeconds: 0 }))).toEqual(['INVALID_FACT', 'intervalSeconds']);
    expect(errorOf(() => trafficOf(null as never))).toEqual(['INVALID_TYPE', 'load']);
  });

  it('refuses a load of more than 100,000 Erlangs at contacts, saying so', () => {
    expect(errorOf(() => trafficOf({ contacts: 1e9, intervalSeconds: 1800, ahtSeconds: 180 }))).toEqual(['INVALID_FACT', 'contacts']);
    expect(messageOf(() => trafficOf({ contacts: 1e9, intervalSeconds: 1800, ahtSeconds: 180 }))).toContain('at most 100,000 Erlangs');
  });

  it('checks agents and target times given as arguments', () => {
    expect(errorOf(() => erlangCFor(load, 0, 20))).toEqual(['INVALID_FACT', 'agents']);
    expect(errorOf(() => erlangCFor(load, 14.5, 20))).toEqual(['INVALID_FACT', 'agents']);
    expect(errorOf(() => erlangCFor(load, 14, -1))).toEqual(['INVALID_FACT', 'targetSeconds']);
    expect(errorOf(() => erlangAFor(load, 12, 20, 0))).toEqual(['INVALID_FACT', 'patienceSeconds']);
    expect(errorOf(() => erlangAFor(load, '12' as never, 20, 120))).toEqual(['INVALID_TYPE', 'agents']);
  });

  it('names a target field it does not know, with a suggestion, and a missing one', () => {
    expect(errorOf(() => agentsRequired(load, { serviceLevelPercent: 80, targetSecond: 20 } as never))).toEqual(['UNKNOWN_KEY', 'targetSecond']);
    expect(errorOf(() => agentsRequired(load, { serviceLevelPercent: 80 } as never))).toEqual(['REQUIRED', 'targetSeconds']);
    expect(errorOf(() => agentsRequired(load, null as never))).toEqual(['INVALID_TYPE', 'target']);
    expect(errorOf(() => agentsRequiredErlangA(load, target as never))).toEqual(['REQUIRED', 'patienceSeconds']);
    expect(errorOf(() => agentsRequiredErlangA(load, { ...target, patience: 120 } as never))).toEqual(['UNKNOWN_KEY', 'patience']);
  });

  it('checks a plan: the calendar, each forecast interval at [i, field], and the options', () => {
    expect(errorOf(() => staffingPlan({} as never, [], options))).toEqual(['INVALID_CALENDAR', 'calendar']);
    expect(errorOf(() => staffingPlan(desk, {} as never, options))).toEqual(['INVALID_TYPE', 'forecast']);
    expect(errorOf(() => staffingPlan(desk, [null] as never, options))).toEqual(['INVALID_TYPE', '0']);
    expect(errorOf(() => staffingPlan(desk, [{ start: '2026-11-23T15:00:00', contacts: 1 }], options))).toEqual(['INSTANT_WITHOUT_OFFSET', '0.start']);
    expect(errorOf(() => staffingPlan(desk, [{ start: 0, contacts: 1 }, { start: 0, contacts: -1 }], options))).toEqual(['INVALID_FACT', '1.contacts']);
    expect(errorOf(() => staffingPlan(desk, [{ start: 0, calls: 1 }] as never, options))).toEqual(['UNKNOWN_KEY', '0.calls']);
    expect(errorOf(() => staffingPlan(desk, [{ start: 0, contacts: 1e9 }], options))).toEqual(['INVALID_FACT', '0.contacts']);
    expect(errorOf(() => staffingPlan(desk, [], { ...options, shrinkagePercent: 100 }))).toEqual(['INVALID_FACT', 'shrinkagePercent']);
    expect(errorOf(() => staffingPlan(desk, [], { ...options, aht: 180 } as never))).toEqual(['UNKNOWN_KEY', 'aht']);
    expect(errorOf(() => staffingPlan(desk, [], null as never))).toEqual(['INVALID_TYPE', 'options']);
  });

  it('accepts a forecast start as an ISO string with an offset or epoch milliseconds', () => {
    const plan = staffingPlan(desk, [{ start: '2026-11-23T09:00:00-06:00', contacts: 100 }, { start: Date.UTC(2026, 10, 23, 12, 30), contacts: 40 }], options);
    expect(plan.intervals.map((i) => [i.start.toISOString(), i.open, i.agents])).toEqual([
      ['2026-11-23T15:00:00.000Z', true, 14],
      ['2026-11-23T12:30:00.000Z', false, 0],
    ]);
  });
});
