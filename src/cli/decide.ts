// Takes the decision a case asks for, with the policy's section for its kind. A decision function
// that refuses the input (a SupportRulesError) is a result here, with the problems' paths in the
// case file; anything else it throws is a bug and is left to propagate.

import { list } from '../_lib/messages.js';
import { decideCompensation } from '../compensation/index.js';
import { type Issue, type JsonPath, SupportRulesError } from '../errors/index.js';
import { decideEscalation } from '../escalation/index.js';
import type { SupportPolicy } from '../policy/index.js';
import { checkReturn } from '../returns/index.js';
import { evaluateSla } from '../sla/index.js';
import { checkWarrantyClaim } from '../warranty/index.js';
import type { Case } from './cases-schema.js';

/** The policy section each kind of case is decided by. */
const SECTION = { sla: 'sla', return: 'returns', warranty: 'warranty', compensation: 'compensation', escalation: 'escalation' } as const;

/** The policy's sections that are present, in document order. */
export function sectionsOf(policy: SupportPolicy): string[] {
  return Object.values(SECTION).filter((section) => policy[section] !== null);
}

/** The decision as JSON (instants as ISO strings), or the problems that stopped it. */
export type CaseDecision = { readonly decision: unknown; readonly issues?: never } | { readonly issues: readonly Issue[]; readonly decision?: never };

/** Where a decision function's path (relative to its input) is in the case. */
function casePath(kind: Case['kind'], path: JsonPath): JsonPath {
  if (kind !== 'sla') return ['given', ...path];
  return path[0] === 'now' ? ['given', ...path] : ['given', 'ticket', ...path];
}

/**
 * Decides one case with the policy. Returns the decision as plain JSON, or, when the decision
 * function refuses the input, its issues with paths relative to the case (`given.ticket.events[0].at`).
 *
 * @throws Whatever is not a `SupportRulesError`: a bug, not a problem with the case.
 */
export function decideCase(policy: SupportPolicy, c: Case): CaseDecision {
  const section = SECTION[c.kind];
  if (policy[section] === null) {
    const present = sectionsOf(policy);
    const message = `The policy has no ${section} section, so it cannot decide a "${c.kind}" case; its sections are ${present.length > 0 ? list(present) : '(none)'}.`;
    return { issues: [{ code: 'UNKNOWN_IN_POLICY', path: ['kind'], message }] };
  }
  // Case files are untyped JSON, passed as they are: the decision functions check their input
  // (instants as ISO strings included) and throw typed errors.
  try {
    const decision = decideKind(policy, c.kind, c.given);
    return { decision: JSON.parse(JSON.stringify(decision)) as unknown };
  } catch (error) {
    if (!(error instanceof SupportRulesError)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ code: error.code, path: error.path, message: error.message }];
    return { issues: issues.map((issue) => ({ ...issue, path: casePath(c.kind, issue.path) })) };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function decideKind(policy: SupportPolicy, kind: Case['kind'], given: any): unknown {
  switch (kind) {
    case 'sla':
      return evaluateSla(policy.sla as NonNullable<SupportPolicy['sla']>, given.ticket, given.now);
    case 'return':
      return checkReturn(policy.returns as NonNullable<SupportPolicy['returns']>, given);
    case 'warranty':
      return checkWarrantyClaim(policy.warranty as NonNullable<SupportPolicy['warranty']>, given);
    case 'compensation':
      return decideCompensation(policy.compensation as NonNullable<SupportPolicy['compensation']>, given);
    case 'escalation':
      return decideEscalation(policy.escalation as NonNullable<SupportPolicy['escalation']>, given);
  }
}
