/** A JSON path into the value that was checked, e.g. `['hours', 'mon', 0]`. */
export type JsonPath = ReadonlyArray<string | number>;

/**
 * One problem found in an input: a stable machine `code`, where it is (`path`) and what to do.
 *
 * @remarks Since 0.1.0
 */
export interface Issue {
  readonly code: string;
  readonly path: JsonPath;
  readonly message: string;
}

/**
 * The one error family of support-rules. Every error the library throws on bad input is a
 * `SupportRulesError` with a stable `code`, the JSON `path` of the offending value and
 * `details` (the facts behind the message). Business outcomes such as "not eligible" are
 * returned, never thrown.
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
  /** Stable machine-readable code, e.g. `INVALID_TIME_ZONE`. */
  readonly code: string;
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
  }
}

/**
 * A calendar spec failed validation. `issues` lists every problem, each with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class CalendarSpecError extends SupportRulesError {}

/**
 * An argument to a function was not usable: an invalid `Date`, a non-finite duration, an instant
 * outside the supported range, or a value that is not a calendar.
 *
 * @remarks Since 0.1.0
 */
export class InvalidArgumentError extends SupportRulesError {}

/**
 * A calendar has no open time in the direction asked (or never closes, for `nextClose`), so the
 * answer does not exist. Thrown at once, never after a long search.
 *
 * @remarks Since 0.1.0
 */
export class NoOpenTimeError extends SupportRulesError {}

/** Renders a JSON path as `hours.mon[0]`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}
