import { z } from 'zod';
import { messages } from '../_lib/messages.js';
import { addIssue } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { isCurrency } from '../money/index.js';
import { WithinSchema } from '../sla/index.js';

const id = z.string().min(1);
const names = z.array(z.string().min(1)).min(1);
const amount = z.string().regex(/^\d+(\.\d+)?$/);

/** A span of time measured on one of the policy's calendars. */
const SpanSchema = z.strictObject({ within: WithinSchema, calendar: id });

/**
 * An escalation policy: tiers in ascending order, the calendars time is measured on, and rules
 * that send a case to a tier when their triggers fire. The highest tier any rule reaches wins;
 * every rule considered is explained.
 *
 * @remarks Since 0.1.0
 */
export const EscalationPolicySchema = z
  .strictObject({
    id,
    currency: z.string(),
    calendars: z.record(id, PolicyCalendarSpecSchema),
    /** Tier ids, lowest first (Tier 1, Tier 2, Tier 3; agent, team lead, senior manager). */
    tiers: names,
    /** Severities, lowest first, so triggers can say "at least high". */
    severities: names.optional(),
    rules: z
      .array(
        z.strictObject({
          id,
          tier: id,
          description: z.string().optional(),
          /** Every listed trigger must fire (AND); a rule without triggers always fires. */
          when: z
            .strictObject({
              category: names.optional(),
              /** Only while the case is in one of these tiers (Tier 2 -> Tier 3 after 24 hours). */
              inTier: names.optional(),
              severityAtLeast: z.string().min(1).optional(),
              /** Business or calendar time since creation, more than this. */
              unresolvedFor: SpanSchema.optional(),
              /** Time since the case entered its current tier, more than this. */
              inTierFor: SpanSchema.optional(),
              /** Refund or compensation amount: more than `gt`, or at least `gte`. */
              amount: z.strictObject({ gt: amount.optional(), gte: amount.optional() }).optional(),
              failedVisits: z.strictObject({ gte: z.number().int().positive() }).optional(),
              partsMissingDays: z.strictObject({ gt: z.number().int().nonnegative() }).optional(),
              breachesInWindow: z.strictObject({ gt: z.number().int().nonnegative() }).optional(),
            })
            .optional(),
          /** The case must reach the tier within this, from when the rule fired. */
          reachWithin: SpanSchema.optional(),
          /** The tier must acknowledge within this, from when the rule fired. */
          acknowledgeWithin: SpanSchema.optional(),
          /** Workflows to open: due within a span, or recurring every span (updates every 2 h). */
          workflows: z.array(z.strictObject({ id, within: SpanSchema.optional(), every: SpanSchema.optional() })).optional(),
        }),
      )
      .min(1),
  })
  .superRefine((policy, ctx) => {
    if (!isCurrency(policy.currency)) addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(policy.currency), ['currency']);
    const calendars = Object.keys(policy.calendars);
    const span = (value: { calendar: string } | undefined, path: (string | number)[]) => {
      if (value && !calendars.includes(value.calendar)) addIssue(ctx, 'UNKNOWN_CALENDAR', messages.UNKNOWN_CALENDAR(value.calendar, calendars), [...path, 'calendar']);
    };
    policy.rules.forEach((rule, r) => {
      const path = ['rules', r];
      if (!policy.tiers.includes(rule.tier)) addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.UNKNOWN_IN_POLICY('tier', rule.tier, policy.tiers), [...path, 'tier']);
      rule.when?.inTier?.forEach((tier, i) => {
        if (!policy.tiers.includes(tier)) addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.UNKNOWN_IN_POLICY('tier', tier, policy.tiers), [...path, 'when', 'inTier', i]);
      });
      const severity = rule.when?.severityAtLeast;
      if (severity && !(policy.severities ?? []).includes(severity)) {
        addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.UNKNOWN_IN_POLICY('severity', severity, policy.severities ?? []), [...path, 'when', 'severityAtLeast']);
      }
      span(rule.when?.unresolvedFor, [...path, 'when', 'unresolvedFor']);
      span(rule.when?.inTierFor, [...path, 'when', 'inTierFor']);
      span(rule.reachWithin, [...path, 'reachWithin']);
      span(rule.acknowledgeWithin, [...path, 'acknowledgeWithin']);
      rule.workflows?.forEach((w, i) => {
        span(w.within, [...path, 'workflows', i, 'within']);
        span(w.every, [...path, 'workflows', i, 'every']);
      });
    });
  });

/**
 * An escalation policy as JSON data (see {@link EscalationPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type EscalationPolicySpec = z.infer<typeof EscalationPolicySchema>;
