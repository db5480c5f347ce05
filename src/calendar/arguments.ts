// Checks of the arguments every calendar function takes: instants, durations and day counts.

import { MAX_INSTANT_MS, MIN_INSTANT_MS, MS_PER_HOUR, MS_PER_MINUTE } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import { unknownKeyIssue } from '../_lib/request.js';
import { InvalidArgumentError, NoOpenTimeError, type IssueCode } from '../errors/index.js';

export { instantMs, type Instant } from '../_lib/instant.js';

/**
 * A span of business time: milliseconds, or an object whose fields add up.
 *
 * @example
 * ```ts
 * const fourHours: Duration = { hours: 4 };
 * const ninetyMinutes: Duration = { hours: 1, minutes: 30 }; // same as 5_400_000
 * ```
 * @remarks Since 0.1.0
 */
export type Duration =
  | number
  | {
      readonly hours?: number;
      readonly minutes?: number;
      readonly seconds?: number;
      readonly milliseconds?: number;
    };

function fail(code: IssueCode, message: string, path: string, details: Record<string, unknown> = {}): never {
  throw new InvalidArgumentError([{ code, path: [path], message }], details);
}

const DURATION_FIELDS = ['hours', 'minutes', 'seconds', 'milliseconds'] as const;

function unitMs(field: string): number | undefined {
  switch (field) {
    case 'hours':
      return MS_PER_HOUR;
    case 'minutes':
      return MS_PER_MINUTE;
    case 'seconds':
      return 1000;
    case 'milliseconds':
      return 1;
    default:
      return undefined;
  }
}

/**
 * Milliseconds in a duration, rounded to the nearest millisecond.
 *
 * @param duration - Milliseconds, or `{ hours, minutes, seconds, milliseconds }`.
 * @returns Whole milliseconds (may be negative).
 * @throws {@link InvalidArgumentError} `INVALID_DURATION` for a non-finite value (at the field),
 *   `UNKNOWN_KEY` for an unknown field (`{ hour: 4 }`: did you mean `hours`?).
 * @example
 * ```ts
 * durationMs({ hours: 1, minutes: 30 }); //=> 5400000
 * ```
 * @remarks Since 0.1.0
 */
export function durationMs(duration: Duration, name = 'duration'): number {
  let total = 0;
  if (typeof duration === 'number') total = duration;
  else if (duration && typeof duration === 'object') {
    // A for-in over the few fields is several times cheaper than Object.keys + includes here,
    // and this runs on every call of addBusinessTime.
    for (const key in duration) {
      const unit = unitMs(key);
      const part = (duration as Record<string, unknown>)[key];
      if (unit === undefined) throw new InvalidArgumentError([unknownKeyIssue(key, DURATION_FIELDS, [name], 'of a duration')]);
      // Number.isFinite is false for anything that is not a number ('4', null, an object).
      if (part !== undefined && !Number.isFinite(part)) {
        throw new InvalidArgumentError([{ code: 'INVALID_DURATION', path: [name, key], message: messages.INVALID_DURATION(duration) }]);
      }
      if (part !== undefined) total += (part as number) * unit;
    }
  } else total = Number.NaN;
  if (!Number.isFinite(total)) fail('INVALID_DURATION', messages.INVALID_DURATION(duration), name);
  // Rounds half away from zero so a duration and its negation stay symmetric.
  return Math.sign(total) * Math.round(Math.abs(total)) || 0;
}

/** A whole number of days, checked. */
export function dayCount(value: number, name: string): number {
  if (!Number.isSafeInteger(value)) fail('INVALID_DAY_COUNT', messages.INVALID_DAY_COUNT(value), name);
  return value;
}

// Errors about the calendar as a whole name the `calendar` argument.
const CALENDAR: readonly string[] = Object.freeze(['calendar']);

export function neverOpens(direction: 'after' | 'before', fromMs: number): never {
  const iso = new Date(fromMs).toISOString();
  throw new NoOpenTimeError(
    [{ code: 'CALENDAR_NEVER_OPENS', path: CALENDAR, message: messages.CALENDAR_NEVER_OPENS(direction, iso) }],
    { direction, from: iso },
  );
}

export function neverCloses(fromMs: number): never {
  const iso = new Date(fromMs).toISOString();
  throw new NoOpenTimeError([{ code: 'CALENDAR_NEVER_CLOSES', path: CALENDAR, message: messages.CALENDAR_NEVER_CLOSES(iso) }], { from: iso });
}

/** The answer would fall outside the supported range: `argument` names what took it there (`duration`, `n`). */
export function resultOutOfRange(what: string, argument: string): never {
  throw new InvalidArgumentError([{ code: 'RESULT_OUT_OF_RANGE', path: [argument], message: messages.RESULT_OUT_OF_RANGE(what) }]);
}

/** `ms` when it is a supported instant, else RESULT_OUT_OF_RANGE at `argument` (see {@link resultOutOfRange}). */
export function inSupportedRange(ms: number, what: string, argument: string): number {
  if (ms < MIN_INSTANT_MS || ms >= MAX_INSTANT_MS) resultOutOfRange(what, argument);
  return ms;
}
