import { brand, seal, unseal } from '../_lib/compiled.js';
import { messages } from '../_lib/messages.js';
import { inBounds } from '../_lib/range.js';
import type { Reason } from '../_lib/reason.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { InvalidArgumentError, SupportRulesError } from '../errors/index.js';
import { compare, maximum, minimum, money, moneyIn, percentOf, sum, type Money } from '../money/index.js';
import { FeeScheduleSchema, type FeeCondition, type FeeRule, type FeeScheduleSpec, type PRODUCT_CONDITIONS } from './schema.js';

/**
 * A fee schedule failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class FeeScheduleError extends SupportRulesError {
  static override readonly kind: string = 'FeeScheduleError';
}

/**
 * A validated fee schedule. Create it once with {@link defineFeeSchedule}; frozen.
 *
 * @remarks Since 0.1.0
 */
export interface FeeSchedule {
  readonly id: string;
  readonly currency: string;
  readonly spec: Readonly<FeeScheduleSpec>;
}

/**
 * The facts of one return, exchange, repair or visit that fee rules look at. Amounts are in the
 * schedule's currency (a Money or a decimal string).
 *
 * @remarks Since 0.1.0
 */
export interface FeeRequest {
  readonly price?: Money | string;
  readonly orderValue?: Money | string;
  readonly condition?: (typeof PRODUCT_CONDITIONS)[number];
  readonly category?: string;
  readonly sizeClass?: string;
  readonly service?: string;
  readonly daysSinceDelivery?: number;
  readonly weightKg?: number;
  readonly warranty?: boolean;
  readonly repairPerformed?: boolean;
  readonly sameDay?: boolean;
  readonly expedited?: boolean;
}

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

/**
 * The fees a request incurs: each line, the total, and a reason for every rule considered.
 *
 * @remarks Since 0.1.0
 */
export interface FeeQuote {
  readonly schedule: string;
  readonly fees: readonly FeeLine[];
  readonly total: Money;
  readonly reasons: readonly Reason[];
}

const COMPILED = brand('fees');

/**
 * Validates a fee schedule (amounts must fit its currency, percentages of other fees must refer to
 * earlier rules, weight bands must rise).
 *
 * @param spec - The schedule as JSON data.
 * @returns A frozen {@link FeeSchedule}.
 * @throws {@link FeeScheduleError} listing every problem.
 * @example
 * ```ts
 * const fees = defineFeeSchedule({
 *   id: 'pelpro', currency: 'USD',
 *   rules: [{ id: 'restock-after-30', kind: 'restocking', percent: 15,
 *     when: { condition: ['unopened', 'opened', 'used'], daysSinceDelivery: { gt: 30 } } }],
 * });
 * fees.currency; //=> 'USD'
 * ```
 * @remarks Since 0.1.0
 */
export function defineFeeSchedule(spec: FeeScheduleSpec): FeeSchedule {
  const valid = parseFrozen(FeeScheduleSchema, spec, (issues) => new FeeScheduleError(issues));
  return seal(COMPILED, { id: valid.id, currency: valid.currency, spec: valid }, valid);
}

function specOf(schedule: FeeSchedule): FeeScheduleSpec {
  return unseal<FeeScheduleSpec>(COMPILED, schedule, (issues) => new FeeScheduleError(issues), {
    code: 'INVALID_FEE_SCHEDULE',
    path: [],
    message: messages.INVALID_FEE_SCHEDULE(),
  });
}

interface Failed {
  readonly field: string;
  readonly expected: string;
  readonly actual: string | number | boolean | null;
}


function describeRange(r: { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string }): string {
  return [r.gt !== undefined && `> ${r.gt}`, r.gte !== undefined && `>= ${r.gte}`, r.lt !== undefined && `< ${r.lt}`, r.lte !== undefined && `<= ${r.lte}`]
    .filter(Boolean)
    .join(' and ');
}

/** Every field of a condition the request fails (a missing fact fails). */
function failedFacts(condition: FeeCondition | undefined, request: FeeRequest, orderValue: Money | undefined): Failed[] {
  if (!condition) return [];
  const out: Failed[] = [];
  for (const field of ['condition', 'category', 'sizeClass', 'service'] as const) {
    const wanted = condition[field] as readonly string[] | undefined;
    const actual = request[field];
    if (wanted && (actual === undefined || !wanted.includes(actual))) out.push({ field, expected: wanted.join(' or '), actual: actual ?? null });
  }
  for (const field of ['daysSinceDelivery', 'weightKg'] as const) {
    const wanted = condition[field];
    const actual = request[field];
    if (wanted && (actual === undefined || !inBounds(actual, wanted))) out.push({ field, expected: describeRange(wanted), actual: actual ?? null });
  }
  if (condition.orderValue && (orderValue === undefined || !inBounds(Number(orderValue.amount), condition.orderValue))) {
    out.push({ field: 'orderValue', expected: describeRange(condition.orderValue), actual: orderValue?.amount ?? null });
  }
  for (const field of ['warranty', 'repairPerformed', 'sameDay', 'expedited'] as const) {
    const wanted = condition[field];
    if (wanted !== undefined && (request[field] ?? false) !== wanted) out.push({ field, expected: String(wanted), actual: request[field] ?? false });
  }
  return out;
}


function missing(fact: string, rule: string): never {
  throw new InvalidArgumentError([{ code: 'MISSING_FACT', path: [fact], message: messages.MISSING_FACT(fact, rule) }]);
}

/**
 * Quotes the fees a request incurs under a schedule. Rules are evaluated in order and every one is
 * explained; within a kind the schedule's hit policy decides (`first` by default, `collect` or
 * `max`). Percentages round once to the currency's minor unit with the schedule's rounding.
 *
 * @param schedule - From {@link defineFeeSchedule}.
 * @param request - The facts (price, condition, days since delivery, weight, …).
 * @returns The fee lines, their total and the reasons.
 * @throws {@link InvalidArgumentError} `MISSING_FACT` when a matching rule needs a fact the
 *   request lacks (a percentage of a missing price, a weight band without a weight), or bad amounts.
 * @example
 * ```ts
 * const quote = quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 41 });
 * quote.total;                  //=> { amount: '19.50', currency: 'USD' }
 * quote.reasons[0]?.code;       //=> 'FEE_APPLIED'
 * quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 30 }).total.amount; //=> '0.00'
 * ```
 * @remarks Since 0.1.0
 */
export function quoteFees(schedule: FeeSchedule, request: FeeRequest): FeeQuote {
  const spec = specOf(schedule);
  const { currency } = spec;
  const rounding = spec.rounding ?? 'half-up';
  const price = request.price === undefined ? undefined : moneyIn(request.price, currency, 'price', { nonNegative: true });
  const orderValue = request.orderValue === undefined ? undefined : moneyIn(request.orderValue, currency, 'orderValue', { nonNegative: true });
  for (const fact of ['daysSinceDelivery', 'weightKg'] as const) {
    const value = request[fact];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: [fact], message: messages.INVALID_FACT(fact, 'must be a finite number, 0 or more') }]);
    }
  }
  const reasons: Reason[] = [];
  const lines: FeeLine[] = [];
  const charged = new Map<string, Money>(); // rule id -> amount, for percentages of other fees
  for (const rule of spec.rules) {
    const policy = spec.hitPolicy?.[rule.kind] ?? 'first';
    const failed = failedFacts(rule.when, request, orderValue);
    const first = failed[0];
    if (first) {
      reasons.push({
        code: 'FEE_NOT_APPLICABLE',
        rule: rule.id,
        facts: { kind: rule.kind, field: first.field, expected: first.expected, actual: first.actual, fields: failed.map((f) => f.field) },
        message: `${rule.id} does not apply: ${first.field} is ${first.actual ?? 'unknown'}, needs ${first.expected}.`,
      });
      continue;
    }
    const earlier = lines.find((line) => line.kind === rule.kind);
    if (earlier && policy === 'first') {
      reasons.push({ code: 'FEE_SHADOWED', rule: rule.id, facts: { kind: rule.kind, winner: earlier.rule }, message: `${rule.id} also applies, but ${earlier.rule} already sets the ${rule.kind} fee.` });
      continue;
    }
    const line = computeLine(rule, currency, rounding, price, orderValue, request, charged, reasons);
    if (earlier && policy === 'max') {
      if (compare(line.amount, earlier.amount) > 0) {
        lines.splice(lines.indexOf(earlier), 1);
        reasons.push({ code: 'FEE_NOT_MAX', rule: earlier.rule, facts: { kind: rule.kind, winner: rule.id }, message: `${earlier.rule} is replaced by the larger ${rule.id}.` });
      } else {
        reasons.push({ code: 'FEE_NOT_MAX', rule: rule.id, facts: { kind: rule.kind, winner: earlier.rule }, message: `${rule.id} is not larger than ${earlier.rule}.` });
        continue;
      }
    }
    charged.set(rule.id, line.amount);
    lines.push(line);
  }
  return { schedule: spec.id, fees: lines, total: sum(lines.map((line) => line.amount), currency), reasons };
}

function computeLine(
  rule: FeeRule,
  currency: string,
  rounding: NonNullable<FeeScheduleSpec['rounding']>,
  price: Money | undefined,
  orderValue: Money | undefined,
  request: FeeRequest,
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
    const weight = request.weightKg ?? missing('weightKg', rule.id);
    const band = rule.bands.find((b) => b.upToKg === undefined || weight <= b.upToKg);
    if (!band) {
      throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: ['weightKg'], message: messages.INVALID_FACT('weightKg', `(${weight} kg) is above the last band of ${rule.id}`) }]);
    }
    amount = money(band.amount, currency);
    basis = { type: 'band', of: band.upToKg === undefined ? 'above' : `up to ${band.upToKg} kg` };
  } else {
    const of = rule.of ?? 'price';
    const base = of === 'price' ? price ?? missing('price', rule.id) : of === 'orderValue' ? orderValue ?? missing('orderValue', rule.id) : charged.get(of.slice(4)) ?? money('0', currency);
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
  const waiveFailed = rule.waiveWhen ? failedFacts(rule.waiveWhen, request, orderValue) : [{ field: '', expected: '', actual: null }];
  const waived = waiveFailed.length === 0;
  const charged0 = waived ? money('0', currency) : amount;
  reasons.push(
    waived
      ? { code: 'FEE_WAIVED', rule: rule.id, facts: { kind: rule.kind, amount: amount.amount, fields: Object.keys(rule.waiveWhen ?? {}) }, message: `${rule.id} (${amount.amount} ${currency}) is waived.` }
      : { code: 'FEE_APPLIED', rule: rule.id, facts: { kind: rule.kind, amount: amount.amount, basis: basis.type }, message: `${rule.id}: ${amount.amount} ${currency} ${rule.kind} fee.` },
  );
  return { rule: rule.id, kind: rule.kind, description: rule.description ?? null, amount: charged0, waived, basis };
}
