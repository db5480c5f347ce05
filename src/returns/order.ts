// Returns of several items of one order: each returned line decided as checkReturn decides an item
// (its price after its share of the discounts), the order's own fees once with the order's facts,
// the shipping charge refunded or not by the policy's rules, and one quote that sums exactly.

import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { InvalidArgumentError, type Issue, type JsonPath } from '../errors/index.js';
import { quoteFees, type FeeLine } from '../fees/index.js';
import { isNegative, isZero, money, negate, subtract, sum, compare, type Money } from '../money/index.js';
import { decideReturn, type ReturnDecision } from './check.js';
import { compiledOf, type Facts, type ReturnPolicy } from './define.js';
import { legalReason, returnLawOf } from './law.js';
import { planOrder, type PlannedEntry, type PlannedOrder } from './order-plan.js';
import { orderCompiledOf, type OrderReturnRequest } from './order-request.js';
import type { ReturnPolicySpec } from './schema.js';

/**
 * The decision for one returned line of an order: {@link ReturnDecision} for its units, priced at
 * what was paid for them (`price`: `gross` less their share of the order's discounts).
 *
 * @remarks Since 0.2.0
 */
export interface OrderLineDecision extends ReturnDecision {
  /** The index of the entry in the request's `returning`. */
  readonly entry: number;
  /** The order line's id. */
  readonly line: string;
  readonly quantity: number;
  /** Unit price × quantity returned. */
  readonly gross: Money;
  /** The returned units' share of the order's discounts. */
  readonly discount: Money;
  /** What was paid for the returned units: `gross - discount`; the price the decision refunds. */
  readonly price: Money;
}

/**
 * One line of an order return quote. `entry` and `line` name the returned line it belongs to, or
 * are null for the order's own lines (an order fee, the shipping refund, an order `fee-limit`).
 * Kinds: `price` (unit price × quantity), `discount` (that line's share of one discount,
 * negative), each fee's kind (negative), `fee-limit` (fees not charged beyond what is refunded,
 * positive) and `shipping-refund` (positive).
 *
 * @remarks Since 0.2.0
 */
export interface OrderQuoteLine {
  readonly entry: number | null;
  readonly line: string | null;
  readonly item: string;
  readonly kind: string;
  readonly amount: Money;
}

/**
 * What changes hands for the whole return, net: `balance` is the exact sum of the lines, signed
 * from the customer's side, and `balance = refund - charge` with one of them zero, as in a
 * single return's quote.
 *
 * @remarks Since 0.2.0
 */
export interface OrderReturnQuote {
  readonly lines: readonly OrderQuoteLine[];
  /** The order's own fees (rules `per: 'order'`), charged once. */
  readonly fees: readonly FeeLine[];
  /** The shipping charge refunded (0 when it is not). */
  readonly shipping: Money;
  readonly balance: Money;
  readonly refund: Money;
  readonly charge: Money;
  readonly method: string;
}

/**
 * One discount of the order and each line's share of it (by line value, largest remainder).
 *
 * @remarks Since 0.2.0
 */
export interface OrderDiscountShare {
  readonly id: string;
  readonly amount: Money;
  readonly percent: number | null;
  /** The value of the lines it applies to. */
  readonly base: Money;
  readonly shares: readonly { readonly line: string; readonly amount: Money }[];
}

/**
 * The answer to an order return: a decision per returned line, the discounts as shared among the
 * lines, the order-level reasons (discounts, order fees, shipping, what changes hands) and one
 * quote (null when no returned line is accepted).
 *
 * @remarks Since 0.2.0
 */
export interface OrderReturnDecision {
  readonly order: {
    readonly id: string | null;
    /** What was paid for the goods: the lines less the discounts, shipping apart. The `orderValue` fee rules test. */
    readonly value: Money;
    /** Every unit of every line is returned for a refund and accepted. */
    readonly wholeOrder: boolean;
    /** The last line's delivery, when every line has been delivered (what `lastItemDelivered` windows count from). */
    readonly lastItemDeliveredAt: Date | null;
  };
  readonly lines: readonly OrderLineDecision[];
  readonly discounts: readonly OrderDiscountShare[];
  readonly reasons: readonly Reason[];
  readonly quote: OrderReturnQuote | null;
}

/** Where a single return request's field is in an order return request. */
function pathIn(plan: PlannedOrder, p: PlannedEntry, field: string): JsonPath {
  switch (field) {
    case 'category':
    case 'sizeClass':
    case 'weightKg':
    case 'flags':
    case 'deliveredAt':
      return ['order', 'lines', p.lineIndex, field];
    case 'price':
      return ['order', 'lines', p.lineIndex, 'unitPrice'];
    case 'purchasedAt':
      return ['order', 'placedAt'];
    case 'lastItemDeliveredAt': {
      const undelivered = plan.checked.order.lines.findIndex((line) => line.deliveredAt === undefined);
      return ['order', 'lines', Math.max(0, undelivered), 'deliveredAt'];
    }
    case 'requestedAt':
      return ['requestedAt'];
    case 'customer':
      return ['customer'];
    case 'orderValue':
      return ['order', 'lines'];
    default:
      return ['returning', p.index, field];
  }
}

/** A line decision's problems, moved to the order request's paths and named so in the messages. */
function inOrder(plan: PlannedOrder, p: PlannedEntry, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => {
    const [field, ...rest] = issue.path;
    if (typeof field !== 'string') return { ...issue, path: ['returning', p.index, ...issue.path] };
    const path = [...pathIn(plan, p, field), ...rest];
    return { ...issue, path, message: issue.message.replaceAll(`"${field}"`, `"${path.join('.')}"`) };
  });
}

/** The facts checkReturn would take for a returned entry's units. */
function factsOf(plan: PlannedOrder, p: PlannedEntry): Facts {
  const { order, requestedAt } = plan.checked;
  const { entry, line } = p;
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));
  return {
    category: line.category,
    price: p.price,
    orderValue: plan.value,
    condition: entry.condition,
    requestedAt,
    ...optional('defective', entry.defective),
    ...optional('warranty', entry.warranty),
    ...optional('service', entry.service),
    ...optional('sizeClass', line.sizeClass),
    ...optional('weightKg', line.weightKg === undefined ? undefined : line.weightKg * entry.quantity),
    ...optional('flags', line.flags),
    ...optional('evidence', entry.evidence),
    ...optional('purchasedAt', order.placedAt),
    ...optional('deliveredAt', line.deliveredAt),
    ...optional('lastItemDeliveredAt', plan.lastItemDeliveredAt),
    ...optional('receivedAt', entry.receivedAt),
    ...optional('customer', plan.checked.customer),
    ...(plan.checked.customer !== undefined && order.lines.some((l) => l.deliveredAt === undefined) ? { orderOpen: true } : {}),
  };
}

/** The first shipping rule that holds, with the facts it was tested on. */
function shippingRule(spec: ReturnPolicySpec, wholeOrder: boolean, defective: boolean) {
  return (spec.shippingRefund ?? []).find((rule) => (rule.wholeOrder !== true || wholeOrder) && (rule.defective !== true || defective));
}

/**
 * Decides a return of several items of one order. Each returned line is decided as
 * {@link checkReturn} decides one item (window, non-returnable classes, review, evidence, its
 * per-item fees, every reason), priced at what was paid for its units: unit price × quantity less
 * their share of the order's discounts. Discounts are shared among the lines they apply to by line
 * value with largest remainder (`allocate`), so no cent is lost or made up, and each line's share
 * is stated. The fee schedule's order fees (`per: 'order'`) are quoted once, with the order's own
 * facts: `orderValue` (the lines less the discounts) and `service` (`return` when any line is
 * refunded). The shipping charge is refunded in full when one of the policy's `shippingRefund`
 * rules holds, and otherwise not, with a reason. One quote adds it all up exactly.
 *
 * @param policy - From {@link defineReturnPolicy}.
 * @param request - The order, the lines returned (`returning`) and `requestedAt`.
 * @returns The decision (never throws for "not eligible").
 * @throws {@link InvalidArgumentError} listing every problem at its path: the request's shape
 *   (`UNKNOWN_KEY`, `REQUIRED`, `INVALID_TYPE`, `EMPTY`, `UNKNOWN_CATEGORY`, `UNKNOWN_IN_POLICY`,
 *   amount and instant codes); `INVALID_VALUE` (a returned line or a discount's line that is not in
 *   the order); `INVALID_FACT` (more units returned than the line has, across its entries; a
 *   discount worth more than its lines); `DUPLICATE_ID` (two order lines or discounts with one
 *   id); `CURRENCY_MISMATCH` (`order.currency` or an amount in another currency);
 *   `CONFLICTING_FIELDS` (a discount with `amount` and `percent`); `DATE_AFTER_REQUEST`; and, at
 *   the order's own fields, whatever `checkReturn` throws for a line (`MISSING_DATE`,
 *   `MISSING_FACT`, `CONFLICTING_FIELDS`).
 * @example
 * ```ts
 * // Two of five items from an order with a 10 % coupon and 6.00 of paid shipping; the label is
 * // 5.00 per order, free over 75.00.
 * const decision = checkOrderReturn(policy, {
 *   order: { id: 'A-1001', lines: [
 *       { id: 'shoes', category: 'apparel', unitPrice: '60.00', quantity: 1, deliveredAt: '2026-10-02T12:00:00-07:00' },
 *       { id: 'socks', category: 'apparel', unitPrice: '5.00', quantity: 4, deliveredAt: '2026-10-02T12:00:00-07:00' }],
 *     discounts: [{ id: 'WELCOME10', percent: 10 }], shipping: { amount: '6.00' } },
 *   returning: [{ line: 'socks', quantity: 2, condition: 'unopened' }],
 *   requestedAt: '2026-10-10T09:00:00-07:00' });
 * decision.order.value;           //=> { amount: '72.00', currency: 'USD' } (80.00 less 8.00)
 * decision.discounts[0]?.shares;  //=> shoes 6.00, socks 2.00
 * decision.lines[0]?.price;       //=> { amount: '9.00', currency: 'USD' } (2 × 5.00 less 1.00)
 * decision.quote?.lines.map((l) => [l.kind, l.amount.amount]);
 * //=> [['price', '10.00'], ['discount', '-1.00'], ['label', '-5.00']]
 * decision.quote?.refund;         //=> { amount: '4.00', currency: 'USD' }
 * ```
 * @remarks Since 0.2.0
 */
export function checkOrderReturn(policy: ReturnPolicy, request: OrderReturnRequest): OrderReturnDecision {
  const c = compiledOf(policy);
  const oc = orderCompiledOf(c, policy.vocabulary as unknown as Readonly<Record<string, readonly string[]>>);
  const plan = planOrder(oc, c, request);
  const { spec } = c;
  const { currency } = spec.fees;
  const { order } = plan.checked;
  const zero = money('0', currency);

  const issues: Issue[] = [];
  const decided = plan.entries.map((p) => {
    try {
      const decision = decideReturn(c, factsOf(plan, p), oc.itemFees);
      return { p, decision: { ...decision, entry: p.index, line: p.line.id, quantity: p.entry.quantity, gross: p.gross, discount: p.discount, price: p.price } as OrderLineDecision };
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      issues.push(...inOrder(plan, p, error.issues));
      return null;
    }
  });
  if (issues.length > 0) {
    // Lines of one order share their order facts, so they report the same problem once.
    const seen = new Set<string>();
    throw new InvalidArgumentError(issues.filter((issue) => !seen.has(`${issue.code} ${issue.path.join('.')}`) && seen.add(`${issue.code} ${issue.path.join('.')}`)));
  }
  const lines = decided.map((d) => (d as NonNullable<typeof d>).decision);

  const reasons: Reason[] = [];
  const discounts: OrderDiscountShare[] = plan.prorated.map((p) => {
    const shares = order.lines.flatMap((line, i) => (p.lines.includes(line.id) ? [{ line: line.id, amount: p.shares[i] as Money }] : []));
    reasons.push({
      code: 'DISCOUNT_PRORATED',
      rule: p.id,
      facts: { amount: p.amount.amount, percent: p.percent, base: p.base.amount, method: 'line-value-largest-remainder', lines: shares.map((s) => s.line), shares: shares.map((s) => s.amount.amount) },
      message: messages.DISCOUNT_PRORATED(p.id, p.amount.amount, currency, shares.map((s) => `${s.line} ${s.amount.amount}`)),
    });
    return { id: p.id, amount: p.amount, percent: p.percent, base: p.base, shares };
  });

  const accepted = lines.filter((d) => d.quote !== null);
  const refunded = (d: OrderLineDecision) => d.quote !== null && (plan.entries[d.entry]?.entry.service ?? 'return') === 'return';
  const returnedUnits = new Map<string, number>();
  for (const d of lines) if (refunded(d)) returnedUnits.set(d.line, (returnedUnits.get(d.line) ?? 0) + d.quantity);
  const wholeOrder = order.lines.every((line) => returnedUnits.get(line.id) === line.quantity);
  const summary = {
    id: order.id ?? null,
    value: plan.value,
    wholeOrder,
    lastItemDeliveredAt: plan.lastItemDeliveredAt === undefined ? null : new Date(plan.lastItemDeliveredAt),
  };
  if (accepted.length === 0) {
    reasons.push({ code: 'ORDER_NOTHING_ACCEPTED', facts: { lines: lines.length }, message: messages.ORDER_NOTHING_ACCEPTED() });
    return { order: summary, lines, discounts, reasons, quote: null };
  }

  const quoteLines: OrderQuoteLine[] = [];
  for (const d of accepted) {
    const p = plan.entries[d.entry] as PlannedEntry;
    const own = (item: string, kind: string, amount: Money): OrderQuoteLine => ({ entry: d.entry, line: d.line, item, kind, amount });
    for (const line of d.quote?.lines ?? []) {
      if (line.kind !== 'price') quoteLines.push(own(line.item, line.kind, line.amount));
      else {
        // The price the line decision refunds is net of discounts: show the gross and each share.
        quoteLines.push(own(messages.ORDER_PRICE_LINE(p.entry.quantity, p.line.unitPrice.amount, currency), 'price', p.gross));
        for (const share of p.discounts) quoteLines.push(own(messages.ORDER_DISCOUNT_LINE(share.id), 'discount', negate(share.amount)));
      }
    }
  }

  const service = accepted.some(refunded) ? 'return' : (plan.entries[(accepted[0] as OrderLineDecision).entry]?.entry.service ?? 'return');
  let orderFees: readonly FeeLine[] = [];
  let feeTotal = zero;
  if (oc.orderFees) {
    const feeQuote = quoteFees(oc.orderFees, { orderValue: plan.value, service });
    reasons.push(...feeQuote.reasons);
    orderFees = feeQuote.fees;
    feeTotal = feeQuote.total;
    for (const fee of feeQuote.fees) quoteLines.push({ entry: null, line: null, item: fee.description ?? fee.rule, kind: fee.kind, amount: negate(fee.amount) });
  }

  let shipping = zero;
  if (order.shipping && !isZero(order.shipping.amount)) {
    const defective = accepted.some((d) => refunded(d) && plan.entries[d.entry]?.entry.defective === true);
    const rule = shippingRule(spec, wholeOrder, defective);
    const facts = { amount: order.shipping.amount.amount, wholeOrder, defective, rules: (spec.shippingRefund ?? []).map((r) => r.id) };
    // A withdrawal from the whole order refunds the standard delivery by law. A faulty line the
    // customer rejects (the UK's short-term right) still comes back inside the cancellation
    // period when it would be withdrawn without its fault: it counts for the delivery as well.
    const withdrawalLaw = (d: OrderLineDecision) => returnLawOf({ ...factsOf(plan, plan.entries[d.entry] as PlannedEntry), defective: false }, spec.timeZone);
    const withinWithdrawal = (d: OrderLineDecision) => d.legal?.right === 'withdrawal' || (d.legal?.right === 'short-term-reject' && withdrawalLaw(d)?.right === 'withdrawal');
    const withdrawn = wholeOrder && accepted.filter(refunded).every(withinWithdrawal);
    const first = accepted.find(refunded);
    const law = withdrawn && first ? withdrawalLaw(first) : null;
    const legalRule = law?.baseline.points['withdrawal-delivery-refund'];
    if (rule) {
      shipping = order.shipping.amount;
      quoteLines.push({ entry: null, line: null, item: rule.description ?? messages.ORDER_SHIPPING_LINE(), kind: 'shipping-refund', amount: shipping });
      reasons.push({ code: 'SHIPPING_REFUNDED', rule: rule.id, facts, message: messages.SHIPPING_REFUNDED(rule.id, shipping.amount, currency, rule.wholeOrder === true, rule.defective === true) });
    } else if (legalRule) {
      shipping = order.shipping.amount;
      quoteLines.push({ entry: null, line: null, item: messages.ORDER_SHIPPING_LINE(), kind: 'shipping-refund', amount: shipping });
      reasons.push(legalReason(legalRule, `shipping ${shipping.amount} ${currency} not refunded (${facts.rules.length === 0 ? 'no shippingRefund rule' : `none of ${facts.rules.join(', ')} holds`})`, `the standard delivery refunded on withdrawal from the whole order`, { amount: shipping.amount }));
    } else {
      reasons.push({ code: 'SHIPPING_NOT_REFUNDED', facts, message: messages.SHIPPING_NOT_REFUNDED(order.shipping.amount.amount, currency, facts.rules, wholeOrder, defective) });
    }
  }

  // A refund is never charged fees beyond it: the order's fees stop at what its refunded lines and
  // the shipping give back (an order of exchanges pays them, as an exchange pays its own).
  if (service === 'return') {
    const refundable = sum([...accepted.filter(refunded).map((d) => (d.quote as NonNullable<OrderLineDecision['quote']>).balance), shipping], currency);
    if (compare(feeTotal, refundable) > 0) {
      const notCharged = subtract(feeTotal, refundable);
      reasons.push({ code: 'ORDER_FEES_EXCEED_REFUND', facts: { fees: feeTotal.amount, refundable: refundable.amount, notCharged: notCharged.amount }, message: messages.ORDER_FEES_EXCEED_REFUND(feeTotal.amount, refundable.amount, currency) });
      quoteLines.push({ entry: null, line: null, item: messages.ORDER_FEE_LIMIT_LINE(), kind: 'fee-limit', amount: notCharged });
    }
  }

  const balance = sum(quoteLines.map((line) => line.amount), currency);
  const pays = isNegative(balance);
  const refund = pays ? zero : balance;
  const charge = pays ? negate(balance) : zero;
  const method = spec.refund.method;
  reasons.push({
    code: 'ORDER_QUOTE_BALANCE',
    facts: { service, balance: balance.amount, refund: refund.amount, charge: charge.amount, currency, method, lines: accepted.length },
    message: pays ? messages.QUOTE_PAYS(charge.amount, currency, service) : isZero(balance) ? messages.QUOTE_NOTHING() : messages.QUOTE_RECEIVES(refund.amount, currency, method),
  });
  return { order: summary, lines, discounts, reasons, quote: { lines: quoteLines, fees: orderFees, shipping, balance, refund, charge, method } };
}
