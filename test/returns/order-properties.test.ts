import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, compare, fromMinorUnits, isNegative, isZero, money, multiply, subtract, sum, type Money } from '../../src/money/index.js';
import { checkOrderReturn, checkReturn, defineReturnPolicy, type OrderReturnRequest, type ReturnPolicySpec } from '../../src/returns/index.js';
import { spec } from './order-fixtures.js';

// Laws of order returns (issue 17): the quote sums exactly, discounts are shared without losing a
// cent, an order with no order-level fact is the sum of its single returns, a whole order never
// refunds more than was paid, and the order of the request's lists changes no total.
const policy = defineReturnPolicy(spec);
// The same policy without anything decided at the order level: no order fee, no shipping rule.
// Its item rules still see the order's value: a small-order handling fee per returned item.
const itemRules = [...spec.fees.rules.filter((rule) => rule.per !== 'order'), { id: 'small-order', kind: 'handling', flat: '1.50', when: { service: ['return'], orderValue: { lt: '100.00' } } }];
const itemsOnly: ReturnPolicySpec = { ...spec, fees: { ...spec.fees, rules: itemRules } };
delete (itemsOnly as { shippingRefund?: unknown }).shippingRefund;
const itemPolicy = defineReturnPolicy(itemsOnly);
// No order fee, but the shipping rules: a whole order returned unopened gets back all it paid.
const noOrderFees = defineReturnPolicy({ ...spec, fees: { ...spec.fees, rules: spec.fees.rules.filter((rule) => rule.per !== 'order') } });

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 2, 19);
const cents = (max: number) => fc.integer({ min: 0, max }).map((n) => fromMinorUnits(n, 'USD'));

const lineArb = fc.record({
  category: fc.constantFrom('equipment', 'apparel', 'accessories'),
  unitPrice: cents(50_000),
  quantity: fc.integer({ min: 1, max: 5 }),
  deliveredAt: fc.integer({ min: 0, max: 10 * DAY }).map((ms) => T0 + ms),
  flags: fc.constantFrom(undefined, ['final-sale']),
});

const entryArb = fc.record({
  pick: fc.nat(),
  units: fc.nat(),
  condition: fc.constantFrom('unopened', 'opened', 'used', 'damaged-by-customer' as const),
  defective: fc.boolean(),
  service: fc.constantFrom('return', 'return', 'exchange' as const),
});

/** An order of 1–5 lines, some of it coming back (within each line's quantity), discounts that fit. */
const orderArb = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
    entries: fc.array(entryArb, { minLength: 1, maxLength: 6 }),
    discounts: fc.array(fc.record({ permille: fc.integer({ min: 0, max: 300 }), percent: fc.boolean(), some: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }) }), { maxLength: 2 }),
    shipping: fc.option(cents(2_000), { nil: undefined }),
    afterDays: fc.integer({ min: 0, max: 45 }),
  })
  .map(({ lines, entries, discounts, shipping, afterDays }) => {
    const orderLines = lines.map((line, i) => ({ id: `L${i}`, ...line, flags: line.flags }));
    const left = orderLines.map((line) => line.quantity);
    const returning = entries.flatMap((entry) => {
      const i = entry.pick % orderLines.length;
      const quantity = Math.min(left[i] as number, 1 + (entry.units % 3));
      if (quantity === 0) return [];
      left[i] = (left[i] as number) - quantity;
      return [{ line: `L${i}`, quantity, condition: entry.condition, defective: entry.defective, service: entry.service }];
    });
    const values = orderLines.map((line) => multiply(line.unitPrice, line.quantity));
    const orderDiscounts = discounts.flatMap((d, k) => {
      const applies = orderLines.filter((_, i) => d.some[i] === true).map((line) => line.id);
      const ids = applies.length > 0 ? applies : undefined;
      const base = sum(orderLines.flatMap((line, i) => (!ids || ids.includes(line.id) ? [values[i] as Money] : [])), 'USD');
      if (isZero(base)) return [];
      // Two discounts of at most 30 % each never exceed a line.
      return [d.percent ? { id: `D${k}`, percent: Math.max(0.1, d.permille / 10), ...(ids ? { lines: ids } : {}) } : { id: `D${k}`, amount: multiply(base, d.permille / 1000, 'floor'), ...(ids ? { lines: ids } : {}) }];
    });
    const requestedAt = T0 + 10 * DAY + afterDays * DAY;
    return {
      order: { lines: orderLines.map(({ flags, ...line }) => (flags ? { ...line, flags } : line)), ...(orderDiscounts.length > 0 ? { discounts: orderDiscounts } : {}), ...(shipping ? { shipping: { amount: shipping } } : {}) },
      returning,
      requestedAt,
    } satisfies OrderReturnRequest;
  })
  .filter((request) => request.returning.length > 0);

const usd = (amount: string) => money(amount, 'USD');

describe('laws of order returns', () => {
  it('two discounts whose extra cents fall on the same unit never price it below zero (found by the prorating law)', () => {
    // 3 × 0.01 and 2 × 0.30: 0.11 off both lines gives L0 0.01, 16.7 % off the order gives L0 0.01
    // more. Split discount by discount, both cents went to L0's first unit (price 0.01, discount 0.02).
    const usd = (amount: string) => money(amount, 'USD');
    const request = {
      order: {
        lines: [
          { id: 'L0', category: 'equipment', unitPrice: usd('0.01'), quantity: 3, deliveredAt: 1790967600000 },
          { id: 'L1', category: 'equipment', unitPrice: usd('0.30'), quantity: 2, deliveredAt: 1790967600000 },
        ],
        discounts: [{ id: 'D0', amount: usd('0.11'), lines: ['L0', 'L1'] }, { id: 'D1', percent: 16.7 }],
      },
      returning: [{ line: 'L0', quantity: 1, condition: 'unopened', defective: false, service: 'return' }],
      requestedAt: 1791831600000,
    } as unknown as OrderReturnRequest;
    const decision = checkOrderReturn(policy, request);
    const [line] = decision.lines;
    expect(line?.gross).toEqual(usd('0.01'));
    expect(line?.discount).toEqual(usd('0.01'));
    expect(line?.price).toEqual(usd('0.00'));
    // The whole line's three units carry its two cents of discount: 0.01, 0.01, 0.00.
    const all = checkOrderReturn(policy, { ...request, returning: [{ line: 'L0', quantity: 3, condition: 'unopened', defective: false, service: 'return' }] } as unknown as OrderReturnRequest);
    expect(all.lines[0]?.discount).toEqual(usd('0.02'));
    expect(all.lines[0]?.price).toEqual(usd('0.01'));
  });

  it('balance: the quote lines sum to the balance, balance = refund - charge, one of them zero', () => {
    fc.assert(
      fc.property(orderArb, (request) => {
        const decision = checkOrderReturn(policy, request);
        if (!decision.quote) {
          expect(decision.lines.every((line) => line.outcome === 'ineligible')).toBe(true);
          return;
        }
        const { lines, balance, refund, charge } = decision.quote;
        expect(sum(lines.map((line) => line.amount), 'USD')).toEqual(balance);
        expect(subtract(refund, charge)).toEqual(balance);
        expect(isZero(refund) || isZero(charge)).toBe(true);
        expect(isNegative(refund) || isNegative(charge)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('prorating: each discount\'s line shares sum exactly to it, and no share is negative or above its line', () => {
    fc.assert(
      fc.property(orderArb, (request) => {
        const decision = checkOrderReturn(policy, request);
        for (const discount of decision.discounts) {
          expect(sum(discount.shares.map((share) => share.amount), 'USD')).toEqual(discount.amount);
          for (const share of discount.shares) {
            const line = request.order.lines.find((l) => l.id === share.line);
            expect(isNegative(share.amount)).toBe(false);
            expect(compare(share.amount, multiply(line?.unitPrice as Money, line?.quantity ?? 0))).toBeLessThanOrEqual(0);
          }
        }
        // The returned units' shares never exceed the line's (a line returned in parts is covered by the next law).
        for (const line of decision.lines) expect(add(line.discount, line.price)).toEqual(line.gross);
      }),
      { numRuns: 300 },
    );
  });

  it('no order-level fact: the order quote is the sum of single-line checkReturn quotes, line by line', () => {
    fc.assert(
      fc.property(orderArb, (request) => {
        const bare = { lines: request.order.lines };
        const plain = { ...request, order: bare };
        const decision = checkOrderReturn(itemPolicy, plain);
        const value = sum(bare.lines.map((line) => multiply(line.unitPrice, line.quantity)), 'USD');
        const singles = plain.returning.map((entry) => {
          const line = bare.lines.find((l) => l.id === entry.line) as (typeof bare.lines)[number] & { flags?: readonly string[] };
          return checkReturn(itemPolicy, {
            category: line.category,
            price: multiply(line.unitPrice, entry.quantity),
            orderValue: value,
            condition: entry.condition,
            defective: entry.defective,
            service: entry.service,
            ...(line.flags ? { flags: line.flags } : {}),
            deliveredAt: line.deliveredAt,
            lastItemDeliveredAt: Math.max(...bare.lines.map((l) => l.deliveredAt)),
            requestedAt: plain.requestedAt,
          });
        });
        decision.lines.forEach((line, j) => {
          const own = Object.fromEntries(Object.entries(line).filter(([key]) => !['entry', 'line', 'quantity', 'gross', 'discount', 'price'].includes(key)));
          expect(own).toEqual(singles[j]);
        });
        const accepted = singles.flatMap((single) => (single.quote ? [single.quote.balance] : []));
        expect(decision.quote?.balance ?? null).toEqual(accepted.length > 0 ? sum(accepted, 'USD') : null);
      }),
      { numRuns: 200 },
    );
  });

  it('returning every unit of every line refunds at most what was paid (goods less discounts, plus shipping), exactly that when all is unopened and no fee applies', () => {
    fc.assert(
      fc.property(orderArb, fc.boolean(), (request, unopened) => {
        const returning = request.order.lines.map((line, i) => ({ ...(request.returning[i] ?? { condition: 'opened' as const, defective: false }), line: line.id, quantity: line.quantity, service: 'return' as const, ...(unopened ? { condition: 'unopened' as const, defective: false } : {}) }));
        const decision = checkOrderReturn(policy, { ...request, returning });
        const paid = add(decision.order.value, request.order.shipping?.amount ?? usd('0.00'));
        expect(compare(decision.quote?.refund ?? usd('0.00'), paid)).toBeLessThanOrEqual(0);
        const free = checkOrderReturn(noOrderFees, { ...request, returning });
        expect(compare(free.quote?.refund ?? usd('0.00'), paid)).toBeLessThanOrEqual(0);
        const refused = free.lines.some((line) => line.outcome === 'ineligible');
        if (unopened && !refused) expect(free.quote?.refund).toEqual(paid);
      }),
      { numRuns: 200 },
    );
  });

  it('any part of an order refunds at most what was paid for it', () => {
    fc.assert(
      fc.property(orderArb, (request) => {
        const decision = checkOrderReturn(policy, request);
        const paid = add(decision.order.value, request.order.shipping?.amount ?? usd('0.00'));
        expect(compare(decision.quote?.refund ?? usd('0.00'), paid)).toBeLessThanOrEqual(0);
        for (const line of decision.lines) if (line.quote) expect(compare(line.quote.refund, line.price)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('order of the lists: reversing the order\'s lines, the discounts and the returned lines changes no total', () => {
    fc.assert(
      fc.property(orderArb, (request) => {
        const decision = checkOrderReturn(policy, request);
        // Entries of one line take its units in request order, so only lines with one entry may move freely.
        const perLine = new Map<string, number>();
        for (const entry of request.returning) perLine.set(entry.line, (perLine.get(entry.line) ?? 0) + 1);
        fc.pre([...perLine.values()].every((n) => n === 1));
        const reversed = {
          ...request,
          order: { ...request.order, lines: [...request.order.lines].reverse(), ...(request.order.discounts ? { discounts: [...request.order.discounts].reverse() } : {}) },
          returning: [...request.returning].reverse(),
        };
        const other = checkOrderReturn(policy, reversed);
        expect(other.order.value).toEqual(decision.order.value);
        expect([other.quote?.balance, other.quote?.refund, other.quote?.charge]).toEqual([decision.quote?.balance, decision.quote?.refund, decision.quote?.charge]);
      }),
      { numRuns: 200 },
    );
  });
});
