// Staffing inputs are checked before any loop runs. The bounds are what keeps every function
// answering in milliseconds for any finite input: the Erlang recursions run once per agent, so
// agents and traffic are capped; the durations are capped so that the rates derived from them
// (calls per second, patience per handle time) stay finite. Plain-JavaScript and JSON callers get
// a typed error naming their own field instead of a hang or a wrong answer.

import { messages } from '../_lib/messages.js';
import { compileRequest, type Fields } from '../_lib/request.js';
import { InvalidArgumentError, type Issue, type JsonPath } from '../errors/index.js';

/** The most Erlangs one queue is staffed for (about 100,000 agents busy at once). */
export const MAX_TRAFFIC = 100_000;
/** The most agents staffing computes with, or returns. */
export const MAX_AGENTS = 1_000_000;
/** The most callers Erlang A lets wait in its queue model (the loop over them is the only long one). */
export const MAX_WAITING = 100_000;
export const MAX_WAITING_TEXT = '100,000';

/** A closed or half-open interval of allowed values, with the words a message states it in. */
export interface Bounds {
  readonly low: number;
  readonly high: number;
  readonly lowOpen?: boolean;
  readonly highOpen?: boolean;
  readonly whole?: boolean;
  readonly text: string;
}

export const BOUNDS = {
  traffic: { low: 0, high: MAX_TRAFFIC, text: 'between 0 and 100,000 Erlangs' },
  agents: { low: 0, high: MAX_AGENTS, whole: true, text: 'a whole number between 0 and 1,000,000' },
  agentsOnDuty: { low: 1, high: MAX_AGENTS, whole: true, text: 'a whole number between 1 and 1,000,000' },
  count: { low: 0, high: Number.POSITIVE_INFINITY, text: '0 or more' },
  positive: { low: 0, high: Number.POSITIVE_INFINITY, lowOpen: true, text: 'more than 0' },
  duration: { low: 0.001, high: 1e9, text: 'between 0.001 and 1,000,000,000 seconds' },
  target: { low: 0, high: 1e9, text: 'between 0 and 1,000,000,000 seconds' },
  percent: { low: 0, high: 100, text: 'between 0 and 100 %' },
  occupancy: { low: 0, high: 100, lowOpen: true, text: 'more than 0 and at most 100 %' },
  shrinkage: { low: 0, high: 100, highOpen: true, text: 'at least 0 and less than 100 %' },
} as const satisfies Record<string, Bounds>;

/** The issue for a value outside `bounds` (INVALID_TYPE when not a finite number), or undefined. */
export function boundsIssue(value: unknown, path: JsonPath, bounds: Bounds): Issue | undefined {
  const name = String(path[path.length - 1]);
  if (value === undefined) return { code: 'REQUIRED', path, message: messages.REQUIRED(name) };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'INVALID_TYPE', path, message: messages.FINITE_NUMBER(name, value) };
  const below = bounds.lowOpen ? value <= bounds.low : value < bounds.low;
  const above = bounds.highOpen ? value >= bounds.high : value > bounds.high;
  if (below || above || (bounds.whole && !Number.isInteger(value))) {
    return { code: 'INVALID_FACT', path, message: messages.NUMBER_OUT_OF_RANGE(name, value, bounds.text) };
  }
  return undefined;
}

/** Checks numbers against their bounds, throwing every problem at once. */
export function checkNumbers(checks: readonly (readonly [value: unknown, field: string | JsonPath, bounds: Bounds])[]): void {
  const issues: Issue[] = [];
  for (const [value, field, bounds] of checks) {
    const issue = boundsIssue(value, typeof field === 'string' ? [field] : field, bounds);
    if (issue) issues.push(issue);
  }
  if (issues.length > 0) throw new InvalidArgumentError(issues);
}

/** INVALID_TYPE for an argument that is not an object (REQUIRED when it is missing). */
export function notAnObject(field: string, what: string, value: unknown, path: JsonPath = [field]): never {
  throw new InvalidArgumentError([
    value === undefined ? { code: 'REQUIRED', path, message: messages.REQUIRED(field) } : { code: 'INVALID_TYPE', path, message: messages.NOT_AN_OBJECT(field, what, value) },
  ]);
}

/** Throws a single INVALID_FACT issue. */
export function failFact(path: JsonPath, message: string): never {
  throw new InvalidArgumentError([{ code: 'INVALID_FACT', path, message }]);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * An options object checked for shape (unknown keys with "did you mean", wrong types, required
 * fields) by the shared request checker, then each number against its bounds. The argument itself
 * is named by `argument` when it is not an object, so every error has a path.
 */
export function objectChecker(argument: string, what: string, fields: Readonly<Record<string, { readonly bounds: Bounds; readonly required?: boolean; readonly hint?: string }>>) {
  const shape: Fields = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, { type: 'number', required: field.required ?? false, ...(field.hint ? { hint: field.hint } : {}) }]));
  const check = compileRequest(what, shape, { vocabularies: {} });
  const entries = Object.entries(fields);
  return (value: unknown): Record<string, number | undefined> => {
    if (!isRecord(value)) notAnObject(argument, what, value);
    const out = check(value) as Record<string, number | undefined>;
    checkNumbers(entries.filter(([key]) => out[key] !== undefined).map(([key, field]) => [out[key], key, field.bounds] as const));
    return out;
  };
}
