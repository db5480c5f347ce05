import * as z from 'zod/mini';
import { amountText } from '../_lib/amount-text.js';
import { amountsNamed, compileCondition, conditionShape, namedValues } from '../_lib/condition.js';
import { RETIRED_DEFECTIVE } from '../_lib/defective.js';
import { checkReachable } from '../_lib/subsumption.js';
import * as messages from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import { currencyMeta } from '../_lib/patterns.js';
import { checkNamed, vocabularySchema, type Named } from '../_lib/vocabulary.js';
import { addIssue, addThrown } from '../_lib/zod-issues.js';
import { isCurrency, money } from '../money/index.js';

const id = z.string().check(z.minLength(1));

/**
 * The packaging states a returned item can be in. Whether it is faulty is a separate fact,
 * `defective` (so "opened but defective" is `condition: 'opened', defective: true`); `defective`
 * is not a condition.
 *
 * @remarks Since 0.1.0; `defective` left the list in 0.2.0 (it is the boolean fact `defective`).
 */
export const PRODUCT_CONDITIONS = ['unopened', 'opened', 'used', 'damaged-by-customer'] as const;

/**
 * The facts a fee rule can test, by type (see the condition language in docs/fees.md): the
 * packaging `condition`, `category`, `sizeClass` and `service` (`return`, `exchange`, `repair`,
 * …), ranges over `daysSinceDelivery`, `weightKg` and `orderValue`, and yes/no facts: `defective`
 * (the item is faulty; left out, it is not), `warranty`, `repairPerformed`, `sameDay`,
 * `expedited`.
 *
 * @remarks Since 0.2.0
 */
export const FEE_FACTS = {
  condition: 'term',
  category: 'term',
  sizeClass: 'term',
  service: 'term',
  daysSinceDelivery: 'number',
  weightKg: 'number',
  orderValue: 'money',
  defective: 'boolean',
  warranty: 'boolean',
  repairPerformed: 'boolean',
  sameDay: 'boolean',
  expedited: 'boolean',
} as const;

/**
 * Facts a fee rule can require. Every listed field must match; a list matches any of its values,
 * `{ not: [...] }` none of them; ranges compare with `gt`/`gte`/`lt`/`lte` (so "after day 30" is
 * `{ gt: 30 }`); `{ present: false }` matches a fact the request leaves out.
 *
 * @remarks Since 0.1.0
 */
export const FeeConditionSchema = z.strictObject(
  conditionShape(FEE_FACTS, {
    condition: 'The packaging state: unopened, opened, used or damaged-by-customer (one, a list, { not } or { present }).',
    category: 'The item\'s category: a name, a list (any of them), { not } or { present }.',
    sizeClass: 'The item\'s size class: a name, a list (any of them), { not } or { present }.',
    service: 'The service: return, exchange, repair, … (one, a list, { not } or { present }).',
    daysSinceDelivery: 'Days since delivery, as a range: { gt: 30 } is after day 30.',
    weightKg: 'The item\'s weight in kg, as a range.',
    orderValue: 'The order value as a range of decimal strings: { gte: "100.00" }.',
    defective: 'true: the item is faulty; false: it is not (left out of the request, it is not).',
    warranty: 'true: under warranty; false: not.',
    repairPerformed: 'true: the repair was performed; false: not.',
    sameDay: 'true: same-day service; false: not.',
    expedited: 'true: expedited; false: not.',
  }),
);

/**
 * The facts an order-level fee rule (`per: 'order'`) can test: the order's value and the service
 * of the return (`return` when it refunds any item).
 *
 * @remarks Since 0.2.0
 */
export const ORDER_FEE_FACTS = ['orderValue', 'service'] as const;

/** What a message calls each vocabulary of a fee schedule. */
export const FEE_VOCABULARY_NAMES = { condition: 'condition', category: 'category', sizeClass: 'size class', service: 'service' } as const;

/**
 * One row of a fee schedule: when it applies and how much it charges.
 *
 * @remarks Since 0.1.0
 */
export const FeeRuleSchema = z.strictObject({
  id: id.check(z.describe('Stable id, unique in the schedule, quoted in every fee line and reason.')),
  /** `restocking`, `handling`, `shipping`, `expedited`, `label`, `diagnostic`, `visit`, `premium`, … */
  kind: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'a kind such as "restocking"'), z.meta({ description: 'The kind of fee; rules of one kind combine by the schedule\'s hitPolicy.', examples: ['restocking', 'handling', 'shipping', 'diagnostic'] })),
  description: z.optional(z.string()).check(z.describe('What the fee is for, for people.')),
  when: z.optional(FeeConditionSchema).check(z.describe('The facts the rule requires; left out, it always applies.')),
  /** A fixed amount, e.g. `"7.00"`. */
  flat: z.optional(amountText).check(z.describe('A fixed amount, as a decimal string.')),
  /** A percentage of `of`, e.g. `15`. */
  percent: z.optional(z.number().check(z.gte(0), z.lte(1000))).check(z.describe('A percentage of the base named by of, e.g. 15.')),
  /** What the percentage is of: the item `price`, the `orderValue`, or an earlier fee `fee:<id>`. @defaultValue 'price' */
  of: z.optional(z.union([z.enum(['price', 'orderValue']), z.string().check(z.regex(/^fee:.+$/, '"price", "orderValue" or an earlier fee as "fee:<id>"'))])).check(z.describe('What the percentage is of: price (default), orderValue, or an earlier fee as fee:<id>.')),
  /** Amount by weight: the first band whose `upToKg` is at least the weight; the last may omit it. */
  bands: z.optional(z.array(
      z.strictObject({
        upToKg: z.optional(z.number().check(z.positive())).check(z.describe('The heaviest weight in kg the band covers; the last band may leave it out.')),
        amount: amountText.check(z.describe('The fee for a weight in this band.')),
      }),
    ).check(z.minLength(1))).check(z.describe('Amount by weight: the first band whose upToKg is at least the weight.')),
  /** No charge (e.g. shipping for warranty replacements), recorded with its reason. */
  free: z.optional(z.literal(true)).check(z.describe('No charge, recorded with its reason.')),
  /** Floor and cap for a percentage fee. */
  min: z.optional(amountText).check(z.describe('The least a percentage fee charges.')),
  max: z.optional(amountText).check(z.describe('The most a percentage fee charges.')),
  /** The fee is waived when these facts hold (a diagnostic fee when the repair is performed). */
  waiveWhen: z.optional(FeeConditionSchema).check(z.describe('The fee is waived when these facts hold.')),
  /**
   * What the fee is charged per in a return of several items of one order (`checkOrderReturn`):
   * each returned `item` (default), or once per `order`, with the order's own facts (a return label
   * free for orders over 75.00). An order fee may test only {@link ORDER_FEE_FACTS}, and a
   * percentage of it is of the `orderValue` or of another order fee. A single return (`checkReturn`,
   * `quoteFees`) is an order of its own: it charges every rule.
   *
   * @defaultValue 'item'
   * @remarks Since 0.2.0
   */
  per: z.optional(z.enum(['item', 'order'])).check(z.describe('In an order return: charged per returned item (default) or once per order, with its orderValue and service.')),
}).check(z.superRefine((rule, ctx) => {
  const kinds = [rule.flat, rule.percent, rule.bands, rule.free].filter((value) => value !== undefined).length;
  if (kinds !== 1) addIssue(ctx, 'FEE_AMOUNT_KIND', messages.FEE_AMOUNT_KIND());
  const bands = rule.bands ?? [];
  bands.forEach((band, i) => {
    const previous = bands[i - 1]?.upToKg;
    if ((band.upToKg === undefined && i !== bands.length - 1) || (previous !== undefined && band.upToKg !== undefined && band.upToKg <= previous)) {
      addIssue(ctx, 'BANDS_ORDER', messages.BANDS_ORDER(), ['bands', i]);
    }
  });
  if (rule.min !== undefined && rule.max !== undefined && Number(rule.min) > Number(rule.max)) {
    addIssue(ctx, 'INVALID_RANGE', messages.RANGE_ORDER(rule.min, rule.max), ['max']);
  }
  if (rule.per === 'order') {
    // Priced once for the whole order, the rule can only look at what an order has one of.
    for (const key of ['when', 'waiveWhen'] as const) {
      for (const field of Object.keys(rule[key] ?? {})) {
        if (!(ORDER_FEE_FACTS as readonly string[]).includes(field)) addIssue(ctx, 'CONFLICTING_FIELDS', messages.ORDER_FEE_ITEM_FACT(rule.id, `"${key}" tests "${field}"`), [key, field]);
      }
    }
    if (rule.bands) addIssue(ctx, 'CONFLICTING_FIELDS', messages.ORDER_FEE_ITEM_FACT(rule.id, 'its amount is by weight'), ['bands']);
    if (rule.percent !== undefined && (rule.of ?? 'price') === 'price') addIssue(ctx, 'CONFLICTING_FIELDS', messages.ORDER_FEE_ITEM_FACT(rule.id, 'it is a percentage of the price'), ['of']);
  }
}), z.meta({
  description: 'One row of a fee schedule: when it applies and how much it charges (flat, percent, bands or free).',
  examples: [{ id: 'restock-opened', kind: 'restocking', when: { condition: ['opened', 'used'], daysSinceDelivery: { gt: 30 } }, percent: 15, min: '5.00' }],
}));

/**
 * A fee schedule: its currency, how rules of one kind combine, and the rules in order.
 *
 * @remarks Since 0.1.0
 */
export const FeeScheduleSchema = z.strictObject({
  id: id.check(z.describe('The fee schedule\'s id.')),
  currency: z.string().check(z.meta({ ...currencyMeta, description: 'ISO 4217 currency of every amount in the schedule.' })),
  /** @defaultValue 'half-up' */
  rounding: z.optional(z.enum(['half-up', 'half-even', 'half-down', 'up', 'down', 'ceil', 'floor'])).check(z.describe('How fees are rounded to the currency\'s minor unit (default half-up).')),
  /**
   * Per kind: `first` (the first matching rule charges; default), `collect` (every matching rule
   * charges) or `max` (only the largest matching fee charges).
   */
  hitPolicy: z.optional(z.record(z.string(), z.enum(['first', 'collect', 'max']))).check(z.meta({ description: 'Per fee kind: first matching rule (default), collect every match, or max only.', examples: [{ shipping: 'collect' }] })),
  rules: z.array(FeeRuleSchema).check(z.describe('The fee rules in order.')),
  /**
   * The categories, size classes and services requests may name. A list given here is complete:
   * a rule naming another value is refused, and so is a request. Left out, a field's values are
   * those the rules name. Product conditions are always the four of {@link PRODUCT_CONDITIONS}.
   */
  vocabulary: z.optional(vocabularySchema({
    category: 'Every category requests may name.',
    sizeClass: 'Every size class requests may name.',
    service: 'Every service requests may name.',
  })).check(z.describe('The values requests may name per field; a list given here is complete.')),
}).check(z.superRefine((schedule, ctx) => {
  if (!isCurrency(schedule.currency)) addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(schedule.currency), ['currency']);
  const named = feeNamedValues(schedule);
  // "defective" was a condition before it became its own fact: say how to write it now.
  const retired = (n: Named) => n.field === 'condition' && n.value === RETIRED_DEFECTIVE;
  for (const n of named.filter(retired)) addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.DEFECTIVE_IS_A_FACT_RULE(), [...n.path]);
  checkNamed(ctx, named.filter((n) => !retired(n)), { ...schedule.vocabulary, condition: PRODUCT_CONDITIONS }, FEE_VOCABULARY_NAMES);
  const kinds = [...new Set(schedule.rules.map((rule) => rule.kind))];
  for (const kind of Object.keys(schedule.hitPolicy ?? {})) {
    if (!kinds.includes(kind)) {
      const suggestion = suggest(kind, kinds);
      addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.UNKNOWN_IN_POLICY('fee kind', kind, kinds, suggestion), ['hitPolicy', kind]);
    }
  }
  // A rule of a first-match kind that an earlier rule of the same kind covers never charges.
  for (const kind of kinds) {
    if ((Object.hasOwn(schedule.hitPolicy ?? {}, kind) ? schedule.hitPolicy?.[kind] : 'first') !== 'first') continue;
    const sameKind = schedule.rules.flatMap((rule, r) => (rule.kind === kind ? [{ id: rule.id, condition: compileCondition(rule.when, FEE_FACTS), path: ['rules', r] }] : []));
    checkReachable(ctx, sameKind);
  }
  const seen = new Set<string>();
  // A kind is charged per item or per order, never both, so its hit policy has one meaning.
  const perOfKind = new Map<string, string>();
  const perOf = new Map<string, string>();
  schedule.rules.forEach((rule, r) => {
    if (seen.has(rule.id)) addIssue(ctx, 'DUPLICATE_ID', messages.DUPLICATE_ID(rule.id, 'an earlier rule'), ['rules', r, 'id']);
    if (rule.of?.startsWith('fee:') && !seen.has(rule.of.slice(4))) addIssue(ctx, 'FEE_BASE_UNKNOWN', messages.FEE_BASE_UNKNOWN(rule.of), ['rules', r, 'of']);
    const per = rule.per ?? 'item';
    const basePer = rule.of?.startsWith('fee:') ? perOf.get(rule.of.slice(4)) : undefined;
    if (basePer !== undefined && basePer !== per) addIssue(ctx, 'CONFLICTING_FIELDS', messages.FEE_PER_MIXED(`"${rule.id}" (per ${per}) is a percentage of "${rule.of?.slice(4) ?? ''}" (per ${basePer})`), ['rules', r, 'per']);
    const kindPer = perOfKind.get(rule.kind);
    if (kindPer !== undefined && kindPer !== per) addIssue(ctx, 'CONFLICTING_FIELDS', messages.FEE_PER_MIXED(`"${rule.id}" is a ${rule.kind} fee per ${per}, an earlier ${rule.kind} fee is per ${kindPer}`), ['rules', r, 'per']);
    if (kindPer === undefined) perOfKind.set(rule.kind, per);
    if (!perOf.has(rule.id)) perOf.set(rule.id, per);
    seen.add(rule.id);
    if (!isCurrency(schedule.currency)) return;
    // Every written amount must fit the currency (no 7.005 USD).
    const amounts: [string | undefined, (string | number)[]][] = [
      [rule.flat, ['flat']],
      [rule.min, ['min']],
      [rule.max, ['max']],
      ...(['when', 'waiveWhen'] as const).flatMap((key) => amountsNamed(rule[key], FEE_FACTS).map((a): [string, (string | number)[]] => [a.value, [key, ...a.path]])),
      ...(rule.bands ?? []).map((band, b): [string, (string | number)[]] => [band.amount, ['bands', b, 'amount']]),
    ];
    for (const [amount, path] of amounts) if (amount !== undefined) addThrown(ctx, () => money(amount, schedule.currency), ['rules', r, ...path]);
  });
}));

/** Every value a schedule's rules name, with its path (for vocabularies). */
export function feeNamedValues(schedule: { readonly rules: readonly { readonly when?: object; readonly waiveWhen?: object }[] }, prefix: readonly (string | number)[] = []): Named[] {
  return schedule.rules.flatMap((rule, r) =>
    (['when', 'waiveWhen'] as const).flatMap((key) =>
      namedValues(rule[key] as Record<string, unknown> | undefined, FEE_FACTS).map((n) => ({ ...n, path: [...prefix, 'rules', r, key, ...n.path] })),
    ),
  );
}

/** @remarks Since 0.1.0 */
export type FeeCondition = z.infer<typeof FeeConditionSchema>;
/** @remarks Since 0.1.0 */
export type FeeRule = z.infer<typeof FeeRuleSchema>;
/**
 * A fee schedule as JSON data (see {@link FeeScheduleSchema}).
 *
 * @remarks Since 0.1.0
 */
export type FeeScheduleSpec = z.infer<typeof FeeScheduleSchema>;
