// The one instant rule of the library: a Date, epoch milliseconds, or an ISO 8601 string with an
// offset are accepted alike, everywhere, and must lie in the supported range. A string without an
// offset, NaN, an invalid Date or anything else is a typed error naming the caller's field.

import { InvalidArgumentError, type Issue, type JsonPath } from '../errors/index.js';
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from './civil.js';
import { parseIsoInstant } from './iso.js';
import * as messages from './messages.js';

/**
 * An instant: a `Date`, milliseconds since the Unix epoch, or an ISO 8601 string with an explicit
 * offset or `Z` (`'2026-11-20T18:30:00-06:00'`). A string without an offset would depend on the
 * machine's time zone and is refused. Instants must lie in [1900-01-01, 2200-01-01) UTC.
 *
 * @remarks Since 0.1.0 (ISO strings everywhere since 0.2.0)
 */
export type Instant = Date | number | string;

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const toStringTag = Object.prototype.toString;

/** The issue for a value that is not a usable instant, or undefined if it is one. */
export function instantIssue(value: unknown, path: JsonPath): Issue | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (value instanceof Date || toStringTag.call(value) === '[object Date]') ms = Date.prototype.getTime.call(value);
  else if (typeof value === 'string') {
    ms = parseIsoInstant(value);
    if (Number.isNaN(ms) && LOCAL_DATE_TIME.test(value.trim())) {
      return { code: 'INSTANT_WITHOUT_OFFSET', path, message: messages.INSTANT_WITHOUT_OFFSET(value) };
    }
    // "2026-11-25 08:00Z": SQL's and RFC 3339's space between date and time, which ISO 8601 spells "T".
    const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}.*)$/.exec(value.trim());
    if (Number.isNaN(ms) && spaced && Number.isFinite(parseIsoInstant(`${spaced[1]}T${spaced[2]}`))) {
      return { code: 'INVALID_INSTANT', path, message: messages.INSTANT_WITH_SPACE(value, `${spaced[1]}T${spaced[2]}`) };
    }
  } else ms = Number.NaN;
  if (!Number.isFinite(ms)) return { code: 'INVALID_INSTANT', path, message: messages.INVALID_INSTANT(value) };
  if (ms < MIN_INSTANT_MS || ms >= MAX_INSTANT_MS) {
    // Beyond ±8.64e15 ms there is no Date, so no ISO text either.
    const shown = Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${ms} ms after the epoch`;
    return { code: 'INSTANT_OUT_OF_RANGE', path, message: messages.INSTANT_OUT_OF_RANGE(shown) };
  }
  return undefined;
}

/**
 * Epoch ms of an instant in any accepted form, checked to be valid and in range. `path` names the
 * caller's field (`'now'`, or `['events', 3, 'at']`).
 */
export function instantMs(value: unknown, path: string | JsonPath): number {
  // The common forms first, with no allocation: this runs on every calendar call.
  if (typeof value === 'number') {
    if (value >= MIN_INSTANT_MS && value < MAX_INSTANT_MS) return value;
  } else if (value instanceof Date) {
    const ms = value.getTime();
    if (ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS) return ms;
  } else if (typeof value === 'string') {
    const ms = parseIsoInstant(value);
    if (ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS) return ms;
  }
  const issue = instantIssue(value, typeof path === 'string' ? [path] : path);
  if (issue) throw new InvalidArgumentError([issue]);
  // A Date from another realm: valid, so instantIssue found nothing.
  return Date.prototype.getTime.call(value);
}

/** Epoch ms of a required instant argument; undefined is `REQUIRED`. */
export function requiredInstant(value: unknown, path: string | JsonPath): number {
  if (value === undefined) {
    const at = typeof path === 'string' ? [path] : path;
    throw new InvalidArgumentError([{ code: 'REQUIRED', path: at, message: messages.REQUIRED(String(at[at.length - 1] ?? 'instant')) }]);
  }
  return instantMs(value, path);
}
