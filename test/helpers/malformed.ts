// Generators of malformed requests, for the "requests are parsed, not trusted" properties of every
// module. A property takes a valid request, breaks one field (or adds a key) in a way that is wrong
// by construction, and checks that the decision function throws a SupportRulesError with a code
// and a path that names the caller's own field — never another error class, never a silent
// default. Values that may be valid by chance (random JSON) only have to give a decision or a
// SupportRulesError.

import fc from 'fast-check';
import { expect } from 'vitest';
import { ISSUE_CODES, SupportRulesError } from '../../src/errors/index.js';
import { callMs } from './timing.js';

/** What a field accepts, as the test sees it (independently of the library's declarations). */
export type FieldKind =
  | { readonly kind: 'term'; readonly values: readonly string[] }
  | { readonly kind: 'terms'; readonly values: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'number'; readonly min: number; readonly max?: number; readonly integer?: boolean }
  | { readonly kind: 'money'; readonly currency: string }
  | { readonly kind: 'instant' }
  | { readonly kind: 'text' };

const notText = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const notList = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string(), fc.object({ maxDepth: 1 }));

/** Spellings a person might type for a known value: case, spaces, a dropped or doubled letter. */
export function nearMiss(values: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...values), fc.nat(5), fc.nat(100))
    .map(([value, how, at]) => {
      const i = value.length === 0 ? 0 : at % value.length;
      switch (how) {
        case 0:
          return value.toUpperCase();
        case 1:
          return `${value.charAt(0).toUpperCase()}${value.slice(1)}`;
        case 2:
          return `${value} `;
        case 3:
          return value.slice(0, i) + value.slice(i + 1);
        case 4:
          return value.slice(0, i) + value.charAt(i) + value.slice(i);
        default:
          return `${value}s`;
      }
    })
    .filter((text) => !values.includes(text));
}

/** Values a field of this kind must refuse. */
export function invalidValue(field: FieldKind): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'term':
      return fc.oneof(notText, fc.constant(''), nearMiss(field.values.length > 0 ? field.values : ['x']), fc.string({ minLength: 1 }).filter((s) => !field.values.includes(s)));
    case 'terms':
      return fc.oneof(notList, fc.tuple(invalidValue({ kind: 'term', values: field.values })).map(([bad]) => [bad]));
    case 'boolean':
      return fc.oneof(fc.constantFrom('true', 'false', 0, 1, null, 'yes'), fc.object({ maxDepth: 1 }));
    case 'number':
      return fc.oneof(
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, '12', true),
        fc.double({ max: field.min, maxExcluded: true, noNaN: true, min: -1e12 }).filter((n) => n < field.min),
        ...(field.max !== undefined ? [fc.double({ min: field.max, minExcluded: true, noNaN: true, max: 1e300 })] : []),
        ...(field.integer ? [fc.double({ min: field.min + 0.001, max: 1000, noNaN: true }).filter((n) => !Number.isInteger(n))] : []),
      );
    case 'money':
      return fc.oneof(
        fc.double({ noNaN: true }),
        fc.constantFrom('', 'abc', '1e3', '12.3.4', ' 12.00', '-1.00', '1,000.00', '12.001', null, true),
        fc.constant({ amount: '1.00', currency: field.currency === 'EUR' ? 'USD' : 'EUR' }),
        fc.constant({ amount: 1, currency: field.currency }),
        // A key beside amount and currency (a misspelling, a flag) must not be dropped quietly.
        fc.constant({ amount: '1.00', currency: field.currency, taxIncluded: true }),
        fc.constant({ amout: '1.00', currency: field.currency }),
      );
    case 'instant':
      return fc.oneof(
        fc.constantFrom('tomorrow', '2026-11-20T18:30:00', '2026-11-20', '2026-02-30T00:00:00Z', '', Number.NaN, Number.POSITIVE_INFINITY, null, true, {}),
        fc.constant(new Date(Number.NaN)),
        fc.integer({ min: Date.UTC(2200, 0, 1), max: 8.64e15 }),
        fc.integer({ min: -8.64e15, max: Date.UTC(1900, 0, 1) - 1 }),
      );
    case 'text':
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant(''), fc.object({ maxDepth: 1 }));
  }
}

/** A key close to a real one (a typo), or an arbitrary one, that the request does not have. */
export function unknownKey(keys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(nearMiss(keys), fc.string({ minLength: 1, maxLength: 12 })).filter((key) => !keys.includes(key) && key !== '__proto__');
}

/** Runs a decision and returns the SupportRulesError it throws, or undefined if it decides. Any other throw fails the test. */
export function thrown(decide: () => unknown): SupportRulesError | undefined {
  try {
    decide();
    return undefined;
  } catch (error) {
    if (error instanceof SupportRulesError) return error;
    throw error;
  }
}

/**
 * The three laws for one request type: a broken field is refused at its own path, an unknown key
 * is refused with UNKNOWN_KEY at its path, and random JSON anywhere gives a decision or a
 * SupportRulesError (with a code and a path).
 */
export function checkMalformedRequests<R extends Record<string, unknown>>(options: {
  readonly valid: fc.Arbitrary<R>;
  readonly fields: Readonly<Record<string, FieldKind>>;
  readonly decide: (request: Record<string, unknown>) => unknown;
  readonly numRuns?: number;
}): void {
  const { valid, fields, decide } = options;
  const numRuns = options.numRuns ?? 200;
  const names = Object.keys(fields);
  fc.assert(
    fc.property(valid, fc.constantFrom(...names).chain((field) => fc.tuple(fc.constant(field), invalidValue(fields[field] as FieldKind))), (request, [field, bad]) => {
      const error = thrown(() => decide({ ...request, [field]: bad }));
      expect(error, `${field}: ${fc.stringify(bad)} was decided`).toBeDefined();
      expect(error?.issues.some((issue) => issue.path[0] === field), `${field}: ${JSON.stringify(error?.issues.map((i) => i.path))}`).toBe(true);
    }),
    { numRuns },
  );
  fc.assert(
    fc.property(valid, unknownKey(names), fc.jsonValue(), (request, key, value) => {
      const error = thrown(() => decide({ ...request, [key]: value }));
      expect(error?.issues.some((issue) => issue.code === 'UNKNOWN_KEY' && issue.path[0] === key)).toBe(true);
    }),
    { numRuns },
  );
  fc.assert(
    fc.property(valid, fc.constantFrom(...names), fc.jsonValue(), (request, field, value) => {
      const error = thrown(() => decide({ ...request, [field]: value }));
      if (error) {
        expect(error.code).toMatch(/^[A-Z_]+$/);
        expect(error.issues.length).toBeGreaterThan(0);
      }
    }),
    { numRuns },
  );
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (junk) => {
      const error = thrown(() => decide(junk as Record<string, unknown>));
      const plainObject = typeof junk === 'object' && junk !== null && !Array.isArray(junk) && Object.getPrototypeOf(junk) === Object.prototype;
      if (!plainObject) expect(error, `${fc.stringify(junk)} was decided`).toBeDefined();
    }),
    { numRuns: Math.ceil(numRuns / 2) },
  );
}

/**
 * Runs a call that must answer or throw a typed error, fast: a result goes to `check`; an error must
 * be a SupportRulesError with a known code, a path on every issue, and no "undefined" or one-sided
 * "above 0" in its message; either way the call takes under `limitMs` (default 50 ms).
 */
export function answersOrThrowsTyped<T>(call: () => T, check: (result: T) => void, limitMs = 50): void {
  let result: { value: T } | undefined;
  try {
    result = { value: call() };
  } catch (error) {
    if (!(error instanceof SupportRulesError)) throw error;
    expect(ISSUE_CODES).toContain(error.code);
    expect(error.path.length).toBeGreaterThan(0);
    for (const issue of error.issues) expect(issue.path.length).toBeGreaterThan(0);
    expect(error.message).not.toMatch(/above 0|undefined/);
  }
  if (result) check(result.value);
  expect(callMs(call, limitMs)).toBeLessThan(limitMs);
}
