// The JSON Schemas editors use (policy.schema.json, cases.schema.json), checked with a standard
// validator: Ajv, draft 2020-12, the draft zod writes. Every file the project ships or shows
// validates; malformed documents are refused by Ajv and by the library alike; and the schema is
// never stricter than the library, since an editor that flags a valid policy would be worse than none.

import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseIsoDate } from '../../src/_lib/civil.js';
import { CURRENCY_CODE, LOCAL_DATE, TIME_RANGE } from '../../src/_lib/patterns.js';
import { parseTimeRange } from '../../src/calendar/time-range.js';
import { casesJsonSchema } from '../../src/cli/cases-schema.js';
import { isCurrency } from '../../src/money/index.js';
import { SupportPolicySchema, policyJsonSchema, safeDefinePolicy } from '../../src/policy/index.js';
import { propertiesOf, undescribedProperties, type SchemaNode } from '../helpers/json-schema.js';

const root = resolve(__dirname, '../..');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(resolve(root, path), 'utf8'));
const filesIn = (dir: string, suffix: string) => readdirSync(resolve(root, dir)).filter((name) => name.endsWith(suffix)).map((name) => `${dir}/${name}`);

const presetFiles = filesIn('src/presets/data', '.json');
const casesFiles = filesIn('examples', '.cases.json');

const policySchema = policyJsonSchema() as SchemaNode;
const casesSchema = casesJsonSchema() as SchemaNode;
// Strict: an unknown keyword or an ambiguous schema in what zod writes fails here, not in an editor.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validatePolicy = ajv.compile(policySchema);
const validateCases = ajv.compile(casesSchema);

/** Ajv's verdict, with each error as `path keyword` (the path as the library writes it). */
function ajvIssues(validate: ValidateFunction, document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath.slice(1).replaceAll('/', '.')} ${error.keyword}`);
}

/** The library's verdict, each issue as `path CODE`. */
function libraryIssues(document: unknown): string[] {
  const result = safeDefinePolicy(document);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.code}`);
}

/** A copy of a JSON document with the value at `path` set (or, for `undefined`, removed). */
function withValue(document: object, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(document) as Record<string, unknown>;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
  const key = path[path.length - 1] as string | number;
  if (value === undefined && !Array.isArray(parent)) delete parent[key];
  else parent[key] = value;
  return copy;
}

/** Every node of a schema, with its path (for the keywords nodes carry: pattern, examples). */
function nodesOf(node: unknown, path = ''): { path: string; node: SchemaNode }[] {
  if (typeof node !== 'object' || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((item) => nodesOf(item, path));
  const here = { path, node: node as SchemaNode };
  return [
    here,
    ...Object.entries(node).flatMap(([key, child]) => {
      if (key === 'examples' || key === 'enum' || key === 'const') return [];
      if (key === 'properties') return Object.entries(child as SchemaNode).flatMap(([name, sub]) => nodesOf(sub, path === '' ? name : `${path}.${name}`));
      return nodesOf(child, key === 'items' ? `${path}[]` : key === 'additionalProperties' ? `${path}.<name>` : path);
    }),
  ];
}

describe('the policy JSON Schema', () => {
  it('is draft 2020-12 with an $id and a title, so an editor can name and cache it', () => {
    expect(policySchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://unpkg.com/support-rules/dist/policy.schema.json',
      title: 'support-rules SupportPolicy',
      type: 'object',
      additionalProperties: false,
    });
    expect(casesSchema).toMatchObject({ $id: 'https://unpkg.com/support-rules/dist/cases.schema.json', title: 'support-rules cases file' });
  });

  it('describes what an author writes: the input schema is the output schema, less its examples', () => {
    // zod drops the examples of whatever holds a transform from an input schema; the one transform
    // (amounts) only refuses numbers, so the output schema, with its examples, is the input's.
    const withoutExamples = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(withoutExamples) : typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'examples').map(([key, child]) => [key, withoutExamples(child)])) : value;
    const input = { ...z.toJSONSchema(SupportPolicySchema, { io: 'input', unrepresentable: 'any' }), $id: policySchema.$id, title: policySchema.title };
    expect(withoutExamples(input)).toEqual(withoutExamples(policySchema));
  });

  it('describes every property of every object, in the policy and in cases files', () => {
    expect(propertiesOf(policySchema).length).toBeGreaterThan(500);
    expect(undescribedProperties(policySchema)).toEqual([]);
    expect(undescribedProperties(casesSchema)).toEqual([]);
  });

  it('keeps each description to one short sentence (they ship in the runtime bundle)', () => {
    const descriptions = [...propertiesOf(policySchema), ...propertiesOf(casesSchema)].map((property) => property.schema.description as string);
    const long = descriptions.filter((text) => text.length > 130 || text.includes('\n') || !/[.)]$/.test(text));
    expect(long).toEqual([]);
  });

  it('gives the walker what it needs: $ref, anyOf, items and additionalProperties are followed', () => {
    const schema = {
      type: 'object',
      $defs: { span: { type: 'object', properties: { hours: { type: 'number' } } } },
      properties: {
        a: { description: 'A.', anyOf: [{ type: 'string' }, { type: 'object', properties: { b: { type: 'string' } } }] },
        c: { description: 'C.', type: 'array', items: { $ref: '#/$defs/span' } },
        d: { description: 'D.', type: 'object', additionalProperties: { type: 'object', properties: { e: { description: 'E.', type: 'string' } } } },
        f: { $ref: '#/$defs/span' },
      },
    };
    expect(undescribedProperties(schema)).toEqual(['a.b', 'c[].hours', 'f']);
  });

  it('gives patterns for time ranges, local dates, currencies, amounts and versions', () => {
    const props = (node: unknown) => (node as { properties: Record<string, SchemaNode> }).properties;
    const calendar = props(policySchema).calendars?.additionalProperties as SchemaNode;
    const hours = props(props(calendar).hours);
    expect((hours.mon?.items as SchemaNode).pattern).toBe(TIME_RANGE.source);
    expect((props(calendar).holidays?.items as SchemaNode).pattern).toBe(LOCAL_DATE.source);
    expect((props(calendar).overrides?.propertyNames as SchemaNode).pattern).toBe(LOCAL_DATE.source);
    expect((props(calendar).overrides?.additionalProperties as { items: SchemaNode }).items.pattern).toBe(TIME_RANGE.source);
    expect(props(policySchema).effectiveFrom?.pattern).toBe(LOCAL_DATE.source);
    expect(props(policySchema).version?.pattern).toBe('^\\d+\\.\\d+(\\.\\d+)?$');
    // Every currency field, in every section, and every amount.
    const fields = propertiesOf(policySchema);
    const currencies = fields.filter((field) => field.path.endsWith('currency'));
    expect(currencies.map((field) => field.path)).toEqual(['currency', 'returns.fees.currency', 'warranty.plans[].currency', 'compensation.currency', 'escalation.currency']);
    expect(currencies.every((field) => field.schema.pattern === CURRENCY_CODE.source)).toBe(true);
    const amounts = fields.filter((field) => /\.(flat|min|max|amount|price|cap|limit|value)$/.test(field.path) && field.schema.type === 'string');
    expect(amounts.length).toBeGreaterThan(10);
    expect(amounts.filter((field) => field.schema.pattern !== '^\\d+(\\.\\d+)?$').map((field) => field.path)).toEqual([]);
    expect(fields.find((field) => field.path === 'warranty.terms[].shippedFrom')?.schema.pattern).toBe(LOCAL_DATE.source);
    // Spans are objects of numbers ({ hours: 4 }), so they need no pattern: bounds instead.
    expect(fields.find((field) => field.path === 'sla.rules[].targets[].within.hours')?.schema).toMatchObject({ type: 'number', minimum: 0 });
  });

  it('shows examples of a calendar, a time range, a target, a fee rule and an amount, each valid where it stands', () => {
    const withExamples = [...nodesOf(policySchema), ...nodesOf(casesSchema)].filter(({ node }) => Array.isArray(node.examples));
    const at = (path: string, has: (example: Record<string, unknown> | string) => boolean) => withExamples.some((entry) => entry.path === path && (entry.node.examples as never[]).some(has));
    expect(at('calendars.<name>', (example) => typeof example === 'object' && 'timeZone' in example)).toBe(true);
    expect(at('calendars.<name>.hours.mon[]', (example) => example === '22:00-06:00')).toBe(true);
    expect(at('sla.rules[].targets[]', (example) => typeof example === 'object' && 'metric' in example)).toBe(true);
    expect(at('returns.fees.rules[]', (example) => typeof example === 'object' && 'kind' in example)).toBe(true);
    expect(at('returns.fees.rules[].flat', (example) => example === '10.00')).toBe(true);
    // Each example is valid against the schema it illustrates (compiled on its own, once per
    // distinct schema: a calendar's is written out wherever a calendar may stand).
    const checked = new Set<string>();
    const loose = new Ajv2020({ strict: false });
    const invalid = withExamples.flatMap(({ path, node }) => {
      const text = JSON.stringify(node);
      if (checked.has(text)) return [];
      checked.add(text);
      const validate = loose.compile(JSON.parse(text));
      return (node.examples as unknown[]).filter((example) => !validate(example)).map((example) => `${path}: ${JSON.stringify(example)}`);
    });
    expect(checked.size).toBeGreaterThan(10);
    expect(invalid).toEqual([]);
  });
});

describe('every shipped document validates with Ajv', () => {
  it.each(presetFiles)('%s', (file) => {
    const preset = readJson(file);
    expect(preset.$schema).toBe('../../../dist/policy.schema.json');
    expect(ajvIssues(validatePolicy, preset)).toEqual([]);
    expect(libraryIssues(preset)).toEqual([]);
  });

  it('examples/pelpro.policy.json', () => {
    const policy = readJson('examples/pelpro.policy.json');
    expect(policy.$schema).toBe('../dist/policy.schema.json');
    expect(ajvIssues(validatePolicy, policy)).toEqual([]);
  });

  it.each(casesFiles)('%s', (file) => {
    const cases = readJson(file);
    expect(cases.$schema).toBe('../dist/cases.schema.json');
    expect(ajvIssues(validateCases, cases)).toEqual([]);
  });
});

describe('malformed documents are refused by Ajv and by the library, at the same path', () => {
  const pelpro = readJson('src/presets/data/pelpro.json');

  it.each([
    ['a bad time range', 'calendars.desk.hours.mon', ['07:00-25:00'], 'calendars.desk.hours.mon.0 pattern', 'calendars.desk.hours.mon.0 INVALID_TIME'],
    ['a time range without its dash', 'calendars.desk.hours.tue', ['0700 1900'], 'calendars.desk.hours.tue.0 pattern', 'calendars.desk.hours.tue.0 INVALID_TIME_RANGE'],
    ['an unknown key', 'returns.colour', 'red', 'returns additionalProperties', 'returns.colour UNKNOWN_KEY'],
    ['a wrong type', 'returns.windows.0.days', '30', 'returns.windows.0.days type', 'returns.windows.0.days INVALID_TYPE'],
    ['a bad date', 'calendars.desk.holidays', ['2026-13-01'], 'calendars.desk.holidays.0 pattern', 'calendars.desk.holidays.0 INVALID_DATE'],
    ['a misspelt currency', 'returns.fees.currency', 'usd', 'returns.fees.currency pattern', 'returns.fees.currency UNKNOWN_CURRENCY'],
    ['an amount written as a number', 'warranty.plans.0.price', 49, 'warranty.plans.0.price type', 'warranty.plans.0.price INVALID_TYPE'],
    ['a bad version', 'version', 'v2', 'version pattern', 'version INVALID_FORMAT'],
  ])('%s', (_what, path, value, byAjv, byLibrary) => {
    const document = withValue(pelpro, path.split('.'), value);
    expect(ajvIssues(validatePolicy, document)).toContain(byAjv);
    expect(libraryIssues(document)).toContain(byLibrary);
  });

  it('refuses a cases file without cases, or with an unknown kind', () => {
    expect(ajvIssues(validateCases, { cases: [] })).toEqual(['cases minItems']);
    expect(ajvIssues(validateCases, { cases: [{ kind: 'refund', given: {} }] })).not.toEqual([]);
    expect(ajvIssues(validateCases, { cases: [{ kind: 'sla', given: { ticket: {}, now: '2026-11-20 18:30' } }] })).toContain('cases.0.given.now pattern');
  });
});

describe('the schema is never stricter than the library', () => {
  const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));

  it('every time range the parser accepts matches the pattern', () => {
    fc.assert(
      fc.property(digits(2), digits(2), digits(2), digits(2), (oh, om, ch, cm) => {
        const range = `${oh}:${om}-${ch}:${cm}`;
        if (parseTimeRange(range).ok) expect(range).toMatch(TIME_RANGE);
      }),
      { numRuns: 2000 },
    );
    // The edges, written out.
    for (const range of ['00:00-24:00', '23:59-00:00', '22:00-06:00', '00:00-23:59']) expect([parseTimeRange(range).ok, TIME_RANGE.test(range)]).toEqual([true, true]);
    for (const range of ['24:00-01:00', '07:60-08:00', '7:00-08:00']) expect([parseTimeRange(range).ok, TIME_RANGE.test(range)]).toEqual([false, false]);
  });

  it('every local date the parser accepts matches the pattern', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2300 }), digits(2), digits(2), (year, month, day) => {
        const date = `${year}-${month}-${day}`;
        if (parseIsoDate(date) !== undefined) expect(date).toMatch(LOCAL_DATE);
      }),
      { numRuns: 2000 },
    );
    for (const date of ['1900-01-01', '2199-12-31', '2028-02-29']) expect(date).toMatch(LOCAL_DATE);
  });

  it('every currency the library knows matches the pattern', () => {
    const known = Intl.supportedValuesOf('currency');
    expect(known.filter((code) => !CURRENCY_CODE.test(code))).toEqual([]);
    // ISO 4217 fund codes the runtime may lack, which the library's table adds.
    expect(['CLF', 'UYW', 'UYI'].every((code) => isCurrency(code) && CURRENCY_CODE.test(code))).toBe(true);
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 4 }), (code) => {
        if (isCurrency(code)) expect(code).toMatch(CURRENCY_CODE);
      }),
    );
  });

  it('a policy the library accepts, Ajv accepts: presets with one field changed or removed', () => {
    const presets = presetFiles.map(readJson);
    const leaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
      typeof value === 'object' && value !== null
        ? [path, ...Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, Array.isArray(value) ? Number(key) : key]))]
        : [path];
    // Values a person might write anywhere, valid and not: time ranges, dates, amounts, codes.
    const anyValue = fc.oneof(
      fc.constantFrom('07:00-19:00', '22:00-06:00', '00:00-24:00', '2026-12-24', '2026-02-30', '10.00', '7', 'USD', 'usd', 'desk', 'resolution', ''),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -2, max: 100 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(presets.length - 1), fc.nat(), anyValue, fc.boolean(), (which, at, value, remove) => {
        const preset = presets[which] as Record<string, unknown>;
        const paths = leaves(preset).filter((path) => path.length > 0);
        const document = withValue(preset, paths[at % paths.length] as (string | number)[], remove ? undefined : value);
        if (safeDefinePolicy(document).success) {
          accepted++;
          expect(ajvIssues(validatePolicy, document)).toEqual([]);
        }
      }),
      // About one changed preset in ten stays valid: 800 runs accept about 80, so the guard
      // below never fails by chance (at 400 runs it did, with 39).
      { numRuns: 800 },
    );
    // The property would say nothing if no changed policy were valid.
    expect(accepted).toBeGreaterThan(40);
  });

  it('a policy the library accepts, Ajv accepts: generated hours, holidays, overrides, versions and dates', () => {
    const pelpro = readJson('src/presets/data/pelpro.json');
    const minute = fc.integer({ min: 0, max: 23 * 60 + 59 });
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const range = fc.tuple(minute, fc.oneof(minute, fc.constant(1440))).filter(([open, close]) => open !== close % 1440 || close === 1440).map(([open, close]) => `${hhmm(open)}-${close === 1440 ? '24:00' : hhmm(close)}`);
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const days = fc.record({ mon: fc.array(range, { minLength: 1, maxLength: 3 }), sat: fc.array(range, { maxLength: 2 }) });
    fc.assert(
      fc.property(days, fc.uniqueArray(date, { maxLength: 4 }), fc.tuple(date, fc.array(range, { maxLength: 2 })), fc.tuple(fc.nat(99), fc.nat(99), fc.option(fc.nat(99))), (hours, holidays, [overrideDate, overrideHours], [major, minor, patch]) => {
        const desk = { ...(pelpro.calendars as Record<string, object>).desk, hours, holidays: holidays.filter((day) => day !== overrideDate), overrides: { [overrideDate]: overrideHours } };
        const document = { ...withValue(pelpro, ['calendars', 'desk'], desk), version: patch === null ? `${major}.${minor}` : `${major}.${minor}.${patch}` };
        const result = safeDefinePolicy(document);
        expect(result.success ? [] : result.error.issues.map((issue) => issue.code)).toEqual([]);
        expect(ajvIssues(validatePolicy, document)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
