import { dayOfLocal, formatIsoDate } from '../_lib/civil.js';
import { matches } from '../_lib/condition.js';
import { checkWithDefectiveHint } from '../_lib/defective.js';
import type { Instant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import { spanText } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { endOfLocalDay, getZone } from '../_lib/zone.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import { PRODUCT_CONDITIONS, type FeeSchedule } from '../fees/index.js';
import type { Customer } from '../law/index.js';
import type { Money } from '../money/index.js';
import { backOfficeClock } from '../sla/index.js';
import { compiledOf, type Compiled, type Facts, type ReturnPolicy } from './define.js';
import { noBaselineReason } from '../law/customer.js';
import { legalReason, legalRefundBy, legalSummary, returnLawOf, windowReason, type ReturnLegalSummary } from './law.js';
import { quoteOf, type ReturnQuote } from './quote.js';
import type { EVIDENCE, RETURN_SERVICES, ReturnPolicySpec } from './schema.js';

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
  /** The packaging state: `unopened`, `opened`, `used` or `damaged-by-customer`. */
  readonly condition: (typeof PRODUCT_CONDITIONS)[number];
  /**
   * The item is faulty, whatever its packaging state ("opened but defective" is
   * `condition: 'opened', defective: true`). Left out, it is not defective, so a fee rule for
   * non-defective returns (`defective: false`) applies.
   *
   * @defaultValue false
   * @remarks Since 0.2.0
   */
  readonly defective?: boolean;
  /**
   * The defective item is covered by a warranty (decided by `checkWarrantyClaim`): the fee
   * schedule's warranty rules apply (free shipping for a replacement under warranty). Needs
   * `defective: true`.
   *
   * @defaultValue false
   * @remarks Since 0.2.0
   */
  readonly warranty?: boolean;
  /**
   * `return` (money back), `exchange` (another item) or `replacement` (a new item for a faulty
   * one: needs `defective: true`, else `CONFLICTING_FIELDS`).
   *
   * @defaultValue 'return'
   */
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
  /**
   * The customer, for the law's floor: given, the decision takes, point by point, the outcome more
   * favourable to a consumer of the policy's rule and the baseline of `customer.jurisdiction`
   * (docs/law.md). Left out, the policy alone decides.
   *
   * @remarks Since 0.2.0
   */
  readonly customer?: Customer;
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
    /**
     * The last local date of the window, and the instant it ends (exclusive). Null for the law's
     * withdrawal period of an order with items still to come: it has not begun (since 0.2.0).
     */
    readonly lastDay: string | null;
    readonly deadline: Date | null;
    readonly daysSince: number;
    readonly daysLate: number;
  };
  /** Null when the return is ineligible. */
  readonly quote: ReturnQuote | null;
  readonly deadlines: { readonly authorizeBy: Date | null; readonly refundBy: Date | null };
  /**
   * What the law said, when the request names a `customer` (absent otherwise).
   *
   * @remarks Since 0.2.0
   */
  readonly legal?: ReturnLegalSummary;
}

const FROM_FIELD = { delivery: 'deliveredAt', purchase: 'purchasedAt', lastItemDelivered: 'lastItemDeliveredAt' } as const;

/**
 * Decides a return or exchange request: window (counted between local dates in the store's zone
 * from delivery, purchase or the last item's delivery), non-returnable classes, conditions a
 * person must review, evidence, and the refund quote with every fee as a line item. Every rule is
 * evaluated and every reason kept.
 *
 * A request with `warranty: true` after the window stays `ineligible`, and its
 * `RETURN_WINDOW_EXPIRED` reason says where to take it (`facts.next: 'checkWarrantyClaim'`):
 * coverage is the warranty's decision, and `quoteFees(policy.fees, { service: 'replacement',
 * warranty: true, … })` prices the replacement.
 *
 * @param policy - From {@link defineReturnPolicy}.
 * @param request - The request.
 * @returns The decision (never throws for "not eligible").
 * @throws {@link InvalidArgumentError} `UNKNOWN_CATEGORY`, `UNKNOWN_IN_POLICY` (`condition:
 *   'defective'`: give `defective: true` instead), `CONFLICTING_FIELDS` (`warranty: true` or
 *   `service: 'replacement'` without `defective: true`), `MISSING_DATE`, `DATE_AFTER_REQUEST`,
 *   `MISSING_FACT` (a fee rule that charges needs a fact the request left out, such as the
 *   `sizeClass` of an exchange), `INVALID_FACT` (negative price; `lastItemDeliveredAt` before
 *   `deliveredAt`), `CURRENCY_MISMATCH`, bad instants.
 * @example
 * ```ts
 * const decision = checkReturn(policy, { category: 'electronics', price: '129.99', condition: 'opened',
 *   deliveredAt: new Date('2026-10-01T15:00:00Z'), requestedAt: new Date('2026-11-05T15:00:00Z') });
 * decision.outcome;          //=> 'ineligible'
 * decision.reasons[0]?.code; //=> 'RETURN_WINDOW_EXPIRED' (facts: lastDay '2026-10-31', daysLate 5)
 *
 * const exchange = checkReturn(policy, { category: 'electronics', price: '49.99', condition: 'opened',
 *   service: 'exchange', sizeClass: 'small', deliveredAt: new Date('2026-10-01T15:00:00Z'),
 *   requestedAt: new Date('2026-10-10T15:00:00Z') });
 * exchange.quote?.balance;  //=> { amount: '-7.00', currency: 'USD' } (lines: handling -7.00)
 * exchange.quote?.charge;   //=> { amount: '7.00', currency: 'USD' }
 * exchange.reasons.at(-1)?.message; //=> 'The customer pays 7.00 USD for the exchange.'
 * ```
 * @remarks Since 0.1.0; `balance`, `charge`, `defective`, `warranty` and `replacement` since 0.2.0.
 */
export function checkReturn(policy: ReturnPolicy, request: ReturnRequest): ReturnDecision {
  const c = compiledOf(policy);
  const facts = checkWithDefectiveHint(c.check, request, PRODUCT_CONDITIONS) as unknown as Facts;
  return decideReturn(c, facts, c.fees);
}

/**
 * The decision for checked facts, priced with `fees`: the policy's whole schedule for a single
 * return, its per-item rules for a line of an order (checkOrderReturn prices the order's own fees
 * once). Errors name the fields of a single return request; an order return moves them to its own.
 */
export function decideReturn(c: Compiled, facts: Facts, fees: FeeSchedule): ReturnDecision {
  const { spec } = c;
  const { requestedAt } = facts;
  // A warranty covers faults, and a replacement is a new item for a faulty one.
  const conflicts: Issue[] = [];
  if (facts.warranty === true && facts.defective !== true) conflicts.push({ code: 'CONFLICTING_FIELDS', path: ['warranty'], message: messages.WARRANTY_NEEDS_DEFECTIVE() });
  if (facts.service === 'replacement' && facts.defective !== true) conflicts.push({ code: 'CONFLICTING_FIELDS', path: ['service'], message: messages.REPLACEMENT_NEEDS_DEFECTIVE() });
  if (conflicts.length > 0) throw new InvalidArgumentError(conflicts);
  const { deliveredAt, lastItemDeliveredAt } = facts;
  if (deliveredAt !== undefined && lastItemDeliveredAt !== undefined && lastItemDeliveredAt < deliveredAt) {
    const detail = `(${new Date(lastItemDeliveredAt).toISOString()}) is before "deliveredAt" (${new Date(deliveredAt).toISOString()}): the order's last item cannot come before this one`;
    throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: ['lastItemDeliveredAt'], message: messages.INVALID_FACT('lastItemDeliveredAt', detail) }]);
  }
  for (const field of ['purchasedAt', 'deliveredAt', 'lastItemDeliveredAt'] as const) {
    const at = facts[field];
    if (at !== undefined && at > requestedAt) {
      throw new InvalidArgumentError([{ code: 'DATE_AFTER_REQUEST', path: [field], message: messages.DATE_AFTER_REQUEST(field, new Date(at).toISOString(), new Date(requestedAt).toISOString()) }]);
    }
  }
  const reasons: Reason[] = [];
  let outcome = 'eligible' as ReturnOutcome; // widened on purpose: mark() updates it
  // Ineligible always wins; needs-review only replaces eligible.
  const mark = (next: Exclude<ReturnOutcome, 'eligible'>) => {
    if (next === 'ineligible' || outcome === 'eligible') outcome = next;
  };

  // Window: days between local dates in the store's zone.
  // Definition guarantees that every category has a window.
  const window = (c.windows.find((w) => matches(w.when, facts)) as Compiled['windows'][number]).window;
  const field = FROM_FIELD[window.from];
  const fromMs = facts[field];
  if (fromMs === undefined) throw new InvalidArgumentError([{ code: 'MISSING_DATE', path: [field], message: messages.MISSING_DATE(field, window.from) }]);
  const zone = getZone(spec.timeZone);
  const fromDay = dayOfLocal(zone.utcToLocal(fromMs));
  const requestDay = dayOfLocal(zone.utcToLocal(requestedAt));
  const daysSince = requestDay - fromDay;
  const law = returnLawOf(facts, spec.timeZone);
  const noBaseline = law ? noBaselineReason(law.baseline) : null;
  if (noBaseline) reasons.push(noBaseline);
  const lastDay = fromDay + window.days;
  const deadline = new Date(endOfLocalDay(zone, lastDay));
  const daysLate = Math.max(0, daysSince - window.days);
  const windowFacts = { window: window.id, from: window.from, days: window.days, lastDay: formatIsoDate(lastDay), deadline: deadline.toISOString(), daysSince, daysLate };
  let decidedWindow: ReturnDecision['window'] = { id: window.id, from: window.from, days: window.days, lastDay: formatIsoDate(lastDay), deadline, daysSince, daysLate };
  const merchantAccepts = daysLate === 0 || (window.lateUntilDays !== undefined && daysSince <= window.lateUntilDays);
  if (!merchantAccepts && law?.window) {
    // The law's window is still open where the policy's has closed: the law decides.
    const w = law.window;
    reasons.push(windowReason(law, { days: window.days, from: window.from, lastDay: formatIsoDate(lastDay), daysLate }));
    decidedWindow = { id: w.rule.id, from: 'lastItemDelivered', days: w.days, lastDay: w.lastDay === null ? null : formatIsoDate(w.lastDay), deadline: w.deadline, daysSince: w.daysSince, daysLate: 0 };
  } else if (daysLate === 0) {
    reasons.push({ code: 'RETURN_WITHIN_WINDOW', rule: window.id, facts: windowFacts, message: `Requested on day ${daysSince} of ${window.days} (last day ${formatIsoDate(lastDay)}).` });
  } else if (window.lateUntilDays !== undefined && daysSince <= window.lateUntilDays) {
    reasons.push({ code: 'RETURN_LATE_ACCEPTED', rule: window.id, facts: { ...windowFacts, lateUntilDays: window.lateUntilDays }, message: `${daysLate} day(s) after the window, accepted up to day ${window.lateUntilDays}; late fees may apply.` });
  } else {
    mark('ineligible');
    const expired = `The ${window.days}-day window ended on ${formatIsoDate(lastDay)}; requested ${daysLate} day(s) late.`;
    // Coverage after the window is the warranty's decision: say where to take the request.
    reasons.push(
      facts.warranty === true
        ? { code: 'RETURN_WINDOW_EXPIRED', rule: window.id, facts: { ...windowFacts, next: 'checkWarrantyClaim' }, message: `${expired} ${messages.WARRANTY_AFTER_WINDOW()}` }
        : { code: 'RETURN_WINDOW_EXPIRED', rule: window.id, facts: windowFacts, message: expired },
    );
  }

  for (const { rule, when } of c.nonReturnable) {
    if (matches(when, facts)) {
      mark('ineligible');
      reasons.push({ code: 'NOT_RETURNABLE', rule: rule.id, facts: { category: facts.category, flags: [...(facts.flags ?? [])], defective: facts.defective ?? false }, message: `${rule.id}: this item cannot be returned.` });
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

  const quote = outcome === 'ineligible' ? null : quoteOf(c, facts, daysSince, reasons, fees, law);

  const due = (start: number | undefined, within: ReturnPolicySpec['refund']['issuedWithin'] | undefined, id: string, calendar = c.calendar) =>
    start === undefined || within === undefined ? null : backOfficeClock({ id, calendar, within, start }, start).deadline;
  let refundBy = outcome === 'ineligible' ? null : due(facts.receivedAt, spec.refund.issuedWithin, 'refundIssued');
  const legalRefund = outcome === 'ineligible' ? null : legalRefundBy(law, requestedAt, facts.receivedAt);
  if (legalRefund && (refundBy === null || legalRefund.by < refundBy)) {
    const { rule, by } = legalRefund;
    law?.applied.push(rule.id);
    const within = `within ${rule.parameters.days} days of ${rule.parameters.from === 'goods-received' ? 'the goods\' receipt' : 'the withdrawal'}`;
    reasons.push(legalReason(rule, `refund by ${refundBy === null ? 'no set date' : refundBy.toISOString()} (${spanText(spec.refund.issuedWithin)} after receipt)`, `refund by ${by.toISOString()} (${within})`, { refundBy: by.toISOString(), merchantRefundBy: refundBy === null ? null : refundBy.toISOString() }));
    refundBy = by;
  }
  const deadlines = {
    authorizeBy: outcome === 'ineligible' ? null : due(requestedAt, spec.authorizationWithin, 'returnAuthorization', spec.authorizationClock === 'around-the-clock' ? c.clock : c.calendar),
    refundBy,
  };
  return {
    outcome,
    reasons,
    window: decidedWindow,
    quote,
    deadlines,
    ...(law ? { legal: legalSummary(law) } : {}),
  };
}
