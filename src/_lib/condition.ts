// One condition language for every module's rules. A condition tests request facts field by
// field (every test must hold); what a field's test may say depends on the field's type:
//
//   term     "email" | ["email", "chat"] (any of) | { not: … } (none of) | { present: bool }
//   terms    ["a", "b"] (holds at least one) | { all: [...] } | { not: [...] } (holds none) | { present: bool }
//   boolean  true | false (a fact left out is false)
//   number   { gt, gte, lt, lte } (numbers) | { present: bool }
//   money    { gt, gte, lt, lte } (decimal strings, compared exactly) | { present: bool }
//
// The zod schema of a condition, the compiled test, the not-matched reason shape
// ({ field, expected, actual }), the values a rule names (for vocabularies) and subsumption
// between conditions (for unreachable rules) all come from here.

import * as z from 'zod/mini';
import { amountText } from './amount-text.js';
import * as messages from './messages.js';
import { addIssue } from './zod-issues.js';

/** The kinds of fact a condition can test. */
export type FactType = 'term' | 'terms' | 'boolean' | 'number' | 'money';

const name = z.string().check(z.minLength(1));
const names = z.array(name).check(z.minLength(1));
const oneOrMore = z.union([name, names]);
const presence = z.strictObject({ present: z.boolean().check(z.describe('true: the fact must be given; false: it must be left out.')) });
const finite = z.number();

/** Bounds a range must be consistent with: not both gt and gte, and not empty. */
function checkBounds(r: { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string }, ctx: z.core.$RefinementCtx): void {
  if (r.gt === undefined && r.gte === undefined && r.lt === undefined && r.lte === undefined) {
    addIssue(ctx, 'EMPTY', 'A range needs at least one of "gt", "gte", "lt" or "lte".');
    return;
  }
  if (r.gt !== undefined && r.gte !== undefined) addIssue(ctx, 'INVALID_RANGE', 'Give "gt" or "gte", not both.');
  if (r.lt !== undefined && r.lte !== undefined) addIssue(ctx, 'INVALID_RANGE', 'Give "lt" or "lte", not both.');
  const low = r.gt ?? r.gte;
  const high = r.lt ?? r.lte;
  if (low !== undefined && high !== undefined) {
    const order = compareValues(low, high);
    if (order > 0 || (order === 0 && !(r.gte !== undefined && r.lte !== undefined))) addIssue(ctx, 'INVALID_RANGE', messages.RANGE_ORDER(String(low), String(high)));
  }
}

/** A range's bounds over values of one schema, each described for editors. */
const bounds = <S extends z.ZodMiniType>(value: S) => ({
  gt: z.optional(value).check(z.describe('Holds above this value (exclusive).')),
  gte: z.optional(value).check(z.describe('Holds at this value or above.')),
  lt: z.optional(value).check(z.describe('Holds below this value (exclusive).')),
  lte: z.optional(value).check(z.describe('Holds at this value or below.')),
});

const numberRange = z.strictObject(bounds(finite)).check(z.superRefine(checkBounds));
const moneyRange = z.strictObject(bounds(amountText)).check(z.superRefine(checkBounds));
const noneOf = 'Holds when the fact is none of these.';

/** The zod schema of one field's test, by the field's type. */
export const TEST_SCHEMAS = {
  term: z.union([oneOrMore, z.strictObject({ not: oneOrMore.check(z.describe(noneOf)) }), presence]),
  terms: z.union([names, z.strictObject({ all: names.check(z.describe('Holds when the fact holds every one of these.')) }), z.strictObject({ not: names.check(z.describe(noneOf)) }), presence]),
  boolean: z.boolean(),
  number: z.union([numberRange, presence]),
  money: z.union([moneyRange, presence]),
} as const;

type TestSchemas = typeof TEST_SCHEMAS;

/** A field's test as written in a policy. */
export type FieldTest = z.infer<TestSchemas[FactType]>;

/** The zod shape of a condition over the given fields: each field optional, with its description for editors. */
export function conditionShape<const F extends Readonly<Record<string, FactType>>>(fields: F, descriptions: { readonly [K in keyof F]: string }): { [K in keyof F]: z.ZodMiniOptional<TestSchemas[F[K]]> } {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [key, type] of Object.entries(fields)) shape[key] = z.optional(TEST_SCHEMAS[type]).check(z.describe(descriptions[key] as string));
  return shape as { [K in keyof F]: z.ZodMiniOptional<TestSchemas[F[K]]> };
}

// ---------------------------------------------------------------------------------------------
// Compiled tests.

export type Bound = { readonly value: number | string; readonly inclusive: boolean };

/** A test compiled for evaluation and comparison, with what it expects in words. */
export type Test = TestKind & { readonly expected: string };

export type TestKind =
  | { readonly field: string; readonly kind: 'anyOf' | 'noneOf' | 'allOf'; readonly set: ReadonlySet<string>; readonly list: readonly string[]; readonly many: boolean }
  | { readonly field: string; readonly kind: 'present'; readonly present: boolean }
  | { readonly field: string; readonly kind: 'equals'; readonly value: boolean }
  | { readonly field: string; readonly kind: 'range'; readonly low?: Bound; readonly high?: Bound };

/** A condition compiled: its tests, in field order. */
export interface Condition {
  readonly tests: readonly Test[];
}

/** A field whose test failed: what the rule expected and what the request had. */
export interface Mismatch {
  readonly field: string;
  readonly expected: string;
  readonly actual: string | number | boolean | null;
}

const EMPTY: Condition = Object.freeze({ tests: Object.freeze([]) });
const NONE: readonly Mismatch[] = Object.freeze([]);

const asList = (value: string | readonly string[]): readonly string[] => (typeof value === 'string' ? [value] : value);
const listTest = (field: string, kind: 'anyOf' | 'noneOf' | 'allOf', values: string | readonly string[], many: boolean): TestKind => {
  const list = asList(values);
  return { field, kind, set: new Set(list), list, many };
};

/** Compiles one field's test (as the schema accepted it); its words are written once, here. */
export function compileTest(field: string, type: FactType, test: unknown): Test {
  const compiled = testOf(field, type, test);
  return { ...compiled, expected: describeTest(compiled) };
}

function testOf(field: string, type: FactType, test: unknown): TestKind {
  if (type === 'boolean') return { field, kind: 'equals', value: test as boolean };
  if (typeof test === 'string' || Array.isArray(test)) return listTest(field, 'anyOf', test as string | string[], type === 'terms');
  const t = test as { present?: boolean; not?: string | string[]; all?: string[]; gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string };
  if (t.present !== undefined) return { field, kind: 'present', present: t.present };
  if (t.not !== undefined) return listTest(field, 'noneOf', t.not, type === 'terms');
  if (t.all !== undefined) return listTest(field, 'allOf', t.all, true);
  const low = t.gt !== undefined ? { value: t.gt, inclusive: false } : t.gte !== undefined ? { value: t.gte, inclusive: true } : undefined;
  const high = t.lt !== undefined ? { value: t.lt, inclusive: false } : t.lte !== undefined ? { value: t.lte, inclusive: true } : undefined;
  return { field, kind: 'range', ...(low ? { low } : {}), ...(high ? { high } : {}) };
}

/** Compiles a condition written over `fields` (a field missing from `fields` is a programming error). */
export function compileCondition(when: Readonly<Record<string, unknown>> | undefined, fields: Readonly<Record<string, FactType>>): Condition {
  if (!when) return EMPTY;
  const tests: Test[] = [];
  for (const [field, test] of Object.entries(when)) {
    const type = fields[field];
    if (type === undefined) throw new Error(`no fact type for condition field "${field}"`);
    if (test !== undefined) tests.push(compileTest(field, type, test));
  }
  return tests.length === 0 ? EMPTY : { tests };
}

/** A Money-like fact's amount, or the fact itself. */
function scalar(value: unknown): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return (value as { amount?: string }).amount;
  return value as number | string;
}

function holds(test: TestKind, value: unknown): boolean {
  switch (test.kind) {
    case 'equals':
      return (value ?? false) === test.value;
    case 'present':
      return (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) === test.present;
    case 'anyOf':
      if (value === undefined || value === null) return false;
      return test.many ? (value as readonly string[]).some((v) => test.set.has(v)) : test.set.has(value as string);
    case 'noneOf':
      if (value === undefined || value === null) return true;
      return test.many ? !(value as readonly string[]).some((v) => test.set.has(v)) : !test.set.has(value as string);
    case 'allOf':
      return value !== undefined && value !== null && test.list.every((v) => (value as readonly string[]).includes(v));
    case 'range': {
      const v = scalar(value);
      if (v === undefined) return false;
      if (test.low && !(test.low.inclusive ? compareValues(v, test.low.value) >= 0 : compareValues(v, test.low.value) > 0)) return false;
      if (test.high && !(test.high.inclusive ? compareValues(v, test.high.value) <= 0 : compareValues(v, test.high.value) < 0)) return false;
      return true;
    }
  }
}

/** Whether the facts satisfy every test. */
export function matches(condition: Condition, facts: object): boolean {
  for (const test of condition.tests) if (!holds(test, (facts as Record<string, unknown>)[test.field])) return false;
  return true;
}

/** Every test the facts fail, as reasons' facts; empty (and not allocated) when all hold. */
export function mismatches(condition: Condition, facts: object): readonly Mismatch[] {
  let out: Mismatch[] | undefined;
  for (const test of condition.tests) {
    const value = (facts as Record<string, unknown>)[test.field];
    if (!holds(test, value)) (out ??= []).push({ field: test.field, expected: test.expected, actual: actualOf(test, value) });
  }
  return out ?? NONE;
}

function actualOf(test: TestKind, value: unknown): string | number | boolean | null {
  if (test.kind === 'equals') return (value as boolean | undefined) ?? false;
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(', ');
  if (typeof value === 'object') return (value as { amount?: string }).amount ?? null;
  return value as string | number | boolean;
}

/** What a test expects, in words: "opened or used", "not final-sale", "> 30 and <= 60". */
export function describeTest(test: TestKind): string {
  switch (test.kind) {
    case 'equals':
      return String(test.value);
    case 'present':
      return test.present ? 'present' : 'absent';
    case 'anyOf':
      return test.many && test.list.length > 1 ? `any of ${test.list.join(', ')}` : test.list.join(' or ');
    case 'noneOf':
      return `not ${test.list.join(' or ')}`;
    case 'allOf':
      return `all of ${test.list.join(', ')}`;
    case 'range':
      return [test.low && `${test.low.inclusive ? '>=' : '>'} ${test.low.value}`, test.high && `${test.high.inclusive ? '<=' : '<'} ${test.high.value}`].filter(Boolean).join(' and ');
  }
}

// ---------------------------------------------------------------------------------------------
// Exact comparison of numbers and decimal strings (amounts), without floating point for strings.

/** Compares two numbers or two decimal strings exactly (a number and a string by their decimal text). */
export function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareDecimalText(String(a), String(b));
}

function compareDecimalText(a: string, b: string): number {
  const negA = a.startsWith('-');
  const negB = b.startsWith('-');
  if (negA !== negB) return isZeroText(a) && isZeroText(b) ? 0 : negA ? -1 : 1;
  const sign = negA ? -1 : 1;
  const [intA = '', fracA = ''] = a.replace(/^[-+]/, '').split('.');
  const [intB = '', fracB = ''] = b.replace(/^[-+]/, '').split('.');
  const ia = intA.replace(/^0+(?=\d)/, '');
  const ib = intB.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return sign * (ia.length < ib.length ? -1 : 1);
  if (ia !== ib) return sign * (ia < ib ? -1 : 1);
  const width = Math.max(fracA.length, fracB.length);
  const fa = fracA.padEnd(width, '0');
  const fb = fracB.padEnd(width, '0');
  return fa === fb ? 0 : sign * (fa < fb ? -1 : 1);
}

const isZeroText = (text: string) => /^[-+]?0*(\.0*)?$/.test(text);

// ---------------------------------------------------------------------------------------------
// Vocabularies: the values a condition names.

/** Every term value a condition names, with where (relative to the condition). */
export function namedValues(
  when: Readonly<Record<string, unknown>> | undefined,
  fields: Readonly<Record<string, FactType>>,
): { field: string; value: string; path: (string | number)[] }[] {
  const out: { field: string; value: string; path: (string | number)[] }[] = [];
  for (const [field, test] of Object.entries(when ?? {})) {
    const type = fields[field];
    if (type !== 'term' && type !== 'terms') continue;
    const push = (values: unknown, path: (string | number)[]) => {
      if (typeof values === 'string') out.push({ field, value: values, path });
      else if (Array.isArray(values)) values.forEach((value, i) => typeof value === 'string' && out.push({ field, value, path: [...path, i] }));
    };
    if (typeof test === 'string' || Array.isArray(test)) push(test, [field]);
    else if (test && typeof test === 'object') {
      const t = test as { not?: unknown; all?: unknown };
      if (t.not !== undefined) push(t.not, [field, 'not']);
      if (t.all !== undefined) push(t.all, [field, 'all']);
    }
  }
  return out;
}

/** Every amount a condition's money ranges name, with where (to check they fit a currency). */
export function amountsNamed(
  when: Readonly<Record<string, unknown>> | undefined,
  fields: Readonly<Record<string, FactType>>,
): { value: string; path: (string | number)[] }[] {
  const out: { value: string; path: (string | number)[] }[] = [];
  for (const [field, test] of Object.entries(when ?? {})) {
    if (fields[field] !== 'money' || !test || typeof test !== 'object') continue;
    for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) {
      const value = (test as Record<string, unknown>)[bound];
      if (typeof value === 'string') out.push({ value, path: [field, bound] });
    }
  }
  return out;
}
