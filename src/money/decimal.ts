// The one place decimal.js is configured: a private constructor with enough precision that
// nothing a support policy computes (amounts to 1e15, percentages, ratios) is ever rounded
// before the single rounding to the currency's minor unit.

import DecimalJs from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
export type Decimal = InstanceType<typeof Decimal>;

/**
 * How to round to the currency's minor unit: `half-up` (halves away from zero, the default),
 * `half-even` (banker's), `half-down`, `up` (away from zero), `down` (toward zero), `ceil`, `floor`.
 *
 * @remarks Since 0.1.0
 */
export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';

export const ROUNDING: Readonly<Record<RoundingMode, DecimalJs.Rounding>> = {
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  up: DecimalJs.ROUND_UP,
  down: DecimalJs.ROUND_DOWN,
  ceil: DecimalJs.ROUND_CEIL,
  floor: DecimalJs.ROUND_FLOOR,
};

/** decimal.js's rounding constant type. */
export type Rounding = DecimalJs.Rounding;
