// One case of a replay under one policy: the case checked once (the caller's misuse is thrown),
// then decided by a side, whose refusal of the request is a result (an error that may differ
// between the two sides), not an exception.

import type { Instant } from '../_lib/instant.js';
import { instantMs } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { isRecord, unknownKeyIssue } from '../_lib/request.js';
import { InvalidArgumentError, SupportRulesError, type Issue, type JsonPath } from '../errors/index.js';
import { decideInForce, decideWith, SECTION, sectionsOf, type DecideInForceOptions, type Decisions, type PolicyVersionRef } from './decide-in-force.js';
import type { SupportPolicy } from './define.js';
import { checkKind, findInstant, type DecisionKind } from './decision-instant.js';
import type { PolicyHistory } from './history.js';
import { summarize, type OutcomeSummary } from './outcome.js';

/**
 * A case to replay, as a cases file holds it: `{ name?, kind, given, asOf? }` (`expect` is allowed
 * and ignored: a replay compares two policies, not a policy with an expectation).
 *
 * @remarks Since 0.2.0
 */
export interface ReplayCase {
  readonly name?: string;
  readonly kind: DecisionKind;
  /** The decision function's request; for `sla`, `{ ticket, now }`. */
  readonly given: unknown;
  /** Decide with the version in force at this instant (unless the side's options pick one). */
  readonly asOf?: Instant;
  readonly expect?: unknown;
}

/**
 * Why a side could not decide a case: the first problem's `code`, `path` (in the case:
 * `given.purchasedAt`, `asOf`, `kind`) and `message`, and every problem in `issues`.
 *
 * @remarks Since 0.2.0
 */
export interface ReplayError {
  readonly code: string;
  readonly path: JsonPath;
  readonly message: string;
  readonly issues: readonly Issue[];
}

/** A case after its checks. */
export interface CheckedCase {
  readonly name: string | null;
  readonly kind: DecisionKind;
  readonly given: unknown;
  readonly asOf: Instant | undefined;
}

const CASE_FIELDS = ['name', 'kind', 'given', 'asOf', 'expect'] as const;
const SLA_FIELDS = ['ticket', 'now'] as const;

/**
 * The case at `index`, checked: an object with a known `kind`, an object `given` (for `sla` only
 * `ticket` and `now`), a text `name` and an instant `asOf` if given. Every problem is thrown at
 * once, at `cases.<index>.<field>`.
 */
export function checkCase(value: unknown, index: number): CheckedCase {
  const at: JsonPath = ['cases', index];
  if (!isRecord(value)) throw new InvalidArgumentError([{ code: 'INVALID_TYPE', path: at, message: messages.INVALID_TYPE('case object { "kind", "given" }', value) }]);
  const issues: Issue[] = Object.keys(value)
    .filter((key) => !(CASE_FIELDS as readonly string[]).includes(key))
    .map((key) => unknownKeyIssue(key, CASE_FIELDS, at, 'of a case'));
  let kind: DecisionKind | undefined;
  try {
    kind = checkKind(value.kind);
  } catch (error) {
    if (!(error instanceof SupportRulesError)) throw error;
    issues.push(...error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })));
  }
  if (value.given === undefined) issues.push({ code: 'REQUIRED', path: [...at, 'given'], message: messages.REQUIRED('given') });
  else if (!isRecord(value.given)) issues.push({ code: 'INVALID_TYPE', path: [...at, 'given'], message: messages.INVALID_TYPE('object', value.given) });
  else if (kind === 'sla') issues.push(...Object.keys(value.given).filter((key) => !(SLA_FIELDS as readonly string[]).includes(key)).map((key) => unknownKeyIssue(key, SLA_FIELDS, [...at, 'given'], 'of an sla request')));
  if (value.name !== undefined && typeof value.name !== 'string') issues.push({ code: 'INVALID_TYPE', path: [...at, 'name'], message: messages.INVALID_TYPE('string', value.name) });
  if (value.asOf !== undefined) {
    try {
      instantMs(value.asOf, [...at, 'asOf']);
    } catch (error) {
      if (!(error instanceof SupportRulesError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new InvalidArgumentError(issues);
  return { name: (value.name as string | undefined) ?? null, kind: kind as DecisionKind, given: value.given, asOf: value.asOf as Instant | undefined };
}

/**
 * What a policy (or history) decided for a case's request, with the compiled policy (the version,
 * for a history) that decided it; or the problems that stopped it, at their paths in the case.
 */
export type CaseDecision =
  | { readonly decision: Decisions[DecisionKind]; readonly by: SupportPolicy; readonly policy: PolicyVersionRef; readonly issues?: never }
  | { readonly issues: readonly Issue[]; readonly decision?: never; readonly by?: never; readonly policy?: never };

const issuesOf = (error: SupportRulesError): readonly Issue[] => (error.issues.length > 0 ? error.issues : [{ code: error.code, path: error.path, message: error.message }]);

/**
 * Decides a case's request, as `support-rules check` and a replay do: a history (or any source
 * given `pick`: a version, or the instant to decide as of) through `decideInForce`, the version in
 * force at the instant that matters; a plain policy without `pick` with its section directly, its
 * effective dates not applied. A refusal (a `SupportRulesError`) is returned as issues, at their
 * paths in the case: `asOf` and `kind` are the case's own, the rest in `given`.
 *
 * @throws Whatever is not a `SupportRulesError`: a bug, not a problem with the case.
 */
export function decideCaseWith(source: PolicyHistory | SupportPolicy, kind: DecisionKind, given: unknown, pick: DecideInForceOptions | undefined): CaseDecision {
  const plain = 'versions' in source ? null : source;
  if (plain !== null && pick === undefined) {
    const section = SECTION[kind];
    if (plain[section] === null) return { issues: [{ code: 'UNKNOWN_IN_POLICY', path: ['kind'], message: messages.POLICY_LACKS_SECTION(section, kind, sectionsOf(plain)) }] };
    try {
      return { decision: decideWith(plain, kind, given), by: plain, policy: { id: plain.id, version: plain.version } };
    } catch (error) {
      if (!(error instanceof SupportRulesError)) throw error;
      return { issues: issuesOf(error).map((issue) => ({ ...issue, path: ['given', ...issue.path] })) };
    }
  }
  try {
    const decision = decideInForce(source, kind, given as never, pick);
    const by = plain ?? ((source as PolicyHistory).versions.find((v) => v.version === decision.policy.version)?.policy as SupportPolicy);
    return { decision, by, policy: decision.policy };
  } catch (error) {
    if (!(error instanceof SupportRulesError)) throw error;
    return { issues: issuesOf(error).map((issue) => ({ ...issue, path: issue.path[0] === 'asOf' || issue.path[0] === 'kind' ? issue.path : ['given', ...issue.path] })) };
  }
}

/** One side of a replay: a policy or history, and how it picks the version (already checked). */
export interface Side {
  readonly source: PolicyHistory | SupportPolicy;
  readonly pick: DecideInForceOptions | undefined;
}

/** What a side decided for a case, or why it could not. */
export type SideResult =
  | { readonly summary: OutcomeSummary; readonly policy: PolicyVersionRef; readonly reasons: readonly Reason[]; readonly error?: never }
  | { readonly error: ReplayError; readonly summary?: never; readonly policy?: never; readonly reasons?: never };

/**
 * Decides a case with a side: the version the side's options name (or the one in force at their
 * `asOf`), else at the case's `asOf`, else as {@link decideCaseWith} does.
 */
export function decideSide(side: Side, c: CheckedCase): SideResult {
  const result = decideCaseWith(side.source, c.kind, c.given, side.pick ?? (c.asOf === undefined ? undefined : { asOf: c.asOf }));
  if (result.issues) {
    const first = result.issues[0] as Issue;
    return { error: { code: first.code, path: first.path, message: first.message, issues: result.issues } };
  }
  return { summary: summarize(c.kind, result.decision), policy: result.policy, reasons: result.decision.reasons };
}

/** The instant that matters for the case's request, the origin of its deadlines' durations; null when it has none. */
export function anchorOf(c: CheckedCase): number | null {
  try {
    return findInstant(c.kind, c.given).ms;
  } catch (error) {
    if (error instanceof SupportRulesError) return null;
    throw error;
  }
}
