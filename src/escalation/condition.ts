// What an escalation rule's `when` tests: the case's facts in the shared condition language, its
// SLA state per metric, and escalation's own triggers (severity, approval level, time spans), with
// the values the rules name, which make up the policy's vocabularies.

import * as z from 'zod/mini';
import { namedValues, TEST_SCHEMAS } from '../_lib/condition.js';
import * as messages from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import type { Named } from '../_lib/vocabulary.js';
import { addIssue } from '../_lib/zod-issues.js';
import { APPROVAL_LEVELS } from '../compensation/index.js';
import { BUILT_IN_METRICS, CLOCK_STATUSES, TargetSchema } from '../sla/index.js';
import { SpanSchema } from './span.js';

/**
 * The facts an escalation rule's `when` tests in the shared condition language (docs/escalation.md),
 * by type: the case's `category`, its current tier (`inTier`), the `amount` at stake, and three
 * counts. `severityAtLeast`, `unresolvedFor` and `inTierFor` are triggers of their own (an ordered
 * scale and spans on a calendar), beside these.
 *
 * @remarks Since 0.2.0
 */
export const ESCALATION_FACTS = {
  category: 'term',
  inTier: 'term',
  amount: 'money',
  failedVisits: 'number',
  partsMissingDays: 'number',
  breachesInWindow: 'number',
} as const;

/** What a message calls each vocabulary of an escalation policy. */
export const ESCALATION_VOCABULARY_NAMES = { category: 'category', inTier: 'tier', tier: 'tier', severity: 'severity' } as const;

/**
 * An SLA status test per metric: `{ resolution: ["at-risk", "breached"] }` holds when the case's
 * resolution clock is at risk or breached. Each test is a term test over the five clock statuses
 * (`ok`, `at-risk`, `breached`, `met`, `missed`): any of, `{ not: [...] }`, `{ present: false }`.
 * Metric names are spelt as in SLA targets (letters, digits, - and _).
 *
 * @remarks Since 0.2.0
 */
// Metric names are spelt as in SLA targets (letters, digits, - and _), so a name no SLA policy
// could measure is refused here rather than never matching.
export const SlaStatusConditionSchema = z.record(TargetSchema.shape.metric, TEST_SCHEMAS.term.check(z.describe('The clock statuses that hold: any of ok, at-risk, breached, met, missed; { not } or { present }.'))).check(z.superRefine((tests, ctx) => {
  const metrics = Object.keys(tests);
  if (metrics.length === 0) addIssue(ctx, 'EMPTY', messages.ESCALATION_SLA_STATUS_EMPTY());
  const types = Object.fromEntries(metrics.map((metric) => [metric, 'term' as const]));
  for (const { value, path } of namedValues(tests, types)) {
    if (!CLOCK_STATUSES.includes(value as never)) addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.ESCALATION_UNKNOWN_SLA_STATUS(value, CLOCK_STATUSES, suggest(value, CLOCK_STATUSES)), path);
  }
}));

/**
 * When a rule fires: every listed trigger must hold (AND); a rule without triggers always fires.
 *
 * @remarks Since 0.2.0
 */
export const EscalationConditionSchema = z.strictObject({
  /** The case's category: `["legal-complaint"]` (any of), `{ not: [...] }`, `{ present: false }`. */
  category: z.optional(TEST_SCHEMAS.term).check(z.describe('The case\'s category: a name, a list (any of them), { not } or { present }.')),
  /** Only while the case is in one of these tiers (Tier 2 -> Tier 3 after 24 hours). */
  inTier: z.optional(TEST_SCHEMAS.term).check(z.describe('Only while the case is in one of these tiers.')),
  /** The severity is this one or a later one in `severities`. */
  severityAtLeast: z.optional(z.string().check(z.minLength(1))).check(z.describe('The severity is this one or a later one in severities.')),
  /**
   * The case's `amount` needs at least this level on the policy's approval ladder (`approval`, or
   * in a SupportPolicy the compensation section's): `"senior-manager"` holds for HomePro's
   * 1,000.01 and not for 1,000.00. The level must be on the ladder. Steps limited to `kinds` of
   * offer do not apply (a case's amount has no kind).
   *
   * @remarks Since 0.2.0
   */
  approvalAtLeast: z.optional(z.enum(APPROVAL_LEVELS)).check(z.describe('The case\'s amount needs at least this level on the approval ladder.')),
  /** Business or calendar time since creation, more than this. */
  unresolvedFor: z.optional(SpanSchema).check(z.describe('Time since creation, more than this.')),
  /** Time since the case entered its current tier, more than this. */
  inTierFor: z.optional(SpanSchema).check(z.describe('Time since the case entered its current tier, more than this.')),
  /** Refund or compensation at stake: `{ gt: "200.00" }`, `{ gte }`, `{ lt }`, `{ lte }` (decimal strings in the policy currency). */
  amount: z.optional(TEST_SCHEMAS.money).check(z.describe('The amount at stake as a range of decimal strings: { gt: "200.00" }.')),
  /** Failed visits: `{ gte: 2 }` ("multiple"), or any number range. */
  failedVisits: z.optional(TEST_SCHEMAS.number).check(z.describe('Failed visits as a range: { gte: 2 }.')),
  /** Days parts have been missing: `{ gt: 14 }`, or any number range. */
  partsMissingDays: z.optional(TEST_SCHEMAS.number).check(z.describe('Days parts have been missing, as a range: { gt: 14 }.')),
  /**
   * SLA breaches in the rolling window: `{ gt: 3 }`, or any number range. The case gives the
   * count, or (since 0.2.0) the breach instants for the policy's `breachWindow` to count.
   */
  breachesInWindow: z.optional(TEST_SCHEMAS.number).check(z.describe('SLA breaches in the rolling window, as a range: { gt: 3 }.')),
  /**
   * The current SLA status of metrics of the case's ticket: `{ resolution: ["at-risk", "breached"] }`.
   *
   * @remarks Since 0.2.0
   */
  slaStatus: z.optional(SlaStatusConditionSchema).check(z.meta({ description: 'The SLA status per metric of the case\'s ticket.', examples: [{ resolution: ['at-risk', 'breached'] }] })),
});

/** Every value an escalation policy's rules name in their conditions, with its path. */
export function escalationNamedValues(policy: { readonly rules: readonly { readonly when?: object | undefined }[] }): Named[] {
  return policy.rules.flatMap((rule, r) => namedValues(rule.when as Record<string, unknown> | undefined, ESCALATION_FACTS).map((n) => ({ ...n, path: ['rules', r, 'when', ...n.path] })));
}

/** Every SLA metric the rules' `slaStatus` tests name, with its path. */
export function slaMetricsNamed(policy: { readonly rules: readonly { readonly when?: { readonly slaStatus?: Readonly<Record<string, unknown>> | undefined } | undefined }[] }): { metric: string; path: (string | number)[] }[] {
  return policy.rules.flatMap((rule, r) => Object.keys(rule.when?.slaStatus ?? {}).map((metric) => ({ metric, path: ['rules', r, 'when', 'slaStatus', metric] })));
}

/**
 * The SLA metrics a case's `slaStatus` may name: the declared `vocabulary.metric`, else the
 * built-in metrics and those the rules name, sorted.
 */
export function slaMetricVocabulary(declared: readonly string[] | undefined, named: readonly string[]): readonly string[] {
  return declared ?? [...new Set([...BUILT_IN_METRICS, ...named])].sort();
}

/**
 * When an escalation rule fires (see {@link EscalationConditionSchema}).
 *
 * @remarks Since 0.2.0
 */
export type EscalationCondition = z.infer<typeof EscalationConditionSchema>;
