import * as z from 'zod/mini';
import { calendarOnly, calendarOrName } from '../_lib/calendar-field.js';
import { amountText } from '../_lib/amount-text.js';
import { parseIsoDate } from '../_lib/civil.js';
import { compileCondition, namedValues, TEST_SCHEMAS, type Condition } from '../_lib/condition.js';
import { checkReachable } from '../_lib/subsumption.js';
import * as messages from '../_lib/messages.js';
import { currencyMeta, localDateMeta } from '../_lib/patterns.js';
import { checkNamed, uniqueNames, vocabularySchema, type Named } from '../_lib/vocabulary.js';
import { addIssue, addThrown, checkTimeZone, checkUniqueIds } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { isCurrency, money } from '../money/index.js';
import { MAX_SPAN_DAYS, WithinSchema } from '../sla/index.js';

const id = z.string().check(z.minLength(1));
const ruleId = id.check(z.describe('Stable id, unique in its list, quoted in every reason.'));
const names = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
const isoDate = z.string().check(z.refine((value) => parseIsoDate(value) !== undefined, { message: 'a date as YYYY-MM-DD' }), z.meta(localDateMeta));
const termTest = (what: string) => z.optional(TEST_SCHEMAS.term).check(z.describe(`Only for these ${what}: a name, a list (any of them), { not } or { present }.`));

/** The longest coverage, plan or retention period, in months (100 years). */
export const MAX_MONTHS = 1200;
const months = z.number().check(z.int(), z.positive(), z.lte(MAX_MONTHS));

/** Customer segments a term or plan can be for. */
export const SEGMENTS = ['consumer', 'commercial'] as const;
/** Evidence a claim can carry. */
export const CLAIM_EVIDENCE = ['proofOfPurchase', 'serialNumber', 'photos'] as const;
/** Remedies a claim can get. */
export const REMEDIES = ['depot-repair', 'on-site-repair', 'replacement', 'express-replacement', 'refund'] as const;

/**
 * The claim facts a coverage term can test, by type (the condition language of
 * docs/warranty.md). A term also tests the ship date with `shippedFrom` / `shippedBefore`.
 *
 * @remarks Since 0.2.0
 */
export const WARRANTY_TERM_FACTS = { category: 'term', segment: 'term', part: 'term', modelLine: 'term' } as const;

/**
 * The claim facts a remedy can test, by type.
 *
 * @remarks Since 0.2.0
 */
export const WARRANTY_REMEDY_FACTS = { category: 'term', segment: 'term', inStock: 'boolean' } as const;

// Inside, the ship-date range of a term is a range over the local day number of `shippedAt`, so
// that it is matched, explained and compared for subsumption like any other range.
const TERM_FACTS = { ...WARRANTY_TERM_FACTS, shippedDay: 'number' } as const;
const PLAN_FACTS = { category: 'term', segment: 'term' } as const;
const EVIDENCE_FACTS = { category: 'term' } as const;

/** What a message calls each vocabulary of a warranty policy. */
export const WARRANTY_VOCABULARY_NAMES = {
  category: 'category',
  segment: 'segment',
  part: 'part',
  modelLine: 'model line',
  evidence: 'evidence kind',
  plan: 'plan',
} as const;

/**
 * The one source of {@link WarrantyPolicySchema} and {@link WarrantySectionSchema}: the same
 * fields and checks, with the given schema for the `calendar` field.
 */
function warrantyPolicySchema<C extends z.ZodMiniType>(calendar: C) {
  return z.strictObject({
    id: id.check(z.describe('The warranty policy\'s id, quoted in every decision.')),
    /** The zone in which coverage dates are counted. */
    timeZone: z.string().check(z.meta({ description: 'The IANA time zone in which coverage dates are counted.', examples: ['America/Chicago'] })),
    /** Every product category the policy knows; a claim with another one is an error. */
    categories: uniqueNames.check(z.describe('Every product category the policy knows; a claim with another one is an error.')),
    /** Coverage terms; the first that matches a claim applies. */
    terms: z.array(
        z.strictObject({
          id: ruleId,
          category: termTest('categories'),
          segment: termTest('segments (consumer, commercial)'),
          /** Only for these parts (e.g. `structural`); omitted: the whole product. */
          part: termTest('parts (e.g. structural); left out, the whole product'),
          /** Only for these model lines (a range such as "HVAC 2–5 years by model line" is one term per line). */
          modelLine: termTest('model lines'),
          /** Months of coverage (at most 1200). */
          months: months.check(z.describe('Months of coverage (at most 1200).')),
          from: z.enum(['purchase', 'delivery', 'ship']).check(z.describe('What the coverage counts from.')),
          /** Only for units shipped on or after / before these local dates (effective-date conditions). */
          shippedFrom: z.optional(isoDate).check(z.describe('Only for units shipped on or after this local date (YYYY-MM-DD).')),
          shippedBefore: z.optional(isoDate).check(z.describe('Only for units shipped before this local date (YYYY-MM-DD).')),
          covers: z.strictObject({
              parts: z.boolean().check(z.describe('Parts are covered.')),
              labour: z.boolean().check(z.describe('Labour is covered.')),
              onSite: z.boolean().check(z.describe('On-site service is covered.')),
              shipping: z.boolean().check(z.describe('Shipping is covered.')),
            }).check(z.describe('What the term covers.')),
        }),
      ).check(z.minLength(1), z.describe('Coverage terms; the first that matches a claim applies.')),
    /** Extended plans, bought at sale or later. */
    plans: z.optional(z.array(
        z.strictObject({
          id: ruleId,
          /** The price, a decimal string that fits `currency` ("49.00"). */
          price: amountText.check(z.describe('The price, a decimal string that fits currency.')),
          currency: z.string().check(z.meta({ ...currencyMeta, description: 'ISO 4217 currency of the price.' })),
          /** Months the plan adds (at most 1200). */
          months: months.check(z.describe('Months the plan adds (at most 1200).')),
          segment: termTest('segments'),
          category: termTest('categories'),
          /** Days after purchase the plan can still be bought (0 = at sale only; at most 3650). */
          buyWithinDays: z.number().check(z.int(), z.nonnegative(), z.lte(MAX_SPAN_DAYS), z.describe('Days after purchase the plan can still be bought (0: at sale only).')),
          /** `after-base`: the plan adds its months after the base term ends; `from-purchase`: it runs from the base start. */
          stacking: z.enum(['after-base', 'from-purchase']).check(z.describe('after-base: the months follow the base term; from-purchase: they run from the base start.')),
        }),
      )).check(z.describe('Extended plans, bought at sale or later.')),
    /** Evidence required, for every claim or for some categories (every matching rule applies). */
    evidence: z.optional(z.array(z.strictObject({ id: ruleId, requires: z.array(z.enum(CLAIM_EVIDENCE)).check(z.minLength(1), z.describe('The evidence the claim must carry.')), category: termTest('categories') }))).check(z.describe('Evidence required, for every claim or for some categories (every matching rule applies).')),
    /** Remedies; the first that matches applies. */
    remedies: z.optional(z.array(
        z.strictObject({
          id: ruleId,
          remedy: z.enum(REMEDIES).check(z.describe('The remedy the claim gets.')),
          category: termTest('categories'),
          segment: termTest('segments'),
          /** Only when stock permits (express replacement). */
          inStock: z.optional(TEST_SCHEMAS.boolean).check(z.describe('true: only when stock permits; false: only when it does not.')),
          within: z.optional(WithinSchema).check(z.describe('The remedy is due this long after the claim.')),
          /** Count `within` on the policy's business `calendar` (default) or around the clock ("on-site within 72 hours"). */
          clock: z.optional(z.enum(['business', 'around-the-clock'])).check(z.describe('Count within on the business calendar (default) or around the clock.')),
        }),
      )).check(z.describe('Remedies; the first that matches applies.')),
    /** Business calendar for the remedy, RMA and processing deadlines. */
    calendar: z.optional(calendar).check(z.describe('Business calendar for the remedy, RMA and processing deadlines.')),
    rmaWithin: z.optional(WithinSchema).check(z.describe('The RMA is due this long after the claim.')),
    claimProcessedWithin: z.optional(WithinSchema).check(z.describe('The claim is processed this long after it is made.')),
    /** What evidence to keep and for how long after the claim (at most 1200 months). */
    retention: z.optional(z.array(z.strictObject({ id: ruleId, what: names.check(z.describe('What to keep.')), months: months.check(z.describe('Months to keep it after the claim (at most 1200).')) }))).check(z.describe('What evidence to keep and for how long after the claim.')),
    /**
     * The parts and model lines claims may name. A list given here is complete: a term naming
     * another value is refused, and so is a claim. Left out, a field's values are those the terms
     * name. Categories are `categories`; segments and evidence kinds are fixed.
     */
    vocabulary: z.optional(vocabularySchema({ part: 'Every part claims may name.', modelLine: 'Every model line claims may name.' })).check(z.describe('The parts and model lines claims may name; a list given here is complete.')),
  }).check(z.superRefine((policy, ctx) => {
    checkTimeZone(ctx, policy.timeZone, ['timeZone']);
    checkUniqueIds(ctx, [
      [policy.terms, ['terms']],
      [policy.plans, ['plans']],
      [policy.evidence, ['evidence']],
      [policy.remedies, ['remedies']],
      [policy.retention, ['retention']],
    ]);
    checkNamed(
      ctx,
      warrantyNamedValues(policy),
      { category: policy.categories, segment: SEGMENTS, part: policy.vocabulary?.part, modelLine: policy.vocabulary?.modelLine },
      WARRANTY_VOCABULARY_NAMES,
    );
    policy.terms.forEach((term, i) => {
      if (term.shippedFrom && term.shippedBefore && term.shippedFrom >= term.shippedBefore) {
        addIssue(ctx, 'INVALID_RANGE', messages.RANGE_ORDER(term.shippedFrom, term.shippedBefore), ['terms', i, 'shippedBefore']);
      }
    });
    checkReachable(ctx, policy.terms.map((term, i) => ({ id: term.id, condition: termCondition(term), path: ['terms', i] })));
    checkReachable(ctx, (policy.remedies ?? []).map((remedy, i) => ({ id: remedy.id, condition: remedyCondition(remedy), path: ['remedies', i] })));
    policy.plans?.forEach((plan, i) => {
      if (!isCurrency(plan.currency)) addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(plan.currency), ['plans', i, 'currency']);
      else addThrown(ctx, () => money(plan.price, plan.currency), ['plans', i, 'price']);
    });
  }));
}

/**
 * A warranty policy: coverage terms, extended plans, claim evidence, remedies, deadlines and
 * evidence retention.
 *
 * @remarks Since 0.1.0
 */
export const WarrantyPolicySchema = warrantyPolicySchema(calendarOnly(PolicyCalendarSpecSchema, 'warranty policy'));

/**
 * The warranty section of a SupportPolicy document: a {@link WarrantyPolicySchema} whose
 * `calendar` may also be the name of a calendar the document declares in its top-level
 * `calendars` (`"calendar": "desk"`). The document resolves the name; `definePolicy` compiles the
 * section with the calendar it names.
 *
 * @remarks Since 0.2.0
 */
export const WarrantySectionSchema = warrantyPolicySchema(calendarOrName(PolicyCalendarSpecSchema));

/**
 * A warranty policy as JSON data (see {@link WarrantyPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type WarrantyPolicySpec = z.infer<typeof WarrantyPolicySchema>;

type Term = WarrantyPolicySpec['terms'][number];
type Remedy = NonNullable<WarrantyPolicySpec['remedies']>[number];
type Plan = NonNullable<WarrantyPolicySpec['plans']>[number];
type EvidenceRule = NonNullable<WarrantyPolicySpec['evidence']>[number];

/** A term's condition, its ship-date range included (`shippedDay`: the local day number of `shippedAt`). */
export function termCondition(term: Term): Condition {
  const from = term.shippedFrom === undefined ? undefined : parseIsoDate(term.shippedFrom);
  const before = term.shippedBefore === undefined ? undefined : parseIsoDate(term.shippedBefore);
  const shippedDay = from === undefined && before === undefined ? undefined : { ...(from !== undefined ? { gte: from } : {}), ...(before !== undefined ? { lt: before } : {}) };
  return compileCondition({ category: term.category, segment: term.segment, part: term.part, modelLine: term.modelLine, shippedDay }, TERM_FACTS);
}

/** A remedy's condition. */
export function remedyCondition(remedy: Remedy): Condition {
  return compileCondition({ category: remedy.category, segment: remedy.segment, inStock: remedy.inStock }, WARRANTY_REMEDY_FACTS);
}

/** Whom a plan is offered to. */
export function planCondition(plan: Plan): Condition {
  return compileCondition({ category: plan.category, segment: plan.segment }, PLAN_FACTS);
}

/** Which claims an evidence rule asks for evidence. */
export function evidenceCondition(rule: EvidenceRule): Condition {
  return compileCondition({ category: rule.category }, EVIDENCE_FACTS);
}

/** Every value a warranty policy's rules name (categories, segments, parts, model lines), with its path. */
export function warrantyNamedValues(policy: {
  readonly terms: readonly object[];
  readonly plans?: readonly object[] | undefined;
  readonly evidence?: readonly object[] | undefined;
  readonly remedies?: readonly object[] | undefined;
}): Named[] {
  const inline = (list: readonly object[] | undefined, key: string, facts: Readonly<Record<string, 'term' | 'boolean'>>): Named[] =>
    (list ?? []).flatMap((rule, i) => {
      const when: Record<string, unknown> = {};
      for (const field of Object.keys(facts)) if (facts[field] === 'term') when[field] = (rule as Record<string, unknown>)[field];
      return namedValues(when, facts).map((n) => ({ ...n, path: [key, i, ...n.path] }));
    });
  return [
    ...inline(policy.terms, 'terms', WARRANTY_TERM_FACTS),
    ...inline(policy.plans, 'plans', PLAN_FACTS),
    ...inline(policy.evidence, 'evidence', EVIDENCE_FACTS),
    ...inline(policy.remedies, 'remedies', WARRANTY_REMEDY_FACTS),
  ];
}
