import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/errors.js';
import {
  compare,
  equals,
  greaterThan,
  greaterThanOrEqual,
  isNegative,
  isZero,
  lessThan,
  lessThanOrEqual,
  maximum,
  minimum,
  money,
  type Money,
} from '../../src/money/index.js';

const usd = (amount: string) => money(amount, 'USD');
const eur = (amount: string) => money(amount, 'EUR');

describe('comparing two amounts, one cent apart and equal', () => {
  // [a, b, compare, equals, >, >=, <, <=]
  it.each([
    ['75.00', '75.01', -1, false, false, false, true, true],
    ['75.00', '75.00', 0, true, false, true, false, true],
    ['75.01', '75.00', 1, false, true, true, false, false],
  ] as const)('%s against %s', (a, b, order, eq, gt, gte, lt, lte) => {
    expect(compare(usd(a), usd(b))).toBe(order);
    expect(equals(usd(a), usd(b))).toBe(eq);
    expect(greaterThan(usd(a), usd(b))).toBe(gt);
    expect(greaterThanOrEqual(usd(a), usd(b))).toBe(gte);
    expect(lessThan(usd(a), usd(b))).toBe(lt);
    expect(lessThanOrEqual(usd(a), usd(b))).toBe(lte);
  });

  it('an amount is negative only below zero: not at zero, not above, not a signed zero', () => {
    expect(isNegative(usd('-0.01'))).toBe(true);
    expect(isNegative(usd('0.00'))).toBe(false);
    expect(isNegative(usd('0.01'))).toBe(false);
    expect(isNegative({ amount: '-0.00', currency: 'USD' })).toBe(false);
    expect([isZero(usd('0.01')), isZero({ amount: '-0.00', currency: 'USD' })]).toEqual([false, true]);
  });

  it.each([
    ['compare', () => compare(usd('1.00'), eur('1.00'))],
    ['equals', () => equals(usd('1.00'), eur('1.00'))],
    ['greaterThan', () => greaterThan(usd('1.00'), eur('1.00'))],
    ['greaterThanOrEqual', () => greaterThanOrEqual(usd('1.00'), eur('1.00'))],
    ['lessThan', () => lessThan(usd('1.00'), eur('1.00'))],
    ['lessThanOrEqual', () => lessThanOrEqual(usd('1.00'), eur('1.00'))],
  ])('%s refuses amounts in two currencies instead of comparing the numbers', (_name, call) => {
    expect(errorOf(call)).toEqual(['CURRENCY_MISMATCH', '1.currency']);
  });
});

describe('the smallest and the largest of several amounts', () => {
  it('finds the extreme wherever it stands in the list', () => {
    expect(minimum(usd('25.00'), usd('49.00'), usd('45.00')).amount).toBe('25.00');
    expect(minimum(usd('49.00'), usd('25.00'), usd('45.00')).amount).toBe('25.00');
    expect(minimum(usd('49.00'), usd('45.00'), usd('25.00')).amount).toBe('25.00');
    expect(maximum(usd('49.00'), usd('25.00'), usd('45.00')).amount).toBe('49.00');
    expect(maximum(usd('25.00'), usd('49.00'), usd('45.00')).amount).toBe('49.00');
    expect(maximum(usd('25.00'), usd('45.00'), usd('49.00')).amount).toBe('49.00');
    expect(maximum(usd('-3.00')).amount).toBe('-3.00');
  });

  it('refuses a list with another currency, naming the position of the odd one out', () => {
    expect(errorOf(() => minimum(usd('1.00'), usd('2.00'), eur('0.50')))).toEqual(['CURRENCY_MISMATCH', '2.currency']);
    expect(errorOf(() => maximum(usd('1.00'), usd('2.00'), eur('5.00')))).toEqual(['CURRENCY_MISMATCH', '2.currency']);
  });

  it('refuses a single value that is not Money rather than handing it back', () => {
    expect(errorOf(() => minimum(null as unknown as Money))).toEqual(['INVALID_AMOUNT', '0']);
    expect(errorOf(() => maximum({ amount: '1.00' } as unknown as Money))).toEqual(['INVALID_AMOUNT', '0']);
  });
});
