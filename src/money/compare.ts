import { currencyOf, toDecimal, type Money } from './money.js';

/**
 * Compares two amounts of one currency: -1, 0 or 1.
 *
 * @throws {@link InvalidArgumentError} `CURRENCY_MISMATCH`.
 * @example
 * ```ts
 * compare(money('75.00', 'USD'), money('75', 'USD')); //=> 0
 * ```
 * @remarks Since 0.1.0
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  currencyOf([a, b]);
  return toDecimal(a, [0]).comparedTo(toDecimal(b, [1])) as -1 | 0 | 1;
}

/** Whether two amounts are equal (same currency required). @remarks Since 0.1.0 */
export function equals(a: Money, b: Money): boolean {
  return compare(a, b) === 0;
}

/** `a > b`. @remarks Since 0.1.0 */
export function greaterThan(a: Money, b: Money): boolean {
  return compare(a, b) > 0;
}

/** `a >= b`. @remarks Since 0.1.0 */
export function greaterThanOrEqual(a: Money, b: Money): boolean {
  return compare(a, b) >= 0;
}

/** `a < b`. @remarks Since 0.1.0 */
export function lessThan(a: Money, b: Money): boolean {
  return compare(a, b) < 0;
}

/** `a <= b`. @remarks Since 0.1.0 */
export function lessThanOrEqual(a: Money, b: Money): boolean {
  return compare(a, b) <= 0;
}

/** Whether the amount is zero. @remarks Since 0.1.0 */
export function isZero(value: Money): boolean {
  return toDecimal(value).isZero();
}

/** Whether the amount is below zero. @remarks Since 0.1.0 */
export function isNegative(value: Money): boolean {
  return toDecimal(value).isNegative() && !toDecimal(value).isZero();
}

/**
 * The smallest of one or more amounts of one currency.
 *
 * @example
 * ```ts
 * minimum(money('49.00', 'USD'), money('25.00', 'USD')).amount; //=> '25.00'
 * ```
 * @remarks Since 0.1.0
 */
export function minimum(first: Money, ...more: Money[]): Money {
  currencyOf([first, ...more]);
  return more.reduce((best, value) => (compare(value, best) < 0 ? value : best), first);
}

/**
 * The largest of one or more amounts of one currency.
 *
 * @example
 * ```ts
 * maximum(money('0.00', 'USD'), money('-3.00', 'USD')).amount; //=> '0.00'
 * ```
 * @remarks Since 0.1.0
 */
export function maximum(first: Money, ...more: Money[]): Money {
  currencyOf([first, ...more]);
  return more.reduce((best, value) => (compare(value, best) > 0 ? value : best), first);
}
