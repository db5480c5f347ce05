// Money from plain JavaScript (JSON, untyped callers): every malformed value is refused with a
// typed error whose path names the value at fault, never read as something else.

import { describe, expect, it } from 'vitest';
import { errorOf, thrownError } from '../helpers/errors.js';
import {
  add,
  compare,
  formatMoney,
  fromMinorUnits,
  isCurrency,
  money,
  moneyIn,
  multiply,
  negate,
  subtract,
  sum,
  toMinorUnits,
  type Money,
} from '../../src/money/index.js';

const usd = (amount: string) => money(amount, 'USD');
const notMoney = (value: unknown) => value as Money;

describe('malformed Money is refused at the value or field at fault', () => {
  it('names which operand of a two-value operation is wrong', () => {
    expect(errorOf(() => subtract(notMoney({ amount: '1.001', currency: 'USD' }), usd('1.00')))).toEqual(['TOO_PRECISE', '0.amount']);
    expect(errorOf(() => subtract(usd('1.00'), notMoney({ amount: '1.001', currency: 'USD' })))).toEqual(['TOO_PRECISE', '1.amount']);
    expect(errorOf(() => add(usd('1.00'), notMoney({ amount: '1e3', currency: 'USD' })))).toEqual(['INVALID_AMOUNT', '1.amount']);
    expect(errorOf(() => compare(usd('1.00'), notMoney({ amount: '1.00' })))).toEqual(['INVALID_AMOUNT', '1']);
  });

  it('reports an unknown currency at the position of the value that carries it', () => {
    const xyz = notMoney({ amount: '1.00', currency: 'XYZ' });
    expect(errorOf(() => add(xyz, xyz))).toEqual(['UNKNOWN_CURRENCY', '0.currency']);
    expect(errorOf(() => compare(xyz, xyz))).toEqual(['UNKNOWN_CURRENCY', '0.currency']);
    expect(errorOf(() => negate(xyz))).toEqual(['UNKNOWN_CURRENCY', 'currency']);
  });

  it('tells a value that is not Money at all from a Money whose amount is wrong', () => {
    expect(errorOf(() => negate(notMoney(null)))).toEqual(['INVALID_AMOUNT', '']);
    expect(errorOf(() => negate(notMoney('12.50')))).toEqual(['INVALID_AMOUNT', '']);
    expect(errorOf(() => multiply(notMoney(undefined), 2))).toEqual(['INVALID_AMOUNT', '']);
    expect(errorOf(() => formatMoney(notMoney(12.5)))).toEqual(['INVALID_AMOUNT', '']);
    expect(errorOf(() => negate(notMoney({ amount: '1.001', currency: 'USD' })))).toEqual(['TOO_PRECISE', 'amount']);
    expect(errorOf(() => toMinorUnits(notMoney({ amount: 'twelve', currency: 'USD' })))).toEqual(['INVALID_AMOUNT', 'amount']);
  });

  it('refuses a sum of something that is not a list', () => {
    expect(errorOf(() => sum(null as unknown as Money[]))).toEqual(['INVALID_TYPE', '']);
    expect(errorOf(() => sum(notMoney(usd('1.00')) as unknown as Money[], 'USD'))).toEqual(['INVALID_TYPE', '']);
  });

  it('does not read an amount, a currency or a rounding mode out of a one-element array', () => {
    expect(errorOf(() => money(['12.50'] as never, 'USD'))).toEqual(['INVALID_AMOUNT', 'amount']);
    expect(errorOf(() => money('12.50', ['JPY'] as never))).toEqual(['UNKNOWN_CURRENCY', 'currency']);
    expect(isCurrency(['JPY'])).toBe(false);
    expect(isCurrency('JPY')).toBe(true);
    expect(errorOf(() => multiply(usd('1.00'), '0.5', ['half-up'] as never))).toEqual(['INVALID_ROUNDING', 'rounding']);
  });
});

describe('amounts from minor units', () => {
  it('takes a bigint of any size or a safe integer', () => {
    expect(fromMinorUnits(Number.MAX_SAFE_INTEGER, 'USD')).toEqual(usd('90071992547409.91'));
    expect(fromMinorUnits(2n ** 64n, 'JPY')).toEqual(money('18446744073709551616', 'JPY'));
  });

  it.each([1.5, 2 ** 53, Number.NaN, '1250', null])('refuses %s instead of rounding or parsing it', (units) => {
    expect(errorOf(() => fromMinorUnits(units as number, 'USD'))).toEqual(['INVALID_AMOUNT', 'units']);
  });
});

describe("a request's amount in the policy's currency", () => {
  it('reports errors at the JSON path of the field it was given', () => {
    const field = ['items', 2, 'price'];
    expect(errorOf(() => moneyIn('-1.00', 'USD', field, { nonNegative: true }))).toEqual(['INVALID_FACT', 'items.2.price']);
    expect(errorOf(() => moneyIn(money('5.00', 'EUR'), 'USD', field))).toEqual(['CURRENCY_MISMATCH', 'items.2.price.currency']);
    expect(errorOf(() => moneyIn({ amount: '1.001', currency: 'USD' }, 'USD', field))).toEqual(['TOO_PRECISE', 'items.2.price.amount']);
    expect(errorOf(() => moneyIn('1.001', 'USD', field))).toEqual(['TOO_PRECISE', 'items.2.price']);
  });

  it('accepts zero and positive amounts when negatives are refused', () => {
    expect(moneyIn('0.00', 'USD', 'price', { nonNegative: true })).toEqual(usd('0.00'));
    expect(moneyIn('0.01', 'USD', 'price', { nonNegative: true })).toEqual(usd('0.01'));
  });

  it('refuses a number, quoting the field and the number, because a number can lose digits', () => {
    const error = thrownError(() => moneyIn(129.99 as never, 'USD', ['items', 0, 'price']));
    expect([error.code, error.path.join('.')]).toEqual(['INVALID_TYPE', 'items.0.price']);
    expect(error.message).toMatch(/"price".*129\.99/);
  });

  it.each([
    ['null', null],
    ['a boolean', true],
    ['a list', ['129.99']],
  ])('refuses %s as a type error at the field', (_what, value) => {
    expect(errorOf(() => moneyIn(value as never, 'USD', 'price'))).toEqual(['INVALID_TYPE', 'price']);
  });

  it.each([
    ['a numeric amount', { amount: 129.99, currency: 'USD' }],
    ['no currency', { amount: '129.99' }],
    ['a currency that is not text', { amount: '129.99', currency: ['USD'] }],
  ])('refuses a Money-like object with %s instead of reading it', (_what, value) => {
    expect(errorOf(() => moneyIn(value as never, 'USD', 'price'))).toEqual(['INVALID_AMOUNT', 'price']);
  });
});
