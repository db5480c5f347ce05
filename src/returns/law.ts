// The law's floor for returns: which legal right a return falls under (withdrawal from a distance
// sale, or the UK short-term right to reject faulty goods), its window counted from the last
// delivery, and the outcome more favourable to the customer, point by point, of the merchant's
// rule and the law's. Every point the law decides carries LEGAL_MINIMUM_APPLIED with the citation.

import { dayOfLocal, formatIsoDate } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import type { Field, Vocabulary } from '../_lib/request.js';
import { vocabulary } from '../_lib/vocabulary.js';
import { endOfLocalDay, type Zone } from '../_lib/zone.js';
import { InvalidArgumentError } from '../errors/index.js';
import type { FeeLine } from '../fees/index.js';
import { isZero } from '../money/index.js';
import { CUSTOMER_SEGMENTS, type AppliedLegalRule, type Customer, type LegalBaseline } from '../law/index.js';
import { customerLaw, legalSummaryOf } from '../law/customer.js';
import type { Facts } from './define.js';

/** The request field `customer`, declared once for single and order returns. */
export const CUSTOMER_FIELD: Field = {
  type: 'object',
  what: 'a customer',
  fields: {
    jurisdiction: { type: 'text', required: true, hint: 'the customer\'s jurisdiction, an ISO 3166-1 alpha-2 code such as "DE"' },
    segment: { type: 'term', vocabulary: 'customerSegment' },
    distanceSale: { type: 'boolean' },
    timeZone: { type: 'text' },
  },
};

/** The vocabulary `customer.segment` is checked against. */
export const CUSTOMER_VOCABULARY: Readonly<Record<string, Vocabulary>> = Object.freeze({ customerSegment: vocabulary('segment', CUSTOMER_SEGMENTS) });

/**
 * What the law said about a return: the customer's jurisdiction, the baseline rules considered, the
 * legal right the return falls under (`withdrawal`, `short-term-reject`, or null when none), and
 * the ids of the rules that decided a point. Present on a decision only when the request names a
 * `customer`.
 *
 * @remarks Since 0.2.0
 */
export interface ReturnLegalSummary {
  readonly jurisdiction: string;
  /** False for a `commercial` customer: the baselines protect consumers only, and none applied. */
  readonly consumer: boolean;
  readonly right: 'withdrawal' | 'short-term-reject' | null;
  /** The IANA zone the law's days were counted in: `customer.timeZone`, else the policy's. */
  readonly timeZone: string;
  /** The baseline rules in force for the contract (by id). */
  readonly rules: readonly string[];
  /** The rules that decided a point of this decision (each with a LEGAL_MINIMUM_APPLIED reason). */
  readonly applied: readonly string[];
}

/**
 * A legal window counted from the last delivery, as the decision's `window` states one. For an
 * order with items still to come the withdrawal period has not begun: no last day, no deadline.
 */
export interface LegalWindow {
  readonly rule: AppliedLegalRule<'withdrawal-period' | 'short-term-reject'>;
  readonly days: number;
  readonly begun: boolean;
  readonly lastDay: number | null;
  readonly deadline: Date | null;
  readonly daysSince: number;
}

/** The law of one return request, worked out once. */
export interface ReturnLaw {
  readonly baseline: LegalBaseline;
  /** The zone the law's days are counted in, and its name. */
  readonly zone: Zone;
  readonly timeZone: string;
  readonly consumer: boolean;
  /** The right the return falls under, and its window. */
  readonly right: 'withdrawal' | 'short-term-reject' | null;
  readonly window: LegalWindow | null;
  readonly applied: string[];
}

/** A LEGAL_MINIMUM_APPLIED reason: the rule, its citation, and both sides of the point. */
export function legalReason(rule: AppliedLegalRule, merchant: string, law: string, facts: Reason['facts'] = {}): Reason {
  return {
    code: 'LEGAL_MINIMUM_APPLIED',
    rule: rule.id,
    facts: { jurisdiction: rule.jurisdiction, rule: rule.id, point: rule.point, citation: rule.citation, merchant, law, ...facts },
    message: messages.LAW_APPLIED(rule.citation, merchant, law),
  };
}

/**
 * The law of a return: none without a `customer`; for a consumer, the baseline of their
 * jurisdiction for the contract's local date (the purchase, else the delivery, else the request),
 * and the right the request falls under. The withdrawal and the short-term right to reject count
 * from the last item's delivery (`lastItemDeliveredAt`, else `deliveredAt`); a return that could
 * fall under one without a delivery date is MISSING_DATE.
 */
export function returnLawOf(facts: Facts & { readonly customer?: Customer }, policyZone: string): ReturnLaw | null {
  const customer = facts.customer;
  if (customer === undefined) return null;
  const contractAt = facts.purchasedAt ?? facts.deliveredAt ?? facts.lastItemDeliveredAt ?? facts.requestedAt;
  const { baseline, zone, timeZone } = customerLaw(customer, contractAt, policyZone);
  const localDay = (t: number) => dayOfLocal(zone.utcToLocal(t));
  const requestDay = localDay(facts.requestedAt);
  const consumer = (customer.segment ?? 'consumer') === 'consumer';
  const law: ReturnLaw = { baseline, zone, timeZone, consumer, right: null, window: null, applied: [] };
  if (!consumer || (facts.service ?? 'return') !== 'return') return law;
  const { points } = baseline;
  const reject = facts.defective === true ? points['short-term-reject'] : undefined;
  const withdrawal = customer.distanceSale === false ? undefined : points['withdrawal-period'];
  if (reject === undefined && withdrawal === undefined) return law;
  // The withdrawal period runs from the order's last delivery (for an order with items still to
  // come it has not begun); the right to reject, from the delivery of the goods themselves.
  const open = facts.orderOpen === true;
  const lastDelivery = open ? facts.requestedAt : (facts.lastItemDeliveredAt ?? facts.deliveredAt);
  const ownDelivery = facts.deliveredAt ?? lastDelivery;
  if (lastDelivery === undefined || ownDelivery === undefined) {
    const what = reject ? 'the short-term right to reject' : 'the withdrawal period';
    throw new InvalidArgumentError([{ code: 'MISSING_DATE', path: ['deliveredAt'], message: messages.LAW_NEEDS_DELIVERY(baseline.jurisdiction, what) }]);
  }
  const windowOf = (rule: AppliedLegalRule<'withdrawal-period' | 'short-term-reject'>): LegalWindow => {
    const days = rule.parameters.days;
    // Counted from the order's last delivery, which has not come: the period has not begun.
    if (open && rule.point === 'withdrawal-period') return { rule, days, begun: false, lastDay: null, deadline: null, daysSince: 0 };
    const fromDay = localDay(rule.point === 'short-term-reject' ? ownDelivery : lastDelivery);
    const lastDay = fromDay + days;
    return { rule, days, begun: true, lastDay, deadline: new Date(endOfLocalDay(zone, lastDay)), daysSince: requestDay - fromDay };
  };
  // A faulty item inside the short-term period is rejected with a full refund, the better right.
  const rejectWindow = reject ? windowOf(reject) : null;
  if (rejectWindow && rejectWindow.daysSince <= rejectWindow.days) return { ...law, right: 'short-term-reject', window: rejectWindow };
  const withdrawalWindow = withdrawal ? windowOf(withdrawal) : null;
  if (withdrawalWindow && withdrawalWindow.daysSince <= withdrawalWindow.days) return { ...law, right: 'withdrawal', window: withdrawalWindow };
  return law;
}

/** The legal window's reason when it, not the merchant's, accepts the return. */
export function windowReason(law: ReturnLaw, merchant: { readonly days: number; readonly from: string; readonly lastDay: string; readonly daysLate: number }): Reason {
  const w = law.window as LegalWindow;
  law.applied.push(w.rule.id);
  const lastDay = w.lastDay === null ? null : formatIsoDate(w.lastDay);
  return legalReason(
    w.rule,
    `${merchant.days} days from ${merchant.from} (last day ${merchant.lastDay})`,
    lastDay === null ? `${w.days} days from the last delivery, not begun: an item of the order is still to come` : `${w.days} days from the last delivery (last day ${lastDay})`,
    { begun: w.begun, lastDay, deadline: w.deadline === null ? null : w.deadline.toISOString(), daysSince: w.daysSince, merchantLastDay: merchant.lastDay, merchantDaysLate: merchant.daysLate },
  );
}

/**
 * The fee lines the law forbids: within the withdrawal period, the kinds that charge for the
 * goods' state on goods merely unopened or opened; under the short-term right to reject, every
 * fee (a full refund). Each waived fee gets its reason.
 */
export function waivedFees(law: ReturnLaw | null, condition: string, fees: readonly FeeLine[], currency: string): { readonly waived: ReadonlySet<FeeLine>; readonly reasons: readonly Reason[] } {
  const none = { waived: new Set<FeeLine>(), reasons: [] };
  if (law?.window == null) return none;
  let rule: AppliedLegalRule | undefined;
  let waive: (fee: FeeLine) => boolean;
  if (law.right === 'short-term-reject') {
    rule = law.window.rule;
    waive = () => true;
  } else {
    const deductions = law.baseline.points['withdrawal-deductions'];
    if (!deductions || !(deductions.parameters.handlingConditions as readonly string[]).includes(condition)) return none;
    rule = deductions;
    waive = (fee) => deductions.parameters.feeKinds.includes(fee.kind);
  }
  // A fee of zero (a free label) costs the customer nothing: the law has nothing to decide there.
  const waived = new Set(fees.filter((fee) => !isZero(fee.amount) && waive(fee)));
  if (waived.size > 0) law.applied.push(rule.id);
  const reasons = [...waived].map((fee) =>
    legalReason(rule, `${fee.rule}: ${fee.amount.amount} ${currency} ${fee.kind} fee`, law.right === 'short-term-reject' ? 'a full refund, no fee' : `no ${fee.kind} fee on ${condition} goods within the withdrawal period`, {
      fee: fee.rule,
      kind: fee.kind,
      amount: fee.amount.amount,
      condition,
    }),
  );
  return { waived, reasons };
}

/**
 * The refund deadline the law sets for a withdrawal, or null when it sets none yet: counted from
 * the withdrawal (the request; the trader may withhold the refund until the goods are back) or
 * from the goods' receipt, as the jurisdiction's rule says.
 */
export function legalRefundBy(law: ReturnLaw | null, requestedAt: number, receivedAt: number | undefined): { readonly rule: AppliedLegalRule<'withdrawal-refund-deadline'>; readonly by: Date } | null {
  if (law?.right !== 'withdrawal') return null;
  const rule = law.baseline.points['withdrawal-refund-deadline'];
  if (!rule || receivedAt === undefined) return null;
  const { days, from, withholdUntilReceived } = rule.parameters;
  const { zone } = law;
  const endOf = (at: number) => endOfLocalDay(zone, dayOfLocal(zone.utcToLocal(at)), days);
  const by = from === 'goods-received' ? endOf(receivedAt) : withholdUntilReceived ? Math.max(endOf(requestedAt), receivedAt) : endOf(requestedAt);
  return { rule, by: new Date(by) };
}

/** The summary a decision carries when its request names a customer. */
export function legalSummary(law: ReturnLaw): ReturnLegalSummary {
  const { jurisdiction, consumer, timeZone, rules, applied } = legalSummaryOf(law);
  return { jurisdiction, consumer, right: law.consumer ? law.right : null, timeZone, rules, applied };
}
