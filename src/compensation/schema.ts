import { z } from 'zod';
import { messages } from '../_lib/messages.js';
import type { SupportRulesError } from '../errors/index.js';
import { addIssue } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { isCurrency, money } from '../money/index.js';

const id = z.string().min(1);
const amount = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal amount such as "10.00"');
const count = z.number().nonnegative();
const numberRange = z.strictObject({ gt: count.optional(), gte: count.optional(), lt: count.optional(), lte: count.optional() });
const amountRange = z.strictObject({ gt: amount.optional(), gte: amount.optional(), lt: amount.optional(), lte: amount.optional() });

/**
 * One thing a customer can be offered. Its value (for caps and approval) is the refund or
 * replacement at the order value, the stated amount, or a percentage of the monthly fee.
 *
 * @remarks Since 0.1.0
 */
export const OfferSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('refund'), percent: z.number().positive().max(100).optional() }),
  z.strictObject({ type: z.literal('replacement') }),
  z.strictObject({ type: z.literal('credit'), amount }),
  z.strictObject({ type: z.literal('discount-code'), amount }),
  z.strictObject({ type: z.literal('free-expedited-shipping'), value: amount }),
  z.strictObject({ type: z.literal('service-credit'), percentOfMonthlyFee: z.number().positive().max(100) }),
]);

/** Approval levels, from the least authority up. */
export const APPROVAL_LEVELS = ['auto', 'agent', 'team-lead', 'senior-manager', 'executive'] as const;

/**
 * The compensation matrix: incident rules (the first match per incident type applies) with the
 * offers they allow, caps, and who may approve how much.
 *
 * @remarks Since 0.1.0
 */
export const CompensationPolicySchema = z
  .strictObject({
    id,
    currency: z.string(),
    /** Calendar for delays counted in business days. */
    calendar: PolicyCalendarSpecSchema,
    rules: z
      .array(
        z.strictObject({
          id,
          incident: z.string().regex(/^[a-z][a-z0-9-]*$/, 'an incident type such as "damaged-item"'),
          when: z
            .strictObject({
              verified: z.boolean().optional(),
              tier: z.array(z.string().min(1)).min(1).optional(),
              orderValue: amountRange.optional(),
              delayBusinessDays: numberRange.optional(),
            })
            .optional(),
          /** Offers the customer chooses between (at least one). */
          choose: z.array(OfferSchema).min(1),
          /** Offers given on top of the chosen one. */
          plus: z.array(OfferSchema).optional(),
          /** The most this rule may give in total. */
          cap: amount.optional(),
        }),
      )
      .min(1),
    /** Ascending authority: the first level whose limit covers the value approves it. */
    approval: z
      .array(
        z.strictObject({
          level: z.enum(APPROVAL_LEVELS),
          /** Up to this value; omitted on the last (unlimited) level. */
          limit: amount.optional(),
          /** `<=` (default) or `<` ("refunds under $50"). */
          comparison: z.enum(['<=', '<']).optional(),
        }),
      )
      .min(1),
  })
  .superRefine((policy, ctx) => {
    if (!isCurrency(policy.currency)) {
      addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(policy.currency), ['currency']);
      return;
    }
    const fits = (value: string | undefined, path: (string | number)[]) => {
      if (value === undefined) return;
      try {
        money(value, policy.currency);
      } catch (error) {
        addIssue(ctx, (error as SupportRulesError).code, (error as Error).message.replace(/^at amount: /, ''), path);
      }
    };
    policy.rules.forEach((rule, r) => {
      const catchAll = policy.rules.slice(0, r).find((earlier) => earlier.incident === rule.incident && !earlier.when);
      if (catchAll) addIssue(ctx, 'UNREACHABLE_RULE', messages.UNREACHABLE_RULE(rule.id, catchAll.id), ['rules', r]);
      fits(rule.cap, ['rules', r, 'cap']);
      [...rule.choose, ...(rule.plus ?? [])].forEach((offer) => {
        if ('amount' in offer) fits(offer.amount, ['rules', r]);
        if ('value' in offer) fits(offer.value, ['rules', r]);
      });
    });
    policy.approval.forEach((level, i) => {
      fits(level.limit, ['approval', i, 'limit']);
      const last = i === policy.approval.length - 1;
      if (level.limit === undefined && !last) addIssue(ctx, 'INVALID_RANGE', 'Only the last approval level may be unlimited.', ['approval', i]);
      const previous = policy.approval[i - 1]?.limit;
      if (previous !== undefined && level.limit !== undefined && Number(level.limit) <= Number(previous)) {
        addIssue(ctx, 'INVALID_RANGE', messages.RANGE_ORDER(previous, level.limit), ['approval', i, 'limit']);
      }
    });
  });

/** @remarks Since 0.1.0 */
export type Offer = z.infer<typeof OfferSchema>;
/**
 * A compensation policy as JSON data (see {@link CompensationPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type CompensationPolicySpec = z.infer<typeof CompensationPolicySchema>;
