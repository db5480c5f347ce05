import { expect, it } from 'vitest';
import { defineFeeSchedule, quoteFees } from '../../src/fees/index.js';
import { thrownError } from '../helpers/errors.js';
import { primos as primosSchedule } from './seed-schedules.js';

// The examples in docs/fees.md and the doc comments of defineFeeSchedule and quoteFees.
// PelPro: "Restocking fee for non-defective returns: 15% if returned after 30 days."
const fees = defineFeeSchedule({
  id: 'pelpro',
  currency: 'USD',
  rules: [{ id: 'restock-after-30', kind: 'restocking', percent: 15, when: { defective: false, daysSinceDelivery: { gt: 30 } } }],
});

it('quotes the documented PelPro requests', () => {
  expect(fees.currency).toBe('USD');
  expect(quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 31 }).total).toEqual({ amount: '19.50', currency: 'USD' });
  expect(quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 30 }).total.amount).toBe('0.00');
  expect(quoteFees(fees, { price: '129.99', condition: 'opened', defective: true, daysSinceDelivery: 31 }).total).toEqual({ amount: '0.00', currency: 'USD' });
  const quote = quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 41 });
  expect([quote.total, quote.reasons[0]?.code]).toEqual([{ amount: '19.50', currency: 'USD' }, 'FEE_APPLIED']);
  expect(quoteFees(fees, { price: '129.99', condition: 'opened', defective: true, daysSinceDelivery: 41 }).total.amount).toBe('0.00');
});

it('quotes the documented Primos restocking ("Packaging state and fault")', () => {
  const primos = defineFeeSchedule({
    id: 'primos',
    currency: 'USD',
    rules: [{ id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened'], defective: false, category: ['electronics'], service: ['return'] } }],
  });
  expect(quoteFees(primos, { service: 'return', price: '249.00', condition: 'opened', category: 'electronics' }).total.amount).toBe('37.35');
  const defective = quoteFees(primos, { service: 'return', price: '249.00', condition: 'opened', defective: true, category: 'electronics' });
  expect(defective.total.amount).toBe('0.00');
  expect(defective.reasons[0]).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'defective', expected: 'false', actual: true } });
});

it('refuses a charging rule\'s missing fact ("A charging rule never fails quietly for a fact left out", quoteFees doc comment)', () => {
  const error = thrownError(() => quoteFees(fees, { price: '129.99', condition: 'opened' }));
  expect([error.code, error.path]).toEqual(['MISSING_FACT', ['daysSinceDelivery']]);
  expect(error.issues[0]?.message).toMatch(/^restock-after-30 charges 15 % of the price when daysSinceDelivery is > 30: give "daysSinceDelivery"\./);
  expect(quoteFees(fees, { price: '129.99', condition: 'opened', defective: true }).total.amount).toBe('0.00');

  const primos = defineFeeSchedule(primosSchedule);
  const exchange = thrownError(() => quoteFees(primos, { service: 'exchange', daysSinceDelivery: 12 }));
  expect([exchange.code, exchange.path, exchange.issues[0]?.allowed]).toEqual(['MISSING_FACT', ['sizeClass'], ['large', 'small']]);
  expect(exchange.issues[0]?.message).toMatch(
    /^exchange-small charges 7\.00 USD when sizeClass is small; exchange-large charges 15\.00 USD when sizeClass is large: give "sizeClass" \(large, small\)\. /,
  );
  expect(quoteFees(primos, { service: 'exchange', daysSinceDelivery: 12, sizeClass: 'small' }).total.amount).toBe('7.00');
  const late = quoteFees(primos, { service: 'exchange', daysSinceDelivery: 31 });
  expect(late.fees).toEqual([]);
  expect(late.reasons.find((r) => r.rule === 'exchange-small')?.facts).toMatchObject({ field: 'sizeClass', actual: null, fields: ['sizeClass', 'daysSinceDelivery'], missing: ['sizeClass'] });
});

it('gives no label to a return without its order value, as a reason ("Warranty shipping and labels")', () => {
  const trufit = defineFeeSchedule({ id: 'trufit', currency: 'USD', rules: [{ id: 'prepaid-label', kind: 'label', free: true, when: { service: ['return'], orderValue: { gt: '75.00' } } }] });
  const quote = quoteFees(trufit, { service: 'return' });
  expect(quote.fees).toEqual([]);
  expect(quote.reasons[0]).toMatchObject({ facts: { actual: null, missing: ['orderValue'] }, message: 'prepaid-label does not apply: orderValue was not given (needs > 75.00).' });
});
