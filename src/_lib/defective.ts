// "defective" was a product condition until 0.2.0, when a fault became its own boolean fact beside
// the packaging state. Requests and policies that still name it get a typed error saying how to
// write it now; this is the one place that says it for requests (returns and fees alike).

import { InvalidArgumentError } from '../errors/index.js';
import * as messages from './messages.js';
import { isRecord, type RequestChecker } from './request.js';

/**
 * The condition value that became the boolean fact `defective`; policies and requests naming it
 * get a typed error that says to write `defective: true`.
 */
export const RETIRED_DEFECTIVE = 'defective';

/**
 * Runs a request check, and where it refused `condition: "defective"` says how to write it now
 * (`defective: true` beside the packaging state) instead of only listing the conditions. Every
 * other problem of the request is kept as the check reported it.
 *
 * @param check - The compiled request check of a policy.
 * @param request - The caller's request, unchecked.
 * @param conditions - The packaging states, given as `allowed` on the rewritten issue.
 * @returns The checked, normalised request.
 * @throws InvalidArgumentError every problem of the request.
 */
export function checkWithDefectiveHint(check: RequestChecker, request: unknown, conditions: readonly string[]): Record<string, unknown> {
  try {
    return check(request);
  } catch (error) {
    if (!(error instanceof InvalidArgumentError) || !isRecord(request) || request.condition !== RETIRED_DEFECTIVE) throw error;
    const issues = error.issues.map((issue) =>
      issue.path.length === 1 && issue.path[0] === 'condition' ? { code: issue.code, path: issue.path, message: messages.DEFECTIVE_IS_A_FACT_REQUEST(), allowed: conditions } : issue,
    );
    throw new InvalidArgumentError(issues, error.details as Record<string, unknown>);
  }
}
