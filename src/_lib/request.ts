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
import { an, describe, list, messages, typeName } from './messages.js';
import { suggest } from './suggest.js';

/** One field of a request. */
export type Field = (
  | { readonly type: 'term'; readonly vocabulary: string }
  | { readonly type: 'terms'; readonly vocabulary: string }
  | { readonly type: 'text' }
  | { readonly type: 'boolean' }
  | { readonly type: 'count'; readonly max?: number }
  | { readonly type: 'number'; readonly min?: number; readonly max?: number; readonly unit?: string }
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function typeIssue(path: JsonPath, expected: string, value: unknown): Issue {
  const name = String(path[path.length - 1] ?? 'value');
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
        const suggestion = suggest(name, allowed);
        issues.push({ code: 'UNKNOWN_KEY', path: [...path, name], message: messages.UNKNOWN_KEY(name, allowed, suggestion, `of ${what}`), allowed, ...(suggestion ? { suggestion } : {}) });
      } else if (inner !== undefined) out[name] = check(inner, path, name, issues);
    }
    for (const name of required) {
      if (value[name] === undefined) {
        const hint = fields[name]?.hint;
        issues.push({ code: 'REQUIRED', path: [...path, name], message: `${messages.REQUIRED(name).slice(0, -1)}${hint ? `: ${hint}` : ''}.` });
      }
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
    case 'count': {
      const max = field.max ?? Number.MAX_SAFE_INTEGER;
      return (value, parent, key, issues) => {
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max) return value;
        issues.push(
          typeof value === 'number' && Number.isFinite(value)
            ? { code: 'INVALID_FACT', path: [...parent, key], message: messages.INVALID_FACT(String(key), `is ${String(value)}; it must be a whole number between 0 and ${max}`) }
            : typeIssue([...parent, key], 'a whole number, 0 or more', value),
        );
        return undefined;
      };
    }
    case 'number': {
      const min = field.min ?? Number.NEGATIVE_INFINITY;
      const max = field.max ?? Number.POSITIVE_INFINITY;
      const bounds = boundsText(min, max, field.unit);
      return (value, parent, key, issues) => {
        if (typeof value === 'number' && value >= min && value <= max && Number.isFinite(value)) return value;
        issues.push(
          typeof value === 'number' && Number.isFinite(value)
            ? { code: 'INVALID_FACT', path: [...parent, key], message: messages.INVALID_FACT(String(key), `is ${String(value)}; it must be ${bounds}`) }
            : typeIssue([...parent, key], 'a finite number', value),
        );
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

function boundsText(min: number, max: number, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (Number.isFinite(min) && Number.isFinite(max)) return `between ${min} and ${max}${u}`;
  if (Number.isFinite(min)) return `${min}${u} or more`;
  if (Number.isFinite(max)) return `${max}${u} or less`;
  return 'a finite number';
}
