import { expect, it } from 'vitest';
import { defineFeeSchedule, quoteFees } from '../../src/fees/index.js';

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
