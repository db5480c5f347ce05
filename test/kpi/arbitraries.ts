// Records, targets and scorecards a plain-JavaScript or JSON caller might pass: valid ones, and
// ones with near-miss keys, wrong types, null, values off their scale, NaN and Infinity, and
// random JSON in place of a record or a field.

import fc from 'fast-check';

export const junk = fc.oneof(fc.anything(), fc.jsonValue(), fc.constantFrom(null, undefined, '', '5', [], {}, new Date(Number.NaN), true, 0));
const edge = fc.constantFrom(-1, 0, 0.5, 1, 4.5, 5, 5.5, 10, 11, 100, 101, 1e9, 1e10, -0, 5e-324, 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
export const anyNumber = fc.oneof({ weight: 3, arbitrary: fc.double() }, { weight: 3, arbitrary: edge }, { weight: 1, arbitrary: junk });
const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: anyNumber }, { weight: 1, arbitrary: junk });

const at = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
const instantAs = (ms: number) => fc.constantFrom<unknown>(ms, new Date(ms), new Date(ms).toISOString(), new Date(ms).toISOString().replace('Z', '+00:00'));

/** A record whose fields all lie on their scales. */
export const validRecordArb = fc
  .tuple(
    fc.record(
      {
        channel: fc.constantFrom('phone', 'chat', 'email'),
        resolvedOnFirstContact: fc.boolean(),
        resolved: fc.boolean(),
        csat: fc.integer({ min: 1, max: 5 }),
        nps: fc.integer({ min: 0, max: 10 }),
        waitSeconds: fc.double({ min: 0, max: 600, noNaN: true }),
        handleSeconds: fc.double({ min: 0, max: 3600, noNaN: true }),
        abandoned: fc.boolean(),
        escalated: fc.boolean(),
        selfServed: fc.boolean(),
        cost: fc.oneof(fc.constantFrom('6.00', '0.01', '12', '0'), fc.constantFrom({ amount: '2.50', currency: 'USD' })),
      },
      { requiredKeys: [] },
    ),
    fc.option(fc.tuple(at, fc.integer({ min: 0, max: 30 * 86_400_000 })).chain(([created, delta]) => fc.tuple(instantAs(created), instantAs(created + delta))), { nil: undefined }),
  )
  .map(([record, dates]) => (dates ? { ...record, createdAt: dates[0], resolvedAt: dates[1] } : record));

const NEAR_MISSES = ['csatt', 'CSAT', 'csatScore', 'npsScore', 'wait', 'waitSecond', 'handleTime', 'created', 'resolved_at', 'resolvedat', 'selfserved', 'escalation', 'costs', 'chanel', '__proto__'];

/** A record that may be broken: a near-miss key, a field of another type, null, or not an object. */
export const recordArb = fc.oneof(
  { weight: 6, arbitrary: validRecordArb },
  { weight: 1, arbitrary: fc.tuple(validRecordArb, fc.constantFrom(...NEAR_MISSES), maybe(fc.integer({ min: 0, max: 5 }))).map(([r, key, value]) => Object.assign(JSON.parse(`{${JSON.stringify(key)}: 1}`), r, { [key]: value })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(validRecordArb, fc.constantFrom('csat', 'nps', 'waitSeconds', 'handleSeconds', 'cost', 'createdAt', 'resolvedAt', 'abandoned', 'channel'), fc.oneof(anyNumber, junk, at.chain(instantAs), fc.constantFrom('-1.00', '6.001', '6,00', { amount: '1.00', currency: 'EUR' }, '2026-11-23T09:00:00')))
      .map(([r, key, value]) => ({ ...r, [key]: value })),
  },
  { weight: 1, arbitrary: junk },
);

export const recordsArb = fc.oneof({ weight: 5, arbitrary: fc.array(validRecordArb, { maxLength: 12 }) }, { weight: 4, arbitrary: fc.array(recordArb, { maxLength: 12 }) }, { weight: 1, arbitrary: junk });

const percent = fc.double({ min: 0, max: 100, noNaN: true });
const scales = {
  firstContactResolutionPercent: ['min', percent],
  csatMean: ['min', fc.double({ min: 1, max: 5, noNaN: true })],
  csatPercentSatisfied: ['min', percent],
  nps: ['min', fc.double({ min: -100, max: 100, noNaN: true })],
  averageSpeedOfAnswerSeconds: ['max', fc.double({ min: 0, max: 600, noNaN: true })],
  averageHandleTimeSeconds: ['max', fc.double({ min: 0, max: 3600, noNaN: true })],
  abandonmentPercent: ['max', percent],
  escalationPercent: ['max', percent],
  deflectionPercent: ['min', percent],
} as const;
const validServiceLevel = fc.record({ minPercent: percent, withinSeconds: fc.double({ min: 0, max: 60, noNaN: true }) });
const validTargets = fc.record(
  { ...Object.fromEntries(Object.entries(scales).map(([kpi, [side, scale]]) => [kpi, fc.record({ [side]: scale })])), serviceLevel: validServiceLevel, minSample: fc.integer({ min: 1, max: 5 }) },
  { requiredKeys: [] },
);
const messyTargets = fc.record(
  {
    ...Object.fromEntries(
      Object.entries(scales).map(([kpi, [side, scale]]) => [
        kpi,
        fc.oneof({ weight: 6, arbitrary: fc.record({ [side]: scale }) }, { weight: 1, arbitrary: fc.record({ [side === 'min' ? 'max' : 'min']: scale }) }, { weight: 1, arbitrary: fc.record({ [side]: anyNumber }) }, { weight: 1, arbitrary: junk }),
      ]),
    ),
    serviceLevel: fc.oneof({ weight: 6, arbitrary: validServiceLevel }, { weight: 1, arbitrary: fc.record({ minPercent: anyNumber, withinSecond: anyNumber }, { requiredKeys: [] }) }, { weight: 1, arbitrary: junk }),
    minSample: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: anyNumber }),
  },
  { requiredKeys: [] },
);

/** Targets as a playbook states them; or with bounds off their scales, wrong types, and near-miss KPI names (csat, fcr, …). */
export const targetsArb = fc.oneof(
  { weight: 6, arbitrary: validTargets },
  { weight: 4, arbitrary: messyTargets },
  {
    weight: 2,
    arbitrary: fc
      .tuple(validTargets, fc.constantFrom('csat', 'csatmean', 'fcr', 'firstContactResolution', 'npsMin', 'abandonment', 'servicelevel', 'minsample', 'asa'), fc.record({ min: percent }))
      .map(([t, key, value]) => ({ ...t, [key]: value })),
  },
  { weight: 1, arbitrary: junk },
);

const criterion = fc.constantFrom('accuracy', 'empathy', 'compliance', 'closure');
const validWeights = fc.dictionary(criterion, fc.integer({ min: 0, max: 50 }), { minKeys: 1 }).filter((w) => Object.values(w).some((v) => v > 0));
const messyWeights = fc.oneof(
  { weight: 8, arbitrary: fc.dictionary(fc.oneof(criterion, fc.constantFrom('Accuracy', 'emp')), fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 50 }) }, { weight: 1, arbitrary: anyNumber })) },
  { weight: 1, arbitrary: junk },
);
const messyEvaluations = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: fc.dictionary(fc.oneof(criterion, fc.constantFrom('acuracy', 'Empathy', 'closing')), fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: anyNumber })) }, { weight: 1, arbitrary: junk }), { maxLength: 5 }) },
  { weight: 1, arbitrary: junk },
);

/** [weights, evaluations]: a valid scorecard with evaluations scoring exactly its criteria, or a messy one. */
export const scorecardArb = fc.oneof(
  {
    weight: 1,
    arbitrary: validWeights.chain((weights) =>
      fc.tuple(fc.constant<unknown>(weights), fc.array(fc.record(Object.fromEntries(Object.keys(weights).map((k) => [k, fc.double({ min: 0, max: 100, noNaN: true })]))), { maxLength: 5 }) as fc.Arbitrary<unknown>),
    ),
  },
  { weight: 1, arbitrary: fc.tuple(messyWeights, messyEvaluations) },
);
