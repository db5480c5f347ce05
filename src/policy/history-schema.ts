// The policy history document: the versions of one policy, each a whole SupportPolicy document
// with the local dates it is in force, read in the history's stated time zone. The zod schema is
// the one source of the type and of the JSON Schema; the checks across versions (id, distinct
// versions, date order, no overlaps, no gaps) live here too, so the schema alone reports them and
// definePolicyHistory reports the same issues.

import * as z from 'zod/mini';
import { formatIsoDate, parseIsoDate } from '../_lib/civil.js';
import { editorJsonSchema } from '../_lib/json-schema.js';
import * as messages from '../_lib/messages.js';
import { isRecord } from '../_lib/request.js';
import { addIssue, checkTimeZone } from '../_lib/zod-issues.js';
import { formatPath, type Issue } from '../errors/index.js';
import { SupportPolicySchema } from './schema.js';

const historyFields = {
  $schema: z.optional(z.string()).check(z.meta({ description: 'Editors use it to find this JSON Schema (support-rules/policy-history.schema.json).' })),
  id: z.string().check(z.minLength(1), z.meta({ description: 'The policy every version is a version of; each version repeats it as its own "id".' })),
  name: z.optional(z.string()).check(z.meta({ description: 'A name for people.' })),
  timeZone: z.string().check(z.superRefine((zone, ctx) => checkTimeZone(ctx, zone, [])), z.meta({ description: 'The IANA time zone the versions\' effectiveFrom / effectiveTo local dates are read in.', examples: ['America/Chicago'] })),
};

/**
 * A policy history: the versions of one policy (`id`), oldest first, each a whole
 * {@link SupportPolicySchema | SupportPolicy document} with the local dates it is in force
 * (`effectiveFrom` inclusive, `effectiveTo` exclusive), read in the history's `timeZone`. Only the
 * first version may leave out `effectiveFrom` (in force since always) and only the last
 * `effectiveTo` (until further notice); consecutive versions must meet exactly, so every instant
 * between the first date and the last has exactly one version.
 *
 * @example
 * ```ts
 * PolicyHistorySchema.safeParse({ id: 'pelpro', timeZone: 'America/Chicago', versions: [
 *   { id: 'pelpro', version: '1.0', effectiveTo: '2026-11-01' },
 *   { id: 'pelpro', version: '2.0', effectiveFrom: '2026-11-01' },
 * ] }).success; //=> true
 * ```
 * @remarks Since 0.2.0
 */
export const PolicyHistorySchema = z.strictObject({
  ...historyFields,
  versions: z.array(SupportPolicySchema).check(z.minLength(1), z.meta({ description: 'The versions of the policy in date order, oldest first; consecutive versions meet exactly (no gap, no overlap).' })),
}).check(z.superRefine(addVersionIssues, { when: () => true }), z.meta({ description: 'The versions of one support policy, each in force between local dates in the history\'s time zone.' }));

/**
 * A policy history as JSON data (see {@link PolicyHistorySchema}).
 *
 * @remarks Since 0.2.0
 */
export type PolicyHistorySpec = z.infer<typeof PolicyHistorySchema>;

/**
 * The JSON Schema of a policy history, generated from the zod schema, for editors; each version is
 * the SupportPolicy document's schema. The package ships it as
 * `support-rules/policy-history.schema.json`.
 *
 * @example
 * ```ts
 * policyHistoryJsonSchema().required; //=> ['id', 'timeZone', 'versions']
 * ```
 * @remarks Since 0.2.0
 */
export function policyHistoryJsonSchema(): { readonly properties: Record<string, unknown> } & Record<string, unknown> {
  return editorJsonSchema(PolicyHistorySchema, 'policy-history.schema.json', 'support-rules policy history');
}

/** The history without its versions' own checks: definePolicyHistory defines each version with definePolicy. */
export const HistoryEnvelopeSchema = z.strictObject({ ...historyFields, versions: z.array(z.unknown()).check(z.minLength(1)) });

function addVersionIssues(input: unknown, ctx: z.core.$RefinementCtx): void {
  for (const issue of versionIssues(input)) addIssue(ctx, issue.code, issue.message, [...issue.path]);
}

/** A local date as written, if it is a real one. */
const dateOf = (value: unknown): string | undefined => (typeof value === 'string' && parseIsoDate(value) !== undefined ? value : undefined);

/** The local date before a valid one (`2027-01-01` → `2026-12-31`). */
export const dayBefore = (date: string): string => formatIsoDate((parseIsoDate(date) as number) - 1);

/** Local dates from `from` (inclusive) to `to` (exclusive) in words: "on 2026-11-01", "from 2026-11-01 through 2026-11-14". */
function daysText(from: string, to: string): string {
  const last = dayBefore(to);
  return last === from ? `on ${from}` : `from ${from} through ${last}`;
}

/**
 * The problems across the versions of a history document, read from the raw input (each version's
 * own problems are its own schema's): a version of another policy (POLICY_ID_MISMATCH), a version
 * listed twice (DUPLICATE_VALUE), an open start or end other than the first's and the last's
 * (REQUIRED), and between consecutive versions: out of date order (VERSION_ORDER), overlapping
 * (VERSION_OVERLAP) or leaving days uncovered (VERSION_GAP), each at the later version's
 * `effectiveFrom`.
 */
export function versionIssues(input: unknown): Issue[] {
  if (!isRecord(input) || !Array.isArray(input.versions)) return [];
  const historyId = typeof input.id === 'string' ? input.id : undefined;
  const versions = input.versions as unknown[];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  const name = (i: number): string => {
    const v = versions[i];
    return isRecord(v) && typeof v.version === 'string' ? JSON.stringify(v.version) : `versions[${i}]`;
  };
  versions.forEach((v, i) => {
    if (!isRecord(v)) return;
    const at = (field: string) => ['versions', i, field];
    if (historyId !== undefined && typeof v.id === 'string' && v.id !== historyId) {
      issues.push({ code: 'POLICY_ID_MISMATCH', path: at('id'), message: messages.POLICY_ID_MISMATCH(name(i), v.id, historyId) });
    }
    if (typeof v.version === 'string') {
      const earlier = seen.get(v.version);
      if (earlier !== undefined) issues.push({ code: 'DUPLICATE_VALUE', path: at('version'), message: messages.DUPLICATE_VERSION(v.version, earlier) });
      else seen.set(v.version, formatPath(['versions', i, 'version']));
    }
    const previous = versions[i - 1];
    const next = versions[i + 1];
    if (i > 0 && v.effectiveFrom === undefined) {
      const previousTo = isRecord(previous) ? dateOf(previous.effectiveTo) : undefined;
      issues.push({ code: 'REQUIRED', path: at('effectiveFrom'), message: messages.VERSION_FROM_REQUIRED(name(i), name(i - 1), previousTo) });
    }
    if (i < versions.length - 1 && v.effectiveTo === undefined) {
      const nextFrom = isRecord(next) ? dateOf(next.effectiveFrom) : undefined;
      issues.push({ code: 'REQUIRED', path: at('effectiveTo'), message: messages.VERSION_TO_REQUIRED(name(i), name(i + 1), nextFrom) });
    }
    if (i > 0 && isRecord(previous)) {
      const issue = pairIssue(previous, v, name(i - 1), name(i), at('effectiveFrom'));
      if (issue) issues.push(issue);
    }
  });
  return issues;
}

/** How two consecutive versions meet, when both have the dates that say it (and each its own in order). */
function pairIssue(a: Record<string, unknown>, b: Record<string, unknown>, aName: string, bName: string, path: Issue['path']): Issue | undefined {
  const [aFrom, aTo, bFrom, bTo] = [dateOf(a.effectiveFrom), dateOf(a.effectiveTo), dateOf(b.effectiveFrom), dateOf(b.effectiveTo)];
  // A version whose own dates are out of order is EFFECTIVE_ORDER already; comparing it would only guess.
  if ((aFrom && aTo && aFrom >= aTo) || (bFrom && bTo && bFrom >= bTo) || bFrom === undefined) return undefined;
  if (aFrom !== undefined && bFrom < aFrom) return { code: 'VERSION_ORDER', path, message: messages.VERSION_ORDER(bName, bFrom, aName, aFrom) };
  if (aTo === undefined) return undefined;
  if (bFrom < aTo) {
    const end = bTo !== undefined && bTo < aTo ? bTo : aTo;
    return { code: 'VERSION_OVERLAP', path, message: messages.VERSION_OVERLAP(aName, aTo, bName, bFrom, daysText(bFrom, end)) };
  }
  if (bFrom > aTo) return { code: 'VERSION_GAP', path, message: messages.VERSION_GAP(aName, aTo, bName, bFrom, daysText(aTo, bFrom)) };
  return undefined;
}
