import { z } from 'zod';
import { messages } from '../_lib/messages.js';
import type { SupportRulesError } from '../errors/index.js';
import { addIssue } from '../_lib/zod-issues.js';
import { isCurrency, money } from '../money/index.js';

const id = z.string().min(1);
const names = z.array(z.string().min(1)).min(1);
const amountText = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal amount such as "7.00"');

/** Product conditions a return can be in. */
export const PRODUCT_CONDITIONS = ['unopened', 'opened', 'used', 'damaged-by-customer', 'defective'] as const;

function checkRange(r: { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string }, ctx: z.RefinementCtx): void {
  const low = r.gt ?? r.gte;
  const high = r.lt ?? r.lte;
  if (r.gt !== undefined && r.gte !== undefined) addIssue(ctx, 'INVALID_RANGE', 'Give "gt" or "gte", not both.');
  if (r.lt !== undefined && r.lte !== undefined) addIssue(ctx, 'INVALID_RANGE', 'Give "lt" or "lte", not both.');
  const inclusive = r.gte !== undefined && r.lte !== undefined;
  if (low !== undefined && high !== undefined && (Number(low) > Number(high) || (Number(low) === Number(high) && !inclusive))) {
    addIssue(ctx, 'INVALID_RANGE', messages.RANGE_ORDER(String(low), String(high)));
  }
}

const count = z.number().nonnegative();
const numberRange = z
  .strictObject({ gt: count.optional(), gte: count.optional(), lt: count.optional(), lte: count.optional() })
  .superRefine(checkRange);
const amountRange = z
  .strictObject({ gt: amountText.optional(), gte: amountText.optional(), lt: amountText.optional(), lte: amountText.optional() })
  .superRefine(checkRange);

/**
 * Facts a fee rule can require. Every listed field must match; lists match any of their values;
 * ranges compare with `gt`/`gte`/`lt`/`lte` (so "after day 30" is `{ gt: 30 }`).
 *
 * @remarks Since 0.1.0
 */
export const FeeConditionSchema = z.strictObject({
  condition: z.array(z.enum(PRODUCT_CONDITIONS)).min(1).optional(),
  category: names.optional(),
  sizeClass: names.optional(),
  /** What is being done: `return`, `exchange`, `repair`, `replacement`, `visit`, … */
  service: names.optional(),
  daysSinceDelivery: numberRange.optional(),
  weightKg: numberRange.optional(),
  /** Compared in the schedule's currency, as decimal strings. */
  orderValue: amountRange.optional(),
  warranty: z.boolean().optional(),
  repairPerformed: z.boolean().optional(),
  sameDay: z.boolean().optional(),
  expedited: z.boolean().optional(),
});

/**
 * One row of a fee schedule: when it applies and how much it charges.
 *
 * @remarks Since 0.1.0
 */
export const FeeRuleSchema = z
  .strictObject({
    id,
    /** `restocking`, `handling`, `shipping`, `expedited`, `label`, `diagnostic`, `visit`, `premium`, … */
    kind: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kind such as "restocking"'),
    description: z.string().optional(),
    when: FeeConditionSchema.optional(),
    /** A fixed amount, e.g. `"7.00"`. */
    flat: amountText.optional(),
    /** A percentage of `of`, e.g. `15`. */
    percent: z.number().min(0).max(1000).optional(),
    /** What the percentage is of: the item `price`, the `orderValue`, or an earlier fee `fee:<id>`. @defaultValue 'price' */
    of: z.union([z.enum(['price', 'orderValue']), z.string().regex(/^fee:.+$/)]).optional(),
    /** Amount by weight: the first band whose `upToKg` is at least the weight; the last may omit it. */
    bands: z.array(z.strictObject({ upToKg: z.number().positive().optional(), amount: amountText })).min(1).optional(),
    /** No charge (e.g. shipping for warranty replacements), recorded with its reason. */
    free: z.literal(true).optional(),
    /** Floor and cap for a percentage fee. */
    min: amountText.optional(),
    max: amountText.optional(),
    /** The fee is waived when these facts hold (a diagnostic fee when the repair is performed). */
    waiveWhen: FeeConditionSchema.optional(),
  })
  .superRefine((rule, ctx) => {
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
  });

/**
 * A fee schedule: its currency, how rules of one kind combine, and the rules in order.
 *
 * @remarks Since 0.1.0
 */
export const FeeScheduleSchema = z
  .strictObject({
    id,
    currency: z.string(),
    /** @defaultValue 'half-up' */
    rounding: z.enum(['half-up', 'half-even', 'half-down', 'up', 'down', 'ceil', 'floor']).optional(),
    /**
     * Per kind: `first` (the first matching rule charges; default), `collect` (every matching rule
     * charges) or `max` (only the largest matching fee charges).
     */
    hitPolicy: z.record(z.string(), z.enum(['first', 'collect', 'max'])).optional(),
    rules: z.array(FeeRuleSchema),
  })
  .superRefine((schedule, ctx) => {
    if (!isCurrency(schedule.currency)) addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(schedule.currency), ['currency']);
    const seen = new Set<string>();
    schedule.rules.forEach((rule, r) => {
      if (seen.has(rule.id)) addIssue(ctx, 'DUPLICATE_ID', messages.DUPLICATE_ID(rule.id, 'an earlier rule'), ['rules', r, 'id']);
      if (rule.of?.startsWith('fee:') && !seen.has(rule.of.slice(4))) addIssue(ctx, 'FEE_BASE_UNKNOWN', messages.FEE_BASE_UNKNOWN(rule.of), ['rules', r, 'of']);
      seen.add(rule.id);
      if (!isCurrency(schedule.currency)) return;
      // Every written amount must fit the currency (no 7.005 USD).
      const amounts: [string | undefined, (string | number)[]][] = [
        [rule.flat, ['flat']],
        [rule.min, ['min']],
        [rule.max, ['max']],
        [rule.when?.orderValue?.gt, ['when', 'orderValue', 'gt']],
        [rule.when?.orderValue?.gte, ['when', 'orderValue', 'gte']],
        [rule.when?.orderValue?.lt, ['when', 'orderValue', 'lt']],
        [rule.when?.orderValue?.lte, ['when', 'orderValue', 'lte']],
        ...(rule.bands ?? []).map((band, b): [string, (string | number)[]] => [band.amount, ['bands', b, 'amount']]),
      ];
      for (const [amount, path] of amounts) {
        if (amount === undefined) continue;
        try {
          money(amount, schedule.currency);
        } catch (error) {
          addIssue(ctx, (error as SupportRulesError).code, (error as Error).message.replace(/^at amount: /, ''), ['rules', r, ...path]);
        }
      }
    });
  });

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
