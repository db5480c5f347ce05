import { z } from 'zod';
import { messages } from '../_lib/messages.js';
import { addIssue, categoryChecker, checkTimeZone } from '../_lib/zod-issues.js';
import { CalendarSpecSchema } from '../calendar/index.js';
import { FeeScheduleSchema, PRODUCT_CONDITIONS } from '../fees/index.js';
import { WithinSchema } from '../sla/index.js';

const id = z.string().min(1);
const names = z.array(z.string().min(1)).min(1);

/** What a return window counts from. */
export const WINDOW_FROM = ['delivery', 'purchase', 'lastItemDelivered'] as const;
/** Evidence a request can carry. */
export const EVIDENCE = ['proofOfPurchase', 'photos', 'serialNumber'] as const;

/**
 * A return policy: categories, windows counted in the store's time zone, what can never be
 * returned, what needs a human, what evidence is needed, the fee schedule, and the deadlines that
 * follow.
 *
 * @remarks Since 0.1.0
 */
export const ReturnPolicySchema = z
  .strictObject({
    id,
    /** The store's IANA zone: days are counted between local dates there. */
    timeZone: z.string(),
    /** Every product category the policy knows; a request with another one is an error. */
    categories: names,
    /** Return windows; the first whose `category` matches applies (one without `category` is the default). */
    windows: z
      .array(
        z.strictObject({
          id,
          category: names.optional(),
          days: z.number().int().positive(),
          from: z.enum(WINDOW_FROM),
          /** Returns after the window are still accepted up to this many days after its start (fees may apply). */
          lateUntilDays: z.number().int().positive().optional(),
        }),
      )
      .min(1),
    /** Classes that can never be returned (installed goods, final sale). */
    nonReturnable: z.array(z.strictObject({ id, category: names.optional(), flags: names.optional() })).optional(),
    /** Product conditions a human must look at (e.g. damaged by the customer). */
    reviewConditions: z.array(z.enum(PRODUCT_CONDITIONS)).optional(),
    /** Evidence required, for every request or for some categories. */
    evidence: z.array(z.strictObject({ id, requires: z.array(z.enum(EVIDENCE)).min(1), category: names.optional() })).optional(),
    fees: FeeScheduleSchema,
    /** Business calendar for the deadlines; omitted, they run around the clock in `timeZone`. */
    calendar: CalendarSpecSchema.optional(),
    /** Return authorisation due this long after the request (e.g. 48 hours). */
    authorizationWithin: WithinSchema.optional(),
    refund: z.strictObject({
      method: z.enum(['original-payment', 'store-credit', 'exchange']),
      /** Refund issued this long after the item is received. */
      issuedWithin: WithinSchema,
    }),
  })
  .superRefine((policy, ctx) => {
    checkTimeZone(ctx, policy.timeZone, ['timeZone']);
    const check = categoryChecker(ctx, policy.categories);
    policy.windows.forEach((window, i) => {
      check(window.category, ['windows', i, 'category']);
      if (window.lateUntilDays !== undefined && window.lateUntilDays <= window.days) {
        addIssue(ctx, 'INVALID_RANGE', messages.RANGE_ORDER(String(window.days), String(window.lateUntilDays)), ['windows', i, 'lateUntilDays']);
      }
      const earlierDefault = policy.windows.slice(0, i).some((w) => w.category === undefined);
      if (earlierDefault) addIssue(ctx, 'UNREACHABLE_TARGET', `Window "${window.id}" can never apply: an earlier window has no category and matches everything.`, ['windows', i]);
    });
    policy.nonReturnable?.forEach((rule, i) => check(rule.category, ['nonReturnable', i, 'category']));
    policy.evidence?.forEach((rule, i) => check(rule.category, ['evidence', i, 'category']));
  });

/**
 * A return policy as JSON data (see {@link ReturnPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type ReturnPolicySpec = z.infer<typeof ReturnPolicySchema>;
