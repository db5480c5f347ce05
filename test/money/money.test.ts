import { errorOf, thrownError } from '../helpers/errors.js';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  add,
  allocate,
  compare,
  equals,
  formatMoney,
  fromMinorUnits,
  greaterThan,
  isNegative,
  isZero,
  lessThanOrEqual,
  maximum,
  minimum,
  minorUnits,
  money,
  moneyIn,
  multiply,
  negate,
  percentOf,
  subtract,
  sum,
  toMinorUnits,
  type Money,
} from '../../src/money/index.js';

const usd = (amount: string) => money(amount, 'USD');


describe('making money', () => {
  it('writes exactly the minor-unit decimals of ISO 4217', () => {
    expect([minorUnits('USD'), minorUnits('JPY'), minorUnits('THB'), minorUnits('KWD'), minorUnits('CLF')]).toEqual([2, 0, 2, 3, 4]);
    expect(money('12.5', 'USD')).toEqual({ amount: '12.50', currency: 'USD' });
    expect(money(1500, 'JPY')).toEqual({ amount: '1500', currency: 'JPY' });
    expect(money('0.125', 'KWD')).toEqual({ amount: '0.125', currency: 'KWD' });
    expect(money('-0', 'USD')).toEqual({ amount: '0.00', currency: 'USD' });
  });

  it('parses numbers through their shortest text, so 0.1 + 0.2 style inputs stay exact', () => {
    expect(add(money(0.1, 'USD'), money(0.2, 'USD'))).toEqual(usd('0.30'));
    expect(money(19.99, 'USD')).toEqual(usd('19.99'));
    expect(money(1e15, 'USD')).toEqual(usd('1000000000000000.00'));
    // The float 0.1 + 0.2 itself is 0.30000000000000004: finer than a cent, so refused unless rounded.
    expect(errorOf(() => money(0.1 + 0.2, 'USD'))).toEqual(['TOO_PRECISE', 'amount']);
    expect(money(0.1 + 0.2, 'USD', { rounding: 'half-up' })).toEqual(usd('0.30'));
  });

  it('rounds a finer amount only when asked, with the mode asked for', () => {
    expect(money('19.995', 'USD', { rounding: 'half-up' }).amount).toBe('20.00');
    expect(money('19.995', 'USD', { rounding: 'half-even' }).amount).toBe('20.00');
    expect(money('19.985', 'USD', { rounding: 'half-even' }).amount).toBe('19.98');
    expect(money('-2.5', 'JPY', { rounding: 'half-up' }).amount).toBe('-3');
    expect(money('-2.5', 'JPY', { rounding: 'half-even' }).amount).toBe('-2');
    expect(money('2.1', 'JPY', { rounding: 'ceil' }).amount).toBe('3');
    expect(money('-2.1', 'JPY', { rounding: 'floor' }).amount).toBe('-3');
    expect(money('2.9', 'JPY', { rounding: 'down' }).amount).toBe('2');
    expect(money('2.1', 'JPY', { rounding: 'up' }).amount).toBe('3');
  });

  it.each([
    [() => money('1e5', 'USD'), 'INVALID_AMOUNT', 'amount'],
    [() => money('1,000.00', 'USD'), 'INVALID_AMOUNT', 'amount'],
    [() => money(Number.NaN, 'USD'), 'INVALID_AMOUNT', 'amount'],
    [() => money('12.00', 'usd'), 'UNKNOWN_CURRENCY', 'currency'],
    [() => money('12.00', 'XYZ'), 'UNKNOWN_CURRENCY', 'currency'],
    [() => money('19.999', 'USD'), 'TOO_PRECISE', 'amount'],
    [() => money('1.5', 'JPY'), 'TOO_PRECISE', 'amount'],
    [() => money('1', 'USD', { rounding: 'bankers' as never }), 'INVALID_ROUNDING', 'rounding'],
    // Names every object has are not rounding modes (found by the law below).
    [() => multiply(usd('1.00'), 0, 'valueOf' as never), 'INVALID_ROUNDING', 'rounding'],
    [() => percentOf(usd('1.00'), 10, 'constructor' as never), 'INVALID_ROUNDING', 'rounding'],
    [() => add(usd('1.00'), money('1.00', 'EUR')), 'CURRENCY_MISMATCH', '1.currency'],
    [() => add(usd('1.00'), { amount: '1.001', currency: 'USD' }), 'TOO_PRECISE', '1.amount'],
    [() => sum([]), 'EMPTY_SUM', ''],
    [() => allocate(usd('1.00'), [0, 0]), 'INVALID_RATIOS', 'ratios'],
    [() => allocate(usd('1.00'), [-1, 2]), 'INVALID_RATIOS', 'ratios'],
  ])('rejects bad input with a typed error (%#)', (fn, code, path) => {
    expect(fn).toThrow(InvalidArgumentError);
    expect(errorOf(fn)).toEqual([code, path]);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, sums and negates exactly', () => {
    expect(add(usd('0.10'), usd('0.20'), usd('0.30'))).toEqual(usd('0.60'));
    expect(subtract(usd('10.00'), usd('12.50'))).toEqual(usd('-2.50'));
    expect(sum([usd('7.00'), usd('15.00'), usd('25.00')])).toEqual(usd('47.00'));
    expect(sum([], 'JPY')).toEqual(money('0', 'JPY'));
    expect(negate(usd('0.00'))).toEqual(usd('0.00'));
  });

  it('charges a 15 % restocking fee rounded once to the cent', () => {
    expect(percentOf(usd('129.99'), 15)).toEqual(usd('19.50')); // 19.4985
    expect(percentOf(usd('0.25'), 50)).toEqual(usd('0.13')); // 0.125, half up
    expect(percentOf(usd('0.25'), 50, 'half-even')).toEqual(usd('0.12'));
    expect(percentOf(money('350', 'THB'), '12.5')).toEqual(money('43.75', 'THB'));
    expect(percentOf(money('1000', 'JPY'), 15)).toEqual(money('150', 'JPY'));
  });

  it('multiplies by exact factors', () => {
    expect(multiply(usd('19.99'), 3)).toEqual(usd('59.97'));
    expect(multiply(usd('10.00'), '0.333', 'half-even')).toEqual(usd('3.33'));
    expect(multiply(usd('49.00'), 1.3)).toEqual(usd('63.70')); // same-day premium +30 %
  });
});

describe('comparing', () => {
  it('compares amounts of one currency whatever their spelling', () => {
    expect(compare(usd('75.00'), money('75', 'USD'))).toBe(0);
    expect(equals(usd('75.00'), usd('75'))).toBe(true);
    expect(greaterThan(usd('75.01'), usd('75.00'))).toBe(true);
    expect(lessThanOrEqual(usd('75.00'), usd('75.00'))).toBe(true);
    expect([isZero(usd('0')), isNegative(usd('-0.01')), isNegative(usd('0'))]).toEqual([true, true, false]);
    expect(minimum(usd('49.00'), usd('25.00'), usd('45.00')).amount).toBe('25.00');
    expect(maximum(usd('0.00'), usd('-3.00')).amount).toBe('0.00');
  });
});

describe('allocation', () => {
  it('never loses a minor unit', () => {
    expect(allocate(usd('100.00'), [1, 1, 1]).map((m) => m.amount)).toEqual(['33.34', '33.33', '33.33']);
    expect(allocate(usd('-100.00'), [1, 1, 1]).map((m) => m.amount)).toEqual(['-33.34', '-33.33', '-33.33']);
    expect(allocate(money('5', 'JPY'), [1, 1]).map((m) => m.amount)).toEqual(['3', '2']);
    expect(allocate(usd('0.05'), [70, 30]).map((m) => m.amount)).toEqual(['0.04', '0.01']);
    expect(allocate(usd('10.00'), ['1', '0', '1']).map((m) => m.amount)).toEqual(['5.00', '0.00', '5.00']);
  });
});

describe('minor units and formatting', () => {
  it('converts to and from minor units exactly, at any size', () => {
    expect(toMinorUnits(usd('12.34'))).toBe(1234n);
    expect(toMinorUnits(usd('-0.01'))).toBe(-1n);
    expect(toMinorUnits(usd('123456789012345678.90'))).toBe(12345678901234567890n);
    expect(fromMinorUnits(1234n, 'USD')).toEqual(usd('12.34'));
    expect(fromMinorUnits(-125, 'KWD')).toEqual(money('-0.125', 'KWD'));
  });

  it('formats for people without going through a float', () => {
    expect(formatMoney(usd('1234.5'))).toBe('$1,234.50');
    expect(formatMoney(money('1234.5', 'EUR'), 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(money('1500', 'JPY'), 'ja-JP')).toBe('￥1,500');
    expect(formatMoney(usd('12345678901234567.89'))).toBe('$12,345,678,901,234,567.89');
  });
});

describe('amounts in a policy currency', () => {
  it('reads strings in the currency, keeps Money in it, and refuses other currencies or negatives when asked', () => {
    expect(moneyIn('129.99', 'USD', 'price')).toEqual(usd('129.99'));
    expect(moneyIn(usd('12.5'), 'USD')).toEqual(usd('12.50'));
    expect(errorOf(() => moneyIn(money('5.00', 'EUR'), 'USD', 'price'))).toEqual(['CURRENCY_MISMATCH', 'price.currency']);
    expect(errorOf(() => moneyIn('-1.00', 'USD', 'price', { nonNegative: true }))).toEqual(['INVALID_FACT', 'price']);
    expect(moneyIn('-1.00', 'USD', 'price')).toEqual(usd('-1.00'));
    expect(errorOf(() => moneyIn({ amount: '1.001', currency: 'USD' }, 'USD'))).toEqual(['TOO_PRECISE', 'amount.amount']);
  });

  it('refuses a key beside amount and currency in a request amount, with a did-you-mean, rather than drop it', () => {
    const extra = thrownError(() => moneyIn({ amount: '1.00', currency: 'USD', taxIncluded: true } as unknown as Money, 'USD', ['order', 'value']));
    expect(extra.issues.map((i) => [i.code, i.path.join('.'), i.allowed])).toEqual([['UNKNOWN_KEY', 'order.value.taxIncluded', ['amount', 'currency']]]);
    // A misspelt amount is named as the misspelling, not as a missing amount.
    const typo = thrownError(() => moneyIn({ amout: '1.00', currency: 'USD' } as unknown as Money, 'USD', 'price'));
    expect(typo.issues.map((i) => [i.code, i.path.join('.'), i.suggestion])).toEqual([['UNKNOWN_KEY', 'price.amout', 'amount']]);
    expect(moneyIn({ amount: '1.00', currency: 'USD' }, 'USD', 'price')).toEqual(usd('1.00'));
  });
});

describe('money from plain JavaScript', () => {
  it('refuses what is not Money instead of treating it as zero or as a number', () => {
    expect(errorOf(() => sum([null as unknown as Money], 'USD'))).toEqual(['INVALID_AMOUNT', '0']);
    expect(errorOf(() => sum([money('1.00', 'USD')], 'EUR'))).toEqual(['CURRENCY_MISMATCH', '0.currency']);
    // Regression (fast-check counterexample): a currency that is not a string is named as such, not a TypeError.
    expect(errorOf(() => sum([money('12.50', 'USD')], { toString: 0 } as unknown as string))).toEqual(['UNKNOWN_CURRENCY', 'currency']);
    expect(errorOf(() => sum([], 'usd'))).toEqual(['UNKNOWN_CURRENCY', 'currency']);
    expect(errorOf(() => add(money('1.00', 'USD'), { amount: 1, currency: 'USD' } as unknown as Money))).toEqual(['INVALID_AMOUNT', '1.amount']);
    expect(errorOf(() => compare(money('1.00', 'USD'), null as unknown as Money))).toEqual(['INVALID_AMOUNT', '1']);
    expect(errorOf(() => formatMoney(money('1.00', 'USD'), 'xx-invalid-@@'))).toEqual(['INVALID_VALUE', 'locale']);
  });

  it('shows NaN and Infinity by name', () => {
    expect(() => percentOf(money('10.00', 'USD'), Number.NaN)).toThrow('at percent: NaN is not an amount');
    expect(() => multiply(money('10.00', 'USD'), Number.POSITIVE_INFINITY)).toThrow('at factor: Infinity is not an amount');
  });
});

describe('money functions from plain JavaScript', () => {
  it('law: any argument gives an answer or a SupportRulesError with a path, never another error', async () => {
    const fc = (await import('fast-check')).default;
    const { thrown } = await import('../helpers/malformed.js');
    const usd = money('12.50', 'USD');
    const junk = fc.oneof(fc.anything(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '1e3', '12,50', null, { amount: 1, currency: 'USD' }, { amount: '1.00' }, [usd], [1, 2], 1.5, 12n));
    fc.assert(
      fc.property(junk, junk, (a, b) => {
        for (const call of [
          () => money(a as string, 'USD'),
          () => money('1.00', a as string),
          () => add(usd, a as Money),
          () => compare(a as Money, usd),
          () => percentOf(usd, a as number),
          () => multiply(usd, a as number, b as never),
          () => sum([a as Money], 'USD'),
          () => allocate(usd, [a as number, b as number]),
          () => allocate(a as Money, b as number[]),
          () => sum(a as Money[], b as string),
          () => subtract(a as Money, b as Money),
          () => negate(a as Money),
          () => minimum(a as Money, b as Money),
          () => isNegative(a as Money),
          () => toMinorUnits(a as Money),
          () => fromMinorUnits(a as bigint, 'USD'),
          () => fromMinorUnits(1n, a as string),
          () => formatMoney(usd, a as string),
          () => moneyIn(a as string, 'USD', 'price'),
        ]) {
          const error = thrown(call);
          if (error) expect(error.code).toMatch(/^[A-Z_]+$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
