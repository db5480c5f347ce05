import { z } from 'zod';
import { parseIsoDate } from '../_lib/civil.js';
import { messages } from '../_lib/messages.js';
import { addIssue, categoryChecker, checkTimeZone } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { isCurrency } from '../money/index.js';
import { WithinSchema } from '../sla/index.js';

const id = z.string().min(1);
const names = z.array(z.string().min(1)).min(1);
const isoDate = z.string().refine((value) => parseIsoDate(value) !== undefined, { message: 'a date as YYYY-MM-DD' });

/** Customer segments a term or plan can be for. */
export const SEGMENTS = ['consumer', 'commercial'] as const;
/** Evidence a claim can carry. */
export const CLAIM_EVIDENCE = ['proofOfPurchase', 'serialNumber', 'photos'] as const;
/** Remedies a claim can get. */
export const REMEDIES = ['depot-repair', 'on-site-repair', 'replacement', 'express-replacement', 'refund'] as const;

/**
 * A warranty policy: coverage terms, extended plans, claim evidence, remedies, deadlines and
 * evidence retention.
 *
 * @remarks Since 0.1.0
 */
export const WarrantyPolicySchema = z
  .strictObject({
    id,
    /** The zone in which coverage dates are counted. */
    timeZone: z.string(),
    categories: names,
    /** Coverage terms; the first that matches a claim applies. */
    terms: z
      .array(
        z.strictObject({
          id,
          category: names.optional(),
          segment: z.array(z.enum(SEGMENTS)).min(1).optional(),
          /** Only for these parts (e.g. `structural`); omitted: the whole product. */
          part: names.optional(),
          /** Only for these model lines (a range such as "HVAC 2–5 years by model line" is one term per line). */
          modelLine: names.optional(),
          months: z.number().int().positive(),
          from: z.enum(['purchase', 'delivery', 'ship']),
          /** Only for units shipped on or after / before these local dates (effective-date conditions). */
          shippedFrom: isoDate.optional(),
          shippedBefore: isoDate.optional(),
          covers: z.strictObject({ parts: z.boolean(), labour: z.boolean(), onSite: z.boolean(), shipping: z.boolean() }),
        }),
      )
      .min(1),
    /** Extended plans, bought at sale or later. */
    plans: z
      .array(
        z.strictObject({
          id,
          price: z.string().regex(/^\d+(\.\d+)?$/),
          currency: z.string(),
          months: z.number().int().positive(),
          segment: z.array(z.enum(SEGMENTS)).min(1).optional(),
          category: names.optional(),
          /** Days after purchase the plan can still be bought (0 = at sale only). */
          buyWithinDays: z.number().int().nonnegative(),
          /** `after-base`: the plan adds its months after the base term ends; `from-purchase`: it runs from the base start. */
          stacking: z.enum(['after-base', 'from-purchase']),
        }),
      )
      .optional(),
    evidence: z.array(z.strictObject({ id, requires: z.array(z.enum(CLAIM_EVIDENCE)).min(1), category: names.optional() })).optional(),
    /** Remedies; the first that matches applies. */
    remedies: z
      .array(
        z.strictObject({
          id,
          remedy: z.enum(REMEDIES),
          category: names.optional(),
          segment: z.array(z.enum(SEGMENTS)).min(1).optional(),
          /** Only when stock permits (express replacement). */
          inStock: z.boolean().optional(),
          within: WithinSchema.optional(),
          /** Count `within` on the policy's business `calendar` (default) or around the clock ("on-site within 72 hours"). */
          clock: z.enum(['business', 'around-the-clock']).optional(),
        }),
      )
      .optional(),
    calendar: PolicyCalendarSpecSchema.optional(),
    rmaWithin: WithinSchema.optional(),
    claimProcessedWithin: WithinSchema.optional(),
    /** What evidence to keep and for how long after the claim. */
    retention: z.array(z.strictObject({ id, what: names, months: z.number().int().positive() })).optional(),
  })
  .superRefine((policy, ctx) => {
    checkTimeZone(ctx, policy.timeZone, ['timeZone']);
    const check = categoryChecker(ctx, policy.categories);
    policy.terms.forEach((term, i) => {
      const catchAll = policy.terms
        .slice(0, i)
        .find((t) => !t.category && !t.segment && !t.part && !t.modelLine && !t.shippedFrom && !t.shippedBefore);
      if (catchAll) addIssue(ctx, 'UNREACHABLE_RULE', messages.UNREACHABLE_RULE(term.id, catchAll.id), ['terms', i]);
      check(term.category, ['terms', i, 'category']);
      if (term.shippedFrom && term.shippedBefore && term.shippedFrom >= term.shippedBefore) {
        addIssue(ctx, 'INVALID_RANGE', messages.RANGE_ORDER(term.shippedFrom, term.shippedBefore), ['terms', i, 'shippedBefore']);
      }
    });
    policy.plans?.forEach((plan, i) => {
      check(plan.category, ['plans', i, 'category']);
      if (!isCurrency(plan.currency)) addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(plan.currency), ['plans', i, 'currency']);
    });
    policy.evidence?.forEach((rule, i) => check(rule.category, ['evidence', i, 'category']));
    policy.remedies?.forEach((rule, i) => check(rule.category, ['remedies', i, 'category']));
  });

/**
 * A warranty policy as JSON data (see {@link WarrantyPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type WarrantyPolicySpec = z.infer<typeof WarrantyPolicySchema>;
