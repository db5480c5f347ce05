import * as z from 'zod/mini';
import { amountsNamed, compileCondition, matches, namedValues } from '../_lib/condition.js';
import * as messages from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import { currencyMeta } from '../_lib/patterns.js';
import { checkNamed, uniqueNames, vocabularySchema } from '../_lib/vocabulary.js';
import { addIssue, addThrown, checkUniqueIds } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { ApprovalLadderSchema } from '../compensation/index.js';
import { isCurrency, money } from '../money/index.js';
import { MAX_SPAN_DAYS } from '../sla/index.js';
import { ESCALATION_FACTS, ESCALATION_VOCABULARY_NAMES, EscalationConditionSchema, escalationNamedValues, slaMetricsNamed } from './condition.js';
import { DeadlineSpanSchema, SpanSchema } from './span.js';

const id = z.string().check(z.minLength(1));

/**
 * The rolling window the case's `breaches` are counted in: `{ days: 30 }` is the 30 × 24 hours up to
 * and including `now`, `(now - 30 days, now]`.
 *
 * @remarks Since 0.2.0
 */
export const BreachWindowSchema = z.strictObject({ days: z.number().check(z.int(), z.gte(1), z.lte(MAX_SPAN_DAYS), z.describe('The window\'s length in days of 24 hours, up to now.')) });

const calendarRecord = z.record(id, PolicyCalendarSpecSchema).check(z.describe('Calendars by name, for the spans to name.'));

/**
 * The one source of {@link EscalationPolicySchema} and {@link EscalationSectionSchema}: the same
 * fields and checks, with the given schema for `calendars`. With `ownCalendars`, every calendar a
 * span names must be one of them (a policy on its own); without, a SupportPolicy document
 * resolves the names, against its top-level `calendars` too ({@link escalationCalendarReferences}).
 */
function escalationPolicySchema<C extends z.ZodMiniType>(calendars: C, ownCalendars: boolean) {
  return z.strictObject({
    id: id.check(z.describe('The escalation policy\'s id, quoted in every decision.')),
    currency: z.string().check(z.meta({ ...currencyMeta, description: 'ISO 4217 currency of the amounts in the section.' })),
    calendars,
    /** Tier ids, lowest first (Tier 1, Tier 2, Tier 3; agent, team lead, senior manager), each once. */
    tiers: uniqueNames.check(z.describe('Tier ids, lowest first, each once.')),
    /** Severities, lowest first, so triggers can say "at least high"; each once. */
    severities: z.optional(uniqueNames).check(z.describe('Severities, lowest first, so triggers can say "at least high"; each once.')),
    rules: z.array(
        z.strictObject({
          id: id.check(z.describe('Stable id, unique in the rules, quoted in every decision.')),
          tier: id.check(z.describe('The tier the rule sends the case to.')),
          description: z.optional(z.string()).check(z.describe('What the rule is for, for people.')),
          when: z.optional(EscalationConditionSchema).check(z.describe('When the rule fires: every trigger listed must hold; left out, it always fires.')),
          /**
           * The case must reach the tier within this, from when the rule fired; since 0.2.0 a zero
           * span (`{ within: { hours: 0 }, calendar: "clock" }`) means immediately.
           */
          reachWithin: z.optional(DeadlineSpanSchema).check(z.describe('The case must reach the tier within this, from when the rule fired.')),
          /** The tier must acknowledge within this, from when the rule fired (zero: immediately). */
          acknowledgeWithin: z.optional(DeadlineSpanSchema).check(z.describe('The tier must acknowledge within this, from when the rule fired.')),
          /**
           * Workflows to open: due within a span (zero: immediately), or recurring every span
           * (updates every 2 h). With `each: "breach"` (since 0.2.0), on a rule that counts the
           * case's `breaches`, one workflow per breach counted in the window, each due from its own
           * breach instant ("root-cause analysis within 48 hours" of every SLA breach).
           */
          workflows: z.optional(z.array(
              z.strictObject({
                id: id.check(z.describe('The workflow\'s id, unique in the rule.')),
                within: z.optional(DeadlineSpanSchema).check(z.describe('The workflow is due within this.')),
                every: z.optional(SpanSchema).check(z.describe('The workflow recurs every this long.')),
                /**
                 * `"breach"`: one workflow per breach counted in the window, due from its breach.
                 *
                 * @defaultValue one workflow per rule, due from when the rule fired
                 * @remarks Since 0.2.0
                 */
                each: z.optional(z.enum(['breach'])).check(z.describe('breach: one workflow per breach counted in the window, due from its breach.')),
              }),
            )).check(z.describe('Workflows to open: due within a span, or recurring every span.')),
        }),
      ).check(z.minLength(1), z.describe('Escalation rules; the highest tier any fired rule reaches wins.')),
    /**
     * The categories cases may have (`category`), and the SLA metrics a case's `slaStatus` may name
     * (`metric`). Given, a list is complete: a rule naming another value is refused, and so is a
     * case. Tiers and severities are always the policy's `tiers` and `severities`.
     *
     * @defaultValue categories: those the rules name; metrics: the SLA built-in metrics and those
     *   the rules name
     * @remarks Since 0.2.0
     */
    vocabulary: z.optional(vocabularySchema({ category: 'Every category cases may have.', metric: 'Every SLA metric a case\'s slaStatus may name.' })).check(z.describe('The categories and SLA metrics cases may name; a list given here is complete.')),
    /**
     * The rolling window of "more than 3 breaches in 30 days": with it, a case may give its
     * queue's breach instants (`breaches`) and `breachesInWindow` is counted from them as of
     * `now`. Left out, a case gives `breachesInWindow` itself.
     *
     * @defaultValue none: cases may not give `breaches`
     * @remarks Since 0.2.0
     */
    breachWindow: z.optional(BreachWindowSchema).check(z.describe('The rolling window a case\'s breaches are counted in.')),
    /**
     * The approval ladder `approvalAtLeast` reads, as in a compensation policy: ascending levels
     * with rising limits, the last unlimited. In a SupportPolicy whose escalation section has none,
     * the compensation section's ladder is used, so a threshold is written once.
     *
     * @defaultValue none (in a SupportPolicy: the compensation section's)
     * @remarks Since 0.2.0
     */
    approval: z.optional(ApprovalLadderSchema).check(z.describe('The approval ladder approvalAtLeast reads; in a policy, the compensation section\'s by default.')),
  }).check(z.superRefine((policy, ctx) => {
    const currencyKnown = isCurrency(policy.currency);
    if (!currencyKnown) addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(policy.currency), ['currency']);
    // Reasons and decisions quote rule and workflow ids, so each must name one thing.
    checkUniqueIds(ctx, [[policy.rules, ['rules']], ...policy.rules.map((rule, r) => [rule.workflows, ['rules', r, 'workflows']] as const)]);
    checkNamed(ctx, escalationNamedValues(policy), { category: policy.vocabulary?.category, inTier: policy.tiers }, ESCALATION_VOCABULARY_NAMES);
    const metrics = policy.vocabulary?.metric;
    if (metrics) {
      for (const { metric, path } of slaMetricsNamed(policy)) {
        if (!metrics.includes(metric)) addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.ESCALATION_UNKNOWN_METRIC(metric, metrics, suggest(metric, metrics), true), path);
      }
    }
    const own = (policy as { readonly calendars?: Readonly<Record<string, unknown>> }).calendars ?? {};
    const calendars = Object.keys(own);
    const severities = policy.severities ?? [];
    const ladderLevels = policy.approval?.map((step) => step.level);
    if (currencyKnown) policy.approval?.forEach((step, i) => step.limit !== undefined && addThrown(ctx, () => money(step.limit as string, policy.currency), ['approval', i, 'limit']));
    policy.rules.forEach((rule, r) => {
      const path = ['rules', r];
      const tierKnown = policy.tiers.includes(rule.tier);
      if (!tierKnown) addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.UNKNOWN_IN_POLICY('tier', rule.tier, policy.tiers, suggest(rule.tier, policy.tiers)), [...path, 'tier']);
      const severity = rule.when?.severityAtLeast;
      if (severity !== undefined && !severities.includes(severity)) {
        addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.UNKNOWN_IN_POLICY('severity', severity, severities, suggest(severity, severities)), [...path, 'when', 'severityAtLeast']);
      }
      const approval = rule.when?.approvalAtLeast;
      if (approval !== undefined && !ladderLevels?.includes(approval)) {
        addIssue(
          ctx,
          'UNKNOWN_IN_POLICY',
          ladderLevels ? messages.UNKNOWN_IN_POLICY('approval level', approval, ladderLevels, suggest(approval, ladderLevels)) : messages.ESCALATION_NO_LADDER(approval),
          [...path, 'when', 'approvalAtLeast'],
        );
      }
      for (const { name, at } of ownCalendars ? ruleCalendarReferences(rule) : []) {
        // Own properties only: a calendar named "constructor" or "toString" is not a calendar.
        if (!Object.hasOwn(own, name)) addIssue(ctx, 'UNKNOWN_CALENDAR', messages.UNKNOWN_CALENDAR(name, calendars), [...path, ...at]);
      }
      rule.workflows?.forEach((w, i) => {
        // One workflow per breach needs the breach instants: a rule on the count the policy's
        // window takes from the case's `breaches`.
        if (w.each === 'breach' && (rule.when?.breachesInWindow === undefined || policy.breachWindow === undefined)) {
          addIssue(ctx, 'INVALID_VALUE', messages.ESCALATION_EACH_BREACH(rule.id, w.id, rule.when?.breachesInWindow !== undefined), [...path, 'workflows', i, 'each']);
        }
      });
      // Every amount must fit the currency (no 200.001 USD).
      if (currencyKnown) for (const a of amountsNamed(rule.when, ESCALATION_FACTS)) addThrown(ctx, () => money(a.value, policy.currency), [...path, 'when', ...a.path]);
      if (tierKnown) checkEffective(ctx, rule, policy.tiers, path);
    });
  }));
}

/**
 * An escalation policy: tiers in ascending order, the calendars time is measured on, and rules
 * that send a case to a tier when their triggers fire. The highest tier any rule reaches wins;
 * every rule considered is explained.
 *
 * @remarks Since 0.1.0
 */
export const EscalationPolicySchema = escalationPolicySchema(calendarRecord, true);

/**
 * The escalation section of a SupportPolicy document: an {@link EscalationPolicySchema} whose
 * spans may also name the calendars the document declares in its top-level `calendars`, so its
 * own `calendars` may be left out. The document resolves every name
 * ({@link escalationCalendarReferences}); `definePolicy` compiles the section with the
 * document's calendars and its own.
 *
 * @remarks Since 0.2.0
 */
export const EscalationSectionSchema = escalationPolicySchema(z.optional(calendarRecord), false);

/** A span that names a calendar, if the rule gives it. */
type SpanAt = { readonly calendar: string } | undefined;

/** The calendar names one rule's spans give, each with its path in the rule. */
function ruleCalendarReferences(rule: Parameters<typeof escalationCalendarReferences>[0]['rules'][number]): { readonly name: string; readonly at: (string | number)[] }[] {
  const spans: [SpanAt, (string | number)[]][] = [
    [rule.when?.unresolvedFor, ['when', 'unresolvedFor']],
    [rule.when?.inTierFor, ['when', 'inTierFor']],
    [rule.reachWithin, ['reachWithin']],
    [rule.acknowledgeWithin, ['acknowledgeWithin']],
    ...(rule.workflows ?? []).flatMap((w, i): [SpanAt, (string | number)[]][] => [
      [w.within, ['workflows', i, 'within']],
      [w.every, ['workflows', i, 'every']],
    ]),
  ];
  return spans.flatMap(([span, at]) => (span ? [{ name: span.calendar, at: [...at, 'calendar'] }] : []));
}

/**
 * Every calendar name the spans of an escalation policy give (`unresolvedFor`, `inTierFor`,
 * `reachWithin`, `acknowledgeWithin`, a workflow's `within` and `every`), each with its path in
 * the policy (`rules.0.reachWithin.calendar`).
 *
 * @example
 * ```ts
 * escalationCalendarReferences(presetSpecs.pelpro.escalation!)[0];
 * //=> { name: 'oncall', path: ['rules', 0, 'reachWithin', 'calendar'] }
 * ```
 * @remarks Since 0.2.0
 */
export function escalationCalendarReferences(policy: { readonly rules: EscalationPolicySpec['rules'] }): { readonly name: string; readonly path: (string | number)[] }[] {
  return policy.rules.flatMap((rule, r) => ruleCalendarReferences(rule).map(({ name, at }) => ({ name, path: ['rules', r, ...at] })));
}

/**
 * Refuses a rule that can never change a decision (UNREACHABLE_RULE). Escalation is not first
 * match, so no rule hides another; but a rule acts only by raising the tier, by setting the reach
 * or acknowledge deadline of its tier, or by opening workflows. One whose `inTier` matches no tier
 * never fires at all. Without deadlines or workflows only raising is left, and a case never goes
 * down: a rule for the lowest tier, or one whose `inTier` only lets it fire in its own tier or
 * above, raises nothing, and its "fired" reason would promise an effect that never comes.
 */
const IN_TIER = { inTier: 'term' } as const;

function checkEffective(
  ctx: z.core.$RefinementCtx,
  rule: { readonly id: string; readonly tier: string; readonly when?: { readonly inTier?: unknown } | undefined; readonly reachWithin?: unknown; readonly acknowledgeWithin?: unknown; readonly workflows?: readonly unknown[] | undefined },
  tiers: readonly string[],
  path: (string | number)[],
): void {
  const when = { inTier: rule.when?.inTier };
  // A tier the policy lacks is reported on its own; the rest would only repeat it.
  if (!namedValues(when, IN_TIER).every((n) => tiers.includes(n.value))) return;
  const inTier = compileCondition(when, IN_TIER);
  const firesIn = tiers.filter((tier) => matches(inTier, { inTier: tier }));
  if (firesIn.length === 0) {
    addIssue(ctx, 'UNREACHABLE_RULE', messages.ESCALATION_RULE_NEVER_FIRES(rule.id), [...path, 'when', 'inTier']);
    return;
  }
  if (rule.reachWithin !== undefined || rule.acknowledgeWithin !== undefined || (rule.workflows?.length ?? 0) > 0) return;
  const rank = tiers.indexOf(rule.tier);
  if (!firesIn.some((tier) => tiers.indexOf(tier) < rank)) addIssue(ctx, 'UNREACHABLE_RULE', messages.ESCALATION_RULE_NO_EFFECT(rule.id, rule.tier, rank === 0), path);
}

/**
 * An escalation policy as JSON data (see {@link EscalationPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type EscalationPolicySpec = z.infer<typeof EscalationPolicySchema>;

