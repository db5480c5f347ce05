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
