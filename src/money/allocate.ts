import * as messages from '../_lib/messages.js';
import { InvalidArgumentError } from '../errors/index.js';
import { Decimal } from './decimal.js';
import { decimalOf, fromMinorUnits, toMinorUnits, type Money } from './money.js';

/**
 * Splits an amount in proportion to ratios without losing a minor unit: every share is a whole
 * number of minor units, the shares add up to the amount exactly, and leftover units go one each
 * to the largest remainders (ties to the earlier share).
 *
 * @param value - The amount to split (may be negative).
 * @param ratios - Non-negative weights with a positive total, e.g. `[1, 1, 1]` or `['70', '30']`.
 * @returns One Money per ratio.
 * @throws {@link InvalidArgumentError} `INVALID_RATIOS`.
 * @example
 * ```ts
 * allocate(money('100.00', 'USD'), [1, 1, 1]).map((m) => m.amount); //=> ['33.34', '33.33', '33.33']
 * ```
 * @remarks Since 0.1.0
 */
export function allocate(value: Money, ratios: readonly (number | string)[]): Money[] {
  const invalid = () => new InvalidArgumentError([{ code: 'INVALID_RATIOS', path: ['ratios'], message: messages.INVALID_RATIOS() }]);
  if (!Array.isArray(ratios)) throw invalid();
  const weights = ratios.map((ratio, i) => decimalOf(ratio, ['ratios', i]));
  // An empty list has a zero total, so the total check covers it.
  const total = weights.reduce((a, b) => a.plus(b), new Decimal(0));
  if (weights.some((w) => w.isNegative() && !w.isZero()) || !total.greaterThan(0)) throw invalid();
  const units = toMinorUnits(value);
  const negative = units < 0n;
  const magnitude = new Decimal((negative ? -units : units).toString());
  // Floor each exact share, then hand out what is left by largest remainder.
  const exact = weights.map((w) => magnitude.times(w).div(total));
  const shares = exact.map((share) => BigInt(share.floor().toFixed(0)));
  let left = (negative ? -units : units) - shares.reduce((a, b) => a + b, 0n);
  // Array.prototype.sort is stable (ES2019), so equal remainders keep the earlier share first.
  const order = exact.map((share, i) => ({ i, remainder: share.minus(share.floor()) })).sort((a, b) => b.remainder.comparedTo(a.remainder));
  for (let k = 0; left > 0n; k++, left--) {
    const { i } = order[k % order.length] as { i: number };
    shares[i] = (shares[i] as bigint) + 1n;
  }
  return shares.map((share) => fromMinorUnits(negative ? -share : share, value.currency));
}
