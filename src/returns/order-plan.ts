// An order return, worked out: the references, quantities, currency and dates of a checked request,
// then the numbers every line decision needs: the order's value, each discount's share of each
// line (by line value, largest remainder) and of each returned unit.

import * as messages from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import type { FeeScheduleSpec } from '../fees/index.js';
import { allocate, compare, fromMinorUnits, isZero, money, multiply, percentOf, subtract, sum, toMinorUnits, type Money } from '../money/index.js';
import type { Compiled } from './define.js';
import { checkShape, type Checked, type EntryIn, type LineIn, type OrderCompiled } from './order-request.js';

/** One discount, prorated: its amount and each line's share (in the order's line order). */
export interface Prorated {
  readonly id: string;
  readonly percent: number | null;
  /** The value of the lines it applies to. */
  readonly base: Money;
  readonly amount: Money;
  readonly lines: readonly string[];
  readonly shares: readonly Money[];
}

/** A returned entry with what its units cost and their share of each discount. */
export interface PlannedEntry {
  readonly entry: EntryIn;
  /** The index of the entry in `returning`, and of its line in `order.lines`. */
  readonly index: number;
  readonly lineIndex: number;
  readonly line: LineIn;
  /** Units of the line returned by earlier entries of this request. */
  readonly before: number;
  /** Unit price × quantity returned. */
  readonly gross: Money;
  /** The returned units' share of each discount that applies to the line (zero shares left out). */
  readonly discounts: readonly { readonly id: string; readonly amount: Money }[];
  readonly discount: Money;
  /** What was paid for the returned units: gross less discounts. */
  readonly price: Money;
}

/** The checked order with every amount a decision needs. */
export interface PlannedOrder {
  readonly checked: Checked;
  /** What was paid for the goods: the lines less the discounts (shipping apart). */
  readonly value: Money;
  readonly prorated: readonly Prorated[];
  readonly entries: readonly PlannedEntry[];
  /** The last line's delivery, when every line has been delivered. */
  readonly lastItemDeliveredAt?: number;
}

/** An id that names no line of the order, with the line ids and a did-you-mean. */
function unknownLine(id: string, ids: readonly string[], path: Issue['path']): Issue {
  const suggestion = suggest(id, ids);
  return { code: 'INVALID_VALUE', path, message: messages.ORDER_UNKNOWN_LINE(id, ids, suggestion), allowed: ids, ...(suggestion ? { suggestion } : {}) };
}

/** The references, quantities, currency, dates and discounts of a checked order, every problem at once. */
function referenceIssues(checked: Checked, currency: string): Issue[] {
  const { order, returning, requestedAt } = checked;
  const issues: Issue[] = [];
  if (order.currency !== undefined && order.currency !== currency) issues.push({ code: 'CURRENCY_MISMATCH', path: ['order', 'currency'], message: messages.CURRENCY_MISMATCH(currency, order.currency) });
  if (order.lines.length === 0) issues.push({ code: 'EMPTY', path: ['order', 'lines'], message: messages.EMPTY(1) });
  if (returning.length === 0) issues.push({ code: 'EMPTY', path: ['returning'], message: messages.EMPTY(1) });
  const index = new Map<string, number>();
  order.lines.forEach((line, i) => {
    const earlier = index.get(line.id);
    if (earlier === undefined) index.set(line.id, i);
    else issues.push({ code: 'DUPLICATE_ID', path: ['order', 'lines', i, 'id'], message: messages.DUPLICATE_ID(line.id, `order.lines.${earlier}`) });
  });
  const ids = [...index.keys()];
  const after = (at: number | undefined, path: Issue['path'], field: string) => {
    if (at !== undefined && at > requestedAt) issues.push({ code: 'DATE_AFTER_REQUEST', path, message: messages.DATE_AFTER_REQUEST(field, new Date(at).toISOString(), new Date(requestedAt).toISOString()) });
  };
  after(order.placedAt, ['order', 'placedAt'], 'order.placedAt');
  order.lines.forEach((line, i) => after(line.deliveredAt, ['order', 'lines', i, 'deliveredAt'], `order.lines.${i}.deliveredAt`));
  const taken = new Map<string, number>();
  returning.forEach((entry, j) => {
    const i = index.get(entry.line);
    if (i === undefined) {
      issues.push(unknownLine(entry.line, ids, ['returning', j, 'line']));
      return;
    }
    const before = taken.get(entry.line) ?? 0;
    const bought = (order.lines[i] as LineIn).quantity;
    if (before + entry.quantity > bought) issues.push({ code: 'INVALID_FACT', path: ['returning', j, 'quantity'], message: messages.ORDER_QUANTITY_EXCEEDED(entry.line, entry.quantity, bought, before) });
    taken.set(entry.line, before + entry.quantity);
  });
  const discountIds = new Map<string, number>();
  (order.discounts ?? []).forEach((discount, d) => {
    const at = ['order', 'discounts', d];
    const earlier = discountIds.get(discount.id);
    if (earlier === undefined) discountIds.set(discount.id, d);
    else issues.push({ code: 'DUPLICATE_ID', path: [...at, 'id'], message: messages.DUPLICATE_ID(discount.id, `order.discounts.${earlier}`) });
    if (discount.amount !== undefined && discount.percent !== undefined) issues.push({ code: 'CONFLICTING_FIELDS', path: [...at, 'percent'], message: messages.DISCOUNT_AMOUNT_OR_PERCENT(discount.id) });
    if (discount.amount === undefined && discount.percent === undefined) issues.push({ code: 'REQUIRED', path: [...at, 'amount'], message: messages.DISCOUNT_AMOUNT_OR_PERCENT(discount.id) });
    if (discount.lines?.length === 0) issues.push({ code: 'EMPTY', path: [...at, 'lines'], message: messages.EMPTY(1) });
    const listed = new Set<string>();
    discount.lines?.forEach((id, k) => {
      if (!index.has(id)) issues.push(unknownLine(id, ids, [...at, 'lines', k]));
      else if (listed.has(id)) issues.push({ code: 'DUPLICATE_VALUE', path: [...at, 'lines', k], message: messages.DUPLICATE_VALUE(id) });
      listed.add(id);
    });
  });
  return issues;
}

const byId = (a: LineIn, b: LineIn) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Each discount's amount and each line's share of it, by line value, largest remainder (ties: the line id first in order). */
function prorate(checked: Checked, values: readonly Money[], currency: string, rounding: NonNullable<FeeScheduleSpec['rounding']>, issues: Issue[]): Prorated[] {
  const { order } = checked;
  const all = order.lines.map((line) => line.id);
  const zero = money('0', currency);
  return (order.discounts ?? []).map((discount, d) => {
    const applies = discount.lines ?? all;
    const shares = order.lines.map(() => zero);
    // In the order of the line ids, so that a tie's extra cent never depends on how the lists are ordered.
    const indices = applies.map((id) => order.lines.findIndex((line) => line.id === id)).sort((a, b) => byId(order.lines[a] as LineIn, order.lines[b] as LineIn));
    const base = sum(indices.map((i) => values[i] as Money), currency);
    const amount = discount.amount ?? percentOf(base, discount.percent as number, rounding);
    if (compare(amount, base) > 0) {
      issues.push({ code: 'INVALID_FACT', path: ['order', 'discounts', d, 'amount'], message: messages.DISCOUNT_EXCEEDS_LINES(discount.id, amount.amount, base.amount, currency) });
    } else if (!isZero(base)) {
      // Largest remainder by line value: every cent of the discount lands on exactly one line.
      allocate(amount, indices.map((i) => (values[i] as Money).amount)).forEach((share, k) => {
        shares[indices[k] as number] = share;
      });
    }
    return { id: discount.id, percent: discount.percent ?? null, base, amount, lines: applies, shares };
  });
}

/**
 * Units `from` to `from + count` (exclusive) of a line's share of a discount, as
 * `allocate(share, [1, 1, …])` over its `quantity` units splits it: each unit the same whole number
 * of minor units, the units left over one each to the first units (equal remainders, ties to the
 * earlier). Computed in closed form rather than by allocating every unit of a 1,000,000-unit line;
 * test/returns/order-units.test.ts holds it equal to `allocate`.
 */
export function unitsShare(share: Money, quantity: number, from: number, count: number): Money {
  const units = toMinorUnits(share);
  const each = units / BigInt(quantity);
  const extra = Number(units % BigInt(quantity));
  const taken = BigInt(count) * each + BigInt(Math.max(0, Math.min(from + count, extra) - from));
  return fromMinorUnits(taken, share.currency);
}

/**
 * Checks an order return request against the policy and works out its amounts: the order's value,
 * each discount's share of each line, and what each returned entry's units cost after discounts.
 * The units of a line carry its discounts' total share as `allocate` splits it over them (the first
 * units take the extra cents), and a line's entries take its units in request order, so the returned
 * units never carry less than their proportional share: a line returned in several requests is
 * never refunded more than was paid for it.
 *
 * @throws InvalidArgumentError every problem of the request, each at its path.
 */
export function planOrder(oc: OrderCompiled, c: Compiled, request: unknown): PlannedOrder {
  const checked = checkShape(oc.check, request);
  const currency = c.spec.fees.currency;
  const issues = referenceIssues(checked, currency);
  if (issues.length > 0) throw new InvalidArgumentError(issues);
  const { order } = checked;
  const values = order.lines.map((line) => multiply(line.unitPrice, line.quantity));
  const prorated = prorate(checked, values, currency, c.spec.fees.rounding ?? 'half-up', issues);
  // One discount is held within its lines by prorate; several could together exceed a line.
  if (prorated.length > 1) {
    order.lines.forEach((line, i) => {
      const total = sum(prorated.map((p) => p.shares[i] as Money), currency);
      if (compare(total, values[i] as Money) > 0) issues.push({ code: 'INVALID_FACT', path: ['order', 'discounts'], message: messages.DISCOUNTS_EXCEED_LINE(line.id, total.amount, (values[i] as Money).amount, currency) });
    });
  }
  if (issues.length > 0) throw new InvalidArgumentError(issues);
  const value = subtract(sum(values, currency), sum(prorated.map((p) => p.amount), currency));
  const taken = new Map<number, number>();
  const entries = checked.returning.map((entry, index): PlannedEntry => {
    const lineIndex = order.lines.findIndex((line) => line.id === entry.line);
    const line = order.lines[lineIndex] as LineIn;
    const before = taken.get(lineIndex) ?? 0;
    taken.set(lineIndex, before + entry.quantity);
    const gross = multiply(line.unitPrice, entry.quantity);
    // The units carry the line's discounts together (each unit at most its price, as the line's
    // total is at most the line's value), and the returned units' part is then shared among the
    // discounts by their shares of the line. Split discount by discount, the extra cents of
    // several discounts could all land on the same unit and price it below zero.
    const onLine = prorated.filter((p) => !isZero(p.shares[lineIndex] as Money));
    const lineTotal = sum(onLine.map((p) => p.shares[lineIndex] as Money), currency);
    const discount = onLine.length === 0 ? money('0', currency) : unitsShare(lineTotal, line.quantity, before, entry.quantity);
    const parts = onLine.length === 0 || isZero(discount) ? [] : allocate(discount, onLine.map((p) => (p.shares[lineIndex] as Money).amount));
    const discounts = onLine.map((p, k) => ({ id: p.id, amount: parts[k] as Money })).filter((d) => d.amount !== undefined && !isZero(d.amount));
    return { entry, index, lineIndex, line, before, gross, discounts, discount, price: subtract(gross, discount) };
  });
  const delivered = order.lines.map((line) => line.deliveredAt);
  const lastItemDeliveredAt = delivered.every((at) => at !== undefined) ? Math.max(...(delivered as number[])) : undefined;
  return { checked, value, prorated, entries, ...(lastItemDeliveredAt !== undefined ? { lastItemDeliveredAt } : {}) };
}
