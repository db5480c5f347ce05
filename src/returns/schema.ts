import * as z from 'zod/mini';
import { calendarOnly, calendarOrName } from '../_lib/calendar-field.js';
import { compileCondition, matches, namedValues, TEST_SCHEMAS } from '../_lib/condition.js';
import { RETIRED_DEFECTIVE } from '../_lib/defective.js';
import { checkReachable } from '../_lib/subsumption.js';
import * as messages from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import { checkNamed, uniqueNames, vocabularySchema, type Named } from '../_lib/vocabulary.js';
import { addIssue, checkTimeZone, checkUniqueIds, preprocess } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { FEE_FACTS, FeeScheduleSchema, PRODUCT_CONDITIONS } from '../fees/index.js';
import { MAX_SPAN_DAYS, WithinSchema } from '../sla/index.js';

const id = z.string().check(z.minLength(1));
const ruleId = id.check(z.describe('Stable id, unique in its list, quoted in every reason.'));
const days = z.number().check(z.int(), z.positive(), z.lte(MAX_SPAN_DAYS));
const categoryTest = z.optional(TEST_SCHEMAS.term).check(z.describe('Only for these categories: a name, a list (any of them), { not } or { present }.'));
const defectiveTest = z.optional(TEST_SCHEMAS.boolean).check(z.describe('true: only for defective items; false: only for items that are not.'));

/** What a return window counts from. */
export const WINDOW_FROM = ['delivery', 'purchase', 'lastItemDelivered'] as const;
/** Evidence a request can carry. */
export const EVIDENCE = ['proofOfPurchase', 'photos', 'serialNumber'] as const;
/**
 * What a request asks for: its money back (`return`), another item instead (`exchange`), or a new
 * item for a faulty one (`replacement`, `warranty: true` when under warranty).
 *
 * @remarks Since 0.1.0; `replacement` since 0.2.0.
 */
export const RETURN_SERVICES = ['return', 'exchange', 'replacement'] as const;

/**
 * The facts a return rule can test, by type (the condition language of docs/returns.md): the
 * `category`, the `flags` and whether the item is `defective` (left out, it is not).
 *
 * @remarks Since 0.2.0
 */
export const RETURN_FACTS = { category: 'term', flags: 'terms', defective: 'boolean' } as const;

/** What a message calls each vocabulary of a return policy. */
export const RETURN_VOCABULARY_NAMES = {
  category: 'category',
  condition: 'condition',
  service: 'service',
  sizeClass: 'size class',
  flag: 'flag',
  flags: 'flag',
  evidence: 'evidence kind',
} as const;

/**
 * One packaging state for review: the enum (in the JSON Schema and the type), with the library's
 * own words for a value outside it, before the enum sees it: `"defective"` says to test the fact
 * `defective` instead, any other text is `UNKNOWN_IN_POLICY` with a did-you-mean.
 */
const reviewCondition = preprocess((value, ctx) => {
  if (typeof value !== 'string' || (PRODUCT_CONDITIONS as readonly string[]).includes(value)) return value;
  const message = value === RETIRED_DEFECTIVE ? messages.DEFECTIVE_IS_A_FACT_RULE() : messages.UNKNOWN_IN_POLICY('condition', value, PRODUCT_CONDITIONS, suggest(value, PRODUCT_CONDITIONS));
  ctx.addIssue({ code: 'custom', message, params: { code: 'UNKNOWN_IN_POLICY' }, input: value });
  return z.NEVER;
}, z.enum(PRODUCT_CONDITIONS));

/**
 * The one source of {@link ReturnPolicySchema} and {@link ReturnSectionSchema}: the same fields
 * and checks, with the given schema for the `calendar` field.
 */
function returnPolicySchema<C extends z.ZodMiniType>(calendar: C) {
  return z.strictObject({
    id: id.check(z.describe('The return policy\'s id, quoted in every decision.')),
    /** The store's IANA zone: days are counted between local dates there. */
    timeZone: z.string().check(z.meta({ description: 'The store\'s IANA time zone: days are counted between local dates there.', examples: ['America/Chicago'] })),
    /** Every product category the policy knows; a request with another one is an error. */
    categories: uniqueNames.check(z.describe('Every product category the policy knows; a request with another one is an error.')),
    /**
     * Return windows; the first whose `category` matches applies (one without `category` is the
     * default). Every category must have a window.
     */
    windows: z.array(
        z.strictObject({
          id: ruleId,
          category: categoryTest,
          /** Days after the start the request may come (at most 3650). */
          days: days.check(z.describe('Days after the start the request may come (at most 3650).')),
          from: z.enum(WINDOW_FROM).check(z.describe('What the window counts from: delivery, purchase or the last item\'s delivery.')),
          /** Returns after the window are still accepted up to this many days after its start (fees may apply). */
          lateUntilDays: z.optional(days).check(z.describe('Late returns are accepted up to this many days after the start (fees may apply).')),
        }),
      ).check(z.minLength(1), z.describe('Return windows; the first whose category matches applies, and every category needs one.')),
    /**
     * Classes that can never be returned (installed goods, final sale); `defective: false` limits
     * a class to items that are not faulty ("final sale unless defective").
     */
    nonReturnable: z.optional(z.array(
        z.strictObject({
          id: ruleId,
          category: categoryTest,
          flags: z.optional(TEST_SCHEMAS.terms).check(z.describe('Only for items with these flags: a list (any of them), { all }, { not } or { present }.')),
          defective: defectiveTest,
        }),
      )).check(z.describe('Classes that can never be returned (installed goods, final sale).')),
    /**
     * Packaging states a human must look at (e.g. damaged by the customer): some of
     * `unopened`, `opened`, `used`, `damaged-by-customer`.
     */
    reviewConditions: z.optional(z.array(reviewCondition)).check(z.describe('Packaging states a human must look at before the return is accepted.')),
    /** Evidence required, for every request, for some categories, or for defective items (`defective: true`). */
    evidence: z.optional(z.array(
        z.strictObject({
          id: ruleId,
          requires: z.array(z.enum(EVIDENCE)).check(z.minLength(1), z.describe('The evidence the request must carry.')),
          category: categoryTest,
          defective: defectiveTest,
        }),
      )).check(z.describe('Evidence required, for every request, for some categories, or for defective items.')),
    fees: FeeScheduleSchema.check(z.describe('The fee schedule that prices returns and exchanges.')),
    /** Business calendar for the deadlines; omitted, they run around the clock in `timeZone`. */
    calendar: z.optional(calendar).check(z.describe('Business calendar for the deadlines; left out, they run around the clock in timeZone.')),
    /** Return authorisation due this long after the request (e.g. `{ hours: 48 }`). */
    authorizationWithin: z.optional(WithinSchema).check(z.describe('Return authorisation is due this long after the request.')),
    /**
     * What `authorizationWithin` counts on: the policy's business `calendar`, or every hour of the
     * day in `timeZone` (Amare's "return authorization within 48 hours of a verified request" is 48
     * elapsed hours).
     *
     * @defaultValue 'business'
     * @remarks Since 0.2.0
     */
    authorizationClock: z.optional(z.enum(['business', 'around-the-clock'])).check(z.describe('Count authorizationWithin on the business calendar (default) or around the clock.')),
    refund: z.strictObject({
        method: z.enum(['original-payment', 'store-credit', 'exchange']).check(z.describe('How the refund is paid.')),
        /** Refund issued this long after the item is received. */
        issuedWithin: WithinSchema.check(z.describe('The refund is issued this long after the item is received.')),
      }).check(z.describe('How and when the refund is paid.')),
    /**
     * When a return of several items of one order (`checkOrderReturn`) refunds the order's shipping
     * charge: the first rule whose tests all hold refunds it in full; when none holds, or none is
     * given, it is not refunded, and a reason says so. `wholeOrder`: every unit of every line is
     * returned for a refund; `defective`: an item returned for a refund is defective (the merchant's
     * fault, as Primos' "verified shipping errors or damaged items: immediate full refund"). A rule
     * with neither test always refunds the shipping.
     *
     * @remarks Since 0.2.0
     */
    shippingRefund: z.optional(z.array(
        z.strictObject({
          id: ruleId,
          wholeOrder: z.optional(z.literal(true)).check(z.describe('Only when every unit of every line of the order is returned for a refund.')),
          defective: z.optional(z.literal(true)).check(z.describe('Only when an item returned for a refund is defective (the merchant\'s fault).')),
          description: z.optional(z.string()).check(z.describe('What the rule is, for people.')),
        }),
      )).check(z.describe('When an order return refunds the shipping charge: the first rule that holds refunds it in full; none holds, it is not refunded.')),
    /**
     * The flags requests may carry (`installed`, `final-sale`, …). Given, the list is complete;
     * left out, the flags are those `nonReturnable` names. Size classes are the fee schedule's
     * (`fees.vocabulary.sizeClass`, or those its rules name).
     */
    vocabulary: z.optional(vocabularySchema({ flag: 'Every flag requests may carry (installed, final-sale, …).' })).check(z.describe('The flags requests may carry; a list given here is complete.')),
  }).check(z.superRefine((policy, ctx) => {
    checkTimeZone(ctx, policy.timeZone, ['timeZone']);
    checkUniqueIds(ctx, [
      [policy.windows, ['windows']],
      [policy.nonReturnable, ['nonReturnable']],
      [policy.evidence, ['evidence']],
      [policy.fees.rules, ['fees', 'rules']],
      [policy.shippingRefund, ['shippingRefund']],
    ]);
    // Categories belong to the return policy, so its fee schedule may not redefine them. Its
    // services may go beyond return and exchange: the schedule also prices repairs, visits and
    // replacements (quoteFees(policy.fees, …)).
    if (policy.fees.vocabulary?.category) addIssue(ctx, 'INVALID_VALUE', messages.VOCABULARY_OWNED('category', '"categories"'), ['fees', 'vocabulary', 'category']);
    // Size classes, services and product conditions are checked by the fee schedule itself.
    checkNamed(ctx, returnNamedValues(policy), { category: policy.categories, flags: policy.vocabulary?.flag }, RETURN_VOCABULARY_NAMES);
    const windows = policy.windows.map((window, i) => ({ id: window.id, condition: compileCondition({ category: window.category }, RETURN_FACTS), path: ['windows', i] }));
    checkReachable(ctx, windows);
    for (const category of policy.categories) {
      if (!windows.some((w) => matches(w.condition, { category }))) addIssue(ctx, 'UNCOVERED', messages.UNCOVERED('category', category, 'return windows'), ['windows']);
    }
    policy.windows.forEach((window, i) => {
      if (window.lateUntilDays !== undefined && window.lateUntilDays <= window.days) {
        addIssue(ctx, 'INVALID_RANGE', messages.RANGE_ORDER(String(window.days), String(window.lateUntilDays)), ['windows', i, 'lateUntilDays']);
      }
    });
  }));
}

/**
 * A return policy: categories, windows counted in the store's time zone, what can never be
 * returned, what needs a human, what evidence is needed, the fee schedule, and the deadlines that
 * follow.
 *
 * @remarks Since 0.1.0
 */
export const ReturnPolicySchema = returnPolicySchema(calendarOnly(PolicyCalendarSpecSchema, 'return policy'));

/**
 * The returns section of a SupportPolicy document: a {@link ReturnPolicySchema} whose `calendar`
 * may also be the name of a calendar the document declares in its top-level `calendars`
 * (`"calendar": "desk"`). The document resolves the name; `definePolicy` compiles the section
 * with the calendar it names.
 *
 * @remarks Since 0.2.0
 */
export const ReturnSectionSchema = returnPolicySchema(calendarOrName(PolicyCalendarSpecSchema));

/** Every value a return policy's rules name (categories, flags, and its fee rules' values). */
export function returnNamedValues(policy: {
  readonly windows: readonly { readonly category?: unknown }[];
  readonly nonReturnable?: readonly { readonly category?: unknown; readonly flags?: unknown }[] | undefined;
  readonly evidence?: readonly { readonly category?: unknown }[] | undefined;
  readonly fees: { readonly rules: readonly { readonly when?: object; readonly waiveWhen?: object }[] };
}): Named[] {
  const inline = (list: readonly object[] | undefined, key: string): Named[] =>
    (list ?? []).flatMap((rule, i) => namedValues(rule as Record<string, unknown>, RETURN_FACTS).map((n) => ({ ...n, path: [key, i, ...n.path] })));
  const fees = policy.fees.rules.flatMap((rule, r) =>
    (['when', 'waiveWhen'] as const).flatMap((key) => namedValues(rule[key] as Record<string, unknown> | undefined, FEE_FACTS).map((n) => ({ ...n, path: ['fees', 'rules', r, key, ...n.path] }))),
  );
  return [...inline(policy.windows, 'windows'), ...inline(policy.nonReturnable, 'nonReturnable'), ...inline(policy.evidence, 'evidence'), ...fees];
}

/**
 * A return policy as JSON data (see {@link ReturnPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type ReturnPolicySpec = z.infer<typeof ReturnPolicySchema>;
