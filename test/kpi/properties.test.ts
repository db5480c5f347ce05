// Malformed and extreme records, targets and scorecards: every KPI either answers with a
// documented result (a value on its scale with its sample, or null for an empty sample) or throws
// a SupportRulesError with a code and a non-empty path, quickly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  abandonmentRate,
  answeredWithin,
  averageHandleTime,
  averageSpeedOfAnswer,
  costPer,
  csat,
  deflectionRate,
  escalationRate,
  firstContactResolution,
  kpiReport,
  medianTimeToResolution,
  nps,
  qaScore,
  type Measure,
} from '../../src/kpi/index.js';
import { answersOrThrowsTyped } from '../helpers/malformed.js';
import { anyNumber, junk, recordsArb, scorecardArb, targetsArb } from './arbitraries.js';

const desk = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } });


/** A measure on a scale: null exactly when the sample is empty. */
const onScale = (low: number, high: number) => (m: Measure) => {
  expect(Number.isInteger(m.sample) && m.sample >= 0).toBe(true);
  if (m.sample === 0) expect(m.value).toBeNull();
  else {
    expect(m.value).not.toBeNull();
    expect(m.value as number).toBeGreaterThanOrEqual(low - 1e-9);
    expect(m.value as number).toBeLessThanOrEqual(high + 1e-9);
  }
};

describe('KPIs under malformed and extreme input', () => {
  it('the rates: a percentage with its sample, or a typed error', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        for (const rate of [firstContactResolution, abandonmentRate, escalationRate, deflectionRate]) answersOrThrowsTyped(() => rate(records as never), onScale(0, 100));
      }),
      { numRuns: 300 },
    );
  });

  it('CSAT, NPS, ASA and AHT: values on their scales, or a typed error', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        answersOrThrowsTyped(
          () => csat(records as never),
          (c) => {
            onScale(1, 5)({ value: c.mean, sample: c.sample });
            onScale(0, 100)({ value: c.percentSatisfied, sample: c.sample });
          },
        );
        answersOrThrowsTyped(
          () => nps(records as never),
          (n) => {
            onScale(-100, 100)({ value: n.score, sample: n.sample });
            expect(n.promoters + n.passives + n.detractors).toBe(n.sample);
          },
        );
        answersOrThrowsTyped(() => averageSpeedOfAnswer(records as never), onScale(0, 1e9));
        answersOrThrowsTyped(() => averageHandleTime(records as never), onScale(0, 1e9));
      }),
      { numRuns: 300 },
    );
  });

  it('service level, cost and time to resolution: documented results, or a typed error', () => {
    fc.assert(
      fc.property(recordsArb, fc.oneof(fc.double({ min: 0, max: 60, noNaN: true }), anyNumber), fc.oneof({ weight: 8, arbitrary: fc.constantFrom('USD', 'EUR', 'JPY') }, { weight: 1, arbitrary: junk }), fc.oneof(fc.constant(undefined), fc.constant(desk), junk), (records, threshold, currency, calendar) => {
        answersOrThrowsTyped(() => answeredWithin(records as never, threshold as number), onScale(0, 100));
        answersOrThrowsTyped(
          () => costPer(records as never, currency as string),
          (c) => {
            expect(c.perContact === null).toBe(c.contacts === 0);
            expect(c.perResolved === null).toBe(c.resolved === 0);
          },
        );
        answersOrThrowsTyped(() => medianTimeToResolution(records as never, calendar as never), onScale(0, Number.MAX_SAFE_INTEGER));
      }),
      { numRuns: 300 },
    );
  });

  it('the report: one line per target, each judged or marked no-data / too-small, or a typed error', () => {
    fc.assert(
      fc.property(recordsArb, targetsArb, (records, targets) => {
        answersOrThrowsTyped(
          () => kpiReport(records as never, targets as never),
          (lines) => {
            const kpis = Object.keys(targets as object).filter((k) => k !== 'minSample' && (targets as Record<string, unknown>)[k] !== undefined);
            expect(lines.map((l) => l.kpi).sort()).toEqual(kpis.sort());
            for (const line of lines) expect(['met', 'missed', 'no-data', 'too-small']).toContain(line.status);
          },
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the QA scorecard: a weighted mean between 0 and 100, or a typed error', () => {
    fc.assert(
      fc.property(scorecardArb, ([weights, evaluations]) => {
        answersOrThrowsTyped(() => qaScore(weights as never, evaluations as never), onScale(0, 100));
      }),
      { numRuns: 300 },
    );
  });
});
