// The quote of a return, exchange or replacement: the price (for a return), each fee as a line,
// and what changes hands, stated as a signed balance the lines sum to exactly.

import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { PRODUCT_CONDITIONS, quoteFees, type FeeLine, type FeeSchedule } from '../fees/index.js';
import { isNegative, isZero, money, negate, sum, type Money } from '../money/index.js';
import type { Compiled, Facts } from './define.js';
import { waivedFees, type ReturnLaw } from './law.js';

/**
 * One line of a return quote: the item's price (`price`, positive), each fee (its kind, negative)
 * or the part of the fees not charged beyond the price (`fee-limit`, positive).
 *
 * @remarks Since 0.2.0
 */
export interface ReturnQuoteLine {
  readonly item: string;
  readonly kind: string;
  readonly amount: Money;
}

/**
 * What changes hands for a return, exchange or replacement. `balance` is signed from the
 * customer's side (positive: the customer receives it; negative: the customer pays it) and the
 * lines always sum to it exactly; `refund` and `charge` state the same as two amounts of which one
 * is zero: `balance = refund - charge`.
 *
 * @remarks Since 0.1.0; `balance`, `charge` and the `fee-limit` line since 0.2.0.
 */
export interface ReturnQuote {
  readonly lines: readonly ReturnQuoteLine[];
  readonly fees: readonly FeeLine[];
  /** The sum of the lines: positive, the customer receives it; negative, the customer pays it. */
  readonly balance: Money;
  /** What the customer receives (0 or more), by `method`. */
  readonly refund: Money;
  /** What the customer pays (0 or more): an exchange's handling fee, say. */
  readonly charge: Money;
  /** How a refund is paid: `original-payment`, `store-credit` or `exchange`. */
  readonly method: string;
}

/**
 * The quote: the price (for a return), each fee as a negative line, and what changes hands. An
 * exchange or a replacement pays its fees; a return is never charged fees beyond its price, and
 * the part not charged is a `fee-limit` line, so the lines always sum to the balance.
 */
export function quoteOf(c: Compiled, facts: Facts, daysSince: number, reasons: Reason[], fees: FeeSchedule = c.fees, law: ReturnLaw | null = null): ReturnQuote {
  const { currency } = c.spec.fees;
  const service = facts.service ?? 'return';
  const feeQuote = quoteFees(fees, {
    price: facts.price,
    ...(facts.orderValue ? { orderValue: facts.orderValue } : {}),
    condition: facts.condition as (typeof PRODUCT_CONDITIONS)[number],
    defective: facts.defective ?? false,
    category: facts.category,
    ...(facts.sizeClass ? { sizeClass: facts.sizeClass } : {}),
    service,
    daysSinceDelivery: Math.max(0, daysSince),
    ...(facts.weightKg !== undefined ? { weightKg: facts.weightKg } : {}),
    warranty: facts.warranty ?? false,
  });
  // The fees the law forbids are not charged: their reasons say so in place of FEE_APPLIED.
  const legal = waivedFees(law, facts.condition, feeQuote.fees, currency);
  const waivedRules = new Set([...legal.waived].map((fee) => fee.rule));
  const charged = feeQuote.fees.filter((fee) => !legal.waived.has(fee));
  reasons.push(...feeQuote.reasons.filter((reason) => !(reason.code === 'FEE_APPLIED' && reason.rule !== undefined && waivedRules.has(reason.rule))), ...legal.reasons);
  // An exchange or a replacement swaps the item, so its price changes no hands.
  const refunds = service === 'return';
  const lines: ReturnQuoteLine[] = [
    ...(refunds ? [{ item: 'Item price', kind: 'price', amount: facts.price }] : []),
    ...charged.map((fee) => ({ item: fee.description ?? fee.rule, kind: fee.kind, amount: negate(fee.amount) })),
  ];
  let balance = sum(lines.map((line) => line.amount), currency);
  if (refunds && isNegative(balance)) {
    const beforeLimit = balance;
    reasons.push({
      code: 'FEES_EXCEED_PRICE',
      facts: { fees: sum(charged.map((fee) => fee.amount), currency).amount, price: facts.price.amount, notCharged: negate(beforeLimit).amount },
      message: messages.FEES_EXCEED_PRICE(sum(charged.map((fee) => fee.amount), currency).amount, facts.price.amount, currency),
    });
    lines.push({ item: messages.FEE_LIMIT_LINE(), kind: 'fee-limit', amount: negate(beforeLimit) });
    // The fee-limit line brings the lines' sum to exactly zero.
    balance = money('0', currency);
  }
  const zero = money('0', currency);
  const pays = isNegative(balance);
  const refund = pays ? zero : balance;
  const charge = pays ? negate(balance) : zero;
  const method = c.spec.refund.method;
  reasons.push({
    code: 'QUOTE_BALANCE',
    facts: { service, balance: balance.amount, refund: refund.amount, charge: charge.amount, currency, method },
    message: pays ? messages.QUOTE_PAYS(charge.amount, currency, service) : isZero(balance) ? messages.QUOTE_NOTHING() : messages.QUOTE_RECEIVES(refund.amount, currency, method),
  });
  return { lines, fees: charged, balance, refund, charge, method };
}

