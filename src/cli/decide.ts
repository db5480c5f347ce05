// Takes the decision a case asks for, with the policy's section for its kind. A decision function
// that refuses the input (a SupportRulesError) is a result here, with the problems' paths in the
// case file; anything else it throws is a bug and is left to propagate. With a policy history (or
// a case that gives `asOf`), the version in force decides (decideInForce) and the decision names it.

import type { Issue } from '../errors/index.js';
import type { PolicyHistory, SupportPolicy } from '../policy/index.js';
import { SECTION, sectionsOf } from '../policy/decide-in-force.js';
import { decideCaseWith } from '../policy/replay-case.js';
import type { Case } from './cases-schema.js';

/** A compiled policy, or a policy history whose versions decide by date. */
export type PolicySource = SupportPolicy | PolicyHistory;

/** True for a policy history (a plain policy has no `versions`). */
export const isHistory = (source: PolicySource): source is PolicyHistory => 'versions' in source;

/** The sections of a history's versions, each once, in document order. */
export function historySections(history: PolicyHistory): string[] {
  const present = new Set(history.versions.flatMap((v) => sectionsOf(v.policy)));
  return Object.values(SECTION).filter((section) => present.has(section));
}

/**
 * The decision as JSON (instants as ISO strings) and the policy (the version, for a history) that
 * took it, or the problems that stopped it.
 */
export type CaseDecision =
  | { readonly decision: unknown; readonly by: SupportPolicy; readonly issues?: never }
  | { readonly issues: readonly Issue[]; readonly decision?: never; readonly by?: never };

/**
 * Decides one case with the policy. Returns the decision as plain JSON, or, when the decision
 * function refuses the input, its issues with paths relative to the case (`given.ticket.events[0].at`).
 * With a history or a case's `asOf`, the version in force decides (`decideInForce`); the policy
 * module's `decideCaseWith` does the work, shared with the what-if replay.
 *
 * @throws Whatever is not a `SupportRulesError`: a bug, not a problem with the case.
 */
export function decideCase(source: PolicySource, c: Case): CaseDecision {
  // Case files are untyped JSON, passed as they are: the decision functions check their input
  // (instants as ISO strings included) and throw typed errors.
  const result = decideCaseWith(source, c.kind, c.given, c.asOf === undefined ? undefined : { asOf: c.asOf });
  if (result.issues) return { issues: result.issues };
  return { decision: JSON.parse(JSON.stringify(result.decision)) as unknown, by: result.by };
}
