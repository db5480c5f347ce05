import { dayOfLocal, formatIsoDate, MS_PER_DAY } from '../_lib/civil.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import { checkNotAfter, optionalInstant, requiredInstant } from '../_lib/instant.js';
import { messages } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { getZone } from '../_lib/zone.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError } from '../errors/index.js';
import { defineFeeSchedule, quoteFees, type FeeLine, type FeeRequest, type FeeSchedule } from '../fees/index.js';
import { isNegative, maximum, money, moneyIn, negate, sum, type Money } from '../money/index.js';
import { backOfficeClock } from '../sla/index.js';
import { ReturnPolicySchema, type EVIDENCE, type ReturnPolicySpec } from './schema.js';

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
}

interface Compiled {
  readonly spec: ReturnPolicySpec;
  readonly fees: FeeSchedule;
  readonly calendar: Calendar;
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
  const compiled: Compiled = {
    spec: valid,
    fees: defineFeeSchedule(valid.fees),
    calendar: createCalendar(valid.calendar ?? { timeZone: valid.timeZone, alwaysOpen: true }),
  };
  return seal(COMPILED, { id: valid.id, spec: valid }, compiled);
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
  readonly condition: FeeRequest['condition'] & string;
  readonly service?: 'return' | 'exchange';
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
  if (!spec.categories.includes(request.category)) {
    throw new InvalidArgumentError([{ code: 'UNKNOWN_CATEGORY', path: ['category'], message: messages.UNKNOWN_CATEGORY(request.category, spec.categories) }]);
  }
  const requestedAt = requiredInstant(request.requestedAt, 'requestedAt');
  checkNotAfter({ purchasedAt: request.purchasedAt, deliveredAt: request.deliveredAt, lastItemDeliveredAt: request.lastItemDeliveredAt }, requestedAt);
  const reasons: Reason[] = [];
  let outcome = 'eligible' as ReturnOutcome; // widened on purpose: mark() updates it
  const mark = (next: ReturnOutcome) => {
    if (next === 'ineligible' || (next === 'needs-review' && outcome === 'eligible')) outcome = next;
  };

  // Window: days between local dates in the store's zone.
  const window = spec.windows.find((w) => !w.category || w.category.includes(request.category)) ?? (spec.windows[0] as (typeof spec.windows)[number]);
  const field = FROM_FIELD[window.from];
  const fromMs = optionalInstant(request[field], field);
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

  for (const rule of spec.nonReturnable ?? []) {
    const categoryHit = !rule.category || rule.category.includes(request.category);
    const flagHit = !rule.flags || rule.flags.some((flag) => request.flags?.includes(flag));
    if (categoryHit && flagHit) {
      mark('ineligible');
      reasons.push({ code: 'NOT_RETURNABLE', rule: rule.id, facts: { category: request.category, flags: [...(request.flags ?? [])] }, message: `${rule.id}: this item cannot be returned.` });
    }
  }
  if (spec.reviewConditions?.includes(request.condition)) {
    mark('needs-review');
    reasons.push({ code: 'CONDITION_NEEDS_REVIEW', facts: { condition: request.condition }, message: `Condition "${request.condition}" needs a person to inspect it.` });
  }
  for (const rule of spec.evidence ?? []) {
    if (rule.category && !rule.category.includes(request.category)) continue;
    const missing = rule.requires.filter((item) => !request.evidence?.includes(item));
    if (missing.length > 0) {
      mark('ineligible');
      reasons.push({ code: 'EVIDENCE_MISSING', rule: rule.id, facts: { missing }, message: `Missing evidence: ${missing.join(', ')}.` });
    }
  }

  let quote: ReturnDecision['quote'] = null;
  const service = request.service ?? 'return';
  if (outcome !== 'ineligible') {
    const feeQuote = quoteFees(c.fees, {
      price: request.price,
      orderValue: request.orderValue,
      condition: request.condition,
      category: request.category,
      sizeClass: request.sizeClass,
      service,
      daysSinceDelivery: daysSince,
      weightKg: request.weightKg,
      warranty: false,
    } as FeeRequest);
    reasons.push(...feeQuote.reasons);
    const price = moneyIn(request.price, spec.fees.currency, 'price');
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
    refundBy: outcome === 'ineligible' ? null : due(optionalInstant(request.receivedAt, 'receivedAt'), spec.refund.issuedWithin, 'refundIssued'),
  };
  return {
    outcome,
    reasons,
    window: { id: window.id, from: window.from, days: window.days, lastDay: formatIsoDate(lastDay), deadline, daysSince, daysLate },
    quote,
    deadlines,
  };
}
