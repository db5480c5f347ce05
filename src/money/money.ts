import * as messages from '../_lib/messages.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import { isCurrency, minorUnits } from './currency.js';
import { Decimal, ROUNDING, type Rounding, type RoundingMode } from './decimal.js';

/**
 * An amount of money as plain JSON data: a decimal string with exactly the currency's minor-unit
 * decimals (`"12.50"`, `"1500"` for JPY, `"0.125"` for KWD) and an ISO 4217 code.
 *
 * @remarks Since 0.1.0
 */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;

function fail(issue: Issue, details: Record<string, unknown> = {}): never {
  throw new InvalidArgumentError([issue], details);
}

/** Checks a rounding mode name. */
export function roundingOf(mode: RoundingMode | undefined): Rounding {
  if (mode === undefined) return ROUNDING['half-up'];
  // Own keys only: "valueOf" or "constructor" is not a rounding mode.
  const rounding = typeof mode === 'string' && Object.hasOwn(ROUNDING, mode) ? ROUNDING[mode] : undefined;
  if (rounding === undefined) fail({ code: 'INVALID_ROUNDING', path: ['rounding'], message: messages.INVALID_ROUNDING(mode) });
  return rounding;
}

/** A decimal from a string or number input, exact (numbers through their shortest round-trip text). */
export function decimalOf(value: unknown, path: (string | number)[] = ['amount']): Decimal {
  // Number.isFinite is false for anything but a finite number (it never coerces).
  if (Number.isFinite(value)) return new Decimal(String(value));
  if (typeof value === 'string' && DECIMAL_TEXT.test(value)) return new Decimal(value);
  return fail({ code: 'INVALID_AMOUNT', path, message: messages.INVALID_AMOUNT(value) });
}

/** A Money from an exact decimal, rounded once to the currency's minor unit. */
export function fromDecimal(value: Decimal, currency: string, rounding: Rounding): Money {
  const digits = minorUnits(currency);
  const rounded = value.toDecimalPlaces(digits, rounding);
  // toFixed never prints "-0.00": a zero is always written unsigned.
  const amount = rounded.isZero() ? new Decimal(0).toFixed(digits) : rounded.toFixed(digits);
  return { amount, currency };
}

/** The exact decimal of a Money, after checking it is well formed. */
export function toDecimal(value: Money, path: (string | number)[] = []): Decimal {
  if (!value || typeof value !== 'object') return fail({ code: 'INVALID_AMOUNT', path, message: messages.NOT_MONEY(value) });
  // A Money's amount is always its decimal string; a number there has already lost its exactness.
  if (typeof value.amount !== 'string') return fail({ code: 'INVALID_AMOUNT', path: [...path, 'amount'], message: messages.INVALID_AMOUNT(value.amount) });
  // Checked here rather than by minorUnits() so that the path names which value has the unknown code.
  if (!isCurrency(value.currency)) fail({ code: 'UNKNOWN_CURRENCY', path: [...path, 'currency'], message: messages.UNKNOWN_CURRENCY(value.currency) });
  const digits = minorUnits(value.currency);
  const decimal = decimalOf(value.amount, [...path, 'amount']);
  if (decimal.decimalPlaces() > digits) {
    fail({ code: 'TOO_PRECISE', path: [...path, 'amount'], message: messages.TOO_PRECISE(value.amount, value.currency, digits) });
  }
  return decimal;
}

/** The common currency of several Money values, or a CURRENCY_MISMATCH error. */
export function currencyOf(values: readonly Money[]): string {
  values.forEach((value, i) => {
    if (!value || typeof value !== 'object' || typeof value.currency !== 'string') fail({ code: 'INVALID_AMOUNT', path: [i], message: messages.NOT_MONEY(value) });
  });
  const first = values[0]?.currency as string;
  values.forEach((value, i) => {
    if (value.currency !== first) {
      fail({ code: 'CURRENCY_MISMATCH', path: [i, 'currency'], message: messages.CURRENCY_MISMATCH(first, String(value?.currency)) });
    }
  });
  return first;
}

/**
 * Makes a Money from a decimal string or a number, exactly. A number goes through its shortest
 * round-trip text, so `money(0.1, 'USD')` is exactly 0.10. An amount finer than the currency
 * allows is an error, unless you name a rounding mode.
 *
 * @param amount - `"12.5"`, `12.5`, `"-3"` (no exponents, spaces or separators in strings).
 * @param currency - ISO 4217 code.
 * @param options - `rounding` to round a finer amount instead of rejecting it.
 * @returns `{ amount, currency }` with exactly the currency's decimals.
 * @throws {@link InvalidArgumentError} `INVALID_AMOUNT`, `UNKNOWN_CURRENCY`, `TOO_PRECISE`, `INVALID_ROUNDING`.
 * @example
 * ```ts
 * money('12.5', 'USD');                            //=> { amount: '12.50', currency: 'USD' }
 * money(1500, 'JPY');                              //=> { amount: '1500', currency: 'JPY' }
 * money('19.999', 'USD', { rounding: 'half-up' }); //=> { amount: '20.00', currency: 'USD' }
 * money('19.999', 'USD');                          // throws TOO_PRECISE
 * ```
 * @remarks Since 0.1.0
 */
export function money(amount: string | number, currency: string, options: { readonly rounding?: RoundingMode } = {}): Money {
  const digits = minorUnits(currency);
  const decimal = decimalOf(amount);
  if (options.rounding === undefined && decimal.decimalPlaces() > digits) {
    fail({ code: 'TOO_PRECISE', path: ['amount'], message: messages.TOO_PRECISE(String(amount), currency, digits) });
  }
  return fromDecimal(decimal, currency, roundingOf(options.rounding));
}

/**
 * The amount in minor units (cents) as a bigint, exact at any size.
 *
 * @example
 * ```ts
 * toMinorUnits(money('12.34', 'USD')); //=> 1234n
 * ```
 * @remarks Since 0.1.0
 */
export function toMinorUnits(value: Money): bigint {
  const decimal = toDecimal(value);
  return BigInt(decimal.times(new Decimal(10).pow(minorUnits(value.currency))).toFixed(0));
}

/**
 * A Money from minor units (cents).
 *
 * @example
 * ```ts
 * fromMinorUnits(1234n, 'USD'); //=> { amount: '12.34', currency: 'USD' }
 * ```
 * @remarks Since 0.1.0
 */
export function fromMinorUnits(units: bigint | number, currency: string): Money {
  if (typeof units !== 'bigint' && !Number.isSafeInteger(units)) {
    fail({ code: 'INVALID_AMOUNT', path: ['units'], message: messages.INVALID_AMOUNT(units) });
  }
  return fromDecimal(new Decimal(units.toString()).div(new Decimal(10).pow(minorUnits(currency))), currency, ROUNDING['half-up']);
}
