// How a case's `expect` is matched against the decision (as JSON): a partial match that says, for
// every difference, where it is, what was expected and what the decision has.

import { parseIsoInstant } from '../_lib/iso.js';
import { list } from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import { formatPath, type JsonPath } from '../errors/index.js';

/** One difference between `expect` and the decision: where, what was expected, what is there. */
export interface Mismatch {
  readonly path: JsonPath;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: string;
}

/** How many characters of a value a message quotes before cutting it. */
const SHOWN_CHARS = 160;

/** A value as a mismatch quotes it: JSON, cut after `max` characters; lists also say their length. */
export function show(value: unknown, max = SHOWN_CHARS): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return Array.isArray(value) && text.length > max ? `${cut} (${value.length} items)` : cut;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Two JSON scalars are the same; two ISO 8601 instants with offsets are the same instant. */
function sameScalar(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (typeof expected !== 'string' || typeof actual !== 'string') return false;
  const a = parseIsoInstant(expected);
  return !Number.isNaN(a) && a === parseIsoInstant(actual);
}

/**
 * Where `actual` differs from the partial `expected`. Objects compare the keys `expected` lists (a
 * key the decision lacks is a difference); each item of an expected list must match some item of
 * the actual list, and an empty expected list means the actual list is empty; strings that are
 * both ISO 8601 instants with offsets compare as instants; other values must be equal.
 *
 * @param path - Where `expected` sits in the decision (for the messages).
 * @param shown - How a message quotes a value found at a path of the decision (the CLI's human
 *   output passes one that shows instants in local time); the comparison never uses it.
 * @returns Every difference; none when the decision matches.
 * @example
 * ```ts
 * mismatches({ deadline: '2026-11-23T10:30:00-06:00' }, { deadline: '2026-11-23T16:30:00.000Z' }); //=> []
 * mismatches({ offers: [] }, { offers: [{ kind: 'credit' }] })[0].message;
 * //=> 'expected an empty list, got [{"kind":"credit"}]'
 * ```
 */
export function mismatches(expected: unknown, actual: unknown, path: JsonPath = [], shown: (value: unknown, path: JsonPath) => unknown = (value) => value): Mismatch[] {
  const differ = (message: string): Mismatch[] => [{ path, expected, actual, message }];
  const quote = (value: unknown, at: JsonPath = path) => show(value === undefined ? value : shown(value, at));
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return differ(`expected a list ${quote(expected)}, got ${quote(actual)}`);
    if (expected.length === 0) return actual.length === 0 ? [] : differ(`expected an empty list, got ${quote(actual)}`);
    return expected.flatMap((item, i) =>
      actual.some((candidate) => mismatches(item, candidate).length === 0)
        ? []
        : [{ path: [...path, i], expected: item, actual, message: `no item of the list matches ${quote(item)}; the list is ${quote(actual)}` }],
    );
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return differ(`expected an object ${quote(expected)}, got ${quote(actual)}`);
    return Object.entries(expected).flatMap(([key, value]) => {
      if (Object.hasOwn(actual, key)) return mismatches(value, actual[key], [...path, key], shown);
      const keys = Object.keys(actual);
      const suggestion = suggest(key, keys);
      const where = path.length === 0 ? 'the decision has' : `${formatPath(path)} has`;
      return [
        {
          path: [...path, key],
          expected: value,
          actual: undefined,
          message: `expected ${quote(value, [...path, key])}, but ${where} no "${key}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} Its keys are ${list(keys)}.`,
        },
      ];
    });
  }
  return sameScalar(expected, actual) ? [] : differ(`expected ${quote(expected)}, got ${quote(actual)}`);
}

/** A mismatch as one line: `reasons[0].code: expected "A", got "B"`. */
export function formatMismatch(mismatch: Mismatch): string {
  return `${formatPath(mismatch.path)}: ${mismatch.message}`;
}
