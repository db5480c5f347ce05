import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/errors.js';
import { allocate, money, type Money } from '../../src/money/index.js';

const usd = (amount: string) => money(amount, 'USD');
const amounts = (shares: Money[]) => shares.map((share) => share.amount);

describe('splitting an amount by ratios', () => {
  it('gives a leftover cent to the share with the largest remainder, not to the first share', () => {
    // Exact parts 0.333… and 0.666…: the second share is closer to a cent more.
    expect(amounts(allocate(usd('1.00'), [1, 2]))).toEqual(['0.33', '0.67']);
    expect(amounts(allocate(usd('1.00'), [5, 1]))).toEqual(['0.83', '0.17']);
    // 14.28…, 14.28… and 71.42… cents: the last remainder is the largest.
    expect(amounts(allocate(usd('1.00'), [1, 1, 5]))).toEqual(['0.14', '0.14', '0.72']);
  });

  it('breaks ties between equal remainders in favour of the earlier shares, however many there are', () => {
    // 100 cents over 200 equal shares: every remainder is half a cent; the first 100 get a cent.
    const shares = amounts(allocate(usd('1.00'), Array.from({ length: 200 }, () => 1)));
    expect(shares.slice(0, 100).every((amount) => amount === '0.01')).toBe(true);
    expect(shares.slice(100).every((amount) => amount === '0.00')).toBe(true);
  });

  it('splits zero into zeros, unsigned', () => {
    expect(amounts(allocate(usd('0.00'), [1, 3]))).toEqual(['0.00', '0.00']);
    expect(amounts(allocate(usd('-0.00'), [1]))).toEqual(['0.00']);
  });

  it('refuses ratios that cannot split anything, and names a bad ratio by its position', () => {
    expect(errorOf(() => allocate(usd('1.00'), []))).toEqual(['INVALID_RATIOS', 'ratios']);
    expect(errorOf(() => allocate(usd('1.00'), null as unknown as number[]))).toEqual(['INVALID_RATIOS', 'ratios']);
    expect(errorOf(() => allocate(usd('1.00'), [1, '1/2']))).toEqual(['INVALID_AMOUNT', 'ratios.1']);
    expect(errorOf(() => allocate(usd('1.00'), [Number.NaN]))).toEqual(['INVALID_AMOUNT', 'ratios.0']);
  });

  it('refuses an amount that is not Money with a typed error', () => {
    expect(errorOf(() => allocate(null as unknown as Money, [1]))).toEqual(['INVALID_AMOUNT', '']);
    expect(errorOf(() => allocate({ amount: '1.00', currency: 'XYZ' }, [1]))).toEqual(['UNKNOWN_CURRENCY', 'currency']);
  });
});
