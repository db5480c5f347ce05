// Checks of the plain arguments of the SLA functions that take no policy (back-office tasks,
// clocks for aggregates, option objects): every problem is collected with the caller's own path,
// then thrown at once as one InvalidArgumentError. Hand-written: returns, warranty and escalation
// call backOfficeClock on every decision.

import { instantIssue } from '../_lib/instant.js';
import { parseIsoInstant } from '../_lib/iso.js';
import * as messages from '../_lib/messages.js';
import { isRecord, numberIssue, requiredIssue, unknownKeyIssue, type NumberBounds } from '../_lib/request.js';
import { suggest } from '../_lib/suggest.js';
import type { Issue, JsonPath } from '../errors/index.js';

export { isRecord, throwIssues } from '../_lib/request.js';

/** Adds UNKNOWN_KEY (with a did-you-mean) for every own key of `value` outside `allowed`. */
export function checkKeys(value: Record<string, unknown>, allowed: readonly string[], what: string, path: JsonPath, issues: Issue[]): void {
  for (const key in value) if (Object.hasOwn(value, key) && !allowed.includes(key)) issues.push(unknownKeyIssue(key, allowed, path, what));
}

const lastOf = (path: JsonPath) => String(path[path.length - 1] ?? 'value');

/** Adds REQUIRED for a value left out; true when it was given. */
export function given(value: unknown, path: JsonPath, issues: Issue[], hint?: string): boolean {
  if (value !== undefined) return true;
  issues.push(requiredIssue(path, hint));
  return false;
}

/** Epoch ms of an instant, or NaN after adding its issue. */
export function instantAt(value: unknown, path: JsonPath, issues: Issue[]): number {
  const issue = instantIssue(value, path);
  if (issue) {
    issues.push(issue);
    return Number.NaN;
  }
  return typeof value === 'number' ? value : typeof value === 'string' ? parseIsoInstant(value) : Date.prototype.getTime.call(value);
}

/** A non-empty text, or undefined after adding INVALID_TYPE. */
export function textAt(value: unknown, path: JsonPath, issues: Issue[]): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  issues.push({ code: 'INVALID_TYPE', path, message: value === null ? messages.NULL_VALUE(lastOf(path)) : messages.INVALID_TYPE('non-empty text', value) });
  return undefined;
}

/** An object, or undefined after adding INVALID_TYPE naming what it should be (`name`: how a message calls it). */
export function recordAt(value: unknown, path: JsonPath, issues: Issue[], name: string, expected: string): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  issues.push({ code: 'INVALID_TYPE', path, message: messages.NOT_AN_OBJECT(name, expected, value) });
  return undefined;
}

/** One of `allowed`, or undefined after adding INVALID_TYPE / INVALID_VALUE (with a did-you-mean). */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: JsonPath, issues: Issue[]): T | undefined {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  if (typeof value !== 'string') {
    issues.push({ code: 'INVALID_TYPE', path, message: value === null ? messages.NULL_VALUE(lastOf(path)) : messages.INVALID_TYPE(`text (one of ${allowed.join(', ')})`, value) });
    return undefined;
  }
  const suggestion = suggest(value, allowed);
  issues.push({ code: 'INVALID_VALUE', path, message: messages.INVALID_VALUE(value, allowed, suggestion), allowed, ...(suggestion ? { suggestion } : {}) });
  return undefined;
}

/** A number within its bounds, or undefined after adding its issue (INVALID_TYPE, INVALID_FACT). */
export function numberAt(value: unknown, path: JsonPath, issues: Issue[], bounds: NumberBounds): number | undefined {
  const issue = numberIssue(value, path, bounds);
  if (!issue) return value as number;
  issues.push(issue);
  return undefined;
}

/** Milliseconds (finite, 0 or more, or more than 0), or undefined after adding INVALID_DURATION. */
export function msAt(value: unknown, path: JsonPath, issues: Issue[], what: string, positive: boolean): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && (positive ? value > 0 : value >= 0)) return value;
  issues.push({ code: 'INVALID_DURATION', path, message: messages.INVALID_MS(what, positive) });
  return undefined;
}

/** A list, or undefined after adding INVALID_TYPE. */
export function listAt(value: unknown, path: JsonPath, issues: Issue[], of: string): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  issues.push({ code: 'INVALID_TYPE', path, message: messages.NOT_A_LIST(lastOf(path), of, value) });
  return undefined;
}
