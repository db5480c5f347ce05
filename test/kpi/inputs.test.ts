import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { InvalidArgumentError } from '../../src/errors/index.js';
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

/** The first issue of the error a call throws, with its suggestion and message. */
function issueOf(fn: () => unknown): { code: string; path: readonly (string | number)[]; suggestion?: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error.issues[0] as never;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

const weights = { accuracy: 30, empathy: 25, compliance: 20, closure: 25 };
const evaluation = { accuracy: 90, empathy: 80, compliance: 100, closure: 70 };

describe('KPI targets are checked, never silently ignored', () => {
  it('refuses { csat: { min: 4.5 } } at csat, suggesting csatMean (it used to return [])', () => {
    const issue = issueOf(() => kpiReport([{ csat: 5 }], { csat: { min: 4.5 } } as never));
    expect([issue.code, issue.path, issue.suggestion]).toEqual(['UNKNOWN_KEY', ['csat'], 'csatMean']);
    expect(issue.message).toContain('did you mean "csatMean"?');
  });

  it('keeps each bound strict: { max } on a minimum KPI is an unknown key, and min is then missing', () => {
    expect(errorOf(() => kpiReport([], { csatMean: { max: 4 } } as never))).toEqual(['UNKNOWN_KEY', 'csatMean.max']);
    expect(errorOf(() => kpiReport([], { averageHandleTimeSeconds: {} } as never))).toEqual(['REQUIRED', 'averageHandleTimeSeconds.max']);
    expect(errorOf(() => kpiReport([], { serviceLevel: { minPercent: 80 } } as never))).toEqual(['REQUIRED', 'serviceLevel.withinSeconds']);
    expect(errorOf(() => kpiReport([], { serviceLevel: { minPercent: 80, withinSecond: 20 } } as never))).toEqual(['UNKNOWN_KEY', 'serviceLevel.withinSecond']);
  });

  it('refuses a wrong type or null as INVALID_TYPE at the field', () => {
    expect(errorOf(() => kpiReport([], { csatMean: 4.5 } as never))).toEqual(['INVALID_TYPE', 'csatMean']);
    expect(errorOf(() => kpiReport([], { csatMean: null } as never))).toEqual(['INVALID_TYPE', 'csatMean']);
    expect(errorOf(() => kpiReport([], { csatMean: { min: '4.5' } } as never))).toEqual(['INVALID_TYPE', 'csatMean.min']);
    expect(errorOf(() => kpiReport([], { nps: { min: Number.NaN } }))).toEqual(['INVALID_TYPE', 'nps.min']);
    expect(issueOf(() => kpiReport([], { nps: { min: Number.NaN } })).message).toContain('not NaN');
    expect(errorOf(() => kpiReport([], null as never))).toEqual(['INVALID_TYPE', 'targets']);
  });

  it("refuses a bound off its KPI's scale, saying the scale", () => {
    expect(errorOf(() => kpiReport([], { csatMean: { min: 90 } }))).toEqual(['INVALID_FACT', 'csatMean.min']);
    expect(issueOf(() => kpiReport([], { csatMean: { min: 90 } })).message).toContain('between 1 and 5');
    expect(issueOf(() => kpiReport([], { abandonmentPercent: { max: 105 } })).message).toContain('between 0 and 100 %');
    expect(errorOf(() => kpiReport([], { nps: { min: -101 } }))).toEqual(['INVALID_FACT', 'nps.min']);
    expect(errorOf(() => kpiReport([], { serviceLevel: { minPercent: 180, withinSeconds: 20 } }))).toEqual(['INVALID_FACT', 'serviceLevel.minPercent']);
    expect(errorOf(() => kpiReport([], { averageSpeedOfAnswerSeconds: { max: -1 } }))).toEqual(['INVALID_FACT', 'averageSpeedOfAnswerSeconds.max']);
  });

  it('needs minSample to be a whole number, 1 or more', () => {
    expect(errorOf(() => kpiReport([], { minSample: 0 }))).toEqual(['INVALID_FACT', 'minSample']);
    expect(errorOf(() => kpiReport([], { minSample: 2.5 }))).toEqual(['INVALID_FACT', 'minSample']);
    expect(issueOf(() => kpiReport([], { minSample: 0 })).message).toContain('a whole number, 1 or more');
    expect(kpiReport([{ nps: 10 }], { nps: { min: 0 }, minSample: 1 })[0]?.status).toBe('met');
  });
});

describe('contact records are checked at [index, field]', () => {
  const measures = [firstContactResolution, csat, nps, averageSpeedOfAnswer, averageHandleTime, abandonmentRate, escalationRate, deflectionRate, (r: readonly ContactRecord[]) => medianTimeToResolution(r)];

  it('refuses a field no record has, suggesting the real one, in every KPI', () => {
    for (const measure of measures) expect(errorOf(() => measure([{ csat: 5 }, { csatScore: 5 }] as never))).toEqual(['UNKNOWN_KEY', '1.csatScore']);
    expect(issueOf(() => csat([{ csatt: 5 }] as never)).suggestion).toBe('csat');
  });

  it('refuses wrong types and null: a score as text, a flag as a number, a record that is not an object', () => {
    expect(errorOf(() => csat([{ csat: '5' }] as never))).toEqual(['INVALID_TYPE', '0.csat']);
    expect(errorOf(() => csat([{}, { csat: null }] as never))).toEqual(['INVALID_TYPE', '1.csat']);
    expect(errorOf(() => firstContactResolution([{ resolvedOnFirstContact: 1 }] as never))).toEqual(['INVALID_TYPE', '0.resolvedOnFirstContact']);
    expect(errorOf(() => nps([null] as never))).toEqual(['INVALID_TYPE', '0']);
    expect(errorOf(() => nps('records' as never))).toEqual(['INVALID_TYPE', 'records']);
    expect(errorOf(() => csat([{ channel: '' }]))).toEqual(['INVALID_TYPE', '0.channel']);
  });

  it('refuses scores off their scale (CSAT 1-5, NPS 0-10) and negative or NaN seconds', () => {
    expect(errorOf(() => csat([{ csat: 7 }]))).toEqual(['INVALID_FACT', '0.csat']);
    expect(issueOf(() => csat([{ csat: 7 }])).message).toContain('between 1 and 5');
    expect(errorOf(() => nps([{ nps: 11 }]))).toEqual(['INVALID_FACT', '0.nps']);
    expect(errorOf(() => averageHandleTime([{ handleSeconds: -1 }]))).toEqual(['INVALID_FACT', '0.handleSeconds']);
    expect(errorOf(() => averageSpeedOfAnswer([{ waitSeconds: Number.NaN }]))).toEqual(['INVALID_TYPE', '0.waitSeconds']);
    expect(issueOf(() => averageSpeedOfAnswer([{ waitSeconds: Number.POSITIVE_INFINITY }])).message).toContain('not Infinity');
  });

  it('reads createdAt and resolvedAt by the one instant rule: Date, epoch ms or ISO 8601 with an offset', () => {
    const records = [
      { createdAt: new Date('2026-11-23T09:00Z'), resolvedAt: '2026-11-23T13:00:00Z' },
      { createdAt: Date.UTC(2026, 10, 23, 9), resolvedAt: '2026-11-23T10:00:00-03:00' },
    ];
    expect(medianTimeToResolution(records)).toEqual({ value: 4 * 3_600_000, sample: 2 });
    expect(errorOf(() => medianTimeToResolution([{ createdAt: '2026-11-23T09:00:00' }]))).toEqual(['INSTANT_WITHOUT_OFFSET', '0.createdAt']);
    expect(errorOf(() => medianTimeToResolution([{ resolvedAt: 'yesterday' }]))).toEqual(['INVALID_INSTANT', '0.resolvedAt']);
  });

  it('refuses a resolution dated before the contact was created (EVENT_BEFORE_CREATED at resolvedAt)', () => {
    const record = { createdAt: '2026-11-23T10:00:00Z', resolvedAt: '2026-11-23T09:00:00Z' };
    expect(errorOf(() => medianTimeToResolution([record]))).toEqual(['EVENT_BEFORE_CREATED', '0.resolvedAt']);
    expect(issueOf(() => csat([record])).message).toContain('"resolvedAt" (2026-11-23T09:00:00.000Z) is before "createdAt" (2026-11-23T10:00:00.000Z)');
  });

  it('reports a bad calendar at calendar', () => {
    expect(errorOf(() => medianTimeToResolution([], {} as never))).toEqual(['INVALID_CALENDAR', 'calendar']);
    const desk = createCalendar({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'] } });
    expect(medianTimeToResolution([{ createdAt: '2026-11-23T08:00:00Z', resolvedAt: '2026-11-23T10:00:00Z' }], desk).value).toBe(3_600_000);
  });

  it('checks the service-level threshold', () => {
    expect(errorOf(() => answeredWithin([], Number.NaN))).toEqual(['INVALID_TYPE', 'thresholdSeconds']);
    expect(errorOf(() => answeredWithin([], -1))).toEqual(['INVALID_FACT', 'thresholdSeconds']);
    expect(errorOf(() => answeredWithin([], undefined as never))).toEqual(['REQUIRED', 'thresholdSeconds']);
  });
});

describe('costs are decimal strings or Money, in the report currency', () => {
  it('refuses a number: amounts are decimal strings', () => {
    expect(errorOf(() => costPer([{ cost: 6 }] as never, 'USD'))).toEqual(['INVALID_TYPE', '0.cost']);
    expect(issueOf(() => costPer([{ cost: 6 }] as never, 'USD')).message).toContain('amounts are decimal strings such as');
    // Every KPI checks the cost, not only costPer.
    expect(errorOf(() => csat([{ csat: 5, cost: 6 }] as never))).toEqual(['INVALID_TYPE', '0.cost']);
  });

  it('refuses malformed, negative, too precise and foreign amounts at the cost', () => {
    expect(errorOf(() => costPer([{ cost: '6,00' }], 'USD'))).toEqual(['INVALID_AMOUNT', '0.cost']);
    expect(errorOf(() => costPer([{ cost: '-6.00' }], 'USD'))).toEqual(['INVALID_FACT', '0.cost']);
    expect(errorOf(() => costPer([{ cost: '6.001' }], 'USD'))).toEqual(['TOO_PRECISE', '0.cost']);
    expect(errorOf(() => costPer([{ cost: { amount: '6.00', currency: 'EUR' } }], 'USD'))).toEqual(['CURRENCY_MISMATCH', '0.cost.currency']);
    expect(errorOf(() => costPer([{ cost: { amount: '6.00', currency: 'XYZ' } }], 'USD'))).toEqual(['UNKNOWN_CURRENCY', '0.cost.currency']);
    expect(errorOf(() => costPer([{ cost: null }] as never, 'USD'))).toEqual(['INVALID_TYPE', '0.cost']);
  });

  it('checks the report currency', () => {
    expect(errorOf(() => costPer([], 'usd'))).toEqual(['UNKNOWN_CURRENCY', 'currency']);
    expect(errorOf(() => costPer([], 840 as never))).toEqual(['INVALID_TYPE', 'currency']);
    expect(costPer([{ cost: { amount: '6.00', currency: 'USD' }, resolved: true }], 'USD').perResolved).toEqual({ amount: '6.00', currency: 'USD' });
  });
});

describe('the QA scorecard is checked', () => {
  it('needs finite weights, 0 or more, with a positive total', () => {
    expect(errorOf(() => qaScore({ ...weights, empathy: -25 }, [evaluation]))).toEqual(['INVALID_FACT', 'weights.empathy']);
    expect(errorOf(() => qaScore({ ...weights, empathy: Number.NaN }, [evaluation]))).toEqual(['INVALID_TYPE', 'weights.empathy']);
    expect(errorOf(() => qaScore({ accuracy: 0 }, [{ accuracy: 50 }]))).toEqual(['INVALID_FACT', 'weights']);
    expect(errorOf(() => qaScore({}, []))).toEqual(['INVALID_FACT', 'weights']);
    expect(errorOf(() => qaScore(null as never, []))).toEqual(['INVALID_TYPE', 'weights']);
  });

  it('needs every evaluation to be an object scoring each criterion 0-100, and no other', () => {
    expect(errorOf(() => qaScore(weights, [evaluation, null] as never))).toEqual(['INVALID_TYPE', '1']);
    expect(errorOf(() => qaScore(weights, {} as never))).toEqual(['INVALID_TYPE', 'evaluations']);
    expect(errorOf(() => qaScore(weights, [{ ...evaluation, closure: undefined }] as never))).toEqual(['REQUIRED', '0.closure']);
    expect(errorOf(() => qaScore(weights, [{ ...evaluation, empathy: 101 }]))).toEqual(['INVALID_FACT', '0.empathy']);
    const typo = issueOf(() => qaScore({ accuracy: 1 }, [{ acuracy: 90 }] as never));
    expect([typo.code, typo.path, typo.suggestion]).toEqual(['UNKNOWN_KEY', [0, 'acuracy'], 'accuracy']);
  });

  it('stays finite with weights near the largest double', () => {
    expect(qaScore({ a: 1e308, b: 1e308 }, [{ a: 100, b: 50 }])).toEqual({ value: 75, sample: 1 });
  });
});
