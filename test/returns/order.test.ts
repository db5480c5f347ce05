import { describe, expect, it } from 'vitest';
import { money, sum } from '../../src/money/index.js';
import { checkOrderReturn, checkReturn, defineReturnPolicy, ReturnPolicyError, type OrderReturnRequest } from '../../src/returns/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';
import { DELIVERED, REQUESTED, order, spec } from './order-fixtures.js';

const policy = defineReturnPolicy(spec);
const usd = (amount: string) => money(amount, 'USD');
const decide = (request: Omit<OrderReturnRequest, 'requestedAt'> & { requestedAt?: string }) => checkOrderReturn(policy, { requestedAt: REQUESTED, ...request });
const kinds = (decision: ReturnType<typeof decide>) => decision.quote?.lines.map((line) => [line.line, line.kind, line.amount.amount]);

describe('two of five items from an order with a 10 % coupon and paid shipping', () => {
  // 39.99 + 2 × 24.50 + 2 × 19.99 = 128.97; the coupon is 10 % of it, 12.897, rounded half-up to
  // 12.90, shared by line value: 1290 × 3999/12897 = 399.99, × 4900/12897 = 490.11, × 3998/12897 =
  // 399.89 cents; floors 399 + 490 + 399 = 1288, the 2 cents left go to the largest remainders
  // (.99 mat, .89 tee): mat 4.00, dumbbells 4.90, tee 4.00. Order value 128.97 - 12.90 = 116.07.
  const decision = decide({ order, returning: [{ line: 'mat', quantity: 1, condition: 'opened' }, { line: 'tee', quantity: 1, condition: 'unopened' }] });

  it('shares the coupon by line value, largest remainder, and says so', () => {
    expect(decision.order.value).toEqual(usd('116.07'));
    expect(decision.discounts).toEqual([
      { id: 'COUPON10', amount: usd('12.90'), percent: 10, base: usd('128.97'), shares: [{ line: 'mat', amount: usd('4.00') }, { line: 'dumbbells', amount: usd('4.90') }, { line: 'tee', amount: usd('4.00') }] },
    ]);
    expect(decision.reasons[0]).toEqual({
      code: 'DISCOUNT_PRORATED',
      rule: 'COUPON10',
      facts: { amount: '12.90', percent: 10, base: '128.97', method: 'line-value-largest-remainder', lines: ['mat', 'dumbbells', 'tee'], shares: ['4.00', '4.90', '4.00'] },
      message: 'COUPON10 (12.90 USD) is shared by line value, largest remainder: mat 4.00, dumbbells 4.90, tee 4.00.',
    });
  });

  it('prices each returned line at what was paid for it: the mat 39.99 - 4.00, one tee of two 19.99 - 2.00', () => {
    expect(decision.lines.map((line) => [line.line, line.outcome, line.gross.amount, line.discount.amount, line.price.amount])).toEqual([
      ['mat', 'eligible', '39.99', '4.00', '35.99'],
      ['tee', 'eligible', '19.99', '2.00', '17.99'],
    ]);
    // Restocking is 10 % of what was paid for the mat: 3.599, half-up 3.60.
    expect(decision.lines[0]?.quote?.balance).toEqual(usd('32.39'));
    expect(decision.lines[1]?.quote?.balance).toEqual(usd('17.99'));
  });

  it('frees the label once, with the order value 116.07 (each line alone is under 75.00), and keeps the shipping', () => {
    expect(kinds(decision)).toEqual([
      ['mat', 'price', '39.99'],
      ['mat', 'discount', '-4.00'],
      ['mat', 'restocking', '-3.60'],
      ['tee', 'price', '19.99'],
      ['tee', 'discount', '-2.00'],
      [null, 'label', '0.00'],
    ]);
    expect(decision.quote?.fees.map((fee) => [fee.rule, fee.amount.amount])).toEqual([['prepaid-label', '0.00']]);
    expect(decision.reasons.find((r) => r.code === 'SHIPPING_NOT_REFUNDED')?.facts).toEqual({ amount: '7.95', wholeOrder: false, defective: false, rules: ['whole-order', 'merchant-fault'] });
    expect([decision.quote?.refund, decision.quote?.charge, decision.quote?.shipping]).toEqual([usd('50.38'), usd('0.00'), usd('0.00')]);
    expect(decision.reasons.at(-1)?.message).toBe('The customer receives 50.38 USD to the original payment method.');
  });

  it('refunds the shipping when a returned item is defective (no restocking then either)', () => {
    const faulty = decide({ order, returning: [{ line: 'mat', quantity: 1, condition: 'opened', defective: true }, { line: 'tee', quantity: 1, condition: 'unopened' }] });
    expect(faulty.reasons.find((r) => r.code === 'SHIPPING_REFUNDED')).toMatchObject({ rule: 'merchant-fault', facts: { wholeOrder: false, defective: true } });
    // 35.99 + 17.99 + 7.95
    expect(faulty.quote?.refund).toEqual(usd('61.93'));
  });

  it('refunds exactly what was paid, shipping included, when the whole order comes back unopened', () => {
    const all = decide({ order, returning: order.lines.map((line) => ({ line: line.id, quantity: line.quantity, condition: 'unopened' as const })) });
    expect(all.order.wholeOrder).toBe(true);
    expect(all.reasons.find((r) => r.code === 'SHIPPING_REFUNDED')?.rule).toBe('whole-order');
    // 128.97 - 12.90 + 7.95
    expect(all.quote?.refund).toEqual(usd('124.02'));
  });
});

describe('order-level fees apply once, with the order facts', () => {
  const small = { lines: [{ id: 'a', category: 'apparel', unitPrice: '30.00', quantity: 1, deliveredAt: DELIVERED }, { id: 'b', category: 'apparel', unitPrice: '20.00', quantity: 2, deliveredAt: DELIVERED }] };

  it('charges the 5.00 label once for two lines of a 70.00 order', () => {
    const decision = decide({ order: small, returning: [{ line: 'a', quantity: 1, condition: 'unopened' }, { line: 'b', quantity: 2, condition: 'unopened' }] });
    expect(kinds(decision)).toEqual([
      ['a', 'price', '30.00'],
      ['b', 'price', '40.00'],
      [null, 'label', '-5.00'],
    ]);
    expect(decision.quote?.refund).toEqual(usd('65.00'));
  });

  it.each([
    ['75.00', '-5.00', '70.00'],
    ['75.01', '0.00', '75.01'],
  ])('an order worth exactly %s: label %s, refund %s ("over $75" is > 75.00)', (price, label, refund) => {
    const decision = decide({ order: { lines: [{ id: 'a', category: 'apparel', unitPrice: price, quantity: 1, deliveredAt: DELIVERED }] }, returning: [{ line: 'a', quantity: 1, condition: 'unopened' }] });
    expect(decision.quote?.lines.find((line) => line.kind === 'label')?.amount.amount).toBe(label);
    expect(decision.quote?.refund.amount).toBe(refund);
  });

  it('measures the threshold on the order value after discounts: 80.00 less a 6.00 coupon is 74.00, under it', () => {
    const decision = decide({ order: { lines: [{ id: 'a', category: 'apparel', unitPrice: '80.00', quantity: 1, deliveredAt: DELIVERED }], discounts: [{ id: 'C6', amount: '6.00' }] }, returning: [{ line: 'a', quantity: 1, condition: 'unopened' }] });
    expect(decision.order.value).toEqual(usd('74.00'));
    expect(decision.quote?.lines.find((line) => line.kind === 'label')?.amount.amount).toBe('-5.00');
  });

  it('never charges the order fees beyond what is refunded (a 3.00 item under a 5.00 label)', () => {
    const decision = decide({ order: { lines: [{ id: 'a', category: 'accessories', unitPrice: '3.00', quantity: 1, deliveredAt: DELIVERED }] }, returning: [{ line: 'a', quantity: 1, condition: 'unopened' }] });
    expect(kinds(decision)).toEqual([
      ['a', 'price', '3.00'],
      [null, 'label', '-5.00'],
      [null, 'fee-limit', '2.00'],
    ]);
    expect(decision.reasons.find((r) => r.code === 'ORDER_FEES_EXCEED_REFUND')?.facts).toEqual({ fees: '5.00', refundable: '3.00', notCharged: '2.00' });
    expect(decision.quote?.balance).toEqual(usd('0.00'));
  });

  it('gives per-item rules that test orderValue the order\'s value, not the line\'s', () => {
    const perItem = defineReturnPolicy({ ...spec, fees: { ...spec.fees, rules: [{ id: 'small-order', kind: 'handling', flat: '1.50', when: { orderValue: { lt: '100.00' } } }] } });
    const tee = { line: 'tee', quantity: 1, condition: 'unopened' as const };
    // The tee's own price (17.99) is under 100.00; the order's value (116.07) is not.
    expect(checkOrderReturn(perItem, { order, returning: [tee], requestedAt: REQUESTED }).quote?.refund).toEqual(usd('17.99'));
    const smaller = { ...order, lines: order.lines.filter((line) => line.id !== 'dumbbells') };
    expect(checkOrderReturn(perItem, { order: smaller, returning: [tee], requestedAt: REQUESTED }).lines[0]?.quote?.fees.map((fee) => fee.rule)).toEqual(['small-order']);
  });

  it('a single-item checkReturn charges an order rule as the order of one item it is', () => {
    const single = checkReturn(policy, { category: 'apparel', price: '30.00', orderValue: '30.00', condition: 'unopened', deliveredAt: DELIVERED, requestedAt: REQUESTED });
    const asOrder = decide({ order: { lines: [{ id: 'a', category: 'apparel', unitPrice: '30.00', quantity: 1, deliveredAt: DELIVERED }] }, returning: [{ line: 'a', quantity: 1, condition: 'unopened' }] });
    expect(single.quote?.balance).toEqual(usd('25.00'));
    expect(asOrder.quote?.balance).toEqual(single.quote?.balance);
  });
});

describe('discounts and quantities at their boundaries', () => {
  const three = { lines: ['x', 'y', 'z'].map((id) => ({ id, category: 'apparel', unitPrice: '20.00', quantity: 1, deliveredAt: DELIVERED })), discounts: [{ id: 'TEN', amount: '10.00' }] };

  it('shares 10.00 over three equal lines as 3.34, 3.33, 3.33 (the extra cent to the line whose id sorts first)', () => {
    const decision = decide({ order: three, returning: [{ line: 'z', quantity: 1, condition: 'unopened' }] });
    expect(decision.discounts[0]?.shares.map((s) => s.amount.amount)).toEqual(['3.34', '3.33', '3.33']);
    expect(sum(decision.discounts[0]?.shares.map((s) => s.amount) ?? [], 'USD')).toEqual(usd('10.00'));
    expect(decision.lines[0]?.price).toEqual(usd('16.67'));
    const reordered = decide({ order: { ...three, lines: [...three.lines].reverse() }, returning: [{ line: 'z', quantity: 1, condition: 'unopened' }] });
    expect(reordered.discounts[0]?.shares.map((s) => [s.line, s.amount.amount])).toEqual([['z', '3.33'], ['y', '3.33'], ['x', '3.34']]);
  });

  it('shares a discount that names some lines among those only', () => {
    const decision = decide({ order: { ...three, discounts: [{ id: 'XY', percent: 25, lines: ['x', 'y'] }] }, returning: [{ line: 'z', quantity: 1, condition: 'unopened' }, { line: 'x', quantity: 1, condition: 'unopened' }] });
    expect(decision.discounts[0]?.shares).toEqual([{ line: 'x', amount: usd('5.00') }, { line: 'y', amount: usd('5.00') }]);
    expect(decision.lines.map((line) => line.price.amount)).toEqual(['20.00', '15.00']);
  });

  it('gives the returned units of a line the larger unit shares, so returning it in parts never refunds more than was paid', () => {
    // 1.00 of discount on a line of three units: 0.34, 0.33, 0.33.
    const line = { id: 'packs', category: 'apparel', unitPrice: '10.00', quantity: 3, deliveredAt: DELIVERED };
    const one = decide({ order: { lines: [line], discounts: [{ id: 'D', amount: '1.00' }] }, returning: [{ line: 'packs', quantity: 1, condition: 'unopened' }] });
    expect(one.lines[0]?.discount).toEqual(usd('0.34'));
    const split = decide({ order: { lines: [line], discounts: [{ id: 'D', amount: '1.00' }] }, returning: [{ line: 'packs', quantity: 1, condition: 'unopened' }, { line: 'packs', quantity: 2, condition: 'opened' }] });
    expect(split.lines.map((l) => l.discount.amount)).toEqual(['0.34', '0.66']);
  });

  it('accepts a quantity equal to the line\'s, and refuses one more, alone or across entries', () => {
    const line = { id: 'b', category: 'apparel', unitPrice: '20.00', quantity: 2, deliveredAt: DELIVERED };
    expect(decide({ order: { lines: [line] }, returning: [{ line: 'b', quantity: 2, condition: 'unopened' }] }).lines[0]?.price).toEqual(usd('40.00'));
    expect(errorOf(() => decide({ order: { lines: [line] }, returning: [{ line: 'b', quantity: 3, condition: 'unopened' }] }))).toEqual(['INVALID_FACT', 'returning.0.quantity']);
    const twice = thrownError(() => decide({ order: { lines: [line] }, returning: [{ line: 'b', quantity: 1, condition: 'unopened' }, { line: 'b', quantity: 2, condition: 'opened' }] }));
    expect([twice.code, twice.path]).toEqual(['INVALID_FACT', ['returning', 1, 'quantity']]);
    expect(twice.message).toContain('Returning 2 of line "b", after 1 in the entries above, is more than the 2 the order has; return at most 1 here.');
  });
});

describe('exchanges inside an order', () => {
  it('refunds nothing for an exchanged line, charges its fees as today, and nets them against the refunded lines', () => {
    const decision = decide({ order, returning: [{ line: 'dumbbells', quantity: 1, condition: 'opened', service: 'exchange' }, { line: 'tee', quantity: 2, condition: 'unopened' }] });
    expect(decision.lines[0]?.quote?.lines).toEqual([{ item: 'Exchange handling', kind: 'handling', amount: usd('-4.00') }]);
    // tee: 39.98 less its 4.00 share; the label is free (order value 116.07); exchange handling 4.00.
    expect(kinds(decision)).toEqual([
      ['dumbbells', 'handling', '-4.00'],
      ['tee', 'price', '39.98'],
      ['tee', 'discount', '-4.00'],
      [null, 'label', '0.00'],
    ]);
    expect(decision.quote?.refund).toEqual(usd('31.98'));
  });

  it('an order of exchanges only pays its fees, and its order fees see the service "exchange"', () => {
    const decision = decide({ order, returning: [{ line: 'dumbbells', quantity: 2, condition: 'opened', service: 'exchange' }] });
    expect(decision.reasons.filter((r) => r.rule === 'label' || r.rule === 'prepaid-label').map((r) => r.code)).toEqual(['FEE_NOT_APPLICABLE', 'FEE_NOT_APPLICABLE']);
    expect([decision.quote?.charge, decision.reasons.at(-1)?.message]).toEqual([usd('4.00'), 'The customer pays 4.00 USD for the exchange.']);
  });
});

describe('lines the policy refuses', () => {
  it('keeps every line decision and its reasons, and quotes only the accepted lines', () => {
    const late = decide({ order, returning: [{ line: 'mat', quantity: 1, condition: 'opened' }], requestedAt: '2026-11-05T09:00:00-08:00' });
    expect(late.lines[0]?.outcome).toBe('ineligible');
    expect(late.lines[0]?.reasons[0]?.code).toBe('RETURN_WINDOW_EXPIRED');
    expect(late.quote).toBeNull();
    expect(late.reasons.at(-1)?.code).toBe('ORDER_NOTHING_ACCEPTED');
  });

  it('a whole order with one line refused is not a whole order for the shipping', () => {
    const withFinal = { ...order, lines: order.lines.map((line) => (line.id === 'tee' ? { ...line, flags: ['final-sale'] } : line)) };
    const decision = decide({ order: withFinal, returning: withFinal.lines.map((line) => ({ line: line.id, quantity: line.quantity, condition: 'unopened' as const })) });
    expect(decision.lines.map((line) => line.outcome)).toEqual(['eligible', 'eligible', 'ineligible']);
    expect(decision.order.wholeOrder).toBe(false);
    expect(decision.reasons.some((r) => r.code === 'SHIPPING_NOT_REFUNDED')).toBe(true);
  });

  it('counts a lastItemDelivered window from the last line delivered, and needs every line delivered', () => {
    const parts = defineReturnPolicy({ ...spec, windows: [{ id: 'last-item-14', days: 14, from: 'lastItemDelivered' }] });
    const split = { ...order, lines: order.lines.map((line) => (line.id === 'tee' ? { ...line, deliveredAt: '2026-10-20T12:00:00-07:00' } : line)) };
    // The mat came on 2026-10-02; the tee, the last item, on 2026-10-20: day 14 is 2026-11-03.
    const decision = checkOrderReturn(parts, { order: split, returning: [{ line: 'mat', quantity: 1, condition: 'unopened' }], requestedAt: '2026-11-03T20:00:00-08:00' });
    expect(decision.order.lastItemDeliveredAt).toEqual(new Date('2026-10-20T19:00:00Z'));
    expect(decision.lines[0]?.window).toMatchObject({ from: 'lastItemDelivered', daysSince: 14, daysLate: 0 });
    const undelivered = { ...order, lines: order.lines.map((line) => (line.id === 'tee' ? { ...line, deliveredAt: undefined } : line)) };
    const error = thrownError(() => checkOrderReturn(parts, { order: undelivered, returning: [{ line: 'mat', quantity: 1, condition: 'unopened' }], requestedAt: REQUESTED }));
    expect([error.code, error.path]).toEqual(['MISSING_DATE', ['order', 'lines', 2, 'deliveredAt']]);
    expect(error.message).toContain('needs "order.lines.2.deliveredAt"');
  });
});

describe('typed errors at the order request\'s paths', () => {
  const returning = [{ line: 'mat', quantity: 1, condition: 'opened' as const }];

  it('refuses a returned line that is not in the order, with a did-you-mean', () => {
    const error = thrownError(() => decide({ order, returning: [{ line: 'Mat', quantity: 1, condition: 'opened' }] }));
    expect([error.code, error.path, error.issues[0]?.suggestion, error.issues[0]?.allowed]).toEqual(['INVALID_VALUE', ['returning', 0, 'line'], 'mat', ['mat', 'dumbbells', 'tee']]);
    expect(errorOf(() => decide({ order: { ...order, discounts: [{ id: 'D', amount: '1.00', lines: ['shirt'] }] }, returning }))).toEqual(['INVALID_VALUE', 'order.discounts.0.lines.0']);
  });

  it('refuses an order in another currency, and amounts in another currency', () => {
    expect(errorOf(() => decide({ order: { ...order, currency: 'EUR' }, returning }))).toEqual(['CURRENCY_MISMATCH', 'order.currency']);
    expect(errorOf(() => decide({ order: { ...order, shipping: { amount: money('7.95', 'EUR') } }, returning }))).toEqual(['CURRENCY_MISMATCH', 'order.shipping.amount.currency']);
    expect(decide({ order: { ...order, currency: 'USD' }, returning }).quote?.refund).toEqual(usd('32.39'));
  });

  it('refuses duplicate line ids, a discount with both or neither amount and percent, and a discount worth more than its lines', () => {
    expect(errorOf(() => decide({ order: { ...order, lines: [...order.lines, order.lines[0] as (typeof order.lines)[number]] }, returning }))).toEqual(['DUPLICATE_ID', 'order.lines.3.id']);
    expect(errorOf(() => decide({ order: { ...order, discounts: [{ id: 'D', amount: '1.00', percent: 5 }] }, returning }))).toEqual(['CONFLICTING_FIELDS', 'order.discounts.0.percent']);
    expect(errorOf(() => decide({ order: { ...order, discounts: [{ id: 'D' }] }, returning }))).toEqual(['REQUIRED', 'order.discounts.0.amount']);
    expect(errorOf(() => decide({ order: { ...order, discounts: [{ id: 'D', amount: '40.00', lines: ['mat'] }] }, returning }))).toEqual(['INVALID_FACT', 'order.discounts.0.amount']);
    expect(errorOf(() => decide({ order: { ...order, discounts: [{ id: 'D', amount: '30.00', lines: ['mat'] }, { id: 'E', amount: '30.00', lines: ['mat'] }] }, returning }))).toEqual(['INVALID_FACT', 'order.discounts']);
  });

  it('refuses an empty order or return, a delivery after the request, and names a line\'s item facts at the order line', () => {
    expect(errorOf(() => decide({ order, returning: [] }))).toEqual(['EMPTY', 'returning']);
    expect(errorOf(() => decide({ order: { ...order, lines: [] }, returning }))).toEqual(['EMPTY', 'order.lines']);
    expect(errorOf(() => decide({ order, returning, requestedAt: '2026-10-01T09:00:00-07:00' }))).toEqual(['DATE_AFTER_REQUEST', 'order.lines.0.deliveredAt']);
    expect(errorOf(() => decide({ order: { ...order, placedAt: '2026-10-11T09:00:00-07:00' }, returning }))).toEqual(['DATE_AFTER_REQUEST', 'order.placedAt']);
    expect(errorOf(() => decide({ order, returning: [{ line: 'mat', quantity: 1, condition: 'opened', warranty: true }] }))).toEqual(['CONFLICTING_FIELDS', 'returning.0.warranty']);
    const noDelivery = { ...order, lines: order.lines.map((line) => ({ ...line, deliveredAt: undefined })) };
    expect(errorOf(() => decide({ order: noDelivery, returning: [{ line: 'tee', quantity: 1, condition: 'opened' }] }))).toEqual(['MISSING_DATE', 'order.lines.2.deliveredAt']);
  });

  it('says how to write a defective item when a returned line gives condition "defective"', () => {
    const error = thrownError(() => decide({ order, returning: [{ line: 'mat', quantity: 1, condition: 'defective' as 'opened' }] }));
    expect([error.code, error.path]).toEqual(['UNKNOWN_IN_POLICY', ['returning', 0, 'condition']]);
    expect(error.message).toContain('give "defective": true');
  });
});

describe('order fees in the fee schedule ("per")', () => {
  const broken = (rules: object[]) => errorOf(() => defineReturnPolicy({ ...spec, fees: { ...spec.fees, rules } } as typeof spec));

  it('refuses an order fee that tests an item fact, is by weight or is a percentage of the price', () => {
    expect(broken([{ id: 'l', kind: 'label', per: 'order', flat: '5.00', when: { category: ['apparel'] } }])).toEqual(['CONFLICTING_FIELDS', 'fees.rules.0.when.category']);
    expect(broken([{ id: 'l', kind: 'label', per: 'order', bands: [{ amount: '5.00' }] }])).toEqual(['CONFLICTING_FIELDS', 'fees.rules.0.bands']);
    expect(broken([{ id: 'l', kind: 'label', per: 'order', percent: 5 }])).toEqual(['CONFLICTING_FIELDS', 'fees.rules.0.of']);
    expect(() => defineReturnPolicy({ ...spec, fees: { ...spec.fees, rules: [{ id: 'l', kind: 'label', per: 'order', percent: 5, of: 'orderValue', when: { orderValue: { lte: '50.00' } } }] } })).not.toThrow();
  });

  it('refuses a kind charged both per item and per order, and a percentage of a fee charged per the other', () => {
    expect(broken([{ id: 'a', kind: 'label', per: 'order', flat: '5.00', when: { orderValue: { lte: '75.00' } } }, { id: 'b', kind: 'label', flat: '1.00' }])).toEqual(['CONFLICTING_FIELDS', 'fees.rules.1.per']);
    expect(broken([{ id: 'a', kind: 'label', per: 'order', flat: '5.00' }, { id: 'b', kind: 'premium', percent: 10, of: 'fee:a' }])).toEqual(['CONFLICTING_FIELDS', 'fees.rules.1.per']);
    expect(() => defineReturnPolicy({ ...spec, fees: { ...spec.fees, rules: [{ id: 'x', kind: 'label', per: 'order', percent: 50, of: 'orderValue' }] } })).not.toThrow();
  });

  it('refuses a shipping refund rule with an id another rule has', () => {
    expect(errorOf(() => defineReturnPolicy({ ...spec, shippingRefund: [{ id: 'label' }] }))).toEqual(['DUPLICATE_ID', 'shippingRefund.0.id']);
    expect(() => defineReturnPolicy({ ...spec, shippingRefund: [{ id: 's', wholeOrder: false as unknown as true }] })).toThrow(ReturnPolicyError);
  });
});
