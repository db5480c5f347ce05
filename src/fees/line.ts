// One fee line: what a matching rule charges (flat, free, by weight band, or a percentage with its
// floor and cap), whether a waiver holds, and the reasons that say so.

import { mismatches, type Condition } from '../_lib/condition.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { InvalidArgumentError } from '../errors/index.js';
import { compare, maximum, minimum, money, percentOf, type Money } from '../money/index.js';
import type { FeeRule, FeeScheduleSpec } from './schema.js';

/**
 * One charged (or waived) fee with what it was computed from.
 *
 * @remarks Since 0.1.0
 */
export interface FeeLine {
  readonly rule: string;
  readonly kind: string;
  readonly description: string | null;
  readonly amount: Money;
  readonly waived: boolean;
  /** `flat`, `free`, `band` or `percent`, with the base amount for a percentage. */
  readonly basis: { readonly type: 'flat' | 'free' | 'band' | 'percent'; readonly percent?: number; readonly of?: string; readonly base?: Money };
}

/** The checked facts a line is computed from (amounts as Money); the waiver tests the rest. */
export interface LineFacts {
  readonly price?: Money;
  readonly orderValue?: Money;
  readonly weightKg?: number;
}

function missing(fact: string, rule: string): never {
  throw new InvalidArgumentError([{ code: 'MISSING_FACT', path: [fact], message: messages.MISSING_FACT(fact, rule) }]);
}

/**
 * The line a matching rule charges, with its FEE_APPLIED or FEE_WAIVED reason (and FEE_FLOORED /
 * FEE_CAPPED for a percentage held at its limits).
 *
 * @throws InvalidArgumentError `MISSING_FACT` for a percentage of a price or order value the
 *   request lacks, or a band rule without a weight; `INVALID_FACT` for a weight above a closed
 *   last band.
 */
export function computeLine(
  rule: FeeRule,
  waiveWhen: Condition | undefined,
  currency: string,
  rounding: NonNullable<FeeScheduleSpec['rounding']>,
  facts: LineFacts,
  charged: ReadonlyMap<string, Money>,
  reasons: Reason[],
): FeeLine {
  let amount: Money;
  let basis: FeeLine['basis'];
  if (rule.free) {
    amount = money('0', currency);
    basis = { type: 'free' };
  } else if (rule.flat !== undefined) {
    amount = money(rule.flat, currency);
    basis = { type: 'flat' };
  } else if (rule.bands) {
    const weight = facts.weightKg ?? missing('weightKg', rule.id);
    const band = rule.bands.find((b) => b.upToKg === undefined || weight <= b.upToKg);
    if (!band) {
      throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: ['weightKg'], message: messages.INVALID_FACT('weightKg', `(${weight} kg) is above the last band of ${rule.id}`) }]);
    }
    amount = money(band.amount, currency);
    basis = { type: 'band', of: band.upToKg === undefined ? 'above' : `up to ${band.upToKg} kg` };
  } else {
    const of = rule.of ?? 'price';
    const base = of === 'price' ? facts.price ?? missing('price', rule.id) : of === 'orderValue' ? facts.orderValue ?? missing('orderValue', rule.id) : charged.get(of.slice(4)) ?? money('0', currency);
    amount = percentOf(base, rule.percent as number, rounding);
    basis = { type: 'percent', percent: rule.percent as number, of, base };
    if (rule.min !== undefined && compare(amount, money(rule.min, currency)) < 0) {
      amount = maximum(amount, money(rule.min, currency));
      reasons.push({ code: 'FEE_FLOORED', rule: rule.id, facts: { min: rule.min }, message: `${rule.id} is raised to its minimum ${rule.min} ${currency}.` });
    }
    if (rule.max !== undefined && compare(amount, money(rule.max, currency)) > 0) {
      amount = minimum(amount, money(rule.max, currency));
      reasons.push({ code: 'FEE_CAPPED', rule: rule.id, facts: { max: rule.max }, message: `${rule.id} is capped at ${rule.max} ${currency}.` });
    }
  }
  const waived = waiveWhen !== undefined && mismatches(waiveWhen, facts).length === 0;
  reasons.push(
    waived
      ? { code: 'FEE_WAIVED', rule: rule.id, facts: { kind: rule.kind, amount: amount.amount, fields: Object.keys(rule.waiveWhen ?? {}) }, message: `${rule.id} (${amount.amount} ${currency}) is waived.` }
      : { code: 'FEE_APPLIED', rule: rule.id, facts: { kind: rule.kind, amount: amount.amount, basis: basis.type }, message: `${rule.id}: ${amount.amount} ${currency} ${rule.kind} fee.` },
  );
  return { rule: rule.id, kind: rule.kind, description: rule.description ?? null, amount: waived ? money('0', currency) : amount, waived, basis };
}

/**
 * What a charging rule charges, in words, before it is computed: `7.00 USD`, `15 % of the price`,
 * `25.00 to 45.00 USD by weight`.
 */
export function chargeText(rule: FeeRule, currency: string): string {
  if (rule.flat !== undefined) return `${money(rule.flat, currency).amount} ${currency}`;
  if (rule.bands) {
    const amounts = rule.bands.map((band) => money(band.amount, currency));
    const low = amounts.reduce((a, b) => minimum(a, b));
    const high = amounts.reduce((a, b) => maximum(a, b));
    return compare(low, high) === 0 ? `${low.amount} ${currency} by weight` : `${low.amount} to ${high.amount} ${currency} by weight`;
  }
  const of = rule.of ?? 'price';
  return `${String(rule.percent)} % of ${of === 'price' ? 'the price' : of === 'orderValue' ? 'the order value' : `the ${of.slice(4)} fee`}`;
}
