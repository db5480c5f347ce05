import { compileCondition, mismatches, type Condition } from '../_lib/condition.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import { messages } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { compileRequest, isRecord, type Fields, type RequestChecker } from '../_lib/request.js';
import { vocabulary, vocabularyOf } from '../_lib/vocabulary.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { InvalidArgumentError, SupportRulesError } from '../errors/index.js';
import { compare, maximum, minimum, money, moneyIn, percentOf, sum, type Money } from '../money/index.js';
import { FEE_FACTS, FEE_VOCABULARY_NAMES, FeeScheduleSchema, PRODUCT_CONDITIONS, RETIRED_DEFECTIVE, feeNamedValues, type FeeRule, type FeeScheduleSpec } from './schema.js';

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
  /** The values requests may give for each field: declared in `vocabulary`, else those the rules name. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<FeeVocabulary>;
}

/**
 * The values a fee schedule knows for each request field.
 *
 * @remarks Since 0.2.0
 */
export interface FeeVocabulary {
  readonly condition: readonly string[];
  readonly category: readonly string[];
  readonly sizeClass: readonly string[];
  readonly service: readonly string[];
}

/** The fields of a fee request, declared once: the request check and the rule conditions use them. */
export const FEE_REQUEST_FIELDS: Fields = {
  price: { type: 'money', hint: 'what was paid for the item, a decimal string such as "129.99"' },
  orderValue: { type: 'money' },
  condition: { type: 'term', vocabulary: 'condition' },
  category: { type: 'term', vocabulary: 'category' },
  sizeClass: { type: 'term', vocabulary: 'sizeClass' },
  service: { type: 'term', vocabulary: 'service' },
  daysSinceDelivery: { type: 'number', min: 0, max: 36_500, unit: 'days' },
  weightKg: { type: 'number', min: 0, max: 1_000_000, unit: 'kg' },
  defective: { type: 'boolean' },
  warranty: { type: 'boolean' },
  repairPerformed: { type: 'boolean' },
  sameDay: { type: 'boolean' },
  expedited: { type: 'boolean' },
};

interface CompiledRule {
  readonly rule: FeeRule;
  readonly when: Condition;
  readonly waiveWhen: Condition | undefined;
}

interface Compiled {
  readonly spec: FeeScheduleSpec;
  readonly rules: readonly CompiledRule[];
  readonly check: RequestChecker;
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
  /** The packaging state: `unopened`, `opened`, `used` or `damaged-by-customer`. */
  readonly condition?: (typeof PRODUCT_CONDITIONS)[number];
  /**
   * The item is faulty, whatever its packaging state ("opened but defective" is
   * `condition: 'opened', defective: true`). Left out, it is not defective: a rule testing
   * `defective: false` ("non-defective returns") matches.
   *
   * @defaultValue false
   * @remarks Since 0.2.0
   */
  readonly defective?: boolean;
  readonly category?: string;
  readonly sizeClass?: string;
  readonly service?: string;
  readonly daysSinceDelivery?: number;
  readonly weightKg?: number;
  /** The item is replaced or repaired under warranty (free warranty shipping, say). @defaultValue false */
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

/** The vocabularies of a schedule: declared lists, else the values its rules name. */
function vocabularyOfSchedule(spec: FeeScheduleSpec): FeeVocabulary {
  const named = feeNamedValues(spec);
  return {
    condition: PRODUCT_CONDITIONS,
    category: vocabularyOf(spec.vocabulary?.category, named, 'category'),
    sizeClass: vocabularyOf(spec.vocabulary?.sizeClass, named, 'sizeClass'),
    service: vocabularyOf(spec.vocabulary?.service, named, 'service'),
  };
}

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
 *     when: { defective: false, daysSinceDelivery: { gt: 30 } } }],
 * });
 * fees.currency; //=> 'USD'
 * ```
 * @remarks Since 0.1.0
 */
export function defineFeeSchedule(spec: FeeScheduleSpec): FeeSchedule {
  const valid = parseFrozen(FeeScheduleSchema, spec, (issues) => new FeeScheduleError(issues));
  const vocab = vocabularyOfSchedule(valid);
  const vocabularies = Object.fromEntries(Object.entries(vocab).map(([field, values]) => [field, vocabulary(FEE_VOCABULARY_NAMES[field as keyof FeeVocabulary], values)]));
  const compiled: Compiled = {
    spec: valid,
    rules: valid.rules.map((rule) => ({ rule, when: compileCondition(rule.when, FEE_FACTS), waiveWhen: rule.waiveWhen ? compileCondition(rule.waiveWhen, FEE_FACTS) : undefined })),
    check: compileRequest('a fee request', FEE_REQUEST_FIELDS, {
      vocabularies,
      money: (value, path) => moneyIn(value as string, valid.currency, path, { nonNegative: true }),
    }),
  };
  return seal(COMPILED, { id: valid.id, currency: valid.currency, spec: valid, vocabulary: Object.freeze(vocab) }, compiled);
}

function compiledOf(schedule: FeeSchedule): Compiled {
  return unseal<Compiled>(COMPILED, schedule, (issues) => new FeeScheduleError(issues), {
    code: 'INVALID_FEE_SCHEDULE',
    path: [],
    message: messages.INVALID_FEE_SCHEDULE(),
  });
}

/** A request after checking: amounts as Money. */
type Facts = Omit<FeeRequest, 'price' | 'orderValue'> & { readonly price?: Money; readonly orderValue?: Money };


/**
 * Runs a request check, and where it refused `condition: "defective"` says how to write it now
 * (`defective: true` beside the packaging state) instead of only listing the conditions.
 */
function checkWithDefectiveHint(check: RequestChecker, request: unknown): Record<string, unknown> {
  try {
    return check(request);
  } catch (error) {
    if (!(error instanceof InvalidArgumentError) || !isRecord(request) || request.condition !== RETIRED_DEFECTIVE) throw error;
    const issues = error.issues.map((issue) =>
      issue.path.length === 1 && issue.path[0] === 'condition' ? { code: issue.code, path: issue.path, message: messages.DEFECTIVE_IS_A_FACT_REQUEST(), allowed: PRODUCT_CONDITIONS } : issue,
    );
    throw new InvalidArgumentError(issues, error.details as Record<string, unknown>);
  }
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
 *   request lacks (a percentage of a missing price, a weight band without a weight), bad amounts,
 *   or `UNKNOWN_IN_POLICY` for `condition: 'defective'` (give `defective: true` instead).
 * @example
 * ```ts
 * const quote = quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 41 });
 * quote.total;                  //=> { amount: '19.50', currency: 'USD' }
 * quote.reasons[0]?.code;       //=> 'FEE_APPLIED'
 * quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 30 }).total.amount; //=> '0.00'
 * quoteFees(fees, { price: '129.99', condition: 'opened', defective: true, daysSinceDelivery: 41 }).total.amount; //=> '0.00'
 * ```
 * @remarks Since 0.1.0; the `defective` fact since 0.2.0.
 */
export function quoteFees(schedule: FeeSchedule, request: FeeRequest): FeeQuote {
  const c = compiledOf(schedule);
  const { spec } = c;
  const { currency } = spec;
  const rounding = spec.rounding ?? 'half-up';
  const facts = checkWithDefectiveHint(c.check, request) as Facts;
  const price = facts.price;
  const orderValue = facts.orderValue;
  const reasons: Reason[] = [];
  const lines: FeeLine[] = [];
  const charged = new Map<string, Money>(); // rule id -> amount, for percentages of other fees
  for (const { rule, when, waiveWhen } of c.rules) {
    const policy = (spec.hitPolicy && Object.hasOwn(spec.hitPolicy, rule.kind) ? spec.hitPolicy[rule.kind] : undefined) ?? 'first';
    const failed = mismatches(when, facts);
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
    const line = computeLine(rule, waiveWhen, currency, rounding, price, orderValue, facts, charged, reasons);
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
  waiveWhen: Condition | undefined,
  currency: string,
  rounding: NonNullable<FeeScheduleSpec['rounding']>,
  price: Money | undefined,
  orderValue: Money | undefined,
  request: Facts,
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
  const waived = waiveWhen !== undefined && mismatches(waiveWhen, request).length === 0;
  const charged0 = waived ? money('0', currency) : amount;
  reasons.push(
    waived
      ? { code: 'FEE_WAIVED', rule: rule.id, facts: { kind: rule.kind, amount: amount.amount, fields: Object.keys(rule.waiveWhen ?? {}) }, message: `${rule.id} (${amount.amount} ${currency}) is waived.` }
      : { code: 'FEE_APPLIED', rule: rule.id, facts: { kind: rule.kind, amount: amount.amount, basis: basis.type }, message: `${rule.id}: ${amount.amount} ${currency} ${rule.kind} fee.` },
  );
  return { rule: rule.id, kind: rule.kind, description: rule.description ?? null, amount: charged0, waived, basis };
}
