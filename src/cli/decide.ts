// Takes the decision a case asks for, with the policy's section for its kind. A decision function
// that refuses the input (a SupportRulesError) is a result here, with the problems' paths in the
// case file; anything else it throws is a bug and is left to propagate. With a policy history (or
// a case that gives `asOf`), the version in force decides (decideInForce) and the decision names it.

import { list } from '../_lib/messages.js';
import { type Issue, SupportRulesError } from '../errors/index.js';
import { decideInForce, type PolicyHistory, type SupportPolicy } from '../policy/index.js';
import { decideWith, SECTION, sectionsOf } from '../policy/decide-in-force.js';
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
 *
 * @throws Whatever is not a `SupportRulesError`: a bug, not a problem with the case.
 */
export function decideCase(source: PolicySource, c: Case): CaseDecision {
  if (isHistory(source) || c.asOf !== undefined) return decideCaseInForce(source, c);
  const policy = source;
  const section = SECTION[c.kind];
  if (policy[section] === null) {
    const present = sectionsOf(policy);
    const message = `The policy has no ${section} section, so it cannot decide a "${c.kind}" case; its sections are ${present.length > 0 ? list(present) : '(none)'}.`;
    return { issues: [{ code: 'UNKNOWN_IN_POLICY', path: ['kind'], message }] };
  }
  // Case files are untyped JSON, passed as they are: the decision functions check their input
  // (instants as ISO strings included) and throw typed errors.
  try {
    const decision = decideWith(policy, c.kind, c.given);
    return { decision: JSON.parse(JSON.stringify(decision)) as unknown, by: policy };
  } catch (error) {
    if (!(error instanceof SupportRulesError)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ code: error.code, path: error.path, message: error.message }];
    return { issues: issues.map((issue) => ({ ...issue, path: ['given', ...issue.path] })) };
  }
}

/**
 * Decides a case with the version in force: at the instant that matters for its kind, or at its
 * `asOf`. A plain policy is a history of one version here, so its effective dates apply. Paths of
 * problems: `asOf` and `kind` are the case's own, the rest are in `given`.
 */
function decideCaseInForce(source: PolicySource, c: Case): CaseDecision {
  try {
    const decision = decideInForce(source, c.kind, c.given as never, c.asOf === undefined ? undefined : { asOf: c.asOf });
    // The version that decided, for the zones its instants are shown in.
    const by = isHistory(source) ? (source.versions.find((v) => v.version === decision.policy.version) as PolicyHistory['versions'][number]).policy : source;
    return { decision: JSON.parse(JSON.stringify(decision)) as unknown, by };
  } catch (error) {
    if (!(error instanceof SupportRulesError)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ code: error.code, path: error.path, message: error.message }];
    return { issues: issues.map((issue) => ({ ...issue, path: issue.path[0] === 'asOf' || issue.path[0] === 'kind' ? issue.path : ['given', ...issue.path] })) };
  }
}
