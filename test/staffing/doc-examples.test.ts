import { expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { agentsRequired, agentsRequiredErlangA, erlangAFor, erlangB, erlangC, erlangCFor, staffingPlan, trafficOf, workloadAgents } from '../../src/staffing/index.js';
import { errorOf } from '../helpers/errors.js';

// The @example blocks of src/staffing and the figures docs/staffing.md quotes.
const load = { contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 };

it('Erlang B and C', () => {
  expect(erlangB(10, 11).toFixed(4)).toBe('0.1632');
  expect(errorOf(() => erlangB(10, 1e10))).toEqual(['INVALID_FACT', 'agents']);
  expect(erlangC(10, 14).toFixed(4)).toBe('0.1741');
  expect(erlangC(10, 9)).toBe(1);
});

it('traffic, Erlang C figures, agents required and the workload formula', () => {
  expect(trafficOf(load)).toBe(10);
  const r = erlangCFor(load, 14, 20);
  expect([r.traffic, r.serviceLevel.toFixed(3)]).toEqual([10, '0.888']);
  expect(agentsRequired(load, { serviceLevelPercent: 80, targetSeconds: 20, maxOccupancyPercent: 85, shrinkagePercent: 30 })).toMatchObject({ agents: 14, scheduled: 20 });
  expect(workloadAgents(300, 6, 80)).toBe(37.5);
  expect(errorOf(() => workloadAgents(300, 6, 150))).toEqual(['INVALID_FACT', 'occupancyPercent']);
});

it('Erlang A, and its side-by-side table with Erlang C', () => {
  const a = erlangAFor(load, 12, 20, 120);
  expect(a.serviceLevel > erlangCFor(load, 12, 20).serviceLevel).toBe(true);
  expect([a.serviceLevel.toFixed(3), a.probabilityOfAbandoning.toFixed(3)]).toEqual(['0.826', '0.062']);
  expect(agentsRequiredErlangA(load, { serviceLevelPercent: 80, targetSeconds: 20, patienceSeconds: 120 }).agents).toBe(12);
  const table = [11, 12, 13, 14].map((n) => {
    const c = erlangCFor(load, n, 20);
    const e = erlangAFor(load, n, 20, 120);
    return [n, (c.serviceLevel * 100).toFixed(1), (e.serviceLevel * 100).toFixed(1), (e.probabilityOfAbandoning * 100).toFixed(1)];
  });
  expect(table).toEqual([
    [11, '39.0', '74.2', '9.4'],
    [12, '64.0', '82.6', '6.2'],
    [13, '79.6', '88.9', '3.8'],
    [14, '88.8', '93.3', '2.3'],
  ]);
  // With unbounded patience it is Erlang C: 88.84 % vs 88.84 % at 14 agents.
  expect([(erlangAFor(load, 14, 20, 1e7).serviceLevel * 100).toFixed(2), (erlangCFor(load, 14, 20).serviceLevel * 100).toFixed(2)]).toEqual(['88.84', '88.84']);
});

it('a staffing plan', () => {
  const desk = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['07:00-19:00'] } });
  const plan = staffingPlan(desk, [{ start: new Date('2026-11-23T15:00:00Z'), contacts: 100 }], {
    intervalSeconds: 1800,
    ahtSeconds: 180,
    serviceLevelPercent: 80,
    targetSeconds: 20,
    shrinkagePercent: 30,
  });
  expect([plan.intervals[0]?.agents, plan.intervals[0]?.scheduled]).toEqual([14, 20]);
});
