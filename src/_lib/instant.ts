// Instant arguments of decision functions: a Date or epoch milliseconds, checked once here.

import { InvalidArgumentError } from '../errors/index.js';
import { messages } from './messages.js';

/** Epoch ms of an optional instant argument, or undefined; a typed error for NaN or non-dates. */
export function optionalInstant(value: Date | number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const t = value instanceof Date ? value.getTime() : value;
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new InvalidArgumentError([{ code: 'INVALID_INSTANT', path: [field], message: messages.INVALID_INSTANT(value) }]);
  }
  return t;
}

/** Epoch ms of a required instant argument. */
export function requiredInstant(value: Date | number | undefined, field: string): number {
  const t = optionalInstant(value, field);
  if (t === undefined) throw new InvalidArgumentError([{ code: 'INVALID_INSTANT', path: [field], message: messages.INVALID_INSTANT(value) }]);
  return t;
}

/** Throws DATE_AFTER_REQUEST when one of the dates lies after the request. */
export function checkNotAfter(dates: Readonly<Record<string, Date | number | undefined>>, requestMs: number): void {
  for (const [field, value] of Object.entries(dates)) {
    const at = optionalInstant(value, field);
    if (at !== undefined && at > requestMs) {
      throw new InvalidArgumentError([
        { code: 'DATE_AFTER_REQUEST', path: [field], message: messages.DATE_AFTER_REQUEST(field, new Date(at).toISOString(), new Date(requestMs).toISOString()) },
      ]);
    }
  }
}
