// Malformed and extreme inputs: whatever a plain-JavaScript or JSON caller passes, every staffing
// function either answers with a documented result or throws a SupportRulesError with a code and
// a non-empty path, and it does so in well under 50 ms (no hang on any finite input).

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { agentsRequired, agentsRequiredErlangA, erlangAFor, erlangB, erlangC, erlangCFor, staffingPlan, trafficOf, workloadAgents } from '../../src/staffing/index.js';
import { answersOrThrowsTyped } from '../helpers/malformed.js';
import { agentsArb, anyNumber, erlangATargetArb, junk, loadArb, objectArb, percentArb, secondsArb, targetArb, targetFields, validErlangATargetArb, validLoadArb, validTargetArb } from './arbitraries.js';

const desk = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['07:00-19:00'], tue: ['07:00-19:00'] } });


const probability = (p: number) => {
  expect(p).toBeGreaterThanOrEqual(-1e-12);
  expect(p).toBeLessThanOrEqual(1 + 1e-12);
};

describe('staffing under malformed and extreme input', () => {
  beforeAll(() => {
    // Warm the compiler up, so a cold first call is not mistaken for a hang.
    for (let i = 0; i < 3; i++) {
      agentsRequiredErlangA({ contacts: 50_000, intervalSeconds: 1, ahtSeconds: 1 }, { serviceLevelPercent: 30, targetSeconds: 1, patienceSeconds: 2 });
      erlangB(100_000, 1_000_000);
      agentsRequired({ contacts: 100_000, intervalSeconds: 1, ahtSeconds: 1 }, { serviceLevelPercent: 100, targetSeconds: 0 });
    }
  });

  it('Erlang B and C: a probability, or a typed error, for any pair of values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 100_000, noNaN: true }), anyNumber), agentsArb, (traffic, agents) => {
        answersOrThrowsTyped(() => erlangB(traffic as number, agents as number), probability);
        answersOrThrowsTyped(() => erlangC(traffic as number, agents as number), probability);
      }),
      { numRuns: 400 },
    );
  });

  it('the workload formula: a finite number of agents up to 1,000,000, or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 5000 }), anyNumber), fc.oneof(fc.double({ min: 0.1, max: 30, noNaN: true }), anyNumber), percentArb, (perHour, minutes, occupancy) => {
        answersOrThrowsTyped(
          () => workloadAgents(perHour as number, minutes as number, occupancy as number),
          (agents) => {
            expect(Number.isFinite(agents)).toBe(true);
            expect(agents).toBeGreaterThanOrEqual(0);
            expect(agents).toBeLessThanOrEqual(1_000_000);
          },
        );
      }),
      { numRuns: 300 },
    );
  });

  it('traffic and Erlang C figures: finite probabilities, or a typed error', () => {
    fc.assert(
      fc.property(loadArb, agentsArb, secondsArb, (load, agents, seconds) => {
        answersOrThrowsTyped(
          () => trafficOf(load as never),
          (traffic) => expect(traffic >= 0 && traffic <= 100_000).toBe(true),
        );
        answersOrThrowsTyped(
          () => erlangCFor(load as never, agents as number, seconds as number),
          (r) => {
            probability(r.probabilityOfWaiting);
            probability(r.serviceLevel);
            probability(r.occupancy);
            expect(r.stable ? Number.isFinite(r.averageSpeedOfAnswerSeconds) : r.averageSpeedOfAnswerSeconds === Number.POSITIVE_INFINITY).toBe(true);
          },
        );
      }),
      { numRuns: 300 },
    );
  });

  it('agents required: the fewest whole agents meeting the target, up to 1,000,000, or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(validLoadArb, loadArb), fc.oneof(validTargetArb, targetArb), (load, target) => {
        answersOrThrowsTyped(
          () => agentsRequired(load as never, target as never),
          (r) => {
            const t = target as { serviceLevelPercent: number };
            expect(Number.isInteger(r.agents) && r.agents >= 1 && r.agents <= 1_000_000).toBe(true);
            expect(r.scheduled).toBeGreaterThanOrEqual(r.agents);
            expect(r.serviceLevel * 100).toBeGreaterThanOrEqual(t.serviceLevelPercent - 1e-9);
          },
        );
      }),
      { numRuns: 300 },
    );
  });

  it('Erlang A figures: finite probabilities for any target time, or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(validLoadArb, loadArb), agentsArb, secondsArb, fc.oneof(fc.double({ min: 1, max: 1e9, noNaN: true }), anyNumber), (load, agents, seconds, patience) => {
        answersOrThrowsTyped(
          () => erlangAFor(load as never, agents as number, seconds as number, patience as number),
          (r) => {
            for (const p of [r.probabilityOfWaiting, r.probabilityOfAbandoning, r.serviceLevel, r.occupancy]) probability(p);
            expect(Number.isFinite(r.averageWaitSeconds) && r.averageWaitSeconds >= 0).toBe(true);
          },
        );
      }),
      { numRuns: 250 },
    );
  });

  it('agents required under Erlang A: a target met, or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(validLoadArb, loadArb), fc.oneof(validErlangATargetArb, erlangATargetArb), (load, target) => {
        answersOrThrowsTyped(
          () => agentsRequiredErlangA(load as never, target as never),
          (r) => {
            const t = target as { serviceLevelPercent: number; maxAbandonPercent?: number };
            expect(Number.isInteger(r.agents) && r.agents >= 1).toBe(true);
            expect(r.serviceLevel * 100).toBeGreaterThanOrEqual(t.serviceLevelPercent - 1e-9);
            if (t.maxAbandonPercent !== undefined) expect(r.probabilityOfAbandoning * 100).toBeLessThanOrEqual(t.maxAbandonPercent);
          },
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a staffing plan: one line per interval, or a typed error', () => {
    const slot = objectArb({ start: fc.oneof(fc.constantFrom('2026-11-23T15:00:00Z', '2026-11-23T15:00:00', 'soon', 0), fc.integer(), fc.date()), contacts: fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), anyNumber) }, ['begin', 'startAt', 'calls', 'contact']);
    const options = objectArb({ intervalSeconds: fc.oneof(fc.constant(1800), anyNumber), ahtSeconds: fc.oneof(fc.constant(180), anyNumber), ...targetFields }, ['interval', 'aht', 'serviceLevel', 'shrinkage']);
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: fc.array(slot, { maxLength: 6 }) }, { weight: 1, arbitrary: junk }), options, fc.oneof({ weight: 9, arbitrary: fc.constant(desk) }, { weight: 1, arbitrary: junk }), (forecast, opts, calendar) => {
        answersOrThrowsTyped(
          () => staffingPlan(calendar as never, forecast as never, opts as never),
          (plan) => {
            expect(plan.intervals.length).toBe((forecast as unknown[]).length);
            expect(Number.isFinite(plan.peakScheduled)).toBe(true);
          },
        );
      }),
      { numRuns: 200 },
    );
  });
});
