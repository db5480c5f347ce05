// Staffing inputs are checked before any loop runs. The bounds are what keeps every function
// answering in milliseconds for any finite input: the Erlang recursions run once per agent, so
// agents and traffic are capped; the durations are capped so that the rates derived from them
// (calls per second, patience per handle time) stay finite. Plain-JavaScript and JSON callers get
// a typed error naming their own field instead of a hang or a wrong answer.

import { compileRequest, isRecord, notAnObject, numberIssue, throwIssues, type Fields, type NumberBounds } from '../_lib/request.js';
import { InvalidArgumentError, type JsonPath } from '../errors/index.js';

/** The most Erlangs one queue is staffed for (about 100,000 agents busy at once). */
export const MAX_TRAFFIC = 100_000;
/** The most agents staffing computes with, or returns. */
export const MAX_AGENTS = 1_000_000;
/** The most callers Erlang A lets wait in its queue model (the loop over them is the only long one). */
export const MAX_WAITING = 100_000;
export const MAX_WAITING_TEXT = '100,000';

export const BOUNDS = {
  traffic: { min: 0, max: MAX_TRAFFIC, unit: 'Erlangs' },
  agents: { min: 0, max: MAX_AGENTS, whole: true },
  agentsOnDuty: { min: 1, max: MAX_AGENTS, whole: true },
  count: { min: 0 },
  positive: { min: 0, minExclusive: true },
  duration: { min: 0.001, max: 1e9, unit: 'seconds' },
  target: { min: 0, max: 1e9, unit: 'seconds' },
  percent: { min: 0, max: 100, unit: '%' },
  occupancy: { min: 0, max: 100, minExclusive: true, unit: '%' },
  shrinkage: { min: 0, max: 100, maxExclusive: true, unit: '%' },
} as const satisfies Record<string, NumberBounds>;

/** Checks number arguments against their bounds, throwing every problem at once. */
export function checkNumbers(checks: readonly (readonly [value: unknown, field: string | JsonPath, bounds: NumberBounds])[]): void {
  throwIssues(checks.flatMap(([value, field, bounds]) => numberIssue(value, typeof field === 'string' ? [field] : field, bounds) ?? []));
}

/** Throws a single INVALID_FACT issue. */
export function failFact(path: JsonPath, message: string): never {
  throw new InvalidArgumentError([{ code: 'INVALID_FACT', path, message }]);
}

/**
 * An options object checked by the shared request checker: unknown keys with "did you mean",
 * wrong types, required fields, each number against its bounds. The argument itself is named by
 * `argument` when it is not an object, so every error has a path.
 */
export function objectChecker(argument: string, what: string, fields: Readonly<Record<string, { readonly bounds: NumberBounds; readonly required?: boolean; readonly hint?: string }>>) {
  const shape: Fields = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, { type: 'number', ...field.bounds, required: field.required ?? false, ...(field.hint ? { hint: field.hint } : {}) }]),
  );
  const check = compileRequest(what, shape, { vocabularies: {} });
  return (value: unknown): Record<string, number | undefined> => {
    if (!isRecord(value)) notAnObject(argument, what, value);
    return check(value) as Record<string, number | undefined>;
  };
}
