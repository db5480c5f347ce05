import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentsRequired, agentsRequiredErlangA, erlangAFor, erlangCFor } from '../../src/staffing/index.js';

const load = { contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 };

describe('Erlang A (callers who abandon)', () => {
  it('tends to Erlang C as patience grows without bound', () => {
    const a = erlangAFor(load, 14, 20, 1e7);
    const c = erlangCFor(load, 14, 20);
    expect(a.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 5);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
  });

  it('is exact when patience equals the handle time: the number in system is Poisson(A)', () => {
    // With abandonment rate = service rate, every caller leaves at rate mu: M/M/infinity.
    let below = 0;
    let term = Math.exp(-10);
    for (let k = 0; k < 12; k++) {
      below += term;
      term *= 10 / (k + 1);
    }
    expect(erlangAFor(load, 12, 20, 180).probabilityOfWaiting).toBeCloseTo(1 - below, 12);
  });

  it('staffs fewer agents than Erlang C for the same forecast, side by side', () => {
    const target = { serviceLevelPercent: 80, targetSeconds: 20 };
    const c = agentsRequired(load, target);
    const a = agentsRequiredErlangA(load, { ...target, patienceSeconds: 120 });
    expect([c.agents, a.agents, (a.probabilityOfAbandoning * 100).toFixed(1)]).toEqual([14, 12, '6.2']);
    // Capping abandonment at 5 % needs one more.
    expect(agentsRequiredErlangA(load, { ...target, patienceSeconds: 120, maxAbandonPercent: 5 }).agents).toBe(13);
  });

  it('law: service level rises and abandonment falls as agents are added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 400 }), fc.integer({ min: 60, max: 600 }), fc.integer({ min: 30, max: 600 }), (contacts, aht, patience) => {
        const l = { contacts, intervalSeconds: 1800, ahtSeconds: aht };
        const base = Math.max(1, Math.floor((contacts * aht) / 1800));
        const fewer = erlangAFor(l, base, 20, patience);
        const more = erlangAFor(l, base + 2, 20, patience);
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-9);
        expect(more.probabilityOfAbandoning).toBeLessThanOrEqual(fewer.probabilityOfAbandoning + 1e-12);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Erlang A regressions', () => {
  it('keeps occupancy at most 1 when one agent faces 1,209 Erlangs (rounding once put it at 1 + 1e-12)', () => {
    const r = erlangAFor({ contacts: 1208.6860701315857, intervalSeconds: 1, ahtSeconds: 1 }, 1, 0, 9);
    expect(r.occupancy).toBeLessThanOrEqual(1);
    expect(r.occupancy).toBeCloseTo(1, 9);
  });

  it('agrees with the Runge–Kutta integration of earlier versions to 1e-8 on the worked example', () => {
    // 0.1.0 integrated waiting callers' positions with RK4; these are its figures at 11-14 agents.
    const rk4 = [0.7422089844795057, 0.8255826444824456, 0.8885504986458891, 0.9327295807613438];
    expect([11, 12, 13, 14].map((n, i) => Math.abs(erlangAFor(load, n, 20, 120).serviceLevel - (rk4[i] as number)) < 1e-8)).toEqual([true, true, true, true]);
  });
});
