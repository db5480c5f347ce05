// Requests are parsed, not trusted. Each module declares the fields of its requests once (type,
// vocabulary, unit); compileRequest turns the declaration and a policy's vocabularies into a
// checker, once per policy, that walks a request and returns it normalised (instants as epoch ms,
// amounts as Money) or throws every problem with the caller's own path. Hand-written rather than
// zod: it runs per ticket and per event on the volume path, and allocates nothing on success
// beyond the normalised copy.

import { InvalidArgumentError, type Issue, type JsonPath } from '../errors/index.js';
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from './civil.js';
import { instantIssue } from './instant.js';
import { parseIsoInstant } from './iso.js';
import * as messages from './messages.js';
import { an, describe, list, typeName } from './messages.js';
import { suggest } from './suggest.js';

/** One field of a request. */
export type Field = (
  | { readonly type: 'term'; readonly vocabulary: string }
  | { readonly type: 'terms'; readonly vocabulary: string }
  | { readonly type: 'text' }
  | { readonly type: 'boolean' }
  | { readonly type: 'count'; readonly max?: number }
  | ({ readonly type: 'number' } & NumberBounds)
  | { readonly type: 'money' }
  | { readonly type: 'instant' }
  | { readonly type: 'object'; readonly what: string; readonly fields: Fields }
  | { readonly type: 'list'; readonly of: Field }
  | { readonly type: 'variant'; readonly what: string; readonly tag: string; readonly variants: Readonly<Record<string, Fields>> }
) & {
  readonly required?: boolean;
  /** What the field is, for the REQUIRED message ("when the customer asked"). */
  readonly hint?: string;
};

/** The fields of a request or of an object inside it. */
export type Fields = Readonly<Record<string, Field>>;

/**
 * Where a number must lie: bounds (inclusive unless marked exclusive), whole or not, and the
 * unit or the words a message states them in ("more than 0 and at most 100 %").
 */
export interface NumberBounds {
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly whole?: boolean;
  readonly unit?: string;
  /** The bounds in words, when the generated ones would not say it best. */
  readonly text?: string;
}

/** A list of values a policy knows, or `values: undefined` for free text. */
export interface Vocabulary {
  /** Singular noun for messages: `condition`, `size class`. */
  readonly what: string;
  readonly values: readonly string[] | undefined;
  /** `UNKNOWN_CATEGORY` for categories; `UNKNOWN_IN_POLICY` otherwise. */
  readonly code?: 'UNKNOWN_CATEGORY' | 'UNKNOWN_IN_POLICY';
}

/** What a request is checked against: the policy's vocabularies and its currency. */
export interface RequestContext {
  readonly vocabularies: Readonly<Record<string, Vocabulary>>;
  /** Reads an amount in the policy's currency (throws a typed error at `path`). */
  readonly money?: (value: unknown, path: JsonPath) => unknown;
}

/** A compiled checker: the normalised request, or an InvalidArgumentError listing every problem. */
export type RequestChecker = (input: unknown, path?: JsonPath) => Record<string, unknown>;

type Check = (value: unknown, parent: JsonPath, key: string | number, issues: Issue[]) => unknown;

const ROOT: JsonPath = Object.freeze([]);

/**
 * Compiles a request declaration against a policy's vocabularies. `what` names the request in
 * messages ("a return request").
 */
export function compileRequest(what: string, fields: Fields, context: RequestContext): RequestChecker {
  const check = objectCheck(what, fields, context);
  return (input, path = ROOT) => {
    const issues: Issue[] = [];
    const out = check(input, path, issues);
    if (issues.length > 0) throw new InvalidArgumentError(issues, { value: describe(input) });
    return out as Record<string, unknown>;
  };
}

/** A plain object (not null, a list or a Date). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function typeIssue(path: JsonPath, expected: string, value: unknown): Issue {
  // The request itself has no field name to quote.
  if (path.length === 0) return { code: 'INVALID_TYPE', path, message: `Expected ${expected} here, not ${typeName(value)}.` };
  const name = String(path[path.length - 1]);
  return {
    code: 'INVALID_TYPE',
    path,
    message: value === null ? messages.NULL_VALUE(name) : `"${name}" must be ${expected}, not ${typeName(value)}.`,
  };
}

function objectCheck(what: string, fields: Fields, context: RequestContext) {
  const checks: Record<string, Check> = Object.create(null);
  const allowed = Object.keys(fields);
  const required: string[] = [];
  for (const [key, field] of Object.entries(fields)) {
    checks[key] = fieldCheck(field, context);
    if (field.required) required.push(key);
  }
  return (value: unknown, path: JsonPath, issues: Issue[]): unknown => {
    if (!isRecord(value)) {
      issues.push(typeIssue(path, `${what} (an object)`, value));
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const name in value) {
      if (!Object.hasOwn(value, name)) continue;
      const inner = value[name];
      const check = checks[name];
      if (check === undefined) {
        issues.push(unknownKeyIssue(name, allowed, path, `of ${what}`));
      } else if (inner !== undefined) out[name] = check(inner, path, name, issues);
    }
    for (const name of required) {
      if (value[name] === undefined) issues.push(requiredIssue([...path, name], fields[name]?.hint));
    }
    return out;
  };
}

function fieldCheck(field: Field, context: RequestContext): Check {
  switch (field.type) {
    case 'term':
      return termCheck(context.vocabularies[field.vocabulary], field.vocabulary);
    case 'terms': {
      const term = termCheck(context.vocabularies[field.vocabulary], field.vocabulary);
      return (value, parent, key, issues) => {
        if (!Array.isArray(value)) {
          issues.push(typeIssue([...parent, key], `a list of ${pluralOf(context.vocabularies[field.vocabulary], field.vocabulary)}`, value));
          return undefined;
        }
        const path = [...parent, key];
        for (let i = 0; i < value.length; i++) term(value[i], path, i, issues);
        return value;
      };
    }
    case 'text':
      return (value, parent, key, issues) => {
        if (typeof value === 'string' && value !== '') return value;
        issues.push(typeIssue([...parent, key], 'a non-empty text', value));
        return undefined;
      };
    case 'boolean':
      return (value, parent, key, issues) => {
        if (typeof value === 'boolean') return value;
        issues.push(typeIssue([...parent, key], 'true or false', value));
        return undefined;
      };
    case 'count':
    case 'number': {
      const bounds: NumberBounds = field.type === 'count' ? { min: 0, max: field.max ?? Number.MAX_SAFE_INTEGER, whole: true } : field;
      const within = inBounds(bounds);
      return (value, parent, key, issues) => {
        if (typeof value === 'number' && within(value)) return value;
        issues.push(numberIssue(value, [...parent, key], bounds) as Issue);
        return undefined;
      };
    }
    case 'money': {
      const read = context.money;
      if (!read) throw new Error('a money field needs a currency to be read in');
      return (value, parent, key, issues) => {
        try {
          return read(value, [...parent, key]);
        } catch (error) {
          const inner = (error as { issues?: Issue[] }).issues;
          if (!inner) throw error;
          issues.push(...inner);
          return undefined;
        }
      };
    }
    case 'instant':
      return (value, parent, key, issues) => {
        // The common forms first, without building a path.
        const ms = typeof value === 'number' ? value : value instanceof Date ? value.getTime() : typeof value === 'string' ? parseIsoInstant(value) : Number.NaN;
        if (ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS) return ms;
        const issue = instantIssue(value, [...parent, key]);
        if (issue) issues.push(issue);
        else return Date.prototype.getTime.call(value); // a Date from another realm
        return undefined;
      };
    case 'object': {
      const check = objectCheck(field.what, field.fields, context);
      return (value, parent, key, issues) => check(value, [...parent, key], issues);
    }
    case 'list': {
      const item = fieldCheck(field.of, context);
      return (value, parent, key, issues) => {
        if (!Array.isArray(value)) {
          issues.push(typeIssue([...parent, key], 'a list', value));
          return undefined;
        }
        const path = [...parent, key];
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) out[i] = item(value[i], path, i, issues);
        return out;
      };
    }
    case 'variant': {
      const variants: Record<string, ReturnType<typeof objectCheck>> = Object.create(null);
      for (const [tag, fields] of Object.entries(field.variants)) variants[tag] = objectCheck(`a "${tag}" ${field.what}`, { [field.tag]: { type: 'text' }, ...fields }, context);
      const tags = Object.keys(field.variants);
      return (value, parent, key, issues) => {
        const tag = isRecord(value) ? value[field.tag] : undefined;
        const check = typeof tag === 'string' ? variants[tag] : undefined;
        const path = [...parent, key];
        if (check) return check(value, path, issues);
        if (!isRecord(value)) issues.push(typeIssue(path, `${field.what} (an object)`, value));
        else if (tag === undefined) issues.push({ code: 'REQUIRED', path: [...path, field.tag], message: `${messages.REQUIRED(field.tag).slice(0, -1)}: one of ${list(tags)}.` });
        else {
          const suggestion = suggest(tag, tags);
          issues.push({ code: 'INVALID_VALUE', path: [...path, field.tag], message: messages.INVALID_VALUE(tag, tags, suggestion), allowed: tags, ...(suggestion ? { suggestion } : {}) });
        }
        return undefined;
      };
    }
  }
}

function pluralOf(vocabulary: Vocabulary | undefined, name: string): string {
  const noun = vocabulary?.what ?? name;
  return noun.endsWith('s') ? noun : `${noun}s`;
}

function termCheck(vocabulary: Vocabulary | undefined, name: string): Check {
  const values = vocabulary?.values;
  const known = values ? new Set(values) : undefined;
  const what = vocabulary?.what ?? name;
  const code = vocabulary?.code ?? 'UNKNOWN_IN_POLICY';
  return (value, parent, key, issues) => {
    if (typeof value === 'string' && (known === undefined ? value !== '' : known.has(value))) return value;
    const path = [...parent, key];
    if (typeof value !== 'string') {
      issues.push(typeIssue(path, values ? `${an(what)} (one of ${list(values)})` : `${an(what)} (a text)`, value));
      return undefined;
    }
    if (values === undefined) {
      // Free text (tags): only the empty text is wrong.
      issues.push({ code: 'EMPTY', path, message: `${an(what)} must not be an empty text.` });
      return undefined;
    }
    const allowed = values;
    const suggestion = suggest(value, allowed);
    issues.push({ code, path, message: messages.UNKNOWN_IN_POLICY(what, value, allowed, suggestion), allowed, ...(suggestion ? { suggestion } : {}) });
    return undefined;
  };
}

const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 20 });

/** Bounds in words: "between 0 and 100 %", "more than 0 and at most 100 %", "a whole number, 1 or more". */
export function boundsText(bounds: NumberBounds): string {
  if (bounds.text !== undefined) return bounds.text;
  const u = bounds.unit ? ` ${bounds.unit}` : '';
  const low = bounds.min !== undefined && Number.isFinite(bounds.min) ? number(bounds.min) : undefined;
  const high = bounds.max !== undefined && Number.isFinite(bounds.max) && bounds.max < Number.MAX_SAFE_INTEGER ? number(bounds.max) : undefined;
  let range = '';
  if (low !== undefined && high !== undefined && !bounds.minExclusive && !bounds.maxExclusive) range = `between ${low} and ${high}${u}`;
  else if (low !== undefined && high !== undefined) range = `${bounds.minExclusive ? 'more than' : 'at least'} ${low} and ${bounds.maxExclusive ? 'less than' : 'at most'} ${high}${u}`;
  else if (low !== undefined) range = bounds.minExclusive ? `more than ${low}${u}` : `${low}${u} or more`;
  else if (high !== undefined) range = bounds.maxExclusive ? `less than ${high}${u}` : `${high}${u} or less`;
  if (!bounds.whole) return range || 'a finite number';
  if (range === '') return 'a whole number';
  // "a whole number between 0 and 10", but "a whole number, 1 or more".
  return /^[a-z]/.test(range) ? `a whole number ${range}` : `a whole number, ${range}`;
}

/** A test of a finite number against bounds. */
function inBounds(bounds: NumberBounds): (value: number) => boolean {
  const min = bounds.min ?? Number.NEGATIVE_INFINITY;
  const max = bounds.max ?? Number.POSITIVE_INFINITY;
  return (value) =>
    Number.isFinite(value) &&
    (bounds.minExclusive ? value > min : value >= min) &&
    (bounds.maxExclusive ? value < max : value <= max) &&
    (!bounds.whole || Number.isInteger(value));
}

/**
 * The issue of a number argument or field (REQUIRED when left out, INVALID_TYPE when not a finite
 * number, INVALID_FACT outside its bounds), or undefined when it is fine.
 */
export function numberIssue(value: unknown, path: JsonPath, bounds: NumberBounds): Issue | undefined {
  const name = String(path[path.length - 1] ?? 'value');
  if (value === undefined) return { code: 'REQUIRED', path, message: messages.REQUIRED(name) };
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return typeIssue(path, bounds.whole ? 'a whole number' : 'a finite number', value);
  }
  if (inBounds(bounds)(value)) return undefined;
  return { code: 'INVALID_FACT', path, message: messages.NUMBER_OUT_OF_RANGE(name, value, boundsText(bounds)) };
}

/** UNKNOWN_KEY for a key outside `allowed`, with the allowed keys and a did-you-mean. */
export function unknownKeyIssue(key: string, allowed: readonly string[], path: JsonPath, what: string): Issue {
  const suggestion = suggest(key, allowed);
  return { code: 'UNKNOWN_KEY', path: [...path, key], message: messages.UNKNOWN_KEY(key, allowed, suggestion, what), allowed, ...(suggestion ? { suggestion } : {}) };
}

/** REQUIRED for a field left out, saying what it is when a hint is given. */
export function requiredIssue(path: JsonPath, hint?: string): Issue {
  const name = String(path[path.length - 1] ?? 'value');
  return { code: 'REQUIRED', path, message: hint ? `${messages.REQUIRED(name).slice(0, -1)}: ${hint}.` : messages.REQUIRED(name) };
}

/** Throws INVALID_TYPE for an argument that must be an object (REQUIRED when it is left out). */
export function notAnObject(name: string, what: string, value: unknown, path: JsonPath = [name]): never {
  throw new InvalidArgumentError([
    value === undefined ? { code: 'REQUIRED', path, message: messages.REQUIRED(name) } : { code: 'INVALID_TYPE', path, message: messages.NOT_AN_OBJECT(name, what, value) },
  ]);
}

/** Throws the issues as one InvalidArgumentError, if there are any. */
export function throwIssues(issues: readonly Issue[]): void {
  if (issues.length > 0) throw new InvalidArgumentError(issues);
}
