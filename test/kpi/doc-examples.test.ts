import { expect, it } from 'vitest';
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
  type ContactRecord,
} from '../../src/kpi/index.js';
import { errorOf } from '../helpers/errors.js';

// The @example blocks of src/kpi and the examples of docs/kpi.md.
it('the rates and means', () => {
  expect(firstContactResolution([{ resolvedOnFirstContact: true }, { resolvedOnFirstContact: false }, {}])).toEqual({ value: 50, sample: 2 });
  const c = csat([{ csat: 5 }, { csat: 4 }, { csat: 2 }, {}]);
  expect([c.mean?.toFixed(2), c.percentSatisfied?.toFixed(1), c.sample]).toEqual(['3.67', '66.7', 3]);
  expect(errorOf(() => csat([{ csat: 7 }]))).toEqual(['INVALID_FACT', '0.csat']);
  expect(nps([10, 9, 8, 6, 3].map((score) => ({ nps: score })))).toEqual({ score: 0, promoters: 2, passives: 1, detractors: 2, sample: 5 });
  expect(averageSpeedOfAnswer([{ waitSeconds: 10 }, { waitSeconds: 30 }, { waitSeconds: 90, abandoned: true }])).toEqual({ value: 20, sample: 2 });
  expect(averageHandleTime([{ handleSeconds: 300 }, { handleSeconds: 420 }, {}])).toEqual({ value: 360, sample: 2 });
  expect(abandonmentRate([{ abandoned: true }, { abandoned: false }, { waitSeconds: 5 }])).toEqual({ value: 50, sample: 2 });
  const sl = answeredWithin([{ waitSeconds: 5 }, { waitSeconds: 20 }, { waitSeconds: 21 }, { waitSeconds: 90, abandoned: true }], 20);
  expect([sl.value?.toFixed(2), sl.sample]).toEqual(['66.67', 3]);
  expect(escalationRate([{ escalated: true }, { escalated: false }, { escalated: false }, { escalated: false }])).toEqual({ value: 25, sample: 4 });
  expect(deflectionRate([{ selfServed: true }, { selfServed: false }])).toEqual({ value: 50, sample: 2 });
});

it('cost, time to resolution and the QA scorecard', () => {
  expect(costPer([{ cost: '6.00', resolved: true }, { cost: '12.00', resolved: false }], 'USD')).toEqual({
    perContact: { amount: '9.00', currency: 'USD' },
    perResolved: { amount: '18.00', currency: 'USD' },
    contacts: 2,
    resolved: 1,
  });
  expect(errorOf(() => costPer([{ cost: 6 }] as never, 'USD'))).toEqual(['INVALID_TYPE', '0.cost']);
  expect(medianTimeToResolution([{ createdAt: '2026-11-23T09:00:00Z', resolvedAt: '2026-11-23T13:00:00Z' }])).toEqual({ value: 14_400_000, sample: 1 });
  expect(qaScore({ accuracy: 30, empathy: 25, compliance: 20, closure: 25 }, [{ accuracy: 90, empathy: 80, compliance: 100, closure: 70 }])).toEqual({ value: 84.5, sample: 1 });
});

it('the report, and a misspelt target', () => {
  const records: ContactRecord[] = [
    ...Array.from({ length: 33 }, () => ({ resolvedOnFirstContact: true, csat: 5, nps: 10 })),
    ...Array.from({ length: 7 }, () => ({ resolvedOnFirstContact: false, csat: 4, nps: 7 })),
  ];
  expect(kpiReport(records, { firstContactResolutionPercent: { min: 80 }, csatMean: { min: 4.5 }, nps: { min: 40 } })[0]).toEqual({
    kpi: 'firstContactResolutionPercent',
    value: 82.5,
    target: '>= 80',
    sample: 40,
    status: 'met',
  });
  expect(errorOf(() => kpiReport(records, { csat: { min: 4.5 } } as never))).toEqual(['UNKNOWN_KEY', 'csat']);
});
