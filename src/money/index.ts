/**
 * Money as plain data (`{ amount: '12.50', currency: 'USD' }`), computed exactly with decimal.js
 * and rounded once to the currency's ISO 4217 minor unit.
 *
 * @module money
 */
export { money, toMinorUnits, fromMinorUnits } from './money.js';
export type { Money } from './money.js';
export type { RoundingMode } from './decimal.js';
export { minorUnits, isCurrency } from './currency.js';
export { add, subtract, sum, negate, multiply, percentOf } from './arithmetic.js';
export { compare, equals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, isZero, isNegative, minimum, maximum } from './compare.js';
export { allocate } from './allocate.js';
export { moneyIn } from './money-in.js';
export { formatMoney } from './format.js';
