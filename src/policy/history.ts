// Versions in force by date: a policy history compiles each version once and finds the one in
// force at an instant by binary search over the instants the versions start. A version is in force
// from local midnight of its `effectiveFrom` in the history's zone (a midnight DST skips: the first
// instant of that day, as calendars count days) up to local midnight of its `effectiveTo`.

import { dayOfLocal, formatIsoDate, MS_PER_DAY, parseIsoDate } from '../_lib/civil.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import { requiredInstant, type Instant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import { isRecord } from '../_lib/request.js';
import { upperBound } from '../_lib/sorted.js';
import { validate } from '../_lib/zod-issues.js';
import { getZone } from '../_lib/zone.js';
import { formatLocal } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError, type Issue, type JsonPath } from '../errors/index.js';
import { safeDefinePolicy, SupportPolicyError, type SupportPolicy } from './define.js';
import { dayBefore, HistoryEnvelopeSchema, versionIssues, type PolicyHistorySpec } from './history-schema.js';

/**
 * A policy history failed validation; `issues` lists every problem with its JSON path (a version's
 * own problems under `versions.<i>`, e.g. `versions.1.returns.windows.0.days`).
 *
 * @remarks Since 0.2.0
 */
export class PolicyHistoryError extends SupportPolicyError {
  static override readonly kind: string = 'PolicyHistoryError';
}

/**
 * No version of a history is in force at the instant a decision is taken as of (code
 * `NO_VERSION_IN_FORCE`, at the request's field that gave the instant). `details` holds the
 * instant (`at`), its local date and zone, and the dates the history covers (`from`, `to`: null
 * when open).
 *
 * @remarks Since 0.2.0
 */
export class NoVersionInForceError extends InvalidArgumentError {
  static override readonly kind: string = 'NoVersionInForceError';
}

/**
 * One version of a compiled history: its dates as written, the instants they stand for in the
 * history's zone, and the policy compiled once.
 *
 * @remarks Since 0.2.0
 */
export interface PolicyVersion {
  readonly version: string;
  /** First local date in force (inclusive); null: since always. */
  readonly effectiveFrom: string | null;
  /** First local date no longer in force (exclusive); null: until further notice. */
  readonly effectiveTo: string | null;
  /** The first instant in force: local midnight of `effectiveFrom` (the day's first instant when DST skips midnight). */
  readonly from: Date | null;
  /** The first instant no longer in force. */
  readonly to: Date | null;
  readonly policy: SupportPolicy;
}

/**
 * A validated, compiled policy history: the versions of one policy, oldest first, every version
 * compiled once. Made by {@link definePolicyHistory}; a plain {@link SupportPolicy} is accepted
 * wherever a history is, as a history of one version.
 *
 * @remarks Since 0.2.0
 */
export interface PolicyHistory {
  readonly id: string;
  /** The IANA zone the versions' local dates are read in. */
  readonly timeZone: string;
  readonly versions: readonly PolicyVersion[];
  /** The document as written (for a plain policy: `{ id, timeZone, versions: [its spec] }`). */
  readonly spec: Readonly<PolicyHistorySpec>;
}

/**
 * The result of {@link safeDefinePolicyHistory}.
 *
 * @remarks Since 0.2.0
 */
export type PolicyHistoryResult =
  | { readonly success: true; readonly data: PolicyHistory; readonly error?: never }
  | { readonly success: false; readonly error: PolicyHistoryError; readonly data?: never };

interface Compiled {
  /** Each version's first instant (-Infinity for an open start), ascending. */
  readonly starts: readonly number[];
  /** Each version's first instant no longer in force (+Infinity for an open end). */
  readonly ends: readonly number[];
}

const COMPILED = brand('policy-history');
const fromPolicy = new WeakMap<SupportPolicy, PolicyHistory>();

const prefixed = (prefix: JsonPath, issues: readonly Issue[]): Issue[] => issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));

/** A policy document's own definition, its problems as issues (a section's define may throw typed errors too). */
function definedPolicy(json: unknown): { policy: SupportPolicy; issues?: never } | { issues: readonly Issue[]; policy?: never } {
  try {
    const result = safeDefinePolicy(json);
    return result.success ? { policy: result.data } : { issues: result.error.issues };
  } catch (error) {
    if (error instanceof SupportRulesError) return { issues: error.issues };
    throw error;
  }
}

function compile(id: string, timeZone: string, policies: readonly SupportPolicy[], spec: PolicyHistorySpec): PolicyHistory {
  const zone = getZone(timeZone);
  const startOf = (date: string | undefined) => (date === undefined ? undefined : zone.localToUtc((parseIsoDate(date) as number) * MS_PER_DAY));
  const versions = policies.map((policy): PolicyVersion => {
    const { effectiveFrom, effectiveTo } = policy.spec;
    const [from, to] = [startOf(effectiveFrom), startOf(effectiveTo)];
    return Object.freeze({
      version: policy.version,
      effectiveFrom: effectiveFrom ?? null,
      effectiveTo: effectiveTo ?? null,
      from: from === undefined ? null : new Date(from),
      to: to === undefined ? null : new Date(to),
      policy,
    });
  });
  const compiled: Compiled = {
    starts: versions.map((v) => v.from?.getTime() ?? Number.NEGATIVE_INFINITY),
    ends: versions.map((v) => v.to?.getTime() ?? Number.POSITIVE_INFINITY),
  };
  return seal(COMPILED, { id, timeZone, versions: Object.freeze(versions), spec }, compiled);
}

/**
 * The zone a plain policy's effective dates are read in: the one zone its calendars and sections
 * use. Undefined when they use none or several.
 */
function policyZone(policy: SupportPolicy): { zone: string | undefined; zones: string[] } {
  const { spec } = policy;
  const zones = new Set<string>();
  const add = (calendars: Readonly<Record<string, { readonly timeZone: string }>> | undefined) => Object.values(calendars ?? {}).forEach((c) => zones.add(c.timeZone));
  add(spec.calendars);
  add(spec.sla?.calendars);
  add(spec.escalation?.calendars);
  if (spec.returns) zones.add(spec.returns.timeZone);
  if (spec.warranty) zones.add(spec.warranty.timeZone);
  const compensation = spec.compensation?.calendar;
  if (compensation !== undefined && typeof compensation !== 'string') zones.add(compensation.timeZone);
  const list = [...zones].sort();
  return { zone: list.length === 1 ? list[0] : undefined, zones: list };
}

/**
 * A plain policy as a history of one version. Its effective dates, when it gives any, are read in
 * the one zone its sections use; a policy with dates and no single zone must be written as a
 * history, which states its zone.
 */
function historyOfPolicy(policy: SupportPolicy): PolicyHistory {
  const known = fromPolicy.get(policy);
  if (known) return known;
  const { zone, zones } = policyZone(policy);
  const dated = policy.spec.effectiveFrom !== undefined || policy.spec.effectiveTo !== undefined;
  if (dated && zone === undefined) throw new PolicyHistoryError([{ code: 'REQUIRED', path: ['timeZone'], message: messages.HISTORY_ZONE_REQUIRED(zones) }]);
  // An undated policy is in force at every instant: its zone only names local dates in messages.
  const timeZone = zone ?? 'UTC';
  const history = compile(policy.id, timeZone, [policy], Object.freeze({ id: policy.id, timeZone, versions: Object.freeze([policy.spec]) }) as PolicyHistorySpec);
  fromPolicy.set(policy, history);
  return history;
}

/**
 * A history document rather than a policy: it has `versions`, or the `timeZone` only a history
 * has at its top (so a misspelt `versions` is reported as such, not as a policy's unknown key).
 */
function isHistoryDocument(json: unknown): boolean {
  return !isRecord(json) || Object.hasOwn(json, 'versions') || Object.hasOwn(json, 'timeZone');
}

/**
 * Validates a policy history (every problem of every version at `versions.<i>.<path>`, and across
 * versions: ids, distinct versions, date order, no overlaps, no gaps) and compiles each version
 * once. A SupportPolicy document (one without `versions` or `timeZone`) is accepted too, as a history of one
 * version: its problems keep their own paths, and its effective dates are read in the one zone its
 * sections use.
 *
 * @param json - The history, typically parsed from a JSON file.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * const result = safeDefinePolicyHistory({ id: 'pelpro', timeZone: 'America/Chicago', versions: [
 *   { id: 'pelpro', version: '1.0', effectiveTo: '2026-11-01' },
 *   { id: 'pelpro', version: '2.0', effectiveFrom: '2026-11-15' },
 * ] });
 * result.error?.issues.map((issue) => [issue.code, issue.path.join('.')]);
 * //=> [['VERSION_GAP', 'versions.1.effectiveFrom']] (no version from 2026-11-01 through 2026-11-14)
 * ```
 * @remarks Since 0.2.0
 */
export function safeDefinePolicyHistory(json: unknown): PolicyHistoryResult {
  const fail = (issues: readonly Issue[]): PolicyHistoryResult => ({ success: false, error: new PolicyHistoryError(issues) });
  if (!isHistoryDocument(json)) {
    const single = definedPolicy(json);
    if (single.issues) return fail(single.issues);
    try {
      return { success: true, data: historyOfPolicy(single.policy) };
    } catch (error) {
      if (error instanceof PolicyHistoryError) return { success: false, error };
      throw error;
    }
  }
  const envelope = validate(HistoryEnvelopeSchema, json);
  const issues: Issue[] = [...(envelope.issues ?? [])];
  const raw = isRecord(json) && Array.isArray(json.versions) ? (json.versions as unknown[]) : [];
  const policies = raw.map((version, i) => {
    const defined = definedPolicy(version);
    if (defined.issues) issues.push(...prefixed(['versions', i], defined.issues));
    return defined.policy;
  });
  issues.push(...versionIssues(json));
  if (issues.length > 0 || !envelope.data) return fail(issues);
  const { id, timeZone } = envelope.data;
  const spec = Object.freeze({ ...envelope.data, versions: Object.freeze(policies.map((policy) => (policy as SupportPolicy).spec)) }) as PolicyHistorySpec;
  return { success: true, data: compile(id, timeZone, policies as SupportPolicy[], spec) };
}

/**
 * Validates and compiles a policy history, throwing with every problem listed.
 *
 * @throws {@link PolicyHistoryError}
 * @example
 * ```ts
 * const history = definePolicyHistory({ id: 'pelpro', timeZone: 'America/Chicago', versions: [
 *   { id: 'pelpro', version: '1.0', effectiveTo: '2026-11-01' },
 *   { id: 'pelpro', version: '2.0', effectiveFrom: '2026-11-01' },
 * ] });
 * history.versions[1]?.from?.toISOString(); //=> '2026-11-01T05:00:00.000Z' (midnight CDT)
 * ```
 * @remarks Since 0.2.0
 */
export function definePolicyHistory(json: unknown): PolicyHistory {
  const result = safeDefinePolicyHistory(json);
  if (!result.success) throw result.error;
  return result.data;
}

/** A history, or a plain policy as a history of one version; anything else is a typed error. */
export function historyOf(source: PolicyHistory | SupportPolicy): PolicyHistory {
  if (isRecord(source) && (source as unknown as Record<symbol, unknown>)[COMPILED] !== undefined) return source as PolicyHistory;
  const looksLikePolicy = isRecord(source) && typeof source.id === 'string' && typeof source.version === 'string' && isRecord(source.spec) && !('versions' in source);
  if (looksLikePolicy) return historyOfPolicy(source as SupportPolicy);
  throw new InvalidArgumentError([{ code: 'INVALID_POLICY_HISTORY', path: [], message: messages.INVALID_POLICY_HISTORY() }]);
}

/** Local dates from `from` (inclusive) to `to` (exclusive, null: open) in words: "from 2026-11-01 through 2026-12-31". */
export function rangeText(from: string | null, to: string | null): string {
  if (from === null && to === null) return 'at every date';
  if (to === null) return `from ${from as string} on`;
  return from === null ? `through ${dayBefore(to)}` : `from ${from} through ${dayBefore(to)}`;
}

/** Where an instant came from, for the messages: its path in the request and how to name it. */
export interface InstantSource {
  readonly path: JsonPath;
  /** "the purchase", "the ticket's creation", … */
  readonly what: string;
  /** What to suggest when no version is in force. */
  readonly hint: string;
}

/** The local date of an instant in the history's zone. */
export function localDateOf(history: PolicyHistory, ms: number): string {
  return formatIsoDate(dayOfLocal(getZone(history.timeZone).utcToLocal(ms)));
}

/**
 * The version of a history in force at `ms`, or NO_VERSION_IN_FORCE at the field the instant came
 * from, with its local date and the dates the history covers.
 */
export function versionIn(history: PolicyHistory, ms: number, source: InstantSource): PolicyVersion {
  const c = unseal<Compiled>(COMPILED, history, (issues) => new InvalidArgumentError(issues), { code: 'INVALID_POLICY_HISTORY', path: [], message: messages.INVALID_POLICY_HISTORY() });
  const i = upperBound(c.starts, ms) - 1;
  if (i >= 0 && ms < (c.ends[i] as number)) return history.versions[i] as PolicyVersion;
  const first = history.versions[0] as PolicyVersion;
  const last = history.versions[history.versions.length - 1] as PolicyVersion;
  const localDate = localDateOf(history, ms);
  const at = new Date(ms).toISOString();
  const message = messages.NO_VERSION_IN_FORCE(history.id, source.what, formatLocal(ms, history.timeZone), localDate, history.timeZone, rangeText(first.effectiveFrom, last.effectiveTo), source.hint);
  throw new NoVersionInForceError([{ code: 'NO_VERSION_IN_FORCE', path: source.path, message }], {
    at,
    localDate,
    timeZone: history.timeZone,
    from: first.effectiveFrom,
    to: last.effectiveTo,
  });
}

/**
 * The compiled policy of the version in force at an instant: the version whose `effectiveFrom`
 * (from local midnight in the history's zone, inclusive) and `effectiveTo` (exclusive) hold it.
 *
 * @param history - From {@link definePolicyHistory}, or a plain policy from `definePolicy` (a
 *   history of one version).
 * @param at - A Date, epoch milliseconds or an ISO 8601 string with an offset.
 * @returns The compiled {@link SupportPolicy} of that version.
 * @throws {@link NoVersionInForceError} `NO_VERSION_IN_FORCE` when no version is in force at
 *   `at` (before the first date or from the last); {@link InvalidArgumentError} for a bad instant
 *   (at `at`) or `INVALID_POLICY_HISTORY` for a value that is neither a history nor a policy.
 * @example
 * ```ts
 * // The history of the definePolicyHistory example: 2.0 from 2026-11-01 (midnight CDT, 05:00Z).
 * versionAt(history, '2026-11-01T04:59:59.999Z').version; //=> '1.0'
 * versionAt(history, '2026-11-01T05:00:00.000Z').version; //=> '2.0'
 * ```
 * @remarks Since 0.2.0
 */
export function versionAt(history: PolicyHistory | SupportPolicy, at: Instant): SupportPolicy {
  const h = historyOf(history);
  const ms = requiredInstant(at, 'at');
  return versionIn(h, ms, { path: ['at'], what: 'the instant', hint: messages.NO_VERSION_HINT() }).policy;
}
