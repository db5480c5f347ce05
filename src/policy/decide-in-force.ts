// Decisions through a policy history: the version in force at the instant that matters for the
// request (decision-instant.ts), or at `asOf`, or the version named, decides with its own section;
// the decision then says which policy and version decided it, and why that one.

import { formatInstant } from '../_lib/civil.js';
import { instantMs, type Instant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { isRecord, unknownKeyIssue } from '../_lib/request.js';
import { suggest } from '../_lib/suggest.js';
import { formatLocal } from '../calendar/index.js';
import { decideCompensation, type CompensationDecision, type Incident } from '../compensation/index.js';
import { InvalidArgumentError, SupportRulesError, type Issue, type JsonPath } from '../errors/index.js';
import { decideEscalation, type EscalationCase, type EscalationDecision } from '../escalation/index.js';
import { checkReturn, type ReturnDecision, type ReturnRequest } from '../returns/index.js';
import { evaluateSla, type SlaReport, type Ticket } from '../sla/index.js';
import { checkWarrantyClaim, type WarrantyClaim, type WarrantyDecision } from '../warranty/index.js';
import type { SupportPolicy } from './define.js';
import { checkKind, findInstant, MOMENT, type DecisionKind, type VersionChosenBy } from './decision-instant.js';
import { historyOf, localDateOf, rangeText, versionIn, type PolicyHistory, type PolicyVersion } from './history.js';

/**
 * The request of an `sla` decision: the ticket and the instant to evaluate it at, as
 * `evaluateSla(policy.sla, ticket, now)` takes them (and as an `sla` case's `given` holds them).
 *
 * @remarks Since 0.2.0
 */
export interface SlaRequest {
  readonly ticket: Ticket;
  readonly now: Instant;
}

/**
 * The request of each {@link DecisionKind}.
 *
 * @remarks Since 0.2.0
 */
export interface DecisionRequests {
  readonly sla: SlaRequest;
  readonly return: ReturnRequest;
  readonly warranty: WarrantyClaim;
  readonly compensation: Incident;
  readonly escalation: EscalationCase;
}

/**
 * The decision of each {@link DecisionKind}, as its section's own function returns it.
 *
 * @remarks Since 0.2.0
 */
export interface Decisions {
  readonly sla: SlaReport;
  readonly return: ReturnDecision;
  readonly warranty: WarrantyDecision;
  readonly compensation: CompensationDecision;
  readonly escalation: EscalationDecision;
}

/**
 * Which policy and version decided.
 *
 * @remarks Since 0.2.0
 */
export interface PolicyVersionRef {
  readonly id: string;
  readonly version: string;
}

/**
 * A section's own decision, with the policy and version that took it: `policy`, and a first reason
 * `POLICY_VERSION` whose facts say why that version (`chosenBy`, `at`, its dates).
 *
 * @remarks Since 0.2.0
 */
export type DecisionInForce<K extends DecisionKind> = Decisions[K] & { readonly policy: PolicyVersionRef };

/**
 * How {@link decideInForce} picks the version (give at most one).
 *
 * @remarks Since 0.2.0
 */
export interface DecideInForceOptions {
  /** Decide with the version in force at this instant instead of the request's own (what-if, or a policy's date rather than the customer's). */
  readonly asOf?: Instant;
  /** Decide with this version, whatever the dates (a what-if: "under 2.0, what would this case get?"). */
  readonly version?: string;
}

/** The policy section each kind of decision is taken by. */
export const SECTION = { sla: 'sla', return: 'returns', warranty: 'warranty', compensation: 'compensation', escalation: 'escalation' } as const;

const OPTION_FIELDS = ['asOf', 'version'] as const;
const SLA_FIELDS = ['ticket', 'now'] as const;

/** The policy's sections that are present, in document order. */
export function sectionsOf(policy: SupportPolicy): string[] {
  return Object.values(SECTION).filter((section) => policy[section] !== null);
}

const invalid = (issues: Issue[]): never => {
  throw new InvalidArgumentError(issues);
};

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], prefix: JsonPath, what = 'here'): Issue[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => unknownKeyIssue(key, allowed, prefix, what));
}

/** What options `{ version }` or `{ asOf }` ask for: a version of the history, an instant, or neither. */
export interface VersionChoice {
  readonly version?: PolicyVersion;
  readonly asOfMs?: number;
}

/**
 * Options `{ version }` or `{ asOf }` (or none) checked against a history, at `path`: an object
 * with no other key (`what` names it in the message), a version the history has
 * (`UNKNOWN_IN_POLICY` with a did-you-mean), an instant, not both (`CONFLICTING_FIELDS`). Used by
 * decideInForce and by each side of a replay.
 */
export function checkVersionChoice(history: PolicyHistory, options: unknown, path: JsonPath, what = 'here'): VersionChoice {
  if (options === undefined) return {};
  if (!isRecord(options)) return invalid([{ code: 'INVALID_TYPE', path, message: messages.INVALID_TYPE('object { version } or { asOf }', options) }]);
  const unknown = unknownKeys(options, OPTION_FIELDS, path, what);
  if (unknown.length > 0) invalid(unknown);
  const { asOf, version } = options;
  if (version !== undefined) {
    if (asOf !== undefined) invalid([{ code: 'CONFLICTING_FIELDS', path: [...path, 'version'], message: messages.AS_OF_AND_VERSION() }]);
    const found = history.versions.find((v) => v.version === version);
    if (found) return { version: found };
    const known = history.versions.map((v) => v.version);
    const suggestion = suggest(version, known);
    return invalid([{ code: 'UNKNOWN_IN_POLICY', path: [...path, 'version'], message: messages.UNKNOWN_IN_POLICY('version', version, known, suggestion), allowed: known, ...(suggestion ? { suggestion } : {}) }]);
  }
  if (asOf !== undefined) return { asOfMs: instantMs(asOf, [...path, 'asOf']) };
  return {};
}

interface Chosen {
  readonly version: PolicyVersion;
  readonly chosenBy: VersionChosenBy;
  /** The instant that picked it (null when a version was named). */
  readonly ms: number | null;
}

function pick(history: PolicyHistory, kind: DecisionKind, request: unknown, options: unknown): Chosen {
  const choice = checkVersionChoice(history, options, []);
  if (choice.version) return { version: choice.version, chosenBy: 'version', ms: null };
  const hint = messages.NO_VERSION_HINT_AS_OF();
  if (choice.asOfMs !== undefined) return { version: versionIn(history, choice.asOfMs, { path: ['asOf'], what: MOMENT.asOf, hint }), chosenBy: 'asOf', ms: choice.asOfMs };
  const found = findInstant(kind, request);
  return { version: versionIn(history, found.ms, { path: found.path, what: MOMENT[found.chosenBy], hint }), chosenBy: found.chosenBy, ms: found.ms };
}

/** The reason that names the policy and version that decided, and why that version. */
function versionReason(history: PolicyHistory, chosen: Chosen): Reason {
  const { version, chosenBy, ms } = chosen;
  const bounded = version.effectiveFrom !== null || version.effectiveTo !== null;
  const range = `${rangeText(version.effectiveFrom, version.effectiveTo)}${bounded ? ` (${history.timeZone})` : ''}`;
  const why = ms === null ? 'asked for (option "version")' : `in force at ${MOMENT[chosenBy as Exclude<VersionChosenBy, 'version'>]}, ${formatLocal(ms, history.timeZone)}`;
  return {
    code: 'POLICY_VERSION',
    facts: {
      policyId: history.id,
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo,
      timeZone: history.timeZone,
      chosenBy,
      at: ms === null ? null : formatInstant(ms),
      localDate: ms === null ? null : localDateOf(history, ms),
    },
    message: messages.POLICY_VERSION(history.id, version.version, range, why),
  };
}

/** A section function's problem with an SLA request, at its path in `{ ticket, now }`. */
function inSlaRequest(error: unknown): unknown {
  if (!(error instanceof SupportRulesError)) return error;
  const issues = error.issues.map((issue) => ({ ...issue, path: issue.path[0] === 'now' ? issue.path : ['ticket', ...issue.path] }));
  const Kind = error.constructor as new (issues: readonly Issue[], details: Record<string, unknown>) => SupportRulesError;
  return new Kind(issues, { ...error.details });
}

/**
 * Decides a request with the policy's section for its kind (the section must be present); a
 * problem with an SLA request is reported at its path in `{ ticket, now }`. Shared with the CLI.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- requests are checked by the section functions
export function decideWith(policy: SupportPolicy, kind: DecisionKind, request: any): Decisions[DecisionKind] {
  switch (kind) {
    case 'sla':
      try {
        return evaluateSla(policy.sla as NonNullable<SupportPolicy['sla']>, request.ticket, request.now);
      } catch (error) {
        throw inSlaRequest(error);
      }
    case 'return':
      return checkReturn(policy.returns as NonNullable<SupportPolicy['returns']>, request);
    case 'warranty':
      return checkWarrantyClaim(policy.warranty as NonNullable<SupportPolicy['warranty']>, request);
    case 'compensation':
      return decideCompensation(policy.compensation as NonNullable<SupportPolicy['compensation']>, request);
    case 'escalation':
      return decideEscalation(policy.escalation as NonNullable<SupportPolicy['escalation']>, request);
  }
}

/**
 * Decides a request with the version of a policy history in force at the instant that matters
 * for it — SLA: the ticket's `created` event; return: `purchasedAt`, else `deliveredAt`, else
 * `lastItemDeliveredAt`; warranty: `purchasedAt`; compensation: `occurredAt`, else `deliveredAt`,
 * else `promisedAt`; escalation: `createdAt` (see {@link decisionInstant}) — or at `asOf`, or the
 * version named by `version`. The decision is the section's own (`evaluateSla`, `checkReturn`,
 * `checkWarrantyClaim`, `decideCompensation`, `decideEscalation`), with `policy: { id, version }`
 * and a first reason `POLICY_VERSION` saying which version decided and why that one.
 *
 * @param history - From {@link definePolicyHistory}, or a plain policy from `definePolicy` (a
 *   history of one version: its effective dates still apply).
 * @param kind - `sla`, `return`, `warranty`, `compensation` or `escalation`.
 * @param request - The section function's request; for `sla`, `{ ticket, now }`.
 * @param options - `asOf` or `version`, to pick the version otherwise.
 * @returns The section's decision with `policy` and the `POLICY_VERSION` reason first.
 * @throws {@link NoVersionInForceError} `NO_VERSION_IN_FORCE` at the field whose instant no version
 *   covers; {@link InvalidArgumentError} `REQUIRED` (none of the fields that pick the version, and no
 *   `asOf`), `UNKNOWN_IN_POLICY` at `kind` (the version in force has no section for the request,
 *   named in the message) or at `version` (no such version, with a did-you-mean),
 *   `CONFLICTING_FIELDS` (`asOf` with `version`), `INVALID_VALUE` at `kind`, `UNKNOWN_KEY`, the
 *   instant codes; and whatever the section's function throws for the request (for `sla`, at its
 *   path in `{ ticket, now }`: `ticket.events[0].at`).
 * @example
 * ```ts
 * // pelpro 1.0 (30-day window) until 2026-11-01, 2.0 (45 days, the holidays) from then on.
 * const decision = decideInForce(history, 'return', { category: 'electronics', price: '129.99',
 *   condition: 'opened', evidence: ['proofOfPurchase'], purchasedAt: '2026-11-20T10:00:00-06:00',
 *   deliveredAt: '2026-11-24T10:00:00-06:00', requestedAt: '2027-01-02T10:00:00-06:00' });
 * decision.policy;            //=> { id: 'pelpro', version: '2.0' }
 * decision.reasons[0]?.message;
 * //=> 'Decided under pelpro 2.0, in force from 2026-11-01 on (America/Chicago): the version in force at the purchase, 2026-11-20 10:00 CST (16:00Z).'
 * decideInForce(history, 'return', request, { version: '1.0' }).policy.version; //=> '1.0' (what-if)
 * ```
 * @remarks Since 0.2.0
 */
export function decideInForce<K extends DecisionKind>(history: PolicyHistory | SupportPolicy, kind: K, request: DecisionRequests[K], options?: DecideInForceOptions): DecisionInForce<K> {
  const checked = checkKind(kind);
  const h = historyOf(history);
  if (checked === 'sla') {
    if (!isRecord(request)) invalid([{ code: 'INVALID_TYPE', path: [], message: messages.INVALID_TYPE('object { ticket, now }', request) }]);
    const unknown = unknownKeys(request as unknown as Record<string, unknown>, SLA_FIELDS, []);
    if (unknown.length > 0) invalid(unknown);
  }
  const chosen = pick(h, checked, request, options);
  const { policy } = chosen.version;
  const section = SECTION[checked];
  if (policy[section] === null) {
    const why = chosen.ms === null ? 'asked for' : `in force at ${MOMENT[chosen.chosenBy as Exclude<VersionChosenBy, 'version'>]} (${formatInstant(chosen.ms)})`;
    invalid([{ code: 'UNKNOWN_IN_POLICY', path: ['kind'], message: messages.VERSION_LACKS_SECTION(h.id, policy.version, why, section, checked, sectionsOf(policy)) }]);
  }
  const decision = decideWith(policy, checked, request);
  return { ...decision, reasons: [versionReason(h, chosen), ...decision.reasons], policy: { id: h.id, version: policy.version } } as unknown as DecisionInForce<K>;
}

