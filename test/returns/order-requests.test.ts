import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, SupportRulesError, type JsonPath } from '../../src/errors/index.js';
import { checkOrderReturn, defineReturnPolicy } from '../../src/returns/index.js';
import { errorOf } from '../helpers/errors.js';
import { checkMalformedRequests, type FieldKind } from '../helpers/malformed.js';
import { DELIVERED, REQUESTED, spec } from './order-fixtures.js';

// Order return requests are parsed, not trusted, as single returns are: a broken field anywhere in
// the order, its lines, its discounts or the returned lines is refused at its own path.
const policy = defineReturnPolicy(spec);
const decide = (input: unknown) => checkOrderReturn(policy, input as Parameters<typeof checkOrderReturn>[1]);

const line = { id: 'L1', category: 'apparel', unitPrice: '20.00', quantity: 2, deliveredAt: DELIVERED };
const other = { id: 'L2', category: 'equipment', unitPrice: '45.00', quantity: 1, deliveredAt: DELIVERED };
const entry = { line: 'L1', quantity: 1, condition: 'unopened' };
const request = { order: { id: 'O-1', placedAt: '2026-09-28T18:00:00-07:00', lines: [line, other], discounts: [{ id: 'D', amount: '5.00' }], shipping: { amount: '6.00' } }, returning: [entry], requestedAt: REQUESTED };

/**
 * A decision on a request with a part replaced, whose errors are read relative to that part: the
 * helper's laws then say that a broken field of the part is refused at its own path inside it.
 */
function at(prefix: JsonPath, build: (part: Record<string, unknown>) => unknown) {
  return (part: Record<string, unknown>) => {
    try {
      return decide(build(part));
    } catch (error) {
      if (!(error instanceof SupportRulesError)) throw error;
      const inside = error.issues.filter((issue) => prefix.every((key, i) => issue.path[i] === key)).map((issue) => ({ ...issue, path: issue.path.slice(prefix.length) }));
      throw new InvalidArgumentError(inside.length > 0 ? inside : error.issues);
    }
  };
}

const instant = { kind: 'instant' } as const;
const text = { kind: 'text' } as const;
const conditions = ['unopened', 'opened', 'used', 'damaged-by-customer'];

describe('order return requests from JSON and plain JavaScript', () => {
  it('decides the valid request', () => {
    // The 5.00 discount by line value: L1 40.00 of 85.00 takes 2.35, L2 2.65; one unit of L1's two
    // carries 1.18 of it; the order (80.00) is over 75.00, so the label is free.
    expect(decide(request).quote?.refund.amount).toBe('18.82');
  });

  it('names the field inside the order, its line or its returned line', () => {
    expect(errorOf(() => decide({ ...request, order: { ...request.order, lines: [{ ...line, unitPrice: 20 }] } }))).toEqual(['INVALID_TYPE', 'order.lines.0.unitPrice']);
    expect(() => decide({ ...request, order: { ...request.order, lines: [{ ...line, unitPrice: 20 }] } })).toThrow('amounts are decimal strings');
    expect(errorOf(() => decide({ ...request, order: { ...request.order, lines: [{ ...line, qty: 2 }] } }))).toEqual(['UNKNOWN_KEY', 'order.lines.0.qty']);
    expect(() => decide({ ...request, order: { ...request.order, lines: [{ ...line, quantty: 2 }] } })).toThrow('did you mean "quantity"?');
    expect(errorOf(() => decide({ ...request, returning: [{ ...entry, condition: 'Opened' }] }))).toEqual(['UNKNOWN_IN_POLICY', 'returning.0.condition']);
    expect(errorOf(() => decide({ ...request, returning: [{ ...entry, quantity: 0 }] }))).toEqual(['INVALID_FACT', 'returning.0.quantity']);
    expect(errorOf(() => decide({ ...request, order: { ...request.order, lines: [{ ...line, category: 'shoes' }] } }))).toEqual(['UNKNOWN_CATEGORY', 'order.lines.0.category']);
    expect(errorOf(() => decide({ ...request, order: { ...request.order, shipping: null } }))).toEqual(['INVALID_TYPE', 'order.shipping']);
    expect(errorOf(() => decide({ ...request, order: { ...request.order, placedAt: '2026-09-28T18:00:00' } }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'order.placedAt']);
    expect(errorOf(() => decide({ ...request, exchange: true }))).toEqual(['UNKNOWN_KEY', 'exchange']);
  });

  it('lists every problem of a request at once', () => {
    try {
      decide({ ...request, order: { ...request.order, lines: [{ ...line, unitPrice: 20 }, { ...other, quantity: 1.5 }] }, returning: [{ ...entry, condition: null }] });
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidArgumentError).issues.map((issue) => issue.path.join('.'))).toEqual(['order.lines.0.unitPrice', 'order.lines.1.quantity', 'returning.0.condition']);
    }
  });

  it('law: the request, the order, an order line, a discount and a returned line each refuse a broken field at its path', () => {
    // `order` and `returning` take the "text" kind's refusals (numbers, booleans, null, '', objects):
    // none of them is an order or a list of returned lines either.
    checkMalformedRequests({ valid: fc.constant(request), decide, fields: { order: text, returning: text, requestedAt: instant }, numRuns: 60 });
    const orderFields: Record<string, FieldKind> = { id: text, currency: text, placedAt: instant, lines: text, discounts: text, shipping: text };
    checkMalformedRequests({ valid: fc.constant(request.order), decide: at(['order'], (order) => ({ ...request, order })), fields: orderFields, numRuns: 60 });
    const lineFields: Record<string, FieldKind> = {
      id: text,
      sku: text,
      category: { kind: 'term', values: spec.categories },
      unitPrice: { kind: 'money', currency: 'USD' },
      quantity: { kind: 'number', min: 1, max: 1_000_000, integer: true },
      deliveredAt: instant,
      weightKg: { kind: 'number', min: 0, max: 1_000_000 },
      flags: { kind: 'terms', values: ['final-sale'] },
    };
    const validLine = fc.record({ id: fc.constant('L1'), category: fc.constantFrom(...spec.categories), unitPrice: fc.integer({ min: 0, max: 100_000 }).map((c) => (c / 100).toFixed(2)), quantity: fc.integer({ min: 1, max: 3 }), deliveredAt: fc.constant(DELIVERED) });
    checkMalformedRequests({ valid: validLine, decide: at(['order', 'lines', 0], (l) => ({ ...request, order: { ...request.order, lines: [l, other] } })), fields: lineFields, numRuns: 100 });
    const discountFields: Record<string, FieldKind> = { id: text, amount: { kind: 'money', currency: 'USD' }, percent: { kind: 'number', min: 0, max: 100 }, lines: { kind: 'terms', values: ['L1', 'L2'] } };
    const validDiscount = fc.oneof(fc.record({ id: fc.constant('D'), amount: fc.integer({ min: 0, max: 4_000 }).map((c) => (c / 100).toFixed(2)) }), fc.record({ id: fc.constant('P'), percent: fc.integer({ min: 1, max: 100 }) }));
    checkMalformedRequests({ valid: validDiscount, decide: at(['order', 'discounts', 0], (d) => ({ ...request, order: { ...request.order, discounts: [d] } })), fields: discountFields, numRuns: 100 });
    const entryFields: Record<string, FieldKind> = {
      line: { kind: 'term', values: ['L1', 'L2'] },
      quantity: { kind: 'number', min: 1, max: 1_000_000, integer: true },
      condition: { kind: 'term', values: conditions },
      defective: { kind: 'boolean' },
      warranty: { kind: 'boolean' },
      service: { kind: 'term', values: ['return', 'exchange', 'replacement'] },
      evidence: { kind: 'terms', values: ['proofOfPurchase', 'photos', 'serialNumber'] },
      receivedAt: instant,
    };
    const validEntry = fc.record({ line: fc.constant('L1'), quantity: fc.integer({ min: 1, max: 2 }), condition: fc.constantFrom(...conditions), defective: fc.boolean() });
    checkMalformedRequests({ valid: validEntry, decide: at(['returning', 0], (e) => ({ ...request, returning: [e] })), fields: entryFields, numRuns: 100 });
  });
});
