import { dayOfLocal, formatIsoDate, MS_PER_DAY } from '../_lib/civil.js';
import { compileCondition, matches, type Condition } from '../_lib/condition.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import type { Instant } from '../_lib/instant.js';
import { messages } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { compileRequest, type Fields, type RequestChecker } from '../_lib/request.js';
import { vocabulary, vocabularyOf } from '../_lib/vocabulary.js';
import { getZone } from '../_lib/zone.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError } from '../errors/index.js';
import { defineFeeSchedule, PRODUCT_CONDITIONS, quoteFees, type FeeLine, type FeeSchedule } from '../fees/index.js';
import { isNegative, maximum, money, moneyIn, negate, sum, type Money } from '../money/index.js';
import { backOfficeClock } from '../sla/index.js';
import { EVIDENCE, RETURN_FACTS, RETURN_SERVICES, RETURN_VOCABULARY_NAMES, ReturnPolicySchema, returnNamedValues, type ReturnPolicySpec } from './schema.js';

/**
 * A return policy failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class ReturnPolicyError extends SupportRulesError {
  static override readonly kind: string = 'ReturnPolicyError';
}

/**
 * A validated, compiled return policy. Create it once with {@link defineReturnPolicy}.
 *
 * @remarks Since 0.1.0
 */
export interface ReturnPolicy {
  readonly id: string;
  readonly spec: Readonly<ReturnPolicySpec>;
  /**
   * The policy's fee schedule, compiled: return decisions quote through it, and `quoteFees` can
   * price the other services it lists (repairs, visits, expedited replacements).
   *
   * @remarks Since 0.2.0
   */
  readonly fees: FeeSchedule;
  /** The values requests may give for each field. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<ReturnVocabulary>;
}

/**
 * The values a return policy knows for each request field: its categories, the five product
 * conditions, `return` / `exchange`, the fee schedule's size classes, its flags and the evidence
 * kinds.
 *
 * @remarks Since 0.2.0
 */
export interface ReturnVocabulary {
  readonly category: readonly string[];
  readonly condition: readonly string[];
  readonly service: readonly string[];
  readonly sizeClass: readonly string[];
  readonly flag: readonly string[];
  readonly evidence: readonly string[];
}

/** The fields of a return request, declared once for the request check. */
const RETURN_REQUEST_FIELDS: Fields = {
  category: { type: 'term', vocabulary: 'category', required: true, hint: 'the product category' },
  price: { type: 'money', required: true, hint: 'what was paid for the item, a decimal string such as "129.99"' },
  orderValue: { type: 'money' },
  condition: { type: 'term', vocabulary: 'condition', required: true, hint: 'the product condition' },
  service: { type: 'term', vocabulary: 'service' },
  sizeClass: { type: 'term', vocabulary: 'sizeClass' },
  weightKg: { type: 'number', min: 0, max: 1_000_000, unit: 'kg' },
  flags: { type: 'terms', vocabulary: 'flag' },
  evidence: { type: 'terms', vocabulary: 'evidence' },
  purchasedAt: { type: 'instant' },
  deliveredAt: { type: 'instant' },
  lastItemDeliveredAt: { type: 'instant' },
  requestedAt: { type: 'instant', required: true, hint: 'when the customer asked' },
  receivedAt: { type: 'instant' },
};

/** A request after checking: instants as epoch ms, amounts as Money. */
interface Facts {
  readonly category: string;
  readonly price: Money;
  readonly orderValue?: Money;
  readonly condition: string;
  readonly service?: 'return' | 'exchange';
  readonly sizeClass?: string;
  readonly weightKg?: number;
  readonly flags?: readonly string[];
  readonly evidence?: readonly string[];
  readonly purchasedAt?: number;
  readonly deliveredAt?: number;
  readonly lastItemDeliveredAt?: number;
  readonly requestedAt: number;
  readonly receivedAt?: number;
}

interface Compiled {
  readonly spec: ReturnPolicySpec;
  readonly fees: FeeSchedule;
  readonly calendar: Calendar;
  readonly check: RequestChecker;
  readonly windows: readonly { readonly window: ReturnPolicySpec['windows'][number]; readonly when: Condition }[];
  readonly nonReturnable: readonly { readonly rule: NonNullable<ReturnPolicySpec['nonReturnable']>[number]; readonly when: Condition }[];
  readonly evidence: readonly { readonly rule: NonNullable<ReturnPolicySpec['evidence']>[number]; readonly when: Condition }[];
}

const COMPILED = brand('returns');

/**
 * Validates a return policy (categories referenced exist, windows reachable, its fee schedule
 * valid) and compiles its calendar and fees once.
 *
 * @throws {@link ReturnPolicyError} listing every problem.
 * @example
 * ```ts
 * const policy = defineReturnPolicy({
 *   id: 'primos', timeZone: 'America/New_York', categories: ['electronics', 'appliances'],
 *   windows: [{ id: 'standard', days: 30, from: 'delivery' }],
 *   fees: { id: 'primos-fees', currency: 'USD', rules: [] },
 *   refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
 * });
 * policy.id; //=> 'primos'
 * ```
 * @remarks Since 0.1.0
 */
export function defineReturnPolicy(spec: ReturnPolicySpec): ReturnPolicy {
  const valid = parseFrozen(ReturnPolicySchema, spec, (issues) => new ReturnPolicyError(issues));
  // The fee schedule knows the return policy's categories, and return and exchange among its services.
  const services = [...new Set([...RETURN_SERVICES, ...(valid.fees.vocabulary?.service ?? returnNamedValues(valid).filter((n) => n.field === 'service').map((n) => n.value))])];
  const fees = defineFeeSchedule({ ...valid.fees, vocabulary: { ...valid.fees.vocabulary, category: [...valid.categories], service: services } });
  const vocab: ReturnVocabulary = {
    category: valid.categories,
    condition: PRODUCT_CONDITIONS,
    service: RETURN_SERVICES,
    sizeClass: fees.vocabulary.sizeClass,
    flag: vocabularyOf(valid.vocabulary?.flag, returnNamedValues(valid), 'flags'),
    evidence: EVIDENCE,
  };
  const when = <R extends { readonly category?: unknown; readonly flags?: unknown }>(rule: R) => compileCondition({ category: rule.category, flags: rule.flags }, RETURN_FACTS);
  const compiled: Compiled = {
    spec: valid,
    fees,
    calendar: createCalendar(valid.calendar ?? { timeZone: valid.timeZone, alwaysOpen: true }),
    check: compileRequest('a return request', RETURN_REQUEST_FIELDS, {
      vocabularies: Object.fromEntries(Object.entries(vocab).map(([field, values]) => [field, vocabulary(RETURN_VOCABULARY_NAMES[field as keyof ReturnVocabulary], values)])),
      money: (value, path) => moneyIn(value as string, valid.fees.currency, path, { nonNegative: true }),
    }),
    windows: valid.windows.map((window) => ({ window, when: when(window) })),
    nonReturnable: (valid.nonReturnable ?? []).map((rule) => ({ rule, when: when(rule) })),
    evidence: (valid.evidence ?? []).map((rule) => ({ rule, when: when(rule) })),
  };
  return seal(COMPILED, { id: valid.id, spec: valid, fees, vocabulary: Object.freeze(vocab) }, compiled);
}

/**
 * A customer's return (or exchange) request.
 *
 * @remarks Since 0.1.0
 */
export interface ReturnRequest {
  readonly category: string;
  /** What was paid for the item, in the policy's currency. */
  readonly price: Money | string;
  readonly orderValue?: Money | string;
  readonly condition: (typeof PRODUCT_CONDITIONS)[number];
  readonly service?: (typeof RETURN_SERVICES)[number];
  readonly sizeClass?: string;
  readonly weightKg?: number;
  /** e.g. `installed`, `final-sale`. */
  readonly flags?: readonly string[];
  readonly evidence?: readonly (typeof EVIDENCE)[number][];
  readonly purchasedAt?: Instant;
  readonly deliveredAt?: Instant;
  readonly lastItemDeliveredAt?: Instant;
  readonly requestedAt: Instant;
  /** When the returned item reached the warehouse, if it has (starts the refund deadline). */
  readonly receivedAt?: Instant;
}

/**
 * `eligible`, `ineligible`, or `needs-review` (a person decides).
 *
 * @remarks Since 0.1.0
 */
export type ReturnOutcome = 'eligible' | 'ineligible' | 'needs-review';

/**
 * The answer to a return request: the outcome with every reason, the window with its deadline,
 * the refund quote as line items, and the deadlines that follow.
 *
 * @remarks Since 0.1.0
 */
export interface ReturnDecision {
  readonly outcome: ReturnOutcome;
  readonly reasons: readonly Reason[];
  readonly window: {
    readonly id: string;
    readonly from: string;
    readonly days: number;
    /** The last local date of the window, and the instant it ends (exclusive). */
    readonly lastDay: string;
    readonly deadline: Date;
    readonly daysSince: number;
    readonly daysLate: number;
  };
  /** Null when the return is ineligible. */
  readonly quote: {
    readonly lines: readonly { readonly item: string; readonly kind: string; readonly amount: Money }[];
    readonly fees: readonly FeeLine[];
    readonly refund: Money;
    readonly method: string;
  } | null;
  readonly deadlines: { readonly authorizeBy: Date | null; readonly refundBy: Date | null };
}


const FROM_FIELD = { delivery: 'deliveredAt', purchase: 'purchasedAt', lastItemDelivered: 'lastItemDeliveredAt' } as const;

/**
 * Decides a return or exchange request: window (counted between local dates in the store's zone
 * from delivery, purchase or the last item's delivery), non-returnable classes, conditions a
 * person must review, evidence, and the refund quote with every fee as a line item. Every rule is
 * evaluated and every reason kept.
 *
 * @param policy - From {@link defineReturnPolicy}.
 * @param request - The request.
 * @returns The decision (never throws for "not eligible").
 * @throws {@link InvalidArgumentError} `UNKNOWN_CATEGORY`, `MISSING_DATE`, `DATE_AFTER_REQUEST`,
 *   `INVALID_FACT` (negative price), `CURRENCY_MISMATCH`, bad instants.
 * @example
 * ```ts
 * const decision = checkReturn(policy, { category: 'electronics', price: '129.99', condition: 'opened',
 *   deliveredAt: new Date('2026-10-01T15:00:00Z'), requestedAt: new Date('2026-11-05T15:00:00Z') });
 * decision.outcome;          //=> 'ineligible'
 * decision.reasons[0]?.code; //=> 'RETURN_WINDOW_EXPIRED' (facts: lastDay '2026-10-31', daysLate 5)
 * ```
 * @remarks Since 0.1.0
 */
export function checkReturn(policy: ReturnPolicy, request: ReturnRequest): ReturnDecision {
  const c = unseal<Compiled>(COMPILED, policy, (issues) => new ReturnPolicyError(issues), {
    code: 'INVALID_RETURN_POLICY',
    path: [],
    message: messages.INVALID_RETURN_POLICY(),
  });
  const { spec } = c;
  const facts = c.check(request) as unknown as Facts;
  const { requestedAt } = facts;
  for (const field of ['purchasedAt', 'deliveredAt', 'lastItemDeliveredAt'] as const) {
    const at = facts[field];
    if (at !== undefined && at > requestedAt) {
      throw new InvalidArgumentError([{ code: 'DATE_AFTER_REQUEST', path: [field], message: messages.DATE_AFTER_REQUEST(field, new Date(at).toISOString(), new Date(requestedAt).toISOString()) }]);
    }
  }
  const reasons: Reason[] = [];
  let outcome = 'eligible' as ReturnOutcome; // widened on purpose: mark() updates it
  const mark = (next: ReturnOutcome) => {
    if (next === 'ineligible' || (next === 'needs-review' && outcome === 'eligible')) outcome = next;
  };

  // Window: days between local dates in the store's zone.
  // Definition guarantees that every category has a window.
  const window = (c.windows.find((w) => matches(w.when, facts)) as Compiled['windows'][number]).window;
  const field = FROM_FIELD[window.from];
  const fromMs = facts[field];
  if (fromMs === undefined) throw new InvalidArgumentError([{ code: 'MISSING_DATE', path: [field], message: messages.MISSING_DATE(field, window.from) }]);
  const zone = getZone(spec.timeZone);
  const fromDay = dayOfLocal(zone.utcToLocal(fromMs));
  const daysSince = dayOfLocal(zone.utcToLocal(requestedAt)) - fromDay;
  const lastDay = fromDay + window.days;
  const deadline = new Date(zone.localToUtc((lastDay + 1) * MS_PER_DAY));
  const daysLate = Math.max(0, daysSince - window.days);
  const windowFacts = { window: window.id, from: window.from, days: window.days, lastDay: formatIsoDate(lastDay), deadline: deadline.toISOString(), daysSince, daysLate };
  if (daysLate === 0) {
    reasons.push({ code: 'RETURN_WITHIN_WINDOW', rule: window.id, facts: windowFacts, message: `Requested on day ${daysSince} of ${window.days} (last day ${formatIsoDate(lastDay)}).` });
  } else if (window.lateUntilDays !== undefined && daysSince <= window.lateUntilDays) {
    reasons.push({ code: 'RETURN_LATE_ACCEPTED', rule: window.id, facts: { ...windowFacts, lateUntilDays: window.lateUntilDays }, message: `${daysLate} day(s) after the window, accepted up to day ${window.lateUntilDays}; late fees may apply.` });
  } else {
    mark('ineligible');
    reasons.push({ code: 'RETURN_WINDOW_EXPIRED', rule: window.id, facts: windowFacts, message: `The ${window.days}-day window ended on ${formatIsoDate(lastDay)}; requested ${daysLate} day(s) late.` });
  }

  for (const { rule, when } of c.nonReturnable) {
    if (matches(when, facts)) {
      mark('ineligible');
      reasons.push({ code: 'NOT_RETURNABLE', rule: rule.id, facts: { category: facts.category, flags: [...(facts.flags ?? [])] }, message: `${rule.id}: this item cannot be returned.` });
    }
  }
  if (spec.reviewConditions?.includes(facts.condition as (typeof PRODUCT_CONDITIONS)[number])) {
    mark('needs-review');
    reasons.push({ code: 'CONDITION_NEEDS_REVIEW', facts: { condition: facts.condition }, message: `Condition "${facts.condition}" needs a person to inspect it.` });
  }
  for (const { rule, when } of c.evidence) {
    if (!matches(when, facts)) continue;
    const missing = rule.requires.filter((item) => !facts.evidence?.includes(item));
    if (missing.length > 0) {
      mark('ineligible');
      reasons.push({ code: 'EVIDENCE_MISSING', rule: rule.id, facts: { missing }, message: `Missing evidence: ${missing.join(', ')}.` });
    }
  }

  let quote: ReturnDecision['quote'] = null;
  const service = facts.service ?? 'return';
  if (outcome !== 'ineligible') {
    const feeQuote = quoteFees(c.fees, {
      price: facts.price,
      ...(facts.orderValue ? { orderValue: facts.orderValue } : {}),
      condition: facts.condition as (typeof PRODUCT_CONDITIONS)[number],
      category: facts.category,
      ...(facts.sizeClass ? { sizeClass: facts.sizeClass } : {}),
      service,
      daysSinceDelivery: Math.max(0, daysSince),
      ...(facts.weightKg !== undefined ? { weightKg: facts.weightKg } : {}),
      warranty: false,
    });
    reasons.push(...feeQuote.reasons);
    const price = facts.price;
    const paid = service === 'exchange' ? money('0', spec.fees.currency) : price;
    const lines = [
      ...(service === 'exchange' ? [] : [{ item: 'Item price', kind: 'price', amount: price }]),
      ...feeQuote.fees.map((fee) => ({ item: fee.description ?? fee.rule, kind: fee.kind, amount: negate(fee.amount) })),
    ];
    let refund = sum([paid, negate(feeQuote.total)]);
    if (isNegative(refund)) {
      reasons.push({ code: 'FEES_EXCEED_PRICE', facts: { fees: feeQuote.total.amount, price: paid.amount }, message: 'The fees exceed what is refunded, so nothing is refunded (fees are not charged beyond it).' });
      refund = maximum(refund, money('0', spec.fees.currency));
    }
    quote = { lines, fees: feeQuote.fees, refund, method: spec.refund.method };
  }

  const due = (start: number | undefined, within: ReturnPolicySpec['refund']['issuedWithin'] | undefined, id: string) =>
    start === undefined || within === undefined ? null : backOfficeClock({ id, calendar: c.calendar, within, start }, start).deadline;
  const deadlines = {
    authorizeBy: outcome === 'ineligible' ? null : due(requestedAt, spec.authorizationWithin, 'returnAuthorization'),
    refundBy: outcome === 'ineligible' ? null : due(facts.receivedAt, spec.refund.issuedWithin, 'refundIssued'),
  };
  return {
    outcome,
    reasons,
    window: { id: window.id, from: window.from, days: window.days, lastDay: formatIsoDate(lastDay), deadline, daysSince, daysLate },
    quote,
    deadlines,
  };
}
