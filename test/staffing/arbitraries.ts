// Inputs a plain-JavaScript or JSON caller might pass: in-range values, values at and past the
// documented bounds, NaN and Infinity, wrong types, null, near-miss keys and random JSON.

import fc from 'fast-check';

export const edge = fc.constantFrom(0, -0, 1, -1, 0.5, 0.001, 0.0009, 14, 99.99, 100, 100.5, 1e5, 100_001, 1e6, 1_000_001, 1e9, 1e10, 1e300, -1e300, 5e-324, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
export const junk = fc.oneof(fc.anything(), fc.jsonValue(), fc.constantFrom(null, undefined, '', '10', [], {}, new Date(Number.NaN), true));
/** Any value, weighted towards numbers, edge cases and garbage. */
export const anyNumber = fc.oneof({ weight: 3, arbitrary: fc.double() }, { weight: 3, arbitrary: fc.integer({ min: -10, max: 3000 }) }, { weight: 3, arbitrary: edge }, { weight: 1, arbitrary: junk });
export const agentsArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 200 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 1_100_000 }) }, { weight: 2, arbitrary: anyNumber });
export const percentArb = fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) }, { weight: 2, arbitrary: anyNumber });
export const secondsArb = fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 600, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }) }, { weight: 2, arbitrary: anyNumber });

/** An object of the given fields, sometimes with one missing, misspelt (near-miss keys) or not an object at all. */
export function objectArb(fields: Record<string, fc.Arbitrary<unknown>>, nearMisses: readonly string[]): fc.Arbitrary<unknown> {
  const full = fc.record(fields);
  return fc.oneof(
    { weight: 6, arbitrary: full },
    { weight: 2, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 2, arbitrary: fc.tuple(full, fc.constantFrom(...nearMisses, ...Object.keys(fields).map((k) => k.toUpperCase())), anyNumber).map(([o, key, value]) => ({ ...o, [key]: value })) },
    { weight: 1, arbitrary: fc.tuple(full, fc.constantFrom(...Object.keys(fields))).map(([o, key]) => ({ ...o, [key]: null })) },
    { weight: 1, arbitrary: junk },
  );
}

export const loadArb = fc.oneof(
  objectArb(
    {
      contacts: fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 3000, noNaN: true }) }, { weight: 2, arbitrary: anyNumber }),
      intervalSeconds: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(900, 1800, 3600) }, { weight: 2, arbitrary: anyNumber }),
      ahtSeconds: fc.oneof({ weight: 4, arbitrary: fc.double({ min: 1, max: 900, noNaN: true }) }, { weight: 2, arbitrary: anyNumber }),
    },
    ['contact', 'interval', 'intervalSecond', 'aht', 'ahtseconds', 'handleSeconds', 'calls'],
  ),
  // Up to the 100,000-Erlang bound and past it.
  fc.record({ contacts: fc.oneof(fc.double({ min: 0, max: 110_000, noNaN: true }), edge), intervalSeconds: fc.constant(1), ahtSeconds: fc.constant(1) }),
);
export const targetFields = { serviceLevelPercent: percentArb, targetSeconds: secondsArb, maxOccupancyPercent: percentArb, shrinkagePercent: percentArb };
export const targetArb = objectArb(targetFields, ['serviceLevel', 'servicelevelpercent', 'targetSecond', 'target', 'maxOccupancy', 'shrinkage', 'occupancyPercent']);
export const erlangATargetArb = objectArb(
  { serviceLevelPercent: percentArb, targetSeconds: secondsArb, patienceSeconds: fc.oneof(fc.double({ min: 1, max: 900, noNaN: true }), anyNumber), maxAbandonPercent: percentArb },
  ['patience', 'patienceSecond', 'maxAbandon', 'abandonPercent', 'targetSecond'],
);


/** In-range values only, so that the documented results are checked as often as the errors. */
export const validLoadArb = fc.record({ contacts: fc.double({ min: 0, max: 5000, noNaN: true }), intervalSeconds: fc.constantFrom(900, 1800, 3600), ahtSeconds: fc.double({ min: 1, max: 900, noNaN: true }) });
export const validTargetArb = fc.record(
  {
    serviceLevelPercent: fc.double({ min: 0, max: 100, noNaN: true }),
    targetSeconds: fc.double({ min: 0, max: 600, noNaN: true }),
    maxOccupancyPercent: fc.double({ min: 1, max: 100, noNaN: true }),
    shrinkagePercent: fc.double({ min: 0, max: 99, noNaN: true }),
  },
  { requiredKeys: ['serviceLevelPercent', 'targetSeconds'] },
);
export const validErlangATargetArb = fc.record(
  {
    serviceLevelPercent: fc.double({ min: 0, max: 100, noNaN: true }),
    targetSeconds: fc.oneof(fc.double({ min: 0, max: 600, noNaN: true }), fc.constant(1e9)),
    patienceSeconds: fc.double({ min: 1, max: 3600, noNaN: true }),
    maxAbandonPercent: fc.double({ min: 0, max: 100, noNaN: true }),
  },
  { requiredKeys: ['serviceLevelPercent', 'targetSeconds', 'patienceSeconds'] },
);
