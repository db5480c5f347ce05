import * as messages from '../_lib/messages.js';
import { InvalidArgumentError } from '../errors/index.js';
import { minorUnits } from './currency.js';
import { Decimal, ROUNDING, type RoundingMode } from './decimal.js';
import { currencyOf, decimalOf, fromDecimal, roundingOf, toDecimal, type Money } from './money.js';

const EXACT = ROUNDING['half-up']; // sums and differences of valid Money never need rounding

/**
 * Adds amounts of one currency.
 *
 * @throws {@link InvalidArgumentError} `CURRENCY_MISMATCH` for mixed currencies.
 * @example
 * ```ts
 * add(money('0.10', 'USD'), money('0.20', 'USD')); //=> { amount: '0.30', currency: 'USD' }
 * ```
 * @remarks Since 0.1.0
 */
export function add(a: Money, ...more: Money[]): Money {
  const all = [a, ...more];
  const currency = currencyOf(all);
  return fromDecimal(all.reduce((total, value, i) => total.plus(toDecimal(value, [i])), new Decimal(0)), currency, EXACT);
}

/**
 * Subtracts `b` from `a` (same currency); the result may be negative.
 *
 * @example
 * ```ts
 * subtract(money('10.00', 'USD'), money('12.50', 'USD')); //=> { amount: '-2.50', currency: 'USD' }
 * ```
 * @remarks Since 0.1.0
 */
export function subtract(a: Money, b: Money): Money {
  const currency = currencyOf([a, b]);
  return fromDecimal(toDecimal(a, [0]).minus(toDecimal(b, [1])), currency, EXACT);
}

/**
 * Sums a list (line items of a quote). An empty list needs the currency.
 *
 * @throws {@link InvalidArgumentError} `EMPTY_SUM` for an empty list without a currency; `UNKNOWN_CURRENCY` (at
 *   `currency`) for a currency given that is not one; `CURRENCY_MISMATCH`.
 * @example
 * ```ts
 * sum([money('7.00', 'USD'), money('15.00', 'USD')]); //=> { amount: '22.00', currency: 'USD' }
 * sum([], 'USD');                                     //=> { amount: '0.00', currency: 'USD' }
 * ```
 * @remarks Since 0.1.0
 */
export function sum(values: readonly Money[], currency?: string): Money {
  if (!Array.isArray(values)) throw new InvalidArgumentError([{ code: 'INVALID_TYPE', path: [], message: messages.NOT_A_LIST('values', 'Money', values) }]);
  // The currency given is checked before any message names it (from plain JS it may be anything).
  if (currency !== undefined) minorUnits(currency);
  if (values.length === 0) {
    if (currency === undefined) throw new InvalidArgumentError([{ code: 'EMPTY_SUM', path: [], message: messages.EMPTY_SUM() }]);
    return fromDecimal(new Decimal(0), currency, EXACT);
  }
  if (currency === undefined) return add(values[0] as Money, ...values.slice(1));
  // Checked against the list as given, so paths index it (not the zero prepended below).
  if (currencyOf(values) !== currency) {
    throw new InvalidArgumentError([{ code: 'CURRENCY_MISMATCH', path: [0, 'currency'], message: messages.CURRENCY_MISMATCH(currency, (values[0] as Money).currency) }]);
  }
  return add({ amount: new Decimal(0).toFixed(minorUnits(currency)), currency }, ...values);
}

/**
 * Negates an amount.
 *
 * @example
 * ```ts
 * negate(money('2.50', 'USD')); //=> { amount: '-2.50', currency: 'USD' }
 * ```
 * @remarks Since 0.1.0
 */
export function negate(value: Money): Money {
  return fromDecimal(toDecimal(value).neg(), value.currency, EXACT);
}

/**
 * Multiplies by an exact factor (a decimal string or number), rounding once to the minor unit.
 *
 * @param rounding - @defaultValue 'half-up'
 * @example
 * ```ts
 * multiply(money('19.99', 'USD'), 3);                      //=> { amount: '59.97', currency: 'USD' }
 * multiply(money('10.00', 'USD'), '0.333', 'half-even');   //=> { amount: '3.33', currency: 'USD' }
 * ```
 * @remarks Since 0.1.0
 */
export function multiply(value: Money, factor: string | number, rounding?: RoundingMode): Money {
  return fromDecimal(toDecimal(value).times(decimalOf(factor, ['factor'])), value.currency, roundingOf(rounding));
}

/**
 * A percentage of an amount, rounded once to the minor unit (`percentOf(price, 15)` is a 15 %
 * restocking fee).
 *
 * @param percent - e.g. `15` or `'12.5'`.
 * @param rounding - @defaultValue 'half-up'
 * @example
 * ```ts
 * percentOf(money('129.99', 'USD'), 15);               //=> { amount: '19.50', currency: 'USD' } (19.4985)
 * percentOf(money('0.25', 'USD'), 50, 'half-even');    //=> { amount: '0.12', currency: 'USD' } (0.125)
 * ```
 * @remarks Since 0.1.0
 */
export function percentOf(value: Money, percent: string | number, rounding?: RoundingMode): Money {
  return fromDecimal(toDecimal(value).times(decimalOf(percent, ['percent'])).div(100), value.currency, roundingOf(rounding));
}
