// The one line the CLI prints for a bug (exit code 70), wherever it is caught: never a stack trace.

/** Exit code of an internal error: `EX_SOFTWARE` of sysexits.h. */
export const EX_SOFTWARE = 70;

/**
 * The line printed for an unexpected error, on one line whatever its message.
 *
 * @example
 * ```ts
 * internalError(new TypeError('x is\nundefined')); //=> 'support-rules: internal error: x is undefined'
 * ```
 */
export function internalError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `support-rules: internal error: ${message.replace(/\s*\n\s*/g, ' ')}`;
}
