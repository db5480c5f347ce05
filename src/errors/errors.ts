import type { IssueCode } from './codes.js';

/** A JSON path into the value that was checked, e.g. `['hours', 'mon', 0]`. */
export type JsonPath = ReadonlyArray<string | number>;

/**
 * One problem found in an input: a stable machine `code`, where it is (`path`) and what to do.
 * When the problem is a value outside a known list (a category, a field name), `allowed` lists
 * the values accepted there and `suggestion` names the closest one.
 *
 * @remarks Since 0.1.0
 */
export interface Issue {
  readonly code: IssueCode;
  readonly path: JsonPath;
  readonly message: string;
  /** The values (or field names) accepted at `path`, when there is a fixed list. @remarks Since 0.2.0 */
  readonly allowed?: readonly string[];
  /** The closest of `allowed` to what was given ("did you mean"). @remarks Since 0.2.0 */
  readonly suggestion?: string;
}

// Brands that survive two copies of the library in one process (the ESM and the CommonJS build,
// or two bundles): `Symbol.for` gives both copies the same key, and each error carries the kinds
// of its class chain, so `instanceof` answers the same whichever copy made the error.
const KINDS: unique symbol = Symbol.for('support-rules.error-kinds') as never;
const nativeInstanceOf = Function.prototype[Symbol.hasInstance];

function kindsOf(ctor: unknown): string[] {
  const kinds: string[] = [];
  for (let c = ctor as { kind?: unknown } | null; c && c !== (Error as unknown); c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, 'kind') && typeof c.kind === 'string') kinds.push(c.kind);
  }
  return kinds;
}

/**
 * The one error family of support-rules. Every error the library throws on bad input is a
 * `SupportRulesError` with a stable `code`, the JSON `path` of the offending value and
 * `details` (the facts behind the message). Business outcomes such as "not eligible" are
 * returned, never thrown.
 *
 * `instanceof` works across the ESM and CommonJS builds of the library loaded side by side: an
 * error made by one copy is an instance of the other copy's classes.
 *
 * @example
 * ```ts
 * try {
 *   createCalendar({ timeZone: 'Mars/Olympus' });
 * } catch (error) {
 *   if (error instanceof SupportRulesError) console.log(error.code, error.path);
 *   //=> 'INVALID_TIME_ZONE' ['timeZone']
 * }
 * ```
 *
 * @remarks Since 0.1.0
 */
export class SupportRulesError extends Error {
  /** The class's stable name, shared by every copy of the library. @remarks Since 0.2.0 */
  static readonly kind: string = 'SupportRulesError';

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (nativeInstanceOf.call(this, value)) return true;
    const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
    return Array.isArray(kinds) && kinds.includes((this as unknown as { kind: string }).kind);
  }

  /** Stable machine-readable code, e.g. `INVALID_TIME_ZONE`. */
  readonly code: IssueCode;
  /** JSON path of the offending value inside the input (empty for the input itself). */
  readonly path: JsonPath;
  /** Facts behind the message (values, limits, instants as ISO strings). */
  readonly details: Readonly<Record<string, unknown>>;
  /** Every problem found; the first one is also `code`/`path`/`message`. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], details: Record<string, unknown> = {}) {
    const first = issues[0] ?? { code: 'UNKNOWN', path: [], message: 'Unknown error.' };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    const where = first.path.length > 0 ? `at ${formatPath(first.path)}: ` : '';
    super(`${where}${first.message}${more}`);
    this.name = new.target.name;
    this.code = first.code;
    this.path = first.path;
    this.details = details;
    this.issues = issues;
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target) });
  }
}

/**
 * A calendar spec failed validation. `issues` lists every problem, each with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class CalendarSpecError extends SupportRulesError {
  static override readonly kind: string = 'CalendarSpecError';
}

/**
 * An argument to a function was not usable: a request with an unknown field, a value of the
 * wrong type or outside the policy's vocabulary, an invalid instant, a non-finite duration, an
 * instant outside the supported range, or a value that is not a calendar.
 *
 * @remarks Since 0.1.0
 */
export class InvalidArgumentError extends SupportRulesError {
  static override readonly kind: string = 'InvalidArgumentError';
}

/**
 * A calendar has no open time in the direction asked (or never closes, for `nextClose`), so the
 * answer does not exist. Thrown at once, never after a long search.
 *
 * @remarks Since 0.1.0
 */
export class NoOpenTimeError extends SupportRulesError {
  static override readonly kind: string = 'NoOpenTimeError';
}

/**
 * Renders a JSON path as `hours.mon[0]`: the one path notation of messages, the CLI and docs.
 *
 * @example
 * ```ts
 * formatPath(['events', 3, 'status']); //=> 'events[3].status'
 * formatPath([]);                      //=> '(root)'
 * ```
 * @remarks Since 0.1.0
 */
export function formatPath(path: JsonPath): string {
  if (!Array.isArray(path)) return String(path);
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}
