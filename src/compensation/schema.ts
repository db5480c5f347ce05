import * as z from 'zod/mini';
import { calendarOnly, calendarOrName } from '../_lib/calendar-field.js';
import { amountText } from '../_lib/amount-text.js';
import { amountsNamed, compileCondition, conditionShape, namedValues } from '../_lib/condition.js';
import { checkReachable } from '../_lib/subsumption.js';
import * as messages from '../_lib/messages.js';
import { currencyMeta } from '../_lib/patterns.js';
import { checkNamed, vocabularySchema, type Named } from '../_lib/vocabulary.js';
import { addIssue, addThrown, checkUniqueIds } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { compare, isCurrency, money, sum } from '../money/index.js';
import { ApprovalLadderSchema, checkLadderCurrency } from './ladder.js';

const id = z.string().check(z.minLength(1));

const amount = amountText;

/**
 * The facts a compensation rule's `when` can test, by type (the condition language of
 * docs/compensation.md): whether the incident is `verified`, the customer's `tier`, the
 * `orderValue` (a money range) and the delivery delay in business days (`delayBusinessDays`, a
 * number range, counted on the policy's calendar from `promisedAt` to `deliveredAt`, or since
 * 0.2.0 given by the incident).
 *
 * @remarks Since 0.2.0
 */
export const COMPENSATION_FACTS = { verified: 'boolean', tier: 'term', orderValue: 'money', delayBusinessDays: 'number' } as const;

/** What a message calls each vocabulary of a compensation policy. */
export const COMPENSATION_VOCABULARY_NAMES = { incident: 'incident type', tier: 'tier' } as const;

/**
 * What a compensation rule requires of an incident. Every listed field must hold: `verified` is
 * `true` or `false` (left out of the incident, it is `false`); `tier` is a tier, a list of tiers
 * (any of them), `{ not: [...] }` or `{ present: bool }`; `orderValue` (decimal strings) and
 * `delayBusinessDays` (numbers, 0 or more) are ranges with `gt`/`gte`/`lt`/`lte`, or
 * `{ present: bool }` (a delay is present when the incident gives both `promisedAt` and
 * `deliveredAt`, or `delayBusinessDays`).
 *
 * @remarks Since 0.2.0
 */
// An order-value bound written as a number is refused by the amount schema of the money range, at
// the bound, saying that amounts are decimal strings.
export const CompensationConditionSchema = z.strictObject(
  conditionShape(COMPENSATION_FACTS, {
    verified: 'true: only verified incidents; false: only unverified ones (left out of the incident, it is false).',
    tier: 'The customer\'s tier: a name, a list (any of them), { not } or { present }.',
    orderValue: 'The order value as a range of decimal strings: { gt: "200.00" }.',
    delayBusinessDays: 'The delivery delay in business days, as a range: { gte: 3 }.',
  }),
);

/**
 * One thing a customer can be offered. Its value (for caps and approval) is the refund or
 * replacement at the order value, the stated amount, or a percentage of the monthly fee.
 *
 * @remarks Since 0.1.0
 */
const offerType = <const T extends string>(type: T) => z.literal(type).check(z.describe('The kind of offer.'));
export const OfferSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: offerType('refund'), percent: z.optional(z.number().check(z.positive(), z.lte(100))).check(z.describe('Percent of the order value refunded (default 100).')) }),
  z.strictObject({ type: offerType('replacement') }),
  z.strictObject({ type: offerType('credit'), amount: amount.check(z.describe('The store credit, a decimal string.')) }),
  z.strictObject({ type: offerType('discount-code'), amount: amount.check(z.describe('The discount code\'s value, a decimal string.')) }),
  z.strictObject({ type: offerType('free-expedited-shipping'), value: amount.check(z.describe('What the shipping is worth, for caps and approval.')) }),
  z.strictObject({ type: offerType('service-credit'), percentOfMonthlyFee: z.number().check(z.positive(), z.lte(100), z.describe('The credit as a percent of the monthly fee.')) }),
]);

/**
 * The one source of {@link CompensationPolicySchema} and {@link CompensationSectionSchema}: the
 * same fields and checks, with the given schema for the `calendar` field.
 */
function compensationPolicySchema<C extends z.ZodMiniType>(calendar: C) {
  return z.strictObject({
    id: id.check(z.describe('The compensation policy\'s id, quoted in every decision.')),
    currency: z.string().check(z.meta({ ...currencyMeta, description: 'ISO 4217 currency of every amount in the section.' })),
    /** Calendar for delays counted in business days. */
    calendar: calendar.check(z.describe('Calendar for delays counted in business days.')),
    rules: z.array(
        z.strictObject({
          id: id.check(z.describe('Stable id, unique in the rules, quoted in every decision.')),
          incident: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'an incident type such as "damaged-item"'), z.meta({ description: 'The incident type the rule is for.', examples: ['damaged-item', 'late-delivery'] })),
          when: z.optional(CompensationConditionSchema).check(z.describe('What the rule requires of the incident; left out, it always applies.')),
          /** Offers the customer chooses between (at least one). */
          choose: z.array(OfferSchema).check(z.minLength(1), z.describe('Offers the customer chooses between (at least one).')),
          /** Offers given on top of the chosen one. */
          plus: z.optional(z.array(OfferSchema)).check(z.describe('Offers given on top of the chosen one.')),
          /** The most this rule may give in total. */
          cap: z.optional(amount).check(z.describe('The most this rule may give in total.')),
          /**
           * The rule's offers need no approval step ("immediate full refund or replacement"): the
           * decision says so (`approval.needed: false`, reason `APPROVAL_NOT_NEEDED`) instead of
           * walking the ladder.
           *
           * @defaultValue false
           * @remarks Since 0.2.0
           */
          preApproved: z.optional(z.boolean()).check(z.describe('The offers need no approval step (default false).')),
        }),
      ).check(z.minLength(1), z.describe('Incident rules; the first match per incident type applies.')),
    /**
     * Ascending authority: the first level whose limit covers the value approves it (see
     * {@link ApprovalLadderSchema}: levels rise, limits rise, the last level has no limit; since
     * 0.2.0 a level may be limited to `kinds` of offer).
     */
    approval: ApprovalLadderSchema.check(z.describe('Who may approve how much, in ascending authority; the last level has no limit.')),
    /**
     * The incident types and tiers incidents may name. A list given here is complete: a rule
     * naming another value is refused, and so is an incident. Left out, the incident types are
     * those the rules name, and the tiers those their conditions name. An incident type declared
     * without a rule is known, and gets no compensation (`NO_COMPENSATION_RULE`).
     *
     * @remarks Since 0.2.0
     */
    vocabulary: z.optional(vocabularySchema({ incident: 'Every incident type incidents may name.', tier: 'Every customer tier incidents may name.' })).check(z.describe('The incident types and tiers incidents may name; a list given here is complete.')),
  }).check(z.superRefine((policy, ctx) => {
    checkUniqueIds(ctx, [[policy.rules, ['rules']]]);
    checkNamed(ctx, compensationNamedValues(policy), { incident: policy.vocabulary?.incident, tier: policy.vocabulary?.tier }, COMPENSATION_VOCABULARY_NAMES);
    // First match per incident type: the type is part of the condition, so rules of different
    // types never shadow each other, and a rule is refused when an earlier one covers it.
    checkReachable(
      ctx,
      policy.rules.map((rule, r) => ({ id: rule.id, condition: compileCondition({ incident: rule.incident, ...rule.when }, RULE_FACTS), path: ['rules', r] })),
    );
    policy.rules.forEach((rule, r) => {
      for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) {
        const delay = rule.when?.delayBusinessDays;
        const value = (delay as Partial<Record<typeof bound, number>> | undefined)?.[bound];
        if (value !== undefined && value < 0) addIssue(ctx, 'OUT_OF_BOUNDS', messages.OUT_OF_BOUNDS(value, '0 or more (a delay in business days)'), ['rules', r, 'when', 'delayBusinessDays', bound]);
      }
    });
    if (!isCurrency(policy.currency)) {
      addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(policy.currency), ['currency']);
      return;
    }
    // Every written amount must fit the currency (no 10.005 USD), each reported where it is written.
    let fit = true;
    const fits = (value: string | undefined, path: (string | number)[]) => {
      if (value === undefined) return;
      try {
        money(value, policy.currency);
      } catch (error) {
        fit = false;
        addThrown(ctx, () => {
          throw error;
        }, path);
      }
    };
    policy.rules.forEach((rule, r) => {
      fits(rule.cap, ['rules', r, 'cap']);
      for (const list of ['choose', 'plus'] as const) {
        rule[list]?.forEach((offer, i) => {
          const fixed = fixedAmountOf(offer);
          if (fixed) fits(fixed.value, ['rules', r, list, i, fixed.key]);
        });
      }
      for (const bound of amountsNamed(rule.when, COMPENSATION_FACTS)) fits(bound.value, ['rules', r, 'when', ...bound.path]);
    });
    // The cap check uses the rules' amounts only: a ladder limit that does not fit is its own problem.
    checkLadderCurrency(ctx, policy.approval, policy.currency, ['approval']);
    if (fit) policy.rules.forEach((rule, r) => checkCap(ctx, rule, policy.currency, ['rules', r, 'cap']));
  }));
}

/**
 * The compensation matrix: incident rules (the first match per incident type applies) with the
 * offers they allow, caps, and who may approve how much.
 *
 * @remarks Since 0.1.0
 */
export const CompensationPolicySchema = compensationPolicySchema(calendarOnly(PolicyCalendarSpecSchema, 'compensation policy'));

/**
 * The compensation section of a SupportPolicy document: a {@link CompensationPolicySchema} whose
 * `calendar` may also be the name of a calendar the document declares in its top-level
 * `calendars` (`"calendar": "desk"`). The document resolves the name; `definePolicy` compiles the
 * section with the calendar it names.
 *
 * @remarks Since 0.2.0
 */
export const CompensationSectionSchema = compensationPolicySchema(calendarOrName(PolicyCalendarSpecSchema));

/** The facts of a rule as the reachability check sees them: its incident type and its `when`. */
const RULE_FACTS = { incident: 'term', ...COMPENSATION_FACTS } as const;

/** The written amount of an offer with a fixed value (a credit, a discount code, shipping), and its key. */
export function fixedAmountOf(offer: Offer): { readonly key: 'amount' | 'value'; readonly value: string } | undefined {
  switch (offer.type) {
    case 'credit':
    case 'discount-code':
      return { key: 'amount', value: offer.amount };
    case 'free-expedited-shipping':
      return { key: 'value', value: offer.value };
    default:
      return undefined;
  }
}

/**
 * A cap below what the rule writes that it gives is a contradiction: the additions (`plus`) with
 * any fixed-value alternative must fit under it, or the decision would list offers the cap never
 * lets the customer have. (Refunds, replacements and service credits depend on the incident; the
 * cap is what limits them.)
 */
function checkCap(ctx: z.core.$RefinementCtx, rule: CompensationRule, currency: string, path: (string | number)[]): void {
  if (rule.cap === undefined) return;
  const written = (offer: Offer) => {
    const fixed = fixedAmountOf(offer);
    return fixed ? { offer, value: money(fixed.value, currency) } : undefined;
  };
  const additions = (rule.plus ?? []).map(written).filter((a) => a !== undefined);
  const largest = rule.choose
    .map(written)
    .reduce<ReturnType<typeof written>>((best, alt) => (alt !== undefined && (best === undefined || compare(alt.value, best.value) > 0) ? alt : best), undefined);
  const given = largest ? [largest, ...additions] : additions;
  const total = sum(given.map((g) => g.value), currency);
  if (compare(total, money(rule.cap, currency)) > 0) {
    addIssue(ctx, 'INVALID_RANGE', messages.CAP_BELOW_OFFERS(rule.cap, total.amount, given.map((g) => `${g.offer.type} ${g.value.amount}`), currency), path);
  }
}

/** Every value a compensation policy's rules name, with its path: incident types and tiers. */
export function compensationNamedValues(policy: { readonly rules: readonly { readonly incident: string; readonly when?: object | undefined }[] }): Named[] {
  return policy.rules.flatMap((rule, r) => [
    { field: 'incident', value: rule.incident, path: ['rules', r, 'incident'] },
    ...namedValues(rule.when as Record<string, unknown> | undefined, COMPENSATION_FACTS).map((n) => ({ ...n, path: ['rules', r, 'when', ...n.path] })),
  ]);
}

/** @remarks Since 0.1.0 */
export type Offer = z.infer<typeof OfferSchema>;
/** @remarks Since 0.2.0 */
export type CompensationCondition = z.infer<typeof CompensationConditionSchema>;
/** @remarks Since 0.2.0 */
export type CompensationRule = CompensationPolicySpec['rules'][number];
/**
 * A compensation policy as JSON data (see {@link CompensationPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type CompensationPolicySpec = z.infer<typeof CompensationPolicySchema>;
