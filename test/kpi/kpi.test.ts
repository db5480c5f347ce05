import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  abandonmentRate,
  answeredWithin,
  costPer,
  csat,
  firstContactResolution,
  kpiReport,
  medianTimeToResolution,
  nps,
  qaScore,
  type ContactRecord,
} from '../../src/kpi/index.js';

describe('KPIs', () => {
  it('computes NPS from raw scores: promoters 9-10 minus detractors 0-6', () => {
    expect(nps([10, 9, 8, 6, 3].map((score) => ({ nps: score })))).toEqual({ score: 0, promoters: 2, passives: 1, detractors: 2, sample: 5 });
    expect(nps([10, 10, 9, 7].map((score) => ({ nps: score }))).score).toBe(75);
  });

  it('computes CSAT mean and percent satisfied, ignoring contacts without a score', () => {
    const result = csat([{ csat: 5 }, { csat: 4 }, { csat: 2 }, {}]);
    expect([result.mean?.toFixed(2), result.percentSatisfied?.toFixed(1), result.sample]).toEqual(['3.67', '66.7', 3]);
  });

  it('reports an empty sample as null, never as 0 %', () => {
    expect(firstContactResolution([])).toEqual({ value: null, sample: 0 });
    expect(kpiReport([{}], { firstContactResolutionPercent: { min: 80 } })[0]?.status).toBe('no-data');
  });

  it('computes service level, abandonment and cost exactly', () => {
    const calls: ContactRecord[] = [{ waitSeconds: 5 }, { waitSeconds: 20 }, { waitSeconds: 21 }, { waitSeconds: 90, abandoned: true }, { waitSeconds: 0, abandoned: false }];
    expect(answeredWithin(calls, 20)).toEqual({ value: 75, sample: 4 });
    expect(abandonmentRate(calls).value).toBe(50); // only two calls say whether they abandoned
    const cost = costPer([{ cost: '6.00', resolved: true }, { cost: '12.00', resolved: false }, { cost: '0.01', resolved: true }], 'USD');
    expect([cost.perContact?.amount, cost.perResolved?.amount]).toEqual(['6.00', '9.01']); // 18.01 / 3 = 6.0033; 18.01 / 2 = 9.005 -> 9.01
  });

  it('scores QA with the weighted scorecard (accuracy 30, empathy 25, compliance 20, closure 25)', () => {
    const weights = { accuracy: 30, empathy: 25, compliance: 20, closure: 25 };
    expect(qaScore(weights, [{ accuracy: 90, empathy: 80, compliance: 100, closure: 70 }])).toEqual({ value: 84.5, sample: 1 });
  });

  it('takes the median time to resolution in calendar or business time', () => {
    const desk = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } });
    const records = [
      { createdAt: new Date('2026-11-23T09:00Z'), resolvedAt: new Date('2026-11-23T13:00Z') },
      { createdAt: new Date('2026-11-23T16:00Z'), resolvedAt: new Date('2026-11-24T10:00Z') },
      { createdAt: new Date('2026-11-23T09:00Z'), resolvedAt: new Date('2026-11-24T09:00Z') },
    ];
    expect(medianTimeToResolution(records).value).toBe(18 * 3_600_000);
    expect(medianTimeToResolution(records, desk).value).toBe(4 * 3_600_000);
  });

  it("judges Primos' targets: FCR >= 80 %, CSAT >= 4.5, NPS >= 40, ASA <= 30 s, and flags a too-small sample", () => {
    const records: ContactRecord[] = [
      { resolvedOnFirstContact: true, csat: 5, nps: 10, waitSeconds: 12 },
      { resolvedOnFirstContact: true, csat: 5, nps: 9, waitSeconds: 25 },
      { resolvedOnFirstContact: true, csat: 4, nps: 8, waitSeconds: 40 },
      { resolvedOnFirstContact: false, csat: 4, nps: 9, waitSeconds: 20 },
      { resolvedOnFirstContact: true, csat: 5, nps: 6, waitSeconds: 10 },
    ];
    const report = kpiReport(records, { firstContactResolutionPercent: { min: 80 }, csatMean: { min: 4.5 }, nps: { min: 40 }, averageSpeedOfAnswerSeconds: { max: 30 }, minSample: 3 });
    expect(report.map((l) => [l.kpi, l.value, l.status])).toEqual([
      ['firstContactResolutionPercent', 80, 'met'],
      ['csatMean', 4.6, 'met'],
      ['nps', 40, 'met'],
      ['averageSpeedOfAnswerSeconds', 21.4, 'met'],
    ]);
    expect(kpiReport(records.slice(0, 2), { nps: { min: 40 }, minSample: 3 })[0]?.status).toBe('too-small');
  });

  it('is order-independent', () => {
    const recordArb = fc.record(
      { resolvedOnFirstContact: fc.boolean(), csat: fc.integer({ min: 1, max: 5 }), nps: fc.integer({ min: 0, max: 10 }), waitSeconds: fc.integer({ min: 0, max: 300 }), abandoned: fc.boolean(), escalated: fc.boolean() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }).chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length }))), ([records, shuffled]) => {
        const targets = { firstContactResolutionPercent: { min: 80 }, csatMean: { min: 4.5 }, nps: { min: 40 }, averageSpeedOfAnswerSeconds: { max: 30 }, abandonmentPercent: { max: 5 }, serviceLevel: { minPercent: 80, withinSeconds: 20 }, escalationPercent: { max: 3 } };
        const round = (lines: ReturnType<typeof kpiReport>) => lines.map((l) => ({ ...l, value: l.value === null ? null : Number(l.value.toFixed(9)) }));
        expect(round(kpiReport(shuffled, targets))).toEqual(round(kpiReport(records, targets)));
      }),
      { numRuns: 200 },
    );
  });
});
